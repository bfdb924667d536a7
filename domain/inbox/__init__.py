"""One inbox for every channel residents write on: email and text messages."""
