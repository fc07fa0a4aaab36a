"""Every English source string the UI can show has a Simplified Chinese translation.

Two checks: each app's catalogue has no empty or fuzzy entry, and every string marked for translation in
the code (``_``/``gettext``/``gettext_lazy``/``gettext_noop`` in Python, ``{% translate %}`` and
``{% blocktranslate %}`` in templates) is in the compiled Chinese catalogue Django reads at run time. The
second catches a msgid added to the code whose catalogue was never updated (the page would show English).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.utils import translation
from django.utils.translation import trans_real
from django.utils.translation.template import templatize

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "kechuang"
CATALOGUES = sorted(PACKAGE.glob("*/locale/zh_Hans/LC_MESSAGES/django.po"))
# The keywords Django's makemessages passes to xgettext, plus the pure modules' gettext_noop.
KEYWORDS = ["gettext_noop", "gettext_lazy", "ngettext_lazy:1,2", "pgettext:1c,2", "npgettext:1c,2,3",
            "pgettext_lazy:1c,2", "npgettext_lazy:1c,2,3", "_", "gettext", "ngettext:1,2"]


def _key(entry: polib.POEntry) -> str:
    return f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid


def _where(entry: polib.POEntry) -> str:
    return ", ".join(f"{path}:{line}" for path, line in entry.occurrences[:2]) or "?"


def test_every_app_has_a_chinese_catalogue() -> None:
    apps = {p.name for p in PACKAGE.iterdir() if (p / "apps.py").exists()}
    assert {p.parents[3].name for p in CATALOGUES} == apps


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: p.parents[3].name)
def test_catalogue_has_no_empty_or_fuzzy_entry(po_path: Path) -> None:
    po = polib.pofile(str(po_path))
    missing = [e.msgid for e in po if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]
    assert not missing, f"{po_path.relative_to(PACKAGE)}: {len(missing)} without Chinese: {missing[:20]}"


def _source_strings(tmp_path: Path) -> list[polib.POEntry]:
    """Every msgid the code marks, extracted with xgettext as makemessages does (templates templatized)."""
    files = [p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts]
    for template in PACKAGE.rglob("templates/**/*.html"):
        copy = tmp_path / (str(template.relative_to(PACKAGE)).replace("/", "__") + ".py")
        copy.write_text(templatize(template.read_text(encoding="utf-8"), origin=str(template)), encoding="utf-8")
        files.append(copy)
    command = ["xgettext", "--language=Python", "--from-code=UTF-8", "--output=-",
               *(f"--keyword={k}" for k in KEYWORDS), *map(str, files)]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return list(polib.pofile(out))


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext's xgettext is not installed")
def test_every_marked_string_is_translated_at_run_time(tmp_path: Path) -> None:
    with translation.override("zh-hans"):
        catalog = trans_real.translation("zh-hans")._catalog
    missing = []
    for entry in _source_strings(tmp_path):
        if not entry.msgid.strip():
            continue
        key = (_key(entry), 0) if entry.msgid_plural else _key(entry)
        if key not in catalog:
            missing.append(f"{entry.msgid!r} ({_where(entry)})")
    assert not missing, f"{len(missing)} strings shown in English on a Chinese page:\n" + "\n".join(missing[:60])


def test_no_gettext_inside_an_f_string() -> None:
    """xgettext cannot see ``f"{_('...')}"``, so such a string never reaches a catalogue and shows in English."""
    hidden = [f"{path.relative_to(PACKAGE)}:{n}" for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts
              for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
              if re.search(r"""\bf["'].*\{_\(|\bf["'].*\{gettext\(""", line)]
    assert not hidden, "gettext inside an f-string (use a %(name)s template): " + ", ".join(hidden)
