"""Schemathesis hooks for the contract run (SCHEMATHESIS_HOOKS=tests.e2e.schemathesis_hooks).

A page cursor is an HMAC-signed token that only the API can issue: a value drawn from its pattern is well formed
but never genuine, so the API rightly refuses it with 400 invalid_cursor. Schema-valid generated requests that carry a
cursor are therefore left out of the run (invalid ones must still be refused); tampered and foreign cursors are tested in tests/integration/test_lookup_api.py.

Likewise ``since`` after ``until`` is refused with 400 (docs/api.md): a rule across two parameters, which a
parameter's schema cannot state, so schema-valid requests that break it are left out too; whether a drawn pair
breaks it depends on the run's seed and on the operations the document lists.
"""

from __future__ import annotations

from typing import Any

import schemathesis

from newsdrop.lookup.errors import BadParameter
from newsdrop.lookup.params import DateRange


def _dates_reversed(query: dict[str, Any]) -> bool:
    """True when since lies after until, exactly as the API decides it (both bounds parsed as it parses them)."""
    since, until = query.get("since"), query.get("until")
    if not isinstance(since, str) or not isinstance(until, str):
        return False
    try:
        DateRange.parse(since, until)
    except BadParameter as exc:
        return "is after until" in str(exc)
    return False


@schemathesis.hook
def filter_case(ctx: Any, case: Any) -> bool:
    """Leave out schema-valid (positive) requests that carry a drawn cursor or reversed date bounds; every phase."""
    positive = case.meta is None or case.meta.generation.mode.is_positive
    if not positive or not case.query:
        return True
    return "cursor" not in case.query and not _dates_reversed(case.query)
