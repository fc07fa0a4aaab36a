"""Spreadsheet exports (.xlsx): the award list for the decision file and the expert assignment sheet."""

from __future__ import annotations

from io import BytesIO

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from kechuang.projects.flows import state_label
from kechuang.projects.models import Call, ReviewAssignment

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _sheet(title: str, header: list[str], rows) -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    for column, width in zip("ABCDEFGHIJ", (14, 40, 36, 12, 10, 10, 16, 16, 16, 40), strict=False):
        sheet.column_dimensions[column].width = width
    return book


def award_list(call: Call) -> Workbook:
    """Ranked and decided applications with score, requested, proposed and awarded amounts."""
    apps = (call.applications.filter(score__isnull=False).select_related("organisation", "call")
            .order_by("topic", "rank", "-score", "pk"))
    header = [_("Number"), _("Project title"), _("Applicant organisation"), _("Topic"), _("Rank"), _("Score"),
              _("Requested (yuan)"), _("Proposed (yuan)"), _("Awarded (yuan)"), _("State"), _("Note")]
    rows = ([a.number, a.title, a.organisation.name, a.topic, a.rank, float(a.score), float(a.requested_total),
             float(a.proposed_amount or 0), float(a.awarded_amount or 0), str(state_label(a.state)), a.award_note]
            for a in apps)
    return _sheet(_("Award list"), header, rows)


def assignment_sheet(call: Call) -> Workbook:
    """One row per (application, expert) with the expert's organisation and whether the review is in."""
    rows = (ReviewAssignment.objects.filter(application__call=call)
            .select_related("application", "application__call", "expert", "expert__organisation", "review")
            .order_by("application_id", "expert__username"))
    header = [_("Number"), _("Project title"), _("Expert"), _("Expert's organisation"), _("Due"),
              _("Review submitted"), _("Total"), _("Normalised")]

    def row(a: ReviewAssignment) -> list[object]:
        done = getattr(a, "review", None)
        return [a.application.number, a.application.title, str(a.expert),
                a.expert.organisation.name if a.expert.organisation_id else "",
                a.due_at.strftime("%Y-%m-%d") if a.due_at else "", _("yes") if done else _("no"),
                float(done.total) if done else None, float(done.normalised) if done and done.normalised else None]

    return _sheet(_("Expert assignments"), header, (row(a) for a in rows))


def xlsx_response(book: Workbook, filename: str) -> HttpResponse:
    buffer = BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


