"""Case-system exports in and out: a long event table and an optional case table.

The event table has a row per event: ``case_id``, ``kind``, ``at`` and a
column per event fact. The case table has a row per case: ``case_id``,
``caseworker``, ``unit``, the case facts and ``label.<name>`` columns. Both
are CSV (with a header), JSON Lines or Parquet, chosen by the file's suffix.
An empty cell (JSON null, Parquet null) is a fact not given. Values are read
strictly by the fact's declared type; every problem names the file, the row,
the column and the value.
"""

from __future__ import annotations

import csv
import difflib
import functools
import itertools
import json
import re
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any, BinaryIO, Final

import attrs

from frister.case import Case, Event, parse_moment
from frister.catalog import Catalog, default_catalog
from frister.errors import FristerError, InputError, InputTypeError, did_you_mean
from frister.portfolio._evaluation import check_moment
from frister.portfolio._extras import require
from frister.portfolio._records import CaseRecord, Portfolio, Unreadable
from frister.rules import FactSpec, FactType

FORMATS: Final[Mapping[str, str]] = MappingProxyType(
    {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
)
"""File suffixes and the formats they select."""

EVENT_COLUMNS: Final = ("case_id", "kind", "at")
"""The event table's required columns; every other column is an event fact."""
CASE_COLUMNS: Final = ("case_id", "caseworker", "unit")
"""The case table's own columns (only ``case_id`` is required); the rest are case facts
and labels."""
LABEL_PREFIX: Final = "label."
"""A case-table column ``label.<name>`` is the case's label ``name``."""

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?"
    r"(Z|[+-][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?)?"
)
_INT = re.compile(r"-?(0|[1-9][0-9]*)")


class TableError(InputError):
    """A problem in a case-system export; names the file, the row, the column and the value.

    Rows count as a spreadsheet shows them: in CSV the header is row 1; in JSON
    Lines a row is a line; in Parquet the first row is row 1.
    """

    def __init__(
        self, file: str, row: int | None, column: str | None, value: object, problem: str
    ) -> None:
        self.file = file
        self.row = row
        self.column = column
        where = file + (f" row {row}" if row is not None else "")
        where += f" column {column}" if column is not None else ""
        super().__init__(where, value, problem)


def _format(path: Path, field: str) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(FORMATS)
        raise InputError(field, str(path), f"unknown table format; the suffix must be {known}")
    return fmt


# -- reading rows -------------------------------------------------------------------------

_Values = dict[str, object]
"""A row's values by column: CSV and Parquet leave out empty cells; JSON Lines keeps its
nulls until the keys are checked (:func:`_given`)."""


def _read_only(values: Mapping[str, Any]) -> Mapping[str, Any]:
    return values if isinstance(values, MappingProxyType) else MappingProxyType(dict(values))


def _given(values: _Values) -> _Values:
    return {key: value for key, value in values.items() if value is not None}


class _Lines:
    """A binary file's lines as text, counting the bytes read (csv pulls a line at a time)."""

    def __init__(self, file: BinaryIO, name: str, offset: int) -> None:
        self._lines = iter(file)
        self._name = name
        self.offset = offset

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.offset += len(line)
        try:
            return line.decode("utf-8")
        except UnicodeDecodeError as error:
            raise TableError(
                self._name, None, None, line[:40], f"not UTF-8 text: {error}"
            ) from None


def _open(path: Path, name: str) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as error:
        raise InputError(name, str(path), f"cannot read it: {error.strerror}") from None


