"""The rule model: obligations, their law versions, conditions and the event vocabulary.

The catalog files (TOML, see docs/catalog-format.md) load into these frozen
objects; the engine (:mod:`frister.engine`) gives them meaning.
"""

from frister.rules._catalog import CatalogData
from frister.rules._model import (
    SHAPE_TITLES,
    Alternative,
    Citation,
    Condition,
    ConfiguredDurations,
    Derivation,
    EventKind,
    FactSpec,
    FactType,
    FactWords,
    Frequency,
    Law,
    ObligationRule,
    OpenWhile,
    Operator,
    Question,
    RuleVersion,
    Shape,
    Text,
)

__all__ = [
    "SHAPE_TITLES",
    "Alternative",
    "CatalogData",
    "Citation",
    "Condition",
    "ConfiguredDurations",
    "Derivation",
    "EventKind",
    "FactSpec",
    "FactType",
    "FactWords",
    "Frequency",
    "Law",
    "ObligationRule",
    "OpenWhile",
    "Operator",
    "Question",
    "RuleVersion",
    "Shape",
    "Text",
]
