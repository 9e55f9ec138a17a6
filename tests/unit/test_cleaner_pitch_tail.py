"""After the line model, the site's pitch to the reader closing the kept text is dropped (``pitch_tail``)."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.lines import _read_lines
from newsdrop.text.cleaner.pitch_tail import (
    addresses_reader,
    pitch_insets,
    pitch_tail,
    signup_heading,
    site_cue,
)
from newsdrop.text.line_keys import normalize_line_key

# Page layouts as one character a line: "S" a story line kept (1000 characters), "a" a kept line addressing
# the reader (100), "p" a kept line addressing the reader with a site cue (100), "P" such a line of 1000,
# "." a dropped line.
_MARKS = {"S": (True, 1000, False, False), "a": (True, 100, True, False), "p": (True, 100, True, True)}
_MARKS |= {"P": (True, 1000, True, True), ".": (False, 10, False, False)}


def _page(layout: str) -> tuple[list[bool], list[int], list[bool], list[bool]]:
    columns = [_MARKS[mark] for mark in layout]
    return tuple([column[field] for column in columns] for field in range(4))  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        # The closing run of reader-addressed lines, one with a site cue, dropped lines between not counted.
        ("SSSpa", [3, 4]),
        ("SSSap..", [3, 4]),
        ("SSSp.a.", [3, 5]),
        # No site cue in the run: the story talking to its reader.
        ("SSSaa", []),
        # A site cue above the run is no part of it.
        ("SSpSa", []),
        # A story line closes the kept text: no pitch at its end.
        ("SSpaS", []),
        # More than four lines: a guide or a letter to the reader.
        ("SSSSSSSSSSpaaaa", []),
        ("SSSSSSSSSSpaaa", [10, 11, 12, 13]),
        # The story keeps at least three lines.
        ("SSpa", []),
        # The run is a small part of the kept text.
        ("SSSPP", []),
        ("", []),
    ],
)
def test_pitch_tail_is_the_closing_run_of_reader_addressed_lines_with_a_site_cue(
    layout: str, expected: list[int]
) -> None:
    assert pitch_tail(*_page(layout)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("When you join our family, you'll get unlimited access.", True),
        ("Lesen Sie das Magazin digital in der App.", True),
        ("Tú también puedes hacer periodismo. Cancela cuando quieras.", True),
        ("Te necesitamos para seguir.", True),
        # A quotation addresses someone in the story.
        ("“You will pay for this,” he told the court.", False),
        ("The council voted on Tuesday to close the library.", False),
        # French "Du" opens a line as "of the".
        ("Du côté des abonnés, rien ne change.", False),
        # Lower-case "sie" is she or they.
        ("Dann gingen sie nach Hause.", False),
    ],
)
def test_addresses_reader(text: str, expected: bool) -> None:
    assert addresses_reader(text) is expected
    # A prose line read by ``_read_lines`` carries its pronoun cue: given, it decides as the lookup does.
    (line,) = _read_lines(text, frozenset())
    assert addresses_reader(text, line.pronouns) is expected


@pytest.mark.parametrize(
    ("text", "pronouns", "expected"),
    [
        # The given cue is read instead of the text's own: none given, the text's is looked up.
        ("Sign up for our newsletter today.", 0.5, True),
        ("When you join our family, you'll get unlimited access.", 0.0, False),
        ("When you join our family, you'll get unlimited access.", None, True),
        # The opening's "tú" and the quotation are read from the text whatever the cue.
        ("Tú también puedes hacer periodismo.", 0.0, True),
        ("“You will pay for this,” he told the court.", 0.7, False),
    ],
)
def test_addresses_reader_reads_a_given_pronoun_cue(
    text: str, pronouns: float | None, expected: bool
) -> None:
    assert addresses_reader(text, pronouns) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Never miss the latest news by signing up to our newsletter today!", True),
        ("To view the full story, please subscribe. You can choose an annual plan.", True),
        ("Only $5 per month, cancel anytime.", True),
        ("Tú también puedes hacer periodismo incómodo. Cancela cuando quieras.", True),
        ("Bestellen Sie es im Shop als Abo oder Einzelheft.", True),
        # Privacy and browser words are a story's subject as often as the site's request.
        ("If the page looks odd in your browser, your browser is out of date.", False),
        ("You can change your privacy settings in the app.", False),
        # "werbung" inside "Bewerbung" opens no word; a bare price is a review's verdict.
        ("Ihre schriftliche Bewerbung richten Sie bitte an uns.", False),
        ("At $499 it is what you would expect a year after its rival.", False),
    ],
)
def test_site_cue(text: str, expected: bool) -> None:
    assert site_cue(text, normalize_line_key(text)) is expected


# Inset layouts: "S" a kept story line, "a" a kept line addressing the reader, "c" a kept line with a site cue,
# "p" both, "." a dropped line, "h" a dropped line with a site cue (the box's heading), "n" a dropped sign-up
# heading ("Email Newsletter": a site cue too).
_INSET = {
    "S": (True, False, False, False),
    "a": (True, True, False, False),
    "c": (True, False, True, False),
    "p": (True, True, True, False),
}
_INSET |= {
    ".": (False, False, False, False),
    "h": (False, False, True, False),
    "n": (False, False, True, True),
}


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        # Between two dropped lines: a box set into the story.
        ("SS.ca.SS", [3, 4]),
        ("SS.p.SS", [3]),
        ("SS.ca", [3, 4]),
        # Under the box's own heading, the story may follow right below.
        ("SShcaaSS", [3, 4, 5]),
        # Without its heading, a run running into the story is the story's paragraphs.
        ("SS.caSS", []),
        # Both kinds: the reader addressed and the site asking.
        ("SS.aa.SS", []),
        ("SS.cc.SS", []),
        # A run joined to the story above is part of it.
        ("SSca.SS", []),
        # At most four lines.
        ("SS.caaaa.SS", []),
        ("p", []),
        # Under a sign-up heading, lines addressing the reader are the box without a cue of their own.
        ("SSna.SS", [3]),
        ("SSnaa", [3, 4]),
        ("SSnaSS", [3]),
        # Not lines that do not address the reader, nor under another site cue (an advertisement's label).
        ("SSnS.SS", []),
        ("SSha.SS", []),
        ("SSnaaaaa.SS", []),
    ],
)
def test_pitch_insets_are_bounded_runs_of_reader_addressed_lines_with_a_site_cue(
    layout: str, expected: list[int]
) -> None:
    kept, address, cue, heading = ([_INSET[mark][field] for mark in layout] for field in range(4))
    assert pitch_insets(kept, address, cue, heading) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Email Newsletter", True),
        ("Join Our Newsletter", True),
        ("Sign up for daily National newsletter Get Started", True),
        ("Jetzt abonnieren", True),
        # An advertisement's label, an affiliate notice, a long line naming a newsletter: no box heading.
        ("Advertisement", False),
        ("This article contains affiliate links. The products are chosen by our editors", False),
        ("Our newsletter team picked the best stories of the year for you to read at home", False),
        ("Why WordCamps?", False),
    ],
)
def test_signup_heading(text: str, expected: bool) -> None:
    assert signup_heading(normalize_line_key(text), len(text.split())) is expected
