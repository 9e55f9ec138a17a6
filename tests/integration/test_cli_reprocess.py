"""`newsdrop reprocess` against the moto stack: messages on the ingest queue, a progress bar, the dry run's
report with diffs, and the real run changing the articles the API then shows."""

from __future__ import annotations

import pytest

from tests.integration.test_cli_api import gateway, newsdrop, newsdrop_json  # noqa: F401 (fixture)
from tests.integration.test_reprocess import NEW_VERSION, new_cleaner  # noqa: F401 (fixture)
from tests.integration.test_similar import HERALD, MUSEUM, jsonl


@pytest.fixture
def queue(stack, monkeypatch) -> str:
    monkeypatch.setenv("NEWSDROP_QUEUE_URL", stack.queue_url)
    monkeypatch.setattr("newsdrop_cli.reprocess.time.sleep", lambda s: None)
    return stack.queue_url


def test_dry_run_then_reprocess_older_bundles_with_progress(gateway, queue, new_cleaner, tmp_path):  # noqa: F811
    path = tmp_path / "wire.jsonl"
    path.write_bytes(jsonl(HERALD, MUSEUM))
    code, [dropped] = newsdrop_json("drop", str(path))
    assert code == 0 and dropped["status"] == "DONE"
    bundle_id = dropped["bundle_id"]
    new_cleaner()

    dry = newsdrop("reprocess", "--bundle", bundle_id, "--dry-run")

    assert dry.exit_code == 0, dry.output
    assert "dry run 1 bundle" in dry.stderr and "2/2 members" in dry.stderr
    assert "Reprocessing (dry run: nothing was changed)" in dry.stdout
    assert "2 articles would change, 0 unchanged, 0 failed" in dry.stdout
    assert "by kind: title 1, body 1, date 1" in dry.stdout
    assert "-title: Reservoir at 40-year low, rationing ahead" in dry.stdout
    assert "+title: Lake at 40-year low, rationing ahead" in dry.stdout
    code, article_ids = newsdrop_json("articles", "--bundle", bundle_id)
    assert all("Lake" not in (a["title"] or "") for a in article_ids), "the dry run changed nothing"

    real = newsdrop("reprocess", "--older-than", NEW_VERSION)

    assert real.exit_code == 0, real.output
    assert "reprocess 1 bundle" in real.stderr and "2/2 members" in real.stderr
    assert "2 articles changed, 0 unchanged" in real.stdout and "would" not in real.stdout
    code, listed = newsdrop_json("articles", "--bundle", bundle_id)
    assert sorted(a["id"] for a in listed) == sorted(a["id"] for a in article_ids), "same ids"
    assert any(a["title"] == "Lake at 40-year low, rationing ahead" for a in listed)
    code, record = newsdrop_json("status", bundle_id)
    assert record["cleaner_version"] == NEW_VERSION and record["reprocess"]["status"] == "DONE"

    again = newsdrop("reprocess", "--older-than", NEW_VERSION)
    assert again.exit_code == 0 and f"no bundle to reprocess older than {NEW_VERSION}" in again.stderr

    code, summary = newsdrop_json("reprocess", "--all")
    assert code == 0 and summary["counts"]["changed"] == 2, "--all shows the run this cleaner already did"
    assert [b["bundle_id"] for b in summary["bundles"]] == [bundle_id]


def test_reprocess_needs_a_selection_and_a_queue(gateway, monkeypatch):  # noqa: F811
    monkeypatch.delenv("NEWSDROP_QUEUE_URL", raising=False)
    nothing = newsdrop("reprocess", "--all")
    assert nothing.exit_code == 2 and "NEWSDROP_QUEUE_URL" in nothing.stderr
    monkeypatch.setenv("NEWSDROP_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/123456789012/q")
    unsaid = newsdrop("reprocess")
    assert unsaid.exit_code == 2 and "--bundle ID, --all or --older-than VERSION" in unsaid.stderr
