"""Input that must be refused, with the field named (issue 9): never a silent wrong answer."""

from __future__ import annotations

import pickle
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import frister
from frister import errors
from frister.deadlines import Roll, compute_deadline, parse_duration
from frister.portfolio import TableError
from frister.testing import assert_due

CATALOG = frister.default_catalog()
CPH = ZoneInfo("Europe/Copenhagen")


def _evaluate(kind: str, at: date | datetime, **facts: Any) -> list[frister.Obligation]:
    case = frister.Case([frister.Event(kind, at, facts)])
    return CATALOG.evaluate(case, date(2024, 6, 1))


# -- closed vocabularies ------------------------------------------------------------


def test_a_misspelt_decision_type_is_refused_with_the_closest_value() -> None:
    # Before: the typo made anbringelse-uden-samtykke.genbehandling vanish without a word.
    with pytest.raises(frister.FactError) as info:
        _evaluate("udvalg.afgoerelse", date(2024, 1, 29), type="anbringelse-uden-samtykket")
    assert info.value.field == "events[0].facts.type"
    assert info.value.value == "anbringelse-uden-samtykket"
    assert "did you mean 'anbringelse-uden-samtykke'" in str(info.value)


@pytest.mark.parametrize(
    ("kind", "fact", "typo", "meant"),
    [
        ("afgoerelse.truffet", "type", "stottende-indsats", "stoettende-indsats"),
        ("afgoerelse.truffet", "hjemmel", "SEL §52", "SEL § 52"),
        ("udvalg.afgoerelse", "hjemmel", "BL § 47 ", "BL § 47"),
        ("indsats.iverksat", "type", "anbringelser", "anbringelse"),
        ("afgoerelse.meddelt", "type", "hjemgivlese", "hjemgivelse"),
        ("ansoegning.modtaget", "omraade", "merudgift", "handicap-merudgifter"),
    ],
)
def test_free_text_facts_are_closed_to_their_values(
    kind: str, fact: str, typo: str, meant: str
) -> None:
    with pytest.raises(frister.FactError) as info:
        _evaluate(kind, date(2024, 3, 14), **{fact: typo})
    assert info.value.field == f"events[0].facts.{fact}"
    assert f"did you mean {meant!r}" in str(info.value)
    _evaluate(kind, date(2024, 3, 14), **{fact: meant})  # the right value is taken


def test_omraade_misspelt_in_catalog_due_is_refused_not_a_deadline_without_a_date() -> None:
    with pytest.raises(frister.FactError) as info:
        CATALOG.due("sagsbehandlingsfrist", date(2024, 3, 14), {"omraade": "merudgift"})
    assert info.value.field == "facts.omraade"
    assert "did you mean 'handicap-merudgifter'" in str(info.value)


def test_an_unknown_event_kind_suggests_the_closest_kind() -> None:
    with pytest.raises(frister.UnknownEventKindError) as info:
        _evaluate("underretning.modtagt", date(2024, 3, 22))
    assert info.value.field == "events[0].kind"
    assert "did you mean 'underretning.modtaget'" in str(info.value)


def test_a_misspelt_fact_name_suggests_the_fact() -> None:
    with pytest.raises(frister.FactError, match="did you mean 'underretter'"):
        _evaluate("underretning.modtaget", date(2024, 3, 22), underreter="borger")


# -- catalog.due and assert_due ------------------------------------------------------


def test_catalog_due_refuses_a_misspelt_fact_name() -> None:
    # Before: {"omrade": ...} was dropped and the rule computed as if it were not given.
    with pytest.raises(frister.FactError) as info:
        CATALOG.due("sagsbehandlingsfrist", date(2024, 3, 14), {"omrade": "anbringelse"})
    assert info.value.field == "facts.omrade"
    assert "did you mean 'omraade'" in str(info.value)


