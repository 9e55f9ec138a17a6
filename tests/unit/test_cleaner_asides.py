"""The site's asides kept inside the story: an author box under its heading, a line opened by a picture credit."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsdrop.models import KEPT_ROLES
from newsdrop.text.cleaner import asides as asides_module
from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.asides import asides, box_heading, push_prompt, tag_lists
from tests.unit.case_folding import re_case_variants, re_partners
from tests.unit.cleaner_fixtures import HEADLINE, LEAD, SECOND

BIO = "Jane Doe covers the coast for the paper. She studied geography in Bristol and sails in her spare time."


@dataclass
class Line:
    """The fields ``asides`` reads of a cleaner line."""

    text: str
    role: str | None = "body"
    prose_text: bool = True
    rule: str | None = "article_region"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About the author", True),
        ("Autoreninfo", True),
        ("About Jane Doe", True),
        ("Über Simon Dückert", True),
        ("Über Creeny", True),
        # A topic, not a name: a crosshead ("About the new wall" has lower-case words).
        ("About the new breakwater", False),
        ("About four in ten fishermen", False),
        ("Harbour wall finished early", False),
    ],
)
def test_box_heading(text: str, expected: bool) -> None:
    assert box_heading(text) is expected


# Every heading form's opening words (``BOX_HEADING``, ``_ABOUT``).
_HEADING_FORMS = (
    "About the author",
    "The author",
    "Autorin",
    "Autoreninfo",
    "Über die Autorin",
    "Zum Autor",
    "Zur Autorin",
    "Sobre el autor",
    "À propos de l'auteur",
    "L'autore",
    "O autorze",
    "About Jane Doe",
    "Über Simon Dückert",
    "Sobre Ana",
    "O Janie Kowalskiej",
)


@pytest.mark.parametrize("form", _HEADING_FORMS)
def test_box_heading_first_letter_gate_keeps_every_case_variant(form: str) -> None:
    # The gate passes every character ``re``'s IGNORECASE pairs with a form's first letter: each variant of the
    # form's case reads as the patterns alone read it.
    first = form[0].lower()
    assert {first, *re_partners(first)} <= asides_module._HEADING_FIRST
    for variant in re_case_variants(form):
        expected = asides_module.BOX_HEADING.match(variant) is not None or (
            (found := asides_module._ABOUT.match(variant.strip())) is not None
            and all(asides_module.NAME_WORD.match(word) for word in found.group(1).split())
        )
        assert box_heading(variant) is expected, variant
    assert box_heading(form) is True


def _story(*tail: Line) -> list[Line]:
    return [Line(HEADLINE, role="title", prose_text=False), Line(LEAD), Line(SECOND), *tail]


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        # Under its heading, right below or one line further (a name line between).
        ((Line("About Jane Doe", role="boilerplate", prose_text=False), Line(BIO)), [4]),
        (
            (
                Line("Autoreninfo", role="subheading", prose_text=False),
                Line("Jane Doe", prose_text=False),
                Line(BIO),
            ),
            [5],
        ),
        # Three lines under the heading: out of the box's reach.
        (
            (
                Line("About the author", role="boilerplate"),
                Line("Share", role="boilerplate"),
                Line("Print", role="boilerplate"),
                Line(BIO),
            ),
            [],
        ),
        # A short kept line under the heading that is no prose (a contact line) stays to the other rules.
        (
            (
                Line("About Jane Doe", role="boilerplate", prose_text=False),
                Line("jane@example.org", prose_text=False),
            ),
            [],
        ),
        # A dropped bio is left alone.
        ((Line("About Jane Doe", role="boilerplate", prose_text=False), Line(BIO, role="boilerplate")), []),
        # Picture credits the caption rule leaves to the region.
        ((Line("Photograph by Jane Doe, Harbour Trust", role="subheading", prose_text=False),), [3]),
        ((Line("Screenshot, Harbour Authority The new wall seen from the pier on Tuesday."),), [3]),
        # The site's disclosures.
        ((Line("Disclaimer: The responses below are not provided or commissioned by the advertiser."),), [3]),
        ((Line("Advertiser Disclosure"),), [3]),
        (
            (
                Line(
                    "This post contains affiliate links. We may earn a commission when you buy through them."
                ),
            ),
            [3],
        ),
        # A story about a disclosure rule.
        ((Line("The disclosure rules for advertisers were tightened by the regulator last year."),), []),
        # Reading-time widgets, but not a recipe's times.
        ((Line("3 Min Lesezeit", prose_text=False),), [3]),
        ((Line("weiterlesen 10 Minuten", prose_text=False),), [3]),
        ((Line("4 min read", prose_text=False),), [3]),
        ((Line("Backzeit 30 Minuten", prose_text=False),), []),
        # A story sentence that mentions a photograph.
        ((Line("Photographs of the storm damage were shown to the council on Monday."),), []),
        # An agency's or a picture's signature alone on its line; an upper-case term is no signature.
        ((Line("aja/PAP", prose_text=False),), [3]),
        ((Line("(dpa/lnw)", prose_text=False),), [3]),
        ((Line("iStock/Gargonia", prose_text=False),), [3]),
        ((Line("TCP/IP", prose_text=False),), []),
        ((Line("The agency (dpa/lnw) reported it first.", prose_text=True),), []),
        # A tag list on its label's line; a sentence after the label is the story's.
        ((Line("Themen: App digitale Karten Route Strava Tourenplanung", role="subheading"),), [3]),
        ((Line("Tags: harbour, storm, council"),), [3]),
        ((Line("Themen: Der Rat sprach über den Hafen und die Sturmschäden."),), []),
        ((Line("Tags: " + " ".join(["word"] * 21)),), []),
        # A browser's push-notification prompt; a story about notifications names no browser.
        (
            (
                Line(
                    "Benachrichtigung aktivieren Dürfen wir Sie in Ihrem Browser über die wichtigsten"
                    " Nachrichten informieren?"
                ),
            ),
            [3],
        ),
        ((Line("Enable notifications in your browser to get breaking news."),), [3]),
        ((Line("The council will enable notifications for flood warnings by text message."),), []),
    ],
)
def test_asides(tail: tuple[Line, ...], expected: list[int]) -> None:
    assert asides(_story(*tail)) == expected
    # The kept verdicts given (as after_model passes them): the same asides.
    page = _story(*tail)
    assert asides(page, None, [line.role in KEPT_ROLES for line in page]) == expected


def test_asides_read_the_given_kept_verdicts() -> None:
    # Only the lines the verdicts keep are read: none kept, none is the site's aside.
    page = _story(Line("Enable notifications in your browser to get breaking news."))
    assert asides(page) == [3]
    assert asides(page, None, [False] * len(page)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Enable notifications in your browser to get breaking news.",
        "Benachrichtigungen erlauben: Ihr Browser fragt gleich nach.",
        "Włącz powiadomienia w przeglądarce",
        "Activar notificaciones en el navegador",
        "The council will enable notifications for flood warnings by text message.",
        "Allow the browser to show alerts.",
    ],
)
def test_asides_page_stem_pretest_keeps_every_push_prompt(text: str) -> None:
    """A prompt line among the story's kept lines is found by ``push_prompt``'s own stem look-up."""
    assert asides(_story(Line(text))) == ([3] if push_prompt(text) else [])


@pytest.mark.parametrize("stem", asides_module.NOTIFICATION_STEMS)
def test_push_prompt_reads_each_stem(stem: str) -> None:
    """Every notification stem alone lets the prompt's regexes run; without a stem the line is no prompt."""
    assert push_prompt(f"Allow n{stem}tions in your browser")
    assert not push_prompt("Allow alerts in your browser")


