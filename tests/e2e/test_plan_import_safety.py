"""Issue 10 §1 in the browser: a planner's oversized file is refused with the limit in Chinese, a large
file is read in the background with its progress shown, and the drafts are discarded in one go."""

from __future__ import annotations

import pytest

from kechuang.core.roles import Role
from kechuang.plans.models import SourceDocument, WorkPlan
from tests.conftest import PASSWORD
from tests.e2e.conftest import check_accessibility, login
from tests.plans.conftest import SEEDS

pytestmark = pytest.mark.django_db(transaction=True)


def test_refused_then_background_import_then_bulk_discard(page, world, tmp_path, settings) -> None:
    seed = (SEEDS / "003_92efa301420ef756.txt").read_bytes()
    settings.PLAN_IMPORT_MAX_BYTES = 4 * len(seed)
    settings.PLAN_IMPORT_BACKGROUND_BYTES = len(seed)
    too_big, big = tmp_path / "太大.txt", tmp_path / "两份.txt"
    too_big.write_bytes(seed * 5)
    big.write_bytes(seed * 2)

    login(page, world.user(Role.PLANNER).username, PASSWORD)
    page.click("nav >> text=工作计划")
    page.click("text=导入工作计划")
    page.set_input_files("input[type=file]", str(too_big))
    page.click("main form[enctype] button[type=submit]")
    assert "拆分" in page.locator("main").inner_text()  # says the limit and what to do
    assert WorkPlan.objects.count() == 0 and SourceDocument.objects.count() == 0

    page.set_input_files("input[type=file]", str(big))
    page.click("main form[enctype] button[type=submit]")
    progress = page.locator("#import-progress")  # finished at once here (tasks run inline in tests)
    assert "2" in progress.inner_text()
    progress.locator("a.btn-primary").click()
    page.wait_for_url("**/review/**")
    assert WorkPlan.objects.count() == 2 and SourceDocument.objects.count() == 1

    page.click("nav >> text=工作计划")
    page.check("thead input[type=checkbox]")
    page.click("text=丢弃所选草稿")
    check_accessibility(page)
    page.click("text=确认丢弃")
    page.wait_for_load_state()
    assert WorkPlan.objects.count() == 0 and SourceDocument.objects.count() == 0
