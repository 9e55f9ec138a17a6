"""The kept lines a one-line test takes: the loop every per-line stage of ``kept_chrome`` runs."""

from __future__ import annotations

from collections.abc import Callable, Sequence


def kept_where(
    test: Callable[[str], bool],
    texts: Sequence[str],
    kept: Sequence[bool],
    maybe: Sequence[bool] | None = None,
) -> list[int]:
    """Indices of the kept lines ``test`` takes; ``maybe`` (if given) marks the lines that may hold one of the
    stage's stems (a superset): the others are not read."""
    return [
        index
        for index, keep in enumerate(kept)
        if keep and (maybe is None or maybe[index]) and test(texts[index])
    ]
