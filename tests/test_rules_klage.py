"""Worked examples for the complaint rules added from research A.10.1, A.10.2 and A.10.5
(issue 10).

Obligation ids: klage.fastholdelse (C), klage.fastholdelse-videresendelse,
klage.straks-videresendelse (N), klage.straks-genvurdering (N),
klage.genvurdering.besked-ved-overskridelse (arises when klage.genvurdering is missed),
aktindsigt.klage-videresendelse, aktindsigt.klage-afgoerelse and
partshoering.foer-udvalgsafgoerelse (P, research A.10.3).

Every expected date is worked out by hand from the statute and the calendar (the
reasoning is in the comment beside it), never by asking frister. The calendar facts
used: Easter 2024 = 31 Mar (skærtorsdag 28 Mar, langfredag 29 Mar, 2. påskedag 1 Apr),
2025 = 20 Apr (17, 18 and 21 Apr); Kristi himmelfart 2025 = Thu 29 May; juledag and 2.
juledag 25-26 Dec; nytårsdag 1 Jan. A citizen's deadline ending on a closed day moves
to the next working day, and for a citizen 24 Dec, 31 Dec and 5 Jun are closed too (the
Friday after Kristi himmelfart is not, by default). An authority's deadline is kept on
a closed day and flagged. Arbejdsdage are Monday to Friday that are not helligdage
(24 Dec, 31 Dec, 1 May and 5 Jun count as working days).
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import pytest

import frister
from frister import Event, Status
from rule_helpers import (
    CATALOG,
    assert_cites,
    assert_status,
    ev,
    run,
    single,
)

CPH = ZoneInfo("Europe/Copenhagen")

FASTHOLDELSE = "bek-retssikkerhed.delvist-medhold-fastholdelse"
FASTHOLDELSE_VIDERE = "bek-retssikkerhed.delvist-medhold-fastholdelse@videresendelse"
STRAKS_BUU = "bek-retssikkerhed.ingen-genvurdering-buu"
STRAKS_SEN = "bek-retssikkerhed.klage-efter-fristen-straks"
OFL_VIDERE = "offentlighedsloven.aktindsigt.klage-videresendelse-7-arbejdsdage"
OFL_KLAGEINSTANS = "offentlighedsloven.aktindsigt.klageinstans-20-arbejdsdage"
BEK = "Bekendtgørelse om retssikkerhed og administration på det sociale område"
OFL = "Offentlighedsloven"


# =====================================================================================
# klage.fastholdelse (C 4 uger, the citizen's): BEK-RSL § 12, 1. pkt.
# =====================================================================================


def test_maintaining_a_complaint_4_weeks_from_digital_receipt() -> None:
    # The new decision (partial success) is sent by Digital Post Mon 25 Nov 2024: received
    # the same day; + 4 uger = Mon 23 Dec 2024, a working day. Answer Fri 20 Dec: met.
    sent = ev(
        "afgoerelse.meddelt",
        date(2024, 11, 25),
        afgoerelse_id="A2",
        kanal="digital",
        delvist_medhold=True,
    )
    answer = ev(
        "klage.fastholdelse-meddelt", date(2024, 12, 20), afgoerelse_id="A2", fastholdt=True
    )
    ob = single("klage.fastholdelse", [sent, answer], date(2025, 1, 6))
    assert ob.version.id == FASTHOLDELSE
    assert ob.due == date(2024, 12, 23)
    assert ob.fulfilled_by == answer
    assert_status(ob, Status.MET)
    assert_cites(ob, f"{BEK} § 12, 1. pkt.")


def test_maintaining_a_complaint_ending_on_christmas_eve_moves_to_27_december() -> None:
    # Received Tue 26 Nov 2024 + 4 uger = Tue 24 Dec 2024 (juleaftensdag, closed for a
    # citizen), 25 and 26 Dec are helligdage -> Fri 27 Dec 2024. No answer by 30 Dec.
    received = ev(
        "afgoerelse.modtaget", date(2024, 11, 26), afgoerelse_id="A2", delvist_medhold=True
    )
    ob = single("klage.fastholdelse", [received], date(2024, 12, 30))
    assert ob.due == date(2024, 12, 27)
    assert_status(ob, Status.OVERDUE)


def test_maintaining_a_complaint_ending_on_ascension_day_moves_to_friday() -> None:
    # Received Thu 1 May 2025 + 4 uger = Thu 29 May 2025, Kristi himmelfartsdag -> the
    # next working day, Fri 30 May (the Friday after is not closed by default).
    received = ev("afgoerelse.modtaget", date(2025, 5, 1), afgoerelse_id="A2", delvist_medhold=True)
    ob = single("klage.fastholdelse", [received], date(2025, 5, 30))
    assert ob.due == date(2025, 5, 30)
    assert_status(ob, Status.PENDING)


def test_maintaining_a_complaint_by_letter_and_only_after_partial_success() -> None:
    # Letter dated Tue 1 Apr 2025: received 6 hverdage later, Wed 9 Apr (2, 3, 4, 7, 8, 9
    # Apr); + 4 uger = Wed 7 May 2025.
    letter = ev(
        "afgoerelse.meddelt",
        date(2025, 4, 1),
        afgoerelse_id="A2",
        kanal="brev",
        delvist_medhold=True,
    )
    ob = single("klage.fastholdelse", [letter], date(2025, 4, 10))
    assert ob.due == date(2025, 5, 7)
    plain = ev("afgoerelse.meddelt", date(2025, 4, 1), afgoerelse_id="A3", kanal="brev")
    assert run("klage.fastholdelse", [plain], date(2025, 4, 10)) == []


# =====================================================================================
# klage.fastholdelse-videresendelse (D 14 dage): BEK-RSL § 12, 2.-3. pkt.
# =====================================================================================


def test_maintained_complaint_forwarded_within_14_days() -> None:
    # Maintained Mon 16 Dec 2024 + 14 dage = Mon 30 Dec 2024. Forwarded that day: met.
    kept = ev("klage.fastholdelse-meddelt", date(2024, 12, 16), afgoerelse_id="A2", fastholdt=True)
    sent = ev("klage.videresendt", date(2024, 12, 30), afgoerelse_id="A2")
    ob = single("klage.fastholdelse-videresendelse", [kept, sent], date(2025, 1, 6))
    assert ob.version.id == FASTHOLDELSE_VIDERE
    assert ob.due == date(2024, 12, 30)
    assert_status(ob, Status.MET)
    assert_cites(ob, f"{BEK} § 12, 2. og 3. pkt.")


def test_maintained_complaint_due_on_skaertorsdag_forwarded_late() -> None:
    # Maintained Thu 3 Apr 2025 + 14 dage = Thu 17 Apr 2025, skærtorsdag: kept; practical
    # due Wed 16 Apr. Forwarded Tue 22 Apr (after Easter): met late.
    kept = ev("klage.fastholdelse-meddelt", date(2025, 4, 3), afgoerelse_id="A2", fastholdt=True)
    sent = ev("klage.videresendt", date(2025, 4, 22), afgoerelse_id="A2")
    ob = single("klage.fastholdelse-videresendelse", [kept, sent], date(2025, 5, 1))
    assert ob.due == date(2025, 4, 17)
    assert ob.practical_due == date(2025, 4, 16)
    assert ob.on_closed_day
    assert_status(ob, Status.MET_LATE)


def test_complaint_not_maintained_starts_no_forwarding() -> None:
    dropped = ev(
        "klage.fastholdelse-meddelt", date(2025, 4, 3), afgoerelse_id="A2", fastholdt=False
    )
    assert run("klage.fastholdelse-videresendelse", [dropped], date(2025, 5, 1)) == []


# =====================================================================================
# klage.straks-videresendelse (N, "straks"): BEK-RSL § 11 stk. 6 nr. 1; § 13 stk. 1
# =====================================================================================


def test_complaint_about_the_committee_is_forwarded_at_once() -> None:
    complaint = ev("klage.modtaget", date(2024, 6, 3), afgoerelse_id="U1", instans="udvalg")
    ob = single("klage.straks-videresendelse", [complaint], date(2024, 6, 10))
    assert ob.version.id == STRAKS_BUU
    assert ob.due is None
    assert_status(ob, Status.PENDING)
    assert_cites(ob, f"{BEK} § 11, stk. 6, nr. 1")
    sent = ev("klage.videresendt", date(2024, 6, 4), afgoerelse_id="U1")
    assert single("klage.straks-videresendelse", [complaint, sent], date(2024, 6, 10)).status is (
        Status.MET
    )


def test_late_complaint_is_forwarded_at_once_marked_late() -> None:
    complaint = ev(
        "klage.modtaget",
        date(2024, 6, 3),
        afgoerelse_id="A1",
        instans="kommune",
        efter_klagefristen=True,
    )
    other = ev("klage.videresendt", date(2024, 6, 4), afgoerelse_id="A9")
    ob = single("klage.straks-videresendelse", [complaint, other], date(2024, 6, 10))
    assert ob.version.id == STRAKS_SEN
    assert_status(ob, Status.PENDING)
    assert_cites(ob, f"{BEK} § 13, stk. 1")


def test_an_ordinary_complaint_in_time_is_reconsidered_not_forwarded_at_once() -> None:
    complaint = ev("klage.modtaget", date(2024, 6, 3), afgoerelse_id="A1", instans="kommune")
    assert run("klage.straks-videresendelse", [complaint], date(2024, 6, 10)) == []


# =====================================================================================
# aktindsigt.klage-videresendelse (D 7 arbejdsdage): OFL § 37 stk. 2
# =====================================================================================


def test_access_complaint_forwarded_within_7_working_days_over_easter_2024() -> None:
    # Complaint Thu 21 Mar 2024: Fri 22 (1), Mon 25 (2), Tue 26 (3), Wed 27 (4), then
    # skærtorsdag 28, langfredag 29, the weekend and 2. påskedag 1 Apr are skipped: Tue 2
    # Apr (5), Wed 3 (6), Thu 4 Apr (7). Forwarded Fri 5 Apr: met late.
    complaint = ev("aktindsigt.klage-modtaget", date(2024, 3, 21), aktindsigt_id="K1", part=False)
    sent = ev("aktindsigt.klage-videresendt", date(2024, 4, 5), aktindsigt_id="K1")
    ob = single("aktindsigt.klage-videresendelse", [complaint, sent], date(2024, 5, 1))
    assert ob.version.id == OFL_VIDERE
    assert ob.due == date(2024, 4, 4)
    assert_status(ob, Status.MET_LATE)
    assert_cites(ob, f"{OFL} § 37, stk. 2")


def test_access_complaint_ends_when_the_authority_grants_access_instead() -> None:
    complaint = ev("aktindsigt.klage-modtaget", date(2024, 3, 21), aktindsigt_id="K1", part=False)
    granted = ev("aktindsigt.besvaret", date(2024, 3, 25), aktindsigt_id="K1")
    ob = single("aktindsigt.klage-videresendelse", [complaint, granted], date(2024, 5, 1))
    assert ob.ended_by == granted
    assert_status(ob, Status.ENDED)


def test_access_complaint_forwarding_only_for_non_parties_and_from_2014() -> None:
    party = ev("aktindsigt.klage-modtaget", date(2024, 3, 21), aktindsigt_id="K1", part=True)
    old = ev("aktindsigt.klage-modtaget", date(2013, 6, 3), aktindsigt_id="K2", part=False)
    assert run("aktindsigt.klage-videresendelse", [party, old], date(2024, 5, 1)) == []


# =====================================================================================
# aktindsigt.klage-afgoerelse (D 20 arbejdsdage): OFL § 37 stk. 3
# =====================================================================================


def _at_appeal_body(day: date) -> Event:
    return ev(
        "aktindsigt.klage-modtaget", day, aktindsigt_id="K1", part=False, hos="klageinstansen"
    )


def test_appeal_body_20_working_days_over_christmas_2024() -> None:
    # Received Mon 16 Dec 2024: 17 (1), 18 (2), 19 (3), 20 (4), 23 (5), Tue 24 Dec (6);
    # 25-26 Dec skipped; 27 (7), 30 (8), 31 (9); 1 Jan skipped; Thu 2 (10), 3 (11), 6 (12),
    # 7 (13), 8 (14), 9 (15), 10 (16), 13 (17), 14 (18), 15 (19), Thu 16 Jan 2025 (20).
    done = ev("aktindsigt.klage-afgjort", date(2025, 1, 16), aktindsigt_id="K1")
    ob = single(
        "aktindsigt.klage-afgoerelse", [_at_appeal_body(date(2024, 12, 16)), done], date(2025, 2, 1)
    )
    assert ob.version.id == OFL_KLAGEINSTANS
    assert ob.due == date(2025, 1, 16)
    assert_status(ob, Status.MET)
    assert_cites(ob, f"{OFL} § 37, stk. 3")


def test_appeal_body_a_day_late_over_christmas() -> None:
    done = ev("aktindsigt.klage-afgjort", date(2025, 1, 17), aktindsigt_id="K1")
    ob = single(
        "aktindsigt.klage-afgoerelse", [_at_appeal_body(date(2024, 12, 16)), done], date(2025, 2, 1)
    )
    assert_status(ob, Status.MET_LATE)


def test_appeal_body_20_working_days_over_easter_2025_counting_1_may() -> None:
    # Received Mon 7 Apr 2025: 8 (1), 9 (2), 10 (3), 11 (4), 14 (5), 15 (6), 16 (7); 17,
    # 18 and 21 Apr skipped; 22 (8), 23 (9), 24 (10), 25 (11), 28 (12), 29 (13), 30 (14),
    # Thu 1 May (15: not a helligdag), 2 (16), 5 (17), 6 (18), 7 (19), Thu 8 May (20).
    ob = single(
        "aktindsigt.klage-afgoerelse", [_at_appeal_body(date(2025, 4, 7))], date(2025, 5, 9)
    )
    assert ob.due == date(2025, 5, 8)
    assert_status(ob, Status.OVERDUE)
    # The municipality's own forwarding rule does not apply to the appeal body's receipt.
    assert (
        run(
            "aktindsigt.klage-videresendelse", [_at_appeal_body(date(2025, 4, 7))], date(2025, 5, 9)
        )
        == []
    )


# =====================================================================================
# klage.straks-genvurdering (N, "straks"): BEK-RSL § 11 stk. 5
# =====================================================================================


def test_urgent_complaint_is_reconsidered_at_once_within_the_4_weeks() -> None:
    # An urgent complaint on Mon 3 Jun 2024: no computable date for "straks"; the 4 weeks of
    # § 11 stk. 1 still run to Mon 1 Jul 2024 (same weekday). Reconsidered Tue 4 Jun: met.
    complaint = ev(
        "klage.modtaget", date(2024, 6, 3), afgoerelse_id="A1", instans="kommune", hastende=True
    )
    done = ev("klage.genvurderet", date(2024, 6, 4), afgoerelse_id="A1")
    ob = single("klage.straks-genvurdering", [complaint, done], date(2024, 6, 10))
    assert ob.version.id == "bek-retssikkerhed.genvurdering-straks-hastende"
    assert ob.due is None
    assert ob.fulfilled_by == done
    assert_status(ob, Status.MET)
    assert_cites(ob, f"{BEK} § 11, stk. 5")
    four_weeks = single("klage.genvurdering", [complaint, done], date(2024, 6, 10))
    assert four_weeks.due == date(2024, 7, 1)


def test_urgent_complaint_open_until_reconsidered_or_sent_on() -> None:
    complaint = ev(
        "klage.modtaget", date(2024, 6, 3), afgoerelse_id="A1", instans="kommune", hastende=True
    )
    ob = single("klage.straks-genvurdering", [complaint], date(2024, 9, 1))
    assert_status(ob, Status.PENDING)
    sent = ev("klage.videresendt", date(2024, 6, 5), afgoerelse_id="A1")
    assert single("klage.straks-genvurdering", [complaint, sent], date(2024, 9, 1)).status is (
        Status.MET
    )


def test_urgency_only_for_complaints_the_municipality_reconsiders() -> None:
    # Complaints about the committee are sent on at once anyway (§ 11 stk. 6); complaints
    # not said to be urgent get the ordinary 4 weeks only.
    committee = ev(
        "klage.modtaget", date(2024, 6, 3), afgoerelse_id="U1", instans="udvalg", hastende=True
    )
    ordinary = ev("klage.modtaget", date(2024, 6, 3), afgoerelse_id="A2", instans="kommune")
    assert run("klage.straks-genvurdering", [committee, ordinary], date(2024, 6, 10)) == []


# =====================================================================================
# klage.genvurdering.besked-ved-overskridelse: BEK-RSL § 11 stk. 2, not in varslingssager
# (stk. 3, 2. pkt.); arises when klage.genvurdering is missed, due the same day; fulfilled
# by klage.genvurdering-besked linked by afgoerelse_id.
# =====================================================================================

GENVURDERING_BESKED = "klage.genvurdering.besked-ved-overskridelse"
GENVURDERING_BESKED_BEK = "bek-retssikkerhed.genvurdering-fristoverskridelse-besked"


def _complaint(day: date, afgoerelse_id: str = "A1", **facts: object) -> Event:
    return ev("klage.modtaget", day, afgoerelse_id=afgoerelse_id, instans="kommune", **facts)


def test_reconsideration_notice_arises_when_the_4_weeks_are_missed() -> None:
    # Complaint Mon 3 Jun 2024 + 4 uger = Mon 1 Jul 2024, a working day. On 1 Jul the
    # deadline has not run out (it runs the whole day): no notice is owed yet. On Tue 2 Jul
    # it is missed, and the notice is owed, due Mon 1 Jul 2024: overdue.
    complaint = _complaint(date(2024, 6, 3))
    assert run(GENVURDERING_BESKED, [complaint], date(2024, 7, 1)) == []
    ob = single(GENVURDERING_BESKED, [complaint], date(2024, 7, 2))
    assert ob.version.id == GENVURDERING_BESKED_BEK
    assert (ob.due, ob.practical_due) == (date(2024, 7, 1), date(2024, 7, 1))
    assert_status(ob, Status.OVERDUE)
    assert_cites(ob, f"{BEK} § 11, stk. 2")
    assert "Opstår, fordi klage.genvurdering ikke var opfyldt ved fristen man. 1. jul. 2024" in (
        ob.explain("da")
    )
    assert "Arises because klage.genvurdering was not fulfilled" in ob.explain("en")


def test_reconsideration_notice_given_before_the_deadline_is_met() -> None:
    # Same complaint; the complainant is told on Fri 28 Jun 2024 that more information is
    # needed; the reconsideration is sent on Mon 15 Jul 2024 (late). The notice is met; the
    # 4-week deadline itself still reads met late.
    complaint = _complaint(date(2024, 6, 3))
    told = ev("klage.genvurdering-besked", date(2024, 6, 28), afgoerelse_id="A1")
    sent = ev("klage.videresendt", date(2024, 7, 15), afgoerelse_id="A1")
    events = [complaint, told, sent]
    assert_status(single("klage.genvurdering", events, date(2024, 8, 1)), Status.MET_LATE)
    ob = single(GENVURDERING_BESKED, events, date(2024, 8, 1))
    assert ob.due == date(2024, 7, 1)
    assert ob.fulfilled_by == told
    assert_status(ob, Status.MET)


def test_reconsideration_notice_after_christmas_is_met_late() -> None:
    # Complaint Thu 28 Nov 2024 + 4 uger = Thu 26 Dec 2024, 2. juledag: an authority's
    # deadline is kept there, flagged; practical due the previous working day, Tue 24 Dec
    # (juleaftensdag is a working day for the authority; 25 Dec is juledag). Told Mon 30
    # Dec 2024: met late. A notice about another decision (A2) does not count.
    complaint = _complaint(date(2024, 11, 28))
    other = ev("klage.genvurdering-besked", date(2024, 12, 20), afgoerelse_id="A2")
    told = ev("klage.genvurdering-besked", date(2024, 12, 30), afgoerelse_id="A1")
    ob = single(GENVURDERING_BESKED, [complaint, other, told], date(2025, 1, 6))
    assert (ob.due, ob.practical_due) == (date(2024, 12, 26), date(2024, 12, 24))
    assert ob.fulfilled_by == told
    assert_status(ob, Status.MET_LATE)


def test_no_reconsideration_notice_in_a_varslingssag() -> None:
    # A complaint in a notice case (varslingssag) Mon 3 Jun 2024: 14 dage (§ 11 stk. 3) =
    # Mon 17 Jun 2024. Not reconsidered by Mon 1 Jul: the 14 days are overdue, but stk. 2
    # does not apply in these cases, so no notice obligation arises.
    complaint = _complaint(date(2024, 6, 3), varslingssag=True)
    fourteen = single("klage.genvurdering", [complaint], date(2024, 7, 1))
    assert fourteen.version.id == "bek-retssikkerhed.genvurdering-14d-varslingssager"
    assert fourteen.due == date(2024, 6, 17)
    assert_status(fourteen, Status.OVERDUE)
    assert run(GENVURDERING_BESKED, [complaint], date(2024, 7, 1)) == []
    # The same when the date is asked for without a case.
    with pytest.raises(frister.ConditionsNotMetError):
        CATALOG.due(GENVURDERING_BESKED, date(2024, 6, 3), {"varslingssag": True})


def test_no_reconsideration_notice_when_on_time_or_sent_on_at_once() -> None:
    # Reconsidered Mon 1 Jul 2024, the last day of the 4 weeks: nothing to notify. A
    # complaint about the committee is not reconsidered (§ 11 stk. 6): no 4 weeks, no notice.
    complaint = _complaint(date(2024, 6, 3))
    done = ev("klage.genvurderet", date(2024, 7, 1), afgoerelse_id="A1")
    assert run(GENVURDERING_BESKED, [complaint, done], date(2024, 9, 1)) == []
    committee = ev("klage.modtaget", date(2024, 6, 3), afgoerelse_id="U1", instans="udvalg")
    assert run(GENVURDERING_BESKED, [committee], date(2024, 9, 1)) == []


def test_reconsideration_notice_catalog_due() -> None:
    # Thu 30 Jan 2025 + 4 uger = Thu 27 Feb 2025.
    dl = CATALOG.due(GENVURDERING_BESKED, date(2025, 1, 30), {"instans": "kommune"})
    assert dl.due == date(2025, 2, 27)
    assert dl.version.id == GENVURDERING_BESKED_BEK


# =====================================================================================
# partshoering.foer-udvalgsafgoerelse (P): BL § 141 stk. 1; SEL § 73 stk. 1
# =====================================================================================


def _committee(day: date, afgoerelse_id: str = "A1") -> Event:
    return ev(
        "udvalg.afgoerelse",
        day,
        afgoerelse_id=afgoerelse_id,
        type="anbringelse-uden-samtykke",
        indsats_id="I1",
    )


def test_rights_told_before_the_committee_decides_bl() -> None:
    # Parents and the 12-year-old told of their rights Mon 3 Jun 2024; the committee
    # decides Tue 11 Jun 2024: the precondition is met, "due" on the decision day.
    told = ev("partshoering.rettigheder-oplyst", date(2024, 6, 3), afgoerelse_id="A1")
    ob = single(
        "partshoering.foer-udvalgsafgoerelse",
        [told, _committee(date(2024, 6, 11))],
        date(2024, 7, 1),
    )
    assert ob.version.id == "barnets-lov.partshoering.aktindsigt-og-udtalelse"
    assert ob.due == date(2024, 6, 11)
    assert_status(ob, Status.MET)
    assert_cites(ob, "Barnets lov § 141, stk. 1")


def test_rights_told_after_the_decision_or_for_another_decision_is_a_breach() -> None:
    late = ev("partshoering.rettigheder-oplyst", date(2024, 6, 12), afgoerelse_id="A1")
    other = ev("partshoering.rettigheder-oplyst", date(2024, 6, 3), afgoerelse_id="A9")
    ob = single(
        "partshoering.foer-udvalgsafgoerelse",
        [other, _committee(date(2024, 6, 11)), late],
        date(2024, 7, 1),
    )
    assert ob.fulfilled_by is None
    assert_status(ob, Status.OVERDUE)


def test_rights_told_before_easter_under_sel_section_73() -> None:
    # Told Wed 5 Apr 2023 (before skærtorsdag); the committee decides Tue 11 Apr 2023.
    told = ev("partshoering.rettigheder-oplyst", date(2023, 4, 5), afgoerelse_id="A1")
    ob = single(
        "partshoering.foer-udvalgsafgoerelse",
        [told, _committee(date(2023, 4, 11))],
        date(2023, 5, 1),
    )
    assert ob.version.id == "serviceloven.partshoering.aktindsigt-og-udtalelse"
    assert_status(ob, Status.MET)
    assert_cites(ob, "Lov om social service (serviceloven) § 73, stk. 1")
