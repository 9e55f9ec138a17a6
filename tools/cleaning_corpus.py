"""The cleaner's development corpora (cleaning-dev, cleaning-train): pages, views, gold, sites and CV folds."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "data" / "cleaning-dev"
TRAIN = ROOT / "data" / "cleaning-train"
VIEWS = ("article", "page", "html")
SOURCES = ("dev", "fun", "rdb", "traf", "pl")
FOLDS = 5
# Second-level labels under which a country TLD registers names ("bbc.co.uk", "abc.net.au").
_SECOND_LEVEL = frozenset("co com net org gov ac edu ne or go gob nic ltd plc".split())
_SPACE = re.compile(r"\s+")


def registered_domain(url: str | None) -> str:
    """ "www.news.bbc.co.uk" -> "bbc.co.uk": the site a page belongs to, for grouping folds by site."""
    host = (urlsplit(url or "").hostname or "").lower().strip(".")
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:]) or "unknown"


def fold_of(site: str, folds: int = FOLDS) -> int:
    """A site's fold: every page of one site falls in the same fold (grouped cross-validation)."""
    return int.from_bytes(hashlib.sha256(site.encode("utf-8")).digest()[:4], "big") % folds


def composed(value: Any) -> Any:
    """The gold with every string in Unicode NFC, the form the cleaner's text is in: a few golds are stored
    decomposed (NFD), and their accented letters and Hangul would otherwise match no token of the output."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [composed(item) for item in value]
    if isinstance(value, dict):
        return {key: composed(item) for key, item in value.items()}
    return value


def collapse(text: str | None) -> str:
    """Whitespace collapsed, in NFC: a title or snippet compares equal whatever form its page was stored in."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def unspaced(text: str | None) -> str:
    """The text in NFC without any whitespace: how a snippet is matched. The pl- gold's opening words glue
    paragraphs ("in America.The first lady") and html_text pads inline tags ("「 Extracting"), so a
    snippet that differs from the page's text only in spacing still counts as printed."""
    return _SPACE.sub("", unicodedata.normalize("NFC", text or ""))


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a corpus with its gold; ``source`` is dev, fun, rdb, traf or pl."""

    id: str
    source: str
    directory: Path
    gold: dict[str, Any]

    @property
    def site(self) -> str:
        return registered_domain(self.gold.get("url"))

    @property
    def fold(self) -> int:
        return fold_of(self.site)

    @property
    def in_html_sample(self) -> bool:
        """Dev pages and a fixed half of cleaning-train (by id hash): make eval's HTML view."""
        return self.source == "dev" or hashlib.sha256(self.id.encode("utf-8")).digest()[0] % 2 == 0

    @property
    def body(self) -> str | None:
        return self.gold.get("body")

    @property
    def titles(self) -> frozenset[str]:
        """Accepted headlines: the gold title and, where it differs, the printed headline line."""
        found = {collapse(self.gold.get(name)) for name in ("title", "title_printed")}
        return frozenset(title for title in found if title)

    @property
    def has_snippets(self) -> bool:
        return bool(self.gold.get("with") or self.gold.get("without"))

    def read(self, view: str) -> str:
        if view == "html":
            return gzip.decompress((self.directory / "html" / f"{self.id}.html.gz").read_bytes()).decode(
                "utf-8"
            )
        return (self.directory / view / f"{self.id}.txt").read_text(encoding="utf-8")

    def snippets_ok(self, text: str) -> bool:
        """Every ``with`` snippet is in the text and no ``without`` snippet is (whitespace ignored: ``unspaced``)."""
        flat = unspaced(text)
        return all(unspaced(s) in flat for s in self.gold.get("with") or ()) and not any(
            unspaced(s) in flat for s in self.gold.get("without") or ()
        )


class Corpus:
    """Every page of cleaning-dev and cleaning-train, in a stable order."""

    def __init__(self, dev: Path = DEV, train: Path = TRAIN) -> None:
        self.dev, self.train = dev, train

    @cached_property
    def pages(self) -> tuple[Page, ...]:
        found: list[Page] = []
        for directory in (self.dev, self.train):
            for path in sorted((directory / "gold").glob("*.json")):
                gold = composed(json.loads(path.read_text(encoding="utf-8")))
                source = "dev" if directory == self.dev else path.stem.split("-", 1)[0]
                found.append(Page(path.stem, source, directory, gold))
        return tuple(found)

    def of(self, source: str) -> list[Page]:
        return [page for page in self.pages if page.source == source]
