"""Programme projects from call to acceptance: the records the bureau keeps.

The lifecycle of an application (and the project it becomes) is declared in
``kechuang.projects.domain.workflow``; ``Application.state`` stores its stable codes. Structured parts of
a form that are edited and read as a whole (KPIs, team, schedule, rubric) are JSON lists of small dicts,
validated by the services, so one save writes a whole section in one row.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kechuang.core.models import Organisation
from kechuang.projects.domain.workflow import APPLICATION_LIFECYCLE

STATE_CHOICES = [(state.code, _(state.label)) for state in APPLICATION_LIFECYCLE.states]
MONEY = {"max_digits": 14, "decimal_places": 2, "default": Decimal(0)}


class Programme(models.Model):
    """A standing S&T programme (科技计划) run by a department; it opens calls."""

    name = models.CharField(_("name"), max_length=200)
    category = models.CharField(_("category"), max_length=60)
    department = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="programmes",
                                   verbose_name=_("department"))
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="programmes",
                                verbose_name=_("programme officer"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self) -> str:
        return self.name


class Call(models.Model):
    """A call for applications (项目指南) with its rules, budget and review rubric."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for applications")
        REVIEW = "review", _("Under review")
        DECIDED = "decided", _("Decided")
        EXECUTION = "execution", _("Projects running")
        CLOSED = "closed", _("Closed")

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="calls",
                                  verbose_name=_("programme"))
    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveIntegerField(_("year"), db_index=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT,
                              db_index=True)
    topics = models.JSONField(_("topics"), default=list, blank=True,
                              help_text=_("A list of {code, title} entries."))
    opens_at = models.DateTimeField(_("opens"))
    deadline = models.DateTimeField(_("deadline"))
    total_budget = models.DecimalField(_("total budget (yuan)"), **MONEY)
    per_project_cap = models.DecimalField(_("cap per project (yuan)"), max_digits=14, decimal_places=2,
                                          null=True, blank=True)
    organisation_types = models.JSONField(_("organisation types that may apply"), default=list, blank=True)
    region_prefixes = models.JSONField(_("region code prefixes"), default=list, blank=True)
    required_qualifications = models.JSONField(_("required qualifications"), default=list, blank=True)
    co_funding_ratio = models.DecimalField(_("required co-funding ratio"), max_digits=5, decimal_places=2,
                                           default=Decimal(0))
    max_open_projects_per_leader = models.PositiveIntegerField(_("open projects per leader, at most"),
                                                               null=True, blank=True)
    requires_recommendation = models.BooleanField(_("requires a recommending unit"), default=False)
    required_attachments = models.JSONField(_("required attachments"), default=list, blank=True)
    rubric = models.JSONField(_("review rubric"), default=list, blank=True,
                              help_text=_("A list of {code, label, max} criteria."))
    blind = models.BooleanField(_("blind review"), default=True)
    experts_per_application = models.PositiveSmallIntegerField(_("experts per application"), default=3)
    review_deadline = models.DateTimeField(_("review deadline"), null=True, blank=True)

    class Meta:
        ordering = ["-year", "-deadline"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")

    def __str__(self) -> str:
        return self.title

    def topic_title(self, code: str) -> str:
        return next((t.get("title", code) for t in self.topics if t.get("code") == code), code)


class IntegrityRecord(models.Model):
    """A research-integrity record (失信记录) against an organisation or a person.

    Kept in the projects app until an ``integrity`` app exists; persons are identified by their ID
    number, as the leader and team members of an application are.
    """

    class SubjectKind(models.TextChoices):
        ORGANISATION = "organisation", _("Organisation")
        PERSON = "person", _("Person")

    class Severity(models.IntegerChoices):
        GENERAL = 1, _("General")
        MAJOR = 2, _("Major")
        SEVERE = 3, _("Severe")

    subject_kind = models.CharField(_("subject type"), max_length=16, choices=SubjectKind.choices)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="integrity_records", verbose_name=_("organisation"))
    person_id_number = models.CharField(_("person's ID number"), max_length=32, blank=True, db_index=True)
    person_name = models.CharField(_("person's name"), max_length=60, blank=True)
    severity = models.PositiveSmallIntegerField(_("severity"), choices=Severity.choices)
    start = models.DateField(_("in force from"))
    end = models.DateField(_("in force until"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=200)

    class Meta:
        ordering = ["-start"]
        verbose_name = _("integrity record")
        verbose_name_plural = _("integrity records")

    def __str__(self) -> str:
        subject = self.organisation.name if self.organisation_id else self.person_name or self.person_id_number
        return f"{subject} ({self.get_severity_display()})"


class Qualification(models.Model):
    """A qualification an organisation holds (e.g. ``hte`` for a high-tech enterprise), read by eligibility.

    A stand-in for the enterprise registry until the enterprises app publishes qualifications.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="qualifications")
    code = models.CharField(_("qualification"), max_length=32)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "code"], name="one_qualification_per_code")]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.code}"


class Application(models.Model):
    """An application to a call; once awarded it is the project, so one record carries the whole story."""

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="applications", verbose_name=_("call"))
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="applications",
                                     verbose_name=_("applicant organisation"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="project_applications", verbose_name=_("created by"))
    state = models.CharField(_("state"), max_length=32, choices=STATE_CHOICES, default=APPLICATION_LIFECYCLE.initial,
                             db_index=True)
    state_changed_at = models.DateTimeField(_("state changed"), auto_now_add=True)
    topic = models.CharField(_("topic"), max_length=40, blank=True)
    field = models.CharField(_("technical field"), max_length=60, blank=True, db_index=True)
    title = models.CharField(_("project title"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    objectives = models.TextField(_("objectives"), blank=True)
    leader_name = models.CharField(_("project leader"), max_length=60, blank=True)
    leader_id_number = models.CharField(_("leader's ID number"), max_length=32, blank=True, db_index=True)
    kpis = models.JSONField(_("performance targets"), default=list, blank=True)
    team = models.JSONField(_("team"), default=list, blank=True)
    schedule = models.JSONField(_("schedule"), default=list, blank=True)
    cooperators = models.ManyToManyField(Organisation, blank=True, related_name="cooperations",
                                         verbose_name=_("cooperating organisations"))
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    equipment_purchase = models.DecimalField(_("equipment purchase"), **MONEY)
    equipment_other = models.DecimalField(_("other equipment costs"), **MONEY)
    operations = models.DecimalField(_("operations"), **MONEY)
    labour = models.DecimalField(_("labour"), **MONEY)
    indirect = models.DecimalField(_("indirect costs"), **MONEY)
    self_raised = models.DecimalField(_("self-raised funds"), **MONEY)
    requested_total = models.DecimalField(_("requested funding"), **MONEY)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    check_report = models.JSONField(_("submission check"), default=dict, blank=True)
    score = models.DecimalField(_("score"), max_digits=6, decimal_places=2, null=True, blank=True)
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True)
    proposed_amount = models.DecimalField(_("proposed award"), max_digits=14, decimal_places=2, null=True,
                                          blank=True)
    award_note = models.CharField(_("note on the award"), max_length=300, blank=True)
    awarded_amount = models.DecimalField(_("awarded amount"), max_digits=14, decimal_places=2, null=True,
                                         blank=True)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        indexes = [
            models.Index(fields=["call", "state"]),
            models.Index(fields=["state", "state_changed_at"]),
        ]

    def __str__(self) -> str:
        return self.title or _("Application %(pk)s") % {"pk": self.pk}

    @property
    def number(self) -> str:
        return f"{self.call.year}-{self.call_id:03d}-{self.pk:05d}"

    @property
    def topic_title(self) -> str:
        """The topic's title from the call ("T1" → "智能制造"), so pages never show the bare code."""
        return self.call.topic_title(self.topic) if self.topic else ""

    @property
    def direct_total(self) -> Decimal:
        return self.equipment_purchase + self.equipment_other + self.operations + self.labour


class ApplicationDocument(models.Model):
    """A file attached to an application as one of the call's required documents (or an extra one)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("document"), max_length=100)
    attachment = models.ForeignKey("core.Attachment", on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return self.kind


class Recommendation(models.Model):
    """A district bureau's or intermediary's endorsement (推荐) of an application."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="recommendation")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, verbose_name=_("recommending unit"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    note = models.TextField(_("opinion"), blank=True)
    at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.organisation} → {self.application}"


