"""The base of the access-pattern classes: the table they read, and paging one partition under a work bound."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsdrop.dal.expressions import MAX_QUERIES_PER_PAGE, StartKey
from newsdrop.dal.table import ArticleTable, Item


class TablePatterns:
    """Named reads and writes over one ArticleTable; callers never see keys, expressions or wire values."""

    def __init__(self, table: ArticleTable) -> None:
        self.table = table

    # --- paging -----------------------------------------------------------------------------------
    def _collect(
        self,
        query: dict[str, Any],
        start: StartKey | None,
        limit: int,
        keep: Callable[[Item], bool] | None = None,
    ) -> tuple[list[Item], Any]:
        """Up to ``limit`` kept items from one partition and the key to resume after the last one read.

        Each Query asks for no more items than are still wanted, so the resume key never skips an item
        even when ``keep`` drops some.
        """
        found: list[Item] = []
        key = start
        for _ in range(MAX_QUERIES_PER_PAGE):
            kwargs = dict(query, Limit=limit - len(found))
            if key is not None:
                kwargs["ExclusiveStartKey"] = key
            page, key = self.table.query(**kwargs)
            found.extend(item for item in page if keep is None or keep(item))
            if key is None or len(found) >= limit:
                break
        return found, key
