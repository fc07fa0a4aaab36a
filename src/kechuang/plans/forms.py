"""Forms of the plans UI; they collect input, the services validate and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kechuang.plans.models import Responsibility, Target
from kechuang.plans.services import TargetInput

ACCEPTED = ".txt,.docx,.pdf,.html,.htm"


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Document"), required=False,
                           help_text=_("A work plan as .docx, .pdf (with a text layer), .html or .txt."),
                           widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED}))
    text = forms.CharField(label=_("Or paste the text"), required=False, widget=forms.Textarea(attrs={"rows": 8}))

    def clean(self) -> dict[str, object]:
        data = super().clean()
        if "file" in self.errors:  # e.g. an empty upload: its own message says what is wrong
            return data
        if not data.get("file") and not (data.get("text") or "").strip():
            raise forms.ValidationError(_("Choose a file or paste the plan's text."))
        return data


class TargetForm(forms.Form):
    metric = forms.CharField(label=_("Indicator"), max_length=200)
    action = forms.CharField(label=_("Action"), max_length=40, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=Target.Kind.choices)
    comparator = forms.ChoiceField(label=_("Comparator"), choices=Target.Comparator.choices)
    value = forms.FloatField(label=_("Value"))
    value_max = forms.FloatField(label=_("Upper value"), required=False)
    unit = forms.CharField(label=_("Unit"), max_length=30, required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)
    firmness = forms.ChoiceField(label=_("Firmness"), choices=Target.Firmness.choices)
    weight = forms.FloatField(label=_("Weight"), initial=1.0, min_value=0)

    @classmethod
    def initial_from(cls, target: Target) -> dict[str, object]:
        return {f: getattr(target, f) for f in cls.base_fields}

    def to_input(self, *, item_id: int | None, quote: str = "", recurrence: str = "once") -> TargetInput:
        d = self.cleaned_data
        return TargetInput(metric=d["metric"], action=d["action"], kind=d["kind"], comparator=d["comparator"],
                           value=d["value"], value_max=d["value_max"], unit=d["unit"], year=d["year"],
                           firmness=d["firmness"], weight=d["weight"], item_id=item_id, quote=quote,
                           recurrence=recurrence)


class ResponsibilityForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Responsibility.Role.choices)
    name = forms.CharField(label=_("Name"), max_length=200)
