"""Web pages of the programme cycle: thin; they read through selectors and write through services."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kechuang.core.audit_display import readable
from kechuang.core.models import Organisation, User
from kechuang.core.roles import Role
from kechuang.core.transitions import step_from_request, workflow_actions
from kechuang.core.views import paginate
from kechuang.i18n import gettext_noop
from kechuang.projects import access, exports, selectors
from kechuang.projects.checks import problem_text, submission_deadline
from kechuang.projects.domain.workflow import APPLICATION_LIFECYCLE
from kechuang.projects.flows import WORKFLOW, state_label
from kechuang.projects.formatting import local_datetime, translated
from kechuang.projects.forms import (
    SECTION_FORMS,
    SECTIONS,
    ChangeRequestForm,
    DocumentForm,
    ReviewForm,
)
from kechuang.projects.kpis import compare_kpis, share_met
from kechuang.projects.models import STATE_CHOICES, Application, Call, ChangeRequest
from kechuang.projects.services import applications as app_svc
from kechuang.projects.services import award, execution, review


def _officer(request: HttpRequest, obj) -> None:
    if not access.is_officer(request.user):
        raise access.refuse(request.user, obj, "open officer page", "Only programme officers may open this page.")


def _application(request: HttpRequest, pk: int) -> Application:
    app = get_object_or_404(Application.objects.select_related("call__programme", "organisation__region"), pk=pk)
    access.ensure(request.user, access.may_view(request.user, app), app, "view application")
    return app


def _report_errors(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


@login_required
def call_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    calls = selectors.visible_calls(request.user)
    if status:
        calls = calls.filter(status=status)
    return render(request, "projects/call_list.html", {
        "page": paginate(request, calls.order_by("programme__name", "-deadline")), "status": status,
        "statuses": Call.Status.choices, "is_officer": access.is_officer(request.user),
        "can_apply": Role.ENTERPRISE_USER in access.roles_of(request.user)})


@login_required
def call_detail(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(selectors.visible_calls(request.user), pk=pk)
    officer = access.is_officer(request.user)
    counts = selectors.call_state_counts(call) if officer else {}
    return render(request, "projects/call_detail.html", {
        "call": call, "is_officer": officer, "counts": [(state_label(s), n) for s, n in counts.items()],
        "totals": selectors.funding_totals(call) if officer else {},
        "can_apply": Role.ENTERPRISE_USER in access.roles_of(request.user) and call.status == Call.Status.OPEN,
        "statuses": Call.Status.choices})


@login_required
@require_POST
def application_start(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(Call, pk=pk)
    try:
        app = app_svc.application_start(actor=request.user, call=call)
    except ValidationError as exc:
        _report_errors(request, exc)
        return redirect("projects:call_detail", pk=pk)
    messages.success(request, _("Draft opened. Save each section; you can come back at any time."))
    return redirect("projects:application_edit", pk=app.pk)


@login_required
def call_applications(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(Call.objects.select_related("programme"), pk=pk)
    _officer(request, call)
    filters = {k: request.GET.get(k, "").strip() for k in ("state", "topic", "region", "q")}
    page = paginate(request, selectors.call_applications(call, **filters))
    template = "projects/_application_table.html" if request.headers.get("HX-Request") else \
        "projects/call_applications.html"
    return render(request, template, {"call": call, "page": page, "filters": filters, "states": STATE_CHOICES})


_CALL_ACTIONS: dict[str, Callable[[HttpRequest, Call], str]] = {
    "assign": lambda r, c: _("Experts assigned; %(n)s applications left short.") % {
        "n": len(review.assign_call(actor=r.user, call=c))},
    "score": lambda r, c: _("%(n)s applications scored.") % {"n": review.call_score(actor=r.user, call=c)},
    "propose": lambda r, c: _("%(n)s applications ranked.") % {"n": award.awards_propose(actor=r.user, call=c)},
    "decide": lambda r, c: str(award.decision_record(actor=r.user, call=c, meeting=r.POST.get("meeting", ""),
                                                     minutes=r.POST.get("minutes", ""))),
    "status": lambda r, c: str(app_svc.call_set_status(actor=r.user, call=c, status=r.POST.get("status", ""),
                                                       reason=r.POST.get("reason", "")).get_status_display()),
}


@login_required
@require_POST
def call_action(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(Call, pk=pk)
    action = _CALL_ACTIONS.get(request.POST.get("action", ""))
    if action is None:
        messages.error(request, _("Unknown action."))
    else:
        try:
            messages.success(request, action(request, call))
        except ValidationError as exc:
            _report_errors(request, exc)
    target = request.POST.get("next", "")
    return redirect(target if target.startswith("/projects/") else reverse("projects:call_detail", args=[pk]))


@login_required
def ranking(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(Call.objects.select_related("programme"), pk=pk)
    _officer(request, call)
    rankings = award.call_ranking(call)
    apps = {str(a.pk): a for a in call.applications.filter(state="comprehensive_check")
            .select_related("organisation")}
    topics = [{"topic": call.topic_title(code) if code != award.ALL_TOPICS else _("All topics"), "ranking": r,
               "rows": [(p, apps.get(p.application_id), translated(p.template, p.params)) for p in r.proposals]}
              for code, r in rankings.items()]
    decided = call.applications.filter(awarded_amount__isnull=False).select_related("organisation") \
        .order_by("-awarded_amount")[:200]
    return render(request, "projects/ranking.html", {"call": call, "topics": topics, "decided": decided,
                                                     "decisions": call.decisions.all()})


@login_required
def export_awards(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(Call, pk=pk)
    _officer(request, call)
    return exports.xlsx_response(exports.award_list(call), f"awards-{call.pk}.xlsx")


@login_required
def export_assignments(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(Call, pk=pk)
    _officer(request, call)
    return exports.xlsx_response(exports.assignment_sheet(call), f"assignments-{call.pk}.xlsx")


@login_required
def my_applications(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.my_applications(request.user))
    return render(request, "projects/my_applications.html", {"page": page})


@login_required
def officer_queue(request: HttpRequest) -> HttpResponse:
    if not access.is_officer(request.user):
        raise PermissionDenied(_("Only programme officers may open this page."))
    state = request.GET.get("state", "")
    counts = selectors.officer_queue_counts(request.user)
    page = paginate(request, selectors.officer_queue(request.user, state=state))
    pending_changes = ChangeRequest.objects.filter(status=ChangeRequest.Status.PENDING).select_related(
        "application")
    if Role.BUREAU_ADMIN not in access.roles_of(request.user):
        pending_changes = pending_changes.filter(application__call__programme__officer=request.user)
    return render(request, "projects/officer_queue.html", {
        "page": page, "state": state, "pending_changes": pending_changes[:20],
        "counts": [(s, state_label(s), counts[s]) for s in selectors.OFFICER_WAITING if counts.get(s)]})


@login_required
def expert_queue(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.expert_assignments(request.user))
    return render(request, "projects/expert_queue.html", {"page": page})


def _resubmit_by(app: Application) -> str:
    """When a returned application must be back, in local time ("" for any other state)."""
    return local_datetime(submission_deadline(app)) if app.state == "returned" else ""


@login_required
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    app = _application(request, pk)
    user = request.user
    officer = access.is_officer(user)
    contract = getattr(app, "contract", None)
    acceptance = getattr(app, "acceptance", None)
    comparison = compare_kpis(contract.kpis, acceptance.achieved) if contract and acceptance else []
    assignments = list(app.assignments.select_related("expert", "review")) if officer else []
    return render(request, "projects/application_detail.html", {
        "app": app, "state_label": state_label(app.state), "resubmit_by": _resubmit_by(app),
        "show_applicant": access.may_see_applicant(user, app), "is_officer": officer,
        "is_applicant": access.is_applicant_of(user, app),
        "is_recommender": "recommender" in access.flow_roles(user, app),
        "is_expert": access.is_assigned_expert(user, app) and not officer,
        "actions": workflow_actions(user, app, WORKFLOW), "checks": app.formal_checks.all(),
        "problems": [problem_text(p) for p in app.check_report.get("problems", [])],
        "duplicates": app.check_report.get("duplicates", []), "contract": contract, "acceptance": acceptance,
        "comparison": comparison, "share_met": share_met(comparison) if comparison else None,
        "disbursements": contract.disbursements.all() if contract else [],
        "midterm": getattr(app, "midterm", None), "evaluation": getattr(app, "evaluation", None),
        "changes": app.change_requests.all(), "assignments": assignments, "documents": app.documents.all(),
        "change_form": ChangeRequestForm(),
        "pool": User.objects.filter(expert_profile__isnull=False).order_by("username")[:300] if officer else [],
    })


@login_required
def application_edit(request: HttpRequest, pk: int) -> HttpResponse:
    app = _application(request, pk)
    if not access.is_applicant_of(request.user, app):
        raise access.refuse(request.user, app, "edit application",
                            gettext_noop("Only the applicant may edit this application."))
    section = request.GET.get("section", "basic")
    if section not in dict(SECTIONS):
        section = "basic"
    status = 200
    form = None
    if section == "documents":
        form = DocumentForm(request.POST or None, request.FILES or None, required=app.call.required_attachments)
    else:
        form_class = SECTION_FORMS[section]
        kwargs = {"topics": app.call.topics} if section == "basic" else {}
        form = form_class(request.POST or None, initial=form_class.initial_from(app), **kwargs)
    if request.method == "POST":
        if form.is_valid():
            try:
                _save_section(request, app, section, form)
                messages.success(request, _("Section saved."))
                return redirect(f"{request.path}?section={section}")
            except ValidationError as exc:
                form.add_error(None, exc)
        status = 400
    return render(request, "projects/application_form.html", {
        "app": app, "form": form, "section": section, "sections": SECTIONS, "documents": app.documents.all(),
        "editable": app.state in app_svc.EDITABLE_STATES, "returned": app.formal_checks.filter(passed=False).first()
        if app.state == "returned" else None, "resubmit_by": _resubmit_by(app)}, status=status)


def _save_section(request: HttpRequest, app: Application, section: str, form) -> None:
    if section == "documents":
        app_svc.document_add(actor=request.user, application=app, kind=form.cleaned_data["kind"],
                             upload=form.cleaned_data["file"])
        return
    cooperators = None
    if section == "team":
        codes = form.cleaned_data["cooperators"]
        found = dict(Organisation.objects.filter(uscc__in=codes).values_list("uscc", "pk"))
        unknown = [c for c in codes if c not in found]
        if unknown:
            raise ValidationError(_("Unknown credit codes: %(codes)s.") % {"codes": ", ".join(unknown)})
        cooperators = list(found.values())
    app_svc.application_save_draft(actor=request.user, application=app, changes=form.changes(),
                                   cooperator_ids=cooperators)


@login_required
@require_POST
def application_submit(request: HttpRequest, pk: int) -> HttpResponse:
    app = _application(request, pk)
    try:
        app_svc.application_submit(actor=request.user, application=app)
    except app_svc.SubmissionRefused as exc:
        return render(request, "projects/submit_refused.html", {
            "app": app, "problems": [problem_text(p) for p in exc.report.problems],
            "duplicates": exc.report.duplicates}, status=400)
    except ValidationError as exc:
        _report_errors(request, exc)
        return redirect("projects:application_edit", pk=pk)
    messages.success(request, _("Application submitted."))
    return redirect("projects:application_detail", pk=pk)


def _change_request(r: HttpRequest, a: Application) -> object:
    form = ChangeRequestForm(r.POST)
    if not form.is_valid():
        raise ValidationError([e for errors in form.errors.values() for e in errors])
    return execution.change_request_submit(actor=r.user, application=a, **form.cleaned_data)


def _achieved(r: HttpRequest, prefix: str) -> dict[str, str]:
    return {k.removeprefix(prefix): v for k, v in r.POST.items() if k.startswith(prefix)}


# Actions on an application that are not workflow steps (those go through ``application_step``).
_APPLICATION_ACTIONS: dict[str, Callable[[HttpRequest, Application], object]] = {
    "answer": lambda r, a: app_svc.formal_check_answer(actor=r.user, application=a,
                                                       response=r.POST.get("response", "")),
    "replace_expert": lambda r, a: review.assignment_replace(
        actor=r.user, application=a, old_expert=get_object_or_404(User, pk=r.POST.get("old_expert")),
        new_expert=get_object_or_404(User, pk=r.POST.get("new_expert")), reason=r.POST.get("reason", "")),
    "applicant_sign": lambda r, a: execution.contract_sign(actor=r.user, application=a),
    "midterm_report": lambda r, a: execution.midterm_submit(actor=r.user, application=a,
                                                            report=r.POST.get("report", ""),
                                                            progress=_achieved(r, "progress_")),
    "change_request": _change_request,
    "decide_change": lambda r, a: execution.change_request_decide(
        actor=r.user, request=get_object_or_404(a.change_requests, pk=r.POST.get("request")),
        approve=r.POST.get("approve") == "1", note=r.POST.get("reason", "")),
}


@login_required
@require_POST
def application_step(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    """Take one workflow step from the application page (the buttons of ``core/_workflow_actions.html``)."""
    step_from_request(request, _application(request, pk), WORKFLOW, code)
    return redirect("projects:application_detail", pk=pk)


@login_required
@require_POST
def application_action(request: HttpRequest, pk: int) -> HttpResponse:
    app = _application(request, pk)
    action = _APPLICATION_ACTIONS.get(request.POST.get("action", ""))
    if action is None:
        messages.error(request, _("Unknown action."))
    else:
        try:
            action(request, app)
            messages.success(request, _("Done. The application is now: %(state)s.") % {
                "state": state_label(Application.objects.values_list("state", flat=True).get(pk=pk))})
        except ValidationError as exc:
            _report_errors(request, exc)
    return redirect("projects:application_detail", pk=pk)


@login_required
def review_form(request: HttpRequest, pk: int) -> HttpResponse:
    app = _application(request, pk)
    assignment = app.assignments.filter(expert=request.user).select_related("review").first()
    if assignment is None:
        raise access.refuse(request.user, app, "review",
                            gettext_noop("This application is not assigned to you for review."))
    form = ReviewForm(request.POST or None, rubric=app.call.rubric)
    done = getattr(assignment, "review", None)
    if request.method == "POST" and form.is_valid():
        try:
            review.review_submit(actor=request.user, application=app, scores=form.scores(),
                                 comment=form.cleaned_data["comment"])
            messages.success(request, _("Review submitted. Thank you."))
            return redirect("projects:expert_queue")
        except ValidationError as exc:
            form.add_error(None, exc)
    return render(request, "projects/review_form.html", {
        "app": app, "form": form, "review": done, "show_applicant": access.may_see_applicant(request.user, app),
        "documents": app.documents.all()}, status=400 if request.method == "POST" else 200)


@login_required
def reviewers(request: HttpRequest, pk: int) -> HttpResponse:
    app = _application(request, pk)
    access.ensure(request.user, access.may_see_reviewers(request.user, app), app, "see reviewers")
    rows = app.assignments.select_related("expert", "expert__organisation", "review")
    return render(request, "projects/reviewers.html", {"app": app, "rows": rows})


@login_required
def timeline(request: HttpRequest, pk: int) -> HttpResponse:
    app = _application(request, pk)
    if not access.may_see_applicant(request.user, app):
        # The timeline names the applicant's users, which blind review hides from experts.
        raise access.refuse(request.user, app, "view timeline",
                            gettext_noop("Experts do not see the applicant under blind review."))
    entries = [(item, _transition_text(item.entry.changes)) for item in readable(selectors.timeline(app)[:500])]
    return render(request, "projects/timeline.html", {"app": app, "entries": entries})


def _transition_text(changes: dict) -> str:
    """A recorded state change as the reader says it: "Pass formal check: Formal check → Expert review"."""
    before, after = (changes.get("state") or [None, None])[:2]
    if not after:
        return ""
    moved = f"{state_label(before)} → {state_label(after)}" if before else state_label(after)
    step = APPLICATION_LIFECYCLE.transition(before, (changes.get("step") or [None, None])[1]) if before else None
    return _("%(step)s: %(change)s") % {"step": _(step.label), "change": moved} if step else moved
