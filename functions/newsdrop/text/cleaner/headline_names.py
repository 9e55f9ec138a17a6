"""Headline stage, the title's text: a title line without Markdown marks, a site's name or a breadcrumb."""

from __future__ import annotations

import re
from collections import Counter

from newsdrop.text.cleaner.headline_colon import colon_joined
from newsdrop.text.cleaner.headline_credit import without_credit
from newsdrop.text.cleaner.headline_facts import _DOMAIN, _KANA_OR_HAN, _VARIANT_MAX_WORDS
from newsdrop.text.cleaner.headline_typeset import typeset_printing
from newsdrop.text.cleaner.lines import _Line
from newsdrop.text.cleaner.page_memo import per_page
from newsdrop.text.line_keys import count_words, normalize_line_key, words_at_most

_HEADING_MARKS = re.compile(r"^#{1,6}\s+(.*?)(?:\s+#+)?\s*$")


# Separators between a headline and the site's or section's name in a title line ("Title | Site"). Dashes are
# left out: they join the halves of many headlines ("Kicker - Headline"); cutting there cost more than it freed.
_SITE_SEPARATORS = (" | ", " :: ", " · ")


# A site or section name is short: a longer part is a headline (or half of one) whatever else repeats.
_SITE_PART_MAX_WORDS = 5


def without_heading_marks(text: str) -> str:
    """A Markdown heading's text without its ``#`` marks (``# Title`` -> ``Title``); other text unchanged."""
    found = _HEADING_MARKS.match(text)
    return found.group(1) if found and found.group(1) else text


# A headline that opens with a quoted phrase run into an ellipsis (`"Why do they fight"... Lee calls for unity`):
# the page's own title (og:title) prints the phrase without the quotes, the ellipsis marking the quote already.
# Applied to the article's title only (``named_title``).
_QUOTED_LEAD = re.compile(
    r'^["\u201c\u201e\u00ab]([^"\u201c\u201d\u201e\u00ab\u00bb]+)["\u201d\u201c\u00bb](?=\s*(?:\.\.\.|\u2026))'
)


def without_quoted_lead(text: str) -> str:
    """The headline without the quote marks around an opening phrase that an ellipsis follows; other text unchanged."""
    return _QUOTED_LEAD.sub(r"\1", text)


# The steps of a trail set with spaced slashes ("home / InfoStream / Headline"). Read only for the article's
# title, not by the guards: a headline joins two names with a slash far more often than with "»"
# ("Nationale Demo / Der 9. Juli naht", "Ukraine / Russia"), so a trail needs three steps and a long last one.
_SLASH_STEPS = re.compile(r"\s+/\s+")


def _slash_trail_tail(text: str) -> str | None:
    """The last step of a slash trail of three steps or more that is longer than every step before it and
    holds three words or more (or a CJK phrase): the headline the trail leads to. None otherwise."""
    last = _trail_tail(_SLASH_STEPS.split(text), first=0)
    if last is None:
        return None
    cjk = not last.isascii() and _KANA_OR_HAN.search(last) is not None
    if count_words(last) < _PART_MIN_WORDS and not (cjk and len(last) >= _PART_MIN_CJK_CHARS):
        return None
    return last


# A comment section's heading: a count, one or two words, then the story's title in quotes ("5 thoughts on
# “Headline”", "2 Kommentare zu „Headline“", "1 reply on “Headline”"): blogs print the post's title there.
_COMMENT_HEADING = re.compile(
    r"^\d+\s+\S+(?:\s+\S+)?\s+[\"\u201c\u201e\u00ab]\s?([^\"\u201c\u201d\u00ab\u00bb]{2,}?)\s?[\"\u201d\u201c\u00bb]\s*$"
)


def _comment_quoted(lines: list[_Line], text: str) -> str | None:
    """The title a comment section's heading quotes, when the page prints it as a line of its own and the
    headline named differs: that line is the story's headline (the ranker took a teaser, a kicker or the
    heading itself)."""
    key = normalize_line_key(text)
    for line in lines:
        found = _COMMENT_HEADING.match(line.text.strip()) if line.text[:1].isdigit() else None
        if found is None:
            continue
        quoted = found.group(1).strip()
        quoted_key = normalize_line_key(quoted)
        if quoted_key and quoted_key != key and any(other.key == quoted_key for other in lines):
            return quoted
    return None


