"""moto in server mode on one port for every service (like LocalStack's edge port), in a thread of this process."""

from __future__ import annotations

import logging

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import BaseWSGIServer, make_server

from infra.local.servers import ServerThread


class LocalAws(ServerThread):
    """A moto server bound to one host and port; ``start`` raises at once when the port is taken."""

    def __init__(self, host: str = "127.0.0.1", port: int = 4566) -> None:
        super().__init__("local-aws", "local AWS", "--aws-port", host, port, self._moto_server)

    @staticmethod
    def _moto_server(host: str, port: int) -> BaseWSGIServer:
        return make_server(
            host,
            port,
            DomainDispatcherApplication(create_backend_app),
            threaded=True,
            request_handler=MotoRequestHandler,
        )

    @property
    def endpoint(self) -> str:
        return self.url

    def start(self) -> None:
        # werkzeug logs one line per request; the local stack's output is for people, not for moto's traffic.
        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        super().start()

    @staticmethod
    def put_quietly(account_id: str, region: str, bucket: str, key: str, body: bytes) -> None:
        """Store an object in this process's moto without an event notification: a restore, not an upload.

        Going to moto's backend directly (the server runs in this process) skips both the HTTP round trip
        and the notification, so nothing has to be drained from the queue afterwards.
        """
        from moto.s3.models import s3_backends
        from moto.utilities.utils import get_partition

        s3_backends[account_id][get_partition(region)].put_object(
            bucket, key, body, disable_notification=True
        )
