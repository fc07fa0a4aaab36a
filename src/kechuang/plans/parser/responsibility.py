"""Responsibility: who answers for an item, from inline notes or from table columns.

Inline notes come in many dresses — "(责任人:张三,牵头单位:法规处,配合单位:各有关处室)", "【牵头单位】科技局；
【配合单位】财政局", a last line "责任单位：…" — so a note is read by finding its labels and taking each
value up to the next label. Names are split on commas, semicolons and 、, except where 、 joins parts of
one name ("各市、县科技局" is one unit, "县(市、区)科技局" too).
"""

from __future__ import annotations

import re
import unicodedata

from .model import Responsibility
from .numbers import parse_number

# Qualified forms (主要责任人, 分管局领导) come first: a label must be read whole, or its qualifier is
# left behind as the tail of the previous value.
PERSON_LABELS = (
    r"主要责任人|第一责任人|具体责任人|直接责任人|分管局领导|责任局领导|包联领导|督办领导|"
    r"责任人|责任领导|分管领导|牵头领导|联系领导|负责人|责任处长"
)
LEAD_LABELS = (
    r"牵头单位|牵头部门|牵头处室|责任单位|责任部门|责任处室|责任科室|责任股室|主办单位|主办处室|承办处室|"
    r"主责单位|主责部门|责任主体|牵头科室|牵头股室|落实单位|落实部门|牵头|主办|承办|主责"
)
# Short labels (参与：, 协同：) only count as labels with a colon; LABEL_RE and NOTE_RE both demand one.
SUPPORT_LABELS = (
    r"配合单位|配合部门|配合处室|配合科室|配合股室|协办单位|协办部门|协办处室|协办科室|协助单位|协助部门|"
    r"协同单位|协同部门|协作单位|协作部门|参与单位|参加单位|参与部门|参与处室|配合|参与|协办|协同|协作"
)
DEADLINE_LABELS = r"完成时限|完成时间|时间节点|时限要求|时限"
# The unit that supervises a task (督办单位) does not answer for it: its label is read so that its value
# is not taken for the tail of the previous one, and then dropped.
SUPERVISOR_LABELS = r"督办单位|督办部门|督查单位|督查部门|督导单位|监督单位|督办"
ALL_LABELS = f"{PERSON_LABELS}|{LEAD_LABELS}|{SUPPORT_LABELS}|{DEADLINE_LABELS}|{SUPERVISOR_LABELS}"
LABEL_RE = re.compile(rf"(?:[【\[](?P<boxed>{ALL_LABELS})[】\]]\s*[:：]?|(?P<label>{ALL_LABELS})\s*[:：])\s*")
NOTE_RE = re.compile(
    rf"[（(【\[]\s*(?:{PERSON_LABELS}|{LEAD_LABELS}|{SUPPORT_LABELS})\s*[】\]]?\s*[:：][^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*[）)]"
)
ANY_LABEL = f"{PERSON_LABELS}|{LEAD_LABELS}|{SUPPORT_LABELS}|{SUPERVISOR_LABELS}"
# A note that is not bracketed: from a label opening a line (or following a sentence) to the end.
LINE_NOTE_RE = re.compile(
    rf"(?:^|\n|(?<=[。；;]))\s*(?:[【\[](?:{ANY_LABEL})[】\]]|(?:{ANY_LABEL})\s*[:：]).*$", re.S
)
# One character of a unit list inside a note, or a bracketed part of a name ("党群工作部（人才办）").
NAME_CHAR = r"(?:[^（）():：]|[（(][^（）():：]{1,15}[）)])"
# "（市科技局牵头，市财政局、市发改委配合）" closing an item: units named with verbs instead of labels.
VERB_NOTE_RE = re.compile(
    rf"[（(]\s*(?:由\s*)?(?P<lead>{NAME_CHAR}{{2,40}}?)(?:负责)?牵头(?:负责)?"
    rf"(?:[,，;；、]\s*(?P<support>{NAME_CHAR}{{2,80}}?)(?:等单位|等部门)?(?:配合|参与|协助|协同)(?:落实|实施|推进)?)?"
    r"\s*[）)](?=\s*[。.；;]?\s*$)"
)
# Names that read as organisations, for notes with no labels at all: they must end like one.
ORG = (
    r"[^，,；;。（）()：:\s]{1,30}?(?:局|委|办|处|室|科|院|所|中心|政府|部|会|厅|站|队|馆|行|街道|镇|乡|园区)"
    r"(?:[（(][^（）()：:]{1,15}[）)])?"  # 市科技局（市知识产权局）
)
ORGS = rf"{ORG}(?:[、，,]{ORG})*"
# The same verb note as a plain last sentence: "市科技局牵头，市财政局、市教育局配合。"
SENTENCE_NOTE_RE = re.compile(
    rf"(?:^|(?<=[。；;\n]))\s*(?:由\s*)?(?P<lead>{ORGS})(?:负责)?牵头(?:负责)?"
    rf"(?:[，,；;]\s*(?P<support>{ORGS})(?:等单位|等部门)?(?:配合|参与|协助|协同)(?:落实|实施|推进)?)?\s*[。.；;]?\s*$"
)
# "（市科技局、市发改委按职责分工负责）" closing an item: the units named answer for it together;
# "（市科技局会同市财政局负责）": the unit that 会同 (acts together with) the others leads them.
DUTY_NOTE_RE = re.compile(
    rf"[（(]\s*(?:由\s*)?(?P<lead>{ORGS})(?:会同(?P<support>{ORGS})(?:等单位|等部门)?)?"
    rf"(?:按职责分工|按职责|分别|共同)?负责(?:落实|实施)?\s*[）)](?=\s*[。.；;]?\s*$)"
)
# A fragment that is only a level of government ("各市", "有关县") belongs to the next one: 各市、县科技局.
BARE_LEVEL_RE = re.compile(r"^(?:各|有关|相关)?[省市县区乡镇]$")


