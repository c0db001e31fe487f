"""Every reading of an open question that changes a date, computed and hand-worked.

Each expected date below is worked out by hand from the calendar; the
holidays and closed days that decide it are named in the comments
(research-calendar.md section 2.1 has the dates).
"""

import json
import re
import tomllib
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import frister
from frister import Case, Event
from frister.cli import main
from frister.engine import _readings
from frister.errors import DataFileError
from schema_check import errors

CPH = ZoneInfo("Europe/Copenhagen")
CATALOG = frister.default_catalog()
DATA = Path(frister.__file__).parent / "data" / "readings.toml"
LAW = Path(__file__).resolve().parents[2] / "shared" / "law"


# -- the data ---------------------------------------------------------------------------


def test_every_question_marks_one_reading_used_and_keeps_the_research_marks() -> None:
    questions = frister.open_questions()
    assert [q.id for q in questions] == [
        "timer",
        "hverdage",
        "lukkedage-borger",
        "maanedsslut",
        "to-aarlige",
        "29-februar",
        "brev-modtagelse",
        "reform-opfoelgning",
    ]
    for question in questions:
        assert sum(r.used for r in question.readings) == 1
        assert question.mark.value in ("unverified", "legal-review")
        for reading in question.readings:
            assert reading.text("da") and reading.text("en") and reading.changes("da")
            assert reading.basis
    # Readings the shared material cannot compute say so, never a date.
    awaiting = {(q.id, r.id) for q in questions for r in q.readings if r.awaiting}
    assert awaiting == {
        ("timer", "aabningstid"),
        ("brev-modtagelse", "6-omdelingsdage"),
        ("brev-modtagelse", "5-6-7-dage-efter-ugedag"),
    }


@pytest.mark.skipif(not LAW.is_dir(), reason="shared/law is not beside the checkout")
def test_every_question_cites_sections_the_research_has() -> None:
    research = (LAW / "research-deadlines.md").read_text(encoding="utf-8")
    open_list = research.split("## D. Open questions", 1)[1]
    for question in frister.open_questions():
        for ref in (r.strip() for r in question.research.split(";")):
            if ref.startswith("D."):
                assert re.search(rf"^{ref[2:]}\. \*\*", open_list, re.MULTILINE), ref
            else:
                assert re.search(rf"^#+ {re.escape(ref)} ", research, re.MULTILINE), ref
    # The marks the research gives: 24 hours after hours, hverdage for these provisions,
    # "årlige" and 29 February births are UNVERIFIED there.
    marks = {q.id: q.mark.value for q in frister.open_questions()}
    for qid in ("timer", "hverdage", "to-aarlige", "29-februar", "reform-opfoelgning"):
        assert marks[qid] == "unverified", qid


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ('used = true\nclose = ["grundlovsdag"]', "effect"),
        ('close = ["skt-hans"]', "close"),
        ('months = "month-end-to-month-end"\nkeep_version = true', "effect"),
    ],
)
def test_a_malformed_reading_is_an_error_naming_the_field(
    monkeypatch: pytest.MonkeyPatch, change: str, field: str
) -> None:
    text = DATA.read_text(encoding="utf-8").replace('months = "month-end-to-month-end"', change, 1)
    raw = tomllib.loads(text)
    with pytest.raises(DataFileError) as error:
        for key, value in raw["question"].items():
            _readings._question(key, value)
    assert error.value.field == field


# -- 24 hours ---------------------------------------------------------------------------


def test_24_hours_round_the_clock_and_opening_hours_awaits_a_legal_source() -> None:
    # Received Friday 22 March 2024 16:05: round the clock, Saturday 16:05.
    dl = CATALOG.due(
        "underretning.vurdering",
        datetime(2024, 3, 22, 16, 5, tzinfo=CPH),
        {"underretter": "fagperson"},
    )
    assert dl.readings["timer/doegnet-rundt"] == datetime(2024, 3, 23, 16, 5, tzinfo=CPH)
    assert dl.readings["timer/aabningstid"] is None
    assert [r.key for r in dl.readings.awaiting] == ["timer/aabningstid"]
    assert dl.safe_due == datetime(2024, 3, 23, 16, 5, tzinfo=CPH)
    assert "afventer retskilde" in dl.readings.explain("da")
    assert "awaiting legal source" in dl.readings.explain("en")


