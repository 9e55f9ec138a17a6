"""Text-view stages after the model that drop what other pages and the site set into the kept story: related
runs and links, feeds, teasers, comment threads, offer and sign-up boxes, pitches, echoed labels, link cards."""

from __future__ import annotations

from collections import Counter
from itertools import compress
from operator import attrgetter

from newsdrop.models import KEPT_ROLES
from newsdrop.text.cleaner.ad_heading import ad_headings
from newsdrop.text.cleaner.author_bio import author_bio
from newsdrop.text.cleaner.cjk_headlines import cjk_headline_islands
from newsdrop.text.cleaner.counted_items import counted_items
from newsdrop.text.cleaner.dangling_heading import dangling_heading
from newsdrop.text.cleaner.dated_runs import dated_runs, month_heading, opens_with_date
from newsdrop.text.cleaner.dated_teasers import dated_cards, dated_teasers
from newsdrop.text.cleaner.echoed_heading import echoed_headings
from newsdrop.text.cleaner.heading_pair import heading_pairs
from newsdrop.text.cleaner.headline_link import headline_links
from newsdrop.text.cleaner.inner_list import inner_lists
from newsdrop.text.cleaner.kept_chrome import kept_chrome
from newsdrop.text.cleaner.kicker_teasers import kicker_teasers
from newsdrop.text.cleaner.lines import _Line
from newsdrop.text.cleaner.link_cards import link_cards
from newsdrop.text.cleaner.menu_line import menu_lines
from newsdrop.text.cleaner.more_link import more_links
from newsdrop.text.cleaner.offer_box import box_edges, offer_boxes, offer_notice
from newsdrop.text.cleaner.page_roles import PageRoles
from newsdrop.text.cleaner.pitch_tail import (
    addresses_reader,
    pitch_cues,
    pitch_insets,
    pitch_tail,
    signup_heading,
)
from newsdrop.text.cleaner.post_meta_row import post_meta_row
from newsdrop.text.cleaner.related_cards import related_cards
from newsdrop.text.cleaner.related_link import related_links
from newsdrop.text.cleaner.related_runs import headline_like, kept_labels, line_labels, related_runs
from newsdrop.text.cleaner.retold_heading import retold_headings
from newsdrop.text.cleaner.second_story import second_story
from newsdrop.text.cleaner.signup_box import signup_boxes
from newsdrop.text.cleaner.story_end import Spans, islands
from newsdrop.text.cleaner.teaser_block import teaser_blocks
from newsdrop.text.cleaner.thread_posts import thread_posts


