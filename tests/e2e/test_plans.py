"""A planner imports a Word document, checks it beside the source, corrects a target and confirms."""

from __future__ import annotations

import io

import pytest
from docx import Document

from kechuang.core.roles import Role
from kechuang.plans.models import Target, WorkPlan
from tests.conftest import PASSWORD
from tests.e2e.conftest import check_accessibility, login

pytestmark = pytest.mark.django_db(transaction=True)


def make_docx(tmp_path) -> str:
    document = Document()
    document.add_paragraph("滨江区2026年科技工作要点")
    document.add_paragraph("一、培育创新主体")
    document.add_paragraph("全年新增国家高新技术企业40家，力争科技型中小企业达到500家。")
    table = document.add_table(rows=3, cols=4)
    for row, cells in zip(table.rows, [("序号", "工作任务", "牵头单位", "配合单位"),
                                       ("1", "新建省级企业研发中心10家", "高新处", "各街道"),
                                       ("2", "技术合同成交额达到20亿元", "成果处", "")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    path = tmp_path / "滨江区2026年科技工作要点.docx"
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return str(path)


def test_import_review_correct_and_confirm(page, world, tmp_path) -> None:
    login(page, world.user(Role.PLANNER).username, PASSWORD)
    page.click("nav >> text=工作计划")
    check_accessibility(page)
    page.click("text=导入工作计划")
    check_accessibility(page)
    page.set_input_files("#id_file", make_docx(tmp_path))
    page.click("form.card button[type=submit]")
    page.wait_for_url("**/review/")
    assert "滨江区2026年科技工作要点" in page.locator("h1").inner_text()
    assert page.locator(".source-text mark").count() >= 3
    check_accessibility(page)

    target = Target.objects.get(metric__contains="高新技术企业")
    row = page.locator(f"#target-{target.pk}")
    row.locator("text=修正").click()
    page.fill(f"#id_t{target.pk}-value", "45")
    page.locator(f"#target-{target.pk} button[type=submit]").click()
    page.wait_for_function(f"!document.querySelector('#target-{target.pk} form')")
    assert "45" in page.locator(f"#target-{target.pk}").inner_text()

    page.click("text=确认并保存")
    page.wait_for_url("**/plans/*/")
    assert "已确认" in page.locator("main").inner_text()
    assert "高新处" in page.locator("table").inner_text()
    check_accessibility(page)
    plan = WorkPlan.objects.get()
    assert plan.status == WorkPlan.Status.CONFIRMED
    assert Target.objects.get(pk=target.pk).value == 45


def test_a_scan_is_refused_with_advice(page, world, tmp_path) -> None:
    login(page, world.user(Role.PLANNER).username, PASSWORD)
    page.goto(page.base + "/plans/import/")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(_blank_pdf())
    page.set_input_files("#id_file", str(scan))
    page.click("form.card button[type=submit]")
    assert "OCR" in page.locator("#id_file_error").inner_text()
    assert not WorkPlan.objects.exists()


def _blank_pdf() -> bytes:
    """A valid one-page PDF with no text layer, as a scanner without OCR produces."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length 0 >>\nstream\n\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
