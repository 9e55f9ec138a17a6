"""The boto3 side of the data-access layer: typed reads, batched idempotent writes with backoff, updates."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from typing import Any

from botocore.exceptions import ClientError

from newsdrop.errors import AccessDenied, ConditionFailed, NotFound, StorageError, Throttled
from newsdrop.observe import in_this_trace

BATCH_WRITE_LIMIT = 25
BATCH_GET_LIMIT = 100
MAX_ATTEMPTS = 8
_THROTTLE_CODES = frozenset(
    {
        "ProvisionedThroughputExceededException",
        "ThrottlingException",
        "RequestLimitExceeded",
        "InternalServerError",
        "ServiceUnavailable",
    }
)

Item = dict[str, Any]


@cache
def _codec() -> tuple[Any, Any]:
    """boto3's attribute-value (de)serializers, imported on first use (importing boto3 is most of a cold start)."""
    from boto3.dynamodb.types import TypeDeserializer, TypeSerializer

    return TypeSerializer(), TypeDeserializer()


def to_wire(item: Mapping[str, Any]) -> dict[str, Any]:
    serialize = _codec()[0].serialize
    return {k: serialize(v) for k, v in item.items() if v is not None}


def from_wire(item: Mapping[str, Any]) -> Item:
    deserialize = _codec()[1].deserialize
    return {k: deserialize(v) for k, v in item.items()}


def _translate(exc: ClientError, what: str) -> StorageError:
    code = exc.response.get("Error", {}).get("Code", "")
    message = exc.response.get("Error", {}).get("Message", str(exc))
    if code == "ResourceNotFoundException":
        return NotFound(
            f"{what}: table not found ({message})", hint="check TABLE_NAME and that the stack is deployed"
        )
    if code in ("AccessDeniedException", "UnrecognizedClientException"):
        return AccessDenied(f"{what}: access denied ({message})", hint="check the function's IAM policy")
    if code == "ConditionalCheckFailedException":
        return ConditionFailed(f"{what}: condition not met", hint="another invocation changed the item first")
    if code in _THROTTLE_CODES:
        return Throttled(
            f"{what}: throttled after {MAX_ATTEMPTS} attempts", hint="the message is retried by SQS"
        )
    return StorageError(f"{what}: {code} {message}", hint="see the function logs for the request id")


