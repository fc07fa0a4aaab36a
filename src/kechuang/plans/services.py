"""Writes of the plans app: importing a parsed document, correcting it, confirming it.

An import is one transaction: every plan of the file, with its outline, targets and responsibilities,
lands whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import uuid
from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kechuang.core import search_index
from kechuang.core.actors import actor_of
from kechuang.core.audit import audit_record, diff, refuse, snapshot
from kechuang.core.models import AuditEntry, Organisation, User
from kechuang.i18n import gettext_noop
from kechuang.plans import parser, selectors
from kechuang.plans.limits import Breach, ImportLimits
from kechuang.plans.models import ImportJob, Item, Responsibility, SourceDocument, Target, WorkPlan
from kechuang.plans.permissions import PlanAction, decide_plan

logger = logging.getLogger(__name__)

TARGET_FIELDS = ("metric", "action", "kind", "comparator", "value", "value_max", "unit", "year", "quote",
                 "firmness", "recurrence", "weight", "item_id")


def ensure_draft(plan: WorkPlan) -> None:
    """Corrections belong to the review; a confirmed plan is carried out (see tracking), not re-edited."""
    if plan.status != WorkPlan.Status.DRAFT:
        raise ValidationError(_("This plan is confirmed; its targets and responsibilities can no longer be "
                                "changed here."))


OUT_OF_SCOPE = gettext_noop("This plan belongs to another region and gives your unit no task.")


def ensure_plan_allowed(user: User, action: PlanAction, plan: WorkPlan | None = None) -> None:
    """The role answers first; a given plan must also be within the user's scope (region or tasks)."""
    decision = decide_plan(actor_of(user), action)
    if not decision.allowed:
        raise refuse(actor=user, reason=decision.reason, obj=plan, what=action)
    if plan is not None and plan.pk and not selectors.is_visible(user, plan):
        raise refuse(actor=user, reason=OUT_OF_SCOPE, obj=plan, what=action)


def parse_error_message(exc: parser.ParseError) -> str:
    """The parser's English message, translated for the user."""
    return _(exc.template).format(filename=exc.filename or _("the document"),
                                 detail=_(exc.detail) if exc.detail else "")


def parse_upload(*, data: bytes, filename: str) -> parser.ParsedDocument:
    """Parse an uploaded file; raises ValidationError with the parser's explanation. Touches no data."""
    try:
        return parser.parse_document(data, filename)
    except parser.ParseError as exc:
        raise ValidationError(parse_error_message(exc)) from exc


def parse_pasted(*, text: str) -> parser.ParsedDocument:
    try:
        return parser.parse_text(text, "")
    except parser.ParseError as exc:
        raise ValidationError(parse_error_message(exc)) from exc


def import_limits() -> ImportLimits:
    return ImportLimits(max_bytes=settings.PLAN_IMPORT_MAX_BYTES, max_plans=settings.PLAN_IMPORT_MAX_PLANS,
                        max_chars=settings.PLAN_IMPORT_MAX_CHARS,
                        background_bytes=settings.PLAN_IMPORT_BACKGROUND_BYTES)


def breach_message(breach: Breach) -> str:
    return _(breach.template) % breach.params


def _document_for(*, actor: User, document: parser.ParsedDocument, data: bytes | None) -> SourceDocument:
    """The one stored copy of the upload's text; the same file imported again reuses its record."""
    raw = data if data is not None else document.text.encode("utf-8")
    digest = hashlib.sha256(raw).hexdigest()
    found = (SourceDocument.objects.filter(sha256=digest, size=len(raw)).only("pk", "filename", "format")
             .first())
    if found is not None:
        return found
    return SourceDocument.objects.create(filename=document.filename[:255], format=document.format, size=len(raw),
                                         sha256=digest, text=document.text, uploaded_by=actor)


