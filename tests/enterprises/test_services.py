"""Services: validation errors name their field, writes are audited, permission follows the region."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kechuang.core.audit import audit_for
from kechuang.core.models import AuditEntry, Notification
from kechuang.core.roles import Role
from kechuang.enterprises import services
from kechuang.enterprises.models import EnterpriseProfile, PoolEntry, Qualification, Tier, TierChange
from tests.enterprises.conftest import THIS_YEAR, figures_input, make_profile

pytestmark = pytest.mark.django_db


def _profile_input(**changes: object) -> services.ProfileInput:
    return services.ProfileInput(**{"founded_on": date(2018, 5, 1), "industry_code": "C3914",
                                    "main_field": "new_materials", **changes})


def test_enterprise_user_opens_its_own_profile_and_the_write_is_audited(world):
    user = world.user(Role.ENTERPRISE_USER)
    profile = services.profile_create(actor=user, organisation=world.enterprise, data=_profile_input())
    entry = audit_for(profile).get()
    assert entry.action == AuditEntry.Action.CREATE and entry.actor == user
    assert entry.changes["industry_code"] == [None, "C3914"]
    assert profile.assessed_on == timezone.localdate()


def test_a_second_profile_for_the_same_enterprise_is_refused_on_the_organisation_field(world):
    user = world.user(Role.ENTERPRISE_USER)
    services.profile_create(actor=user, organisation=world.enterprise, data=_profile_input())
    with pytest.raises(ValidationError) as exc:
        services.profile_create(actor=user, organisation=world.enterprise, data=_profile_input())
    assert "organisation" in exc.value.message_dict


def test_enterprise_user_cannot_touch_a_neighbour_and_the_refusal_is_audited(world):
    user = world.user(Role.ENTERPRISE_USER)
    profile = make_profile(world.neighbour)
    with pytest.raises(PermissionDenied):
        services.figures_save(actor=user, profile=profile, data=figures_input(THIS_YEAR - 1))
    assert AuditEntry.objects.filter(action=AuditEntry.Action.DENIED, actor=user).exists()


def test_programme_officer_edits_enterprises_of_its_region_only(world):
    officer = world.user(Role.PROGRAMME_OFFICER)
    services.figures_save(actor=officer, profile=make_profile(world.enterprise), data=figures_input(THIS_YEAR - 4))
    with pytest.raises(PermissionDenied):
        services.figures_save(actor=officer, profile=make_profile(world.far_away), data=figures_input(THIS_YEAR - 4))


@pytest.mark.parametrize(("changes", "field"), [
    ({"sales_revenue": Decimal("-1")}, "sales_revenue"),
    ({"st_staff": 101}, "st_staff"),
    ({"year": THIS_YEAR + 1}, "year"),
    ({"rd_expense_domestic": Decimal("1200000.01")}, "rd_expense_domestic"),
    ({"high_tech_income": Decimal("21000000.01")}, "high_tech_income"),
    ({"employees": None}, "employees"),
])
def test_bad_figures_are_refused_with_an_error_on_the_field(world, changes, field):
    profile = make_profile(world.enterprise, years=0)
    with pytest.raises(ValidationError) as exc:
        services.figures_save(actor=world.user(Role.ENTERPRISE_USER), profile=profile,
                              data=figures_input(THIS_YEAR - 1, **changes))
    assert list(exc.value.message_dict) == [field]
    assert not profile.figures.exists()


def test_figures_at_their_limits_are_accepted(world):
    profile = make_profile(world.enterprise, years=0)
    row = services.figures_save(actor=world.user(Role.ENTERPRISE_USER), profile=profile, data=figures_input(
        THIS_YEAR, st_staff=100, rd_expense_domestic=Decimal("1200000"), net_assets=Decimal("-5")))
    assert row.year == THIS_YEAR


def test_saving_figures_again_updates_the_year_and_reassesses(world):
    user = world.user(Role.ENTERPRISE_USER)
    profile = make_profile(world.enterprise)
    services.assessment_refresh(profile=profile)
    services.figures_save(actor=user, profile=profile,
                          data=figures_input(THIS_YEAR - 1, rd_expense=Decimal(0), rd_expense_domestic=Decimal(0),
                                             rd_personnel=Decimal(0), rd_direct_inputs=Decimal(0),
                                             rd_depreciation=Decimal(0), rd_design_trials=Decimal(0),
                                             rd_other=Decimal(0)))
    assert profile.figures.count() == 3
    profile.refresh_from_db()
    result = services.assessment_refresh(profile=profile)
    rd = next(c for c in result.hte.conditions if c.code == "hte.rd_ratio")
    assert rd.verdict.value == "fail"
    assert AuditEntry.objects.filter(action=AuditEntry.Action.UPDATE, changes__has_key="rd_expense").exists()


def test_profile_rejects_a_founding_date_in_the_future_and_a_bad_industry_code(world):
    with pytest.raises(ValidationError) as exc:
        services.profile_create(actor=world.user(Role.ENTERPRISE_USER), organisation=world.enterprise,
                                data=_profile_input(founded_on=date.today() + timedelta(days=1), industry_code="Z99x"))
    assert set(exc.value.message_dict) == {"founded_on", "industry_code"}


def test_ip_duplicate_number_is_refused(world):
    user = world.user(Role.ENTERPRISE_USER)
    profile = make_profile(world.enterprise)
    data = services.IpInput(kind="invention_patent", number="ZL201910000001", granted_on=date(2020, 1, 1))
    services.ip_item_add(actor=user, profile=profile, data=data)
    with pytest.raises(ValidationError) as exc:
        services.ip_item_add(actor=user, profile=profile, data=data)
    assert "number" in exc.value.message_dict


def test_a_qualification_moves_the_tier_and_records_the_movement(world):
    profile = make_profile(world.enterprise)
    today = timezone.localdate()
    data = services.QualificationInput(kind="hte", number="GR202433000001", issued_on=today - timedelta(days=10),
                                       valid_until=today + timedelta(days=3 * 365))
    services.qualification_add(actor=world.user(Role.PROGRAMME_OFFICER), profile=profile, data=data)
    profile.refresh_from_db()
    assert profile.tier == Tier.HTE
    change = TierChange.objects.get(profile=profile)
    assert (change.tier_from, change.tier_to) == (Tier.NONE, Tier.HTE)


def test_pool_selection_is_for_bureau_staff_and_audited(world):
    profile = make_profile(world.enterprise)
    with pytest.raises(PermissionDenied):
        services.pool_select(actor=world.user(Role.ENTERPRISE_USER), profile=profile, year=THIS_YEAR)
    entry = services.pool_select(actor=world.user(Role.PROGRAMME_OFFICER), profile=profile, year=THIS_YEAR,
                                 reason="strong R&D")
    assert entry.target_tier == Tier.TECH_SME and entry.status == PoolEntry.Status.SELECTED
    assert audit_for(entry).filter(reason="strong R&D").exists()
    with pytest.raises(PermissionDenied):
        services.pool_select(actor=world.user(Role.PROGRAMME_OFFICER), profile=make_profile(world.far_away),
                             year=THIS_YEAR)


def test_renewal_reminder_goes_once_to_the_enterprise_users_when_the_certificate_ends_within_a_year(world):
    user = world.user(Role.ENTERPRISE_USER)
    profile = make_profile(world.enterprise)
    today = date(2026, 6, 1)
    Qualification.objects.create(profile=profile, kind="hte", issued_on=date(2023, 6, 10),
                                 valid_until=date(2026, 6, 9))
    later = make_profile(world.neighbour)
    Qualification.objects.create(profile=later, kind="hte", issued_on=date(2025, 6, 10), valid_until=date(2028, 6, 9))
    assert services.renewal_reminders_send(today=today) == 1
    assert services.renewal_reminders_send(today=today) == 0
    note = Notification.objects.get(recipient=user)
    assert "2026-06-09" in note.title


def test_tier_on_takes_the_highest_valid_qualification(world):
    profile = make_profile(world.enterprise)
    on = date(2025, 1, 1)
    quals = [Qualification(profile=profile, kind="tech_sme", issued_on=date(2024, 5, 1),
                           valid_until=date(2025, 12, 31)),
             Qualification(profile=profile, kind="hte", issued_on=date(2021, 1, 1), valid_until=date(2023, 12, 31))]
    assert services.tier_on(quals, on) == Tier.TECH_SME
    assert EnterpriseProfile.objects.count() == 1


def test_creating_figures_for_a_year_on_file_is_refused_and_changes_nothing(world):
    profile = make_profile(world.enterprise, years=1)
    before = profile.figures.get().sales_revenue
    with pytest.raises(ValidationError) as exc:
        services.figures_create(actor=world.user(Role.ENTERPRISE_USER), profile=profile,
                                data=figures_input(THIS_YEAR - 1, sales_revenue=Decimal(1000000)))
    assert list(exc.value.message_dict) == ["year"]
    assert profile.figures.get().sales_revenue == before
    row = services.figures_create(actor=world.user(Role.ENTERPRISE_USER), profile=profile,
                                  data=figures_input(THIS_YEAR - 2))
    assert row.year == THIS_YEAR - 2
