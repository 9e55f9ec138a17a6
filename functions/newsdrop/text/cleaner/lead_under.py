"""Cleaner stage after the line model: the standfirst under the byline, date or credit, and a story skipped as one, kept."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from typing import Protocol

from newsdrop.models import KEPT_ROLES
from newsdrop.text.cleaner.cues_notice import notice_stems
from newsdrop.text.cleaner.lines import _ends_sentence
from newsdrop.text.cleaner.standfirst import CLOCK, MAX_HEADLINE_SHARE, MIN_WORDS, headline_share

_HEADLINE_ROLES = frozenset({"title", "title_repeat"})


# The header's own lines between a headline and its standfirst: who wrote it, when, the picture's credit,
# the headline printed again.
_META_ROLES = frozenset({"date", "byline", "caption", "title_repeat"})


# A header line this short is a name or a label ("Kathrin Hofmeister", "von zahlenzauberin"), not a sentence.
_NAME_MAX_WORDS = 3


# At most this many such lines stand between the headline and its standfirst.
_MAX_META_LINES = 3


# A line this many times the headline's length and this many words longer that prints most of the headline's
# words retells it ("Der Termin für die nächste Fishing Masters Show in Rostock steht fest: ..."): a
# standfirst, not the headline printed again with a kicker or section label (a few words more).
_RETELLS_LENGTH = 2.0


_RETELLS_MORE_WORDS = 10


class LeadLine(Protocol):
    """What the lead test reads of one cleaner line."""

    text: str
    key: str
    words: int
    role: str | None
    rule: str | None
    prose_text: bool


def _retells(headline: LeadLine, line: LeadLine) -> bool:
    """Whether the line is long enough to retell the headline rather than print it again."""
    return (
        line.words >= _RETELLS_LENGTH * headline.words and line.words - headline.words >= _RETELLS_MORE_WORDS
    )


def _repeats(headline: LeadLine, line: LeadLine) -> bool:
    """The headline printed again, with its kicker or section label: most of its words in a line too short
    to retell it."""
    return not _retells(headline, line) and headline_share(headline.text, line.text) >= MAX_HEADLINE_SHARE


def _meta(headline: LeadLine, line: LeadLine) -> bool:
    """A header line a standfirst may sit under: a byline, a date, a picture credit, a name or label, the
    headline printed again."""
    return line.role in _META_ROLES or (
        line.rule == "header_chrome"
        and (
            _label_words(line.text) <= _NAME_MAX_WORDS
            # A reviewed work's credit names the work the headline names: a subtitle, not the headline again.
            or (_repeats(headline, line) and not work_credit(line.text))
        )
    )


# A whitespace-parted token without a letter or digit: a separator of the header's row ("|", "·", "--"). ``re``'s
# ``\w`` is ``str.isalnum`` or "_", and its ``\s`` ``str.split``'s whitespace (the same C tests).
_UNLETTERED = re.compile(r"(?<!\S)(?:[^\w\s]|_)+(?!\S)")


def _label_words(text: str) -> int:
    """The words of a name or label line, a separator of the header's row ("| Redaktion: dpa") not counted."""
    # The tokens less the separators, both counted in C (a generator over each token's characters cost more).
    return len(text.split()) - len(_UNLETTERED.findall(text))


def lead_under_headline(lines: Sequence[LeadLine], start: int) -> int | None:
    """The index of a standfirst the header rules and the line model dropped, or None.

    The headline is the last line of role ``title`` or ``title_repeat`` above the article region's ``start``,
    or else the chosen headline (role ``title``) further up (``_headlines``); the standfirst is the first line
    under it past at most ``_MAX_META_LINES`` header lines of its own (``_meta``: a byline, a date, a credit,
    a name, the headline again), above ``start``, dropped by the header rules or the line model, and a
    standfirst by ``standfirst``'s tests: at least ``MIN_WORDS`` words, no clock time, not ending in ":",
    and not the headline again (a line twice the headline's length and ten words longer retells it instead),
    and no site notice (``site_notice``). Printed once, it reads as a sentence, unless a byline stands right
    above it: there a subtitle or a credited lead picture's caption opens the story too, where under a date
    or a skip link a line without a sentence's end is a caption, a menu or an icon font's names. Printed
    again, it is taken only where every other printing is the story's own teaser (``_own_teaser``).
    """
    for title in _headlines(lines, start):
        if (found := _under(lines, title, start)) is not None:
            return found
    return None


