"""The cleaner's passes over a page: the rules' stages in order with their catastrophe guards, then the line model."""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass

from newsdrop.models import KEPT_ROLES, Hints
from newsdrop.text import fallbacks
from newsdrop.text.cleaner.app_pitch import app_pitch
from newsdrop.text.cleaner.author_box import author_boxes
from newsdrop.text.cleaner.cues_notice import notice_words, site_notice
from newsdrop.text.cleaner.footer_line import footer_lines
from newsdrop.text.cleaner.headline import _find_title, _mark_title_repeats
from newsdrop.text.cleaner.headline_names import headline_text
from newsdrop.text.cleaner.lines import (
    _keep_story_sentences,
    _Line,
    _mark_comment_section,
    _mark_link_lists,
    _mark_repeated_lines,
    _read_lines,
    _strip_site,
)
from newsdrop.text.cleaner.model import (
    FIXED_ROLES,
    PROTECTED_RULES,
    HeadlineModel,
    LineModel,
    feature_parts,
    smooth_verdicts,
)
from newsdrop.text.cleaner.region import (
    _choose_region,
    _classify_header,
    _classify_region,
    _extend_colon_list,
    _fallback_region,
    _first_text_line,
    _keep_prose_above_title,
    _skip_standfirst,
    _whole_text,
)
from newsdrop.text.cleaner.standfirst import standfirst_index
from newsdrop.text.cleaner.story_end import (
    closing_line,
    far_islands,
    hole_kind,
    islands,
    kept_repeats,
    story_holes,
    trailing_islands,
)
from newsdrop.text.cleaner.text_block import block_story, text_block
from newsdrop.text.line_keys import normalize_line_key

# Catastrophe guard: a page with this much prose whose kept text is below this share of it, or whose
# largest line (this share of the text) is dropped, is read again (see ``rule_pass``).
_FALLBACK_MIN_CHARS = 1500


_FALLBACK_SHARE = 0.3


_ONE_LINE_SHARE = 0.5


# A part of a "Headline | Site" title line this long can be the headline printed again.
_TITLE_PART_MIN_CHARS = 20


@dataclass(slots=True)
class RulePass:
    """The rules' verdict on every line: the lines, the article region (inclusive) and the headline."""

    lines: list[_Line]
    start: int
    end: int
    title: str | None
    kept_chars: int = 0
    candidates: list[tuple[int, list[float]]] = dataclasses.field(default_factory=list)
    # The region's first line before its start skipped a standfirst (``region._skip_standfirst``); -1 otherwise.
    region_start: int = -1


# A page's lines' texts, keys, numbers and sizes, each a list in line order, how many lines print each key, the
# lines the model flipped and whether each line is kept (``apply_model`` hands them on).
PageFacts = tuple[list[str], list[str], list[int], list[int], Counter[str], list[int], list[bool]]


