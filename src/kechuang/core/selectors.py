"""Reads of the core, scoped to what the asking user may see."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from kechuang.core.actors import actor_of
from kechuang.core.models import AuditEntry, Organisation, Region, User
from kechuang.core.permissions import ScopeKind, region_prefix, visible_scope
from kechuang.core.search_index import filter_ranked


def organisation_scope(user: User, path: str = "") -> Q | None:
    """The SQL twin of ``permissions.decide(..., VIEW, ...)``: a filter on organisations reached through
    ``path`` ("" for Organisation itself, "organisation__" from a model pointing at one); None = nothing."""
    scope = visible_scope(actor_of(user))
    if scope.kind == ScopeKind.ALL:
        return Q()
    if scope.kind == ScopeKind.REGION:
        own = Q(**{f"{path}pk": scope.org_id}) if scope.org_id else Q()
        return Q(**{f"{path}region__code__startswith": scope.region_prefix}) | own
    if scope.kind == ScopeKind.OWN:
        return Q(**{f"{path}pk": scope.org_id})
    return None


def visible_organisations(user: User) -> QuerySet[Organisation]:
    """Organisations ``user`` may see."""
    qs = Organisation.objects.select_related("region", "parent")
    scope = organisation_scope(user)
    return qs.none() if scope is None else qs.filter(scope)


def organisation_list(
    user: User, *, q: str = "", kind: str = "", region: str = ""
) -> QuerySet[Organisation]:
    """The organisation table: search by credit code or by name (Chinese search, best match first),
    filter by type and region prefix."""
    qs = visible_organisations(user)
    if kind:
        qs = qs.filter(kind=kind)
    if region:
        qs = qs.filter(region__code__startswith=region.rstrip("0") or region)
    if q:
        code = q.strip().upper()  # only letters and digits can be a credit code (PostgreSQL refuses NUL)
        by_code = qs.filter(uscc__iexact=code) if code.isascii() and code.isalnum() else qs.none()
        return by_code if by_code.exists() else filter_ranked(qs, "organisation", q)
    return qs.order_by("name", "pk")


def organisation_counts_by_kind(user: User) -> dict[str, int]:
    rows = visible_organisations(user).order_by().values("kind").annotate(n=Count("pk"))
    return {row["kind"]: row["n"] for row in rows}


def audit_search(*, q: str = "", action: str = "", model: str = "") -> QuerySet[AuditEntry]:
    qs = AuditEntry.objects.select_related("content_type")
    if q:
        qs = qs.filter(Q(object_repr__icontains=q) | Q(actor_name__icontains=q) | Q(reason__icontains=q)
                       | Q(object_id=q))
    if action:
        qs = qs.filter(action=action)
    if model:
        qs = qs.filter(content_type__model=model)
    return qs


def region_options(user: User, limit: int = 400) -> QuerySet[Region]:
    """Regions a user typically picks from: those inside its own region (a city's districts and counties)."""
    org = user.organisation
    prefix = region_prefix(org.region_id if org else "")
    qs = Region.objects.order_by("code")
    if len(prefix) >= 4:
        return qs.filter(code__startswith=prefix)[:limit]
    return qs.filter(code__startswith=prefix, level__in=[Region.Level.PROVINCE, Region.Level.PREFECTURE])[:limit]
