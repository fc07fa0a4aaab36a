"""Schedules and catch-up policies of periodic jobs, with hand-picked instants (no clock involved)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from kechuang.core.schedule import CatchUp, JobRegistry, Schedule, ScheduleError, due_period

TZ = ZoneInfo("Asia/Shanghai")


def at(day: int, hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, second, tzinfo=TZ)


def job(catch_up: CatchUp = CatchUp.LATEST, **schedule: str):
    registry = JobRegistry()
    return registry.register("tracking.recompute", label="Recompute", task=object(), catch_up=catch_up,
                             **(schedule or {"daily_at": "18:30"}))


@pytest.mark.parametrize(("now", "period"), [
    (at(2, 18, 29, 59), at(1, 18, 30)),  # a second before: still yesterday's period
    (at(2, 18, 30), at(2, 18, 30)),      # the boundary minute itself starts the new period
    (at(2, 18, 30, 59), at(2, 18, 30)),
    (at(3, 2, 0), at(2, 18, 30)),
])
def test_the_period_is_the_latest_firing_at_or_before_now(now, period):
    assert Schedule.daily("18:30").latest_at_or_before(now) == period


def test_next_run_is_strictly_after_now():
    daily = Schedule.daily("18:30")
    assert daily.next_after(at(2, 18, 29, 59)) == at(2, 18, 30)
    assert daily.next_after(at(2, 18, 30)) == at(3, 18, 30)


def test_a_cron_expression_fires_on_its_minutes():
    every_quarter = Schedule.cron("*/15 * * * *")
    assert every_quarter.latest_at_or_before(at(2, 9, 44, 59)) == at(2, 9, 30)
    assert every_quarter.next_after(at(2, 9, 44, 59)) == at(2, 9, 45)


def test_latest_runs_the_missed_period_once_however_late():
    recompute = job(CatchUp.LATEST)
    assert due_period(recompute, at(2, 18, 30)) == at(2, 18, 30)
    # The machines were down from 18:00 to 23:10: the 18:30 period still runs, once (the row decides).
    assert due_period(recompute, at(2, 23, 10)) == at(2, 18, 30)
    # Down for two days: only the latest missed period (the 3rd's) is due, not the 2nd's as well.
    assert due_period(recompute, at(4, 9, 0)) == at(3, 18, 30)


def test_skip_missed_runs_only_within_the_grace_after_the_period_starts():
    reminders = job(CatchUp.SKIP_MISSED)
    assert due_period(reminders, at(2, 18, 30)) == at(2, 18, 30)
    assert due_period(reminders, at(2, 18, 35)) == at(2, 18, 30)  # five minutes late: the default grace
    assert due_period(reminders, at(2, 18, 35, 1)) is None  # later: skipped until tomorrow
    assert due_period(reminders, at(3, 18, 30)) == at(3, 18, 30)


@pytest.mark.parametrize("expression", ["61 * * * *", "* * *", "30 18 * * mon-xyz", "every day", "@daily"])
def test_an_unparseable_cron_expression_is_refused_at_registration_with_the_expression_and_reason(expression):
    registry = JobRegistry()
    with pytest.raises(ScheduleError) as caught:
        registry.register("x.bad", label="Bad", task=object(), cron=expression)
    assert caught.value.params["expression"] == expression
    assert caught.value.params["job"] == "x.bad"
    assert caught.value.params["reason"]  # cronsim's reason, e.g. "Bad minute"
    assert expression in str(caught.value) and caught.value.params["reason"] in str(caught.value)
    assert len(registry) == 0


def test_the_reason_names_the_field_that_is_wrong():
    with pytest.raises(ScheduleError) as caught:
        Schedule.cron("61 * * * *", job="x.bad")
    assert caught.value.params["reason"] == "Bad minute"


@pytest.mark.parametrize("value", ["24:00", "18:60", "6pm", ""])
def test_a_daily_time_that_is_not_hh_mm_is_refused(value):
    with pytest.raises(ScheduleError, match="not a time of day"):
        JobRegistry().register("x.bad", label="Bad", task=object(), daily_at=value)


def test_a_job_needs_exactly_one_schedule_and_a_free_name():
    registry = JobRegistry()
    with pytest.raises(ScheduleError, match="exactly one"):
        registry.register("x.none", label="None", task=object())
    with pytest.raises(ScheduleError, match="exactly one"):
        registry.register("x.both", label="Both", task=object(), cron="* * * * *", daily_at="01:00")
    registry.register("x.once", label="Once", task=object(), daily_at="01:00")
    with pytest.raises(ScheduleError, match="already registered"):
        registry.register("x.once", label="Again", task=object(), daily_at="02:00")
    assert [j.name for j in registry] == ["x.once"]


@pytest.mark.parametrize(("schedule", "words"), [
    (Schedule.daily("7:05"), ("Every day at %(time)s", {"time": "07:05"})),
    (Schedule.cron("30 18 * * *"), ("Every day at %(time)s", {"time": "18:30"})),
    (Schedule.cron("0 9 * * 1-5"), ("Monday to Friday at %(time)s", {"time": "09:00"})),
    (Schedule.cron("0 9 1 * *"), ("On day %(day)s of every month at %(time)s", {"day": 1, "time": "09:00"})),
    (Schedule.cron("15 * * * *"), ("Every hour at minute %(minute)s", {"minute": 15})),
    (Schedule.cron("*/10 * * * *"), ("Every %(n)s minutes", {"n": 10})),
    (Schedule.cron("0 0 1 1 *"), ("On the cron schedule “%(expression)s”", {"expression": "0 0 1 1 *"})),
])
def test_a_schedule_is_said_in_words(schedule, words):
    assert schedule.describe() == words


def test_a_custom_grace_widens_the_skip_window():
    registry = JobRegistry()
    lenient = registry.register("x.lenient", label="Lenient", task=object(), daily_at="18:30",
                                catch_up=CatchUp.SKIP_MISSED, grace=timedelta(hours=1))
    assert due_period(lenient, at(2, 19, 30)) == at(2, 18, 30)
    assert due_period(lenient, at(2, 19, 31)) is None
