"""The README's examples run, and the explanation it shows is what frister prints."""

import re
from pathlib import Path

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def test_python_examples_run_and_shown_explanation_matches() -> None:
    namespace: dict[str, object] = {}
    for block in _blocks("python"):
        exec(compile(block, "README.md", "exec"), namespace)
    deadline = namespace["dl"]
    (shown,) = _blocks("text")
    assert deadline.explain() == shown.rstrip("\n")  # type: ignore[attr-defined]


def test_readme_opens_with_the_two_commands() -> None:
    commands = _blocks("sh")[:2]
    assert commands[0].strip().endswith("frister demo")
    assert commands[1].strip().endswith("pytest")
