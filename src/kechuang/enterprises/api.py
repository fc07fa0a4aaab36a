"""API endpoints of the enterprises app, mounted under /api/v1/enterprises by kechuang.api.

They read through the same selectors and write through the same services as the web pages.
"""


import dataclasses
from datetime import date
from decimal import Decimal

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, FilterSchema, Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from kechuang.core.selectors import visible_organisations
from kechuang.enterprises import selectors, services
from kechuang.enterprises.adapter import profile_to_engine
from kechuang.enterprises.models import EnterpriseProfile
from kechuang.enterprises.presenters import condition_row, gap_row, score_row
from kechuang.enterprises.rules import assess

router = Router(tags=["enterprises"])


class EnterpriseOut(Schema):
    organisation_id: int
    name: str = Field(..., alias="organisation.name")
    uscc: str | None = Field(None, alias="organisation.uscc")
    region_code: str = Field(..., alias="organisation.region_id")
    industry_code: str
    founded_on: date
    main_field: str
    main_product: str
    tier: str
    hte_verdict: str
    sme_verdict: str
    hte_score_low: int | None
    hte_score_high: int | None
    sme_score: int | None
    readiness: int
    assessed_on: date | None


class ProfileIn(Schema):
    founded_on: date
    industry_code: str = ""
    main_field: str = ""
    main_product: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    special: str = ""
    restricted_products: bool = False
    serious_incident: bool = False
    rd_management_system: str = "none"
    rd_institution: str = "none"
    rd_conversion_incentives: str = "none"
    rd_talent_system: str = "none"
    ip_advancement: str = ""
    ip_core_support: str = ""
    reason: str = ""


class FiguresIO(Schema):
    year: int
    sales_revenue: Decimal
    total_income: Decimal
    rd_expense: Decimal
    rd_expense_domestic: Decimal
    high_tech_income: Decimal
    employees: int
    st_staff: int
    total_assets: Decimal
    net_assets: Decimal
    costs_and_expenses: Decimal | None = None
    rd_personnel: Decimal = Decimal(0)
    rd_direct_inputs: Decimal = Decimal(0)
    rd_depreciation: Decimal = Decimal(0)
    rd_amortisation: Decimal = Decimal(0)
    rd_design_trials: Decimal = Decimal(0)
    rd_other: Decimal = Decimal(0)
    rd_capitalised: Decimal = Decimal(0)
    achievements_converted: int = 0


class ConditionOut(Schema):
    code: str
    label: str
    verdict: str
    actual: str
    threshold: str
    message: str
    source: str


class ScoreOut(Schema):
    code: str
    label: str
    band: str
    maximum: int
    message: str


class GapOut(Schema):
    code: str
    label: str
    message: str


class ResultOut(Schema):
    verdict: str
    rule_set: str
    conditions: list[ConditionOut]
    scores: list[ScoreOut]
    gaps: list[GapOut]


class AssessmentOut(Schema):
    on: date
    hte: ResultOut
    sme: ResultOut


class RegistryQuery(FilterSchema):
    q: str = ""
    region: str = ""
    industry: str = ""
    main_field: str = ""
    tier: str = ""
    hte: str = ""
    sme: str = ""
    pool_year: int | None = None
    min_readiness: int | None = None
    order: str = "name"


def _profile(request: HttpRequest, org_id: int) -> EnterpriseProfile:
    profile = selectors.profile_for(request.user, org_id)
    if profile is None:
        raise Http404("No such enterprise.")
    return profile


@router.get("/", response=list[EnterpriseOut])
@paginate(PageNumberPagination, page_size=50)
def list_enterprises(request: HttpRequest, filters: Query[RegistryQuery]):
    """The registry, scoped like the web list (an enterprise user sees only its own record)."""
    return selectors.registry_list(request.user, selectors.RegistryFilter(**filters.dict()))


@router.get("/{org_id}", response=EnterpriseOut)
def get_enterprise(request: HttpRequest, org_id: int):
    return _profile(request, org_id)


@router.put("/{org_id}", response=EnterpriseOut)
def put_profile(request: HttpRequest, org_id: int, payload: ProfileIn):
    """Create or update the profile of an enterprise organisation."""
    org = selectors.visible_profiles(request.user).filter(organisation_id=org_id).first()
    data = services.ProfileInput(**payload.dict(exclude={"reason"}))
    if org is not None:
        return services.profile_update(actor=request.user, profile=org, data=data, reason=payload.reason)
    organisation = visible_organisations(request.user).filter(pk=org_id).first()
    if organisation is None:
        raise Http404("No such organisation.")
    return services.profile_create(actor=request.user, organisation=organisation, data=data, reason=payload.reason)


@router.get("/{org_id}/figures", response=list[FiguresIO])
def list_figures(request: HttpRequest, org_id: int):
    return list(_profile(request, org_id).figures.all())


@router.put("/{org_id}/figures/{year}", response=FiguresIO)
def put_figures(request: HttpRequest, org_id: int, year: int, payload: FiguresIO):
    data = services.FiguresInput(**{**payload.dict(), "year": year})
    return services.figures_save(actor=request.user, profile=_profile(request, org_id), data=data)


def _result(verdict: str, rule_set: str, conditions, scores, gaps) -> dict[str, object]:
    return {"verdict": verdict, "rule_set": rule_set,
            "conditions": [dataclasses.asdict(condition_row(c)) for c in conditions],
            "scores": [dataclasses.asdict(score_row(s)) for s in scores],
            "gaps": [dataclasses.asdict(gap_row(g)) for g in gaps]}


@router.get("/{org_id}/assessment", response=AssessmentOut)
def get_assessment(request: HttpRequest, org_id: int):
    """The self-assessment on today's date: conditions with the enterprise's numbers, bands and gaps."""
    profile = _profile(request, org_id)
    on = timezone.localdate()
    result = assess(profile_to_engine(profile, on=on), on=on)
    hte, sme = result.hte, result.sme
    return {"on": on,
            "hte": _result(hte.verdict.value, hte.rule_set, hte.conditions, hte.innovation, hte.gaps),
            "sme": _result(sme.verdict.value, sme.rule_set, sme.conditions, sme.score_items, sme.gaps)}
