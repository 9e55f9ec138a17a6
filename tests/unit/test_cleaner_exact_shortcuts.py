"""The cleaner's speed shortcuts give the verdicts of the slower tests they skip (ASCII guard, separators, timestamps)."""

from __future__ import annotations

import math
import random
import re
from pathlib import Path

import pytest

from newsdrop.text.cleaner.headline_facts import _SEPARATOR, _variant_parts
from newsdrop.text.cleaner.model import _TIMESTAMP, _TIMESTAMP_CHARS, _cheap_shape
from newsdrop.text.cleaner.reader_cues import _SECOND_PERSON, _SECOND_PERSON_CASED, line_cues
from newsdrop.text.line_keys import count_words, normalize_line_key
from newsdrop.text.rule_dispatch import _guard_matches
from newsdrop.text.rules import KEY_GUARDS, RULES
from tests.unit.guard_alternation import either, guard_alternation

DATA = Path(__file__).resolve().parents[2] / "data"
DEV = DATA / "cleaning-dev"
SEEDS = DATA / "seeds"


def _corpus_lines() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(DEV.glob("*/*.txt"))]
    texts += [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    return sorted({raw.strip() for text in texts for raw in text.splitlines() if raw.strip()})


# Keys no corpus line holds: decoration, numbers, the guards' own words, text in no rule's reach.
_KEYS = (
    "› leave a reply cancel reply",
    "(0 votes)",
    "3 of 12",
    "advertisement",
    "facebook twitter email",
    "related articles",
    "www.example.com",
    "the harbour authority said on tuesday that the work would end early.",
    "",
    "|",
)


def _guard_keys() -> list[str]:
    return [normalize_line_key(line) for line in _corpus_lines()] + list(_KEYS)


def test_the_ascii_guard_matches_where_the_case_insensitive_guard_does() -> None:
    keys = [key for key in _guard_keys() if key.isascii()]
    ascii_only, _ = guard_alternation(True)
    insensitive, _ = guard_alternation(False)
    matched = 0
    for key in keys:
        found = ascii_only.match(key)
        assert (found is None) == (insensitive.match(key) is None), key
        if found is not None:
            # The same alternative matched first: the same word bound decides.
            assert found.lastgroup == insensitive.match(key).lastgroup, key  # type: ignore[union-attr]
            matched += 1
    assert matched > 100


def test_the_one_guard_says_whether_an_admitted_rules_own_pattern_matches() -> None:
    # The plain computation: each pattern of each rule whose word bound admits the line, tried alone.
    keys = _guard_keys()
    counts = sorted({count_words(key) for key in keys} | {0, 1, 7, 13, 21, 31, 46})
    matched = missed_by_bound = 0
    for key in keys:
        for words in counts:
            expected = any(
                pattern.match(key) is not None
                for rule in RULES
                if words <= rule.max_words
                for pattern in KEY_GUARDS.get(rule.name, ())
            )
            found = _guard_matches(key, words)
            assert found == expected, (words, key)
            matched += found
            # A pattern matched, but only rules whose bound is below ``words``: the bound must refuse it.
            missed_by_bound += not found and guard_alternation(key.isascii())[0].match(key) is not None
    assert matched > 1000
    assert missed_by_bound > 100


def test_a_case_insensitive_guard_with_an_upper_case_letter_is_refused_for_ascii_keys() -> None:
    # Its case-sensitive form would miss the lower-case key it is meant to match.
    with pytest.raises(ValueError, match="lower case"):
        either([re.compile(r"^\W*Share", re.IGNORECASE)], lower_ascii=True)
    # Escapes (\W, \S, \D) are not letters of the text: accepted.
    assert either([re.compile(r"^[\W_]*share\S*", re.IGNORECASE)], lower_ascii=True).match("• share")


def test_a_key_without_a_separator_or_a_middle_space_prints_no_headline_variant() -> None:
    keys = [normalize_line_key(line) for line in _corpus_lines()]
    keys += ["news news", "a | b", "title - site", "x · y", "abc abc", "ab ab"]
    with_variants = 0
    for key in keys:
        skipped = _SEPARATOR.search(key) is None and (len(key) % 2 == 0 or key[len(key) // 2] != " ")
        if skipped:
            assert _variant_parts(key) == (), key
        with_variants += bool(_variant_parts(key))
    assert with_variants > 20


def test_the_timestamp_feature_is_the_search_over_the_whole_opening() -> None:
    # Digits next to letters, separators and edges: where the search starts must not change a word boundary.
    rng = random.Random(7)
    alphabet = "0123456789ab :./-_é "
    texts = ["a1:30", "x 12:45 y", "1:30", "a 2024", "b2024", "12/05/2024", "٣:٤٥", "_12:30", "é12.30"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 24))) for _ in range(3000)]
    texts.append("x" * 195 + " 12:30")
    for text in texts:
        expected = 1.0 if _TIMESTAMP.search(text, 0, _TIMESTAMP_CHARS) else 0.0
        assert _cheap_shape(text, max(1, len(text.split())))[-1] == expected, text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Menu", 0),
        ("a, b", 1),
        ("one, two", 2),
        ("a, b, c", 3),
        ("a, b, c, d, e", 3),
        ("no commas here", 3),
        ("Home | News", 2),
        ("Home | News | Sport", 3),
        ("a | b | c | d", 4),
        ("a | b | c | d | e | f", 6),
        ("|", 0),
    ],
)
def test_the_capped_counts_are_what_min_and_max_give(text: str, words: int) -> None:
    # Commas per word within 1.0 and pipes within 3.0, capped by tests: the values (and their types) min() gave.
    shape = _cheap_shape(text, words)
    commas, pipes = min(1.0, text.count(",") / max(1, words)), min(3.0, float(text.count("|")))
    assert (repr(shape[4]), repr(shape[5])) == (repr(commas), repr(pipes))


