"""The last text-view stages after the model: what they give back to the story (a numbered list's rows, a rejoined
island, a live ticker's oldest entries, a short post, a slideshow's slides)."""

from __future__ import annotations

from newsdrop.text.cleaner.gallery import gallery_lines
from newsdrop.text.cleaner.lines import _Line
from newsdrop.text.cleaner.live_ticker import ticker_entries
from newsdrop.text.cleaner.numbered_runs import numbered_blocks, numbered_runs
from newsdrop.text.cleaner.page_roles import PageRoles
from newsdrop.text.cleaner.rejoined_islands import rejoined_islands
from newsdrop.text.cleaner.short_post import post_over_form, short_post
from newsdrop.text.cleaner.slideshow import slideshow_story


def give_back_story(
    lines: list[_Line], roles: PageRoles, texts: list[str], led: list[int], sizes: list[int]
) -> None:
    """The stages in place, in their order; ``led`` lists the lines that open with a number, ``sizes`` holds the
    lines' characters."""
    for index in numbered_runs(texts, roles.kept(), roles.rules(), led):
        # A numbered list the page keeps most of (a catalogue's entries): its rows the model dropped, and the
        # island under it cut for the gap they made.
        roles.assign(index, "body", "numbered_run")
    for index in numbered_blocks(texts, roles.kept(), roles.rules(), sizes):
        # A list whose numbers stand alone over their entries (a paper's references), kept for the most part:
        # its entries the model dropped or cut as an island at the page's bottom.
        roles.assign(index, "body", "numbered_run")
    for index in rejoined_islands(roles.kept(), roles.rules()):
        # An island cut below the story that a line taken back above joined to the story again.
        roles.assign(index, "body", "rejoined_island")
    for index in ticker_entries(texts, roles.kept(), roles.rules(), sizes):
        # A live ticker the page keeps as its story: its oldest entries, cut as an island below it.
        roles.assign(index, "body", "ticker_entry")
    for index in short_post(lines, roles.kept()):
        # Nothing kept: a post too short for the region (a quotation, a file's link) under its date.
        roles.assign(index, "body", "short_post")
    post, below = post_over_form(lines, roles.rules())
    for index in below:
        # What the page kept lies below the post's comment form: the comments' and the sidebar's lines.
        roles.assign(index, "boilerplate", "below_post_form")
    for index in post:
        # The post over that form, under its headline's date: the story, too short for the region.
        roles.assign(index, "body", "post_over_form")
    if (rules := roles.rules()) and "gallery" in rules and not any(roles.kept()):
        for index in slideshow_story(texts, roles.kept(), rules, gallery_lines(texts, led)):
            # Nothing kept but the gallery the stage above dropped: a slideshow page, its slides the story.
            roles.assign(index, "body", "slideshow")
