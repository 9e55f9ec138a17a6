"""Cleaner stage after the line model: the site's pitch for its mobile app printed as the story's last line."""

from __future__ import annotations

import re

# An app store or a phone platform: where the pitch sends the reader ("for iOS and Android", "Google Play").
_PLATFORM = re.compile(r"\b(?:iOS|Android|App\s?Store|Google\s?Play|Play\s?Store)\b", re.IGNORECASE)


# The app itself, as a word or a compound's tail ("our apps", "Sport BILD-App", "la aplicación", "l'appli").
_APP = re.compile(r"(?:\b|-)(?:apps?|appli\w*|aplicaci\w*|aplikacj\w*|applicazion\w*)\b", re.IGNORECASE)


def app_pitch(text: str) -> bool:
    """Whether a line pitches an app: it names the app and a platform or store to get it from.

    The line alone says little (a story about phones names both); ``story_end.closing_notice`` reads it only
    as the story's short closing line.
    """
    if _PLATFORM.search(text) is None:
        return False
    # The store's own name holds "App": the app word is read in the text around it ("50 Euro im Mac App Store"
    # prices a program, names no app of the site's).
    return _APP.search(_PLATFORM.sub(" ", text)) is not None
