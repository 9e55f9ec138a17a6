"""Bundle Finished events on the local stack: printed by the stack, listed and followed by `newsdrop events`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid

import pytest

from tests.e2e.localstack import REPO, SEEDS, LocalStackProcess, seed_zip

pytestmark = pytest.mark.e2e


def command(stack: LocalStackProcess, *args: str) -> list[str]:
    return [sys.executable, "-m", "newsdrop_cli", *args]


def environment(stack: LocalStackProcess) -> dict[str, str]:
    """Only the local stack's local.json to go by, and this checkout's code (see test_cli_e2e)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "NEWSDROP_"))}
    env["NEWSDROP_LOCAL_FILE"] = str(stack.state_dir / "local.json")
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "cli"), str(REPO / "functions")])
    return env


def drop(stack: LocalStackProcess, key: str) -> dict:
    stack.client("s3").put_object(Bucket=stack.info["bucket"], Key=key, Body=seed_zip())
    record = stack.bundle_for_key(key)
    assert record is not None and record["status"] == "DONE", stack.log()
    return record


def test_events_lists_what_finished_and_follow_prints_the_next_one(local_stack: LocalStackProcess):
    first = drop(local_stack, f"incoming/events-{uuid.uuid4().hex[:8]}/one.zip")
    env = environment(local_stack)
    listed = subprocess.run(
        command(local_stack, "events", "--json"),
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert listed.returncode == 0, listed.stderr
    events = [json.loads(line) for line in listed.stdout.splitlines()]
    [event] = [e for e in events if e["detail"]["bundle_id"] == first["bundle_id"]]
    assert event["source"] == "newsdrop" and event["detail-type"] == "Bundle Finished"
    detail = event["detail"]
    assert detail["status"] == "DONE" and detail["counts"]["new"] + detail["counts"]["duplicates"] == len(
        list(SEEDS.glob("*.txt"))
    )
    # The links point at the local gateway, and they answer.
    articles_link = detail["links"]["articles"]
    assert articles_link.startswith(local_stack.info["api_url"].rstrip("/"))
    path = articles_link.removeprefix(local_stack.info["api_url"].rstrip("/"))
    reply = local_stack.get(path.split("?")[0], bundle=first["bundle_id"])
    assert reply.status == 200 and reply.json()["items"]

    shown = subprocess.run(
        command(local_stack, "events"), cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert any(first["bundle_id"] in line and "DONE" in line for line in shown.stdout.splitlines())

    follower = subprocess.Popen(
        command(local_stack, "events", "--follow", "--count", str(len(events) + 1), "--json"),
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(2)  # the follower has read what is there; the next bundle is new to it
        second = drop(local_stack, f"incoming/events-{uuid.uuid4().hex[:8]}/two.zip")
        out, err = follower.communicate(timeout=60)
    finally:
        if follower.poll() is None:
            follower.kill()
            follower.wait(timeout=10)
    assert follower.returncode == 0, err
    followed = [json.loads(line) for line in out.splitlines()]
    assert followed[-1]["detail"]["bundle_id"] == second["bundle_id"]
    assert len({e["detail"]["event_id"] for e in followed}) == len(followed), "each event once"
    # The stack prints each event too.
    deadline = time.monotonic() + 10
    while second["bundle_id"] not in local_stack.log() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert any(
        line.startswith("event: ") and second["bundle_id"] in line for line in local_stack.log().splitlines()
    )
