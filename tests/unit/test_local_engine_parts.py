"""The local stack's engine plumbing without engines: install checks, server bind errors, hooks, body mirroring."""

from __future__ import annotations

import io
import socket
import subprocess
from pathlib import Path

import pytest

from infra.local import dynamodb
from infra.local.mirror import BundleMirror
from infra.local.servers import ServerThread
from tests.unit.local_fakes import FakeSqs
from tests.unit.local_fakes import poller as make_poller

MESSAGES = [{"MessageId": f"m{i}", "ReceiptHandle": f"r{i}", "Body": "{}"} for i in range(2)]


# ------------------------------------------------------------------ dynalite install checks
def fake_install(root: Path, patched: bool) -> None:
    index = root / "node_modules" / "dynalite" / "db" / "index.js"
    index.parent.mkdir(parents=True)
    index.write_text("iterator.next()" + (f" {dynamodb.PATCH_MARKER}" if patched else ""), encoding="utf-8")


def test_without_node_the_message_says_what_to_install_and_the_fallback(monkeypatch):
    monkeypatch.setattr(dynamodb.shutil, "which", lambda name: None)
    with pytest.raises(dynamodb.EngineUnavailable) as info:
        dynamodb.check_installed()
    message = str(info.value)
    assert "Node.js is not installed" in message
    assert "apt-get install nodejs npm" in message
    assert "make node" in message and "--dynamodb moto" in message


def test_without_dynalite_installed_the_message_points_at_make_node(tmp_path, monkeypatch):
    monkeypatch.setattr(dynamodb, "DYNALITE_DIR", tmp_path)
    with pytest.raises(dynamodb.EngineUnavailable, match=r"dynalite is not installed.*make node"):
        dynamodb.check_installed("/usr/bin/node")


def test_an_unpatched_dynalite_is_refused(tmp_path, monkeypatch):
    fake_install(tmp_path, patched=False)
    monkeypatch.setattr(dynamodb, "DYNALITE_DIR", tmp_path)
    with pytest.raises(dynamodb.EngineUnavailable, match=r"lacks the local stack's fixes.*make node"):
        dynamodb.check_installed("/usr/bin/node")


def test_a_patched_dynalite_with_node_is_accepted(tmp_path, monkeypatch):
    fake_install(tmp_path, patched=True)
    monkeypatch.setattr(dynamodb, "DYNALITE_DIR", tmp_path)
    assert dynamodb.check_installed("/opt/node/bin/node") == "/opt/node/bin/node"


def test_the_committed_patch_script_matches_the_pinned_dynalite():
    """patch-dynalite.js only applies to dynalite 4.0.0: package.json must pin exactly that version."""
    package = (dynamodb.DYNALITE_DIR / "package.json").read_text(encoding="utf-8")
    script = (dynamodb.DYNALITE_DIR / "patch-dynalite.js").read_text(encoding="utf-8")
    assert '"dynalite": "4.0.0"' in package
    assert dynamodb.PATCH_MARKER in script


def test_a_dynalite_that_exits_at_start_is_reported_with_its_error(tmp_path, monkeypatch):
    fake_install(tmp_path, patched=True)
    monkeypatch.setattr(dynamodb, "DYNALITE_DIR", tmp_path)
    # A "node" that prints an error and exits instead of the ready line.
    node = tmp_path / "node"
    node.write_text("#!/bin/sh\necho 'cannot open LevelDB: lock held' >&2\nexit 3\n", encoding="utf-8")
    node.chmod(0o755)
    monkeypatch.setattr(dynamodb.shutil, "which", lambda name: str(node))
    engine = dynamodb.LocalDynamoDB(tmp_path / "db")
    with pytest.raises(dynamodb.EngineUnavailable) as info:
        engine.start()
    assert "exit 3" in str(info.value) and "lock held" in str(info.value)
    assert engine.pid is None


