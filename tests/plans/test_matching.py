from kechuang.plans.matching import KnownUnit, is_collective, match_units

UNITS = [
    KnownUnit(1, "海滨市科学技术局", "市科技局"),
    KnownUnit(2, "海滨市科学技术局高新技术处", "高新处"),
    KnownUnit(3, "海滨市科学技术局规划与政策法规处", "规划与政策法规处"),
    KnownUnit(4, "海曙区科学技术局", "海曙区科技局"),
    KnownUnit(5, "鄞州区科学技术局", "鄞州区科技局"),
]


def test_exact_name_or_short_name() -> None:
    assert match_units(["市科技局", "海滨市科学技术局高新技术处", " 高新处 "], UNITS) == {
        "市科技局": 1, "海滨市科学技术局高新技术处": 2, " 高新处 ": 2}


def test_unique_suffix_matches_a_shortened_name() -> None:
    assert match_units(["法规处"], UNITS) == {"法规处": 3}


def test_ambiguous_unknown_and_collective_names_stay_text() -> None:
    result = match_units(["科学技术局", "市发改委", "各有关处室", "各市、县科技局"], UNITS,
                         ["海滨市", "海曙区", "鄞州区"])
    assert result == {"科学技术局": None, "市发改委": None, "各有关处室": None, "各市、县科技局": None}
    assert is_collective("各区县科技局") and not is_collective("高新处")