# -- hverdage -----------------------------------------------------------------------------


def test_hverdage_over_grundlovsdag() -> None:
    # Fri 31 May 2024 + 6 hverdage: 3, 4, 5 (grundlovsdag, Wed), 6, 7, 10 June.
    # Without grundlovsdag as a hverdag: 3, 4, 6, 7, 10, 11 June.
    dl = CATALOG.due("underretning.kvittering", date(2024, 5, 31), {"underretter": "fagperson"})
    assert dl.due == date(2024, 6, 10)
    assert dict(dl.readings) == {
        "hverdage/uden-helligdage": date(2024, 6, 10),
        "hverdage/ogsaa-grundlovsdag-24-31-december": date(2024, 6, 11),
        "hverdage/ogsaa-grundlovsdag": date(2024, 6, 11),
        "hverdage/ogsaa-1-maj-grundlovsdag-24-31-december": date(2024, 6, 11),
    }
    assert dl.safe_due == date(2024, 6, 10)  # the authority's: the earliest
    assert dl.readings.differ


def test_hverdage_over_christmas() -> None:
    # Fri 20 Dec 2024 + 6 hverdage: 23, 24, (25 juledag, 26 2. juledag) 27, 30, 31,
    # (1 Jan nytårsdag) 2 Jan 2025. Without 24 and 31 Dec: 23, 27, 30, 2, 3, 6 Jan.
    # With only grundlovsdag closed, Christmas is as frister counts it.
    dl = CATALOG.due("underretning.kvittering", date(2024, 12, 20), {"underretter": "fagperson"})
    assert dl.readings["hverdage/uden-helligdage"] == date(2025, 1, 2)
    assert dl.readings["hverdage/ogsaa-grundlovsdag-24-31-december"] == date(2025, 1, 6)
    assert dl.readings["hverdage/ogsaa-grundlovsdag"] == date(2025, 1, 2)
    assert dl.safe_due == date(2025, 1, 2)


def test_hverdage_over_the_first_of_may() -> None:
    # Tue 30 Apr 2024 + 6 hverdage: 1 (Wed), 2, 3, 6, 7, 8 May.
    # Without 1 May: 2, 3, 6, 7, 8, (9 Kristi himmelfartsdag) 10 May.
    dl = CATALOG.due("underretning.kvittering", date(2024, 4, 30), {"underretter": "fagperson"})
    assert dl.readings["hverdage/uden-helligdage"] == date(2024, 5, 8)
    assert dl.readings["hverdage/ogsaa-grundlovsdag-24-31-december"] == date(2024, 5, 8)
    assert dl.readings["hverdage/ogsaa-1-maj-grundlovsdag-24-31-december"] == date(2024, 5, 10)


# -- a citizen's closed days --------------------------------------------------------------


def test_a_citizens_deadline_on_new_years_eve() -> None:
    # Received Tue 3 Dec 2024 + 4 uger = Tue 31 Dec 2024 (nytårsaftensdag). frister moves it
    # off 31 Dec and 1 Jan (nytårsdag) to Thu 2 Jan 2025; read with weekends and helligdage
    # only, it stays on 31 Dec. The citizen's safe date is the latest.
    dl = CATALOG.due("klage.klagefrist", date(2024, 12, 3))
    assert dl.due == date(2025, 1, 2)
    assert dict(dl.readings) == {
        "lukkedage-borger/ogsaa-grundlovsdag-24-31-december": date(2025, 1, 2),
        "lukkedage-borger/kun-weekend-og-helligdage": date(2024, 12, 31),
    }
    assert dl.safe_due == date(2025, 1, 2)
    assert dl.readings.protects == "citizen"


