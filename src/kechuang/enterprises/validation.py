"""Checks on an enterprise's profile and annual figures, shared by the forms, the API and the importer.

Plain Python (no Django), so the .xlsx importer can check 10,000 rows without touching the database.
Each problem names its field and carries an English template (marked for translation) with its
parameters; the web layer shows ``gettext(problem.template) % problem.params``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from kechuang.enterprises.rules.industry import parse_industry_code
from kechuang.i18n import gettext_noop

MONEY_FIELDS = (
    "sales_revenue", "total_income", "rd_expense", "rd_expense_domestic", "rd_personnel", "rd_direct_inputs",
    "rd_depreciation", "rd_amortisation", "rd_design_trials", "rd_other", "rd_capitalised", "high_tech_income",
    "costs_and_expenses", "total_assets", "net_assets",
)
COUNT_FIELDS = ("employees", "st_staff", "achievements_converted")
# Net assets may be negative (an insolvent enterprise); every other amount is a non-negative figure.
SIGNED_FIELDS = frozenset({"net_assets"})
REQUIRED_FIGURES = ("year", "sales_revenue", "total_income", "rd_expense", "rd_expense_domestic",
                    "high_tech_income", "employees", "st_staff", "total_assets", "net_assets")
EARLIEST_YEAR = 1980


@dataclass(frozen=True)
class Problem:
    field: str
    template: str
    params: dict[str, Any] = field(default_factory=dict)


def validate_figures(values: Mapping[str, Any], *, today: date) -> list[Problem]:
    """Problems with one year's figures; ``values`` holds Decimal / int / None by field name."""
    problems: list[Problem] = []
    for name in REQUIRED_FIGURES:
        if values.get(name) is None:
            problems.append(Problem(name, gettext_noop("This figure is required.")))
    year = values.get("year")
    if year is not None and not EARLIEST_YEAR <= year <= today.year:
        template = (gettext_noop("The year %(year)s is in the future.") if year > today.year
                    else gettext_noop("The year %(year)s is not a plausible accounting year."))
        problems.append(Problem("year", template, {"year": year}))
    for name in (*MONEY_FIELDS, *COUNT_FIELDS):
        value = values.get(name)
        if value is not None and value < 0 and name not in SIGNED_FIELDS:
            problems.append(Problem(name, gettext_noop("Must not be negative (%(value)s)."), {"value": value}))
    problems += _relations(values)
    return problems


def _relations(values: Mapping[str, Any]) -> list[Problem]:
    """Figures that cannot be true together; each problem sits on the field that is out of line."""
    problems = []

    def over(part: str, whole: str, template: str) -> None:
        a, b = values.get(part), values.get(whole)
        if a is not None and b is not None and a > b:
            problems.append(Problem(part, template, {"part": a, "whole": b}))

    over("st_staff", "employees", gettext_noop("S&T staff (%(part)s) cannot exceed employees (%(whole)s)."))
    over("rd_expense_domestic", "rd_expense",
         gettext_noop("R&D expense in China (%(part)s) cannot exceed total R&D expense (%(whole)s)."))
    over("sales_revenue", "total_income",
         gettext_noop("Sales revenue (%(part)s) cannot exceed total income (%(whole)s)."))
    over("high_tech_income", "total_income",
         gettext_noop("High-tech income (%(part)s) cannot exceed total income (%(whole)s)."))
    categories = [values.get(n) for n in ("rd_personnel", "rd_direct_inputs", "rd_depreciation", "rd_amortisation",
                                          "rd_design_trials", "rd_other")]
    rd = values.get("rd_expense")
    listed = sum((c for c in categories if c is not None), Decimal(0))
    if rd is not None and listed > rd:
        problems.append(Problem("rd_personnel", gettext_noop(
            "The R&D categories add up to %(part)s, more than the R&D expense (%(whole)s)."),
            {"part": listed, "whole": rd}))
    return problems


def validate_profile(values: Mapping[str, Any], *, today: date) -> list[Problem]:
    """Problems with a profile: the founding date and the GB/T 4754 industry code."""
    problems = []
    founded = values.get("founded_on")
    if founded is None:
        problems.append(Problem("founded_on", gettext_noop("Enter the founding date.")))
    elif founded > today:
        problems.append(Problem("founded_on", gettext_noop("The founding date %(date)s is in the future."),
                                {"date": founded.isoformat()}))
    code = (values.get("industry_code") or "").strip()
    if code:
        try:
            parse_industry_code(code)
        except ValueError:
            problems.append(Problem("industry_code", gettext_noop(
                "%(code)s is not a GB/T 4754 industry code (e.g. C3914 or I65)."), {"code": code}))
    return problems
