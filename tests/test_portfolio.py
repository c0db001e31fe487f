"""Portfolios: rows as catalog.evaluate gives them, bad cases reported, workers, the result."""

from __future__ import annotations

import json
import os
import pickle
import sys
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import frister
from frister.errors import WorkerError
from frister.portfolio import (
    CaseFailure,
    CaseRecord,
    MissingExtraError,
    Portfolio,
    PortfolioResult,
    PortfolioRow,
    Unreadable,
    evaluate_portfolio,
)
from frister.portfolio._rows import Table, decode  # private: the moment encoding
from frister.synthetic import AS_OF, generate_portfolio

CPH = ZoneInfo("Europe/Copenhagen")
CATALOG = frister.default_catalog()
SAMPLES = Path(frister.__file__).parent / "data" / "samples"
Event = frister.Event


def sample_records() -> list[CaseRecord]:
    """The bundled sample cases, each a record with an id, caseworker, unit and a label."""
    records = []
    for index, path in enumerate(sorted(SAMPLES.glob("*.json"))):
        case = frister.case_from_json(json.loads(path.read_text(encoding="utf-8")), CATALOG)
        records.append(
            CaseRecord(path.stem, case, f"cw{index % 3}", f"unit{index % 2}", {"n": str(index)})
        )
    return records


SAMPLE_RECORDS = sample_records()
SYNTHETIC = list(generate_portfolio(60, seed=7))


def expected_rows(records: list[CaseRecord], as_of: date | datetime = AS_OF) -> list[PortfolioRow]:
    """What catalog.evaluate gives, case by case, as rows."""
    return [
        PortfolioRow.from_obligation(record, ob, CATALOG)
        for record in records
        for ob in CATALOG.evaluate(record.case, as_of)
    ]


def _k1() -> CaseRecord:
    return CaseRecord(
        "K1",
        frister.Case(
            [
                Event(
                    "underretning.modtaget",
                    datetime(2024, 3, 22, 16, 5, tzinfo=CPH),
                    {"underretning_id": "U1", "underretter": "fagperson"},
                ),
                Event("underretning.kvitteret", date(2024, 4, 5), {"underretning_id": "U1"}),
            ]
        ),
        caseworker="anna",
        unit="nord",
        labels={"spor": "underretning"},
    )


def _k2() -> CaseRecord:
    return CaseRecord(
        "K2",
        frister.Case(
            [
                Event(
                    "indsats.iverksat",
                    date(2024, 2, 1),
                    {"indsats_id": "I1", "type": "stoettende-indsats"},
                ),
                Event("opfoelgning.gennemfoert", date(2024, 4, 30), {"indsats_id": "I1"}),
            ],
            {"foedselsdato": date(2012, 5, 1)},
        ),
        caseworker="bo",
        unit="syd",
    )


def _bad(case_id: str = "BAD") -> CaseRecord:
    return CaseRecord(
        case_id, frister.Case([Event("underretning.modtgaet", date(2024, 3, 22))]), "cw", "u"
    )


# -- rows ---------------------------------------------------------------------------------


