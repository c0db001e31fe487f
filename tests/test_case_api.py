"""The case API refuses bad input clearly, composes municipal rules, and is deterministic."""

import json
import os
import pickle
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import frister
from frister.portfolio import CaseRecord, Portfolio, evaluate_portfolio

CATALOG = frister.default_catalog()
CPH = ZoneInfo("Europe/Copenhagen")
SAMPLES = Path(frister.__file__).parent / "data" / "samples"


def test_an_unknown_event_kind_is_refused_naming_it() -> None:
    case = frister.Case([frister.Event("underretning.modtagt", date(2024, 3, 22))])
    with pytest.raises(frister.UnknownEventKindError) as info:
        CATALOG.evaluate(case, date(2024, 4, 1))
    assert info.value.field == "events[0].kind"
    assert "underretning.modtagt" in str(info.value)


def test_a_fact_of_the_wrong_type_is_refused_naming_it() -> None:
    event = frister.Event("bekymring.opmaerksom", date(2024, 3, 22), {"ufoedt": "ja"})
    with pytest.raises(frister.FactError) as info:
        CATALOG.evaluate(frister.Case([event]), date(2024, 4, 1))
    assert info.value.field == "events[0].facts.ufoedt"
    assert "expected a bool fact" in str(info.value)


def test_an_undeclared_fact_and_a_value_outside_its_list_are_refused() -> None:
    typo = frister.Event(
        "underretning.modtaget", datetime(2024, 3, 22, 9, tzinfo=CPH), {"underreter": "borger"}
    )
    with pytest.raises(frister.FactError, match=r"not a fact of underretning\.modtaget"):
        CATALOG.evaluate(frister.Case([typo]), date(2024, 4, 1))
    odd = frister.Event(
        "underretning.modtaget", datetime(2024, 3, 22, 9, tzinfo=CPH), {"underretter": "nabo"}
    )
    with pytest.raises(frister.FactError, match="expected one of fagperson, borger"):
        CATALOG.evaluate(frister.Case([odd]), date(2024, 4, 1))


def test_a_case_fact_that_does_not_exist_is_refused() -> None:
    case = frister.Case([], {"foedselsdag": date(2010, 1, 1)})
    with pytest.raises(frister.FactError, match="not a case fact"):
        CATALOG.evaluate(case, date(2024, 4, 1))


def test_a_naive_datetime_is_refused_when_the_event_is_made() -> None:
    with pytest.raises(frister.NaiveDatetimeError):
        frister.Event("underretning.modtaget", datetime(2024, 3, 22, 16, 5))


def test_an_hour_rule_needs_the_time_of_day() -> None:
    # The 24-hour assessment cannot be computed from a date; it says so, naming the event,
    # and the rest of the case is still evaluated (issue 9).
    case = frister.Case(
        [frister.Event("underretning.modtaget", date(2024, 3, 22), {"underretter": "borger"})]
    )
    obs = {ob.rule_id: ob for ob in CATALOG.evaluate(case, date(2024, 4, 1))}
    vurdering = obs["underretning.vurdering"]
    assert vurdering.due is None
    assert vurdering.needs_time_of_day
    assert vurdering.describe_due("en") == "needs the time of day"
    assert "events[0] has no time of day" in vurdering.explain("en")
    # Fri 22 Mar 2024 + 6 hverdage past Easter: Thu 4 Apr 2024.
    assert obs["underretning.kvittering"].due == date(2024, 4, 4)
    assert not obs["underretning.kvittering"].needs_time_of_day
    with pytest.raises(frister.InputError, match="needs the time of day"):
        CATALOG.due("underretning.vurdering", date(2024, 3, 22))


def test_an_unknown_rule_id_names_the_closest_ids() -> None:
    with pytest.raises(frister.UnknownRuleError) as info:
        CATALOG.get("underretning.kvitering")
    assert "did you mean underretning.kvittering" in str(info.value)
    assert isinstance(info.value, KeyError)