class ArticleTable:
    """The single DynamoDB table behind newsdrop (layout in ``newsdrop.dal.keys``); ``Store`` names its uses."""

    def __init__(
        self,
        client: Any,
        table_name: str,
        *,
        sleep: Callable[[float], None] = time.sleep,
        base_delay: float = 0.05,
        writers: int = 1,
    ) -> None:
        self._client = client
        self.name = table_name
        self._sleep = sleep
        self._base_delay = base_delay
        self._writers = max(1, writers)
        self._executor: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self.requests = 0  # DynamoDB requests sent (benchmarks report requests per 1,000 articles)

    # --- retries -------------------------------------------------------------------------
    def _backoff(self, attempt: int) -> None:
        # Full jitter (AWS architecture blog): spreads retries of concurrent writers apart.
        self._sleep(random.uniform(0, self._base_delay * (2**attempt)))

    def _call(self, what: str, fn: Callable[..., Any], **kwargs: Any) -> Any:
        for attempt in range(MAX_ATTEMPTS):
            with self._lock:
                self.requests += 1
            try:
                return fn(**kwargs)
            except ClientError as exc:
                code = exc.response.get("Error", {}).get("Code", "")
                if code in _THROTTLE_CODES and attempt + 1 < MAX_ATTEMPTS:
                    self._backoff(attempt)
                    continue
                raise _translate(exc, what) from exc
        raise AssertionError("unreachable")  # pragma: no cover

    # --- reads -----------------------------------------------------------------------------
    def get(self, pk: str, sk: str, *, consistent: bool = False) -> Item | None:
        reply = self._call(
            "GetItem",
            self._client.get_item,
            TableName=self.name,
            Key=to_wire({"pk": pk, "sk": sk}),
            ConsistentRead=consistent,
        )
        item = reply.get("Item")
        return from_wire(item) if item else None

    def batch_get(
        self, keys: Sequence[tuple[str, str]], *, projection: Sequence[str] | None = None
    ) -> dict[tuple[str, str], Item]:
        """Fetch many items by (pk, sk), strongly consistent; missing keys are absent from the result.

        ``projection`` names the attributes to return (pk and sk are always added).
        """
        found: dict[tuple[str, str], Item] = {}
        unique = list(dict.fromkeys(keys))
        request: dict[str, Any] = {"ConsistentRead": True}
        if projection is not None:
            names = {f"#p{i}": name for i, name in enumerate(dict.fromkeys(["pk", "sk", *projection]))}
            request |= {"ProjectionExpression": ", ".join(names), "ExpressionAttributeNames": names}
        for start in range(0, len(unique), BATCH_GET_LIMIT):
            pending: list[dict[str, Any]] = [
                to_wire({"pk": pk, "sk": sk}) for pk, sk in unique[start : start + 100]
            ]
            attempt = 0
            while pending:
                reply = self._call(
                    "BatchGetItem",
                    self._client.batch_get_item,
                    RequestItems={self.name: {**request, "Keys": pending}},
                )
                for raw in reply.get("Responses", {}).get(self.name, []):
                    item = from_wire(raw)
                    found[(item["pk"], item["sk"])] = item
                pending = reply.get("UnprocessedKeys", {}).get(self.name, {}).get("Keys", [])
                if pending:
                    if attempt + 1 >= MAX_ATTEMPTS:
                        raise Throttled(
                            "BatchGetItem kept returning UnprocessedKeys", hint="retried later by SQS"
                        )
                    self._backoff(attempt)
                    attempt += 1
        return found

    def query(self, **kwargs: Any) -> tuple[list[Item], dict[str, Any] | None]:
        """One Query page: (items, LastEvaluatedKey in wire form or None). Keys in kwargs use the wire form."""
        reply = self._call("Query", self._client.query, TableName=self.name, **kwargs)
        return [from_wire(i) for i in reply.get("Items", [])], reply.get("LastEvaluatedKey")

    def count(self, **kwargs: Any) -> int:
        """How many items one Query page matches (Select COUNT: no items come back, the reads are the same)."""
        reply = self._call("Query", self._client.query, TableName=self.name, Select="COUNT", **kwargs)
        return int(reply.get("Count", 0))

    # --- writes ----------------------------------------------------------------------------
    def put(self, item: Mapping[str, Any]) -> None:
        self._call("PutItem", self._client.put_item, TableName=self.name, Item=to_wire(item))

    def update(self, pk: str, sk: str, **kwargs: Any) -> Item:
        reply = self._call(
            "UpdateItem",
            self._client.update_item,
            TableName=self.name,
            Key=to_wire({"pk": pk, "sk": sk}),
            ReturnValues="ALL_NEW",
            **kwargs,
        )
        return from_wire(reply.get("Attributes", {}))

    def put_if_absent(self, item: Mapping[str, Any]) -> bool:
        """Create ``item`` unless its key exists; True when it was created."""
        try:
            self._call(
                "PutItem",
                self._client.put_item,
                TableName=self.name,
                Item=to_wire(item),
                ConditionExpression="attribute_not_exists(pk)",
            )
        except ConditionFailed:
            return False
        return True

    def batch_put(self, items: Iterable[Mapping[str, Any]]) -> int:
        """Write items 25 per BatchWriteItem, up to ``writers`` requests at once, retrying UnprocessedItems.

        A key given twice is written once (last wins): DynamoDB rejects a request naming a key twice.
        """
        unique: dict[tuple[str, str], dict[str, Any]] = {}
        for item in items:
            unique[(item["pk"], item["sk"])] = {"PutRequest": {"Item": to_wire(item)}}
        requests = list(unique.values())
        chunks = [requests[i : i + BATCH_WRITE_LIMIT] for i in range(0, len(requests), BATCH_WRITE_LIMIT)]
        if len(chunks) <= 1 or self._writers == 1:
            return sum(self._write_chunk(chunk) for chunk in chunks)
        # Requests are independent and idempotent, so they can go out side by side; the first error wins.
        return sum(self._pool().map(in_this_trace(self._write_chunk), chunks))

    def batch_delete(self, keys: Iterable[tuple[str, str]]) -> int:
        """Delete items by (pk, sk), 25 per BatchWriteItem (deleting a missing item is no error: idempotent)."""
        requests = [
            {"DeleteRequest": {"Key": to_wire({"pk": pk, "sk": sk})}} for pk, sk in dict.fromkeys(keys)
        ]
        return sum(
            self._write_chunk(requests[i : i + BATCH_WRITE_LIMIT])
            for i in range(0, len(requests), BATCH_WRITE_LIMIT)
        )

    def _pool(self) -> ThreadPoolExecutor:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=self._writers, thread_name_prefix="ddb-write")
        return self._executor

    def _write_chunk(self, requests: list[dict[str, Any]]) -> int:
        pending = requests
        attempt = 0
        while pending:
            reply = self._call(
                "BatchWriteItem", self._client.batch_write_item, RequestItems={self.name: pending}
            )
            pending = reply.get("UnprocessedItems", {}).get(self.name, [])
            if pending:
                if attempt + 1 >= MAX_ATTEMPTS:
                    raise Throttled(
                        f"BatchWriteItem left {len(pending)} items unprocessed after {MAX_ATTEMPTS} attempts",
                        hint="the table is throttled; SQS retries the message later",
                    )
                self._backoff(attempt)
                attempt += 1
        return len(requests)