def test_a_citizens_deadline_on_grundlovsdag() -> None:
    # Received Wed 8 May 2024 + 4 uger = Wed 5 June 2024 (grundlovsdag) → Thu 6 June.
    dl = CATALOG.due("klage.klagefrist", date(2024, 5, 8))
    assert dl.readings["lukkedage-borger/ogsaa-grundlovsdag-24-31-december"] == date(2024, 6, 6)
    assert dl.readings["lukkedage-borger/kun-weekend-og-helligdage"] == date(2024, 6, 5)
    assert dl.safe_due == date(2024, 6, 6)


# -- month ends ------------------------------------------------------------------------------


def test_months_from_a_months_last_day() -> None:
    # 30 Sep 2024 (the month's last day) + 4 måneder: 30 Jan 2025 (forældelsesloven § 27
    # stk. 1), 31 Jan 2025 (restaurationsloven § 36 a stk. 3). An authority's: the earlier.
    dl = CATALOG.due("undersoegelse.afslutning", date(2024, 9, 30))
    assert dl.readings["maanedsslut/samme-dato"] == date(2025, 1, 30)
    assert dl.readings["maanedsslut/maanedsslut-til-maanedsslut"] == date(2025, 1, 31)
    assert dl.safe_due == date(2025, 1, 30)


def test_months_from_a_day_that_is_not_a_month_end_agree() -> None:
    # 15 Sep 2024 + 4 måneder = 15 Jan 2025 under both readings.
    dl = CATALOG.due("undersoegelse.afslutning", date(2024, 9, 15))
    assert set(dl.readings.values()) == {date(2025, 1, 15)}
    assert not dl.readings.differ


def test_months_before_an_age_from_a_month_end_birthday() -> None:
    # Born 30 Sep 2008: 18 on Wed 30 Sep 2026 (the month's last day); 6 months before:
    # 30 Mar 2026, or 31 Mar 2026 month end to month end.
    dl = CATALOG.due(
        "ungestoette.afgoerelse",
        date(2024, 1, 10),
        {"type": "anbringelse", "foedselsdato": date(2008, 9, 30)},
    )
    assert dl.readings["maanedsslut/samme-dato"] == date(2026, 3, 30)
    assert dl.readings["maanedsslut/maanedsslut-til-maanedsslut"] == date(2026, 3, 31)


# -- "to årlige" --------------------------------------------------------------------------------


def test_twice_a_year_in_calendar_years_or_rolling_12_months() -> None:
    # Placed 15 Mar 2024: the first period ends 31 Dec 2024 (calendar year) or
    # 14 Mar 2025 (12 months from the placement).
    dl = CATALOG.due("tilsyn.samtale-anbragt", date(2024, 3, 15), {"type": "anbringelse"})
    assert dl.readings["to-aarlige/kalenderaar"] == date(2024, 12, 31)
    assert dl.readings["to-aarlige/loebende-12-maaneder"] == date(2025, 3, 14)
    assert dl.safe_due == date(2024, 12, 31)


# -- 29 February birthdays ----------------------------------------------------------------------


def test_a_29_february_child_turns_18_in_a_year_without_one() -> None:
    # Born 29 Feb 2008; 2026 is not a leap year: 18 on 28 Feb 2026 or 1 Mar 2026.
    # 6 months before: 28 Aug 2025, or 1 Sep 2025. (28 Feb 2026 is also February's last
    # day, so month end to month end gives 31 Aug 2025.)
    dl = CATALOG.due(
        "ungestoette.afgoerelse",
        date(2024, 1, 10),
        {"type": "anbringelse", "foedselsdato": date(2008, 2, 29)},
    )
    assert dl.readings["29-februar/28-februar"] == date(2025, 8, 28)
    assert dl.readings["29-februar/1-marts"] == date(2025, 9, 1)
    assert dl.readings["maanedsslut/maanedsslut-til-maanedsslut"] == date(2025, 8, 31)
    assert dl.safe_due == date(2025, 8, 28)


def test_the_birthday_step_says_1_march() -> None:
    born = date(2008, 2, 29)
    assert frister.birthday(born, 18).due == date(2026, 2, 28)
    march = frister.birthday(born, 18, march_first=True)
    assert march.due == date(2026, 3, 1)
    assert "1. marts i et år uden 29. februar" in march.explain("da")
    leap_year = frister.birthday(born, 16, march_first=True)  # 2024 is a leap year
    assert leap_year.due == date(2024, 2, 29)
    assert "1. marts" not in leap_year.explain("da")
    assert frister.birthday(date(2008, 3, 1), 18, march_first=True).due == date(2026, 3, 1)


