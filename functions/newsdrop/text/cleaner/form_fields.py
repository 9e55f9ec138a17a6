"""A comment form's fields printed in a row ("Name *", "E-Mail *", "Website"): the form itself, not a share row's field."""

from __future__ import annotations

import re
from collections.abc import Sequence

# One field's label, alone on its line: the field's name, then only its marks ("*", ":", "(required)",
# "(wird nicht veröffentlicht)"). Each group is one kind of field (name, address, site, message).
_FIELD = re.compile(
    r"^(?:your |ihr |deine? |votre |tu |su )?"
    r"(?:(?P<name>name|nom|nombre|nome|imię|pseudo)"
    r"|(?P<mail>e-?mail(?:-adresse| address| adresse)?|mail|correo(?: electrónico)?|adresse e-?mail|courriel)"
    r"|(?P<site>website|webseite|homepage|url|site web|sitio web|sito web|site)"
    r"|(?P<text>comments?|kommentar|commentaire|comentario|commento|komentarz|message|nachricht))"
    r"(?:\s*(?:\*|:|\([^()]*\)))*\s*$"
)


# A name field and an address or site field this close (a field's label and the next one's, an empty input
# line or two between) make a form: a share row prints "E-Mail" and "Comments" buttons among the networks, never
# a "Name" field beside them.
MAX_FIELD_SPAN = 4


# The pairs of kinds that make a form: the writer's name beside where to reach them.
_FORM_PAIRS = frozenset({frozenset({"name", "mail"}), frozenset({"name", "site"})})


def field_kind(text: str) -> str | None:
    """The kind of form field a line labels (``name``, ``mail``, ``site``, ``text``), else None."""
    found = _FIELD.match(" ".join(text.casefold().split()))
    return found.lastgroup if found else None


def form_start(texts: Sequence[str], start: int = 0) -> int | None:
    """The index of the first field of the first comment form at or below ``start``: a line labelling a name
    field and one labelling an address or site field (``field_kind``, ``_FORM_PAIRS``), at most
    ``MAX_FIELD_SPAN`` lines apart; None when there is none."""
    last: tuple[int, str] | None = None
    for index in range(start, len(texts)):
        kind = field_kind(texts[index]) if len(texts[index]) < 80 else None
        if kind is None:
            continue
        if (
            last is not None
            and frozenset({last[1], kind}) in _FORM_PAIRS
            and index - last[0] <= MAX_FIELD_SPAN
        ):
            return last[0]
        last = (index, kind)
    return None
