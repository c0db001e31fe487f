"""Management information's common parts: periods, fast day numbers, tables as plain data.

Every MI result is a frozen object holding plain values. Each can give its
table as ``records()`` (a list of dicts), ``to_frame()`` (pandas, the
``frister[pandas]`` extra), ``to_json()`` (JSON-ready data with its metadata:
as-of date, cohort, notes, the UNVERIFIED law versions behind it) and
``to_csv()`` (the records as CSV text).
"""

from __future__ import annotations

import calendar
import csv
import io
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

import attrs

from frister.calendar import DanishCalendar
from frister.catalog import Catalog, default_catalog
from frister.deadlines import Mark, Unit, parse_duration
from frister.errors import InputError, InputTypeError
from frister.portfolio._extras import require
from frister.portfolio._rows import Moment, Table

if TYPE_CHECKING:
    import pandas as pd

Cohort = Literal["due", "fulfilled", "triggered"]
COHORTS: tuple[Cohort, ...] = ("due", "fulfilled", "triggered")

_EPOCH_ORDINAL = date(1800, 1, 1).toordinal()
_DAY_US = 86_400_000_000
_CAL = DanishCalendar()


# -- days as ordinals, straight from the stored codes -----------------------------------


def day_of(code: int) -> int:
    """The local calendar day (an ordinal) of a stored moment code; 0 for None."""
    if code <= 0:
        return -code
    return ((code - 1) >> 9) // _DAY_US + _EPOCH_ORDINAL


def day_column(codes: Iterable[int]) -> list[int]:
    """:func:`day_of` for a whole column."""
    epoch = _EPOCH_ORDINAL
    return [-c if c <= 0 else ((c - 1) >> 9) // _DAY_US + epoch for c in codes]


def case_of_rows(table: Table) -> list[int]:
    """For each row, the index of its case."""
    out: list[int] = []
    start = 0
    for case, end in enumerate(table.ends):
        out.extend([case] * (end - start))
        start = end
    return out


def as_day(moment: Moment) -> date:
    """A moment's calendar day (a datetime's local date)."""
    return moment.date() if isinstance(moment, datetime) else moment


def check_day(value: object, field: str) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise InputTypeError(field, value, "expected a date")
    return value


# -- periods -----------------------------------------------------------------------------

_QUARTER = re.compile(r"(\d{4})\s*[-]?\s*[Qq]([1-4])")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"\d{4}")


@attrs.frozen
class Period:
    """A span of days, both ends included, with the label reports print ("2019Q2")."""

    start: date
    end: date
    label: str = ""

    def __attrs_post_init__(self) -> None:
        check_day(self.start, "period.start")
        check_day(self.end, "period.end")
        if self.end < self.start:
            raise InputError("period", (self.start, self.end), "the end lies before the start")
        if not self.label:
            object.__setattr__(self, "label", f"{self.start.isoformat()}–{self.end.isoformat()}")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """Quarter 1–4 of ``year``."""
        if not 1 <= quarter <= 4:
            raise InputError("quarter", quarter, "expected 1, 2, 3 or 4")
        if not date.min.year <= year <= date.max.year:
            raise InputError("period", year, "the year is outside what a date can hold")
        first = date(year, 3 * quarter - 2, 1)
        last_month = 3 * quarter
        last = date(year, last_month, calendar.monthrange(year, last_month)[1])
        return cls(first, last, f"{year}Q{quarter}")

    @classmethod
    def parse(cls, text: str) -> Period:
        """'2019Q2', '2019-05' (a month), '2019' (a year) or '2019-04-01..2019-06-30'."""
        if not isinstance(text, str):
            raise InputTypeError("period", text, "expected a text such as '2019Q2'")
        value = text.strip()
        if m := _QUARTER.fullmatch(value):
            return cls.quarter(int(m[1]), int(m[2]))
        if m := _MONTH.fullmatch(value):
            year, month = int(m[1]), int(m[2])
            if not 1 <= month <= 12 or year < date.min.year:
                raise InputError("period", text, "expected a month 01–12 of year 1 or later")
            last = calendar.monthrange(year, month)[1]
            return cls(date(year, month, 1), date(year, month, last), value)
        if _YEAR.fullmatch(value):
            year = int(value)
            if year < date.min.year:
                raise InputError("period", text, "the year is outside what a date can hold")
            return cls(date(year, 1, 1), date(year, 12, 31), value)
        if ".." in value:
            head, _, tail = value.partition("..")
            try:
                return cls(date.fromisoformat(head.strip()), date.fromisoformat(tail.strip()))
            except ValueError:
                pass
        raise InputError(
            "period", text, "expected '2019Q2', '2019-05', '2019' or '2019-04-01..2019-06-30'"
        )

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= as_day(day) <= self.end

    def to_json(self) -> dict[str, str]:
        return {"label": self.label, "start": self.start.isoformat(), "end": self.end.isoformat()}