def test_assert_due_refuses_a_misspelt_fact_name() -> None:
    # Fri 22 Mar 2024 + 6 hverdage (past Easter) is Thu 4 Apr; the typo must not pass.
    assert_due("underretning.kvittering", date(2024, 3, 22), date(2024, 4, 4))
    with pytest.raises(frister.FactError, match=r"facts\.underreter="):
        assert_due(
            "underretning.kvittering",
            date(2024, 3, 22),
            date(2024, 4, 4),
            {"underreter": "fagperson"},
        )


# -- a municipality's [durations] ----------------------------------------------------

_PACK = """
[pack]
key = "test"
name = "Testkommune"
text = "Sagsbehandlingsfrister"

[durations."{rule}"]
fact = "{fact}"
values = {{ "handicap-merudgifter" = "8 uger", "hjaelpemidler" = "12 hverdage" }}
"""


def _pack(tmp_path: Path, rule: str, fact: str) -> frister.Catalog:
    path = tmp_path / "kommune.toml"
    path.write_text(_PACK.format(rule=rule, fact=fact), encoding="utf-8")
    return CATALOG.with_rules(path)


@pytest.mark.parametrize(
    ("rule", "fact", "field", "problem"),
    [
        ("sagsbehandlingsfrister", "event.omraade", "(id)", "did you mean 'sagsbehandlingsfrist'"),
        ("sagsbehandlingsfrist", "event.omrade", "fact", "did you mean 'omraade'"),
        ("underretning.kvittering", "event.underretter", "(id)", "not configurable"),
    ],
)
def test_a_pack_durations_table_is_checked_when_loaded(
    tmp_path: Path, rule: str, fact: str, field: str, problem: str
) -> None:
    with pytest.raises(frister.DataFileError) as info:
        _pack(tmp_path, rule, fact)
    assert info.value.file == "kommune.toml"
    assert info.value.entry == f"durations.{rule}"
    assert info.value.field == field
    assert problem in info.value.problem


def test_a_pack_adds_its_own_area_keys_to_omraade(tmp_path: Path) -> None:
    with pytest.raises(frister.FactError):
        CATALOG.due("sagsbehandlingsfrist", date(2024, 3, 14), {"omraade": "hjaelpemidler"})
    koege = _pack(tmp_path, "sagsbehandlingsfrist", "event.omraade")
    # Thu 14 Mar 2024 + 12 hverdage, past Easter (28 Mar-1 Apr): Thu 4 Apr 2024.
    dl = koege.due("sagsbehandlingsfrist", date(2024, 3, 14), {"omraade": "hjaelpemidler"})
    assert dl.due == date(2024, 4, 4)
    with pytest.raises(frister.FactError, match="did you mean 'hjaelpemidler'"):
        koege.due("sagsbehandlingsfrist", date(2024, 3, 14), {"omraade": "hjaelpemiddel"})
    # The bundled catalog is not changed by the pack.
    assert "hjaelpemidler" not in CATALOG.events["ansoegning.modtaget"].facts["omraade"].values


# -- case files ----------------------------------------------------------------------


def test_a_case_file_with_an_unknown_key_is_refused() -> None:
    with pytest.raises(frister.InputError) as info:
        frister.case_from_json({"evnets": []}, CATALOG)
    assert info.value.field == "case.evnets"
    assert "did you mean 'events'" in str(info.value)


def test_a_case_file_without_events_is_refused() -> None:
    with pytest.raises(frister.InputError) as info:
        frister.case_from_json({"facts": {}}, CATALOG)
    assert info.value.field == "case.events"
    assert "missing" in str(info.value)
    # An empty list is a case with no events yet, which is fine.
    assert frister.case_from_json({"events": []}, CATALOG).events == ()


