"""HTML path: trafilatura's two readings of a page and the line cleaner's reading of its text, combined by agreement."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import NamedTuple

from newsdrop.models import KEPT_ROLES, Hints
from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.cues_notice import notice_stems
from newsdrop.text.cleaner.lines import _reads_as_prose
from newsdrop.text.cleaner.model import LineModel, load_model
from newsdrop.text.combine_own import own_or_mended
from newsdrop.text.decode import normalize_text
from newsdrop.text.extraction import _Dropped, _key, merge_order
from newsdrop.text.line_keys import count_words, normalize_line_key
from newsdrop.text.main_edits import bare_key
from newsdrop.text.reading_shingles import agreement
from newsdrop.text.reading_shingles import held_share as _held_share
from newsdrop.text.reading_shingles import shingles as _shingles

# A default reading that agrees this much with the line cleaner's reading of the page text is taken without
# a second one. In make eval's HTML sample 0.8 reads the second pass on 101 pages instead of 0.9's 178 (144
# of those 178 got back the same text) and loses one page's win (fun F1 -0.0002, other sources unchanged);
# 0.7 costs dev -0.0016; reading it for every page bought +0.0004 F1 on fun- alone.
SURE_AGREEMENT = 0.8
# A page line whose shingles the chosen reading holds this share of already is a second printing of the
# story (a page that prints the whole text again in one block), not a paragraph it missed.
_HELD_SHARE = 0.8
# A default reading that agrees with the witness is read again (``favor_recall``) when it skipped this many words of
# the witness's prose between its own lines (``_skipped_story_words``). Over all 855 HTML pages (CV) 50 reads a
# second time on 57 of the 711 sure pages: rdb-table-style-attributes (nested lists the default reading dropped)
# 0.930 -> 0.998 with clean-html21's joined paragraphs, fun-ch-nzz 0.863 -> 0.926 (a list of key facts),
# fun-ind-timesofindia 0.972 -> 0.998, rdb-keep-tabular-data 0.957 -> 0.976, no page lost. 40 also gained
# fun-uk-nature (43 words) but lost fun-de-zdf with the shipped model's witness (41 words, 0.836 -> 0.777: the
# second reading opens at a teaser); 20 lost fun-de-rbb24 and fun-de-tagesschau (teasers between paragraphs).
_SKIPPED_STORY_MIN_WORDS = 50
# Page lines below the chosen reading join it only as a run of this many at least (``extend_at_edges``). Over
# both halves of cleaning-train the runs of 1-3 lines the walk added below were author notes, pitches and
# comment prompts on every page but two (an author note and a video title rdb's golds keep); 2, 3 and 4 all
# gained on fun- (4 most: a three-paragraph pitch); the one longer run was the second half of a feature.
_MIN_RUN_BELOW = 4
# A single page line the reading skipped between two of its lines joins it without the other reading's word when it
# is a paragraph of this many words at least that ends a sentence (``_lost_paragraphs``). Over make eval's HTML
# sample and the pages outside it, 25 words gained 5 pages (rdb- and fun-) and lost one (a video's description
# between two paragraphs); 20 words also took in a picture's caption (one fun- page -0.03); 15 words took in a
# site's app pitch too (fun- outside the sample -0.0005 of margin); 40 words lost the two gains outside the sample.
_LOST_PARAGRAPH_MIN_WORDS = 25
# A reading's line right under such a paragraph that is a link's whole text of this many words at least is another
# story's headline under its teaser's summary (a section's or an author's link is shorter).
_TEASER_HEADLINE_MIN_WORDS = 3
# The marks a paragraph ends its last sentence with (a closing quote or bracket after the stop).
_SENTENCE_END = ".!?…\"”“»«’')"
# The witness's rules of the readers' comments: the section's lines and the form, policy or captcha opening it.
_COMMENT_RULES = frozenset({"comment_section", "comment_form", "comment_policy", "captcha_notice"})
# ``combine``'s model argument when the caller names none: the shipped line model.
SHIPPED_MODEL: object = object()


def choose_reading(readings: Sequence[str], reference: str) -> int:
    """The index of the reading that agrees most with ``reference`` (the first of equals)."""
    scores = [agreement(reading, reference) for reading in readings]
    return scores.index(max(scores))


# Below the reading, the walk steps over a slot set between the story's paragraphs (an advertisement's label,
# a "Read more" box's label, kicker and headline) of at most this many page lines the witness dropped ...
_SLOT_MAX_LINES = 3
# ... each at most this many words, one of them a label the page prints twice or more ("Advertisement" over
# every ad): trafilatura stops at the first such slot inside a story that the page sets full of them. A label
# printed once ("Related coverage") heads a box under the story, and the walk stops there. Over both halves of
# cleaning-train 3 lines of 12 words gained one page and lost none; 6 of 15 words took in a page's teaser box.
_SLOT_MAX_WORDS = 12
# The article itself named ("this article", "dieses Thema", "cet article", "este artículo"), in the corpus's main
# languages.
_THE_ARTICLE = (
    r"(?:this (?:article|story|post|piece|topic)|dies(?:er|en|es|em) (?:artikel|beitrag|thema)s?|cet article"
    r"|ce sujet|este art[íi]culo|este tema|este artigo|questo articolo|dit artikel|denne artikkelen"
    r"|denna artikel|den här artikeln|ten artyku[łl]|tego artyku[łl]u|tento [čc]l[áa]nek)"
)
# The site's notice about the article between its header and the story: a label that names it, opening the line
# over its facts ("Über dieses Thema berichtet: BR24 im Radio am 26.08.2024", "Dieses Thema im Programm: ..."),
# or who may read it ("You have full access to this article via your institution.").
_ARTICLE_NOTICE = re.compile(
    rf"^[^:]{{0,50}}\b{_THE_ARTICLE}\b[^:]{{0,30}}:\s*\S"
    rf"|\b(?:access|zugang|zugriff|accès|acceso|accesso|tilgang|åtkomst|dostęp)\b[^.]{{0,20}}\b{_THE_ARTICLE}\b",
    re.IGNORECASE,
)
# A notice is a sentence or two: at most this many words.
_NOTICE_MAX_WORDS = 30


def about_the_article(text: str) -> bool:
    """Whether a line is the site's notice about the article (``_ARTICLE_NOTICE``, at most ``_NOTICE_MAX_WORDS``
    words). A note of where the story first appeared ("This post originally appeared on ...") is not one: it
    credits the story's source, as its closing credit line would."""
    return count_words(text) <= _NOTICE_MAX_WORDS and _ARTICLE_NOTICE.search(text) is not None


