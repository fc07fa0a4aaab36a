"""What every reader returns: the document as an ordered list of text blocks."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Block:
    """One paragraph of text, or one row of a table.

    For a table row `cells` maps the column header as written (序号, 工作任务, 牵头单位…) to the cell text,
    and `text` joins the cells. `heading_level` carries a heading level the format itself declares (a Word
    "Heading 2" style, an HTML <h2>), and `list_level` the level of a Word numbered list: both for
    headings and items whose number is not part of the text.
    """

    text: str
    kind: str = "paragraph"  # paragraph | row
    cells: dict[str, str] = field(default_factory=dict)
    heading_level: int | None = None
    list_level: int | None = None


@dataclass
class ReadResult:
    blocks: list[Block]
    format: str
    encoding: str = ""