class FormalCheck(models.Model):
    """The officer's formal check (形式审查): passed, or returned with reasons the applicant answers."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="formal_checks")
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, verbose_name=_("officer"))
    passed = models.BooleanField(_("passed"))
    reasons = models.TextField(_("reasons"), blank=True)
    response = models.TextField(_("applicant's answer"), blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.application}: {'pass' if self.passed else 'return'}"


class ExpertProfile(models.Model):
    """An expert of the pool: fields, availability, load cap, declared conflicts and past collaborations."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="expert_profile")
    fields = models.JSONField(_("fields"), default=list, blank=True)
    available = models.BooleanField(_("available"), default=True)
    max_load = models.PositiveSmallIntegerField(_("most applications per call"), default=15)
    id_number = models.CharField(_("ID number"), max_length=18, blank=True, db_index=True,
                                 help_text=_("Matched against applicants' leaders and team members."))
    declared_conflicts = models.ManyToManyField(Organisation, blank=True, related_name="declared_by_experts",
                                                verbose_name=_("declared conflicts"))

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("expert pool")

    def __str__(self) -> str:
        return str(self.user)


class Collaboration(models.Model):
    """An organisation the expert worked with, and the year; recent ones are conflicts of interest."""

    expert = models.ForeignKey(ExpertProfile, on_delete=models.CASCADE, related_name="collaborations")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    year = models.PositiveIntegerField(_("year"))

    def __str__(self) -> str:
        return f"{self.expert} – {self.organisation} ({self.year})"


