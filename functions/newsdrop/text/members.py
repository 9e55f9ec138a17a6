"""From bundle members to clean articles: decode, extract HTML, learn the bundle's chrome, then clean."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newsdrop.errors import UndecodableText
from newsdrop.models import CleanArticle, Hints, Member, MemberProblem
from newsdrop.text.chrome import BundleChrome
from newsdrop.text.cleaner import clean_article
from newsdrop.text.decode import decode_bytes, normalize_text
from newsdrop.text.extraction import with_extraction_drops
from newsdrop.text.html import extract, merge_hints
from newsdrop.text.html_page import looks_like_html
from newsdrop.text.line_keys import normalize_line_key

# Members held back while the chrome sample fills: bounded in count (BundleChrome) and in text size.
MAX_SAMPLE_CHARS = 8_000_000
MAX_HELD_PER_SAMPLE = 3
# Lines a member's own cleaning reads as its metadata are never chrome, however often the bundle repeats
# them: one day's stories of one outlet share a dateline, a staff byline, a kicker.
METADATA_ROLES = frozenset({"title", "date", "byline", "news_id", "kicker", "source"})
# A continuation carries the learned chrome in the bundle record: bounded far below the 400 KB item limit.
MAX_CHROME_KEYS = 500
MAX_CHROME_KEY_CHARS = 200

EMPTY_AFTER_CLEANING = (
    "no article text is left after removing boilerplate; check that the member holds an article"
)


@dataclass(frozen=True, slots=True)
class PreparedText:
    """A member's text ready for the line cleaner, with the metadata found next to it."""

    name: str
    text: str
    hints: Hints
    main_content: bool  # an extractor that saw the HTML markup already cut the text to the article
    page_lines: tuple[str, ...] = ()  # the page's visible lines, for what extraction left out


@dataclass(frozen=True, slots=True)
class CleanedMember:
    name: str
    article: CleanArticle


def prepare_member(member: Member) -> PreparedText:
    """Decode bytes, extract HTML main content and metadata; raises UndecodableText for non-text bytes."""
    if isinstance(member.content, bytes):
        text, _encoding = decode_bytes(member.content)
    else:
        text = member.content
    if looks_like_html(text, member.name):
        found = extract(text)
        # The bundle's own fields (JSON/CSV) win over what the page says of itself.
        return PreparedText(
            member.name,
            normalize_text(found.text),
            merge_hints(member.hints, found.hints),
            found.main_content,
            found.page_lines,
        )
    return PreparedText(member.name, normalize_text(text), member.hints, False)


def clean_prepared(prepared: PreparedText, bundle_chrome: frozenset[str] = frozenset()) -> CleanArticle:
    """The line cleaner's verdict, plus (for HTML) the page lines extraction left out, rule ``extraction``."""
    article = clean_article(
        prepared.text, prepared.hints, bundle_chrome=bundle_chrome, main_content=prepared.main_content
    )
    return with_extraction_drops(article, list(prepared.page_lines))


def clean_member(member: Member, bundle_chrome: frozenset[str] = frozenset()) -> CleanArticle:
    """One member on its own (no bundle context): decode, extract, clean."""
    return clean_prepared(prepare_member(member), bundle_chrome)


class BundleCleaner:
    """Cleans one bundle's members in order, using the lines that repeat across its members as chrome.

    The first members are held back until the chrome sample is full (``BundleChrome.sample_members``
    distinct members, or ``max_sample_chars`` of text, whichever comes first), then cleaned with
    what was learned; later members are cleaned at once. A line that some sampled member, cleaned
    alone, reads as its headline, dateline, byline, kicker, news id or source is never chrome (three
    outlets re-posting one wire story print the same headline; one day's stories share a dateline).
    ``known_chrome`` (a continuation of a bundle an earlier invocation sampled) skips the sampling.
    Results come back in member order.
    """

    def __init__(
        self,
        *,
        known_chrome: Iterable[str] | None = None,
        chrome: BundleChrome | None = None,
        max_sample_chars: int = MAX_SAMPLE_CHARS,
    ) -> None:
        self._chrome = chrome or BundleChrome()
        self._learned: frozenset[str] | None = None if known_chrome is None else frozenset(known_chrome)
        # Each held member with its cleaning alone, which stands when no chrome line touches it.
        self._held: list[tuple[PreparedText, CleanArticle] | MemberProblem] = []
        self._held_chars = 0
        self._metadata_lines: set[str] = set()
        self._max_sample_chars = max_sample_chars

    @property
    def chrome_lines(self) -> frozenset[str]:
        """The chrome in use (empty while still sampling)."""
        return self._learned or frozenset()

    def chrome_for_record(self) -> list[str] | None:
        """The learned chrome, bounded, to store on the bundle record for a continuation (None: not learned)."""
        if self._learned is None:
            return None
        keys = sorted(key for key in self._learned if len(key) <= MAX_CHROME_KEY_CHARS)
        return keys[:MAX_CHROME_KEYS]

    def add(self, member: Member) -> list[CleanedMember | MemberProblem]:
        """Take one member; returns the members whose cleaning is now decided (possibly none yet)."""
        try:
            prepared = prepare_member(member)
        except UndecodableText as exc:
            problem = MemberProblem(member.name, exc.code, str(exc))
            if self._learned is not None:
                return [problem]
            self._held.append(problem)
            return self._release_when_sampled()
        if self._learned is not None:
            return [self._result(prepared.name, clean_prepared(prepared, self._learned))]
        alone = clean_prepared(prepared)
        if alone.title:
            self._metadata_lines.add(normalize_line_key(alone.title))
        self._metadata_lines.update(
            normalize_line_key(line.text) for line in alone.lines if line.role in METADATA_ROLES
        )
        self._chrome.observe(prepared.text)
        self._held.append((prepared, alone))
        self._held_chars += len(prepared.text)
        return self._release_when_sampled()

    def _release_when_sampled(self) -> list[CleanedMember | MemberProblem]:
        # Copies are not counted by the sample (BundleChrome.observe), so bound the members held too.
        if (
            self._chrome.sampling
            and self._held_chars < self._max_sample_chars
            and len(self._held) < MAX_HELD_PER_SAMPLE * self._chrome.sample_members
        ):
            return []
        return self.finish()

    def finish(self) -> list[CleanedMember | MemberProblem]:
        """Clean every member still held back (end of the bundle, or before handing it to a continuation)."""
        if self._learned is None:
            self._learned = self._chrome.lines() - self._metadata_lines
        held, self._held, self._held_chars = self._held, [], 0
        results: list[CleanedMember | MemberProblem] = []
        for entry in held:
            if isinstance(entry, MemberProblem):
                results.append(entry)
                continue
            prepared, alone = entry
            touched = self._learned and any(
                normalize_line_key(line.text) in self._learned for line in alone.lines
            )
            article = clean_prepared(prepared, self._learned) if touched else alone
            results.append(self._result(prepared.name, article))
        return results

    @staticmethod
    def _result(name: str, article: CleanArticle) -> CleanedMember | MemberProblem:
        if not article.body.strip():
            return MemberProblem(name, "empty_after_cleaning", EMPTY_AFTER_CLEANING)
        return CleanedMember(name, article)
