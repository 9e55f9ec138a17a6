"""The local stack as a subprocess on free ports, the seed bundle in it, and headless Chromium: shared by the e2e tests of one session."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.localstack import LocalStackProcess, seed_zip

# The key `make run` drops the seeds under: article ids hash the key in, so ids match the docs' examples.
SEED_KEY = "incoming/seeds.zip"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


@pytest.fixture(scope="session")
def local_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStackProcess]:
    root = tmp_path_factory.mktemp("local-stack")
    # Failed messages come back after 1 s instead of the template's 90 minutes, so the DLQ test sees every receive.
    stack = LocalStackProcess(root / "state", root / "drop", ["--retry-visibility", "1", "--quiet"])
    stack.start()
    try:
        yield stack
    finally:
        stack.stop()


@contextmanager
def own_stack(root: Path) -> Iterator[LocalStackProcess]:
    """A local stack of its own, for a test whose load (a 1,000-article bundle, hundreds of generated requests)
    must neither slow the shared stack down nor depend on what other tests put in it."""
    stack = LocalStackProcess(root / "state", root / "drop", ["--quiet"])
    stack.start()
    try:
        yield stack
    finally:
        stack.stop()


def ingest_seeds(stack: LocalStackProcess, key: str = SEED_KEY) -> dict[str, Any]:
    """Drop the seed bundle under ``key`` and wait for it: its final bundle record."""
    stack.client("s3").put_object(Bucket=stack.info["bucket"], Key=key, Body=seed_zip())
    record = stack.bundle_for_key(key, timeout=180)
    assert record["status"] == "DONE", record
    return record


@pytest.fixture(scope="session")
def seeded_bundle(local_stack: LocalStackProcess) -> dict[str, Any]:
    """The seed bundle ingested once for the tests that only read it: its final bundle record."""
    return ingest_seeds(local_stack)


def chromium_path() -> str:
    """Debian's chromium (what .ci/run installs), or the browser NEWSDROP_CHROMIUM names."""
    named = os.environ.get("NEWSDROP_CHROMIUM")
    found = named or next((path for path in map(shutil.which, CHROMIUM_NAMES) if path), None)
    if not found:
        raise RuntimeError(
            "no Chromium for the browser tests: install it with `apt-get install -y chromium` "
            "(bash .ci/run does), or set NEWSDROP_CHROMIUM to a Chromium or Chrome binary"
        )
    return found


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium driven by Playwright; Playwright's own browser download is never used."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # --no-sandbox: CI runs as root, where Chromium refuses its sandbox.
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
        try:
            yield launched
        finally:
            launched.close()
