"""The rule book generator: every rule has a page, every example recomputes, links resolve.

The pages are written once per module into a temporary folder; the examples' markers
(HTML comments) are read back and computed again with ``catalog.due`` or
``catalog.evaluate``, independently of the generator's own code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from itertools import pairwise
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest

import frister
from frister._docs import write_rule_book
from frister.catalog import Catalog
from frister.cli import main
from frister.deadlines import Mark, conventions
from frister.json import case_from_json
from frister.rules import FactType, RuleVersion
from rule_helpers import configured_catalog

CATALOG = frister.default_catalog()
COPENHAGEN = ZoneInfo("Europe/Copenhagen")
MARKER = re.compile(r"<!-- example (.*?) -->")
LINK = re.compile(r"\]\(([^)\s]+)\)")
ANCHOR = re.compile(r"\{#([^}\s]+)\}")


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("book")
    write_rule_book(out)
    return out


def _page(book: Path, relative: str) -> str:
    return (book / relative).read_text(encoding="utf-8")


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _versions() -> Iterator[RuleVersion]:
    for rule in CATALOG.rules.values():
        yield from rule.versions


# -- markers ---------------------------------------------------------------------------


def _marker(body: str) -> dict[str, Any]:
    """key=value pairs; the JSON values (facts, case) are decoded where they start."""
    decoder = json.JSONDecoder()
    found: dict[str, Any] = {}
    position = 0
    while position < len(body):
        key_end = body.index("=", position)
        key = body[position:key_end]
        start = key_end + 1
        if body[start] in "{[":
            value, end = decoder.raw_decode(body, start)
        else:
            end = body.find(" ", start)
            end = len(body) if end < 0 else end
            value = body[start:end]
        found[key] = value
        position = end + 1
    return found


def _markers(book: Path) -> list[dict[str, Any]]:
    markers = []
    for rule_id in CATALOG.rules:
        for body in MARKER.findall(_page(book, f"regler/{rule_id}.md")):
            marker = _marker(body)
            assert marker["rule"] == rule_id
            markers.append(marker)
    return markers


def _moment(text: str) -> date | datetime:
    return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)


def _day(text: str) -> date:
    moment = _moment(text)
    return moment.astimezone(COPENHAGEN).date() if isinstance(moment, datetime) else moment


def _due_facts(marker: dict[str, Any]) -> dict[str, Any]:
    kind = CATALOG.version(marker["version"]).trigger
    specs = {**CATALOG.case_facts, **CATALOG.events[kind].facts}
    facts: dict[str, Any] = {}
    for name, value in marker["facts"].items():
        facts[name] = date.fromisoformat(value) if specs[name].type is FactType.DATE else value
    return facts


def _same(expected: str, actual: date | datetime | None) -> bool:
    if actual is None:
        return expected == "none"
    return expected != "none" and _moment(expected) == actual


def test_every_obligation_has_a_page_and_every_overview_page_exists(book: Path) -> None:
    for rule_id in CATALOG.rules:
        assert (book / "regler" / f"{rule_id}.md").is_file()
    for name in (
        "regler/index.md",
        "love/index.md",
        "overgang.md",
        "kalender.md",
        "fristberegning.md",
        "spoergsmaal.md",
        "daekning.md",
        "haendelser.md",
        "laesninger.md",
    ):
        assert (book / name).is_file(), name
    for version in _versions():
        assert (book / "love" / f"{version.law.key}.md").is_file()


def test_each_page_names_every_version_with_citation_wording_and_official_address(
    book: Path,
) -> None:
    for rule in CATALOG.rules.values():
        page = _page(book, f"regler/{rule.id}.md")
        assert page.startswith(f"# {_escaped(rule.title.da)}\n")
        assert rule.title.en in page
        for version in rule.versions:
            assert str(version.citation) in page, version.id
            # The wording, one quoted paragraph per stk. ("Stk. 2." in bold), every word kept.
            quoted = " ".join(
                line.removeprefix("> ").replace("**", "")
                for line in page.splitlines()
                if line.startswith("> ")
            )
            assert " ".join(_escaped(version.wording).split()) in quoted, version.id
            assert version.law.url is not None
            assert f"]({version.law.url})" in page
            assert version.summary is not None
            assert _escaped(version.summary.da) in page
            assert version.period("da") in page


def _configured(marker: dict[str, Any], folder: Path) -> Catalog:
    """The bundled catalog, with the municipality's configuration the example names."""
    return configured_catalog(marker["durations"], folder) if "durations" in marker else CATALOG


