"""Durations as law and people write them: "24 timer", "6 hverdage", "4 måneder", "3 months"."""

from __future__ import annotations

import enum
import re
from typing import Final

import attrs

from frister.calendar._dates import Language
from frister.errors import DurationError

MAX_AMOUNT: Final = 1_000_000
"""Larger amounts cannot stay inside the supported calendar range in any unit."""


class Unit(enum.Enum):
    """The units Danish deadlines are counted in, with their Danish and English words."""

    HOURS = ("time", "timer", "hour", "hours")
    DAYS = ("dag", "dage", "day", "days")
    WORKING_DAYS = ("hverdag", "hverdage", "working day", "working days")
    WEEKS = ("uge", "uger", "week", "weeks")
    MONTHS = ("måned", "måneder", "month", "months")
    YEARS = ("år", "år", "year", "years")

    def __init__(self, da_one: str, da_many: str, en_one: str, en_many: str) -> None:
        self._words = {"da": (da_one, da_many), "en": (en_one, en_many)}

    def word(self, amount: int, lang: Language) -> str:
        """The unit's word for ``amount`` in ``lang``: 'hverdag' / 'hverdage'."""
        one, many = self._words[lang]
        return one if amount == 1 else many

    def __repr__(self) -> str:
        return f"Unit.{self.name}"


def _check_amount(instance: Duration, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int:
        raise DurationError(attribute.name, value, "expected a whole number")
    if not 0 <= value <= MAX_AMOUNT:
        raise DurationError(attribute.name, value, f"must be between 0 and {MAX_AMOUNT}")


def _check_unit(instance: Duration, attribute: attrs.Attribute[Unit], value: Unit) -> None:
    if not isinstance(value, Unit):
        raise DurationError(attribute.name, value, "expected a frister.Unit")


@attrs.frozen(repr=False)
class Duration:
    """A non-negative amount of one unit; the direction belongs to the computation.

    ``wording`` keeps the text the statute used ("7 arbejdsdage") for explanations;
    it does not take part in equality: "7 arbejdsdage" and "7 hverdage" count alike.
    """

    amount: int = attrs.field(validator=_check_amount)
    unit: Unit = attrs.field(validator=_check_unit)
    wording: str | None = attrs.field(default=None, eq=False)

    def describe(self, lang: Language) -> str:
        """'6 hverdage' / '6 working days', or the statute's own wording in Danish."""
        if lang == "da" and self.wording is not None:
            return self.wording
        return f"{self.amount} {self.unit.word(self.amount, lang)}"

    def __repr__(self) -> str:
        return f"Duration({self.describe('da')!r})"

    def __str__(self) -> str:
        return self.describe("da")


_UNIT_WORDS: Final[dict[str, Unit]] = {
    **dict.fromkeys(("time", "timer", "hour", "hours"), Unit.HOURS),
    **dict.fromkeys(
        (
            "dag",
            "dage",
            "day",
            "days",
            "kalenderdag",
            "kalenderdage",
            "calendar day",
            "calendar days",
        ),
        Unit.DAYS,
    ),
    **dict.fromkeys(
        (
            "hverdag",
            "hverdage",
            "arbejdsdag",
            "arbejdsdage",
            "working day",
            "working days",
            "business day",
            "business days",
        ),
        Unit.WORKING_DAYS,
    ),
    **dict.fromkeys(("uge", "uger", "week", "weeks"), Unit.WEEKS),
    **dict.fromkeys(("måned", "måneder", "maaned", "maaneder", "month", "months"), Unit.MONTHS),
    **dict.fromkeys(("år", "aar", "year", "years"), Unit.YEARS),
}

_DANISH_UNIT_WORDS: Final = frozenset(
    (
        "time",
        "timer",
        "dag",
        "dage",
        "kalenderdag",
        "kalenderdage",
        "hverdag",
        "hverdage",
        "arbejdsdag",
        "arbejdsdage",
        "uge",
        "uger",
        "måned",
        "måneder",
        "maaned",
        "maaneder",
        "år",
        "aar",
    )
)

_NUMBER_WORDS: Final[dict[str, int]] = {
    **{
        word: i
        for i, word in enumerate(
            (
                "nul",
                "en",
                "to",
                "tre",
                "fire",
                "fem",
                "seks",
                "syv",
                "otte",
                "ni",
                "ti",
                "elleve",
                "tolv",
            )
        )
    },
    **{
        word: i
        for i, word in enumerate(
            (
                "zero",
                "one",
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten",
                "eleven",
                "twelve",
            )
        )
    },
    "et": 1,
    "én": 1,
    "ét": 1,
    "a": 1,
    "an": 1,
}

_PATTERN: Final = re.compile(r"\s*(?P<amount>\S+)\s+(?P<unit>[^\d\s].*?)\s*", re.IGNORECASE)


def parse_duration(text: str) -> Duration:
    """Read "24 timer", "6 hverdage", "7 arbejdsdage", "4 måneder", "1 år", "3 months".

    Digits or the number words up to twelve ("seks hverdage", "two weeks"); case
    and surrounding spaces do not matter. Anything else raises DurationError
    naming the text. Danish text is kept as the duration's wording.
    """
    if not isinstance(text, str):
        raise DurationError("duration", text, "expected a text such as '6 hverdage'")
    match = _PATTERN.fullmatch(text)
    if match is None:
        raise DurationError(
            "duration", text, "expected '<number> <unit>', e.g. '6 hverdage' or '4 måneder'"
        )
    amount_text = match["amount"].lower()
    unit_text = " ".join(match["unit"].lower().split())
    if amount_text.isascii() and amount_text.isdigit():
        amount = int(amount_text)
    elif amount_text in _NUMBER_WORDS:
        amount = _NUMBER_WORDS[amount_text]
    elif amount_text[:1] in "-−" and amount_text[1:].isascii() and amount_text[1:].isdigit():
        raise DurationError(
            "duration",
            text,
            "a duration is never negative; to count backwards from the anchor, "
            "give the positive duration with direction=Direction.BEFORE "
            '(in a rule file: direction = "before")',
        )
    else:
        raise DurationError("duration", text, f"cannot read the number {match['amount']!r}")
    unit = _UNIT_WORDS.get(unit_text)
    if unit is None:
        known = ", ".join(sorted({u.word(2, "da") for u in Unit}))
        raise DurationError(
            "duration", text, f"unknown unit {match['unit']!r}; Danish units are {known}"
        )
    if amount > MAX_AMOUNT:
        raise DurationError("duration", text, f"the number must be at most {MAX_AMOUNT}")
    wording = f"{amount_text} {unit_text}" if unit_text in _DANISH_UNIT_WORDS else None
    return Duration(amount, unit, wording=wording)
