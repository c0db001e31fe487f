"""Input checks: every event kind known, every fact declared and of its type; else a clear error."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from frister.case import (
    Case,
    Event,
)
from frister.errors import FactError, InputTypeError, UnknownEventKindError, did_you_mean
from frister.rules._catalog import CatalogData
from frister.rules._model import (
    FactSpec,
    FactType,
)

_OF_TYPE: dict[FactType, Callable[[object], bool]] = {
    FactType.TEXT: lambda value: isinstance(value, str),
    FactType.BOOL: lambda value: isinstance(value, bool),
    FactType.DATE: lambda value: isinstance(value, date) and not isinstance(value, datetime),
    FactType.INT: lambda value: type(value) is int,
}


def check_fact(spec: FactSpec, value: object, field: str) -> Any:
    """The value is of the fact's type and, for a closed text, one of its values."""
    kind = spec.type
    if not _OF_TYPE[kind](value):
        raise FactError(field, value, f"expected a {kind.value} fact")
    if spec.values and value not in spec.values:
        hint = did_you_mean(value, spec.values)
        raise FactError(field, value, f"expected one of {', '.join(spec.values)}{hint}")
    return value


def check_case(catalog: CatalogData, case: Case) -> None:
    """Every event kind known, every fact declared and of its type; else a clear error."""
    if not isinstance(case, Case):
        raise InputTypeError("case", case, "expected frister.Case")
    for name, value in case.facts.items():
        spec = catalog.case_facts.get(name)
        if spec is None or spec.derived:
            known = ", ".join(n for n, s in catalog.case_facts.items() if not s.derived)
            hint = did_you_mean(name, (n for n, s in catalog.case_facts.items() if not s.derived))
            raise FactError(
                f"case.facts.{name}", value, f"not a case fact{hint}; case facts are {known}"
            )
        check_fact(spec, value, f"case.facts.{name}")
    for index, event in enumerate(case.events):
        check_event(catalog, event, f"events[{index}]")


def check_event(catalog: CatalogData, event: Event, field: str) -> None:
    """The event's kind is declared and its facts are declared with the right types."""
    kind = catalog.events.get(event.kind)
    if kind is None:
        hint = did_you_mean(event.kind, catalog.events)
        raise UnknownEventKindError(
            f"{field}.kind",
            event.kind,
            f"unknown event kind{hint} (the vocabulary is in catalog.events)",
        )
    for name, value in event.facts.items():
        spec = kind.facts.get(name)
        if spec is None:
            known = ", ".join(kind.facts) or "none"
            hint = did_you_mean(name, kind.facts)
            raise FactError(
                f"{field}.facts.{name}",
                value,
                f"not a fact of {event.kind}{hint}; its facts are {known}",
            )
        check_fact(spec, value, f"{field}.facts.{name}")
