"""Bytes to text: BOM and UTF-16 sniffing, strict UTF-8, then charset-normalizer for legacy encodings."""

from __future__ import annotations

import codecs
import re
import unicodedata

from newsdrop.errors import UndecodableText

# Detection only needs a prefix; a long article does not make sniffing slower.
_SNIFF_BYTES = 4096
# Share of NUL bytes in one byte lane above which a BOM-less text is taken for UTF-16.
_UTF16_LANE_NUL_SHARE = 0.3
# Decoded text with more than this share of control characters is binary that happened to decode.
_MAX_CONTROL_SHARE = 0.01

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_NEWLINES = re.compile(r"\r\n?")
# C0/C1 controls except tab, line feed and form feed (which carry layout).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# A non-ASCII character that is not a letter, glued to letters: the mark of a wrong code page.
_NON_ASCII_IN_WORD = re.compile(r"(?<=[A-Za-z\u00c0-\u024f])[^\x00-\x7f\s](?=[A-Za-z\u00c0-\u024f])")
_LATIN_SIBLINGS = frozenset(
    {
        "cp1250",
        "cp1254",
        "cp1257",
        "latin_1",
        "iso8859-1",
        "iso8859-2",
        "iso8859-9",
        "iso8859-15",
        "mac-roman",
    }
)
_TRAILING_SPACE = re.compile(r"[^\S\n]+$", re.MULTILINE)

_BINARY_HINT = (
    "the member looks like binary data (NUL bytes or control characters), not text; "
    "drop only .txt/.json/.csv articles in the bundle or convert the file to UTF-8 text"
)
_UNKNOWN_HINT = "re-save the article as UTF-8 (or UTF-16 with a BOM) and upload the bundle again"


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)


def _decode_strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _sniff_utf16(data: bytes) -> str | None:
    """Name the UTF-16 byte order of BOM-less text whose ASCII leaves NULs in one byte lane."""
    sample = data[:_SNIFF_BYTES]
    if len(sample) < 4 or len(data) % 2:
        return None
    pairs = len(sample) // 2
    even_nuls = sample[0::2].count(0) / pairs
    odd_nuls = sample[1::2].count(0) / pairs
    if odd_nuls >= _UTF16_LANE_NUL_SHARE and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls >= _UTF16_LANE_NUL_SHARE and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _accept(text: str | None, encoding: str) -> tuple[str, str] | None:
    if text is None:
        return None
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise UndecodableText(f"bytes decode as {encoding} but are mostly not text", hint=_BINARY_HINT)
    return text, encoding


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode an article's bytes; return ``(text, encoding)`` or raise :class:`UndecodableText`.

    Order: BOM, BOM-less UTF-16, NUL check (binary), strict UTF-8, then charset-normalizer.
    """
    if not data:
        return "", "utf-8"
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            decoded = _accept(_decode_strict(data, encoding), encoding)
            if decoded is not None:
                return decoded
            raise UndecodableText(
                f"bytes start with a {encoding} byte-order mark but do not decode as it", hint=_UNKNOWN_HINT
            )
    utf16 = _sniff_utf16(data)
    if utf16 is not None:
        decoded = _accept(_decode_strict(data, utf16), utf16)
        if decoded is not None:
            return decoded
    if b"\x00" in data[:_SNIFF_BYTES] or b"\x00" in data:
        raise UndecodableText("bytes contain NUL characters", hint=_BINARY_HINT)
    decoded = _accept(_decode_strict(data, "utf-8"), "utf-8")
    if decoded is not None:
        return decoded
    return _detect_legacy(data)


def _detect_legacy(data: bytes) -> tuple[str, str]:
    # Imported here: only non-UTF-8 members pay for loading the detector.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UndecodableText("no supported text encoding decodes these bytes", hint=_UNKNOWN_HINT)
    encoding = _prefer_western(data, codecs.lookup(best.encoding).name)
    decoded = _accept(_decode_strict(data, encoding), encoding)
    if decoded is None:
        raise UndecodableText(f"bytes do not decode as the detected {encoding}", hint=_UNKNOWN_HINT)
    return decoded


def _symbols_inside_words(text: str) -> int:
    count = 0
    for match in _NON_ASCII_IN_WORD.finditer(text):
        if not match.group().isalpha():
            count += 1
    return count


def _prefer_western(data: bytes, detected: str) -> str:
    """Pick cp1252 over a sibling Latin code page unless the sibling reads as cleaner words.

    On short texts the detector cannot tell cp1250 from cp1252 ("naïve" vs "naďve" are both
    letters); Western European is the common case for news, so a tie goes to cp1252, while
    real Central European text (where cp1252 would put "³" or "¹" inside words) keeps its page.
    """
    if detected == "cp1252" or detected not in _LATIN_SIBLINGS:
        return detected
    western = _decode_strict(data, "cp1252")
    if western is None:
        return detected
    other = _decode_strict(data, detected)
    if other is None or _symbols_inside_words(western) <= _symbols_inside_words(other):
        return "cp1252"
    return detected


def normalize_text(text: str) -> str:
    """NFC, LF line ends, no control characters but tab/LF/FF, no trailing whitespace on any line.

    Characters inside a line (curly quotes, U+00A0 between words) are kept verbatim.
    """
    text = unicodedata.normalize("NFC", text)
    text = _NEWLINES.sub("\n", text)
    text = _CONTROL.sub("", text)
    return _TRAILING_SPACE.sub("", text)
