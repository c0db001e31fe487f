"""Durations: reading "6 hverdage" and friends, validation, unit words and equality."""

from __future__ import annotations

import pytest

import frister
from frister import Duration, DurationError, Unit, parse_duration


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("24 timer", 24, Unit.HOURS),
        ("1 time", 1, Unit.HOURS),
        ("6 hverdage", 6, Unit.WORKING_DAYS),
        ("7 arbejdsdage", 7, Unit.WORKING_DAYS),
        ("4 måneder", 4, Unit.MONTHS),
        ("1 måned", 1, Unit.MONTHS),
        ("14 dage", 14, Unit.DAYS),
        ("14 kalenderdage", 14, Unit.DAYS),
        ("4 uger", 4, Unit.WEEKS),
        ("1 år", 1, Unit.YEARS),
        ("3 år", 3, Unit.YEARS),
        ("3 months", 3, Unit.MONTHS),
        ("2 weeks", 2, Unit.WEEKS),
        ("5 working days", 5, Unit.WORKING_DAYS),
        ("24 hours", 24, Unit.HOURS),
        ("1 year", 1, Unit.YEARS),
        ("seks hverdage", 6, Unit.WORKING_DAYS),
        ("en dag", 1, Unit.DAYS),
        ("et år", 1, Unit.YEARS),
        ("tolv måneder", 12, Unit.MONTHS),
        ("two weeks", 2, Unit.WEEKS),
        ("0 dage", 0, Unit.DAYS),
    ],
)
def test_parse_duration_reads_amount_and_unit(text: str, amount: int, unit: Unit) -> None:
    duration = parse_duration(text)
    assert duration.amount == amount
    assert duration.unit is unit


@pytest.mark.parametrize(
    "text",
    [
        "6 HVERDAGE",
        "6 Hverdage",
        "  6 hverdage  ",
        "6   hverdage",
        "\t6\nhverdage ",
        "SEKS hverdage",
    ],
)
def test_parse_duration_ignores_case_and_spaces(text: str) -> None:
    assert parse_duration(text) == Duration(6, Unit.WORKING_DAYS)


def test_spaces_in_wording_are_normalised() -> None:
    assert parse_duration("  6   hverdage ").describe("da") == "6 hverdage"


def test_arbejdsdage_counts_as_hverdage_but_keeps_its_wording() -> None:
    arbejdsdage = parse_duration("7 arbejdsdage")
    hverdage = parse_duration("7 hverdage")
    assert arbejdsdage == hverdage
    assert hash(arbejdsdage) == hash(hverdage)
    assert arbejdsdage.unit is Unit.WORKING_DAYS
    assert arbejdsdage.describe("da") == "7 arbejdsdage"
    assert hverdage.describe("da") == "7 hverdage"
    # English uses the unit's own word; the Danish statute's wording is Danish only.
    assert arbejdsdage.describe("en") == "7 working days"
    assert str(arbejdsdage) == "7 arbejdsdage"


def test_danish_text_keeps_wording_english_text_does_not() -> None:
    assert parse_duration("4 måneder").wording == "4 måneder"
    assert parse_duration("3 months").wording is None
    # English input is described in Danish with the unit's Danish word.
    assert parse_duration("3 months").describe("da") == "3 måneder"
    assert parse_duration("3 months").describe("en") == "3 months"


def test_duration_equality_ignores_wording() -> None:
    assert Duration(6, Unit.WORKING_DAYS, wording="seks hverdage") == Duration(6, Unit.WORKING_DAYS)
    assert Duration(6, Unit.WORKING_DAYS) != Duration(6, Unit.DAYS)
    assert Duration(6, Unit.DAYS) != Duration(7, Unit.DAYS)
    assert len({Duration(1, Unit.YEARS, wording="et år"), Duration(1, Unit.YEARS)}) == 1