def _field(label: str) -> str:
    if re.fullmatch(PERSON_LABELS, label):
        return "persons"
    if re.fullmatch(LEAD_LABELS, label):
        return "lead"
    if re.fullmatch(SUPPORT_LABELS, label):
        return "support"
    if re.fullmatch(SUPERVISOR_LABELS, label):
        return "supervisor"
    return "deadline"


def split_names(value: str) -> list[str]:
    """Names in a list, split on ，,；;/ and 、 (not inside brackets, not after a bare government level)."""
    value = unicodedata.normalize("NFKC", value).strip().strip("。.;；,，")
    parts: list[str] = []
    depth, buf = 0, ""
    for ch in value:
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        if depth == 0 and ch in ",，;；/\n 、":
            parts.append(buf)
            parts.append(ch)
            buf = ""
        else:
            buf += ch
    parts.append(buf)
    names: list[str] = []
    pending = ""
    for i in range(0, len(parts), 2):
        frag = parts[i].strip()
        sep = parts[i + 1] if i + 1 < len(parts) else ""
        if not frag:
            continue
        if sep == "、" and BARE_LEVEL_RE.match(frag):
            pending += frag + "、"
            continue
        names.append(pending + frag)
        pending = ""
    if pending:
        names.append(pending.rstrip("、"))
    return [n for n in names if n]


def parse_note(note: str) -> Responsibility:
    """Responsibility from the text of one note (labels with values)."""
    resp = Responsibility()
    matches = list(LABEL_RE.finditer(note))
    labels = [m.group("label") or m.group("boxed") for m in matches]
    # Next to a 牵头单位, the 责任单位 are the ones that carry the work out with it: supporting units.
    has_lead = any(label.startswith("牵头") and _field(label) == "lead" for label in labels)
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(note)
        value = _trim_brackets(note[m.end() : end])
        field = _field(labels[i])
        if has_lead and field == "lead" and labels[i].startswith("责任"):
            field = "support"
        if field == "deadline":
            resp.deadline = value.strip("，,；;。")
        elif field != "supervisor":
            _add_names(resp, field, value)
    return resp


def _trim_brackets(value: str) -> str:
    """A label's value without the brackets of the note around it, but with those of its names: the
    value of "（牵头单位：机关党委（人事处））" is "机关党委（人事处）", not "机关党委（人事处"."""
    value = value.strip().strip("【】[]").strip()
    while value and value[-1] in "）)" and _depth(value) < 0:
        value = value[:-1].rstrip()
    while value and value[0] in "（(" and _depth(value) > 0:
        value = value[1:].lstrip()
    return value


def _depth(value: str) -> int:
    """Opening brackets minus closing ones."""
    return sum(value.count(c) for c in "（(") - sum(value.count(c) for c in "）)")


LEAD_MARK_RE = re.compile(r"[（(](?:牵头|主责|总牵头)[）)]$")
# "(按职责分工负责)" after a list of units is a remark on how they share the work, not part of a name;
# the note's own closing bracket may already be gone, so the remark may run to the end.
REMARK_RE = re.compile(r"[（(][^（）()]*(?:职责|分工|按季|按月|分别)[^（）()]*(?:[）)]|$)")
TITLE = (
    r"(?:副?(?:省长|市长|区长|县长|州长|旗长|镇长|乡长|厅长|局长|主任|处长|科长|部长|书记|秘书长|主席|院长|校长)|"
    r"调研员|巡视员)"
)
TITLE_ONLY_RE = re.compile(rf"^[^（）()]*{TITLE}$")
TITLE_BRACKET_RE = re.compile(rf"[（(][^（）()]*{TITLE}(?:[）)]|$)")
TITLE_PREFIX_RE = re.compile(rf"^[^（）()]*{TITLE}(?=[\u4e00-\u9fff]{{2,3}}$)")
TITLE_SUFFIX_RE = re.compile(rf"^([\u4e00-\u9fff]{{2,3}}?){TITLE}$")  # 周立新副主任
# What stands before a post without being a person: a unit (区政府副区长) or a qualifier (分管副局长).
NOT_A_NAME_RE = re.compile(r"分管|常务|主管|[局委办府厅处科室院部区市县省镇乡]$")


