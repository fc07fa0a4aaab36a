"""Tables of tasks (责任分解表): recognise the header row and turn the rows into structured blocks.

Used by the Word, HTML and PDF readers alike: each gives a table as a list of rows of cell texts.
"""

from __future__ import annotations

import re

from .base import Block

# Words that mark a header row of a task/responsibility table.
HEADER_WORDS = re.compile(
    r"序号|编号|工作任务|重点任务|任务|工作内容|具体内容|主要内容|事项|措施|目标|责任人|责任领导|分管领导|"
    r"牵头|责任单位|主办|配合|协办|参与单位|完成时限|时限|完成时间|进度安排|时间节点|指标|单位|属性|基期|现状|预期"
)


def _clean(cell: str) -> str:
    return re.sub(r"[ \t]*\n[ \t]*", "\n", (cell or "").strip())


def find_header(rows: list[list[str]]) -> list[str] | None:
    """The header row of a task table (among its first three rows), or None."""
    return next((r for r in rows[:3] if _is_header([_clean(c) for c in r])), None)


def rows_to_blocks(rows: list[list[str]], fallback_header: list[str] | None = None) -> list[Block]:
    """Blocks for one table: structured rows after a recognised header, else plain paragraphs.

    `fallback_header` serves a table continued from the previous page, which repeats no header.
    """
    rows = [[_clean(c) for c in r] for r in rows if any((c or "").strip() for c in r)]
    header_at = next((i for i, r in enumerate(rows[:3]) if _is_header(r)), None)
    if header_at is not None:
        header, body = rows[header_at], rows[header_at + 1 :]
        if body and _is_subheader(header, body[0]):
            header, body = _merge_header(header, body[0]), body[1:]
    elif fallback_header is not None and rows and len(rows[0]) == len(fallback_header):
        header, body = [_clean(c) for c in fallback_header], rows
    else:
        return [Block(text) for r in rows for text in _dedupe(r) if text]
    blocks: list[Block] = []
    for r in body:
        if _is_section_row(r):
            blocks.append(Block(_dedupe(r)[0]))
            continue
        cells: dict[str, str] = {}
        for name, value in zip(header, r, strict=False):
            key = re.sub(r"\s+", "", name) or f"col{len(cells) + 1}"
            if key not in cells:  # merged header cells repeat the same name
                cells[key] = value
        blocks.append(Block(" ".join(_dedupe(r)), kind="row", cells=cells))
    return blocks


def _is_header(row: list[str]) -> bool:
    hits = sum(1 for c in row if c and len(c) <= 12 and HEADER_WORDS.search(c))
    return hits >= 2


def _is_subheader(header: list[str], row: list[str]) -> bool:
    """A second header row under cells merged across columns (责任分工 over 牵头单位 | 责任领导).

    Its cells are blank or repeat the header above (cells merged down both rows), and at least one
    names a column of its own.
    """
    own = [c for c, h in zip(row, header, strict=False) if c and c != h]
    if not own or len(row) > len(header):
        return False
    return all(len(c) <= 12 and HEADER_WORDS.search(c) for c in own)


def _merge_header(header: list[str], sub: list[str]) -> list[str]:
    """One header row: the lower cell names a column where it has its own name, else the upper one.

    An upper cell left blank by a merge (a text rendition keeps the text once) takes its left
    neighbour's name, so both columns under 责任分工 are named even if one has no lower cell.
    """
    merged: list[str] = []
    upper = ""
    for i, top in enumerate(header):
        upper = top or upper
        low = sub[i] if i < len(sub) else ""
        merged.append(low or upper)
    return merged


def _is_section_row(row: list[str]) -> bool:
    """A row whose cells are all the same text (a merged heading row such as "一、科技创新")."""
    distinct = _dedupe(row)
    return len(distinct) == 1 and len(row) > 1


def _dedupe(row: list[str]) -> list[str]:
    out: list[str] = []
    for c in row:
        if c and c not in out:
            out.append(c)
    return out