def test_describe_without_wording() -> None:
    assert Duration(1, Unit.DAYS).describe("da") == "1 dag"
    assert Duration(2, Unit.DAYS).describe("da") == "2 dage"
    assert Duration(1, Unit.WORKING_DAYS).describe("en") == "1 working day"
    assert Duration(0, Unit.WEEKS).describe("en") == "0 weeks"
    assert repr(Duration(4, Unit.MONTHS)) == "Duration('4 måneder')"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "hverdage",
        "6",
        "6 fortnights",
        "-3 dage",
        "6.5 dage",
        "6,5 dage",
        "6hverdage",
        "seksten hverdage",
        "6 hverdage.",
        "6 hverdage 4 dage",
        "1e3 dage",
    ],
)
def test_malformed_text_raises_duration_error_naming_the_text(text: str) -> None:
    with pytest.raises(DurationError) as info:
        parse_duration(text)
    assert isinstance(info.value, frister.FristerError)
    assert isinstance(info.value, ValueError)
    assert info.value.field == "duration"
    assert info.value.value == text
    assert repr(text) in str(info.value)


@pytest.mark.parametrize("text", ["² dage", "6² dage", "½ dag"])
def test_unicode_digit_characters_raise_duration_error(text: str) -> None:
    # "²".isdigit() is True but int("²") fails: the text is still malformed and the
    # error must be frister's DurationError naming the text, not int()'s ValueError.
    with pytest.raises(DurationError) as info:
        parse_duration(text)
    assert info.value.field == "duration"
    assert repr(text) in str(info.value)


@pytest.mark.parametrize("value", [6, None, b"6 dage", Duration(6, Unit.DAYS)])
def test_non_text_raises_duration_error(value: object) -> None:
    with pytest.raises(DurationError) as info:
        parse_duration(value)  # type: ignore[arg-type]
    assert info.value.field == "duration"


def test_too_large_amount_in_text_raises_duration_error() -> None:
    with pytest.raises(DurationError, match="99999999"):
        parse_duration("99999999 dage")


@pytest.mark.parametrize("amount", [-1, 1.5, 6.0, True, "6", None, 1_000_001])
def test_invalid_amount_raises_naming_amount(amount: object) -> None:
    with pytest.raises(DurationError) as info:
        Duration(amount, Unit.DAYS)  # type: ignore[arg-type]
    assert info.value.field == "amount"
    assert "amount" in str(info.value)
    assert isinstance(info.value, ValueError)


def test_amount_limits_are_inclusive() -> None:
    assert Duration(0, Unit.DAYS).amount == 0
    assert Duration(1_000_000, Unit.DAYS).amount == 1_000_000


@pytest.mark.parametrize("unit", ["dage", None, 3])
def test_invalid_unit_raises_naming_unit(unit: object) -> None:
    with pytest.raises(DurationError) as info:
        Duration(3, unit)  # type: ignore[arg-type]
    assert info.value.field == "unit"


@pytest.mark.parametrize(
    ("unit", "da_one", "da_many", "en_one", "en_many"),
    [
        (Unit.HOURS, "time", "timer", "hour", "hours"),
        (Unit.DAYS, "dag", "dage", "day", "days"),
        (Unit.WORKING_DAYS, "hverdag", "hverdage", "working day", "working days"),
        (Unit.WEEKS, "uge", "uger", "week", "weeks"),
        (Unit.MONTHS, "måned", "måneder", "month", "months"),
        (Unit.YEARS, "år", "år", "year", "years"),
    ],
)
def test_unit_words(unit: Unit, da_one: str, da_many: str, en_one: str, en_many: str) -> None:
    assert unit.word(1, "da") == da_one
    assert unit.word(2, "da") == da_many
    assert unit.word(0, "da") == da_many
    assert unit.word(1, "en") == en_one
    assert unit.word(2, "en") == en_many
    assert unit.word(0, "en") == en_many
    # Each word reads back as its unit.
    assert parse_duration(f"1 {da_one}").unit is unit
    assert parse_duration(f"2 {da_many}").unit is unit
    assert parse_duration(f"1 {en_one}").unit is unit
    assert parse_duration(f"2 {en_many}").unit is unit


def test_unit_repr() -> None:
    assert repr(Unit.WORKING_DAYS) == "Unit.WORKING_DAYS"
