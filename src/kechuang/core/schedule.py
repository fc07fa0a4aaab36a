"""Periodic jobs: their schedules, catch-up policies and the registry apps add them to (plain Python).

A job is a name, a schedule (a five-field cron expression, or "daily at HH:MM" which is the same thing
said plainly), a catch-up policy and the task to enqueue. Every machine runs ``kechuang tick`` once a
minute; for each job the tick asks :func:`due_period` which period is due *now* and tries to insert a row
for (job, period start) — the database's unique constraint lets exactly one machine win, so nothing here
needs to know about machines, locks or brokers.

Cron expressions are parsed by `cronsim <https://pypi.org/project/cronsim/>`_ (the evaluator Healthchecks.io
runs in production: typed, no dependencies, Debian cron semantics including the day-of-month/day-of-week
"or", DST-aware, and it iterates backwards, which is how the latest period at or before now is found). An
expression it cannot parse is refused when the job is registered, naming the job, the expression and the
reason, so a typo stops the app from starting instead of a job silently never running.

Times are timezone-aware datetimes in the zone the schedule is read in (the bureau's ``TIME_ZONE``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from typing import Any

from cronsim import CronSim, CronSimError

from kechuang.i18n import MessageError, gettext_noop

_MINUTE = timedelta(minutes=1)
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class ScheduleError(MessageError):
    """A job or schedule was refused at registration; ``template % params`` says what and why."""


class CatchUp(StrEnum):
    """What a tick does about a period whose time passed while no machine ticked (downtime, a deploy)."""

    SKIP_MISSED = "skip_missed"  # run only if the tick comes within the grace after the period starts
    LATEST = "latest"  # run once for the latest period, however late; older missed periods are dropped


CATCH_UP_LABELS: dict[CatchUp, str] = {
    CatchUp.SKIP_MISSED: gettext_noop("Skip missed runs"),
    CatchUp.LATEST: gettext_noop("Run once for the latest missed period"),
}


@dataclass(frozen=True, slots=True)
class Schedule:
    """A cron expression; ``daily_at`` is kept when the schedule was given as a time of day."""

    expression: str
    daily_at: time | None = None

    @classmethod
    def cron(cls, expression: str, *, job: str = "") -> Schedule:
        """Parse ``expression`` now, so a bad one is refused at registration with the reason."""
        expression = " ".join(expression.split())
        try:
            CronSim(expression, datetime(2000, 1, 1))
        except CronSimError as exc:
            raise ScheduleError(
                gettext_noop("The schedule of job “%(job)s” is not a cron expression that parses: "
                             "“%(expression)s” (%(reason)s)."),
                job=job, expression=expression, reason=str(exc)) from exc
        return cls(expression)

    @classmethod
    def daily(cls, hhmm: str, *, job: str = "") -> Schedule:
        """Every day at ``hhmm`` (24-hour ``HH:MM``)."""
        match = _HHMM.match(hhmm.strip())
        if match is None:
            raise ScheduleError(
                gettext_noop("The daily time of job “%(job)s” is not a time of day HH:MM: “%(value)s”."),
                job=job, value=hhmm)
        hour, minute = int(match[1]), int(match[2])
        return cls(f"{minute} {hour} * * *", time(hour, minute))

    def latest_at_or_before(self, now: datetime) -> datetime:
        """The start of the period ``now`` falls in: the latest firing time at or before ``now``'s minute."""
        after = now.replace(second=0, microsecond=0) + _MINUTE
        return next(CronSim(self.expression, after, reverse=True))

    def next_after(self, now: datetime) -> datetime:
        """The first firing time strictly after ``now``."""
        return next(CronSim(self.expression, now))

    def describe(self) -> tuple[str, dict[str, Any]]:
        """The schedule in words, as an English template and its parameters (translated by the web layer)."""
        if self.daily_at is not None:
            return gettext_noop("Every day at %(time)s"), {"time": self.daily_at.strftime("%H:%M")}
        minute, hour, dom, month, dow = self.expression.split()  # cronsim accepts five fields only
        if (minute.isdigit() and hour.isdigit() and month == "*") and (dom, dow) in {("*", "*"), ("*", "1-5")}:
            at = {"time": f"{int(hour):02d}:{int(minute):02d}"}
            if dow == "1-5":
                return gettext_noop("Monday to Friday at %(time)s"), at
            return gettext_noop("Every day at %(time)s"), at
        if minute.isdigit() and hour.isdigit() and dom.isdigit() and month == "*" and dow == "*":
            return (gettext_noop("On day %(day)s of every month at %(time)s"),
                    {"day": int(dom), "time": f"{int(hour):02d}:{int(minute):02d}"})
        if minute.isdigit() and hour == "*" and dom == month == dow == "*":
            return gettext_noop("Every hour at minute %(minute)s"), {"minute": int(minute)}
        if minute.startswith("*/") and minute[2:].isdigit() and hour == dom == month == dow == "*":
            return gettext_noop("Every %(n)s minutes"), {"n": int(minute[2:])}
        return gettext_noop("On the cron schedule “%(expression)s”"), {"expression": self.expression}


@dataclass(frozen=True, slots=True)
class Job:
    """A periodic job. ``task`` is the django-tasks task to run (it takes no arguments)."""

    name: str
    label: str  # English, marked with gettext_noop by the registering app
    schedule: Schedule
    catch_up: CatchUp
    task: Any
    grace: timedelta = timedelta(minutes=5)  # how late a tick may be and still run a SKIP_MISSED period


def due_period(job: Job, now: datetime) -> datetime | None:
    """The period start a tick at ``now`` should run ``job`` for, or ``None`` when its period was missed.

    The caller runs the period only if no row for (job, period start) exists yet, so ticking many times in a
    minute, or on many machines, runs each period once.
    """
    start = job.schedule.latest_at_or_before(now)
    if job.catch_up is CatchUp.SKIP_MISSED and now - start > job.grace:
        return None
    return start


class JobRegistry:
    """The periodic jobs by name; apps register theirs in ``AppConfig.ready()``."""

    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}

    def register(
        self,
        name: str,
        *,
        label: str,
        task: Any,
        cron: str | None = None,
        daily_at: str | None = None,
        catch_up: CatchUp = CatchUp.LATEST,
        grace: timedelta = timedelta(minutes=5),
    ) -> Job:
        """Add a job; refused, saying why, for a taken name, a missing or double schedule or a bad expression."""
        if name in self._jobs:
            raise ScheduleError(gettext_noop("A job named “%(job)s” is already registered."), job=name)
        if (cron is None) == (daily_at is None):
            raise ScheduleError(gettext_noop("Job “%(job)s” needs exactly one of a cron expression and a daily "
                                             "time."), job=name)
        schedule = Schedule.cron(cron, job=name) if cron is not None else Schedule.daily(daily_at or "", job=name)
        job = Job(name, label, schedule, CatchUp(catch_up), task, grace)
        self._jobs[name] = job
        return job

    def get(self, name: str) -> Job | None:
        return self._jobs.get(name)

    def __iter__(self) -> Iterator[Job]:
        return iter(sorted(self._jobs.values(), key=lambda j: j.name))

    def __len__(self) -> int:
        return len(self._jobs)


JOBS = JobRegistry()
