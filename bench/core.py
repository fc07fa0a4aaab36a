"""Figures of the shared core machinery (issue 11).

- ``tick_enqueued_once``: 4 ``kechuang tick`` processes started at the same instant against a fresh
  PostgreSQL database, for the same minute; how many of them enqueued the job whose period starts that
  minute (must be 1). ``tick_races_lost`` beside it counts, over the four jobs due that minute, the INSERTs
  that lost to another process's (more than 0 shows the ticks really overlapped, not ran in turn).

- ``workflow_answer_ms``: every step out of one application's state for one user, with allowed-or-not and
  why (the engine's own cost).

``bench_search``: Chinese search over 100,000 generated enterprises (region + brand + industry + 有限公司,
with main products) plus the hand-labelled records of ``bench/data/search_labelled.tsv``:

- ``search_100k_ms_<db>``: median time of a two-word query ("宁波 芯片"), top 20;
- ``search_recall_at10``: share of the labelled queries whose record is in the top 10;
- ``search_recall_at10_substring_baseline``: the same for ``name || products LIKE '%q%'`` (by id).

Run: ``.venv/bin/python bench/core.py``. Each part keeps to its own function called from :func:`main`;
the tick runs Django only in child processes, so
the parts do not share a database or settings.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from _django import PG_SERVER, REPO, median_ms, run_children, setup_django

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


LABELLED = Path(__file__).resolve().parent / "data" / "search_labelled.tsv"
CORPUS = 100_000
REGIONS = ("宁波", "杭州", "温州", "绍兴", "嘉兴", "湖州", "金华", "台州", "舟山", "丽水", "衢州", "宁波市鄞州",
           "宁波市海曙", "杭州市余杭", "宁波北仑", "杭州滨江")
BRAND_CHARS = "华联盛达兴创新源恒泰科信宏远博昌鑫明瑞丰海天中德宇众安锐晶凯星智睿力诚东方金银美嘉和立通铭"
INDUSTRIES = {
    "芯片科技": "芯片设计 集成电路", "半导体": "功率器件 晶圆制造", "电子科技": "电子元器件 电路板",
    "新材料": "高分子材料 复合材料", "生物医药": "药物研发 生物制剂", "医疗器械": "医用耗材 诊断设备",
    "智能装备": "自动化设备 工业机器人", "软件": "软件开发 信息系统集成", "新能源": "光伏组件 储能电池",
    "环保科技": "污水处理 固废处置", "精密机械": "数控机床 机械零部件", "汽车零部件": "汽车电子 传动系统",
    "信息技术": "云计算 大数据服务", "光电科技": "光学器件 激光设备", "化工": "精细化工 电子化学品",
}
SUFFIXES = ("有限公司", "股份有限公司", "有限责任公司")
QUERY = "宁波 芯片"


def labelled() -> list[tuple[str, str, list[str]]]:
    rows = []
    for line in LABELLED.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, products, queries = line.split("\t")
            rows.append((name, products, queries.split("|")))
    return rows


def generated(rng: random.Random, n: int) -> list[tuple[str, str]]:
    """``n`` distinct (name, main products) pairs in the shape of real registrations."""
    seen: set[str] = set()
    out = []
    industries = list(INDUSTRIES)
    while len(out) < n:
        industry = rng.choice(industries)
        name = (f"{rng.choice(REGIONS)}{rng.choice(BRAND_CHARS)}{rng.choice(BRAND_CHARS)}"
                f"{industry}{rng.choice(SUFFIXES)}")
        if name not in seen:
            seen.add(name)
            out.append((name, INDUSTRIES[industry]))
    return out


def bench_search(db: str) -> None:
    from django.db import connection

    from kechuang.core.models import Organisation
    from kechuang.core.roles import OrgKind
    from kechuang.core.search_index import reindex, search_ids
    from kechuang.enterprises.models import EnterpriseProfile

    gold = labelled()
    rows = [(name, products) for name, products, _ in gold] + generated(random.Random(11), CORPUS - len(gold))
    orgs = [Organisation(name=name, kind=OrgKind.ENTERPRISE, region_id="330200") for name, _ in rows]
    Organisation.objects.bulk_create(orgs, batch_size=2000)
    profiles = [EnterpriseProfile(organisation=org, founded_on=date(2015, 1, 1), main_product=products)
                for org, (_, products) in zip(orgs, rows, strict=True)]
    EnterpriseProfile.objects.bulk_create(profiles, batch_size=2000)
    reindex("enterprise")
    expected = {name: profile.pk for profile, (name, _) in zip(profiles, rows, strict=True)}

    print(f"BENCH search_100k_ms_{db} {median_ms(lambda: search_ids('enterprise', QUERY, limit=20)):.1f} ms")
    suffix = "" if db == "sqlite" else f"_{db}"  # the same ranking on both: the figures must agree
    queries = [(q, expected[name]) for name, _, qs in gold for q in qs]
    hits = sum(pk in search_ids("enterprise", q, limit=10) for q, pk in queries)
    print(f"BENCH search_recall_at10{suffix} {hits / len(queries):.3f} ratio")
    base = 0
    with connection.cursor() as cursor:
        for q, pk in queries:
            cursor.execute(
                "SELECT p.id FROM enterprises_enterpriseprofile p JOIN core_organisation o ON o.id = p.organisation_id"
                " WHERE o.name || ' ' || p.main_product LIKE %s ORDER BY p.id LIMIT 10", [f"%{q}%"])
            base += pk in {r[0] for r in cursor.fetchall()}
    print(f"BENCH search_recall_at10_substring_baseline{suffix} {base / len(queries):.3f} ratio")


def child(db: str) -> None:
    cleanup = setup_django(db, "core")
    try:
        bench_search(db)
    finally:
        cleanup()


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(sys.argv[2])
        return
    bench_workflow()
    bench_tick()
    run_children(__file__)


if __name__ == "__main__":
    main()
