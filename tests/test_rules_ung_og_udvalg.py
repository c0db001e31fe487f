"""Worked examples for the rules added from research A.1.4, A.2, A.8.3 and A.11 (issue 10).

Obligation ids: boernesamtale.underretning-overgreb, boernesamtale.i-undersoegelse,
stofmisbrug.behandling, netvaerkssamraad.indkaldelse, formandsafgoerelse.gyldighed,
formandsafgoerelse.ankestyrelse-stillingtagen, formandsafgoerelse.ankestyrelse-afgoerelse,
ungestoette.ophoer, ungestoette.kontaktperson, overgang.afsluttet-ved-18 and
stoetteperson.foraeldre.

Every expected date is worked out by hand from the statute and the calendar (the
reasoning is in the comment beside it), never by asking frister. The calendar facts
used: Easter 2022 = 17 Apr, 2023 = 9 Apr, 2024 = 31 Mar, 2025 = 20 Apr, 2026 = 5 Apr;
skærtorsdag = Easter - 3, langfredag = - 2, 2. påskedag = + 1; store bededag (Easter
+ 26) is a helligdag up to 2023 only (5 May 2023); Kristi himmelfart = Easter + 39 (18
May 2023, 14 May 2026); 2. pinsedag = Easter + 50 (20 May 2024). Authority deadlines are
kept on a closed day and flagged, with the previous working day as the practical due
date; 24 Dec, 31 Dec and 5 Jun are working days for authorities.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from frister import Event, Status
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

BL_SAMTALE = "barnets-lov.underretning.samtale-overgreb"
SEL_SAMTALE = "serviceloven.underretning.samtale-overgreb"
SEL_I_UNDERSOEGELSE = "serviceloven.boernesamtale.i-undersoegelse"
BL_STOF = "barnets-lov.stofmisbrug.behandling-14d"
SEL_STOF = "serviceloven.stofmisbrug.behandling-14d"
BL_NETVAERK = "barnets-lov.netvaerkssamraad.indkaldelse-7d"
BL_NETVAERK_UKN = "barnets-lov.netvaerkssamraad.indkaldelse-7d@ungdomskriminalitetsnaevnet"
SEL_NETVAERK = "serviceloven.netvaerkssamraad.indkaldelse-7d"
BL_GYLDIG = "barnets-lov.formandsafgoerelse.gyldighed-1m"
BL_GYLDIG_23 = "barnets-lov.formandsafgoerelse.gyldighed-1m@undersoegelse"
SEL_GYLDIG = "serviceloven.formandsafgoerelse.gyldighed-1m"
BL_AST_10 = "barnets-lov.formandsafgoerelse.ankestyrelse-10d-8u"
SEL_AST_10 = "serviceloven.formandsafgoerelse.ankestyrelse-10d-8u"
BL_AST_8U = "barnets-lov.formandsafgoerelse.ankestyrelse-10d-8u@8-uger"
SEL_AST_8U = "serviceloven.formandsafgoerelse.ankestyrelse-10d-8u@8-uger"
BL_OPHOER = "barnets-lov.ungestoette.ophoer-23-aar"
BL_OPHOER_121 = "barnets-lov.ungestoette.ophoer-23-aar@doegnophold"
SEL_OPHOER = "serviceloven.eftervaern.ophoer-23-aar"
BL_KP_23 = "barnets-lov.ungestoette.kontaktperson-23"
BL_KP_19 = "barnets-lov.ungestoette.kontaktperson-19"
SEL_KP_23 = "serviceloven.eftervaern.kontaktperson-23"


# -- helpers ---------------------------------------------------------------------------


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=CPH)


# =====================================================================================
# boernesamtale.underretning-overgreb (N): BL § 137 stk. 3-4; SEL § 155 a stk. 2-3
# =====================================================================================


def test_talk_on_abuse_notification_bl_met_by_a_talk_with_the_same_id() -> None:
    # A notification of abuse on Fri 22 Mar 2024 16:05; the talk is held Tue 2 Apr
    # (after the Easter days 28 Mar - 1 Apr). No statutory date: met, due None.
    notified = ev(
        "underretning.modtaget",
        at(2024, 3, 22, 16, 5),
        underretning_id="U1",
        underretter="fagperson",
        om_overgreb=True,
    )
    talk = ev("boernesamtale.afholdt", date(2024, 4, 2), underretning_id="U1")
    ob = single("boernesamtale.underretning-overgreb", [notified, talk], date(2024, 5, 1))
    assert ob.version.id == BL_SAMTALE
    assert ob.due is None
    assert ob.fulfilled_by == talk
    assert_status(ob, Status.MET)
    assert_cites(ob, "Barnets lov § 137, stk. 3 og 4")


def test_talk_on_abuse_notification_bl_open_and_only_for_abuse() -> None:
    notified = ev(
        "underretning.modtaget",
        at(2024, 9, 2),
        underretning_id="U1",
        underretter="borger",
        om_overgreb=True,
    )
    other_talk = ev("boernesamtale.afholdt", date(2024, 9, 5), underretning_id="U2")
    ob = single("boernesamtale.underretning-overgreb", [notified, other_talk], date(2024, 10, 1))
    assert ob.due is None
    assert_status(ob, Status.PENDING)
    # Not about abuse (or not said to be): no such obligation.
    plain = ev("underretning.modtaget", at(2024, 9, 2), underretning_id="U3", underretter="borger")
    assert run("boernesamtale.underretning-overgreb", [plain], date(2024, 10, 1)) == []


def test_talk_on_abuse_notification_sel_met_by_a_documented_omission() -> None:
    # SEL § 155 a stk. 3: the talk may be omitted (maturity, the nature of the case).
    notified = ev(
        "underretning.modtaget",
        at(2023, 5, 4),
        underretning_id="U1",
        underretter="fagperson",
        om_overgreb=True,
    )
    omitted = ev(
        "boernesamtale.undladt",
        date(2023, 5, 8),
        underretning_id="U1",
        begrundelse="barnet er 2 år",
    )
    ob = single("boernesamtale.underretning-overgreb", [notified, omitted], date(2023, 6, 1))
    assert ob.version.id == SEL_SAMTALE
    assert ob.fulfilled_by == omitted
    assert_status(ob, Status.MET)
    assert_cites(ob, f"{SEL} § 155 a, stk. 2 og 3")


def test_talk_on_abuse_notification_before_october_2013_does_not_exist() -> None:
    # § 155 a applies in full from 1 Oct 2013 (lov nr. 496 af 21/05/2013).
    notified = ev(
        "underretning.modtaget",
        at(2013, 9, 30),
        underretning_id="U1",
        underretter="fagperson",
        om_overgreb=True,
    )
    assert run("boernesamtale.underretning-overgreb", [notified], date(2013, 11, 1)) == []


def test_talk_on_abuse_notification_open_over_new_year_2024_is_finished_under_bl() -> None:
    # Received Wed 20 Dec 2023 under SEL, still open in 2024: BL § 213 stk. 1.
    notified = ev(
        "underretning.modtaget",
        at(2023, 12, 20),
        underretning_id="U1",
        underretter="fagperson",
        om_overgreb=True,
    )
    ob = single("boernesamtale.underretning-overgreb", [notified], date(2024, 2, 1))
    assert ob.version.id == BL_SAMTALE
    assert "§ 213" in ob.explain("da")


# =====================================================================================
# boernesamtale.i-undersoegelse (P): SEL § 50 stk. 3 (1 Oct 2013 - 31 Dec 2023)
# =====================================================================================


def test_talk_in_investigation_met_by_a_talk_before_completion() -> None:
    # Investigation BFU1 completed Thu 1 Jun 2023; the talk was Wed 10 May 2023.
    talk = ev("boernesamtale.afholdt", date(2023, 5, 10), undersoegelse_id="BFU1")
    done = ev("undersoegelse.afsluttet", date(2023, 6, 1), undersoegelse_id="BFU1")
    ob = single("boernesamtale.i-undersoegelse", [talk, done], date(2023, 7, 1))
    assert ob.version.id == SEL_I_UNDERSOEGELSE
    assert ob.due == date(2023, 6, 1)
    assert ob.fulfilled_by == talk
    assert_status(ob, Status.MET)
    assert_cites(ob, f"{SEL} § 50, stk. 3")


def test_talk_in_investigation_after_completion_is_a_breach() -> None:
    # A talk on Fri 2 Jun 2023 comes the day after the completion: breached.
    done = ev("undersoegelse.afsluttet", date(2023, 6, 1), undersoegelse_id="BFU1")
    late = ev("boernesamtale.afholdt", date(2023, 6, 2), undersoegelse_id="BFU1")
    ob = single("boernesamtale.i-undersoegelse", [done, late], date(2023, 7, 1))
    assert ob.fulfilled_by is None
    assert_status(ob, Status.OVERDUE)


def test_talk_in_investigation_omitted_with_reasons_is_met() -> None:
    omitted = ev(
        "boernesamtale.undladt", date(2022, 11, 1), undersoegelse_id="BFU1", begrundelse="modenhed"
    )
    done = ev("undersoegelse.afsluttet", date(2022, 11, 30), undersoegelse_id="BFU1")
    ob = single("boernesamtale.i-undersoegelse", [omitted, done], date(2023, 1, 1))
    assert_status(ob, Status.MET)


def test_talk_in_investigation_only_for_investigations_completed_under_sel_from_2013() -> None:
    # Completed Mon 30 Sep 2013 (before § 50 stk. 3 came in) and Thu 1 Feb 2024 (Barnets
    # lov has no such rule; § 5 stk. 3 applies before decisions instead): no obligation.
    before = ev("undersoegelse.afsluttet", date(2013, 9, 30), undersoegelse_id="A")
    after = ev("undersoegelse.afsluttet", date(2024, 2, 1), undersoegelse_id="B")
    assert run("boernesamtale.i-undersoegelse", [before, after], date(2024, 3, 1)) == []


# =====================================================================================
# stofmisbrug.behandling (D 14 dage): BL § 33 stk. 1; SEL § 101 stk. 4
# =====================================================================================

BORN_2010 = {"foedselsdato": date(2010, 6, 1)}


def test_drug_treatment_bl_14_calendar_days_across_easter() -> None:
    # Approach Thu 21 Mar 2024 + 14 dage = Thu 4 Apr 2024 (calendar days: the Easter days
    # 28 Mar - 1 Apr count like any other). Treatment started that day: met.
    approach = ev("stofmisbrug.henvendelse", date(2024, 3, 21), henvendelse_id="H1")
    started = ev("stofmisbrug.behandling-iverksat", date(2024, 4, 4), henvendelse_id="H1")
    ob = single("stofmisbrug.behandling", [approach, started], date(2024, 5, 1), BORN_2010)
    assert ob.version.id == BL_STOF
    assert ob.due == date(2024, 4, 4)
    assert not ob.on_closed_day
    assert_status(ob, Status.MET)
    assert_cites(ob, "Barnets lov § 33, stk. 1")


def test_drug_treatment_bl_due_on_langfredag_is_kept() -> None:
    # Approach Fri 4 Apr 2025 + 14 dage = Fri 18 Apr 2025, langfredag: kept; practical
    # due the previous working day, skipping skærtorsdag 17 Apr: Wed 16 Apr 2025.
    approach = ev("stofmisbrug.henvendelse", date(2025, 4, 4), henvendelse_id="H1")
    ob = single("stofmisbrug.behandling", [approach], date(2025, 4, 22), BORN_2010)
    assert_kept_on_closed_day(ob, date(2025, 4, 18), date(2025, 4, 16))
    assert_status(ob, Status.OVERDUE)


def test_drug_treatment_sel_due_on_store_bededag_2023() -> None:
    # SEL § 101 stk. 4: approach Fri 21 Apr 2023 + 14 dage = Fri 5 May 2023, store
    # bededag (still a helligdag in 2023): practical due Thu 4 May 2023.
    approach = ev("stofmisbrug.henvendelse", date(2023, 4, 21), henvendelse_id="H1")
    started = ev("stofmisbrug.behandling-iverksat", date(2023, 5, 8), henvendelse_id="H1")
    ob = single("stofmisbrug.behandling", [approach, started], date(2023, 6, 1), BORN_2010)
    assert ob.version.id == SEL_STOF
    assert_kept_on_closed_day(ob, date(2023, 5, 5), date(2023, 5, 4))
    assert_status(ob, Status.MET_LATE)
    assert_cites(ob, f"{SEL} § 101, stk. 4")


def test_drug_treatment_not_for_a_young_person_of_18() -> None:
    # Born 1 Jan 2005: 19 on Thu 1 Feb 2024. BL § 33 covers children under 18 only.
    approach = ev("stofmisbrug.henvendelse", date(2024, 2, 1), henvendelse_id="H1")
    facts = {"foedselsdato": date(2005, 1, 1)}
    assert run("stofmisbrug.behandling", [approach], date(2024, 3, 1), facts) == []


def test_drug_treatment_approach_at_christmas_2023_falls_due_under_bl() -> None:
    # Approach Mon 25 Dec 2023 (SEL) + 14 dage = Mon 8 Jan 2024: BL § 33 governs (§ 213).
    approach = ev("stofmisbrug.henvendelse", date(2023, 12, 25), henvendelse_id="H1")
    ob = single("stofmisbrug.behandling", [approach], date(2024, 1, 2), BORN_2010)
    assert ob.due == date(2024, 1, 8)
    assert ob.version.id == BL_STOF
    assert "§ 213" in ob.explain("en")


# =====================================================================================
# netvaerkssamraad.indkaldelse (D 7 dage): BL § 130 stk. 1, stk. 3; SEL § 57 c
# =====================================================================================

BORN_2008 = {"foedselsdato": date(2008, 2, 1)}


def test_network_meeting_bl_due_on_whit_monday_is_kept() -> None:
    # Police documentation Mon 13 May 2024 + 7 dage = Mon 20 May 2024, 2. pinsedag: kept;
    # practical due Fri 17 May (Sun 19 May is pinsedag). Called on Fri 17 May: met.
    doc = ev("kriminalitet.dokumentation-modtaget", date(2024, 5, 13), sag_id="K1", kilde="politi")
    called = ev("netvaerkssamraad.indkaldt", date(2024, 5, 17), sag_id="K1")
    ob = single("netvaerkssamraad.indkaldelse", [doc, called], date(2024, 6, 1), BORN_2008)
    assert ob.version.id == BL_NETVAERK
    assert_kept_on_closed_day(ob, date(2024, 5, 20), date(2024, 5, 17))
    assert_status(ob, Status.MET)
    assert_cites(ob, "Barnets lov § 130, stk. 1")


def test_network_meeting_bl_case_back_from_the_youth_crime_board_at_christmas() -> None:
    # The board rejects the case; received Thu 18 Dec 2025 + 7 dage = Thu 25 Dec 2025,
    # juledag: kept; practical due Wed 24 Dec (a working day for an authority).
    doc = ev(
        "kriminalitet.dokumentation-modtaget",
        date(2025, 12, 18),
        sag_id="K1",
        kilde="ungdomskriminalitetsnaevnet",
        omfattet_af_ungdomskriminalitetsloven=True,
    )
    obs = run("netvaerkssamraad.indkaldelse", [doc], date(2026, 1, 5), BORN_2008)
    assert [ob.version.id for ob in obs] == [BL_NETVAERK_UKN]
    assert_kept_on_closed_day(obs[0], date(2025, 12, 25), date(2025, 12, 24))
    assert_status(obs[0], Status.OVERDUE)
    assert_cites(obs[0], "Barnets lov § 130, stk. 3, 2. pkt.")


def test_network_meeting_not_for_youth_crime_act_cases_repeat_suspicion_or_adults() -> None:
    day = date(2024, 9, 2)
    covered = ev(
        "kriminalitet.dokumentation-modtaget",
        day,
        sag_id="K1",
        kilde="politi",
        omfattet_af_ungdomskriminalitetsloven=True,
    )
    repeat = ev(
        "kriminalitet.dokumentation-modtaget",
        day,
        sag_id="K2",
        kilde="politi",
        inden_et_aar_efter_samraad=True,
    )
    assert (
        run("netvaerkssamraad.indkaldelse", [covered, repeat], date(2024, 10, 1), BORN_2008) == []
    )
    adult = ev("kriminalitet.dokumentation-modtaget", day, sag_id="K3", kilde="politi")
    facts = {"foedselsdato": date(2006, 1, 1)}  # 18 on 2 Sep 2024
    assert run("netvaerkssamraad.indkaldelse", [adult], date(2024, 10, 1), facts) == []


def test_network_meeting_sel_due_on_easter_monday_2022() -> None:
    # SEL § 57 c: documentation Mon 11 Apr 2022 + 7 dage = Mon 18 Apr 2022, 2. påskedag:
    # kept; practical due Wed 13 Apr (skærtorsdag 14 and langfredag 15 Apr are closed).
    doc = ev("kriminalitet.dokumentation-modtaget", date(2022, 4, 11), sag_id="K1", kilde="politi")
    ob = single("netvaerkssamraad.indkaldelse", [doc], date(2022, 4, 12), BORN_2008)
    assert ob.version.id == SEL_NETVAERK
    assert_kept_on_closed_day(ob, date(2022, 4, 18), date(2022, 4, 13))
    assert_status(ob, Status.PENDING)
    assert_cites(ob, f"{SEL} § 57 c, stk. 1")


# =====================================================================================
# formandsafgoerelse.gyldighed (D 1 måned / 2 måneder): BL § 143 stk. 5; SEL § 75 stk. 4
# =====================================================================================


def test_provisional_decision_valid_one_month_to_29_february_2024() -> None:
    # Implemented Wed 31 Jan 2024 + 1 måned = 29 Feb 2024 (no 31 Feb; leap year: the
    # month's last day). The approval of Tue 6 Feb (no type) does not count; the
    # committee's own decision on placement of Tue 27 Feb does.
    started = ev(
        "formandsafgoerelse.iverksat", at(2024, 1, 31, 14), afgoerelse_id="F1", indsats_id="I1"
    )
    approved = ev("udvalg.afgoerelse", date(2024, 2, 6), afgoerelse_id="F1", indsats_id="I1")
    decided = ev(
        "udvalg.afgoerelse",
        date(2024, 2, 27),
        afgoerelse_id="A2",
        indsats_id="I1",
        type="anbringelse-uden-samtykke",
    )
    ob = single("formandsafgoerelse.gyldighed", [started, approved, decided], date(2024, 3, 1))
    assert ob.version.id == BL_GYLDIG
    assert ob.due == date(2024, 2, 29)
    assert ob.fulfilled_by == decided
    assert_status(ob, Status.MET)
    assert_cites(ob, "Barnets lov § 143, stk. 5, 1. pkt.")


def test_provisional_decision_lapses_when_only_the_approval_is_recorded() -> None:
    # Implemented Sat 29 Mar 2025 + 1 måned = Tue 29 Apr 2025. Only the approval (typed
    # godkendelse-af-formandsafgoerelse) is recorded: overdue on Thu 1 May 2025.
    started = ev("formandsafgoerelse.iverksat", at(2025, 3, 29, 9), afgoerelse_id="F1")
    approved = ev(
        "udvalg.afgoerelse",
        date(2025, 4, 3),
        afgoerelse_id="F1",
        type="godkendelse-af-formandsafgoerelse",
    )
    ob = single("formandsafgoerelse.gyldighed", [started, approved], date(2025, 5, 1))
    assert ob.due == date(2025, 4, 29)
    assert ob.fulfilled_by is None
    assert_status(ob, Status.OVERDUE)


def test_provisional_decision_on_an_investigation_lasts_at_most_2_months() -> None:
    # BL § 143 stk. 5 2. pkt.: a § 23 decision implemented Thu 31 Oct 2024 + 2 måneder =
    # Tue 31 Dec 2024 (a working day for an authority). Investigation completed that day.
    started = ev(
        "formandsafgoerelse.iverksat",
        at(2024, 10, 31, 22),
        afgoerelse_id="F1",
        type="undersoegelse-uden-samtykke",
        undersoegelse_id="B1",
    )
    done = ev("undersoegelse.afsluttet", date(2024, 12, 31), undersoegelse_id="B1")
    obs = run("formandsafgoerelse.gyldighed", [started, done], date(2025, 1, 2))
    assert [ob.version.id for ob in obs] == [BL_GYLDIG_23]
    assert obs[0].due == date(2024, 12, 31)
    assert not obs[0].on_closed_day
    assert_status(obs[0], Status.MET)
    assert_cites(obs[0], "Barnets lov § 143, stk. 5, 2. pkt.")


def test_provisional_decision_sel_due_on_skaertorsdag_2023() -> None:
    # SEL § 75 stk. 4: implemented Mon 6 Mar 2023 + 1 måned = Thu 6 Apr 2023, skærtorsdag:
    # kept; practical due Wed 5 Apr 2023.
    started = ev("formandsafgoerelse.iverksat", at(2023, 3, 6), afgoerelse_id="F1")
    ob = single("formandsafgoerelse.gyldighed", [started], date(2023, 3, 20))
    assert ob.version.id == SEL_GYLDIG
    assert_kept_on_closed_day(ob, date(2023, 4, 6), date(2023, 4, 5))
    assert_cites(ob, f"{SEL} § 75, stk. 4, 1. pkt.")


def test_provisional_decision_of_december_2023_falls_due_under_bl() -> None:
    # Implemented Fri 15 Dec 2023 + 1 måned = Mon 15 Jan 2024: BL § 143 stk. 5 (§ 213).
    started = ev("formandsafgoerelse.iverksat", at(2023, 12, 15), afgoerelse_id="F1")
    ob = single("formandsafgoerelse.gyldighed", [started], date(2024, 1, 2))
    assert ob.due == date(2024, 1, 15)
    assert ob.version.id == BL_GYLDIG


# =====================================================================================
# formandsafgoerelse.ankestyrelse-stillingtagen (D 10 dage) and -afgoerelse (D 8 uger):
# BL § 143 stk. 7 2.-3. pkt.; SEL § 75 stk. 6 2.-3. pkt.
# =====================================================================================


def _differs(day: date, afgoerelse_id: str = "A1") -> Event:
    return ev(
        "udvalg.afgoerelse",
        day,
        afgoerelse_id=afgoerelse_id,
        type="anbringelse-uden-samtykke",
        afviger_fra_direktoerens_afgoerelse=True,
    )


def test_director_position_10_days_over_christmas_2024() -> None:
    # Committee decides against the director's provisional decision Mon 16 Dec 2024 + 10
    # dage = Thu 26 Dec 2024, 2. juledag: kept; practical due Tue 24 Dec (juledag 25 Dec
    # is closed; 24 Dec is a working day for an authority). Position taken Fri 20 Dec.
    position = ev("ankestyrelsen.virkning-givet", date(2024, 12, 20), afgoerelse_id="A1")
    ob = single(
        "formandsafgoerelse.ankestyrelse-stillingtagen",
        [_differs(date(2024, 12, 16)), position],
        date(2025, 1, 6),
    )
    assert ob.version.id == BL_AST_10
    assert_kept_on_closed_day(ob, date(2024, 12, 26), date(2024, 12, 24))
    assert ob.fulfilled_by == position
    assert_status(ob, Status.MET)
    assert_cites(ob, "Barnets lov § 143, stk. 7, 2. pkt.")


def test_director_position_missing_is_overdue_and_only_for_differing_decisions() -> None:
    ob = single(
        "formandsafgoerelse.ankestyrelse-stillingtagen",
        [_differs(date(2024, 12, 16))],
        date(2024, 12, 27),
    )
    assert_status(ob, Status.OVERDUE)
    ordinary = ev(
        "udvalg.afgoerelse",
        date(2024, 12, 16),
        afgoerelse_id="A2",
        type="anbringelse-uden-samtykke",
    )
    assert run("formandsafgoerelse.ankestyrelse-stillingtagen", [ordinary], date(2025, 1, 6)) == []


def test_director_position_sel_due_on_ascension_day_2023() -> None:
    # SEL § 75 stk. 6: Mon 8 May 2023 + 10 dage = Thu 18 May 2023, Kristi himmelfartsdag:
    # kept; practical due Wed 17 May. Refused effect on Wed 17 May: met.
    refused = ev("ankestyrelsen.virkning-naegtet", date(2023, 5, 17), afgoerelse_id="A1")
    ob = single(
        "formandsafgoerelse.ankestyrelse-stillingtagen",
        [_differs(date(2023, 5, 8)), refused],
        date(2023, 6, 1),
    )
    assert ob.version.id == SEL_AST_10
    assert_kept_on_closed_day(ob, date(2023, 5, 18), date(2023, 5, 17))
    assert_status(ob, Status.MET)


def test_ankestyrelse_decision_8_weeks_after_the_committee() -> None:
    # Mon 16 Dec 2024 + 8 uger = Mon 10 Feb 2025 (same weekday). The director refused
    # effect Fri 20 Dec; Ankestyrelsen decided Mon 10 Feb 2025: met on the last day.
    refused = ev("ankestyrelsen.virkning-naegtet", date(2024, 12, 20), afgoerelse_id="A1")
    decided = ev("ankestyrelsen.afgoerelse", date(2025, 2, 10), afgoerelse_id="A1")
    ob = single(
        "formandsafgoerelse.ankestyrelse-afgoerelse",
        [_differs(date(2024, 12, 16)), refused, decided],
        date(2025, 3, 1),
    )
    assert ob.version.id == BL_AST_8U
    assert ob.due == date(2025, 2, 10)
    assert ob.fulfilled_by == decided
    assert_status(ob, Status.MET)
    assert_cites(ob, "Barnets lov § 143, stk. 7, 3. pkt.")


def test_ankestyrelse_decision_not_needed_when_the_director_gives_effect() -> None:
    given = ev("ankestyrelsen.virkning-givet", date(2024, 12, 20), afgoerelse_id="A1")
    ob = single(
        "formandsafgoerelse.ankestyrelse-afgoerelse",
        [_differs(date(2024, 12, 16)), given],
        date(2025, 3, 1),
    )
    assert ob.ended_by == given
    assert_status(ob, Status.ENDED)


def test_ankestyrelse_decision_sel_due_on_easter_monday_2023() -> None:
    # SEL § 75 stk. 6: Mon 13 Feb 2023 + 8 uger = Mon 10 Apr 2023, 2. påskedag: kept;
    # practical due Wed 5 Apr (langfredag 7 and skærtorsdag 6 Apr are closed).
    ob = single(
        "formandsafgoerelse.ankestyrelse-afgoerelse",
        [_differs(date(2023, 2, 13))],
        date(2023, 4, 11),
    )
    assert ob.version.id == SEL_AST_8U
    assert_kept_on_closed_day(ob, date(2023, 4, 10), date(2023, 4, 5))
    assert_status(ob, Status.OVERDUE)


# =====================================================================================
# ungestoette.ophoer (A 23 år): BL §§ 117, 121; SEL § 76 stk. 7
# =====================================================================================


def _support(day: date, **facts: Any) -> Event:
    return ev(
        "afgoerelse.truffet",
        day,
        afgoerelse_id="A1",
        indsats_id="I1",
        type="stoette-efter-18",
        **facts,
    )


def test_support_after_18_ends_by_the_23rd_birthday_on_a_sunday() -> None:
    # Born 17 May 2003: 23 on Sun 17 May 2026, kept; practical due Fri 15 May 2026 (the
    # Friday after Kristi himmelfart 14 May is a working day by default). Ended 30 Jun 2025.
    ended = ev("indsats.ophoert", date(2025, 6, 30), indsats_id="I1")
    facts = {"foedselsdato": date(2003, 5, 17)}
    ob = single("ungestoette.ophoer", [_support(date(2024, 3, 1)), ended], date(2025, 7, 1), facts)
    assert ob.version.id == BL_OPHOER
    assert_kept_on_closed_day(ob, date(2026, 5, 17), date(2026, 5, 15))
    assert ob.fulfilled_by == ended
    assert_status(ob, Status.MET)
    assert_cites(ob, "Barnets lov § 117")


def test_maintained_residential_stay_ends_at_23_under_section_121() -> None:
    # BL § 120 stay; born 28 Feb 2002: 23 on Fri 28 Feb 2025. Still running Mon 3 Mar.
    facts = {"foedselsdato": date(2002, 2, 28)}
    ob = single(
        "ungestoette.ophoer",
        [_support(date(2024, 1, 10), hjemmel="BL § 120")],
        date(2025, 3, 3),
        facts,
    )
    assert ob.version.id == BL_OPHOER_121
    assert ob.due == date(2025, 2, 28)
    assert_status(ob, Status.OVERDUE)
    assert_cites(ob, "Barnets lov § 121")


def test_aftercare_sel_ends_on_grundlovsdag_which_is_a_working_day() -> None:
    # SEL § 76 stk. 7: born 5 Jun 2000, 23 on Mon 5 Jun 2023 (grundlovsdag: a working day
    # for an authority, not moved). Ended that very day: met.
    ended = ev("indsats.ophoert", date(2023, 6, 5), indsats_id="I1")
    facts = {"foedselsdato": date(2000, 6, 5)}
    ob = single("ungestoette.ophoer", [_support(date(2018, 7, 2)), ended], date(2023, 7, 1), facts)
    assert ob.version.id == SEL_OPHOER
    assert ob.due == date(2023, 6, 5)
    assert not ob.on_closed_day
    assert_status(ob, Status.MET)
    assert_cites(ob, f"{SEL} § 76, stk. 7")


def test_aftercare_decided_under_sel_ends_under_bl_after_2023() -> None:
    # Decided 3 Jan 2022 (SEL); born 10 Mar 2001: 23 on Sun 10 Mar 2024 -> BL § 117
    # governs (§ 213); kept, practical due Fri 8 Mar 2024.
    facts = {"foedselsdato": date(2001, 3, 10)}
    ob = single("ungestoette.ophoer", [_support(date(2022, 1, 3))], date(2024, 3, 1), facts)
    assert ob.version.id == BL_OPHOER
    assert_kept_on_closed_day(ob, date(2024, 3, 10), date(2024, 3, 8))
    assert_status(ob, Status.PENDING)


def test_support_end_only_for_support_after_18() -> None:
    other = ev(
        "afgoerelse.truffet",
        date(2024, 3, 1),
        afgoerelse_id="A1",
        indsats_id="I1",
        type="stoettende-indsats",
    )
    facts = {"foedselsdato": date(2003, 5, 17)}
    assert run("ungestoette.ophoer", [other], date(2024, 4, 1), facts) == []


# =====================================================================================
# ungestoette.kontaktperson (A 18 år; to 23 / 19): BL § 115 stk. 1-2; SEL § 76 stk. 5-6
# =====================================================================================


def test_contact_person_to_23_offered_before_the_18th_birthday() -> None:
    # Placed without consent (committee decision Thu 1 Feb 2024); born 1 Apr 2008: 18 on
    # Wed 1 Apr 2026 (the day before skærtorsdag: a working day). Offered 15 Mar 2026.
    placed = ev(
        "udvalg.afgoerelse",
        date(2024, 2, 1),
        afgoerelse_id="A1",
        indsats_id="I1",
        type="anbringelse-uden-samtykke",
    )
    offered = ev("kontaktperson.tilbudt", date(2026, 3, 15), indsats_id="I1")
    facts = {"foedselsdato": date(2008, 4, 1)}
    ob = single("ungestoette.kontaktperson", [placed, offered], date(2026, 4, 2), facts)
    assert ob.version.id == BL_KP_23
    assert ob.due == date(2026, 4, 1)
    assert not ob.on_closed_day
    assert_status(ob, Status.MET)
    assert_cites(ob, "Barnets lov § 115, stk. 1")
    assert "Afventer juridisk kilde" in ob.explain("da")
    assert "Awaiting legal source" in ob.explain("en")


def test_contact_person_to_19_for_a_room_of_ones_own_on_christmas_eve() -> None:
    # Placed with consent in a room of one's own; born 24 Dec 2007: 18 on Wed 24 Dec 2025
    # (juleaftensdag: a working day for an authority). Not offered by Mon 5 Jan 2026.
    placed = ev(
        "afgoerelse.truffet",
        date(2024, 6, 3),
        afgoerelse_id="A1",
        indsats_id="I1",
        type="anbringelse-med-samtykke",
        eget_vaerelse=True,
    )
    facts = {"foedselsdato": date(2007, 12, 24)}
    ob = single("ungestoette.kontaktperson", [placed], date(2026, 1, 5), facts)
    assert ob.version.id == BL_KP_19
    assert ob.due == date(2025, 12, 24)
    assert not ob.on_closed_day
    assert_status(ob, Status.OVERDUE)
    assert_cites(ob, "Barnets lov § 115, stk. 2")
    # Placed with consent elsewhere than a room of one's own: no such duty.
    home = ev(
        "afgoerelse.truffet",
        date(2024, 6, 3),
        afgoerelse_id="A1",
        indsats_id="I1",
        type="anbringelse-med-samtykke",
    )
    assert run("ungestoette.kontaktperson", [home], date(2026, 1, 5), facts) == []


def test_contact_person_sel_due_on_a_sunday_in_2023() -> None:
    # SEL § 76 stk. 5: placed without consent 3 May 2021; born 2 Apr 2005: 18 on Sun 2 Apr
    # 2023, kept; practical due Fri 31 Mar 2023.
    placed = ev(
        "udvalg.afgoerelse",
        date(2021, 5, 3),
        afgoerelse_id="A1",
        indsats_id="I1",
        type="anbringelse-uden-samtykke",
    )
    facts = {"foedselsdato": date(2005, 4, 2)}
    ob = single("ungestoette.kontaktperson", [placed], date(2023, 3, 1), facts)
    assert ob.version.id == SEL_KP_23
    assert_kept_on_closed_day(ob, date(2023, 4, 2), date(2023, 3, 31))
    assert_cites(ob, f"{SEL} § 76, stk. 5")


def test_contact_person_18th_birthday_on_new_years_day_2024_is_under_bl() -> None:
    # Placed without consent 1 Sep 2022 (SEL); 18 on Mon 1 Jan 2024 (nytårsdag): BL § 115
    # governs (§ 213); kept, practical due Fri 29 Dec 2023 (30-31 Dec is a weekend).
    placed = ev(
        "udvalg.afgoerelse",
        date(2022, 9, 1),
        afgoerelse_id="A1",
        indsats_id="I1",
        type="anbringelse-uden-samtykke",
    )
    facts = {"foedselsdato": date(2006, 1, 1)}
    ob = single("ungestoette.kontaktperson", [placed], date(2023, 12, 1), facts)
    assert ob.version.id == BL_KP_23
    assert_kept_on_closed_day(ob, date(2024, 1, 1), date(2023, 12, 29))


# =====================================================================================
# overgang.afsluttet-ved-18 (A 18 år): BL § 123 stk. 3; SEL § 19 a stk. 3
# =====================================================================================

BL_KLAR_18 = "barnets-lov.overgang.forberedelse-16-aar@18-aar"
SEL_KLAR_18 = "serviceloven.overgang.forberedelse-16-aar@18-aar"


def _measure(day: date) -> Event:
    return ev("indsats.iverksat", day, indsats_id="I1", type="stoettende-indsats")


def _adult_support(day: date, type: str = "voksenstoette") -> Event:
    return ev("afgoerelse.truffet", day, afgoerelse_id="V1", type=type)


def test_ready_by_18_on_langfredag_2026_met_by_a_decision_on_adult_support() -> None:
    # Born 3 Apr 2008: 18 on Fri 3 Apr 2026, langfredag: kept; practical due Wed 1 Apr
    # (skærtorsdag 2 Apr is closed). Adult support decided Fri 20 Mar 2026: met.
    facts = {"foedselsdato": date(2008, 4, 3), "handicap": True}
    events = [_measure(date(2024, 5, 1)), _adult_support(date(2026, 3, 20))]
    ob = single("overgang.afsluttet-ved-18", events, date(2026, 4, 7), facts)
    assert ob.version.id == BL_KLAR_18
    assert_kept_on_closed_day(ob, date(2026, 4, 3), date(2026, 4, 1))
    assert_status(ob, Status.MET)
    assert_cites(ob, "Barnets lov § 123, stk. 3")


def test_ready_by_18_sel_on_langfredag_2023_missed() -> None:
    # SEL § 19 a stk. 3: born 7 Apr 2005, 18 on Fri 7 Apr 2023 (langfredag): kept;
    # practical due Wed 5 Apr. A decision on another measure does not count; overdue on
    # Tue 11 Apr 2023, even though the measure ended on the 18th birthday.
    facts = {"foedselsdato": date(2005, 4, 7), "handicap": True}
    events = [
        _measure(date(2021, 3, 1)),
        _adult_support(date(2023, 3, 1), type="stoettende-indsats"),
        ev("indsats.ophoert", date(2023, 4, 7), indsats_id="I1"),
    ]
    ob = single("overgang.afsluttet-ved-18", events, date(2023, 4, 11), facts)
    assert ob.version.id == SEL_KLAR_18
    assert_kept_on_closed_day(ob, date(2023, 4, 7), date(2023, 4, 5))
    assert_status(ob, Status.OVERDUE)
    assert_cites(ob, f"{SEL} § 19 a, stk. 3")


def test_ready_by_18_on_easter_sunday_2024_falls_under_bl() -> None:
    # Measure under SEL from 1 Sep 2022; born 31 Mar 2006: 18 on Sun 31 Mar 2024 (påskedag)
    # -> BL § 123 stk. 3 governs (§ 213); practical due Wed 27 Mar (28-29 Mar closed).
    facts = {"foedselsdato": date(2006, 3, 31), "handicap": True}
    ob = single("overgang.afsluttet-ved-18", [_measure(date(2022, 9, 1))], date(2024, 3, 1), facts)
    assert ob.version.id == BL_KLAR_18
    assert_kept_on_closed_day(ob, date(2024, 3, 31), date(2024, 3, 27))
    assert_status(ob, Status.PENDING)


def test_ready_by_18_only_for_a_young_person_with_a_disability() -> None:
    facts = {"foedselsdato": date(2008, 4, 3), "handicap": False}
    assert (
        run("overgang.afsluttet-ved-18", [_measure(date(2024, 5, 1))], date(2026, 5, 1), facts)
        == []
    )


# =====================================================================================
# stoetteperson.foraeldre (N): BL § 75; SEL § 54 stk. 1
# =====================================================================================


def _placed(day: date, type: str = "anbringelse") -> Event:
    return ev("indsats.iverksat", day, indsats_id="I1", type=type)


def test_support_person_offered_after_the_placement_starts() -> None:
    # Placement started Mon 3 Jun 2024; offer recorded Wed 12 Jun 2024: met, no date.
    offer = ev("stoetteperson.tilbudt", date(2024, 6, 12), indsats_id="I1")
    ob = single("stoetteperson.foraeldre", [_placed(date(2024, 6, 3)), offer], date(2024, 7, 1))
    assert ob.version.id == "barnets-lov.stoetteperson.foraeldre"
    assert ob.due is None
    assert ob.fulfilled_by == offer
    assert_status(ob, Status.MET)
    assert_cites(ob, "Barnets lov § 75")


def test_support_person_open_until_offered_and_ended_with_the_placement() -> None:
    other = ev("stoetteperson.tilbudt", date(2024, 6, 12), indsats_id="I2")
    ob = single("stoetteperson.foraeldre", [_placed(date(2024, 6, 3)), other], date(2024, 9, 1))
    assert_status(ob, Status.PENDING)
    ended = ev("indsats.ophoert", date(2024, 8, 1), indsats_id="I1")
    ob = single("stoetteperson.foraeldre", [_placed(date(2024, 6, 3)), ended], date(2024, 9, 1))
    assert_status(ob, Status.ENDED)
    # Support at home is not a placement: no such obligation.
    home = _placed(date(2024, 6, 3), type="stoettende-indsats")
    assert run("stoetteperson.foraeldre", [home], date(2024, 9, 1)) == []


def test_support_person_under_sel_and_finished_under_bl_when_still_open() -> None:
    # Placed Mon 6 Mar 2023 (SEL § 54 stk. 1) and offered Fri 10 Mar 2023: met under SEL.
    offer = ev("stoetteperson.tilbudt", date(2023, 3, 10), indsats_id="I1")
    ob = single("stoetteperson.foraeldre", [_placed(date(2023, 3, 6)), offer], date(2023, 4, 1))
    assert ob.version.id == "serviceloven.stoetteperson.foraeldre"
    assert_status(ob, Status.MET)
    assert_cites(ob, f"{SEL} § 54, stk. 1")
    # Placed Wed 20 Dec 2023 and still not offered in February 2024: BL § 75 (§ 213).
    ob = single("stoetteperson.foraeldre", [_placed(date(2023, 12, 20))], date(2024, 2, 1))
    assert ob.version.id == "barnets-lov.stoetteperson.foraeldre"
    assert "§ 213" in ob.explain("da")


def test_catalog_due_finds_the_variant_whose_trigger_can_carry_the_facts() -> None:
    # ungestoette.kontaktperson has a variant on the committee's decisions (type
    # anbringelse-uden-samtykke) and one on the administration's (anbringelse-med-samtykke,
    # own room): a type only the second trigger can carry picks the second, not an error.
    # Born Wed 1 May 2002: the 18th birthday, Fri 1 May 2020, a working day.
    deadline = CATALOG.due(
        "ungestoette.kontaktperson",
        date(2020, 3, 2),
        {
            "type": "anbringelse-med-samtykke",
            "eget_vaerelse": True,
            "foedselsdato": date(2002, 5, 1),
        },
    )
    assert deadline.due == date(2020, 5, 1)
    assert deadline.version.id == "serviceloven.eftervaern.kontaktperson-19"
