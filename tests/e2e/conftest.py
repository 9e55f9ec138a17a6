"""The local stack as a subprocess on free ports, shared by the e2e tests of one session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.localstack import LocalStackProcess


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
