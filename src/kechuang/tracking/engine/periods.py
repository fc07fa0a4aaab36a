"""Reporting-period calendars (填报周期): monthly, quarterly, half-yearly or yearly, per year.

A period's report is due a fixed number of days after the period ends (e.g. the monthly report
by the 10th of the next month) and the period is closed for reporting once that day has passed.
Keys are stable codes ("2025-M03", "2025-Q1", "2025-H2", "2025") that progress reports and sent
reminders can store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

DEFAULT_DUE_AFTER_DAYS = 10


class Frequency(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"


_MONTHS_PER_PERIOD = {
    Frequency.MONTHLY: 1,
    Frequency.QUARTERLY: 3,
    Frequency.HALF_YEARLY: 6,
    Frequency.YEARLY: 12,
}
_KEY_PREFIX = {Frequency.QUARTERLY: "Q", Frequency.HALF_YEARLY: "H"}


@dataclass(frozen=True, slots=True)
class ReportingPeriod:
    key: str
    start: dt.date
    end: dt.date
    due: dt.date

    def is_closed(self, today: dt.date) -> bool:
        """Closed for reporting: the due date has passed (reports on the due date still count)."""
        return today > self.due


def reporting_periods(
    year: int, frequency: Frequency | str, *, due_after_days: int = DEFAULT_DUE_AFTER_DAYS
) -> list[ReportingPeriod]:
    """The year's periods in order, each due ``due_after_days`` after its last day."""
    frequency = Frequency(frequency)
    months = _MONTHS_PER_PERIOD[frequency]
    periods = []
    for index, first_month in enumerate(range(1, 13, months), start=1):
        start = dt.date(year, first_month, 1)
        next_start = (
            dt.date(year + 1, 1, 1) if first_month + months > 12 else dt.date(year, first_month + months, 1)
        )
        end = next_start - dt.timedelta(days=1)
        periods.append(
            ReportingPeriod(_key(year, frequency, index), start, end, end + dt.timedelta(days=due_after_days))
        )
    return periods


def _key(year: int, frequency: Frequency, index: int) -> str:
    if frequency is Frequency.YEARLY:
        return str(year)
    if frequency is Frequency.MONTHLY:
        return f"{year}-M{index:02d}"
    return f"{year}-{_KEY_PREFIX[frequency]}{index}"
