"""Work lists: overdue and upcoming occurrences, and measures with no follow-up in a window."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import attrs

from frister.catalog import Catalog
from frister.errors import InputError
from frister.portfolio._mi_base import (
    Tabular,
    case_of_rows,
    catalog_or_default,
    check_by,
    citation_of,
    day_of,
    mark_of,
    shift,
    sort_key,
    title_of,
    unverified,
)
from frister.portfolio._mi_rates import check_lang
from frister.portfolio._rows import NO_DUE_CODES, Moment, Table, decode
from frister.rules import Shape

_PENDING, _MET, _MET_LATE, _OVERDUE, _ENDED = range(5)
_NEXT_NOT_SET = NO_DUE_CODES["next-not-set"]


@attrs.frozen
class ListItem:
    """One occurrence on a work list: the case, the rule with its title and citation, the days."""

    case_id: str
    caseworker: str | None
    unit: str | None
    rule_id: str
    title: str
    citation: str
    version_id: str
    mark: str
    occurrence: int
    due: Moment
    practical_due: Moment
    days: int
    """Calendar days: overdue, from the legal due date to the as-of date (from the act, for
    an act done before an earliest date that still lies ahead); upcoming, from
    the as-of date to the practical due date (the day to work towards; -1 when that
    working day has passed but the legal due date, a closed day, has not)."""
    citizen: bool
    """The citizen's own deadline (shape C): listed apart, never the municipality's failure."""

    def as_dict(self, days_name: str) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "caseworker": self.caseworker,
            "unit": self.unit,
            "rule_id": self.rule_id,
            "title": self.title,
            "citation": self.citation,
            "mark": self.mark,
            "occurrence": self.occurrence,
            "due": self.due,
            "practical_due": self.practical_due,
            days_name: self.days,
        }


@attrs.frozen
class WorkList(Tabular):
    """Occurrences overdue on ``as_of`` (kind 'overdue') or falling due soon ('upcoming').

    ``items`` are the municipality's; ``citizen_items`` the citizen's own
    deadlines (shape C), kept apart. Items are sorted by the ``by`` keys, then
    most overdue (or soonest due) first.
    """

    kind: str
    as_of: date
    by: tuple[str, ...]
    items: tuple[ListItem, ...]
    citizen_items: tuple[ListItem, ...]
    unverified: tuple[str, ...]
    until: date | None = None

    @property
    def days_name(self) -> str:
        return "days_overdue" if self.kind == "overdue" else "days_left"

    def counts(self) -> dict[tuple[str | None, ...], int]:
        """How many of ``items`` per ``by`` group."""
        out: dict[tuple[str | None, ...], int] = {}
        for item in self.items:
            key = tuple(getattr(item, k) for k in self.by)
            out[key] = out.get(key, 0) + 1
        return out

    def records(self) -> list[dict[str, Any]]:
        return [i.as_dict(self.days_name) for i in self.items]

    def citizen_records(self) -> list[dict[str, Any]]:
        return [i.as_dict(self.days_name) for i in self.citizen_items]

    def columns(self) -> tuple[str, ...]:
        return (
            "case_id",
            "caseworker",
            "unit",
            "rule_id",
            "title",
            "citation",
            "mark",
            "occurrence",
            "due",
            "practical_due",
            self.days_name,
        )

    def meta(self) -> dict[str, Any]:
        return {
            "table": self.kind,
            "as_of": self.as_of,
            "until": self.until,
            "by": self.by,
            "count": len(self.items),
            "citizen_deadlines": self.citizen_records(),
            "unverified": self.unverified,
        }


_LIST_KEYS = ("unit", "caseworker", "rule_id")


def work_list(
    table: Table,
    as_of: date,
    kind: str,
    by: Sequence[str],
    within: str | None,
    catalog: Catalog | None,
    lang: str,
) -> WorkList:
    catalog = catalog_or_default(catalog)
    keys = check_by(by)
    for key in keys:
        if key not in _LIST_KEYS:
            raise InputError("by", key, f"work lists sort by {', '.join(_LIST_KEYS)}")
    lang = check_lang(lang)
    today = as_of.toordinal()
    until = shift(as_of, within, 1, "within") if within is not None else None
    last = until.toordinal() if until is not None else 0
    wanted = _OVERDUE if kind == "overdue" else _PENDING
    cases = case_of_rows(table)
    rule, status, due, practical = table.rule, table.status, table.due, table.practical_due
    zones = table.zones
    titles: dict[int, str] = {}
    items: list[ListItem] = []
    citizen: list[ListItem] = []
    versions: set[str] = set()
    for i, s in enumerate(status):
        if s != wanted or due[i] == 0:
            continue
        code = practical[i] or due[i]
        if kind == "overdue":
            days = today - day_of(due[i])
            if days < 0:
                # An act done before its earliest date (the trigger itself) is a breach from
                # the act on, although the date may still lie ahead: count from the act.
                days = today - day_of(table.trigger_at[i])
        else:
            day = day_of(code)
            if day > last or day_of(due[i]) < today:
                continue
            days = day - today
        rule_id, _, shape = table.rules[rule[i]]
        title = titles.get(rule[i])
        if title is None:
            title = titles[rule[i]] = title_of(catalog, rule_id, lang)
        version_id = table.versions[table.version[i]]
        case = cases[i]
        due_moment = decode(due[i], zones)
        practical_moment = decode(code, zones)
        assert due_moment is not None and practical_moment is not None
        item = ListItem(
            case_id=table.case_ids[case],
            caseworker=table.caseworkers[case],
            unit=table.units[case],
            rule_id=rule_id,
            title=title,
            citation=citation_of(catalog, version_id),
            version_id=version_id,
            mark=mark_of(catalog, version_id),
            occurrence=table.occurrence[i],
            due=due_moment,
            practical_due=practical_moment,
            days=days,
            citizen=shape is Shape.C,
        )
        versions.add(version_id)
        (citizen if item.citizen else items).append(item)

    def order(item: ListItem) -> tuple[Any, ...]:
        urgency = -item.days if kind == "overdue" else item.days
        group = sort_key(tuple(getattr(item, k) for k in keys))
        return (*group, urgency, item.case_id, item.rule_id, item.occurrence)

    items.sort(key=order)
    citizen.sort(key=order)
    return WorkList(
        kind,
        as_of,
        keys,
        tuple(items),
        tuple(citizen),
        unverified(catalog, versions),
        until,
    )


# -- the follow-up sweep -----------------------------------------------------------------

FOLLOWUP_RULE = "opfoelgning"

SWEEP_NOTE = {
    "da": (
        "Vinduet ({window}) er en ledelsesregel (kommunens konfiguration), ikke lov. "
        "Efter Barnets lov § 95 fastsætter kommunen selv tidspunktet for de følgende "
        "opfølgninger; loven har intet fast interval."
    ),
    "en": (
        "The window ({window}) is a management rule (the municipality's configuration), "
        "not law. Under Barnets lov § 95 the municipality sets the later follow-ups "
        "itself; the act sets no fixed interval."
    ),
}


@attrs.frozen
class SweepItem:
    """A measure running on ``as_of`` with no follow-up in the window (or never followed up)."""

    case_id: str
    caseworker: str | None
    unit: str | None
    measure_id: str | None
    measure_type: str | None
    started: date
    last_followup: date | None
    days_since: int
    """Days from the last follow-up (or, if none, the start) to the as-of date."""
    version_id: str
    law: str
    """'Barnets lov' or 'Serviceloven': the law of the latest follow-up occurrence."""
    next_not_set: bool
    """The latest follow-up set no date for the next (Barnets lov § 95 leaves it to the
    municipality, and none is recorded): not an open-ended wait but a date to set."""

    def as_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen
class FollowupSweep(Tabular):
    """Lejre's sweep: every running measure with no follow-up since ``cutoff``."""

    as_of: date
    window: str
    cutoff: date
    items: tuple[SweepItem, ...]
    measures: int
    """Running measures looked at (those started on or before the cutoff)."""
    next_not_set: int
    """Of those, the measures whose latest follow-up set no date for the next one."""
    note: str
    unverified: tuple[str, ...]

    def counts(self) -> dict[tuple[str | None, str | None], int]:
        """How many measures per (unit, caseworker)."""
        out: dict[tuple[str | None, str | None], int] = {}
        for item in self.items:
            key = (item.unit, item.caseworker)
            out[key] = out.get(key, 0) + 1
        return out

    def records(self) -> list[dict[str, Any]]:
        return [i.as_dict() for i in self.items]

    def columns(self) -> tuple[str, ...]:
        return tuple(f.name for f in attrs.fields(SweepItem))

    def meta(self) -> dict[str, Any]:
        return {
            "table": "followup_sweep",
            "as_of": self.as_of,
            "window": self.window,
            "window_is_law": False,
            "cutoff": self.cutoff,
            "measures": self.measures,
            "next_not_set": self.next_not_set,
            "count": len(self.items),
            "note": self.note,
            "unverified": self.unverified,
        }