class ReviewAssignment(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="assignments")
    expert = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="review_assignments",
                               verbose_name=_("expert"))
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    related_name="+")
    assigned_at = models.DateTimeField(auto_now_add=True)
    due_at = models.DateTimeField(_("due"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "expert"], name="one_assignment_per_expert")]
        indexes = [models.Index(fields=["expert", "application"])]

    def __str__(self) -> str:
        return f"{self.expert} ← {self.application_id}"


class Review(models.Model):
    """One expert's scores by the call's rubric; normalised and flagged when the panel is scored."""

    assignment = models.OneToOneField(ReviewAssignment, on_delete=models.CASCADE, related_name="review")
    scores = models.JSONField(_("scores"), default=dict)
    total = models.DecimalField(_("total"), max_digits=6, decimal_places=2)
    comment = models.TextField(_("comments"))
    normalised = models.DecimalField(_("normalised score"), max_digits=6, decimal_places=2, null=True, blank=True)
    outlier = models.BooleanField(_("outlier"), default=False)
    submitted_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.assignment}: {self.total}"


class AwardDecision(models.Model):
    """The collective decision (集体决策) on a call's awards, as minuted."""

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="decisions")
    meeting = models.CharField(_("meeting"), max_length=200)
    minutes = models.TextField(_("minutes"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.meeting


class Contract(models.Model):
    """The project contract (任务书), generated from the application's KPIs and budget, then signed."""

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="contract")
    kpis = models.JSONField(_("contracted targets"), default=list)
    budget = models.JSONField(_("contracted budget"), default=dict)
    amount = models.DecimalField(_("funding"), max_digits=14, decimal_places=2)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))
    signed_by_applicant_at = models.DateTimeField(_("signed by the applicant"), null=True, blank=True)
    signed_by_bureau_at = models.DateTimeField(_("signed by the bureau"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return _("Contract for %(title)s") % {"title": self.application.title}


class Disbursement(models.Model):
    contract = models.ForeignKey(Contract, on_delete=models.PROTECT, related_name="disbursements")
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    paid_on = models.DateField(_("paid on"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    def __str__(self) -> str:
        return f"{self.amount} ({self.paid_on})"


class MidtermCheck(models.Model):
    """The applicant's mid-term report against the KPIs and, once checked, the officer's conclusion."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="midterm")
    report = models.TextField(_("progress report"))
    progress = models.JSONField(_("progress per target"), default=list)
    conclusion = models.TextField(_("conclusion"), blank=True)
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    submitted_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.application} mid-term"


class ChangeRequest(models.Model):
    class Kind(models.TextChoices):
        EXTENSION = "extension", _("Extension")
        LEADER = "leader", _("Change of leader")
        OTHER = "other", _("Other change")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="change_requests")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    detail = models.TextField(_("what changes and why"))
    new_end_date = models.DateField(_("new end date"), null=True, blank=True)
    new_leader_name = models.CharField(_("new leader"), max_length=60, blank=True)
    new_leader_id_number = models.CharField(_("new leader's ID number"), max_length=32, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING,
                              db_index=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    decision_note = models.TextField(_("decision"), blank=True)
    at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.application}"


class Acceptance(models.Model):
    """Acceptance (结题验收): final report, achieved value per contracted KPI, and the panel's opinion."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="acceptance")
    final_report = models.TextField(_("final report"))
    achieved = models.JSONField(_("achieved targets"), default=list)
    expert_opinion = models.TextField(_("expert opinion"), blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.application} acceptance"


class PerformanceEvaluation(models.Model):
    class Grade(models.TextChoices):
        EXCELLENT = "excellent", _("Excellent")
        GOOD = "good", _("Good")
        PASS = "pass", _("Pass")
        POOR = "poor", _("Poor")

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="evaluation")
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=1)
    grade = models.CharField(_("grade"), max_length=16, choices=Grade.choices)
    note = models.TextField(_("note"), blank=True)
    funds_settled = models.BooleanField(_("accounts settled"), default=False)
    evaluated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.application}: {self.get_grade_display()}"

