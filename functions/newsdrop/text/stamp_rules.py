"""Line rules for the stamps around a story: tag and topic rows, post meta, letters prompts, media widgets,
bare numbers, web addresses, photo captions, bylines and news ids."""

from __future__ import annotations

import re

from newsdrop.text.bylines import names_people
from newsdrop.text.captions import CAPTION_ASCII_KEY_SCANS, photo_caption
from newsdrop.text.rule_registry import LineRule, full_key, holds_any, registrar

STAMP_RULES: list[LineRule] = []
_rule = registrar(STAMP_RULES)

_TAGS = re.compile(
    r"^[\W_]*(?:tags?|topics?|categories|category|filed under|keywords|related topics|posted in|terms)\b"
    r"\s*:?"
)


@_rule(30)
def tag_list(text: str, key: str, words: int) -> bool:
    """Tag and category lists index the site; they are not sentences of the story."""
    match = _TAGS.match(key)
    if words > 30 or match is None or key.rstrip().endswith("."):
        return False
    # A singular "Tag" without a colon and with two words or more after it is a phrase ("Tag des offenen
    # Denkmals", German for "day"), not a label: a list is "Tags ...", "Tag: ..." or the label alone.
    return not (match.group().strip(" \t").endswith("tag") and words >= 3)


# A blog's post footer ("This entry was posted in News and tagged x. Bookmark the permalink."), in the
# languages WordPress prints it in most often on cleaning-train.
_POST_META = re.compile(
    r"^[\W_]*(?:this (?:entry|post) was posted (?:in|on)|bookmark the permalink"
    r"|(?:dieser|der) (?:eintrag|beitrag) wurde (?:.{0,40} )?(?:veröffentlicht|abgelegt)|lesezeichen (?:für|setzen)"
    r"|cette entrée a été publiée|esta entrada (?:fue publicada|se publicó)|questa voce è stata pubblicata"
    r"|ten wpis (?:został opublikowany|opublikowano)|este artigo foi publicado)\b"
)


@_rule(60)
def post_meta(text: str, key: str, words: int) -> bool:
    """A blog post's footer ("This entry was posted in ... and tagged ...") indexes the site, it is no text."""
    return _POST_META.match(key) is not None


# Invitations to write to the paper, in English, German, French and Spanish.
_LETTERS_STEMS = (
    "letter to the editor",
    "letters to the editor",
    "leserbrief",
    "courrier des lecteurs",
    "carta al director",
)
_LETTERS = re.compile(
    r"\b(?:submit|send|write) (?:us )?(?:a|your) letters? to the editor|letters? to the editor (?:via|using) this form"
    r"|leserbrief (?:schreiben|senden|einreichen)|schreiben sie (?:uns )?einen leserbrief"
    r"|écri(?:re|vez) au courrier des lecteurs|envíe? (?:una|su) carta al director"
)


@_rule(40)
def letters_prompt(text: str, key: str, words: int) -> bool:
    """ "Submit a letter to the editor" invites the reader to write to the site: a widget under every story."""
    return holds_any(key, _LETTERS_STEMS) and _LETTERS.search(key) is not None


_MEDIA = full_key(
    r"enlarge (?:image|photo)|view (?:all|gallery|photos?|slideshow)(?: \(\d+\))?|\d+ of \d+|image/\S+"
    r"|created with sketch\.?|fill \d+(?: copy \d+)?|play video|watch video|video|photo|image|getty(?: images)?"
    r"|hide caption|toggle caption|expand|close|open|report|×|✕|x|…|\.\.\.|,|/|\|"
)


@_rule(6)
def media_widget(text: str, key: str, words: int) -> bool:
    """Gallery and player controls ("Enlarge Image", "View all (23)") are leftovers of interactive widgets."""
    return words <= 6 and _MEDIA.match(key) is not None


_BARE_NUMBER = re.compile(r"^[\W_]*[\d.,:/%+-]+[\W_]*$")


@_rule(12)
def bare_number(text: str, key: str, words: int) -> bool:
    """A line that is only a number is a list index, a counter or an id, never a sentence."""
    return _BARE_NUMBER.match(key) is not None and any(ch.isdigit() for ch in key)


