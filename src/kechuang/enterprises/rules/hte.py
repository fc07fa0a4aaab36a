"""High-tech enterprise (高新技术企业) conditions, 认定办法 (国科发火〔2016〕32号) 第十一条.

Each check returns its :class:`Condition` and, when it does not pass, the :class:`Gap` in the
enterprise's own units. The application date is the assessment date.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .arith import add_years, added_to_reach_share, ceil_fen, ceil_int
from .figures import window
from .innovation import innovation_items
from .ip import IpCount, count_ip
from .model import AnnualFigures, Enterprise
from .results import Band, Condition, Gap, HteResult, Message, Verdict, overall
from .ruleset import HteRules, RuleSet

Checked = tuple[Condition, Gap | None]

SRC = "国科发火〔2016〕32号 第十一条"
SRC_SCORE = "国科发火〔2016〕195号 四(二)"


def assess_hte(enterprise: Enterprise, on: date, rule_set: RuleSet) -> HteResult:
    """Assess ``enterprise`` as an HTE applicant on ``on`` under ``rule_set``."""
    rules = rule_set.hte
    years = window(enterprise, on)
    ip = count_ip(enterprise.ip_items, on, for_hte=True)
    items = innovation_items(enterprise, years, ip, rules)
    score = Band(0, 0)
    for item in items:
        score = score.plus(item.band)
    checked = (
        _registration(enterprise, on, rules),
        _core_ip(ip),
        _field(enterprise),
        _st_staff(enterprise, rules),
        _rd_ratio(years, rules),
        _domestic_rd(years, rules),
        _high_tech_income(years, rules),
        _innovation(score, rules),
    )
    conditions = tuple(c for c, _ in checked)
    return HteResult(
        enterprise_id=enterprise.id,
        rule_set=rule_set.key,
        verdict=overall([c.verdict for c in conditions]),
        conditions=conditions,
        innovation=items,
        innovation_score=score,
        gaps=tuple(g for _, g in checked if g is not None),
    )


def _registration(enterprise: Enterprise, on: date, rules: HteRules) -> Checked:
    """第十一条(一): 申请认定时须注册成立一年以上."""
    eligible_from = add_years(enterprise.registered_on, rules.min_registration_years)
    days = (on - enterprise.registered_on).days
    needed = (eligible_from - enterprise.registered_on).days
    params = {"registered_on": enterprise.registered_on, "days": days, "eligible_from": eligible_from}
    message = Message("Registered on {registered_on}, {days} days before the assessment date", params)
    if on >= eligible_from:
        return Condition("hte.registration", Verdict.PASS, days, needed, message, SRC + "(一)"), None
    wait = (eligible_from - on).days
    gap = Gap(
        "hte.registration",
        wait,
        "days",
        Message(
            "Registered less than one year ago: eligible from {eligible_from}, in {wait} days",
            {"eligible_from": eligible_from, "wait": wait},
        ),
    )
    return Condition("hte.registration", Verdict.FAIL, days, needed, message, SRC + "(一)"), gap


def _core_ip(ip: IpCount) -> Checked:
    """第十一条(二): 获得对其主要产品(服务)在技术上发挥核心支持作用的知识产权的所有权."""
    params = {"class_i": ip.class_i, "class_ii": ip.class_ii}
    message = Message("Owns {class_i} Class I and {class_ii} usable Class II IP item(s)", params)
    if ip.total:
        return Condition("hte.core_ip", Verdict.PASS, ip.total, 1, message, SRC + "(二)"), None
    gap = Gap(
        "hte.core_ip",
        1,
        "items",
        Message("No usable IP: at least 1 IP item supporting the main products is needed", {}),
    )
    return Condition("hte.core_ip", Verdict.FAIL, 0, 1, message, SRC + "(二)"), gap


def _field(enterprise: Enterprise) -> Checked:
    """第十一条(三): 主要产品(服务)的技术属于《国家重点支持的高新技术领域》规定的范围."""
    source = SRC + "(三)"
    if enterprise.main_field is not None:
        message = Message("Main products are in the field {field}", {"field": enterprise.main_field.value})
        return Condition("hte.field", Verdict.PASS, None, None, message, source), None
    message = Message("Main products are not in any of the eight supported high-tech fields", {})
    gap = Gap("hte.field", None, "", message)
    return Condition("hte.field", Verdict.FAIL, None, None, message, source), gap


def _st_staff(enterprise: Enterprise, rules: HteRules) -> Checked:
    """第十一条(四): 科技人员占企业当年职工总数的比例不低于10%."""
    source = SRC + "(四)"
    employees, staff, share = enterprise.employees, enterprise.st_staff, rules.st_staff_min
    if employees <= 0:
        message = Message("No employee count: the S&T staff share cannot be judged", {})
        return Condition("hte.st_staff", Verdict.UNKNOWN, None, share, message, source), None
    ratio = Decimal(staff) / employees
    params = {"staff": staff, "employees": employees, "ratio": ratio, "required": share}
    message = Message("S&T staff are {staff} of {employees} employees ({ratio:.2%})", params)
    if staff >= share * employees:
        return Condition("hte.st_staff", Verdict.PASS, ratio, share, message, source), None
    hire = ceil_int(added_to_reach_share(staff, employees, share))
    reassign = ceil_int(share * employees) - staff
    gap = Gap(
        "hte.st_staff",
        hire,
        "persons",
        Message(
            "S&T staff are {ratio:.2%} of employees; {required:.0%} needs {hire} more S&T staff hired "
            "(or {reassign} existing employees moved into S&T work)",
            {"ratio": ratio, "required": share, "hire": hire, "reassign": reassign},
        ),
    )
    return Condition("hte.st_staff", Verdict.FAIL, ratio, share, message, source), gap


def required_rd_rate(latest_sales: Decimal | int, rules: HteRules) -> Decimal:
    """第十一条(五): the R&D rate for the latest year's sales (upper bounds inclusive)."""
    for upper, rate in rules.rd_rate_by_sales:
        if upper is None or latest_sales <= upper:
            return rate
    raise ValueError("the R&D rate table needs an open-ended last row")


