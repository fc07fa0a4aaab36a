from datetime import date
from decimal import Decimal

import pytest

from kechuang.enterprises.rules import IpItem, IpKind, Qualifications, Verdict, assess

from .factories import ON, M, enterprise, years


def sme(e):
    return assess(e, on=ON).sme


def points(e):
    return {item.code: item.band.low for item in sme(e).score_items}


def ip(kind, n):
    return tuple(IpItem(kind, date(2020, 1, 1)) for _ in range(n))


def test_the_base_candidate_scores_100():
    result = sme(enterprise())
    assert (result.verdict, result.score, result.direct_route) == (Verdict.PASS, 100, None)
    assert result.gaps == ()


# Size conditions: ≤ 500 employees, sales ≤ 200 M, total assets ≤ 200 M (latest year).


@pytest.mark.parametrize(("employees", "verdict"), [(500, Verdict.PASS), (501, Verdict.FAIL)])
def test_employee_limit(employees, verdict):
    result = sme(enterprise(employees=employees, st_staff=200))
    assert result.verdicts["sme.employees"] is verdict
    assert result.verdict is verdict


@pytest.mark.parametrize(("sales", "verdict"), [(200 * M, Verdict.PASS), (200 * M + 1, Verdict.FAIL)])
def test_sales_limit(sales, verdict):
    result = sme(enterprise(years=years(sales_revenue=sales, rd_expense=sales * Decimal("0.06"))))
    assert result.verdicts["sme.sales"] is verdict


@pytest.mark.parametrize(("assets", "verdict"), [(200 * M, Verdict.PASS), (200 * M + 1, Verdict.FAIL)])
def test_assets_limit(assets, verdict):
    assert sme(enterprise(years=years(total_assets=assets))).verdicts["sme.assets"] is verdict


def test_size_gap_shows_the_excess():
    gap = {g.code: g for g in sme(enterprise(employees=520, st_staff=200)).gaps}["sme.employees"]
    assert (gap.shortfall, gap.unit) == (20, "persons")
    assert gap.message.text == "20 employees over the limit of 500: too large for a tech-based SME"


def test_excluded_enterprise_fails_whatever_its_score():
    result = sme(enterprise(restricted_products=True))
    assert result.verdicts["sme.exclusions"] is Verdict.FAIL
    assert result.verdict is Verdict.FAIL


# S&T staff points (20).


@pytest.mark.parametrize(
    ("staff", "employees", "expected"),
    [
        (30, 100, 20),
        (2999, 10_000, 16),
        (25, 100, 16),
        (2499, 10_000, 12),
        (20, 100, 12),
        (15, 100, 8),
        (1499, 10_000, 4),
        (10, 100, 4),
        (999, 10_000, 0),
    ],
)
def test_st_staff_points(staff, employees, expected):
    assert points(enterprise(st_staff=staff, employees=employees))["sme.st_staff"] == expected


# R&D points (50): the higher of R&D/sales and R&D/costs.


@pytest.mark.parametrize(
    ("rate", "expected"),
    [("0.06", 50), ("0.0599", 40), ("0.05", 40), ("0.04", 30), ("0.03", 20), ("0.02", 10), ("0.0199", 0)],
)
def test_rd_points_by_sales(rate, expected):
    e = enterprise(years=years(sales_revenue=10 * M, rd_expense=10 * M * Decimal(rate)))
    assert points(e)["sme.rd"] == expected


@pytest.mark.parametrize(("costs", "expected"), [(2 * M, 50), (Decimal("2.0001") * M, 40), (6 * M, 10)])
def test_rd_points_take_the_cost_table_when_higher(costs, expected):
    # R&D 0.6 M is 2 % of 30 M sales (10 points) and 30 % of 2 M costs (50 points).
    e = enterprise(years=years(sales_revenue=30 * M, rd_expense=Decimal("0.6") * M, costs_and_expenses=costs))
    assert points(e)["sme.rd"] == expected


# IP points (30).