class _CsvRows:
    """A CSV file with a header row; an empty cell is a value not given."""

    def __init__(self, path: Path, name: str) -> None:
        self.path = path
        self.name = name
        with _open(path, name) as file:
            lines = _Lines(file, name, 0)
            try:
                header = next(csv.reader(lines, strict=True))
            except StopIteration:
                raise TableError(
                    name, 1, None, None, "the file is empty: expected a header"
                ) from None
            except csv.Error as error:
                raise TableError(name, 1, None, None, f"not CSV: {error}") from None
            self._start = lines.offset
        if header and header[0].startswith("\ufeff"):
            header[0] = header[0][1:]  # a spreadsheet's byte order mark
        for index, column in enumerate(header):
            if not column or column in header[:index]:
                problem = "an empty column name" if not column else "the column comes twice"
                raise TableError(name, 1, column or None, column, problem)
        self.columns: tuple[str, ...] | None = tuple(header)

    def rows(self, start: int | None = None, number: int = 2) -> Iterator[tuple[int, int, _Values]]:
        """(row number, byte position, values) of each row, from the first (or from the row
        ``number`` at byte ``start``)."""
        start = self._start if start is None else start
        with _open(self.path, self.name) as file:
            file.seek(start)
            lines = _Lines(file, self.name, start)
            reader = csv.reader(lines, strict=True)
            number -= 1
            while True:
                position = lines.offset
                number += 1
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                except csv.Error as error:
                    raise TableError(self.name, number, None, None, f"not CSV: {error}") from None
                if cells:
                    yield number, position, self._values(number, cells)

    def row_at(self, file: BinaryIO, position: int, number: int) -> _Values:
        """The row starting at byte ``position`` (row ``number``)."""
        file.seek(position)
        try:
            cells = next(csv.reader(_Lines(file, self.name, position), strict=True))
        except (StopIteration, csv.Error) as error:
            raise TableError(self.name, number, None, None, f"not CSV: {error}") from None
        return self._values(number, cells)

    def _values(self, number: int, cells: list[str]) -> _Values:
        assert self.columns is not None
        if len(cells) != len(self.columns):
            raise TableError(
                self.name,
                number,
                None,
                len(cells),
                f"the row has {len(cells)} cells; the header has {len(self.columns)}",
            )
        return {column: cell for column, cell in zip(self.columns, cells, strict=True) if cell}


class _JsonRows:
    """JSON Lines: an object per line; a null or missing key is a value not given."""

    columns: tuple[str, ...] | None = None

    def __init__(self, path: Path, name: str) -> None:
        self.path = path
        self.name = name
        _open(path, name).close()

    def rows(self, start: int = 0, first: int = 1) -> Iterator[tuple[int, int, _Values]]:
        """(line number, byte position, values) of each row, from the first (or from line
        ``first`` at byte ``start``)."""
        with _open(self.path, self.name) as file:
            file.seek(start)
            position = start
            for number, line in enumerate(file, start=first):
                at, position = position, position + len(line)
                if line.strip():
                    yield number, at, self._values(number, line)

    def row_at(self, file: BinaryIO, position: int, number: int) -> _Values:
        """The row starting at byte ``position`` (line ``number``)."""
        file.seek(position)
        return self._values(number, file.readline())

    def _values(self, number: int, line: bytes) -> _Values:
        try:
            data = json.loads(line)
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise TableError(self.name, number, None, None, f"not JSON: {error}") from None
        if not isinstance(data, dict):
            raise TableError(self.name, number, None, data, "expected a JSON object")
        return data  # nulls kept, so an unknown key is found even when it is null


class _ParquetRows:
    """A Parquet file (the ``frister[parquet]`` extra); a null is a value not given."""

    def __init__(self, path: Path, name: str) -> None:
        self.path = path
        self.name = name
        self._pq = require("pyarrow.parquet", "parquet", f"reading {name}")
        try:
            self._file = self._pq.ParquetFile(path)
        except (OSError, ValueError) as error:  # pyarrow's ArrowInvalid is a ValueError
            raise TableError(name, None, None, None, f"not a Parquet file: {error}") from None
        self.columns: tuple[str, ...] | None = tuple(self._file.schema_arrow.names)

    def rows(self) -> Iterator[tuple[int, int, _Values]]:
        number = 0
        for batch in self._pq.ParquetFile(self.path).iter_batches(batch_size=4096):
            for values in batch.to_pylist():
                number += 1
                yield number, number - 1, {k: v for k, v in values.items() if v is not None}

    def in_order(self, positions: Sequence[int]) -> Iterator[tuple[int, int, _Values]]:
        """The rows at ``positions``, in that order (the whole table is read into memory)."""
        pa = require("pyarrow", "parquet", f"reading {self.name}")
        table = self._pq.read_table(self.path)
        taken = table.take(pa.array(positions, type=pa.int64()))
        index = 0
        for batch in taken.to_batches(max_chunksize=4096):
            for values in batch.to_pylist():
                position = positions[index]
                index += 1
                yield position + 1, position, {k: v for k, v in values.items() if v is not None}


