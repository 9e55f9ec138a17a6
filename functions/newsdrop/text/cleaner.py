"""Article cleaner: decides a role for every line of a scraped article and extracts body and metadata.

The article region is the densest run of prose lines; lines before it are the header (title,
date, byline, kicker), lines after it are trailing widgets. Named line rules (``rules.py``)
remove chrome by kind wherever it appears.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsdrop.models import KEPT_ROLES, CleanArticle, Hints, LineDecision
from newsdrop.text import fallbacks
from newsdrop.text.dates import find_date
from newsdrop.text.rules import (
    count_words,
    first_rule,
    is_nav_header,
    news_id_of,
    normalize_line_key,
    opens_link_list,
)

CLEANER_VERSION = "2026.12.01-1"

__all__ = ["CLEANER_VERSION", "clean_article", "normalize_line_key"]

# A prose line ends like a sentence and has a few words, or is long whatever its ending.
_CLOSERS = "\"'”’»)]"
_TERMINALS = frozenset(".!?。！？…")
_MIN_SENTENCE_WORDS = 6
_LONG_LINE_WORDS = 20
_TITLE_CASE_SHARE = 0.75
# Non-prose lines tolerated between two prose lines of the same article region.
_MAX_GAP_LINES = 8
# A neighbouring prose run joins the article when it has this share of the article's text.
_JOIN_RUN_SHARE = 0.3
_MAX_JOIN_UNCLAIMED = 30
# Header markers (byline, date, share row) this close to the region start push the start past them.
# A standfirst is a short paragraph or two (plus notices such as a browser warning), never the lead.
_MAX_STANDFIRST_PROSE = 4
_MAX_STANDFIRST_CHARS = 800
_HEAD_SCAN_LINES = 12
_SUBHEADING_MAX_WORDS = 14
_TITLE_MAX_WORDS = 30
_RULE_MAX_WORDS = 60
_LEAD_PARAGRAPHS = 3
_STEM_CHARS = 5
_REPEATED_MIN_WORDS = 8
_REPEATED_MIN_COUNT = 3
_SENTENCE_LOWER_SHARE = 0.3
_LEAD_OVERLAP_WEIGHT = 6.0
_BYLINE_BONUS = 3
# Headlines rarely read as a sentence; standfirsts do (and share more words with the lead).
_SENTENCE_PENALTY = 8
_REWORDED_BONUS = 6
_REWORDED_MIN_SHARED = 3
_REWORDED_SHARE = 0.6
_LINK_LIST_PENALTY = 6
# A bare form field or comment counter ends the article only after this much prose: higher up it
# belongs to a share row or the page header.
_COMMENTS_AFTER_CHARS = 800
_FORM_FIELD = re.compile(
    r"^[\W_]*(?:new,? )?\d[\d,.]*[km]? (?:comments?|responses?|replies)[\W_]*$"
    r"|^[\W_]*(?:name|e-?mail|website|comment)[\W_]*(?:required)?[\W_]*$"
)
_LINE_CACHE_SIZE = 32768
_LINE_CACHE_MAX_CHARS = 300
# The headline sits within this many lines above the article's first paragraph.
_TITLE_SCAN_LINES = 200
_KICKER_MAX_WORDS = 8
_CAPTION_NAME_MAX_WORDS = 6
_SOURCE_SCAN_PARAGRAPHS = 3
_LANGUAGE_SAMPLE_CHARS = 400
_TITLE_SEPARATORS = (" | ", " - ", " :: ", " · ", " « ", " » ")

_NAME_CREDIT = re.compile(
    r"^(?P<credit>(?P<name>[A-Z][a-z][\w&.'’]*(?:\s+(?:[A-Z][\w&.'’]*|of|the|and|&)){0,4})\s?[-–](?=\s))"
)
_ACRONYM_CREDIT = re.compile(r"^(?P<credit>(?P<name>[A-Z]{2,6})\s?[-–](?=\s))")
_DATELINE_CREDIT = re.compile(
    r"^[A-Z][\w .,'’-]{1,60}?(?P<credit>\((?P<name>[A-Z][\w .&/-]{0,40}?)\)\s*[-–—:])"
)
_ACCORDING_TO = re.compile(
    r"\b(?P<credit>[Aa]ccording to (?:the )?(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4}))"
)
_MEDIA_WORD = re.compile(
    r"\b(?:TV|News|Agency|Press|Radio|Times|Post|Journal|Daily|Herald|Tribune|Gazette|Network|Channel"
    r"|Broadcasting|Television|Telegraph|Chronicle|Observer|Guardian|Review|Magazine|Wire)\b|^[A-Z]{1,4}NA$"
)
_TITLECASE_WORD = re.compile(r"^[A-Z\u00c0-\u024f][\w.'’-]*$")
_LOWER_START = re.compile(r"^[a-z]")
_TOKEN = re.compile(r"\w+")
_DATE_STAMP = re.compile(
    r"^(?:published|updated|posted|original|last (?:updated|modified)|date)\b", re.IGNORECASE
)
_STAMP_MAX_WORDS = 24
_DOMAIN = re.compile(r"\bwww\.|\w\.(?:com|net|org|co\.\w\w|info)\b", re.IGNORECASE)
_FUNCTION_WORDS = frozenset("the a an of in on at to for and or with from by as is are was".split())


@dataclass(slots=True)
class _Line:
    n: int
    text: str
    key: str
    words: int
    role: str | None = None
    rule: str | None = None
    prose: bool = False
    dated: bool | None = None

    def assign(self, role: str, rule: str) -> None:
        self.role, self.rule = role, rule


def _ends_sentence(text: str) -> bool:
    """Ends with . ! ? (or CJK/ellipsis), possibly followed by closing quotes or brackets."""
    return text.rstrip(_CLOSERS)[-1:] in _TERMINALS


def _is_prose(line: _Line) -> bool:
    if line.words >= _LONG_LINE_WORDS:
        # A long line in Title Case without a full stop is a headline (a teaser in a list), not prose.
        # (Credits and name lists, "Director_A B, Writer_C D, ...", are text: headlines rarely hold commas.)
        return _ends_sentence(line.text) or line.text.count(",") >= 2 or not _title_cased(line.text)
    return line.words >= _MIN_SENTENCE_WORDS and _ends_sentence(line.text)


_HEADING_MARKS = re.compile(r"^#{1,6}\s+(.*?)(?:\s+#+)?\s*$")


def _without_heading_marks(text: str) -> str:
    """A Markdown heading's text without its ``#`` marks (``# Title`` -> ``Title``); other text unchanged."""
    found = _HEADING_MARKS.match(text)
    return found.group(1) if found and found.group(1) else text


