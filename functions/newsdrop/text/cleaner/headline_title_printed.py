"""Headline stage, the <title> printed word for word: the page's headline line that prints its <title>'s headline
(site's name cut) again beats the ranker's pick in other words (a teaser's, a video's, a subheading's wording)."""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice

from newsdrop.text.cleaner.headline_names import headline_text
from newsdrop.text.cleaner.headline_reworded import _apart
from newsdrop.text.cleaner.lines import _Line
from newsdrop.text.line_keys import count_words, normalize_line_key

# The <title>'s headline holds this many words at least: a shorter opening line ("Annons", "Passer la publicité",
# a section's name) is an ad's label or a menu's that the page prints again, not a headline printed word for word.
_TITLE_MIN_WORDS = 5


def _printed(lines: list[_Line], index: int, count: int) -> list[int]:
    """The first ``count`` printed (non-blank) lines after ``index``, in order."""
    return list(islice((other for other in range(index + 1, len(lines)) if lines[other].key), count))


def _kicker_block(lines: list[_Line], printing: int, chosen: int) -> bool:
    """The pick heads a kicker's block under the <title>'s printing: one printed line stands between the two,
    shorter than the printing (a kicker, "Parlamentsstreit"; it may outrun a short headline under it). The printing
    is then a breadcrumb's or a teaser's last step over the page's own headline block, which the pick heads."""
    after = _printed(lines, printing, 2)
    if len(after) < 2 or after[1] != chosen:
        return False
    kicker = lines[after[0]].words
    return kicker < lines[printing].words


def title_printed_over_pick(
    lines: list[_Line], chosen: int, scores: dict[int, float], barred: Callable[[int], bool]
) -> int | None:
    """The best-scored ranked candidate printing the page's <title>'s headline word for word (the opening line,
    its site's or section's name cut: ``headline_text``; ``_TITLE_MIN_WORDS`` words at least) when the ranker
    picked another line (``scores``: the ranked candidates' raw scores). A page whose headline line repeats its
    <title> names the story so; the pick, in other words, is a teaser's, a video's or a subheading's. The pick
    stands when it heads a kicker's block right under the printing (``_kicker_block``), or when no candidate, not
    barred and apart from the opening line (``_apart``), prints the <title>'s headline. None then."""
    opening = next((index for index, line in enumerate(lines) if line.key), None)
    if opening is None or chosen == opening or chosen not in scores:
        return None
    # Naming the <title>'s headline reads the whole page: first, a cheap test that some other line is printed
    # inside the <title> line at all (its headline is part of it).
    title = lines[opening].key
    if not any(index not in (opening, chosen) and lines[index].key in title for index in scores):
        return None
    headline = normalize_line_key(headline_text(lines, opening))
    if count_words(headline) < _TITLE_MIN_WORDS or lines[chosen].key == headline:
        return None
    printings = [
        index
        for index in scores
        if index not in (opening, chosen)
        and lines[index].key == headline
        and not barred(index)
        # A line right under the opening line is its block's (an ad slot's label printed twice), not the page's
        # headline line under its menus.
        and _apart(lines, opening, index)
    ]
    if not printings:
        return None
    best = max(printings, key=lambda index: scores[index])
    if _kicker_block(lines, best, chosen):
        return None
    return best
