"""Fixtures for the fault-injection suite: instant retries, one moto account per run."""

from __future__ import annotations

import functools
import random
from collections.abc import Iterator

import pytest

import infra.provision as provision_module
from tests.faults.harness import Account, account, client_hook


@pytest.fixture
def faults(aws_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Iterator[Account]:
    """A moto account whose client calls all pass the injector; backoff takes no time."""
    # Backoff jitter is drawn from random.uniform: zero makes an exhausted retry loop instant.
    monkeypatch.setattr(random, "uniform", lambda low, high: 0.0)
    # Chunks of a flush written one at a time: write call N is then the same request in every run.
    from newsdrop import wiring

    monkeypatch.setattr(wiring, "WRITE_CONCURRENCY", 1)
    # Each run provisions a stack: parse template.yaml once, not once per run (resolving does not modify it).
    monkeypatch.setattr(provision_module, "load_template", functools.cache(provision_module.load_template))

    def environ(variables: dict[str, str]) -> None:
        for name, value in variables.items():
            monkeypatch.setenv(name, value)

    with client_hook(), account(environ) as acct:
        yield acct
    # The runs' ingestor (its clock, its stack's names) must not outlive the suite in this process.
    wiring.reset()
