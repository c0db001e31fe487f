"""The command line: demo, rules, due, evaluate, calendar and deadline, as text and JSON."""

import json
from datetime import date
from pathlib import Path

import pytest

import frister
from frister.cli import main

SAMPLES = Path(frister.__file__).parent / "data" / "samples"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_demo_shows_every_sample_case_with_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "demo")
    assert status == 0
    for path in SAMPLES.glob("*.json"):
        assert path.stem in out
    assert "Gældende regel: Barnets lov § 138, stk. 1" in out
    assert "opfyldt for sent" in out and "overskredet" in out and "afventer" in out


def test_demo_json_covers_every_core_obligation(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "demo", "--json", "--lang", "en")
    assert status == 0
    data = json.loads(out)
    assert data["format"] == 1 and data["frister"] == frister.__version__
    assert data["catalog"]["fingerprint"] == frister.default_catalog().fingerprint
    seen = {ob["rule_id"] for case in data["cases"] for ob in case["obligations"]}
    catalog = frister.default_catalog()
    # An obligation that arises only when a deadline whose length the law leaves to the
    # municipality is missed (RSL § 3 stk. 2 3. pkt.) needs a municipality's configuration,
    # which the bundled samples do not have; its tests and rule page use one.
    configured_only = {
        rule.id
        for rule in catalog.rules.values()
        if rule.parents
        and all(any(v.configurable for v in catalog.rules[p].versions) for p in rule.parents)
    }
    assert configured_only == {"sagsbehandlingsfrist.besked-ved-overskridelse"}
    # No bundled sample has a renewal after 3 years of placement (sample 03 renews after one
    # year, exempt under BL § 50 stk. 7 2. pkt.), nor a complaint whose reconsideration
    # misses its 4 weeks (BEK-RSL § 11 stk. 2: every sample complaint is reconsidered or
    # sent on in time), nor a committee's decision to place an unborn child (BL § 49: sample
    # 07 investigates without consent); the rules' tests and rule pages show them.
    not_in_samples = {
        "anbringelse-uden-samtykke.overvej-permanent",
        "klage.genvurdering.besked-ved-overskridelse",
        "anbringelse-uden-samtykke.ufoedt-tidligst",
    }
    assert seen == set(catalog.rules) - configured_only - not_in_samples
    assert all("readings" in ob for case in data["cases"] for ob in case["obligations"])


def test_due_prints_the_explained_deadline(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(
        capsys,
        "due",
        "underretning.kvittering",
        "2024-03-22",
        "--fact",
        "underretter=fagperson",
        "--json",
    )
    assert status == 0
    data = json.loads(out)
    assert data["due"] == "2024-04-04"
    assert data["citation"] == "Barnets lov § 138, stk. 1"


def test_evaluate_a_case_file(capsys: pytest.CaptureFixture[str]) -> None:
    case = SAMPLES / "06-forvaltningsret-klagefrist-jul-2024.json"
    status, out, _ = _run(capsys, "evaluate", str(case), "--as-of", "2025-01-31", "--json")
    assert status == 0
    data = json.loads(out)
    assert (data["format"], data["as_of"]) == (1, "2025-01-31")
    assert data["catalog"]["files"][:2] == ["obligations.toml", "events.toml"]
    klager = [ob for ob in data["obligations"] if ob["rule_id"] == "klage.klagefrist"]
    # Received digitally Tue 26 Nov 2024 + 4 uger = Tue 24 Dec (juleaftensdag, closed for a
    # citizen's deadline), 25 and 26 Dec helligdage → Fri 27 Dec 2024.
    assert any(ob["due"] == "2024-12-27" for ob in klager)


def test_rules_lists_every_obligation_with_its_versions(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "rules", "--json")
    assert status == 0
    data = json.loads(out)
    assert data["shapes"]["P"] == "Skal ske før en hændelse"
    rules = {rule["id"]: rule for rule in data["rules"]}
    assert len(rules) == 60  # the 29 core ids of catalog.md and 31 more of the research
    citations = [v["citation"] for v in rules["underretning.vurdering"]["versions"]]
    assert citations == [
        "Lov om social service (serviceloven) § 155, stk. 2",
        "Barnets lov § 136, stk. 2",
    ]


def test_bad_input_exits_2_naming_the_problem(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, "due", "underretning.kvitering", "2024-03-22", "--lang", "en")
    assert status == 2
    assert "did you mean underretning.kvittering" in err
    status, _, err = _run(
        capsys, "deadline", "2024-03-22T16:05", "24 timer", "--roll", "keep", "--lang", "en"
    )
    assert status == 2
    assert "naive datetime" in err


def test_calendar_and_deadline_commands(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "calendar", "2023", "--json")
    assert status == 0
    days = {d["date"]: d["name"] for d in json.loads(out)["closed_days"]}
    assert days["2023-05-05"] == "Store bededag"
    status, out, _ = _run(
        capsys, "deadline", "2024-11-26", "4 uger", "--roll", "forward", "--citizen", "--json"
    )
    assert json.loads(out)["due"] == date(2024, 12, 27).isoformat()
