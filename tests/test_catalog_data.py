"""The bundled catalog is faithful to shared/law: every core id, quoted wording, marks kept."""

import json
import re
from datetime import date
from functools import cache
from pathlib import Path

import pytest

import frister
from frister.deadlines import Mark
from frister.rules import Citation, Law, RuleVersion

LAW = Path(__file__).resolve().parents[2] / "shared" / "law"
CATALOG = frister.default_catalog()
VERSIONS = [v for rule in CATALOG.rules.values() for v in rule.versions]


def _core_ids() -> list[str]:
    text = (LAW / "catalog.md").read_text(encoding="utf-8")
    section = text.split("## The core set", 1)[1].split("## Event vocabulary", 1)[0]
    return re.findall(r"^\| `([a-z0-9.\-]+)` \|", section, flags=re.MULTILINE)


@cache
def _paragraph(source: str, section: str) -> str:
    data = json.loads((LAW / "texts" / f"{source}.json").read_text(encoding="utf-8"))
    texts = [p["content"] for p in data["provisions"] if p["section"] == section]
    assert texts, f"{source} has no § {section}"
    return " ".join(" ".join(texts).split())


needs_law = pytest.mark.skipif(not LAW.is_dir(), reason="shared/law is not beside the checkout")


@needs_law
def test_every_core_obligation_id_of_catalog_md_is_bundled() -> None:
    core = _core_ids()
    assert len(core) == 29
    missing = sorted(set(core) - set(CATALOG.rules))
    assert not missing, missing


@needs_law
@pytest.mark.parametrize("version", [v for v in VERSIONS if v.source], ids=lambda v: v.id)
def test_wording_is_quoted_exactly_from_the_statute_text(
    version: RuleVersion,
) -> None:
    assert version.source is not None
    paragraph = _paragraph(version.source, version.citation.paragraph.replace(" ", ""))
    assert " ".join(version.wording.split()) in paragraph


def test_a_version_without_a_source_text_says_so_in_a_question() -> None:
    for version in VERSIONS:
        if version.source is None:
            assert any("text" in q.text.en.lower() for q in version.questions), version.id


def test_barnets_lov_versions_start_2024_and_serviceloven_child_rules_end_2023() -> None:
    for version in VERSIONS:
        if version.law.key == "barnets-lov":
            assert version.valid_from is not None
            assert version.valid_from.isoformat() >= "2024-01-01", version.id
        if version.law.key == "serviceloven":
            assert version.valid_to is not None
            assert version.valid_to.isoformat() <= "2023-12-31", version.id


def test_unverified_marks_surface_in_the_explanation() -> None:
    # BL § 95 carries the research's UNVERIFIED transition question (research 0.3, D.1).
    version = CATALOG.version("barnets-lov.opfoelgning.loebende-plan")
    assert any(q.mark is Mark.UNVERIFIED for q in version.questions)
    case = frister.Case(
        [
            frister.Event(
                "indsats.iverksat",
                date(2024, 2, 1),
                {"indsats_id": "I1", "type": "stoettende-indsats"},
            )
        ]
    )
    (ob,) = [o for o in CATALOG.evaluate(case, date(2024, 3, 1)) if o.rule_id == "opfoelgning"]
    assert "[UVERIFICERET]" in ob.explain("da")
    assert "[UNVERIFIED]" in ob.explain("en")


def test_every_citation_reads_like_a_danish_citation() -> None:
    number = r"\d+( [a-z])?"
    span = r"\d+( og \d+|-\d+)?"
    pattern = (
        rf"[^§]+ § {number}(, stk\. {span})?(, \d+\.( og \d+\.|-\d+\.)? pkt\.)?"
        rf"(, nr\. {span})?"
    )
    for version in VERSIONS:
        assert re.fullmatch(pattern, str(version.citation)), str(version.citation)


def test_citation_spans_are_written_the_danish_way() -> None:
    law = Law("x", "Barnets lov", "BL", "LBK")
    assert str(Citation(law, "95", stk="2-3")) == "Barnets lov § 95, stk. 2 og 3"
    assert str(Citation(law, "50", stk="1-6")) == "Barnets lov § 50, stk. 1-6"
    assert str(Citation(law, "91", stk="2", pkt="1-2")) == "Barnets lov § 91, stk. 2, 1. og 2. pkt."
    assert str(Citation(law, "20", stk="3", pkt="2")) == "Barnets lov § 20, stk. 3, 2. pkt."


def test_lov_746_2025_is_visible_on_the_rules_it_affects() -> None:
    # Research 0.2 and D.9: lov nr. 746 af 20/06/2025 renames the merudgiftsydelse (BL § 86)
    # and changes its measurement; content and in-force date unread. The catalog has no rule
    # on § 86 itself; the municipality's case-handling deadline covers applications for it.
    version = CATALOG.version("retssikkerhedsloven.sagsbehandlingsfrist.kommunal")
    (question,) = [q for q in version.questions if "746" in q.text.da]
    assert question.mark is Mark.UNVERIFIED
    assert "kompensationsydelse" in question.text.da
    assert "kompensationsydelse" in question.text.en
    case = frister.Case(
        [
            frister.Event(
                "ansoegning.modtaget",
                date(2025, 9, 1),
                {"ansoegning_id": "A1", "omraade": "handicap-merudgifter"},
            )
        ]
    )
    (ob,) = CATALOG.evaluate(case, date(2025, 9, 2))
    assert "746" in ob.explain("da") and "746" in ob.explain("en")
