from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from kechuang.enterprises.rules import (
    HTE_RULES,
    Acquisition,
    IpItem,
    IpKind,
    Verdict,
    assess,
)

from .factories import ON, M, enterprise, year, years


def hte(e, on=ON):
    return assess(e, on=on).hte


def test_the_base_candidate_passes_for_certain():
    result = hte(enterprise())
    assert result.verdict is Verdict.PASS
    assert result.gaps == ()
    assert [c.code for c in result.conditions] == [
        "hte.registration",
        "hte.core_ip",
        "hte.field",
        "hte.st_staff",
        "hte.rd_ratio",
        "hte.domestic_rd",
        "hte.high_tech_income",
        "hte.innovation",
    ]
    assert all(c.source for c in result.conditions)


# Registration: 注册成立一年以上.


def test_registered_exactly_one_year_before_passes():
    assert hte(enterprise(registered_on=date(2024, 6, 30))).verdicts["hte.registration"] is Verdict.PASS


def test_registered_one_day_short_of_a_year_fails():
    assert hte(enterprise(registered_on=date(2024, 7, 1))).verdicts["hte.registration"] is Verdict.FAIL


def test_registered_on_29_february_is_eligible_from_1_march():
    e = enterprise(registered_on=date(2024, 2, 29))
    assert hte(e, on=date(2025, 2, 28)).verdicts["hte.registration"] is Verdict.FAIL
    assert hte(e, on=date(2025, 3, 1)).verdicts["hte.registration"] is Verdict.PASS


# Core IP, field.


def test_no_ip_fails_core_ip():
    assert hte(enterprise(ip_items=())).verdicts["hte.core_ip"] is Verdict.FAIL


def test_expired_or_future_ip_does_not_count():
    items = (
        IpItem(IpKind.INVENTION_PATENT, date(2010, 1, 1), expires_on=date(2025, 6, 30)),
        IpItem(IpKind.UTILITY_MODEL, date(2025, 7, 1)),
        IpItem(IpKind.TRADEMARK, date(2020, 1, 1)),
    )
    assert hte(enterprise(ip_items=items)).verdicts["hte.core_ip"] is Verdict.FAIL


def test_class_ii_item_used_before_does_not_count_for_hte_but_does_for_sme():
    items = (IpItem(IpKind.SOFTWARE_COPYRIGHT, date(2020, 1, 1), used_in_hte=True),)
    result = assess(enterprise(ip_items=items), on=ON)
    assert result.hte.verdicts["hte.core_ip"] is Verdict.FAIL
    assert result.sme.score_items[2].band.low == 6


def test_acquired_ip_counts_as_core_ip():
    items = (IpItem(IpKind.UTILITY_MODEL, date(2020, 1, 1), Acquisition.TRANSFERRED),)
    assert hte(enterprise(ip_items=items)).verdicts["hte.core_ip"] is Verdict.PASS


def test_main_products_outside_the_eight_fields_fail():
    assert hte(enterprise(main_field=None)).verdicts["hte.field"] is Verdict.FAIL


# S&T staff ≥ 10 %.


@pytest.mark.parametrize(
    ("staff", "employees", "verdict"),
    [(10, 100, Verdict.PASS), (999, 10_000, Verdict.FAIL), (1, 10, Verdict.PASS), (0, 1, Verdict.FAIL)],
)
def test_st_staff_share_boundary(staff, employees, verdict):
    e = enterprise(st_staff=staff, employees=employees)
    assert hte(e).verdicts["hte.st_staff"] is verdict


def test_no_employees_is_unknown():
    result = hte(enterprise(employees=0, st_staff=0))
    assert result.verdicts["hte.st_staff"] is Verdict.UNKNOWN
    assert result.verdict is Verdict.UNKNOWN


# R&D ratio: the rate follows latest-year sales; the ratio is over the three years.


@pytest.mark.parametrize(
    ("latest_sales", "rate"),
    [
        (50 * M, Decimal("0.05")),
        (50 * M + 1, Decimal("0.04")),
        (200 * M, Decimal("0.04")),
        (200 * M + 1, Decimal("0.03")),
        (1, Decimal("0.05")),
    ],
)
def test_rd_rate_by_latest_sales(latest_sales, rate):
    assert HTE_RULES.in_force(ON).params.rd_rate_for(latest_sales) == rate


