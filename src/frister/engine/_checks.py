"""Input checks: every event kind known, every fact declared and of its type; else a clear error."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

import attrs

from frister.case import (
    Case,
    Event,
    parse_date,
)
from frister.errors import FactError, InputTypeError, UnknownEventKindError, did_you_mean
from frister.rules import (
    CatalogData,
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
    """The value is of the fact's type and, for a closed text, one of its values.

    Returns the value; a date fact given as an ISO text ('2024-08-29') is read strictly
    into a date, as in a case file.
    """
    kind = spec.type
    if kind is FactType.DATE and isinstance(value, str):
        return parse_date(value, field)
    if not _OF_TYPE[kind](value):
        raise FactError(field, value, f"expected a {kind.value} fact")
    if spec.values and value not in spec.values:
        hint = did_you_mean(value, spec.values)
        raise FactError(field, value, f"expected one of {', '.join(spec.values)}{hint}")
    return value


def check_case(catalog: CatalogData, case: Case) -> Case:
    """Every event kind known, every fact declared and of its type; else a clear error.

    Returns the case, or a copy with its ISO-text date facts read into dates.
    """
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
        if check_fact(spec, value, f"case.facts.{name}") is not value:
            read = {n: check_fact(catalog.case_facts[n], v, n) for n, v in case.facts.items()}
            case = attrs.evolve(case, facts=read)
            break
    events = list(case.events)
    for i, event in enumerate(events):
        kind = catalog.events.get(event.kind)
        if kind is None or not _plainly_valid(kind.facts, event.facts):
            events[i] = check_event(catalog, event, f"events[{i}]")
    if any(new is not old for new, old in zip(events, case.events, strict=True)):
        case = attrs.evolve(case, events=events)
    return case


def _plainly_valid(specs: Mapping[str, FactSpec], facts: Mapping[str, Any]) -> bool:
    """Every fact declared, of its type and allowed value, needing no reading (an ISO date
    text): the common case, checked without writing a field name for an error."""
    for name, value in facts.items():
        spec = specs.get(name)
        if spec is None or not _OF_TYPE[spec.type](value):
            return False
        if spec.values and value not in spec.values:
            return False
    return True


def check_event(catalog: CatalogData, event: Event, field: str) -> Event:
    """The event's kind is declared and its facts are declared with the right types.

    Returns the event, or a copy with its ISO-text date facts read into dates.
    """
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
        if check_fact(spec, value, f"{field}.facts.{name}") is not value:
            read = {n: check_fact(kind.facts[n], v, n) for n, v in event.facts.items()}
            return attrs.evolve(event, facts=read)
    return event
