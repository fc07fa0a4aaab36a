"""How the tracking app's audit keys that are not model fields read (see kechuang.core.audit_display)."""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kechuang.core.audit_display import describe, fields_text
from kechuang.plans.models import Target, WorkPlan
from kechuang.tracking.models import Assessment, ProgressReport, TargetLink
from kechuang.tracking.workflow import REPORT_WORKFLOW

describe(Target, "carried_by", label=_("Carried forward by"), related=Target)
describe(Target, "share", label=TargetLink._meta.get_field("share").verbose_name)
describe(WorkPlan, "assessment", label=Assessment._meta.verbose_name,
         display=lambda values: fields_text(Assessment, values) if isinstance(values, dict) else str(values))


def _step_label(code: str) -> str:
    """A report step's label (the trail stores the step's code)."""
    step = next((t for t in REPORT_WORKFLOW.transitions if t.code == code), None)
    return gettext(step.label) if step else code


describe(ProgressReport, "step", label=_("Step"), display=_step_label)
