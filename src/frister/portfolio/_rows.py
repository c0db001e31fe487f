"""A portfolio's result: a row per obligation occurrence, stored by column, built on access.

A municipality's 100,000 cases give millions of rows, so rows are not kept as
objects. Texts that repeat (rule, event kind, version, status) are codes into
small tables, moments are one 64-bit integer each, case data is kept once per
case; a :class:`PortfolioRow` is made when asked for. About 60 bytes a row.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, tzinfo
from types import MappingProxyType
from typing import Any

import attrs

from frister.case import Obligation, Status
from frister.catalog import Catalog
from frister.errors import DateOutOfRangeError, FristerError
from frister.explain import NO_DUE_REASONS
from frister.portfolio._records import CaseRecord
from frister.rules import Shape

Moment = date | datetime

_MEASURE_FACT = "indsats_id"
_TYPE_FACT = "type"


@attrs.frozen
class PortfolioRow:
    """One occurrence of an obligation in one case, with the case's management data."""

    case_id: str
    caseworker: str | None
    unit: str | None
    labels: Mapping[str, str] = attrs.field(hash=False)
    rule_id: str
    stage: str
    shape: Shape
    occurrence: int
    trigger_kind: str
    trigger_at: Moment
    due: Moment | None
    practical_due: Moment | None
    status: Status
    fulfilled_at: Moment | None
    ended_at: Moment | None
    version_id: str
    measure_id: str | None
    """The ``indsats_id`` fact of the triggering event, where it has one."""
    no_due_reason: str | None
    """Why there is no due date (``"next-not-set"``: no next follow-up set, and the rest of
    :data:`frister.explain.NO_DUE_REASONS`), None when there is one."""
    linked_on_trust: bool = False
    """The fulfilling or ending event was counted as the trigger's matter although only one
    of the two gave the link fact (see :attr:`frister.Obligation.linked_on_trust`)."""

    @classmethod
    def from_obligation(
        cls, record: CaseRecord, obligation: Obligation, catalog: Catalog
    ) -> PortfolioRow:
        """The row of one obligation of ``record`` (as ``catalog.evaluate`` gave it)."""
        rule = catalog.get(obligation.rule_id)
        measure = obligation.trigger.facts.get(_MEASURE_FACT)
        return cls(
            case_id=record.id,
            caseworker=record.caseworker,
            unit=record.unit,
            labels=record.labels,
            rule_id=obligation.rule_id,
            stage=rule.stage,
            shape=rule.shape,
            occurrence=obligation.occurrence,
            trigger_kind=obligation.trigger.kind,
            trigger_at=obligation.trigger.at,
            due=obligation.due,
            practical_due=obligation.practical_due,
            status=obligation.status,
            fulfilled_at=obligation.fulfilled_at,
            ended_at=obligation.ended_at,
            version_id=obligation.version.id,
            measure_id=measure if isinstance(measure, str) else None,
            no_due_reason=obligation.no_due_reason,
            linked_on_trust=bool(obligation.linked_on_trust),
        )

    def to_json(self) -> dict[str, Any]:
        """The row as JSON-ready data: moments as ISO texts, enums as their values."""
        return {
            "case_id": self.case_id,
            "caseworker": self.caseworker,
            "unit": self.unit,
            "labels": dict(self.labels),
            "rule_id": self.rule_id,
            "stage": self.stage,
            "shape": self.shape.value,
            "occurrence": self.occurrence,
            "trigger_kind": self.trigger_kind,
            "trigger_at": self.trigger_at.isoformat(),
            "due": _iso(self.due),
            "practical_due": _iso(self.practical_due),
            "status": self.status.value,
            "fulfilled_at": _iso(self.fulfilled_at),
            "ended_at": _iso(self.ended_at),
            "version_id": self.version_id,
            "measure_id": self.measure_id,
            "no_due_reason": self.no_due_reason,
            "linked_on_trust": self.linked_on_trust,
        }


