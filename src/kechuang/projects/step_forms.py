"""Forms of the workflow steps that need more than a button (named by ``form=`` in the declaration).

The shared template ``core/_workflow_actions.html`` draws them under the step's button; the engine's
effect for the step (in the services) validates and writes. Each is built for the application it acts on.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kechuang.core.transitions import StepForm
from kechuang.core.widgets import IsoDateInput
from kechuang.projects.formatting import comparator
from kechuang.projects.models import PerformanceEvaluation


class DisbursementForm(StepForm):
    amount = forms.DecimalField(label=_("Amount (yuan)"), min_value=0, decimal_places=2)
    paid_on = forms.DateField(label=_("Paid on"), widget=IsoDateInput())
    note = forms.CharField(label=_("Note"), required=False, max_length=300)


class AcceptanceRequestForm(StepForm):
    """The final report and, for each contracted KPI, the value achieved."""

    final_report = forms.CharField(label=_("Final report"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        contract = getattr(self.obj, "contract", None)
        self.kpis = list(contract.kpis) if contract else []
        for n, kpi in enumerate(self.kpis):
            self.fields[f"achieved_{n}"] = forms.CharField(
                required=False, max_length=100,
                label=_("Achieved: %(indicator)s (%(comparator)s %(value)s %(unit)s)") % {
                    "indicator": kpi["indicator"], "comparator": comparator(kpi["comparator"]),
                    "value": kpi["value"], "unit": kpi.get("unit", "")})

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        cleaned["achieved"] = {kpi["indicator"]: cleaned.get(f"achieved_{n}", "") for n, kpi in enumerate(self.kpis)}
        return cleaned


class AcceptanceDecisionForm(StepForm):
    expert_opinion = forms.CharField(label=_("Expert panel's opinion"), widget=forms.Textarea(attrs={"rows": 2}))


class EvaluationForm(StepForm):
    score = forms.DecimalField(label=_("Score"), min_value=0, max_value=100, decimal_places=1)
    grade = forms.ChoiceField(label=_("Grade"), choices=PerformanceEvaluation.Grade.choices)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    funds_settled = forms.BooleanField(label=_("Accounts settled"), required=False)
