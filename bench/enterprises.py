"""Benchmark the enterprises app: engine over 100,000 enterprises, the registry page on PostgreSQL, and a
10,000-row .xlsx import.

Run from the repository root: ``.venv/bin/python bench/enterprises.py``. It creates its own database
``kechuang_bench_ent`` on the local PostgreSQL (``BENCH_POSTGRES``, default postgres://postgres@127.0.0.1:5432)
and drops it afterwards. Only the ``BENCH`` lines are the figures; everything else goes to stderr.
"""

from __future__ import annotations

import io
import random
import statistics
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _django import setup_django  # noqa: E402

N = 100_000
TODAY = date(2026, 6, 1)


def log(*args: object) -> None:
    print(*args, file=sys.stderr)


def bench_engine(rng: random.Random) -> float:
    """Both rule sets over N enterprises with three years of figures each (pure Python)."""
    from kechuang.enterprises.rules import AnnualFigures, Enterprise, IpItem, IpKind, TechField, assess_many

    fields = list(TechField)
    enterprises = []
    for i in range(N):
        sales = Decimal(rng.randint(2_000_000, 300_000_000))
        years = tuple(
            AnnualFigures(year=2023 + k, sales_revenue=sales * (10 + k) / 10, total_income=sales * (11 + k) / 10,
                          rd_expense=sales * rng.randint(1, 9) / 100, rd_expense_domestic=sales * 3 / 100,
                          high_tech_income=sales * rng.randint(30, 90) / 100, net_assets=sales / 2 + k,
                          total_assets=sales, costs_and_expenses=sales * 9 / 10,
                          achievements_converted=rng.randint(0, 6))
            for k in range(3))
        kinds = [IpKind.INVENTION_PATENT, IpKind.UTILITY_MODEL]
        ip = tuple(IpItem(kind=rng.choice(kinds), granted_on=date(2021, 1, 1)) for _ in range(rng.randint(0, 4)))
        employees = rng.randint(10, 800)
        enterprises.append(Enterprise(id=str(i), registered_on=date(rng.randint(2000, 2025), 1, 1),
                                      main_field=rng.choice([*fields, None]), employees=employees,
                                      st_staff=rng.randint(0, employees), years=years, ip_items=ip))
    start = time.perf_counter()
    results = assess_many(enterprises, on=TODAY)
    elapsed = time.perf_counter() - start
    assert len(results) == N
    return elapsed


def build_registry(rng: random.Random):
    """N enterprises in the districts of one city, with cached outcomes, written with bulk_create."""
    from kechuang.core.models import Organisation, Region
    from kechuang.core.roles import OrgKind, Role
    from kechuang.core.services import user_create
    from kechuang.core.uscc import make_uscc_from_parts
    from kechuang.enterprises.models import TECH_FIELD_CHOICES, EnterpriseProfile

    counties = list(Region.objects.filter(parent_id="330200").values_list("code", flat=True))
    bureau = Organisation.objects.create(name="市科技局", kind=OrgKind.BUREAU, region_id="330200")
    officer = user_create(actor=None, username="bench", password="Bench-pass-2026", organisation=bureau,
                          roles=[Role.PROGRAMME_OFFICER])
    fields = [value for value, _label in TECH_FIELD_CHOICES]
    orgs = [Organisation(name=f"企业{i:06d}{rng.choice('科技信达创智联')}有限公司", kind=OrgKind.ENTERPRISE,
                         region_id=rng.choice(counties), uscc=make_uscc_from_parts("330200", f"MA{i:06d}"))
            for i in range(N)]
    Organisation.objects.bulk_create(orgs, batch_size=5000)
    verdicts = ["pass", "borderline", "fail", "unknown"]
    profiles = [EnterpriseProfile(organisation=o, founded_on=date(rng.randint(2000, 2024), 1, 1),
                                  industry_code=rng.choice(["C3914", "I6513", "C2710", "M7320"]),
                                  main_field=rng.choice(fields), tier=rng.choice(["none", "tech_sme", "hte"]),
                                  hte_verdict=rng.choice(verdicts), sme_verdict=rng.choice(verdicts),
                                  readiness=rng.randint(0, 100), assessed_on=TODAY) for o in orgs]
    EnterpriseProfile.objects.bulk_create(profiles, batch_size=5000)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return officer, counties


def bench_registry(officer, counties: list[str]) -> float:
    from django.test import Client

    client = Client()
    client.force_login(officer)
    queries = [{}, {"hte": "pass"}, {"sme": "fail", "region": counties[0]}, {"main_field": "new_materials", "page": 7},
               {"tier": "tech_sme", "order": "readiness"}, {"q": "企业0123"}, {"industry": "C39", "hte": "borderline"},
               {"min_readiness": 80, "order": "readiness", "page": 3}]
    for params in queries:  # warm up caches and connections
        assert client.get("/enterprises/", params).status_code == 200
    timings = []
    for _ in range(5):
        for params in queries:
            start = time.perf_counter()
            response = client.get("/enterprises/", params)
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
    return statistics.median(timings)


def bench_import(rng: random.Random, officer) -> float:
    """5,000 enterprise rows and 5,000 figures rows, 1 % of them bad, imported keeping the good rows."""
    from openpyxl import Workbook

    from kechuang.core.uscc import make_uscc_from_parts
    from kechuang.enterprises.importer import import_workbook
    from kechuang.enterprises.sheets import ENTERPRISES, FIGURES

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("enterprises")
    ws.append([c.code for c in ENTERPRISES.columns])
    codes = [make_uscc_from_parts("330203", f"MB{i:06d}") for i in range(5000)]
    bad = 0
    for i, code in enumerate(codes):
        founded = "2030-01-01" if i % 100 == 7 else date(2015, 1, 1)
        bad += i % 100 == 7
        ws.append([code, f"导入企业{i:05d}有限公司", "330203", founded, "C3914", "new_materials", "", "", "", ""])
    ws = wb.create_sheet("figures")
    ws.append([c.code for c in FIGURES.columns])
    for i, code in enumerate(codes):
        st_staff = 500 if i % 100 == 3 else 20
        bad += i % 100 == 3
        ws.append([code, 2025, 20_000_000, 21_000_000, 15_000_000, 1_200_000, 1_100_000, *([None] * 8),
                   30_000_000, 15_000_000, 100, st_staff, 2])
    buffer = io.BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    start = time.perf_counter()
    report = import_workbook(actor=officer, file=buffer, good_rows_only=True, filename="bench.xlsx")
    elapsed = time.perf_counter() - start
    # Each bad enterprise row also rejects its figures row.
    assert report.applied and report.bad_rows == bad + 50, (report.bad_rows, bad)
    log(f"import: {report.rows} rows, {report.bad_rows} bad rows reported, created {report.created}")
    return elapsed


def main() -> None:
    rng = random.Random(6)
    print(f"BENCH assess_100k_s {bench_engine(rng):.2f} s", flush=True)
    cleanup = setup_django("postgres", "ent")
    try:
        officer, counties = build_registry(rng)
        print(f"BENCH registry_page_ms_postgres {bench_registry(officer, counties):.1f} ms", flush=True)
        print(f"BENCH xlsx_import_10k_s {bench_import(rng, officer):.2f} s", flush=True)
    finally:
        cleanup()


if __name__ == "__main__":
    main()
