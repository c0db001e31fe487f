"""The ``frister`` command: sample cases, rules, deadlines and the calendar, as text or JSON."""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from frister import __version__
from frister.calendar import (
    COPENHAGEN,
    DanishCalendar,
    ExtraClosedDay,
    Language,
    format_date,
    format_moment,
)
from frister.case import Moment, Obligation, parse_moment
from frister.catalog import Catalog, default_catalog
from frister.deadlines import Direction, MonthRule, Roll, compute_deadline
from frister.engine import YearReading
from frister.errors import FristerError, InputError
from frister.json import (
    case_from_json,
    deadline_to_json,
    obligation_to_json,
    readings_to_json,
)
from frister.rules import SHAPE_TITLES, FactType

if TYPE_CHECKING:
    from frister.portfolio import PortfolioResult

_EXTRA_BY_OPTION = {day.name.lower().replace("_", "-"): day for day in ExtraClosedDay}


def _calendar(extras: Sequence[str]) -> DanishCalendar:
    return DanishCalendar(extra_closed_days=[_EXTRA_BY_OPTION[name] for name in extras])


def _print_calendar(year: int, calendar: DanishCalendar, lang: Language) -> None:
    title = "Lukkede dage" if lang == "da" else "Closed days"
    print(f"{title} {year} ({calendar.describe(lang)}):")
    for day in calendar.holidays(year):
        closed = calendar.closed_day(day)
        assert closed is not None
        print(f"  {format_date(day, lang):<20} {closed.label(lang)}")
    start, end = date(year, 1, 1), date(year, 12, 31)
    count = calendar.working_days_between(start, end) + calendar.is_working_day(start)
    label = "Arbejdsdage i alt" if lang == "da" else "Working days in total"
    print(f"  {label}: {count}")


JSON_FORMAT = 1
"""The version of the command line's JSON output; it changes when a key changes meaning."""


def _meta(catalog: Catalog | None = None) -> dict[str, Any]:
    """What every JSON document starts with: its format, frister's version, the catalog's."""
    meta: dict[str, Any] = {"format": JSON_FORMAT, "frister": __version__}
    if catalog is not None:
        meta["catalog"] = {
            "fingerprint": catalog.fingerprint,
            "files": [path.name for path in catalog.paths],
        }
    return meta


def _catalog(args: argparse.Namespace) -> Catalog:
    """The bundled catalog, plus the rule files given with --rules (a municipality's pack)."""
    catalog = default_catalog()
    rules = getattr(args, "rules", None) or []
    for path in rules:
        if not Path(path).is_file():
            raise InputError("--rules", path, "no such rule file")
    return catalog.with_rules(*rules) if rules else catalog


def _samples() -> list[tuple[Path, dict[str, Any]]]:
    with as_file(files("frister").joinpath("data", "samples")) as folder:
        paths = sorted(Path(folder).glob("*.json"))
        if not paths:
            raise FristerError(f"no sample cases in {folder}: is frister installed with its data?")
        return [(path, json.loads(path.read_text(encoding="utf-8"))) for path in paths]


def _cmd_demo(args: argparse.Namespace) -> int:
    lang: Language = args.lang
    catalog = default_catalog()
    if args.portfolio:
        return _demo_portfolio(args, catalog)
    for option in ("size", "seed", "out", "period"):
        if getattr(args, option) is not None:
            raise InputError(f"--{option}", getattr(args, option), "only with --portfolio")
    output = []
    for path, data in _samples():
        case = case_from_json(data, catalog)
        as_of = parse_moment(args.as_of or data["as_of"], "as_of")
        obligations = catalog.evaluate(case, as_of)
        output.append((path, data, as_of, case, obligations))
    if args.json:
        _print_json(
            {
                **_meta(catalog),
                "cases": [
                    {
                        "case": path.stem,
                        "title": data["title"][lang],
                        "as_of": as_of.isoformat(),
                        "obligations": [
                            obligation_to_json(ob, readings=catalog.readings(case, ob))
                            for ob in obligations
                        ],
                    }
                    for path, data, as_of, case, obligations in output
                ],
            }
        )
        return 0
    for path, data, as_of, _, obligations in output:
        title = f"{path.stem}: {data['title'][lang]}"
        print(f"{title}\n{'=' * len(title)}")
        print(data["description"][lang])
        _print_table(obligations, as_of, lang)
        for ob in obligations:
            print()
            print(ob.explain(lang))
        print()
    return 0


