"""The `newsdrop` command line: drop, status, get, similar, groups, search, articles (through the API), reprocess
(through the ingest queue) and clean (offline)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.text import Text

from newsdrop_cli import render
from newsdrop_cli.api import ApiClient
from newsdrop_cli.console import emit_json, stack_options, stderr, stdout
from newsdrop_cli.errors import EXIT_CODES_HELP, NOT_OK, OK, USAGE, CliError, UsageProblem
from newsdrop_cli.events import events as events_command
from newsdrop_cli.reprocess_command import reprocess as reprocess_command
from newsdrop_cli.target import Target, s3_client

FINAL_FAILURES = ("FAILED", "PARTIAL")
HELP = f"""Drop news bundles into newsdrop, follow them, and read the articles.

\b
Which stack: the local one (`make run` writes .newsdrop/local.json) unless --stack NAME names a
deployed CloudFormation stack (its outputs and API key are read with your AWS credentials) or
NEWSDROP_API_URL (with NEWSDROP_API_KEY and NEWSDROP_BUCKET) is set.
`newsdrop clean` needs no stack at all.

\b
{EXIT_CODES_HELP}
"""


class NewsdropGroup(click.Group):
    """Turns a CliError into its message, its hint and its exit code (the same under CliRunner and the shell)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CliError as exc:
            _fail(ctx, str(exc), exc.hint or GENERIC_HINT, exc.exit_code)
        except click.UsageError as exc:
            # click's own usage errors get the same two lines as ours (it would print "Error: ..." only).
            name = " ".join(["newsdrop", *(exc.ctx.command_path.split()[1:] if exc.ctx else [])])
            _fail(ctx, exc.format_message(), f"see `{name} --help` for the arguments and options", USAGE)


GENERIC_HINT = "run the command again with --help to see what it accepts; `newsdrop --help` lists commands"


def _fail(ctx: click.Context, message: str, hint: str, exit_code: int) -> None:
    """Every failure ends the same way: an `error:` line, a `what to do:` line, and its exit code."""
    err = stderr()
    err.print(Text.assemble(("error: ", "red"), message))
    err.print(Text.assemble(("what to do: ", "dim"), hint))
    ctx.exit(exit_code)


@click.group(
    cls=NewsdropGroup,
    help=HELP,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110},
)
@click.version_option(package_name="newsdrop", prog_name="newsdrop")
def cli() -> None:
    """The command group; see HELP."""


# --- drop --------------------------------------------------------------------------------------
@cli.command(epilog=EXIT_CODES_HELP)
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--prefix", default="incoming/", show_default=True, help="Key prefix under incoming/.")
@click.option(
    "--timeout",
    default=900.0,
    show_default=True,
    type=click.FloatRange(min=1),
    help="Seconds to wait for each bundle to finish.",
)
@click.option("--no-wait", is_flag=True, help="Upload only; do not follow the bundles.")
@stack_options
def drop(
    files: tuple[Path, ...],
    prefix: str,
    timeout: float,
    no_wait: bool,
    target: Target,
    api: ApiClient,
    as_json: bool,
) -> None:
    """Upload FILES to the drop bucket and follow each bundle to DONE, PARTIAL or FAILED."""
    from newsdrop_cli.drop import follow, object_key, upload

    if not target.bucket:
        raise UsageProblem(
            f"no drop bucket known for {target.origin}",
            hint="set NEWSDROP_BUCKET (the stack's DropBucketName output) or use --stack NAME",
        )
    keys = [object_key(path, prefix) for path in files]
    s3 = s3_client(target)
    err = stderr()
    results: list[dict[str, Any]] = []
    worst = OK
    for path, key in zip(files, keys, strict=True):
        with Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            DownloadColumn(binary_units=False),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            console=err,
            transient=as_json,
        ) as bar:
            task = bar.add_task(f"upload {path.name}", total=path.stat().st_size)
            uploaded = upload(
                s3, api, target.bucket, path, key, lambda sent, t=task, b=bar: b.advance(t, sent)
            )
        if no_wait:
            results.append(
                {"file": str(path), "key": key, "bundle_id": uploaded.bundle_id, "status": "UPLOADED"}
            )
            if not as_json:
                err.print(f"uploaded s3://{target.bucket}/{key} (bundle {uploaded.bundle_id or 'pending'})")
            continue
        with err.status(f"waiting for {key} to be ingested ...") as spinner:

            def show(summary: dict[str, Any], spinner: Any = spinner, key: str = key) -> None:
                spinner.update(f"{key}: {summary.get('status')}  {render.counts_text(summary.get('counts'))}")

            record = follow(api, uploaded, timeout=timeout, on_update=show)
        results.append({"file": str(path), **record})
        if record.get("status") in FINAL_FAILURES:
            worst = NOT_OK
        if not as_json:
            render.print_bundle(stdout(), record)
    if as_json:
        emit_json(results)
    sys.exit(worst)


