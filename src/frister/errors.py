"""The errors frister raises on purpose, all rooted in :class:`FristerError`.

Every input error names the offending field and value, so a case system can
show the message to the person who typed the value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any, Final, Self


class FristerError(Exception):
    """Root of every error frister raises on purpose.

    Errors pickle as the arguments they were made with, so a worker process (or a
    Dask worker) can hand them back, and a case a source could not read can travel.
    """

    _made_with: tuple[tuple[Any, ...], dict[str, Any]]

    def __new__(cls, *args: Any, **kwargs: Any) -> Self:
        error = super().__new__(cls, *args)
        error._made_with = (args, kwargs)
        return error

    def __reduce__(self) -> tuple[Any, ...]:
        args, kwargs = self._made_with
        return _remade, (type(self), args, kwargs), self.__dict__

    def in_language(self, lang: str) -> str:
        """The message in Danish (``"da"``) or English (``"en"``, as ``str(error)``).

        The field, the value and the file stay as given; the common wordings are
        translated, and a wording not yet translated is shown in English.
        """
        return translate(str(self)) if lang == "da" else str(self)


def _remade(kind: type[FristerError], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    return kind(*args, **kwargs)


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


class WorkerError(FristerError):
    """A worker process of a portfolio evaluation stopped before it finished its cases."""


class ConditionsNotMetError(InputError):
    """``catalog.due``: the facts meet no version's conditions; ``unmet`` lists, for each
    version in force, the conditions that failed (version id, condition, fact it reads)."""

    def __init__(self, rule_id: str, facts: object, unmet: tuple[tuple[str, Any], ...]) -> None:
        self.rule_id = rule_id
        self.unmet = tuple((version, str(c.fact), c.describe("en")) for version, c in unmet)
        lines = [f"{version}: {text} (needs {fact})" for version, fact, text in self.unmet]
        problem = (
            f"rule {rule_id!r} does not apply; unmet conditions: " + "; ".join(lines)
            if lines
            else f"rule {rule_id!r} does not apply: the facts meet no version's conditions"
        )
        super().__init__("facts", facts, problem)


class NoDeadlineError(FristerError):
    """The rule has no statutory duration (shape N) and none is configured."""


_DANISH: Final = (
    ("no such obligation in the catalog", "ingen sådan forpligtelse i kataloget"),
    ("did you mean", "mente du"),
    ("unknown event kind", "ukendt hændelsestype"),
    ("(the vocabulary is in catalog.events)", "(ordforrådet står i catalog.events)"),
    ("; its facts are", "; dens fakta er"),
    ("not a fact of", "ikke et faktum for"),
    ("can read", "kan læse"),
    ("not a fact", "ikke et faktum, som"),
    ("not a case fact", "ikke et sagsfaktum"),
    ("case facts are", "sagsfakta er"),
    ("expected one of", "forventede en af"),
    ("unknown key", "ukendt nøgle"),
    ("a case has", "en sag har"),
    (
        "missing: a case file needs a list of events",
        "mangler: en sagsfil skal have en liste af hændelser",
    ),
    (
        "naive datetime: give a time zone (e.g. Europe/Copenhagen) so the hour is unambiguous",
        "tidspunkt uden tidszone: angiv en tidszone (fx Europe/Copenhagen), så klokkeslættet "
        "er entydigt",
    ),
    (
        "not an ISO date (2024-03-22) or datetime (2024-03-22T16:05:00+01:00)",
        "ikke en ISO-dato (2024-03-22) eller et ISO-tidspunkt (2024-03-22T16:05:00+01:00)",
    ),
    ("an ISO date of a day that does not exist", "en ISO-dato for en dag, der ikke findes"),
    ("there is no month", "der er ingen måned"),
    (
        "the clocks were put forward over it (summer time began); give the time the clocks "
        "showed, or a UTC offset",
        "urene blev stillet frem over det (sommertiden begyndte); angiv det klokkeslæt, urene "
        "viste, eller en UTC-forskydning",
    ),
    ("does not exist in", "findes ikke i"),
    ("only for an event table", "kun for en hændelsestabel"),
    ("unknown column", "ukendt kolonne"),
    ("does not apply; unmet conditions:", "gælder ikke; uopfyldte betingelser:"),
    (
        "needs the time of day: give an aware datetime",
        "kræver et klokkeslæt: angiv et tidspunkt med tidszone",
    ),
    (
        "a duration is never negative; to count backwards from the anchor, give the positive "
        "duration with direction=Direction.BEFORE",
        "en varighed er aldrig negativ; for at regne baglæns fra udgangspunktet angives den "
        "positive varighed med direction=Direction.BEFORE",
    ),
    ("(in a rule file:", "(i en regelfil:"),
    ("expected name=value", "forventede navn=værdi"),
    ("unknown fact", "ukendt faktum"),
    ("cannot read the number", "kan ikke læse tallet"),
    ("unknown unit", "ukendt enhed"),
    ("outside the supported range", "uden for det understøttede interval"),
    ("expected an ISO date", "forventede en ISO-dato"),
    ("is not configurable", "kan ikke konfigureres"),
    ("no obligation", "ingen forpligtelse"),
)
_DAYS: Final = re.compile(r"(\d{4}-\d{2}) has (\d+) days")


def translate(message: str) -> str:
    """The common wordings of an English message in Danish; the rest is left as it is."""
    for english, danish in _DANISH:
        message = message.replace(english, danish)
    return _DAYS.sub(r"\1 har \2 dage", message)
