"""Template context every page needs: the navigation for the user's roles and unread notices."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from kechuang.core.actors import actor_of
from kechuang.core.navigation import items_for


def navigation(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    entries = []
    for item in items_for(user, actor_of(user).roles):
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        entries.append({"label": item.label, "url": url, "icon": item.icon, "active": False})
    # The entry whose address is the longest prefix of this page is the current one (so /projects/queue/
    # lights "queue", not also "calls" at /projects/).
    path = request.path
    matching = [e for e in entries if path == e["url"] or (e["url"] != "/" and path.startswith(e["url"]))]
    if matching:
        max(matching, key=lambda e: len(e["url"]))["active"] = True
    from kechuang.core.notifications import unread_for

    return {"nav_items": entries, "unread_count": unread_for(user).count()}
