"""Pydantic models of the lookup API's answers; they also generate the OpenAPI document."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel as PydanticModel
from pydantic import ConfigDict, Field


class BaseModel(PydanticModel):
    """Every response model: its validator is built on first use, not at import (the lookup's cold start)."""

    model_config = ConfigDict(defer_build=True)


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable machine-readable name, e.g. bad_parameter, not_found")
    message: str = Field(description="What went wrong and what to do about it")


class ErrorBody(BaseModel):
    """The one shape of every error answer."""

    error: ErrorDetail


class GatewayError(BaseModel):
    """The shape of API Gateway's own answers (missing key, undefined route or method, throttled)."""

    message: str = Field(description="Forbidden, Missing Authentication Token, Too Many Requests, ...")


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    ready: bool = Field(
        description="True once the data is complete: always on AWS; on the local stack, once the bundles it "
        "keeps have been replayed at start"
    )


class ArticleHeader(BaseModel):
    """The fields every article listing shares."""

    id: str
    title: str | None = None
    published: str | None = Field(
        default=None, description="ISO 8601 date (YYYY-MM-DD) or date-time the article states; null if none"
    )
    source: str | None = None
    word_count: int | None = None


class ArticleSummary(ArticleHeader):
    member: str | None = Field(default=None, description="Bundle member name (only with the bundle filter)")


class ArticleList(BaseModel):
    items: list[ArticleSummary]
    next_cursor: str | None = Field(description="Pass as cursor for the next page; null on the last page")


class SearchHit(ArticleHeader):
    score: int = Field(
        description="1 per query word, 3 more for each one in the title (results stay newest first)"
    )


class SearchResults(BaseModel):
    items: list[SearchHit]
    next_cursor: str | None
    complete: bool = Field(
        description="True when following next_cursor to the end gives every article whose search scope "
        "(title words and 8 key terms of the body) holds every query word; nothing is cut"
    )


class SimilarArticle(ArticleHeader):
    similarity: float = Field(
        description="Estimated share of 5-word phrases the two bodies have in common (MinHash, 0-1, "
        "3 decimals); members of a group are at least 0.5 similar to the article they joined through"
    )


class SimilarArticles(BaseModel):
    article_id: str
    group_id: str | None = Field(
        description="The near-duplicate group (the id of the article that founded it); null when the "
        "article is in no group, see reason"
    )
    items: list[SimilarArticle] = Field(
        description="The group's other articles, ordered by id (the group partition's order), "
        "not by similarity"
    )
    next_cursor: str | None = Field(description="Pass as cursor for the next page; null on the last page")
    reason: str | None = Field(
        default=None, description="Why group_id is null (e.g. the body is too short to compare)"
    )


class RemovedLine(BaseModel):
    n: int = Field(description="1-based line number in the member's text")
    text: str
    role: str = Field(description="Why it is not body: title, boilerplate, date, byline, caption, ...")
    rule: str | None = Field(default=None, description="The cleaning rule that decided it")


class SourceLine(RemovedLine):
    role: str = Field(description="body, subheading, title, boilerplate, date, byline, caption, ...")
    removed: bool = Field(description="True when the line is left out of the body")


class Sighting(BaseModel):
    bundle_id: str
    key: str | None = None
    member: str | None = None
    seen_at: str | None = None


class Article(BaseModel):
    id: str
    title: str | None = None
    body: str
    published: str | None = None
    published_text: str | None = None
    source: str | None = None
    news_id: str | None = None
    kicker: str | None = None
    language: str | None = None
    word_count: int | None = None
    byline: str | None = None
    caption: str | None = None
    subheadings: list[str] | None = None
    url: str | None = None
    first_seen: str | None = None
    cleaner_version: str | None = Field(
        default=None,
        description="The cleaner version that produced body and metadata (null for articles stored before "
        "layout 3 recorded it)",
    )
    bundles: list[Sighting] = Field(description="Every bundle member this article came from")
    bundles_truncated: bool = Field(description="True when only the first 1000 sightings are listed")
    removed: list[RemovedLine] = Field(description="Lines of the source text left out of the body")
    lines: list[SourceLine] | None = Field(
        default=None,
        description="Every non-empty line of the source text in order with its role and rule, removed ones "
        "marked (null for articles stored by a cleaner before 2026.12.01-1)",
    )


class BundleProblem(BaseModel):
    member: str | None = None
    code: str
    reason: str


class BundleSummary(BaseModel):
    bundle_id: str
    key: str | None = None
    status: str | None = Field(default=None, description="RECEIVED, PROCESSING, DONE, PARTIAL or FAILED")
    format: str | None = None
    size: int | None = None
    received_at: str | None = None
    started_at: str | None = None
    finished_at: str | None = None
    duration_ms: int | None = None
    counts: dict[str, int] | None = Field(
        default=None, description="members, articles, new, duplicates, skipped, failed"
    )


class Bundle(BundleSummary):
    version_id: str | None = None
    etag: str | None = None
    errors: list[BundleProblem] | None = None
    errors_truncated: int | None = None
    cleaner_version: str | None = None
    attempts: int | None = None
    quarantine_key: str | None = None
    resume_at: int | None = Field(
        default=None, description="members done when a bundle continues in a new invocation"
    )
    last_error: str | None = Field(
        default=None, description="the latest transient failure (throttling, outage)"
    )
    retryable: bool | None = Field(
        default=None,
        description="true on a FAILED record whose message sits in the dead-letter queue: redrive it",
    )
    chrome: list[str] | None = Field(
        default=None,
        description="lines (normalised) repeated across the bundle's members and removed from every article "
        "as its site chrome (rule bundle_chrome)",
    )
    reprocess: dict[str, Any] | None = Field(
        default=None,
        description="the latest reprocessing run (newsdrop reprocess): run, cleaner_version, dry_run, status "
        "(PROCESSING, DONE, FAILED), counts (members, changed, unchanged, failed, skipped), changes (articles "
        "per kind: title, body, date, source, byline, metadata, lines), samples (a dry run's unified diffs), "
        "errors",
    )
    reprocess_request: str | None = Field(
        default=None, description="the request id of the latest reprocess message for this bundle"
    )


class GroupMember(BaseModel):
    id: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    member: str | None = Field(default=None, description="The bundle member the article came from")


class BundleGroup(BaseModel):
    group_id: str = Field(description="The near-duplicate group (the id of the article that founded it)")
    articles: int = Field(description="How many of the bundle's articles are in the group")
    others: int = Field(description="How many articles outside this bundle the group has")
    counts_capped: bool = Field(description="True when a count stopped at 1,000: read it as 'at least'")
    members: list[GroupMember] = Field(description="The group's articles from this bundle, by article id")
    members_truncated: bool = Field(description="True when only the first 20 of them are listed")


class BundleGroups(BaseModel):
    bundle_id: str
    items: list[BundleGroup] = Field(
        description="The groups of two or more articles (in this bundle or beyond it) that hold an article of "
        "the bundle, by group id; an article not listed has no near-duplicate"
    )
    next_cursor: str | None = Field(
        description="Pass as cursor for the next page; null on the last page. A page may hold fewer "
        "groups than limit (its reads are bounded) and still have a next_cursor"
    )
    reason: str | None = Field(
        default=None,
        description="Set when the listing may miss groups: a bundle ingested before they were recorded",
    )


class BundleList(BaseModel):
    items: list[BundleSummary]
    next_cursor: str | None
