from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal as D

from kechuang.projects.domain.eligibility import (
    ApplicantSnapshot,
    CallRules,
    IntegrityRecord,
    Severity,
    active_integrity_records,
    check_eligibility,
    leader_load_violation,
)

RULES = CallRules(
    organisation_types=frozenset({"enterprise"}),
    region_prefixes=("3301", "3302"),
    required_qualifications=frozenset({"hte"}),
    co_funding_ratio=D(1),
    deadline=datetime(2025, 5, 31, 17, 0),
    max_open_projects_per_leader=2,
)
APPLICANT = ApplicantSnapshot(
    organisation_id="org-1", organisation_type="enterprise", region_code="330106", leader_id="p-1",
    submitted_at=datetime(2025, 5, 31, 16, 59), requested=D(1_000_000), self_raised=D(1_000_000),
    qualifications=frozenset({"hte", "tech_sme"}), team_ids=("p-2",), leader_open_projects=1,
)


def codes(reasons):
    return [r.code for r in reasons]


def test_eligible_applicant_has_no_reasons():
    assert check_eligibility(RULES, APPLICANT) == []


def test_each_rule_gives_its_own_reason():
    applicant = replace(
        APPLICANT, organisation_type="university", region_code="330481", qualifications=frozenset(),
        self_raised=D(999_999), submitted_at=datetime(2025, 5, 31, 17, 1), leader_open_projects=2,
    )
    assert codes(check_eligibility(RULES, applicant)) == [
        "organisation_type_excluded", "region_excluded", "qualification_missing", "co_funding_short",
        "after_deadline", "leader_over_limit",
    ]


def test_reason_messages_name_the_values():
    reasons = check_eligibility(RULES, replace(APPLICANT, region_code="110108"))
    assert reasons[0].field == "region_code"
    assert reasons[0].message == "Region 110108 is outside the call's area (3301, 3302)"


def test_open_rules_accept_anyone():
    assert check_eligibility(CallRules(), replace(APPLICANT, organisation_type="other")) == []


def test_integrity_record_period_includes_both_ends():
    record = IntegrityRecord("person", "p-1", Severity.MAJOR, date(2024, 1, 1), date(2025, 5, 31))
    assert not record.is_active(date(2023, 12, 31))
    assert record.is_active(date(2024, 1, 1))
    assert record.is_active(date(2025, 5, 31))
    assert not record.is_active(date(2025, 6, 1))
    assert IntegrityRecord("organisation", "o", Severity.SEVERE, date(2020, 1, 1)).is_active(date(2099, 1, 1))


def test_integrity_records_match_subject_kind_and_severity():
    records = [
        IntegrityRecord("organisation", "org-1", Severity.GENERAL, date(2025, 1, 1)),
        IntegrityRecord("person", "p-2", Severity.SEVERE, date(2025, 1, 1), date(2027, 12, 31)),
        IntegrityRecord("person", "org-1", Severity.SEVERE, date(2025, 1, 1)),  # a person, not the org
        IntegrityRecord("person", "p-1", Severity.SEVERE, date(2020, 1, 1), date(2022, 12, 31)),  # expired
    ]
    found = active_integrity_records(records, organisation_ids=["org-1"], person_ids=["p-1", "p-2"],
                                     on=date(2025, 6, 1))
    assert found == records[:2]
    assert active_integrity_records(records, organisation_ids=["org-1"], person_ids=["p-1", "p-2"],
                                    on=date(2025, 6, 1), min_severity=Severity.MAJOR) == [records[1]]


def test_team_member_integrity_record_excludes_the_application():
    records = [IntegrityRecord("person", "p-2", Severity.SEVERE, date(2025, 1, 1))]
    reasons = check_eligibility(RULES, APPLICANT, records)
    assert codes(reasons) == ["integrity_record"]
    assert reasons[0].message == (
        "person p-2 has an active integrity record (severe) in force from 2025-01-01 until further notice"
    )
    lenient = replace(RULES, integrity_bar=Severity.SEVERE)
    minor = [IntegrityRecord("organisation", "org-1", Severity.MAJOR, date(2025, 1, 1))]
    assert check_eligibility(lenient, APPLICANT, minor) == []


def test_leader_load_limit_boundary():
    assert leader_load_violation("p-1", 2, limit=3) is None
    violation = leader_load_violation("p-1", 3, limit=3)
    assert violation is not None
    assert violation.message == "Project leader p-1 already leads 3 open projects; the limit is 3"
