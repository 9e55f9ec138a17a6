"""One way to run a local HTTP server in a thread: the local AWS (werkzeug) and the API gateway (http.server)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol


class SocketServer(Protocol):
    """What http.server's and werkzeug's threading servers both offer."""

    server_address: tuple[str, int] | tuple[str, int, int, int]

    def serve_forever(self, poll_interval: float = 0.5) -> None: ...

    def shutdown(self) -> None: ...

    def server_close(self) -> None: ...


class ServerThread:
    """Builds a server bound to ``host:port`` (0 picks a free port) and serves it in a daemon thread.

    ``start`` raises an OSError that names the part, the address and the flag to change when the port
    is taken, so every local server fails the same readable way.
    """

    def __init__(
        self, name: str, what: str, flag: str, host: str, port: int, build: Callable[[str, int], SocketServer]
    ) -> None:
        self.name = name
        self.what = what
        self.flag = flag
        self.host = host
        self.port = port
        self._build = build
        self.server: SocketServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> None:
        try:
            self.server = self._build(self.host, self.port)
        except OSError as exc:
            raise OSError(
                f"cannot listen on {self.host}:{self.port} for {self.what} ({exc.strerror}): stop what uses "
                f"the port or pass {self.flag}"
            ) from exc
        self.port = int(self.server.server_address[1])
        self._thread = threading.Thread(target=self.server.serve_forever, name=self.name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=10)
        self.server = None
        self._thread = None