@pytest.mark.parametrize(
    "text",
    [
        "Photograph by Jane Doe, Harbour Trust",
        "Bilder von Jane Doe",
        "Advertiser Disclosure",
        "  -- Haftungsausschluss: Die Inhalte ...",
        "This story includes affiliate links.",
        "Lesezeit 3 Min.",
        "4 MIN READ",
        "Photographs of the storm damage were shown to the council on Monday.",
        "The disclosure rules for advertisers were tightened by the regulator last year.",
        "Backzeit 30 Minuten",
        "",
    ],
)
def test_one_aside_opening_pattern_is_the_three_tests(text: str) -> None:
    """The credit, disclosure and reading-time openings tested at once match where one of them does."""
    three = any(
        pattern.match(text) is not None
        for pattern in (asides_module._CREDIT_OPENING, asides_module._DISCLOSURE, asides_module._READING_TIME)
    )
    assert (asides_module._ASIDE_OPENING.match(text) is not None) is three


@pytest.mark.parametrize(
    ("text", "pattern", "mark"),
    [
        ("aja/PAP", "_SIGNATURE", "/"),
        ("(dpa / lnw).", "_SIGNATURE", "/"),
        ("iStock/Gargonia", "_SIGNATURE", "/"),
        ("Tags: politics, budget", "_TAG_LINE", ":"),
        ("Themen: App digitale Karten Route", "_TAG_LINE", ":"),
        ("Schlagwörter :\tEnergie Wärme", "_TAG_LINE", ":"),
    ],
)
def test_signature_and_tag_line_need_their_mark(text: str, pattern: str, mark: str) -> None:
    """``asides`` tests a line against the signature or the tag-line pattern only when it holds the pattern's
    mandatory slash or colon: every line either pattern matches holds it, and without it the line matches none."""
    compiled = getattr(asides_module, pattern)
    assert compiled.fullmatch(text) is not None
    assert mark in text
    assert compiled.fullmatch(text.replace(mark, " ")) is None