# ------------------------------------------------------------------ threaded servers
class IdleServer:
    def __init__(self, host: str, port: int) -> None:
        self.socket = socket.create_server((host, port))
        self.server_address = self.socket.getsockname()

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        return None

    def shutdown(self) -> None:
        return None

    def server_close(self) -> None:
        self.socket.close()


def test_a_taken_port_says_which_part_and_which_flag():
    first = ServerThread("one", "the local API", "--api-port", "127.0.0.1", 0, IdleServer)
    first.start()
    try:
        second = ServerThread("two", "the local API", "--api-port", "127.0.0.1", first.port, IdleServer)
        with pytest.raises(
            OSError, match=r"cannot listen on 127\.0\.0\.1:\d+ for the local API .*--api-port"
        ):
            second.start()
    finally:
        first.stop()
    assert first.port != 0 and first.url == f"http://127.0.0.1:{first.port}"


# ------------------------------------------------------------------ poller hooks
def test_after_invoke_runs_after_the_handler_and_cannot_change_the_outcome():
    calls: list[str] = []

    def handler(event, context):
        calls.append("handler")
        return {"batchItemFailures": [{"itemIdentifier": "m1"}]}

    def after(batch):
        calls.append(f"after {len(batch)}")
        raise RuntimeError("mirror disk full")

    sqs = FakeSqs()
    poller = make_poller(sqs, handler, after_invoke=after)
    assert poller.invoke(MESSAGES) == {"m1"}
    assert calls == ["handler", "after 2"]
    assert sqs.deleted == ["r0"]


# ------------------------------------------------------------------ mirrored bodies
class ListingS3:
    def __init__(self, objects: dict[str, bytes]) -> None:
        self.objects = objects
        self.gets: list[str] = []

    def get_paginator(self, name):
        assert name == "list_objects_v2"
        objects = self.objects

        class Paginator:
            def paginate(self, Bucket, Prefix):
                keys = sorted(k for k in objects if k.startswith(Prefix))
                yield {"Contents": [{"Key": k} for k in keys[:1]]}
                yield {"Contents": [{"Key": k} for k in keys[1:]]}

        return Paginator()

    def get_object(self, Bucket, Key, VersionId=None):
        self.gets.append(Key)
        return {"Body": io.BytesIO(self.objects[Key])}


def test_bodies_are_mirrored_once_each_and_come_back_with_the_bundles(tmp_path):
    s3 = ListingS3({"bodies/a.json.gz": b"A", "bodies/b.json.gz": b"B", "incoming/x.zip": b"X"})
    mirror = BundleMirror(tmp_path)

    assert mirror.store_prefix(s3, "bucket", "bodies/") == 2
    s3.objects["bodies/c.json.gz"] = b"C"
    assert mirror.store_prefix(s3, "bucket", "bodies/") == 1

    assert s3.gets == ["bodies/a.json.gz", "bodies/b.json.gz", "bodies/c.json.gz"]
    kept = {entry.key: path.read_bytes() for entry, path in mirror.replayable()}
    assert kept == {"bodies/a.json.gz": b"A", "bodies/b.json.gz": b"B", "bodies/c.json.gz": b"C"}


def test_make_node_says_what_to_do_without_node(tmp_path):
    """The Makefile's own check, run with a PATH that has make's shell but no node or npm."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("sh", "bash", "make", "dirname", "command", "touch"):
        path = subprocess.run(
            ["sh", "-c", f"command -v {tool}"], capture_output=True, text=True
        ).stdout.strip()
        if path.startswith("/"):
            (bin_dir / tool).symlink_to(path)
    stamp = dynamodb.DYNALITE_DIR / "node_modules" / ".newsdrop.stamp"
    done = subprocess.run(
        ["make", "-B", str(stamp.relative_to(dynamodb.DYNALITE_DIR.parents[1]))],
        cwd=dynamodb.DYNALITE_DIR.parents[1],
        env={"PATH": str(bin_dir)},
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0
    assert "Node.js and npm are needed" in done.stderr
    assert "--dynamodb moto" in done.stderr
