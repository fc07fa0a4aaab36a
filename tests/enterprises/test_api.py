"""The JSON API: scoped lists, validation errors by field, the assessment with its gaps."""

from __future__ import annotations

import pytest

from kechuang.core.roles import Role
from kechuang.core.services import api_token_create
from tests.enterprises.conftest import THIS_YEAR, make_profile

pytestmark = pytest.mark.django_db


def _auth(world, role: Role) -> dict[str, str]:
    user = world.user(role)
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(actor=user, user=user, name='t')}"}


def test_list_is_scoped_and_filterable(client, world):
    make_profile(world.enterprise, hte_verdict="pass")
    make_profile(world.neighbour, hte_verdict="fail")
    make_profile(world.far_away, hte_verdict="pass")
    body = client.get("/api/v1/enterprises/", {"hte": "pass"}, **_auth(world, Role.PROGRAMME_OFFICER)).json()
    assert [item["name"] for item in body["items"]] == [world.enterprise.name]


def test_put_figures_validates_by_field(client, world):
    make_profile(world.enterprise)
    payload = {"sales_revenue": "-1", "total_income": "10", "rd_expense": "1", "rd_expense_domestic": "1",
               "high_tech_income": "1", "employees": 5, "st_staff": 1, "total_assets": "1", "net_assets": "1",
               "year": 0}
    response = client.put(f"/api/v1/enterprises/{world.enterprise.pk}/figures/{THIS_YEAR - 1}", payload,
                          content_type="application/json", **_auth(world, Role.ENTERPRISE_USER))
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["sales_revenue"]


def test_assessment_returns_conditions_and_gaps(client, world):
    make_profile(world.enterprise)
    body = client.get(f"/api/v1/enterprises/{world.enterprise.pk}/assessment",
                      **_auth(world, Role.ENTERPRISE_USER)).json()
    assert body["hte"]["conditions"][0]["code"] == "hte.registration"
    assert any(g["code"] == "hte.core_ip" for g in body["hte"]["gaps"])
    assert client.get(f"/api/v1/enterprises/{world.neighbour.pk}/assessment",
                      **_auth(world, Role.ENTERPRISE_USER)).status_code == 404
