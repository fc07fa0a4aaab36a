"""Tracking as stored: who carries each target (assignment), what they report, the precomputed
status of every target with its light history, reminders sent, assessments and links across plans.

Plans and core models are never changed here: tracking hangs its own rows on plans.Target,
plans.Item and core.Organisation, so the importer and the tracker can evolve apart.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kechuang.core.models import Organisation
from kechuang.plans.models import Item, Target, WorkPlan


class Frequency(models.TextChoices):
    """Stored codes are the engine's ``Frequency`` values."""

    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    HALF_YEARLY = "half_yearly", _("Half-yearly")
    YEARLY = "yearly", _("Yearly")


class Direction(models.TextChoices):
    INCREASE = "increase", _("Increase")
    DECREASE = "decrease", _("Decrease")


class Assignment(models.Model):
    """A target handed to a lead unit (立项交办), with its supporting units, person, deadline and calendar."""

    target = models.OneToOneField(Target, on_delete=models.CASCADE, related_name="assignment")
    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey(Item, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    chapter = models.ForeignKey(Item, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                help_text=_("The top-level outline node above the target, for roll-ups."))
    lead_unit = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="tracking_lead",
                                  verbose_name=_("lead unit"))
    supporting_units = models.ManyToManyField(Organisation, blank=True, related_name="tracking_support",
                                              verbose_name=_("supporting units"))
    responsible_person = models.CharField(_("responsible person"), max_length=100, blank=True)
    deadline = models.DateField(_("deadline"))
    frequency = models.CharField(_("reporting frequency"), max_length=16, choices=Frequency.choices,
                                 default=Frequency.QUARTERLY)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices,
                                 default=Direction.INCREASE)
    baseline_value = models.FloatField(_("baseline value"), null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    milestones = models.JSONField(_("milestones"), default=list, blank=True,
                                  help_text=_("Pairs of ISO date and expected value."))
    metric_code = models.CharField(_("bound metric"), max_length=100, blank=True)
    metric_filters = models.JSONField(_("metric filters"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["plan", "target__position", "id"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        indexes = [models.Index(fields=["lead_unit", "plan"])]

    def __str__(self) -> str:
        return str(self.target)


class ProgressReport(models.Model):
    """One unit's report on one target for one reporting period (进展填报)."""

    class State(models.TextChoices):
        """Stored codes; translate labels, never rename codes (see workflow.py)."""

        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned")

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reports")
    unit = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"))
    is_contribution = models.BooleanField(_("contribution of a supporting unit"), default=False)
    period_key = models.CharField(_("period"), max_length=10)
    period_end = models.DateField(_("period end"))
    due = models.DateField(_("due"))
    value = models.FloatField(_("value reached"), null=True, blank=True)
    narrative = models.TextField(_("progress"), blank=True)
    override_reason = models.TextField(_("reason for overriding the metric"), blank=True)
    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.DRAFT,
                             db_index=True)
    return_reason = models.TextField(_("reason for return"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["assignment", "period_end", "unit"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        constraints = [models.UniqueConstraint(fields=["assignment", "unit", "period_key"],
                                               name="unique_report_per_unit_period")]
        indexes = [models.Index(fields=["state", "due"])]

    def __str__(self) -> str:
        return f"{self.assignment} · {self.period_key}"


class StatusSnapshot(models.Model):
    """The precomputed status of one target, so pages read one row instead of re-running the engine."""

    assignment = models.OneToOneField(Assignment, on_delete=models.CASCADE, related_name="snapshot")
    on = models.DateField(_("computed for"))
    status = models.CharField(_("status"), max_length=16, db_index=True)
    light = models.CharField(_("light"), max_length=8, blank=True, db_index=True)
    actual = models.FloatField(_("actual"), null=True)
    expected = models.FloatField(_("expected"), null=True)
    ratio = models.FloatField(_("completion ratio"), null=True)
    progress = models.FloatField(_("progress"), null=True)
    as_of = models.DateField(_("as of"), null=True)
    source = models.CharField(_("source"), max_length=16, blank=True)
    forecast_value = models.FloatField(_("forecast"), null=True)
    forecast_method = models.CharField(_("forecast method"), max_length=16, blank=True)
    forecast_reaches = models.BooleanField(_("forecast reaches the goal"), null=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("status snapshot")
        verbose_name_plural = _("status snapshots")

    def __str__(self) -> str:
        return f"{self.assignment_id}: {self.status} on {self.on}"


class LightChange(models.Model):
    """A light that changed, kept so yellow (a red gap made up) can be told from green."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="light_changes")
    on = models.DateField(_("date"))
    light_from = models.CharField(_("from"), max_length=8, blank=True)
    light_to = models.CharField(_("to"), max_length=8, blank=True)
    status = models.CharField(_("status"), max_length=16)

    class Meta:
        ordering = ["assignment", "on", "id"]
        verbose_name = _("light change")
        verbose_name_plural = _("light changes")

    def __str__(self) -> str:
        return f"{self.assignment_id}: {self.light_from} → {self.light_to} on {self.on}"


class MetricReading(models.Model):
    """A bound metric's value on a date, stored at each recompute: the trend the dashboard draws."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="readings")
    on = models.DateField(_("date"))
    value = models.FloatField(_("value"))

    class Meta:
        ordering = ["assignment", "on"]
        constraints = [models.UniqueConstraint(fields=["assignment", "on"], name="unique_reading_per_day")]

    def __str__(self) -> str:
        return f"{self.assignment_id}: {self.value:g} on {self.on}"


class ReminderSent(models.Model):
    """One rung of the reminder ladder sent for one deadline; the key keeps the job idempotent."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reminders")
    unit = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    period_key = models.CharField(max_length=10)
    kind = models.CharField(max_length=16, db_index=True)
    level = models.PositiveSmallIntegerField()
    due = models.DateField()
    sent_on = models.DateField()
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-sent_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["assignment", "unit", "period_key", "kind"],
                                               name="unique_reminder")]

    def __str__(self) -> str:
        return f"{self.kind} {self.period_key} to unit {self.unit_id}"


class Assessment(models.Model):
    """A year-end assessment (考核) of a plan's units: the scoring rule and per-target points."""

    plan = models.OneToOneField(WorkPlan, on_delete=models.CASCADE, related_name="assessment")
    cap = models.FloatField(_("highest completion ratio credited"), default=1.2)
    floor = models.FloatField(_("ratio below which nothing is earned"), default=0.0)
    bonus_rate = models.FloatField(_("bonus per unit of over-achievement"), default=1.0)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self) -> str:
        return f"assessment of plan {self.plan_id}"


class AssessmentWeight(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="weights")
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="+")
    points = models.FloatField(_("points"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assessment", "assignment"], name="unique_weight")]

    def __str__(self) -> str:
        return f"{self.assignment_id}: {self.points:g}"


class TargetLink(models.Model):
    """A longer plan's target carried forward by a shorter plan's target (the year's share of it)."""

    parent = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="carried_by")
    child = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="carries")
    share = models.FloatField(_("share of the parent target"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["parent", "child"], name="unique_target_link")]

    def __str__(self) -> str:
        return f"{self.parent_id} → {self.child_id}"
