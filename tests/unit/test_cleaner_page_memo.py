"""The per-page memo of a line's answer: asked again within a page it is read once, a new page starts afresh."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.headline_names import headline_text
from newsdrop.text.cleaner.lines import _Line
from newsdrop.text.cleaner.page_memo import per_page
from newsdrop.text.line_keys import normalize_line_key


def _lines(texts: list[str]) -> list[_Line]:
    return [_Line(n, text, normalize_line_key(text), len(text.split())) for n, text in enumerate(texts)]


@pytest.mark.parametrize(
    ("calls", "computed"),
    [
        # (page, index, cut_parts): a repeat on the same page is not computed again.
        ([(0, 0, True), (0, 0, True)], 1),
        # Another line, or the other reading of the same line, is its own answer.
        ([(0, 0, True), (0, 1, True), (0, 0, False), (0, 0, True)], 3),
        # A new page starts afresh, even at an index the last page answered; going back to the first page too.
        ([(0, 0, True), (1, 0, True), (0, 0, True)], 3),
    ],
)
def test_a_page_reads_each_answer_once(calls: list[tuple[int, int, bool]], computed: int) -> None:
    seen: list[tuple[int, bool]] = []

    def answer(lines: list[_Line], index: int, *, cut_parts: bool = True) -> str:
        seen.append((index, cut_parts))
        return f"{lines[index].text}/{cut_parts}"

    memoised = per_page(answer)
    pages = [_lines(["First page title", "Second line"]), _lines(["Other page title", "More"])]
    for page, index, cut_parts in calls:
        assert memoised(pages[page], index, cut_parts=cut_parts) == answer(
            pages[page], index, cut_parts=cut_parts
        )
    assert len(seen) == computed + len(calls)


@pytest.mark.parametrize(
    "texts",
    [
        ["Harbour wall finished early | Coast News", "Coast News", "Weather"],
        ["Home » News » Harbour wall finished early", "Harbour wall finished early"],
    ],
)
def test_headline_text_gives_the_same_answer_twice_and_on_an_equal_new_page(texts: list[str]) -> None:
    lines = _lines(texts)
    first = [headline_text(lines, 0), headline_text(lines, 0, cut_parts=False)]
    again = [headline_text(lines, 0), headline_text(lines, 0, cut_parts=False)]
    fresh = _lines(texts)
    assert first == again == [headline_text(fresh, 0), headline_text(fresh, 0, cut_parts=False)]
    assert first[0] != texts[0]


def test_an_answer_made_while_another_page_was_asked_stays_with_its_own_page() -> None:
    # Another page asked while an answer is being made (as a second thread cleaning at once would): the
    # answer goes to its own page's memo and never answers the other page's line.
    pages = [_lines(["First page title", "Second line"]), _lines(["Other page title", "More"])]

    def answer(lines: list[_Line], index: int, *, cut_parts: bool = True) -> str:
        if lines is pages[0]:
            assert memoised(pages[1], index, cut_parts=cut_parts) == "Other page title"
        return lines[index].text

    memoised = per_page(answer)
    assert memoised(pages[0], 0) == "First page title"
    assert memoised(pages[1], 0) == "Other page title"
    assert memoised(pages[0], 0) == "First page title"
