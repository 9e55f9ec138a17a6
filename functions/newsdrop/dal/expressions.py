"""Expression builders and projections the table's access patterns share."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from newsdrop.dal import items

ARTICLE_SUMMARY = items.ARTICLE_SUMMARY
BUNDLE_SUMMARY = (
    "bundle_id",
    "key",
    "status",
    "format",
    "size",
    "received_at",
    "started_at",
    "finished_at",
    "duration_ms",
    "counts",
)
# Attributes the two GSIs project (template.yaml lists the same): the summaries their listings return.
GSI_PROJECTION = (*ARTICLE_SUMMARY, *BUNDLE_SUMMARY)
# Work bound of one read: Query calls a page of items may spend (lookup documents the bound).
MAX_QUERIES_PER_PAGE = 48
_KEY_ATTRIBUTES = frozenset({"pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk"})
# What ingest reads back of an article it may already hold: who stored it first and its group.
DEDUP_FIELDS = ("id", "first_bundle", "first_key", "first_member", "group_id")
GROUPING_FIELDS = (*ARTICLE_SUMMARY, "group_id", "sig", "first_bundle", "first_member")

StartKey = dict[str, Any]


class BadStartKey(ValueError):
    """A paging position that is not a key of this table (a forged or corrupted cursor)."""


def projection(names: Sequence[str]) -> dict[str, Any]:
    """ProjectionExpression over ``names`` (aliased: several are DynamoDB reserved words)."""
    aliases = {f"#a{i}": name for i, name in enumerate(names)}
    return {"ProjectionExpression": ", ".join(aliases), "ExpressionAttributeNames": aliases}


def set_clauses(attributes: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, Any], list[str]]:
    """Aliased ``SET`` clauses for ``attributes`` (any name may be a reserved word)."""
    names, values, sets = {}, {}, []
    for i, (name, value) in enumerate(attributes.items()):
        names[f"#a{i}"] = name
        values[f":v{i}"] = value
        sets.append(f"#a{i} = :v{i}")
    return names, values, sets


def at_checkpoint(resume_at: int, values: dict[str, Any]) -> str:
    """The condition that chunk ``#k`` is checkpointed at ``resume_at`` (0: never checkpointed)."""
    if not resume_at:
        return "attribute_not_exists(chunk_progress.#k)"
    values[":at"] = resume_at
    return "chunk_progress.#k.resume_at = :at"


def check_start_key(key: Any) -> StartKey | None:
    """A LastEvaluatedKey from a verified cursor, re-checked so a leaked secret still cannot inject input."""
    if key is None:
        return None
    if not isinstance(key, dict) or not key or not set(key) <= _KEY_ATTRIBUTES:
        raise BadStartKey("cursor position is not a table key")
    for value in key.values():
        if not (isinstance(value, dict) and set(value) == {"S"} and isinstance(value["S"], str)):
            raise BadStartKey("cursor position is not a table key")
    return key
