"""The synthetic portfolio generator: deterministic per (seed, index), lazy, and realistic enough.

One module-scoped evaluation of 1,000 cases (about 2 s) feeds the coverage and rate tests.
"""

from __future__ import annotations

import dataclasses
import itertools
import pickle
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime

import pytest

import frister
from frister.portfolio import CaseRecord, Portfolio
from frister.synthetic import (
    AS_OF,
    BARNETS_LOV_FROM,
    DEFAULT_CONFIG,
    FIRST_DAY,
    UNITS,
    StepRates,
    SyntheticCases,
    generate_case,
    generate_portfolio,
)

MEASURED = 1_000
"""Cases evaluated once for the coverage and rate tests."""


@dataclasses.dataclass(frozen=True)
class Evaluated:
    records: list[CaseRecord]
    obligations: list[list[frister.Obligation]]


@pytest.fixture(scope="module")
def evaluated() -> Evaluated:
    catalog = frister.default_catalog()
    records = list(generate_portfolio(MEASURED, seed=0))
    return Evaluated(records, [catalog.evaluate(r.case, AS_OF) for r in records])


def _day(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


# -- determinism and laziness -------------------------------------------------------------


def test_same_seed_gives_identical_cases() -> None:
    assert list(generate_portfolio(40, seed=7)) == list(generate_portfolio(40, seed=7))


def test_case_i_does_not_depend_on_portfolio_size() -> None:
    small = list(generate_portfolio(50, seed=3))
    large = list(generate_portfolio(200, seed=3))
    assert small == large[:50]
    assert generate_case(49, 3) == small[49]


def test_different_seeds_give_different_cases() -> None:
    a = list(generate_portfolio(30, seed=1))
    b = list(generate_portfolio(30, seed=2))
    assert sum(x.case != y.case for x, y in zip(a, b, strict=True)) >= 25
    assert a[0].id != b[0].id


def test_portfolio_is_lazy_and_reiterable() -> None:
    source = SyntheticCases(10**9, seed=0)
    assert not isinstance(source, Iterator)
    assert len(source) == 10**9
    first = list(itertools.islice(iter(generate_portfolio(10**9)), 3))  # instant: nothing held
    assert [r.id for r in first] == ["syn-0-000000", "syn-0-000001", "syn-0-000002"]
    portfolio = generate_portfolio(5, seed=4)
    assert isinstance(portfolio, Portfolio)
    assert list(portfolio) == list(portfolio)


def test_the_source_pickles_for_worker_processes() -> None:
    custom = dataclasses.replace(DEFAULT_CONFIG, complaint=0.5)
    source = SyntheticCases(4, seed=9, config=custom)
    copy = pickle.loads(pickle.dumps(source))
    assert copy.config == custom
    assert list(copy) == list(source)


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(frister.InputError):
        generate_portfolio(-1)
    with pytest.raises(frister.InputError):
        generate_case(-1)
    with pytest.raises(frister.InputError):
        StepRates(0.8, 0.3)


# -- configuration ------------------------------------------------------------------------


def test_config_is_honoured() -> None:
    catalog = frister.default_catalog()
    always = dataclasses.replace(DEFAULT_CONFIG, investigation=StepRates(1.0))
    statuses = Counter(
        str(o.status)
        for r in generate_portfolio(150, seed=5, config=always)
        for o in catalog.evaluate(r.case, AS_OF)
        if o.rule_id == "undersoegelse.afslutning"
    )
    assert statuses["met"] >= 40
    assert statuses["met_late"] == statuses["overdue"] == 0


def test_an_equal_config_gives_the_default_cases() -> None:
    equal = dataclasses.replace(DEFAULT_CONFIG)
    assert list(generate_portfolio(5, config=equal)) == list(generate_portfolio(5))
    other = dataclasses.replace(DEFAULT_CONFIG, complaint=0.5)
    assert list(generate_portfolio(5, config=other)) != list(generate_portfolio(5))


def test_config_mappings_are_read_only() -> None:
    with pytest.raises(TypeError):
        DEFAULT_CONFIG.track_weights["ung"] = 1.0  # type: ignore[index]


# -- the cases ----------------------------------------------------------------------------


def test_every_case_evaluates_and_no_event_is_after_as_of(evaluated: Evaluated) -> None:
    assert len(evaluated.obligations) == MEASURED
    for record in evaluated.records:
        for event in record.case.events:
            assert FIRST_DAY <= _day(event.at) <= AS_OF, (record.id, event)
            if isinstance(event.at, datetime):
                assert event.at.utcoffset() is not None
        received = [e for e in record.case.events if e.kind == "underretning.modtaget"]
        assert all(isinstance(e.at, datetime) for e in received)


def test_children_caseworkers_and_units_are_realistic(evaluated: Evaluated) -> None:
    ages = []
    for record in evaluated.records:
        birth = record.case.facts.get("foedselsdato")
        if birth is not None and record.labels["spor"] != "ufoedt":  # the unborn are born later
            first = min(_day(e.at) for e in record.case.events)
            ages.append((first - birth).days // 365)
        assert record.unit is not None and record.unit in UNITS
        assert record.caseworker is not None and record.caseworker.startswith(record.unit)
    assert min(ages) >= 0 and max(ages) <= 22
    assert len({r.caseworker for r in evaluated.records}) <= sum(UNITS.values())
    assert len({r.unit for r in evaluated.records}) == len(UNITS)
    assert any(r.case.facts["handicap"] for r in evaluated.records)


def test_cases_fall_under_both_laws_and_across_the_change(evaluated: Evaluated) -> None:
    laws = Counter(r.labels["lov"] for r in evaluated.records)
    assert laws["serviceloven"] >= 100
    assert laws["barnets-lov"] >= 100
    assert laws["overgang"] >= 50
    across = [
        r
        for r in evaluated.records
        if min(_day(e.at) for e in r.case.events) < BARNETS_LOV_FROM
        and max(_day(e.at) for e in r.case.events) >= BARNETS_LOV_FROM
    ]
    assert len(across) == laws["overgang"]


# Added to the catalog for issue 10 (research A.8.3, A.10.2, A.10.5, A.11): the generator
# does not make them yet, because new draws would reshuffle the seeded portfolio and its
# golden snapshot. The sample case 10-ung-misbrug-kriminalitet-klager-2025 covers them.
NOT_GENERATED_KINDS = frozenset(
    {
        "kontaktperson.tilbudt",
        "ankestyrelsen.virkning-givet",
        "ankestyrelsen.virkning-naegtet",
        "ankestyrelsen.afgoerelse",
        "stofmisbrug.henvendelse",
        "stofmisbrug.behandling-iverksat",
        "kriminalitet.dokumentation-modtaget",
        "netvaerkssamraad.indkaldt",
        "klage.fastholdelse-meddelt",
        "aktindsigt.klage-modtaget",
        "aktindsigt.klage-videresendt",
        "aktindsigt.klage-afgjort",
        "partshoering.rettigheder-oplyst",
        "stoetteperson.tilbudt",
        # The limits of research A.11 (tests/test_rules_graenser.py): not generated.
        "hjemgivelse.periode-startet",
        "samvaer.suspenderet",
        "samvaer.genoptaget",
        "foraeldrepaalaeg.truffet",
        "foraeldrepaalaeg.forlaenget",
        "foraeldrepaalaeg.ophoert",
        "tilbud.ikke-godkendt-anvendt",
        "tilbud.ikke-godkendt-forlaenget",
        "tilbud.ikke-godkendt-ophoert",
        "udslusning.loesladt",
        "skolefravaer.underretning-modtaget",
        "skolefravaer.standsning-afgjort",
        "privat-familiepleje.ophold-startet",
        "privat-familiepleje.tilladelse-givet",
        "privat-familiepleje.ophold-ophoert",
        "plejefamilie.anbragt",
        "plejefamilie.intensiv-stoette-paabegyndt",
        "plejefamilie.opstartsforloeb-gennemfoert",
        # BL § 50 stk. 7: the generator does not consider permanent placement, so a renewal
        # after 3 years of placement shows the precondition breached.
        "anbringelse.permanent-overvejet",
        # BEK-RSL § 11 stk. 2: the generator tells no complainant of a delayed
        # reconsideration, so every missed reconsideration shows the notice missed too.
        "klage.genvurdering-besked",
    }
)
NOT_GENERATED_RULES = frozenset(
    {
        "stofmisbrug.behandling",
        "netvaerkssamraad.indkaldelse",
        "formandsafgoerelse.ankestyrelse-stillingtagen",
        "formandsafgoerelse.ankestyrelse-afgoerelse",
        "klage.fastholdelse",
        "klage.fastholdelse-videresendelse",
        "aktindsigt.klage-videresendelse",
        "aktindsigt.klage-afgoerelse",
        "klage.straks-genvurdering",
        "hjemgivelse.periode",
        "samvaer.suspension",
        "foraeldrepaalaeg.varighed",
        "foraeldrepaalaeg.forlaengelse",
        "tilbud.ikke-godkendt",
        "udslusning.varighed",
        "skolefravaer.standsning",
        "privat-familiepleje.tilladelse",
        "plejefamilie.intensiv-stoette",
        # Arises only when a municipality's configured case-handling deadline is missed;
        # the portfolio is evaluated with the bundled catalog, which configures none.
        "sagsbehandlingsfrist.besked-ved-overskridelse",
        # BL § 49 stk. 3: the generator makes no committee decision on an unborn child.
        "anbringelse-uden-samtykke.ufoedt-tidligst",
    }
)


def test_every_event_kind_is_used(evaluated: Evaluated) -> None:
    kinds = {e.kind for r in evaluated.records for e in r.case.events}
    assert kinds == set(frister.default_catalog().events) - NOT_GENERATED_KINDS


def test_the_portfolio_gives_rise_to_every_obligation(evaluated: Evaluated) -> None:
    catalog = frister.default_catalog()
    ids = {o.rule_id for obs in evaluated.obligations for o in obs}
    assert len(catalog.rules) == 60
    assert ids == set(catalog.rules) - NOT_GENERATED_RULES  # measured: all 38 in 1,000 cases
    per_case = sum(len(obs) for obs in evaluated.obligations) / MEASURED
    assert 8 <= per_case <= 20  # measured: 11.9


def test_investigations_are_on_time_at_the_configured_rate(evaluated: Evaluated) -> None:
    statuses = Counter(
        str(o.status)
        for obs in evaluated.obligations
        for o in obs
        if o.rule_id == "undersoegelse.afslutning" and o.due is not None and _day(o.due) <= AS_OF
    )
    settled = statuses["met"] + statuses["met_late"] + statuses["overdue"]
    assert statuses["met_late"] >= 50 and statuses["overdue"] >= 20
    assert settled >= 500
    share = statuses["met"] / settled
    # about 650 settled investigations: one standard deviation is about 0.02
    assert abs(share - DEFAULT_CONFIG.investigation.on_time) <= 0.06, statuses


def test_follow_ups_on_placements_beat_those_on_preventive_measures(
    evaluated: Evaluated,
) -> None:
    shares = {}
    for kind in ("anbringelse", "stoettende-indsats"):
        statuses = Counter(
            str(o.status)
            for obs in evaluated.obligations
            for o in obs
            if o.rule_id == "opfoelgning"
            and o.trigger.facts.get("type") == kind
            and str(o.status) in ("met", "met_late", "overdue")
        )
        shares[kind] = statuses["met"] / sum(statuses.values())
    assert abs(shares["anbringelse"] - DEFAULT_CONFIG.followup_placement.on_time) <= 0.08
    assert abs(shares["stoettende-indsats"] - DEFAULT_CONFIG.followup_preventive.on_time) <= 0.08
