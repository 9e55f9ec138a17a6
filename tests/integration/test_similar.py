"""Near-duplicate groups end to end on moto: ingest groups the same wire story, /similar lists the group."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from newsdrop import wiring
from newsdrop.dal import keys
from newsdrop.ingest import service
from newsdrop.text.similar import MIN_TOKENS
from tests.integration.harness import message_with_body, receive_all
from tests.integration.lookup_seed import Api

WIRE = (
    "The regional water authority said on Tuesday that the northern reservoir had fallen to its lowest level "
    "in four decades after a second dry winter, and that households in eleven towns would face rationing from "
    "the first of next month. Engineers have been pumping from deep wells since the spring, but the authority's "
    "director told reporters that the wells could not keep pace with demand during the summer heat. Farmers in "
    "the valley, who draw most of their irrigation water from the same reservoir, have already been asked to cut "
    "their use by a third, and several cooperatives said they would leave fields fallow rather than risk losing "
    "a crop halfway through the season. The authority plans to open a temporary desalination plant on the coast "
    "by the end of the year and is negotiating with neighbouring districts to buy water through the old canal. "
    "Officials urged residents to report leaks and to water gardens only after sunset, when less is lost to "
    "evaporation, and said fines for waste would double."
)
OTHER = (
    "The city museum reopened its doors on Saturday after a three-year restoration of the old wing, with new "
    "galleries for the tapestry collection and a rooftop cafe overlooking the cathedral square. Curators said "
    "visitors had queued from dawn, and that the restored ceiling frescoes, hidden under plaster for a century, "
    "drew the longest line. The museum will stay open late on Thursdays through the winter."
)
SHORT = "Harbour closed today after the storm, officials said."


def wire(*swaps: tuple[str, str]) -> str:
    """The wire story as one outlet edited it: a few words swapped."""
    body = WIRE
    for old, new in swaps:
        assert old in body, old
        body = body.replace(old, new)
    return body


HERALD = ("Reservoir at 40-year low, rationing ahead", "Valley Herald", wire())
TIMES = (
    "Towns face water rationing as reservoir dries up",
    "Coast Times",
    wire(("on Tuesday", "on Tuesday evening"), ("eleven towns", "11 towns"), ("by a third", "by 30 percent")),
)
GAZETTE = (
    "Drought: water to be rationed in eleven towns",
    "Hill Gazette",
    wire(
        ("four decades", "forty years"), ("would double", "would be doubled"), ("old canal", "disused canal")
    ),
)
MUSEUM = ("Museum reopens after restoration", "City Post", OTHER)
BRIEF = ("Harbour closed", "City Post", SHORT)


def jsonl(*stories: tuple[str, str, str]) -> bytes:
    """A JSON Lines bundle: each outlet's headline and name are stated next to the text."""
    return b"".join(
        json.dumps(
            {"id": f"m{n}", "title": title, "source": source, "published": "2024-05-07", "text": text}
        ).encode()
        + b"\n"
        for n, (title, source, text) in enumerate(stories)
    )


@pytest.fixture
def api(drop) -> Iterator[Api]:
    wiring.reset()
    yield Api(stack=drop.stack)
    wiring.reset()


def ids_by_source(drop) -> dict[str, str]:
    return {a["source"]: a["id"] for a in drop.articles()}


def group_members(drop) -> list[dict]:
    return [i for i in drop.items() if i["pk"].startswith("GROUP#")]


def similar(api: Api, article_id: str, **query: str) -> dict:
    status, body = api.get(f"/articles/{article_id}/similar", **query)
    assert status == 200, body
    return body


def test_the_same_wire_story_from_two_outlets_is_one_group_and_lists_the_other(drop, api):
    drop.drop("incoming/mixed.jsonl", jsonl(HERALD, MUSEUM, TIMES))
    assert drop.bundle_for("incoming/mixed.jsonl")["counts"]["new"] == 3
    ids = ids_by_source(drop)
    metas = {a["source"]: a for a in drop.articles()}
    assert metas["Valley Herald"]["group_id"] == metas["Coast Times"]["group_id"] == ids["Valley Herald"]
    assert metas["City Post"]["group_id"] == ids["City Post"], "an unrelated story founds its own group"

    herald = similar(api, ids["Valley Herald"])
    assert herald["article_id"] == ids["Valley Herald"] and herald["group_id"] == ids["Valley Herald"]
    assert [i["id"] for i in herald["items"]] == [ids["Coast Times"]]
    [times] = herald["items"]
    assert times["source"] == "Coast Times" and times["title"] == TIMES[0]
    assert times["published"] == "2024-05-07" and times["word_count"] > 100
    assert 0.5 <= times["similarity"] < 1 and round(times["similarity"], 3) == times["similarity"]
    assert herald["next_cursor"] is None and herald["reason"] is None

    back = similar(api, ids["Coast Times"])
    assert [i["id"] for i in back["items"]] == [ids["Valley Herald"]]
    assert back["items"][0]["similarity"] == times["similarity"]

    museum = similar(api, ids["City Post"])
    assert museum == {
        "article_id": ids["City Post"],
        "group_id": ids["City Post"],
        "items": [],
        "next_cursor": None,
        "reason": None,
    }


