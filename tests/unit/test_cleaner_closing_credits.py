"""Captions kept in the story and closed by their picture's credit: re-decided as captions after the line model."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.closing_credits import (
    _CLOSING_CREDIT,
    _CREDIT_MARKS,
    closing_credit,
    closing_credit_captions,
)
from tests.unit.cleaner_fixtures import HEADLINE, LEAD, SECOND


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        # a capitalised picture label and the photographer, wherever the caption's words stop
        ("Geballte Faust in den neoliberalen Wind Foto: Editpress/Fabrizio Pizzolante", True),
        ("Putin auf einer Wahlkampfveranstaltung in Moskau Bild: Pavel Golovkin/dpa/picture alliance", True),
        ("An aerial view of the ice, at left, and the bare ice. Photograph by Doug Johnson", True),
        ("The minister speaking in Shah Alam on November 19, 2024. — Picture by Yusof Mat Isa", True),
        (
            "It is delaying the return to office due to lack of space. Photo by Jean Levac / Postmedia News",
            True,
        ),
        # an agency after a slash or before one, or in capitals in brackets
        ("Uwe Schubert möchte mit dem MSV noch Punkte sammeln. IMAGO/Nico Herbertz", True),
        ("Trump had pledged a crackdown on migrants entering the country AP Photo/Edgar H. Clemente", True),
        ("Children of parents who are in the US illegally. AP Photo/Eric Gay, File", True),
        ("Lady Starmer on the front row at the Edeline Lee show Nicky J Sims/Getty Images Europe", True),
        ("El ministro saluda a su homólogo tras la foto de familia del Grupo. EFE/ J.J. Guillén", True),
        ("Un bombero trabaja en el incendio de Almería @Plan_INFOCA via X / Reuters", True),
        ("Am 13.04.2025 ist Mario Vargas Llosa in Lima gestorben. | Jörg Carstensen/dpa", True),
        ("La policía en el campamento de Gjadër (Albania), el 11 de octubre. Florion Goga (REUTERS)", True),
        # the Japanese, Korean and Lithuanian marks
        ("移送のため警視庁を出る岩本絹子容疑者＝13日、東京・霞ケ関で（潟沼義樹撮影）", True),
        ("尹大統領の発言をテレビで見る国民（ソウルで、３日）＝ＡＰ", True),
        ("이재명 후보가 15일 순천시 거리에서 열린 유세에서 연설하고 있다. 연합뉴스", True),
        ("시민들이 풍선을 흔들며 이 후보를 연호하고 있다. [사진 = 한수진 기자]", True),
        ("Kryžius, asociatyvi nuotr. / J. Stacevičiaus / LRT nuotr.", True),
        # a story's sentence: a photo in its words, an agency named, a slash between terms
        ("He shared a photo by his friend Tom Smith", False),
        ("She worked for Reuters and AP for twenty years before joining the paper.", False),
        ("He covers politics for the Associated Press (AP)", False),
        ("The decision was made by the TCP/IP committee", False),
        ("Read more about the input/output model", False),
        ("WASHINGTON (AP) — The Senate voted on Tuesday.", False),
        # an agency alone after a sentence credits a wire story's paragraph as often as a picture
        ("Gunmen stormed the national museum, killing at least 19 people. (Reuters)", False),
        # a credit alone: too few caption words before it (the asides stage's signature)
        ("Foto: Editpress/Fabrizio Pizzolante", False),
        ("Lichtgut/Christoph Schmidt", False),
    ],
)
def test_closing_credit(text: str, caption: bool) -> None:
    assert closing_credit(text) is caption


@pytest.mark.parametrize("case", [lambda text: text, str.upper, str.lower, str.title])
def test_closing_credit_mark_pretest_keeps_every_line_the_pattern_reads(case) -> None:
    """The RE2 mark set runs first; it may only skip lines the pattern would refuse, in any letter case."""
    texts = [values[0] for values in test_closing_credit.pytestmark[0].args[1]]
    texts += [
        f"Police at the camp on Saturday. Florion Goga ({agency})" for agency in ("AFP", "EPA", "EFE", "DPA")
    ]
    texts += [
        "Police at the camp on Saturday (Photo by Sarah Lazare)",
        "A view of the camp. Getty Images via AFP",
    ]
    for text in map(case, texts):
        if _CLOSING_CREDIT.search(text) is not None:
            assert _CREDIT_MARKS(text) is not None, text


@pytest.mark.parametrize(
    ("texts", "kept", "expected"),
    [
        # the kept caption goes; a dropped one is no business of this stage
        ([LEAD, "The harbour at dawn. Foto: Anna Berg/dpa", SECOND], [True, True, True], [1]),
        ([LEAD, "The harbour at dawn. Foto: Anna Berg/dpa", SECOND], [True, False, True], []),
        # the first kept line stays: a lead picture's caption over the story may be its opening
        (["The harbour at dawn. Foto: Anna Berg/dpa", LEAD, SECOND], [True, True, True], []),
        (
            [LEAD, "The harbour at dawn. Foto: Anna Berg/dpa", "A fishing boat. IMAGO/Jan Kock", SECOND],
            [True] * 4,
            [1, 2],
        ),
        # every kept line under the first a caption: the story would be the first line alone, so they stay
        ([LEAD, "The harbour at dawn. Foto: Anna Berg/dpa"], [True, True], []),
    ],
)
def test_closing_credit_captions(texts: list[str], kept: list[bool], expected: list[int]) -> None:
    assert closing_credit_captions(texts, kept) == expected
    # With the page's joined kept lines given for the mark pre-test (every line, or the kept ones): the same.
    assert closing_credit_captions(texts, kept, "\n".join(texts)) == expected
    assert (
        closing_credit_captions(texts, kept, "\n".join(t for t, k in zip(texts, kept, strict=True) if k))
        == expected
    )


def test_closing_credit_captions_read_no_line_of_a_story_without_a_mark() -> None:
    # The joined lines hold no credit mark: the caption's line is not read (a story given without it).
    texts = [LEAD, "The harbour at dawn. Foto: Anna Berg/dpa", SECOND]
    assert closing_credit_captions(texts, [True] * 3, "\n".join([LEAD, SECOND])) == []


@pytest.mark.parametrize("model", [None, "shipped"])
def test_a_caption_closed_by_its_credit_leaves_the_story_body(model: str | None) -> None:
    # No sentence ends before the label: the caption line rule leaves it to the region, which keeps it.
    caption = "The new breakwater seen from the lighthouse on Monday Photo: Anna Berg/Harbour Press"
    text = f"{HEADLINE}\n\n{LEAD}\n\n{caption}\n\n{SECOND}\n\n{LEAD.replace('Tuesday', 'Monday')}"
    article = clean_article(text, model=None) if model is None else clean_article(text)
    decision = next(line for line in article.lines if line.text == caption)
    assert (decision.role, decision.rule) == ("caption", "closing_credit")
    assert LEAD in article.body and SECOND in article.body
