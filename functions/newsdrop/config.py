"""Settings read once from the environment into a frozen dataclass."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

MiB = 1024 * 1024
# Variables without a default: a function pointed at the wrong table or bucket must not start at all.
REQUIRED = ("TABLE_NAME", "BUCKET_NAME")


class MissingSetting(ValueError):
    """A required environment variable is unset or empty."""


def _required(environ: Mapping[str, str], name: str) -> str:
    value = (environ.get(name) or "").strip()
    if not value:
        raise MissingSetting(
            f"environment variable {name} is not set: set it to the stack's "
            f"{'table' if name == 'TABLE_NAME' else 'drop bucket'} name (template.yaml sets it for the "
            "functions; make run and the tests set it for the local stack)"
        )
    return value


def _int(environ: Mapping[str, str], name: str, default: int) -> int:
    raw = environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ValueError(f"environment variable {name}={raw!r} must be an integer") from exc
    if value <= 0:
        raise ValueError(f"environment variable {name}={raw!r} must be positive")
    return value


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what one bundle may cost; crossing one fails the bundle or member with a reason."""

    max_bundle_bytes: int = 1024 * MiB
    max_uncompressed_bytes: int = 4096 * MiB
    max_member_bytes: int = 32 * MiB
    max_members: int = 200_000
    max_compression_ratio: int = 200
    max_nesting: int = 1
    # Zips read from a stream are copied aside first; this bounds those copies below Lambda's /tmp
    # (EphemeralStorage in template.yaml), so a full disk is a bundle error, not an OSError retried 5 times.
    max_spool_bytes: int = 1536 * MiB


@dataclass(frozen=True, slots=True)
class Settings:
    table_name: str
    bucket_name: str
    region: str
    endpoint_url: str | None
    queue_url: str | None = None
    incoming_prefix: str = "incoming/"
    quarantine_prefix: str = "quarantine/"
    bodies_prefix: str = "bodies/"
    limits: Limits = Limits()
    # The queue's maxReceiveCount (template parameter MaxReceiveCount): the last delivery records FAILED.
    max_receives: int = 5
    # Bundles from this size on (template parameter FanOutBytes) are split into chunks of about
    # ``fanout_chunk_bytes`` (FanOutChunkBytes), each ingested by its own invocation (docs/fanout.md).
    fanout_bytes: int = 128 * MiB
    fanout_chunk_bytes: int = 32 * MiB

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Settings:
        """Settings from ``environ``; MissingSetting names TABLE_NAME or BUCKET_NAME when one is not set."""
        # Defaults from an instance: with slots=True the class attributes are slot descriptors, not values.
        defaults = Limits()
        limits = Limits(
            max_bundle_bytes=_int(environ, "MAX_BUNDLE_BYTES", defaults.max_bundle_bytes),
            max_uncompressed_bytes=_int(environ, "MAX_UNCOMPRESSED_BYTES", defaults.max_uncompressed_bytes),
            max_member_bytes=_int(environ, "MAX_MEMBER_BYTES", defaults.max_member_bytes),
            max_members=_int(environ, "MAX_MEMBERS", defaults.max_members),
            max_compression_ratio=_int(environ, "MAX_COMPRESSION_RATIO", defaults.max_compression_ratio),
            max_spool_bytes=_int(environ, "MAX_SPOOL_BYTES", defaults.max_spool_bytes),
        )
        return cls(
            table_name=_required(environ, "TABLE_NAME"),
            bucket_name=_required(environ, "BUCKET_NAME"),
            region=environ.get("AWS_REGION") or environ.get("AWS_DEFAULT_REGION") or "us-east-1",
            endpoint_url=environ.get("AWS_ENDPOINT_URL") or None,
            queue_url=environ.get("INGEST_QUEUE_URL") or None,
            limits=limits,
            max_receives=_int(environ, "MAX_RECEIVE_COUNT", 5),
            fanout_bytes=_int(environ, "FANOUT_BYTES", 128 * MiB),
            fanout_chunk_bytes=_int(environ, "FANOUT_CHUNK_BYTES", 32 * MiB),
        )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's Settings from ``os.environ``, read once (``newsdrop.wiring.reset`` forgets them)."""
    return Settings.from_env(os.environ)