def test_a_variant_in_a_later_bundle_joins_the_group_and_pages(drop, api):
    drop.drop("incoming/first.jsonl", jsonl(HERALD, MUSEUM))
    drop.drop("incoming/second.jsonl", jsonl(GAZETTE, TIMES))
    ids = ids_by_source(drop)
    group = {a["group_id"] for a in drop.articles() if a["source"] != "City Post"}
    assert group == {ids["Valley Herald"]}, "articles of the second bundle join the first bundle's group"
    members = [m for m in group_members(drop) if m["group_id"] == ids["Valley Herald"]]
    assert sorted(m["id"] for m in members) == sorted(
        ids[s] for s in ("Valley Herald", "Coast Times", "Hill Gazette")
    )

    pages, cursor = [], None
    while True:
        body = similar(api, ids["Hill Gazette"], limit="1", **({"cursor": cursor} if cursor else {}))
        assert len(body["items"]) <= 1
        pages += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    listed = [i["id"] for i in pages]
    assert listed == sorted(ids[s] for s in ("Valley Herald", "Coast Times")), "the partition's id order"
    assert all(i["similarity"] >= 0.5 for i in pages)


def test_a_retry_after_a_crash_keeps_one_membership_per_article(drop, api, monkeypatch):
    """The first attempt writes one flush, then dies; the retry must not put those articles in a new group."""
    from newsdrop.ingest import writer

    drop.stack.s3.put_object(
        Bucket=drop.stack.bucket, Key="incoming/retry.jsonl", Body=jsonl(HERALD, TIMES, MUSEUM, GAZETTE)
    )
    messages = receive_all(drop.stack.sqs, drop.stack.queue_url)
    monkeypatch.setattr(writer, "ARTICLES_PER_FLUSH", 2)
    real_flush = writer.ArticleWriter.flush
    calls = {"n": 0}

    def crash_after_first_flush(self):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("simulated Lambda crash")
        real_flush(self)

    monkeypatch.setattr(writer.ArticleWriter, "flush", crash_after_first_flush)
    drop.deliver(messages)
    written = {(m["pk"], m["sk"]) for m in group_members(drop)}
    assert len(written) == 2, "the first flush grouped the Herald and the Times"
    monkeypatch.setattr(writer.ArticleWriter, "flush", real_flush)
    service.ingestor().lease_seconds = 0
    body = json.loads(messages[0]["Body"])
    assert drop.deliver([message_with_body(body, receive_count=2)]) == {"batchItemFailures": []}
    assert drop.bundle_for("incoming/retry.jsonl")["counts"]["new"] == 4

    members = group_members(drop)
    assert written <= {(m["pk"], m["sk"]) for m in members}
    grouped = [a["id"] for a in drop.articles() if a["source"] != "City Post"]
    assert sorted(m["id"] for m in members) == sorted(grouped), "one each; the lone museum story has none"
    ids = ids_by_source(drop)
    assert {m["group_id"] for m in members} == {ids["Valley Herald"]}

    drop.drop("incoming/again.jsonl", jsonl(HERALD, TIMES, MUSEUM, GAZETTE))
    assert drop.bundle_for("incoming/again.jsonl")["counts"]["duplicates"] == 4
    assert len(group_members(drop)) == 3, "re-ingesting the same articles adds no member"
    assert len(similar(api, ids["Coast Times"])["items"]) == 2


def test_a_short_article_has_no_group_and_says_why(drop, api):
    drop.drop("incoming/brief.jsonl", jsonl(BRIEF))
    [meta] = drop.articles()
    assert "group_id" not in meta and "sig" not in meta
    assert not group_members(drop)
    assert not [i for i in drop.items() if i["pk"].startswith("SIMBAND#")]
    body = similar(api, meta["id"])
    assert body["group_id"] is None and body["items"] == [] and body["next_cursor"] is None
    assert "too short" in body["reason"] and f"{MIN_TOKENS} words" in body["reason"]


def test_band_heads_point_at_the_newest_article_and_its_group(drop):
    drop.drop("incoming/mixed.jsonl", jsonl(HERALD, TIMES))
    heads = [i for i in drop.items() if i["pk"].startswith("SIMBAND#")]
    ids = ids_by_source(drop)
    assert heads and all(h["sk"] == keys.BAND_HEAD_SK for h in heads)
    assert {h["group_id"] for h in heads} == {ids["Valley Herald"]}
    assert all("sig" not in h for h in heads), "the signature is stored once, on the article"
    assert {len(bytes(a["sig"])) for a in drop.articles()} == {128}
    assert {h["id"] for h in heads} == {ids["Valley Herald"], ids["Coast Times"]}
    assert len(heads) <= 2 * 4, "four band keys per article at most"


@pytest.mark.parametrize(
    ("article_id", "status", "code"),
    [("f" * 32, 404, "not_found"), ("NOT-AN-ID", 400, "bad_parameter"), ("F" * 32, 400, "bad_parameter")],
)
def test_unknown_and_malformed_ids(drop, api, article_id, status, code):
    got, body = api.get(f"/articles/{article_id}/similar")
    assert got == status
    assert body["error"]["code"] == code
    if status == 404:
        assert article_id in body["error"]["message"] and "GET /articles" in body["error"]["message"]
    else:
        assert "article_id" in body["error"]["message"]


def test_a_cursor_of_another_article_is_refused(drop, api):
    drop.drop("incoming/first.jsonl", jsonl(HERALD, TIMES, GAZETTE))
    ids = ids_by_source(drop)
    cursor = similar(api, ids["Valley Herald"], limit="1")["next_cursor"]
    assert cursor
    status, body = api.get(f"/articles/{ids['Coast Times']}/similar", cursor=cursor)
    assert status == 400 and body["error"]["code"] == "invalid_cursor"
