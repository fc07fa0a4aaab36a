"""Web views of the plans app: list (with bulk discard), import and its progress, review (source beside
outline), detail."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kechuang.core.actors import actor_of
from kechuang.plans import selectors, services
from kechuang.plans.forms import ImportForm, ResponsibilityForm, TargetForm
from kechuang.plans.highlight import locate
from kechuang.plans.models import ImportJob, Item, Responsibility, Target, WorkPlan
from kechuang.plans.permissions import PlanAction, decide_plan
from kechuang.tracking.permissions import TrackingAction, decide_tracking


def _plan(request: HttpRequest, pk: int, action: PlanAction = PlanAction.VIEW) -> WorkPlan:
    plan = get_object_or_404(WorkPlan, pk=pk)
    services.ensure_plan_allowed(request.user, action, plan)
    return plan


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    services.ensure_plan_allowed(request.user, PlanAction.VIEW)
    q, status, year = request.GET.get("q", "").strip(), request.GET.get("status", ""), request.GET.get("year", "")
    page = Paginator(selectors.plan_list(request.user, q=q, status=status, year=year), 25).get_page(
        request.GET.get("page"))
    actor = actor_of(request.user)
    return render(request, "plans/plan_list.html", {
        "page": page, "q": q, "status": status, "year": year, "statuses": WorkPlan.Status.choices,
        "can_import": decide_plan(actor, PlanAction.IMPORT).allowed,
        "can_discard": decide_plan(actor, PlanAction.EDIT).allowed,
    })


@login_required
@require_POST
def plans_discard(request: HttpRequest) -> HttpResponse:
    """Discard the drafts ticked on the list: first a page naming them, then (confirmed) one service call."""
    services.ensure_plan_allowed(request.user, PlanAction.EDIT)
    ids = sorted({int(v) for v in request.POST.getlist("plan") if v.isdigit()})
    if not ids:
        messages.error(request, _("Select the drafts to discard."))
        return redirect("plans:plan_list")
    if request.POST.get("confirmed") != "yes":
        plans = selectors.visible_plans(request.user).filter(pk__in=ids).only(*selectors.LIST_FIELDS)
        return render(request, "plans/plans_discard.html", {"plans": plans})
    try:
        n = services.plans_discard(actor=request.user, plan_ids=ids)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, ngettext("%(n)d draft discarded.", "%(n)d drafts discarded.", n) % {"n": n})
    return redirect("plans:plan_list")


@login_required
def plan_import(request: HttpRequest) -> HttpResponse:
    services.ensure_plan_allowed(request.user, PlanAction.IMPORT)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = services.import_job_submit(actor=request.user, upload=upload or None,
                                         text="" if upload else form.cleaned_data["text"])
        if not job.finished:
            return redirect("plans:import_job", pk=job.pk)
        if job.status == ImportJob.Status.DONE:
            return _after_import(request, job)
        form.add_error("file" if upload else "text", job.message)
    return render(request, "plans/plan_import.html", {"form": form, "limits": services.import_limits()},
                  status=400 if request.method == "POST" else 200)


def _after_import(request: HttpRequest, job: ImportJob) -> HttpResponse:
    if len(job.plan_ids) > 1:
        messages.info(request, _("The document holds %(n)d plans; each is a draft to review.")
                      % {"n": len(job.plan_ids)})
    return redirect("plans:plan_review", pk=job.plan_ids[0])


@login_required
def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    """The uploader watches a background import; htmx asks again every second until it is finished."""
    job = get_object_or_404(ImportJob, pk=pk, created_by=request.user)
    if request.headers.get("HX-Request"):
        if job.status == ImportJob.Status.DONE:
            response = HttpResponse("")
            response["HX-Redirect"] = reverse("plans:plan_review", args=[job.plan_ids[0]])
            if len(job.plan_ids) > 1:
                messages.info(request, _("The document holds %(n)d plans; each is a draft to review.")
                              % {"n": len(job.plan_ids)})
            return response
        return render(request, "plans/_import_progress.html", {"job": job})
    return render(request, "plans/import_job.html", {"job": job})


@login_required
def plan_review(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    roots, preamble = selectors.plan_outline(plan)
    targets = [*preamble, *(t for entry in _walk(roots) for t in entry.targets)]
    segments = locate(selectors.plan_source_text(plan), [(t.pk, t.evidence, t.quote) for t in targets])
    return render(request, "plans/plan_review.html", {
        "plan": plan, "roots": roots, "preamble": preamble, "segments": segments, "n_targets": len(targets),
        "can_edit": plan.status == WorkPlan.Status.DRAFT and decide_plan(actor_of(request.user),
                                                                         PlanAction.EDIT).allowed,
        "new_target_form": TargetForm(initial={"weight": 1.0, "firmness": "plain"}),
        "responsibility_form": ResponsibilityForm(),
        "unit_options": selectors.government_units(),
    })


def _back_to_item(plan_pk: int, item_pk: int) -> HttpResponse:
    return redirect(reverse("plans:plan_review", args=[plan_pk]) + f"#item-{item_pk}")


def _walk(entries):
    for entry in entries:
        yield entry
        yield from _walk(entry.children)


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    roots, preamble = selectors.plan_outline(plan)
    return render(request, "plans/plan_detail.html", {
        "plan": plan, "roots": roots, "preamble": preamble,
        "tasks": selectors.responsibility_table(roots),
        "can_edit": decide_plan(actor_of(request.user), PlanAction.EDIT).allowed,
        "can_track": decide_tracking(actor_of(request.user), TrackingAction.VIEW_ALL).allowed,
    })


@login_required
@require_POST
def plan_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk, PlanAction.CONFIRM)
    try:
        services.plan_confirm(actor=request.user, plan=plan)
        messages.success(request, _("The plan is confirmed and saved."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("plans:plan_detail", pk=plan.pk)


@login_required
@require_POST
def plan_discard(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk, PlanAction.EDIT)
    try:
        services.plan_discard(actor=request.user, plan=plan)
        messages.success(request, _("The draft was discarded."))
        return redirect("plans:plan_list")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("plans:plan_detail", pk=plan.pk)


@login_required
def target_edit(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_object_or_404(Target.objects.select_related("plan"), pk=pk)
    services.ensure_plan_allowed(request.user, PlanAction.EDIT, target.plan)
    form = TargetForm(request.POST or None, initial=TargetForm.initial_from(target), prefix=f"t{target.pk}")
    if request.method == "POST" and form.is_valid():
        try:
            services.target_update(actor=request.user, target=target,
                                   data=form.to_input(item_id=target.item_id, quote=target.quote,
                                                      recurrence=target.recurrence),
                                   reason=_("Corrected in review"))
            return render(request, "plans/_target_row.html", {"t": target, "can_edit": True})
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
    return render(request, "plans/_target_form.html", {"form": form, "target": target},
                  status=400 if request.method == "POST" else 200)


@login_required
def target_row(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_object_or_404(Target.objects.select_related("plan"), pk=pk)
    services.ensure_plan_allowed(request.user, PlanAction.VIEW, target.plan)
    return render(request, "plans/_target_row.html", {
        "t": target, "can_edit": decide_plan(actor_of(request.user), PlanAction.EDIT).allowed})


@login_required
@require_POST
def target_delete(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_object_or_404(Target.objects.select_related("plan"), pk=pk)
    plan_pk = target.plan_id
    try:
        services.target_delete(actor=request.user, target=target, reason=_("Removed in review"))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("plans:plan_review", pk=plan_pk)
    if request.headers.get("HX-Request"):
        return HttpResponse("")
    return redirect("plans:plan_review", pk=plan_pk)


@login_required
@require_POST
def target_add(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Item.objects.select_related("plan"), pk=pk)
    form = TargetForm(request.POST)
    if form.is_valid():
        try:
            services.target_create(actor=request.user, plan=item.plan, data=form.to_input(item_id=item.pk))
            messages.success(request, _("Target added."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        services.ensure_plan_allowed(request.user, PlanAction.EDIT, item.plan)
        messages.error(request, _("The target was not added: %(errors)s")
                       % {"errors": "; ".join(f"{form.fields[f].label}: {' '.join(e)}" for f, e in form.errors.items()
                                             if f in form.fields)})
    return _back_to_item(item.plan_id, item.pk)


@login_required
@require_POST
def responsibility_add(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Item.objects.select_related("plan"), pk=pk)
    form = ResponsibilityForm(request.POST)
    services.ensure_plan_allowed(request.user, PlanAction.EDIT, item.plan)
    if form.is_valid():
        try:
            services.responsibility_add(actor=request.user, item=item, role=form.cleaned_data["role"],
                                        name=form.cleaned_data["name"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        messages.error(request, _("Enter a name and choose its role."))
    return _back_to_item(item.plan_id, item.pk)


@login_required
@require_POST
def responsibility_remove(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(Responsibility.objects.select_related("item__plan"), pk=pk)
    plan_pk, item_pk = entry.item.plan_id, entry.item_id
    try:
        services.responsibility_remove(actor=request.user, entry=entry)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return _back_to_item(plan_pk, item_pk)


@login_required
@require_POST
def responsibility_match(request: HttpRequest, pk: int) -> HttpResponse:
    """Match an unmatched unit name by hand; the name is remembered as the organisation's alias."""
    entry = get_object_or_404(Responsibility.objects.select_related("item__plan"), pk=pk)
    services.ensure_plan_allowed(request.user, PlanAction.EDIT, entry.item.plan)
    organisation = selectors.government_units().filter(pk=request.POST.get("organisation") or 0).first()
    if organisation is None:
        messages.error(request, _("Choose the organisation “%(name)s” stands for.") % {"name": entry.name})
    else:
        try:
            n = services.responsibility_match(actor=request.user, entry=entry, organisation=organisation)
            messages.success(request, _("“%(name)s” matched to %(org)s on %(n)d rows and remembered as its alias.")
                             % {"name": entry.name, "org": organisation.name, "n": n})
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    return _back_to_item(entry.item.plan_id, entry.item_id)
