"""moto in server mode on one port for every service (like LocalStack's edge port), in a thread of this process."""

from __future__ import annotations

import logging
import threading

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import BaseWSGIServer, make_server


class LocalAws:
    """A moto server bound to one host and port; ``start`` raises at once when the port is taken."""

    def __init__(self, host: str = "127.0.0.1", port: int = 4566) -> None:
        self.host = host
        self.port = port
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def endpoint(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> None:
        # werkzeug logs one line per request; the local stack's output is for people, not for moto's traffic.
        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        try:
            self._server = make_server(
                self.host,
                self.port,
                DomainDispatcherApplication(create_backend_app),
                threaded=True,
                request_handler=MotoRequestHandler,
            )
        except OSError as exc:
            raise OSError(
                f"cannot listen on {self.host}:{self.port} for local AWS ({exc.strerror}): stop what uses the "
                "port or pass --aws-port"
            ) from exc
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, name="local-aws", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._server = None
        self._thread = None
