"""A comment form's fields in a row: the labels read as fields, and the form found where two kinds stand close."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.form_fields import MAX_FIELD_SPAN, field_kind, form_start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Name *", "name"),
        ("Name (erforderlich)", "name"),
        ("E-Mail (erforderlich) (Adresse wird niemals veröffentlicht)", "mail"),
        ("Email *", "mail"),
        ("Your email address", "mail"),
        ("Website", "site"),
        ("Site web", "site"),
        ("Comment", "text"),
        ("Kommentar:", "text"),
        # A sentence that opens with a field's word is no label.
        ("Name the three rivers that meet in the city.", None),
        ("E-Mail an die Redaktion schreiben", None),
        ("Twitter", None),
    ],
)
def test_field_kind(text: str, expected: str | None) -> None:
    assert field_kind(text) == expected


GAP = ["(input)"] * (MAX_FIELD_SPAN - 1)


@pytest.mark.parametrize(
    ("texts", "start", "expected"),
    [
        # A blog's form: name, address, site one under the other.
        (["Share this:", "Twitter", "Name *", "Email *", "Website"], 0, 2),
        # Empty input lines between the labels, up to the span.
        (["Name", *GAP, "E-Mail"], 0, 0),
        # Too far apart: two stray labels, not one form.
        (["Name", *GAP, "(input)", "E-Mail"], 0, None),
        # A share row's "Comments" and "Email" buttons: no name field, no form.
        (["Tweet", "Comments", "SMS", "Email", "Print"], 0, None),
        # The message field beside the name is the form too only with an address or site: here none.
        (["Comment", "Name *"], 0, None),
        # A share row's "E-Mail" button among the networks: one kind of field only.
        (["Twitter", "Facebook", "E-Mail", "LinkedIn", "E-Mail"], 0, None),
        # The share row's button above, the form below: the form is found where it stands.
        (["Twitter", "E-Mail", "LinkedIn", "Comments are closed.", "", "", "E-Mail *", "Name *"], 0, 6),
        # Only from ``start`` on.
        (["Name *", "Email *", "A paragraph."], 1, None),
    ],
)
def test_form_start(texts: list[str], start: int, expected: int | None) -> None:
    assert form_start(texts, start) == expected
