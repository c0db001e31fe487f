"""Seeded synthetic portfolios: realistic, made-up child-welfare cases for benchmarks and snapshots.

Case ``i`` of a portfolio depends only on ``(seed, i, config)``: a portfolio of
1,000 cases is the first 1,000 cases of one of 100,000, and a golden snapshot
taken today can be regenerated exactly tomorrow. Cases are built lazily, one at
a time, so 100,000 of them never sit in memory unless the caller keeps them.

The generator only produces *input*: events with the facts and link ids
(``*_id``) the rules in ``frister/data/catalog`` match on. It computes no
deadline with the engine (so a rebuilt engine sees the same cases); it places
steps on time or late against its own plain date arithmetic (months clipped to
the month's end, working days from :class:`frister.DanishCalendar`), with a
margin wherever a convention could shift a due date by a day. How often a step
is on time, late or never done is set in :class:`SyntheticConfig`.
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, timedelta
from types import MappingProxyType
from typing import Any, Final, Literal
from zoneinfo import ZoneInfo

from frister.calendar import DanishCalendar
from frister.case import Case, Event
from frister.errors import InputError
from frister.portfolio import CaseRecord, Portfolio

__all__ = [
    "AS_OF",
    "BARNETS_LOV_FROM",
    "DEFAULT_CONFIG",
    "FIRST_DAY",
    "TRACKS",
    "UNITS",
    "StepRates",
    "SyntheticCases",
    "SyntheticConfig",
    "generate_case",
    "generate_portfolio",
]

FIRST_DAY: Final = date(2018, 1, 1)
"""The earliest day a synthetic case starts."""
AS_OF: Final = date(2026, 6, 30)
"""The evaluation date the portfolios are made for: no event lies after it."""
BARNETS_LOV_FROM: Final = date(2024, 1, 1)
"""Barnets lov replaced Serviceloven's rules on children from this day (BL § 212)."""

TZ: Final = ZoneInfo("Europe/Copenhagen")
_CAL: Final = DanishCalendar()

TRACKS: Final = (
    "forebyggende",
    "anbringelse",
    "tvang",
    "ufoedt",
    "handicap",
    "underretning",
    "ung",
)
"""The kinds of case the generator makes; each case's ``labels["spor"]`` is one of them."""

UNITS: Final[Mapping[str, int]] = {
    "boern-nord": 8,
    "boern-syd": 8,
    "boern-oest": 7,
    "boern-vest": 7,
    "handicap": 5,
    "unge": 5,
}
"""The six units and how many caseworkers each has (40 in all)."""

# -- configuration ------------------------------------------------------------------------


@dataclass(frozen=True)
class StepRates:
    """How often one step is done on time, done late, or never done; late is the rest."""

    on_time: float
    missed: float = 0.0

    def __post_init__(self) -> None:
        if not (0 <= self.on_time <= 1 and 0 <= self.missed <= 1):
            raise InputError("rates", self, "on_time and missed are shares between 0 and 1")
        if self.on_time + self.missed > 1 + 1e-9:
            raise InputError("rates", self, "on_time + missed must not exceed 1")

    @property
    def late(self) -> float:
        """The share done after the deadline."""
        return max(0.0, 1 - self.on_time - self.missed)


