"""Find and parse printed publication dates ("18 December 2016 - 15:21", "Nov. 19, 2019 8:03 am ET")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
# Full month names of the commonest other European languages (short forms collide with words).
_OTHER_MONTHS = (
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
)
for _names in _OTHER_MONTHS:
    for _number, _name in enumerate(_names.split(), start=1):
        _MONTHS.setdefault(_name, _number)
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    # 2019-11-19, 2019-11-18T23:30:00Z, 2016.12.01, 2019/11/19
    re.compile(
        r"(?<!\d)" + _YEAR + r"(?P<sep>[-./])(?P<month_num>[01]?\d)(?P=sep)" + r"(?P<day>[0-3]?\d)(?!\d)"
    ),
    # 18 December 2016, 19 NOV 2019, 20 Nov. 2019, 19. November 2019, 22 de janeiro de 2018
    re.compile(
        r"(?<![\w])" + _DAY + r"\.?\s+(?:of\s+|de\s+)?" + _MONTH + r",?\s+(?:de\s+)?" + _YEAR + r"(?!\d)",
        re.IGNORECASE,
    ),
    # November 19, 2019; Nov. 19, 2019; Nov 20 2019
    re.compile(r"(?<![\w])" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"(?!\d)", re.IGNORECASE),
    # 2019年11月19日, 2019년 11월 19일
    re.compile(_YEAR + r"\s*[年년]\s*(?P<month_num>[01]?\d)\s*[月월]\s*(?P<day>[0-3]?\d)\s*[日일]"),
    # 19/11/2019 (day first unless impossible), 11/19/2019
    re.compile(
        r"(?<![\d/.])(?P<first>[0-3]?\d)(?P<sep>[/.])(?P<second>[01]?\d|[0-3]\d)(?P=sep)" + _YEAR + r"(?!\d)"
    ),
)
_TIME = re.compile(
    r"(?<![\d:])(?P<hour>[0-2]?\d)[:h](?P<minute>[0-5]\d)(?::[0-5]\d)?(?:\s*(?P<ampm>[ap])\.?m\b\.?)?",
    re.IGNORECASE,
)
# Only punctuation (or "at") may separate a date from the time printed after it ...
_GAP_AFTER = re.compile(r"T|[\s,|\-–—@·•]*(?:(?:at|às|à|a las|um|alle)\s*)?")
# ... and only a time-zone or weekday word or two from the time printed before it.
_GAP_BEFORE = re.compile(r"[\s,|\-–—]*(?:[A-Za-z]{2,9}\.?,?[\s|\-–—]*){0,3}")
# A time zone printed right after the clock time: UTC, a numeric offset, or a common abbreviation.
_ZONE = re.compile(
    r"\s*(?:(?P<utc>Z(?![A-Za-z])|(?:UTC|GMT)(?![A-Za-z]))(?P<utc_offset>[+-]\d{1,2}(?::?\d{2})?)?"
    r"|(?P<offset>[+-]\d{2}:?\d{2})(?!\d)|(?P<abbr>[A-Z]{2,4})(?![A-Za-z]))"
)
# Fixed offsets of unambiguous abbreviations, in minutes (IST, which names three zones, is left out).
_ZONE_MINUTES = {
    "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420,
    "AKST": -540, "AKDT": -480, "HST": -600, "WET": 0, "WEST": 60, "BST": 60, "CET": 60, "CEST": 120,
    "EET": 120, "EEST": 180, "MSK": 180, "SGT": 480, "HKT": 480, "JST": 540, "KST": 540, "AEST": 600,
    "AEDT": 660,
}  # fmt: skip
# US generic zones ("8:03 am ET"): standard offset; daylight time adds an hour.
_US_GENERIC_MINUTES = {"ET": -300, "CT": -360, "MT": -420, "PT": -480}
# How far from the date a printed time may stand ("18 December 2016 - 15:21", "10:01 pm PST, Tuesday, Nov...").
_TIME_WINDOW = 28


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in a text: ``iso`` is YYYY-MM-DD, YYYY-MM-DDTHH:MM, or that with the printed zone's
    offset (``Z``, ``-05:00``); ``text`` the printed span."""

    iso: str
    text: str
    start: int
    end: int


def _ymd(match: re.Match[str]) -> tuple[int, int, int] | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("first") is not None:
        first, second = int(groups["first"]), int(groups["second"])
        day, month = (second, first) if second > 12 >= first else (first, second)
    elif groups.get("month_num") is not None:
        month, day = int(groups["month_num"]), int(groups["day"])
    else:
        month, day = _MONTHS[groups["month"].lower()], int(groups["day"])
    try:
        date(year, month, day)
    except ValueError:
        return None
    return year, month, day