def rule_pass(
    text: str,
    hints: Hints | None = None,
    *,
    bundle_chrome: frozenset[str] = frozenset(),
    main_content: bool = False,
    headline: HeadlineModel | None = None,
    collect: bool = False,
) -> RulePass:
    """Every line's role and rule from the named and structural rules alone (before the line model).

    ``headline`` ranks the headline candidates (the rules' score is one of its features); ``collect``
    keeps every ranked candidate's features in ``RulePass.candidates`` (for ``make train``).

    A guard against catastrophes: when the kept text is a small part of a long page's prose (a
    teaser chosen over the story) or one prose line that holds most of the page's text is dropped,
    the page is read again with the region forced onto the page's largest line, and the reading
    that keeps more text wins.
    """
    hint_title = hints.title.strip() if hints is not None and hints.title and hints.title.strip() else None
    # Code blocks are judged as code only inside an extractor's main content: the markup put them there.
    preformatted = hints.preformatted if main_content and hints is not None else None
    # The page's paragraphs, read once: a second reading below takes their facts from here.
    long_facts: dict[str, tuple] = {}
    found = _structure(
        _read_lines(text, bundle_chrome, preformatted, long_facts),
        hint_title,
        main_content,
        headline=headline,
        collect=collect,
    )
    if main_content:
        return found
    # The page's prose and all its text, and its largest line (the first of the longest), in one pass.
    prose_chars = total_chars = 0
    largest: int | None = None
    largest_chars = -1
    for index, line in enumerate(found.lines):
        size = len(line.text)
        total_chars += size
        if line.prose_text and line.role != "news_id":
            prose_chars += size
        if size > largest_chars:
            largest, largest_chars = index, size
    big_line_dropped = (
        largest is not None
        and len(found.lines[largest].text) >= _ONE_LINE_SHARE * total_chars
        and found.lines[largest].role not in KEPT_ROLES
        and found.lines[largest].prose_text
    )
    block = text_block(found.lines)
    if block is not None and block_story(block, found.end, found.lines, found.kept_chars):
        # The article kept a fraction of a long block of text lines no rule claimed (a list, CJK
        # paragraphs without full stops): that block is the story.
        return _structure(
            _read_lines(text, bundle_chrome, long_facts=long_facts),
            hint_title,
            False,
            block=block[:2],
            headline=headline,
            collect=collect,
        )
    if not big_line_dropped and (
        prose_chars < _FALLBACK_MIN_CHARS or found.kept_chars >= _FALLBACK_SHARE * prose_chars
    ):
        return found
    candidates = [found]
    if _story_under_comments(found.lines, found.kept_chars):
        # The opener was a widget above the story (a counter, a sign-up form's terms): read the page
        # without a comment section.
        candidates.append(
            _structure(
                _read_lines(text, bundle_chrome, long_facts=long_facts),
                hint_title,
                False,
                comments=False,
                headline=headline,
                collect=collect,
            )
        )
    if largest is not None and found.lines[largest].prose_text:
        candidates.append(
            _structure(
                _read_lines(text, bundle_chrome, long_facts=long_facts),
                hint_title,
                False,
                force=largest,
                headline=headline,
                collect=collect,
            )
        )
    return max(candidates, key=lambda candidate: candidate.kept_chars)


def _story_under_comments(lines: list[_Line], kept_chars: int) -> bool:
    """The "comment section" holds more prose than the article kept and prints the story's header: a
    byline, or the page's title line again. Real comments follow the story; they never repeat its header."""
    first = next((index for index, line in enumerate(lines) if line.rule == "comment_section"), None)
    if first is None:
        return False
    # A headline printed again where the section opens was re-labelled a repeat of the headline: with the
    # byline under it, it still opens the section.
    opens = first
    while opens > 0 and lines[opens - 1].rule in ("title_repeat", "byline"):
        opens -= 1
    if any(line.rule == "title_repeat" for line in lines[opens:first]):
        first = opens
    inside = lines[first:]
    prose = sum(len(line.text) for line in inside if line.rule == "comment_section" and line.prose_text)
    if prose <= kept_chars:
        return False
    opening = lines[0].key
    names = {opening, *(part for part in _strip_site(opening) if len(part) >= _TITLE_PART_MIN_CHARS)}
    return any(line.role == "byline" or line.key in names for line in inside)


