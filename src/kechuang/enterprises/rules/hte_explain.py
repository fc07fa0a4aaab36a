"""Conditions, messages and gaps of an HTE assessment, built from its verdicts on demand.

Every condition shows the enterprise's own figure and the threshold; every failing condition with a
number gets a :class:`Gap` in the enterprise's units (days, items, persons, yuan, points).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kechuang.i18n import gettext_noop

from .arith import add_years, added_to_reach_share, ceil_fen, ceil_int
from .facts import Facts
from .innovation import InnovationBands, innovation_items
from .model import Enterprise
from .params import HteRules
from .results import Condition, Gap, HteDetails, Message, Verdict

Explained = tuple[Condition, Gap | None]

SRC = "国科发火〔2016〕32号 第十一条"
SRC_SCORE = "国科发火〔2016〕195号 四(二)"


def explain_hte(
    enterprise: Enterprise,
    on: date,
    facts: Facts,
    rules: HteRules,
    verdicts: dict[str, Verdict],
    bands: InnovationBands,
) -> HteDetails:
    explained = (
        _registration(enterprise, on, rules, verdicts["hte.registration"]),
        _core_ip(facts, verdicts["hte.core_ip"]),
        _field(enterprise, verdicts["hte.field"]),
        _st_staff(enterprise, rules, verdicts["hte.st_staff"]),
        _rd_ratio(facts, rules, verdicts["hte.rd_ratio"]),
        _domestic_rd(facts, rules, verdicts["hte.domestic_rd"]),
        _high_tech_income(facts, rules, verdicts["hte.high_tech_income"]),
        _innovation(bands, rules, verdicts["hte.innovation"]),
    )
    return HteDetails(
        conditions=tuple(c for c, _ in explained),
        innovation=innovation_items(enterprise, facts, rules),
        gaps=tuple(g for _, g in explained if g is not None),
    )


def _registration(enterprise: Enterprise, on: date, rules: HteRules, verdict: Verdict) -> Explained:
    registered = enterprise.registered_on
    eligible_from = add_years(registered, rules.min_registration_years)
    days = (on - registered).days
    params = {"registered_on": registered, "days": days, "eligible_from": eligible_from}
    message = Message(gettext_noop("Registered on {registered_on}, {days} days before the assessment date"), params)
    condition = Condition(
        "hte.registration", verdict, days, (eligible_from - registered).days, message, SRC + "(一)"
    )
    if verdict is Verdict.PASS:
        return condition, None
    wait = (eligible_from - on).days
    text = gettext_noop("Registered less than one year ago: eligible from {eligible_from}, in {wait} days")
    return condition, Gap("hte.registration", wait, "days", Message(text, {**params, "wait": wait}))


def _core_ip(facts: Facts, verdict: Verdict) -> Explained:
    ip = facts.ip_hte
    params = {"class_i": ip.class_i, "class_ii": ip.class_ii}
    message = Message(gettext_noop("Owns {class_i} Class I and {class_ii} usable Class II IP item(s)"), params)
    condition = Condition("hte.core_ip", verdict, ip.total, 1, message, SRC + "(二)")
    if verdict is Verdict.PASS:
        return condition, None
    text = gettext_noop("No usable IP: at least 1 IP item supporting the main products is needed")
    return condition, Gap("hte.core_ip", 1, "items", Message(text, {}))


def _field(enterprise: Enterprise, verdict: Verdict) -> Explained:
    source = SRC + "(三)"
    if verdict is Verdict.PASS:
        message = Message(gettext_noop("Main products are in the field {field}"), {"field": str(enterprise.main_field)})
        return Condition("hte.field", verdict, None, None, message, source), None
    message = Message(gettext_noop("Main products are not in any of the eight supported high-tech fields"), {})
    return Condition("hte.field", verdict, None, None, message, source), Gap("hte.field", None, "", message)


def _st_staff(enterprise: Enterprise, rules: HteRules, verdict: Verdict) -> Explained:
    source = SRC + "(四)"
    employees, staff, share = enterprise.employees, enterprise.st_staff, rules.st_staff_min
    if verdict is Verdict.UNKNOWN:
        message = Message(gettext_noop("No employee count: the S&T staff share cannot be judged"), {})
        return Condition("hte.st_staff", verdict, None, share, message, source), None
    ratio = Decimal(staff) / employees
    params = {"staff": staff, "employees": employees, "ratio": ratio, "required": share}
    message = Message(gettext_noop("S&T staff are {staff} of {employees} employees ({ratio:.2%})"), params)
    condition = Condition("hte.st_staff", verdict, ratio, share, message, source)
    if verdict is Verdict.PASS:
        return condition, None
    hire = ceil_int(added_to_reach_share(staff, employees, share))
    reassign = ceil_int(share * employees) - staff
    text = (
        gettext_noop("S&T staff are {ratio:.2%} of employees; {required:.0%} needs {hire} more S&T staff hired "
        "(or {reassign} existing employees moved into S&T work)")
    )
    params = {**params, "hire": hire, "reassign": reassign}
    return condition, Gap("hte.st_staff", hire, "persons", Message(text, params))


def _rd_ratio(facts: Facts, rules: HteRules, verdict: Verdict) -> Explained:
    source = SRC + "(五)"
    if verdict is Verdict.UNKNOWN or facts.latest is None:
        message = Message(gettext_noop("No sales revenue in the assessed years: the R&D ratio cannot be judged"), {})
        return Condition("hte.rd_ratio", Verdict.UNKNOWN, None, None, message, source), None
    latest = facts.latest.sales_revenue
    rate = rules.rd_rate_for(latest)
    ratio = Decimal(facts.rd_total) / facts.sales_total
    years = len(facts.years)
    params = {"ratio": ratio, "required": rate, "years": years, "latest_sales": latest}
    message = Message(
        gettext_noop("R&D expense is {ratio:.2%} of sales over {years} year(s); {required:.0%} is required for "
        "latest-year sales of {latest_sales:,.2f} yuan"),
        params,
    )
    condition = Condition("hte.rd_ratio", verdict, ratio, rate, message, source)
    if verdict is Verdict.PASS:
        return condition, None
    shortfall = ceil_fen(rate * facts.sales_total - facts.rd_total)
    text = (
        gettext_noop("R&D expense is {ratio:.2%} of sales; {required:.0%} needs {shortfall:,.2f} yuan more over "
        "{years} year(s)")
    )
    return condition, Gap(
        "hte.rd_ratio", shortfall, "yuan", Message(text, {**params, "shortfall": shortfall})
    )


def _domestic_rd(facts: Facts, rules: HteRules, verdict: Verdict) -> Explained:
    source = SRC + "(五)"
    share = rules.domestic_rd_min
    if verdict is Verdict.UNKNOWN:
        message = Message(gettext_noop("No R&D expense in the assessed years: the domestic share cannot be judged"), {})
        return Condition("hte.domestic_rd", verdict, None, share, message, source), None
    ratio = Decimal(facts.domestic_rd_total) / facts.rd_total
    params = {"ratio": ratio, "required": share, "years": len(facts.years)}
    message = Message(gettext_noop("R&D expense in China is {ratio:.2%} of all R&D expense"), params)
    condition = Condition("hte.domestic_rd", verdict, ratio, share, message, source)
    if verdict is Verdict.PASS:
        return condition, None
    shortfall = ceil_fen(added_to_reach_share(facts.domestic_rd_total, facts.rd_total, share))
    text = (
        gettext_noop("R&D in China is {ratio:.2%} of all R&D; {required:.0%} needs {shortfall:,.2f} yuan "
                     "more R&D spent in China over {years} year(s)")
    )
    return condition, Gap(
        "hte.domestic_rd", shortfall, "yuan", Message(text, {**params, "shortfall": shortfall})
    )


def _high_tech_income(facts: Facts, rules: HteRules, verdict: Verdict) -> Explained:
    source = SRC + "(六)"
    share = rules.high_tech_income_min
    latest = facts.latest
    if verdict is Verdict.UNKNOWN or latest is None:
        message = Message(gettext_noop("No total income in the latest year: the high-tech share cannot be judged"), {})
        return Condition("hte.high_tech_income", Verdict.UNKNOWN, None, share, message, source), None
    ratio = Decimal(latest.high_tech_income) / latest.total_income
    params = {"ratio": ratio, "required": share, "year": latest.year}
    message = Message(gettext_noop("High-tech product/service income is {ratio:.2%} of total income in {year}"), params)
    condition = Condition("hte.high_tech_income", verdict, ratio, share, message, source)
    if verdict is Verdict.PASS:
        return condition, None
    shortfall = ceil_fen(added_to_reach_share(latest.high_tech_income, latest.total_income, share))
    text = (
        gettext_noop("High-tech income is {ratio:.2%} of total income; {required:.0%} needs {shortfall:,.2f} yuan more "
        "high-tech income in {year}")
    )
    return condition, Gap(
        "hte.high_tech_income", shortfall, "yuan", Message(text, {**params, "shortfall": shortfall})
    )


def _innovation(bands: InnovationBands, rules: HteRules, verdict: Verdict) -> Explained:
    """工作指引 四(二): 综合得分达到71分以上(含71分); judged on the band of possible scores."""
    score = bands.total
    minimum = rules.innovation_min
    params = {"low": score.low, "high": score.high, "required": minimum}
    message = Message(gettext_noop("Innovation score {low}–{high} points; {required} are required"), params)
    condition = Condition("hte.innovation", verdict, score, minimum, message, SRC_SCORE)
    if verdict is Verdict.PASS:
        return condition, None
    if verdict is Verdict.BORDERLINE:
        text = gettext_noop("Innovation score {low}–{high}: passes only if the experts give at least {required} points")
        return condition, Gap("hte.innovation", minimum - score.low, "points", Message(text, params))
    short = minimum - score.high
    text = gettext_noop("Innovation score is at most {high} points; {required} needs {short} more points")
    return condition, Gap("hte.innovation", short, "points", Message(text, {**params, "short": short}))
