"""The HTML path's combination of trafilatura's readings with the line cleaner's reading of the page text."""

from __future__ import annotations

import re

import pytest

from newsdrop.models import Hints
from newsdrop.text import html as html_module
from newsdrop.text.combine import agreement, choose_reading, combine, extend_at_edges
from newsdrop.text.html_reading import Readings
from tests.unit.combine_fixtures import MENU, SHARE, STORY, TEASERS


@pytest.mark.parametrize(
    ("text", "other", "expected"),
    [
        ("one two three four five", "one two three four five", 1.0),
        ("one two three four five", "six seven eight nine ten", 0.0),
        # 2 shared shingles of 2 + 5: 2 * 2 / 7.
        ("a b c d e", "a b c d e f g h", 2 * 2 / 7),
        ("", "", 0.0),
        ("short", "short", 1.0),
    ],
)
def test_agreement_is_the_f1_of_the_two_readings_shingles(text: str, other: str, expected: float) -> None:
    assert agreement(text, other) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("readings", "reference", "expected"),
    [
        # The reading that took the teaser list for the story agrees less with the page's reading.
        (["\n".join(TEASERS + STORY[:1]), "\n".join(STORY)], "\n".join(STORY), 1),
        (["\n".join(STORY), "\n".join(STORY + TEASERS)], "\n".join(STORY), 0),
        # Equal agreement: the first reading (trafilatura's default) stays.
        (["\n".join(STORY), "\n".join(STORY)], "\n".join(STORY), 0),
    ],
)
def test_the_reading_closest_to_the_page_cleaners_reading_is_chosen(
    readings: list[str], reference: str, expected: int
) -> None:
    assert choose_reading(readings, reference) == expected


HEADLINES = ["Local team wins the regional cup", "Bakery closes after forty years", "New bus timetable"]
PAGE_TEXT = "\n".join(["Harbour wall to be rebuilt", MENU, *STORY, "Related", *HEADLINES])
HINTS = Hints(title="Harbour wall to be rebuilt")


def test_combine_prefers_the_reading_that_agrees_with_the_page_text_and_extends_it() -> None:
    teaser_reading = "\n".join([STORY[0], *HEADLINES])
    text = combine(teaser_reading, lambda: "\n".join(STORY[1:]), PAGE_TEXT, HINTS).text
    assert text.split("\n") == STORY


def test_combine_reads_the_second_reading_only_when_it_doubts_the_first() -> None:
    asked: list[bool] = []

    def recall() -> str:
        asked.append(True)
        return "\n".join(STORY)

    assert combine("\n".join(STORY), recall, PAGE_TEXT, HINTS).text.split("\n") == STORY
    assert not asked
    combine("\n".join([STORY[0], *HEADLINES]), recall, PAGE_TEXT, HINTS)
    assert asked


def test_combine_keeps_the_default_reading_when_the_second_is_empty() -> None:
    teaser_reading = [STORY[0], *HEADLINES]
    # The story's other paragraphs lie inside the reading's span on the page, not at its edges: not added.
    assert combine("\n".join(teaser_reading), lambda: "", PAGE_TEXT, HINTS).text.split("\n") == teaser_reading


ARTICLE_PAGE = (
    "<!doctype html><html><head><title>Harbour wall to be rebuilt | Coast News</title></head><body>"
    '<nav><a href="/">Home</a></nav><main><article><h1>Harbour wall to be rebuilt</h1>'
    + "".join(f"<p>{paragraph}</p>" for paragraph in STORY)
    + "</article></main><footer><p>Contact us</p></footer></body></html>"
)


def test_extract_reuses_given_readings_and_keeps_trafilaturas_own_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = html_module.extract(ARTICLE_PAGE)
    assert first.main_content
    assert first.readings is not None
    assert first.extractor_text == first.readings.text

    def refuse(html: str) -> Readings:
        raise AssertionError("trafilatura read the page again")

    monkeypatch.setattr(html_module, "read_with_trafilatura", refuse)
    again = html_module.extract(ARTICLE_PAGE, model=None, readings=first.readings)
    assert again.text == first.text
    assert [line for line in again.text.split("\n") if line][-len(STORY) :] == STORY


def test_extract_reads_the_recall_reading_only_when_the_default_is_in_doubt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def counting(html: str) -> str:
        asked.append(html)
        return ""

    monkeypatch.setattr(html_module, "read_for_recall", counting)
    # trafilatura's default reading is the whole story, which the page cleaner keeps too: no second pass.
    html_module.extract(ARTICLE_PAGE)
    assert not asked
    # A default reading that is only a teaser list agrees little with the page cleaner: the second pass runs.
    teasers = Readings(text="\n".join([*HEADLINES, STORY[0]]))
    found = html_module.extract(ARTICLE_PAGE, readings=teasers)
    assert asked == [ARTICLE_PAGE]
    assert found.readings is not None and found.readings.recall_text == ""


LEAD_IN = "More on the storm and the repairs in our live blog:"
BOX = ["Live: storm damage along the coast", "Harbour master warns boat owners"]


