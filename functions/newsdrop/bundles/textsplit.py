"""Plain-text bundles: one article, or several split at form feeds, rule lines or "=== name" headers.

Splitting works on byte lines, so each article keeps its original bytes (cleaning decodes them); UTF-16/32
bundles are transcoded to UTF-8 before they get here.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Iterator

from newsdrop.config import Limits
from newsdrop.errors import UndecodableText
from newsdrop.models import Member, MemberProblem
from newsdrop.text.decode import decode_bytes

# Lines are read in pieces of at most this size, so one endless line cannot fill memory.
_LINE_CAP = 1024 * 1024
# "=== 001_x.txt" on its own line, as `for f in *.txt; do echo "=== $f"; cat "$f"; done` writes it.
_HEADER = re.compile(rb"^={3,}[ \t]+(?P<name>[^\s=][^\r\n]*?)[ \t]*=*[ \t]*\r?\n?$")
# The same header glued to the end of the previous file's last line (that file had no final newline).
# Only a file-like name (with an extension) counts, so prose containing "===" is left alone.
_GLUED_HEADER = re.compile(rb"={3,}[ \t]+(?P<name>[^\s=][^\r\n=]*?\.[A-Za-z0-9]{1,8})[ \t]*\r?\n?$")
_FILE_NAME = re.compile(rb"\.[A-Za-z0-9]{1,8}$")
# A line of nothing but form feeds; a form feed glued to text (pdftotext's page break) is not one.
_FORM_FEED_LINE = re.compile(rb"^[ \t]*\f+[ \t]*\r?\n?$")
# A rule of 3+ "=" or 3+ "-" alone on a line.
_RULE = re.compile(rb"^[ \t]*(?:={3,}|-{3,})[ \t]*\r?\n?$")


def _decode_name(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return decode_bytes(raw)[0]
        except UndecodableText:
            return raw.decode("latin-1")


def _glued_header(line: bytes) -> re.Match[bytes] | None:
    """A header at the end of ``line``; found from the last "===" so long lines are not rescanned."""
    if not line.endswith(b"\n"):
        return None
    start = line.rfind(b"===")
    if start < 0:
        return None
    while start > 0 and line[start - 1] == ord("="):
        start -= 1
    return _GLUED_HEADER.match(line, start)


def _is_blank(line: bytes) -> bool:
    return not line.strip()


class _Piece:
    """The article being collected; drops its bytes (but remembers) once it outgrows the member limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.parts: list[bytes] = []
        self.size = 0
        self.too_large = False
        self.has_text = False

    def add(self, data: bytes) -> None:
        if not data:
            return
        self.size += len(data)
        self.has_text = self.has_text or bool(data.strip())
        if self.size > self.limit:
            self.too_large = True
            self.parts = []
        else:
            self.parts.append(data)

    def content(self) -> bytes:
        return b"".join(self.parts)


def _finish(piece: _Piece, name: str, strip: bool) -> Member | MemberProblem | None:
    if not piece.has_text:
        return None
    if piece.too_large:
        return MemberProblem(
            name,
            "too_large",
            f"article {name} is larger than {piece.limit} bytes; split it into smaller files",
        )
    content = piece.content()
    return Member(name=name, content=content.strip(b"\r\n") if strip else content)


def iter_text(stream: io.BufferedIOBase, label: str, limits: Limits) -> Iterator[Member | MemberProblem]:
    """Split a text bundle; a text without separators is one article named ``label``."""
    lines = _iter_line_pieces(stream)
    first_line = b""
    leading: list[bytes] = []
    for line, at_start in lines:
        leading.append(line)
        if line.strip():
            first_line = line if at_start else b""
            break
    header = _HEADER.match(first_line)
    # Only a file-like first header switches to header mode: "=== Monday's news ===" is a title line.
    if header is not None and _FILE_NAME.search(header.group("name")):
        yield from _split_headers(_chain(leading, lines), limits)
    else:
        yield from _split_separators(_chain(leading, lines), label, limits)


def _iter_line_pieces(stream: io.BufferedIOBase) -> Iterator[tuple[bytes, bool]]:
    """``(piece, starts_a_line)``: whole lines, or capped fragments of a very long line."""
    at_start = True
    while True:
        piece = stream.readline(_LINE_CAP)
        if not piece:
            return
        yield piece, at_start
        at_start = piece.endswith(b"\n")


def _chain(leading: list[bytes], rest: Iterator[tuple[bytes, bool]]) -> Iterator[tuple[bytes, bool]]:
    at_start = True
    for line in leading:
        yield line, at_start
        at_start = line.endswith(b"\n")
    yield from rest


def _split_headers(lines: Iterator[tuple[bytes, bool]], limits: Limits) -> Iterator[Member | MemberProblem]:
    """Articles after "=== name" headers, named by them and kept byte for byte."""
    name: str | None = None
    piece = _Piece(limits.max_member_bytes)
    for line, at_start in lines:
        match = _HEADER.match(line) if at_start else None
        if match is None:
            match = _glued_header(line)
            if match is None:
                piece.add(line)
                continue
            piece.add(line[: match.start()])
        if name is not None and (finished := _finish(piece, name, strip=False)) is not None:
            yield finished
        name = _decode_name(match.group("name").strip())
        piece = _Piece(limits.max_member_bytes)
    if name is not None and (finished := _finish(piece, name, strip=False)) is not None:
        yield finished


def _split_separators(
    lines: Iterator[tuple[bytes, bool]], label: str, limits: Limits
) -> Iterator[Member | MemberProblem]:
    """Articles between separators; a text with a single article keeps the bundle's name."""
    seen_separator: list[bool] = [False]
    pieces = (p for p in _separated_pieces(lines, limits, seen_separator) if p.has_text)
    first = next(pieces, None)
    if first is None:
        return
    second = next(pieces, None)
    if second is None:
        # Without any separator the article is the text exactly as uploaded.
        finished = _finish(first, label, strip=seen_separator[0])
        if finished is not None:
            yield finished
        return
    for ordinal, piece in enumerate(itertools.chain((first, second), pieces), start=1):
        finished = _finish(piece, f"{label}#{ordinal}", strip=True)
        if finished is not None:
            yield finished


def _separated_pieces(
    lines: Iterator[tuple[bytes, bool]], limits: Limits, seen_separator: list[bool]
) -> Iterator[_Piece]:
    """Split at form-feed lines, and at rule lines next to a blank line (a rule between two lines of
    prose is part of the article, e.g. under a reader comment)."""
    piece = _Piece(limits.max_member_bytes)
    previous_blank = True
    pending_rule: bytes | None = None  # a rule line waiting to see whether a blank line follows it
    for line, at_start in lines:
        if pending_rule is not None:
            rule, pending_rule = pending_rule, None
            if at_start and _is_blank(line):
                seen_separator[0] = True
                yield piece
                piece = _Piece(limits.max_member_bytes)
            else:
                piece.add(rule)
        if at_start and _FORM_FEED_LINE.match(line):
            seen_separator[0] = True
            yield piece
            piece = _Piece(limits.max_member_bytes)
            previous_blank = True
            continue
        if at_start and _RULE.match(line):
            if previous_blank:
                seen_separator[0] = True
                yield piece
                piece = _Piece(limits.max_member_bytes)
            else:
                pending_rule = line
            previous_blank = False
            continue
        piece.add(line)
        previous_blank = at_start and _is_blank(line)
    if pending_rule is not None:
        seen_separator[0] = True  # a rule closing the text
    yield piece
