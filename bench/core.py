"""Figures of the shared core machinery (issue 11).

- ``tick_enqueued_once``: 4 ``kechuang tick`` processes started at the same instant against a fresh
  PostgreSQL database, for the same minute; how many of them enqueued the job whose period starts that
  minute (must be 1). ``tick_races_lost`` beside it counts, over the four jobs due that minute, the INSERTs
  that lost to another process's (more than 0 shows the ticks really overlapped, not ran in turn).

- ``workflow_answer_ms``: every step out of one application's state for one user, with allowed-or-not and
  why (the engine's own cost).

Run: ``.venv/bin/python bench/core.py``. Each part keeps to its own function called from :func:`main`;
the tick runs Django only in child processes, so
the parts do not share a database or settings.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from _django import PG_SERVER, REPO, median_ms

TICKS = 4
TICK_AT = "2026-03-02T18:30"  # tracking.recompute's daily period starts this minute
TICK_CHILD = """
import sys, time
import django
django.setup()
from django.core.management import call_command
from django.db import connection
connection.ensure_connection()
time.sleep(max(0.0, float(sys.argv[1]) - time.time()))
call_command("tick", "--now", sys.argv[2])
"""


def bench_tick() -> None:
    import psycopg

    dbname = "kechuang_bench_tick"
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{dbname}"')
        conn.execute(f'CREATE DATABASE "{dbname}"')
    env = {**os.environ, "DATABASE_URL": f"{PG_SERVER}/{dbname}", "PYTHONPATH": str(REPO / "src"),
           "DJANGO_SETTINGS_MODULE": "kechuang.config.settings", "KECHUANG_DATA_DIR": tempfile.mkdtemp(),
           "TASKS_BACKEND": "django_tasks_db.DatabaseBackend", "LOG_LEVEL": "INFO"}
    try:
        subprocess.run([sys.executable, "-m", "kechuang.cli", "migrate", "-v0"], cwd=REPO, env=env, check=True)
        start = time.time() + 15  # every child has imported Django by then, so the ticks overlap
        children = [subprocess.Popen([sys.executable, "-c", TICK_CHILD, str(start), TICK_AT], cwd=REPO, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                    for _ in range(TICKS)]
        outputs = [child.communicate(timeout=300) for child in children]
        enqueued = sum(out.split().count("tracking.recompute") for out, _err in outputs)
        lost = sum("another tick" in line for _out, err in outputs for line in err.splitlines())
        with psycopg.connect(f"{PG_SERVER}/{dbname}") as conn:
            rows = conn.execute("SELECT count(*) FROM core_jobrun WHERE job = 'tracking.recompute'").fetchone()[0]
        if rows != enqueued:
            print(f"tick: {rows} run rows but {enqueued} enqueues reported", file=sys.stderr)
        print(f"BENCH tick_enqueued_once {enqueued} count")
        print(f"BENCH tick_races_lost {lost} count")
    finally:
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


def bench_workflow() -> None:
    """``workflow_answer_ms``: every step out of one application's state for one user, with allowed-or-not
    and why, from the declared lifecycle (the engine's own cost: the facts read an object in memory)."""
    from kechuang.core.workflow import answer
    from kechuang.projects.domain.workflow import APPLICATION_LIFECYCLE, Role

    app = SimpleNamespace(problems={"budget"}, requires_recommendation=False, reviews=3, assigned=3)
    facts = {p.name: (lambda name: lambda obj, ctx: name not in obj.problems)(p.name)
             for p in APPLICATION_LIFECYCLE.preconditions}
    facts["no_recommender_required"] = lambda obj, ctx: not obj.requires_recommendation
    facts["reviews_complete"] = lambda obj, ctx: obj.reviews == obj.assigned

    def one() -> None:  # a draft: submit (five preconditions) and withdraw
        answer(APPLICATION_LIFECYCLE, state="draft", roles={Role.APPLICANT}, obj=app, facts=facts)

    print(f"BENCH workflow_answer_ms {median_ms(one, repeat=2001, warmup=50):.4f} ms")


def main() -> None:
    bench_workflow()
    bench_tick()


if __name__ == "__main__":
    main()
