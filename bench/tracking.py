"""Plan tracking at scale: 50 plans, 10,000 targets, 30 units, four years of quarterly reports.

Prints tracking_dashboard_ms_{sqlite,postgres}, my_tasks_ms_{sqlite,postgres} (median server time through
Django's test client), tracking_dashboard_queries, my_tasks_queries and status_recompute_10k_s.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time

from _django import median_ms, query_count, run_children, setup_django

PLANS, TARGETS, UNITS, FIRST_YEAR = 50, 10_000, 30, 2023


def build() -> tuple[object, object]:
    from django.utils import timezone

    from kechuang.core.models import Organisation
    from kechuang.core.roles import OrgKind, Role
    from kechuang.core.services import user_create
    from kechuang.plans.models import Item, Target, WorkPlan
    from kechuang.tracking.models import Assignment, ProgressReport
    from kechuang.tracking.specs import periods_between

    rng = random.Random(5)
    bureau = Organisation.objects.create(name="基准市科学技术局", kind=OrgKind.BUREAU, region_id="330200")
    units = Organisation.objects.bulk_create([
        Organisation(name=f"基准处室{i:02d}", short_name=f"处室{i:02d}", kind=OrgKind.DEPARTMENT, region_id="330200",
                     parent=bureau) for i in range(UNITS)])
    plans = WorkPlan.objects.bulk_create([
        WorkPlan(title=f"基准工作要点{i:02d}", year=FIRST_YEAR + i % 4, period_start=FIRST_YEAR + i % 4,
                 period_end=FIRST_YEAR + i % 4, status="confirmed") for i in range(PLANS)])
    chapters = Item.objects.bulk_create([Item(plan=p, kind="chapter", level=1, position=c, number=f"{c + 1}",
                                              heading=f"第{c + 1}章") for p in plans for c in range(4)])
    items = Item.objects.bulk_create([Item(plan=ch.plan, parent=ch, kind="item", level=2,
                                           position=10 + ch.position * 10 + k, number=f"{k + 1}",
                                           heading=f"任务{k + 1}") for ch in chapters for k in range(5)])
    per_item = TARGETS // len(items)
    targets = Target.objects.bulk_create([
        Target(plan=it.plan, item=it, position=it.position * 100 + t, metric=f"指标{t}", kind="amount",
               comparator=">=", value=rng.choice([10, 50, 100]), unit="家", year=it.plan.year)
        for it in items for t in range(per_item)], batch_size=2000)
    chapter_of = {it.pk: it.parent_id for it in items}
    assignments = Assignment.objects.bulk_create([
        Assignment(target=t, plan_id=t.plan_id, item_id=t.item_id, chapter_id=chapter_of[t.item_id],
                   lead_unit=rng.choice(units), deadline=dt.date(t.year, 12, 31), frequency="quarterly",
                   period_start=dt.date(t.year, 1, 1), period_end=dt.date(t.year, 12, 31)) for t in targets],
        batch_size=2000)
    values = {t.pk: t.value for t in targets}
    today = timezone.localdate()
    reports = []
    for a in assignments:
        for n, period in enumerate(periods_between(a.period_start, a.period_end, "quarterly"), start=1):
            if period.due < today and rng.random() < 0.95:
                submitted = dt.datetime.combine(period.due - dt.timedelta(days=rng.randint(-5, 5)), dt.time(9),
                                                tzinfo=dt.UTC)
                reports.append(ProgressReport(
                    assignment=a, unit_id=a.lead_unit_id, period_key=period.key, period_end=period.end,
                    due=period.due, value=values[a.target_id] * n / 4 * rng.uniform(0.6, 1.2), state="accepted",
                    submitted_at=submitted))
    ProgressReport.objects.bulk_create(reports, batch_size=5000)
    planner = user_create(actor=None, username="bench-planner", password="Benchmark2026", organisation=bureau,
                          roles=[Role.PLANNER])
    unit_user = user_create(actor=None, username="bench-unit", password="Benchmark2026", organisation=units[0],
                            roles=[Role.DEPARTMENT_USER])
    return planner, unit_user


def child(db: str) -> None:
    cleanup = setup_django(db, "tracking")
    try:
        from django.test import Client

        from kechuang.tracking.recompute import status_recompute

        planner, unit_user = build()
        start = time.perf_counter()
        count = status_recompute()
        elapsed = time.perf_counter() - start
        assert count == TARGETS, count
        status_recompute()  # the daily run, with stored lights to fold onto
        if db == "sqlite":
            print(f"BENCH status_recompute_10k_s {elapsed:.2f} s")
        pages = (("tracking_dashboard", planner, "/tracking/"), ("my_tasks", unit_user, "/tracking/my/"))
        for name, user, url in pages:
            client = Client()
            client.force_login(user)
            assert client.get(url).status_code == 200
            ms = median_ms(lambda url=url, c=client: c.get(url), repeat=15)
            print(f"BENCH {name}_ms_{db} {ms:.1f} ms")
            if db == "sqlite":
                print(f"BENCH {name}_queries {query_count(lambda url=url, c=client: c.get(url))} count")
    finally:
        cleanup()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(sys.argv[2])
    else:
        run_children(__file__)
