"""Tests for kechuang.core.regions_data and the packaged GB/T 2260 table."""

from __future__ import annotations

from collections import Counter

import pytest

from kechuang.core.regions_data import (
    InvalidRegionCode,
    RegionRow,
    level_of,
    load_regions,
    parent_code_of,
    regions_by_code,
    validate_region_code,
)


@pytest.fixture(scope="module")
def rows() -> list[RegionRow]:
    return load_regions()


def test_row_counts_are_plausible(rows: list[RegionRow]) -> None:
    counts = Counter(row.level for row in rows)
    assert counts["province"] == 34
    assert 320 <= counts["prefecture"] <= 345
    assert 2800 <= counts["county"] <= 2900
    assert 3100 <= len(rows) <= 3300


def test_codes_are_unique_and_sorted(rows: list[RegionRow]) -> None:
    codes = [row.code for row in rows]
    assert len(codes) == len(set(codes))
    assert codes == sorted(codes)


def test_every_row_is_well_formed_and_consistent(rows: list[RegionRow]) -> None:
    by_code = regions_by_code()
    for row in rows:
        validate_region_code(row.code)
        assert row.name.strip() == row.name and row.name
        assert row.level == level_of(row.code)
        assert row.parent_code == parent_code_of(row.code)
        if row.parent_code is None:
            assert row.level == "province"
        else:
            parent = by_code[row.parent_code]  # every parent exists
            assert (row.level, parent.level) in {
                ("prefecture", "province"),
                ("county", "prefecture"),
                ("county", "province"),
            }


def test_prefecture_groupings_are_not_rows(rows: list[RegionRow]) -> None:
    by_code = regions_by_code()
    for grouping in (
        "110100",
        "120100",
        "310100",
        "500100",
        "500200",
        "419000",
        "429000",
        "469000",
        "659000",
    ):
        assert grouping not in by_code


@pytest.mark.parametrize(
    ("code", "name", "level", "parent"),
    [
        ("330000", "浙江省", "province", None),
        ("330100", "杭州市", "prefecture", "330000"),
        ("330106", "西湖区", "county", "330100"),
        ("440300", "深圳市", "prefecture", "440000"),
        ("440305", "南山区", "county", "440300"),
        ("110108", "海淀区", "county", "110000"),
        ("500236", "奉节县", "county", "500000"),
        ("429004", "仙桃市", "county", "420000"),
        ("659001", "石河子市", "county", "650000"),
        ("441900", "东莞市", "prefecture", "440000"),
        ("710000", "台湾省", "province", None),
        ("810000", "香港特别行政区", "province", None),
        ("820000", "澳门特别行政区", "province", None),
        ("540481", "米林市", "county", "540400"),
        ("653229", "和安县", "county", "653200"),
    ],
)
def test_known_codes(code: str, name: str, level: str, parent: str | None) -> None:
    row = regions_by_code()[code]
    assert (row.name, row.level, row.parent_code) == (name, level, parent)


def test_replaced_and_non_gb_codes_are_absent() -> None:
    by_code = regions_by_code()
    assert "540422" not in by_code  # 米林县, now 米林市
    assert "500157" not in by_code  # 两江新区 is a functional zone, not a division
    assert "500105" in by_code and "500112" in by_code  # 江北区, 渝北区


def test_load_regions_returns_a_fresh_list() -> None:
    first = load_regions()
    first.clear()
    assert load_regions()


@pytest.mark.parametrize(
    ("code", "level", "parent"),
    [
        ("330000", "province", None),
        ("330100", "prefecture", "330000"),
        ("330106", "county", "330100"),
        ("110101", "county", "110000"),
        ("310115", "county", "310000"),
        ("120100", "prefecture", "120000"),
        ("469021", "county", "460000"),
        ("419001", "county", "410000"),
        ("130182", "county", "130100"),
    ],
)
def test_structural_level_and_parent(code: str, level: str, parent: str | None) -> None:
    assert level_of(code) == level
    assert parent_code_of(code) == parent


@pytest.mark.parametrize(
    "code",
    [
        "",
        "33010",
        "3301060",
        "33O106",
        "33 106",
        "３３０１０６",
        "-30106",
        "000000",
        "000106",
        "330006",
        "1.0e05",
    ],
)
def test_malformed_codes_are_rejected(code: str) -> None:
    with pytest.raises(InvalidRegionCode):
        validate_region_code(code)
    with pytest.raises(InvalidRegionCode):
        level_of(code)
    with pytest.raises(InvalidRegionCode):
        parent_code_of(code)


def test_non_string_is_rejected() -> None:
    with pytest.raises(InvalidRegionCode, match="string"):
        validate_region_code(330106)  # type: ignore[arg-type]


def test_error_message_is_clear() -> None:
    with pytest.raises(InvalidRegionCode, match=r"exactly 6 digits.*'3301'"):
        validate_region_code("3301")


def test_well_formed_but_unknown_code_is_a_lookup_miss() -> None:
    validate_region_code("339999")
    assert "339999" not in regions_by_code()
