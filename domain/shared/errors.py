"""Domain errors. The API maps each class to an HTTP status in one place (api/errors.py)."""

from datetime import timedelta

from domain.shared.rate_limits import Quota


class DomainError(Exception):
    """Base of every business-rule failure."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFound(DomainError):
    """The object does not exist, or the caller may not know that it exists."""


class Conflict(DomainError):
    """The request clashes with the object's current state (an illegal transition, a duplicate)."""


class IllegalTransition(Conflict):
    """A status move that the lifecycle does not allow."""


class Expired(DomainError):
    """The thing existed but its time is over (an expired link): asking again will not help."""


class PreconditionFailed(DomainError):
    """The caller's version of the object is stale."""


class PreconditionRequired(DomainError):
    """A write to an existing object came without the version it was based on."""


class Forbidden(DomainError):
    """The caller is known but their role may not do this."""


class Unauthenticated(DomainError):
    """No valid credentials."""


class RateLimited(DomainError):
    """The caller asked too often; `retry_after` says how long to wait. `quotas`, by policy
    name, are the used-up ones the answer tells of (the API may know of others)."""

    def __init__(
        self, detail: str, retry_after: timedelta, quotas: dict[str, Quota] | None = None
    ) -> None:
        super().__init__(detail)
        self.retry_after = retry_after
        self.quotas = quotas or {}


class FieldError:
    __slots__ = ("field", "message")

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message

    def __repr__(self) -> str:
        return f"FieldError({self.field!r}, {self.message!r})"


class ValidationFailed(DomainError):
    """Input that is well-formed but breaks a business rule (unknown code, bad attribute)."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = errors

    @classmethod
    def single(cls, field: str, message: str) -> "ValidationFailed":
        return cls([FieldError(field, message)])
