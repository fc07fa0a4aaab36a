"""Benchmarks of the projects app.

Prints the domain figures (expert assignment at 5,000 x 5, one duplicate check over 50,000) from
``bench/projects_domain.py`` and the server time of the officer's queue and a call's application list
with 5,000 applications on the local PostgreSQL, in a throw-away database created and dropped here.

Run: ``PYTHONPATH=src .venv/bin/python bench/projects.py``.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
from projects_domain import bench_assignment, bench_duplicates, build_duplicate_bench_index

SERVER = "postgres://postgres@127.0.0.1:5432"
DATABASE = "kechuang_bench_proj"
APPLICATIONS = 5_000
RUNS = 15


def _admin(sql: str) -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def _median_ms(client, url: str) -> float:
    client.get(url)  # warm caches and connections
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    return statistics.median(times)


def _postgres_pages() -> tuple[float, float]:
    os.environ["DATABASE_URL"] = f"{SERVER}/{DATABASE}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kechuang.config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    from bench_projects_data import build

    officer, call = build(APPLICATIONS)
    client = Client()
    client.force_login(officer)
    queue = _median_ms(client, "/projects/queue/")
    listing = _median_ms(client, f"/projects/calls/{call.pk}/applications/?state=expert_review&q=项目")
    from django.db import connections

    connections.close_all()
    return queue, listing


def main() -> None:
    assignment = bench_assignment()
    print(f"BENCH assign_5k_x5_s {assignment['seconds']:.2f} s")
    print(f"BENCH assign_conflicts {assignment['conflicts']} count")
    print(f"BENCH assign_max_load_over_cap {assignment['over_cap']} count")
    print(f"BENCH dup_check_50k_s {bench_duplicates(build_duplicate_bench_index()):.4f} s")
    _admin(f"DROP DATABASE IF EXISTS {DATABASE}")
    _admin(f"CREATE DATABASE {DATABASE}")
    try:
        queue, listing = _postgres_pages()
    finally:
        _admin(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    print(f"BENCH officer_queue_ms_postgres {queue:.1f} ms")
    print(f"BENCH call_list_ms_postgres {listing:.1f} ms")


if __name__ == "__main__":
    main()