def test_a_hand_built_portfolio_gives_these_rows() -> None:
    result = evaluate_portfolio(CATALOG, Portfolio([_k1(), _k2()]), date(2024, 9, 30))
    k1 = {"case_id": "K1", "caseworker": "anna", "unit": "nord", "labels": {"spor": "underretning"}}
    k2 = {"case_id": "K2", "caseworker": "bo", "unit": "syd", "labels": {}}
    received = datetime(2024, 3, 22, 16, 5, tzinfo=CPH)
    modtaget = {"trigger_kind": "underretning.modtaget", "trigger_at": received}
    iverksat = {"trigger_kind": "indsats.iverksat", "trigger_at": date(2024, 2, 1)}
    none = {"fulfilled_at": None, "ended_at": None}
    expected = [
        # 24 timer from Fri 22 Mar 16:05; no vurderet event by 30 Sep: overdue.
        {**k1, **modtaget, **none, "rule_id": "underretning.vurdering", "stage": "underretning",
         "shape": frister.rules.Shape.D, "occurrence": 1, "due": received + timedelta(hours=24),
         "practical_due": received + timedelta(hours=24), "status": frister.Status.OVERDUE,
         "version_id": "barnets-lov.underretning.vurdering-24t", "measure_id": None,
         "no_due_reason": None, "linked_on_trust": False},
        # + 6 hverdage over Easter: Thu 4 Apr; acknowledged Fri 5 Apr: met late.
        {**k1, **modtaget, "rule_id": "underretning.kvittering", "stage": "underretning",
         "shape": frister.rules.Shape.D, "occurrence": 1, "due": date(2024, 4, 4),
         "practical_due": date(2024, 4, 4), "status": frister.Status.MET_LATE,
         "fulfilled_at": date(2024, 4, 5), "ended_at": None,
         "version_id": "barnets-lov.underretning.kvittering-6-hverdage", "measure_id": None,
         "no_due_reason": None, "linked_on_trust": False},
        {**k1, **modtaget, **none, "rule_id": "underretning.orientering", "stage": "underretning",
         "shape": frister.rules.Shape.N, "occurrence": 1, "due": None, "practical_due": None,
         "status": frister.Status.PENDING,
         "version_id": "barnets-lov.underretning.orientering-fagperson", "measure_id": None,
         "no_due_reason": "no-duration", "linked_on_trust": False},
        # Born 1 May 2012: 16 on 1 May 2028, + 3 months.
        {**k2, **iverksat, **none, "rule_id": "ungeplan", "stage": "handleplan",
         "shape": frister.rules.Shape.D, "occurrence": 1, "due": date(2028, 8, 1),
         "practical_due": date(2028, 8, 1), "status": frister.Status.PENDING,
         "version_id": "barnets-lov.ungeplan.3m@16-aar", "measure_id": "I1",
         "no_due_reason": None, "linked_on_trust": False},
        {**k2, **iverksat, "rule_id": "opfoelgning", "stage": "opfoelgning",
         "shape": frister.rules.Shape.R, "occurrence": 1, "due": date(2024, 5, 1),
         "practical_due": date(2024, 5, 1), "status": frister.Status.MET,
         "fulfilled_at": date(2024, 4, 30), "ended_at": None,
         "version_id": "barnets-lov.opfoelgning.loebende-plan", "measure_id": "I1",
         "no_due_reason": None, "linked_on_trust": False},
        # The follow-up set no next date (naeste_opfoelgning): no due date, pending.
        {**k2, **iverksat, **none, "rule_id": "opfoelgning", "stage": "opfoelgning",
         "shape": frister.rules.Shape.R, "occurrence": 2, "due": None, "practical_due": None,
         "status": frister.Status.PENDING,
         "version_id": "barnets-lov.opfoelgning.loebende-plan", "measure_id": "I1",
         "no_due_reason": "next-not-set", "linked_on_trust": False},
    ]  # fmt: skip
    assert [_as_dict(row) for row in result.rows] == expected
    assert result.cases == 2 and result.errors == ()
    assert result.case_ids == ("K1", "K2")
    assert result.label_names == ("spor",)
    counts = result.status_counts()
    assert counts[frister.Status.PENDING] == 3 and counts[frister.Status.ENDED] == 0
    assert sum(counts.values()) == len(result.rows) == 6
    assert result.rows[-1] == result.rows[5] and result.rows[1:3] == list(result.rows)[1:3]
    with pytest.raises(IndexError):
        result.rows[6]


def _as_dict(row: PortfolioRow) -> dict[str, object]:
    data = {name: getattr(row, name) for name in frister.portfolio.ROW_FIELDS}
    data["labels"] = dict(row.labels)
    return data