# -- times and days that do not exist ------------------------------------------------


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2024, 3, 31, 2, 30, tzinfo=CPH),  # clocks 02:00 -> 03:00
        datetime(1916, 5, 14, 23, 0, tzinfo=CPH),  # Denmark's first summer time: 23:00 -> 24:00
    ],
)
def test_a_local_time_the_clocks_skipped_is_refused(moment: datetime) -> None:
    with pytest.raises(frister.NonexistentTimeError) as info:
        frister.Event("underretning.modtaget", moment)
    assert info.value.field == "at"
    assert "does not exist in Europe/Copenhagen" in str(info.value)
    with pytest.raises(frister.NonexistentTimeError):
        CATALOG.due("underretning.vurdering", moment)
    with pytest.raises(frister.NonexistentTimeError):
        compute_deadline(moment, "24 timer", roll=Roll.KEEP)


def test_a_local_time_that_exists_twice_is_taken() -> None:
    # Sun 27 Oct 2024 02:30 happens twice; the first (CEST, fold=0) is meant.
    first = datetime(2024, 10, 27, 2, 30, tzinfo=CPH)
    dl = compute_deadline(first, "24 timer", roll=Roll.KEEP)
    assert dl.due == datetime(2024, 10, 28, 1, 30, tzinfo=CPH)  # 24 real hours: 25 on the clock


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("2024-02-30", "2024-02 has 29 days"),
        ("2023-02-29", "2023-02 has 28 days"),
        ("2024-13-01", "there is no month 13"),
        ("2024-04-31T10:00:00+02:00", "2024-04 has 30 days"),
    ],
)
def test_a_day_that_does_not_exist_is_named_as_such(text: str, problem: str) -> None:
    case = {"events": [{"kind": "underretning.modtaget", "at": text}]}
    with pytest.raises(frister.InputError) as info:
        frister.case_from_json(case, CATALOG)
    assert info.value.field == "case.events[0].at"
    assert "does not exist" in info.value.problem
    assert problem in info.value.problem
    date_fact = {
        "events": [
            {"kind": "opfoelgning.gennemfoert", "at": "2024-01-02", "facts": {}},
            {
                "kind": "partshoering.sendt",
                "at": "2024-01-02",
                "facts": {"svarfrist": text[:10]},
            },
        ]
    }
    with pytest.raises(frister.InputError) as info:
        frister.case_from_json(date_fact, CATALOG)
    assert info.value.field == "case.events[1].facts.svarfrist"
    assert problem in info.value.problem


def test_a_negative_duration_points_to_counting_backwards() -> None:
    with pytest.raises(frister.DurationError) as info:
        parse_duration("-6 hverdage")
    assert "Direction.BEFORE" in str(info.value)
    assert "backwards" in str(info.value)


# -- answers that help (issue 9, part 2) ---------------------------------------------


def test_catalog_due_takes_the_type_the_rule_id_implies_and_says_so() -> None:
    # Before: refused, because type = anbringelse-uden-samtykke was not given.
    # Mon 29 Jan 2024 + 1 år (BL § 50): Wed 29 Jan 2025.
    dl = CATALOG.due("anbringelse-uden-samtykke.genbehandling", date(2024, 1, 29))
    assert dl.due == date(2025, 1, 29)
    assert "»det drejer sig om en anbringelse uden samtykke« følger af reglen" in dl.explain("da")
    assert "follows from the rule anbringelse-uden-samtykke.genbehandling" in dl.explain("en")
    # Mon 29 Jan 2024 + 2 måneder: Fri 29 Mar 2024 (langfredag, kept: the authority's).
    assert CATALOG.due("undersoegelse.uden-samtykke", date(2024, 1, 29)).due == date(2024, 3, 29)
    # A type given explicitly is never overridden.
    with pytest.raises(frister.ConditionsNotMetError):
        CATALOG.due(
            "undersoegelse.uden-samtykke", date(2024, 1, 29), {"type": "anbringelse-uden-samtykke"}
        )


