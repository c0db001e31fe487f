"""The underretning and undersøgelse rules of the bundled catalog, by worked example.

Obligation ids: underretning.vurdering, underretning.kvittering,
underretning.orientering, underretning.genvurdering, undersoegelse.afslutning,
undersoegelse.foreloebig-vurdering, undersoegelse.kommende-foraeldre,
undersoegelse.uden-samtykke and boernesamtale.foer-afgoerelse.

Every expected date is worked out by hand from the statute and the Danish
calendar; the comment beside each example shows the count. Nothing here asks
frister for an expectation. Calendar used: Easter 2023 = 9 Apr, 2024 = 31 Mar,
2025 = 20 Apr, 2026 = 5 Apr; store bededag (Easter + 26) a helligdag up to 2023
only; Kristi himmelfart Easter + 39; pinse + 49/50. 24 Dec, 31 Dec and 5 Jun are
working days for an authority's deadline. Authority deadlines ("keep") stay on a
closed day, flagged, with the previous working day as ``practical_due``. DST
2024: 31 Mar 02:00 CET -> 03:00 CEST, 27 Oct 03:00 CEST -> 02:00 CET.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo

import pytest

import frister

CPH = ZoneInfo("Europe/Copenhagen")
CATALOG = frister.default_catalog()

LANGS: tuple[Literal["da", "en"], ...] = ("da", "en")
SEL = "Lov om social service (serviceloven)"
BL = "Barnets lov"


def _at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=CPH)


def _ev(kind: str, at: date | datetime, **facts: Any) -> frister.Event:
    return frister.Event(kind, at, facts)


def _evaluate(as_of: date | datetime, *events: frister.Event) -> list[frister.Obligation]:
    return CATALOG.evaluate(frister.Case(events=list(events)), as_of=as_of)


def _of(obligations: list[frister.Obligation], rule_id: str) -> list[frister.Obligation]:
    return [ob for ob in obligations if ob.rule_id == rule_id]


def _one(obligations: list[frister.Obligation], rule_id: str) -> frister.Obligation:
    found = _of(obligations, rule_id)
    assert len(found) == 1, [(ob.rule_id, ob.status, ob.due) for ob in obligations]
    return found[0]


def _received(
    at: datetime, underretter: str = "fagperson", uid: str = "U1", **facts: Any
) -> frister.Event:
    return _ev("underretning.modtaget", at, underretning_id=uid, underretter=underretter, **facts)


def _aware(at: date, uid: str = "B1", **facts: Any) -> frister.Event:
    return _ev("bekymring.opmaerksom", at, undersoegelse_id=uid, **facts)


def _committee(at: date, type_: str = "undersoegelse-uden-samtykke") -> frister.Event:
    return _ev("udvalg.afgoerelse", at, afgoerelse_id="UA1", type=type_)


def _decision(at: date | datetime, aid: str = "A1", **facts: Any) -> frister.Event:
    return _ev("afgoerelse.truffet", at, afgoerelse_id=aid, **facts)


def _transition_to(text: str, new_id: str) -> None:
    """The explanation shows the Barnets lov § 213 transition to ``new_id``."""
    assert "§ 213" in text
    assert new_id in text


# =====================================================================================
# underretning.vurdering: 24 timer (SEL § 155 stk. 2 from 1 Oct 2013; BL § 136 stk. 2)
# =====================================================================================


def test_vurdering_easter_sunday_and_spring_dst() -> None:
    # Sat 30 Mar 2024 10:00 CET (= 09:00 UTC) + 24 real hours = Sun 31 Mar 09:00 UTC
    # = 11:00 CEST, the clocks having gone forward at 02:00. Easter Sunday: an hour
    # deadline gets no calendar adjustment, so it stays on the helligdag, unflagged.
    dl = CATALOG.due("underretning.vurdering", _at(2024, 3, 30, 10), {"underretter": "borger"})
    assert dl.due == datetime(2024, 3, 31, 11, 0, tzinfo=CPH)
    assert dl.practical_due == dl.due
    assert not dl.on_closed_day
    assert dl.version.id == "barnets-lov.underretning.vurdering-24t"
    assert str(dl.version.citation) == f"{BL} § 136, stk. 2"
    assert "Barnets lov § 136, stk. 2" in dl.explain("da")
    assert "Barnets lov § 136, stk. 2" in dl.explain("en")


def test_vurdering_autumn_dst_counts_real_hours() -> None:
    # Sat 26 Oct 2024 12:00 CEST (= 10:00 UTC) + 24 h = Sun 27 Oct 10:00 UTC = 11:00 CET:
    # the wall clock shows 11:00, not 12:00, because the night had 25 hours.
    dl = CATALOG.due("underretning.vurdering", _at(2024, 10, 26, 12), {"underretter": "anonym"})
    assert dl.due == datetime(2024, 10, 27, 11, 0, tzinfo=CPH)
    assert isinstance(dl.due, datetime)
    assert dl.due.utcoffset() == datetime(2024, 10, 27, 11, tzinfo=CPH).utcoffset()


def test_vurdering_christmas_eve() -> None:
    # Tue 24 Dec 2024 15:00 CET + 24 h = Wed 25 Dec 2024 15:00 CET (juledag; hours are not moved).
    dl = CATALOG.due("underretning.vurdering", _at(2024, 12, 24, 15), {"underretter": "fagperson"})
    assert dl.due == _at(2024, 12, 25, 15)
    assert dl.practical_due == _at(2024, 12, 25, 15)


def test_vurdering_across_new_year_is_governed_by_barnets_lov() -> None:
    # Sun 31 Dec 2023 14:30 CET, under SEL § 155 stk. 2 (ends 31 Dec 2023) + 24 h
    # = Mon 1 Jan 2024 14:30 CET: due under Barnets lov, so BL § 136 stk. 2 governs (§ 213).
    dl = CATALOG.due("underretning.vurdering", _at(2023, 12, 31, 14, 30), {"underretter": "borger"})
    assert dl.due == _at(2024, 1, 1, 14, 30)
    assert dl.version.id == "barnets-lov.underretning.vurdering-24t"
    for lang in LANGS:
        text = dl.explain(lang)
        _transition_to(text, "barnets-lov.underretning.vurdering-24t")
        assert "Barnets lov § 136, stk. 2" in text
        assert "serviceloven.underretning.vurdering-24t" in text


def test_vurdering_inside_2023_is_serviceloven() -> None:
    # Thu 28 Dec 2023 09:00 + 24 h = Fri 29 Dec 2023 09:00: both under SEL § 155 stk. 2.
    dl = CATALOG.due("underretning.vurdering", _at(2023, 12, 28, 9), {"underretter": "fagperson"})
    assert dl.due == _at(2023, 12, 29, 9)
    assert dl.version.id == "serviceloven.underretning.vurdering-24t"
    assert str(dl.version.citation) == f"{SEL} § 155, stk. 2"
    assert "§ 213" not in dl.explain("da")


def test_vurdering_trigger_day_is_the_copenhagen_day() -> None:
    # 31 Dec 2023 23:30 UTC is 1 Jan 2024 00:30 CET: received under Barnets lov itself,
    # so no transition. + 24 h = 2 Jan 2024 00:30 CET.
    dl = CATALOG.due(
        "underretning.vurdering",
        datetime(2023, 12, 31, 23, 30, tzinfo=UTC),
        {"underretter": "borger"},
    )
    assert dl.due == _at(2024, 1, 2, 0, 30)
    assert dl.version.id == "barnets-lov.underretning.vurdering-24t"
    assert "§ 213" not in dl.explain("da")


def test_vurdering_applies_to_every_notifier_but_not_before_1_october_2013() -> None:
    for who in ("fagperson", "borger", "kommune", "anonym"):
        obs = _evaluate(_at(2024, 6, 1), _received(_at(2024, 5, 6, 8), who))
        assert _one(obs, "underretning.vurdering").due == _at(2024, 5, 7, 8)
    # Tue 1 Oct 2013 00:30 CEST: the first day of SEL § 155 stk. 2 -> Wed 2 Oct 00:30.
    dl = CATALOG.due("underretning.vurdering", _at(2013, 10, 1, 0, 30), {"underretter": "borger"})
    assert dl.due == _at(2013, 10, 2, 0, 30)
    assert dl.version.id == "serviceloven.underretning.vurdering-24t"
    # Mon 30 Sep 2013: no 24-hour rule yet (absent from LBK 810/2012).
    with pytest.raises(frister.NoDeadlineError):
        CATALOG.due("underretning.vurdering", _at(2013, 9, 30, 23), {"underretter": "borger"})
    obs = _evaluate(date(2013, 12, 1), _received(_at(2013, 9, 30, 23)))
    assert _of(obs, "underretning.vurdering") == []


def test_vurdering_needs_the_time_of_day() -> None:
    with pytest.raises(frister.InputError):
        CATALOG.due("underretning.vurdering", date(2024, 3, 22), {"underretter": "borger"})
    with pytest.raises(frister.NaiveDatetimeError):
        _ev("underretning.modtaget", datetime(2024, 3, 22, 16, 5), underretning_id="U1")


def test_vurdering_statuses() -> None:
    # Fri 22 Mar 2024 16:05 CET + 24 h = Sat 23 Mar 2024 16:05 CET.
    got = _received(_at(2024, 3, 22, 16, 5))
    due = _at(2024, 3, 23, 16, 5)

    pending = _one(_evaluate(_at(2024, 3, 23, 16, 4), got), "underretning.vurdering")
    assert pending.due == due
    assert pending.status is frister.Status.PENDING
    assert "Status pr." in pending.explain("da") and "afventer" in pending.explain("da")

    overdue = _one(_evaluate(_at(2024, 3, 23, 16, 6), got), "underretning.vurdering")
    assert overdue.status is frister.Status.OVERDUE
    assert overdue.fulfilled_by is None
    assert "overskredet" in overdue.explain("da")
    assert "overdue" in overdue.explain("en")

    on_time = _ev("underretning.vurderet", _at(2024, 3, 23, 16, 5), underretning_id="U1")
    met = _one(_evaluate(date(2024, 4, 30), got, on_time), "underretning.vurdering")
    assert met.status is frister.Status.MET
    assert met.fulfilled_by == on_time
    assert met.fulfilled_at == _at(2024, 3, 23, 16, 5)
    assert "opfyldt" in met.explain("da")
    assert "Barnets lov § 136, stk. 2" in met.explain("da")

    late = _ev("underretning.vurderet", _at(2024, 3, 23, 16, 6), underretning_id="U1")
    met_late = _one(_evaluate(date(2024, 4, 30), got, late), "underretning.vurdering")
    assert met_late.status is frister.Status.MET_LATE
    assert "opfyldt for sent" in met_late.explain("da")
    assert "met late" in met_late.explain("en")


def test_vurdering_each_notification_has_its_own_clock_linked_by_id() -> None:
    # U1 Mon 6 May 2024 08:00 -> Tue 7 May 08:00; U2 Mon 6 May 12:00 -> Tue 7 May 12:00.
    u1 = _received(_at(2024, 5, 6, 8), uid="U1")
    u2 = _received(_at(2024, 5, 6, 12), uid="U2")
    done = _ev("underretning.vurderet", _at(2024, 5, 6, 13), underretning_id="U2")
    obs = _of(_evaluate(date(2024, 5, 31), u1, u2, done), "underretning.vurdering")
    by_id = {ob.trigger.facts["underretning_id"]: ob for ob in obs}
    assert by_id["U1"].status is frister.Status.OVERDUE
    assert by_id["U1"].due == _at(2024, 5, 7, 8)
    assert by_id["U2"].status is frister.Status.MET
    assert by_id["U2"].fulfilled_by == done


def test_vurdering_before_the_notification_does_not_count() -> None:
    early = _ev("underretning.vurderet", _at(2024, 5, 6, 7), underretning_id="U1")
    ob = _one(
        _evaluate(date(2024, 5, 31), early, _received(_at(2024, 5, 6, 8))),
        "underretning.vurdering",
    )
    assert ob.status is frister.Status.OVERDUE


# =====================================================================================
# underretning.kvittering: 6 hverdage (old SEL § 155 -> 30 Sep 2013; SEL § 155 b stk. 1
# 1 Oct 2013 - 31 Dec 2023; BL § 138 stk. 1); never for an anonymous notifier
# =====================================================================================


def test_kvittering_easter_2024() -> None:
    # Fri 22 Mar 2024 + 6 hverdage: 25, 26, 27 Mar (1-3); 28, 29 Mar (skærtorsdag,
    # langfredag), 30-31 weekend/påskedag and 1 Apr (2. påskedag) skipped; 2, 3, 4 Apr
    # (4-6) -> Thu 4 Apr 2024.
    dl = CATALOG.due(
        "underretning.kvittering", _at(2024, 3, 22, 16, 5), {"underretter": "fagperson"}
    )
    assert dl.due == date(2024, 4, 4)
    assert dl.practical_due == date(2024, 4, 4)
    assert not dl.on_closed_day
    assert dl.version.id == "barnets-lov.underretning.kvittering-6-hverdage"
    assert str(dl.version.citation) == f"{BL} § 138, stk. 1"
    assert "Barnets lov § 138, stk. 1" in dl.explain("da")
    assert "Barnets lov § 138, stk. 1" in dl.explain("en")


def test_kvittering_late_evening_utc_counts_from_the_danish_day() -> None:
    # 21 Mar 2024 23:30 UTC = Fri 22 Mar 00:30 CET: counted from Fri 22 Mar -> Thu 4 Apr.
    dl = CATALOG.due(
        "underretning.kvittering",
        datetime(2024, 3, 21, 23, 30, tzinfo=UTC),
        {"underretter": "borger"},
    )
    assert dl.due == date(2024, 4, 4)


def test_kvittering_easter_2026() -> None:
    # Mon 30 Mar 2026 + 6: 31 Mar (1), 1 Apr (2); 2 Apr skærtorsdag, 3 Apr langfredag,
    # weekend, 6 Apr 2. påskedag skipped; 7, 8, 9, 10 Apr (3-6) -> Fri 10 Apr 2026.
    dl = CATALOG.due("underretning.kvittering", _at(2026, 3, 30), {"underretter": "kommune"})
    assert dl.due == date(2026, 4, 10)


def test_kvittering_store_bededag_2023_versus_2024() -> None:
    # 2023: Mon 1 May + 6: 2, 3, 4 May (1-3); Fri 5 May store bededag skipped;
    # 8, 9, 10 May (4-6) -> Wed 10 May 2023 (SEL § 155 b stk. 1).
    dl = CATALOG.due("underretning.kvittering", _at(2023, 5, 1), {"underretter": "borger"})
    assert dl.due == date(2023, 5, 10)
    assert dl.version.id == "serviceloven.underretning.kvittering-6-hverdage@2013-10-01"
    assert str(dl.version.citation) == f"{SEL} § 155 b, stk. 1"
    assert "§ 155 b, stk. 1" in dl.explain("da")
    # 2024: Mon 22 Apr + 6: 23, 24, 25, 26 Apr (the former store bededag is a
    # working day), 29, 30 Apr -> Tue 30 Apr 2024.
    dl = CATALOG.due("underretning.kvittering", _at(2024, 4, 22), {"underretter": "borger"})
    assert dl.due == date(2024, 4, 30)


def test_kvittering_kristi_himmelfart_and_pinse_2025() -> None:
    # Mon 26 May 2025 + 6: 27, 28 May (1-2); Thu 29 May Kristi himmelfart skipped;
    # Fri 30 May (3, a working day by default); 2, 3, 4 Jun (4-6) -> Wed 4 Jun 2025.
    dl = CATALOG.due("underretning.kvittering", _at(2025, 5, 26), {"underretter": "fagperson"})
    assert dl.due == date(2025, 6, 4)
    # Mon 2 Jun 2025 + 6: 3, 4 (1-2), Thu 5 Jun grundlovsdag counts for an authority (3),
    # Fri 6 (4); Mon 9 Jun 2. pinsedag skipped; 10, 11 Jun (5-6) -> Wed 11 Jun 2025.
    dl = CATALOG.due("underretning.kvittering", _at(2025, 6, 2), {"underretter": "fagperson"})
    assert dl.due == date(2025, 6, 11)


def test_kvittering_christmas_eve_and_new_years_eve_are_working_days() -> None:
    # Fri 20 Dec 2024 + 6: 23 (1), Tue 24 Dec juleaftensdag (2); 25, 26 Dec skipped;
    # 27 (3), 30 (4), Tue 31 Dec nytårsaftensdag (5); 1 Jan skipped; Thu 2 Jan (6)
    # -> Thu 2 Jan 2025.
    dl = CATALOG.due("underretning.kvittering", _at(2024, 12, 20), {"underretter": "borger"})
    assert dl.due == date(2025, 1, 2)


def test_kvittering_across_new_year_is_governed_by_barnets_lov() -> None:
    # Thu 28 Dec 2023 16:05 (SEL § 155 b in force) + 6: 29 Dec (1); weekend; Mon 1 Jan
    # nytårsdag skipped; 2, 3, 4, 5 Jan (2-5); 8 Jan (6) -> Mon 8 Jan 2024: due in 2024,
    # so BL § 138 stk. 1 governs (§ 213 stk. 1).
    dl = CATALOG.due(
        "underretning.kvittering", _at(2023, 12, 28, 16, 5), {"underretter": "fagperson"}
    )
    assert dl.due == date(2024, 1, 8)
    assert dl.version.id == "barnets-lov.underretning.kvittering-6-hverdage"
    for lang in LANGS:
        text = dl.explain(lang)
        _transition_to(text, "barnets-lov.underretning.kvittering-6-hverdage")
        assert "Barnets lov § 138, stk. 1" in text

    # The same through evaluate: the kvittering sent Fri 5 Jan 2024 is on time.
    got = _received(_at(2023, 12, 28, 16, 5))
    sent = _ev("underretning.kvitteret", date(2024, 1, 5), underretning_id="U1")
    ob = _one(_evaluate(date(2024, 2, 1), got, sent), "underretning.kvittering")
    assert ob.due == date(2024, 1, 8)
    assert ob.version.id == "barnets-lov.underretning.kvittering-6-hverdage"
    assert ob.status is frister.Status.MET
    assert "§ 213" in ob.explain("da")


def test_kvittering_old_serviceloven_155_before_october_2013() -> None:
    # Mon 3 Sep 2012 + 6: 4, 5, 6, 7, 10, 11 Sep -> Tue 11 Sep 2012, under the old § 155.
    dl = CATALOG.due("underretning.kvittering", _at(2012, 9, 3), {"underretter": "fagperson"})
    assert dl.due == date(2012, 9, 11)
    assert dl.version.id == "serviceloven.underretning.kvittering-6-hverdage"
    assert str(dl.version.citation) == f"{SEL} § 155"


def test_kvittering_2013_change_inside_serviceloven_does_not_cite_barnets_lov() -> None:
    # Mon 30 Sep 2013 (old § 155, last day) + 6: 1, 2, 3, 4, 7, 8 Oct -> Tue 8 Oct 2013.
    # The duration is the same under both SEL wordings. Barnets lov did not exist in 2013,
    # so its § 213 cannot be the reason for any change of version then.
    dl = CATALOG.due("underretning.kvittering", _at(2013, 9, 30), {"underretter": "fagperson"})
    assert dl.due == date(2013, 10, 8)
    assert dl.version.id.startswith("serviceloven.underretning.kvittering-6-hverdage")
    for lang in LANGS:
        assert "Barnets lov § 213" not in dl.explain(lang)


def test_kvittering_not_for_an_anonymous_notifier() -> None:
    for who in ("fagperson", "borger", "kommune"):
        # Mon 6 May 2024 + 6: 7, 8 (1-2); Thu 9 May Kristi himmelfart skipped;
        # 10, 13, 14, 15 May (3-6) -> Wed 15 May 2024.
        ob = _one(
            _evaluate(date(2024, 5, 6), _received(_at(2024, 5, 6), who)), "underretning.kvittering"
        )
        assert ob.due == date(2024, 5, 15)
        assert ob.status is frister.Status.PENDING
        assert f"underretningen kommer ikke fra en anonym underretter: opfyldt ({who})" in (
            ob.explain("da")
        )
    obs = _evaluate(date(2024, 6, 30), _received(_at(2024, 5, 6), "anonym"))
    assert _of(obs, "underretning.kvittering") == []
    assert len(_of(obs, "underretning.vurdering")) == 1  # the 24 hours still apply
    with pytest.raises(frister.InputError):
        CATALOG.due("underretning.kvittering", _at(2024, 5, 6), {"underretter": "anonym"})
    with pytest.raises(frister.FactError):
        _evaluate(date(2024, 6, 30), _received(_at(2024, 5, 6), "ukendt"))


def test_kvittering_statuses() -> None:
    # Fri 22 Mar 2024 -> Thu 4 Apr 2024 (see the Easter example).
    got = _received(_at(2024, 3, 22, 16, 5))
    ob = _one(_evaluate(date(2024, 4, 4), got), "underretning.kvittering")
    assert ob.status is frister.Status.PENDING  # the whole due day is still open

    ob = _one(_evaluate(date(2024, 4, 5), got), "underretning.kvittering")
    assert ob.status is frister.Status.OVERDUE
    assert "Status pr. fre. 5. apr. 2024: overskredet" in ob.explain("da")

    on_day = _ev("underretning.kvitteret", _at(2024, 4, 4, 23, 30), underretning_id="U1")
    ob = _one(_evaluate(date(2024, 5, 1), got, on_day), "underretning.kvittering")
    assert ob.status is frister.Status.MET
    assert ob.fulfilled_by == on_day

    late = _ev("underretning.kvitteret", date(2024, 4, 5), underretning_id="U1")
    ob = _one(_evaluate(date(2024, 5, 1), got, late), "underretning.kvittering")
    assert ob.status is frister.Status.MET_LATE
    assert ob.fulfilled_at == date(2024, 4, 5)

    other = _ev("underretning.kvitteret", date(2024, 3, 25), underretning_id="U9")
    ob = _one(_evaluate(date(2024, 5, 1), got, other), "underretning.kvittering")
    assert ob.status is frister.Status.OVERDUE
    assert ob.fulfilled_by is None

    # An event after as_of has not happened yet.
    ob = _one(_evaluate(date(2024, 4, 3), got, late), "underretning.kvittering")
    assert ob.status is frister.Status.PENDING


# =====================================================================================
# underretning.orientering: no statutory time limit (N); professional notifiers only
# (old SEL § 153 stk. 3 on request -> 30 Sep 2013; SEL § 155 b stk. 2; BL § 138 stk. 2)
# =====================================================================================


def test_orientering_only_for_professionals() -> None:
    for who in ("borger", "kommune", "anonym"):
        obs = _evaluate(date(2024, 6, 30), _received(_at(2024, 5, 6), who))
        assert _of(obs, "underretning.orientering") == []
    ob = _one(_evaluate(date(2024, 6, 30), _received(_at(2024, 5, 6))), "underretning.orientering")
    assert ob.due is None
    assert ob.practical_due is None
    assert not ob.on_closed_day
    assert ob.version.id == "barnets-lov.underretning.orientering-fagperson"
    assert str(ob.version.citation) == f"{BL} § 138, stk. 2"
    assert "Barnets lov § 138, stk. 2" in ob.explain("da")
    assert "Loven fastsætter ingen frist" in ob.explain("da")
    assert "The law sets no time limit" in ob.explain("en")


def test_orientering_has_no_due_date_to_compute() -> None:
    with pytest.raises(frister.NoDeadlineError):
        CATALOG.due("underretning.orientering", _at(2024, 5, 6), {"underretter": "fagperson"})


def test_orientering_stays_pending_and_is_never_overdue() -> None:
    # Received on juleaftensdag 2024; a year later with nothing recorded it is still
    # pending: the law sets no time limit.
    got = _received(_at(2024, 12, 24, 11))
    ob = _one(_evaluate(date(2025, 12, 31), got), "underretning.orientering")
    assert ob.status is frister.Status.PENDING
    assert "afventer" in ob.explain("da")
    told = _ev("underretning.orienteret", date(2025, 2, 28), underretning_id="U1")
    ob = _one(_evaluate(date(2025, 12, 31), got, told), "underretning.orientering")
    assert ob.status is frister.Status.MET
    assert ob.fulfilled_by == told
    assert "Status pr. ons. 31. dec. 2025: opfyldt" in ob.explain("da")
    # An orientering about another notification does not count.
    other = _ev("underretning.orienteret", date(2025, 2, 28), underretning_id="U2")
    ob = _one(_evaluate(date(2025, 12, 31), got, other), "underretning.orientering")
    assert ob.status is frister.Status.PENDING


def test_orientering_versions_by_period() -> None:
    # Before 1 Oct 2013: old SEL § 153 stk. 3 (only on request: a question says so).
    ob = _one(_evaluate(date(2013, 9, 30), _received(_at(2013, 9, 2))), "underretning.orientering")
    assert ob.version.id == "serviceloven.underretning.orientering-efter-anmodning"
    assert str(ob.version.citation) == f"{SEL} § 153, stk. 3"
    assert "efter anmodning" in ob.explain("da")
    # 1 Oct 2013 - 31 Dec 2023: SEL § 155 b stk. 2, fulfilled within 2023.
    got = _received(_at(2023, 12, 28))
    told = _ev("underretning.orienteret", date(2023, 12, 29), underretning_id="U1")
    ob = _one(_evaluate(date(2024, 2, 1), got, told), "underretning.orientering")
    assert ob.version.id == "serviceloven.underretning.orientering-fagperson"
    assert str(ob.version.citation) == f"{SEL} § 155 b, stk. 2"
    assert ob.status is frister.Status.MET


def test_orientering_still_open_in_2024_is_finished_under_barnets_lov() -> None:
    # Received Thu 28 Dec 2023 from a professional; not informed by 31 Dec 2023. Under
    # BL § 213 stk. 1 a notification received before 2024 and not finished by 31 Dec 2023
    # is finished under Barnets lov (research 0.3, consequence 1): the orientering given
    # Wed 10 Jan 2024 is one under BL § 138 stk. 2.
    got = _received(_at(2023, 12, 28))
    told = _ev("underretning.orienteret", date(2024, 1, 10), underretning_id="U1")
    ob = _one(_evaluate(date(2024, 2, 1), got, told), "underretning.orientering")
    assert ob.status is frister.Status.MET
    assert ob.version.id == "barnets-lov.underretning.orientering-fagperson"
    assert "Barnets lov § 138, stk. 2" in ob.explain("da")


# =====================================================================================
# underretning.genvurdering: no time limit (N); only when a measure is running
# (SEL § 155 a stk. 1 from 1 Oct 2013; BL § 137 stk. 1)
# =====================================================================================


def _measure_started(at: date, iid: str = "I1") -> frister.Event:
    return _ev("indsats.iverksat", at, indsats_id=iid, type="stoettende-indsats")


def _measure_ended(at: date, iid: str = "I1") -> frister.Event:
    return _ev("indsats.ophoert", at, indsats_id=iid, type="stoettende-indsats")


def test_genvurdering_when_a_measure_is_running() -> None:
    start = _measure_started(date(2024, 1, 15))
    got = _received(_at(2024, 5, 6), "borger")
    ob = _one(_evaluate(date(2024, 6, 30), start, got), "underretning.genvurdering")
    assert ob.due is None
    assert ob.status is frister.Status.PENDING
    assert ob.version.id == "barnets-lov.underretning.genvurdering-aktiv-sag"
    assert str(ob.version.citation) == f"{BL} § 137, stk. 1"
    assert "Barnets lov § 137, stk. 1" in ob.explain("da")
    assert "barnet har en iværksat, ikke ophørt indsats på tidspunktet: opfyldt (ja)" in ob.explain(
        "da"
    )
    done = _ev("underretning.genvurderet", date(2024, 5, 7), underretning_id="U1")
    ob = _one(_evaluate(date(2024, 6, 30), start, got, done), "underretning.genvurdering")
    assert ob.status is frister.Status.MET
    assert ob.fulfilled_by == done
    assert "Status on Sun 30 Jun 2024: met" in ob.explain("en")


def test_genvurdering_not_without_a_running_measure() -> None:
    got = _received(_at(2024, 5, 6), "borger")
    # No measure at all.
    assert _of(_evaluate(date(2024, 6, 30), got), "underretning.genvurdering") == []
    # The measure ended before the notification came.
    ended = [_measure_started(date(2023, 6, 1)), _measure_ended(date(2024, 2, 29))]
    assert _of(_evaluate(date(2024, 6, 30), *ended, got), "underretning.genvurdering") == []
    # The measure started only after the notification.
    later = _measure_started(date(2024, 5, 31))
    assert _of(_evaluate(date(2024, 6, 30), got, later), "underretning.genvurdering") == []
    # One of two measures still running is enough.
    two = [
        _measure_started(date(2023, 6, 1), "I1"),
        _measure_started(date(2023, 9, 1), "I2"),
        _measure_ended(date(2024, 2, 29), "I1"),
    ]
    assert len(_of(_evaluate(date(2024, 6, 30), *two, got), "underretning.genvurdering")) == 1


def test_genvurdering_versions_by_period() -> None:
    start = _measure_started(date(2012, 1, 2))
    # 30 Sep 2013: no genvurdering rule yet (§ 155 a from 1 Oct 2013).
    obs = _evaluate(date(2013, 12, 31), start, _received(_at(2013, 9, 30), uid="U0"))
    assert _of(obs, "underretning.genvurdering") == []
    obs = _evaluate(date(2013, 12, 31), start, _received(_at(2013, 10, 1)))
    ob = _one(obs, "underretning.genvurdering")
    assert ob.version.id == "serviceloven.underretning.genvurdering-aktiv-sag"
    assert str(ob.version.citation) == f"{SEL} § 155 a, stk. 1"


def test_genvurdering_still_open_in_2024_is_finished_under_barnets_lov() -> None:
    # Received Fri 29 Dec 2023 about a child with a running measure; reassessed Tue 2 Jan
    # 2024: the matter was not finished by 31 Dec 2023, so BL § 137 governs (§ 213 stk. 1).
    start = _measure_started(date(2023, 3, 1))
    got = _received(_at(2023, 12, 29), "borger")
    done = _ev("underretning.genvurderet", date(2024, 1, 2), underretning_id="U1")
    ob = _one(_evaluate(date(2024, 2, 1), start, got, done), "underretning.genvurdering")
    assert ob.status is frister.Status.MET
    assert ob.version.id == "barnets-lov.underretning.genvurdering-aktiv-sag"


def test_genvurdering_measure_started_the_same_day_leap_day() -> None:
    # A measure started (date only) Thu 29 Feb 2024 and a notification received at 14:00
    # the same day: the measure counts as running at the receipt.
    start = _measure_started(date(2024, 2, 29))
    got = _received(_at(2024, 2, 29, 14), "kommune")
    ob = _one(_evaluate(date(2024, 3, 31), start, got), "underretning.genvurdering")
    assert ob.status is frister.Status.PENDING
    assert ob.due is None
    assert "Loven fastsætter ingen frist" in ob.explain("da")


def test_genvurdering_aktiv_indsats_is_derived_not_given() -> None:
    case = frister.Case(events=[_received(_at(2024, 5, 6))], facts={"aktiv_indsats": True})
    with pytest.raises(frister.FactError):
        CATALOG.evaluate(case, as_of=date(2024, 6, 30))


# =====================================================================================
# undersoegelse.afslutning: 4 måneder from awareness (SEL § 50 stk. 7 1. pkt.;
# BL § 20 stk. 3 1. pkt.); not for an unborn child
# =====================================================================================

AFSLUTNING = "undersoegelse.afslutning"
BL_AFSLUTNING = "barnets-lov.boernefaglig-undersoegelse.afslutning-4m"
SEL_AFSLUTNING = "serviceloven.boernefaglig-undersoegelse.afslutning-4m"


def test_afslutning_lands_on_2_paaskedag_2024() -> None:
    # Fri 1 Dec 2023 + 4 måneder = Mon 1 Apr 2024, 2. påskedag: kept and flagged; the
    # practical day is the previous working day: 31 Mar påskedag, 30 Sat, 29 langfredag,
    # 28 skærtorsdag -> Wed 27 Mar 2024. Due in 2024: BL § 20 stk. 3 governs (§ 213).
    dl = CATALOG.due(AFSLUTNING, date(2023, 12, 1), {})
    assert dl.due == date(2024, 4, 1)
    assert dl.practical_due == date(2024, 3, 27)
    assert dl.on_closed_day
    assert dl.version.id == BL_AFSLUTNING
    assert str(dl.version.citation) == f"{BL} § 20, stk. 3, 1. pkt."
    text = dl.explain("da")
    _transition_to(text, BL_AFSLUTNING)
    assert "Barnets lov § 20, stk. 3, 1. pkt." in text


def test_afslutning_store_bededag_2023_versus_2024() -> None:
    # Thu 5 Jan 2023 + 4 måneder = Fri 5 May 2023, store bededag 2023: flagged, practical
    # Thu 4 May 2023 (SEL § 50 stk. 7).
    dl = CATALOG.due(AFSLUTNING, date(2023, 1, 5), {})
    assert dl.due == date(2023, 5, 5)
    assert dl.practical_due == date(2023, 5, 4)
    assert dl.on_closed_day
    assert dl.version.id == SEL_AFSLUTNING
    assert str(dl.version.citation) == f"{SEL} § 50, stk. 7, 1. pkt."
    # Tue 26 Dec 2023 + 4 måneder = Fri 26 Apr 2024, the former store bededag: a working
    # day from 2024, so not flagged; under BL (due in 2024).
    dl = CATALOG.due(AFSLUTNING, date(2023, 12, 26), {})
    assert dl.due == date(2024, 4, 26)
    assert dl.practical_due == date(2024, 4, 26)
    assert not dl.on_closed_day
    assert dl.version.id == BL_AFSLUTNING


def test_afslutning_kristi_himmelfart_and_juledag() -> None:
    # Wed 29 Jan 2025 + 4 måneder = Thu 29 May 2025, Kristi himmelfart -> practical Wed 28 May.
    dl = CATALOG.due(AFSLUTNING, date(2025, 1, 29), {})
    assert (dl.due, dl.practical_due) == (date(2025, 5, 29), date(2025, 5, 28))
    # Sun 25 Aug 2024 + 4 måneder = Wed 25 Dec 2024, juledag -> practical Tue 24 Dec 2024
    # (juleaftensdag is a working day for an authority).
    dl = CATALOG.due(AFSLUTNING, date(2024, 8, 25), {})
    assert (dl.due, dl.practical_due) == (date(2024, 12, 25), date(2024, 12, 24))


def test_afslutning_month_end_across_new_year() -> None:
    # Tue 31 Oct 2023 + 4 måneder: 31 Feb does not exist -> the month's last day, Thu 29
    # Feb 2024 (leap year). Due in 2024 -> BL § 20 stk. 3 (§ 213).
    dl = CATALOG.due(AFSLUTNING, date(2023, 10, 31), {})
    assert dl.due == date(2024, 2, 29)
    assert dl.version.id == BL_AFSLUTNING
    _transition_to(dl.explain("en"), BL_AFSLUTNING)
    # Mon 31 Oct 2022 + 4 måneder -> Tue 28 Feb 2023 (not a leap year), SEL throughout.
    dl = CATALOG.due(AFSLUTNING, date(2022, 10, 31), {})
    assert dl.due == date(2023, 2, 28)
    assert dl.version.id == SEL_AFSLUTNING
    assert "§ 213" not in dl.explain("da")


def test_afslutning_on_the_last_day_of_serviceloven() -> None:
    # Thu 31 Aug 2023 + 4 måneder = Sun 31 Dec 2023: SEL's last day, so SEL still governs;
    # a Sunday -> practical Fri 29 Dec 2023.
    dl = CATALOG.due(AFSLUTNING, date(2023, 8, 31), {})
    assert (dl.due, dl.practical_due) == (date(2023, 12, 31), date(2023, 12, 29))
    assert dl.version.id == SEL_AFSLUTNING
    # Fri 1 Sep 2023 + 4 måneder = Mon 1 Jan 2024, nytårsdag: BL; practical: 31 Dec Sun,
    # 30 Sat -> Fri 29 Dec 2023.
    dl = CATALOG.due(AFSLUTNING, date(2023, 9, 1), {})
    assert (dl.due, dl.practical_due) == (date(2024, 1, 1), date(2023, 12, 29))
    assert dl.version.id == BL_AFSLUTNING


def test_afslutning_not_for_an_unborn_child() -> None:
    unborn_not_given: list[dict[str, Any]] = [{}, {"ufoedt": False}]
    for facts in unborn_not_given:
        ob = _one(_evaluate(date(2024, 3, 1), _aware(date(2024, 2, 16), **facts)), AFSLUTNING)
        # Fri 16 Feb 2024 + 4 måneder = Sun 16 Jun 2024 -> practical Fri 14 Jun 2024.
        assert (ob.due, ob.practical_due) == (date(2024, 6, 16), date(2024, 6, 14))
        assert ob.on_closed_day
    obs = _evaluate(date(2024, 3, 1), _aware(date(2024, 2, 16), ufoedt=True))
    assert _of(obs, AFSLUTNING) == []
    with pytest.raises(frister.InputError):
        CATALOG.due(AFSLUTNING, date(2024, 2, 16), {"ufoedt": True})


def test_afslutning_statuses() -> None:
    # Mon 16 Oct 2023 + 4 måneder = Fri 16 Feb 2024 (BL).
    aware = _aware(date(2023, 10, 16))
    ob = _one(_evaluate(date(2024, 2, 16), aware), AFSLUTNING)
    assert ob.due == date(2024, 2, 16)
    assert ob.status is frister.Status.PENDING
    assert ob.version.id == BL_AFSLUTNING

    ob = _one(_evaluate(date(2024, 2, 17), aware), AFSLUTNING)
    assert ob.status is frister.Status.OVERDUE
    assert "Barnets lov § 20, stk. 3, 1. pkt." in ob.explain("da")
    assert "overskredet" in ob.explain("da")

    done = _ev("undersoegelse.afsluttet", date(2024, 2, 16), undersoegelse_id="B1")
    ob = _one(_evaluate(date(2024, 6, 1), aware, done), AFSLUTNING)
    assert ob.status is frister.Status.MET
    assert ob.fulfilled_by == done

    late = _ev("undersoegelse.afsluttet", date(2024, 2, 19), undersoegelse_id="B1")
    ob = _one(_evaluate(date(2024, 6, 1), aware, late), AFSLUTNING)
    assert ob.status is frister.Status.MET_LATE
    assert "opfyldt for sent" in ob.explain("da")

    other = _ev("undersoegelse.afsluttet", date(2024, 1, 5), undersoegelse_id="B2")
    ob = _one(_evaluate(date(2024, 6, 1), aware, other), AFSLUTNING)
    assert ob.status is frister.Status.OVERDUE


# =====================================================================================
# undersoegelse.foreloebig-vurdering: arises when undersoegelse.afslutning is missed
# (overdue or met late); due on the missed date (SEL § 50 stk. 7 2. pkt.; BL § 20 stk. 3
# 2. pkt.)
# =====================================================================================

FORELOEBIG = "undersoegelse.foreloebig-vurdering"
BL_FORELOEBIG = "barnets-lov.boernefaglig-undersoegelse.foreloebig-vurdering"
SEL_FORELOEBIG = "serviceloven.boernefaglig-undersoegelse.foreloebig-vurdering"


def _vurdering(at: date, uid: str = "B1") -> frister.Event:
    return _ev("undersoegelse.foreloebig-vurdering", at, undersoegelse_id=uid)


def test_foreloebig_does_not_arise_while_the_investigation_is_on_time() -> None:
    # Wed 29 Jan 2025 + 4 måneder = Thu 29 May 2025 (Kristi himmelfart).
    aware = _aware(date(2025, 1, 29))
    assert _of(_evaluate(date(2025, 5, 29), aware), FORELOEBIG) == []  # still pending
    done = _ev("undersoegelse.afsluttet", date(2025, 5, 28), undersoegelse_id="B1")
    assert _of(_evaluate(date(2025, 9, 1), aware, done), FORELOEBIG) == []  # met


def test_foreloebig_arises_on_kristi_himmelfart_2025() -> None:
    # Wed 29 Jan 2025 + 4 måneder = Thu 29 May 2025, Kristi himmelfart: the foreløbig
    # vurdering is due then too, flagged, practical Wed 28 May 2025.
    aware = _aware(date(2025, 1, 29))
    ob = _one(_evaluate(date(2025, 5, 30), aware), FORELOEBIG)
    assert ob.due == date(2025, 5, 29)
    assert ob.practical_due == date(2025, 5, 28)
    assert ob.on_closed_day
    assert ob.status is frister.Status.OVERDUE
    assert ob.version.id == BL_FORELOEBIG
    assert str(ob.version.citation) == f"{BL} § 20, stk. 3, 2. pkt."
    text = ob.explain("da")
    assert "Barnets lov § 20, stk. 3, 2. pkt." in text
    assert "Opstår, fordi undersoegelse.afslutning ikke var opfyldt ved fristen" in text
    assert "Arises because undersoegelse.afslutning was not fulfilled" in ob.explain("en")
    dl = CATALOG.due(FORELOEBIG, date(2025, 1, 29), {})
    assert (dl.due, dl.practical_due) == (date(2025, 5, 29), date(2025, 5, 28))
    assert dl.version.id == BL_FORELOEBIG


def test_foreloebig_due_explanation_names_its_own_citation() -> None:
    # catalog.due for the foreløbig vurdering (Wed 29 Jan 2025 -> Thu 29 May 2025) must name
    # the rule it computes, BL § 20 stk. 3 2. pkt., not only its parent's 1. pkt.
    dl = CATALOG.due(FORELOEBIG, date(2025, 1, 29), {})
    for lang in LANGS:
        assert "Barnets lov § 20, stk. 3, 2. pkt." in dl.explain(lang)


def test_foreloebig_month_end() -> None:
    # Fri 31 May 2024 + 4 måneder: 31 Sep does not exist -> Mon 30 Sep 2024.
    ob = _one(_evaluate(date(2024, 10, 1), _aware(date(2024, 5, 31))), FORELOEBIG)
    assert ob.due == date(2024, 9, 30)
    assert ob.status is frister.Status.OVERDUE


def test_foreloebig_statuses() -> None:
    # Mon 16 Oct 2023 + 4 måneder = Fri 16 Feb 2024.
    aware = _aware(date(2023, 10, 16))
    prelim = _vurdering(date(2024, 2, 15))
    ob = _one(_evaluate(date(2024, 3, 1), aware, prelim), FORELOEBIG)
    assert ob.status is frister.Status.MET
    assert ob.fulfilled_by == prelim
    assert ob.due == date(2024, 2, 16)

    late = _vurdering(date(2024, 2, 20))
    ob = _one(_evaluate(date(2024, 3, 1), aware, late), FORELOEBIG)
    assert ob.status is frister.Status.MET_LATE

    other = _vurdering(date(2024, 2, 15), "B2")
    ob = _one(_evaluate(date(2024, 3, 1), aware, other), FORELOEBIG)
    assert ob.status is frister.Status.OVERDUE

    # The investigation completed late (Mon 19 Feb) without a foreløbig vurdering:
    # the parent is met late, so the foreløbig vurdering arose and was missed.
    done_late = _ev("undersoegelse.afsluttet", date(2024, 2, 19), undersoegelse_id="B1")
    obs = _evaluate(date(2024, 3, 1), aware, done_late)
    assert _one(obs, AFSLUTNING).status is frister.Status.MET_LATE
    assert _one(obs, FORELOEBIG).status is frister.Status.OVERDUE
    obs = _evaluate(date(2024, 3, 1), aware, prelim, done_late)
    assert _one(obs, FORELOEBIG).status is frister.Status.MET


def test_foreloebig_inside_2023_is_serviceloven() -> None:
    # Thu 15 Jun 2023 + 4 måneder = Sun 15 Oct 2023 -> practical
    # Fri 13 Oct 2023; SEL § 50 stk. 7 2. pkt.
    ob = _one(_evaluate(date(2023, 11, 1), _aware(date(2023, 6, 15))), FORELOEBIG)
    assert (ob.due, ob.practical_due) == (date(2023, 10, 15), date(2023, 10, 13))
    assert ob.version.id == SEL_FORELOEBIG
    assert str(ob.version.citation) == f"{SEL} § 50, stk. 7, 2. pkt."


def test_foreloebig_across_new_year_is_governed_by_barnets_lov() -> None:
    # Tue 31 Oct 2023 + 4 måneder = Thu 29 Feb 2024 (month end, leap year). The missed
    # deadline falls in 2024, so the duty to prepare the foreløbig vurdering arises under
    # Barnets lov: BL § 20 stk. 3 2. pkt. governs (§ 213 stk. 1), as for its parent.
    aware = _aware(date(2023, 10, 31))
    ob = _one(_evaluate(date(2024, 3, 5), aware), FORELOEBIG)
    assert ob.due == date(2024, 2, 29)
    assert ob.status is frister.Status.OVERDUE
    assert _one(_evaluate(date(2024, 3, 5), aware), AFSLUTNING).version.id == BL_AFSLUTNING
    assert ob.version.id == BL_FORELOEBIG
    assert "Barnets lov § 20, stk. 3, 2. pkt." in ob.explain("da")
    assert "§ 213" in ob.explain("da")


def test_foreloebig_due_across_new_year_is_governed_by_barnets_lov() -> None:
    # The same through catalog.due: due Thu 29 Feb 2024, governed by BL § 20 stk. 3 2. pkt.
    dl = CATALOG.due(FORELOEBIG, date(2023, 10, 31), {})
    assert dl.due == date(2024, 2, 29)
    assert dl.version.id == BL_FORELOEBIG


def test_foreloebig_not_for_expectant_parents() -> None:
    # § 26 stk. 3 2. pkt. is not modelled as its own obligation; the kommende-forældre
    # rule says so in a question, and no foreløbig vurdering arises from it.
    aware = _aware(date(2024, 1, 20), ufoedt=True)
    obs = _evaluate(date(2024, 9, 1), aware)
    ob = _one(obs, "undersoegelse.kommende-foraeldre")
    assert ob.status is frister.Status.OVERDUE
    assert _of(obs, FORELOEBIG) == []
    assert any("§ 26, stk. 3, 2. pkt." in q.text("da") for q in ob.questions)


# =====================================================================================
# undersoegelse.kommende-foraeldre: 4 måneder (SEL § 50 stk. 9; BL § 26 stk. 3 1. pkt.)
# =====================================================================================

KOMMENDE = "undersoegelse.kommende-foraeldre"
BL_KOMMENDE = "barnets-lov.kommende-foraeldre.undersoegelse-4m"
SEL_KOMMENDE = "serviceloven.kommende-foraeldre.undersoegelse-4m"


def test_kommende_foraeldre_2_pinsedag_2024() -> None:
    # Sat 20 Jan 2024 + 4 måneder = Mon 20 May 2024, 2. pinsedag: flagged; 19 May pinsedag,
    # 18 Sat -> practical Fri 17 May 2024.
    dl = CATALOG.due(KOMMENDE, date(2024, 1, 20), {"ufoedt": True})
    assert (dl.due, dl.practical_due) == (date(2024, 5, 20), date(2024, 5, 17))
    assert dl.on_closed_day
    assert dl.version.id == BL_KOMMENDE
    assert str(dl.version.citation) == f"{BL} § 26, stk. 3, 1. pkt."
    assert "Barnets lov § 26, stk. 3, 1. pkt." in dl.explain("da")


def test_kommende_foraeldre_across_new_year() -> None:
    # Wed 15 Nov 2023 (SEL § 50 stk. 9) + 4 måneder = Fri 15 Mar 2024 -> BL § 26 stk. 3.
    dl = CATALOG.due(KOMMENDE, date(2023, 11, 15), {"ufoedt": True})
    assert dl.due == date(2024, 3, 15)
    assert dl.version.id == BL_KOMMENDE
    _transition_to(dl.explain("da"), BL_KOMMENDE)
    assert "Barnets lov § 26, stk. 3, 1. pkt." in dl.explain("en")
    # Thu 30 Nov 2023 + 4 måneder = Sat 30 Mar 2024 (Easter Saturday): 29 langfredag,
    # 28 skærtorsdag -> practical Wed 27 Mar 2024.
    dl = CATALOG.due(KOMMENDE, date(2023, 11, 30), {"ufoedt": True})
    assert (dl.due, dl.practical_due) == (date(2024, 3, 30), date(2024, 3, 27))
    assert dl.version.id == BL_KOMMENDE


def test_kommende_foraeldre_leap_day_and_serviceloven() -> None:
    # Thu 29 Feb 2024 + 4 måneder = Sat 29 Jun 2024 -> practical Fri 28 Jun 2024.
    dl = CATALOG.due(KOMMENDE, date(2024, 2, 29), {"ufoedt": True})
    assert (dl.due, dl.practical_due) == (date(2024, 6, 29), date(2024, 6, 28))
    # Fri 10 Mar 2023 + 4 måneder = Mon 10 Jul 2023, SEL § 50 stk. 9.
    dl = CATALOG.due(KOMMENDE, date(2023, 3, 10), {"ufoedt": True})
    assert dl.due == date(2023, 7, 10)
    assert dl.version.id == SEL_KOMMENDE
    assert str(dl.version.citation) == f"{SEL} § 50, stk. 9"


def test_kommende_foraeldre_only_for_an_unborn_child() -> None:
    obs = _evaluate(date(2024, 2, 1), _aware(date(2024, 1, 20), ufoedt=True))
    assert len(_of(obs, KOMMENDE)) == 1
    assert _of(obs, AFSLUTNING) == []
    unborn_not_given: list[dict[str, Any]] = [{}, {"ufoedt": False}]
    for facts in unborn_not_given:
        obs = _evaluate(date(2024, 2, 1), _aware(date(2024, 1, 20), **facts))
        assert _of(obs, KOMMENDE) == []
        assert len(_of(obs, AFSLUTNING)) == 1
    with pytest.raises(frister.InputError):
        CATALOG.due(KOMMENDE, date(2024, 1, 20), {"ufoedt": False})


def test_kommende_foraeldre_statuses() -> None:
    # Sat 20 Jan 2024 -> Mon 20 May 2024.
    aware = _aware(date(2024, 1, 20), ufoedt=True)
    assert _one(_evaluate(date(2024, 5, 20), aware), KOMMENDE).status is frister.Status.PENDING
    ob = _one(_evaluate(date(2024, 5, 21), aware), KOMMENDE)
    assert ob.status is frister.Status.OVERDUE
    assert "Status pr. tir. 21. maj 2024: overskredet" in ob.explain("da")
    done = _ev("undersoegelse.afsluttet", date(2024, 5, 17), undersoegelse_id="B1")
    ob = _one(_evaluate(date(2024, 6, 1), aware, done), KOMMENDE)
    assert ob.status is frister.Status.MET
    assert ob.fulfilled_by == done
    late = _ev("undersoegelse.afsluttet", date(2024, 5, 21), undersoegelse_id="B1")
    assert _one(_evaluate(date(2024, 6, 1), aware, late), KOMMENDE).status is (
        frister.Status.MET_LATE
    )
    other = _ev("undersoegelse.afsluttet", date(2024, 5, 17), undersoegelse_id="B2")
    assert _one(_evaluate(date(2024, 6, 1), aware, other), KOMMENDE).status is (
        frister.Status.OVERDUE
    )


# =====================================================================================
# undersoegelse.uden-samtykke: 2 måneder from the committee's decision (SEL § 51 stk. 1;
# BL § 23 stk. 1)
# =====================================================================================

UDEN = "undersoegelse.uden-samtykke"
BL_UDEN = "barnets-lov.undersoegelse-uden-samtykke.ophold-2m"
SEL_UDEN = "serviceloven.undersoegelse-uden-samtykke.ophold-2m"


def test_uden_samtykke_christmas() -> None:
    # Thu 24 Oct 2024 + 2 måneder = Tue 24 Dec 2024: juleaftensdag is a working day for
    # an authority, so not flagged.
    dl = CATALOG.due(UDEN, date(2024, 10, 24), {"type": "undersoegelse-uden-samtykke"})
    assert (dl.due, dl.practical_due) == (date(2024, 12, 24), date(2024, 12, 24))
    assert not dl.on_closed_day
    assert dl.version.id == BL_UDEN
    assert str(dl.version.citation) == f"{BL} § 23, stk. 1"
    assert "Barnets lov § 23, stk. 1" in dl.explain("da")
    # Fri 25 Oct 2024 + 2 måneder = Wed 25 Dec 2024, juledag -> practical Tue 24 Dec.
    dl = CATALOG.due(UDEN, date(2024, 10, 25), {"type": "undersoegelse-uden-samtykke"})
    assert (dl.due, dl.practical_due) == (date(2024, 12, 25), date(2024, 12, 24))
    assert dl.on_closed_day


def test_uden_samtykke_easter_and_store_bededag() -> None:
    # Mon 29 Jan 2024 + 2 måneder = Fri 29 Mar 2024, langfredag; 28 Mar skærtorsdag ->
    # practical Wed 27 Mar 2024.
    dl = CATALOG.due(UDEN, date(2024, 1, 29), {"type": "undersoegelse-uden-samtykke"})
    assert (dl.due, dl.practical_due) == (date(2024, 3, 29), date(2024, 3, 27))
    # Sun 5 Mar 2023 + 2 måneder = Fri 5 May 2023, store bededag -> practical Thu 4 May 2023.
    dl = CATALOG.due(UDEN, date(2023, 3, 5), {"type": "undersoegelse-uden-samtykke"})
    assert (dl.due, dl.practical_due) == (date(2023, 5, 5), date(2023, 5, 4))
    assert dl.version.id == SEL_UDEN
    assert str(dl.version.citation) == f"{SEL} § 51, stk. 1"
    # Mon 26 Feb 2024 + 2 måneder = Fri 26 Apr 2024: a working day from 2024.
    dl = CATALOG.due(UDEN, date(2024, 2, 26), {"type": "undersoegelse-uden-samtykke"})
    assert (dl.due, dl.practical_due) == (date(2024, 4, 26), date(2024, 4, 26))


def test_uden_samtykke_across_new_year_and_leap_day() -> None:
    # Sun 31 Dec 2023 (SEL § 51's last day) + 2 måneder: 31 Feb does not exist -> Thu 29
    # Feb 2024. Due in 2024 -> BL § 23 stk. 1 (§ 213).
    dl = CATALOG.due(UDEN, date(2023, 12, 31), {"type": "undersoegelse-uden-samtykke"})
    assert dl.due == date(2024, 2, 29)
    assert dl.version.id == BL_UDEN
    _transition_to(dl.explain("da"), BL_UDEN)
    assert "Barnets lov § 23, stk. 1" in dl.explain("da")
    # Tue 31 Oct 2023 + 2 måneder = Sun 31 Dec 2023: SEL's last day -> SEL; practical Fri 29 Dec.
    dl = CATALOG.due(UDEN, date(2023, 10, 31), {"type": "undersoegelse-uden-samtykke"})
    assert (dl.due, dl.practical_due) == (date(2023, 12, 31), date(2023, 12, 29))
    assert dl.version.id == SEL_UDEN


def test_uden_samtykke_only_for_that_decision_type() -> None:
    obs = _evaluate(date(2024, 3, 1), _committee(date(2024, 1, 29)))
    assert len(_of(obs, UDEN)) == 1
    obs = _evaluate(date(2024, 3, 1), _committee(date(2024, 1, 29), "anbringelse-uden-samtykke"))
    assert _of(obs, UDEN) == []
    no_type = _ev("udvalg.afgoerelse", date(2024, 1, 29), afgoerelse_id="UA1")
    assert _of(_evaluate(date(2024, 3, 1), no_type), UDEN) == []
    # A decision by the administration (afgoerelse.truffet) is not the committee's: its
    # types are closed to the administration's decisions, so the committee's type is refused.
    admin = _decision(date(2024, 1, 29), type="undersoegelse-uden-samtykke")
    with pytest.raises(frister.FactError, match=r"events\[0\]\.facts\.type='undersoegelse-uden"):
        _evaluate(date(2024, 3, 1), admin)
    with pytest.raises(frister.InputError):
        CATALOG.due(UDEN, date(2024, 1, 29), {"type": "anbringelse-uden-samtykke"})


def test_uden_samtykke_statuses() -> None:
    # Mon 29 Jan 2024 -> Fri 29 Mar 2024 (langfredag; practical Wed 27 Mar).
    decided = _committee(date(2024, 1, 29))
    ob = _one(_evaluate(date(2024, 3, 29), decided), UDEN)
    assert ob.status is frister.Status.PENDING
    assert ob.on_closed_day
    ob = _one(_evaluate(date(2024, 3, 30), decided), UDEN)
    assert ob.status is frister.Status.OVERDUE
    assert "Barnets lov § 23, stk. 1" in ob.explain("da")
    done = _ev("undersoegelse.afsluttet", date(2024, 3, 27), undersoegelse_id="B1")
    ob = _one(_evaluate(date(2024, 5, 1), decided, done), UDEN)
    assert ob.status is frister.Status.MET
    assert ob.fulfilled_by == done
    late = _ev("undersoegelse.afsluttet", date(2024, 4, 2), undersoegelse_id="B1")
    assert _one(_evaluate(date(2024, 5, 1), decided, late), UDEN).status is frister.Status.MET_LATE
    # Completed before the committee decided: not this investigation's completion.
    early = _ev("undersoegelse.afsluttet", date(2024, 1, 26), undersoegelse_id="B0")
    ob = _one(_evaluate(date(2024, 5, 1), early, decided), UDEN)
    assert ob.status is frister.Status.OVERDUE


# =====================================================================================
# boernesamtale.foer-afgoerelse (P): SEL § 48 only for the listed hjemmel before 2024;
# BL § 5 stk. 3 og 4 for every decision; exempted by boernesamtale.undladt
# =====================================================================================

SAMTALE = "boernesamtale.foer-afgoerelse"
BL_SAMTALE = "barnets-lov.boernesamtale.foer-beslutning"
SEL_SAMTALE = "serviceloven.boernesamtale.foer-afgoerelse"


def _talk(at: date | datetime, aid: str = "A1") -> frister.Event:
    return _ev("boernesamtale.afholdt", at, afgoerelse_id=aid)


def _omitted(at: date, aid: str = "A1") -> frister.Event:
    return _ev("boernesamtale.undladt", at, afgoerelse_id=aid, begrundelse="barnets alder")


def test_samtale_serviceloven_listed_decision_met() -> None:
    # Talk Fri 22 Dec 2023, decision under SEL § 52 Wed 27 Dec 2023 (between the Christmas
    # days): the precondition is met, under SEL § 48.
    decided = _decision(date(2023, 12, 27), hjemmel="SEL § 52")
    talk = _talk(date(2023, 12, 22))
    ob = _one(_evaluate(date(2024, 1, 31), talk, decided), SAMTALE)
    assert ob.status is frister.Status.MET
    assert ob.fulfilled_by == talk
    assert ob.due == date(2023, 12, 27)
    assert ob.practical_due == date(2023, 12, 27)
    assert ob.version.id == SEL_SAMTALE
    assert str(ob.version.citation) == f"{SEL} § 48, stk. 1"
    text = ob.explain("da")
    assert "§ 48, stk. 1" in text
    assert "Skal være opfyldt før afgoerelse.truffet" in text
    assert "opfyldt" in text


def test_samtale_serviceloven_only_for_the_listed_hjemmel() -> None:
    for hjemmel in ("SEL § 52", "SEL § 58", "SEL § 65, stk. 2", "SEL § 68", "SEL § 75"):
        obs = _evaluate(date(2023, 6, 30), _decision(date(2023, 6, 1), hjemmel=hjemmel))
        assert len(_of(obs, SAMTALE)) == 1, hjemmel
    for facts in ({"hjemmel": "SEL § 41"}, {"hjemmel": "SEL § 65, stk. 1"}, {}):
        obs = _evaluate(date(2023, 6, 30), _decision(date(2023, 6, 1), **facts))
        assert _of(obs, SAMTALE) == [], facts


def test_samtale_barnets_lov_every_decision() -> None:
    # From Mon 1 Jan 2024 every decision needs the talk, whatever its hjemmel.
    for facts in (
        {},
        {"hjemmel": "BL § 32"},
        {"hjemmel": "SEL § 41"},
        {"type": "handicap-merudgifter"},
    ):
        obs = _evaluate(date(2024, 1, 31), _decision(date(2024, 1, 2), **facts))
        ob = _one(obs, SAMTALE)
        assert ob.version.id == BL_SAMTALE
        assert ob.status is frister.Status.OVERDUE
    ob = _one(_evaluate(date(2024, 1, 31), _decision(date(2024, 1, 2))), SAMTALE)
    assert str(ob.version.citation) == f"{BL} § 5, stk. 3 og 4"
    assert "Barnets lov § 5, stk. 3 og 4" in ob.explain("da")
    assert "overskredet" in ob.explain("da")
    assert "overdue" in ob.explain("en")


def test_samtale_across_new_year() -> None:
    # Talk Fri 29 Dec 2023, decision Tue 2 Jan 2024: the decision is under Barnets lov,
    # and the talk held in 2023 fulfils the precondition.
    talk = _talk(date(2023, 12, 29))
    ob = _one(_evaluate(date(2024, 1, 31), talk, _decision(date(2024, 1, 2))), SAMTALE)
    assert ob.version.id == BL_SAMTALE
    assert ob.status is frister.Status.MET
    # A SEL-listed decision on Sun 31 Dec 2023 is still SEL § 48.
    decided = _decision(date(2023, 12, 31), hjemmel="SEL § 52")
    ob = _one(_evaluate(date(2024, 1, 31), decided), SAMTALE)
    assert ob.version.id == SEL_SAMTALE
    assert ob.status is frister.Status.OVERDUE


def test_samtale_exempted() -> None:
    decided = _decision(date(2024, 3, 28), hjemmel="BL § 32")  # skærtorsdag 2024
    omitted = _omitted(date(2024, 3, 27))
    ob = _one(_evaluate(date(2024, 4, 30), omitted, decided), SAMTALE)
    assert ob.status is frister.Status.MET
    assert ob.fulfilled_by == omitted
    assert ob.due == date(2024, 3, 28)
    assert not ob.on_closed_day  # the decision itself is the limit; nothing to move
    assert "Undtaget: boernesamtale.undladt" in ob.explain("da")
    assert "Exempted: boernesamtale.undladt" in ob.explain("en")
    # The same under SEL § 48 stk. 2.
    decided = _decision(date(2023, 5, 4), hjemmel="SEL § 52")
    ob = _one(_evaluate(date(2023, 6, 1), _omitted(date(2023, 5, 3)), decided), SAMTALE)
    assert ob.status is frister.Status.MET
    assert ob.version.id == SEL_SAMTALE


def test_samtale_breached() -> None:
    decided = _decision(date(2024, 5, 8), hjemmel="BL § 32")
    # No talk at all.
    assert _one(_evaluate(date(2024, 5, 8), decided), SAMTALE).status is frister.Status.OVERDUE
    # A talk only after the decision does not meet a precondition.
    after = _talk(date(2024, 5, 10))
    ob = _one(_evaluate(date(2024, 6, 1), decided, after), SAMTALE)
    assert ob.status is frister.Status.OVERDUE
    assert ob.fulfilled_by is None
    # A talk about another decision does not count; an exemption after it does not either.
    other = _talk(date(2024, 5, 2), "A2")
    late_omit = _omitted(date(2024, 5, 9))
    ob = _one(_evaluate(date(2024, 6, 1), other, decided, late_omit), SAMTALE)
    assert ob.status is frister.Status.OVERDUE


def test_samtale_same_day_ordering() -> None:
    # Date-only events on the decision's day count as before it.
    ob = _one(
        _evaluate(date(2024, 6, 1), _decision(date(2024, 5, 8)), _talk(date(2024, 5, 8))),
        SAMTALE,
    )
    assert ob.status is frister.Status.MET
    # With times: talk 10:00, decision 09:00 the same day -> after, so breached.
    ob = _one(
        _evaluate(date(2024, 6, 1), _decision(_at(2024, 5, 8, 9)), _talk(_at(2024, 5, 8, 10))),
        SAMTALE,
    )
    assert ob.status is frister.Status.OVERDUE
    # Across the spring DST change: talk Sun 31 Mar 2024 01:30 CET, decision 03:30 CEST
    # the same night (one real hour later) -> met.
    ob = _one(
        _evaluate(
            date(2024, 4, 30), _talk(_at(2024, 3, 31, 1, 30)), _decision(_at(2024, 3, 31, 3, 30))
        ),
        SAMTALE,
    )
    assert ob.status is frister.Status.MET


def test_samtale_has_no_due_date_of_its_own() -> None:
    with pytest.raises(frister.NoDeadlineError):
        CATALOG.due(SAMTALE, date(2024, 1, 2), {})
