"""How much one import may hold: bytes of the file, plans in it, characters of its text.

Pure: no Django. The web layer reads the figures from settings (``PLAN_IMPORT_*``) and translates the
English message templates below; each says the limit, the actual figure and what to do about it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kechuang.i18n import gettext_noop

MSG_TOO_MANY_BYTES = gettext_noop(
    "The file “%(name)s” is %(actual)s; at most %(limit)s can be imported at once. Split it into several "
    "files (for example one per plan or chapter) or save it without pictures, then import each file.")
MSG_TOO_MANY_CHARS = gettext_noop(
    "“%(name)s” holds %(actual)s characters of text; at most %(limit)s can be imported from one file. "
    "Split it into several files (for example one per plan or chapter) and import each.")
MSG_TOO_MANY_PLANS = gettext_noop(
    "“%(name)s” holds %(actual)s plans; at most %(limit)s can be imported from one file. Split it into "
    "files of at most %(limit)s plans each, or check that the plan is not repeated in the file.")


@dataclass(frozen=True)
class Breach:
    """A limit passed: an English message template and its parameters."""

    template: str
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportLimits:
    max_bytes: int
    max_plans: int
    max_chars: int
    background_bytes: int

    def check_size(self, name: str, size: int) -> Breach | None:
        """Checked before the file is read at all."""
        if size > self.max_bytes:
            return Breach(MSG_TOO_MANY_BYTES, {"name": name, "actual": megabytes(size),
                                               "limit": megabytes(self.max_bytes)})
        return None

    def check_content(self, name: str, chars: int, plans: int) -> Breach | None:
        """Checked after reading, before anything is stored."""
        if chars > self.max_chars:
            return Breach(MSG_TOO_MANY_CHARS, {"name": name, "actual": f"{chars:,}", "limit": f"{self.max_chars:,}"})
        if plans > self.max_plans:
            return Breach(MSG_TOO_MANY_PLANS, {"name": name, "actual": str(plans), "limit": str(self.max_plans)})
        return None

    def in_background(self, size: int) -> bool:
        """Large files are read by the task worker, so the request returns at once."""
        return size > self.background_bytes


def megabytes(size: int) -> str:
    """Sizes as people compare them with a limit: ``10 MB``, ``5.6 MB``, ``120 KB``."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    return f"{max(1, round(size / 1024))} KB"
