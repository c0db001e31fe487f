"""The embedder's rough edges (issue 9): version, JSON metadata, --rules, Danish errors,
the shape legend, the calendar heading, and output piped into head."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import frister
from frister.cli import main

ROOT = Path(__file__).parent.parent

PACK = """
[pack]
key = "koege"
name = "Køge Kommune"
text = "Sagsbehandlingsfrister"

[durations."sagsbehandlingsfrist"]
fact = "event.omraade"
values = { "handicap-merudgifter" = "8 uger" }
"""


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_the_version_is_printed_and_importable(capsys: pytest.CaptureFixture[str]) -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", frister.__version__)
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"frister {frister.__version__}\n"


def test_due_and_evaluate_load_a_municipal_pack(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pack = tmp_path / "kommune.toml"
    pack.write_text(PACK, encoding="utf-8")
    # Without the pack the law leaves the length open: no date (exit 2, named).
    status, _, err = _run(
        capsys,
        "due",
        "sagsbehandlingsfrist",
        "2024-03-22",
        "--fact",
        "omraade=handicap-merudgifter",
    )
    assert status == 2 and "sagsbehandlingsfrist" in err
    # Fri 22 Mar 2024 + 8 uger: Fri 17 May 2024.
    args = ["sagsbehandlingsfrist", "2024-03-22", "--fact", "omraade=handicap-merudgifter"]
    status, out, _ = _run(capsys, "due", *args, "--rules", str(pack), "--json")
    assert status == 0
    data = json.loads(out)
    assert data["due"] == "2024-05-17"
    assert data["catalog"]["files"][-1] == "kommune.toml"
    assert data["catalog"]["fingerprint"] != frister.default_catalog().fingerprint
    case = tmp_path / "case.json"
    case.write_text(
        json.dumps(
            {
                "events": [
                    {
                        "kind": "ansoegning.modtaget",
                        "at": "2024-03-22",
                        "facts": {"ansoegning_id": "S1", "omraade": "handicap-merudgifter"},
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    status, out, _ = _run(
        capsys, "evaluate", str(case), "--as-of", "2024-04-01", "--rules", str(pack), "--json"
    )
    assert status == 0
    (ob,) = [o for o in json.loads(out)["obligations"] if o["rule_id"] == "sagsbehandlingsfrist"]
    assert ob["due"] == "2024-05-17"
    status, _, err = _run(
        capsys, "evaluate", str(case), "--as-of", "2024-04-01", "--rules", "nope.toml"
    )
    assert status == 2 and "--rules='nope.toml'" in err


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ('{"evnets": []}', "case.evnets=[]: unknown key; did you mean 'events'"),
        ('{"facts": {}}', "case.events=None"),
    ],
)
def test_a_case_file_with_a_wrong_top_level_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, field: str
) -> None:
    # Before: an empty table and exit status 0.
    case = tmp_path / "case.json"
    case.write_text(content, encoding="utf-8")
    status, out, err = _run(capsys, "evaluate", str(case), "--as-of", "2024-09-30", "--lang", "en")
    assert status == 2 and out == ""
    assert field in err


def test_every_json_document_carries_format_and_versions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    fingerprint = frister.default_catalog().fingerprint
    assert re.fullmatch(r"sha256:[0-9a-f]{16}", fingerprint)
    for args, with_catalog in [
        (["rules", "--json"], True),
        (["due", "underretning.kvittering", "2024-03-22", "--json"], True),
        (["calendar", "2024", "--json"], False),
        (["deadline", "2024-03-22", "6 hverdage", "--roll", "keep", "--json"], False),
    ]:
        status, out, _ = _run(capsys, *args)
        assert status == 0, args
        data = json.loads(out)
        assert data["format"] == 1 and data["frister"] == frister.__version__, args
        assert ("catalog" in data) == with_catalog, args
        if with_catalog:
            assert data["catalog"]["fingerprint"] == fingerprint


def test_errors_are_in_danish_with_lang_da(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, "due", "underretning.kvitering", "2024-03-22", "--lang", "da")
    assert status == 2
    assert "ingen sådan forpligtelse i kataloget; mente du underretning.kvittering" in err
    status, _, err = _run(capsys, "deadline", "2024-02-30", "6 hverdage", "--roll", "keep")
    assert status == 2
    assert (
        "trigger='2024-02-30': en ISO-dato for en dag, der ikke findes: 2024-02 har 29 dage" in err
    )
    status, _, err = _run(
        capsys, "deadline", "2024-02-30", "6 hverdage", "--roll", "keep", "--lang", "en"
    )
    assert "an ISO date of a day that does not exist: 2024-02 has 29 days" in err


def test_rules_shows_a_legend_of_the_shapes(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "rules", "--lang", "en")
    assert status == 0
    legend = out.split("\n\n")[0].splitlines()
    assert legend[0] == "Shapes:"
    assert "  [P] Must happen before an event" in legend
    assert len(legend) == 1 + 7
    status, out, _ = _run(capsys, "rules")
    assert "  [N] Ingen lovbestemt frist" in out


def test_the_calendar_heading_shows_no_python_repr(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "calendar", "2024", "--extra", "grundlovsdag")
    assert status == 0
    heading = out.splitlines()[0]
    assert heading == "Lukkede dage 2024 (weekender og helligdage, Grundlovsdag):"
    assert "DanishCalendar" not in out and "ExtraClosedDay" not in out
    status, out, _ = _run(capsys, "calendar", "2024", "--lang", "en")
    assert out.splitlines()[0] == "Closed days 2024 (weekends and public holidays):"


def test_output_piped_into_head_ends_without_a_traceback() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = f"{sys.executable} -m frister demo | head -n 1"
    done = subprocess.run(
        command, shell=True, capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert done.stdout.count("\n") == 1
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr
