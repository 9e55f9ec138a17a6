"""HTML path edits of the chosen main content: the described standfirst back in its place, slides, kickers, teaser lists."""

from __future__ import annotations

import pytest

from newsdrop.text.main_edits import (
    bare_key,
    described_lines,
    without_about_boilerplate,
    without_headline_lists,
    without_kicked_headline,
    without_slides,
    without_split_kicker,
)

_LEAD = "Exporters welcomed the agreement on Tuesday, saying a year of doubt had cost them orders."
_MAIN = [
    "The minister said the new agreement would take effect next month.",
    "Officials said more talks were planned.",
]
_WORDY = "Exporters welcome the deal after a year of doubt and lost orders"


@pytest.mark.parametrize(
    ("page_lines", "main_lines", "descriptions", "expected"),
    [
        # the standfirst under the headline that the page states as its description comes back above the story
        (["Menu", "Talks resume", "By Jane Doe", _LEAD, "Share", *_MAIN], _MAIN, {_LEAD}, [_LEAD, *_MAIN]),
        # between the extracted lines (the extractor started at the dateline above it): back in its place
        (
            ["Talks resume", "Berlin, 4 May", _LEAD, *_MAIN],
            ["Berlin, 4 May", *_MAIN],
            {_LEAD},
            ["Berlin, 4 May", _LEAD, *_MAIN],
        ),
        # no closing full stop but six words or more: still the standfirst
        (["Talks resume", _WORDY, *_MAIN], _MAIN, {_WORDY}, [_WORDY, *_MAIN]),
        # not the description: a caption or teaser in the same place stays out
        (["Talks resume", _LEAD, *_MAIN], _MAIN, {"Something else entirely, said in a sentence."}, _MAIN),
        # printed twice (a teaser that repeats): not the standfirst
        (["Talks resume", _LEAD, _LEAD, *_MAIN], _MAIN, {_LEAD}, _MAIN),
        # below the main content's last line (a teaser of the page in a footer widget): stays out
        (["Talks resume", *_MAIN, _LEAD], _MAIN, {_LEAD}, _MAIN),
        # already in the main content: nothing added
        (["Talks resume", _LEAD, *_MAIN], [_LEAD, *_MAIN], {_LEAD}, [_LEAD, *_MAIN]),
        # a short label, even if it is the description, is not a standfirst
        (["Talks resume", "Breaking news", *_MAIN], _MAIN, {"Breaking news"}, _MAIN),
        # a page without a description: the main content as it is
        (["Talks resume", _LEAD, *_MAIN], _MAIN, set(), _MAIN),
    ],
)
def test_described_lines_bring_back_the_standfirst_the_page_states_as_its_description(
    page_lines: list[str], main_lines: list[str], descriptions: set[str], expected: list[str]
) -> None:
    keys = frozenset(bare_key(text) for text in descriptions)
    assert described_lines(page_lines, list(main_lines), keys) == expected


_STORY = [
    "Bed bugs spread through hotels faster than most travellers think.",
    "Keep your luggage off the bed.",
]


@pytest.mark.parametrize(
    ("main_lines", "expected"),
    [
        # a slideshow of other stories, counted 1/50, 2/50 ...: out
        ([*_STORY, *[f"- {n}/50 Headline {n} Some caption of slide {n}." for n in range(1, 6)]], _STORY),
        # "N of M" counters too, and the story after the gallery stays
        ([_STORY[0], *[f"{n} of 4 Picture {n}" for n in range(1, 5)], _STORY[1]], _STORY),
        # a slideshow page: the captions are all there is, so they stay
        (
            [f"{n}/3 Slide {n} shows the harbour wall." for n in range(1, 4)],
            [f"{n}/3 Slide {n} shows the harbour wall." for n in range(1, 4)],
        ),
        # two counted lines are no gallery
        ([*_STORY, "1/2 First", "2/2 Second"], [*_STORY, "1/2 First", "2/2 Second"]),
        # a recipe's fractions do not count up: kept
        (
            ["1/3 teaspoon cumin seeds", "1/2 cup of water", "2/3 cup of rice"],
            ["1/3 teaspoon cumin seeds", "1/2 cup of water", "2/3 cup of rice"],
        ),
        # counters of different totals are not one gallery
        (["1/5 a", "2/6 b", "3/7 c"], ["1/5 a", "2/6 b", "3/7 c"]),
        # a date is not a counter
        (
            ["1/05/2024 one", "2/05/2024 two", "3/05/2024 three"],
            ["1/05/2024 one", "2/05/2024 two", "3/05/2024 three"],
        ),
    ],
)
def test_without_slides_drops_a_gallerys_counted_captions(main_lines: list[str], expected: list[str]) -> None:
    assert without_slides(main_lines) == expected


