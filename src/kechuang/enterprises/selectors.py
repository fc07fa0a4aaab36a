"""Reads of the enterprises app, scoped to what the asking user may see.

The registry list is filtered on the profile's own indexed columns (cached assessment outcome, tier,
field) and the organisation's region, and fetched with one join, so a page costs a fixed number of
queries however many enterprises there are.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, QuerySet
from django.db.models.functions import ExtractYear

from kechuang.core.models import User
from kechuang.core.permissions import region_prefix
from kechuang.core.search_index import filter_ranked
from kechuang.core.selectors import organisation_scope
from kechuang.enterprises.models import EnterpriseProfile, PoolEntry, Tier, TierChange


def visible_profiles(user: User) -> QuerySet[EnterpriseProfile]:
    """Profiles of the organisations ``user`` may see (the twin of core's ``visible_organisations``)."""
    qs = EnterpriseProfile.objects.select_related("organisation", "organisation__region")
    scope = organisation_scope(user, "organisation__")
    return qs.none() if scope is None else qs.filter(scope)


@dataclass
class RegistryFilter:
    """The registry's filters; empty strings mean "any"."""

    q: str = ""
    region: str = ""
    industry: str = ""
    main_field: str = ""
    tier: str = ""
    hte: str = ""
    sme: str = ""
    pool_year: int | None = None
    min_readiness: int | None = None
    founded_from: int | None = None
    founded_to: int | None = None
    order: str = "name"


ORDERS = {"name": ("organisation__name", "pk"), "readiness": ("-readiness", "pk"),
          "founded": ("founded_on", "pk")}


def registry_list(user: User, f: RegistryFilter) -> QuerySet[EnterpriseProfile]:
    qs = visible_profiles(user)
    if f.region:
        qs = qs.filter(organisation__region__code__startswith=region_prefix(f.region))
    if f.industry:
        qs = qs.filter(industry_code__startswith=f.industry.strip().upper())
    if f.main_field:
        qs = qs.filter(main_field=f.main_field)
    if f.tier:
        qs = qs.filter(tier=f.tier)
    if f.hte:
        qs = qs.filter(hte_verdict=f.hte)
    if f.sme:
        qs = qs.filter(sme_verdict=f.sme)
    if f.pool_year:
        qs = qs.filter(pool_entries__year=f.pool_year, pool_entries__status=PoolEntry.Status.SELECTED)
    if f.min_readiness is not None:
        qs = qs.filter(readiness__gte=f.min_readiness)
    if f.founded_from:
        qs = qs.filter(founded_on__year__gte=f.founded_from)
    if f.founded_to:
        qs = qs.filter(founded_on__year__lte=f.founded_to)
    if f.q:
        # A credit code finds its enterprise; any other text is a Chinese search, best match first.
        code = f.q.strip().upper()  # only letters and digits can be a credit code (PostgreSQL refuses NUL)
        by_code = qs.filter(organisation__uscc=code) if code.isascii() and code.isalnum() else qs.none()
        return by_code if by_code.exists() else filter_ranked(qs, "enterprise", f.q)
    return qs.order_by(*ORDERS.get(f.order, ORDERS["name"]))


def profile_for(user: User, organisation_id: int) -> EnterpriseProfile | None:
    """The profile of one visible enterprise with its figures, IP and qualifications prefetched."""
    return (visible_profiles(user).filter(organisation_id=organisation_id)
            .prefetch_related("figures", "ip_items", "qualifications").first())


def pool_candidates(user: User, *, year: int) -> QuerySet[EnterpriseProfile]:
    """Enterprises below the top tiers, most ready for their next tier first, marked if already selected."""
    selected = PoolEntry.objects.filter(profile=OuterRef("pk"), year=year, status=PoolEntry.Status.SELECTED)
    return (visible_profiles(user).filter(tier__in=[Tier.NONE, Tier.TECH_SME, Tier.HTE])
            .annotate(selected=Exists(selected)).order_by("-readiness", "organisation__name", "pk"))


def pool_entries(user: User, *, year: int) -> QuerySet[PoolEntry]:
    visible = visible_profiles(user).values("pk")
    return (PoolEntry.objects.filter(profile__in=visible, year=year, status=PoolEntry.Status.SELECTED)
            .select_related("profile__organisation__region", "selected_by").order_by("-readiness", "pk"))


def tier_movements(user: User) -> list[dict[str, object]]:
    """Tier changes counted by year, region (county) and destination tier."""
    visible = visible_profiles(user).values("pk")
    rows = (TierChange.objects.filter(profile__in=visible)
            .annotate(year=ExtractYear("on"))
            .values("year", "profile__organisation__region_id", "profile__organisation__region__name", "tier_to")
            .annotate(n=Count("pk")).order_by("-year", "profile__organisation__region_id", "tier_to"))
    return list(rows)


def tier_counts(user: User) -> dict[str, int]:
    rows = visible_profiles(user).order_by().values("tier").annotate(n=Count("pk"))
    return {row["tier"]: row["n"] for row in rows}
