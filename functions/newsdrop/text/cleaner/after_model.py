"""Text-view stages after the line model: standfirsts, asides, galleries, sections, related runs, feeds, pitches."""

from __future__ import annotations

from collections import Counter
from itertools import compress

from newsdrop.models import KEPT_ROLES
from newsdrop.text.cleaner.ad_heading import ad_headings
from newsdrop.text.cleaner.asides import asides
from newsdrop.text.cleaner.author_bio import author_bio
from newsdrop.text.cleaner.cjk_headlines import cjk_headline_islands
from newsdrop.text.cleaner.closing_credits import (
    closing_credit_captions,
    credits_alone,
    under_credit_captions,
)
from newsdrop.text.cleaner.comment_cut import comment_column, counted_teasers
from newsdrop.text.cleaner.counted_items import counted_items
from newsdrop.text.cleaner.cues_notice import notice_words
from newsdrop.text.cleaner.dated_runs import dated_runs, month_heading, opens_with_date
from newsdrop.text.cleaner.dated_teasers import dated_cards, dated_teasers
from newsdrop.text.cleaner.echoed_heading import echoed_headings
from newsdrop.text.cleaner.embedded_post import embedded_posts
from newsdrop.text.cleaner.gallery import digit_led, gallery_lines
from newsdrop.text.cleaner.heading_pair import heading_pairs
from newsdrop.text.cleaner.headline_link import headline_links
from newsdrop.text.cleaner.ingredients import ingredient_lines
from newsdrop.text.cleaner.inner_list import inner_lists
from newsdrop.text.cleaner.interleaved_holes import interleaved_holes
from newsdrop.text.cleaner.kept_chrome import kept_chrome
from newsdrop.text.cleaner.kicker_teasers import kicker_teasers
from newsdrop.text.cleaner.lead_under import (
    header_holes,
    lead_into_region,
    lead_under_headline,
    notice_standfirsts,
    skipped_story,
)
from newsdrop.text.cleaner.lines import _ends_sentence, _Line
from newsdrop.text.cleaner.link_cards import link_cards
from newsdrop.text.cleaner.live_ticker import ticker_entries
from newsdrop.text.cleaner.machine_summary import machine_notice, machine_summaries
from newsdrop.text.cleaner.menu_line import menu_lines
from newsdrop.text.cleaner.more_link import more_links
from newsdrop.text.cleaner.numbered_runs import numbered_blocks, numbered_runs
from newsdrop.text.cleaner.numbered_sections import numbered_sections
from newsdrop.text.cleaner.offer_box import box_edges, offer_boxes, offer_notice
from newsdrop.text.cleaner.paywall_cut import paywall_cut, paywall_notice
from newsdrop.text.cleaner.pitch_tail import (
    addresses_reader,
    pitch_cues,
    pitch_insets,
    pitch_tail,
    signup_heading,
)
from newsdrop.text.cleaner.placed_caption import placed_captions
from newsdrop.text.cleaner.player_notice import player_notices
from newsdrop.text.cleaner.post_meta_row import post_meta_row
from newsdrop.text.cleaner.quoted_lines import quoted_lines
from newsdrop.text.cleaner.rejoined_islands import rejoined_islands
from newsdrop.text.cleaner.related_link import related_links
from newsdrop.text.cleaner.related_runs import headline_like, kept_labels, related_labels, related_runs
from newsdrop.text.cleaner.second_story import second_story
from newsdrop.text.cleaner.short_post import post_over_form, short_post
from newsdrop.text.cleaner.signup_box import signup_boxes
from newsdrop.text.cleaner.slideshow import slideshow_story
from newsdrop.text.cleaner.smoothed_holes import smoothed_holes, smoothed_sentence
from newsdrop.text.cleaner.standfirst_lines import lead_over_byline, paragraph_heads
from newsdrop.text.cleaner.story_copy import story_copies
from newsdrop.text.cleaner.story_end import hole_kind
from newsdrop.text.cleaner.teaser_block import teaser_blocks
from newsdrop.text.cleaner.thread_posts import thread_posts
from newsdrop.text.cleaner.user_list import user_lists


