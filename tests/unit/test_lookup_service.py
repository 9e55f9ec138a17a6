"""Lookup queries against a recording fake table: which key or index each filter reads, and the work bounds."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from newsdrop.dal import Store
from newsdrop.lookup.cursor import CursorCodec
from newsdrop.lookup.errors import BadParameter, NoSuchItem
from newsdrop.lookup.params import DateRange
from newsdrop.lookup.service import MAX_QUERIES_PER_PAGE, Lookup


class RecordingTable:
    """Answers every Query with nothing; remembers what was asked. It has no scan method on purpose."""

    def __init__(self) -> None:
        self.queries: list[dict[str, Any]] = []

    def query(self, **kwargs: Any) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
        self.queries.append(kwargs)
        return [], None

    def get(self, pk: str, sk: str, *, consistent: bool = False) -> dict[str, Any] | None:
        self.queries.append({"get": (pk, sk)})
        return None

    def partitions(self) -> list[str]:
        return [q["ExpressionAttributeValues"][":pk"]["S"] for q in self.queries]


NOW = datetime(2020, 6, 15, tzinfo=UTC)


@pytest.fixture
def table() -> RecordingTable:
    return RecordingTable()


@pytest.fixture
def service(table) -> Lookup:
    return Lookup(Store(table), CursorCodec(b"k"), now=lambda: NOW, floor_months=12)


def listing(service: Lookup, **filters: Any):
    return service.list_articles(
        bundle=filters.get("bundle"),
        source=filters.get("source"),
        dates=DateRange.parse(filters.get("since"), filters.get("until")),
        limit=filters.get("limit", 20),
        cursor=filters.get("cursor"),
    )


def test_bundle_filter_reads_the_bundle_partition_newest_first(service, table):
    listing(service, bundle="b1", since="2020-01-01", source="Alpha")
    (query,) = table.queries
    assert "IndexName" not in query
    assert query["ScanIndexForward"] is False
    assert query["ExpressionAttributeValues"][":pk"] == {"S": "BUNDLE#b1"}
    assert query["ExpressionAttributeValues"][":lo"]["S"].startswith("ART#2020-01-01")


def test_source_filter_reads_gsi1_with_the_date_range(service, table):
    listing(service, source="  Alpha   NEWS ", since="2020-01-01", until="2020-02-01")
    (query,) = table.queries
    assert query["IndexName"] == "gsi1"
    assert query["ExpressionAttributeValues"][":pk"] == {"S": "SRC#alpha news"}
    assert "BETWEEN" in query["KeyConditionExpression"]
    assert query["ScanIndexForward"] is False


def test_date_range_walks_exactly_its_months_newest_first(service, table):
    page = listing(service, since="2019-11-20", until="2020-02-03")
    assert table.partitions() == ["PUB#2020-02", "PUB#2020-01", "PUB#2019-12", "PUB#2019-11"]
    assert all(q["IndexName"] == "gsi2" for q in table.queries)
    assert page.next_cursor is None


def test_no_filter_walks_back_to_the_floor_then_undated(service, table):
    listing(service)
    partitions = table.partitions()
    assert partitions[0] == "PUB#2020-07"  # one month ahead of the clock
    assert partitions[-2] == "PUB#2019-07"  # twelve months below the start
    assert partitions[-1] == "PUB#undated"
    assert len(partitions) == 14


def test_a_page_spends_a_bounded_number_of_queries_and_resumes_where_it_stopped(table):
    service = Lookup(Store(table), CursorCodec(b"k"), now=lambda: NOW, floor_months=MAX_QUERIES_PER_PAGE + 10)
    first = listing(service)
    assert len(table.queries) == MAX_QUERIES_PER_PAGE
    assert first.items == [] and first.next_cursor
    walked = table.partitions()
    table.queries.clear()
    second = listing(service, cursor=first.next_cursor)
    assert table.partitions()[0] not in walked
    assert second.next_cursor is None
    assert len(walked) + len(table.partitions()) == MAX_QUERIES_PER_PAGE + 12


def test_since_after_the_newest_month_reads_nothing(service, table):
    page = listing(service, since="2031-01-01")
    assert page.items == [] and page.next_cursor is None
    assert table.queries == []


@pytest.mark.parametrize("source", ["   ", "\ufdfa" * 100])
def test_blank_sources_or_sources_too_long_once_folded_are_rejected_before_any_read(service, table, source):
    with pytest.raises(BadParameter) as caught:
        listing(service, source=source)
    assert caught.value.parameter == "source"
    assert table.queries == []


def test_bundle_lists_read_the_right_index(service, table):
    service.list_bundles(key=None, limit=5, cursor=None)
    service.list_bundles(key="incoming/a.zip", limit=5, cursor=None)
    assert [q["IndexName"] for q in table.queries] == ["gsi2", "gsi1"]
    assert table.partitions() == ["BUNDLES", "KEY#incoming/a.zip"]


def test_unknown_ids_are_no_such_item(service):
    with pytest.raises(NoSuchItem):
        service.get_bundle("b1")
    with pytest.raises(NoSuchItem):
        service.get_article("0" * 32)


def test_until_beyond_next_month_starts_the_walk_at_next_month(service, table):
    listing(service, since="2020-05-01", until="2999-12-31")
    assert table.partitions() == ["PUB#2020-07", "PUB#2020-06", "PUB#2020-05"]