def _cues_by_loop(text: str, prose: bool) -> float:
    """The pronoun cue as one loop over the opening's words (what ``line_cues``' ASCII path must equal)."""
    found = re.findall(r"\w+", text[:200]) if prose else []
    count = sum(1 for word in found if word in _SECOND_PERSON_CASED or word.lower() in _SECOND_PERSON)
    return math.log1p(count)


@pytest.mark.parametrize(
    ("text", "prose", "pronouns"),
    [
        ("Sign up and you will get your free copy today.", True, 2),
        ("YOU and YOUR family deserve this, you know.", True, 3),
        ("Haben Sie Ihre Unterlagen? Ihnen fehlt nichts.", True, 3),
        ("sie und ihr Hund gingen nach Hause, sagte sie.", True, 0),
        ("You and your family deserve this, you know.", False, 0),
        ("Ich gebe dir und dich und Ihnen das Buch, sagte er.", True, 3),
        ("Vous et votre famille méritez ceci, dit-il.", True, 2),
        ("Your" + " filler" * 60 + " you you", True, 1),
        ("", True, 0),
    ],
)
def test_the_pronoun_cue_counts_what_a_loop_over_the_words_counts(
    text: str, prose: bool, pronouns: int
) -> None:
    assert line_cues.__wrapped__(text, prose)[0] == _cues_by_loop(text, prose) == math.log1p(pronouns)


def test_the_cased_pronouns_are_found_by_their_openings_and_never_lower_cased_in_the_other_set() -> None:
    # ``line_cues``' ASCII path looks for the cased pronouns only where "Sie" or "Ih" is printed, and adds the
    # two sets' counts: both hold only while these do.
    assert all(word.startswith(("Sie", "Ih")) for word in _SECOND_PERSON_CASED)
    assert not {word.lower() for word in _SECOND_PERSON_CASED} & _SECOND_PERSON


def test_the_pronoun_cue_of_every_corpus_line_is_the_loops() -> None:
    lines = _corpus_lines()
    assert len(lines) > 1000
    for text in lines:
        assert line_cues.__wrapped__(text, True)[0] == _cues_by_loop(text, True), text
