"""In-app notifications with an e-mail channel.

The in-app row is written at once, in the caller's transaction; the e-mail goes out from a background
task after commit, so a slow mail server never holds up a page and a rolled-back change sends nothing.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from kechuang.core.models import Notification, User


def notify(
    *, recipient: User, title: str, body: str = "", link: str = "", level: str = "info", email: bool = True
) -> Notification:
    note = Notification.objects.create(recipient=recipient, title=title, body=body, link=link, level=level)
    if email and recipient.email:
        from kechuang.core.tasks import send_notification_email

        transaction.on_commit(lambda: send_notification_email.enqueue(note.pk))
    return note


def unread_for(user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user, read_at__isnull=True)


def mark_read(*, user: User, notification_ids: list[int] | None = None) -> int:
    """Mark the given notifications of ``user`` read (all when ``notification_ids`` is None)."""
    qs = unread_for(user)
    if notification_ids is not None:
        qs = qs.filter(pk__in=notification_ids)
    return qs.update(read_at=timezone.now())
