"""Bundle format detection from the first bytes: magic numbers first, then the shape of the text."""

from __future__ import annotations

import bz2
import codecs
import csv
import json
import lzma
import re
import zlib

from newsdrop.errors import EmptyBundle, UnknownFormat

# How much of a bundle detection reads; a JSON line longer than this is still recognised as JSON.
HEAD_BYTES = 64 * 1024

FORMATS = ("zip", "gzip", "bzip2", "xz", "tar", "json", "jsonl", "csv", "text")
COMPRESSIONS = ("gzip", "bzip2", "xz")
SUPPORTED_FORMATS = (
    "zip; tar (plain, .tar.gz, .tar.bz2, .tar.xz); one gzip/bzip2/xz-compressed file; "
    'a JSON array or {"articles": [...]}; JSON Lines; CSV with a header row; plain text'
)

TEXT_FIELDS = ("text", "content", "body", "article", "fulltext")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
PUBLISHED_FIELDS = ("published", "date", "published_at", "pubdate")
SOURCE_FIELDS = ("source", "domain", "site", "outlet")
ID_FIELDS = ("id", "guid", "uuid")
KNOWN_FIELDS = frozenset(
    TEXT_FIELDS + TITLE_FIELDS + URL_FIELDS + PUBLISHED_FIELDS + SOURCE_FIELDS + ID_FIELDS
)
# Top-level keys of a JSON object whose array value holds the articles.
ARTICLE_ARRAY_KEYS = frozenset({"articles", "items", "records", "documents"})

CSV_DELIMITERS = (",", "\t", ";", "|")
_MAX_HEADER_CELL = 64

_BINARY_MAGIC = (
    b"%PDF-",
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"Rar!",
    b"7z\xbc\xaf\x27\x1c",
    b"\xd0\xcf\x11\xe0",  # OLE2: .doc, .xls
    b"\x7fELF",
    b"MZ\x90\x00",
    b"OggS",
    b"ID3",
    b"RIFF",
    b"\x00\x00\x01\x00",  # .ico
    b"wOFF",
)
# C0 controls that never appear in text (tab, newlines, form feed, escape excluded).
_CONTROL_BYTES = bytes(sorted((set(range(32)) - {9, 10, 11, 12, 13, 27}) | {127}))
_MAX_CONTROL_SHARE = 0.05
_SNIFF_BYTES = 8192
_UTF16_LANE_NUL_SHARE = 0.3

_JSON_ARRAY_START = re.compile(rb"\[\s*[\[{\]\"]")
_JSON_OBJECT_START = re.compile(rb"\{\s*[\"}]")


def wide_encoding(head: bytes) -> str | None:
    """Name the codec of UTF-16/UTF-32 text (with a BOM, or BOM-less UTF-16 with a NUL byte lane)."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = head[:_SNIFF_BYTES]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > _UTF16_LANE_NUL_SHARE and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > _UTF16_LANE_NUL_SHARE and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any supported encoding (NULs, control bytes, known magic)."""
    if not data or wide_encoding(data) is not None or data.startswith(codecs.BOM_UTF8):
        return False
    if data.startswith(_BINARY_MAGIC):
        return True
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > _MAX_CONTROL_SHARE


def is_tar_header(block: bytes) -> bool:
    """A ustar/GNU magic at offset 257, or (old v7 tar) a valid header checksum."""
    if len(block) < 512:
        return False
    if block[257:262] == b"ustar":
        return True
    stored = block[148:156].replace(b"\x00", b" ").strip()
    if not stored or not all(48 <= byte <= 55 for byte in stored) or block[0] == 0:
        return False
    computed = sum(block[:148]) + 8 * 32 + sum(block[156:512])
    return int(stored, 8) == computed


def csv_header(line: str, *, known_needed: int = 2) -> tuple[str, list[str]] | None:
    """``(delimiter, lower-cased field names)`` when ``line`` is a CSV header naming known fields.

    Two known names are needed by default: prose such as "Title, subtitle" names one by accident.
    """
    for delimiter in CSV_DELIMITERS:
        if delimiter not in line:
            continue
        cells = next(csv.reader([line], delimiter=delimiter), [])
        fields = [cell.strip().lower() for cell in cells]
        if len(fields) < 2 or any(not field or len(field) > _MAX_HEADER_CELL for field in fields):
            continue
        if len(KNOWN_FIELDS.intersection(fields)) >= known_needed:
            return delimiter, fields
    return None


