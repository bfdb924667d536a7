"""Mail residents send to 311: parsed safely, received over SMTP or polled over IMAP.

Nothing here builds a database or media adapter: the composition root hands over what the
ingestion calls (the inbox use case, the photo keeper), as it does for the worker's jobs.
"""
