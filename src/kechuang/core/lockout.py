"""Lock an account name out after repeated failed logins.

Counted per user name (not per address) so that an attacker cycling addresses gets nowhere; the lock
expires by itself after ``LOGIN_LOCKOUT_MINUTES`` so a locked-out clerk is not stuck until an admin acts.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from kechuang.core.models import LoginThrottle


def locked_until(username: str) -> dt.datetime | None:
    row = LoginThrottle.objects.filter(username=username.lower()).first()
    if row and row.locked_until and row.locked_until > timezone.now():
        return row.locked_until
    return None


@transaction.atomic
def record_failure(username: str) -> None:
    row, _ = LoginThrottle.objects.get_or_create(username=username.lower())
    LoginThrottle.objects.filter(pk=row.pk).update(failures=F("failures") + 1)
    row.refresh_from_db()
    if row.failures >= settings.LOGIN_FAILURE_LIMIT:
        row.locked_until = timezone.now() + dt.timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
        row.failures = 0
        row.save(update_fields=["locked_until", "failures"])


def record_success(username: str) -> None:
    LoginThrottle.objects.filter(username=username.lower()).delete()
