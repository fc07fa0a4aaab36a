"""How the core's own audit keys that are not model fields read (see kechuang.core.audit_display)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kechuang.core.audit_display import describe
from kechuang.core.models import ROLE_CHOICES, Attachment, User

describe(User, "roles", label=_("Roles"), choices=ROLE_CHOICES)
describe("*", "attachment", label=Attachment._meta.verbose_name)
