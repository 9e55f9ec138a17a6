"""Fidelity of the local stack's table engine: dynalite answers what newsdrop asks as DynamoDB does (moto alike)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from infra.local.awsserver import LocalAws
from infra.local.dynamodb import LocalDynamoDB
from infra.provision import provision, stack_resolver

REGION = "us-east-1"
STACK = "fidelity"


def _client(endpoint: str, service: str = "dynamodb") -> Any:
    return boto3.session.Session(
        aws_access_key_id="testing", aws_secret_access_key="testing", region_name=REGION
    ).client(service, endpoint_url=endpoint)


@pytest.fixture(scope="module")
def moto_server() -> Iterator[LocalAws]:
    server = LocalAws("127.0.0.1", 0)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def dynalite(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalDynamoDB]:
    engine = LocalDynamoDB(tmp_path_factory.mktemp("dynalite") / "db")
    engine.start()
    yield engine
    engine.stop()


def _provisioned(dynamodb_endpoint: str, moto_server: LocalAws, name: str) -> tuple[Any, str]:
    """(dynamodb client, table name) of the template's table, created by infra.provision on one engine."""
    clients = {
        "dynamodb": _client(dynamodb_endpoint),
        "s3": _client(moto_server.endpoint, "s3"),
        "sqs": _client(moto_server.endpoint, "sqs"),
        "secretsmanager": _client(moto_server.endpoint, "secretsmanager"),
    }
    resources = provision(clients, stack=f"{STACK}-{name}", region=REGION)
    return clients["dynamodb"], resources.table


@pytest.fixture(scope="module", params=["dynalite", "moto"])
def engine(request: pytest.FixtureRequest, moto_server: LocalAws) -> tuple[Any, str]:
    """The template's table on dynalite (the local stack) and on moto (the tests): both must behave alike."""
    if request.param == "dynalite":
        return _provisioned(request.getfixturevalue("dynalite").endpoint, moto_server, "dynalite")
    return _provisioned(moto_server.endpoint, moto_server, "moto")


@pytest.fixture(scope="module")
def dynalite_engine(dynalite: LocalDynamoDB, moto_server: LocalAws) -> tuple[Any, str]:
    """The template's table on dynalite only, for limits moto does not enforce (see docs/local.md)."""
    return _provisioned(dynalite.endpoint, moto_server, "dynalite-only")


def s(value: str) -> dict[str, str]:
    return {"S": value}


def put(client: Any, table: str, pk: str, sk: str, **attributes: str) -> None:
    item = {"pk": s(pk), "sk": s(sk)} | {name: s(value) for name, value in attributes.items()}
    client.put_item(TableName=table, Item=item)


def error_code(info: pytest.ExceptionInfo[ClientError]) -> str:
    return info.value.response["Error"]["Code"]


def test_the_template_table_has_its_keys_and_both_indexes(engine: tuple[Any, str]) -> None:
    client, table = engine
    description = client.describe_table(TableName=table)["Table"]
    template = stack_resolver().template["Resources"]["ArticlesTable"]["Properties"]
    assert description["TableStatus"] == "ACTIVE"
    assert description["KeySchema"] == template["KeySchema"]
    indexes = {index["IndexName"]: index for index in description["GlobalSecondaryIndexes"]}
    for wanted in template["GlobalSecondaryIndexes"]:
        assert indexes[wanted["IndexName"]]["KeySchema"] == wanted["KeySchema"]
        assert (
            indexes[wanted["IndexName"]]["Projection"]["ProjectionType"]
            == wanted["Projection"]["ProjectionType"]
        )


