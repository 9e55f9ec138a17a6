"""Where the title misses of grouped CV stand in the view: the ceiling any picker of the view's lines can reach.

Each miss is classed by where its gold title is printed (``classify``): as a whole line, inside a longer line,
as a line differing only in case, punctuation or spacing (whole or inside), split over two printed lines, or
nowhere (no picker of lines reaches it). A miss is then "named" when some line's headline, as the cleaner names a
pick (``headline_text``, with or without its cuts, then ``named_title``), is the gold, and "ranked" when such a
line is among the candidates the headline ranker scored on the reading the cleaner returned. A miss is also
"h1" when the cleaner named the page's `<h1>` (the gold's ``page_h1`` diagnostic) and the gold has no printed form
(``title_printed`` is null): the gold is a metadata or SEO title, and the line named is the page's own headline.
The ranked list lives
inside ``headline._find_title``: ``ranked_candidates`` records it from the call that assigns the candidates'
kinds, so the cleaner's code is not changed for the count.

Usage: .venv/bin/python -m tools.title_ceiling [--views article,page] [--misses FILE.jsonl]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "functions") not in sys.path:
    sys.path.insert(0, str(ROOT / "functions"))

import newsdrop.text.cleaner as cleaner  # noqa: E402
from newsdrop.text.cleaner import headline  # noqa: E402
from newsdrop.text.cleaner.headline_names import headline_text, named_title  # noqa: E402
from newsdrop.text.cleaner.lines import _Line  # noqa: E402
from tools.cleaning_corpus import VIEWS, Corpus, Page, collapse  # noqa: E402
from tools.eval_cleaner import load_fold_models  # noqa: E402

# The classes, in the order they are tried (a miss is counted once, in its first class).
CLASSES: tuple[str, ...] = ("whole", "inside", "loose_whole", "loose_inside", "two_lines", "absent")
# Everything but letters and digits: case, punctuation and spacing are what ``loose`` forgets.
_NOT_WORD = re.compile(r"[\W_]+")


def loose(text: str) -> str:
    """The text's letters and digits only, case-folded (NFKC first, so full-width forms fold too)."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())


def classify(golds: frozenset[str], lines: Sequence[str]) -> str:
    """The first class in ``CLASSES`` where one of the gold titles stands among the view's lines (collapsed)."""
    printed = [line for line in lines if line]
    if any(line in golds for line in printed):
        return "whole"
    if any(gold in line for gold in golds for line in printed):
        return "inside"
    wanted = {key for key in map(loose, golds) if key}
    keys = [loose(line) for line in printed]
    if any(key in wanted for key in keys):
        return "loose_whole"
    if any(gold in key for gold in wanted for key in keys):
        return "loose_inside"
    if any(first + second in wanted for first, second in pairwise(keys)):
        return "two_lines"
    return "absent"


@contextmanager
def ranked_candidates() -> Iterator[dict[int, list[int]]]:
    """Record each headline search's ranked candidates (line indices, the rules' order) by its lines' id."""
    found: dict[int, list[int]] = {}
    original = headline._page_columns

    def recording(lines: list[_Line], ranked: list[int], region_start: int, rows: list[list[float]]) -> None:
        found[id(lines)] = list(ranked)
        original(lines, ranked, region_start, rows)

    headline._page_columns = recording
    try:
        yield found
    finally:
        headline._page_columns = original


@contextmanager
def last_reading() -> Iterator[list[Any]]:
    """Record the rule pass ``clean_article`` continues from (the reading whose lines hold the title)."""
    readings: list[Any] = []
    original = cleaner.rule_pass

    def recording(*args: Any, **kwargs: Any) -> Any:
        readings.append(found := original(*args, **kwargs))
        return found

    cleaner.rule_pass = recording
    try:
        yield readings
    finally:
        cleaner.rule_pass = original


def naming_lines(lines: list[_Line], golds: frozenset[str]) -> list[int]:
    """The lines whose headline, as the cleaner would name it, is a gold title."""
    found = []
    for index, line in enumerate(lines):
        if not line.key:
            continue
        cut = headline_text(lines, index)
        named = {cut, headline_text(lines, index, cut_parts=False), named_title(cut, lines)}
        if any(collapse(title) in golds for title in named):
            found.append(index)
    return found


def names_h1(title: str | None, gold: dict[str, Any]) -> bool:
    """The title named is the page's `<h1>` and the gold title has no printing on the page (``title_printed``)."""
    h1 = collapse(gold.get("page_h1"))
    return bool(h1) and not gold.get("title_printed") and collapse(title) == h1


def misses(view: str, pages: Sequence[Page]) -> Iterator[dict[str, Any]]:
    """Every page's CV title in ``view``; a miss carries its class, its naming lines and their ranks."""
    folds = load_fold_models()
    with ranked_candidates() as tops, last_reading() as readings:
        for page in pages:
            if not page.titles:
                continue
            tops.clear()
            readings.clear()
            text = page.read(view)
            article = cleaner.clean_article(text, None, model=folds[page.fold])
            record: dict[str, Any] = {"id": page.id, "source": page.source, "title": article.title}
            record["hit"] = collapse(article.title) in page.titles
            if not record["hit"]:
                lines = readings[-1].lines
                top = tops.get(id(lines), [])
                naming = naming_lines(lines, page.titles)
                record |= {
                    "gold": sorted(page.titles),
                    "class": classify(page.titles, [collapse(line) for line in text.split("\n")]),
                    "naming": naming,
                    "ranks": [top.index(index) for index in naming if index in top],
                    "h1": names_h1(article.title, page.gold),
                }
            yield record


def summary(view: str, records: Sequence[dict[str, Any]]) -> str:
    """One view's counts: hits, misses by class, named and ranked misses, and the ceilings."""
    total = len(records)
    missed = [record for record in records if not record["hit"]]
    by_class = Counter(record["class"] for record in missed)
    named = sum(1 for record in missed if record["naming"])
    ranked = sum(1 for record in missed if record["ranks"])
    hits = total - len(missed)
    h1 = sum(1 for record in missed if record.get("h1"))
    rows = [
        f"{view}: {hits} of {total} titles right, {len(missed)} missed",
        *(f"  {name:13s} {by_class[name]:4d}" for name in CLASSES),
        f"  named by a line {named} (ranked {ranked}, not ranked {named - ranked})",
        f"  ceiling, gold printed in the view: {total - by_class['absent']} ({(total - by_class['absent']) / total:.3f})",
        f"  ceiling, a line names the gold: {hits + named} ({(hits + named) / total:.3f})",
        f"  the page's <h1> named, the gold unprinted: {h1} (with the <h1> accepted: {hits + h1}, "
        f"{(hits + h1) / total:.3f})",
    ]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--views", default="article,page", help="text views, comma-separated")
    parser.add_argument("--misses", type=Path, help="write every miss as a JSON line here")
    args = parser.parse_args(argv)
    pages = Corpus().pages
    out = args.misses.open("w", encoding="utf-8") if args.misses else None
    for view in args.views.split(","):
        if view not in VIEWS or view == "html":
            parser.error(f"not a text view: {view}")
        records = list(misses(view, pages))
        print(summary(view, records))
        if out is not None:
            for record in records:
                if not record["hit"]:
                    out.write(json.dumps({"view": view, **record}, ensure_ascii=False) + "\n")
    if out is not None:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
