"""Structured bundles (JSON, JSON Lines, CSV): each record becomes a Member with text and hints."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import ijson

from newsdrop.bundles.detect import (
    ARTICLE_ARRAY_KEYS,
    ID_FIELDS,
    PUBLISHED_FIELDS,
    SOURCE_FIELDS,
    TEXT_FIELDS,
    TITLE_FIELDS,
    URL_FIELDS,
    csv_header,
)
from newsdrop.bundles.streams import CHUNK, CountingReader, buffered
from newsdrop.config import Limits
from newsdrop.errors import CorruptBundle, LimitExceeded
from newsdrop.models import Hints, Member, MemberProblem

_MAX_HINT_CHARS = 2048
# JSON escapes ("\u0627" for two UTF-8 bytes) let the raw form of a record within the member limit be
# about three times larger; beyond that a record is refused while it is read, not after it is built.
_JSON_EXPANSION = 3
_ACCEPTED = ", ".join(TEXT_FIELDS)


def _hint(record: dict[str, Any], fields: tuple[str, ...]) -> str | None:
    for field in fields:
        value = record.get(field)
        if isinstance(value, dict):
            # e.g. "source": {"name": "Reuters", "url": ...}
            value = value.get("name") or value.get("title")
        if isinstance(value, bool) or value is None or isinstance(value, list | dict):
            continue
        text = str(value).strip()
        if text:
            return text[:_MAX_HINT_CHARS]
    return None


def record_to_member(record: object, name: str, limits: Limits) -> Member | MemberProblem:
    """Turn one parsed record (a JSON value or a CSV row as a dict) into a Member or the reason it is not one."""
    if isinstance(record, str):
        record = {"text": record}
    if not isinstance(record, dict):
        return MemberProblem(
            name,
            "bad_record",
            f"record {name} is a JSON {type(record).__name__}, not an object with a text field; "
            f"make each record an object with one of: {_ACCEPTED}",
        )
    fields = {str(key).strip().lower(): value for key, value in record.items()}
    text: Any = None
    for field in TEXT_FIELDS:
        if fields.get(field) is not None:
            text = fields[field]
            break
    if text is None:
        return MemberProblem(
            name,
            "no_text",
            f"record {name} has no article text; put the text in a field named one of: {_ACCEPTED}",
        )
    if isinstance(text, list) and all(isinstance(part, str) for part in text):
        text = "\n\n".join(text)  # paragraphs given as a list
    if not isinstance(text, str):
        return MemberProblem(
            name,
            "bad_record",
            f"record {name} has a text field that is a {type(text).__name__}, not a string; "
            "store the article text as a string",
        )
    if not text.strip():
        return MemberProblem(name, "empty", f"record {name} has an empty text field; remove it or fill it in")
    if len(text) > limits.max_member_bytes // 4 and len(text.encode("utf-8", "surrogatepass")) > (
        limits.max_member_bytes
    ):
        return MemberProblem(
            name,
            "too_large",
            f"record {name} has more than {limits.max_member_bytes} bytes of text; split the article",
        )
    hints = Hints(
        title=_hint(fields, TITLE_FIELDS),
        url=_hint(fields, URL_FIELDS),
        published=_hint(fields, PUBLISHED_FIELDS),
        source=_hint(fields, SOURCE_FIELDS),
        external_id=_hint(fields, ID_FIELDS),
    )
    return Member(name=name, content=text, hints=hints)


# --- JSON ----------------------------------------------------------------------------------------
def _build(event: str, value: Any, events: Iterator[tuple[str, str, Any]]) -> Any:
    """Assemble the JSON value that starts with ``event`` from the event stream."""
    if event == "start_map":
        result: dict[str, Any] = {}
        for _, inner_event, inner_value in events:
            if inner_event == "end_map":
                return result
            _, first_event, first_value = next(events)
            result[inner_value] = _build(first_event, first_value, events)
        return result
    if event == "start_array":
        items: list[Any] = []
        for _, inner_event, inner_value in events:
            if inner_event == "end_array":
                return items
            items.append(_build(inner_event, inner_value, events))
        return items
    return value


def _array_items(events: Iterator[tuple[str, str, Any]], reader: CountingReader) -> Iterator[Any]:
    for _, event, value in events:
        if event == "end_array":
            return
        item = _build(event, value, events)
        yield item
        reader.mark()


def _object_records(events: Iterator[tuple[str, str, Any]], reader: CountingReader) -> Iterator[Any]:
    """A top-level object: either a wrapper around an article array or a single article."""
    single: dict[str, Any] = {}
    wrapper = False
    for _, event, key in events:
        if event == "end_map":
            break
        _, first_event, first_value = next(events)
        if str(key).lower() in ARTICLE_ARRAY_KEYS and first_event == "start_array":
            wrapper = True
            yield from _array_items(events, reader)
        else:
            single[key] = _build(first_event, first_value, events)
        reader.mark()
    if not wrapper:
        yield single


def iter_json(stream: io.BufferedIOBase, label: str, limits: Limits) -> Iterator[Member | MemberProblem]:
    """Stream a JSON array, ``{"articles": [...]}``, one object, or concatenated values, record by record."""
    reader = CountingReader(
        stream,
        limit=limits.max_bundle_bytes,
        what=label,
        record_limit=_JSON_EXPANSION * limits.max_member_bytes + 2 * CHUNK,
    )
    events = ijson.parse(buffered(reader), multiple_values=True, use_float=True)
    ordinal = 0

    def records() -> Iterator[Any]:
        for _, event, value in events:
            if event == "start_array":
                yield from _array_items(events, reader)
            elif event == "start_map":
                yield from _object_records(events, reader)
            else:
                yield value
            reader.mark()

    try:
        for record in records():
            ordinal += 1
            yield record_to_member(record, f"{label}#{ordinal}", limits)
    except ijson.JSONError as exc:
        raise CorruptBundle(
            f"{label} is not valid JSON after record {ordinal} ({exc})",
            hint="re-export the file as valid UTF-8 JSON and upload it again",
        ) from exc


# --- JSON Lines ----------------------------------------------------------------------------------
def iter_jsonl(
    stream: io.BufferedIOBase, label: str, limits: Limits, *, first_ordinal: int = 0
) -> Iterator[Member | MemberProblem]:
    """One JSON value per line; a bad or oversized line is a problem for that record only.

    ``first_ordinal`` is the number of records before ``stream`` (a chunk of a fanned-out bundle), so
    records keep the names a read from the start gives them.
    """
    ordinal = first_ordinal
    line_limit = _JSON_EXPANSION * limits.max_member_bytes + 2 * CHUNK
    while True:
        line = stream.readline(line_limit + 1)
        if not line:
            return
        if not line.strip():
            continue
        ordinal += 1
        name = f"{label}#{ordinal}"
        if len(line) > line_limit and not line.endswith(b"\n"):
            while (rest := stream.readline(CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield MemberProblem(
                name, "too_large", f"line {ordinal} is longer than {line_limit} bytes; split the article"
            )
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield MemberProblem(
                name, "bad_record", f"record {name} is not valid JSON ({exc}); fix or remove that line"
            )
            continue
        nested = None
        if isinstance(record, dict):
            nested = next(
                (value for key, value in record.items() if str(key).lower() in ARTICLE_ARRAY_KEYS), None
            )
        if isinstance(nested, list):
            for index, item in enumerate(nested, start=1):
                yield record_to_member(item, f"{name}.{index}", limits)
        else:
            yield record_to_member(record, name, limits)


# --- CSV -----------------------------------------------------------------------------------------
def _lines(text: io.TextIOBase, limit: int, label: str) -> Iterator[str]:
    """Lines of at most ``limit`` characters: the csv module would otherwise read any line whole."""
    while True:
        line = text.readline(limit + 1)
        if not line:
            return
        if len(line) > limit:
            raise LimitExceeded(
                f"a line of {label} is longer than the {limit}-byte member limit",
                hint="split the long article or upload it as a separate file",
            )
        yield line


def iter_csv(
    stream: io.BufferedIOBase, label: str, limits: Limits, *, first_ordinal: int = 0
) -> Iterator[Member | MemberProblem]:
    """Rows of a CSV with a header row; quoted fields may span lines.

    A chunk of a fanned-out bundle is the header row followed by its own rows; ``first_ordinal`` counts
    the rows before them.
    """
    text = io.TextIOWrapper(stream, encoding="utf-8", errors="replace", newline="")
    # Room past the member limit, so an oversized article is reported as that record's problem.
    field_limit = limits.max_member_bytes + CHUNK
    lines = _lines(text, field_limit, label)
    first = next((line for line in lines if line.strip()), "")
    header = csv_header(first.rstrip("\r\n"), known_needed=1)
    if header is None:
        raise CorruptBundle(
            f"{label} has no CSV header row naming the article fields",
            hint=f"add a header row with a text column named one of: {_ACCEPTED}",
        )
    delimiter, fields = header
    # Process-wide, so set on every call.
    csv.field_size_limit(field_limit)
    rows = csv.reader(lines, delimiter=delimiter)
    ordinal = first_ordinal
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            if "field limit" in str(exc):
                # The parser lost its place inside a quoted field: the rows after it cannot be trusted.
                raise LimitExceeded(
                    f"a field of {label} after row {ordinal} is larger than {field_limit} characters",
                    hint="split the long article or upload it as a separate file",
                ) from exc
            ordinal += 1
            yield MemberProblem(
                f"{label}#{ordinal}",
                "bad_record",
                f"row {ordinal} of {label} cannot be parsed ({exc}); fix its quoting or size",
            )
            continue
        if not any(cell.strip() for cell in row):
            continue
        ordinal += 1
        record = dict(zip(fields, row, strict=False))
        yield record_to_member(record, f"{label}#{ordinal}", limits)