def test_an_index_holds_only_items_with_its_keys_and_follows_key_changes(engine: tuple[Any, str]) -> None:
    client, table = engine
    put(client, table, "ART#a", "META", gsi1pk="SRC#gsi-test", gsi1sk="2024-01-02#a", title="first")
    put(client, table, "ART#b", "META", gsi1pk="SRC#gsi-test", gsi1sk="2024-01-01#b", title="second")
    put(client, table, "ART#c", "META", title="no index keys")

    def by_source(source: str, forward: bool = True) -> list[str]:
        reply = client.query(
            TableName=table,
            IndexName="gsi1",
            KeyConditionExpression="gsi1pk = :p",
            ExpressionAttributeValues={":p": s(source)},
            ScanIndexForward=forward,
        )
        return [item["pk"]["S"] for item in reply["Items"]]

    assert by_source("SRC#gsi-test") == ["ART#b", "ART#a"]
    assert by_source("SRC#gsi-test", forward=False) == ["ART#a", "ART#b"]
    client.update_item(
        TableName=table,
        Key={"pk": s("ART#a"), "sk": s("META")},
        UpdateExpression="SET gsi1pk = :p",
        ExpressionAttributeValues={":p": s("SRC#gsi-moved")},
    )
    assert by_source("SRC#gsi-test") == ["ART#b"]
    assert by_source("SRC#gsi-moved") == ["ART#a"]
    client.update_item(
        TableName=table, Key={"pk": s("ART#b"), "sk": s("META")}, UpdateExpression="REMOVE gsi1pk, gsi1sk"
    )
    assert by_source("SRC#gsi-test") == []


def test_conditional_writes_fail_with_conditional_check_failed(engine: tuple[Any, str]) -> None:
    client, table = engine
    item = {"pk": s("BUNDLE#cond"), "sk": s("STATUS"), "status": s("RECEIVED")}
    client.put_item(TableName=table, Item=item, ConditionExpression="attribute_not_exists(pk)")
    with pytest.raises(ClientError) as info:
        client.put_item(TableName=table, Item=item, ConditionExpression="attribute_not_exists(pk)")
    assert error_code(info) == "ConditionalCheckFailedException"

    # The claim newsdrop makes (ingest/pipeline.py): status IN (...), lease test, ADD, REMOVE, if_not_exists.
    claim = {
        "Key": {"pk": s("BUNDLE#cond"), "sk": s("STATUS")},
        "UpdateExpression": (
            "SET #s = :processing, started_at = if_not_exists(started_at, :now), lease_until = :lease "
            "ADD attempts :one REMOVE retryable, last_error"
        ),
        "ConditionExpression": (
            "(#s IN (:received, :processing) OR retryable = :true) "
            "AND (attribute_not_exists(lease_until) OR lease_until < :now)"
        ),
        "ExpressionAttributeNames": {"#s": "status"},
        "ExpressionAttributeValues": {
            ":processing": s("PROCESSING"),
            ":received": s("RECEIVED"),
            ":now": s("2024-01-01T00:00:00Z"),
            ":lease": s("2024-01-01T00:15:00Z"),
            ":one": {"N": "1"},
            ":true": {"BOOL": True},
        },
        "ReturnValues": "ALL_NEW",
    }
    claimed = client.update_item(TableName=table, **claim)["Attributes"]
    assert claimed["status"] == s("PROCESSING")
    assert claimed["attempts"] == {"N": "1"}
    assert claimed["started_at"] == s("2024-01-01T00:00:00Z")
    with pytest.raises(ClientError) as info:  # the lease is held until 00:15
        client.update_item(TableName=table, **claim)
    assert error_code(info) == "ConditionalCheckFailedException"
    assert client.get_item(TableName=table, Key=claim["Key"], ConsistentRead=True)["Item"]["attempts"] == {
        "N": "1"
    }


def _write_request(i: int) -> dict[str, Any]:
    return {"PutRequest": {"Item": {"pk": s("BATCH#w"), "sk": s(f"{i:03d}"), "n": {"N": str(i)}}}}


def test_batch_write_takes_25_items_and_reports_unprocessed_items(engine: tuple[Any, str]) -> None:
    client, table = engine
    reply = client.batch_write_item(RequestItems={table: [_write_request(i) for i in range(25)]})
    assert reply["UnprocessedItems"] == {}
    assert (
        client.query(
            TableName=table, KeyConditionExpression="pk = :p", ExpressionAttributeValues={":p": s("BATCH#w")}
        )["Count"]
        == 25
    )


def test_batch_write_rejects_26_items_and_a_key_given_twice(dynalite_engine: tuple[Any, str]) -> None:
    client, table = dynalite_engine
    with pytest.raises(ClientError) as info:
        client.batch_write_item(RequestItems={table: [_write_request(i) for i in range(26)]})
    assert error_code(info) == "ValidationException"
    with pytest.raises(ClientError) as info:
        client.batch_write_item(RequestItems={table: [_write_request(1), _write_request(1)]})
    assert error_code(info) == "ValidationException"