def test_unmet_conditions_are_listed_with_the_facts_they_need() -> None:
    with pytest.raises(frister.ConditionsNotMetError) as info:
        CATALOG.due("plan.efter-afgoerelse", date(2023, 6, 1), {"akut": True})
    error = info.value
    assert error.field == "facts"
    assert [(v, f) for v, f, _ in error.unmet] == [
        ("serviceloven.handleplan.akut-4m", "event.hjemmel")
    ]
    assert "needs event.hjemmel" in str(error)
    assert "SEL § 52, SEL § 76 or SEL § 76 a" in str(error)
    with pytest.raises(frister.ConditionsNotMetError) as info:
        CATALOG.due("plan.efter-afgoerelse", date(2023, 6, 1))
    assert {f for _, f, _ in info.value.unmet} == {"event.akut", "event.hjemmel"}


def test_requirements_list_the_facts_a_rule_reads() -> None:
    found = {(r.fact, r.event_kind): r for r in CATALOG.requirements("plan.efter-afgoerelse")}
    hjemmel = found[("event.hjemmel", "afgoerelse.truffet")]
    assert hjemmel.type == "text"
    assert "SEL § 76 a" in hjemmel.values
    assert (
        "serviceloven.handleplan.akut-4m",
        "the decision was made under SEL § 52, SEL § 76 or SEL § 76 a",
    ) in hjemmel.reads
    assert found[("event.akut", "afgoerelse.truffet")].type == "bool"
    age = {r.fact: r for r in CATALOG.requirements("ungeplan")}["case.foedselsdato"]
    assert age.type == "date" and age.event_kind is None
    with pytest.raises(frister.UnknownRuleError):
        CATALOG.requirements("ungeplanen")


def test_iso_texts_are_read_strictly_in_the_python_api() -> None:
    event = frister.Event("underretning.modtaget", "2024-03-22T16:05:00+01:00")
    assert event.at == datetime(2024, 3, 22, 16, 5, tzinfo=CPH)
    assert frister.Event("underretning.modtaget", "2024-03-22").at == date(2024, 3, 22)
    for bad, problem in [
        ("2024-03-22T16:05", "naive"),
        ("22-03-2024", "not an ISO date"),
        ("20240322", "not an ISO date"),
        ("2024-02-30", "2024-02 has 29 days"),
    ]:
        with pytest.raises(frister.InputError, match=problem) as info:
            frister.Event("underretning.modtaget", bad)
        assert info.value.field == "at"
    # A date fact given as text is read as a date; the next follow-up is that day.
    case = frister.Case(
        [
            frister.Event(
                "opfoelgning.gennemfoert", "2024-05-02", {"naeste_opfoelgning": "2024-08-29"}
            ),
        ]
    )
    checked = CATALOG.evaluate(case, "2024-06-01")
    assert isinstance(checked, list)
    with pytest.raises(frister.InputError) as info:
        CATALOG.evaluate(
            frister.Case(
                [frister.Event("partshoering.sendt", "2024-05-02", {"svarfrist": "2024-06-31"})]
            ),
            date(2024, 6, 1),
        )
    assert info.value.field == "events[0].facts.svarfrist"
    assert "2024-06 has 30 days" in str(info.value)
    dl = CATALOG.due("partshoering.svarfrist", "2024-05-02", {"svarfrist": "2024-05-16"})
    assert dl.due == date(2024, 5, 16)


def test_a_due_compares_with_a_day() -> None:
    case = frister.Case(
        [
            frister.Event(
                "underretning.modtaget",
                datetime(2024, 3, 22, 16, 5, tzinfo=CPH),
                {"underretter": "borger"},
            )
        ]
    )
    obs = {ob.rule_id: ob for ob in CATALOG.evaluate(case, date(2024, 4, 1))}
    hour = obs["underretning.vurdering"]
    assert isinstance(hour.due, datetime)  # Sat 23 Mar 2024 16:05
    assert hour.due_day == date(2024, 3, 23)
    assert hour.due_by(date(2024, 3, 23)) and not hour.due_by(date(2024, 3, 22))
    assert frister.day_of(hour.due) == date(2024, 3, 23)
    assert obs["underretning.kvittering"].due_by(date(2024, 4, 4))
    assert not obs["underretning.kvittering"].due_by(date(2024, 4, 3))
    assert CATALOG.due("underretning.vurdering", hour.trigger.at).due_day == date(2024, 3, 23)