def _title_cased(text: str) -> bool:
    """Most words start with a capital or a digit, as in headlines ("AMD Announces New GPU For Laptops")."""
    words = text.split()
    capitalised = sum(1 for word in words if word[:1].isupper() or word[:1].isdigit())
    return capitalised >= _TITLE_CASE_SHARE * len(words)


def _analyse(stripped: str) -> tuple[str, int, str | None, str | None]:
    """Key, word count and rule verdict (role, rule) of one line text.

    Memoised: chrome lines repeat across the articles of a site, so a bundle pays for them once.
    """
    key = normalize_line_key(stripped)
    words = count_words(stripped)
    if news_id_of(stripped) is not None:
        return key, words, "news_id", "news_id"
    # Every rule is bounded in length; long paragraphs skip the rule scan.
    rule = first_rule(stripped, key, words) if words <= _RULE_MAX_WORDS else None
    if rule is None:
        return key, words, None, None
    return key, words, rule.role, rule.name


_analyse_cached = lru_cache(maxsize=_LINE_CACHE_SIZE)(_analyse)


def _read_lines(text: str, bundle_chrome: frozenset[str]) -> list[_Line]:
    lines: list[_Line] = []
    for index, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        stripped = raw.strip()
        if not stripped:
            continue
        # Only short lines (the chrome that repeats) go through the cache, which keeps its memory bounded.
        analyse = _analyse_cached if len(stripped) <= _LINE_CACHE_MAX_CHARS else _analyse
        key, words, role, rule = analyse(stripped)
        if key in bundle_chrome:
            role, rule = "boilerplate", "bundle_chrome"
        lines.append(_Line(index, stripped, key, words, role, rule))
    return lines


def _doubled(key: str) -> str | None:
    """The half of a line that repeats itself ("T T"), if it does."""
    half, rest = divmod(len(key), 2)
    if len(key) < 6:
        return None
    if rest == 1 and key[half] == " " and key[:half] == key[half + 1 :]:
        return key[:half]
    return None


