"""Outputs that mean what they say (issue 9, legal review of the catalog's outputs)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import frister
from frister.deadlines import Direction, Roll, birthday, compute_deadline

CATALOG = frister.default_catalog()
VARSEL = "handicap.tabt-arbejdsfortjeneste.varsel"
TABT = {"type": "handicap-tabt-arbejdsfortjeneste"}


# -- the 14-week notice is a minimum ---------------------------------------------------


def test_a_notice_on_a_closed_day_shows_no_earlier_practical_day() -> None:
    # Received Sun 3 Mar 2024 + 14 uger: Sun 9 Jun 2024 (same weekday), a closed day.
    dl = CATALOG.due(VARSEL, date(2024, 3, 3), TABT)
    assert dl.due == date(2024, 6, 9)
    assert dl.practical_due == date(2024, 6, 9)  # never Fri 7 Jun
    assert not dl.on_closed_day
    for lang in ("da", "en"):
        text = dl.explain(lang)
        assert "7. jun." not in text and "7 Jun" not in text
    assert "et varsel er et minimum" in dl.explain("da")
    assert "the earliest effective day is Sun 9 Jun 2024 or later" in dl.explain("en")
    case = frister.Case(
        [frister.Event("afgoerelse.modtaget", date(2024, 3, 3), {"afgoerelse_id": "A", **TABT})]
    )
    (ob,) = [o for o in CATALOG.evaluate(case, date(2024, 6, 7)) if o.rule_id == VARSEL]
    assert (ob.due, ob.practical_due) == (date(2024, 6, 9), date(2024, 6, 9))
    assert ob.status is frister.Status.PENDING  # Fri 7 Jun: the notice has not run out
    assert not ob.on_closed_day


# -- the month-end convention is an analogy, open (research B.3, D.7) ------------------


def test_a_clipped_month_is_marked_as_an_open_analogy() -> None:
    # Thu 31 Oct 2024 + 4 måneder: no 31 Feb, so Fri 28 Feb 2025.
    dl = compute_deadline(date(2024, 10, 31), "4 måneder", roll=Roll.KEEP)
    assert dl.due == date(2025, 2, 28)
    da = dl.explain("da")
    assert "månedens sidste dag bruges: fre. 28. feb. 2025  [Analogt med forældelsesloven" in da
    assert "Forældelsesloven § 27 stk. 1; verificeret]" not in da
    assert "åbent spørgsmål" in da
    # The count itself is verified (secondary): months are counted as months (JM vejl.).
    assert "+ 4 måneder → fre. 28. feb. 2025  [JM vejl. nr. 9533" in da
    assert "verificeret (sekundær kilde)" in da


# -- a derived receipt shows its steps and its mark ------------------------------------


def test_a_derived_receipt_shows_its_steps_mark_and_open_question() -> None:
    # A letter dated Mon 3 Jun 2024: 6 hverdage (grundlovsdag Wed 5 Jun counted): Tue 11 Jun.
    sent = frister.Event(
        "afgoerelse.meddelt",
        date(2024, 6, 3),
        {"afgoerelse_id": "A", "kanal": "brev", "type": "stoettende-indsats", "instans": "kommune"},
    )
    obs = CATALOG.evaluate(frister.Case([sent]), date(2024, 7, 1))
    (klage,) = [o for o in obs if o.rule_id == "klage.klagefrist"]
    assert klage.trigger.at == date(2024, 6, 11)
    da = klage.explain("da")
    assert "+ 6 hverdage → tir. 11. jun. 2024" in da
    assert "(Ankestyrelsen); verificeret (sekundær kilde)]" in da
    assert "Om grundlovsdag, juleaftensdag og nytårsaftensdag tælles som omdelingsdage" in da
    en = klage.explain("en")
    assert "[awaiting legal review] Whether grundlovsdag" in en


# -- 28 February birthdays (research B.3) ----------------------------------------------


def test_a_29_february_birthday_is_marked_unverified_with_the_research_basis() -> None:
    eighteen = birthday(date(2008, 2, 29), 18)
    assert eighteen.due == date(2026, 2, 28)
    assert [c.id for c in eighteen.conventions] == ["ages-29-february"]
    da = eighteen.explain("da")
    assert "UVERIFICERET" in da
    assert "1. marts" in da
    assert "Almindelig forståelse" not in da
    # Other birthdays keep the plain convention, with no 29 February remark.
    assert [c.id for c in birthday(date(2008, 3, 1), 18).conventions] == ["ages"]
    before = compute_deadline(eighteen, "6 måneder", roll=Roll.KEEP, direction=Direction.BEFORE)
    assert before.due == date(2025, 8, 28)


# -- the in-force clamp is an assumption, flagged, and steps agree with the due --------

_PACK = """
[pack]
key = "test"
name = "Testkommune"
text = "Interne frister"

