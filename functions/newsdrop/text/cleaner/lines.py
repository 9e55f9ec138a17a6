"""Cleaner stage 1, lines: read the text into lines, apply the named line rules, mark link lists, repeats and comments."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsdrop.models import KEPT_ROLES
from newsdrop.text.cleaner.line_facts import (
    _CLOSERS,
    _LINE_CACHE_SIZE,
    _LONG_LINE_WORDS,
    _MIN_SENTENCE_WORDS,
    _analyse_cached,
    _analyse_long,
    _ends_sentence,
)
from newsdrop.text.cleaner.line_facts import _analyse as _analyse
from newsdrop.text.cleaner.line_facts import _reads_as_prose as _reads_as_prose
from newsdrop.text.cleaner.line_facts import _title_cased as _title_cased
from newsdrop.text.dates import find_date
from newsdrop.text.prompt_rules import opens_link_list

_STEM_CHARS = 5


_REPEATED_MIN_WORDS = 8


_REPEATED_MIN_COUNT = 3


_SENTENCE_LOWER_SHARE = 0.3


# A bare form field or comment counter ends the article only after this much prose: higher up it
# belongs to a share row or the page header.
_COMMENTS_AFTER_CHARS = 800


# Even a clear comment opener ("Join the conversation") ends the article only after a paragraph or
# two of prose, or when little prose follows: else it is a header widget above the story.
_COMMENTS_AFTER_STRONG_CHARS = 600


_COMMENTS_STORY_BELOW = 8


# A comment thread's own rows: a reply or report button, "Name says:", "Name wrote on <date>:".
_THREAD_ROW = re.compile(
    r"^[\W_]*(?:reply|antworten|responder|répondre|rispondi|odpowiedz|report|flag|quote)[\W_]*$"
    r"|\b(?:says|wrote|schreibt|écrit|dice|scrive)\b[^.!?]{0,40}:$"
)


# Lines under an opener in which a paragraph run means the story goes on (see ``_story_continues``).
_STORY_BELOW_SCAN = 8


_FORM_FIELD = re.compile(
    r"^[\W_]*(?:new,? )?\d[\d,.]*[km]? (?:comments?|responses?|replies)[\W_]*$"
    r"|^[\W_]*(?:name|e-?mail|website|comment)[\W_]*(?:required)?[\W_]*$"
)


_LINE_CACHE_MAX_CHARS = 300


_TITLE_SEPARATORS = (" | ", " - ", " :: ", " · ", " « ", " » ")


_TITLECASE_WORD = re.compile(r"^[A-Z\u00c0-\u024f][\w.'’-]*$")


# The words of three characters or more, each as its stem (its first ``_STEM_CHARS`` characters; the rest of the
# run is read past): what ``_content_words`` keeps (a shorter word is never a stem).
_STEM_RUN = re.compile(rf"(\w{{3,{_STEM_CHARS}}})\w*")


_DATE_STAMP = re.compile(
    r"^(?:published|updated|posted|original|last (?:updated|modified)|date)\b", re.IGNORECASE
)


_STAMP_MAX_WORDS = 24


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
    # Whether the text reads as prose (``line_facts._reads_as_prose``), settled once when the line is read.
    prose_text: bool = False
    # The line model's cues of the text alone, settled once when the line is read (memoised with its rule
    # verdict, where the model's features paid a cache of their own for each): ``notice_words`` of the key
    # and ``line_cues``' truncated end. None on a line built without them (the features compute them then).
    notice: float | None = None
    truncated: float | None = None
    # Whether the line labels a list of other pages' links (``related_runs.labels_a_list``), read with it.
    related: bool | None = None
    # ``line_cues``' pronoun cue of a line whose text reads as prose, read with it (else None).
    pronouns: float | None = None

    def assign(self, role: str, rule: str) -> None:
        self.role, self.rule = role, rule


def _read_lines(
    text: str,
    bundle_chrome: frozenset[str],
    preformatted: frozenset[str] | None = None,
    long_facts: dict[str, tuple] | None = None,
) -> list[_Line]:
    """The text's non-empty lines, each judged by the named line rules.

    A line in ``preformatted`` (``Hints.preformatted``: the markup printed it in a code block) is code,
    not web chrome: no line rule judges it, and it is kept as body (rule ``preformatted``).
    ``long_facts``: the facts of the lines too long for the line cache, by text, kept by a caller that reads
    one text again (``passes.rule_pass``' second reading of a page reads its paragraphs from it).
    """
    lines: list[_Line] = []
    append, cached = lines.append, _analyse_cached
    # ``_Line(...)`` as the class call runs it (``object.__new__``, then the dataclass's own ``__init__``), each
    # called directly: the class call's C-level dispatch to ``__init__`` cost about as much as the ``__init__``.
    new, init = object.__new__, _Line.__init__
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for index, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if not stripped:
            continue
        # Only short lines (the chrome that repeats) go through the cache, which keeps its memory bounded.
        if len(stripped) <= _LINE_CACHE_MAX_CHARS:
            facts = cached(stripped)
        elif long_facts is None:
            facts = _analyse_long(stripped)
        else:
            facts = long_facts.get(stripped)
            if facts is None:
                facts = long_facts[stripped] = _analyse_long(stripped)
        key, words, role, rule, prose, notice, cut, label, you = facts
        if bundle_chrome and key in bundle_chrome:
            role, rule = "boilerplate", "bundle_chrome"
        if preformatted and " ".join(stripped.split()) in preformatted:
            role, rule = "body", "preformatted"
        # Positional: the fields in order (n, text, key, words, role, rule, prose, dated, prose_text, notice,
        # truncated, related, pronouns: the cut end, the label and the reader's "you" of the text).
        line = new(_Line)
        init(line, index, stripped, key, words, role, rule, False, None, prose, notice, cut, label, you)
        append(line)
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


def _mark_repeated_lines(lines: list[_Line], list_items: bool = True) -> None:
    """A sentence-long line printed three or more times is a template (gallery caption, promo), not prose.

    Without ``list_items`` (an extractor's main content) list items ("- ", as the extractor marks them) and table
    rows ("| ") are not counted: inside the story's container a list item printed again and again is a feature
    several of the story's listed products share ("- Easy setup for all your devices" under each), and a table
    row printed again is the header row of each of the story's tables ("| Pos | Player | Plays |"), not the
    page's template.
    """
    counts: dict[str, int] = {}
    for line in lines:
        if not list_items and line.text.startswith(("- ", "|")):
            continue
        if line.role is None and line.words >= _REPEATED_MIN_WORDS:
            counts[line.key] = counts.get(line.key, 0) + 1
    for line in lines:
        if line.role is None and counts.get(line.key, 0) >= _REPEATED_MIN_COUNT:
            line.assign("boilerplate", "repeated_line")


# Rules that claim a line by its vocabulary (moderation, a credit's bracket, privacy words), which a story's own
# sentence can use: "As she tried to stop the comments ... did not find the picture offensive".
_VOCABULARY_RULES = frozenset({"comment_policy", "photo_caption", "cookie_notice"})


def _keep_story_sentences(lines: list[_Line]) -> None:
    """In an extractor's main content, a prose line one of ``_VOCABULARY_RULES`` claimed between two of the
    story's paragraphs (prose lines no rule claimed) is the story's sentence: the site's moderation policy,
    a picture's credit and a privacy notice sit at the story's edges or alone, not inside its flow."""
    for index in range(1, len(lines) - 1):
        line = lines[index]
        if line.rule not in _VOCABULARY_RULES or not line.prose_text:
            continue
        if all(other.role is None and other.prose_text for other in (lines[index - 1], lines[index + 1])):
            line.role = line.rule = None


def _opens_comments(line: _Line) -> bool:
    """A line that starts a comment area ("Leave a comment", moderation policy, captcha).

    Counters ("6 comments") and bare form fields ("Email", "Name (required)") also sit in page
    headers and sidebars (share rows, newsletter forms), so they are weak: they open one only after
    a good deal of prose.
    """
    if line.rule in ("comment_policy", "captcha_notice"):
        return True
    return line.rule == "comment_form" and line.words >= 2 and _FORM_FIELD.match(line.key) is None


# The rules of the lines that may open a comment section (``_opens_comments`` and its weak form).
_COMMENT_OPENERS = frozenset({"comment_policy", "captcha_notice", "comment_form"})


def _mark_comment_section(lines: list[_Line]) -> None:
    """Once the article has had prose, a comment-form line starts the reader comments: all chrome."""
    prose_seen = prose_chars = 0
    total_prose = sum(len(line.text) for line in lines if line.role is None and line.prose_text)
    for index, line in enumerate(lines):
        if line.role is None and line.prose_text:
            prose_seen += 1
            prose_chars += len(line.text)
        if line.rule not in _COMMENT_OPENERS:
            # Neither a strong nor a weak opener (both need one of these rules): skip the tests.
            continue
        weak = line.rule == "comment_form" and not _opens_comments(line)
        # Far more prose below than above: the "comments" are the story under a header widget.
        story_below = total_prose - prose_chars > _COMMENTS_STORY_BELOW * prose_chars
        strong = _opens_comments(line) and (prose_chars >= _COMMENTS_AFTER_STRONG_CHARS or not story_below)
        weak = weak and prose_chars >= _COMMENTS_AFTER_CHARS and not story_below
        # A field, a counter or a policy-like sentence followed by the story's next paragraphs is a newsletter
        # box, a sign-up's terms or a story sentence about comments; a call to comment ("Leave a Reply") is not.
        vetoable = weak or line.rule == "comment_policy"
        if prose_seen >= 2 and (strong or weak) and not (vetoable and _story_continues(lines, index)):
            if line.rule == "comment_form" and _share_row_call(lines, index, prose_chars):
                continue
            for later in lines[index + 1 :]:
                if later.role is None or later.role in KEPT_ROLES:
                    later.assign("boilerplate", "comment_section")
            return


def _share_row_call(lines: list[_Line], index: int, prose_above: int) -> bool:
    """A call to comment the page prints again lower down, with more prose between the two printings than above
    the first: the link in the share row over the story (and again under it), not the comment section's start."""
    key, between = lines[index].key, 0
    for line in lines[index + 1 :]:
        if line.key == key:
            return between > prose_above
        if line.role is None and line.prose_text:
            between += len(line.text)
    return False


def _story_continues(lines: list[_Line], index: int) -> bool:
    """The story's paragraphs, not a comment thread's rows, come first under a comment opener.

    A comment thread prints its kind of rows between the comments (another form field or counter, names
    with timestamps, reply buttons); a story sentence that mentions comments, a newsletter box's "Email"
    field or a sign-up's terms inside the story is followed by the story's next paragraphs instead: two
    consecutive prose lines, and no thread row anywhere in the scan (a site notice between "Comments" and
    "Leave a Reply" is no story).
    """
    previous = paragraphs = False
    for line in lines[index + 1 : index + 1 + _STORY_BELOW_SCAN]:
        if line.rule in _COMMENT_OPENERS or _THREAD_ROW.search(line.key) or _is_date_line(line):
            return False
        # A paragraph is a sentence; a list of teaser headlines is in Title Case or cut short ("...").
        prose = (
            line.role is None
            and line.prose_text
            and _is_sentence(line)
            and not line.text.rstrip(_CLOSERS).endswith(("...", "…"))
        )
        paragraphs = paragraphs or (prose and previous)
        previous = prose
    return paragraphs


def _is_date_line(line: _Line) -> bool:
    """A short line that prints a date (a dateline, "Published ..."), not a sentence mentioning one."""
    if line.dated is None:
        short = line.words <= 14 and not (line.prose_text and line.words > 10)
        # "Published <date> Updated <date>" lines are longer but still only dates.
        short = short or (line.words <= _STAMP_MAX_WORDS and _DATE_STAMP.match(line.text) is not None)
        line.dated = short and find_date(line.text) is not None
    return line.dated


def _looks_like_name(line: _Line) -> bool:
    """Two to four capitalised words and no function word: a person, desk or section name."""
    words = line.text.split()
    if not 2 <= len(words) <= 4 or any(map(str.isdigit, line.text)):
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
    # (``_STEM_RUN`` matches each run of ``\w+`` of three characters or more from its first character, as ``\w{3,}``
    # does: a shorter run holds no match. The stems come out of the regex engine, without a Python slice a word; a
    # function word is a stem of itself, and no stem of a longer word is one, since none has five characters.)
    stems = frozenset(_STEM_RUN.findall(key))
    return stems if stems.isdisjoint(_FUNCTION_WORDS) else stems - _FUNCTION_WORDS
