"""The errors frister raises on purpose, all rooted in :class:`FristerError`.

Every input error names the offending field and value, so a case system can
show the message to the person who typed the value.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any


class FristerError(Exception):
    """Root of every error frister raises on purpose."""


class InputError(FristerError, ValueError):
    """A value handed to frister is not acceptable; names the field and the value."""

    def __init__(self, field: str, value: object, problem: str) -> None:
        self.field = field
        self.value = value
        self.problem = problem
        super().__init__(f"{field}={_show(value)}: {problem}")


def did_you_mean(value: object, known: Iterable[str]) -> str:
    """'; did you mean 'anbringelse-uden-samtykke'?' for the closest known values, or ''."""
    import difflib  # noqa: PLC0415 - only when an error happens

    close = difflib.get_close_matches(str(value), list(known), n=3, cutoff=0.6)
    return f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""


def _show(value: object) -> str:
    """Dates as people write them (2024-03-22), everything else as its repr."""
    if isinstance(value, date):
        return value.isoformat()
    return repr(value)


class InputTypeError(InputError, TypeError):
    """A value of the wrong type (a datetime where a date is meant, a str for an int)."""


class NaiveDatetimeError(InputTypeError):
    """A datetime without a time zone where the time zone decides the answer."""


class NonexistentTimeError(InputError):
    """A local time the clocks skipped (the hour summer time began), never silently shifted."""


class DateOutOfRangeError(InputError):
    """A date (given or computed) outside the range frister's calendar supports."""


class DurationError(InputError):
    """A duration that cannot be read or cannot exist (negative, unknown unit)."""


class NonexistentDateError(InputError):
    """Month arithmetic reached a day that does not exist and the rounding refuses to guess."""


class DataFileError(FristerError):
    """A bundled or user-supplied data file is malformed; names the file, entry and field."""

    def __init__(self, file: str, entry: str, field: str, problem: str) -> None:
        self.file = file
        self.entry = entry
        self.field = field
        self.problem = problem
        super().__init__(f"{file}: [{entry}] {field}: {problem}")


class UnknownRuleError(FristerError, KeyError):
    """An obligation id the catalog does not have; suggests the closest ids."""

    def __init__(self, rule_id: object, known: list[str]) -> None:
        import difflib  # noqa: PLC0415 - only when the error happens

        self.rule_id = rule_id
        close = difflib.get_close_matches(str(rule_id), known, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        self.message = f"rule_id={rule_id!r}: no such obligation in the catalog{hint}"
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class UnknownEventKindError(InputError):
    """An event kind that no loaded catalog declares."""


class FactError(InputError):
    """An event or case fact that is undeclared or of the wrong type."""


class ConditionsNotMetError(InputError):
    """``catalog.due``: the facts meet no version's conditions; ``unmet`` lists, for each
    version in force, the conditions that failed (version id, condition, fact it reads)."""

    def __init__(self, rule_id: str, facts: object, unmet: tuple[tuple[str, Any], ...]) -> None:
        self.rule_id = rule_id
        self.unmet = tuple((version, str(c.fact), c.describe("en")) for version, c in unmet)
        lines = [f"{version}: {text} (needs {fact})" for version, fact, text in self.unmet]
        problem = f"rule {rule_id!r} does not apply; unmet conditions: " + "; ".join(lines)
        super().__init__("facts", facts, problem)


class NoDeadlineError(FristerError):
    """The rule has no statutory duration (shape N) and none is configured."""
