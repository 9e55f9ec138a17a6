"""Copy an unreadable bundle aside with an error report; the original object is never touched."""

from __future__ import annotations

import json

from newsdrop.adapters.bucket import DropBucket, ObjectInfo
from newsdrop.config import Settings
from newsdrop.errors import AccessDenied, NotFound
from newsdrop.ingest.records import ObjectRef, Progress
from newsdrop.observe import logger


def quarantine(
    bucket: DropBucket, settings: Settings, ref: ObjectRef, info: ObjectInfo, progress: Progress
) -> str | None:
    """``quarantine/<bundle id>/<key>`` and its ``.error.json``; None when the copy is lastingly impossible (the record keeps the error)."""
    relative = ref.key.removeprefix(settings.incoming_prefix)
    dest = f"{settings.quarantine_prefix}{ref.bundle_id}/{relative}"
    attributes = progress.as_attributes()
    report = {
        "bundle_id": ref.bundle_id,
        "source": {"bucket": ref.bucket, "key": ref.key, "version_id": info.version_id},
        "error": attributes["errors"][0] if progress.bundle_error else None,
        "counts": attributes["counts"],
        "errors": attributes["errors"],
        "what_to_do": f"fix the bundle as the error says and drop it again under {settings.incoming_prefix}",
    }
    try:
        bucket.copy(info, dest)  # an empty object too: the key the record names must exist
        bucket.put_bytes(
            f"{dest}.error.json",
            json.dumps(report, indent=2, ensure_ascii=False).encode(),
            content_type="application/json",
        )
    except (AccessDenied, NotFound):  # lasting: the record still carries the error, without a copy
        logger.exception("quarantine copy failed", extra={"bundle_id": ref.bundle_id})
        return None
    # Anything else (throttling, a 5xx) propagates: SQS retries, and the copy is made like a clean run's.
    return dest
