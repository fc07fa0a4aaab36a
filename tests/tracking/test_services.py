import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kechuang.core.audit import audit_for
from kechuang.core.models import Attachment, AuditEntry, Notification
from kechuang.tracking import services
from kechuang.tracking.models import ProgressReport
from kechuang.tracking.services import ReportInput

from .conftest import TODAY


def state() -> tuple[int, ...]:
    return (ProgressReport.objects.count(), Attachment.objects.count(),
            AuditEntry.objects.exclude(action=AuditEntry.Action.DENIED).count())


def test_prefill_assigns_matched_units_and_leaves_collective_names(tracked):
    assert (tracked.assigned, tracked.left) == (3, 1)
    hte = tracked.by_metric("高新技术企业")
    assert hte.lead_unit == tracked.world.department
    assert list(hte.supporting_units.all()) == [tracked.world.district_bureau]
    assert hte.responsible_person == "李明"
    assert tracked.by_metric("能耗").direction == "decrease"
    again = services.assignments_prefill(actor=tracked.planner, plan=tracked.plan)
    assert again == (0, 1)  # existing assignments are kept


def test_only_planners_assign(tracked):
    with pytest.raises(PermissionDenied):
        services.assignments_prefill(actor=tracked.dept, plan=tracked.plan)
    assert audit_for(tracked.plan).filter(action=AuditEntry.Action.DENIED).exists()


def test_report_workflow_with_a_return(tracked, _media, small_pdf):
    hte = tracked.by_metric("高新技术企业")
    report = services.report_save(actor=tracked.dept, assignment=hte, unit=tracked.world.department,
                                  data=ReportInput("2025-Q2", value="12", unit="家", narrative="认定12家",
                                                   files=[small_pdf]), today=TODAY)
    assert report.state == "draft" and report.value == 12
    services.report_transition(actor=tracked.dept, report=report, name="submit")
    with pytest.raises(ValidationError):
        services.report_transition(actor=tracked.planner, report=report, name="return", reason=" ")
    services.report_transition(actor=tracked.planner, report=report, name="return", reason="缺少认定名单")
    assert report.state == "returned" and report.return_reason == "缺少认定名单"
    assert Notification.objects.filter(recipient=tracked.dept, level="warning").exists()
    services.report_save(actor=tracked.dept, assignment=hte, unit=tracked.world.department,
                         data=ReportInput("2025-Q2", value=13, narrative="补充名单"), today=TODAY)
    services.report_transition(actor=tracked.dept, report=report, name="submit")
    services.report_transition(actor=tracked.planner, report=report, name="accept")
    report.refresh_from_db()
    assert (report.state, report.value) == ("accepted", 13)
    moves = [(e.changes["state"], e.actor_name, e.reason)
             for e in audit_for(report).filter(action=AuditEntry.Action.TRANSITION).order_by("id")]
    assert moves == [
        (["draft", "submitted"], tracked.dept.username, ""),
        (["submitted", "returned"], tracked.planner.username, "缺少认定名单"),
        (["returned", "submitted"], tracked.dept.username, ""),
        (["submitted", "accepted"], tracked.planner.username, ""),
    ]
    with pytest.raises(ValidationError):
        services.report_save(actor=tracked.dept, assignment=hte, unit=tracked.world.department,
                             data=ReportInput("2025-Q2", value=14), today=TODAY)


def test_units_cannot_accept_their_own_reports(tracked):
    hte = tracked.by_metric("高新技术企业")
    report = services.report_save(actor=tracked.dept, assignment=hte, unit=tracked.world.department,
                                  data=ReportInput("2025-Q2", value=3), today=TODAY)
    services.report_transition(actor=tracked.dept, report=report, name="submit")
    with pytest.raises(PermissionDenied):
        services.report_transition(actor=tracked.dept, report=report, name="accept")
    report.refresh_from_db()
    assert report.state == "submitted"