def followup_sweep(
    table: Table, as_of: date, window: str, catalog: Catalog | None, lang: str
) -> FollowupSweep:
    catalog = catalog_or_default(catalog)
    lang = check_lang(lang)
    cutoff = shift(as_of, window, -1, "window")
    codes = {c for c, (rid, _, _) in enumerate(table.rules) if rid == FOLLOWUP_RULE}
    today = as_of.toordinal()
    cases = case_of_rows(table)
    # per (case, measure): [start, last follow-up, ended, version code, occurrence, type,
    # next not set] (version, type and next-not-set of the latest occurrence)
    measures: dict[tuple[int, str | None], list[int]] = {}
    rule, status = table.rule, table.status
    for i, code in enumerate(rule):
        if code not in codes:
            continue
        key = (cases[i], table.measure[i])
        entry = measures.get(key)
        start = day_of(table.trigger_at[i])
        if entry is None:
            entry = measures[key] = [start, 0, 0, table.version[i], 0, table.measure_type[i], 0]
        entry[0] = min(entry[0], start)
        done = day_of(table.fulfilled_at[i])
        if done and done <= today:
            entry[1] = max(entry[1], done)
        ended = day_of(table.ended_at[i])
        if status[i] == _ENDED or (ended and ended <= today):
            entry[2] = 1
        if table.occurrence[i] >= entry[4]:
            entry[3], entry[4] = table.version[i], table.occurrence[i]
            entry[6] = int(table.no_due[i] == _NEXT_NOT_SET)
    first = cutoff.toordinal()
    items = []
    looked = unset = 0
    versions = set()
    for (case, measure), (start, last, ended, version, _, kind, not_set) in measures.items():
        if ended or start > first:
            continue
        looked += 1
        unset += not_set
        if last and last >= first:
            continue
        version_id = table.versions[version]
        versions.add(version_id)
        items.append(
            SweepItem(
                case_id=table.case_ids[case],
                caseworker=table.caseworkers[case],
                unit=table.units[case],
                measure_id=measure,
                measure_type=table.types[kind],
                started=date.fromordinal(start),
                last_followup=date.fromordinal(last) if last else None,
                days_since=today - (last or start),
                version_id=version_id,
                law="Barnets lov" if version_id.startswith("barnets-lov") else "Serviceloven",
                next_not_set=bool(not_set),
            )
        )
    items.sort(key=lambda it: (-it.days_since, it.case_id, it.measure_id or ""))
    return FollowupSweep(
        as_of,
        window,
        cutoff,
        tuple(items),
        looked,
        unset,
        SWEEP_NOTE[lang].format(window=window),
        unverified(catalog, versions),
    )
