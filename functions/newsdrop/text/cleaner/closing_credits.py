"""Cleaner stage after the line model: picture captions kept in the story, told by the credit that closes them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

from newsdrop.text.line_keys import words_at_most
from newsdrop.text.re2_pretest import SPACE, pretested
from newsdrop.text.re2_sets import native_match, search_set

# Picture and news agencies whose name closes a credit ("Issam Abdallah/REUTERS", "Nico Herbertz/IMAGO"): the
# kind of name a credit gives, not an outlet's own; a library of pictures ends in "Images" ("GC Images").
_AGENCY = (
    r"(?:reuters|ap(?: photo)?|afp|dpa|epa|efe|imago|keystone|picture[ -]alliance|ansa|anp|pap|aap|xinhua"
    r"|ntb|belga|apa|kyodo|tass|anadolu|sipa|abaca|shutterstock|istock(?:photo)?|pool"
    r"|(?:[A-Z][\w-]* ){0,2}images(?: [A-Z][\w-]*)?)"
)

# A name in a credit: words and initials ("J.J. Guillén", "Edgar H. Clemente", "Eric Gay, File"), no sentence
# end in it.
_NAME_WORD = r"(?:[^\W\d_](?:[\w'’-]|\.(?=\w))*[.,]?|&)"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD})*"

# The credit that closes a caption, read at the line's end:
# - a capitalised picture label and the photographer ("... Foto: Editpress/X", "... Photo by Jean Levac",
#   "(Photo by Sarah Lazare)", "— Picture by Yusof Mat Isa", "Bild: Pavel Golovkin/dpa/picture alliance");
# - an agency after a slash, or before one ("Shamil Zhumatov/REUTERS", "IMAGO/Nico Herbertz",
#   "AP Photo/Eric Gay, File", "Ohad Zwigenberg / Pool via Reuters", "Florion Goga (REUTERS)"); an agency
#   alone after a sentence ("... tourists. (Reuters)") credits a wire story's paragraph as often as a picture;
# - the Japanese photographer's or agency's mark ("（潟沼義樹撮影）", "＝ＡＰ"), the Korean one
#   ("[사진 = 김혜진 기자]", "... 있다. 연합뉴스"), the Lithuanian one ("LRT nuotr.").
_CLOSING_CREDIT = re.compile(
    r"(?:^|[\s(—–|-])(?:Fotos?|Bild(?:er)?|Photos?|Photograph|Pictures?|Images?)(?:\s*:|\s+by\b)\s*"
    rf"(?:{_NAME}\s*/\s*)*{_NAME}\)?$"
    rf"|(?<=\w)\s*(?:/|\bvia\b)\s*(?:{_NAME}\s*/\s*)*(?i:{_AGENCY})\)?$"
    rf"|\s(?i:{_AGENCY})\s*/\s*(?:{_NAME}\s*/\s*)*{_NAME}$"
    r"|[^\W\d_]\s+\((?:REUTERS|AFP|EPA|EFE|DPA)\)$"
    r"|（[^（）]{0,24}撮影）$|＝(?:ＡＰ|AP|ＡＦＰ|AFP|ロイター|共同|時事|ＥＰＡ|EPA)$"
    r"|\[사진[^\[\]]{0,30}\]$|다\.\s+(?:연합뉴스|뉴시스|뉴스1|[가-힣]{2,4} ?기자)$"
    r"|\bnuotr\.$"
)

# Credits sit at the end of a caption; only its tail is read.
_TAIL_CHARS = 120

# A caption describes its picture in a few words before the credit; a credit alone on its line is the
# asides stage's (``asides._SIGNATURE``) or the caption rule's.
_MIN_CAPTION_WORDS = 3

_WORD = re.compile(r"\w+")


# Each form of ``_CLOSING_CREDIT`` holds one of these marks in the line's tail: a line without any (most of a
# story's sentences) is no caption of this kind, and the pattern is not run on it (an RE2 set of literals, the
# marks without their word bounds: one pass in C).
CREDIT_MARK_PATTERNS = tuple(
    [
        re.escape(mark)
        for mark in (
            "/",
            "via",
            "Foto",
            "Bild",
            "Photo",
            "Picture",
            "Image",
            # The bracketed agency's form is the only one a bracket opens ("(Photo by ...)" holds "Photo"):
            # a bare "(" would send half the lines with no credit to the pattern.
            "(REUTERS)",
            "(AFP)",
            "(EPA)",
            "(EFE)",
            "(DPA)",
            "撮影",
            "＝",
            "사진",
            "다.",
            "nuotr.",
        )
    ]
)
_CREDIT_MARKS = search_set(CREDIT_MARK_PATTERNS)
# ``_CREDIT_MARKS`` over UTF-8 bytes (``native_match``): read on a page's kept lines joined.
_CREDIT_MARKS_BYTES = native_match(_CREDIT_MARKS)

# The agencies (``_AGENCY``, read case-blind) for RE2: the library of pictures' capitalised words before "images"
# left out, one after it read as any run of characters but a space.
_AGENCY_SUPERSET = (
    r"(?:reuters|ap(?: photo)?|afp|dpa|epa|efe|imago|keystone|picture[ -]alliance|ansa|anp|pap|aap|xinhua"
    r"|ntb|belga|apa|kyodo|tass|anadolu|sipa|abaca|shutterstock|istock(?:photo)?|pool|images(?: [^ ]+)?)"
)
# What each form of ``_CLOSING_CREDIT`` holds, as an RE2 superset of it read on a kept line's tail: the picture
# label and its colon or "by"; "/" or "via" and the agency closing the line; the agency and its slash; the
# bracketed agency, the Japanese, Korean and Lithuanian marks at the line's end. Names are read as any
# characters; ``$`` as an optional line break and the text's end (``re``'s ``$``). Most tails that hold a mark of
# ``_CREDIT_MARKS`` hold no credit: the pattern (about 27 us a tail) is not run on them.
_CREDIT_SUPERSET = (
    rf"(?:Fotos?|Bild(?:er)?|Photos?|Photograph|Pictures?|Images?){SPACE}*(?::|by)"
    rf"|(?:/|via)(?s:.*)(?i:{_AGENCY_SUPERSET})\)?\n?\z"
    rf"|(?i:{_AGENCY_SUPERSET}){SPACE}*/"
    r"|\((?:REUTERS|AFP|EPA|EFE|DPA)\)\n?\z"
    r"|撮影）\n?\z|＝(?:ＡＰ|AP|ＡＦＰ|AFP|ロイター|共同|時事|ＥＰＡ|EPA)\n?\z"
    r"|\[사진(?s:.*)\]\n?\z|다\.(?s:.*)(?:연합뉴스|뉴시스|뉴스1|기자)\n?\z"
    r"|nuotr\.\n?\z"
)
_CLOSING_CREDIT_SEARCH = pretested(_CLOSING_CREDIT, _CREDIT_SUPERSET)

# A sentence's close other than a full stop: the credit forms end in a name (an initial's or an abbreviation's
# full stop too: "Bild Från Polisen.", "nuotr."), an agency or a bracket.
_SENTENCE_CLOSE = frozenset('!?。！？…"”’»:;')


def closing_credit(text: str) -> bool:
    """Whether a line is a picture's caption closed by its credit: ``_CLOSING_CREDIT`` at its end and at
    least ``_MIN_CAPTION_WORDS`` words before the credit."""
    tail = text.rstrip()[-_TAIL_CHARS:]
    if tail[-1:] in _SENTENCE_CLOSE:
        return False
    found = _CLOSING_CREDIT_SEARCH(tail)
    if found is None:
        return False
    before = text.rstrip()[: len(text.rstrip()) - len(tail) + found.start()]
    return len(_WORD.findall(before)) >= _MIN_CAPTION_WORDS


def closing_credit_captions(
    texts: Sequence[str], kept: Sequence[bool], story: str | None = None, marked: bool | None = None
) -> list[int]:
    """The indexes of the kept lines that are captions closed by a credit (``closing_credit``), below the
    first kept line; none when they are every other kept line (an empty story is worse than a caption).

    The first kept line stays: the lead picture's caption over the story is its opening on some sites (the
    corpora disagree on it); one between the story's paragraphs is read as the picture's. ``story`` (if given)
    is a superset of the kept lines joined by line breaks: where it holds none of ``_CREDIT_MARKS`` (about half
    the pages), no line is read. ``marked`` (if given) is that test's verdict, read by the caller
    (``story_gates``): the story is not read again.
    """
    if marked is None and story is not None:
        marked = bool(_CREDIT_MARKS_BYTES(story.encode()))
    if marked is False:
        return []
    # The kept lines below the first (``compress`` picks them in C: most of a page's lines are dropped).
    order = list(compress(range(len(kept)), kept))
    found = [index for index in order[1:] if closing_credit(texts[index])]
    if len(found) >= len(order) - 1:
        return []
    return found


# A credit alone on its line: the copyright mark, or a picture label, and a name ("© Markus Leitner",
# "Foto: Jane Doe", "(c) Agency"); a credit is a few words.
_CREDIT_LINE = re.compile(
    r"^\s*(?:©|\([cC]\)\s|(?:Fotos?|Bild(?:er)?|Photos?|Pictures?|Images?|Credit)\s*:)\s*[^\W_]",
    re.IGNORECASE,
)
_CREDIT_LINE_MAX_WORDS = 8

# The caption printed right under its credit is a line or two, not a paragraph.
_UNDER_CREDIT_MAX_CHARS = 200


# An agency and a name after a slash, alone on the line ("PAP/ Rafał Guz", "imago images/Pemax").
_AGENCY_CREDIT = re.compile(rf"\s*(?i:{_AGENCY})\s*/\s*{_NAME}\s*")


def credit_line(text: str) -> bool:
    """Whether a line is a picture's credit alone (``_CREDIT_LINE``, at most ``_CREDIT_LINE_MAX_WORDS`` words)."""
    return words_at_most(text, _CREDIT_LINE_MAX_WORDS) and _CREDIT_LINE.match(text) is not None