def _strip_site(key: str) -> set[str]:
    """Parts of a "Title | Site" or "Section | Title" line that could be the headline."""
    parts: set[str] = set()
    for separator in _TITLE_SEPARATORS:
        if separator in key:
            head, _, tail = key.partition(separator)
            parts.update({head.strip(), tail.strip()})
            head_last, _, tail_last = key.rpartition(separator)
            parts.update({head_last.strip(), tail_last.strip()})
    return parts


def _mark_link_lists(lines: list[_Line]) -> None:
    """After a "Related"/"Most popular" heading, short unpunctuated lines are links to other pages."""
    in_list = False
    tags_open = False
    for line in lines:
        if line.rule == "navigation" and opens_link_list(line.key, line.words):
            in_list = True
            continue
        # A bare "Tags:" heading puts its tags on the next line.
        if tags_open and line.role is None and not _ends_sentence(line.text):
            line.assign("boilerplate", "tag_list")
        tags_open = line.rule == "tag_list" and line.words <= 2
        if not in_list:
            continue
        if line.role is None and line.words < _LONG_LINE_WORDS and not _ends_sentence(line.text):
            line.assign("boilerplate", "link_list")
        elif line.role is None:
            in_list = False


def _mark_repeated_lines(lines: list[_Line]) -> None:
    """A sentence-long line printed three or more times is a template (gallery caption, promo), not prose."""
    counts: dict[str, int] = {}
    for line in lines:
        if line.role is None and line.words >= _REPEATED_MIN_WORDS:
            counts[line.key] = counts.get(line.key, 0) + 1
    for line in lines:
        if line.role is None and counts.get(line.key, 0) >= _REPEATED_MIN_COUNT:
            line.assign("boilerplate", "repeated_line")


def _opens_comments(line: _Line) -> bool:
    """A line that starts a comment area ("Leave a comment", moderation policy, captcha).

    Counters ("6 comments") and bare form fields ("Email", "Name (required)") also sit in page
    headers and sidebars (share rows, newsletter forms), so they are weak: they open one only after
    a good deal of prose.
    """
    if line.rule in ("comment_policy", "captcha_notice"):
        return True
    return line.rule == "comment_form" and line.words >= 2 and _FORM_FIELD.match(line.key) is None


def _mark_comment_section(lines: list[_Line]) -> None:
    """Once the article has had prose, a comment-form line starts the reader comments: all chrome."""
    prose_seen = prose_chars = 0
    for index, line in enumerate(lines):
        if line.role is None and _is_prose(line):
            prose_seen += 1
            prose_chars += len(line.text)
        weak = line.rule == "comment_form" and not _opens_comments(line)
        if prose_seen >= 2 and (_opens_comments(line) or (weak and prose_chars >= _COMMENTS_AFTER_CHARS)):
            for later in lines[index + 1 :]:
                if later.role is None or later.role in KEPT_ROLES:
                    later.assign("boilerplate", "comment_section")
            return


def _is_date_line(line: _Line) -> bool:
    """A short line that prints a date (a dateline, "Published ..."), not a sentence mentioning one."""
    if line.dated is None:
        short = line.words <= 14 and not (_is_prose(line) and line.words > 10)
        # "Published <date> Updated <date>" lines are longer but still only dates.
        short = short or (line.words <= _STAMP_MAX_WORDS and _DATE_STAMP.match(line.text) is not None)
        line.dated = short and find_date(line.text) is not None
    return line.dated


def _prose_runs(lines: list[_Line]) -> list[tuple[int, int, int]]:
    """Runs of prose lines separated by at most ``_MAX_GAP_LINES`` other lines: (chars, start, end)."""
    runs: list[tuple[int, int, int]] = []
    last_prose = -1
    for index, line in enumerate(lines):
        if not line.prose:
            continue
        if last_prose < 0 or index - last_prose - 1 > _MAX_GAP_LINES:
            runs.append((0, index, index))
        chars, start, _ = runs[-1]
        runs[-1] = (chars + len(line.text), start, index)
        last_prose = index
    return runs


