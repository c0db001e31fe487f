"""The README's examples run, and the explanation it shows is what frister prints."""

import re
from datetime import date
from pathlib import Path

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def test_python_examples_run_and_shown_explanation_matches() -> None:
    namespace: dict[str, object] = {}
    for block in _blocks("python"):
        exec(compile(block, "README.md", "exec"), namespace)
    # The values the README's comments promise.
    kvittering = namespace["kvittering"]
    assert kvittering.due == date(2024, 4, 4)  # type: ignore[attr-defined]
    assert str(kvittering.version.citation) == "Barnets lov § 138, stk. 1"  # type: ignore[attr-defined]
    cal = namespace["cal"]
    assert cal.add_working_days(date(2024, 3, 22), 6) == date(2024, 4, 4)  # type: ignore[attr-defined]
    assert cal.is_working_day(date(2024, 4, 26))  # type: ignore[attr-defined]
    assert not cal.is_working_day(date(2023, 5, 5))  # type: ignore[attr-defined]
    statuses = {
        ob.rule_id: ob.status
        for ob in namespace["catalog"].evaluate(  # type: ignore[attr-defined]
            namespace["case"], date(2024, 6, 30)
        )
    }
    assert statuses["underretning.kvittering"] == "met_late"
    result = namespace["result"]
    assert not result.errors  # type: ignore[attr-defined]
    assert result.cases == 200  # type: ignore[attr-defined]
    assert sum(result.status_counts().values()) == len(result.rows) > 200  # type: ignore[attr-defined]
    klage = namespace["klage"]
    assert klage.safe_due == date(2025, 1, 2)  # type: ignore[attr-defined]
    assert dict(klage.readings) == {  # type: ignore[attr-defined]
        "lukkedage-borger/ogsaa-grundlovsdag-24-31-december": date(2025, 1, 2),
        "lukkedage-borger/kun-weekend-og-helligdage": date(2024, 12, 31),
    }
    deadline = namespace["dl"]
    (shown,) = _blocks("text")
    assert deadline.explain() == shown.rstrip("\n")  # type: ignore[attr-defined]


def test_readme_opens_with_the_two_commands() -> None:
    commands = _blocks("sh")[:2]
    assert commands[0].strip().endswith("frister demo")
    assert commands[1].strip().endswith("pytest")
