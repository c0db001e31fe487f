"""A backwards plan for the child-welfare investigation: steps are configuration, never law."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from frister.calendar import DanishCalendar
from frister.catalog import Catalog
from frister.errors import DataFileError, InputError, InputTypeError
from frister.portfolio._mi_base import Tabular, as_day, shift

INVESTIGATION_RULE = "undersoegelse.afslutning"
_CAL = DanishCalendar()

PLAN_NOTE = {
    "da": (
        "Trinene og deres frister er kommunens konfiguration ({source}), ikke lov; "
        "loven fastsætter kun fristen for undersøgelsen."
    ),
    "en": (
        "The steps and their offsets are the municipality's configuration ({source}), "
        "not law; the law sets only the investigation's deadline."
    ),
}


@attrs.frozen
class PlanStep:
    """A step of the plan: its latest date is ``before`` before the investigation's due date."""

    id: str
    da: str
    en: str
    before: str
    """A duration text: '10 uger', '15 hverdage', '1 måned', '0 dage'."""

    def __attrs_post_init__(self) -> None:
        for name in ("id", "da", "en"):
            if not isinstance(getattr(self, name), str) or not getattr(self, name):
                raise InputError(f"step.{name}", getattr(self, name), "expected a non-empty text")
        shift(date(2000, 1, 1), self.before, -1, f"steps[{self.id}].before")


def default_steps() -> tuple[PlanStep, ...]:
    """The bundled example steps (frister/data/mi/investigation-plan.toml): configuration."""
    text = resources.files("frister").joinpath("data", "mi", "investigation-plan.toml")
    return _parse(text.read_text("utf-8"), "frister default (investigation-plan.toml)")


def load_steps(path: str | Path) -> tuple[PlanStep, ...]:
    """A municipality's own steps from a TOML file shaped like the default set."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as error:
        raise DataFileError(str(file), "file", "path", f"cannot be read: {error}") from None
    return _parse(text, str(file))


def _parse(text: str, source: str) -> tuple[PlanStep, ...]:
    try:
        entries = tomllib.loads(text).get("step")
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(source, "file", "toml", str(error)) from None
    if not isinstance(entries, list) or not entries:
        raise DataFileError(source, "file", "step", "expected [[step]] entries")
    steps = []
    for index, entry in enumerate(entries):
        name = str(entry.get("id", f"step {index + 1}"))
        values = {}
        for key in ("id", "da", "en", "before"):
            value = entry.get(key)
            if not isinstance(value, str):
                raise DataFileError(source, name, key, "expected a text")
            values[key] = value
        try:
            steps.append(PlanStep(**values))
        except InputError as error:
            raise DataFileError(source, name, error.field, error.problem) from None
    return tuple(steps)


@attrs.frozen
class PlannedStep:
    """A step's latest date; ``moved_from`` when it fell on a closed day; ``before_start`` flags."""

    step: PlanStep
    latest: date
    moved_from: date | None
    before_start: bool
    """True when the latest date lies before the day the municipality became aware: the
    step cannot be done in time under this plan."""


@attrs.frozen
class InvestigationPlan(Tabular):
    """The steps of an investigation planned backwards from its 4-month due date."""

    aware_on: date
    due: date
    practical_due: date
    version_id: str
    citation: str
    mark: str
    steps: tuple[PlannedStep, ...]
    source: str
    note: str
    lang: str = "da"

    @property
    def impossible(self) -> tuple[PlannedStep, ...]:
        """The steps whose latest date lies before the start."""
        return tuple(s for s in self.steps if s.before_start)

    def records(self) -> list[dict[str, Any]]:
        return [
            {
                "step": s.step.id,
                "name": s.step.da if self.lang == "da" else s.step.en,
                "before": s.step.before,
                "latest": s.latest,
                "moved_from": s.moved_from,
                "before_start": s.before_start,
            }
            for s in self.steps
        ]

    def columns(self) -> tuple[str, ...]:
        return ("step", "name", "before", "latest", "moved_from", "before_start")

    def meta(self) -> dict[str, Any]:
        return {
            "table": "investigation_plan",
            "aware_on": self.aware_on,
            "due": self.due,
            "practical_due": self.practical_due,
            "version_id": self.version_id,
            "citation": self.citation,
            "mark": self.mark,
            "steps_are_law": False,
            "steps_source": self.source,
            "note": self.note,
        }


def investigation_plan(
    catalog: Catalog,
    aware_on: date | datetime,
    steps: Sequence[PlanStep] | str | Path | None = None,
    *,
    facts: dict[str, Any] | None = None,
    lang: str = "da",
) -> InvestigationPlan:
    """Plan the child-welfare investigation backwards from its due date.

    ``aware_on`` is the day the municipality became aware of the concern (the
    trigger of ``undersoegelse.afslutning``). Each step's latest date is the
    practical due date (the legal due date, or the working day before it when
    the legal one is a closed day) minus the step's ``before``, moved to the
    previous working day when it is a closed day; a step that would fall
    before ``aware_on`` is flagged ``before_start``. ``steps`` are the
    municipality's configuration (default: the bundled example set, or a TOML
    file's path), never law.
    """
    if not isinstance(catalog, Catalog):
        raise InputTypeError("catalog", catalog, "expected a frister Catalog")
    if not isinstance(aware_on, date):
        raise InputTypeError("aware_on", aware_on, "expected a date or an aware datetime")
    if lang not in ("da", "en"):
        raise InputError("lang", lang, "expected 'da' or 'en'")
    if steps is None:
        chosen, source = default_steps(), "frister default (investigation-plan.toml)"
    elif isinstance(steps, str | Path):
        chosen, source = load_steps(steps), str(steps)
    elif isinstance(steps, Sequence) and all(isinstance(s, PlanStep) for s in steps):
        chosen, source = tuple(s for s in steps if isinstance(s, PlanStep)), "given"
    else:
        raise InputTypeError("steps", steps, "expected PlanStep objects or a TOML file's path")
    deadline = catalog.due(INVESTIGATION_RULE, aware_on, facts or {})
    due, practical = as_day(deadline.due), as_day(deadline.practical_due)
    start = as_day(aware_on)
    planned = []
    for step in chosen:
        day = shift(practical, step.before, -1, f"steps[{step.id}].before")
        latest = day
        while not _CAL.is_working_day(latest):
            latest -= timedelta(days=1)
        planned.append(PlannedStep(step, latest, day if latest != day else None, latest < start))
    version = deadline.version
    return InvestigationPlan(
        aware_on=start,
        due=due,
        practical_due=practical,
        version_id=version.id,
        citation=str(version.citation),
        mark=version.mark.value,
        steps=tuple(planned),
        source=source,
        note=PLAN_NOTE[lang].format(source=source),
        lang=lang,
    )
