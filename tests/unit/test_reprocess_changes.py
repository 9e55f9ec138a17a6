"""The pure parts of reprocessing: what changed in an article and how, the run's totals, the message, and the
CLI's selection and progress arithmetic."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from newsdrop import articles
from newsdrop.dal import items
from newsdrop.ingest import changes
from newsdrop.ingest.reprocess_records import BadReprocessMessage, ReprocessRequest, RunProgress, run_key
from newsdrop.text.cleaner import clean_article
from newsdrop_cli import reprocess as cli_runs

TEXT = (
    "Harbour budget approved\n\nThe city council approved the harbour budget on Tuesday after a short "
    "debate.\n\nWork on the new quay starts in spring, the mayor said."
)


def stored(article) -> tuple[dict, dict]:
    """META and heavy fields as the table gives them back (numbers as Decimal)."""
    body = articles.store_body(article, "a" * 32, "bodies/")
    meta = items.article_item(
        article,
        "a" * 32,
        body,
        bundle_id="b",
        key="k",
        member="m",
        now="t",
        content_key="c",
        cleaner_version="v",
    )
    heavy = articles.heavy_fields_of(meta)
    as_read = {
        k: [{**e, "n": Decimal(e["n"])} for e in v] if k in ("kept", "removed") else v
        for k, v in heavy.items()
    }
    return meta, as_read


def test_an_article_read_back_from_the_table_compares_equal_to_its_fresh_cleaning():
    article = clean_article(TEXT)
    meta, heavy = stored(article)
    assert changes.changed_kinds(changes.stored_view(meta, heavy), changes.fresh_view(article)) == []


@pytest.mark.parametrize(
    ("edit", "kinds"),
    [
        ({"title": "Harbour budget passed"}, ["title"]),
        ({"published_text": "Tuesday"}, ["date"]),
        ({"byline": "By A. Writer"}, ["byline"]),
        ({"subheadings": ("Quay",)}, ["metadata"]),
        ({"title": "X", "body": "Only this.", "source": "Herald"}, ["title", "body", "source"]),
    ],
)
def test_each_changed_field_reports_its_kind_in_a_fixed_order(edit, kinds):
    article = clean_article(TEXT)
    meta, heavy = stored(article)
    changed = dataclasses.replace(article, **edit)
    assert changes.changed_kinds(changes.stored_view(meta, heavy), changes.fresh_view(changed)) == kinds


def test_a_changed_line_decision_is_a_lines_change():
    article = clean_article(TEXT)
    meta, heavy = stored(article)
    heavy = {**heavy, "kept": [{**k, "rule": "other-rule"} for k in heavy["kept"]]}
    assert changes.changed_kinds(changes.stored_view(meta, heavy), changes.fresh_view(article)) == ["lines"]


def test_the_unified_diff_shows_old_and_new_lines_and_is_clipped():
    old = {"title": "Old title", "body": "Same start.\n\nOld ending."}
    new = {"title": "New title", "body": "Same start.\n\nNew ending."}
    diff = changes.unified_diff(old, new, name="m1.txt")
    assert diff.splitlines()[:2] == ["--- m1.txt (stored)", "+++ m1.txt (re-cleaned)"]
    assert "-title: Old title" in diff and "+title: New title" in diff
    assert " Same start." in diff and "-Old ending." in diff and "+New ending." in diff
    long = changes.unified_diff(old, {**new, "body": "word " * 5000}, name="m")
    assert len(long) < changes.MAX_DIFF_CHARS + 100 and long.endswith("more characters)")


def test_a_summary_counts_kinds_keeps_few_samples_and_survives_a_checkpoint():
    summary = changes.ChangeSummary()
    for n in range(changes.MAX_SAMPLES + 2):
        summary.add(["title", "body"] if n % 2 else ["body"], sample={"id": str(n), "diff": "d"})
    saved = summary.as_attributes()
    assert saved["changes"] == {"title": 3, "body": 7}
    assert [s["id"] for s in saved["samples"]] == [str(n) for n in range(changes.MAX_SAMPLES)]
    restored = changes.ChangeSummary.restore({"changes": {"body": Decimal(7), "title": Decimal(3)}, **saved})
    assert restored.as_attributes() == saved and not restored.wants_sample()


def test_run_progress_checkpoint_round_trips():
    progress = RunProgress()
    progress.counts.changed, progress.counts.members = 3, 4
    progress.fail("m9", "empty_after_cleaning", "no text")
    progress.summary.add(["body"])
    progress.chrome = ["subscribe now"]
    again = RunProgress.restore(progress.as_attributes())
    assert again.as_attributes() == progress.as_attributes()


def test_the_reprocess_message_is_checked_and_round_trips():
    request = ReprocessRequest.from_payload({"newsdrop": "reprocess", "bundle_id": " b1 ", "dry_run": True})
    assert request == ReprocessRequest("b1", True, "", 0)
    assert ReprocessRequest.from_payload(request.as_payload()) == request
    for bad in ({"newsdrop": "reprocess"}, {"bundle_id": 7}, {"bundle_id": "b", "dry_run": "yes"}):
        with pytest.raises(BadReprocessMessage, match=r"bundle_id|dry_run"):
            ReprocessRequest.from_payload(bad)
    assert run_key("2026.12.05-1", True) == "2026.12.05-1#dry" != run_key("2026.12.05-1", False)


def test_cleaner_versions_compare_as_numbers():
    assert cli_runs.version_key("2026.12.10-1") > cli_runs.version_key("2026.12.9-2")
    assert cli_runs.is_older("2026.12.05-1", "2026.12.05-2") and not cli_runs.is_older(
        "2026.12.06-1", "2026.12.05-2"
    )
    assert cli_runs.is_older(None, "2026.01.01-1"), "a record from before versions is older than any"


def record(bid: str, members: int, request: str | None, run: dict | None) -> dict:
    return {"bundle_id": bid, "counts": {"members": members}, "reprocess_request": request, "reprocess": run}


def test_progress_counts_members_of_runs_that_answer_this_request_only():
    records = [
        record("a", 10, "r1", {"status": "PROCESSING", "counts": {"members": 4}}),
        record("b", 5, "r0", {"status": "DONE", "counts": {"members": 5}}),  # an older run still shows
        record("c", 7, "r1", {"status": "DONE", "counts": {"members": 6}}),  # ended: all of it is done
    ]
    shown = cli_runs.view(records, "r1")
    assert (shown.total, shown.done, shown.finished, shown.ended) == (22, 11, 1, False)
    records[1] = record("b", 5, "r1", {"status": "FAILED", "error": "gone"})
    assert cli_runs.view(records, "r1").finished == 2


def test_totals_add_up_runs_and_name_failed_ones():
    records = [
        record(
            "a", 3, "r", {"status": "DONE", "counts": {"changed": 2, "unchanged": 1}, "changes": {"body": 2}}
        ),
        record(
            "b",
            2,
            "r",
            {
                "status": "DONE",
                "counts": {"changed": 1},
                "changes": {"body": 1, "title": 1},
                "samples": [{"id": "x", "member": "m", "diff": "-a\n+b"}],
            },
        ),
        record("c", 1, "r", {"status": "FAILED", "error": "object version gone"}),
    ]
    out = cli_runs.totals(records, "r").as_dict()
    assert out["counts"] == {"members": 0, "changed": 3, "unchanged": 1, "failed": 0, "skipped": 0}
    assert out["changes"] == {"body": 3, "title": 1}
    assert out["failed_runs"] == [{"bundle_id": "c", "error": "object version gone"}]
    assert out["samples"] == [{"bundle_id": "b", "id": "x", "member": "m", "diff": "-a\n+b"}]
