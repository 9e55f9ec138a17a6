"""Fixtures shared by every test: an AWS environment that can only reach moto, named like the provisioned stack."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from infra.provision import DEFAULT_STACK, INGEST_FUNCTION_ID, LOOKUP_FUNCTION_ID, stack_resolver
from infra.resolver import function_environment
from infra.template import DEFAULT_ACCOUNT_ID, DEFAULT_REGION

LOCAL_STACK = DEFAULT_STACK
LOCAL_ACCOUNT_ID = DEFAULT_ACCOUNT_ID
LOCAL_REGION = DEFAULT_REGION


def function_env() -> dict[str, str]:
    """What both functions' environments hold in a stack named LOCAL_STACK (TABLE_NAME, BUCKET_NAME...)."""
    resolver = stack_resolver(stack=LOCAL_STACK, account_id=LOCAL_ACCOUNT_ID, region=LOCAL_REGION)
    return {
        **function_environment(resolver, LOOKUP_FUNCTION_ID),
        **function_environment(resolver, INGEST_FUNCTION_ID),
    }


def forget_cached_settings() -> None:
    """Drop cached Settings, boto3 clients and services: they are per process, and tests change the environment."""
    from newsdrop import wiring

    wiring.reset()


@pytest.fixture
def aws_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """Dummy credentials, us-east-1, no endpoint override, and the functions' environment from template.yaml."""
    for name in ("AWS_ENDPOINT_URL", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_CONFIG_FILE"):
        monkeypatch.delenv(name, raising=False)
    environment = {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SECURITY_TOKEN": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": LOCAL_REGION,
        "AWS_REGION": LOCAL_REGION,
        # Keeps boto3 from reading a developer's real ~/.aws/credentials.
        "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
        "POWERTOOLS_TRACE_DISABLED": "true",
        **function_env(),
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    forget_cached_settings()
    yield environment
    forget_cached_settings()


@pytest.fixture
def reset_caches() -> Callable[[], None]:
    """The function that drops cached Settings and boto3 clients, for fixtures that change endpoints."""
    return forget_cached_settings


# --- running on several cores (pytest-xdist, `make test`) -------------------------------------------
E2E_DIR = "e2e"


def pytest_make_parametrize_id(config: pytest.Config, val: object, argname: str) -> str | None:
    """A bytes parameter (a generated bundle) is named by its size: its bytes carry the time it was built
    (zip and gzip headers), and xdist's workers must collect the same test ids."""
    if isinstance(val, bytes | bytearray):
        return f"{argname}-{len(val)}B"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The e2e tests share one local stack per process: keep them on one xdist worker, so one stack starts."""
    if not config.pluginmanager.hasplugin("xdist"):
        return
    for item in items:
        if E2E_DIR in item.path.parts:
            item.add_marker(pytest.mark.xdist_group("local-stack"))


def pytest_sessionfinish(session: pytest.Session) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker: hand the fault tally to the controller, which prints it
        from tests.faults.tally import TALLY

        workeroutput["fault_tally"] = {name: list(counts) for name, counts in TALLY.items()}


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: object, error: object) -> None:
    from tests.faults.tally import merge

    merge(getattr(node, "workeroutput", {}).get("fault_tally", {}))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from tests.faults.tally import summary_line

    line = summary_line()
    if line:
        terminalreporter.write_line(line)