def _choose_region(lines: list[_Line]) -> tuple[int, int] | None:
    """Index range (inclusive) of the densest run of prose lines, joined with substantial neighbour runs.

    A long widget (product box, embedded list) can split an article into runs; a neighbouring run
    with a good share of the best run's text is still the article, while a stray teaser is not.
    """
    for line in lines:
        line.prose = line.role is None and _is_prose(line)
    runs = _prose_runs(lines)
    if not runs:
        return None
    best = max(range(len(runs)), key=lambda i: runs[i][0])
    chars = runs[best][0]
    first, last = best, best

    def joinable(near: int, far: int) -> bool:
        # A gap full of lines no rule claimed (a site menu) would all become body: not one article.
        low, high = (runs[near][2], runs[far][1]) if near < far else (runs[far][2], runs[near][1])
        unclaimed = sum(1 for line in lines[low + 1 : high] if line.role is None)
        return runs[far][0] >= _JOIN_RUN_SHARE * chars and unclaimed <= _MAX_JOIN_UNCLAIMED

    while last + 1 < len(runs) and joinable(last, last + 1):
        last += 1
        chars += runs[last][0]
    while first > 0 and joinable(first, first - 1):
        first -= 1
        chars += runs[first][0]
    return runs[first][1], runs[last][2]


def _skip_standfirst(lines: list[_Line], start: int, end: int) -> int:
    """Move the region start past a standfirst: prose that comes before the byline or date."""
    prose_seen = prose_chars = 0
    new_start = start
    for index in range(start, min(end, start + _HEAD_SCAN_LINES) + 1):
        line = lines[index]
        if line.prose:
            prose_seen += 1
            prose_chars += len(line.text)
            if prose_seen > _MAX_STANDFIRST_PROSE or prose_chars > _MAX_STANDFIRST_CHARS:
                break
            continue
        marker = line.role in ("byline", "date") or line.rule in ("share_prompt", "login_prompt")
        if line.role is None and _is_date_line(line):
            marker = True
        if marker:
            new_start = index + 1
    while new_start <= end and not lines[new_start].prose:
        new_start += 1
    return new_start if new_start <= end else start


def _looks_like_name(line: _Line) -> bool:
    """Two to four capitalised words and no function word: a person, desk or section name."""
    words = line.text.split()
    if not 2 <= len(words) <= 4 or any(ch.isdigit() for ch in line.text):
        return False
    return all(_TITLECASE_WORD.match(word) for word in words) and not any(
        word.lower() in _FUNCTION_WORDS for word in words
    )


def _is_sentence(line: _Line) -> bool:
    """Prose rather than a headline: ends like a sentence and is mostly lower-case words."""
    if line.words < _MIN_SENTENCE_WORDS or not _ends_sentence(line.text):
        return False
    words = line.text.split()
    lower = sum(1 for word in words if word[:1].islower())
    return lower / len(words) > _SENTENCE_LOWER_SHARE


@lru_cache(maxsize=_LINE_CACHE_SIZE)
def _content_words(key: str) -> frozenset[str]:
    """Content words cut to a short prefix: a crude stemmer that works across inflecting languages.

    Memoised like the line analysis: header lines repeat across a site's articles.
    """
    return frozenset(
        word[:_STEM_CHARS] for word in _TOKEN.findall(key) if len(word) > 2 and word not in _FUNCTION_WORDS
    )


def _title_score(
    lines: list[_Line],
    index: int,
    region_start: int,
    keys: dict[str, list[int]],
    variants: dict[str, set[int]],
    lead_words: frozenset[str],
    unclaimed_between: int,
    reworded: set[int],
) -> float:
    line = lines[index]
    cjk = not line.text.isascii() and any("\u3040" <= ch <= "\u9fff" for ch in line.text)
    sentence = _is_sentence(line)
    name_like = _looks_like_name(line)
    substantial = (line.words >= 4 or cjk) and not name_like and not sentence
    score = 0.0
    if substantial and any(i != index for i in keys.get(line.key, [])):
        score += 6
    if substantial and any(i != index for i in variants.get(line.key, ())):
        score += 6
    if substantial and index in reworded:
        score += _REWORDED_BONUS
    following = lines[index + 1 : index + 6]
    if any(other.role in ("byline", "date") or _is_date_line(other) for other in following):
        score += 4
    # Related-story teasers carry dates too; only the story's own headline carries the author.
    bylined = any(other.role == "byline" for other in following)
    if bylined:
        score += _BYLINE_BONUS
    if 5 <= line.words <= 20:
        score += 2
    elif line.words >= 3:
        score += 1
    if line.words < 3 and not cjk:
        score -= 6
    if name_like:
        score -= 3
    # A link list holds other stories' headlines, unless the author's name follows this one.
    if line.rule == "link_list" and not bylined:
        score -= _LINK_LIST_PENALTY
    # A site name ("AS - www.site.com"), never the headline.
    if _DOMAIN.search(line.text):
        score -= 6
    # A headline is about what the lead paragraphs say.
    words = _content_words(line.key)
    if words and lead_words:
        score += _LEAD_OVERLAP_WEIGHT * len(words & lead_words) / len(words)
    if sentence:
        score -= _SENTENCE_PENALTY
    if _LOWER_START.match(line.text):
        score -= 2
    # Nearer the start of the article is likelier the headline than a teaser higher up.
    score -= min(4.0, 0.4 * unclaimed_between)
    return score


