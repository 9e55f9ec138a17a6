"""Near-duplicate fingerprints: re-posted stories match, different stories do not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdrop.text.similar import (
    BAND_STARTS,
    BANDS,
    BINS,
    PACKED_BYTES,
    Head,
    assign_groups,
    band_keys,
    pack,
    same_story,
    signature,
    similarity,
    unpack,
)

GOLD = sorted((Path(__file__).resolve().parents[2] / "data" / "cleaning-dev" / "gold").glob("*.json"))


def _bodies() -> list[str]:
    return [json.loads(path.read_text(encoding="utf-8"))["body"] for path in GOLD[:12]]


def _reposted(body: str) -> str:
    """A wire story as another outlet posts it: a new first line, one sentence cut, the ending trimmed."""
    paragraphs = body.split("\n\n")
    edited = ["(Wire) " + paragraphs[0], *paragraphs[1:]]
    if len(edited) > 4:
        del edited[2]
    text = "\n\n".join(edited)
    return text[: int(len(text) * 0.9)]


@pytest.mark.parametrize("index", range(12))
def test_a_reposted_story_is_the_same_story_and_shares_a_band(index: int) -> None:
    body = _bodies()[index]
    original, copy = signature(body), signature(_reposted(body))
    assert original is not None and copy is not None
    assert same_story(original, copy)
    assert set(band_keys(original)) & set(band_keys(copy))


def test_different_stories_are_not_the_same_story_and_share_no_band() -> None:
    signatures = [sig for body in _bodies() if (sig := signature(body)) is not None]
    for i, a in enumerate(signatures):
        for b in signatures[i + 1 :]:
            assert similarity(a, b) < 0.2
            assert not set(band_keys(a)) & set(band_keys(b))


def test_signature_is_deterministic_and_case_insensitive() -> None:
    body = _bodies()[0]
    assert signature(body) == signature(body.upper())
    sig = signature(body)
    assert sig is not None and len(sig) == BINS
    assert len(band_keys(sig)) == BANDS


@pytest.mark.parametrize("text", ["", "Too short to fingerprint at all.", "word " * 5])
def test_short_texts_have_no_signature(text: str) -> None:
    assert signature(text) is None


def test_bad_signatures_say_what_to_do() -> None:
    with pytest.raises(ValueError, match="signature"):
        band_keys((1, 2, 3))
    with pytest.raises(ValueError, match="signature"):
        similarity((1,), (1, 2))


def test_pack_keeps_the_low_16_bits_of_each_bin_in_128_bytes() -> None:
    sig = signature(_bodies()[0])
    assert sig is not None
    packed = pack(sig)
    assert len(packed) == PACKED_BYTES == 128
    assert packed[:2] == (sig[0] & 0xFFFF).to_bytes(2, "big")
    assert unpack(packed) == tuple(value & 0xFFFF for value in sig)
    assert unpack(bytearray(packed)) == unpack(memoryview(packed)) == unpack(packed)
    assert similarity(sig, unpack(packed)) == 1.0


def test_layout_1_signatures_of_512_bytes_still_compare() -> None:
    sig = signature(_bodies()[0])
    assert sig is not None
    legacy = b"".join(value.to_bytes(8, "big") for value in sig)
    assert unpack(legacy) == unpack(pack(sig))
    assert similarity(signature(_reposted(_bodies()[0])) or (), unpack(legacy)) >= 0.5


def test_pack_keeps_the_extreme_values() -> None:
    sig = (0, (1 << 64) - 1) * (BINS // 2)
    assert unpack(pack(sig)) == (0, 0xFFFF) * (BINS // 2)


def test_bad_packed_signatures_say_what_to_do() -> None:
    with pytest.raises(ValueError, match="signature"):
        pack((1, 2, 3))
    with pytest.raises(ValueError, match="pack"):
        unpack(b"\x00" * 511)


# --- grouping: synthetic signatures whose shared bins are chosen exactly ----------------------------
BASE = tuple(range(1000, 1000 + BINS))


_OFF_BAND = [i for i in range(BINS) if i not in BAND_STARTS]


def edited(sig: tuple[int, ...], bands: range | list[int], others: int, salt: int = 1) -> tuple[int, ...]:
    """``sig`` with the bin of each band in ``bands`` and ``others`` bins outside every band changed."""
    changed = {BAND_STARTS[b] for b in bands} | set(_OFF_BAND[:others])
    return tuple(v + salt * 1_000_000 if i in changed else v for i, v in enumerate(sig))


CLOSE = edited(BASE, range(0, 1), others=13)  # bands 1 and 2 equal, 50 of 64 bins: similarity 0.78
CLOSER = edited(BASE, range(0, 0), others=7, salt=2)  # every band equal, 57 bins: 0.89
# Band 2 equal, 23 bins: 0.36; it shares a band but is another story.
FAR = edited(BASE, range(0, 2), others=39, salt=3)
OTHER = edited(BASE, range(BANDS), others=BINS - BANDS, salt=4)  # nothing in common


def heads(*pairs: tuple[tuple[int, ...], Head]) -> dict[str, Head]:
    return {key: head for sig, head in pairs for key in band_keys(sig)}


GROUPING_CASES = [
    pytest.param([("a", BASE, None)], {}, {"a": "a"}, id="alone-founds-its-group"),
    pytest.param(
        [("a", CLOSE, None)], heads((BASE, Head("x", "gx", BASE))), {"a": "gx"}, id="joins-a-stored-head"
    ),
    pytest.param(
        [("a", FAR, None)], heads((BASE, Head("x", "gx", BASE))), {"a": "a"}, id="shared-band-not-same-story"
    ),
    pytest.param(
        [("a", BASE, None), ("b", CLOSE, None), ("c", OTHER, None)],
        {},
        {"a": "a", "b": "a", "c": "c"},
        id="joins-an-earlier-article-of-the-flush",
    ),
    pytest.param(
        [("a", BASE, None)],
        {
            **heads((CLOSE, Head("x", "gx", CLOSE))),
            **{k: Head("y", "gy", CLOSER) for k in band_keys(CLOSER)[1:3]},
        },
        {"a": "gy"},
        id="most-similar-head-wins",
    ),
    pytest.param(
        [("a", BASE, None)],
        {band_keys(BASE)[1]: Head("y", "gz", CLOSE), band_keys(BASE)[2]: Head("x", "gb", CLOSE)},
        {"a": "gb"},
        id="tie-goes-to-the-smaller-group-id",
    ),
    pytest.param(
        [("a", BASE, "g-first-attempt")],
        heads((BASE, Head("x", "gx", BASE))),
        {"a": "g-first-attempt"},
        id="stored-group-survives-a-retry",
    ),
    pytest.param(
        [("a", BASE, "g-first-attempt"), ("b", CLOSE, None)],
        {},
        {"a": "g-first-attempt", "b": "g-first-attempt"},
        id="a-retried-article-still-gathers-the-flush",
    ),
]


@pytest.mark.parametrize(("new", "found", "expected"), GROUPING_CASES)
def test_assign_groups(new, found, expected) -> None:
    groups, _ = assign_groups(new, found)
    assert groups == expected


def test_assign_groups_writes_one_head_per_band_newest_article_last() -> None:
    groups, written = assign_groups([("a", BASE, None), ("b", CLOSE, None)], {})
    assert groups == {"a": "a", "b": "a"}
    shared = set(band_keys(BASE)) & set(band_keys(CLOSE))
    assert len(shared) == 2 and len(written) == BANDS + 1
    assert {written[k].id for k in shared} == {"b"}
    assert {written[k].id for k in set(band_keys(BASE)) - shared} == {"a"}
    assert all(h.group_id == "a" for h in written.values())
    assert written[band_keys(CLOSE)[0]].sig == CLOSE