def test_rows_are_what_catalog_evaluate_gives_case_by_case() -> None:
    records = SAMPLE_RECORDS + SYNTHETIC
    result = evaluate_portfolio(CATALOG, Portfolio(records), AS_OF)
    rows = list(result.rows)
    assert rows == expected_rows(records)
    # Moments come back exactly: the same zone, fold and clock time, not only the same instant.
    for got, want in zip(rows, expected_rows(records), strict=True):
        assert repr((got.trigger_at, got.due, got.fulfilled_at)) == repr(
            (want.trigger_at, want.due, want.fulfilled_at)
        )
    assert result.cases == len(records)
    assert {row.status for row in rows} == set(frister.Status)


def test_a_datetime_as_of_and_the_rolling_reading_are_passed_on() -> None:
    as_of = datetime(2025, 3, 1, 12, tzinfo=UTC)
    reading = frister.YearReading.ROLLING
    result = evaluate_portfolio(CATALOG, Portfolio(SAMPLE_RECORDS), as_of, reading=reading)
    assert list(result.rows) == [
        PortfolioRow.from_obligation(record, ob, CATALOG)
        for record in SAMPLE_RECORDS
        for ob in CATALOG.evaluate(record.case, as_of, reading=reading)
    ]
    assert result.as_of == as_of


def test_an_empty_portfolio() -> None:
    result = evaluate_portfolio(CATALOG, Portfolio([]), AS_OF)
    assert result.cases == 0 and len(result.rows) == 0 and list(result.rows) == []
    assert result.label_names == ()


# -- bad cases ----------------------------------------------------------------------------


def test_a_bad_case_is_reported_by_id_and_the_others_are_evaluated() -> None:
    good = SAMPLE_RECORDS[:2]
    portfolio = Portfolio([good[0], _bad(), good[1]])
    result = evaluate_portfolio(CATALOG, portfolio, AS_OF)
    assert list(result.rows) == expected_rows(good)
    (failure,) = result.errors
    assert failure.case_id == "BAD"
    assert failure.error == "UnknownEventKindError"
    assert "events[0].kind='underretning.modtgaet'" in failure.message
    assert result.cases == 2


def test_a_case_id_given_twice_is_reported_the_second_time() -> None:
    first, second = SAMPLE_RECORDS[:2]
    again = CaseRecord(first.id, second.case)
    result = evaluate_portfolio(CATALOG, Portfolio([first, again, second]), AS_OF)
    assert result.errors == (
        CaseFailure(
            first.id,
            "InputError",
            f"id={first.id!r}: the case id comes twice in the portfolio",
        ),
    )
    assert list(result.rows) == expected_rows([first, second])


class Explosive(str):
    """A text that breaks when compared: a bug outside frister's input checks."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("boom")

    __hash__ = str.__hash__


def _explosive_record() -> CaseRecord:
    facts = {"underretning_id": "U9", "underretter": Explosive("fagperson")}
    return CaseRecord("X", frister.Case([Event("underretning.modtaget", date(2024, 3, 22), facts)]))


@pytest.mark.parametrize("workers", [1, 2])
def test_an_error_that_is_not_fristers_propagates(workers: int) -> None:
    portfolio = Portfolio([SAMPLE_RECORDS[0], _explosive_record()])
    with pytest.raises(RuntimeError, match="boom"):
        evaluate_portfolio(CATALOG, portfolio, AS_OF, workers=workers)


class Fatal(str):
    """A text that ends its process when compared: a worker that dies."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        os._exit(3)

    __hash__ = str.__hash__


def test_a_worker_that_dies_fails_the_run_instead_of_hanging_it() -> None:
    facts = {"underretning_id": "U9", "underretter": Fatal("fagperson")}
    record = CaseRecord(
        "X", frister.Case([Event("underretning.modtaget", date(2024, 3, 22), facts)])
    )
    with pytest.raises(WorkerError, match=r"workers=2: a worker process stopped") as error:
        evaluate_portfolio(CATALOG, Portfolio([*SAMPLE_RECORDS, record]), AS_OF, workers=2)
    assert isinstance(error.value.__cause__, BrokenProcessPool)


