"""Tech-based SME (科技型中小企业) evaluation, 评价办法 (国科发政〔2017〕115号) 第六条–第八条.

Assumptions: the figures are those of the latest completed year in the window (the rules evaluate the
previous accounting year); the enterprise is a resident enterprise registered in mainland China
(第六条(一)); the exclusions of 第六条(三)(四) are read from ``restricted_products`` and
``serious_incident``. For R&D input the enterprise may choose either table (第七条2: 从(1)、(2)两项指标中
选择一个指标进行评分), so the engine takes the higher; the cost-based table needs ``costs_and_expenses``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .arith import add_years, added_to_reach_share, ceil_fen, ceil_int
from .figures import window
from .ip import IpCount, count_ip
from .model import AnnualFigures, Enterprise
from .results import Band, Condition, Gap, Message, ScoreItem, SmeResult, Verdict, overall
from .ruleset import RuleSet, SmeRules

SRC = "国科发政〔2017〕115号"


def assess_sme(enterprise: Enterprise, on: date, rule_set: RuleSet) -> SmeResult:
    """Evaluate ``enterprise`` as a tech-based SME on ``on`` under ``rule_set``."""
    rules = rule_set.sme
    years = window(enterprise, on)
    latest = years[-1] if years else None
    gaps: list[Gap] = []
    conditions = [
        _limit("sme.employees", enterprise.employees, rules.max_employees, "persons", gaps),
        _limit("sme.sales", latest.sales_revenue if latest else None, rules.max_sales, "yuan", gaps),
        _limit("sme.assets", latest.total_assets if latest else None, rules.max_assets, "yuan", gaps),
        _exclusions(enterprise, gaps),
    ]
    ip = count_ip(enterprise.ip_items, on, for_hte=False)
    staff_item = _staff_item(enterprise, rules)
    items = (staff_item, _rd_item(latest, rules), _ip_item(ip, rules))
    score = sum(item.band.low for item in items)
    score_ok = score >= rules.pass_score and staff_item.band.low > 0
    params = {"score": score, "required": rules.pass_score, "staff_points": staff_item.band.low}
    conditions.append(
        Condition(
            "sme.score",
            Verdict.PASS if score_ok else Verdict.FAIL,
            score,
            rules.pass_score,
            Message("Score {score} points ({staff_points} for S&T staff); {required} are required", params),
            SRC + " 第六条(五)",
        )
    )
    route = _direct_route(enterprise, on, rules)
    basic = overall([c.verdict for c in conditions[:-1]])
    if basic is not Verdict.PASS:
        verdict = basic
    elif route is not None or score_ok:
        verdict = Verdict.PASS
    else:
        verdict = Verdict.FAIL
    if verdict is not Verdict.PASS and not score_ok:
        gaps.extend(_score_gaps(enterprise, latest, ip, score, staff_item.band.low, rules))
    return SmeResult(
        enterprise_id=enterprise.id,
        rule_set=rule_set.key,
        verdict=verdict,
        conditions=tuple(conditions),
        score_items=items,
        score=score,
        direct_route=route,
        gaps=tuple(gaps),
    )


def _limit(
    code: str, actual: Decimal | int | None, limit: Decimal | int, unit: str, gaps: list[Gap]
) -> Condition:
    """第六条(二): 职工总数不超过500人、年销售收入不超过2亿元、资产总额不超过2亿元."""
    source = SRC + " 第六条(二)"
    if actual is None:
        message = Message("No figure for the latest year: the size limit cannot be judged", {})
        return Condition(code, Verdict.UNKNOWN, None, limit, message, source)
    params = {"actual": actual, "limit": limit, "unit": unit}
    message = Message("{actual:,} {unit} against a limit of {limit:,} {unit}", params)
    if actual <= limit:
        return Condition(code, Verdict.PASS, actual, limit, message, source)
    excess = actual - limit
    text = "{excess:,} {unit} over the limit of {limit:,} {unit}: the size condition cannot be met"
    gaps.append(Gap(code, excess, unit, Message(text, {**params, "excess": excess})))
    return Condition(code, Verdict.FAIL, actual, limit, message, source)


def _exclusions(enterprise: Enterprise, gaps: list[Gap]) -> Condition:
    """第六条(三)(四): 不属于禁止、限制和淘汰类; 未发生重大事故、严重违法失信, 未列入异常名录."""
    source = SRC + " 第六条(三)(四)"
    if not (enterprise.restricted_products or enterprise.serious_incident):
        message = Message("Not on any excluded list as far as the data shows", {})
        return Condition("sme.exclusions", Verdict.PASS, None, None, message, source)
    message = Message(
        "Excluded: restricted products {restricted}, serious incident or dishonesty record {incident}",
        {"restricted": enterprise.restricted_products, "incident": enterprise.serious_incident},
    )
    gaps.append(Gap("sme.exclusions", None, "", message))
    return Condition("sme.exclusions", Verdict.FAIL, None, None, message, source)


def _staff_item(enterprise: Enterprise, rules: SmeRules) -> ScoreItem:
    """第七条1: 科技人员指标 (满分20分)."""
    ratio = Decimal(enterprise.st_staff) / enterprise.employees if enterprise.employees > 0 else Decimal(0)
    points = rules.st_staff_points.lookup(ratio)
    message = Message("S&T staff share {ratio:.2%}: {points} points", {"ratio": ratio, "points": points})
    return ScoreItem("sme.st_staff", Band(points, points), 20, message)


def _rd_item(latest: AnnualFigures | None, rules: SmeRules) -> ScoreItem:
    """第七条2: 研发投入指标 (满分50分), the higher of the sales-based and the cost-based table."""
    sales_ratio = cost_ratio = Decimal(0)
    if latest is not None and latest.sales_revenue > 0:
        sales_ratio = Decimal(latest.rd_expense) / latest.sales_revenue
    if latest is not None and latest.costs_and_expenses:
        cost_ratio = Decimal(latest.rd_expense) / latest.costs_and_expenses
    by_sales = rules.rd_sales_points.lookup(sales_ratio)
    by_cost = rules.rd_cost_points.lookup(cost_ratio)
    points = max(by_sales, by_cost)
    params = {"sales_ratio": sales_ratio, "cost_ratio": cost_ratio, "points": points}
    if latest is not None and latest.costs_and_expenses:
        text = "R&D is {sales_ratio:.2%} of sales and {cost_ratio:.2%} of costs: {points} points"
    else:
        text = "R&D is {sales_ratio:.2%} of sales: {points} points"
    return ScoreItem("sme.rd", Band(points, points), 50, Message(text, params))


def _ip_item(ip: IpCount, rules: SmeRules) -> ScoreItem:
    """第七条3: 科技成果指标 (满分30分)."""
    points = rules.ip_class_i_points if ip.class_i else rules.ip_class_ii_points.lookup(ip.class_ii)
    params = {"class_i": ip.class_i, "class_ii": ip.class_ii, "points": points}
    text = "{class_i} Class I and {class_ii} Class II IP item(s): {points} points"
    return ScoreItem("sme.ip", Band(points, points), 30, Message(text, params))


def _direct_route(enterprise: Enterprise, on: date, rules: SmeRules) -> str | None:
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


def _score_gaps(
    enterprise: Enterprise,
    latest: AnnualFigures | None,
    ip: IpCount,
    score: int,
    staff_points: int,
    rules: SmeRules,
) -> list[Gap]:
    """Points short of the pass mark, and what lifts each item to its next step."""
    gaps: list[Gap] = []
    short = max(rules.pass_score - score, 0)
    if short:
        text = "Score is {score} points; {required} needs {short} more points"
        params = {"score": score, "required": rules.pass_score, "short": short}
        gaps.append(Gap("sme.score", short, "points", Message(text, params)))
    if enterprise.employees > 0:
        step = rules.st_staff_points.next_step(Decimal(enterprise.st_staff) / enterprise.employees)
        if step is not None:
            share, points = step
            hire = ceil_int(added_to_reach_share(enterprise.st_staff, enterprise.employees, share))
            text = "{hire} more S&T staff reach {share:.0%} of employees: {points} points instead of {now}"
            params = {"hire": hire, "share": share, "points": points, "now": staff_points}
            gaps.append(Gap("sme.st_staff", hire, "persons", Message(text, params)))
    if latest is not None and latest.sales_revenue > 0:
        rd_sales = Decimal(latest.rd_expense) / latest.sales_revenue
        step = rules.rd_sales_points.next_step(rd_sales)
        if step is not None:
            rate, points = step
            more = ceil_fen(rate * latest.sales_revenue - latest.rd_expense)
            text = "{more:,} yuan more R&D reaches {rate:.0%} of sales: {points} points for R&D input"
            gaps.append(
                Gap("sme.rd", more, "yuan", Message(text, {"more": more, "rate": rate, "points": points}))
            )
    if not ip.class_i:
        step = rules.ip_class_ii_points.next_step(ip.class_ii)
        text = "1 Class I IP item gives {top} points for IP"
        params: dict[str, object] = {"top": rules.ip_class_i_points}
        more = 1
        if step is not None:
            more = int(step[0]) - ip.class_ii
            text = "{more} more Class II IP item(s) give {points} points (1 Class I item gives {top})"
            params.update(more=more, points=step[1])
        gaps.append(Gap("sme.ip", more, "items", Message(text, params)))
    return gaps