def credits_alone(texts: Sequence[str], kept: Sequence[bool]) -> list[int]:
    """The indexes of the kept lines that are a picture's credit alone: ``credit_line`` or an agency's credit
    (``_AGENCY_CREDIT``), at most ``_CREDIT_LINE_MAX_WORDS`` words. A credit names who took the picture, never
    a line of the story."""
    return [
        index
        for index in compress(range(len(kept)), kept)
        if words_at_most(text := texts[index], _CREDIT_LINE_MAX_WORDS)
        and (_CREDIT_LINE.match(text) is not None or _AGENCY_CREDIT.fullmatch(text) is not None)
    ]


def under_credit_captions(numbers: Sequence[int], texts: Sequence[str], kept: Sequence[bool]) -> list[int]:
    """The indexes of the kept lines between the story's kept lines that a dropped credit line prints right over.

    A picture in the story's flow prints its credit and its caption as two lines with no blank line between
    them ("© Markus Leitner" / "Der Bartgeier Bavaria im Flug."): the short line (``_UNDER_CREDIT_MAX_CHARS``)
    right under the credit (``numbers`` one apart), standing alone (a blank line or a dropped line under it),
    is the caption; a story's paragraph is never printed flush under a picture's credit.
    """
    found: list[int] = []
    # The kept lines alone are visited (``compress`` picks them in C; a generator and a loop over every line from
    # the first kept line to the last read the dropped ones too), in page order, past the first two lines.
    order = list(compress(range(len(kept)), kept))
    if not order:
        return found
    first, last = order[0], order[-1]
    for index in order:
        if index < first + 2 or index >= last:
            continue
        if kept[index - 1] or numbers[index] != numbers[index - 1] + 1:
            continue
        if len(texts[index]) > _UNDER_CREDIT_MAX_CHARS or not credit_line(texts[index - 1]):
            continue
        if kept[index + 1] and numbers[index + 1] == numbers[index] + 1:
            continue
        found.append(index)
    return found
