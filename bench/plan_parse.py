"""Parse throughput over the seed corpus, and the time to import all five seed files into SQLite.

Prints plan_parse_throughput (MB of text per CPU second, one core) and plan_import_seeds_s (wall-clock
seconds to parse and store the five seeds in one go, each file in its own transaction, on a fresh SQLite
database).
"""

from __future__ import annotations

import sys
import time

from _django import REPO, setup_django
from plan_targets import throughput

SEEDS = REPO.parent / "shared" / "seeds"


def import_seeds() -> float:
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
        return time.perf_counter() - start
    finally:
        cleanup()


if __name__ == "__main__":
    if not SEEDS.is_dir():
        sys.exit(f"seed documents expected at {SEEDS}")
    print(f"BENCH plan_parse_throughput {throughput():.2f} MB/s")
    print(f"BENCH plan_import_seeds_s {import_seeds():.3f} s")
