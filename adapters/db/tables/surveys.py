"""The satisfaction survey: each closed request's one decision (asked, or why not), and its
one answer. The answer's comment is for staff only; no reporter's address is kept here."""

from sqlalchemy import (
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    SmallInteger,
    Table,
    Text,
)

from adapters.db.tables.base import metadata
from adapters.db.tables.requests import service_requests

survey_invitations = Table(
    "survey_invitations",
    metadata,
    Column(
        "request_id",
        Text,
        ForeignKey(service_requests.c.id, ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("invited_at", DateTime(timezone=True), nullable=False),
    Column("channel", Text),  # email or sms; null: not asked
    Column("skipped", Text),  # why not asked: no_contact, opted_out
    Index("ix_survey_invitations_invited_at", "invited_at"),
)

survey_answers = Table(
    "survey_answers",
    metadata,
    Column(
        "request_id",
        Text,
        ForeignKey(service_requests.c.id, ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("score", SmallInteger, nullable=False),
    Column("comment", Text),
    Column("channel", Text, nullable=False),  # the request's intake channel
    Column("department_code", Text, nullable=False),
    Column("service_code", Text, nullable=False),
    Column("answered_at", DateTime(timezone=True), nullable=False),
    CheckConstraint("score BETWEEN 1 AND 5", name="ck_survey_answers_score"),
    Index("ix_survey_answers_answered_at", "answered_at"),
)
