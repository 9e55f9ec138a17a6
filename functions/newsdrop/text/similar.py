"""Near-duplicate fingerprints: one-permutation MinHash of word 5-gram shingles, banded for O(1) lookups.

The same wire story re-posted by several outlets with small edits shares most of its shingles. A
signature is 64 minimum hashes (one per bin of a single 64-bit hash); 16 bands of 4 give band keys that
two bodies share with high probability when their shingle Jaccard similarity is above ~0.5 and rarely
below ~0.2. Store the band keys at ingest; candidates are the articles sharing one, confirmed with
``similarity``.
"""

from __future__ import annotations

import re
from hashlib import blake2b

SHINGLE_WORDS = 5
BINS = 64
BAND_ROWS = 4
BANDS = BINS // BAND_ROWS
# Bodies shorter than this have too few shingles for a meaningful signature.
MIN_TOKENS = 20
# Bodies are fingerprinted on a bounded prefix: a wire story's identity is in its first paragraphs.
MAX_TOKENS = 2000
SAME_STORY = 0.5

_TOKEN = re.compile(r"\w+")
_EMPTY = (1 << 64) - 1


def _shingle_hashes(text: str) -> set[int]:
    tokens = [token.casefold() for token in _TOKEN.findall(text)[:MAX_TOKENS]]
    if len(tokens) < MIN_TOKENS:
        return set()
    return {
        int.from_bytes(
            blake2b(" ".join(tokens[i : i + SHINGLE_WORDS]).encode(), digest_size=8).digest(), "big"
        )
        for i in range(len(tokens) - SHINGLE_WORDS + 1)
    }


def signature(text: str) -> tuple[int, ...] | None:
    """The MinHash signature of ``text`` (BINS values), or None when the text is too short to compare.

    One hash per shingle: its low bits choose a bin, the rest is the value whose minimum the bin keeps.
    Empty bins borrow from the next non-empty bin (densification) so every band is comparable.
    """
    hashes = _shingle_hashes(text)
    if not hashes:
        return None
    minimums = [_EMPTY] * BINS
    for value in hashes:
        slot, rest = value % BINS, value // BINS
        if rest < minimums[slot]:
            minimums[slot] = rest
    for slot in range(BINS):
        if minimums[slot] == _EMPTY:
            for step in range(1, BINS):
                borrowed = minimums[(slot + step) % BINS]
                if borrowed != _EMPTY:
                    minimums[slot] = borrowed ^ step
                    break
    return tuple(minimums)


def band_keys(sig: tuple[int, ...]) -> list[str]:
    """One short key per band ("03:9f1c..."): two signatures sharing a key are candidate duplicates."""
    if len(sig) != BINS:
        raise ValueError(f"a signature has {BINS} values, got {len(sig)}: compute it with signature()")
    keys = []
    for band in range(BANDS):
        rows = sig[band * BAND_ROWS : (band + 1) * BAND_ROWS]
        digest = blake2b(b"".join(row.to_bytes(8, "big") for row in rows), digest_size=8).hexdigest()
        keys.append(f"{band:02d}:{digest}")
    return keys


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the two bodies' shingle sets: the share of equal bins."""
    if len(a) != len(b) or not a:
        raise ValueError("signatures of different lengths cannot be compared: compute both with signature()")
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


def same_story(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """True when two signatures are close enough to be one story re-posted with small edits."""
    return similarity(a, b) >= SAME_STORY
