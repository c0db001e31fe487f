"""The management report: every MI table for one period, as JSON, an Excel workbook or HTML.

The HTML report is one file with no scripts and no external resources: the
charts are inline SVG drawn here. Every figure states its counts, the as-of
date and the UNVERIFIED law versions behind it.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from frister.calendar import Language, format_date
from frister.catalog import Catalog
from frister.errors import InputError
from frister.portfolio._extras import require
from frister.portfolio._mi_base import (
    Period,
    PeriodLike,
    Tabular,
    catalog_or_default,
    title_of,
    to_period,
)
from frister.portfolio._mi_lawfulness import Criteria, Criterion, Lawfulness, lawfulness
from frister.portfolio._mi_lists import FollowupSweep, WorkList, followup_sweep, work_list
from frister.portfolio._mi_rates import StageTable, Trend, check_lang, stage_table, trend

if TYPE_CHECKING:
    from frister.portfolio._rows import Table

REPORT_FORMATS = (".html", ".xlsx", ".json")
TREND_TARGETS = ("undersoegelse.afslutning", "opfoelgning")
HTML_LIST_LIMIT = 200
"""Rows of each list shown in the HTML report; the workbook and JSON hold them all."""


@attrs.frozen
class Report:
    """Every MI table of one portfolio result for one period."""

    as_of: date
    period: Period
    lang: str
    cases: int
    stages: StageTable
    trends: tuple[Trend, ...]
    trend_titles: tuple[str, ...]
    overdue: WorkList
    upcoming: WorkList
    sweep: FollowupSweep
    lawfulness: Lawfulness
    linked_on_trust: tuple[int, int] = (0, 0)
    """Of the occurrences fulfilled or ended (second), how many were linked to their trigger
    on trust (first): a link fact such as ``indsats_id`` given on only one of the two events.
    A data-quality figure beside the deadlines."""

    def tables(self) -> dict[str, Tabular]:
        """The report's tables by sheet name (at most 31 characters, as Excel allows)."""
        names = _SHEETS[self.lang]
        out: dict[str, Tabular] = {names["stages"]: self.stages}
        for t in self.trends:
            out[f"{names['trend']} {t.target}"[:31]] = t
        out |= {
            names["overdue"]: self.overdue,
            names["upcoming"]: self.upcoming,
            names["sweep"]: self.sweep,
            names["lawfulness"]: self.lawfulness,
        }
        return out

    def unverified(self) -> tuple[str, ...]:
        """Every UNVERIFIED law version behind any figure of the report."""
        marks: set[str] = set()
        for t in self.trends:
            marks.update(t.unverified)
        for work in (self.overdue, self.upcoming):
            marks.update(work.unverified)
        marks.update(self.sweep.unverified)
        marks.update(self.lawfulness.unverified)
        marks.update(v for row in self.stages.rows for v in row.unverified)
        return tuple(sorted(marks))

    def to_json(self) -> dict[str, Any]:
        """The whole report as JSON-ready data."""
        return {
            "report": "frister management information",
            "as_of": self.as_of.isoformat(),
            "period": self.period.to_json(),
            "cases": self.cases,
            "linked_on_trust": {"rows": self.linked_on_trust[0], "of": self.linked_on_trust[1]},
            "unverified": list(self.unverified()),
            "stage_table": self.stages.to_json(),
            "trends": [t.to_json() for t in self.trends],
            "overdue": self.overdue.to_json(),
            "upcoming": self.upcoming.to_json(),
            "followup_sweep": self.sweep.to_json(),
            "lawfulness": self.lawfulness.to_json(),
        }

    def write(self, path: str | Path) -> Path:
        """Write the report; the format follows the suffix: .html, .xlsx or .json."""
        out = Path(path)
        suffix = out.suffix.lower()
        if suffix == ".html":
            out.write_text(self.to_html(), encoding="utf-8")
        elif suffix == ".xlsx":
            self.write_excel(out)
        elif suffix == ".json":
            text = json.dumps(self.to_json(), ensure_ascii=False, indent=1)
            out.write_text(text, encoding="utf-8")
        else:
            raise InputError(
                "out", str(path), f"expected a file ending {', '.join(REPORT_FORMATS)}"
            )
        return out

    def write_excel(self, path: str | Path) -> None:
        """An Excel workbook, one sheet per table, with an overview sheet (``frister[excel]``)."""
        openpyxl = require("openpyxl", "excel", "Report.write_excel()")
        book = openpyxl.Workbook(write_only=True)
        about = book.create_sheet(_SHEETS[self.lang]["about"])
        words = _WORDS[self.lang]
        about.append([words["title"]])
        about.append([words["as_of"], self.as_of])
        about.append([words["period"], self.period.label, self.period.start, self.period.end])
        about.append([words["cases"], self.cases])
        about.append([words["trust"], *self.linked_on_trust])
        about.append([words["unverified"], ", ".join(self.unverified()) or "-"])
        about.append([words["config"]])
        for name, table in self.tables().items():
            sheet = book.create_sheet(name[:31])
            meta = table.meta()
            sheet.append([f"{k}: {_plain_cell(v)}" for k, v in meta.items() if k != "table"])
            columns = list(table.columns())
            sheet.append(columns)
            for record in table.records():
                sheet.append([_excel_cell(record.get(c)) for c in columns])
        book.save(str(path))

    def to_html(self) -> str:
        """The report as one HTML file with inline SVG charts (no scripts, no downloads)."""
        return _html(self)