def test_several_notifications_each_get_their_own_obligations() -> None:
    received = [
        frister.Event(
            "underretning.modtaget",
            datetime(2024, 3, 4, 9, tzinfo=CPH),
            {"underretning_id": "U1", "underretter": "borger"},
        ),
        frister.Event(
            "underretning.modtaget",
            datetime(2024, 3, 6, 9, tzinfo=CPH),
            {"underretning_id": "U2", "underretter": "borger"},
        ),
        # The second notification's receipt is acknowledged first; ids link them.
        frister.Event("underretning.kvitteret", date(2024, 3, 7), {"underretning_id": "U2"}),
    ]
    kvitteringer = [
        ob
        for ob in CATALOG.evaluate(frister.Case(received), date(2024, 3, 20))
        if ob.rule_id == "underretning.kvittering"
    ]
    # Mon 4 Mar + 6 hverdage = Tue 12 Mar; Wed 6 Mar + 6 hverdage = Thu 14 Mar.
    assert [(ob.trigger.facts["underretning_id"], ob.due, ob.status) for ob in kvitteringer] == [
        ("U1", date(2024, 3, 12), "overdue"),
        ("U2", date(2024, 3, 14), "met"),
    ]


def test_a_municipal_target_composes_with_the_bundled_law(tmp_path: Path) -> None:
    pack = tmp_path / "koege.toml"
    pack.write_text(
        """
[pack]
key = "koege"
name = "Køge Kommune"
text = "Kvalitetsstandard for underretninger"

[obligation."koege.kvittering-intern"]
shape = "D"
stage = "underretning"
da = "Intern frist: kvittering inden 3 hverdage"
en = "Internal target: acknowledgement within 3 working days"

[[version]]
id = "koege.kvittering-intern"
obligation = "koege.kvittering-intern"
citation = { paragraph = "Kvalitetsstandard 2.1" }
wording = "Underretninger kvitteres inden 3 hverdage."
mark = "verified"
trigger = "underretning.modtaget"
when = [{ fact = "event.underretter", not_in = ["anonym"] }]
deadline = "3 hverdage"
roll = "keep"
fulfilled_by = ["underretning.kvitteret"]
match = ["underretning_id"]
""",
        encoding="utf-8",
    )
    catalog = CATALOG.with_rules(pack)
    case = frister.Case(
        [
            frister.Event(
                "underretning.modtaget",
                datetime(2024, 3, 22, 9, tzinfo=CPH),
                {"underretning_id": "U1", "underretter": "borger"},
            ),
            frister.Event("underretning.kvitteret", date(2024, 4, 3), {"underretning_id": "U1"}),
        ]
    )
    statuses = {ob.rule_id: (ob.due, ob.status) for ob in catalog.evaluate(case, date(2024, 5, 1))}
    # Fri 22 Mar + 3 hverdage: Mon 25, Tue 26, Wed 27 Mar (Easter follows) → Wed 27 Mar: late.
    assert statuses["koege.kvittering-intern"] == (date(2024, 3, 27), "met_late")
    # The law's 6 hverdage run to Thu 4 Apr: the same acknowledgement is on time there.
    assert statuses["underretning.kvittering"] == (date(2024, 4, 4), "met")
    ob = next(
        o
        for o in catalog.evaluate(case, date(2024, 5, 1))
        if o.rule_id == "koege.kvittering-intern"
    )
    assert "Køge Kommune Kvalitetsstandard 2.1" in ob.explain()


def _demo_json(env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "frister", "demo", "--json"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **env},
    )
    return result.stdout


def test_the_same_cases_give_the_same_output_whatever_the_clock_zone_and_locale() -> None:
    first = _demo_json({"TZ": "America/Los_Angeles", "LANG": "C", "PYTHONHASHSEED": "1"})
    second = _demo_json(
        {"TZ": "Asia/Tokyo", "LANG": "da_DK.UTF-8", "LANGUAGE": "en", "PYTHONHASHSEED": "2"}
    )
    assert first == second
    assert len(json.loads(first)["cases"]) == len(list(SAMPLES.glob("*.json")))


def test_a_municipality_closing_its_own_day_counts_with_its_calendar() -> None:
    # Fri 22 Mar 2024 + 6 hverdage = Thu 4 Apr under the national calendar. A municipality
    # closed Mon 25 Mar too: 26, 27 Mar, 2, 3, 4, 5 Apr → Fri 5 Apr.
    local = frister.DanishCalendar(local_closed_days={date(2024, 3, 25): "Kommunens lukkedag"})
    catalog = CATALOG.with_calendar(local)
    deadline = catalog.due("underretning.kvittering", date(2024, 3, 22))
    assert deadline.due == date(2024, 4, 5)
    assert "Kommunens lukkedag" in deadline.explain()
    assert CATALOG.due("underretning.kvittering", date(2024, 3, 22)).due == date(2024, 4, 4)


