"""Formatting for people: counts, sizes, and the source view of `newsdrop get --removed`."""

from __future__ import annotations

import pytest
from rich.console import Console

from newsdrop_cli import render
from newsdrop_cli.render import counts_text, human_bytes, short_time, source_lines


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (None, "-"),
        (0, "0 bytes"),
        (999, "999 bytes"),
        (3013, "3.0 kB"),  # 2.9 KiB: once shown as "2.9 KB" on the record while the upload bar said 3.0 kB
        (5_500_000, "5.5 MB"),
        (3 * 10**12, "3.0 TB"),
    ],
)
def test_human_bytes(size, text):
    assert human_bytes(size) == text


def test_record_sizes_use_the_upload_bars_units():
    from rich.progress import DownloadColumn, Progress

    progress = Progress()
    task = progress.add_task("upload", total=3013, completed=3013)
    bar = DownloadColumn().render(progress.tasks[task]).plain
    assert bar.endswith(human_bytes(3013).split()[1]) and human_bytes(3013).split()[0] in bar


def test_counts_text_fills_missing_counts_with_zero():
    assert counts_text({"members": 7, "articles": 5, "new": 4, "duplicates": 1, "failed": 2}) == (
        "members 7, articles 5 (new 4, duplicates 1), skipped 0, failed 2"
    )
    assert counts_text(None).startswith("members 0, articles 0")


@pytest.mark.parametrize(
    ("stamp", "text"), [(None, "-"), ("2026-11-22T05:00:01.123Z", "2026-11-22 05:00:01")]
)
def test_short_time(stamp, text):
    assert short_time(stamp) == text


def removed(n, text, role="boilerplate", rule="share_prompt"):
    return {"n": n, "text": text, "role": role, "rule": rule}


def shape(lines):
    return [(line.n, line.text, line.removed) for line in lines]


def test_double_spaced_source_puts_paragraphs_between_removed_lines():
    # Lines: 1 title, 3 date, 5 P1, 7 P2, 9 share, 11 P3, 13 footer.
    body = "P1\n\nP2\n\nP3"
    shown = source_lines(
        body,
        [
            removed(13, "footer"),
            removed(1, "Title", "title", "headline"),
            removed(3, "Dec 1", "date", "date_line"),
            removed(9, "Share"),
        ],
    )
    assert shape(shown) == [
        (1, "Title", True),
        (3, "Dec 1", True),
        (None, "P1", False),
        (None, "P2", False),
        (9, "Share", True),
        (None, "P3", False),
        (13, "footer", True),
    ]


def test_single_spaced_source_uses_every_gap_line():
    # Lines: 1 title, 2 byline, 3 P1, 4 P2, 5 share, 6 P3.
    shown = source_lines(
        "P1\n\nP2\n\nP3", [removed(1, "T", "title"), removed(2, "By X", "byline"), removed(5, "Share")]
    )
    assert shape(shown) == [
        (1, "T", True),
        (2, "By X", True),
        (None, "P1", False),
        (None, "P2", False),
        (5, "Share", True),
        (None, "P3", False),
    ]


def test_nothing_removed_is_just_the_body():
    assert shape(source_lines("A\n\nB", [])) == [(None, "A", False), (None, "B", False)]


def test_print_source_lines_marks_role_and_rule():
    console = Console(record=True, width=200)
    render.print_source_lines(
        console, source_lines("Kept text", [removed(3, "Share this", rule="share_prompt")])
    )
    text = console.export_text()
    assert "- " in text and "Share this" in text and "[boilerplate/share_prompt]" in text
    assert "+      Kept text" in text


def test_bundle_view_lists_errors():
    console = Console(record=True, width=200)
    render.print_bundle(
        console,
        {
            "bundle_id": "abc",
            "status": "PARTIAL",
            "key": "incoming/x.zip",
            "size": 2048,
            "counts": {"members": 2, "articles": 1, "new": 1, "failed": 1},
            "errors": [{"member": "bad.txt", "code": "binary", "reason": "not text; remove it"}],
            "errors_truncated": 3,
        },
    )
    text = console.export_text()
    assert "PARTIAL" in text and "incoming/x.zip" in text and "2.0 kB" in text
    assert "bad.txt" in text and "binary" in text and "not text; remove it" in text and "3 more" in text


def test_api_lines_are_shown_exactly_with_their_numbers():
    article = {
        "body": "Kept text",
        "removed": [removed(1, "Title", "title", "headline")],
        "lines": [
            {"n": 1, "text": "Title", "role": "title", "rule": "headline", "removed": True},
            {"n": 3, "text": "Kept text", "role": "body", "rule": "article_region", "removed": False},
            {"n": 4, "text": "Background", "role": "subheading", "rule": "crosshead", "removed": False},
        ],
    }
    lines = render.article_lines(article)
    assert shape(lines) == [(1, "Title", True), (3, "Kept text", False), (4, "Background", False)]
    console = Console(record=True, width=200)
    render.print_source_lines(console, lines)
    text = console.export_text()
    assert "+    3 Kept text" in text and "placed between" not in text


def test_articles_without_api_lines_fall_back_to_the_inferred_view():
    lines = render.article_lines({"body": "A", "removed": [removed(1, "T", "title")]})
    assert shape(lines) == [(1, "T", True), (None, "A", False)]


def test_similar_table_shows_similarity_with_three_decimals_first():
    from rich.console import Console

    console = Console(width=200, record=True)
    items = [{"id": "a" * 32, "similarity": 0.8, "source": "Coast Times", "published": None, "title": "T"}]
    console.print(render.similar_table(items, title="Similar"))
    text = console.export_text()
    header = next(line for line in text.splitlines() if "similarity" in line)
    assert header.index("similarity") < header.index("id") < header.index("source") < header.index("title")
    assert "0.800" in text and "a" * 32 in text and "Coast Times" in text


def test_status_table_shows_whole_keys_on_a_narrow_terminal():
    from newsdrop_cli.render import bundles_table

    key = "incoming/2026/12/partner-exports/very-long-bundle-name-from-the-partner-feed.tar.gz"
    console = Console(record=True, width=100)
    console.print(bundles_table([{"bundle_id": "b" * 24, "status": "DONE", "key": key, "size": 3013}]))
    text = console.export_text()
    assert "…" not in text
    assert key in "".join(line.split("│")[3].strip() for line in text.splitlines() if line.count("│") > 3)
