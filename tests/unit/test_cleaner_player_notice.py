"""A media player's or an embed's own text kept inside the story: re-decided as boilerplate after the model."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.player_notice import (
    _DIGIT_P,
    _DIGIT_P_AT,
    _NOTICE_WORD_PATTERNS,
    _PLAYER_NOTICE,
    _WORDS_OR_DIGIT_P,
    MAX_NOTICE_CHARS,
    MIN_STORY_LINES,
    player_notice,
    player_notices,
)
from newsdrop.text.re2_sets import search_set

_STORY = "The harbour authority said the new wall was finished two weeks early and under budget."
# An embed's consent switch and the rest of its paragraph (longer than ``MAX_NOTICE_CHARS`` together).
_CONSENT = "Ich bin damit einverstanden, dass mir der externe Inhalt angezeigt wird."
_SETTINGS = (
    "Damit können personenbezogene Daten an Drittplattformen übermittelt werden. Mehr Informationen dazu erhalten"
    " Sie in den Datenschutz-Einstellungen. Diese finden Sie ganz unten auf unserer Seite im Footer, sodass Sie"
    " Ihre Einstellungen jederzeit verwalten oder widerrufen können."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a video player's error or dialog
        ("We apologize, but this video has failed to load.", True),
        ("Unfortunately, this video is not available in your region.", True),
        ("This is a modal window. This modal can be closed by pressing the Escape key.", True),
        # a player that needs the browser's scripts
        ("Du trenger javascript for å se video.", True),
        ("Einige Elemente auf dieser Seite funktionieren nur mit aktiviertem JavaScript.", True),
        # the player's controls and links
        ("NEXT Off English 360p 720p HD 1080p HD Auto (360p) " + "Other video title " * 20, True),
        ("Wine Guy: 3 rosé bottles to sip on a sunny day Back to video", True),
        ("tap here to see other videos from our team.", True),
        # an embed's consent switch and its box
        ("Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden.", True),
        ("Ich bin damit einverstanden, dass mir Inhalte von YouTube angezeigt werden.", True),
        ("Personenbezogene Daten können an Drittplattformen übermittelt werden.", True),
        ("An dieser Stelle findest du einen externen Inhalt von YouTube, der den Artikel ergänzt.", True),
        ("Du kannst ihn dir mit einem Klick anzeigen lassen und wieder ausblenden.", True),
        ("Empfohlener redaktioneller Inhalt", True),
        ("YouTube-Inhalte erlauben", True),
        ("Link zum YouTube-Inhalt", True),
        # a player's text-track menu, its items with the state a screen reader reads
        ("- subtitles off, selected", True),
        ("- default, selected", True),
        ("captions settings", True),
        ("- descriptions off", True),
        # a story's list of captions or picks is no menu
        ("The captions were written by the agency's photographers on the day.", False),
        ("Three players, selected by the coach, will travel to the final in Lisbon on Friday.", False),
        # a story that names resolutions, videos or JavaScript
        ("The camera records in 720p, 1080p and 4K at up to 60 frames a second.", False),
        ("The ministry published a video of the launch on Monday.", False),
        ("JavaScript remains the most used language on the web, the survey found.", False),
        ("Die Plattform muss externe Inhalte künftig kennzeichnen, sagte die Ministerin.", False),
        (_STORY, False),
        # a long paragraph that quotes a player's message is the story's
        ("The error read: this video has failed to load. " + "x" * MAX_NOTICE_CHARS, False),
        # an embed's consent switch opening a paragraph that goes on to the personal data and the settings
        (_CONSENT + " " + _SETTINGS, True),
        ("Ich bin damit einverstanden, dass mir Inhalte von X angezeigt werden. " + _SETTINGS, True),
        # ... but not past the consent paragraph's length, nor when another sentence opens the paragraph
        (_CONSENT + " " + _SETTINGS * 3, False),
        ("Wer zustimmt, klickt auf den Knopf. " + _CONSENT + " " + _SETTINGS, False),
        (
            'Der Satz "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden" stört. '
            + _SETTINGS,
            False,
        ),
    ],
)
def test_player_notice(text: str, expected: bool) -> None:
    assert player_notice(text) is expected


@pytest.mark.parametrize("case", [str.upper, str.lower, str.title])
def test_player_notice_word_pretest_keeps_every_line_the_pattern_reads(case) -> None:
    """The RE2 word set runs first; it may only skip lines the pattern would refuse, in any letter case."""
    for values in test_player_notice.pytestmark[0].args[1]:
        text = case(values[0])
        if _PLAYER_NOTICE.search(text) is not None and len(text) < 250:
            assert player_notice(text), text


@pytest.mark.parametrize("case", [str.upper, str.lower, str.title])
def test_player_notices_page_pretest_keeps_every_notice(case) -> None:
    """The word sets read once over the kept lines first; a page with a notice line still has it found."""
    for values in test_player_notice.pytestmark[0].args[1]:
        text = case(values[0])
        if player_notice(text):
            assert player_notices([_STORY, _STORY, text, _STORY], [True] * 4) == [2], text


_N = "We apologize, but this video has failed to load."


@pytest.mark.parametrize(
    ("texts", "kept", "expected"),
    [
        # the notice between the story's paragraphs goes
        ([_STORY, _N, _STORY, _STORY], [True, True, True, True], [1]),
        # a dropped notice is left alone
        ([_STORY, _N, _STORY, _STORY], [True, False, True, True], []),
        # a text-track menu's heading right above its first item goes with it
        (
            [
                _STORY,
                "- Chapters",
                "- descriptions off, selected",
                "- subtitles off, selected",
                _STORY,
                _STORY,
            ],
            [True] * 6,
            [1, 2, 3],
        ),
        # ... but not a list item above another kind of notice, nor a longer item, nor one the model dropped
        ([_STORY, "- Chapters", _N, _STORY, _STORY], [True] * 5, [2]),
        (
            [_STORY, "- The full list of chapters", "- subtitles off, selected", _STORY, _STORY],
            [True] * 5,
            [2],
        ),
        (
            [_STORY, "- Chapters", "- subtitles off, selected", _STORY, _STORY],
            [True, False, True, True, True],
            [2],
        ),
        # too little story would stay
        ([_STORY] * (MIN_STORY_LINES - 1) + [_N], [True] * MIN_STORY_LINES, []),
        ([], [], []),
    ],
)
def test_player_notices(texts: list[str], kept: list[bool], expected: list[int]) -> None:
    assert player_notices(texts, kept) == expected


@pytest.mark.parametrize(
    "text",
    [
        "360p 720p HD 1080p",
        "This video has FAILED TO load.",
        "Inhalt laden 720p",
        "The harbour authority said the wall was finished.",
        "",
        "Ünïcode JavaScript",
    ],
)
def test_one_set_holds_each_words_and_digit_verdict(text: str) -> None:
    held = _WORDS_OR_DIGIT_P(text.encode())
    assert (search_set(_NOTICE_WORD_PATTERNS)(text) is not None) is any(at != _DIGIT_P_AT for at in held)
    assert (search_set([_DIGIT_P])(text) is not None) is (_DIGIT_P_AT in held)
