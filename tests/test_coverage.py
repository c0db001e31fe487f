"""The coverage page: every rule id of the research appears once, with versions or a reason."""

import re
from collections import Counter
from pathlib import Path

import pytest

import frister
from frister._docs import write_rule_book
from frister._docs._coverage import _entry, coverage_page, load_coverage
from frister.errors import DataFileError

LAW = Path(__file__).resolve().parents[2] / "shared" / "law"
CATALOG = frister.default_catalog()
VERSION_IDS = {v.id for rule in CATALOG.rules.values() for v in rule.versions}
LAWS = "|".join(
    (
        "barnets-lov",
        "serviceloven",
        "retssikkerhedsloven",
        "bek-retssikkerhed",
        "forvaltningsloven",
        "offentlighedsloven",
    )
)

needs_law = pytest.mark.skipif(not LAW.is_dir(), reason="shared/law is not beside the checkout")


def _research_ids() -> list[str]:
    text = (LAW / "research-deadlines.md").read_text(encoding="utf-8")
    section_a = text.split("## A. Catalog", 1)[1].split("## B. Danish", 1)[0]
    ids: list[str] = []
    for found in re.findall(rf"`((?:{LAWS})\.[a-z0-9.\-]+)`", section_a):
        if found not in ids:
            ids.append(found)
    return ids


@needs_law
def test_every_research_rule_id_appears_exactly_once() -> None:
    research = _research_ids()
    assert len(research) == 97  # research-deadlines.md 0.1a: 54 BL, 27 SEL, 16 general
    listed = [e.id for e in load_coverage()]
    twice = [i for i, n in Counter(listed).items() if n > 1]
    assert not twice
    assert sorted(listed) == sorted(research)
    assert listed == research  # in the research's order


def test_every_version_named_exists_in_the_catalog() -> None:
    for entry in load_coverage():
        for version in entry.versions:
            assert version in VERSION_IDS, (entry.id, version)


def test_every_catalog_version_with_a_research_id_is_listed_under_it() -> None:
    entries = {e.id: e for e in load_coverage()}
    for version in VERSION_IDS:
        research_id = version.split("@", 1)[0]
        if research_id in entries:
            assert version in entries[research_id].versions, version
            assert entries[research_id].status != "not-encoded", version


def test_a_rule_not_fully_encoded_says_why_in_both_languages() -> None:
    counts = Counter(e.status for e in load_coverage())
    assert counts["partial"] >= 1 and counts["not-encoded"] >= 1
    for entry in load_coverage():
        if entry.status != "encoded":
            assert entry.reason is not None, entry.id
            assert entry.reason.da and entry.reason.en


def test_the_page_lists_every_id_with_its_rule_link_or_reason() -> None:
    page = coverage_page(CATALOG)
    for entry in load_coverage():
        assert page.count(f"| `{entry.id}` |") == 1, entry.id
    assert "[`klage.fastholdelse`](regler/klage.fastholdelse.md)" in page
    assert "| `barnets-lov.beredskab.revision-4-aar` | ikke kodet *(not encoded)* |" in page
    assert "not a deadline in a child's case" in page


def test_the_rule_book_has_the_coverage_page(tmp_path: Path) -> None:
    written = write_rule_book(tmp_path)
    assert tmp_path / "daekning.md" in written
    assert (tmp_path / "daekning.md").read_text(encoding="utf-8") == coverage_page(CATALOG)


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"id": "x", "section": "A.1", "status": "encoded"}, "versions"),
        ({"id": "x", "section": "A.1", "status": "not-encoded"}, "reason"),
        ({"id": "x", "section": "A.1", "status": "partial", "versions": ["v"]}, "reason"),
        ({"id": "x", "section": "A.1", "status": "done", "versions": ["v"]}, "status"),
        ({"id": "x", "section": "A.1", "status": "encoded", "versions": ["v"], "note": 1}, "note"),
        (
            {
                "id": "x",
                "section": "A.1",
                "status": "not-encoded",
                "versions": ["v"],
                "reason": {"da": "a", "en": "b"},
            },
            "versions",
        ),
        ({"id": "x", "section": "A.1", "status": "not-encoded", "reason": {"da": "a"}}, "reason"),
    ],
)
def test_a_malformed_entry_is_refused_naming_the_field(raw: dict[str, object], field: str) -> None:
    with pytest.raises(DataFileError) as error:
        _entry(raw, 1)
    assert error.value.field == field
