"""The local stack's DynamoDB: dynalite (Node, LevelDB on disk) in a child process, so the table survives restarts."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import IO

from infra.template import REPO_ROOT

logger = logging.getLogger("newsdrop.local")

DYNALITE_DIR = REPO_ROOT / "infra" / "dynalite"
SERVER_JS = DYNALITE_DIR / "server.js"
PATCH_MARKER = "/* newsdrop-patched */"
START_TIMEOUT = 30.0
_INSTALL_HINT = (
    "run `make node` (it installs dynalite into infra/dynalite/node_modules with npm ci and patches it), "
    "or start with --dynamodb moto (in memory, slow past a few thousand articles)"
)


class EngineUnavailable(OSError):
    """The engine cannot run here; the message says what to install or which fallback to use."""


def check_installed(node: str | None = None) -> str:
    """The node executable, once Node and the patched dynalite are in place; otherwise say what to do."""
    node = node or shutil.which("node")
    if node is None:
        raise EngineUnavailable(
            "Node.js is not installed, and the local DynamoDB (dynalite) runs on it: install Node 18 or newer "
            "(Debian/Ubuntu: apt-get install nodejs npm), then " + _INSTALL_HINT
        )
    index = DYNALITE_DIR / "node_modules" / "dynalite" / "db" / "index.js"
    if not index.exists():
        raise EngineUnavailable(
            f"dynalite is not installed in {DYNALITE_DIR / 'node_modules'}: " + _INSTALL_HINT
        )
    if PATCH_MARKER not in index.read_text(encoding="utf-8"):
        raise EngineUnavailable(
            f"dynalite in {DYNALITE_DIR / 'node_modules'} lacks the local stack's fixes (leaked LevelDB "
            "iterators grow the store by gigabytes): " + _INSTALL_HINT
        )
    return node


class LocalDynamoDB:
    """dynalite bound to ``host:port`` (0 picks a free one) storing its LevelDB under ``path``."""

    def __init__(self, path: Path, host: str = "127.0.0.1", port: int = 0) -> None:
        self.path = path
        self.host = host
        self.port = port
        self._process: subprocess.Popen[bytes] | None = None
        self._stderr_thread: threading.Thread | None = None

    @property
    def endpoint(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def start(self) -> None:
        node = check_installed()
        self.path.mkdir(parents=True, exist_ok=True)
        command = [
            node,
            str(SERVER_JS),
            "--host",
            self.host,
            "--port",
            str(self.port),
            "--path",
            str(self.path),
        ]
        # Its own process group: Ctrl-C reaches the stack, which then stops dynalite cleanly (LevelDB closed).
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,  # closed when this process ends, however it ends: dynalite then stops
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
            env={**os.environ, "NODE_ENV": "production"},
        )
        line = self._read_ready_line(self._process.stdout)
        if line is None:
            code = self._process.wait(timeout=5) if self._process.poll() is None else self._process.returncode
            error = (
                self._process.stderr.read().decode(errors="replace")[-2000:] if self._process.stderr else ""
            )
            self._process = None
            raise EngineUnavailable(
                f"the local DynamoDB (dynalite) did not start (exit {code}): {error.strip() or 'no output'}; "
                f"if {self.path} is held by another local stack stop that one, otherwise " + _INSTALL_HINT
            )
        self.port = int(json.loads(line)["port"])
        self._stderr_thread = threading.Thread(target=self._log_stderr, name="dynalite-stderr", daemon=True)
        self._stderr_thread.start()

    def _read_ready_line(self, stream: IO[bytes] | None) -> str | None:
        if stream is None:
            return None
        result: list[str] = []
        reader = threading.Thread(target=lambda: result.append(stream.readline().decode()), daemon=True)
        reader.start()
        reader.join(START_TIMEOUT)
        text = result[0].strip() if result else ""
        return text if text.startswith("{") else None

    def _log_stderr(self) -> None:
        process = self._process
        if process is None or process.stderr is None:
            return
        for raw in process.stderr:
            logger.warning("dynalite: %s", raw.decode(errors="replace").rstrip())

    def stop(self) -> None:
        """SIGTERM, so dynalite closes LevelDB (the next start opens it without a repair)."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        if self._stderr_thread is not None:
            self._stderr_thread.join(timeout=5)
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream is not None:
                stream.close()
