"""The officer's set-up of the programme cycle: programmes, calls with their topics and rubric, the expert
pool and integrity records. Each write checks that the actor is an officer (an audited refusal), validates
the whole input before writing, and writes in one transaction with its audit row.

Validation refusals are ``ValidationError``\\ s naming the field (and the row of a list); they are not
access refusals and write no ``denied`` audit row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kechuang.core.audit import audit_record, diff, snapshot
from kechuang.core.models import AuditEntry, Organisation, User
from kechuang.core.roles import Role
from kechuang.core.services import user_create
from kechuang.core.validation import clean_id_number
from kechuang.projects import access
from kechuang.projects.models import Call, Collaboration, ExpertProfile, IntegrityRecord, Programme


def _officer_only(actor: User, obj: Any, what: str) -> None:
    if not access.is_officer(actor):
        raise access.refuse(actor, obj, what, "Only programme officers may do this.")


def _record(actor: User, obj: Any, before: dict[str, Any] | None, fields: tuple[str, ...]) -> None:
    after = snapshot(obj, fields)
    if before is None:
        audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=obj, changes=diff({}, after))
    elif changes := diff(before, after):
        audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=obj, changes=changes)


PROGRAMME_FIELDS = ("name", "category", "department", "officer")


def programme_save(*, actor: User, name: str, category: str, department: Organisation, officer: User,
                   programme: Programme | None = None) -> Programme:
    """Create a programme (``programme`` None) or change one."""
    _officer_only(actor, programme or actor, "save programme")
    if not name.strip():
        raise ValidationError({"name": [_("Give the programme a name.")]})
    if not access.is_officer(officer):
        raise ValidationError({"officer": [_("%(name)s is not a programme officer.") % {"name": officer}]})
    with transaction.atomic():
        target = programme or Programme()
        before = snapshot(target, PROGRAMME_FIELDS) if programme else None
        target.name, target.category = name.strip(), category.strip()
        target.department, target.officer = department, officer
        target.save()
        _record(actor, target, before, PROGRAMME_FIELDS)
    return target


@dataclass
class CallSetup:
    """Everything an officer sets on a call. Amounts are in yuan (the form converts from 万元)."""

    title: str
    year: int
    opens_at: dt.datetime
    deadline: dt.datetime
    total_budget: Decimal
    per_project_cap: Decimal | None = None
    topics: list[dict[str, Any]] = field(default_factory=list)
    rubric: list[dict[str, Any]] = field(default_factory=list)
    required_attachments: list[str] = field(default_factory=list)
    organisation_types: list[str] = field(default_factory=list)
    co_funding_ratio: Decimal = Decimal(0)
    max_open_projects_per_leader: int | None = None
    requires_recommendation: bool = False
    blind: bool = True
    experts_per_application: int = 3
    review_deadline: dt.datetime | None = None


CALL_FIELDS = tuple(CallSetup.__dataclass_fields__)


def _unique_codes(rows: list[dict[str, Any]], field_name: str, label: str) -> None:
    seen: set[str] = set()
    for n, row in enumerate(rows, start=1):
        code = row["code"]
        if code in seen:
            raise ValidationError({field_name: [_("%(label)s %(n)s: the code %(code)s is used twice.")
                                                % {"label": label, "n": n, "code": code}]})
        seen.add(code)


def _check_call(data: CallSetup) -> None:
    if not data.title.strip():
        raise ValidationError({"title": [_("Give the call a title.")]})
    if data.deadline <= data.opens_at:
        raise ValidationError({"deadline": [_("The deadline must come after the opening date.")]})
    if data.review_deadline is not None and data.review_deadline <= data.deadline:
        raise ValidationError({"review_deadline": [_("The review deadline must come after the call's deadline.")]})
    if data.per_project_cap is not None and data.per_project_cap > data.total_budget:
        raise ValidationError({"per_project_cap": [_("The cap per project exceeds the call's total budget.")]})
    _unique_codes(data.topics, "topics", _("Topic"))
    _unique_codes(data.rubric, "rubric", _("Criterion"))
    for n, criterion in enumerate(data.rubric, start=1):
        if criterion["max"] <= 0:
            raise ValidationError({"rubric": [_("Criterion %(n)s: the maximum score must be positive.") % {"n": n}]})
    topic_budget = sum((Decimal(str(t.get("budget") or 0)) for t in data.topics), Decimal(0))
    if topic_budget > data.total_budget:
        raise ValidationError({"topics": [_("The topics' budgets add up to more than the call's total budget.")]})


def _stored_rubric(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"code": c["code"], "label": c["label"], "max": int(c["max"])} for c in rows]


def call_save(*, actor: User, programme: Programme, data: CallSetup, call: Call | None = None) -> Call:
    """Create a call (a draft until the officer opens it) or change one while no application is in."""
    _officer_only(actor, call or programme, "save call")
    _check_call(data)
    submitted = call is not None and call.applications.exclude(state="draft").exists()
    if submitted and (call.rubric != _stored_rubric(data.rubric) or [t["code"] for t in call.topics] != [
            t["code"] for t in data.topics]):
        raise ValidationError(_("Applications are already submitted to this call: its topics and rubric "
                                    "can no longer change."))
    with transaction.atomic():
        target = call or Call(programme=programme, status=Call.Status.DRAFT)
        before = snapshot(target, CALL_FIELDS) if call else None
        for name in CALL_FIELDS:
            setattr(target, name, getattr(data, name))
        target.topics = [{k: (str(v) if isinstance(v, Decimal) else v) for k, v in t.items()} for t in data.topics]
        target.rubric = _stored_rubric(data.rubric)
        target.save()
        _record(actor, target, before, CALL_FIELDS)
    return target


@dataclass
class ExpertSetup:
    """An expert of the pool: who, where they work, what they review, and whom they may not review."""

    display_name: str
    employer: Organisation
    id_number: str
    fields: list[str]
    available: bool = True
    max_load: int = 15
    declared_conflicts: list[Organisation] = field(default_factory=list)
    collaborations: list[tuple[Organisation, int]] = field(default_factory=list)
    username: str = ""  # for a new expert: the login to create
    password: str = ""


EXPERT_FIELDS = ("id_number", "fields", "available", "max_load")


def _check_expert(data: ExpertSetup, profile: ExpertProfile | None) -> str:
    if not data.display_name.strip():
        raise ValidationError({"display_name": [_("Give the expert's name.")]})
    if not data.id_number.strip():
        raise ValidationError({"id_number": [_("Give the expert's ID number: conflict checks match on it.")]})
    number = clean_id_number(data.id_number, field="id_number")
    clash = ExpertProfile.objects.filter(id_number=number)
    if profile is not None:
        clash = clash.exclude(pk=profile.pk)
    if clash.exists():
        raise ValidationError({"id_number": [_("Another expert of the pool has this ID number.")]})
    if not data.fields:
        raise ValidationError({"fields": [_("Give at least one field (discipline code) the expert reviews.")]})
    this_year = dt.date.today().year
    for n, (_org, year) in enumerate(data.collaborations, start=1):
        if not 1950 <= year <= this_year:
            raise ValidationError({"collaborations": [_("Collaboration %(n)s: the year %(year)s is not a past year.")
                                                      % {"n": n, "year": year}]})
    return number


def expert_save(*, actor: User, data: ExpertSetup, profile: ExpertProfile | None = None) -> ExpertProfile:
    """Add an expert to the pool (creating the login) or change an expert's profile and declarations."""
    _officer_only(actor, profile or actor, "save expert")
    number = _check_expert(data, profile)
    with transaction.atomic():
        if profile is None:
            if not data.username.strip():
                raise ValidationError({"username": [_("Choose a user name for the expert's login.")]})
            try:
                user = user_create(actor=actor, username=data.username.strip(), password=data.password,
                                   organisation=data.employer, roles=[Role.EXPERT],
                                   display_name=data.display_name.strip())
            except ValidationError as exc:  # the password rules answer without naming the field
                raise exc if hasattr(exc, "error_dict") else ValidationError({"password": exc.messages}) from None
            profile = ExpertProfile(user=user)
            before = None
        else:
            user = profile.user
            before = {**snapshot(profile, EXPERT_FIELDS), "employer": user.organisation_id,
                      "display_name": user.display_name,
                      "declared_conflicts": sorted(profile.declared_conflicts.values_list("pk", flat=True)),
                      "collaborations": sorted(profile.collaborations.values_list("organisation_id", "year"))}
            user.display_name, user.organisation = data.display_name.strip(), data.employer
            user.save(update_fields=["display_name", "organisation"])
        profile.id_number, profile.fields = number, data.fields
        profile.available, profile.max_load = data.available, data.max_load
        profile.save()
        profile.declared_conflicts.set(data.declared_conflicts)
        profile.collaborations.all().delete()
        Collaboration.objects.bulk_create([Collaboration(expert=profile, organisation=org, year=year)
                                           for org, year in data.collaborations])
        after = {**snapshot(profile, EXPERT_FIELDS), "employer": data.employer.pk,
                 "display_name": data.display_name.strip(),
                 "declared_conflicts": sorted(o.pk for o in data.declared_conflicts),
                 "collaborations": sorted((o.pk, y) for o, y in data.collaborations)}
        if before is None:
            audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=profile, changes=diff({}, after))
        elif changes := diff(before, after):
            audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=profile, changes=changes)
    return profile


