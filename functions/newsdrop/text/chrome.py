"""Bundle-level chrome: short lines that repeat across several articles of one bundle are site furniture."""

from __future__ import annotations

from hashlib import blake2b

from newsdrop.text.line_keys import count_words, normalize_line_key

# Only short lines are candidates: a wire story posted twice in a bundle must keep its paragraphs.
_MAX_CHROME_WORDS = 12
_TERMINALS = (".", "!", "?", "…", '."', ".”")


class BundleChrome:
    """Learns a bundle's chrome lines from a sample of its members, in one streaming pass.

    Feed the first ``sample_members`` members' texts to ``observe``; ``lines()`` then holds the
    line keys (``normalize_line_key``) printed in at least ``min_members`` of them and in at least
    ``min_share`` of the sample. Pass that set as ``clean_article(..., bundle_chrome=...)``.
    Memory is bounded by the distinct short lines of the sample. A member whose text was already
    sampled (the same file twice in a bundle) is not counted again: its own headline would
    otherwise look like a line repeated across the bundle.
    """

    def __init__(self, sample_members: int = 20, min_members: int = 3, min_share: float = 0.3) -> None:
        if sample_members < 1 or min_members < 2 or not 0 < min_share <= 1:
            raise ValueError(
                "BundleChrome needs sample_members >= 1, min_members >= 2 and 0 < min_share <= 1: "
                "fix the arguments"
            )
        self.sample_members = sample_members
        self.min_members = min_members
        self.min_share = min_share
        self.observed = 0
        self._members_with: dict[str, int] = {}
        self._texts_seen: set[bytes] = set()

    @property
    def sampling(self) -> bool:
        """True while more members are wanted in the sample."""
        return self.observed < self.sample_members

    def observe(self, text: str) -> None:
        """Count each distinct short line of one member once; ignored once the sample is full or for a copy."""
        if not self.sampling:
            return
        digest = blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        if digest in self._texts_seen:
            return
        self._texts_seen.add(digest)
        self.observed += 1
        seen: set[str] = set()
        for raw in text.splitlines():
            stripped = raw.strip()
            if not stripped or count_words(stripped) > _MAX_CHROME_WORDS:
                continue
            # A sentence is text even when repeated (a quoted statement, a wire lead).
            if count_words(stripped) >= 6 and stripped.endswith(_TERMINALS):
                continue
            seen.add(normalize_line_key(stripped))
        for key in seen:
            self._members_with[key] = self._members_with.get(key, 0) + 1

    def lines(self) -> frozenset[str]:
        """Keys of the lines that repeat across enough of the sampled members to be chrome."""
        needed = max(self.min_members, self.min_share * self.observed)
        return frozenset(key for key, count in self._members_with.items() if count >= needed)
