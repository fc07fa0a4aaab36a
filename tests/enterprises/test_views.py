"""Pages: status codes, inline errors, scoping, and a bounded number of queries per page."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from kechuang.core.roles import Role
from kechuang.enterprises.models import AnnualFigures
from tests.enterprises.conftest import THIS_YEAR, make_profile

pytestmark = pytest.mark.django_db


def _zh(message: str) -> str:
    """``message`` as the Chinese UI shows it."""
    with translation.override("zh-hans"):
        return translation.gettext(message)


@pytest.fixture
def officer_client(client, world):
    client.force_login(world.user(Role.PROGRAMME_OFFICER))
    return client


@pytest.fixture
def enterprise_client(client, world):
    client.force_login(world.user(Role.ENTERPRISE_USER))
    return client


def test_registry_lists_the_region_filters_by_outcome_in_bounded_queries(officer_client, world,
                                                                          django_assert_max_num_queries):
    for i in range(30):
        make_profile(world.make_enterprise(f"企业{i}", world.district, f"MA2{i:05d}"), hte_verdict="fail")
    make_profile(world.enterprise, hte_verdict="pass")
    make_profile(world.far_away, hte_verdict="pass")
    # Session, user, organisation, roles, unread count, page count, page rows (+ session save): not per row.
    with django_assert_max_num_queries(10):
        response = officer_client.get(reverse("enterprises:registry"))
    assert response.status_code == 200
    response = officer_client.get(reverse("enterprises:registry"), {"hte": "pass"})
    names = [p.organisation.name for p in response.context["page"]]
    assert names == [world.enterprise.name]  # the other city's enterprise is out of scope


def test_registry_is_closed_to_enterprise_users(enterprise_client):
    assert enterprise_client.get(reverse("enterprises:registry")).status_code == 403


def test_registry_exports_the_filtered_list(officer_client, world):
    make_profile(world.enterprise)
    response = officer_client.get(reverse("enterprises:registry"), {"export": "xlsx", "q": "甲"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_enterprise_user_lands_on_its_own_record(enterprise_client, world):
    make_profile(world.enterprise)
    response = enterprise_client.get(reverse("enterprises:mine"))
    assert response.url == reverse("enterprises:detail", args=[world.enterprise.pk])
    assert enterprise_client.get(reverse("enterprises:detail", args=[world.neighbour.pk])).status_code == 404


def test_figures_form_shows_the_services_errors_inline(enterprise_client, world):
    make_profile(world.enterprise, years=0)
    url = reverse("enterprises:figures_new", args=[world.enterprise.pk])
    data = {"year": THIS_YEAR - 1, "sales_revenue": "100", "total_income": "100", "high_tech_income": "90",
            "rd_expense": "10", "rd_expense_domestic": "20", "total_assets": "100", "net_assets": "50",
            "employees": "10", "st_staff": "12"}
    response = enterprise_client.post(url, data)
    assert response.status_code == 400
    form = response.context["form"]
    assert set(form.errors) == {"st_staff", "rd_expense_domestic"}
    assert 'aria-invalid="true"' in response.content.decode()
    response = enterprise_client.post(url, {**data, "st_staff": "2", "rd_expense_domestic": "8"})
    assert response.status_code == 302
    assert AnnualFigures.objects.filter(profile__organisation=world.enterprise).count() == 1


def test_assessment_page_shows_each_condition_with_numbers_and_the_gaps(enterprise_client, world,
                                                                        django_assert_max_num_queries):
    make_profile(world.enterprise)
    url = reverse("enterprises:assessment", args=[world.enterprise.pk])
    with django_assert_max_num_queries(15):
        response = enterprise_client.get(url)
    assert response.status_code == 200
    codes = [c.code for c in response.context["hte_conditions"]]
    assert codes[:3] == ["hte.registration", "hte.core_ip", "hte.field"]
    assert any(g.code == "hte.core_ip" for g in response.context["hte_gaps"])  # no IP on file


def test_deduction_calculator_shows_its_working(enterprise_client, world):
    make_profile(world.enterprise)
    response = enterprise_client.get(reverse("enterprises:deduction", args=[world.enterprise.pk]),
                                     {"year": THIS_YEAR - 1})
    assert response.status_code == 200
    steps = response.context["steps"]
    assert len(steps) >= 5 and steps[-1][2] > 0


def test_a_deduction_year_before_the_earliest_rules_says_so_in_chinese(enterprise_client, world):
    profile = make_profile(world.enterprise)
    profile.figures.filter(year=THIS_YEAR - 1).update(year=2022)
    response = enterprise_client.get(reverse("enterprises:deduction", args=[world.enterprise.pk]), {"year": 2022})
    assert response.status_code == 200
    page = response.content.decode()
    assert "2022-01-01" in page and "2023-01-01" in page and "No rules" not in page
    assert "steps" not in response.context


def test_pool_ranks_candidates_and_an_officer_selects_one(officer_client, world):
    low = make_profile(world.enterprise)
    high = make_profile(world.neighbour)
    low.readiness, high.readiness = 20, 90
    low.save()
    high.save()
    response = officer_client.get(reverse("enterprises:pool"))
    assert [p.pk for p in response.context["page"]] == [high.pk, low.pk]
    response = officer_client.post(reverse("enterprises:pool_select", args=[world.neighbour.pk]),
                                   {"year": THIS_YEAR})
    assert response.status_code == 302
    response = officer_client.get(reverse("enterprises:pool"))
    assert [e.profile_id for e in response.context["entries"]] == [high.pk]


@pytest.mark.parametrize("name", ["tiers", "import", "import_template"])
def test_bureau_pages_open(officer_client, name):
    assert officer_client.get(reverse(f"enterprises:{name}")).status_code == 200


def test_profile_form_creates_the_profile(enterprise_client, world):
    url = reverse("enterprises:profile_edit", args=[world.enterprise.pk])
    response = enterprise_client.post(url, {"founded_on": "2017-02-03", "industry_code": "C3914",
                                            "rd_management_system": "fully", "rd_institution": "none",
                                            "rd_conversion_incentives": "none", "rd_talent_system": "none"})
    assert response.status_code == 302
    assert enterprise_client.get(reverse("enterprises:detail", args=[world.enterprise.pk])).status_code == 200


def _figures_post(year: int, sales: str) -> dict[str, object]:
    return {"year": year, "sales_revenue": sales, "total_income": "40000000", "high_tech_income": "9000000",
            "rd_expense": "1000000", "rd_expense_domestic": "1000000", "total_assets": "50000000",
            "net_assets": "20000000", "employees": "100", "st_staff": "20"}


def test_new_figures_default_to_the_latest_year_without_figures(enterprise_client, world):
    make_profile(world.enterprise, years=2)  # the two years before this one
    response = enterprise_client.get(reverse("enterprises:figures_new", args=[world.enterprise.pk]))
    assert response.context["form"]["year"].value() == THIS_YEAR - 3


def test_new_figures_for_a_year_on_file_are_refused_with_a_link_to_edit_it(enterprise_client, world):
    profile = make_profile(world.enterprise, years=1)
    before = profile.figures.get(year=THIS_YEAR - 1).sales_revenue
    response = enterprise_client.post(reverse("enterprises:figures_new", args=[world.enterprise.pk]),
                                      _figures_post(THIS_YEAR - 1, "1000000"))
    assert response.status_code == 400
    assert profile.figures.get(year=THIS_YEAR - 1).sales_revenue == before
    edit_url = reverse("enterprises:figures_edit", args=[world.enterprise.pk, THIS_YEAR - 1])
    error = response.content.decode().split('id="id_year_error"')[1].split("</div>")[0]
    assert f'href="{edit_url}"' in error and str(THIS_YEAR - 1) in error


def test_editing_a_year_shows_its_values_and_keeps_it_on_that_year(enterprise_client, world):
    profile = make_profile(world.enterprise, years=2)
    url = reverse("enterprises:figures_edit", args=[world.enterprise.pk, THIS_YEAR - 1])
    response = enterprise_client.get(url)
    assert response.context["form"]["sales_revenue"].value() == profile.figures.get(year=THIS_YEAR - 1).sales_revenue
    response = enterprise_client.post(url, _figures_post(THIS_YEAR - 2, "30000000"))  # a posted year is ignored
    assert response.status_code == 302
    assert profile.figures.get(year=THIS_YEAR - 1).sales_revenue == 30000000
    assert profile.figures.get(year=THIS_YEAR - 2).sales_revenue != 30000000


@pytest.mark.parametrize("role", [Role.LEADER, Role.PLANNER])
def test_import_is_refused_with_its_reason_to_roles_that_may_not_import(client, world, role):
    client.force_login(world.user(role))
    url = reverse("enterprises:import")
    response = client.get(url)
    assert response.status_code == 403
    assert _zh("Only programme officers, district bureaus and bureau administrators import enterprises.") in (
        response.content.decode())
    response = client.post(url, {"file": SimpleUploadedFile("a.xlsx", b"x")})
    assert response.status_code == 403
    registry = client.get(reverse("enterprises:registry")).content.decode()
    assert f'href="{url}"' not in registry


def test_import_opens_to_a_district_bureau_but_not_to_a_bureau_department(client, world):
    client.force_login(world.user(Role.DEPARTMENT_USER))  # of the district bureau
    assert client.get(reverse("enterprises:import")).status_code == 200
    client.force_login(world.user(Role.DEPARTMENT_USER, world.department))
    assert client.get(reverse("enterprises:import")).status_code == 403


@pytest.mark.parametrize("name", ["profile_edit", "figures_new", "ip_add", "qualification_add"])
def test_a_leader_is_refused_the_edit_forms_with_the_reason(client, world, name):
    make_profile(world.enterprise)
    client.force_login(world.user(Role.LEADER))
    response = client.get(reverse(f"enterprises:{name}", args=[world.enterprise.pk]))
    assert response.status_code == 403
    assert _zh("Your role may not edit this organisation.") in response.content.decode()
    assert "<form method=\"post\" novalidate" not in response.content.decode()


def test_a_leader_sees_no_pool_selection_and_may_not_post_one(client, world):
    make_profile(world.enterprise)
    client.force_login(world.user(Role.LEADER))
    select_url = reverse("enterprises:pool_select", args=[world.enterprise.pk])
    assert select_url not in client.get(reverse("enterprises:pool")).content.decode()
    assert select_url not in client.get(reverse("enterprises:detail", args=[world.enterprise.pk])).content.decode()
    assert client.post(select_url, {"year": THIS_YEAR}).status_code == 403


def test_figures_show_thousands_separators_and_the_unit_in_either_language(enterprise_client, world):
    profile = make_profile(world.enterprise, years=1)
    profile.figures.update(sales_revenue=33368495, employees=1250)
    url = reverse("enterprises:detail", args=[world.enterprise.pk])
    page = enterprise_client.get(url).content.decode()
    assert "33,368,495 元" in page and "1,250" in page and "33368495" not in page
    enterprise_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = enterprise_client.get(url).content.decode()
    assert "33,368,495 yuan" in page and "10k" not in page


def test_assessment_figures_carry_their_units(enterprise_client, world):
    make_profile(world.enterprise)
    response = enterprise_client.get(reverse("enterprises:assessment", args=[world.enterprise.pk]))
    rows = {c.code: c for c in response.context["hte_conditions"] + response.context["sme_conditions"]}
    assert rows["sme.sales"].threshold == "200,000,000 元"
    assert rows["sme.sales"].actual.endswith(" 元") and "," in rows["sme.sales"].actual
    assert rows["hte.registration"].threshold == "366 天"
    assert rows["sme.employees"].actual == "100 人"
    assert rows["hte.st_staff"].actual == "20.00%"


def test_deduction_page_shows_the_rate_as_a_percentage_and_no_english(enterprise_client, world):
    profile = make_profile(world.enterprise)
    profile.figures.update(rd_capitalised=2000000)
    page = enterprise_client.get(reverse("enterprises:deduction", args=[world.enterprise.pk])).content.decode()
    assert "加计扣除比例 100%" in page and "1,100,000.00" in page
    assert "years" not in page and "Source" not in page
    profile.industry_code = "F5123"  # wholesale: excluded
    profile.save()
    page = enterprise_client.get(reverse("enterprises:deduction", args=[world.enterprise.pk])).content.decode()
    assert "Industry" not in page and _zh("Industry excluded from the super deduction") in page


def test_profile_changes_name_their_fields_and_choices_in_chinese(enterprise_client, world):
    make_profile(world.enterprise)
    url = reverse("enterprises:profile_edit", args=[world.enterprise.pk])
    enterprise_client.post(url, {"founded_on": "2015-03-01", "industry_code": "C3914",
                                 "main_field": "electronic_information", "rd_management_system": "fully",
                                 "rd_institution": "partly", "rd_conversion_incentives": "partly",
                                 "rd_talent_system": "partly", "restricted_products": "on"})
    page = enterprise_client.get(reverse("enterprises:detail", args=[world.enterprise.pk])).content.decode()
    changes = page.split('class="list-unstyled audit')[1]
    assert "rd_institution" not in changes and "restricted_products" not in changes
    assert _zh("internal R&D institution and cooperation") in changes and _zh("Partly in place") in changes


def test_import_report_names_the_sheets_in_chinese(officer_client, world):
    from tests.enterprises.xlsx import figures_row, workbook

    make_profile(world.enterprise, years=0)
    upload = SimpleUploadedFile("a.xlsx", workbook(figures=[figures_row(world.enterprise.uscc, THIS_YEAR - 1)]).read())
    page = officer_client.post(reverse("enterprises:import"), {"file": upload}).content.decode()
    summary = page.split('role="status"')[1].split("</div>")[0]
    assert _zh("Annual figures") in summary and "figures:" not in summary
