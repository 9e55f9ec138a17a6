"""Cleaner stage after the line model: the site's asides kept in the story (author box, credit, disclosure, tags)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress
from typing import Protocol

from newsdrop.models import KEPT_ROLES
from newsdrop.text.cleaner.author_box import BOX_HEADING, NAME_WORD

# "About Jane Doe", "Über Simon Dückert", "Sobre Ana": the heading of a box about the person it names.
_ABOUT = re.compile(r"^[\W_]*(?:about|über|sobre|à propos de|o)\s+(\S+(?:\s+\S+){0,2})[\W_]*$", re.IGNORECASE)


# The box is the paragraph or two right under its heading.
_BOX_REACH = 2


# A picture's credit that opens a line ("Photograph by X", "Screenshot, X"): the forms the caption rule
# (``rules.photo_caption``) leaves to the region.
_CREDIT_OPENING = re.compile(
    r"^(?:photograph(?:ed)?|photos?|pictures?|images?|screenshots?|fotos?|bild(?:er)?)\s*(?:by\b|von\b|,)",
    re.IGNORECASE,
)


# A signature line alone: the agency under a story or a picture's credit, lower-case initials or the stock
# library's name, a slash and the agency or photographer ("aja/PAP", "dpa/lnw", "iStock/Gargonia"). An
# upper-case pair ("TCP/IP") is a term, not a credit.
_SIGNATURE = re.compile(r"\(?[^\W\d_A-Z][^\W\d_]{0,5}(?:\s*/\s*[^\W\d_]{2,12}){1,2}\)?\.?")


# The site's legal disclosure printed in the story ("Disclaimer: ...", "Advertiser Disclosure", "This post
# contains affiliate links ..."): it speaks for the site, whatever the story is about.
_DISCLOSURE = re.compile(
    r"^[\W_]*(?:(?:advertis(?:er|ing)|editorial|affiliate)\s+)?(?:disclaimer|disclosure|haftungsausschluss"
    r"|descargo de responsabilidad)\b"
    r"|^[\W_]*this (?:post|article|page|story) (?:contains|may contain|includes) (?:affiliate|references|links"
    r"|sponsored)",
    re.IGNORECASE,
)


# A reading-time widget ("3 Min.", "3 Min Lesezeit", "weiterlesen 10 Minuten", "4 min read").
_READING_TIME = re.compile(
    r"^[\W_]*(?:(?:weiterlesen|lesedauer|lesezeit|reading time|read|tiempo de lectura|temps de lecture)\W*\s+)?"
    r"\d+\s*(?:min(?:uten|utes?|\.)?)(?:\s+(?:read|lesezeit|lesedauer|de lectura|de lecture))?[\W_]*$",
    re.IGNORECASE,
)


# A tag list's label ("Tagged:", "Schlagwörter:"): the colon-list rule (``region._extend_colon_list``) keeps
# the lines under a label ending in ":" after the story, and the tags under this one index the site.
_TAG_LABEL = re.compile(
    r"^[\W_]*(?:tags?|tagged(?: with)?|keywords|schlagw[öo]rter|stichw[öo]rter|themen|etiquetas|étiquettes"
    r"|mots-clés|tagi|słowa kluczowe)\s*:$",
    re.IGNORECASE,
)


# A tag list printed on one line after its label ("Themen: App digitale Karten Route", "Tags: a, b, c"): up to
# 20 words, no sentence end (a sentence after "Themen:" is the story's).
_TAG_LINE = re.compile(
    r"[\W_]*(?:tags?|tagged(?: with)?|keywords|schlagw[öo]rter|stichw[öo]rter|themen|etiquetas|étiquettes"
    r"|mots-clés|tagi|słowa kluczowe)\s*:[ \t]+(?:\S+(?:[ \t]+|$)){1,20}(?<![.!?])",
    re.IGNORECASE,
)


# A browser's push-notification prompt: enabling notifications and the browser on one line ("Benachrichtigung
# aktivieren Dürfen wir Sie in Ihrem Browser ...", "Enable notifications in your browser"). The notification
# word's stems are looked up as plain substrings first (a case-insensitive regex search over every kept line
# cost 0.6 s a corpus pass); the regexes run only on the few lines holding one.
NOTIFICATION_STEMS = ("otifica", "enachrichtig", "owiadomie")
# The stems one by one (``push_prompt`` reads every kept line): three substring tests in a row, without ``any``
# over a generator's frames.
_STEM_EN, _STEM_DE, _STEM_PL = NOTIFICATION_STEMS
_ENABLE = re.compile(r"\b(?:aktivieren|erlauben|enable|allow|turn on|activar|activer|włącz)", re.IGNORECASE)
_BROWSER = re.compile(r"browser|navegador|navigateur|przeglądar", re.IGNORECASE)


def push_prompt(text: str) -> bool:
    """Whether a line asks to enable the browser's notifications."""
    return (
        (_STEM_EN in text or _STEM_DE in text or _STEM_PL in text)
        and _BROWSER.search(text) is not None
        and _ENABLE.search(text) is not None
    )


