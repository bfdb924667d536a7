"""Settings of the satisfaction survey (FRONTDOOR_SURVEY_* variables)."""

from datetime import timedelta

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from domain.surveys.model import SurveyPolicy


class SurveySettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FRONTDOOR_", extra="ignore")

    survey_delay_hours: float = Field(default=24.0, ge=0, le=24 * 60)  # after the closure
    survey_link_days: float = Field(default=30.0, gt=0, le=366)  # how long the link works
    survey_cron: str = "*/5 * * * *"  # empty: this worker sends no surveys
    public_survey_url: str = "http://127.0.0.1:8000/survey/{token}"  # the resident page

    @field_validator("public_survey_url")
    @classmethod
    def _names_the_token(cls, value: str) -> str:
        if "{token}" not in value:
            raise ValueError("must contain {token}, replaced by the survey link's token")
        return value

    def survey_policy(self) -> SurveyPolicy:
        return SurveyPolicy(
            delay=timedelta(hours=self.survey_delay_hours),
            lifetime=timedelta(days=self.survey_link_days),
        )
