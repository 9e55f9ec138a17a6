"""Cleaner stage after the line model: a media player's or an embed's own text kept inside the story."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

from newsdrop.text.re2_sets import native_match, search_set

# A player's or an embed's message prints one of these phrases, whatever the story:
# - a video player's error or dialog ("We apologize, but this video has failed to load.", "Unfortunately,
#   this video is not available in your region.", the player library's "This is a modal window.");
# - a player that needs the browser's scripts ("Du trenger javascript for å se video.", "Einige Elemente ...
#   funktionieren nur mit aktiviertem JavaScript.");
# - a player's link back to itself or on to its other videos ("... Back to video", "tap here to see other
#   videos from our team.");
# - an embed's consent switch: the reader agrees to see another platform's content, which may pass personal data
#   on to that platform ("Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden.",
#   "Personenbezogene Daten können an Drittplattformen übermittelt werden."), and the box around it ("An dieser
#   Stelle findest du einen externen Inhalt von YouTube, der den Artikel ergänzt.", "YouTube-Inhalte erlauben");
# - a player's text-track menu, its items printed as a list with the state a screen reader reads out
#   ("- subtitles off, selected", "- default, selected", "- captions settings").
_PLAYER_NOTICE = re.compile(
    r"\bvideo (?:has )?failed to (?:load|play)\b"
    r"|\b(?:video|content|clip) is (?:not|no longer|currently not) available in your (?:region|country|location)\b"
    r"|\bthis is a modal window\b"
    r"|\bjavascript\b.{0,40}\b(?:to (?:see|view|watch|play)|for å se|um .{0,30}(?:sehen|abzuspielen))\b"
    r"|\b(?:funktionieren|works?|fungerer) (?:nur|only|bare) (?:mit|with|med) (?:aktiviertem|enabled|aktivert) javascript\b"
    r"|\bback to video$"
    r"|\b(?:tap|click) here to (?:see|watch) (?:more|other) videos\b"
    r"|\beinverstanden, dass mir .{0,40}inhalte? .{0,30}angezeigt (?:werden|wird)\b"
    r"|\bdaten (?:können |werden )?an drittplattformen übermittelt\b"
    r"|\beinen externen inhalt von [\w.-]+, der den artikel ergänzt\b"
    r"|\bmit einem klick anzeigen lassen\b|^empfohlener redaktioneller inhalt$"
    r"|^(?:[\w-]+-inhalte? (?:erlauben|laden|anzeigen)|link zum [\w-]+-inhalt)$"
    r"|^(?:- )?[\w -]{1,30}, selected$|^(?:- )?(?:captions|subtitles|descriptions) (?:off|settings)$",
    re.IGNORECASE,
)

# A player's controls printed as text: picture resolutions side by side ("360p 720p HD 1080p HD Auto (360p)"),
# read on a line of any length (the player's menu runs into its list of other videos).
_RESOLUTION_MENU = re.compile(r"\b\d{3,4}p (?:HD )?\d{3,4}p\b")

# Each form of ``_PLAYER_NOTICE`` holds one of these words (in any case): a line without any (most of a story's
# sentences) is no such notice, and the pattern is not run on it (an RE2 set of literals: one pass in C).
_NOTICE_WORD_PATTERNS = [
    "(?i)" + re.escape(word)
    for word in (
        "failed to",
        "available in your",
        "modal window",
        "javascript",
        "back to video",
        "here to",
        "einverstanden",
        "drittplattform",
        "externen inhalt",
        "mit einem klick",
        "inhalt",
        "selected",
        "captions",
        "subtitles",
        "descriptions",
    )
]
# ``_RESOLUTION_MENU`` needs a digit right before a "p": the line's cheap test. Both as one RE2 set over UTF-8
# bytes (``native_match``), the digit's pattern last: which of them a text holds in one pass (the page's gate and
# each kept line's test read both; two sets cost two passes, the gate's over the whole story).
_DIGIT_P = r"[0-9]p"
PAGE_PATTERNS = (*_NOTICE_WORD_PATTERNS, _DIGIT_P)
_WORDS_OR_DIGIT_P = native_match(search_set(PAGE_PATTERNS))
_DIGIT_P_AT = len(_NOTICE_WORD_PATTERNS)

# A text-track menu's item with the state a screen reader reads out ("- subtitles off, selected", "- captions
# settings"): the forms of ``_PLAYER_NOTICE`` that only such a menu prints.
_TRACK_MENU_ITEM = re.compile(
    r"^(?:- )?[\w -]{1,30}, selected$|^(?:- )?(?:captions|subtitles|descriptions) (?:off|settings)$",
    re.IGNORECASE,
)
# The menu's own heading, printed as the list item above its first item ("- Chapters", "- Audio Track"): a word
# or two without a sentence's end.
_MENU_HEADING = re.compile(r"^- [\w-]+(?: [\w-]+)?$")

# A player's or an embed's message is a line or two; a story's paragraph that quotes one runs on.
MAX_NOTICE_CHARS = 300
# An embed's consent switch that opens its line ("Ich bin damit einverstanden, dass mir der externe Inhalt angezeigt
# wird.") goes on to the personal data it passes on and where the reader withdraws consent: a paragraph of its own
# up to this long. A story that quotes the switch does so inside a sentence of its own.
MAX_CONSENT_CHARS = 600
_CONSENT = re.compile(
    r"\beinverstanden, dass mir .{0,40}inhalte? .{0,30}angezeigt (?:werden|wird)\b", re.IGNORECASE
)
_FIRST_SENTENCE = re.compile(r"(?<=[.!?])\s")
# The words the switch's sentence opens with before "einverstanden" ("Ich bin damit", "Ja, ich bin").
_CONSENT_LEAD_WORDS = 3
_QUOTES = "\"'„“”«»‚‘’"

# The story keeps at least this many lines besides the notices.
MIN_STORY_LINES = 3


def player_notice(text: str) -> bool:
    """Whether a line is a media player's or an embed's own text: its resolution menu (``_RESOLUTION_MENU``),
    a notice (``_PLAYER_NOTICE``) at most ``MAX_NOTICE_CHARS`` characters long, or a paragraph of at most
    ``MAX_CONSENT_CHARS`` that opens with an embed's consent switch (``_opens_with_consent``)."""
    held = _WORDS_OR_DIGIT_P(text.encode())
    if not held:
        return False
    if _DIGIT_P_AT in held and _RESOLUTION_MENU.search(text) is not None:
        # Resolutions side by side are a menu; a story lists them ("720p, 1080p and 4K").
        return True
    if not any(at != _DIGIT_P_AT for at in held):
        return False
    if len(text) > MAX_NOTICE_CHARS:
        return len(text) <= MAX_CONSENT_CHARS and _opens_with_consent(text)
    return _PLAYER_NOTICE.search(text) is not None


