"""Web pages of the enterprises app: thin; they read through selectors and write through services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kechuang.core.actors import actor_of, org_ref
from kechuang.core.audit import audit_for
from kechuang.core.models import Organisation
from kechuang.core.permissions import Action, decide
from kechuang.core.roles import OrgKind, Role
from kechuang.core.rulesets import NoRuleSetInForce
from kechuang.core.selectors import visible_organisations
from kechuang.enterprises import selectors, services
from kechuang.enterprises.adapter import profile_to_engine, rd_expenses
from kechuang.enterprises.forms import FiguresForm, ImportForm, IpForm, ProfileForm, QualificationForm
from kechuang.enterprises.importer import ImportFileError, import_workbook
from kechuang.enterprises.models import TECH_FIELD_CHOICES, VERDICT_CHOICES, AnnualFigures, EnterpriseProfile, Tier
from kechuang.enterprises.permissions import may_import, may_open_import, may_select, may_view_registry
from kechuang.enterprises.presenters import DIRECT_ROUTES, condition_row, gap_row, score_row
from kechuang.enterprises.rules import SpecialEnterprise, assess, super_deduction
from kechuang.enterprises.sheets import SHEETS, export_workbook, template_workbook

PAGE_SIZE = 25
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _require_registry(request: HttpRequest) -> None:
    decision = may_view_registry(actor_of(request.user))
    if not decision.allowed:
        raise PermissionDenied(_(decision.reason))


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _filters(request: HttpRequest) -> selectors.RegistryFilter:
    g = request.GET
    return selectors.RegistryFilter(
        q=g.get("q", "").strip(), region=g.get("region", "").strip(), industry=g.get("industry", "").strip(),
        main_field=g.get("main_field", ""), tier=g.get("tier", ""), hte=g.get("hte", ""), sme=g.get("sme", ""),
        pool_year=_int(g.get("pool_year")), min_readiness=_int(g.get("min_readiness")),
        founded_from=_int(g.get("founded_from")), founded_to=_int(g.get("founded_to")),
        order=g.get("order", "name"))


@login_required
def registry(request: HttpRequest) -> HttpResponse:
    _require_registry(request)
    f = _filters(request)
    qs = selectors.registry_list(request.user, f)
    if request.GET.get("export") == "xlsx":
        figures = (AnnualFigures.objects.filter(profile__in=qs.values("pk"))
                   .select_related("profile__organisation").order_by("profile_id", "year"))
        return _xlsx(export_workbook(qs.iterator(chunk_size=2000), figures.iterator(chunk_size=2000)),
                     "enterprises.xlsx")
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "f": f, "fields": TECH_FIELD_CHOICES, "tiers": Tier.choices,
               "verdicts": VERDICT_CHOICES, "export_query": request.GET.urlencode(),
               "can_import": may_import(actor_of(request.user)).allowed}
    template = "enterprises/_registry_table.html" if request.headers.get("HX-Request") else "enterprises/registry.html"
    return render(request, template, context)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """An enterprise user's entry point: its own record, or the form that opens it."""
    org = request.user.organisation
    if org is None or org.kind != OrgKind.ENTERPRISE:
        return redirect("enterprises:registry")
    return redirect("enterprises:detail", org.pk)


def _organisation(request: HttpRequest, pk: int) -> Organisation:
    org = visible_organisations(request.user).filter(pk=pk, kind=OrgKind.ENTERPRISE).first()
    if org is None:
        raise Http404(_("No such enterprise."))
    return org


def _profile(request: HttpRequest, pk: int) -> EnterpriseProfile:
    profile = selectors.profile_for(request.user, pk)
    if profile is None:
        raise Http404(_("This enterprise has no profile yet."))
    return profile


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    org = _organisation(request, pk)
    profile = selectors.profile_for(request.user, pk)
    can_edit = decide(actor_of(request.user), Action.EDIT, org_ref(org)).allowed
    if profile is None:
        if can_edit:
            return redirect("enterprises:profile_edit", pk)
        raise Http404(_("This enterprise has no profile yet."))
    return render(request, "enterprises/detail.html", {
        "org": org, "profile": profile, "can_edit": can_edit,
        "figures": profile.figures.all(), "ip_items": profile.ip_items.all(),
        "qualifications": profile.qualifications.all(),
        "audit": audit_for(profile)[:20],
        "can_select": may_select(actor_of(request.user), org_ref(org)).allowed,
        "tier_changes": profile.tier_changes.all()[:20], "year": timezone.localdate().year,
    })