def extend_at_edges(
    extracted: list[str],
    page_lines: list[str],
    kept: frozenset[str],
    captions: frozenset[str] = frozenset(),
    other: frozenset[str] = frozenset(),
    links: frozenset[str] = frozenset(),
    ad_labels: frozenset[str] = frozenset(),
) -> list[str]:
    """The extracted lines with the page lines that continue them right above and below, and the holes inside
    them that trafilatura's other reading fills.

    trafilatura can stop at a markup boundary inside a story (the second half of a long feature sits
    in a sibling container) or start below its opening paragraph. A page line next to the extracted
    span joins it when the line cleaner kept it on the page's own text (``kept``: its stripped texts)
    and it reads as prose; the walk outwards stops at the first line that does not, and starts only
    from an extracted edge line the page prints as a line of its own. Below the span the walk's lines
    join only as a run of ``_MIN_RUN_BELOW`` at least: one to three prose lines under a story are the
    boxes after it (an author's note, a membership pitch, a comment prompt), not its second half; it steps
    over an advertisement's or teaser's slot between paragraphs (``_slot_line``, the slot's lines stay out).
    A line the markup marks as a picture's caption (``captions``: ``bare_key`` keys of <figcaption> lines and
    <img> alt texts) stops the walk too: the lead picture's caption reads as prose right above a story whose
    first paragraph the extractor started at; so does, above the span, the site's notice about the article
    (``about_the_article``) between the header and the story, and a line the page prints twice or more. Inside
    the span, a page line the extracted text skipped joins it where the three readings agree on it
    (``_agreed_holes``: ``other`` holds the ``_key`` keys of the other reading's lines, empty when there is none),
    and a single long paragraph the reading skipped between two of its lines, or with an ad slot's labels
    (``ad_labels``: the texts the witness dropped as advertisement) between, joins it on the witness's word alone
    (``_lost_paragraphs``), unless the line under it is a headline link (``links``: ``bare_key`` keys of the
    page's link texts): then it is that teaser's summary.
    """
    order = merge_order(page_lines, extracted)
    at = [position for position, item in enumerate(order) if isinstance(item, int)]
    if not at:
        return extracted
    printed = Counter(_key(line) for line in page_lines)
    # The reading's shingles, made when a line first needs them (most pages add no line).
    held: list[Counter[tuple[str, ...]]] = []

    def story_line(text: str) -> bool:
        """A page line the witness kept as prose, no marked caption, not the reading's text printed again."""
        if not text or text not in kept or not _reads_as_prose(text, count_words(text)):
            return False
        if captions and bare_key(text) in captions:
            return False
        if not held:
            held.append(_shingles("\n".join(extracted)))
        return _held_share(text, held[0]) < _HELD_SHARE

    added: set[int] = set()
    for step, edge in ((-1, at[0]), (1, at[-1])):
        # Only from an edge line the page prints too: an extracted text the page text does not hold
        # has no place on the page to grow from.
        if _key(extracted[order[edge]]) not in printed:  # type: ignore[index]
            continue
        position = edge + step
        run: list[int] = []
        slot: list[str] = []
        while 0 <= position < len(order):
            item = order[position]
            text = item.text.strip() if isinstance(item, _Dropped) else ""
            if step == 1 and len(slot) < _SLOT_MAX_LINES and _slot_line(text, kept):
                slot.append(text)
                position += step
                continue
            if slot and not any(printed[_key(line)] > 1 for line in slot):
                break
            if not story_line(text):
                break
            if step == -1 and printed[_key(text)] > 1:
                # Above the reading, a line the page prints twice is its summary printed again (the dek as the
                # lead picture's caption or a share box's text), not an opening paragraph the reading skipped.
                break
            if step == -1 and (about_the_article(text) or notice_stems(normalize_line_key(text))):
                # Above the reading, the site's notice about the article, or a box's line in its notice words (a
                # newsletter's consent: "I would like to be emailed about offers ... privacy notice"), sits under
                # the header: the walk stops.
                break
            run.append(position)
            slot = []
            position += step
        # Below the reading, a short run is the box after a story (an author's note, a pitch, a comment
        # prompt), not the second half of a feature trafilatura cut at a markup boundary.
        if step == -1 or len(run) >= _MIN_RUN_BELOW:
            added.update(run)
    if other:
        added.update(_agreed_holes(order, at, other, story_line))
    added.update(_lost_paragraphs(order, story_line, extracted, links, ad_labels.__contains__))
    return [
        extracted[item] if isinstance(item, int) else item.text.strip()
        for position, item in enumerate(order)
        if isinstance(item, int) or position in added
    ]


