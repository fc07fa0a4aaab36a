"""Demo enterprise data: profiles, three years of figures, IP, qualifications and pool entries for the
enterprises created by ``kechuang demo-data``, with a realistic spread.

Four kinds of enterprise, drawn at random: strong ones that qualify as high-tech enterprises (some
holding a certificate, a few expiring within a year), ones just short of one HTE condition, small tech
SMEs, and weak ones. The demo enterprise user's own enterprise is always "just short", so its
self-assessment shows gaps. Running it twice changes nothing: enterprises with a profile are skipped.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from kechuang.core.models import Organisation, User
from kechuang.core.roles import OrgKind
from kechuang.enterprises.assessment import assess_profiles
from kechuang.enterprises.models import (
    TECH_FIELD_CHOICES,
    AnnualFigures,
    EnterpriseProfile,
    IpItem,
    PoolEntry,
    Qualification,
    Tier,
    TierChange,
)

INDUSTRIES = ["C3914", "C3562", "C2710", "I6513", "C3825", "M7320", "C2614", "C4090", "I6531", "C3311"]
PRODUCTS = ["工业传感器", "医疗影像软件", "高性能复合材料", "智能控制系统", "锂电池隔膜", "环境监测设备",
            "数控机床部件", "生物试剂", "工业互联网平台", "光学镜片"]
KINDS = ("strong", "short", "sme", "weak")
WEIGHTS = (0.25, 0.3, 0.25, 0.2)
YUAN = Decimal("0.01")


def _money(value: float) -> Decimal:
    return Decimal(str(round(value, 2))).quantize(YUAN)


def _figures(rng: random.Random, kind: str, profile: EnterpriseProfile, short_on: str, year0: int
             ) -> list[AnnualFigures]:
    sales = rng.uniform(30, 45) * 1e6 if kind in {"strong", "short"} else rng.uniform(3, 25) * 1e6
    growth = rng.uniform(1.08, 1.4) if kind != "weak" else rng.uniform(0.9, 1.05)
    employees = rng.randint(60, 300) if kind in {"strong", "short"} else rng.randint(12, 80)
    rd_rate = {"strong": rng.uniform(0.055, 0.09), "short": rng.uniform(0.055, 0.08), "sme": rng.uniform(0.03, 0.06),
               "weak": rng.uniform(0.0, 0.015)}[kind]
    staff_share = {"strong": rng.uniform(0.14, 0.3), "short": rng.uniform(0.14, 0.25), "sme": rng.uniform(0.1, 0.3),
                   "weak": rng.uniform(0.0, 0.05)}[kind]
    ht_share = {"strong": rng.uniform(0.65, 0.9), "short": rng.uniform(0.65, 0.85), "sme": rng.uniform(0.3, 0.7),
                "weak": rng.uniform(0.0, 0.3)}[kind]
    if kind == "short":
        if short_on == "rd":
            sales = min(sales, 24e6)  # stays under 50 million yuan, where 5 % is required
        rd_rate = {"rd": rng.uniform(0.044, 0.049)}.get(short_on, rd_rate)
        staff_share = {"staff": rng.uniform(0.085, 0.097)}.get(short_on, staff_share)
        ht_share = {"income": rng.uniform(0.52, 0.59)}.get(short_on, ht_share)
    rows = []
    for i in range(3):
        s = sales * growth ** i
        total = s * rng.uniform(1.01, 1.08)
        rd = s * rd_rate
        people = int(employees * (1 + 0.05 * i))
        parts = [rd * w for w in (0.55, 0.2, 0.08, 0.02, 0.1)]
        rows.append(AnnualFigures(
            profile=profile, year=year0 + i, sales_revenue=_money(s), total_income=_money(total),
            rd_expense=_money(rd), rd_expense_domestic=_money(rd * rng.uniform(0.85, 1.0)),
            rd_personnel=_money(parts[0]), rd_direct_inputs=_money(parts[1]), rd_depreciation=_money(parts[2]),
            rd_amortisation=_money(parts[3]), rd_design_trials=_money(parts[4]), rd_other=_money(rd * 0.05),
            high_tech_income=_money(total * ht_share), costs_and_expenses=_money(total * rng.uniform(0.8, 0.95)),
            employees=people, st_staff=int(people * staff_share), total_assets=_money(s * rng.uniform(1.1, 1.8)),
            net_assets=_money(s * rng.uniform(0.5, 0.9) * (growth ** (i / 2))),
            achievements_converted=rng.randint(3, 7) if kind in {"strong", "short"} else rng.randint(0, 2)))
    return rows


def _ip(rng: random.Random, kind: str, profile: EnterpriseProfile, today: date) -> list[IpItem]:
    invention = {"strong": rng.randint(2, 6), "short": rng.randint(1, 3), "sme": 0, "weak": 0}[kind]
    class_ii = {"strong": rng.randint(3, 10), "short": rng.randint(2, 6), "sme": rng.randint(1, 6),
                "weak": rng.randint(0, 1)}[kind]
    items = []
    for n in range(invention + class_ii):
        kind_code = "invention_patent" if n < invention else rng.choice(
            ["utility_model", "software_copyright", "design_patent"])
        prefix = {"invention_patent": "ZL2", "utility_model": "ZL2U", "design_patent": "ZL2D"}.get(kind_code, "RZ")
        items.append(IpItem(profile=profile, kind=kind_code, number=f"{prefix}{profile.organisation_id:05d}{n:03d}",
                            granted_on=today - timedelta(days=rng.randint(60, 2500)),
                            acquisition="self_developed" if rng.random() < 0.85 else "transferred"))
    return items


@transaction.atomic
def load_enterprise_demo_data(*, seed: int = 2026) -> int:
    """Give every demo enterprise without a profile its data; returns how many profiles were created."""
    rng = random.Random(seed)
    today = timezone.localdate()
    orgs = list(Organisation.objects.filter(kind=OrgKind.ENTERPRISE, enterprise_profile__isnull=True).order_by("pk"))
    if not orgs:
        return 0
    demo_user_org = User.objects.filter(username="enterprise").values_list("organisation_id", flat=True).first()
    fields = [value for value, _label in TECH_FIELD_CHOICES]
    profiles, kinds = [], {}
    for org in orgs:
        kind = "short" if org.pk == demo_user_org else rng.choices(KINDS, WEIGHTS)[0]
        profiles.append(EnterpriseProfile(
            organisation=org,
            founded_on=date(rng.randint(2005, today.year - 3), rng.randint(1, 12), rng.randint(1, 28)),
            industry_code=rng.choice(INDUSTRIES), main_field=rng.choice(fields) if kind != "weak" else "",
            main_product=rng.choice(PRODUCTS), contact_name=org.contact_name, contact_phone=org.contact_phone,
            rd_management_system="fully" if kind in {"strong", "short"} else "partly",
            rd_institution="fully" if kind == "strong" else "partly",
            rd_conversion_incentives="fully" if kind == "strong" else rng.choice(["partly", "none"]),
            rd_talent_system="partly" if kind != "weak" else "none",
            ip_advancement={"strong": rng.choice("AB"), "short": rng.choice("BC")}.get(kind, ""),
            ip_core_support={"strong": rng.choice("AB"), "short": rng.choice("BC")}.get(kind, "")))
        kinds[org.pk] = kind
    EnterpriseProfile.objects.bulk_create(profiles, batch_size=500)
    figures, ip, quals, changes = [], [], [], []
    for profile in profiles:
        kind = kinds[profile.organisation_id]
        short_on = "rd" if profile.organisation_id == demo_user_org else rng.choice(["rd", "staff", "income"])
        figures += _figures(rng, kind, profile, short_on, today.year - 3)
        ip += _ip(rng, kind, profile, today)
        quals_of, changes_of = _qualifications(rng, kind, profile, today)
        quals += quals_of
        changes += changes_of
    AnnualFigures.objects.bulk_create(figures, batch_size=1000)
    IpItem.objects.bulk_create(ip, batch_size=1000)
    Qualification.objects.bulk_create(quals, batch_size=1000)
    TierChange.objects.bulk_create(changes, batch_size=1000)
    assess_profiles([p.pk for p in profiles], on=today)
    _select_pool(today)
    return len(profiles)


def _qualifications(rng: random.Random, kind: str, profile: EnterpriseProfile, today: date
                    ) -> tuple[list[Qualification], list[TierChange]]:
    """Tech-SME registrations for most, HTE certificates for most strong ones; the tier follows."""
    quals, changes = [], []
    tier = Tier.NONE
    if kind in {"strong", "short", "sme"} and rng.random() < 0.8:
        issued = date(today.year - rng.randint(0, 2), rng.randint(3, 6), 15)
        quals.append(Qualification(profile=profile, kind=Qualification.Kind.TECH_SME,
                                   number=f"2024330200A{profile.pk:05d}", issued_on=issued,
                                   valid_until=date(today.year, 12, 31)))
        changes.append(TierChange(profile=profile, on=issued, tier_from=tier, tier_to=Tier.TECH_SME))
        tier = Tier.TECH_SME
    if kind == "strong" and rng.random() < 0.7:
        issued = today - timedelta(days=rng.randint(30, 3 * 365 - 10))
        quals.append(Qualification(profile=profile, kind=Qualification.Kind.HTE,
                                   number=f"GR{issued.year}33{profile.pk:06d}", issued_on=issued,
                                   valid_until=issued.replace(year=issued.year + 3) - timedelta(days=1)))
        changes.append(TierChange(profile=profile, on=issued, tier_from=tier, tier_to=Tier.HTE))
        tier = Tier.HTE
    profile.tier = tier
    EnterpriseProfile.objects.filter(pk=profile.pk).update(tier=tier)
    return quals, changes


def _select_pool(today: date) -> None:
    """The bureau's selection for this year: the fifteen tech SMEs most ready for HTE recognition."""
    officer = User.objects.filter(username="officer").first()
    ready = EnterpriseProfile.objects.filter(tier=Tier.TECH_SME).order_by("-readiness", "pk")[:15]
    PoolEntry.objects.bulk_create(
        [PoolEntry(profile=p, year=today.year, target_tier=Tier.HTE, readiness=p.readiness, selected_by=officer,
                   reason="demo data") for p in ready], ignore_conflicts=True)
