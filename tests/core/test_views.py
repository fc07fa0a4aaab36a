"""The web pages of the core: login and lock-out, scoping, forms with inline errors, CSRF, uploads."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from kechuang.core.models import Attachment, Organisation
from kechuang.core.roles import Role
from kechuang.core.uscc import make_uscc_from_parts
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def login(client: Client, user) -> Client:
    client.force_login(user)
    return client


def test_pages_need_login(client) -> None:
    response = client.get(reverse("core:organisation_list"))
    assert response.status_code == 302
    assert reverse("core:login") in response["Location"]


def test_ui_opens_in_chinese_and_switches_to_english(client, world) -> None:
    login(client, world.user(Role.PLANNER))
    page = client.get(reverse("core:dashboard"), HTTP_ACCEPT_LANGUAGE="en-US,en")
    assert '<html lang="zh-Hans">' in page.content.decode()
    assert "仪表盘" in page.content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("core:dashboard"))
    assert '<html lang="en">' in page.content.decode()
    assert "Dashboard" in page.content.decode()


def test_lockout_after_repeated_failures(client, world, settings) -> None:
    settings.LOGIN_FAILURE_LIMIT = 3
    user = world.user(Role.PLANNER)
    for _ in range(3):
        response = client.post(reverse("core:login"), {"username": user.username, "password": "wrong-pass-1"})
        assert response.status_code == 200
    response = client.post(reverse("core:login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 200  # refused although the password is right
    assert "_auth_user_id" not in client.session


def test_good_login_resets_the_failure_count(client, world, settings) -> None:
    settings.LOGIN_FAILURE_LIMIT = 3
    user = world.user(Role.PLANNER)
    client.post(reverse("core:login"), {"username": user.username, "password": "wrong-pass-1"})
    response = client.post(reverse("core:login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_list_is_scoped_searchable_and_paginated(client, world, django_assert_max_num_queries) -> None:
    login(client, world.user(Role.DEPARTMENT_USER))  # the 海曙 district bureau
    with django_assert_max_num_queries(12):
        page = client.get(reverse("core:organisation_list")).content.decode()
    assert world.enterprise.name in page and world.neighbour.name in page
    assert world.elsewhere.name not in page and world.far_away.name not in page
    page = client.get(reverse("core:organisation_list"), {"q": "乙"}).content.decode()
    assert world.neighbour.name in page and world.enterprise.name not in page
    partial = client.get(reverse("core:organisation_list"), {"q": "甲"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in partial and world.enterprise.name in partial


def test_list_query_count_does_not_grow_with_rows(client, world, django_assert_max_num_queries) -> None:
    for i in range(40):
        world.make_enterprise(f"批量企业{i:02d}", world.district, f"MB{i:06d}")
    login(client, world.user(Role.BUREAU_ADMIN))
    with django_assert_max_num_queries(12):
        assert client.get(reverse("core:organisation_list")).status_code == 200


def test_other_organisation_is_refused_with_reason(client, world) -> None:
    login(client, world.user(Role.ENTERPRISE_USER))
    response = client.get(reverse("core:organisation_detail", args=[world.neighbour.pk]))
    assert response.status_code == 403
    response = client.post(reverse("core:organisation_edit", args=[world.neighbour.pk]), {"name": "x"})
    assert response.status_code == 403
    world.neighbour.refresh_from_db()
    assert world.neighbour.name == "乙科技有限公司"


def test_form_shows_inline_error_for_bad_credit_code(client, world) -> None:
    login(client, world.user(Role.PROGRAMME_OFFICER))
    good = make_uscc_from_parts("330203", "MC000001")
    data = {"name": "新企业", "kind": "enterprise", "uscc": good[:-1] + ("1" if good[-1] != "1" else "2"),
            "region": "330203"}
    response = client.post(reverse("core:organisation_create"), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'aria-invalid="true"' in html and "校验码" in html
    assert not Organisation.objects.filter(name="新企业").exists()
    data["uscc"] = good
    response = client.post(reverse("core:organisation_create"), data)
    assert response.status_code == 302
    assert Organisation.objects.get(name="新企业").uscc == good


def test_forged_csrf_token_is_refused(world) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.user(Role.BUREAU_ADMIN))
    client.get(reverse("core:organisation_create"))
    response = client.post(reverse("core:organisation_create"),
                           {"name": "伪造", "kind": "enterprise", "region": "330203", "csrfmiddlewaretoken": "forged"})
    assert response.status_code == 403
    assert not Organisation.objects.filter(name="伪造").exists()


def test_oversized_upload_is_refused(client, world, settings, _media) -> None:
    settings.ATTACHMENT_MAX_BYTES = 1024
    login(client, world.user(Role.ENTERPRISE_USER))
    big = SimpleUploadedFile("report.pdf", b"%PDF-1.4\n" + b"0" * 2048, content_type="application/pdf")
    response = client.post(reverse("core:organisation_upload", args=[world.enterprise.pk]), {"file": big},
                           follow=True)
    assert "1 MB" in response.content.decode() or "MB" in response.content.decode()
    assert not Attachment.objects.exists()


def test_upload_and_download_within_scope(client, world, small_pdf, _media) -> None:
    login(client, world.user(Role.ENTERPRISE_USER))
    client.post(reverse("core:organisation_upload", args=[world.enterprise.pk]), {"file": small_pdf})
    attachment = Attachment.objects.get()
    assert attachment.original_name == "evidence.pdf"
    response = client.get(reverse("core:attachment_download", args=[attachment.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    other = Client()
    other.force_login(world.user(Role.ENTERPRISE_USER, world.neighbour))
    assert other.get(reverse("core:attachment_download", args=[attachment.pk])).status_code == 403


def test_audit_trail_is_for_admins(client, world) -> None:
    login(client, world.user(Role.PLANNER))
    assert client.get(reverse("core:audit_list")).status_code == 403
    admin_client = Client()
    admin_client.force_login(world.user(Role.BUREAU_ADMIN))
    page = admin_client.get(reverse("core:audit_list"), {"q": "planner"})
    assert page.status_code == 200


def test_security_headers(client, world) -> None:
    login(client, world.user(Role.PLANNER))
    response = client.get(reverse("core:dashboard"))
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_history_shows_field_labels_and_choice_labels(client, world) -> None:
    from kechuang.core.services import OrganisationInput, organisation_update

    admin = world.user(Role.BUREAU_ADMIN)
    organisation_update(actor=admin, organisation=world.neighbour, reason="改制", data=OrganisationInput(
        name=world.neighbour.name, kind="intermediary", region_code="330203", uscc=world.neighbour.uscc))
    login(client, admin)
    page = client.get(reverse("core:organisation_detail", args=[world.neighbour.pk])).content.decode()
    assert "<td>类型</td><td>企业</td><td>中介机构</td>" in page
