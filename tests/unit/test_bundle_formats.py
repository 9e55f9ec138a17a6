"""Format detection and splitting: every bundle kind yields the seed articles with the right names and bytes."""

from __future__ import annotations

import codecs
import io
import json
from pathlib import Path

import pytest
from bundle_factory import (
    FILE_NAMES,
    KINDS,
    RECORD_KINDS,
    compress,
    load_seeds,
    make_bundle,
    non_seekable,
    record_of,
    tar_bytes,
    zip_bytes,
)

from newsdrop.bundles import SUPPORTED_FORMATS, detect_format, iter_members
from newsdrop.config import Limits
from newsdrop.errors import CorruptBundle, EmptyBundle, UnknownFormat
from newsdrop.models import Hints, Member, MemberProblem

SEEDS = load_seeds()
FIRST_SEED = dict(list(SEEDS.items())[:1])
DEV_ARTICLES = Path(__file__).resolve().parents[2] / "data" / "cleaning-dev" / "article"


def split(data: bytes, name: str = "bundle", limits: Limits | None = None, *, seekable: bool = True) -> list:
    stream = io.BytesIO(data) if seekable else non_seekable(data)
    return list(iter_members(stream, name=name, limits=limits or Limits()))


def as_bytes(content: bytes | str) -> bytes:
    return content if isinstance(content, bytes) else content.encode("utf-8")


def articles_for(kind: str) -> dict[str, bytes]:
    return FIRST_SEED if kind == "single-text" else SEEDS


def expected_names(kind: str, articles: dict[str, bytes]) -> list[str]:
    file_name = FILE_NAMES[kind]
    if kind == "single-text":
        return [file_name]
    if kind in ("zip", "tar", "tar.gz", "tar.bz2", "tar.xz", "text-headers"):
        return list(articles)
    return [f"{file_name}#{n}" for n in range(1, len(articles) + 1)]


@pytest.mark.parametrize("seekable", [True, False], ids=["seekable", "stream"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_yields_each_seed_article_with_its_exact_bytes(kind, seekable):
    articles = articles_for(kind)
    members = split(make_bundle(kind, articles), FILE_NAMES[kind], seekable=seekable)

    assert all(isinstance(m, Member) for m in members)
    assert [m.name for m in members] == expected_names(kind, articles)
    assert [as_bytes(m.content) for m in members] == list(articles.values())


@pytest.mark.parametrize("kind", ["zip", "tar", "tar.gz", "text-headers", "text-rule", "text-formfeed"])
def test_file_and_text_members_keep_raw_bytes_for_the_cleaner(kind):
    members = split(make_bundle(kind, SEEDS), FILE_NAMES[kind])
    assert all(isinstance(m.content, bytes) for m in members)


@pytest.mark.parametrize("kind", RECORD_KINDS)
def test_structured_records_yield_text_and_hints(kind):
    members = split(make_bundle(kind, SEEDS), FILE_NAMES[kind])

    for member, (name, content) in zip(members, SEEDS.items(), strict=True):
        record = record_of(name, content)
        assert isinstance(member.content, str)
        assert member.hints == Hints(title=record["title"], url=record["url"], external_id=record["id"])


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (
            {"headline": "H", "body": "B", "link": "https://x/1", "pubDate": "2016-12-18", "outlet": "Rasa"},
            ("B", Hints(title="H", url="https://x/1", published="2016-12-18", source="Rasa")),
        ),
        (
            {"Title": "T", "CONTENT": "C", "published_at": "2020", "domain": "x.org", "guid": 7},
            ("C", Hints(title="T", published="2020", source="x.org", external_id="7")),
        ),
        (
            {"article": "A", "date": "1 May", "site": {"name": "Site"}, "uuid": "u-1"},
            ("A", Hints(published="1 May", source="Site", external_id="u-1")),
        ),
        ({"fulltext": ["para one", "para two"], "url": "u"}, ("para one\n\npara two", Hints(url="u"))),
        ("a bare string record", ("a bare string record", Hints())),
    ],
)
def test_record_fields_map_to_text_and_hints(record, expected):
    members = split(json.dumps([record]).encode(), "feed.json")

    assert [(m.name, m.content, m.hints) for m in members] == [("feed.json#1", *expected)]


@pytest.mark.parametrize(
    ("record", "code"),
    [
        ({"title": "no text here", "url": "u"}, "no_text"),
        ({"text": "   "}, "empty"),
        ({"text": 42}, "bad_record"),
        (17, "bad_record"),
    ],
)
def test_records_without_usable_text_are_problems_naming_the_record(record, code):
    good = {"text": "a real article"}
    members = split(b"\n".join(json.dumps(r).encode() for r in (good, record, good)), "feed.jsonl")

    assert [type(m) for m in members] == [Member, MemberProblem, Member]
    problem = members[1]
    assert (problem.name, problem.code, problem.skipped) == ("feed.jsonl#2", code, False)
    assert "feed.jsonl#2" in problem.reason


