"""Text-view stages after the line model: standfirsts, asides, galleries, numbered sections, related runs."""

from __future__ import annotations

from newsdrop.models import KEPT_ROLES
from newsdrop.text.cleaner.asides import asides
from newsdrop.text.cleaner.gallery import gallery_lines
from newsdrop.text.cleaner.lead_under import lead_under_headline, notice_standfirsts
from newsdrop.text.cleaner.lines import _ends_sentence, _Line
from newsdrop.text.cleaner.numbered_sections import numbered_sections
from newsdrop.text.cleaner.related_runs import headline_like, related_label, related_runs


def after_model(lines: list[_Line], start: int, *, modelled: bool) -> None:
    """Re-decide the lines the header rules and the line model misread, in place (the text views only; an
    extractor's main content has its own edits). They run after the model, so its training rows stay."""
    if (lead := lead_under_headline(lines, start)) is not None:
        # A standfirst under the headline's byline, date or credit: the header rules and the model read it
        # as header.
        lines[lead].assign("body", "lead_under_headline")
    for index in notice_standfirsts(lines):
        lines[index].assign("boilerplate", "standfirst_notice")
    for index in asides(lines):
        # An author box under its heading or a picture credit kept inside the story: the site's aside.
        lines[index].assign("boilerplate", "aside")
    for index in gallery_lines([line.text for line in lines]):
        # A picture gallery's numbered slides: other pictures' titles and captions, not the story.
        if lines[index].role in KEPT_ROLES:
            lines[index].assign("boilerplate", "gallery")
    kept = [line.role in KEPT_ROLES for line in lines]
    for index in numbered_sections(kept, [line.text for line in lines], [line.rule for line in lines]):
        # A dropped heading of the story's numbered sections ("3. Don't use a wooden luggage rack").
        line = lines[index]
        if line.role == "boilerplate":
            line.assign("body" if _ends_sentence(line.text) else "subheading", "numbered_section")
    if modelled:
        # Headlines of other pages listed under a "Related" / "Mehr zum Thema" label the region ran into and
        # the line model kept (the rules alone drop a link list under its label).
        kept = [line.role in KEPT_ROLES for line in lines]
        labels = [related_label(line.key, line.words) for line in lines]
        headlines = [headline_like(line.text, line.words) for line in lines]
        for index in related_runs(kept, labels, headlines):
            lines[index].assign("boilerplate", "related_run")
