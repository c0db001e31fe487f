"""Plain-JSON forms of frister's values: ISO dates, enum values, named fields."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date, timedelta
from functools import singledispatch
from typing import Any

import attrs

from frister._calendar import ClosedDay
from frister._dates import Language
from frister._duration import Duration
from frister._fristberegning import Deadline


@singledispatch
def to_jsonable(value: object) -> Any:
    """Turn frister values (attrs objects, dates, enums, tuples) into JSON-ready data."""
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))  # type: ignore[arg-type]
        return {"step": type(value).__name__} | {
            f.name: to_jsonable(getattr(value, f.name)) for f in fields
        }
    return value


@to_jsonable.register
def _(value: date) -> str:  # datetime too: it is a date
    return value.isoformat()


@to_jsonable.register
def _(value: timedelta) -> float:
    return value.total_seconds()


@to_jsonable.register
def _(value: enum.Enum) -> str:
    return value.name.lower() if isinstance(value.value, tuple) else str(value.value)


@to_jsonable.register
def _(value: Duration) -> dict[str, Any]:
    return {"amount": value.amount, "unit": to_jsonable(value.unit), "text": str(value)}


@to_jsonable.register
def _(value: ClosedDay) -> dict[str, Any]:
    return {
        "date": value.date.isoformat(),
        "name": value.name,
        "name_en": value.name_en,
        "kind": value.kind.value,
    }


@to_jsonable.register(tuple)
@to_jsonable.register(list)
def _(value: Sequence[object]) -> list[Any]:
    return [to_jsonable(item) for item in value]


def deadline_to_json(deadline: Deadline, lang: Language = "da") -> dict[str, Any]:
    """A deadline as JSON: due dates, flag, steps as data and the rendered explanation."""
    return {
        "due": to_jsonable(deadline.due),
        "practical_due": to_jsonable(deadline.practical_due),
        "on_closed_day": deadline.on_closed_day,
        "conventions": [c.id for c in deadline.conventions],
        "steps": to_jsonable(deadline.steps),
        "explanation": deadline.explain(lang),
    }
