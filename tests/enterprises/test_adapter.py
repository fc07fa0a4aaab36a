"""The adapter from stored rows to the engine, and the batch assessment that caches outcomes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kechuang.enterprises.adapter import profile_to_engine
from kechuang.enterprises.assessment import assess_profiles
from kechuang.enterprises.models import EnterpriseProfile, IpItem, Qualification
from kechuang.enterprises.rules import IpKind, Level, TechField
from tests.enterprises.conftest import THIS_YEAR, make_profile

pytestmark = pytest.mark.django_db


def test_the_engine_sees_the_stored_figures_ip_and_answers(world):
    profile = make_profile(world.enterprise, ip_advancement="A")
    IpItem.objects.create(profile=profile, kind="utility_model", number="U1", granted_on=date(2022, 1, 1))
    Qualification.objects.create(profile=profile, kind="hte", issued_on=date(2024, 1, 1),
                                 valid_until=date(2026, 12, 31))
    enterprise = profile_to_engine(profile, on=date(THIS_YEAR, 6, 1))
    assert enterprise.main_field is TechField.ELECTRONIC_INFORMATION
    assert (enterprise.employees, enterprise.st_staff) == (100, 20)  # from the latest completed year
    assert sorted(y.year for y in enterprise.years) == [THIS_YEAR - 3, THIS_YEAR - 2, THIS_YEAR - 1]
    assert {y.year: y.sales_revenue for y in enterprise.years}[THIS_YEAR - 3] == Decimal("20000000.00")
    assert enterprise.ip_items[0].kind is IpKind.UTILITY_MODEL
    assert enterprise.rd_organisation.management_system is Level.FULLY
    assert enterprise.ip_judgement.advancement.value == "A"
    assert enterprise.qualifications.hte_certificate_on == date(2024, 1, 1)


def test_batch_assessment_caches_each_outcome(world):
    strong = make_profile(world.enterprise)
    IpItem.objects.create(profile=strong, kind="invention_patent", number="ZL1", granted_on=date(2020, 1, 1))
    weak = make_profile(world.neighbour, years=0)
    assert assess_profiles(None, on=date(THIS_YEAR, 6, 1)) == 2
    strong.refresh_from_db()
    weak.refresh_from_db()
    assert strong.sme_verdict == "pass" and strong.readiness == 100
    assert weak.hte_verdict in {"fail", "unknown"} and weak.assessed_on == date(THIS_YEAR, 6, 1)
    assert EnterpriseProfile.objects.filter(hte_score_low__isnull=True).count() == 0
