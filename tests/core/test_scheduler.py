"""The tick, the run rows, "run now" and the jobs page, with time passed explicitly or frozen."""

from __future__ import annotations

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django_tasks import task

from kechuang.core.audit import audit_for
from kechuang.core.models import AuditEntry, JobRun
from kechuang.core.roles import Role
from kechuang.core.schedule import JOBS, CatchUp
from kechuang.core.scheduler import tick

TZ = ZoneInfo("Asia/Shanghai")
CALLS: list[str] = []


@task()
def count_call() -> int:
    CALLS.append("called")
    return len(CALLS)


@task()
def explode() -> None:
    raise RuntimeError("disk full")


def at(day: int, hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, second, tzinfo=TZ)


@pytest.fixture
def jobs(monkeypatch):
    """Only this test's jobs are registered (the apps' real jobs are set aside)."""
    monkeypatch.setattr(JOBS, "_jobs", {})
    CALLS.clear()
    return JOBS


def runs(name: str) -> list[JobRun]:
    return list(JobRun.objects.filter(job=name).order_by("period_start"))


@pytest.mark.django_db
def test_a_job_is_enqueued_once_per_period_however_often_it_ticks(jobs):
    jobs.register("test.daily", label="Daily", task=count_call, daily_at="18:30")
    assert [r.job for r in tick(now=at(2, 18, 30))] == ["test.daily"]
    assert tick(now=at(2, 18, 30, 40)) == []
    assert tick(now=at(2, 18, 31)) == []
    assert tick(now=at(3, 18, 29)) == []
    assert len(tick(now=at(3, 18, 30))) == 1
    assert [r.period_start for r in runs("test.daily")] == [at(2, 18, 30), at(3, 18, 30)]
    assert CALLS == ["called", "called"]


@pytest.mark.django_db
def test_the_task_writes_its_start_end_and_result_to_its_run_row(jobs):
    jobs.register("test.daily", label="Daily", task=count_call, daily_at="18:30")
    tick(now=at(2, 18, 30))
    run = JobRun.objects.get(job="test.daily")
    assert run.status == JobRun.Status.SUCCEEDED
    assert run.result == "1"
    assert run.trigger == JobRun.Trigger.SCHEDULE
    assert run.enqueued_at == at(2, 18, 30)
    assert run.started_at is not None and run.finished_at is not None and run.error == ""
    assert run.task_result_id


@pytest.mark.django_db
def test_a_failing_job_is_recorded_failed_with_its_error_text(jobs):
    jobs.register("test.broken", label="Broken", task=explode, daily_at="18:30")
    tick(now=at(2, 18, 30))
    run = JobRun.objects.get(job="test.broken")
    assert run.status == JobRun.Status.FAILED
    assert run.error == "RuntimeError: disk full"
    assert run.finished_at is not None
    assert tick(now=at(2, 18, 31)) == []  # a failed period is not retried every minute


@pytest.mark.django_db
def test_after_downtime_the_latest_policy_runs_the_missed_period_once(jobs):
    jobs.register("test.latest", label="Latest", task=count_call, daily_at="18:30", catch_up=CatchUp.LATEST)
    tick(now=at(4, 9, 0))  # the machines were off on the 2nd and 3rd evenings
    tick(now=at(4, 9, 1))
    assert [r.period_start for r in runs("test.latest")] == [at(3, 18, 30)]


@pytest.mark.django_db
def test_after_downtime_the_skip_policy_waits_for_the_next_period(jobs):
    jobs.register("test.skip", label="Skip", task=count_call, daily_at="18:30", catch_up=CatchUp.SKIP_MISSED)
    assert tick(now=at(2, 18, 40)) == []
    assert runs("test.skip") == []
    tick(now=at(3, 18, 31))
    assert [r.period_start for r in runs("test.skip")] == [at(3, 18, 30)]


@pytest.mark.django_db
def test_tick_reads_the_frozen_clock_in_the_bureau_time_zone(jobs):
    jobs.register("test.daily", label="Daily", task=count_call, daily_at="18:30")
    with time_machine.travel(datetime(2026, 3, 2, 10, 30, 5, tzinfo=ZoneInfo("UTC")), tick=False):
        out = StringIO()
        call_command("tick", stdout=out)
    assert out.getvalue().strip() == "enqueued test.daily for 2026-03-02 18:30"
    assert runs("test.daily")[0].period_start == at(2, 18, 30)


@pytest.mark.django_db
def test_the_apps_register_todays_daily_jobs():
    assert {j.name for j in JOBS} >= {"tracking.recompute", "tracking.reminders",
                                      "enterprises.certificate_reminders", "enterprises.reassess"}
    assert JOBS.get("tracking.recompute").task.name == "recompute_statuses"
    assert JOBS.get("enterprises.reassess").task.name == "reassess_enterprises"


