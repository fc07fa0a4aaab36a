"""The JSON API under /api/v1/: one NinjaAPI, each app adding its router.

OpenAPI schema at /api/v1/openapi.json; interactive docs at /api/v1/docs.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from kechuang.core.api import TokenAuth
from kechuang.core.api import router as core_router
from kechuang.enterprises.api import router as enterprises_router
from kechuang.plans.api import router as plans_router
from kechuang.projects.api import router as projects_router
from kechuang.tracking.api import router as tracking_router

api = NinjaAPI(
    title="kechuang API",
    version="1",
    urls_namespace="api",
    openapi_url="/openapi.json",
    auth=TokenAuth(),
    description="Typed JSON API of kechuang. Authenticate with `Authorization: Bearer <token>` "
    "(create one with `kechuang createtoken USER`).",
)
api.add_router("/", core_router)
api.add_router("/plans", plans_router)
api.add_router("/enterprises", enterprises_router)
api.add_router("/projects", projects_router)
api.add_router("/tracking", tracking_router)


@api.exception_handler(PermissionDenied)
def permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc) or "Permission denied."}, status=403)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": "Invalid input.", "errors": errors}, status=422)