def _plan_spans(text: str, plans: list[parser.WorkPlan]) -> list[tuple[int, int | None]]:
    """Where each plan of a multi-plan file starts and ends in its text, so the review page shows that
    plan's part only. The first plan starts at 0 (the issuer's header belongs to it). A later plan is
    looked for after the previous plan's first heading, because a notice often quotes the title of the
    plan it carries ("关于印发《…》的通知") before the plan itself begins; a plan whose title cannot be found
    shares the previous plan's part rather than losing its text."""
    starts, floor = [0], 0
    for previous, plan in pairwise(plans):
        first_heading = next((n.heading for n in previous.outline[:1] if n.heading), "")
        at = text.find(first_heading, floor) if first_heading else -1
        floor = max(floor, at + 1, starts[-1] + 1)
        anchors = [a for a in (plan.title, *(n.heading for n in plan.outline[:1])) if a]
        found = [at for at in (text.find(a, floor) for a in anchors) if at > 0]
        starts.append(min(found) if found else starts[-1])
    spans: list[tuple[int, int | None]] = []
    for i, start in enumerate(starts):
        end = next((s for s in starts[i + 1:] if s > start), None)
        spans.append((start, end))
    return spans


def plan_import(*, actor: User, document: parser.ParsedDocument, owner: Organisation | None = None,
                data: bytes | None = None) -> list[WorkPlan]:
    """Store every plan of the parsed document as a draft for review; all or nothing.

    The document's text is stored once (``data`` are the uploaded bytes, hashed to recognise the same file
    again); each plan points into it. A document past the limits is refused before anything is written.
    """
    ensure_plan_allowed(actor, PlanAction.IMPORT)
    breach = import_limits().check_content(document.filename or _("the pasted text"), len(document.text),
                                           len(document.plans))
    if breach is not None:
        raise ValidationError(breach_message(breach), code="limit")
    names = {name for p in document.plans for n in p.nodes() if n.responsibility
             for name in (*n.responsibility.lead, *n.responsibility.support)}
    matches = selectors.match_unit_names(names)
    stored: list[WorkPlan] = []
    spans = _plan_spans(document.text, document.plans)
    with transaction.atomic():
        source = _document_for(actor=actor, document=document, data=data)
        for parsed, (start, end) in zip(document.plans, spans, strict=True):
            plan = WorkPlan.objects.create(
                title=parsed.title[:300] or document.filename or _("Untitled plan"),
                issuer=parsed.issuer[:200], year=parsed.year,
                period_start=parsed.period[0] if parsed.period else parsed.year,
                period_end=parsed.period[1] if parsed.period else parsed.year,
                preamble=parsed.preamble, source_name=document.filename[:255], document=source,
                source_start=start, source_end=end,
                owner=owner or (actor.organisation if actor.organisation_id else None), created_by=actor,
            )
            _store_outline(plan, parsed, matches)
            search_index.index_objects("plan", [plan])
            audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=plan,
                         changes={"source": [None, document.filename], "targets": [None, plan.targets.count()]},
                         reason=_("Imported from a document"))
            stored.append(plan)
    return stored


# --- import jobs: the web's way in (small files at once, large ones in the background) ----------------


def import_job_submit(*, actor: User, upload: File | None = None, text: str = "") -> ImportJob:
    """Take an upload (or pasted text) in: refuse it if too large, read it now if small, else queue it.

    Returns the job; its status says what happened (done, refused or failed with a message, or queued
    for the task worker). Nothing but the job record is written unless the import succeeds.
    """
    ensure_plan_allowed(actor, PlanAction.IMPORT)
    limits = import_limits()
    name = upload.name if upload is not None else ""
    size = upload.size if upload is not None else len(text.encode("utf-8"))
    job = ImportJob.objects.create(filename=(name or "")[:255], size=size, created_by=actor,
                                   language=translation.get_language() or settings.LANGUAGE_CODE,
                                   background=limits.in_background(size))
    audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=job, changes={"size": [None, size]},
                 reason=_("Upload received"))
    breach = limits.check_size(name or _("the pasted text"), size)
    if breach is not None:
        return _job_finish(job, ImportJob.Status.REFUSED, breach_message(breach))
    data = upload.read() if upload is not None else text.encode("utf-8")
    if not job.background:
        return import_job_run(job=job, data=data)
    job.upload = default_storage.save(f"plan-imports/{job.pk}-{uuid.uuid4().hex}", ContentFile(data))
    job.save(update_fields=["upload"])
    from kechuang.plans.tasks import run_import_job

    transaction.on_commit(lambda: run_import_job.enqueue(job.pk))
    return job


