"""The pipeline: read → outline → clauses → targets and responsibility.

Each stage is a separate module that knows nothing of the others' internals; this module only passes
data along. Sections that look back (回顾, 成就, 基本情况…) are skipped for targets: what they count is
history, not commitment.
"""

from __future__ import annotations

import re

from .clauses import split_sentences
from .errors import NoOutlineError
from .model import OutlineNode, ParsedDocument, Responsibility, Target, WorkPlan
from .numbers import parse_number
from .outline import parse_outline
from .readers import Block, read_blocks
from .readers.text import lines_to_blocks
from .responsibility import extract_inline, from_columns, range_notes
from .table_join import join_task_rows
from .targets import extract_targets, from_indicator_row, names_own_time, opens_past_paragraph

# Headings of report sections; words such as 成效 alone also open forward items (提升服务成效), so
# they count only in their report form (主要成效, 取得的成效).
RETROSPECTIVE_RE = re.compile(
    r"回顾|(?:主要|取得的?|工作|发展|重点)(?:成效|成就|成绩|进展)|成效显著|(?:工作)?总结$|工作总结|"
    r"(?:进展|完成|开展|工作|落实|推进|执行|基本)情况|发展基础|现状|存在的?(?:主要)?问题|问题(?:和|与)不足|困难和问题"
)
# Task-table columns that state what is to be achieved (not who, when, or the row's number).
TARGET_COLUMN_RE = re.compile(r"目标|要求|内容|成果|标准|措施|任务")
FORWARD_RE = re.compile(r"目标|计划|要点|安排|思路|任务|打算")


def parse_document(data: bytes, filename: str = "") -> ParsedDocument:
    """Parse an uploaded work-plan file (.docx, .pdf, .html, .txt) into plans, outline and targets."""
    read = read_blocks(data, filename)
    doc = ParsedDocument(filename=filename, format=read.format, encoding=read.encoding,
                         text="\n".join(block.text for block in read.blocks))
    doc.plans = _plans(read.blocks, filename)
    return doc


def parse_text(text: str, filename: str = "") -> ParsedDocument:
    """Parse text already in memory (one paragraph per line)."""
    blocks = lines_to_blocks(text)
    doc = ParsedDocument(filename=filename, format="text", encoding="", text=text)
    doc.plans = _plans(blocks, filename)
    return doc


def _plans(blocks: list[Block], filename: str) -> list[WorkPlan]:
    plans = [p for p in parse_outline(blocks) if p.outline or p.preamble]
    for plan in plans:
        join_task_rows(plan)
        _fill(plan)
    # Without any structure, a text is still worth keeping when it states targets (a short notice).
    if not any(p.outline or p.targets for p in plans):
        raise NoOutlineError(filename)
    return plans


def _fill(plan: WorkPlan) -> None:
    plan.targets = _targets_of(plan.preamble, plan)
    for node in plan.outline:
        _fill_node(node, plan, retrospective=False)


def _fill_node(node: OutlineNode, plan: WorkPlan, *, retrospective: bool) -> None:
    retrospective = retrospective or _looks_back(node.heading, plan)
    assigned = _take_range_notes(node)
    node.body, inline = extract_inline(node.body)
    if inline is None:  # a one-line item: "1.加强XXX（牵头单位：…）"
        node.heading, inline = extract_inline(node.heading)
    columns = from_columns(node.columns) if node.columns else None
    node.responsibility = inline or columns
    if not retrospective:
        # A heading cut from an over-long first sentence is repeated in the body: read it once.
        heading_targets = [] if node.body.startswith(node.heading) else _targets_of(node.heading, plan)
        node.targets = heading_targets + _targets_of(node.body, plan)
        if node.columns:
            plan_year, default_year = _years(plan)
            node.targets += from_indicator_row(node.columns, plan_year=plan_year, default_year=default_year)
            for header, cell in node.columns.items():  # 目标要求, 工作内容: targets beside the task's name
                if TARGET_COLUMN_RE.search(header) and cell and node.heading not in cell:  # not the task cell
                    node.targets += _targets_of(cell, plan)
    for child in node.children:
        _fill_node(child, plan, retrospective=retrospective)
    for numbers, resp in assigned:
        for child in node.children:
            if child.responsibility is None and (numbers is None or _item_number(child.number) in numbers):
                child.responsibility = resp


def _take_range_notes(node: OutlineNode) -> list[tuple[set[int] | None, Responsibility]]:
    """Closing paragraphs under `node` that give its items to units by number ("以上第1—5项由高新股负责"),
    read and removed from the text they were appended to (the last item's body, or the node's own)."""
    found: list[tuple[set[int] | None, Responsibility]] = []
    for holder in (node, *node.children[-1:]):
        kept = []
        for paragraph in holder.body.split("\n"):
            notes = range_notes(paragraph)
            if notes:
                found.extend(notes)
            else:
                kept.append(paragraph)
        holder.body = "\n".join(kept)
    return found


def _item_number(number: str) -> int | None:
    """3 for "3."、"（三）"、"第三条"; None when the item is unnumbered."""
    digits = re.sub(r"[^\d一二三四五六七八九十百]", "", number)
    value = parse_number(digits) if digits else None
    return int(value) if value is not None else None


def _looks_back(heading: str, plan: WorkPlan) -> bool:
    """A section about the past: 回顾, 工作开展情况, 存在的问题, or one titled with an earlier year.

    An item whose heading is a sentence ("2024年新建4家，较上年增长33%") is not titled by its year: its
    first sentence reports the past, the rest may still plan ahead (is_past judges each sentence).
    """
    if RETROSPECTIVE_RE.search(heading):
        return True
    if re.search(r"[，,；;]", heading):
        return False
    plan_year = _years(plan)[0]
    years = [int(y) for y in re.findall(r"((?:19|20)\d{2})年", heading)]
    return bool(plan_year and years and max(years) < plan_year and not FORWARD_RE.search(heading))


def _years(plan: WorkPlan) -> tuple[int | None, int | None]:
    """(first year the plan covers, year its targets are due when a sentence names none)."""
    default_year = plan.year if plan.year else (plan.period[1] if plan.period else None)
    plan_year = plan.period[0] if plan.period else plan.year
    return plan_year, default_year


def _targets_of(text: str, plan: WorkPlan) -> list[Target]:
    plan_year, default_year = _years(plan)
    out: list[Target] = []
    for paragraph in text.split("\n"):
        past = False  # the paragraph opened by reporting an earlier year
        for i, sentence in enumerate(split_sentences(paragraph)):
            if i == 0:
                past = opens_past_paragraph(sentence.text, plan_year)
            elif past and not names_own_time(sentence.text):
                continue
            out.extend(extract_targets(sentence.text, plan_year=plan_year, default_year=default_year))
    return out
