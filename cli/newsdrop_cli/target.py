"""Which newsdrop stack a command talks to: the local stack, a deployed CloudFormation stack, or the environment."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsdrop_cli.errors import ConfigError, Unreachable

REPO_ROOT = Path(__file__).resolve().parents[2]
LOCAL_FILE = Path(".newsdrop") / "local.json"
DEFAULT_REGION = "us-east-1"
# Outputs of template.yaml that the CLI reads from a deployed stack.
BUCKET_OUTPUT, API_URL_OUTPUT, API_KEY_OUTPUT = "DropBucketName", "ApiUrl", "ApiKeyId"
QUEUE_OUTPUT = "IngestQueueUrl"


@dataclass(frozen=True, slots=True)
class Target:
    """Where bundles go and where the API answers; ``aws_endpoint`` is set for the local stack only."""

    api_url: str
    api_key: str | None
    bucket: str | None
    region: str
    aws_endpoint: str | None = None
    origin: str = "environment"
    events_log_group: str | None = None  # where the local stack records Bundle Finished events
    queue_url: str | None = None  # the ingest queue (`newsdrop reprocess` sends its messages there)

    def __post_init__(self) -> None:
        if not self.api_url.startswith(("http://", "https://")):
            raise ConfigError(
                f"API URL {self.api_url!r} is not an http(s) URL",
                hint="set NEWSDROP_API_URL to the stack's ApiUrl output, e.g. https://abc.execute-api.us-east-1.amazonaws.com/Prod/",
            )
        if not self.api_url.endswith("/"):
            object.__setattr__(self, "api_url", self.api_url + "/")


def find_local_file(start: Path | None = None, env: Mapping[str, str] | None = None) -> Path | None:
    """NEWSDROP_LOCAL_FILE, else .newsdrop/local.json in the working directory or a parent, else the repo's."""
    env = os.environ if env is None else env
    explicit = env.get("NEWSDROP_LOCAL_FILE")
    if explicit:
        return Path(explicit)
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents, REPO_ROOT):
        candidate = folder / LOCAL_FILE
        if candidate.is_file():
            return candidate
    return None


def from_local_file(path: Path) -> Target:
    """The local stack as `make run` described it in .newsdrop/local.json."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            f"{path} does not exist", hint="start the local stack with `make run` (it writes that file)"
        ) from None
    except (OSError, ValueError) as exc:
        raise ConfigError(
            f"{path} is not readable JSON ({exc})", hint="restart `make run`, which rewrites it"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("api_url"), str):
        raise ConfigError(f"{path} has no api_url", hint="restart `make run`, which rewrites it")
    return Target(
        api_url=data["api_url"],
        api_key=data.get("api_key"),
        bucket=data.get("bucket"),
        region=str(data.get("region") or DEFAULT_REGION),
        aws_endpoint=data.get("aws_endpoint"),
        origin=f"local stack ({path})",
        events_log_group=data.get("events_log_group"),
        queue_url=data.get("queue") or None,
    )


def from_environment(env: Mapping[str, str]) -> Target | None:
    """NEWSDROP_API_URL / NEWSDROP_API_KEY / NEWSDROP_BUCKET, or None when NEWSDROP_API_URL is unset."""
    url = env.get("NEWSDROP_API_URL", "").strip()
    if not url:
        return None
    return Target(
        api_url=url,
        api_key=env.get("NEWSDROP_API_KEY") or None,
        bucket=env.get("NEWSDROP_BUCKET") or None,
        region=env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION") or DEFAULT_REGION,
        aws_endpoint=env.get("AWS_ENDPOINT_URL") or None,
        origin="environment (NEWSDROP_API_URL)",
        queue_url=env.get("NEWSDROP_QUEUE_URL") or None,
    )


def from_stack_outputs(
    name: str, outputs: Mapping[str, str], api_key_value: Callable[[str], str], region: str
) -> Target:
    """A deployed stack from its CloudFormation outputs; ``api_key_value`` turns ApiKeyId into the key."""
    missing = [o for o in (BUCKET_OUTPUT, API_URL_OUTPUT) if not outputs.get(o)]
    if missing:
        raise ConfigError(
            f"stack {name} has no output {', '.join(missing)}",
            hint="deploy the current template.yaml (sam deploy) or check the stack name",
        )
    key_id = outputs.get(API_KEY_OUTPUT)
    return Target(
        api_url=outputs[API_URL_OUTPUT],
        api_key=api_key_value(key_id) if key_id else None,
        bucket=outputs[BUCKET_OUTPUT],
        region=region,
        origin=f"stack {name}",
        queue_url=outputs.get(QUEUE_OUTPUT) or None,
    )


def describe_stack(name: str, region: str | None) -> Target:
    """Read a deployed stack's outputs and API key with the usual boto3 credential chain."""
    import boto3
    from botocore.exceptions import BotoCoreError, ClientError

    session = boto3.session.Session(region_name=region)
    chosen = session.region_name or DEFAULT_REGION
    try:
        reply = session.client("cloudformation", region_name=chosen).describe_stacks(StackName=name)
    except ClientError as exc:
        raise ConfigError(
            f"cannot read stack {name} in {chosen}: {exc.response['Error'].get('Message', exc)}",
            hint="check the stack name and region (--region or AWS_REGION) and your AWS credentials",
        ) from None
    except BotoCoreError as exc:
        raise Unreachable(
            f"cannot reach CloudFormation in {chosen}: {exc}",
            hint="check your network and AWS credentials (aws sts get-caller-identity)",
        ) from None
    stacks = reply.get("Stacks") or []
    if not stacks:
        raise ConfigError(f"stack {name} not found in {chosen}", hint="check the name with `sam list stacks`")
    outputs = {o["OutputKey"]: o["OutputValue"] for o in stacks[0].get("Outputs", [])}

    def api_key_value(key_id: str) -> str:
        apigw = session.client("apigateway", region_name=chosen)
        return apigw.get_api_key(apiKey=key_id, includeValue=True)["value"]

    return from_stack_outputs(name, outputs, api_key_value, chosen)


def resolve(
    *,
    stack: str | None = None,
    region: str | None = None,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    describe: Callable[[str, str | None], Target] = describe_stack,
) -> Target:
    """--stack first, then NEWSDROP_API_URL, then the local stack's .newsdrop/local.json."""
    env = os.environ if env is None else env
    if stack:
        return describe(stack, region)
    from_env = from_environment(env)
    if from_env is not None:
        return from_env
    path = find_local_file(cwd, env)
    if path is None:
        raise ConfigError(
            "no newsdrop stack to talk to: .newsdrop/local.json not found",
            hint="start the local stack with `make run` in the repository, or pass --stack NAME for a "
            "deployed stack, or set NEWSDROP_API_URL and NEWSDROP_API_KEY",
        )
    return from_local_file(path)


def s3_client(target: Target) -> Any:
    """An S3 client for the target's bucket: the local endpoint with dummy credentials, else the usual chain."""
    return _client(target, "s3")


def sqs_client(target: Target) -> Any:
    """An SQS client for the target's ingest queue, chosen like ``s3_client``."""
    return _client(target, "sqs")


def _client(target: Target, service: str) -> Any:
    import boto3

    session = boto3.session.Session(region_name=target.region)
    if target.aws_endpoint:
        have_credentials = session.get_credentials() is not None
        return session.client(
            service,
            endpoint_url=target.aws_endpoint,
            # The local stack accepts any credentials; do not demand real ones from a newcomer.
            aws_access_key_id=None if have_credentials else "local",
            aws_secret_access_key=None if have_credentials else "local",
        )
    return session.client(service)
