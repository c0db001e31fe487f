"""Case-system exports: event and case tables in CSV, JSON Lines and Parquet, both ways.

Parquet needs the ``parquet`` extra (pyarrow): without it those tests skip on a
developer's machine and fail in CI (``CI`` set), where the extra is installed.
"""

from __future__ import annotations

import json
import os
import random
import re
from datetime import UTC, date, datetime, timedelta, timezone
from importlib.util import find_spec
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import frister
from frister.portfolio import (
    CaseRecord,
    MissingExtraError,
    Portfolio,
    TableError,
    Unreadable,
    evaluate_portfolio,
    read_portfolio,
    write_portfolio,
)
from frister.portfolio._tables import _Reader  # private: the cell reader, for int facts
from frister.rules import FactSpec, FactType
from frister.synthetic import AS_OF, generate_portfolio

CPH = ZoneInfo("Europe/Copenhagen")
CATALOG = frister.default_catalog()
SAMPLES = Path(frister.__file__).parent / "data" / "samples"
Event = frister.Event
FORMATS = ["csv", "jsonl", "parquet"]


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def require_pyarrow() -> None:
    """Skip without pyarrow on a developer's machine; fail without it in CI."""
    if find_spec("pyarrow") is not None:
        return
    reason = "Parquet needs the parquet extra (pip install -e '.[parquet]')"
    if in_ci():
        pytest.fail(f"{reason} (CI is set, so the Parquet tests must run)")
    pytest.skip(reason)


def _need(fmt: str) -> None:
    if fmt == "parquet":
        require_pyarrow()


def samples() -> list[CaseRecord]:
    records = []
    for index, path in enumerate(sorted(SAMPLES.glob("*.json"))):
        case = frister.case_from_json(json.loads(path.read_text(encoding="utf-8")), CATALOG)
        labels = {"n": str(index)} if index % 2 else {}
        records.append(CaseRecord(path.stem, case, f"cw{index % 3}", None, labels))
    return records


def tricky() -> CaseRecord:
    """Texts CSV must quote, moments in several zones, microseconds, every fact type."""
    events = [
        Event(
            "underretning.modtaget",
            datetime(2024, 3, 22, 16, 5, 0, 120_000, tzinfo=CPH),
            {"underretning_id": 'U "1", a\nb', "underretter": "borger", "om_overgreb": True},
        ),
        Event("underretning.kvitteret", datetime(2024, 3, 25, 9, tzinfo=UTC), {}),
        Event(
            "boernesamtale.undladt",
            datetime(2024, 4, 2, 23, 30, tzinfo=timezone(timedelta(hours=-2))),
            {"afgoerelse_id": "Æ1", "begrundelse": "Barnet ønskede det ikke; se ‘notat’"},
        ),
        Event(
            "udvalg.afgoerelse",
            date(2024, 5, 1),
            {"afgoerelse_id": "Æ1", "genbehandlingsfrist": date(2025, 5, 1)},
        ),
    ]
    facts = {"foedselsdato": date(2010, 2, 28), "handicap": False, "kommune": "Lejre"}
    labels = {"team": "Ø, vest", "prioritet": "høj"}
    return CaseRecord("T-1", frister.Case(events, facts), "Åse", "børn", labels)


RECORDS = [*samples(), tricky(), *generate_portfolio(40, seed=11)]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def same_events(record: CaseRecord) -> list[str]:
    """A case's events as text, in order; the instant of a moment, not its zone."""
    return [
        f"{e.kind}|{e.at.astimezone(UTC) if isinstance(e.at, datetime) else e.at}|"
        f"{sorted(e.facts.items())}"
        for e in record.case.events
    ]


# -- round trips ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_written_and_read_back_the_records_are_equal(tmp_path: Path, fmt: str) -> None:
    _need(fmt)
    events, cases = tmp_path / f"events.{fmt}", tmp_path / f"cases.{fmt}"
    write_portfolio(Portfolio(RECORDS), events, cases)
    portfolio = read_portfolio(events, cases)
    assert portfolio.size == len(RECORDS)
    assert list(portfolio) == RECORDS
    assert list(portfolio) == RECORDS  # re-iterable: read again from the file
    result = evaluate_portfolio(CATALOG, portfolio, AS_OF)
    assert result == evaluate_portfolio(CATALOG, Portfolio(RECORDS), AS_OF)
    assert result.errors == ()


