"""The officer's set-up pages: programmes, calls (topics, rubric, attachments), the expert pool and
integrity records. Thin: forms collect, ``services.setup`` validates and writes, refusals are audited."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kechuang.core.views import paginate
from kechuang.projects import access
from kechuang.projects import forms_setup as f
from kechuang.projects.models import Call, ExpertProfile, IntegrityRecord, Programme
from kechuang.projects.services import setup

PAGE = "projects/setup/"


def _officer(request: HttpRequest, what: str) -> None:
    if not access.is_officer(request.user):
        raise access.refuse(request.user, None, what, "Only programme officers may open this page.")


def _attach(form, exc: ValidationError, formsets: dict[str, object] | None = None) -> None:
    """Put a service's refusal on the field (or the list) it names, else on the form."""
    errors = exc.error_dict if hasattr(exc, "error_dict") else {None: exc.error_list}
    for name, items in errors.items():
        target = (formsets or {}).get(name)
        for item in items:
            message = item.message % item.params if item.params else item.message
            if target is not None:
                target.errors_from_service.append(message)
            elif name in form.fields:
                form.add_error(name, message)
            else:
                form.add_error(None, message)


def _formset(cls, request: HttpRequest, prefix: str, initial: list[dict] | None):
    """A bound formset on POST, else one filled with ``initial``; "add rows" re-shows it with more rows."""
    fs = cls(request.POST or None, prefix=prefix, initial=initial or None)
    if request.method == "POST" and "add_rows" in request.POST:
        data = request.POST.copy()
        data[f"{prefix}-TOTAL_FORMS"] = str(int(data.get(f"{prefix}-TOTAL_FORMS", 0)) + 2)
        fs = cls(data, prefix=prefix)
    fs.errors_from_service = []
    return fs


def _all_valid(request: HttpRequest, form, formsets) -> bool:
    return "add_rows" not in request.POST and all([form.is_valid(), *(fs.is_valid() for fs in formsets)])


@login_required
def programme_list(request: HttpRequest) -> HttpResponse:
    _officer(request, "list programmes")
    programmes = Programme.objects.select_related("department", "officer").annotate(n_calls=Count("calls"))
    calls = Call.objects.select_related("programme").order_by("programme__name", "-year", "-deadline")
    return render(request, PAGE + "programme_list.html", {"programmes": programmes, "calls": calls})


@login_required
def programme_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    _officer(request, "edit programme")
    programme = get_object_or_404(Programme, pk=pk) if pk else None
    form = f.ProgrammeForm(request.POST or None, instance=programme,
                           initial=None if programme else {"officer": request.user})
    if request.method == "POST" and form.is_valid():
        try:
            saved = setup.programme_save(actor=request.user, programme=programme, **{
                n: form.cleaned_data[n] for n in ("name", "category", "department", "officer")})
            messages.success(request, _("Programme saved."))
            return redirect("projects:programme_list") if programme else redirect("projects:call_new", saved.pk)
        except ValidationError as exc:
            _attach(form, exc)
    return render(request, PAGE + "programme_form.html", {"form": form, "programme": programme},
                  status=400 if request.method == "POST" else 200)


@login_required
def call_edit(request: HttpRequest, programme_pk: int | None = None, pk: int | None = None) -> HttpResponse:
    _officer(request, "edit call")
    call = get_object_or_404(Call.objects.select_related("programme"), pk=pk) if pk else None
    programme = call.programme if call else get_object_or_404(Programme, pk=programme_pk)
    form = f.CallForm(request.POST or None, initial=f.CallForm.initial_from(call) if call else None)
    topics = _formset(f.TopicFormSet, request, "topics", [
        {"code": t.get("code"), "title": t.get("title"), "budget": f.in_wan(t.get("budget"))}
        for t in call.topics] if call else None)
    rubric = _formset(f.CriterionFormSet, request, "rubric", call.rubric if call else None)
    attachments = _formset(f.AttachmentFormSet, request, "attachments",
                           [{"name": n} for n in call.required_attachments] if call else None)
    if request.method == "POST" and _all_valid(request, form, (topics, rubric, attachments)):
        d = form.cleaned_data
        data = setup.CallSetup(
            title=d["title"], year=d["year"], opens_at=d["opens_at"], deadline=d["deadline"],
            total_budget=d["total_budget"] * f.WAN,
            per_project_cap=d["per_project_cap"] * f.WAN if d["per_project_cap"] is not None else None,
            topics=[{"code": r["code"].strip(), "title": r["title"].strip(),
                     **({"budget": r["budget"] * f.WAN} if r.get("budget") is not None else {})}
                    for r in f.rows(topics)],
            rubric=[{"code": r["code"].strip(), "label": r["label"].strip(), "max": r["max"]} for r in f.rows(rubric)],
            required_attachments=[r["name"].strip() for r in f.rows(attachments)],
            organisation_types=list(d["organisation_types"]), co_funding_ratio=d["co_funding_ratio"],
            max_open_projects_per_leader=d["max_open_projects_per_leader"],
            requires_recommendation=d["requires_recommendation"], blind=d["blind"],
            experts_per_application=d["experts_per_application"], review_deadline=d["review_deadline"])
        try:
            saved = setup.call_save(actor=request.user, programme=programme, call=call, data=data)
            messages.success(request, _("Call saved. Open it for applications from the call's page when ready."))
            return redirect("projects:call_detail", saved.pk)
        except ValidationError as exc:
            _attach(form, exc, {"topics": topics, "rubric": rubric, "required_attachments": attachments})
    return render(request, PAGE + "call_form.html", {
        "form": form, "call": call, "programme": programme,
        "lists": [(_("Topics"), topics), (_("Review rubric"), rubric), (_("Required attachments"), attachments)]},
        status=400 if request.method == "POST" and "add_rows" not in request.POST else 200)


