"""The line rules' shared parts: a rule's shape, the registrar the rule modules list theirs with, key helpers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LineRule:
    """A named test that sends a line to ``role``; ``why`` is the reason it is not article text."""

    name: str
    role: str
    why: str
    test: Callable[[str, str, int], bool]
    max_words: int

    def __call__(self, text: str, key: str, words: int) -> bool:
        return words <= self.max_words and self.test(text, key, words)


RuleTest = Callable[[str, str, int], bool]


def registrar(rules: list[LineRule]) -> Callable[..., Callable[[RuleTest], RuleTest]]:
    """A decorator factory that appends each rule it is given to ``rules``, in the order the module defines them."""

    def rule(max_words: int, role: str = "boilerplate") -> Callable[[RuleTest], RuleTest]:
        """Register a rule; ``max_words`` bounds the lines it can claim, so long paragraphs skip it cheaply."""

        def register(test: RuleTest) -> RuleTest:
            rules.append(LineRule(test.__name__, role, (test.__doc__ or "").strip(), test, max_words))
            return test

        return register

    return rule


def full_key(pattern: str) -> re.Pattern[str]:
    # Rules see the normalised key; a leading bullet or arrow ("› Subscribe") is decoration.
    return re.compile(r"^[\W_]*(?:" + pattern + r")[\W_]*$", re.IGNORECASE)


# Cheap substring guards: a rule's regex runs only on lines that contain one of its stems.


def holds_any(key: str, stems: tuple[str, ...]) -> bool:
    """Whether ``key`` contains one of ``stems``.

    A plain loop: any() over a generator costs about three times as much, on every short line of every page.
    """
    for stem in stems:  # noqa: SIM110 - the loop is the point (see above)
        if stem in key:
            return True
    return False
