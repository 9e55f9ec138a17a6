"""Lookup parameter parsing: date bounds, ranges, month arithmetic and DynamoDB-to-JSON values."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from newsdrop.handlers.lookup_errors import dumps as _dumps
from newsdrop.lookup.errors import BadParameter
from newsdrop.lookup.params import DateRange, month_index, month_label, parse_bound, plain


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2016-12-18", "2016-12-18"),
        (" 2016-12-18 ", "2016-12-18"),
        ("2016-12-18T10:20:30", "2016-12-18T10:20:30"),
        ("2016-12-18T10:20:30Z", "2016-12-18T10:20:30"),
        ("2016-12-18T12:20:30+02:00", "2016-12-18T10:20:30"),
        ("2016-12-18T00:30:00-01:00", "2016-12-18T01:30:00"),
        ("2016-12-31T23:30:00-01:00", "2017-01-01T00:30:00"),
        ("2016-12-18T10:20", "2016-12-18T10:20:00"),
    ],
)
def test_bounds_are_normalised_to_utc(raw, expected):
    assert parse_bound("since", raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "yesterday",
        "2016-13-01",
        "2016-02-30",
        "18/12/2016",
        "2016-12-18T25:00",
        "2016" * 20,
        "2016-12-18T10:00+99:00",
    ],
)
def test_bad_bounds_name_the_parameter_and_the_allowed_forms(raw):
    with pytest.raises(BadParameter) as caught:
        parse_bound("until", raw)
    assert caught.value.parameter == "until"
    assert "until must be a date YYYY-MM-DD" in caught.value.message


def test_missing_bound_stays_missing():
    assert parse_bound("since", None) is None
    assert not DateRange.parse(None, None).given


def test_since_after_until_is_rejected_naming_since():
    with pytest.raises(BadParameter) as caught:
        DateRange.parse("2017-01-02", "2017-01-01")
    assert caught.value.parameter == "since"


def test_same_day_with_time_is_a_valid_range():
    dates = DateRange.parse("2017-01-01T10:00:00Z", "2017-01-01")
    low, high = dates.sort_key_bounds()
    assert low <= "2017-01-01T12:00:00#id" <= high


@pytest.mark.parametrize(
    ("since", "until", "inside", "outside"),
    [
        (
            "2016-12-01",
            "2016-12-31",
            ["2016-12-01#a", "2016-12-31#z", "2016-12-31T23:59:59#z"],
            ["2016-11-30#a", "2017-01-01#a"],
        ),
        (None, "2016-12-31", ["0001-01-01#a", "2016-12-31#a"], ["0000-00-00#a", "2017-01-01#a"]),
        ("2016-12-18", None, ["2016-12-18#a", "9999-12-31#a"], ["0000-00-00#a", "2016-12-17#z"]),
    ],
)
def test_sort_key_bounds_include_whole_days_and_skip_undated(since, until, inside, outside):
    low, high = DateRange.parse(since, until).sort_key_bounds()
    for key in inside:
        assert low <= key <= high, key
    for key in outside:
        assert not (low <= key <= high), key


@pytest.mark.parametrize("label", ["0001-01", "2016-12", "2017-01", "9999-12"])
def test_month_index_round_trips(label):
    assert month_label(month_index(label)) == label


def test_month_index_is_consecutive_across_years():
    assert month_index("2017-01") - month_index("2016-12") == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("3"), 3),
        (Decimal("3.0"), 3),
        (Decimal("-12"), -12),
        (Decimal("2.5"), 2.5),
        ({"counts": {"new": Decimal("4")}}, {"counts": {"new": 4}}),
        ([Decimal("1"), {"n": Decimal("7")}], [1, {"n": 7}]),
        ({Decimal("2"), Decimal("1")}, [1, 2]),
        ("text", "text"),
        (None, None),
    ],
)
def test_decimals_become_json_numbers(value, expected):
    converted = plain(value)
    assert converted == expected
    assert type(json.loads(json.dumps(converted))) is type(expected)


def test_integral_decimals_serialise_without_a_fraction():
    assert _dumps({"size": Decimal("1024"), "ratio": Decimal("0.25")}) == '{"size":1024,"ratio":0.25}'


def test_serialiser_refuses_unknown_types_instead_of_stringifying():
    with pytest.raises(TypeError, match="object"):
        _dumps({"x": object()})
