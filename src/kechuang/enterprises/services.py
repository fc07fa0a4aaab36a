"""Writes of the enterprises app: profiles, figures, IP, qualifications, assessments and the pool.

Every write checks permission before its transaction opens (so a refusal's audit row survives),
validates with errors naming their field, writes in one transaction and appends to the audit trail.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kechuang.core import search_index
from kechuang.core.actors import actor_of, org_ref
from kechuang.core.audit import audit_record, diff, refuse, snapshot
from kechuang.core.models import AuditEntry, Organisation, User
from kechuang.core.notifications import notify
from kechuang.core.permissions import Action
from kechuang.core.roles import OrgKind, Role
from kechuang.core.services import ensure_allowed
from kechuang.enterprises import adapter
from kechuang.enterprises.models import (
    TIER_ORDER,
    AnnualFigures,
    EnterpriseProfile,
    IpItem,
    PoolEntry,
    Qualification,
    Tier,
    TierChange,
)
from kechuang.enterprises.permissions import may_select
from kechuang.enterprises.rules import Assessment, assess
from kechuang.enterprises.validation import Problem, validate_figures, validate_profile


@dataclass
class ProfileInput:
    founded_on: date | None
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


@dataclass
class FiguresInput:
    year: int | None
    sales_revenue: Decimal | None
    total_income: Decimal | None
    rd_expense: Decimal | None
    rd_expense_domestic: Decimal | None
    high_tech_income: Decimal | None
    employees: int | None
    st_staff: int | None
    total_assets: Decimal | None
    net_assets: Decimal | None
    costs_and_expenses: Decimal | None = None
    rd_personnel: Decimal = Decimal(0)
    rd_direct_inputs: Decimal = Decimal(0)
    rd_depreciation: Decimal = Decimal(0)
    rd_amortisation: Decimal = Decimal(0)
    rd_design_trials: Decimal = Decimal(0)
    rd_other: Decimal = Decimal(0)
    rd_capitalised: Decimal = Decimal(0)
    achievements_converted: int = 0


@dataclass
class IpInput:
    kind: str
    number: str
    granted_on: date
    title: str = ""
    expires_on: date | None = None
    acquisition: str = "self_developed"
    used_in_hte: bool = False


@dataclass
class QualificationInput:
    kind: str
    issued_on: date
    valid_until: date
    number: str = ""
    name: str = ""


PROFILE_FIELDS = tuple(f.name for f in dataclasses.fields(ProfileInput))
FIGURE_FIELDS = tuple(f.name for f in dataclasses.fields(FiguresInput))


def problems_error(problems: list[Problem]) -> ValidationError:
    """A ValidationError keyed by field, with each problem's template translated and filled in."""
    errors: dict[str, list[str]] = {}
    for p in problems:
        errors.setdefault(p.field, []).append(_(p.template) % p.params)
    return ValidationError(errors)


def ensure_may_edit(user: User, org: Organisation) -> None:
    ensure_allowed(user, Action.EDIT, org_ref(org), org)


def profile_create(*, actor: User, organisation: Organisation, data: ProfileInput, reason: str = ""
                   ) -> EnterpriseProfile:
    """Open the enterprise profile of ``organisation``; a second profile for it is refused."""
    ensure_may_edit(actor, organisation)
    if organisation.kind != OrgKind.ENTERPRISE:
        raise ValidationError({"organisation": [_("Only enterprises have an enterprise profile.")]})
    if EnterpriseProfile.objects.filter(organisation=organisation).exists():
        raise ValidationError({"organisation": [
            _("%(name)s is already in the enterprise registry.") % {"name": organisation.name}]})
    problems = validate_profile(dataclasses.asdict(data), today=timezone.localdate())
    if problems:
        raise problems_error(problems)
    with transaction.atomic():
        profile = EnterpriseProfile.objects.create(organisation=organisation, **dataclasses.asdict(data))
        search_index.index_object(profile)
        audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=profile,
                     changes=diff({}, snapshot(profile, PROFILE_FIELDS)), reason=reason)
        assessment_refresh(profile=profile)
    return profile


def profile_update(*, actor: User, profile: EnterpriseProfile, data: ProfileInput, reason: str = ""
                   ) -> EnterpriseProfile:
    ensure_may_edit(actor, profile.organisation)
    problems = validate_profile(dataclasses.asdict(data), today=timezone.localdate())
    if problems:
        raise problems_error(problems)
    with transaction.atomic():
        before = snapshot(profile, PROFILE_FIELDS)
        for name, value in dataclasses.asdict(data).items():
            setattr(profile, name, value)
        changes = diff(before, snapshot(profile, PROFILE_FIELDS))
        if changes:
            profile.save()
            audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=profile, changes=changes, reason=reason)
            search_index.index_object(profile)
            assessment_refresh(profile=profile)
    return profile


