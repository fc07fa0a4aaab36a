from __future__ import annotations

import pytest
from django.core import mail

from kechuang.core.models import Notification
from kechuang.core.notifications import mark_read, notify, unread_for
from kechuang.core.roles import Role
from kechuang.core.tasks import send_notification_email


@pytest.mark.django_db(transaction=True)
def test_notification_is_stored_and_emailed_once(world) -> None:
    user = world.user(Role.PLANNER)
    user.email = "planner@example.org"
    user.save()
    note = notify(recipient=user, title="进展报告被退回", body="请补充佐证材料。", link="/plans/")
    assert list(unread_for(user)) == [note]
    assert [m.to for m in mail.outbox] == [["planner@example.org"]]
    assert mail.outbox[0].subject == "进展报告被退回"
    send_notification_email.call(note.pk)  # a retried task
    assert len(mail.outbox) == 1
    assert Notification.objects.get(pk=note.pk).emailed_at is not None
    assert mark_read(user=user) == 1
    assert not unread_for(user).exists()


@pytest.mark.django_db(transaction=True)
def test_no_email_without_address(world) -> None:
    notify(recipient=world.user(Role.LEADER), title="红灯预警")
    assert mail.outbox == []