@login_required
def expert_list(request: HttpRequest) -> HttpResponse:
    _officer(request, "list experts")
    q = request.GET.get("q", "").strip()
    experts = ExpertProfile.objects.select_related("user__organisation").order_by("user__display_name", "pk")
    if q:
        experts = experts.filter(user__display_name__icontains=q) | experts.filter(fields__icontains=q)
    return render(request, PAGE + "expert_list.html", {"page": paginate(request, experts), "q": q})


@login_required
def expert_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    _officer(request, "edit expert")
    profile = get_object_or_404(ExpertProfile.objects.select_related("user"), pk=pk) if pk else None
    initial = {"display_name": profile.user.display_name or profile.user.username,
               "employer": profile.user.organisation_id, "id_number": profile.id_number,
               "available": profile.available, "max_load": profile.max_load} if profile else None
    form = f.ExpertForm(request.POST or None, initial=initial, new=profile is None)
    fields = _formset(f.FieldFormSet, request, "fields", [{"code": c} for c in profile.fields] if profile else None)
    conflicts = _formset(f.ConflictFormSet, request, "conflicts",
                         [{"organisation": o.pk} for o in profile.declared_conflicts.all()] if profile else None)
    collaborations = _formset(f.CollaborationFormSet, request, "collaborations",
                              [{"organisation": c.organisation_id, "year": c.year}
                               for c in profile.collaborations.all()] if profile else None)
    if request.method == "POST" and _all_valid(request, form, (fields, conflicts, collaborations)):
        d = form.cleaned_data
        data = setup.ExpertSetup(
            display_name=d["display_name"], employer=d["employer"], id_number=d["id_number"],
            fields=[r["code"] for r in f.rows(fields)], available=d["available"], max_load=d["max_load"],
            declared_conflicts=[r["organisation"] for r in f.rows(conflicts)],
            collaborations=[(r["organisation"], r["year"]) for r in f.rows(collaborations)],
            username=d.get("username", ""), password=d.get("password", ""))
        try:
            setup.expert_save(actor=request.user, profile=profile, data=data)
            messages.success(request, _("Expert saved."))
            return redirect("projects:expert_list")
        except ValidationError as exc:
            _attach(form, exc, {"fields": fields, "declared_conflicts": conflicts, "collaborations": collaborations})
    return render(request, PAGE + "expert_form.html", {
        "form": form, "profile": profile,
        "lists": [(_("Fields reviewed"), fields), (_("Declared conflicts of interest"), conflicts),
                  (_("Collaborations (conflicts for three years)"), collaborations)]},
        status=400 if request.method == "POST" and "add_rows" not in request.POST else 200)


@login_required
def integrity_list(request: HttpRequest) -> HttpResponse:
    _officer(request, "list integrity records")
    records = IntegrityRecord.objects.select_related("organisation")
    return render(request, PAGE + "integrity_list.html", {"page": paginate(request, records)})


@login_required
def integrity_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    _officer(request, "edit integrity record")
    record = get_object_or_404(IntegrityRecord, pk=pk) if pk else None
    form = f.IntegrityRecordForm(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        try:
            setup.integrity_record_save(actor=request.user, record=record, **form.cleaned_data)
            messages.success(request, _("Integrity record saved."))
            return redirect("projects:integrity_list")
        except ValidationError as exc:
            _attach(form, exc)
    return render(request, PAGE + "integrity_form.html", {"form": form, "record": record},
                  status=400 if request.method == "POST" else 200)
