"""Fristberegning by example: every expected date is worked out by hand from the calendar.

The comment beside each example says how. Nothing here computes an expectation
by calling frister; frister only produces the values under test.
"""

from __future__ import annotations

import ast
import inspect
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

import attrs
import pytest

import frister
import frister.deadlines._fristberegning
import frister.deadlines._steps
from frister import (
    DanishCalendar,
    DateOutOfRangeError,
    Deadline,
    Direction,
    Duration,
    InputError,
    InputTypeError,
    MonthRule,
    NaiveDatetimeError,
    NonexistentDateError,
    Roll,
    Unit,
    birthday,
    compute_deadline,
)
from frister.calendar import ClosedDayKind, Language
from frister.deadlines import (
    Birthday,
    ClockChange,
    Count,
    Due,
    Expiry,
    ExpiryAction,
    Mark,
    MonthDay,
    MonthDayKind,
    Start,
    conventions,
)

_T = TypeVar("_T")

CPH = ZoneInfo("Europe/Copenhagen")
CITIZEN = DanishCalendar.for_citizen_deadlines()
CET = timedelta(hours=1)
CEST = timedelta(hours=2)


def _step(deadline: Deadline, kind: type[_T]) -> _T:
    """The one step of ``kind`` in ``deadline``."""
    found = [step for step in deadline.steps if isinstance(step, kind)]
    assert len(found) == 1, deadline.steps
    return found[0]


def _has_step(deadline: Deadline, kind: type) -> bool:
    return any(isinstance(step, kind) for step in deadline.steps)


def _ids(deadline: Deadline) -> list[str]:
    return [c.id for c in deadline.conventions]


def _review_lines(text: str, heading: str) -> list[str]:
    """The bullet lines under the legal-review heading, or [] when there is no heading."""
    lines = text.splitlines()
    if heading not in lines:
        return []
    after = lines[lines.index(heading) + 1 :]
    assert all(line.startswith("  - ") for line in after), after
    return [line.removeprefix("  - ") for line in after]


# -- days, weeks --------------------------------------------------------------------


def test_calendar_days_do_not_count_the_trigger_day() -> None:
    # Day 0 is Wed 10 Jan 2024, day 1 is 11 Jan, day 14 is 10 + 14 = 24 Jan (a Wednesday).
    deadline = compute_deadline(date(2024, 1, 10), "14 dage", roll=Roll.KEEP)
    assert deadline.due == date(2024, 1, 24)
    assert deadline.practical_due == date(2024, 1, 24)
    assert not deadline.on_closed_day
    assert [type(s) for s in deadline.steps] == [Start, Count, Due]
    assert _ids(deadline) == ["trigger-day-not-counted", "calendar-days", "end-of-day"]


def test_one_day_is_the_next_day() -> None:
    # "Dag 1 er dagen efter": Wed 10 Jan 2024 + 1 dag = Thu 11 Jan 2024.
    assert compute_deadline(date(2024, 1, 10), "1 dag", roll=Roll.KEEP).due == date(2024, 1, 11)


def test_zero_days_is_the_trigger_day() -> None:
    assert compute_deadline(date(2024, 1, 10), "0 dage", roll=Roll.KEEP).due == date(2024, 1, 10)


@pytest.mark.parametrize(
    ("trigger", "text", "due"),
    [
        # Wed 10 Jan 2024 + 28 days = Jan 38 = Wed 7 Feb 2024.
        (date(2024, 1, 10), "4 uger", date(2024, 2, 7)),
        # Thu 29 Feb 2024 (leap day) + 7 days = Thu 7 Mar 2024.
        (date(2024, 2, 29), "1 uge", date(2024, 3, 7)),
        # Mon 30 Dec 2024 + 14 days = Mon 13 Jan 2025 (across the year).
        (date(2024, 12, 30), "2 uger", date(2025, 1, 13)),
    ],
)
def test_weeks_end_on_the_same_weekday(trigger: date, text: str, due: date) -> None:
    deadline = compute_deadline(trigger, text, roll=Roll.KEEP)
    assert deadline.due == due
    assert deadline.due.weekday() == trigger.weekday()
    assert _step(deadline, Count).convention == "weeks"


# -- months -------------------------------------------------------------------------


def test_months_end_on_the_same_day_of_the_month() -> None:
    # 15 Jan + 4 months = 15 May 2024, a Wednesday (not a helligdag: Kristi
    # himmelfartsdag 2024 is 9 May, pinse 19-20 May).
    deadline = compute_deadline(date(2024, 1, 15), "4 måneder", roll=Roll.KEEP)
    assert deadline.due == date(2024, 5, 15)
    assert not _has_step(deadline, MonthDay)
    assert not deadline.on_closed_day
    assert _step(deadline, Count).convention == "months"


@pytest.mark.parametrize(
    ("trigger", "due"),
    [
        # Oct 31 + 4 months is Feb; Feb 2025 has 28 days (2025 not divisible by 4).
        (date(2024, 10, 31), date(2025, 2, 28)),
        # Feb 2024 has 29 days (2024 is a leap year): the research's "29 Feb in leap years".
        (date(2023, 10, 31), date(2024, 2, 29)),
        # 2100 is divisible by 100 but not by 400: not a leap year, Feb has 28 days.
        (date(2099, 10, 31), date(2100, 2, 28)),
    ],
)
def test_months_clip_to_the_last_day_of_the_target_month(trigger: date, due: date) -> None:
    deadline = compute_deadline(trigger, "4 måneder", roll=Roll.KEEP)
    assert deadline.due == due
    month_day = _step(deadline, MonthDay)
    assert month_day == MonthDay(MonthDayKind.CLIPPED, 31, due, "months-clipped")
    # The MonthDay step comes right after the Count it adjusts.
    kinds = [type(s) for s in deadline.steps]
    assert kinds.index(MonthDay) == kinds.index(Count) + 1


def test_month_clipping_to_thirty_days() -> None:
    # 31 Mar 2025 + 1 month: April has 30 days, so Wed 30 Apr 2025.
    deadline = compute_deadline(date(2025, 3, 31), "1 måned", roll=Roll.KEEP)
    assert deadline.due == date(2025, 4, 30)
    assert _step(deadline, MonthDay).kind is MonthDayKind.CLIPPED


@pytest.mark.parametrize(
    ("trigger", "text", "default_due", "variant_due"),
    [
        # 30 Apr is April's last day. Same day: 30 May 2024 (Thu). Variant: May's last, 31 May.
        (date(2024, 4, 30), "1 måned", date(2024, 5, 30), date(2024, 5, 31)),
        # The research's example: 30 Apr + 4 months is 30 Aug, or 31 Aug under § 36 a stk. 3.
        (date(2024, 4, 30), "4 måneder", date(2024, 8, 30), date(2024, 8, 31)),
        # 29 Feb 2024 is February's last day: 29 Mar by default, 31 Mar in the variant.
        (date(2024, 2, 29), "1 måned", date(2024, 3, 29), date(2024, 3, 31)),
        # 28 Feb 2023 is February's last day (2023 not a leap year): 28 Mar vs 31 Mar.
        (date(2023, 2, 28), "1 måned", date(2023, 3, 28), date(2023, 3, 31)),
    ],
)
def test_month_end_to_month_end_variant(
    trigger: date, text: str, default_due: date, variant_due: date
) -> None:
    default = compute_deadline(trigger, text, roll=Roll.KEEP)
    variant = compute_deadline(
        trigger, text, roll=Roll.KEEP, months=MonthRule.MONTH_END_TO_MONTH_END
    )
    assert default.due == default_due
    assert not _has_step(default, MonthDay)
    assert variant.due == variant_due
    assert _step(variant, MonthDay) == MonthDay(
        MonthDayKind.MONTH_END, trigger.day, variant_due, "months-month-end"
    )
    assert "months-month-end" in _ids(variant)


