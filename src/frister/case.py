"""A case as frister sees it: events with facts in, obligations with explanations out."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

import attrs

from frister.calendar._dates import (
    Language,
    check_aware,
    check_date,
    format_date,
    format_moment,
    local_date,
)
from frister.deadlines._fristberegning import Deadline
from frister.errors import InputError, InputTypeError
from frister.rules._model import Condition, Question, RuleVersion, Text

Moment = date | datetime


def _freeze(facts: Mapping[str, Any] | None) -> Mapping[str, Any]:
    if facts is None:
        return MappingProxyType({})
    if not isinstance(facts, Mapping):
        raise InputTypeError("facts", facts, "expected a mapping of fact name to value")
    for name in facts:
        if not isinstance(name, str):
            raise InputTypeError("facts", name, "fact names are texts")
    return MappingProxyType(dict(facts))


def check_moment(value: object, field: str) -> Moment:
    """A date, or an aware datetime, in the supported range; anything else raises."""
    if isinstance(value, datetime):
        return check_aware(value, field)
    return check_date(value, field)


def _check_at(instance: Event, attribute: attrs.Attribute[Moment], value: Moment) -> None:
    check_moment(value, "at")


def _check_kind(instance: Event, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value:
        raise InputError("kind", value, "expected an event kind such as 'underretning.modtaget'")


@attrs.frozen
class Event:
    """Something that happened in a case: its kind, when, and its facts."""

    kind: str = attrs.field(validator=_check_kind)
    at: Moment = attrs.field(validator=_check_at)
    facts: Mapping[str, Any] = attrs.field(factory=dict, converter=_freeze, hash=False)

    @property
    def day(self) -> date:
        """The Danish calendar day it happened on."""
        return local_date(self.at) if isinstance(self.at, datetime) else self.at

    def describe(self, lang: Language) -> str:
        """'underretning.modtaget fre. 22. mar. 2024 kl. 16:05 (CET)'."""
        return f"{self.kind} {format_moment(self.at, lang)}"


def _to_events(events: Iterable[Event]) -> tuple[Event, ...]:
    items = tuple(events)
    for event in items:
        if not isinstance(event, Event):
            raise InputTypeError("events", event, "expected frister.Event")
    return items


@attrs.frozen
class Case:
    """A case: its events in any order and the facts about the case itself."""

    events: tuple[Event, ...] = attrs.field(factory=tuple, converter=_to_events)
    facts: Mapping[str, Any] = attrs.field(factory=dict, converter=_freeze, hash=False)


def order_key(moment: Moment) -> tuple[date, int, float]:
    """Sort key putting date-only events first on their day, then by the real moment."""
    if isinstance(moment, datetime):
        return (local_date(moment), 1, moment.timestamp())
    return (moment, 0, 0.0)


def on_or_after(later: Moment, earlier: Moment) -> bool:
    """``later`` is at or after ``earlier``; by day when either has no time of day."""
    if isinstance(later, datetime) and isinstance(earlier, datetime):
        return later >= earlier
    return _day(later) >= _day(earlier)


def _day(moment: Moment) -> date:
    return local_date(moment) if isinstance(moment, datetime) else moment


class Status(enum.StrEnum):
    """Where an obligation stands on the evaluation date."""

    PENDING = "pending"
    MET = "met"
    MET_LATE = "met_late"
    OVERDUE = "overdue"
    ENDED = "ended"

    def label(self, lang: Language) -> str:
        """'opfyldt for sent' / 'met late'."""
        return _STATUS_LABELS[self][0 if lang == "da" else 1]


_STATUS_LABELS = {
    Status.PENDING: ("afventer", "pending"),
    Status.MET: ("opfyldt", "met"),
    Status.MET_LATE: ("opfyldt for sent", "met late"),
    Status.OVERDUE: ("overskredet", "overdue"),
    Status.ENDED: ("bortfaldet", "ended"),
}


@attrs.frozen
class Note:
    """One line of an explanation beyond the calendar steps, as data: a kind and its values."""

    kind: str
    values: Mapping[str, Any] = attrs.field(factory=dict, converter=_freeze, hash=False)

    def describe(self, lang: Language) -> str:
        da, en = _NOTES[self.kind]
        template = da if lang == "da" else en
        return template.format(**{k: _word(v, lang) for k, v in self.values.items()})


def _word(value: object, lang: Language) -> str:
    if isinstance(value, datetime | date):
        return format_moment(value, lang)
    if isinstance(value, Text):
        return value(lang)
    if isinstance(value, bool):
        return ("ja" if value else "nej") if lang == "da" else ("yes" if value else "no")
    return str(value)


NO_DUE_REASONS = frozenset(
    {"no-duration", "configurable", "not-configured", "missing-birth", "next-not-set"}
)
"""The note kinds that say why an occurrence has no due date."""

_NOTES: dict[str, tuple[str, str]] = {
    "trigger": ("Udløst af: {event}", "Triggered by: {event}"),
    "derived": (
        "Modtagelsen er ikke registreret; den regnes ud fra forsendelsen ({kanal}): {at} [{basis}]",
        "The receipt is not recorded; it is derived from how the decision was sent ({kanal}): "
        "{at} [{basis}]",
    ),
    "version": (
        "Gældende regel: {citation} ({version}), {period}; den gjaldt på {reason}, {day} [{mark}]",
        "Governing rule: {citation} ({version}), {period}; in force on {reason}, {day} [{mark}]",
    ),
    "transition": (
        "{old} gjaldt til og med {end}; {due} gælder {new}: {basis}",
        "{old} applied up to and including {end}; on {due}, {new} applies: {basis}",
    ),
    "entry-into-force": (
        "Efter den nye regel ville fristen være {computed}, før reglen trådte i kraft; fristen "
        "er derfor den dag, reglen trådte i kraft: {due} (afventer juridisk afklaring)",
        "Under the new rule the deadline would be {computed}, before the rule entered into "
        "force; it is therefore the day the rule entered into force: {due} (awaiting legal "
        "review)",
    ),
    "no-successor": (
        "Fristen falder {due}, efter at reglen ophørte {end}, og der er ingen efterfølgende "
        "regel; fristen er beregnet efter den ophørte regel",
        "The deadline falls on {due}, after the rule ended on {end}, and no later rule "
        "follows; it is computed under the ended rule",
    ),
    "condition": (
        "Betingelse: {condition}: opfyldt ({actual})",
        "Condition: {condition}: holds ({actual})",
    ),
    "alternative": (
        "Fristen er {duration}, fordi {condition}",
        "The deadline is {duration} because {condition}",
    ),
    "wording": ("Ordlyd: »{wording}«", "Wording (Danish): »{wording}«"),
    "summary": ("{summary}", "{summary}"),
    "age-anchor": (
        "Udgangspunktet er barnets {age}-årsdag (fødselsdato {birth})",
        "The anchor is the child's {age}th birthday (born {birth})",
    ),
    "missing-birth": (
        "Fristen kan ikke beregnes: sagen mangler faktum foedselsdato",
        "The deadline cannot be computed: the case lacks the fact foedselsdato",
    ),
    "due-from-fact": (
        "Fristen er fastsat ved hændelsen ({fact}): {due}",
        "The deadline was set with the event ({fact}): {due}",
    ),
    "earlier-event": (
        "{event} kom før den beregnede frist; efter reglen falder fristen på det tidligste "
        "tidspunkt: {due}",
        "{event} came before the computed deadline; the rule takes the earlier time: {due}",
    ),
    "no-duration": (
        "Loven fastsætter ingen frist; pligten er åben, til den er opfyldt",
        "The law sets no time limit; the duty stays open until it is fulfilled",
    ),
    "configured": (
        "Varighed fastsat af {pack} for {fact} = {value}: {duration}",
        "Duration set by {pack} for {fact} = {value}: {duration}",
    ),
    "not-configured": (
        "Loven overlader fristens længde til kommunen, og ingen varighed er konfigureret "
        "for {fact} = {value}",
        "The law leaves the length to the municipality, and no duration is configured for "
        "{fact} = {value}",
    ),
    "configurable": (
        "Loven overlader fristens længde til kommunen, og ingen varighed er konfigureret",
        "The law leaves the length to the municipality, and no duration is configured",
    ),
    "recurrence": (
        "Forekomst nr. {number}: regnes fra den forrige opfyldelse {anchor}",
        "Occurrence no. {number}: counted from the previous fulfilment {anchor}",
    ),
    "next-from-fact": (
        "Kommunen fastsatte ved den forrige opfølgning næste frist ({fact}): {due}",
        "At the previous follow-up the municipality set the next date ({fact}): {due}",
    ),
    "next-not-set": (
        "Næste frist fastsættes af kommunen ved hver opfølgning; den forrige opfølgning "
        "{anchor} fastsatte ingen ({fact}), så der er ingen dato",
        "The municipality sets the next date at each follow-up; the previous one {anchor} "
        "set none ({fact}), so there is no date",
    ),
    "period": (
        "Periode {start} – {end}: mindst {count} gange; {seen} registreret",
        "Period {start} – {end}: at least {count} times; {seen} recorded",
    ),
    "arises": (
        "Opstår, fordi {parent} ikke var opfyldt ved fristen {due}",
        "Arises because {parent} was not fulfilled by its deadline {due}",
    ),
    "before": (
        "Skal være opfyldt før {event}",
        "Must be fulfilled before {event}",
    ),
    "before-breached": (
        "Ikke opfyldt før {event}",
        "Not fulfilled before {event}",
    ),
    "exempted": (
        "Undtaget: {event}",
        "Exempted: {event}",
    ),
    "notice": (
        "Fristen er den tidligste dag, afgørelsen kan få virkning; den er opfyldt, når den er nået",
        "The date is the earliest day the decision can take effect; it is met once reached",
    ),
    "fulfilled": ("Opfyldt ved {event}", "Fulfilled by {event}"),
    "ended": ("Bortfaldet ved {event}", "Ended by {event}"),
    "citizen-expired": (
        "Borgerens frist er udløbet, uden at der er registreret en klage eller et svar; "
        "det er ikke en forsømmelse fra kommunens side",
        "The citizen's time limit has run out with no complaint or response recorded; this is "
        "no failure of the municipality's",
    ),
    "status": ("Status pr. {as_of}: {status}", "Status on {as_of}: {status}"),
    "question": ("[{mark}] {text}", "[{mark}] {text}"),
}


@attrs.frozen
class Obligation:
    """One occurrence of an obligation in a case, as it stands on ``as_of``."""

    rule_id: str
    title: Text
    occurrence: int
    trigger: Event
    version: RuleVersion
    due: Moment | None
    practical_due: Moment | None
    status: Status
    as_of: Moment
    fulfilled_by: Event | None = None
    ended_by: Event | None = None
    deadline: Deadline | None = None
    notes: tuple[Note, ...] = ()
    conditions: tuple[Condition, ...] = ()
    questions: tuple[Question, ...] = ()

    @property
    def fulfilled_at(self) -> Moment | None:
        """When it was fulfilled, or None."""
        return self.fulfilled_by.at if self.fulfilled_by is not None else None

    @property
    def ended_at(self) -> Moment | None:
        """When it ended (the measure stopped), or None."""
        return self.ended_by.at if self.ended_by is not None else None

    @property
    def on_closed_day(self) -> bool:
        """True when the due date is a closed day the deadline does not move off."""
        return self.due is not None and self.practical_due != self.due

    def explain(self, lang: Language = "da") -> str:
        """The obligation, the rule and version that applied, every calendar step, the status."""
        heading = f"{self.rule_id}: {self.title(lang)}"
        if self.occurrence > 1:
            heading += f" ({'forekomst' if lang == 'da' else 'occurrence'} {self.occurrence})"
        lines = [heading]
        lines.extend(note.describe(lang) for note in self.notes if note.kind != "status")
        if self.deadline is not None:
            lines.extend(f"  {line}" for line in self.deadline.explain(lang).splitlines())
        lines.extend(note.describe(lang) for note in self.notes if note.kind == "status")
        for question in self.questions:
            mark = question.mark.label(lang)
            lines.append(
                _NOTES["question"][0 if lang == "da" else 1].format(
                    mark=mark, text=question.text(lang)
                )
            )
        return "\n".join(lines)

    def describe_due(self, lang: Language) -> str:
        """The due date as text, or 'ingen frist' / 'no deadline'."""
        if self.due is None:
            return "ingen frist" if lang == "da" else "no deadline"
        if isinstance(self.due, datetime):
            return format_moment(self.due, lang)
        return format_date(self.due, lang)
