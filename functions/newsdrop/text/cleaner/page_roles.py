"""A page's lines with each line's kept verdict and rule, kept current as the stages after the model re-decide them."""

from __future__ import annotations

from newsdrop.models import KEPT_ROLES
from newsdrop.text.cleaner.lines import _Line


class PageRoles:
    """A page's lines with each line's kept verdict (role in ``KEPT_ROLES``) and rule kept current as the stages
    re-decide lines: a stage reads a copy of the lists (a snapshot, as the stages always had) instead of a
    comprehension over every line, which the stages below rebuilt about a dozen times a page.

    A snapshot is shared by every call between two assignments (most stages assign nothing, and a copy a stage
    was about 40 copies a page): a caller reads it and never writes it."""

    __slots__ = ("_kept", "_kept_copy", "_lines", "_rules", "_rules_copy")

    def __init__(self, lines: list[_Line], kept: list[bool] | None = None) -> None:
        """``kept``: whether each line is kept now (its role in ``KEPT_ROLES``), where the caller has it (copied)."""
        self._lines = lines
        self._kept = [line.role in KEPT_ROLES for line in lines] if kept is None else kept.copy()
        self._rules = [line.rule for line in lines]
        self._kept_copy: list[bool] | None = None
        self._rules_copy: list[str | None] | None = None

    def assign(self, index: int, role: str, rule: str) -> None:
        """``lines[index].assign(role, rule)``, the verdict and rule lists following it."""
        self._lines[index].assign(role, rule)
        self._kept[index] = role in KEPT_ROLES
        self._rules[index] = rule
        # The snapshots handed out so far stay as they were; the next call takes a new one.
        self._kept_copy = self._rules_copy = None

    def kept(self) -> list[bool]:
        """Whether each line is kept now (a snapshot: a later ``assign`` leaves it as it is; read, never written)."""
        if self._kept_copy is None:
            self._kept_copy = self._kept.copy()
        return self._kept_copy

    def rules(self) -> list[str | None]:
        """Each line's rule now (a snapshot, as ``kept``)."""
        if self._rules_copy is None:
            self._rules_copy = self._rules.copy()
        return self._rules_copy

    def holds(self, rule: str) -> bool:
        """Whether some line's rule is ``rule`` now (read in C, without a copy of the rules)."""
        return rule in self._rules
