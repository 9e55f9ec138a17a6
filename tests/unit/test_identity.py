"""Article ids come from the source (canonical URL, else object key, member and raw content), not the cleaner."""

from __future__ import annotations

import pytest

from bench.storage import distinct_articles
from newsdrop.articles import (
    StoredBody,
    canonical_url,
    content_key,
    holds_heavy,
    page_url,
    source_id,
    source_url,
    store_body,
)
from newsdrop.dal import items, keys
from newsdrop.models import CleanArticle, Hints, Member

KEY = "incoming/2026-12-05/wire.jsonl"


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("https://example.com/news/a", "https://example.com/news/a"),
        ("  https://example.com/news/a  ", "https://example.com/news/a"),
        ("HTTPS://Example.COM/news/a", "https://example.com/news/a"),
        ("http://example.com/news/a", "https://example.com/news/a"),
        ("https://example.com:443/news/a", "https://example.com/news/a"),
        ("http://example.com:80/news/a", "https://example.com/news/a"),
        ("https://example.com:8443/news/a", "https://example.com:8443/news/a"),
        ("https://user:pw@example.com/news/a", "https://example.com/news/a"),
        ("https://example.com./news/a", "https://example.com/news/a"),
        ("https://example.com/news/a#comments", "https://example.com/news/a"),
        ("https://example.com/news/a/", "https://example.com/news/a"),
        ("https://example.com/", "https://example.com"),
        ("https://example.com", "https://example.com"),
        ("https://example.com/News/A", "https://example.com/News/A"),
        ("https://example.com/a?utm_source=x&utm_medium=y", "https://example.com/a"),
        ("https://example.com/a?UTM_Campaign=x&fbclid=1&gclid=2&mc_eid=3", "https://example.com/a"),
        ("https://example.com/a?page=2&id=7&utm_source=x", "https://example.com/a?id=7&page=2"),
        ("https://example.com/a?id=7&page=2", "https://example.com/a?id=7&page=2"),
        ("https://[2001:db8::1]:8080/a", "https://[2001:db8::1]:8080/a"),
        ("ftp://example.com/a", None),
        ("/news/a", None),
        ("example.com/news/a", None),
        ("mailto:desk@example.com", None),
        ("https://", None),
        ("https://example.com:99999/a", None),
        ("", None),
    ],
)
def test_canonical_url(given, canonical):
    assert canonical_url(given) == canonical


HEAD = (
    "<!doctype html><html><head><title>T</title>{tags}</head><body><p>Body text</p>"
    '<link rel="canonical" href="https://example.com/from-the-body"></body></html>'
)


@pytest.mark.parametrize(
    ("tags", "url"),
    [
        ('<link rel="canonical" href="https://Example.com/a/?utm_source=rss">', "https://example.com/a"),
        ("<LINK REL=canonical HREF=https://example.com/a>", "https://example.com/a"),
        ("<link href='https://example.com/a' rel='alternate canonical'>", "https://example.com/a"),
        ('<meta property="og:url" content="https://example.com/og">', "https://example.com/og"),
        ('<meta name="og:url" content="https://example.com/og">', "https://example.com/og"),
        (
            '<meta property="og:url" content="https://example.com/og">'
            '<link rel="canonical" href="https://example.com/canon">',
            "https://example.com/canon",
        ),
        (
            '<link rel="canonical" href="/relative">'
            '<meta property="og:url" content="https://example.com/og">',
            "https://example.com/og",
        ),
        ('<link rel="canonical" href="https://example.com/a?x=1&amp;y=2">', "https://example.com/a?x=1&y=2"),
        ('<link rel="alternate" href="https://example.com/amp">', None),
        ("", None),
    ],
)
def test_page_url_reads_the_head_only(tags, url):
    page = HEAD.format(tags=tags)
    assert page_url(page) == url
    assert page_url(page.encode("utf-8")) == url


def test_a_text_member_has_no_page_url():
    assert page_url("Harbour cranes return\n\nThe harbour authority said on Monday ...") is None


def test_the_bundles_url_field_wins_over_the_page():
    page = HEAD.format(tags='<link rel="canonical" href="https://example.com/page">')
    assert (
        source_url(Member("a.html", page, Hints(url="https://example.com/field")))
        == "https://example.com/field"
    )
    assert source_url(Member("a.html", page, Hints(url="not a url"))) == "https://example.com/page"
    assert source_url(Member("a.html", page)) == "https://example.com/page"


def _id(member: Member, key: str = KEY) -> str:
    return source_id(member, key=key)