def _drop_title_suffix(name: str) -> str:
    """"周立新副主任" → "周立新"; "区政府副区长" and "分管副局长" stay, as they name a post, not a person."""
    m = TITLE_SUFFIX_RE.match(name)
    return m.group(1) if m and not NOT_A_NAME_RE.search(m.group(1)) else name


def _person_names(names: list[str]) -> list[str]:
    """A person named with a post ("副县长 刘德明", "刘德明（副县长）", "区科技局局长钱志远") is the person:
    the post is dropped, unless it is all the note names (then the post is who answers)."""
    names = [_drop_title_suffix(TITLE_PREFIX_RE.sub("", TITLE_BRACKET_RE.sub("", n))) for n in names]
    people = [n for n in names if not TITLE_ONLY_RE.match(n)]
    return people or names


# "市财政局、市税务局等" / "…等有关部门": the list's tail says there are others, it names none.
ETC_RE = re.compile(r"(?<=.{2})等(?:有关|相关|其他)?(?:单位|部门|处室|科室)?$")
# "责任单位：市发改委、市科技局，市财政局配合": a part of a lead list that says it helps is support.
HELPER_RE = re.compile(r"^(.+?)(?:等单位|等部门)?(?:配合|参与|协助|协同)(?:落实|实施|推进)?$")


def _split_helpers(value: str) -> tuple[str, list[str]]:
    """(the lead part of a 责任单位 value, the parts that name helping units by a verb)."""
    parts = re.split(r"[，,；;]", value)
    helpers = [m.group(1) for m in map(HELPER_RE.match, (p.strip() for p in parts)) if m]
    if not helpers:
        return value, []
    return "，".join(p for p in parts if not HELPER_RE.match(p.strip())), helpers


# A time limit written among the names without its own label ("责任人：张三，2027年12月底前完成").
UNLABELLED_DEADLINE_RE = re.compile(
    r"^(?:\d{4}年|\d{1,2}月|年底|年内|长期|持续推进|全年)"
    r"|(?:\d{4}年|\d{1,2}月|月底|年底|季度)[^，,、]*?(?:前|底|内|完成|启动|持续)$"
)

JOINT_RE = re.compile(r"^([^（）()]+?)会同(.+?)(?:等单位|等部门)?(?:负责|落实|实施)*$")


def _add_names(resp: Responsibility, field: str, value: str) -> None:
    """Add the names of `value`; in a 责任单位 list, "(牵头)" marks the lead and the others support, and
    "A会同B" makes A the lead and B a supporting unit."""
    together = JOINT_RE.match(value) if field == "lead" else None
    if together:
        _add_names(resp, "lead", together.group(1))
        _add_names(resp, "support", together.group(2))
        return
    if field == "lead":
        value, helpers = _split_helpers(value)
        for helper in helpers:
            _add_names(resp, "support", helper)
    names = [ETC_RE.sub("", n) for n in split_names(REMARK_RE.sub("", value))]
    if field == "persons":
        names = _person_names(names)
    marked = [n for n in names if LEAD_MARK_RE.search(n)]
    if field == "lead" and marked:
        pairs = [("lead" if LEAD_MARK_RE.search(n) else "support", LEAD_MARK_RE.sub("", n)) for n in names]
    else:
        pairs = [(field, LEAD_MARK_RE.sub("", n)) for n in names]
    for target, name in pairs:
        if name and UNLABELLED_DEADLINE_RE.search(name):
            resp.deadline = resp.deadline or name  # a date is never a person or a unit
        elif name and name not in getattr(resp, target):
            getattr(resp, target).append(name)


def extract_inline(text: str) -> tuple[str, Responsibility | None]:
    """(text without its responsibility notes, the responsibility) — None when there is no note."""
    notes = [m for m in NOTE_RE.finditer(text)]
    if notes:
        resp = Responsibility()
        for m in notes:
            _merge(resp, parse_note(m.group()[1:-1]))
        cleaned = NOTE_RE.sub("", text).strip()
        return cleaned, (None if resp.is_empty() else resp)
    verb_note = VERB_NOTE_RE.search(text) or SENTENCE_NOTE_RE.search(text) or DUTY_NOTE_RE.search(text)
    if verb_note:
        resp = Responsibility()
        _add_names(resp, "lead", verb_note.group("lead"))
        _add_names(resp, "support", verb_note.groupdict().get("support") or "")
        return (text[: verb_note.start()] + text[verb_note.end() :]).strip(), resp
    line = LINE_NOTE_RE.search(text)
    if line:
        resp = parse_note(line.group())
        if not resp.is_empty():
            return text[: line.start()].strip(), resp
    return text, None


