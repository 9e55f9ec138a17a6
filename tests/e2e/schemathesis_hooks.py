"""Schemathesis hooks for the contract run (SCHEMATHESIS_HOOKS=tests.e2e.schemathesis_hooks).

A page cursor is an HMAC-signed token that only the API can issue: a value drawn from its pattern is well formed
but never genuine, so the API rightly refuses it with 400 invalid_cursor. Schema-valid generated requests that carry a
cursor are therefore left out of the run (invalid ones must still be refused); tampered and foreign cursors are tested in tests/integration/test_lookup_api.py.
"""

from __future__ import annotations

from typing import Any

import schemathesis


@schemathesis.hook
def filter_case(ctx: Any, case: Any) -> bool:
    """Leave out schema-valid (positive) requests that carry a drawn cursor; every phase, coverage included."""
    positive = case.meta is None or case.meta.generation.mode.is_positive
    return not (positive and case.query and "cursor" in case.query)