def import_job_run(*, job: ImportJob, data: bytes) -> ImportJob:
    """Read and store one job's document, moving its status along so the uploader sees progress.

    The plans are written in one transaction at the end (see :func:`plan_import`): a refusal or a failure
    leaves the database as it was, and the job says why in the uploader's language.
    """
    if job.finished:
        return job  # a retried task must not import the same file twice
    actor = job.created_by
    with translation.override(job.language or settings.LANGUAGE_CODE):
        try:
            _job_stage(job, ImportJob.Status.READING, 10)
            document = (parse_upload(data=data, filename=job.filename) if job.filename
                        else parse_pasted(text=data.decode("utf-8")))
            breach = import_limits().check_content(job.filename or _("the pasted text"), len(document.text),
                                                   len(document.plans))
            if breach is not None:
                return _job_finish(job, ImportJob.Status.REFUSED, breach_message(breach), n_plans=len(document.plans))
            _job_stage(job, ImportJob.Status.STORING, 60, n_plans=len(document.plans))
            plans = plan_import(actor=actor, document=document, data=data if job.filename else None)
        except ValidationError as exc:
            status = ImportJob.Status.REFUSED if getattr(exc, "code", "") == "limit" else ImportJob.Status.FAILED
            return _job_finish(job, status, " ".join(exc.messages))
        except PermissionDenied as exc:
            return _job_finish(job, ImportJob.Status.REFUSED, str(exc))
        except Exception:
            logger.exception("plan import job %s failed", job.pk)
            return _job_finish(job, ImportJob.Status.FAILED,
                               _("The document could not be imported because of an error on the server; nothing "
                                 "was saved. Try again later or ask the administrator to look at the log."))
        finally:
            _drop_upload(job)
        return _job_finish(job, ImportJob.Status.DONE,
                           ngettext("%(n)d plan imported as a draft.", "%(n)d plans imported as drafts.",
                                    len(plans)) % {"n": len(plans)},
                           plan_ids=[p.pk for p in plans], document_id=plans[0].document_id if plans else None)


def _job_stage(job: ImportJob, status: str, progress: int, **fields: object) -> None:
    for key, value in fields.items():
        setattr(job, key, value)
    job.status, job.progress = status, progress
    job.save(update_fields=["status", "progress", *fields])


def _job_finish(job: ImportJob, status: str, message: str, **fields: object) -> ImportJob:
    """Close the job with its outcome, audited (a refusal names the limit and what to do)."""
    before = job.status
    for key, value in fields.items():
        setattr(job, key, value)
    job.status, job.message, job.finished_at = status, message, timezone.now()
    job.progress = 100 if status == ImportJob.Status.DONE else job.progress
    job.save()
    audit_record(actor=job.created_by, action=AuditEntry.Action.TRANSITION, obj=job,
                 changes={"status": [before, status]}, reason=message)
    return job


def _drop_upload(job: ImportJob) -> None:
    if job.upload:
        default_storage.delete(job.upload)
        job.upload = ""
        ImportJob.objects.filter(pk=job.pk).update(upload="")


