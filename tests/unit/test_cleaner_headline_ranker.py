"""The learned headline ranker overrules the rules' headline only by its margin and where the rules were unsure."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.headline_facts import _mostly_numbers
from newsdrop.text.cleaner.model import HEADLINE_FEATURES, HeadlineModel, LineModel, load_model
from tests.unit.cleaner_fixtures import HEADLINE, LEAD, SECOND

PROMO = "Sign up for the evening briefing and the weekly tide tables from our desk"
TEXT = "\n\n".join(["Coast News", "Weather", HEADLINE, PROMO, LEAD, SECOND]) + "\n"


def _with_ranker(ranker: HeadlineModel) -> LineModel:
    shipped = load_model()
    assert shipped is not None
    return replace(shipped, headline=ranker)


# A ranker that prefers the longest candidate: it disagrees with the rules on TEXT.
LONGEST = tuple(5.0 if name == "log_words" else 0.0 for name in HEADLINE_FEATURES)


@pytest.mark.parametrize(
    ("ranker", "title"),
    [
        (HeadlineModel(LONGEST), PROMO),
        # The rules' own choice starts with the margin: a ranker lead smaller than it changes nothing.
        (HeadlineModel(LONGEST, margin=100.0), HEADLINE),
        # Where the rules' best score reaches the trust level, the ranker is not asked.
        (HeadlineModel(LONGEST, trust=-100.0), HEADLINE),
    ],
)
def test_the_ranker_overrules_the_rules_only_by_its_margin_below_its_trust(
    ranker: HeadlineModel, title: str
) -> None:
    assert clean_article(TEXT, model=_with_ranker(ranker)).title == title
    assert clean_article(TEXT).title == HEADLINE


def test_the_ranker_round_trips_through_its_file_form() -> None:
    ranker = HeadlineModel(LONGEST, margin=0.5, trust=16.0)
    assert HeadlineModel.from_dict(ranker.to_dict()) == ranker
    assert HeadlineModel.from_dict(HeadlineModel(LONGEST).to_dict()).trust == float("inf")


def test_a_score_line_is_no_headline() -> None:
    assert _mostly_numbers("Rockledge 14 11 6 15 — 44")
    assert not _mostly_numbers("Viera defeats Rockledge 21-14 in overtime")
    table = "\n\n".join(["Coast News", "Harbour 14 11 6 15 44", LEAD, SECOND]) + "\n"
    assert clean_article(table).title != "Harbour 14 11 6 15 44"


# A stump on log_words (split below 2.0 left, else right) and a leaf-only tree.
_WORDS = float(HEADLINE_FEATURES.index("log_words"))
STUMP = ((_WORDS, 2.0, 1.0, 2.0), (-1.0,), (3.0,))


@pytest.mark.parametrize(
    ("log_words", "expected"),
    [(0.5, -1.0 + 0.25), (1.99, -1.0 + 0.25), (2.0, 3.0 + 0.25), (4.0, 3.0 + 0.25)],
)
def test_boosted_trees_add_the_leaf_each_row_reaches(log_words: float, expected: float) -> None:
    row = [0.0] * len(HEADLINE_FEATURES)
    row[int(_WORDS)] = log_words
    ranker = HeadlineModel((0.0,) * len(HEADLINE_FEATURES), trees=(STUMP, ((0.25,),)))
    assert ranker.score(row) == pytest.approx(expected)


def test_a_tree_ranker_round_trips_and_chooses_by_its_trees() -> None:
    # Rows with more words than e^2 - 1 (about six) score 3: the promo line, not the short headline.
    ranker = HeadlineModel((0.0,) * len(HEADLINE_FEATURES), trees=(STUMP,))
    assert HeadlineModel.from_dict(ranker.to_dict()) == ranker
    assert clean_article(TEXT, model=_with_ranker(ranker)).title == PROMO


CLIP = "Minister: talks between the two governments are going well"


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        # A line printed under the story's byline (a clip title, printed twice) is not its headline.
        (
            [HEADLINE, "By Jane Doe, Coast desk", "JUST WATCHED", CLIP, "Replay", CLIP, LEAD, SECOND],
            HEADLINE,
        ),
        # Without a byline between them the ranker may still prefer the lower line.
        (["Coast News", "Weather", HEADLINE, PROMO, LEAD, SECOND], PROMO),
    ],
)
def test_the_ranker_never_takes_a_line_below_the_byline_under_the_rules_headline(
    lines: list[str], title: str
) -> None:
    assert clean_article("\n\n".join(lines) + "\n", model=_with_ranker(HeadlineModel(LONGEST))).title == title


@pytest.mark.parametrize(
    ("caption", "title"),
    [
        # A caption closed by its picture's credit is never the headline, however the ranker scores it.
        ("The new breakwater seen from the old pier at low tide. Bild: Jane Doe/dpa", HEADLINE),
        ("The new breakwater seen from the old pier at low tide on Tuesday © Coast Photo Agency", HEADLINE),
        ("The new breakwater seen from the old pier at low tide Getty Images/Jane Doe", HEADLINE),
        # "Photo:" opening or joining a line is no credit: the ranker's longest line stays its choice.
        ("First photo: this is how the new breakwater along the old pier could look", "First photo: this is how "
         "the new breakwater along the old pier could look"),
    ],
)  # fmt: skip
def test_the_ranker_never_takes_a_caption_with_its_pictures_credit(caption: str, title: str) -> None:
    text = "\n\n".join(["Coast News", "Weather", HEADLINE, caption, LEAD, SECOND]) + "\n"
    assert clean_article(text, model=_with_ranker(HeadlineModel(LONGEST))).title == title


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        # The ranker's longest line glues a menu in front of another candidate: that candidate is the headline.
        (["Coast News", "Weather", "Home News Harbour wall finished early at last", "Harbour wall finished early at last",
          LEAD, SECOND], "Harbour wall finished early at last"),
        # A second half after a separator is no glued headline: the ranker's line stays.
        (["Coast News", "Weather", "Harbour works: wall finished early at last", "wall finished early at last",
          LEAD, SECOND], "Harbour works: wall finished early at last"),
        # Nor is a short tail that makes little of the line.
        (["Coast News", "Weather", "Keine Spiel-Talstraße für Kinder zur Bunten Republik", "zur Bunten Republik",
          LEAD, SECOND], "Keine Spiel-Talstraße für Kinder zur Bunten Republik"),
    ],
)  # fmt: skip
def test_the_ranker_takes_the_headline_a_menu_is_glued_to(lines: list[str], title: str) -> None:
    text = "\n\n".join(lines) + "\n"
    assert clean_article(text, model=_with_ranker(HeadlineModel(LONGEST))).title == title


@pytest.mark.parametrize(
    ("trail", "title"),
    [
        # A breadcrumb trail to a section is navigation, never the headline.
        ("Front page > Science and technology > Explorers > Full text", HEADLINE),
        # A link to the previous or next post is another story's headline.
        ("← The old breakwater and the storms of the last ten winters, part two", HEADLINE),
        ("The old breakwater and the storms of the last ten winters, part three →", HEADLINE),
        # A row of editions or sections between bullets is a menu, however long the ranker finds it.
        ("US · UK · Australia · France · Deutschland · Middle East · Asia Pacific · Latin America", HEADLINE),
        ("News | Sport | Weather | Business | Arts and culture | Travel | Local radio", HEADLINE),
        # A trail to the story gives its last step instead.
        (
            "Home > News > Harbour authority confirms the new breakwater is finished two years early",
            "Harbour authority confirms the new breakwater is finished two years early",
        ),
    ],
)
def test_the_ranker_never_takes_a_trail_to_a_section_or_a_post_link(trail: str, title: str) -> None:
    text = "\n\n".join(["Coast News", "Weather", HEADLINE, trail, LEAD, SECOND]) + "\n"
    assert clean_article(text, model=_with_ranker(HeadlineModel(LONGEST))).title == title
