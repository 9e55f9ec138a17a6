"""What HTML extraction left out: the page's visible lines the extracted text lacks, as audit line decisions."""

from __future__ import annotations

import dataclasses
import re
from difflib import SequenceMatcher

from newsdrop.models import KEPT_ROLES, CleanArticle, LineDecision, Role

EXTRACTION_RULE = "extraction"
# The stored audit trail stays bounded whatever the page: at most this many dropped lines and characters
# are kept per article, those nearest the extracted text first (the boundary decisions a reviewer checks).
MAX_DROPPED_LINES = 60
MAX_DROPPED_CHARS = 4_000
# A page line this many words long or longer is matched inside an extracted paragraph (pieces of one
# paragraph split by <br> or inline blocks); a shorter one only as a whole line ("Share" is in many).
_CONTAINED_MIN_WORDS = 3
_WORD = re.compile(r"\w+")
# A dropped line is the byline when it ends with the page's stated author and adds a few characters ("By ").
_BYLINE_SLACK = 12


def _key(text: str) -> str:
    """Words only, case-folded: extraction rejoins whitespace and punctuation differently from the page. Soft
    hyphens (U+00AD) go: the page shows none where the line does not break, trafilatura's reading drops them, and
    left in they split a word in two ("Vladi", "mir"), so the page's paragraph would not match the reading's."""
    return " ".join(_WORD.findall(text.casefold().replace("\u00ad", "")))


def _holds(paragraph: str, piece: str) -> bool:
    if not piece or not paragraph:
        return False
    if piece == paragraph:
        return True
    return len(piece.split()) >= _CONTAINED_MIN_WORDS and f" {piece} " in f" {paragraph} "


@dataclasses.dataclass(frozen=True, slots=True)
class _Dropped:
    text: str


def merge_order(page_lines: list[str], extracted: list[str]) -> list[int | _Dropped]:
    """The extracted lines (as indexes) with the page lines they do not hold, in page order.

    Page and extracted lines are aligned on their word keys (difflib's matching blocks, so a teaser
    repeating a later paragraph does not pull the alignment forward); in the gaps between matched runs
    a page line is part of an extracted line when that line contains it (a paragraph split on the page).
    Every extracted index appears exactly once, in increasing order.
    """
    page_keys = [_key(line) for line in page_lines]
    extracted_keys = [_key(line) for line in extracted]
    matcher = SequenceMatcher(None, page_keys, extracted_keys, autojunk=False)
    out: list[int | _Dropped] = []
    next_extracted = 0
    page_at = 0
    for block in matcher.get_matching_blocks():
        # The gap before this block: page lines page_at..block.a, extracted lines next_extracted..block.b.
        for i in range(page_at, block.a):
            holder = next(
                (j for j in range(next_extracted, block.b) if _holds(extracted_keys[j], page_keys[i])), None
            )
            if holder is None:
                if page_keys[i] or page_lines[i].strip():
                    out.append(_Dropped(page_lines[i]))
                continue
            out.extend(range(next_extracted, holder + 1))
            next_extracted = holder + 1
        out.extend(range(next_extracted, block.b + block.size))
        next_extracted = block.b + block.size
        page_at = block.a + block.size
    out.extend(range(next_extracted, len(extracted)))
    return _without_held_pieces(out, extracted_keys)


def _without_held_pieces(order: list[int | _Dropped], extracted_keys: list[str]) -> list[int | _Dropped]:
    """Leave out page lines that are further pieces of the extracted line right before them."""
    out: list[int | _Dropped] = []
    last: int | None = None
    for item in order:
        if isinstance(item, int):
            last = item
        elif last is not None and _holds(extracted_keys[last], _key(item.text)):
            continue
        out.append(item)
    return out


def _bounded(order: list[int | _Dropped]) -> set[int]:
    """Positions of the dropped lines to keep: nearest to an extracted line first, within both caps."""
    extracted_at = [pos for pos, item in enumerate(order) if isinstance(item, int)]
    dropped_at = [pos for pos, item in enumerate(order) if not isinstance(item, int)]

    def distance(pos: int) -> int:
        return min((abs(pos - other) for other in extracted_at), default=pos)

    chosen: set[int] = set()
    chars = 0
    for pos in sorted(dropped_at, key=lambda pos: (distance(pos), pos)):
        text = order[pos]
        size = len(text.text) if isinstance(text, _Dropped) else 0
        if len(chosen) >= MAX_DROPPED_LINES or chars + size > MAX_DROPPED_CHARS:
            continue
        chosen.add(pos)
        chars += size
    return chosen


def with_extraction_drops(article: CleanArticle, page_lines: list[str]) -> CleanArticle:
    """``article`` (cleaned from extracted text) with the page's lines that extraction left out.

    Each such line is a LineDecision with role boilerplate and rule ``extraction``, in page order
    among the cleaned lines, all renumbered 1..N in that order. The page's printing of the headline
    (given by the page's metadata, so extraction left it out) gets role title, and of the author
    the page's metadata names role byline. At most
    ``MAX_DROPPED_LINES`` / ``MAX_DROPPED_CHARS`` of dropped lines are kept; body and metadata are
    unchanged.
    """
    if not page_lines:
        return article
    cleaned = list(article.lines)
    order = merge_order(page_lines, [line.text for line in cleaned])
    keep = _bounded(order)
    title_key = _key(article.title or "")
    byline_key = _key(article.byline or "")
    has_title = any(line.role == Role.TITLE for line in cleaned)
    decisions: list[LineDecision] = []
    for pos, item in enumerate(order):
        n = len(decisions) + 1
        if isinstance(item, int):
            decisions.append(dataclasses.replace(cleaned[item], n=n))
            continue
        key = _key(item.text)
        is_title = bool(title_key) and key == title_key
        if not is_title and pos not in keep:
            continue
        if is_title and not has_title:
            role, has_title = Role.TITLE, True
        elif is_title:
            role = Role.TITLE_REPEAT
        elif byline_key and key.endswith(byline_key) and len(key) <= len(byline_key) + _BYLINE_SLACK:
            role = Role.BYLINE
        else:
            role = Role.BOILERPLATE
        decisions.append(LineDecision(n, item.text, str(role), EXTRACTION_RULE))
    return dataclasses.replace(article, lines=tuple(decisions))


def dropped_by_extraction(article: CleanArticle) -> list[LineDecision]:
    """The article's lines that extraction (not the line cleaner) left out."""
    return [line for line in article.lines if line.rule == EXTRACTION_RULE and line.role not in KEPT_ROLES]