_SHEETS = {
    "da": {
        "about": "om rapporten",
        "stages": "stadier",
        "trend": "udvikling",
        "overdue": "overskredne",
        "upcoming": "kommende",
        "sweep": "uden opfoelgning",
        "lawfulness": "lovmedholdelighed",
    },
    "en": {
        "about": "about",
        "stages": "stages",
        "trend": "trend",
        "overdue": "overdue",
        "upcoming": "upcoming",
        "sweep": "no follow-up",
        "lawfulness": "lawfulness",
    },
}


def build_report(
    table: Table,
    as_of: date,
    cases: int,
    period: PeriodLike,
    *,
    periods: Sequence[PeriodLike] | None = None,
    baseline: PeriodLike | None = None,
    within: str = "14 dage",
    window: str = "6 måneder",
    criteria: Criteria | Sequence[Criterion] | str | Path | None = None,
    lang: str = "da",
    catalog: Catalog | None = None,
) -> Report:
    lang = check_lang(lang)
    catalog = catalog_or_default(catalog)
    span = to_period(period)
    if periods is None:
        periods = _quarters_up_to(span)
    spans = [to_period(p, "periods") for p in periods]
    base = spans[0] if baseline is None else to_period(baseline, "baseline")
    return Report(
        as_of=as_of,
        period=span,
        lang=lang,
        cases=cases,
        stages=stage_table(table, as_of, span, "due", catalog=catalog, lang=lang),
        trends=tuple(trend(table, as_of, t, spans, base, "due", catalog) for t in TREND_TARGETS),
        trend_titles=tuple(title_of(catalog, t, lang) for t in TREND_TARGETS),
        overdue=work_list(table, as_of, "overdue", ("unit", "caseworker"), None, catalog, lang),
        upcoming=work_list(table, as_of, "upcoming", ("unit", "caseworker"), within, catalog, lang),
        sweep=followup_sweep(table, as_of, window, catalog, lang),
        lawfulness=lawfulness(table, as_of, criteria, catalog, lang),
        linked_on_trust=_linked_on_trust(table),
    )


def _linked_on_trust(table: Table) -> tuple[int, int]:
    """Rows linked on trust, of the rows fulfilled or ended."""
    settled = sum(1 for f, e in zip(table.fulfilled_at, table.ended_at, strict=True) if f or e)
    return sum(table.trusted), settled


def _quarters_up_to(span: Period) -> list[Period]:
    """The quarter holding the period's end and the four before it (five points)."""
    year, quarter = span.end.year, (span.end.month + 2) // 3
    out = []
    for _ in range(5):
        out.append(Period.quarter(year, quarter))
        year, quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
    return out[::-1]


