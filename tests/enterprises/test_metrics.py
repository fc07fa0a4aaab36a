"""Metrics registered by the app, checked against hand-counted data."""

from __future__ import annotations

from datetime import date

import pytest

from kechuang.core.metrics import registry
from kechuang.enterprises.models import PoolEntry, Qualification
from tests.enterprises.conftest import THIS_YEAR, make_profile

pytestmark = pytest.mark.django_db


def test_hte_and_tech_sme_counts_by_region_and_year(world):
    a, b, far = make_profile(world.enterprise), make_profile(world.elsewhere), make_profile(world.far_away)
    Qualification.objects.create(profile=a, kind="hte", issued_on=date(2023, 11, 1), valid_until=date(2026, 10, 31))
    Qualification.objects.create(profile=b, kind="hte", issued_on=date(2021, 11, 1), valid_until=date(2024, 10, 31))
    Qualification.objects.create(profile=far, kind="hte", issued_on=date(2023, 5, 1), valid_until=date(2026, 4, 30))
    Qualification.objects.create(profile=b, kind="tech_sme", issued_on=date(2024, 5, 1), valid_until=date(2024, 12, 31))
    assert registry.evaluate("enterprises.hte_count", region="330200", year=2023) == 2
    assert registry.evaluate("enterprises.hte_count", region="330200", year=2024) == 1
    assert registry.evaluate("enterprises.hte_count", year=2023) == 3
    assert registry.evaluate("enterprises.hte_new", region="330203", year=2023) == 1
    assert registry.evaluate("enterprises.tech_sme_count", region="330205", year=2024) == 1


def test_rd_intensity_total_and_average(world):
    make_profile(world.enterprise, years=2)  # R&D 1.2m of 20m sales in the first year: 6 %
    profile = make_profile(world.neighbour, years=2)
    profile.figures.filter(year=THIS_YEAR - 2).update(rd_expense=4_000_000, sales_revenue=20_000_000)
    assert registry.evaluate("enterprises.rd_intensity_total", year=THIS_YEAR - 2) == 13.0
    assert registry.evaluate("enterprises.rd_intensity_avg", year=THIS_YEAR - 2) == 13.0
    profile.figures.filter(year=THIS_YEAR - 2).update(sales_revenue=40_000_000)
    assert registry.evaluate("enterprises.rd_intensity_total", year=THIS_YEAR - 2) == 8.67
    assert registry.evaluate("enterprises.rd_intensity_avg", year=THIS_YEAR - 2) == 8.0
    assert registry.evaluate("enterprises.rd_intensity_total", year=1999) is None


def test_pool_size_counts_selected_entries(world):
    a, b = make_profile(world.enterprise), make_profile(world.far_away)
    PoolEntry.objects.create(profile=a, year=THIS_YEAR, target_tier="hte")
    PoolEntry.objects.create(profile=b, year=THIS_YEAR, target_tier="hte", status="removed")
    assert registry.evaluate("enterprises.pool_size", year=THIS_YEAR) == 1
    assert registry.evaluate("enterprises.pool_size", region="330100", year=THIS_YEAR) == 0
