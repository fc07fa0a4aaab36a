"""Several ``kechuang tick`` processes at the same instant enqueue each job's period exactly once.

Each child process starts Django first, then waits for a shared start time, so the ticks really overlap
(their INSERTs race; the unique (job, period start) row decides). On PostgreSQL the children use this
test's database; on SQLite (whose test database lives in memory) a fresh file database is migrated first.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from kechuang.core.models import JobRun

REPO = Path(__file__).resolve().parents[2]
PROCESSES = 4
NOW = "2026-03-02T18:30"  # tracking.recompute's period starts this minute; the other daily jobs are due too

CHILD = """
import os, sys, time
import django
django.setup()
from django.core.management import call_command
from django.db import connection
connection.ensure_connection()
start = float(sys.argv[1])
time.sleep(max(0.0, start - time.time()))
call_command("tick", "--now", sys.argv[2])
"""


def _run_ticks(env: dict[str, str]) -> list[str]:
    """Start the children together, wait for all; their stdout lines ("enqueued <job> for …")."""
    start = time.time() + 12  # enough for every child to import Django before the shared instant
    children = [subprocess.Popen([sys.executable, "-c", CHILD, str(start), NOW], cwd=REPO, env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(PROCESSES)]
    lines: list[str] = []
    for child in children:
        out, err = child.communicate(timeout=180)
        assert child.returncode == 0, err
        lines += out.splitlines()
    return lines


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "DJANGO_SETTINGS_MODULE": "kechuang.config.settings",
           "TASKS_BACKEND": "django_tasks_db.DatabaseBackend"}  # enqueue only: the count is what we check
    env.update(extra)
    return env


@pytest.mark.django_db(transaction=True)
def test_four_tick_processes_at_once_enqueue_each_period_once(tmp_path):
    if connection.vendor == "postgresql":
        s = connection.settings_dict
        url = f"postgres://{s['USER']}:{s['PASSWORD'] or ''}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
        env = _env(DATABASE_URL=url, KECHUANG_DATA_DIR=str(tmp_path))
        lines = _run_ticks(env)
        runs = list(JobRun.objects.values_list("job", "period_start"))
        enqueued = list(DBTaskResult.objects.values_list("task_path", flat=True))
    else:
        import sqlite3

        db = tmp_path / "tick.sqlite3"
        env = _env(DATABASE_URL=f"sqlite:///{db}", KECHUANG_DATA_DIR=str(tmp_path))
        subprocess.run([sys.executable, "-m", "kechuang.cli", "migrate", "-v0"], cwd=REPO, env=env, check=True)
        lines = _run_ticks(env)
        with sqlite3.connect(db) as conn:
            runs = conn.execute(f"SELECT job, period_start FROM {JobRun._meta.db_table}").fetchall()
            enqueued = [r[0] for r in conn.execute(f"SELECT task_path FROM {DBTaskResult._meta.db_table}")]
    jobs = {"tracking.recompute", "tracking.reminders", "enterprises.certificate_reminders", "enterprises.reassess"}
    assert Counter(job for job, _period in runs) == dict.fromkeys(jobs, 1)
    assert enqueued == ["kechuang.core.tasks.run_scheduled_job"] * len(jobs)
    assert sorted(line.split()[1] for line in lines) == sorted(jobs)  # each job enqueued by one process
