"""Writes of the core: organisations, users and roles, notifications, tokens.

Views, the API, CLI commands and tasks all call these functions; each checks permission, validates,
writes inside one transaction and appends to the audit trail.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kechuang.core import search_index
from kechuang.core.actors import actor_of, org_ref
from kechuang.core.audit import audit_record, diff, refuse, snapshot
from kechuang.core.models import (
    ApiToken,
    AuditEntry,
    JobRun,
    Organisation,
    OrganisationAlias,
    Region,
    RoleGrant,
    User,
)
from kechuang.core.permissions import Action, OrgRef, decide
from kechuang.core.roles import OrgKind, Role
from kechuang.core.schedule import JOBS
from kechuang.core.scheduler import job_enqueue_now
from kechuang.core.uscc import InvalidUSCC, normalise_uscc, validate_uscc
from kechuang.i18n import gettext_noop

ORG_FIELDS = (
    "name",
    "short_name",
    "kind",
    "uscc",
    "region_id",
    "parent_id",
    "address",
    "contact_name",
    "contact_phone",
)

# Kinds whose parent must be a bureau (a department belongs to its bureau).
PARENT_KINDS: dict[str, set[str]] = {
    OrgKind.DEPARTMENT: {OrgKind.BUREAU},
    OrgKind.DISTRICT_BUREAU: {OrgKind.BUREAU},
}


@dataclass
class OrganisationInput:
    name: str
    kind: str
    region_code: str
    uscc: str | None = None
    short_name: str = ""
    parent_id: int | None = None
    address: str = ""
    contact_name: str = ""
    contact_phone: str = ""


def ensure_allowed(user: User, action: Action, ref: OrgRef, obj: Organisation | None = None) -> None:
    """Raise PermissionDenied with the rule's reason; a refused attempt on an object is audited."""
    decision = decide(actor_of(user), action, ref)
    if not decision.allowed:
        raise refuse(actor=user, reason=decision.reason, obj=obj, what=action)


def _kind(code: str) -> OrgKind:
    try:
        return OrgKind(code)
    except ValueError:
        raise ValidationError({"kind": [_("Unknown organisation type %(kind)s.") % {"kind": code}]}) from None


def _clean(data: OrganisationInput, *, instance: Organisation | None) -> dict[str, object]:
    """Validate the input as a whole and return the field values to store; errors name their field."""
    errors: dict[str, list[str]] = {}
    name = data.name.strip()
    if not name:
        errors.setdefault("name", []).append(_("Enter the organisation's name."))
    if not Region.objects.filter(code=data.region_code).exists():
        errors.setdefault("region", []).append(
            _("Unknown region code %(code)s: use a 6-digit code of GB/T 2260.") % {"code": data.region_code}
        )
    uscc = normalise_uscc(data.uscc) if data.uscc else None
    if uscc:
        try:
            validate_uscc(uscc)
        except InvalidUSCC as exc:
            errors.setdefault("uscc", []).append(_(exc.template) % exc.params)
        else:
            clash = Organisation.objects.filter(uscc=uscc)
            if instance is not None:
                clash = clash.exclude(pk=instance.pk)
            if clash.exists():
                errors.setdefault("uscc", []).append(
                    _("Another organisation already has the credit code %(code)s.") % {"code": uscc}
                )
    elif data.kind in {OrgKind.ENTERPRISE, OrgKind.INTERMEDIARY}:
        errors.setdefault("uscc", []).append(_("Enterprises and intermediaries need a credit code."))
    parent_kinds = PARENT_KINDS.get(data.kind)
    if data.parent_id:
        parent = Organisation.objects.filter(pk=data.parent_id).first()
        if parent is None:
            errors.setdefault("parent", []).append(_("The parent organisation does not exist."))
        elif instance is not None and parent.pk == instance.pk:
            errors.setdefault("parent", []).append(_("An organisation cannot be its own parent."))
        elif parent_kinds and parent.kind not in parent_kinds:
            errors.setdefault("parent", []).append(_("A department or district bureau belongs to a bureau."))
    elif data.kind == OrgKind.DEPARTMENT:
        errors.setdefault("parent", []).append(_("Choose the bureau this department belongs to."))
    if errors:
        raise ValidationError(errors)
    return {
        "name": name,
        "short_name": data.short_name.strip(),
        "kind": data.kind,
        "uscc": uscc,
        "region_id": data.region_code,
        "parent_id": data.parent_id,
        "address": data.address.strip(),
        "contact_name": data.contact_name.strip(),
        "contact_phone": data.contact_phone.strip(),
    }


def organisation_create(*, actor: User, data: OrganisationInput, reason: str = "") -> Organisation:
    ensure_allowed(actor, Action.CREATE, OrgRef(id=None, kind=_kind(data.kind), region_code=data.region_code))
    with transaction.atomic():
        values = _clean(data, instance=None)
        org = Organisation.objects.create(**values)
        search_index.index_objects("organisation", [org])
        audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=org,
                     changes=diff({}, snapshot(org, ORG_FIELDS)), reason=reason)
    return org


