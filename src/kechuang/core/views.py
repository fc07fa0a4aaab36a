"""Web views of the core: thin; they read through selectors and write through services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kechuang.core import selectors, services
from kechuang.core.actors import actor_of, org_ref
from kechuang.core.attachments import attachment_access, attachment_add, attachments_of
from kechuang.core.audit import audit_for, audit_record, refuse
from kechuang.core.forms import LockoutAuthenticationForm, OrganisationForm, UploadForm
from kechuang.core.home import panels_for as home_panels
from kechuang.core.models import (
    ORG_KIND_CHOICES,
    Attachment,
    AuditEntry,
    Notification,
    Organisation,
    OrganisationAlias,
)
from kechuang.core.notifications import mark_read
from kechuang.core.permissions import Action, OrgRef, decide
from kechuang.core.roles import GOVERNMENT_KINDS, ORG_KIND_LABELS, OrgKind, Role
from kechuang.core.schedule import CATCH_UP_LABELS, JOBS

PAGE_SIZE = 25


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    authentication_form = LockoutAuthenticationForm
    redirect_authenticated_user = True


def paginate(request: HttpRequest, qs, per_page: int = PAGE_SIZE):
    return Paginator(qs, per_page).get_page(request.GET.get("page"))


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    counts = selectors.organisation_counts_by_kind(request.user)
    chart = {
        "labels": [_(ORG_KIND_LABELS[OrgKind(k)]) for k, _label in ORG_KIND_CHOICES if counts.get(k)],
        "values": [counts[k] for k, _label in ORG_KIND_CHOICES if counts.get(k)],
        "title": _("Organisations by type"),
    }
    notes = Notification.objects.filter(recipient=request.user)[:5]
    return render(request, "core/dashboard.html", {
        "counts": [(_(ORG_KIND_LABELS[OrgKind(k)]), counts.get(k, 0)) for k, _label in ORG_KIND_CHOICES],
        "total": sum(counts.values()),
        "chart": chart,
        "notes": notes,
        "key_figures": selectors.key_figures(actor_of(request.user), timezone.localdate().year),
        "panels": home_panels(request),
    })


@login_required
def organisation_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    kind = request.GET.get("kind", "")
    region = request.GET.get("region", "").strip()
    page = paginate(request, selectors.organisation_list(request.user, q=q, kind=kind, region=region))
    actor = actor_of(request.user)
    can_create = decide(actor, Action.CREATE, OrgRef(None, OrgKind.ENTERPRISE, actor.region_code)).allowed
    context = {"page": page, "q": q, "kind": kind, "region": region, "kinds": ORG_KIND_CHOICES,
               "can_create": can_create}
    template = "core/_organisation_table.html" if request.headers.get("HX-Request") else "core/organisation_list.html"
    return render(request, template, context)


def _visible_org(request: HttpRequest, pk: int) -> Organisation:
    org = get_object_or_404(Organisation.objects.select_related("region", "parent"), pk=pk)
    services.ensure_allowed(request.user, Action.VIEW, org_ref(org), org)
    return org


@login_required
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    org = _visible_org(request, pk)
    actor = actor_of(request.user)
    return render(request, "core/organisation_detail.html", {
        "org": org,
        "can_edit": decide(actor, Action.EDIT, org_ref(org)).allowed,
        "audit": audit_for(org)[:50],
        "attachments": attachments_of(org),
        "upload_form": UploadForm(),
        "members": org.members.order_by("username")[:50],
        "aliases": org.aliases.all(),
        "can_edit_aliases": org.kind in GOVERNMENT_KINDS and bool(services.ALIAS_EDITORS & actor.roles),
    })


@login_required
@require_POST
def organisation_alias_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Record another way documents write this organisation's name (plan imports match on it)."""
    org = _visible_org(request, pk)
    try:
        services.organisation_alias_add(actor=request.user, organisation=org, text=request.POST.get("text", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("core:organisation_detail", pk=org.pk)


@login_required
@require_POST
def organisation_alias_remove(request: HttpRequest, pk: int, alias_pk: int) -> HttpResponse:
    org = _visible_org(request, pk)
    alias = get_object_or_404(OrganisationAlias, pk=alias_pk, organisation=org)
    services.organisation_alias_remove(actor=request.user, alias=alias)
    return redirect("core:organisation_detail", pk=org.pk)


def _save_organisation(request: HttpRequest, org: Organisation | None) -> HttpResponse:
    initial = OrganisationForm.initial_from(org) if org else {}
    form = OrganisationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if org is None:
                org = services.organisation_create(
                    actor=request.user, data=form.to_input(), reason=form.cleaned_data["reason"])
                messages.success(request, _("Organisation %(name)s created.") % {"name": org.name})
            else:
                services.organisation_update(actor=request.user, organisation=org, data=form.to_input(),
                                             reason=form.cleaned_data["reason"])
                messages.success(request, _("Changes to %(name)s saved.") % {"name": org.name})
            return redirect("core:organisation_detail", pk=org.pk)
        except ValidationError as exc:
            form.add_service_errors(exc)
    status = 400 if request.method == "POST" else 200
    return render(request, "core/organisation_form.html",
                  {"form": form, "org": org, "region_options": selectors.region_options(request.user)}, status=status)


@login_required
def organisation_create(request: HttpRequest) -> HttpResponse:
    actor = actor_of(request.user)
    # Refuse before showing the form: a role that may register nothing should not fill it in first.
    probe = OrgRef(None, OrgKind.ENTERPRISE, actor.region_code)
    services.ensure_allowed(request.user, Action.CREATE, probe)
    return _save_organisation(request, None)


@login_required
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    org = _visible_org(request, pk)
    services.ensure_allowed(request.user, Action.EDIT, org_ref(org), org)
    return _save_organisation(request, org)


@login_required
@require_POST
def organisation_upload(request: HttpRequest, pk: int) -> HttpResponse:
    org = _visible_org(request, pk)
    services.ensure_allowed(request.user, Action.EDIT, org_ref(org), org)
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            attachment_add(actor=request.user, owner=org, upload=form.cleaned_data["file"])
            messages.success(request, _("File uploaded."))
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
    else:
        messages.error(request, _("Choose a file to upload."))
    return redirect("core:organisation_detail", pk=org.pk)


@login_required
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    attachment = get_object_or_404(Attachment, pk=pk)
    owner = attachment.owner_type.get_object_for_this_type(pk=attachment.owner_id)
    if isinstance(owner, Organisation):
        _visible_org(request, owner.pk)
    else:
        decision = attachment_access(request.user, owner)
        if decision is None and not actor_of(request.user).roles & {Role.BUREAU_ADMIN}:
            raise PermissionDenied(_("You may not open this file."))
        if decision is not None and not decision.allowed:
            raise refuse(actor=request.user, reason=decision.reason, obj=owner, what=f"attachment {attachment.pk}")
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name)


@login_required
def audit_list(request: HttpRequest) -> HttpResponse:
    if not actor_of(request.user).roles & {Role.BUREAU_ADMIN}:
        raise PermissionDenied(_("Only bureau administrators may read the whole audit trail."))
    q = request.GET.get("q", "").strip()
    action = request.GET.get("action", "")
    page = paginate(request, selectors.audit_search(q=q, action=action), per_page=50)
    return render(request, "core/audit_list.html",
                  {"page": page, "q": q, "action": action, "actions": AuditEntry.Action.choices})


@login_required
def job_list(request: HttpRequest) -> HttpResponse:
    """The periodic jobs for the bureau administrator: schedule, last and next run, failures, run now."""
    if not actor_of(request.user).roles & {Role.BUREAU_ADMIN}:
        raise PermissionDenied(_("Only bureau administrators may see the scheduled jobs."))
    rows = [{
        "overview": o,
        "label": _(o.job.label),
        "schedule": _(o.job.schedule.describe()[0]) % o.job.schedule.describe()[1],
        "catch_up": _(CATCH_UP_LABELS[o.job.catch_up]),
    } for o in selectors.job_overview()]
    return render(request, "core/job_list.html", {"rows": rows})


@login_required
@require_POST
def job_run(request: HttpRequest, name: str) -> HttpResponse:
    try:
        services.job_run_now(actor=request.user, name=name)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("“%(job)s” has been queued to run now.") % {"job": _(JOBS.get(name).label)})
    return redirect("core:jobs")


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        mark_read(user=request.user)
        return redirect("core:notifications")
    page = paginate(request, Notification.objects.filter(recipient=request.user))
    return render(request, "core/notification_list.html", {"page": page})


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The refusal page: says why, and makes sure the attempt is in the audit trail.

    Services record a refusal against the object reached for (and mark the exception ``audited``);
    any other refusal is recorded here against the user, with the address asked for.
    """
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and not getattr(exception, "audited", False):
        audit_record(actor=user, action=AuditEntry.Action.DENIED, obj=user,
                     reason=f"{request.method} {request.path}: {exception or ''}"[:1000])
    return render(request, "403.html", {"exception": str(exception or "")}, status=403)