def _rd_case(sales, rd):
    return enterprise(years=years(sales_revenue=sales, rd_expense=rd, rd_expense_domestic=rd))


def test_sales_of_exactly_50_million_need_5_percent():
    assert hte(_rd_case(50 * M, Decimal("2.5") * M)).verdicts["hte.rd_ratio"] is Verdict.PASS
    at_4_9 = hte(_rd_case(50 * M, Decimal("2.45") * M))
    assert at_4_9.verdicts["hte.rd_ratio"] is Verdict.FAIL
    assert at_4_9.conditions[4].threshold == Decimal("0.05")


def test_sales_just_above_50_million_need_4_percent():
    sales = 50 * M + 100
    assert hte(_rd_case(sales, sales * Decimal("0.04"))).verdicts["hte.rd_ratio"] is Verdict.PASS


def test_rd_one_fen_short_fails():
    assert (
        hte(_rd_case(250 * M, Decimal("7.5") * M - Decimal("0.01"))).verdicts["hte.rd_ratio"] is Verdict.FAIL
    )
    assert hte(_rd_case(250 * M, Decimal("7.5") * M)).verdicts["hte.rd_ratio"] is Verdict.PASS


def test_rd_ratio_is_over_three_years_not_each_year():
    # 2 %, 2 %, 11 % of equal sales: 15 / 300 = 5 % over the three years.
    figures = (
        year(2022, sales_revenue=100, rd_expense=2, rd_expense_domestic=2),
        year(2023, sales_revenue=100, rd_expense=2, rd_expense_domestic=2),
        year(2024, sales_revenue=100, rd_expense=11, rd_expense_domestic=11),
    )
    assert hte(enterprise(years=figures)).verdicts["hte.rd_ratio"] is Verdict.PASS


def test_young_enterprise_uses_its_actual_years():
    e = enterprise(registered_on=date(2023, 3, 1))
    result = hte(e)
    rd = result.conditions[4]
    assert rd.message.params["years"] == 2
    assert result.verdicts["hte.rd_ratio"] is Verdict.PASS


def test_years_outside_the_window_are_ignored():
    figures = (*years(), year(2021, sales_revenue=1, rd_expense=0), year(2025, rd_expense=0))
    result = hte(enterprise(years=figures))
    assert result.conditions[4].message.params["years"] == 3


def test_no_figures_is_unknown():
    result = hte(enterprise(years=()))
    assert result.verdicts["hte.rd_ratio"] is Verdict.UNKNOWN
    assert result.verdicts["hte.high_tech_income"] is Verdict.UNKNOWN


# Domestic R&D ≥ 60 %, high-tech income ≥ 60 %.


@pytest.mark.parametrize(
    ("domestic", "verdict"), [(Decimal("1.44"), Verdict.PASS), (Decimal("1.4399"), Verdict.FAIL)]
)
def test_domestic_rd_share_boundary(domestic, verdict):
    e = enterprise(years=years(rd_expense=Decimal("2.4") * M, rd_expense_domestic=domestic * M))
    assert hte(e).verdicts["hte.domestic_rd"] is verdict


@pytest.mark.parametrize(("income", "verdict"), [(24 * M, Verdict.PASS), (24 * M - 1, Verdict.FAIL)])
def test_high_tech_income_share_boundary(income, verdict):
    e = enterprise(years=years(total_income=40 * M, high_tech_income=income))
    assert hte(e).verdicts["hte.high_tech_income"] is verdict


def test_high_tech_income_reads_the_latest_year_only():
    figures = (year(2022, high_tech_income=0), year(2023, high_tech_income=0), year(2024))
    assert hte(enterprise(years=figures)).verdicts["hte.high_tech_income"] is Verdict.PASS


def test_conditions_show_own_numbers_and_thresholds():
    rd = hte(enterprise()).conditions[4]
    assert rd.actual == Decimal("0.06")
    assert rd.threshold == Decimal("0.05")
    assert rd.message.text == (
        "R&D expense is 6.00% of sales over 3 year(s); 5% is required for latest-year sales of "
        "43,200,000.00 yuan"
    )


def test_overall_verdict_is_fail_when_any_condition_fails_even_with_unknowns():
    result = hte(replace(enterprise(employees=0, st_staff=0), main_field=None))
    assert result.verdict is Verdict.FAIL
