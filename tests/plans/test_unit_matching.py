"""General rules for unit names as plans write them, and the seed plan against the demo's organisations."""

from __future__ import annotations

import pytest

from kechuang.plans.matching import KnownUnit, match_units

DEPTS = ["办公室", "规划与政策法规处", "高新技术处", "农村科技处", "社会发展科技处", "成果转化与区域创新处",
         "科技计划与资源配置处", "人才与国际合作处", "科研诚信与监督处"]
UNITS = [KnownUnit(1, "宁波市科学技术局", "市科技局", region="宁波市")]
UNITS += [KnownUnit(10 + i, f"宁波市科学技术局{d}", d, region="宁波市") for i, d in enumerate(DEPTS)]
UNITS += [KnownUnit(50, "海曙区科学技术局", "海曙区科技局", region="海曙区"),
          KnownUnit(51, "江北区科学技术局", "江北区科技局", region="江北区"),
          KnownUnit(60, "宁波国家高新区管委会", "高新区管委会", region="宁波市"),
          KnownUnit(70, "浙江省知识产权局", "", region="浙江省")]
REGIONS = ["浙江省", "宁波市", "海曙区", "江北区"]
BY_NAME = {u.id: u.short_name or u.name for u in UNITS}


def one(name: str, units: list[KnownUnit] = UNITS) -> str | None:
    found = match_units([name], units, REGIONS)[name]
    return BY_NAME.get(found) if found else None


@pytest.mark.parametrize(("written", "unit"), [
    ("高新处", "高新技术处"), ("农村处", "农村科技处"), ("社发处", "社会发展科技处"),
    ("成果处", "成果转化与区域创新处"), ("法规处", "规划与政策法规处"), ("计划处", "科技计划与资源配置处"),
    ("诚信处", "科研诚信与监督处"), ("合作处", "人才与国际合作处"),
    ("宁波市科技局", "市科技局"), ("市科技局", "市科技局"), ("宁波市科学技术局", "市科技局"),
    ("海曙区科技局", "海曙区科技局"), ("海曙区科学技术局", "海曙区科技局"),
    ("高新科", "高新技术处"), ("农村股", "农村科技处"), ("局办", "办公室"), ("办公室", "办公室"),
    ("省知识产权局", "浙江省知识产权局"), ("高新区管委会", "高新区管委会"), (" 高 新 处 ", "高新技术处"),
])
def test_written_forms_match_their_unit(written: str, unit: str) -> None:
    assert one(written) == unit


@pytest.mark.parametrize("written", [
    "科技局",            # the city's and two districts' bureaus: ambiguous, left for the planner
    "市发改委", "财政局", "规划处室",  # unknown units
    "各有关处室", "有关市、县科技局", "各市、县科技局",  # collective names
    "鄞州区科技局",       # a region with no bureau on the platform must not fall back to another
    "处", "",
])
def test_unknown_collective_and_ambiguous_names_stay_unmatched(written: str) -> None:
    assert one(written) is None


def test_an_abbreviation_does_not_cross_unit_suffixes() -> None:
    # 高新处 is a 处; the 高新区管委会 is a 会 and must not be taken for it, even when no 高新技术处 exists.
    without = [u for u in UNITS if u.short_name != "高新技术处"]
    assert one("高新处", without) is None
    assert one("高新区管委会", without) == "高新区管委会"


def test_a_tie_between_two_abbreviations_is_ambiguous() -> None:
    units = [KnownUnit(1, "科技合作处"), KnownUnit(2, "科技结合处")]
    assert match_units(["科合处"], units) == {"科合处": None}
    assert match_units(["科技合作处"], units) == {"科技合作处": 1}


def test_an_alias_wins_over_a_looser_rule() -> None:
    units = [KnownUnit(1, "高新技术处"), KnownUnit(2, "火炬中心", aliases=("高新处",))]
    assert match_units(["高新处"], units) == {"高新处": 2}


def test_a_named_region_must_be_the_units_own() -> None:
    units = [KnownUnit(1, "海曙区科学技术局", region="海曙区"), KnownUnit(2, "宁波市科学技术局", region="宁波市")]
    assert match_units(["江北区科技局", "海曙区科技局"], units, ["海曙区", "江北区", "宁波市"]) == {
        "江北区科技局": None, "海曙区科技局": 1}
