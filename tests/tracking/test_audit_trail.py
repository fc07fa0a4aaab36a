"""The audit trail and the report timeline read as a clerk reads them, after a plan import and a report's life.

Regression: ``/audit/`` answered 500 after any plan import (the import writes ``targets: 20`` on the plan, a
reverse relation with no ``verbose_name``). Every stored key now reads as a label, ids as names, state
codes as their Chinese labels.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation

from kechuang.core.audit import audit_for
from kechuang.core.audit_display import readable
from kechuang.core.models import AuditEntry
from kechuang.core.roles import Role
from kechuang.plans import services as plan_services
from kechuang.tracking import services
from kechuang.tracking.services import ReportInput

from .conftest import TODAY

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "003_92efa301420ef756.txt"
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
PYTHON_DUMP = re.compile(r"[\[\]{}']|^[a-z]+(_[a-z]+)+$")


def _life_of_a_report(tracked):
    assignment = tracked.by_metric("高新技术企业")
    report = services.report_save(actor=tracked.dept, assignment=assignment, unit=assignment.lead_unit,
                                  data=ReportInput("2025-Q2", value=12), today=TODAY)
    services.report_transition(actor=tracked.dept, report=report, name="submit")
    services.report_transition(actor=tracked.planner, report=report, name="accept")
    return report


@pytest.mark.skipif(not SEED.exists(), reason="seed documents live in ../shared/seeds")
def test_audit_page_opens_after_a_seed_plan_import(client, world) -> None:
    planner, admin = world.user(Role.PLANNER), world.user(Role.BUREAU_ADMIN)
    document = plan_services.parse_upload(data=SEED.read_bytes(), filename=SEED.name)
    plan = plan_services.plan_import(actor=planner, document=document)[0]
    client.force_login(admin)
    page = client.get(reverse("core:audit_list"), HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert page.status_code == 200
    text = page.content.decode()
    assert "来源文件" in text and SEED.name in text  # the import's "source" key, by its label
    assert "<td>目标</td>" in text  # "targets" (a count on the plan) by the targets' plural name
    assert f">{plan.targets.count()}<" in text


def test_every_change_of_a_plan_and_a_report_reads_in_chinese(client, world, tracked) -> None:
    report = _life_of_a_report(tracked)
    with translation.override("zh-hans"):
        items = readable(AuditEntry.objects.exclude(changes={}).select_related("content_type"))
        assert items
        for item in items:
            for row in item.rows:
                where = f"{item.entry.content_type.model}: {sorted(item.entry.changes)}"
                assert not LATIN_WORD.search(row.label), f"{where} reads {row.label!r}"
                for value in (row.before, row.after):
                    assert value is None or not PYTHON_DUMP.search(value), f"{where} shows {value!r}"
        states = [r.change for i in readable(audit_for(report)) for r in i.rows if r.label == "状态"]
    assert "草稿 → 已提交" in states and "已提交 → 已采纳" in states


def test_foreign_keys_read_as_names_and_lists_are_joined(world, tracked) -> None:
    with translation.override("zh-hans"):
        assignment_rows = [r for i in readable(AuditEntry.objects.filter(content_type__model="assignment"))
                           for r in i.rows]
        lead = next(r for r in assignment_rows if r.label == "牵头单位")
        assert lead.after in {world.department.name, world.district_bureau.name}
        user_rows = [r for i in readable(audit_for(tracked.dept)) for r in i.rows]
        roles = next(r for r in user_rows if r.label == "角色")
        assert roles.after == "处室/区县用户"
        unit = next(r for r in user_rows if r.label == "单位")
        assert unit.after == world.department.name


def test_a_deleted_object_reads_as_its_id_not_an_error(world) -> None:
    entry = AuditEntry.objects.create(actor_name="system", action=AuditEntry.Action.UPDATE,
                                      content_type=ContentType.objects.get_for_model(world.enterprise),
                                      object_id=str(world.enterprise.pk), object_repr=world.enterprise.name,
                                      changes={"parent_id": [None, 999999]})
    with translation.override("zh-hans"):
        row = readable([entry])[0].rows[0]
    assert (row.label, row.after) == ("上级单位", "#999999（已删除）")


def test_report_page_shows_its_history_in_chinese(client, tracked) -> None:
    report = _life_of_a_report(tracked)
    client.force_login(tracked.planner)
    page = client.get(reverse("tracking:report", args=[report.pk]), HTTP_ACCEPT_LANGUAGE="zh-hans")
    text = page.content.decode()
    assert "已提交 → 已采纳" in text
    assert "submitted" not in text and "accepted →" not in text


def test_dates_in_a_change_read_as_dates(world, tracked) -> None:
    with translation.override("zh-hans"):
        rows = [r for i in readable(AuditEntry.objects.filter(content_type__model="assignment")) for r in i.rows]
    deadline = next(r for r in rows if r.label == "截止日期")
    assert dt.date.fromisoformat(deadline.after)


def test_structured_rows_read_as_phrases_and_empty_changes_are_left_out(world) -> None:
    entry = AuditEntry.objects.create(
        actor_name="system", action=AuditEntry.Action.UPDATE,
        content_type=ContentType.objects.get_for_model(world.enterprise), object_id=str(world.enterprise.pk),
        object_repr=world.enterprise.name,
        changes={"address": [None, [{"indicator": "发明专利申请", "comparator": ">=", "value": 3, "unit": "项"},
                                    {"indicator": "新增销售收入", "comparator": ">=", "value": 500, "unit": "万元"}]],
                 "contact_name": [None, ""]})
    with translation.override("zh-hans"):
        item = readable([entry])[0]
    assert [(r.label, r.after) for r in item.rows] == [("地址", "发明专利申请 >= 3 项；新增销售收入 >= 500 万元")]
    assert item.who == "系统"