def _structure(
    lines: list[_Line],
    hint_title: str | None,
    main_content: bool,
    *,
    comments: bool = True,
    force: int | None = None,
    block: tuple[int, int] | None = None,
    headline: HeadlineModel | None = None,
    collect: bool = False,
) -> RulePass:
    """The structural rules over lines the line rules have judged: region, headline, header and footer."""
    _mark_link_lists(lines)
    _mark_repeated_lines(lines, list_items=not main_content)
    if main_content:
        _keep_story_sentences(lines)
    elif comments:
        _mark_comment_section(lines)
    if force is not None:
        lines[force].role = lines[force].rule = None
        for line in lines:
            line.prose = line.role is None and line.prose_text
        region: tuple[int, int] | None = (force, force)
    elif block is not None:
        # A block of text lines without sentence ends (a list, unpunctuated CJK): every unclaimed line is text.
        for index, line in enumerate(lines):
            line.prose = line.role is None and (block[0] <= index <= block[1] or line.prose_text)
        region = block
    else:
        region = _whole_text(lines) if main_content else _choose_region(lines)
    region_start = -1
    if region is None:
        fallbacks.note("no_prose")
        start, end = _fallback_region(lines)
    elif main_content:
        start, end = region
        start = _first_text_line(lines, start, end)
    elif block is not None:
        start, end = region
    else:
        start, end = region
        region_start, start = start, _skip_standfirst(lines, start, end)

    candidates: list[tuple[int, list[float]]] | None = [] if collect else None
    title_index = _find_title(lines, start, hint_title, headline, candidates)
    title = hint_title
    if title_index is not None:
        title_line = lines[title_index]
        title = hint_title or headline_text(lines, title_index)
        title_line.assign("title", "title_hint" if hint_title else "headline")
    if title is not None:
        _mark_title_repeats(lines, normalize_line_key(title))
    if title_index is not None and title_index >= start:
        start = title_index + 1
        if main_content:
            start = _first_text_line(lines, start, end)
        while start <= end and not (lines[start].prose or main_content):
            start += 1

    _classify_header(lines, start)
    if not main_content and (kept := standfirst_index(lines, title_index, start)) is not None:
        # The text views have no meta description to tell a standfirst from a teaser (the HTML path's
        # signal): the line right under the headline, once printed and not the headline again, is one.
        lines[kept].assign("body", "standfirst")
    if main_content and title_index is not None and region is not None:
        # The extractor cut the header away: prose above a headline printed inside its text is the story.
        _keep_prose_above_title(lines, region[0], title_index)
    _classify_region(lines, start, end)
    end = _extend_colon_list(lines, end)
    for index in author_boxes(lines, start, end):
        # A paragraph about the writer, opened by the name the page credits: the site's box, not the story.
        lines[index].assign("boilerplate", "author_box")
    for line in lines[end + 1 :]:
        if line.role is None:
            line.assign("boilerplate", "trailing_chrome")
    kept_chars = sum([len(line.text) for line in lines if line.role in KEPT_ROLES])
    return RulePass(lines, start, end, title, kept_chars, candidates or [], region_start)