def _slot_line(text: str, kept: frozenset[str]) -> bool:
    """A line of a slot between a story's paragraphs the witness dropped: a label or a teaser's headline."""
    return bool(text) and text not in kept and count_words(text) <= _SLOT_MAX_WORDS


def _agreed_holes(
    order: list[int | _Dropped], at: list[int], other: frozenset[str], story_line: Callable[[str], bool]
) -> list[int]:
    """The positions inside the reading's span of the page lines it skipped that the other reading holds and
    the witness kept as prose (``story_line``): a paragraph the chosen reading lost at a markup boundary (a
    photo's box between two paragraphs) that the two other readings agree on. One witness alone does not
    suffice: the line model keeps pull quotes, captions and teasers between paragraphs as prose, and filling
    every hole it keeps lost on fun- pages over both halves of cleaning-train."""
    return [
        position
        for position in range(at[0] + 1, at[-1])
        if isinstance(item := order[position], _Dropped)
        and _key(text := item.text.strip()) in other
        and story_line(text)
    ]


def _unhyphenated(text: str) -> str:
    """``text`` without soft hyphens: the page prints them where trafilatura's reading of the same words drops them,
    and they split a word in two for ``_shingles``."""
    return text.replace("\u00ad", "")


def _headline_link(text: str, links: frozenset[str]) -> bool:
    """A line that is a link's whole text on the page (``links``: ``bare_key`` keys) of ``_TEASER_HEADLINE_MIN_WORDS``
    words at least: another story's headline."""
    return count_words(text) >= _TEASER_HEADLINE_MIN_WORDS and bare_key(text) in links


