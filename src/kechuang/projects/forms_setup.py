"""Forms of the officer's set-up pages. Lists (topics, rubric criteria, attachments, fields, conflicts) are
formsets: one row of inputs per entry, never typed JSON or separated lines. The services validate."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kechuang.core.models import ORG_KIND_CHOICES, Organisation, User
from kechuang.core.roles import OrgKind, Role
from kechuang.projects.models import Call, IntegrityRecord, Programme

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
WAN = Decimal(10_000)


def in_wan(amount: Decimal | str | None) -> Decimal | None:
    """An amount stored in yuan as the officer types it, in 万元 without trailing zeros (3000000 → 300)."""
    if amount is None or amount == "":
        return None
    value = Decimal(str(amount)) / WAN
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _organisations(*kinds: str) -> QuerySet[Organisation]:
    qs = Organisation.objects.order_by("name")
    return qs.filter(kind__in=kinds) if kinds else qs


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = ("name", "category", "department", "officer")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = _organisations(OrgKind.DEPARTMENT, OrgKind.BUREAU)
        self.fields["officer"].queryset = User.objects.filter(
            role_grants__role=Role.PROGRAMME_OFFICER, is_active=True).order_by("username").distinct()
        self.fields["officer"].label_from_instance = lambda u: u.display_name or u.username


class CallForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    opens_at = forms.DateTimeField(label=_("Opens"), widget=DATETIME)
    deadline = forms.DateTimeField(label=_("Deadline"), widget=DATETIME)
    total_budget = forms.DecimalField(label=_("Total budget (10,000 yuan)"), min_value=0, decimal_places=2)
    per_project_cap = forms.DecimalField(label=_("Cap per project (10,000 yuan)"), min_value=0, decimal_places=2,
                                         required=False)
    organisation_types = forms.MultipleChoiceField(
        label=_("Organisation types that may apply"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: any type may apply."))
    co_funding_ratio = forms.DecimalField(label=_("Required co-funding ratio"), min_value=0, decimal_places=2,
                                          initial=Decimal(0), help_text=_("Self-raised funds per yuan requested."))
    max_open_projects_per_leader = forms.IntegerField(label=_("Open projects per leader, at most"), min_value=1,
                                                      required=False)
    requires_recommendation = forms.BooleanField(label=_("Requires a recommending unit"), required=False)
    blind = forms.BooleanField(label=_("Blind review"), required=False, initial=True)
    experts_per_application = forms.IntegerField(label=_("Experts per application"), min_value=1, max_value=15,
                                                 initial=3)
    review_deadline = forms.DateTimeField(label=_("Review deadline"), widget=DATETIME, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation_types"].choices = ORG_KIND_CHOICES

    @staticmethod
    def initial_from(call: Call) -> dict[str, object]:
        values = {n: getattr(call, n) for n in ("title", "year", "opens_at", "deadline", "organisation_types",
                                                "co_funding_ratio", "max_open_projects_per_leader",
                                                "requires_recommendation", "blind", "experts_per_application",
                                                "review_deadline")}
        values["total_budget"] = in_wan(call.total_budget)
        values["per_project_cap"] = in_wan(call.per_project_cap)
        return values


class TopicForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=20)
    title = forms.CharField(label=_("Topic"), max_length=200)
    budget = forms.DecimalField(label=_("Budget (10,000 yuan)"), min_value=0, decimal_places=2, required=False)


class CriterionForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=20)
    label = forms.CharField(label=_("Criterion"), max_length=100)
    max = forms.IntegerField(label=_("Maximum score"), min_value=1, max_value=100)


class AttachmentForm(forms.Form):
    name = forms.CharField(label=_("Required attachment"), max_length=100)


class FieldCodeForm(forms.Form):
    code = forms.RegexField(label=_("Discipline code"), regex=r"^\d{3}(\d{2}){0,2}$", max_length=7,
                            help_text=_("GB/T 13745: 3, 5 or 7 digits."),
                            error_messages={"invalid": _("A discipline code has 3, 5 or 7 digits (GB/T 13745).")})


class ConflictForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none())

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = _organisations()


class CollaborationForm(ConflictForm):
    year = forms.IntegerField(label=_("Year"), min_value=1950, max_value=2100)


def formset(form: type[forms.Form], extra: int = 2) -> type[forms.BaseFormSet]:
    """Rows of ``form``; empty rows are ignored and ticked ones deleted, so a list edits in place."""
    return forms.formset_factory(form, extra=extra, can_delete=True)


TopicFormSet = formset(TopicForm)
CriterionFormSet = formset(CriterionForm)
AttachmentFormSet = formset(AttachmentForm)
FieldFormSet = formset(FieldCodeForm)
ConflictFormSet = formset(ConflictForm)
CollaborationFormSet = formset(CollaborationForm)


def rows(fs: forms.BaseFormSet) -> list[dict[str, object]]:
    """The filled, undeleted rows of a valid formset, in order."""
    return [f.cleaned_data for f in fs.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]


class ExpertForm(forms.Form):
    display_name = forms.CharField(label=_("Name"), max_length=60)
    employer = forms.ModelChoiceField(label=_("Employer"), queryset=Organisation.objects.none())
    id_number = forms.CharField(label=_("ID number"), max_length=24,
                                help_text=_("18 characters; the last one is a check digit (GB 11643)."))
    available = forms.BooleanField(label=_("Available for review"), required=False, initial=True)
    max_load = forms.IntegerField(label=_("Most applications per call"), min_value=1, max_value=200, initial=15)
    username = forms.CharField(label=_("User name for the login"), max_length=150, required=False)
    password = forms.CharField(label=_("Initial password"), required=False, widget=forms.PasswordInput,
                               help_text=_("The expert changes it at the first sign-in."))

    def __init__(self, *args, new: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["employer"].queryset = _organisations()
        if new:
            self.fields["username"].required = self.fields["password"].required = True
        else:
            del self.fields["username"], self.fields["password"]


class IntegrityRecordForm(forms.ModelForm):
    class Meta:
        model = IntegrityRecord
        fields = ("subject_kind", "organisation", "person_name", "person_id_number", "severity", "start", "end",
                  "source")
        widgets = {"start": DATE, "end": DATE}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = _organisations()

    def _post_clean(self) -> None:
        """The service validates and writes; the model is not validated or filled here."""