def test_batch_get_returns_found_items_only_and_reports_unprocessed_keys(engine: tuple[Any, str]) -> None:
    client, table = engine
    client.batch_write_item(
        RequestItems={
            table: [{"PutRequest": {"Item": {"pk": s("BATCH#g"), "sk": s(f"{i:03d}")}}} for i in range(20)]
        }
    )
    keys = [{"pk": s("BATCH#g"), "sk": s(f"{i:03d}")} for i in range(0, 40, 2)]  # half of them exist
    reply = client.batch_get_item(RequestItems={table: {"Keys": keys, "ConsistentRead": True}})
    assert sorted(item["sk"]["S"] for item in reply["Responses"][table]) == [
        f"{i:03d}" for i in range(0, 20, 2)
    ]
    assert reply["UnprocessedKeys"] == {}
    too_many = [{"pk": s("BATCH#g"), "sk": s(f"{i:03d}")} for i in range(101)]
    with pytest.raises(ClientError) as info:
        client.batch_get_item(RequestItems={table: {"Keys": too_many}})
    assert error_code(info) == "ValidationException"


@pytest.mark.parametrize("index", [None, "gsi2"])
@pytest.mark.parametrize("forward", [True, False])
def test_query_pages_with_limit_and_exclusive_start_key_cover_every_item_once(
    engine: tuple[Any, str], index: str | None, forward: bool
) -> None:
    client, table = engine
    partition = f"PAGE#{index}"
    for start in range(0, 53, 25):
        client.batch_write_item(
            RequestItems={
                table: [
                    {
                        "PutRequest": {
                            "Item": {
                                "pk": s(partition if index is None else f"ART#{index}#{i:03d}"),
                                "sk": s(f"{i:03d}" if index is None else "META"),
                                "gsi2pk": s(partition),
                                "gsi2sk": s(f"{i:03d}"),
                            }
                        }
                    }
                    for i in range(start, min(53, start + 25))
                ]
            }
        )
    key_name = "pk" if index is None else "gsi2pk"
    order_name = "sk" if index is None else "gsi2sk"
    seen: list[str] = []
    pages = 0
    start_key = None
    while True:
        request: dict[str, Any] = {
            "TableName": table,
            "KeyConditionExpression": f"{key_name} = :p",
            "ExpressionAttributeValues": {":p": s(partition)},
            "Limit": 10,
            "ScanIndexForward": forward,
        }
        if index:
            request["IndexName"] = index
        if start_key:
            request["ExclusiveStartKey"] = start_key
        reply = client.query(**request)
        pages += 1
        assert reply["ScannedCount"] <= 10  # Limit bounds what is read, not only what is returned
        seen += [item[order_name]["S"] for item in reply["Items"]]
        start_key = reply.get("LastEvaluatedKey")
        if not start_key:
            break
        assert set(start_key) == ({"pk", "sk"} | ({"gsi2pk", "gsi2sk"} if index else set()))
    expected = [f"{i:03d}" for i in range(53)]
    assert seen == (expected if forward else expected[::-1])
    assert pages == 6


def test_limit_counts_items_read_before_the_filter(engine: tuple[Any, str]) -> None:
    client, table = engine
    for i in range(6):
        put(client, table, "FILTER#p", f"{i}", kind="keep" if i % 2 else "drop")
    reply = client.query(
        TableName=table,
        KeyConditionExpression="pk = :p",
        FilterExpression="kind = :k",
        ExpressionAttributeValues={":p": s("FILTER#p"), ":k": s("keep")},
        Limit=3,
    )
    assert reply["ScannedCount"] == 3
    assert [item["sk"]["S"] for item in reply["Items"]] == ["1"]
    assert reply["LastEvaluatedKey"] == {"pk": s("FILTER#p"), "sk": s("2")}