def _reading_beside(
    order: list[int | _Dropped], position: int, step: int, slot_label: Callable[[str], bool]
) -> int | None:
    """The position of the reading's line next to ``position`` on the side of ``step`` (-1 above, 1 below), past
    at most ``_SLOT_MAX_LINES`` slot labels (``slot_label``); None when another page line comes first."""
    beside = position + step
    for _ in range(_SLOT_MAX_LINES):
        if not (0 <= beside < len(order) and isinstance(item := order[beside], _Dropped)):
            break
        if not slot_label(item.text.strip()):
            return None
        beside += step
    return beside if 0 <= beside < len(order) and isinstance(order[beside], int) else None


def _lost_paragraphs(
    order: list[int | _Dropped],
    story_line: Callable[[str], bool],
    extracted: list[str],
    links: frozenset[str] = frozenset(),
    slot_label: Callable[[str], bool] = lambda text: False,
) -> list[int]:
    """The positions of single page lines the reading skipped right between two of its own lines that are a
    paragraph: kept by the witness as prose (``story_line``), ``_LOST_PARAGRAPH_MIN_WORDS`` words at least, ending
    a sentence, and not the site's notice; at most ``_SLOT_MAX_LINES`` slot labels (``slot_label``) may stand
    between it and either of those lines. trafilatura drops a story's paragraph that the markup wraps in a box of
    its own (an ad slot's container, an inline widget's wrapper) and keeps the paragraphs around it; a pull quote
    repeats the story's words (``story_line``'s held share, soft hyphens aside), a caption is marked, a teaser or a
    label between paragraphs is short or ends in no sentence. A paragraph right above a reading's line that is a
    headline link (``_headline_link``) is a teaser's summary over its headline: a box of another story. (Right under
    one it is no such sign: a site sets a related story's link as a line between two of the story's paragraphs.)"""
    found = [
        position
        for position in range(1, len(order) - 1)
        if isinstance(item := order[position], _Dropped)
        and count_words(text := item.text.strip()) >= _LOST_PARAGRAPH_MIN_WORDS
        and text[-1:] in _SENTENCE_END
        and _reading_beside(order, position, -1, slot_label) is not None
        and (below := _reading_beside(order, position, 1, slot_label)) is not None
        and not about_the_article(text)
        and not notice_stems(normalize_line_key(text))
        and story_line(text)
        and not (links and _headline_link(extracted[order[below]], links))  # type: ignore[index]
    ]
    if not found:
        return found
    # The page's printing with soft hyphens is the reading's own line again: the reading holds its words.
    held = _shingles(_unhyphenated("\n".join(extracted)))
    return [
        position
        for position in found
        if _held_share(_unhyphenated(order[position].text.strip()), held) < _HELD_SHARE  # type: ignore[union-attr]
    ]


def _skipped_story_words(text: str, page_lines: list[str], kept: frozenset[str]) -> int:
    """The words of the page lines inside a reading's span that it skipped and the witness kept as prose."""
    extracted = [line.strip() for line in text.split("\n") if line.strip()]
    order = merge_order(page_lines, extracted)
    at = [position for position, item in enumerate(order) if isinstance(item, int)]
    words = 0
    for position in range(at[0] + 1, at[-1]) if at else ():
        item = order[position]
        if (
            isinstance(item, _Dropped)
            and (line := item.text.strip()) in kept
            and _reads_as_prose(line, count := count_words(line))
        ):
            words += count
    return words


