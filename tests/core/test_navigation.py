"""The menu offers a role only what it may open: every entry a demo role sees answers 200.

The menu asks each page's own permission answer (``NavItem.allowed``), so a department user no longer
sees 导入企业 only to be refused. The demo data is the one `make demo` loads, built by the same commands.
"""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.test import Client

from kechuang.core.demo import DEMO_USERS
from kechuang.core.models import User
from kechuang.core.regions import regions_load

NAV_LINK = re.compile(r'<a class="nav-link[^"]*" href="([^"]+)"[^>]*>.*?</span>\s*([^<]+)</a>', re.S)


def load_demo(settings) -> None:
    """The demo world of `make demo` (fewer enterprises; a fast password hasher for the many demo users)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    regions_load()  # a transactional test before this one may have flushed the regions the migration loaded
    call_command("demo_data", enterprises=40)
    for command in ("enterprise_demo_data", "project_demo_data", "tracking_demo_data"):
        call_command(command)


def nav_links(client: Client) -> dict[str, str]:
    """The navigation entries of the home page as {label: address}."""
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert page.status_code == 200
    nav = page.content.decode().split('aria-label="主导航"', 1)[-1].split("</nav>", 1)[0]
    return {label.strip(): href for href, label in NAV_LINK.findall(nav)}


@pytest.mark.django_db
def test_every_nav_entry_each_demo_role_sees_answers_200(settings) -> None:
    load_demo(settings)
    client = Client()
    seen: dict[str, dict[str, str]] = {}
    for username, _role, _org in DEMO_USERS:
        client.force_login(User.objects.get(username=username))
        links = nav_links(client)
        assert links, f"{username} sees no navigation"
        for label, href in links.items():
            answer = client.get(href, HTTP_ACCEPT_LANGUAGE="zh-hans", follow=True)  # 我的企业 leads to the record
            assert answer.status_code == 200, f"{username}: menu entry {label} ({href}) answers {answer.status_code}"
        seen[username] = links
    assert "导入企业" not in seen["dept"]  # a bureau department may not register enterprises
    assert "导入企业" in seen["district"] and "导入企业" in seen["officer"]
    assert "审计日志" in seen["admin"] and all("审计日志" not in seen[u] for u in seen if u != "admin")
    assert "工作计划" not in seen["enterprise"] and "工作计划" in seen["leader"]
    # The leader's home shows the plan (lights by chapter, targets at risk) and live figures, not only counts;
    # an enterprise user's home shows none of the bureau's figures.
    client.force_login(User.objects.get(username="leader"))
    home = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    for words in ("高新技术企业数", "立项资助经费", "项目申报数", "按章节的目标状态", "有风险的目标",
                  'data-source="home-by-chapter"'):
        assert words in home, words
    client.force_login(User.objects.get(username="enterprise"))
    home = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "立项资助经费" not in home and "有风险的目标" not in home