def drop_teasers_and_boxes(
    lines: list[_Line],
    start: int,
    roles: PageRoles,
    kept: list[bool],
    by_model: list[bool],
    page: tuple[list[str], list[str], list[int], list[int]],
    printings: Counter[str],
) -> None:
    """The stages in place, in their order (each reads the verdicts the ones before it left); ``page`` holds the
    lines' texts, keys, numbers and sizes, ``printings`` how many lines print each key."""
    texts, keys, numbers, sizes = page
    # Headlines of other pages listed under a "Related" / "Mehr zum Thema" label the region ran into and
    # the line model kept (the rules alone drop a link list under its label).
    kept = roles.kept()
    labels = line_labels(lines)
    # Whether each kept line reads as a headline (a dropped line is False): the related stages read only kept
    # lines' verdicts, and the heading stages below a subset of them (the lines still kept then).
    headlines: list[bool] | None = None
    if any(labels):
        # Only the lines under a label are read as headlines: most pages have none.
        headlines = _headlines(kept, lines)
        for index in related_runs(kept, labels, headlines):
            roles.assign(index, "boilerplate", "related_run")
        for index in related_links(kept, labels, headlines):
            # One other page's headline right under the label, the story's prose resuming below it.
            roles.assign(index, "boilerplate", "related_link")
        kept = roles.kept()
        for index in teaser_blocks(numbers, kept, labels):
            # Other pages' teasers printed as one block under the label, the story's paragraphs apart.
            roles.assign(index, "boilerplate", "teaser_block")
        for index in related_cards(roles.kept(), labels, keys):
            # Other pages' cards closing the page under the label, one kept line alone in each.
            roles.assign(index, "boilerplate", "related_card")
        kept = roles.kept()
        for index in kept_labels(kept, labels):
            roles.assign(index, "boilerplate", "related_label")
    now = roles.kept()
    if headlines is None:
        headlines = _headlines(now, lines)
    else:
        # The lines kept now were kept when the related stages' verdicts were read: the same verdicts.
        headlines = [keep and headline for keep, headline in zip(now, headlines, strict=True)]
    for index in heading_pairs(numbers, texts, now, headlines):
        # Two headlines printed as one block between the story's paragraphs: a related box's links. (``kept`` is
        # written here and below only after an assignment, which retires the snapshot: no later call is handed it,
        # and no stage reads it after returning.)
        roles.assign(index, "boilerplate", "heading_pair")
        kept[index] = False
    # A headline link is a kept headline-like line in the "Subject: statement" form (``subject_headline``: a colon
    # in it): on a page with none (most) the role lists are not made.
    if any(":" in texts[index] for index in compress(range(len(lines)), headlines)):
        for index in headline_links(
            roles.kept(),
            texts,
            _kept_role(roles.kept(), lines, "body"),
            _kept_role(roles.kept(), lines, "subheading"),
            headlines,
        ):
            # Another page's headline ("Subject: statement") the story links between a paragraph and a crosshead.
            roles.assign(index, "boilerplate", "headline_link")
            kept[index] = False
    for index in inner_lists(numbers, texts, keys, roles.kept(), by_model):
        # A list the story introduces with a colon and goes on under, the lead-in and its items dropped (read
        # after the heading pairs: its items are short lines too).
        roles.assign(index, "body", "inner_list")
    # Only the kept lines can be a feed's entries or headings (``compress`` picks them in C).
    dated = [False] * len(lines)
    for index in compress(range(len(lines)), kept):
        dated[index] = opens_with_date(lines[index].text)
    if any(dated):
        # The kept lines alone are read (``compress`` picks them in C), not every line of the page.
        headings = [False] * len(lines)
        for index in compress(range(len(lines)), kept):
            headings[index] = month_heading(lines[index].text)
        for index in dated_runs(kept, dated, headings):
            # A feed of dated teasers or an archive's entries the region ran into past the story.
            roles.assign(index, "boilerplate", "dated_run")
        for index in compress(range(len(lines)), dated):
            if lines[index].role in KEPT_ROLES and post_meta_row(lines[index].text):
                # A post's published and updated dates over its author and tags, kept in the story.
                roles.assign(index, "boilerplate", "post_meta_row")
    # The kept lines' islands, read again only where the kept lines changed since (four stages below read them).
    spans = _Islands(sizes)
    for index in dated_teasers(kept := roles.kept(), texts, sizes, spans(kept)):
        # Other pages' teaser blurbs below the story, each under its dropped date line.
        roles.assign(index, "boilerplate", "dated_teaser")
    for index in dated_cards(roles.kept(), texts):
        # Other pages' cards (a date line over a title and a blurb) printed one under the other in the story.
        roles.assign(index, "boilerplate", "dated_card")
    for index in thread_posts(kept := roles.kept(), texts, keys, roles.rules(), sizes, spans(kept)):
        # Reader comments below the story, each between its "Name · date" header and its reply button.
        roles.assign(index, "boilerplate", "thread_post")
    for index in kicker_teasers(kept := roles.kept(), texts, sizes, spans(kept)):
        # Other pages' teasers below the story whose blurbs open with a kicker in capitals.
        roles.assign(index, "boilerplate", "kicker_teaser")
    for index in more_links(roles.kept(), texts):
        # Other pages' teaser blurbs closing on their bare "more" link ("... Hintergründe. mehr").
        roles.assign(index, "boilerplate", "more_link")
    for index in menu_lines(roles.kept(), roles.rules(), map(_ROLE, lines), texts):
        # A line the model kept above the headline between two of the site's menu entries.
        roles.assign(index, "boilerplate", "menu_line")
    for index in counted_items(roles.kept(), texts):
        # A stream of other pages' teasers whose items each print a comment counter.
        roles.assign(index, "boilerplate", "counted_item")
    # The headline as the story's header prints it: its last printing over the story's region.
    # (Read from the region's start up, over the indexes ``lines[:start]`` holds: the last printing is the first met.)
    title = next(
        (
            index
            for index in reversed(range(len(lines))[:start])
            if lines[index].role in ("title", "title_repeat")
        ),
        None,
    )
    for index in second_story(roles.kept(), texts, keys, title, printings):
        # The page's next story under the first, its header's labels and byline block printed again.
        roles.assign(index, "boilerplate", "second_story")
    kept = roles.kept()
    # Only a dropped line under or over a kept one can close an offer box: the notice is read there.
    notice = [False] * len(lines)
    for index in box_edges(kept):
        notice[index] = offer_notice(lines[index].key)
    if any(notice):
        for index in offer_boxes(kept, sizes, notice):
            # The site's subscription or newsletter box between its two prompts: benefits, a form's messages.
            roles.assign(index, "boilerplate", "offer_box")
        kept = roles.kept()
    for index in signup_boxes(texts, kept):
        # A newsletter box's pitch (and its name) over its e-mail field.
        roles.assign(index, "boilerplate", "signup_box")
    for index in author_bio(texts, kept):
        # The writer's bio closing the story.
        roles.assign(index, "boilerplate", "author_bio")
    kept = roles.kept()
    address = [False] * len(lines)
    for index in compress(range(len(lines)), kept):
        # A prose line's pronoun cue was read with its text: not looked up again.
        address[index] = addresses_reader(lines[index].text, lines[index].pronouns)
    if any(address):
        cue = pitch_cues(texts, keys, kept, address)
        for index in pitch_tail(kept, sizes, address, cue):
            # The site's pitch closing the story: the reader addressed, the site asking (a newsletter,
            # a subscription, "support our journalism").
            roles.assign(index, "boilerplate", "pitch_tail")
        # Only a dropped line right above a kept one can head a box: the sign-up heading is read there.
        heading = [False] * len(lines)
        for index in box_edges(kept):
            heading[index] = signup_heading(lines[index].key, lines[index].words)
        for index in pitch_insets(kept, address, cue, heading):
            # The same pitch set into the story between two of its paragraphs, or under its own heading.
            roles.assign(index, "boilerplate", "pitch_inset")
    headings = _kept_role(roles.kept(), lines, "subheading")
    # Only a crosshead over an ad's label can be the site's insert: on a page with none (most) no list is made.
    if "advertisement" in (rules := roles.rules()):
        for index in ad_headings(roles.kept(), headings, [rule == "advertisement" for rule in rules], texts):
            # A crosshead the site's ad slot follows at once: the site's insert (a link, a caption), not the story's.
            roles.assign(index, "boilerplate", "ad_heading")
    for index in echoed_headings(roles.kept(), headings, keys):
        # A label the site sets into the story more than once, read as a crosshead where it stands alone.
        roles.assign(index, "boilerplate", "echoed_heading")
    for index in retold_headings(roles.kept(), headings, texts):
        # A video's or a box's title set under the section's crosshead, retelling it in other words.
        roles.assign(index, "boilerplate", "retold_heading")
    for index, rule in kept_chrome(texts, roles.kept()):
        # The site's own lines the model kept: notices, pleas, menus, other pages' teasers (kept_chrome.py).
        roles.assign(index, "boilerplate", rule)
    for index in cjk_headline_islands(kept := roles.kept(), texts, sizes, spans(kept)):
        # Other pages' Japanese or Chinese headlines kept as an island below the story (the Latin-script
        # headline tests read their characters as words).
        roles.assign(index, "boilerplate", "cjk_headline_island")
    for index in link_cards(roles.kept(), texts):
        # An embedded link card: another page's title printed two or three times over, its cut blurb (read
        # last: a pitch inset's test would take the story's lines between two dropped cards for a pitch).
        roles.assign(index, "boilerplate", "link_card")

    def meta(at: int) -> bool:
        # The post's byline or date, asked of the few lines under the last kept one (not of every line).
        return lines[at].role in ("byline", "date")

    if (heading := dangling_heading(roles.kept(), texts, meta)) is not None:
        # A box's heading left as the story's last line, the box's text dropped right under it (read last:
        # the stages above may drop what stood under the story).
        roles.assign(heading, "boilerplate", "dangling_heading")


