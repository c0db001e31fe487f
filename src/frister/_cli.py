"""The ``frister`` command: the calendar, single deadlines and a worked demo, as text or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from frister._calendar import DanishCalendar, ExtraClosedDay
from frister._dates import COPENHAGEN, Language, format_date
from frister._errors import FristerError, InputError
from frister._fristberegning import Deadline, MonthRule, Roll, birthday, compute_deadline
from frister._json import deadline_to_json
from frister._steps import Direction

_EXTRA_BY_OPTION = {day.name.lower().replace("_", "-"): day for day in ExtraClosedDay}


def _parse_moment(text: str) -> date | datetime:
    """An ISO date, or an ISO datetime with an offset ('2024-03-22T16:05+01:00')."""
    try:
        if "T" in text or " " in text.strip():
            return datetime.fromisoformat(text)
        return date.fromisoformat(text)
    except ValueError:
        raise InputError("trigger", text, "expected an ISO date or datetime") from None


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


def _demo_deadlines() -> list[tuple[str, str, Deadline]]:
    citizen = DanishCalendar.for_citizen_deadlines()
    at = datetime(2024, 3, 22, 16, 5, tzinfo=COPENHAGEN)
    eighteen = birthday(date(2008, 8, 31), 18)
    return [
        (
            "6 hverdage over påsken 2024",
            "6 working days across Easter 2024",
            compute_deadline(at, "6 hverdage", roll=Roll.KEEP),
        ),
        (
            "6 hverdage hen over store bededag 2023 (helligdag)",
            "6 working days across store bededag 2023 (a helligdag)",
            compute_deadline(date(2023, 5, 1), "6 hverdage", roll=Roll.KEEP),
        ),
        (
            "Samme frist i 2024 (store bededag afskaffet)",
            "The same deadline in 2024 (store bededag abolished)",
            compute_deadline(date(2024, 4, 22), "6 hverdage", roll=Roll.KEEP),
        ),
        (
            "24 timer hen over skiftet til sommertid",
            "24 hours across the change to summer time",
            compute_deadline(
                datetime(2024, 3, 30, 10, 0, tzinfo=COPENHAGEN), "24 timer", roll=Roll.KEEP
            ),
        ),
        (
            "4 måneder fra en 31. oktober",
            "4 months from a 31 October",
            compute_deadline(date(2024, 10, 31), "4 måneder", roll=Roll.KEEP),
        ),
        (
            "En borgers frist på 4 uger, der udløber juleaftensdag",
            "A citizen's 4-week deadline ending on Christmas Eve",
            compute_deadline(
                date(2024, 11, 26), "4 uger", roll=Roll.FORWARD, expiry_calendar=citizen
            ),
        ),
        (
            "6 måneder forud for det fyldte 18. år",
            "6 months before the 18th birthday",
            compute_deadline(eighteen, "6 måneder", roll=Roll.KEEP, direction=Direction.BEFORE),
        ),
    ]


def _cmd_demo(args: argparse.Namespace) -> int:
    lang: Language = args.lang
    deadlines = _demo_deadlines()
    if args.json:
        _print_json(
            [
                {"title": title_da if lang == "da" else title_en, **deadline_to_json(dl, lang)}
                for title_da, title_en, dl in deadlines
            ]
        )
        return 0
    _print_calendar(args.year, DanishCalendar(), lang)
    print()
    heading = "Regneeksempler" if lang == "da" else "Worked deadlines"
    print(f"{heading}\n{'=' * len(heading)}")
    for title_da, title_en, deadline in deadlines:
        print(f"\n{title_da if lang == 'da' else title_en}")
        print(deadline.explain(lang))
    return 0


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
        _parse_moment(args.trigger),
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

    demo = commands.add_parser("demo", parents=[common], help="the calendar and worked deadlines")
    demo.add_argument("--year", type=int, default=2024, help="the year whose calendar to print")
    demo.set_defaults(run=_cmd_demo)

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
