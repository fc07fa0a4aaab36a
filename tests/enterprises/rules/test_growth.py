from decimal import Decimal

import pytest

from kechuang.enterprises.rules import growth_rate


def test_three_years_hand_computed():
    # ½ × (120/100 + 150/120) − 1 = ½ × (1.2 + 1.25) − 1 = 0.225
    assert growth_rate([100, 120, 150]) == Decimal("0.225")


def test_three_years_with_a_fall():
    # ½ × (80/100 + 100/80) − 1 = ½ × (0.8 + 1.25) − 1 = 0.025
    assert growth_rate([Decimal(100), Decimal(80), Decimal(100)]) == Decimal("0.025")


def test_flat_is_zero():
    assert growth_rate([50, 50, 50]) == 0


def test_zero_first_year_uses_the_last_two():
    # 第一年为0的，按后两年计算: 130/100 − 1
    assert growth_rate([0, 100, 130]) == Decimal("0.3")


def test_zero_second_year_gives_no_rate():
    assert growth_rate([100, 0, 130]) is None


def test_negative_first_year_counts_as_zero():
    assert growth_rate([-40, 100, 130]) == Decimal("0.3")


def test_negative_second_year_counts_as_zero():
    assert growth_rate([100, -5, 130]) is None


def test_negative_last_year_counts_as_zero():
    # ½ × (100/100 + 0/100) − 1 = −0.5
    assert growth_rate([100, 100, -20]) == Decimal("-0.5")


def test_two_years_for_a_young_enterprise():
    assert growth_rate([80, 100]) == Decimal("0.25")


def test_two_years_from_zero_gives_no_rate():
    assert growth_rate([0, 100]) is None


@pytest.mark.parametrize("values", [[], [100]])
def test_fewer_than_two_years_gives_no_rate(values):
    assert growth_rate(values) is None


def test_only_the_last_three_years_count():
    assert growth_rate([1, 100, 120, 150]) == Decimal("0.225")