@pytest.mark.parametrize(
    ("field", "typo", "meant"),
    [
        ("trigger", "underretning.modtagt", "underretning.modtaget"),
        ("fulfilled_by", "underretning.kviteret", "underretning.kvitteret"),
    ],
)
def test_a_rule_file_with_a_misspelt_event_kind_names_the_closest(
    tmp_path: Path, field: str, typo: str, meant: str
) -> None:
    values = {"trigger": "underretning.modtaget", "fulfilled_by": "underretning.kvitteret"}
    values[field] = typo
    path = tmp_path / "pack.toml"
    path.write_text(
        f"""
[pack]
key = "test"
name = "Testkommune"
text = "Interne frister"

[obligation."test.kvittering"]
shape = "D"
stage = "underretning"
da = "Kvittering"
en = "Acknowledgement"

[[version]]
id = "test.kvittering"
obligation = "test.kvittering"
citation = {{ paragraph = "Standard 1" }}
wording = "Inden 3 hverdage."
mark = "verified"
trigger = "{values["trigger"]}"
deadline = "3 hverdage"
roll = "keep"
fulfilled_by = ["{values["fulfilled_by"]}"]
""",
        encoding="utf-8",
    )
    with pytest.raises(frister.DataFileError) as info:
        CATALOG.with_rules(path)
    assert info.value.field == field
    assert f"did you mean {meant!r}" in info.value.problem


def test_a_case_fact_given_as_iso_text_is_read_as_a_date() -> None:
    # Born Fri 29 Feb 2008: 18 on Sat 28 Feb 2026 (no 29 Feb); 6 months before: Thu 28 Aug 2025.
    case = frister.Case(
        [
            frister.Event(
                "indsats.iverksat", "2024-03-01", {"indsats_id": "I", "type": "anbringelse"}
            )
        ],
        {"foedselsdato": "2008-02-29"},
    )
    (ob,) = [
        o for o in CATALOG.evaluate(case, "2025-01-01") if o.rule_id == "ungestoette.afgoerelse"
    ]
    assert ob.due == date(2025, 8, 28)
    dl = CATALOG.due("ungestoette.afgoerelse", "2024-03-01", {"foedselsdato": "2008-02-29"})
    assert dl.due == date(2025, 8, 28)
    with pytest.raises(frister.InputError) as info:
        CATALOG.evaluate(frister.Case([], {"foedselsdato": "2008-02-30"}), "2025-01-01")
    assert info.value.field == "case.facts.foedselsdato"
    assert "2008-02 has 29 days" in str(info.value)


# -- errors cross process boundaries ----------------------------------------------------


def test_every_error_pickles_as_itself() -> None:
    """A worker process, or a Dask worker, hands errors back; a case a file could not read
    travels with its error. Each comes back the same class, message and fields."""
    made = [
        errors.InputError("at", "2024-02-30", "no such day"),
        errors.FactError("events[0].facts.underretter", 3, "expected a text fact"),
        errors.NaiveDatetimeError("as_of", "2024-06-30T12:00", "naive datetime"),
        errors.DataFileError("regler.toml", "obligation.x", "citation", "missing"),
        errors.UnknownRuleError("undersoegelse.4m", ["undersoegelse.4-maaneder"]),
        errors.ConditionsNotMetError("r", {"alder": 3}, ()),
        errors.WorkerError("workers=2: a worker stopped"),
        TableError("events.csv", 7, "at", "2024-02-30", "no such day"),
    ]
    for error in made:
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is type(error)
        assert (str(back), back.__dict__.keys()) == (str(error), error.__dict__.keys())
        assert getattr(back, "field", None) == getattr(error, "field", None)