def test_key_conditions_begins_with_and_between_and_projection(engine: tuple[Any, str]) -> None:
    client, table = engine
    for sk in ("2024-01-05#a", "2024-02-01#b", "2024-02-20#c", "2024-03-01#d"):
        put(client, table, "KEYS#p", sk, title=f"t{sk[-1]}", body="long text")

    def sks(condition: str, values: dict[str, Any], **extra: Any) -> list[dict[str, Any]]:
        return client.query(
            TableName=table,
            KeyConditionExpression=condition,
            ExpressionAttributeValues={":p": s("KEYS#p"), **values},
            **extra,
        )["Items"]

    assert [i["sk"]["S"] for i in sks("pk = :p AND begins_with(sk, :m)", {":m": s("2024-02")})] == [
        "2024-02-01#b",
        "2024-02-20#c",
    ]
    between = sks("pk = :p AND sk BETWEEN :a AND :b", {":a": s("2024-01-06"), ":b": s("2024-03-01#d")})
    assert [i["sk"]["S"] for i in between] == ["2024-02-01#b", "2024-02-20#c", "2024-03-01#d"]
    projected = sks(
        "pk = :p AND sk < :z",
        {":z": s("2024-02")},
        ProjectionExpression="#a0, #a1",
        ExpressionAttributeNames={"#a0": "sk", "#a1": "title"},
    )
    assert projected == [{"sk": s("2024-01-05#a"), "title": s("ta")}]


def test_an_item_over_400_kb_is_rejected(engine: tuple[Any, str]) -> None:
    client, table = engine
    with pytest.raises(ClientError) as info:
        put(client, table, "BIG#p", "1", body="x" * (401 * 1024))
    assert error_code(info) == "ValidationException"


def test_dynalite_keeps_the_table_across_a_restart(tmp_path: Path) -> None:
    engine = LocalDynamoDB(tmp_path / "db")
    engine.start()
    try:
        client = _client(engine.endpoint)
        client.create_table(
            TableName="kept",
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        client.get_waiter("table_exists").wait(TableName="kept")
        client.put_item(TableName="kept", Item={"pk": s("a"), "v": s("kept")})
    finally:
        engine.stop()
    engine = LocalDynamoDB(tmp_path / "db")
    engine.start()
    try:
        item = _client(engine.endpoint).get_item(TableName="kept", Key={"pk": s("a")})["Item"]
        assert item == {"pk": s("a"), "v": s("kept")}
    finally:
        engine.stop()


def test_dynalite_follows_a_table_deleted_and_created_again(dynalite: LocalDynamoDB) -> None:
    # dynalite keeps each table's description in memory (infra/dynalite/patch-dynalite.js, fix 2): a table
    # deleted and created again with another key and an index must be seen as it is now.
    client = _client(dynalite.endpoint)
    name = "described-anew"

    def create(key: str, index: str | None = None) -> None:
        names = [key] + ([index] if index else [])
        extra: dict[str, Any] = {}
        if index:
            extra["GlobalSecondaryIndexes"] = [
                {
                    "IndexName": f"by-{index}",
                    "KeySchema": [{"AttributeName": index, "KeyType": "HASH"}],
                    "Projection": {"ProjectionType": "ALL"},
                }
            ]
        client.create_table(
            TableName=name,
            KeySchema=[{"AttributeName": key, "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": n, "AttributeType": "S"} for n in names],
            BillingMode="PAY_PER_REQUEST",
            **extra,
        )
        client.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 0.1})

    create("a")
    client.put_item(TableName=name, Item={"a": s("1")})
    client.delete_table(TableName=name)
    client.get_waiter("table_not_exists").wait(TableName=name, WaiterConfig={"Delay": 0.1})
    with pytest.raises(ClientError) as gone:
        client.put_item(TableName=name, Item={"a": s("1")})
    assert error_code(gone) == "ResourceNotFoundException"
    create("b", index="c")
    with pytest.raises(ClientError) as old_key:
        client.put_item(TableName=name, Item={"a": s("1")})
    assert error_code(old_key) == "ValidationException"
    client.put_item(TableName=name, Item={"b": s("2"), "c": s("x")})
    found = client.query(
        TableName=name,
        IndexName="by-c",
        KeyConditionExpression="c = :c",
        ExpressionAttributeValues={":c": s("x")},
    )
    assert [item["b"]["S"] for item in found["Items"]] == ["2"]
    client.delete_table(TableName=name)
