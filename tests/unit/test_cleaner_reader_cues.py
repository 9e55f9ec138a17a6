"""The line model's neighbouring-block and reader-cue features, and loading a model trained before they existed."""

from __future__ import annotations

import math

import pytest

from newsdrop.text.cleaner import reader_cues
from newsdrop.text.cleaner.line_model import LineModel
from newsdrop.text.cleaner.model import FEATURES, line_features
from tests.unit.cleaner_fixtures import Line

NEW_FEATURES = ("next_block", "prev_block", "second_person", "ends_ellipsis")

PARAGRAPH = "The council voted on Tuesday to close the old bridge. Repairs start in May and last a year."


def _feature(lines: list[Line], name: str) -> list[float]:
    return [row[FEATURES.index(name)] for row in line_features(lines, 0, len(lines) - 1)]


def _block(paragraphs: int) -> float:
    return math.log1p(paragraphs * len(PARAGRAPH)) / 10.0


@pytest.mark.parametrize(
    ("prose", "next_block", "prev_block"),
    [
        # A crosshead between paragraphs: two paragraphs below it, one above. (Inside a block a prose
        # line's neighbour is its own block.)
        ((True, False, True, True), (0, 2, 2, 0), (0, 1, 0, 2)),
        # A teaser title over its one sentence, then another teaser title.
        ((False, True, False, True), (1, 0, 1, 0), (0, 0, 1, 0)),
        # Short lines only: no block on either side.
        ((False, False), (0, 0), (0, 0)),
    ],
)
def test_next_and_prev_block_measure_the_prose_block_beside_a_line(
    prose: tuple[bool, ...], next_block: tuple[int, ...], prev_block: tuple[int, ...]
) -> None:
    """The figures are the paragraphs in the block right below / above (0: no prose line beside)."""
    lines = [
        Line(i + 1, PARAGRAPH if flag else "Section heading", prose=flag) for i, flag in enumerate(prose)
    ]
    assert _feature(lines, "next_block") == [pytest.approx(_block(n) if n else 0.0) for n in next_block]
    assert _feature(lines, "prev_block") == [pytest.approx(_block(n) if n else 0.0) for n in prev_block]


@pytest.mark.parametrize(
    ("text", "prose", "pronouns"),
    [
        ("Sign up for our newsletter and get your copy in your inbox.", True, 2),
        ("Als Abonnent erhalten Sie die App kostenlos. Ihr Vorteil.", True, 2),
        # Lower-case German "sie" is she / they, the story's own pronoun.
        ("Die Ministerin sagte, sie werde den Plan vorlegen.", True, 0),
        ("Vous pouvez lire votre article plus tard.", True, 2),
        ("The minister said the bridge will close in May.", True, 0),
        # A list item or heading may address the reader inside a story: only sentence lines count.
        ("5. Max out your retirement accounts", False, 0),
        # Whole words only: "young" and "tonnes" hold no pronoun.
        ("The young driver carried three tonnes of sand.", True, 0),
        # Only the opening 200 characters are read.
        ("x" * 205 + " you", True, 0),
    ],
)
def test_second_person_counts_pronouns_addressing_the_reader(text: str, prose: bool, pronouns: int) -> None:
    assert _feature([Line(1, text, prose=prose)], "second_person") == [pytest.approx(math.log1p(pronouns))]