@pytest.mark.django_db
def test_todays_jobs_run_from_a_tick_and_record_their_counts(world):
    with time_machine.travel(at(2, 18, 55), tick=False):
        call_command("tick", stdout=StringIO())
    done = {r.job: r for r in JobRun.objects.all()}
    assert set(done) == {"tracking.recompute", "tracking.reminders", "enterprises.certificate_reminders",
                         "enterprises.reassess"}
    assert all(r.status == JobRun.Status.SUCCEEDED for r in done.values()), [r.error for r in done.values()]
    assert done["tracking.recompute"].result == "0"  # no assigned targets in this world


@pytest.mark.django_db
def test_the_jobs_page_shows_schedule_last_run_result_next_run_and_failures_in_chinese(client, world, jobs):
    jobs.register("test.daily", label="Recompute target statuses and lights", task=count_call, daily_at="18:30")
    jobs.register("test.broken", label="Progress-report reminders", task=explode, cron="0 9 * * 1-5")
    tick(now=at(2, 18, 30))  # a Monday: the broken job's 09:00 period is due (latest policy) and fails
    client.force_login(world.user(Role.BUREAU_ADMIN))
    with time_machine.travel(at(2, 19, 0), tick=False):
        response = client.get(reverse("core:jobs"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "定时任务" in page and "重新计算指标状态和信号灯" in page
    assert "每天 18:30" in page and "周一至周五 09:00" in page
    assert "2026-03-03 18:30" in page and "2026-03-03 09:00" in page  # next runs
    assert "RuntimeError: disk full" in page
    assert "成功" in page and "失败" in page and "立即运行" in page
    rows = {o["overview"].job.name: o["overview"] for o in response.context["rows"]}
    assert rows["test.broken"].failures == 1 and rows["test.daily"].failures == 0
    assert rows["test.daily"].last_run.result == "1"
    for english in ("Every day", "Schedule", "Run now", "Never run", "Succeeded"):
        assert english not in page


@pytest.mark.django_db
def test_the_jobs_page_and_its_menu_entry_are_for_bureau_administrators_only(client, world):
    client.force_login(world.user(Role.PLANNER))
    assert client.get(reverse("core:jobs")).status_code == 403
    assert reverse("core:jobs") not in client.get(reverse("core:dashboard")).content.decode()
    client.force_login(world.user(Role.BUREAU_ADMIN))
    assert reverse("core:jobs") in client.get(reverse("core:dashboard")).content.decode()


@pytest.mark.django_db
def test_run_now_queues_a_manual_run_and_audits_it(client, world, jobs):
    jobs.register("test.daily", label="Daily", task=count_call, daily_at="18:30")
    admin = world.user(Role.BUREAU_ADMIN)
    client.force_login(admin)
    url = reverse("core:job_run", args=["test.daily"])
    assert client.get(url).status_code == 405
    with time_machine.travel(at(2, 18, 30), tick=False):
        response = client.post(url, follow=True)
    assert response.status_code == 200
    assert "已加入队列" in response.content.decode()
    run = JobRun.objects.get(job="test.daily")
    assert (run.trigger, run.status, run.requested_by) == (JobRun.Trigger.MANUAL, JobRun.Status.SUCCEEDED, admin)
    [entry] = audit_for(run)
    assert (entry.action, entry.actor, entry.reason) == (AuditEntry.Action.CREATE, admin, "run now")
    # A manual run at the very minute of a period does not use the period up.
    assert [r.trigger for r in tick(now=at(2, 18, 30))] == [JobRun.Trigger.SCHEDULE]


@pytest.mark.django_db
def test_run_now_by_anyone_else_is_refused_and_the_refusal_audited(client, world, jobs):
    jobs.register("test.daily", label="Daily", task=count_call, daily_at="18:30")
    planner = world.user(Role.PLANNER)
    client.force_login(planner)
    response = client.post(reverse("core:job_run", args=["test.daily"]))
    assert response.status_code == 403
    assert not JobRun.objects.exists()
    denied = AuditEntry.objects.get(action=AuditEntry.Action.DENIED, actor=planner)
    assert "test.daily" in denied.reason


@pytest.mark.django_db
def test_run_now_of_an_unknown_job_says_which(client, world, jobs):
    client.force_login(world.user(Role.BUREAU_ADMIN))
    response = client.post(reverse("core:job_run", args=["no.such"]), follow=True)
    assert "no.such" in response.content.decode()
    assert not JobRun.objects.exists()


@pytest.mark.django_db
def test_the_loop_ticks_every_minute_and_survives_a_database_outage(monkeypatch, jobs):
    from django.db import DatabaseError

    from kechuang.core.management.commands import tick as command

    outcomes: list[str] = []

    def flaky_tick(now=None):
        outcomes.append("tick")
        if len(outcomes) == 1:
            raise DatabaseError("server closed the connection")
        return []

    class Stop(Exception):
        pass

    def sleep(seconds: float) -> None:
        assert 1 <= seconds <= 61  # wakes just after the next minute starts
        if len(outcomes) == 2:
            raise Stop

    monkeypatch.setattr(command, "tick", flaky_tick)
    monkeypatch.setattr(command.time, "sleep", sleep)
    with pytest.raises(Stop):
        call_command("tick", "--loop", stdout=StringIO())
    assert outcomes == ["tick", "tick"]
