"""API endpoints of the core: organisations and regions, scoped like the web pages."""


from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, FilterSchema, Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate
from ninja.security import HttpBearer

from kechuang.core import selectors, services
from kechuang.core.actors import org_ref
from kechuang.core.models import ApiToken, Organisation, Region, User
from kechuang.core.permissions import Action

router = Router(tags=["core"])


class TokenAuth(HttpBearer):
    """Bearer tokens from ``ApiToken``; only the token's hash is stored."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        row = (ApiToken.objects.select_related("user", "user__organisation")
               .filter(key_hash=services.token_hash(token), user__is_active=True).first())
        if row is None:
            return None
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=timezone.now())
        request.user = row.user
        return row.user


class RegionOut(Schema):
    code: str
    name: str
    level: str
    parent_code: str | None = Field(None, alias="parent_id")


class OrganisationOut(Schema):
    id: int
    name: str
    short_name: str
    kind: str
    uscc: str | None
    region_code: str = Field(..., alias="region_id")
    parent_id: int | None
    address: str
    contact_name: str
    contact_phone: str


class OrganisationIn(Schema):
    name: str
    kind: str
    region_code: str
    uscc: str | None = None
    short_name: str = ""
    parent_id: int | None = None
    address: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    reason: str = ""


class OrganisationFilter(FilterSchema):
    q: str = ""
    kind: str = ""
    region: str = ""


class RegionFilter(FilterSchema):
    level: str = ""
    parent: str = ""
    q: str = ""


def _input(payload: OrganisationIn) -> services.OrganisationInput:
    return services.OrganisationInput(**payload.dict(exclude={"reason"}))


@router.get("/organisations", response=list[OrganisationOut])
@paginate(PageNumberPagination, page_size=50)
def list_organisations(request: HttpRequest, filters: Query[OrganisationFilter]):
    return selectors.organisation_list(request.user, q=filters.q, kind=filters.kind, region=filters.region)


@router.get("/organisations/{org_id}", response=OrganisationOut)
def get_organisation(request: HttpRequest, org_id: int):
    org = get_object_or_404(Organisation, pk=org_id)
    services.ensure_allowed(request.user, Action.VIEW, org_ref(org), org)
    return org


@router.post("/organisations", response={201: OrganisationOut})
def create_organisation(request: HttpRequest, payload: OrganisationIn):
    return 201, services.organisation_create(actor=request.user, data=_input(payload), reason=payload.reason)


@router.put("/organisations/{org_id}", response=OrganisationOut)
def update_organisation(request: HttpRequest, org_id: int, payload: OrganisationIn):
    org = get_object_or_404(Organisation, pk=org_id)
    return services.organisation_update(actor=request.user, organisation=org, data=_input(payload),
                                        reason=payload.reason)


@router.get("/regions", response=list[RegionOut])
@paginate(PageNumberPagination, page_size=100)
def list_regions(request: HttpRequest, filters: Query[RegionFilter]):
    qs = Region.objects.all()
    if filters.level:
        qs = qs.filter(level=filters.level)
    if filters.parent:
        qs = qs.filter(parent_id=filters.parent)
    if filters.q:
        qs = qs.filter(name__icontains=filters.q)
    return qs


@router.get("/regions/{code}", response=RegionOut)
def get_region(request: HttpRequest, code: str):
    return get_object_or_404(Region, code=code)