def test_every_example_recomputes_to_the_same_due_date_and_version(
    book: Path, tmp_path: Path
) -> None:
    markers = _markers(book)
    assert len(markers) >= 2 * len(CATALOG.rules)
    for marker in markers:
        trigger = _moment(marker["trigger"])
        catalog = _configured(marker, tmp_path)
        if marker["method"] == "due":
            deadline = catalog.due(marker["rule"], trigger, _due_facts(marker))
            assert _same(marker["due"], deadline.due), marker
            assert deadline.version.id == marker["version"], marker
            continue
        assert marker["method"] == "evaluate"
        case = case_from_json(marker["case"], catalog)
        obligations = [
            ob
            for ob in catalog.evaluate(case, _moment(marker["as_of"]))
            if ob.rule_id == marker["rule"]
            and ob.occurrence == int(marker["occurrence"])
            and ob.trigger.at == trigger
        ]
        assert len(obligations) == 1, marker
        ob = obligations[0]
        assert _same(marker["due"], ob.due), marker
        assert ob.version.id == marker["version"], marker
        assert ob.status.value == marker["status"], marker


def test_every_rule_and_every_version_has_a_worked_example(book: Path) -> None:
    markers = _markers(book)
    for rule in CATALOG.rules.values():
        versions = {m["version"] for m in markers if m["rule"] == rule.id}
        assert versions >= {v.id for v in rule.versions}, rule.id


def test_a_serviceloven_trigger_due_in_2024_is_governed_by_barnets_lov(book: Path) -> None:
    markers = _markers(book)
    pairs = 0
    for rule in CATALOG.rules.values():
        for versions in rule.variants().values():
            for old, new in pairwise(versions):
                if old.law.key != "serviceloven" or new.law.key != "barnets-lov":
                    continue
                assert old.valid_to == date(2023, 12, 31)
                assert new.valid_from == date(2024, 1, 1)
                pairs += 1
                across = [
                    m
                    for m in markers
                    if m["rule"] == rule.id
                    and m["version"] == new.id
                    and _day(m["trigger"]) <= date(2023, 12, 31)
                ]
                assert across, (rule.id, new.id)
                for marker in across:
                    if marker["method"] == "due":
                        explanation = CATALOG.due(
                            rule.id, _moment(marker["trigger"]), _due_facts(marker)
                        ).explain("da")
                        assert "Barnets lov § 213, stk. 1" in explanation
    assert pairs >= 15


def test_the_holiday_examples_meet_a_weekday_holiday(book: Path) -> None:
    calendar = frister.DanishCalendar.for_citizen_deadlines()
    holidays = [m for m in _markers(book) if m["kind"] in ("helligdag", "lukket-for-borgere")]
    dated = {
        v.id
        for v in _versions()
        if not v.before
        and v.frequency is None
        and (v.deadlines or v.age is not None or v.arises_when_missed or v.due_from_fact)
    }
    assert {m["version"] for m in holidays} >= dated
    for marker in holidays:
        first, last = _day(marker["trigger"]), _day(marker["due"])
        named = [
            d
            for d in calendar.named_closed_days(min(first, last), max(first, last))
            if d.date.weekday() < 5
        ]
        assert named, marker


def test_the_rules_index_has_every_stage_in_the_catalog_order(book: Path) -> None:
    page = _page(book, "regler/index.md")
    headings = re.findall(r"^## .* \{#([^}]+)\}$", page, flags=re.MULTILINE)
    assert headings == [s.replace("_", "-") for s in CATALOG.stages]
    for rule_id in CATALOG.rules:
        assert f"]({rule_id}.md)" in page


def test_the_questions_page_lists_every_question_and_open_convention(book: Path) -> None:
    page = _page(book, "spoergsmaal.md")
    for rule in CATALOG.rules.values():
        for version in rule.versions:
            for question in version.questions:
                assert _escaped(question.text.da) in page, version.id
                assert _escaped(question.text.en) in page, version.id
            if version.questions:
                assert f"](regler/{rule.id}.md#" in page
    for convention in conventions().values():
        if convention.mark in (
            Mark.UNVERIFIED,
            Mark.LEGAL_REVIEW,
        ):
            assert f"[`{convention.id}`](fristberegning.md#{convention.id})" in page


