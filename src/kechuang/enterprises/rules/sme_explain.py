"""Conditions, score items, messages and gaps of a tech-SME evaluation, built on demand."""

from __future__ import annotations

from decimal import Decimal

from kechuang.i18n import gettext_noop

from .arith import added_to_reach_share, ceil_fen, ceil_int
from .facts import Facts
from .model import Enterprise
from .params import SmeRules
from .results import Band, Condition, Gap, Message, ScoreItem, SmeDetails, Verdict
from .sme_score import ip_points, rd_points, rd_ratios, staff_points

SRC = "国科发政〔2017〕115号"

LIMIT_TEMPLATES = {
    "sme.employees": gettext_noop("{actual} employees against a limit of {limit}"),
    "sme.sales": gettext_noop("Sales revenue {actual:,.2f} yuan against a limit of {limit:,.2f} yuan"),
    "sme.assets": gettext_noop("Total assets {actual:,.2f} yuan against a limit of {limit:,.2f} yuan"),
}
EXCESS_TEMPLATES = {
    "sme.employees": gettext_noop("{excess} employees over the limit of {limit}: too large for a tech-based SME"),
    "sme.sales": gettext_noop("Sales revenue is {excess:,.2f} yuan over the limit of {limit:,.2f} yuan: "
                              "too large for a tech-based SME"),
    "sme.assets": gettext_noop("Total assets are {excess:,.2f} yuan over the limit of {limit:,.2f} yuan: "
                               "too large for a tech-based SME"),
}


def explain_sme(
    enterprise: Enterprise, facts: Facts, rules: SmeRules, verdicts: dict[str, Verdict], verdict: Verdict
) -> SmeDetails:
    latest = facts.latest
    gaps: list[Gap] = []
    conditions = [
        _limit("sme.employees", enterprise.employees, rules.max_employees, "persons", verdicts, gaps),
        _limit(
            "sme.sales", latest.sales_revenue if latest else None, rules.max_sales, "yuan", verdicts, gaps
        ),
        _limit(
            "sme.assets", latest.total_assets if latest else None, rules.max_assets, "yuan", verdicts, gaps
        ),
        _exclusions(enterprise, verdicts["sme.exclusions"], gaps),
    ]
    staff = staff_points(enterprise, rules)
    rd = rd_points(latest, rules)
    ip = ip_points(facts, rules)
    score = staff + rd + ip
    params = {"score": score, "required": rules.pass_score, "staff_points": staff}
    message = Message(gettext_noop("Score {score} points ({staff_points} for S&T staff); {required} are required"),
                      params)
    conditions.append(
        Condition("sme.score", verdicts["sme.score"], score, rules.pass_score, message, SRC + " 第六条(五)")
    )
    ratio = Decimal(enterprise.st_staff) / enterprise.employees if enterprise.employees > 0 else Decimal(0)
    by_sales, by_cost = rd_ratios(latest)
    if by_cost is None:
        rd_message = Message(
            gettext_noop("R&D is {sales_ratio:.2%} of sales: {points} points"), {"sales_ratio": by_sales, "points": rd}
        )
    else:
        rd_message = Message(
            gettext_noop("R&D is {sales_ratio:.2%} of sales and {cost_ratio:.2%} of costs: {points} points"),
            {"sales_ratio": by_sales, "cost_ratio": by_cost, "points": rd},
        )
    counts = facts.ip_sme
    items = (
        ScoreItem(
            "sme.st_staff",
            Band(staff, staff),
            20,
            Message(gettext_noop("S&T staff share {ratio:.2%}: {points} points"), {"ratio": ratio, "points": staff}),
        ),
        ScoreItem("sme.rd", Band(rd, rd), 50, rd_message),
        ScoreItem(
            "sme.ip",
            Band(ip, ip),
            30,
            Message(
                gettext_noop("{class_i} Class I and {class_ii} Class II IP item(s): {points} points"),
                {"class_i": counts.class_i, "class_ii": counts.class_ii, "points": ip},
            ),
        ),
    )
    if verdict is not Verdict.PASS and verdicts["sme.score"] is not Verdict.PASS:
        gaps.extend(_score_gaps(enterprise, facts, score, staff, rules))
    return SmeDetails(tuple(conditions), items, tuple(gaps))