def _us_daylight(year: int, month: int, day: int, hour: int) -> bool:
    """US daylight saving time (since 2007): second Sunday of March 2:00 to first Sunday of November 2:00."""
    start = _first_sunday(year, 3) + 7
    end = _first_sunday(year, 11)
    return (3, start, 2) <= (month, day, hour) < (11, end, 2)


def _first_sunday(year: int, month: int) -> int:
    return 1 + (6 - date(year, month, 1).weekday()) % 7


def _format_offset(minutes: int) -> str:
    if minutes == 0:
        return "Z"
    sign = "+" if minutes > 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _offset_minutes(offset: str) -> int:
    """Minutes of a printed offset: "+2", "+05:30", "-0800", "+5:30"."""
    digits = offset[1:].replace(":", "")
    hours, mins = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "0")
    return (-1 if offset[0] == "-" else 1) * (int(hours) * 60 + int(mins))


def _zone_after(text: str, position: int, when: tuple[int, int, int, int]) -> tuple[str, int] | None:
    """The ISO offset of a time zone printed at ``position`` and where it ends, or None."""
    match = _ZONE.match(text, position)
    if match is None:
        return None
    if match["utc"]:
        minutes = _offset_minutes(match["utc_offset"]) if match["utc_offset"] else 0
    elif match["offset"]:
        minutes = _offset_minutes(match["offset"])
    elif match["abbr"] in _ZONE_MINUTES:
        minutes = _ZONE_MINUTES[match["abbr"]]
    elif match["abbr"] in _US_GENERIC_MINUTES:
        minutes = _US_GENERIC_MINUTES[match["abbr"]] + (60 if _us_daylight(*when) else 0)
    else:
        return None
    if abs(minutes) > 14 * 60:
        return None
    return _format_offset(minutes), match.end()


def _time_near(text: str, start: int, end: int) -> tuple[int, int, int, int] | None:
    """A clock time printed just after the date, or failing that just before it."""
    candidates: list[re.Match[str]] = []
    after = _TIME.search(text, end, min(len(text), end + _TIME_WINDOW))
    if after and _GAP_AFTER.fullmatch(text, end, after.start()):
        candidates.append(after)
    before = list(_TIME.finditer(text, max(0, start - _TIME_WINDOW), start))[-1:]
    if before and _GAP_BEFORE.fullmatch(text, before[0].end(), start):
        candidates.append(before[0])
    for match in candidates:
        hour, minute = int(match["hour"]), int(match["minute"])
        ampm = (match["ampm"] or "").lower()
        if ampm == "p" and hour < 12:
            hour += 12
        elif ampm == "a" and hour == 12:
            hour = 0
        if hour < 24:
            return hour, minute, match.start(), match.end()
    return None


def find_date(text: str) -> FoundDate | None:
    """The earliest absolute date printed in ``text`` (relative forms like "2 hours ago" never match)."""
    # Every pattern prints a year 19xx or 20xx: most lines are ruled out without a regex or a cache lookup.
    if "19" not in text and "20" not in text:
        return None
    return _find_date(text)


@lru_cache(maxsize=8192)
def _find_date(text: str) -> FoundDate | None:
    best: tuple[re.Match[str], tuple[int, int, int]] | None = None
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            ymd = _ymd(match)
            if ymd is None:
                continue
            if best is None or match.start() < best[0].start():
                best = (match, ymd)
            break
    if best is None:
        return None
    match, (year, month, day) = best
    start, end = match.start(), match.end()
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    clock = _time_near(text, start, end)
    if clock is not None:
        hour, minute, time_start, time_end = clock
        iso += f"T{hour:02d}:{minute:02d}"
        # The local time as printed, with the offset of the zone printed beside it (if any).
        zone = _zone_after(text, time_end, (year, month, day, hour))
        if zone is not None:
            iso += zone[0]
            if time_start >= end:  # printed after the date: the span takes the zone in
                time_end = zone[1]
        start, end = min(start, time_start), max(end, time_end)
    return FoundDate(iso=iso, text=text[start:end].strip(), start=start, end=end)


def parse_published(text: str) -> str | None:
    """ISO form of the first date printed in ``text``, or None."""
    found = find_date(text)
    return found.iso if found else None
