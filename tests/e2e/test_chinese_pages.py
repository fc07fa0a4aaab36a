"""No English on a Chinese page: every demo role walks its menu and one detail page of each list.

Starting from the login page, each role (one browser, one context per role) opens every entry of its
navigation and the first link of each page's table (a detail page), and the visible text of ``<main>``
and the header is read for Latin words. A word of two or more Latin letters is English unless it is in
the short allow-list below (formats, units, acronyms a Chinese clerk writes in Latin letters) or part of
a code (a token with a digit, such as 2026-Q3, a credit code or a file name, or an e-mail address).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlparse

import pytest
from django.core.management import call_command

from kechuang.core.demo import DEMO_PASSWORD, DEMO_USERS
from kechuang.core.regions import regions_load

# Latin words a Chinese page legitimately shows, each for a reason:
ALLOWED = {
    "english",  # the language switch names the other language in that language
    "pdf", "word", "excel", "docx", "xlsx", "xls", "csv", "txt", "html", "json", "zip", "ocr",  # file formats
    "kb", "mb", "gb", "kg", "km", "kwh",  # units
    "api", "url", "id", "uscc", "it", "ai", "ip",  # acronyms written in Latin letters in Chinese text
}
TOKEN = re.compile(r"[A-Za-z0-9_.\-@/:&+]+")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str) -> set[str]:
    """Latin words in ``text`` that are neither codes (with a digit), addresses nor allowed words."""
    found = set()
    for token in TOKEN.findall(text):
        if any(c.isdigit() for c in token) or "@" in token or token.startswith(("http", "/")):
            continue
        found |= {w for w in LATIN_WORD.findall(token) if w.lower() not in ALLOWED}
    return found


def test_english_words_finds_english_and_spares_codes() -> None:
    assert english_words("线性趋势 linear_trend（a PNG image）") == {"linear", "trend", "PNG", "image"}
    assert not english_words("2026-Q3 · 91330200MA2H2B0U6X · 材料.pdf · 12 MB · Excel · kj@example.org")


def _login(page, base: str, username: str) -> None:
    page.goto(base + "/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_load_state()


READ_TEXT = """() => [document.querySelector('header'), document.querySelector('nav.sidebar'),
                    document.querySelector('main')].filter(Boolean).map(e => e.innerText).join('\\n')"""
NAV_LINKS = "() => [...document.querySelectorAll('nav.sidebar a.nav-link')].map(a => a.getAttribute('href'))"
FIRST_DETAIL = """() => { const a = document.querySelector('main table tbody a[href]');
                        return a ? a.getAttribute('href') : null; }"""


@pytest.mark.django_db(transaction=True)
def test_every_page_of_every_demo_role_is_in_chinese(browser, live_server, settings) -> None:
    settings.DEBUG = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    regions_load()  # a transactional test before this one may have flushed the regions the migration loaded
    call_command("demo_data", enterprises=40)
    for command in ("enterprise_demo_data", "project_demo_data", "tracking_demo_data"):
        call_command(command)
    base = live_server.url
    english: dict[str, set[str]] = {}
    for username, _role, _org in DEMO_USERS:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        page = context.new_page()
        page.set_default_timeout(15000)
        _login(page, base, username)
        visited: set[str] = set()
        # Django's own admin (for administrators, in Django's words) is not one of the platform's pages.
        to_visit = [base + "/", *(urljoin(base, h) for h in page.evaluate(NAV_LINKS) if not h.startswith("/admin/"))]
        menu = set(to_visit)
        for url in to_visit:
            if url in visited:
                continue
            visited.add(url)
            answer = page.goto(url)
            assert answer is not None and answer.status < 400, f"{username}: {url} answers {answer and answer.status}"
            for word in english_words(page.evaluate(READ_TEXT)):
                english.setdefault(word, set()).add(f"{username} {urlparse(page.url).path}")
            detail = page.evaluate(FIRST_DETAIL)
            if url in menu and detail and not detail.startswith(("http", "#", "mailto")):
                detail_url = urljoin(page.url, detail)
                if detail_url not in visited and detail_url not in to_visit:
                    to_visit.append(detail_url)
        context.close()
    report = "\n".join(f"  {w}: {sorted(pages)[:3]}" for w, pages in sorted(english.items()))
    assert not english, f"English words on Chinese pages:\n{report}"
