"""The facts of one line's text, settled once when the line is read: its key, words, rule verdict, cues."""

from __future__ import annotations

from functools import lru_cache

from newsdrop.text.cleaner.cues_notice import NOTICE_STEMS, notice_count, notice_words
from newsdrop.text.cleaner.reader_cues import _CLOSING as _CUE_CLOSING
from newsdrop.text.cleaner.reader_cues import _ELLIPSES, line_cues
from newsdrop.text.cleaner.related_runs import (
    _LABEL_MAX_WORDS,
    ASCII_LABEL_STARTS,
    label_of_starts,
    labels_a_list,
)
from newsdrop.text.line_keys import count_words, key_and_words, normalize_line_key
from newsdrop.text.rule_dispatch import rule_scanner
from newsdrop.text.stamp_rules import _NEWS_ID_FIRST, news_id_of

# A prose line ends like a sentence and has a few words, or is long whatever its ending.
_CLOSERS = "\"'”’»)]"


_TERMINALS = frozenset(".!?。！？…")


_MIN_SENTENCE_WORDS = 6


_LONG_LINE_WORDS = 20


_TITLE_CASE_SHARE = 0.75


_RULE_MAX_WORDS = 60


_LINE_CACHE_SIZE = 32768


def _ends_sentence(text: str) -> bool:
    """Ends with . ! ? (or CJK/ellipsis), possibly followed by closing quotes or brackets."""
    return text.rstrip(_CLOSERS)[-1:] in _TERMINALS


def _reads_as_prose(text: str, words: int) -> bool:
    if words >= _LONG_LINE_WORDS:
        # A long line in Title Case without a full stop is a headline (a teaser in a list), not prose.
        # (Credits and name lists, "Director_A B, Writer_C D, ...", are text: headlines rarely hold commas.)
        return _ends_sentence(text) or text.count(",") >= 2 or not _title_cased(text)
    return words >= _MIN_SENTENCE_WORDS and _ends_sentence(text)


def _title_cased(text: str) -> bool:
    """Most words start with a capital or a digit, as in headlines ("AMD Announces New GPU For Laptops")."""
    words = text.split()
    capitalised = sum(1 for word in words if word[:1].isupper() or word[:1].isdigit())
    return capitalised >= _TITLE_CASE_SHARE * len(words)


# ``notice_words`` without its own cache: ``_analyse``'s serves it.
_notice_words = notice_words.__wrapped__


# ``line_cues`` without its own cache: ``_analyse``'s serves it.
_line_cues = line_cues.__wrapped__


# ``first_rule`` with the notice stems' test of the key (``notice_words``' pre-test) and the related labels' start
# patterns (``labels_a_list``' of a short ASCII key) in its scan's pass.
_first_rule_and_notice = rule_scanner(NOTICE_STEMS, ASCII_LABEL_STARTS)


def _analyse(
    stripped: str, long: bool = False
) -> tuple[str, int, str | None, str | None, bool, float, float, bool, float | None]:
    """Key, word count, rule verdict (role, rule), whether it reads as prose, the line model's cues of the
    text alone (notice words, truncated end), whether it labels a list of links (``labels_a_list``) and, for
    a line that reads as prose, its pronoun cue (``line_cues``' first; None for other lines), of one line text.

    Memoised: chrome lines repeat across the articles of a site, so a bundle pays for them once. A ``long``
    line (a paragraph, which ``_read_lines`` reads without the cache) asks its costly cues of their own caches:
    a story's paragraphs repeat in its page's other view.
    """
    if stripped.isascii():
        # ``normalize_line_key``'s common case without its call (and ``_has_extra_space``'s): printable ASCII with
        # single spaces and none at either edge is keyed by lower-casing alone.
        if stripped.isprintable() and "  " not in stripped and stripped[:1] != " " and stripped[-1:] != " ":
            key = stripped.lower()
        else:
            key = normalize_line_key(stripped)
        # An ASCII line's key is its words joined by single spaces: counting the spaces counts the words.
        words = key.count(" ") + 1 if key else count_words(stripped)
    else:
        key, words = key_and_words(stripped)
    # (``_reads_as_prose`` is False under ``_MIN_SENTENCE_WORDS`` words: most lines skip the call.)
    prose = words >= _MIN_SENTENCE_WORDS and _reads_as_prose(stripped, words)
    # ``truncated_end`` without its call.
    truncated = 1.0 if stripped.rstrip(_CUE_CLOSING).endswith(_ELLIPSES) else 0.0
    # The line model asks a line its pronouns only where it reads as prose: a line whose text reads so mostly.
    pronouns = (line_cues if long else _line_cues)(stripped, True)[0] if prose else None
    # (``news_id_of`` is None unless the line opens with one of ``_NEWS_ID_FIRST``: most lines skip the call.)
    if stripped[:1] in _NEWS_ID_FIRST and news_id_of(stripped) is not None:
        notice, related = (notice_words if long else _notice_words)(key), labels_a_list(key, words)
        return key, words, "news_id", "news_id", prose, notice, truncated, related, pronouns
    # Every rule is bounded in length; long paragraphs skip the rule scan.
    if words > _RULE_MAX_WORDS:
        notice, related = (notice_words if long else _notice_words)(key), labels_a_list(key, words)
        return key, words, None, None, prose, notice, truncated, related, pronouns
    rule, holds_notice, starts = _first_rule_and_notice(stripped, key, words)
    # The scan read a short ASCII key's label patterns (``labels_a_list``' own path for it); other keys ask it.
    if starts >= 0 and words <= _LABEL_MAX_WORDS and "_" not in key:
        related = label_of_starts(starts)
    else:
        related = labels_a_list(key, words)
    notice = notice_count(key) if holds_notice else 0.0
    if rule is None:
        return key, words, None, None, prose, notice, truncated, related, pronouns
    return key, words, rule.role, rule.name, prose, notice, truncated, related, pronouns


_analyse_cached = lru_cache(maxsize=_LINE_CACHE_SIZE)(_analyse)


def _analyse_long(
    stripped: str,
) -> tuple[str, int, str | None, str | None, bool, float, float, bool, float | None]:
    """``_analyse`` of a line too long for its cache (``long``)."""
    return _analyse(stripped, True)
