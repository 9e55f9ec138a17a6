"""Cleaner stage after the line model: the site's pitch to the reader kept in the story (its close, a box in it)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

from newsdrop.text.cleaner.cues_notice import LEGAL_STEMS, SIGNUP_STEMS, notice_stems, notice_words
from newsdrop.text.cleaner.reader_cues import reader_pronouns
from newsdrop.text.re2_pretest import NOT_WORD, SPACE, pretested
from newsdrop.text.re2_sets import search_set

# A billing period or the promise that the reader may cancel: a subscription's offer ("$5 per month",
# "4,99 € im Monat", "Cancela cuando quieras"); a bare price is a review's verdict as often.
_OFFER = re.compile(
    r"(?:/\s?|\b(?:per|pro|al|im|par)\s)(?:month|year|mes|año|monat|jahr|mois|an)\b"
    r"|\b(?:cancel|cancela|kündig|annul|disdic)\w*|\babos?\b",
    re.IGNORECASE,
)


# ``_OFFER`` over ASCII text as an RE2 set (one DFA pass where ``re`` tries the case-blind alternation at every
# position: the search cost most of this stage). Exact there: RE2's ``\b`` is ASCII's, its ``(?i)`` folds ASCII
# letters as IGNORECASE does, ``\s`` is spelled as the ASCII whitespace ``re`` matches (the ``\x1c``-``\x1f``
# separators too), and the alternatives with a non-ASCII letter ("año", "kündig") cannot match; a match's
# ``\w*`` tail changes no verdict. Other text stays on ``re``.
_ASCII_SPACE = r"[\t\n\x0b\x0c\r\x1c-\x1f ]"
_OFFER_ASCII = search_set(
    [
        rf"(?i)(?:/{_ASCII_SPACE}?|\b(?:per|pro|al|im|par){_ASCII_SPACE})(?:month|year|mes|monat|jahr|mois|an)\b"
        r"|\b(?:cancel|annul|disdic)|\babos?\b"
    ]
)


# ``_OFFER.search`` for other text behind an RE2 superset of it (``pretested``), so that a line without an offer
# (most long non-ASCII paragraphs, where ``re``'s case-blind search tried the alternation at every position)
# skips the search: ``\s`` as Python's whitespace, a word's ``\b`` as the text's edge or a character outside
# ASCII's word characters (a superset of Python's ``\W``), ``\w*`` dropped.
_OFFER_SUPERSET = (
    rf"(?i)(?:/{SPACE}?|(?:^|{NOT_WORD})(?:per|pro|al|im|par){SPACE})"
    rf"(?:month|year|mes|año|monat|jahr|mois|an)(?:$|{NOT_WORD})"
    rf"|(?:^|{NOT_WORD})(?:cancel|kündig|annul|disdic|abos?(?:$|{NOT_WORD}))"
)
_OFFER_SEARCH = pretested(_OFFER, _OFFER_SUPERSET)


def _offer(text: str) -> bool:
    """Whether ``_OFFER`` finds a billing offer in the text (by ``_OFFER_ASCII`` where the text is ASCII)."""
    if text.isascii():
        return _OFFER_ASCII(text) is not None
    return _OFFER_SEARCH(text) is not None


# Notice stems that are no request of the site's: privacy and consent words, and the reader's browser (a
# story about privacy law or a browser's features speaks to its reader about them too).
_NOT_ASKING = frozenset((*LEGAL_STEMS, "cookie", "javascript", "browser", "adblock", "ad blocker"))


# Second-person words the line model's cue leaves out as ambiguous across languages, a pronoun where they
# open a line ("Tú también puedes ...", "Te necesitamos ...", "Dir gefällt ..."; not "du", French "of the").
_YOU_OPENING = re.compile(r"^[\W_]*(?:tú|te|ti|dich|dir)\b", re.IGNORECASE)
# The letters ``_YOU_OPENING``'s words open with, in either case.
_YOU_FIRST = frozenset("tTdD")


# Quotation marks: a closing paragraph that quotes someone is the story, whoever the quote addresses.
_QUOTES = re.compile('["“”„«»]')


# A pitch is a few paragraphs; a longer run of second-person lines is a guide or a letter to the reader.
MAX_PITCH_LINES = 4


# The pitch is a small part of what is kept, and the story stays.
MAX_PITCH_SHARE = 0.4


MIN_STORY_LINES = 3


def addresses_reader(text: str, pronouns: float | None = None) -> bool:
    """Whether a line talks to the reader: a second-person word, no quotation. ``pronouns`` (if given) is the
    text's ``reader_pronouns``, settled when a prose line was read (``_Line.pronouns``)."""
    # The pronouns first (memoised; most lines hold none), the whole line's quotation marks only then. A line
    # opening on a letter or digit (a word character, no "_") other than the pronouns' first letters cannot open
    # on one (IGNORECASE pairs "t" and "d" with their capitals alone: a unit test reads every code point).
    if (reader_pronouns(text) if pronouns is None else pronouns) == 0 and (
        ((first := text[:1]).isalnum() and first not in _YOU_FIRST) or _YOU_OPENING.match(text) is None
    ):
        return False
    return _QUOTES.search(text) is None