def test_asides_leave_a_story_that_is_only_the_box() -> None:
    lines = [Line("About Jane Doe", role="boilerplate", prose_text=False), Line(BIO)]
    assert asides(lines) == []


def test_clean_article_drops_the_author_box_under_its_heading() -> None:
    text = "\n\n".join(["Home | World | Sport", HEADLINE, LEAD, SECOND, "About Jane Doe", BIO, LEAD.upper()])
    article = clean_article(text)
    assert LEAD in article.body
    assert BIO not in article.body


def _listed(label: str, *items: str) -> list[Line]:
    """The story, then a colon list (rule ``colon_list``): its label and items."""
    listed = [Line(text, prose_text=False, rule="colon_list") for text in (label, *items)]
    return _story(*listed)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Tagged:", [3, 4, 5]),
        ("Schlagwörter:", [3, 4, 5]),
        ("Tags:", [3, 4, 5]),
        # The story's own list after a lead-in.
        ("Tour dates:", []),
        ("What you need:", []),
    ],
)
def test_tag_lists(label: str, expected: list[int]) -> None:
    lines = _listed(label, "harbours", "storms")
    assert tag_lists(lines) == expected
    assert asides(lines) == expected


def _rules(*rules: str | None) -> list[Line]:
    """One line a rule: "colon_list" lines are labels ("Tags:") or items, the others story prose."""
    texts = {"label": "Tags:", "other": "Tour dates:", "item": "harbours"}
    return [
        Line(texts[rule], rule="colon_list", prose_text=False) if rule in texts else Line(LEAD)
        for rule in rules
    ]


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        # A label later in a colon list takes its own line and the run under it, not the lines above.
        (("prose", "other", "item", "label", "item"), [3, 4]),
        # A label inside a run already taken is not read again (each index once).
        (("label", "label", "item", "prose"), [0, 1, 2]),
        # Two runs, each under its own label; a run without one stays.
        (("label", "item", "prose", "other", "item", "prose", "label"), [0, 1, 6]),
        (("prose", "other", "item"), []),
        ((), []),
    ],
)
def test_tag_lists_runs(rules: tuple[str, ...], expected: list[int]) -> None:
    lines = _rules(*rules)
    assert tag_lists(lines) == expected
    # Given each line's rule, the same runs; a page with no colon list is answered from the rules alone.
    assert tag_lists(lines, [line.rule for line in lines]) == expected
    assert tag_lists(lines, [None] * len(lines)) == []
