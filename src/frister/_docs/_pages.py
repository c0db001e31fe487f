"""The rule pages: one per obligation, with its law versions and worked examples."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

from frister._docs._examples import (
    EXAMPLE_DURATION,
    EXAMPLE_PACK,
    _Examples,
    _newest_first,
    _Result,
    _RuleExamples,
    _Scenario,
)
from frister._docs._text import (
    _OR,
    _both,
    _cell,
    _convention_mark,
    _day,
    _esc,
    _fact_value,
    _fence,
    _join,
    _json,
    _mark,
    _question_warnings,
    _quote,
    _slug,
    _warning,
)
from frister._docs._vocabulary import questions_touching
from frister.calendar import Language, format_moment
from frister.case import Case
from frister.catalog import Catalog
from frister.deadlines import Direction, Mark, MonthRule, Roll, Unit, conventions
from frister.errors import FristerError
from frister.json import case_to_json
from frister.rules import SHAPE_TITLES, Condition, Law, ObligationRule, RuleVersion, Shape, Text

_ELI: Final = "https://www.retsinformation.dk/eli/lta/{year}/{number}"

_SHAPES: Final = SHAPE_TITLES

_CONVENTION_NAMES: Final = {
    "trigger-day-not-counted": Text("Udløsningsdagen tælles ikke med", "The trigger day"),
    "end-of-day": Text("Fristen løber hele dagen", "A deadline runs the whole day"),
    "hours": Text("Timer", "Hours"),
    "working-days": Text("Hverdage", "Working days"),
    "calendar-days": Text("Kalenderdage", "Calendar days"),
    "weeks": Text("Uger", "Weeks"),
    "months": Text("Måneder", "Months"),
    "months-month-end": Text("Måneder fra en måneds sidste dag", "Months from a month's end"),
    "months-refuse": Text("Måneder, streng", "Months, strict"),
    "years": Text("År", "Years"),
    "years-29-february": Text("År fra 29. februar", "Years from 29 February"),
    "before-anchor": Text("Frister forud for et tidspunkt", "Deadlines before an anchor"),
    "ages": Text("Alder", "Ages"),
    "citizen-roll": Text(
        "Borgerens frist på en lukket dag", "A citizen's deadline on a closed day"
    ),
    "authority-no-roll": Text(
        "Myndighedens frist på en lukket dag", "An authority's deadline on a closed day"
    ),
}

_UNIT_CONVENTION: Final = {
    Unit.HOURS: "hours",
    Unit.DAYS: "calendar-days",
    Unit.WORKING_DAYS: "working-days",
    Unit.WEEKS: "weeks",
    Unit.MONTHS: "months",
    Unit.YEARS: "years",
}

_OPEN_MARKS: Final = (Mark.UNVERIFIED, Mark.LEGAL_REVIEW)


def _convention_name(cid: str) -> Text:
    return _CONVENTION_NAMES.get(cid, Text(cid, cid))


def _source_url(version: RuleVersion) -> str | None:
    """The official address of the text file quoted ("2012_810" is LBK 810/2012)."""
    match = re.fullmatch(r"(\d{4})_(\d+)", version.source or "")
    if match is None:
        return None
    return _ELI.format(year=match.group(1), number=match.group(2))


def _conventions_of(version: RuleVersion) -> list[str]:
    """The conventions of fristberegning a version's deadlines are computed with."""
    units = [a.duration.unit for a in version.deadlines]
    if version.then is not None:
        units.append(version.then.unit)
    dated = bool(units) or version.age is not None or version.due_from_fact is not None
    if not dated or version.roll is None:
        return []
    ids = []
    if any(u is not Unit.HOURS for u in units):
        ids.append("trigger-day-not-counted")
    for unit in Unit:
        if unit in units:
            ids.append(_UNIT_CONVENTION[unit])
    if Unit.MONTHS in units or Unit.YEARS in units:
        if version.months is MonthRule.MONTH_END_TO_MONTH_END:
            ids.append("months-month-end")
        elif version.months is MonthRule.REFUSE:
            ids.append("months-refuse")
    if Unit.YEARS in units:
        ids.append("years-29-february")
    if version.age is not None:
        ids.append("ages")
    if version.direction is Direction.BEFORE:
        ids.append("before-anchor")
    by_day = any(u is not Unit.HOURS for u in units) or not units
    if by_day:
        ids.append("authority-no-roll" if version.roll is Roll.KEEP else "citizen-roll")
        ids.append("end-of-day")
    known = conventions()
    return [i for i in ids if i in known]