PeriodLike = Period | tuple[date, date] | str


def to_period(value: PeriodLike, field: str = "period") -> Period:
    """A :class:`Period` from a Period, a ``(start, end)`` pair of dates or a text."""
    if isinstance(value, Period):
        return value
    if isinstance(value, str):
        return Period.parse(value)
    if isinstance(value, tuple) and len(value) == 2:
        return Period(check_day(value[0], f"{field}[0]"), check_day(value[1], f"{field}[1]"))
    raise InputTypeError(
        field, value, "expected a Period, a (start, end) pair of dates or '2019Q2'"
    )


def quarters(first: str, last: str) -> tuple[Period, ...]:
    """Every quarter from ``first`` to ``last`` ('2019Q1', '2019Q4'), both included."""
    a, b = Period.parse(first), Period.parse(last)
    if not (a.label.count("Q") and b.label.count("Q")):
        raise InputError("quarters", (first, last), "expected quarters such as '2019Q1'")
    out = []
    year, q = a.start.year, (a.start.month + 2) // 3
    while True:
        period = Period.quarter(year, q)
        if period.start > b.start:
            break
        out.append(period)
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
    if not out:
        raise InputError("quarters", (first, last), "the last quarter lies before the first")
    return tuple(out)


# -- windows ("14 dage", "6 måneder") ------------------------------------------------------


def add_months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def shift(day: date, text: str, sign: int, field: str) -> date:
    """``day`` moved by the window ``text`` ('14 dage', '6 måneder'); sign -1 goes back.

    Months keep the day of the month, clipped to the month's end; working days
    count Danish working days; the start day is not counted.
    """
    if not isinstance(text, str):
        raise InputTypeError(field, text, "expected a text such as '14 dage' or '6 måneder'")
    try:
        duration = parse_duration(text)
    except InputError as error:
        raise InputError(field, text, error.problem) from None
    n = duration.amount * sign
    unit = duration.unit
    if unit is Unit.DAYS:
        return day + timedelta(days=n)
    if unit is Unit.WEEKS:
        return day + timedelta(weeks=n)
    if unit is Unit.WORKING_DAYS:
        return _CAL.add_working_days(day, n)
    if unit is Unit.MONTHS:
        return add_months(day, n)
    if unit is Unit.YEARS:
        return add_months(day, 12 * n)
    raise InputError(field, text, "expected days, working days, weeks, months or years")


# -- grouping ----------------------------------------------------------------------------

GROUP_KEYS = ("unit", "caseworker", "rule_id", "stage", "measure_type")
"""What ``by=`` groups on; ``label.<name>`` groups on a label."""


def check_by(by: Sequence[str]) -> tuple[str, ...]:
    if isinstance(by, str) or not isinstance(by, Sequence):
        raise InputTypeError("by", by, "expected a tuple of keys, e.g. ('unit',)")
    for key in by:
        if not isinstance(key, str) or not (key in GROUP_KEYS or key.startswith("label.")):
            raise InputError("by", key, f"group keys are {', '.join(GROUP_KEYS)} or label.<name>")
    return tuple(by)


KeyOf = Callable[[int, int], tuple[str | None, ...]]


