import datetime as dt

from kechuang.core.models import Notification
from kechuang.core.roles import Role
from kechuang.tracking import services
from kechuang.tracking.models import ReminderSent
from kechuang.tracking.reminders import reminders_run
from kechuang.tracking.services import ReportInput

Q2_DUE = dt.date(2025, 7, 10)


def kinds(unit, period: str = "2025-Q2") -> list[str]:
    return sorted(ReminderSent.objects.filter(unit=unit, period_key=period).values_list("kind", flat=True))


def test_the_ladder_escalates_once_per_rung_and_reruns_send_nothing(tracked):
    world = tracked.world
    reminders_run(today=Q2_DUE - dt.timedelta(days=2))
    assert kinds(world.department) == ["due_soon"]
    assert kinds(world.department, "2025-Q1") == ["overdue", "red_flag", "warning"]  # Q1 was never filed
    due_soon = Notification.objects.filter(recipient=tracked.district, level="info")
    assert due_soon.count() == 1  # one message per unit and rung, naming both targets
    assert "单位产值能耗" in due_soon.get().body and "省级重点实验室" in due_soon.get().body
    notes = Notification.objects.filter(recipient=tracked.dept).count()
    reminders_run(today=Q2_DUE - dt.timedelta(days=1))
    assert Notification.objects.filter(recipient=tracked.dept).count() == notes
    reminders_run(today=Q2_DUE + dt.timedelta(days=8))  # a week's outage: every rung catches up
    assert kinds(world.department) == ["due_soon", "overdue", "red_flag", "warning"]
    assert Notification.objects.filter(recipient=tracked.leader, title__contains="高新处").exists()
    planner_flags = Notification.objects.filter(recipient=tracked.planner, level="danger").count()
    assert planner_flags >= 1
    total = ReminderSent.objects.count()
    assert reminders_run(today=Q2_DUE + dt.timedelta(days=8)) == []
    assert ReminderSent.objects.count() == total


def test_a_submitted_report_stops_the_ladder(tracked):
    hte = tracked.by_metric("高新技术企业")
    report = services.report_save(actor=tracked.dept, assignment=hte, unit=tracked.world.department,
                                  data=ReportInput("2025-Q2", value=20), today=dt.date(2025, 7, 1))
    services.report_transition(actor=tracked.dept, report=report, name="submit")
    reminders_run(today=Q2_DUE + dt.timedelta(days=8))
    assert not ReminderSent.objects.filter(assignment=hte, period_key="2025-Q2").exists()
    assert ReminderSent.objects.filter(unit=tracked.world.district_bureau, kind="red_flag").exists()
    assert tracked.world.user(Role.LEADER) == tracked.leader