def _limit(
    code: str,
    actual: Decimal | int | None,
    limit: Decimal | int,
    unit: str,
    verdicts: dict[str, Verdict],
    gaps: list[Gap],
) -> Condition:
    source = SRC + " 第六条(二)"
    verdict = verdicts[code]
    if actual is None:
        message = Message(gettext_noop("No figure for the latest year: the size limit cannot be judged"), {})
        return Condition(code, verdict, None, limit, message, source)
    params = {"actual": actual, "limit": limit}
    message = Message(LIMIT_TEMPLATES[code], params)
    if verdict is Verdict.FAIL:
        excess = actual - limit
        gaps.append(Gap(code, excess, unit, Message(EXCESS_TEMPLATES[code], {**params, "excess": excess})))
    return Condition(code, verdict, actual, limit, message, source)


def _exclusions(enterprise: Enterprise, verdict: Verdict, gaps: list[Gap]) -> Condition:
    source = SRC + " 第六条(三)(四)"
    if verdict is Verdict.PASS:
        message = Message(gettext_noop("Not on any excluded list as far as the data shows"), {})
        return Condition("sme.exclusions", verdict, None, None, message, source)
    message = Message(
        gettext_noop("Excluded: restricted products {restricted}, serious incident or dishonesty record {incident}"),
        {"restricted": enterprise.restricted_products, "incident": enterprise.serious_incident},
    )
    gaps.append(Gap("sme.exclusions", None, "", message))
    return Condition("sme.exclusions", verdict, None, None, message, source)


def _score_gaps(
    enterprise: Enterprise, facts: Facts, score: int, staff_points: int, rules: SmeRules
) -> list[Gap]:
    """Points short of the pass mark, and what lifts each item to its next step."""
    gaps: list[Gap] = []
    short = max(rules.pass_score - score, 0)
    if short:
        text = gettext_noop("Score is {score} points; {required} needs {short} more points")
        params = {"score": score, "required": rules.pass_score, "short": short}
        gaps.append(Gap("sme.score", short, "points", Message(text, params)))
    if enterprise.employees > 0:
        step = rules.st_staff_points.next_step(Decimal(enterprise.st_staff) / enterprise.employees)
        if step is not None:
            share, points = step
            hire = ceil_int(added_to_reach_share(enterprise.st_staff, enterprise.employees, share))
            text = gettext_noop(
                "{hire} more S&T staff reach {share:.0%} of employees: {points} points instead of {now}")
            params = {"hire": hire, "share": share, "points": points, "now": staff_points}
            gaps.append(Gap("sme.st_staff", hire, "persons", Message(text, params)))
    latest = facts.latest
    if latest is not None and latest.sales_revenue > 0:
        step = rules.rd_sales_points.next_step(Decimal(latest.rd_expense) / latest.sales_revenue)
        if step is not None:
            rate, points = step
            more = ceil_fen(rate * latest.sales_revenue - latest.rd_expense)
            text = gettext_noop("{more:,.2f} yuan more R&D reaches {rate:.0%} of sales: {points} points for R&D input")
            gaps.append(
                Gap("sme.rd", more, "yuan", Message(text, {"more": more, "rate": rate, "points": points}))
            )
    ip = facts.ip_sme
    if not ip.class_i:
        step = rules.ip_class_ii_points.next_step(ip.class_ii)
        text = gettext_noop("1 Class I IP item gives {top} points for IP")
        params: dict[str, object] = {"top": rules.ip_class_i_points}
        more = 1
        if step is not None:
            more = int(step[0]) - ip.class_ii
            text = gettext_noop("{more} more Class II IP item(s) give {points} points (1 Class I item gives {top})")
            params.update(more=more, points=step[1])
        gaps.append(Gap("sme.ip", more, "items", Message(text, params)))
    return gaps
