from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

PLAN_TEXT = """海滨市科学技术局2026年工作要点
一、提升企业创新能力
1.培育高新技术企业。全年新认定高新技术企业50家以上，科技型中小企业入库300家。（责任人：李明；牵头单位：高新处；配合单位：各区县科技局）
2.加强研发投入。力争全社会研发投入占地区生产总值比重达到2.5%。（牵头单位：规划处）
二、建设创新平台
3.新建省级重点实验室3-5家。（牵头单位：基础处；配合单位：市发改委）
"""


@pytest.fixture
def plan_text() -> str:
    return PLAN_TEXT


@pytest.fixture
def seeds() -> Path:
    assert SEEDS.is_dir(), f"seed documents expected at {SEEDS}"
    return SEEDS
