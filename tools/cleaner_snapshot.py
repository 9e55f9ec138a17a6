"""Snapshot every cleaner output on the corpora, to prove a speed change left the output unchanged.

For each page of cleaning-dev and cleaning-train in the article and page views (and the HTML view's
extracted text with --html) it records: the whole ``CleanArticle`` cleaned with the shipped model, with the
page's cross-validation fold model and with the rules alone, and what ``make train`` reads (the rules'
pass with headline candidates collected and every line's feature row). Floats are kept exactly (repr).

Usage: .venv/bin/python -m tools.cleaner_snapshot --write /tmp/before.jsonl
       .venv/bin/python -m tools.cleaner_snapshot --compare /tmp/before.jsonl   (exit 1 on any difference)
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "functions") not in sys.path:
    sys.path.insert(0, str(ROOT / "functions"))

from newsdrop.text.cleaner import clean_article, rule_pass  # noqa: E402
from newsdrop.text.cleaner.model import line_features, load_model  # noqa: E402
from newsdrop.text.decode import normalize_text  # noqa: E402
from newsdrop.text.html import extract, merge_hints  # noqa: E402
from tools.cleaning_corpus import Corpus  # noqa: E402
from tools.eval_cleaner import load_fold_models  # noqa: E402


def _article(article: Any) -> dict[str, Any]:
    return dataclasses.asdict(article)


def page_record(
    page_id: str, view: str, text: str, hints: Any, main: bool, fold_model: Any
) -> dict[str, Any]:
    """Every output of the cleaner for one page in one view, as JSON-ready data."""
    full = load_model()
    record: dict[str, Any] = {
        "id": page_id,
        "view": view,
        "shipped": _article(clean_article(text, hints, main_content=main, model=full)),
        "rules": _article(clean_article(text, hints, main_content=main, model=None)),
    }
    if fold_model is not full:
        record["fold"] = _article(clean_article(text, hints, main_content=main, model=fold_model))
    if view != "html":
        found = rule_pass(text, collect=True)
        record["train"] = {
            "lines": [(line.n, line.role, line.rule, line.prose) for line in found.lines],
            "region": (found.start, found.end, found.title, found.kept_chars),
            "candidates": [(index, [repr(x) for x in row]) for index, row in found.candidates],
            "features": [
                [repr(x) for x in row] for row in line_features(found.lines, found.start, found.end)
            ],
        }
    return record


def records(html: bool) -> Iterator[dict[str, Any]]:
    folds = load_fold_models()
    views = ("article", "page", "html") if html else ("article", "page")
    for page in Corpus().pages:
        for view in views:
            raw = page.read(view)
            if view == "html":
                found = extract(raw)
                text, hints, main = (
                    normalize_text(found.text),
                    merge_hints(None, found.hints),
                    found.main_content,
                )
            else:
                text, hints, main = raw, None, False
            yield page_record(page.id, view, text, hints, main, folds[page.fold])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="write the snapshot (JSON Lines) here")
    group.add_argument("--compare", type=Path, help="compare against this snapshot; exit 1 on a difference")
    parser.add_argument("--html", action="store_true", help="also the HTML view (trafilatura: minutes)")
    args = parser.parse_args()
    if args.write:
        with args.write.open("w", encoding="utf-8") as out:
            count = 0
            for record in records(args.html):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
        print(f"wrote {count} page views to {args.write}")
        return 0
    expected = {
        (r["id"], r["view"]): r
        for r in map(json.loads, args.compare.read_text(encoding="utf-8").splitlines())
    }
    compared = differences = 0
    for record in records(args.html):
        compared += 1
        # Round-trip through JSON so tuples and lists compare alike.
        got = json.loads(json.dumps(record, ensure_ascii=False))
        want = expected.get((record["id"], record["view"]))
        if got != want:
            differences += 1
            keys = sorted(k for k in got if want is None or got[k] != want.get(k))
            print(f"DIFFERENT {record['id']} {record['view']}: {', '.join(keys)}")
    print(f"compared {compared} page views against {args.compare}: {differences} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