INTEGRITY_FIELDS = ("subject_kind", "organisation", "person_id_number", "person_name", "severity", "start", "end",
                    "source")


def integrity_record_save(*, actor: User, subject_kind: str, severity: int, start: dt.date, source: str,
                          organisation: Organisation | None = None, person_id_number: str = "",
                          person_name: str = "", end: dt.date | None = None,
                          record: IntegrityRecord | None = None) -> IntegrityRecord:
    """Record (or correct) an integrity record against an organisation or a person, who is matched by ID number."""
    _officer_only(actor, record or actor, "save integrity record")
    if subject_kind == IntegrityRecord.SubjectKind.ORGANISATION:
        if organisation is None:
            raise ValidationError({"organisation": [_("Choose the organisation the record is against.")]})
        person_id_number, person_name = "", ""
    elif subject_kind == IntegrityRecord.SubjectKind.PERSON:
        if not person_id_number.strip() or not person_name.strip():
            raise ValidationError({"person_id_number": [_("Give the person's name and ID number.")]})
        person_id_number = clean_id_number(person_id_number, field="person_id_number")
        organisation = None
    else:
        raise ValidationError({"subject_kind": [
            _("Choose whether the record is against an organisation or a person.")]})
    if end is not None and end < start:
        raise ValidationError({"end": [_("The record cannot end before it starts.")]})
    if not source.strip():
        raise ValidationError({"source": [_("Say where the record comes from (decision, document number).")]})
    with transaction.atomic():
        target = record or IntegrityRecord()
        before = snapshot(target, INTEGRITY_FIELDS) if record else None
        target.subject_kind, target.organisation = subject_kind, organisation
        target.person_id_number, target.person_name = person_id_number, person_name.strip()
        target.severity, target.start, target.end, target.source = severity, start, end, source.strip()
        target.save()
        _record(actor, target, before, INTEGRITY_FIELDS)
    return target