def _demo_portfolio(args: argparse.Namespace, catalog: Catalog) -> int:
    """A seeded synthetic municipality, evaluated and written as a management report."""
    from frister.portfolio import evaluate_portfolio  # noqa: PLC0415
    from frister.synthetic import AS_OF, generate_portfolio  # noqa: PLC0415

    lang: Language = args.lang
    if args.as_of is not None:
        raise InputError("--as-of", args.as_of, "the demo portfolio is made for " + str(AS_OF))
    size = 3000 if args.size is None else args.size
    seed = 0 if args.seed is None else args.seed
    portfolio = generate_portfolio(size, seed=seed)
    with _progress_bar(portfolio.size, lang) as update:
        result = evaluate_portfolio(catalog, portfolio, AS_OF, progress=update)
    out = Path(args.out or ("frister-rapport.html" if lang == "da" else "frister-report.html"))
    _write_report(result, args.period or "2026Q2", out, lang, None, None)
    return 0


def _write_report(
    result: PortfolioResult,
    period: str,
    out: Path,
    lang: Language,
    baseline: str | None,
    criteria: str | None,
) -> None:
    from frister.portfolio import REPORT_FORMATS  # noqa: PLC0415

    if out.suffix.lower() not in REPORT_FORMATS:
        endings = ", ".join(REPORT_FORMATS)
        raise InputError("--out", str(out), f"expected a file ending {endings}")
    report = result.report(period, baseline=baseline, criteria=criteria, lang=lang)
    report.write(out)
    words = ("skrev", "sager", "periode") if lang == "da" else ("wrote", "cases", "period")
    print(f"frister: {words[0]} {out} ({result.cases} {words[1]}, {words[2]} {period})")


def _cmd_report(args: argparse.Namespace) -> int:
    """An event table (and case table) evaluated and written as a management report."""
    from frister.portfolio import evaluate_portfolio, read_portfolio  # noqa: PLC0415

    lang: Language = args.lang
    catalog = default_catalog()
    as_of = parse_moment(args.as_of, "--as-of")
    portfolio = read_portfolio(args.events, args.cases, catalog=catalog)
    with _progress_bar(portfolio.size, lang) as update:
        result = evaluate_portfolio(
            catalog, portfolio, as_of, workers=args.workers, progress=update
        )
    _write_report(result, args.period, Path(args.out), lang, args.baseline, args.criteria)
    if result.errors:
        noun = "sager kunne" if lang == "da" else "cases could"
        what = "ikke evalueres" if lang == "da" else "not be evaluated"
        print(f"frister: {len(result.errors)} {noun} {what}", file=sys.stderr)
    return 0


def _print_table(obligations: list[Obligation], as_of: Moment, lang: Language) -> None:
    label = "Status pr." if lang == "da" else "Status on"
    print(f"\n{label} {format_moment(as_of, lang)}:")
    for ob in obligations:
        rule = ob.rule_id + (f" #{ob.occurrence}" if ob.occurrence > 1 else "")
        due = ob.describe_due(lang)
        print(f"  {rule:<42} {due:<32} {ob.status.label(lang)}")


