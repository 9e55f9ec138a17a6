"""Article cleaner: decides a role for every line of a scraped article and extracts body and metadata.

One module per stage: ``lines`` (read lines, named line rules, link lists, repeats, comments),
``region`` (the densest prose run is the article; header above, footer below), ``headline`` (candidates'
facts and rules' score in ``headline_facts``, ranker features in ``headline_rank``, the title's text in
``headline_names``) and ``metadata``; then ``model``, the learned line scorer, may overrule the rules'
keep-or-drop verdict.
``passes`` runs the stages (``rule_pass``), guards against catastrophes and applies the model; this module
builds the result.
"""

from __future__ import annotations

import gc
import re
from functools import lru_cache
from typing import Any, Final

from newsdrop.models import KEPT_ROLES, CleanArticle, Hints, LineDecision
from newsdrop.text.cleaner.after_model import after_model
from newsdrop.text.cleaner.headline_names import named_title
from newsdrop.text.cleaner.lines import _Line
from newsdrop.text.cleaner.main_after import main_after
from newsdrop.text.cleaner.metadata import _detect_language, _find_source, _published
from newsdrop.text.cleaner.model import LineModel, load_model
from newsdrop.text.cleaner.passes import RulePass, apply_model, rule_pass
from newsdrop.text.line_keys import normalize_line_key
from newsdrop.text.stamp_rules import news_id_of

CLEANER_VERSION = "2026.12.08-2"


__all__ = [
    "CLEANER_VERSION",
    "RulePass",
    "apply_model",
    "clean_article",
    "normalize_line_key",
    "rule_pass",
]


# The cleaner's line caches keep a few hundred container objects a page alive. Under CPython's default
# generation-0 threshold (700) that is a collection every page or two, and the survivors soon trigger full
# collections that rescan every object the process holds (6 % of the CPU over 856 texts). A threshold of
# 10,000 still collects cyclic garbage (memory stays bounded; peak unchanged over 100 pages, docs/eval.md
# "Speed pass 8"), about 14 times less often. Set once at import, for the whole process: Lambda or make eval.
_GC_GEN0_THRESHOLD: Final = 10_000


def _raise_gc_threshold() -> None:
    """Raise the generation-0 threshold to ``_GC_GEN0_THRESHOLD``; never lower it, never enable a disabled GC."""
    gen0, gen1, gen2 = gc.get_threshold()
    if 0 < gen0 < _GC_GEN0_THRESHOLD:
        gc.set_threshold(_GC_GEN0_THRESHOLD, gen1, gen2)


_raise_gc_threshold()


_DEFAULT_MODEL: Final = object()


_WORD = re.compile(r"\w+")


# ``\w`` over ASCII as a bytes table, built from the regex itself: word characters to "a", the rest to " ".
_ASCII_WORDS = bytes(ord("a") if _WORD.match(chr(code)) else ord(" ") for code in range(256))


# Below this many characters a non-ASCII body is counted by the regex: numpy's set-up costs more there (the
# two cross at 200-300 characters by the clock; at 1,000 the regex takes 26 us, the table 6.5).
_NUMPY_COUNT_MIN_CHARS = 300


_BMP = 0x10000


# The UTF-16 surrogates' code points (first, stop): a lone one is a character of no word.
_SURROGATES = (0xD800, 0xE000)


@lru_cache(maxsize=1)
def _bmp_word_table() -> Any:
    r"""``\w`` over the Basic Multilingual Plane as a numpy bool table, built from the regex itself."""
    import numpy as np

    # The plane's characters in order, decoded from their UTF-32 code units, and the regex's runs of word
    # characters marked by slice (about 420 runs): a substitution of each of the 65,536 characters and a string
    # per code point cost 70 M instructions, a cold start's 2 % of the bench. The surrogates (no UTF-32 form
    # without an error handler's call each) stay non-word, as the regex reads a lone one.
    table = np.zeros(_BMP, dtype=bool)
    for first, stop in ((0, _SURROGATES[0]), (_SURROGATES[1], _BMP)):
        part = np.arange(first, stop, dtype=np.uint32).tobytes().decode("utf-32-le")
        for run in _WORD.finditer(part):
            table[first + run.start() : first + run.end()] = True
    return table


def _word_count(body: str) -> int:
    r"""``len(re.findall(r"\w+", body))``; counted in C, without a string for every word: an ASCII body by
    ``bytes.translate``, a long one in the Basic Multilingual Plane by a numpy table over its UTF-16 code units
    (its length tells a character past the plane in O(1), where UTF-32 needed a pass for the largest)."""
    if not body.isascii():
        if len(body) < _NUMPY_COUNT_MIN_CHARS:
            return len(_WORD.findall(body))
        import numpy as np

        try:
            units = body.encode("utf-16-le")
        except UnicodeEncodeError:
            # A lone surrogate (no UTF-16 form): the regex counts it.
            return len(_WORD.findall(body))
        if len(units) != 2 * len(body):
            # A character past the plane (two code units): the regex counts it.
            return len(_WORD.findall(body))
        word = _bmp_word_table()[np.frombuffer(units, dtype=np.uint16)]
        # Each run of word characters has two edges but at the text's ends: (edges + first + last) / 2 runs.
        return (int(np.count_nonzero(word[1:] != word[:-1])) + int(word[0]) + int(word[-1])) // 2
    marked = body.encode("ascii").translate(_ASCII_WORDS)
    return marked.count(b" a") + int(marked.startswith(b"a"))


