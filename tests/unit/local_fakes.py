"""Fakes shared by the local-stack unit tests: an SQS that records deletes and visibility changes, a poller over it."""

from __future__ import annotations

from infra.local.poller import SqsPoller


class FakeSqs:
    """Records what the poller deletes and makes visible again."""

    def __init__(self) -> None:
        self.deleted: list[str] = []
        self.made_visible: list[tuple[str, int]] = []

    def delete_message_batch(self, QueueUrl, Entries):
        self.deleted += [e["ReceiptHandle"] for e in Entries]

    def change_message_visibility_batch(self, QueueUrl, Entries):
        self.made_visible += [(e["ReceiptHandle"], e["VisibilityTimeout"]) for e in Entries]


def poller(sqs, handler, retry_visibility=None, **hooks) -> SqsPoller:
    """The ingest queue's poller as the local stack builds it, over a fake SQS."""
    return SqsPoller(
        sqs,
        "url",
        "arn:aws:sqs:us-east-1:123456789012:q",
        handler,
        function_name="IngestFunction",
        batch_size=10,
        timeout_seconds=900,
        memory_mb=1024,
        region="us-east-1",
        account_id="123456789012",
        retry_visibility=retry_visibility,
        **hooks,
    )
