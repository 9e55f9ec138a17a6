"""Headline stage, a reworded <title>: the page's opening line the page never prints again gives way to the headline
the page prints in other words about the same story."""

from __future__ import annotations

import re
from collections.abc import Callable

from newsdrop.text.cleaner.headline_caption import beside_any_credit
from newsdrop.text.cleaner.headline_names import headline_text
from newsdrop.text.cleaner.lines import _content_words, _Line
from newsdrop.text.line_keys import normalize_line_key

# The printed headline shares this many content words (stems) with the <title>'s headline at least: one shared
# word is a chance match (a site's name, "Sleeping Bags" over a listicle's "Sleeping Bag" section).
_SHARED_MIN_WORDS = 2
# A line closing with a full stop (or a comma or semicolon) is a sentence: a standfirst's or the lead's, not a
# headline ("?" and "!" close headlines).
_SENTENCE_CLOSERS = ".;,…"


# Where a <title> joins its headline to a site's or section's name: bars (spaced or not), dashes, bullets and
# colons between words.
_PARTS = re.compile(r"\s*[|\uff5c]\s*|\s+(?:[-\u2013\u2014:\u00b7\u2022\u00bb\u00ab]|::)\s+|(?<=\S):\s")


def _parts(key: str) -> list[str]:
    """A <title>'s key cut at its separators: the headline's part and the site's or section's names."""
    return [part.strip() for part in _PARTS.split(key) if part.strip()]


# A printing of the headline behind a kicker or a label is at most this much longer than the headline: a longer
# line holding it is a paragraph quoting it ("This week's question: ...").
_PRINTING_SPAN = 1.5


def _printed_again(lines: list[_Line], index: int, headline: str) -> bool:
    """The line, its headline (``headline``, the site's name cut) or a part of it longer than half of it (a
    site's name is the shorter side) is printed in another line of the page: alone, or inside a longer printing
    (behind a kicker or a label, "High School Prep Roundup: Headline" for "Prep Roundup: Headline", up to
    ``_PRINTING_SPAN`` times as long)."""
    key = lines[index].key
    keys = {key, normalize_line_key(headline), *(part for part in _parts(key) if 2 * len(part) > len(key))}
    return any(
        other != index
        and any(printed in line.key and len(line.key) <= _PRINTING_SPAN * len(printed) for printed in keys)
        for other, line in enumerate(lines)
    )


def _holds_part(key: str, parts: list[str]) -> bool:
    """``key`` holds one of ``parts`` as whole words ("About Site" for a "Headline | Site" title): a link of the
    site's or the section's, not a headline printed in other words. (Bounded by Latin letters and digits only: a
    CJK link glues its words to the name, "NAMEについて".)"""
    return any(re.search(rf"(?<![0-9a-z]){re.escape(part)}(?![0-9a-z])", key) is not None for part in parts)


# The <title> stands apart from the page's own headline block: at least this many printed lines (the menus, the
# header) stand between the two. A line closer under the opening line is its block's (an article view opens with
# its headline, then a kicker, a byline or a standfirst in other words).
_APART_LINES = 3


def _apart(lines: list[_Line], opening: int, index: int) -> bool:
    return sum(1 for line in lines[opening + 1 : index] if line.key) >= _APART_LINES


def printed_for_title(
    lines: list[_Line], chosen: int, scores: dict[int, float], barred: Callable[[int], bool]
) -> int | None:
    """The ranked candidate that prints the story's headline when the ranker picked the page's opening line
    (``chosen``, a page view's <title>) and the page prints that line nowhere else: the best-scored candidate
    (``scores``, the ranked candidates' raw scores) sharing ``_SHARED_MIN_WORDS`` content words with the title's
    headline (its site's name cut, ``headline_text``), closing no sentence, holding none of the parts the title's
    headline leaves out (the site's or the section's name: ``_holds_part``; where nothing is cut, none of the parts
    but the longest), apart from the opening line (``_apart``), beside no picture's credit (a caption:
    ``beside_any_credit``) and not barred. A site may give its
    <title> other words than the headline it prints (a search engine's wording); a <title> the page prints again
    is its printed headline, and one no candidate shares words with names another story or the site. None when the
    pick is not the opening line or no candidate qualifies."""
    opening = next((index for index, line in enumerate(lines) if line.key), None)
    if chosen != opening:
        return None
    headline = headline_text(lines, chosen)
    if _printed_again(lines, chosen, headline):
        return None
    title_words = _content_words(normalize_line_key(headline))
    parts = _parts(lines[chosen].key)
    headline_key = normalize_line_key(headline)
    names = [part for part in parts if part not in headline_key] or [
        part for part in parts if part != max(parts, key=len)
    ]
    found: int | None = None
    for index, score in scores.items():
        if index == chosen or (found is not None and score <= scores[found]):
            continue
        text = lines[index].text.rstrip()
        if (
            text[-1:] in _SENTENCE_CLOSERS
            or len(title_words & _content_words(lines[index].key)) < _SHARED_MIN_WORDS
        ):
            continue
        if (
            not barred(index)
            and not _holds_part(lines[index].key, names)
            and _apart(lines, chosen, index)
            # A caption names the story's people in other words too: the line over or under its picture's credit.
            and not beside_any_credit(lines, index)
        ):
            found = index
    return found
