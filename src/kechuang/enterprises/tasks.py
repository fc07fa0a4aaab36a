"""Background tasks of enterprises (Django's tasks framework): the daily certificate reminders and re-assessment.

Both are periodic jobs (registered in ``apps.py``; ``kechuang tick`` enqueues them); the management commands
``enterprise_reminders`` and ``enterprise_assess`` call the same functions by hand.
"""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from kechuang.enterprises.assessment import assess_profiles
from kechuang.enterprises.services import renewal_reminders_send


@task()
def send_certificate_reminders() -> int:
    """Remind enterprises whose high-tech certificate ends within a year (each certificate once)."""
    return renewal_reminders_send(today=timezone.localdate())


@task()
def reassess_enterprises() -> int:
    """Re-assess every enterprise on today's date: outcomes depend on the date even when no figure changed."""
    return assess_profiles(None, on=timezone.localdate())