def test_the_calendar_and_conventions_pages_come_from_the_data(book: Path) -> None:
    calendar_page = _page(book, "kalender.md")
    for year in range(2020, 2031):
        assert f"## {year} {{#aar-{year}}}" in calendar_page
        for day, name in frister.DanishCalendar().holidays(year).items():
            assert f"| {name} |" in calendar_page, (day, name)
    assert "Store bededag er helligdag til og med 2023" in calendar_page
    conventions_page = _page(book, "fristberegning.md")
    for convention in conventions().values():
        assert f"{{#{convention.id}}}" in conventions_page
        assert convention.basis in conventions_page


def test_every_relative_link_and_anchor_resolves_inside_the_book(book: Path) -> None:
    pages = {p.relative_to(book).as_posix(): p.read_text("utf-8") for p in book.rglob("*.md")}
    for name, text in pages.items():
        for target in LINK.findall(text):
            if target.startswith("https://"):
                continue
            assert not target.startswith(("http:", "/")), (name, target)
            path, _, anchor = target.partition("#")
            resolved = (book / name).parent / path if path else book / name
            resolved = resolved.resolve()
            assert resolved.is_relative_to(book.resolve()), (name, target)
            assert resolved.is_file(), (name, target)
            if anchor:
                ids = ANCHOR.findall(resolved.read_text("utf-8"))
                assert anchor in ids, (name, target)


def test_generation_is_deterministic_and_the_command_writes_the_same_pages(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["docs", "--out", str(tmp_path)])
    assert status == 0
    assert "pages" in capsys.readouterr().out
    first = {p.relative_to(book): p.read_bytes() for p in book.rglob("*.md")}
    second = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*.md")}
    assert first == second


def test_a_page_that_is_no_longer_part_of_the_book_is_removed(tmp_path: Path) -> None:
    rules = dict(CATALOG.rules)
    kept = attrs.evolve(CATALOG, rules={k: v for k, v in rules.items() if k != "ungeplan"})
    write_rule_book(tmp_path)
    assert (tmp_path / "regler" / "ungeplan.md").is_file()
    paths = write_rule_book(tmp_path, kept)
    assert not (tmp_path / "regler" / "ungeplan.md").exists()
    assert all(p.is_file() for p in paths)


def _without_citation(catalog: Catalog) -> Catalog:
    rule = catalog.rules["underretning.vurdering"]
    version = rule.versions[0]
    broken = attrs.evolve(version, citation=attrs.evolve(version.citation, paragraph=" "))
    rules = dict(catalog.rules)
    rules[rule.id] = attrs.evolve(rule, versions=(broken, *rule.versions[1:]))
    return attrs.evolve(catalog, rules=rules)


def test_a_rule_without_citation_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(frister.FristerError, match="no citation"):
        write_rule_book(tmp_path, _without_citation(CATALOG))


PACK = """
[pack]
key = "testkommune"
name = "Testkommune"
text = "Interne frister"

[obligation."testkommune.kvittering"]
shape = "D"
stage = "underretning"
da = "Intern kvittering"
en = "Internal acknowledgement"

[[version]]
id = "testkommune.kvittering"
obligation = "testkommune.kvittering"
citation = { paragraph = "Kvalitetsstandard 2.1" }
wording = "Underretninger kvitteres inden 3 hverdage."
mark = "verified"
summary = { da = "Kvittering inden 3 hverdage.", en = "Acknowledgement within 3 working days." }
trigger = "underretning.modtaget"
when = [WHEN]
deadline = "3 hverdage"
roll = "keep"
fulfilled_by = ["underretning.kvitteret"]
"""


def test_a_municipal_rule_gets_its_page_and_an_impossible_one_is_an_error(
    tmp_path: Path,
) -> None:
    good = tmp_path / "good.toml"
    good.write_text(PACK.replace("WHEN", '{ fact = "event.underretter", equals = "borger" }'))
    out = tmp_path / "good"
    write_rule_book(out, frister.load_catalog(good))
    page = (out / "regler" / "testkommune.kvittering.md").read_text("utf-8")
    assert "Kvalitetsstandard 2.1" in page
    assert "<!-- example rule=testkommune.kvittering" in page
    assert (out / "love" / "testkommune.md").is_file()
    impossible = tmp_path / "impossible.toml"
    impossible.write_text(
        PACK.replace(
            "WHEN",
            '{ fact = "event.underretter", equals = "borger" }, '
            '{ fact = "event.underretter", not_equals = "borger" }',
        )
    )
    with pytest.raises(frister.FristerError, match="no worked example"):
        write_rule_book(tmp_path / "bad", frister.load_catalog(impossible))
