"""The `newsdrop` command as a user runs it (a subprocess) against the local stack, over HTTP on 127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.e2e.localstack import REPO, SEEDS, LocalStackProcess, seed_zip

pytestmark = pytest.mark.e2e


def newsdrop(stack: LocalStackProcess, *args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """Run the command with only the local stack's local.json to go by (no AWS or NEWSDROP_* settings)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "NEWSDROP_"))}
    env["NEWSDROP_LOCAL_FILE"] = str(stack.state_dir / "local.json")
    # This checkout's command, as the local stack runs this checkout's functions: an editable install may
    # point at another checkout of the repository.
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "cli"), str(REPO / "functions")])
    return subprocess.run(
        [sys.executable, "-m", "newsdrop_cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_drop_status_get_search_against_the_local_stack(local_stack: LocalStackProcess, tmp_path):
    bundle = tmp_path / "seeds.zip"
    bundle.write_bytes(seed_zip())
    prefix = f"incoming/cli-e2e-{uuid.uuid4().hex[:8]}/"

    dropped = newsdrop(local_stack, "drop", str(bundle), "--prefix", prefix, "--timeout", "120", "--json")
    assert dropped.returncode == 0, dropped.stderr
    [record] = json.loads(dropped.stdout)
    assert record["status"] == "DONE"
    assert record["key"] == prefix + "seeds.zip"
    assert record["counts"]["articles"] == len(list(SEEDS.glob("*.txt")))

    status = newsdrop(local_stack, "status", record["bundle_id"])
    assert status.returncode == 0, status.stderr
    assert "DONE" in status.stdout

    listed = newsdrop(local_stack, "articles", "--bundle", record["bundle_id"], "--json")
    articles = json.loads(listed.stdout)
    assert {a["member"] for a in articles} == {p.name for p in SEEDS.glob("*.txt")}

    one = newsdrop(local_stack, "get", articles[0]["id"], "--json")
    assert one.returncode == 0
    assert json.loads(one.stdout)["id"] == articles[0]["id"]

    found = newsdrop(local_stack, "search", "aleppo", "--json")
    assert found.returncode == 0
    assert {a["id"] for a in articles} & {hit["id"] for hit in json.loads(found.stdout)["items"]}


def test_bad_bundle_exits_1_and_unknown_article_exits_1(local_stack: LocalStackProcess, tmp_path):
    bad = tmp_path / "noise.bin"
    bad.write_bytes(bytes(range(256)) * 4)
    dropped = newsdrop(local_stack, "drop", str(bad), "--prefix", f"incoming/cli-e2e-{uuid.uuid4().hex[:8]}")
    assert dropped.returncode == 1
    assert "FAILED" in dropped.stdout and "unknown_format" in dropped.stdout
    missing = newsdrop(local_stack, "get", "0" * 32)
    assert missing.returncode == 1


def test_stopped_stack_exits_3(tmp_path):
    settings = tmp_path / "local.json"
    settings.write_text(json.dumps({"api_url": "http://127.0.0.1:9/", "api_key": "k", "bucket": "b"}))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "NEWSDROP_"))}
    env["NEWSDROP_LOCAL_FILE"] = str(settings)
    result = subprocess.run(
        [sys.executable, "-m", "newsdrop_cli", "status"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 3
    assert "make run" in result.stderr


def test_similar_finds_the_other_outlets_version(local_stack: LocalStackProcess, tmp_path):
    from tests.integration.test_similar import HERALD, MUSEUM, TIMES, jsonl

    bundle = tmp_path / "wire.jsonl"
    bundle.write_bytes(jsonl(HERALD, TIMES, MUSEUM))
    prefix = f"incoming/cli-e2e-{uuid.uuid4().hex[:8]}/"
    dropped = newsdrop(local_stack, "drop", str(bundle), "--prefix", prefix, "--timeout", "120", "--json")
    assert dropped.returncode == 0, dropped.stderr
    [record] = json.loads(dropped.stdout)
    listed = json.loads(newsdrop(local_stack, "articles", "--bundle", record["bundle_id"], "--json").stdout)
    ids = {a["source"]: a["id"] for a in listed}

    found = newsdrop(local_stack, "similar", ids["Valley Herald"], "--json")
    assert found.returncode == 0, found.stderr
    answer = json.loads(found.stdout)
    assert [i["id"] for i in answer["items"]] == [ids["Coast Times"]]
    assert answer["items"][0]["similarity"] >= 0.5
    alone = newsdrop(local_stack, "similar", ids["City Post"])
    assert alone.returncode == 0 and "no similar articles" in alone.stderr
    assert newsdrop(local_stack, "similar", "0" * 32).returncode == 1