@pytest.mark.parametrize(
    ("ip_items", "expected"),
    [
        (ip(IpKind.NATIONAL_NEW_DRUG, 1), 30),
        (ip(IpKind.DESIGN_PATENT, 4), 24),
        (ip(IpKind.DESIGN_PATENT, 3), 18),
        (ip(IpKind.DESIGN_PATENT, 2), 12),
        (ip(IpKind.DESIGN_PATENT, 1), 6),
        (ip(IpKind.TRADEMARK, 3), 0),
        ((), 0),
    ],
)
def test_ip_points(ip_items, expected):
    assert points(enterprise(ip_items=ip_items))["sme.ip"] == expected


# Pass mark: ≥ 60 with S&T staff points above 0.


def test_exactly_sixty_passes():
    # 30 % staff (20) + R&D 5 % (40) + no IP (0) = 60
    e = enterprise(ip_items=(), years=years(sales_revenue=10 * M, rd_expense=Decimal("0.5") * M))
    result = sme(e)
    assert (result.score, result.verdict) == (60, Verdict.PASS)


def test_fifty_eight_fails_with_point_gaps():
    # 25 % staff (16) + R&D 4 % (30) + 2 Class II (12) = 58
    e = enterprise(
        st_staff=25,
        ip_items=ip(IpKind.UTILITY_MODEL, 2),
        years=years(sales_revenue=10 * M, rd_expense=Decimal("0.4") * M),
    )
    result = sme(e)
    assert (result.score, result.verdict) == (58, Verdict.FAIL)
    found = {g.code: g for g in result.gaps}
    assert found["sme.score"].shortfall == 2
    # (25 + x) / (100 + x) ≥ 30 % → x ≥ 7.14 → 8
    assert found["sme.st_staff"].shortfall == 8
    assert (
        found["sme.st_staff"].message.text
        == "8 more S&T staff reach 30% of employees: 20 points instead of 16"
    )
    # 5 % of 10 M − 0.4 M
    assert found["sme.rd"].shortfall == Decimal("100000.00")
    assert (
        found["sme.ip"].message.text == "1 more Class II IP item(s) give 18 points (1 Class I item gives 30)"
    )


def test_zero_staff_points_fail_even_with_a_high_score():
    result = sme(enterprise(st_staff=9))
    assert result.score == 80
    assert result.verdicts["sme.score"] is Verdict.FAIL
    assert result.verdict is Verdict.FAIL
    # (9 + x) / (100 + x) ≥ 10 % → x ≥ 1.11 → 2 (10 / 101 is still 9.9 %)
    assert {g.code: g.shortfall for g in result.gaps}["sme.st_staff"] == 2


# Direct routes (第八条).


def _low_scorer(**quals):
    return enterprise(st_staff=0, qualifications=Qualifications(**quals))


@pytest.mark.parametrize(
    ("quals", "route"),
    [
        ({"hte_certificate_on": date(2022, 7, 1)}, "hte_certificate"),
        ({"national_award_top3_5y": True}, "national_award"),
        ({"provincial_rd_institution": True}, "provincial_rd_institution"),
        ({"led_standard_5y": True}, "led_standard"),
    ],
)
def test_direct_routes_confirm_without_the_score(quals, route):
    result = sme(_low_scorer(**quals))
    assert (result.verdict, result.direct_route) == (Verdict.PASS, route)
    assert result.verdicts["sme.score"] is Verdict.FAIL
    assert result.gaps == ()


def test_hte_certificate_lapses_after_three_years():
    result = sme(_low_scorer(hte_certificate_on=date(2022, 6, 30)))
    assert (result.verdict, result.direct_route) == (Verdict.FAIL, None)


def test_direct_route_does_not_lift_the_size_limit():
    result = sme(enterprise(employees=600, st_staff=200, qualifications=Qualifications(led_standard_5y=True)))
    assert result.verdict is Verdict.FAIL


def test_no_figures_leave_the_size_unknown():
    result = sme(enterprise(years=()))
    assert result.verdicts["sme.sales"] is Verdict.UNKNOWN
    assert result.verdict is Verdict.UNKNOWN