def test_month_end_variant_on_easter_sunday_keeps_and_flags() -> None:
    # 29 Feb 2024 + 1 month, variant: 31 Mar 2024 = Påskedag (Easter 2024 is 31 Mar).
    # Practical due: back over Sat 30 Mar, Langfredag 29 Mar, Skærtorsdag 28 Mar to Wed 27 Mar.
    deadline = compute_deadline(
        date(2024, 2, 29), "1 måned", roll=Roll.KEEP, months=MonthRule.MONTH_END_TO_MONTH_END
    )
    assert deadline.due == date(2024, 3, 31)
    assert deadline.on_closed_day
    assert deadline.practical_due == date(2024, 3, 27)


def test_month_end_variant_does_not_touch_other_days() -> None:
    # 29 Apr is not April's last day: 29 May 2024 (Wed) under either rule.
    deadline = compute_deadline(
        date(2024, 4, 29), "1 måned", roll=Roll.KEEP, months=MonthRule.MONTH_END_TO_MONTH_END
    )
    assert deadline.due == date(2024, 5, 29)
    assert not _has_step(deadline, MonthDay)


def test_month_end_variant_still_clips_days_that_are_not_a_month_end() -> None:
    # 30 Jan is not January's last day; Feb 2024 has no 30th: clipped to 29 Feb.
    deadline = compute_deadline(
        date(2024, 1, 30), "1 måned", roll=Roll.KEEP, months=MonthRule.MONTH_END_TO_MONTH_END
    )
    assert deadline.due == date(2024, 2, 29)
    assert _step(deadline, MonthDay).kind is MonthDayKind.CLIPPED


def test_refuse_raises_for_a_missing_day() -> None:
    # 31 Jan + 1 month would be 31 Feb 2024, which does not exist.
    with pytest.raises(NonexistentDateError) as info:
        compute_deadline(date(2024, 1, 31), "1 måned", roll=Roll.KEEP, months=MonthRule.REFUSE)
    assert isinstance(info.value, InputError)
    assert isinstance(info.value, ValueError)
    assert info.value.field == "result"
    assert "2024-02-31" in str(info.value)


def test_refuse_computes_days_that_exist() -> None:
    # 15 Jan + 1 month = Thu 15 Feb 2024; 31 Jan + 2 months = Sun 31 Mar 2024 exists.
    refuse = MonthRule.REFUSE
    assert compute_deadline(
        date(2024, 1, 15), "1 måned", roll=Roll.KEEP, months=refuse
    ).due == date(2024, 2, 15)
    assert compute_deadline(
        date(2024, 1, 31), "2 måneder", roll=Roll.KEEP, months=refuse
    ).due == date(2024, 3, 31)


def test_refuse_raises_for_29_february_plus_a_year() -> None:
    with pytest.raises(NonexistentDateError):
        compute_deadline(date(2024, 2, 29), "1 år", roll=Roll.KEEP, months=MonthRule.REFUSE)


def test_catala_counterexample_month_addition_is_not_associative() -> None:
    # 31 Jan 2023 + 1 month: Feb 2023 has 28 days -> Tue 28 Feb 2023.
    # That + 1 month: Tue 28 Mar 2023. But 31 Jan + 2 months = Fri 31 Mar 2023.
    # (Easter 2023 is 9 April, so none of these is a helligdag.)
    first = compute_deadline(date(2023, 1, 31), "1 måned", roll=Roll.KEEP)
    chained = compute_deadline(first, "1 måned", roll=Roll.KEEP)
    direct = compute_deadline(date(2023, 1, 31), "2 måneder", roll=Roll.KEEP)
    assert first.due == date(2023, 2, 28)
    assert chained.due == date(2023, 3, 28)
    assert direct.due == date(2023, 3, 31)
    assert chained.due != direct.due
    # The chained deadline carries the first one's steps (without its Due), then its own.
    assert [type(s) for s in chained.steps] == [Start, Count, MonthDay, Start, Count, Due]
    assert chained.steps[:3] == first.steps[:3]
    assert _step(direct, Count).result == date(2023, 3, 31)


def test_chaining_uses_the_due_date_of_the_earlier_deadline() -> None:
    # A citizen's 4 weeks from Tue 26 Nov 2024 end Tue 24 Dec, moved to Fri 27 Dec;
    # 1 week more counts from 27 Dec: Fri 3 Jan 2025.
    first = compute_deadline(
        date(2024, 11, 26), "4 uger", roll=Roll.FORWARD, expiry_calendar=CITIZEN
    )
    assert first.due == date(2024, 12, 27)
    second = compute_deadline(first, "1 uge", roll=Roll.KEEP)
    assert second.due == date(2025, 1, 3)
    assert _has_step(second, Expiry)  # the first deadline's move is still explained


# -- years ----------------------------------------------------------------------------


def test_ankestyrelsen_year_example_lands_on_skaertorsdag() -> None:
    # 17 Apr 2013 + 1 year = 17 Apr 2014. Easter Sunday 2014 is 20 Apr, so
    # 17 Apr is skærtorsdag (Easter - 3). The authority's deadline is kept;
    # the practical due is the previous working day, Wed 16 Apr 2014.
    deadline = compute_deadline(date(2013, 4, 17), "1 år", roll=Roll.KEEP)
    assert deadline.due == date(2014, 4, 17)
    assert deadline.on_closed_day
    assert deadline.practical_due == date(2014, 4, 16)
    expiry = _step(deadline, Expiry)
    assert expiry.action is ExpiryAction.KEPT
    assert expiry.nominal == date(2014, 4, 17)
    assert expiry.to == date(2014, 4, 16)
    assert [(d.date, d.name, d.kind) for d in expiry.closed] == [
        (date(2014, 4, 17), "Skærtorsdag", ClosedDayKind.HELLIGDAG)
    ]
    assert _ids(deadline) == [
        "trigger-day-not-counted",
        "years",
        "authority-no-roll",
        "end-of-day",
    ]


def test_year_example_as_a_citizen_deadline_moves_over_easter() -> None:
    # 17 Apr 2014 skærtorsdag, 18 langfredag, 19 Saturday, 20 påskedag,
    # 21 anden påskedag: the next working day is Tue 22 Apr 2014.
    deadline = compute_deadline(
        date(2013, 4, 17), "1 år", roll=Roll.FORWARD, expiry_calendar=CITIZEN
    )
    assert deadline.due == date(2014, 4, 22)
    assert deadline.practical_due == date(2014, 4, 22)
    assert not deadline.on_closed_day
    expiry = _step(deadline, Expiry)
    assert expiry.action is ExpiryAction.MOVED
    assert [d.date for d in expiry.closed] == [date(2014, 4, d) for d in (17, 18, 19, 20, 21)]


def test_29_february_plus_a_year_is_28_february() -> None:
    # 2025 is not a leap year: 29 Feb -> 28 Feb 2025 (a Friday).
    deadline = compute_deadline(date(2024, 2, 29), "1 år", roll=Roll.KEEP)
    assert deadline.due == date(2025, 2, 28)
    assert _step(deadline, MonthDay) == MonthDay(
        MonthDayKind.CLIPPED, 29, date(2025, 2, 28), "years-29-february"
    )


def test_29_february_plus_four_years_is_29_february() -> None:
    # 2028 is a leap year: Tue 29 Feb 2028, nothing to clip.
    deadline = compute_deadline(date(2024, 2, 29), "4 år", roll=Roll.KEEP)
    assert deadline.due == date(2028, 2, 29)
    assert not _has_step(deadline, MonthDay)


