"""Stage ablation: each stage of the text cleaner switched off in turn, with its cost and its grouped-CV worth."""

# A stage is switched off here, never in shipped code: the names its caller looks up (``module:name``, or
# ``module:_STAGES#rule`` for one entry of a stage table) are bound for the run to a stub returning what the stage
# returns when it finds nothing. One recorded pass cleans every page of every view with its fold's model (make
# eval's CV rows) and notes the stages that found something; each stage is then switched off and only the pages it
# found something on are cleaned again. Cost: each stage's inclusive CPU time over make bench-instructions' sample
# (the proxy); ``--callgrind a,b;c`` counts the instructions saved exactly.
# Usage: .venv/bin/python -m tools.stage_ablation [--stages a,b] [--skip-quality|--skip-cost] [--json out]

from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "functions") not in sys.path:
    sys.path.insert(0, str(ROOT / "functions"))

C = "newsdrop.text.cleaner."
AM, AT, AR, PS, HL = (C + name for name in ("after_model", "after_model_teasers", "after_model_returns", "passes",
                                             "headline"))  # fmt: skip


@dataclass(frozen=True, slots=True)
class Stage:
    """A stage: the names its callers look up, and what it returns when it finds nothing (``kind``)."""

    name: str
    targets: tuple[str, ...]
    kind: str


# What a stage returns when it finds nothing, and whether a result of it found something (args, result).
_EMPTY: dict[str, tuple[Callable[..., Any], Callable[[tuple[Any, ...], Any], bool]]] = {
    "empty": (lambda *a, **k: [], lambda a, r: bool(r)),
    "none": (lambda *a, **k: None, lambda a, r: r is not None),
    "false": (lambda *a, **k: False, lambda a, r: bool(r)),
    "arg0": (lambda *a, **k: a[0], lambda a, r: r != a[0]),
    "arg1": (lambda *a, **k: a[1], lambda a, r: r != a[1]),
    "pair": (lambda *a, **k: ([], []), lambda a, r: any(r)),
    "never": (lambda *a, **k: lambda *_: False, lambda a, r: False),
    # Returns None and re-decides the lines of its first argument in place.
    "inplace": (lambda *a, **k: None, lambda a, r: False),
}
# Timed only (``cost``): never switched off.
CONTEXT = "context"


# Each caller module's stages in the order the cleaner runs them, "name" or "name:kind" (kind "empty" unless named).
_TABLE: tuple[tuple[str, str, str], ...] = (
    # apply_model's stages after the model's verdicts (the model reads none of their outputs)
    ("", PS, "trailing_islands far_islands footer_lines site_notice:false app_pitch:false _fill_story_holes:inplace "
             "kept_repeats"),
    ("", AM, "skipped_story comment_column counted_teasers smoothed_holes header_holes interleaved_holes "
             "lead_under_headline:none lead_into_region:none lead_over_byline paragraph_heads notice_standfirsts asides "
             "closing_credit_captions credits_alone under_credit_captions placed_captions machine_notice:false "
             "paywall_notice:false gallery_lines player_notices story_copies user_lists numbered_sections "
             "ingredient_lines quoted_lines embedded_posts"),
    ("", AT, "related_runs related_links teaser_blocks related_cards kept_labels heading_pairs headline_links "
             "inner_lists post_meta_row:false dated_runs dated_teasers dated_cards thread_posts kicker_teasers "
             "more_links menu_lines counted_items second_story offer_boxes signup_boxes author_bio pitch_tail "
             "pitch_insets ad_headings echoed_headings retold_headings kept_chrome cjk_headline_islands link_cards "
             "dangling_heading:none"),
    ("", AR, "numbered_runs numbered_blocks rejoined_islands ticker_entries short_post post_over_form:pair "
             "slideshow_story"),
    # the headline's overrides of the ranker, each override and barred kind, the title's text and its parts
    ("", HL, "site_text:false dated_long_headline:none barred_test:never _heads_a_block:false pick_over_ranker:arg1 "
             "held_candidate:none spelled_out:arg1"),
    ("override.", C + "headline_overrides", "headline_over_standfirst:none headline_over_block:none "
     "headline_over_kicker_standfirst:none headline_beside_caption:none headline_over_people_caption:none "
     "headline_over_lead_sentence:none headline_under_label:none typeset_copy:none title_printed_over_pick:none "
     "title_over_masthead:none headline_under_kicker:none headline_under_title_printing:none "
     "title_over_top_rewording:none printed_for_title:none"),
    ("barred.", C + "headline_barred", "_section_trail:false _menu_row:false _navigation_link:false _doubled_labels:false _dateline:false "
     "places_people:false over_video_label:false repeats_trail:false site_text:false "
     "site_of_opening:false"),
    ("", C[:-1], "named_title:arg0"),
    ("named.", C + "headline_names", "without_quoted_lead:arg0 _slash_trail_tail:none _comment_quoted:none "
     "_without_address_tail:arg0 without_credit:arg1 colon_joined:arg1 typeset_printing:arg0"),
    # whole passes
    ("", AM, "drop_teasers_and_boxes:inplace give_back_story:inplace"),
    ("", C[:-1], "after_model:inplace main_after:inplace"),
    # timed only, for the map: passes the line model reads (switching one off needs a retrain) and the result
    ("", C[:-1], "rule_pass:context apply_model:context _published:context _find_source:context "
                 "_detect_language:context _decisions:context _word_count:context"),
    ("", PS, "_read_lines:context _structure:context _choose_region:context _find_title:context "
             "feature_parts:context"),
    ("", HL, "headline_features:context"),
    # timed only: the shared pre-tests of drop_teasers_and_boxes' and after_model's stages
    ("glue.", AT, "line_labels:context _headlines:context opens_with_date:context month_heading:context "
                  "addresses_reader:context pitch_cues:context box_edges:context offer_notice:context "
                  "signup_heading:context"),
    ("glue.", AM, "digit_led:context notice_words:context PageRoles:context"),
)  # fmt: skip