def test_an_event_table_alone_and_formats_mixed(tmp_path: Path) -> None:
    bare = [CaseRecord(r.id, frister.Case(r.case.events)) for r in RECORDS]
    write_portfolio(Portfolio(bare), tmp_path / "e.ndjson")
    assert list(read_portfolio(tmp_path / "e.ndjson")) == bare
    write_portfolio(Portfolio(RECORDS), tmp_path / "e.csv", tmp_path / "c.jsonl")
    assert list(read_portfolio(str(tmp_path / "e.csv"), str(tmp_path / "c.jsonl"))) == RECORDS


def test_the_csv_is_what_a_spreadsheet_shows(tmp_path: Path) -> None:
    write_portfolio(Portfolio([tricky()]), tmp_path / "e.csv", tmp_path / "c.csv")
    events = (tmp_path / "e.csv").read_text(encoding="utf-8").splitlines()
    assert events[0].startswith("case_id,kind,at,")
    assert "T-1,underretning.modtaget,2024-03-22T16:05:00.120000+01:00," in events[1]
    assert ',"U ""1"", a' in events[1] and ",true," in events[1]
    cases = (tmp_path / "c.csv").read_text(encoding="utf-8").splitlines()
    assert cases == [
        "case_id,caseworker,unit,foedselsdato,handicap,kommune,label.prioritet,label.team",
        'T-1,Åse,børn,2010-02-28,false,Lejre,høj,"Ø, vest"',
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_table_not_grouped_by_case_is_read_case_by_case(tmp_path: Path, fmt: str) -> None:
    _need(fmt)
    grouped, cases = tmp_path / f"grouped.{fmt}", tmp_path / f"cases.{fmt}"
    write_portfolio(Portfolio(RECORDS), grouped, cases)
    shuffled = tmp_path / f"shuffled.{fmt}"
    order = _shuffle(grouped, shuffled, fmt)
    portfolio = read_portfolio(shuffled, cases)
    assert _indexed(portfolio) and not _indexed(read_portfolio(grouped, cases))
    read = list(portfolio)
    by_id = {record.id: record for record in RECORDS}
    assert [r.id for r in read] == list(dict.fromkeys(order))  # first appearance
    for record in read:
        original = by_id[record.id]
        assert sorted(same_events(record)) == sorted(same_events(original))
        assert (record.caseworker, record.unit, record.labels, record.case.facts) == (
            original.caseworker,
            original.unit,
            original.labels,
            original.case.facts,
        )
    # Events of a case in file order; the result does not depend on it.
    result = evaluate_portfolio(CATALOG, portfolio, AS_OF)
    assert sorted(map(repr, result.rows)) == sorted(
        map(repr, evaluate_portfolio(CATALOG, Portfolio(read), AS_OF).rows)
    )
    assert result.cases == len(RECORDS)


@pytest.mark.parametrize(("fmt", "shuffled"), [("csv", False), ("csv", True), ("jsonl", True)])
def test_workers_read_their_own_cases_from_the_file(
    tmp_path: Path, fmt: str, shuffled: bool
) -> None:
    records = [*RECORDS, *generate_portfolio(150, seed=12)]  # more than two chunks a worker
    events, cases = tmp_path / f"events.{fmt}", tmp_path / f"cases.{fmt}"
    write_portfolio(Portfolio(records), events, cases)
    if shuffled:
        _shuffle(events, tmp_path / f"shuffled.{fmt}", fmt)
        events = tmp_path / f"shuffled.{fmt}"
    with cases.open("a", encoding="utf-8") as file:  # a case without events, and a bad row
        columns = cases.read_text(encoding="utf-8").splitlines()[0].count(",")
        file.write(
            "NO-EVENTS" + "," * columns + "\n" if fmt == "csv" else '{"case_id": "NO-EVENTS"}\n'
        )
    lines = cases.read_text(encoding="utf-8").splitlines(keepends=True)
    bad = next(i for i, line in enumerate(lines) if i > 30 and re.search(r"\d{4}-\d\d-\d\d", line))
    lines[bad] = re.sub(r"(\d{4}-\d\d)-\d\d", r"\1-32", lines[bad], count=1)  # no such day
    cases.write_text("".join(lines), encoding="utf-8")
    portfolio = read_portfolio(events, cases)
    source = portfolio.sliced()
    assert source is not None and _indexed(portfolio) == shuffled
    whole = list(portfolio.entries())
    pieces = [
        e for start in range(0, len(source), 7) for e in source.entries_between(start, start + 7)
    ]
    assert [repr(e) for e in pieces] == [repr(e) for e in whole]
    unreadable = [e.case_id for e in whole if isinstance(e, Unreadable)]
    assert len(unreadable) == 2 and unreadable[-1] == "NO-EVENTS"
    serial = evaluate_portfolio(CATALOG, portfolio, AS_OF)
    assert evaluate_portfolio(CATALOG, portfolio, AS_OF, workers=2) == serial
    assert [f.case_id for f in serial.errors] == unreadable


def test_a_parquet_file_is_read_by_the_main_process(tmp_path: Path) -> None:
    _need("parquet")
    write_portfolio(Portfolio(RECORDS[:5]), tmp_path / "e.parquet", tmp_path / "c.parquet")
    assert read_portfolio(tmp_path / "e.parquet").sliced() is None


def _indexed(portfolio: Portfolio) -> bool:
    """Whether the file's rows had to be indexed by case (private, but the point of the test)."""
    source: Any = portfolio._source
    return source._index is not None


def _shuffle(source: Path, target: Path, fmt: str) -> list[str]:
    """The rows in a random order; returns the case ids in their new order."""
    rng = random.Random(5)
    if fmt == "parquet":
        import pyarrow.parquet as pq  # noqa: PLC0415

        table = pq.read_table(source)
        order = list(range(table.num_rows))
        rng.shuffle(order)
        shuffled = table.take(order)
        pq.write_table(shuffled, target)
        return [str(v) for v in shuffled.column("case_id").to_pylist()]
    if fmt == "jsonl":
        lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
        rng.shuffle(lines)
        target.write_text("".join(lines), encoding="utf-8")
        return [json.loads(line)["case_id"] for line in lines]
    import csv  # noqa: PLC0415 - rows may span lines (a text with a newline)

    with source.open(encoding="utf-8", newline="") as file:
        header, *rows = list(csv.reader(file))
    rng.shuffle(rows)
    with target.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\r\n").writerows([header, *rows])
    return [row[0] for row in rows]


def test_a_byte_order_mark_and_blank_lines_are_read(tmp_path: Path) -> None:
    events = write(
        tmp_path / "e.csv",
        "\ufeffcase_id,kind,at,underretning_id\n"
        "A,underretning.kvitteret,2024-03-25,U1\n"
        "\n"
        "A,underretning.vurderet,2024-03-23T10:00:00Z,U1\n",
    )
    (record,) = read_portfolio(events)
    assert [e.kind for e in record.case.events] == [
        "underretning.kvitteret",
        "underretning.vurderet",
    ]
    assert record.case.events[1].at == datetime(2024, 3, 23, 10, tzinfo=UTC)


# -- malformed input ------------------------------------------------------------------------

HEADER = "case_id,kind,at,underretning_id,underretter,om_overgreb,genbehandlingsfrist\n"
GOOD = "OK,underretning.kvitteret,2024-03-25,U1,,,\n"

CASE_LEVEL = [
    # (row, column, value, problem fragment)
    ("B,underretning.modtaget,2024-03-22,U1,fagperson,ja,\n", "om_overgreb", "ja", "true or false"),
    ("B,underretning.modtaget,2024-03-22,U1,fagperson,True,\n", "om_overgreb", "True", "true"),
    ("B,underretning.modtaget,2024-03-22T16:05:00,U1,,,\n", "at", "2024-03-22T16:05:00", "naive"),
    ("B,underretning.modtaget,22-03-2024,U1,,,\n", "at", "22-03-2024", "ISO date"),
    ("B,underretning.modtaget,2024-02-30,U1,,,\n", "at", "2024-02-30", "ISO date"),
    ("B,underretning.modtaget,20240322,U1,,,\n", "at", "20240322", "ISO date"),
    ("B,underretning.modtaget,1899-12-31,U1,,,\n", "at", "1899-12-31", "supported range"),
    ("B,underretning.modtgaet,2024-03-22,U1,,,\n", "kind", "underretning.modtgaet", "did you mean"),
    ("B,,2024-03-22,U1,,,\n", "kind", None, "needs a kind"),
    ("B,underretning.modtaget,,U1,,,\n", "at", None, "needs a time"),
    ("B,underretning.modtaget,2024-03-22,U1,nabo,,\n", "underretter", "nabo", "one of fagperson"),
    ("B,underretning.kvitteret,2024-03-22,U1,fagperson,,\n", "underretter", "fagperson",
     "not a fact"),
    ("B,udvalg.afgoerelse,2024-03-22,,,,2024-3-1\n", "genbehandlingsfrist", "2024-3-1", "ISO date"),
]  # fmt: skip


@pytest.mark.parametrize(("line", "column", "value", "problem"), CASE_LEVEL)
def test_a_bad_value_makes_its_case_unreadable_naming_file_row_column_value(
    tmp_path: Path, line: str, column: str, value: object, problem: str
) -> None:
    events = write(
        tmp_path / "events.csv",
        HEADER
        + GOOD
        + "B,underretning.kvitteret,2024-03-25,U1,,,\n"
        + line
        + GOOD.replace("OK", "Z"),
    )
    portfolio = read_portfolio(events)
    entries = list(portfolio.entries())
    assert [type(e).__name__ for e in entries] == ["CaseRecord", "Unreadable", "CaseRecord"]
    bad = entries[1]
    assert isinstance(bad, Unreadable) and bad.case_id == "B"
    error = bad.error
    assert isinstance(error, TableError) and isinstance(error, frister.InputError)
    assert (error.file, error.row, error.column, error.value) == (str(events), 4, column, value)
    assert problem in error.problem
    assert f"{events} row 4 column {column}={value!r}" in str(error)
    # Iterating raises it; evaluating reports it by case id and evaluates the rest.
    with pytest.raises(TableError, match="row 4"):
        list(portfolio)
    result = evaluate_portfolio(CATALOG, portfolio, AS_OF)
    assert result.case_ids == ("OK", "Z")
    assert [(f.case_id, f.error) for f in result.errors] == [("B", "TableError")]


FILE_LEVEL = [
    # (file text, row, column, value, problem fragment)
    ("case_id,kind,at,foedselsdato\n", 1, "foedselsdato", "foedselsdato", "case table"),
    ("case_id,kind,at,caseworker\n", 1, "caseworker", "caseworker", "unknown column"),
    ("case_id,kind,at,farve\n", 1, "farve", "farve", "unknown column"),
    ("case_id,kind\n", 1, "at", None, "required column"),
    ("kind,at\n", 1, "case_id", None, "required column"),
    ("case_id,kind,at,at\n", 1, "at", "at", "twice"),
    ("", 1, None, None, "empty"),
    (HEADER + ",underretning.kvitteret,2024-03-25,U1,,,\n", 2, "case_id", None, "case id"),
    (HEADER + "A,underretning.kvitteret,2024-03-25,U1\n", 2, None, 4, "has 4 cells"),
    (HEADER + 'A,underretning.kvitteret,2024-03-25,"U1\n', 2, None, None, "not CSV"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "row", "column", "value", "problem"), FILE_LEVEL)
def test_a_malformed_file_is_refused_naming_file_row_column_value(
    tmp_path: Path, text: str, row: int, column: str | None, value: object, problem: str
) -> None:
    events = write(tmp_path / "events.csv", text)
    with pytest.raises(TableError) as raised:
        read_portfolio(events)
    error = raised.value
    assert (error.file, error.row, error.column, error.value) == (str(events), row, column, value)
    assert problem in error.problem, error


CASE_TABLE = [
    # (case table text, bad case, row, column, value, problem fragment)
    ("case_id,foedselsdato\nA,2010-13-01\n", "A", 2, "foedselsdato", "2010-13-01", "not a date"),
    ("case_id,handicap\nA,nej\n", "A", 2, "handicap", "nej", "true or false"),
    ("case_id,caseworker\nA,x\nN,y\n", "N", 3, "case_id", "N", "no events"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "case_id", "row", "column", "value", "problem"), CASE_TABLE)
def test_a_bad_case_row_makes_its_case_unreadable(
    tmp_path: Path, text: str, case_id: str, row: int, column: str, value: object, problem: str
) -> None:
    events = write(
        tmp_path / "events.csv", "case_id,kind,at\nA,underretning.kvitteret,2024-03-25\n"
    )
    cases = write(tmp_path / "cases.csv", text)
    portfolio = read_portfolio(events, cases)
    bad = [e for e in portfolio.entries() if isinstance(e, Unreadable)]
    assert [e.case_id for e in bad] == [case_id]
    error = bad[0].error
    assert isinstance(error, TableError)
    assert (error.file, error.row, error.column, error.value) == (str(cases), row, column, value)
    assert problem in error.problem
    result = evaluate_portfolio(CATALOG, portfolio, AS_OF)
    assert [f.case_id for f in result.errors] == [case_id]


@pytest.mark.parametrize(
    ("text", "row", "column", "value", "problem"),
    [
        ("case_id,aktiv_indsats\n", 1, "aktiv_indsats", "aktiv_indsats", "unknown column"),
        ("case_id,label.\n", 1, "label.", "label.", "unknown column"),
        ("caseworker\n", 1, "case_id", None, "needs a case_id"),
        ("case_id\nA\nA\n", 3, "case_id", "A", "twice (row 2)"),
    ],
)
def test_a_malformed_case_table_is_refused(
    tmp_path: Path, text: str, row: int, column: str, value: object, problem: str
) -> None:
    events = write(
        tmp_path / "events.csv", "case_id,kind,at\nA,underretning.kvitteret,2024-03-25\n"
    )
    cases = write(tmp_path / "cases.csv", text)
    with pytest.raises(TableError) as raised:
        read_portfolio(events, cases)
    error = raised.value
    assert (error.file, error.row, error.column, error.value) == (str(cases), row, column, value)
    assert problem in error.problem


JSONL_CASES = [
    # (line, row, column, value, problem fragment, file level)
    ('{"case_id": "A", "kind": "underretning.modtaget", "at": "2024-03-22", "om_overgreb": "true"}',
     "om_overgreb", "true", "true or false", False),
    ('{"case_id": "A", "kind": "underretning.kvitteret", "at": 20240322}', "at", 20240322,
     "ISO date", False),
    ('{"case_id": "A", "kind": "underretning.kvitteret", "at": "2024-03-22", "underretning_id": 1}',
     "underretning_id", 1, "a text", False),
    ('{"case_id": 7, "kind": "underretning.kvitteret", "at": "2024-03-22"}', "case_id", 7,
     "a text", True),
    ('{"case_id": "A", "kind": "underretning.kvitteret", "at": "2024-03-22", "farve": null}',
     "farve", "farve", "unknown column", True),
    ('{"kind": "underretning.kvitteret", "at": "2024-03-22"}', "case_id", None, "case id", True),
    ('["A", "underretning.kvitteret"]', None, ["A", "underretning.kvitteret"], "JSON object", True),
    ('{"case_id": "A", ', None, None, "not JSON", True),
]  # fmt: skip


@pytest.mark.parametrize(("line", "column", "value", "problem", "file_level"), JSONL_CASES)
def test_json_lines_values_have_their_json_type(
    tmp_path: Path, line: str, column: str | None, value: object, problem: str, file_level: bool
) -> None:
    good = '{"case_id": "OK", "kind": "underretning.kvitteret", "at": "2024-03-25"}'
    events = write(tmp_path / "events.jsonl", f"{good}\n\n{line}\n")
    if file_level:
        with pytest.raises(TableError) as raised:
            read_portfolio(events)
        error = raised.value
    else:
        entries = list(read_portfolio(events).entries())
        assert isinstance(entries[0], CaseRecord) and isinstance(entries[1], Unreadable)
        assert isinstance(entries[1].error, TableError)
        error = entries[1].error
    assert (error.file, error.row, error.column, error.value) == (str(events), 3, column, value)
    assert problem in error.problem


def test_json_lines_native_values_are_read(tmp_path: Path) -> None:
    row = {
        "case_id": "A",
        "kind": "underretning.modtaget",
        "at": "2024-03-22T16:05:00+01:00",
        "underretning_id": "U1",
        "underretter": None,
        "om_overgreb": False,
    }
    events = write(tmp_path / "events.jsonl", json.dumps(row) + "\n")
    (record,) = read_portfolio(events)
    assert dict(record.case.events[0].facts) == {"underretning_id": "U1", "om_overgreb": False}


def test_parquet_with_its_own_types(tmp_path: Path) -> None:
    require_pyarrow()
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.parquet as pq  # noqa: PLC0415

    events = tmp_path / "events.parquet"
    pq.write_table(
        pa.table(
            {
                "case_id": ["A", "A"],
                "kind": ["underretning.modtaget", "udvalg.afgoerelse"],
                "at": pa.array(
                    [datetime(2024, 3, 22, 16, 5, tzinfo=CPH), datetime(2024, 5, 1, tzinfo=UTC)],
                    type=pa.timestamp("us", tz="Europe/Copenhagen"),
                ),
                "genbehandlingsfrist": pa.array([None, date(2025, 5, 1)], type=pa.date32()),
                "om_overgreb": pa.array([True, None], type=pa.bool_()),
            }
        ),
        events,
    )
    (record,) = read_portfolio(events)
    first, second = record.case.events
    assert first.at == datetime(2024, 3, 22, 16, 5, tzinfo=CPH)
    assert dict(first.facts) == {"om_overgreb": True}
    assert second.facts["genbehandlingsfrist"] == date(2025, 5, 1)

    broken = write(tmp_path / "broken.parquet", "not parquet")
    with pytest.raises(TableError, match="not a Parquet file"):
        read_portfolio(broken)

    bad = tmp_path / "bad.parquet"
    pq.write_table(pa.table({"case_id": [1], "kind": ["x"], "at": ["2024-03-22"]}), bad)
    with pytest.raises(TableError) as raised:
        read_portfolio(bad)
    assert (raised.value.row, raised.value.column, raised.value.value) == (1, "case_id", 1)


def test_parquet_without_pyarrow_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "events.parquet", "")
    monkeypatch.setitem(__import__("sys").modules, "pyarrow.parquet", None)
    with pytest.raises(MissingExtraError, match=r"frister\[parquet\]"):
        read_portfolio(tmp_path / "events.parquet")


