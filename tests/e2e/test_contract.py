"""The OpenAPI document is the contract: `schemathesis run --checks all` against the running stack finds nothing,
and the docs' own examples answer what they show."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.e2e.conftest import ingest_seeds, own_stack
from tests.e2e.localstack import REPO, LocalStackProcess

pytestmark = pytest.mark.e2e

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
SEED_ARTICLE = "938ccccd3760630549fb648fec1ff4b2"
# Bounded so the run stays well under a minute: a fixed seed makes it the same run every time.
MAX_EXAMPLES = 10
SEED = 1
# schemathesis' own list of statuses that reject invalid data, plus 414: a drawn value too long for a URL is
# refused by the gateway before the function sees it, which is a rejection too.
REJECTION_STATUSES = [
    "400",
    "401",
    "403",
    "404",
    "405",
    "406",
    "409",
    "414",
    "415",
    "422",
    "428",
    "429",
    "5xx",
]


@pytest.fixture(scope="module")
def contract_stack(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[LocalStackProcess, dict[str, Any]]]:
    """A stack holding the seed bundle only: the run's cost does not grow with what other tests ingested."""
    with own_stack(tmp_path_factory.mktemp("contract-stack")) as stack:
        yield stack, ingest_seeds(stack)


def test_schemathesis_finds_no_failure_with_every_check(
    contract_stack: tuple[LocalStackProcess, dict[str, Any]], tmp_path: Path
):
    local_stack, seeded_bundle = contract_stack
    api = local_stack.info["api_url"]
    config = tmp_path / "schemathesis.toml"
    # Real ids, so the single-item routes are tested past their 404 too.
    config.write_text(
        f'[parameters]\narticle_id = "{SEED_ARTICLE}"\nbundle_id = "{seeded_bundle["bundle_id"]}"\n\n'
        f"[checks.negative_data_rejection]\nexpected-statuses = {json.dumps(REJECTION_STATUSES)}\n",
        encoding="utf-8",
    )
    command = [
        str(SCHEMATHESIS),
        "--config-file",
        str(config),
        "run",
        api + "openapi.json",
        "--url",
        api.rstrip("/"),
        "--checks",
        "all",
        "--header",
        f"x-api-key: {local_stack.info['api_key']}",
        "--max-examples",
        str(MAX_EXAMPLES),
        "--seed",
        str(SEED),
        "--no-color",
    ]
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "tests.e2e.schemathesis_hooks", "PYTHONPATH": str(REPO)}
    run = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=240)

    report = run.stdout[-6000:] + run.stderr[-2000:]
    assert run.returncode == 0, report
    assert "No issues found" in run.stdout, report
    tested = re.search(r"Tested: (\d+)", run.stdout)
    assert tested and int(tested.group(1)) == len(local_stack.get("/openapi.json").json()["paths"]), report


def test_real_cursors_match_the_documented_cursor_schema(
    local_stack: LocalStackProcess, seeded_bundle: dict[str, Any]
):
    document = local_stack.get("/openapi.json", with_key=False).json()
    [schema] = [
        p["schema"] for p in document["paths"]["/articles"]["get"]["parameters"] if p["name"] == "cursor"
    ]
    cursor = local_stack.get("/articles", bundle=seeded_bundle["bundle_id"], limit=1).json()["next_cursor"]
    assert cursor and re.search(schema["pattern"], cursor) and len(cursor) <= schema["maxLength"]


def test_unknown_methods_and_parameters_get_documented_answers(local_stack: LocalStackProcess):
    trace = local_stack.get("/health", with_key=False, method="TRACE")
    assert trace.status == 405
    assert trace.headers["Allow"] == "GET"
    assert trace.json()["error"]["code"] == "method_not_allowed"

    misspelt = local_stack.get("/articles", sourc="Press TV")
    assert misspelt.status == 400
    assert "'sourc'" in misspelt.json()["error"]["message"]


def _examples() -> list[tuple[str, dict[str, Any]]]:
    """docs/api.md's curl examples that show their output: (path and query, the answer shown)."""
    text = (REPO / "docs" / "api.md").read_text(encoding="utf-8")
    found = re.findall(r'curl -s -H "x-api-key: \$KEY" "\$\{API\}([^"]+)"\n# (\{.*\})\n', text)
    return [(path, json.loads(shown)) for path, shown in found]


def test_the_docs_examples_return_what_they_show(
    local_stack: LocalStackProcess, seeded_bundle: dict[str, Any]
):
    examples = _examples()
    assert len(examples) >= 2, "docs/api.md lost its examples with output (a curl line, then '# {...}')"
    flagship_path, flagship = examples[0]
    assert "since=" in flagship_path and flagship["items"], (
        "the flagship example filters by date and finds items"
    )
    for path, shown in examples:
        split = urlsplit(path)
        reply = local_stack.get("/" + split.path, **dict(parse_qsl(split.query)))
        assert reply.status == 200, (path, reply.body)
        answer = reply.json()
        assert [item["id"] for item in answer["items"]] == [item["id"] for item in shown["items"]], path
        for item, shown_item in zip(answer["items"], shown["items"], strict=True):
            # Every field the docs show is what the API answers (a cursor is shown shortened with "…").
            assert {k: item[k] for k in shown_item} == shown_item, path
        assert (answer["next_cursor"] is None) == (shown["next_cursor"] is None), path
