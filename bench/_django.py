"""Shared set-up for benchmarks: a throw-away database on SQLite or the local PostgreSQL.

Each benchmark runs its measurement in a child process per database, because Django reads
``DATABASE_URL`` once at start-up. The PostgreSQL database is created and dropped by the benchmark;
the database named ``test`` (CI's) is never touched.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PG_SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")


def run_children(script: str, databases: tuple[str, ...] = ("sqlite", "postgres")) -> None:
    """Run ``script --child DB`` for each database, passing its BENCH lines through."""
    for db in databases:
        result = subprocess.run([sys.executable, script, "--child", db], check=False, cwd=REPO)
        if result.returncode != 0:
            print(f"benchmark on {db} failed (exit {result.returncode})", file=sys.stderr)


def setup_django(db: str, name: str) -> Callable[[], None]:
    """Point Django at a fresh database for ``db`` and migrate it; return the clean-up function."""
    data_dir = Path(tempfile.mkdtemp(prefix=f"kechuang-bench-{name}-"))
    (data_dir / "static").mkdir()
    os.environ["KECHUANG_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kechuang.config.settings")
    os.environ["TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
    cleanup: Callable[[], None] = lambda: None  # noqa: E731
    if db == "postgres":
        import psycopg

        dbname = f"kechuang_bench_{name}"
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}"')
            conn.execute(f'CREATE DATABASE "{dbname}"')
        os.environ["DATABASE_URL"] = f"{PG_SERVER}/{dbname}"

        def cleanup() -> None:
            from django.db import connections

            connections.close_all()
            with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{dbname}"')
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    return cleanup


def median_ms(fn: Callable[[], object], repeat: int = 25, warmup: int = 3) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def query_count(fn: Callable[[], object]) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)
