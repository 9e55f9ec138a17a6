"""Cleaner stage after the line model: the editor's note that the story is part of a series ("This is part 2 of")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsdrop.text.cleaner.kept_lines import kept_where
from newsdrop.text.line_keys import words_at_most
from newsdrop.text.rule_registry import holds_any

# A part's number: a numeral or an ordinal ("This is part of the problem" and "Dies ist Teil des Problems" are
# the story's own sentences; a series note numbers the part or names the series).
_EN = r"(?:\d+|one|two|three|four|five|six|first|second|third|fourth|fifth|sixth|final|last)"
_DE = r"(?:\d+\.?|erste|zweite|dritte|vierte|fünfte|sechste|letzte)"
_ES = r"(?:\d+ª?|primera|segunda|tercera|cuarta|quinta|última)"
_FR = r"(?:\d+e?|première|deuxième|seconde|troisième|quatrième|dernière)"
_PL = r"(?:\d+\.?|pierwsza|druga|trzecia|czwarta|ostatnia)"
_SERIES = r"(?:series|serie|reihe|serii|série|collection)"

# The note opens its line, in the corpus's main languages: "This is part 2 of ...", "This is the second part
# of ...", "This article is part of our series ...", "Part 3 of a series", "Dies ist Teil 2 zum Text ...", "Dies
# ist der zweite Teil ...", "Dieser Beitrag ist Teil der Reihe ...", "Esta es la segunda parte de ...", "Este
# artículo forma parte de la serie ...", "Cet article fait partie de la série ...", "To jest druga część ...".
# A marker may open it ("*", "(").
_NOTE = re.compile(
    r"[\W_]{0,3}(?:"
    rf"this is (?:part {_EN}|the {_EN} (?:part|installment|instalment)) (?:of|in)\b"
    rf"|this (?:article|post|story|piece|text|essay|report|interview) is (?:part {_EN} of|(?:the {_EN} )?part"
    rf" of (?:a|an|our|the|this|my) (?:\w+ )?{_SERIES})\b"
    rf"|part {_EN} of (?:a|an|our|the|this|my|\d+)\b.*\b{_SERIES}\b"
    rf"|dies ist (?:teil {_DE}|der {_DE} teil)\b"
    rf"|diese[rs]? (?:text|beitrag|artikel|interview) ist (?:teil {_DE}|der {_DE} teil|teil (?:der|einer|unserer)"
    rf" (?:\w+ )?{_SERIES})\b"
    rf"|teil {_DE} (?:der|einer|unserer) (?:\w+ )?{_SERIES}\b"
    rf"|esta es la {_ES} parte\b"
    rf"|este (?:artículo|texto|reportaje) (?:es|forma) parte de (?:la|una|nuestra) (?:\w+ )?{_SERIES}\b"
    rf"|ceci est la {_FR} partie\b"
    rf"|cet article (?:fait partie d(?:e la|'une|’une) (?:\w+ )?{_SERIES}|est la {_FR} partie)\b"
    rf"|to (?:jest )?{_PL} część\b"
    r")",
    re.IGNORECASE,
)

# The letters ``_NOTE``'s alternatives open with ("this", "part", "dies", "teil", "esta", "ceci", "to", ...), in
# either case (IGNORECASE pairs each with its capital alone: a unit test reads every code point).
_NOTE_FIRST = frozenset("tTpPdDeEcC")

# Every note holds one of these (lower-case): most lines hold none, and the pattern is read only then.
STEMS = ("part", "teil", "część")

# A note is a sentence or two naming the other parts, not a paragraph of the story that opens on one.
MAX_WORDS = 25


def series_note(text: str) -> bool:
    """Whether a line is the editor's note that the story is one part of a series (``_NOTE`` opening it, at
    most ``MAX_WORDS`` words)."""
    # A line opening on a letter or digit (a word character, no "_": ``[\W_]`` takes none) other than the notes'
    # first letters cannot open on a note: most lines end here, before the line is lowered and split.
    if (first := text[:1]).isalnum() and first not in _NOTE_FIRST:
        return False
    if not holds_any(text.lower(), STEMS) or not words_at_most(text, MAX_WORDS):
        return False
    return _NOTE.match(text) is not None


def series_notes(
    texts: Sequence[str], kept: Sequence[bool], maybe: Sequence[bool] | None = None
) -> list[int]:
    """Indices of the kept lines that are a series note (``series_note``), among ``maybe``'s if given."""
    return kept_where(series_note, texts, kept, maybe)