_URL_LINE = re.compile(
    r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\w+$|^\[javascript protected email address\]$|^\[email protected\]$"
)


@_rule(3)
def url_line(text: str, key: str, words: int) -> bool:
    """A bare URL or e-mail address on its own line is page furniture (permalink, contact)."""
    return _URL_LINE.match(key) is not None


# The caption rule's test lives with the other caption tests; registered here, in the rules' order.
_rule(45, "caption")(photo_caption)


_BYLINE = re.compile(
    r"^(?i:by|written by|posted by|reported by|words by|von|par|por|di)\s+(?:[A-Z\u00c0-\u024f@]|\w+\s+[A-Z])"
    r"|^(?i:author|autor|auteur|reporter|correspondent)s?\s*:"
    r"|^(?i:by)$",
)
# The characters ``_BYLINE``'s openings ("by", "written by", ..., "von", "par", "di", "author", "correspondent")
# start with, paired case-blind as ``re`` pairs them (a unit test reads every code point).
_BYLINE_FIRST = frozenset("bBwWpPrRvVdDaAcC")
_HANDLE_BYLINE = re.compile(r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s+@\w+\b")


# RE2 searches over an ASCII key (``rules.ASCII_KEY_SCANS``), one of which matches wherever ``byline`` claims the
# line: a ``_BYLINE`` opening (the key starts with it) or the handle form's "@". Looser than the test; most lines
# hold neither and skip its call.
_BYLINE_ASCII_KEY_SCANS: tuple[str, ...] = (
    r"^(?:by|written by|posted by|reported by|words by|von|par|por|di)(?:\s|$)",
    r"^(?:author|autor|auteur|reporter|correspondent)s?\s*:",
    "@",
)


@_rule(14, "byline")
def byline(text: str, key: str, words: int) -> bool:
    """Author lines ("By Jane Doe", "Jane Doe @jdoe / 2 days") credit the writer; they are metadata."""
    # Both forms need an opening ``_BYLINE`` allows or an "@": most lines have neither (tested first).
    if text[:1] not in _BYLINE_FIRST and "@" not in text:
        return False
    if words > 14 or (text.rstrip().endswith((".", "!", "?")) and not text.rstrip().endswith(" ...")):
        return False
    if _BYLINE.match(text) is not None:
        return names_people(text, words)
    # The handle form holds an "@": a line without one skips its backtracking match.
    return "@" in text and _HANDLE_BYLINE.match(text) is not None


_NEWS_ID = re.compile(
    r"^(?:news|story|article|content|post)\s*(?:id|code|no\.?|number)\s*[:#]?\s*(?P<id>[\w-]{2,40})$",
    re.IGNORECASE,
)


# The characters ``_NEWS_ID``'s openings ("news", "story", "article", "content", "post") start with, paired case-blind
# as ``re`` pairs them (the long s with "s"; a unit test reads every code point): a line opening otherwise holds no
# id, without the match (it runs on every distinct line).
_NEWS_ID_FIRST = frozenset("nNsSſaAcCpP")


def news_id_of(text: str) -> str | None:
    """The id printed on a "News ID: 425867" / "Story code: 1234" line."""
    if text[:1] not in _NEWS_ID_FIRST:
        return None
    match = _NEWS_ID.match(text)
    return match["id"] if match else None


# These rules' entries in ``rules.KEY_GUARDS`` and ``rules.STEM_GUARDS`` (what each rule's test requires first).
STAMP_KEY_GUARDS: dict[str, tuple[re.Pattern[str], ...]] = {
    "tag_list": (_TAGS,),
    "post_meta": (_POST_META,),
    "media_widget": (_MEDIA,),
    "bare_number": (_BARE_NUMBER,),
    "url_line": (_URL_LINE,),
}
STAMP_STEM_GUARDS: dict[str, tuple[str, ...]] = {"letters_prompt": _LETTERS_STEMS}
# These rules' entries in ``rules.ASCII_KEY_SCANS``.
STAMP_ASCII_KEY_SCANS: dict[str, tuple[str, ...]] = {
    "photo_caption": CAPTION_ASCII_KEY_SCANS,
    "byline": _BYLINE_ASCII_KEY_SCANS,
}
