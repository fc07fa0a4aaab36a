import datetime as dt

import pytest

from kechuang.core.bulk import insert_rows, upsert_rows
from kechuang.core.models import LoginThrottle, Notification
from kechuang.core.roles import Role


@pytest.mark.django_db
def test_upsert_inserts_then_updates_on_conflict() -> None:
    until = dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC)
    upsert_rows(LoginThrottle, ("username", "failures", "locked_until"), [("a", 1, None), ("b", 2, until)],
                conflict="username")
    upsert_rows(LoginThrottle, ("username", "failures", "locked_until"), [("a", 5, None)], conflict="username")
    assert dict(LoginThrottle.objects.values_list("username", "failures")) == {"a": 5, "b": 2}
    assert LoginThrottle.objects.get(username="b").locked_until == until


@pytest.mark.django_db
def test_insert_rows(world) -> None:
    user = world.user(Role.PLANNER)
    now = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)
    insert_rows(Notification, ("recipient", "title", "body", "link", "level", "created_at"),
                [(user.pk, f"t{i}", "", "", "info", now) for i in range(3)], batch_size=2)
    assert sorted(Notification.objects.values_list("title", flat=True)) == ["t0", "t1", "t2"]