YEAR_ON_FILE = "year_on_file"


def figures_create(*, actor: User, profile: EnterpriseProfile, data: FiguresInput, reason: str = ""
                   ) -> AnnualFigures:
    """Store the figures of a year not yet on file.

    Entering "new" figures for a year that already has some must not silently replace them: the
    year's own edit page, which shows the values on file, is the way to correct a year.
    """
    ensure_may_edit(actor, profile.organisation)
    if AnnualFigures.objects.filter(profile=profile, year=data.year).exists():
        raise ValidationError({"year": [ValidationError(
            _("Figures for %(year)s are already on file; edit that year to change them."),
            code=YEAR_ON_FILE, params={"year": data.year})]})
    return figures_save(actor=actor, profile=profile, data=data, reason=reason)


def first_year_without_figures(profile: EnterpriseProfile, *, today: date) -> int:
    """The most recent completed accounting year with no figures on file: the year a user fills in next."""
    held = set(profile.figures.values_list("year", flat=True))
    year = today.year - 1
    while year in held:
        year -= 1
    return year


def figures_save(*, actor: User, profile: EnterpriseProfile, data: FiguresInput, reason: str = ""
                 ) -> AnnualFigures:
    """Store one year's figures (a new year or a correction) and re-assess the enterprise.

    An upsert by year, for the year's edit page and the API's PUT; "new figures" go through
    :func:`figures_create`, which refuses a year already on file.
    """
    ensure_may_edit(actor, profile.organisation)
    values = dataclasses.asdict(data)
    problems = validate_figures(values, today=timezone.localdate())
    if problems:
        raise problems_error(problems)
    with transaction.atomic():
        row = AnnualFigures.objects.filter(profile=profile, year=data.year).first()
        before = snapshot(row, FIGURE_FIELDS) if row else {}
        if row is None:
            row = AnnualFigures(profile=profile)
        for name, value in values.items():
            setattr(row, name, value)
        row.save()
        changes = diff(before, snapshot(row, FIGURE_FIELDS))
        action = AuditEntry.Action.UPDATE if before else AuditEntry.Action.CREATE
        if changes:
            audit_record(actor=actor, action=action, obj=row, changes=changes, reason=reason)
        assessment_refresh(profile=profile)
    return row


def ip_item_add(*, actor: User, profile: EnterpriseProfile, data: IpInput, reason: str = "") -> IpItem:
    ensure_may_edit(actor, profile.organisation)
    errors: dict[str, list[str]] = {}
    if not data.number.strip():
        errors["number"] = [_("Enter the number of the right.")]
    elif IpItem.objects.filter(profile=profile, kind=data.kind, number=data.number.strip()).exists():
        errors["number"] = [_("This enterprise already holds %(number)s.") % {"number": data.number}]
    if data.granted_on > timezone.localdate():
        errors["granted_on"] = [_("The grant date is in the future.")]
    if data.expires_on is not None and data.expires_on <= data.granted_on:
        errors["expires_on"] = [_("The expiry date must come after the grant date.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        item = IpItem.objects.create(profile=profile, **{**dataclasses.asdict(data), "number": data.number.strip()})
        audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=item,
                     changes=diff({}, snapshot(item, [f.name for f in dataclasses.fields(IpInput)])), reason=reason)
        assessment_refresh(profile=profile)
    return item


def qualification_add(*, actor: User, profile: EnterpriseProfile, data: QualificationInput, reason: str = ""
                      ) -> Qualification:
    """Record a qualification held; the enterprise's tier follows the qualifications valid today."""
    ensure_may_edit(actor, profile.organisation)
    if data.valid_until <= data.issued_on:
        raise ValidationError({"valid_until": [_("The end of validity must come after the issue date.")]})
    if data.issued_on > timezone.localdate():
        raise ValidationError({"issued_on": [_("The issue date is in the future.")]})
    with transaction.atomic():
        qualification = Qualification.objects.create(profile=profile, **dataclasses.asdict(data))
        audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=qualification,
                     changes=diff({}, snapshot(qualification, [f.name for f in dataclasses.fields(data)])),
                     reason=reason)
        tier_sync(profile=profile, on=timezone.localdate(), reason=str(qualification))
        assessment_refresh(profile=profile)
    return qualification


# Which tier each qualification kind confers.
TIER_OF_KIND = {
    Qualification.Kind.TECH_SME: Tier.TECH_SME,
    Qualification.Kind.HTE: Tier.HTE,
    Qualification.Kind.SPECIALISED: Tier.SPECIALISED,
    Qualification.Kind.LISTING_RESERVE: Tier.LISTING_RESERVE,
}


