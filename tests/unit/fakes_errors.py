class DuplicateKey(Exception):
    """The fake's stand-in for a unique-constraint violation (a bug in the caller)."""
