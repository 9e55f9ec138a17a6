"""Line-model cues of a site speaking about itself: notice vocabulary (consent, privacy, subscription, ads)."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from newsdrop.text.re2_sets import native_match, search_set
from newsdrop.text.rule_dispatch import trie_pattern

# The tail columns this module adds to the line model's rows, in order (appended after features.FEATURES' own).
NOTICE_FEATURES: tuple[str, ...] = ("notice_words",)


# Stems of the words a site uses when it talks about itself rather than reporting: consent and privacy
# notices, subscription and log-in pitches, advertising and browser/technical notices, in the corpus's main
# languages. Each is a kind of notice, not one outlet's wording; a story about privacy law holds one or two
# such words among many, a consent notice several in its opening.
# Consent, privacy, personal data and terms: a story's own subject as often as a notice (a browser's privacy
# mode, an indigenous people's consent), where a newsletter, subscription or advertising word is the site's.
_LEGAL_STEMS = (
    "privacy",
    "privacidad",
    "confidentialit",
    "prywatno",
    "personvern",
    "datenschutz",
    "consent",
    "einwillig",
    "einverstanden",
    "zustimmung",
    "toestemming",
    "samtykke",
    "consenso",
    "zgod",
    "personal data",
    "personenbezogen",
    "données personnelles",
    "dati personali",
    "dados pessoais",
    "drittanbieter",
    "third part",
    "widerruf",
    "terms of use",
    "terms of service",
    "nutzungsbedingungen",
    "個人情報",
    "利用規約",
)
# A newsletter's or a subscription's sign-up: the site asking the reader to join.
_SIGNUP_STEMS = (
    "newsletter",
    "subscri",
    "suscri",
    "abonn",
    "subskry",
    "assinatura",
    "assinante",
    "会員登録",
    "購読",
)
_NOTICE_STEMS = (
    # the consent banner's own word
    "cookie",
    *_LEGAL_STEMS,
    # subscription and sign-up
    *_SIGNUP_STEMS,
    "ログイン",
    # advertising and the reader's browser
    "javascript",
    "browser",
    "adblock",
    "ad blocker",
    "werbung",
    "advert",
    "anzeige",
    "publicit",
    "pubblicit",
    "publicidad",
    "reklam",
    "annonse",
    "広告",
)


# Over the case-folded key (no IGNORECASE: folding once is cheaper than a case-blind scan).
_NOTICE = re.compile(trie_pattern(_NOTICE_STEMS))


# Whether a text holds a notice stem at all, by an RE2 set (literals: the same verdict on any text): 97 % of
# the corpus's distinct lines hold none, and this test costs about a third of the ``findall`` it spares them.
_HOLDS_NOTICE = search_set([re.escape(stem) for stem in _NOTICE_STEMS])
# The same over UTF-8 bytes, without the binding's Python wrapper (``native_match``): every distinct key is read.
_HOLDS_NOTICE_BYTES = native_match(_HOLDS_NOTICE)


# Notices state their subject early; a long story paragraph is read only this far.
_NOTICE_CHARS = 300


_CACHE_SIZE = 32768


class CueLine(Protocol):
    """What the cues read of one cleaner line."""

    key: str
    # ``notice_words(key)``, if the line was read with it (else None).
    notice: float | None


@lru_cache(maxsize=_CACHE_SIZE)
def notice_words(key: str) -> float:
    """log1p of the notice stems in the opening of a line's case-folded key."""
    if not _HOLDS_NOTICE_BYTES(key[:_NOTICE_CHARS].encode()):
        return 0.0
    return math.log1p(len(_NOTICE.findall(key, 0, _NOTICE_CHARS)))


def notice_count(key: str) -> float:
    """``notice_words`` of a key a scan found a notice stem in (``NOTICE_STEMS``, anywhere): log1p of the stems
    in its opening (none, where the stem stands past it)."""
    return math.log1p(len(_NOTICE.findall(key, 0, _NOTICE_CHARS)))


def notice_stems(key: str) -> tuple[str, ...]:
    """The notice stems that open a word in the opening of a line's case-folded key ("werbung" inside
    "Bewerbungen" does not): a site's notice names its subject as a word."""
    return tuple(
        found.group()
        for found in _NOTICE.finditer(key, 0, _NOTICE_CHARS)
        if found.start() == 0 or not key[found.start() - 1].isalnum()
    )


def legal_words_only(key: str) -> bool:
    """Whether every notice stem opening a word of the key is a consent, privacy or terms word (``_LEGAL_STEMS``)
    and there is one: a line that may be the story speaking of privacy or consent, not the site's pitch."""
    stems = notice_stems(key)
    return bool(stems) and all(stem in _LEGAL_SET for stem in stems)


_LEGAL_SET = frozenset(_LEGAL_STEMS)


# The consent, privacy and terms stems, for the stages that tell the site's request from the story's subject.
LEGAL_STEMS: tuple[str, ...] = _LEGAL_STEMS
SIGNUP_STEMS: tuple[str, ...] = _SIGNUP_STEMS
# Every notice stem, for a scan that tests a key for them with other patterns (``notice_count``).
NOTICE_STEMS: tuple[str, ...] = _NOTICE_STEMS


def site_notice(key: str) -> bool:
    """Whether a line the story closes on is the site's notice: it holds notice stems, not only legal ones
    (a newsletter, subscription, paywall, advertising or browser word; a cookie banner's)."""
    return notice_words(key) > 0.0 and not legal_words_only(key)


def notice_columns(lines: Sequence[CueLine]) -> tuple[list[float]]:
    """The ``NOTICE_FEATURES`` columns of a page: the notice words of each line."""
    return ([notice_words(line.key) if line.notice is None else line.notice for line in lines],)
