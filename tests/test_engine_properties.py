"""Properties of case evaluation that hold for every case drawn from real event shapes."""

import json
from datetime import date, datetime, time, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import frister
from frister.rules import ObligationRule
from frister.testing import supported_dates

CATALOG = frister.default_catalog()
CPH = frister.calendar.COPENHAGEN

IDS = st.sampled_from(["A", "B"])
DECISION_TYPES = ["stoettende-indsats", "anbringelse-med-samtykke", "stoette-efter-18"]
DAYS = st.dates(date(2022, 6, 1), date(2025, 6, 30))

# Event kinds with the facts a realistic case gives them (values from events.toml).
FACTS: dict[str, dict[str, st.SearchStrategy[Any]]] = {
    "underretning.modtaget": {
        "underretning_id": IDS,
        "underretter": st.sampled_from(["fagperson", "borger", "anonym"]),
    },
    "underretning.vurderet": {"underretning_id": IDS},
    "underretning.kvitteret": {"underretning_id": IDS},
    "bekymring.opmaerksom": {"undersoegelse_id": IDS, "ufoedt": st.booleans()},
    "undersoegelse.afsluttet": {"undersoegelse_id": IDS},
    "undersoegelse.foreloebig-vurdering": {"undersoegelse_id": IDS},
    "indsats.iverksat": {
        "indsats_id": IDS,
        "type": st.sampled_from(["stoettende-indsats", "anbringelse"]),
    },
    "indsats.ophoert": {"indsats_id": IDS},
    "opfoelgning.gennemfoert": {"indsats_id": IDS, "naeste_opfoelgning": DAYS},
    "tilsyn.samtale": {"indsats_id": IDS},
    "afgoerelse.truffet": {
        "afgoerelse_id": IDS,
        "type": st.sampled_from(
            ["stoettende-indsats", "anbringelse-med-samtykke", "stoette-efter-18"]
        ),
        "plan_noedvendig": st.booleans(),
        "akut": st.booleans(),
        "hjemmel": st.sampled_from(["SEL § 52", "BL § 32"]),
    },
    "plan.udarbejdet": {
        "afgoerelse_id": IDS,
        "type": st.sampled_from(["handleplan", "barnets-plan", "ungeplan"]),
    },
    "afgoerelse.meddelt": {"afgoerelse_id": IDS, "kanal": st.sampled_from(["digital", "brev"])},
    "klage.modtaget": {"afgoerelse_id": IDS, "varslingssag": st.booleans()},
    "klage.genvurderet": {"afgoerelse_id": IDS},
    "aktindsigt.anmodet": {"aktindsigt_id": IDS, "part": st.booleans()},
    "aktindsigt.besvaret": {"aktindsigt_id": IDS},
    "udvalg.afgoerelse": {
        "indsats_id": IDS,
        "type": st.just("anbringelse-uden-samtykke"),
        "anbragt_inden_for_seneste_aar": st.booleans(),
    },
    "formandsafgoerelse.iverksat": {"afgoerelse_id": IDS},
    "formandsafgoerelse.meddelt": {"afgoerelse_id": IDS},
}
KINDS = sorted(FACTS)


@st.composite
def events(draw: st.DrawFn, kinds: list[str] = KINDS) -> frister.Event:
    kind = draw(st.sampled_from(kinds))
    day = draw(DAYS)
    clock = draw(st.times(time(7), time(18)))
    facts = {
        name: draw(values)
        for name, values in FACTS[kind].items()
        if draw(st.booleans()) or name.endswith("_id")
    }
    return frister.Event(kind, datetime.combine(day, clock, tzinfo=CPH), facts)


cases = st.builds(
    frister.Case,
    events=st.lists(events(), min_size=1, max_size=10),
    facts=st.fixed_dictionaries(
        {"foedselsdato": st.dates(date(2005, 1, 1), date(2015, 12, 31)), "handicap": st.booleans()}
    ),
)
AS_OF = st.dates(date(2022, 6, 1), date(2026, 12, 31))


def _key(ob: frister.Obligation, case: frister.Case) -> tuple[object, ...]:
    """Identical events are told apart by identity; derived ones (receipts) by value."""
    own = any(ob.trigger is event for event in case.events)
    return (ob.rule_id, id(ob.trigger) if own else ob.trigger, ob.occurrence)


def _keyed(
    obligations: list[frister.Obligation], case: frister.Case
) -> dict[object, frister.Obligation]:
    """By key, and identical derived triggers (two receipts of one decision sent twice) by
    their order, so neither hides the other."""
    seen: dict[object, int] = {}
    keyed: dict[object, frister.Obligation] = {}
    for ob in obligations:
        key = _key(ob, case)
        seen[key] = seen.get(key, 0) + 1
        keyed[(*key, seen[key])] = ob
    return keyed


