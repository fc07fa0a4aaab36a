"""What the plans app makes searchable: a work plan by its title and issuer."""

from __future__ import annotations

from django.urls import reverse

from kechuang.core.search_index import SearchKind, register
from kechuang.plans.models import WorkPlan

register(SearchKind(
    kind="plan",
    queryset=lambda: WorkPlan.objects.all(),
    text=lambda plan: f"{plan.title} {plan.issuer}",
    url=lambda plan: reverse("plans:plan_detail", args=[plan.pk]),
    # Plan pages are open to every plan reader (see plans.permissions); the list is not scoped further.
    visible=lambda user: WorkPlan.objects.all(),
))
