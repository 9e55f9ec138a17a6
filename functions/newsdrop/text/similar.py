"""Near-duplicate fingerprints: one-permutation MinHash of word 5-gram shingles, banded for O(1) lookups.

The same wire story re-posted by several outlets with small edits shares most of its shingles. A
signature is 64 minimum hashes (one per bin of a single 64-bit hash). Three bands of one bin each (bins
0, 21, 42) give band keys: two bodies share at least one with probability 1 - (1 - J)^3 for shingle
Jaccard similarity J (0.875 at J = 0.5, 0.97 at 0.7, 0.99 at 0.8), unrelated bodies (J near 0) almost
never. Each band key costs one item write per new article: three bands keep grouping at 3 write units
where 16 bands of 4 bins cost 16 (and found 0.64 of the pairs at J = 0.5, 0.99 at 0.7). Candidates are
confirmed with ``similarity``, which compares the low 16 bits of every bin (a chance match is 1 in 65,536).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from hashlib import blake2b

SHINGLE_WORDS = 5
BINS = 64
BAND_ROWS = 1
BANDS = 3
# The first bin of each band: spread out, because densification makes an empty bin borrow its neighbour's.
BAND_STARTS = tuple(band * (BINS // BANDS) for band in range(BANDS))
# Bodies shorter than this have too few shingles for a meaningful signature.
MIN_TOKENS = 20
# Bodies are fingerprinted on a bounded prefix: a wire story's identity is in its first paragraphs.
MAX_TOKENS = 2000
SAME_STORY = 0.5

_TOKEN = re.compile(r"\w+")
_EMPTY = (1 << 64) - 1
# Stored signatures keep the low 16 bits of each bin: 128 bytes instead of 512, and ``similarity`` only
# compares those bits. Items of layout 1 hold 8 bytes per bin; ``unpack`` reads both.
VALUE_BYTES = 2
PACKED_BYTES = BINS * VALUE_BYTES
LEGACY_VALUE_BYTES = 8
_LOW = (1 << (8 * VALUE_BYTES)) - 1

Signature = tuple[int, ...]


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
    for band, start in enumerate(BAND_STARTS):
        rows = sig[start : start + BAND_ROWS]
        digest = blake2b(b"".join(row.to_bytes(8, "big") for row in rows), digest_size=8).hexdigest()
        keys.append(f"{band:02d}:{digest}")
    return keys


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the two bodies' shingle sets: the share of bins whose stored bits agree."""
    if len(a) != len(b) or not a:
        raise ValueError("signatures of different lengths cannot be compared: compute both with signature()")
    return sum(1 for x, y in zip(a, b, strict=True) if x & _LOW == y & _LOW) / len(a)


def same_story(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """True when two signatures are close enough to be one story re-posted with small edits."""
    return similarity(a, b) >= SAME_STORY


def pack(sig: Signature) -> bytes:
    """The signature as ``PACKED_BYTES`` bytes (the low 16 bits of each value, big-endian), as the table stores it."""
    if len(sig) != BINS:
        raise ValueError(f"a signature has {BINS} values, got {len(sig)}: compute it with signature()")
    return b"".join((value & _LOW).to_bytes(VALUE_BYTES, "big") for value in sig)


def unpack(data: bytes | bytearray | memoryview) -> Signature:
    """The stored bits of a packed signature (pass a DynamoDB ``Binary`` as ``bytes(value)``).

    Reads both the 128-byte form of ``pack`` and the 512-byte form of layout 1; ``similarity`` compares
    either with a fresh ``signature``.
    """
    raw = bytes(data)
    if len(raw) == PACKED_BYTES:
        width = VALUE_BYTES
    elif len(raw) == BINS * LEGACY_VALUE_BYTES:
        width = LEGACY_VALUE_BYTES
    else:
        raise ValueError(f"a packed signature is {PACKED_BYTES} bytes, got {len(raw)}: store it with pack()")
    return tuple(int.from_bytes(raw[i : i + width], "big") & _LOW for i in range(0, len(raw), width))


@dataclass(frozen=True, slots=True)
class Head:
    """The newest article written under one band key, and the group it joined."""

    id: str
    group_id: str
    sig: Signature


def assign_groups(
    new: Sequence[tuple[str, Signature, str | None]], found: Mapping[str, Head]
) -> tuple[dict[str, str], dict[str, Head]]:
    """Group ids for new articles, in order, and the band heads to write (band key -> head).

    ``new`` holds (article id, signature, group id already stored for it or None); ``found`` the heads the
    table holds under the articles' band keys. Each article is compared with the heads under its band
    keys, from the table and from articles earlier in ``new``; the most similar one that is the same story
    gives its group (ties go to the smaller group id, so the answer does not depend on read order),
    otherwise the article founds a group named after itself. A stored group id wins: a retry keeps the
    group the first attempt chose.
    """
    groups: dict[str, str] = {}
    written: dict[str, Head] = {}
    for aid, sig, known in new:
        bands = band_keys(sig)
        group = known
        if group is None:
            candidates = [
                (-similarity(sig, head.sig), head.group_id)
                for key in bands
                for head in (found.get(key), written.get(key))
                if head is not None and same_story(sig, head.sig)
            ]
            group = min(candidates)[1] if candidates else aid
        groups[aid] = group
        for key in bands:
            written[key] = Head(aid, group, sig)
    return groups, written
