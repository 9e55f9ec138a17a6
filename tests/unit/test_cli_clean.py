"""`newsdrop clean` splits and cleans bundles offline: gold bodies for the seed zip, problems on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsdrop_cli.main import cli
from tests.bundle_factory import jsonl_bytes, load_seeds, zip_bytes

ROOT = Path(__file__).resolve().parents[2]
GOLD = {
    p.stem + ".txt": json.loads(p.read_text(encoding="utf-8"))
    for p in (ROOT / "data" / "seeds-gold").glob("*.json")
}
API_ARTICLE_FIELDS = {
    "id",
    "title",
    "body",
    "published",
    "source",
    "news_id",
    "kicker",
    "language",
    "word_count",
    "byline",
    "removed",
}


@pytest.fixture
def no_aws(monkeypatch):
    """Offline means offline: any boto3 client creation fails the test."""
    import boto3

    def refuse(*args, **kwargs):
        raise AssertionError("newsdrop clean must not create AWS clients")

    monkeypatch.setattr(boto3, "client", refuse)
    monkeypatch.setattr(boto3.session.Session, "client", refuse)
    monkeypatch.delenv("NEWSDROP_API_URL", raising=False)


def run_clean(*paths: Path):
    return CliRunner().invoke(cli, ["clean", *map(str, paths)])


def lines_of(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_seed_zip_gives_the_five_gold_bodies(tmp_path, no_aws):
    bundle = tmp_path / "seeds.zip"
    bundle.write_bytes(zip_bytes(load_seeds()))
    result = run_clean(bundle)
    assert result.exit_code == 0, result.output
    records = lines_of(result.stdout)
    assert sorted(r["member"] for r in records) == sorted(GOLD)
    for record in records:
        gold = GOLD[record["member"]]
        assert record["body"] == gold["body"]
        assert record["title"] == gold["title"]
        assert record["source"] == gold["source"]
        assert set(record) >= API_ARTICLE_FIELDS
        assert len(record["id"]) == 32
        removed_numbers = {line["n"] for line in record["removed"]}
        gold_removed = {line["n"] for line in gold["lines"] if line["role"] not in ("body", "subheading")}
        assert removed_numbers == gold_removed
        assert all(line["rule"] for line in record["removed"])


def test_several_files_are_cleaned_in_order_and_ids_come_from_the_source(tmp_path, no_aws):
    seeds = load_seeds()
    (tmp_path / "a.zip").write_bytes(zip_bytes(seeds))
    (tmp_path / "b.jsonl").write_bytes(jsonl_bytes(seeds))
    (tmp_path / "c.zip").write_bytes(zip_bytes(dict(reversed(seeds.items()))))
    (tmp_path / "d.jsonl").write_bytes(jsonl_bytes(dict(reversed(seeds.items()))))
    paths = [tmp_path / name for name in ("a.zip", "b.jsonl", "c.zip", "d.jsonl")]
    result = run_clean(*paths)
    assert result.exit_code == 0, result.output
    records = lines_of(result.stdout)
    assert len(records) == 20
    a, b, c, d = records[:5], records[5:10], records[10:15], records[15:]
    assert all(r["member"] in seeds for r in a + c)
    assert all(r["member"] not in seeds for r in b + d)  # JSON Lines members are named by record
    # Text members have no URL: the file and member name are part of the id, so copies differ.
    assert {r["member"] for r in a} == {r["member"] for r in c}
    assert not {r["id"] for r in a} & {r["id"] for r in c}
    # Records with a url field: one id per URL, whichever file and position.
    assert {r["url"]: r["id"] for r in b} == {r["url"]: r["id"] for r in d}
    assert len({r["id"] for r in b}) == 5
    again = lines_of(run_clean(paths[0]).stdout)
    assert [r["id"] for r in again] == [r["id"] for r in a], "ids are deterministic"


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", b"", "empty_bundle"),
        ("noise.bin", bytes(range(256)) * 8, "unknown_format"),
        ("broken.zip", zip_bytes(load_seeds())[:300], "corrupt_bundle"),
    ],
)
def test_unreadable_bundle_is_reported_on_stderr_with_exit_1(tmp_path, no_aws, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    result = run_clean(path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{path}: (bundle): {code}" in result.stderr


def test_bad_member_is_reported_and_good_members_still_printed(tmp_path, no_aws):
    files = dict(load_seeds())
    files["picture.txt"] = bytes(range(256)) * 16
    path = tmp_path / "mixed.zip"
    path.write_bytes(zip_bytes(files))
    result = run_clean(path)
    assert result.exit_code == 1
    assert len(lines_of(result.stdout)) == 5
    assert "picture.txt" in result.stderr
    assert "binary" in result.stderr or "undecodable" in result.stderr


def test_junk_members_are_skipped_silently(tmp_path, no_aws):
    files = dict(load_seeds())
    files["__MACOSX/._000.txt"] = b"\x00\x05\x16\x07"
    files[".DS_Store"] = b"\x00\x00\x00\x01Bud1"
    path = tmp_path / "mac.zip"
    path.write_bytes(zip_bytes(files))
    result = run_clean(path)
    assert result.exit_code == 0, result.stderr
    assert len(lines_of(result.stdout)) == 5
    assert result.stderr == ""


def test_missing_file_is_a_usage_error(tmp_path, no_aws):
    result = run_clean(tmp_path / "nope.zip")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


STORY = [
    "The council approved the budget on Tuesday after a long debate about schools, roads and the harbour.",
    "Opponents said the plan raised taxes too far, while supporters pointed to repairs that were long delayed.",
    "The new budget takes effect in January and will be reviewed again by the council in the spring.",
]
HTML_PAGE = f"""<!doctype html><html><head><title>Budget passes | Daily Courier</title></head>
<body><header><nav><ul><li><a href="/world">World news</a></li><li><a href="/sport">Sport pages</a></li></ul></nav>
</header><main><article><h1>Budget passes</h1>{"".join(f"<p>{p}</p>" for p in STORY)}</article></main>
<footer><p>Copyright 2019 Daily Courier. All rights reserved.</p></footer></body></html>"""


def test_removed_shows_what_extraction_dropped_from_an_html_member_in_page_order(tmp_path, no_aws):
    path = tmp_path / "pages.zip"
    path.write_bytes(zip_bytes({"story.html": HTML_PAGE.encode("utf-8")}))
    result = CliRunner().invoke(cli, ["clean", "--removed", str(path)], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "story.html: Budget passes"
    struck = {line for line in lines if line.startswith("- ")}
    assert any("World news" in line and "[boilerplate/extraction]" in line for line in struck)
    assert any(
        "Copyright 2019 Daily Courier" in line and "[boilerplate/extraction]" in line for line in struck
    )
    kept = [line for line in lines if line.startswith("+ ")]
    assert len(kept) == 3 and all(paragraph in line for paragraph, line in zip(STORY, kept, strict=True))
    order = [
        next(i for i, line in enumerate(lines) if text in line)
        for text in ("World news", STORY[0], "Copyright")
    ]
    assert order == sorted(order), "extraction-dropped lines sit in page order among the kept ones"

    as_json = lines_of(run_clean(path).stdout)[0]
    removed = [line for line in as_json["lines"] if line["removed"] and line["rule"] == "extraction"]
    assert {line["text"] for line in removed} >= {"World news", "Sport pages"}
    assert as_json["body"].split("\n\n") == STORY