def test_years_do_not_use_the_month_end_variant() -> None:
    rule = MonthRule.MONTH_END_TO_MONTH_END
    # 28 Feb 2023 is February's last day, but a year keeps the anniversary
    # (restaurationsloven § 36 a stk. 4): Wed 28 Feb 2024, not 29 Feb.
    year = compute_deadline(date(2023, 2, 28), "1 år", roll=Roll.KEEP, months=rule)
    assert year.due == date(2024, 2, 28)
    assert not _has_step(year, MonthDay)
    # The same span as 12 months does use the variant: Thu 29 Feb 2024.
    months = compute_deadline(date(2023, 2, 28), "12 måneder", roll=Roll.KEEP, months=rule)
    assert months.due == date(2024, 2, 29)
    # And 29 Feb 2024 + 1 year under the variant is still 28 Feb 2025.
    leap = compute_deadline(date(2024, 2, 29), "1 år", roll=Roll.KEEP, months=rule)
    assert leap.due == date(2025, 2, 28)
    assert _step(leap, MonthDay).kind is MonthDayKind.CLIPPED


# -- before an anchor, ages --------------------------------------------------------


def test_six_months_before_the_18th_birthday() -> None:
    # Born Sun 31 Aug 2008, turns 18 on Mon 31 Aug 2026. 6 months earlier is
    # February, which has no 31st in 2026: Sat 28 Feb 2026. An authority's
    # deadline is kept; the practical due is Fri 27 Feb 2026.
    eighteen = birthday(date(2008, 8, 31), 18)
    assert eighteen.due == date(2026, 8, 31)
    deadline = compute_deadline(eighteen, "6 måneder", direction=Direction.BEFORE, roll=Roll.KEEP)
    assert deadline.due == date(2026, 2, 28)
    assert deadline.on_closed_day
    assert deadline.practical_due == date(2026, 2, 27)
    assert [type(s) for s in deadline.steps] == [Birthday, Start, Count, MonthDay, Expiry, Due]
    assert _step(deadline, Start).at == date(2026, 8, 31)
    count = _step(deadline, Count)
    assert count.direction is Direction.BEFORE
    assert count.convention == "before-anchor"
    assert _step(deadline, MonthDay).kind is MonthDayKind.CLIPPED
    ids = _ids(deadline)
    assert ids[0] == "ages"
    assert "before-anchor" in ids


def test_clipping_before_an_anchor_is_not_labelled_verified() -> None:
    # fristberegning.md: "Before an anchor ... subtract with the same day-of-month
    # rule | arithmetic *legal review*"; research B.3: "If the day does not exist,
    # use the last day of the month (UNVERIFIED by analogy)". The line that clips
    # 31 Aug back to 28 Feb must not carry forældelsesloven's "verificeret" mark.
    eighteen = birthday(date(2008, 8, 31), 18)
    deadline = compute_deadline(eighteen, "6 måneder", direction=Direction.BEFORE, roll=Roll.KEEP)
    month_day = _step(deadline, MonthDay)
    assert conventions()[month_day.convention].mark is not Mark.VERIFIED
    clip_line = next(line for line in deadline.explain("da").splitlines() if "Den 31." in line)
    assert "verificeret" not in clip_line.replace("verificeret (sekundær kilde)", "")


def test_before_an_anchor_in_weeks_and_working_days() -> None:
    # Wed 7 Feb 2024 - 4 weeks = Wed 10 Jan 2024.
    weeks = compute_deadline(date(2024, 2, 7), "4 uger", direction=Direction.BEFORE, roll=Roll.KEEP)
    assert weeks.due == date(2024, 1, 10)
    # Thu 4 Apr 2024 - 6 hverdage, back over anden påskedag 1 Apr, langfredag
    # 29 Mar, skærtorsdag 28 Mar: 3, 2, 27, 26, 25 Mar and Fri 22 Mar 2024.
    working = compute_deadline(
        date(2024, 4, 4), "6 hverdage", direction=Direction.BEFORE, roll=Roll.KEEP
    )
    assert working.due == date(2024, 3, 22)
    assert [d.date for d in _step(working, Count).skipped] == [
        date(2024, 3, 28),
        date(2024, 3, 29),
        date(2024, 4, 1),
    ]


@pytest.mark.parametrize(
    ("birth", "age", "due"),
    [
        # 29 Feb 2008 + 17 years: 2025 is not a leap year, so 28 Feb 2025.
        (date(2008, 2, 29), 17, date(2025, 2, 28)),
        # + 16 years: 2024 is a leap year, so 29 Feb 2024.
        (date(2008, 2, 29), 16, date(2024, 2, 29)),
        # + 92 years: 2100 is not a leap year, so 28 Feb 2100.
        (date(2008, 2, 29), 92, date(2100, 2, 28)),
        (date(2008, 8, 31), 18, date(2026, 8, 31)),
        (date(2010, 1, 1), 0, date(2010, 1, 1)),
    ],
)
def test_birthday(birth: date, age: int, due: date) -> None:
    deadline = birthday(birth, age)
    assert deadline.due == due
    assert deadline.practical_due == due  # an age is reached whatever the weekday
    leap = (birth.month, birth.day) == (2, 29) and due.day == 28
    convention = "ages-29-february" if leap else "ages"  # research B.3: unverified
    assert deadline.steps == (Birthday(birth, age, due, convention), Due(due))
    assert _ids(deadline) == [convention]


def test_birthday_explanation_names_the_29_february_reading() -> None:
    seventeen = birthday(date(2008, 2, 29), 17).explain("da")
    assert "Født fre. 29. feb. 2008; fylder 17 år fre. 28. feb. 2025" in seventeen
    assert "28. februar i et år uden 29. februar" in seventeen
    assert "Afventer juridisk afklaring:" in seventeen
    sixteen = birthday(date(2008, 2, 29), 16).explain("en")
    assert "Born Fri 29 Feb 2008; turns 16 on Thu 29 Feb 2024" in sixteen
    assert "without 29 February" not in sixteen


@pytest.mark.parametrize("age", [-1, 201, 1.5, "18", True, None])
def test_birthday_rejects_bad_ages(age: object) -> None:
    with pytest.raises(InputError) as info:
        birthday(date(2008, 1, 1), age)  # type: ignore[arg-type]
    assert info.value.field == "age"


def test_birthday_rejects_bad_births() -> None:
    with pytest.raises(InputTypeError):
        birthday(datetime(2008, 1, 1, tzinfo=CPH), 18)
    with pytest.raises(DateOutOfRangeError):
        birthday(date(2190, 1, 1), 18)  # 2208 is past 2200
    with pytest.raises(DateOutOfRangeError):
        birthday(date(1899, 12, 31), 18)


# -- closed days: citizen roll forward, authority keep ------------------------------


