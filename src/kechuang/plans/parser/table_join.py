"""Joining a task table (序号 / 工作任务 / 牵头单位 / 配合单位 / 完成时限) to the outline items it restates.

Plans often list their items as paragraphs and then repeat them in a table that adds who leads and by when.
Read as two lists, every task would appear twice and the paragraphs would have no lead unit. A table row is
joined to an item when its task text names the item (the item's heading, or one contains the other, or
they read alike) or, failing that, when it carries the same number as an item beside it; the row's unit and
deadline columns then belong to the item and the row goes. Rows that restate nothing stay items of their own.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from .model import OutlineNode, WorkPlan

JOINED_COLUMN_RE = re.compile(r"牵头|配合|协办|责任|完成时限|时限|时间|期限")
NUMBER_RE = re.compile(r"\d+")
SIMILAR = 0.8


def _key(text: str) -> str:
    return re.sub(r"[\s。；;，,：:、（）()]", "", text)


def _number(text: str) -> str:
    found = NUMBER_RE.search(text)
    return found.group() if found else ""


def _names(row: OutlineNode, item: OutlineNode) -> bool:
    a, b = _key(row.heading), _key(item.heading)
    if not a or not b:
        return False
    return a == b or (min(len(a), len(b)) >= 4 and (a in b or b in a)) or SequenceMatcher(None, a, b).ratio() >= SIMILAR


def join_task_rows(plan: WorkPlan) -> None:
    """Move the unit and deadline columns of rows that restate an item onto that item, and drop the rows.

    The outline reader hangs a table under the last item before it, so a row's number is looked up both
    beside the row and beside the item the table hangs under.
    """
    nodes = [n for root in plan.outline for n in root.walk()]
    parent_of = {id(c): n for n in nodes for c in n.children}
    containers: list[tuple[OutlineNode | None, list[OutlineNode]]] = [(None, plan.outline)]
    containers += [(n, n.children) for n in nodes]
    for owner, children in containers:
        rows = [c for c in children if c.columns and any(JOINED_COLUMN_RE.search(k) for k in c.columns)]
        if not rows:
            continue
        items = [n for n in nodes if n.kind == "item" and not n.columns]
        above = parent_of.get(id(owner)).children if owner is not None and id(owner) in parent_of else plan.outline
        beside = [c for c in (*children, *(above if owner is not None else [])) if not c.columns]
        joined: set[int] = set()
        for row in rows:
            named = [i for i in items if _names(row, i)]
            numbered = [i for i in beside if _number(row.number) and _number(i.number) == _number(row.number)]
            target = named[0] if len(named) == 1 else (numbered[0] if len(numbered) == 1 and not named else None)
            if target is None:
                continue
            target.columns.update({k: v for k, v in row.columns.items() if JOINED_COLUMN_RE.search(k)})
            joined.add(id(row))
        children[:] = [c for c in children if id(c) not in joined]
        if owner is not None and joined and owner.kind == "section" and all(c.columns for c in children):
            # It was a section only because the table hung under it: the rows left are items beside it.
            above[above.index(owner) + 1:above.index(owner) + 1] = list(children)
            children.clear()
            owner.kind = "item"
