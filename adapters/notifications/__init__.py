"""Email and SMS delivery: SMTP, and .eml/.txt files for development."""
