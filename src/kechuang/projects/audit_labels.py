"""How the projects app's audit keys that are not model fields read (see kechuang.core.audit_display)."""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kechuang.core.audit_display import describe
from kechuang.core.models import User
from kechuang.projects.domain.workflow import APPLICATION_LIFECYCLE
from kechuang.projects.formatting import yuan
from kechuang.projects.models import Application, Call, ChangeRequest, Review


def _step_label(code: str) -> str:
    """A workflow step's label, whichever state it leaves (the trail stores the step's code)."""
    step = next((t for t in APPLICATION_LIFECYCLE.transitions if t.code == code), None)
    return gettext(step.label) if step else code


def _review_name(review: Review) -> str:
    return gettext("%(expert)s, total %(total)s") % {"expert": review.assignment.expert,
                                                     "total": yuan(review.total)}


describe(Application, "step", label=_("Step"), display=_step_label)
describe(Application, "expert", label=_("Expert"), related=User)
describe(Application, "review", label=_("Review submitted"), related=Review, name_of=_review_name)
describe(Application, "disbursement", label=_("Disbursement (yuan)"), display=yuan)
describe(Application, "midterm_report", label=_("Mid-term report"))
describe(Application, "contract_signed_by_applicant", label=_("Contract signed by the applicant"),
         display=lambda signed: gettext("Yes") if signed else gettext("No"))
describe(Application, "formal_check_answer", label=_("Answer to the formal check"))
describe(Application, "change_request", label=_("Change request"), choices=ChangeRequest.Kind.choices)
describe(Call, "assignments", label=_("Expert assignments made"))
describe(Call, "proposed", label=_("Applications proposed for funding"))
describe(Call, "scored", label=_("Applications scored"))
