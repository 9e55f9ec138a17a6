"""The local stack's parts without servers: poller, drop folder, mirror, seeds, environment, secrets, sweep loop."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from infra.local.dropfolder import DropFolder
from infra.local.mirror import BundleMirror, notified_keys
from infra.local.poller import failed_ids
from infra.local.state import SEEDS_DIR, function_environment, resolve_dynamic_references, seed_bundle
from infra.provision import StackResources, stack_resolver
from infra.template import TemplateError
from tests.unit.local_fakes import FakeSqs, poller

REPO = Path(__file__).resolve().parents[2]
KEY = "k" * 40


@pytest.fixture(scope="module")
def resolver():
    return stack_resolver(stack="newsdrop-local")


# ------------------------------------------------------------------ poller
MESSAGES = [{"MessageId": f"m{i}", "ReceiptHandle": f"r{i}", "Body": "{}"} for i in range(3)]


@pytest.mark.parametrize(
    ("response", "failed"),
    [
        ({"batchItemFailures": []}, set()),
        ({"batchItemFailures": [{"itemIdentifier": "m1"}]}, {"m1"}),
        ({"batchItemFailures": [{"itemIdentifier": "unknown"}]}, {"m0", "m1", "m2"}),
        ({"batchItemFailures": [{"wrong": "m1"}]}, {"m0", "m1", "m2"}),
        (None, set()),
    ],
)
def test_batch_item_failures_are_read_as_lambda_reads_them(response, failed):
    assert failed_ids(response, MESSAGES) == failed


def test_poller_deletes_successes_and_returns_failures_early_when_asked():
    sqs = FakeSqs()
    seen = {}

    def handler(event, context):
        seen["ids"] = [r["messageId"] for r in event["Records"]]
        seen["remaining"] = context.get_remaining_time_in_millis()
        return {"batchItemFailures": [{"itemIdentifier": "m2"}]}

    failed = poller(sqs, handler, retry_visibility=1).invoke(MESSAGES)

    assert failed == {"m2"}
    assert seen["ids"] == ["m0", "m1", "m2"]
    assert 0 < seen["remaining"] <= 900_000
    assert sqs.deleted == ["r0", "r1"]
    assert sqs.made_visible == [("r2", 1)]


def test_a_raising_handler_fails_the_whole_batch_and_keeps_the_visibility_timeout():
    sqs = FakeSqs()

    def handler(event, context):
        raise RuntimeError("boom")

    assert poller(sqs, handler).invoke(MESSAGES) == {"m0", "m1", "m2"}
    assert sqs.deleted == []
    assert sqs.made_visible == []


# ------------------------------------------------------------------ drop folder and mirror
class FakeS3:
    def __init__(self) -> None:
        self.objects: dict[str, bytes] = {}

    def upload_file(self, filename, bucket, key):
        self.objects[key] = Path(filename).read_bytes()

    def get_object(self, Bucket, Key, VersionId=None):
        return {"Body": io.BytesIO(self.objects[Key])}


def test_drop_folder_uploads_a_file_once_it_stops_changing(tmp_path):
    s3 = FakeS3()
    folder = DropFolder(tmp_path, s3, "bucket")
    (tmp_path / "a.zip").write_bytes(b"zip bytes")
    (tmp_path / "b.zip.part").write_bytes(b"still copying")
    (tmp_path / ".hidden").write_bytes(b"dot file")

    first = folder.scan_once()
    second = folder.scan_once()

    assert first == []
    assert second == ["incoming/a.zip"]
    assert s3.objects == {"incoming/a.zip": b"zip bytes"}
    assert (tmp_path / ".uploaded" / "a.zip").read_bytes() == b"zip bytes"
    assert (tmp_path / "b.zip.part").exists()


def test_a_second_file_of_the_same_name_is_kept_beside_the_first(tmp_path):
    s3 = FakeS3()
    folder = DropFolder(tmp_path, s3, "bucket")
    for content in (b"one", b"two"):
        (tmp_path / "a.zip").write_bytes(content)
        folder.scan_once()
        folder.scan_once()
    assert sorted(p.read_bytes() for p in (tmp_path / ".uploaded").iterdir()) == [b"one", b"two"]


def _notification(bucket: str, key: str) -> dict:
    body = {
        "Records": [
            {"eventName": "ObjectCreated:Put", "s3": {"bucket": {"name": bucket}, "object": {"key": key}}}
        ]
    }
    return {"MessageId": "m", "ReceiptHandle": "r", "Body": json.dumps(body)}


def test_notified_keys_are_decoded_and_filtered_by_bucket_and_prefix():
    batch = [
        _notification("b", "incoming/a+b%C3%A9.zip"),
        _notification("b", "quarantine/x"),
        _notification("other", "incoming/c.zip"),
        {"MessageId": "t", "ReceiptHandle": "t", "Body": json.dumps({"Event": "s3:TestEvent"})},
    ]
    assert notified_keys(batch, "b", "incoming/") == [("incoming/a bé.zip", None)]


def test_mirror_keeps_each_content_once_per_key_in_arrival_order(tmp_path):
    s3 = FakeS3()
    s3.objects = {"incoming/a.zip": b"A", "incoming/b.zip": b"B"}
    mirror = BundleMirror(tmp_path)

    for key in ("incoming/a.zip", "incoming/b.zip", "incoming/a.zip"):
        mirror.store_object(s3, "bucket", key, None)

    replay = [(entry.key, path.read_bytes()) for entry, path in mirror.replayable()]
    assert replay == [("incoming/a.zip", b"A"), ("incoming/b.zip", b"B")]


# ------------------------------------------------------------------ stack settings
def test_seed_bundle_is_the_same_bytes_every_time_and_holds_every_seed():
    data = seed_bundle()
    assert data == seed_bundle()
    names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    assert names == {p.name for p in SEEDS_DIR.glob("*.txt")}


def test_functions_setting_one_variable_differently_stop_the_start():
    base = StackResources("s", "us-east-1", "1", "b", "t", "q", "qa", "d", "da", 900, 1, 1024, 29, 512)
    clash = dataclasses.replace(base, ingest_environment={"X": "1"}, lookup_environment={"X": "2"})
    same = dataclasses.replace(base, ingest_environment={"X": "1", "Y": "i"}, lookup_environment={"X": "1"})
    with pytest.raises(TemplateError, match="X"):
        function_environment(clash)
    assert function_environment(same) == {"X": "1", "Y": "i"}


@pytest.mark.parametrize("name", ["env.json", "env.linux.json"])
def test_sam_local_env_files_name_the_local_stack(resolver, name):
    env = json.loads((REPO / "events" / name).read_text())
    for function in ("IngestFunction", "LookupFunction"):
        assert env[function]["TABLE_NAME"] == resolver.ref("ArticlesTable")
        assert env[function]["BUCKET_NAME"] == resolver.ref("DropBucket")
        assert env[function]["AWS_ENDPOINT_URL"].endswith(":4566")
    queue_name = resolver.get_att("IngestQueue", "QueueName")
    assert (
        env["IngestFunction"]["INGEST_QUEUE_URL"]
        == f"{env['IngestFunction']['AWS_ENDPOINT_URL']}/123456789012/{queue_name}"
    )


def test_secrets_manager_references_become_a_local_secret_kept_across_restarts(tmp_path):
    reference = "{{resolve:secretsmanager:arn:aws:secretsmanager:us-east-1:1:secret:s:SecretString}}"

    first = resolve_dynamic_references(reference, tmp_path)
    again = resolve_dynamic_references(f"{reference}", tmp_path)
    other = resolve_dynamic_references(reference.replace(":s:", ":t:"), tmp_path)

    assert "resolve" not in first
    assert len(first) >= 32
    assert again == first
    assert other != first


def test_references_without_a_local_value_stop_the_start(tmp_path):
    with pytest.raises(TemplateError, match="ssm"):
        resolve_dynamic_references("{{resolve:ssm:/newsdrop/key}}", tmp_path)


def test_the_sweep_loop_sweeps_on_its_interval_and_survives_a_failing_sweep():
    import threading

    from infra.local.sweeploop import SweepLoop

    calls: list[int] = []
    done = threading.Event()

    def sweep() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("the table is down")
        done.set()

    loop = SweepLoop(sweep, interval=0.01)
    loop.start()
    assert done.wait(timeout=10), "a second sweep ran after the first one failed"
    loop.stop()
    assert len(calls) >= 2


def test_the_stacks_own_log_lines_do_not_carry_the_functions_lambda_context():
    import io
    import logging

    from infra.local.__main__ import configure_logging
    from newsdrop.observe import logger as function_logger

    stack_logger = logging.getLogger("newsdrop.local")
    saved = (list(stack_logger.handlers), stack_logger.propagate)
    # The functions' Powertools logger is the stdlib logger "newsdrop": whatever reaches its handlers is
    # printed with the function's keys (its name and a request id that is stale between invocations).
    function_lines = io.StringIO()
    spy = logging.StreamHandler(function_lines)
    logging.getLogger("newsdrop").addHandler(spy)
    try:
        configure_logging()
        function_logger.append_keys(function_name="newsdrop-local-ingest", function_request_id="stale-id")
        logging.getLogger("newsdrop.local.drop").info("drop folder: uploaded one.txt")
        assert "uploaded one.txt" not in function_lines.getvalue()
        assert "stale-id" not in function_lines.getvalue()
    finally:
        logging.getLogger("newsdrop").removeHandler(spy)
        function_logger.remove_keys(["function_name", "function_request_id"])
        stack_logger.handlers[:] = saved[0]
        stack_logger.propagate = saved[1]


@pytest.mark.parametrize("shell_region", ["eu-west-1", None])
def test_the_functions_run_in_the_stacks_region_whatever_the_shell_says(monkeypatch, tmp_path, shell_region):
    from infra.local.stack import LocalOptions, LocalStack

    for name in ("AWS_REGION", "AWS_DEFAULT_REGION"):
        if shell_region is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, shell_region)
    monkeypatch.setenv("AWS_PROFILE", "someone-elses")
    stack = LocalStack(LocalOptions(state_dir=tmp_path, region="ap-south-1", dynamodb="moto"))
    stack._configure_process_environment()

    assert (os.environ["AWS_REGION"], os.environ["AWS_DEFAULT_REGION"]) == ("ap-south-1", "ap-south-1")
    assert "AWS_PROFILE" not in os.environ
    assert os.environ["AWS_ENDPOINT_URL"] == stack.aws.endpoint


def test_waiting_for_bundles_reads_each_key_until_its_newest_record_is_final(monkeypatch):
    from infra.local.api_client import LocalApiClient

    answers = {"incoming/a.zip": ["PROCESSING", "DONE"], "incoming/b.zip": ["FAILED"]}
    asked: list[str] = []

    def fake_get(self, path, **query):
        assert path == "/bundles" and query["limit"] == 1
        asked.append(query["key"])
        states = answers[query["key"]]
        return {"items": [{"key": query["key"], "status": states.pop(0) if len(states) > 1 else states[0]}]}

    monkeypatch.setattr(LocalApiClient, "get", fake_get)
    monkeypatch.setattr("infra.local.api_client.time.sleep", lambda seconds: None)
    records = LocalApiClient("http://127.0.0.1:1", KEY).wait_for_bundles(["incoming/a.zip", "incoming/b.zip"])
    assert {key: record and record["status"] for key, record in records.items()} == {
        "incoming/a.zip": "DONE",
        "incoming/b.zip": "FAILED",
    }
    assert asked == ["incoming/a.zip", "incoming/b.zip", "incoming/a.zip"]