def test_an_id_is_32_hex_digits():
    for member in (Member("a.txt", b"text"), Member("r#1", "text", Hints(url="https://example.com/a"))):
        aid = _id(member)
        assert len(aid) == 32 and int(aid, 16) >= 0 and aid == aid.lower()


def test_one_url_is_one_id_whatever_bundle_member_or_content():
    url = "https://example.com/news/a"
    ids = {
        _id(Member("r#1", "first text", Hints(url=url))),
        _id(Member("r#9", "other text", Hints(url=url + "/?utm_source=x#top")), key="incoming/other.jsonl"),
        _id(Member("r#1", "first text", Hints(url=url.upper().replace("NEWS/A", "news/a"))), key="other"),
    }
    assert len(ids) == 1
    assert _id(Member("r#1", "first text", Hints(url=url + "/b"))) not in ids


@pytest.mark.parametrize(
    "changed",
    [
        {"key": "incoming/other.jsonl"},
        {"name": "wire.jsonl#2"},
        {"content": b"Harbour cranes return.  "},
    ],
)
def test_without_a_url_every_part_of_the_source_counts(changed):
    base = {"key": KEY, "name": "wire.jsonl#1", "content": b"Harbour cranes return."}
    other = base | changed

    def of(parts: dict) -> str:
        return _id(Member(parts["name"], parts["content"]), key=parts["key"])

    assert of(base) == of(dict(base)), "deterministic"
    assert of(base) != of(other)


def test_text_and_bytes_members_hash_their_raw_utf8():
    text = "Café owners protest \ud800"  # a lone surrogate from JSON still hashes
    assert _id(Member("m", text)) == _id(Member("m", text.encode("utf-8", "surrogatepass")))


def test_the_id_does_not_depend_on_hints_other_than_the_url():
    bare = Member("a.txt", b"Harbour cranes return.")
    hinted = Member("a.txt", b"Harbour cranes return.", Hints(title="Other", source="Alpha News"))
    assert _id(bare) == _id(hinted)


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [
        (("Title", "Body text here."), ("title", "body   TEXT here."), True),
        (("Title", "Body text here."), ("Title", "Body text here. More."), False),
        ((None, "Body"), ("", "Body"), True),
        (("Ｔｉｔｌｅ", "Body"), ("Title", "Body"), True),
    ],
)
def test_content_key_folds_case_space_and_unicode_form(left, right, same):
    a = CleanArticle(title=left[0], body=left[1])
    b = CleanArticle(title=right[0], body=right[1])
    assert (content_key(a) == content_key(b)) is same


def test_content_key_is_the_layout_2_article_id():
    # Layout 2 stored this article as ART#<this value>: old ids must keep being computed the same way.
    article = CleanArticle(title="Harbour cranes return", body="The harbour authority said on Monday.")
    assert content_key(article) == "38ad5b295c4e9e4d4feb10ae3d995df1"  # article_id() at layout 2


def _meta(article: CleanArticle) -> dict:
    return items.article_item(
        article,
        "a" * 32,
        StoredBody({}),
        bundle_id="b" * 24,
        key="incoming/one.jsonl",
        member="one.jsonl#1",
        now="2026-12-05T10:00:00.000Z",
        content_key="c" * 32,
        cleaner_version="2026.12.05-1",
    )


def test_a_small_body_stays_on_meta_the_content_item_names_the_article():
    small = CleanArticle(title="Brief", body="Harbour closed.")
    meta, content = items.place_heavy(
        _meta(small), store_body(small, "a" * 32, "b/").attributes, "c" * 32, "a" * 32
    )
    assert holds_heavy(meta) and not holds_heavy(content), "a tie keeps the body on META"
    assert content == {"pk": keys.content_pk("c" * 32), "sk": keys.CONTENT_SK, "id": "a" * 32}
    assert meta["content_key"] == "c" * 32 and meta["cleaner_version"] == "2026.12.05-1"


def test_a_3_kb_body_moves_to_the_content_item_when_that_saves_a_write_unit():
    [record] = distinct_articles(1, seed=3)
    article = CleanArticle(title=record["title"], body=record["text"])
    heavy = store_body(article, "a" * 32, "b/").attributes
    inline = {**_meta(article), **heavy}
    assert items.write_units(inline, items.GROUPING_BYTES) == 3, "on META it would cost 3 units plus 1"
    meta, content = items.place_heavy(_meta(article), heavy, "c" * 32, "a" * 32)
    assert not holds_heavy(meta) and holds_heavy(content)
    assert items.write_units(meta, items.GROUPING_BYTES) + items.write_units(content) == 3
    assert items.with_text(meta, content) == inline