def test_the_arguments_are_checked() -> None:
    portfolio = Portfolio(SAMPLE_RECORDS[:1])
    with pytest.raises(frister.NaiveDatetimeError) as naive:
        evaluate_portfolio(CATALOG, portfolio, datetime(2024, 6, 30, 12))
    assert naive.value.field == "as_of"
    with pytest.raises(frister.InputTypeError):
        evaluate_portfolio(CATALOG, portfolio, "2024-06-30")  # type: ignore[arg-type]
    with pytest.raises(frister.DateOutOfRangeError):
        evaluate_portfolio(CATALOG, portfolio, date(2201, 1, 1))
    with pytest.raises(frister.InputError) as workers:
        evaluate_portfolio(CATALOG, portfolio, AS_OF, workers=0)
    assert workers.value.field == "workers"
    with pytest.raises(frister.InputTypeError):
        evaluate_portfolio(CATALOG, SAMPLE_RECORDS, AS_OF)  # type: ignore[arg-type]
    with pytest.raises(frister.InputTypeError):
        evaluate_portfolio(CATALOG, portfolio, AS_OF, reading="rolling")  # type: ignore[arg-type]
    bare = frister.Catalog(
        rules=CATALOG.rules,
        stages=CATALOG.stages,
        events=CATALOG.events,
        case_facts=CATALOG.case_facts,
        derivations=CATALOG.derivations,
        durations=CATALOG.durations,
    )
    assert evaluate_portfolio(bare, portfolio, AS_OF).cases == 1
    with pytest.raises(frister.InputError, match="not loaded from rule files"):
        evaluate_portfolio(bare, portfolio, AS_OF, workers=2)


def test_a_record_is_checked_as_it_is_read() -> None:
    with pytest.raises(frister.InputTypeError) as error:
        list(Portfolio([SAMPLE_RECORDS[0], "K2"]))  # type: ignore[list-item]
    assert error.value.field == "records[1]"
    with pytest.raises(frister.InputTypeError):
        Portfolio(iter(SAMPLE_RECORDS))


# -- workers and progress -----------------------------------------------------------------


def test_two_workers_give_the_same_rows_and_errors_in_the_same_order() -> None:
    records = [*SYNTHETIC[:70], _bad("BAD1"), *SAMPLE_RECORDS, _bad("BAD2"), *SYNTHETIC[70:]]
    records += list(generate_portfolio(140, seed=3))[60:]  # more than two chunks a worker
    portfolio = Portfolio(records)
    calls: list[tuple[int, int | None]] = []
    serial = evaluate_portfolio(CATALOG, portfolio, AS_OF)
    parallel = evaluate_portfolio(
        CATALOG, portfolio, AS_OF, workers=2, progress=lambda d, t: calls.append((d, t))
    )
    assert parallel == serial
    assert list(parallel.rows) == list(serial.rows)
    assert [f.case_id for f in parallel.errors] == ["BAD1", "BAD2"]
    assert parallel.case_ids == serial.case_ids
    assert calls[-1] == (len(records), len(records))
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


class HeldSource:
    """A source that reads any run of its cases (as a scanned file does), held in memory;
    the ids in ``unreadable`` are read as a file's bad rows are, when they are read."""

    def __init__(self, records: list[CaseRecord], unreadable: frozenset[str] = frozenset()):
        self.held = tuple(records)
        self.unreadable = unreadable

    def __len__(self) -> int:
        return len(self.held)

    def __iter__(self) -> Iterator[CaseRecord]:
        return iter(self.held)

    def entries(self) -> Iterator[CaseRecord | Unreadable]:
        return self.entries_between(0, len(self.held))

    def entries_between(self, start: int, stop: int) -> Iterator[CaseRecord | Unreadable]:
        for record in self.held[start:stop]:
            if record.id in self.unreadable:
                yield Unreadable(record.id, frister.InputError("at", "2024-02-30", "no such day"))
            else:
                yield record


