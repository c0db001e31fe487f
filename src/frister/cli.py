"""The ``frister`` command: sample cases, rules, deadlines and the calendar, as text or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

from frister.calendar import DanishCalendar, ExtraClosedDay, Language, format_date, format_moment
from frister.case import Moment, Obligation
from frister.catalog import Catalog, default_catalog
from frister.deadlines import Direction, MonthRule, Roll, compute_deadline
from frister.engine import YearReading
from frister.errors import FristerError, InputError
from frister.json import case_from_json, deadline_to_json, obligation_to_json, parse_moment
from frister.rules import FactType

_EXTRA_BY_OPTION = {day.name.lower().replace("_", "-"): day for day in ExtraClosedDay}


def _calendar(extras: Sequence[str]) -> DanishCalendar:
    return DanishCalendar(extra_closed_days=[_EXTRA_BY_OPTION[name] for name in extras])


def _print_calendar(year: int, calendar: DanishCalendar, lang: Language) -> None:
    title = "Lukkede dage" if lang == "da" else "Closed days"
    print(f"{title} {year} ({calendar!r}):")
    for day in calendar.holidays(year):
        closed = calendar.closed_day(day)
        assert closed is not None
        print(f"  {format_date(day, lang):<20} {closed.label(lang)}")
    start, end = date(year, 1, 1), date(year, 12, 31)
    count = calendar.working_days_between(start, end) + calendar.is_working_day(start)
    label = "Arbejdsdage i alt" if lang == "da" else "Working days in total"
    print(f"  {label}: {count}")


def _samples() -> list[tuple[Path, dict[str, Any]]]:
    with as_file(files("frister").joinpath("data", "samples")) as folder:
        paths = sorted(Path(folder).glob("*.json"))
        if not paths:
            raise FristerError(f"no sample cases in {folder}: is frister installed with its data?")
        return [(path, json.loads(path.read_text(encoding="utf-8"))) for path in paths]


def _cmd_demo(args: argparse.Namespace) -> int:
    lang: Language = args.lang
    catalog = default_catalog()
    output = []
    for path, data in _samples():
        case = case_from_json(data, catalog)
        as_of = parse_moment(args.as_of or data["as_of"], "as_of")
        obligations = catalog.evaluate(case, as_of)
        output.append((path, data, as_of, obligations))
    if args.json:
        _print_json(
            [
                {
                    "case": path.stem,
                    "title": data["title"][lang],
                    "as_of": as_of.isoformat(),
                    "obligations": [obligation_to_json(ob) for ob in obligations],
                }
                for path, data, as_of, obligations in output
            ]
        )
        return 0
    for path, data, as_of, obligations in output:
        title = f"{path.stem}: {data['title'][lang]}"
        print(f"{title}\n{'=' * len(title)}")
        print(data["description"][lang])
        _print_table(obligations, as_of, lang)
        for ob in obligations:
            print()
            print(ob.explain(lang))
        print()
    return 0


def _print_table(obligations: list[Obligation], as_of: Moment, lang: Language) -> None:
    label = "Status pr." if lang == "da" else "Status on"
    print(f"\n{label} {format_moment(as_of, lang)}:")
    for ob in obligations:
        rule = ob.rule_id + (f" #{ob.occurrence}" if ob.occurrence > 1 else "")
        due = ob.describe_due(lang)
        print(f"  {rule:<42} {due:<32} {ob.status.label(lang)}")


def _cmd_evaluate(args: argparse.Namespace) -> int:
    catalog = default_catalog()
    try:
        data = json.loads(Path(args.case).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InputError("case", args.case, str(error)) from None
    case = case_from_json(data, catalog)
    as_of = parse_moment(args.as_of, "--as-of")
    obligations = catalog.evaluate(case, as_of, reading=YearReading(args.reading))
    if args.json:
        _print_json([obligation_to_json(ob) for ob in obligations])
        return 0
    _print_table(obligations, as_of, args.lang)
    for ob in obligations:
        print()
        print(ob.explain(args.lang))
    return 0


def _cmd_due(args: argparse.Namespace) -> int:
    catalog = default_catalog()
    rule = catalog.get(args.rule)
    facts = _facts(catalog, rule.versions[0].trigger, args.fact)
    result = catalog.due(args.rule, parse_moment(args.trigger, "trigger"), facts)
    if args.json:
        _print_json(
            {
                "rule_id": result.rule_id,
                "version": result.version.id,
                "citation": str(result.version.citation),
                "due": result.due.isoformat(),
                "practical_due": result.practical_due.isoformat(),
                "explanation": result.explain(args.lang),
            }
        )
    else:
        print(result.explain(args.lang))
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
            [
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
            ]
        )
        return 0
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
        _print_json(deadline_to_json(deadline, args.lang))
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
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=("da", "en"), default="da", help="output language")
    common.add_argument("--json", action="store_true", help="print JSON instead of text")
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
    demo.set_defaults(run=_cmd_demo)

    due = commands.add_parser("due", parents=[common], help="one rule's deadline, explained")
    due.add_argument("rule", help="an obligation id, e.g. underretning.kvittering")
    due.add_argument("trigger", help="ISO date, or ISO datetime with offset")
    due.add_argument("--fact", action="append", default=[], help="name=value (repeatable)")
    due.set_defaults(run=_cmd_due)

    evaluate = commands.add_parser("evaluate", parents=[common], help="evaluate a case file")
    evaluate.add_argument("case", help="a case as JSON (see src/frister/data/samples/)")
    evaluate.add_argument("--as-of", required=True, help="ISO date or datetime")
    evaluate.add_argument(
        "--reading",
        choices=[r.value for r in YearReading],
        default=YearReading.CALENDAR_YEAR.value,
        help="how 'twice a year' is read",
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
        print(f"frister: {error}", file=sys.stderr)
        return 2
    return status
