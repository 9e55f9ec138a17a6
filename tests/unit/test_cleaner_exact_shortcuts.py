"""The cleaner's speed shortcuts give the verdicts of the slower tests they skip (ASCII guard, separators, timestamps)."""

from __future__ import annotations

import math
import random
import re
from pathlib import Path

import pytest

from newsdrop.text.cleaner.features import _SECOND_PERSON, _SECOND_PERSON_CASED, _cues
from newsdrop.text.cleaner.headline_facts import _SEPARATOR, _variant_parts
from newsdrop.text.cleaner.model import _TIMESTAMP, _TIMESTAMP_CHARS, _cheap_shape
from newsdrop.text.rules import (
    _CAPTION_CLOSED,
    _CAPTION_START,
    _KEY_GUARDS,
    _either,
    _guards_for,
    _may_open,
    count_words,
    normalize_line_key,
)

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


def test_the_ascii_guard_matches_where_the_case_insensitive_guard_does() -> None:
    keys = [normalize_line_key(line) for line in _corpus_lines()] + list(_KEYS)
    keys = [key for key in keys if key.isascii()]
    matched = 0
    for words in sorted({count_words(key) for key in keys} | {1, 7, 13, 21, 31, 46}):
        insensitive, ascii_only, _stems = _guards_for(words)
        if insensitive is None:
            assert ascii_only is None
            continue
        assert ascii_only is not None
        for key in keys:
            # (The ASCII guard also skips an alternative by the key's first character: ``_may_open``.)
            found = ascii_only.match(key) is not None
            assert found == (insensitive.match(key) is not None), (words, key)
            matched += found
    assert matched > 100


# Edge cases of the first-character reading: decoration before the word, digits, a lone character, the
# social-row pattern that may match without consuming, "$" right at the start, an e-mail, spaces.
_OPENINGS = (
    "› share",
    "• • related articles",
    "_menu_",
    "12 comments",
    "(0 votes)",
    "3 of 12",
    "42",
    "x",
    "×",
    "|",
    " facebook",
    "facebook",
    "desk@example.com",
    "q@x.io",
    "www.example.com",
    "https://example.com/story",
    "tags: harbour",
    "zebra crossing works begin",
    "\n",
    "\t",
    "-",
    "menu",
    "kommentar",
)


@pytest.mark.parametrize(
    ("rule", "index"),
    [(rule, index) for rule, patterns in _KEY_GUARDS.items() for index in range(len(patterns))],
)
def test_a_guard_left_out_for_a_first_character_matches_no_key_opening_with_it(rule: str, index: int) -> None:
    pattern = _KEY_GUARDS[rule][index]
    # ``_may_open`` says False only as a proof: then no key opening with that character matches.
    keys = [normalize_line_key(line) for line in _corpus_lines()] + list(_KEYS) + list(_OPENINGS)
    keys += [char + key for char in map(chr, range(128)) for key in _OPENINGS]
    ascii_keys = {key.lower() for key in keys if key.isascii() and key}
    plain = re.compile(pattern.pattern)  # the case-sensitive form the ASCII dispatch matches with
    ruled_out = 0
    for key in ascii_keys:
        if not _may_open(pattern, key[0]):
            ruled_out += 1
            assert plain.match(key) is None, (pattern.pattern[:60], key)
    # Each guard is left out for some keys (the dispatch does something) but still matches the corpus.
    assert ruled_out > 0


def test_no_caption_opening_starts_with_a_character_the_caption_test_skips() -> None:
    lines = [
        *_corpus_lines(),
        "Photo: Jane Doe",
        "FOTO: dpa",
        "3 of 12 Harbour",
        "Credits photos : AFP",
        "Zdjęcie: PAP",
    ]
    lines += [
        char + line for char in map(chr, range(128)) for line in ("hoto: X", "mage: Y", "redit: Z", " of 2 x")
    ]
    cased = lines + [line.upper() for line in lines] + [line.lower() for line in lines]
    skipped = 0
    for line in cased:
        if line[:1] in _CAPTION_CLOSED:
            skipped += 1
            assert _CAPTION_START.match(line) is None, line
    assert skipped > len(cased) // 3
    # The openings it names in either case stay in: the letters of its words and the digits.
    assert not set("bcfipzBCFIPZ0123456789") & _CAPTION_CLOSED


