"""Least privilege in template.yaml: no wildcard grants, each function's reads and writes, the cursor secret."""

from __future__ import annotations

import pytest

from infra.resolver import function_environment
from tests.unit.template_view import (
    all_policy_statements,
    bucket_arn,
    granted,
    listed,
    resolver,
    table_arns,
)


@pytest.mark.parametrize(("owner", "statement"), all_policy_statements())
def test_no_policy_allows_wildcard_actions_or_bare_wildcard_resources(owner, statement):
    resources = listed(statement.get("Resource", []))
    assert "*" not in resources, owner
    if statement["Effect"] == "Allow":
        actions = listed(statement["Action"])
        assert all(a != "*" and not a.endswith(":*") for a in actions), owner
        # Wildcards only as object prefixes (bucket/prefix/*), never in a table or queue ARN.
        for resource in resources:
            if isinstance(resource, str) and "*" in resource:
                assert resource.startswith(f"{bucket_arn()}/") and resource.endswith("/*"), (owner, resource)


def test_ingest_reads_only_incoming_and_writes_only_quarantine_and_bodies():
    grants = granted("IngestFunction")
    s3_reads = {a for a in grants if a.startswith("s3:Get")}
    s3_lists = {a for a in grants if a.startswith("s3:List")}
    s3_writes = {a for a in grants if a.startswith("s3:") and a not in s3_reads | s3_lists}

    assert {"s3:GetObject", "s3:GetObjectVersion"} <= s3_reads
    for action in s3_reads - {"s3:GetObject"}:
        assert grants[action] == {f"{bucket_arn()}/incoming/*"}, action
    # Reprocessing reads a relocated body back (the current one: no version reads there).
    assert grants["s3:GetObject"] == {f"{bucket_arn()}/incoming/*", f"{bucket_arn()}/bodies/*"}
    assert "s3:PutObject" in s3_writes
    for action in s3_writes:
        assert grants[action] <= {f"{bucket_arn()}/quarantine/*", f"{bucket_arn()}/bodies/*"}, action
    assert not any("Delete" in a for a in grants)
    # Listing (so a deleted bundle reads as 404, not 403) is granted on the bucket itself, not its objects.
    assert all(grants[a] == {bucket_arn()} for a in s3_lists)


def test_ingest_writes_the_table_and_reads_no_index():
    grants = granted("IngestFunction")
    dynamo = {a for a in grants if a.startswith("dynamodb:")}

    assert dynamo == {
        "dynamodb:BatchWriteItem",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
        "dynamodb:GetItem",
        "dynamodb:BatchGetItem",
        "dynamodb:Query",  # reprocessing: a bundle's links and an article's sightings, one partition each
    }
    for action in dynamo:
        assert grants[action] <= table_arns(), action
    assert not any(
        arn.endswith(("/index/*", "/index/gsi1", "/index/gsi2")) for arn in grants["dynamodb:Query"]
    )


def test_ingest_may_send_only_to_its_own_queue():
    grants = granted("IngestFunction")
    sqs = {a for a in grants if a.startswith("sqs:")}
    assert sqs == {"sqs:SendMessage"}
    assert len(grants["sqs:SendMessage"]) == 1


def test_lookup_is_read_only():
    grants = granted("LookupFunction")

    assert set(grants) == {
        "dynamodb:GetItem",
        "dynamodb:Query",
        "dynamodb:BatchGetItem",
        "s3:GetObject",
        "secretsmanager:GetSecretValue",
    }
    assert grants["s3:GetObject"] == {f"{bucket_arn()}/bodies/*"}
    assert grants["secretsmanager:GetSecretValue"] == {resolver().ref("CursorSecret")}
    assert grants["dynamodb:Query"] <= table_arns()


def test_the_cursor_secret_is_named_not_given_in_plain_text():
    lookup = function_environment(resolver(), "LookupFunction")

    assert lookup["CURSOR_SECRET_ARN"] == resolver().ref("CursorSecret")
    assert "CURSOR_SECRET" not in lookup
    assert not any("{{resolve:" in value for value in lookup.values())
