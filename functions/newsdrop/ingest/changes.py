"""What re-cleaning changes in a stored article: the kinds of change, a unified diff, and a run's totals (pure)."""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from newsdrop import articles
from newsdrop.models import CleanArticle

# Each compared field and the kind of change it reports (what `newsdrop reprocess --dry-run` counts).
FIELD_KINDS = {
    "title": "title",
    "body": "body",
    "published": "date",
    "published_text": "date",
    "source": "source",
    "source_evidence": "source",
    "byline": "byline",
    "news_id": "metadata",
    "kicker": "metadata",
    "caption": "metadata",
    "subheadings": "metadata",
    "language": "metadata",
    "url": "metadata",
    "removed": "lines",
    "kept": "lines",
}
KINDS = tuple(dict.fromkeys(FIELD_KINDS.values()))
MAX_SAMPLES = 5
MAX_DIFF_CHARS = 3000  # one sample diff: five of them stay small next to the record's errors and chrome


def _plain(value: Any) -> Any:
    """A stored value as a fresh one compares: DynamoDB numbers as ints, sequences as lists, '' as None."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value] or None
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in sorted(value.items()) if v is not None}
    return value if value != "" else None


def stored_view(meta: Mapping[str, Any], heavy: Mapping[str, Any]) -> dict[str, Any]:
    """The compared fields of a stored article: its META and its heavy fields (``articles.heavy_fields_of``)."""
    fields = {name: meta.get(name) for name in FIELD_KINDS if name not in ("body", "removed", "kept")}
    fields.update(body=heavy.get("body"), removed=heavy.get("removed"), kept=heavy.get("kept"))
    return {name: _plain(value) for name, value in fields.items()}


def fresh_view(article: CleanArticle) -> dict[str, Any]:
    """The compared fields of a freshly cleaned article, shaped as ``stored_view`` reads them back."""
    heavy = articles.heavy_fields(article)
    fields = {name: getattr(article, name) for name in FIELD_KINDS if name not in ("body", "removed", "kept")}
    fields.update(body=heavy["body"], removed=heavy["removed"], kept=heavy["kept"])
    return {name: _plain(value) for name, value in fields.items()}


def changed_kinds(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """The kinds of change between two views, in ``KINDS`` order; empty when the article is the same."""
    kinds = {FIELD_KINDS[name] for name in FIELD_KINDS if old.get(name) != new.get(name)}
    return [kind for kind in KINDS if kind in kinds]


def _lines(view: Mapping[str, Any]) -> list[str]:
    """An article as text lines for a diff: its headline fields, a blank line, then the body's paragraphs."""
    head = [f"{name}: {view[name]}" for name in ("title", "published", "source", "byline") if view.get(name)]
    body = str(view.get("body") or "").split("\n\n")
    return [*head, "", *body]


def unified_diff(old: Mapping[str, Any], new: Mapping[str, Any], *, name: str) -> str:
    """A unified diff of the stored and the re-cleaned article (paragraph per line), clipped to MAX_DIFF_CHARS."""
    text = "\n".join(
        difflib.unified_diff(
            _lines(old), _lines(new), fromfile=f"{name} (stored)", tofile=f"{name} (re-cleaned)", lineterm=""
        )
    )
    if len(text) <= MAX_DIFF_CHARS:
        return text
    return text[:MAX_DIFF_CHARS] + f"\n… ({len(text) - MAX_DIFF_CHARS} more characters)"


@dataclass(slots=True)
class ChangeSummary:
    """Per kind, how many articles a run changed that way; a dry run also keeps the first few diffs."""

    kinds: Counter[str] = field(default_factory=Counter)
    samples: list[dict[str, str]] = field(default_factory=list)

    def add(self, kinds: Iterable[str], *, sample: dict[str, str] | None = None) -> None:
        self.kinds.update(kinds)
        if sample is not None and len(self.samples) < MAX_SAMPLES:
            self.samples.append(sample)

    def wants_sample(self) -> bool:
        return len(self.samples) < MAX_SAMPLES

    def as_attributes(self) -> dict[str, Any]:
        return {
            "changes": {kind: self.kinds[kind] for kind in KINDS if self.kinds[kind]},
            "samples": self.samples,
        }

    @classmethod
    def restore(cls, attributes: Mapping[str, Any]) -> ChangeSummary:
        kinds = Counter({str(k): int(v) for k, v in (attributes.get("changes") or {}).items()})
        samples = [{str(k): str(v) for k, v in s.items()} for s in attributes.get("samples") or []]
        return cls(kinds=kinds, samples=samples)