def test_a_rule_is_not_excluded_on_a_birth_date_nobody_recorded() -> None:
    # BL § 91 stk. 1 (a plan within 3 months of a support decision) does not apply to young
    # people covered by § 108 (16 and over). With no birth date recorded, the exception is
    # not shown, so the plan obligation arises: Fri 1 Mar 2024 + 3 måneder = Sat 1 Jun 2024,
    # an authority's deadline kept on the Saturday, practical due Fri 31 May.
    decision = frister.Event(
        "afgoerelse.truffet",
        date(2024, 3, 1),
        {"type": "stoettende-indsats", "plan_noedvendig": True},
    )
    (plan,) = [
        ob
        for ob in CATALOG.evaluate(frister.Case([decision]), date(2024, 3, 2))
        if ob.rule_id == "plan.efter-afgoerelse"
    ]
    assert (plan.due, plan.practical_due) == (date(2024, 6, 1), date(2024, 5, 31))
    assert str(plan.version.citation).startswith("Barnets lov § 91, stk. 1")
    # With a birth date showing 16 or over, § 108 takes it out of § 91 stk. 1.
    older = frister.Case([decision], {"foedselsdato": date(2007, 1, 1)})
    assert not [
        ob
        for ob in CATALOG.evaluate(older, date(2024, 3, 2))
        if ob.rule_id == "plan.efter-afgoerelse"
    ]


def test_cases_and_events_pickle_to_equal_values() -> None:
    case = frister.Case(
        [
            frister.Event(
                "underretning.modtaget",
                datetime(2024, 3, 22, 16, 5, tzinfo=ZoneInfo("Europe/Copenhagen")),
                {"underretning_id": "U1", "underretter": "fagperson"},
            )
        ],
        {"foedselsdato": date(2015, 5, 10)},
    )
    back = pickle.loads(pickle.dumps(case))
    assert back == case
    assert back.events[0].facts == {"underretning_id": "U1", "underretter": "fagperson"}
    with pytest.raises(TypeError):
        back.events[0].facts["underretter"] = "borger"


def test_a_duty_that_arises_from_a_miss_keeps_its_own_conditions(tmp_path: Path) -> None:
    """A municipality's follow-up to a missed 4-month investigation, only for cases its
    team B handles (a condition the missed duty does not have): the team A case gets none."""
    pack = tmp_path / "team.toml"
    pack.write_text(
        """
[pack]
key = "team"
name = "Eksempelkommune"
text = "Opfølgning på overskredne undersøgelser"

[obligation."team.opfoelgning"]
shape = "D"
stage = "undersoegelse"
da = "Teamlederens opfølgning på en overskredet undersøgelse"
en = "The team leader's follow-up on an overdue investigation"

[[version]]
id = "team.opfoelgning"
obligation = "team.opfoelgning"
citation = { paragraph = "Kvalitetsstandard 4" }
wording = "Overskredne undersøgelser i team B følges op af teamlederen."
mark = "verified"
trigger = "bekymring.opmaerksom"
when = [{ fact = "event.undersoegelse_id", in = ["B1"] }]
arises_when_missed = "undersoegelse.afslutning"
roll = "keep"
fulfilled_by = ["undersoegelse.foreloebig-vurdering"]
match = ["undersoegelse_id"]
""",
        encoding="utf-8",
    )
    catalog = CATALOG.with_rules(pack)
    case = frister.Case(
        [
            frister.Event("bekymring.opmaerksom", date(2024, 2, 5), {"undersoegelse_id": "A1"}),
            frister.Event("bekymring.opmaerksom", date(2024, 2, 5), {"undersoegelse_id": "B1"}),
        ]
    )
    found = [
        (ob.rule_id, ob.trigger.facts["undersoegelse_id"], ob.due, ob.status)
        for ob in catalog.evaluate(case, date(2024, 7, 1))
        if ob.rule_id in ("undersoegelse.afslutning", "team.opfoelgning")
    ]
    # Mon 5 Feb 2024 + 4 months = Wed 5 Jun 2024 (grundlovsdag, kept: roll keep); both
    # investigations are overdue on 1 July, and only team B's gets the follow-up.
    assert found == [
        ("undersoegelse.afslutning", "A1", date(2024, 6, 5), "overdue"),
        ("undersoegelse.afslutning", "B1", date(2024, 6, 5), "overdue"),
        ("team.opfoelgning", "B1", date(2024, 6, 5), "overdue"),
    ]
    # The same conditions when the date is asked for without a case.
    assert catalog.due("team.opfoelgning", date(2024, 2, 5), {"undersoegelse_id": "B1"}).due == (
        date(2024, 6, 5)
    )
    with pytest.raises(frister.ConditionsNotMetError):
        catalog.due("team.opfoelgning", date(2024, 2, 5), {"undersoegelse_id": "A1"})