# -- a letter's receipt (an evaluated case) -------------------------------------------------------


def _letter(sent: date) -> Case:
    facts = {
        "afgoerelse_id": "A1",
        "type": "stoettende-indsats",
        "kanal": "brev",
        "instans": "kommune",
    }
    return Case([Event("afgoerelse.meddelt", sent, facts)])


def test_a_letters_receipt_over_christmas() -> None:
    # Letter dated Tue 17 Dec 2024; received 6 hverdage later: 18, 19, 20, 23, 24,
    # (25 juledag, 26 2. juledag) 27 Dec. Without 24 Dec as a hverdag: 18, 19, 20, 23, 27, 30.
    # Klagefrist 4 uger: Fri 24 Jan 2025, or Mon 27 Jan 2025. The citizen's: the later.
    case = _letter(date(2024, 12, 17))
    (ob,) = [o for o in CATALOG.evaluate(case, date(2025, 3, 1)) if o.rule_id == "klage.klagefrist"]
    readings = CATALOG.readings(case, ob)
    assert ob.due == date(2025, 1, 24)
    assert readings["brev-modtagelse/6-hverdage"] == date(2025, 1, 24)
    assert readings["brev-modtagelse/6-hverdage-uden-grundlovsdag-24-31-december"] == date(
        2025, 1, 27
    )
    assert readings["brev-modtagelse/6-omdelingsdage"] is None
    assert readings["brev-modtagelse/5-6-7-dage-efter-ugedag"] is None
    assert readings.safe_due == date(2025, 1, 27)


def test_a_digital_receipt_has_no_letter_question() -> None:
    case = Case(
        [
            Event(
                "afgoerelse.meddelt",
                date(2024, 12, 17),
                {
                    "afgoerelse_id": "A1",
                    "type": "stoettende-indsats",
                    "kanal": "digital",
                    "instans": "kommune",
                },
            )
        ]
    )
    (ob,) = [o for o in CATALOG.evaluate(case, date(2025, 3, 1)) if o.rule_id == "klage.klagefrist"]
    readings = CATALOG.readings(case, ob)
    assert not any(key.startswith("brev-modtagelse/") for key in readings)
    # Received 17 Dec 2024 + 4 uger = Tue 14 Jan 2025 under every reading.
    assert set(readings.values()) == {date(2025, 1, 14)}


# -- the first follow-up after the reform ----------------------------------------------


def _measure_before_the_reform() -> Case:
    return Case(
        [
            Event(
                "indsats.iverksat",
                date(2023, 9, 4),
                {"indsats_id": "I1", "type": "stoettende-indsats"},
            ),
            Event("opfoelgning.gennemfoert", date(2023, 12, 1), {"indsats_id": "I1"}),
        ]
    )


def test_the_follow_up_after_the_reform_under_each_law() -> None:
    # Started 4 Sep 2023, followed up 1 Dec 2023. The next follow-up falls after the reform:
    # under Barnets lov § 95 there is no fixed interval (no date without the municipality's
    # decision); under Serviceloven § 70 at most 6 months: 1 Jun 2024.
    case = _measure_before_the_reform()
    obligations = [
        o for o in CATALOG.evaluate(case, date(2024, 8, 1)) if o.rule_id == "opfoelgning"
    ]
    second = next(o for o in obligations if o.occurrence == 2)
    readings = CATALOG.readings(case, second)
    assert second.due is None
    assert readings["reform-opfoelgning/barnets-lov"] is None
    assert readings["reform-opfoelgning/serviceloven-fortsaetter"] == date(2024, 6, 1)
    assert readings.safe_due == date(2024, 6, 1)
    first = next(o for o in obligations if o.occurrence == 1)
    # The first, 3 months after 4 Sep 2023 = 4 Dec 2023, fell due under Serviceloven.
    assert not any(k.startswith("reform-") for k in CATALOG.readings(case, first))


