"""The JSON API: token auth, scoping, validation errors, and the OpenAPI schema."""

from __future__ import annotations

import pytest
from django.test import Client

from kechuang.core.models import Organisation
from kechuang.core.roles import Role
from kechuang.core.services import api_token_create
from kechuang.core.uscc import make_uscc_from_parts

pytestmark = pytest.mark.django_db


def bearer(world, role: Role, org=None) -> dict[str, str]:
    user = world.user(role, org)
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(actor=user, user=user, name='test')}"}


def test_openapi_schema_is_published(client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/organisations" in schema["paths"]
    assert "/api/v1/regions" in schema["paths"]


def test_token_is_required(client, world) -> None:
    assert client.get("/api/v1/organisations").status_code == 401
    assert client.get("/api/v1/organisations", HTTP_AUTHORIZATION="Bearer not-a-token").status_code == 401


def test_list_is_scoped_to_the_user(client, world) -> None:
    response = client.get("/api/v1/organisations", **bearer(world, Role.ENTERPRISE_USER))
    assert response.status_code == 200
    assert [o["name"] for o in response.json()["items"]] == [world.enterprise.name]
    response = client.get("/api/v1/organisations", {"kind": "enterprise"}, **bearer(world, Role.PLANNER))
    names = {o["name"] for o in response.json()["items"]}
    assert names == {world.enterprise.name, world.neighbour.name, world.elsewhere.name}


def test_reading_another_organisation_is_refused(client, world) -> None:
    response = client.get(f"/api/v1/organisations/{world.neighbour.pk}", **bearer(world, Role.ENTERPRISE_USER))
    assert response.status_code == 403
    assert response.json()["detail"]


def test_create_validates_and_reports_fields(client, world) -> None:
    headers = bearer(world, Role.PROGRAMME_OFFICER)
    good = make_uscc_from_parts("330203", "MD000001")
    payload = {"name": "接口企业", "kind": "enterprise", "region_code": "330203", "uscc": good[:17] + "?"}
    response = Client().post("/api/v1/organisations", payload, content_type="application/json", **headers)
    assert response.status_code == 422
    assert "uscc" in response.json()["errors"]
    assert not Organisation.objects.filter(name="接口企业").exists()
    payload["uscc"] = good
    response = Client().post("/api/v1/organisations", payload, content_type="application/json", **headers)
    assert response.status_code == 201
    assert response.json()["uscc"] == good


def test_regions_can_be_listed_by_parent(client, world) -> None:
    response = client.get("/api/v1/regions", {"parent": "330200"}, **bearer(world, Role.PLANNER))
    codes = [r["code"] for r in response.json()["items"]]
    assert "330203" in codes and all(c.startswith("3302") for c in codes)
    assert client.get("/api/v1/regions/999999", **bearer(world, Role.PLANNER)).status_code == 404


def test_api_docs_load_from_our_own_static_files(client) -> None:
    page = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "http://" not in page and "https://" not in page  # no CDN: government networks are offline
