import datetime as dt

import pytest

from kechuang.tracking.engine import (
    Deadline,
    Recipient,
    ReminderKind,
    ReminderPolicy,
    deadlines_for,
    reminders_to_send,
    reporting_periods,
)

DUE = dt.date(2025, 4, 10)
Q1 = Deadline("海淀区科技局", "incubators", "2025-Q1", DUE)
K = ReminderKind


def on(n: int) -> dt.date:
    """``n`` days after the due date (negative: before)."""
    return DUE + dt.timedelta(days=n)


@pytest.mark.parametrize(
    ("n", "kinds"),
    [
        (-4, []),
        (-3, [K.DUE_SOON]),
        (0, [K.DUE_SOON]),  # due today
        (1, [K.OVERDUE]),  # due_soon window passed: superseded, not sent late
        (2, [K.OVERDUE]),
        (3, [K.OVERDUE, K.WARNING]),
        (7, [K.OVERDUE, K.WARNING, K.RED_FLAG]),
        (30, [K.OVERDUE, K.WARNING, K.RED_FLAG]),
    ],
)
def test_ladder_on_a_day_with_nothing_sent_yet(n, kinds):
    assert [r.kind for r in reminders_to_send([Q1], on(n))] == kinds


def test_reminders_name_level_recipient_and_trigger_day():
    found = reminders_to_send([Q1], on(10))
    assert [(r.level, r.recipient, r.trigger) for r in found] == [
        (1, Recipient.UNIT, on(1)),
        (2, Recipient.UNIT_HEAD, on(3)),
        (3, Recipient.LEADERS_DASHBOARD, on(7)),
    ]
    assert found[0].key == ("海淀区科技局", "incubators", "2025-Q1", "overdue")


def test_daily_runs_send_each_reminder_exactly_once():
    sent: set = set()
    log = []
    for n in range(-10, 20):
        for reminder in reminders_to_send([Q1], on(n), sent=sent):
            log.append((n, reminder.kind))
            sent.add(reminder.key)
    assert log == [(-3, K.DUE_SOON), (1, K.OVERDUE), (3, K.WARNING), (7, K.RED_FLAG)]


def test_running_twice_on_one_day_sends_nothing_new():
    first = reminders_to_send([Q1], on(3))
    assert reminders_to_send([Q1], on(3), sent={r.key for r in first}) == []


def test_a_job_that_did_not_run_catches_up():
    sent = {r.key for r in reminders_to_send([Q1], on(1))}  # overdue sent, then the job stopped
    caught_up = reminders_to_send([Q1], on(9), sent=sent)
    assert [(r.kind, r.trigger) for r in caught_up] == [(K.WARNING, on(3)), (K.RED_FLAG, on(7))]


def test_submitted_reports_stop_the_ladder():
    assert reminders_to_send([Q1], on(5), submitted={Q1.key}) == []


def test_policy_moves_the_rungs():
    policy = ReminderPolicy(due_soon_days=7, warning_after_days=5, red_flag_after_days=10)
    assert [r.kind for r in reminders_to_send([Q1], on(-7), policy=policy)] == [K.DUE_SOON]
    assert [r.kind for r in reminders_to_send([Q1], on(9), policy=policy)] == [K.OVERDUE, K.WARNING]


@pytest.mark.parametrize(
    "fields",
    [{"due_soon_days": -1}, {"warning_after_days": 0}, {"warning_after_days": 8, "red_flag_after_days": 7}],
)
def test_inconsistent_policies_are_refused(fields):
    with pytest.raises(ValueError):
        ReminderPolicy(**fields)


def test_many_deadlines_come_oldest_first():
    deadlines = deadlines_for("朝阳区科技局", "hte", reporting_periods(2025, "quarterly"))
    found = reminders_to_send(deadlines, dt.date(2025, 7, 12), submitted={("朝阳区科技局", "hte", "2025-Q2")})
    assert [(r.deadline.period, r.kind) for r in found] == [
        ("2025-Q1", K.OVERDUE),
        ("2025-Q1", K.WARNING),
        ("2025-Q1", K.RED_FLAG),
    ]
    found = reminders_to_send(deadlines, dt.date(2025, 7, 12))
    # Q2 fell due on 10 July: its overdue notice (from 11 July) follows Q1's older rungs.
    assert [(r.deadline.period, r.kind) for r in found][-2:] == [
        ("2025-Q1", K.RED_FLAG),
        ("2025-Q2", K.OVERDUE),
    ]
