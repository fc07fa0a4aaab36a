"""API endpoints of the tracking app, mounted under /api/v1/tracking by kechuang.api."""

from ninja import Router

router = Router(tags=["tracking"])
