"""R&D super deduction (研发费用加计扣除) for one tax year, with its working shown step by step.

Rules (figures from the rule set in force on 1 January of the tax year):

- 财政部 税务总局公告2023年第7号: from 2023, expensed R&D gets an additional deduction of 100 % of the
  amount; R&D that forms intangible assets is amortised on 200 % of its cost.
- 公告2023年第44号: integrated-circuit and industrial mother-machine enterprises get 120 % (and 220 %)
  for tax years 2023–2027.
- 财税〔2015〕119号 一(二)6 with 国家税务总局公告2015年第97号: other related expenses count only up to
  (sum of the first five categories) × 10 % ÷ (1 − 10 %).
- 财税〔2015〕119号 四: no super deduction for tobacco manufacturing, accommodation and catering, wholesale
  and retail, real estate, leasing and business services, and entertainment (GB/T 4754).

Assumptions: the categories are the year's expensed R&D; the other-expense cap is applied to the
expensed part (capitalised cost is taken as already eligible); intangible assets formed in the year are
amortised for the whole year in equal parts over ``amortisation_years``; the industry is the one whose
income is the main business (the 50 % test of 财税〔2015〕119号 四 is the caller's); a code giving only
section C or R cannot show tobacco (C16) or entertainment (R90) and is treated as eligible.
Amounts are rounded half up to the fen at each step.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from kechuang.core.rulesets import RuleSet
from kechuang.i18n import gettext_noop

from .arith import round_fen
from .industry import parse_industry_code
from .model import RdExpenses
from .params import DeductionRules
from .registry import DEDUCTION_RULES


class SpecialEnterprise(StrEnum):
    """Enterprises on the lists of 公告2023年第44号."""

    INTEGRATED_CIRCUIT = "integrated_circuit"
    INDUSTRIAL_MOTHER_MACHINE = "industrial_mother_machine"


@dataclass(frozen=True, slots=True)
class WorkingStep:
    label: str
    formula: str
    amount: Decimal


@dataclass(frozen=True, slots=True)
class SuperDeduction:
    """The working and its totals, in yuan; ``total`` is the additional deduction for the year."""

    tax_year: int
    rate: Decimal
    excluded: bool
    source: str
    steps: tuple[WorkingStep, ...]
    eligible_expensed: Decimal
    additional_expensed: Decimal
    amortisation_base: Decimal
    additional_amortisation: Decimal
    total: Decimal


def super_deduction(
    expenses: RdExpenses,
    *,
    tax_year: int,
    industry_code: str | None = None,
    special: SpecialEnterprise | None = None,
    rule_set: RuleSet[DeductionRules] | None = None,
) -> SuperDeduction:
    rules = (rule_set or DEDUCTION_RULES.in_force(date(tax_year, 1, 1))).params
    if industry_code is not None and _excluded(industry_code, rules):
        # A fixed label (the web layer translates labels) with the code and the rule in the formula.
        step = WorkingStep(gettext_noop("Industry excluded from the super deduction"),
                           f"{industry_code} ({rules.excluded_source})", Decimal(0))
        zero = Decimal(0)
        return SuperDeduction(
            tax_year, zero, True, rules.excluded_source, (step,), zero, zero, zero, zero, zero
        )
    rate, source = _rate(tax_year, special, rules)
    steps: list[WorkingStep] = []

    def step(label: str, formula: str, amount: Decimal) -> Decimal:
        amount = round_fen(amount)
        steps.append(WorkingStep(label, formula, amount))
        return amount

    e = expenses
    parts = (e.personnel, e.direct_inputs, e.depreciation, e.amortisation, e.design_and_trials)
    first_five = step(
        gettext_noop("First five categories"),
        " + ".join(_yuan(p) for p in parts),
        Decimal(sum(parts)),
    )
    cap_share = rules.other_expense_cap
    cap = step(
        gettext_noop("Cap on other related expenses"),
        f"{_yuan(first_five)} × {cap_share:.0%} ÷ (1 − {cap_share:.0%})",
        first_five * cap_share / (1 - cap_share),
    )
    other = step(
        gettext_noop("Other related expenses allowed"),
        f"min({_yuan(e.other_related)}, {_yuan(cap)})",
        min(Decimal(e.other_related), cap),
    )
    eligible = step(gettext_noop("Eligible expensed R&D"), f"{_yuan(first_five)} + {_yuan(other)}", first_five + other)
    additional = step(
        gettext_noop("Additional deduction on expensed R&D"), f"{_yuan(eligible)} × {rate:.0%}", eligible * rate
    )
    base = extra_amortisation = Decimal(0)
    if e.capitalised:
        base = step(
            gettext_noop("Amortisation base of R&D intangible assets"),
            f"{_yuan(e.capitalised)} × {1 + rate:.0%}",
            e.capitalised * (1 + rate),
        )
        step(
            gettext_noop("Tax amortisation for the year"),
            f"{_yuan(base)} ÷ {e.amortisation_years}",  # formulas hold no words: they are not translated
            base / e.amortisation_years,
        )
        extra_amortisation = step(
            gettext_noop("Additional deduction through amortisation"),
            f"{_yuan(e.capitalised)} × {rate:.0%} ÷ {e.amortisation_years}",
            e.capitalised * rate / e.amortisation_years,
        )
    total = step(
        gettext_noop("Total additional deduction"),
        f"{_yuan(additional)} + {_yuan(extra_amortisation)}",
        additional + extra_amortisation,
    )
    return SuperDeduction(
        tax_year, rate, False, source, tuple(steps), eligible, additional, base, extra_amortisation, total
    )


def _excluded(industry_code: str, rules: DeductionRules) -> bool:
    code = parse_industry_code(industry_code)
    return code.section in rules.excluded_sections or code.division in rules.excluded_divisions


def _rate(tax_year: int, special: SpecialEnterprise | None, rules: DeductionRules) -> tuple[Decimal, str]:
    first, last = rules.special_years
    if special is not None and first <= tax_year <= last:
        return rules.special_rate, rules.special_source
    return rules.rate, rules.source


def _yuan(amount: Decimal | int) -> str:
    return f"{Decimal(amount):,.2f}"