@dataclass(frozen=True)
class SyntheticConfig:
    """Every rate and mix the generator draws from, in one place; override with ``replace``.

    The rates marked *report* are the municipal supervision figures quoted in
    the design notes (Copenhagen, Q2 2019): the 4-month investigation on time in
    62 %, follow-ups on placements in 81 % and on preventive measures in 71 %
    (the city-wide 70 % for all follow-ups cannot be met together with those
    two; the portfolio's overall share lands between them). Every other rate
    is an assumption chosen to give a plausible mix of met, late and missed
    steps; none of them is law.
    """

    track_weights: Mapping[str, float] = field(
        default_factory=lambda: {
            "forebyggende": 0.36,
            "anbringelse": 0.14,
            "tvang": 0.06,
            "ufoedt": 0.03,
            "handicap": 0.13,
            "underretning": 0.23,
            "ung": 0.05,
        }
    )
    """How often each kind of case occurs."""
    notifier_weights: Mapping[str, float] = field(
        default_factory=lambda: {"fagperson": 0.55, "borger": 0.2, "kommune": 0.08, "anonym": 0.17}
    )
    """Who notifies (underretter)."""

    # report
    investigation: StepRates = StepRates(0.62, 0.08)
    """The 4-month child-welfare investigation (report: 62 % on time)."""
    followup_placement: StepRates = StepRates(0.81, 0.03)
    """Each follow-up on a placement (report: 81 % on time); missed stops the follow-ups."""
    followup_preventive: StepRates = StepRates(0.71, 0.05)
    """Each follow-up on a preventive measure (report: 71 % on time); missed stops them."""

    # assumed
    notification_assessment: StepRates = StepRates(0.86, 0.02)
    """Assessing a notification within 24 hours."""
    acknowledgement: StepRates = StepRates(0.84, 0.06)
    """Acknowledging a notification within 6 working days."""
    notifier_informed: float = 0.7
    """Share of professional notifiers told the outcome (no statutory time limit)."""
    reassessment: float = 0.75
    """Share of notifications during an active measure that are reassessed."""
    preliminary_assessment: StepRates = StepRates(0.45, 0.35)
    """The preliminary assessment when the investigation runs late."""
    talk_held: float = 0.78
    """Share of decisions with a talk with the child before them."""
    talk_omitted: float = 0.06
    """Share of decisions with a documented omission of the talk instead."""
    plan_before: float = 0.8
    """Share of decisions that need a plan first and have one."""
    plan_after: StepRates = StepRates(0.68, 0.12)
    """A plan due after a decision (case plan, child's plan, youth plan)."""
    investigation_without_consent: StepRates = StepRates(0.8, 0.05)
    supervision_talk: StepRates = StepRates(0.82, 0.0)
    """A supervision talk in each half-year of a placement; on_time is the share held."""
    parents_plan_revision: StepRates = StepRates(0.7, 0.1)
    chair_notice: StepRates = StepRates(0.9, 0.02)
    """Written notice of a chair's decision within 24 hours."""
    chair_to_committee: StepRates = StepRates(0.92, 0.0)
    renewal: StepRates = StepRates(0.9, 0.03)
    """The committee's renewed decision on a placement without consent."""
    home_request: StepRates = StepRates(0.85, 0.02)
    support_after_18: StepRates = StepRates(0.72, 0.12)
    new_municipality: StepRates = StepRates(0.7, 0.1)
    family_counselling: StepRates = StepRates(0.74, 0.12)
    transition: StepRates = StepRates(0.65, 0.15)
    complaint_reconsideration: StepRates = StepRates(0.8, 0.05)
    access_request: StepRates = StepRates(0.72, 0.05)
    hearing_answer: StepRates = StepRates(0.7, 0.2)
    """The party's answer to a hearing within the authority's time limit."""

    complaint: float = 0.07
    """Share of decisions a party complains about."""
    access: float = 0.08
    """Share of cases with a request for access to documents."""
    access_by_party: float = 0.75
    """Share of access requests made by a party (else under offentlighedsloven)."""
    hearing: float = 0.15
    """Share of decisions preceded by a hearing of the party."""
    renotification: float = 0.3
    """Share of measures during which a new notification arrives."""
    digital: float = 0.8
    """Share of decisions sent by Digital Post rather than by letter."""
    recorded_receipt: float = 0.1
    """Share of decisions whose receipt is recorded rather than derived."""
    chair_decision: float = 0.45
    """Share of placements without consent that start with a chair's decision."""

    def __post_init__(self) -> None:
        for name in ("track_weights", "notifier_weights"):
            weights = getattr(self, name)
            object.__setattr__(self, name, MappingProxyType(dict(weights)))
            if not weights or any(w < 0 for w in weights.values()) or sum(weights.values()) <= 0:
                raise InputError(name, weights, "expected non-negative weights, not all zero")
        unknown = set(self.track_weights) - set(TRACKS)
        if unknown:
            raise InputError("track_weights", sorted(unknown), f"tracks are {', '.join(TRACKS)}")

    def __reduce__(self) -> tuple[type[SyntheticConfig], tuple[Any, ...]]:
        """Pickle as plain values (a read-only mapping does not pickle), for worker processes."""
        values = (getattr(self, f.name) for f in fields(self))
        return (type(self), tuple(dict(v) if isinstance(v, Mapping) else v for v in values))

    def key(self) -> str:
        """A stable text naming these settings, part of every case's seed."""
        parts = []
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Mapping):
                value = sorted(value.items())
            parts.append(f"{f.name}={value!r}")
        return ";".join(parts)


DEFAULT_CONFIG: Final = SyntheticConfig()
"""The settings the benchmarks and golden snapshots use."""


# -- the portfolio ------------------------------------------------------------------------


class SyntheticCases:
    """``size`` synthetic cases, made one at a time on each iteration (re-iterable, lazy)."""

    __slots__ = ("config", "seed", "size")

    def __init__(self, size: int, seed: int = 0, config: SyntheticConfig = DEFAULT_CONFIG) -> None:
        if isinstance(size, bool) or not isinstance(size, int) or size < 0:
            raise InputError("size", size, "expected a whole number of cases, 0 or more")
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise InputError("seed", seed, "expected an integer seed")
        self.size = size
        self.seed = seed
        self.config = config

    def __len__(self) -> int:
        return self.size

    def __iter__(self) -> Iterator[CaseRecord]:
        return self.entries_between(0, self.size)

    def entries_between(self, start: int, stop: int) -> Iterator[CaseRecord]:
        """Cases ``start`` to ``stop - 1``: a worker process makes its own share."""
        salt = _salt(self.config)
        for index in range(max(start, 0), min(stop, self.size)):
            yield _generate(index, self.seed, self.config, salt)

    def __reduce__(self) -> tuple[type[SyntheticCases], tuple[int, int, SyntheticConfig]]:
        return SyntheticCases, (self.size, self.seed, self.config)

    def __repr__(self) -> str:
        custom = "" if self.config == DEFAULT_CONFIG else ", custom config"
        return f"SyntheticCases({self.size} cases, seed {self.seed}{custom})"


def generate_portfolio(
    size: int, *, seed: int = 0, config: SyntheticConfig | None = None
) -> Portfolio:
    """A portfolio of ``size`` synthetic cases meant to be evaluated at :data:`AS_OF`.

    Case ``i`` is :func:`generate_case` ``(i, seed, config)``; the cases are
    generated anew on every iteration, never held.
    """
    return Portfolio(SyntheticCases(size, seed, config or DEFAULT_CONFIG))


