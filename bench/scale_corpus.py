"""The scale benchmark's corpus: deterministic distinct articles (Zipf-distributed words, 40 outlets, ten years)."""

from __future__ import annotations

import json
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.corpus import REPO

SOURCES = [
    f"{name} {kind}"
    for name in ("Harbor", "Valley", "Capital", "Northern", "Coastal")
    for kind in ("Times", "Herald", "Post", "Courier", "Gazette", "Tribune", "Observer", "Ledger")
]
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


def vocabulary(size: int = 30_000, seed: int = 5) -> list[str]:
    """Real words of the seed articles first (the frequent ranks), then made-up words up to ``size``."""
    seen: dict[str, None] = {}
    for path in sorted((REPO / "data" / "seeds").glob("*.txt")):
        for word in re.findall(r"[a-z]{4,12}", path.read_text(encoding="utf-8").lower()):
            seen.setdefault(word, None)
    rng = random.Random(seed)
    while len(seen) < size:
        seen.setdefault("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))), None)
    return list(seen)[:size]


class Corpus:
    """Deterministic distinct articles; ``truth`` maps each tracked word to the titles that contain it."""

    def __init__(self, tracked: list[str], seed: int = 11) -> None:
        self.words = vocabulary()
        weights = [1.0 / (rank + 10) for rank in range(len(self.words))]  # Zipf-like, flattened at the top
        self.cumulative = list(_accumulate(weights))
        self.seed = seed
        self.tracked = set(tracked)
        self.truth: dict[str, set[str]] = defaultdict(set)  # title or body contains the word
        self.in_scope: dict[str, set[str]] = defaultdict(set)  # the word is one the ingest indexes
        sys.path.insert(0, str(REPO / "functions"))
        from newsdrop.terms import index_terms

        self.index_terms = index_terms

    def article(self, i: int) -> dict[str, Any]:
        rng = random.Random(self.seed * 1_000_003 + i)
        code = _code(i)
        title = " ".join(rng.choices(self.words, cum_weights=self.cumulative, k=7)).capitalize() + f" {code}"
        paragraphs, size = [], 0
        while size < 2900:
            sentences = []
            for _ in range(rng.randint(3, 6)):
                words = rng.choices(self.words, cum_weights=self.cumulative, k=rng.randint(8, 18))
                sentences.append(" ".join(words).capitalize() + ".")
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            size += len(paragraph) + 2
        text = "\n\n".join(paragraphs)
        day = rng.randint(0, 3652)
        published = time.strftime(
            "%Y-%m-%dT%H:%M:00Z", time.gmtime(1420070400 + day * 86400 + rng.randint(0, 86399))
        )
        present = (set(title.lower().split()) | set(re.findall(r"[a-z]+", text.lower()))) & self.tracked
        for word in present:
            self.truth[word].add(title)
        if present:
            for word in present & set(self.index_terms(title, text)):
                self.in_scope[word].add(title)
        return {
            "id": f"scale-{i}",
            "title": title,
            "text": text,
            "source": SOURCES[i % len(SOURCES)],
            "published": published,
            "url": f"https://news.example/{i}",
        }

    def write_bundles(self, folder: Path, articles: int, bundle_size: int) -> list[tuple[Path, int]]:
        folder.mkdir(parents=True, exist_ok=True)
        bundles = []
        for number, start in enumerate(range(0, articles, bundle_size)):
            path = folder / f"scale-{number:04d}.jsonl"
            count = min(bundle_size, articles - start)
            with path.open("w", encoding="utf-8") as out:
                for i in range(start, start + count):
                    out.write(json.dumps(self.article(i), ensure_ascii=False) + "\n")
            bundles.append((path, count))
        return bundles


def _accumulate(values: list[float]) -> list[float]:
    total, out = 0.0, []
    for value in values:
        total += value
        out.append(total)
    return out


def _code(i: int) -> str:
    """A made-up word unique to article ``i`` (so titles are unique and every article is distinct)."""
    letters = "bcdfghjklmnpqrstvwxz"
    digits = []
    while True:
        i, r = divmod(i, len(letters))
        digits.append(letters[r])
        if i == 0:
            break
    return "qx" + "".join(digits)
