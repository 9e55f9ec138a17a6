"""How results look to people: rich tables and text; `--json` output bypasses this module."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rich import filesize
from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsdrop.models import KEPT_ROLES

COUNT_NAMES = ("members", "articles", "new", "duplicates", "skipped", "failed")
# An article whose text has no headline line has no title: the cleaner never invents one.
NO_TITLE = "(no headline in the text)"
STATUS_STYLES = {
    "DONE": "green",
    "PARTIAL": "yellow",
    "FAILED": "red",
    "PROCESSING": "cyan",
    "RECEIVED": "cyan",
}


def human_bytes(size: int | None) -> str:
    """Decimal units (1 kB = 1,000 bytes), exactly as the upload bar (rich's DownloadColumn) shows them."""
    if size is None:
        return "-"
    return filesize.decimal(int(size))


def counts_text(counts: dict[str, Any] | None) -> str:
    """`members 5, articles 5 (new 5, duplicates 0), skipped 0, failed 0` from a bundle record's counts."""
    c = {name: int((counts or {}).get(name, 0) or 0) for name in COUNT_NAMES}
    return (
        f"members {c['members']}, articles {c['articles']} (new {c['new']}, duplicates {c['duplicates']}), "
        f"skipped {c['skipped']}, failed {c['failed']}"
    )


def short_time(stamp: str | None) -> str:
    """`2026-11-22T05:00:01.123Z` -> `2026-11-22 05:00:01`."""
    if not stamp:
        return "-"
    return stamp.replace("T", " ")[:19]


def status_text(status: str | None) -> Text:
    return Text(status or "-", style=STATUS_STYLES.get(status or "", ""))


def bundles_table(bundles: Sequence[dict[str, Any]]) -> Table:
    table = Table(title="Bundles (newest first)", title_justify="left")
    for column in ("bundle id", "status", "key", "size", "articles", "new", "failed", "received"):
        # Keys wrap instead of being cut with an ellipsis: the whole key is what `--key` takes.
        table.add_column(column, no_wrap=column in ("bundle id", "status"), overflow="fold")
    for b in bundles:
        counts = b.get("counts") or {}
        table.add_row(
            b.get("bundle_id", "-"),
            status_text(b.get("status")),
            b.get("key") or "-",
            human_bytes(b.get("size")),
            str(counts.get("articles", "-")),
            str(counts.get("new", "-")),
            str(counts.get("failed", "-")),
            short_time(b.get("received_at")),
        )
    return table


def print_bundle(console: Console, bundle: dict[str, Any]) -> None:
    console.print(
        Text.assemble(
            ("bundle ", "bold"), bundle.get("bundle_id", "-"), "  ", status_text(bundle.get("status"))
        )
    )
    for label, value in (
        ("key", bundle.get("key")),
        ("format", bundle.get("format")),
        ("size", human_bytes(bundle.get("size"))),
        ("received", short_time(bundle.get("received_at"))),
        ("finished", short_time(bundle.get("finished_at"))),
        ("quarantine", bundle.get("quarantine_key")),
    ):
        if value and value != "-":
            console.print(f"  {label:<10} {value}", highlight=False)
    console.print(f"  {'counts':<10} {counts_text(bundle.get('counts'))}", highlight=False)
    errors = bundle.get("errors") or []
    if errors:
        console.print(errors_table(errors, more=int(bundle.get("errors_truncated") or 0)))


def errors_table(errors: Sequence[dict[str, Any]], *, more: int = 0) -> Table:
    title = "Errors" + (f" (and {more} more not kept)" if more else "")
    table = Table(title=title, title_justify="left")
    table.add_column("member", overflow="fold")
    table.add_column("code", no_wrap=True)
    table.add_column("what went wrong / what to do", overflow="fold")
    for e in errors:
        table.add_row(e.get("member") or "-", e.get("code") or "-", e.get("reason") or "-")
    return table


def articles_table(items: Sequence[dict[str, Any]], *, title: str, score: bool = False) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("id", no_wrap=True)
    if score:
        table.add_column("score", justify="right")
    for column in ("published", "source", "words", "title"):
        table.add_column(column, justify="right" if column == "words" else "left", overflow="fold")
    for item in items:
        row = [item.get("id", "-")]
        if score:
            row.append(str(item.get("score", "-")))
        row += [
            item.get("published") or "-",
            item.get("source") or "-",
            str(item.get("word_count") if item.get("word_count") is not None else "-"),
            item.get("title") or NO_TITLE,
        ]
        table.add_row(*row)
    return table


def similar_table(items: Sequence[dict[str, Any]], *, title: str) -> Table:
    """Near-duplicates of one article: the similarity first, since it is what the list is about."""
    table = Table(title=title, title_justify="left")
    table.add_column("similarity", justify="right", no_wrap=True)
    table.add_column("id", no_wrap=True)
    for column in ("source", "published", "title"):
        table.add_column(column, overflow="fold")
    for item in items:
        score = item.get("similarity")
        table.add_row(
            f"{score:.3f}" if isinstance(score, int | float) else "-",
            item.get("id", "-"),
            item.get("source") or "-",
            item.get("published") or "-",
            item.get("title") or NO_TITLE,
        )
    return table


def groups_table(groups: Sequence[dict[str, Any]], *, title: str) -> Table:
    """A bundle's near-duplicate groups: one row per member from the bundle, the group's counts on its first."""
    table = Table(title=title, title_justify="left")
    table.add_column("group", no_wrap=True)
    table.add_column("here", justify="right", no_wrap=True)
    table.add_column("elsewhere", justify="right", no_wrap=True)
    table.add_column("id", no_wrap=True)
    for column in ("member", "source", "title"):
        table.add_column(column, overflow="fold")
    for group in groups:
        at_least = "+" if group.get("counts_capped") else ""
        for n, member in enumerate(group.get("members") or []):
            first = n == 0
            table.add_row(
                str(group.get("group_id", "-"))[:12] if first else "",
                f"{group.get('articles')}{at_least}" if first else "",
                f"{group.get('others')}{at_least}" if first else "",
                member.get("id", "-"),
                member.get("member") or "-",
                member.get("source") or "-",
                member.get("title") or NO_TITLE,
            )
    return table


ARTICLE_FIELDS = ("published", "source", "byline", "kicker", "news_id", "language", "word_count", "url")


def print_article(console: Console, article: dict[str, Any]) -> None:
    console.print(Text(article.get("title") or NO_TITLE, style="bold"))
    console.print(f"id {article.get('id')}", style="dim", highlight=False)
    for name in ARTICLE_FIELDS:
        value = article.get(name)
        if value not in (None, "", []):
            console.print(f"  {name:<10} {value}", highlight=False)
    sightings = article.get("bundles") or []
    for s in sightings:
        console.print(
            f"  {'from':<10} {s.get('key') or s.get('bundle_id')} :: {s.get('member')}", highlight=False
        )
    console.print()
    console.print(article.get("body") or "", highlight=False)


@dataclass(frozen=True, slots=True)
class ShownLine:
    """One line of the reconstructed source: ``n`` is None for kept lines whose position is inferred."""

    n: int | None
    text: str
    role: str
    rule: str | None

    @property
    def removed(self) -> bool:
        return self.role not in KEPT_ROLES


def source_lines(body: str, removed: Iterable[dict[str, Any]]) -> list[ShownLine]:
    """The member's lines in order: removed lines at their numbers, body paragraphs in the gaps between.

    The API stores the numbers of removed lines only, so a body paragraph's place is inferred: a gap of
    ``s`` line numbers holds ``s`` paragraphs when the text is single-spaced (two removed lines are
    adjacent somewhere) and ``s // 2`` when paragraphs are separated by blank lines; paragraphs that do
    not fit go after the last removed line.
    """
    dropped = sorted(
        (
            ShownLine(int(r["n"]), str(r.get("text", "")), str(r.get("role", "")), r.get("rule"))
            for r in removed
        ),
        key=lambda line: line.n or 0,
    )
    paragraphs = [p for p in body.split("\n\n") if p.strip()] if body else []
    numbers = [line.n or 0 for line in dropped]
    single_spaced = any(b - a == 1 for a, b in itertools.pairwise(numbers))
    shown: list[ShownLine] = []
    previous = 0
    queue = list(reversed(paragraphs))
    for line in dropped:
        gap = (line.n or 0) - previous - 1
        room = gap if single_spaced else gap // 2
        # A gap of one number between removed lines is a blank line, unless the text is single-spaced.
        for _ in range(max(0, room)):
            if not queue:
                break
            shown.append(ShownLine(None, queue.pop(), "body", None))
        shown.append(line)
        previous = line.n or 0
    shown.extend(ShownLine(None, text, "body", None) for text in reversed(queue))
    return shown


def article_lines(article: dict[str, Any]) -> list[ShownLine]:
    """The article's source lines: exact when the API gives ``lines``, else inferred from body and removed."""
    if article.get("lines") is not None:
        return [
            ShownLine(
                int(line["n"]), str(line.get("text", "")), str(line.get("role") or "body"), line.get("rule")
            )
            for line in article["lines"]
        ]
    return source_lines(article.get("body") or "", article.get("removed") or [])


def print_source_lines(console: Console, lines: Sequence[ShownLine]) -> None:
    inferred = any(line.n is None for line in lines)
    console.print(
        "[dim]- removed (role/rule), + kept"
        + ("; kept lines are placed between removed ones by line number" if inferred else "")
        + "[/dim]"
    )
    for line in lines:
        if line.removed:
            label = f"{line.role}/{line.rule}" if line.rule else line.role
            console.print(
                Text.assemble(
                    ("- ", "red"), (f"{line.n:>4} ", "dim"), (line.text, "strike"), (f"  [{label}]", "yellow")
                )
            )
        else:
            number = f"{line.n:>4} " if line.n is not None else "     "
            console.print(Text.assemble(("+ ", "green"), (number, "dim"), line.text))


def reprocess_table(records: Sequence[dict[str, Any]], *, dry_run: bool) -> Table:
    """One row per bundle: its run's status and counts (``reprocess`` on the bundle record)."""
    title = "Reprocessing (dry run: nothing was changed)" if dry_run else "Reprocessing"
    table = Table(title=title, title_justify="left")
    for column in ("bundle id", "run", "key", "changed", "unchanged", "failed", "skipped", "cleaner"):
        table.add_column(column, no_wrap=column in ("bundle id", "run"), overflow="fold")
    for record in records:
        run = record.get("reprocess") or {}
        counts = run.get("counts") or {}
        table.add_row(
            str(record.get("bundle_id", "-")),
            status_text(run.get("status")),
            record.get("key") or "-",
            *(str(counts.get(name, "-")) for name in ("changed", "unchanged", "failed", "skipped")),
            str(run.get("cleaner_version") or "-"),
        )
    return table


def print_reprocess_totals(console: Console, summary: dict[str, Any], *, dry_run: bool) -> None:
    """The runs added up; a dry run adds what kind of change each article would get and sample diffs."""
    counts = summary["counts"]
    verb = "would change" if dry_run else "changed"
    console.print(
        f"{counts['changed']} articles {verb}, {counts['unchanged']} unchanged, {counts['failed']} failed, "
        f"{counts['skipped']} members skipped (duplicates of other bundles' articles), "
        f"{counts['members']} members read",
        highlight=False,
        markup=False,
    )
    if summary["changes"]:
        kinds = ", ".join(f"{kind} {n}" for kind, n in summary["changes"].items())
        console.print(f"by kind: {kinds}", highlight=False, markup=False)
    for failed in summary["failed_runs"]:
        console.print(Text.assemble(("failed ", "red"), f"{failed['bundle_id']}: {failed['error']}"))
    for sample in summary["samples"]:
        console.print(
            Text(f"\n{sample['bundle_id']} {sample.get('member', '')} ({sample.get('id', '')})", style="bold")
        )
        for line in str(sample.get("diff") or "").splitlines():
            style = "green" if line.startswith("+") else "red" if line.startswith("-") else ""
            console.print(Text(line, style=style), soft_wrap=True)
