"""The e2e tests' local stack: the shared process helper (infra.local.process) plus the waits the tests use."""

from __future__ import annotations

import io
import time
import zipfile
from dataclasses import dataclass
from typing import Any

from infra.local.process import HttpReply
from infra.local.process import LocalStackProcess as _StackProcess
from infra.template import REPO_ROOT

REPO = REPO_ROOT
SEEDS = REPO / "data" / "seeds"
FINAL = ("DONE", "PARTIAL", "FAILED")

__all__ = ["FINAL", "REPO", "SEEDS", "HttpReply", "LocalStackProcess", "seed_zip"]


def seed_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(SEEDS.glob("*.txt")):
            archive.writestr(path.name, path.read_bytes())
    return buffer.getvalue()


@dataclass
class LocalStackProcess(_StackProcess):
    """The shared helper with the tests' polling of bundle records and article listings."""

    def bundle_for_key(
        self, key: str, timeout: float = 60.0, want: tuple[str, ...] = FINAL
    ) -> dict[str, Any]:
        """Poll GET /bundles?key= until the newest record of the key reaches one of ``want``; the full record."""
        deadline = time.monotonic() + timeout
        latest: dict[str, Any] = {}
        while time.monotonic() < deadline:
            reply = self.get("/bundles", key=key, limit=1)
            items = reply.json().get("items", []) if reply.status == 200 else []
            if items:
                latest = items[0]
                if latest.get("status") in want:
                    full = self.get(f"/bundles/{latest['bundle_id']}")
                    assert full.status == 200, full.body
                    return full.json()
            time.sleep(0.3)
        raise AssertionError(
            f"bundle {key} did not reach {want} in {timeout} s (last: {latest}):\n{self.log()}"
        )

    def articles_of(self, bundle_id: str) -> list[dict[str, Any]]:
        reply = self.get("/articles", bundle=bundle_id, limit=100)
        assert reply.status == 200, reply.body
        return reply.json()["items"]
