"""Why a survey link is refused: forged or altered, too old, or already answered."""

from domain.shared.errors import Conflict, Expired, Forbidden


class SurveyLinkInvalid(Forbidden):
    def __init__(self) -> None:
        super().__init__("this survey link is not valid")


class SurveyLinkExpired(Expired):
    def __init__(self) -> None:
        super().__init__("this survey link has expired")


class SurveyAnswered(Conflict):
    def __init__(self, what: str = "this survey was already answered") -> None:
        super().__init__(what)
