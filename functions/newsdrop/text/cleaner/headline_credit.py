"""Headline stage, a credit after the headline: a title line that names the headline's author after it ("Recipe von
user", "Post by Name") gives the headline alone when the page prints it alone."""

from __future__ import annotations

import re

from newsdrop.text.cleaner.lines import _Line

# The headline, a credit word and a name of one or two words closing the line.
_CREDITED = re.compile(r"^(?P<headline>.+?) (?:by|von|van|par|por|av|door) \S+(?: \S+)?$")


def without_credit(lines: list[_Line], text: str) -> str:
    """The headline ``text`` without a closing credit ("Mandarin cake von jesusfreak" -> "Mandarin cake") when the
    page prints the part before it as a line of its own, else ``text``. A page's <title> may credit a recipe's or a
    post's author after its headline; the page's own heading prints the headline alone. Printed alone, the part
    is no chance cut of a headline that holds "by" ("Killed by police")."""
    found = _CREDITED.match(text)
    if found is None:
        return text
    headline = found.group("headline").strip()
    return headline if any(line.text == headline for line in lines) else text