def test_int_facts_are_read_strictly() -> None:
    spec = FactSpec("antal", FactType.INT)
    text, native = _Reader("f.csv", text_only=True), _Reader("f.jsonl", text_only=False)
    assert text.fact(spec, 2, "antal", "-12") == -12 and native.fact(spec, 2, "antal", 7) == 7
    for value in ("1.0", "+1", "01", " 1", "", "1e3"):
        with pytest.raises(TableError):
            text.fact(spec, 2, "antal", value)
    for bad in (True, 1.0, "1"):
        with pytest.raises(TableError):
            native.fact(spec, 2, "antal", bad)


def test_paths_and_suffixes_are_checked(tmp_path: Path) -> None:
    with pytest.raises(frister.InputError) as suffix:
        read_portfolio(tmp_path / "events.xlsx")
    assert suffix.value.field == "events_path" and ".parquet" in suffix.value.problem
    with pytest.raises(frister.InputError) as missing:
        read_portfolio(tmp_path / "none.csv")
    assert missing.value.field == "events_path" and missing.value.problem == "no such file"
    events = write(tmp_path / "e.csv", "case_id,kind,at\n")
    with pytest.raises(frister.InputError) as cases:
        read_portfolio(events, tmp_path / "none.jsonl")
    assert cases.value.field == "cases_path"
    assert list(read_portfolio(events)) == []


# -- writing refuses to lose data -----------------------------------------------------------


def test_writing_case_data_needs_a_case_table(tmp_path: Path) -> None:
    with pytest.raises(frister.InputError, match="give a case table") as error:
        write_portfolio(Portfolio([tricky()]), tmp_path / "e.csv")
    assert error.value.field == "cases_path"


def test_a_case_with_no_events_cannot_be_written(tmp_path: Path) -> None:
    empty = CaseRecord("E", frister.Case([]))
    with pytest.raises(frister.InputError, match="no events") as error:
        write_portfolio(Portfolio([tricky(), empty]), tmp_path / "e.csv", tmp_path / "c.csv")
    assert error.value.field == "records[1]"


@pytest.mark.parametrize(
    "facts",
    [{"underretning_id": ""}, {"underretning_id": 3}, {"kind": "x"}],
)
def test_values_that_would_not_read_back_are_refused(tmp_path: Path, facts: dict[str, Any]) -> None:
    record = CaseRecord(
        "A", frister.Case([Event("underretning.kvitteret", date(2024, 1, 2), facts)])
    )
    with pytest.raises(frister.InputError):
        write_portfolio(Portfolio([record]), tmp_path / "e.csv")