def clean_article(
    text: str,
    hints: Hints | None = None,
    *,
    bundle_chrome: frozenset[str] = frozenset(),
    main_content: bool = False,
    model: LineModel | object | None = _DEFAULT_MODEL,
) -> CleanArticle:
    """Clean one article: a role for every non-empty line, the body, and the metadata printed in it.

    ``bundle_chrome`` holds line keys (``normalize_line_key``) that repeat across the bundle's
    articles. ``main_content`` says an extractor that saw the markup already cut the text to the
    article, so every line the rules leave is kept rather than only the densest prose region.
    ``model`` is the line model (the shipped one by default; None for the rules alone).
    """
    chosen = load_model() if model is _DEFAULT_MODEL else model
    headline = chosen.headline if isinstance(chosen, LineModel) else None
    found = rule_pass(text, hints, bundle_chrome=bundle_chrome, main_content=main_content, headline=headline)
    # The lines' texts, keys, numbers and sizes as the line model read them: the stages after it read the same.
    page = apply_model(found, chosen) if isinstance(chosen, LineModel) and not main_content else None
    if not main_content:
        after_model(
            found.lines,
            found.start,
            modelled=isinstance(chosen, LineModel),
            region_start=found.region_start,
            page=page,
        )
    else:
        # The after-model stages that name a kind of line wherever it stands, on the extractor's lines.
        main_after(found.lines)
    lines, start, title = found.lines, found.start, found.title
    if title is not None and not (hints is not None and hints.title and hints.title.strip()):
        # A headline named from the page's lines; a metadata title (the HTML path's hint) is taken as given.
        title = named_title(title, lines)

    kept = [line for line in lines if line.role in KEPT_ROLES]
    body = "\n\n".join(line.text for line in kept)
    published, published_text = _published(lines, start, hints)
    source, source_evidence = _find_source(kept)
    if hints is not None and hints.source:
        source, source_evidence = hints.source.strip(), "hint"

    # Each role's first line, in one pass over the lines (not one scan per role).
    firsts: dict[str | None, _Line] = {}
    for line in lines:
        if line.role not in firsts:
            firsts[line.role] = line

    def first_of(role: str) -> str | None:
        found = firsts.get(role)
        return found.text if found is not None else None

    # A page with no crosshead (about a third) reads no line for one: ``firsts`` holds every role some line holds.
    subheadings = (
        tuple([line.text for line in lines if line.role == "subheading"]) if "subheading" in firsts else ()
    )
    news_id_line = firsts.get("news_id")
    return CleanArticle(
        title=title,
        body=body,
        published=published,
        published_text=published_text,
        source=source,
        source_evidence=source_evidence,
        news_id=news_id_of(news_id_line.text) if news_id_line else None,
        kicker=first_of("kicker"),
        byline=first_of("byline") or (hints.byline if hints is not None else None),
        caption=first_of("caption"),
        subheadings=subheadings,
        language=_detect_language(body),
        word_count=_word_count(body),
        url=hints.url if hints is not None else None,
        lines=_decisions(lines),
    )


# ``LineDecision`` is a frozen dataclass: its ``__init__`` sets each field through ``object.__setattr__``, and a
# page has a decision for every line. Each decision is made as ``_OpenDecision``, a class of the same slots whose
# attributes are set as plain slots (a slot store in the interpreter, not a call), then given its class: 61 % of the
# instructions of calling each slot's descriptor's ``__set__``. (Python sorts slots: the order here is the layout's.) A
# layout that differs (a field added to ``LineDecision`` only) makes the class assignment raise.
class _OpenDecision:
    __slots__ = ("n", "role", "rule", "text")

    n: int
    text: str
    role: str
    rule: str


_NEW_DECISION: Final = object.__new__


def _decisions(lines: list[_Line]) -> tuple[LineDecision, ...]:
    """Every line's ``LineDecision(n, text, role or "body", rule or "default")``, each field set as a slot (what the
    frozen dataclass's ``__init__`` does, without the ``__setattr__`` calls)."""
    decisions: list[LineDecision] = []
    append = decisions.append
    new, made, final = _NEW_DECISION, _OpenDecision, LineDecision
    for line in lines:
        decision = new(made)
        decision.n = line.n
        decision.text = line.text
        decision.role = line.role or "body"
        decision.rule = line.rule or "default"
        decision.__class__ = final  # type: ignore[assignment]
        append(decision)  # type: ignore[arg-type]
    return tuple(decisions)
