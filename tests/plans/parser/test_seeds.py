"""The five real seed documents (../shared/seeds): structure, targets and responsibilities."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kechuang.plans.parser import format_text, parse_document

from .conftest import seed_path

SRC = Path(__file__).parents[3] / "src"


def test_collection_of_plans_is_split(parse_seed):
    doc = parse_seed("002")
    assert [p.year for p in doc.plans] == [2011, 2009, 2010, 2013, 2021]
    assert doc.plans[1].title == "2009年多拉特乡科技工作要点"


def test_notice_front_matter_and_inline_responsibility(parse_seed):
    plan = parse_seed("003").plans[0]
    assert plan.title == "省科技厅2012年工作要点及责任分解"
    assert plan.issuer == "浙江省科学技术厅"
    assert len(plan.outline) == 8
    first = plan.outline[0].children[0]
    assert first.heading == "加快培育创新型试点示范企业"
    assert first.responsibility.support == ["各有关处室", "各市、县科技局"]
    assert "责任人" not in first.body
    metrics = [t.metric for t in plan.targets]
    assert "专利授权量" in metrics and "发明专利授权量" in metrics
    all_values = [t.value for t in plan.all_targets()]
    assert 146 not in all_values and 882 not in all_values  # scope and existing stock, not targets


def test_unnumbered_items_and_web_furniture(parse_seed):
    plan = parse_seed("001").plans[0]
    assert plan.title == "2014年嘉定区科技和信息化工作要点"
    first_section = plan.outline[0]
    assert first_section.children[0].heading == "打造张江嘉定园创新高地"
    assert first_section.children[0].number == ""
    text = json.dumps(parse_seed("001").to_dict(), ensure_ascii=False)
    assert "扫一扫" not in text and "索 引 号" not in text


def test_review_section_gives_no_targets(parse_seed):
    plan = parse_seed("004").plans[0]
    assert plan.period == (2021, 2025)
    review = plan.outline[0]
    assert "回顾" in review.heading
    assert not [t for n in review.walk() for t in n.targets]
    assert {t.year for t in plan.all_targets()} == {2025}


def test_text_rendering(parse_seed):
    out = format_text(parse_seed("000"))
    assert out.startswith("== Plan 1: 上海市2012年科技工作要点")
    assert "◎ 新建 国家重点实验室 range 1–2 个" in out


def test_command_line_json_and_errors(tmp_path):
    path = seed_path("000")
    run = subprocess.run(
        [sys.executable, "-m", "kechuang.plans.parser", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC)},
        check=False,
    )
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    target = data["plans"][0]["outline"][1]["children"][0]
    assert set(target) >= {"number", "heading", "body", "level", "children", "targets"}
    t = data["plans"][0]["outline"][2]["children"][1]["targets"][0]
    assert set(t) >= {
        "metric",
        "action",
        "kind",
        "comparator",
        "value",
        "value_max",
        "unit",
        "year",
        "quote",
        "firmness",
        "recurrence",
    }
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    run = subprocess.run(
        [sys.executable, "-m", "kechuang.plans.parser", str(empty)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC)},
        check=False,
    )
    assert run.returncode == 2
    assert "empty" in run.stderr


def test_hard_wrapped_text_reads_like_the_original(parse_seed):
    original = parse_seed("003")
    wrapped_lines = []
    for line in seed_path("003").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        wrapped_lines += [line[i : i + 33] for i in range(0, len(line), 33)] or [""]
    wrapped = parse_document("\n".join(wrapped_lines).encode("utf-8"), "wrapped.txt")

    def summary(doc):
        return [
            (t.metric, t.value, t.unit, t.quote.replace(" ", "")) for p in doc.plans for t in p.all_targets()
        ]

    assert summary(wrapped) == summary(original)
    assert len(wrapped.plans[0].outline) == 8
