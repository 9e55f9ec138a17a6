"""Lambda's SQS event source, locally: receive a batch, invoke the ingest handler, honour batchItemFailures."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from typing import Any

from infra.local.context import LocalLambdaContext

logger = logging.getLogger("newsdrop.local.poller")

Handler = Callable[[dict[str, Any], Any], Any]
# Long-poll wait per receive: short, so that stop() takes effect within about a second.
RECEIVE_WAIT_SECONDS = 1


def sqs_event(messages: list[dict[str, Any]], queue_arn: str, region: str) -> dict[str, Any]:
    """The event Lambda builds from received messages (one record per message)."""
    return {
        "Records": [
            {
                "messageId": message["MessageId"],
                "receiptHandle": message["ReceiptHandle"],
                "body": message["Body"],
                "attributes": message.get("Attributes", {}),
                "messageAttributes": message.get("MessageAttributes", {}),
                "md5OfBody": message.get("MD5OfBody", ""),
                "eventSource": "aws:sqs",
                "eventSourceARN": queue_arn,
                "awsRegion": region,
            }
            for message in messages
        ]
    }


def failed_ids(response: Any, batch: list[dict[str, Any]]) -> set[str]:
    """Message ids the handler reported as failed; an answer that is not a batch response fails nothing."""
    if not isinstance(response, dict):
        return set()
    known = {message["MessageId"] for message in batch}
    reported = response.get("batchItemFailures") or []
    # Lambda treats an unknown or malformed identifier as a failure of the whole batch.
    ids = {item.get("itemIdentifier") if isinstance(item, dict) else None for item in reported}
    if None in ids or not ids <= known:
        return known
    return {str(item) for item in ids}


class SqsPoller:
    """One poller thread per queue, like one concurrent Lambda invocation of the event source mapping.

    Failed messages stay invisible for the queue's visibility timeout (as on AWS) unless
    ``retry_visibility`` is given, in which case they come back after that many seconds; moto moves a
    message to the dead-letter queue on the receive after ``maxReceiveCount``.
    """

    def __init__(
        self,
        sqs: Any,
        queue_url: str,
        queue_arn: str,
        handler: Handler,
        *,
        function_name: str,
        batch_size: int,
        timeout_seconds: int,
        memory_mb: int,
        region: str,
        account_id: str,
        retry_visibility: int | None = None,
        before_invoke: Callable[[list[dict[str, Any]]], None] | None = None,
        after_invoke: Callable[[list[dict[str, Any]]], None] | None = None,
    ) -> None:
        if not 1 <= batch_size <= 10:
            raise ValueError(f"batch size {batch_size} must be 1..10 (the SQS receive maximum)")
        self.sqs = sqs
        self.queue_url = queue_url
        self.queue_arn = queue_arn
        self.handler = handler
        self.function_name = function_name
        self.batch_size = batch_size
        self.timeout_seconds = timeout_seconds
        self.memory_mb = memory_mb
        self.region = region
        self.account_id = account_id
        self.retry_visibility = retry_visibility
        self.before_invoke = before_invoke
        self.after_invoke = after_invoke
        self.invocations = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name=f"poller-{self.function_name}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop receiving; an invocation under way finishes first (Lambda would not cut it short either)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self.timeout_seconds + RECEIVE_WAIT_SECONDS + 5)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.poll_once()
            except Exception:  # the local AWS may be shutting down; keep polling until told to stop
                logger.exception("poller error on %s", self.queue_url)
                self._stop.wait(1)

    def poll_once(self) -> int:
        """Receive one batch and process it; returns how many messages were received."""
        reply = self.sqs.receive_message(
            QueueUrl=self.queue_url,
            MaxNumberOfMessages=self.batch_size,
            WaitTimeSeconds=RECEIVE_WAIT_SECONDS,
            AttributeNames=["All"],
            MessageAttributeNames=["All"],
        )
        batch = reply.get("Messages", [])
        if batch:
            self.invoke(batch)
        return len(batch)

    def invoke(self, batch: list[dict[str, Any]]) -> set[str]:
        """Run the handler on a batch; deletes what succeeded and returns the ids that failed."""
        if self.before_invoke is not None:
            try:
                self.before_invoke(batch)
            except Exception:  # a helper such as the bundle mirror must never lose the message
                logger.exception("before-invoke hook failed")
        context = LocalLambdaContext(
            function_name=self.function_name,
            timeout_seconds=self.timeout_seconds,
            memory_limit_in_mb=self.memory_mb,
            region=self.region,
            account_id=self.account_id,
        )
        self.invocations += 1
        try:
            response = self.handler(sqs_event(batch, self.queue_arn, self.region), context)
            failed = failed_ids(response, batch)
        except Exception:
            # An exception fails the whole batch: every message comes back after the visibility timeout.
            logger.exception("%s raised; the whole batch will be retried", self.function_name)
            failed = {message["MessageId"] for message in batch}
        succeeded = [message for message in batch if message["MessageId"] not in failed]
        if succeeded:
            self.sqs.delete_message_batch(
                QueueUrl=self.queue_url,
                Entries=[
                    {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(succeeded)
                ],
            )
        if failed and self.retry_visibility is not None:
            self.sqs.change_message_visibility_batch(
                QueueUrl=self.queue_url,
                Entries=[
                    {
                        "Id": str(i),
                        "ReceiptHandle": m["ReceiptHandle"],
                        "VisibilityTimeout": self.retry_visibility,
                    }
                    for i, m in enumerate(batch)
                    if m["MessageId"] in failed
                ],
            )
        if self.after_invoke is not None:
            try:
                self.after_invoke(batch)
            except Exception:  # as before_invoke: a helper never changes what happened to the messages
                logger.exception("after-invoke hook failed")
        if failed:
            logger.warning(
                "%d of %d messages failed: %s",
                len(failed),
                len(batch),
                json.dumps(sorted(failed)),
            )
        return failed
