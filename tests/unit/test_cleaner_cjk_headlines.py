"""Islands of short CJK headlines kept below the story are other pages' teasers (``cjk_headlines``)."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.cjk_headlines import cjk_headline, cjk_headline_islands

_STORY = "元タレントの中居正広氏の女性トラブルを発端にしたフジテレビ問題が、スポーツ界に飛び火している。" * 3
_HEADLINE = "フジテレビ問題が小池都政に飛び火！東京都には数々の案件…都議会で追及の的に"
_QUESTION = "肌のかゆみの原因は？「乾燥とは無縁」と強がる男性の誤解"
_SHORT_SENTENCE = "ゴルフ界も対岸の火事ではない。"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_HEADLINE, True),
        (_QUESTION, True),
        ("「のろぼんろく」にプロ野球の将来とテレビの未来が潰された", True),
        ("好きぴと話したいけど話題がない時のLINE3選。コミュ力不安を解消する鉄板テク", True),
        # A sentence's stop at the end, inside a closing quote too: the story's line.
        (_SHORT_SENTENCE, False),
        ("「会議は来週に延期する。」", False),
        # A paragraph longer than a headline, whatever its ending.
        (_STORY, False),
        # Latin script and Korean: the other stages read them.
        ("Stocks fall as investors weigh the rate outlook", False),
        ("서울 아파트값 상승세 둔화 전망", False),
        ("", False),
    ],
)
def test_cjk_headline_is_a_short_kana_or_han_line_without_a_closing_full_stop(
    text: str, expected: bool
) -> None:
    assert cjk_headline(text) is expected


# Layouts as one character a line: "S" a story paragraph kept, "h" a kept CJK headline, "s" a kept short
# sentence ending in 。, "." a dropped line.
_TEXTS = {"S": _STORY, "h": _HEADLINE, "s": _SHORT_SENTENCE, ".": "関連記事"}


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        # Three headlines past the story's island go; so does each such island.
        ("SSS..hhh", [5, 6, 7]),
        ("SSS..h.hh...hhhh", [5, 7, 8, 12, 13, 14, 15]),
        # Two headlines are too few (``trailing_islands`` reads that size).
        ("SSS..hh", []),
        # One line ending in 。 in the island: the story's own section.
        ("SSS..hhsh", []),
        # Headlines above the story or inside its island stay (a kicker, the story's crossheads).
        ("hhh..SSS", []),
        ("ShShShS", []),
        # No island past the story.
        ("SSS", []),
    ],
)
def test_cjk_headline_islands_drop_islands_of_headlines_below_the_story(
    layout: str, expected: list[int]
) -> None:
    kept = [mark != "." for mark in layout]
    texts = [_TEXTS[mark] for mark in layout]
    assert cjk_headline_islands(kept, texts) == expected
    # With the lines' sizes given (after_model has them): the same lines.
    assert cjk_headline_islands(kept, texts, [len(text) for text in texts]) == expected
