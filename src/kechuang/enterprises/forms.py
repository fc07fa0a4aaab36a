"""Forms of the enterprises pages. They collect typed input; the services validate and write."""

from __future__ import annotations

import dataclasses

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kechuang.core.widgets import IsoDateInput
from kechuang.enterprises import models as m
from kechuang.enterprises.services import FiguresInput, IpInput, ProfileInput, QualificationInput

DATE = IsoDateInput()


class ServiceErrorsMixin:
    """Show a service's validation errors inline, on the field they name."""

    def add_service_errors(self, error: ValidationError) -> None:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                self.add_error(field if field in self.fields else None, errors)
        else:
            self.add_error(None, error)


def _money(label: str, required: bool = True, help_text: str = "") -> forms.DecimalField:
    return forms.DecimalField(label=label, max_digits=16, decimal_places=2, required=required,
                              help_text=help_text or _("Yuan."))


class ProfileForm(ServiceErrorsMixin, forms.Form):
    founded_on = forms.DateField(label=_("Founding date"), widget=DATE)
    industry_code = forms.CharField(label=_("Industry (GB/T 4754)"), max_length=5, required=False,
                                    help_text=_("Section letter and class code, e.g. C3914 or I6513."))
    main_field = forms.ChoiceField(label=_("High-tech field of the main products"), required=False,
                                   choices=[("", _("None of the eight fields")), *m.TECH_FIELD_CHOICES])
    main_product = forms.CharField(label=_("Main products or services"), max_length=200, required=False)
    contact_name = forms.CharField(label=_("Contact person"), max_length=60, required=False)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=30, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    special = forms.ChoiceField(label=_("Special super-deduction list"), choices=m.Special.choices, required=False)
    restricted_products = forms.BooleanField(label=_("Products in a restricted or obsolete catalogue"),
                                             required=False)
    serious_incident = forms.BooleanField(label=_("Serious incident or dishonesty record in the last year"),
                                          required=False)
    rd_management_system = forms.ChoiceField(label=_("R&D management system and expense accounts"),
                                             choices=m.LEVEL_CHOICES)
    rd_institution = forms.ChoiceField(label=_("Internal R&D institution and cooperation"), choices=m.LEVEL_CHOICES)
    rd_conversion_incentives = forms.ChoiceField(label=_("Conversion incentives and open platforms"),
                                                 choices=m.LEVEL_CHOICES)
    rd_talent_system = forms.ChoiceField(label=_("Talent training and reward system"), choices=m.LEVEL_CHOICES)
    ip_advancement = forms.ChoiceField(label=_("Advancement of the IP's technology"), choices=m.GRADE_CHOICES,
                                       required=False, help_text=_("Your own estimate; experts grade it."))
    ip_core_support = forms.ChoiceField(label=_("IP's core support of the main products"), choices=m.GRADE_CHOICES,
                                        required=False, help_text=_("Your own estimate; experts grade it."))
    reason = forms.CharField(label=_("Reason for the change"), max_length=500, required=False,
                             help_text=_("Kept in the audit trail."))

    @classmethod
    def initial_from(cls, profile: m.EnterpriseProfile) -> dict[str, object]:
        return {f.name: getattr(profile, f.name) for f in dataclasses.fields(ProfileInput)}

    def to_input(self) -> ProfileInput:
        return ProfileInput(**{f.name: self.cleaned_data[f.name] for f in dataclasses.fields(ProfileInput)})


class FiguresForm(ServiceErrorsMixin, forms.Form):
    year = forms.IntegerField(label=_("Year"))
    sales_revenue = _money(_("Sales revenue"))
    total_income = _money(_("Total income"))
    high_tech_income = _money(_("High-tech product/service income"))
    rd_expense = _money(_("R&D expense"))
    rd_expense_domestic = _money(_("R&D expense in China"))
    rd_personnel = _money(_("R&D: personnel"), required=False)
    rd_direct_inputs = _money(_("R&D: direct inputs"), required=False)
    rd_depreciation = _money(_("R&D: depreciation"), required=False)
    rd_amortisation = _money(_("R&D: amortisation of intangibles"), required=False)
    rd_design_trials = _money(_("R&D: design and trials"), required=False)
    rd_other = _money(_("R&D: other related expenses"), required=False)
    rd_capitalised = _money(_("R&D capitalised as intangible assets"), required=False)
    costs_and_expenses = _money(_("Total costs and expenses"), required=False)
    total_assets = _money(_("Total assets"))
    net_assets = _money(_("Net assets"))
    employees = forms.IntegerField(label=_("Employees"))
    st_staff = forms.IntegerField(label=_("S&T staff"))
    achievements_converted = forms.IntegerField(label=_("Achievements converted"), required=False,
                                                help_text=_("Items converted into products or services this year."))
    reason = forms.CharField(label=_("Reason for the change"), max_length=500, required=False)

    @classmethod
    def initial_from(cls, row: m.AnnualFigures) -> dict[str, object]:
        return {name: getattr(row, name) for name in cls.base_fields if name != "reason"}

    def to_input(self) -> FiguresInput:
        data = {k: v for k, v in self.cleaned_data.items() if k != "reason"}
        for f in dataclasses.fields(FiguresInput):
            if data.get(f.name) is None and f.default is not dataclasses.MISSING:
                data[f.name] = f.default
        return FiguresInput(**data)


class IpForm(ServiceErrorsMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=m.IP_KIND_CHOICES)
    number = forms.CharField(label=_("Number"), max_length=60)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    granted_on = forms.DateField(label=_("Grant date"), widget=DATE)
    expires_on = forms.DateField(label=_("Expiry date"), widget=DATE, required=False)
    acquisition = forms.ChoiceField(label=_("How acquired"), choices=m.ACQUISITION_CHOICES)
    used_in_hte = forms.BooleanField(label=_("Already used in an HTE application"), required=False)

    def to_input(self) -> IpInput:
        return IpInput(**self.cleaned_data)


class QualificationForm(ServiceErrorsMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=m.Qualification.Kind.choices)
    number = forms.CharField(label=_("Certificate or registration number"), max_length=60, required=False)
    name = forms.CharField(label=_("Name"), max_length=100, required=False)
    issued_on = forms.DateField(label=_("Issued on"), widget=DATE)
    valid_until = forms.DateField(label=_("Valid until"), widget=DATE)

    def to_input(self) -> QualificationInput:
        return QualificationInput(**self.cleaned_data)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Filled-in template (.xlsx)"))
    good_rows_only = forms.BooleanField(
        label=_("Import only the good rows"), required=False,
        help_text=_("Without this, a file with any bad row changes nothing."))
