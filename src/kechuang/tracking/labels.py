"""Translated labels of the engine's stored codes (the engine itself stays free of Django)."""

from django.utils.translation import gettext_lazy as _

STATUS_LABELS = {
    "not_started": _("Not started"), "on_track": _("On track"), "at_risk": _("At risk"), "behind": _("Behind"),
    "achieved": _("Achieved"), "missed": _("Missed"),
}
LIGHT_LABELS = {"green": _("Green"), "yellow": _("Yellow"), "red": _("Red"), "": _("No light")}
