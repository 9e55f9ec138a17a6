"""Start `python -m infra.local` as a subprocess on ports it picks and talk to it over HTTP only."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import boto3

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "data" / "seeds"
START_TIMEOUT = 60.0
FINAL = ("DONE", "PARTIAL", "FAILED")


def seed_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(SEEDS.glob("*.txt")):
            archive.writestr(path.name, path.read_bytes())
    return buffer.getvalue()


@dataclass
class HttpReply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class LocalStackProcess:
    """One local stack process; ``start`` returns once local.json is written, ``stop`` terminates and waits."""

    state_dir: Path
    drop_dir: Path
    extra_args: list[str] = field(default_factory=list)
    process: subprocess.Popen[bytes] | None = None
    info: dict[str, Any] = field(default_factory=dict)
    log_path: Path | None = None

    def start(self) -> LocalStackProcess:
        self.log_path = self.state_dir.parent / f"{self.state_dir.name}-{time.time_ns()}.log"
        command = [
            sys.executable,
            "-m",
            "infra.local",
            # Port 0: the stack binds free ports itself and writes them to local.json (no probe-then-bind race).
            "--aws-port",
            "0",
            "--api-port",
            "0",
            "--state-dir",
            str(self.state_dir),
            "--drop-dir",
            str(self.drop_dir),
            "--no-seed",
            *self.extra_args,
        ]
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(command, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, env=env)
        settings = self.state_dir / "local.json"
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the local stack exited with {self.process.returncode}:\n{self.log()}")
            if settings.exists():
                self.info = json.loads(settings.read_text())
                return self
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the local stack did not write {settings} in {START_TIMEOUT} s:\n{self.log()}")

    def stop(self) -> int | None:
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        code = self.process.returncode
        self.process = None
        return code

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-5000:] if self.log_path else ""

    # -- clients that only speak HTTP to 127.0.0.1
    def client(self, service: str) -> Any:
        return boto3.session.Session(
            aws_access_key_id="testing", aws_secret_access_key="testing", region_name=self.info["region"]
        ).client(service, endpoint_url=self.info["aws_endpoint"])

    def get(self, path: str, *, with_key: bool = True, method: str = "GET", **query: Any) -> HttpReply:
        params = {name: value for name, value in query.items() if value is not None}
        url = (
            self.info["api_url"].rstrip("/") + path + ("?" + urllib.parse.urlencode(params) if params else "")
        )
        headers = {"x-api-key": self.info["api_key"]} if with_key else {}
        if method == "OPTIONS":
            headers |= {"Origin": "https://example.org", "Access-Control-Request-Method": "GET"}
        request = urllib.request.Request(url, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=30) as reply:
                return HttpReply(reply.status, dict(reply.headers.items()), reply.read())
        except urllib.error.HTTPError as error:
            return HttpReply(error.code, dict(error.headers.items()), error.read())

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