def test_the_first_follow_up_across_the_reform_is_3_months_under_both() -> None:
    # Started 10 Nov 2023: 3 months = 10 Feb 2024, under Barnets lov § 95 stk. 2 and under
    # Serviceloven § 70 stk. 1 alike.
    dl = CATALOG.due("opfoelgning", date(2023, 11, 10))
    assert dl.version.id == "barnets-lov.opfoelgning.loebende-plan"
    assert dl.readings["reform-opfoelgning/barnets-lov"] == date(2024, 2, 10)
    assert dl.readings["reform-opfoelgning/serviceloven-fortsaetter"] == date(2024, 2, 10)


def test_a_rule_no_question_touches_has_no_readings() -> None:
    # A measure started in 2024 is Barnets lov's alone; 4 Mar + 3 months = 4 Jun 2024.
    dl = CATALOG.due("opfoelgning", date(2024, 3, 4))
    assert not any(k.startswith("reform-") for k in dl.readings)
    dl = CATALOG.due("partshoering.svarfrist", date(2024, 3, 4), {"svarfrist": date(2024, 3, 18)})
    assert dl.safe_due == dl.due


def test_evaluate_is_unchanged_by_readings() -> None:
    case = _measure_before_the_reform()
    before = CATALOG.evaluate(case, date(2024, 8, 1))
    for ob in before:
        CATALOG.readings(case, ob)
    assert CATALOG.evaluate(case, date(2024, 8, 1)) == before


# -- the command line ---------------------------------------------------------------------