def named_title(text: str, lines: list[_Line] | None = None) -> str:
    """The article's title from the headline line's text (``headline_text``): without the quotes round an
    opening phrase an ellipsis follows, and a slash trail's last step where the line is such a trail.

    ``clean_article`` applies it after the rule pass, so the headline's printings are still found and marked by
    the printed form and the line model's and the ranker's training rows stay the same (``make train`` gives
    the same model file)."""
    text = without_quoted_lead(text)
    text = _slash_trail_tail(text) or text
    if lines is not None and (quoted := _comment_quoted(lines, text)) is not None:
        return quoted
    if lines is not None:
        # A short headline printed alone ("Performant Python" over "Performant Python - Strangemachines"):
        # read here, not in ``headline_text``, so the rule pass marks the printed form as before.
        text = (
            _printed_part(lines, -1, text, separators=_NAMED_PART_SEPARATORS, min_words=_NAMED_PART_MIN_WORDS)
            or text
        )
    text = _without_address_tail(text)
    if lines is None:
        return text
    # Without an author's credit after it, joined when split at its colon over two lines, and the page's
    # typeset printing of a headline named from a plain-punctuation printing (its <title>).
    return typeset_printing(colon_joined(lines, without_credit(lines, text)), lines)


def _without_address_tail(text: str) -> str:
    """The title without a web address closing it after a dash ("atg 1700 - Pastebin.com"): the site's name,
    cut whatever the rest's length (``headline_text`` keeps three words; an address is never a headline's half).
    The address is one token: a dash before a phrase that names a site ("- Visit example.com") is left."""
    for dash in _DASHES:
        head, found, tail = text.rpartition(dash)
        tail = tail.strip()
        if found and head.strip() and " " not in tail and _DOMAIN.search(tail) is not None:
            return head.strip()
    return text


def _site_parts(lines: list[_Line], index: int) -> tuple[set[str], set[str]]:
    """Keys the page prints as names: (other short lines, outer parts of title-like lines with two or more
    different other sides).

    A site's or section's name repeats on its page beside different texts (the logo, the menu, "Other
    story | Site" teasers); a headline's own half repeats only with its other half (the headline printed
    twice).
    """
    alone: set[str] = set()
    beside: dict[str, set[str]] = {}
    for other, line in enumerate(lines):
        if other == index or not line.key or line.words > _VARIANT_MAX_WORDS:
            continue
        if line.words <= _SITE_PART_MAX_WORDS:
            alone.add(line.key)
        for separator in _SITE_SEPARATORS:
            if separator in line.key:
                head, _, tail = line.key.partition(separator)
                rest, _, last = line.key.rpartition(separator)
                beside.setdefault(head.strip(), set()).add(tail.strip())
                beside.setdefault(last.strip(), set()).add(rest.strip())
    return alone, {part for part, others in beside.items() if len(others) >= 2}


# A closing or opening part of a "Headline | Site" line is the site's name when at least this many other
# lines print it among other words ("More From AP News", "Working at The Independent", "WIRED Insider").
_NAMED_WITHIN_LINES = 2


def _named_within(lines: list[_Line], index: int, key: str) -> bool:
    """The page prints ``key`` (a part's key) inside ``_NAMED_WITHIN_LINES`` other lines or more, as whole
    words: a site's name recurs in its menus, notices and footers, while a headline's half rarely recurs
    outside the headline's own printings (which hold the rest of the headline too, and do not count)."""
    found = 0
    pattern: re.Pattern[str] | None = None
    whole = lines[index].key
    for other, line in enumerate(lines):
        if other == index or key not in line.key or line.key == key or whole in line.key:
            continue
        if pattern is None:
            pattern = re.compile(rf"(?<!\w){re.escape(key)}(?!\w)")
        if pattern.search(line.key) is not None:
            found += 1
            if found >= _NAMED_WITHIN_LINES:
                return True
    return False


# Where a title line may join its headline to a site's or section's name: bars and dashes with spaces,
# and a colon set without spaces, as a CJK title sets it ("見出し:サイト名"; "Kicker: Headline" is one).
_PART_SEPARATORS = re.compile(r"\s+(?:[|\u2013\u2014-]+|::|\u00b7)\s+|(?<=\S)[:\uff1a](?=\S)")


# The article's title (``named_title``) also reads a bullet as a separator ("Headline • SITE") and takes a
# part of two words printed alone: the line model's rows were fitted with ``headline_text``'s reading.
_NAMED_PART_SEPARATORS = re.compile(r"\s+(?:[|\u2013\u2014-]+|::|\u00b7|\u2022)\s+|(?<=\S)[:\uff1a](?=\S)")
_NAMED_PART_MIN_WORDS = 2


# A part printed alone elsewhere is the headline from this many words (or characters of CJK text) on:
# a shorter one (a section name) is printed alone on many pages.
_PART_MIN_WORDS = 3
_PART_MIN_CJK_CHARS = 8


