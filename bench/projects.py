"""Benchmarks of the projects app.

Prints the domain figures (expert assignment at 5,000 x 5, one duplicate check over 50,000) from
``bench/projects_domain.py`` and the server time of the officer's queue and a call's application list
with 5,000 applications on the local PostgreSQL, in a throw-away database created and dropped here.

Run: ``.venv/bin/python bench/projects.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _django import median_ms, setup_django
from projects_domain import bench_assignment, bench_duplicates, build_duplicate_bench_index

APPLICATIONS = 5_000


def _postgres_pages() -> tuple[float, float]:
    cleanup = setup_django("postgres", "proj")
    try:
        from django.test import Client

        from bench_projects_data import build

        officer, call = build(APPLICATIONS)
        client = Client()
        client.force_login(officer)
        pages = ("/projects/queue/", f"/projects/calls/{call.pk}/applications/?state=expert_review&q=项目")
        for url in pages:
            assert client.get(url).status_code == 200, url
        queue, listing = (median_ms(lambda url=url: client.get(url), repeat=15) for url in pages)
        return queue, listing
    finally:
        cleanup()


def main() -> None:
    assignment = bench_assignment()
    print(f"BENCH assign_5k_x5_s {assignment['seconds']:.2f} s")
    print(f"BENCH assign_conflicts {assignment['conflicts']} count")
    print(f"BENCH assign_max_load_over_cap {assignment['over_cap']} count")
    print(f"BENCH dup_check_50k_s {bench_duplicates(build_duplicate_bench_index()):.4f} s")
    queue, listing = _postgres_pages()
    print(f"BENCH officer_queue_ms_postgres {queue:.1f} ms")
    print(f"BENCH call_list_ms_postgres {listing:.1f} ms")


if __name__ == "__main__":
    main()
