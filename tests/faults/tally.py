"""The fault suite's crash-point tally: filled by its tests, printed once in the test summary (tests/conftest.py)."""

from __future__ import annotations

# shape name -> (write calls used as crash points, faulted runs compared)
TALLY: dict[str, tuple[int, int]] = {}


def merge(counts: dict[str, list[int] | tuple[int, int]]) -> None:
    """Add a pytest-xdist worker's tally to this process's."""
    for name, (points, runs) in counts.items():
        TALLY[name] = (points, runs)


def summary_line() -> str | None:
    """The line the test summary prints, or None when no fault test ran."""
    if not TALLY:
        return None
    points = sum(p for p, _ in TALLY.values())
    runs = sum(r for _, r in TALLY.values())
    shapes = ", ".join(f"{name} {p}" for name, (p, _) in sorted(TALLY.items()))
    return f"fault injection: {points} write calls as crash points ({shapes}), {runs} faulted runs compared"
