"""Why the public form refused a submission: the field, and a code the API translates."""

from domain.shared.errors import FieldError, ValidationFailed


class Refused(ValidationFailed):
    """A guard said no. `code` names the reason (the API words it in the visitor's language)."""

    def __init__(self, field: str, code: str, message: str) -> None:
        super().__init__([FieldError(field, message)])
        self.field = field
        self.code = code