def _ensure_edit(request: HttpRequest, org: Organisation) -> None:
    services.ensure_may_edit(request.user, org)


@login_required
def profile_edit(request: HttpRequest, pk: int) -> HttpResponse:
    org = _organisation(request, pk)
    _ensure_edit(request, org)
    profile = EnterpriseProfile.objects.filter(organisation=org).first()
    form = ProfileForm(request.POST or None, initial=ProfileForm.initial_from(profile) if profile else {})
    if request.method == "POST" and form.is_valid():
        try:
            if profile is None:
                services.profile_create(actor=request.user, organisation=org, data=form.to_input(),
                                        reason=form.cleaned_data["reason"])
            else:
                services.profile_update(actor=request.user, profile=profile, data=form.to_input(),
                                        reason=form.cleaned_data["reason"])
            messages.success(request, _("Profile saved."))
            return redirect("enterprises:detail", pk)
        except ValidationError as exc:
            form.add_service_errors(exc)
    status = 400 if request.method == "POST" else 200
    return render(request, "enterprises/form.html", {
        "form": form, "org": org, "title": _("Enterprise profile")}, status=status)


def _link_year_on_file(form: FiguresForm, org: Organisation) -> None:
    """Turn "this year is already on file" into a link to that year's edit page, which shows its values."""
    for error in form.errors.as_data().get("year", []):
        if error.code == services.YEAR_ON_FILE:
            year = error.params["year"]
            form.errors["year"] = form.error_class([format_html(
                '{} <a href="{}">{}</a>', error.message % error.params,
                reverse("enterprises:figures_edit", args=[org.pk, year]),
                _("Edit the figures for %(year)s") % {"year": year})])


@login_required
def figures_edit(request: HttpRequest, pk: int, year: int | None = None) -> HttpResponse:
    """New figures (for a year not yet on file) or the correction of one year's figures."""
    org = _organisation(request, pk)
    _ensure_edit(request, org)
    profile = _profile(request, pk)
    row = profile.figures.filter(year=year).first() if year else None
    if year and row is None:
        raise Http404(_("No figures for that year."))
    if row is None:
        initial = {"year": services.first_year_without_figures(profile, today=timezone.localdate())}
    else:
        initial = FiguresForm.initial_from(row)
    form = FiguresForm(request.POST or None, initial=initial)
    if row is not None:
        form.fields["year"].disabled = True  # a correction stays on its year; another year is its own page
    if request.method == "POST" and form.is_valid():
        save = services.figures_save if row else services.figures_create
        try:
            saved = save(actor=request.user, profile=profile, data=form.to_input(),
                         reason=form.cleaned_data["reason"])
            messages.success(request, _("Figures for %(year)s saved.") % {"year": saved.year})
            return redirect("enterprises:assessment", pk)
        except ValidationError as exc:
            form.add_service_errors(exc)
            _link_year_on_file(form, org)
    status = 400 if request.method == "POST" else 200
    title = _("Annual figures for %(year)s") % {"year": row.year} if row else _("New annual figures")
    return render(request, "enterprises/form.html", {"form": form, "org": org, "title": title}, status=status)


def _simple_add(request: HttpRequest, pk: int, form_class, service, title: str) -> HttpResponse:
    org = _organisation(request, pk)
    _ensure_edit(request, org)
    profile = _profile(request, pk)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service(actor=request.user, profile=profile, data=form.to_input())
            messages.success(request, _("Saved."))
            return redirect("enterprises:detail", pk)
        except ValidationError as exc:
            form.add_service_errors(exc)
    status = 400 if request.method == "POST" else 200
    return render(request, "enterprises/form.html", {"form": form, "org": org, "title": title}, status=status)


@login_required
def ip_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _simple_add(request, pk, IpForm, services.ip_item_add, _("Add an IP item"))


@login_required
def qualification_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _simple_add(request, pk, QualificationForm, services.qualification_add, _("Add a qualification"))


@login_required
def assessment(request: HttpRequest, pk: int) -> HttpResponse:
    """The self-assessment: every condition with the enterprise's own numbers, the bands and the gaps."""
    org = _organisation(request, pk)
    profile = _profile(request, pk)
    on = timezone.localdate()
    result = assess(profile_to_engine(profile, on=on), on=on)
    if profile.assessed_on != on:
        services.assessment_store(profile=profile, result=result, on=on)
    hte, sme = result.hte, result.sme
    return render(request, "enterprises/assessment.html", {
        "org": org, "profile": profile, "on": on, "hte": hte, "sme": sme,
        "hte_conditions": [condition_row(c) for c in hte.conditions],
        "hte_items": [score_row(i) for i in hte.innovation],
        "hte_gaps": [gap_row(g) for g in hte.gaps],
        "sme_conditions": [condition_row(c) for c in sme.conditions],
        "sme_items": [score_row(i) for i in sme.score_items],
        "sme_gaps": [gap_row(g) for g in sme.gaps],
        "direct_route": DIRECT_ROUTES.get(sme.direct_route or ""),
        "can_edit": decide(actor_of(request.user), Action.EDIT, org_ref(org)).allowed,
    })


