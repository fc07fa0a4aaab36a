"""Forms of the tracking pages; they only shape input, the services hold the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kechuang.core.widgets import IsoDateInput
from kechuang.tracking.models import Direction, Frequency


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)] if data else []


class ReportForm(forms.Form):
    period_key = forms.ChoiceField(label=_("Reporting period"))
    value = forms.CharField(label=_("Value reached"), required=False, max_length=40,
                            help_text=_("A number in the target's unit."))
    narrative = forms.CharField(label=_("Progress"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    override_reason = forms.CharField(label=_("Reason for overriding the live metric"), required=False,
                                      max_length=500)
    files = MultipleFileField(label=_("Evidence files"), required=False)

    def __init__(self, *args, periods: list[tuple[str, str]], bound: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["period_key"].choices = periods
        if not bound:
            del self.fields["override_reason"]


class AssignmentForm(forms.Form):
    lead_unit = forms.ModelChoiceField(label=_("Lead unit"), queryset=None)
    supporting_units = forms.ModelMultipleChoiceField(label=_("Supporting units"), queryset=None, required=False)
    responsible_person = forms.CharField(label=_("Responsible person"), required=False, max_length=100)
    deadline = forms.DateField(label=_("Deadline"), widget=IsoDateInput())
    frequency = forms.ChoiceField(label=_("Reporting frequency"), choices=Frequency.choices)
    direction = forms.ChoiceField(label=_("Direction"), choices=Direction.choices)
    baseline_value = forms.FloatField(label=_("Baseline value"), required=False)
    baseline_year = forms.IntegerField(label=_("Baseline year"), required=False, min_value=1990, max_value=2100)
    reason = forms.CharField(label=_("Reason for the change"), required=False, max_length=300)

    def __init__(self, *args, units, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead_unit"].queryset = units
        self.fields["supporting_units"].queryset = units


class BindingForm(forms.Form):
    metric_code = forms.ChoiceField(label=_("Metric"), required=False)
    region = forms.CharField(label=_("Region code"), required=False, max_length=6)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)

    def __init__(self, *args, metrics: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["metric_code"].choices = [("", _("Manual reports")), *metrics]


class AssessmentForm(forms.Form):
    cap = forms.FloatField(label=_("Highest completion ratio credited"), min_value=1, initial=1.2)
    floor = forms.FloatField(label=_("Ratio below which nothing is earned"), min_value=0, max_value=1, initial=0)
    bonus_rate = forms.FloatField(label=_("Bonus per unit of over-achievement"), min_value=0, initial=1)