def test_workers_read_their_own_cases_from_a_source_that_can_slice() -> None:
    portfolio = generate_portfolio(300, seed=5)  # more than two chunks a worker
    assert portfolio.sliced() is not None
    calls: list[tuple[int, int | None]] = []
    serial = evaluate_portfolio(CATALOG, portfolio, AS_OF)
    parallel = evaluate_portfolio(
        CATALOG, portfolio, AS_OF, workers=2, progress=lambda d, t: calls.append((d, t))
    )
    assert list(parallel.rows) == list(serial.rows) and parallel.case_ids == serial.case_ids
    assert calls[-1] == (300, 300)
    records = [*SYNTHETIC, *generate_portfolio(150, seed=6)]
    held = Portfolio(HeldSource(records, frozenset({SYNTHETIC[1].id, records[140].id})))
    result = evaluate_portfolio(CATALOG, held, AS_OF, workers=2)
    assert result == evaluate_portfolio(CATALOG, held, AS_OF)
    assert [f.case_id for f in result.errors] == [SYNTHETIC[1].id, records[140].id]


def test_a_sliced_source_that_repeats_a_case_id_stops_the_run() -> None:
    records = [*SYNTHETIC, *generate_portfolio(10, seed=6), SYNTHETIC[3]]  # in the 2nd chunk
    with pytest.raises(frister.FristerError, match=repr(SYNTHETIC[3].id) + " twice"):
        evaluate_portfolio(CATALOG, Portfolio(HeldSource(records)), AS_OF, workers=2)


def test_workers_rebuild_a_catalog_with_its_own_calendar(tmp_path: Path) -> None:
    calendar = frister.DanishCalendar().with_closed(local={date(2024, 4, 3): "Lukket"})
    catalog = CATALOG.with_calendar(calendar)
    portfolio = Portfolio([_k1()])
    serial = evaluate_portfolio(catalog, portfolio, date(2024, 9, 30))
    kvittering = next(r for r in serial.rows if r.rule_id == "underretning.kvittering")
    assert kvittering.due == date(2024, 4, 5)  # the closed Wednesday moves it a day
    assert evaluate_portfolio(catalog, portfolio, date(2024, 9, 30), workers=2) == serial


def test_progress_is_called_after_each_case_with_the_total() -> None:
    calls: list[tuple[int, int | None]] = []
    evaluate_portfolio(
        CATALOG, Portfolio(SAMPLE_RECORDS[:3]), AS_OF, progress=lambda d, t: calls.append((d, t))
    )
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_a_source_that_does_not_know_its_size_gives_no_total() -> None:
    class Source:
        def __iter__(self) -> object:
            return iter(SAMPLE_RECORDS[:2])

    calls: list[tuple[int, int | None]] = []
    portfolio = Portfolio(Source())  # type: ignore[arg-type]
    assert portfolio.size is None
    evaluate_portfolio(CATALOG, portfolio, AS_OF, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1, None), (2, None)]


# -- one case never changes another -------------------------------------------------------

POOL = SAMPLE_RECORDS + SYNTHETIC[:20] + [_bad("BAD")]


@settings(max_examples=25)
@given(
    st.lists(st.sampled_from(POOL), unique_by=lambda r: r.id, max_size=6),
    st.sampled_from(POOL),
    st.integers(min_value=0),
)
def test_adding_a_case_never_changes_another_cases_rows(
    others: list[CaseRecord], extra: CaseRecord, where: int
) -> None:
    others = [r for r in others if r.id != extra.id]
    position = where % (len(others) + 1)
    before = evaluate_portfolio(CATALOG, Portfolio(others), AS_OF)
    after = evaluate_portfolio(
        CATALOG, Portfolio([*others[:position], extra, *others[position:]]), AS_OF
    )
    assert [r for r in after.rows if r.case_id != extra.id] == list(before.rows)
    assert [f for f in after.errors if f.case_id != extra.id] == list(before.errors)


# -- the result ---------------------------------------------------------------------------