def _rows(path: Path, name: str) -> _CsvRows | _JsonRows | _ParquetRows:
    fmt = _format(path, name)
    if fmt == "csv":
        return _CsvRows(path, name)
    if fmt == "jsonl":
        return _JsonRows(path, name)
    return _ParquetRows(path, name)


# -- reading values ------------------------------------------------------------------------


@attrs.frozen
class _Reader:
    """Reads cells by the declared type: text in CSV, JSON's or Parquet's own types otherwise."""

    file: str
    text_only: bool

    def fail(self, row: int, column: str, value: object, problem: str) -> TableError:
        return TableError(self.file, row, column, value, problem)

    def text(self, row: int, column: str, value: object) -> str:
        if not isinstance(value, str):
            raise self.fail(row, column, value, "expected a text")
        return value

    def moment(self, row: int, column: str, value: object) -> date | datetime:
        """An ISO date, or an ISO datetime with its offset (Parquet: also a date or timestamp)."""
        if isinstance(value, str):
            if not (_DATE.fullmatch(value) or _DATETIME.fullmatch(value)):
                raise self.fail(
                    row,
                    column,
                    value,
                    "expected an ISO date (2024-03-22) or a datetime with its offset "
                    "(2024-03-22T16:05:00+01:00)",
                )
            try:
                return parse_moment(value, column)
            except InputError as error:
                raise self.fail(row, column, value, error.problem) from None
        if not self.text_only and isinstance(value, date):
            try:
                return check_moment(value, column)
            except InputError as error:
                raise self.fail(row, column, value, error.problem) from None
        raise self.fail(row, column, value, "expected an ISO date or datetime text")

    def fact(self, spec: FactSpec, row: int, column: str, value: object) -> object:
        """A fact's value by its declared type (and its closed list of values, if any)."""
        kind = spec.type
        if kind is FactType.TEXT:
            parsed: object = self.text(row, column, value)
            if spec.values and parsed not in spec.values:
                hint = did_you_mean(parsed, spec.values)
                allowed = ", ".join(spec.values)
                raise self.fail(row, column, value, f"expected one of {allowed}{hint}")
        elif kind is FactType.BOOL:
            parsed = self._bool(row, column, value)
        elif kind is FactType.INT:
            parsed = self._int(row, column, value)
        else:
            parsed = self._date(row, column, value)
        return parsed

    def _bool(self, row: int, column: str, value: object) -> bool:
        if self.text_only and value in ("true", "false"):
            return value == "true"
        if not self.text_only and isinstance(value, bool):
            return value
        raise self.fail(row, column, value, "expected true or false")

    def _int(self, row: int, column: str, value: object) -> int:
        if self.text_only and isinstance(value, str) and _INT.fullmatch(value):
            return int(value)
        if not self.text_only and type(value) is int:
            return value
        raise self.fail(row, column, value, "expected a whole number")

    def _date(self, row: int, column: str, value: object) -> date:
        if isinstance(value, str) and _DATE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError as error:
                raise self.fail(row, column, value, f"not a date: {error}") from None
        if not self.text_only and type(value) is date:
            return value
        raise self.fail(row, column, value, "expected an ISO date (2024-03-22)")


def _case_id(reader: _Reader, row: int, values: _Values) -> str:
    value = values.get("case_id")
    if value is None:
        raise reader.fail(row, "case_id", None, "every row needs a case id")
    return reader.text(row, "case_id", value)


