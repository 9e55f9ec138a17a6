"""`newsdrop clean`: split and clean bundle files on this machine, with the same code the ingest Lambda runs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsdrop.articles import SourceIds, heavy_fields, source_lines
from newsdrop.bundles import iter_members
from newsdrop.config import Limits
from newsdrop.errors import BundleError
from newsdrop.models import CleanArticle, MemberProblem
from newsdrop.text.members import BundleCleaner, CleanedMember

# Where the drop folder and the docs put bundles: the object key a file's ids are computed for.
DROP_PREFIX = "incoming/"


@dataclass(frozen=True, slots=True)
class Problem:
    """A member (or the whole file, member "(bundle)") that yielded no article."""

    file: str
    member: str
    code: str
    reason: str
    skipped: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "member": self.member, "code": self.code, "reason": self.reason}


def article_record(article: CleanArticle, member: str, aid: str) -> dict[str, Any]:
    """The API's article fields (GET /articles/{id}) for an offline result, plus the member name."""
    heavy = heavy_fields(article)  # the audit trail exactly as ingest stores it and the API shows it
    return {
        "id": aid,
        "title": article.title,
        "body": article.body,
        "published": article.published,
        "published_text": article.published_text,
        "source": article.source,
        "news_id": article.news_id,
        "kicker": article.kicker,
        "language": article.language,
        "word_count": article.word_count,
        "byline": article.byline,
        "caption": article.caption,
        "subheadings": list(article.subheadings) or None,
        "url": article.url,
        "removed": heavy["removed"],
        "lines": source_lines(heavy),
        "member": member,
    }


def clean_file(path: Path, limits: Limits | None = None) -> Iterator[dict[str, Any] | Problem]:
    """Every article of one bundle file as an API-shaped dict, and every member that failed as a Problem.

    Cleaned as ingest cleans a bundle: lines repeated across the file's members are its chrome. Ids are
    ``articles.source_id``: the stored id for a member with a canonical URL; for the others, the id the
    file's members get when it is dropped as ``incoming/<file name>`` (the local stack's drop folder).
    """
    limits = limits or Limits()
    cleaner = BundleCleaner()
    ids = SourceIds(key=DROP_PREFIX + path.name)

    def shaped(results: list[CleanedMember | MemberProblem]) -> Iterator[dict[str, Any] | Problem]:
        for result in results:
            aid = ids.take(result.name)
            if isinstance(result, MemberProblem):
                yield Problem(str(path), result.name, result.code, result.reason)
            else:
                yield article_record(result.article, result.name, aid)

    with path.open("rb") as stream:
        try:
            for member in iter_members(stream, name=path.name, limits=limits):
                if isinstance(member, MemberProblem):
                    yield Problem(str(path), member.name, member.code, member.reason, member.skipped)
                    continue
                ids.add(member)
                yield from shaped(cleaner.add(member))
        except BundleError as exc:
            yield from shaped(cleaner.finish())
            # str() of a NewsdropError already carries its hint.
            yield Problem(str(path), "(bundle)", exc.code, str(exc))
            return
    yield from shaped(cleaner.finish())
