"""The kept lines a one-line test takes: the loop every per-line stage of ``kept_chrome`` runs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import compress


def kept_where(
    test: Callable[[str], bool],
    texts: Sequence[str],
    kept: Sequence[bool],
    maybe: Sequence[bool] | None = None,
) -> list[int]:
    """Indices of the kept lines ``test`` takes; ``maybe`` (if given) marks the lines that may hold one of the
    stage's stems (a superset): the others are not read."""
    if maybe is None:
        return [index for index in compress(range(len(kept)), kept) if test(texts[index])]
    # The marked lines alone are visited (``compress`` picks them in C): a few in a hundred of a page's lines.
    return [index for index in compress(range(len(kept)), maybe) if kept[index] and test(texts[index])]