def test_no_text_reason_lists_the_accepted_field_names():
    problem = split(b'[{"title": "x"}]', "feed.json")[0]

    for field in ("text", "content", "body", "article", "fulltext"):
        assert field in problem.reason


def test_a_bad_json_line_spoils_only_that_record():
    data = b'{"text": "one"}\n{"text": "two"\n{"text": "three"}\n'
    members = split(data, "feed.jsonl")

    assert [(m.name, type(m).__name__) for m in members] == [
        ("feed.jsonl#1", "Member"),
        ("feed.jsonl#2", "MemberProblem"),
        ("feed.jsonl#3", "Member"),
    ]
    assert members[1].code == "bad_record"


def test_malformed_json_array_raises_corrupt_after_the_good_records():
    data = b'[{"text": "one"}, {"text": "two"}, {"text": '
    stream = iter_members(io.BytesIO(data), name="feed.json", limits=Limits())

    assert [m.content for m in (next(stream), next(stream))] == ["one", "two"]
    with pytest.raises(CorruptBundle, match="valid"):
        next(stream)


def test_a_single_json_object_is_a_one_article_bundle():
    pretty = json.dumps({"title": "T", "text": "Body"}, indent=2).encode()

    for data in (pretty, pretty.replace(b"\n", b"")):
        members = split(data, "one.json")
        assert [(m.name, m.content, m.hints.title) for m in members] == [("one.json#1", "Body", "T")]


def test_csv_quoted_fields_keep_embedded_newlines_commas_and_quotes():
    text = 'First paragraph, with a comma.\n\nSecond "quoted" paragraph.\r\nThird.'
    data = ("id;title;text\n" + '1;T;"' + text.replace('"', '""') + '"\n2;U;plain\n').encode()
    members = split(data, "feed.csv")

    assert [(m.name, m.content, m.hints.external_id) for m in members] == [
        ("feed.csv#1", text, "1"),
        ("feed.csv#2", "plain", "2"),
    ]


def test_csv_in_a_legacy_encoding_is_decoded():
    text = "Café au lait à Zürich – « déjà vu »"
    data = f"title,text\nT,{text}\n".encode("cp1252")

    assert [m.content for m in split(data, "feed.csv")] == [text]


def test_utf16_text_bundle_is_split_and_members_become_utf8():
    data = codecs.BOM_UTF16_LE + make_bundle("text-headers", SEEDS).decode().encode("utf-16-le")
    members = split(data, "bundle.txt")

    assert [m.name for m in members] == list(SEEDS)
    assert [m.content for m in members] == list(SEEDS.values())


def test_header_glued_to_an_unterminated_line_still_starts_a_new_article():
    data = make_bundle("text-headers", SEEDS)
    assert b"terrorism.=== 001_" in data  # the seeds have no final newline: headers are glued

    members = split(data, "all.txt")

    assert all(b"===" not in m.content for m in members)
    assert members[0].content.endswith(b"terrorism.")


def test_rule_lines_inside_a_scraped_article_do_not_split_it():
    path = next(p for p in sorted(DEV_ARTICLES.glob("*.txt")) if b"\n=====" in p.read_bytes())
    members = split(path.read_bytes(), path.name)

    assert [(m.name, m.content) for m in members] == [(path.name, path.read_bytes())]


@pytest.mark.parametrize(
    "separator", [b"\n\f\n", b"\n\n\f\f\n\n", b"\n\n-----\n\n", b"\n=====\n\n", b"\n\n---\n", b"\r\n\f\r\n"]
)
def test_separator_variants_split_plain_text(separator):
    members = split(separator.join([b"Alpha text.", b"Beta text.", b"Gamma text."]), "three.txt")

    assert [(m.name, m.content) for m in members] == [
        ("three.txt#1", b"Alpha text."),
        ("three.txt#2", b"Beta text."),
        ("three.txt#3", b"Gamma text."),
    ]


@pytest.mark.parametrize("codec", ["gzip", "bzip2", "xz"])
@pytest.mark.parametrize("kind", ["jsonl", "csv", "text-headers", "single-text", "json-object"])
def test_a_compressed_single_file_is_decompressed_and_split(codec, kind):
    articles = articles_for(kind)
    members = split(compress(make_bundle(kind, articles), codec), f"bundle.{codec}")

    assert [as_bytes(m.content) for m in members] == list(articles.values())


def test_a_gzipped_zip_is_spooled_and_read():
    members = split(compress(zip_bytes(SEEDS), "gzip"), "bundle.zip.gz", seekable=False)

    assert [m.name for m in members] == list(SEEDS)


def fixed(kind: str) -> tuple[bytes, str]:
    return make_bundle(kind, articles_for(kind))[:4096], FILE_NAMES[kind]