def test_due_readings_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["due", "klage.klagefrist", "2024-12-03", "--readings"]) == 0
    out = capsys.readouterr().out
    assert "Læsninger af åbne spørgsmål" in out
    assert "tir. 31. dec. 2024" in out and "tor. 2. jan. 2025" in out
    assert "Sikker frist: tor. 2. jan. 2025 (den seneste, så borgeren ikke mister en dag)" in out
    assert (
        main(["due", "underretning.vurdering", "2024-03-22T16:05+01:00", "--readings", "--json"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["readings"] == {
        "safe_due": "2024-03-23T16:05:00+01:00",
        "protects": "authority",
        "dates": {"timer/doegnet-rundt": "2024-03-23T16:05:00+01:00", "timer/aabningstid": None},
        "used": ["timer/doegnet-rundt"],
        "awaiting": ["timer/aabningstid"],
    }


def test_evaluate_readings_on_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    case = _letter(date(2024, 12, 17))
    path = tmp_path / "brev.json"
    path.write_text(json.dumps(frister.case_to_json(case)), encoding="utf-8")
    assert main(["evaluate", str(path), "--as-of", "2025-03-01", "--readings", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["obligations"]
    (klage,) = [r for r in rows if r["rule_id"] == "klage.klagefrist"]
    assert klage["readings"]["dates"]["brev-modtagelse/6-hverdage"] == "2025-01-24"
    assert klage["readings"]["dates"]["brev-modtagelse/6-omdelingsdage"] is None
    assert klage["readings"]["safe_due"] == "2025-01-27"
    schema = json.loads(
        (Path(frister.__file__).parent / "data" / "schema" / "obligation.schema.json").read_text(
            encoding="utf-8"
        )
    )
    assert all(errors(row, schema, schema) == [] for row in rows)
    assert main(["evaluate", str(path), "--as-of", "2025-03-01", "--readings"]) == 0
    out = capsys.readouterr().out
    assert "Sikker frist: man. 27. jan. 2025 (den seneste, så borgeren ikke mister en dag)" in out


def test_a_question_names_the_convention_whose_default_it_questions() -> None:
    known = frister.deadlines.conventions()
    named = {q.id: q.convention for q in frister.open_questions() if q.convention}
    assert named == {
        "timer": "hours",
        "hverdage": "working-days",
        "lukkedage-borger": "citizen-roll",
        "maanedsslut": "months-month-end",
        "29-februar": "ages",
    }
    assert set(named.values()) <= set(known)


def test_frister_reading_of_a_citizens_closed_days_is_what_the_rules_use() -> None:
    # The used reading says grundlovsdag, 24 and 31 December close a citizen's deadline;
    # every bundled citizen's deadline must use exactly those days, or the reading lies.
    extra = {
        frister.ExtraClosedDay.GRUNDLOVSDAG,
        frister.ExtraClosedDay.JULEAFTENSDAG,
        frister.ExtraClosedDay.NYTAARSAFTENSDAG,
    }
    citizens = [
        v
        for rule in CATALOG.rules.values()
        for v in rule.versions
        if v.roll is frister.Roll.FORWARD
    ]
    assert len(citizens) >= 5
    for version in citizens:
        assert set(version.expiry_closed) == extra, version.id


# -- in the evaluation's JSON -----------------------------------------------------------


def test_an_obligations_json_carries_its_readings_when_asked() -> None:
    # The letter of 17 Dec 2024 (above): the klagefrist under each reading, and the
    # citizen's safe date, the later of Fri 24 Jan and Mon 27 Jan 2025.
    case = _letter(date(2024, 12, 17))
    (ob,) = [o for o in CATALOG.evaluate(case, date(2025, 3, 1)) if o.rule_id == "klage.klagefrist"]
    assert "readings" not in frister.obligation_to_json(ob)
    data = json.loads(
        json.dumps(frister.obligation_to_json(ob, readings=CATALOG.readings(case, ob)))
    )
    readings = data["readings"]
    assert readings["safe_due"] == "2025-01-27"
    assert readings["protects"] == "citizen"
    assert readings["dates"]["brev-modtagelse/6-hverdage"] == "2025-01-24"
    assert (
        readings["dates"]["brev-modtagelse/6-hverdage-uden-grundlovsdag-24-31-december"]
        == "2025-01-27"
    )
    assert readings["dates"]["brev-modtagelse/6-omdelingsdage"] is None
    assert "brev-modtagelse/6-hverdage" in readings["used"]
    assert "brev-modtagelse/6-omdelingsdage" in readings["awaiting"]
    assert "brev-modtagelse/6-hverdage" not in readings["awaiting"]
    # Read back, the obligation is the same: readings are output only.
    assert frister.obligation_from_json(data, CATALOG) == ob


def test_an_obligation_without_a_due_date_can_have_a_safe_date_in_json() -> None:
    # The second follow-up of a measure started 4 Sep 2023 and followed up 1 Dec 2023: no
    # date under Barnets lov § 95 (the municipality decides), 1 Dec 2023 + 6 months =
    # Sat 1 Jun 2024 if Serviceloven § 70 carries on. The authority's safe date: 1 Jun 2024.
    case = _measure_before_the_reform()
    second = next(
        o
        for o in CATALOG.evaluate(case, date(2024, 8, 1))
        if o.rule_id == "opfoelgning" and o.occurrence == 2
    )
    data = frister.obligation_to_json(second, readings=CATALOG.readings(case, second))
    assert data["due"] is None
    assert data["readings"]["safe_due"] == "2024-06-01"
    assert data["readings"]["protects"] == "authority"
    assert data["readings"]["dates"]["reform-opfoelgning/barnets-lov"] is None
    assert data["readings"]["dates"]["reform-opfoelgning/serviceloven-fortsaetter"] == "2024-06-01"
    assert data["readings"]["awaiting"] == []


def test_a_rule_no_question_touches_has_empty_readings_in_json() -> None:
    # A talk before a decision (shape P) counts nothing: no question, the safe date is the due.
    data = json.loads(
        (Path(frister.__file__).parent / "data" / "samples" / "02-overgang-2024.json").read_text(
            encoding="utf-8"
        )
    )
    case = frister.case_from_json(data, CATALOG)
    ob = next(
        o
        for o in CATALOG.evaluate(case, date.fromisoformat(data["as_of"]))
        if o.rule_id == "boernesamtale.foer-afgoerelse"
    )
    readings = frister.obligation_to_json(ob, readings=CATALOG.readings(case, ob))["readings"]
    assert readings == {
        "safe_due": ob.due.isoformat(),  # type: ignore[union-attr]
        "protects": "authority",
        "dates": {},
        "used": [],
        "awaiting": [],
    }
