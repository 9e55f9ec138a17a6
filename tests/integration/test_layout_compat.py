"""Articles stored under layout 1 (before newsdrop.dal) still read back: article, bundles, search, /similar."""

from __future__ import annotations

import json

import pytest

from newsdrop import wiring
from newsdrop.dal import LAYOUT_VERSION, ArticleTable, Store, keys
from newsdrop.text.similar import signature

TITLE = "Harbour cranes return to the port"
BODY = (
    "The harbour authority said the two giant cranes removed for repairs last winter were back in service on "
    "Monday, and that container ships delayed by the work would be unloaded by the end of the week. Dock "
    "workers welcomed the return of the cranes, which handle most of the port's traffic, and the authority "
    "said it would extend opening hours until the backlog was cleared."
)
LEGACY_A, LEGACY_B = "a" * 32, "b" * 32
NOW = "2025-01-02T03:04:05.000Z"


def _jsonl(title: str, source: str, text: str) -> bytes:
    return json.dumps(
        {"id": "n1", "title": title, "source": source, "published": "2024-05-07", "text": text}
    ).encode()


def _legacy_sig(body: str) -> bytes:
    """A signature as layout 1 packed it: 8 big-endian bytes per bin."""
    sig = signature(body)
    assert sig is not None
    return b"".join(value.to_bytes(8, "big") for value in sig)


def _layout_1_items(aid: str, body: str, member: str) -> list[dict]:
    """The items layout 1 wrote for one new article (newsdrop/articles.py and keys.py before layout 2)."""
    summary = {"id": aid, "title": TITLE, "published": "2016-10-05", "source": "Alpha News", "word_count": 60}
    sig = _legacy_sig(body)
    return [
        {
            "pk": f"ART#{aid}",
            "sk": "META",
            "type": "article",
            **summary,
            "body": body,
            "removed": [{"n": 1, "text": "Home | News", "role": "boilerplate", "rule": "nav"}],
            "kept": [{"n": 2, "role": "body", "rule": "prose"}],
            "first_bundle": "legacy-bundle",
            "first_member": member,
            "first_seen": NOW,
            "gsi1pk": "SRC#alpha news",
            "gsi1sk": f"2016-10-05#{aid}",
            "gsi2pk": "PUB#2016-10",
            "gsi2sk": f"2016-10-05#{aid}",
            "group_id": LEGACY_A,
            "sig": sig,
        },
        {
            "pk": f"ART#{aid}",
            "sk": f"SEEN#legacy-bundle#{member}",
            "type": "sighting",
            "id": aid,
            "bundle_id": "legacy-bundle",
            "key": "incoming/legacy.zip",
            "member": member,
            "seen_at": NOW,
        },
        {
            "pk": "BUNDLE#legacy-bundle",
            "sk": f"ART#2016-10-05#{aid}",
            "type": "bundle_article",
            "member": member,
            **summary,
        },
        *(
            {"pk": f"TERM#{term}", "sk": f"ART#{aid}", "type": "term", "weight": 4, **summary}
            for term in ("harbour", "cranes", "port")
        ),
        {
            "pk": f"GROUP#{LEGACY_A}",
            "sk": f"ART#{aid}",
            "type": "group_member",
            "group_id": LEGACY_A,
            "sig": sig,
            **summary,
        },
        {
            "pk": "SIMBAND#00:0123456789abcdef",
            "sk": "HEAD",
            "type": "band_head",
            "id": aid,
            "group_id": LEGACY_A,
            "sig": sig,
        },
    ]


@pytest.fixture
def legacy(stack):
    wiring.reset()
    table = ArticleTable(stack.dynamodb, stack.table)
    table.batch_put(
        _layout_1_items(LEGACY_A, BODY, "a.txt") + _layout_1_items(LEGACY_B, BODY + " Shares rose.", "b.txt")
    )
    yield Store(table)
    wiring.reset()


def test_a_layout_1_article_reads_back_with_its_bundle_once(legacy):
    article = wiring.lookup().get_article(LEGACY_A)
    assert article["body"] == BODY and article["title"] == TITLE
    assert article["removed"] == [{"n": 1, "text": "Home | News", "role": "boilerplate", "rule": "nav"}]
    assert article["bundles"] == [
        {"bundle_id": "legacy-bundle", "key": "incoming/legacy.zip", "member": "a.txt", "seen_at": NOW}
    ]


def test_layout_1_postings_are_searched_with_layout_2_blocks(legacy, drop):
    drop.drop("incoming/new.jsonl", _jsonl("Port cranes idle in the strike", "New Wire", BODY[::-1]))
    [new] = [a for a in drop.articles() if a["id"] not in (LEGACY_A, LEGACY_B)]
    lookup = wiring.lookup()
    port = lookup.search("port", limit=1, cursor=None)
    walked, cursor = list(port.items), port.next_cursor
    while cursor:
        page = lookup.search("port", limit=1, cursor=cursor)
        walked += page.items
        cursor = page.next_cursor
    assert {hit["id"] for hit in walked} == {LEGACY_A, LEGACY_B, new["id"]}
    assert len(walked) == 3
    both = lookup.search("harbour cranes", limit=10, cursor=None)
    assert {hit["id"] for hit in both.items} == {LEGACY_A, LEGACY_B}


def test_layout_1_groups_and_signatures_still_answer_similar(legacy):
    answer = wiring.lookup().similar(LEGACY_A, limit=10, cursor=None)
    assert answer["group_id"] == LEGACY_A
    assert [item["id"] for item in answer["items"]] == [LEGACY_B]
    assert 0.5 <= answer["items"][0]["similarity"] <= 1


def test_the_store_knows_which_layout_it_was_marked_with(legacy):
    assert legacy.layout_version() is None, "layout 1 tables carry no marker"
    legacy.mark_layout()
    assert legacy.layout_version() == LAYOUT_VERSION
    assert legacy.table.get(keys.LAYOUT_PK, keys.LAYOUT_SK) == {
        "pk": keys.LAYOUT_PK,
        "sk": keys.LAYOUT_SK,
        "version": LAYOUT_VERSION,
    }
