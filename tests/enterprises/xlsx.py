"""Building .xlsx files in the template's layout for the import tests and the benchmark."""

from __future__ import annotations

import io
from collections.abc import Iterable

from openpyxl import Workbook

from kechuang.enterprises.sheets import ENTERPRISES, FIGURES, IP


def workbook(enterprises: Iterable[dict] = (), figures: Iterable[dict] = (), ip: Iterable[dict] = ()) -> io.BytesIO:
    """A workbook whose headers are the column codes (the importer accepts codes as well as labels)."""
    wb = Workbook(write_only=True)
    for sheet, rows in ((ENTERPRISES, enterprises), (FIGURES, figures), (IP, ip)):
        ws = wb.create_sheet(sheet.code)
        codes = [c.code for c in sheet.columns]
        ws.append(codes)
        for row in rows:
            ws.append([row.get(code) for code in codes])
    buffer = io.BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    return buffer


def figures_row(uscc: str, year: int, **changes: object) -> dict:
    row = {"uscc": uscc, "year": year, "sales_revenue": 20_000_000, "total_income": 21_000_000,
           "high_tech_income": 15_000_000, "rd_expense": 1_200_000, "rd_expense_domestic": 1_100_000,
           "total_assets": 30_000_000, "net_assets": 15_000_000, "employees": 100, "st_staff": 20,
           "achievements_converted": 2}
    row.update(changes)
    return row
