"""Speed pass 21's fast paths give what the plain computations they replace give."""

from __future__ import annotations

import math
import re

import pytest

from newsdrop.text.cleaner.features import FEATURES, feature_parts
from newsdrop.text.cleaner.headline_rank import _page_columns, _text_columns
from newsdrop.text.cleaner.lines import _CLOSERS, _TITLE_SEPARATORS, _ends_sentence, _Line, _title_cased
from newsdrop.text.cleaner.model import HEADLINE_FEATURES
from newsdrop.text.cleaner.page_counts import _log1p_table
from newsdrop.text.stamp_rules import _NEWS_ID, _NEWS_ID_FIRST, news_id_of


@pytest.mark.parametrize("counts", [(0,), (5, 2), (255, 256, 257), (1000, 3, 600), (2, 513)])
def test_the_log1p_table_holds_math_log1p_of_every_count_up_to_the_longest_page(
    counts: tuple[int, ...],
) -> None:
    for count in counts:
        table = _log1p_table(count).tolist()
        assert len(table) > count
        assert table[: count + 1] == [math.log1p(n) for n in range(count + 1)]


def _page(rows: list[tuple[str, bool]]) -> list[_Line]:
    return [
        _Line(n, text, text.lower(), len(text.split()), None, None, prose)
        for n, (text, prose) in enumerate(rows, start=1)
    ]


# (text, prose) rows: prose blocks of several sizes, short runs, printings repeated, a long page.
_PAGES = [
    [("Home", False)],
    [("Menu", False), ("Menu", False), ("A sentence of the story goes here.", True), ("Menu", False)],
    [("Home", False), ("News", False), *[(f"Paragraph {i} of the story ends here.", True) for i in range(7)]],
    [(f"Item {i % 4}", False) if i % 9 else (f"Prose line {i} ends here.", True) for i in range(300)],
]


@pytest.mark.parametrize("rows", _PAGES)
def test_the_log_columns_are_math_log1p_of_the_plain_counts(rows: list[tuple[str, bool]]) -> None:
    lines = _page(rows)
    tail = feature_parts(lines, 0, len(lines) - 1).tail.tolist()
    first = FEATURES.index("position")
    blocks, repeats, short_runs = [], [], []
    for index, line in enumerate(lines):
        # The plain counts: the prose block holding the line, its key's other printings, its run of short lines.
        def run(test: object, at: int = index) -> int:
            low = high = at
            while low > 0 and test(lines[low - 1]):  # type: ignore[operator]
                low -= 1
            while high < len(lines) - 1 and test(lines[high + 1]):  # type: ignore[operator]
                high += 1
            return high - low + 1

        blocks.append(math.log1p(run(lambda other: other.prose)) if line.prose else 0.0)
        repeats.append(math.log1p(sum(other.key == line.key for other in lines) - 1))
        short = not line.prose and line.words <= 8
        short_runs.append(
            math.log1p(run(lambda other: not other.prose and other.words <= 8)) if short else 0.0
        )
    assert [row[FEATURES.index("block_lines") - first] for row in tail] == blocks
    assert [row[FEATURES.index("log_repeats") - first] for row in tail] == repeats
    assert [row[FEATURES.index("short_run") - first] for row in tail] == short_runs


_KIND_WORD = re.compile(r"\w+")
_KIND_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")


def _plain_kinds(lines: list[_Line], ranked: list[int]) -> list[list[float]]:
    """``_page_columns``' kind columns as a loop over every pair of candidates computes them."""
    keys = [lines[index].key for index in ranked]
    found = []
    for position, index in enumerate(ranked):
        line, key = lines[index], keys[position]
        words = [w for w in _KIND_WORD.findall(line.text.lower()) if len(w) >= 4] if line.words >= 4 else []
        holds = held = False
        for other, other_key in enumerate(keys):
            if other == position or not other_key or other_key == key:
                continue
            if len(other_key) < len(key) and lines[ranked[other]].words >= 3:
                holds = holds or key.startswith(other_key) or key.endswith(other_key)
            elif len(key) < len(other_key) and line.words >= 3:
                held = held or other_key.startswith(key) or other_key.endswith(key)
        found.append(
            [
                1.0 if _KIND_CLOCK.search(line.text) else 0.0,
                1.0 - len(set(words)) / len(words) if words else 0.0,
                1.0 if holds else 0.0,
                1.0 if held else 0.0,
            ]
        )
    return found


