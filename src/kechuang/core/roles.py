"""Roles a user can hold, as stable codes with translatable labels.

Stored codes never change; only labels are translated, so renaming a role's label strands no record.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    BUREAU_ADMIN = "bureau_admin"
    PLANNER = "planner"
    DEPARTMENT_USER = "department_user"
    PROGRAMME_OFFICER = "programme_officer"
    ENTERPRISE_USER = "enterprise_user"
    EXPERT = "expert"
    COMMISSIONER = "commissioner"
    LEADER = "leader"


# English source strings; the Django layer wraps them in gettext (see kechuang.core.labels).
ROLE_LABELS: dict[Role, str] = {
    Role.BUREAU_ADMIN: "Bureau administrator",
    Role.PLANNER: "Planner",
    Role.DEPARTMENT_USER: "Department user",
    Role.PROGRAMME_OFFICER: "Programme officer",
    Role.ENTERPRISE_USER: "Enterprise user",
    Role.EXPERT: "Expert",
    Role.COMMISSIONER: "S&T commissioner",
    Role.LEADER: "Leader",
}


class OrgKind(StrEnum):
    ENTERPRISE = "enterprise"
    UNIVERSITY = "university"
    INSTITUTE = "institute"
    BUREAU = "bureau"
    DEPARTMENT = "department"
    DISTRICT_BUREAU = "district_bureau"
    INTERMEDIARY = "intermediary"


ORG_KIND_LABELS: dict[OrgKind, str] = {
    OrgKind.ENTERPRISE: "Enterprise",
    OrgKind.UNIVERSITY: "University",
    OrgKind.INSTITUTE: "Research institute",
    OrgKind.BUREAU: "S&T bureau",
    OrgKind.DEPARTMENT: "Bureau department",
    OrgKind.DISTRICT_BUREAU: "District bureau",
    OrgKind.INTERMEDIARY: "Intermediary",
}

# Organisations that are part of government: they carry no credit code requirement for departments.
GOVERNMENT_KINDS = frozenset({OrgKind.BUREAU, OrgKind.DEPARTMENT, OrgKind.DISTRICT_BUREAU})
