"""Builders for test enterprises: a passing HTE candidate that each test bends at one point."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from kechuang.enterprises.rules import (
    AnnualFigures,
    Enterprise,
    Grade,
    IpItem,
    IpJudgement,
    IpKind,
    Level,
    RdOrganisation,
    TechField,
)

ON = date(2025, 6, 30)
M = Decimal(1_000_000)


def year(y: int, **overrides: object) -> AnnualFigures:
    """A year with 40 M sales, 2.4 M R&D (6 %), all in China, 80 % high-tech income."""
    values: dict[str, object] = {
        "year": y,
        "sales_revenue": 40 * M,
        "total_income": 40 * M,
        "rd_expense": Decimal("2.4") * M,
        "rd_expense_domestic": Decimal("2.4") * M,
        "high_tech_income": 32 * M,
        "net_assets": 20 * M,
        "total_assets": 60 * M,
        "achievements_converted": 5,
    }
    values.update(overrides)
    return AnnualFigures(**values)  # type: ignore[arg-type]


def _growing(y: int, sales: str, net_assets: str) -> AnnualFigures:
    s = Decimal(sales) * M
    return year(
        y,
        sales_revenue=s,
        total_income=s,
        rd_expense=s * Decimal("0.06"),
        rd_expense_domestic=s * Decimal("0.06"),
        high_tech_income=s * Decimal("0.8"),
        net_assets=Decimal(net_assets) * M,
    )


# Sales grow 20 % a year (5–6 points), net assets 40 % (9–10 points).
GROWING = (_growing(2022, "30", "10"), _growing(2023, "36", "14"), _growing(2024, "43.2", "19.6"))


def enterprise(**overrides: object) -> Enterprise:
    """Passes every HTE condition for certain (innovation 75–90) and scores 100 as a tech SME."""
    base = Enterprise(
        id="E1",
        registered_on=date(2015, 3, 1),
        main_field=TechField.ELECTRONIC_INFORMATION,
        employees=100,
        st_staff=30,
        years=GROWING,
        ip_items=(IpItem(IpKind.INVENTION_PATENT, date(2020, 1, 1)),),
        rd_organisation=RdOrganisation(Level.FULLY, Level.FULLY, Level.FULLY, Level.FULLY),
        ip_judgement=IpJudgement(Grade.A, Grade.A),
    )
    return replace(base, **overrides)


def years(**overrides: object) -> tuple[AnnualFigures, ...]:
    """Three years 2022–2024 with the same overrides."""
    return tuple(year(y, **overrides) for y in (2022, 2023, 2024))