# Candidate texts: a headline glued to labels at either end, the bare headline, a short label, a menu printing
# its labels twice, a dateline, a key printed twice, a two-word label glued to a headline.
_CANDIDATES = [
    [
        "Home / News / Storm hits the coast",
        "Storm hits the coast",
        "News",
        "Storm hits the coast - Latest news",
    ],
    ["For schools For schools", "Do 25.04.24 | 14:07 Uhr", "For schools", "Storm hits the coast"],
    ["Storm hits the coast", "Storm hits the coast", "Storm hits", "Storm hits the coast again today"],
    [
        "Latest news",
        "Latest news Storm hits the coast",
        "Storm hits the coast",
        "Storm hits the coast Latest news",
    ],
    ["One", "Two words", "Three words here", "Three words here and more", "Three"],
]


@pytest.mark.parametrize("texts", _CANDIDATES)
def test_candidate_kinds_are_the_pairwise_loops_columns(texts: list[str]) -> None:
    lines = [_Line(n, text, text.lower(), len(text.split())) for n, text in enumerate(texts, start=1)]
    for ranked in (list(range(len(lines))), list(range(len(lines)))[::-1]):
        own = HEADLINE_FEATURES.index("lead_overlap_against_best")
        kinds = slice(
            HEADLINE_FEATURES.index("clock_or_numeric_date"), HEADLINE_FEATURES.index("in_region_head")
        )
        rows: list[list[float]] = [[0.0] * own for _ in ranked]
        _page_columns(lines, ranked, len(lines) + 1, rows)
        assert [row[kinds] for row in rows] == _plain_kinds(lines, ranked)


@pytest.mark.parametrize(
    "text",
    [
        "Storm hits the coast",
        "Storm Hits The Coast: What We Know",
        "Is this the end?",
        "Home | News - Politics",
        "One, two, three, four, five words.",
        "“A quoted headline!”",
        "",
        "lower case caption text (AP)",
        "Ça va: l'été à Paris…",
    ],
)
def test_text_columns_are_the_plain_tests_of_the_text(text: str) -> None:
    words = text.split()
    assert _text_columns(text) == (
        1.0 if _ends_sentence(text) else 0.0,
        1.0 if _title_cased(text) else 0.0,
        1.0 if ":" in text[:-1] else 0.0,
        1.0 if any(separator.strip() in text for separator in _TITLE_SEPARATORS) else 0.0,
        min(3.0, float(text.count(","))),
        1.0 if text.rstrip(_CLOSERS)[-1:] in "?!" else 0.0,
        sum(1 for word in words if word[:1].isupper()) / len(words) if words else 0.0,
    )


def test_the_news_id_first_characters_are_what_re_pairs_with_its_openings_first_letters() -> None:
    opening = re.match(r"\^\(\?:([a-z|]+)\)", _NEWS_ID.pattern)
    assert opening is not None
    firsts = "".join(sorted({word[0] for word in opening.group(1).split("|")}))
    folded = re.compile(f"[{firsts}]", re.IGNORECASE)
    assert {char for char in map(chr, range(0x110000)) if folded.match(char)} == _NEWS_ID_FIRST


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("News ID: 425867", "425867"),
        ("Story code: 1234", "1234"),
        ("ſtory code: 1234", "1234"),
        ("ARTICLE NO. ab-12", "ab-12"),
        ("content id #x9", "x9"),
        ("Post number: 77", "77"),
        (" News ID: 1", None),
        ("The news id is 5", None),
        ("", None),
        ("Ñews ID: 12", None),
    ],
)
def test_news_id_of_is_the_match_of_the_news_id_pattern(text: str, expected: str | None) -> None:
    match = _NEWS_ID.match(text)
    assert news_id_of(text) == (match["id"] if match else None) == expected
