"""The tick: enqueue each periodic job once per period, whichever machines and however often they tick.

``kechuang tick`` (cron or a systemd timer, every minute, on every machine; ``kechuang serve --worker`` runs
it by itself) calls :func:`tick`. For each registered job whose period is due, it INSERTs a
:class:`~kechuang.core.models.JobRun` for (job, period start) and enqueues the job in the same
transaction. The unique constraint decides: on PostgreSQL a second machine's INSERT waits for the first
to commit and then fails; on SQLite the write transactions are serialised (``BEGIN IMMEDIATE``) and the
second finds the row. Either way exactly one machine enqueues, and no broker or lock service is needed.
"""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from kechuang.core.models import JobRun, User
from kechuang.core.schedule import JOBS, Job, due_period

log = logging.getLogger(__name__)


def local_now(now: datetime | None = None) -> datetime:
    """``now`` (default: the clock) in the bureau's zone, where schedules are read."""
    return (now or timezone.now()).astimezone(ZoneInfo(settings.TIME_ZONE))


def tick(*, now: datetime | None = None) -> list[JobRun]:
    """Enqueue every job whose period is due at ``now`` and not yet run; returns the runs this call enqueued."""
    at = local_now(now)
    started: list[JobRun] = []
    for job in JOBS:
        period = due_period(job, at)
        if period is None:
            continue
        if JobRun.objects.filter(job=job.name, period_start=period, trigger=JobRun.Trigger.SCHEDULE).exists():
            continue  # the common case after the first tick of a period: no write, no conflict
        try:
            with transaction.atomic():
                started.append(_enqueue(job, period_start=period, trigger=JobRun.Trigger.SCHEDULE, at=at))
        except IntegrityError:
            log.info("job %s for %s was enqueued by another tick", job.name, period.isoformat())
    return started


def job_enqueue_now(job: Job, *, requested_by: User | None, now: datetime | None = None) -> JobRun:
    """Enqueue ``job`` outside its schedule (the admin page's "run now"); call inside a transaction."""
    at = local_now(now)
    return _enqueue(job, period_start=at, trigger=JobRun.Trigger.MANUAL, at=at, requested_by=requested_by)


def _enqueue(job: Job, *, period_start: datetime, trigger: str, at: datetime,
             requested_by: User | None = None) -> JobRun:
    """Insert the run row, then enqueue the recording wrapper on the job task's own queue and priority."""
    from kechuang.core.tasks import run_scheduled_job

    run = JobRun.objects.create(job=job.name, period_start=period_start, trigger=trigger, enqueued_at=at,
                                requested_by=requested_by)
    queued = run_scheduled_job.using(queue_name=job.task.queue_name, priority=job.task.priority).enqueue(run.pk)
    JobRun.objects.filter(pk=run.pk).update(task_result_id=str(queued.id))
    run.refresh_from_db()
    return run
