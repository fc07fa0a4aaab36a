"""Background tasks of tracking (Django's tasks framework): the daily status recompute and reminders."""

from __future__ import annotations

from django_tasks import task

from kechuang.tracking.recompute import status_recompute
from kechuang.tracking.reminders import reminders_run


@task()
def recompute_statuses() -> int:
    return status_recompute()


@task()
def send_reminders() -> int:
    return len(reminders_run())
