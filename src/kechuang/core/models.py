"""Core models shared by every app: regions, organisations, users and roles, audit trail,
attachments, notifications, API tokens and login throttling."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from kechuang.core.roles import ORG_KIND_LABELS, ROLE_LABELS, OrgKind, Role

ORG_KIND_CHOICES = [(k.value, _(label)) for k, label in ORG_KIND_LABELS.items()]
ROLE_CHOICES = [(r.value, _(label)) for r, label in ROLE_LABELS.items()]


class Region(models.Model):
    """An administrative division of GB/T 2260 (province, prefecture or county)."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("Province")
        PREFECTURE = "prefecture", _("Prefecture")
        COUNTY = "county", _("County")

    code = models.CharField(_("region code"), max_length=6, primary_key=True)
    name = models.CharField(_("name"), max_length=64)
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children", verbose_name=_("parent")
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, db_index=True)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=ORG_KIND_CHOICES, db_index=True)
    uscc = models.CharField(
        _("unified social credit code"),
        max_length=18,
        null=True,
        blank=True,
        unique=True,
        help_text=_("18 characters, checked by the GB 32100 check character."),
    )
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="organisations", verbose_name=_("region")
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="units",
        verbose_name=_("parent organisation"),
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=60, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [models.Index(fields=["kind", "region"])]

    def __str__(self) -> str:
        return self.name

    @property
    def kind_enum(self) -> OrgKind:
        return OrgKind(self.kind)


class OrganisationAlias(models.Model):
    """Another way documents write an organisation's name ("高新处"), so plan imports recognise it.

    The text is unique: one written name stands for one organisation, or matching would have to guess.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="aliases",
                                     verbose_name=_("organisation"))
    text = models.CharField(_("alias"), max_length=200, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["text"]
        verbose_name = _("organisation alias")
        verbose_name_plural = _("organisation aliases")

    def __str__(self) -> str:
        return self.text


class User(AbstractUser):
    """A person with a login. Belongs to one organisation and holds one or more roles."""

    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
        verbose_name=_("organisation"),
    )
    display_name = models.CharField(_("display name"), max_length=60, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name or self.username

    @property
    def role_set(self) -> frozenset[Role]:
        """The user's roles, cached per instance (prefetch ``role_grants`` on lists)."""
        cached = getattr(self, "_role_set", None)
        if cached is None:
            cached = frozenset(Role(g.role) for g in self.role_grants.all())
            self._role_set = cached
        return cached

    def has_role(self, *roles: Role) -> bool:
        return bool(self.role_set & set(roles))


class RoleGrant(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(_("role"), max_length=32, choices=ROLE_CHOICES)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="unique_role_per_user")]
        verbose_name = _("role grant")
        verbose_name_plural = _("role grants")

    def __str__(self) -> str:
        return f"{self.user}: {self.role}"


class AuditEntry(models.Model):
    """One change: who, when, what object, what changed (before and after) and why."""

    class Action(models.TextChoices):
        CREATE = "create", _("Created")
        UPDATE = "update", _("Updated")
        DELETE = "delete", _("Deleted")
        TRANSITION = "transition", _("State changed")
        DENIED = "denied", _("Access refused")

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("by")
    )
    actor_name = models.CharField(_("by"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=16, choices=Action.choices, db_index=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, verbose_name=_("object type"))
    object_id = models.CharField(_("object id"), max_length=64, db_index=True)
    object_repr = models.CharField(_("object"), max_length=200)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_repr}"


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"attachments/{instance.sha256[:2]}/{instance.sha256}"


class Attachment(models.Model):
    """A stored file hung on any object; content-addressed so a backup copies each file once."""

    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type_name = models.CharField(_("file type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64, db_index=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    owner_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    owner_id = models.CharField(max_length=64)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        indexes = [models.Index(fields=["owner_type", "owner_id"])]

    def __str__(self) -> str:
        return self.original_name


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("message"), blank=True)
    link = models.CharField(_("link"), max_length=300, blank=True)
    level = models.CharField(_("level"), max_length=16, default="info")
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return self.title


class ApiToken(models.Model):
    """A bearer token for the JSON API. Only the SHA-256 of the token is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=60)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.user} / {self.name}"


class LoginThrottle(models.Model):
    """Failed logins per user name, for the lock-out after repeated failures."""

    username = models.CharField(max_length=150, unique=True)
    failures = models.PositiveIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.username}: {self.failures}"


class JobRun(models.Model):
    """One run of a periodic job (see :mod:`kechuang.core.schedule`): enqueued by a tick or by "run now".

    The unique constraint on (job, period start) for scheduled runs is what makes a job run once per
    period however many machines tick: each tick INSERTs, and every machine but one gets an integrity
    error and enqueues nothing. Manual runs are outside the constraint (their period start is the moment
    asked for). The task writes its start, end, result or error back here.
    """

    class Trigger(models.TextChoices):
        SCHEDULE = "schedule", _("On schedule")
        MANUAL = "manual", _("Run now")

    class Status(models.TextChoices):
        ENQUEUED = "enqueued", _("Queued")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    job = models.CharField(_("job"), max_length=100)
    period_start = models.DateTimeField(_("period begins"))
    trigger = models.CharField(_("trigger"), max_length=16, choices=Trigger.choices, default=Trigger.SCHEDULE)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.ENQUEUED)
    enqueued_at = models.DateTimeField(_("enqueued at"))
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    result = models.CharField(_("result"), max_length=200, blank=True)
    error = models.TextField(_("error"), blank=True)
    task_result_id = models.CharField(max_length=64, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("requested by")
    )

    class Meta:
        verbose_name = _("job run")
        verbose_name_plural = _("job runs")
        constraints = [
            models.UniqueConstraint(fields=["job", "period_start"], condition=models.Q(trigger="schedule"),
                                    name="core_jobrun_once_per_period")
        ]
        indexes = [models.Index(fields=["job", "-enqueued_at"], name="core_jobrun_latest")]

    def __str__(self) -> str:
        return f"{self.job} @ {self.period_start:%Y-%m-%d %H:%M}"


class SearchDocument(models.Model):
    """The segmented tokens of one indexed record (see ``kechuang.core.search``), for full-text lookup.

    ``tokens`` is the space-joined token list (repeats kept: they are term frequencies); SQLite indexes it
    in the FTS5 table ``core_searchdocument_fts`` (kept in step by triggers), PostgreSQL in a GIN index on
    the tsvector of the tokens taken as lexemes, with no parser in between.
    """

    kind = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    tokens = models.TextField(blank=True)
    length = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}"


class SearchTermStat(models.Model):
    """How many documents of a kind hold a term (BM25's document frequency); the row with the empty term
    holds the number of documents and their total length, so ranking needs no scan of the corpus."""

    kind = models.CharField(max_length=40)
    term = models.CharField(max_length=64, blank=True)
    df = models.PositiveIntegerField(default=0)
    total_length = models.BigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "term"], name="search_term_unique")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.term}={self.df}"
