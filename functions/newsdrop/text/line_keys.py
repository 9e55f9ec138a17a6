"""The comparison form of a line and its word count, shared by the line rules and every cleaner stage."""

from __future__ import annotations

import re
import unicodedata

_QUOTE_PAIRS = (
    ("‘", "'"),
    ("’", "'"),
    ("‚", "'"),
    ("‛", "'"),
    ("“", '"'),
    ("”", '"'),
    ("„", '"'),
    ("–", "-"),
    ("—", "-"),
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Every byte but the UTF-8 lead bytes of U+3000-U+DFFF (0xE3-0xED), which open every ``_CJK`` character's
# encoding and no byte of another code point's: what ``_cjk_count`` deletes.
_NOT_CJK_LEADS = bytes(byte for byte in range(256) if not 0xE3 <= byte <= 0xED)
# The quote pairs and NFKC's own no-break space to a space: what takes most lines of Latin-script text past Latin-1.
_PLAIN_PAIRS = (*_QUOTE_PAIRS, ("\u00a0", " "))
# The Latin-1 characters NFKC leaves as they are (all but the no-break space, spacing accents, superscripts,
# fractions, ordinal indicators and the micro sign), deleted by ``_latin1_key``'s test.
_NFKC_STABLE_LATIN1 = bytes(
    code for code in range(256) if unicodedata.normalize("NFKC", chr(code)) == chr(code)
)
# Each Latin-1 byte lower-cased: ``str.casefold()`` of every NFKC-stable one but "ß" (folded to "ss" apart).
_LATIN1_LOWER = bytes(ord(chr(code).lower()) for code in range(256))
# Whitespace that str.split() would collapse: a run of two, any but a plain space, one at either edge.
_EXTRA_SPACE = re.compile(r"\s\s|[^\S ]|^\s|\s$")


def _has_extra_space(text: str) -> bool:
    """Whether ``_EXTRA_SPACE`` matches, mostly without the regex: the only whitespace a printable string
    holds is the plain space (str.isprintable() is false for every other str.isspace() character, and
    for a line break), so there only a double space or one at either edge can match."""
    if text.isprintable():
        return "  " in text or text[:1] == " " or text[-1:] == " "
    return _EXTRA_SPACE.search(text) is not None


def normalize_line_key(text: str) -> str:
    """The comparison form of a line: NFKC, case-folded, straight quotes, single spaces (incl. NBSP)."""
    if text.isascii():
        # Most lines have single spaces and no edge whitespace: lower-casing alone gives the same key then,
        # without splitting a long paragraph into words and joining them again.
        if not _has_extra_space(text):
            return text.lower()
        return " ".join(text.lower().split())
    key = _latin1_key(text)
    return key if key is not None else _key_of_normal(unicodedata.normalize("NFKC", text))


def _latin1_key(text: str) -> str | None:
    """``_key_of_normal(unicodedata.normalize("NFKC", text))`` of a text that is Latin-1 but for ``_QUOTE_PAIRS``'
    characters and holds no Latin-1 character NFKC changes but the no-break space; None for another text.

    Most non-ASCII lines are such (European text with typographic quotes and dashes): their key comes from one
    table over their Latin-1 bytes, without NFKC's check, ``casefold`` a character at a time or the CJK count.
    Exact: NFKC maps the no-break space to a space, leaves the quote pairs and the other characters as they are
    and composes no two of them; each folds as it lower-cases, "ß" to "ss" apart; no character folds to a quote
    pair's or to whitespace, so replacing the pairs first gives the same key (unit tests read every character
    and pair).
    """
    plain = text
    for fancy, ascii_form in _PLAIN_PAIRS:
        if fancy in plain:
            plain = plain.replace(fancy, ascii_form)
    raw = plain.encode("latin-1", "ignore")
    if len(raw) != len(plain) or raw.translate(None, _NFKC_STABLE_LATIN1):
        return None
    folded = raw.translate(_LATIN1_LOWER).decode("latin-1")
    if "ß" in folded:
        folded = folded.replace("ß", "ss")
    return folded if not _has_extra_space(folded) else " ".join(folded.split())


def _key_of_normal(normal: str) -> str:
    """The key of an NFKC-normal text: case-folded, straight quotes, single spaces."""
    folded = normal.casefold()
    # Chained replace: str.translate with a dict table is far slower on long lines.
    for fancy, plain in _QUOTE_PAIRS:
        if fancy in folded:
            folded = folded.replace(fancy, plain)
    # (re's \s is str.isspace, what str.split() splits on, for every code point.)
    return folded if not _has_extra_space(folded) else " ".join(folded.split())


def _cjk_count(text: str) -> int:
    """``len(_CJK.findall(text))``: 0 without the regex where the text's UTF-8 form holds no lead byte of U+3000-U+DFFF
    (most non-ASCII lines are Latin, Greek or Cyrillic text). The regex tests each character against its class
    (about 57 instructions a character); encoding and deleting the other bytes in C costs about half. (A lone
    surrogate encodes with such a lead byte: the regex counts that text.)"""
    if not text.encode("utf-8", "surrogatepass").translate(None, _NOT_CJK_LEADS):
        return 0
    return len(_CJK.findall(text))


def key_and_words(text: str) -> tuple[str, int]:
    """``(normalize_line_key(text), count_words(text))`` of a non-ASCII line, counting the words by the key's spaces
    where NFKC leaves the text as it is (most lines): splitting a long non-ASCII line cost more than keying it.

    Exact there: case folding and the quote pairs map each whitespace character to whitespace alone and each other
    character to other characters alone (a unit test reads every code point), so the key has the text's words,
    joined by single spaces. NFKC may not (a compatibility character can open with a space, "\u00a8" -> " \u0308"):
    a text it changes is counted by ``count_words``.

    A text ``_latin1_key`` keys is counted by its key's spaces too: NFKC changes only its no-break spaces there, to
    spaces, and no Latin-1 character is CJK.
    """
    key = _latin1_key(text)
    if key is not None:
        return key, key.count(" ") + 1 if key else count_words(text)
    normal = unicodedata.normalize("NFKC", text)
    key = _key_of_normal(normal)
    if normal != text or not key:
        return key, count_words(text)
    words = key.count(" ") + 1
    cjk = _cjk_count(text)
    if cjk:
        words = max(words, cjk // 2 + words - 1)
    return key, words


def count_words(text: str) -> int:
    """Words of a line; CJK script (no spaces) counts one word per two characters."""
    words = len(text.split())
    if not text.isascii():
        cjk = _cjk_count(text)
        if cjk:
            words = max(words, cjk // 2 + words - 1)
    return words


def words_at_most(text: str, most: int) -> bool:
    """``len(text.split()) <= most``, cutting at most ``most + 1`` words off the line: a paragraph is not split
    whole to learn that it is longer than a label (the stages ask it of every kept line)."""
    return len(text.split(None, most)) <= most


def words_at_least(text: str, least: int) -> bool:
    """``len(text.split()) >= least``, cutting at most ``least`` words off the line (``words_at_most``)."""
    return least <= 0 or len(text.split(None, least - 1)) >= least