@pytest.mark.parametrize(
    "text",
    [
        "Vous êtes invité : votre avis compte, Vous aussi. Toi, ton café, ta tasse, tes clés.",
        "Als Abonnent erhalten Sie die App kostenlos. Ihr Vorteil, Ihren Zugang, Ihnen gehört dein Konto.",
        "Você e vocês: twój dom, twoja książka, ty też. Usted y ustedes, vuestro y vuestra, tus cosas.",
        # Case: "YOU" and "VOUS" lower-case into the set; lower-case "sie" and "ihr" are not the cased ones.
        "ÉCOUTEZ: YOU and VOUS, sie und ihr, Ｙou (full width), İyou, Tú, ΣΑΣ σας.",
        # Pronouns glued to other word characters are not words of their own.
        "Überall youyou _you you_ 1you ŷou dü Dich, dich; DIR dir, you.",
    ],
)
def test_non_ascii_pronoun_count_reads_only_words_that_can_be_pronouns(text: str) -> None:
    """Counting the candidate words equals counting every word (what the cue did before the filter)."""
    every = sum(
        1
        for word in reader_cues._WORD.findall(text)
        if word in reader_cues._SECOND_PERSON_CASED or word.lower() in reader_cues._SECOND_PERSON
    )
    assert every > 0
    assert _feature([Line(1, text, prose=True)], "second_person") == [pytest.approx(math.log1p(every))]


def test_pronoun_initials_hold_every_code_point_that_lower_cases_to_a_pronouns_first_letter() -> None:
    """The filter is exact: no code point outside its initials can open a word that lower-cases to a pronoun."""
    firsts = {word[0] for word in reader_cues._SECOND_PERSON}
    opening = {
        char
        for char in map(chr, range(0x110000))
        if not 0xD800 <= ord(char) < 0xE000 and char.lower()[:1] in firsts
    }
    assert opening | {word[0] for word in reader_cues._SECOND_PERSON_CASED} <= set(
        reader_cues._PRONOUN_INITIALS
    )


@pytest.mark.parametrize(
    ("text", "truncated"),
    [
        ("Les 43 fois où Grey’s Anatomy a fait couler toutes…", 1.0),
        ("CDPJ’s Noda Stresses His Pragmatism at Debate, Says Diplomacy as ...", 1.0),
        ("“We will see what happens...”", 1.0),
        ("The bridge closes in May.", 0.0),
        ("Is this the end?", 0.0),
    ],
)
def test_ends_ellipsis_marks_a_truncated_teaser(text: str, truncated: float) -> None:
    assert _feature([Line(1, text, prose=True)], "ends_ellipsis") == [truncated]


def _older(names: list[str], weights: list[float]) -> dict[str, object]:
    return {"features": names, "weights": weights, "bias": 0.25, "keep_above": 0.7, "drop_below": 0.45}


def test_a_model_trained_before_the_new_features_scores_them_zero() -> None:
    older = [name for name in FEATURES if name not in NEW_FEATURES]
    weights = [0.01 * (index + 1) for index in range(len(older))]
    model = LineModel.from_dict(_older(older, weights))
    by_name = dict(zip(FEATURES, model.weights, strict=True))
    assert [by_name[name] for name in NEW_FEATURES] == [0.0] * len(NEW_FEATURES)
    assert [by_name[name] for name in older] == weights
    # A row scores as the older model scored it, whatever the new columns hold.
    lines = [Line(1, "Sign up for your free trial...", prose=True), Line(2, PARAGRAPH, prose=True)]
    rows = line_features(lines, 0, 1)
    older_rows = [[value for name, value in zip(FEATURES, row, strict=True) if name in older] for row in rows]
    for row, older_row in zip(rows, older_rows, strict=True):
        assert model.score(row) == pytest.approx(
            1.0 / (1.0 + math.exp(-(0.25 + sum(w * v for w, v in zip(weights, older_row, strict=True)))))
        )
    # Saved again, it names every feature this cleaner computes.
    assert LineModel.from_dict(model.to_dict()).weights == pytest.approx(model.weights)


@pytest.mark.parametrize(
    "names",
    [
        # A feature this cleaner does not compute.
        [*FEATURES[:-1], "link_density"],
        # The right names in another order would give each weight to the wrong column.
        [FEATURES[1], FEATURES[0], *FEATURES[2:]],
    ],
)
def test_a_model_of_other_features_is_refused(names: list[str]) -> None:
    with pytest.raises(ValueError, match="make train"):
        LineModel.from_dict(_older(names, [0.0] * len(names)))
