"""How the plans app's audit keys that are not model fields read (see kechuang.core.audit_display)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kechuang.core.audit_display import describe
from kechuang.plans.models import Item, Responsibility, WorkPlan

describe(WorkPlan, "source", label=_("Source document"))
for _role, _label in Responsibility.Role.choices:  # "responsibility.lead": a lead unit added or removed in review
    describe(Item, f"responsibility.{_role}", label=_label)
