"""frister.testing's assertion helpers pass on the law's dates and fail with the explanation."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

import frister
from frister.testing import assert_due, assert_status

CPH = ZoneInfo("Europe/Copenhagen")


def test_assert_due_passes_on_the_hand_worked_date() -> None:
    # Fri 22 Mar 2024 + 6 hverdage over Easter (28, 29 Mar, 1 Apr closed) = Thu 4 Apr 2024.
    deadline = assert_due("underretning.kvittering", date(2024, 3, 22), date(2024, 4, 4))
    assert str(deadline.version.citation) == "Barnets lov § 138, stk. 1"


def test_assert_due_fails_with_frister_s_steps() -> None:
    with pytest.raises(AssertionError) as info:
        assert_due("underretning.kvittering", date(2024, 3, 22), date(2024, 4, 3))
    message = str(info.value)
    assert "expected 2024-04-03, frister computes 2024-04-04" in message
    assert "Maundy Thursday" in message


def test_assert_status_checks_an_obligation_of_a_case() -> None:
    case = frister.Case(
        [
            frister.Event(
                "underretning.modtaget",
                datetime(2024, 3, 22, 16, 5, tzinfo=CPH),
                {"underretning_id": "U1", "underretter": "borger"},
            ),
            frister.Event("underretning.kvitteret", date(2024, 4, 5), {"underretning_id": "U1"}),
        ]
    )
    assert_status(case, date(2024, 4, 30), "underretning.kvittering", "met_late")
    with pytest.raises(AssertionError, match="expected met, frister says met_late"):
        assert_status(case, date(2024, 4, 30), "underretning.kvittering", "met")
    with pytest.raises(AssertionError, match="no occurrence 2"):
        assert_status(case, date(2024, 4, 30), "underretning.kvittering", "met", occurrence=2)
