"""Speed pass 32: the rule scan's pass reads a short ASCII key's related-label patterns, a non-ASCII key's guard
goes to ``re`` straight from the scan's widened guards, and the scanner keeps its rules by word count: each gives
the verdicts of the path it replaced."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsdrop.text.cleaner.cues_notice import NOTICE_STEMS, notice_words
from newsdrop.text.cleaner.line_facts import _RULE_MAX_WORDS, _analyse, _reads_as_prose
from newsdrop.text.cleaner.reader_cues import line_cues, truncated_end
from newsdrop.text.cleaner.related_runs import (
    _LABEL_MAX_WORDS,
    ASCII_LABEL_STARTS,
    label_of_starts,
    labels_a_list,
    related_label,
)
from newsdrop.text.line_keys import count_words, normalize_line_key
from newsdrop.text.rule_dispatch import first_rule, rule_scanner
from newsdrop.text.stamp_rules import news_id_of

DATA = Path(__file__).resolve().parents[2] / "data"

_SCAN = rule_scanner(NOTICE_STEMS, ASCII_LABEL_STARTS)

# Labels, single links, near misses, icon names, non-ASCII keys and the letters the two engines fold apart.
_LINES = (
    "Related",
    "Related:",
    "Related Articles",
    "RELATED STORIES",
    "Read more",
    "Read More »",
    "Read next",
    "Next",
    "Next article",
    "Previous post Next post",
    "Back to top",
    "Most popular",
    "Most read this week",
    "More from Sport",
    "You may also like",
    "You might also like these",
    "See also",
    "Further reading",
    "Recommended for you",
    "Keep reading",
    "Skip to content",
    "Show more",
    "Mehr zum Thema",
    "Mehr zum Thema:",
    "Weitere Beiträge",
    "Lesen Sie auch",
    "Lire aussi",
    "À lire aussi",
    "Czytaj także",
    "Te puede interesar",
    "filter_none Weitere Beiträge",
    "snake_case related",
    "Related reading on the harbour wall",
    "Relatedness of the two cases",
    "Readmore",
    "The harbour wall is finished.",
    "Share on Facebook",
    "By Jane Doe",
    "Photo: Reuters",
    "İstanbul haberleri",
    "Izmir'de ılık hava",
    "Über uns",
    "Datenschutz",
    "ログインして続きを読む",
    "Teilen",
    "Werbung",
    "Home | News | Sport",
    "— Related —",
    "",
)


def _dev_lines() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((DATA / "cleaning-dev").glob("*/*.txt"))]
    lines = {raw.strip() for text in texts for raw in text.splitlines() if raw.strip()}
    return sorted(lines | {line for line in _LINES if line})


@pytest.fixture(scope="module")
def dev_lines() -> list[str]:
    return _dev_lines()


@pytest.mark.parametrize(
    ("starts", "expected"),
    [
        (0b000, False),
        (0b001, True),  # a link list's heading
        (0b010, False),  # a single link alone
        (0b011, False),  # a heading that is a single link ("Next")
        (0b100, True),  # a related label
        (0b101, True),
        (0b110, True),
        (0b111, True),
    ],
)
def test_label_of_starts(starts: int, expected: bool) -> None:
    assert label_of_starts(starts) is expected


@pytest.mark.parametrize("line", [line for line in _LINES if line])
def test_the_scan_reads_the_label_patterns_of_an_ascii_key(line: str) -> None:
    key, words = normalize_line_key(line), count_words(line)
    starts = _SCAN(line, key, words)[2]
    if not key.isascii():
        assert starts == -1
        return
    expected = sum(1 << place for place, source in enumerate(ASCII_LABEL_STARTS) if re.match(source, key))
    assert starts == expected
    if words <= _LABEL_MAX_WORDS and "_" not in key:
        assert label_of_starts(starts) is related_label(key, words)


def _reference(
    stripped: str,
) -> tuple[str, int, str | None, str | None, bool, float, float, bool, float | None]:
    """``_analyse`` as each fact's own function computes it (the path before speed pass 32)."""
    key = normalize_line_key(stripped)
    words = key.count(" ") + 1 if stripped.isascii() and key else count_words(stripped)
    prose = _reads_as_prose(stripped, words)
    truncated, related = truncated_end(stripped), labels_a_list(key, words)
    pronouns = line_cues(stripped, True)[0] if prose else None
    facts = (prose, notice_words(key), truncated, related, pronouns)
    if news_id_of(stripped) is not None:
        return key, words, "news_id", "news_id", *facts
    found = first_rule(stripped, key, words) if words <= _RULE_MAX_WORDS else None
    return key, words, found and found.role, found and found.name, *facts


# Keys ``normalize_line_key`` must settle itself (tabs, runs of spaces, edge spaces, control characters), news ids.
_ODD_LINES = (
    "a\tb",
    "Read  more",
    " Related",
    "Related ",
    "A\x00b",
    "x\x1cy",
    "x\x0by",
    "",
    " ",
    "News ID: 425867",
    "Story code: 1234",
    "ſtory code: 1",
    "Read more...",
    "Read more\u2026\u201d",
    "Why you should read this now, before the offer ends, says the shop.",
)


@pytest.mark.parametrize("line", [*_LINES, *_ODD_LINES])
def test_read_facts_are_the_reference(line: str) -> None:
    assert _analyse(line) == _reference(line)
    assert _analyse(line, True) == _reference(line)


def test_read_facts_are_the_reference_over_the_dev_lines(dev_lines: list[str]) -> None:
    from_scan = 0
    for line in dev_lines:
        facts = _analyse(line)
        assert facts == _reference(line), line
        from_scan += facts[0].isascii() and facts[1] <= _LABEL_MAX_WORDS and "_" not in facts[0]
    assert from_scan > 100


@pytest.mark.parametrize("line", [line for line in _LINES if line and not line.isascii()])
def test_a_non_ascii_keys_guard_is_guard_matches(line: str) -> None:
    key = normalize_line_key(line)
    for words in (1, 2, 3, 6, 12, 25, 60, 61):
        found = first_rule(line, key, words)
        assert _SCAN(line, key, words)[0] == found, (line, words)


@pytest.mark.parametrize(
    "line", ["Share on Facebook", "By Jane Doe", "Photo: Reuters", "Teilen", "Related", "x y"]
)
def test_the_rules_kept_by_word_count_follow_the_count(line: str) -> None:
    # One scanner asked the same key at rising then falling counts: a rules list kept for one count must not serve
    # another (the rules a count admits shrink as it grows).
    scan = rule_scanner(())
    key = normalize_line_key(line)
    for words in [*range(1, 70), 300, *range(69, 0, -1)]:
        found = first_rule(line, key, words)
        assert scan(line, key, words)[0] == found, (line, words)
