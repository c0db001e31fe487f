"""Two pages of the rule book: the event vocabulary (every event kind, its facts, their types
and allowed values in words) and the readings of the open questions (each question, each
reading's date in a worked example, the safe date, and the rules it touches)."""

from __future__ import annotations

from datetime import date
from typing import Any, Final

from frister._docs._text import _cell, _esc, _rule_links, _slug
from frister.calendar import format_moment
from frister.case import Case, Event, parse_moment
from frister.catalog import Catalog
from frister.engine import OpenQuestion, Readings, open_questions
from frister.rules import FactSpec, FactType, FactWords, Text

_TYPES: Final = {
    FactType.TEXT: Text("tekst", "text"),
    FactType.BOOL: Text("ja/nej", "yes/no"),
    FactType.DATE: Text("dato", "date"),
    FactType.INT: Text("heltal", "whole number"),
}


def _fact_row(spec: FactSpec, words: FactWords | None) -> str:
    title = spec.title or (words.title if words is not None else None)
    meaning = f"{_cell(title.da)} *({_cell(title.en)})*" if title is not None else ""
    kind = _TYPES[spec.type]
    if spec.values:
        shown = []
        for value in spec.values:
            da = words.value(value, "da") if words is not None else None
            shown.append(f"`{value}`" + (f": {_cell(da)}" if da else ""))
        values = "; ".join(shown)
    elif spec.derived:
        values = "udledes af hændelserne *(derived from the events)*"
    elif spec.type is FactType.BOOL:
        values = "`true` (ja), `false` (nej)"
    else:
        values = "fri *(any)*"
    return f"| `{spec.name}` | {meaning} | {kind.da} *({kind.en})* | {values} |"


def vocabulary_page(catalog: Catalog) -> str:
    """Every event kind with its facts, their types and allowed values; the case facts."""
    lines = [
        "# Hændelser og oplysninger",
        "",
        "*The event vocabulary*",
        "",
        "En sag er en række hændelser med oplysninger. Her er alle hændelsestyper, som "
        "reglerne kender, hver med de oplysninger, den kan have, deres type og de tilladte "
        "værdier. Betingelserne på regelsiderne bruger de samme ord.",
        "",
        "*A case is a series of events with facts. These are every event kind the rules know, "
        "each with the facts it may carry, their types and allowed values. The conditions on "
        "the rule pages use the same words.*",
        "",
        "## Sagens oplysninger {#sagens-oplysninger}",
        "",
        "*Case facts*",
        "",
        "| Oplysning *(fact)* | Betydning *(meaning)* | Type | Værdier *(values)* |",
        "|---|---|---|---|",
    ]
    words = catalog.fact_words
    for spec in catalog.case_facts.values():
        lines.append(_fact_row(spec, words.get(spec.name)))
    lines.append("")
    for kind in catalog.events.values():
        added = " · tilføjet af frister *(added by frister)*" if kind.origin == "frister" else ""
        derived = [d for d in catalog.derivations.values() if d.kind == kind.kind]
        lines += [
            f"## {_esc(kind.title.da)} {{#{_slug(kind.kind)}}}",
            "",
            f"*{_esc(kind.title.en)}* · `{kind.kind}`{added}",
            "",
        ]
        for derivation in derived:
            lines += [
                f"Udledes af `{derivation.source}`, når den ikke er registreret "
                f"({_esc(derivation.basis)}). *(Derived from `{derivation.source}` when not "
                "recorded.)*",
                "",
            ]
        if kind.facts:
            lines += [
                "| Oplysning *(fact)* | Betydning *(meaning)* | Type | Værdier *(values)* |",
                "|---|---|---|---|",
            ]
            lines += [_fact_row(f, words.get(f.name)) for f in kind.facts.values()]
        else:
            lines.append("Ingen oplysninger ud over tidspunktet. *(No facts beyond its time.)*")
        lines.append("")
    return "\n".join(lines)


# -- the readings of the open questions ----------------------------------------------------

_EXAMPLES: Final[dict[str, dict[str, Any]]] = {
    # One worked example per question: catalog.due(rule, trigger, facts), or an evaluated
    # case (events, as_of) for the questions only an evaluated occurrence shows.
    "timer": {"rule": "underretning.vurdering", "trigger": "2024-03-22T16:05:00+01:00",
              "facts": {"underretter": "fagperson"}},
    "hverdage": {"rule": "underretning.kvittering", "trigger": "2024-12-20",
                 "facts": {"underretter": "fagperson"}},
    "lukkedage-borger": {"rule": "klage.klagefrist", "trigger": "2024-12-03", "facts": {}},
    "maanedsslut": {"rule": "undersoegelse.afslutning", "trigger": "2024-09-30", "facts": {}},
    "to-aarlige": {"rule": "tilsyn.samtale-anbragt", "trigger": "2024-03-15",
                   "facts": {"type": "anbringelse"}},
    "29-februar": {"rule": "ungestoette.afgoerelse", "trigger": "2024-01-10",
                   "facts": {"type": "anbringelse", "foedselsdato": date(2008, 2, 29)}},
    "brev-modtagelse": {
        "rule": "klage.klagefrist", "as_of": "2025-03-01", "occurrence": 1,
        "events": [("afgoerelse.meddelt", "2024-12-17", {
            "afgoerelse_id": "A1", "type": "stoettende-indsats", "kanal": "brev",
            "instans": "kommune"})],
    },
    "reform-opfoelgning": {
        "rule": "opfoelgning", "as_of": "2024-08-01", "occurrence": 2,
        "events": [
            ("indsats.iverksat", "2023-09-04", {"indsats_id": "I1", "type": "stoettende-indsats"}),
            ("opfoelgning.gennemfoert", "2023-12-01", {"indsats_id": "I1"}),
        ],
    },
}  # fmt: skip


