"""Typed records: what payscrape returns for one page.

Every extracted fact carries its evidence: the surface ``text`` and the
``start``/``end`` character offsets into :attr:`payscrape.Document.text`.
Field names are a contract shared by the library, batch output, notebooks,
Spark and the evaluation; change them only with a schema version bump.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

SCHEMA_VERSION = "1"

PageType = Literal["market_report", "career_guide", "other"]
Period = Literal["year", "month", "week", "day", "hour"]
Bound = Literal["at_least", "at_most"]
Seniority = Literal["intern", "entry", "junior", "mid", "senior", "lead", "principal", "executive"]
Origin = Literal["text", "structured_data"]

SENIORITY_LEVELS: tuple[str, ...] = (
    "intern", "entry", "junior", "mid", "senior", "lead", "principal", "executive",
)


def _compact_number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


#: A number that serialises as ``150736`` rather than ``150736.0`` when integral.
Amount = Annotated[float, PlainSerializer(_compact_number, return_type=float | int)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Mention(_Model):
    """One occurrence of a fact in the page: the text and its offsets."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class YearsRange(_Model):
    """An experience range in years; ``max_years`` is ``None`` for open bands such as "7+"."""

    min_years: Amount | None = None
    max_years: Amount | None = None


class Salary(_Model):
    """One stated pay figure (a single amount has ``low == high``).

    ``text``/``start``/``end`` are the evidence; they are ``None`` only for figures read from
    structured data (``origin == "structured_data"``) that the visible text does not state.
    """

    low: Amount
    high: Amount
    bound: Bound | None = None
    currency: str | None = None
    period: Period | None = None
    statistic: str | None = None
    percentile: int | None = None
    projected_year: int | None = None
    experience: YearsRange | None = None
    seniority: Seniority | None = None
    location: str | None = None
    origin: Origin = "text"
    text: str | None = None
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)


class ExperienceBand(Mention):
    """A band of years of experience as the page states it."""

    min_years: Amount | None = None
    max_years: Amount | None = None
    label: str
    seniority: Seniority | None = None


class Skill(_Model):
    """A skill under its canonical vocabulary name, with every mention."""

    id: str
    name: str
    category: str
    mentions: list[Mention] = Field(default_factory=list)


class Certification(_Model):
    """A certification or professional designation, with every mention.

    ``in_vocabulary`` is ``False`` for credentials caught by pattern only.
    """

    id: str
    name: str
    issuer: str | None = None
    category: str | None = None
    in_vocabulary: bool = True
    mentions: list[Mention] = Field(default_factory=list)


class SeniorityShare(_Model):
    """Share of sampled salaries at one seniority level (a fraction, 0..1)."""

    level: Seniority
    share: float = Field(ge=0, le=1)
    text: str | None = None
    start: int | None = None
    end: int | None = None


class LocationPremium(_Model):
    """A location's pay premium over the page's base figure."""

    location: str
    premium: float
    amount: Amount | None = None
    currency: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None


class ErrorInfo(_Model):
    """Why a page could not be extracted (batch error rows)."""

    code: str
    message: str


class PageRecord(_Model):
    """Everything payscrape extracts from one page."""

    source: str | None = None
    url: str | None = None
    page_type: PageType | None = None
    page_type_score: float | None = None
    title: str | None = None
    role: str | None = None
    country: str | None = None
    region: str | None = None
    updated: str | None = None
    salaries: list[Salary] = Field(default_factory=list)
    experience_bands: list[ExperienceBand] = Field(default_factory=list)
    skills: list[Skill] = Field(default_factory=list)
    certifications: list[Certification] = Field(default_factory=list)
    data_points: int | None = None
    confidence_label: str | None = None
    seniority_mix: list[SeniorityShare] = Field(default_factory=list)
    location_premiums: list[LocationPremium] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    error: ErrorInfo | None = None

    def _repr_html_(self) -> str:
        """Rich display in Jupyter: page type, figures and facts (see :func:`payscrape.render`)."""
        from .render import render

        return render(self)