_STORY = "The central bank admitted on Friday that its supervisors had missed the warning signs."


@pytest.mark.parametrize(
    ("main_lines", "title", "expected"),
    [
        # A kicker glued in front of the printed headline: that line is the headline, not text.
        (["Bank collapseFed admits failures in its supervision", _STORY], "Fed admits failures in its supervision",
         [_STORY]),
        # The headline's words with other punctuation (a colon lost between spans): the headline.
        (["Flood inquiry Two resignations - and many open questions", _STORY],
         "Flood inquiry: Two resignations - and many open questions", [_STORY]),
        # A line printing the headline exactly is the cleaner's to mark; a longer line holding it stays (a dateline).
        (["Fed admits failures in its supervision", "WASHINGTON, May 2 - Title: Fed admits failures in its supervision",
          _STORY], "Fed admits failures in its supervision",
         ["Fed admits failures in its supervision", "WASHINGTON, May 2 - Title: Fed admits failures in its supervision",
          _STORY]),
        # More than a kicker in front: a sentence that ends with the headline's words stays.
        (["Then, after many months of quiet talks and a long night, the Fed admits failures in its supervision",
          _STORY], "Fed admits failures in its supervision",
         ["Then, after many months of quiet talks and a long night, the Fed admits failures in its supervision",
          _STORY]),
        # Below the first lines the headline's words are a quote of it, not the headline.
        ([_STORY] * 6 + ["Bank collapse: Fed admits failures in its supervision"],
         "Fed admits failures in its supervision",
         [_STORY] * 6 + ["Bank collapse: Fed admits failures in its supervision"]),
    ],
)  # fmt: skip
def test_without_kicked_headline(main_lines: list[str], title: str, expected: list[str]) -> None:
    assert without_kicked_headline(main_lines, title) == expected


_TITLE = "The Open Journalism Project: Better Student Journalism"


@pytest.mark.parametrize(
    ("main_lines", "title", "expected"),
    [
        # the headline's kicker on a line of its own over the headline's rest: the kicker goes, the rest stays
        (["Open Journalism Project:", "Better Student Journalism", _STORY], _TITLE, ["Better Student Journalism", _STORY]),
        # below a line or two of the main content's opening too
        (["Updated", "Open Journalism Project:", "Better Student Journalism", _STORY], _TITLE,
         ["Updated", "Better Student Journalism", _STORY]),
        # no colon, or the next line is not the headline's rest, or the line is longer than a kicker
        (["Open Journalism Project", "Better Student Journalism", _STORY], _TITLE,
         ["Open Journalism Project", "Better Student Journalism", _STORY]),
        (["Open Journalism Project:", _STORY], _TITLE, ["Open Journalism Project:", _STORY]),
        (["Here is what the Open Journalism Project is about:", "Better Student Journalism", _STORY], _TITLE,
         ["Here is what the Open Journalism Project is about:", "Better Student Journalism", _STORY]),
        # a lead-in of the story that the headline happens to end with is far below the opening
        ([_STORY] * 6 + ["Open Journalism Project:", "Better Student Journalism"], _TITLE,
         [_STORY] * 6 + ["Open Journalism Project:", "Better Student Journalism"]),
        ([_STORY], "", [_STORY]),
        # a main content whose last line (here its only one) closes on a colon: no line under it to read
        (["Open Journalism Project:"], _TITLE, ["Open Journalism Project:"]),
        ([_STORY, "Read more:"], _TITLE, [_STORY, "Read more:"]),
    ],
)  # fmt: skip
def test_without_split_kicker(main_lines: list[str], title: str, expected: list[str]) -> None:
    assert without_split_kicker(main_lines, title) == expected


_P1 = "The council voted on Tuesday to close the old bridge to heavy traffic from next month."
_P2 = "Engineers had warned for years that the steel beams were corroding faster than expected."
# A table of contents between the opening paragraphs, its items printed again as the section headings.
_CONTENTS = [
    _P1,
    "- Why the beams corrode so fast",
    "- What the closure means for drivers",
    _P2,
    "Why the beams corrode so fast",
    _P2,
]
_TEASERS = [
    "- Mayor resigns after months of pressure from his own party",
    "- New tram line opens two years late",
]


