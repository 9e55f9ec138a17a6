"""Headline stage, the typeset printing: a headline named from a plain-punctuation printing (a page's <title>) takes
the page's own typeset printing of it, with typographic dashes and quotes."""

from __future__ import annotations

from newsdrop.text.cleaner.lines import _Line

# Typographic dashes and quotes, each to the plain character a <title> or an address bar prints for it. One
# character for one, so two printings that differ only in these marks have the same length.
_PLAIN = str.maketrans(dict.fromkeys("–—", "-") | dict.fromkeys("’‘‚", "'") | dict.fromkeys("“”„«»", '"'))
_TYPOGRAPHIC = frozenset("–—’‘‚“”„«»")
_PLAIN_MARKS = frozenset("-'\"")


def _typographic_marks(text: str) -> int:
    return sum(1 for char in text if char in _TYPOGRAPHIC)


def typeset_printing(title: str, lines: list[_Line]) -> str:
    """The first line that prints ``title`` with more typographic dashes or quotes where the title has plain ones
    ("{orga your life} – das Leben organisieren" for "{orga your life} - das Leben organisieren"), else the title.
    A page's <title> (and so a headline named from it) is often typed with plain marks while the headline printed
    on the page is typeset; the two are one headline, and the page's printing is how the story names itself. A
    printing with fewer typographic marks (plain where the title is typeset) never replaces the title."""
    if not any(char in _PLAIN_MARKS for char in title):
        return title
    plain, marks = title.translate(_PLAIN), _typographic_marks(title)
    for line in lines:
        text = line.text
        # (Equal length first: the mapping is one character for one, so most lines are skipped unread.)
        if (
            len(text) == len(title)
            and text != title
            and text.translate(_PLAIN) == plain
            and _typographic_marks(text) > marks
        ):
            return text
    return title
