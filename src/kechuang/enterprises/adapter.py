"""From stored rows to the engine's input dataclasses, and from its results to the cached outcome.

The engine (``rules/``) knows nothing of Django; this module is the one place that knows both sides,
so a change to either the models or the engine's inputs is absorbed here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from kechuang.enterprises import models as m
from kechuang.enterprises.rules import (
    Acquisition,
    Assessment,
    Enterprise,
    Grade,
    IpItem,
    IpJudgement,
    IpKind,
    Level,
    Qualifications,
    RdExpenses,
    RdOrganisation,
    TechField,
    Verdict,
)
from kechuang.enterprises.rules import AnnualFigures as EngineFigures

# Weight of each verdict in the readiness percentage: a borderline condition is half met.
VERDICT_WEIGHT = {Verdict.PASS: 1.0, Verdict.BORDERLINE: 0.5}


def figures_to_engine(row: m.AnnualFigures) -> EngineFigures:
    return EngineFigures(
        year=row.year,
        sales_revenue=row.sales_revenue,
        total_income=row.total_income,
        rd_expense=row.rd_expense,
        rd_expense_domestic=row.rd_expense_domestic,
        high_tech_income=row.high_tech_income,
        net_assets=row.net_assets,
        total_assets=row.total_assets,
        costs_and_expenses=row.costs_and_expenses,
        achievements_converted=row.achievements_converted,
        rd_breakdown=rd_expenses(row),
    )


def rd_expenses(row: m.AnnualFigures) -> RdExpenses:
    """The year's R&D by the categories of 财税〔2015〕119号, as the super-deduction calculator reads it."""
    return RdExpenses(
        personnel=row.rd_personnel, direct_inputs=row.rd_direct_inputs, depreciation=row.rd_depreciation,
        amortisation=row.rd_amortisation, design_and_trials=row.rd_design_trials, other_related=row.rd_other,
        capitalised=row.rd_capitalised,
    )


def _staff(figures: list[m.AnnualFigures], on: date) -> tuple[int, int]:
    """Employees and S&T staff of the latest completed year before ``on`` (else the latest on file)."""
    before = [f for f in figures if f.year < on.year] or figures
    if not before:
        return 0, 0
    latest = max(before, key=lambda f: f.year)
    return latest.employees, latest.st_staff


def _qualifications(rows: Iterable[m.Qualification], on: date) -> Qualifications:
    hte = [q.issued_on for q in rows if q.kind == m.Qualification.Kind.HTE and q.issued_on <= on]
    sme = any(q.kind == m.Qualification.Kind.TECH_SME and q.issued_on <= on <= q.valid_until for q in rows)
    return Qualifications(hte_certificate_on=max(hte) if hte else None, tech_sme_registered=sme)


def to_engine(
    profile: m.EnterpriseProfile,
    figures: list[m.AnnualFigures],
    ip_items: list[m.IpItem],
    qualifications: list[m.Qualification],
    *,
    on: date,
) -> Enterprise:
    """The engine's view of one enterprise on ``on``; related rows are passed in so lists stay batched."""
    employees, st_staff = _staff(figures, on)
    return Enterprise(
        id=str(profile.pk),
        registered_on=profile.founded_on,
        main_field=TechField(profile.main_field) if profile.main_field else None,
        employees=employees,
        st_staff=st_staff,
        years=tuple(figures_to_engine(f) for f in figures),
        ip_items=tuple(
            IpItem(kind=IpKind(i.kind), granted_on=i.granted_on, acquisition=Acquisition(i.acquisition),
                   expires_on=i.expires_on, used_in_hte=i.used_in_hte)
            for i in ip_items
        ),
        rd_organisation=RdOrganisation(
            management_system=Level(profile.rd_management_system),
            institution_and_cooperation=Level(profile.rd_institution),
            conversion_incentives=Level(profile.rd_conversion_incentives),
            talent_system=Level(profile.rd_talent_system),
        ),
        ip_judgement=IpJudgement(
            advancement=Grade(profile.ip_advancement) if profile.ip_advancement else None,
            core_support=Grade(profile.ip_core_support) if profile.ip_core_support else None,
        ),
        qualifications=_qualifications(qualifications, on),
        industry_code=profile.industry_code or None,
        restricted_products=profile.restricted_products,
        serious_incident=profile.serious_incident,
    )


def profile_to_engine(profile: m.EnterpriseProfile, *, on: date) -> Enterprise:
    """One enterprise with its related rows (three queries, or none when they were prefetched)."""
    return to_engine(profile, list(profile.figures.all()), list(profile.ip_items.all()),
                     list(profile.qualifications.all()), on=on)


def readiness(profile: m.EnterpriseProfile, result: Assessment) -> int:
    """Share of the next tier's conditions met, in percent: tech-SME first, then high-tech enterprise."""
    conditions = result.sme.conditions if profile.tier == m.Tier.NONE else result.hte.conditions
    if not conditions:
        return 0
    met = sum(VERDICT_WEIGHT.get(c.verdict, 0.0) for c in conditions)
    return round(100 * met / len(conditions))


def apply_outcome(profile: m.EnterpriseProfile, result: Assessment, *, on: date) -> None:
    """Copy the outcome onto the profile's cached fields (the caller saves)."""
    profile.hte_verdict = result.hte.verdict.value
    profile.sme_verdict = result.sme.verdict.value
    profile.hte_score_low = result.hte.innovation_score.low
    profile.hte_score_high = result.hte.innovation_score.high
    profile.sme_score = result.sme.score
    profile.readiness = readiness(profile, result)
    profile.assessed_on = on


OUTCOME_FIELDS = ["hte_verdict", "sme_verdict", "hte_score_low", "hte_score_high", "sme_score", "readiness",
                  "assessed_on"]
