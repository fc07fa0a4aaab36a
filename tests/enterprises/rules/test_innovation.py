from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from kechuang.enterprises.rules import (
    HTE_RULES,
    Acquisition,
    Band,
    Grade,
    IpItem,
    IpJudgement,
    IpKind,
    Level,
    Qualifications,
    RdOrganisation,
    Verdict,
    assess,
)

from .factories import GROWING, ON, enterprise, year


def items(e):
    return {item.code: item for item in assess(e, on=ON).hte.innovation}


def ip(kind=IpKind.UTILITY_MODEL, acquisition=Acquisition.SELF_DEVELOPED, n=1):
    return tuple(IpItem(kind, date(2020, 1, 1), acquisition) for _ in range(n))


# IP (≤30): number bands A–E of 工作指引 四(二)1.


@pytest.mark.parametrize(
    ("ip_items", "number"),
    [
        (ip(IpKind.INVENTION_PATENT), "7–8"),
        (ip(n=5), "5–6"),
        (ip(n=4), "3–4"),
        (ip(n=3), "3–4"),
        (ip(n=2), "1–2"),
        (ip(n=1), "1–2"),
        ((), "0"),
    ],
)
def test_ip_number_bands(ip_items, number):
    assert items(enterprise(ip_items=ip_items))["hte.ip"].message.params["number"] == number


def test_ip_total_with_judged_grades_and_own_development():
    # A 7–8 + A 7–8 + Class I 7–8 + self-developed 1–6 = 22–30
    assert items(enterprise())["hte.ip"].band == Band(22, 30)


def test_unjudged_subitems_are_assumed_d_to_a():
    e = enterprise(ip_judgement=IpJudgement(), ip_items=ip(n=1))
    # 1–8 + 1–8 + 1–2 + 1–6 = 4–24
    assert items(e)["hte.ip"].band == Band(4, 24)


def test_acquired_only_ip_gets_one_to_three_for_acquisition():
    e = enterprise(ip_items=ip(IpKind.INVENTION_PATENT, Acquisition.MERGER))
    assert items(e)["hte.ip"].message.params["acquisition"] == "1–3"


def test_standards_bonus_is_capped_at_thirty():
    e = enterprise(
        ip_judgement=IpJudgement(Grade.A, Grade.A), qualifications=Qualifications(drafted_standard=True)
    )
    assert items(e)["hte.ip"].band == Band(23, 30)


def test_no_ip_scores_zero_for_ip():
    e = enterprise(ip_items=())
    assert items(e)["hte.ip"].band == Band(0, 0)


# Conversion (≤30) by the three-year annual average.


@pytest.mark.parametrize(
    ("per_year", "band"),
    [
        ((5, 5, 5), Band(25, 30)),
        ((5, 5, 4), Band(19, 24)),  # 4.67
        ((4, 4, 4), Band(19, 24)),
        ((3, 3, 3), Band(13, 18)),
        ((2, 2, 2), Band(7, 12)),
        ((1, 1, 0), Band(0, 0)),  # 0.67
        ((3, 0, 0), Band(1, 6)),
        ((0, 0, 0), Band(0, 0)),
    ],
)
def test_conversion_bands(per_year, band):
    figures = tuple(replace(f, achievements_converted=n) for f, n in zip(GROWING, per_year, strict=True))
    assert items(enterprise(years=figures))["hte.conversion"].band == band


# R&D organisation (≤20) from the questionnaire.


def test_rd_organisation_levels():
    answers = RdOrganisation(Level.FULLY, Level.PARTLY, Level.NONE, Level.PARTLY)
    item = items(enterprise(rd_organisation=answers))["hte.rd_organisation"]
    # 4–6 + 1–3 + 0 + 1–2
    assert item.band == Band(6, 11)
    assert item.maximum == 20


# Growth (≤10 each).


@pytest.mark.parametrize(
    ("last", "band"),
    [
        # net assets 100, 100, last: g = ½ × (1 + last/100) − 1
        (170, Band(9, 10)),  # 35 %
        (169, Band(7, 8)),  # 34.5 %
        (150, Band(7, 8)),  # 25 %
        (130, Band(5, 6)),  # 15 %
        (110, Band(3, 4)),  # 5 %
        (109, Band(1, 2)),  # 4.5 %
        (101, Band(1, 2)),  # 0.5 %
        (100, Band(0, 0)),  # 0
        (80, Band(0, 0)),  # negative
    ],
)
def test_net_asset_growth_bands(last, band):
    figures = tuple(replace(f, net_assets=Decimal(n)) for f, n in zip(GROWING, (100, 100, last), strict=True))
    assert items(enterprise(years=figures))["hte.growth.net_assets"].band == band


def test_growth_from_a_zero_base_year_uses_the_last_two():
    figures = tuple(replace(f, net_assets=Decimal(n)) for f, n in zip(GROWING, (0, 100, 140), strict=True))
    item = items(enterprise(years=figures))["hte.growth.net_assets"]
    assert item.band == Band(9, 10)
    assert item.message.params["rate"] == Decimal("0.4")


def test_single_year_enterprise_gets_no_growth_points():
    e = enterprise(registered_on=date(2024, 1, 1), years=(year(2024),))
    item = items(e)["hte.growth.sales"]
    assert item.band == Band(0, 0)
    assert item.message.text == "Sales growth cannot be rated from 1 year(s): 0 points"


# Total score and band verdicts against 71.


def test_score_band_verdicts():
    assert Band(71, 80).verdict(71) is Verdict.PASS
    assert Band(60, 71).verdict(71) is Verdict.BORDERLINE
    assert Band(60, 70).verdict(71) is Verdict.FAIL


def test_innovation_passes_only_at_the_upper_end():
    e = enterprise(ip_judgement=IpJudgement())
    result = assess(e, on=ON).hte
    # IP 10–30, conversion 25–30, organisation 14–20, growth 9–10 + 5–6 = 63–96
    assert result.innovation_score == Band(63, 96)
    assert result.verdicts["hte.innovation"] is Verdict.BORDERLINE
    assert result.verdict is Verdict.BORDERLINE


def test_innovation_fails_when_even_the_top_of_the_band_is_short():
    e = enterprise(ip_items=(), rd_organisation=RdOrganisation())
    result = assess(e, on=ON).hte
    assert result.innovation_score.high < HTE_RULES.in_force(ON).params.innovation_min
    assert result.verdicts["hte.innovation"] is Verdict.FAIL
