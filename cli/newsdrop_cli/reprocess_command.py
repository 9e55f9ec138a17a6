"""`newsdrop reprocess`: send reprocess messages for the chosen bundles and follow the runs with a progress bar."""

from __future__ import annotations

import sys

import click
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

from newsdrop_cli import render
from newsdrop_cli.api import ApiClient
from newsdrop_cli.console import emit_json, stack_options, stderr, stdout
from newsdrop_cli.errors import EXIT_CODES_HELP, NOT_OK, OK, UsageProblem
from newsdrop_cli.target import Target, sqs_client


@click.command(epilog=EXIT_CODES_HELP)
@click.option("--bundle", "bundle_id", help="Reprocess this bundle id.")
@click.option("--all", "every", is_flag=True, help="Reprocess every bundle whose ingest ended.")
@click.option("--older-than", metavar="VERSION", help="Only bundles cleaned by a cleaner older than VERSION.")
@click.option(
    "--dry-run", is_flag=True, help="Report what would change (counts by kind, sample diffs); change nothing."
)
@click.option(
    "--timeout",
    default=3600.0,
    show_default=True,
    type=click.FloatRange(min=1),
    help="Seconds to wait for every run to end.",
)
@stack_options
def reprocess(
    bundle_id: str | None,
    every: bool,
    older_than: str | None,
    dry_run: bool,
    timeout: float,
    target: Target,
    api: ApiClient,
    as_json: bool,
) -> None:
    """Re-clean stored bundles with the deployed cleaner, updating their articles in place (same ids).

    Sends one reprocess message per bundle to the ingest queue and shows a progress bar until every run
    ended. A bundle already reprocessed by the deployed cleaner is not done again.
    """
    from newsdrop_cli import reprocess as runs

    if bundle_id and (every or older_than):
        raise UsageProblem("--bundle names one bundle", hint="drop --all / --older-than, or drop --bundle")
    if not target.queue_url:
        raise UsageProblem(
            f"no ingest queue known for {target.origin}",
            hint="set NEWSDROP_QUEUE_URL (the stack's IngestQueueUrl output) or use --stack NAME",
        )
    chosen = runs.select(api, bundle_id=bundle_id, every=every, older_than=older_than)
    err = stderr()
    if not chosen:
        err.print(
            "no bundle to reprocess" + (f" older than {older_than}" if older_than else ""), markup=False
        )
        if as_json:
            emit_json({"bundles": [], **runs.totals([], "").as_dict()})
        return
    request = runs.new_request_id()
    ids = [str(record["bundle_id"]) for record in chosen]
    runs.send(sqs_client(target), target.queue_url, runs.messages(ids, dry_run=dry_run, request=request))
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} members"),
        TimeRemainingColumn(),
        console=err,
        transient=as_json,
    ) as bar:
        label = "dry run" if dry_run else "reprocess"
        task = bar.add_task(f"{label} {len(ids)} bundle{'s' if len(ids) != 1 else ''}", total=None)

        def show(current: runs.RunView) -> None:
            bar.update(task, total=max(current.total, 1), completed=current.done)

        records = runs.follow(api, ids, request, timeout=timeout, on_update=show)
    summary = runs.totals(records, request).as_dict()
    if as_json:
        emit_json(
            {
                "bundles": [{k: r.get(k) for k in ("bundle_id", "key", "reprocess")} for r in records],
                **summary,
            }
        )
    else:
        stdout().print(render.reprocess_table(records, dry_run=dry_run))
        render.print_reprocess_totals(stdout(), summary, dry_run=dry_run)
    sys.exit(NOT_OK if summary["failed_runs"] else OK)