def _moment(text: str) -> Any:
    return parse_moment(text, "example")


def example_readings(catalog: Catalog, question: OpenQuestion) -> tuple[str, Readings] | None:
    """The question's worked example: a description and every reading computed."""
    example = _EXAMPLES.get(question.id)
    if example is None:
        return None
    rule = example["rule"]
    if "events" in example:
        case = Case([Event(kind, _moment(at), facts) for kind, at, facts in example["events"]])
        as_of = _moment(example["as_of"])
        ob = next(
            o
            for o in catalog.evaluate(case, as_of)
            if o.rule_id == rule and o.occurrence == example["occurrence"]
        )
        events = "; ".join(f"{e.kind} {format_moment(e.at, 'da')}" for e in case.events)
        what = f"`{rule}` (forekomst {ob.occurrence}) i en sag med {events}"
        return what, catalog.readings(case, ob)
    trigger = _moment(example["trigger"])
    dl = catalog.due(rule, trigger, example["facts"])
    facts = ", ".join(f"{k} = {v}" for k, v in example["facts"].items())
    what = f"`{rule}` udløst {format_moment(trigger, 'da')}" + (f" ({facts})" if facts else "")
    return what, dl.readings


def readings_page(catalog: Catalog) -> str:
    """Each open question that changes a date, its readings and a worked example of each."""
    lines = [
        "# Læsninger af åbne spørgsmål",
        "",
        "*Readings of the open questions*",
        "",
        "Hvor retsstillingen er uafklaret, beregner frister fristen efter hver læsning, ikke "
        "kun en advarsel. For hvert spørgsmål: læsningerne med deres grundlag, den læsning, "
        "frister bruger (**frister**), et beregnet eksempel og de regler, spørgsmålet kan "
        "ændre. Den *sikre frist* er den tidligste dato for en myndigheds frist og den "
        "seneste for en borgers, så ingen borger mister en dag. En læsning, som det delte "
        "materiale ikke kan beregne, står som *afventer retskilde*.",
        "",
        "*Where the law is unsettled, frister computes the date under each reading, not only a "
        "warning. For each question: its readings with their basis, the one frister uses, a "
        "computed example and the rules the question can change. The safe date is the "
        "earliest for an authority's deadline and the latest for a citizen's, so that no "
        "citizen loses a day. A reading the shared material cannot compute is marked awaiting "
        "a legal source.*",
        "",
    ]
    for question in open_questions():
        lines += [
            f"## {_esc(question.text.da)} {{#{question.id}}}",
            "",
            f"*{_esc(question.text.en)}*",
            "",
            f"Forskningen *(research)*: {question.research} · status: "
            f"{question.mark.label('da')} *({question.mark.label('en')})* · `{question.id}`",
            "",
        ]
        example = example_readings(catalog, question)
        results = {r.reading.id: r for r in example[1].results} if example else {}
        lines += [
            "| Læsning *(reading)* | Hvad den ændrer *(what changes)* | Grundlag *(basis)* "
            "| Eksempel *(example)* |",
            "|---|---|---|---|",
        ]
        for reading in question.readings:
            used = " **frister**" if reading.used else ""
            result = results.get(reading.id)
            shown = result.describe("da") if result is not None else ""
            lines.append(
                f"| {_cell(reading.text.da)}{used} *({_cell(reading.text.en)})* "
                f"| {_cell(reading.changes.da)} | {_cell(reading.basis)}; "
                f"{_cell(reading.mark.label('da'))} | {_cell(shown)} |"
            )
        lines.append("")
        if example is not None:
            what, readings = example
            safe = format_moment(readings.safe_due, "da") if readings.safe_due else "-"
            lines += [
                f"Eksempel *(example)*: {what}. Sikker frist *(safe date)*: **{safe}**.",
                "",
            ]
        touched = [
            rule.id for rule in catalog.rules.values() if _may_touch(catalog, question, rule.id)
        ]
        if touched:
            lines += ["Kan ændre *(can change)*: " + _rule_links(touched), ""]
    return "\n".join(lines)


def _may_touch(catalog: Catalog, question: OpenQuestion, rule_id: str) -> bool:
    rule = catalog.rules[rule_id]
    if "derived_by" in question.applies:
        return any(v.trigger in catalog.derivations for v in rule.versions)
    return question.applies_to(rule, rule.versions)


def questions_touching(catalog: Catalog, rule_id: str) -> list[OpenQuestion]:
    """The open questions that can change a date of the rule (for its rule page)."""
    return [q for q in open_questions() if _may_touch(catalog, q, rule_id)]
