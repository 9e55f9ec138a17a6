"""HTML path: trafilatura's two readings of a page and the line cleaner's reading of its text, combined by agreement."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import NamedTuple

from newsdrop.models import KEPT_ROLES, Hints
from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.lines import _reads_as_prose
from newsdrop.text.cleaner.model import LineModel, load_model
from newsdrop.text.decode import normalize_text
from newsdrop.text.extraction import _Dropped, _key, merge_order
from newsdrop.text.line_keys import count_words
from newsdrop.text.main_edits import bare_key

_TOKEN = re.compile(r"\w+")
# Agreement is measured on 4-token shingles, the unit make eval scores bodies in.
_SHINGLE = 4
# A default reading that agrees this much with the line cleaner's reading of the page text is taken without
# a second one. In make eval's HTML sample 0.8 reads the second pass on 101 pages instead of 0.9's 178 (144
# of those 178 got back the same text) and loses one page's win (fun F1 -0.0002, other sources unchanged);
# 0.7 costs dev -0.0016; reading it for every page bought +0.0004 F1 on fun- alone.
SURE_AGREEMENT = 0.8
# A page line whose shingles the chosen reading holds this share of already is a second printing of the
# story (a page that prints the whole text again in one block), not a paragraph it missed.
_HELD_SHARE = 0.8
# Page lines below the chosen reading join it only as a run of this many at least (``extend_at_edges``). Over
# both halves of cleaning-train the runs of 1-3 lines the walk added below were author notes, pitches and
# comment prompts on every page but two (an author note and a video title rdb's golds keep); 2, 3 and 4 all
# gained on fun- (4 most: a three-paragraph pitch); the one longer run was the second half of a feature.
_MIN_RUN_BELOW = 4
# ``combine``'s model argument when the caller names none: the shipped line model.
SHIPPED_MODEL: object = object()


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    if len(tokens) < _SHINGLE:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + _SHINGLE]) for i in range(len(tokens) - _SHINGLE + 1))


def agreement(text: str, other: str) -> float:
    """How much two readings of a page say the same: the F1 of their 4-token shingle multisets (0 to 1)."""
    mine, theirs = _shingles(text), _shingles(other)
    shared = sum((mine & theirs).values())
    total = sum(mine.values()) + sum(theirs.values())
    return 2.0 * shared / total if total else 0.0


def _held_share(text: str, held: Counter[tuple[str, ...]]) -> float:
    """The share of ``text``'s shingles that ``held`` (the shingles of a reading) already has."""
    mine = _shingles(text)
    total = sum(mine.values())
    return sum((mine & held).values()) / total if total else 0.0


def choose_reading(readings: Sequence[str], reference: str) -> int:
    """The index of the reading that agrees most with ``reference`` (the first of equals)."""
    scores = [agreement(reading, reference) for reading in readings]
    return scores.index(max(scores))


def extend_at_edges(
    extracted: list[str], page_lines: list[str], kept: frozenset[str], captions: frozenset[str] = frozenset()
) -> list[str]:
    """The extracted lines with the page lines that continue them right above and below.

    trafilatura can stop at a markup boundary inside a story (the second half of a long feature sits
    in a sibling container) or start below its opening paragraph. A page line next to the extracted
    span joins it when the line cleaner kept it on the page's own text (``kept``: its stripped texts)
    and it reads as prose; the walk outwards stops at the first line that does not, and starts only
    from an extracted edge line the page prints as a line of its own. Below the span the walk's lines
    join only as a run of ``_MIN_RUN_BELOW`` at least: one to three prose lines under a story are the
    boxes after it (an author's note, a membership pitch, a comment prompt), not its second half. A line
    the markup marks as a picture's caption (``captions``: ``bare_key`` keys of <figcaption> lines and <img>
    alt texts) stops the walk too: the lead picture's caption reads as prose right above a story whose
    first paragraph the extractor started at.
    """
    order = merge_order(page_lines, extracted)
    at = [position for position, item in enumerate(order) if isinstance(item, int)]
    if not at:
        return extracted
    printed = {_key(line) for line in page_lines}
    # The reading's shingles, made when a line first needs them (most pages add no line).
    held: Counter[tuple[str, ...]] | None = None
    added: set[int] = set()
    for step, edge in ((-1, at[0]), (1, at[-1])):
        # Only from an edge line the page prints too: an extracted text the page text does not hold
        # has no place on the page to grow from.
        if _key(extracted[order[edge]]) not in printed:  # type: ignore[index]
            continue
        position = edge + step
        run: list[int] = []
        while 0 <= position < len(order):
            item = order[position]
            text = item.text.strip() if isinstance(item, _Dropped) else ""
            if not text or text not in kept or not _reads_as_prose(text, count_words(text)):
                break
            if captions and bare_key(text) in captions:
                break
            if held is None:
                held = _shingles("\n".join(extracted))
            if _held_share(text, held) >= _HELD_SHARE:
                break
            run.append(position)
            position += step
        # Below the reading, a short run is the box after a story (an author's note, a pitch, a comment
        # prompt), not the second half of a feature trafilatura cut at a markup boundary.
        if step == -1 or len(run) >= _MIN_RUN_BELOW:
            added.update(run)
    return [
        extracted[item] if isinstance(item, int) else item.text.strip()
        for position, item in enumerate(order)
        if isinstance(item, int) or position in added
    ]


class Combined(NamedTuple):
    """The combined main content and the line texts the witness (the line cleaner on the page text) kept and
    put below the story's end."""

    text: str
    witness_kept: frozenset[str]
    # The line texts the witness put below the story's end (its region), as page footer and widgets.
    witness_after: frozenset[str] = frozenset()


def combine(
    text: str,
    recall: Callable[[], str],
    page_text: str,
    hints: Hints,
    model: LineModel | object | None = SHIPPED_MODEL,
    captions: frozenset[str] = frozenset(),
) -> Combined:
    """One main-content text from trafilatura's readings: ``text`` (its default) and ``recall()`` (its
    ``favor_recall`` reading, asked for only when needed).

    The line cleaner reads the page's whole visible text (its region choice and line model, no
    markup) as a third, independent witness. When the default reading agrees with it less than
    ``SURE_AGREEMENT``, the reading whose cleaned body agrees most with the witness wins (a reading that
    took a teaser list for the story agrees little); the page lines the witness kept right above or
    below the chosen reading are added (``extend_at_edges``). The witness's kept lines, and the lines it
    put below the story's end, come back beside the text: later edits ask it too
    (``main_edits.without_closing_notices``, ``main_edits.without_witness_tail``). ``captions``: the page's
    picture captions as ``bare_key`` keys (``extend_at_edges`` adds none).
    """
    chosen_model = load_model() if model is SHIPPED_MODEL else model
    page = clean_article(page_text, hints, model=chosen_model)
    chosen = normalize_text(text)
    body = clean_article(chosen, hints, main_content=True, model=None).body
    if agreement(body, page.body) < SURE_AGREEMENT:
        other = normalize_text(recall())
        if other.strip():
            other_body = clean_article(other, hints, main_content=True, model=None).body
            chosen = (chosen, other)[choose_reading([body, other_body], page.body)]
    kept = frozenset(line.text for line in page.lines if line.role in KEPT_ROLES)
    lines = [line.strip() for line in chosen.split("\n") if line.strip()]
    page_lines = [line.strip() for line in page_text.split("\n") if line.strip()]
    after = frozenset(line.text for line in page.lines if line.rule == "trailing_chrome")
    return Combined("\n".join(extend_at_edges(lines, page_lines, kept, captions)), kept, after)
