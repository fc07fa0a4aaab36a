"""Issue 10 §1: one stored document per upload, limits checked before storing, background jobs, bulk
discard, lists that never load texts, and plans scoped by region."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kechuang.core.models import AuditEntry
from kechuang.core.roles import Role
from kechuang.plans import selectors, services
from kechuang.plans.models import ImportJob, SourceDocument, WorkPlan

pytestmark = pytest.mark.django_db


def test_a_file_of_several_plans_is_stored_once(world, plan_text) -> None:
    text = plan_text + "\n" + plan_text.replace("2026", "2027")
    upload = ContentFile(text.encode("utf-8"), name="两份.txt")
    job = services.import_job_submit(actor=world.user(Role.PLANNER), upload=upload)
    assert job.status == ImportJob.Status.DONE and len(job.plan_ids) == 2
    assert SourceDocument.objects.count() == 1
    first, second = WorkPlan.objects.filter(pk__in=job.plan_ids).order_by("pk")
    assert first.document_id == second.document_id
    assert "2027" not in selectors.plan_source_text(first) and "2027" in selectors.plan_source_text(second)


def test_a_notice_quoting_the_next_plans_title_does_not_cut_the_previous_plan_short(world, seeds) -> None:
    """Each copy opens with "关于印发《title》的通知": the quoted title must not be read as the next plan's start."""
    data = (seeds / "003_92efa301420ef756.txt").read_bytes() * 2
    job = services.import_job_submit(actor=world.user(Role.PLANNER), upload=ContentFile(data, name="两份.txt"))
    first, second = WorkPlan.objects.filter(pk__in=job.plan_ids).order_by("pk")
    first_text, second_text = selectors.plan_source_text(first), selectors.plan_source_text(second)
    heading = first.items.order_by("position").first().heading
    assert heading in first_text and heading in second_text
    assert abs(len(first_text) - len(second_text)) < len(first_text) // 10


def test_an_oversized_file_is_refused_before_anything_is_read(world, settings) -> None:
    settings.PLAN_IMPORT_MAX_BYTES = 1000
    before = (WorkPlan.objects.count(), SourceDocument.objects.count())
    job = services.import_job_submit(actor=world.user(Role.PLANNER),
                                     upload=ContentFile("一、任务\n".encode() * 200, name="大.txt"))
    assert job.status == ImportJob.Status.REFUSED
    assert "1000 KB" not in job.message and "1 KB" in job.message and "拆分" in job.message
    assert (WorkPlan.objects.count(), SourceDocument.objects.count()) == before
    assert AuditEntry.objects.filter(action=AuditEntry.Action.TRANSITION, reason=job.message).exists()


def test_too_many_plans_are_refused_and_nothing_is_stored(world, plan_text, settings) -> None:
    settings.PLAN_IMPORT_MAX_PLANS = 1
    text = plan_text + "\n" + plan_text.replace("2026", "2027")
    job = services.import_job_submit(actor=world.user(Role.PLANNER), text=text)
    assert job.status == ImportJob.Status.REFUSED and "2 个计划" in job.message and "最多可导入 1" in job.message
    assert not WorkPlan.objects.exists() and not SourceDocument.objects.exists()


def test_a_large_file_is_read_in_the_background(world, plan_text, settings) -> None:
    settings.PLAN_IMPORT_BACKGROUND_BYTES = 10
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    job = services.import_job_submit(actor=world.user(Role.PLANNER),
                                     upload=ContentFile(plan_text.encode(), name="a.txt"))
    assert job.status == ImportJob.Status.QUEUED and job.upload and not WorkPlan.objects.exists()
    from kechuang.plans.tasks import run_import_job

    assert run_import_job.call(job.pk) == ImportJob.Status.DONE
    job.refresh_from_db()
    assert job.upload == "" and WorkPlan.objects.filter(pk__in=job.plan_ids).exists()


def test_bulk_discard_deletes_drafts_and_their_document(world, plan_text) -> None:
    planner = world.user(Role.PLANNER)
    plans = services.plan_import(actor=planner, document=services.parse_pasted(text=plan_text + "\n" + plan_text
                                                                              .replace("2026", "2027")))
    assert services.plans_discard(actor=planner, plan_ids=[p.pk for p in plans]) == 2
    assert not WorkPlan.objects.exists() and not SourceDocument.objects.exists()
    assert AuditEntry.objects.filter(action=AuditEntry.Action.DELETE, reason__contains="").count() >= 2


def test_the_list_query_never_selects_texts(world, plan_text, client) -> None:
    planner = world.user(Role.PLANNER)
    services.plan_import(actor=planner, document=services.parse_pasted(text=plan_text))
    client.force_login(planner)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("plans:plan_list")).status_code == 200
    sql = " ".join(q["sql"] for q in queries.captured_queries if "plans_workplan" in q["sql"])
    assert "plans_workplan" in sql
    assert '"text"' not in sql and "plans_sourcedocument" not in sql and '"preamble"' not in sql


def test_a_district_user_sees_only_its_region_or_its_tasks(world, plan_text) -> None:
    planner = world.user(Role.PLANNER)
    [plan] = services.plan_import(actor=planner, document=services.parse_pasted(text=plan_text))
    district = world.user(Role.DEPARTMENT_USER, world.district_bureau)
    assert plan not in selectors.visible_plans(district)  # the city's plan names no task for 海曙
    assert plan in selectors.visible_plans(planner)
    own = services.plan_import(actor=planner, document=services.parse_pasted(text=plan_text),
                               owner=world.district_bureau)[0]
    assert own in selectors.visible_plans(district)