@login_required
def deduction(request: HttpRequest, pk: int) -> HttpResponse:
    """The super-deduction calculator: the stored year's R&D categories, worked step by step."""
    org = _organisation(request, pk)
    profile = _profile(request, pk)
    years = list(profile.figures.all())
    if not years:
        messages.info(request, _("Enter a year's figures with their R&D categories first."))
        return redirect("enterprises:detail", pk)
    chosen = _int(request.GET.get("year")) or years[0].year
    row = next((f for f in years if f.year == chosen), years[0])
    special = SpecialEnterprise(profile.special) if profile.special else None
    try:
        result = super_deduction(rd_expenses(row), tax_year=row.year,
                                 industry_code=profile.industry_code or None, special=special)
    except NoRuleSetInForce as exc:  # a year before the earliest rules: say so, do not guess
        return render(request, "enterprises/deduction.html", {
            "org": org, "profile": profile, "years": years, "row": row, "no_rules": _(exc.template) % exc.params})
    return render(request, "enterprises/deduction.html", {
        "org": org, "profile": profile, "years": years, "row": row, "result": result,
        "steps": [(_(s.label), s.formula, s.amount) for s in result.steps],
    })


@login_required
def pool(request: HttpRequest) -> HttpResponse:
    _require_registry(request)
    year = _int(request.GET.get("year")) or timezone.localdate().year
    candidates = Paginator(selectors.pool_candidates(request.user, year=year), PAGE_SIZE).get_page(
        request.GET.get("page"))
    actor = actor_of(request.user)
    return render(request, "enterprises/pool.html", {
        "year": year, "page": candidates, "entries": selectors.pool_entries(request.user, year=year)[:200],
        "can_select": bool(actor.roles & {Role.BUREAU_ADMIN, Role.PROGRAMME_OFFICER, Role.PLANNER}),
    })


@login_required
@require_POST
def pool_select(request: HttpRequest, pk: int) -> HttpResponse:
    profile = _profile(request, pk)
    year = _int(request.POST.get("year")) or timezone.localdate().year
    try:
        services.pool_select(actor=request.user, profile=profile, year=year, reason=request.POST.get("reason", ""))
        messages.success(request, _("%(name)s selected into the %(year)s pool.") % {
            "name": profile.organisation.name, "year": year})
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect(request.POST.get("next") or "enterprises:pool")


@login_required
def tiers(request: HttpRequest) -> HttpResponse:
    _require_registry(request)
    rows = selectors.tier_movements(request.user)
    labels = dict(Tier.choices)
    for row in rows:
        row["tier_label"] = labels.get(row["tier_to"], row["tier_to"])
    counts = selectors.tier_counts(request.user)
    chart = {"labels": [str(label) for value, label in Tier.choices],
             "values": [counts.get(value, 0) for value, _label in Tier.choices], "title": _("Enterprises by tier")}
    return render(request, "enterprises/tiers.html", {"rows": rows, "chart": chart})


@login_required
def import_file(request: HttpRequest) -> HttpResponse:
    """The import form, refused up front to a role whose import would be refused."""
    decision = may_open_import(actor_of(request.user))
    if not decision.allowed:
        raise PermissionDenied(_(decision.reason))
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = import_workbook(actor=request.user, file=upload, filename=upload.name,
                                     good_rows_only=form.cleaned_data["good_rows_only"])
        except ImportFileError as exc:
            form.add_error("file", str(exc))
    status = 400 if request.method == "POST" and (report is None or not report.applied) else 200
    # The report counts by sheet code; the page names each sheet in the user's language.
    counts = [(sheet.title, report.created.get(sheet.code, 0), report.updated.get(sheet.code, 0))
              for sheet in SHEETS] if report else []
    return render(request, "enterprises/import.html", {"form": form, "report": report, "counts": counts},
                  status=status)


@login_required
def import_template(request: HttpRequest) -> HttpResponse:
    return _xlsx(template_workbook(), "enterprise-template.xlsx")
