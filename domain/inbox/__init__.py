"""One inbox for every written channel: email and text messages in and out, threaded onto
the case or request they belong to."""
