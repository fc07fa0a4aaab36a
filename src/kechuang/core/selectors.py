"""Reads of the core, scoped to what the asking user may see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Q, QuerySet

from kechuang.core.actors import actor_of
from kechuang.core.metrics import registry
from kechuang.core.models import AuditEntry, JobRun, Organisation, Region, User
from kechuang.core.permissions import BUREAU_READERS, Actor, ScopeKind, region_prefix, visible_scope
from kechuang.core.roles import Role
from kechuang.core.schedule import JOBS, Job
from kechuang.core.scheduler import local_now
from kechuang.core.search_index import filter_ranked


def organisation_scope(user: User, path: str = "") -> Q | None:
    """The SQL twin of ``permissions.decide(..., VIEW, ...)``: a filter on organisations reached through
    ``path`` ("" for Organisation itself, "organisation__" from a model pointing at one); None = nothing."""
    scope = visible_scope(actor_of(user))
    if scope.kind == ScopeKind.ALL:
        return Q()
    if scope.kind == ScopeKind.REGION:
        own = Q(**{f"{path}pk": scope.org_id}) if scope.org_id else Q()
        return Q(**{f"{path}region__code__startswith": scope.region_prefix}) | own
    if scope.kind == ScopeKind.OWN:
        return Q(**{f"{path}pk": scope.org_id})
    return None


def visible_organisations(user: User) -> QuerySet[Organisation]:
    """Organisations ``user`` may see."""
    qs = Organisation.objects.select_related("region", "parent")
    scope = organisation_scope(user)
    return qs.none() if scope is None else qs.filter(scope)


def organisation_list(
    user: User, *, q: str = "", kind: str = "", region: str = ""
) -> QuerySet[Organisation]:
    """The organisation table: search by credit code or by name (Chinese search, best match first),
    filter by type and region prefix."""
    qs = visible_organisations(user)
    if kind:
        qs = qs.filter(kind=kind)
    if region:
        qs = qs.filter(region__code__startswith=region.rstrip("0") or region)
    if q:
        code = q.strip().upper()  # only letters and digits can be a credit code (PostgreSQL refuses NUL)
        by_code = qs.filter(uscc__iexact=code) if code.isascii() and code.isalnum() else qs.none()
        return by_code if by_code.exists() else filter_ranked(qs, "organisation", q)
    return qs.order_by("name", "pk")


def organisation_counts_by_kind(user: User) -> dict[str, int]:
    rows = visible_organisations(user).order_by().values("kind").annotate(n=Count("pk"))
    return {row["kind"]: row["n"] for row in rows}


def audit_search(*, q: str = "", action: str = "", model: str = "") -> QuerySet[AuditEntry]:
    qs = AuditEntry.objects.select_related("content_type", "actor")
    if q:
        qs = qs.filter(Q(object_repr__icontains=q) | Q(actor_name__icontains=q) | Q(reason__icontains=q)
                       | Q(object_id=q))
    if action:
        qs = qs.filter(action=action)
    if model:
        qs = qs.filter(content_type__model=model)
    return qs


def region_options(user: User, limit: int = 400) -> QuerySet[Region]:
    """Regions a user typically picks from: those inside its own region (a city's districts and counties)."""
    org = user.organisation
    prefix = region_prefix(org.region_id if org else "")
    qs = Region.objects.order_by("code")
    if len(prefix) >= 4:
        return qs.filter(code__startswith=prefix)[:limit]
    return qs.filter(code__startswith=prefix, level__in=[Region.Level.PROVINCE, Region.Level.PREFECTURE])[:limit]


FAILURE_WINDOW = timedelta(days=30)


@dataclass(frozen=True)
class JobOverview:
    """One periodic job as the jobs page shows it."""

    job: Job
    last_run: JobRun | None
    next_run: datetime
    failures: int  # failed runs within FAILURE_WINDOW
    last_failure: JobRun | None


def job_overview(*, now: datetime | None = None) -> list[JobOverview]:
    """Every registered job with its last run, next run and recent failures (one query per job, plus one)."""
    at = local_now(now)
    names = [job.name for job in JOBS]
    latest = {name: JobRun.objects.filter(job=name).select_related("requested_by").order_by("-enqueued_at", "-pk")
              .first() for name in names}
    recent_failed = JobRun.objects.filter(job__in=names, status=JobRun.Status.FAILED,
                                          enqueued_at__gte=at - FAILURE_WINDOW).order_by("-enqueued_at", "-pk")
    failures: dict[str, list[JobRun]] = {}
    for run in recent_failed:
        failures.setdefault(run.job, []).append(run)
    return [
        JobOverview(job, latest.get(job.name), job.schedule.next_after(at), len(failures.get(job.name, [])),
                    (failures.get(job.name) or [None])[0])
        for job in JOBS
    ]


# The live figures a leader asks for first, by metric code; a metric whose app is not installed is skipped.
KEY_METRICS: tuple[tuple[str, bool], ...] = (  # (code, filtered by year)
    ("enterprises.hte_count", False),
    ("projects.funding_amount", True),
    ("projects.application_count", True),
)


@dataclass(frozen=True)
class KeyFigure:
    code: str
    label: str  # the metric's English label (a msgid): the page translates it
    value: float | int | None
    unit: str
    year: int | None


def key_figures(actor: Actor, year: int) -> list[KeyFigure]:
    """The bureau's key live figures for its region, from the metrics registry (bureau staff only)."""
    if not (actor.roles & (BUREAU_READERS | {Role.BUREAU_ADMIN})) or not actor.region_code:
        return []
    figures = []
    for code, yearly in KEY_METRICS:
        if code not in registry:
            continue
        metric = registry.get(code)
        filters: dict[str, object] = {"region": actor.region_code}
        if yearly:
            filters["year"] = year
        figures.append(KeyFigure(code, metric.label, metric.evaluate(**filters), metric.unit,
                                 year if yearly else None))
    return figures