def test_may_open_reads_the_patterns_first_character() -> None:
    assert _may_open(re.compile(r"^[\W_]*(?:add|post)$"), "a")
    assert _may_open(re.compile(r"^[\W_]*(?:add|post)$"), "•")
    assert not _may_open(re.compile(r"^[\W_]*(?:add|post)$"), "b")
    assert not _may_open(re.compile(r"\d+ of"), "x")
    assert _may_open(re.compile(r"\d+ of"), "7")
    # Optional parts and zero-width tests pass on to what follows them.
    assert _may_open(re.compile(r"(?:new, )?\d+"), "4")
    assert _may_open(re.compile(r"\b(?=x)y?z"), "z")
    assert not _may_open(re.compile(r"a{0}b"), "a")
    # A pattern that may match the empty text at the start is kept for every character (bar "$" alone).
    assert _may_open(re.compile(r"x*(?:\s|\Z)?"), "q")
    assert not _may_open(re.compile(r"x*$"), "q")
    assert _may_open(re.compile(r"x*$"), "\n")
    # Case-insensitive: ASCII folds by case only; a non-ASCII letter ("K", the Kelvin sign, folds to "k") stays in.
    assert not _may_open(re.compile(r"(?i:k)"), "q")
    assert _may_open(re.compile(r"(?i:k)"), "K")
    assert _may_open(re.compile(r"(?i:\u212a)"), "k")
    assert _may_open(re.compile(r"[a-c]x", re.IGNORECASE), "B", cased=True)
    assert not _may_open(re.compile(r"[a-c]x", re.IGNORECASE), "B")
    assert _may_open(re.compile(r"[\u017f]", re.IGNORECASE), "s", cased=True)
    # Negated classes.
    assert not _may_open(re.compile(r"[^a-c]"), "b")
    assert _may_open(re.compile(r"[^a-c]"), "d")


def test_a_case_insensitive_guard_with_an_upper_case_letter_is_refused_for_ascii_keys() -> None:
    # Its case-sensitive form would miss the lower-case key it is meant to match.
    with pytest.raises(ValueError, match="lower case"):
        _either([re.compile(r"^\W*Share", re.IGNORECASE)], lower_ascii=True)
    # Escapes (\W, \S, \D) are not letters of the text: accepted.
    assert _either([re.compile(r"^[\W_]*share\S*", re.IGNORECASE)], lower_ascii=True).match("• share")


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


def _cues_by_loop(text: str, prose: bool) -> float:
    """The pronoun cue as one loop over the opening's words (what ``_cues``' ASCII path must equal)."""
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
    assert _cues.__wrapped__(text, prose)[0] == _cues_by_loop(text, prose) == math.log1p(pronouns)


def test_the_cased_pronouns_are_found_by_their_openings_and_never_lower_cased_in_the_other_set() -> None:
    # ``_cues``' ASCII path looks for the cased pronouns only where "Sie" or "Ih" is printed, and adds the
    # two sets' counts: both hold only while these do.
    assert all(word.startswith(("Sie", "Ih")) for word in _SECOND_PERSON_CASED)
    assert not {word.lower() for word in _SECOND_PERSON_CASED} & _SECOND_PERSON


def test_the_pronoun_cue_of_every_corpus_line_is_the_loops() -> None:
    lines = _corpus_lines()
    assert len(lines) > 1000
    for text in lines:
        assert _cues.__wrapped__(text, True)[0] == _cues_by_loop(text, True), text