def apply_model(found: RulePass, model: LineModel) -> PageFacts:
    """Let the line model overrule the rules' keep-or-drop verdict; a flip names its strongest feature. Returns
    the page's texts, keys, numbers and sizes (the features' lists), each key's printings, the lines it flipped and
    whether each line is kept now, for the stages after it."""
    parts = feature_parts(found.lines, found.start, found.end)
    # Every line judged at once; a feature row is built only for a flip, to name its reason. ``decidable``
    # inline: a call a line cost more than the test.
    kept = [
        None if line.role in FIXED_ROLES or line.rule in PROTECTED_RULES else line.role in KEPT_ROLES
        for line in found.lines
    ]
    smoothed: set[int] = set()
    if model.switch_cost > 0.0:
        # The decidable lines in page order, each verdict weighed against its neighbours' (smooth_verdicts).
        # Smoothing only drops lines the rules kept: one the model nearly dropped goes with its dropped
        # neighbours (teaser or comment prose between dropped lines); a flip the model is sure of stays.
        # (Keeping rules-dropped lines the same way bought nothing out of fold.) Past the page's ends lines
        # count as kept: a closing paragraph after a link list has a kept neighbour.
        margins = model.margins(parts, kept, 2.0 * model.switch_cost)
        chain = [index for index, margin in enumerate(margins) if margin is not None]
        chain_margins = [margins[index] or 0.0 for index in chain]
        dropping = smooth_verdicts(chain_margins, model.switch_cost, edge=True)
        verdicts: list[bool | None] = [None] * len(kept)
        for position, index in enumerate(chain):
            own = chain_margins[position] >= 0.0
            keep = own and dropping[position] if kept[index] else own
            verdicts[index] = keep
            if keep != own:
                smoothed.add(index)
    else:
        verdicts = model.keeps_all(parts, kept)
    rules_roles: dict[int, str | None] = {}  # (each dropped line's role by the rules, for ``story_holes``)
    flips = [index for index, keep in enumerate(verdicts) if keep is not None and keep != kept[index]]
    # Each flip the smoothing did not make names its strongest feature, the flips' rows scored at once.
    named = [index for index in flips if index not in smoothed]
    reasons = dict(
        zip(
            named,
            model.strongest_flips(parts, named, [bool(verdicts[index]) for index in named]),
            strict=True,
        )
    )
    for index in flips:
        line, keep = found.lines[index], verdicts[index]
        reason = "smoothed" if index in smoothed else reasons[index]
        if not keep:
            rules_roles[index] = line.role
        line.assign("body" if keep else "boilerplate", f"line_model:{reason}")
    # The story is now one large island of kept lines: small islands the model kept below it are teasers,
    # author boxes, pitches or comments past a gap of dropped lines (``story_end.trailing_islands``).
    kept_now = [line.role in KEPT_ROLES for line in found.lines]
    sizes = parts.lengths  # (as the features read them: a line's text never changes here)
    # The kept lines' islands (read again only after a stage below dropped a line); the lines the rules kept and
    # the model or the island stage dropped, and those the model kept against the rules (set from the flips).
    spans, rejected, flipped = islands(kept_now, sizes), [False] * len(kept), [False] * len(kept)
    for index in flips:
        rejected[index], flipped[index] = kept[index] is True, kept[index] is False
    if dropped := trailing_islands(kept_now, sizes, spans):
        for index in dropped:
            found.lines[index].assign("boilerplate", "trailing_island")
            kept_now[index], rejected[index] = False, kept[index] is True
        spans = islands(kept_now, sizes)
    # Past a long stretch of the region the model rejected (a feed, a thread, a second story, a footer), what it
    # still keeps is not the story (``story_end.far_islands``).
    if dropped := far_islands(kept_now, sizes, rejected, spans):
        for index in dropped:
            found.lines[index].assign("boilerplate", "far_island")
            kept_now[index] = False
        spans = islands(kept_now, sizes)
    # A lone line the model took back from the footer past the rules' region (``footer_line.footer_lines``).
    if dropped := footer_lines(kept_now, flipped, sizes, found.end):
        for index in dropped:
            found.lines[index].assign("boilerplate", "footer_line")
            kept_now[index] = False
        spans = islands(kept_now, sizes)
    # The site's own notice printed as the story's last line (a newsletter or subscription pitch); a last
    # paragraph whose only notice words are privacy or consent words is the story on that subject.
    # (Only the one line ``closing_notice`` may name is read: ``closing_line``.)
    closing = closing_line(kept_now, sizes, spans)
    if closing is not None and site_notice(found.lines[closing].key):
        found.lines[closing].assign("boilerplate", "closing_notice")
        kept_now[closing] = False
        spans = islands(kept_now, sizes)
    # The site's pitch for its app in the same place ("... download our apps for iOS and Android"): it names
    # no notice stem. Read under the same closing-line limits; one closing line goes at most.
    if (closing := closing_line(kept_now, sizes, spans)) is not None and app_pitch(found.lines[closing].text):
        found.lines[closing].assign("boilerplate", "app_pitch")
        kept_now[closing] = False
    if rules_roles:  # (a crosshead or short list item the model dropped between two kept lines goes back)
        _fill_story_holes(found.lines, kept_now, rules_roles, parts.repeats)
    # A paragraph the kept text prints a second time (a teaser, a summary box, a pitch under each widget).
    for index in kept_repeats(kept_now, parts.keys, parts.words, lambda at: found.lines[at].role == "body"):
        found.lines[index].assign("boilerplate", "kept_repeat")
        kept_now[index] = False
    return parts.texts, parts.keys, parts.numbers, sizes, parts.repeats, flips, kept_now


def _fill_story_holes(
    lines: list[_Line], kept_now: list[bool], rules_roles: dict[int, str | None], printings: Counter[str]
) -> None:
    """Give a one-line hole the model made in the kept text back its rules' role (``story_end.story_holes``);
    ``printings`` counts the lines that print each key."""
    # Only the model's drops can be a hole (from ``rules_roles``); a kind is read of a lone one between kept lines.
    model_dropped = [False] * len(lines)
    for index in rules_roles:
        model_dropped[index] = (lines[index].rule or "").startswith("line_model:")
    for index in story_holes(
        kept_now,
        model_dropped,
        lambda at: hole_kind(lines[at].text, printings[lines[at].key], notice_words(lines[at].key) > 0.0),
    ):
        lines[index].assign(rules_roles[index] or "body", "story_hole")
        kept_now[index] = True
