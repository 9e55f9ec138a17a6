"""provision() builds, from template.yaml, a moto stack that behaves like the cloud one (in-process and over HTTP)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import unquote_plus

import boto3
import pytest
from moto import mock_aws
from moto.server import ThreadedMotoServer

from infra.creators import moto_enforceable_policy
from infra.provision import drain_queue, main, provision
from infra.template import TemplateError
from newsdrop.dal.store import GSI_PROJECTION


def _object_keys(bodies: list[dict]) -> list[str]:
    return [unquote_plus(r["s3"]["object"]["key"]) for body in bodies for r in body.get("Records", [])]


def test_object_under_incoming_is_announced_on_the_ingest_queue(stack):
    stack.s3.put_object(Bucket=stack.bucket, Key="incoming/2024/bundle one.zip", Body=b"PK")

    bodies = drain_queue(stack.sqs, stack.queue_url)

    assert _object_keys(bodies) == ["incoming/2024/bundle one.zip"]
    record = bodies[0]["Records"][0]
    assert record["eventName"].startswith("ObjectCreated:")
    assert record["s3"]["bucket"]["name"] == stack.bucket


@pytest.mark.parametrize("key", ["bodies/a.txt", "quarantine/incoming/x.zip", "incoming", "Incoming/x.zip"])
def test_objects_outside_incoming_prefix_are_not_announced(stack, key):
    stack.s3.put_object(Bucket=stack.bucket, Key=key, Body=b"x")

    assert drain_queue(stack.sqs, stack.queue_url) == []


def test_drain_queue_empties_the_queue_and_decodes_bodies(stack):
    stack.sqs.send_message(QueueUrl=stack.queue_url, MessageBody=json.dumps({"n": 1}))
    stack.sqs.send_message(QueueUrl=stack.queue_url, MessageBody="not json")

    bodies = drain_queue(stack.sqs, stack.queue_url)

    assert sorted(bodies, key=str) == sorted([{"n": 1}, {"Body": "not json"}], key=str)
    assert drain_queue(stack.sqs, stack.queue_url) == []


def test_ingest_queue_redrives_to_the_dlq_after_max_receive_count(stack):
    attributes = stack.sqs.get_queue_attributes(QueueUrl=stack.queue_url, AttributeNames=["All"])[
        "Attributes"
    ]
    redrive = json.loads(attributes["RedrivePolicy"])

    assert redrive["deadLetterTargetArn"] == stack.dlq_arn
    assert (
        int(redrive["maxReceiveCount"]) == int(stack.resources.ingest_environment["MAX_RECEIVE_COUNT"]) == 5
    )
    assert int(attributes["VisibilityTimeout"]) >= 6 * stack.resources.ingest_timeout
    assert attributes["SqsManagedSseEnabled"] == "true"


def test_message_received_max_receive_count_times_moves_to_the_dlq(stack):
    stack.sqs.send_message(QueueUrl=stack.queue_url, MessageBody="poison")
    for _ in range(int(stack.resources.ingest_environment["MAX_RECEIVE_COUNT"])):
        received = stack.sqs.receive_message(QueueUrl=stack.queue_url, VisibilityTimeout=0)["Messages"]
        assert [m["Body"] for m in received] == ["poison"]

    assert stack.sqs.receive_message(QueueUrl=stack.queue_url).get("Messages", []) == []
    assert [b["Body"] for b in drain_queue(stack.sqs, stack.dlq_url)] == ["poison"]


def test_queue_policy_admits_only_the_drop_bucket(stack):
    attributes = stack.sqs.get_queue_attributes(QueueUrl=stack.queue_url, AttributeNames=["Policy"])[
        "Attributes"
    ]
    (statement,) = json.loads(attributes["Policy"])["Statement"]

    assert statement["Principal"] == {"Service": "s3.amazonaws.com"}
    assert statement["Condition"]["ArnEquals"]["aws:SourceArn"] == f"arn:aws:s3:::{stack.bucket}"


def test_table_has_both_gsis_on_their_key_attributes(stack):
    table = stack.dynamodb.describe_table(TableName=stack.table)["Table"]
    indexes = {
        gsi["IndexName"]: {k["KeyType"]: k["AttributeName"] for k in gsi["KeySchema"]}
        for gsi in table["GlobalSecondaryIndexes"]
    }

    assert indexes == {
        "gsi1": {"HASH": "gsi1pk", "RANGE": "gsi1sk"},
        "gsi2": {"HASH": "gsi2pk", "RANGE": "gsi2sk"},
    }
    assert {k["KeyType"]: k["AttributeName"] for k in table["KeySchema"]} == {"HASH": "pk", "RANGE": "sk"}
    for gsi in table["GlobalSecondaryIndexes"]:
        assert gsi["Projection"]["ProjectionType"] == "INCLUDE"
        assert set(gsi["Projection"]["NonKeyAttributes"]) == set(GSI_PROJECTION)


def test_table_has_point_in_time_recovery(stack):
    backups = stack.dynamodb.describe_continuous_backups(TableName=stack.table)[
        "ContinuousBackupsDescription"
    ]

    assert backups["PointInTimeRecoveryDescription"]["PointInTimeRecoveryStatus"] == "ENABLED"


def test_bucket_carries_the_template_settings(stack):
    encryption = stack.s3.get_bucket_encryption(Bucket=stack.bucket)["ServerSideEncryptionConfiguration"]
    block = stack.s3.get_public_access_block(Bucket=stack.bucket)["PublicAccessBlockConfiguration"]

    assert encryption["Rules"][0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] in {
        "AES256",
        "aws:kms",
    }
    assert set(block.values()) == {True}
    assert stack.s3.get_bucket_versioning(Bucket=stack.bucket)["Status"] == "Enabled"


def test_environment_matches_what_was_provisioned(stack, aws_env):
    assert aws_env["TABLE_NAME"] == stack.table
    assert aws_env["BUCKET_NAME"] == stack.bucket
    assert stack.resources.ingest_environment["MAX_BUNDLE_BYTES"] == aws_env["MAX_BUNDLE_BYTES"]


def test_function_settings_come_from_the_template(stack):
    resources = stack.resources

    assert resources.ingest_timeout == 900
    assert 1 <= resources.ingest_batch_size <= 10
    assert resources.ingest_memory >= 1024


def test_parameter_overrides_reach_the_provisioned_environment(aws_env):
    with mock_aws():
        resources = provision(
            boto3.session.Session(region_name="us-east-1"),
            stack="newsdrop-override",
            parameters={"MaxBundleBytes": 4096},
        )

    assert resources.ingest_environment["MAX_BUNDLE_BYTES"] == "4096"
    assert resources.bucket.startswith("newsdrop-override-drop-")


@pytest.mark.parametrize("bad_stack", ["NewsDrop", "", "x" * 46, "news_drop"])
def test_stack_names_that_cannot_name_a_bucket_are_refused(aws_env, bad_stack):
    with pytest.raises(TemplateError, match="lowercase"):
        provision(boto3.session.Session(), stack=bad_stack)


def test_conditional_denies_are_left_out_for_moto_but_other_statements_kept():
    document = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Deny",
                "Principal": "*",
                "Action": "s3:*",
                "Resource": "*",
                "Condition": {"Bool": {}},
            },
            {"Effect": "Deny", "Principal": "*", "Action": "s3:DeleteBucket", "Resource": "arn:aws:s3:::b"},
            {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"},
        ],
    }

    kept = moto_enforceable_policy(document)["Statement"]

    assert [(s["Effect"], s["Action"]) for s in kept] == [
        ("Deny", "s3:DeleteBucket"),
        ("Allow", "s3:GetObject"),
    ]


@pytest.fixture
def moto_server(aws_env, monkeypatch, reset_caches) -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    monkeypatch.setenv("AWS_ENDPOINT_URL", endpoint)
    reset_caches()
    yield endpoint
    server.stop()


def test_provision_over_http_against_a_moto_server_and_again_harmlessly(moto_server):
    session = boto3.session.Session(region_name="us-east-1")

    first = provision(session, stack="newsdrop-http")
    second = provision(session, stack="newsdrop-http")
    sqs, s3 = session.client("sqs"), session.client("s3")
    drain_queue(sqs, first.queue_url)  # one s3:TestEvent per notification setup
    s3.put_object(Bucket=first.bucket, Key="incoming/over-http.json", Body=b"[]")

    assert second == first
    assert first.queue_url.startswith(moto_server)
    assert _object_keys(drain_queue(sqs, first.queue_url)) == ["incoming/over-http.json"]


def test_provision_takes_ready_clients_and_another_region(aws_env):
    with mock_aws():
        session = boto3.session.Session(region_name="eu-west-1")
        clients = {name: session.client(name) for name in ("s3", "sqs", "dynamodb")}

        resources = provision(clients, stack="newsdrop-eu", account_id="123456789012")
        location = clients["s3"].get_bucket_location(Bucket=resources.bucket)["LocationConstraint"]
        table_arn = clients["dynamodb"].describe_table(TableName=resources.table)["Table"]["TableArn"]

    assert resources.region == "eu-west-1"
    assert location == "eu-west-1"
    assert ":eu-west-1:" in resources.queue_arn and ":eu-west-1:" in table_arn


def test_provision_refuses_an_incomplete_client_mapping(aws_env):
    with pytest.raises(TypeError, match="dynamodb"):
        provision({"s3": object(), "sqs": object()})


def test_command_line_provisions_the_server_and_prints_the_names(moto_server, capsys):
    assert main(["--stack", "newsdrop-cli", "--parameter", "IngestBatchSize=2"]) == 0

    printed = json.loads(capsys.readouterr().out)
    assert printed["bucket"] == "newsdrop-cli-drop-123456789012"
    assert printed["ingest_batch_size"] == 2
    assert printed["queue_url"].startswith(moto_server)


def test_command_line_refuses_to_run_without_a_moto_endpoint(aws_env):
    with pytest.raises(SystemExit) as refused:
        main(["--stack", "newsdrop-cli"])

    assert refused.value.code != 0