# fmt: off
def _stages() -> tuple[Stage, ...]:
    """Every stage measured, in the order the cleaner runs them; then each of kept_chrome's stages."""
    specs = [(prefix, module, spec.partition(":")) for prefix, module, names in _TABLE for spec in names.split()]
    stages = [Stage(prefix + name, (f"{module}:{name}",), kind or "empty") for prefix, module, (name, _, kind) in specs]
    rules = [rule for _, rule, _ in importlib.import_module(C + "kept_chrome")._STAGES]
    return (*stages, *(Stage(f"kept_chrome.{rule}", (f"{C}kept_chrome:_STAGES#{rule}",), "empty") for rule in rules))
# fmt: on


STAGES = _stages()


def _lookup(target: str) -> tuple[Any, str, str | None]:
    """The module, the name in it and the stage table's rule (None for a plain name) of a target."""
    module, _, name = target.partition(":")
    name, _, rule = name.partition("#")
    return importlib.import_module(module), name, rule or None


def _get(target: str) -> Callable[..., Any]:
    module, name, rule = _lookup(target)
    if rule is None:
        return getattr(module, name)
    return next(entry[0] for entry in getattr(module, name) if entry[1] == rule)


def _set(target: str, function: Callable[..., Any]) -> None:
    module, name, rule = _lookup(target)
    if rule is None:
        setattr(module, name, function)
        return
    table = getattr(module, name)
    setattr(module, name, tuple((function, *entry[1:]) if entry[1] == rule else entry for entry in table))


@contextmanager
def patched(replacements: dict[str, Callable[..., Any]]) -> Iterator[None]:
    """Each target's name bound to its replacement for the block, the originals bound again after it."""
    originals = {target: _get(target) for target in replacements}
    try:
        for target, function in replacements.items():
            _set(target, function)
        yield
    finally:
        for target, function in originals.items():
            _set(target, function)


def switched_off(stage: Stage) -> dict[str, Callable[..., Any]]:
    """The stage's targets bound to its stub."""
    return dict.fromkeys(stage.targets, _EMPTY[stage.kind][0])


def recorder(stage: Stage, original: Callable[..., Any], fired: set[str]) -> Callable[..., Any]:
    """``original`` that adds the stage's name to ``fired`` when a call finds something (its result differs
    from the stub's, or for an in-place stage a line of its first argument changed)."""
    found = _EMPTY[stage.kind][1]

    def call(*args: Any, **kwargs: Any) -> Any:
        before = [(line.role, line.rule) for line in args[0]] if stage.kind == "inplace" else None
        result = original(*args, **kwargs)
        if stage.kind == "never":
            # A test the stage returns: noted where it says yes.
            return recorder(Stage(stage.name, (), "false"), result, fired)
        if isinstance(result, Iterator):
            result = list(result)
        if (before is not None and before != [(line.role, line.rule) for line in args[0]]) or found(
            args, result
        ):
            fired.add(stage.name)
        return result

    return call


