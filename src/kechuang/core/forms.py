"""Forms of the core UI. They collect input; the services validate and write."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kechuang.core import lockout
from kechuang.core.models import ORG_KIND_CHOICES, Organisation
from kechuang.core.roles import OrgKind
from kechuang.core.services import OrganisationInput


class LockoutAuthenticationForm(AuthenticationForm):
    """Django's login form, refusing a locked-out name and counting failures."""

    def clean(self) -> dict[str, object]:
        username = self.data.get("username", "")
        until = lockout.locked_until(username) if username else None
        if until is not None:
            raise ValidationError(
                gettext("Too many failed logins for this account. Try again after %(time)s.")
                % {"time": until.astimezone().strftime("%H:%M")},
                code="locked",
            )
        try:
            cleaned = super().clean()
        except ValidationError:
            lockout.record_failure(username)
            raise
        lockout.record_success(username)
        return cleaned


class OrganisationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    short_name = forms.CharField(label=_("Short name"), max_length=60, required=False)
    kind = forms.ChoiceField(label=_("Type"), choices=ORG_KIND_CHOICES)
    uscc = forms.CharField(
        label=_("Unified social credit code"),
        max_length=40,
        required=False,
        help_text=_("18 characters; required for enterprises and intermediaries."),
    )
    region = forms.CharField(
        label=_("Region code"), max_length=6, help_text=_("6-digit administrative division code (GB/T 2260)."),
        widget=forms.TextInput(attrs={"list": "region-options", "inputmode": "numeric", "autocomplete": "off"}),
    )
    parent = forms.ModelChoiceField(
        label=_("Parent organisation"),
        queryset=Organisation.objects.filter(kind=OrgKind.BUREAU),
        required=False,
        help_text=_("Departments and district bureaus belong to a bureau."),
    )
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    contact_name = forms.CharField(label=_("Contact person"), max_length=60, required=False)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=30, required=False)
    reason = forms.CharField(
        label=_("Reason for the change"), max_length=500, required=False,
        help_text=_("Kept in the audit trail."),
    )

    @classmethod
    def initial_from(cls, org: Organisation) -> dict[str, object]:
        return {
            "name": org.name, "short_name": org.short_name, "kind": org.kind, "uscc": org.uscc or "",
            "region": org.region_id, "parent": org.parent_id, "address": org.address,
            "contact_name": org.contact_name, "contact_phone": org.contact_phone,
        }

    def to_input(self) -> OrganisationInput:
        data = self.cleaned_data
        return OrganisationInput(
            name=data["name"], short_name=data["short_name"], kind=data["kind"], uscc=data["uscc"] or None,
            region_code=data["region"].strip(), parent_id=data["parent"].pk if data["parent"] else None,
            address=data["address"], contact_name=data["contact_name"], contact_phone=data["contact_phone"],
        )

    def add_service_errors(self, error: ValidationError) -> None:
        """Show the service's validation errors inline, on the field they name."""
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                self.add_error(field if field in self.fields else None, errors)
        else:
            self.add_error(None, error)


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File"))