def _printed_part(
    lines: list[_Line],
    index: int,
    text: str,
    *,
    separators: re.Pattern[str] = _PART_SEPARATORS,
    min_words: int = _PART_MIN_WORDS,
) -> str | None:
    """The opening part of a title line ("Headline | Site Loaded", "Headline — Site — Tagline",
    "見出し:サイト名") that the page prints as a line of its own, when it is longer than the part it
    meets there: the headline printed again without the site's name, whatever the name is. (Only a bar
    sets off a closing part: "Site | Headline".) A kicker or a headline's second half, also printed
    alone on pages that list teasers, is the shorter side or follows a dash or a colon."""
    found: str | None = None
    keys: list[str] = []
    matches = list(separators.finditer(text))
    for number, match in enumerate(matches):
        opening, closing = text[: match.start()].strip(), text[match.end() :].strip()
        # The side cut away is compared by its first part: a site's name may carry a tagline after it.
        after = matches[number + 1].start() if number + 1 < len(matches) else len(text)
        before = matches[number - 1].end() if number else 0
        sides = [(opening, text[match.end() : after].strip())]
        if "|" in match.group():
            sides.append((closing, text[before : match.start()].strip()))
        for part, rest in sides:
            if len(part) <= len(rest) or (found is not None and len(part) <= len(found)):
                continue
            cjk = not part.isascii() and _KANA_OR_HAN.search(part) is not None
            if count_words(part) < min_words and not (cjk and len(part) >= _PART_MIN_CJK_CHARS):
                continue
            key = normalize_line_key(part)
            # Printed by a line besides this one: the keys counted in one C pass, less this line's own.
            keys = keys or [line.key for line in lines]
            if keys.count(key) > (keys[index] == key):
                found = part
    return found


# The steps of a breadcrumb trail ("Home » Section » Headline").
_BREADCRUMB = re.compile(r"\s+[»›>]\s+")


def _section_trail(text: str) -> bool:
    """A breadcrumb trail of three steps or more that leads to a section, not to the story (its last
    step no longer than the steps between): navigation, never the headline."""
    return len(_BREADCRUMB.findall(text)) >= 2 and _breadcrumb_tail(text) is None


# A row of menu items ("US · UK · Australia · France"): spaced bullets or bars between short items.
_MENU_SEPARATOR = re.compile(r"\s+[·•|]\s+")
# A row needs this many items, none longer than this many words, to read as a menu.
_MENU_MIN_ITEMS = 4
_MENU_ITEM_MAX_WORDS = 3


def _menu_row(text: str) -> bool:
    """A row of four or more short items between spaced bullets or bars (editions, sections, languages):
    navigation, never the headline. A "Title | Section | Site" line has fewer parts, or a long one."""
    items = _MENU_SEPARATOR.split(text)
    return len(items) >= _MENU_MIN_ITEMS and all(len(item.split()) <= _MENU_ITEM_MAX_WORDS for item in items)


# A link that names where it leads ("Go to About the ACLU", "Skip to main content", "Zurück zur Startseite"):
# an imperative of moving, then the place. A headline that opens so ("Go to war?") is rare and says more.
_NAVIGATION_LINK = re.compile(
    r"^[\W_]*(?:go|skip|jump)\s+to\b|^[\W_]*(?:zur[üu]ck|weiter)\s+zu[mr]?\b|^[\W_]*aller\s+(?:à|au)\b",
    re.IGNORECASE,
)
# A navigation link is a label: this many words at most.
_NAVIGATION_MAX_WORDS = 6


def _navigation_link(text: str) -> bool:
    """A short link label that opens with an imperative of moving ("Go to ...", "Skip to ..."): navigation,
    never the headline."""
    return words_at_most(text, _NAVIGATION_MAX_WORDS) and _NAVIGATION_LINK.match(text) is not None


# A row of labels each printed twice ("For schools For schools For teachers For teachers": a menu whose
# items carry their text twice, for a wide and a narrow layout) needs this many words.
_DOUBLED_ROW_MIN_WORDS = 4


def _doubled_labels(key: str) -> bool:
    """Every word of the line (a key) is printed in it at least twice, over four words or more: a menu row
    doubled for two layouts, never the headline (a headline repeats a word or two, not every one)."""
    words = key.split()
    if len(words) < _DOUBLED_ROW_MIN_WORDS:
        return False
    return min(Counter(words).values()) >= 2


# A numeric date and a clock time ("Do 25.04.24 | 14:07 Uhr", "12.12.2022 | 06:46"): no gold title of the
# corpora holds both, while datelines and teasers' stamps print them side by side.
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")
_CLOCK_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")


def _dateline(text: str) -> bool:
    """The line prints a numeric date and a clock time: a dateline or a teaser's stamp, never the headline
    (the rules' date test misses one glued to other words: "Do 25.04.24 | 14:07 Uhr | Von X")."""
    return _CLOCK_TIME.search(text) is not None and _NUMERIC_DATE.search(text) is not None


