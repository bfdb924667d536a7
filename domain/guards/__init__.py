"""Guards of the residents' public web form: a bot check that asks no third party (a small
proof of work, a honeypot field, a minimum fill time) and short-lived signed tokens."""