def generate_case(index: int, seed: int = 0, config: SyntheticConfig | None = None) -> CaseRecord:
    """Case number ``index`` of the portfolio with this seed: the same every time."""
    if isinstance(index, bool) or not isinstance(index, int) or index < 0:
        raise InputError("index", index, "expected a case number, 0 or more")
    config = config or DEFAULT_CONFIG
    return _generate(index, seed, config, _salt(config))


def _salt(config: SyntheticConfig) -> str:
    return "" if config == DEFAULT_CONFIG else f":{config.key()}"


def _generate(index: int, seed: int, config: SyntheticConfig, salt: str) -> CaseRecord:
    rng = random.Random(f"frister-synthetic:{seed}:{index}{salt}")
    return _Builder(rng, config).build(f"syn-{seed}-{index:06d}")


# -- dates --------------------------------------------------------------------------------


def _add_months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _birthday(birth: date, age: int) -> date:
    year = birth.year + age
    return date(year, birth.month, min(birth.day, calendar.monthrange(year, birth.month)[1]))


def _day(moment: date | datetime) -> date:
    return moment.astimezone(TZ).date() if isinstance(moment, datetime) else moment


def _plus(day: date, days: int) -> date:
    return day + timedelta(days=days)


# -- one case -----------------------------------------------------------------------------


class _Builder:
    """Draws one case: its child, its track, and the events of that track up to AS_OF."""

    def __init__(self, rng: random.Random, config: SyntheticConfig) -> None:
        self.rng = rng
        self.config = config
        self.events: list[Event] = []
        self.counters: dict[str, int] = {}
        self.completions: list[date] = []
        self.birth: date | None = None
        self.handicap = False

    # -- drawing helpers ------------------------------------------------------------------

    def chance(self, share: float) -> bool:
        return self.rng.random() < share

    def pick(self, weights: Mapping[str, float]) -> str:
        names = list(weights)
        return self.rng.choices(names, weights=[weights[n] for n in names])[0]

    def between(self, first: date, last: date) -> date:
        if last <= first:
            return first
        return _plus(first, self.rng.randint(0, (last - first).days))

    def new_id(self, prefix: str) -> str:
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        return f"{prefix}{self.counters[prefix]}"

    def step(self, rates: StepRates, due: date, earliest: date, late: int = 90) -> date | None:
        """When a step with this due date is done: on time in [earliest, due], late, or never."""
        r = self.rng.random()
        if r < rates.on_time:
            span = max(0, (due - earliest).days)
            return _plus(earliest, round(self.rng.triangular(0, span, span * 0.7)))
        if r < rates.on_time + rates.missed:
            return None
        return _plus(due, self.rng.randint(1, late))

    def moment(self, day: date) -> datetime:
        """A time of day on ``day`` in Copenhagen, office hours mostly, never in a DST gap."""
        hour = self.rng.choice((8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19, 22, 0))
        return datetime(day.year, day.month, day.day, hour, self.rng.randrange(60), tzinfo=TZ)

    def after_hours(self, start: datetime, low: float, high: float) -> datetime:
        elapsed = timedelta(hours=self.rng.uniform(low, high))
        return (start.astimezone(UTC) + elapsed).astimezone(TZ)

    def hours_step(self, rates: StepRates, start: datetime) -> datetime | None:
        """A step due 24 hours after ``start``: within 1-22 hours, after 26-96 hours, or never."""
        r = self.rng.random()
        if r < rates.on_time:
            return self.after_hours(start, 1, 22)
        if r < rates.on_time + rates.missed:
            return None
        return self.after_hours(start, 26, 96)

    def add(self, kind: str, at: date | datetime, **facts: Any) -> bool:
        """Record an event unless it lies after AS_OF; say whether it was recorded."""
        if _day(at) > AS_OF:
            return False
        self.events.append(Event(kind, at, {k: v for k, v in facts.items() if v is not None}))
        return True

    def law(self, day: date) -> Literal["SEL", "BL"]:
        return "BL" if day >= BARNETS_LOV_FROM else "SEL"

    def age_on(self, day: date) -> int | None:
        if self.birth is None:
            return None
        years = day.year - self.birth.year
        return years - ((day.month, day.day) < (self.birth.month, self.birth.day))

    # -- the case -------------------------------------------------------------------------

    def build(self, case_id: str) -> CaseRecord:
        config = self.config
        track = self.pick(config.track_weights)
        start = self.between(FIRST_DAY, _plus(AS_OF, -10))
        if track == "ung":
            age = self.rng.randint(18, 21)
        elif track == "ufoedt":
            age = -1
        else:
            age = self.rng.choices(range(18), weights=[*[4] * 3, *[5] * 12, 4, 3, 2])[0]
        if age >= 0:
            self.birth = _plus(date(start.year - age, start.month, 1), -self.rng.randint(0, 364))
            self.birth = min(self.birth, start)
        self.handicap = track == "handicap" or self.chance(0.03)
        getattr(self, f"track_{track}")(start)
        self.events.sort(key=_order)
        facts: dict[str, Any] = {"handicap": self.handicap}
        if self.birth is not None:
            facts["foedselsdato"] = self.birth
        unit = self.unit(track)
        worker = self.rng.randint(1, UNITS[unit])
        return CaseRecord(
            id=case_id,
            case=Case(events=self.events, facts=facts),
            caseworker=f"{unit}-{worker:02d}",
            unit=unit,
            labels={"spor": track, "aldersgruppe": _age_group(age), "lov": self.law_label(start)},
        )

    def unit(self, track: str) -> str:
        if track == "handicap":
            return "handicap"
        if track == "ung":
            return "unge"
        return self.rng.choice(("boern-nord", "boern-syd", "boern-oest", "boern-vest"))

    def law_label(self, start: date) -> str:
        last = max((_day(e.at) for e in self.events), default=start)
        if last < BARNETS_LOV_FROM:
            return "serviceloven"
        return "barnets-lov" if start >= BARNETS_LOV_FROM else "overgang"

    # -- tracks ---------------------------------------------------------------------------

    def track_underretning(self, start: date) -> None:
        """A notification, sometimes a second, sometimes an investigation that ends the case."""
        self.notification(start)
        if self.chance(0.25):
            self.notification(_plus(start, self.rng.randint(20, 300)))
        if self.chance(0.45):
            self.investigation(start)

    def track_forebyggende(self, start: date) -> None:
        """Notification, investigation, a preventive measure with follow-ups, and its end."""
        self.notification(start)
        done = self.investigation(start)
        akut = self.chance(0.08)
        if done is None and not akut:
            return
        decided = self.between(_plus(start, 3), _plus(start, 20)) if akut else None
        if decided is None:
            assert done is not None
            decided = _plus(done, self.rng.randint(3, 40))
        indsats = self.new_id("I")
        self.support_decision(decided, indsats, "stoettende-indsats", akut=akut)
        begun = _plus(decided, self.rng.randint(2, 25))
        end = _add_months(begun, self.rng.randint(6, 36))
        self.measure(begun, indsats, "stoettende-indsats", end, ("SEL § 52", "BL § 32"))

    def track_anbringelse(self, start: date) -> None:
        """Investigation and a placement with consent, possibly urgent, with its supervision."""
        self.notification(start)
        done = self.investigation(start)
        akut = self.chance(0.2)
        if done is None and not akut:
            return
        if akut:
            decided = self.between(start, _plus(start, 14))
        else:
            assert done is not None
            decided = _plus(done, self.rng.randint(3, 40))
        indsats = self.new_id("A")
        self.support_decision(decided, indsats, "anbringelse-med-samtykke", akut=akut)
        begun = _plus(decided, self.rng.randint(0, 10))
        end = _add_months(begun, self.rng.randint(10, 72))
        if self.chance(0.12):
            asked = self.between(_plus(begun, 60), _plus(end, -10))
            if asked < end:
                end = self.home_request(asked, indsats) or end
        self.measure(begun, indsats, "anbringelse", end, ("SEL § 52", "BL § 46"))

    def track_tvang(self, start: date) -> None:
        """A placement without consent: chair's decision, committee, renewals, supervision."""
        self.notification(start)
        undersoegelse = self.new_id("BFU")
        due = _add_months(start, 4)
        without_consent = self.chance(0.3)
        if without_consent:
            committee = _plus(start, self.rng.randint(7, 30))
            self.add(
                "udvalg.afgoerelse",
                committee,
                afgoerelse_id=self.new_id("BUU"),
                undersoegelse_id=undersoegelse,
                type="undersoegelse-uden-samtykke",
                hjemmel="BL § 23" if self.law(committee) == "BL" else "SEL § 51",
            )
            due = min(due, _add_months(committee, 2))
        done = self.investigation(start, undersoegelse, due=due, with_consent=not without_consent)
        indsats = self.new_id("A")
        if self.chance(self.config.chair_decision):
            placed = self.between(_plus(start, 5), _plus(start, 60))
            self.chair_decision(placed, indsats)
            decided = _plus(placed, self.rng.randint(14, 45))
        elif done is not None:
            placed = decided = _plus(done, self.rng.randint(5, 30))
        else:
            return
        end = _add_months(placed, self.rng.randint(12, 84))
        if self.birth is not None:
            end = min(end, _birthday(self.birth, 18))
        self.committee_placement(decided, indsats, last=end)
        self.measure(placed, indsats, "anbringelse", end, ("SEL § 58", "BL § 47"))

    def track_ufoedt(self, start: date) -> None:
        """A notification about an unborn child, the expectant parents' investigation, birth."""
        self.notification(start, notifier="fagperson")
        self.investigation(start, ufoedt=True)
        born = _plus(start, self.rng.randint(20, 150))
        if born <= AS_OF:
            self.birth = born
        if self.chance(0.4):
            decided = _plus(born, self.rng.randint(5, 60))
            indsats = self.new_id("I")
            self.support_decision(decided, indsats, "stoettende-indsats", akut=False)
            begun = _plus(decided, self.rng.randint(2, 14))
            self.measure(
                begun,
                indsats,
                "stoettende-indsats",
                _add_months(begun, 12),
                ("SEL § 52", "BL § 32"),
            )

    def track_handicap(self, start: date) -> None:
        """Diagnosis, family counselling, lost earnings granted and maybe stopped, respite care."""
        self.handicap = True
        self.add("handicap.diagnose-kendt", start)
        offered = self.step(self.config.family_counselling, _add_months(start, 3), start, 120)
        if offered is not None:
            self.add("familievejledning.tilbudt", offered)
        applied = _plus(start, self.rng.randint(10, 120))
        granted = self.application(applied, "handicap-tabt-arbejdsfortjeneste")
        if granted is not None and self.chance(0.45):
            stopped = _plus(granted, self.rng.randint(120, 900))
            if self.chance(self.config.hearing):
                self.hearing(_plus(stopped, -self.rng.randint(20, 40)))
            law = self.law(stopped)
            self.decision(
                stopped,
                type="handicap-tabt-arbejdsfortjeneste",
                hjemmel="BL § 87" if law == "BL" else "SEL § 42",
                notice_case=True,
            )
        if self.chance(0.35):
            self.application(_plus(start, self.rng.randint(30, 400)), "handicap-merudgifter")
        if self.chance(0.6):
            decided = _plus(start, self.rng.randint(30, 200))
            indsats = self.new_id("I")
            self.support_decision(decided, indsats, "stoettende-indsats", akut=False)
            begun = _plus(decided, self.rng.randint(5, 30))
            self.measure(
                begun,
                indsats,
                "stoettende-indsats",
                _add_months(begun, 48),
                ("SEL § 52", "BL § 32"),
            )

    def track_ung(self, start: date) -> None:
        """A young person formerly placed moves here: decision on support after the youth plan."""
        self.add("ungeplan.modtaget", start)
        decided = self.step(self.config.new_municipality, _plus(start, 30), _plus(start, 5), 60)
        if decided is None:
            return
        law = self.law(decided)
        indsats = self.new_id("I") if self.chance(0.7) else None
        self.decision(
            decided,
            type="stoette-efter-18",
            hjemmel="BL § 114" if law == "BL" else "SEL § 76",
            indsats_id=indsats,
            plan_first="handleplan" if law == "SEL" else None,
        )
        if indsats is not None:
            begun = _plus(decided, self.rng.randint(3, 20))
            self.measure(
                begun,
                indsats,
                "stoettende-indsats",
                _add_months(begun, 18),
                ("SEL § 76", "BL § 114"),
            )

    # -- steps ----------------------------------------------------------------------------

    def notification(self, day: date, notifier: str | None = None, active: bool = False) -> None:
        """underretning.modtaget with its 24-hour assessment, acknowledgement and outcome."""
        config = self.config
        uid = self.new_id("U")
        notifier = notifier or self.pick(config.notifier_weights)
        received = self.moment(day)
        self.add(
            "underretning.modtaget",
            received,
            underretning_id=uid,
            underretter=notifier,
            om_overgreb=self.chance(0.08),
        )
        assessed = self.hours_step(config.notification_assessment, received)
        if assessed is not None:
            self.add("underretning.vurderet", assessed, underretning_id=uid)
        if notifier != "anonym":
            last_on_time = _CAL.add_working_days(day, 6)
            done = self.step(config.acknowledgement, last_on_time, day, 20)
            if done is not None:
                self.add("underretning.kvitteret", done, underretning_id=uid)
        if notifier == "fagperson" and self.chance(config.notifier_informed):
            self.add(
                "underretning.orienteret", _plus(day, self.rng.randint(7, 90)), underretning_id=uid
            )
        if active and self.chance(config.reassessment):
            self.add(
                "underretning.genvurderet", _plus(day, self.rng.randint(1, 30)), underretning_id=uid
            )

    def investigation(
        self,
        start: date,
        undersoegelse: str | None = None,
        *,
        due: date | None = None,
        ufoedt: bool = False,
        with_consent: bool = True,
    ) -> date | None:
        """bekymring.opmaerksom and the investigation's completion (and preliminary assessment)."""
        config = self.config
        undersoegelse = undersoegelse or self.new_id("BFU")
        self.add(
            "bekymring.opmaerksom",
            start,
            undersoegelse_id=undersoegelse,
            ufoedt=True if ufoedt else (False if self.chance(0.3) else None),
        )
        four_months = _add_months(start, 4)
        due = due or four_months
        rates = config.investigation if with_consent else config.investigation_without_consent
        done = self.step(rates, due, _plus(start, min(30, (due - start).days)), 150)
        if not ufoedt and (done is None or done > four_months):
            prelim = self.step(config.preliminary_assessment, four_months, _plus(four_months, -20))
            if prelim is not None:
                self.add(
                    "undersoegelse.foreloebig-vurdering", prelim, undersoegelse_id=undersoegelse
                )
        if done is not None and self.add(
            "undersoegelse.afsluttet", done, undersoegelse_id=undersoegelse
        ):
            self.completions.append(done)
            return done
        return None

    def decision(
        self,
        day: date,
        *,
        type: str,
        hjemmel: str,
        indsats_id: str | None = None,
        ansoegning_id: str | None = None,
        akut: bool | None = None,
        plan_noedvendig: bool | None = None,
        notice_case: bool = False,
        plan_first: str | None = None,
    ) -> str:
        """afgoerelse.truffet, the talk (and plan) before it, its notification, any complaint."""
        config = self.config
        afgoerelse = self.new_id("AF")
        if plan_first is not None and self.chance(config.plan_before):
            self.add(
                "plan.udarbejdet",
                _plus(day, -self.rng.randint(1, 20)),
                afgoerelse_id=afgoerelse,
                indsats_id=indsats_id,
                type=plan_first,
            )
        r = self.rng.random()
        if r < config.talk_held:
            self.add(
                "boernesamtale.afholdt",
                _plus(day, -self.rng.randint(1, 30)),
                afgoerelse_id=afgoerelse,
            )
        elif r < config.talk_held + config.talk_omitted:
            self.add(
                "boernesamtale.undladt",
                _plus(day, -self.rng.randint(0, 10)),
                afgoerelse_id=afgoerelse,
                begrundelse=self.rng.choice(_OMISSION_GROUNDS),
            )
        if not self.add(
            "afgoerelse.truffet",
            day,
            afgoerelse_id=afgoerelse,
            indsats_id=indsats_id,
            ansoegning_id=ansoegning_id,
            type=type,
            hjemmel=hjemmel,
            akut=akut,
            plan_noedvendig=plan_noedvendig,
        ):
            return afgoerelse
        self.notify(_plus(day, self.rng.randint(0, 3)), afgoerelse, type, "kommune", notice_case)
        return afgoerelse

    def notify(
        self, day: date, afgoerelse: str, type: str, instans: str, notice_case: bool
    ) -> None:
        """afgoerelse.meddelt, sometimes the recorded receipt, and sometimes a complaint."""
        config = self.config
        kanal = "digital" if self.chance(config.digital) else "brev"
        if not self.add(
            "afgoerelse.meddelt",
            day,
            afgoerelse_id=afgoerelse,
            kanal=kanal,
            type=type,
            instans=instans,
        ):
            return
        received = day if kanal == "digital" else _CAL.add_working_days(day, self.rng.randint(2, 6))
        if self.chance(config.recorded_receipt):
            self.add(
                "afgoerelse.modtaget",
                received,
                afgoerelse_id=afgoerelse,
                type=type,
                instans=instans,
            )
        if not self.chance(config.complaint * (4 if notice_case else 1)):
            return
        complained = _plus(received, self.rng.randint(3, 35))
        self.add(
            "klage.modtaget",
            complained,
            afgoerelse_id=afgoerelse,
            instans=instans,
            varslingssag=True if notice_case else None,
        )
        if instans == "kommune":
            weeks = 2 if notice_case else 4
            done = self.step(
                config.complaint_reconsideration,
                _plus(complained, 7 * weeks),
                _plus(complained, 2),
                40,
            )
            if done is None:
                return
            self.add("klage.genvurderet", done, afgoerelse_id=afgoerelse)
            if self.chance(0.25):  # the decision was changed as asked: nothing to send on
                return
            forwarded = _plus(done, self.rng.randint(0, 7))
        elif instans == "udvalg":
            forwarded = _plus(complained, self.rng.randint(3, 20))
        else:
            return
        self.add("klage.videresendt", forwarded, afgoerelse_id=afgoerelse)
        if self.chance(0.6):
            ruling = _plus(forwarded, self.rng.randint(60, 200))
            self.notify(ruling, self.new_id("ANK"), type, "ankestyrelsen", False)

    def support_decision(self, day: date, indsats: str, kind: str, *, akut: bool) -> None:
        """A municipal decision on support or placement with consent, with the plans around it."""
        config = self.config
        law = self.law(day)
        age = self.age_on(day)
        youth = age is not None and age >= 16
        plan_noedvendig = self.chance(0.6) if kind == "stoettende-indsats" else None
        if self.chance(config.hearing):
            self.hearing(_plus(day, -self.rng.randint(15, 40)))
        if law == "SEL":
            hjemmel = "SEL § 52"
        else:
            hjemmel = "BL § 32" if kind == "stoettende-indsats" else "BL § 46"
        afgoerelse = self.decision(
            day,
            type=kind,
            hjemmel=hjemmel,
            indsats_id=indsats,
            akut=akut if (law == "SEL" or akut) else None,
            plan_noedvendig=plan_noedvendig if law == "BL" else None,
            plan_first="handleplan" if law == "SEL" and not akut else None,
        )
        plan_type: str | None = None
        months = 3
        if law == "SEL" and akut:
            plan_type, months = "handleplan", 4
        elif law == "BL" and youth:
            plan_type = "ungeplan"
        elif law == "BL" and (kind == "anbringelse-med-samtykke" or plan_noedvendig):
            plan_type = "barnets-plan"
        if plan_type is not None:
            due = _add_months(day, months)
            done = self.step(config.plan_after, due, _plus(day, 7), 120)
            if done is not None:
                self.add(
                    "plan.udarbejdet",
                    done,
                    afgoerelse_id=afgoerelse,
                    indsats_id=indsats,
                    type=plan_type,
                )

    def chair_decision(self, placed: date, indsats: str) -> None:
        """A chair's provisional placement: written notice in 24 hours, the committee in 7 days."""
        config = self.config
        afgoerelse = self.new_id("FA")
        implemented = self.moment(placed)
        self.add("formandsafgoerelse.iverksat", implemented, afgoerelse_id=afgoerelse)
        notice = self.hours_step(config.chair_notice, implemented)
        if notice is not None:
            self.add("formandsafgoerelse.meddelt", notice, afgoerelse_id=afgoerelse)
        approved = self.step(config.chair_to_committee, _plus(placed, 7), _plus(placed, 1), 10)
        if approved is not None:
            law = self.law(approved)
            self.add(
                "udvalg.afgoerelse",
                approved,
                afgoerelse_id=afgoerelse,
                indsats_id=indsats,
                type="godkendelse-af-formandsafgoerelse",
                hjemmel="BL § 143, stk. 4" if law == "BL" else "SEL § 75",
            )

    def committee_placement(self, day: date, indsats: str, *, last: date) -> None:
        """The committee's placement without consent, its plan first, renewals until ``last``."""
        config = self.config
        renewal = False
        placed = day
        while day <= min(last, AS_OF):
            law = self.law(day)
            buu = self.new_id("BUU")
            if self.chance(config.plan_before):
                self.add(
                    "plan.udarbejdet",
                    _plus(day, -self.rng.randint(3, 25)),
                    afgoerelse_id=buu,
                    indsats_id=indsats,
                    type="barnets-plan" if law == "BL" else "handleplan",
                )
            recent = (not renewal) and self.chance(0.15)
            fixed = (
                _add_months(day, self.rng.choice((12, 24)))
                if renewal and self.chance(0.5)
                else None
            )
            if law == "BL":
                hjemmel = "BL § 50" if renewal else "BL § 47"
            else:
                hjemmel = "SEL § 62" if renewal else "SEL § 58"
            self.add(
                "udvalg.afgoerelse",
                day,
                afgoerelse_id=buu,
                indsats_id=indsats,
                type="anbringelse-uden-samtykke",
                hjemmel=hjemmel,
                anbragt_inden_for_seneste_aar=recent,
                genbehandlingsfrist=fixed,
                # BL § 50 stk. 7: worked out from the dates, so no draw changes.
                anbragt_under_3_aar=(day < _add_months(placed, 36))
                if renewal and law == "BL"
                else None,
            )
            self.notify(
                _plus(day, self.rng.randint(0, 3)),
                buu,
                "anbringelse-uden-samtykke",
                "udvalg",
                False,
            )
            due = fixed or _add_months(day, 24 if recent else 12)
            renewed = self.step(config.renewal, due, _plus(due, -60), 60)
            if renewed is None:
                return
            day, renewal = renewed, True

    def measure(
        self, begun: date, indsats: str, kind: str, end: date, basis: tuple[str, str]
    ) -> None:
        """indsats.iverksat, its follow-ups, supervision, plans at 16, support after 18, its end.

        ``basis`` is the measure's paragraph under Serviceloven and under Barnets lov; the
        decision ending it cites it, as the sample cases do.
        """
        config = self.config
        placement = kind == "anbringelse"
        if not self.add("indsats.iverksat", begun, indsats_id=indsats, type=kind):
            return
        if self.birth is not None and placement:
            end = min(end, _birthday(self.birth, 18))
        end = max(end, _plus(begun, 30))
        if placement:
            self.add("anbringelse.udflyttet", begun, indsats_id=indsats)
            self.parents_plan(begun, indsats, end)
            self.supervision(begun, indsats, end)
        self.followups(
            begun,
            indsats,
            end,
            config.followup_placement if placement else config.followup_preventive,
        )
        if self.chance(config.renotification):
            self.notification(self.between(_plus(begun, 14), _plus(end, -1)), active=True)
        if self.chance(config.access):
            self.access(self.between(begun, end))
        if self.birth is not None:
            self.youth(begun, indsats, kind, end)
        if self.add("indsats.ophoert", end, indsats_id=indsats, type=kind) and self.chance(0.5):
            law = self.law(end)
            self.decision(
                _plus(end, -self.rng.randint(5, 20)),
                type="ophoer-af-indsats",
                hjemmel=basis[1] if law == "BL" else basis[0],
                indsats_id=indsats,
            )

    def youth(self, begun: date, indsats: str, kind: str, end: date) -> None:
        """Youth plan at 16 (Barnets lov), transition at 16 (disability), support after 18."""
        assert self.birth is not None
        config = self.config
        sixteen = _birthday(self.birth, 16)
        if begun < sixteen < end and sixteen >= BARNETS_LOV_FROM and begun >= BARNETS_LOV_FROM:
            done = self.step(config.plan_after, _add_months(sixteen, 3), _plus(sixteen, -30), 120)
            if done is not None and done < end:
                self.add("plan.udarbejdet", done, indsats_id=indsats, type="ungeplan")
        if self.handicap and begun <= sixteen < end:
            done = self.step(config.transition, sixteen, _plus(sixteen, -180), 240)
            if done is not None and done < end:
                self.add("overgang.forberedelse-startet", done)
        eighteen = _birthday(self.birth, 18)
        due = _add_months(eighteen, -6)
        if kind == "anbringelse" and begun < due and eighteen <= end + timedelta(days=1):
            done = self.step(config.support_after_18, due, _plus(due, -120), 150)
            if done is not None and done < end:
                law = self.law(done)
                self.decision(
                    done,
                    type="stoette-efter-18",
                    hjemmel="BL § 114" if law == "BL" else "SEL § 76",
                    indsats_id=indsats,
                    plan_first="handleplan" if law == "SEL" else None,
                )

    def followups(self, begun: date, indsats: str, end: date, rates: StepRates) -> None:
        """Follow-ups 3 months after the start, then every 6 months (BL: the date set each time)."""
        due = _add_months(begun, 3)
        if begun >= BARNETS_LOV_FROM:
            # BL § 95: the first follow-up comes at the investigation's end if that is earlier
            earlier = [d for d in self.completions if begun <= d < due]
            if earlier:
                due = min(earlier)
        anchor = begun
        while due < end:
            done = self.step(rates, due, max(_plus(anchor, 1), _plus(due, -45)), 120)
            if done is None or done >= end or done > AS_OF:
                return
            if done >= BARNETS_LOV_FROM:
                nxt = _add_months(done, self.rng.choice((3, 6, 6, 6, 6, 6, 12)))
            else:
                nxt = _add_months(done, 6)
            naeste = nxt if nxt >= BARNETS_LOV_FROM else None
            self.add("opfoelgning.gennemfoert", done, indsats_id=indsats, naeste_opfoelgning=naeste)
            anchor, due = done, nxt

    def parents_plan(self, moved: date, indsats: str, end: date) -> None:
        """Offers to revise the parents' plan: 3 months after moving out, then within 12 months."""
        due = _add_months(moved, 3)
        anchor = moved
        while due < end:
            done = self.step(
                self.config.parents_plan_revision, due, max(_plus(anchor, 1), _plus(due, -60)), 120
            )
            if (
                done is None
                or done >= end
                or not self.add("foraeldrehandleplan.revision-tilbudt", done, indsats_id=indsats)
            ):
                return
            anchor, due = done, _add_months(done, 12)

    def supervision(self, begun: date, indsats: str, end: date) -> None:
        """A supervision talk with the child in each half-year the placement runs, when held."""
        half = date(begun.year, 1 if begun.month <= 6 else 7, 1)
        while half < end:
            last = _plus(_add_months(half, 6), -1)
            first, last = max(half, _plus(begun, 7)), min(last, _plus(end, -1))
            if first <= last and self.chance(self.config.supervision_talk.on_time):
                self.add("tilsyn.samtale", self.between(first, last), indsats_id=indsats)
            half = _add_months(half, 6)

    def home_request(self, asked: date, indsats: str) -> date | None:
        """A request to end a placement with consent, decided within 7 days (or not); its end."""
        self.add("hjemgivelse.anmodet", asked, indsats_id=indsats)
        done = self.step(self.config.home_request, _plus(asked, 7), _plus(asked, 1), 30)
        if done is None:
            return None
        law = self.law(done)
        self.decision(
            done,
            type="hjemgivelse",
            hjemmel="BL § 102" if law == "BL" else "SEL § 68",
            indsats_id=indsats,
        )
        return _plus(done, self.rng.randint(7, 45)) if self.chance(0.6) else None

    def application(self, received: date, omraade: str) -> date | None:
        """ansoegning.modtaget and its decision, sometimes with notice of a longer wait."""
        ansoegning = self.new_id("ANS")
        self.add("ansoegning.modtaget", received, ansoegning_id=ansoegning, omraade=omraade)
        waited = self.rng.randint(14, 150)
        if waited > 70 and self.chance(0.5):
            self.add(
                "sagsbehandlingsfrist.besked",
                _plus(received, self.rng.randint(40, 70)),
                ansoegning_id=ansoegning,
            )
        decided = _plus(received, waited)
        law = self.law(decided)
        if omraade == "handicap-merudgifter":
            kind, hjemmel = "handicap-merudgifter", "BL § 86" if law == "BL" else "SEL § 41"
        else:
            kind, hjemmel = (
                "handicap-tabt-arbejdsfortjeneste-bevilling",
                "BL § 87" if law == "BL" else "SEL § 42",
            )
        self.decision(decided, type=kind, hjemmel=hjemmel, ansoegning_id=ansoegning)
        return decided if decided <= AS_OF else None

    def hearing(self, sent: date) -> None:
        """partshoering.sendt with the authority's time limit, and the party's answer."""
        hearing = self.new_id("PH")
        svarfrist = _plus(sent, self.rng.choice((10, 14, 14, 21)))
        self.add("partshoering.sendt", sent, partshoering_id=hearing, svarfrist=svarfrist)
        answered = self.step(self.config.hearing_answer, _plus(svarfrist, -1), _plus(sent, 2), 20)
        if answered is not None:
            self.add("partshoering.svar", answered, partshoering_id=hearing)

    def access(self, asked: date) -> None:
        """aktindsigt.anmodet (by a party or not) and its answer within 7 working days."""
        aktindsigt = self.new_id("AKT")
        part = self.chance(self.config.access_by_party)
        self.add("aktindsigt.anmodet", asked, aktindsigt_id=aktindsigt, part=part)
        due = _CAL.add_working_days(asked, 7)
        done = self.step(self.config.access_request, due, _plus(asked, 1), 30)
        if done is not None:
            self.add("aktindsigt.besvaret", done, aktindsigt_id=aktindsigt)


_OMISSION_GROUNDS: Final = (
    "Barnets modenhed taler imod en samtale.",
    "Barnet er under 2 år.",
    "Samtalen ville belaste barnet unødigt.",
)


def _order(event: Event) -> tuple[date, int, float]:
    if isinstance(event.at, datetime):
        return (_day(event.at), 1, event.at.timestamp())
    return (event.at, 0, 0.0)


def _age_group(age: int) -> str:
    if age < 0:
        return "ufoedt"
    if age <= 5:
        return "0-5"
    if age <= 11:
        return "6-11"
    if age <= 17:
        return "12-17"
    return "18-22"
