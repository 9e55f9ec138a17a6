"""Cleaner stage 4, metadata: the source credited in the body, the printed date and the language."""

from __future__ import annotations

import re
from itertools import repeat

from newsdrop.models import Hints
from newsdrop.text.cleaner.lines import _is_date_line, _Line
from newsdrop.text.dates import find_date

_SOURCE_SCAN_PARAGRAPHS = 3


_LANGUAGE_SAMPLE_CHARS = 400


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
        # A substring test first: the unanchored regex over every paragraph cost more than the whole stage.
        if "ccording to" not in line.text:
            continue
        for match in _ACCORDING_TO.finditer(line.text):
            if _MEDIA_WORD.search(match["name"]):
                return match["name"].strip(), match["credit"].strip()
    return None, None


# A language is told by its function words: at least this share of a sample's words, over enough words.
# English first; then German, the corpus's most common other language (three in four samples that reach
# py3langid): its list leaves out words other languages write too ("den", "des", "es", "in", "war"), so
# on the corpora a German sample holds 0.12 or more of them (408 of 413) and any other at most 0.03.
_ENGLISH_WORDS = frozenset(
    "the of and to in is that for it was on with as he be at by this had not are but from have they his"
    " she which or you were her an their has been would its we will who there more also".split()
)


_GERMAN_WORDS = frozenset(
    "der die und von zu das mit sich auf für ist im dem nicht ein eine auch werden dass nach wird bei einer"
    " einem über einen zum haben oder aber zur wurde sind sie".split()
)


_FUNCTION_WORDS: tuple[tuple[str, frozenset[str], float], ...] = (
    ("en", _ENGLISH_WORDS, 0.2),
    ("de", _GERMAN_WORDS, 0.12),
)


_FUNCTION_MIN_WORDS = 20


_WORD_EDGES = "\"'“”‘’()[],.;:!?«»-–—"


# Scripts that one language alone writes in: a sample mostly in one of them names its language.
_SCRIPTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[\u3040-\u30ff]"), "ja"),
    (re.compile(r"[\uac00-\ud7af]"), "ko"),
    (re.compile(r"[\u0e00-\u0e7f]"), "th"),
    (re.compile(r"[\u0370-\u03ff]"), "el"),
    (re.compile(r"[\u0590-\u05ff]"), "he"),
    (re.compile(r"[\u10a0-\u10ff]"), "ka"),
)


_SCRIPT_SHARE = 0.3


# A character past Latin (with its accents) and the general punctuation (curly quotes, dashes): a sample without
# one holds none of the scripts above, and no script is counted. Four in five samples are not ASCII, and nine in
# ten of those are such Latin text. (One class of the scripts' own ranges compiles in 1 ms at import, this one
# in 0.1.)
_PAST_LATIN = re.compile(r"[^\x00-\u036f\u2000-\u206f]")


def _cheap_language(sample: str) -> str | None:
    """The language when a cheap signal settles it (English or German function words, a one-language script),
    else None.

    py3langid costs about half a millisecond a sample; most articles need far less to tell.
    """
    if not sample.isascii() and _PAST_LATIN.search(sample) is not None:
        for script, language in _SCRIPTS:
            found = len(script.findall(sample))
            if found >= _SCRIPT_SHARE * len(sample):
                return language
            if found:
                # Some of a one-language script beside other text: leave it to the full model.
                return None
    words = sample.lower().split()
    if len(words) < _FUNCTION_MIN_WORDS:
        return None
    # The strips and the membership tests run in C (``map``); a True counts 1 in the sum.
    stripped = list(map(str.strip, words, repeat(_WORD_EDGES)))
    for language, function_words, share in _FUNCTION_WORDS:
        if sum(map(function_words.__contains__, stripped)) >= share * len(words):
            return language
    return None


def _detect_language(body: str) -> str | None:
    if not body.strip():
        return None
    sample = body[:_LANGUAGE_SAMPLE_CHARS]
    cheap = _cheap_language(sample)
    if cheap is not None:
        return cheap
    # Imported lazily: loading the model costs far more than importing the cleaner.
    import py3langid

    language, _score = py3langid.classify(sample)
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