[obligation."test.svar"]
shape = "D"
stage = "underretning"
da = "Svar"
en = "Reply"

[[version]]
id = "test.svar.gammel"
obligation = "test.svar"
citation = { paragraph = "Standard 1" }
wording = "Svar inden 10 dage."
mark = "verified"
valid_to = 2023-12-31
trigger = "underretning.modtaget"
deadline = "10 dage"
roll = "keep"
fulfilled_by = ["underretning.kvitteret"]

[[version]]
id = "test.svar.ny"
obligation = "test.svar"
citation = { paragraph = "Standard 2" }
wording = "Svar inden 2 dage."
mark = "verified"
valid_from = 2024-01-01
trigger = "underretning.modtaget"
deadline = "2 dage"
roll = "keep"
fulfilled_by = ["underretning.kvitteret"]
"""


def test_a_successor_date_before_its_entry_into_force_is_an_assumption_flagged(
    tmp_path: Path,
) -> None:
    path = tmp_path / "test.toml"
    path.write_text(_PACK, encoding="utf-8")
    catalog = CATALOG.with_rules(path)
    # Thu 28 Dec 2023 + 10 dage = Sun 7 Jan 2024, after the old version; the new one's
    # 2 dage give Sat 30 Dec 2023, before it existed: assumed Mon 1 Jan 2024 (nytårsdag).
    case = frister.Case([frister.Event("underretning.modtaget", date(2023, 12, 28))])
    (ob,) = [o for o in catalog.evaluate(case, date(2024, 1, 15)) if o.rule_id == "test.svar"]
    assert ob.version.id == "test.svar.ny"
    assert ob.due == date(2024, 1, 1)
    assert ob.on_closed_day
    assert ob.practical_due == date(2023, 12, 29)  # flagged: the previous working day
    assert ob.deadline is not None and ob.deadline.due == ob.due  # the steps agree
    da = ob.explain("da")
    assert "ville fristen være lør. 30. dec. 2023" in da
    assert "[afventer juridisk kilde]" in da and "antagelse" in da
    assert "Frist: man. 1. jan. 2024" in da


# -- "next follow-up not set" is a visible result --------------------------------------


def test_a_follow_up_with_no_next_date_shows_as_next_not_set() -> None:
    # A preventive measure begun under Serviceloven Wed 1 Mar 2023; follow-ups Thu 1 Jun and
    # Mon 20 Nov 2023. The next would fall Mon 20 May 2024, under Barnets lov § 95, where
    # the municipality sets the date; none was set.
    events = [
        frister.Event(
            "indsats.iverksat", date(2023, 3, 1), {"indsats_id": "I1", "type": "stoettende-indsats"}
        ),
        frister.Event("opfoelgning.gennemfoert", date(2023, 6, 1), {"indsats_id": "I1"}),
        frister.Event("opfoelgning.gennemfoert", date(2023, 11, 20), {"indsats_id": "I1"}),
    ]
    obs = [
        o
        for o in CATALOG.evaluate(frister.Case(events), date(2024, 9, 1))
        if o.rule_id == "opfoelgning"
    ]
    last = obs[-1]
    assert last.occurrence == 3 and last.due is None
    assert last.next_not_set
    assert last.no_due_reason == "next-not-set"
    assert last.describe_due("da") == "næste opfølgning ikke fastsat"
    assert last.describe_due("en") == "next follow-up not set"
    assert sum(o.next_not_set for o in obs) == 1
    assert not obs[0].next_not_set and obs[0].no_due_reason is None
