"""Budget rules for an application, in the categories of the 2021 funding reform.

国办发〔2021〕32号 (《国务院办公厅关于改革完善中央财政科研经费管理的若干意见》) cut the direct-cost
headings to three — equipment (设备费), operations (业务费) and labour (劳务费) — and set indirect costs
(间接费用) as a share of "direct costs less equipment purchase" (直接费用扣除设备购置费): no more than 30%
of the part up to 5 million yuan, 25% of the part from 5 to 10 million, and 20% of the part above 10 million;
for pure theoretical basic research such as mathematics, up to 60%.

Reading: the bands apply progressively, like tax bands. The text speaks of "the part" (的部分) in each
band, and the funds' own implementing rules (e.g. the National Key R&D Programme funds measures,
财教〔2021〕178号) spell it out as a cumulative, band-by-band calculation (分段超额累进). The bands meet
at 5 and 10 million, so the cap is continuous: 1.5 million at a base of exactly 5 million, and
1.5 + 1.25 = 2.75 million at exactly 10 million. A flat reading (one rate for the whole base) would make
the cap fall from 1.5 million to 1.25 million as the base crosses 5 million, which no rule intends.

Equipment is split into purchase (the part excluded from the indirect-cost base) and other equipment
costs (trial manufacture, upgrade, lease), which stay in the base. Amounts are yuan as ``Decimal``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from kechuang.i18n import gettext_noop

from .violations import Violation

FEN = Decimal("0.01")


@dataclass(frozen=True)
class IndirectBand:
    """Rate applying to the part of the base up to ``upper`` (``None``: no upper bound)."""

    upper: Decimal | None
    rate: Decimal


# 国办发〔2021〕32号, part 二(二): 30% / 25% / 20% by band.
STANDARD_INDIRECT_BANDS: tuple[IndirectBand, ...] = (
    IndirectBand(Decimal(5_000_000), Decimal("0.30")),
    IndirectBand(Decimal(10_000_000), Decimal("0.25")),
    IndirectBand(None, Decimal("0.20")),
)
# Same text: pure theoretical basic research (mathematics and the like) up to 60%.
PURE_THEORY_INDIRECT_BANDS: tuple[IndirectBand, ...] = (IndirectBand(None, Decimal("0.60")),)


@dataclass(frozen=True)
class Budget:
    """The requested (fiscal) budget by reformed heading, the co-funding and the declared totals."""

    equipment_purchase: Decimal
    equipment_other: Decimal
    operations: Decimal
    labour: Decimal
    indirect: Decimal
    self_raised: Decimal
    direct_total: Decimal  # as declared by the applicant
    requested_total: Decimal  # as declared: direct + indirect

    @property
    def computed_direct(self) -> Decimal:
        return self.equipment_purchase + self.equipment_other + self.operations + self.labour

    @property
    def indirect_base(self) -> Decimal:
        """Direct costs less equipment purchase: the base of the indirect-cost cap."""
        return self.computed_direct - self.equipment_purchase


@dataclass(frozen=True)
class BudgetRules:
    """What the call imposes on every budget."""

    per_project_cap: Decimal | None = None  # on the requested total
    co_funding_ratio: Decimal = Decimal(0)  # self-raised / requested, at least
    indirect_bands: tuple[IndirectBand, ...] = STANDARD_INDIRECT_BANDS


def indirect_cost_cap(base: Decimal, bands: tuple[IndirectBand, ...] = STANDARD_INDIRECT_BANDS) -> Decimal:
    """Largest indirect cost allowed on ``base``, summing each band's rate on the part inside it.

    Rounded down to the fen, so a budget at the cap never exceeds it by a rounding step.
    """
    cap = Decimal(0)
    lower = Decimal(0)
    for band in bands:
        if base <= lower:
            break
        top = base if band.upper is None else min(base, band.upper)
        cap += (top - lower) * band.rate
        if band.upper is None:
            break
        lower = band.upper
    return cap.quantize(FEN, rounding=ROUND_DOWN)


_HEADINGS = ("equipment_purchase", "equipment_other", "operations", "labour", "indirect", "self_raised")


def check_budget(budget: Budget, rules: BudgetRules) -> list[Violation]:
    """Every rule the budget breaks; an empty list means the budget is acceptable."""
    violations = [
        Violation(name, "negative_amount", gettext_noop("{field} must not be negative (got {amount} yuan)"),
                  {"field": name, "amount": getattr(budget, name)})
        for name in _HEADINGS
        if getattr(budget, name) < 0
    ]
    direct = budget.computed_direct
    if budget.direct_total != direct:
        violations.append(Violation(
            "direct_total", "direct_total_mismatch",
            gettext_noop("Direct costs total {declared} yuan but equipment, operations and labour add up to "
            "{computed} yuan"),
            {"declared": budget.direct_total, "computed": direct},
        ))
    requested = direct + budget.indirect
    if budget.requested_total != requested:
        violations.append(Violation(
            "requested_total", "requested_total_mismatch",
            gettext_noop("Requested total {declared} yuan differs from direct plus indirect costs, {computed} yuan"),
            {"declared": budget.requested_total, "computed": requested},
        ))
    cap = indirect_cost_cap(budget.indirect_base, rules.indirect_bands)
    if budget.indirect > cap:
        violations.append(Violation(
            "indirect", "indirect_over_cap",
            gettext_noop("Indirect costs of {indirect} yuan exceed the cap of {cap} yuan on a base of {base} yuan "
            "(direct costs less equipment purchase)"),
            {"indirect": budget.indirect, "cap": cap, "base": budget.indirect_base},
        ))
    if rules.per_project_cap is not None and requested > rules.per_project_cap:
        violations.append(Violation(
            "requested_total", "over_project_cap",
            gettext_noop("Requested total {requested} yuan exceeds the call's cap of {cap} yuan per project"),
            {"requested": requested, "cap": rules.per_project_cap},
        ))
    if rules.co_funding_ratio > 0:
        needed = (requested * rules.co_funding_ratio).quantize(FEN)
        if budget.self_raised < needed:
            violations.append(Violation(
                "self_raised", "co_funding_short",
                gettext_noop("Self-raised funds of {self_raised} yuan are below {ratio} of the requested "
                             "{requested} yuan (at least {needed} yuan)"),
                {"self_raised": budget.self_raised, "ratio": rules.co_funding_ratio,
                 "requested": requested, "needed": needed},
            ))
    return violations
