from decimal import Decimal

import pytest

from kechuang.enterprises.rules import RdExpenses, SpecialEnterprise, super_deduction

FIRST_FIVE = {
    "personnel": Decimal(500_000),
    "direct_inputs": Decimal(300_000),
    "depreciation": Decimal(100_000),
    "amortisation": Decimal(50_000),
    "design_and_trials": Decimal(50_000),
}


def test_worked_example_with_the_other_expense_cap_binding():
    # First five 1,000,000; cap 1,000,000 × 10 % ÷ 90 % = 111,111.11; other 150,000 → 111,111.11.
    # Eligible 1,111,111.11 × 100 %; capitalised 2,000,000 at 200 % = 4,000,000 over 10 years.
    result = super_deduction(
        RdExpenses(**FIRST_FIVE, other_related=Decimal(150_000), capitalised=Decimal(2_000_000)),
        tax_year=2024,
    )
    assert [(s.label, s.formula, s.amount) for s in result.steps] == [
        (
            "First five categories",
            "500,000.00 + 300,000.00 + 100,000.00 + 50,000.00 + 50,000.00",
            Decimal("1000000.00"),
        ),
        ("Cap on other related expenses", "1,000,000.00 × 10% ÷ (1 − 10%)", Decimal("111111.11")),
        ("Other related expenses allowed", "min(150,000.00, 111,111.11)", Decimal("111111.11")),
        ("Eligible expensed R&D", "1,000,000.00 + 111,111.11", Decimal("1111111.11")),
        ("Additional deduction on expensed R&D", "1,111,111.11 × 100%", Decimal("1111111.11")),
        ("Amortisation base of R&D intangible assets", "2,000,000.00 × 200%", Decimal("4000000.00")),
        ("Tax amortisation for the year", "4,000,000.00 ÷ 10", Decimal("400000.00")),
        ("Additional deduction through amortisation", "2,000,000.00 × 100% ÷ 10", Decimal("200000.00")),
        ("Total additional deduction", "1,111,111.11 + 200,000.00", Decimal("1311111.11")),
    ]
    assert result.total == Decimal("1311111.11")
    assert (result.rate, result.excluded) == (Decimal("1.00"), False)
    assert "2023年第7号" in result.source


def test_other_expenses_under_the_cap_count_in_full():
    result = super_deduction(RdExpenses(**FIRST_FIVE, other_related=Decimal(50_000)), tax_year=2023)
    assert result.eligible_expensed == Decimal("1050000.00")
    assert result.total == Decimal("1050000.00")
    assert result.amortisation_base == 0
    assert len(result.steps) == 6


def test_integrated_circuit_enterprise_gets_120_percent():
    # 1,111,111.11 × 120 % = 1,333,333.332 → 1,333,333.33; 2,000,000 × 220 % = 4,400,000;
    # additional 2,000,000 × 120 % ÷ 10 = 240,000; total 1,573,333.33.
    result = super_deduction(
        RdExpenses(**FIRST_FIVE, other_related=Decimal(150_000), capitalised=Decimal(2_000_000)),
        tax_year=2025,
        special=SpecialEnterprise.INTEGRATED_CIRCUIT,
    )
    assert result.rate == Decimal("1.20")
    assert result.additional_expensed == Decimal("1333333.33")
    assert result.amortisation_base == Decimal("4400000.00")
    assert result.additional_amortisation == Decimal("240000.00")
    assert result.total == Decimal("1573333.33")
    assert "2023年第44号" in result.source


@pytest.mark.parametrize(("year", "rate"), [(2027, Decimal("1.20")), (2028, Decimal("1.00"))])
def test_the_120_percent_window_ends_with_2027(year, rate):
    result = super_deduction(
        RdExpenses(personnel=100), tax_year=year, special=SpecialEnterprise.INDUSTRIAL_MOTHER_MACHINE
    )
    assert result.rate == rate


@pytest.mark.parametrize("code", ["C1610", "F5123", "H", "6110", "K7010", "L72", "R9011", "52"])
def test_excluded_industries_get_nothing(code):
    result = super_deduction(RdExpenses(**FIRST_FIVE), tax_year=2024, industry_code=code)
    assert result.excluded
    assert result.total == 0
    # A fixed label the pages can translate; the industry and the rule are in the (untranslated) formula.
    assert result.steps[0].label == "Industry excluded from the super deduction"
    assert code in result.steps[0].formula and "财税〔2015〕119号" in result.steps[0].formula


@pytest.mark.parametrize("code", ["C3911", "I6510", "M7320", "C", "R8810"])
def test_other_industries_are_eligible(code):
    result = super_deduction(RdExpenses(**FIRST_FIVE), tax_year=2024, industry_code=code)
    assert not result.excluded
    assert result.total == Decimal("1000000.00")


@pytest.mark.parametrize("code", ["", "X12345", "C1", "abc"])
def test_malformed_industry_codes_are_rejected(code):
    with pytest.raises(ValueError):
        super_deduction(RdExpenses(), tax_year=2024, industry_code=code)


def test_tax_years_before_the_rule_set_are_not_guessed():
    with pytest.raises(LookupError):
        super_deduction(RdExpenses(personnel=1), tax_year=2022)
