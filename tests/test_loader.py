"""The loader refuses malformed rule files, each with an error naming file, entry and field."""

from datetime import date
from pathlib import Path

import pytest

import frister

OBLIGATIONS = """
[stages]
underretning = { da = "Underretning", en = "Notification" }

[obligation."test.kvittering"]
shape = "D"
stage = "underretning"
da = "Kvittering"
en = "Receipt"

[obligation."test.opfoelgning"]
shape = "R"
stage = "underretning"
da = "Opfølgning"
en = "Follow-up"
"""

EVENTS = """
[case]
foedselsdato = { type = "date" }

[kind."test.modtaget"]
da = "Modtaget"
en = "Received"
facts.ref = { type = "text" }
facts.hvem = { type = "text", values = ["fagperson", "anonym"] }
facts.frist = { type = "date" }

[kind."test.kvitteret"]
da = "Kvitteret"
en = "Acknowledged"
facts.ref = { type = "text" }
"""

LAW = """
[law]
key = "testlov"
name = "Testloven"
short = "TL"
text = "LOV nr. 1 af 1/1/2020"

[[version]]
id = "testlov.kvittering-gammel"
obligation = "test.kvittering"
valid_to = 2023-12-31
citation = { paragraph = "1" }
wording = "Kvitteres inden 6 hverdage."
mark = "verified"
trigger = "test.modtaget"
deadline = "6 hverdage"
roll = "keep"
fulfilled_by = ["test.kvitteret"]

[[version]]
id = "testlov.kvittering-ny"
obligation = "test.kvittering"
valid_from = 2024-01-01
citation = { paragraph = "2", stk = "1" }
wording = "Kvitteres inden 5 hverdage."
mark = "verified"
trigger = "test.modtaget"
when = [{ fact = "event.hvem", not_in = ["anonym"] }]
deadline = "5 hverdage"
roll = "keep"
fulfilled_by = ["test.kvitteret"]
match = ["ref"]

[[version]]
id = "testlov.opfoelgning"
obligation = "test.opfoelgning"
citation = { paragraph = "3" }
wording = "Følges op inden 3 måneder og derefter hver 6. måned."
mark = "verified"
trigger = "test.modtaget"
deadline = "3 måneder"
then = "6 måneder"
roll = "keep"
fulfilled_by = ["test.kvitteret"]
"""


def _load(tmp_path: Path, law: str, obligations: str = OBLIGATIONS) -> frister.Catalog:
    files = {"obligations.toml": obligations, "events.toml": EVENTS, "testlov.toml": law}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return frister.load_catalog(*(tmp_path / name for name in files), bundled=False)


def test_the_well_formed_corpus_loads_and_computes(tmp_path: Path) -> None:
    catalog = _load(tmp_path, LAW)
    assert sorted(catalog.rules) == ["test.kvittering", "test.opfoelgning"]
    # Fri 2024-03-22 + 5 hverdage: Mon 25, Tue 26, Wed 27 (1-3); Thu 28, Fri 29 Mar and
    # Mon 1 Apr are Easter helligdage; Tue 2 (4), Wed 3 Apr (5).
    deadline = catalog.due("test.kvittering", date(2024, 3, 22))
    assert deadline.due == date(2024, 4, 3)
    assert deadline.version.id == "testlov.kvittering-ny"
    assert str(deadline.version.citation) == "Testloven § 2, stk. 1"