def carries_note(text: str) -> bool:
    """Whether an item's own text holds a responsibility note (bracketed, with verbs, or a last line)."""
    return any(
        rule.search(text) for rule in (NOTE_RE, VERB_NOTE_RE, SENTENCE_NOTE_RE, DUTY_NOTE_RE, LINE_NOTE_RE)
    )


NOTE_LINE_RE = re.compile(rf"^\s*(?:[【\[](?:{ANY_LABEL})[】\]]|[（(]?\s*(?:{ANY_LABEL})\s*[:：])")


def is_note_line(text: str) -> bool:
    """A paragraph that is only a responsibility note ("牵头单位：区科技局", "【责任单位】…", "（责任人：…）").

    The outline needs this to keep such a line with the item it closes instead of reading
    "牵头单位:" as the label of a new item.
    """
    return bool(NOTE_LINE_RE.match(text))


def from_columns(cells: dict[str, str]) -> Responsibility | None:
    """Responsibility from the cells of a task table row, keyed by column header."""
    resp = Responsibility()
    for header, value in cells.items():
        h = re.sub(r"\s+", "", header)
        if re.search(PERSON_LABELS, h):
            _add_names(resp, "persons", value)
        elif re.search(SUPPORT_LABELS, h):
            _add_names(resp, "support", value)
        elif re.search(LEAD_LABELS, h):
            _add_names(resp, "lead", value)
        elif re.search(DEADLINE_LABELS, h):
            resp.deadline = value.strip()
    return None if resp.is_empty() else resp


def _merge(into: Responsibility, other: Responsibility) -> None:
    for name in ("persons", "lead", "support"):
        target = getattr(into, name)
        target.extend(n for n in getattr(other, name) if n not in target)
    into.deadline = into.deadline or other.deadline


# A closing paragraph that gives several items to units by number: "以上第1—5项由高新股负责，办公室配合；
# 第6、7项由农村股负责；第8项由办公室牵头。" Each clause names items (or all of them: "以上各项工作") and
# units with verbs.
ITEM_NUMBER = r"[\d一二三四五六七八九十]+"
ITEM_SET = rf"{ITEM_NUMBER}(?:\s*(?:[、,，]|[-—－~～至到])\s*第?{ITEM_NUMBER})*"
RANGE_CLAUSE_RE = re.compile(
    rf"^(?:以上)?(?:第\s*(?P<items>{ITEM_SET})\s*项|(?P<all>各项|全部|所有))?(?:工作|任务|重点任务)?\s*"
    rf"由(?P<lead>{NAME_CHAR}{{2,60}}?)(?:牵头)?(?:负责)?(?:落实|实施)?"
    rf"(?:[,，]\s*(?P<support>{NAME_CHAR}{{2,80}}?)(?:等单位|等部门)?(?:配合|参与|协助|协同)(?:落实|实施|推进)?)?$"
)
RANGE_PARAGRAPH_RE = re.compile(rf"^\s*以上(?:第\s*{ITEM_NUMBER}|各项|全部|所有|工作|任务|重点任务)")


def range_notes(paragraph: str) -> list[tuple[set[int] | None, Responsibility]] | None:
    """The items (their numbers, or None for all of them) and who answers for them, from a closing
    paragraph that assigns items by number; None when the paragraph is not one."""
    if not RANGE_PARAGRAPH_RE.match(paragraph):
        return None
    out: list[tuple[set[int] | None, Responsibility]] = []
    for clause in re.split(r"[；;。]", paragraph):
        m = RANGE_CLAUSE_RE.match(clause.strip())
        if m is None:
            continue
        resp = Responsibility()
        _add_names(resp, "lead", m.group("lead"))
        _add_names(resp, "support", m.group("support") or "")
        out.append((_item_numbers(m.group("items")) if m.group("items") else None, resp))
    return out or None


def _item_numbers(text: str) -> set[int]:
    """{1, 2, 3, 4, 5} for "1—5", {6, 7} for "6、7", {3} for "三"."""
    numbers: set[int] = set()
    for part in re.split(r"\s*[、,，]\s*第?", text):
        bounds = [parse_number(x) for x in re.split(r"\s*[-—－~～至到]\s*第?", part)]
        if any(b is None for b in bounds):
            continue
        low, high = int(bounds[0]), int(bounds[-1])
        numbers.update(range(low, high + 1) if high - low < 100 else (low, high))
    return numbers
