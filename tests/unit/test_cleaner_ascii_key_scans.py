"""The line rules' ASCII key scans: a rule's scans never reject a line its test claims, and the rule scanner
that skips a rule none of whose scans matched gives the verdicts of the full rule chain."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner import normalize_line_key
from newsdrop.text.line_keys import count_words
from newsdrop.text.re2_sets import search_set
from newsdrop.text.rule_dispatch import first_rule, rule_scanner
from newsdrop.text.rules import ASCII_KEY_SCANS, RULES

_TESTS = {rule.name: rule.test for rule in RULES}
_SCAN = rule_scanner(())

# Lines each rule claims whose key is ASCII: its scans must not reject them (some text is not ASCII, its key is).
CLAIMED = [
    ("photo_caption", "Protesters have worn masks (Image: GETTY )"),
    ("photo_caption", "Photo by Kirk Irwin/Getty Images"),
    ("photo_caption", "PHOTOGRAPH: AP"),
    ("photo_caption", "Photos courtesy of the family"),
    ("photo_caption", "Image caption Scooter Braun has managed Justin Bieber"),
    ("photo_caption", "1 of 4 A shopper looks at extension cords at the hardware store."),
    ("photo_caption", "Rescue teams at work on Sunday AFP"),
    ("photo_caption", "A man walks past the shop. [Photo: Jane Doe]"),
    ("photo_caption", "Son tres los periodos de vacaciones durante el ano escolar. Foto: Andina"),
    ("photo_caption", "Trump asked voters for a win. Credit... Doug Mills/The New York Times"),
    # The key folds the ellipsis and the no-break space to ASCII: the scans read the folded forms.
    ("photo_caption", "Trump asked voters for a win. Credit\u2026 Doug Mills"),
    ("photo_caption", "Photo\u00a0: Reuters"),
    ("photo_caption", "Wer die Aste wieder auf die Wege zieht, ist unklar (Symbolbild)."),
    ("byline", "By Jane Doe"),
    ("byline", "BY LISA MASCARO and ERIC TUCKER"),
    ("byline", "by\tJane Doe"),
    ("byline", "By"),
    ("byline", "Reporter: Jane Doe"),
    ("byline", "Catherine Shu @catherineshu / 2 days"),
    ("byline", "Posted by Michael David Smith on November 19, 2019, 6:21 AM EST"),
]

# Lines no scan of either rule admits (and no rule claims).
REJECTED = [
    "The photo showed the minister at the border, officials said.",
    "The minister spoke to reporters on Tuesday",
    "Bidding closes at noon",
    "Ten of the players were injured",
]

# Lines whose verdict the scanner must give as the full chain does: other rules' lines, near misses, other keys.
CHAIN = [
    *(line for _, line in CLAIMED),
    *REJECTED,
    "Share this article",
    "Advertisement",
    "20:02",
    "By the end of the week the talks had collapsed.",
    "Von M\u00fcnchen bis Aachen: Im Netz der China-Agenten",
    "Crédits photos : Bestimage",
    "\u0130mage: Reuters",
    "Das Bild: ein Erfolg f\u00fcr alle Beteiligten, sagte er.",
]


def _scans_match(name: str, key: str) -> bool:
    return search_set(ASCII_KEY_SCANS[name])(key) is not None


def test_scanned_rules_are_rules() -> None:
    assert set(ASCII_KEY_SCANS) <= set(_TESTS)


@pytest.mark.parametrize(("name", "line"), CLAIMED)
def test_scans_admit_what_the_rule_claims(name: str, line: str) -> None:
    key = normalize_line_key(line)
    assert key.isascii()
    assert _TESTS[name](line, key, count_words(line))
    assert _scans_match(name, key)
    rule, *_ = _SCAN(line, key, count_words(line))
    assert rule is not None and rule.name == name


@pytest.mark.parametrize("line", REJECTED)
def test_scans_reject_plain_lines(line: str) -> None:
    key = normalize_line_key(line)
    assert not any(_scans_match(name, key) for name in ASCII_KEY_SCANS)
    assert _SCAN(line, key, count_words(line))[0] is None


@pytest.mark.parametrize("line", CHAIN)
def test_scanner_gives_the_chain_verdict(line: str) -> None:
    key, words = normalize_line_key(line), count_words(line)
    assert _SCAN(line, key, words)[0] == first_rule(line, key, words)