def _cmd_evaluate(args: argparse.Namespace) -> int:
    catalog = _catalog(args)
    if Path(args.case).suffix.lower() in _TABLE_SUFFIXES:
        return _evaluate_table(args, catalog)
    for option, value in (("--cases", args.cases), ("--csv", args.csv)):
        if value is not None:
            raise InputError(option, value, "only for an event table (.csv, .jsonl, .parquet)")
    if args.workers != 1:
        raise InputError("--workers", args.workers, "only for an event table")
    if args.readings and Path(args.case).suffix.lower() in _TABLE_SUFFIXES:
        raise InputError("--readings", True, "only for a case file")
    try:
        data = json.loads(Path(args.case).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InputError("case", args.case, str(error)) from None
    case = case_from_json(data, catalog)
    as_of = parse_moment(args.as_of, "--as-of")
    obligations = catalog.evaluate(case, as_of, reading=YearReading(args.reading))
    if args.json:
        rows = [
            obligation_to_json(ob, readings=catalog.readings(case, ob) if args.readings else None)
            for ob in obligations
        ]
        _print_json({**_meta(catalog), "as_of": as_of.isoformat(), "obligations": rows})
        return 0
    _print_table(obligations, as_of, args.lang)
    for ob in obligations:
        print()
        print(ob.explain(args.lang))
        if args.readings:
            readings = catalog.readings(case, ob)
            if readings:
                heading = "Læsninger af åbne spørgsmål" if args.lang == "da" else "Readings"
                print(f"{heading}:")
                print(readings.explain(args.lang))
    return 0


_TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")


def _evaluate_table(args: argparse.Namespace, catalog: Catalog) -> int:
    """An event table (and case table) evaluated as a portfolio: a summary, then the rows."""
    from frister.portfolio import evaluate_portfolio, read_portfolio  # noqa: PLC0415

    lang: Language = args.lang
    as_of = parse_moment(args.as_of, "--as-of")
    portfolio = read_portfolio(args.case, args.cases, catalog=catalog)
    with _progress_bar(portfolio.size, lang) as update:
        result = evaluate_portfolio(
            catalog,
            portfolio,
            as_of,
            workers=args.workers,
            reading=YearReading(args.reading),
            progress=update,
        )
    if args.csv is not None:
        _write_rows_csv(result, Path(args.csv))
    if args.json:
        _print_portfolio_json(result, catalog, rows=args.csv is None)
    else:
        _print_portfolio(result, lang, rows=args.csv is None)
    if result.errors:
        noun = "sager kunne" if lang == "da" else "cases could"
        what = "ikke evalueres" if lang == "da" else "not be evaluated"
        print(f"frister: {len(result.errors)} {noun} {what}", file=sys.stderr)
    return 0


@contextlib.contextmanager
def _progress_bar(total: int | None, lang: Language) -> Iterator[Callable[[int, int | None], None]]:
    """A tqdm bar on stderr, shown only when stderr is a terminal."""
    from tqdm import tqdm  # noqa: PLC0415 - only long runs on a terminal need it

    unit = "sager" if lang == "da" else "cases"
    with tqdm(
        total=total, file=sys.stderr, unit=f" {unit}", disable=not sys.stderr.isatty()
    ) as bar:

        def update(done: int, total: int | None) -> None:
            bar.update(done - bar.n)

        yield update


def _print_portfolio(result: PortfolioResult, lang: Language, *, rows: bool) -> None:
    da = lang == "da"
    counts = result.status_counts()
    head = "Portefølje pr." if da else "Portfolio on"
    words = (
        ("sager", "forpligtelser", "sager med fejl")
        if da
        else (
            "cases",
            "obligations",
            "cases with errors",
        )
    )
    print(
        f"{head} {format_moment(result.as_of, lang)}: {result.cases} {words[0]}, "
        f"{len(result.rows)} {words[1]}, {len(result.errors)} {words[2]}"
    )
    for status, count in counts.items():
        print(f"  {status.label(lang):<18} {count:>9}")
    if result.errors:
        print("\nSager med fejl:" if da else "\nCases with errors:")
        for failure in result.errors:
            print(f"  {failure.case_id}: {failure.error}: {failure.message}")
    if not rows or not result.rows:
        return
    print()
    for row in result.rows:
        rule = row.rule_id + (f" #{row.occurrence}" if row.occurrence > 1 else "")
        due = _compact(row.due) if row.due is not None else ("ingen frist" if da else "no deadline")
        print(f"  {row.case_id:<16} {rule:<42} {due:<17} {row.status.label(lang)}")


def _compact(moment: Moment) -> str:
    """2024-04-04, or 2024-03-23 16:05 in Danish time."""
    if isinstance(moment, datetime):
        return moment.astimezone(COPENHAGEN).strftime("%Y-%m-%d %H:%M")
    return moment.isoformat()


def _print_portfolio_json(result: PortfolioResult, catalog: Catalog, *, rows: bool) -> None:
    """The summary, the errors and (streamed, a row a line) the rows, as one JSON object."""
    head = {
        **_meta(catalog),
        "as_of": result.as_of.isoformat(),
        "cases": result.cases,
        "summary": {status.value: n for status, n in result.status_counts().items()},
        "errors": [
            {"case_id": f.case_id, "error": f.error, "message": f.message} for f in result.errors
        ],
    }
    text = json.dumps(head, ensure_ascii=False, indent=2)
    if not rows:
        print(text)
        return
    print(text[:-2] + ',\n  "rows": [')
    for index, row in enumerate(result.rows):
        comma = "," if index + 1 < len(result.rows) else ""
        print(f"    {json.dumps(row.to_json(), ensure_ascii=False)}{comma}")
    print("  ]\n}")


def _write_rows_csv(result: PortfolioResult, path: Path) -> None:
    """The rows as CSV: a column per row field, labels as label.<name> columns."""
    from frister.portfolio import LABEL_PREFIX, ROW_FIELDS  # noqa: PLC0415

    fields = [f for f in ROW_FIELDS if f != "labels"]
    labels = result.label_names
    try:
        with path.open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file, lineterminator="\n")
            writer.writerow([*fields[:3], *(LABEL_PREFIX + n for n in labels), *fields[3:]])
            for row in result.rows:
                data = row.to_json()
                cells = [_cell(data[f]) for f in fields]
                own = [row.labels.get(name, "") for name in labels]
                writer.writerow([*cells[:3], *own, *cells[3:]])
    except OSError as error:
        raise InputError("--csv", str(path), f"cannot write it: {error.strerror}") from None


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def _cmd_due(args: argparse.Namespace) -> int:
    catalog = _catalog(args)
    rule = catalog.get(args.rule)
    facts = _facts(catalog, rule.versions[0].trigger, args.fact)
    result = catalog.due(args.rule, parse_moment(args.trigger, "trigger"), facts)
    if args.json:
        data: dict[str, Any] = {
            **_meta(catalog),
            "rule_id": result.rule_id,
            "version": result.version.id,
            "citation": str(result.version.citation),
            "due": result.due.isoformat(),
            "practical_due": result.practical_due.isoformat(),
            "explanation": result.explain(args.lang),
        }
        if args.readings:
            data["readings"] = readings_to_json(result.readings)
        _print_json(data)
    else:
        print(result.explain(args.lang))
        if args.readings:
            heading = (
                "Læsninger af åbne spørgsmål" if args.lang == "da" else "Readings of open questions"
            )
            print(f"\n{heading}:")
            print(result.readings.explain(args.lang))
    return 0