# The three openings above as one pattern: a kept line faces one match instead of three (an alternation matches
# at the start iff one of its branches does; each branch keeps its own anchors).
_ASIDE_OPENING = re.compile(
    "|".join(f"(?:{pattern.pattern})" for pattern in (_CREDIT_OPENING, _DISCLOSURE, _READING_TIME)),
    re.IGNORECASE,
)


class AsideLine(Protocol):
    """What the aside tests read of one cleaner line."""

    text: str
    role: str | None
    rule: str | None
    prose_text: bool


def tag_lists(lines: Sequence[AsideLine], rules: Sequence[str | None] | None = None) -> list[int]:
    """Indices of the colon lists (rule ``colon_list``) that a tag label opens, label and tags. ``rules`` (if given)
    each line's rule: where none is ``colon_list`` (most pages) no line is visited."""
    if rules is not None and "colon_list" not in rules:
        return []
    found: list[int] = []
    # The colon-list lines picked out in one comprehension (most pages hold none), then each one not already
    # taken into a tag list is read as a label.
    taken = 0
    for index in [at for at, line in enumerate(lines) if line.rule == "colon_list"]:
        if index < taken or _TAG_LABEL.match(lines[index].text.strip()) is None:
            continue
        taken = index
        while taken < len(lines) and lines[taken].rule == "colon_list":
            found.append(taken)
            taken += 1
    return found


# The letters an author box's heading (``BOX_HEADING``, ``_ABOUT``) opens with, and every character ``re``'s
# IGNORECASE pairs with one of them (the long s with "s": a unit test reads every code point).
_HEADING_FIRST = frozenset("atüzsàloATÜZSÀLOſ")


def box_heading(text: str) -> bool:
    """An author box's heading: "About the author", "Autoreninfo", or "About"/"Über" and a name."""
    if (first := text[:1]).isalnum() and first not in _HEADING_FIRST:
        # A letter or digit opening the line opens the heading's words (no "_" or other character before them):
        # another letter opens no heading. (Two lines in three, read here without a pattern.)
        return False
    if BOX_HEADING.match(text) is not None:
        return True
    found = _ABOUT.match(text.strip())
    return found is not None and all(NAME_WORD.match(word) for word in found.group(1).split())


def asides(
    lines: Sequence[AsideLine],
    story: str | None = None,
    kept: Sequence[bool] | None = None,
    pushed: bool | None = None,
    rules: Sequence[str | None] | None = None,
) -> list[int]:
    """Indices of the kept lines that are the site's asides inside the story.

    A kept prose line at most ``_BOX_REACH`` lines under an author box's heading (``box_heading``) anywhere
    on the page is the box (the rules' ``author_box`` reads only the story's last paragraphs). A kept line
    that opens with a picture's credit (``_CREDIT_OPENING``) is a caption, an agency's or a picture's
    signature alone on its line (``_SIGNATURE``) a credit, one that opens with a disclaimer
    or an affiliate disclosure (``_DISCLOSURE``) the site's legal notice, a reading time (``_READING_TIME``)
    a widget, a colon list under a tag label (``tag_lists``) or a tag list on its label's line (``_TAG_LINE``)
    the site's index, and a browser's push-notification prompt (``push_prompt``) a widget. When nothing of the
    story's prose would be left, the lines stay: the region held the box alone, and an empty story is worse.
    ``story`` (if given) is a superset of the kept lines joined by line breaks, read for the push prompt's stems
    instead of joining them again; ``kept`` (if given) whether each line is kept (its role in ``KEPT_ROLES``);
    ``pushed`` (if given) whether ``story`` holds one of ``NOTIFICATION_STEMS``, read by the caller (``story_gates``);
    ``rules`` (if given) each line's rule (``tag_lists``).
    """
    found: list[int] = []
    # The kept lines picked out in C where their verdicts are given (most of a page's lines are dropped).
    kept_at = (
        list(compress(range(len(lines)), kept))
        if kept is not None
        else [index for index, line in enumerate(lines) if line.role in KEPT_ROLES]
    )
    # Each line read as a heading once, however many kept lines below it look up (not once per such line).
    headings: dict[int, bool] = {}
    for index in kept_at:
        line = lines[index]
        under_heading = False
        if line.prose_text:
            for at in range(max(0, index - _BOX_REACH), index):
                heading = headings.get(at)
                if heading is None:
                    heading = headings[at] = box_heading(lines[at].text)
                if heading:
                    under_heading = True
                    break
        text = line.text
        # A signature holds its slash and a tag line its colon: a line without one is not matched against it.
        if (
            under_heading
            or _ASIDE_OPENING.match(text) is not None
            or ("/" in text and _SIGNATURE.fullmatch(text.strip()) is not None)
            or (":" in text and _TAG_LINE.fullmatch(text.strip()) is not None)
        ):
            found.append(index)
    # A push prompt's stems looked up once in the kept lines joined (no stem holds a line break): most pages
    # hold none, and then no line is read for one.
    if pushed is None:
        if story is None:
            story = "\n".join(lines[index].text for index in kept_at)
        pushed = _STEM_EN in story or _STEM_DE in story or _STEM_PL in story
    if pushed:
        found += [index for index in kept_at if push_prompt(lines[index].text)]
    found = sorted(set(found) | set(tag_lists(lines, rules)))
    dropped = set(found)
    if not any(lines[index].prose_text for index in kept_at if index not in dropped):
        return []
    return found
