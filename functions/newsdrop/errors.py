"""The exception tree every newsdrop module raises; adapters translate boto3 errors into it."""

from __future__ import annotations


class NewsdropError(Exception):
    """Base of every error newsdrop raises on purpose.

    ``code`` is a stable machine-readable name; ``hint`` tells a person what to do.
    """

    code = "error"

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


# --- bad input: the bundle as a whole cannot be read -------------------------------------
class BundleError(NewsdropError):
    """The dropped object cannot be read as a bundle; it is quarantined."""

    code = "bad_bundle"


class EmptyBundle(BundleError):
    code = "empty_bundle"


class UnknownFormat(BundleError):
    code = "unknown_format"


class CorruptBundle(BundleError):
    """A corrupt or truncated archive or compressed stream."""

    code = "corrupt_bundle"


class LimitExceeded(BundleError):
    """A safety limit (size, member count, compression ratio, nesting) was crossed."""

    code = "limit_exceeded"


class UndecodableText(NewsdropError):
    """Bytes that no supported text encoding decodes cleanly."""

    code = "undecodable"


# --- storage (raised only by adapters) -----------------------------------------------------
class StorageError(NewsdropError):
    """An AWS call failed for a reason retrying in-process will not fix."""

    code = "storage_error"


class NotFound(StorageError):
    code = "not_found"


class AccessDenied(StorageError):
    code = "access_denied"


class ConditionFailed(StorageError):
    """A conditional write found the item in another state (someone else got there first)."""

    code = "condition_failed"


class Throttled(StorageError):
    """The service kept throttling after every retry; the message is retried later by SQS."""

    code = "throttled"
