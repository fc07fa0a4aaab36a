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
"""

from __future__ import annotations

from decimal import Decimal

from .growth import growth_rate
from .ip import IpCount
from .model import AnnualFigures, Enterprise, Level
from .results import Band, Message, ScoreItem
from .ruleset import HteRules

ZERO = Band(0, 0)
UNJUDGED = Band(1, 8)

IP_TEMPLATE = (
    "IP: {class_i} Class I and {class_ii} usable Class II item(s); advancement {advancement}, "
    "core support {core_support}, number {number}, acquisition {acquisition}, standards bonus {bonus} "
    "points (total capped at {cap})"
)
CONVERSION_TEMPLATE = "{average:.2f} achievements converted per year on average over {years} year(s)"
RD_ORG_TEMPLATE = (
    "R&D organisation: management system {management_system}, institution and cooperation "
    "{institution_and_cooperation}, conversion incentives {conversion_incentives}, talent system "
    "{talent_system} points"
)
GROWTH_TEMPLATES = {
    "hte.growth.net_assets": "Net-asset growth rate {rate:.2%} over {years} year(s)",
    "hte.growth.sales": "Sales growth rate {rate:.2%} over {years} year(s)",
}
NO_GROWTH_TEMPLATES = {
    "hte.growth.net_assets": "Net-asset growth cannot be rated from {years} year(s): 0 points",
    "hte.growth.sales": "Sales growth cannot be rated from {years} year(s): 0 points",
}


def innovation_items(
    enterprise: Enterprise, years: tuple[AnnualFigures, ...], ip: IpCount, rules: HteRules
) -> tuple[ScoreItem, ...]:
    return (
        _ip_item(enterprise, ip, rules),
        _conversion_item(years, rules),
        _rd_org_item(enterprise, rules),
        _growth_item("hte.growth.net_assets", [f.net_assets for f in years], rules),
        _growth_item("hte.growth.sales", [f.sales_revenue for f in years], rules),
    )


def _ip_item(enterprise: Enterprise, ip: IpCount, rules: HteRules) -> ScoreItem:
    judged = enterprise.ip_judgement
    if ip.total:
        advancement = rules.ip_grade_bands[judged.advancement] if judged.advancement else UNJUDGED
        core_support = rules.ip_grade_bands[judged.core_support] if judged.core_support else UNJUDGED
        number = rules.ip_class_i_band if ip.class_i else rules.ip_class_ii_bands.lookup(ip.class_ii)
        acquisition = rules.ip_self_developed_band if ip.self_developed else rules.ip_acquired_only_band
    else:
        advancement = core_support = number = acquisition = ZERO
    quals = enterprise.qualifications
    bonus = rules.ip_standard_bonus if quals.drafted_standard or quals.led_standard_5y else ZERO
    band = advancement.plus(core_support).plus(number).plus(acquisition).plus(bonus).capped(rules.ip_max)
    params = {
        "class_i": ip.class_i,
        "class_ii": ip.class_ii,
        "advancement": _show(advancement),
        "core_support": _show(core_support),
        "number": _show(number),
        "acquisition": _show(acquisition),
        "bonus": _show(bonus),
        "cap": rules.ip_max,
    }
    return ScoreItem("hte.ip", band, rules.ip_max, Message(IP_TEMPLATE, params))


def _conversion_item(years: tuple[AnnualFigures, ...], rules: HteRules) -> ScoreItem:
    count = len(years)
    average = Decimal(sum(f.achievements_converted for f in years)) / count if count else Decimal(0)
    band = rules.conversion_bands.lookup(average)
    params = {"average": average, "years": count}
    return ScoreItem("hte.conversion", band, rules.conversion_max, Message(CONVERSION_TEMPLATE, params))


def _rd_org_item(enterprise: Enterprise, rules: HteRules) -> ScoreItem:
    answers = enterprise.rd_organisation
    band = ZERO
    params: dict[str, object] = {}
    for name, maximum in rules.rd_org_items:
        item = _level_band(getattr(answers, name), maximum)
        band = band.plus(item)
        params[name] = _show(item)
    maximum = sum(m for _, m in rules.rd_org_items)
    return ScoreItem("hte.rd_organisation", band, maximum, Message(RD_ORG_TEMPLATE, params))


def _level_band(level: Level, maximum: int) -> Band:
    half = -(-maximum // 2)
    if level is Level.FULLY:
        return Band(half + 1, maximum)
    if level is Level.PARTLY:
        return Band(1, half)
    return ZERO


def _growth_item(code: str, values: list[Decimal | int], rules: HteRules) -> ScoreItem:
    rate = growth_rate(values)
    if rate is None:
        message = Message(NO_GROWTH_TEMPLATES[code], {"years": len(values)})
        return ScoreItem(code, ZERO, rules.growth_item_max, message)
    message = Message(GROWTH_TEMPLATES[code], {"rate": rate, "years": len(values)})
    return ScoreItem(code, rules.growth_bands.lookup(rate), rules.growth_item_max, message)


def _show(band: Band) -> str:
    return str(band.low) if band.low == band.high else f"{band.low}–{band.high}"