def _breadcrumb_tail(text: str) -> str | None:
    """The last step of a breadcrumb trail of three steps or more, where it is longer than the steps
    between: the page the trail leads to, i.e. the headline ("You are here: Home » Society » Tireless
    work" -> "Tireless work"; the first step may carry a label). A trail to a section ends in a short step."""
    return _trail_tail(_BREADCRUMB.split(text), first=1)


# A trail leads somewhere with this many steps or more.
_TRAIL_MIN_STEPS = 3


def _trail_tail(steps: list[str], *, first: int) -> str | None:
    """The last of a trail's steps, three or more, where it is longer than every step from ``first`` up to it
    (a breadcrumb's first step may carry a label: ``first=1``); None otherwise."""
    if len(steps) < _TRAIL_MIN_STEPS:
        return None
    last = steps[-1].strip()
    if not last or any(len(step.strip()) >= len(last) for step in steps[first:-1]):
        return None
    return last


@per_page
def headline_text(lines: list[_Line], index: int, *, cut_parts: bool = True) -> str:
    """The headline a title line gives: without Markdown heading marks and without a site or section
    name printed before or after it ("Title | Site", "Section - Title").

    An outer part is a name when the page prints it elsewhere (as a line of its own or as the outer part
    of another title-like line) or it is a web address, and it is short; the rest must keep at least
    three words (or a CJK phrase), so a headline is never cut to a stub. A name the page prints inside
    other lines ("More From AP News") goes too, after a bar or, when it reads as a name, after a dash
    (``_named_within``, ``_without_named_tail``). First, though, an opening part the page prints as a
    line of its own is the headline (``_printed_part``), and so is a breadcrumb trail's last step
    (``_breadcrumb_tail``); ``cut_parts=False`` leaves those two and the names printed inside other
    lines out, for labelling the ranker's candidates (a line that only holds the headline is no headline
    line to learn from; labelled with those names cut, the retrained ranker moved more titles than the
    cuts gained: docs/eval.md, clean-title9)."""
    text = without_heading_marks(lines[index].text.strip())
    cut = (_printed_part(lines, index, text) or _breadcrumb_tail(text)) if cut_parts else None
    if cut is not None:
        return cut
    separator = next((s for s in _SITE_SEPARATORS if s in text), None)
    if separator is None:
        return _without_named_tail(lines, index, text) if cut_parts else text
    parts = text.split(separator)
    names: tuple[set[str], set[str]] | None = None
    while len(parts) > 1:
        for position in (-1, 0):
            part = parts[position].strip()
            rest = parts[:-1] if position == -1 else parts[1:]
            size, left = count_words(part), count_words(separator.join(rest))
            # The name is the shorter side, and what is left still reads as a headline.
            if size > _SITE_PART_MAX_WORDS or left < 3 or left <= size:
                continue
            if names is None:
                names = _site_parts(lines, index)
            key = normalize_line_key(part)
            alone, outer = names
            # A line of its own names a site or section only when the headline is much longer: the
            # headline itself is printed alone too.
            if (
                _DOMAIN.search(part)
                or key in outer
                or (key in alone and 2 * size <= left)
                or (cut_parts and separator == " | " and _named_within(lines, index, key))
            ):
                parts = rest
                break
        else:
            break
    return separator.join(parts).strip()


# Dashes that may set a site's name after a headline ("Headline - The Verge", "Headline – Site").
_DASHES = (" - ", " \u2013 ", " \u2014 ")


def _without_named_tail(lines: list[_Line], index: int, text: str) -> str:
    """The title line without a closing part after a dash that the page prints inside other lines
    (``_named_within``): "Headline - The Verge" where menus and notices name "The Verge". A kicker
    stands before a dash, so only the closing part is ever cut, and the headline left keeps three words."""
    for dash in _DASHES:
        if dash not in text:
            continue
        head, _, tail = text.rpartition(dash)
        size, left = count_words(tail), count_words(head)
        if (
            size <= _SITE_PART_MAX_WORDS
            and left >= 3
            and left > size
            and _reads_as_name(tail)
            and _named_within(lines, index, normalize_line_key(tail.strip()))
        ):
            return head.strip()
    return text


def _reads_as_name(text: str) -> bool:
    """Every word opens with a capital, a digit or a caseless letter ("The Verge", "20 Minuten", "BBC"), or
    the text is a web address ("coastherald.com"): a name. A headline's second half after a dash ("- Liverpool
    verliert bei Everton") holds lower-case words, and teasers print it inside other lines too."""
    if _DOMAIN.search(text):
        return True
    return all(
        word[:1].isupper() or word[:1] == word[:1].lower() == word[:1].upper() for word in text.split()
    )
