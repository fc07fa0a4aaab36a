"""Small middlewares: Chinese as the default language, a cap on request size, and security headers Django
does not set."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string

# Everything is served from our own static files, so the policy can forbid every other origin.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)


class DefaultLanguageMiddleware:
    """Open the UI in Simplified Chinese unless the user chose another language.

    Django's LocaleMiddleware would follow the browser's Accept-Language; a bureau's users expect
    Chinese whatever their browser says, and switch to English explicitly.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class RequestSizeLimitMiddleware:
    """Answer a request body larger than ``REQUEST_MAX_BYTES`` with a 413 page that says the limit.

    Django's own cap ignores uploaded files, so a 5 GB POST would be streamed to disk and handed to a
    view that times out. The body is read and thrown away (up to ``REQUEST_DRAIN_BYTES``) before the
    answer, so the browser, still sending, shows the page instead of a reset connection.
    """

    CHUNK = 64 * 1024

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.REQUEST_MAX_BYTES
        if length <= limit:
            return self.get_response(request)
        self._drain(request, min(length, getattr(settings, "REQUEST_DRAIN_BYTES", 256 * 1024 * 1024)))
        html = render_to_string("413.html", {"limit": filesizeformat(limit), "size": filesizeformat(length)},
                                request=request)
        response = HttpResponse(html, status=413)
        if length > getattr(settings, "REQUEST_DRAIN_BYTES", 256 * 1024 * 1024):
            response["Connection"] = "close"
        return response

    def _drain(self, request: HttpRequest, length: int) -> None:
        stream = request.META.get("wsgi.input")
        while stream is not None and length > 0:
            chunk = stream.read(min(self.CHUNK, length))
            if not chunk:
                break
            length -= len(chunk)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith("/admin/"):
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response