@pytest.mark.parametrize(
    ("main_lines", "expected"),
    [
        # other stories' headlines listed between two paragraphs of the story: out
        ([_P1, *_TEASERS, _P2], [_P1, _P2]),
        # one item alone is no list of teasers
        ([_P1, _TEASERS[0], _P2], [_P1, _TEASERS[0], _P2]),
        # a fact list's short items ("- Ruler", "- 10 GB data") stay
        (
            [_P1, "- Steel beams", "- Two lanes", "- Built 1962", _P2],
            [_P1, "- Steel beams", "- Two lanes", "- Built 1962", _P2],
        ),
        # the story's own points end a sentence or a clause: they stay
        (
            [_P1, "- The bridge closes to lorries next month.", "- Buses will take a detour,", _P2],
            [_P1, "- The bridge closes to lorries next month.", "- Buses will take a detour,", _P2],
        ),
        # a table of contents: its items come back as the story's section headings, so the list stays
        (_CONTENTS, _CONTENTS),
        # at the story's end (no paragraph below) the edge and tail edits decide, not this one
        ([_P1, *_TEASERS], [_P1, *_TEASERS]),
        # under a heading or label rather than a paragraph: left alone
        (["Read more", *_TEASERS, _P2], ["Read more", *_TEASERS, _P2]),
        # a label over the list, between the story's paragraphs, goes with it
        ([_P1, "Read more", *_TEASERS, _P2], [_P1, _P2]),
        # a section's heading under the list stays, the list goes
        ([_P1, *_TEASERS, "Council responds", _P2], [_P1, "Council responds", _P2]),
        # a paragraph closing on a German quote is a paragraph
        (
            [
                _P1,
                *_TEASERS,
                "„Das muss man sich als Betroffener erst mal leisten können, und darum wird es am Ende gehen.“",
            ],
            [
                _P1,
                "„Das muss man sich als Betroffener erst mal leisten können, und darum wird es am Ende gehen.“",
            ],
        ),
        # a sentence leading into the story's own list is no label: the list stays
        (
            [_P1, "Traditionally, your options are limited: either", *_TEASERS, _P2],
            [_P1, "Traditionally, your options are limited: either", *_TEASERS, _P2],
        ),
    ],
)
def test_without_headline_lists_drops_teasers_between_paragraphs(
    main_lines: list[str], expected: list[str]
) -> None:
    assert without_headline_lists(main_lines) == expected


_RELEASE = [
    "Acme and Borealis introduce a joint alarm system for hospitals in North America.",
    "Acme said the system would reach the first hospitals in the spring.",
    "Borealis and Acme have worked together in Europe since 2015, the companies said.",
]
_ABOUT = [
    "Acme is a global solutions provider focused on healthcare communication and workflow.",
    "Acme is headquartered in Baar (Switzerland) and employs around 1,300 people worldwide.",
]


@pytest.mark.parametrize(
    ("main_lines", "expected"),
    [
        # two paragraphs under the story, each opening with a company the story names and what it is
        ([*_RELEASE, *_ABOUT], _RELEASE),
        # with the "About Acme" label above them
        ([*_RELEASE, "About Acme", *_ABOUT], _RELEASE),
        # one such line is the story's closing sentence about its subject
        ([*_RELEASE, _ABOUT[0]], [*_RELEASE, _ABOUT[0]]),
        # an author's note: a name the story does not use
        (
            [*_RELEASE, "Jane Doe is a reporter for the Herald.", "Jane Doe is based in Boston."],
            [*_RELEASE, "Jane Doe is a reporter for the Herald.", "Jane Doe is based in Boston."],
        ),
        # the story names the company once only: not its subject
        ([_RELEASE[0], *_ABOUT], [_RELEASE[0], *_ABOUT]),
        # two different names: no one party's boilerplate
        (
            [*_RELEASE, _ABOUT[0], "Borealis is a maker of patient monitors."],
            [*_RELEASE, _ABOUT[0], "Borealis is a maker of patient monitors."],
        ),
        # a main content that is only the boilerplate is left whole
        (_ABOUT, _ABOUT),
    ],
)
def test_without_about_boilerplate(main_lines: list[str], expected: list[str]) -> None:
    assert without_about_boilerplate(main_lines) == expected
