"""tools/stage_ablation.py: its stage table resolves, its switches restore, its record of a stage finding something."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest

from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.lines import _Line
from tools import stage_ablation
from tools.stage_ablation import (
    _EMPTY,
    CONTEXT,
    STAGES,
    Stage,
    _get,
    deltas,
    earns_nothing,
    patched,
    recorder,
    switched_off,
)

SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"
# (The package's ``after_model`` is the stage's function: the modules are imported by name.)
after_model = importlib.import_module("newsdrop.text.cleaner.after_model")
kept_chrome = importlib.import_module("newsdrop.text.cleaner.kept_chrome")


def test_every_stage_names_a_function_its_caller_looks_up() -> None:
    names = [stage.name for stage in STAGES]
    assert len(names) == len(set(names))
    for stage in STAGES:
        assert stage.kind in _EMPTY or stage.kind == CONTEXT, stage
        for target in stage.targets:
            assert callable(_get(target)), target


def test_patched_binds_again_what_it_replaced() -> None:
    plain, entry = (
        "newsdrop.text.cleaner.after_model:asides",
        "newsdrop.text.cleaner.kept_chrome:_STAGES#share_row",
    )
    asides, table = after_model.asides, kept_chrome._STAGES
    with patched({plain: len, entry: len}):
        assert after_model.asides is len
        assert [row[0] for row in kept_chrome._STAGES if row[1] == "share_row"] == [len]
        assert len(kept_chrome._STAGES) == len(table)
    assert after_model.asides is asides
    assert table == kept_chrome._STAGES


def _line(role: str | None) -> _Line:
    line = _Line.__new__(_Line)
    line.role, line.rule = role, None
    return line


def _relabel(lines: list[_Line]) -> None:
    lines[0].role = "boilerplate"


@pytest.mark.parametrize(
    ("kind", "function", "args", "fired"),
    [
        ("empty", lambda: [], (), False),
        ("empty", lambda: [3], (), True),
        ("empty", lambda: iter([]), (), False),
        ("empty", lambda: (index for index in [0]), (), True),
        ("none", lambda: None, (), False),
        ("none", lambda: 0, (), True),
        ("false", lambda: False, (), False),
        ("false", lambda: True, (), True),
        ("arg0", lambda title, lines: title, ("T", []), False),
        ("arg0", lambda title, lines: "U", ("T", []), True),
        ("arg1", lambda lines, pick: pick, ([], 4), False),
        ("arg1", lambda lines, pick: 2, ([], 4), True),
        ("pair", lambda: ([], []), (), False),
        ("pair", lambda: ([], [1]), (), True),
        ("inplace", lambda lines: None, ([_line("body")],), False),
        ("inplace", _relabel, ([_line("body")],), True),
    ],
)
def test_recorder_notes_a_call_that_finds_something(
    kind: str, function: Any, args: tuple[Any, ...], fired: bool
) -> None:
    found: set[str] = set()
    result = recorder(Stage("s", (), kind), function, found)(*args)
    assert found == ({"s"} if fired else set())
    # A generator's indices are handed on, read once.
    if kind == "empty":
        assert isinstance(result, list)


@pytest.mark.parametrize("answers", [[False, False], [False, True]])
def test_recorder_notes_a_test_the_stage_returns_when_it_says_yes(answers: list[bool]) -> None:
    found: set[str] = set()
    test = recorder(Stage("barred", (), "never"), lambda *_: lambda index: answers[index], found)()
    assert [test(index) for index in range(len(answers))] == answers
    assert found == ({"barred"} if any(answers) else set())


@pytest.mark.parametrize("kind", sorted(_EMPTY))
def test_a_stub_returns_what_the_recorder_reads_as_nothing_found(kind: str) -> None:
    stub, found = _EMPTY[kind]
    args = ("T", 4)
    assert not found(args, stub(*args))


@pytest.mark.parametrize(
    ("base", "ablated", "moved", "nothing"),
    [
        ({"a": 0.9}, {"a": 0.9}, {}, True),
        ({"a": 0.9, "b": 0.5}, {"a": 0.9001, "b": 0.5}, {"a": 0.0001}, True),
        ({"a": 0.9, "b": 0.5}, {"a": 0.91, "b": 0.49}, {"a": 0.01, "b": -0.01}, False),
        ({"a": 0.9}, {"a": 0.90001}, {}, True),
    ],
)
def test_deltas_and_earns_nothing(
    base: dict[str, float], ablated: dict[str, float], moved: dict[str, float], nothing: bool
) -> None:
    assert deltas(base, ablated) == moved
    assert earns_nothing(moved) is nothing


@pytest.mark.parametrize("seed", sorted(path.name for path in SEEDS.glob("*.txt")))
def test_a_stage_that_found_nothing_on_a_page_changes_nothing_there_when_switched_off(seed: str) -> None:
    """The shortcut the ablation takes: only the pages a stage found something on are cleaned again."""
    text = (SEEDS / seed).read_text(encoding="utf-8")
    stages = tuple(stage for stage in STAGES if stage.kind != CONTEXT)
    found: set[str] = set()
    with patched(stage_ablation._wrapped(stages, lambda stage, original: recorder(stage, original, found))):
        base = clean_article(text)
    for stage in stages:
        if stage.name in found:
            continue
        with patched(switched_off(stage)):
            assert clean_article(text) == base, stage.name
