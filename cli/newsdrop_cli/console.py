"""What every command shares: the two consoles, JSON output, and the --stack/--region/--json options."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any, TypeVar

import click
from rich.console import Console

from newsdrop_cli.api import ApiClient
from newsdrop_cli.target import resolve

F = TypeVar("F", bound=Callable[..., Any])


def stdout() -> Console:
    return Console(soft_wrap=False, highlight=False)


def stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def emit_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


def stack_options(command: F) -> F:
    """--stack/--region/--json, resolved into a Target and an ApiClient passed as `target` and `api`."""

    @click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts instead of tables.")
    @click.option("--region", envvar="AWS_REGION", help="AWS region of --stack (default: your AWS config).")
    @click.option(
        "--stack", envvar="NEWSDROP_STACK", help="Name of a deployed newsdrop CloudFormation stack."
    )
    @functools.wraps(command)
    def wrapper(*args: Any, stack: str | None, region: str | None, **kwargs: Any) -> Any:
        target = resolve(stack=stack, region=region)
        api = ApiClient(target.api_url, target.api_key)
        return command(*args, target=target, api=api, **kwargs)

    return wrapper  # type: ignore[return-value]
