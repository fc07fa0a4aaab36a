from datetime import date
from decimal import Decimal

from kechuang.enterprises.rules import IpJudgement, RdOrganisation, assess

from .factories import ON, M, enterprise, years


def gaps(e):
    return {gap.code: gap for gap in assess(e, on=ON).hte.gaps}


def test_rd_gap_in_yuan_over_three_years():
    # 60 M sales a year → 4 %; R&D 1.92 M a year = 3.2 %; 4 % of 180 M = 7.2 M; 7.2 − 5.76 = 1.44 M.
    e = enterprise(
        years=years(
            sales_revenue=60 * M,
            total_income=60 * M,
            high_tech_income=48 * M,
            rd_expense=Decimal("1.92") * M,
            rd_expense_domestic=Decimal("1.92") * M,
        )
    )
    gap = gaps(e)["hte.rd_ratio"]
    assert gap.shortfall == Decimal("1440000.00")
    assert gap.unit == "yuan"
    assert gap.message.text == "R&D expense is 3.20% of sales; 4% needs 1,440,000.00 yuan more over 3 year(s)"


def test_rd_gap_rounds_up_to_the_fen():
    # 5 % of 3 × 33,333,333.33 = 4,999,999.9995; R&D 3 × 1,666,666.333 = 4,999,998.999;
    # short by 1.0005 yuan, rounded up to 1.01.
    e = enterprise(
        years=years(
            sales_revenue=Decimal("33333333.33"),
            rd_expense=Decimal("1666666.333"),
            rd_expense_domestic=Decimal("1666666.333"),
        )
    )
    assert gaps(e)["hte.rd_ratio"].shortfall == Decimal("1.01")


def test_st_staff_gap_counts_new_hires_and_reassignments():
    # (10 + x) / (200 + x) ≥ 10 % → x ≥ 11.1 → 12 hires; or 20 − 10 = 10 moved into S&T work.
    gap = gaps(enterprise(employees=200, st_staff=10))["hte.st_staff"]
    assert gap.shortfall == 12
    assert gap.unit == "persons"
    assert gap.message.text == (
        "S&T staff are 5.00% of employees; 10% needs 12 more S&T staff hired "
        "(or 10 existing employees moved into S&T work)"
    )


def test_st_staff_gap_of_one():
    # 9 / 95 = 9.47 %; 10 / 96 = 10.4 %.
    assert gaps(enterprise(employees=95, st_staff=9))["hte.st_staff"].shortfall == 1


def test_domestic_rd_gap():
    # 3.6 M of 7.2 M in China; (3.6 + x) / (7.2 + x) ≥ 60 % → x = 1.8 M.
    e = enterprise(years=years(rd_expense=Decimal("2.4") * M, rd_expense_domestic=Decimal("1.2") * M))
    gap = gaps(e)["hte.domestic_rd"]
    assert gap.shortfall == Decimal("1800000.00")
    assert "50.00% of all R&D; 60% needs 1,800,000.00 yuan more" in gap.message.text


def test_high_tech_income_gap():
    # 20 M of 40 M; (20 + x) / (40 + x) ≥ 60 % → x = 10 M.
    e = enterprise(years=years(total_income=40 * M, high_tech_income=20 * M))
    gap = gaps(e)["hte.high_tech_income"]
    assert gap.shortfall == Decimal("10000000.00")
    assert gap.message.params["year"] == 2024


def test_registration_gap_in_days():
    gap = gaps(enterprise(registered_on=date(2025, 1, 15)))["hte.registration"]
    assert gap.shortfall == 199
    assert gap.message.text == "Registered less than one year ago: eligible from 2026-01-15, in 199 days"


def test_core_ip_and_field_gaps():
    found = gaps(enterprise(ip_items=(), main_field=None))
    assert (found["hte.core_ip"].shortfall, found["hte.core_ip"].unit) == (1, "items")
    assert (found["hte.field"].shortfall, found["hte.field"].unit) == (None, "")


def test_innovation_gap_in_points():
    # No IP, no organisation: 0 + 25–30 + 0 + 9–10 + 5–6 = 34–46 → 25 points short of 71.
    gap = gaps(enterprise(ip_items=(), rd_organisation=RdOrganisation()))["hte.innovation"]
    assert gap.shortfall == 25
    assert gap.message.text == "Innovation score is at most 46 points; 71 needs 25 more points"


def test_borderline_innovation_tells_the_points_needed_within_the_band():
    gap = gaps(enterprise(ip_judgement=IpJudgement()))["hte.innovation"]
    assert gap.shortfall == 8  # 71 − 63
    assert gap.message.text == "Innovation score 63–96: passes only if the experts give at least 71 points"


def test_passing_conditions_have_no_gaps():
    assert assess(enterprise(), on=ON).hte.gaps == ()
