"""Worked examples for the plan, follow-up, placement and transition-to-adulthood rules.

Obligation ids: plan.foer-afgoerelse, plan.efter-afgoerelse, ungeplan,
foraeldrehandleplan.revision, opfoelgning, tilsyn.samtale-anbragt,
anbringelse-uden-samtykke.genbehandling, overgang.forberedelse,
ungestoette.afgoerelse and ungestoette.ny-handlekommune.

Every expected date is worked out by hand from the statute and the calendar
(the reasoning is in the comment beside it), never by asking frister. The
calendar facts used: Easter 2010 = 4 Apr, 2013 = 31 Mar, 2014 = 20 Apr,
2022 = 17 Apr, 2023 = 9 Apr, 2024 = 31 Mar, 2025 = 20 Apr, 2026 = 5 Apr;
skærtorsdag = Easter - 3, langfredag = - 2, 2. påskedag = + 1; store bededag
(Easter + 26) is a helligdag up to 2023 only; Kristi himmelfart = Easter + 39;
pinse = + 49 / + 50. Authority deadlines are kept on a closed day and flagged,
with the previous working day as the practical due date; 24 Dec, 31 Dec and
5 Jun are working days for authorities.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import frister
from frister import Event, Obligation, Status, YearReading
from rule_helpers import (
    CATALOG,
    assert_cites,
    assert_kept_on_closed_day,
    assert_status,
    ev,
    run,
    single,
)

CPH = ZoneInfo("Europe/Copenhagen")

SEL = "Lov om social service (serviceloven)"

# Version ids.
SEL_PLAN_FOER = "serviceloven.handleplan.foer-afgoerelse"
BL_PLAN_FOER = "barnets-lov.barnets-plan.anbringelse-uden-samtykke-foer-afgoerelse"
SEL_AKUT = "serviceloven.handleplan.akut-4m"
BL_STOETTENDE = "barnets-lov.barnets-plan.stoettende-indsats-3m"
BL_ANBRINGELSE = "barnets-lov.barnets-plan.anbringelse-med-samtykke-3m"
BL_UNGEPLAN = "barnets-lov.ungeplan.3m"
BL_UNGEPLAN_16 = "barnets-lov.ungeplan.3m@16-aar"
SEL_REVISION = "serviceloven.foraeldrehandleplan.revision-3m"
BL_REVISION = "barnets-lov.foraeldrehandleplan.revision-3m"
SEL_OPF_12 = "serviceloven.opfoelgning.interval-12m"
SEL_OPF_6 = "serviceloven.opfoelgning.interval-6m"
BL_OPF = "barnets-lov.opfoelgning.loebende-plan"
SEL_TILSYN = "serviceloven.tilsyn.boernesamtale-2-aarligt"
BL_TILSYN = "barnets-lov.tilsyn.boernesamtale-2-aarligt"
SEL_GENBEH = "serviceloven.anbringelse-uden-samtykke.genbehandling"
BL_GENBEH = "barnets-lov.anbringelse-uden-samtykke.genbehandling"
SEL_OVERGANG = "serviceloven.overgang.forberedelse-16-aar"
BL_OVERGANG = "barnets-lov.overgang.forberedelse-16-aar"
SEL_UNGESTOETTE = "serviceloven.eftervaern.afgoerelse-6m-foer-18"
BL_UNGESTOETTE = "barnets-lov.ungestoette.afgoerelse-6m-foer-18"
SEL_NY_KOMMUNE = "serviceloven.eftervaern.ny-opholdskommune-30d"
BL_NY_KOMMUNE = "barnets-lov.ungestoette.ny-handlekommune-30d"

# Citations as the explanation prints them.
CIT_SEL_PLAN_FOER = f"{SEL} § 140, stk. 1, 1. pkt."
CIT_BL_PLAN_FOER = "Barnets lov § 91, stk. 2, 3. pkt."
CIT_SEL_AKUT = f"{SEL} § 140, stk. 1"
CIT_BL_STOETTENDE = "Barnets lov § 91, stk. 1"
CIT_BL_ANBRINGELSE = "Barnets lov § 91, stk. 2"
CIT_BL_UNGEPLAN = "Barnets lov § 108, stk. 3"
CIT_SEL_REVISION = f"{SEL} § 70, stk. 4"
CIT_BL_REVISION = "Barnets lov § 79, stk. 2 og 3"
CIT_SEL_OPF = f"{SEL} § 70, stk. 1"
CIT_BL_OPF = "Barnets lov § 95, stk. 2 og 3"
CIT_SEL_TILSYN = f"{SEL} § 70, stk. 2"
CIT_BL_TILSYN = "Barnets lov § 156, stk. 5"
CIT_SEL_GENBEH = f"{SEL} § 62"
CIT_BL_GENBEH = "Barnets lov § 50"
CIT_SEL_OVERGANG = f"{SEL} § 19 a"
CIT_BL_OVERGANG = "Barnets lov § 122"
CIT_SEL_UNGESTOETTE = f"{SEL} § 68, stk. 11"
CIT_BL_UNGESTOETTE = "Barnets lov § 111, stk. 1"
CIT_SEL_NY_KOMMUNE = f"{SEL} § 68, stk. 13"
CIT_BL_NY_KOMMUNE = "Barnets lov § 112, stk. 3"


# -- helpers ---------------------------------------------------------------------------


def assert_transition(ob: Obligation | frister.RuleDeadline, old: str, new: str) -> None:
    """The explanation names the Barnets lov § 213 transition from ``old`` to ``new``."""
    for lang in ("da", "en"):
        text = ob.explain(lang)
        assert "§ 213" in text, text
        assert old in text
        assert new in text
    assert ob.version.id == new


def assert_governs_its_due_date(ob: Obligation) -> None:
    """The governing version is in force on the due date (catalog.md: 'governed by the
    version in force on the day it falls due')."""
    due = ob.due
    assert isinstance(due, date)
    in_force = ob.version.in_force(due)
    assert in_force, f"{ob.version.id} governs {due} but applies {ob.version.period('en')}"


# =====================================================================================
# plan.foer-afgoerelse (P): SEL § 140 stk. 1 1. pkt.; BL § 91 stk. 2 3. pkt.
# =====================================================================================


def test_plan_foer_sel_met_by_a_plan_made_before_easter() -> None:
    # SEL § 140 stk. 1: the handleplan must exist before the decision on measures under
    # § 52. Plan Wed 5 Apr 2023 (the day before skærtorsdag 6 Apr); decision Tue 11 Apr
    # 2023 (the first working day after 2. påskedag 10 Apr). A precondition is "due" on
    # the decision itself and is met.
    decision = ev("afgoerelse.truffet", date(2023, 4, 11), afgoerelse_id="A1", hjemmel="SEL § 52")
    plan = ev("plan.udarbejdet", date(2023, 4, 5), afgoerelse_id="A1", type="handleplan")
    ob = single("plan.foer-afgoerelse", [decision, plan], date(2023, 5, 1))
    assert ob.version.id == SEL_PLAN_FOER
    assert ob.due == date(2023, 4, 11)
    assert ob.fulfilled_by == plan
    assert ob.fulfilled_at == date(2023, 4, 5)
    assert_status(ob, Status.MET)
    assert_cites(ob, CIT_SEL_PLAN_FOER)
    assert "Skal være opfyldt før" in ob.explain("da")
    assert "Must be fulfilled before" in ob.explain("en")


def test_plan_foer_sel_breached_when_the_plan_comes_after_the_decision() -> None:
    # The plan of Wed 12 Apr 2023 comes the day after the decision of Tue 11 Apr: the
    # precondition was not met when the decision was made.
    decision = ev("afgoerelse.truffet", date(2023, 4, 11), afgoerelse_id="A1", hjemmel="SEL § 76")
    plan = ev("plan.udarbejdet", date(2023, 4, 12), afgoerelse_id="A1")
    ob = single("plan.foer-afgoerelse", [decision, plan], date(2023, 5, 1))
    assert ob.fulfilled_by is None
    assert_status(ob, Status.OVERDUE)


def test_plan_foer_sel_needs_the_plan_of_the_same_decision() -> None:
    # A plan for another decision (afgoerelse_id A2) does not satisfy A1's precondition.
    decision = ev("afgoerelse.truffet", date(2023, 6, 1), afgoerelse_id="A1", hjemmel="SEL § 76 a")
    other = ev("plan.udarbejdet", date(2023, 5, 1), afgoerelse_id="A2")
    ob = single("plan.foer-afgoerelse", [decision, other], date(2023, 6, 2))
    assert_status(ob, Status.OVERDUE)
    same = ev("plan.udarbejdet", date(2023, 5, 2), afgoerelse_id="A1")
    ob = single("plan.foer-afgoerelse", [decision, other, same], date(2023, 6, 2))
    assert ob.fulfilled_by == same
    assert_status(ob, Status.MET)


def test_plan_foer_sel_same_day_and_across_the_clock_change() -> None:
    # Date-only events on the decision day: the plan counts as made before the decision.
    decision = ev("afgoerelse.truffet", date(2023, 3, 1), afgoerelse_id="A1", hjemmel="SEL § 52")
    plan = ev("plan.udarbejdet", date(2023, 3, 1), afgoerelse_id="A1")
    assert single("plan.foer-afgoerelse", [decision, plan], date(2023, 3, 2)).status is Status.MET
    # Sun 26 Mar 2023 is the change to summer time (02:00 CET -> 03:00 CEST). A plan at
    # 01:59 CET (00:59 UTC) is one real minute before a decision at 03:00 CEST
    # (01:00 UTC): met. A plan at 03:01 CEST comes after it: breached.
    decided = ev(
        "afgoerelse.truffet",
        datetime(2023, 3, 26, 3, 0, tzinfo=CPH),
        afgoerelse_id="A1",
        hjemmel="SEL § 52",
    )
    before = ev("plan.udarbejdet", datetime(2023, 3, 26, 1, 59, tzinfo=CPH), afgoerelse_id="A1")
    after = ev("plan.udarbejdet", datetime(2023, 3, 26, 3, 1, tzinfo=CPH), afgoerelse_id="A1")
    assert single("plan.foer-afgoerelse", [decided, before], date(2023, 3, 27)).status is Status.MET
    late = single("plan.foer-afgoerelse", [decided, after], date(2023, 3, 27))
    assert late.status is Status.OVERDUE


@pytest.mark.parametrize(
    "facts",
    [
        {"hjemmel": "SEL § 50"},  # not a decision on measures under §§ 52, 76, 76 a
        {},  # no legal basis recorded
        {"hjemmel": "SEL § 52", "akut": True},  # urgent: plan.efter-afgoerelse instead
    ],
)
def test_plan_foer_sel_does_not_apply(facts: dict[str, Any]) -> None:
    decision = ev("afgoerelse.truffet", date(2023, 6, 1), afgoerelse_id="A1", **facts)
    assert run("plan.foer-afgoerelse", [decision], date(2023, 7, 1)) == []


def test_plan_foer_bl_across_new_year_a_serviceloven_plan_counts() -> None:
    # BL § 91 stk. 2 3. pkt.: for a placement without consent the plan must exist before
    # the committee decides. Plan Fri 29 Dec 2023 (under SEL, still usable: BL § 213
    # stk. 3); committee decision Tue 2 Jan 2024 (1 Jan is nytårsdag). Met, under BL.
    decision = ev(
        "udvalg.afgoerelse",
        date(2024, 1, 2),
        afgoerelse_id="U1",
        indsats_id="I1",
        type="anbringelse-uden-samtykke",
    )
    plan = ev("plan.udarbejdet", date(2023, 12, 29), afgoerelse_id="U1", type="barnets-plan")
    ob = single("plan.foer-afgoerelse", [decision, plan], date(2024, 1, 3))
    assert ob.version.id == BL_PLAN_FOER
    assert ob.due == date(2024, 1, 2)
    assert ob.fulfilled_by == plan
    assert_status(ob, Status.MET)
    assert_cites(ob, CIT_BL_PLAN_FOER)


def test_plan_foer_bl_breached_and_its_conditions() -> None:
    # No plan before the committee's decision of Thu 9 May 2024 (Kristi himmelfart is no
    # bar to a decision): breached at once.
    decision = ev(
        "udvalg.afgoerelse",
        date(2024, 5, 9),
        afgoerelse_id="U1",
        type="anbringelse-uden-samtykke",
    )
    ob = single("plan.foer-afgoerelse", [decision], date(2024, 5, 9))
    assert ob.due == date(2024, 5, 9)
    assert_status(ob, Status.OVERDUE)
    # Not a placement without consent: no plan before the decision is required.
    other = ev(
        "udvalg.afgoerelse",
        date(2024, 5, 9),
        afgoerelse_id="U2",
        type="undersoegelse-uden-samtykke",
    )
    assert run("plan.foer-afgoerelse", [other], date(2024, 6, 1)) == []
    # A municipal decision (afgoerelse.truffet) is not the committee's decision.
    municipal = ev(
        "afgoerelse.truffet", date(2024, 5, 9), afgoerelse_id="A1", type="anbringelse-uden-samtykke"
    )
    assert run("plan.foer-afgoerelse", [municipal], date(2024, 6, 1)) == []
    # The SEL wording ended on 31 Dec 2023: a 2024 decision citing SEL § 52 gives nothing.
    sel = ev("afgoerelse.truffet", date(2024, 2, 1), afgoerelse_id="A3", hjemmel="SEL § 52")
    assert run("plan.foer-afgoerelse", [sel], date(2024, 3, 1)) == []
    # And BL § 91 was not in force for a committee decision in December 2023.
    early = ev(
        "udvalg.afgoerelse",
        date(2023, 12, 20),
        afgoerelse_id="U3",
        type="anbringelse-uden-samtykke",
    )
    assert run("plan.foer-afgoerelse", [early], date(2024, 1, 10)) == []


def test_plan_foer_has_no_exemption_and_no_computed_deadline() -> None:
    # Neither version names an exemption (unlike the talk with the child): a documented
    # omission of the talk does not excuse the plan.
    for version in CATALOG.get("plan.foer-afgoerelse").versions:
        assert version.exempted_by == ()
        assert version.before is True
    decision = ev("afgoerelse.truffet", date(2023, 6, 1), afgoerelse_id="A1", hjemmel="SEL § 52")
    undladt = ev("boernesamtale.undladt", date(2023, 5, 30), afgoerelse_id="A1", begrundelse="x")
    ob = single("plan.foer-afgoerelse", [decision, undladt], date(2023, 6, 1))
    assert_status(ob, Status.OVERDUE)
    # A precondition has no date to compute: catalog.due refuses it.
    with pytest.raises(frister.NoDeadlineError):
        CATALOG.due("plan.foer-afgoerelse", date(2023, 6, 1), {"hjemmel": "SEL § 52"})


# =====================================================================================
# plan.efter-afgoerelse (D): SEL § 140 stk. 1 2.-3. pkt. (akut, 4 måneder);
# BL § 91 stk. 1 (støttende indsats, 3 måneder); BL § 91 stk. 2 (anbringelse, 3 måneder)
# =====================================================================================


def test_plan_efter_sel_akut_ends_on_skaertorsdag_2023() -> None:
    # Urgent decision Tue 6 Dec 2022 + 4 måneder = Thu 6 Apr 2023 = skærtorsdag (Easter
    # 9 Apr 2023). Kept; practical due the previous working day, Wed 5 Apr 2023.
    facts = {"akut": True, "hjemmel": "SEL § 52"}
    dl = CATALOG.due("plan.efter-afgoerelse", date(2022, 12, 6), facts)
    assert dl.version.id == SEL_AKUT
    assert_kept_on_closed_day(dl, date(2023, 4, 6), date(2023, 4, 5))
    assert_cites(dl, CIT_SEL_AKUT)
    decision = ev("afgoerelse.truffet", date(2022, 12, 6), afgoerelse_id="A1", **facts)
    ob = single("plan.efter-afgoerelse", [decision], date(2023, 4, 6))
    assert_kept_on_closed_day(ob, date(2023, 4, 6), date(2023, 4, 5))
    assert_status(ob, Status.PENDING)  # the due day itself still counts
    ob = single("plan.efter-afgoerelse", [decision], date(2023, 4, 7))
    assert_status(ob, Status.OVERDUE)


def test_plan_efter_sel_akut_store_bededag_2023() -> None:
    # Thu 5 Jan 2023 + 4 måneder = Fri 5 May 2023 = store bededag (Easter 9 Apr + 26),
    # still a helligdag in 2023: kept, practical Thu 4 May 2023.
    dl = CATALOG.due(
        "plan.efter-afgoerelse", date(2023, 1, 5), {"akut": True, "hjemmel": "SEL § 76"}
    )
    assert_kept_on_closed_day(dl, date(2023, 5, 5), date(2023, 5, 4))


def test_plan_efter_sel_akut_across_new_year_has_no_successor() -> None:
    # Wed 15 Nov 2023 + 4 måneder = Fri 15 Mar 2024, after SEL ended. Barnets lov has
    # no rule for urgent decisions (the data's question says so): the SEL version keeps
    # governing and the explanation says no later rule follows.
    decision = ev(
        "afgoerelse.truffet", date(2023, 11, 15), afgoerelse_id="A1", akut=True, hjemmel="SEL § 52"
    )
    ob = single("plan.efter-afgoerelse", [decision], date(2024, 1, 10))
    assert ob.due == date(2024, 3, 15)
    assert not ob.on_closed_day
    assert ob.version.id == SEL_AKUT
    assert "ingen efterfølgende regel" in ob.explain("da")
    assert "no later rule follows" in ob.explain("en")
    assert "§ 91" in ob.explain("da")  # the open transition question names BL § 91
    assert_status(ob, Status.PENDING)


def test_plan_efter_sel_akut_statuses_and_conditions() -> None:
    decision = ev(
        "afgoerelse.truffet", date(2023, 2, 1), afgoerelse_id="A1", akut=True, hjemmel="SEL § 52"
    )
    # Wed 1 Feb 2023 + 4 måneder = Thu 1 Jun 2023.
    on_time = ev("plan.udarbejdet", date(2023, 6, 1), afgoerelse_id="A1")
    late = ev("plan.udarbejdet", date(2023, 6, 2), afgoerelse_id="A1")
    other = ev("plan.udarbejdet", date(2023, 3, 1), afgoerelse_id="A9")
    ob = single("plan.efter-afgoerelse", [decision, on_time], date(2023, 7, 1))
    assert ob.due == date(2023, 6, 1)
    assert ob.fulfilled_by == on_time
    assert_status(ob, Status.MET)
    ob = single("plan.efter-afgoerelse", [decision, late], date(2023, 7, 1))
    assert_status(ob, Status.MET_LATE)
    ob = single("plan.efter-afgoerelse", [decision, other], date(2023, 7, 1))
    assert_status(ob, Status.OVERDUE)
    # The plan of the urgent decision is not required before it.
    assert run("plan.foer-afgoerelse", [decision], date(2023, 7, 1)) == []
    # Not urgent, or urgent on another basis: no 4-month plan deadline.
    for facts in ({"akut": False, "hjemmel": "SEL § 52"}, {"akut": True, "hjemmel": "SEL § 50"}):
        plain = ev("afgoerelse.truffet", date(2023, 2, 1), afgoerelse_id="A2", **facts)
        assert run("plan.efter-afgoerelse", [plain], date(2023, 7, 1)) == []


def test_plan_efter_bl_stoettende_ends_on_kristi_himmelfart() -> None:
    # BL § 91 stk. 1: support measure, plan needed, child aged 15 (born 10 May 2008; on
    # Fri 9 Feb 2024 still 15). + 3 måneder = Thu 9 May 2024 = Kristi himmelfartsdag
    # (31 Mar + 39). Kept; practical Wed 8 May 2024.
    decision = ev(
        "afgoerelse.truffet",
        date(2024, 2, 9),
        afgoerelse_id="A1",
        type="stoettende-indsats",
        plan_noedvendig=True,
    )
    ob = single(
        "plan.efter-afgoerelse", [decision], date(2024, 3, 1), {"foedselsdato": date(2008, 5, 10)}
    )
    assert ob.version.id == BL_STOETTENDE
    assert_kept_on_closed_day(ob, date(2024, 5, 9), date(2024, 5, 8))
    assert_cites(ob, CIT_BL_STOETTENDE)
    assert_status(ob, Status.PENDING)


def test_plan_efter_bl_stoettende_16_year_olds_get_an_ungeplan_instead() -> None:
    # Born Fri 9 Feb 2008: 16 on Fri 9 Feb 2024, the day of the decision. § 91 stk. 1
    # gives way to § 108 (ungeplan): no barnets plan obligation; the ungeplan is due
    # 3 måneder later, Thu 9 May 2024 (Kristi himmelfart; practical Wed 8 May).
    decision = ev(
        "afgoerelse.truffet",
        date(2024, 2, 9),
        afgoerelse_id="A1",
        type="stoettende-indsats",
        plan_noedvendig=True,
    )
    facts = {"foedselsdato": date(2008, 2, 9)}
    assert run("plan.efter-afgoerelse", [decision], date(2024, 3, 1), facts) == []
    ob = single("ungeplan", [decision], date(2024, 3, 1), facts)
    assert ob.version.id == BL_UNGEPLAN
    assert_kept_on_closed_day(ob, date(2024, 5, 9), date(2024, 5, 8))


@pytest.mark.parametrize(
    "facts",
    [
        {"type": "stoettende-indsats", "plan_noedvendig": False},  # decided: no plan needed
        {"type": "stoettende-indsats"},  # no decision on the need recorded
        {"type": "handicap-merudgifter", "plan_noedvendig": True},  # not a § 32 measure
    ],
)
def test_plan_efter_bl_stoettende_does_not_apply(facts: dict[str, Any]) -> None:
    decision = ev("afgoerelse.truffet", date(2024, 2, 9), afgoerelse_id="A1", **facts)
    case_facts = {"foedselsdato": date(2012, 1, 1)}
    assert run("plan.efter-afgoerelse", [decision], date(2024, 3, 1), case_facts) == []


def test_plan_efter_bl_stoettende_statuses() -> None:
    # Mon 15 Jan 2024 + 3 måneder = Mon 15 Apr 2024.
    decision = ev(
        "afgoerelse.truffet",
        date(2024, 1, 15),
        afgoerelse_id="A1",
        type="stoettende-indsats",
        plan_noedvendig=True,
    )
    facts = {"foedselsdato": date(2014, 6, 1)}
    ob = single("plan.efter-afgoerelse", [decision], date(2024, 4, 15), facts)
    assert ob.due == date(2024, 4, 15)
    assert not ob.on_closed_day
    assert_status(ob, Status.PENDING)
    assert_status(
        single("plan.efter-afgoerelse", [decision], date(2024, 4, 16), facts), Status.OVERDUE
    )
    plan = ev("plan.udarbejdet", date(2024, 4, 15), afgoerelse_id="A1", type="barnets-plan")
    assert_status(
        single("plan.efter-afgoerelse", [decision, plan], date(2024, 5, 1), facts), Status.MET
    )
    late = ev("plan.udarbejdet", date(2024, 4, 16), afgoerelse_id="A1", type="barnets-plan")
    ob = single("plan.efter-afgoerelse", [decision, late], date(2024, 5, 1), facts)
    assert ob.fulfilled_at == date(2024, 4, 16)
    assert_status(ob, Status.MET_LATE)


def test_plan_efter_bl_anbringelse_ends_on_juledag_24_december_is_a_working_day() -> None:
    # BL § 91 stk. 2: placement with consent Wed 25 Sep 2024 + 3 måneder = Wed 25 Dec
    # 2024 = juledag. Kept; the previous working day is Tue 24 Dec (juleaftensdag is a
    # working day for an authority's deadline).
    dl = CATALOG.due(
        "plan.efter-afgoerelse", date(2024, 9, 25), {"type": "anbringelse-med-samtykke"}
    )
    assert dl.version.id == BL_ANBRINGELSE
    assert_kept_on_closed_day(dl, date(2024, 12, 25), date(2024, 12, 24))
    assert_cites(dl, CIT_BL_ANBRINGELSE)


def test_plan_efter_bl_anbringelse_grundlovsdag_and_store_bededag_2024_are_working_days() -> None:
    # Wed 5 Mar 2025 + 3 måneder = Thu 5 Jun 2025, grundlovsdag: a working day for the
    # authority, so not flagged.
    dl = CATALOG.due(
        "plan.efter-afgoerelse", date(2025, 3, 5), {"type": "anbringelse-med-samtykke"}
    )
    assert dl.due == dl.practical_due == date(2025, 6, 5)
    assert not dl.on_closed_day
    # Fri 26 Jan 2024 + 3 måneder = Fri 26 Apr 2024, which would have been store bededag
    # (31 Mar + 26) had it not been abolished from 2024: an ordinary working day.
    dl = CATALOG.due(
        "plan.efter-afgoerelse", date(2024, 1, 26), {"type": "anbringelse-med-samtykke"}
    )
    assert dl.due == dl.practical_due == date(2024, 4, 26)
    assert not dl.on_closed_day


def test_plan_efter_bl_anbringelse_month_ends() -> None:
    # Fri 31 May 2024 + 3 måneder = 31 Aug 2024, a Saturday: kept, practical Fri 30 Aug.
    dl = CATALOG.due(
        "plan.efter-afgoerelse", date(2024, 5, 31), {"type": "anbringelse-med-samtykke"}
    )
    assert_kept_on_closed_day(dl, date(2024, 8, 31), date(2024, 8, 30))
    # Tue 30 Nov 2027 + 3 måneder: February 2028 has no 30th; its last day is the leap
    # day Tue 29 Feb 2028.
    dl = CATALOG.due(
        "plan.efter-afgoerelse", date(2027, 11, 30), {"type": "anbringelse-med-samtykke"}
    )
    assert dl.due == dl.practical_due == date(2028, 2, 29)
    assert "månedens sidste dag" in dl.explain("da")


def test_plan_efter_bl_anbringelse_statuses_and_scope() -> None:
    # Mon 15 Jan 2024 + 3 måneder = Mon 15 Apr 2024. A youth plan also fulfils it.
    decision = ev(
        "afgoerelse.truffet", date(2024, 1, 15), afgoerelse_id="A1", type="anbringelse-med-samtykke"
    )
    ungeplan = ev("plan.udarbejdet", date(2024, 3, 1), afgoerelse_id="A1", type="ungeplan")
    ob = single("plan.efter-afgoerelse", [decision, ungeplan], date(2024, 5, 1))
    assert ob.version.id == BL_ANBRINGELSE
    assert ob.due == date(2024, 4, 15)
    assert_status(ob, Status.MET)
    late = ev("plan.udarbejdet", date(2024, 4, 22), afgoerelse_id="A1", type="barnets-plan")
    assert_status(
        single("plan.efter-afgoerelse", [decision, late], date(2024, 5, 1)), Status.MET_LATE
    )
    wrong = ev("plan.udarbejdet", date(2024, 2, 1), afgoerelse_id="A2", type="barnets-plan")
    assert_status(
        single("plan.efter-afgoerelse", [decision, wrong], date(2024, 5, 1)), Status.OVERDUE
    )
    # A placement without consent needs its plan before, not after, the decision.
    without = ev(
        "afgoerelse.truffet",
        date(2024, 1, 15),
        afgoerelse_id="A3",
        type="anbringelse-uden-samtykke",
    )
    assert run("plan.efter-afgoerelse", [without], date(2024, 5, 1)) == []


def test_plan_efter_a_december_2023_placement_is_planned_under_serviceloven() -> None:
    # A placement decided Fri 15 Dec 2023 under SEL § 52: SEL § 140 wanted the plan
    # before the decision, so it is plan.foer-afgoerelse (sel), not a BL 3-month plan.
    decision = ev(
        "afgoerelse.truffet",
        date(2023, 12, 15),
        afgoerelse_id="A1",
        type="anbringelse-med-samtykke",
        hjemmel="SEL § 52",
    )
    assert run("plan.efter-afgoerelse", [decision], date(2024, 4, 1)) == []
    ob = single("plan.foer-afgoerelse", [decision], date(2024, 4, 1))
    assert ob.version.id == SEL_PLAN_FOER


# =====================================================================================
# ungeplan (D): BL § 108 stk. 3, variants "afgoerelse" and "16-aar"
# =====================================================================================


def test_ungeplan_afgoerelse_ends_on_skaertorsdag_2025() -> None:
    # Decision Fri 17 Jan 2025 for a young person born 2 Feb 2008 (16 since 2 Feb 2024):
    # + 3 måneder = Thu 17 Apr 2025 = skærtorsdag (Easter 20 Apr). Practical Wed 16 Apr.
    decision = ev(
        "afgoerelse.truffet", date(2025, 1, 17), afgoerelse_id="A1", type="stoettende-indsats"
    )
    ob = single("ungeplan", [decision], date(2025, 2, 1), {"foedselsdato": date(2008, 2, 2)})
    assert ob.version.id == BL_UNGEPLAN
    assert_kept_on_closed_day(ob, date(2025, 4, 17), date(2025, 4, 16))
    assert_cites(ob, CIT_BL_UNGEPLAN)
    assert_status(ob, Status.PENDING)
    dl = CATALOG.due(
        "ungeplan",
        date(2025, 1, 17),
        {"foedselsdato": date(2008, 2, 2), "type": "stoettende-indsats"},
    )
    assert dl.due == date(2025, 4, 17)
    assert dl.version.id == BL_UNGEPLAN


def test_ungeplan_afgoerelse_weekend_and_age_boundary() -> None:
    # Fri 28 Jun 2024 + 3 måneder = Sat 28 Sep 2024: kept, practical Fri 27 Sep.
    facts = {"foedselsdato": date(2008, 3, 15)}
    decision = ev(
        "afgoerelse.truffet", date(2024, 6, 28), afgoerelse_id="A1", type="anbringelse-med-samtykke"
    )
    ob = single("ungeplan", [decision], date(2024, 7, 1), facts)
    assert_kept_on_closed_day(ob, date(2024, 9, 28), date(2024, 9, 27))
    # Born 2 Feb 2009: on Sat 1 Feb 2025 still 15 -> no youth plan; on Sun 2 Feb 2025
    # 16 -> due Fri 2 May 2025.
    facts = {"foedselsdato": date(2009, 2, 2)}
    day_before = ev(
        "afgoerelse.truffet", date(2025, 2, 1), afgoerelse_id="A1", type="stoettende-indsats"
    )
    assert run("ungeplan", [day_before], date(2025, 3, 1), facts) == []
    birthday = ev(
        "afgoerelse.truffet", date(2025, 2, 2), afgoerelse_id="A2", type="stoettende-indsats"
    )
    ob = single("ungeplan", [birthday], date(2025, 3, 1), facts)
    assert ob.due == ob.practical_due == date(2025, 5, 2)
    # Without a date of birth the age cannot be established: no youth plan obligation.
    assert run("ungeplan", [birthday], date(2025, 3, 1)) == []
    # A decision on support after 18 (BL §§ 114-116) is outside the modelled § 108 stk. 3
    # trigger (support or placement with consent): no youth plan deadline from it.
    after18 = ev(
        "afgoerelse.truffet", date(2025, 2, 2), afgoerelse_id="A3", type="stoette-efter-18"
    )
    assert run("ungeplan", [after18], date(2025, 3, 1), facts) == []


def test_ungeplan_afgoerelse_fulfilled_only_by_a_youth_plan() -> None:
    # Mon 3 Jun 2024 + 3 måneder = Tue 3 Sep 2024.
    facts = {"foedselsdato": date(2007, 9, 1)}
    decision = ev(
        "afgoerelse.truffet", date(2024, 6, 3), afgoerelse_id="A1", type="stoettende-indsats"
    )
    barnets = ev("plan.udarbejdet", date(2024, 7, 1), afgoerelse_id="A1", type="barnets-plan")
    ob = single("ungeplan", [decision, barnets], date(2024, 9, 4), facts)
    assert ob.due == date(2024, 9, 3)
    assert ob.fulfilled_by is None
    assert_status(ob, Status.OVERDUE)
    plan = ev("plan.udarbejdet", date(2024, 9, 3), afgoerelse_id="A1", type="ungeplan")
    ob = single("ungeplan", [decision, barnets, plan], date(2024, 9, 4), facts)
    assert ob.fulfilled_by == plan
    assert_status(ob, Status.MET)
    late = ev("plan.udarbejdet", date(2024, 9, 4), afgoerelse_id="A1", type="ungeplan")
    assert_status(single("ungeplan", [decision, late], date(2024, 9, 5), facts), Status.MET_LATE)


def test_ungeplan_16_aar_born_on_a_leap_day() -> None:
    # Measure started Wed 10 Jan 2024 for a child born 29 Feb 2008 (15 then). The 16th
    # birthday is Thu 29 Feb 2024 (2024 is a leap year); + 3 måneder = Wed 29 May 2024.
    start = ev("indsats.iverksat", date(2024, 1, 10), indsats_id="I1", type="stoettende-indsats")
    ob = single("ungeplan", [start], date(2024, 3, 1), {"foedselsdato": date(2008, 2, 29)})
    assert ob.version.id == BL_UNGEPLAN_16
    assert ob.due == ob.practical_due == date(2024, 5, 29)
    assert_cites(ob, CIT_BL_UNGEPLAN)
    assert "16-årsdag" in ob.explain("da")
    assert_status(ob, Status.PENDING)


def test_ungeplan_16_aar_ends_on_2_pinsedag() -> None:
    # Born 9 Mar 2009: 16 on Sun 9 Mar 2025; + 3 måneder = Mon 9 Jun 2025 = 2. pinsedag
    # (Easter 20 Apr + 50). Kept; practical Fri 6 Jun 2025 (7-8 Jun is a weekend).
    start = ev("indsats.iverksat", date(2024, 10, 1), indsats_id="I1", type="anbringelse")
    ob = single("ungeplan", [start], date(2025, 1, 1), {"foedselsdato": date(2009, 3, 9)})
    assert_kept_on_closed_day(ob, date(2025, 6, 9), date(2025, 6, 6))


def test_ungeplan_16_aar_statuses() -> None:
    facts = {"foedselsdato": date(2009, 3, 9)}
    start = ev("indsats.iverksat", date(2024, 10, 1), indsats_id="I1", type="anbringelse")
    # Due Mon 9 Jun 2025 (above). Ended Tue 1 Apr 2025, before the due date: lapses.
    ended = ev("indsats.ophoert", date(2025, 4, 1), indsats_id="I1", type="anbringelse")
    ob = single("ungeplan", [start, ended], date(2025, 7, 1), facts)
    assert ob.ended_by == ended
    assert_status(ob, Status.ENDED)
    # Ended after the deadline ran out without a youth plan: the breach stands.
    after = ev("indsats.ophoert", date(2025, 6, 20), indsats_id="I1", type="anbringelse")
    assert_status(single("ungeplan", [start, after], date(2025, 7, 1), facts), Status.OVERDUE)
    # A youth plan for this measure, on time.
    plan = ev("plan.udarbejdet", date(2025, 5, 1), indsats_id="I1", type="ungeplan")
    assert_status(single("ungeplan", [start, plan], date(2025, 7, 1), facts), Status.MET)
    # For another measure it does not count.
    other = ev("plan.udarbejdet", date(2025, 5, 1), indsats_id="I2", type="ungeplan")
    assert_status(single("ungeplan", [start, other], date(2025, 7, 1), facts), Status.OVERDUE)
    # A measure started after the 16th birthday is not the 16-aar case.
    late_start = ev("indsats.iverksat", date(2025, 3, 10), indsats_id="I3", type="anbringelse")
    assert run("ungeplan", [late_start], date(2025, 7, 1), facts) == []


def test_ungeplan_16_aar_for_a_measure_started_under_serviceloven() -> None:
    # A support measure started Fri 1 Sep 2023 is still running when the young person
    # (born 10 Mar 2008) turns 16 on Sun 10 Mar 2024. BL § 108 stk. 3 applies to the
    # 16th birthday in 2024 (BL § 213 stk. 1: the matter is finished under BL), so a
    # youth plan is due 3 måneder later: Mon 10 Jun 2024, under the BL version.
    start = ev("indsats.iverksat", date(2023, 9, 1), indsats_id="I1", type="stoettende-indsats")
    obs = run("ungeplan", [start], date(2024, 7, 1), {"foedselsdato": date(2008, 3, 10)})
    assert [(ob.version.id, ob.due) for ob in obs] == [(BL_UNGEPLAN_16, date(2024, 6, 10))]


# =====================================================================================
# foraeldrehandleplan.revision (R): SEL § 70 stk. 4; BL § 79 stk. 2 og 3
# =====================================================================================


def test_revision_sel_ends_on_skaertorsdag_2023() -> None:
    # Moved out Fri 6 Jan 2023 + 3 måneder = Thu 6 Apr 2023 = skærtorsdag. Kept;
    # practical Wed 5 Apr 2023.
    dl = CATALOG.due("foraeldrehandleplan.revision", date(2023, 1, 6), {"indsats_id": "I1"})
    assert dl.version.id == SEL_REVISION
    assert_kept_on_closed_day(dl, date(2023, 4, 6), date(2023, 4, 5))
    assert_cites(dl, CIT_SEL_REVISION)


def test_revision_across_new_year_is_governed_by_barnets_lov() -> None:
    # Moved out Wed 15 Nov 2023 + 3 måneder = Thu 15 Feb 2024: falls due under BL § 79.
    dl = CATALOG.due("foraeldrehandleplan.revision", date(2023, 11, 15), {"indsats_id": "I1"})
    assert dl.due == dl.practical_due == date(2024, 2, 15)
    assert_transition(dl, SEL_REVISION, BL_REVISION)
    assert_cites(dl, CIT_BL_REVISION)
    # Moved out Thu 28 Dec 2023 + 3 måneder = Thu 28 Mar 2024 = skærtorsdag 2024
    # (Easter 31 Mar): BL, kept, practical Wed 27 Mar 2024.
    move = ev("anbringelse.udflyttet", date(2023, 12, 28), indsats_id="I1")
    ob = single("foraeldrehandleplan.revision", [move], date(2024, 1, 5))
    assert_transition(ob, SEL_REVISION, BL_REVISION)
    assert_kept_on_closed_day(ob, date(2024, 3, 28), date(2024, 3, 27))


def test_revision_recurs_every_12_months_from_the_previous_offer() -> None:
    # Moved out Wed 10 Jan 2024 -> 1st due Wed 10 Apr 2024; offered that day (met).
    # 2nd: 10 Apr 2024 + 12 måneder = Thu 10 Apr 2025; offered Wed 2 Apr 2025 (met).
    # 3rd: 2 Apr 2025 + 12 måneder = Thu 2 Apr 2026 = skærtorsdag 2026 (Easter 5 Apr):
    # kept, practical Wed 1 Apr 2026.
    events = [
        ev("anbringelse.udflyttet", date(2024, 1, 10), indsats_id="I1"),
        ev("foraeldrehandleplan.revision-tilbudt", date(2024, 4, 10), indsats_id="I1"),
        ev("foraeldrehandleplan.revision-tilbudt", date(2025, 4, 2), indsats_id="I1"),
    ]
    obs = run("foraeldrehandleplan.revision", events, date(2026, 4, 2))
    assert [ob.occurrence for ob in obs] == [1, 2, 3]
    first, second, third = obs
    assert first.due == date(2024, 4, 10)
    assert first.fulfilled_by == events[1]
    assert_status(first, Status.MET)
    assert second.due == date(2025, 4, 10)
    assert second.fulfilled_by == events[2]
    assert_status(second, Status.MET)
    assert_kept_on_closed_day(third, date(2026, 4, 2), date(2026, 4, 1))
    assert_status(third, Status.PENDING)
    assert "forekomst 3" in third.explain("da")
    for ob in obs:
        assert ob.version.id == BL_REVISION
        assert_cites(ob, CIT_BL_REVISION)
    third = run("foraeldrehandleplan.revision", events, date(2026, 4, 3))[2]
    assert_status(third, Status.OVERDUE)


def test_revision_late_offer_moves_the_next_anchor_and_leap_day() -> None:
    # 1st: moved out Fri 1 Dec 2023 + 3 måneder = Fri 1 Mar 2024 (BL); offered Thu 29 Feb
    # 2024 (met). 2nd: 29 Feb 2024 + 12 måneder = 28 Feb 2025 (no 29th), a Friday.
    # Offered late, Mon 10 Mar 2025. 3rd: 10 Mar 2025 + 12 måneder = Tue 10 Mar 2026.
    events = [
        ev("anbringelse.udflyttet", date(2023, 12, 1), indsats_id="I1"),
        ev("foraeldrehandleplan.revision-tilbudt", date(2024, 2, 29), indsats_id="I1"),
        ev("foraeldrehandleplan.revision-tilbudt", date(2025, 3, 10), indsats_id="I1"),
        ev("foraeldrehandleplan.revision-tilbudt", date(2025, 6, 1), indsats_id="I2"),
    ]
    first, second, third = run("foraeldrehandleplan.revision", events, date(2026, 3, 11))
    assert first.due == date(2024, 3, 1)
    assert_status(first, Status.MET)
    assert second.due == second.practical_due == date(2025, 2, 28)
    assert_status(second, Status.MET_LATE)
    assert third.due == date(2026, 3, 10)
    assert third.fulfilled_by is None  # the offer for measure I2 is not linked
    assert_status(third, Status.OVERDUE)


def test_revision_second_occurrence_crosses_into_barnets_lov() -> None:
    # Moved out Wed 1 Mar 2023 -> 1st due Thu 1 Jun 2023 (SEL); offered that day. The 2nd
    # is counted from 1 Jun 2023 under SEL: + 12 måneder = Sat 1 Jun 2024, after SEL
    # ended, so BL § 79 governs it; kept, practical Fri 31 May 2024.
    events = [
        ev("anbringelse.udflyttet", date(2023, 3, 1), indsats_id="I1"),
        ev("foraeldrehandleplan.revision-tilbudt", date(2023, 6, 1), indsats_id="I1"),
    ]
    first, second = run("foraeldrehandleplan.revision", events, date(2024, 6, 3))
    assert first.version.id == SEL_REVISION
    assert first.due == date(2023, 6, 1)
    assert_status(first, Status.MET)
    assert_transition(second, SEL_REVISION, BL_REVISION)
    assert_kept_on_closed_day(second, date(2024, 6, 1), date(2024, 5, 31))
    assert_status(second, Status.OVERDUE)


# =====================================================================================
# opfoelgning (R): SEL § 70 stk. 1 (3 måneder, then 12 / 6 måneder); BL § 95 stk. 2 og 3
# =====================================================================================


def test_opfoelgning_sel_2010_ends_on_paaskedag() -> None:
    # Measure started Mon 4 Jan 2010 + 3 måneder = Sun 4 Apr 2010 = påskedag. Kept; the
    # previous working day: Sat 3 Apr (weekend), Fri 2 Apr (langfredag), Thu 1 Apr
    # (skærtorsdag) are closed -> Wed 31 Mar 2010.
    dl = CATALOG.due("opfoelgning", date(2010, 1, 4), {"indsats_id": "I1"})
    assert dl.version.id == SEL_OPF_12
    assert_kept_on_closed_day(dl, date(2010, 4, 4), date(2010, 3, 31))
    assert_cites(dl, CIT_SEL_OPF)


def test_opfoelgning_sel_12_month_interval_second_and_third_occurrence() -> None:
    # Started Tue 15 Jan 2008 -> 1st Tue 15 Apr 2008; done Mon 14 Apr 2008 (met).
    # 2nd: 14 Apr 2008 + 12 måneder = Tue 14 Apr 2009 (2. påskedag 2009 was 13 Apr);
    # done Mon 20 Apr 2009 (late). 3rd: 20 Apr 2009 + 12 måneder = Tue 20 Apr 2010.
    events = [
        ev("indsats.iverksat", date(2008, 1, 15), indsats_id="I1", type="stoettende-indsats"),
        ev("opfoelgning.gennemfoert", date(2008, 4, 14), indsats_id="I1"),
        ev("opfoelgning.gennemfoert", date(2009, 4, 20), indsats_id="I1"),
    ]
    first, second, third = run("opfoelgning", events, date(2010, 5, 1))
    assert first.due == date(2008, 4, 15)
    assert_status(first, Status.MET)
    assert second.due == second.practical_due == date(2009, 4, 14)
    assert_status(second, Status.MET_LATE)
    assert third.due == third.practical_due == date(2010, 4, 20)
    assert_status(third, Status.OVERDUE)
    for ob in (first, second, third):
        assert ob.version.id == SEL_OPF_12
        assert_cites(ob, CIT_SEL_OPF)


def test_opfoelgning_sel_6_month_interval_second_and_third_occurrence() -> None:
    # Started Fri 14 Jan 2022 + 3 måneder = Thu 14 Apr 2022 = skærtorsdag (Easter 17 Apr):
    # kept, practical Wed 13 Apr. Done 13 Apr (met). 2nd: 13 Apr + 6 måneder = Thu
    # 13 Oct 2022; done Thu 20 Oct (late). 3rd: 20 Oct 2022 + 6 måneder = Thu 20 Apr 2023.
    events = [
        ev("indsats.iverksat", date(2022, 1, 14), indsats_id="I1", type="anbringelse"),
        ev("opfoelgning.gennemfoert", date(2022, 4, 13), indsats_id="I1"),
        ev("opfoelgning.gennemfoert", date(2022, 10, 20), indsats_id="I1"),
    ]
    first, second, third = run("opfoelgning", events, date(2023, 4, 20))
    assert_kept_on_closed_day(first, date(2022, 4, 14), date(2022, 4, 13))
    assert_status(first, Status.MET)
    assert second.due == date(2022, 10, 13)
    assert second.fulfilled_at == date(2022, 10, 20)
    assert_status(second, Status.MET_LATE)
    assert third.due == date(2023, 4, 20)
    assert_status(third, Status.PENDING)
    assert "Occurrence no. 3" in third.explain("en")
    for ob in (first, second, third):
        assert ob.version.id == SEL_OPF_6
    assert_status(run("opfoelgning", events, date(2023, 4, 21))[2], Status.OVERDUE)


def test_opfoelgning_sel_6_months_month_end() -> None:
    # Started Wed 30 Nov 2022 + 3 måneder: February 2023 has no 30th -> Tue 28 Feb 2023.
    # Done Mon 27 Feb. 2nd: 27 Feb 2023 + 6 måneder = Sun 27 Aug 2023: kept, practical
    # Fri 25 Aug 2023.
    events = [
        ev("indsats.iverksat", date(2022, 11, 30), indsats_id="I1"),
        ev("opfoelgning.gennemfoert", date(2023, 2, 27), indsats_id="I1"),
    ]
    first, second = run("opfoelgning", events, date(2023, 9, 1))
    assert first.due == first.practical_due == date(2023, 2, 28)
    assert_kept_on_closed_day(second, date(2023, 8, 27), date(2023, 8, 25))
    assert_status(second, Status.OVERDUE)


def test_opfoelgning_first_follow_up_across_new_year_is_governed_by_bl_95() -> None:
    # Started Wed 15 Nov 2023 + 3 måneder = Thu 15 Feb 2024: after SEL ended; § 95 governs.
    dl = CATALOG.due("opfoelgning", date(2023, 11, 15), {"indsats_id": "I1"})
    assert dl.due == date(2024, 2, 15)
    assert_transition(dl, SEL_OPF_6, BL_OPF)
    assert_cites(dl, CIT_BL_OPF)
    start = ev("indsats.iverksat", date(2023, 11, 15), indsats_id="I1")
    done = ev("opfoelgning.gennemfoert", date(2024, 2, 14), indsats_id="I1")
    ob = run("opfoelgning", [start, done], date(2024, 3, 1))[0]
    assert_transition(ob, SEL_OPF_6, BL_OPF)
    assert_status(ob, Status.MET)


def test_opfoelgning_sel_era_measure_later_follow_up_under_bl_95() -> None:
    # Started Thu 1 Jun 2023 -> 1st due Fri 1 Sep 2023 (SEL); done Fri 25 Aug 2023. Under
    # SEL the next would be 25 Aug 2023 + 6 måneder = Sun 25 Feb 2024, after SEL ended, so
    # BL § 95 governs: no fixed interval; the date is the one the municipality set at the
    # previous follow-up. None was set: no date, pending (UNVERIFIED transition).
    start = ev("indsats.iverksat", date(2023, 6, 1), indsats_id="I1", type="stoettende-indsats")
    done = ev("opfoelgning.gennemfoert", date(2023, 8, 25), indsats_id="I1")
    first, second = run("opfoelgning", [start, done], date(2024, 12, 1))
    assert first.version.id == SEL_OPF_6
    assert first.due == date(2023, 9, 1)
    assert_status(first, Status.MET)
    assert_transition(second, SEL_OPF_6, BL_OPF)
    assert second.due is None
    assert_status(second, Status.PENDING)
    assert "fastsatte ingen" in second.explain("da")
    assert "UVERIFICERET" in second.explain("da")
    # With the next date set at the follow-up (Thu 1 Feb 2024), that is the due date.
    done = ev(
        "opfoelgning.gennemfoert",
        date(2023, 8, 25),
        indsats_id="I1",
        naeste_opfoelgning=date(2024, 2, 1),
    )
    second = run("opfoelgning", [start, done], date(2024, 2, 2))[1]
    assert second.version.id == BL_OPF
    assert second.due == date(2024, 2, 1)
    assert_status(second, Status.OVERDUE)


def test_opfoelgning_bl_kristi_himmelfart_and_the_earlier_investigation() -> None:
    # Started Fri 9 Feb 2024 + 3 måneder = Thu 9 May 2024 = Kristi himmelfart; kept,
    # practical Wed 8 May 2024.
    start = ev("indsats.iverksat", date(2024, 2, 9), indsats_id="I1", type="stoettende-indsats")
    ob = single("opfoelgning", [start], date(2024, 3, 1))
    assert ob.version.id == BL_OPF
    assert_kept_on_closed_day(ob, date(2024, 5, 9), date(2024, 5, 8))
    assert_cites(ob, CIT_BL_OPF)
    # § 95 stk. 2: the earlier of the completed investigation and the 3 months. The
    # investigation completed Fri 1 Mar 2024 -> the follow-up is due Fri 1 Mar 2024; done
    # Tue 5 Mar is late.
    done_inv = ev("undersoegelse.afsluttet", date(2024, 3, 1), undersoegelse_id="U1")
    follow = ev("opfoelgning.gennemfoert", date(2024, 3, 5), indsats_id="I1")
    ob = run("opfoelgning", [start, done_inv, follow], date(2024, 3, 10))[0]
    assert ob.due == date(2024, 3, 1)
    assert "came before the computed deadline" in ob.explain("en")
    assert_status(ob, Status.MET_LATE)
    # An investigation completed after the 3 months does not move the date.
    later_inv = ev("undersoegelse.afsluttet", date(2024, 5, 20), undersoegelse_id="U1")
    ob = run("opfoelgning", [start, later_inv], date(2024, 6, 1))[0]
    assert ob.due == date(2024, 5, 9)
    assert_status(ob, Status.OVERDUE)


def test_opfoelgning_bl_later_dates_come_from_naeste_opfoelgning() -> None:
    # Started Mon 15 Jan 2024 -> 1st Mon 15 Apr 2024; done Wed 10 Apr, next set Thu
    # 10 Oct 2024. 2nd done Tue 1 Oct 2024, next set Tue 1 Apr 2025 (3rd).
    events = [
        ev("indsats.iverksat", date(2024, 1, 15), indsats_id="I1", type="anbringelse"),
        ev(
            "opfoelgning.gennemfoert",
            date(2024, 4, 10),
            indsats_id="I1",
            naeste_opfoelgning=date(2024, 10, 10),
        ),
        ev(
            "opfoelgning.gennemfoert",
            date(2024, 10, 1),
            indsats_id="I1",
            naeste_opfoelgning=date(2025, 4, 1),
        ),
        ev("opfoelgning.gennemfoert", date(2024, 11, 1), indsats_id="I2"),
    ]
    first, second, third = run("opfoelgning", events, date(2025, 4, 2))
    assert first.due == date(2024, 4, 15)
    assert_status(first, Status.MET)
    assert second.due == date(2024, 10, 10)
    assert "naeste_opfoelgning" in second.explain("da")
    assert_status(second, Status.MET)
    assert third.due == date(2025, 4, 1)
    assert third.fulfilled_by is None  # the follow-up for measure I2 does not count
    assert_status(third, Status.OVERDUE)
    assert "forekomst 3" in third.explain("da")


def test_opfoelgning_ended_by_the_end_of_the_measure() -> None:
    start = ev("indsats.iverksat", date(2024, 1, 15), indsats_id="I1", type="anbringelse")
    # Ended Fri 1 Mar 2024, before the first follow-up (Mon 15 Apr 2024): lapses.
    stop = ev("indsats.ophoert", date(2024, 3, 1), indsats_id="I1", type="anbringelse")
    ob = single("opfoelgning", [start, stop], date(2024, 6, 1))
    assert ob.ended_by == stop
    assert ob.fulfilled_by is None
    assert_status(ob, Status.ENDED)
    # Ended Sat 20 Apr 2024, after the deadline ran out: the breach stands.
    stop = ev("indsats.ophoert", date(2024, 4, 20), indsats_id="I1", type="anbringelse")
    assert_status(single("opfoelgning", [start, stop], date(2024, 6, 1)), Status.OVERDUE)
    # Another measure's end does not end it.
    other = ev("indsats.ophoert", date(2024, 3, 1), indsats_id="I2", type="anbringelse")
    assert_status(single("opfoelgning", [start, other], date(2024, 6, 1)), Status.OVERDUE)
    # After one follow-up (next set Tue 1 Oct 2024) the measure ends Mon 1 Jul 2024: the
    # second occurrence lapses.
    follow = ev(
        "opfoelgning.gennemfoert",
        date(2024, 4, 10),
        indsats_id="I1",
        naeste_opfoelgning=date(2024, 10, 1),
    )
    stop = ev("indsats.ophoert", date(2024, 7, 1), indsats_id="I1", type="anbringelse")
    first, second = run("opfoelgning", [start, follow, stop], date(2024, 12, 1))
    assert_status(first, Status.MET)
    assert second.due == date(2024, 10, 1)
    assert_status(second, Status.ENDED)


def test_opfoelgning_2011_interval_change_does_not_predate_its_own_rule() -> None:
    # Started Mon 4 Jan 2010; 1st follow-up done Wed 31 Mar 2010. Under the 12-month rule
    # then in force the 2nd is due 31 Mar 2011. The 6-month rule only applies from
    # 1 Jan 2011. Recomputing under it gives 30 Sep 2010, a day on which the 6-month rule
    # was not yet law, so it cannot govern that date: the governing version must be in
    # force on the due date, and the due date cannot fall before 1 Jan 2011 (a follow-up
    # that was on time under the law of 2010 cannot become overdue retroactively).
    events = [
        ev("indsats.iverksat", date(2010, 1, 4), indsats_id="I1"),
        ev("opfoelgning.gennemfoert", date(2010, 3, 31), indsats_id="I1"),
    ]
    second = run("opfoelgning", events, date(2010, 12, 1))[1]
    assert second.due is not None
    assert isinstance(second.due, date)
    assert_governs_its_due_date(second)
    assert second.due >= date(2011, 1, 1)
    assert second.status is Status.PENDING  # nothing was overdue on 1 Dec 2010


def test_opfoelgning_2011_interval_change_is_not_a_barnets_lov_transition() -> None:
    # The 12 -> 6 month change of 1 Jan 2011 was Barnets Reform (lov nr. 628 af
    # 11/06/2010), an amendment of Serviceloven. Barnets lov § 213 (2024) has nothing to
    # say about it; the explanation must not cite it for that change.
    events = [
        ev("indsats.iverksat", date(2010, 1, 4), indsats_id="I1"),
        ev("opfoelgning.gennemfoert", date(2010, 3, 31), indsats_id="I1"),
    ]
    second = run("opfoelgning", events, date(2011, 6, 1))[1]
    da = [line for line in second.explain("da").splitlines() if "gjaldt til og med" in line]
    en = [line for line in second.explain("en").splitlines() if "applied up to" in line]
    assert da
    assert en
    assert all("§ 213" not in line for line in da + en), da + en


def test_opfoelgning_2023_investigation_does_not_make_bl_95_apply_before_2024() -> None:
    # Started Wed 15 Nov 2023; SEL date 15 Feb 2024, so § 95 governs the occurrence. The
    # investigation was completed Wed 20 Dec 2023, while SEL § 70 (no "earlier of" rule)
    # still applied. Taking § 95 stk. 2 nr. 1 back to 20 Dec 2023 puts the due date on a
    # day BL was not in force; the governing version must be in force on its due date.
    events = [
        ev("indsats.iverksat", date(2023, 11, 15), indsats_id="I1"),
        ev("undersoegelse.afsluttet", date(2023, 12, 20), undersoegelse_id="U1"),
    ]
    ob = run("opfoelgning", events, date(2024, 1, 10))[0]
    assert ob.due is not None
    assert isinstance(ob.due, date)
    assert_governs_its_due_date(ob)


# =====================================================================================
# tilsyn.samtale-anbragt (F): SEL § 70 stk. 2 2.-3. pkt.; BL § 156 stk. 5
# =====================================================================================


def test_tilsyn_calendar_years_from_a_placement_in_november_2023() -> None:
    # Placement Wed 1 Nov 2023. Period 1: 1 Nov - Sun 31 Dec 2023 (practical Fri 29 Dec);
    # two talks (15 Nov, 20 Dec) -> met by the second. Period 2: the calendar year 2024,
    # due Tue 31 Dec 2024 (a working day for an authority); one talk only -> overdue on
    # 10 Jan 2025. Period 3: 2025, pending.
    events = [
        ev("indsats.iverksat", date(2023, 11, 1), indsats_id="I1", type="anbringelse"),
        ev("tilsyn.samtale", date(2023, 11, 15), indsats_id="I1"),
        ev("tilsyn.samtale", date(2023, 12, 20), indsats_id="I1"),
        ev("tilsyn.samtale", date(2024, 3, 5), indsats_id="I1"),
        ev("tilsyn.samtale", date(2024, 9, 5), indsats_id="I2"),
    ]
    first, second, third = run("tilsyn.samtale-anbragt", events, date(2025, 1, 10))
    assert first.version.id == SEL_TILSYN
    assert_cites(first, CIT_SEL_TILSYN)
    assert first.due == date(2023, 12, 31)
    assert first.practical_due == date(2023, 12, 29)
    assert first.on_closed_day
    assert first.fulfilled_by == events[2]
    assert_status(first, Status.MET)
    assert second.occurrence == 2
    assert second.due == second.practical_due == date(2024, 12, 31)
    assert "1 recorded" in second.explain("en")  # the talk for measure I2 is not counted
    assert_status(second, Status.OVERDUE)
    assert third.due == date(2025, 12, 31)
    assert_status(third, Status.PENDING)


def test_tilsyn_2024_period_of_a_2023_placement_is_governed_by_bl_156() -> None:
    # Same placement: the calendar year 2024 falls entirely under Barnets lov; the talks
    # from 1 Jan 2024 follow § 156 stk. 5 (BL § 213; the data's own question says so).
    start = ev("indsats.iverksat", date(2023, 11, 1), indsats_id="I1", type="anbringelse")
    second = run("tilsyn.samtale-anbragt", [start], date(2024, 3, 1))[1]
    assert second.due == date(2024, 12, 31)
    assert second.version.id == BL_TILSYN
    assert_cites(second, CIT_BL_TILSYN)


def test_tilsyn_sel_year_ending_on_a_saturday() -> None:
    # Placement Mon 3 Jan 2022; 31 Dec 2022 is a Saturday: practical Fri 30 Dec 2022.
    events = [
        ev("indsats.iverksat", date(2022, 1, 3), indsats_id="I1", type="anbringelse"),
        ev("tilsyn.samtale", date(2022, 4, 1), indsats_id="I1"),
    ]
    ob = run("tilsyn.samtale-anbragt", events, date(2022, 12, 30))[0]
    assert ob.due == date(2022, 12, 31)
    assert ob.practical_due == date(2022, 12, 30)
    assert ob.on_closed_day
    assert_status(ob, Status.PENDING)
    assert (
        "Periode man. 3. jan. 2022 – lør. 31. dec. 2022: mindst 2 gange; 1 registreret"
        in ob.explain("da")
    )


def test_tilsyn_rolling_12_months_against_calendar_years() -> None:
    # Placement Fri 15 Mar 2024 (BL); talks Sat 1 Jun 2024 and Sat 1 Feb 2025.
    # Rolling: period 1 = 15 Mar 2024 - Fri 14 Mar 2025 (two talks: met); period 2 =
    # 15 Mar 2025 - Sat 14 Mar 2026 (practical Fri 13 Mar 2026), pending on 1 Jun 2025.
    # Calendar: 15 Mar - 31 Dec 2024 holds one talk (overdue); 2025 one so far (pending).
    events = [
        ev("indsats.iverksat", date(2024, 3, 15), indsats_id="I1", type="anbringelse"),
        ev("tilsyn.samtale", date(2024, 6, 1), indsats_id="I1"),
        ev("tilsyn.samtale", date(2025, 2, 1), indsats_id="I1"),
    ]
    first, second = run(
        "tilsyn.samtale-anbragt", events, date(2025, 6, 1), reading=YearReading.ROLLING
    )
    assert first.version.id == BL_TILSYN
    assert first.due == first.practical_due == date(2025, 3, 14)
    assert first.fulfilled_by == events[2]
    assert_status(first, Status.MET)
    assert second.due == date(2026, 3, 14)
    assert second.practical_due == date(2026, 3, 13)
    assert_status(second, Status.PENDING)
    assert_cites(first, CIT_BL_TILSYN)
    first, second = run("tilsyn.samtale-anbragt", events, date(2025, 6, 1))
    assert first.due == date(2024, 12, 31)
    assert_status(first, Status.OVERDUE)
    assert second.due == date(2025, 12, 31)
    assert_status(second, Status.PENDING)


def test_tilsyn_ended_and_not_for_support_measures() -> None:
    # Placement Mon 15 Jan 2024 ends Sun 10 Nov 2024 after one talk: the 2024 period
    # ends with the placement and no later period follows.
    events = [
        ev("indsats.iverksat", date(2024, 1, 15), indsats_id="I1", type="anbringelse"),
        ev("tilsyn.samtale", date(2024, 4, 1), indsats_id="I1"),
        ev("indsats.ophoert", date(2024, 11, 10), indsats_id="I1", type="anbringelse"),
    ]
    obs = run("tilsyn.samtale-anbragt", events, date(2025, 6, 1))
    assert len(obs) == 1
    assert obs[0].ended_by == events[2]
    assert_status(obs[0], Status.ENDED)
    support = ev("indsats.iverksat", date(2024, 1, 15), indsats_id="I2", type="stoettende-indsats")
    assert run("tilsyn.samtale-anbragt", [support], date(2025, 6, 1)) == []


def test_tilsyn_placement_from_2010_gets_the_talks_from_2011() -> None:
    # SEL § 70 stk. 2 (Barnets Reform, 1 Jan 2011) required the two yearly talks for
    # every placed child, also one placed in 2010. Placement Mon 1 Nov 2010, still running:
    # the calendar year 2011 needs two talks, due Sat 31 Dec 2011 under the SEL version.
    start = ev("indsats.iverksat", date(2010, 11, 1), indsats_id="I1", type="anbringelse")
    obs = run("tilsyn.samtale-anbragt", [start], date(2011, 6, 1))
    assert [(ob.version.id, ob.due) for ob in obs if ob.version.id == SEL_TILSYN] == [
        (SEL_TILSYN, date(2011, 12, 31))
    ]


# =====================================================================================
# anbringelse-uden-samtykke.genbehandling (D): SEL § 62; BL § 50
# =====================================================================================


def test_genbehandling_ankestyrelsens_example_17_april_2013() -> None:
    # Ankestyrelsen: decided 17 Apr 2013 -> renewed no later than 17 Apr 2014. That is
    # skærtorsdag 2014 (Easter 20 Apr): kept and flagged, practical Wed 16 Apr 2014.
    dl = CATALOG.due(
        "anbringelse-uden-samtykke.genbehandling",
        date(2013, 4, 17),
        {"type": "anbringelse-uden-samtykke"},
    )
    assert dl.version.id == SEL_GENBEH
    assert_kept_on_closed_day(dl, date(2014, 4, 17), date(2014, 4, 16))
    assert_cites(dl, CIT_SEL_GENBEH)
    assert "Skærtorsdag" in dl.explain("da")


def test_genbehandling_two_years_when_placed_within_the_last_year() -> None:
    # § 62 stk. 2: 17 Apr 2013 + 2 år = Fri 17 Apr 2015, an ordinary working day.
    dl = CATALOG.due(
        "anbringelse-uden-samtykke.genbehandling",
        date(2013, 4, 17),
        {"type": "anbringelse-uden-samtykke", "anbragt_inden_for_seneste_aar": True},
    )
    assert dl.due == dl.practical_due == date(2015, 4, 17)
    assert "2 år" in dl.explain("da")
    # Explicitly not placed within the last year: 1 år.
    dl = CATALOG.due(
        "anbringelse-uden-samtykke.genbehandling",
        date(2013, 4, 17),
        {"type": "anbringelse-uden-samtykke", "anbragt_inden_for_seneste_aar": False},
    )
    assert dl.due == date(2014, 4, 17)


def test_genbehandling_across_new_year_is_governed_by_bl_50() -> None:
    # Decided Tue 20 Jun 2023 (SEL § 58) + 1 år = Thu 20 Jun 2024: BL § 50 governs.
    decision = ev(
        "udvalg.afgoerelse", date(2023, 6, 20), indsats_id="I1", type="anbringelse-uden-samtykke"
    )
    ob = single("anbringelse-uden-samtykke.genbehandling", [decision], date(2024, 1, 10))
    assert ob.due == ob.practical_due == date(2024, 6, 20)
    assert_transition(ob, SEL_GENBEH, BL_GENBEH)
    assert_cites(ob, CIT_BL_GENBEH)
    assert_status(ob, Status.PENDING)


def test_genbehandling_from_a_leap_day() -> None:
    # Decided Thu 29 Feb 2024: + 1 år = 28 Feb 2025 (no 29th), a Friday; + 2 år =
    # 28 Feb 2026, a Saturday: kept, practical Fri 27 Feb 2026.
    facts: dict[str, Any] = {"type": "anbringelse-uden-samtykke"}
    dl = CATALOG.due("anbringelse-uden-samtykke.genbehandling", date(2024, 2, 29), facts)
    assert dl.version.id == BL_GENBEH
    assert dl.due == dl.practical_due == date(2025, 2, 28)
    facts["anbragt_inden_for_seneste_aar"] = True
    dl = CATALOG.due("anbringelse-uden-samtykke.genbehandling", date(2024, 2, 29), facts)
    assert_kept_on_closed_day(dl, date(2026, 2, 28), date(2026, 2, 27))


def test_genbehandling_deadline_fixed_in_the_decision() -> None:
    # The committee fixed Wed 10 Jul 2024 (a shorter deadline, § 50 stk. 4): that date.
    decision = ev(
        "udvalg.afgoerelse",
        date(2024, 1, 10),
        indsats_id="I1",
        type="anbringelse-uden-samtykke",
        genbehandlingsfrist=date(2024, 7, 10),
    )
    ob = single("anbringelse-uden-samtykke.genbehandling", [decision], date(2024, 3, 1))
    assert ob.due == ob.practical_due == date(2024, 7, 10)
    assert "genbehandlingsfrist" in ob.explain("da")
    assert_status(ob, Status.PENDING)
    # A fixed date wins over the 2-year rule too; a SEL decision with a date in 2024
    # falls due under BL.
    decision = ev(
        "udvalg.afgoerelse",
        date(2023, 9, 1),
        indsats_id="I1",
        type="anbringelse-uden-samtykke",
        anbragt_inden_for_seneste_aar=True,
        genbehandlingsfrist=date(2024, 3, 1),
    )
    ob = single("anbringelse-uden-samtykke.genbehandling", [decision], date(2024, 3, 2))
    assert ob.due == date(2024, 3, 1)
    assert_transition(ob, SEL_GENBEH, BL_GENBEH)
    assert_status(ob, Status.OVERDUE)


def test_genbehandling_fixed_date_on_a_sunday_is_flagged_like_any_authority_deadline() -> None:
    # A genbehandlingsfrist fixed as Sun 14 Jul 2024 is an authority's deadline on a
    # closed day: kept, flagged, practical Fri 12 Jul 2024 (fristberegning.md), as the
    # statutory 1-year date would be.
    decision = ev(
        "udvalg.afgoerelse",
        date(2024, 1, 10),
        indsats_id="I1",
        type="anbringelse-uden-samtykke",
        genbehandlingsfrist=date(2024, 7, 14),
    )
    ob = single("anbringelse-uden-samtykke.genbehandling", [decision], date(2024, 3, 1))
    assert ob.due == date(2024, 7, 14)
    assert ob.practical_due == date(2024, 7, 12)
    assert ob.on_closed_day


def test_genbehandling_statuses_and_the_next_round() -> None:
    # Decided Wed 17 Apr 2013 -> due Thu 17 Apr 2014 (practical 16 Apr).
    first = ev(
        "udvalg.afgoerelse", date(2013, 4, 17), indsats_id="I1", type="anbringelse-uden-samtykke"
    )
    # Renewed Thu 10 Apr 2014, fixing the next deadline Fri 8 Apr 2016.
    renewed = ev(
        "udvalg.afgoerelse",
        date(2014, 4, 10),
        indsats_id="I1",
        type="anbringelse-uden-samtykke",
        genbehandlingsfrist=date(2016, 4, 8),
    )
    obs = run("anbringelse-uden-samtykke.genbehandling", [first, renewed], date(2015, 1, 1))
    assert len(obs) == 2
    assert obs[0].trigger == first
    assert obs[0].fulfilled_by == renewed
    assert_status(obs[0], Status.MET)
    assert obs[1].trigger == renewed
    assert obs[1].due == date(2016, 4, 8)
    assert_status(obs[1], Status.PENDING)
    # Renewed Tue 22 Apr 2014, after the deadline: met late.
    late = ev(
        "udvalg.afgoerelse", date(2014, 4, 22), indsats_id="I1", type="anbringelse-uden-samtykke"
    )
    obs = run("anbringelse-uden-samtykke.genbehandling", [first, late], date(2015, 1, 1))
    assert_status(obs[0], Status.MET_LATE)
    # Not renewed; a renewal for another placement and another kind of committee
    # decision on this one do not count: overdue from Fri 18 Apr 2014.
    other_placement = ev(
        "udvalg.afgoerelse", date(2014, 4, 1), indsats_id="I2", type="anbringelse-uden-samtykke"
    )
    other_kind = ev(
        "udvalg.afgoerelse", date(2014, 4, 2), indsats_id="I1", type="undersoegelse-uden-samtykke"
    )
    obs = run(
        "anbringelse-uden-samtykke.genbehandling",
        [first, other_placement, other_kind],
        date(2014, 4, 18),
    )
    mine = [ob for ob in obs if ob.trigger == first]
    assert len(mine) == 1
    assert mine[0].fulfilled_by is None
    assert_status(mine[0], Status.OVERDUE)
    assert_status(
        run("anbringelse-uden-samtykke.genbehandling", [first], date(2014, 4, 17))[0],
        Status.PENDING,
    )


def test_genbehandling_ends_when_the_placement_ends_before_it_is_due() -> None:
    # "Skal barnet ... fortsat være anbragt ... ud over 1 år" (BL § 50; SEL § 62: "opretholdelse
    # ... forudsætter"): decided Wed 8 Mar 2023 -> due Fri 8 Mar 2024. The placement ends
    # Sun 12 Nov 2023: nothing is left to renew, on 1 Jun 2024 the duty has ended.
    decision = ev(
        "udvalg.afgoerelse", date(2023, 3, 8), indsats_id="I1", type="anbringelse-uden-samtykke"
    )
    ended = ev("indsats.ophoert", date(2023, 11, 12), indsats_id="I1", type="anbringelse")
    ob = single("anbringelse-uden-samtykke.genbehandling", [decision, ended], date(2024, 6, 1))
    assert ob.due == date(2024, 3, 8)
    assert ob.ended_by == ended
    assert_status(ob, Status.ENDED)
    # Another placement's end does not end it: overdue from Sat 9 Mar 2024.
    other = ev("indsats.ophoert", date(2023, 11, 12), indsats_id="I2", type="anbringelse")
    ob = single("anbringelse-uden-samtykke.genbehandling", [decision, other], date(2024, 6, 1))
    assert_status(ob, Status.OVERDUE)
    # Ended Mon 15 Apr 2024, after the renewal was due: the breach stands.
    late = ev("indsats.ophoert", date(2024, 4, 15), indsats_id="I1", type="anbringelse")
    ob = single("anbringelse-uden-samtykke.genbehandling", [decision, late], date(2024, 6, 1))
    assert ob.ended_by is None
    assert_status(ob, Status.OVERDUE)
    # Under SEL § 62 alike: decided Thu 21 Oct 2021 -> due Fri 21 Oct 2022; ended 11 Mar 2022.
    sel = ev(
        "udvalg.afgoerelse", date(2021, 10, 21), indsats_id="I1", type="anbringelse-uden-samtykke"
    )
    sel_end = ev("indsats.ophoert", date(2022, 3, 11), indsats_id="I1", type="anbringelse")
    ob = single("anbringelse-uden-samtykke.genbehandling", [sel, sel_end], date(2023, 1, 1))
    assert (ob.version.id, ob.due) == (SEL_GENBEH, date(2022, 10, 21))
    assert_status(ob, Status.ENDED)


@pytest.mark.parametrize(
    ("kind", "facts"),
    [
        ("udvalg.afgoerelse", {"type": "undersoegelse-uden-samtykke"}),
        ("afgoerelse.truffet", {"type": "anbringelse-uden-samtykke"}),  # not the committee
        ("udvalg.afgoerelse", {}),
    ],
)
def test_genbehandling_does_not_apply(kind: str, facts: dict[str, Any]) -> None:
    decision = ev(kind, date(2024, 2, 1), indsats_id="I1", **facts)
    assert run("anbringelse-uden-samtykke.genbehandling", [decision], date(2024, 3, 1)) == []


# =====================================================================================
# overgang.forberedelse (A): SEL § 19 a (2021-2023); BL § 122
# =====================================================================================


def test_overgang_16th_birthday_on_skaertorsdag_2024_under_barnets_lov() -> None:
    # Born Fri 28 Mar 2008, disability, measure started Fri 1 Sep 2023 (SEL § 19 a then
    # in force). 16th birthday Thu 28 Mar 2024 = skærtorsdag, after SEL ended: BL § 122
    # governs; kept, practical Wed 27 Mar 2024.
    facts = {"foedselsdato": date(2008, 3, 28), "handicap": True}
    start = ev("indsats.iverksat", date(2023, 9, 1), indsats_id="I1", type="stoettende-indsats")
    ob = single("overgang.forberedelse", [start], date(2024, 1, 10), facts)
    assert_transition(ob, SEL_OVERGANG, BL_OVERGANG)
    assert_kept_on_closed_day(ob, date(2024, 3, 28), date(2024, 3, 27))
    assert_cites(ob, CIT_BL_OVERGANG)
    assert "fylder 16 år" in ob.explain("da")
    assert_status(ob, Status.PENDING)
    dl = CATALOG.due("overgang.forberedelse", date(2023, 9, 1), facts)
    assert dl.due == date(2024, 3, 28)
    assert dl.version.id == BL_OVERGANG


def test_overgang_under_serviceloven_and_statuses() -> None:
    # Born Thu 15 Jun 2006: 16 on Wed 15 Jun 2022 (SEL § 19 a, in force from 2021).
    facts = {"foedselsdato": date(2006, 6, 15), "handicap": True}
    start = ev("indsats.iverksat", date(2021, 2, 1), indsats_id="I1", type="stoettende-indsats")
    started = ev("overgang.forberedelse-startet", date(2022, 6, 1))
    ob = single("overgang.forberedelse", [start, started], date(2022, 7, 1), facts)
    assert ob.version.id == SEL_OVERGANG
    assert ob.due == ob.practical_due == date(2022, 6, 15)
    assert ob.fulfilled_by == started
    assert_status(ob, Status.MET)
    assert_cites(ob, CIT_SEL_OVERGANG)
    late = ev("overgang.forberedelse-startet", date(2022, 6, 16))
    assert_status(
        single("overgang.forberedelse", [start, late], date(2022, 7, 1), facts), Status.MET_LATE
    )
    assert_status(
        single("overgang.forberedelse", [start], date(2022, 6, 16), facts), Status.OVERDUE
    )
    assert_status(
        single("overgang.forberedelse", [start], date(2022, 6, 15), facts), Status.PENDING
    )


def test_overgang_leap_day_birth_and_conditions() -> None:
    # Born 29 Feb 2008: the 16th birthday falls in the leap year 2024, Thu 29 Feb 2024.
    start = ev("indsats.iverksat", date(2024, 1, 8), indsats_id="I1", type="stoettende-indsats")
    ob = single(
        "overgang.forberedelse",
        [start],
        date(2024, 2, 1),
        {"foedselsdato": date(2008, 2, 29), "handicap": True},
    )
    assert ob.version.id == BL_OVERGANG
    assert ob.due == ob.practical_due == date(2024, 2, 29)
    # No disability, or the fact not given: the rule does not apply.
    assert (
        run(
            "overgang.forberedelse",
            [start],
            date(2024, 2, 1),
            {"foedselsdato": date(2008, 2, 29), "handicap": False},
        )
        == []
    )
    assert (
        run("overgang.forberedelse", [start], date(2024, 2, 1), {"foedselsdato": date(2008, 2, 29)})
        == []
    )
    # Without a date of birth there is no date: pending, and the explanation says why.
    ob = single("overgang.forberedelse", [start], date(2024, 2, 1), {"handicap": True})
    assert ob.due is None
    assert_status(ob, Status.PENDING)
    assert "mangler faktum foedselsdato" in ob.explain("da")
    with pytest.raises(frister.NoDeadlineError):
        CATALOG.due("overgang.forberedelse", date(2024, 1, 8), {"handicap": True})


def test_overgang_measure_started_before_2021_still_running_at_16() -> None:
    # A measure started Mon 2 Sep 2019 is still running when the young person (born
    # 10 Mar 2006, disability) turns 16 on Thu 10 Mar 2022. SEL § 19 a (in force
    # 1 Jan 2021) applies to every young person who receives help when turning 16:
    # preparation due Thu 10 Mar 2022 under the SEL version.
    facts = {"foedselsdato": date(2006, 3, 10), "handicap": True}
    start = ev("indsats.iverksat", date(2019, 9, 2), indsats_id="I1", type="stoettende-indsats")
    obs = run("overgang.forberedelse", [start], date(2022, 7, 1), facts)
    assert [(ob.version.id, ob.due) for ob in obs] == [(SEL_OVERGANG, date(2022, 3, 10))]


def test_overgang_one_preparation_serves_every_measure() -> None:
    # Two measures (started 1 Sep 2022 and 1 Feb 2023) for the same young person (born
    # 28 Mar 2008, disability). The duty is the young person's: one preparation started
    # Fri 1 Mar 2024, before the 16th birthday Thu 28 Mar 2024, fulfils it. No
    # occurrence may be reported overdue.
    facts = {"foedselsdato": date(2008, 3, 28), "handicap": True}
    events = [
        ev("indsats.iverksat", date(2022, 9, 1), indsats_id="I1", type="stoettende-indsats"),
        ev("indsats.iverksat", date(2023, 2, 1), indsats_id="I2", type="stoettende-indsats"),
        ev("overgang.forberedelse-startet", date(2024, 3, 1)),
    ]
    obs = run("overgang.forberedelse", events, date(2024, 7, 1), facts)
    assert obs
    assert [ob.status for ob in obs if ob.status is Status.OVERDUE] == []


def test_overgang_measure_ended_before_16_gives_no_breach() -> None:
    # § 122 applies to a young person "som modtager støtte" when turning 16. A measure
    # that ended Fri 1 Dec 2023, before the 16th birthday Thu 28 Mar 2024, leaves no duty
    # to be breached.
    facts = {"foedselsdato": date(2008, 3, 28), "handicap": True}
    events = [
        ev("indsats.iverksat", date(2022, 9, 1), indsats_id="I1", type="stoettende-indsats"),
        ev("indsats.ophoert", date(2023, 12, 1), indsats_id="I1", type="stoettende-indsats"),
    ]
    obs = run("overgang.forberedelse", events, date(2024, 7, 1), facts)
    assert [ob.status for ob in obs if ob.status is Status.OVERDUE] == []


# =====================================================================================
# ungestoette.afgoerelse (A): SEL § 68 stk. 11; BL § 111 stk. 1 (18 år - 6 måneder)
# =====================================================================================


def test_ungestoette_born_31_august_2008() -> None:
    # 18th birthday Mon 31 Aug 2026; - 6 måneder: February has no 31st -> Sat 28 Feb 2026.
    # Kept; practical Fri 27 Feb 2026.
    facts = {"foedselsdato": date(2008, 8, 31)}
    start = ev("indsats.iverksat", date(2024, 3, 1), indsats_id="I1", type="anbringelse")
    ob = single("ungestoette.afgoerelse", [start], date(2025, 1, 1), facts)
    assert ob.version.id == BL_UNGESTOETTE
    assert_kept_on_closed_day(ob, date(2026, 2, 28), date(2026, 2, 27))
    assert_cites(ob, CIT_BL_UNGESTOETTE)
    assert "fylder 18 år" in ob.explain("da")
    assert_status(ob, Status.PENDING)
    dl = CATALOG.due("ungestoette.afgoerelse", date(2024, 3, 1), {"type": "anbringelse", **facts})
    assert dl.due == date(2026, 2, 28)
    assert dl.practical_due == date(2026, 2, 27)


def test_ungestoette_skaertorsdag_2026() -> None:
    # Born 2 Oct 2008: 18 on Fri 2 Oct 2026; - 6 måneder = Thu 2 Apr 2026 = skærtorsdag
    # (Easter 5 Apr 2026): kept, practical Wed 1 Apr 2026.
    start = ev("indsats.iverksat", date(2024, 5, 1), indsats_id="I1", type="anbringelse")
    ob = single(
        "ungestoette.afgoerelse", [start], date(2025, 1, 1), {"foedselsdato": date(2008, 10, 2)}
    )
    assert_kept_on_closed_day(ob, date(2026, 4, 2), date(2026, 4, 1))


def test_ungestoette_serviceloven_and_the_transition() -> None:
    # Placement started 1 Mar 2021 (SEL). Born 10 Dec 2005: 18 on 10 Dec 2023; - 6
    # måneder = Sat 10 Jun 2023 -> SEL § 68 stk. 11, practical Fri 9 Jun 2023.
    start = ev("indsats.iverksat", date(2021, 3, 1), indsats_id="I1", type="anbringelse")
    ob = single(
        "ungestoette.afgoerelse", [start], date(2023, 1, 1), {"foedselsdato": date(2005, 12, 10)}
    )
    assert ob.version.id == SEL_UNGESTOETTE
    assert_kept_on_closed_day(ob, date(2023, 6, 10), date(2023, 6, 9))
    assert_cites(ob, CIT_SEL_UNGESTOETTE)
    # Born 20 Sep 2006: 18 on 20 Sep 2024; - 6 måneder = Wed 20 Mar 2024 -> BL § 111.
    ob = single(
        "ungestoette.afgoerelse", [start], date(2023, 1, 1), {"foedselsdato": date(2006, 9, 20)}
    )
    assert ob.due == ob.practical_due == date(2024, 3, 20)
    assert_transition(ob, SEL_UNGESTOETTE, BL_UNGESTOETTE)


def test_ungestoette_born_29_february() -> None:
    # Born 29 Feb 2008: the 18th birthday in 2026 (no 29 Feb) is Sat 28 Feb 2026 (the
    # earlier date); - 6 måneder = Thu 28 Aug 2025.
    start = ev("indsats.iverksat", date(2024, 3, 1), indsats_id="I1", type="anbringelse")
    ob = single(
        "ungestoette.afgoerelse", [start], date(2025, 1, 1), {"foedselsdato": date(2008, 2, 29)}
    )
    assert ob.due == ob.practical_due == date(2025, 8, 28)
    assert "28. februar i et år uden 29. februar" in ob.explain("da")
    assert "28 February in a year without 29 February" in ob.explain("en")


def test_ungestoette_statuses() -> None:
    # Due Sat 28 Feb 2026 (born 31 Aug 2008).
    facts = {"foedselsdato": date(2008, 8, 31)}
    start = ev("indsats.iverksat", date(2024, 3, 1), indsats_id="I1", type="anbringelse")
    decision = ev("afgoerelse.truffet", date(2026, 2, 15), indsats_id="I1", type="stoette-efter-18")
    ob = single("ungestoette.afgoerelse", [start, decision], date(2026, 3, 1), facts)
    assert ob.fulfilled_by == decision
    assert_status(ob, Status.MET)
    late = ev("afgoerelse.truffet", date(2026, 3, 5), indsats_id="I1", type="stoette-efter-18")
    assert_status(
        single("ungestoette.afgoerelse", [start, late], date(2026, 3, 10), facts), Status.MET_LATE
    )
    wrong_type = ev(
        "afgoerelse.truffet", date(2026, 2, 15), indsats_id="I1", type="stoettende-indsats"
    )
    wrong_id = ev("afgoerelse.truffet", date(2026, 2, 15), indsats_id="I2", type="stoette-efter-18")
    ob = single("ungestoette.afgoerelse", [start, wrong_type, wrong_id], date(2026, 3, 1), facts)
    assert_status(ob, Status.OVERDUE)
    # The placement ended Thu 1 Jan 2026, before the due date: lapses.
    stop = ev("indsats.ophoert", date(2026, 1, 1), indsats_id="I1", type="anbringelse")
    ob = single("ungestoette.afgoerelse", [start, stop], date(2026, 3, 1), facts)
    assert ob.ended_by == stop
    assert_status(ob, Status.ENDED)
    # Ended after the due date without a decision: the breach stands.
    stop = ev("indsats.ophoert", date(2026, 3, 2), indsats_id="I1", type="anbringelse")
    assert_status(
        single("ungestoette.afgoerelse", [start, stop], date(2026, 4, 1), facts), Status.OVERDUE
    )


def test_ungestoette_conditions() -> None:
    # Only a placement runs to the 18th birthday; a support measure does not.
    support = ev("indsats.iverksat", date(2024, 3, 1), indsats_id="I1", type="stoettende-indsats")
    assert (
        run(
            "ungestoette.afgoerelse",
            [support],
            date(2025, 1, 1),
            {"foedselsdato": date(2008, 8, 31)},
        )
        == []
    )
    # Without the date of birth: no date, and catalog.due says so.
    start = ev("indsats.iverksat", date(2024, 3, 1), indsats_id="I1", type="anbringelse")
    ob = single("ungestoette.afgoerelse", [start], date(2025, 1, 1))
    assert ob.due is None
    assert_status(ob, Status.PENDING)
    with pytest.raises(frister.NoDeadlineError):
        CATALOG.due("ungestoette.afgoerelse", date(2024, 3, 1), {"type": "anbringelse"})


# =====================================================================================
# ungestoette.ny-handlekommune (D 30 dage): SEL § 68 stk. 13 (2011-2023); BL § 112 stk. 3
# =====================================================================================


def test_ny_handlekommune_sel_christmas_eve_sunday() -> None:
    # Received Fri 24 Nov 2023 + 30 dage (6 days to 30 Nov, 24 into December) = Sun
    # 24 Dec 2023: kept, practical Fri 22 Dec 2023.
    dl = CATALOG.due("ungestoette.ny-handlekommune", date(2023, 11, 24))
    assert dl.version.id == SEL_NY_KOMMUNE
    assert_kept_on_closed_day(dl, date(2023, 12, 24), date(2023, 12, 22))
    assert_cites(dl, CIT_SEL_NY_KOMMUNE)


def test_ny_handlekommune_across_new_year_is_governed_by_bl_112() -> None:
    # Received Fri 15 Dec 2023 + 30 dage (16 to 31 Dec, 14 into January) = Sun 14 Jan
    # 2024: BL § 112 stk. 3 governs; kept, practical Fri 12 Jan 2024.
    received = ev("ungeplan.modtaget", date(2023, 12, 15))
    ob = single("ungestoette.ny-handlekommune", [received], date(2024, 1, 2))
    assert_transition(ob, SEL_NY_KOMMUNE, BL_NY_KOMMUNE)
    assert_kept_on_closed_day(ob, date(2024, 1, 14), date(2024, 1, 12))
    assert_cites(ob, CIT_BL_NY_KOMMUNE)
    assert_status(ob, Status.PENDING)


def test_ny_handlekommune_easter_christmas_and_leap_day() -> None:
    # Tue 27 Feb 2024 + 30 dage (2 to 29 Feb, 28 into March) = Thu 28 Mar 2024 =
    # skærtorsdag: kept, practical Wed 27 Mar.
    dl = CATALOG.due("ungestoette.ny-handlekommune", date(2024, 2, 27))
    assert dl.version.id == BL_NY_KOMMUNE
    assert_kept_on_closed_day(dl, date(2024, 3, 28), date(2024, 3, 27))
    # Mon 25 Nov 2024 + 30 dage = Wed 25 Dec 2024 = juledag: practical Tue 24 Dec.
    dl = CATALOG.due("ungestoette.ny-handlekommune", date(2024, 11, 25))
    assert_kept_on_closed_day(dl, date(2024, 12, 25), date(2024, 12, 24))
    # Tue 30 Jan 2024 + 30 dage (1 to 31 Jan, 29 into February) = Thu 29 Feb 2024.
    dl = CATALOG.due("ungestoette.ny-handlekommune", date(2024, 1, 30))
    assert dl.due == dl.practical_due == date(2024, 2, 29)


def test_ny_handlekommune_statuses_and_period() -> None:
    # Received Fri 15 Dec 2023 -> due Sun 14 Jan 2024.
    received = ev("ungeplan.modtaget", date(2023, 12, 15))
    decided = ev(
        "afgoerelse.truffet", date(2024, 1, 12), afgoerelse_id="A1", type="stoette-efter-18"
    )
    ob = single("ungestoette.ny-handlekommune", [received, decided], date(2024, 2, 1))
    assert ob.fulfilled_by == decided
    assert_status(ob, Status.MET)
    late = ev("afgoerelse.truffet", date(2024, 1, 15), afgoerelse_id="A1", type="stoette-efter-18")
    assert_status(
        single("ungestoette.ny-handlekommune", [received, late], date(2024, 2, 1)), Status.MET_LATE
    )
    assert_status(
        single("ungestoette.ny-handlekommune", [received], date(2024, 1, 15)), Status.OVERDUE
    )
    assert_status(
        single("ungestoette.ny-handlekommune", [received], date(2024, 1, 14)), Status.PENDING
    )
    # SEL § 68 stk. 13 is absent from LBK 1096/2010: no obligation for a receipt in 2010.
    assert (
        run(
            "ungestoette.ny-handlekommune",
            [ev("ungeplan.modtaget", date(2010, 12, 15))],
            date(2011, 3, 1),
        )
        == []
    )


# =====================================================================================
# anbringelse-uden-samtykke.overvej-permanent (P): BL § 50 stk. 7. Before the committee's
# renewal under § 50 (hjemmel BL § 50), the municipality considers a permanent placement
# (§ 67 stk. 4), unless the child has been placed for less than 3 years then.
# =====================================================================================

OVERVEJ = "anbringelse-uden-samtykke.overvej-permanent"


def _renewal(day: date, **facts: object) -> Event:
    return ev(
        "udvalg.afgoerelse",
        day,
        afgoerelse_id="BUU2",
        indsats_id="A1",
        type="anbringelse-uden-samtykke",
        hjemmel="BL § 50",
        **facts,
    )


def _considered(day: date, indsats_id: str = "A1") -> Event:
    return ev("anbringelse.permanent-overvejet", day, indsats_id=indsats_id)


def test_permanent_placement_considered_before_the_renewal_is_met() -> None:
    # Considered Mon 3 Mar 2025; the committee renews Tue 11 Mar 2025 after more than 3
    # years of placement: the precondition is met, "due" on the renewal's day.
    ob = single(
        OVERVEJ,
        [_considered(date(2025, 3, 3)), _renewal(date(2025, 3, 11), anbragt_under_3_aar=False)],
        date(2025, 4, 1),
    )
    assert ob.version.id == "barnets-lov.anbringelse-uden-samtykke.overvej-permanent"
    assert ob.due == date(2025, 3, 11)
    assert_status(ob, Status.MET)
    assert_cites(ob, "Barnets lov § 50, stk. 7")


def test_no_consideration_before_the_renewal_is_a_breach() -> None:
    # Renewed Wed 17 Apr 2024 with nothing recorded of how long the child has been placed:
    # the duty applies; considered only Thu 18 Apr, or for another placement: overdue.
    late = _considered(date(2024, 4, 18))
    other = _considered(date(2024, 4, 2), indsats_id="A9")
    ob = single(OVERVEJ, [other, _renewal(date(2024, 4, 17)), late], date(2024, 5, 1))
    assert ob.due == date(2024, 4, 17)
    assert ob.fulfilled_by is None
    assert_status(ob, Status.OVERDUE)
    text = ob.explain("da")
    assert "afgørelsen er truffet efter BL § 50" in text


def test_no_duty_under_3_years_or_at_the_first_decision_or_before_2024() -> None:
    # Placed less than 3 years at the renewal (2nd pkt.): no duty.
    assert (
        run(OVERVEJ, [_renewal(date(2025, 3, 11), anbragt_under_3_aar=True)], date(2025, 4, 1))
        == []
    )
    # The first decision under § 47 is no renewal.
    first = ev(
        "udvalg.afgoerelse",
        date(2024, 3, 19),
        afgoerelse_id="BUU1",
        indsats_id="A1",
        type="anbringelse-uden-samtykke",
        hjemmel="BL § 47",
    )
    assert run(OVERVEJ, [first], date(2024, 4, 1)) == []
    # A renewal on Thu 14 Dec 2023 is under Serviceloven § 62, which has no such duty.
    sel = ev(
        "udvalg.afgoerelse",
        date(2023, 12, 14),
        afgoerelse_id="BUU0",
        indsats_id="A1",
        type="anbringelse-uden-samtykke",
        hjemmel="SEL § 62",
    )
    assert run(OVERVEJ, [sel], date(2024, 1, 15)) == []
