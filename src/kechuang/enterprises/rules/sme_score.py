"""The tech-SME 100-point score, 评价办法 (国科发政〔2017〕115号) 第七条."""

from __future__ import annotations

from decimal import Decimal

from .facts import Facts
from .model import AnnualFigures, Enterprise
from .params import SmeRules


def staff_points(enterprise: Enterprise, rules: SmeRules) -> int:
    """第七条1: 科技人员指标 (满分20分)."""
    if enterprise.employees <= 0:
        return 0
    return rules.st_staff_points.lookup(Decimal(enterprise.st_staff) / enterprise.employees)


def rd_ratios(latest: AnnualFigures | None) -> tuple[Decimal, Decimal | None]:
    """R&D to sales and (when costs are given) R&D to costs and expenses of the latest year."""
    if latest is None:
        return Decimal(0), None
    by_sales = Decimal(latest.rd_expense) / latest.sales_revenue if latest.sales_revenue > 0 else Decimal(0)
    costs = latest.costs_and_expenses
    return by_sales, (Decimal(latest.rd_expense) / costs if costs else None)


def rd_points(latest: AnnualFigures | None, rules: SmeRules) -> int:
    """第七条2: 研发投入指标 (满分50分), the higher of the sales-based and the cost-based table."""
    by_sales, by_cost = rd_ratios(latest)
    points = rules.rd_sales_points.lookup(by_sales)
    return points if by_cost is None else max(points, rules.rd_cost_points.lookup(by_cost))


def ip_points(facts: Facts, rules: SmeRules) -> int:
    """第七条3: 科技成果指标 (满分30分)."""
    ip = facts.ip_sme
    return rules.ip_class_i_points if ip.class_i else rules.ip_class_ii_points.lookup(ip.class_ii)
