"""Rules (NC301-NC305): claims against rule files: reference facts, possible bounds, subject dimensions, event dates and durations.

Every finding cites its rule: ``evidence = {"rule", "file", "line", "source"}``.
Subjects match by folded phrase, alias and head noun (``RuleSet.subject_keys``);
where a rule has ``context`` words, one must be in the claim's sentence.  When
in doubt these checks stay silent: a wrong rule finding costs more trust than
a missed one.
"""
from __future__ import annotations

from ._common import facts_about

__all__ = ["facts_about"]