def _facts(catalog: Catalog, kind: str, pairs: Sequence[str]) -> dict[str, Any]:
    """--fact name=value pairs, read by the fact's declared type."""
    specs = {**catalog.case_facts, **catalog.events[kind].facts}
    facts: dict[str, Any] = {}
    for pair in pairs:
        name, sep, text = pair.partition("=")
        if not sep:
            raise InputError("--fact", pair, "expected name=value")
        spec = specs.get(name)
        if spec is None:
            raise InputError("--fact", pair, f"unknown fact {name!r}; facts: {', '.join(specs)}")
        if spec.type is FactType.BOOL:
            if text not in ("true", "false"):
                raise InputError("--fact", pair, "expected true or false")
            facts[name] = text == "true"
        elif spec.type is FactType.DATE:
            facts[name] = parse_moment(text, f"--fact {name}")
        elif spec.type is FactType.INT:
            facts[name] = int(text)
        else:
            facts[name] = text
    return facts


def _cmd_rules(args: argparse.Namespace) -> int:
    catalog = default_catalog()
    lang: Language = args.lang
    if args.json:
        _print_json(
            {
                **_meta(catalog),
                "shapes": {shape.value: title(lang) for shape, title in SHAPE_TITLES.items()},
                "rules": [
                    {
                        "id": rule.id,
                        "shape": rule.shape.value,
                        "stage": rule.stage,
                        "title": rule.title(lang),
                        "versions": [
                            {
                                "id": v.id,
                                "citation": str(v.citation),
                                "variant": v.variant,
                                "valid_from": _iso(v.valid_from),
                                "valid_to": _iso(v.valid_to),
                                "mark": v.mark.value,
                            }
                            for v in rule.versions
                        ],
                    }
                    for rule in catalog.rules.values()
                ],
            }
        )
        return 0
    print("Former:" if lang == "da" else "Shapes:")
    for shape, title in SHAPE_TITLES.items():
        print(f"  [{shape.value}] {title(lang)}")
    print()
    for rule in catalog.rules.values():
        print(f"{rule.id} [{rule.shape.value}] {rule.title(lang)}")
        for version in rule.versions:
            print(
                f"    {version.citation!s:<44} {version.period(lang):<36} "
                f"{version.mark.label(lang)}"
            )
    return 0


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _cmd_calendar(args: argparse.Namespace) -> int:
    calendar = _calendar(args.extra)
    if args.json:
        _print_json(
            {
                **_meta(),
                "year": args.year,
                "closed_days": [
                    {"date": day.isoformat(), "name": name}
                    for day, name in calendar.holidays(args.year).items()
                ],
            }
        )
        return 0
    _print_calendar(args.year, calendar, args.lang)
    return 0