@pytest.mark.parametrize(("box_cut", "lead_in_stays"), [(True, False), (False, True)])
def test_a_lead_in_the_tail_edits_leave_last_goes(
    monkeypatch: pytest.MonkeyPatch, box_cut: bool, lead_in_stays: bool
) -> None:
    """The box a lead-in introduces, cut as the site's box under the story: the lead-in, now last, goes too."""
    reading = Readings(text="\n".join([*STORY, LEAD_IN, *BOX]))
    if box_cut:
        monkeypatch.setattr(
            html_module,
            "without_witness_tail",
            lambda lines, kept, after, *rest: [line for line in lines if line not in BOX],
        )
    else:
        monkeypatch.setattr(html_module, "without_witness_tail", lambda lines, kept, after, *rest: lines)
    lines = html_module.extract(ARTICLE_PAGE, readings=reading).text.split("\n")
    assert (LEAD_IN in lines) is lead_in_stays
    assert STORY[-1] in lines


_BODY = "".join(f"<p>{paragraph}</p>" for paragraph in STORY)


@pytest.mark.parametrize(
    "page",
    [
        # og: tags, JSON-LD and a canonical link.
        "<html><head><title>Harbour wall to be rebuilt | Coast News</title>"
        '<meta property="og:title" content="Harbour  wall to be rebuilt &amp; widened">'
        '<meta property="og:site_name" content="@coastnews">'
        '<link rel="canonical" href="https://news.example.org/harbour-wall">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour wall rebuilt",'
        ' "datePublished": "2024-03-05T09:30:00Z", "publisher": {"name": "Coast News"}}</script>'
        f"</head><body><main><article><h1>Harbour wall to be rebuilt</h1>{_BODY}</article></main></body></html>",
        # No metadata tags: the title from <title> or the <h1>, the day printed in the text, no site name.
        "<html><head><title>Harbour wall to be rebuilt</title></head><body><main><article>"
        f"<h1>Harbour wall to be rebuilt</h1><p>Published 12 May 2023</p>{_BODY}</article></main></body></html>",
        # Only a URL: the site name from it.
        '<html><head><meta property="og:url" content="https://www.coastnews.example/a/1">'
        f"</head><body><article><h2>Works</h2>{_BODY}</article></body></html>",
    ],
)
def test_trafilatura_reading_keeps_extract_metadatas_title_day_site_and_url(page: str) -> None:
    import trafilatura
    from trafilatura.metadata import extract_metadata

    expected = extract_metadata(page)
    read = html_module.read_with_trafilatura(page)
    assert (read.title, read.date, read.sitename, read.url) == (
        expected.title,
        expected.date,
        expected.sitename,
        expected.url,
    )
    whole = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=True, deduplicate=False
    )
    assert whole is not None
    assert read.text == whole.text and read.title == whole.title and read.date == whole.date


@pytest.mark.parametrize(
    ("below", "after"),
    [
        # widget labels under the story: past the witness's region, as footer
        (["Videos on this topic", "Posts from the forum"], {"Videos on this topic", "Posts from the forum"}),
        # a "Related" list is dropped by its own rule (navigation), not as what follows the story's end
        (["Related", *HEADLINES], set()),
        # nothing under the story
        ([], set()),
    ],
)
def test_combine_returns_the_lines_the_witness_put_below_the_storys_end(
    below: list[str], after: set[str]
) -> None:
    page = "\n".join(["Harbour wall to be rebuilt", MENU, *STORY, *below])
    combined = combine("\n".join(STORY), lambda: "", page, HINTS)
    assert combined.witness_after == after
    assert combined.witness_kept == set(STORY)


def _keys(lines: list[str]) -> frozenset[str]:
    return frozenset(" ".join(re.findall(r"\w+", line.casefold())) for line in lines)


@pytest.mark.parametrize(
    ("page", "kept", "other", "expected"),
    [
        # A paragraph the chosen reading skipped, kept by the witness and held by the other reading: it joins.
        (STORY, STORY, STORY, STORY),
        ([MENU, STORY[0], MENU, STORY[1], STORY[2], SHARE, STORY[3]], STORY, STORY, STORY),
        # Without the other reading (none was read), or when it lacks the line, the hole stays.
        (STORY, STORY, [], [STORY[0], STORY[1], STORY[3]]),
        (STORY, STORY, [STORY[0], STORY[1], STORY[3]], [STORY[0], STORY[1], STORY[3]]),
        # The witness dropped it (a pull quote, a teaser): it stays out.
        (STORY, [STORY[0], STORY[1], STORY[3]], STORY, [STORY[0], STORY[1], STORY[3]]),
        # Kept but no prose (a label both readings hold): out.
        ([STORY[0], STORY[1], MENU, STORY[3]], [*STORY, MENU], [*STORY, MENU], [STORY[0], STORY[1], STORY[3]]),
    ],
)  # fmt: skip
def test_a_hole_inside_the_reading_is_filled_where_the_other_reading_and_the_witness_agree(
    page: list[str], kept: list[str], other: list[str], expected: list[str]
) -> None:
    extracted = [STORY[0], STORY[1], STORY[3]]
    assert extend_at_edges(extracted, page, frozenset(kept), other=_keys(other)) == expected


def test_combine_fills_a_hole_from_the_reading_it_did_not_choose() -> None:
    # The default reading skipped a paragraph and took teasers (so a second reading is read); the second
    # reading, chosen less, holds the skipped paragraph.
    default = [STORY[0], STORY[1], STORY[3], *TEASERS]
    chosen = combine("\n".join(default), lambda: "\n".join([STORY[2], *TEASERS]), PAGE_TEXT, HINTS).text
    assert chosen.split("\n") == [*STORY, *TEASERS]
    assert combine("\n".join(default), lambda: "", PAGE_TEXT, HINTS).text.split("\n") == default
