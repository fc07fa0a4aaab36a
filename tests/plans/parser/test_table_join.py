"""A Word task table restating the outline's items is joined to them, not listed beside them."""

from __future__ import annotations

import io

from docx import Document

from kechuang.plans.parser.pipeline import parse_document


def _docx() -> bytes:
    doc = Document()
    for line in ["海滨市科学技术局2026年工作要点", "一、提升企业创新能力",
                 "1.培育高新技术企业。全年新认定高新技术企业50家以上。",
                 "2.加强研发投入。力争研发投入占比达到2.5%。"]:
        doc.add_paragraph(line)
    table = doc.add_table(rows=1, cols=5)
    for cell, text in zip(table.rows[0].cells, ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"], strict=True):
        cell.text = text
    for row in [("1", "培育高新技术企业", "高新处", "各区县科技局", "2026年12月"),
                ("2", "加大研发投入", "法规处", "", "2026年6月"),
                ("3", "举办科技活动周", "社发处", "", "2026年5月")]:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_rows_restating_items_attach_units_and_deadline_to_them() -> None:
    [plan] = parse_document(_docx(), "plan.docx").plans
    items = [n for n in plan.nodes() if n.kind == "item"]
    by_heading = {n.heading: n for n in items}
    first, second = by_heading["培育高新技术企业"], by_heading["加强研发投入"]
    assert first.responsibility.lead == ["高新处"] and first.responsibility.support == ["各区县科技局"]
    assert "2026年12月" in first.responsibility.deadline
    assert second.responsibility.lead == ["法规处"]  # joined by its number: the task text reads differently
    assert [n.heading for n in items].count("培育高新技术企业") == 1
    extra = by_heading["举办科技活动周"]  # restates nothing: stays an item of its own
    assert extra.responsibility.lead == ["社发处"]
    assert len(items) == 3