def _headlines(lines: Sequence[LeadLine], start: int) -> list[int]:
    """The headlines a standfirst may sit under, nearest the region first: the last ``title`` or
    ``title_repeat`` line above ``start`` (in the page view the ``<title>`` line heads the whole page, and
    the headline over the story is its repeat), then the chosen headline (role ``title``) when it stands
    higher: a teaser list between the story's header and its text repeats the headline above the text."""
    found: list[int] = []
    for index in range(min(start, len(lines)) - 1, -1, -1):
        role = lines[index].role
        if (role in _HEADLINE_ROLES and not found) or (role == "title" and found):
            found.append(index)
            if role == "title":
                break
    return found


def _under(lines: Sequence[LeadLine], title: int, start: int) -> int | None:
    """The standfirst under the headline at ``title`` (``lead_under_headline``'s tests), or None. A standfirst
    kept under the headline (rule ``standfirst``) is read past like the header's own lines: a headline block
    prints headline, standfirst, byline, then the lead picture's caption or the subtitle the byline heads."""
    index = title + 1
    while (
        index < start
        and index - title <= _MAX_META_LINES
        and (_meta(lines[title], lines[index]) or lines[index].rule == "standfirst")
    ):
        index += 1
    if index >= start:
        return None
    line, headline = lines[index], lines[title]
    dropped_by = line.rule or ""
    if line.role in KEPT_ROLES or not (dropped_by == "header_chrome" or dropped_by.startswith("line_model")):
        return None
    if line.words < MIN_WORDS or line.text.rstrip().endswith(":") or CLOCK.search(line.text) is not None:
        return None
    if _repeats(headline, line) or site_notice(line):
        return None
    if Counter(other.key for other in lines)[line.key] > 1:
        # Printed again on the page: only as this story's own teaser (under the headline printed again in a
        # list of articles), which vouches for it as the story's standfirst, sentence or not.
        return index if _own_teaser(lines, index, headline.key) else None
    if not ((line.prose_text and _ends_sentence(line.text)) or lines[index - 1].role == "byline"):
        return None
    return index


# A standfirst right above the story's text (at most this many lines above the region's start): the story's
# opening line in the header's place, shorter than the standfirsts ``lead_under_headline`` takes.
_INTO_REACH = 2


_INTO_MIN_WORDS = 4


def lead_into_region(lines: Sequence[LeadLine], start: int) -> int | None:
    """The index of the line under the headline's own header lines that runs into the story's text, or None.

    The first line under the headline past its byline, date or credit (``_meta``), at most ``_INTO_REACH``
    lines above the region's ``start``, dropped by the header rules or the line model, printed once, of at
    least ``_INTO_MIN_WORDS`` words, no clock time, and a reviewed work's credit (``work_credit``: the review's
    subtitle, even where it prints the headline's words) or, not the headline again and no site notice, a sentence:
    no header row, credit or byline (``_INTO_NOT_LEAD``); ending as one, or with a colon that leads into the
    text, or of ``MIN_WORDS`` words with a comma and no colon ("Was seit Wochen kolportiert wurde, ist von
    der FINA nun offiziell bestätigt worden").
    """
    for title in _headlines(lines, start):
        index = title + 1
        while index < start and index - title <= _MAX_META_LINES and _meta(lines[title], lines[index]):
            index += 1
        if index >= start or start - index > _INTO_REACH:
            continue
        line = lines[index]
        dropped_by = line.rule or ""
        if line.role in KEPT_ROLES or not (
            dropped_by == "header_chrome" or dropped_by.startswith("line_model")
        ):
            continue
        if line.words < _INTO_MIN_WORDS or CLOCK.search(line.text) is not None:
            continue
        printed_once = sum(1 for other in lines if other.key == line.key) == 1
        if printed_once and work_credit(line.text):
            # The reviewed work's credit: the review's own subtitle (naming the work, it may print the headline's
            # words again with the year).
            return index
        if _repeats(lines[title], line) or site_notice(line):
            continue
        if not printed_once:
            continue
        text = line.text.rstrip()
        if _INTO_NOT_LEAD.search(text) is not None:
            continue
        if _ends_sentence(text) or text.endswith(":") or (line.words >= MIN_WORDS and _clause(text)):
            return index
    return None


# A header row ("Name | Published 4 months ago"), a credit closing in brackets ("... (Picture by X)",
# "(Dok.IGI )"), a byline's opening word: a caption or the story's credits, not its opening line.
_INTO_NOT_LEAD = re.compile(r"\||\)$|^(?:posted|published|written|by|von|photo|foto)\b", re.IGNORECASE)


# A reviewed work's credit line: its title and its author or editor parted by a middle dot or a bullet, with the
# year in brackets or an editor's mark ("The Garden · Derek Jarman (1990)", "Nikole Hannah-Jones (Hrsg.) • 1619").
# A breadcrumb or a byline's row ("Jane Doe • May 16, 2024") prints no year in brackets and no editor.
_WORK_CREDIT = re.compile(r"[^·•|]{2,80}\s[·•]\s[^·•|]{2,80}")
_WORK_MARK = re.compile(r"\((?:1[5-9]|20)\d\d\)|\((?:hrsg|hg|eds?)\.\)", re.IGNORECASE)


