"""Bodies of the knowledge-base and triage endpoints."""

from datetime import date, datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from domain.knowledge.model import (
    MAX_BODY,
    MAX_LABEL,
    MAX_LABELS,
    MAX_SUMMARY,
    MAX_TITLE,
    Article,
    ArticleStatus,
    ArticleVersion,
    Audience,
)
from domain.knowledge.queries import ArticleSummary, TranslationRef
from domain.knowledge.triage import MAX_TERM, TermKind, TriageTerm

MAX_ID = 2**63 - 1
Language = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, max_length=35, pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"
    ),
]
Code = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
Slug = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=64, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$"),
]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_LABEL)]
Title = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TITLE)]
Summary = Annotated[str, StringConstraints(max_length=MAX_SUMMARY)]
Body = Annotated[str, StringConstraints(max_length=MAX_BODY)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ArticleCreate(Strict):
    title: Title
    summary: Summary = ""
    body: Body = Field(default="", description="Markdown")
    language: Language = Field(default="en", description="BCP 47 tag")
    audience: Audience = Audience.PUBLIC
    status: ArticleStatus = Field(
        default=ArticleStatus.DRAFT, description="draft or published (writers may publish at once)"
    )
    department: Code | None = Field(default=None, description="Owner; none means the 311 center")
    services: list[Code] = Field(default_factory=list, max_length=MAX_LABELS)
    tags: list[Label] = Field(default_factory=list, max_length=MAX_LABELS)
    review_by: date | None = Field(default=None, description="Past this date lists say stale")
    slug: Slug | None = None
    translation_of: int | None = Field(default=None, ge=1, le=MAX_ID, description="The original")


class ArticlePatch(Strict):
    """Fields left out stay as they are; department, review_by and slug take null to clear."""

    title: Title | None = None
    summary: Summary | None = None
    body: Body | None = None
    language: Language | None = None
    audience: Audience | None = None
    department: Code | None = None
    services: list[Code] | None = Field(default=None, max_length=MAX_LABELS)
    tags: list[Label] | None = Field(default=None, max_length=MAX_LABELS)
    review_by: date | None = None
    slug: Slug | None = None


class ArticleTransitionIn(Strict):
    to: ArticleStatus


class TranslationOut(BaseModel):
    id: int
    language: str
    title: str

    @classmethod
    def of(cls, ref: TranslationRef) -> "TranslationOut":
        return cls(id=ref.id, language=ref.language, title=ref.title)


class FeedbackOut(BaseModel):
    helpful: int
    not_helpful: int


class ArticleOut(BaseModel):
    id: int
    slug: str | None
    title: str
    summary: str
    body: str = Field(description="Markdown")
    language: str
    translation_of: int | None
    translations: list[TranslationOut] = Field(
        description="The original and the other translations the caller may read"
    )
    audience: Audience
    status: ArticleStatus
    department: str | None
    services: list[str]
    tags: list[str]
    review_by: date | None
    stale: bool = Field(description="The review date has passed")
    view_count: int
    use_count: int
    version: int
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    feedback: FeedbackOut | None = Field(
        default=None,
        description='Staff only: how readers answered "Was this helpful?" on the public site',
    )

    @classmethod
    def of(
        cls, article: Article, today: date, translations: list[TranslationRef] | None = None
    ) -> "ArticleOut":
        labels = article.labels
        return cls(
            id=article.id,
            slug=labels.slug,
            title=article.content.title,
            summary=article.content.summary,
            body=article.content.body,
            language=labels.language,
            translation_of=article.translation_of,
            translations=[TranslationOut.of(t) for t in translations or []],
            audience=labels.audience,
            status=article.status,
            department=labels.department_code,
            services=list(labels.services),
            tags=list(labels.tags),
            review_by=labels.review_by,
            stale=article.is_stale(today),
            view_count=article.view_count,
            use_count=article.use_count,
            version=article.version,
            created_at=article.created_at,
            updated_at=article.updated_at,
            published_at=article.published_at,
        )


class ArticleItem(BaseModel):
    id: int
    slug: str | None
    title: str
    summary: str
    snippet: str = Field(
        description="HTML-safe text: search hits are wrapped in <mark></mark>, the rest escaped"
    )
    language: str
    translation_of: int | None
    audience: Audience
    status: ArticleStatus
    department: str | None
    services: list[str]
    tags: list[str]
    review_by: date | None
    stale: bool
    view_count: int
    use_count: int
    version: int
    updated_at: datetime
    score: float | None = Field(description="Search rank; null when listing")

    @classmethod
    def of(cls, s: ArticleSummary) -> "ArticleItem":
        return cls(
            id=s.id,
            slug=s.slug,
            title=s.title,
            summary=s.summary,
            snippet=s.snippet,
            language=s.language,
            translation_of=s.translation_of,
            audience=s.audience,
            status=s.status,
            department=s.department_code,
            services=list(s.services),
            tags=list(s.tags),
            review_by=s.review_by,
            stale=s.stale,
            view_count=s.view_count,
            use_count=s.use_count,
            version=s.version,
            updated_at=s.updated_at,
            score=s.score,
        )


class ArticleList(BaseModel):
    items: list[ArticleItem]
    next_offset: int | None = Field(description="Pass as offset for the next page; null at the end")


class SuggestionList(BaseModel):
    items: list[ArticleItem]


class VersionOut(BaseModel):
    version: int
    title: str
    summary: str
    body: str
    status: ArticleStatus
    change: str = Field(examples=["created", "edited", "published", "archived", "draft"])
    edited_by: UUID | None
    edited_by_name: str
    edited_at: datetime

    @classmethod
    def of(cls, v: ArticleVersion) -> "VersionOut":
        return cls(
            version=v.version,
            title=v.content.title,
            summary=v.content.summary,
            body=v.content.body,
            status=v.status,
            change=v.change,
            edited_by=v.edited_by.user_id,
            edited_by_name=v.edited_by.name,
            edited_at=v.edited_at,
        )


class VersionList(BaseModel):
    items: list[VersionOut]


class TriageIn(Strict):
    text: Annotated[str, StringConstraints(min_length=1, max_length=4000)]
    language: Language = "en"


class ServiceSuggestion(BaseModel):
    service_code: str
    name: str


SAID = "The caller's words that raised the flag, in the order said"


class TriageOut(BaseModel):
    emergency: bool = Field(description="Transfer the caller to 911")
    emergency_terms: list[str] = Field(description=SAID)
    crisis: bool = Field(
        description="Suicide or self-harm: connect the caller to 988 (911 if in danger now)"
    )
    crisis_terms: list[str] = Field(description=SAID)
    social_services: bool = Field(description="Point the caller to 211")
    social_services_terms: list[str] = Field(description=SAID)
    suggested_services: list[ServiceSuggestion]
    suggested_articles: list[ArticleItem]


class TriageTermIn(Strict):
    term: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TERM),
        Field(
            description="1 to 8 words matched by stem, in any order within a few words of each"
            ' other; a|b lists alternatives, word* a prefix; "in quotes" keeps the order',
            examples=["gas smell|odor|leak", '"not|isnt breathing"', "dispara*|disparo*"],
        ),
    ]
    kind: TermKind
    language: Language


class TriageTermOut(BaseModel):
    id: int
    term: str
    kind: TermKind
    language: str

    @classmethod
    def of(cls, term: TriageTerm) -> "TriageTermOut":
        return cls(id=term.id, term=term.term, kind=term.kind, language=term.language)


class TriageTermList(BaseModel):
    items: list[TriageTermOut]