@pytest.mark.parametrize(
    ("head", "name", "expected"),
    [
        (*fixed("zip"), "zip"),
        (b"PK\x05\x06" + bytes(18), "", "zip"),
        (*fixed("tar"), "tar"),
        (*fixed("tar.gz"), "gzip"),
        (*fixed("tar.bz2"), "bzip2"),
        (*fixed("tar.xz"), "xz"),
        (*fixed("gz-jsonl"), "gzip"),
        (*fixed("jsonl"), "jsonl"),
        (*fixed("json-array"), "json"),
        (*fixed("json-object"), "json"),
        (*fixed("csv"), "csv"),
        (*fixed("text-headers"), "text"),
        (*fixed("single-text"), "text"),
        (b'\n  {"text": "one line object"}', "", "jsonl"),
        (b'{"articles": [{"text": "x"}]}', "", "json"),
        (b'{"text": "' + b"x" * 5000, "feed.jsonl", "jsonl"),
        (b'{"text": "' + b"x" * 5000, "feed.json", "json"),
        (b"[ ]", "", "json"),
        (b"[Updated] Aleppo news\nMore text.", "", "text"),
        (b"{Breaking} Aleppo news", "", "text"),
        (b"headline\tbody\tlink\nT\tB\tL\n", "", "csv"),
        (b"Title, subtitle and more\n", "", "text"),
        (b"name,words\nx,y\n", "list.csv", "csv"),
        (codecs.BOM_UTF8 + b"[{}]", "", "json"),
        ("[{}]".encode("utf-16"), "", "json"),
        ("Plain UTF-16 text without a BOM".encode("utf-16-le"), "", "text"),
        ("Texte accentué en latin-1".encode("latin-1"), "", "text"),
    ],
)
def test_detect_format_reads_content_not_the_name(head, name, expected):
    assert detect_format(head, name) == expected


@pytest.mark.parametrize("name", ["", "bundle.zip", "bundle.csv"])
def test_detect_format_prefers_magic_bytes_over_a_misleading_name(name):
    assert detect_format(make_bundle("jsonl", SEEDS), name) == "jsonl"
    assert detect_format(tar_bytes(SEEDS), name) == "tar"


@pytest.mark.parametrize("head", [b"", b"   \n\t\r\n  "])
def test_detect_format_rejects_empty_input(head):
    with pytest.raises(EmptyBundle):
        detect_format(head)


@pytest.mark.parametrize(
    "head",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(64),
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
        bytes(range(256)) * 4,
        b"\x00\x01\x02" * 10,
    ],
)
def test_detect_format_rejects_binary_and_lists_supported_formats(head):
    with pytest.raises(UnknownFormat) as caught:
        detect_format(head, "x.bin")
    assert SUPPORTED_FORMATS in str(caught.value)


def test_a_decorated_title_line_does_not_switch_to_header_mode():
    data = b"=== Monday's news ===\nThe body of a single article.\n"

    assert [(m.name, m.content) for m in split(data, "one.txt")] == [("one.txt", data)]


def test_header_names_may_contain_spaces_and_paths():
    data = b"=== dir/first file.txt\nOne.\n=== second.md\nTwo.\n"

    assert [(m.name, m.content) for m in split(data, "all.txt")] == [
        ("dir/first file.txt", b"One.\n"),
        ("second.md", b"Two.\n"),
    ]


def test_a_form_feed_glued_to_text_is_a_page_break_not_a_separator():
    pages = b"Page one of a converted document.\n\fPage two continues it."

    assert [(m.name, m.content) for m in split(pages, "doc.txt")] == [("doc.txt", pages)]
    # A lone trailing form feed separates nothing: still one article, named after the bundle.
    assert [(m.name, m.content) for m in split(pages + b"\n\f", "doc.txt")] == [("doc.txt", pages)]


# bzip2 decompresses nothing before a whole block (up to 900 kB) is read, so only a small tar.bz2 is told apart
# within the 4 KiB head; a large one stays labelled bzip2.
@pytest.mark.parametrize(
    ("codec", "label", "files"),
    [
        ("gzip", "tar.gz", load_seeds()),
        ("xz", "tar.xz", load_seeds()),
        ("bzip2", "tar.bz2", {"a.txt": b"A short article about the harbour."}),
    ],
)
def test_a_compressed_tar_is_labelled_as_one_not_by_its_compression(codec, label, files):
    from newsdrop.bundles import HEAD_BYTES, format_label

    bundle = compress(tar_bytes(files), codec)
    assert detect_format(bundle[:4096]) == codec  # what the splitter opens first
    assert format_label(bundle[:4096]) == label  # what the bundle record shows
    assert format_label(compress(b'{"text": "one article"}\n', codec)[:HEAD_BYTES]) == codec
