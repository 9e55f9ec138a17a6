"""More training views for the headline ranker: crops of each page view by the article view's recipe, other seeds."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "functions") not in sys.path:
    sys.path.insert(0, str(ROOT / "functions"))

from newsdrop.text.cleaner import rule_pass  # noqa: E402
from newsdrop.text.cleaner.headline_names import headline_text  # noqa: E402
from newsdrop.text.cleaner.passes import RulePass  # noqa: E402
from tools.cleaning_corpus import Page, collapse  # noqa: E402

# The article view is one crop of the page view: the ranker sees each headline in a single crop of that kind,
# so which lines stand above a headline is learnt from one draw a page. `make train TRAIN_FLAGS="--crops 4"`
# adds 4 more a page (grouped CV still holds: a crop has its page's fold). Not the default: at 1/4 of a
# view's weight each, out-of-fold top-1 rises (of 804 article views: 627 -> 636 at seed 7, 632 -> 640 at seed 1)
# but make eval's CV titles do not (article 689 -> 688 and 687, page 715 -> 707 and 705; docs/eval.md).
# A crop's group number starts here (a page's two views are numbered 2 x page + view, far below).
CROP_GROUP = 100_000
# The article view's recipe (data/cleaning-train/README.md): 2 to 8 non-empty lines above the headline; the
# tail here moves 5 lines up or 15 down from the article view's (which ends 5 to 25 lines after the body).
_ABOVE = (2, 8)
_TAIL = (-5, 15)
# A page whose headline line is not found in its article view gains only lines above (up to this many).
_UP = 6


def headline_labels(found: RulePass, titles: frozenset[str]) -> list[float]:
    """1 for each ranked candidate whose title (``headline_text`` without cuts) is a gold title, else 0.

    A title line that gives the headline only as a part (one another line prints, a breadcrumb's last step)
    is no headline line itself: labelled so, the ranker learns to prefer "Headline | Site" lines on pages
    that print no bare headline."""
    return [
        1.0 if collapse(headline_text(found.lines, index, cut_parts=False)) in titles else 0.0
        for index, _ in found.candidates
    ]


def _slice_start(page: Sequence[str], article: Sequence[str]) -> int | None:
    """Where the article view's lines stand in the page view's, or None (not a slice, or the whole page)."""
    if list(page) == list(article) or not article:
        return None
    for start in range(len(page) - len(article) + 1):
        if page[start] == article[0] and page[start : start + len(article)] == article:
            return start
    return None


def crop(page: Sequence[str], article: Sequence[str], titles: frozenset[str], key: str) -> list[str] | None:
    """Another crop of ``page`` (lines) by the article view's recipe, its margins drawn from sha256(key).

    The headline is the first article line that is a gold title; its crop keeps 2 to 8 non-empty lines above
    it. Without one, the crop starts up to ``_UP`` non-empty lines above the article's start (never below, so
    the headline the gold names stays in). None where the article view is the whole page or no slice of it."""
    start = _slice_start(page, article)
    if start is None:
        return None
    generator = np.random.default_rng(int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big"))
    heads = [index for index, line in enumerate(article) if collapse(line) in titles]
    anchor = start + heads[0] if heads else start
    # The anchor, then the non-empty lines above it, nearest first: a crop keeping ``wanted`` of them starts
    # at the ``wanted``-th (the page's top where there are fewer).
    tops = [anchor, *(index for index in range(anchor - 1, -1, -1) if page[index].strip())]
    wanted = (
        int(generator.integers(_ABOVE[0], _ABOVE[1] + 1)) if heads else int(generator.integers(0, _UP + 1))
    )
    first = tops[wanted] if wanted < len(tops) else 0
    end = start + len(article) + int(generator.integers(_TAIL[0], _TAIL[1] + 1))
    return list(page[first : min(len(page), max(first + 1, end))])


def crop_rows(
    pages: Iterable[Page], crops: int
) -> tuple[list[list[float]], list[float], list[int], list[int]]:
    """The ranker's candidate rows and labels of ``crops`` crops of every titled page, with groups and folds."""
    rows: list[list[float]] = []
    labels: list[float] = []
    groups: list[int] = []
    folds: list[int] = []
    for number, page in enumerate(pages):
        if not page.titles:
            continue
        lines = page.read("page").rstrip("\n").split("\n")
        article = page.read("article").rstrip("\n").split("\n")
        for k in range(crops):
            text = crop(lines, article, page.titles, f"{page.id}:crop{k}")
            if text is None:
                break
            found = rule_pass("\n".join(text) + "\n", collect=True)
            if found.candidates:
                rows += [row for _, row in found.candidates]
                labels += headline_labels(found, page.titles)
                groups += [CROP_GROUP * (k + 1) + number] * len(found.candidates)
                folds += [page.fold] * len(found.candidates)
    return rows, labels, groups, folds
