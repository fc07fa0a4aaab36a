"""Enterprise registry: profiles on core organisations, annual figures, IP, qualifications, the
cultivation pool and tier history.

Stored codes (verdicts, tiers, IP kinds, tech fields) are the engine's stable values; only their
labels are translated, so renaming a label strands no record. Money is Decimal yuan to the fen.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kechuang.core.models import Organisation
from kechuang.enterprises.rules import Acquisition, Grade, IpKind, Level, TechField, Verdict

MONEY = {"max_digits": 16, "decimal_places": 2}

TECH_FIELD_CHOICES = [
    (TechField.ELECTRONIC_INFORMATION.value, _("Electronic information")),
    (TechField.BIOLOGY_AND_NEW_MEDICINE.value, _("Biology and new medicine")),
    (TechField.AEROSPACE.value, _("Aerospace")),
    (TechField.NEW_MATERIALS.value, _("New materials")),
    (TechField.HIGH_TECH_SERVICES.value, _("High-tech services")),
    (TechField.NEW_ENERGY_AND_ENERGY_SAVING.value, _("New energy and energy saving")),
    (TechField.RESOURCES_AND_ENVIRONMENT.value, _("Resources and environment")),
    (TechField.ADVANCED_MANUFACTURING.value, _("Advanced manufacturing and automation")),
]
LEVEL_CHOICES = [
    (Level.NONE.value, _("Not in place")),
    (Level.PARTLY.value, _("Partly in place")),
    (Level.FULLY.value, _("Fully in place")),
]
GRADE_CHOICES = [
    ("", _("Not judged")),
    (Grade.A.value, _("A (highest)")),
    (Grade.B.value, "B"),
    (Grade.C.value, "C"),
    (Grade.D.value, "D"),
    (Grade.E.value, _("E (none)")),
]
VERDICT_CHOICES = [
    (Verdict.PASS.value, _("Qualifies")),
    (Verdict.BORDERLINE.value, _("Borderline")),
    (Verdict.UNKNOWN.value, _("Cannot tell")),
    (Verdict.FAIL.value, _("Falls short")),
]
IP_KIND_CHOICES = [
    (IpKind.INVENTION_PATENT.value, _("Invention patent")),
    (IpKind.PLANT_VARIETY.value, _("Plant variety")),
    (IpKind.NATIONAL_CROP_VARIETY.value, _("National crop variety")),
    (IpKind.NATIONAL_NEW_DRUG.value, _("National new drug")),
    (IpKind.TCM_PROTECTED_VARIETY.value, _("Protected TCM variety (grade 1)")),
    (IpKind.IC_LAYOUT_DESIGN.value, _("IC layout design")),
    (IpKind.UTILITY_MODEL.value, _("Utility model patent")),
    (IpKind.DESIGN_PATENT.value, _("Design patent")),
    (IpKind.SOFTWARE_COPYRIGHT.value, _("Software copyright")),
    (IpKind.TRADEMARK.value, _("Trademark")),
]
ACQUISITION_CHOICES = [
    (Acquisition.SELF_DEVELOPED.value, _("Self-developed")),
    (Acquisition.TRANSFERRED.value, _("Transferred")),
    (Acquisition.GIFTED.value, _("Gifted")),
    (Acquisition.MERGER.value, _("Merger")),
]


class Tier(models.TextChoices):
    """Cultivation tiers in the order enterprises climb them (科小 → 高企 → 专精特新/小巨人 → 上市后备)."""

    NONE = "none", _("Not yet qualified")
    TECH_SME = "tech_sme", _("Tech-based SME")
    HTE = "hte", _("High-tech enterprise")
    SPECIALISED = "specialised", _("Specialised and innovative (little giant)")
    LISTING_RESERVE = "listing_reserve", _("Listing reserve")


TIER_ORDER = [t.value for t in Tier]


class Special(models.TextChoices):
    """Enterprises on the lists of 公告2023年第44号 (higher super-deduction rate)."""

    NONE = "", _("Neither")
    INTEGRATED_CIRCUIT = "integrated_circuit", _("Integrated-circuit enterprise")
    INDUSTRIAL_MOTHER_MACHINE = "industrial_mother_machine", _("Industrial mother-machine enterprise")


class EnterpriseProfile(models.Model):
    """The enterprise side of a core organisation, with the cached outcome of its last assessment.

    The cached verdicts let the registry filter 100,000 enterprises by outcome with an index instead
    of running the engine per row.
    """

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="enterprise_profile", verbose_name=_("organisation")
    )
    industry_code = models.CharField(_("industry (GB/T 4754)"), max_length=5, blank=True, db_index=True)
    founded_on = models.DateField(_("founding date"))
    main_field = models.CharField(
        _("high-tech field of the main products"), max_length=40, choices=TECH_FIELD_CHOICES, blank=True,
        db_index=True,
    )
    main_product = models.CharField(_("main products or services"), max_length=200, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=60, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    special = models.CharField(
        _("special super-deduction list"), max_length=32, choices=Special.choices, blank=True, default=""
    )
    restricted_products = models.BooleanField(_("products in a restricted or obsolete catalogue"), default=False)
    serious_incident = models.BooleanField(_("serious incident or dishonesty record"), default=False)
    # The R&D organisation questionnaire (工作指引 四(二)3).
    rd_management_system = models.CharField(
        _("R&D management system and expense accounts"), max_length=8, choices=LEVEL_CHOICES, default="none")
    rd_institution = models.CharField(
        _("internal R&D institution and cooperation"), max_length=8, choices=LEVEL_CHOICES, default="none")
    rd_conversion_incentives = models.CharField(
        _("conversion incentives and open platforms"), max_length=8, choices=LEVEL_CHOICES, default="none")
    rd_talent_system = models.CharField(
        _("talent training and reward system"), max_length=8, choices=LEVEL_CHOICES, default="none")
    # Self-assessed grades of the IP sub-items only experts judge (工作指引 四(二)1); blank = the widest band.
    ip_advancement = models.CharField(_("advancement of the IP's technology"), max_length=1, choices=GRADE_CHOICES,
                                      blank=True)
    ip_core_support = models.CharField(_("IP's core support of the main products"), max_length=1,
                                       choices=GRADE_CHOICES, blank=True)
    tier = models.CharField(_("tier"), max_length=20, choices=Tier.choices, default=Tier.NONE, db_index=True)
    # Cached outcome of the last assessment.
    hte_verdict = models.CharField(_("HTE outcome"), max_length=12, choices=VERDICT_CHOICES, blank=True)
    sme_verdict = models.CharField(_("tech-SME outcome"), max_length=12, choices=VERDICT_CHOICES, blank=True)
    hte_score_low = models.PositiveSmallIntegerField(_("innovation score from"), null=True, blank=True)
    hte_score_high = models.PositiveSmallIntegerField(_("innovation score to"), null=True, blank=True)
    sme_score = models.PositiveSmallIntegerField(_("tech-SME score"), null=True, blank=True)
    readiness = models.PositiveSmallIntegerField(_("readiness for the next tier (%)"), default=0)
    assessed_on = models.DateField(_("assessed on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("enterprise profile")
        verbose_name_plural = _("enterprise profiles")
        indexes = [
            models.Index(fields=["hte_verdict", "sme_verdict"]),
            models.Index(fields=["tier", "readiness"]),
        ]

    def __str__(self) -> str:
        return self.organisation.name


class AnnualFigures(models.Model):
    """One accounting year's figures of one enterprise (yuan; staff in persons)."""

    profile = models.ForeignKey(EnterpriseProfile, on_delete=models.CASCADE, related_name="figures")
    year = models.PositiveSmallIntegerField(_("year"))
    sales_revenue = models.DecimalField(_("sales revenue"), **MONEY)
    total_income = models.DecimalField(_("total income"), **MONEY)
    rd_expense = models.DecimalField(_("R&D expense"), **MONEY)
    rd_expense_domestic = models.DecimalField(_("R&D expense in China"), **MONEY)
    rd_personnel = models.DecimalField(_("R&D: personnel"), default=0, **MONEY)
    rd_direct_inputs = models.DecimalField(_("R&D: direct inputs"), default=0, **MONEY)
    rd_depreciation = models.DecimalField(_("R&D: depreciation"), default=0, **MONEY)
    rd_amortisation = models.DecimalField(_("R&D: amortisation of intangibles"), default=0, **MONEY)
    rd_design_trials = models.DecimalField(_("R&D: design and trials"), default=0, **MONEY)
    rd_other = models.DecimalField(_("R&D: other related expenses"), default=0, **MONEY)
    rd_capitalised = models.DecimalField(_("R&D capitalised as intangible assets"), default=0, **MONEY)
    high_tech_income = models.DecimalField(_("high-tech product/service income"), **MONEY)
    costs_and_expenses = models.DecimalField(_("total costs and expenses"), null=True, blank=True, **MONEY)
    employees = models.PositiveIntegerField(_("employees"))
    st_staff = models.PositiveIntegerField(_("S&T staff"))
    total_assets = models.DecimalField(_("total assets"), **MONEY)
    net_assets = models.DecimalField(_("net assets"), **MONEY)
    achievements_converted = models.PositiveIntegerField(_("achievements converted"), default=0)

    class Meta:
        ordering = ["profile", "-year"]
        verbose_name = _("annual figures")
        verbose_name_plural = _("annual figures")
        constraints = [models.UniqueConstraint(fields=["profile", "year"], name="one_figures_row_per_year")]
        indexes = [models.Index(fields=["year"])]

    def __str__(self) -> str:
        return f"{self.profile_id} {self.year}"


