"""The handicap, formandsafgørelse, hjemgivelse and administrative-law rules, by worked example.

Every expected date is worked out by hand from the statute and the Danish
calendar; the comment beside each example says how. Nothing here computes an
expectation by calling frister: frister only produces the values under test.

Calendar facts used below (helligdage): Easter 2013 = 31 Mar, 2023 = 9 Apr,
2024 = 31 Mar, 2025 = 20 Apr (skærtorsdag -3, langfredag -2, 2. påskedag +1);
store bededag (Easter +26) a helligdag up to 2023 only (Fri 5 May 2023, but
Fri 26 Apr 2024 is a working day); Kristi himmelfartsdag (+39) Thu 9 May 2024,
Thu 29 May 2025. 24 Dec, 31 Dec and 5 Jun are working days for the
authority's deadlines, closed days for the citizen's (klagefrist, svarfrist).
Authority deadlines ("keep") stay on a closed day, flagged, with the previous
working day as practical due date; citizens' deadlines ("forward") move to the
next working day. DST 2024: clocks forward Sun 31 Mar 02:00, back Sun 27 Oct 03:00.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import frister
from frister import Case, Event, Obligation, Status

CPH = ZoneInfo("Europe/Copenhagen")
CATALOG = frister.default_catalog()

SEL = "Lov om social service (serviceloven)"
BL = "Barnets lov"
RSL = "Lov om retssikkerhed og administration på det sociale område"
BEK = "Bekendtgørelse om retssikkerhed og administration på det sociale område"
FVL = "Forvaltningsloven"
OFL = "Offentlighedsloven"

TABT = "handicap-tabt-arbejdsfortjeneste"

_LABELS = {
    Status.PENDING: ("afventer", "pending"),
    Status.MET: ("opfyldt", "met"),
    Status.MET_LATE: ("opfyldt for sent", "met late"),
    Status.OVERDUE: ("overskredet", "overdue"),
    Status.ENDED: ("bortfaldet", "ended"),
}


# -- helpers ----------------------------------------------------------------------------


def _evaluate(
    events: Sequence[Event],
    as_of: date | datetime,
    *,
    catalog: frister.Catalog = CATALOG,
    facts: dict[str, Any] | None = None,
) -> list[Obligation]:
    return catalog.evaluate(Case(events=list(events), facts=facts or {}), as_of=as_of)


def _of(obligations: Sequence[Obligation], rule_id: str) -> list[Obligation]:
    return [ob for ob in obligations if ob.rule_id == rule_id]


def _one(obligations: Sequence[Obligation], rule_id: str) -> Obligation:
    found = _of(obligations, rule_id)
    assert len(found) == 1, [(ob.rule_id, ob.due, ob.version.id) for ob in obligations]
    return found[0]


def _status_line(text: str, lang: str) -> str:
    prefix = "Status pr. " if lang == "da" else "Status on "
    lines = [line for line in text.splitlines() if line.startswith(prefix)]
    assert len(lines) == 1, text
    return lines[0]


def _assert_status(ob: Obligation, status: Status) -> None:
    """The status, and the status line of both explanations saying it in words."""
    assert ob.status is status, ob.explain("en")
    da, en = _LABELS[status]
    assert _status_line(ob.explain("da"), "da").endswith(f": {da}")
    assert _status_line(ob.explain("en"), "en").endswith(f": {en}")


def _assert_transition(text: str, old_id: str, new_id: str) -> None:
    assert "§ 213" in text
    assert old_id in text
    assert new_id in text


# =======================================================================================
# handicap.tabt-arbejdsfortjeneste.varsel: SEL § 3 a stk. 1 (-> 2023) / BL § 11 stk. 1 og 2
# 14 uger from the citizen's receipt; a notice: the date is the earliest effective day.
# =======================================================================================

VARSEL = "handicap.tabt-arbejdsfortjeneste.varsel"
VARSEL_SEL = "serviceloven.handicap.tabt-arbejdsfortjeneste.varsel-14u"
VARSEL_BL = "barnets-lov.handicap.tabt-arbejdsfortjeneste.varsel-14u"


def test_varsel_falling_on_kristi_himmelfartsdag_stays_there() -> None:
    # Receipt Thu 20 Feb 2025 + 14 uger (98 days): Feb 20 + 8 -> Fri 28 Feb (8),
    # + 31 -> 31 Mar (39), + 30 -> 30 Apr (69), + 29 -> Thu 29 May 2025 (98):
    # Kristi himmelfartsdag 2025 (Easter 20 Apr + 39). An authority date: not moved.
    dl = CATALOG.due(VARSEL, date(2025, 2, 20), {"type": TABT})
    assert dl.due == date(2025, 5, 29)
    assert dl.version.id == VARSEL_BL
    assert f"{BL} § 11, stk. 1 og 2" in dl.explain("da")
    assert "tidligste dag, afgørelsen kan få virkning" in dl.explain("da")
    assert "earliest day the decision can take effect" in dl.explain("en")


def test_varsel_practical_date_is_never_before_the_fourteen_weeks() -> None:
    # Same example: 14 weeks end on Thu 29 May 2025 (Kristi himmelfartsdag). The
    # notice is "mindst 14 uger": the stop cannot take effect before 29 May, so no
    # "practical" date may lie before it; a practical date of Wed 28 May would give
    # the citizen 13 weeks and 6 days of notice (BL § 11 stk. 1).
    dl = CATALOG.due(VARSEL, date(2025, 2, 20), {"type": TABT})
    assert dl.practical_due >= dl.due


def test_varsel_trigger_in_2023_due_in_2024_is_governed_by_barnets_lov() -> None:
    # Receipt Fri 1 Dec 2023 + 98 days: -> 31 Dec (30), 31 Jan (61), 29 Feb 2024
    # (leap year, 90), + 8 -> Fri 8 Mar 2024. Due after SEL ended: BL § 11 (§ 213).
    dl = CATALOG.due(VARSEL, date(2023, 12, 1), {"type": TABT})
    assert dl.due == date(2024, 3, 8)
    assert dl.practical_due == date(2024, 3, 8)
    assert dl.version.id == VARSEL_BL
    text = dl.explain("da")
    _assert_transition(text, VARSEL_SEL, VARSEL_BL)
    assert f"{BL} § 11, stk. 1 og 2" in text
    assert f"{SEL} § 3 a, stk. 1" in text
    assert "§ 213" in dl.explain("en")


def test_varsel_wholly_in_2023_is_governed_by_serviceloven() -> None:
    # Receipt Mon 4 Sep 2023 + 98 days: -> 30 Sep (26), 31 Oct (57), 30 Nov (87),
    # + 11 -> Mon 11 Dec 2023: SEL § 3 a, no transition.
    dl = CATALOG.due(VARSEL, date(2023, 9, 4), {"type": TABT})
    assert dl.due == date(2023, 12, 11)
    assert dl.version.id == VARSEL_SEL
    assert f"{SEL} § 3 a, stk. 1" in dl.explain("da")
    assert "§ 213" not in dl.explain("da")


def test_varsel_only_for_decisions_stopping_tabt_arbejdsfortjeneste() -> None:
    # Rule applies: a received decision of type handicap-tabt-arbejdsfortjeneste.
    # Rule does not apply: merudgifter decisions, or a receipt without a type.
    day = datetime(2024, 4, 4, 10, 0, tzinfo=CPH)
    events = [
        Event("afgoerelse.modtaget", day, {"afgoerelse_id": "A1", "type": TABT}),
        Event("afgoerelse.modtaget", day, {"afgoerelse_id": "A2", "type": "handicap-merudgifter"}),
        Event("afgoerelse.modtaget", day, {"afgoerelse_id": "A3"}),
    ]
    found = _of(_evaluate(events, date(2024, 4, 5)), VARSEL)
    assert [ob.trigger.facts["afgoerelse_id"] for ob in found] == ["A1"]
    assert "det drejer sig om dækning af tabt arbejdsfortjeneste (handicap)" in found[0].explain(
        "da"
    )
    with pytest.raises(frister.InputError):
        CATALOG.due(VARSEL, date(2024, 4, 4), {"type": "handicap-merudgifter"})


def test_varsel_counts_from_the_receipt_derived_from_a_letter() -> None:
    # Letter Fri 22 Mar 2024 + 6 hverdage: 25, 26, 27 Mar (1-3); 28, 29 Mar and
    # 1 Apr are Easter helligdage; 2, 3, 4 Apr (4-6) -> receipt Thu 4 Apr 2024.
    # + 98 days: -> 30 Apr (26), 31 May (57), 30 Jun (87), + 11 -> Thu 11 Jul 2024.
    meddelt = Event(
        "afgoerelse.meddelt",
        date(2024, 3, 22),
        {"afgoerelse_id": "A1", "kanal": "brev", "type": TABT, "instans": "kommune"},
    )
    ob = _one(_evaluate([meddelt], date(2024, 7, 10)), VARSEL)
    assert ob.trigger.at == date(2024, 4, 4)
    assert ob.due == date(2024, 7, 11)
    assert "Modtagelsen er ikke registreret" in ob.explain("da")


def test_varsel_is_pending_until_the_date_and_met_once_it_is_reached() -> None:
    # Digital Post Thu 20 Feb 2025: received the same day; due Thu 29 May 2025 (above).
    meddelt = Event(
        "afgoerelse.meddelt",
        datetime(2025, 2, 20, 9, 0, tzinfo=CPH),
        {"afgoerelse_id": "A1", "kanal": "digital", "type": TABT},
    )
    before = _one(_evaluate([meddelt], date(2025, 5, 28)), VARSEL)
    assert before.due == date(2025, 5, 29)
    _assert_status(before, Status.PENDING)
    reached = _one(_evaluate([meddelt], date(2025, 5, 29)), VARSEL)
    _assert_status(reached, Status.MET)
    assert reached.fulfilled_by is None
    assert reached.ended_by is None
    later = _one(_evaluate([meddelt], date(2025, 9, 1)), VARSEL)
    _assert_status(later, Status.MET)


# =======================================================================================
# handicap.familievejleder: SEL § 11 stk. 8 (-> 2023) / BL § 81 stk. 4; 3 måneder
# =======================================================================================

FAMILIE = "handicap.familievejleder"
FAMILIE_SEL = "serviceloven.handicap.familievejleder-3m"
FAMILIE_BL = "barnets-lov.handicap.familievejleder-3m"


def test_familievejleder_on_anden_paaskedag_keeps_the_date() -> None:
    # Tue 21 Jan 2025 + 3 måneder = Mon 21 Apr 2025, 2. påskedag (Easter 20 Apr).
    # Practical: 20 Sun påskedag, 19 Sat, 18 langfredag, 17 skærtorsdag -> Wed 16 Apr.
    dl = CATALOG.due(FAMILIE, date(2025, 1, 21))
    assert dl.due == date(2025, 4, 21)
    assert dl.practical_due == date(2025, 4, 16)
    assert dl.on_closed_day
    assert f"{BL} § 81, stk. 4" in dl.explain("da")


def test_familievejleder_store_bededag_2023_closed_2024_open() -> None:
    # Sun 5 Feb 2023 + 3 måneder = Fri 5 May 2023, store bededag 2023 (Easter 9 Apr
    # + 26): kept, practical Thu 4 May. SEL § 11 stk. 8 governs.
    dl = CATALOG.due(FAMILIE, date(2023, 2, 5))
    assert (dl.due, dl.practical_due) == (date(2023, 5, 5), date(2023, 5, 4))
    assert dl.version.id == FAMILIE_SEL
    assert f"{SEL} § 11, stk. 8" in dl.explain("da")
    # Fri 26 Jan 2024 + 3 måneder = Fri 26 Apr 2024: the former store bededag is
    # a working day from 2024, so nothing is flagged.
    dl = CATALOG.due(FAMILIE, date(2024, 1, 26))
    assert (dl.due, dl.practical_due) == (date(2024, 4, 26), date(2024, 4, 26))
    assert not dl.on_closed_day


def test_familievejleder_2023_to_leap_day_2024_under_barnets_lov() -> None:
    # Thu 30 Nov 2023 + 3 måneder: 30 Feb does not exist -> the month's last day,
    # Thu 29 Feb 2024 (leap year). Due in 2024: BL § 81 stk. 4 (§ 213).
    dl = CATALOG.due(FAMILIE, date(2023, 11, 30))
    assert dl.due == date(2024, 2, 29)
    assert dl.version.id == FAMILIE_BL
    _assert_transition(dl.explain("da"), FAMILIE_SEL, FAMILIE_BL)
    assert f"{BL} § 81, stk. 4" in dl.explain("da")


def test_familievejleder_due_on_nytaarsdag_2024_is_barnets_lov_and_kept() -> None:
    # Sun 1 Oct 2023 + 3 måneder = Mon 1 Jan 2024 (nytårsdag): BL governs; the date
    # is kept; practical: 31 Dec Sun, 30 Dec Sat -> Fri 29 Dec 2023.
    dl = CATALOG.due(FAMILIE, date(2023, 10, 1))
    assert dl.due == date(2024, 1, 1)
    assert dl.practical_due == date(2023, 12, 29)
    assert dl.version.id == FAMILIE_BL
    assert "§ 213" in dl.explain("en")


def test_familievejleder_month_end_2022_stays_under_serviceloven() -> None:
    # Wed 30 Nov 2022 + 3 måneder: no 30 Feb 2023 -> Tue 28 Feb 2023 (no leap year).
    dl = CATALOG.due(FAMILIE, date(2022, 11, 30))
    assert dl.due == date(2023, 2, 28)
    assert dl.version.id == FAMILIE_SEL


def test_familievejleder_arises_only_from_the_diagnosis_being_known() -> None:
    # The obligation's trigger is the municipality learning of the diagnosis; an
    # offer of counselling on its own gives rise to nothing.
    offer = Event("familievejledning.tilbudt", date(2024, 3, 1))
    assert _of(_evaluate([offer], date(2024, 6, 1)), FAMILIE) == []
    known = Event("handicap.diagnose-kendt", date(2024, 3, 1))
    assert len(_of(_evaluate([known], date(2024, 6, 1)), FAMILIE)) == 1


def test_familievejleder_statuses() -> None:
    # Known Fri 15 Mar 2024 + 3 måneder = Sat 15 Jun 2024 (kept; practical Fri 14 Jun).
    known = Event("handicap.diagnose-kendt", date(2024, 3, 15))
    pending = _one(_evaluate([known], date(2024, 6, 15)), FAMILIE)
    assert (pending.due, pending.practical_due) == (date(2024, 6, 15), date(2024, 6, 14))
    _assert_status(pending, Status.PENDING)
    overdue = _one(_evaluate([known], date(2024, 6, 16)), FAMILIE)
    _assert_status(overdue, Status.OVERDUE)
    on_time = Event("familievejledning.tilbudt", date(2024, 6, 15))
    met = _one(_evaluate([known, on_time], date(2024, 7, 1)), FAMILIE)
    _assert_status(met, Status.MET)
    assert met.fulfilled_by == on_time
    assert met.fulfilled_at == date(2024, 6, 15)
    late = Event("familievejledning.tilbudt", date(2024, 6, 17))
    met_late = _one(_evaluate([known, late], date(2024, 7, 1)), FAMILIE)
    _assert_status(met_late, Status.MET_LATE)
    assert met_late.fulfilled_by == late
    assert f"{BL} § 81, stk. 4" in met_late.explain("da")


def test_familievejleder_two_diagnoses_each_need_an_offer() -> None:
    # Two children's diagnoses known 1 Feb and 1 Mar 2024 (due 1 May and 1 Jun 2024);
    # one offer 10 Feb fulfils the first only; the second is overdue on 2 Jun.
    events = [
        Event("handicap.diagnose-kendt", date(2024, 2, 1)),
        Event("handicap.diagnose-kendt", date(2024, 3, 1)),
        Event("familievejledning.tilbudt", date(2024, 2, 10)),
    ]
    first, second = _of(_evaluate(events, date(2024, 6, 2)), FAMILIE)
    assert (first.due, second.due) == (date(2024, 5, 1), date(2024, 6, 1))
    assert first.status is Status.MET
    assert second.status is Status.OVERDUE


# =======================================================================================
# formandsafgoerelse.meddelelse: SEL § 75 stk. 2 1. pkt. (-> 2023) / BL § 143 stk. 3
# 24 timer after implementation: real elapsed hours in Europe/Copenhagen.
# =======================================================================================

MEDDELELSE = "formandsafgoerelse.meddelelse"
MEDDELELSE_SEL = "serviceloven.formandsafgoerelse.meddelelse-24t"
MEDDELELSE_BL = "barnets-lov.formandsafgoerelse.meddelelse-24t"


def test_meddelelse_over_christmas_counts_hours_round_the_clock() -> None:
    # Tue 24 Dec 2024 14:00 + 24 hours = Wed 25 Dec 2024 14:00 (juledag): hours are
    # not adjusted for closed days, so nothing is flagged.
    dl = CATALOG.due(MEDDELELSE, datetime(2024, 12, 24, 14, 0, tzinfo=CPH), {"afgoerelse_id": "F"})
    assert dl.due == datetime(2024, 12, 25, 14, 0, tzinfo=CPH)
    assert dl.practical_due == dl.due
    assert not dl.on_closed_day
    assert f"{BL} § 143, stk. 3" in dl.explain("da")


def test_meddelelse_across_spring_forward() -> None:
    # Sat 30 Mar 2024 12:00 CET (11:00 UTC) + 24 real hours = Sun 31 Mar 11:00 UTC
    # = 13:00 CEST: the clocks went forward at 02:00 on 31 Mar.
    dl = CATALOG.due(MEDDELELSE, datetime(2024, 3, 30, 12, 0, tzinfo=CPH))
    assert isinstance(dl.due, datetime)
    assert dl.due == datetime(2024, 3, 31, 11, 0, tzinfo=UTC)
    local = dl.due.astimezone(CPH)
    assert (local.day, local.hour) == (31, 13)
    assert local.utcoffset() == timedelta(hours=2)
    assert "13:00 (CEST)" in dl.explain("da")


def test_meddelelse_across_fall_back() -> None:
    # Sat 26 Oct 2024 12:00 CEST (10:00 UTC) + 24 real hours = Sun 27 Oct 10:00 UTC
    # = 11:00 CET: the clocks went back at 03:00 on 27 Oct.
    dl = CATALOG.due(MEDDELELSE, datetime(2024, 10, 26, 12, 0, tzinfo=CPH))
    assert isinstance(dl.due, datetime)
    assert dl.due == datetime(2024, 10, 27, 10, 0, tzinfo=UTC)
    assert dl.due.astimezone(CPH).hour == 11
    assert "11:00 (CET)" in dl.explain("da")


def test_meddelelse_new_years_eve_2023_due_2024_under_barnets_lov() -> None:
    # Sun 31 Dec 2023 10:00 CET + 24 hours = Mon 1 Jan 2024 10:00 CET: due in 2024,
    # so BL § 143 stk. 3 governs (§ 213).
    dl = CATALOG.due(MEDDELELSE, datetime(2023, 12, 31, 10, 0, tzinfo=CPH))
    assert dl.due == datetime(2024, 1, 1, 10, 0, tzinfo=CPH)
    assert dl.version.id == MEDDELELSE_BL
    text = dl.explain("da")
    _assert_transition(text, MEDDELELSE_SEL, MEDDELELSE_BL)
    assert f"{BL} § 143, stk. 3" in text


def test_meddelelse_due_on_new_years_eve_stays_under_serviceloven() -> None:
    # Sat 30 Dec 2023 09:00 + 24 hours = Sun 31 Dec 2023 09:00: SEL § 75 stk. 2 1. pkt.
    dl = CATALOG.due(MEDDELELSE, datetime(2023, 12, 30, 9, 0, tzinfo=CPH))
    assert dl.due == datetime(2023, 12, 31, 9, 0, tzinfo=CPH)
    assert dl.version.id == MEDDELELSE_SEL
    assert f"{SEL} § 75, stk. 2, 1. pkt." in dl.explain("da")


def test_meddelelse_needs_the_time_of_day() -> None:
    with pytest.raises(frister.InputError, match="24 timer"):
        CATALOG.due(MEDDELELSE, date(2024, 3, 30))


def test_meddelelse_statuses_to_the_minute() -> None:
    # Implemented Tue 5 Mar 2024 15:30; due Wed 6 Mar 2024 15:30 (no DST change).
    start = Event(
        "formandsafgoerelse.iverksat",
        datetime(2024, 3, 5, 15, 30, tzinfo=CPH),
        {"afgoerelse_id": "F1"},
    )
    due = datetime(2024, 3, 6, 15, 30, tzinfo=CPH)
    pending = _one(_evaluate([start], datetime(2024, 3, 6, 15, 0, tzinfo=CPH)), MEDDELELSE)
    assert pending.due == due
    _assert_status(pending, Status.PENDING)
    overdue = _one(_evaluate([start], datetime(2024, 3, 6, 15, 31, tzinfo=CPH)), MEDDELELSE)
    _assert_status(overdue, Status.OVERDUE)
    exactly = Event("formandsafgoerelse.meddelt", due, {"afgoerelse_id": "F1"})
    met = _one(_evaluate([start, exactly], date(2024, 3, 8)), MEDDELELSE)
    _assert_status(met, Status.MET)
    assert met.fulfilled_at == due
    late = Event(
        "formandsafgoerelse.meddelt",
        datetime(2024, 3, 6, 15, 31, tzinfo=CPH),
        {"afgoerelse_id": "F1"},
    )
    met_late = _one(_evaluate([start, late], date(2024, 3, 8)), MEDDELELSE)
    _assert_status(met_late, Status.MET_LATE)
    assert f"{BL} § 143, stk. 3" in met_late.explain("da")


def test_meddelelse_is_linked_by_afgoerelse_id() -> None:
    # A notice of another provisional decision (F2) does not fulfil F1's.
    events = [
        Event(
            "formandsafgoerelse.iverksat",
            datetime(2024, 3, 5, 15, 30, tzinfo=CPH),
            {"afgoerelse_id": "F1"},
        ),
        Event(
            "formandsafgoerelse.meddelt",
            datetime(2024, 3, 5, 18, 0, tzinfo=CPH),
            {"afgoerelse_id": "F2"},
        ),
    ]
    ob = _one(_evaluate(events, date(2024, 3, 8)), MEDDELELSE)
    assert ob.fulfilled_by is None
    _assert_status(ob, Status.OVERDUE)


# =======================================================================================
# formandsafgoerelse.forelaeggelse: SEL § 75 stk. 3 (-> 2023) / BL § 143 stk. 4; 7 dage
# =======================================================================================

FORELAEG = "formandsafgoerelse.forelaeggelse"
FORELAEG_SEL = "serviceloven.formandsafgoerelse.forelaeggelse-7d"
FORELAEG_BL = "barnets-lov.formandsafgoerelse.forelaeggelse-7d"


def test_forelaeggelse_on_juledag_practical_is_juleaftensdag() -> None:
    # Wed 18 Dec 2024 + 7 dage = Wed 25 Dec 2024 (juledag): kept; the practical day
    # is Tue 24 Dec, a working day for an authority deadline.
    dl = CATALOG.due(FORELAEG, datetime(2024, 12, 18, 16, 0, tzinfo=CPH))
    assert dl.due == date(2024, 12, 25)
    assert dl.practical_due == date(2024, 12, 24)
    assert dl.on_closed_day
    assert f"{BL} § 143, stk. 4" in dl.explain("da")


def test_forelaeggelse_on_anden_paaskedag_2025() -> None:
    # Mon 14 Apr 2025 + 7 dage = Mon 21 Apr 2025 (2. påskedag); practical: 20 påskedag,
    # 19 Sat, 18 langfredag, 17 skærtorsdag -> Wed 16 Apr 2025.
    dl = CATALOG.due(FORELAEG, datetime(2025, 4, 14, 9, 0, tzinfo=CPH))
    assert (dl.due, dl.practical_due) == (date(2025, 4, 21), date(2025, 4, 16))


def test_forelaeggelse_late_december_2023_due_2024_under_barnets_lov() -> None:
    # Wed 27 Dec 2023 + 7 dage = Wed 3 Jan 2024: BL § 143 stk. 4 (§ 213).
    dl = CATALOG.due(FORELAEG, datetime(2023, 12, 27, 11, 0, tzinfo=CPH))
    assert dl.due == date(2024, 1, 3)
    assert dl.version.id == FORELAEG_BL
    _assert_transition(dl.explain("da"), FORELAEG_SEL, FORELAEG_BL)
    assert f"{BL} § 143, stk. 4" in dl.explain("da")


def test_forelaeggelse_due_sunday_31_december_2023_is_serviceloven() -> None:
    # Sun 24 Dec 2023 + 7 dage = Sun 31 Dec 2023: SEL § 75 stk. 3; kept, practical
    # Fri 29 Dec (30 Sat, 31 Sun; 29 Dec is a working day).
    dl = CATALOG.due(FORELAEG, datetime(2023, 12, 24, 20, 0, tzinfo=CPH))
    assert (dl.due, dl.practical_due) == (date(2023, 12, 31), date(2023, 12, 29))
    assert dl.version.id == FORELAEG_SEL
    assert f"{SEL} § 75, stk. 3" in dl.explain("da")


def test_forelaeggelse_counts_from_the_danish_calendar_day() -> None:
    # 31 Dec 2023 23:30 UTC is Mon 1 Jan 2024 00:30 in Copenhagen: the trigger day is
    # 1 Jan 2024 (BL in force, no transition); + 7 dage = Mon 8 Jan 2024.
    dl = CATALOG.due(FORELAEG, datetime(2023, 12, 31, 23, 30, tzinfo=UTC))
    assert dl.due == date(2024, 1, 8)
    assert dl.version.id == FORELAEG_BL
    assert "§ 213" not in dl.explain("da")


def test_forelaeggelse_statuses_and_no_end_when_the_measure_stops() -> None:
    # Implemented Mon 4 Mar 2024 + 7 dage = Mon 11 Mar 2024. BL § 143 stk. 4: to be
    # put before the committee "uanset om indsatsen eller foranstaltningen er ophørt",
    # so the measure stopping does not end the obligation.
    start = Event(
        "formandsafgoerelse.iverksat",
        datetime(2024, 3, 4, 17, 0, tzinfo=CPH),
        {"afgoerelse_id": "F1"},
    )
    pending = _one(_evaluate([start], date(2024, 3, 11)), FORELAEG)
    assert pending.due == date(2024, 3, 11)
    _assert_status(pending, Status.PENDING)
    stopped = Event("indsats.ophoert", date(2024, 3, 6), {"indsats_id": "I1"})
    overdue = _one(_evaluate([start, stopped], date(2024, 3, 12)), FORELAEG)
    _assert_status(overdue, Status.OVERDUE)
    assert overdue.ended_by is None
    on_time = Event(
        "udvalg.afgoerelse", datetime(2024, 3, 11, 19, 0, tzinfo=CPH), {"afgoerelse_id": "F1"}
    )
    met = _one(_evaluate([start, on_time], date(2024, 3, 20)), FORELAEG)
    _assert_status(met, Status.MET)
    assert met.fulfilled_by == on_time
    late = Event("udvalg.afgoerelse", date(2024, 3, 12), {"afgoerelse_id": "F1"})
    met_late = _one(_evaluate([start, late], date(2024, 3, 20)), FORELAEG)
    _assert_status(met_late, Status.MET_LATE)
    other = Event("udvalg.afgoerelse", date(2024, 3, 8), {"afgoerelse_id": "F9"})
    unlinked = _one(_evaluate([start, other], date(2024, 3, 20)), FORELAEG)
    assert unlinked.fulfilled_by is None
    _assert_status(unlinked, Status.OVERDUE)


# =======================================================================================
# hjemgivelse.anmodning: SEL § 68 stk. 3 (-> 2023) / BL § 102 stk. 1; 7 dage
# =======================================================================================

HJEM = "hjemgivelse.anmodning"
HJEM_SEL = "serviceloven.hjemgivelse.anmodning-7d"
HJEM_BL = "barnets-lov.hjemgivelse.anmodning-7d"


def test_hjemgivelse_on_kristi_himmelfartsdag_2024() -> None:
    # Thu 2 May 2024 + 7 dage = Thu 9 May 2024 (Kristi himmelfartsdag, Easter 31 Mar
    # + 39): kept; practical Wed 8 May.
    dl = CATALOG.due(HJEM, date(2024, 5, 2), {"indsats_id": "I1"})
    assert (dl.due, dl.practical_due) == (date(2024, 5, 9), date(2024, 5, 8))
    assert dl.on_closed_day
    assert f"{BL} § 102, stk. 1" in dl.explain("da")


def test_hjemgivelse_store_bededag_2023_versus_2024() -> None:
    # Fri 28 Apr 2023 + 7 = Fri 5 May 2023, store bededag: kept, practical Thu 4 May.
    dl = CATALOG.due(HJEM, date(2023, 4, 28))
    assert (dl.due, dl.practical_due) == (date(2023, 5, 5), date(2023, 5, 4))
    assert dl.version.id == HJEM_SEL
    assert f"{SEL} § 68, stk. 3" in dl.explain("da")
    # Fri 19 Apr 2024 + 7 = Fri 26 Apr 2024: no longer a helligdag.
    dl = CATALOG.due(HJEM, date(2024, 4, 19))
    assert (dl.due, dl.practical_due) == (date(2024, 4, 26), date(2024, 4, 26))


def test_hjemgivelse_request_in_december_2023_answered_under_barnets_lov() -> None:
    # Thu 28 Dec 2023 + 7 dage = Thu 4 Jan 2024: BL § 102 stk. 1 (§ 213).
    dl = CATALOG.due(HJEM, date(2023, 12, 28))
    assert dl.due == date(2024, 1, 4)
    assert dl.version.id == HJEM_BL
    _assert_transition(dl.explain("da"), HJEM_SEL, HJEM_BL)
    assert "§ 213" in dl.explain("en")
    # Wed 20 Dec 2023 + 7 = Wed 27 Dec 2023: still SEL § 68 stk. 3.
    dl = CATALOG.due(HJEM, date(2023, 12, 20))
    assert (dl.due, dl.version.id) == (date(2023, 12, 27), HJEM_SEL)


def test_hjemgivelse_statuses_linked_by_indsats_id() -> None:
    # Request Mon 4 Mar 2024 + 7 dage = Mon 11 Mar 2024.
    request = Event("hjemgivelse.anmodet", date(2024, 3, 4), {"indsats_id": "I1"})
    pending = _one(_evaluate([request], date(2024, 3, 11)), HJEM)
    assert pending.due == date(2024, 3, 11)
    _assert_status(pending, Status.PENDING)
    _assert_status(_one(_evaluate([request], date(2024, 3, 12)), HJEM), Status.OVERDUE)
    decided = Event("afgoerelse.truffet", date(2024, 3, 8), {"indsats_id": "I1"})
    met = _one(_evaluate([request, decided], date(2024, 3, 20)), HJEM)
    _assert_status(met, Status.MET)
    assert met.fulfilled_by == decided
    late = Event("afgoerelse.truffet", date(2024, 3, 13), {"indsats_id": "I1"})
    _assert_status(_one(_evaluate([request, late], date(2024, 3, 20)), HJEM), Status.MET_LATE)
    other = Event("afgoerelse.truffet", date(2024, 3, 8), {"indsats_id": "I2"})
    unlinked = _one(_evaluate([request, other], date(2024, 3, 20)), HJEM)
    assert unlinked.fulfilled_by is None
    _assert_status(unlinked, Status.OVERDUE)
    assert f"{BL} § 102, stk. 1" in unlinked.explain("da")


# =======================================================================================
# klage.klagefrist: RSL § 67 stk. 1 (kommune), SEL § 168 -> BL § 146 (udvalg),
# SEL § 169 -> BL § 147 (ankestyrelsen); 4 uger from receipt; the citizen's deadline.
# =======================================================================================

KLAGE = "klage.klagefrist"
KLAGE_RSL = "retssikkerhedsloven.klage.klagefrist-4u"
KLAGE_UDVALG_SEL = "serviceloven.klage.buu-afgoerelse-4u"
KLAGE_UDVALG_BL = "barnets-lov.klage.buu-afgoerelse-4u"
KLAGE_DOMSTOL_SEL = "serviceloven.klage.domstolsproevelse-4u"
KLAGE_DOMSTOL_BL = "barnets-lov.klage.domstolsproevelse-4u"


@pytest.mark.parametrize(
    ("received", "expected", "why"),
    [
        # Thu 20 Mar 2025 + 4 uger = Thu 17 Apr 2025 skærtorsdag; 18 langfredag, 19 Sat,
        # 20 påskedag, 21 2. påskedag -> Tue 22 Apr 2025.
        (date(2025, 3, 20), date(2025, 4, 22), "Easter"),
        # Tue 26 Nov 2024 + 4 uger = Tue 24 Dec 2024 juleaftensdag (closed for the
        # citizen); 25, 26 Dec helligdage -> Fri 27 Dec 2024.
        (date(2024, 11, 26), date(2024, 12, 27), "Christmas"),
        # Tue 3 Dec 2024 + 4 uger = Tue 31 Dec 2024 nytårsaftensdag; 1 Jan nytårsdag
        # -> Thu 2 Jan 2025.
        (date(2024, 12, 3), date(2025, 1, 2), "New Year"),
        # Thu 8 May 2025 + 4 uger = Thu 5 Jun 2025 grundlovsdag -> Fri 6 Jun 2025.
        (date(2025, 5, 8), date(2025, 6, 6), "grundlovsdag"),
        # Sat 2 Mar 2024 + 4 uger = Sat 30 Mar 2024; 31 påskedag, 1 Apr 2. påskedag
        # -> Tue 2 Apr 2024.
        (date(2024, 3, 2), date(2024, 4, 2), "weekend into Easter"),
        # Fri 7 Apr 2023 + 4 uger = Fri 5 May 2023 store bededag; Sat, Sun -> Mon 8 May.
        (date(2023, 4, 7), date(2023, 5, 8), "store bededag 2023"),
        # Fri 29 Mar 2024 + 4 uger = Fri 26 Apr 2024: no store bededag from 2024.
        (date(2024, 3, 29), date(2024, 4, 26), "store bededag 2024"),
        # Fri 12 Apr 2024 + 4 uger = Fri 10 May 2024, the Friday after Kristi
        # himmelfartsdag: not a closed day by default.
        (date(2024, 4, 12), date(2024, 5, 10), "Friday after Kristi himmelfart"),
        # Thu 1 Feb 2024 + 4 uger = Thu 29 Feb 2024 (leap day), a working day.
        (date(2024, 2, 1), date(2024, 2, 29), "leap day"),
    ],
)
def test_klagefrist_kommune_rolls_forward_off_citizens_closed_days(
    received: date, expected: date, why: str
) -> None:
    dl = CATALOG.due(KLAGE, received, {"instans": "kommune"})
    assert dl.due == expected, why
    assert dl.practical_due == expected
    assert not dl.on_closed_day
    assert dl.version.id == KLAGE_RSL
    assert f"{RSL} § 67, stk. 1" in dl.explain("da")


def test_klagefrist_explains_the_move_to_the_next_working_day() -> None:
    # Tue 26 Nov 2024 -> 24 Dec 2024 -> moved to Fri 27 Dec 2024 (above).
    text = CATALOG.due(KLAGE, date(2024, 11, 26), {"instans": "kommune"}).explain("da")
    assert "Juleaftensdag" in text
    assert "fre. 27. dec. 2024" in text


def test_klagefrist_udvalg_decision_received_december_2023_governed_by_bl_146() -> None:
    # Thu 14 Dec 2023 + 4 uger = Thu 11 Jan 2024: BL § 146 stk. 1 1. pkt. (§ 213).
    dl = CATALOG.due(KLAGE, date(2023, 12, 14), {"instans": "udvalg"})
    assert dl.due == date(2024, 1, 11)
    assert dl.version.id == KLAGE_UDVALG_BL
    text = dl.explain("da")
    _assert_transition(text, KLAGE_UDVALG_SEL, KLAGE_UDVALG_BL)
    assert f"{BL} § 146, stk. 1, 1. pkt." in text


def test_klagefrist_udvalg_rolled_into_2024_is_governed_by_bl_146() -> None:
    # Sun 3 Dec 2023 (Digital Post) + 4 uger = Sun 31 Dec 2023 (closed: Sunday and
    # nytårsaftensdag); 1 Jan nytårsdag -> Tue 2 Jan 2024. It falls due in 2024, so
    # BL § 146 governs.
    dl = CATALOG.due(KLAGE, date(2023, 12, 3), {"instans": "udvalg"})
    assert dl.due == date(2024, 1, 2)
    assert dl.version.id == KLAGE_UDVALG_BL
    assert "§ 213" in dl.explain("da")


def test_klagefrist_udvalg_due_in_2023_is_serviceloven_168() -> None:
    # Fri 1 Dec 2023 + 4 uger = Fri 29 Dec 2023, a working day: SEL § 168 stk. 1 1. pkt.
    dl = CATALOG.due(KLAGE, date(2023, 12, 1), {"instans": "udvalg"})
    assert dl.due == date(2023, 12, 29)
    assert dl.version.id == KLAGE_UDVALG_SEL
    assert f"{SEL} § 168, stk. 1, 1. pkt." in dl.explain("da")


def test_klagefrist_domstol_serviceloven_169_then_barnets_lov_147() -> None:
    # Wed 29 Nov 2023 + 4 uger = Wed 27 Dec 2023: SEL § 169 stk. 1.
    dl = CATALOG.due(KLAGE, date(2023, 11, 29), {"instans": "ankestyrelsen"})
    assert (dl.due, dl.version.id) == (date(2023, 12, 27), KLAGE_DOMSTOL_SEL)
    assert f"{SEL} § 169, stk. 1" in dl.explain("da")
    # Wed 20 Dec 2023 + 4 uger = Wed 17 Jan 2024: BL § 147 stk. 1 (§ 213).
    dl = CATALOG.due(KLAGE, date(2023, 12, 20), {"instans": "ankestyrelsen"})
    assert (dl.due, dl.version.id) == (date(2024, 1, 17), KLAGE_DOMSTOL_BL)
    _assert_transition(dl.explain("da"), KLAGE_DOMSTOL_SEL, KLAGE_DOMSTOL_BL)
    assert f"{BL} § 147, stk. 1" in dl.explain("da")


def test_klagefrist_kommune_whole_period_is_rsl_across_new_year() -> None:
    # Thu 14 Dec 2023 + 4 uger = Thu 11 Jan 2024: RSL § 67 has one version for the
    # whole period; no transition.
    dl = CATALOG.due(KLAGE, date(2023, 12, 14), {"instans": "kommune"})
    assert (dl.due, dl.version.id) == (date(2024, 1, 11), KLAGE_RSL)
    assert "§ 213" not in dl.explain("da")


@pytest.mark.parametrize(
    ("instans", "version_id"),
    [
        ("kommune", KLAGE_RSL),
        (None, KLAGE_RSL),
        ("udvalg", KLAGE_UDVALG_BL),
        ("ankestyrelsen", KLAGE_DOMSTOL_BL),
    ],
)
def test_klagefrist_variant_by_instans(instans: str | None, version_id: str) -> None:
    # Exactly one deadline per decision, from the variant for its instans.
    # Receipt Mon 4 Mar 2024 + 4 uger = Mon 1 Apr 2024 (2. påskedag) -> Tue 2 Apr.
    facts: dict[str, Any] = {"afgoerelse_id": "A1"}
    if instans is not None:
        facts["instans"] = instans
    received = Event("afgoerelse.modtaget", date(2024, 3, 4), facts)
    ob = _one(_evaluate([received], date(2024, 3, 5)), KLAGE)
    assert ob.version.id == version_id
    assert ob.due == date(2024, 4, 2)


@pytest.mark.parametrize(
    ("kanal", "received", "due"),
    [
        # Digital Post Fri 22 Mar 2024: received the same day; + 4 uger = Fri 19 Apr.
        ("digital", date(2024, 3, 22), date(2024, 4, 19)),
        # Letter Fri 22 Mar 2024 + 6 hverdage: 25, 26, 27 Mar (1-3); 28, 29 Mar and
        # 1 Apr are Easter helligdage; 2, 3, 4 Apr (4-6) -> Thu 4 Apr; + 4 uger =
        # Thu 2 May 2024.
        ("brev", date(2024, 4, 4), date(2024, 5, 2)),
    ],
)
def test_klagefrist_receipt_derived_from_the_channel(kanal: str, received: date, due: date) -> None:
    meddelt = Event(
        "afgoerelse.meddelt",
        date(2024, 3, 22),
        {"afgoerelse_id": "A1", "kanal": kanal, "instans": "kommune"},
    )
    ob = _one(_evaluate([meddelt], date(2024, 6, 1)), KLAGE)
    assert ob.trigger.kind == "afgoerelse.modtaget"
    assert ob.trigger.at == received
    assert ob.due == due
    assert "Modtagelsen er ikke registreret" in ob.explain("da")
    assert "not recorded" in ob.explain("en")


def test_klagefrist_letter_over_christmas_and_new_year() -> None:
    # Letter Fri 20 Dec 2024 + 6 hverdage: 23 Dec (1), 24 Dec (2; a hverdag in the
    # general calendar), 25-26 Dec helligdage, 27 Dec (3), 30 Dec (4), 31 Dec (5),
    # 1 Jan nytårsdag, 2 Jan (6) -> receipt Thu 2 Jan 2025; + 4 uger = Thu 30 Jan 2025.
    meddelt = Event(
        "afgoerelse.meddelt",
        date(2024, 12, 20),
        {"afgoerelse_id": "A1", "kanal": "brev", "instans": "kommune"},
    )
    ob = _one(_evaluate([meddelt], date(2025, 3, 1)), KLAGE)
    assert ob.trigger.at == date(2025, 1, 2)
    assert ob.due == date(2025, 1, 30)


def test_klagefrist_recorded_receipt_wins_over_the_derived_one() -> None:
    # Letter Fri 22 Mar 2024, but the receipt is recorded Mon 25 Mar 2024:
    # + 4 uger = Mon 22 Apr 2024 (not the derived Thu 2 May).
    events = [
        Event(
            "afgoerelse.meddelt",
            date(2024, 3, 22),
            {"afgoerelse_id": "A1", "kanal": "brev", "instans": "kommune"},
        ),
        Event(
            "afgoerelse.modtaget", date(2024, 3, 25), {"afgoerelse_id": "A1", "instans": "kommune"}
        ),
    ]
    ob = _one(_evaluate(events, date(2024, 6, 1)), KLAGE)
    assert ob.trigger.at == date(2024, 3, 25)
    assert ob.due == date(2024, 4, 22)
    assert "Modtagelsen er ikke registreret" not in ob.explain("da")


def test_klagefrist_statuses() -> None:
    # Digital Post Fri 22 Mar 2024 -> due Fri 19 Apr 2024 (above).
    meddelt = Event(
        "afgoerelse.meddelt",
        date(2024, 3, 22),
        {"afgoerelse_id": "A1", "kanal": "digital", "instans": "kommune"},
    )
    pending = _one(_evaluate([meddelt], date(2024, 4, 19)), KLAGE)
    _assert_status(pending, Status.PENDING)
    overdue = _one(_evaluate([meddelt], date(2024, 4, 20)), KLAGE)
    _assert_status(overdue, Status.OVERDUE)
    klage = Event("klage.modtaget", date(2024, 4, 19), {"afgoerelse_id": "A1"})
    met = _one(_evaluate([meddelt, klage], date(2024, 5, 1)), KLAGE)
    _assert_status(met, Status.MET)
    assert met.fulfilled_by == klage
    late = Event("klage.modtaget", date(2024, 4, 22), {"afgoerelse_id": "A1"})
    met_late = _one(_evaluate([meddelt, late], date(2024, 5, 1)), KLAGE)
    _assert_status(met_late, Status.MET_LATE)
    assert f"{RSL} § 67, stk. 1" in met_late.explain("da")
    other = Event("klage.modtaget", date(2024, 4, 2), {"afgoerelse_id": "A2"})
    unlinked = _one(_evaluate([meddelt, other], date(2024, 5, 1)), KLAGE)
    assert unlinked.fulfilled_by is None
    _assert_status(unlinked, Status.OVERDUE)


def test_klagefrist_met_by_a_complaint_before_the_derived_receipt() -> None:
    # Letter Fri 22 Mar 2024: receipt derived as Thu 4 Apr, deadline Thu 2 May 2024.
    # The complaint arrives Wed 27 Mar 2024 (the citizen had the letter earlier). A
    # complaint lodged before the 4 weeks have even started is within them: "inden
    # 4 uger efter, at klageren har fået meddelelse" (RSL § 67 stk. 1).
    events = [
        Event(
            "afgoerelse.meddelt",
            date(2024, 3, 22),
            {"afgoerelse_id": "A1", "kanal": "brev", "instans": "kommune"},
        ),
        Event("klage.modtaget", date(2024, 3, 27), {"afgoerelse_id": "A1"}),
    ]
    ob = _one(_evaluate(events, date(2024, 6, 1)), KLAGE)
    assert ob.due == date(2024, 5, 2)
    assert ob.status is Status.MET, ob.explain("en")


# =======================================================================================
# klage.genvurdering: BEK-RSL § 11 stk. 1 (4 uger), stk. 3 (14 dage, varslingssager),
# stk. 6 (none for udvalg decisions); authority deadline (keep).
# =======================================================================================

GENV = "klage.genvurdering"
GENV_4U = "bek-retssikkerhed.genvurdering-4u"
GENV_14D = "bek-retssikkerhed.genvurdering-14d-varslingssager"


def test_genvurdering_on_kristi_himmelfartsdag_2024() -> None:
    # Complaint Thu 11 Apr 2024 + 4 uger = Thu 9 May 2024 (Kristi himmelfartsdag):
    # kept; practical Wed 8 May.
    dl = CATALOG.due(GENV, date(2024, 4, 11), {"instans": "kommune"})
    assert (dl.due, dl.practical_due) == (date(2024, 5, 9), date(2024, 5, 8))
    assert dl.on_closed_day
    assert dl.version.id == GENV_4U
    assert f"{BEK} § 11, stk. 1" in dl.explain("da")


def test_genvurdering_varslingssag_on_juledag_practical_juleaftensdag() -> None:
    # Varslingssag: Wed 11 Dec 2024 + 14 dage = Wed 25 Dec 2024 (juledag): kept;
    # practical Tue 24 Dec (a working day for the authority).
    dl = CATALOG.due(GENV, date(2024, 12, 11), {"varslingssag": True})
    assert (dl.due, dl.practical_due) == (date(2024, 12, 25), date(2024, 12, 24))
    assert dl.version.id == GENV_14D
    assert f"{BEK} § 11, stk. 3" in dl.explain("da")


def test_genvurdering_store_bededag_2023_versus_2024() -> None:
    # Fri 7 Apr 2023 + 4 uger = Fri 5 May 2023, store bededag: practical Thu 4 May.
    dl = CATALOG.due(GENV, date(2023, 4, 7))
    assert (dl.due, dl.practical_due) == (date(2023, 5, 5), date(2023, 5, 4))
    # Fri 29 Mar 2024 + 4 uger = Fri 26 Apr 2024, a working day in 2024.
    dl = CATALOG.due(GENV, date(2024, 3, 29))
    assert (dl.due, dl.practical_due) == (date(2024, 4, 26), date(2024, 4, 26))


def test_genvurdering_leap_day() -> None:
    # One version per variant, so the second example is the leap day:
    # Thu 1 Feb 2024 + 4 uger = Thu 29 Feb 2024; Thu 15 Feb 2024 + 14 dage = Thu 29 Feb.
    assert CATALOG.due(GENV, date(2024, 2, 1)).due == date(2024, 2, 29)
    assert CATALOG.due(GENV, date(2024, 2, 15), {"varslingssag": True}).due == date(2024, 2, 29)


@pytest.mark.parametrize(
    ("facts", "version_id", "due"),
    [
        # Complaint Mon 4 Mar 2024: 4 uger -> Mon 1 Apr 2024 (2. påskedag, kept);
        # 14 dage -> Mon 18 Mar 2024.
        ({"instans": "kommune"}, GENV_4U, date(2024, 4, 1)),
        ({}, GENV_4U, date(2024, 4, 1)),
        ({"instans": "kommune", "varslingssag": False}, GENV_4U, date(2024, 4, 1)),
        ({"instans": "kommune", "varslingssag": True}, GENV_14D, date(2024, 3, 18)),
    ],
)
def test_genvurdering_four_weeks_or_fourteen_days(
    facts: dict[str, Any], version_id: str, due: date
) -> None:
    complaint = Event("klage.modtaget", date(2024, 3, 4), {"afgoerelse_id": "A1", **facts})
    ob = _one(_evaluate([complaint], date(2024, 3, 5)), GENV)
    assert ob.version.id == version_id
    assert ob.due == due
    if version_id == GENV_4U:
        # Kept on 1 Apr; practical: 31 Mar påskedag, 30 Sat, 29 langfredag,
        # 28 skærtorsdag -> Wed 27 Mar 2024.
        assert ob.practical_due == date(2024, 3, 27)
        assert ob.on_closed_day


def test_genvurdering_none_for_udvalg_or_ankestyrelsen_decisions() -> None:
    # BEK-RSL § 11 stk. 6: complaints about the committee's decisions are not
    # reconsidered by the municipality; they go to Ankestyrelsen at once.
    events = [
        Event("klage.modtaget", date(2024, 3, 4), {"afgoerelse_id": "A1", "instans": "udvalg"}),
        Event(
            "klage.modtaget",
            date(2024, 3, 4),
            {"afgoerelse_id": "A2", "instans": "ankestyrelsen"},
        ),
    ]
    assert _of(_evaluate(events, date(2024, 6, 1)), GENV) == []


def test_genvurdering_none_for_udvalg_decisions_even_if_flagged_varslingssag() -> None:
    # § 11 stk. 6 excludes the committee's decisions whatever the case type; the
    # 14-day variant (stk. 3) must not bring them back.
    complaint = Event(
        "klage.modtaget",
        date(2024, 3, 4),
        {"afgoerelse_id": "A1", "instans": "udvalg", "varslingssag": True},
    )
    assert _of(_evaluate([complaint], date(2024, 6, 1)), GENV) == []


def test_genvurdering_statuses_met_by_new_decision_or_forwarding() -> None:
    # Complaint Tue 2 Apr 2024 + 4 uger = Tue 30 Apr 2024.
    complaint = Event("klage.modtaget", date(2024, 4, 2), {"afgoerelse_id": "A1"})
    pending = _one(_evaluate([complaint], date(2024, 4, 30)), GENV)
    assert pending.due == date(2024, 4, 30)
    _assert_status(pending, Status.PENDING)
    _assert_status(_one(_evaluate([complaint], date(2024, 5, 1)), GENV), Status.OVERDUE)
    for kind in ("klage.genvurderet", "klage.videresendt"):
        done = Event(kind, date(2024, 4, 30), {"afgoerelse_id": "A1"})
        met = _one(_evaluate([complaint, done], date(2024, 5, 10)), GENV)
        _assert_status(met, Status.MET)
        assert met.fulfilled_by == done
        late = Event(kind, date(2024, 5, 2), {"afgoerelse_id": "A1"})
        _assert_status(_one(_evaluate([complaint, late], date(2024, 5, 10)), GENV), Status.MET_LATE)
    other = Event("klage.videresendt", date(2024, 4, 10), {"afgoerelse_id": "A2"})
    unlinked = _one(_evaluate([complaint, other], date(2024, 5, 10)), GENV)
    assert unlinked.fulfilled_by is None
    _assert_status(unlinked, Status.OVERDUE)
    assert f"{BEK} § 11, stk. 1" in unlinked.explain("da")


def test_genvurdering_varslingssag_statuses() -> None:
    # Varslingssag complaint Tue 2 Apr 2024 + 14 dage = Tue 16 Apr 2024.
    complaint = Event(
        "klage.modtaget", date(2024, 4, 2), {"afgoerelse_id": "A1", "varslingssag": True}
    )
    late = Event("klage.genvurderet", date(2024, 4, 17), {"afgoerelse_id": "A1"})
    ob = _one(_evaluate([complaint, late], date(2024, 5, 1)), GENV)
    assert ob.due == date(2024, 4, 16)
    _assert_status(ob, Status.MET_LATE)
    assert f"{BEK} § 11, stk. 3" in ob.explain("da")


# =======================================================================================
# partshoering.svarfrist: FVL § 19 stk. 1 3. pkt.; the date set by the authority
# (fact svarfrist), the citizen's deadline: moved forward off closed days.
# =======================================================================================

SVAR = "partshoering.svarfrist"


@pytest.mark.parametrize(
    ("svarfrist", "expected"),
    [
        # A working day stays: Wed 17 Apr 2024; Thu 29 Feb 2024 (leap day).
        (date(2024, 4, 17), date(2024, 4, 17)),
        (date(2024, 2, 29), date(2024, 2, 29)),
        # The Friday after Kristi himmelfartsdag is not closed by default: Fri 10 May 2024.
        (date(2024, 5, 10), date(2024, 5, 10)),
    ],
)
def test_svarfrist_on_a_working_day_is_the_date_set(svarfrist: date, expected: date) -> None:
    dl = CATALOG.due(SVAR, date(2024, 2, 1), {"partshoering_id": "P1", "svarfrist": svarfrist})
    assert dl.due == expected
    assert dl.version.id == "forvaltningsloven.partshoering.svarfrist"
    assert f"{FVL} § 19, stk. 1, 3. pkt." in dl.explain("da")


@pytest.mark.parametrize(
    ("svarfrist", "expected", "why"),
    [
        # Sun 14 Apr 2024 -> Mon 15 Apr 2024.
        (date(2024, 4, 14), date(2024, 4, 15), "Sunday"),
        # Sat 30 Mar 2024; 31 påskedag, 1 Apr 2. påskedag -> Tue 2 Apr 2024.
        (date(2024, 3, 30), date(2024, 4, 2), "Easter"),
        # Tue 24 Dec 2024 juleaftensdag; 25, 26 helligdage -> Fri 27 Dec 2024.
        (date(2024, 12, 24), date(2024, 12, 27), "juleaftensdag"),
        # Tue 31 Dec 2024 nytårsaftensdag; 1 Jan nytårsdag -> Thu 2 Jan 2025.
        (date(2024, 12, 31), date(2025, 1, 2), "nytårsaftensdag"),
        # Thu 5 Jun 2025 grundlovsdag -> Fri 6 Jun 2025.
        (date(2025, 6, 5), date(2025, 6, 6), "grundlovsdag"),
        # Sun 30 Jun 2024, a month end -> Mon 1 Jul 2024.
        (date(2024, 6, 30), date(2024, 7, 1), "month end"),
    ],
)
def test_svarfrist_on_a_closed_day_moves_to_the_next_working_day(
    svarfrist: date, expected: date, why: str
) -> None:
    # The version has roll = "forward" with the citizen's extra closed days: a
    # response period ending on a closed day runs to the next working day
    # (fristberegning.md: "a response to partshøring").
    dl = CATALOG.due(SVAR, date(2024, 3, 1), {"partshoering_id": "P1", "svarfrist": svarfrist})
    assert dl.due == expected, why


def test_svarfrist_without_a_date_has_no_deadline_and_no_statutory_length() -> None:
    # FVL gives no length: without the authority's date there is no deadline, and
    # no default (14 days or other) is presented as law.
    with pytest.raises(frister.NoDeadlineError):
        CATALOG.due(SVAR, date(2024, 3, 1), {"partshoering_id": "P1"})
    sent = Event("partshoering.sendt", date(2024, 3, 1), {"partshoering_id": "P1"})
    for as_of in (date(2024, 3, 20), date(2026, 1, 1)):
        ob = _one(_evaluate([sent], as_of), SVAR)
        assert ob.due is None
        assert ob.practical_due is None
        assert ob.deadline is None
        _assert_status(ob, Status.PENDING)
    text = ob.explain("da")
    assert f"{FVL} § 19, stk. 1, 3. pkt." in text
    assert "ingen varighed er konfigureret" in text
    assert "14 dage er praksis, ikke lov" in text


def test_svarfrist_statuses_linked_by_partshoering_id() -> None:
    # Sent Fri 1 Mar 2024 with svarfrist Fri 15 Mar 2024 (a working day).
    sent = Event(
        "partshoering.sendt",
        date(2024, 3, 1),
        {"partshoering_id": "P1", "svarfrist": date(2024, 3, 15)},
    )
    pending = _one(_evaluate([sent], date(2024, 3, 15)), SVAR)
    assert pending.due == date(2024, 3, 15)
    _assert_status(pending, Status.PENDING)
    _assert_status(_one(_evaluate([sent], date(2024, 3, 16)), SVAR), Status.OVERDUE)
    answer = Event("partshoering.svar", date(2024, 3, 15), {"partshoering_id": "P1"})
    met = _one(_evaluate([sent, answer], date(2024, 4, 1)), SVAR)
    _assert_status(met, Status.MET)
    assert met.fulfilled_by == answer
    late = Event("partshoering.svar", date(2024, 3, 18), {"partshoering_id": "P1"})
    _assert_status(_one(_evaluate([sent, late], date(2024, 4, 1)), SVAR), Status.MET_LATE)
    other = Event("partshoering.svar", date(2024, 3, 5), {"partshoering_id": "P2"})
    unlinked = _one(_evaluate([sent, other], date(2024, 4, 1)), SVAR)
    assert unlinked.fulfilled_by is None
    _assert_status(unlinked, Status.OVERDUE)


def test_svarfrist_answer_on_the_next_working_day_after_a_sunday_is_in_time() -> None:
    # svarfrist Sun 14 Apr 2024 runs to Mon 15 Apr 2024; an answer that Monday is
    # on time.
    sent = Event(
        "partshoering.sendt",
        date(2024, 4, 2),
        {"partshoering_id": "P1", "svarfrist": date(2024, 4, 14)},
    )
    answer = Event("partshoering.svar", date(2024, 4, 15), {"partshoering_id": "P1"})
    ob = _one(_evaluate([sent, answer], date(2024, 5, 1)), SVAR)
    assert ob.status is Status.MET, ob.explain("en")


# =======================================================================================
# aktindsigt.besvarelse: FVL § 16 stk. 2 (10 dage -> 2013; 7 arbejdsdage 2014 ->) for a
# party; OFL § 36 stk. 2 (7 arbejdsdage, 2014 ->) for a non-party (part = false).
# =======================================================================================

AKT = "aktindsigt.besvarelse"
AKT_FVL_OLD = "forvaltningsloven.aktindsigt.10-dage-underretning"
AKT_FVL = "forvaltningsloven.aktindsigt.7-arbejdsdage"
AKT_OFL = "offentlighedsloven.aktindsigt.7-arbejdsdage"


def test_aktindsigt_party_over_easter_2024() -> None:
    # Mon 25 Mar 2024 + 7 arbejdsdage: 26, 27 Mar (1-2); 28, 29 Mar, 1 Apr Easter
    # helligdage; 2, 3, 4, 5 Apr (3-6); 8 Apr (7) -> Mon 8 Apr 2024.
    dl = CATALOG.due(AKT, date(2024, 3, 25), {"part": True})
    assert dl.due == date(2024, 4, 8)
    assert dl.version.id == AKT_FVL
    text = dl.explain("da")
    assert f"{FVL} § 16, stk. 2" in text
    assert "Skærtorsdag" in text


def test_aktindsigt_store_bededag_2023_versus_2024() -> None:
    # Mon 1 May 2023 (1 May is a working day here): 2, 3, 4 May (1-3); 5 May store
    # bededag; 8, 9, 10, 11 May (4-7) -> Thu 11 May 2023.
    assert CATALOG.due(AKT, date(2023, 5, 1), {"part": True}).due == date(2023, 5, 11)
    # Mon 22 Apr 2024: 23, 24, 25, 26 Apr (1-4; 26 Apr no longer a helligdag);
    # 29, 30 Apr, 1 May (5-7) -> Wed 1 May 2024.
    dl = CATALOG.due(AKT, date(2024, 4, 22), {"part": True})
    assert (dl.due, dl.practical_due) == (date(2024, 5, 1), date(2024, 5, 1))


def test_aktindsigt_non_party_over_christmas_under_offentlighedsloven() -> None:
    # Fri 20 Dec 2024 + 7 arbejdsdage: 23 Dec (1), 24 Dec (2; a working day for the
    # authority), 25-26 Dec helligdage, 27 (3), 30 (4), 31 Dec (5), 1 Jan nytårsdag,
    # 2 Jan (6), 3 Jan (7) -> Fri 3 Jan 2025.
    dl = CATALOG.due(AKT, date(2024, 12, 20), {"part": False})
    assert dl.due == date(2025, 1, 3)
    assert dl.version.id == AKT_OFL
    assert f"{OFL} § 36, stk. 2" in dl.explain("da")


def test_aktindsigt_old_ten_days_on_easter_sunday_2013() -> None:
    # Before 2014, FVL § 16 stk. 2 (old): Thu 21 Mar 2013 + 10 dage = Sun 31 Mar 2013
    # (påskedag): kept; practical: 30 Sat, 29 langfredag, 28 skærtorsdag -> Wed 27 Mar.
    dl = CATALOG.due(AKT, date(2013, 3, 21), {"part": True})
    assert (dl.due, dl.practical_due) == (date(2013, 3, 31), date(2013, 3, 27))
    assert dl.version.id == AKT_FVL_OLD
    assert f"{FVL} § 16, stk. 2" in dl.explain("da")


def test_aktindsigt_leap_day_month_end() -> None:
    # One version per period and no SEL/BL pair, so a month end instead:
    # Wed 21 Feb 2024: 22, 23 (1-2), 26, 27, 28, 29 Feb (3-6), 1 Mar (7) -> Fri 1 Mar.
    assert CATALOG.due(AKT, date(2024, 2, 21), {"part": True}).due == date(2024, 3, 1)


def test_aktindsigt_request_late_2013_falling_due_in_2014() -> None:
    # Mon 23 Dec 2013: old rule 23 Dec + 10 dage = Thu 2 Jan 2014, after the old
    # version ended; per the catalog's rule the version in force on the due day
    # governs: 7 arbejdsdage from 23 Dec: 24 Dec (1), 25-26 helligdage, 27 (2), 30 (3),
    # 31 Dec (4), 1 Jan nytårsdag, 2 (5), 3 (6), 6 Jan (7) -> Mon 6 Jan 2014.
    dl = CATALOG.due(AKT, date(2013, 12, 23), {"part": True})
    assert dl.due == date(2014, 1, 6)
    assert dl.version.id == AKT_FVL


def test_aktindsigt_2013_change_is_not_explained_by_barnets_lov() -> None:
    # The FVL change of 1 Jan 2014 has nothing to do with Barnets lov § 213 (a 2024
    # transition for child matters under SEL); the explanation must not cite it.
    text = CATALOG.due(AKT, date(2013, 12, 23), {"part": True}).explain("da")
    assert "Barnets lov § 213" not in text


@pytest.mark.parametrize(
    ("part", "day", "version_id"),
    [
        (True, date(2024, 3, 4), AKT_FVL),
        (None, date(2024, 3, 4), AKT_FVL),
        (False, date(2024, 3, 4), AKT_OFL),
        (True, date(2013, 3, 4), AKT_FVL_OLD),
        (None, date(2013, 3, 4), AKT_FVL_OLD),
        (False, date(2013, 3, 4), None),  # no OFL version before 2014 in the catalog
    ],
)
def test_aktindsigt_party_or_not(part: bool | None, day: date, version_id: str | None) -> None:
    facts: dict[str, Any] = {"aktindsigt_id": "K1"}
    if part is not None:
        facts["part"] = part
    found = _of(_evaluate([Event("aktindsigt.anmodet", day, facts)], day), AKT)
    assert [ob.version.id for ob in found] == ([version_id] if version_id else [])


def test_aktindsigt_statuses_linked_by_aktindsigt_id() -> None:
    # Mon 4 Mar 2024 + 7 arbejdsdage: 5, 6, 7, 8 (1-4), 11, 12, 13 Mar (5-7) -> Wed 13 Mar.
    request = Event("aktindsigt.anmodet", date(2024, 3, 4), {"aktindsigt_id": "K1", "part": True})
    pending = _one(_evaluate([request], date(2024, 3, 13)), AKT)
    assert pending.due == date(2024, 3, 13)
    _assert_status(pending, Status.PENDING)
    _assert_status(_one(_evaluate([request], date(2024, 3, 14)), AKT), Status.OVERDUE)
    answered = Event("aktindsigt.besvaret", date(2024, 3, 13), {"aktindsigt_id": "K1"})
    met = _one(_evaluate([request, answered], date(2024, 4, 1)), AKT)
    _assert_status(met, Status.MET)
    assert met.fulfilled_by == answered
    late = Event("aktindsigt.besvaret", date(2024, 3, 14), {"aktindsigt_id": "K1"})
    met_late = _one(_evaluate([request, late], date(2024, 4, 1)), AKT)
    _assert_status(met_late, Status.MET_LATE)
    assert f"{FVL} § 16, stk. 2" in met_late.explain("da")
    other = Event("aktindsigt.besvaret", date(2024, 3, 6), {"aktindsigt_id": "K2"})
    unlinked = _one(_evaluate([request, other], date(2024, 4, 1)), AKT)
    assert unlinked.fulfilled_by is None
    _assert_status(unlinked, Status.OVERDUE)


# =======================================================================================
# sagsbehandlingsfrist: RSL § 3 stk. 2; no length in the law: only what a
# municipality configures per omraade (docs/catalog-format.md, "A municipality's file").
# =======================================================================================

SAGS = "sagsbehandlingsfrist"

PACK = """
[pack]
key = "koege"
name = "Køge Kommune"
text = "Sagsbehandlingsfrister, vedtaget af Børne- og Ungeudvalget 2024"

