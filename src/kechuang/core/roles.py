"""Roles a user can hold, as stable codes with translatable labels.

Stored codes never change; only labels are translated, so renaming a role's label strands no record.
"""

from __future__ import annotations

from enum import StrEnum

from kechuang.i18n import gettext_noop


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
    Role.BUREAU_ADMIN: gettext_noop("Bureau administrator"),
    Role.PLANNER: gettext_noop("Planner"),
    Role.DEPARTMENT_USER: gettext_noop("Department user"),
    Role.PROGRAMME_OFFICER: gettext_noop("Programme officer"),
    Role.ENTERPRISE_USER: gettext_noop("Enterprise user"),
    Role.EXPERT: gettext_noop("Expert"),
    Role.COMMISSIONER: gettext_noop("S&T commissioner"),
    Role.LEADER: gettext_noop("Leader"),
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
    OrgKind.ENTERPRISE: gettext_noop("Enterprise"),
    OrgKind.UNIVERSITY: gettext_noop("University"),
    OrgKind.INSTITUTE: gettext_noop("Research institute"),
    OrgKind.BUREAU: gettext_noop("S&T bureau"),
    OrgKind.DEPARTMENT: gettext_noop("Bureau department"),
    OrgKind.DISTRICT_BUREAU: gettext_noop("District bureau"),
    OrgKind.INTERMEDIARY: gettext_noop("Intermediary"),
}

# Organisations that are part of government: they carry no credit code requirement for departments.
GOVERNMENT_KINDS = frozenset({OrgKind.BUREAU, OrgKind.DEPARTMENT, OrgKind.DISTRICT_BUREAU})