def site_cue(text: str, key: str) -> bool:
    """Whether a line is the site asking: a newsletter, subscription or advertising word (a notice stem that
    opens a word, no privacy, consent or browser word: ``_NOT_ASKING``), or a billing offer (``_OFFER``)."""
    # ``notice_words`` is memoised (the line model read it already): most lines hold no stem. The offer may
    # close a long pitch ("... für nur 5 € im Monat"): the whole line is read for it.
    if notice_words(key) > 0.0 and any(stem not in _NOT_ASKING for stem in notice_stems(key)):
        return True
    return _offer(text)


def pitch_tail(
    kept: Sequence[bool], sizes: Sequence[int], address: Sequence[bool], cue: Sequence[bool]
) -> list[int]:
    """The indexes of the story's closing kept lines that are the site's pitch, else [].

    From the last kept line back, the kept lines that address the reader (``address``) form the run; it is
    the site's pitch when one of its lines carries a site cue (``cue``), it has at most ``MAX_PITCH_LINES``
    lines and under ``MAX_PITCH_SHARE`` of the kept text, and ``MIN_STORY_LINES`` kept lines stay above it.
    """
    order = list(compress(range(len(kept)), kept))
    run: list[int] = []
    for index in reversed(order):
        if not address[index]:
            break
        run.append(index)
        if len(run) > MAX_PITCH_LINES:
            return []
    if not run or not any(cue[index] for index in run):
        return []
    if len(order) - len(run) < MIN_STORY_LINES:
        return []
    total = sum(sizes[index] for index in order)
    if sum(sizes[index] for index in run) >= MAX_PITCH_SHARE * total:
        return []
    return sorted(run)


# A box's heading is a label of this many words at most ("Email Newsletter", "Join Our Newsletter").
MAX_HEADING_WORDS = 8


_SIGNUP = frozenset(SIGNUP_STEMS)


def signup_heading(key: str, words: int) -> bool:
    """Whether a line is a sign-up box's heading: a short label (``MAX_HEADING_WORDS``) naming a newsletter or
    a subscription (``SIGNUP_STEMS``). An advertisement's label or an affiliate notice over the story's next
    paragraph names no sign-up."""
    return words <= MAX_HEADING_WORDS and any(stem in _SIGNUP for stem in notice_stems(key))


def pitch_insets(
    kept: Sequence[bool], address: Sequence[bool], cue: Sequence[bool], heading: Sequence[bool]
) -> list[int]:
    """The indexes of the site's pitches set into the story (a newsletter box between two paragraphs).

    Each maximal run of adjacent kept lines that address the reader or carry a site cue, at most
    ``MAX_PITCH_LINES`` lines, with a dropped line right above it, and a dropped line right below it (or the
    page's end) or a site cue in the dropped line above; both kinds in the run, or lines addressing the reader
    under a sign-up box's heading (``heading``: the dropped line above, "Email Newsletter"). ``cue`` and
    ``heading`` cover the kept lines and the dropped lines right above them.
    """
    found: list[int] = []
    index = 1
    count = len(kept)
    while index < count:
        if not (kept[index] and (address[index] or cue[index])) or kept[index - 1]:
            index += 1
            continue
        stop = index
        while stop < count and kept[stop] and (address[stop] or cue[stop]):
            stop += 1
        # A dropped line below closes the box; a site's heading above it ("Sign up for our newsletter") says
        # what it is, whatever follows.
        bounded = stop == count or not kept[stop] or cue[index - 1]
        # A sign-up box's heading over lines addressing the reader names the box as a site cue in them does.
        named = any(cue[index:stop]) or heading[index - 1]
        if bounded and stop - index <= MAX_PITCH_LINES and named and any(address[index:stop]):
            found += range(index, stop)
        index = stop
    return found


def pitch_cues(
    texts: Sequence[str], keys: Sequence[str], kept: Sequence[bool], address: Sequence[bool]
) -> list[bool]:
    """Each line's ``site_cue``, read only where a pitch can stand: within ``MAX_PITCH_LINES`` of a line that
    addresses the reader, on kept lines and on the dropped line over a kept one (a box's heading)."""
    size = len(texts)
    near = [False] * size
    for index, addressed in enumerate(address):
        if addressed:
            for other in range(max(0, index - MAX_PITCH_LINES - 1), min(size, index + MAX_PITCH_LINES + 1)):
                near[other] = True
    above = [*kept[1:], False]
    return [
        close and (keep or under) and site_cue(text, key)
        for close, keep, under, text, key in zip(near, kept, above, texts, keys, strict=True)
    ]
