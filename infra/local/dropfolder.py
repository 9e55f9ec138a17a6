"""Watch a folder: files copied into it are uploaded under the bucket's incoming/ prefix, then moved aside."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

logger = logging.getLogger("newsdrop.local.drop")

UPLOADED_DIR = ".uploaded"
# Names editors and copy tools use while a file is still being written.
_PARTIAL_SUFFIXES = (".part", ".partial", ".tmp", ".crdownload", ".download", ".swp")


def _is_candidate(path: Path, root: Path) -> bool:
    relative = path.relative_to(root)
    if any(part.startswith(".") for part in relative.parts):
        return False  # .uploaded/, dot files such as .DS_Store and hidden temp files
    return path.is_file() and not path.name.endswith(_PARTIAL_SUFFIXES) and not path.name.startswith("~")


class DropFolder:
    """Polls ``root`` every ``interval`` seconds; a file is uploaded once its size and mtime stop changing."""

    def __init__(
        self,
        root: Path,
        s3: Any,
        bucket: str,
        prefix: str = "incoming/",
        *,
        interval: float = 1.0,
        on_upload: Callable[[str, Path], None] | None = None,
    ) -> None:
        self.root = root
        self.s3 = s3
        self.bucket = bucket
        self.prefix = prefix
        self.interval = interval
        self.on_upload = on_upload
        self._seen: dict[Path, tuple[int, int]] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self._thread = threading.Thread(target=self._run, name="drop-folder", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.scan_once()
            except Exception:
                logger.exception("drop folder scan failed; retrying")

    def scan_once(self) -> list[str]:
        """Upload every file that was stable since the previous scan; returns the keys uploaded."""
        uploaded = []
        current: dict[Path, tuple[int, int]] = {}
        for path in sorted(self.root.rglob("*")):
            if not _is_candidate(path, self.root):
                continue
            try:
                stat = path.stat()
            except FileNotFoundError:
                continue
            signature = (stat.st_size, stat.st_mtime_ns)
            current[path] = signature
            if self._seen.get(path) == signature:
                key = self.upload(path)
                if key is not None:
                    uploaded.append(key)
                    current.pop(path, None)
        self._seen = current
        return uploaded

    def upload(self, path: Path) -> str | None:
        key = self.prefix + path.relative_to(self.root).as_posix()
        try:
            self.s3.upload_file(str(path), self.bucket, key)
        except Exception:
            logger.exception("upload of %s failed; it stays in the drop folder and is tried again", path)
            return None
        self._move_aside(path)
        if self.on_upload is not None:
            self.on_upload(key, path)
        return key

    def _move_aside(self, path: Path) -> None:
        target = self.root / UPLOADED_DIR / path.relative_to(self.root)
        target.parent.mkdir(parents=True, exist_ok=True)
        counter = 1
        candidate = target
        while candidate.exists():
            candidate = target.with_name(f"{target.stem}.{counter}{target.suffix}")
            counter += 1
        path.replace(candidate)
