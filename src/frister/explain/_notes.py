"""Explanations as data: each note is a kind and its values, rendered in Danish or English.

The engine writes notes while it evaluates; nothing is rendered until a person
(or the JSON output) reads it, and one table of templates says every sentence
in both languages.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

import attrs

from frister.calendar._dates import Language, format_moment
from frister.deadlines import Deadline
from frister.rules import Question, Text


def _frozen(values: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(values))


@attrs.frozen
class Note:
    """One line of an explanation beyond the calendar steps, as data: a kind and its values."""

    kind: str
    values: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen, hash=False)

    @classmethod
    def of(cls, kind: str, values: dict[str, Any] | None = None) -> Note:
        """The engine's fast path: a note over a fresh dict that nobody else holds, so it is
        wrapped read-only instead of copied (an evaluation writes millions of notes)."""
        note = object.__new__(cls)
        object.__setattr__(note, "kind", kind)
        object.__setattr__(note, "values", MappingProxyType(values if values else {}))
        return note

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
    {
        "no-duration",
        "configurable",
        "not-configured",
        "missing-birth",
        "missing-fact",
        "next-not-set",
        "needs-time",
    }
)
"""The note kinds that say why an occurrence has no due date."""


def no_due_reason(notes: Iterable[Note]) -> str | None:
    """The kind of the first note that says why there is no due date, or None."""
    return next((n.kind for n in notes if n.kind in NO_DUE_REASONS), None)


DERIVED_NOTES = frozenset({"derived", "derived-letter"})
"""The note kinds that say a trigger was derived (a receipt worked out from how it was sent)."""


_NOTES: dict[str, tuple[str, str]] = {
    "trigger": ("Udløst af: {event}", "Triggered by: {event}"),
    "derived": (
        "Modtagelsen er ikke registreret; den regnes ud fra forsendelsen ({kanal}) ved "
        "{source}: {steps}; modtaget {at} [{basis}; {mark}]",
        "The receipt is not recorded; it is derived from how the decision was sent ({kanal}) "
        "with {source}: {steps}; received {at} [{basis}; {mark}]",
    ),
    "derived-letter": (
        "Modtagelsen er ikke registreret; den regnes ud fra forsendelsen ({kanal}) ved "
        "{source}: {steps}; modtaget {at} [{basis}; {mark}]. [afventer juridisk afklaring] "
        "Om grundlovsdag, juleaftensdag og nytårsaftensdag tælles som omdelingsdage, er ikke "
        "afklaret",
        "The receipt is not recorded; it is derived from how the decision was sent ({kanal}) "
        "with {source}: {steps}; received {at} [{basis}; {mark}]. [awaiting legal review] "
        "Whether grundlovsdag, Christmas Eve and New Year's Eve count as delivery days is "
        "not settled",
    ),
    "version": (
        "Gældende regel: {citation} ({version}), {period}; den gjaldt på {reason}, {day} [{mark}]",
        "Governing rule: {citation} ({version}), {period}; in force on {reason}, {day} [{mark}]",
    ),
    "reading-kept": (
        "Læsning: {old} gælder fortsat efter sin ophørsdato (forskningens D.1)",
        "Reading: {old} keeps governing after it ended (research D.1)",
    ),
    "transition": (
        "{old} gjaldt til og med {end}; {due} gælder {new}: {basis}",
        "{old} applied up to and including {end}; on {due}, {new} applies: {basis}",
    ),
    "entry-into-force": (
        "Efter den nye regel ville fristen være {computed}, før reglen trådte i kraft. "
        "[afventer juridisk kilde] Lovgrundlaget siger ikke, hvad fristen så er; det er en "
        "antagelse, at den er den dag, reglen trådte i kraft: {due}",
        "Under the new rule the deadline would be {computed}, before the rule entered into "
        "force. [awaiting legal source] The law material does not say what the deadline then "
        "is; it is an assumption that it is the day the rule entered into force: {due}",
    ),
    "no-successor": (
        "Fristen falder {due}, efter at reglen ophørte {end}, og der er ingen efterfølgende "
        "regel; fristen er beregnet efter den ophørte regel",
        "The deadline falls on {due}, after the rule ended on {end}, and no later rule "
        "follows; it is computed under the ended rule",
    ),
    "implied": (
        "Betingelsen »{condition}« følger af reglen {rule} og er forudsat",
        "The condition '{condition}' follows from the rule {rule} and is assumed",
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
        "Fristen kan ikke beregnes: sagen mangler faktum {fact}",
        "The deadline cannot be computed: the case lacks the fact {fact}",
    ),
    "missing-fact": (
        "Datoen kan ikke beregnes: {event} mangler faktum {fact}",
        "The date cannot be computed: {event} lacks the fact {fact}",
    ),
    "fact-anchor": (
        "Udgangspunktet er hændelsens {fact}: {day}",
        "The anchor is the event's {fact}: {day}",
    ),
    "earliest": (
        "Datoen er den tidligste dag, {event} må ske; før den er det for tidligt",
        "The date is the earliest day {event} may happen; before it, it is too early",
    ),
    "earliest-closed": (
        "{due} er en lukkedag; en tidligste dato er et minimum, så den gælder fra {due}, "
        "aldrig fra en tidligere dag",
        "{due} is a closed day; an earliest date is a minimum, so it holds from {due}, never "
        "from an earlier day",
    ),
    "earliest-kept": (
        "{event} skete på eller efter den tidligste dato {due}: i orden",
        "{event} happened on or after the earliest date {due}: in order",
    ),
    "too-early": (
        "{event} skete før den tidligste dato {due}: for tidligt, et brud på reglen, som "
        "vises som overskredet",
        "{event} happened before the earliest date {due}: too early, a breach of the rule, "
        "shown as overdue",
    ),
    "needs-time": (
        "Fristen kan ikke beregnes: den regnes i timer ({duration}), og {event} har intet "
        "klokkeslæt; angiv tidspunktet med tidszone",
        "The deadline cannot be computed: it counts hours ({duration}) and {event} has no time "
        "of day; give the moment with its time zone",
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
    "notice-closed": (
        "{due} er en lukkedag; et varsel er et minimum, så den tidligste virkningsdag er {due} "
        "eller senere, aldrig en tidligere dag",
        "{due} is a closed day; a notice is a minimum, so the earliest effective day is {due} "
        "or later, never an earlier day",
    ),
    "fulfilled": ("Opfyldt ved {event}", "Fulfilled by {event}"),
    "ended": ("Bortfaldet ved {event}", "Ended by {event}"),
    "link-assumed": (
        "Antagelse: {facts} er kun oplyst på den ene af udløseren og {event}; frister regner "
        "dem til samme sag (kun når begge hændelser har faktummet, skal værdierne være ens)",
        "Assumption: {facts} is given on only one of the trigger and {event}; frister counts "
        "them as the same matter (only when both events carry the fact must the values agree)",
    ),
    "citizen-expired": (
        "Borgerens frist er udløbet, uden at der er registreret en klage eller et svar; "
        "det er ikke en forsømmelse fra kommunens side",
        "The citizen's time limit has run out with no complaint or response recorded; this is "
        "no failure of the municipality's",
    ),
    "status": ("Status pr. {as_of}: {status}", "Status on {as_of}: {status}"),
    "question": ("[{mark}] {text}", "[{mark}] {text}"),
}


def explanation(
    heading: str,
    notes: Iterable[Note],
    deadline: Deadline | None,
    questions: Iterable[Question],
    lang: Language,
) -> str:
    """The one layout of an explanation: heading, notes, the calendar steps, status, questions."""
    notes = tuple(notes)
    lines = [heading]
    lines.extend(note.describe(lang) for note in notes if note.kind != "status")
    if deadline is not None:
        lines.extend(f"  {line}" for line in deadline.explain(lang).splitlines())
    lines.extend(note.describe(lang) for note in notes if note.kind == "status")
    lines.extend(
        Note("question", {"mark": q.mark.label(lang), "text": q.text(lang)}).describe(lang)
        for q in questions
    )
    return "\n".join(lines)