@pytest.mark.parametrize(("data", "field"), [
    (ReportInput("2025-Q1", value=5), "period_key"),  # closed on 10 April
    (ReportInput("2024-Q4", value=5), "period_key"),  # not a period of this target
    (ReportInput("2025-Q2", value="twelve"), "value"),
    (ReportInput("2025-Q2", value="12", unit="%"), "value"),
])
def test_bad_input_changes_nothing(tracked, data, field):
    hte = tracked.by_metric("高新技术企业")
    before = state()
    with pytest.raises(ValidationError) as exc:
        services.report_save(actor=tracked.dept, assignment=hte, unit=tracked.world.department, data=data,
                             today=TODAY)
    assert field in exc.value.message_dict
    assert state() == before


def test_a_non_member_cannot_report_for_the_unit(tracked):
    hte = tracked.by_metric("高新技术企业")
    before = state()
    with pytest.raises(PermissionDenied):
        services.report_save(actor=tracked.district, assignment=hte, unit=tracked.world.department,
                             data=ReportInput("2025-Q2", value=1), today=TODAY)
    assert state() == before
    assert audit_for(hte).filter(action=AuditEntry.Action.DENIED).exists()


@pytest.mark.parametrize("upload", [
    SimpleUploadedFile("big.pdf", b"%PDF-" + b"x" * 2048, content_type="application/pdf"),
    SimpleUploadedFile("tool.exe", b"MZ\x90\x00", content_type="application/octet-stream"),
    SimpleUploadedFile("fake.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"),
])
def test_bad_attachments_change_nothing(tracked, _media, settings, upload):
    settings.ATTACHMENT_MAX_BYTES = 1024
    hte = tracked.by_metric("高新技术企业")
    before = state()
    with pytest.raises(ValidationError):
        services.report_save(actor=tracked.dept, assignment=hte, unit=tracked.world.department,
                             data=ReportInput("2025-Q2", value=1, files=[upload]), today=TODAY)
    assert state() == before


def test_a_supporting_unit_contributes_to_the_lead_report(tracked):
    hte = tracked.by_metric("高新技术企业")
    part = services.report_save(actor=tracked.district, assignment=hte, unit=tracked.world.district_bureau,
                                data=ReportInput("2025-Q2", value=4, narrative="海曙认定4家"), today=TODAY)
    assert part.is_contribution
    services.report_transition(actor=tracked.district, report=part, name="submit")
    assert Notification.objects.filter(recipient=tracked.dept, title__contains="高新技术企业").exists()
    with pytest.raises(ValidationError):  # contributions go to the lead unit, not to the planner
        services.report_transition(actor=tracked.planner, report=part, name="accept")


def test_a_bound_target_needs_a_reason_to_override_the_metric(tracked):
    hte = tracked.by_metric("高新技术企业")
    services.metric_bind(actor=tracked.planner, assignment=hte, code="core.organisation_count",
                         filters={"kind": "enterprise", "region": "330200"})
    with pytest.raises(ValidationError) as exc:
        services.report_save(actor=tracked.dept, assignment=hte, unit=tracked.world.department,
                             data=ReportInput("2025-Q2", value=30), today=TODAY)
    assert "override_reason" in exc.value.message_dict
    report = services.report_save(actor=tracked.dept, assignment=hte, unit=tracked.world.department,
                                  data=ReportInput("2025-Q2", value=30, override_reason="统计口径含新迁入企业"),
                                  today=TODAY)
    assert report.override_reason


def test_binding_checks_the_metric_and_its_filters(tracked):
    hte = tracked.by_metric("高新技术企业")
    with pytest.raises(ValidationError):
        services.metric_bind(actor=tracked.planner, assignment=hte, code="nowhere.nothing")
    with pytest.raises(ValidationError):
        services.metric_bind(actor=tracked.planner, assignment=hte, code="core.organisation_count",
                             filters={"colour": "red"})


def test_assignment_save_validates_and_audits(tracked):
    target = tracked.plan.targets.get(metric__contains="人才")
    with pytest.raises(ValidationError):
        services.assignment_save(actor=tracked.planner, target=target, data=services.AssignmentInput(
            lead_unit_id=999999, deadline=TODAY))
    saved = services.assignment_save(actor=tracked.planner, target=target, data=services.AssignmentInput(
        lead_unit_id=tracked.world.department.pk, deadline=TODAY, frequency="monthly",
        supporting_unit_ids=[tracked.world.district_bureau.pk]), reason="处室共同承担")
    assert saved.frequency == "monthly"
    assert audit_for(saved).get().reason == "处室共同承担"
