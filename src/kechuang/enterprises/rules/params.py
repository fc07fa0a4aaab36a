"""The parameters of the enterprise rules: thresholds and band tables, data only.

Each is the ``params`` of a dated :class:`kechuang.core.rulesets.RuleSet` (see :mod:`.registry`); the
assessing modules read them, so a later revision of the regulations is a new set registered beside the
old one with its own ``effective_from``, and assessments dated before it keep using the old set.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

from .results import Band

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Ladder(Generic[T]):
    """A band table: the first step whose bound the figure reaches gives the value.

    Steps run from the highest bound down; a step with ``strict`` needs the figure to exceed its bound
    (the guideline's "> 0" rows), otherwise to reach it (the regulations' "(含)" rows).
    """

    steps: tuple[tuple[Decimal, bool, T], ...]
    default: T

    def lookup(self, figure: Decimal | int) -> T:
        for bound, strict, value in self.steps:
            if figure > bound or (figure == bound and not strict):
                return value
        return self.default

    def next_step(self, figure: Decimal | int) -> tuple[Decimal, T] | None:
        """The lowest step above the one ``figure`` reaches (bound and value), or None at the top."""
        for bound, strict, value in reversed(self.steps):
            if figure < bound or (figure == bound and strict):
                return bound, value
        return None


@dataclass(frozen=True, slots=True)
class HteRules:
    """高新技术企业认定管理办法 (国科发火〔2016〕32号) 第十一条 and 工作指引 (国科发火〔2016〕195号)."""

    min_registration_years: int
    certificate_years: int
    st_staff_min: Decimal
    rd_rate_by_sales: tuple[tuple[Decimal | None, Decimal], ...]  # (latest sales up to, inclusive; rate)
    domestic_rd_min: Decimal
    high_tech_income_min: Decimal
    innovation_min: int
    ip_max: int
    ip_grade_bands: dict[str, Band]
    ip_class_i_band: Band  # at least one Class I item
    ip_class_ii_bands: Ladder[Band]  # by Class II count, when no Class I item
    ip_self_developed_band: Band
    ip_acquired_only_band: Band
    ip_standard_bonus: Band
    conversion_bands: Ladder[Band]  # by three-year annual average of converted achievements
    conversion_max: int
    rd_org_items: tuple[tuple[str, int], ...]  # questionnaire field, max points
    growth_bands: Ladder[Band]
    growth_item_max: int

    def rd_rate_for(self, latest_sales: Decimal | int) -> Decimal:
        """The R&D-to-sales rate required for the latest year's sales (upper bounds inclusive)."""
        for upper, rate in self.rd_rate_by_sales:
            if upper is None or latest_sales <= upper:
                return rate
        raise ValueError("the R&D rate table needs an open-ended last row")


@dataclass(frozen=True, slots=True)
class SmeRules:
    """科技型中小企业评价办法 (国科发政〔2017〕115号) 第六条–第八条."""

    max_employees: int
    max_sales: Decimal
    max_assets: Decimal
    pass_score: int
    st_staff_points: Ladder[int]
    rd_sales_points: Ladder[int]
    rd_cost_points: Ladder[int]
    ip_class_i_points: int
    ip_class_ii_points: Ladder[int]
    direct_route_award_years: int
    hte_certificate_years: int


@dataclass(frozen=True, slots=True)
class DeductionRules:
    """R&D super deduction: rates, the other-expense cap and the excluded industries."""

    source: str
    rate: Decimal
    special_rate: Decimal
    special_years: tuple[int, int]  # inclusive tax years of the 120 % window
    special_source: str
    other_expense_cap: Decimal
    excluded_divisions: frozenset[str]  # GB/T 4754 two-digit divisions
    excluded_sections: frozenset[str]  # GB/T 4754 section letters wholly excluded
    excluded_source: str
