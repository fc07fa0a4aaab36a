"""The .xlsx import: row-numbered errors, all-or-nothing, good rows only, updates by credit code."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from kechuang.core.models import AuditEntry, Organisation
from kechuang.core.roles import Role
from kechuang.core.uscc import make_uscc_from_parts
from kechuang.enterprises.importer import ImportFileError, import_workbook
from kechuang.enterprises.models import AnnualFigures, EnterpriseProfile, IpItem
from kechuang.enterprises.sheets import template_workbook
from tests.enterprises.conftest import THIS_YEAR, make_profile
from tests.enterprises.xlsx import figures_row, workbook

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

CODE_A = make_uscc_from_parts("330203", "MA100001")
CODE_B = make_uscc_from_parts("330203", "MA100002")


def _enterprise(code: str, name: str, **changes: object) -> dict:
    return {"uscc": code, "name": name, "region_code": "330203", "founded_on": date(2016, 4, 1),
            "industry_code": "C3914", "main_field": "new_materials", **changes}


def _good_file(*extra_figures: dict) -> io.BytesIO:
    return workbook(
        enterprises=[_enterprise(CODE_A, "甲新材料有限公司"), _enterprise(CODE_B, "乙新材料有限公司")],
        figures=[figures_row(CODE_A, THIS_YEAR - 1), figures_row(CODE_B, THIS_YEAR - 1), *extra_figures],
        ip=[{"uscc": CODE_A, "kind": "invention_patent", "number": "ZL2020100001", "granted_on": date(2021, 1, 5)}],
    )


def test_a_clean_file_lands_whole_audited_and_assessed(world):
    report = import_workbook(actor=world.user(Role.PROGRAMME_OFFICER), file=_good_file(), filename="a.xlsx")
    assert report.applied and not report.errors
    assert report.created == {"enterprises": 2, "figures": 2, "ip": 1}
    profile = EnterpriseProfile.objects.get(organisation__uscc=CODE_A)
    assert profile.assessed_on is not None and profile.hte_verdict
    assert AuditEntry.objects.filter(reason="Import of a.xlsx").count() == 2 + 2 + 2 + 1


def test_bad_rows_are_reported_with_sheet_row_column_and_nothing_is_stored(world):
    bad_code = CODE_A[:-1] + ("0" if CODE_A[-1] != "0" else "1")
    file = workbook(
        enterprises=[_enterprise(CODE_A, "甲"), _enterprise(bad_code, "乙"), _enterprise(CODE_A, "甲二")],
        figures=[figures_row(CODE_A, THIS_YEAR - 1, sales_revenue=-5),
                 figures_row(CODE_A, THIS_YEAR - 2, st_staff=150),
                 figures_row(CODE_A, THIS_YEAR + 1),
                 figures_row(CODE_A, THIS_YEAR - 3, rd_expense_domestic=2_000_000)],
    )
    report = import_workbook(actor=world.user(Role.PROGRAMME_OFFICER), file=file)
    assert not report.applied
    found = {(e.sheet, e.row, e.column) for e in report.errors}
    assert ("Enterprises", 3, "Unified social credit code") in found  # wrong check character
    assert ("Enterprises", 4, "Unified social credit code") in found  # duplicate enterprise
    assert ("Annual figures", 2, "Sales revenue") in found
    assert ("Annual figures", 3, "S&T staff") in found
    assert ("Annual figures", 4, "Year") in found
    assert ("Annual figures", 5, "R&D expense in China") in found
    assert not Organisation.objects.filter(uscc=CODE_A).exists()
    assert not AnnualFigures.objects.exists()


def test_good_rows_only_imports_the_rest_and_still_reports_the_bad_ones(world):
    file = _good_file(figures_row(CODE_B, THIS_YEAR - 2, employees="many"))
    report = import_workbook(actor=world.user(Role.PROGRAMME_OFFICER), file=file, good_rows_only=True)
    assert report.applied
    assert [(e.sheet, e.row, e.column) for e in report.errors] == [("Annual figures", 4, "Employees")]
    assert AnnualFigures.objects.count() == 2


def test_rows_hanging_on_a_rejected_enterprise_are_rejected_too(world):
    file = workbook(enterprises=[_enterprise(CODE_A, "甲", region_code="999999")],
                    figures=[figures_row(CODE_A, THIS_YEAR - 1)])
    report = import_workbook(actor=world.user(Role.PROGRAMME_OFFICER), file=file, good_rows_only=True)
    assert {(e.sheet, e.row) for e in report.errors} == {("Enterprises", 2), ("Annual figures", 2)}
    assert not AnnualFigures.objects.exists()


def test_existing_enterprises_are_updated_by_credit_code(world):
    profile = make_profile(world.enterprise)
    file = workbook(figures=[figures_row(world.enterprise.uscc, THIS_YEAR - 1, employees=250, st_staff=30)])
    report = import_workbook(actor=world.user(Role.ENTERPRISE_USER), file=file)
    assert report.applied and report.updated["figures"] == 1
    assert profile.figures.get(year=THIS_YEAR - 1).employees == 250


def test_rows_outside_the_users_scope_are_refused(world):
    file = workbook(figures=[figures_row(world.far_away.uscc, THIS_YEAR - 1)])
    make_profile(world.far_away)
    report = import_workbook(actor=world.user(Role.ENTERPRISE_USER), file=file)
    assert not report.applied and report.errors[0].column == "Unified social credit code"


def test_the_handed_out_template_reads_back_with_its_translated_headers(world):
    from django.utils import translation

    with translation.override("zh-hans"):
        blank = template_workbook()
        wb = load_workbook(io.BytesIO(blank))
        ws = wb.worksheets[1]
        ws.append([CODE_A, THIS_YEAR - 1, 1, 1, 1, 1, 1] + [None] * 8 + [1, 1, 10, 1, 0])
        buffer = io.BytesIO()
        wb.save(buffer)
        buffer.seek(0)
        report = import_workbook(actor=world.user(Role.PROGRAMME_OFFICER), file=buffer)
    assert len(report.errors) == 1 and report.errors[0].row == 2  # unknown enterprise, nothing else


def test_a_file_that_is_not_a_workbook_is_refused(world):
    with pytest.raises(ImportFileError):
        import_workbook(actor=world.user(Role.PROGRAMME_OFFICER), file=io.BytesIO(b"not a zip"))


def test_ip_rows_update_by_type_and_number(world):
    make_profile(world.enterprise)
    row = {"uscc": world.enterprise.uscc, "kind": "Invention patent", "number": "ZL1", "granted_on": "2022-03-04"}
    import_workbook(actor=world.user(Role.ENTERPRISE_USER), file=workbook(ip=[row]))
    import_workbook(actor=world.user(Role.ENTERPRISE_USER), file=workbook(ip=[{**row, "title": "传感器"}]))
    assert IpItem.objects.get().title == "传感器"


@pytest.mark.parametrize("role", [Role.LEADER, Role.PLANNER])
def test_a_role_that_may_not_import_is_refused_before_the_file_is_read_and_audited(world, role):
    from django.core.exceptions import PermissionDenied

    user = world.user(role)
    with pytest.raises(PermissionDenied):
        import_workbook(actor=user, file=_good_file())
    assert not Organisation.objects.filter(uscc=CODE_A).exists()
    assert AuditEntry.objects.filter(action=AuditEntry.Action.DENIED, actor=user).exists()