def _opens_with_consent(text: str) -> bool:
    """Whether the line opens with an embed's consent switch (``_CONSENT``): its first sentence holds the switch
    after at most ``_CONSENT_LEAD_WORDS`` words ("Ich bin damit") and no quotation mark (a story quotes it)."""
    found = _CONSENT.search(_FIRST_SENTENCE.split(text, maxsplit=1)[0])
    if found is None:
        return False
    lead = text[: found.start()]
    return len(lead.split()) <= _CONSENT_LEAD_WORDS and not any(mark in lead for mark in _QUOTES)


def player_notices(
    texts: Sequence[str], kept: Sequence[bool], story: str | None = None, marked: bool | None = None
) -> list[int]:
    """The indexes of the kept lines that are a player's or an embed's text (``player_notice``); none when
    fewer than ``MIN_STORY_LINES`` kept lines would stay. ``story`` (if given) is a superset of the kept lines
    joined by line breaks, read for the page's pre-test instead of joining them again; ``marked`` (if given) the
    pre-test's verdict (``PAGE_PATTERNS`` in it), read by the caller (``story_gates``)."""
    # The word sets read once over the kept lines joined (no word holds a line break): most pages hold none of
    # them, and then no line needs reading.
    if marked is None:
        if story is None:
            story = "\n".join(compress(texts, kept))
        marked = bool(_WORDS_OR_DIGIT_P(story.encode()))
    if not marked:
        return []
    found = [index for index in compress(range(len(kept)), kept) if player_notice(texts[index])]
    # The menu's heading right above its first item goes with it: alone, a list item of a word or two.
    headings = [
        index - 1
        for index in found
        if index > 0
        and kept[index - 1]
        and _TRACK_MENU_ITEM.match(texts[index]) is not None
        and _MENU_HEADING.match(texts[index - 1]) is not None
    ]
    found = sorted({*found, *headings})
    if sum(kept) - len(found) < MIN_STORY_LINES:
        return []
    return found