class _Roles:
    """A page's lines with each line's kept verdict (role in ``KEPT_ROLES``) and rule kept current as the stages
    re-decide lines: a stage reads a copy of the lists (a snapshot, as the stages always had) instead of a
    comprehension over every line, which the stages below rebuilt about a dozen times a page."""

    __slots__ = ("_kept", "_lines", "_rules")

    def __init__(self, lines: list[_Line]) -> None:
        self._lines = lines
        self._kept = [line.role in KEPT_ROLES for line in lines]
        self._rules = [line.rule for line in lines]

    def assign(self, index: int, role: str, rule: str) -> None:
        """``lines[index].assign(role, rule)``, the verdict and rule lists following it."""
        self._lines[index].assign(role, rule)
        self._kept[index] = role in KEPT_ROLES
        self._rules[index] = rule

    def kept(self) -> list[bool]:
        """Whether each line is kept now (a copy: a later ``assign`` leaves it as it is)."""
        return self._kept.copy()

    def rules(self) -> list[str | None]:
        """Each line's rule now (a copy)."""
        return self._rules.copy()


def after_model(lines: list[_Line], start: int, *, modelled: bool, region_start: int = -1) -> None:
    """Re-decide the lines the header rules and the line model misread, in place (the text views only; an
    extractor's main content has its own edits). They run after the model, so its training rows stay.
    ``region_start`` is the region's first line before its start skipped a standfirst (-1: none skipped)."""
    # The stages below change lines' roles and rules, never their text, key, number or size: one list of each
    # serves them all (the stages read them as sequences, never write them).
    texts = [line.text for line in lines]
    keys = [line.key for line in lines]
    numbers = [line.n for line in lines]
    sizes = [len(text) for text in texts]
    roles = _Roles(lines)
    for index in skipped_story(lines, region_start, start):
        # The "standfirst" the region skipped holds more prose than the story kept under its marker: it is
        # the story, the marker its closing share row.
        roles.assign(index, "body", "skipped_story")
    if "comment_section" in (rules := roles.rules()):
        for index in comment_column(texts, keys, rules, roles.kept()):
            # A table's "Comment" column the rules read as a comment form: the table and the story under it.
            roles.assign(index, "body", "comment_column")
        for index in counted_teasers(texts, keys, rules, roles.kept()):
            # The story's paragraphs under a teaser box whose items' comment counters opened a comment section.
            roles.assign(index, "body", "counted_teasers")
    if modelled:
        kept = roles.kept()
        for index in smoothed_holes(kept, roles.rules()):
            line = lines[index]
            if smoothed_sentence(line.text) and notice_words(line.key) == 0.0:
                # A sentence the model kept and the smoothing dropped between the story's kept lines (a caption,
                # a player's label or an app pitch ends in no full stop; a paywall's line has notice words).
                roles.assign(index, "body", "smoothed_hole")
    # How often the page prints each line: read by the hole stages below, counted once.
    printings = Counter(line.key for line in lines) if modelled else Counter()
    if modelled and (holes := header_holes(lines, start)):
        for index in holes:
            line = lines[index]
            if hole_kind(line.text, printings[line.key], notice_words(line.key) > 0.0):
                # A crosshead between the story's opening paragraphs the model took back from the header.
                roles.assign(index, "subheading", "header_hole")
    if modelled:
        for index in interleaved_holes(
            roles.kept(),
            keys,
            [(rule or "").startswith("line_model:") for rule in roles.rules()],
            # Asked only of the few lines a label stands around.
            lambda at: hole_kind(lines[at].text, printings[lines[at].key], notice_words(lines[at].key) > 0.0),
            printings,
        ):
            # A crosshead between the story's paragraphs with the site's label printed between every two of them.
            roles.assign(index, "body" if _ends_sentence(texts[index]) else "subheading", "interleaved_hole")
    if (lead := lead_under_headline(lines, start)) is not None:
        # A standfirst under the headline's byline, date or credit: the header rules and the model read it
        # as header.
        roles.assign(lead, "body", "lead_under_headline")
    elif modelled and (lead := lead_into_region(lines, start)) is not None:
        # A shorter opening line right above the story's text, under the headline's byline or date.
        roles.assign(lead, "body", "lead_into_region")
    if modelled:
        # A standfirst over its byline where another line was read as the headline, and a standfirst's first
        # line over the second the model kept.
        for index in lead_over_byline(lines, start):
            roles.assign(index, "body", "lead_over_byline")
        for index in paragraph_heads(lines, start):
            roles.assign(index, "body", "paragraph_head")
    for index in notice_standfirsts(lines):
        roles.assign(index, "boilerplate", "standfirst_notice")
    for index in asides(lines):
        # An author box under its heading or a picture credit kept inside the story: the site's aside.
        roles.assign(index, "boilerplate", "aside")
    for index in closing_credit_captions(texts, roles.kept()):
        # A picture's caption in the story's flow, closed by its credit ("... Foto: X/dpa", "... ＝ＡＰ").
        roles.assign(index, "caption", "closing_credit")
    for index in credits_alone(texts, roles.kept()):
        # A picture's credit alone on its line ("PAP/ Name", "© Name") the model kept in the story.
        roles.assign(index, "caption", "credit_alone")
    for index in under_credit_captions(numbers, texts, roles.kept()):
        # A picture's caption printed flush under its credit line ("© Name" / "The bird in flight.").
        roles.assign(index, "caption", "under_credit")
    for index in placed_captions(texts, roles.kept()):
        # A picture's caption that names its people by their place in it ("from left", "(v.l.)").
        roles.assign(index, "caption", "placed_caption")
    kept = roles.kept()
    machine = [keep and machine_notice(line.text, line.key) for keep, line in zip(kept, lines, strict=True)]
    if any(machine):
        for index in machine_summaries(numbers, kept, machine):
            # The site's notice of a machine-made summary or translation, and the summary's points.
            roles.assign(index, "boilerplate", "machine_summary")
        kept = roles.kept()
    notices = [keep and paywall_notice(line.text, line.key) for keep, line in zip(kept, lines, strict=True)]
    if any(notices):
        for index in paywall_cut(kept, notices):
            # The paywall's notice that the rest is for subscribers, and its rows under it.
            roles.assign(index, "boilerplate", "paywall_cut")
    # The lines that open with a number: the only ones a slide counter or a section's number opens.
    led = digit_led(texts)
    for index in gallery_lines(texts, led):
        # A picture gallery's numbered slides: other pictures' titles and captions, not the story.
        if lines[index].role in KEPT_ROLES:
            roles.assign(index, "boilerplate", "gallery")
    kept = roles.kept()
    for index in player_notices(texts, kept):
        # A media player's or an embed's own text: its error, its controls, its consent switch.
        roles.assign(index, "boilerplate", "player_notice")
    for index in story_copies(texts, roles.kept()):
        # The story's paragraphs printed again on one line: the page's second copy of the story.
        roles.assign(index, "boilerplate", "story_copy")
    for index in user_lists(texts, roles.kept()):
        # The site's list of the users who left kudos, likes or follows.
        roles.assign(index, "boilerplate", "user_list")
    kept = roles.kept()
    for index in numbered_sections(kept, texts, roles.rules(), led):
        # A dropped heading of the story's numbered sections ("3. Don't use a wooden luggage rack").
        line = lines[index]
        if line.role == "boilerplate":
            roles.assign(index, "body" if _ends_sentence(line.text) else "subheading", "numbered_section")
    if modelled:
        kept = roles.kept()
        for index, heading in ingredient_lines(kept, texts, roles.rules(), led):
            # A recipe's ingredient list over or in its method: short lines the header rules and the model drop.
            roles.assign(index, "subheading" if heading else "body", "ingredient_list")
        kept = roles.kept()
        by_model = [
            not keep and (line.rule or "").startswith("line_model")
            for keep, line in zip(kept, lines, strict=True)
        ]
        for index in quoted_lines(numbers, texts, kept, by_model):
            # A quotation set line by line in the story (verse, a song's lines) the model read as short lines.
            roles.assign(index, "body", "quoted_lines")
        for index in embedded_posts(numbers, texts, kept, by_model):
            # A social post the story embeds, over its "— Name (@handle) date" line: the story quotes it.
            roles.assign(index, "body", "embedded_post")
        # Headlines of other pages listed under a "Related" / "Mehr zum Thema" label the region ran into and
        # the line model kept (the rules alone drop a link list under its label).
        kept = roles.kept()
        labels = related_labels(keys, [line.words for line in lines])
        if any(labels):
            # Only the lines under a label are read as headlines: most pages have none.
            headlines = [headline_like(line.text, line.words) for line in lines]
            for index in related_runs(kept, labels, headlines):
                roles.assign(index, "boilerplate", "related_run")
            for index in related_links(kept, labels, headlines):
                # One other page's headline right under the label, the story's prose resuming below it.
                roles.assign(index, "boilerplate", "related_link")
            kept = roles.kept()
            for index in teaser_blocks(numbers, kept, labels):
                # Other pages' teasers printed as one block under the label, the story's paragraphs apart.
                roles.assign(index, "boilerplate", "teaser_block")
            for index in kept_labels(kept, labels):
                roles.assign(index, "boilerplate", "related_label")
        now = roles.kept()
        headlines = [
            keep and headline_like(line.text, line.words) for keep, line in zip(now, lines, strict=True)
        ]
        for index in heading_pairs(numbers, texts, now, headlines):
            # Two headlines printed as one block between the story's paragraphs: a related box's links.
            roles.assign(index, "boilerplate", "heading_pair")
            kept[index] = False
        for index in headline_links(
            roles.kept(),
            texts,
            [line.role == "body" for line in lines],
            [line.role == "subheading" for line in lines],
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
            headings = [keep and month_heading(line.text) for keep, line in zip(kept, lines, strict=True)]
            for index in dated_runs(kept, dated, headings):
                # A feed of dated teasers or an archive's entries the region ran into past the story.
                roles.assign(index, "boilerplate", "dated_run")
            for index in compress(range(len(lines)), dated):
                if lines[index].role in KEPT_ROLES and post_meta_row(lines[index].text):
                    # A post's published and updated dates over its author and tags, kept in the story.
                    roles.assign(index, "boilerplate", "post_meta_row")
        for index in dated_teasers(roles.kept(), texts):
            # Other pages' teaser blurbs below the story, each under its dropped date line.
            roles.assign(index, "boilerplate", "dated_teaser")
        for index in dated_cards(roles.kept(), texts):
            # Other pages' cards (a date line over a title and a blurb) printed one under the other in the story.
            roles.assign(index, "boilerplate", "dated_card")
        for index in thread_posts(roles.kept(), texts, keys, roles.rules()):
            # Reader comments below the story, each between its "Name · date" header and its reply button.
            roles.assign(index, "boilerplate", "thread_post")
        for index in kicker_teasers(roles.kept(), texts):
            # Other pages' teasers below the story whose blurbs open with a kicker in capitals.
            roles.assign(index, "boilerplate", "kicker_teaser")
        for index in more_links(roles.kept(), texts):
            # Other pages' teaser blurbs closing on their bare "more" link ("... Hintergründe. mehr").
            roles.assign(index, "boilerplate", "more_link")
        for index in menu_lines(roles.kept(), roles.rules(), [line.role for line in lines], texts):
            # A line the model kept above the headline between two of the site's menu entries.
            roles.assign(index, "boilerplate", "menu_line")
        for index in counted_items(roles.kept(), texts):
            # A stream of other pages' teasers whose items each print a comment counter.
            roles.assign(index, "boilerplate", "counted_item")
        # The headline as the story's header prints it: its last printing over the story's region.
        title = max(
            (index for index, line in enumerate(lines[:start]) if line.role in ("title", "title_repeat")),
            default=None,
        )
        for index in second_story(roles.kept(), texts, keys, title):
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
            address[index] = addresses_reader(lines[index].text)
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
        headings = [line.role == "subheading" for line in lines]
        for index in ad_headings(
            roles.kept(), headings, [line.rule == "advertisement" for line in lines], texts
        ):
            # A crosshead the site's ad slot follows at once: the site's insert (a link, a caption), not the story's.
            roles.assign(index, "boilerplate", "ad_heading")
        for index in echoed_headings(roles.kept(), headings, keys):
            # A label the site sets into the story more than once, read as a crosshead where it stands alone.
            roles.assign(index, "boilerplate", "echoed_heading")
        for index, rule in kept_chrome(texts, roles.kept()):
            # The site's own lines the model kept: notices, pleas, menus, other pages' teasers (kept_chrome.py).
            roles.assign(index, "boilerplate", rule)
        for index in cjk_headline_islands(roles.kept(), texts):
            # Other pages' Japanese or Chinese headlines kept as an island below the story (the Latin-script
            # headline tests read their characters as words).
            roles.assign(index, "boilerplate", "cjk_headline_island")
        for index in link_cards(roles.kept(), texts):
            # An embedded link card: another page's title printed two or three times over, its cut blurb (read
            # last: a pitch inset's test would take the story's lines between two dropped cards for a pitch).
            roles.assign(index, "boilerplate", "link_card")
    for index in numbered_runs(texts, roles.kept(), roles.rules()):
        # A numbered list the page keeps most of (a catalogue's entries): its rows the model dropped, and the
        # island under it cut for the gap they made.
        roles.assign(index, "body", "numbered_run")
    for index in numbered_blocks(texts, roles.kept(), roles.rules()):
        # A list whose numbers stand alone over their entries (a paper's references), kept for the most part:
        # its entries the model dropped or cut as an island at the page's bottom.
        roles.assign(index, "body", "numbered_run")
    for index in rejoined_islands(roles.kept(), roles.rules()):
        # An island cut below the story that a line taken back above joined to the story again.
        roles.assign(index, "body", "rejoined_island")
    for index in ticker_entries(texts, roles.kept(), roles.rules()):
        # A live ticker the page keeps as its story: its oldest entries, cut as an island below it.
        roles.assign(index, "body", "ticker_entry")
    for index in short_post(lines):
        # Nothing kept: a post too short for the region (a quotation, a file's link) under its date.
        roles.assign(index, "body", "short_post")
    post, below = post_over_form(lines)
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
