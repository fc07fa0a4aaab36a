"""Background tasks of the core (Django's tasks framework; database-backed by default)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from django_tasks import task

from kechuang.core.models import Notification


@task()
def send_notification_email(notification_id: int) -> bool:
    """E-mail one notification once; a retried task does not send it twice."""
    note = Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    if note is None or note.emailed_at is not None or not note.recipient.email:
        return False
    send_mail(note.title, note.body or note.title, settings.DEFAULT_FROM_EMAIL, [note.recipient.email])
    Notification.objects.filter(pk=note.pk).update(emailed_at=timezone.now())
    return True