@pytest.mark.parametrize(
    ("trigger", "nominal", "due", "closed"),
    [
        # Tue 26 Nov 2024 + 28 days = Tue 24 Dec (juleaftensdag); 25 juledag,
        # 26 anden juledag; Fri 27 Dec 2024 is the next working day.
        (
            date(2024, 11, 26),
            date(2024, 12, 24),
            date(2024, 12, 27),
            ["Juleaftensdag", "Juledag", "Anden juledag"],
        ),
        # Sat 2 Nov 2024 + 28 days = Sat 30 Nov; Sun 1 Dec; Mon 2 Dec 2024.
        (date(2024, 11, 2), date(2024, 11, 30), date(2024, 12, 2), ["lørdag", "søndag"]),
        # Wed 3 Dec 2025 + 28 days = Wed 31 Dec 2025 (nytårsaftensdag); Thu 1 Jan
        # 2026 is nytårsdag; Fri 2 Jan 2026.
        (
            date(2025, 12, 3),
            date(2025, 12, 31),
            date(2026, 1, 2),
            ["Nytårsaftensdag", "Nytårsdag"],
        ),
        # Thu 8 May 2025 + 28 days = Thu 5 Jun 2025 (grundlovsdag); Fri 6 Jun 2025
        # (pinse 2025 is 8-9 Jun, Kristi himmelfartsdag 29 May).
        (date(2025, 5, 8), date(2025, 6, 5), date(2025, 6, 6), ["Grundlovsdag"]),
    ],
)
def test_citizen_klagefrist_moves_to_the_next_working_day(
    trigger: date, nominal: date, due: date, closed: list[str]
) -> None:
    deadline = compute_deadline(trigger, "4 uger", roll=Roll.FORWARD, expiry_calendar=CITIZEN)
    assert deadline.due == due
    assert deadline.practical_due == due
    assert not deadline.on_closed_day
    assert _step(deadline, Count).result == nominal
    expiry = _step(deadline, Expiry)
    assert expiry.action is ExpiryAction.MOVED
    assert expiry.nominal == nominal
    assert expiry.to == due
    assert [d.name for d in expiry.closed] == closed
    assert "citizen-roll" in _ids(deadline)


@pytest.mark.parametrize(
    ("trigger", "nominal"),
    [
        (date(2024, 11, 26), date(2024, 12, 24)),  # juleaftensdag, a Tuesday
        (date(2025, 5, 8), date(2025, 6, 5)),  # grundlovsdag, a Thursday
        (date(2025, 12, 3), date(2025, 12, 31)),  # nytårsaftensdag, a Wednesday
    ],
)
def test_default_calendar_does_not_close_the_extra_days(trigger: date, nominal: date) -> None:
    # These are not helligdage: with the default calendar the deadline stays.
    deadline = compute_deadline(trigger, "4 uger", roll=Roll.FORWARD)
    assert deadline.due == nominal
    assert not _has_step(deadline, Expiry)
    explicit = compute_deadline(
        trigger, "4 uger", roll=Roll.FORWARD, expiry_calendar=DanishCalendar()
    )
    assert explicit.due == nominal


def test_keep_keeps_the_due_date_and_flags_it() -> None:
    # Tue 24 Dec 2024 is closed in the citizen calendar; kept, practical Mon 23 Dec.
    deadline = compute_deadline(
        date(2024, 11, 26), "4 uger", roll=Roll.KEEP, expiry_calendar=CITIZEN
    )
    assert deadline.due == date(2024, 12, 24)
    assert deadline.on_closed_day
    assert deadline.practical_due == date(2024, 12, 23)
    expiry = _step(deadline, Expiry)
    assert expiry.action is ExpiryAction.KEPT
    assert [d.date for d in expiry.closed] == [date(2024, 12, 24)]
    assert _ids(deadline)[-2:] == ["authority-no-roll", "end-of-day"]


def test_keep_on_a_weekend() -> None:
    # Sat 2 Nov 2024 + 4 weeks = Sat 30 Nov 2024; practical Fri 29 Nov.
    deadline = compute_deadline(date(2024, 11, 2), "4 uger", roll=Roll.KEEP)
    assert deadline.due == date(2024, 11, 30)
    assert deadline.practical_due == date(2024, 11, 29)
    assert deadline.on_closed_day


def test_working_days_rolled_off_a_day_only_the_expiry_calendar_closes() -> None:
    # Counting calendar: the default, where 24 Dec is a working day.
    # Mon 16 Dec 2024 + 6 hverdage: 17, 18, 19, 20, 23, 24 Dec -> Tue 24 Dec.
    plain = compute_deadline(date(2024, 12, 16), "6 hverdage", roll=Roll.FORWARD)
    assert plain.due == date(2024, 12, 24)
    assert not _has_step(plain, Expiry)
    # The citizen expiry calendar closes 24, (25, 26 are helligdage) -> Fri 27 Dec.
    moved = compute_deadline(
        date(2024, 12, 16), "6 hverdage", roll=Roll.FORWARD, expiry_calendar=CITIZEN
    )
    assert moved.due == date(2024, 12, 27)
    assert _step(moved, Count).result == date(2024, 12, 24)
    assert _step(moved, Count).skipped == ()
    assert _step(moved, Expiry).action is ExpiryAction.MOVED
    # Kept instead: due 24 Dec, practical Mon 23 Dec.
    kept = compute_deadline(
        date(2024, 12, 16), "6 hverdage", roll=Roll.KEEP, expiry_calendar=CITIZEN
    )
    assert kept.due == date(2024, 12, 24)
    assert kept.practical_due == date(2024, 12, 23)


def test_working_days_skip_helligdage_of_that_year_only() -> None:
    # Store bededag: Fri 5 May 2023 was a helligdag; Fri 26 Apr 2024 was not.
    # Wed 3 May 2023 + 3 hverdage: Thu 4, (Fri 5 skipped), Mon 8, Tue 9 May 2023.
    y2023 = compute_deadline(date(2023, 5, 3), "3 hverdage", roll=Roll.KEEP)
    assert y2023.due == date(2023, 5, 9)
    assert [d.name for d in _step(y2023, Count).skipped] == ["Store bededag"]
    # Wed 24 Apr 2024 + 3 hverdage: Thu 25, Fri 26, Mon 29 Apr 2024.
    y2024 = compute_deadline(date(2024, 4, 24), "3 hverdage", roll=Roll.KEEP)
    assert y2024.due == date(2024, 4, 29)
    assert _step(y2024, Count).skipped == ()


def test_working_days_from_a_saturday_start_on_monday() -> None:
    # Sat 23 Mar 2024 + 1 hverdag: Mon 25 Mar 2024.
    deadline = compute_deadline(date(2024, 3, 23), "1 hverdag", roll=Roll.KEEP)
    assert deadline.due == date(2024, 3, 25)


def test_seven_arbejdsdage_equals_seven_hverdage_and_keeps_wording() -> None:
    # Mon 8 Jan 2024 + 7: 9, 10, 11, 12, 15, 16, 17 Jan -> Wed 17 Jan 2024.
    arbejdsdage = compute_deadline(date(2024, 1, 8), "7 arbejdsdage", roll=Roll.KEEP)
    hverdage = compute_deadline(date(2024, 1, 8), "7 hverdage", roll=Roll.KEEP)
    assert arbejdsdage.due == hverdage.due == date(2024, 1, 17)
    assert "+ 7 arbejdsdage →" in arbejdsdage.explain("da")
    assert "+ 7 working days →" in arbejdsdage.explain("en")


# -- hours ----------------------------------------------------------------------------


def test_24_hours_across_the_spring_change() -> None:
    # Sat 30 Mar 2024 10:00 CET = 09:00 UTC; + 24 h = Sun 31 Mar 09:00 UTC. The
    # clocks went forward at 02:00 on 31 Mar, so that is 11:00 CEST.
    trigger = datetime(2024, 3, 30, 10, 0, tzinfo=CPH)
    deadline = compute_deadline(trigger, "24 timer", roll=Roll.KEEP)
    assert deadline.due == datetime(2024, 3, 31, 11, 0, tzinfo=CPH)
    assert isinstance(deadline.due, datetime)
    assert deadline.due.utcoffset() == CEST
    assert deadline.due.astimezone(UTC) == datetime(2024, 3, 31, 9, 0, tzinfo=UTC)
    # Compare in UTC: subtracting two datetimes with the same tzinfo gives wall-clock time.
    assert deadline.due.astimezone(UTC) - trigger.astimezone(UTC) == timedelta(hours=24)
    assert _step(deadline, ClockChange) == ClockChange(CET, CEST)
    assert deadline.practical_due == deadline.due
    assert [type(s) for s in deadline.steps] == [Start, Count, ClockChange, Due]
    assert _ids(deadline) == ["hours"]