def _store_outline(plan: WorkPlan, parsed: parser.WorkPlan, matches: dict[str, int | None]) -> None:
    """Save the outline depth by depth (a parent needs its id before its children), then targets and names."""
    by_depth: dict[int, list[tuple[parser.OutlineNode, parser.OutlineNode | None]]] = defaultdict(list)
    order: dict[int, int] = {}

    def visit(node: parser.OutlineNode, parent: parser.OutlineNode | None, depth: int) -> None:
        order[id(node)] = len(order)
        by_depth[depth].append((node, parent))
        for child in node.children:
            visit(child, node, depth + 1)

    for root in parsed.outline:
        visit(root, None, 0)
    saved: dict[int, Item] = {}
    for depth in sorted(by_depth):
        rows = [Item(plan=plan, parent=saved[id(parent)] if parent is not None else None, kind=node.kind,
                     level=node.level, position=order[id(node)], number=node.number[:40], heading=node.heading,
                     body=node.body, deadline=(node.responsibility.deadline if node.responsibility else "")[:100])
                for node, parent in by_depth[depth]]
        for (node, _parent), item in zip(by_depth[depth], Item.objects.bulk_create(rows), strict=True):
            saved[id(node)] = item
    targets: list[Target] = [_target(plan, None, t, i) for i, t in enumerate(parsed.targets)]
    names: list[Responsibility] = []
    for node in parsed.nodes():
        item = saved[id(node)]
        targets += [_target(plan, item, t, len(targets) + i) for i, t in enumerate(node.targets)]
        if node.responsibility:
            for role, values in ((Responsibility.Role.PERSON, node.responsibility.persons),
                                 (Responsibility.Role.LEAD, node.responsibility.lead),
                                 (Responsibility.Role.SUPPORT, node.responsibility.support)):
                names += [Responsibility(item=item, role=role, name=name[:200], position=i,
                                         organisation_id=matches.get(name) if role != Responsibility.Role.PERSON
                                         else None)
                          for i, name in enumerate(values)]
    Target.objects.bulk_create(targets, batch_size=500)
    Responsibility.objects.bulk_create(names, batch_size=500)


def _target(plan: WorkPlan, item: Item | None, t: parser.Target, position: int) -> Target:
    return Target(plan=plan, item=item, position=position, metric=t.metric[:200], action=t.action[:40],
                  kind=t.kind, comparator=t.comparator, value=t.value, value_max=t.value_max, unit=t.unit[:30],
                  year=t.year, quote=t.quote, evidence=t.evidence[:300], firmness=t.firmness,
                  recurrence=t.recurrence)


@dataclass
class TargetInput:
    metric: str
    kind: str
    comparator: str
    value: float
    unit: str
    action: str = ""
    value_max: float | None = None
    year: int | None = None
    quote: str = ""
    firmness: str = "plain"
    recurrence: str = "once"
    weight: float = 1.0
    item_id: int | None = None


def _clean_target(plan: WorkPlan, data: TargetInput) -> dict[str, object]:
    errors: dict[str, list[str]] = {}
    if not data.metric.strip():
        errors["metric"] = [_("Name the indicator the target measures.")]
    if data.kind not in Target.Kind.values:
        errors["kind"] = [_("Choose amount, level or growth.")]
    if data.comparator not in Target.Comparator.values:
        errors["comparator"] = [_("Unknown comparator %(c)s.") % {"c": data.comparator}]
    if data.comparator == Target.Comparator.RANGE and (data.value_max is None or data.value_max < data.value):
        errors["value_max"] = [_("A range needs an upper value at least as large as the value.")]
    if data.weight < 0:
        errors["weight"] = [_("A weight cannot be negative.")]
    if data.item_id is not None and not plan.items.filter(pk=data.item_id).exists():
        errors["item"] = [_("The item does not belong to this plan.")]
    if errors:
        raise ValidationError(errors)
    return {"metric": data.metric.strip()[:200], "action": data.action.strip()[:40], "kind": data.kind,
            "comparator": data.comparator, "value": data.value,
            "value_max": data.value_max if data.comparator == Target.Comparator.RANGE else None,
            "unit": data.unit.strip()[:30], "year": data.year, "quote": data.quote, "firmness": data.firmness,
            "recurrence": data.recurrence, "weight": data.weight, "item_id": data.item_id}