class Combined(NamedTuple):
    """The combined main content and the line texts the witness (the line cleaner on the page text) kept and
    put below the story's end."""

    text: str
    witness_kept: frozenset[str]
    # The line texts the witness put below the story's end (its region), as page footer and widgets.
    witness_after: frozenset[str] = frozenset()
    # The line texts the witness read as the readers' comments under the story, or as the form or notice opening them.
    witness_comments: frozenset[str] = frozenset()


def combine(
    text: str,
    recall: Callable[[], str],
    page_text: str,
    hints: Hints,
    model: LineModel | object | None = SHIPPED_MODEL,
    captions: frozenset[str] = frozenset(),
    links: frozenset[str] = frozenset(),
    own: str = "",
) -> Combined:
    """One main-content text from trafilatura's readings: ``text`` (its default) and ``recall()`` (its
    ``favor_recall`` reading, asked for only when needed).

    The line cleaner reads the page's whole visible text (its region choice and line model, no
    markup) as a third, independent witness. When the default reading agrees with it less than
    ``SURE_AGREEMENT``, or skipped ``_SKIPPED_STORY_MIN_WORDS`` of the witness's prose between its own lines, the
    reading whose cleaned body agrees most with the witness wins (a reading that took a teaser list for the story
    agrees little); the page lines the witness kept right above or
    below the chosen reading are added (``extend_at_edges``). The witness's kept lines, and the lines it
    put below the story's end, come back beside the text: later edits ask it too
    (``main_tail.without_closing_notices``, ``main_tail.without_witness_tail``). ``captions``: the page's
    picture captions as ``bare_key`` keys (``extend_at_edges`` adds none); ``links``: its link texts' keys. ``own``:
    trafilatura's own reading where its comparison swapped another extractor's in as ``text`` (else ""): the own one,
    or the swapped-in one mended by it, is ``text`` from here on (``combine_own.own_or_mended``).
    """
    chosen_model = load_model() if model is SHIPPED_MODEL else model
    page = clean_article(page_text, hints, model=chosen_model)
    chosen = normalize_text(text)
    body = clean_article(chosen, hints, main_content=True, model=None).body
    if own.strip():
        chosen, body = own_or_mended(
            chosen, body, normalize_text(own), page, hints, SURE_AGREEMENT, _HELD_SHARE
        )
    kept = frozenset(line.text for line in page.lines if line.role in KEPT_ROLES)
    page_lines = [line.strip() for line in page_text.split("\n") if line.strip()]
    # The keys of the lines of the reading not chosen (none when only one was read).
    unchosen: frozenset[str] = frozenset()
    if (
        agreement(body, page.body) < SURE_AGREEMENT
        # A reading that agrees can still have skipped a block of the story between its paragraphs (a list, a
        # box its markup sets apart): the second reading may hold it (``_agreed_holes`` then takes it).
        or _skipped_story_words(chosen, page_lines, kept) >= _SKIPPED_STORY_MIN_WORDS
    ):
        other = normalize_text(recall())
        if other.strip():
            other_body = clean_article(other, hints, main_content=True, model=None).body
            readings = (chosen, other)
            index = choose_reading([body, other_body], page.body)
            chosen, unchosen = (
                readings[index],
                frozenset(_key(line) for line in readings[1 - index].split("\n")),
            )
    lines = [line.strip() for line in chosen.split("\n") if line.strip()]
    after = frozenset(line.text for line in page.lines if line.rule == "trailing_chrome")
    # The advertisement labels the witness dropped: an ad slot's, between two paragraphs (``_lost_paragraphs``).
    ads = frozenset(line.text for line in page.lines if line.rule == "advertisement")
    extended = extend_at_edges(lines, page_lines, kept, captions, unchosen - {""}, links, ads)
    comments = frozenset(line.text for line in page.lines if line.rule in _COMMENT_RULES)
    return Combined("\n".join(extended), kept, after, comments)