def _kinds_of(rule: ObligationRule) -> set[str]:
    kinds: set[str] = set()
    for v in rule.versions:
        kinds |= {v.trigger, *v.fulfilled_by, *v.ended_by, *v.exempted_by, *v.or_at_event}
    for parent in {v.arises_when_missed for v in rule.versions if v.arises_when_missed}:
        kinds |= _kinds_of(CATALOG.get(parent))
    if "afgoerelse.modtaget" in kinds:
        kinds.add("afgoerelse.meddelt")  # the receipt is derived from the notification
    return kinds


@given(cases, events(), AS_OF)
def test_an_event_a_rule_does_not_refer_to_changes_none_of_its_obligations(
    case: frister.Case, extra: frister.Event, as_of: date
) -> None:
    before = CATALOG.evaluate(case, as_of)
    after = CATALOG.evaluate(frister.Case([*case.events, extra], case.facts), as_of)
    for rule in CATALOG.rules.values():
        if extra.kind in _kinds_of(rule) or extra.kind.startswith("indsats."):
            continue  # indsats.* also decide the derived fact aktiv_indsats
        mine = [ob for ob in before if ob.rule_id == rule.id]
        assert mine == [ob for ob in after if ob.rule_id == rule.id]


@given(cases, AS_OF, st.integers(1, 400))
def test_moving_as_of_forward_never_undoes_a_fulfilment_or_a_breach(
    case: frister.Case, as_of: date, days: int
) -> None:
    later = _keyed(CATALOG.evaluate(case, as_of + timedelta(days=days)), case)
    for key, ob in _keyed(CATALOG.evaluate(case, as_of), case).items():
        now = later[key]
        if ob.status in ("met", "met_late"):
            assert now.status == ob.status
            assert now.fulfilled_by == ob.fulfilled_by
        if ob.status == "overdue":
            assert now.status in ("overdue", "met_late")


def day(moment: date) -> date:
    return moment.astimezone(CPH).date() if isinstance(moment, datetime) else moment


@given(cases, AS_OF)
def test_status_agrees_with_due_date_fulfilment_and_as_of(case: frister.Case, as_of: date) -> None:
    for ob in CATALOG.evaluate(case, as_of):
        due, done = ob.due, ob.fulfilled_at
        if ob.status == "met" and due is not None and done is not None and not ob.version.before:
            assert day(done) <= day(due)
        if ob.status == "met_late":
            assert done is not None and due is not None and day(done) >= day(due)
        if ob.status == "pending":
            assert done is None
            assert due is None or as_of <= day(due) or ob.version.notice
        if ob.status == "overdue":
            assert done is None
            assert ob.version.before or (due is not None and as_of > day(due))
        if ob.status == "ended":
            assert ob.ended_by is not None
        assert ob.fulfilled_at is None or day(ob.fulfilled_at) <= as_of


RULES_WITH_DEADLINES = [
    ("underretning.kvittering", {"underretter": "borger"}),
    ("undersoegelse.afslutning", {}),
    ("undersoegelse.uden-samtykke", {"type": "undersoegelse-uden-samtykke"}),
    ("anbringelse-uden-samtykke.genbehandling", {"type": "anbringelse-uden-samtykke"}),
    ("klage.klagefrist", {}),
    ("klage.genvurdering", {}),
    ("aktindsigt.besvarelse", {"part": True}),
    ("hjemgivelse.anmodning", {}),
    ("formandsafgoerelse.forelaeggelse", {}),
]


@given(
    st.sampled_from(RULES_WITH_DEADLINES),
    supported_dates(date(2024, 1, 1), date(2150, 12, 31)),
    st.integers(0, 60),
)
def test_a_later_trigger_never_gives_an_earlier_due_date(
    rule: tuple[str, dict[str, Any]], first: date, gap: int
) -> None:
    rule_id, facts = rule
    early = CATALOG.due(rule_id, first, facts)
    late = CATALOG.due(rule_id, first + timedelta(days=gap), facts)
    assert early.due <= late.due
    assert early.practical_due <= late.practical_due


@given(cases, AS_OF)
def test_json_round_trips_cases_and_obligations_without_loss(
    case: frister.Case, as_of: date
) -> None:
    text = json.dumps(frister.case_to_json(case))
    again = frister.case_from_json(json.loads(text), CATALOG)
    assert again == case
    obligations = CATALOG.evaluate(case, as_of)
    assert CATALOG.evaluate(again, as_of) == obligations
    for ob in obligations:
        data = json.loads(json.dumps(frister.obligation_to_json(ob)))
        back = frister.obligation_from_json(data, CATALOG)
        assert back == ob
        assert back.explain("da") == ob.explain("da")
        assert back.explain("en") == ob.explain("en")


@given(cases, AS_OF)
def test_evaluation_ignores_the_order_events_are_given_in(case: frister.Case, as_of: date) -> None:
    reversed_case = frister.Case(tuple(reversed(case.events)), case.facts)
    assert CATALOG.evaluate(reversed_case, as_of) == CATALOG.evaluate(case, as_of)
