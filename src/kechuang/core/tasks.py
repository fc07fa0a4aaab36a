"""Background tasks of the core (Django's tasks framework; database-backed by default)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from kechuang.core.models import JobRun, Notification
from kechuang.core.schedule import JOBS


@task()
def send_notification_email(notification_id: int) -> bool:
    """E-mail one notification once; a retried task does not send it twice."""
    note = Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    if note is None or note.emailed_at is not None or not note.recipient.email:
        return False
    send_mail(note.title, note.body or note.title, settings.DEFAULT_FROM_EMAIL, [note.recipient.email])
    Notification.objects.filter(pk=note.pk).update(emailed_at=timezone.now())
    return True


@task()
def run_scheduled_job(run_id: int) -> str:
    """Run the job of one :class:`JobRun` and write its start, end and result or error back to the row.

    Jobs' own tasks stay plain (no run id to thread through); this wrapper is what the tick enqueues. The
    job runs in a savepoint, so a database error inside it still leaves the failure recordable; the error
    is re-raised so the task framework marks its own result failed too.
    """
    run = JobRun.objects.get(pk=run_id)
    JobRun.objects.filter(pk=run_id).update(status=JobRun.Status.RUNNING, started_at=timezone.now())
    job = JOBS.get(run.job)
    try:
        if job is None:
            raise LookupError(f"job {run.job!r} is no longer registered")
        with transaction.atomic():
            value = job.task.call()
    except Exception as exc:
        JobRun.objects.filter(pk=run_id).update(
            status=JobRun.Status.FAILED, finished_at=timezone.now(), error=f"{type(exc).__name__}: {exc}"[:4000])
        raise
    result = "" if value is None else str(value)[:200]
    JobRun.objects.filter(pk=run_id).update(status=JobRun.Status.SUCCEEDED, finished_at=timezone.now(), result=result)
    return result
