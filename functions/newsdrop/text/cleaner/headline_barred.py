"""Headline stage, barred candidates: lines the ranker may score high that are never the headline."""

from __future__ import annotations

import re
from collections.abc import Callable

from newsdrop.text.cleaner.headline_caption import PICTURE_CREDIT
from newsdrop.text.cleaner.headline_controls import site_of_opening, site_text
from newsdrop.text.cleaner.headline_names import (
    _dateline,
    _doubled_labels,
    _menu_row,
    _navigation_link,
    _section_trail,
)
from newsdrop.text.cleaner.headline_trail_row import repeats_trail
from newsdrop.text.cleaner.headline_video import over_video_label
from newsdrop.text.cleaner.lines import _Line
from newsdrop.text.cleaner.placed_caption import places_people

# A line wholly in brackets ("(Pictured: the harbour in 1950)", "[Updated]"): an aside or a caption.
_ASIDE = re.compile(r"^\s*[(\[].*[)\]]\s*$")


# A link to the previous or next post ("← Older post title", "Newer post →"): another story's headline.
_POST_LINK = re.compile(r"^\s*(?:[←⟵‹]|<<)|(?:[→⟶›]|>>)\s*$")


def barred_line(lines: list[_Line], index: int, opening: _Line | None, ranked: bool) -> bool:
    """A caption with its picture's credit (or wholly in brackets) is never the headline, however the ranker
    scores it. A row of doubled labels, a dateline, a navigation link, a caption placing its people, a video's title
    over its player's label or a menu row repeating the steps of a breadcrumb trail beside it (``repeats_trail``)
    is never the ranker's pick (``ranked``): the rules' ranking that ``make train`` collects stays as it was, so
    the line model's training rows do too. ``opening``: the page's first printed line."""
    text = lines[index].text
    return (
        PICTURE_CREDIT.search(text) is not None
        or _section_trail(text)
        or _menu_row(text)
        or (
            ranked
            and (
                _doubled_labels(lines[index].key)
                or _dateline(text)
                or _navigation_link(text)
                or places_people(text)
                or over_video_label(lines, index)
                or repeats_trail(lines, index)
                or site_text(text)
                or (opening is not None and site_of_opening(opening.key, lines[index].key))
            )
        )
        or _POST_LINK.search(text) is not None
        or _ASIDE.match(text) is not None
    )


def barred_test(lines: list[_Line], opening: _Line | None, ranked: bool) -> Callable[[int], bool]:
    """``barred_line`` of a page's lines, each line's verdict read once: the ranked candidates' loop and the
    overrides after it ask about the same few candidates."""
    verdicts: dict[int, bool] = {}

    def barred(index: int) -> bool:
        found = verdicts.get(index)
        if found is None:
            found = verdicts[index] = barred_line(lines, index, opening, ranked)
        return found

    return barred


def best_unbarred(
    entries: list[tuple[int, float]], barred: Callable[[int], bool]
) -> tuple[float, int] | None:
    """The best-ranked of ``entries`` (line, rank) not barred, as ``(rank, line)``: of equal ranks the first in
    ``entries``' order. The lines are tested in falling rank until one passes (a line's barred test reads its text
    through a dozen patterns: fewer tests than in ``entries``' order, keeping the best so far)."""
    order = sorted((-ranked, position, index) for position, (index, ranked) in enumerate(entries))
    return next(((-negated, index) for negated, _, index in order if not barred(index)), None)
