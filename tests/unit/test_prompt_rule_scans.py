"""Prompt rules' word scans that open with a letter and look back for the boundary: the plain patterns' verdicts."""

from __future__ import annotations

import random
import re

import pytest

from newsdrop.text.prompt_rules import _POLICY_SUBJECT, _POLICY_TERMS

_PLAIN_SUBJECT = re.compile(
    r"\b(?:comments?|commenting|posting|submitting|viewpoints|replies"
    r"|coment[aá]rios?|commentaires?|kommentare?|commenti)\b"
)
_PLAIN_TERMS = re.compile(
    r"\b(?:polic(?:y|ies)|guidelines|insults?|libel|moderat\w*|moderad\w*|modér\w*|moderiert\w*|profanity|abusive"
    r"|offensive|community standards"
    r"|will not be (?:published|disclosed|posted|approved)|respectful|terms of use|be mindful)\b"
)
# Whole words, their parts and neighbours a boundary turns on (a letter, a digit, "_", "é", a space, a hyphen).
_WORDS = (
    "comment comments commenting posting submitting viewpoints replies comentario comentários commentaire"
    " commentaires kommentar kommentare commenti policy policies guidelines insult insults libel moderated"
    " moderadas modéré moderiert profanity abusive offensive community standards will not be published disclosed"
    " posted approved respectful terms of use be mindful"
).split()
_PIECES = [*_WORDS, "x", "_", "é", " ", "-", "1", "s", "c", "m", "p", "w"]


def _texts() -> list[str]:
    rng = random.Random(11)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 6))) for _ in range(30000)]


@pytest.mark.parametrize(
    ("text", "subject", "terms"),
    [
        ("read our comment policy", True, True),
        ("xcomment policy", False, True),
        ("comments_ policy_", False, False),
        ("kommentare werden moderiert", True, True),
        ("comment-moderation", True, True),
        ("1replies will not be posted", False, True),
        ("écommentaires é", False, False),
        ("the community standards apply", False, True),
        ("community standardsx", False, False),
        ("", False, False),
    ],
)
def test_the_policy_scans_answer_on_fixed_lines(text: str, subject: bool, terms: bool) -> None:
    assert (_POLICY_SUBJECT.search(text) is not None) == subject == (_PLAIN_SUBJECT.search(text) is not None)
    assert (_POLICY_TERMS.search(text) is not None) == terms == (_PLAIN_TERMS.search(text) is not None)


def test_the_policy_scans_find_what_the_plain_patterns_find() -> None:
    # The first letter first, the boundary before it looked back at: a match wherever ``\b(?:...)\b`` has one.
    for text in _texts():
        assert (_POLICY_SUBJECT.search(text) is None) == (_PLAIN_SUBJECT.search(text) is None), text
        assert (_POLICY_TERMS.search(text) is None) == (_PLAIN_TERMS.search(text) is None), text
