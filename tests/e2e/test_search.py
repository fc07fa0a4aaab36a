"""An officer finds an enterprise by a partial name and an administrator an organisation by a short form."""

from __future__ import annotations

import os

import pytest

from kechuang.core import search_index
from kechuang.core.roles import Role
from tests.conftest import PASSWORD
from tests.e2e.conftest import check_accessibility, login
from tests.enterprises.conftest import make_profile

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = os.environ.get("KECHUANG_SCREENSHOTS", "")


def _shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_list_searches_find_partial_names_and_short_forms(page, world) -> None:
    world.enterprise.name = "宁波芯微电子科技有限公司"
    world.enterprise.save()
    make_profile(world.enterprise, years=1)
    make_profile(world.neighbour, years=1)
    search_index.reindex_all()

    login(page, world.user(Role.PROGRAMME_OFFICER).username, PASSWORD)
    page.goto(page.base + "/enterprises/?q=宁波芯")
    table = page.inner_text("main table")
    assert "宁波芯微电子科技有限公司" in table and "乙科技有限公司" not in table
    check_accessibility(page)
    _shot(page, "search-enterprises-officer")

    page.context.clear_cookies()
    login(page, world.user(Role.BUREAU_ADMIN).username, PASSWORD)
    page.goto(page.base + "/organisations/?q=宁芯")
    assert "宁波芯微电子科技有限公司" in page.inner_text("main table")
    _shot(page, "search-organisations-admin")
    page.goto(page.base + "/organisations/?q=" + "%22%27%3B+drop+table")
    assert page.locator("main").count() == 1
