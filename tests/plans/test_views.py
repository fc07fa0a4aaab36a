"""Plan pages: import by upload or paste, review with highlights, htmx corrections, confirm."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kechuang.core.roles import Role
from kechuang.plans import services
from kechuang.plans.models import Target, WorkPlan

pytestmark = pytest.mark.django_db


@pytest.fixture
def planner_client(client, world):
    client.force_login(world.user(Role.PLANNER))
    return client


def test_paste_import_leads_to_review(planner_client, plan_text) -> None:
    response = planner_client.post(reverse("plans:plan_import"), {"text": plan_text})
    plan = WorkPlan.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("plans:plan_review", args=[plan.pk])
    page = planner_client.get(response["Location"]).content.decode()
    assert '<mark id="src-' in page  # targets highlighted in the source
    assert "高新技术企业" in page and "确认并保存" in page


def test_upload_errors_are_explained_and_store_nothing(planner_client) -> None:
    empty = SimpleUploadedFile("plan.txt", b"", content_type="text/plain")
    response = planner_client.post(reverse("plans:plan_import"), {"file": empty})
    assert response.status_code == 400
    response = planner_client.post(reverse("plans:plan_import"), {
        "file": SimpleUploadedFile("scan.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", "application/pdf")})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    response = planner_client.post(reverse("plans:plan_import"), {"text": "这里只有一句话，没有任何提纲。"})
    assert response.status_code == 400
    assert not WorkPlan.objects.exists()


def test_htmx_target_correction(planner_client, world, plan_text) -> None:
    [plan] = services.plan_import(actor=world.user(Role.PLANNER), document=services.parse_pasted(text=plan_text))
    target = plan.targets.get(metric="高新技术企业")
    form = planner_client.get(reverse("plans:target_edit", args=[target.pk]), HTTP_HX_REQUEST="true")
    assert f'id="target-{target.pk}"' in form.content.decode()
    prefix = f"t{target.pk}-"
    data = {prefix + k: v for k, v in {"metric": "新认定高新技术企业", "action": "新认定", "kind": "amount",
                                        "comparator": ">=", "value": "55", "unit": "家", "year": "2026",
                                        "firmness": "plain", "weight": "2"}.items()}
    row = planner_client.post(reverse("plans:target_edit", args=[target.pk]), data, HTTP_HX_REQUEST="true")
    assert row.status_code == 200 and "新认定高新技术企业" in row.content.decode()
    target.refresh_from_db()
    assert (target.value, target.weight) == (55, 2)
    data[prefix + "value"] = "not a number"
    bad = planner_client.post(reverse("plans:target_edit", args=[target.pk]), data, HTTP_HX_REQUEST="true")
    assert bad.status_code == 400 and 'aria-invalid="true"' in bad.content.decode()
    gone = planner_client.post(reverse("plans:target_delete", args=[target.pk]), HTTP_HX_REQUEST="true")
    assert gone.status_code == 200 and not Target.objects.filter(pk=target.pk).exists()


def test_confirm_then_detail_shows_responsibility_table(planner_client, world, plan_text,
                                                        django_assert_max_num_queries) -> None:
    [plan] = services.plan_import(actor=world.user(Role.PLANNER), document=services.parse_pasted(text=plan_text))
    response = planner_client.post(reverse("plans:plan_confirm", args=[plan.pk]))
    assert response.status_code == 302
    with django_assert_max_num_queries(14):
        page = planner_client.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    assert "高新处" in page and "李明" in page and "已确认" in page


def test_enterprise_users_cannot_see_plans(client, world, plan_text) -> None:
    [plan] = services.plan_import(actor=world.user(Role.PLANNER), document=services.parse_pasted(text=plan_text))
    client.force_login(world.user(Role.ENTERPRISE_USER))
    assert client.get(reverse("plans:plan_list")).status_code == 403
    assert client.get(reverse("plans:plan_detail", args=[plan.pk])).status_code == 403
    assert client.post(reverse("plans:plan_confirm", args=[plan.pk])).status_code == 403
    assert WorkPlan.objects.get(pk=plan.pk).status == WorkPlan.Status.DRAFT


def test_plan_list_filters(planner_client, world, plan_text) -> None:
    services.plan_import(actor=world.user(Role.PLANNER), document=services.parse_pasted(text=plan_text))
    assert "海滨市" in planner_client.get(reverse("plans:plan_list"), {"year": "2026"}).content.decode()
    assert "海滨市" not in planner_client.get(reverse("plans:plan_list"), {"year": "2019"}).content.decode()