def target_create(*, actor: User, plan: WorkPlan, data: TargetInput) -> Target:
    ensure_plan_allowed(actor, PlanAction.EDIT, plan)
    ensure_draft(plan)
    with transaction.atomic():
        values = _clean_target(plan, data)
        position = (plan.targets.order_by("-position").values_list("position", flat=True).first() or 0) + 1
        target = Target.objects.create(plan=plan, position=position, **values)
        audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=target,
                     changes=diff({}, snapshot(target, TARGET_FIELDS)), reason=_("Added in review"))
    return target


def target_update(*, actor: User, target: Target, data: TargetInput, reason: str = "") -> Target:
    ensure_plan_allowed(actor, PlanAction.EDIT, target.plan)
    ensure_draft(target.plan)
    with transaction.atomic():
        values = _clean_target(target.plan, data)
        before = snapshot(target, TARGET_FIELDS)
        for field, value in values.items():
            setattr(target, field, value)
        changes = diff(before, snapshot(target, TARGET_FIELDS))
        if changes:
            target.save()
            audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=target, changes=changes, reason=reason)
    return target


def target_delete(*, actor: User, target: Target, reason: str = "") -> None:
    ensure_plan_allowed(actor, PlanAction.EDIT, target.plan)
    ensure_draft(target.plan)
    with transaction.atomic():
        audit_record(actor=actor, action=AuditEntry.Action.DELETE, obj=target,
                     changes=diff(snapshot(target, TARGET_FIELDS), {}), reason=reason)
        target.delete()


def responsibility_add(*, actor: User, item: Item, role: str, name: str) -> Responsibility:
    ensure_plan_allowed(actor, PlanAction.EDIT, item.plan)
    ensure_draft(item.plan)
    name = name.strip()
    if not name:
        raise ValidationError({"name": [_("Enter a person or unit name.")]})
    if role not in Responsibility.Role.values:
        raise ValidationError({"role": [_("Choose person, lead unit or supporting unit.")]})
    with transaction.atomic():
        org_id = None if role == Responsibility.Role.PERSON else selectors.match_unit_names([name])[name]
        position = item.responsibilities.filter(role=role).count()
        entry = Responsibility.objects.create(item=item, role=role, name=name[:200], organisation_id=org_id,
                                              position=position)
        audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=item,
                     changes={f"responsibility.{role}": [None, name]}, reason=_("Added in review"))
    return entry


def responsibility_remove(*, actor: User, entry: Responsibility) -> None:
    ensure_plan_allowed(actor, PlanAction.EDIT, entry.item.plan)
    ensure_draft(entry.item.plan)
    with transaction.atomic():
        audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=entry.item,
                     changes={f"responsibility.{entry.role}": [entry.name, None]}, reason=_("Removed in review"))
        entry.delete()


def plan_confirm(*, actor: User, plan: WorkPlan, today: dt.date | None = None) -> WorkPlan:
    """Confirm a reviewed draft and hand it to tracking at once: every target whose item names a matched
    lead unit is assigned (the rest wait on the tracking page), so the plan shows on the tracking pages the
    moment it is confirmed. ``today`` dates the assignments' default periods."""
    from kechuang.tracking.services import assignments_prefill

    ensure_plan_allowed(actor, PlanAction.CONFIRM, plan)
    if plan.status == WorkPlan.Status.CONFIRMED:
        raise ValidationError(_("This plan is already confirmed."))
    with transaction.atomic():
        plan.status = WorkPlan.Status.CONFIRMED
        plan.confirmed_at = timezone.now()
        plan.save(update_fields=["status", "confirmed_at"])
        audit_record(actor=actor, action=AuditEntry.Action.TRANSITION, obj=plan,
                     changes={"status": [WorkPlan.Status.DRAFT, WorkPlan.Status.CONFIRMED]},
                     reason=_("Reviewed and confirmed"))
        assignments_prefill(actor=actor, plan=plan, today=today)
    return plan


