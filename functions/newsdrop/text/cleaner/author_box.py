"""The author box at a story's end: a paragraph about the writer, opened by the name the page credits."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

# An author box is the story's last paragraph or one of the few after it (contact line, archive link).
_MAX_KEPT_PROSE_AFTER = 2


# The name line ("Jake Goulding", "Matthias Weber") stands this close above the paragraph.
_NAME_LINE_REACH = 3


_NAME_MAX_WORDS = 3


# A byline's lead word ("By", "Von", "Par", "Por", "Di", "Autor:") and where its name ends (a date, a
# separator, "am"/"on"/"le" before the date, a comma before the role or the agency).
_BYLINE_LEAD = re.compile(
    r"^\s*(?:(?:written |posted |reported )?by|von|par|por|di|autor(?:in)?|author|auteur)\b\s*:?\s*",
    re.IGNORECASE,
)
_BYLINE_END = re.compile(r"\s+(?:am|on|le|el|il|\||-|–|—|/|und|and|&)\s|[,\d|(@•·]")


NAME_WORD = re.compile(r"^[A-Z\u00c0-\u00de][\w.'’-]*$")


# Headings of an author box in the corpus's main languages.
BOX_HEADING = re.compile(
    r"^[\W_]*(?:about the author|the author|author|autor(?:in)?|autoreninfo|über (?:den|die) autor(?:in)?"
    r"|zum autor|zur autorin|sobre el autor|sobre o autor|à propos de l'auteur|l'auteur|o autorze|l'autore)[\W_]*$",
    re.IGNORECASE,
)


class BoxLine(Protocol):
    """What the author-box test reads of one cleaner line."""

    text: str
    words: int
    role: str | None
    prose: bool


def byline_name(text: str) -> str | None:
    """The writer's name in a byline ("VON MORITZ GATHMANN am 21. April 2020" -> "moritz gathmann"), case-folded;
    None when no name of two or three words is left."""
    rest = _BYLINE_LEAD.sub("", text, count=1)
    end = _BYLINE_END.search(rest)
    name = (rest[: end.start()] if end else rest).strip(" .:")
    words = name.split()
    return name.casefold() if 2 <= len(words) <= _NAME_MAX_WORDS else None


def _name_line(line: BoxLine) -> str | None:
    """A line that is only a name of two or three capitalised words, as printed: a person's name keeps its
    capitals where the paragraph repeats it, a crosshead's topic words do not ("List comprehensions are")."""
    # (Split past the name's last word at most: a paragraph above the box is not cut whole into words to learn that
    # it holds more than three.)
    words = line.text.split(None, _NAME_MAX_WORDS)
    if not 2 <= len(words) <= _NAME_MAX_WORDS or not all(NAME_WORD.match(word) for word in words):
        return None
    return line.text


def _headed(lines: Sequence[BoxLine], index: int) -> bool:
    """Whether an author heading ("Author", "Über den Autor") stands within two lines above ``index``."""
    return any(BOX_HEADING.match(lines[at].text) for at in range(max(0, index - 2), index))


def author_boxes(lines: Sequence[BoxLine], start: int, end: int) -> list[int]:
    """The kept prose lines of the region ``start``..``end`` that are an author box, by index.

    A box is among the story's last paragraphs (at most ``_MAX_KEPT_PROSE_AFTER`` kept prose lines after
    it) and opens with the writer's name: the full name a byline on the page credits or a name line printed
    just above it (its first word alone, "Jake is ...", under an author heading), or it follows an "About the
    author" heading.
    """
    names = {name for line in lines if line.role == "byline" and (name := byline_name(line.text))}
    found: list[int] = []
    kept_after = 0
    for index in range(min(end, len(lines) - 1), max(start, 0) - 1, -1):
        line = lines[index]
        if line.role != "body" or not line.prose:
            continue
        if kept_after > _MAX_KEPT_PROSE_AFTER:
            break
        kept_after += 1
        # (The paragraph is case-folded only where a byline names someone: no name, no match.)
        opening = line.text.casefold() if names else ""
        # The name lines just above, each read once for both sets below.
        named = [
            (at, name)
            for at in range(max(0, index - _NAME_LINE_REACH), index)
            if (name := _name_line(lines[at]))
        ]
        near = {name for _, name in named}
        # The first name alone ("Jake is the co-founder ...") only under a name line that an author
        # heading introduces: a two-word crosshead ("List Comprehensions") is Title Case too.
        first_names = {name.split()[0] for at, name in named if _headed(lines, at)}
        if (
            any(opening.startswith(name + " ") for name in names)
            or any(line.text.startswith(name + " ") for name in near | first_names)
            or (index > 0 and BOX_HEADING.match(lines[index - 1].text) is not None)
        ):
            found.append(index)
    return sorted(found)
