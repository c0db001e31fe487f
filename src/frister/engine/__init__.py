"""The engine: which obligations a case gave rise to, when each is due, and why.

One module per idea, imported in this order: the evaluation context
(``_context``), input checks, derived events, law versions, due dates,
settling an occurrence, one strategy per shape, and the evaluation itself.
"""

from frister.engine._context import YearReading
from frister.engine._evaluate import evaluate
from frister.engine._readings import (
    OpenQuestion,
    Reading,
    ReadingDue,
    Readings,
    obligation_readings,
    open_questions,
)
from frister.engine._requirements import FactRequirement, rule_requirements
from frister.engine._rule_deadline import RuleDeadline, rule_deadline

__all__ = [
    "FactRequirement",
    "OpenQuestion",
    "Reading",
    "ReadingDue",
    "Readings",
    "RuleDeadline",
    "YearReading",
    "evaluate",
    "obligation_readings",
    "open_questions",
    "rule_deadline",
    "rule_requirements",
]
