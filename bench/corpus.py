"""Generated bundles for the benchmarks: the seed articles made unique, as JSON Lines or zip."""

from __future__ import annotations

import json
import random
import zipfile
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO / "data" / "seeds").glob("*.txt"))
WORDS = "aleppo tehran council budget harvest river festival election vaccine railway court museum".split()


def synthetic_articles(seed: int = 7, *, join: int = 1) -> Iterator[str]:
    """Seed articles made unique (numbers and a few words changed) so every one gets its own id.

    ``join`` > 1 makes long-form articles: one seed's title and text followed by the bodies of ``join - 1``
    more (about 3.3 KB of text per seed).
    """
    rng = random.Random(seed)
    bases = [path.read_text(encoding="utf-8") for path in SEEDS]
    i = 0
    while True:
        parts = []
        for part in range(join):
            extra = " ".join(rng.choice(WORDS) for _ in range(12))
            text = bases[i % len(bases)].replace("Aleppo", f"Aleppo-{i}", 3) + f"\n\nUpdate {i}: {extra}.\n"
            parts.append(text if part == 0 else text.split("\n", 1)[1])
            i += 1
        yield "\n".join(parts)


def write_jsonl(
    path: Path, *, articles: int | None = None, target_bytes: int | None = None, join: int = 1, seed: int = 7
) -> int:
    """A JSON Lines bundle of ``articles`` records, or of records until ``target_bytes``; returns the count."""
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for text in synthetic_articles(seed, join=join):
            if (articles is not None and n >= articles) or (
                target_bytes is not None and out.tell() >= target_bytes
            ):
                break
            out.write(json.dumps({"id": f"a{n}", "text": text}, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_zip(
    path: Path, *, articles: int | None = None, target_bytes: int | None = None, join: int = 1, seed: int = 7
) -> int:
    """A zip bundle with one .txt member per article (uncompressed size counted against ``target_bytes``)."""
    n, written = 0, 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for text in synthetic_articles(seed, join=join):
            if (articles is not None and n >= articles) or (
                target_bytes is not None and written >= target_bytes
            ):
                break
            data = text.encode("utf-8")
            archive.writestr(f"articles/{n:07d}.txt", data)
            written += len(data)
            n += 1
    return n
