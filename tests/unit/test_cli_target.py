"""Which stack the CLI talks to: --stack, then NEWSDROP_API_URL, then .newsdrop/local.json."""

from __future__ import annotations

import json

import pytest

from newsdrop_cli import target as target_mod
from newsdrop_cli.errors import UNREACHABLE, ConfigError
from newsdrop_cli.target import Target, find_local_file, from_local_file, from_stack_outputs, resolve

LOCAL = {
    "aws_endpoint": "http://127.0.0.1:4566",
    "api_url": "http://127.0.0.1:3000",
    "api_key": "local-key",
    "bucket": "newsdrop-local-drop",
    "table": "t",
    "queue": "q",
    "dlq": "d",
}


@pytest.fixture
def no_repo_file(monkeypatch, tmp_path):
    """Keep a developer's own .newsdrop/local.json (in the repository) out of these tests."""
    monkeypatch.setattr(target_mod, "REPO_ROOT", tmp_path / "elsewhere")


def write_local(folder, data=LOCAL):
    path = folder / ".newsdrop" / "local.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data) if isinstance(data, dict) else data)
    return path


def test_local_file_is_found_from_a_subfolder(tmp_path, no_repo_file):
    write_local(tmp_path)
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    found = resolve(env={}, cwd=sub)
    assert found.api_url == "http://127.0.0.1:3000/"
    assert found.api_key == "local-key"
    assert found.bucket == "newsdrop-local-drop"
    assert found.aws_endpoint == "http://127.0.0.1:4566"
    assert found.region == "us-east-1"


def test_environment_wins_over_the_local_file(tmp_path, no_repo_file):
    write_local(tmp_path)
    env = {
        "NEWSDROP_API_URL": "https://abc.execute-api.eu-west-1.amazonaws.com/Prod/",
        "NEWSDROP_API_KEY": "k",
        "NEWSDROP_BUCKET": "b",
        "AWS_REGION": "eu-west-1",
    }
    found = resolve(env=env, cwd=tmp_path)
    assert (found.api_url, found.api_key, found.bucket, found.region, found.aws_endpoint) == (
        env["NEWSDROP_API_URL"],
        "k",
        "b",
        "eu-west-1",
        None,
    )


def test_stack_wins_over_everything(tmp_path, no_repo_file):
    write_local(tmp_path)
    asked = []

    def describe(name, region):
        asked.append((name, region))
        return Target(
            api_url="https://x/Prod/", api_key="sk", bucket="sb", region="eu-central-1", origin=name
        )

    found = resolve(
        stack="prod",
        region="eu-central-1",
        env={"NEWSDROP_API_URL": "http://e/"},
        cwd=tmp_path,
        describe=describe,
    )
    assert asked == [("prod", "eu-central-1")]
    assert found.api_key == "sk"


def test_explicit_local_file_variable(tmp_path, no_repo_file):
    path = write_local(tmp_path / "other")
    assert find_local_file(tmp_path, {"NEWSDROP_LOCAL_FILE": str(path)}) == path


def test_nothing_configured_says_to_run_make_run(tmp_path, no_repo_file):
    with pytest.raises(ConfigError) as caught:
        resolve(env={}, cwd=tmp_path)
    assert "make run" in caught.value.hint
    assert caught.value.exit_code == UNREACHABLE


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", "not readable JSON"), (json.dumps({"bucket": "b"}), "no api_url"), ("[]", "no api_url")],
)
def test_broken_local_file_is_a_config_error(tmp_path, content, message):
    path = write_local(tmp_path, content)
    with pytest.raises(ConfigError, match=message) as caught:
        from_local_file(path)
    assert "make run" in caught.value.hint


@pytest.mark.parametrize("url", ["127.0.0.1:3000", "ftp://x/", ""])
def test_api_url_must_be_http(url):
    with pytest.raises(ConfigError, match="not an http"):
        Target(api_url=url, api_key=None, bucket=None, region="us-east-1")


def test_stack_outputs_give_bucket_url_and_key_value():
    asked = []

    def key_value(key_id):
        asked.append(key_id)
        return "secret-value"

    outputs = {
        "DropBucketName": "drop-123",
        "ApiUrl": "https://a.execute-api.us-east-1.amazonaws.com/Prod/",
        "ApiKeyId": "kid",
    }
    found = from_stack_outputs("newsdrop", outputs, key_value, "us-east-1")
    assert (found.bucket, found.api_key, found.api_url) == ("drop-123", "secret-value", outputs["ApiUrl"])
    assert asked == ["kid"]
    assert found.aws_endpoint is None


def test_stack_without_outputs_names_what_is_missing():
    with pytest.raises(ConfigError, match="DropBucketName, ApiUrl") as caught:
        from_stack_outputs("old", {}, lambda k: "", "us-east-1")
    assert "sam deploy" in caught.value.hint


def test_the_ingest_queue_comes_from_local_json_the_environment_or_the_stack_outputs(tmp_path, no_repo_file):
    assert from_local_file(write_local(tmp_path)).queue_url == "q"
    env = {"NEWSDROP_API_URL": "http://h/", "NEWSDROP_QUEUE_URL": "https://sqs.example/q"}
    assert resolve(env=env, cwd=tmp_path).queue_url == "https://sqs.example/q"
    assert resolve(env={"NEWSDROP_API_URL": "http://h/"}, cwd=tmp_path).queue_url is None
    outputs = {"DropBucketName": "b", "ApiUrl": "https://a/Prod/", "IngestQueueUrl": "https://sqs/q"}
    assert from_stack_outputs("newsdrop", outputs, lambda k: "", "us-east-1").queue_url == "https://sqs/q"
