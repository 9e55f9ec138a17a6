"""The local stand-in for the sweeper's EventBridge schedule: a thread that sweeps every few seconds."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

logger = logging.getLogger(__name__)


class SweepLoop:
    """Calls ``sweep`` every ``interval`` seconds until stopped; a failing sweep is logged, not fatal."""

    def __init__(self, sweep: Callable[[], Any], *, interval: float) -> None:
        self._sweep = sweep
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sweeper", daemon=True)
        self.sweeps = 0

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                self._sweep()
            except Exception:  # the next tick tries again, as the next scheduled invocation would
                logger.exception("sweep failed")
            self.sweeps += 1