# -- the case table ------------------------------------------------------------------------


@attrs.frozen
class _CaseRow:
    """A case-table row, read: where it was and what it gives, or the error it gave."""

    row: int
    caseworker: str | None = None
    unit: str | None = None
    facts: Mapping[str, object] = attrs.field(default={}, converter=_read_only)
    labels: Mapping[str, str] = attrs.field(default={}, converter=_read_only)
    error: TableError | None = None

    def __reduce__(self) -> tuple[type[_CaseRow], tuple[object, ...]]:
        """Pickled with plain dicts (a read-only view does not pickle), for worker processes."""
        facts, labels = dict(self.facts), dict(self.labels)
        return _CaseRow, (self.row, self.caseworker, self.unit, facts, labels, self.error)


def _read_case_table(path: Path, catalog: Catalog) -> dict[str, _CaseRow]:
    """Every case row by case id (held in memory: one small row per case)."""
    name = str(path)
    source = _rows(path, name)
    reader = _Reader(name, text_only=isinstance(source, _CsvRows))
    facts = {n: spec for n, spec in catalog.case_facts.items() if not spec.derived}

    def check_column(row: int, column: str, value: object) -> None:
        if column in CASE_COLUMNS or column in facts:
            return
        if column.startswith(LABEL_PREFIX) and len(column) > len(LABEL_PREFIX):
            return
        known = ", ".join([*CASE_COLUMNS, *facts, f"{LABEL_PREFIX}<name>"])
        raise TableError(name, row, column, value, f"unknown column; the case table has {known}")

    if source.columns is not None:
        if "case_id" not in source.columns:
            raise TableError(name, 1, "case_id", None, "the case table needs a case_id column")
        for column in source.columns:
            check_column(1, column, column)
    cases: dict[str, _CaseRow] = {}
    for number, _, row in source.rows():
        if source.columns is None:
            for column, value in row.items():
                check_column(number, column, value)
        values = _given(row)
        case_id = _case_id(reader, number, values)
        if case_id in cases:
            first = cases[case_id].row
            raise reader.fail(number, "case_id", case_id, f"the case id comes twice (row {first})")
        try:
            cases[case_id] = _case_row(reader, number, values, facts)
        except TableError as error:
            cases[case_id] = _CaseRow(number, error=error)
    return cases


def _case_row(
    reader: _Reader, number: int, values: _Values, facts: Mapping[str, FactSpec]
) -> _CaseRow:
    read: dict[str, object] = {}
    labels: dict[str, str] = {}
    for column, value in values.items():
        if column in facts:
            read[column] = reader.fact(facts[column], number, column, value)
        elif column.startswith(LABEL_PREFIX):
            labels[column.removeprefix(LABEL_PREFIX)] = reader.text(number, column, value)
    caseworker, unit = values.get("caseworker"), values.get("unit")
    return _CaseRow(
        number,
        caseworker=None if caseworker is None else reader.text(number, "caseworker", caseworker),
        unit=None if unit is None else reader.text(number, "unit", unit),
        facts=MappingProxyType(read),
        labels=MappingProxyType(labels),
    )


# -- the event table -----------------------------------------------------------------------


@attrs.frozen
class _Index:
    """Where each case's rows are, for a table not grouped by case (kept in memory)."""

    positions: Mapping[str, tuple[array[int], array[int]]] = attrs.field(converter=_read_only)
    """Case id: (byte positions, row numbers) of its rows."""

    def __reduce__(self) -> tuple[type[_Index], tuple[dict[str, object]]]:
        """Pickled with a plain dict (a read-only view does not pickle), for worker processes."""
        return _Index, (dict(self.positions),)


