"""Benchmark of the qualification engine: HTE and tech-SME assessment of n synthetic enterprises.

Run as a script (with ``src`` on PYTHONPATH) to print ``BENCH assess_100k_s <seconds> s``.
"""

from __future__ import annotations

import random
import time
from datetime import date
from decimal import Decimal

from kechuang.enterprises.rules import (
    Acquisition,
    AnnualFigures,
    Enterprise,
    IpItem,
    IpKind,
    Level,
    Qualifications,
    RdOrganisation,
    TechField,
    assess_many,
)

ON = date(2025, 6, 30)
KINDS = tuple(IpKind)
FIELDS = (*TechField, None)
LEVELS = tuple(Level)


def synthetic(n: int, seed: int = 20250630) -> list[Enterprise]:
    """``n`` enterprises with three years of figures, drawn from a fixed seed."""
    rnd = random.Random(seed)
    return [_enterprise(rnd, i) for i in range(n)]


def _enterprise(rnd: random.Random, i: int) -> Enterprise:
    employees = rnd.randint(5, 800)
    sales = rnd.randint(1_000_000, 400_000_000)
    years = []
    for year in (2022, 2023, 2024):
        sales = max(0, int(sales * rnd.uniform(0.8, 1.5)))
        rd = int(sales * rnd.uniform(0.0, 0.09))
        income = int(sales * rnd.uniform(1.0, 1.2))
        years.append(
            AnnualFigures(
                year=year,
                sales_revenue=Decimal(sales),
                total_income=Decimal(income),
                rd_expense=Decimal(rd),
                rd_expense_domestic=Decimal(int(rd * rnd.uniform(0.4, 1.0))),
                high_tech_income=Decimal(int(income * rnd.uniform(0.2, 1.0))),
                net_assets=Decimal(rnd.randint(-2_000_000, 150_000_000)),
                total_assets=Decimal(rnd.randint(1_000_000, 300_000_000)),
                costs_and_expenses=Decimal(int(sales * rnd.uniform(0.6, 1.1))),
                achievements_converted=rnd.randint(0, 7),
            )
        )
    ip = tuple(
        IpItem(
            rnd.choice(KINDS),
            date(rnd.randint(2012, 2025), rnd.randint(1, 12), 1),
            rnd.choice(tuple(Acquisition)),
        )
        for _ in range(rnd.randint(0, 8))
    )
    return Enterprise(
        id=f"E{i:06d}",
        registered_on=date(rnd.randint(2005, 2025), rnd.randint(1, 12), rnd.randint(1, 28)),
        main_field=rnd.choice(FIELDS),
        employees=employees,
        st_staff=rnd.randint(0, employees // 2),
        years=tuple(years),
        ip_items=ip,
        rd_organisation=RdOrganisation(*(rnd.choice(LEVELS) for _ in range(4))),
        qualifications=Qualifications(drafted_standard=rnd.random() < 0.2),
    )


def run(n: int) -> float:
    """Seconds that assessing ``n`` synthetic enterprises under both rule sets (HTE, SME) takes."""
    enterprises = synthetic(n)
    start = time.perf_counter()
    assess_many(enterprises, on=ON)
    return time.perf_counter() - start


if __name__ == "__main__":
    print(f"BENCH assess_100k_s {run(100_000):.2f} s")
