import datetime as dt

import pytest

from graphbuild.dates import days_between, to_date


@pytest.mark.parametrize("value,expected", [
    ("2022-11-14", dt.date(2022, 11, 14)), ("2022-11-14T00:00:00", dt.date(2022, 11, 14)),
    (dt.date(2020, 1, 2), dt.date(2020, 1, 2)), (None, None),
])
def test_to_date(value, expected):
    assert to_date(value) == expected


@pytest.mark.parametrize("value", ["2023-02-30", "14/11/2022", ""])
def test_to_date_refuses_what_is_not_an_iso_date(value):
    with pytest.raises(ValueError):
        to_date(value)


@pytest.mark.parametrize("later,earlier,days", [
    ("2023-02-06", "2022-11-14", 84), ("2022-11-14", "2023-02-06", -84), ("2023-02-06", None, None),
    (None, "2022-11-14", None), ("", "2022-11-14", None), ("2023-02-30", "2022-11-14", None),
])
def test_days_between(later, earlier, days):
    assert days_between(later, earlier) == days
