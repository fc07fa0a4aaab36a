"""Work plans as stored: plan → outline items (Part / Chapter / Section / Item) → targets and
responsibilities. The parser's plain dataclasses map onto these in one transaction (see services)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kechuang.core.models import Organisation


class SourceDocument(models.Model):
    """One uploaded (or pasted) document, stored once however many plans it holds.

    Plans point into it with character offsets, so a file of fifty plans keeps one copy of its text
    (a 5.6 MB upload once cost 500 copies). ``sha256`` is of the bytes as uploaded: the same file
    imported again reuses its record.
    """

    filename = models.CharField(_("file name"), max_length=255, blank=True)
    format = models.CharField(_("format"), max_length=16, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    text = models.TextField(_("text as read"), blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("uploaded by"))
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("source document")
        verbose_name_plural = _("source documents")

    def __str__(self) -> str:
        return self.filename or gettext("pasted text")


class WorkPlan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft, awaiting review")
        CONFIRMED = "confirmed", _("Confirmed")

    title = models.CharField(_("title"), max_length=300)
    issuer = models.CharField(_("issuer"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    period_start = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    preamble = models.TextField(_("preamble"), blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT,
                              db_index=True)
    source_name = models.CharField(_("source file"), max_length=255, blank=True)
    document = models.ForeignKey(SourceDocument, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="plans", verbose_name=_("source document"))
    source_start = models.PositiveIntegerField(_("first character in the document"), default=0)
    source_end = models.PositiveIntegerField(_("character after the last in the document"), null=True,
                                             blank=True, help_text=_("Empty: to the end of the document."))
    owner = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="work_plans", verbose_name=_("owning organisation"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("imported by"))
    created_at = models.DateTimeField(_("imported"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        ordering = ["-year", "-created_at", "-id"]
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")

    def __str__(self) -> str:
        return self.title

    @property
    def period_label(self) -> str:
        if self.period_start and self.period_end and self.period_start != self.period_end:
            return f"{self.period_start}–{self.period_end}"
        return str(self.year or self.period_start or "")


class Item(models.Model):
    """A node of the plan's outline. Items that carry targets or responsibilities are the plan's tasks."""

    class Kind(models.TextChoices):
        PART = "part", _("Part")
        CHAPTER = "chapter", _("Chapter")
        SECTION = "section", _("Section")
        ITEM = "item", _("Item")

    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="items")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    level = models.PositiveSmallIntegerField(_("level"), default=1)
    position = models.PositiveIntegerField(_("position"), help_text=_("Order in the document, depth first."))
    number = models.CharField(_("number"), max_length=40, blank=True)
    heading = models.TextField(_("heading"))
    body = models.TextField(_("body"), blank=True)
    deadline = models.CharField(_("deadline"), max_length=100, blank=True)

    class Meta:
        ordering = ["plan", "position"]
        verbose_name = _("item")
        verbose_name_plural = _("items")
        constraints = [models.UniqueConstraint(fields=["plan", "position"], name="unique_item_position")]

    def __str__(self) -> str:
        return f"{self.number} {self.heading[:60]}".strip()


class Target(models.Model):
    """A quantitative target (量化目标), as defined in ../shared/gold/GUIDELINE.md."""

    class Kind(models.TextChoices):
        AMOUNT = "amount", _("Amount")
        LEVEL = "level", _("Level")
        GROWTH = "growth", _("Growth")

    class Comparator(models.TextChoices):
        EQ = "=", "="
        GT = ">", ">"
        GE = ">=", "≥"
        LT = "<", "<"
        LE = "<=", "≤"
        APPROX = "~", _("about")
        RANGE = "range", _("range")

    class Firmness(models.TextChoices):
        FIRM = "firm", _("Firm (确保)")
        ASPIRATIONAL = "aspirational", _("Aspirational (力争/争取)")
        PLAIN = "plain", _("Plain")

    plan = models.ForeignKey(WorkPlan, on_delete=models.CASCADE, related_name="targets")
    item = models.ForeignKey(Item, null=True, blank=True, on_delete=models.CASCADE, related_name="targets",
                             help_text=_("Empty for targets stated in the plan's preamble."))
    position = models.PositiveIntegerField(_("position"), default=0)
    metric = models.CharField(_("indicator"), max_length=200)
    action = models.CharField(_("action"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.AMOUNT)
    comparator = models.CharField(_("comparator"), max_length=8, choices=Comparator.choices, default="=")
    value = models.FloatField(_("value"))
    value_max = models.FloatField(_("upper value"), null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    quote = models.TextField(_("quote"), blank=True, help_text=_("The sentence of the document it was read from."))
    evidence = models.CharField(_("evidence"), max_length=300, blank=True)
    firmness = models.CharField(_("firmness"), max_length=16, choices=Firmness.choices, default=Firmness.PLAIN)
    recurrence = models.CharField(_("recurrence"), max_length=16, default="once")
    weight = models.FloatField(_("weight"), default=1.0)

    class Meta:
        ordering = ["plan", "position", "id"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")

    def __str__(self) -> str:
        return f"{self.metric} {self.get_comparator_display()} {self.value:g}{self.unit}"


class Responsibility(models.Model):
    """One name on an item: a responsible person, a lead unit or a supporting unit.

    Unit names are matched to the platform's organisations where they can be; the text is always kept,
    so an unmatched name ("各市、县科技局") is not lost.
    """

    class Role(models.TextChoices):
        PERSON = "person", _("Responsible person")
        LEAD = "lead", _("Lead unit")
        SUPPORT = "support", _("Supporting unit")

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="responsibilities")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="plan_responsibilities", verbose_name=_("organisation"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["item", "role", "position"]
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.name}"


class ImportJob(models.Model):
    """One upload's way into the plans: queued, read, stored (or refused or failed, saying why).

    Large uploads are read by a background task; the uploader watches this record's stage. The plans
    themselves are written in one transaction at the end, so a failed job leaves no plan behind.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        READING = "reading", _("Reading the document")
        STORING = "storing", _("Saving the plans")
        DONE = "done", _("Done")
        REFUSED = "refused", _("Refused")
        FAILED = "failed", _("Failed")

    FINISHED = frozenset({Status.DONE, Status.REFUSED, Status.FAILED})

    filename = models.CharField(_("file name"), max_length=255, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED,
                              db_index=True)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    background = models.BooleanField(_("read in the background"), default=False)
    upload = models.CharField(_("stored upload"), max_length=200, blank=True,
                              help_text=_("Where the bytes wait for the background task; emptied when it ends."))
    language = models.CharField(_("language"), max_length=16, blank=True)
    n_plans = models.PositiveIntegerField(_("plans found"), null=True, blank=True)
    message = models.TextField(_("message"), blank=True)
    document = models.ForeignKey(SourceDocument, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+", verbose_name=_("source document"))
    plan_ids = models.JSONField(_("plans"), default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("uploaded by"))
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")

    def __str__(self) -> str:
        return self.filename or gettext("pasted text")

    @property
    def finished(self) -> bool:
        return self.status in self.FINISHED