[durations."sagsbehandlingsfrist"]
fact = "event.omraade"

[durations."sagsbehandlingsfrist".values]
"handicap-merudgifter" = "8 uger"
"stoettende-indsats" = "3 måneder"
"hjaelpemidler" = "12 hverdage"
"""


@pytest.fixture
def koege(tmp_path: Path) -> frister.Catalog:
    path = tmp_path / "koege.toml"
    path.write_text(PACK, encoding="utf-8")
    return frister.default_catalog().with_rules(path)


def _ansoegning(day: date, omraade: str | None, ansoegning_id: str = "S1") -> Event:
    facts: dict[str, Any] = {"ansoegning_id": ansoegning_id}
    if omraade is not None:
        facts["omraade"] = omraade
    return Event("ansoegning.modtaget", day, facts)


@pytest.mark.parametrize(
    ("received", "omraade", "due", "practical"),
    [
        # 8 uger: Thu 14 Mar 2024 + 56 days = Thu 9 May 2024, Kristi himmelfartsdag:
        # kept; practical Wed 8 May.
        (date(2024, 3, 14), "handicap-merudgifter", date(2024, 5, 9), date(2024, 5, 8)),
        # 3 måneder: Wed 25 Sep 2024 -> Wed 25 Dec 2024 juledag; practical Tue 24 Dec.
        (date(2024, 9, 25), "stoettende-indsats", date(2024, 12, 25), date(2024, 12, 24)),
        # 3 måneder: Thu 30 Nov 2023 -> no 30 Feb -> Thu 29 Feb 2024 (leap day).
        (date(2023, 11, 30), "stoettende-indsats", date(2024, 2, 29), date(2024, 2, 29)),
        # 3 måneder: Fri 31 May 2024 -> Sat 31 Aug 2024; practical Fri 30 Aug.
        (date(2024, 5, 31), "stoettende-indsats", date(2024, 8, 31), date(2024, 8, 30)),
        # 12 hverdage: Thu 14 Mar 2024: 15, 18-22 Mar (1-6), 25, 26, 27 (7-9); 28, 29
        # Mar and 1 Apr Easter helligdage; 2, 3, 4 Apr (10-12) -> Thu 4 Apr 2024.
        (date(2024, 3, 14), "hjaelpemidler", date(2024, 4, 4), date(2024, 4, 4)),
    ],
)
def test_sagsbehandlingsfrist_configured_per_omraade(
    koege: frister.Catalog, received: date, omraade: str, due: date, practical: date
) -> None:
    ob = _one(_evaluate([_ansoegning(received, omraade)], received, catalog=koege), SAGS)
    assert (ob.due, ob.practical_due) == (due, practical)
    assert ob.version.id == "retssikkerhedsloven.sagsbehandlingsfrist.kommunal"
    text = ob.explain("da")
    assert f"{RSL} § 3, stk. 2" in text
    assert f"event.omraade = {omraade}" in text
    assert "Varighed fastsat af" in text
    assert "Duration set by" in ob.explain("en")


def test_sagsbehandlingsfrist_catalog_due_with_configuration(koege: frister.Catalog) -> None:
    # Same 8-week example through catalog.due.
    dl = koege.due(
        SAGS, date(2024, 3, 14), {"ansoegning_id": "S1", "omraade": "handicap-merudgifter"}
    )
    assert (dl.due, dl.practical_due) == (date(2024, 5, 9), date(2024, 5, 8))
    assert dl.on_closed_day


def test_sagsbehandlingsfrist_not_configured_has_no_date(koege: frister.Catalog) -> None:
    # An omraade the municipality has not configured, or none given: no date, ever.
    for omraade in ("anbringelse", None):
        for as_of in (date(2024, 3, 15), date(2026, 3, 15)):
            ob = _one(
                _evaluate([_ansoegning(date(2024, 3, 14), omraade)], as_of, catalog=koege), SAGS
            )
            assert ob.due is None
            assert ob.deadline is None
            _assert_status(ob, Status.PENDING)
        assert "ingen varighed er konfigureret for event.omraade" in ob.explain("da")
    with pytest.raises(frister.NoDeadlineError):
        koege.due(SAGS, date(2024, 3, 14), {"ansoegning_id": "S1", "omraade": "anbringelse"})


def test_sagsbehandlingsfrist_bundled_catalog_has_no_length(koege: frister.Catalog) -> None:
    # Without a municipality's file (and unchanged by another catalog's with_rules)
    # the law's "frister" have no length.
    ob = _one(
        _evaluate([_ansoegning(date(2024, 3, 14), "handicap-merudgifter")], date(2025, 1, 1)), SAGS
    )
    assert ob.due is None
    _assert_status(ob, Status.PENDING)
    text = ob.explain("da")
    assert f"{RSL} § 3, stk. 2" in text
    assert "Loven overlader fristens længde til kommunen" in text
    assert "The law leaves the length to the municipality" in ob.explain("en")
    with pytest.raises(frister.NoDeadlineError):
        CATALOG.due(SAGS, date(2024, 3, 14), {"omraade": "handicap-merudgifter"})


def test_sagsbehandlingsfrist_statuses_linked_by_ansoegning_id(koege: frister.Catalog) -> None:
    # Thu 14 Mar 2024 + 3 måneder = Fri 14 Jun 2024.
    received = _ansoegning(date(2024, 3, 14), "stoettende-indsats")
    pending = _one(_evaluate([received], date(2024, 6, 14), catalog=koege), SAGS)
    assert pending.due == date(2024, 6, 14)
    _assert_status(pending, Status.PENDING)
    overdue = _one(_evaluate([received], date(2024, 6, 15), catalog=koege), SAGS)
    _assert_status(overdue, Status.OVERDUE)
    decided = Event("afgoerelse.truffet", date(2024, 6, 14), {"ansoegning_id": "S1"})
    met = _one(_evaluate([received, decided], date(2024, 7, 1), catalog=koege), SAGS)
    _assert_status(met, Status.MET)
    assert met.fulfilled_by == decided
    late = Event("afgoerelse.truffet", date(2024, 6, 17), {"ansoegning_id": "S1"})
    met_late = _one(_evaluate([received, late], date(2024, 7, 1), catalog=koege), SAGS)
    _assert_status(met_late, Status.MET_LATE)
    other = Event("afgoerelse.truffet", date(2024, 5, 1), {"ansoegning_id": "S2"})
    unlinked = _one(_evaluate([received, other], date(2024, 7, 1), catalog=koege), SAGS)
    assert unlinked.fulfilled_by is None
    _assert_status(unlinked, Status.OVERDUE)
    # Not configured: a decision still fulfils it, with no due date to be late against.
    unconfigured = _ansoegning(date(2024, 3, 14), "anbringelse", "S3")
    done = Event("afgoerelse.truffet", date(2025, 1, 1), {"ansoegning_id": "S3"})
    ob = _one(_evaluate([unconfigured, done], date(2025, 2, 1), catalog=koege), SAGS)
    assert ob.due is None
    _assert_status(ob, Status.MET)


# =======================================================================================
# sagsbehandlingsfrist.besked-ved-overskridelse: RSL § 3 stk. 2 3. pkt.; arises when the
# municipality's own deadline is missed, due the same day; fulfilled by the written notice
# (sagsbehandlingsfrist.besked) linked by ansoegning_id. Dates from the Køge pack above.
# =======================================================================================

BESKED = "sagsbehandlingsfrist.besked-ved-overskridelse"
BESKED_RSL = "retssikkerhedsloven.sagsbehandlingsfrist.besked-ved-overskridelse"


def _besked(day: date, ansoegning_id: str = "S1") -> Event:
    return Event("sagsbehandlingsfrist.besked", day, {"ansoegning_id": ansoegning_id})


def test_besked_arises_when_the_deadline_is_missed_and_is_due_the_same_day(
    koege: frister.Catalog,
) -> None:
    # 8 uger: Thu 14 Mar 2024 + 56 days = Thu 9 May 2024, Kristi himmelfartsdag: kept;
    # practical Wed 8 May. On 9 May the deadline has not run out: no duty to notify yet.
    received = _ansoegning(date(2024, 3, 14), "handicap-merudgifter")
    assert _of(_evaluate([received], date(2024, 5, 9), catalog=koege), BESKED) == []
    ob = _one(_evaluate([received], date(2024, 5, 10), catalog=koege), BESKED)
    assert (ob.due, ob.practical_due) == (date(2024, 5, 9), date(2024, 5, 8))
    assert ob.version.id == BESKED_RSL
    _assert_status(ob, Status.OVERDUE)
    text = ob.explain("da")
    assert f"{RSL} § 3, stk. 2, 3. pkt." in text
    assert "Opstår, fordi sagsbehandlingsfrist ikke var opfyldt ved fristen tor. 9. maj 2024" in (
        text
    )
    assert "Arises because sagsbehandlingsfrist was not fulfilled" in ob.explain("en")


def test_besked_given_before_the_deadline_is_met(koege: frister.Catalog) -> None:
    # 3 måneder: Wed 25 Sep 2024 -> Wed 25 Dec 2024, juledag: kept; practical Tue 24 Dec.
    # The applicant is told on Fri 20 Dec 2024; the decision comes Mon 13 Jan 2025 (late).
    received = _ansoegning(date(2024, 9, 25), "stoettende-indsats")
    told = _besked(date(2024, 12, 20))
    decided = Event("afgoerelse.truffet", date(2025, 1, 13), {"ansoegning_id": "S1"})
    obligations = _evaluate([received, told, decided], date(2025, 2, 1), catalog=koege)
    _assert_status(_one(obligations, SAGS), Status.MET_LATE)
    ob = _one(obligations, BESKED)
    assert (ob.due, ob.practical_due) == (date(2024, 12, 25), date(2024, 12, 24))
    assert ob.fulfilled_by == told
    _assert_status(ob, Status.MET)


def test_besked_given_after_the_deadline_is_met_late(koege: frister.Catalog) -> None:
    # 12 hverdage: Thu 14 Mar 2024: 15, 18-22 Mar (1-6), 25, 26, 27 (7-9); 28, 29 Mar and
    # 1 Apr Easter helligdage; 2, 3, 4 Apr (10-12) -> Thu 4 Apr 2024. Told Mon 8 Apr.
    received = _ansoegning(date(2024, 3, 14), "hjaelpemidler")
    told = _besked(date(2024, 4, 8))
    ob = _one(_evaluate([received, told], date(2024, 4, 15), catalog=koege), BESKED)
    assert ob.due == date(2024, 4, 4)
    _assert_status(ob, Status.MET_LATE)
    # A notice about another application does not count.
    other = _besked(date(2024, 4, 2), "S2")
    ob = _one(_evaluate([received, other], date(2024, 4, 15), catalog=koege), BESKED)
    assert ob.fulfilled_by is None
    _assert_status(ob, Status.OVERDUE)


def test_no_besked_when_the_decision_is_on_time_or_there_is_no_length(
    koege: frister.Catalog,
) -> None:
    # 3 måneder: Thu 14 Mar 2024 -> Fri 14 Jun 2024; decided that day: nothing to notify.
    received = _ansoegning(date(2024, 3, 14), "stoettende-indsats")
    decided = Event("afgoerelse.truffet", date(2024, 6, 14), {"ansoegning_id": "S1"})
    assert _of(_evaluate([received, decided], date(2025, 1, 1), catalog=koege), BESKED) == []
    # Without a configured length (an omraade Køge has not set, or the bundled catalog)
    # the case-handling deadline has no date, so it is never missed.
    unset = _ansoegning(date(2024, 3, 14), "anbringelse")
    assert _of(_evaluate([unset], date(2026, 3, 14), catalog=koege), BESKED) == []
    assert _of(_evaluate([received], date(2026, 3, 14)), BESKED) == []


def test_besked_catalog_due_follows_the_configured_deadline(koege: frister.Catalog) -> None:
    # 3 måneder: Thu 30 Nov 2023 -> no 30 Feb -> Thu 29 Feb 2024 (leap day).
    dl = koege.due(BESKED, date(2023, 11, 30), {"omraade": "stoettende-indsats"})
    assert dl.due == date(2024, 2, 29)
    assert dl.version.id == BESKED_RSL
    with pytest.raises(frister.NoDeadlineError):
        CATALOG.due(BESKED, date(2023, 11, 30), {"omraade": "stoettende-indsats"})
