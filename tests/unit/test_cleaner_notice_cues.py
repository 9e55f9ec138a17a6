"""The line model's notice cues: a site's consent, subscription, advertising and browser notices."""

from __future__ import annotations

import math

import pytest

from newsdrop.text.cleaner.cues_notice import (
    _NOTICE,
    _NOTICE_STEMS,
    NOTICE_FEATURES,
    legal_words_only,
    notice_words,
    site_notice,
)
from newsdrop.text.cleaner.model import FEATURES, line_features
from tests.unit.cleaner_fixtures import LEAD, Line


def _feature(lines: list[Line], name: str) -> list[float]:
    return [row[FEATURES.index(name)] for row in line_features(lines, 0, len(lines) - 1)]


@pytest.mark.parametrize(
    ("text", "stems"),
    [
        ("We use cookies and similar tools; see our privacy policy for your consent options.", 3),
        ("Um eingebettete Inhalte anzuzeigen, ist deine widerrufliche Einwilligung nötig.", 2),
        ("Abonnieren Sie unseren Newsletter und lesen Sie werbefrei.", 2),
        ("Ad block users: some features may not work while an ad blocker is enabled in your browser.", 2),
        ("紙の新聞の定期購読者の方は、無料で会員登録できます。", 2),
        # A story: no notice words at all.
        (LEAD, 0),
        # Case does not matter: the key is case-folded.
        ("PRIVACY NOTICE", 1),
    ],
)
def test_notice_words_count_notice_stems(text: str, stems: int) -> None:
    lines = [Line(1, text, prose=True)]
    assert _feature(lines, "notice_words") == [pytest.approx(math.log1p(stems))]
    assert notice_words(text.casefold()) == pytest.approx(math.log1p(stems))


def test_notice_words_read_the_opening_of_a_long_line_only() -> None:
    """A long story paragraph that mentions a newsletter at its end is not a notice."""
    story = (LEAD + " ") * 3 + "He also writes a newsletter."
    assert notice_words(story.casefold()) == 0.0
    assert notice_words(("Newsletter. " + LEAD).casefold()) == pytest.approx(math.log1p(1))


def test_the_cue_features_close_the_feature_list() -> None:
    """New features go at the end: a model trained before them loads them with weight 0."""
    assert FEATURES[-len(NOTICE_FEATURES) :] == NOTICE_FEATURES


def test_the_factored_notice_pattern_matches_exactly_the_stems() -> None:
    """The prefix-factored regex finds each stem (also one that is a prefix of another) and nothing else."""
    for stem in _NOTICE_STEMS:
        assert _NOTICE.fullmatch(stem) is not None, stem
    text = " ".join(_NOTICE_STEMS)
    assert len(_NOTICE.findall(text)) == len(_NOTICE_STEMS)
    assert _NOTICE.findall("the harbour wall was finished early") == []


@pytest.mark.parametrize(
    ("text", "legal_only", "notice"),
    [
        # A story's last paragraph on a browser's privacy mode or a people's consent: its subject, not a notice.
        ("Chrome's billions of users are diverse; the new mode keeps their privacy in view.", True, False),
        (
            "The principle lets Indigenous Peoples give or withhold consent to projects on their lands.",
            True,
            False,
        ),
        ("Datenschutz bleibt das Thema der nächsten Sitzung.", True, False),
        # A pitch speaks of the site: a newsletter, a subscription, advertising.
        ("NYC news never sleeps. Get the Daily newsletter and don't miss a moment.", False, True),
        ("Abonniere den Kanal, um nichts zu verpassen.", False, True),
        ("Sign up for our newsletter; see our privacy policy.", False, True),
        # The consent banner's own word is the site's.
        ("We use cookies to improve your experience.", False, True),
        # Without notice stems a line is neither.
        (LEAD, False, False),
    ],
)
def test_site_notice_leaves_a_closing_line_on_privacy_or_consent(
    text: str, legal_only: bool, notice: bool
) -> None:
    key = text.casefold()
    assert legal_words_only(key) is legal_only
    assert site_notice(key) is notice
