"""Walk an application through the cycle with the services, for tests that start further along."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from kechuang.projects.models import Application
from kechuang.projects.services import applications as apps_svc
from kechuang.projects.services import award, execution, review


def to_review(p, app: Application) -> Application:
    apps_svc.application_submit(actor=p.applicant, application=app)
    apps_svc.formal_check_start(actor=p.officer, application=app)
    apps_svc.formal_check_pass(actor=p.officer, application=app)
    return Application.objects.get(pk=app.pk)


def review_all(p, app: Application, points=(35, 25, 25)) -> Application:
    review.assign_call(actor=p.officer, call=app.call)
    for assignment in app.assignments.select_related("expert"):
        review.review_submit(actor=assignment.expert, application=app, comment="good",
                             scores={"merit": points[0], "team": points[1], "plan": points[2]})
    review.review_close(actor=p.officer, application=app)
    return Application.objects.get(pk=app.pk)


def to_award(p, app: Application) -> Application:
    app = review_all(p, to_review(p, app))
    review.call_score(actor=p.officer, call=app.call)
    award.awards_propose(actor=p.officer, call=app.call)
    award.decision_record(actor=p.officer, call=app.call, meeting="局长办公会", minutes="同意立项")
    return Application.objects.get(pk=app.pk)


def to_running(p, app: Application) -> Application:
    app = to_award(p, app)
    execution.contract_generate(actor=p.officer, application=app)
    app = Application.objects.get(pk=app.pk)
    execution.contract_sign(actor=p.applicant, application=app)
    execution.contract_sign(actor=p.officer, application=Application.objects.get(pk=app.pk))
    execution.disbursement_record(actor=p.officer, application=Application.objects.get(pk=app.pk),
                                  amount=Decimal(300_000), paid_on=dt.date(2026, 8, 1))
    return Application.objects.get(pk=app.pk)
