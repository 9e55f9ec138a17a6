"""A short closing line that pitches the site's app (names an app and a store or platform) is dropped (``app_pitch``)."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.app_pitch import app_pitch
from newsdrop.text.cleaner.story_end import closing_notice


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("For the latest stories and breaking news updates download our apps for iOS and Android.", True),
        ("Die Sport BILD-App Jetzt kostenlos für iOS und Android!", True),
        ("Einfach digital in der Magazin-App (iTunes und Google Play) lesen.", True),
        ("Descarga la aplicación en Google Play y App Store.", True),
        # The store's own "App" is no app word: a price in the store reports on a program.
        ("1Password kostet aktuell knapp 50 Euro im Mac App Store.", False),
        # An app without a platform, a platform without an app.
        ("The app was downloaded a million times in its first week.", False),
        ("Android 14 brings a new lock screen and better battery life.", False),
        # "Apply" and "happy" hold the letters, not the word.
        ("Apply on Android phones before you are happy with it.", False),
    ],
)
def test_app_pitch_needs_an_app_word_and_a_platform(text: str, expected: bool) -> None:
    assert app_pitch(text) is expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # The story's closing line pitching the app goes.
        (["S" * 900, "S" * 800, "Download our app for iOS and Android."], 2),
        # Inside the story it stays (the closing line is a story line).
        (["S" * 900, "Download our app for iOS and Android.", "S" * 800], None),
        # The island's only line never goes.
        (["Download our app for iOS and Android."], None),
    ],
)
def test_app_pitch_is_read_as_the_closing_line(texts: list[str], expected: int | None) -> None:
    kept = [True] * len(texts)
    assert (
        closing_notice(kept, [len(text) for text in texts], [app_pitch(text) for text in texts]) == expected
    )