def test_24_hours_across_the_autumn_change() -> None:
    # Sat 26 Oct 2024 10:00 CEST = 08:00 UTC; + 24 h = Sun 27 Oct 08:00 UTC. The
    # clocks went back at 03:00 on 27 Oct, so that is 09:00 CET.
    trigger = datetime(2024, 10, 26, 10, 0, tzinfo=CPH)
    deadline = compute_deadline(trigger, "24 timer", roll=Roll.KEEP)
    assert deadline.due == datetime(2024, 10, 27, 9, 0, tzinfo=CPH)
    assert isinstance(deadline.due, datetime)
    assert deadline.due.utcoffset() == CET
    # Compare in UTC: subtracting two datetimes with the same tzinfo gives wall-clock time.
    assert deadline.due.astimezone(UTC) - trigger.astimezone(UTC) == timedelta(hours=24)
    assert _step(deadline, ClockChange) == ClockChange(CEST, CET)


def test_hours_without_a_clock_change_have_no_clock_change_step() -> None:
    # Fri 29 Mar 2024 10:00 CET + 24 h = Sat 30 Mar 10:00 CET (the change is on the 31st).
    deadline = compute_deadline(datetime(2024, 3, 29, 10, tzinfo=CPH), "24 timer", roll=Roll.KEEP)
    assert deadline.due == datetime(2024, 3, 30, 10, tzinfo=CPH)
    assert not _has_step(deadline, ClockChange)


def test_hours_are_not_moved_off_a_weekend() -> None:
    # Fri 22 Mar 2024 16:05 + 24 h = Sat 23 Mar 16:05: kept, not flagged.
    deadline = compute_deadline(
        datetime(2024, 3, 22, 16, 5, tzinfo=CPH), "24 timer", roll=Roll.KEEP
    )
    assert deadline.due == datetime(2024, 3, 23, 16, 5, tzinfo=CPH)
    assert deadline.practical_due == deadline.due
    assert not deadline.on_closed_day
    assert not _has_step(deadline, Expiry)


def test_hours_from_utc_are_answered_in_copenhagen_time() -> None:
    # 2024-06-30 22:30 UTC = 1 Jul 00:30 CEST; + 24 h = 2 Jul 00:30 CEST.
    deadline = compute_deadline(
        datetime(2024, 6, 30, 22, 30, tzinfo=UTC), "24 timer", roll=Roll.KEEP
    )
    assert deadline.due == datetime(2024, 7, 2, 0, 30, tzinfo=CPH)
    assert isinstance(deadline.due, datetime)
    assert deadline.due.tzinfo == CPH


def test_hours_before_an_anchor() -> None:
    # Sun 31 Mar 2024 11:00 CEST = 09:00 UTC; - 24 h = Sat 30 Mar 09:00 UTC = 10:00 CET.
    deadline = compute_deadline(
        datetime(2024, 3, 31, 11, tzinfo=CPH),
        "24 timer",
        roll=Roll.KEEP,
        direction=Direction.BEFORE,
    )
    assert deadline.due == datetime(2024, 3, 30, 10, tzinfo=CPH)


def test_hours_before_an_anchor_describe_the_real_clock_change() -> None:
    # Counting back from 31 Mar 11:00 CEST to 30 Mar 10:00 CET crosses the night
    # the clocks went FORWARD (31 Mar 2024, 02:00 -> 03:00). The explanation may
    # say the due time is an hour earlier on the clock, but not that the clocks
    # "go back" (stilles tilbage) in between: that is false for March.
    deadline = compute_deadline(
        datetime(2024, 3, 31, 11, tzinfo=CPH),
        "24 timer",
        roll=Roll.KEEP,
        direction=Direction.BEFORE,
    )
    da = deadline.explain("da")
    en = deadline.explain("en")
    assert "stilles 1 time tilbage" not in da, da
    assert "clocks go back" not in en, en


def test_hours_from_a_naive_datetime_raise() -> None:
    with pytest.raises(NaiveDatetimeError) as info:
        compute_deadline(datetime(2024, 3, 30, 10), "24 timer", roll=Roll.KEEP)
    assert isinstance(info.value, InputTypeError)
    assert isinstance(info.value, TypeError)
    assert info.value.field == "trigger"


def test_hours_from_a_plain_date_raise() -> None:
    with pytest.raises(InputTypeError) as info:
        compute_deadline(date(2024, 3, 30), "24 timer", roll=Roll.KEEP)
    assert not isinstance(info.value, NaiveDatetimeError)
    assert info.value.field == "trigger"


def test_hours_from_a_day_deadline_raise() -> None:
    # A day-based Deadline has a date as its due; hours need a moment.
    first = compute_deadline(date(2024, 3, 22), "1 dag", roll=Roll.KEEP)
    with pytest.raises(InputTypeError):
        compute_deadline(first, "24 timer", roll=Roll.KEEP)


def test_hours_with_roll_forward_raise_naming_roll() -> None:
    with pytest.raises(InputError) as info:
        compute_deadline(datetime(2024, 3, 30, 10, tzinfo=CPH), "24 timer", roll=Roll.FORWARD)
    assert info.value.field == "roll"
    assert "roll" in str(info.value)


def test_day_units_count_from_the_copenhagen_date_of_an_aware_trigger() -> None:
    # 2024-06-30 23:30 UTC is Mon 1 Jul 01:30 CEST: day 0 is 1 Jul, so 14 days
    # give Mon 15 Jul 2024 (not Sun 14 Jul, as the UTC date would).
    trigger = datetime(2024, 6, 30, 23, 30, tzinfo=UTC)
    deadline = compute_deadline(trigger, "14 dage", roll=Roll.KEEP)
    assert deadline.due == date(2024, 7, 15)
    assert not deadline.on_closed_day
    assert _step(deadline, Start).at == trigger
    assert "man. 1. jul. 2024 kl. 01:30 (CEST)" in deadline.explain("da")
    # The same moment given in Copenhagen time gives the same answer.
    local = compute_deadline(trigger.astimezone(CPH), "14 dage", roll=Roll.KEEP)
    assert local.due == deadline.due


def test_day_units_from_a_naive_datetime_raise() -> None:
    with pytest.raises(NaiveDatetimeError):
        compute_deadline(datetime(2024, 6, 30, 23, 30), "14 dage", roll=Roll.KEEP)


# -- range and types ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("trigger", "duration", "direction"),
    [
        (date(2200, 12, 1), "2 måneder", Direction.AFTER),  # Feb 2201
        (date(2200, 12, 25), "2 uger", Direction.AFTER),  # Jan 2201
        (date(2200, 12, 30), "5 hverdage", Direction.AFTER),  # Jan 2201
        (date(2200, 6, 1), "1 år", Direction.AFTER),  # 2201
        (date(1900, 1, 10), "2 uger", Direction.BEFORE),  # Dec 1899
        (date(1900, 1, 10), "1 måned", Direction.BEFORE),
        (date(1900, 1, 3), "5 hverdage", Direction.BEFORE),
        (date(2024, 1, 1), Duration(1_000_000, Unit.YEARS), Direction.AFTER),
        (date(2024, 1, 1), Duration(1_000_000, Unit.WEEKS), Direction.AFTER),
        (date(2024, 1, 1), Duration(1_000_000, Unit.DAYS), Direction.BEFORE),
        (date(2024, 1, 1), Duration(1_000_000, Unit.MONTHS), Direction.BEFORE),
        (date(1899, 12, 31), "1 dag", Direction.AFTER),  # the trigger itself
        (date(2201, 1, 1), "1 dag", Direction.BEFORE),
        (datetime(2200, 12, 31, 12, tzinfo=CPH), "24 timer", Direction.AFTER),
        (datetime(1900, 1, 1, 12, tzinfo=CPH), "24 timer", Direction.BEFORE),
    ],
)
def test_results_outside_the_supported_range_raise(
    trigger: date, duration: str | Duration, direction: Direction
) -> None:
    with pytest.raises(DateOutOfRangeError) as info:
        compute_deadline(trigger, duration, roll=Roll.KEEP, direction=direction)
    assert isinstance(info.value, InputError)


