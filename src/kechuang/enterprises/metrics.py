"""Metrics the enterprises app registers, so plan targets such as "新认定国家高新技术企业25家" bind to live data.

Each metric filters by region (a region includes its subdivisions) and by year; without a year the
current year is used (the last completed year for the figures-based intensities).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import Avg, DecimalField, ExpressionWrapper, F, Q, QuerySet, Sum
from django.utils import timezone

from kechuang.core.metrics import registry
from kechuang.core.permissions import region_prefix
from kechuang.enterprises.models import AnnualFigures, PoolEntry, Qualification
from kechuang.i18n import gettext_noop

DIMENSIONS = ("region", "year")


def _in_region(qs: QuerySet, region: str | None, path: str) -> QuerySet:
    if region:
        return qs.filter(**{f"{path}organisation__region__code__startswith": region_prefix(region)})
    return qs


def _year_end(year: int | None) -> date:
    today = timezone.localdate()
    return today if year is None or year >= today.year else date(year, 12, 31)


@registry.register(
    "enterprises.hte_count", label=gettext_noop("High-tech enterprises"), unit="家", dimensions=DIMENSIONS,
    description="Enterprises holding a valid high-tech enterprise certificate at the end of the year (or today).",
    keywords=("高新技术企业", "高企", "有效期内"),
)
def hte_count(region: str | None = None, year: int | None = None) -> int:

    on = _year_end(year)
    qs = Qualification.objects.filter(kind=Qualification.Kind.HTE, issued_on__lte=on, valid_until__gte=on)
    return _in_region(qs, region, "profile__").values("profile_id").distinct().count()


@registry.register(
    "enterprises.hte_new", label=gettext_noop("Newly recognised high-tech enterprises"), unit="家",
    dimensions=DIMENSIONS,
    description="High-tech enterprise certificates issued in the year (first recognitions and renewals).",
    keywords=("新认定", "高新技术企业", "高企"),
)
def hte_new(region: str | None = None, year: int | None = None) -> int:

    year = year or timezone.localdate().year
    qs = Qualification.objects.filter(kind=Qualification.Kind.HTE, issued_on__year=year)
    return _in_region(qs, region, "profile__").values("profile_id").distinct().count()


@registry.register(
    "enterprises.tech_sme_count", label=gettext_noop("Tech-based SMEs registered"), unit="家", dimensions=DIMENSIONS,
    description="Enterprises registered as tech-based SMEs for the year.",
    keywords=("科技型中小企业", "科小", "入库"),
)
def tech_sme_count(region: str | None = None, year: int | None = None) -> int:

    year = year or timezone.localdate().year
    qs = Qualification.objects.filter(kind=Qualification.Kind.TECH_SME, issued_on__year=year)
    return _in_region(qs, region, "profile__").values("profile_id").distinct().count()


def _figures(region: str | None, year: int | None) -> QuerySet:

    year = year or timezone.localdate().year - 1
    return _in_region(AnnualFigures.objects.filter(year=year), region, "profile__")


@registry.register(
    "enterprises.rd_intensity_total", label=gettext_noop("R&D intensity of registered enterprises"), unit="%",
    dimensions=DIMENSIONS,
    description="Total R&D expense over total sales revenue of the enterprises' figures for the year.",
    keywords=("研发投入强度", "研发经费", "R&D"),
)
def rd_intensity_total(region: str | None = None, year: int | None = None) -> float | None:
    sums = _figures(region, year).aggregate(rd=Sum("rd_expense"), sales=Sum("sales_revenue"))
    if not sums["sales"]:
        return None
    return float(round(Decimal(100) * sums["rd"] / sums["sales"], 2))


@registry.register(
    "enterprises.rd_intensity_avg", label=gettext_noop("Average R&D intensity per enterprise"), unit="%",
    dimensions=DIMENSIONS,
    description="Mean of each enterprise's R&D expense over its sales revenue for the year.",
    keywords=("研发投入强度", "平均"),
)
def rd_intensity_avg(region: str | None = None, year: int | None = None) -> float | None:
    ratio = ExpressionWrapper(F("rd_expense") * 100 / F("sales_revenue"),
                              output_field=DecimalField(max_digits=20, decimal_places=6))
    value = (_figures(region, year).filter(~Q(sales_revenue=0)).annotate(ratio=ratio)
             .aggregate(avg=Avg("ratio"))["avg"])
    return None if value is None else round(float(value), 2)


@registry.register(
    "enterprises.pool_size", label=gettext_noop("Cultivation pool size"), unit="家", dimensions=DIMENSIONS,
    description="Enterprises the bureau has selected into the cultivation pool for the year.",
    keywords=("培育库", "后备企业", "遴选"),
)
def pool_size(region: str | None = None, year: int | None = None) -> int:

    year = year or timezone.localdate().year
    qs = PoolEntry.objects.filter(year=year, status=PoolEntry.Status.SELECTED)
    return _in_region(qs, region, "profile__").values("profile_id").distinct().count()