def _cmd_deadline(args: argparse.Namespace) -> int:
    calendar = _calendar(args.extra)
    expiry = DanishCalendar.for_citizen_deadlines() if args.citizen else calendar
    deadline = compute_deadline(
        parse_moment(args.trigger, "trigger"),
        args.duration,
        roll=Roll(args.roll),
        calendar=calendar,
        expiry_calendar=expiry,
        months=MonthRule(args.months),
        direction=Direction.BEFORE if args.before else Direction.AFTER,
    )
    if args.json:
        _print_json({**_meta(), **deadline_to_json(deadline, args.lang)})
    else:
        print(deadline.explain(args.lang))
    return 0


def _cmd_docs(args: argparse.Namespace) -> int:
    from frister._docs import write_rule_book  # noqa: PLC0415 - only this command needs it

    out = Path(args.out)
    paths = write_rule_book(out)
    print(f"frister docs: {len(paths)} pages in {out}")
    return 0


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frister", description="Danish statutory deadlines, computed and explained."
    )
    parser.add_argument("--version", action="version", version=f"frister {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=("da", "en"), default="da", help="output language")
    common.add_argument("--json", action="store_true", help="print JSON instead of text")
    packs = argparse.ArgumentParser(add_help=False)
    packs.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="FILE",
        help="also load this rule file, e.g. a municipality's kommune.toml (repeatable)",
    )
    extras = argparse.ArgumentParser(add_help=False)
    extras.add_argument(
        "--extra",
        action="append",
        default=[],
        choices=sorted(_EXTRA_BY_OPTION),
        help="close this named day too (repeatable)",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    demo = commands.add_parser("demo", parents=[common], help="evaluate the bundled sample cases")
    demo.add_argument("--as-of", help="evaluate on this date instead of each case's own")
    demo.add_argument(
        "--portfolio",
        action="store_true",
        help="generate a seeded municipality and write its management report",
    )
    demo.add_argument("--size", type=int, help="with --portfolio: cases (default 3000)")
    demo.add_argument("--seed", type=int, help="with --portfolio: the seed (default 0)")
    demo.add_argument("--period", help="with --portfolio: the period (default 2026Q2)")
    demo.add_argument(
        "--out", help="with --portfolio: .html, .xlsx or .json (default frister-rapport.html)"
    )
    demo.set_defaults(run=_cmd_demo)

    report = commands.add_parser(
        "report", parents=[common], help="a portfolio's management report (HTML, Excel, JSON)"
    )
    report.add_argument("events", help="the event table (.csv, .jsonl, .parquet)")
    report.add_argument("--cases", help="the case table (.csv, .jsonl, .parquet)")
    report.add_argument("--as-of", required=True, help="ISO date or datetime")
    report.add_argument("--period", required=True, help="e.g. 2019Q2, 2019-05, 2019")
    report.add_argument("--baseline", help="the trend's baseline quarter (default: the first)")
    report.add_argument("--criteria", help="a TOML file of lawfulness criteria")
    report.add_argument("--out", required=True, help="report.html, report.xlsx or report.json")
    report.add_argument("--workers", type=int, default=1, help="evaluate in this many processes")
    report.set_defaults(run=_cmd_report)

    due = commands.add_parser("due", parents=[common, packs], help="one rule's deadline, explained")
    due.add_argument("rule", help="an obligation id, e.g. underretning.kvittering")
    due.add_argument("trigger", help="ISO date, or ISO datetime with offset")
    due.add_argument("--fact", action="append", default=[], help="name=value (repeatable)")
    due.add_argument(
        "--readings",
        action="store_true",
        help="also the due date under every reading of each open question, and the safe date",
    )
    due.set_defaults(run=_cmd_due)

    evaluate = commands.add_parser(
        "evaluate",
        parents=[common, packs],
        help="evaluate a case file, or a portfolio's event table",
    )
    evaluate.add_argument(
        "case",
        help="a case as JSON (see src/frister/data/samples/), or an event table "
        "(.csv, .jsonl, .parquet) evaluated as a portfolio",
    )
    evaluate.add_argument("--as-of", required=True, help="ISO date or datetime")
    evaluate.add_argument(
        "--reading",
        choices=[r.value for r in YearReading],
        default=YearReading.CALENDAR_YEAR.value,
        help="how 'twice a year' is read",
    )
    evaluate.add_argument(
        "--readings",
        action="store_true",
        help="also each obligation's date under every reading of the open questions (a case file)",
    )
    evaluate.add_argument("--cases", help="the portfolio's case table (.csv, .jsonl, .parquet)")
    evaluate.add_argument("--csv", metavar="OUT", help="write the portfolio's rows to OUT as CSV")
    evaluate.add_argument(
        "--workers", type=int, default=1, help="evaluate a portfolio in this many processes"
    )
    evaluate.set_defaults(run=_cmd_evaluate)

    rules = commands.add_parser("rules", parents=[common], help="list the catalog")
    rules.set_defaults(run=_cmd_rules)

    cal = commands.add_parser("calendar", parents=[common, extras], help="closed days of a year")
    cal.add_argument("year", type=int)
    cal.set_defaults(run=_cmd_calendar)

    deadline = commands.add_parser(
        "deadline", parents=[common, extras], help="one deadline, explained"
    )
    deadline.add_argument("trigger", help="ISO date, or ISO datetime with offset for hours")
    deadline.add_argument("duration", help="e.g. '6 hverdage', '4 måneder', '24 timer'")
    deadline.add_argument(
        "--roll",
        choices=[r.value for r in Roll],
        required=True,
        help="forward: a citizen's deadline; keep: an authority's",
    )
    deadline.add_argument(
        "--citizen",
        action="store_true",
        help="expire only on days open for citizens' deadlines "
        "(also closed: grundlovsdag, 24 and 31 Dec)",
    )
    deadline.add_argument(
        "--months",
        choices=[m.value for m in MonthRule],
        default=MonthRule.SAME_DAY_OR_MONTH_END.value,
    )
    deadline.add_argument("--before", action="store_true", help="count back from the trigger")
    deadline.set_defaults(run=_cmd_deadline)

    docs = commands.add_parser("docs", help="write the rule book's pages (Markdown for MkDocs)")
    docs.add_argument(
        "--out", default="docs/generated", help="folder to write into (default: docs/generated)"
    )
    docs.set_defaults(run=_cmd_docs)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (2 for bad input, naming it)."""
    args = _parser().parse_args(argv)
    try:
        status: int = args.run(args)
    except FristerError as error:
        print(f"frister: {error.in_language(getattr(args, 'lang', 'da'))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`frister evaluate big.csv | head`): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return status