def _marker(scenario: _Scenario, result: _Result) -> str:
    due = result.due.isoformat() if result.due is not None else "none"
    parts = [
        f"rule={result.rule_id}",
        f"trigger={result.trigger.at.isoformat()}",
        f"facts={_json(dict(result.facts))}",
        f"due={due}",
        f"version={result.version.id}",
        f"method={result.method}",
        f"kind={scenario.kind}",
    ]
    if result.method == "evaluate":
        assert result.case is not None
        assert result.as_of is not None
        assert result.status is not None
        parts += [
            f"as_of={result.as_of.isoformat()}",
            f"occurrence={result.occurrence}",
            f"status={result.status.value}",
            f"case={_json(case_to_json(result.case))}",
        ]
    if result.configured is not None:
        # The municipality's configuration the example needs, as a rule file would give it.
        configured = result.configured
        table = {
            "pack": configured.pack,
            "fact": configured.fact,
            "values": {value: str(duration) for value, duration in configured.values.items()},
        }
        parts.append(f"durations={_json({configured.obligation: table})}")
    body = " ".join(parts)
    if "--" in body:
        raise FristerError(f"rule book: an example marker cannot hold '--': {body}")
    return f"<!-- example {body} -->"


class _Pages:
    """Renders the catalog and its examples as Markdown pages."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.examples = _Examples(catalog)
        self.scenarios: dict[str, list[_Scenario]] = {}
        for rule in catalog.rules.values():
            for version in rule.versions:
                if not str(version.citation).strip() or not version.citation.paragraph.strip():
                    raise FristerError(
                        f"rule book: {rule.id}: version {version.id} has no citation"
                    )
            scenarios = _RuleExamples(self.examples, rule).scenarios()
            if not scenarios:
                raise FristerError(f"rule book: {rule.id} has no worked example")
            self.scenarios[rule.id] = scenarios
        self.uses = self._convention_uses()

    def conventions_of(self, version: RuleVersion) -> list[str]:
        """The conventions a version's deadlines use: from its durations and roll, and those
        its examples applied."""
        seen = set(_conventions_of(version))
        for scenarios in self.scenarios.values():
            for scenario in scenarios:
                for result in scenario.results:
                    if result.version.id == version.id:
                        seen.update(result.conventions)
        return [cid for cid in conventions() if cid in seen]

    def _convention_uses(self) -> dict[str, list[str]]:
        uses: dict[str, list[str]] = {}
        for rule in self.catalog.rules.values():
            for version in rule.versions:
                for cid in self.conventions_of(version):
                    if rule.id not in uses.setdefault(cid, []):
                        uses[cid].append(rule.id)
        return uses

    # -- texts -------------------------------------------------------------------------

    def event(self, kind: str, lang: Language) -> str:
        spec = self.catalog.events.get(kind)
        title = spec.title(lang) if spec else kind
        return f"{_cell(title)} (`{kind}`)"

    def events(self, kinds: Sequence[str], lang: Language) -> str:
        return _join([self.event(k, lang) for k in kinds], lang, _OR)

    @staticmethod
    def conditions(conditions: Sequence[Condition], lang: Language) -> str:
        if not conditions:
            return "ingen" if lang == "da" else "none"
        return "; ".join(_cell(c.describe(lang)) for c in conditions)

    def deadline(self, version: RuleVersion, lang: Language, rules: str = "") -> str:
        """The deadline in words; ``rules`` is the path from the page to the rule pages."""
        da = lang == "da"
        if version.before:
            return (
                "før den udløsende hændelse (en forudsætning)"
                if da
                else "before the triggering event (a precondition)"
            )
        if version.frequency is not None:
            count = version.frequency.count
            return (
                f"mindst {count} gange i hvert år (som standard kalenderår)"
                if da
                else f"at least {count} times in each year (calendar years by default)"
            )
        if version.arises_when_missed:
            parent = self.catalog.rules[version.arises_when_missed]
            link = f"[{_cell(parent.title(lang))}]({rules}{parent.id}.md)"
            return (
                f"samme dag som fristen for {link}; pligten opstår, når den frist er overskredet"
                if da
                else f"the same day as the deadline for {link}; the duty arises when that "
                "deadline is missed"
            )
        parts: list[str] = []
        if version.due_from_fact:
            parts.append(
                f"den dato, hændelsen angiver i `{version.due_from_fact}`"
                if da
                else f"the date the event gives in `{version.due_from_fact}`"
            )
        if version.deadlines:
            texts = []
            for alternative in version.deadlines:
                amount = alternative.duration.describe(lang)
                before = version.direction is Direction.BEFORE
                word = ("før" if before else "efter") if da else ("before" if before else "after")
                if version.age is not None:
                    amount += (
                        f" {word} barnets {version.age}-årsdag"
                        if da
                        else f" {word} the child's {version.age}th birthday"
                    )
                elif version.from_fact:
                    amount += (
                        f" {word} datoen i hændelsens `{version.from_fact}`"
                        if da
                        else f" {word} the date in the event's `{version.from_fact}`"
                    )
                else:
                    amount += " efter den udløsende hændelse" if da else " after the trigger"
                if alternative.when:
                    cond = (" og " if da else " and ").join(
                        _cell(c.describe(lang)) for c in alternative.when
                    )
                    amount += f", {'når' if da else 'when'} {cond}"
                elif len(version.deadlines) > 1:
                    amount = f"{'ellers' if da else 'otherwise'} {amount}"
                texts.append(amount)
            joined = "; ".join(texts)
            if parts:
                joined = f"{'ellers' if da else 'otherwise'} {joined}"
            parts.append(joined)
        elif version.age is not None:
            parts.append(
                f"barnets {version.age}-årsdag" if da else f"the child's {version.age}th birthday"
            )
        elif version.configurable and not parts:
            parts.append(
                "ingen lovbestemt længde; kommunen fastsætter fristen"
                if da
                else "no statutory length; the municipality sets it"
            )
        elif not parts:
            parts.append(
                "ingen lovbestemt frist; pligten står åben, til den er opfyldt"
                if da
                else "no statutory time limit; the duty stays open until fulfilled"
            )
        if version.configurable and version.due_from_fact:
            parts.append(
                "uden en dato er der ingen frist (loven fastsætter ingen længde)"
                if da
                else "with no date there is no deadline (the law sets no length)"
            )
        if version.or_at_event:
            kinds = self.events(version.or_at_event, lang)
            parts.append(
                f"eller tidligere: ved {kinds}, hvis det sker før"
                if da
                else f"or earlier: at {kinds}, if that happens first"
            )
        if version.notice:
            parts.append(
                "et varsel: fristen er den tidligste dag, afgørelsen kan få virkning"
                if da
                else "a notice: the date is the earliest day the decision can take effect"
            )
        if version.earliest:
            parts.append(
                "en tidligste dato: den udløsende hændelse er opfyldt på eller efter datoen og "
                "for tidlig før den (vises som overskredet)"
                if da
                else "an earliest date: the triggering event is met on or after the date and "
                "too early before it (shown as overdue)"
            )
        return "; ".join(parts)

    def recurrence(self, version: RuleVersion, lang: Language) -> str | None:
        da = lang == "da"
        if version.then is not None:
            then = version.then.describe(lang)
            return (
                f"herefter {then} efter den forrige opfyldelse"
                if da
                else f"then {then} after the previous fulfilment"
            )
        if version.then_from_fact:
            fact = version.then_from_fact
            return (
                f"herefter den dato, kommunen fastsætter ved hver opfyldelse (`{fact}`); "
                "uden den ingen dato"
                if da
                else f"then the date the municipality sets at each fulfilment (`{fact}`); "
                "without it no date"
            )
        return None

    def rule_table(self, version: RuleVersion) -> list[str]:
        rows: list[tuple[Text, str, str]] = []

        def row(label: Text, da: str | None, en: str | None) -> None:
            if da is not None and en is not None:
                rows.append((label, da, en))

        row(
            Text("Udløses af", "Triggered by"),
            self.event(version.trigger, "da"),
            self.event(version.trigger, "en"),
        )
        row(
            Text("Betingelser", "Conditions"),
            self.conditions(version.when, "da"),
            self.conditions(version.when, "en"),
        )
        row(Text("Frist", "Deadline"), self.deadline(version, "da"), self.deadline(version, "en"))
        row(
            Text("Gentagelse", "Recurrence"),
            self.recurrence(version, "da"),
            self.recurrence(version, "en"),
        )
        if version.age is not None:
            before = version.direction is Direction.BEFORE
            row(
                Text("Alder", "Age"),
                f"{version.age} år; fristen regnes {'før' if before else 'fra'} fødselsdagen",
                f"{version.age}; the deadline is counted {'before' if before else 'from'} "
                "the birthday",
            )
        if version.fulfilled_by:
            when_da = (
                f", når {self.conditions(version.fulfilled_when, 'da')}"
                if version.fulfilled_when
                else ""
            )
            when_en = (
                f", when {self.conditions(version.fulfilled_when, 'en')}"
                if version.fulfilled_when
                else ""
            )
            row(
                Text("Opfyldes ved", "Fulfilled by"),
                self.events(version.fulfilled_by, "da") + when_da,
                self.events(version.fulfilled_by, "en") + when_en,
            )
        if version.exempted_by:
            row(
                Text("Undtaget ved", "Exempted by"),
                self.events(version.exempted_by, "da"),
                self.events(version.exempted_by, "en"),
            )
        if version.ended_by:
            row(
                Text("Bortfalder ved", "Ended by"),
                self.events(version.ended_by, "da"),
                self.events(version.ended_by, "en"),
            )
        if version.match:
            names = ", ".join(f"`{m}`" for m in version.match)
            row(
                Text("Sammenkædning", "Linked by"),
                f"hændelser i samme sag kædes sammen ved {names}",
                f"events of one matter are linked by {names}",
            )
        hours_only = bool(version.deadlines) and all(
            a.duration.unit is Unit.HOURS for a in version.deadlines
        )
        if hours_only:
            row(
                Text("Lukket dag", "Closed day"),
                "timerne løber døgnet rundt; fristen flyttes ikke for weekender og helligdage",
                "the hours run round the clock; the deadline is not moved for weekends and "
                "holidays",
            )
        elif version.roll is not None:
            keep = version.roll is Roll.KEEP
            row(
                Text("Lukket dag", "Closed day"),
                "myndighedens frist: flyttes ikke, markeres"
                if keep
                else "borgerens frist: forlænges til næste hverdag",
                "the authority's deadline: not moved, flagged"
                if keep
                else "the citizen's deadline: moves to the next working day",
            )
        if version.expiry_closed:
            row(
                Text("Kan heller ikke udløbe på", "Cannot end on either"),
                ", ".join(d.name_da for d in version.expiry_closed),
                ", ".join(d.name_en for d in version.expiry_closed),
            )
        if version.months is not MonthRule.SAME_DAY_OR_MONTH_END:
            row(Text("Månedsregel", "Month rule"), version.months.value, version.months.value)
        lines = ["| | Dansk | English |", "|---|---|---|"]
        lines.extend(f"| **{label.da}** *({label.en})* | {da} | {en} |" for label, da, en in rows)
        return lines

    def version_section(self, rule: ObligationRule, version: RuleVersion) -> list[str]:
        many = len(rule.variants()) > 1
        heading = str(version.citation) + (f" (variant `{version.variant}`)" if many else "")
        lines = [f"### {_esc(heading)} {{#{_slug(version.id)}}}", ""]
        period = Text(version.period("da"), version.period("en"))
        mark = Text(_mark(version.mark, "da"), _mark(version.mark, "en"))
        lines += [
            f"| **Version** | `{version.id}` |",
            "|---|---|",
            f"| **Periode** *(period)* | {_both(period)} |",
            f"| **Hjemmel** *(citation)* | {_cell(str(version.citation))} |",
            f"| **Lov** *(law)* | {self.law_link(version.law)} |",
            f"| **Status** *(mark)* | {_both(mark)} |",
        ]
        if many:
            lines.append(f"| **Variant** | `{version.variant}` |")
        lines.append("")
        if version.mark in _OPEN_MARKS:
            lines += _warning(
                "Afventer juridisk afklaring",
                f"Versionens status er {_mark(version.mark, 'da')}.",
                f"The version's status is {_mark(version.mark, 'en')}.",
                _mark(version.mark, "en"),
            )
        if version.summary is not None:
            lines += [
                f"**Kort fortalt:** {_esc(version.summary.da)}",
                "",
                f"*In brief:* {_esc(version.summary.en)}",
                "",
            ]
        source = _source_url(version)
        if version.source and source:
            shown = source.removeprefix("https://www.")
            where = f"citeret fra tekstfilen `{version.source}`, [{shown}]({source})"
        else:
            where = (
                "ikke kontrolleret mod en tekstfil (se spørgsmålene) *(not checked against a "
                "text file)*"
            )
        lines += [
            f"**Lovens ordlyd** *(the statute's wording)*: {_esc(str(version.citation))}, {where}:",
            "",
        ]
        lines += _quote(version.wording)
        lines.append("")
        lines += ["**Reglen** *(the rule)*", ""]
        lines += self.rule_table(version)
        lines.append("")
        lines += self.counting(version)
        lines += self.questions(version)
        return lines

    def law_link(self, law: Law) -> str:
        text = _cell(f"{law.name}, {law.text}")
        return f"[{text}]({law.url})" if law.url else text

    def counting(self, version: RuleVersion) -> list[str]:
        ids = self.conventions_of(version)
        if not ids:
            return []
        known = conventions()
        lines = ["**Fristberegning** *(counting conventions)*", ""]
        for cid in ids:
            conv = known[cid]
            name = _convention_name(cid)
            lines.append(
                f"- [{_esc(name.da)}](../fristberegning.md#{cid}): {_esc(conv.da)} "
                f"Grundlag: {_esc(conv.basis)}. Status: {_convention_mark(conv, 'da')}. "
                f"*{_esc(conv.en)}*"
            )
        lines.append("")
        return lines

    @staticmethod
    def questions(version: RuleVersion) -> list[str]:
        if not version.questions:
            return []
        lines = [
            "**Spørgsmål til juridisk afklaring** *(questions for legal review)* – se også "
            "[alle spørgsmål](../spoergsmaal.md)",
            "",
        ]
        return lines + _question_warnings(version.questions)

    def rule_page(self, rule: ObligationRule) -> str:
        stage = self.catalog.stages.get(rule.stage, Text(rule.stage, rule.stage))
        shape = _SHAPES[rule.shape]
        lines = [
            f"# {_esc(rule.title.da)}",
            "",
            f"*{_esc(rule.title.en)}*",
            "",
            f"| **Regel-id** *(obligation id)* | `{rule.id}` |",
            "|---|---|",
            f"| **Form** *(shape)* | {rule.shape.value}: {_both(shape)} |",
            f"| **Sagsfase** *(case stage)* | [{_cell(stage.da)}](index.md#{_slug(rule.stage)}) "
            f"*({_cell(stage.en)})* |",
            "",
            "## Lovversioner {#lovversioner}",
            "",
            "*Law versions*",
            "",
        ]
        variants = rule.variants()
        if len(variants) > 1:
            lines += [
                "Reglen har flere varianter, der gælder side om side under hver sine "
                "betingelser; inden for en variant afløser versionerne hinanden.",
                "",
                "*The rule has several variants that apply side by side under their own "
                "conditions; within a variant the versions succeed one another.*",
                "",
            ]
        lines += [
            "| Hjemmel *(citation)* | Periode *(period)* | Variant | Status *(mark)* "
            "| Spørgsmål *(questions)* |",
            "|---|---|---|---|---|",
        ]
        ordered = _newest_first(rule)
        for version in ordered:
            lines.append(
                f"| [{_cell(str(version.citation))}](#{_slug(version.id)}) "
                f"| {_cell(version.period('da'))} | `{version.variant}` "
                f"| {_cell(_mark(version.mark, 'da'))} | {len(version.questions)} |"
            )
        lines.append("")
        for version in ordered:
            lines += self.version_section(rule, version)
        if any(v.configurable for v in rule.versions):
            lines += self.configuration(rule)
        lines += self.open_readings(rule)
        lines += self.example_section(rule)
        lines += [
            "---",
            "",
            "Se også *(see also)*: [alle regler](index.md) · [overgangen til barnets lov]"
            "(../overgang.md) · [fristberegning](../fristberegning.md) · [spørgsmål til "
            "juridisk afklaring](../spoergsmaal.md)",
            "",
        ]
        return "\n".join(lines)

    @staticmethod
    def readings_table(result: _Result) -> list[str]:
        """The example's date under every reading of the open questions that touch it."""
        readings = result.readings
        if readings is None or not readings.results:
            return []
        lines = [
            "| Åbent spørgsmål *(open question)* | Læsning *(reading)* | Frist *(due)* |",
            "|---|---|---|",
        ]
        previous = None
        for item in readings.results:
            used = " **frister**" if item.reading.used else ""
            question = (
                f"[{_cell(item.question.text.da)}](../laesninger.md#{item.question.id})"
                if item.question is not previous
                else ""
            )
            previous = item.question
            lines.append(
                f"| {question} | {_cell(item.reading.text.da)}{used} "
                f"| {_cell(item.describe('da'))} |"
            )
        safe = format_moment(readings.safe_due, "da") if readings.safe_due is not None else "-"
        who = (
            "den tidligste: myndighedens frist *(the earliest: the authority's deadline)*"
            if readings.protects == "authority"
            else "den seneste: borgerens frist *(the latest: the citizen's deadline)*"
        )
        lines += ["", f"Sikker frist *(safe date)*: **{safe}**, {who}.", ""]
        return lines

    def open_readings(self, rule: ObligationRule) -> list[str]:
        """The open questions that can change this rule's date, linked to their readings."""
        touching = questions_touching(self.catalog, rule.id)
        if not touching:
            return []
        lines = [
            "## Åbne spørgsmål, der kan ændre datoen {#laesninger}",
            "",
            "*Open questions that can change the date*: frister beregner datoen efter hver "
            "læsning (`frister due ... --readings`). *(frister computes the date under each "
            "reading.)*",
            "",
        ]
        for question in touching:
            lines.append(
                f"- [{_esc(question.text.da)}](../laesninger.md#{question.id}) "
                f"*({_esc(question.text.en)})*"
            )
        lines.append("")
        return lines

    def configuration(self, rule: ObligationRule) -> list[str]:
        configured = self.catalog.durations.get(rule.id)
        fact, value, duration = EXAMPLE_DURATION
        lines = [
            "## Kommunens egen frist {#konfiguration}",
            "",
            "*The municipality's own time limit*",
            "",
            "Loven fastsætter ingen længde. En kommune angiver sine frister i sin egen regelfil "
            "(formatet er beskrevet i `docs/catalog-format.md`) og indlæser den med "
            "`frister.default_catalog().with_rules(sti)`; varigheden vælges efter en oplysning "
            "på hændelsen:",
            "",
            "*The law sets no length. A municipality gives its time limits in a rule file of "
            "its own and loads it with `frister.default_catalog().with_rules(path)`; the "
            "duration is chosen by a fact of the event:*",
            "",
            "```toml",
            "[pack]",
            'key = "eksempelkommune"',
            f'name = "{EXAMPLE_PACK}"',
            'text = "Sagsbehandlingsfrister, vedtaget af byrådet"',
            "",
            f'[durations."{rule.id}"]',
            f'fact = "{fact}"',
            f'values = {{ "{value}" = "{duration}" }}',
            "```",
            "",
        ]
        if configured is not None:
            values = ", ".join(f"{k} = {v}" for k, v in configured.values.items())
            lines += [
                f"Konfigureret i dette katalog af {configured.pack}: `{configured.fact}`: "
                f"{_esc(values)}.",
                "",
            ]
        return lines

    # -- examples ----------------------------------------------------------------------

    def example_section(self, rule: ObligationRule) -> list[str]:
        lines = [
            "## Eksempler {#eksempler}",
            "",
            "*Worked examples*",
            "",
            "Eksemplerne er beregnet af frister, da regelbogen blev bygget; ingen dato er "
            "skrevet i hånden. Hvert eksempel viser det, der gik ind (hændelse og "
            "oplysninger), fristen, den gældende regel og hele forklaringen, som frister "
            "giver den.",
            "",
            "*The examples were computed by frister when the rule book was built; no date is "
            "written by hand. Each shows the input (event and facts), the due date, the "
            "governing rule and frister's full explanation.*",
            "",
        ]
        for number, scenario in enumerate(self.scenarios[rule.id], start=1):
            lines += self.scenario(number, scenario)
        return lines

    def scenario(self, number: int, scenario: _Scenario) -> list[str]:
        lines = [
            f"### Eksempel {number}: {_esc(scenario.title.da)} {{#eksempel-{number}}}",
            "",
            f"*Example {number}: {_esc(scenario.title.en)}*",
            "",
            _esc(scenario.intro.da),
            "",
            f"*{_esc(scenario.intro.en)}*",
            "",
        ]
        shown: Case | None = None
        for result in scenario.results:
            if result.method == "evaluate" and result.case is not None and result.case != shown:
                lines += self.case_table(result.case)
                shown = result.case
            lines += self.result(scenario, result)
        return lines

    def facts(self, facts: Mapping[str, Any], lang: Language) -> str:
        if not facts:
            return "ingen" if lang == "da" else "none"
        return "; ".join(
            f"`{name}`: {_cell(_fact_value(value, lang))}" for name, value in sorted(facts.items())
        )

    def case_table(self, case: Case) -> list[str]:
        lines = [
            "| Tidspunkt *(time)* | Hændelse *(event)* | Oplysninger *(facts)* |",
            "|---|---|---|",
        ]
        for event in sorted(case.events, key=lambda e: (_day(e.at), e.kind)):
            title = self.catalog.events[event.kind].title
            lines.append(
                f"| {_cell(format_moment(event.at, 'da'))} | {_cell(title.da)} "
                f"(`{event.kind}`) | {self.facts(event.facts, 'da')} |"
            )
        if case.facts:
            lines.append(
                f"| | *Sagens oplysninger (case facts)* | {self.facts(case.facts, 'da')} |"
            )
        lines.append("")
        return lines

    def result(self, scenario: _Scenario, result: _Result) -> list[str]:
        lines = []
        if result.label is not None:
            lines += [f"**{_esc(result.label.da)}** *({_esc(result.label.en)})*", ""]
        lines += [_marker(scenario, result), ""]
        if result.method == "due":
            lines += [
                f"| **Udløsende hændelse** *(trigger)* | {self.event(result.trigger.kind, 'da')}: "
                f"{_cell(format_moment(result.trigger.at, 'da'))} |",
                "|---|---|",
                f"| **Oplysninger** *(facts)* | {self.facts(result.facts, 'da')} |",
            ]
        else:
            assert result.as_of is not None
            lines += [
                f"| **Opgjort pr.** *(as of)* | {_cell(format_moment(result.as_of, 'da'))} |",
                "|---|---|",
            ]
            if result.occurrence > 1 or self.catalog.rules[result.rule_id].shape in (
                Shape.R,
                Shape.F,
            ):
                lines.append(f"| **Forekomst** *(occurrence)* | {result.occurrence} |")
        if result.version.notice:
            label = "Tidligste virkningsdag** *(earliest effect)*"
        elif result.version.before:
            label = "Skal foreligge før** *(required before)*"
        else:
            label = "Frist** *(due)*"
        if result.due is None:
            due = "ingen frist *(no deadline)*"
        else:
            due = f"**{_cell(format_moment(result.due, 'da'))}**"
        lines.append(f"| **{label} | {due} |")
        if (
            result.due is not None
            and result.practical_due is not None
            and result.practical_due != result.due
        ):
            lines.append(
                "| **Praktisk sidste dag** *(practical due)* | "
                f"{_cell(format_moment(result.practical_due, 'da'))} (fristen falder på en "
                "lukket dag og flyttes ikke) |"
            )
        if result.status is not None:
            status = Text(result.status.label("da"), result.status.label("en"))
            lines.append(f"| **Status** | {_both(status)} |")
        rule = self.catalog.rules[result.rule_id]
        link = (
            f"[{_cell(str(result.version.citation))}](#{_slug(result.version.id)})"
            if any(v.id == result.version.id for v in rule.versions)
            else _cell(str(result.version.citation))
        )
        lines += [
            f"| **Gældende regel** *(governing rule)* | {link} (`{result.version.id}`) |",
            "",
            *self.readings_table(result),
            '=== "Forklaring (dansk)"',
            "",
            *_fence(result.explanation.da, "    "),
            "",
            '=== "Explanation (English)"',
            "",
            *_fence(result.explanation.en, "    "),
            "",
        ]
        return lines
