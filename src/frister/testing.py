"""Hypothesis strategies for code that embeds frister.

Needs the ``testing`` extra (``pip install frister[testing]``). Every strategy
draws only values frister accepts, so an embedder's property test fails on
its own logic, not on frister's input checks.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from hypothesis import strategies as st

from frister.calendar import (
    COPENHAGEN,
    FIRST_SUPPORTED,
    LAST_SUPPORTED,
    DanishCalendar,
    ExtraClosedDay,
)
from frister.deadlines._duration import MAX_AMOUNT, Duration, Unit
from frister.errors import InputError

__all__ = [
    "assert_due",
    "assert_status",
    "aware_datetimes",
    "calendars",
    "closed_days",
    "durations",
    "supported_dates",
    "working_days",
]

if TYPE_CHECKING:
    from frister.case import Case, Obligation
    from frister.catalog import Catalog
    from frister.engine import RuleDeadline

_DEFAULT_CALENDAR = DanishCalendar()


def supported_dates(
    min_value: date = FIRST_SUPPORTED, max_value: date = LAST_SUPPORTED
) -> st.SearchStrategy[date]:
    """Dates inside frister's supported range (1900-2200), optionally narrowed."""
    return st.dates(max(min_value, FIRST_SUPPORTED), min(max_value, LAST_SUPPORTED))


def working_days(
    calendar: DanishCalendar = _DEFAULT_CALENDAR,
    min_value: date = FIRST_SUPPORTED,
    max_value: date = LAST_SUPPORTED,
) -> st.SearchStrategy[date]:
    """Working days of ``calendar`` in [min_value, max_value]; an InputError if there are none."""
    low, high = max(min_value, FIRST_SUPPORTED), min(max_value, LAST_SUPPORTED)
    between = calendar.working_days_between(low, high) if low <= high else 0
    if between + (low <= high and calendar.is_working_day(low)) == 0:
        raise InputError("max_value", max_value, f"no working day from {low} to it")
    return supported_dates(low, calendar.roll_backward(high)).map(calendar.roll_forward)


def closed_days(
    calendar: DanishCalendar = _DEFAULT_CALENDAR,
    min_value: date = FIRST_SUPPORTED,
    max_value: date = LAST_SUPPORTED,
) -> st.SearchStrategy[date]:
    """Days ``calendar`` closes: Saturdays and Sundays, and its named closed days."""
    low, high = max(min_value, FIRST_SUPPORTED), min(max_value, LAST_SUPPORTED)
    weekends = (
        supported_dates(low, high)
        .map(lambda d: d + timedelta(days=(5 - d.weekday()) % 7))
        .flatmap(lambda saturday: st.sampled_from([saturday, saturday + timedelta(days=1)]))
        .filter(lambda d: d <= high)
    )
    named = [
        day
        for year in range(low.year, high.year + 1)
        for day in calendar.holidays(year)
        if low <= day <= high
    ]
    has_weekend = any(
        (low + timedelta(days=i)).weekday() >= 5 for i in range(min((high - low).days + 1, 7))
    )
    if not has_weekend and not named:
        raise InputError("max_value", max_value, f"no closed day from {low} to it")
    if not has_weekend:
        return st.sampled_from(named)
    return weekends | st.sampled_from(named) if named else weekends


def aware_datetimes(
    min_value: date = FIRST_SUPPORTED, max_value: date = LAST_SUPPORTED
) -> st.SearchStrategy[datetime]:
    """Moments in Europe/Copenhagen on supported days, including the daylight-saving edges.

    Only times that exist: a time the clocks skipped (2024-03-31 02:30) is refused by
    frister (:class:`~frister.errors.NonexistentTimeError`), so it is never generated.
    """
    return st.datetimes(
        min_value=datetime.combine(max(min_value, FIRST_SUPPORTED), datetime.min.time()),
        max_value=datetime.combine(min(max_value, LAST_SUPPORTED), datetime.max.time()),
        timezones=st.just(COPENHAGEN),
        allow_imaginary=False,
    )


def durations(
    units: tuple[Unit, ...] = tuple(Unit), max_amount: int = 60
) -> st.SearchStrategy[Duration]:
    """Durations in the given units, from 0 to ``max_amount`` (at most frister's own limit)."""
    return st.builds(
        Duration,
        amount=st.integers(0, min(max_amount, MAX_AMOUNT)),
        unit=st.sampled_from(units),
    )


def calendars() -> st.SearchStrategy[DanishCalendar]:
    """Calendars with any combination of the named extra closed days."""
    return st.sets(st.sampled_from(list(ExtraClosedDay))).map(
        lambda extra: DanishCalendar(extra_closed_days=extra)
    )


def assert_due(
    rule_id: str,
    trigger: date | datetime,
    expected: date | datetime,
    facts: Mapping[str, Any] | None = None,
    *,
    catalog: Catalog | None = None,
) -> RuleDeadline:
    """Assert the legal due date of ``rule_id`` for ``trigger``; a failure shows frister's steps.

    For a case system's own tests: ``assert_due("underretning.kvittering",
    date(2024, 3, 22), date(2024, 4, 4))``. Returns the deadline for further checks.
    """
    from frister.catalog import default_catalog  # noqa: PLC0415 - loads the rules on use

    deadline = (catalog or default_catalog()).due(rule_id, trigger, facts)
    if deadline.due != expected:
        raise AssertionError(
            f"{rule_id} for {trigger}: expected {expected}, frister computes {deadline.due}\n"
            + deadline.explain("en")
        )
    return deadline


def assert_status(
    case: Case,
    as_of: date | datetime,
    rule_id: str,
    expected: str,
    *,
    occurrence: int = 1,
    catalog: Catalog | None = None,
) -> Obligation:
    """Assert the status ("met", "overdue", ...) of an obligation of ``case`` on ``as_of``.

    With several triggers of the rule, the first (in time) is checked unless a
    trigger filter is needed, in which case use ``catalog.evaluate`` directly.
    """
    from frister.catalog import default_catalog  # noqa: PLC0415 - loads the rules on use

    found = [
        ob
        for ob in (catalog or default_catalog()).evaluate(case, as_of)
        if ob.rule_id == rule_id and ob.occurrence == occurrence
    ]
    if not found:
        raise AssertionError(f"{rule_id}: no occurrence {occurrence} in the case on {as_of}")
    obligation = found[0]
    if obligation.status != expected:
        raise AssertionError(
            f"{rule_id} on {as_of}: expected {expected}, frister says {obligation.status}\n"
            + obligation.explain("en")
        )
    return obligation
