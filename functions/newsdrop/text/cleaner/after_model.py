"""Text-view stages after the line model, in order: holes, standfirsts, asides, captions, notices, galleries,
sections and quoted lines here, then other pages' teasers and the site's boxes, then what the story gets back."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from itertools import compress
from typing import TYPE_CHECKING

from newsdrop.models import KEPT_ROLES
from newsdrop.text.cleaner.after_model_returns import give_back_story
from newsdrop.text.cleaner.after_model_teasers import drop_teasers_and_boxes
from newsdrop.text.cleaner.asides import asides
from newsdrop.text.cleaner.closing_credits import (
    closing_credit_captions,
    credits_alone,
    under_credit_captions,
)
from newsdrop.text.cleaner.comment_cut import comment_column, counted_teasers
from newsdrop.text.cleaner.cues_notice import notice_words
from newsdrop.text.cleaner.embedded_post import embedded_posts
from newsdrop.text.cleaner.gallery import digit_led, gallery_lines
from newsdrop.text.cleaner.ingredients import ingredient_lines
from newsdrop.text.cleaner.interleaved_holes import interleaved_holes
from newsdrop.text.cleaner.lead_under import (
    header_holes,
    lead_into_region,
    lead_under_headline,
    notice_standfirsts,
    skipped_story,
)
from newsdrop.text.cleaner.lines import _ends_sentence, _Line
from newsdrop.text.cleaner.machine_summary import machine_notice, machine_summaries
from newsdrop.text.cleaner.numbered_sections import numbered_sections
from newsdrop.text.cleaner.page_roles import PageRoles
from newsdrop.text.cleaner.paywall_cut import paywall_cut, paywall_notice
from newsdrop.text.cleaner.placed_caption import placed_captions
from newsdrop.text.cleaner.player_notice import player_notices
from newsdrop.text.cleaner.quoted_lines import quoted_lines
from newsdrop.text.cleaner.smoothed_holes import smoothed_holes, smoothed_sentence
from newsdrop.text.cleaner.standfirst_lines import lead_over_byline, paragraph_heads
from newsdrop.text.cleaner.story_copy import story_copies
from newsdrop.text.cleaner.story_end import hole_kind
from newsdrop.text.cleaner.story_gates import story_gates
from newsdrop.text.cleaner.user_list import user_lists

if TYPE_CHECKING:
    from newsdrop.text.cleaner.passes import PageFacts


def after_model(
    lines: list[_Line],
    start: int,
    *,
    modelled: bool,
    region_start: int = -1,
    page: PageFacts | None = None,
) -> None:
    """Re-decide the lines the header rules and the line model misread, in place (the text views only; an
    extractor's main content has its own edits). They run after the model, so its training rows stay.
    ``region_start`` is the region's first line before its start skipped a standfirst (-1: none skipped);
    ``page`` the lines' texts, keys, numbers, sizes, each key's printings, the lines the model flipped and whether
    each line is kept, where the line model read them (``apply_model``)."""
    # The stages below change lines' roles and rules, never their text, key, number or size: one list of each
    # serves them all (the stages read them as sequences, never write them).
    if page is None:
        texts = [line.text for line in lines]
        keys = [line.key for line in lines]
        numbers = [line.n for line in lines]
        sizes = list(map(len, texts))
        counted: Counter[str] | None = None
        flips: list[int] | None = None
        roles = PageRoles(lines)
    else:
        texts, keys, numbers, sizes, counted, flips, kept_now = page
        roles = PageRoles(lines, kept_now)
    # The lines whose rule names the line model ("line_model:..."): only ``apply_model`` sets such a rule (on the
    # lines it flipped) and the stages below only replace one, so the lines holding one later are among these (read
    # once, not per stage; each stage's test reads the rule a line holds then).
    model_ruled = (
        [
            index
            for index, rule in enumerate(roles.rules())
            if rule is not None and rule.startswith("line_model")
        ]
        if flips is None
        else flips
    )
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
    # How often the page prints each line: read by the hole stages below, counted once (by the line model's
    # features where they ran).
    printings = (Counter(keys) if counted is None else counted) if modelled else Counter()
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
            _marked(len(lines), model_ruled, roles.rules(), lambda _, rule: rule.startswith("line_model:")),
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
    if roles.holds("standfirst"):
        # (Only a line the rules read as a standfirst can be one: most pages hold none.)
        for index in notice_standfirsts(lines):
            roles.assign(index, "boilerplate", "standfirst_notice")
    # The kept lines joined once (no form the page pre-tests below look for holds a line break): the stages from
    # the asides to the player notices only drop lines, so the lines each keeps are a part of these.
    now = roles.kept()
    story = "\n".join(compress(texts, now))
    # The stages' page pre-tests over the story, read in one pass (``story_gates``).
    credits, placed, player, pushed = story_gates(story)
    for index in asides(lines, story, now, pushed, roles.rules()):
        # An author box under its heading or a picture credit kept inside the story: the site's aside.
        roles.assign(index, "boilerplate", "aside")
    for index in closing_credit_captions(texts, roles.kept(), story, credits):
        # A picture's caption in the story's flow, closed by its credit ("... Foto: X/dpa", "... ＝ＡＰ").
        roles.assign(index, "caption", "closing_credit")
    for index in credits_alone(texts, roles.kept()):
        # A picture's credit alone on its line ("PAP/ Name", "© Name") the model kept in the story.
        roles.assign(index, "caption", "credit_alone")
    for index in under_credit_captions(numbers, texts, roles.kept()):
        # A picture's caption printed flush under its credit line ("© Name" / "The bird in flight.").
        roles.assign(index, "caption", "under_credit")
    for index in placed_captions(texts, roles.kept(), story, placed):
        # A picture's caption that names its people by their place in it ("from left", "(v.l.)").
        roles.assign(index, "caption", "placed_caption")
    kept = roles.kept()
    # The notice tests read the kept lines alone (``compress`` picks them in C): most of a page's lines are dropped.
    machine = [False] * len(lines)
    for index in compress(range(len(lines)), kept):
        machine[index] = machine_notice(texts[index], keys[index])
    if any(machine):
        for index in machine_summaries(numbers, kept, machine):
            # The site's notice of a machine-made summary or translation, and the summary's points.
            roles.assign(index, "boilerplate", "machine_summary")
        kept = roles.kept()
    notices = [False] * len(lines)
    for index in compress(range(len(lines)), kept):
        notices[index] = paywall_notice(texts[index], keys[index])
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
    for index in player_notices(texts, kept, story, player):
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
        by_model = _marked(
            len(lines),
            model_ruled,
            roles.rules(),
            lambda at, rule: not kept[at] and rule.startswith("line_model"),
        )
        for index in quoted_lines(numbers, texts, kept, by_model):
            # A quotation set line by line in the story (verse, a song's lines) the model read as short lines.
            roles.assign(index, "body", "quoted_lines")
        for index in embedded_posts(numbers, texts, kept, by_model):
            # A social post the story embeds, over its "— Name (@handle) date" line: the story quotes it.
            roles.assign(index, "body", "embedded_post")
        drop_teasers_and_boxes(lines, start, roles, kept, by_model, (texts, keys, numbers, sizes), printings)
    give_back_story(lines, roles, texts, led, sizes)


def _marked(
    size: int, among: list[int], rules: list[str | None], test: Callable[[int, str], bool]
) -> list[bool]:
    """For each of ``size`` lines, ``test(index, rule)`` where the line is one of ``among`` (its rule a string),
    else False."""
    marks = [False] * size
    for index in among:
        rule = rules[index]
        marks[index] = rule is not None and test(index, rule)
    return marks
