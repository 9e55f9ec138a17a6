"""`python -m infra.local` as a child process on free ports, for the e2e tests and the benchmarks alike."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from infra.template import REPO_ROOT

START_TIMEOUT = 90.0


@dataclass
class HttpReply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class LocalStackProcess:
    """One local stack process; ``start`` returns once local.json is written, ``stop`` terminates and waits.

    ``start`` may be called again after ``stop`` with the same state directory: that is a restart.
    The child gets no AWS_* or NEWSDROP_* variable of ours, so it never reaches a real account.
    """

    state_dir: Path
    drop_dir: Path
    extra_args: list[str] = field(default_factory=list)
    start_timeout: float = START_TIMEOUT
    process: subprocess.Popen[bytes] | None = None
    info: dict[str, Any] = field(default_factory=dict)
    log_path: Path | None = None
    started_in: float = 0.0  # seconds from spawning the process to local.json, of the last start
    seed: bool = False  # upload the seed bundle at start, as `make run` does (most tests drop their own)

    def start(self) -> LocalStackProcess:
        self.state_dir.parent.mkdir(parents=True, exist_ok=True)
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
            *([] if self.seed else ["--no-seed"]),
            *self.extra_args,
        ]
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "NEWSDROP_"))}
        settings = self.state_dir / "local.json"
        settings.unlink(missing_ok=True)
        began = time.perf_counter()
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                command, cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT, env=env
            )
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the local stack exited with {self.process.returncode}:\n{self.log()}")
            if settings.exists():
                self.started_in = time.perf_counter() - began
                self.info = json.loads(settings.read_text())
                return self
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(
            f"the local stack did not write {settings} in {self.start_timeout} s:\n{self.log()}"
        )

    def stop(self) -> int | None:
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        code = self.process.returncode
        self.process = None
        return code

    def __enter__(self) -> LocalStackProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def log(self, tail: int = 5000) -> str:
        return self.log_path.read_text(errors="replace")[-tail:] if self.log_path else ""

    # -- clients that only speak HTTP to 127.0.0.1
    def client(self, service: str, **kwargs: Any) -> Any:
        import boto3

        endpoint = self.info["dynamodb_endpoint"] if service == "dynamodb" else self.info["aws_endpoint"]
        return boto3.session.Session(
            aws_access_key_id="testing", aws_secret_access_key="testing", region_name=self.info["region"]
        ).client(service, endpoint_url=endpoint, **kwargs)

    def url(self, path: str, **query: Any) -> str:
        params = {name: value for name, value in query.items() if value is not None}
        return (
            self.info["api_url"].rstrip("/") + path + ("?" + urllib.parse.urlencode(params) if params else "")
        )

    def get(
        self, path: str, *, with_key: bool = True, method: str = "GET", timeout: float = 30, **query: Any
    ) -> HttpReply:
        headers = {"x-api-key": self.info["api_key"]} if with_key else {}
        if method == "OPTIONS":
            headers |= {"Origin": "https://example.org", "Access-Control-Request-Method": "GET"}
        request = urllib.request.Request(self.url(path, **query), headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as reply:
                return HttpReply(reply.status, dict(reply.headers.items()), reply.read())
        except urllib.error.HTTPError as error:
            return HttpReply(error.code, dict(error.headers.items()), error.read())

    def get_json(self, path: str, *, timeout: float = 120, **query: Any) -> Any:
        """The JSON of a 200 answer; any other status raises with the body, which says what went wrong."""
        reply = self.get(path, timeout=timeout, **query)
        if reply.status != 200:
            raise RuntimeError(f"GET {path} {query} answered {reply.status}: {reply.body[:500]!r}")
        return reply.json()