def _first_line(data: bytes) -> tuple[bytes, bool]:
    """The first line of ``data`` and whether it is complete (ends before the head does)."""
    line, newline, _ = data.partition(b"\n")
    return line.rstrip(b"\r"), bool(newline)


def _text_shape(text: bytes, name: str) -> str:
    lowered_name = name.lower()
    if _JSON_ARRAY_START.match(text):
        return "json"
    if text.startswith(b"{"):
        line, complete = _first_line(text)
        try:
            value = json.loads(line)
        except ValueError:
            value = None
        if isinstance(value, dict):
            if any(str(key).lower() in ARTICLE_ARRAY_KEYS for key in value):
                return "json"
            return "jsonl"
        if _JSON_OBJECT_START.match(text):
            # A pretty-printed object, or a JSON line longer than the head: both stream as JSON values.
            if not complete and lowered_name.endswith((".jsonl", ".ndjson")):
                return "jsonl"
            return "json"
    line, _ = _first_line(text)
    header = line.decode("utf-8", errors="replace")
    named_csv = lowered_name.endswith((".csv", ".tsv"))
    if csv_header(header, known_needed=1 if named_csv else 2) is not None:
        return "csv"
    if named_csv and any(delimiter in header for delimiter in CSV_DELIMITERS):
        return "csv"  # the splitter then says which header names it needs
    return "text"


def detect_format(head: bytes, name: str = "") -> str:
    """Name the format of a bundle from its first bytes (one of ``FORMATS``).

    Raises ``EmptyBundle`` for nothing but whitespace and ``UnknownFormat`` for binary data.
    """
    if not head.strip():
        raise EmptyBundle(
            "the bundle is empty (no bytes, or only whitespace)",
            hint="check the export finished and upload the bundle again",
        )
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return "zip"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"BZh") and head[3:4].isdigit():
        return "bzip2"
    if head.startswith(b"\xfd7zXZ\x00"):
        return "xz"
    if is_tar_header(head[:512]):
        return "tar"
    wide = wide_encoding(head)
    if wide is not None:
        # Only the ASCII shape matters here; cut the head to whole code units before decoding.
        unit = 4 if wide == "utf-32" else 2
        head = head[: len(head) - len(head) % unit].decode(wide, errors="replace").encode("utf-8")
    elif looks_binary(head):
        raise UnknownFormat(
            "the bundle is binary data of no supported kind",
            hint=f"upload one of: {SUPPORTED_FORMATS}",
        )
    text = head.removeprefix(codecs.BOM_UTF8).lstrip()
    if not text:
        raise EmptyBundle(
            "the bundle is empty (no bytes, or only whitespace)",
            hint="check the export finished and upload the bundle again",
        )
    return _text_shape(text, name)


_TAR_LABELS = {"gzip": "tar.gz", "bzip2": "tar.bz2", "xz": "tar.xz"}


def format_label(head: bytes, name: str = "") -> str:
    """The format a bundle record shows: ``detect_format``, with a compressed tar named ``tar.gz`` (``tar.bz2``,
    ``tar.xz``) rather than by its compression alone, when the head decompresses far enough to tell."""
    fmt = detect_format(head, name)
    if fmt not in _TAR_LABELS:
        return fmt
    inner = _decompressed_head(fmt, head)
    return _TAR_LABELS[fmt] if inner is not None and is_tar_header(inner[:512]) else fmt


def _decompressed_head(fmt: str, head: bytes) -> bytes | None:
    """The first bytes ``head`` decompresses to (None if it is corrupt; the split reports that)."""
    decompressor: zlib._Decompress | bz2.BZ2Decompressor | lzma.LZMADecompressor
    try:
        if fmt == "gzip":
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 1024)
        decompressor = bz2.BZ2Decompressor() if fmt == "bzip2" else lzma.LZMADecompressor()
        return decompressor.decompress(head, 1024)
    except (zlib.error, OSError, EOFError, lzma.LZMAError):
        return None
