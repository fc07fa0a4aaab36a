import datetime as dt
import io

import docx
import openpyxl
import pytest
from django.urls import reverse

from kechuang.tracking.models import ProgressReport
from kechuang.tracking.recompute import status_recompute

from .helpers import accepted


@pytest.fixture
def history(tracked):
    hte = tracked.by_metric("高新技术企业")
    accepted(tracked, hte, "2025-Q1", 4, today=dt.date(2025, 4, 5))
    status_recompute(on=dt.date(2025, 4, 20))
    return tracked


@pytest.mark.parametrize("name", ["dashboard", "indicators", "assessment_index"])
def test_planner_pages_render_in_bounded_queries(client, history, name, django_assert_max_num_queries):
    client.force_login(history.planner)
    with django_assert_max_num_queries(25):
        response = client.get(reverse(f"tracking:{name}"), follow=True)
    assert response.status_code == 200


def test_plan_page_explains_every_percentage(client, history, django_assert_max_num_queries):
    client.force_login(history.planner)
    with django_assert_max_num_queries(25):
        response = client.get(reverse("tracking:plan", args=[history.plan.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "高新技术企业" in html and "10.0%" in html  # 4 of 40: the target's progress and contribution


def test_unit_users_see_their_tasks_but_not_the_dashboard(client, history, django_assert_max_num_queries):
    client.force_login(history.dept)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("tracking:my_tasks"))
    assert "高新技术企业" in response.content.decode()
    assert "重点实验室" in response.content.decode()  # a supporting unit sees the target too
    assert client.get(reverse("tracking:dashboard")).status_code == 403


def test_a_unit_reports_through_the_form_and_the_planner_returns_it(client, tracked, monkeypatch):
    import kechuang.tracking.views as views

    monkeypatch.setattr(views.timezone, "localdate", lambda: dt.date(2025, 5, 5))
    hte = tracked.by_metric("高新技术企业")
    client.force_login(tracked.dept)
    bad = client.post(reverse("tracking:report_edit", args=[hte.pk]), {"period_key": "2025-Q2", "value": "abc"})
    assert bad.status_code == 400 and not ProgressReport.objects.exists()
    response = client.post(reverse("tracking:report_edit", args=[hte.pk]),
                           {"period_key": "2025-Q2", "value": "11", "narrative": "进展", "submit": "1"})
    report = ProgressReport.objects.get()
    assert response.url == reverse("tracking:report", args=[report.pk]) and report.state == "submitted"
    client.force_login(tracked.planner)
    client.post(reverse("tracking:report_transition", args=[report.pk, "return"]), {"reason": "请补充证明材料"})
    report.refresh_from_db()
    assert (report.state, report.return_reason) == ("returned", "请补充证明材料")


def test_exports_open_and_hold_the_rows(client, history):
    client.force_login(history.planner)
    plan = history.plan

    def get(name):
        return io.BytesIO(client.get(reverse("tracking:export", args=[plan.pk, name])).content)

    sheet = openpyxl.load_workbook(get("responsibilities.xlsx")).active
    values = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    assert plan.title in values[0][0]
    assert any("高新处" in (row[3] or "") and "海曙区科技局" in (row[4] or "") and row[5] == "李明" for row in values)
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4) and sheet.print_title_rows == "$2:$2"
    table = docx.Document(get("responsibilities.docx")).tables[0]
    assert any("李明" in cell.text for cell in table.rows[1].cells)
    quarterly = docx.Document(get("quarterly.docx"))
    assert len(quarterly.tables[0].rows) == 1 + 3
    assert any("高新技术企业" in row.cells[0].text for row in quarterly.tables[0].rows)
    assessment = openpyxl.load_workbook(get("assessment.xlsx"))
    ranked = list(assessment.worksheets[0].iter_rows(min_row=3, values_only=True))
    assert [row[1] for row in ranked] == ["高新处", "海曙区科技局"]
