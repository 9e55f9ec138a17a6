"""A line's reader cues for the line model: second-person words in a prose line's opening, a truncated end."""

from __future__ import annotations

import math
import re
from functools import lru_cache

# Second-person pronouns of the corpus's main languages: a pitch, an app promo or a login prompt talks to the
# reader; a story reports. Case matters for German's formal "Sie"/"Ihr" (lower case: she, they, her).
_SECOND_PERSON = frozenset(
    "you your yours yourself vous votre vos toi ton ta tes usted ustedes vuestro vuestra tus dich dir dein deine "
    "deinen deinem jij jouw uw dig din ditt dina deg voi vostro vostra tuo tua você vocês ty twój twoja".split()
)


# (``line_cues``' ASCII path counts the two sets apart, and looks for the cased ones only where "Sie" or "Ih" is
# printed: no lower-cased cased pronoun may join ``_SECOND_PERSON``, nor one start otherwise; a unit test checks.)
_SECOND_PERSON_CASED = frozenset("Sie Ihr Ihre Ihren Ihrem Ihnen".split())


# Words by a regex in C and a set lookup each: a case-insensitive regex alternation cost three times as much.
_WORD = re.compile(r"\w+")


_CUE_CHARS = 200


# The words (``\w+`` runs) that can be a pronoun of either set, for a non-ASCII opening: every pronoun starts
# with one of these letters, and no other code point lower-cases to a first letter of ``_SECOND_PERSON`` (a unit
# test checks every code point), so the words that start otherwise (most of a line) need no ``lower()`` each.
_PRONOUN_INITIALS = "DJTUVYdjtuvyIS"


# (The initial first and the word boundary behind it, ``(?<!\w.)``: the engine skips to the next initial, where a
# leading lookbehind would be tried at every position.)
_PRONOUN_CANDIDATE = re.compile(rf"[{_PRONOUN_INITIALS}](?<!\w.)\w*")


# ``\w`` over ASCII as bytes tables, built from the regex itself: a word byte stays (or turns lower case), any
# other byte turns into a space.
_ASCII_WORDS = bytes(code if code < 128 and _WORD.match(chr(code)) else 32 for code in range(256))


_ASCII_WORDS_LOWER = bytes(
    ord(chr(code).lower()) if code < 128 and _WORD.match(chr(code)) else 32 for code in range(256)
)


_SECOND_PERSON_BYTES = frozenset(word.encode("ascii") for word in _SECOND_PERSON if word.isascii())


_SECOND_PERSON_CASED_BYTES = frozenset(word.encode("ascii") for word in _SECOND_PERSON_CASED)


_ELLIPSES = ("…", "...")


_CLOSING = "\"'”’»)] "


# Lines repeat across a site's pages and the two views of one story: the cues are memoised like the shape.
_CUE_CACHE_SIZE = 32768


@lru_cache(maxsize=_CUE_CACHE_SIZE)
def line_cues(text: str, prose: bool) -> tuple[float, float]:
    """A line's reader cues: second-person words in the opening of a sentence line (log), a truncated end.

    Only a line that reads as prose counts its pronouns: a list item or a heading ("5. Max out your
    savings") may address the reader inside a story; a pitch does so in sentences.
    """
    pronouns = 0
    if prose:
        opening = text[:_CUE_CHARS]
        if opening.isascii():
            # An ASCII opening's words in C, without a regex: every non-word byte to a space (and, for the
            # first set, every letter to lower case), then split. (No lower-cased cased pronoun is in the
            # other set, so the two counts add up to the loop's; every cased pronoun starts "Sie" or "Ih".)
            raw = opening.encode("ascii")
            pronouns = sum(map(_SECOND_PERSON_BYTES.__contains__, raw.translate(_ASCII_WORDS_LOWER).split()))
            if "Sie" in opening or "Ih" in opening:
                pronouns += sum(
                    map(_SECOND_PERSON_CASED_BYTES.__contains__, raw.translate(_ASCII_WORDS).split())
                )
        else:
            for word in _PRONOUN_CANDIDATE.findall(opening):
                if word in _SECOND_PERSON_CASED or word.lower() in _SECOND_PERSON:
                    pronouns += 1
    return math.log1p(pronouns), truncated_end(text)


def truncated_end(text: str) -> float:
    """``line_cues``' second cue: 1.0 where the line ends in an ellipsis (a teaser cut short), before any
    closing quote or bracket."""
    return 1.0 if text.rstrip(_CLOSING).endswith(_ELLIPSES) else 0.0


def reader_pronouns(text: str) -> float:
    """log1p of the second-person words in the opening of a prose line (``line_cues``)."""
    return line_cues(text, True)[0]