def _reworded_lines(lines: list[_Line], first: int, end: int) -> set[int]:
    """Header lines that another header line says again in other words (page title vs. printed headline).

    Sites print the headline twice, often edited ("HS Roundup: X" / "High School Roundup: X"); teasers
    in link lists rarely share most of their content words with another line.
    """
    stems_of: dict[int, frozenset[str]] = {}
    holders: dict[str, list[int]] = {}
    for index in range(first, end):
        line = lines[index]
        if (
            line.words < 4
            or line.words > _TITLE_MAX_WORDS
            or line.role not in (None, "link_list", "title_repeat")
        ):
            continue
        stems = _content_words(line.key)
        if len(stems) >= _REWORDED_MIN_SHARED:
            stems_of[index] = stems
            for stem in stems:
                holders.setdefault(stem, []).append(index)
    found: set[int] = set()
    for index, stems in stems_of.items():
        shared: dict[int, int] = {}
        for stem in stems:
            for other in holders[stem]:
                if other != index:
                    shared[other] = shared.get(other, 0) + 1
        for other, count in shared.items():
            larger = max(len(stems), len(stems_of[other]))
            similar = count >= _REWORDED_MIN_SHARED and count >= _REWORDED_SHARE * larger
            if similar and lines[other].key != lines[index].key:
                found.add(index)
                break
    return found


def _find_title(lines: list[_Line], region_start: int, hint: str | None) -> int | None:
    if hint:
        hint_key = normalize_line_key(hint)
        for index, line in enumerate(lines):
            if line.key == hint_key or _doubled(line.key) == hint_key:
                return index
        return None
    keys: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        keys.setdefault(line.key, []).append(index)
    # Headline variants: "Title | Site" parts and the halves of doubled lines, by the lines printing them.
    variants: dict[str, set[int]] = {}
    for index, line in enumerate(lines):
        parts = _strip_site(line.key)
        half = _doubled(line.key)
        if half is not None:
            parts.add(half)
        for part in parts:
            variants.setdefault(part, set()).add(index)
    lead_lines = [line for line in lines[region_start:] if line.prose][:_LEAD_PARAGRAPHS]
    lead_words = _content_words.__wrapped__(" ".join(line.key for line in lead_lines))
    reworded = _reworded_lines(lines, max(0, region_start - _TITLE_SCAN_LINES), region_start)
    best: tuple[float, int] | None = None
    # Unclaimed lines between each candidate and the article, counted once from the bottom up.
    first_candidate = max(0, region_start - _TITLE_SCAN_LINES)
    unclaimed_after = [0] * (region_start - first_candidate + 1)
    for index in range(region_start - 1, first_candidate - 1, -1):
        below = lines[index + 1] if index + 1 < region_start else None
        unclaimed_after[index - first_candidate] = unclaimed_after[index - first_candidate + 1] + int(
            below is not None and below.role is None
        )
    for index in range(first_candidate, region_start):
        line = lines[index]
        if (
            line.rule not in (None, "link_list", "repeated_line")
            or line.words > _TITLE_MAX_WORDS
            or line.text.endswith(":")
        ):
            continue
        if _doubled(line.key) is not None or find_date(line.text) is not None:
            continue
        score = _title_score(
            lines,
            index,
            region_start,
            keys,
            variants,
            lead_words,
            unclaimed_after[index - first_candidate],
            reworded,
        )
        if best is None or score >= best[0]:
            best = (score, index)
    if best is None or best[0] < 0:
        return None
    # The first printing of a repeated headline is the headline; later ones are repeats.
    return keys[lines[best[1]].key][0]