class IpItem(models.Model):
    profile = models.ForeignKey(EnterpriseProfile, on_delete=models.CASCADE, related_name="ip_items")
    kind = models.CharField(_("type"), max_length=32, choices=IP_KIND_CHOICES)
    number = models.CharField(_("number"), max_length=60)
    title = models.CharField(_("title"), max_length=200, blank=True)
    granted_on = models.DateField(_("grant date"))
    expires_on = models.DateField(_("expiry date"), null=True, blank=True)
    acquisition = models.CharField(_("how acquired"), max_length=20, choices=ACQUISITION_CHOICES,
                                   default=Acquisition.SELF_DEVELOPED.value)
    used_in_hte = models.BooleanField(_("already used in an HTE application"), default=False)

    class Meta:
        ordering = ["-granted_on", "pk"]
        verbose_name = _("IP item")
        verbose_name_plural = _("IP items")
        constraints = [models.UniqueConstraint(fields=["profile", "kind", "number"], name="unique_ip_number")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"


class Qualification(models.Model):
    """A qualification held, with its validity; ``reminded_at`` makes the renewal reminder idempotent."""

    class Kind(models.TextChoices):
        HTE = "hte", _("High-tech enterprise certificate")
        TECH_SME = "tech_sme", _("Tech-based SME registration")
        SPECIALISED = "specialised", _("Specialised and innovative (little giant)")
        LISTING_RESERVE = "listing_reserve", _("Listing reserve")
        OTHER = "other", _("Other")

    profile = models.ForeignKey(EnterpriseProfile, on_delete=models.CASCADE, related_name="qualifications")
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    number = models.CharField(_("certificate or registration number"), max_length=60, blank=True)
    name = models.CharField(_("name"), max_length=100, blank=True)
    issued_on = models.DateField(_("issued on"))
    valid_until = models.DateField(_("valid until"))
    reminded_at = models.DateTimeField(_("renewal reminder sent"), null=True, blank=True)

    class Meta:
        ordering = ["-issued_on", "pk"]
        verbose_name = _("qualification")
        verbose_name_plural = _("qualifications")
        indexes = [models.Index(fields=["kind", "valid_until"]), models.Index(fields=["kind", "issued_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}".strip()


class PoolEntry(models.Model):
    """The bureau's selection (遴选) of one enterprise into the cultivation pool for a year and tier."""

    class Status(models.TextChoices):
        SELECTED = "selected", _("Selected")
        REMOVED = "removed", _("Removed")

    profile = models.ForeignKey(EnterpriseProfile, on_delete=models.CASCADE, related_name="pool_entries")
    year = models.PositiveSmallIntegerField(_("year"))
    target_tier = models.CharField(_("target tier"), max_length=20, choices=Tier.choices)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.SELECTED)
    readiness = models.PositiveSmallIntegerField(_("readiness when selected (%)"), default=0)
    selected_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                    verbose_name=_("selected by"))
    selected_at = models.DateTimeField(_("selected at"), auto_now_add=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["-year", "-readiness"]
        verbose_name = _("cultivation pool entry")
        verbose_name_plural = _("cultivation pool")
        constraints = [models.UniqueConstraint(fields=["profile", "year", "target_tier"], name="one_pool_entry")]
        indexes = [models.Index(fields=["year", "status"])]

    def __str__(self) -> str:
        return f"{self.profile_id} {self.year} → {self.target_tier}"


class TierChange(models.Model):
    """One movement of an enterprise between tiers, so movements over time can be counted per region."""

    profile = models.ForeignKey(EnterpriseProfile, on_delete=models.CASCADE, related_name="tier_changes")
    on = models.DateField(_("date"), db_index=True)
    tier_from = models.CharField(_("from"), max_length=20, choices=Tier.choices)
    tier_to = models.CharField(_("to"), max_length=20, choices=Tier.choices)
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        ordering = ["-on", "-pk"]
        verbose_name = _("tier change")
        verbose_name_plural = _("tier changes")

    def __str__(self) -> str:
        return f"{self.profile_id}: {self.tier_from} → {self.tier_to}"
