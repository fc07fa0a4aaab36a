"""Which report reminders to send today (临近提醒 → 到期催办 → 情况通报).

For every deadline not yet submitted, the ladder is:

==========  =====  ==================  ==========================================================
kind        level  recipient           due from
==========  =====  ==================  ==========================================================
due_soon    0      unit                ``due_soon_days`` before the due date, up to the due date
overdue     1      unit                the day after the due date
warning     2      unit_head           ``warning_after_days`` days overdue
red_flag    3      leaders_dashboard   ``red_flag_after_days`` days overdue
==========  =====  ==================  ==========================================================

The job is idempotent and catches up: it is given the reminders already sent and returns every
reminder whose day has come and that has not been sent, so running it twice sends nothing new and
skipping days loses nothing (after a week's outage the overdue notice, the warning and the red
flag all go out together). The one exception is deliberate: a ``due_soon`` notice whose window
has passed is not sent late, because "due in 3 days" after the due date is wrong; the overdue
notice that supersedes it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum

from .periods import ReportingPeriod

DeadlineKey = tuple[str, str, str]  # (unit, target, period)
ReminderKey = tuple[str, str, str, str]  # (unit, target, period, kind)


class ReminderKind(StrEnum):
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    WARNING = "warning"
    RED_FLAG = "red_flag"


class Recipient(StrEnum):
    UNIT = "unit"
    UNIT_HEAD = "unit_head"
    LEADERS_DASHBOARD = "leaders_dashboard"


_LEVELS = {
    ReminderKind.DUE_SOON: 0,
    ReminderKind.OVERDUE: 1,
    ReminderKind.WARNING: 2,
    ReminderKind.RED_FLAG: 3,
}
_RECIPIENTS = {
    ReminderKind.DUE_SOON: Recipient.UNIT,
    ReminderKind.OVERDUE: Recipient.UNIT,
    ReminderKind.WARNING: Recipient.UNIT_HEAD,
    ReminderKind.RED_FLAG: Recipient.LEADERS_DASHBOARD,
}


@dataclass(frozen=True, slots=True)
class ReminderPolicy:
    due_soon_days: int = 3
    warning_after_days: int = 3
    red_flag_after_days: int = 7

    def __post_init__(self) -> None:
        if self.due_soon_days < 0 or not 1 <= self.warning_after_days <= self.red_flag_after_days:
            raise ValueError("need due_soon_days >= 0 and 1 <= warning_after_days <= red_flag_after_days")

    def trigger(self, kind: ReminderKind, due: dt.date) -> dt.date:
        """The first day on which ``kind`` is due for a deadline on ``due``."""
        offsets = {
            ReminderKind.DUE_SOON: -self.due_soon_days,
            ReminderKind.OVERDUE: 1,
            ReminderKind.WARNING: self.warning_after_days,
            ReminderKind.RED_FLAG: self.red_flag_after_days,
        }
        return due + dt.timedelta(days=offsets[kind])


@dataclass(frozen=True, slots=True)
class Deadline:
    unit: str
    target: str
    period: str
    due: dt.date

    @property
    def key(self) -> DeadlineKey:
        return (self.unit, self.target, self.period)


@dataclass(frozen=True, slots=True)
class Reminder:
    deadline: Deadline
    kind: ReminderKind
    trigger: dt.date  # the day it became due; earlier than today when caught up

    @property
    def level(self) -> int:
        return _LEVELS[self.kind]

    @property
    def recipient(self) -> Recipient:
        return _RECIPIENTS[self.kind]

    @property
    def key(self) -> ReminderKey:
        """What the caller stores once sent, and passes back as ``sent``."""
        return (*self.deadline.key, self.kind.value)


def deadlines_for(unit: str, target: str, periods: Iterable[ReportingPeriod]) -> list[Deadline]:
    """One deadline per reporting period for a unit's target."""
    return [Deadline(unit, target, period.key, period.due) for period in periods]


def reminders_to_send(
    deadlines: Iterable[Deadline],
    today: dt.date,
    *,
    submitted: Collection[DeadlineKey] = (),
    sent: Collection[ReminderKey] = (),
    policy: ReminderPolicy | None = None,
) -> list[Reminder]:
    """The reminders due by ``today`` and not yet sent, oldest first."""
    policy = policy or ReminderPolicy()
    submitted, sent = set(submitted), set(sent)
    found = []
    for deadline in deadlines:
        if deadline.key in submitted:
            continue
        for kind in ReminderKind:
            start = policy.trigger(kind, deadline.due)
            if today < start or (kind is ReminderKind.DUE_SOON and today > deadline.due):
                continue
            reminder = Reminder(deadline, kind, start)
            if reminder.key not in sent:
                found.append(reminder)
    found.sort(key=lambda r: (r.trigger, r.deadline.key, r.level))
    return found
