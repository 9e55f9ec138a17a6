"""make eval's metric: the benchmark's 4-token shingle P/R/F1 per page, title exact, snippet accuracy and date,
averaged into one table row per source and view."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from tools.cleaning_corpus import Page, collapse

_TOKEN = re.compile(r"\w+")
SHINGLE = 4
# A page below this body F1 is a catastrophe (a footer returned for the story).
CATASTROPHE_F1 = 0.2


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """Multiset of 4-token shingles of the NFC text (so an extractor that keeps a page's decomposed letters
    is scored on its words); a text of 1-3 tokens is one short shingle, an empty text none."""
    tokens = _TOKEN.findall(unicodedata.normalize("NFC", text))
    if not tokens:
        return Counter()
    if len(tokens) < SHINGLE:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def precision_recall(predicted: str, gold: str) -> tuple[float, float]:
    """Per-article shingle precision and recall; each is 1 when its error term is 0."""
    pred, ref = shingles(predicted), shingles(gold)
    tp = sum(min(count, ref[key]) for key, count in pred.items())
    fp = sum(max(0, count - ref[key]) for key, count in pred.items())
    fn = sum(max(0, count - pred[key]) for key, count in ref.items())
    precision = 1.0 if fp == 0 else tp / (tp + fp)
    recall = 1.0 if fn == 0 else tp / (tp + fn)
    return precision, recall


def f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the score table; a field is None where it does not apply."""

    label: str
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    title: float | None = None
    date: float | None = None
    lines: float | None = None
    metadata: float | None = None
    mb_per_s: float | None = None
    snippets: float | None = None
    above_02: float | None = None
    pages: int | None = None
    per_article: tuple[tuple[str, float, float], ...] = ()

    def figures(self) -> dict[str, float]:
        names = (
            "precision",
            "recall",
            "f1",
            "title",
            "date",
            "lines",
            "metadata",
            "mb_per_s",
            "snippets",
            "above_02",
        )
        return {name: value for name in names if (value := getattr(self, name)) is not None}


@dataclass(frozen=True, slots=True)
class Result:
    """What the cleaner returned for one page in one view."""

    page: Page
    body: str
    title: str | None
    published: str | None


def score(label: str, results: Sequence[Result], *, titles: bool = True) -> Row:
    """Corpus means of per-page P/R where the gold has a body; title exact (the gold title or the printed
    headline, whitespace collapsed); snippet accuracy where the gold has snippets; date on dev pages."""
    precisions: list[float] = []
    recalls: list[float] = []
    per_article: list[tuple[str, float, float]] = []
    titles_ok = titled = snippets_ok = snipped = dates_ok = dated = above = 0
    for result in results:
        page = result.page
        if page.body is not None:
            precision, recall = precision_recall(result.body, page.body)
            precisions.append(precision)
            recalls.append(recall)
            per_article.append((page.id, precision, recall))
            above += int(f1(precision, recall) >= CATASTROPHE_F1)
        if titles and page.titles:
            titled += 1
            titles_ok += int(collapse(result.title) in page.titles)
        if page.has_snippets:
            snipped += 1
            snippets_ok += int(page.snippets_ok(f"{result.title or ''}\n{result.body}"))
        if titles and page.source == "dev" and page.gold.get("published"):
            dated += 1
            dates_ok += int(
                result.published is not None and result.published[:10] == page.gold["published"][:10]
            )
    count = len(precisions)
    mean_p = sum(precisions) / count if count else None
    mean_r = sum(recalls) / count if count else None
    return Row(
        label,
        precision=mean_p,
        recall=mean_r,
        f1=f1(mean_p, mean_r) if mean_p is not None and mean_r is not None else None,
        title=titles_ok / titled if titled else None,
        date=dates_ok / dated if dated else None,
        snippets=snippets_ok / snipped if snipped else None,
        above_02=above / count if count else None,
        pages=len(results),
        per_article=tuple(per_article),
    )