def test_the_range_edges_themselves_work() -> None:
    # 30 Nov 2200 + 1 month = Tue 30 Dec 2200, inside the range.
    assert compute_deadline(date(2200, 11, 30), "1 måned", roll=Roll.KEEP).due == date(2200, 12, 30)
    # 1 Jan 1900 was a Monday; Wed 3 Jan 1900 - 1 day = Tue 2 Jan 1900, a working day.
    before = compute_deadline(date(1900, 1, 3), "1 dag", direction=Direction.BEFORE, roll=Roll.KEEP)
    assert before.due == date(1900, 1, 2)
    # Wed 31 Dec 2200, the last supported day, is a working day in the default calendar.
    last = compute_deadline(date(2200, 12, 30), "1 dag", roll=Roll.KEEP)
    assert last.due == date(2200, 12, 31)


def test_a_kept_deadline_whose_practical_due_is_out_of_range_raises() -> None:
    # Tue 2 Jan 1900 - 1 day = Mon 1 Jan 1900, nytårsdag: in range, but its
    # practical due (the previous working day) would be in 1899. That raises
    # rather than returning a deadline without a practical due date.
    with pytest.raises(DateOutOfRangeError):
        compute_deadline(date(1900, 1, 2), "1 dag", direction=Direction.BEFORE, roll=Roll.KEEP)
    # Likewise a citizen's deadline on Wed 31 Dec 2200 (nytårsaftensdag) cannot move.
    with pytest.raises(DateOutOfRangeError):
        compute_deadline(date(2200, 12, 30), "1 dag", roll=Roll.FORWARD, expiry_calendar=CITIZEN)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"roll": "forward"}, "roll"),
        ({"roll": None}, "roll"),
        ({"roll": Roll.KEEP, "months": "refuse"}, "months"),
        ({"roll": Roll.KEEP, "direction": "before"}, "direction"),
        ({"roll": Roll.KEEP, "direction": MonthRule.REFUSE}, "direction"),
    ],
)
def test_invalid_option_types_raise(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InputTypeError) as info:
        compute_deadline(date(2024, 1, 10), "14 dage", **kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("calendar", None),
        ("calendar", "citizen"),
        ("calendar", DanishCalendar),  # the class, not an instance
        ("expiry_calendar", "citizen"),
        ("expiry_calendar", DanishCalendar),
    ],
)
def test_invalid_calendar_types_raise_naming_the_field(field: str, value: object) -> None:
    # Like roll, months and direction: an InputTypeError naming the field, not an
    # AttributeError or TypeError from deep inside the arithmetic.
    # (expiry_calendar=None is valid: it means "the counting calendar".)
    with pytest.raises(InputTypeError) as info:
        compute_deadline(date(2024, 1, 10), "6 hverdage", roll=Roll.KEEP, **{field: value})  # type: ignore[arg-type]
    assert info.value.field == field


def test_roll_has_no_default() -> None:
    with pytest.raises(TypeError):
        compute_deadline(date(2024, 1, 10), "14 dage")  # type: ignore[call-arg]


@pytest.mark.parametrize("duration", [14, 14.0, None, ("14", "dage")])
def test_invalid_duration_types_raise(duration: object) -> None:
    with pytest.raises(InputTypeError) as info:
        compute_deadline(date(2024, 1, 10), duration, roll=Roll.KEEP)  # type: ignore[arg-type]
    assert info.value.field == "duration"


@pytest.mark.parametrize("trigger", ["2024-01-10", 20240110, None])
def test_invalid_trigger_types_raise(trigger: object) -> None:
    with pytest.raises(InputTypeError) as info:
        compute_deadline(trigger, "14 dage", roll=Roll.KEEP)  # type: ignore[arg-type]
    assert info.value.field == "trigger"


def test_malformed_duration_text_raises_duration_error() -> None:
    with pytest.raises(frister.DurationError):
        compute_deadline(date(2024, 1, 10), "14 fortnights", roll=Roll.KEEP)


# -- explanations ---------------------------------------------------------------------


def _easter_hverdage() -> Deadline:
    # Fri 22 Mar 2024 16:05 CET + 6 hverdage: Mon 25 (1), Tue 26 (2), Wed 27 (3),
    # Thu 28 skærtorsdag, Fri 29 langfredag, weekend, Mon 1 Apr anden påskedag,
    # Tue 2 Apr (4), Wed 3 (5), Thu 4 Apr 2024 (6).
    return compute_deadline(datetime(2024, 3, 22, 16, 5, tzinfo=CPH), "6 hverdage", roll=Roll.KEEP)


def test_working_days_over_easter() -> None:
    deadline = _easter_hverdage()
    assert deadline.due == date(2024, 4, 4)
    assert [(d.date, d.kind) for d in _step(deadline, Count).skipped] == [
        (date(2024, 3, 28), ClosedDayKind.HELLIGDAG),
        (date(2024, 3, 29), ClosedDayKind.HELLIGDAG),
        (date(2024, 4, 1), ClosedDayKind.HELLIGDAG),
    ]


def test_explanation_names_every_skipped_helligdag_in_danish() -> None:
    text = _easter_hverdage().explain("da")
    lines = text.splitlines()
    assert lines[0].startswith("Udgangspunkt: fre. 22. mar. 2024 kl. 16:05 (CET)")
    assert "dagen tælles ikke med" in lines[0]
    assert lines[1].startswith("+ 6 hverdage → tor. 4. apr. 2024; ikke medregnet: ")
    for name in (
        "tor. 28. mar. 2024 Skærtorsdag",
        "fre. 29. mar. 2024 Langfredag",
        "man. 1. apr. 2024 Anden påskedag",
    ):
        assert name in lines[1]
    assert lines[2].startswith("Frist: tor. 4. apr. 2024, hele dagen")


def test_explanation_names_every_skipped_helligdag_in_english() -> None:
    text = _easter_hverdage().explain("en")
    lines = text.splitlines()
    assert lines[0].startswith("Start: Fri 22 Mar 2024 16:05 (CET); that day is not counted")
    assert lines[1].startswith("+ 6 working days → Thu 4 Apr 2024; not counted: ")
    for name in (
        "Thu 28 Mar 2024 Maundy Thursday",
        "Fri 29 Mar 2024 Good Friday",
        "Mon 1 Apr 2024 Easter Monday",
    ):
        assert name in lines[1]
    assert lines[2].startswith("Due: Thu 4 Apr 2024, the whole day")


def test_explanation_does_not_name_weekends_as_skipped() -> None:
    text = _easter_hverdage().explain("da")
    assert "lør." not in text.splitlines()[1]
    assert "søn." not in text.splitlines()[1]


