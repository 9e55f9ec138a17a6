"""Cleaner stage after the line model: a run of headlines the page lists under a "Related" label is not the story."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from newsdrop.text.prompt_rules import _NAV_HEADER, _SINGLE_LINK, opens_link_list
from newsdrop.text.re2_sets import BytesMatch, native_match, start_set

# A label that titles a list of other pages' headlines, in the corpus's main languages, with or without its
# colon: "Mehr zum Thema:", "Read more", "You may also like", "Te puede interesar", "Czytaj także".
_RELATED_LABEL = re.compile(
    r"[\W_]*(?:mehr zum thema|weitere (?:beiträge|artikel|inhalte|themen|nachrichten|meldungen|links)"
    r"(?: zu (?:diesem|dem) (?:artikel|thema))?"
    r"|ähnliche (?:beiträge|artikel|themen)|weiterführende links|das könnte (?:sie|dich) auch interessieren"
    r"|lesen sie auch|auch interessant|similar (?:posts|articles|stories)"
    r"|related(?: articles| stories| posts| content| coverage| links| reading)?|read (?:more|also|next)"
    r"|also read|keep reading|you (?:may|might) also like|recommended(?: for you)?|see also|further reading"
    r"|te puede interesar|lee también|noticias relacionadas|más noticias|czytaj (?:też|także)"
    r"|zobacz (?:też|także)|(?:à )?lire aussi|sur le même sujet)\s*:?\s*"
)


# A label has this many words at most.
_LABEL_MAX_WORDS = 6


# A headline of the list: shorter than this and without a sentence end.
_HEADLINE_MAX_WORDS = 20


# The label's list is read this many lines down at most ...
_LIST_SPAN_LINES = 12


# ... and holds at least this many kept headlines: one or two headline-like lines under a "Related" box
# are the story's next crossheads as often as teasers, a list of three is a list.
_MIN_HEADLINES = 3


_TERMINALS = frozenset(".!?。！？…:")
_CLOSERS = "\"'”’»)]"


# An icon font's ligature name printed before a label ("filter_none Weitere Beiträge"): the icon's name in
# snake case, which no word of a label has.
_ICON_NAME = re.compile(r"(?:[a-z]+(?:_[a-z]+)+\s+)+")


def related_label(key: str, words: int) -> bool:
    """Whether a line (case-folded ``key``, ``words`` long) titles a list of other pages' headlines; an icon
    font's ligature name before it (``_ICON_NAME``) is no part of it."""
    if "_" in key and (icon := _ICON_NAME.match(key)) is not None:
        key, words = key[icon.end() :], words - len(icon.group().split())
    if words > _LABEL_MAX_WORDS:
        return False
    return opens_link_list(key, words) or _RELATED_LABEL.fullmatch(key) is not None


# ``related_label``'s three patterns as RE2 sources matched at an ASCII key's start, for a key without an icon name:
# a link list's heading (0), a single link (1), a related label to the key's end (2). Exact there: an ASCII key is
# lower case with single plain spaces (``normalize_line_key``), where RE2's ASCII ``\w``, ``\s`` and ``\b`` agree
# with Python's; one DFA pass where ``re`` tried three alternations branch by branch (the same verdicts over the
# corpus's 97,538 distinct lines in 0.039 s against 0.055). The line reader runs them in its rule scan's pass
# (``rule_dispatch.rule_scanner``'s ``starts``), which saves the set's own call.
ASCII_LABEL_STARTS: tuple[str, ...] = (
    f"(?i:{_NAV_HEADER.pattern})",
    f"(?i:{_SINGLE_LINK.pattern})",
    f"(?:{_RELATED_LABEL.pattern})$",
)


@lru_cache(maxsize=1)
def _ascii_label() -> BytesMatch:
    """``ASCII_LABEL_STARTS`` as one RE2 set anchored at a key's start, over its bytes (``native_match``);
    compiled on first use."""
    return native_match(start_set(ASCII_LABEL_STARTS))


def label_of_starts(starts: int) -> bool:
    """``labels_a_list``'s verdict of a short ASCII key without an icon name from the bit mask of the
    ``ASCII_LABEL_STARTS`` that match at its start (bit i: pattern i): a related label, or a link list's
    heading that is no single link."""
    return starts & 4 != 0 or starts & 3 == 1


def labels_a_list(key: str, words: int) -> bool:
    """``related_label`` of one line, a fact settled once when the line is read: a line longer than a label with no
    icon name in it ("_") is none without the call (most lines of a page are), and a short ASCII key without one
    is read by ``_ascii_label`` (``label_of_starts``)."""
    if words > _LABEL_MAX_WORDS:
        return "_" in key and related_label(key, words)
    if key.isascii() and "_" not in key:
        found = _ascii_label()(key.encode())
        return 2 in found or (0 in found and 1 not in found)
    return related_label(key, words)


def related_labels(keys: Sequence[str], words: Sequence[int]) -> list[bool]:
    """``labels_a_list`` of each line (of lines built without the fact: ``line_labels``)."""
    return list(map(labels_a_list, keys, words))


class LabelLine(Protocol):
    """What ``line_labels`` reads of a line: its fact (None where the line was built without it), key and words."""

    key: str
    words: int
    related: bool | None


def line_labels(lines: Sequence[LabelLine]) -> list[bool]:
    """``related_labels`` of the lines, each the fact the line was read with (``labels_a_list``)."""
    facts = [line.related for line in lines]
    if None in facts:
        return related_labels([line.key for line in lines], [line.words for line in lines])
    return facts  # type: ignore[return-value]  # (no None in it)


def kept_labels(kept: Sequence[bool], labels: Sequence[bool]) -> list[int]:
    """Indices of the related-links labels the region and the line model kept: the label titles other
    pages, whatever stands under it (one teaser, the story's next crosshead)."""
    return [index for index, (keep, label) in enumerate(zip(kept, labels, strict=True)) if keep and label]


def headline_like(text: str, words: int) -> bool:
    """A line that reads as another page's headline: short, no sentence end, no colon closing it (a line that
    opens what follows, "Le fil des événements de jeudi :", is the story's own: a live blog's timeline)."""
    return words < _HEADLINE_MAX_WORDS and text.rstrip(_CLOSERS).rstrip()[-1:] not in _TERMINALS


def related_runs(kept: Sequence[bool], labels: Sequence[bool], headlines: Sequence[bool]) -> list[int]:
    """Indices of the kept headline-like lines listed under a related-links label.

    The rules' region runs on past the story into a "Mehr zum Thema" box and the line model keeps its
    headlines (short lines, the region's own). Under a line ``labels`` marks, the kept lines within
    ``_LIST_SPAN_LINES`` lines are read down to the first kept line that is not ``headlines``-like (the
    story's prose resuming); when they number ``_MIN_HEADLINES`` or more they are the list and go.
    """
    dropped: list[int] = []
    taken: set[int] = set()
    for index, label in enumerate(labels):
        if not label:
            continue
        run: list[int] = []
        for below in range(index + 1, min(len(kept), index + 1 + _LIST_SPAN_LINES)):
            if not kept[below]:
                continue
            if not headlines[below]:
                break
            run.append(below)
        if len(run) >= _MIN_HEADLINES:
            new = [below for below in run if below not in taken]
            taken.update(new)
            dropped += new
    return sorted(dropped)
