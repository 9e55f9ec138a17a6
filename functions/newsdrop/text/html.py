"""HTML members: main content and metadata via trafilatura (lazy import), with a stdlib text fallback.

The stages live beside it: ``html_page`` (parsing), ``html_meta`` (meta tags and JSON-LD),
``html_headline`` (the headline; ``html_unstated`` where no metadata states it), ``html_printed``
(the headline against the printed lines) and ``html_reading`` (trafilatura); this module assembles their result.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from newsdrop.models import CleanArticle, Hints
from newsdrop.text import fallbacks
from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.model import LineModel
from newsdrop.text.combine import SHIPPED_MODEL, combine
from newsdrop.text.decode import normalize_text
from newsdrop.text.extraction import with_extraction_drops
from newsdrop.text.html_headline import headline_choice
from newsdrop.text.html_meta import (
    full_timestamp,
    page_descriptions,
    page_metadata,
    title_witnesses,
    year_only_guess,
)
from newsdrop.text.html_page import collect, lines_of, unnamed_markup
from newsdrop.text.html_printed import (
    displayed_headline,
    printed_opening,
    unstated_printed_part,
    without_stated_headlines,
)
from newsdrop.text.html_reading import Readings, read_for_recall, read_with_trafilatura
from newsdrop.text.html_title_parts import title_and_site
from newsdrop.text.html_unstated import titled_large_type
from newsdrop.text.layout_rows import split_layout_rows
from newsdrop.text.main_cells import with_link_cells
from newsdrop.text.main_edits import (
    bare_key,
    described_lines,
    without_about_boilerplate,
    without_headline_lists,
    without_kicked_headline,
    without_slides,
    without_split_kicker,
)
from newsdrop.text.main_formulas import with_formulas
from newsdrop.text.main_opening import without_opening_teasers, without_opening_tools
from newsdrop.text.main_placeholders import without_blocked_embeds
from newsdrop.text.main_summaries import without_closing_summaries, without_opening_summaries
from newsdrop.text.main_tail import without_closing_notices, without_dangling_lead_in, without_witness_tail
from newsdrop.text.main_teasers import without_capital_links, without_labelled_teasers
from newsdrop.text.reading_copies import without_story_copies


@dataclass(frozen=True, slots=True)
class Extraction:
    """What an HTML page yields: its text, its metadata, and whether the text is already the main content."""

    text: str
    hints: Hints
    main_content: bool
    # The page's visible text, one block per line, when ``text`` is an extractor's main content (else
    # empty): what extraction left out is shown beside the cleaned lines (``extraction.with_extraction_drops``).
    page_lines: tuple[str, ...] = ()
    # The extractor's own title (its choice among og:title, <h1>, <title>): make eval's trafilatura-alone baseline.
    extractor_title: str | None = None
    # trafilatura's own main content before ``combine`` and ``described_lines`` (empty without main content): the
    # same baseline's text.
    extractor_text: str = ""
    # What trafilatura read (``extract`` takes it back to combine the same readings with another line model).
    readings: Readings | None = None


def extract(
    html: str, *, model: LineModel | object | None = SHIPPED_MODEL, readings: Readings | None = None
) -> Extraction:
    """Main-content text (one paragraph per line) and metadata of an HTML page.

    trafilatura sees the markup, so it drops navigation and page chrome far better than any text
    heuristic; its default and ``favor_recall`` readings are combined with the line cleaner's reading
    of the page's visible text (``combine.combine``, with ``model`` as the line model), and so is its own
    reading where its comparison step swapped another extractor's in (``combine_own``). The whole visible
    text (``main_content=False``, for the line cleaner's own region choice) is the fallback when it
    finds no main content or the page has too many tags for it to parse in good time. ``readings``
    (``Extraction.readings`` of an earlier call) saves running trafilatura again for another model.
    """
    collector = collect(html)
    readings = read_with_trafilatura(html) if readings is None else readings
    text, recall_text, meta_title, date, source, url, own_text = readings
    main_content = bool(text.strip())
    page_text = lines_of(collector)
    if not main_content:
        fallbacks.note("html_text")
        text = page_text
    og_title, ld_headline = title_witnesses(html)
    # Without meta tags, trafilatura may name the <title>'s site part as the title and its headline as the site.
    stated_title, source = title_and_site(meta_title, source, collector.title)
    title, replaced = headline_choice(
        # Without an <h1>, the texts the page sets in headline type (table-era markup: <font size="5"><b>).
        collector.headings
        or titled_large_type(collector.large_type, (stated_title, collector.title), source),
        stated_title or collector.title,
        collector.title,
        source,
        og_title=og_title,
        ld_headline=ld_headline,
        page_text=page_text,
    )
    page_normal = normalize_text(page_text)
    printed = page_normal.split("\n")
    # The page's code lines as the cleaner reads lines (NFC, whitespace collapsed): None on most pages.
    preformatted = (
        frozenset(normalize_text("\n".join(sorted(collector.preformatted))).split("\n")) - {""}
        if collector.preformatted
        else None
    )
    extractor_text = text if main_content else ""

    def page_reading(reading: str) -> str:
        # A table-era page: the extractor reads its layout table as rows of cells, each cell a column of the page
        # on one line (the line cleaner takes a line of 10,000 characters for a caption); they go back to the page's
        # lines, and ``combine`` weighs them against the line cleaner's reading like any other. A reading through a
        # container that holds the page's copies of its article block keeps one copy (``reading_copies``).
        return without_story_copies(split_layout_rows(reading, printed, preformatted or ()))

    if main_content:
        text = page_reading(text)
    if (shown := displayed_headline(title, printed, (og_title, ld_headline), text)) is not None:
        # The <h1> above the headline the page shows is the headline too: no line of the story.
        title, replaced = shown, replaced if replaced is not None else title
    elif (opening := printed_opening(title, printed)) is not None:
        title = opening
    elif og_title is None and ld_headline is None and (part := unstated_printed_part(title, printed)):
        # No metadata states the headline (older markup): the <title>'s site and section names, cut off where the
        # page prints the rest.
        title = part
    stamp, byline = page_metadata(html)
    if stamp is None and year_only_guess(date, html):
        date = None
    published = full_timestamp(date, stamp)
    hints = Hints(
        title=title, url=url, published=published, source=source, byline=byline, preformatted=preformatted
    )
    page_lines: tuple[str, ...] = ()
    if main_content:
        # Two readings of the markup, chosen and extended by their agreement with the line cleaner's
        # reading of the page's text (``combine``): trafilatura alone truncates or takes a teaser list.
        # The second reading costs a second pass: it is read only when ``combine`` doubts the first.
        recalled: list[str] = [] if recall_text is None else [recall_text]

        def recall() -> str:
            if not recalled:
                recalled.append(read_for_recall(html))
            return page_reading(recalled[0])

        page_lines = tuple(printed)
        captions = frozenset(bare_key(caption) for caption in collector.captions)
        links = frozenset(bare_key(link) for link in collector.links)
        text, witness_kept, witness_after, witness_comments = combine(
            text,
            recall,
            page_normal,
            hints,
            model,
            captions,
            links,
            page_reading(own_text) if own_text else "",
        )
        readings = readings._replace(recall_text=recalled[0] if recalled else None)
        main_lines = without_slides([line.strip() for line in text.split("\n") if line.strip()])
        # The formulas the extractor took out of the story's paragraphs.
        main_lines = with_formulas(main_lines, list(page_lines), collector.formulas)
        # The links the extractor took out of a table's first column.
        main_lines = with_link_cells(main_lines, list(page_lines), links)
        # A label that leads into a box, list or embed the extractor dropped ("... in unserem Liveblog:").
        main_lines = without_dangling_lead_in(main_lines)
        # The site's pitch or notice under the story's last paragraph, where the witness dropped it too.
        main_lines = without_closing_notices(main_lines, witness_kept)
        # The site's boxes under the story that the witness dropped: its footer's first lines, a notice's box.
        main_lines = without_witness_tail(
            main_lines,
            witness_kept,
            witness_after,
            unnamed_markup(collector),
            witness_comments,
            page_lines,
            links,
        )
        # A notice or call that the box under it hid: the walk again from the new last line.
        main_lines = without_closing_notices(main_lines, witness_kept)
        # A label that led into the box those edits cut (now the last line).
        main_lines = without_dangling_lead_in(main_lines)
        # Other stories' headlines listed between the story's paragraphs.
        main_lines = without_headline_lists(main_lines)
        # The boxes blocked embeds leave: a heading over a consent notice.
        main_lines = without_blocked_embeds(main_lines, witness_kept)
        # Other stories' teasers behind an upper-case label and a bar ("LEE MÁS | ...").
        main_lines = without_labelled_teasers(main_lines)
        # The article tools and reprint-rights notice above the story that the witness dropped.
        main_lines = without_opening_tools(main_lines, witness_kept)
        # Other stories' headlines set in upper case as links.
        main_lines = without_capital_links(main_lines, links)
        # Other stories' headlines the main content opens with, above a paragraph the witness kept.
        main_lines = without_opening_teasers(main_lines, witness_kept, links, title or "")
        # Other stories' summaries, each under its headline link, above the story's own headline.
        main_lines = without_opening_summaries(main_lines, list(page_lines), links, title or "")
        # Other stories' summaries under the story, each inside its teaser card's link.
        main_lines = without_closing_summaries(main_lines, links)
        # A press release's closing boilerplate about a company the story names.
        main_lines = without_about_boilerplate(main_lines)
        if replaced is not None:
            # The printed <h1> the metadata's headline replaces is the headline too: no line of the story.
            main_lines = _without_line(main_lines, replaced)
        if title:
            # The headline printed with a kicker or other punctuation: the cleaner would keep it as text.
            main_lines = without_kicked_headline(main_lines, title)
            # The headline's kicker on a line of its own above the headline's rest: the story's kicker.
            main_lines = without_split_kicker(main_lines, title)
        # The headline printed in another of the page's stated wordings: the cleaner would keep it as a crosshead.
        main_lines = without_stated_headlines(main_lines, (title, meta_title, og_title, ld_headline))
        # The standfirst the extractor left out, where the page states it as its description.
        text = "\n".join(described_lines(list(page_lines), main_lines, page_descriptions(html)))
    return Extraction(text, hints, main_content, page_lines, meta_title, extractor_text, readings)


def _without_line(lines: list[str], text: str) -> list[str]:
    """``lines`` without the first one that is ``text`` (whitespace collapsed, NFC)."""
    key = " ".join(normalize_text(text).split())
    for index, line in enumerate(lines):
        if " ".join(normalize_text(line).split()) == key:
            return lines[:index] + lines[index + 1 :]
    return lines


def extract_html(html: str) -> tuple[str, Hints]:
    """The page's text and metadata (see ``extract``)."""
    found = extract(html)
    return found.text, found.hints


def html_to_text(html: str) -> str:
    """The page's headline line followed by its main-content text, ready for the line cleaner."""
    text, hints = extract_html(html)
    if hints.title and not text.lstrip().startswith(hints.title):
        return f"{hints.title}\n\n{text}"
    return text


def merge_hints(primary: Hints | None, fallback: Hints) -> Hints:
    """``primary``'s fields (what the bundle states, e.g. a JSON field) over ``fallback``'s (the page's own)."""
    if primary is None:
        return fallback
    return replace(
        fallback,
        **{name: value for name in Hints.__slots__ if (value := getattr(primary, name)) is not None},
    )


def clean_html(
    html: str, hints: Hints | None = None, *, bundle_chrome: frozenset[str] = frozenset()
) -> CleanArticle:
    """An HTML member end to end: main content and metadata from the markup, then the line cleaner.

    The extractor already cut the text to the article, so the cleaner keeps every line its rules
    leave (``main_content``); the bundle's own hints win over the page's metadata. The page lines the
    extractor left out are added to ``lines`` as removed by rule ``extraction`` (bounded).
    """
    found = extract(html)
    article = clean_article(
        normalize_text(found.text),
        merge_hints(hints, found.hints),
        bundle_chrome=bundle_chrome,
        main_content=found.main_content,
    )
    return with_extraction_drops(article, list(found.page_lines))
