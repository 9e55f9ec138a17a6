"""`newsdrop reprocess` as a user runs it against the local stack: the message goes through the local ingest
queue to the ingest worker, the command follows the run over the API and prints the report."""

from __future__ import annotations

import json
import uuid

import pytest

from tests.e2e.localstack import LocalStackProcess
from tests.e2e.test_cli_e2e import newsdrop

pytestmark = pytest.mark.e2e


def test_reprocess_a_bundle_through_the_local_queue(local_stack: LocalStackProcess, tmp_path):
    from newsdrop.text.cleaner import CLEANER_VERSION
    from tests.integration.test_similar import jsonl

    token = uuid.uuid4().hex[:8]
    # Stories of their own: in the shared stack, copies of another test's stories would be its duplicates
    # or near-duplicates.
    stories = [
        (
            f"Story {n} of run {token}",
            "E2E Wire",
            " ".join(
                f"Paragraph word {token} number {n} item {i} of the reprocess check." for i in range(12)
            ),
        )
        for n in range(3)
    ]
    bundle = tmp_path / "wire.jsonl"
    bundle.write_bytes(jsonl(*stories))
    prefix = f"incoming/reprocess-e2e-{token}/"
    dropped = newsdrop(local_stack, "drop", str(bundle), "--prefix", prefix, "--timeout", "120", "--json")
    assert dropped.returncode == 0, dropped.stderr
    [record] = json.loads(dropped.stdout)
    before = json.loads(newsdrop(local_stack, "articles", "--bundle", record["bundle_id"], "--json").stdout)

    dry = newsdrop(local_stack, "reprocess", "--bundle", record["bundle_id"], "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "3/3 members" in dry.stderr
    assert "0 articles would change, 3 unchanged" in dry.stdout, (
        "the cleaner that stored them is still the same"
    )

    real = newsdrop(local_stack, "reprocess", "--bundle", record["bundle_id"], "--json")
    assert real.returncode == 0, real.stderr
    report = json.loads(real.stdout)
    assert report["counts"] == {"members": 3, "changed": 0, "unchanged": 3, "failed": 0, "skipped": 0}
    [shown] = report["bundles"]
    assert shown["reprocess"]["status"] == "DONE" and shown["reprocess"]["cleaner_version"] == CLEANER_VERSION
    after = json.loads(newsdrop(local_stack, "articles", "--bundle", record["bundle_id"], "--json").stdout)
    assert after == before