def test_explanation_names_a_clipped_month() -> None:
    deadline = compute_deadline(date(2024, 10, 31), "4 måneder", roll=Roll.KEEP)
    da = deadline.explain("da")
    en = deadline.explain("en")
    assert "+ 4 måneder → fre. 28. feb. 2025" in da
    assert "Den 31. findes ikke i måneden; månedens sidste dag bruges: fre. 28. feb. 2025" in da
    # research B.3 / D.7: the month-end rule is an analogy, and an open question.
    assert "[Analogt med forældelsesloven § 27 stk. 1; afventer juridisk afklaring]" in da
    assert "+ 4 months → Fri 28 Feb 2025" in en
    assert (
        "Day 31 does not exist in that month; the month's last day is used: Fri 28 Feb 2025" in en
    )


def test_explanation_names_the_month_end_variant() -> None:
    deadline = compute_deadline(
        date(2024, 4, 30), "1 måned", roll=Roll.KEEP, months=MonthRule.MONTH_END_TO_MONTH_END
    )
    assert "målmånedens sidste dag bruges: fre. 31. maj 2024" in deadline.explain("da")
    assert "Analogt med restaurationsloven § 36 a stk. 3; afventer juridisk afklaring" in (
        deadline.explain("da")
    )
    assert "the target month's last day is used: Fri 31 May 2024" in deadline.explain("en")


def test_explanation_names_a_roll_forward_and_the_new_due_date() -> None:
    deadline = compute_deadline(
        date(2024, 11, 26), "4 uger", roll=Roll.FORWARD, expiry_calendar=CITIZEN
    )
    da = deadline.explain("da").splitlines()
    en = deadline.explain("en").splitlines()
    assert da[1].startswith("+ 4 uger → tir. 24. dec. 2024")
    assert da[2].startswith(
        "Fristen kan ikke udløbe på en lukket dag (tir. 24. dec. 2024 Juleaftensdag, "
        "ons. 25. dec. 2024 Juledag, tor. 26. dec. 2024 Anden juledag); den forlænges til "
        "førstkommende hverdag, fre. 27. dec. 2024"
    )
    assert da[3].startswith("Frist: fre. 27. dec. 2024")
    assert en[2].startswith(
        "The deadline cannot end on a closed day (Tue 24 Dec 2024 Christmas Eve, "
        "Wed 25 Dec 2024 Christmas Day, Thu 26 Dec 2024 Second Day of Christmas); it moves "
        "to the next working day, Fri 27 Dec 2024"
    )
    assert en[3].startswith("Due: Fri 27 Dec 2024")


def test_explanation_names_a_kept_deadline_and_its_practical_due_date() -> None:
    deadline = compute_deadline(date(2013, 4, 17), "1 år", roll=Roll.KEEP)
    da = deadline.explain("da")
    en = deadline.explain("en")
    assert (
        "Fristen udløber på en lukket dag (tor. 17. apr. 2014 Skærtorsdag) og flyttes ikke; "
        "praktisk sidste dag er den foregående hverdag, ons. 16. apr. 2014"
    ) in da
    assert "Frist: tor. 17. apr. 2014, hele dagen" in da
    assert (
        "The deadline ends on a closed day (Thu 17 Apr 2014 Maundy Thursday) and does not "
        "move; the practical due date is the previous working day, Wed 16 Apr 2014"
    ) in en
    assert "Due: Thu 17 Apr 2014, the whole day" in en


def test_explanation_describes_the_clock_change() -> None:
    spring = compute_deadline(datetime(2024, 3, 30, 10, tzinfo=CPH), "24 timer", roll=Roll.KEEP)
    autumn = compute_deadline(datetime(2024, 10, 26, 10, tzinfo=CPH), "24 timer", roll=Roll.KEEP)
    assert "Frist: søn. 31. mar. 2024 kl. 11:00 (CEST)" in spring.explain("da")
    assert "Uret stilles 1 time frem" in spring.explain("da")
    assert "The clocks go forward 1 hour" in spring.explain("en")
    assert "Frist: søn. 27. okt. 2024 kl. 09:00 (CET)" in autumn.explain("da")
    assert "Uret stilles 1 time tilbage" in autumn.explain("da")
    assert "The clocks go back 1 hour" in autumn.explain("en")


def _examples() -> list[Deadline]:
    """One deadline per kind of step and convention, for checks over all of them."""
    eighteen = birthday(date(2008, 8, 31), 18)
    return [
        compute_deadline(date(2024, 1, 10), "14 dage", roll=Roll.KEEP),
        compute_deadline(date(2024, 1, 10), "4 uger", roll=Roll.KEEP),
        compute_deadline(date(2024, 10, 31), "4 måneder", roll=Roll.KEEP),
        compute_deadline(
            date(2024, 4, 30), "1 måned", roll=Roll.KEEP, months=MonthRule.MONTH_END_TO_MONTH_END
        ),
        compute_deadline(date(2024, 2, 29), "1 år", roll=Roll.KEEP),
        compute_deadline(date(2013, 4, 17), "1 år", roll=Roll.KEEP),
        compute_deadline(date(2024, 11, 26), "4 uger", roll=Roll.FORWARD, expiry_calendar=CITIZEN),
        compute_deadline(eighteen, "6 måneder", direction=Direction.BEFORE, roll=Roll.KEEP),
        compute_deadline(date(2024, 2, 7), "4 uger", direction=Direction.BEFORE, roll=Roll.KEEP),
        birthday(date(2008, 2, 29), 17),
        _easter_hverdage(),
        compute_deadline(datetime(2024, 3, 30, 10, tzinfo=CPH), "24 timer", roll=Roll.KEEP),
        compute_deadline(datetime(2024, 3, 29, 10, tzinfo=CPH), "24 timer", roll=Roll.KEEP),
    ]


@pytest.mark.parametrize(
    ("lang", "heading"),
    [("da", "Afventer juridisk afklaring:"), ("en", "Awaiting legal review:")],
)
def test_explanation_lists_every_legal_review_convention_used(lang: Language, heading: str) -> None:
    for deadline in _examples():
        open_marks = (Mark.LEGAL_REVIEW, Mark.UNVERIFIED)
        awaiting = [c for c in deadline.conventions if c.mark in open_marks]
        expected = [c.review_note(lang) or c.text(lang) for c in awaiting]
        assert _review_lines(deadline.explain(lang), heading) == expected, deadline.steps


def test_legal_review_heading_by_hand() -> None:
    # 14 dage uses only trigger-day (verified, secondary), plain arithmetic and
    # end-of-day: nothing awaits review, so no heading.
    days = compute_deadline(date(2024, 1, 10), "14 dage", roll=Roll.KEEP)
    assert "Afventer juridisk afklaring" not in days.explain("da")
    assert "Awaiting legal review" not in days.explain("en")
    # 4 months to the same day is verified (secondary): no heading either.
    months = compute_deadline(date(2024, 10, 14), "4 måneder", roll=Roll.KEEP)  # Fri 14 Feb
    assert "Afventer juridisk afklaring" not in months.explain("da")
    # Clipped to the month's last day: an analogy, open (research B.3, D.7).
    clipped = compute_deadline(date(2024, 10, 31), "4 måneder", roll=Roll.KEEP)
    (line,) = _review_lines(clipped.explain("da"), "Afventer juridisk afklaring:")
    assert "restaurationslovens § 36 a stk. 3" in line and "åbent spørgsmål" in line
    # The year example: the anniversary is settled (Ankestyrelsen's example);
    # only the authority's no-roll on skærtorsdag 2014 awaits review.
    year = compute_deadline(date(2013, 4, 17), "1 år", roll=Roll.KEEP)
    (line,) = _review_lines(year.explain("da"), "Afventer juridisk afklaring:")
    assert line.startswith("En myndigheds frist, der udløber på en lukket dag, flyttes ikke")
    # A year from 29 February: the 28 February reading awaits review.
    leap = compute_deadline(date(2024, 2, 29), "1 år", roll=Roll.KEEP)
    (line,) = _review_lines(leap.explain("da"), "Afventer juridisk afklaring:")
    assert "28. februar" in line
    # Hours: the after-hours reading awaits review.
    hours = compute_deadline(datetime(2024, 3, 30, 10, tzinfo=CPH), "24 timer", roll=Roll.KEEP)
    assert _review_lines(hours.explain("en"), "Awaiting legal review:") == [
        "The wording is verified; how the hours run outside office hours and over "
        "weekends awaits legal review."
    ]
    # The citizen roll: whether 24 Dec etc. are closed awaits review.
    klage = compute_deadline(
        date(2024, 11, 26), "4 uger", roll=Roll.FORWARD, expiry_calendar=CITIZEN
    )
    (line,) = _review_lines(klage.explain("da"), "Afventer juridisk afklaring:")
    assert "grundlovsdag, 24. og 31. december" in line


