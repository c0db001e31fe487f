"""Hand-worked examples for DanishCalendar.

Every expected date below was worked out by hand from the law notes
(``shared/law/fristberegning.md``; the dates 2020-2030 in section 2.1 of
``research-calendar.md``), with the reasoning in a comment. None is computed
by frister or by ``tests/reference.py``.

Weekdays used often: 2024-03-22 is a Friday; Easter 2024 is Sun 31 Mar;
24 Dec 2024 is a Tuesday; 1 Jan 2025 a Wednesday; 2200-12-31 a Wednesday;
1900-01-01 a Monday.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest

import frister
from frister import (
    DanishCalendar,
    DateOutOfRangeError,
    ExtraClosedDay,
    FristerError,
    InputError,
    InputTypeError,
)
from frister.calendar import CITIZEN_EXPIRY_EXTRAS, ClosedDay, ClosedDayKind

DEFAULT = DanishCalendar()
CITIZEN = DanishCalendar.for_citizen_deadlines()
WITH_FRIDAY = DanishCalendar(extra_closed_days=[ExtraClosedDay.FREDAG_EFTER_KRISTI_HIMMELFARTSDAG])
ALL_EXTRAS = DanishCalendar(extra_closed_days=list(ExtraClosedDay))


# -- Easter ---------------------------------------------------------------------------


def test_easter_week_2024() -> None:
    # Easter 2024 is 31 Mar, so skærtorsdag 28 Mar, langfredag 29 Mar, 2. påskedag 1 Apr.
    # From Fri 22 Mar: Mon 25 (1), Tue 26 (2), Wed 27 (3), [Thu 28, Fri 29, Sat 30,
    # Sun 31, Mon 1 Apr closed], Tue 2 Apr (4), Wed 3 (5), Thu 4 (6).
    assert DEFAULT.add_working_days(date(2024, 3, 22), 6) == date(2024, 4, 4)
    # And back again: the same six working days in reverse.
    assert DEFAULT.add_working_days(date(2024, 4, 4), -6) == date(2024, 3, 22)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2024, 3, 27), True),  # Wed before Easter
        (date(2024, 3, 28), False),  # skærtorsdag (E-3)
        (date(2024, 3, 29), False),  # langfredag (E-2)
        (date(2024, 3, 30), False),  # Saturday
        (date(2024, 3, 31), False),  # påskedag (E), a Sunday
        (date(2024, 4, 1), False),  # 2. påskedag (E+1)
        (date(2024, 4, 2), True),  # Tue after Easter
    ],
)
def test_easter_2024_working_days(day: date, working: bool) -> None:
    assert DEFAULT.is_working_day(day) is working


def test_easter_2024_counts() -> None:
    # (Wed 27 Mar, Tue 2 Apr]: Thu 28, Fri 29, Sat, Sun, Mon 1 Apr are closed; Tue 2 Apr counts.
    assert DEFAULT.working_days_between(date(2024, 3, 27), date(2024, 4, 2)) == 1
    # Wed 27 Mar + 1: the next working day is Tue 2 Apr.
    assert DEFAULT.add_working_days(date(2024, 3, 27), 1) == date(2024, 4, 2)


def test_easter_2025() -> None:
    # Easter 2025 is 20 Apr: skærtorsdag 17 Apr, langfredag 18 Apr, 2. påskedag 21 Apr.
    # Wed 16 Apr + 1: Thu 17, Fri 18 closed, Sat 19, Sun 20, Mon 21 closed -> Tue 22 Apr.
    assert DEFAULT.add_working_days(date(2025, 4, 16), 1) == date(2025, 4, 22)
    assert DEFAULT.add_working_days(date(2025, 4, 22), -1) == date(2025, 4, 16)


# -- Christmas and New Year -----------------------------------------------------------


def test_christmas_eve_and_new_years_eve_are_working_days_by_default() -> None:
    # 24 Dec 2024 is a Tuesday, 31 Dec 2024 a Tuesday: not helligdage.
    assert DEFAULT.is_working_day(date(2024, 12, 24))
    assert DEFAULT.is_working_day(date(2024, 12, 31))
    assert DEFAULT.closed_day(date(2024, 12, 24)) is None
    # With the extras (the citizen's calendar) both are closed.
    assert not CITIZEN.is_working_day(date(2024, 12, 24))
    assert not CITIZEN.is_working_day(date(2024, 12, 31))


def test_christmas_2024_default() -> None:
    # Mon 23 Dec + 1 = Tue 24 Dec (a working day by default).
    assert DEFAULT.add_working_days(date(2024, 12, 23), 1) == date(2024, 12, 24)
    # + 2: Tue 24 (1), [Wed 25 juledag, Thu 26 2. juledag], Fri 27 (2).
    assert DEFAULT.add_working_days(date(2024, 12, 23), 2) == date(2024, 12, 27)
    # + 5: 24 (1), 27 (2), Mon 30 (3), Tue 31 (4), [Wed 1 Jan nytårsdag], Thu 2 Jan (5).
    assert DEFAULT.add_working_days(date(2024, 12, 23), 5) == date(2025, 1, 2)
    # (Fri 20 Dec, Fri 3 Jan]: 23, 24, 27, 30, 31, 2, 3 -> 7.
    assert DEFAULT.working_days_between(date(2024, 12, 20), date(2025, 1, 3)) == 7


def test_christmas_2024_citizen() -> None:
    # Citizen's calendar also closes 24 and 31 Dec.
    # Mon 23 Dec + 1: [24, 25, 26 closed] -> Fri 27 Dec.
    assert CITIZEN.add_working_days(date(2024, 12, 23), 1) == date(2024, 12, 27)
    # + 3: Fri 27 (1), [Sat, Sun], Mon 30 (2), [Tue 31, Wed 1 Jan], Thu 2 Jan (3).
    assert CITIZEN.add_working_days(date(2024, 12, 23), 3) == date(2025, 1, 2)
    # (Fri 20 Dec, Fri 3 Jan]: 23, 27, 30, 2, 3 -> 5 (the default's 7 less 24 and 31 Dec).
    assert CITIZEN.working_days_between(date(2024, 12, 20), date(2025, 1, 3)) == 5


def test_new_year_on_a_sunday() -> None:
    # Sat 31 Dec 2022: Sun 1 Jan 2023 is nytårsdag, so the next working day is Mon 2 Jan.
    assert DEFAULT.roll_forward(date(2022, 12, 31)) == date(2023, 1, 2)
    assert DEFAULT.add_working_days(date(2022, 12, 31), 1) == date(2023, 1, 2)
    # Nytårsdag is listed although it falls on a Sunday.
    assert DEFAULT.closed_day(date(2023, 1, 1)) == ClosedDay(
        date(2023, 1, 1), "Nytårsdag", "New Year's Day", ClosedDayKind.HELLIGDAG
    )


# -- Kristi himmelfart and pinse ------------------------------------------------------


def test_kristi_himmelfart_2024() -> None:
    # Easter 31 Mar 2024 + 39 = Thu 9 May (Kristi himmelfartsdag).
    assert not DEFAULT.is_working_day(date(2024, 5, 9))
    # Wed 8 May + 1: Thu 9 closed -> Fri 10 May (the Friday after is a working day by default).
    assert DEFAULT.add_working_days(date(2024, 5, 8), 1) == date(2024, 5, 10)
    # With the Friday after closed: Thu 9, Fri 10, Sat 11, Sun 12 closed -> Mon 13 May.
    assert WITH_FRIDAY.add_working_days(date(2024, 5, 8), 1) == date(2024, 5, 13)


def test_pinse_2024() -> None:
    # Pinsedag E+49 = Sun 19 May 2024, 2. pinsedag E+50 = Mon 20 May.
    # Fri 17 May + 1: Sat 18, Sun 19, Mon 20 closed -> Tue 21 May.
    assert DEFAULT.add_working_days(date(2024, 5, 17), 1) == date(2024, 5, 21)
    assert DEFAULT.closed_day(date(2024, 5, 20)) == ClosedDay(
        date(2024, 5, 20), "Anden pinsedag", "Pentecost Monday", ClosedDayKind.HELLIGDAG
    )


def test_kristi_himmelfart_and_pinse_2024_count() -> None:
    # (Mon 6 May, Fri 24 May 2024]: Tue 7, Wed 8 (2), [Thu 9], Fri 10 (1),
    # Mon 13 - Fri 17 (5), [Mon 20], Tue 21 - Fri 24 (4) -> 12.
    assert DEFAULT.working_days_between(date(2024, 5, 6), date(2024, 5, 24)) == 12
    # The Friday after Kristi himmelfart closed too: one fewer (Fri 10 May) -> 11.
    assert WITH_FRIDAY.working_days_between(date(2024, 5, 6), date(2024, 5, 24)) == 11


def test_friday_after_kristi_himmelfart_2026() -> None:
    # Easter 2026 is 5 Apr; + 39 = Thu 14 May; the Friday after is 15 May.
    friday = date(2026, 5, 15)
    assert DEFAULT.is_working_day(friday)
    assert DEFAULT.closed_day(friday) is None
    assert CITIZEN.is_working_day(friday)  # not one of the citizen's extras
    assert not WITH_FRIDAY.is_working_day(friday)
    assert WITH_FRIDAY.closed_day(friday) == ClosedDay(
        friday,
        "Fredag efter Kristi himmelfartsdag",
        "Friday after Ascension Day",
        ClosedDayKind.EXTRA,
    )
    # Wed 13 May + 1: [Thu 14] -> Fri 15 by default; [Thu 14, Fri 15, weekend] -> Mon 18.
    assert DEFAULT.add_working_days(date(2026, 5, 13), 1) == friday
    assert WITH_FRIDAY.add_working_days(date(2026, 5, 13), 1) == date(2026, 5, 18)
    assert ExtraClosedDay.FREDAG_EFTER_KRISTI_HIMMELFARTSDAG.in_year(2026) == friday


# -- store bededag --------------------------------------------------------------------


def test_store_bededag_2023_is_closed() -> None:
    # Easter 2023 is 9 Apr; + 26 = Fri 5 May 2023, the last store bededag.
    assert not DEFAULT.is_working_day(date(2023, 5, 5))
    assert DEFAULT.closed_day(date(2023, 5, 5)) == ClosedDay(
        date(2023, 5, 5), "Store bededag", "Great Prayer Day", ClosedDayKind.HELLIGDAG
    )
    # Thu 4 May + 1: [Fri 5, Sat 6, Sun 7] -> Mon 8 May.
    assert DEFAULT.add_working_days(date(2023, 5, 4), 1) == date(2023, 5, 8)
    # (Mon 1 May, Fri 12 May 2023]: Tue 2 - Thu 4 (3), [Fri 5], Mon 8 - Fri 12 (5) -> 8.
    assert DEFAULT.working_days_between(date(2023, 5, 1), date(2023, 5, 12)) == 8


def test_store_bededag_2024_is_a_working_day() -> None:
    # Easter 2024 is 31 Mar; + 26 = Fri 26 Apr 2024: abolished, an ordinary working day.
    assert DEFAULT.is_working_day(date(2024, 4, 26))
    assert DEFAULT.closed_day(date(2024, 4, 26)) is None
    # Thu 25 Apr + 1 = Fri 26 Apr.
    assert DEFAULT.add_working_days(date(2024, 4, 25), 1) == date(2024, 4, 26)
    # (Mon 22 Apr, Fri 3 May 2024]: Tue 23 - Fri 26 (4), Mon 29 - Fri 3 May (5) -> 9
    # (1 May 2024, a Wednesday, is a working day by default).
    assert DEFAULT.working_days_between(date(2024, 4, 22), date(2024, 5, 3)) == 9


# -- holidays(year) -------------------------------------------------------------------


def test_holidays_2023_has_eleven_with_store_bededag() -> None:
    # Easter 9 Apr 2023: -3, -2, 0, +1 -> 6, 7, 9, 10 Apr; +26 -> 5 May; +39 -> 18 May;
    # +49, +50 -> 28, 29 May. Names as holidays.DK spells them in Danish.
    assert dict(DEFAULT.holidays(2023)) == {
        date(2023, 1, 1): "Nytårsdag",
        date(2023, 4, 6): "Skærtorsdag",
        date(2023, 4, 7): "Langfredag",
        date(2023, 4, 9): "Påskedag",
        date(2023, 4, 10): "Anden påskedag",
        date(2023, 5, 5): "Store bededag",
        date(2023, 5, 18): "Kristi himmelfartsdag",
        date(2023, 5, 28): "Pinsedag",
        date(2023, 5, 29): "Anden pinsedag",
        date(2023, 12, 25): "Juledag",
        date(2023, 12, 26): "Anden juledag",
    }


def test_holidays_2024_has_ten_without_store_bededag() -> None:
    # Easter 31 Mar 2024: -3, -2, 0, +1 -> 28, 29, 31 Mar, 1 Apr; +39 -> 9 May;
    # +49, +50 -> 19, 20 May. No store bededag from 2024.
    holidays_2024 = DEFAULT.holidays(2024)
    assert dict(holidays_2024) == {
        date(2024, 1, 1): "Nytårsdag",
        date(2024, 3, 28): "Skærtorsdag",
        date(2024, 3, 29): "Langfredag",
        date(2024, 3, 31): "Påskedag",
        date(2024, 4, 1): "Anden påskedag",
        date(2024, 5, 9): "Kristi himmelfartsdag",
        date(2024, 5, 19): "Pinsedag",
        date(2024, 5, 20): "Anden pinsedag",
        date(2024, 12, 25): "Juledag",
        date(2024, 12, 26): "Anden juledag",
    }
    assert list(holidays_2024) == sorted(holidays_2024)  # in date order


def test_holidays_is_read_only() -> None:
    holidays_2024 = DEFAULT.holidays(2024)
    with pytest.raises(TypeError):
        holidays_2024[date(2024, 6, 5)] = "Grundlovsdag"  # type: ignore[index]


def test_holidays_with_citizen_extras_2024() -> None:
    # The ten helligdage plus Wed 5 Jun (Grundlovsdag), Tue 24 Dec, Tue 31 Dec -> 13.
    holidays_2024 = CITIZEN.holidays(2024)
    assert len(holidays_2024) == 13
    assert holidays_2024[date(2024, 6, 5)] == "Grundlovsdag"
    assert holidays_2024[date(2024, 12, 24)] == "Juleaftensdag"
    assert holidays_2024[date(2024, 12, 31)] == "Nytårsaftensdag"


def test_holidays_lists_extras_on_weekends_and_helligdag_wins_on_a_shared_date() -> None:
    # 2021: Grundlovsdag is Sat 5 Jun, listed anyway (the closed days of the year other
    # than *plain* weekends). Easter 2021 is 4 Apr, so pinse is 23-24 May, not 5 Jun.
    assert CITIZEN.holidays(2021)[date(2021, 6, 5)] == "Grundlovsdag"
    # 2022: Easter 17 Apr + 49 = Sun 5 Jun: pinsedag and grundlovsdag on one date.
    assert CITIZEN.holidays(2022)[date(2022, 6, 5)] == "Pinsedag"
    # 2006: 2. pinsedag fell on grundlovsdag, 5 Jun (Easter 16 Apr 2006 + 50 = 5 Jun).
    assert CITIZEN.holidays(2006)[date(2006, 6, 5)] == "Anden pinsedag"
    # 2008: Kristi himmelfartsdag fell on 1 May (Easter 23 Mar 2008 + 39 = 1 May).
    assert ALL_EXTRAS.holidays(2008)[date(2008, 5, 1)] == "Kristi himmelfartsdag"
    # 2026: the would-be store bededag is Fri 1 May, now only a 1. maj extra.
    assert date(2026, 5, 1) not in DEFAULT.holidays(2026)
    assert ALL_EXTRAS.holidays(2026)[date(2026, 5, 1)] == "1. maj"


# -- local closed days ----------------------------------------------------------------


def test_local_closed_day() -> None:
    # Fri 14 Jun 2024 closed by the municipality.
    local = DanishCalendar(local_closed_days={date(2024, 6, 14): "Byfest"})
    assert not local.is_working_day(date(2024, 6, 14))
    assert local.closed_day(date(2024, 6, 14)) == ClosedDay(
        date(2024, 6, 14), "Byfest", "Byfest", ClosedDayKind.LOCAL
    )
    assert local.holidays(2024)[date(2024, 6, 14)] == "Byfest"
    assert len(local.holidays(2024)) == 11
    # Thu 13 Jun + 1: [Fri 14, Sat 15, Sun 16] -> Mon 17 Jun.
    assert local.add_working_days(date(2024, 6, 13), 1) == date(2024, 6, 17)
    assert DEFAULT.add_working_days(date(2024, 6, 13), 1) == date(2024, 6, 14)


def test_local_closed_day_on_a_helligdag_keeps_the_helligdag() -> None:
    local = DanishCalendar(local_closed_days={date(2024, 12, 25): "Lukket"})
    closed = local.closed_day(date(2024, 12, 25))
    assert closed is not None
    assert closed.kind is ClosedDayKind.HELLIGDAG
    assert closed.name == "Juledag"


def test_local_closed_day_on_a_weekend_is_named() -> None:
    # Sat 15 Jun 2024 named locally: the explanation gives the local name.
    local = DanishCalendar(local_closed_days={date(2024, 6, 15): "Byfest"})
    closed = local.closed_day(date(2024, 6, 15))
    assert closed is not None
    assert (closed.name, closed.kind) == ("Byfest", ClosedDayKind.LOCAL)


@pytest.mark.parametrize(
    ("local", "error", "field"),
    [
        ({date(1899, 12, 31): "Byfest"}, DateOutOfRangeError, "local_closed_days"),
        ({datetime(2024, 6, 14, 12, 0): "Byfest"}, InputTypeError, "local_closed_days"),
        ({"2024-06-14": "Byfest"}, InputTypeError, "local_closed_days"),
        ({date(2024, 6, 14): ""}, InputError, "local_closed_days[2024-06-14]"),
        ({date(2024, 6, 14): "   "}, InputError, "local_closed_days[2024-06-14]"),
        ({date(2024, 6, 14): None}, InputError, "local_closed_days[2024-06-14]"),
        ([date(2024, 6, 14)], InputTypeError, "local_closed_days"),
    ],
)
def test_bad_local_closed_days(local: object, error: type[InputError], field: str) -> None:
    with pytest.raises(error) as info:
        DanishCalendar(local_closed_days=local)  # type: ignore[arg-type]
    assert info.value.field == field


def test_bad_extra_closed_days() -> None:
    with pytest.raises(InputTypeError) as info:
        DanishCalendar(extra_closed_days=["GRUNDLOVSDAG"])  # type: ignore[list-item]
    assert info.value.field == "extra_closed_days"


# -- configuration, equality, repr ----------------------------------------------------


def test_for_citizen_deadlines() -> None:
    assert CITIZEN.extra_closed_days == CITIZEN_EXPIRY_EXTRAS
    assert set(CITIZEN_EXPIRY_EXTRAS) == {
        ExtraClosedDay.GRUNDLOVSDAG,
        ExtraClosedDay.JULEAFTENSDAG,
        ExtraClosedDay.NYTAARSAFTENSDAG,
    }
    assert CITIZEN.local_closed_days == ()
    # Grundlovsdag 2024 is Wed 5 Jun: closed for a citizen, a working day by default.
    assert not CITIZEN.is_working_day(date(2024, 6, 5))
    assert DEFAULT.is_working_day(date(2024, 6, 5))
    # 1 May 2024 is a Wednesday: not among the citizen's extras.
    assert CITIZEN.is_working_day(date(2024, 5, 1))


def test_with_closed() -> None:
    built = DEFAULT.with_closed(
        ExtraClosedDay.NYTAARSAFTENSDAG, ExtraClosedDay.GRUNDLOVSDAG, ExtraClosedDay.JULEAFTENSDAG
    )
    assert built == CITIZEN
    assert DEFAULT.extra_closed_days == ()  # the original is unchanged
    # Adding a day already there changes nothing.
    assert CITIZEN.with_closed(ExtraClosedDay.GRUNDLOVSDAG) == CITIZEN
    # Local days are added to the extras already there, and to earlier local days.
    local = CITIZEN.with_closed(local={date(2024, 6, 14): "Byfest"})
    assert local.extra_closed_days == CITIZEN.extra_closed_days
    assert local.local_closed_days == ((date(2024, 6, 14), "Byfest"),)
    both = local.with_closed(
        ExtraClosedDay.FOERSTE_MAJ, local={date(2024, 8, 16): "Kommunens lukkedag"}
    )
    assert both.local_closed_days == (
        (date(2024, 6, 14), "Byfest"),
        (date(2024, 8, 16), "Kommunens lukkedag"),
    )
    assert ExtraClosedDay.FOERSTE_MAJ in both.extra_closed_days
    # 1 May 2024 (Wed) closed now.
    assert not both.is_working_day(date(2024, 5, 1))


def test_equal_configurations_are_equal_and_hash_alike() -> None:
    a = DanishCalendar(
        extra_closed_days=[ExtraClosedDay.JULEAFTENSDAG, ExtraClosedDay.GRUNDLOVSDAG],
        local_closed_days={date(2024, 8, 16): "B", date(2024, 6, 14): "A"},
    )
    b = DanishCalendar(
        extra_closed_days=(
            ExtraClosedDay.GRUNDLOVSDAG,
            ExtraClosedDay.JULEAFTENSDAG,
            ExtraClosedDay.GRUNDLOVSDAG,
        ),
        local_closed_days={date(2024, 6, 14): "A", date(2024, 8, 16): "B"},
    )
    assert a == b
    assert hash(a) == hash(b)
    assert len({a, b}) == 1
    assert DanishCalendar() == DEFAULT
    assert hash(DanishCalendar()) == hash(DEFAULT)
    # Using a calendar (which builds its tables) does not change its equality or hash.
    before = hash(a)
    a.is_working_day(date(2024, 1, 1))
    assert hash(a) == before
    assert a == b


def test_different_configurations_differ() -> None:
    assert DEFAULT != CITIZEN
    assert DanishCalendar(local_closed_days={date(2024, 6, 14): "A"}) != DEFAULT
    assert DanishCalendar(local_closed_days={date(2024, 6, 14): "A"}) != DanishCalendar(
        local_closed_days={date(2024, 6, 14): "B"}
    )


def test_calendar_is_immutable() -> None:
    with pytest.raises(AttributeError):
        DEFAULT.extra_closed_days = (ExtraClosedDay.GRUNDLOVSDAG,)  # type: ignore[misc]


def test_repr() -> None:
    assert repr(DEFAULT) == "DanishCalendar()"
    assert repr(WITH_FRIDAY) == (
        "DanishCalendar(extra_closed_days=(ExtraClosedDay.FREDAG_EFTER_KRISTI_HIMMELFARTSDAG,))"
    )
    assert repr(CITIZEN) == (
        "DanishCalendar(extra_closed_days=(ExtraClosedDay.GRUNDLOVSDAG, "
        "ExtraClosedDay.JULEAFTENSDAG, ExtraClosedDay.NYTAARSAFTENSDAG))"
    )
    local = CITIZEN.with_closed(local={date(2024, 6, 14): "Byfest"})
    assert repr(local).endswith("local_closed_days={datetime.date(2024, 6, 14): 'Byfest'})")


@pytest.mark.parametrize(
    "calendar",
    [
        DEFAULT,
        CITIZEN,
        WITH_FRIDAY,
        ALL_EXTRAS,
        CITIZEN.with_closed(local={date(2024, 6, 14): "Byfest", date(2025, 1, 2): "Lukket"}),
    ],
)
def test_repr_round_trips(calendar: DanishCalendar) -> None:
    namespace = {"DanishCalendar": DanishCalendar, "ExtraClosedDay": ExtraClosedDay, "datetime": dt}
    assert eval(repr(calendar), namespace) == calendar


# -- closed_day and named_closed_days -------------------------------------------------


WEEKEND, HELLIGDAG, EXTRA = ClosedDayKind.WEEKEND, ClosedDayKind.HELLIGDAG, ClosedDayKind.EXTRA


@pytest.mark.parametrize(
    ("calendar", "day", "name", "name_en", "kind"),
    [
        (DEFAULT, date(2024, 3, 23), "lørdag", "Saturday", WEEKEND),
        (DEFAULT, date(2024, 3, 24), "søndag", "Sunday", WEEKEND),
        # Påskedag is a Sunday, but it is named as the helligdag.
        (DEFAULT, date(2024, 3, 31), "Påskedag", "Easter Sunday", HELLIGDAG),
        (DEFAULT, date(2024, 3, 29), "Langfredag", "Good Friday", HELLIGDAG),
        (DEFAULT, date(2024, 4, 1), "Anden påskedag", "Easter Monday", HELLIGDAG),
        (DEFAULT, date(2024, 12, 26), "Anden juledag", "Second Day of Christmas", HELLIGDAG),
        (CITIZEN, date(2024, 12, 24), "Juleaftensdag", "Christmas Eve", EXTRA),
        (CITIZEN, date(2024, 12, 31), "Nytårsaftensdag", "New Year's Eve", EXTRA),
        (CITIZEN, date(2024, 6, 5), "Grundlovsdag", "Constitution Day", EXTRA),
        # Grundlovsdag 2021 is a Saturday; the extra's name is given rather than "lørdag".
        (CITIZEN, date(2021, 6, 5), "Grundlovsdag", "Constitution Day", EXTRA),
        (ALL_EXTRAS, date(2024, 5, 1), "1. maj", "1 May", EXTRA),
    ],
)
def test_closed_day(
    calendar: DanishCalendar, day: date, name: str, name_en: str, kind: ClosedDayKind
) -> None:
    assert calendar.closed_day(day) == ClosedDay(day, name, name_en, kind)


def test_closed_day_of_a_working_day_is_none() -> None:
    assert DEFAULT.closed_day(date(2024, 3, 22)) is None  # a Friday
    assert DEFAULT.closed_day(date(2024, 12, 31)) is None  # a Tuesday, no extras


def test_closed_day_label() -> None:
    closed = DEFAULT.closed_day(date(2024, 12, 25))
    assert closed is not None
    assert closed.label("da") == "Juledag"
    assert closed.label("en") == "Christmas Day"


def test_named_closed_days() -> None:
    # [Fri 20 Dec 2024, Fri 3 Jan 2025] for a citizen: 24 Dec, 25 Dec, 26 Dec, 31 Dec,
    # 1 Jan; the weekends (21-22, 28-29 Dec) are not named days.
    named = CITIZEN.named_closed_days(date(2024, 12, 20), date(2025, 1, 3))
    assert [(c.date, c.name, c.kind) for c in named] == [
        (date(2024, 12, 24), "Juleaftensdag", ClosedDayKind.EXTRA),
        (date(2024, 12, 25), "Juledag", ClosedDayKind.HELLIGDAG),
        (date(2024, 12, 26), "Anden juledag", ClosedDayKind.HELLIGDAG),
        (date(2024, 12, 31), "Nytårsaftensdag", ClosedDayKind.EXTRA),
        (date(2025, 1, 1), "Nytårsdag", ClosedDayKind.HELLIGDAG),
    ]
    # Both ends are included: [25 Dec, 26 Dec] by default is juledag and 2. juledag.
    default_named = DEFAULT.named_closed_days(date(2024, 12, 25), date(2024, 12, 26))
    assert [c.date for c in default_named] == [date(2024, 12, 25), date(2024, 12, 26)]
    # A span with only weekends in it, and an empty span (b < a).
    assert DEFAULT.named_closed_days(date(2024, 3, 23), date(2024, 3, 24)) == ()
    assert DEFAULT.named_closed_days(date(2024, 12, 26), date(2024, 12, 25)) == ()


def test_named_closed_days_checks_its_arguments() -> None:
    with pytest.raises(DateOutOfRangeError) as info:
        DEFAULT.named_closed_days(date(2024, 1, 1), date(2201, 1, 1))
    assert info.value.field == "b"
    with pytest.raises(InputTypeError) as type_info:
        DEFAULT.named_closed_days(datetime(2024, 1, 1), date(2024, 2, 1))
    assert type_info.value.field == "a"


# -- n == 0, negative n, closed starts ------------------------------------------------


def test_zero_returns_the_start_even_when_closed() -> None:
    assert DEFAULT.add_working_days(date(2024, 3, 22), 0) == date(2024, 3, 22)  # Friday
    assert DEFAULT.add_working_days(date(2024, 3, 23), 0) == date(2024, 3, 23)  # Saturday
    assert DEFAULT.add_working_days(date(2024, 3, 29), 0) == date(2024, 3, 29)  # langfredag


def test_forward_from_a_closed_start() -> None:
    # Sat 23 Mar 2024 + 1 = Mon 25 Mar; Sun 24 Mar + 1 = Mon 25 Mar.
    assert DEFAULT.add_working_days(date(2024, 3, 23), 1) == date(2024, 3, 25)
    assert DEFAULT.add_working_days(date(2024, 3, 24), 1) == date(2024, 3, 25)
    # Sat 30 Mar + 1: Monday 1 Apr is 2. påskedag -> Tue 2 Apr.
    assert DEFAULT.add_working_days(date(2024, 3, 30), 1) == date(2024, 4, 2)
    # Langfredag 29 Mar + 2: Tue 2 Apr (1), Wed 3 Apr (2).
    assert DEFAULT.add_working_days(date(2024, 3, 29), 2) == date(2024, 4, 3)


def test_backward() -> None:
    # Mon 25 Mar 2024 - 1 = Fri 22 Mar; - 5 = Mon 18 Mar.
    assert DEFAULT.add_working_days(date(2024, 3, 25), -1) == date(2024, 3, 22)
    assert DEFAULT.add_working_days(date(2024, 3, 25), -5) == date(2024, 3, 18)
    # From a closed day, the first working day before it is step 1:
    # Sat 23 Mar - 1 = Fri 22 Mar.
    assert DEFAULT.add_working_days(date(2024, 3, 23), -1) == date(2024, 3, 22)
    # Mon 1 Apr (2. påskedag) - 1: [Sun 31, Sat 30, Fri 29, Thu 28] -> Wed 27 Mar.
    assert DEFAULT.add_working_days(date(2024, 4, 1), -1) == date(2024, 3, 27)
    # Tue 2 Apr - 1 is Wed 27 Mar too.
    assert DEFAULT.add_working_days(date(2024, 4, 2), -1) == date(2024, 3, 27)


def test_roll_forward_and_backward() -> None:
    # A working day stays put.
    assert DEFAULT.roll_forward(date(2024, 3, 22)) == date(2024, 3, 22)
    assert DEFAULT.roll_backward(date(2024, 3, 22)) == date(2024, 3, 22)
    # Langfredag 29 Mar 2024: forward over Sat, Sun, 2. påskedag -> Tue 2 Apr;
    # backward over skærtorsdag -> Wed 27 Mar.
    assert DEFAULT.roll_forward(date(2024, 3, 29)) == date(2024, 4, 2)
    assert DEFAULT.roll_backward(date(2024, 3, 29)) == date(2024, 3, 27)
    # Juleaftensdag 2024 (Tue) for a citizen: forward -> Fri 27 Dec; backward -> Mon 23 Dec.
    assert CITIZEN.roll_forward(date(2024, 12, 24)) == date(2024, 12, 27)
    assert CITIZEN.roll_backward(date(2024, 12, 24)) == date(2024, 12, 23)


# -- working_days_between -------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (date(2024, 3, 22), date(2024, 3, 25), 1),  # Fri -> next Mon: only Mon counts
        (date(2024, 3, 18), date(2024, 3, 22), 4),  # Mon -> Fri: Tue, Wed, Thu, Fri
        (date(2024, 3, 22), date(2024, 3, 22), 0),  # a == b
        (date(2024, 3, 23), date(2024, 3, 23), 0),  # a == b on a closed day
        (date(2024, 3, 22), date(2024, 3, 23), 0),  # Fri -> Sat: Sat is closed
        (date(2024, 3, 23), date(2024, 3, 24), 0),  # Sat -> Sun
        (date(2024, 3, 23), date(2024, 3, 25), 1),  # Sat -> Mon
        (date(2024, 3, 21), date(2024, 3, 22), 1),  # Thu -> Fri
        (date(2024, 3, 25), date(2024, 3, 22), -1),  # reversed: minus the count of (Fri, Mon]
        (date(2024, 3, 22), date(2024, 3, 18), -4),  # reversed Mon -> Fri
    ],
)
def test_working_days_between(a: date, b: date, expected: int) -> None:
    assert DEFAULT.working_days_between(a, b) == expected


# -- batches --------------------------------------------------------------------------


def test_add_working_days_many() -> None:
    starts = [date(2024, 3, 22), date(2024, 3, 23), date(2024, 12, 23), date(2024, 3, 29)]
    # Same n for all: Fri 22 Mar + 6 = Thu 4 Apr; Sat 23 Mar + 6: Mon 25 (1), 26 (2),
    # 27 (3), Tue 2 Apr (4), 3 (5), 4 (6); Mon 23 Dec + 6: 24, 27, 30, 31, 2 Jan, 3 Jan;
    # langfredag 29 Mar + 6: 2, 3, 4, 5, 8, 9 Apr.
    expected = [date(2024, 4, 4), date(2024, 4, 4), date(2025, 1, 3), date(2024, 4, 9)]
    assert DEFAULT.add_working_days_many(starts, 6) == expected
    assert DEFAULT.add_working_days_many(starts, 6) == [
        DEFAULT.add_working_days(d, 6) for d in starts
    ]
    # One n per date, from a generator too.
    counts = [1, -1, 0, 2]
    assert DEFAULT.add_working_days_many(iter(starts), iter(counts)) == [
        date(2024, 3, 25),  # Fri 22 Mar + 1 = Mon 25 Mar
        date(2024, 3, 22),  # Sat 23 Mar - 1 = Fri 22 Mar
        date(2024, 12, 23),  # n == 0
        date(2024, 4, 3),  # langfredag + 2 = Wed 3 Apr
    ]
    assert DEFAULT.add_working_days_many(starts, counts) == [
        DEFAULT.add_working_days(d, k) for d, k in zip(starts, counts, strict=True)
    ]
    assert CITIZEN.add_working_days_many(starts, counts) == [
        CITIZEN.add_working_days(d, k) for d, k in zip(starts, counts, strict=True)
    ]
    assert DEFAULT.add_working_days_many([], 3) == []
    assert DEFAULT.add_working_days_many([], []) == []


def test_working_days_between_many() -> None:
    starts = [date(2024, 3, 22), date(2024, 3, 18), date(2024, 3, 22), date(2024, 12, 20)]
    ends = [date(2024, 3, 25), date(2024, 3, 22), date(2024, 3, 18), date(2025, 1, 3)]
    assert DEFAULT.working_days_between_many(starts, ends) == [1, 4, -4, 7]
    assert CITIZEN.working_days_between_many(iter(starts), iter(ends)) == [1, 4, -4, 5]
    assert DEFAULT.working_days_between_many(starts, ends) == [
        DEFAULT.working_days_between(a, b) for a, b in zip(starts, ends, strict=True)
    ]
    assert DEFAULT.working_days_between_many([], []) == []


def test_batches_check_lengths() -> None:
    two = [date(2024, 3, 22), date(2024, 3, 25)]
    with pytest.raises(ValueError):
        DEFAULT.add_working_days_many(two, [1])
    with pytest.raises(ValueError):
        DEFAULT.add_working_days_many(two, [1, 2, 3])
    with pytest.raises(ValueError):
        DEFAULT.working_days_between_many(two, two[:1])
    with pytest.raises(ValueError):
        DEFAULT.working_days_between_many(two[:1], two)


def test_batches_raise_what_the_scalar_forms_raise() -> None:
    # The batch docstring promises "the same answers and errors as the scalar form".
    with pytest.raises(DateOutOfRangeError):
        DEFAULT.add_working_days_many([date(2024, 3, 22), date(1899, 12, 29)], 1)
    with pytest.raises(DateOutOfRangeError):
        DEFAULT.add_working_days_many([date(2200, 12, 30)], 5)
    with pytest.raises(InputTypeError):
        DEFAULT.add_working_days_many([datetime(2024, 3, 22, 9, 0)], 1)
    with pytest.raises(InputTypeError):
        DEFAULT.add_working_days_many([date(2024, 3, 22)], [1.0])  # type: ignore[list-item]
    with pytest.raises(InputTypeError):
        DEFAULT.add_working_days_many([date(2024, 3, 22)], [True])
    with pytest.raises(DateOutOfRangeError):
        DEFAULT.working_days_between_many([date(2024, 3, 22)], [date(2201, 1, 1)])
    with pytest.raises(InputTypeError):
        DEFAULT.working_days_between_many([datetime(2024, 3, 22, 9, 0)], [date(2024, 3, 25)])


@pytest.mark.parametrize("n", [True, 1.0])
def test_batch_with_a_scalar_non_int_n_raises_input_type_error(n: object) -> None:
    # add_working_days(d, True) and add_working_days(d, 1.0) raise InputTypeError; the batch
    # form with the same single n should too.
    with pytest.raises(InputTypeError):
        DEFAULT.add_working_days(date(2024, 3, 22), n)  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        DEFAULT.add_working_days_many([date(2024, 3, 22)], n)  # type: ignore[arg-type]


# -- range and errors -----------------------------------------------------------------


def test_range_edges_are_supported() -> None:
    assert date(1900, 1, 1) == frister.calendar.FIRST_SUPPORTED
    assert date(2200, 12, 31) == frister.calendar.LAST_SUPPORTED
    # Mon 1 Jan 1900 is nytårsdag; Tue 2 Jan 1900 the first working day.
    assert not DEFAULT.is_working_day(date(1900, 1, 1))
    assert DEFAULT.add_working_days(date(1900, 1, 1), 1) == date(1900, 1, 2)
    assert DEFAULT.roll_forward(date(1900, 1, 1)) == date(1900, 1, 2)
    # Wed 31 Dec 2200 is a working day (not a helligdag); Tue 30 Dec + 1 reaches it.
    assert DEFAULT.is_working_day(date(2200, 12, 31))
    assert DEFAULT.add_working_days(date(2200, 12, 30), 1) == date(2200, 12, 31)
    assert DEFAULT.roll_forward(date(2200, 12, 31)) == date(2200, 12, 31)
    assert DEFAULT.holidays(1900)[date(1900, 1, 1)] == "Nytårsdag"


def test_helligdage_of_the_last_supported_year() -> None:
    # Easter 2200 by Meeus/Jones/Butcher, by hand: a = 15, b = 22, c = 0, d = 5, e = 2,
    # f = 1, g = 7, h = 310 % 30 = 10, i = k = 0, l = 26 % 7 = 5, m = 0,
    # 10 + 5 + 114 = 129 = 4 * 31 + 5 -> 6 April. (1 Jan 2200 is a Wednesday: 200 years
    # from Sat 1 Jan 2000 with 49 leap days is 73049 days = 4 mod 7; 6 Apr is day 95,
    # 95 = 4 mod 7, so a Sunday.) E-3, E-2, E+1 -> 3, 4, 7 Apr; E+39 -> 15 May;
    # E+49, E+50 -> 25, 26 May. 25 Dec 2200 is a Thursday (31 Dec is a Wednesday).
    assert dict(DEFAULT.holidays(2200)) == {
        date(2200, 1, 1): "Nytårsdag",
        date(2200, 4, 3): "Skærtorsdag",
        date(2200, 4, 4): "Langfredag",
        date(2200, 4, 6): "Påskedag",
        date(2200, 4, 7): "Anden påskedag",
        date(2200, 5, 15): "Kristi himmelfartsdag",
        date(2200, 5, 25): "Pinsedag",
        date(2200, 5, 26): "Anden pinsedag",
        date(2200, 12, 25): "Juledag",
        date(2200, 12, 26): "Anden juledag",
    }
    assert not DEFAULT.is_working_day(date(2200, 12, 25))
    # Wed 24 Dec 2200 + 1: [Thu 25 juledag, Fri 26 2. juledag, Sat 27, Sun 28] -> Mon 29.
    assert DEFAULT.add_working_days(date(2200, 12, 24), 1) == date(2200, 12, 29)
    # Easter week 2200: Wed 2 Apr + 1: [Thu 3, Fri 4, Sat 5, Sun 6, Mon 7] -> Tue 8 Apr.
    assert DEFAULT.add_working_days(date(2200, 4, 2), 1) == date(2200, 4, 8)


@pytest.mark.parametrize("day", [date(1899, 12, 31), date(2201, 1, 1), date(1, 1, 1)])
def test_dates_outside_the_range_raise(day: date) -> None:
    with pytest.raises(DateOutOfRangeError) as info:
        DEFAULT.is_working_day(day)
    error = info.value
    assert isinstance(error, FristerError)
    assert isinstance(error, ValueError)
    assert isinstance(error, InputError)
    assert error.field == "d"
    assert error.value == day
    message = str(error)
    assert message.startswith("d=")
    assert day.isoformat() in message  # dates are shown as people write them
    assert "1900-01-01..2200-12-31" in message
    for call in (
        lambda: DEFAULT.add_working_days(day, 1),
        lambda: DEFAULT.add_working_days(day, 0),
        lambda: DEFAULT.roll_forward(day),
        lambda: DEFAULT.roll_backward(day),
        lambda: DEFAULT.closed_day(day),
    ):
        with pytest.raises(DateOutOfRangeError):
            call()


def test_working_days_between_names_the_field() -> None:
    with pytest.raises(DateOutOfRangeError) as info:
        DEFAULT.working_days_between(date(1899, 12, 31), date(2024, 1, 1))
    assert info.value.field == "a"
    with pytest.raises(DateOutOfRangeError) as info:
        DEFAULT.working_days_between(date(2024, 1, 1), date(2201, 1, 1))
    assert info.value.field == "b"
    assert "b=" in str(info.value)


def test_results_pushed_outside_the_range_raise() -> None:
    # Tue 30 Dec 2200 + 2 would be in 2201 (+1 is Wed 31 Dec, the last supported day).
    for n in (2, 5):
        with pytest.raises(DateOutOfRangeError) as info:
            DEFAULT.add_working_days(date(2200, 12, 30), n)
        assert info.value.field == "result"
        assert "2200-12-30" in str(info.value)
    # Tue 2 Jan 1900 - 1: Mon 1 Jan 1900 is nytårsdag, and nothing earlier is supported.
    with pytest.raises(DateOutOfRangeError):
        DEFAULT.add_working_days(date(1900, 1, 2), -1)
    with pytest.raises(DateOutOfRangeError):
        DEFAULT.roll_backward(date(1900, 1, 1))
    # For a citizen, Wed 31 Dec 2200 is nytårsaftensdag: no next working day in range.
    with pytest.raises(DateOutOfRangeError):
        CITIZEN.roll_forward(date(2200, 12, 31))
    with pytest.raises(DateOutOfRangeError):
        CITIZEN.add_working_days(date(2200, 12, 30), 1)


@pytest.mark.parametrize(
    "call",
    [
        DEFAULT.is_working_day,
        DEFAULT.closed_day,
        lambda d: DEFAULT.add_working_days(d, 1),
        lambda d: DEFAULT.add_working_days(d, 0),
        DEFAULT.roll_forward,
        DEFAULT.roll_backward,
        lambda d: DEFAULT.working_days_between(d, date(2024, 4, 1)),
        lambda d: DEFAULT.working_days_between(date(2024, 3, 1), d),
    ],
)
@pytest.mark.parametrize("value", [datetime(2024, 3, 22, 9, 30), "2024-03-22", None, 738967])
def test_non_dates_raise_input_type_error(call: Callable[[Any], object], value: object) -> None:
    with pytest.raises(InputTypeError) as info:
        call(value)
    error = info.value
    assert isinstance(error, TypeError)
    assert isinstance(error, ValueError)
    assert isinstance(error, FristerError)
    assert error.value is value
    assert str(error).startswith(f"{error.field}=")
    if isinstance(value, datetime):
        assert ".date()" in str(error)


@pytest.mark.parametrize("n", [1.0, 1.5, "1", None, True, False])
def test_non_int_n_raises_input_type_error(n: object) -> None:
    # bool is a subclass of int, but frister checks `type(n) is not int`: True is refused.
    with pytest.raises(InputTypeError) as info:
        DEFAULT.add_working_days(date(2024, 3, 22), n)  # type: ignore[arg-type]
    assert info.value.field == "n"


@pytest.mark.parametrize("year", [1899, 2201, -1])
def test_holidays_outside_the_range_raise(year: int) -> None:
    with pytest.raises(DateOutOfRangeError) as info:
        DEFAULT.holidays(year)
    assert info.value.field == "year"
    assert str(year) in str(info.value)


@pytest.mark.parametrize("year", [2024.0, "2024", True])
def test_holidays_needs_an_int_year(year: object) -> None:
    with pytest.raises(InputTypeError):
        DEFAULT.holidays(year)  # type: ignore[arg-type]


def test_batch_between_names_a_date_outside_the_range_whichever_end_it_is() -> None:
    # The fast path looks dates up by ordinal; one before 1900 or after 2200 must still be
    # refused by name, not answered from the padding or the end of the table.
    ok = date(2024, 3, 22)
    with pytest.raises(DateOutOfRangeError, match="starts"):
        DEFAULT.working_days_between_many([ok, date(1899, 12, 29)], [ok, ok])
    with pytest.raises(DateOutOfRangeError, match="ends"):
        DEFAULT.working_days_between_many([ok, ok], [ok, date(2201, 1, 2)])
    with pytest.raises(InputTypeError):
        DEFAULT.working_days_between_many([datetime(2024, 3, 22, 9)], [ok])
    # Fri 22 Mar 2024 to Thu 4 Apr 2024: 25, 26, 27 Mar, 2, 3, 4 Apr (Easter skipped) = 6.
    assert DEFAULT.working_days_between_many([ok, ok], [date(2024, 4, 4), ok]) == [6, 0]
