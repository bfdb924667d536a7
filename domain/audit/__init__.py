"""The audit trail: who changed what, when, and through which request (read side)."""
