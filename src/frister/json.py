"""JSON forms of frister's values, both ways: cases in, obligations and explanations out.

Dates are ISO strings; datetimes carry their UTC offset. Reading JSON back
needs the catalog, which knows each fact's type and each version by id.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta
from functools import singledispatch
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, get_args

import attrs

from frister.calendar import ClosedDay, ClosedDayKind, Language
from frister.case import (
    Case,
    Event,
    Moment,
    Obligation,
    Status,
    parse_date,
    parse_moment,
)
from frister.deadlines import (
    Deadline,
    Direction,
    Duration,
    ExpiryAction,
    MonthDayKind,
    Step,
    Unit,
)
from frister.engine import Readings, open_questions
from frister.errors import InputError, InputTypeError, did_you_mean
from frister.explain import Note, no_due_reason
from frister.rules import FactType, Text

if TYPE_CHECKING:
    from frister.catalog import Catalog


# -- to JSON ---------------------------------------------------------------------------


@singledispatch
def to_jsonable(value: object) -> Any:
    """Turn frister values (steps, dates, enums, tuples) into JSON-ready data."""
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


def event_to_json(event: Event) -> dict[str, Any]:
    """An event as {"kind", "at", "facts"}."""
    return {
        "kind": event.kind,
        "at": event.at.isoformat(),
        "facts": {name: _plain(value) for name, value in event.facts.items()},
    }


def case_to_json(case: Case) -> dict[str, Any]:
    """A case as {"facts", "events"}."""
    return {
        "facts": {name: _plain(value) for name, value in case.facts.items()},
        "events": [event_to_json(event) for event in case.events],
    }


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def _tagged(value: object) -> object:
    """Note values keep their type: dates are tagged so they come back as dates."""
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, Text):
        return {"da": value.da, "en": value.en}
    return value


def obligation_to_json(
    obligation: Obligation, *, readings: Readings | None = None
) -> dict[str, Any]:
    """An obligation with everything needed to read it back, and its explanations.

    With ``readings`` (``catalog.readings(case, obligation)``) it also has ``"readings"``:
    the date under every reading of each open question that touches it, the readings
    frister used, those awaiting a legal source, and the safe date (see
    :func:`readings_to_json`). Readings are computed only when asked, so without them the
    key is left out; :func:`obligation_from_json` does not read it back.
    """
    data = {
        "rule_id": obligation.rule_id,
        "occurrence": obligation.occurrence,
        "version": obligation.version.id,
        "trigger": event_to_json(obligation.trigger),
        "due": _moment_or_none(obligation.due),
        "practical_due": _moment_or_none(obligation.practical_due),
        "status": obligation.status.value,
        "as_of": obligation.as_of.isoformat(),
        "fulfilled_by": _event_or_none(obligation.fulfilled_by),
        "ended_by": _event_or_none(obligation.ended_by),
        "deadline": _deadline_data(obligation.deadline),
        "notes": [
            {"kind": n.kind, "values": {k: _tagged(v) for k, v in n.values.items()}}
            for n in obligation.notes
        ],
        "explanation": {"da": obligation.explain("da"), "en": obligation.explain("en")},
    }
    if readings is not None:
        data["readings"] = readings_to_json(readings)
    return data


def readings_to_json(readings: Readings) -> dict[str, Any]:
    """Readings as JSON: ``safe_due``, ``protects`` (``authority``: the safe date is the
    earliest; ``citizen``: the latest), ``dates`` (``question/reading`` → ISO date, null
    where the reading awaits a legal source or gives no date), ``used`` (the readings
    frister computes its due date with) and ``awaiting`` (not computed). Empty ``dates``:
    no open question changes this deadline."""
    return {
        "safe_due": _moment_or_none(readings.safe_due),
        "protects": readings.protects,
        "dates": {r.key: _moment_or_none(r.due) for r in readings.results},
        "used": [r.key for r in readings.results if r.reading.used],
        "awaiting": [r.key for r in readings.awaiting],
    }


def _moment_or_none(moment: Moment | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _event_or_none(event: Event | None) -> dict[str, Any] | None:
    return event_to_json(event) if event is not None else None


def _deadline_data(deadline: Deadline | None) -> dict[str, Any] | None:
    if deadline is None:
        return None
    return {
        "due": deadline.due.isoformat(),
        "practical_due": deadline.practical_due.isoformat(),
        "steps": to_jsonable(deadline.steps),
    }


# -- from JSON -------------------------------------------------------------------------


def _fact_from_json(kind: FactType, value: object, field: str) -> object:
    if kind is FactType.DATE and isinstance(value, str):
        return parse_date(value, field)
    return value


def event_from_json(data: object, catalog: Catalog, field: str = "event") -> Event:
    """An event from {"kind", "at", "facts"}, date facts read by their declared type."""
    table = _mapping(data, field)
    _only(table, {"kind", "at", "facts"}, field)
    kind = table.get("kind")
    if not isinstance(kind, str):
        raise InputTypeError(f"{field}.kind", kind, "expected an event kind text")
    facts = _mapping(table.get("facts", {}), f"{field}.facts")
    specs = catalog.events[kind].facts if kind in catalog.events else {}
    typed = {
        name: _fact_from_json(specs[name].type, value, f"{field}.facts.{name}")
        if name in specs
        else value
        for name, value in facts.items()
    }
    return Event(kind, parse_moment(table.get("at"), f"{field}.at"), typed)


CASE_KEYS: Final = ("events", "facts", "as_of", "id", "title", "description")
"""The keys a case file may have: its events and facts, and for people and the command line
the evaluation date, an id, a title and a description."""


def case_from_json(data: object, catalog: Catalog) -> Case:
    """A case from {"facts", "events"}; "id", "title", "description" and "as_of" may come too.

    Any other key is refused (a misspelt "evnets" would otherwise be a case without
    events), and so is a case without "events".
    """
    table = _mapping(data, "case")
    for key in table:
        if key not in CASE_KEYS:
            hint = did_you_mean(key, CASE_KEYS)
            raise InputError(
                f"case.{key}", table[key], f"unknown key{hint}; a case has {', '.join(CASE_KEYS)}"
            )
    if "events" not in table:
        raise InputError("case.events", None, "missing: a case file needs a list of events")
    facts = _mapping(table.get("facts", {}), "case.facts")
    typed = {
        name: _fact_from_json(catalog.case_facts[name].type, value, f"case.facts.{name}")
        if name in catalog.case_facts
        else value
        for name, value in facts.items()
    }
    events = table.get("events", [])
    if not isinstance(events, list):
        raise InputTypeError("case.events", events, "expected a list of events")
    return Case(
        [event_from_json(e, catalog, f"case.events[{i}]") for i, e in enumerate(events)],
        typed,
    )


def obligation_from_json(data: object, catalog: Catalog) -> Obligation:
    """An obligation written by :func:`obligation_to_json`, read back against ``catalog``."""
    table = _mapping(data, "obligation")
    rule = catalog.get(table["rule_id"])
    version = catalog.version(table["version"])
    notes = tuple(
        Note(n["kind"], {k: _untagged(v) for k, v in n["values"].items()})
        for n in table.get("notes", [])
    )
    return Obligation(
        rule_id=rule.id,
        title=rule.title,
        occurrence=int(table["occurrence"]),
        trigger=event_from_json(table["trigger"], catalog, "trigger"),
        version=version,
        due=_optional_moment(table.get("due"), "due"),
        practical_due=_optional_moment(table.get("practical_due"), "practical_due"),
        status=Status(table["status"]),
        as_of=parse_moment(table["as_of"], "as_of"),
        fulfilled_by=_optional_event(table.get("fulfilled_by"), catalog, "fulfilled_by"),
        ended_by=_optional_event(table.get("ended_by"), catalog, "ended_by"),
        deadline=_deadline_from(table.get("deadline")),
        notes=notes,
        conditions=version.when,
        questions=version.questions,
        no_due_reason=no_due_reason(notes) if table.get("due") is None else None,
        linked_on_trust=tuple(
            dict.fromkeys(
                fact
                for n in notes
                if n.kind == "link-assumed"
                for fact in str(n.values["facts"]).split(", ")
            )
        ),
    )


def _optional_moment(value: object, field: str) -> Moment | None:
    return None if value is None else parse_moment(value, field)


def _optional_event(value: object, catalog: Catalog, field: str) -> Event | None:
    return None if value is None else event_from_json(value, catalog, field)


def _untagged(value: object) -> object:
    if isinstance(value, dict):
        if set(value) == {"date"}:
            return date.fromisoformat(value["date"])
        if set(value) == {"datetime"}:
            return datetime.fromisoformat(value["datetime"])
        if set(value) == {"da", "en"}:
            return Text(value["da"], value["en"])
    return value


def _deadline_from(data: object) -> Deadline | None:
    if data is None:
        return None
    table = _mapping(data, "deadline")
    return Deadline(
        due=parse_moment(table["due"], "deadline.due"),
        practical_due=parse_moment(table["practical_due"], "deadline.practical_due"),
        steps=tuple(_step_from(step) for step in table["steps"]),
    )


def _closed_day(data: Mapping[str, Any]) -> ClosedDay:
    return ClosedDay(
        date.fromisoformat(data["date"]), data["name"], data["name_en"], ClosedDayKind(data["kind"])
    )


def _duration_from(data: Mapping[str, Any]) -> Duration:
    return Duration(data["amount"], Unit[data["unit"].upper()], wording=data["text"])


_FIELD_READERS: dict[str, Callable[[Any], Any]] = {
    "at": lambda v: parse_moment(v, "at"),
    "result": lambda v: parse_moment(v, "result"),
    "due": lambda v: parse_moment(v, "due"),
    "nominal": date.fromisoformat,
    "to": date.fromisoformat,
    "birth": date.fromisoformat,
    "day": date.fromisoformat,
    "direction": Direction,
    "kind": MonthDayKind,
    "action": ExpiryAction,
    "duration": _duration_from,
    "skipped": lambda v: tuple(_closed_day(d) for d in v),
    "closed": lambda v: tuple(_closed_day(d) for d in v),
    "offset_earlier": lambda v: timedelta(seconds=v),
    "offset_later": lambda v: timedelta(seconds=v),
}

_STEPS: dict[str, type[Step]] = {cls.__name__: cls for cls in get_args(Step)}


def _step_from(data: object) -> Step:
    table = dict(_mapping(data, "step"))
    cls = _STEPS.get(str(table.pop("step", "")))
    if cls is None:
        raise InputError("step", data, f"unknown step; steps are {', '.join(_STEPS)}")
    kwargs = {k: _FIELD_READERS[k](v) if k in _FIELD_READERS else v for k, v in table.items()}
    return cls(**kwargs)


def _mapping(value: object, field: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InputTypeError(field, value, "expected a JSON object")
    return value


def _only(table: Mapping[str, Any], keys: set[str], field: str) -> None:
    for key in table:
        if key not in keys:
            raise InputError(f"{field}.{key}", table[key], f"unknown key; expected {sorted(keys)}")


# -- JSON Schema -----------------------------------------------------------------------

_SCHEMA_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
_DATE_PATTERN: Final = r"^\d{4}-\d{2}-\d{2}$"
_MOMENT_PATTERN: Final = (
    r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$"
)
_SCHEMA_TYPES: Final[dict[FactType, dict[str, Any]]] = {
    FactType.TEXT: {"type": "string"},
    FactType.BOOL: {"type": "boolean"},
    FactType.DATE: {"$ref": "#/$defs/date"},
    FactType.INT: {"type": "integer"},
}


def _fact_schema(spec: Any) -> dict[str, Any]:
    schema: dict[str, Any] = dict(_SCHEMA_TYPES[spec.type])
    if spec.values:
        schema["enum"] = list(spec.values)
    if spec.title is not None:
        schema["description"] = spec.title.en
    return schema


def _event_schemas(catalog: Catalog) -> list[dict[str, Any]]:
    return [
        {
            "type": "object",
            "description": kind.title.en,
            "required": ["kind", "at"],
            "additionalProperties": False,
            "properties": {
                "kind": {"const": name},
                "at": {"$ref": "#/$defs/moment"},
                "facts": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {n: _fact_schema(s) for n, s in kind.facts.items()},
                },
            },
        }
        for name, kind in catalog.events.items()
    ]


def _common_defs() -> dict[str, Any]:
    return {
        "date": {"type": "string", "pattern": _DATE_PATTERN},
        "moment": {
            "type": "string",
            "pattern": _MOMENT_PATTERN,
            "description": "an ISO date, or an ISO datetime with its UTC offset",
        },
    }


def case_schema(catalog: Catalog) -> dict[str, Any]:
    """The JSON Schema (2020-12) of a case file for ``catalog``: its event kinds, their facts
    with types and closed values, and the case facts; what :func:`case_from_json` accepts."""
    text = {"oneOf": [{"type": "string"}, {"type": "object"}]}
    case_facts = {n: _fact_schema(s) for n, s in catalog.case_facts.items() if not s.derived}
    return {
        "$schema": _SCHEMA_DIALECT,
        "title": "frister case file",
        "type": "object",
        "required": ["events"],
        "additionalProperties": False,
        "properties": {
            "events": {"type": "array", "items": {"$ref": "#/$defs/event"}},
            "facts": {"type": "object", "additionalProperties": False, "properties": case_facts},
            "as_of": {"$ref": "#/$defs/moment"},
            "id": {"type": "string"},
            "title": text,
            "description": text,
        },
        "$defs": {**_common_defs(), "event": {"oneOf": _event_schemas(catalog)}},
    }


def obligation_schema(catalog: Catalog) -> dict[str, Any]:
    """The JSON Schema (2020-12) of what :func:`obligation_to_json` writes for ``catalog``."""
    moment_or_null = {"oneOf": [{"$ref": "#/$defs/moment"}, {"type": "null"}]}
    event_or_null = {"oneOf": [{"$ref": "#/$defs/event"}, {"type": "null"}]}
    texts = {
        "type": "object",
        "required": ["da", "en"],
        "additionalProperties": False,
        "properties": {"da": {"type": "string"}, "en": {"type": "string"}},
    }
    deadline = {
        "type": "object",
        "required": ["due", "practical_due", "steps"],
        "additionalProperties": False,
        "properties": {
            "due": {"$ref": "#/$defs/moment"},
            "practical_due": {"$ref": "#/$defs/moment"},
            "steps": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["step"],
                    "properties": {"step": {"enum": list(_STEPS)}},
                },
            },
        },
    }
    return {
        "$schema": _SCHEMA_DIALECT,
        "title": "frister obligation",
        "type": "object",
        "required": [
            "rule_id",
            "occurrence",
            "version",
            "trigger",
            "due",
            "practical_due",
            "status",
            "as_of",
            "fulfilled_by",
            "ended_by",
            "deadline",
            "notes",
            "explanation",
        ],
        "additionalProperties": False,
        "properties": {
            "rule_id": {"enum": list(catalog.rules)},
            "occurrence": {"type": "integer", "minimum": 1},
            "version": {"enum": list(catalog.versions_by_id)},
            "trigger": {"$ref": "#/$defs/event"},
            "due": moment_or_null,
            "practical_due": moment_or_null,
            "status": {"enum": [status.value for status in Status]},
            "as_of": {"$ref": "#/$defs/moment"},
            "fulfilled_by": event_or_null,
            "ended_by": event_or_null,
            "deadline": {"oneOf": [deadline, {"type": "null"}]},
            "notes": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["kind", "values"],
                    "additionalProperties": False,
                    "properties": {"kind": {"type": "string"}, "values": {"type": "object"}},
                },
            },
            "explanation": texts,
            "readings": _readings_schema(),
        },
        "$defs": {**_common_defs(), "event": {"oneOf": _event_schemas(catalog)}},
    }


def _readings_schema() -> dict[str, Any]:
    """What :func:`readings_to_json` writes: every reading of ``readings.toml`` by key."""
    moment_or_null = {"oneOf": [{"$ref": "#/$defs/moment"}, {"type": "null"}]}
    keys = {
        f"{q.id}/{r.id}": f"{q.text.en} {r.text.en}" for q in open_questions() for r in q.readings
    }
    key_list = {"type": "array", "items": {"enum": list(keys)}}
    return {
        "type": "object",
        "description": "only when readings were asked for: the due date under every reading "
        "of each open question that touches the obligation, and the safe date",
        "required": ["safe_due", "protects", "dates", "used", "awaiting"],
        "additionalProperties": False,
        "properties": {
            "safe_due": moment_or_null,
            "protects": {"enum": ["authority", "citizen"]},
            "dates": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    key: {**moment_or_null, "description": text} for key, text in keys.items()
                },
            },
            "used": key_list,
            "awaiting": key_list,
        },
    }


def write_schemas(folder: str | Path, catalog: Catalog) -> list[Path]:
    """Write ``case.schema.json`` and ``obligation.schema.json`` for ``catalog`` into
    ``folder``; the bundled ones (``frister/data/schema``) are those of the default catalog."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in (
        ("case.schema.json", case_schema(catalog)),
        ("obligation.schema.json", obligation_schema(catalog)),
    ):
        path = out / name
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
