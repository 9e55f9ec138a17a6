"""Parsing and bounds of lookup query parameters: date bounds, month partitions, plain JSON values."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from newsdrop.lookup.errors import BadParameter

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_DATE_LENGTH = 40
# Sort keys are "<published>#<id>"; "~" sorts after "#", "T" and every digit, so "<until>~" closes the day.
_AFTER = "~"
_EARLIEST = "0001-01-01"  # above "0000-00-00", the sort key of undated articles: date filters skip those
_LATEST = "9999-12-31"
_ALLOWED = "a date YYYY-MM-DD or an ISO 8601 date-time such as 2024-05-01T12:00:00Z"


_LEAP_SECOND = re.compile(r"(T\d{2}:\d{2}):60")


def parse_bound(name: str, raw: str | None) -> str | None:
    """``raw`` as a sortable bound: ``YYYY-MM-DD`` stays a date, a date-time becomes UTC ``YYYY-MM-DDTHH:MM:SS``.

    Every RFC 3339 date-time is accepted (the OpenAPI document promises format date-time): lower-case ``t`` and
    ``z``, a leap second (read as :59), and offsets that move the moment past year 1 or 9999 (clamped).
    """
    if raw is None:
        return None
    text = raw.strip()
    shown = text[:MAX_DATE_LENGTH]
    if not text or len(text) > MAX_DATE_LENGTH:
        raise BadParameter(name, f"{name} must be {_ALLOWED}; got {shown!r}")
    try:
        if _DATE_ONLY.match(text):
            return date.fromisoformat(text).isoformat()
        moment = datetime.fromisoformat(_LEAP_SECOND.sub(r"\1:59", text.upper()))
    except ValueError as exc:
        raise BadParameter(name, f"{name} must be {_ALLOWED}; got {shown!r}") from exc
    if moment.tzinfo is not None:
        try:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
        except OverflowError:
            moment = datetime.min if moment.year == 1 else datetime.max
    return moment.isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class DateRange:
    """Inclusive published-date bounds, already validated; empty when neither bound was given."""

    since: str | None = None
    until: str | None = None

    @classmethod
    def parse(cls, since: str | None, until: str | None) -> DateRange:
        lower, upper = parse_bound("since", since), parse_bound("until", until)
        # Compared as the BETWEEN bounds are: DynamoDB rejects a range whose low end is above its high end.
        if lower and upper and lower > upper + _AFTER:
            raise BadParameter(
                "since", f"since ({lower}) is after until ({upper}); swap them or widen the range"
            )
        return cls(lower, upper)

    @property
    def given(self) -> bool:
        return self.since is not None or self.until is not None

    def sort_key_bounds(self) -> tuple[str, str]:
        """(low, high) for ``BETWEEN`` on a ``<published>#<id>`` sort key."""
        return self.since or _EARLIEST, (self.until or _LATEST) + _AFTER


def month_index(yyyy_mm: str) -> int:
    return int(yyyy_mm[:4]) * 12 + int(yyyy_mm[5:7]) - 1


def month_label(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def plain(value: Any) -> Any:
    """DynamoDB values as JSON values: integral Decimals become ints, others floats, sets lists."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(plain(v) for v in value)
    return value


def pick(item: dict[str, Any], names: Iterable[str]) -> dict[str, Any]:
    return {name: plain(item.get(name)) for name in names}