def _rd_ratio(years: tuple[AnnualFigures, ...], rules: HteRules) -> Checked:
    """第十一条(五): 近三个会计年度研发费用总额占同期销售收入总额的比例 5% / 4% / 3%."""
    source = SRC + "(五)"
    sales = sum(f.sales_revenue for f in years)
    if not years or sales <= 0:
        message = Message("No sales revenue in the assessed years: the R&D ratio cannot be judged", {})
        return Condition("hte.rd_ratio", Verdict.UNKNOWN, None, None, message, source), None
    rd = sum(f.rd_expense for f in years)
    latest = years[-1].sales_revenue
    rate = required_rd_rate(latest, rules)
    ratio = Decimal(rd) / sales
    params = {"ratio": ratio, "required": rate, "years": len(years), "latest_sales": latest}
    message = Message(
        "R&D expense is {ratio:.2%} of sales over {years} year(s); {required:.0%} is required for "
        "latest-year sales of {latest_sales:,} yuan",
        params,
    )
    if rd >= rate * sales:
        return Condition("hte.rd_ratio", Verdict.PASS, ratio, rate, message, source), None
    shortfall = ceil_fen(rate * sales - rd)
    gap = Gap(
        "hte.rd_ratio",
        shortfall,
        "yuan",
        Message(
            "R&D expense is {ratio:.2%} of sales; {required:.0%} needs {shortfall:,} yuan more over "
            "{years} year(s)",
            {"ratio": ratio, "required": rate, "shortfall": shortfall, "years": len(years)},
        ),
    )
    return Condition("hte.rd_ratio", Verdict.FAIL, ratio, rate, message, source), gap


def _domestic_rd(years: tuple[AnnualFigures, ...], rules: HteRules) -> Checked:
    """第十一条(五): 在中国境内发生的研发费用占全部研发费用的比例不低于60%."""
    source = SRC + "(五)"
    share = rules.domestic_rd_min
    rd = sum(f.rd_expense for f in years)
    if rd <= 0:
        message = Message("No R&D expense in the assessed years: the domestic share cannot be judged", {})
        return Condition("hte.domestic_rd", Verdict.UNKNOWN, None, share, message, source), None
    domestic = sum(f.rd_expense_domestic for f in years)
    ratio = Decimal(domestic) / rd
    message = Message("R&D expense in China is {ratio:.2%} of all R&D expense", {"ratio": ratio})
    if domestic >= share * rd:
        return Condition("hte.domestic_rd", Verdict.PASS, ratio, share, message, source), None
    shortfall = ceil_fen(added_to_reach_share(domestic, rd, share))
    gap = Gap(
        "hte.domestic_rd",
        shortfall,
        "yuan",
        Message(
            "R&D in China is {ratio:.2%} of all R&D; {required:.0%} needs {shortfall:,} yuan more R&D "
            "spent in China over {years} year(s)",
            {"ratio": ratio, "required": share, "shortfall": shortfall, "years": len(years)},
        ),
    )
    return Condition("hte.domestic_rd", Verdict.FAIL, ratio, share, message, source), gap


def _high_tech_income(years: tuple[AnnualFigures, ...], rules: HteRules) -> Checked:
    """第十一条(六): 近一年高新技术产品(服务)收入占企业同期总收入的比例不低于60%."""
    source = SRC + "(六)"
    share = rules.high_tech_income_min
    if not years or years[-1].total_income <= 0:
        message = Message("No total income in the latest year: the high-tech share cannot be judged", {})
        return Condition("hte.high_tech_income", Verdict.UNKNOWN, None, share, message, source), None
    latest = years[-1]
    ratio = Decimal(latest.high_tech_income) / latest.total_income
    params = {"ratio": ratio, "year": latest.year}
    message = Message("High-tech product/service income is {ratio:.2%} of total income in {year}", params)
    if latest.high_tech_income >= share * latest.total_income:
        return Condition("hte.high_tech_income", Verdict.PASS, ratio, share, message, source), None
    shortfall = ceil_fen(added_to_reach_share(latest.high_tech_income, latest.total_income, share))
    gap = Gap(
        "hte.high_tech_income",
        shortfall,
        "yuan",
        Message(
            "High-tech income is {ratio:.2%} of total income; {required:.0%} needs {shortfall:,} yuan "
            "more high-tech income in a year",
            {"ratio": ratio, "required": share, "shortfall": shortfall},
        ),
    )
    return Condition("hte.high_tech_income", Verdict.FAIL, ratio, share, message, source), gap


def _innovation(score: Band, rules: HteRules) -> Checked:
    """工作指引 四(二): 综合得分达到71分以上(含71分); judged on the band of possible scores."""
    minimum = rules.innovation_min
    verdict = score.verdict(minimum)
    params = {"low": score.low, "high": score.high, "required": minimum}
    message = Message("Innovation score {low}–{high} points; {required} are required", params)
    condition = Condition("hte.innovation", verdict, score, minimum, message, SRC_SCORE)
    if verdict is Verdict.PASS:
        return condition, None
    if verdict is Verdict.BORDERLINE:
        text = "Innovation score {low}–{high}: passes only if the experts give at least {required} points"
        return condition, Gap("hte.innovation", minimum - score.low, "points", Message(text, params))
    short = minimum - score.high
    text = "Innovation score is at most {high} points; {required} needs {short} more points"
    return condition, Gap("hte.innovation", short, "points", Message(text, {**params, "short": short}))