BAD = [
    (
        "unknown key",
        LAW.replace(
            'mark = "verified"\ntrigger = "test.modtaget"\ndeadline = "3',
            'mark = "verified"\nfrist = 3\ntrigger = "test.modtaget"\ndeadline = "3',
        ),
        "testlov.toml: [testlov.opfoelgning] frist: unknown key",
    ),
    (
        "bad duration",
        LAW.replace('"6 hverdage"', '"6 fortnights"'),
        "testlov.toml: [testlov.kvittering-gammel] deadline: unknown unit 'fortnights'",
    ),
    (
        "overlap",
        LAW.replace("valid_to = 2023-12-31", "valid_to = 2024-01-01"),
        "[testlov.kvittering-ny] valid_from: 2024-01-01 overlaps testlov.kvittering-gammel",
    ),
    (
        "gap",
        LAW.replace("valid_to = 2023-12-31", "valid_to = 2023-06-30"),
        "[testlov.kvittering-ny] valid_from: gap after testlov.kvittering-gammel",
    ),
    (
        "unknown trigger",
        LAW.replace(
            'trigger = "test.modtaget"\ndeadline = "6', 'trigger = "test.sendt"\ndeadline = "6'
        ),
        "[testlov.kvittering-gammel] trigger: unknown event kind 'test.sendt'",
    ),
    (
        "unknown obligation",
        LAW.replace('obligation = "test.opfoelgning"', 'obligation = "test.x"'),
        "[testlov.opfoelgning] obligation: unknown obligation 'test.x'",
    ),
    (
        "undeclared fact",
        LAW.replace('fact = "event.hvem"', 'fact = "event.hvem_er"'),
        "[testlov.kvittering-ny] when: event kind 'test.modtaget' has no fact 'hvem_er'",
    ),
    (
        "value outside a closed list",
        LAW.replace('not_in = ["anonym"]', 'not_in = ["anonymous"]'),
        "[testlov.kvittering-ny] when: event.hvem is never 'anonymous'",
    ),
    (
        "no roll",
        LAW.replace('deadline = "6 hverdage"\nroll = "keep"', 'deadline = "6 hverdage"'),
        "[testlov.kvittering-gammel] roll: missing",
    ),
    ("syntax", LAW.replace("[law]", "[law"), "testlov.toml: [(file)] (syntax)"),
    (
        "id without the law key",
        LAW.replace('id = "testlov.opfoelgning"', 'id = "andenlov.x"'),
        "[andenlov.x] id: 'andenlov.x' must start with the law key 'testlov'",
    ),
    (
        "duplicate id",
        LAW.replace('id = "testlov.opfoelgning"', 'id = "testlov.kvittering-ny"'),
        "[testlov.kvittering-ny] id: version id 'testlov.kvittering-ny' is also in testlov.toml",
    ),
    (
        "unknown mark",
        LAW.replace(
            'mark = "verified"\ntrigger = "test.modtaget"\ndeadline = "3',
            'mark = "sure"\ntrigger = "test.modtaget"\ndeadline = "3',
        ),
        "[testlov.opfoelgning] mark: 'sure' is not one of",
    ),
    (
        "period backwards",
        LAW.replace("valid_to = 2023-12-31", "valid_from = 2024-02-01\nvalid_to = 2023-12-31"),
        "[testlov.kvittering-gammel] valid_to: 2023-12-31 is before valid_from 2024-02-01",
    ),
    (
        "recurring without then",
        LAW.replace('then = "6 måneder"\n', ""),
        "[testlov.opfoelgning] (shape): a recurring rule needs then or then_from_fact (shape R)",
    ),
    (
        "unknown fulfilling kind",
        LAW.replace(
            'fulfilled_by = ["test.kvitteret"]\nmatch', 'fulfilled_by = ["test.kvittering"]\nmatch'
        ),
        "[testlov.kvittering-ny] fulfilled_by: unknown event kind 'test.kvittering'",
    ),
    (
        "unknown section",
        LAW + "\n[regler]\nx = 1\n",
        "testlov.toml: [regler] (section): unknown section",
    ),
    (
        "unknown closed day",
        LAW.replace(
            'roll = "keep"\nfulfilled_by = ["test.kvitteret"]\nmatch',
            'roll = "keep"\nexpiry_closed = ["sankthans"]\n'
            'fulfilled_by = ["test.kvitteret"]\nmatch',
        ),
        "[testlov.kvittering-ny] expiry_closed: 'sankthans' is not one of",
    ),
    (
        "two operators",
        LAW.replace('not_in = ["anonym"]', 'not_in = ["anonym"], equals = "fagperson"'),
        "[testlov.kvittering-ny.when[0]] (operator): give exactly one of",
    ),
    (
        "due from a text fact",
        LAW.replace('deadline = "3 måneder"', 'deadline = "3 måneder"\ndue_from_fact = "ref"'),
        "[testlov.opfoelgning] due_from_fact: 'test.modtaget' has no date fact 'ref'",
    ),
    (
        "counted from a text fact",
        LAW.replace('deadline = "5 hverdage"', 'deadline = "5 hverdage"\nfrom_fact = "ref"'),
        "[testlov.kvittering-ny] from_fact: 'test.modtaget' has no date fact 'ref'",
    ),
    (
        "counted from a fact without a deadline",
        LAW.replace('deadline = "5 hverdage"', 'from_fact = "frist"'),
        "[testlov.kvittering-ny] from_fact: counts a deadline from the fact: give deadline",
    ),
    (
        "counted from a fact and a birthday",
        LAW.replace(
            'deadline = "5 hverdage"', 'deadline = "5 hverdage"\nfrom_fact = "frist"\nage = 18'
        ),
        "[testlov.kvittering-ny] from_fact: cannot be combined with age",
    ),
    (
        "an earliest date with a fulfilling event",
        LAW.replace('deadline = "5 hverdage"', 'deadline = "5 hverdage"\nearliest = true'),
        "[testlov.kvittering-ny] earliest: cannot be combined with fulfilled_by: the act an "
        "earliest date limits is the triggering event itself",
    ),
    (
        "an earliest date moved forward",
        LAW.replace(
            'deadline = "5 hverdage"\nroll = "keep"\nfulfilled_by = ["test.kvitteret"]',
            'deadline = "5 hverdage"\nroll = "forward"\nearliest = true',
        ),
        '[testlov.kvittering-ny] earliest: needs roll = "keep"',
    ),
    (
        "an earliest date without a date",
        LAW.replace(
            'deadline = "5 hverdage"\nroll = "keep"\nfulfilled_by = ["test.kvitteret"]',
            "earliest = true",
        ),
        "[testlov.kvittering-ny] earliest: needs a date: give deadline",
    ),
    (
        "unknown successor",
        LAW.replace("valid_to = 2023-12-31", 'valid_to = 2023-12-31\nsuccessor = "testlov.x"'),
        "[testlov.kvittering-gammel] successor: unknown version 'testlov.x'",
    ),
    (
        "age that is not a whole number",
        LAW.replace('deadline = "3 måneder"', 'deadline = "3 måneder"\nage = "18"'),
        "[testlov.opfoelgning] age: expected int, got '18'",
    ),
    (
        "an empty wording",
        LAW.replace('wording = "Kvitteres inden 6 hverdage."', 'wording = "  "'),
        "[testlov.kvittering-gammel] wording: must not be empty",
    ),
]