def test_the_result_is_immutable_pickles_and_compares_by_its_rows() -> None:
    result = evaluate_portfolio(CATALOG, Portfolio(SAMPLE_RECORDS), AS_OF)
    with pytest.raises(AttributeError):
        result.as_of = date(2024, 1, 1)  # type: ignore[misc]
    again = pickle.loads(pickle.dumps(result))
    assert again == result and list(again.rows) == list(result.rows)
    other = evaluate_portfolio(CATALOG, Portfolio(SAMPLE_RECORDS[1:]), AS_OF)
    assert other != result
    assert "10 cases" in repr(result)


def test_a_row_is_about_60_bytes() -> None:
    result = evaluate_portfolio(CATALOG, Portfolio(SYNTHETIC), AS_OF)
    table: Table = result._table
    # 60 bytes of columns, one for why a row has no due date (next follow-up not set) and
    # one for a fulfilment or ending linked on trust
    assert table.nbytes() / len(result.rows) <= 62


def test_records_pickle_as_plain_data() -> None:
    for record in [*SAMPLE_RECORDS, _k1(), _k2()]:
        again = pickle.loads(pickle.dumps(record))
        assert again == record
        assert [repr(e.at) for e in again.case.events] == [repr(e.at) for e in record.case.events]


ZONES: list[tzinfo] = [CPH, UTC, timezone(timedelta(hours=2)), ZoneInfo("America/Nuuk")]


@given(
    st.datetimes(
        min_value=datetime(1899, 12, 31),
        max_value=datetime(2201, 1, 1),
        timezones=st.sampled_from(ZONES),
    )
)
def test_a_moment_comes_back_exactly(moment: datetime) -> None:
    table = Table.for_catalog(CATALOG)
    for value in (moment, moment.date(), None):
        back = decode(table._moment(value, "due"), table.zones)
        assert repr(back) == repr(value)
        assert back == value


def test_to_frame_has_a_column_per_field_and_the_rows_values() -> None:
    pd = pytest.importorskip("pandas")
    result = evaluate_portfolio(CATALOG, Portfolio([_k1(), _k2(), _bad()]), date(2024, 9, 30))
    frame = result.to_frame()
    assert list(frame.columns) == [
        "case_id", "caseworker", "unit", "label.spor", "rule_id", "stage", "shape",
        "occurrence", "trigger_kind", "trigger_at", "due", "practical_due", "status",
        "fulfilled_at", "ended_at", "version_id", "measure_id", "no_due_reason",
        "linked_on_trust",
    ]  # fmt: skip
    assert len(frame) == len(result.rows) == 6
    assert frame["linked_on_trust"].tolist() == [False] * 6
    assert frame["no_due_reason"].tolist()[2::3] == ["no-duration", "next-not-set"]
    assert frame["case_id"].tolist() == ["K1"] * 3 + ["K2"] * 3
    assert frame["label.spor"].tolist()[:3] == ["underretning"] * 3
    assert frame["label.spor"].isna().tolist()[3:] == [True] * 3
    assert frame["status"].tolist() == [r.status.value for r in result.rows]
    assert frame["due"].tolist() == [r.due for r in result.rows]
    assert frame["shape"].tolist() == ["D", "D", "N", "D", "R", "R"]
    assert frame["occurrence"].dtype == "int64"
    assert isinstance(frame["rule_id"].dtype, pd.CategoricalDtype)
    assert evaluate_portfolio(CATALOG, Portfolio([]), AS_OF).to_frame().empty


def test_to_frame_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    result = evaluate_portfolio(CATALOG, Portfolio(SAMPLE_RECORDS[:1]), AS_OF)
    with pytest.raises(MissingExtraError, match=r"pip install 'frister\[pandas\]'") as error:
        result.to_frame()
    assert isinstance(error.value, ImportError) and isinstance(error.value, frister.FristerError)


def test_rows_to_json() -> None:
    result = evaluate_portfolio(CATALOG, Portfolio([_k1()]), date(2024, 9, 30))
    data = result.rows[0].to_json()
    assert data["trigger_at"] == "2024-03-22T16:05:00+01:00"
    assert data["status"] == "overdue" and data["shape"] == "D"
    assert json.loads(json.dumps(data)) == data
    assert isinstance(result, PortfolioResult)
