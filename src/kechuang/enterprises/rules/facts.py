"""Figures both rule sets read, computed once per enterprise and assessment date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .figures import window
from .ip import IpCount, count_ip
from .model import AnnualFigures, Enterprise


@dataclass(slots=True)
class Facts:
    """The assessment window (oldest year first), its totals, the latest year and the IP counts."""

    years: tuple[AnnualFigures, ...]
    sales_total: Decimal | int
    rd_total: Decimal | int
    domestic_rd_total: Decimal | int
    achievements_total: int
    latest: AnnualFigures | None
    ip_hte: IpCount
    ip_sme: IpCount


def facts_for(enterprise: Enterprise, on: date) -> Facts:
    years = window(enterprise, on)
    sales = rd = domestic = 0
    achievements = 0
    for f in years:
        sales += f.sales_revenue
        rd += f.rd_expense
        domestic += f.rd_expense_domestic
        achievements += f.achievements_converted
    ip_hte, ip_sme = count_ip(enterprise.ip_items, on)
    return Facts(years, sales, rd, domestic, achievements, years[-1] if years else None, ip_hte, ip_sme)
