"""Line rules of the cleaner, in the order they are tried: the site's prompts, then the stamps around a story."""

from __future__ import annotations

import re

from newsdrop.text.prompt_rules import PROMPT_KEY_GUARDS, PROMPT_RULES, PROMPT_STEM_GUARDS
from newsdrop.text.rule_registry import LineRule
from newsdrop.text.stamp_rules import STAMP_ASCII_KEY_SCANS, STAMP_KEY_GUARDS, STAMP_RULES, STAMP_STEM_GUARDS

__all__ = ["ASCII_KEY_SCANS", "KEY_GUARDS", "RULES", "STEM_GUARDS", "LineRule"]

# The first rule that claims a line names it (``rule_dispatch.first_rule``): this order is part of the output.
RULES: list[LineRule] = [*PROMPT_RULES, *STAMP_RULES]

# The fast path of ``rule_dispatch.first_rule``. Each rule named here claims a line only when one of its patterns
# matches the line's key at its start (its test requires one), so one combined match that fails rules them
# all out at once: most lines are text, which no rule claims. A rule not named here always runs its test.
# Changing a named rule's test to claim lines none of its patterns match means changing its entry too.
KEY_GUARDS: dict[str, tuple[re.Pattern[str], ...]] = {**PROMPT_KEY_GUARDS, **STAMP_KEY_GUARDS}

# Likewise each rule named here claims a line only when its key holds one of these stems (its test tests them
# first), so one search that finds none rules them all out.
STEM_GUARDS: dict[str, tuple[str, ...]] = {**PROMPT_STEM_GUARDS, **STAMP_STEM_GUARDS}

# Likewise each rule named here claims a line whose key is ASCII only when one of these RE2 searches matches the key
# (lower case, single plain spaces: the searches may be looser than the test, never stricter), so the scan that
# answers the guards above rules it out where none does. Other keys always run its test.
ASCII_KEY_SCANS: dict[str, tuple[str, ...]] = {**STAMP_ASCII_KEY_SCANS}
