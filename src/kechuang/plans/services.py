"""Writes of the plans app: importing a parsed document, correcting it, confirming it.

An import is one transaction: every plan of the file, with its outline, targets and responsibilities,
lands whole or not at all.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kechuang.core import search_index
from kechuang.core.actors import actor_of
from kechuang.core.audit import audit_record, diff, refuse, snapshot
from kechuang.core.models import AuditEntry, Organisation, User
from kechuang.plans import parser
from kechuang.plans.models import Item, Responsibility, Target, WorkPlan
from kechuang.plans.permissions import PlanAction, decide_plan
from kechuang.plans.selectors import match_unit_names

TARGET_FIELDS = ("metric", "action", "kind", "comparator", "value", "value_max", "unit", "year", "quote",
                 "firmness", "recurrence", "weight", "item_id")


def ensure_draft(plan: WorkPlan) -> None:
    """Corrections belong to the review; a confirmed plan is carried out (see tracking), not re-edited."""
    if plan.status != WorkPlan.Status.DRAFT:
        raise ValidationError(_("This plan is confirmed; its targets and responsibilities can no longer be "
                                "changed here."))


def ensure_plan_allowed(user: User, action: PlanAction, plan: WorkPlan | None = None) -> None:
    decision = decide_plan(actor_of(user), action)
    if not decision.allowed:
        raise refuse(actor=user, reason=decision.reason, obj=plan, what=action)


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


def plan_import(*, actor: User, document: parser.ParsedDocument, owner: Organisation | None = None
                ) -> list[WorkPlan]:
    """Store every plan of the parsed document as a draft for review; all or nothing."""
    ensure_plan_allowed(actor, PlanAction.IMPORT)
    names = {name for p in document.plans for n in p.nodes() if n.responsibility
             for name in (*n.responsibility.lead, *n.responsibility.support)}
    matches = match_unit_names(names)
    stored: list[WorkPlan] = []
    with transaction.atomic():
        for parsed in document.plans:
            plan = WorkPlan.objects.create(
                title=parsed.title[:300] or document.filename or _("Untitled plan"),
                issuer=parsed.issuer[:200], year=parsed.year,
                period_start=parsed.period[0] if parsed.period else parsed.year,
                period_end=parsed.period[1] if parsed.period else parsed.year,
                preamble=parsed.preamble, source_name=document.filename[:255], source_format=document.format,
                source_text=document.text, owner=owner or (actor.organisation if actor.organisation_id else None),
                created_by=actor,
            )
            _store_outline(plan, parsed, matches)
            search_index.index_objects("plan", [plan])
            audit_record(actor=actor, action=AuditEntry.Action.CREATE, obj=plan,
                         changes={"source": [None, document.filename], "targets": [None, plan.targets.count()]},
                         reason=_("Imported from a document"))
            stored.append(plan)
    return stored


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
        org_id = None if role == Responsibility.Role.PERSON else match_unit_names([name])[name]
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


def plan_confirm(*, actor: User, plan: WorkPlan) -> WorkPlan:
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
    return plan


def plan_discard(*, actor: User, plan: WorkPlan) -> None:
    """Throw away a draft import (a confirmed plan is kept)."""
    ensure_plan_allowed(actor, PlanAction.EDIT, plan)
    if plan.status != WorkPlan.Status.DRAFT:
        raise ValidationError(_("Only a draft can be discarded."))
    with transaction.atomic():
        audit_record(actor=actor, action=AuditEntry.Action.DELETE, obj=plan, reason=_("Draft discarded"))
        search_index.unindex("plan", [plan.pk])
        plan.delete()


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
        ).exclude(role=Responsibility.Role.PERSON).select_related("item"))
        Responsibility.objects.filter(pk__in=[r.pk for r in rows]).update(organisation=organisation)
        for item in {r.item_id: r.item for r in rows}.values():
            audit_record(actor=actor, action=AuditEntry.Action.UPDATE, obj=item,
                         changes={"responsibility.organisation": [entry.name, organisation.name]},
                         reason=_("Matched by hand in review"))
    return len(rows)
