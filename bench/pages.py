"""Median server time of the dashboard and the organisation list with 10,000 organisations.

Prints dashboard_ms_sqlite, dashboard_ms_postgres, org_list_ms_sqlite, org_list_ms_postgres,
dashboard_queries and org_list_queries. Server time is measured through Django's test client: the whole
request (middleware, view, template) without the network.
"""

from __future__ import annotations

import random
import sys

from _django import median_ms, query_count, run_children, setup_django

ORGANISATIONS = 10_000


def build() -> object:
    from kechuang.core.models import Organisation, Region
    from kechuang.core.roles import OrgKind, Role
    from kechuang.core.services import user_create
    from kechuang.core.uscc import make_uscc_from_parts

    rng = random.Random(7)
    counties = list(Region.objects.filter(code__startswith="3302", level="county").values_list("code", flat=True))
    bureau = Organisation.objects.create(name="测试市科学技术局", kind=OrgKind.BUREAU, region_id="330200")
    kinds = [OrgKind.ENTERPRISE] * 8 + [OrgKind.UNIVERSITY, OrgKind.INSTITUTE]
    Organisation.objects.bulk_create(
        [Organisation(name=f"基准单位{i:05d}有限公司", kind=rng.choice(kinds), region_id=rng.choice(counties),
                      uscc=make_uscc_from_parts("330200", f"MA{i:06d}")) for i in range(ORGANISATIONS - 1)],
        batch_size=1000,
    )
    return user_create(actor=None, username="bench", password="Benchmark2026", organisation=bureau,
                       roles=[Role.PLANNER])


def child(db: str) -> None:
    cleanup = setup_django(db, "pages")
    try:
        from django.test import Client

        user = build()
        client = Client()
        client.force_login(user)
        pages = {"dashboard": "/", "org_list": "/organisations/?kind=enterprise&page=3"}
        for name, url in pages.items():
            assert client.get(url).status_code == 200
            print(f"BENCH {name}_ms_{db} {median_ms(lambda url=url: client.get(url)):.1f} ms")
            if db == "sqlite":
                print(f"BENCH {name}_queries {query_count(lambda url=url: client.get(url))} count")
    finally:
        cleanup()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(sys.argv[2])
    else:
        run_children(__file__)
