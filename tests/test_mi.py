"""Management information on a hand-worked portfolio: every figure worked out from the calendar.

The portfolio is evaluated on Mon 15 July 2019 and measured over 2019Q2
(1 April - 30 June 2019). 2019's closed days that matter: Skærtorsdag Thu
18 April, Store bededag Fri 17 May (abolished from 2024), Kristi himmelfart
Thu 30 May, 2. pinsedag Mon 10 June; grundlovsdag Wed 5 June is a working day
for the municipality's deadlines.

The child-welfare investigation (undersoegelse.afslutning, SEL § 50 stk. 7 in
2019) is due 4 months after the municipality became aware, same day of the
month, clipped to the month's end; status is judged against that legal due
date, and its practical due date is the working day before when it is closed.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import frister
from frister import Case, Event, Status
from frister.errors import DataFileError, InputError, InputTypeError
from frister.portfolio import (
    CaseRecord,
    Criterion,
    Period,
    PlanStep,
    Portfolio,
    evaluate_portfolio,
    load_criteria,
    quarters,
)
from frister.synthetic import generate_case

CPH = ZoneInfo("Europe/Copenhagen")
CATALOG = frister.default_catalog()
AS_OF = date(2019, 7, 15)
Q2 = "2019Q2"


def investigation(
    case_id: str, aware: date, done: date | None, unit: str, worker: str
) -> CaseRecord:
    events = [Event("bekymring.opmaerksom", aware)]
    if done is not None:
        # The talk with the child, held before the investigation ends (SEL § 50 stk. 3).
        events.append(Event("boernesamtale.afholdt", date.fromordinal(done.toordinal() - 14)))
        events.append(Event("undersoegelse.afsluttet", done))
    return CaseRecord(case_id, Case(events), worker, unit)


def measure(
    case_id: str, kind: str, start: date, followups: list[date], ended: date | None, worker: str
) -> CaseRecord:
    events = [Event("indsats.iverksat", start, {"indsats_id": "I1", "type": kind})]
    events += [Event("opfoelgning.gennemfoert", d, {"indsats_id": "I1"}) for d in followups]
    if ended is not None:
        events.append(Event("indsats.ophoert", ended, {"indsats_id": "I1"}))
    return CaseRecord(case_id, Case(events), worker, "syd" if worker == "bo" else "nord")


RECORDS = [
    # aware Fri 18 Jan -> due Sat 18 May; practical Thu 16 May (Fri 17 May is Store
    # bededag); completed on Store bededag itself, before the legal due date: met.
    investigation("A", date(2019, 1, 18), date(2019, 5, 17), "nord", "anna"),
    # aware in Q1 (Fri 15 Feb), due in Q2 (Sat 15 Jun), completed Fri 14 Jun: met.
    investigation("B", date(2019, 2, 15), date(2019, 6, 14), "nord", "anna"),
    # aware Mon 31 Dec 2018 -> 31 April does not exist: Tue 30 Apr; never completed.
    investigation("C", date(2018, 12, 31), None, "nord", "anna"),
    # aware Tue 5 Feb -> due Wed 5 Jun, grundlovsdag, a working day: completed that day.
    investigation("D", date(2019, 2, 5), date(2019, 6, 5), "syd", "bo"),
    # aware Thu 31 Jan -> due Fri 31 May; completed Mon 1 Jul: met late.
    investigation("E", date(2019, 1, 31), date(2019, 7, 1), "syd", "bo"),
    # aware Wed 20 Mar -> due Sat 20 Jul, practical Fri 19 Jul: pending, 4 days left.
    investigation("F", date(2019, 3, 20), None, "nord", "anna"),
    # aware Sat 30 Mar -> due Tue 30 Jul: pending, 15 days left.
    investigation("G", date(2019, 3, 30), None, "nord", "anna"),
    # A notification received Thu 28 Mar 10:00 (Q1): assessment due Fri 29 Mar 10:00,
    # never made; acknowledgement 6 working days later (29 Mar, 1, 2, 3, 4, 5 Apr):
    # due Fri 5 Apr (Q2), acknowledged that day.
    CaseRecord(
        "K",
        Case(
            [
                Event(
                    "underretning.modtaget",
                    datetime(2019, 3, 28, 10, 0, tzinfo=CPH),
                    {"underretning_id": "U1", "underretter": "fagperson"},
                ),
                Event("underretning.kvitteret", date(2019, 4, 5), {"underretning_id": "U1"}),
            ]
        ),
        "carl",
        "nord",
    ),
    # A preventive measure from Fri 1 Feb: first follow-up due Wed 1 May (3 months),
    # but the measure ended Mon 15 Apr, before it.
    measure("M", "stoettende-indsats", date(2019, 2, 1), [], date(2019, 4, 15), "anna"),
    # A placement from Tue 1 Jan: follow-up due Mon 1 Apr, held Wed 10 Apr (late); the
    # next is due 6 months after that follow-up, Thu 10 Oct.
    measure("P", "anbringelse", date(2019, 1, 1), [date(2019, 4, 10)], None, "bo"),
    # A preventive measure from Fri 1 Jun 2018, followed up Sat 1 Sep 2018 (its due
    # date); the next, due Fri 1 Mar 2019, never held.
    measure("S", "stoettende-indsats", date(2018, 6, 1), [date(2018, 9, 1)], None, "bo"),
    # A preventive measure from Sat 1 Dec 2018, never followed up: due Fri 1 Mar 2019.
    measure("N", "stoettende-indsats", date(2018, 12, 1), [], None, "carl"),
    # A decision received Mon 3 Jun: the citizen's complaint deadline, 4 weeks, Mon 1
    # Jul, passed with no complaint: the citizen's, never the municipality's failure.
    CaseRecord(
        "Q",
        Case([Event("afgoerelse.modtaget", date(2019, 6, 3), {"afgoerelse_id": "X1"})]),
        "carl",
        "nord",
    ),
]

RESULT = evaluate_portfolio(CATALOG, Portfolio(RECORDS), AS_OF)


def test_the_portfolio_evaluates_as_the_comments_say() -> None:
    assert RESULT.errors == ()
    rows = {(r.case_id, r.rule_id, r.occurrence): r for r in RESULT.rows}
    a = rows["A", "undersoegelse.afslutning", 1]
    assert (a.due, a.practical_due, a.status) == (date(2019, 5, 18), date(2019, 5, 16), Status.MET)
    assert rows["D", "undersoegelse.afslutning", 1].practical_due == date(2019, 6, 5)
    assert rows["C", "undersoegelse.afslutning", 1].due == date(2019, 4, 30)
    assert rows["K", "underretning.kvittering", 1].due == date(2019, 4, 5)
    assert rows["M", "opfoelgning", 1].status is Status.ENDED
    assert rows["S", "opfoelgning", 2].due == date(2019, 3, 1)


# -- on-time rates ---------------------------------------------------------------------


def test_on_time_counts_the_occurrences_due_in_the_period() -> None:
    # Due in Q2: A met, B met, C overdue, D met, E met late. F and G are due in Q3.
    result = RESULT.on_time("undersoegelse.afslutning", Q2)
    assert (result.cohort, result.as_of, result.period.label) == ("due", AS_OF, "2019Q2")
    counts = result.total
    assert (counts.met, counts.met_late, counts.overdue, counts.ended) == (3, 1, 1, 0)
    assert counts.not_yet_due == 0
    assert counts.denominator == 5
    assert result.rate == pytest.approx(0.6)


def test_the_period_can_be_two_dates_and_a_day_outside_drops_out() -> None:
    # 1 May - 31 May holds A (18 May) and E (31 May); C (30 Apr) and D (5 Jun) fall outside.
    result = RESULT.on_time("undersoegelse.afslutning", (date(2019, 5, 1), date(2019, 5, 31)))
    assert (result.total.met, result.total.met_late, result.total.overdue) == (1, 1, 0)


def test_on_time_per_unit_and_caseworker() -> None:
    result = RESULT.on_time("undersoegelse.afslutning", Q2, by=("unit", "caseworker"))
    nord = result.group("nord", "anna")  # A, B met; C overdue
    syd = result.group("syd", "bo")  # D met; E met late
    assert (nord.met, nord.overdue) == (2, 1)
    assert nord.rate == pytest.approx(2 / 3)
    assert (syd.met, syd.met_late, syd.rate) == (1, 1, 0.5)
    assert [g.key for g in result.groups] == [("nord", "anna"), ("syd", "bo")]
    assert result.group("vest", "x").denominator == 0


def test_the_cohort_changes_the_answer() -> None:
    # Triggered in Q2: no investigation began in Q2.
    assert RESULT.on_time("undersoegelse.afslutning", Q2, cohort="triggered").rate is None
    # Triggered in Q1: A, B, D met, E met late (C became known on 31 Dec 2018).
    q1 = RESULT.on_time("undersoegelse.afslutning", "2019Q1", cohort="triggered").total
    assert (q1.met, q1.met_late, q1.overdue, q1.not_yet_due) == (3, 1, 0, 2)  # F, G pending
    # Completed in Q2: A (17 May), B (14 Jun), D (5 Jun), all on time; E completed 1 Jul.
    done = RESULT.on_time("undersoegelse.afslutning", Q2, cohort="fulfilled")
    assert (done.total.met, done.total.met_late, done.rate) == (3, 0, 1.0)


def test_a_stage_counts_every_rule_of_the_stage() -> None:
    # Stage undersoegelse adds the preliminary assessment owed when C and E ran late,
    # due with them (30 Apr, 31 May) and never made, and the talk with the child held
    # before A, B and D were completed in Q2 (SEL § 50 stk. 3; E's falls due 1 Jul):
    # 3 + 3 met, 1 late, 1 + 2 overdue.
    result = RESULT.on_time("undersoegelse", Q2)
    assert (result.total.met, result.total.met_late, result.total.overdue) == (6, 1, 3)
    assert result.rate == pytest.approx(6 / 10)
    assert set(result.rule_ids) >= {
        "undersoegelse.afslutning",
        "undersoegelse.foreloebig-vurdering",
        "boernesamtale.i-undersoegelse",
    }


def test_a_notification_received_in_q1_falls_due_in_q2() -> None:
    assert RESULT.on_time("underretning.kvittering", "2019Q1").total.denominator == 0
    q2 = RESULT.on_time("underretning.kvittering", Q2)
    assert (q2.total.met, q2.rate) == (1, 1.0)
    # The 24-hour assessment fell due in Q1 (Fri 29 Mar 10:00) and was never made.
    q1 = RESULT.on_time("underretning.vurdering", "2019Q1")
    assert (q1.total.overdue, q1.rate) == (1, 0.0)


def test_follow_ups_per_measure_type_and_a_measure_ended_before_its_follow_up() -> None:
    result = RESULT.on_time("opfoelgning", Q2, by=("measure_type",))
    assert result.group("anbringelse") == frister.portfolio.OnTimeCounts(met_late=1)
    ended = result.group("stoettende-indsats")  # M: due 1 May, ended 15 Apr
    assert (ended.ended, ended.denominator, ended.rate) == (1, 0, None)
    assert (result.total.denominator, result.rate) == (1, 0.0)


def test_the_citizens_own_deadline_is_not_a_municipal_rate() -> None:
    with pytest.raises(InputError) as error:
        RESULT.on_time("klage.klagefrist", Q2)
    assert error.value.field == "target"
    # The forvaltningsret stage leaves the complaint deadline out: nothing else is there.
    assert RESULT.on_time("forvaltningsret", Q2).total.total == 0


def test_the_unverified_law_versions_behind_a_figure_are_named() -> None:
    result = RESULT.on_time("underretning", "2019Q1")
    assert result.version_ids == ("serviceloven.underretning.vurdering-24t",)
    version = CATALOG.versions_by_id["serviceloven.underretning.vurdering-24t"]
    marks = {version.mark, *(q.mark for q in version.questions)}
    assert (frister.deadlines.Mark.UNVERIFIED in marks) == bool(result.unverified)


# -- the stage table and the trend -----------------------------------------------------


def test_stage_table() -> None:
    table = RESULT.stage_table(Q2)
    investigation_line = table.row("undersoegelse")
    assert investigation_line.counts.rate == pytest.approx(0.6)
    # Days from awareness to completion: A 18 Jan-17 May 119, B 15 Feb-14 Jun 119,
    # D 5 Feb-5 Jun 120, E 31 Jan-1 Jul 151: mean 509 / 4.
    assert investigation_line.mean_days == pytest.approx(127.25)
    acknowledgement = table.row("underretning.kvittering")
    assert (acknowledgement.counts.met, acknowledgement.mean_days) == (1, 8.0)  # 28 Mar-5 Apr
    assert table.row("underretning.vurdering").counts.total == 0  # due in Q1
    placement = table.row("opfoelgning.anbringelse")
    assert (placement.counts.met_late, placement.counts.rate, placement.mean_days) == (1, 0.0, None)
    assert table.row("opfoelgning.forebyggelse").counts.ended == 1
    records = table.records()
    assert records[2]["name"] == "Børnefaglig undersøgelse"
    assert RESULT.stage_table(Q2, lang="en").records()[2]["name"] == "Child-welfare investigation"


def test_trend_against_a_baseline_quarter() -> None:
    # Stage underretning: Q1 the assessment overdue (0 of 1), Q2 the acknowledgement met
    # (1 of 1): +100 percentage points against Q1.
    trend = RESULT.trend("underretning", quarters("2019Q1", "2019Q3"), baseline="2019Q1")
    assert [p.period.label for p in trend.points] == ["2019Q1", "2019Q2", "2019Q3"]
    assert [p.counts.rate for p in trend.points] == [0.0, 1.0, None]
    assert [p.change_pp for p in trend.points] == [0.0, pytest.approx(100.0), None]
    assert trend.baseline_counts.overdue == 1


# -- work lists ------------------------------------------------------------------------


def test_overdue_list_with_days_title_and_citation() -> None:
    work = RESULT.overdue(by=("unit", "caseworker"))
    got = [(i.unit, i.caseworker, i.case_id, i.rule_id, i.days) for i in work.items]
    assert got == [
        # 30 Apr -> 15 Jul: 31 + 30 + 15 days
        ("nord", "anna", "C", "undersoegelse.afslutning", 76),
        ("nord", "anna", "C", "undersoegelse.foreloebig-vurdering", 76),
        # N's first follow-up, Fri 1 Mar: 30 + 30 + 31 + 30 + 15; K's assessment, 29 Mar
        ("nord", "carl", "N", "opfoelgning", 136),
        ("nord", "carl", "K", "underretning.vurdering", 108),
        ("syd", "bo", "S", "opfoelgning", 136),
        ("syd", "bo", "E", "undersoegelse.foreloebig-vurdering", 45),  # 31 May
    ]
    first = work.items[0]
    assert first.title == "Afslutning af den børnefaglige undersøgelse"
    assert first.citation == "Lov om social service (serviceloven) § 50, stk. 7, 1. pkt."
    assert work.counts() == {("nord", "anna"): 2, ("nord", "carl"): 2, ("syd", "bo"): 2}
    (complaint,) = work.citizen_items
    assert (complaint.case_id, complaint.rule_id, complaint.days) == ("Q", "klage.klagefrist", 14)
    assert work.to_json()["citizen_deadlines"][0]["case_id"] == "Q"


def test_upcoming_within_a_window() -> None:
    soon = RESULT.upcoming(within="14 dage")  # 15 Jul - 29 Jul
    assert [(i.case_id, i.practical_due, i.days) for i in soon.items] == [
        ("F", date(2019, 7, 19), 4)
    ]
    # Mon 15 Jul + 3 working days is Thu 18 Jul: F's practical due date (Fri 19) is after.
    assert RESULT.upcoming(within="3 hverdage").items == ()
    assert [i.case_id for i in RESULT.upcoming(within="4 hverdage").items] == ["F"]
    assert [i.case_id for i in RESULT.upcoming(within="15 dage").items] == ["F", "G"]


def test_followup_sweep() -> None:
    sweep = RESULT.followup_sweep(window="6 måneder")  # no follow-up since 15 Jan 2019
    assert sweep.cutoff == date(2019, 1, 15)
    got = [(i.case_id, i.last_followup, i.days_since) for i in sweep.items]
    # S: last 1 Sep 2018, 317 days; N: never, started 1 Dec 2018, 226 days. P was followed
    # up 10 Apr 2019; M ended.
    assert got == [("S", date(2018, 9, 1), 317), ("N", None, 226)]
    assert sweep.measures == 3
    assert sweep.counts() == {("syd", "bo"): 1, ("nord", "carl"): 1}
    assert "ledelsesregel" in sweep.note and "ikke lov" in sweep.note
    assert sweep.to_json()["window_is_law"] is False
    # A window of 3 months (since 15 Apr) adds P, followed up on 10 Apr.
    three = RESULT.followup_sweep(window="3 måneder", lang="en")
    assert [i.case_id for i in three.items] == ["S", "N", "P"]
    assert "management rule" in three.note


def test_the_sweep_counts_a_follow_up_that_set_no_next_date() -> None:
    # Under Barnets lov § 95 the municipality sets each next follow-up. A measure from Thu
    # 1 Feb 2024, followed up Tue 30 Apr 2024 with no next date set: as of Wed 15 Jan 2025
    # there is no due date to miss, yet no follow-up since the cutoff of Mon 15 Jul 2024;
    # 260 days since the last one (May-Dec 31+30+31+31+30+31+30+31 = 245, + 15 in January).
    record = measure(
        "B1", "stoettende-indsats", date(2024, 2, 1), [date(2024, 4, 30)], None, "anna"
    )
    result = evaluate_portfolio(CATALOG, Portfolio([record]), date(2025, 1, 15))
    followups = [r.no_due_reason for r in result.rows if r.rule_id == "opfoelgning"]
    assert followups == [None, "next-not-set"]
    sweep = result.followup_sweep(window="6 måneder")
    assert (sweep.measures, sweep.next_not_set) == (1, 1)
    (item,) = sweep.items
    assert (item.case_id, item.last_followup, item.days_since) == ("B1", date(2024, 4, 30), 260)
    assert item.next_not_set and item.law == "Barnets lov"


# -- lawfulness ------------------------------------------------------------------------


def test_lawfulness_with_the_default_criteria() -> None:
    verdicts = RESULT.lawfulness()
    c = verdicts.case("C")  # investigation overdue (red), preliminary assessment (yellow)
    assert c.colour == "red"
    assert [f.criterion for f in c.findings] == [
        "undersoegelse-ikke-afsluttet",
        "foreloebig-vurdering-mangler",
    ]
    assert verdicts.case("E").colour == "yellow"  # completed late; assessment missing
    assert verdicts.case("S").colour == "yellow"  # follow-up overdue
    assert verdicts.case("A").colour == "green"
    assert verdicts.case("Q").colour == "green"  # the citizen's deadline is not a finding
    assert verdicts.counts() == {"green": 9, "yellow": 3, "red": 1}
    assert verdicts.to_json()["criteria_are_law"] is False
    # nord: C red, N yellow, A B F G K M Q green; syd: E S yellow, D P green.
    assert verdicts.counts_by("unit") == {
        "nord": {"green": 7, "yellow": 1, "red": 1},
        "syd": {"green": 2, "yellow": 2, "red": 0},
    }
    assert verdicts.counts_by("caseworker")["carl"] == {"green": 2, "yellow": 1, "red": 0}


def test_lawfulness_criteria_are_replaceable(tmp_path: Path) -> None:
    own = [
        Criterion(
            "vurdering",
            "red",
            "underretning.vurdering",
            frozenset({Status.OVERDUE}),
            "Vurdering mangler",
            "Assessment missing",
        )
    ]
    verdicts = RESULT.lawfulness(own)
    assert verdicts.counts() == {"green": 12, "yellow": 0, "red": 1}
    assert verdicts.case("K").findings[0].text == "Vurdering mangler"
    file = tmp_path / "kriterier.toml"
    file.write_text(
        '[[criterion]]\nid = "sent"\ncolour = "yellow"\nrule = "undersoegelse.afslutning"\n'
        'status = ["met_late"]\nda = "For sent"\nen = "Late"\n',
        encoding="utf-8",
    )
    assert RESULT.lawfulness(file).counts()["yellow"] == 1  # E
    assert load_criteria(file).source == str(file)
    file.write_text(file.read_text(encoding="utf-8").replace("yellow", "blue"), encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_criteria(file)
    assert error.value.field == "colour"


# -- the investigation plan -----------------------------------------------------------


def test_investigation_plan_backwards_from_the_practical_due_date() -> None:
    plan = frister.investigation_plan(CATALOG, date(2019, 1, 18))
    assert (plan.due, plan.practical_due) == (date(2019, 5, 18), date(2019, 5, 16))
    latest = {s.step.id: (s.latest, s.moved_from, s.before_start) for s in plan.steps}
    assert latest == {
        "undersoegelse-startet": (date(2019, 1, 31), None, False),  # 16 May - 105 days
        "boernesamtale": (date(2019, 3, 7), None, False),
        "netvaerk-og-skole": (date(2019, 3, 28), None, False),
        # 16 May - 28 days is Skærtorsdag 18 Apr: the working day before
        "udkast": (date(2019, 4, 17), date(2019, 4, 18), False),
        # 15 working days back from Thu 16 May (Store bededag is not in between)
        "partshoering": (date(2019, 4, 25), None, False),
        "afsluttet": (date(2019, 5, 16), None, False),
    }
    assert "konfiguration" in plan.note and "ikke lov" in plan.note
    assert plan.to_json()["steps_are_law"] is False


def test_investigation_plan_flags_a_step_before_the_start() -> None:
    steps = [PlanStep("tidlig", "Tidligt trin", "Early step", "17 uger")]
    # 16 May 2019 - 119 days is Thu 17 Jan, the day before the municipality became aware.
    (step,) = frister.investigation_plan(CATALOG, date(2019, 1, 18), steps).steps
    assert (step.latest, step.before_start) == (date(2019, 1, 17), True)
    # In 2024 Store bededag is gone: due Sat 18 May, practical Fri 17 May.
    plan = frister.investigation_plan(CATALOG, date(2024, 1, 18), steps)
    assert plan.practical_due == date(2024, 5, 17)
    # 17 May - 119 days (17 Jan-17 May 2024 is 121 days, a leap year) is Fri 19 Jan.
    assert (plan.steps[0].latest, plan.steps[0].before_start) == (date(2024, 1, 19), False)
    assert plan.citation == "Barnets lov § 20, stk. 3, 1. pkt."
    with pytest.raises(InputError) as error:
        PlanStep("x", "x", "x", "snart")
    assert error.value.field == "steps[x].before"


# -- bad input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: RESULT.on_time("undersoegelse", Q2, cohort="closed"), "cohort"),  # type: ignore[arg-type]
        (lambda: RESULT.on_time("ingen.regel", Q2), "target"),
        (lambda: RESULT.on_time("undersoegelse", "2019Q5"), "period"),
        (lambda: RESULT.on_time("undersoegelse", "0000Q1"), "period"),
        (lambda: RESULT.on_time("undersoegelse", "0000"), "period"),
        (lambda: RESULT.on_time("undersoegelse", "0000-01"), "period"),
        (lambda: RESULT.on_time("undersoegelse", Q2, by="unit"), "by"),
        (lambda: RESULT.upcoming(within="2 timer"), "within"),
        (lambda: RESULT.on_time("undersoegelse", (date(2019, 6, 1), date(2019, 5, 1))), "period"),
        (lambda: RESULT.on_time("undersoegelse", Q2, by=("team",)), "by"),
        (lambda: RESULT.overdue(by=("stage",)), "by"),
        (lambda: RESULT.upcoming(within="om lidt"), "within"),
        (lambda: RESULT.followup_sweep(window=6), "window"),  # type: ignore[arg-type]
        (lambda: RESULT.stage_table(Q2, lang="de"), "lang"),
        (lambda: RESULT.lawfulness(42), "criteria"),  # type: ignore[arg-type]
    ],
)
def test_bad_input_names_the_field(call: object, field: str) -> None:
    with pytest.raises(InputError) as error:
        call()  # type: ignore[operator]
    assert error.value.field == field


def test_periods() -> None:
    assert Period.parse("2019Q2") == Period(date(2019, 4, 1), date(2019, 6, 30), "2019Q2")
    assert Period.parse("2020-02").end == date(2020, 2, 29)
    assert Period.parse("2019").start == date(2019, 1, 1)
    assert Period.parse("2019-04-01..2019-04-30").end == date(2019, 4, 30)
    assert [p.label for p in quarters("2018Q4", "2019Q1")] == ["2018Q4", "2019Q1"]
    with pytest.raises(InputTypeError):
        Period(datetime(2019, 1, 1, tzinfo=CPH), date(2019, 2, 1))


# -- output as plain data --------------------------------------------------------------


def test_json_and_csv_output() -> None:
    result = RESULT.on_time("undersoegelse.afslutning", Q2, by=("unit",))
    data = json.loads(json.dumps(result.to_json()))
    assert (data["cohort"], data["as_of"], data["period"]["label"]) == ("due", "2019-07-15", Q2)
    assert data["rows"][0] == {
        "unit": "nord",
        "met": 2,
        "met_late": 0,
        "overdue": 1,
        "ended": 0,
        "not_yet_due": 0,
        "denominator": 3,
        "rate": pytest.approx(2 / 3),
    }
    lines = result.to_csv().splitlines()
    assert lines[0] == "unit,met,met_late,overdue,ended,not_yet_due,denominator,rate"
    assert lines[2] == "syd,1,1,0,0,0,2,0.5"
    empty = RESULT.upcoming(within="1 dag").to_csv()
    assert empty.splitlines()[0].endswith("practical_due,days_left")


def test_to_frame() -> None:
    pytest.importorskip("pandas")
    frame = RESULT.overdue().to_frame()
    assert list(frame["days_overdue"]) == [76, 76, 136, 108, 136, 45]
    assert len(RESULT.upcoming(within="1 dag").to_frame().columns) == 11


# -- properties ------------------------------------------------------------------------

CASES = st.lists(st.integers(0, 400), min_size=1, max_size=8, unique=True)
PERIODS = st.sampled_from(["2024Q1", "2025Q2", "2025", "2026Q2", "2019"])
TARGETS = st.sampled_from(["undersoegelse", "opfoelgning", "underretning.kvittering", "handleplan"])


@settings(max_examples=25, deadline=None)
@given(CASES, PERIODS, TARGETS, st.sampled_from(["due", "fulfilled", "triggered"]))
def test_rates_and_counts_add_up(indices: list[int], period: str, target: str, cohort: str) -> None:
    records = [generate_case(i, seed=3) for i in indices]
    result = evaluate_portfolio(CATALOG, Portfolio(records), frister.synthetic.AS_OF)
    whole = result.on_time(target, period, cohort=cohort)  # type: ignore[arg-type]
    counts = whole.total
    assert whole.rate is None or 0 <= whole.rate <= 1
    assert counts.denominator == counts.met + counts.met_late + counts.overdue
    for by in (("unit",), ("caseworker",), ("rule_id",), ("measure_type",), ("label.spor",)):
        grouped = result.on_time(target, period, cohort=cohort, by=by)  # type: ignore[arg-type]
        total = frister.portfolio.OnTimeCounts()
        for group in grouped.groups:
            assert group.counts.rate is None or 0 <= group.counts.rate <= 1
            total += group.counts
        assert total == counts
    verdicts = result.lawfulness().counts()
    assert sum(verdicts.values()) == len(records)


@settings(max_examples=15, deadline=None)
@given(CASES, st.integers(401, 800))
def test_a_case_added_never_changes_another_cases_figures(indices: list[int], extra: int) -> None:
    records = [generate_case(i, seed=5) for i in indices]
    before = evaluate_portfolio(CATALOG, Portfolio(records), frister.synthetic.AS_OF)
    added = generate_case(extra, seed=5)
    after = evaluate_portfolio(CATALOG, Portfolio([*records, added]), frister.synthetic.AS_OF)
    assert list(after.rows)[: len(before.rows)] == list(before.rows)
    keep = {r.id for r in records}
    assert [v for v in after.lawfulness().cases if v.case_id in keep] == list(
        before.lawfulness().cases
    )
    old = list(before.overdue().items)
    assert [i for i in after.overdue().items if i.case_id in keep] == old
    b = before.on_time("opfoelgning", "2025", by=("caseworker",))
    a = after.on_time("opfoelgning", "2025", by=("caseworker",))
    for group in a.groups:
        if group.key != (added.caseworker,):
            assert group.counts == b.group(*group.key)
