import datetime as dt
from itertools import pairwise

import pytest

from kechuang.tracking.engine import Frequency, reporting_periods

D = dt.date


@pytest.mark.parametrize(
    ("frequency", "count", "first", "last"),
    [
        (
            "monthly",
            12,
            ("2024-M01", D(2024, 1, 1), D(2024, 1, 31)),
            ("2024-M12", D(2024, 12, 1), D(2024, 12, 31)),
        ),
        (
            "quarterly",
            4,
            ("2024-Q1", D(2024, 1, 1), D(2024, 3, 31)),
            ("2024-Q4", D(2024, 10, 1), D(2024, 12, 31)),
        ),
        (
            "half_yearly",
            2,
            ("2024-H1", D(2024, 1, 1), D(2024, 6, 30)),
            ("2024-H2", D(2024, 7, 1), D(2024, 12, 31)),
        ),
        ("yearly", 1, ("2024", D(2024, 1, 1), D(2024, 12, 31)), ("2024", D(2024, 1, 1), D(2024, 12, 31))),
    ],
)
def test_calendars(frequency, count, first, last):
    periods = reporting_periods(2024, frequency)
    assert len(periods) == count
    assert (periods[0].key, periods[0].start, periods[0].end) == first
    assert (periods[-1].key, periods[-1].start, periods[-1].end) == last


def test_periods_tile_the_year():
    periods = reporting_periods(2024, Frequency.MONTHLY)
    assert all(b.start == a.end + dt.timedelta(days=1) for a, b in pairwise(periods))
    assert periods[1].end == D(2024, 2, 29)  # leap year


def test_due_date_and_closing():
    q4 = reporting_periods(2024, Frequency.QUARTERLY, due_after_days=15)[-1]
    assert q4.due == D(2025, 1, 15)
    assert not q4.is_closed(D(2025, 1, 15))
    assert q4.is_closed(D(2025, 1, 16))
    assert reporting_periods(2024, "monthly")[0].due == D(2024, 2, 10)  # default: 10 days after
