"""Near-duplicate fingerprints: re-posted stories match, different stories do not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdrop.text.similar import BANDS, BINS, band_keys, same_story, signature, similarity

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
