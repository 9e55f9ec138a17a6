"""Index keys: a printed zone puts an article's sort keys in UTC, so date filters compare like with like."""

from __future__ import annotations

import pytest

from newsdrop.dal import keys


@pytest.mark.parametrize(
    ("published", "sortable", "month"),
    [
        ("2019-11-19T08:03-05:00", "2019-11-19T13:03", "PUB#2019-11"),
        ("2019-12-31T22:00-05:00", "2020-01-01T03:00", "PUB#2020-01"),  # the UTC month, as filters see it
        ("2019-11-20T01:30+02:00", "2019-11-19T23:30", "PUB#2019-11"),
        ("2019-11-19T08:03Z", "2019-11-19T08:03", "PUB#2019-11"),
        ("2019-11-19T08:03", "2019-11-19T08:03", "PUB#2019-11"),  # no zone printed: kept as printed
        ("2019-11-19", "2019-11-19", "PUB#2019-11"),
        (None, None, "PUB#undated"),
    ],
)
def test_sortable_published(published: str | None, sortable: str | None, month: str) -> None:
    assert keys.sortable_published(published) == sortable
    assert keys.month_key(published) == month
    assert keys.published_sort_key(published, "id1") == f"{sortable or keys.UNDATED}#id1"
    assert keys.bundle_link_sk(published, "id1") == f"ART#{sortable or keys.UNDATED}#id1"


def test_every_partition_kind_has_a_prefix_no_other_kind_starts_with() -> None:
    # Readers tell items apart by prefix (a content item must never read as an article, nor the reverse).
    prefixes = [
        keys.article_pk(""),
        keys.content_pk(""),
        keys.bundle_pk(""),
        keys.term_pk(""),
        keys.band_pk(""),
        keys.group_pk(""),
        keys.object_key_pk(""),
        keys.month_partition(""),
        keys.source_key(""),
    ]
    for a in prefixes:
        assert not [b for b in prefixes if b != a and b.startswith(a)], a
    assert keys.content_pk("c" * 32) == "CONTENT#" + "c" * 32 and keys.CONTENT_SK != keys.ARTICLE_SK
