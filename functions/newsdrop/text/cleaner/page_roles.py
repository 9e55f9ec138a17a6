"""A page's lines with each line's kept verdict and rule, kept current as the stages after the model re-decide them."""

from __future__ import annotations

from newsdrop.models import KEPT_ROLES
from newsdrop.text.cleaner.lines import _Line


class PageRoles:
    """A page's lines with each line's kept verdict (role in ``KEPT_ROLES``) and rule kept current as the stages
    re-decide lines: a stage reads a copy of the lists (a snapshot, as the stages always had) instead of a
    comprehension over every line, which the stages below rebuilt about a dozen times a page."""

    __slots__ = ("_kept", "_lines", "_rules")

    def __init__(self, lines: list[_Line], kept: list[bool] | None = None) -> None:
        """``kept``: whether each line is kept now (its role in ``KEPT_ROLES``), where the caller has it (copied)."""
        self._lines = lines
        self._kept = [line.role in KEPT_ROLES for line in lines] if kept is None else kept.copy()
        self._rules = [line.rule for line in lines]

    def assign(self, index: int, role: str, rule: str) -> None:
        """``lines[index].assign(role, rule)``, the verdict and rule lists following it."""
        self._lines[index].assign(role, rule)
        self._kept[index] = role in KEPT_ROLES
        self._rules[index] = rule

    def kept(self) -> list[bool]:
        """Whether each line is kept now (a copy: a later ``assign`` leaves it as it is)."""
        return self._kept.copy()

    def rules(self) -> list[str | None]:
        """Each line's rule now (a copy)."""
        return self._rules.copy()

    def holds(self, rule: str) -> bool:
        """Whether some line's rule is ``rule`` now (read in C, without a copy of the rules)."""
        return rule in self._rules
