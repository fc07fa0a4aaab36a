"""API endpoints of the plans app, mounted under /api/v1/ by kechuang.api."""

from ninja import Router

router = Router(tags=["plans"])
