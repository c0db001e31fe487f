"""The rule book a lawyer can print and cite: statute text by stk., the event vocabulary,
the readings of the open questions, explanations that wrap and an A4 print stylesheet."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import frister
from frister._docs import write_rule_book
from frister._docs._text import stk_paragraphs
from frister.engine import open_questions

CATALOG = frister.default_catalog()
ROOT = Path(__file__).parent.parent
CSS = ROOT / "docs" / "stylesheets" / "regelbog.css"


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("book")
    write_rule_book(out)
    return out


def test_statute_text_is_split_by_stk_as_the_law_prints_it() -> None:
    wording = (
        "Skal barnet fortsat være anbragt, jf. dog stk. 2. Stk. 2. Har barnet været anbragt, "
        "er fristen 2 år. Stk. 3. Er sagen indbragt, regnes fristen fra dommen. "
        "Stk. 6. Stk. 1-5 finder tilsvarende anvendelse."
    )
    assert stk_paragraphs(wording) == [
        "Skal barnet fortsat være anbragt, jf. dog stk. 2.",  # a reference is no break
        "Stk. 2. Har barnet været anbragt, er fristen 2 år.",
        "Stk. 3. Er sagen indbragt, regnes fristen fra dommen.",
        "Stk. 6. Stk. 1-5 finder tilsvarende anvendelse.",
    ]
    assert stk_paragraphs("Stk. 1 a. Tekst. Stk. 2 b. Mere.") == [
        "Stk. 1 a. Tekst.",
        "Stk. 2 b. Mere.",
    ]


def test_a_rule_page_quotes_each_stk_as_its_own_paragraph(book: Path) -> None:
    page = (book / "regler" / "anbringelse-uden-samtykke.genbehandling.md").read_text()
    for number in range(2, 7):
        assert f"\n>\n> **Stk. {number}.** " in page
    version = CATALOG.version("barnets-lov.anbringelse-uden-samtykke.genbehandling")
    assert len(stk_paragraphs(version.wording)) == 6


def test_the_vocabulary_page_has_every_kind_fact_type_and_value(book: Path) -> None:
    page = (book / "haendelser.md").read_text()
    for kind in CATALOG.events.values():
        assert f"`{kind.kind}`" in page
        section = page.split(f"`{kind.kind}`", 1)[1].split("\n## ", 1)[0]
        for fact in kind.facts.values():
            assert f"| `{fact.name}` |" in section, (kind.kind, fact.name)
            for value in fact.values:
                words = CATALOG.fact_words[fact.name].value(value, "da")
                assert f"`{value}`: {words}" in section, (kind.kind, value)
    for name in CATALOG.case_facts:
        assert f"| `{name}` |" in page
    assert "| `underretter` | hvem underretningen kommer fra" in page
    assert "`anonym`: en anonym underretter" in page
    assert (
        "| `ufoedt` | ufødt barn (vordende forældre) *(unborn child (expectant parents))* | ja/nej"
        in page
    )


def test_the_readings_page_computes_every_question(book: Path) -> None:
    page = (book / "laesninger.md").read_text()
    for question in open_questions():
        assert f"{{#{question.id}}}" in page
        section = page.split(f"{{#{question.id}}}", 1)[1].split("\n## ", 1)[0]
        assert "Sikker frist *(safe date)*: **" in section, question.id
        for reading in question.readings:
            assert reading.text.da.replace("|", "\\|") in section
    # Hand-worked: Fri 20 Dec 2024 + 6 hverdage is Thu 2 Jan 2025 (25, 26 Dec and 1 Jan
    # are helligdage); without 24 and 31 Dec as hverdage, Mon 6 Jan 2025.
    hverdage = page.split("{#hverdage}", 1)[1].split("\n## ", 1)[0]
    assert "| tor. 2. jan. 2025 |" in hverdage and "| man. 6. jan. 2025 |" in hverdage
    assert "Sikker frist *(safe date)*: **tor. 2. jan. 2025**" in hverdage
    # The letter: 6 hverdage from Tue 17 Dec 2024 then 4 uger; the citizen's safe date is
    # the later one, Mon 27 Jan 2025; the readings the material cannot compute say so.
    brev = page.split("{#brev-modtagelse}", 1)[1].split("\n## ", 1)[0]
    assert "Sikker frist *(safe date)*: **man. 27. jan. 2025**" in brev
    assert brev.count("| afventer retskilde |") == 2


def test_a_rule_page_links_the_questions_that_can_change_its_date(book: Path) -> None:
    page = (book / "regler" / "klage.klagefrist.md").read_text()
    assert "## Åbne spørgsmål, der kan ændre datoen" in page
    assert "(../laesninger.md#lukkedage-borger)" in page
    assert "(../laesninger.md#brev-modtagelse)" in page
    assert "(../laesninger.md#timer)" not in page
    # No open question touches the orientation of the notifier (no date-changing unit).
    orientering = (book / "regler" / "underretning.orientering.md").read_text()
    assert "## Åbne spørgsmål, der kan ændre datoen" not in orientering


def test_the_stylesheet_wraps_explanations_and_prints_on_a4() -> None:
    css = CSS.read_text(encoding="utf-8")
    assert re.search(r"pre > code \{\s*white-space: pre-wrap;", css)
    assert re.search(r"@page \{\s*size: A4;", css)
    printed = css.split("@media print {", 1)[1]
    for hidden in (".md-header", ".md-sidebar", ".md-footer", ".md-tabs"):
        assert hidden in printed
    assert ".tabbed-block {\n    display: block !important;" in printed  # both languages
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "extra_css:\n  - stylesheets/regelbog.css" in mkdocs


def test_a_worked_example_shows_its_date_under_every_reading(book: Path) -> None:
    page = (book / "regler" / "underretning.kvittering.md").read_text()
    table = page.split("| Åbent spørgsmål *(open question)* |", 1)[1].split("\n\n", 1)[0]
    question = next(q for q in open_questions() if q.id == "hverdage")
    assert table.count("](../laesninger.md#hverdage)") == 1  # the question once, then its rows
    for reading in question.readings:
        assert reading.text.da in table
    assert "Sikker frist *(safe date)*: **" in page
    assert "den tidligste: myndighedens frist" in page
    klage = (book / "regler" / "klage.klagefrist.md").read_text()
    assert "den seneste: borgerens frist" in klage
    # No question touches the orientation of the notifier: no readings table.
    assert "| Åbent spørgsmål" not in (book / "regler" / "underretning.orientering.md").read_text()


def test_the_conventions_page_links_each_convention_to_its_computed_readings(
    book: Path,
) -> None:
    page = (book / "fristberegning.md").read_text()
    hours = page.split("{#hours}", 1)[1].split("\n## ", 1)[0]
    assert "(laesninger.md#timer)" in hours
    assert (
        "(laesninger.md#lukkedage-borger)" in page.split("{#citizen-roll}", 1)[1].split("\n## ")[0]
    )
    assert "laesninger.md" not in page.split("{#weeks}", 1)[1].split("\n## ", 1)[0]
