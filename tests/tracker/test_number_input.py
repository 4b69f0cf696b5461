"""Numbers typed by a person: full-width digits, units and % accepted where they mean the same."""

from __future__ import annotations

import pytest

from tracker.errors import BadInput
from tracker.number_input import read_number


@pytest.mark.parametrize(
    ("typed", "units", "meant"),
    [
        ("４５位", ["位"], 45.0),
        ("45 位", ["位"], 45.0),
        ("150%", ["%"], 150.0),
        ("１，２００家", ["家"], 1200.0),
    ],
)
def test_read_number_accepts_what_means_the_same(typed: str, units: list[str], meant: float) -> None:
    assert read_number(typed, what="实际值", units=units) == meant


@pytest.mark.parametrize("typed", ["45个", "1,2", "nan", "1e309", "四十五", "45 50"])
def test_read_number_refuses_the_rest_naming_the_field(typed: str) -> None:
    with pytest.raises(BadInput, match="实际值"):
        read_number(typed, what="实际值", units=["位"])


def test_out_of_range_is_refused_with_the_range() -> None:
    with pytest.raises(BadInput, match=r"完成百分比：“150”超出范围，应在0 到 100 之间"):
        read_number("150", what="完成百分比", low=0, high=100, units=["%"])
    assert read_number("", what="完成百分比") is None