def timer(stage: Stage, original: Callable[..., Any], spent: dict[str, float]) -> Callable[..., Any]:
    """``original`` that adds each call's CPU seconds to ``spent[stage.name]``."""

    def call(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            result = original(*args, **kwargs)
            # A test the stage returns is timed where it is called too.
            return timer(Stage(stage.name, (), "inner"), result, spent) if stage.kind == "never" else result
        finally:
            spent[stage.name] = spent.get(stage.name, 0.0) + time.process_time() - started

    return call


def _wrapped(stages: tuple[Stage, ...], wrap: Callable[[Stage, Callable[..., Any]], Any]) -> dict[str, Any]:
    return {target: wrap(stage, _get(target)) for stage in stages for target in stage.targets}


# Figures read per source: body F1 where the gold has a body, title everywhere, snippets where it has them.
FIGURES = {"dev": ("f1", "title"), "fun": ("f1", "title"), "rdb": ("f1", "title"), "traf": ("title", "snippets"),
           "pl": ("title", "snippets")}  # fmt: skip


def figures(results: dict[tuple[str, str], Any]) -> dict[str, float]:
    """``{"view.source.figure": value}`` from ``{(view, page id): Result}``, scored as make eval scores a row."""
    from tools.eval_metric import score

    out: dict[str, float] = {}
    for view in sorted({view for view, _ in results}):
        for source, names in FIGURES.items():
            if rows := [r for (v, _), r in results.items() if v == view and r.page.source == source]:
                row = score(f"{source} {view}", rows).figures()
                out.update({f"{view}.{source}.{name}": row[name] for name in names if name in row})
    return out


def deltas(base: dict[str, float], ablated: dict[str, float], places: int = 4) -> dict[str, float]:
    """The figures that move when the stage is off (ablated minus base), rounded; unmoved ones left out."""
    moved = {name: round(ablated[name] - value, places) for name, value in base.items() if name in ablated}
    return {name: change for name, change in moved.items() if change != 0.0}


def earns_nothing(moved: dict[str, float]) -> bool:
    """Switching the stage off loses no figure (every move is zero or a gain)."""
    return all(change >= 0.0 for change in moved.values())


def _clean(page: Any, view: str, model: Any, readings: dict[str, Any]) -> Any:
    """One page's CV result in one view, as make eval's run_view cleans it (its fold's model)."""
    from newsdrop.text.cleaner import clean_article
    from newsdrop.text.decode import normalize_text
    from newsdrop.text.html import extract, merge_hints
    from tools.eval_metric import Result

    raw = page.read(view)
    if view != "html":
        article = clean_article(raw, None, main_content=False, model=model)
    else:
        found = extract(raw, model=model, readings=readings.get(page.id))
        readings[page.id] = found.readings
        text, hints = normalize_text(found.text), merge_hints(None, found.hints)
        article = clean_article(text, hints, main_content=found.main_content, model=model)
    return Result(page, article.body, article.title, article.published)


def quality(stages: tuple[Stage, ...], every_page: bool = False) -> dict[str, Any]:
    """Each stage's CV figure moves and changed pages per view (``every_page``: clean every page again, not
    only those the stage found something on: the check of the shortcut)."""
    from tools.cleaning_corpus import VIEWS, Corpus
    from tools.eval_cleaner import load_fold_models

    stages = tuple(stage for stage in stages if stage.kind != CONTEXT)
    folds = load_fold_models()
    pages = [
        (view, page) for view in VIEWS for page in Corpus().pages if view != "html" or page.in_html_sample
    ]
    readings: dict[str, Any] = {}
    fired_on: dict[str, list[tuple[str, Any]]] = {stage.name: [] for stage in stages}
    base: dict[tuple[str, str], Any] = {}
    fired: set[str] = set()
    with patched(_wrapped(stages, lambda stage, original: recorder(stage, original, fired))):
        for view, page in pages:
            fired.clear()
            base[(view, page.id)] = _clean(page, view, folds[page.fold], readings)
            for name in fired:
                fired_on[name].append((view, page))
    base_figures = figures(base)
    print("base " + " ".join(f"{name} {value:.4f}" for name, value in base_figures.items()), flush=True)
    report: dict[str, Any] = {"base": base_figures, "stages": {}}
    for stage in stages:
        ablated = dict(base)
        changed: dict[str, int] = {}
        with patched(switched_off(stage)):
            for view, page in pages if every_page else fired_on[stage.name]:
                result = _clean(page, view, folds[page.fold], readings)
                old = base[(view, page.id)]
                if (result.body, result.title) != (old.body, old.title):
                    changed[view] = changed.get(view, 0) + 1
                ablated[(view, page.id)] = result
        moved = deltas(base_figures, figures(ablated))
        report["stages"][stage.name] = dict(fired=len(fired_on[stage.name]), changed=changed, moved=moved)
        print(f"{stage.name:34s} fired {len(fired_on[stage.name]):4d} changed {changed} {moved}", flush=True)
    return report


def _cold() -> None:
    """Every memo of the cleaner's modules emptied, then make bench-instructions' warm-up: each pass reads the
    sample as its child does, once and cold."""
    import py3langid

    from bench.instructions import WARM_UP
    from newsdrop.text.cleaner import clean_article

    for name, module in list(sys.modules.items()):
        if name.startswith("newsdrop"):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
    clean_article(WARM_UP)
    py3langid.classify(WARM_UP)


def cost(stages: tuple[Stage, ...], every: int = 15, rounds: int = 3) -> dict[str, float]:
    """Each stage's share of the cleaning's CPU time (inclusive; the mean of ``rounds`` cold passes) over every
    ``every``th text view with the shipped model, and ``"total"`` the seconds of the quickest pass."""
    from newsdrop.text.cleaner import clean_article
    from newsdrop.text.cleaner.model import load_model
    from tools.cleaning_corpus import Corpus

    model = load_model()
    texts = [page.read(view) for view in ("article", "page") for page in Corpus().pages][::every]
    shares: dict[str, float] = {}
    total = float("inf")
    for _ in range(rounds):
        _cold()
        spent: dict[str, float] = {}
        with patched(_wrapped(stages, lambda stage, original, spent=spent: timer(stage, original, spent))):
            started = time.process_time()
            for text in texts:
                clean_article(text, None, main_content=False, model=model)
            seconds = time.process_time() - started
        total = min(total, seconds)
        for name, value in spent.items():
            shares[name] = shares.get(name, 0.0) + value / seconds / rounds
    return {**shares, "total": total}


def _child(names: list[str], every: int) -> int:
    """make bench-instructions' child with the named stages switched off."""
    from bench.instructions import clean_every

    off: dict[str, Callable[..., Any]] = {}
    for stage in (stage for stage in STAGES if stage.name in names):
        off.update(switched_off(stage))
    with patched(off):
        clean_every(every)
    return 0


def instructions(names: list[str], every: int = 15) -> int:
    """Instructions of make bench-instructions' child (start-up included) with the named stages switched off."""
    from bench.instructions import total_instructions

    with tempfile.TemporaryDirectory(prefix="stage-ablation-") as workdir:
        out = Path(workdir) / "callgrind.out"
        env = {**os.environ, "PYTHONHASHSEED": "0", "OPENBLAS_NUM_THREADS": "1",
               "PYTHONPATH": os.pathsep.join([str(ROOT / "functions"), str(ROOT)])}  # fmt: skip
        command = ["setarch", os.uname().machine, "-R", "valgrind", "--tool=callgrind",
                   f"--callgrind-out-file={out}", sys.executable, "-m", "tools.stage_ablation",
                   "--child", ",".join(names) or "-", "--every", str(every)]  # fmt: skip
        subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True)
        return total_instructions(out.read_text(errors="replace"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stages", help="stage names, comma-separated (default: every stage)")
    parser.add_argument("--skip-quality", action="store_true", help="measure the cost alone")
    parser.add_argument("--skip-cost", action="store_true", help="measure the CV figures alone")
    parser.add_argument("--every-page", action="store_true", help="clean every page again for each stage")
    parser.add_argument("--callgrind", help="count the instructions saved by switching these off (a,b;c,d)")
    parser.add_argument("--every", type=int, default=15)
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        return _child([name for name in args.child.split(",") if name != "-"], args.every)
    wanted = set(args.stages.split(",")) if args.stages else None
    stages = tuple(stage for stage in STAGES if wanted is None or stage.name in wanted)
    report: dict[str, Any] = {}
    if args.callgrind:
        start_up, base = instructions([], 0), instructions([])
        report["callgrind"] = {"cleaning": base - start_up}
        print(f"cleaning: {base - start_up:,} instructions", flush=True)
        for group in args.callgrind.split(";"):
            saved = base - instructions(group.split(","))
            report["callgrind"][group] = saved
            print(f"{group}: {saved:,} saved ({100 * saved / (base - start_up):.2f} %)", flush=True)
    if not args.skip_cost and not args.callgrind:
        report["cost"] = cost(stages, args.every)
        shares = sorted(
            (item for item in report["cost"].items() if item[0] != "total"), key=lambda item: -item[1]
        )
        print("\n".join(f"{name:34s} {100 * share:6.2f} %" for name, share in shares), flush=True)
    if not args.skip_quality and not args.callgrind:
        report["quality"] = quality(stages, args.every_page)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
