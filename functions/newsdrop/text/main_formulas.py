"""HTML path: the formulas (MathML) the extractor left out between the main content's lines come back."""

from __future__ import annotations

from newsdrop.text.extraction import _Dropped, merge_order


def _unspaced(text: str) -> str:
    return "".join(text.split())


# A run of page lines is tried from at most this many of the formulas it opens with: a page of thousands of
# formulas that repeat ("x") must not make each run cost the page's formula count.
MAX_RUN_STARTS = 64


def _formula_run(run: list[str], formulas: list[str], starts: dict[str, list[int]], sizes: list[int]) -> bool:
    """Whether the page lines ``run`` print one or more of ``formulas`` back to back, in page order (the
    spaces aside: the page breaks a formula over many lines, one token a line). ``starts``: each distinct
    formula's positions in ``formulas``; ``sizes``: their distinct lengths, ascending."""
    text = _unspaced("".join(run))
    # The formulas the run can open with: those that are a prefix of it, read by each distinct formula length.
    tried: list[int] = []
    for size in sizes:
        if size > len(text) or len(tried) >= MAX_RUN_STARTS:
            break
        tried.extend(starts.get(text[:size], ()))
    for start in sorted(tried[:MAX_RUN_STARTS]):
        at, index = 0, start
        while index < len(formulas) and text.startswith(formulas[index], at) and formulas[index]:
            at += len(formulas[index])
            index += 1
            if at == len(text):
                return True
    return False


def with_formulas(main_lines: list[str], page_lines: list[str], formulas: list[str]) -> list[str]:
    """The main content with the page's MathML formulas (``formulas``, each its tokens' text joined by spaces, as
    ``html_page`` records the formulas the page shows) that the extractor left out between two of its lines.

    trafilatura drops a <math> element and splits the paragraph around it ("When" / ", there are two
    solutions to" / "and they are"): the page lines between two main lines that print those formulas and
    nothing else come back in their place, each run one line with its tokens joined by spaces ("a ≠ 0").
    A formula above the first or under the last main line is left out (it may be another box's), and so is
    a run that holds any other page line.
    """
    if not formulas or len(main_lines) < 2:
        return main_lines
    unspaced = [_unspaced(formula) for formula in formulas]
    starts: dict[str, list[int]] = {}
    for position, formula in enumerate(unspaced):
        if formula:
            starts.setdefault(formula, []).append(position)
    sizes = sorted({len(formula) for formula in starts})
    order = merge_order(page_lines, main_lines)
    out: list[str] = []
    run: list[str] = []
    for item in order:
        if isinstance(item, _Dropped):
            if out:
                run.append(item.text)
            continue
        if run and _formula_run(run, unspaced, starts, sizes):
            out.append(" ".join(" ".join(text.split()) for text in run))
        run = []
        out.append(main_lines[item])
    return out
