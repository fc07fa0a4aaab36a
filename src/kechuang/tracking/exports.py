"""Office exports laid out as a bureau prints them: A4, a title, repeated table headers, page numbers.

* 工作要点及责任分解表 (responsibility table) as .xlsx and .docx: item, task, targets, lead unit,
  supporting units, responsible person, deadline; the assigned units where a task is assigned, the
  plan's own notes otherwise.
* The quarterly progress report (.docx) with the status of every target.
* The assessment (.xlsx): the ranked table and each unit's score sheet.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from kechuang.plans.models import WorkPlan
from kechuang.plans.selectors import plan_outline, responsibility_table
from kechuang.tracking import selectors
from kechuang.tracking.labels import LIGHT_LABELS, STATUS_LABELS
from kechuang.tracking.models import Assignment

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
THIN = Side(style="thin", color="000000")


def responsibility_rows(plan: WorkPlan) -> list[list[str]]:
    """One row per task of the plan, in document order."""
    roots, _preamble = plan_outline(plan)
    assigned: dict[int, list[Assignment]] = {}
    for a in Assignment.objects.filter(plan=plan).select_related("lead_unit").prefetch_related("supporting_units"):
        assigned.setdefault(a.item_id, []).append(a)
    rows = []
    chapter = ""
    for entry in responsibility_table(roots):
        item = entry.item
        if item.parent_id is None:
            chapter = f"{item.number} {item.heading}".strip()
        found = assigned.get(item.pk, [])
        if found:
            lead = "、".join(dict.fromkeys(a.lead_unit.name for a in found))
            support = "、".join(dict.fromkeys(u.name for a in found for u in a.supporting_units.all()))
            person = "、".join(dict.fromkeys(a.responsible_person for a in found if a.responsible_person))
            deadline = max(a.deadline for a in found).isoformat()
        else:
            lead = "、".join(r.name for r in entry.lead)
            support = "、".join(r.name for r in entry.support)
            person = "、".join(r.name for r in entry.persons)
            deadline = item.deadline
        targets = "；".join(str(t) for t in entry.targets)
        rows.append([chapter, f"{item.number} {item.heading}".strip(), targets, lead, support, person, deadline])
    return rows


def _headers() -> list[str]:
    return [_("Item"), _("Task"), _("Targets"), _("Lead unit"), _("Supporting units"), _("Responsible person"),
            _("Deadline")]


def _sheet(ws, title: str, headers: list[str], rows: list[list], widths: list[int]) -> None:
    """A titled table set up for A4 landscape with the header row repeated and page numbers."""
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws["A1"].font = Font(size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(headers)
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.border = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in rows:
        ws.append(row)
    for line in ws.iter_rows(min_row=3):
        for cell in line:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            cell.border = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "2:2"
    ws.oddFooter.center.text = _("Page &P of &N")
    ws.freeze_panes = "A3"


def _save_xlsx(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def responsibilities_xlsx(plan: WorkPlan) -> tuple[bytes, str, str]:
    wb = Workbook()
    ws = wb.active
    ws.title = _("Responsibilities")[:31]
    _sheet(ws, plan.title + " " + _("responsibility table"), _headers(), responsibility_rows(plan),
           [18, 30, 40, 18, 22, 12, 12])
    return _save_xlsx(wb), f"responsibilities-{plan.pk}.xlsx", XLSX


def _page_number_field(paragraph) -> None:
    """Insert a PAGE field (Word fills in the number) into ``paragraph``."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _document(title: str, landscape: bool = True) -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = (Cm(29.7), Cm(21.0)) if landscape else (Cm(21.0), Cm(29.7))
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    style = doc.styles["Normal"]
    style.font.size = Pt(10.5)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "SimSun")
    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(title)
    run.bold, run.font.size = True, Pt(16)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number_field(footer)
    return doc


def _table(doc: Document, headers: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    header = table.rows[0]
    for cell, text in zip(header.cells, headers, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    marker = OxmlElement("w:tblHeader")  # repeat the header row on every page
    marker.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(marker)
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = str(text)


def _save_docx(doc: Document) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def responsibilities_docx(plan: WorkPlan) -> tuple[bytes, str, str]:
    doc = _document(plan.title + " " + _("responsibility table"))
    _table(doc, _headers(), responsibility_rows(plan))
    return _save_docx(doc), f"responsibilities-{plan.pk}.docx", DOCX


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:,.2f}".rstrip("0").rstrip(".")


def quarterly_docx(plan: WorkPlan) -> tuple[bytes, str, str]:
    """The quarter's progress report: totals by light, then every target's status."""
    today = timezone.localdate()
    quarter = (today.month - 1) // 3 + 1
    doc = _document(_("%(plan)s: progress report for Q%(q)d %(year)d")
                    % {"plan": plan.title, "q": quarter, "year": today.year})
    lights = selectors.light_totals(plan)
    doc.add_paragraph(_("As of %(date)s: %(green)d green, %(yellow)d yellow, %(red)d red, %(none)d without a light.")
                      % {"date": today.isoformat(), "green": lights["green"], "yellow": lights["yellow"],
                         "red": lights["red"], "none": lights[""]})
    rows = []
    for a in (Assignment.objects.filter(plan=plan).select_related("target", "lead_unit", "snapshot")
              .order_by("target__position", "id")):
        snap = getattr(a, "snapshot", None)
        rows.append([str(a.target), a.lead_unit.name, _number(snap.actual if snap else None),
                     _number(snap.expected if snap else None),
                     str(STATUS_LABELS.get(snap.status, snap.status)) if snap else "—",
                     str(LIGHT_LABELS[snap.light]) if snap else "—", _number(snap.forecast_value if snap else None)])
    _table(doc, [_("Target"), _("Lead unit"), _("Actual"), _("Expected"), _("Status"), _("Light"),
                 _("Year-end forecast")], rows)
    return _save_docx(doc), f"progress-{plan.pk}-{today.year}Q{quarter}.docx", DOCX


def assessment_xlsx(plan: WorkPlan) -> tuple[bytes, str, str]:
    result = selectors.assessment_table(plan)
    wb = Workbook()
    ranked = wb.active
    ranked.title = _("Ranking")[:31]
    _sheet(ranked, plan.title + " " + _("assessment"), [_("Rank"), _("Unit"), _("Score"), _("Full marks")],
           [[s.rank, s.unit, round(s.score, 2), round(s.full_marks, 2)] for s in result.scores], [8, 36, 12, 12])
    detail = wb.create_sheet(_("Score sheets")[:31])
    rows = [[s.unit, result.labels.get(r.target, r.target), r.weight, _number(r.actual), _number(r.target_value),
             "—" if r.ratio is None else f"{r.ratio:.0%}", round(r.points, 2), r.note]
            for s in result.scores for r in s.rows]
    _sheet(detail, plan.title + " " + _("score sheets"), [_("Unit"), _("Target"), _("Points"), _("Actual"),
                                                         _("Goal"), _("Completion"), _("Score"), _("Note")],
           rows, [30, 36, 8, 10, 10, 10, 8, 24])
    return _save_xlsx(wb), f"assessment-{plan.pk}.xlsx", XLSX


EXPORTS: dict[str, Callable[[WorkPlan], tuple[bytes, str, str]]] = {
    "responsibilities.xlsx": responsibilities_xlsx,
    "responsibilities.docx": responsibilities_docx,
    "quarterly.docx": quarterly_docx,
    "assessment.xlsx": assessment_xlsx,
}
