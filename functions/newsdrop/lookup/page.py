"""One page of a listing: its items, the cursor that carries on (None on the last page), whether it is complete."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Page:
    items: list[dict[str, Any]]
    next_cursor: str | None
    complete: bool = True