ROW_FIELDS: tuple[str, ...] = tuple(f.name for f in attrs.fields(PortfolioRow))
"""The columns of a row, in order (``labels`` is one mapping; tables spread it out)."""


def _iso(moment: Moment | None) -> str | None:
    return moment.isoformat() if moment is not None else None


@attrs.frozen
class CaseFailure:
    """A case that could not be evaluated: its id, the error's class name and message."""

    case_id: str
    error: str
    message: str

    @classmethod
    def of(cls, case_id: str, error: FristerError) -> CaseFailure:
        """The failure for ``error`` raised by the case ``case_id``."""
        return cls(case_id, type(error).__name__, str(error))


# -- moments as integers ----------------------------------------------------------------
#
# 0 is None; a date is minus its ordinal; an aware datetime is positive:
# 1 + (local microseconds since 1800-01-01 << 9 | fold << 8 | zone code), where
# the zone code indexes the table's time zones. The local fields, fold and
# tzinfo come back exactly, so a row's moment equals (and prints as) the engine's.

_EPOCH_ORDINAL = date(1800, 1, 1).toordinal()
_DAY_US = 86_400_000_000
_MAX_ZONES = 256
_MAX_LOCAL_US = (1 << 54) - 1  # year 2370 or so; the engine stops at 2200


def _local_us(moment: datetime) -> int:
    seconds = moment.hour * 3600 + moment.minute * 60 + moment.second
    days = moment.toordinal() - _EPOCH_ORDINAL
    return days * _DAY_US + seconds * 1_000_000 + moment.microsecond


def decode(code: int, zones: Sequence[tzinfo]) -> Moment | None:
    if code == 0:
        return None
    if code < 0:
        return date.fromordinal(-code)
    code -= 1
    zone = zones[code & 0xFF]
    fold = (code >> 8) & 1
    days, rest = divmod(code >> 9, _DAY_US)
    seconds, micro = divmod(rest, 1_000_000)
    minutes, second = divmod(seconds, 60)
    hour, minute = divmod(minutes, 60)
    day = date.fromordinal(days + _EPOCH_ORDINAL)
    return datetime(
        day.year, day.month, day.day, hour, minute, second, micro, tzinfo=zone, fold=fold
    )


def _codes(values: Iterable[str]) -> dict[str, int]:
    return {value: code for code, value in enumerate(values)}


# -- the table ---------------------------------------------------------------------------