def key_getter(table: Table, by: tuple[str, ...]) -> KeyOf:
    """A function (row index, case index) -> the row's group key, one value per ``by`` key.

    Each key is read either per case (unit, caseworker, a label) or per row
    through a code column (rule id, stage, measure type).
    """
    parts: list[tuple[bool, Sequence[str | None], Sequence[int]]] = []
    for key in by:
        if key == "unit":
            parts.append((True, table.units, ()))
        elif key == "caseworker":
            parts.append((True, table.caseworkers, ()))
        elif key == "rule_id":
            parts.append((False, [r[0] for r in table.rules], table.rule))
        elif key == "stage":
            parts.append((False, [r[1] for r in table.rules], table.rule))
        elif key == "measure_type":
            parts.append((False, table.types, table.measure_type))
        else:
            name = key.removeprefix("label.")
            parts.append((True, [dict(ls).get(name) for ls in table.labels], ()))

    def key_of(row: int, case: int) -> tuple[str | None, ...]:
        return tuple(
            values[case] if per_case else values[codes[row]] for per_case, values, codes in parts
        )

    return key_of


def sort_key(key: tuple[str | None, ...]) -> tuple[tuple[bool, str], ...]:
    """None sorts last."""
    return tuple((part is None, part or "") for part in key)


# -- the catalog's words for the rules behind a figure ----------------------------------


def catalog_or_default(catalog: Catalog | None) -> Catalog:
    if catalog is None:
        return default_catalog()
    if not isinstance(catalog, Catalog):
        raise InputTypeError("catalog", catalog, "expected a frister Catalog")
    return catalog


def unverified(catalog: Catalog, version_ids: Iterable[str]) -> tuple[str, ...]:
    """The ids among ``version_ids`` whose law version is not verified (or unknown)."""
    versions = catalog.versions_by_id
    out = set()
    for vid in version_ids:
        version = versions.get(vid)
        marks = () if version is None else (version.mark, *(q.mark for q in version.questions))
        if version is None or Mark.UNVERIFIED in marks:
            out.add(vid)
    return tuple(sorted(out))


def title_of(catalog: Catalog, rule_id: str, lang: str) -> str:
    rule = catalog.rules.get(rule_id)
    if rule is None:
        return rule_id
    return str(rule.title.da if lang == "da" else rule.title.en)


def citation_of(catalog: Catalog, version_id: str) -> str:
    version = catalog.versions_by_id.get(version_id)
    return str(version.citation) if version is not None else ""


def mark_of(catalog: Catalog, version_id: str) -> str:
    version = catalog.versions_by_id.get(version_id)
    return version.mark.value if version is not None else Mark.UNVERIFIED.value


# -- tables as plain data ----------------------------------------------------------------


def plain(value: object) -> object:
    """A JSON-ready value: dates as ISO texts, tuples as lists."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ";".join(map(str, value))
    return plain(value)


class Tabular:
    """``records()`` as a frame, CSV and (with ``meta()``) JSON."""

    def records(self) -> list[dict[str, Any]]:  # pragma: no cover - every subclass has one
        raise NotImplementedError

    def meta(self) -> dict[str, Any]:  # pragma: no cover - every subclass has one
        raise NotImplementedError

    def to_frame(self) -> pd.DataFrame:
        """The records as a pandas DataFrame (the ``frister[pandas]`` extra)."""
        pandas = require("pandas", "pandas", f"{type(self).__name__}.to_frame()")
        records = self.records()
        columns = list(records[0]) if records else list(self.columns())
        return pandas.DataFrame(records, columns=columns)

    def columns(self) -> tuple[str, ...]:
        records = self.records()
        return tuple(records[0]) if records else ()

    def to_json(self) -> dict[str, Any]:
        """The metadata and the records as JSON-ready data."""
        out = {k: plain(v) for k, v in self.meta().items()}
        out["rows"] = [{k: plain(v) for k, v in r.items()} for r in self.records()]
        return out

    def to_csv(self) -> str:
        """The records as CSV text (a header row; dates ISO; empty for None)."""
        records = self.records()
        buffer = io.StringIO()
        columns = list(records[0]) if records else list(self.columns())
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for record in records:
            writer.writerow({k: _cell(v) for k, v in record.items()})
        return buffer.getvalue()
