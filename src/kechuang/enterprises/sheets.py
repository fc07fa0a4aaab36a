"""The .xlsx layout the platform hands out and reads back: sheets, columns and their value types.

One declaration serves the blank template, the importer and the export, so an exported list can be
filled in and imported again. Headers are shown in the user's language; the importer also accepts the
stable column codes and the English labels, so a template downloaded in either language reads back.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.styles import Font

from kechuang.enterprises import models as m


@dataclass(frozen=True)
class Column:
    code: str
    label: Any  # lazily translated
    kind: str  # text, int, money, date, bool, choice
    required: bool = False
    choices: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Sheet:
    code: str
    title: Any
    columns: tuple[Column, ...]

    def names(self) -> set[str]:
        return _names(self.code, self.title)


def _names(code: str, label: Any) -> set[str]:
    with override("en"):
        english = str(label)
    return {code.lower(), english.lower(), gettext(str(label)).lower(), str(label).lower()}


def column_names(column: Column) -> set[str]:
    return _names(column.code, column.label)


USCC = Column("uscc", _("Unified social credit code"), "text", required=True)

ENTERPRISES = Sheet("enterprises", _("Enterprises"), (
    USCC,
    Column("name", _("Name"), "text", required=True),
    Column("region_code", _("Region code"), "text", required=True),
    Column("founded_on", _("Founding date"), "date", required=True),
    Column("industry_code", _("Industry (GB/T 4754)"), "text"),
    Column("main_field", _("High-tech field"), "choice", choices=tuple(m.TECH_FIELD_CHOICES)),
    Column("main_product", _("Main products or services"), "text"),
    Column("contact_name", _("Contact person"), "text"),
    Column("contact_phone", _("Contact phone"), "text"),
    Column("contact_email", _("Contact e-mail"), "text"),
))

FIGURES = Sheet("figures", _("Annual figures"), (
    USCC,
    Column("year", _("Year"), "int", required=True),
    Column("sales_revenue", _("Sales revenue"), "money", required=True),
    Column("total_income", _("Total income"), "money", required=True),
    Column("high_tech_income", _("High-tech product/service income"), "money", required=True),
    Column("rd_expense", _("R&D expense"), "money", required=True),
    Column("rd_expense_domestic", _("R&D expense in China"), "money", required=True),
    Column("rd_personnel", _("R&D: personnel"), "money"),
    Column("rd_direct_inputs", _("R&D: direct inputs"), "money"),
    Column("rd_depreciation", _("R&D: depreciation"), "money"),
    Column("rd_amortisation", _("R&D: amortisation of intangibles"), "money"),
    Column("rd_design_trials", _("R&D: design and trials"), "money"),
    Column("rd_other", _("R&D: other related expenses"), "money"),
    Column("rd_capitalised", _("R&D capitalised as intangible assets"), "money"),
    Column("costs_and_expenses", _("Total costs and expenses"), "money"),
    Column("total_assets", _("Total assets"), "money", required=True),
    Column("net_assets", _("Net assets"), "money", required=True),
    Column("employees", _("Employees"), "int", required=True),
    Column("st_staff", _("S&T staff"), "int", required=True),
    Column("achievements_converted", _("Achievements converted"), "int"),
))

IP = Sheet("ip", _("Intellectual property"), (
    USCC,
    Column("kind", _("Type"), "choice", required=True, choices=tuple(m.IP_KIND_CHOICES)),
    Column("number", _("Number"), "text", required=True),
    Column("title", _("Title"), "text"),
    Column("granted_on", _("Grant date"), "date", required=True),
    Column("expires_on", _("Expiry date"), "date"),
    Column("acquisition", _("How acquired"), "choice", choices=tuple(m.ACQUISITION_CHOICES)),
    Column("used_in_hte", _("Already used in an HTE application"), "bool"),
))

SHEETS = (ENTERPRISES, FIGURES, IP)


def _header(ws, sheet: Sheet) -> None:
    ws.append([str(c.label) for c in sheet.columns])


def template_workbook() -> bytes:
    """The blank template: one sheet per kind of row, bold headers, required columns marked with *."""
    wb = Workbook()
    wb.remove(wb.active)
    for sheet in SHEETS:
        ws = wb.create_sheet(str(sheet.title))
        _header(ws, sheet)
        for cell, column in zip(ws[1], sheet.columns, strict=True):
            cell.font = Font(bold=True, color="B00000" if column.required else "000000")
            ws.column_dimensions[cell.column_letter].width = max(12, len(str(column.label)) * 2)
    return _save(wb)


def export_workbook(profiles: Iterable[m.EnterpriseProfile], figures: Iterable[m.AnnualFigures]) -> bytes:
    """A filtered list in the template's layout plus the cached outcome, streamed in write-only mode."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(str(ENTERPRISES.title))
    extra = [str(_("Tier")), str(_("HTE outcome")), str(_("Tech-SME outcome")), str(_("Readiness (%)"))]
    ws.append([str(c.label) for c in ENTERPRISES.columns] + extra)
    for p in profiles:
        org = p.organisation
        ws.append([org.uscc, org.name, org.region_id, p.founded_on, p.industry_code, p.get_main_field_display(),
                   p.main_product, p.contact_name, p.contact_phone, p.contact_email, p.get_tier_display(),
                   p.get_hte_verdict_display(), p.get_sme_verdict_display(), p.readiness])
    ws = wb.create_sheet(str(FIGURES.title))
    ws.append([str(c.label) for c in FIGURES.columns])
    for row in figures:
        ws.append([row.profile.organisation.uscc, *(getattr(row, c.code) for c in FIGURES.columns[1:])])
    return _save(wb)


def _save(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
