"""`frister evaluate` on an event table: a status summary, the rows as text, JSON or CSV."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from frister.cli import main

EVENTS = """\
case_id,kind,at,underretning_id,underretter,indsats_id,type
K1,underretning.modtaget,2024-03-22T16:05:00+01:00,U1,fagperson,,
K1,underretning.kvitteret,2024-04-05,U1,,,
BAD,underretning.modtaget,2024-03-22T16:05:00,U2,fagperson,,
K2,indsats.iverksat,2024-02-01,,,I1,stoettende-indsats
K2,opfoelgning.gennemfoert,2024-04-30,,,I1,
"""
CASES = """\
case_id,caseworker,unit,foedselsdato,label.spor
K1,anna,nord,,underretning
K2,bo,syd,2012-05-01,
BAD,cy,syd,,
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    events, cases = tmp_path / "events.csv", tmp_path / "cases.csv"
    events.write_text(EVENTS, encoding="utf-8")
    cases.write_text(CASES, encoding="utf-8")
    return events, cases


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_text_summary_errors_and_rows(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]
) -> None:
    events, cases = files
    status, out, err = _run(
        capsys, "evaluate", str(events), "--cases", str(cases), "--as-of", "2024-09-30"
    )
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == (
        "Portefølje pr. man. 30. sep. 2024: 2 sager, 6 forpligtelser, 1 sager med fejl"
    )
    assert lines[1].split() == ["afventer", "3"]
    assert lines[3].split() == ["opfyldt", "for", "sent", "1"]
    assert "BAD: TableError:" in out and "row 4 column at='2024-03-22T16:05:00'" in out
    assert any(
        line.split() == ["K1", "underretning.kvittering", "2024-04-04", "opfyldt", "for", "sent"]
        for line in lines
    )
    assert any(
        line.split() == ["K1", "underretning.vurdering", "2024-03-23", "16:05", "overskredet"]
        for line in lines
    )
    assert any(
        line.split() == ["K2", "opfoelgning", "#2", "ingen", "frist", "afventer"] for line in lines
    )
    assert err == "frister: 1 sager kunne ikke evalueres\n"  # no bar: stderr is no terminal


def test_json_is_one_document_with_the_rows(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]
) -> None:
    events, cases = files
    status, out, _ = _run(
        capsys, "evaluate", str(events), "--cases", str(cases), "--as-of", "2024-09-30", "--json"
    )
    assert status == 0
    data = json.loads(out)
    assert data["as_of"] == "2024-09-30" and data["cases"] == 2
    assert data["summary"] == {"pending": 3, "met": 1, "met_late": 1, "overdue": 1, "ended": 0}
    assert [e["case_id"] for e in data["errors"]] == ["BAD"]
    assert len(data["rows"]) == 6
    kvittering = data["rows"][1]
    assert kvittering["rule_id"] == "underretning.kvittering"
    assert kvittering["due"] == "2024-04-04" and kvittering["status"] == "met_late"
    assert kvittering["labels"] == {"spor": "underretning"}
    assert {r["measure_id"] for r in data["rows"][3:]} == {"I1"}


def test_csv_out_and_two_workers(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], tmp_path: Path
) -> None:
    events, cases = files
    out_path = tmp_path / "rows.csv"
    status, out, _ = _run(
        capsys,
        "evaluate",
        str(events),
        "--cases",
        str(cases),
        "--as-of",
        "2024-09-30",
        "--csv",
        str(out_path),
        "--workers",
        "2",
        "--lang",
        "en",
    )
    assert status == 0
    assert out.startswith("Portfolio on Mon 30 Sep 2024: 2 cases, 6 obligations")
    assert "underretning.kvittering" not in out  # the rows went to the file
    with out_path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == 6
    assert list(rows[0])[:5] == ["case_id", "caseworker", "unit", "label.spor", "rule_id"]
    assert rows[1]["due"] == "2024-04-04" and rows[1]["status"] == "met_late"
    assert rows[1]["label.spor"] == "underretning" and rows[3]["label.spor"] == ""
    assert rows[3]["measure_id"] == "I1" and rows[0]["measure_id"] == ""


def test_a_malformed_table_exits_2_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    events = tmp_path / "events.jsonl"
    events.write_text('{"case_id": "A", "kind": "x", "at": "2024-01-01", "farve": "rød"}\n')
    status, _, err = _run(capsys, "evaluate", str(events), "--as-of", "2024-09-30", "--lang", "en")
    assert status == 2
    assert f"{events} row 1 column farve='farve': unknown column" in err


def test_table_options_are_refused_for_a_case_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    case = tmp_path / "case.json"
    case.write_text('{"events": []}', encoding="utf-8")
    status, _, err = _run(
        capsys, "evaluate", str(case), "--as-of", "2024-09-30", "--cases", "c.csv", "--lang", "en"
    )
    assert status == 2 and "--cases='c.csv': only for an event table" in err
    status, _, err = _run(capsys, "evaluate", str(case), "--as-of", "2024-09-30", "--workers", "2")
    assert status == 2 and "--workers=2" in err
    status, out, _ = _run(capsys, "evaluate", str(case), "--as-of", "2024-09-30", "--json")
    assert status == 0 and json.loads(out)["obligations"] == []
