"""The catalog as data: obligations, versions, the event vocabulary and the calendar, indexed once.

Loading (``load``) reads rule files strictly; the indexes the engine needs
(versions by id, rules in dependency order) are built on first use and kept
with the catalog, which is immutable.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from functools import cache, cached_property, lru_cache
from importlib.resources import as_file, files
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

import attrs

from frister.calendar import DanishCalendar, ExtraClosedDay, local_date
from frister.deadlines import Deadline, Direction, Duration, MonthRule, Roll, compute_deadline
from frister.deadlines._fristberegning import counted_from, fixed_deadline
from frister.errors import FristerError, UnknownRuleError
from frister.rules._loader import Loaded, build_obligations, load_files
from frister.rules._model import (
    ConfiguredDurations,
    Derivation,
    EventKind,
    FactSpec,
    FactWords,
    ObligationRule,
    RuleVersion,
    Text,
)

_BUNDLED_ORDER = ("obligations.toml", "events.toml")
_REMEMBERED = 1 << 15
"""How many deadlines a catalog remembers (a few MB; a portfolio's distinct inputs fit)."""

C = TypeVar("C", bound="CatalogData")


@attrs.frozen(repr=False)
class CatalogData:
    """Obligations with their law versions, the event vocabulary and the calendar they use."""

    rules: Mapping[str, ObligationRule] = attrs.field(hash=False)
    stages: Mapping[str, Text] = attrs.field(hash=False)
    events: Mapping[str, EventKind] = attrs.field(hash=False)
    case_facts: Mapping[str, FactSpec] = attrs.field(hash=False)
    derivations: Mapping[str, Derivation] = attrs.field(hash=False)
    durations: Mapping[str, ConfiguredDurations] = attrs.field(hash=False)
    paths: tuple[Path, ...] = ()
    calendar: DanishCalendar = attrs.field(factory=DanishCalendar)
    fingerprint: str = ""
    """'sha256:…' of the rule files' names and bytes when loaded: the catalog's version. Two
    catalogs with the same fingerprint hold the same rules (a municipality's pack included);
    JSON output carries it so a result can be traced to the rules behind it."""
    fact_words: Mapping[str, FactWords] = attrs.field(factory=dict, hash=False)
    """Each fact in plain words (``[fact.*]`` in ``events.toml``)."""

    def __repr__(self) -> str:
        names = ", ".join(p.name for p in self.paths)
        return f"{type(self).__name__}({len(self.rules)} obligations from {names})"

    # -- lookup ---------------------------------------------------------------------

    def get(self, rule_id: str) -> ObligationRule:
        """The obligation with this id; UnknownRuleError (naming close ids) if there is none."""
        rule = self.rules.get(rule_id) if isinstance(rule_id, str) else None
        if rule is None:
            raise UnknownRuleError(rule_id, list(self.rules))
        return rule

    def version(self, version_id: str) -> RuleVersion:
        """A law version by its id."""
        version = self.versions_by_id.get(version_id) if isinstance(version_id, str) else None
        if version is None:
            raise UnknownRuleError(version_id, list(self.versions_by_id))
        return version

    # -- indexes --------------------------------------------------------------------

    @cached_property
    def versions_by_id(self) -> Mapping[str, RuleVersion]:
        """Every version of every rule, by its id."""
        return MappingProxyType({v.id: v for r in self.rules.values() for v in r.versions})

    @cached_property
    def derived_facts(self) -> tuple[FactSpec, ...]:
        """The case facts frister works out from the events (``aktiv_indsats``)."""
        return tuple(spec for spec in self.case_facts.values() if spec.derived)

    @cached_property
    def birth_fact(self) -> str | None:
        """The case fact age rules count from (``foedselsdato``), if the catalog has one."""
        return next((s.name for s in self.case_facts.values() if s.birth_date), None)

    @cached_property
    def rule_order(self) -> Mapping[str, int]:
        """Each rule's place in the catalog, the order obligations are listed in."""
        return MappingProxyType({rule_id: i for i, rule_id in enumerate(self.rules)})

    def rules_triggered_by(self, kinds: Iterable[str]) -> list[ObligationRule]:
        """The rules an event of one of ``kinds`` triggers (not those arising from a miss),
        in catalog order: found by kind, not by trying every rule."""
        index, rules = self._rules_by_kind, self._rule_list
        return [rules[p] for p in sorted({p for kind in kinds for p in index.get(kind, ())})]

    @cached_property
    def arising_rules(self) -> tuple[ObligationRule, ...]:
        """The rules that arise from a missed obligation, in catalog order; evaluated after
        all others, so that what they arise from is settled first."""
        return tuple(rule for rule in self._rule_list if rule.parents)

    @cached_property
    def _rule_list(self) -> tuple[ObligationRule, ...]:
        return tuple(self.rules.values())

    @cached_property
    def _rules_by_kind(self) -> Mapping[str, tuple[int, ...]]:
        index: dict[str, list[int]] = {}
        for position, rule in enumerate(self._rule_list):
            if not rule.parents:
                for kind in rule.trigger_kinds:
                    index.setdefault(kind, []).append(position)
        return MappingProxyType({kind: tuple(found) for kind, found in index.items()})

    # -- counting with the catalog's calendar -------------------------------------------

    def expiry_calendar(self, closed: tuple[ExtraClosedDay, ...]) -> DanishCalendar:
        """The calendar a deadline may not end on: this one, plus a rule's extra closed days."""
        return self._expiry_calendars(closed)

    def deadline(
        self,
        start: date | datetime | Deadline,
        duration: Duration,
        roll: Roll,
        closed: tuple[ExtraClosedDay, ...],
        months: MonthRule,
        direction: Direction,
    ) -> Deadline:
        """:func:`compute_deadline` by a day-based ``duration`` with this catalog's calendar,
        from a day, a checked moment or an earlier deadline, remembered by day: across a
        portfolio the same start days and durations recur thousands of times."""
        if isinstance(start, Deadline):
            day = start.due
        elif isinstance(start, datetime):
            day = local_date(start)
        else:
            return self._deadlines(start, duration, roll, closed, months, direction)
        assert type(day) is date  # a day-based count starts on a day
        counted = self._deadlines(day, duration, roll, closed, months, direction)
        return counted_from(start, counted)

    def fixed(self, day: date, roll: Roll, closed: tuple[ExtraClosedDay, ...]) -> Deadline:
        """:func:`fixed_deadline` for a day set by a decision, remembered likewise."""
        return self._fixed(day, roll, closed)

    @cached_property
    def _expiry_calendars(self) -> Callable[[tuple[ExtraClosedDay, ...]], DanishCalendar]:
        @cache
        def expiry(closed: tuple[ExtraClosedDay, ...]) -> DanishCalendar:
            return self.calendar.with_closed(*closed) if closed else self.calendar

        return expiry

    @cached_property
    def _deadlines(self) -> Callable[..., Deadline]:
        @lru_cache(maxsize=_REMEMBERED)
        def deadline(
            start: date,
            duration: Duration,
            roll: Roll,
            closed: tuple[ExtraClosedDay, ...],
            months: MonthRule,
            direction: Direction,
        ) -> Deadline:
            return compute_deadline(
                start,
                duration,
                roll=roll,
                calendar=self.calendar,
                expiry_calendar=self.expiry_calendar(closed),
                months=months,
                direction=direction,
            )

        return deadline

    @cached_property
    def _fixed(self) -> Callable[[date, Roll, tuple[ExtraClosedDay, ...]], Deadline]:
        @lru_cache(maxsize=_REMEMBERED)
        def fixed(day: date, roll: Roll, closed: tuple[ExtraClosedDay, ...]) -> Deadline:
            return fixed_deadline(day, roll=roll, expiry_calendar=self.expiry_calendar(closed))

        return fixed

    # -- composing ------------------------------------------------------------------

    def with_rules(self: C, *paths: str | Path) -> C:
        """This catalog plus a municipality's rule files; an id clash is an error."""
        return load(type(self), [*self.paths, *(Path(p) for p in paths)], self.calendar)

    def with_calendar(self: C, calendar: DanishCalendar) -> C:
        """The same rules counted with another calendar (a municipality's closed days)."""
        return attrs.evolve(self, calendar=calendar)


def bundled_paths() -> list[Path]:
    """The bundled rule files, the vocabulary first."""
    with as_file(files("frister").joinpath("data", "catalog")) as folder:
        paths = sorted(Path(folder).glob("*.toml"))
    if not paths:
        raise FristerError(f"no rule files in {folder}: is frister installed with its data?")
    first = [p for name in _BUNDLED_ORDER for p in paths if p.name == name]
    return first + [p for p in paths if p.name not in _BUNDLED_ORDER]


def load(cls: type[C], paths: Iterable[Path], calendar: DanishCalendar) -> C:
    """A catalog of class ``cls`` from rule files, checked across files."""
    paths = list(paths)
    seen = set()
    for path in paths:
        if path.resolve() in seen:
            raise FristerError(f"{path}: the same rule file is given twice")
        seen.add(path.resolve())
    loaded = load_files(paths, Loaded())
    rules = build_obligations(loaded)
    return cls(
        rules=MappingProxyType(rules),
        stages=MappingProxyType(loaded.stages),
        events=MappingProxyType(loaded.events),
        case_facts=MappingProxyType(loaded.case_facts),
        derivations=MappingProxyType(loaded.derivations),
        durations=MappingProxyType(loaded.durations),
        paths=tuple(paths),
        calendar=calendar,
        fingerprint=_fingerprint(paths),
        fact_words=MappingProxyType(loaded.fact_words),
    )


def _fingerprint(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return f"sha256:{digest.hexdigest()[:16]}"