class _EventFile:
    """A portfolio's source: the event table (and case table) read case by case.

    Grouped tables (each case's rows together) stream: one case in memory at a
    time. Otherwise an index of each case's row positions is kept (16 bytes a
    row, a few hundred a case) and rows are read back by position (Parquet: the
    table is read whole and reordered by case).
    """

    def __init__(self, events: Path, cases: Path | None, catalog: Catalog) -> None:
        self._path = events
        self._name = str(events)
        self._catalog = catalog
        self._source = _rows(events, self._name)
        self._reader = _Reader(self._name, text_only=isinstance(self._source, _CsvRows))
        self._facts = {name for kind in catalog.events.values() for name in kind.facts}
        if self._source.columns is not None:
            self._check_columns(1, self._source.columns)
        self._cases_name = str(cases)
        self._case_rows = _read_case_table(cases, catalog) if cases is not None else None
        self._starts = (array("q"), array("q"))
        """Each case's first row (byte position, row number), in the portfolio's order."""
        self._count, self._index, self._without_events = self._scan()

    def _check_columns(self, row: int, columns: Iterable[str]) -> None:
        given = list(columns)
        for column in given:
            if column in EVENT_COLUMNS or column in self._facts:
                continue
            hint = (
                "; case facts belong in the case table"
                if column in self._catalog.case_facts or column in CASE_COLUMNS
                else ""
            )
            raise TableError(
                self._name,
                row,
                column,
                column,
                f"unknown column: not case_id, kind, at or an event fact{hint}",
            )
        if self._source.columns is not None:
            for column in EVENT_COLUMNS:
                if column not in given:
                    raise TableError(
                        self._name, row, column, None, "a required column of the event table"
                    )

    def _scan(self) -> tuple[int, _Index | None, tuple[str, ...]]:
        """Count the cases and see whether each case's rows are together; else index them."""
        seen: dict[str, None] = {}
        current: str | None = None
        grouped = True
        for number, position, values in self._source.rows():
            if self._source.columns is None:
                self._check_columns(number, values)
            case_id = _case_id(self._reader, number, _given(values))
            if case_id != current:
                if case_id in seen:
                    grouped = False
                else:
                    self._starts[0].append(position)
                    self._starts[1].append(number)
                seen[case_id] = None
                current = case_id
        index = None if grouped else self._build_index()
        case_rows = self._case_rows or {}
        without_events = tuple(case_id for case_id in case_rows if case_id not in seen)
        return len(seen) + len(without_events), index, without_events

    def _build_index(self) -> _Index:
        positions: dict[str, tuple[array[int], array[int]]] = {}
        for number, position, values in self._source.rows():
            case_id = _case_id(self._reader, number, _given(values))
            where = positions.get(case_id)
            if where is None:
                where = positions[case_id] = (array("q"), array("q"))
            where[0].append(position)
            where[1].append(number)
        return _Index(MappingProxyType(positions))

    def __len__(self) -> int:
        return self._count

    def __repr__(self) -> str:
        return f"<{self._count} cases from {self._name}>"

    def __iter__(self) -> Iterator[CaseRecord]:
        return iter(Portfolio(self))

    def entries(self) -> Iterator[CaseRecord | Unreadable]:
        """Each case's record, or an :class:`Unreadable` naming the first problem in its rows."""
        yielded = 0
        for case_id, rows in self._groups():
            yielded += 1
            yield self._entry(case_id, rows)
        for case_id in self._without_events:
            yielded += 1
            yield self._eventless(case_id)
        if yielded != self._count:
            raise FristerError(f"{self._name} changed while it was read")

    def _eventless(self, case_id: str) -> Unreadable:
        """A case of the case table with no rows in the event table."""
        assert self._case_rows is not None
        row = self._case_rows[case_id].row
        error = TableError(
            self._cases_name, row, "case_id", case_id, f"the case has no events in {self._name}"
        )
        return Unreadable(case_id, error)

    def _groups(self) -> Iterator[tuple[str, list[tuple[int, _Values]]]]:
        if self._index is None:
            yield from _contiguous(self._reader, self._source.rows())
            return
        if isinstance(self._source, _ParquetRows):
            order = [p for where, _ in self._index.positions.values() for p in where]
            yield from _contiguous(self._reader, self._source.in_order(order))
            return
        yield from self._indexed(self._index.positions)

    def _indexed(
        self, cases: Mapping[str, tuple[array[int], array[int]]]
    ) -> Iterator[tuple[str, list[tuple[int, _Values]]]]:
        """The rows of ``cases`` read back by position (a table not grouped by case)."""
        assert not isinstance(self._source, _ParquetRows)
        with _open(self._path, self._name) as file:
            for case_id, (positions, numbers) in cases.items():
                rows = []
                for position, number in zip(positions, numbers, strict=True):
                    values = _given(self._source.row_at(file, position, number))
                    if values.get("case_id") != case_id:
                        raise FristerError(f"{self._name} changed while it was read")
                    rows.append((number, values))
                yield case_id, rows

    def _entry(self, case_id: str, rows: list[tuple[int, _Values]]) -> CaseRecord | Unreadable:
        try:
            events = [self._event(number, values) for number, values in rows]
            case_row = self._case_rows.get(case_id) if self._case_rows is not None else None
            if case_row is None:
                return CaseRecord(case_id, Case(events))
            if case_row.error is not None:
                return Unreadable(case_id, case_row.error)
            case = Case(events, case_row.facts)
            return CaseRecord(case_id, case, case_row.caseworker, case_row.unit, case_row.labels)
        except FristerError as error:
            return Unreadable(case_id, error)

    def _event(self, number: int, values: _Values) -> Event:
        reader = self._reader
        kind_value = values.get("kind")
        if kind_value is None:
            raise reader.fail(number, "kind", None, "every event needs a kind")
        kind_name = reader.text(number, "kind", kind_value)
        kind = self._catalog.events.get(kind_name)
        if kind is None:
            close = difflib.get_close_matches(kind_name, self._catalog.events, n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise reader.fail(number, "kind", kind_name, f"unknown event kind{hint}")
        at_value = values.get("at")
        if at_value is None:
            raise reader.fail(number, "at", None, "every event needs a time (at)")
        at = reader.moment(number, "at", at_value)
        facts: dict[str, object] = {}
        for column, value in values.items():
            if column in EVENT_COLUMNS:
                continue
            spec = kind.facts.get(column)
            if spec is None:
                known = ", ".join(kind.facts) or "none"
                raise reader.fail(
                    number, column, value, f"not a fact of {kind_name}; its facts are {known}"
                )
            facts[column] = reader.fact(spec, number, column, value)
        return Event(kind_name, at, facts)


class _SlicedEventFile(_EventFile):
    """A CSV or JSON Lines event table, whose cases can be read from any case on: worker
    processes read their own cases (see :class:`frister.portfolio.SlicedSource`)."""

    def entries_between(self, start: int, stop: int) -> Iterator[CaseRecord | Unreadable]:
        """Cases ``start`` to ``stop - 1`` in the portfolio's order, as ``entries()`` gives them."""
        assert not isinstance(self._source, _ParquetRows)
        with_events = self._count - len(self._without_events)
        first, last = max(start, 0), min(stop, with_events)
        if first < last:
            groups: Iterator[tuple[str, list[tuple[int, _Values]]]]
            if self._index is None:
                rows = self._source.rows(self._starts[0][first], self._starts[1][first])
                groups = itertools.islice(_contiguous(self._reader, rows), last - first)
            else:
                ids = self._case_ids[first:last]
                groups = self._indexed({i: self._index.positions[i] for i in ids})
            for case_id, case_rows in groups:
                yield self._entry(case_id, case_rows)
        for case_id in self._without_events[max(start - with_events, 0) : stop - with_events]:
            yield self._eventless(case_id)

    @functools.cached_property
    def _case_ids(self) -> tuple[str, ...]:
        assert self._index is not None
        return tuple(self._index.positions)


def _contiguous(
    reader: _Reader, rows: Iterator[tuple[int, int, _Values]]
) -> Iterator[tuple[str, list[tuple[int, _Values]]]]:
    current: str | None = None
    group: list[tuple[int, _Values]] = []
    for number, _, row in rows:
        values = _given(row)
        case_id = _case_id(reader, number, values)
        if case_id != current:
            if current is not None:
                yield current, group
            current, group = case_id, []
        group.append((number, values))
    if current is not None:
        yield current, group


def read_portfolio(
    events_path: str | Path,
    cases_path: str | Path | None = None,
    *,
    catalog: Catalog | None = None,
) -> Portfolio:
    """A portfolio read from a case system's export: an event table, and a case table.

    The files are checked and scanned once here (columns, case ids, whether each
    case's rows are together); the cases themselves are read as the portfolio
    is iterated, one at a time. A bad value makes its case unreadable: iterating
    raises a :class:`TableError`, ``evaluate_portfolio`` reports it and goes on.
    ``catalog`` (default: the bundled one) gives the event kinds and fact types.
    """
    catalog = default_catalog() if catalog is None else catalog
    if not isinstance(catalog, Catalog):
        raise InputTypeError("catalog", catalog, "expected frister.Catalog")
    events = _path(events_path, "events_path", exists=True)
    cases = None if cases_path is None else _path(cases_path, "cases_path", exists=True)
    source = _EventFile if _format(events, "events_path") == "parquet" else _SlicedEventFile
    return Portfolio(source(events, cases, catalog))


def _path(value: object, field: str, *, exists: bool = False) -> Path:
    if not isinstance(value, str | Path):
        raise InputTypeError(field, value, "expected a file path")
    path = Path(value)
    _format(path, field)
    if exists and not path.is_file():
        raise InputError(field, str(path), "no such file")
    return path


# -- writing -------------------------------------------------------------------------------


def write_portfolio(
    portfolio: Portfolio,
    events_path: str | Path,
    cases_path: str | Path | None = None,
    *,
    catalog: Catalog | None = None,
) -> None:
    """Write ``portfolio`` as :func:`read_portfolio` reads it (the format by each suffix).

    Only what reads back the same is written: every event kind and fact must be
    one ``catalog`` (default: the bundled one) declares, of its declared type.
    Without ``cases_path``, a portfolio with case facts, caseworkers, units or
    labels is refused rather than written without them; a case with no events
    cannot be written at all (the event table is what carries a case).
    """
    if not isinstance(portfolio, Portfolio):
        raise InputTypeError("portfolio", portfolio, "expected frister.portfolio.Portfolio")
    catalog = default_catalog() if catalog is None else catalog
    if not isinstance(catalog, Catalog):
        raise InputTypeError("catalog", catalog, "expected frister.Catalog")
    events = _path(events_path, "events_path")
    cases = None if cases_path is None else _path(cases_path, "cases_path")
    layout = _Layout.of(portfolio, catalog, events_only=cases is None)
    _write(events, _format(events, "events_path"), layout.event_columns, _event_rows(portfolio))
    if cases is not None:
        _write(cases, _format(cases, "cases_path"), layout.case_columns, _case_rows(portfolio))


_PYTHON_TYPES: Final = {
    FactType.TEXT: str,
    FactType.BOOL: bool,
    FactType.INT: int,
    FactType.DATE: date,
}


@attrs.frozen
class _Layout:
    """The columns to write, and each column's Python type (for Parquet's schema)."""

    event_columns: Mapping[str, type]
    case_columns: Mapping[str, type]

    @classmethod
    def of(cls, portfolio: Portfolio, catalog: Catalog, *, events_only: bool) -> _Layout:
        event_types: dict[str, type] = {}
        case_types: dict[str, type] = {}
        labels: set[str] = set()
        case_facts = {n: spec for n, spec in catalog.case_facts.items() if not spec.derived}
        for index, record in enumerate(portfolio):
            where = f"records[{index}]"
            if not record.case.events:
                raise InputError(where, record.id, "a case with no events has no row to write")
            if events_only and (
                record.case.facts or record.caseworker or record.unit or record.labels
            ):
                raise InputError(
                    "cases_path",
                    None,
                    f"case {record.id} has case facts, a caseworker, a unit or labels: "
                    "give a case table to write them to",
                )
            for number, event in enumerate(record.case.events):
                kind = catalog.events.get(event.kind)
                if kind is None:
                    field = f"{where}.events[{number}].kind"
                    raise InputError(field, event.kind, "not an event kind of the catalog")
                for name, value in event.facts.items():
                    field = f"{where}.events[{number}].facts.{name}"
                    _note(event_types, kind.facts.get(name), value, field)
            for name, value in record.case.facts.items():
                _note(case_types, case_facts.get(name), value, f"{where}.facts.{name}")
            labels.update(record.labels)
        return cls(
            MappingProxyType(dict.fromkeys(EVENT_COLUMNS, str) | dict(sorted(event_types.items()))),
            MappingProxyType(
                dict.fromkeys(CASE_COLUMNS, str)
                | dict(sorted(case_types.items()))
                | {f"{LABEL_PREFIX}{name}": str for name in sorted(labels)}
            ),
        )


def _note(types: dict[str, type], spec: FactSpec | None, value: object, field: str) -> None:
    """Check a fact against its declaration and note its column's type."""
    if spec is None:
        raise InputError(field, value, "not a fact the catalog declares there")
    kind = _PYTHON_TYPES[spec.type]
    if type(value) is not kind:
        raise InputTypeError(field, value, f"expected a {spec.type.value} fact")
    if kind is str and not value:
        raise InputError(field, value, "an empty text would read back as a fact not given")
    types[spec.name] = kind


def _event_rows(portfolio: Portfolio) -> Iterator[dict[str, object]]:
    for record in portfolio:
        for event in record.case.events:
            yield {"case_id": record.id, "kind": event.kind, "at": event.at.isoformat()} | dict(
                event.facts
            )


def _case_rows(portfolio: Portfolio) -> Iterator[dict[str, object]]:
    for record in portfolio:
        row: dict[str, object] = {"case_id": record.id}
        if record.caseworker is not None:
            row["caseworker"] = record.caseworker
        if record.unit is not None:
            row["unit"] = record.unit
        row.update(record.case.facts)
        row.update({f"{LABEL_PREFIX}{k}": v for k, v in record.labels.items()})
        yield row


def _text_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _json_value(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def _write(
    path: Path, fmt: str, columns: Mapping[str, type], rows: Iterator[dict[str, object]]
) -> None:
    if fmt == "parquet":
        _write_parquet(path, columns, rows)
        return
    try:
        with path.open("w", encoding="utf-8", newline="") as file:
            if fmt == "csv":
                writer = csv.writer(file, lineterminator="\n")
                writer.writerow(columns)
                for row in rows:
                    writer.writerow([_text_cell(row.get(c)) for c in columns])
            else:
                for row in rows:
                    data = {k: _json_value(v) for k, v in row.items()}
                    file.write(json.dumps(data, ensure_ascii=False) + "\n")
    except OSError as error:
        raise InputError("path", str(path), f"cannot write it: {error.strerror}") from None


def _write_parquet(
    path: Path, columns: Mapping[str, type], rows: Iterator[dict[str, object]]
) -> None:
    pa = require("pyarrow", "parquet", f"writing {path}")
    pq = require("pyarrow.parquet", "parquet", f"writing {path}")
    arrow = {str: pa.string(), bool: pa.bool_(), int: pa.int64(), date: pa.date32()}
    schema = pa.schema([(name, arrow[kind]) for name, kind in columns.items()])
    with pq.ParquetWriter(path, schema) as writer:
        for batch in _batches(rows, 65_536):
            data = {name: [row.get(name) for row in batch] for name in columns}
            writer.write_table(pa.table(data, schema=schema))


def _batches(rows: Iterator[dict[str, object]], size: int) -> Iterator[list[dict[str, object]]]:
    batch: list[dict[str, object]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
