"""HTE innovation score (企业创新能力评价) of 工作指引 (国科发火〔2016〕195号) 四(二).

Experts score each item inside a band; where the data fixes the band but not the point, the item is a
:class:`Band` and the total is the sum of the bands. Assumptions, stated as bands:

- IP technical advancement and core support (≤8 each) are expert judgements: the self-assessed grade
  of :class:`IpJudgement` when given, otherwise D–A (1–8) for an enterprise with usable IP, 0 without.
- IP number (≤8) follows the guideline's A–E rows from the counts: A ≥1 Class I 7–8; B ≥5 Class II
  5–6; C 3–4 Class II 3–4; D 1–2 Class II 1–2; E none 0.
- IP acquisition (≤6): A some self-developed item 1–6; B only transferred/gifted/merged 1–3.
- Standards bonus 1–2 when the enterprise drafted or led a national/industry standard; IP total ≤30.
- R&D organisation (≤20): each questionnaire item gives 0 when absent, 1 to ⌈max/2⌉ when partly in place
  and ⌈max/2⌉+1 to max when fully in place (so 1–3 / 4–6 for the 6-point items, 1–2 / 3–4 for the
  4-point items).
- Conversion (≤30) by the annual average over the window's years (three, or fewer when younger).
- Growth (≤10 each for net assets and sales) by :func:`growth.growth_rate`.

:func:`innovation_bands` is the fast path the verdict needs; :func:`innovation_items` adds the
messages and is only called when a result's details are read.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import NamedTuple

from kechuang.i18n import gettext_noop

from .facts import Facts
from .growth import growth_rate
from .ip import IpCount
from .model import Enterprise, Level, RdOrganisation
from .params import HteRules
from .results import Band, Message, ScoreItem

ZERO = Band(0, 0)
UNJUDGED = Band(1, 8)

IP_TEMPLATE = (
    gettext_noop("IP: {class_i} Class I and {class_ii} usable Class II item(s); advancement {advancement}, "
    "core support {core_support}, number {number}, acquisition {acquisition}, standards bonus {bonus} "
    "points (total capped at {cap})")
)
CONVERSION_TEMPLATE = gettext_noop("{average:.2f} achievements converted per year on average over {years} year(s)")
RD_ORG_TEMPLATE = (
    gettext_noop("R&D organisation: management system {management_system}, institution and cooperation "
    "{institution_and_cooperation}, conversion incentives {conversion_incentives}, talent system "
    "{talent_system} points")
)
GROWTH_TEMPLATES = {
    "hte.growth.net_assets": gettext_noop("Net-asset growth rate {rate:.2%} over {years} year(s)"),
    "hte.growth.sales": gettext_noop("Sales growth rate {rate:.2%} over {years} year(s)"),
}
NO_GROWTH_TEMPLATES = {
    "hte.growth.net_assets": gettext_noop("Net-asset growth cannot be rated from {years} year(s): 0 points"),
    "hte.growth.sales": gettext_noop("Sales growth cannot be rated from {years} year(s): 0 points"),
}


class InnovationBands(NamedTuple):
    ip: Band
    conversion: Band
    rd_organisation: Band
    net_asset_growth: Band
    sales_growth: Band
    net_asset_rate: Decimal | None
    sales_rate: Decimal | None

    @property
    def total(self) -> Band:
        return Band(
            self.ip.low
            + self.conversion.low
            + self.rd_organisation.low
            + self.net_asset_growth.low
            + self.sales_growth.low,
            self.ip.high
            + self.conversion.high
            + self.rd_organisation.high
            + self.net_asset_growth.high
            + self.sales_growth.high,
        )


def innovation_bands(enterprise: Enterprise, facts: Facts, rules: HteRules) -> InnovationBands:
    net_rate = growth_rate([f.net_assets for f in facts.years])
    sales_rate = growth_rate([f.sales_revenue for f in facts.years])
    growth = rules.growth_bands
    return InnovationBands(
        _sum(ip_bands(enterprise, facts.ip_hte, rules)).capped(rules.ip_max),
        rules.conversion_bands.lookup(conversion_average(facts)),
        _sum(rd_org_bands(enterprise.rd_organisation, rules)),
        ZERO if net_rate is None else growth.lookup(net_rate),
        ZERO if sales_rate is None else growth.lookup(sales_rate),
        net_rate,
        sales_rate,
    )


def ip_bands(enterprise: Enterprise, ip: IpCount, rules: HteRules) -> tuple[Band, Band, Band, Band, Band]:
    """Advancement, core support, number, acquisition and the standards bonus."""
    quals = enterprise.qualifications
    bonus = rules.ip_standard_bonus if quals.drafted_standard or quals.led_standard_5y else ZERO
    if not ip.class_i and not ip.class_ii:
        return ZERO, ZERO, ZERO, ZERO, bonus
    judged = enterprise.ip_judgement
    return (
        rules.ip_grade_bands[judged.advancement] if judged.advancement else UNJUDGED,
        rules.ip_grade_bands[judged.core_support] if judged.core_support else UNJUDGED,
        rules.ip_class_i_band if ip.class_i else rules.ip_class_ii_bands.lookup(ip.class_ii),
        rules.ip_self_developed_band if ip.self_developed else rules.ip_acquired_only_band,
        bonus,
    )


def rd_org_bands(answers: RdOrganisation, rules: HteRules) -> tuple[Band, ...]:
    return tuple(_level_band(getattr(answers, name), maximum) for name, maximum in rules.rd_org_items)


def conversion_average(facts: Facts) -> Decimal:
    count = len(facts.years)
    return Decimal(facts.achievements_total) / count if count else Decimal(0)


def innovation_items(enterprise: Enterprise, facts: Facts, rules: HteRules) -> tuple[ScoreItem, ...]:
    """The five scored items with their messages."""
    bands = innovation_bands(enterprise, facts, rules)
    ip = facts.ip_hte
    advancement, core_support, number, acquisition, bonus = ip_bands(enterprise, ip, rules)
    ip_params = {
        "class_i": ip.class_i,
        "class_ii": ip.class_ii,
        "advancement": _show(advancement),
        "core_support": _show(core_support),
        "number": _show(number),
        "acquisition": _show(acquisition),
        "bonus": _show(bonus),
        "cap": rules.ip_max,
    }
    org_params = {
        name: _show(band)
        for (name, _), band in zip(
            rules.rd_org_items, rd_org_bands(enterprise.rd_organisation, rules), strict=True
        )
    }
    years = len(facts.years)
    conversion_params = {"average": conversion_average(facts), "years": years}
    return (
        ScoreItem("hte.ip", bands.ip, rules.ip_max, Message(IP_TEMPLATE, ip_params)),
        ScoreItem(
            "hte.conversion",
            bands.conversion,
            rules.conversion_max,
            Message(CONVERSION_TEMPLATE, conversion_params),
        ),
        ScoreItem(
            "hte.rd_organisation",
            bands.rd_organisation,
            sum(m for _, m in rules.rd_org_items),
            Message(RD_ORG_TEMPLATE, org_params),
        ),
        _growth_item("hte.growth.net_assets", bands.net_asset_growth, bands.net_asset_rate, years, rules),
        _growth_item("hte.growth.sales", bands.sales_growth, bands.sales_rate, years, rules),
    )


def _growth_item(code: str, band: Band, rate: Decimal | None, years: int, rules: HteRules) -> ScoreItem:
    if rate is None:
        message = Message(NO_GROWTH_TEMPLATES[code], {"years": years})
    else:
        message = Message(GROWTH_TEMPLATES[code], {"rate": rate, "years": years})
    return ScoreItem(code, band, rules.growth_item_max, message)


@cache
def _level_band(level: Level, maximum: int) -> Band:
    half = -(-maximum // 2)
    if level is Level.FULLY:
        return Band(half + 1, maximum)
    if level is Level.PARTLY:
        return Band(1, half)
    return ZERO


def _sum(bands: tuple[Band, ...]) -> Band:
    low = high = 0
    for band in bands:
        low += band.low
        high += band.high
    return Band(low, high)


def _show(band: Band) -> str:
    return str(band.low) if band.low == band.high else f"{band.low}–{band.high}"
