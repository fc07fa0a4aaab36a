"""Tech-based SME (科技型中小企业) evaluation, 评价办法 (国科发政〔2017〕115号) 第六条–第八条.

Assumptions: the figures are those of the latest completed year in the window (the rules evaluate the
previous accounting year); the enterprise is a resident enterprise registered in mainland China
(第六条(一)); the exclusions of 第六条(三)(四) are read from ``restricted_products`` and
``serious_incident``. For R&D input the enterprise may choose either table (第七条2: 从(1)、(2)两项指标中
选择一个指标进行评分), so the engine takes the higher; the cost-based table needs ``costs_and_expenses``.

The checks here decide the verdicts; :mod:`sme_explain` builds messages and gaps on demand.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import partial

from kechuang.core.rulesets import RuleSet

from .arith import add_years
from .facts import Facts, facts_for
from .model import Enterprise
from .params import SmeRules
from .results import SmeResult, Verdict, overall
from .sme_explain import explain_sme
from .sme_score import ip_points, rd_points, staff_points

PASS, FAIL, UNKNOWN = Verdict.PASS, Verdict.FAIL, Verdict.UNKNOWN
BASIC = ("sme.employees", "sme.sales", "sme.assets", "sme.exclusions")


def assess_sme(enterprise: Enterprise, on: date, rule_set: RuleSet[SmeRules], facts: Facts | None = None) -> SmeResult:
    """Evaluate ``enterprise`` as a tech-based SME on ``on`` under ``rule_set``."""
    rules = rule_set.params
    facts = facts or facts_for(enterprise, on)
    latest = facts.latest
    staff = staff_points(enterprise, rules)
    score = staff + rd_points(latest, rules) + ip_points(facts, rules)
    verdicts = {
        "sme.employees": within(enterprise.employees, rules.max_employees),
        "sme.sales": within(latest.sales_revenue if latest else None, rules.max_sales),
        "sme.assets": within(latest.total_assets if latest else None, rules.max_assets),
        "sme.exclusions": FAIL if enterprise.restricted_products or enterprise.serious_incident else PASS,
        "sme.score": PASS if score >= rules.pass_score and staff > 0 else FAIL,
    }
    route = direct_route(enterprise, on, rules)
    basic = overall(verdicts[code] for code in BASIC)
    if basic is not PASS:
        verdict = basic
    elif route is not None or verdicts["sme.score"] is PASS:
        verdict = PASS
    else:
        verdict = FAIL
    explain = partial(explain_sme, enterprise, facts, rules, verdicts, verdict)
    return SmeResult(enterprise.id, rule_set.id, verdict, verdicts, score, route, explain)


def within(actual: Decimal | int | None, limit: Decimal | int) -> Verdict:
    """第六条(二): 职工总数不超过500人、年销售收入不超过2亿元、资产总额不超过2亿元."""
    if actual is None:
        return UNKNOWN
    return PASS if actual <= limit else FAIL


def direct_route(enterprise: Enterprise, on: date, rules: SmeRules) -> str | None:
    """第八条: routes that confirm a tech SME without the score (the basic conditions still apply)."""
    quals = enterprise.qualifications
    issued = quals.hte_certificate_on
    if issued is not None and issued <= on < add_years(issued, rules.hte_certificate_years):
        return "hte_certificate"
    if quals.national_award_top3_5y:
        return "national_award"
    if quals.provincial_rd_institution:
        return "provincial_rd_institution"
    if quals.led_standard_5y:
        return "led_standard"
    return None