def _mark_title_repeats(lines: list[_Line], title_key: str) -> None:
    for line in lines:
        if line.role in ("title",):
            continue
        if line.key == title_key or _doubled(line.key) == title_key:
            line.assign("title_repeat", "title_repeat")
        elif line.role is None and title_key in _strip_site(line.key):
            line.assign("title_repeat", "title_with_site")


def _is_name_caption(lines: list[_Line], index: int) -> bool:
    """A short Title-Case name (the person pictured) that is printed in the neighbouring paragraph."""
    line = lines[index]
    if line.words > _CAPTION_NAME_MAX_WORDS or line.words < 2 or _ends_sentence(line.text):
        return False
    if not all(_TITLECASE_WORD.match(word) for word in line.text.split()):
        return False
    neighbours = [lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
    return any(other.prose and line.text in other.text for other in neighbours)


def _extend_colon_list(lines: list[_Line], end: int) -> int:
    """Keep a list the article introduces with a colon ("Tour dates:") right after its last paragraph.

    The list is the introducing line and the lines printed directly under it, without blank lines.
    """
    following = end + 1
    if following >= len(lines):
        return end
    intro = lines[following]
    if intro.role is not None or not intro.text.endswith(":") or intro.words > _SUBHEADING_MAX_WORDS:
        return end
    last = following
    while last + 1 < len(lines) and lines[last + 1].n == lines[last].n + 1 and lines[last + 1].role is None:
        last += 1
    if last == following:
        return end
    for line in lines[following : last + 1]:
        line.assign("body", "colon_list")
    return last


def _classify_region(lines: list[_Line], start: int, end: int) -> None:
    for index in range(start, end + 1):
        line = lines[index]
        if line.role is not None:
            continue
        if line.prose:
            line.assign("body", "article_region")
            continue
        if _is_name_caption(lines, index):
            line.assign("caption", "name_caption")
            continue
        following = next((other for other in lines[index + 1 : end + 1] if other.role is None), None)
        heading_like = line.words <= _SUBHEADING_MAX_WORDS and not _ends_sentence(line.text)
        if heading_like and following is not None and following.prose:
            line.assign("subheading", "crosshead")
        else:
            line.assign("body", "article_region")


def _classify_header(lines: list[_Line], start: int) -> None:
    kicker_done = False
    for index in range(start - 1, -1, -1):
        line = lines[index]
        if line.role is not None:
            kicker_done = True
            continue
        if (
            not kicker_done
            and line.text.endswith(":")
            and line.words <= _KICKER_MAX_WORDS
            and not is_nav_header(line.key, line.words)
        ):
            line.assign("kicker", "kicker")
        elif _is_date_line(line):
            line.assign("date", "date_line")
        else:
            line.assign("boilerplate", "header_chrome")
        kicker_done = True


def _find_source(body_lines: list[_Line]) -> tuple[str | None, str | None]:
    names: list[tuple[str, str]] = []
    acronyms: list[tuple[str, str]] = []
    for line in body_lines[:_SOURCE_SCAN_PARAGRAPHS]:
        text = line.text.replace("\u00a0", " ")
        acronym = _ACRONYM_CREDIT.match(text)
        if acronym:
            acronyms.append((acronym["name"], acronym["credit"].strip()))
            continue
        name = _NAME_CREDIT.match(text)
        if name:
            names.append((name["name"].strip(), name["credit"].strip()))
            continue
    if names:
        name, credit = names[0]
        evidence = [credit]
        for acronym, acronym_credit in acronyms:
            if acronym == name[0].upper() + "NA":
                name = f"{name} News Agency"
                evidence.append(acronym_credit)
                break
        return name, " / ".join(evidence)
    if acronyms:
        return acronyms[0]
    for line in body_lines[:_SOURCE_SCAN_PARAGRAPHS]:
        dateline = _DATELINE_CREDIT.match(line.text)
        if dateline:
            return dateline["name"].strip(), dateline["credit"].strip()
    for line in body_lines:
        for match in _ACCORDING_TO.finditer(line.text):
            if _MEDIA_WORD.search(match["name"]):
                return match["name"].strip(), match["credit"].strip()
    return None, None


def _detect_language(body: str) -> str | None:
    if not body.strip():
        return None
    # Imported lazily: loading the model costs far more than importing the cleaner.
    import py3langid

    language, _score = py3langid.classify(body[:_LANGUAGE_SAMPLE_CHARS])
    return str(language)


def _published(lines: list[_Line], region_start: int, hints: Hints | None) -> tuple[str | None, str | None]:
    if hints is not None and hints.published:
        found = find_date(hints.published)
        return (found.iso if found else hints.published.strip()), hints.published
    for line in lines[:region_start]:
        if line.role in ("date", "byline") or (line.role == "boilerplate" and _is_date_line(line)):
            found = find_date(line.text)
            if found is not None:
                if line.role == "boilerplate":
                    line.assign("date", "date_line")
                return found.iso, (line.text if line.role == "date" else found.text)
    return None, None


def clean_article(
    text: str,
    hints: Hints | None = None,
    *,
    bundle_chrome: frozenset[str] = frozenset(),
    main_content: bool = False,
) -> CleanArticle:
    """Clean one article: a role for every non-empty line, the body, and the metadata printed in it.

    ``bundle_chrome`` holds line keys (``normalize_line_key``) that repeat across the bundle's
    articles. ``main_content`` says an extractor that saw the markup already cut the text to the
    article, so every line the rules leave is kept rather than only the densest prose region.
    """
    lines = _read_lines(text, bundle_chrome)
    hint_title = hints.title.strip() if hints is not None and hints.title and hints.title.strip() else None
    _mark_link_lists(lines)
    _mark_repeated_lines(lines)
    if not main_content:
        _mark_comment_section(lines)
    region = _whole_text(lines) if main_content else _choose_region(lines)
    if region is None:
        fallbacks.note("no_prose")
        start, end = _fallback_region(lines)
    elif main_content:
        start, end = region
        start = _first_text_line(lines, start, end)
    else:
        start, end = region
        start = _skip_standfirst(lines, start, end)

    title_index = _find_title(lines, start, hint_title)
    title = hint_title
    if title_index is not None:
        title_line = lines[title_index]
        title = hint_title or _without_heading_marks(title_line.text)
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
    _classify_region(lines, start, end)
    end = _extend_colon_list(lines, end)
    for line in lines[end + 1 :]:
        if line.role is None:
            line.assign("boilerplate", "trailing_chrome")

    kept = [line for line in lines if line.role in KEPT_ROLES]
    body = "\n\n".join(line.text for line in kept)
    published, published_text = _published(lines, start, hints)
    source, source_evidence = _find_source(kept)
    if hints is not None and hints.source:
        source, source_evidence = hints.source.strip(), "hint"

    def first_of(role: str) -> str | None:
        return next((line.text for line in lines if line.role == role), None)

    news_id_line = next((line for line in lines if line.role == "news_id"), None)
    return CleanArticle(
        title=title,
        body=body,
        published=published,
        published_text=published_text,
        source=source,
        source_evidence=source_evidence,
        news_id=news_id_of(news_id_line.text) if news_id_line else None,
        kicker=first_of("kicker"),
        byline=first_of("byline"),
        caption=first_of("caption"),
        subheadings=tuple(line.text for line in lines if line.role == "subheading"),
        language=_detect_language(body),
        word_count=len(re.findall(r"\w+", body)),
        url=hints.url if hints is not None else None,
        lines=tuple(
            LineDecision(line.n, line.text, line.role or "body", line.rule or "default") for line in lines
        ),
    )


def _first_text_line(lines: list[_Line], start: int, end: int) -> int:
    """The first line from ``start`` that no rule claimed and that is not a date line."""
    while start < end and (lines[start].role is not None or _is_date_line(lines[start])):
        start += 1
    return start


def _whole_text(lines: list[_Line]) -> tuple[int, int] | None:
    """The first to the last line no rule claimed: the region of text already cut to the article."""
    for line in lines:
        line.prose = line.role is None and _is_prose(line)
    unclaimed = [index for index, line in enumerate(lines) if line.role is None]
    return (unclaimed[0], unclaimed[-1]) if unclaimed else None


def _fallback_region(lines: list[_Line]) -> tuple[int, int]:
    """Without any prose line, keep every unclaimed line but a leading headline."""
    unclaimed = [index for index, line in enumerate(lines) if line.role is None]
    if not unclaimed:
        return len(lines), len(lines) - 1
    first = unclaimed[1] if len(unclaimed) > 1 else unclaimed[0]
    for line in lines:
        line.prose = line.role is None
    return first, unclaimed[-1]
