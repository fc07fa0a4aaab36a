"""Outline: text blocks → plans → a tree of Part / Chapter / Section / Item.

Numbered headings come in many styles (第一篇, 第一章, 第一节, 一、, (一), 1、/1./1．, (1), ①). Their depth is
not fixed by the style: each plan uses its own order, so depth follows the order in which styles first
appear (a style seen again closes the deeper ones). Paragraphs that open with a short sentence or a
"label:" become unnumbered items, the way many 工作要点 write their tasks. A file may hold several plans
(collections of 工作要点): every plan title line after body text starts a new plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import OutlineNode, WorkPlan
from .readers.base import Block
from .responsibility import carries_note, is_note_line

CN = "一二三四五六七八九十百零〇两"
# 第…篇 / 第…部分 / 第…章 / 第…节: a fixed rank and the outline kind it makes.
FIXED = {"篇": (0, "part"), "部分": (0, "part"), "章": (1, "chapter"), "节": (2, "section")}

MARKER_RE = re.compile(
    rf"""^\s*(?:
        (?P<fixed>第\s*[{CN}\d]+\s*(?P<fixed_kind>部分|[篇章节]))\s*[:：、.．]?\s*
      | (?P<article>第\s*[{CN}\d]+\s*条)\s*[:：、.．]?\s*
      | (?P<decimal>\d{{1,2}}(?:\.\d{{1,2}}){{1,3}})(?![\d.%万亿千百元个家项件])\s*
      | (?P<cn_dun>[{CN}]+\s*(?:、|[.．](?!\d)))\s*
      | (?P<cn_paren>[（(]\s*[{CN}]+\s*[）)]\s*[、.．]?)\s*
      | (?P<arabic>\d{{1,3}}\s*(?:、|[．.](?![\d%])|[．.](?=(?:19|20)\d{{2}}年)))\s*
      | (?P<arabic_paren>[（(]\s*\d{{1,3}}\s*[）)]\s*[、.．]?)\s*
      | (?P<circled>[①-⑳])\s*
    )""",
    re.VERBOSE,
)
TITLE_END_RE = re.compile(
    r"(?:工作要点|要点|规划|计划|方案|意见|工作安排|工作重点|任务分解|责任分解|重点工作|实施细则)"
    r"(?:表|清单|一览表)?(?:\s*[（(][^）)]{0,12}[）)])?(?:范文|全文)?$"
)
ORG_END_RE = re.compile(r"(?:局|厅|委员会|科委|委|政府|办公室|中心|院)(?:文件)?$")
YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
FIVE_YEAR = {
    "十一五": (2006, 2010),
    "十二五": (2011, 2015),
    "十三五": (2016, 2020),
    "十四五": (2021, 2025),
    "十五五": (2026, 2030),
}
SENTENCE_END_RE = re.compile(r"[。！？!?；;]")
LABEL_RE = re.compile(r"^([^，,。；;：:]{2,12})[：:]")
HEADING_MAX = 60
VALUE_AFTER_LABEL_RE = re.compile(r"\s*(?:[>≥<≤约]|不低于|不少于|超过)?\s*\d")
BULLET_RE = re.compile(r"^[—–\-·•●■◆▲►★☆◇○□]+\s*")  # "——创新投入持续加大。…" is an item too


@dataclass
class _Heading:
    style: str
    kind: str
    number: str
    text: str


@dataclass
class _PlanDraft:
    title_lines: list[str] = field(default_factory=list)
    meta_lines: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)


def match_heading(text: str) -> _Heading | None:
    """The numbered heading that opens `text`, if any."""
    m = MARKER_RE.match(text)
    if not m:
        return None
    rest = text[m.end() :].strip()
    if not rest:
        return None
    for style in ("fixed", "article", "decimal", "cn_dun", "cn_paren", "arabic", "arabic_paren", "circled"):
        if m.group(style):
            number = re.sub(r"\s+", "", m.group(style))
            if style == "fixed":
                word = m.group("fixed_kind")
                return _Heading("fixed:" + word, FIXED[word][1], number, rest)
            if style == "decimal":  # 1.2 and 1.2.3 are different depths
                style += str(number.count("."))
            return _Heading(style, "item", number, rest)
    return None


def is_title(text: str) -> bool:
    """A plan title line: short, no sentence punctuation, ends like 工作要点 / 规划 / 实施方案."""
    s = re.sub(rf"^第\s*[{CN}\d]+\s*篇\s*[:：、.．]?", "", text.strip())
    s = s.strip("《》 ")
    if not s or len(s) > 50 or re.search(r"[，,。；;]", s):
        return False
    if s.startswith("关于") or "通知" in s:
        return False
    if MARKER_RE.match(s) or not TITLE_END_RE.search(s):
        return False
    # "实施人才引进计划" on its own line is a heading; a plan title names its year, period or genre.
    return bool(YEAR_RE.search(s) or re.search(r"年度|十[一二三四五]五|三年|五年|工作要点|规划", s))


def split_plans(blocks: list[Block]) -> list[_PlanDraft]:
    """Cut the blocks into plans at title lines; text before the first title is front matter."""
    drafts: list[_PlanDraft] = []
    front: list[Block] = []
    for block in blocks:
        if block.kind == "paragraph" and is_title(block.text):
            if drafts and not drafts[-1].blocks:
                drafts[-1].title_lines.append(block.text)
            else:
                drafts.append(_PlanDraft(title_lines=[block.text]))
            continue
        if not drafts:
            front.append(block)
            continue
        draft = drafts[-1]
        if not draft.blocks and not draft.meta_lines and _is_meta(block.text):
            draft.meta_lines.append(block.text)
            continue
        draft.blocks.append(block)
    if not drafts:
        return [_PlanDraft(blocks=front)]
    drafts[0].meta_lines[:0] = [b.text for b in front if b.kind == "paragraph"]
    return drafts


def _is_meta(text: str) -> bool:
    """An issuer or date line right under a title ("湘西自治州科学技术局", "二○一二年一月十八日")."""
    s = text.strip()
    if len(s) > 30 or SENTENCE_END_RE.search(s) or "，" in s:
        return False
    return bool(ORG_END_RE.search(s) or re.fullmatch(rf"[\d{CN}○]+年[\d{CN}○]+月([\d{CN}○]+日)?", s))


def build_plan(draft: _PlanDraft) -> WorkPlan:
    """One plan: title, issuer, year or period, preamble and the outline tree."""
    title = _pick_title(draft.title_lines)
    plan = WorkPlan(title=title, issuer=_issuer(draft), year=None, period=_period(title))
    years = YEAR_RE.findall(title)
    if years:  # 2022年工作总结及2023年工作计划: the plan is for the last year named
        plan.year = max(int(y) for y in years)
    elif plan.period:
        plan.year = plan.period[1]
    preamble: list[str] = []
    stack: list[tuple[str, OutlineNode]] = []  # (style, node)
    noted: set[int] = set()  # ids of the nodes a note line was given to
    note_owner: OutlineNode | None = None  # owner of the note line just read, for a note on two lines

    def attach(node: OutlineNode, depth_parent: OutlineNode | None) -> None:
        if depth_parent is None:
            node.level = 1
            plan.outline.append(node)
        else:
            node.level = depth_parent.level + 1
            depth_parent.children.append(node)

    for block in draft.blocks:
        if block.kind == "row":
            attach(_row_node(block), stack[-1][1] if stack else None)
            continue
        head = match_heading(block.text)
        if head is None and block.list_level is not None:  # numbered by Word, not in the text
            head = _Heading(f"list{block.list_level}", "item", "", block.text)
        elif head is None and block.heading_level is not None and len(block.text) <= HEADING_MAX:
            head = _Heading(f"h{block.heading_level}", "item", "", block.text)
        if head is not None:
            note_owner = None
            _pop_for(stack, head.style)
            heading, body = split_heading(head.text)
            node = OutlineNode(kind=head.kind, number=head.number, heading=heading, body=body)
            attach(node, stack[-1][1] if stack else None)
            stack.append((head.style, node))
            continue
        if not stack:
            preamble.append(block.text)
            continue
        if is_note_line(block.text):
            note_owner = note_owner or _note_owner(stack, noted)
            noted.add(id(note_owner))
            note_owner.body = f"{note_owner.body}\n{block.text}" if note_owner.body else block.text
            continue
        note_owner = None
        parent = stack[-1][1]
        heading = _unnumbered_heading(block.text)
        if heading is not None and not parent.columns:
            label, body = heading
            child = OutlineNode(kind="item", number="", heading=label, body=body)
            attach(child, parent)
            continue
        target = parent.children[-1] if parent.children and not parent.children[-1].number else parent
        target.body = f"{target.body}\n{block.text}" if target.body else block.text
    if not plan.outline:  # no numbered headings at all: paragraphs that open with a short sentence are tasks
        preamble = _items_from_paragraphs(plan, preamble)
    plan.preamble = "\n".join(preamble)
    if plan.year is None:  # "2024年，全市科技工作要…" or a dated notice above an untitled plan
        found = YEAR_RE.search(plan.preamble[:80]) or YEAR_RE.search(" ".join(draft.meta_lines))
        plan.year = int(found.group(1)) if found else None
    for node in plan.outline:
        _set_kinds(node)
    return plan


def _note_owner(stack: list[tuple[str, OutlineNode]], noted: set[int]) -> OutlineNode:
    """The node a responsibility note line on its own closes.

    Usually the item just read; but a note after the last of several items none of which had its
    own note covers them all ("（1）…（2）…牵头单位：…"), so it goes to their parent. A sibling whose
    own text carries a note (inline, "1.…。（责任处室：…）") shows that notes here are per item.
    """
    top = stack[-1][1]
    if top.children and not top.children[-1].number:  # unnumbered items under the heading
        item, group = top.children[-1], top
    else:
        item, group = top, (stack[-2][1] if len(stack) > 1 else None)
    if group is not None and len(group.children) > 1 and not any(
        id(c) in noted or carries_note(f"{c.heading}\n{c.body}") for c in group.children
    ):
        return group
    return item


def _items_from_paragraphs(plan: WorkPlan, paragraphs: list[str]) -> list[str]:
    """Make top-level unnumbered items of the paragraphs that read as tasks; return the others."""
    rest: list[str] = []
    for text in paragraphs:
        item = _unnumbered_heading(text)
        if item is None:
            rest.append(text)
        else:
            plan.outline.append(OutlineNode(kind="item", number="", heading=item[0], body=item[1], level=1))
    return rest


def _pop_for(stack: list[tuple[str, OutlineNode]], style: str) -> None:
    """Close the levels a heading of `style` ends: down to its own style, or above a fixed rank."""
    if style.startswith("fixed:"):
        rank = FIXED[style[6:]][0]
        while stack and (not stack[-1][0].startswith("fixed:") or FIXED[stack[-1][0][6:]][0] >= rank):
            stack.pop()
        return
    styles = [s for s, _ in stack]
    if style in styles:
        del stack[styles.index(style) :]


def split_heading(text: str) -> tuple[str, str]:
    """Heading and body of a numbered line: the first sentence (or "label:") is the heading."""
    text = text.strip().rstrip(":：")
    label = LABEL_RE.match(text)
    end = _sentence_end(text)
    if label and _depth(label.group(1)) > 0:  # "加强基础研究（分管领导：…）": a note's label, not the heading's
        label = None
    if label and (end is None or label.end() < end.start()) and len(text) > label.end():
        return label.group(1).strip(), text[label.end() :].strip()
    if end is None:
        return (text, "") if len(text) <= HEADING_MAX * 2 else (text[:HEADING_MAX], text)
    if end.start() <= HEADING_MAX:
        return text[: end.start()].strip(), text[end.end() :].strip()
    return text[:HEADING_MAX], text


def _sentence_end(text: str) -> re.Match[str] | None:
    """The first sentence end outside brackets: the ； between the labels of a note that closes a
    heading ("一、加强基础研究（分管领导：孙国华；责任处室：基础处）") does not end the heading."""
    depth = 0
    pos = 0
    for m in SENTENCE_END_RE.finditer(text):
        depth += _depth(text[pos : m.start()])
        pos = m.start()
        if depth <= 0:
            return m
    return None


def _depth(text: str) -> int:
    """Opening brackets minus closing ones."""
    return sum(text.count(c) for c in "（(") - sum(text.count(c) for c in "）)")


def _unnumbered_heading(text: str) -> tuple[str, str] | None:
    """(heading, body) for a paragraph that reads as an unnumbered item, else None."""
    text = BULLET_RE.sub("", text)
    label = LABEL_RE.match(text)
    if label and not VALUE_AFTER_LABEL_RE.match(text[label.end() :]):  # "研发投入强度：2.45%" is a figure
        return label.group(1).strip(), text[label.end() :].strip()
    end = SENTENCE_END_RE.search(text)
    if end is None or end.group() not in "。！!" or end.start() > 25 or end.start() < 4:
        return None
    first = text[: end.start()]
    if re.search(r"[，,、：:“”\"]", first) or YEAR_RE.search(first):
        return None
    rest = text[end.end() :].strip()
    if not rest:
        return None
    return first.strip(), rest


def _row_node(block: Block) -> OutlineNode:
    """An item from a table row: number from 序号, heading and body from the task column."""
    cells = block.cells
    number = next((v for k, v in cells.items() if re.search(r"序号|编号", k)), "")
    task_key = next(
        (
            k
            for pattern in (r"指标(?:名称)?$|名称$", r"任务|工作|内容|事项|措施", r"目标")
            for k in cells
            if re.search(pattern, k)
        ),
        None,
    )
    task = cells.get(task_key, "") if task_key else block.text
    head = match_heading(task)
    if head is not None and not number:
        number, task = head.number, head.text
    heading, body = split_heading(task.replace("\n", ""))
    return OutlineNode(kind="item", number=number.strip(), heading=heading, body=body, columns=dict(cells))


def _set_kinds(node: OutlineNode) -> None:
    """Inner nodes without a fixed kind (篇/章/节) are sections; leaves are items (tasks)."""
    if node.kind == "item" and node.children:
        node.kind = "section"
    for child in node.children:
        _set_kinds(child)


def _pick_title(lines: list[str]) -> str:
    """The plain title among the title lines ("第二篇:…" collection headers give way to the real title)."""
    plain = [ln for ln in lines if not re.match(rf"^第\s*[{CN}\d]+\s*篇", ln.strip())]
    chosen = plain[-1] if plain else (lines[-1] if lines else "")
    chosen = re.sub(rf"^第\s*[{CN}\d]+\s*篇\s*[:：、.．]?", "", chosen.strip())
    return chosen.strip().strip("《》")


def _period(title: str) -> tuple[int, int] | None:
    for name, span in FIVE_YEAR.items():
        if name in title:
            return span
    m = re.search(r"((?:19|20)\d{2})\s*[-—－~至到]\s*((?:19|20)\d{2})\s*年", title)
    return (int(m.group(1)), int(m.group(2))) if m else None


def _issuer(draft: _PlanDraft) -> str:
    for line in draft.meta_lines:
        s = line.strip()
        m = re.match(r"^(.{2,30}?)(?:关于印发|关于|文件$)", s)
        if m and ORG_END_RE.search(m.group(1)):
            return m.group(1)
        if len(s) <= 30 and ORG_END_RE.search(s) and not SENTENCE_END_RE.search(s):
            return s.removesuffix("文件")
    return ""


def parse_outline(blocks: list[Block]) -> list[WorkPlan]:
    """Plans of a document with their outline trees (targets and responsibility not yet filled)."""
    return [build_plan(d) for d in split_plans(blocks)]
