"""Forms of the projects pages. They collect input section by section; the services validate and write.

Lists (targets, team, schedule) are edited as one line per entry with ``|`` between the columns, which
works without JavaScript and pastes straight from a spreadsheet or a Word table.
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kechuang.core.widgets import IsoDateInput
from kechuang.projects.models import Application, ChangeRequest

SECTIONS = (
    ("basic", _("Project")),
    ("targets", _("Targets and schedule")),
    ("team", _("Team and partners")),
    ("budget", _("Budget")),
    ("documents", _("Attachments")),
)


def _rows(text: str, columns: tuple[str, ...], label: str) -> list[dict[str, str]]:
    rows = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        cells = [c.strip() for c in line.replace("｜", "|").split("|")]
        if len(cells) > len(columns) or not cells[0]:
            raise ValidationError(_("%(label)s, line %(n)s: expected at most %(k)s columns separated by “|”.")
                                  % {"label": label, "n": n, "k": len(columns)})
        rows.append(dict(zip(columns, cells + [""] * (len(columns) - len(cells)), strict=True)))
    return rows


def _lines(rows: list[dict[str, str]], columns: tuple[str, ...]) -> str:
    return "\n".join(" | ".join(str(r.get(c, "")) for c in columns) for r in rows)


KPI_COLUMNS = ("indicator", "comparator", "value", "unit")
TEAM_COLUMNS = ("name", "role", "id_number", "organisation")
SCHEDULE_COLUMNS = ("period", "milestone")


class BasicForm(forms.Form):
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    field = forms.CharField(label=_("Discipline code"), max_length=60, required=False,
                            help_text=_("GB/T 13745 code, e.g. 52010; used to match experts."))
    title = forms.CharField(label=_("Project title"), max_length=200, required=False)
    leader_name = forms.CharField(label=_("Project leader"), max_length=60, required=False)
    leader_id_number = forms.CharField(label=_("Leader's ID number"), max_length=32, required=False)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
    objectives = forms.CharField(label=_("Objectives"), widget=forms.Textarea(attrs={"rows": 4}), required=False)

    def __init__(self, *args, topics: list[dict[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", "—")] + [(t["code"], f'{t["code"]} {t["title"]}') for t in topics]

    @staticmethod
    def initial_from(app: Application) -> dict[str, object]:
        return {n: getattr(app, n) for n in ("topic", "field", "title", "leader_name", "leader_id_number",
                                             "summary", "objectives")}

    def changes(self) -> dict[str, object]:
        return dict(self.cleaned_data)


class TargetsForm(forms.Form):
    kpis = forms.CharField(
        label=_("Performance targets"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One per line: indicator | comparator (>=, >, =, <=, <) | value | unit."))
    start_date = forms.DateField(label=_("Start"), required=False, widget=IsoDateInput())
    end_date = forms.DateField(label=_("End"), required=False, widget=IsoDateInput())
    schedule = forms.CharField(label=_("Schedule"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
                               help_text=_("One per line: period | milestone."))

    @staticmethod
    def initial_from(app: Application) -> dict[str, object]:
        return {"kpis": _lines(app.kpis, KPI_COLUMNS), "start_date": app.start_date, "end_date": app.end_date,
                "schedule": _lines(app.schedule, SCHEDULE_COLUMNS)}

    def clean_kpis(self) -> list[dict[str, str]]:
        return _rows(self.cleaned_data["kpis"], KPI_COLUMNS, str(_("Performance targets")))

    def clean_schedule(self) -> list[dict[str, str]]:
        return _rows(self.cleaned_data["schedule"], SCHEDULE_COLUMNS, str(_("Schedule")))

    def changes(self) -> dict[str, object]:
        return dict(self.cleaned_data)


class TeamForm(forms.Form):
    team = forms.CharField(label=_("Team"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
                           help_text=_("One per line: name | role | ID number | organisation."))
    cooperators = forms.CharField(label=_("Cooperating organisations"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}),
                                  help_text=_("Credit codes, one per line."))

    @staticmethod
    def initial_from(app: Application) -> dict[str, object]:
        return {"team": _lines(app.team, TEAM_COLUMNS),
                "cooperators": "\n".join(o.uscc or "" for o in app.cooperators.all())}

    def clean_team(self) -> list[dict[str, str]]:
        return _rows(self.cleaned_data["team"], TEAM_COLUMNS, str(_("Team")))

    def clean_cooperators(self) -> list[str]:
        return [c.strip().upper() for c in self.cleaned_data["cooperators"].split() if c.strip()]

    def changes(self) -> dict[str, object]:
        return {"team": self.cleaned_data["team"]}


class BudgetForm(forms.Form):
    equipment_purchase = forms.DecimalField(label=_("Equipment purchase"), min_value=0, decimal_places=2)
    equipment_other = forms.DecimalField(label=_("Other equipment costs"), min_value=0, decimal_places=2,
                                         help_text=_("Trial manufacture, upgrade, lease."))
    operations = forms.DecimalField(label=_("Operations"), min_value=0, decimal_places=2)
    labour = forms.DecimalField(label=_("Labour"), min_value=0, decimal_places=2)
    indirect = forms.DecimalField(label=_("Indirect costs"), min_value=0, decimal_places=2,
                                  help_text=_("At most 30% of direct costs less equipment purchase up to 5 million "
                                              "yuan, 25% from 5 to 10 million, 20% above."))
    self_raised = forms.DecimalField(label=_("Self-raised funds"), min_value=0, decimal_places=2)

    @staticmethod
    def initial_from(app: Application) -> dict[str, object]:
        return {n: getattr(app, n) for n in ("equipment_purchase", "equipment_other", "operations", "labour",
                                             "indirect", "self_raised")}

    def changes(self) -> dict[str, object]:
        return dict(self.cleaned_data)


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document"))
    file = forms.FileField(label=_("File"))

    def __init__(self, *args, required: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k, k) for k in required] + [("其他", _("Other"))]


SECTION_FORMS = {"basic": BasicForm, "targets": TargetsForm, "team": TeamForm, "budget": BudgetForm}


class ReviewForm(forms.Form):
    comment = forms.CharField(label=_("Comments for the panel"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, rubric: list[dict], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for c in rubric:
            self.fields[f"score_{c['code']}"] = forms.DecimalField(
                label=f"{c.get('label', c['code'])} (0–{c['max']})", min_value=0, max_value=Decimal(c["max"]),
                decimal_places=1)
        self.order_fields([f"score_{c['code']}" for c in rubric] + ["comment"])

    def scores(self) -> dict[str, float]:
        return {k.removeprefix("score_"): float(v) for k, v in self.cleaned_data.items() if k.startswith("score_")}


class ChangeRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ChangeRequest.Kind.choices)
    detail = forms.CharField(label=_("What changes and why"), widget=forms.Textarea(attrs={"rows": 3}))
    new_end_date = forms.DateField(label=_("New end date"), required=False,
                                   widget=IsoDateInput())
    new_leader_name = forms.CharField(label=_("New leader"), required=False)
    new_leader_id_number = forms.CharField(label=_("New leader's ID number"), required=False)
