"""Parse throughput over the seed corpus, and the time to import all five seed files into SQLite.

Prints plan_parse_throughput (MB of text per CPU second, one core) and plan_import_seeds_s (wall-clock
seconds to parse and store the five seeds in one go, each file in its own transaction, on a fresh SQLite
database). Then a seed repeated to 5 MB (about 230 plans) through the web's import path: with the default
limits it is refused (plan_import_5mb_s, plan_import_5mb_db_growth_ratio); with the plans-per-file limit
lifted it is stored whole (plan_import_5mb_stored_s, plan_import_5mb_stored_db_growth_ratio), which shows
the text is kept once however many plans point into it.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from _django import REPO, setup_django
from plan_targets import throughput

SEEDS = REPO.parent / "shared" / "seeds"


def import_5mb(planner, *, max_plans: int | None = None) -> tuple[float, float]:
    """A seed plan repeated to 5 MB through the web's path (job submit → parse → limits → store or refuse);
    returns seconds and database bytes added per file byte (SQLite file size)."""
    from django.conf import settings
    from django.core.files.base import ContentFile
    from django.db import connection

    from kechuang.plans import services

    seed = (SEEDS / "003_92efa301420ef756.txt").read_bytes()
    data = seed * (5 * 1024 * 1024 // len(seed) + 1)
    path = Path(settings.DATABASES["default"]["NAME"])
    connection.close()
    before = path.stat().st_size
    settings.PLAN_IMPORT_BACKGROUND_BYTES = len(data) + 1  # time the work itself, not the queue
    if max_plans is not None:
        settings.PLAN_IMPORT_MAX_PLANS = max_plans
    start = time.perf_counter()
    services.import_job_submit(actor=planner, upload=ContentFile(data, name="repeated.txt"))
    seconds = time.perf_counter() - start
    connection.close()
    return seconds, (path.stat().st_size - before) / len(data)


def import_seeds() -> tuple[float, tuple[float, float], tuple[float, float]]:
    cleanup = setup_django("sqlite", "plans")
    try:
        from kechuang.core.roles import Role
        from kechuang.core.services import user_create
        from kechuang.plans import services

        planner = user_create(actor=None, username="bench", password="Benchmark2026", organisation=None,
                              roles=[Role.PLANNER])
        files = sorted(SEEDS.glob("*.txt"))
        start = time.perf_counter()
        for path in files:
            services.plan_import(actor=planner, document=services.parse_upload(data=path.read_bytes(),
                                                                             filename=path.name))
        seeds_s = time.perf_counter() - start
        refused = import_5mb(planner)
        return seeds_s, refused, import_5mb(planner, max_plans=10_000)
    finally:
        cleanup()


if __name__ == "__main__":
    if not SEEDS.is_dir():
        sys.exit(f"seed documents expected at {SEEDS}")
    print(f"BENCH plan_parse_throughput {throughput():.2f} MB/s")
    seeds_s, (big_s, growth), (stored_s, stored_growth) = import_seeds()
    print(f"BENCH plan_import_seeds_s {seeds_s:.3f} s")
    print(f"BENCH plan_import_5mb_s {big_s:.3f} s")
    print(f"BENCH plan_import_5mb_db_growth_ratio {growth:.3f} ratio")
    print(f"BENCH plan_import_5mb_stored_s {stored_s:.3f} s")
    print(f"BENCH plan_import_5mb_stored_db_growth_ratio {stored_growth:.3f} ratio")
