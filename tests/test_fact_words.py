"""Every fact and value in plain words, so a rule's conditions read as Danish a lawyer can cite."""

from pathlib import Path

import pytest

import frister
from frister.errors import DataFileError
from frister.rules import Condition, Operator

CATALOG = frister.default_catalog()


def _conditions() -> list[Condition]:
    found = []
    for rule in CATALOG.rules.values():
        for version in rule.versions:
            found += [*version.when, *version.fulfilled_when]
            found += [c for alternative in version.deadlines for c in alternative.when]
    return found


def test_every_fact_of_the_vocabulary_has_its_words() -> None:
    names = {f.name for kind in CATALOG.events.values() for f in kind.facts.values()}
    names |= set(CATALOG.case_facts)
    assert names - set(CATALOG.fact_words) == set()
    for name in names:
        words = CATALOG.fact_words[name]
        assert words.title("da") and words.title("en")


def test_every_allowed_value_has_its_words() -> None:
    for kind in CATALOG.events.values():
        for fact in kind.facts.values():
            words = CATALOG.fact_words[fact.name]
            for value in fact.values:
                assert words.value(value, "da"), (kind.kind, fact.name, value)
                assert words.value(value, "en"), (kind.kind, fact.name, value)


def test_every_condition_of_the_catalog_reads_as_plain_words() -> None:
    conditions = _conditions()
    assert len(conditions) > 50
    for condition in conditions:
        for lang in ("da", "en"):
            text = condition.describe(lang)
            assert text != condition.generic(lang), text
            assert not text.startswith(("hændelsens", "sagens", "the event's", "the case's"))
            assert "_" not in text, text  # no fact name such as plan_noedvendig


@pytest.mark.parametrize(
    ("fact", "operator", "value", "da", "en"),
    [
        (
            "event.underretter",
            Operator.NOT_IN,
            ("anonym",),
            "underretningen kommer ikke fra en anonym underretter",
            "the notification does not come from an anonymous notifier",
        ),
        (
            "event.ufoedt",
            Operator.NOT_EQUALS,
            True,
            "det drejer sig ikke om et ufødt barn",
            "it does not concern an unborn child",
        ),
        (
            "event.instans",
            Operator.NOT_IN,
            ("udvalg", "ankestyrelsen"),
            "afgørelsen er ikke truffet af børne- og ungeudvalget eller Ankestyrelsen",
            "the decision was not made by the children and young people committee or Ankestyrelsen",
        ),
        (
            "event.type",
            Operator.IN,
            ("stoettende-indsats", "anbringelse-med-samtykke"),
            "det drejer sig om en støttende indsats eller en anbringelse med samtykke",
            "it concerns a support measure or a placement with consent",
        ),
        (
            "event.part",
            Operator.NOT_EQUALS,
            False,
            "den, der søger aktindsigt, er part i sagen (også når det ikke er oplyst)",
            "the person asking for access is a party to the case (also when not recorded)",
        ),
        (
            "event.part",
            Operator.EQUALS,
            False,
            "den, der søger aktindsigt, er ikke part i sagen",
            "the person asking for access is not a party to the case",
        ),
        (
            "event.hjemmel",
            Operator.IN,
            ("BL § 120", "SEL § 76 a"),
            "afgørelsen er truffet efter BL § 120 eller SEL § 76 a",
            "the decision was made under BL § 120 or SEL § 76 a",
        ),
        (
            "case.foedselsdato",
            Operator.AGE_AT_LEAST,
            16,
            "barnet eller den unge er fyldt 16 år på hændelsens dag",
            "the child or young person has turned 16 on the day of the event",
        ),
    ],
)
def test_a_condition_in_words(
    fact: str, operator: Operator, value: object, da: str, en: str
) -> None:
    condition = Condition(fact, operator, value, CATALOG.fact_words)
    assert condition.describe("da") == da
    assert condition.describe("en") == en


def test_a_value_without_words_falls_back_to_the_facts_name() -> None:
    condition = Condition("event.type", Operator.EQUALS, "ukendt-type", CATALOG.fact_words)
    assert condition.describe("da") == "hændelsens type er ukendt-type"
    bare = Condition("event.underretter", Operator.NOT_IN, ("anonym",))
    assert bare.describe("da") == "hændelsens underretter er ingen af anonym"


def test_half_a_sentence_is_an_error_naming_the_field(tmp_path: Path) -> None:
    events = Path(frister.__file__).parent / "data" / "catalog" / "events.toml"
    text = events.read_text(encoding="utf-8").replace(
        'not_da = "underretningen kommer ikke fra {}"\n', "", 1
    )
    broken = tmp_path / "events.toml"
    broken.write_text(text, encoding="utf-8")
    obligations = events.parent / "obligations.toml"
    with pytest.raises(DataFileError) as error:
        frister.load_catalog(obligations, broken, bundled=False)
    assert error.value.entry == "fact.underretter"
    assert error.value.field == "is_da"
