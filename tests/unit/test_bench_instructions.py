"""bench.instructions: the callgrind total it reads, and the bad arguments it refuses."""

from __future__ import annotations

import pytest

from bench.instructions import main, total_instructions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("version: 1\ncmd: python\nevents: Ir\nsummary: 4200157422\n", 4200157422),
        ("events: Ir\nfn=(1) main\n0 12\ntotals: 987\n", 987),
        ("summary: 5\ntotals: 7\n", 5),
    ],
)
def test_total_instructions_reads_the_stated_total(text: str, expected: int) -> None:
    assert total_instructions(text) == expected


@pytest.mark.parametrize("text", ["", "events: Ir\n", "my summary: 12\n"])
def test_total_instructions_refuses_what_is_not_a_callgrind_file(text: str) -> None:
    with pytest.raises(ValueError, match="callgrind output"):
        total_instructions(text)


def test_every_below_one_is_refused_with_the_fix(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--every", "0"])
    assert stopped.value.code == 2
    assert "--every must be 1 or more" in capsys.readouterr().err


def test_a_missing_valgrind_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("bench.instructions.shutil.which", lambda tool: None)
    assert main(["--every", "15"]) == 2
    assert "apt-get install valgrind" in capsys.readouterr().err
