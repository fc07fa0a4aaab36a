"""Turn Django users and organisations into the plain facts the permission rules read."""

from __future__ import annotations

from kechuang.core.models import Organisation, User
from kechuang.core.permissions import Actor, OrgRef
from kechuang.core.roles import OrgKind, Role


def actor_of(user: User) -> Actor:
    org = user.organisation if user.organisation_id else None
    roles = user.role_set if user.is_active else frozenset()
    if user.is_active and user.is_superuser:
        # A Django superuser is the installation's administrator; treat it as a bureau admin.
        roles = roles | {Role.BUREAU_ADMIN}
    return Actor(
        user_id=user.pk,
        roles=roles,
        org_id=user.organisation_id,
        org_kind=OrgKind(org.kind) if org else None,
        region_code=org.region_id if org else None,
    )


def org_ref(org: Organisation) -> OrgRef:
    return OrgRef(id=org.pk, kind=OrgKind(org.kind), region_code=org.region_id)
