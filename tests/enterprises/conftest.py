"""Fixtures of the enterprises tests: a profile with three years of figures on the shared world."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kechuang.core.models import Organisation
from kechuang.enterprises.models import AnnualFigures, EnterpriseProfile
from kechuang.enterprises.services import FiguresInput

THIS_YEAR = date.today().year


def figures_input(year: int, /, **changes: object) -> FiguresInput:
    """One year of figures of a small enterprise that qualifies on every HTE money condition."""
    values: dict[str, object] = {
        "year": year, "sales_revenue": Decimal("20000000"), "total_income": Decimal("21000000"),
        "rd_expense": Decimal("1200000"), "rd_expense_domestic": Decimal("1200000"),
        "high_tech_income": Decimal("15000000"), "employees": 100, "st_staff": 20,
        "total_assets": Decimal("30000000"), "net_assets": Decimal("15000000"),
        "costs_and_expenses": Decimal("18000000"), "achievements_converted": 3,
        "rd_personnel": Decimal("600000"), "rd_direct_inputs": Decimal("300000"),
        "rd_depreciation": Decimal("100000"), "rd_design_trials": Decimal("100000"),
        "rd_other": Decimal("100000"),
    }
    values.update(changes)
    return FiguresInput(**values)


def make_profile(org: Organisation, *, years: int = 3, growth: Decimal = Decimal("1.2"), **fields: object
                 ) -> EnterpriseProfile:
    """A profile with ``years`` years of figures written directly (services are tested on their own)."""
    profile = EnterpriseProfile.objects.create(
        organisation=org, founded_on=date(2015, 3, 1), industry_code="C3914",
        main_field="electronic_information", rd_management_system="fully", rd_institution="fully",
        rd_conversion_incentives="partly", rd_talent_system="partly", **fields)
    for i in range(years):
        year = THIS_YEAR - years + i
        factor = growth ** i
        data = figures_input(year)
        row = {k: v for k, v in data.__dict__.items()}
        for name in ("sales_revenue", "total_income", "rd_expense", "rd_expense_domestic", "high_tech_income",
                     "net_assets"):
            row[name] = (row[name] * factor).quantize(Decimal("0.01"))
        AnnualFigures.objects.create(profile=profile, **row)
    return profile


@pytest.fixture
def profile(world) -> EnterpriseProfile:
    return make_profile(world.enterprise)


@pytest.fixture
def english():
    """Messages in English, so tests can name sheets and columns by their source strings."""
    from django.utils import translation

    with translation.override("en"):
        yield