# A line's role, read by ``map`` in C (``menu_lines`` reads the roles up to the headline only).
_ROLE = attrgetter("role")


def _headlines(kept: list[bool], lines: list[_Line]) -> list[bool]:
    """Whether each kept line reads as a headline (``headline_like``; a dropped line is False): the kept lines alone
    are read (``compress`` picks them in C; a comprehension over every line visited the dropped ones too)."""
    found = [False] * len(lines)
    for index in compress(range(len(lines)), kept):
        line = lines[index]
        found[index] = headline_like(line.text, line.words)
    return found


def _kept_role(kept: list[bool], lines: list[_Line], role: str) -> list[bool]:
    """Whether each line's role is ``role`` (a kept role: only a kept line can hold it). The kept lines alone are read
    (``compress`` picks them in C); a comprehension over every line read the dropped ones too."""
    found = [False] * len(lines)
    for index in compress(range(len(lines)), kept):
        found[index] = lines[index].role == role
    return found


class _Islands:
    """A page's islands of kept lines (``story_end.islands``) for the kept lines asked, read again only where they
    differ from the last asked (compared in C): the stages between two island stages change no line on most pages."""

    __slots__ = ("_kept", "_sizes", "_spans")

    def __init__(self, sizes: list[int]) -> None:
        self._sizes = sizes
        self._kept: list[bool] | None = None
        self._spans: Spans = []

    def __call__(self, kept: list[bool]) -> Spans:
        if kept != self._kept:
            # A copy: the caller's list may change after it asked.
            self._kept, self._spans = kept.copy(), islands(kept, self._sizes)
        return self._spans