@pytest.mark.parametrize(
    ("law", "expected"),
    [(law, expected) for _, law, expected in BAD],
    ids=[name for name, _, _ in BAD],
)
def test_malformed_files_are_refused_naming_the_field(
    tmp_path: Path, law: str, expected: str
) -> None:
    with pytest.raises(frister.DataFileError) as info:
        _load(tmp_path, law)
    assert expected in str(info.value)


def test_an_obligation_without_versions_is_refused(tmp_path: Path) -> None:
    extra = (
        OBLIGATIONS
        + '\n[obligation."test.tom"]\nshape = "N"\nstage = "underretning"\n'
        + 'da = "Tom"\nen = "Empty"\n'
    )
    with pytest.raises(frister.DataFileError) as info:
        _load(tmp_path, LAW, extra)
    assert "obligations.toml: [obligation.test.tom] (versions): no law file has a version" in str(
        info.value
    )


def test_a_municipality_rule_clashing_with_a_bundled_id_is_refused(tmp_path: Path) -> None:
    pack = tmp_path / "kommune.toml"
    pack.write_text(
        '[pack]\nkey = "kommune"\nname = "Kommunen"\ntext = "Egne frister"\n\n'
        '[obligation."underretning.kvittering"]\nshape = "D"\nstage = "underretning"\n'
        'da = "Egen"\nen = "Own"\n',
        encoding="utf-8",
    )
    with pytest.raises(frister.DataFileError) as info:
        frister.default_catalog().with_rules(pack)
    assert "kommune.toml: [obligation.underretning.kvittering] (id): obligation " in str(info.value)
    assert "is declared twice" in str(info.value)