def test_a_link_taken_on_trust_is_said_in_the_explanation() -> None:
    """An acknowledgement that names no notification counts for the one that has an id
    (catalog-format: only when both carry the link fact must the values agree); the
    explanation says so, and says nothing when both name the same notification."""
    received = frister.Event(
        "underretning.modtaget",
        datetime(2024, 3, 22, 9, tzinfo=CPH),
        {"underretning_id": "U1", "underretter": "borger"},
    )
    unnamed = frister.Event("underretning.kvitteret", date(2024, 3, 26))
    named = frister.Event("underretning.kvitteret", date(2024, 3, 26), {"underretning_id": "U1"})

    def receipt(case_events: list[frister.Event]) -> frister.Obligation:
        obligations = CATALOG.evaluate(frister.Case(case_events), date(2024, 5, 1))
        return next(ob for ob in obligations if ob.rule_id == "underretning.kvittering")

    trusted = receipt([received, unnamed])
    assert trusted.status == "met" and trusted.fulfilled_by == unnamed
    assert "Antagelse: underretning_id er kun oplyst på den ene af udløseren" in trusted.explain()
    assert "underretning_id is given on only one of the trigger" in trusted.explain("en")
    assert [n.kind for n in trusted.notes].count("link-assumed") == 1
    assert "link-assumed" not in [n.kind for n in receipt([received, named]).notes]
    # Countable without reading notes: on the obligation, in a portfolio row, through JSON.
    assert trusted.linked_on_trust == ("underretning_id",)
    assert receipt([received, named]).linked_on_trust == ()
    record = CaseRecord("T", frister.Case([received, unnamed]))
    rows = evaluate_portfolio(CATALOG, Portfolio([record]), date(2024, 5, 1)).rows
    assert [r.rule_id for r in rows if r.linked_on_trust] == ["underretning.kvittering"]
    read_back = frister.obligation_from_json(frister.obligation_to_json(trusted), CATALOG)
    assert read_back.linked_on_trust == ("underretning_id",)


def test_every_shape_names_the_conditions_it_read() -> None:
    """The rule book promises each condition is named with the value it met: also for a
    duty that arises from a missed one and for a yearly duty."""
    case = frister.Case(
        [
            frister.Event("bekymring.opmaerksom", date(2024, 3, 22), {"undersoegelse_id": "B1"}),
            frister.Event(
                "indsats.iverksat", date(2024, 2, 20), {"indsats_id": "A3", "type": "anbringelse"}
            ),
        ]
    )
    obligations = CATALOG.evaluate(case, date(2025, 6, 30))
    arisen = next(ob for ob in obligations if ob.rule_id == "undersoegelse.foreloebig-vurdering")
    assert "Betingelse: det drejer sig ikke om et ufødt barn: opfyldt (ikke oplyst)" in (
        arisen.explain("da")
    )
    yearly = next(ob for ob in obligations if ob.rule_id == "tilsyn.samtale-anbragt")
    assert "Condition: it concerns a placement outside the home: holds (anbringelse)" in (
        yearly.explain("en")
    )


def test_a_minimum_ends_with_its_earliest_day_not_a_whole_day_to_run_out() -> None:
    """A notice (sample 05: 14 weeks from Wed 22 Jan 2025 = Wed 30 Apr 2025) is the first
    day the stop may take effect: its last step says so, and it reads back from JSON."""

    path = Path(frister.__file__).parent / "data" / "samples"
    data = json.loads((path / "05-handicap-tabt-arbejdsfortjeneste.json").read_text("utf-8"))
    case = frister.case_from_json(data, CATALOG)
    notice = next(
        ob
        for ob in CATALOG.evaluate(case, date(2025, 6, 30))
        if ob.rule_id == "handicap.tabt-arbejdsfortjeneste.varsel"
    )
    assert notice.deadline is not None
    assert notice.deadline.steps[-1] == frister.deadlines.Earliest(date(2025, 4, 30))
    assert "Tidligst: ons. 30. apr. 2025" in notice.explain("da")
    assert "Earliest: Wed 30 Apr 2025" in notice.explain("en")
    assert "hele dagen" not in notice.explain("da")
    read_back = frister.obligation_from_json(frister.obligation_to_json(notice), CATALOG)
    assert read_back.deadline == notice.deadline