def organisation_update(
    *, actor: User, organisation: Organisation, data: OrganisationInput, reason: str = ""
) -> Organisation:
    # Permission is checked before the transaction opens, so the audit row of a refusal survives.
    ensure_allowed(actor, Action.EDIT, org_ref(organisation), organisation)
    if data.kind != organisation.kind or data.region_code != organisation.region_id:
        # Moving an organisation to another type or region must stay within what the user may manage.
        ensure_allowed(actor, Action.EDIT, OrgRef(organisation.pk, _kind(data.kind), data.region_code), organisation)
    with transaction.atomic():
        values = _clean(data, instance=organisation)
        before = snapshot(organisation, ORG_FIELDS)
        for field, value in values.items():
            setattr(organisation, field, value)
        changes = diff(before, snapshot(organisation, ORG_FIELDS))
        if changes:
            organisation.save()
            audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=organisation, changes=changes,
                         reason=reason)
            search_index.index_objects("organisation", [organisation])
            search_index.index_related(organisation)
    return organisation


def organisation_delete(*, actor: User, organisation: Organisation, reason: str) -> None:
    ensure_allowed(actor, Action.DELETE, org_ref(organisation), organisation)
    if organisation.members.exists() or organisation.units.exists():
        raise ValidationError(_("This organisation still has users or units; move or remove them first."))
    with transaction.atomic():
        audit_record(actor=actor, action=AuditEntry.Action.DELETE, obj=organisation,
                     changes=diff(snapshot(organisation, ORG_FIELDS), {}), reason=reason)
        search_index.unindex("organisation", [organisation.pk])
        organisation.delete()


# Who keeps aliases: administrators, and the planners whose imports read them.
ALIAS_EDITORS = frozenset({Role.BUREAU_ADMIN, Role.PLANNER})


def ensure_alias_editor(actor: User, organisation: Organisation) -> None:
    """Only administrators and planners may name an organisation's aliases; a refusal is audited."""
    if not ALIAS_EDITORS & actor_of(actor).roles:
        raise refuse(actor=actor, obj=organisation, what="alias",
                     reason=gettext_noop("Only administrators and planners may edit organisation aliases."))


def organisation_alias_add(*, actor: User, organisation: Organisation, text: str) -> OrganisationAlias:
    """Record another written form of the organisation's name; one text names one organisation."""
    ensure_alias_editor(actor, organisation)
    text = "".join(text.split())[:200]
    if not text:
        raise ValidationError({"text": [_("Enter the name as documents write it.")]})
    taken = OrganisationAlias.objects.filter(text=text).select_related("organisation").first()
    if taken is not None:
        raise ValidationError({"text": [_("The alias “%(text)s” already stands for %(org)s.")
                                        % {"text": text, "org": taken.organisation.name}]})
    with transaction.atomic():
        alias = OrganisationAlias.objects.create(organisation=organisation, text=text)
        audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=organisation,
                     changes={"alias": [None, text]}, reason=_("Alias added"))
    return alias


def organisation_alias_remove(*, actor: User, alias: OrganisationAlias) -> None:
    ensure_alias_editor(actor, alias.organisation)
    with transaction.atomic():
        audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=alias.organisation,
                     changes={"alias": [alias.text, None]}, reason=_("Alias removed"))
        alias.delete()


@transaction.atomic
def user_create(
    *,
    actor: User | None,
    username: str,
    password: str,
    organisation: Organisation | None,
    roles: list[Role],
    display_name: str = "",
    email: str = "",
    is_superuser: bool = False,
) -> User:
    """Create a user with roles; the password is checked by the configured password rules."""
    from django.contrib.auth.password_validation import validate_password

    if User.objects.filter(username=username).exists():
        raise ValidationError({"username": [_("The user name %(name)s is taken.") % {"name": username}]})
    user = User(username=username, organisation=organisation, display_name=display_name, email=email,
                is_superuser=is_superuser, is_staff=is_superuser or Role.BUREAU_ADMIN in roles)
    validate_password(password, user)
    user.set_password(password)
    user.save()
    RoleGrant.objects.bulk_create([RoleGrant(user=user, role=role.value) for role in roles])
    audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=user,
                 changes={"username": [None, username], "roles": [None, sorted(r.value for r in roles)],
                          "organisation": [None, organisation.pk if organisation else None]})
    return user


def token_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, actor: User, user: User, name: str) -> str:
    """Create an API token for ``user`` and return the secret once; only its hash is kept."""
    key = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, key_hash=token_hash(key))
    audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=token, changes={"name": [None, name]})
    return key


def job_run_now(*, actor: User, name: str) -> JobRun:
    """Enqueue periodic job ``name`` at once, outside its schedule (bureau administrators only; audited)."""
    if not actor.has_role(Role.BUREAU_ADMIN):
        raise refuse(actor=actor, reason=gettext_noop("Only bureau administrators may run scheduled jobs."),
                     what=f"run job {name}")
    job = JOBS.get(name)
    if job is None:
        raise ValidationError(_("There is no scheduled job “%(name)s”.") % {"name": name})
    with transaction.atomic():
        run = job_enqueue_now(job, requested_by=actor)
        audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=run, changes={"job": [None, name]},
                     reason="run now")
    return run