def _plain_cell(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(map(_plain_cell, value)) or "-"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "-" if value is None else str(value)


def _excel_cell(value: object) -> object:
    if isinstance(value, tuple):
        return "; ".join(map(str, value))
    if isinstance(value, datetime):
        return value.isoformat()  # an hour deadline: Excel has no time zones
    return value


# -- HTML ------------------------------------------------------------------------------

_WORDS: dict[str, dict[str, str]] = {
    "da": {
        "title": "Ledelsesinformation: frister i børnesager",
        "as_of": "Opgjort pr.",
        "period": "Periode",
        "cases": "Sager",
        "trust": (
            "Opfyldt eller bortfaldet ved en hændelse, hvis sammenhæng er antaget (et "
            "link-faktum som indsats_id er kun oplyst på den ene hændelse)"
        ),
        "of": "af",
        "unverified": "UNVERIFIED lovversioner bag tallene",
        "none": "ingen",
        "config": (
            "Opfølgningsvinduet, kriterierne for grøn/gul/rød og planens trin er "
            "kommunens konfiguration, ikke lov."
        ),
        "stages": "Rettidighed pr. sagstrin",
        "stages_note": (
            "Forekomster med frist i perioden; rate = rettidige / (rettidige + for sene + "
            "overskredne). Status pr. opgørelsesdatoen."
        ),
        "stage": "Sagstrin",
        "met": "Rettidig",
        "met_late": "For sent",
        "overdue": "Overskredet",
        "ended": "Bortfaldet",
        "not_yet_due": "Ikke forfalden",
        "rate": "Rate",
        "mean_days": "Gns. dage i trin",
        "trend": "Udvikling pr. kvartal",
        "baseline": "Basis",
        "change": "Ændring (procentpoint)",
        "overdue_title": "Overskredne frister pr. enhed",
        "citizen": "Borgerens egne frister (fx klagefrist) er ikke kommunens overskridelser",
        "overdue_list": "Overskredne frister",
        "days_overdue": "Dage over",
        "upcoming": "Kommende frister",
        "days_left": "Dage tilbage",
        "sweep": "Indsatser uden opfølgning",
        "lawful": "Lovmedholdelighed (grøn / gul / rød)",
        "criteria": "Kriterier",
        "shown": "Viser de første {n} af {total}; hele listen er i regnearket og JSON.",
        "case": "Sag",
        "caseworker": "Sagsbehandler",
        "unit": "Enhed",
        "rule": "Regel",
        "citation": "Hjemmel",
        "due": "Frist",
        "measure": "Indsats",
        "started": "Startet",
        "last": "Seneste opfølgning",
        "days_since": "Dage siden",
        "colour": "Farve",
        "findings": "Fund",
        "green": "grøn",
        "yellow": "gul",
        "red": "rød",
        "count": "Antal",
        "never": "aldrig",
    },
    "en": {
        "title": "Management information: deadlines in child-welfare cases",
        "as_of": "As of",
        "period": "Period",
        "cases": "Cases",
        "trust": (
            "Fulfilled or ended by an event linked on trust (a link fact such as indsats_id "
            "given on only one of the two events)"
        ),
        "of": "of",
        "unverified": "UNVERIFIED law versions behind the figures",
        "none": "none",
        "config": (
            "The follow-up window, the green/yellow/red criteria and the plan steps are the "
            "municipality's configuration, not law."
        ),
        "stages": "On time per case stage",
        "stages_note": (
            "Occurrences due in the period; rate = on time / (on time + late + overdue). "
            "Status on the as-of date."
        ),
        "stage": "Stage",
        "met": "On time",
        "met_late": "Late",
        "overdue": "Overdue",
        "ended": "Ended",
        "not_yet_due": "Not yet due",
        "rate": "Rate",
        "mean_days": "Mean days in stage",
        "trend": "Trend per quarter",
        "baseline": "Baseline",
        "change": "Change (percentage points)",
        "overdue_title": "Overdue deadlines per unit",
        "citizen": "The citizen's own deadlines (e.g. complaints) are not the municipality's",
        "overdue_list": "Overdue deadlines",
        "days_overdue": "Days over",
        "upcoming": "Upcoming deadlines",
        "days_left": "Days left",
        "sweep": "Measures with no follow-up",
        "lawful": "Lawfulness (green / yellow / red)",
        "criteria": "Criteria",
        "shown": "Showing the first {n} of {total}; the workbook and JSON hold the full list.",
        "case": "Case",
        "caseworker": "Caseworker",
        "unit": "Unit",
        "rule": "Rule",
        "citation": "Legal basis",
        "due": "Due",
        "measure": "Measure",
        "started": "Started",
        "last": "Last follow-up",
        "days_since": "Days since",
        "colour": "Colour",
        "findings": "Findings",
        "green": "green",
        "yellow": "yellow",
        "red": "red",
        "count": "Count",
        "never": "never",
    },
}

_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:68rem;
color:#1d2327;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #ccd}
table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem}
th,td{border:1px solid #ccd;padding:.25rem .5rem;text-align:left}td.n{text-align:right}
.meta{color:#555;font-size:.9rem}.unverified{color:#8a4b00}
figure{margin:1rem 0}figcaption{font-size:.85rem;color:#444}
.green{background:#d8f0d8}.yellow{background:#fff3c4}.red{background:#f8d0d0}
"""


def _pct(rate: float | None, lang: str) -> str:
    if rate is None:
        return "–"
    text = f"{rate * 100:.1f}"
    return (text.replace(".", ",") if lang == "da" else text) + " %"


def _num(value: float | None, lang: str) -> str:
    if value is None:
        return "–"
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "da" else text


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _day(value: object, lang: str) -> str:
    if isinstance(value, datetime):
        return _e(format_date(value.date(), _lang(lang)))
    if isinstance(value, date):
        return _e(format_date(value, _lang(lang)))
    return _e(value)


def _lang(lang: str) -> Language:
    return "en" if lang == "en" else "da"


def _caption(counts: str, report: Report, unverified: Sequence[str]) -> str:
    w = _WORDS[report.lang]
    marks = ", ".join(unverified) if unverified else w["none"]
    return (
        f"<figcaption>{counts} {_e(w['as_of'])} {_day(report.as_of, report.lang)}. "
        f'<span class="unverified">{_e(w["unverified"])}: {_e(marks)}</span></figcaption>'
    )


def _bar_chart(
    bars: Sequence[tuple[str, float, str]], *, kind: str, maximum: float, percent: bool
) -> str:
    """Horizontal bars: (label, value, text beside the bar)."""
    row, left, width = 26, 230, 360
    height = row * len(bars) + 10
    parts = [
        f'<svg class="chart" data-chart="{kind}" xmlns="http://www.w3.org/2000/svg" '
        f'width="{left + width + 200}" height="{height}" role="img">'
    ]
    for index, (label, value, text) in enumerate(bars):
        y = 5 + index * row
        length = 0 if maximum <= 0 else width * value / maximum
        parts.append(
            f'<text x="{left - 8}" y="{y + 16}" text-anchor="end" font-size="13">{_e(label)}</text>'
            f'<rect class="bar" x="{left}" y="{y + 3}" width="{length:.1f}" height="18" '
            f'fill="{"#2f6f9f" if percent else "#b04a3a"}"><title>{_e(text)}</title></rect>'
            f'<text x="{left + length + 6:.1f}" y="{y + 16}" font-size="12">{_e(text)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _line_chart(trend: Trend, lang: str) -> str:
    """Rate per period as points joined by a line, with the baseline as a dashed line."""
    left, top, width, height = 50, 15, 520, 180
    points = trend.points
    step = width / max(1, len(points) - 1)
    parts = [
        f'<svg class="chart" data-chart="trend" xmlns="http://www.w3.org/2000/svg" '
        f'width="{left + width + 60}" height="{top + height + 40}" role="img">',
        f'<line x1="{left}" y1="{top + height}" x2="{left + width}" y2="{top + height}" '
        'stroke="#888"/>',
    ]
    for tick in (0, 50, 100):
        y = top + height - height * tick / 100
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{tick} %</text>'
        )
    base = trend.baseline_counts.rate
    if base is not None:
        y = top + height - height * base
        parts.append(
            f'<line class="baseline" x1="{left}" y1="{y:.1f}" x2="{left + width}" y2="{y:.1f}" '
            'stroke="#999" stroke-dasharray="4 3"/>'
        )
    coords = []
    for index, point in enumerate(points):
        x = left + step * index
        parts.append(
            f'<text x="{x:.1f}" y="{top + height + 18}" text-anchor="middle" font-size="11">'
            f"{_e(point.period.label)}</text>"
        )
        rate = point.counts.rate
        if rate is None:
            continue
        y = top + height - height * rate
        coords.append(f"{x:.1f},{y:.1f}")
        label = f"{_pct(rate, lang)} ({point.counts.met}/{point.counts.denominator})"
        parts.append(
            f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#2f6f9f">'
            f"<title>{_e(label)}</title></circle>"
            f'<text x="{x:.1f}" y="{y - 8:.1f}" text-anchor="middle" font-size="11">'
            f"{_e(_pct(rate, lang))}</text>"
        )
    if len(coords) > 1:
        parts.append(
            f'<polyline points="{" ".join(coords)}" fill="none" stroke="#2f6f9f" stroke-width="2"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _table(head: Sequence[str], rows: Sequence[Sequence[str]], numeric: set[int]) -> str:
    out = ["<table><thead><tr>", *(f"<th>{_e(h)}</th>" for h in head), "</tr></thead><tbody>"]
    for row in rows:
        cells = (
            f'<td class="n">{cell}</td>' if i in numeric else f"<td>{cell}</td>"
            for i, cell in enumerate(row)
        )
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _html(report: Report) -> str:
    lang = report.lang
    w = _WORDS[lang]
    marks = report.unverified()
    out = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{_e(w['title'])} {_e(report.period.label)}</title><style>{_CSS}</style>",
        "</head><body>",
        f"<h1>{_e(w['title'])}</h1>",
        f'<p class="meta">{_e(w["period"])}: <strong>{_e(report.period.label)}</strong> '
        f"({_day(report.period.start, lang)} – {_day(report.period.end, lang)}). "
        f"{_e(w['as_of'])} <strong>{_day(report.as_of, lang)}</strong>. "
        f"{_e(w['cases'])}: {report.cases}.</p>",
        f'<p class="meta">{_e(w["trust"])}: {report.linked_on_trust[0]} {_e(w["of"])} '
        f"{report.linked_on_trust[1]}.</p>",
        f'<p class="meta unverified">{_e(w["unverified"])}: '
        f"{_e(', '.join(marks) if marks else w['none'])}</p>",
        f'<p class="meta">{_e(w["config"])}</p>',
    ]
    # stages
    stages = report.stages
    out.append(f'<h2 id="stadier">{_e(w["stages"])}</h2><p class="meta">{_e(w["stages_note"])}</p>')
    bars = []
    rows = []
    for r in stages.rows:
        name = r.line.da if lang == "da" else r.line.en
        c = r.counts
        bars.append((name, c.rate or 0.0, f"{_pct(c.rate, lang)} ({c.met}/{c.denominator})"))
        rows.append(
            [
                _e(name),
                str(c.met),
                str(c.met_late),
                str(c.overdue),
                str(c.ended),
                str(c.not_yet_due),
                _pct(c.rate, lang),
                _num(r.mean_days, lang),
            ]
        )
    total = sum(r.counts.denominator for r in stages.rows)
    stage_marks = sorted({v for r in stages.rows for v in r.unverified})
    out.append(
        "<figure>"
        + _bar_chart(bars, kind="stages", maximum=1.0, percent=True)
        + _caption(f"{w['count']}: {total}.", report, stage_marks)
        + "</figure>"
    )
    head = [w[k] for k in ("stage", "met", "met_late", "overdue", "ended", "not_yet_due", "rate")]
    out.append(_table([*head, w["mean_days"]], rows, {1, 2, 3, 4, 5, 6, 7}))
    # trends
    out.append(f'<h2 id="udvikling">{_e(w["trend"])}</h2>')
    for t, title in zip(report.trends, report.trend_titles, strict=True):
        counts = "; ".join(
            f"{p.period.label}: {p.counts.met}/{p.counts.denominator}" for p in t.points
        )
        out.append(
            f"<h3>{_e(title)}</h3><figure>"
            + _line_chart(t, lang)
            + _caption(
                f"{w['baseline']} {t.baseline.label}: {_pct(t.baseline_counts.rate, lang)}. "
                f"{_e(counts)}.",
                report,
                t.unverified,
            )
            + "</figure>"
        )
        out.append(
            _table(
                [w["period"], w["met"], w["met_late"], w["overdue"], w["rate"], w["change"]],
                [
                    [
                        _e(p.period.label),
                        str(p.counts.met),
                        str(p.counts.met_late),
                        str(p.counts.overdue),
                        _pct(p.counts.rate, lang),
                        _num(p.change_pp, lang),
                    ]
                    for p in t.points
                ],
                {1, 2, 3, 4, 5},
            )
        )
    # overdue per unit
    overdue = report.overdue
    per_unit: dict[str, int] = {}
    for item in overdue.items:
        per_unit[item.unit or "–"] = per_unit.get(item.unit or "–", 0) + 1
    out.append(f'<h2 id="overskredne">{_e(w["overdue_title"])}</h2>')
    unit_bars = [(u, float(n), str(n)) for u, n in sorted(per_unit.items())]
    out.append(
        "<figure>"
        + _bar_chart(
            unit_bars,
            kind="overdue",
            maximum=float(max(per_unit.values(), default=0)),
            percent=False,
        )
        + _caption(
            f"{w['count']}: {len(overdue.items)}. {w['citizen']}: {len(overdue.citizen_items)}.",
            report,
            overdue.unverified,
        )
        + "</figure>"
    )
    out.append(_list_section(report, overdue, w["overdue_list"], "days_overdue"))
    out.append(_list_section(report, report.upcoming, w["upcoming"], "days_left"))
    # sweep
    sweep = report.sweep
    out.append(f'<h2 id="opfoelgning">{_e(w["sweep"])} ({_e(sweep.window)})</h2>')
    out.append(f'<p class="meta">{_e(sweep.note)}</p>')
    out.append(
        _caption(
            f"{w['count']}: {len(sweep.items)} / {sweep.measures}.", report, sweep.unverified
        ).replace("figcaption", "p")
    )
    out.append(
        _limited(
            [
                w["case"],
                w["caseworker"],
                w["unit"],
                w["measure"],
                w["started"],
                w["last"],
                w["days_since"],
            ],
            [
                [
                    _e(i.case_id),
                    _e(i.caseworker),
                    _e(i.unit),
                    _e(f"{i.measure_id or ''} {i.measure_type or ''}".strip()),
                    _day(i.started, lang),
                    _day(i.last_followup, lang) if i.last_followup else _e(w["never"]),
                    str(i.days_since),
                ]
                for i in sweep.items[:HTML_LIST_LIMIT]
            ],
            {6},
            len(sweep.items),
            lang,
        )
    )
    # lawfulness
    verdicts = report.lawfulness
    colours = verdicts.counts()
    out.append(f'<h2 id="lovmedholdelighed">{_e(w["lawful"])}</h2>')
    colour_bars = [(w[c], float(colours[c]), str(colours[c])) for c in ("green", "yellow", "red")]
    out.append(
        "<figure>"
        + _bar_chart(
            colour_bars,
            kind="lawfulness",
            maximum=float(max(colours.values(), default=0)),
            percent=False,
        )
        + _caption(
            f"{w['count']}: {len(verdicts.cases)}. {w['criteria']}: {verdicts.criteria.source}.",
            report,
            verdicts.unverified,
        )
        + "</figure>"
    )
    per_unit_colours = sorted(verdicts.counts_by("unit").items(), key=lambda kv: kv[0] or "")
    out.append(
        _table(
            [w["unit"], w["green"], w["yellow"], w["red"]],
            [
                [_e(unit or "–"), *(str(n[c]) for c in ("green", "yellow", "red"))]
                for unit, n in per_unit_colours
            ],
            {1, 2, 3},
        )
    )
    flagged = [v for v in verdicts.cases if v.colour != "green"]
    flagged.sort(key=lambda v: (v.colour != "red", v.unit or "", v.caseworker or "", v.case_id))
    out.append(
        _limited(
            [w["case"], w["caseworker"], w["unit"], w["colour"], w["findings"]],
            [
                [
                    _e(v.case_id),
                    _e(v.caseworker),
                    _e(v.unit),
                    f'<span class="{v.colour}">{_e(w[v.colour])}</span>',
                    _e("; ".join(f.text for f in v.findings)),
                ]
                for v in flagged[:HTML_LIST_LIMIT]
            ],
            set(),
            len(flagged),
            lang,
        )
    )
    out.append("</body></html>")
    return "\n".join(out)


def _limited(
    head: Sequence[str], rows: Sequence[Sequence[str]], numeric: set[int], total: int, lang: str
) -> str:
    note = ""
    if total > len(rows):
        note = f'<p class="meta">{_e(_WORDS[lang]["shown"].format(n=len(rows), total=total))}</p>'
    return _table(head, rows, numeric) + note


def _list_section(report: Report, work: WorkList, title: str, days: str) -> str:
    lang = report.lang
    w = _WORDS[lang]
    rows = [
        [
            _e(i.unit),
            _e(i.caseworker),
            _e(i.case_id),
            _e(i.title),
            _e(i.citation)
            + (' <span class="unverified">UNVERIFIED</span>' if i.mark == "unverified" else ""),
            _day(i.practical_due, lang),
            str(i.days),
        ]
        for i in work.items[:HTML_LIST_LIMIT]
    ]
    head = [w["unit"], w["caseworker"], w["case"], w["rule"], w["citation"], w["due"], w[days]]
    section = f"<h2>{_e(title)}</h2>" + _limited(head, rows, {6}, len(work.items), lang)
    if work.citizen_items:
        citizen = [
            [
                _e(i.unit),
                _e(i.caseworker),
                _e(i.case_id),
                _e(i.title),
                _e(i.citation),
                _day(i.due, lang),
                str(i.days),
            ]
            for i in work.citizen_items[:HTML_LIST_LIMIT]
        ]
        section += f"<h3>{_e(w['citizen'])}</h3>" + _limited(
            head, citizen, {6}, len(work.citizen_items), lang
        )
    return section
