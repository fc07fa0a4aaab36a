"""High-tech enterprise (高新技术企业) conditions, 认定办法 (国科发火〔2016〕32号) 第十一条.

The checks here decide the verdicts with plain arithmetic; :mod:`hte_explain` turns them into
conditions with messages and gaps only when a result's details are read. The application date is the
assessment date.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from kechuang.core.rulesets import RuleSet

from .arith import add_years
from .facts import Facts, facts_for
from .hte_explain import explain_hte
from .innovation import innovation_bands
from .model import Enterprise
from .params import HteRules
from .results import HteResult, Verdict, overall

PASS, FAIL, UNKNOWN = Verdict.PASS, Verdict.FAIL, Verdict.UNKNOWN


def assess_hte(enterprise: Enterprise, on: date, rule_set: RuleSet[HteRules], facts: Facts | None = None) -> HteResult:
    """Assess ``enterprise`` as an HTE applicant on ``on`` under ``rule_set``."""
    rules = rule_set.params
    facts = facts or facts_for(enterprise, on)
    bands = innovation_bands(enterprise, facts, rules)
    score = bands.total
    verdicts = {
        "hte.registration": check_registration(enterprise, on, rules),
        "hte.core_ip": PASS if facts.ip_hte.class_i or facts.ip_hte.class_ii else FAIL,
        "hte.field": PASS if enterprise.main_field is not None else FAIL,
        "hte.st_staff": check_st_staff(enterprise, rules),
        "hte.rd_ratio": check_rd_ratio(facts, rules),
        "hte.domestic_rd": check_domestic_rd(facts, rules),
        "hte.high_tech_income": check_high_tech_income(facts, rules),
        "hte.innovation": score.verdict(rules.innovation_min),
    }
    return HteResult(
        enterprise.id,
        rule_set.id,
        overall(verdicts.values()),
        verdicts,
        score,
        partial(explain_hte, enterprise, on, facts, rules, verdicts, bands),
    )


def check_registration(enterprise: Enterprise, on: date, rules: HteRules) -> Verdict:
    """第十一条(一): 申请认定时须注册成立一年以上."""
    return PASS if on >= add_years(enterprise.registered_on, rules.min_registration_years) else FAIL


def check_st_staff(enterprise: Enterprise, rules: HteRules) -> Verdict:
    """第十一条(四): 科技人员占企业当年职工总数的比例不低于10%."""
    if enterprise.employees <= 0:
        return UNKNOWN
    return PASS if enterprise.st_staff >= rules.st_staff_min * enterprise.employees else FAIL


def check_rd_ratio(facts: Facts, rules: HteRules) -> Verdict:
    """第十一条(五): 近三个会计年度研发费用总额占同期销售收入总额的比例 5% / 4% / 3%."""
    if facts.latest is None or facts.sales_total <= 0:
        return UNKNOWN
    rate = rules.rd_rate_for(facts.latest.sales_revenue)
    return PASS if facts.rd_total >= rate * facts.sales_total else FAIL


def check_domestic_rd(facts: Facts, rules: HteRules) -> Verdict:
    """第十一条(五): 在中国境内发生的研发费用占全部研发费用的比例不低于60%."""
    if facts.rd_total <= 0:
        return UNKNOWN
    return PASS if facts.domestic_rd_total >= rules.domestic_rd_min * facts.rd_total else FAIL


def check_high_tech_income(facts: Facts, rules: HteRules) -> Verdict:
    """第十一条(六): 近一年高新技术产品(服务)收入占企业同期总收入的比例不低于60%."""
    latest = facts.latest
    if latest is None or latest.total_income <= 0:
        return UNKNOWN
    return PASS if latest.high_tech_income >= rules.high_tech_income_min * latest.total_income else FAIL