def tier_on(qualifications: list[Qualification], on: date) -> str:
    """The highest tier among the qualifications valid on ``on``."""
    tiers = [TIER_OF_KIND[q.kind] for q in qualifications
             if q.kind in TIER_OF_KIND and q.issued_on <= on <= q.valid_until]
    return max(tiers, key=TIER_ORDER.index, default=Tier.NONE)


def tier_sync(*, profile: EnterpriseProfile, on: date, reason: str = "") -> bool:
    """Move the enterprise to the tier its valid qualifications give, recording the movement."""
    tier = tier_on(list(profile.qualifications.all()), on)
    if tier == profile.tier:
        return False
    TierChange.objects.create(profile=profile, on=on, tier_from=profile.tier, tier_to=tier, reason=reason[:200])
    EnterpriseProfile.objects.filter(pk=profile.pk).update(tier=tier)
    profile.tier = tier
    return True


def assessment_refresh(*, profile: EnterpriseProfile, on: date | None = None) -> Assessment:
    """Run the engine over the stored data and cache its outcome; returns the full result."""
    on = on or timezone.localdate()
    # Read the related rows afresh: a caller's prefetched lists predate the write that called us.
    fresh = EnterpriseProfile.objects.prefetch_related("figures", "ip_items", "qualifications").get(pk=profile.pk)
    result = assess(adapter.profile_to_engine(fresh, on=on), on=on)
    assessment_store(profile=profile, result=result, on=on)
    return result


def assessment_store(*, profile: EnterpriseProfile, result: Assessment, on: date) -> None:
    """Cache an outcome on the profile so the registry can filter by it (a cache: not audited)."""
    adapter.apply_outcome(profile, result, on=on)
    EnterpriseProfile.objects.filter(pk=profile.pk).update(
        **{name: getattr(profile, name) for name in adapter.OUTCOME_FIELDS})


def pool_select(*, actor: User, profile: EnterpriseProfile, year: int, reason: str = "") -> PoolEntry:
    """Record the bureau's selection (遴选) of an enterprise into the pool for its next tier."""
    organisation = profile.organisation
    decision = may_select(actor_of(actor), org_ref(organisation))
    if not decision.allowed:
        raise refuse(actor=actor, reason=decision.reason, obj=profile, what="pool")
    target = next_tier(profile.tier)
    if target is None:
        raise ValidationError({"tier": [_("This enterprise is already at the highest tier.")]})
    with transaction.atomic():
        entry, created = PoolEntry.objects.update_or_create(
            profile=profile, year=year, target_tier=target,
            defaults={"status": PoolEntry.Status.SELECTED, "readiness": profile.readiness, "selected_by": actor,
                      "reason": reason})
        audit_record(actor=actor, action=AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE,
                     obj=entry, changes={"status": [None, entry.status], "target_tier": [None, target],
                                         "year": [None, year]}, reason=reason)
    return entry


def pool_remove(*, actor: User, entry: PoolEntry, reason: str) -> PoolEntry:
    decision = may_select(actor_of(actor), org_ref(entry.profile.organisation))
    if not decision.allowed:
        raise refuse(actor=actor, reason=decision.reason, obj=entry, what="pool")
    with transaction.atomic():
        audit_record(actor=actor, action=AuditEntry.Action.TRANSITION, obj=entry,
                     changes={"status": [entry.status, PoolEntry.Status.REMOVED]}, reason=reason)
        entry.status = PoolEntry.Status.REMOVED
        entry.save(update_fields=["status"])
    return entry


def next_tier(tier: str) -> str | None:
    at = TIER_ORDER.index(tier)
    return TIER_ORDER[at + 1] if at + 1 < len(TIER_ORDER) else None


def renewal_reminders_send(*, today: date, days: int = 365) -> int:
    """Remind each enterprise whose HTE certificate ends within ``days`` once; returns how many were sent.

    The enterprise's users get the reminder; ``reminded_at`` keeps a second run from sending it again.
    """
    due = (Qualification.objects.filter(kind=Qualification.Kind.HTE, reminded_at__isnull=True,
                                        valid_until__gte=today, valid_until__lte=today + timedelta(days=days))
           .select_related("profile__organisation"))
    sent = 0
    for qualification in due:
        organisation = qualification.profile.organisation
        recipients = User.objects.filter(organisation=organisation, is_active=True,
                                         role_grants__role=Role.ENTERPRISE_USER)
        with transaction.atomic():
            for user in recipients:
                notify(recipient=user, level="warning",
                       title=_("High-tech enterprise certificate expires on %(date)s") % {
                           "date": qualification.valid_until.isoformat()},
                       body=_("Prepare the renewal application for %(name)s in time.") % {"name": organisation.name},
                       link=reverse("enterprises:assessment", args=[organisation.pk]))
            qualification.reminded_at = timezone.now()
            qualification.save(update_fields=["reminded_at"])
        sent += 1
    return sent