def plans_discard(*, actor: User, plan_ids: list[int]) -> int:
    """Throw away many drafts at once (a planner cleaning up after a bad import); all or nothing.

    Every plan must be a draft the actor may edit; a confirmed plan in the selection refuses the whole
    request, naming it. Documents no plan points to any more are deleted with them. Returns the count.
    """
    ensure_plan_allowed(actor, PlanAction.EDIT)
    plans = list(selectors.visible_plans(actor).filter(pk__in=plan_ids).only("pk", "title", "status", "document_id"))
    missing = set(plan_ids) - {p.pk for p in plans}
    if missing:
        raise refuse(actor=actor, reason=OUT_OF_SCOPE, what=f"{PlanAction.EDIT} {sorted(missing)}")
    confirmed = [p.title for p in plans if p.status != WorkPlan.Status.DRAFT]
    if confirmed:
        raise ValidationError(_("Only drafts can be discarded; these plans are confirmed: %(titles)s.")
                              % {"titles": "、".join(confirmed)})
    if not plans:
        raise ValidationError(_("Select the drafts to discard."))
    documents = {p.document_id for p in plans if p.document_id}
    with transaction.atomic():
        for plan in plans:
            audit_record(actor=actor, action=AuditEntry.Action.DELETE, obj=plan, reason=_("Draft discarded"))
        WorkPlan.objects.filter(pk__in=[p.pk for p in plans]).delete()
        search_index.unindex("plan", [p.pk for p in plans])
        _drop_orphan_documents(documents)
    return len(plans)


def plan_discard(*, actor: User, plan: WorkPlan) -> None:
    """Throw away one draft import (a confirmed plan is kept)."""
    ensure_plan_allowed(actor, PlanAction.EDIT, plan)
    if plan.status != WorkPlan.Status.DRAFT:
        raise ValidationError(_("Only a draft can be discarded."))
    plans_discard(actor=actor, plan_ids=[plan.pk])


def responsibility_match(*, actor: User, entry: Responsibility, organisation: Organisation) -> int:
    """Match an unmatched unit name to an organisation by hand, and remember the name as its alias.

    The same name on the other unmatched rows of draft plans is matched too, so a planner chooses once per
    name, and later imports recognise it. Returns how many rows were matched.
    """
    from kechuang.core.models import OrganisationAlias
    from kechuang.core.roles import GOVERNMENT_KINDS

    ensure_plan_allowed(actor, PlanAction.EDIT, entry.item.plan)
    ensure_draft(entry.item.plan)
    if entry.role == Responsibility.Role.PERSON or organisation.kind not in GOVERNMENT_KINDS:
        raise ValidationError({"organisation": [_("Choose a government unit for a lead or supporting unit.")]})
    text = "".join(entry.name.split())[:200]
    taken = OrganisationAlias.objects.filter(text=text).exclude(organisation=organisation).first()
    if taken is not None:
        raise ValidationError({"organisation": [_("The alias “%(text)s” already stands for %(org)s.")
                                                % {"text": text, "org": taken.organisation.name}]})
    with transaction.atomic():
        if text not in {organisation.name, organisation.short_name} and not taken:
            OrganisationAlias.objects.get_or_create(text=text, defaults={"organisation": organisation})
        rows = list(Responsibility.objects.filter(
            name=entry.name, organisation__isnull=True, item__plan__status=WorkPlan.Status.DRAFT,
            item__plan__in=selectors.visible_plans(actor),
        ).exclude(role=Responsibility.Role.PERSON).select_related("item"))
        Responsibility.objects.filter(pk__in=[r.pk for r in rows]).update(organisation=organisation)
        for item in {r.item_id: r.item for r in rows}.values():
            audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=item,
                         changes={"responsibility.organisation": [entry.name, organisation.name]},
                         reason=_("Matched by hand in review"))
    return len(rows)


def _drop_orphan_documents(document_ids: set[int]) -> None:
    """A document no plan points to is only weight: its plans were discarded."""
    SourceDocument.objects.filter(pk__in=document_ids, plans__isnull=True).delete()
