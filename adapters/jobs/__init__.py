"""Background work on pgqueuer: the outbox's dispatch, webhook delivery and the escalation scan."""
