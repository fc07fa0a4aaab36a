"""Writing the audit trail: every create, update, delete and workflow transition goes through here."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models

from kechuang.core.models import AuditEntry, User
from kechuang.i18n import Message, render


def _plain(value: Any) -> Any:
    """A JSON-safe form of a field value, so before/after survive a backup and restore unchanged."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def snapshot(obj: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """The concrete field values of ``obj`` (foreign keys as ids)."""
    names = fields or [f.attname for f in obj._meta.concrete_fields]
    return {name: _plain(getattr(obj, name)) for name in names}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """Fields whose value changed, as ``{field: [before, after]}``."""
    keys = sorted(set(before) | set(after))
    return {k: [before.get(k), after.get(k)] for k in keys if before.get(k) != after.get(k)}


def audit_record(
    *,
    actor: User | None,
    action: str,
    obj: models.Model,
    changes: dict[str, Any] | None = None,
    reason: str = "",
    object_id: str | None = None,
) -> AuditEntry:
    """Append one row to the audit trail. Call inside the same transaction as the change itself."""
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.pk else None,
        actor_name=(actor.get_username() if actor is not None and actor.pk else "system"),
        action=action,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=object_id or str(obj.pk),
        object_repr=str(obj)[:200],
        changes=changes or {},
        reason=reason,
    )


def refuse(*, actor: User, reason: str | Message, obj: models.Model | None = None, what: str = "") -> PermissionDenied:
    """Record a refused attempt and return the exception to raise.

    ``reason`` is the rule's English reason (a gettext msgid, or a :class:`~kechuang.i18n.Message` with
    parameters); the trail keeps it in English, the user reads it translated. The attempt is
    written against ``obj`` (the thing reached for) or, without one, against the user; the exception is
    marked ``audited`` so the refusal page does not record it a second time. Call it before opening the
    write transaction, so the audit row survives the refusal.
    """
    text = str(reason)
    audit_record(actor=actor, action=AuditEntry.Action.DENIED, obj=obj if obj is not None else actor,
                 reason=f"{what}: {text}" if what else text)
    denied = PermissionDenied(render(reason))
    denied.audited = True
    return denied


def audit_for(obj: models.Model) -> models.QuerySet[AuditEntry]:
    """The audit trail of one object, newest first."""
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True), object_id=str(obj.pk)
    ).select_related("actor")