def work_credit(text: str) -> bool:
    """Whether a line is a reviewed work's credit (``_WORK_CREDIT`` with a ``_WORK_MARK``)."""
    return _WORK_CREDIT.fullmatch(text.strip()) is not None and _WORK_MARK.search(text) is not None


def _clause(text: str) -> bool:
    """Whether a line without a sentence's end reads as a clause, not a picture's caption: a comma in it and no
    colon (a caption names its subject first, "Streng abgeschirmter Komplex: Russlands Vertretung ...")."""
    return "," in text and ":" not in text


# The story's own teaser prints its standfirst this many lines under the headline printed again.
_TEASER_REACH = 2


def _own_teaser(lines: Sequence[LeadLine], index: int, headline: str) -> bool:
    """Whether every other printing of the line stands right under the headline printed again: the page's
    list of articles teasing this story, not a teaser of another story that the header also prints."""
    key = lines[index].key
    return all(
        any(
            lines[above].key == headline or lines[above].role in _HEADLINE_ROLES
            for above in range(max(0, other - _TEASER_REACH), other)
        )
        for other, line in enumerate(lines)
        if other != index and line.key == key
    )


# A line under the headline naming this many different notice stems (cookies and consent, JavaScript and the
# browser) speaks of the site; one, even twice (a story about JavaScript), may be the story's.
_NOTICE_MIN_STEMS = 2


def site_notice(line: LeadLine) -> bool:
    """The site's notice: at least ``_NOTICE_MIN_STEMS`` different notice stems (``cues_notice.notice_stems``)."""
    return len(set(notice_stems(line.key))) >= _NOTICE_MIN_STEMS


def notice_standfirsts(lines: Sequence[LeadLine]) -> list[int]:
    """Indices of the standfirsts the rules kept (rule ``standfirst``) that are the site's notice
    (``site_notice``: "Cookies erleichtern die Bereitstellung unserer Dienste. ... dass wir Cookies
    verwenden."), not the story's opening."""
    return [
        index
        for index, line in enumerate(lines)
        if line.rule == "standfirst" and line.role in KEPT_ROLES and site_notice(line)
    ]


class SkippedLine(Protocol):
    """What the skipped-story test reads of one cleaner line."""

    text: str
    role: str | None
    rule: str | None
    prose: bool


def skipped_story(lines: Sequence[SkippedLine], region_start: int, start: int) -> list[int]:
    """Indices of the dropped prose lines the region's start skipped as a standfirst, when they are the story.

    The region's start skips prose above a byline, a date or a share row as a standfirst
    (``region._skip_standfirst``, from ``region_start`` to ``start``). A standfirst is shorter than the story
    under it: when the skipped prose holds more characters than all the text kept from ``start`` on (after
    the line model), it was the story and the marker its closing share row ("Share this:" under the last
    paragraph, "Filed under ..." below it). Its lines the header rules or the line model dropped go back.
    """
    if not 0 <= region_start < start:
        return []
    above = [index for index in range(region_start, start) if lines[index].prose]
    skipped = sum(len(lines[index].text) for index in above)
    kept = sum(len(line.text) for line in lines[start:] if line.role in KEPT_ROLES)
    if skipped <= kept:
        return []
    return [
        index
        for index in above
        if lines[index].role not in KEPT_ROLES
        and (
            (lines[index].rule or "") == "header_chrome" or (lines[index].rule or "").startswith("line_model")
        )
    ]


def header_holes(lines: Sequence[SkippedLine], start: int) -> list[int]:
    """Indices of header lines alone between two header paragraphs the line model kept: crosshead candidates.

    Where the region starts below the story's opening (a share row or a widget in its way), the line model
    takes the opening paragraphs back from the header (rule ``line_model:...``) one by one, and the
    crossheads between them, short lines it reads as menu entries, stay dropped as ``header_chrome``. Such a
    line alone between two paragraphs the model kept is the story's when ``story_end.hole_kind`` admits it
    (printed once, no notice words, no pipe, few digits: the caller's test). Header lines stand above the
    region's ``start``.
    """
    taken = [
        index
        for index in range(min(start, len(lines)))
        if lines[index].role in KEPT_ROLES and (lines[index].rule or "").startswith("line_model:")
    ]
    return [
        above + 1
        for above, below in pairwise(taken)
        if below - above == 2 and lines[above + 1].rule == "header_chrome"
    ]