def test_every_step_line_cites_its_convention() -> None:
    for deadline in _examples():
        for lang in ("da", "en"):
            lines = deadline.explain(lang).splitlines()
            for step, line in zip(deadline.steps, lines, strict=False):
                if step.convention is not None:
                    citation = conventions()[step.convention].citation(lang)
                    assert line.endswith(f"  [{citation}]"), line


def test_explanations_are_deterministic() -> None:
    for deadline in _examples():
        assert deadline.explain("da") == deadline.explain("da")
        assert deadline.explain("en") == deadline.explain("en")
    again = [
        compute_deadline(date(2024, 11, 26), "4 uger", roll=Roll.FORWARD, expiry_calendar=CITIZEN),
        _easter_hverdage(),
    ]
    assert again[0] == _examples()[6]
    assert again[0].explain("da") == _examples()[6].explain("da")
    assert again[1].explain("en") == _easter_hverdage().explain("en")


_SUBPROCESS_SCRIPT = """
from datetime import date, datetime
from zoneinfo import ZoneInfo
import frister as f
cph = ZoneInfo("Europe/Copenhagen")
cit = f.DanishCalendar.for_citizen_deadlines()
ds = [
    f.compute_deadline(date(2024, 11, 26), "4 uger", roll=f.Roll.FORWARD, expiry_calendar=cit),
    f.compute_deadline(datetime(2024, 3, 22, 16, 5, tzinfo=cph), "6 hverdage", roll=f.Roll.KEEP),
    f.compute_deadline(datetime(2024, 3, 30, 10, tzinfo=cph), "24 timer", roll=f.Roll.KEEP),
    f.compute_deadline(date(2013, 4, 17), "1 år", roll=f.Roll.KEEP),
]
print("\\n=====\\n".join(d.explain(lang) for d in ds for lang in ("da", "en")))
"""


def test_explanations_do_not_depend_on_the_environment() -> None:
    # Another process, another hash seed, another machine time zone and locale.
    env = {
        **os.environ,
        "PYTHONHASHSEED": "12345",
        "TZ": "America/New_York",
        "LANG": "en_US.UTF-8",
        "LC_ALL": "C.UTF-8",
        "LANGUAGE": "de",
    }
    result = subprocess.run(
        [sys.executable, "-c", _SUBPROCESS_SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=120,
    )
    here = [
        compute_deadline(date(2024, 11, 26), "4 uger", roll=Roll.FORWARD, expiry_calendar=CITIZEN),
        _easter_hverdage(),
        compute_deadline(datetime(2024, 3, 30, 10, tzinfo=CPH), "24 timer", roll=Roll.KEEP),
        compute_deadline(date(2013, 4, 17), "1 år", roll=Roll.KEEP),
    ]
    expected = "\n=====\n".join(d.explain(lang) for d in here for lang in ("da", "en"))
    assert result.stdout.rstrip("\n") == expected


def test_conventions_are_listed_in_order_of_first_use() -> None:
    deadline = compute_deadline(
        date(2024, 10, 31), "4 måneder", roll=Roll.FORWARD, expiry_calendar=CITIZEN
    )
    # Fri 28 Feb 2025 is a working day: no roll, so no citizen-roll convention.
    assert deadline.due == date(2025, 2, 28)
    assert _ids(deadline) == ["trigger-day-not-counted", "months", "months-clipped", "end-of-day"]
    # Chained: the earlier deadline's conventions first, each once.
    first = compute_deadline(date(2023, 1, 31), "1 måned", roll=Roll.KEEP)
    chained = compute_deadline(first, "1 uge", roll=Roll.KEEP)
    assert _ids(chained) == [
        "trigger-day-not-counted",
        "months",
        "months-clipped",
        "weeks",
        "end-of-day",
    ]
    # Working days, rolled by the citizen calendar.
    moved = compute_deadline(
        date(2024, 12, 16), "6 hverdage", roll=Roll.FORWARD, expiry_calendar=CITIZEN
    )
    assert _ids(moved) == ["trigger-day-not-counted", "working-days", "citizen-roll", "end-of-day"]
    assert all(isinstance(c, frister.deadlines.Convention) for c in moved.conventions)


# -- the conventions data file ------------------------------------------------------


def test_every_convention_loads_with_a_mark_and_texts() -> None:
    loaded = conventions()
    assert loaded
    for convention_id, convention in loaded.items():
        assert convention.id == convention_id
        assert isinstance(convention.mark, Mark)
        for lang in ("da", "en"):
            assert convention.text(lang).strip()
            assert convention.citation(lang).strip()
        assert convention.basis.strip()
        assert convention.basis_en.strip()
        assert (convention.note_da is None) == (convention.note_en is None)
        if convention.mark is not Mark.NONE:
            assert convention.mark.label("da") in convention.citation("da")
            assert convention.mark.label("en") in convention.citation("en")


_STEP_CLASSES = {
    cls.__name__: cls for cls in (Start, Count, MonthDay, ClockChange, Birthday, Expiry, Due)
}


def _string_constants(node: ast.AST) -> set[str]:
    return {
        n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


def _convention_ids_in_source() -> set[str]:
    """Every literal convention id that frister's steps are built with."""
    found: set[str] = set()
    for module in (frister.deadlines._fristberegning, frister.deadlines._steps):
        tree = ast.parse(inspect.getsource(module))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                for keyword in node.keywords:
                    if keyword.arg == "convention":
                        found |= _string_constants(keyword.value)
                name = node.func.id if isinstance(node.func, ast.Name) else None
                if name in _STEP_CLASSES:
                    fields = [f.name for f in attrs.fields(_STEP_CLASSES[name])]
                    position = fields.index("convention")
                    if len(node.args) > position:
                        found |= _string_constants(node.args[position])
            elif isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names = {t.id for t in targets if isinstance(t, ast.Name)}
                if node.value is None:
                    continue
                if "convention" in names:
                    found |= _string_constants(node.value)
                if "_CONVENTION_BY_UNIT" in names and isinstance(node.value, ast.Dict):
                    for value in node.value.values:
                        found |= _string_constants(value)
    return found


def test_every_convention_id_the_steps_refer_to_exists() -> None:
    in_source = _convention_ids_in_source()
    # The scan finds the ids (else it would pass vacuously).
    assert {"trigger-day-not-counted", "months-month-end", "before-anchor", "ages"} <= in_source
    assert in_source <= set(conventions()), in_source - set(conventions())
    # And the examples exercise every one of them.
    used = {c.id for deadline in _examples() for c in deadline.conventions}
    assert used <= set(conventions())
    assert in_source <= used, in_source - used