# --- status ------------------------------------------------------------------------------------
@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("bundle_id", required=False)
@click.option("--key", help="Only bundles of this object key (e.g. incoming/seeds.zip).")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000), help="Bundles to list.")
@stack_options
def status(
    bundle_id: str | None, key: str | None, limit: int, target: Target, api: ApiClient, as_json: bool
) -> None:
    """Recent bundles, or one bundle with its counts and errors (exit 1 when it is FAILED or PARTIAL)."""
    if bundle_id:
        record = api.bundle(bundle_id)
        if as_json:
            emit_json(record)
        else:
            render.print_bundle(stdout(), record)
        sys.exit(NOT_OK if record.get("status") in FINAL_FAILURES else OK)
    bundles = api.bundles(key=key, limit=limit)
    if as_json:
        emit_json(bundles)
    elif bundles:
        stdout().print(render.bundles_table(bundles))
    else:
        stderr().print(f"no bundles yet in {target.origin}; drop one with `newsdrop drop FILE`")


# --- get ---------------------------------------------------------------------------------------
@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("article_id")
@click.option(
    "--removed", is_flag=True, help="Show the source lines, the removed ones marked with their rule."
)
@stack_options
def get(article_id: str, removed: bool, target: Target, api: ApiClient, as_json: bool) -> None:
    """One article by id: metadata and body (or, with --removed, what the cleaner left out and why)."""
    article = api.article(article_id)
    if as_json:
        emit_json(article)
        return
    console = stdout()
    if removed:
        console.print(Text(article.get("title") or render.NO_TITLE, style="bold"))
        render.print_source_lines(console, render.article_lines(article))
    else:
        render.print_article(console, article)


# --- similar -----------------------------------------------------------------------------------
@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("article_id")
@click.option(
    "--limit", default=20, show_default=True, type=click.IntRange(1, 1000), help="Articles to list."
)
@stack_options
def similar(article_id: str, limit: int, target: Target, api: ApiClient, as_json: bool) -> None:
    """The same story as other outlets posted it: near-duplicates of ARTICLE_ID, with their similarity."""
    answer = api.similar(article_id, limit=limit)
    if as_json:
        emit_json({k: answer.get(k) for k in ("article_id", "group_id", "items", "reason")})
        return
    items = answer.get("items") or []
    if items:
        stdout().print(render.similar_table(items, title=f"Similar to {article_id} ({len(items)})"))
    elif answer.get("reason"):
        stderr().print(f"no similar articles: {answer['reason']}", markup=False)
    else:
        stderr().print(
            f"no similar articles: no other version of this story has been ingested in {target.origin}",
            markup=False,
        )


