"""HTML path: trafilatura's own reading beside the one its comparison step swapped in (layout-table pages)."""

from __future__ import annotations

from collections.abc import Callable

from newsdrop.models import KEPT_ROLES, CleanArticle, Hints
from newsdrop.text.cleaner import clean_article
from newsdrop.text.extraction import _Dropped, _key, merge_order
from newsdrop.text.reading_shingles import agreement, held_share, shingles, unshingled

# A line of one reading whose words another holds this share of at least is that one's too: the two extractors join
# and split a story's paragraphs differently, so lines match on words, not as lines.
_SHARED = 0.5


def own_or_mended(
    swapped: str, body: str, own: str, page: CleanArticle, hints: Hints, sure: float, max_held: float
) -> tuple[str, str]:
    """The reading ``combine`` goes on with, and its cleaned body, where trafilatura's comparison step swapped
    readability's or jusText's reading (``swapped``, cleaned ``body``) in for its own (``own``).

    trafilatura's own reading replaces it where the witness (``page``: the line cleaner on the page text) agrees with
    the own one's cleaned body ``sure`` at least and with the swapped-in one's less (the other extractor read another
    block of the page); elsewhere it mends the swapped-in one (``with_own_reading``). ``max_held``: the share of a
    line's words the swapped-in reading may hold already for the line to join it."""
    own_body = clean_article(own, hints, main_content=True, model=None).body
    if agreement(own_body, page.body) >= sure > agreement(body, page.body):
        return own, own_body
    # The witness's words: its kept lines and those it dropped only as printed again (a summary box's copy).
    said = shingles(
        "\n".join(line.text for line in page.lines if line.role in KEPT_ROLES or line.rule == "repeated_line")
    )
    held, owned = shingles(swapped), shingles(own)
    mended = with_own_reading(
        swapped,
        own,
        witnessed=lambda line: held_share(line, said) >= _SHARED,
        shared=lambda line: held_share(line, owned) >= _SHARED,
        new=lambda line: held_share(line, held) < max_held,
    )
    return mended, clean_article(mended, hints, main_content=True, model=None).body


def with_own_reading(
    swapped: str,
    own: str,
    *,
    witnessed: Callable[[str], bool],
    shared: Callable[[str], bool],
    new: Callable[[str], bool],
) -> str:
    """``swapped`` (readability's or jusText's reading, in the place of trafilatura's ``own``) mended by the own one.

    Inside the span the two readings share (from the first to the last swapped-in line whose words the own reading
    holds, ``shared``, and the witness kept), the own reading's lines the swapped-in one lacks join it: the data
    tables, crossheads and lists those extractors drop between a story's paragraphs. Outside it, each reading's lines count only on the
    witness's word (``witnessed``: the line cleaner kept the line's words on the page text): the swapped-in reading's
    lines above and below the shared span that the witness dropped leave it (a cookie notice, a row of teasers; a
    line too short for a shingle stays),
    each run from its outer end in; the own reading's lines right above the span that the witness kept join it (a
    story's opening those extractors cut off). The own reading's other lines above or below stay out (a closing
    "read the original" line, a deals page's chrome): there the other extractor's cut is the better one. A line
    whose words the swapped-in reading holds already (not ``new``: the same paragraph joined or split otherwise), or
    of no word (a list's bullet on a line of its own), is not added.
    """
    lines = [line.strip() for line in swapped.split("\n") if line.strip()]
    order = merge_order([line.strip() for line in own.split("\n") if line.strip()], lines)
    at = [position for position, item in enumerate(order) if isinstance(item, int) and shared(lines[item])]
    if not at:
        return swapped
    first, last = at[0], at[-1]
    # Holes are filled between the shared lines the witness kept too: past them a reading's closing teaser for a
    # live blog or a topic page is shared, and its box's labels ("Topic", "with video", a byline) are the own one's.
    kept_at = [position for position in at if witnessed(lines[order[position]])]  # type: ignore[index]
    inside = range(kept_at[0] + 1, kept_at[-1]) if kept_at else range(0)

    def dropped(position: int) -> bool:
        # A line too short for a shingle is no witness's drop: a dateline or a formula's words split off a paragraph.
        item = order[position]
        return isinstance(item, _Dropped) or not (unshingled(lines[item]) or witnessed(lines[item]))

    # The swapped-in reading's unshared edge runs, from the outer end in, while the witness dropped them.
    start, end = 0, len(order)
    while start < first and dropped(start):
        start += 1
    while end > last + 1 and dropped(end - 1):
        end -= 1
    # The own reading's lines right above the span that the witness kept.
    above = first
    while above > 0 and isinstance(item := order[above - 1], _Dropped) and witnessed(item.text):
        above -= 1
    out: list[str] = []
    for position, item in enumerate(order):
        if isinstance(item, int):
            if start <= position < end:
                out.append(lines[item])
        elif (
            (above <= position < first or position in inside)
            and _key(text := item.text.strip())
            and new(text)
        ):
            out.append(text)
    return "\n".join(out)
