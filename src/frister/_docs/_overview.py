"""The overview pages (rules by stage, laws, the transition, the calendar, the conventions
and the questions) and the whole book."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

from dateutil.easter import easter

from frister._docs._coverage import coverage_page
from frister._docs._examples import _into_barnets_lov, _newest_first, _successions
from frister._docs._pages import _OPEN_MARKS, _SHAPES, _convention_name, _Pages
from frister._docs._text import (
    _cell,
    _convention_mark,
    _esc,
    _join,
    _mark,
    _question_warnings,
    _rule_links,
    _short,
    _slug,
    _warning,
)
from frister._docs._vocabulary import readings_page, vocabulary_page
from frister.calendar import (
    CITIZEN_EXPIRY_EXTRAS,
    LAST_YEAR_WITH_STORE_BEDEDAG,
    DanishCalendar,
    ExtraClosedDay,
    format_date,
)
from frister.deadlines import Convention, Mark, conventions
from frister.engine import open_questions
from frister.errors import FristerError
from frister.rules import Law, ObligationRule, RuleVersion, Text

_CALENDAR_YEARS: Final = range(2020, 2031)
_STORE_BEDEDAG_LAW: Final = (
    "Lov nr. 214 af 06/03/2023 om konsekvenser ved afskaffelsen af store bededag",
    "https://www.retsinformation.dk/eli/lta/2023/214",
)


class _Book(_Pages):
    """The rule pages and the overview pages."""

    def rules_index(self) -> str:
        lines = [
            "# Regler efter sagsfase",
            "",
            "*Rules by case stage*",
            "",
            "Hver regel (forpligtelse) har sin egen side med lovversioner, lovtekst, spørgsmål "
            "og beregnede eksempler. Formen angiver, hvordan fristen er bygget: "
            + "; ".join(f"**{s.value}** {_esc(t.da.lower())}" for s, t in _SHAPES.items())
            + ".",
            "",
            "*Each rule (obligation) has a page of its own with its law versions, statute "
            "wording, questions and computed examples. The shape says how the deadline is "
            "built: "
            + "; ".join(f"**{s.value}** {_esc(t.en.lower())}" for s, t in _SHAPES.items())
            + ".*",
            "",
        ]
        stages = list(self.catalog.stages)
        stages += sorted({r.stage for r in self.catalog.rules.values()} - set(stages))
        for stage in stages:
            title = self.catalog.stages.get(stage, Text(stage, stage))
            rules = [r for r in self.catalog.rules.values() if r.stage == stage]
            lines += [f"## {_esc(title.da)} {{#{_slug(stage)}}}", "", f"*{_esc(title.en)}*", ""]
            if not rules:
                lines += ["Ingen regler i denne fase. *(No rules in this stage.)*", ""]
                continue
            lines += [
                "| Regel *(rule)* | Titel | Title | Form *(shape)* | Hjemmel *(citations)* "
                "| Status *(marks)* |",
                "|---|---|---|---|---|---|",
            ]
            for rule in rules:
                many = len(rule.variants()) > 1
                citations = "<br>".join(
                    f"{_cell(_short(v))} ({_cell(v.period('da'))}"
                    + (f", variant `{v.variant}`)" if many else ")")
                    for v in _newest_first(rule)
                )
                marks = sorted({_mark(v.mark, "da") for v in rule.versions})
                questions = sum(len(v.questions) for v in rule.versions)
                mark_text = ", ".join(marks)
                if questions:
                    mark_text += f"; {questions} spørgsmål"
                lines.append(
                    f"| [`{rule.id}`]({rule.id}.md) | {_cell(rule.title.da)} "
                    f"| {_cell(rule.title.en)} | {rule.shape.value} | {citations} "
                    f"| {_cell(mark_text)} |"
                )
            lines.append("")
        return "\n".join(lines)

    def laws(self) -> dict[str, tuple[Law, list[RuleVersion]]]:
        laws: dict[str, tuple[Law, list[RuleVersion]]] = {}
        for rule in self.catalog.rules.values():
            for version in rule.versions:
                laws.setdefault(version.law.key, (version.law, []))[1].append(version)
        return laws

    def laws_index(self) -> str:
        lines = [
            "# Love",
            "",
            "*Laws*",
            "",
            "Lovene og bekendtgørelserne, som reglerne bygger på, med den konsolidering, der er "
            "citeret, og dens officielle adresse.",
            "",
            "*The acts and orders the rules rest on, with the consolidation quoted and its "
            "official address.*",
            "",
            "| Lov *(law)* | Kort *(short)* | Citeret tekst *(text quoted)* | Versioner "
            "*(versions)* | Regler *(rules)* |",
            "|---|---|---|---|---|",
        ]
        for key, (law, versions) in self.laws().items():
            rules = len({v.obligation for v in versions})
            text = f"[{_cell(law.text)}]({law.url})" if law.url else _cell(law.text)
            lines.append(
                f"| [{_cell(law.name)}]({key}.md) | {_cell(law.short)} | {text} "
                f"| {len(versions)} | {rules} |"
            )
        lines.append("")
        return "\n".join(lines)

    def law_page(self, law: Law, versions: list[RuleVersion]) -> str:
        lines = [
            f"# {_esc(law.name)}",
            "",
            f"Citeret tekst *(text quoted)*: {self.law_link(law)}",
            "",
            f"{len(versions)} versioner af {len({v.obligation for v in versions})} regler. "
            f"*({len(versions)} versions of {len({v.obligation for v in versions})} rules.)*",
            "",
            "| Regel *(rule)* | Titel | Hjemmel *(citation)* | Periode *(period)* "
            "| Status *(mark)* | Version |",
            "|---|---|---|---|---|---|",
        ]
        for version in versions:
            rule = self.catalog.rules[version.obligation]
            lines.append(
                f"| [`{rule.id}`](../regler/{rule.id}.md#{_slug(version.id)}) "
                f"| {_cell(rule.title.da)} | {_cell(str(version.citation))} "
                f"| {_cell(version.period('da'))} | {_cell(_mark(version.mark, 'da'))} "
                f"| `{version.id}` |"
            )
        lines.append("")
        return "\n".join(lines)

    def transition(self) -> str:
        lines = [
            "# Fra serviceloven til barnets lov",
            "",
            "*From Serviceloven to Barnets lov*",
            "",
            "Barnets lov gælder fra 1. januar 2024; reglerne om børn og unge i serviceloven "
            "gælder til og med 31. december 2023. Efter Barnets lov § 213, stk. 1, "
            "færdigbehandles sager, der ikke er afsluttet ved årsskiftet, efter barnets lov. "
            "frister anvender det sådan: en forpligtelse, der er udløst efter serviceloven, "
            "men forfalder efter 31. december 2023, regnes efter barnets lovs version af "
            "samme regel (samme variant); en pligt uden dato afsluttes efter den regel, der "
            "gælder, når den opfyldes.",
            "",
            "*Barnets lov applies from 1 January 2024; the child provisions of Serviceloven "
            "apply up to and including 31 December 2023. Under Barnets lov § 213, stk. 1, "
            "matters not finished at the turn of the year are finished under Barnets lov. "
            "frister applies it thus: an obligation triggered under Serviceloven but falling "
            "due after 31 December 2023 is computed under the Barnets lov version of the same "
            "rule (same variant); a duty with no date is concluded under the rule in force "
            "when it is fulfilled.*",
            "",
        ]
        untouched = []
        for rule in self.catalog.rules.values():
            laws = {v.law.key for v in rule.versions}
            if not laws & {"serviceloven", "barnets-lov"}:
                untouched.append(rule)
                continue
            lines += self.transition_rule(rule)
        if untouched:
            lines += [
                "## Regler uden for overgangen {#uden-for-overgangen}",
                "",
                "*Rules outside the transition*",
                "",
                "Disse regler har hverken en version i serviceloven eller i barnets lov. "
                "*(These rules have no version in Serviceloven or Barnets lov.)*",
                "",
            ]
            lines += [
                f"- [{_esc(r.title.da)}](regler/{r.id}.md) (`{r.id}`): "
                + ", ".join(_esc(str(v.citation)) for v in r.versions)
                for r in untouched
            ]
            lines.append("")
        return "\n".join(lines)

    def transition_rule(self, rule: ObligationRule) -> list[str]:
        lines = [
            f"## {_esc(rule.title.da)} {{#{_slug(rule.id)}}}",
            "",
            f"*{_esc(rule.title.en)}* · [`{rule.id}`](regler/{rule.id}.md)",
            "",
        ]
        scenarios = self.scenarios[rule.id]
        handled = False
        for old, new in _successions(rule):
            if old.law.key != "serviceloven":
                continue
            if new is not None and new.law.key != "barnets-lov":
                continue  # an earlier Serviceloven version; listed under the last one
            handled = True
            if new is None:
                lines += [
                    f"**{_esc(str(old.citation))}** (variant `{old.variant}`, "
                    f"{_esc(old.period('da'))}) har ingen efterfølger i barnets lov i samme "
                    "variant: en forpligtelse, der forfalder efter 31. december 2023, regnes "
                    "efter den ophørte regel.",
                    "",
                    f"*{_esc(str(old.citation))} has no successor in Barnets lov in the same "
                    "variant: an obligation falling due after 31 December 2023 is computed "
                    "under the ended rule.*",
                    "",
                ]
                continue
            lines += [
                "| | Serviceloven | Barnets lov |",
                "|---|---|---|",
                f"| **Hjemmel** *(citation)* | {_cell(str(old.citation))} "
                f"| {_cell(str(new.citation))} |",
                f"| **Periode** *(period)* | {_cell(old.period('da'))} "
                f"| {_cell(new.period('da'))} |",
                f"| **Frist** *(deadline)* | {self.deadline(old, 'da', 'regler/')} "
                f"| {self.deadline(new, 'da', 'regler/')} |",
                f"| **Udløses af** *(trigger)* | {self.event(old.trigger, 'da')} "
                f"| {self.event(new.trigger, 'da')} |",
                f"| **Betingelser** *(conditions)* | {self.conditions(old.when, 'da')} "
                f"| {self.conditions(new.when, 'da')} |",
                f"| **Opfyldes ved** *(fulfilled by)* | {self.events(old.fulfilled_by, 'da')} "
                f"| {self.events(new.fulfilled_by, 'da')} |",
                f"| **Status** *(mark)* | {_cell(_mark(old.mark, 'da'))} "
                f"| {_cell(_mark(new.mark, 'da'))} |",
            ]
            if self.recurrence(old, "da") or self.recurrence(new, "da"):
                lines.append(
                    f"| **Gentagelse** *(recurrence)* | {self.recurrence(old, 'da') or '–'} "
                    f"| {self.recurrence(new, 'da') or '–'} |"
                )
            if len(rule.variants()) > 1:
                lines.append(f"| **Variant** | `{old.variant}` | `{new.variant}` |")
            lines.append("")
            same_deadline = self.deadline(old, "da") == self.deadline(new, "da") and (
                self.recurrence(old, "da") == self.recurrence(new, "da")
            )
            same_when = old.when == new.when and old.trigger == new.trigger
            change = []
            change.append("Fristen er den samme." if same_deadline else "Fristen er ændret.")
            change.append(
                "Udløsning og betingelser er de samme."
                if same_when
                else "Udløsning eller betingelser er ændret."
            )
            change_en = [
                "The deadline is the same." if same_deadline else "The deadline has changed.",
                "Trigger and conditions are the same."
                if same_when
                else "Trigger or conditions have changed.",
            ]
            assert old.valid_to is not None
            end = old.valid_to
            anchor = next(
                (
                    i
                    for i, s in enumerate(scenarios, start=1)
                    if any(r.version.id == new.id and r.trigger.day <= end for r in s.results)
                ),
                None,
            )
            link = (
                f" [Eksempel over årsskiftet](regler/{rule.id}.md#eksempel-{anchor})."
                if anchor
                else ""
            )
            lines += [" ".join(change) + link, "", f"*{' '.join(change_en)}*", ""]
            earlier = [
                v
                for v in rule.variants()[old.variant]
                if v.law.key == "serviceloven" and v is not old
            ]
            if earlier:
                lines += [
                    "Tidligere versioner i serviceloven *(earlier versions)*: "
                    + "; ".join(
                        f"{_esc(str(v.citation))} ({_esc(v.period('da'))})" for v in earlier
                    ),
                    "",
                ]
        bl_only = [
            v
            for v in rule.versions
            if v.law.key == "barnets-lov"
            and not any(
                new is v and old.law.key == "serviceloven" for old, new in _successions(rule)
            )
        ]
        if bl_only:
            lines += [
                "Versioner i barnets lov uden en forgænger i serviceloven i samme variant "
                "*(Barnets lov versions with no Serviceloven predecessor in the same variant)*:",
                "",
            ]
            lines += [
                f"- {_esc(str(v.citation))} (variant `{v.variant}`): "
                f"{self.deadline(v, 'da', 'regler/')}; betingelser: "
                f"{self.conditions(v.when, 'da')}"
                for v in bl_only
            ]
            lines.append("")
            if handled:
                lines += [
                    "Anvendelsesområdet er delt anderledes i barnets lov end i serviceloven; "
                    "der er ingen automatisk overgang mellem varianterne. *(The scope is divided "
                    "differently; there is no automatic transition between the variants.)*",
                    "",
                ]
        return lines

    def calendar_page(self) -> str:
        calendar = DanishCalendar()
        citizen = calendar.with_closed(*CITIZEN_EXPIRY_EXTRAS)
        name, url = _STORE_BEDEDAG_LAW
        last = date(LAST_YEAR_WITH_STORE_BEDEDAG, 1, 1)
        bededage = [
            d for d, n in calendar.holidays(last.year).items() if n.lower() == "store bededag"
        ]
        after = easter(last.year + 1) + timedelta(days=26)
        if len(bededage) != 1 or not calendar.is_working_day(after):
            raise FristerError("rule book: the calendar no longer ends store bededag after 2023")
        bededag = (
            f"Derfor tæller store bededag {last.year} ({format_date(bededage[0], 'da')}) ikke som "
            f"hverdag, mens store bededag {after.year} ({format_date(after, 'da')}) gør."
        )
        lines = [
            "# Kalender",
            "",
            "*The calendar*",
            "",
            "Hverdage er mandag til fredag, der ikke er helligdage det pågældende år. "
            "Helligdagene er folkekirkens helligdage. **Store bededag er helligdag til og med "
            f"{last.year}**; fra {after.year} er den en almindelig hverdag ([{name}]({url})). "
            + bededag,
            "",
            "*Working days are Monday to Friday that are not helligdage of that year. "
            f"**Store bededag is a helligdag up to and including {last.year}**; from "
            f"{after.year} it is an ordinary working day.*",
            "",
            "Borgerens frister (klagefrist, svarfrist ved partshøring) kan heller ikke udløbe "
            "på "
            + _join([d.name_da.lower() for d in CITIZEN_EXPIRY_EXTRAS], "da")
            + ", jf. [borgerens frist på en lukket dag](fristberegning.md#citizen-roll); "
            "for myndighedens frister er de hverdage.",
            "",
            "*A citizen's time limits cannot end on "
            + _join([d.name_en for d in CITIZEN_EXPIRY_EXTRAS], "en")
            + " either; for the authority's deadlines they are working days.*",
            "",
            "## Navngivne ekstra dage {#ekstra-dage}",
            "",
            "*Named extra days*",
            "",
            "Dage, der ikke er helligdage, men som en kalender kan lukke. *(Days that are not "
            "helligdage but that a calendar can close.)*",
            "",
            "| Dag | Day | 2025 | Lukket for *(closed for)* | Regler *(rules)* |",
            "|---|---|---|---|---|",
        ]
        for extra in ExtraClosedDay:
            rules = [
                r.id
                for r in self.catalog.rules.values()
                if any(extra in v.expiry_closed for v in r.versions)
            ]
            closed_for = (
                "borgerens frister (udløb)"
                if extra in CITIZEN_EXPIRY_EXTRAS
                else "kun hvis kalenderen sættes op til det *(only if configured)*"
            )
            links = _rule_links(rules) or "–"
            lines.append(
                f"| {_cell(extra.name_da)} | {_cell(extra.name_en)} "
                f"| {_cell(format_date(extra.in_year(2025), 'da'))} | {closed_for} | {links} |"
            )
        lines.append("")
        for year in _CALENDAR_YEARS:
            start, end = date(year, 1, 1), date(year, 12, 31)
            working = calendar.working_days_between(start, end) + calendar.is_working_day(start)
            lines += [
                f"## {year} {{#aar-{year}}}",
                "",
                f"Arbejdsdage i alt *(working days in total)*: {working}",
                "",
                "| Dato *(date)* | Helligdag | Holiday | Lukket for *(closed for)* |",
                "|---|---|---|---|",
            ]
            days = dict(calendar.holidays(year))
            extras = {d: n for d, n in citizen.holidays(year).items() if d not in days}
            for day in sorted({*days, *extras}):
                closed = citizen.closed_day(day)
                assert closed is not None
                scope = "alle frister" if day in days else "kun borgerens frister"
                lines.append(
                    f"| {_cell(format_date(day, 'da'))} | {_cell(closed.label('da'))} "
                    f"| {_cell(closed.label('en'))} | {scope} |"
                )
            lines.append("")
        return "\n".join(lines)

    def conventions_page(self) -> str:
        lines = [
            "# Fristberegning",
            "",
            "*The conventions of deadline computation*",
            "",
            "Hvert trin i en fristberegning navngiver den regel for fristberegning, det "
            "anvender, med dens grundlag og status; forklaringerne i eksemplerne viser dem "
            "i kantede parenteser. Regler med status *afventer juridisk afklaring* er "
            "standardvalg, som frister bruger, indtil de er bekræftet.",
            "",
            "*Each step of a computation names the convention it applied, with its basis and "
            "mark; the explanations in the examples show them in square brackets. Conventions "
            "awaiting legal review are defaults frister uses until they are confirmed.*",
            "",
        ]
        for cid, conv in conventions().items():
            name = _convention_name(cid)
            lines += [
                f"## {_esc(name.da)} {{#{cid}}}",
                "",
                f"*{_esc(name.en)}* · `{cid}`",
                "",
                "| | Dansk | English |",
                "|---|---|---|",
                f"| **Regel** *(rule)* | {_cell(conv.da)} | {_cell(conv.en)} |",
                f"| **Grundlag** *(basis)* | {_cell(conv.basis)} | {_cell(conv.basis_en)} |",
                f"| **Status** *(mark)* | {_cell(_convention_mark(conv, 'da'))} "
                f"| {_cell(_convention_mark(conv, 'en'))} |",
            ]
            lines.append("")
            if conv.mark in _OPEN_MARKS:
                lines += _warning(
                    conv.mark.label("da"),
                    conv.note_da or "Reglen er et standardvalg, der afventer juridisk afklaring.",
                    conv.note_en or "The convention is a default awaiting legal review.",
                    conv.mark.label("en"),
                )
            readings = [q for q in open_questions() if q.convention == cid]
            if readings:
                links = ", ".join(f"[{_esc(q.text.da)}](laesninger.md#{q.id})" for q in readings)
                lines += [
                    f"Læsninger, beregnet *(readings, computed)*: {links}",
                    "",
                ]
            uses = self.uses.get(cid, [])
            if uses:
                lines += [
                    "Anvendes af *(used by)*: " + _rule_links(uses),
                    "",
                ]
        lines += self.derivations_section()
        return "\n".join(lines)

    def derivations_section(self) -> list[str]:
        if not self.catalog.derivations:
            return []
        lines = [
            "## Afledte hændelser {#afledte-haendelser}",
            "",
            "*Derived events*",
            "",
            "Er en hændelse ikke registreret, kan frister udlede den af en anden. *(When an "
            "event is not recorded, frister can derive it from another.)*",
            "",
            "| Hændelse *(event)* | Udledes af *(from)* | Efter *(after)* | Grundlag *(basis)* "
            "| Status *(mark)* |",
            "|---|---|---|---|---|",
        ]
        for derivation in self.catalog.derivations.values():
            after = "; ".join(
                f"`{derivation.by}` = {k}: {v.describe('da')}" for k, v in derivation.after.items()
            )
            lines.append(
                f"| {self.event(derivation.kind, 'da')} | {self.event(derivation.source, 'da')} "
                f"| {_cell(after)} | {_cell(derivation.basis)} "
                f"| {_cell(_mark(derivation.mark, 'da'))} |"
            )
        lines.append("")
        return lines

    def questions_page(self) -> str:
        rules = list(self.catalog.rules.values())
        total = sum(len(v.questions) for r in rules for v in r.versions)
        by_mark = {
            mark: sum(1 for r in rules for v in r.versions for q in v.questions if q.mark is mark)
            for mark in _OPEN_MARKS
        }
        open_conventions = [c for c in conventions().values() if c.mark in _OPEN_MARKS]
        lines = [
            "# Spørgsmål til juridisk afklaring",
            "",
            "*Questions for legal review*",
            "",
            f"Katalogets åbne punkter samlet ét sted: {total} spørgsmål i lovversionerne "
            f"({by_mark[Mark.UNVERIFIED]} uverificerede, {by_mark[Mark.LEGAL_REVIEW]} "
            f"afventer juridisk afklaring) og {len(open_conventions)} regler for "
            "fristberegning, der afventer afklaring. Hvert punkt linker til de regler, det "
            "berører.",
            "",
            f"*The catalog's open points in one place: {total} questions in the law versions "
            f"({by_mark[Mark.UNVERIFIED]} unverified, {by_mark[Mark.LEGAL_REVIEW]} awaiting "
            f"legal review) and {len(open_conventions)} conventions of deadline computation "
            "awaiting review. Each links to the rules it affects.*",
            "",
            "## Oversigt {#oversigt}",
            "",
            "| Regel *(rule)* | Titel | UVERIFICERET | Afventer juridisk afklaring |",
            "|---|---|---|---|",
        ]
        for rule in rules:
            counts = [
                sum(1 for v in rule.versions for q in v.questions if q.mark is mark)
                for mark in _OPEN_MARKS
            ]
            lines.append(
                f"| [`{rule.id}`](regler/{rule.id}.md) | {_cell(rule.title.da)} "
                f"| {counts[0]} | {counts[1]} |"
            )
        lines.append("")
        lines += [
            "## Versioner med åben status {#versioner}",
            "",
            "*Versions with an open mark*",
            "",
        ]
        marked = [(r, v) for r in rules for v in r.versions if v.mark in _OPEN_MARKS]
        if not marked:
            lines += [
                "Ingen version har selv status uverificeret eller afventer juridisk afklaring; "
                "de åbne punkter er spørgsmålene nedenfor. *(No version itself is marked "
                "unverified or awaiting legal review; the open points are the questions "
                "below.)*",
                "",
            ]
        for rule, version in marked:
            lines.append(
                f"- [{_esc(str(version.citation))}](regler/{rule.id}.md#{_slug(version.id)}) "
                f"(`{version.id}`): {_esc(_mark(version.mark, 'da'))}"
            )
        if marked:
            lines.append("")
        lines += [
            "## Fristberegning {#fristberegning}",
            "",
            "*Conventions of deadline computation*",
            "",
        ]
        for conv in open_conventions:
            lines += self.open_convention(conv)
        lines += self.open_transitions()
        open_derivations = [d for d in self.catalog.derivations.values() if d.mark in _OPEN_MARKS]
        if open_derivations:
            lines += ["## Afledte hændelser {#afledte}", ""]
            lines += [
                f"- {self.event(d.kind, 'da')} udledt af {self.event(d.source, 'da')}: "
                f"{_esc(d.basis)} ({_esc(_mark(d.mark, 'da'))})"
                for d in open_derivations
            ]
            lines.append("")
        lines += ["## Spørgsmål efter regel {#regler}", "", "*Questions by rule*", ""]
        for stage, title in self.catalog.stages.items():
            staged = [r for r in rules if r.stage == stage and any(v.questions for v in r.versions)]
            if not staged:
                continue
            lines += [
                f"### {_esc(title.da)} {{#fase-{_slug(stage)}}}",
                "",
                f"*{_esc(title.en)}*",
                "",
            ]
            for rule in staged:
                lines += self.rule_questions(rule)
        others = [
            r
            for r in rules
            if r.stage not in self.catalog.stages and any(v.questions for v in r.versions)
        ]
        for rule in others:
            lines += self.rule_questions(rule)
        return "\n".join(lines)

    def open_convention(self, conv: Convention) -> list[str]:
        name = _convention_name(conv.id)
        uses = self.uses.get(conv.id, [])
        lines = [
            f"### {_esc(name.da)} {{#konvention-{conv.id}}}",
            "",
            f"*{_esc(name.en)}* · [`{conv.id}`](fristberegning.md#{conv.id})",
            "",
        ]
        lines += _warning(
            conv.mark.label("da"),
            f"{conv.da} {conv.note_da or ''}".strip(),
            f"{conv.en} {conv.note_en or ''}".strip(),
            conv.mark.label("en"),
        )
        lines += [
            "Berører *(affects)*: " + (_rule_links(uses) or "ingen regel i kataloget"),
            "",
        ]
        return lines

    def open_transitions(self) -> list[str]:
        pairs = [
            (rule, old, new)
            for rule in self.catalog.rules.values()
            for old, new in _successions(rule)
            if not _into_barnets_lov(old, new)
        ]
        if not pairs:
            return []
        lines = [
            "## Skift mellem versioner uden undersøgt overgangsregel {#overgange}",
            "",
            "*Changes between versions with no researched transitional provision*",
            "",
            "Ved disse skift anvender frister den regel, der gælder på fristens dag (eller, "
            "for en pligt uden dato, når den opfyldes); ingen overgangsregel er undersøgt. "
            "Er der ingen efterfølger, regnes fristen efter den ophørte regel. *(At these "
            "changes frister applies the rule in force on the due day, or when a duty with no "
            "date is fulfilled; no transitional provision has been researched. With no "
            "successor, the deadline is computed under the ended rule.)*",
            "",
            "Falder den nye regels egen frist før dagen, hvor den trådte i kraft, er fristen den "
            "dag, reglen trådte i kraft (afventer juridisk afklaring). *(If the new rule's own "
            "deadline falls before the day it entered into force, the deadline is that day; "
            "awaiting legal review.)*",
            "",
        ]
        for rule, old, new in pairs:
            target = _esc(str(new.citation)) if new is not None else "ingen efterfølger"
            lines.append(
                f"- [`{rule.id}`](regler/{rule.id}.md): {_esc(str(old.citation))} "
                f"({_esc(old.period('da'))}) → {target}"
            )
        lines.append("")
        return lines

    def rule_questions(self, rule: ObligationRule) -> list[str]:
        lines = [f"#### {_esc(rule.title.da)} {{#{_slug(rule.id)}}}", ""]
        lines += [f"*{_esc(rule.title.en)}* · [`{rule.id}`](regler/{rule.id}.md)", ""]
        for version in _newest_first(rule):
            if not version.questions:
                continue
            lines += [
                f"**[{_esc(str(version.citation))}](regler/{rule.id}.md#"
                f"{_slug(version.id)})** (`{version.id}`, {_esc(version.period('da'))})",
                "",
            ]
            lines += _question_warnings(version.questions)
        return lines

    # -- all pages ---------------------------------------------------------------------

    def pages(self) -> dict[str, str]:
        pages = {"regler/index.md": self.rules_index()}
        for rule in self.catalog.rules.values():
            pages[f"regler/{rule.id}.md"] = self.rule_page(rule)
        pages["love/index.md"] = self.laws_index()
        for key, (law, versions) in self.laws().items():
            pages[f"love/{key}.md"] = self.law_page(law, versions)
        pages["overgang.md"] = self.transition()
        pages["kalender.md"] = self.calendar_page()
        pages["fristberegning.md"] = self.conventions_page()
        pages["spoergsmaal.md"] = self.questions_page()
        pages["daekning.md"] = coverage_page(self.catalog)
        pages["haendelser.md"] = vocabulary_page(self.catalog)
        pages["laesninger.md"] = readings_page(self.catalog)
        return {path: text.rstrip("\n") + "\n" for path, text in sorted(pages.items())}