# --- groups ------------------------------------------------------------------------------------
@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("bundle_id")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000), help="Groups to list.")
@stack_options
def groups(bundle_id: str, limit: int, target: Target, api: ApiClient, as_json: bool) -> None:
    """A bundle's near-duplicate groups: its articles that tell a story another article tells too."""
    answer = api.groups(bundle_id, limit=limit)
    if as_json:
        emit_json({k: answer.get(k) for k in ("bundle_id", "items", "reason")})
        return
    if answer.get("reason"):
        stderr().print(f"note: {answer['reason']}", markup=False)
    items = answer.get("items") or []
    if items:
        stdout().print(
            render.groups_table(items, title=f"Near-duplicate groups of {bundle_id} ({len(items)})")
        )
    else:
        stderr().print(f"no near-duplicate groups: no article of bundle {bundle_id} has one", markup=False)


# --- search / articles -------------------------------------------------------------------------
@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("words", nargs=-1, required=True)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 100))
@stack_options
def search(words: tuple[str, ...], limit: int, target: Target, api: ApiClient, as_json: bool) -> None:
    """Articles whose title or key terms hold every one of WORDS, most recently stored first."""
    query = " ".join(words)
    items, complete = api.search(query, limit=limit)
    if as_json:
        emit_json({"items": items, "complete": complete})
        return
    stdout().print(render.articles_table(items, title=f"Search: {query}", score=True))
    if not complete:
        stderr().print(
            "[yellow]every word is very common: matches beyond the bounded read may be missing[/yellow]"
        )


@cli.command(epilog=EXIT_CODES_HELP)
@click.option("--source", help="Only this outlet (case and accents ignored).")
@click.option("--since", help="Published on or after (YYYY-MM-DD or ISO 8601 date-time).")
@click.option("--until", help="Published on or before (YYYY-MM-DD or ISO 8601 date-time).")
@click.option("--bundle", "bundle_id", help="Only the articles of this bundle id.")
@click.option(
    "--limit", default=20, show_default=True, type=click.IntRange(1, 10_000), help="Articles to list."
)
@stack_options
def articles(
    source: str | None,
    since: str | None,
    until: str | None,
    bundle_id: str | None,
    limit: int,
    target: Target,
    api: ApiClient,
    as_json: bool,
) -> None:
    """Article summaries, newest first, filtered by source, date range and bundle."""
    items = api.articles(limit=limit, source=source, since=since, until=until, bundle=bundle_id)
    if as_json:
        emit_json(items)
        return
    stdout().print(render.articles_table(items, title=f"Articles ({len(items)})"))
    if not items and (since or until):
        stderr().print(
            "no article matches: --since/--until leave out undated articles (run it without them to see those)",
            markup=False,
        )


# --- clean (offline) ---------------------------------------------------------------------------
@cli.command(epilog=EXIT_CODES_HELP)
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--removed",
    is_flag=True,
    help="Show each article's source lines instead of JSON, the removed ones (extraction too) marked with their rule.",
)
def clean(files: tuple[Path, ...], removed: bool) -> None:
    """Split and clean bundle FILES on this machine (no AWS): one JSON article per line on stdout.

    Each line has the API's article fields plus `member`, the file name inside the bundle. Members that
    give no article are reported on stderr, and the exit code is then 1. With --removed, each article is
    shown line by line as `get --removed` shows it (for HTML members, the page lines extraction left out too).
    """
    from newsdrop_cli.offline import Problem, clean_file

    err = stderr()
    failed = 0
    for path in files:
        for result in clean_file(path):
            if isinstance(result, Problem):
                if result.skipped:
                    continue
                failed += 1
                err.print(f"{result.file}: {result.member}: {result.code}: {result.reason}", markup=False)
            elif removed:
                out = stdout()
                out.print(
                    f"{result['member']}: {result['title'] or '(no title)'}", markup=False, style="bold"
                )
                render.print_source_lines(out, render.article_lines(result))
            else:
                click.echo(json.dumps(result, ensure_ascii=False))
    sys.exit(NOT_OK if failed else OK)


# --- reprocess, events (local stack) ---------------------------------------------------------
cli.add_command(reprocess_command, name="reprocess")
cli.add_command(events_command, name="events")


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point (`newsdrop`)."""
    cli.main(args=argv, prog_name="newsdrop")