@attrs.define(eq=False)
class Table:
    """Rows by column, filled case by case; frozen by convention once a result holds it.

    Rule, event kind and version codes start from the catalog's own order, so
    tables built from the same catalog in different processes share their codes
    and merge without translation.
    """

    rules: list[tuple[str, str, Shape]]
    kinds: list[str]
    versions: list[str]
    zones: list[tzinfo] = attrs.field(factory=list)
    # per case
    case_ids: list[str] = attrs.field(factory=list)
    caseworkers: list[str | None] = attrs.field(factory=list)
    units: list[str | None] = attrs.field(factory=list)
    labels: list[tuple[tuple[str, str], ...]] = attrs.field(factory=list)
    ends: array[int] = attrs.field(factory=lambda: array("q"))
    # per row
    rule: array[int] = attrs.field(factory=lambda: array("H"))
    occurrence: array[int] = attrs.field(factory=lambda: array("I"))
    trigger_kind: array[int] = attrs.field(factory=lambda: array("H"))
    trigger_at: array[int] = attrs.field(factory=lambda: array("q"))
    due: array[int] = attrs.field(factory=lambda: array("q"))
    practical_due: array[int] = attrs.field(factory=lambda: array("q"))
    status: array[int] = attrs.field(factory=lambda: array("B"))
    fulfilled_at: array[int] = attrs.field(factory=lambda: array("q"))
    ended_at: array[int] = attrs.field(factory=lambda: array("q"))
    version: array[int] = attrs.field(factory=lambda: array("H"))
    measure: list[str | None] = attrs.field(factory=list)
    measure_type: array[int] = attrs.field(factory=lambda: array("B"))
    """Per row, a code into ``types``: the triggering event's ``type`` fact (0: none); one
    byte a row until a table has more than 255 types, then two."""
    types: list[str | None] = attrs.field(factory=lambda: [None])
    no_due: array[int] = attrs.field(factory=lambda: array("B"))
    """Per row, a code into :data:`NO_DUE`: why the row has no due date (0: it has one)."""
    trusted: array[int] = attrs.field(factory=lambda: array("B"))
    """Per row, 1 when the fulfilling or ending event was linked on trust."""
    # lookups, rebuilt when needed (not pickled)
    _rule_codes: dict[tuple[str, str, Shape], int] | None = attrs.field(default=None, repr=False)
    _kind_codes: dict[str, int] | None = attrs.field(default=None, repr=False)
    _version_codes: dict[str, int] | None = attrs.field(default=None, repr=False)
    _zone_codes: dict[tzinfo, int] | None = attrs.field(default=None, repr=False)
    _type_codes: dict[str | None, int] | None = attrs.field(default=None, repr=False)
    _texts: dict[str, str] | None = attrs.field(default=None, repr=False)
    _labelsets: dict[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]] | None = attrs.field(
        default=None, repr=False
    )

    @classmethod
    def for_catalog(cls, catalog: Catalog) -> Table:
        """An empty table whose codes follow ``catalog``'s rules, event kinds and versions."""
        rules = [(rule.id, rule.stage, rule.shape) for rule in catalog.rules.values()]
        versions = [v.id for rule in catalog.rules.values() for v in rule.versions]
        return cls(rules=rules, kinds=list(catalog.events), versions=versions)

    def __getstate__(self) -> dict[str, Any]:
        state = {f.name: getattr(self, f.name) for f in attrs.fields(Table)}
        return {k: v for k, v in state.items() if not k.startswith("_")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for f in attrs.fields(Table):
            object.__setattr__(self, f.name, state.get(f.name))

    # -- sizes -----------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """How many rows."""
        return self.ends[-1] if self.ends else 0

    # -- codes -----------------------------------------------------------------------

    def _code(self, key: str, table: list[str], codes: dict[str, int]) -> int:
        code = codes.get(key)
        if code is None:
            code = codes[key] = len(table)
            table.append(key)
        return code

    def _rule_code(self, rule: tuple[str, str, Shape]) -> int:
        if self._rule_codes is None:
            self._rule_codes = {r: c for c, r in enumerate(self.rules)}
        code = self._rule_codes.get(rule)
        if code is None:
            code = self._rule_codes[rule] = len(self.rules)
            self.rules.append(rule)
        return code

    def _kind_code(self, kind: str) -> int:
        if self._kind_codes is None:
            self._kind_codes = _codes(self.kinds)
        return self._code(kind, self.kinds, self._kind_codes)

    def _version_code(self, version: str) -> int:
        if self._version_codes is None:
            self._version_codes = _codes(self.versions)
        return self._code(version, self.versions, self._version_codes)

    def _type_code(self, kind: str | None) -> int:
        if self._type_codes is None:
            self._type_codes = {t: c for c, t in enumerate(self.types)}
        code = self._type_codes.get(kind)
        if code is None:
            code = self._type_codes[kind] = len(self.types)
            self.types.append(kind)
        return code

    def _zone_code(self, zone: tzinfo) -> int:
        if self._zone_codes is None:
            self._zone_codes = {z: c for c, z in enumerate(self.zones)}
        code = self._zone_codes.get(zone)
        if code is None:
            code = len(self.zones)
            if code >= _MAX_ZONES:
                raise FristerError(
                    f"more than {_MAX_ZONES} different time zones in one portfolio result"
                )
            self._zone_codes[zone] = code
            self.zones.append(zone)
        return code

    def _moment(self, moment: Moment | None, field: str) -> int:
        if moment is None:
            return 0
        if not isinstance(moment, datetime):
            return -moment.toordinal()
        assert moment.tzinfo is not None  # the engine gives aware moments only
        local = _local_us(moment)
        if not 0 <= local <= _MAX_LOCAL_US:
            raise DateOutOfRangeError(field, moment, "outside what a portfolio result can hold")
        return ((local << 9) | (moment.fold << 8) | self._zone_code(moment.tzinfo)) + 1

    def _text(self, text: str | None) -> str | None:
        if text is None:
            return None
        if self._texts is None:
            self._texts = {}
        return self._texts.setdefault(text, text)

    def _labelset(self, labels: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
        if self._labelsets is None:
            self._labelsets = {}
        return self._labelsets.setdefault(labels, labels)

    # -- filling ---------------------------------------------------------------------

    def add(self, record: CaseRecord, obligations: Iterable[Obligation], catalog: Catalog) -> None:
        """Append one case and the rows of its obligations."""
        rules = catalog.rules
        for ob in obligations:
            rule = rules[ob.rule_id]
            self.rule.append(self._rule_code((rule.id, rule.stage, rule.shape)))
            self.occurrence.append(ob.occurrence)
            self.trigger_kind.append(self._kind_code(ob.trigger.kind))
            self.trigger_at.append(self._moment(ob.trigger.at, "trigger_at"))
            self.due.append(self._moment(ob.due, "due"))
            self.practical_due.append(self._moment(ob.practical_due, "practical_due"))
            self.status.append(STATUS_CODES[ob.status])
            self.fulfilled_at.append(self._moment(ob.fulfilled_at, "fulfilled_at"))
            self.ended_at.append(self._moment(ob.ended_at, "ended_at"))
            self.version.append(self._version_code(ob.version.id))
            measure = ob.trigger.facts.get(_MEASURE_FACT)
            self.measure.append(measure if isinstance(measure, str) else None)
            kind = ob.trigger.facts.get(_TYPE_FACT)
            self.measure_type.append(self._type_code(kind if isinstance(kind, str) else None))
            self.no_due.append(NO_DUE_CODES[ob.no_due_reason])
            self.trusted.append(1 if ob.linked_on_trust else 0)
        if len(self.types) > 256 and self.measure_type.typecode == "B":  # pragma: no cover
            self.measure_type = array("H", self.measure_type)
        self.case_ids.append(record.id)
        self.caseworkers.append(self._text(record.caseworker))
        self.units.append(self._text(record.unit))
        self.labels.append(self._labelset(tuple(sorted(record.labels.items()))))
        self.ends.append(len(self.rule))

    def extend(self, other: Table) -> None:
        """Append all of ``other``'s cases and rows, translating its codes where they differ."""
        offset = self.row_count
        self.case_ids.extend(other.case_ids)
        self.caseworkers.extend(self._text(t) for t in other.caseworkers)
        self.units.extend(self._text(t) for t in other.units)
        self.labels.extend(self._labelset(ls) for ls in other.labels)
        self.ends.extend(end + offset for end in other.ends)
        _extend(self.rule, other.rule, [self._rule_code(r) for r in other.rules])
        self.occurrence.extend(other.occurrence)
        _extend(self.trigger_kind, other.trigger_kind, [self._kind_code(k) for k in other.kinds])
        self.status.extend(other.status)
        _extend(self.version, other.version, [self._version_code(v) for v in other.versions])
        self.measure.extend(other.measure)
        type_codes = [self._type_code(t) for t in other.types]
        if len(self.types) > 256 and self.measure_type.typecode == "B":  # pragma: no cover
            self.measure_type = array("H", self.measure_type)
        _extend(self.measure_type, other.measure_type, type_codes)
        self.no_due.extend(other.no_due)  # fixed codes: the same in every table
        self.trusted.extend(other.trusted)
        zones = [self._zone_code(z) for z in other.zones]
        for name in ("trigger_at", "due", "practical_due", "fulfilled_at", "ended_at"):
            _extend_moments(getattr(self, name), getattr(other, name), zones)

    # -- reading ---------------------------------------------------------------------

    def row(self, index: int) -> PortfolioRow:
        """The row at ``index`` (0 <= index < row_count)."""
        case = bisect.bisect_right(self.ends, index)
        return self._row(index, case, _mapping(self.labels[case]))

    def iter_rows(self, start: int = 0) -> Iterator[PortfolioRow]:
        """The rows in order, from ``start``."""
        first_case = bisect.bisect_right(self.ends, start) if start else 0
        mappings: dict[tuple[tuple[str, str], ...], Mapping[str, str]] = {}
        for case in range(first_case, len(self.ends)):
            end = self.ends[case]
            first = max(start, self.ends[case - 1] if case else 0)
            labelset = self.labels[case]
            labels = mappings.get(labelset)
            if labels is None:
                labels = mappings[labelset] = _mapping(labelset)
            for index in range(first, end):
                yield self._row(index, case, labels)

    def _row(self, index: int, case: int, labels: Mapping[str, str]) -> PortfolioRow:
        rule_id, stage, shape = self.rules[self.rule[index]]
        zones = self.zones
        trigger_at = decode(self.trigger_at[index], zones)
        assert trigger_at is not None
        return PortfolioRow(
            case_id=self.case_ids[case],
            caseworker=self.caseworkers[case],
            unit=self.units[case],
            labels=labels,
            rule_id=rule_id,
            stage=stage,
            shape=shape,
            occurrence=self.occurrence[index],
            trigger_kind=self.kinds[self.trigger_kind[index]],
            trigger_at=trigger_at,
            due=decode(self.due[index], zones),
            practical_due=decode(self.practical_due[index], zones),
            status=STATUSES[self.status[index]],
            fulfilled_at=decode(self.fulfilled_at[index], zones),
            ended_at=decode(self.ended_at[index], zones),
            version_id=self.versions[self.version[index]],
            measure_id=self.measure[index],
            no_due_reason=NO_DUE[self.no_due[index]],
            linked_on_trust=bool(self.trusted[index]),
        )

    def nbytes(self) -> int:
        """The bytes the per-row columns take (the arrays and the measure list's slots)."""
        arrays = (self.rule, self.occurrence, self.trigger_kind, self.trigger_at, self.due)
        more = (self.practical_due, self.status, self.fulfilled_at, self.ended_at, self.version)
        types = (self.measure_type, self.no_due, self.trusted)
        return sum(a.itemsize * len(a) for a in (*arrays, *more, *types)) + 8 * len(self.measure)


STATUSES = tuple(Status)
NO_DUE: tuple[str | None, ...] = (None, *sorted(NO_DUE_REASONS))
"""The reasons a row may have no due date, by code; 0 is a row with a due date."""
NO_DUE_CODES = {reason: code for code, reason in enumerate(NO_DUE)}
STATUS_CODES = {status: code for code, status in enumerate(STATUSES)}


def _mapping(labelset: tuple[tuple[str, str], ...]) -> Mapping[str, str]:
    return MappingProxyType(dict(labelset))


def _extend(target: array[int], source: array[int], codes: list[int]) -> None:
    if codes == list(range(len(codes))):
        target.extend(source)
    else:
        target.extend(codes[code] for code in source)


def _extend_moments(target: array[int], source: array[int], zones: list[int]) -> None:
    if zones == list(range(len(zones))):
        target.extend(source)
        return
    target.extend(((((v - 1) & ~0xFF) | zones[(v - 1) & 0xFF]) + 1) if v > 0 else v for v in source)


# -- the result --------------------------------------------------------------------------
