"""The management report: HTML opened in headless Chromium, the workbook read back, the CLI.

Figures are those worked by hand in test_mi.py (2019Q2, as of 15 July 2019).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import frister
from browser import chromium, run_chromium
from frister.cli import main
from frister.errors import InputError
from frister.portfolio import (
    CaseRecord,
    MissingExtraError,
    Portfolio,
    evaluate_portfolio,
    write_portfolio,
)
from test_docs_build import require
from test_mi import RECORDS, RESULT


def test_report_json_holds_the_hand_worked_figures(tmp_path: Path) -> None:
    report = RESULT.report("2019Q2", baseline="2019Q1")
    data = json.loads(report.write(tmp_path / "r.json").read_text(encoding="utf-8"))
    assert (data["as_of"], data["period"]["label"], data["cases"]) == ("2019-07-15", "2019Q2", 13)
    stages = {row["stage"]: row for row in data["stage_table"]["rows"]}
    assert (stages["undersoegelse"]["met"], stages["undersoegelse"]["rate"]) == (3, 0.6)
    assert [p["period"] for p in data["trends"][0]["rows"]] == [
        "2018Q2",
        "2018Q3",
        "2018Q4",
        "2019Q1",
        "2019Q2",
    ]
    assert data["trends"][0]["baseline"]["label"] == "2019Q1"
    assert data["overdue"]["count"] == 6
    assert data["lawfulness"]["counts"] == {"green": 9, "yellow": 3, "red": 1}
    assert data["followup_sweep"]["window_is_law"] is False
    with pytest.raises(InputError) as error:
        report.write(tmp_path / "r.pdf")
    assert error.value.field == "out"


def test_html_report_in_chromium_has_its_charts_counts_and_marks(tmp_path: Path) -> None:
    browser = chromium()
    page = RESULT.report("2019Q2").write(tmp_path / "rapport.html")
    dumped = run_chromium(browser, tmp_path / "profile", "--dump-dom", page.as_uri())
    assert dumped.returncode == 0, dumped.stderr
    dom = dumped.stdout
    charts = re.findall(r'<svg class="chart" data-chart="(\w+)"', dom)
    assert charts == ["stages", "trend", "trend", "overdue", "lawfulness"]
    # The investigation's bar: 3 of 5 on time, in Danish.
    assert "60,0 % (3/5)" in dom
    assert "Opgjort pr. man. 15. jul. 2019" in dom
    assert "UNVERIFIED" in dom
    # Overdue per unit: nord 4 (C twice, N, K), syd 2 (S, E); the citizen's deadline apart.
    assert re.search(r">nord</text><rect[^>]*>.*?>4</text>", dom)
    assert "Borgerens egne frister" in dom and "ikke lov" in dom
    # Lawfulness per unit: nord 7 green, 1 yellow, 1 red.
    assert re.search(r"<td>nord</td><td[^>]*>7</td><td[^>]*>1</td><td[^>]*>1</td>", dom)
    english = RESULT.report("2019Q2", lang="en").to_html()
    assert "60.0 % (3/5)" in english and "Overdue deadlines per unit" in english
    shot = tmp_path / "rapport.png"
    ran = run_chromium(
        browser,
        tmp_path / "profile",
        f"--screenshot={shot}",
        "--window-size=1000,1400",
        page.as_uri(),
    )
    assert ran.returncode == 0, ran.stderr
    assert shot.stat().st_size > 20_000  # a blank page compresses to a few kilobytes


def test_excel_workbook_reads_back(tmp_path: Path) -> None:
    require(importlib.util.find_spec("openpyxl") is not None, "needs frister[excel] (openpyxl)")
    import openpyxl  # noqa: PLC0415 - the optional extra

    path = RESULT.report("2019Q2").write(tmp_path / "rapport.xlsx")
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames[0] == "om rapporten"
    assert "stadier" in book.sheetnames and "overskredne" in book.sheetnames
    stages = list(book["stadier"].iter_rows(values_only=True))
    header = stages[1]
    line = dict(zip(header, next(r for r in stages if r[0] == "undersoegelse"), strict=True))
    assert (line["met"], line["met_late"], line["overdue"], line["rate"]) == (3, 1, 1, 0.6)
    overdue = list(book["overskredne"].iter_rows(values_only=True))
    assert len(overdue) == 2 + 6
    assert (overdue[2][0], overdue[2][3], overdue[2][-1]) == ("C", "undersoegelse.afslutning", 76)


def test_excel_without_openpyxl_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingExtraError) as error:
        RESULT.report("2019Q2").write(tmp_path / "r.xlsx")
    assert error.value.extra == "excel"


def test_cli_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    events, cases = tmp_path / "events.csv", tmp_path / "cases.csv"
    write_portfolio(Portfolio(RECORDS), events, cases)
    out = tmp_path / "r.json"
    status = main(
        [
            "report",
            str(events),
            "--cases",
            str(cases),
            "--as-of",
            "2019-07-15",
            "--period",
            "2019Q2",
            "--out",
            str(out),
        ]
    )
    assert status == 0, capsys.readouterr().err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["lawfulness"]["counts"] == {"green": 9, "yellow": 3, "red": 1}
    assert "13 sager" in capsys.readouterr().out
    bad = main(
        ["report", str(events), "--as-of", "2019-07-15", "--period", "2019Q9", "--out", str(out)]
    )
    assert bad == 2
    assert "period" in capsys.readouterr().err


def test_cli_demo_portfolio(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "demo.html"
    assert main(["demo", "--portfolio", "--size", "150", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.count('<svg class="chart"') == 5 and "2026Q2" in text
    assert main(["demo", "--size", "10"]) == 2
    assert "--portfolio" in capsys.readouterr().err


def test_investigation_plan_is_on_the_top_namespace() -> None:
    assert frister.investigation_plan is frister.portfolio.investigation_plan


def test_excel_sheets_follow_the_language(tmp_path: Path) -> None:
    require(importlib.util.find_spec("openpyxl") is not None, "needs frister[excel] (openpyxl)")
    import openpyxl  # noqa: PLC0415 - the optional extra

    path = RESULT.report("2019Q2", lang="en").write(tmp_path / "report.xlsx")
    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    assert names == [
        "about",
        "stages",
        "trend undersoegelse.afslutning",
        "trend opfoelgning",
        "overdue",
        "upcoming",
        "no follow-up",
        "lawfulness",
    ]


def test_the_report_counts_links_taken_on_trust(tmp_path: Path) -> None:
    """Two notifications acknowledged: one acknowledgement names no notification (counted
    on trust), the other names its own. The 24-hour assessments are not done: 2 rows settled
    by an event, 1 of them on trust."""
    at = datetime(2024, 3, 22, 9, tzinfo=ZoneInfo("Europe/Copenhagen"))
    facts = {"underretning_id": "U1", "underretter": "borger"}

    def case(acknowledged: dict[str, str]) -> frister.Case:
        return frister.Case(
            [
                frister.Event("underretning.modtaget", at, facts),
                frister.Event("underretning.kvitteret", date(2024, 3, 26), acknowledged),
            ]
        )

    records = [CaseRecord("A", case({})), CaseRecord("B", case({"underretning_id": "U1"}))]
    result = evaluate_portfolio(frister.default_catalog(), Portfolio(records), date(2024, 5, 1))
    report = result.report("2024Q1")
    assert report.linked_on_trust == (1, 2)
    data = json.loads(report.write(tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["linked_on_trust"] == {"rows": 1, "of": 2}
    assert "antaget" in report.to_html() and ": 1 af 2." in report.to_html()
