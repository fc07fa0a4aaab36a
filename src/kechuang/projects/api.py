"""API endpoints of the projects app, mounted under /api/v1/projects by kechuang.api.

They read through the selectors and write through the same services as the pages, so permission
refusals (403 with the reason, audited) and submission checks (422 with every problem) are identical.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from kechuang.projects import access, selectors
from kechuang.projects.models import Application, Call
from kechuang.projects.services import applications as app_svc

router = Router(tags=["projects"])


class CallOut(Schema):
    id: int
    title: str
    year: int
    status: str
    opens_at: dt.datetime
    deadline: dt.datetime
    total_budget: Decimal
    per_project_cap: Decimal | None
    topics: list[dict]
    blind: bool


class ApplicationOut(Schema):
    id: int
    number: str
    call_id: int
    title: str
    state: str
    topic: str
    requested_total: Decimal
    score: Decimal | None
    awarded_amount: Decimal | None


@router.get("/calls", response=list[CallOut])
@paginate(PageNumberPagination, page_size=50)
def list_calls(request: HttpRequest, status: str = ""):
    calls = selectors.visible_calls(request.user)
    return calls.filter(status=status) if status else calls


@router.get("/applications/mine", response=list[ApplicationOut])
@paginate(PageNumberPagination, page_size=50)
def my_applications(request: HttpRequest):
    return selectors.my_applications(request.user)


@router.get("/queue", response=list[ApplicationOut])
@paginate(PageNumberPagination, page_size=50)
def officer_queue(request: HttpRequest, state: str = ""):
    if not access.is_officer(request.user):
        return Application.objects.none()
    return selectors.officer_queue(request.user, state=state)


@router.get("/applications/{app_id}", response=ApplicationOut)
def get_application(request: HttpRequest, app_id: int):
    app = get_object_or_404(Application.objects.select_related("call"), pk=app_id)
    access.ensure(request.user, access.may_view(request.user, app), app, "view application")
    return app


@router.post("/applications/{app_id}/submit", response=ApplicationOut)
def submit_application(request: HttpRequest, app_id: int):
    """Submit; a refusal answers 422 with every problem found by the checks."""
    app = get_object_or_404(Application.objects.select_related("call"), pk=app_id)
    access.ensure(request.user, access.may_view(request.user, app), app, "view application")
    return app_svc.application_submit(actor=request.user, application=app)


@router.get("/calls/{call_id}/applications", response=list[ApplicationOut])
@paginate(PageNumberPagination, page_size=50)
def call_applications(request: HttpRequest, call_id: int, state: str = "", topic: str = "", region: str = "",
                      q: str = ""):
    call = get_object_or_404(Call, pk=call_id)
    if not access.is_officer(request.user):
        raise access.refuse(request.user, call, "list applications", "Only programme officers may open this page.")
    return selectors.call_applications(call, state=state, topic=topic, region=region, q=q)
