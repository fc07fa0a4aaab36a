"""Targets: quantitative commitments read from one sentence (see gold/GUIDELINE.md).

A quantity (number + unit) becomes a target in one of three shapes:

* A — indicator first: ``新增孵化器8家``, ``专利申请量超5000件``, ``产值增长20%以上``;
* B — verb, quantity, indicator: ``新建1-2个国家重点实验室``, ``评选500家上海市创新型企业``;
* C — quantity as subject: ``70%以上的大中型企业建有研发机构``, ``2家以上通过国家级孵化器认定``.

Quantities that are not commitments are left out by general rules: text in quotes or book-title marks
(names such as “6+1”平台, “十大工程”), ordinals (第三次), codes glued to letters (C919, 14nm),
counts of a list just named (杭州、宁波、绍兴3个…, …等7个领域), small counts written in characters
(三个文明, 两项试点), policy parameters (给予最高50万元资助, 150%加计扣除) and past facts (已引进的882家,
sentences about earlier years). Everything is regular expressions over the sentence: no segmenter, so
the stage stays fast.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .model import Target
from .numbers import CN_NUMERAL, is_chinese_numeral, parse_fraction, parse_number, parse_percent_word


# ----------------------------------------------------------------------------------------------- vocab
def _vocab(*lines: str) -> list[str]:
    """Words from space-separated lines, longest first so that alternations prefer 个百分点 to 个."""
    return sorted({w for line in lines for w in line.split()}, key=len, reverse=True)


UNITS = _vocab(
    "个百分点 百分点 平方公里 平方米 千瓦时 人次 项次 户次 家次 场次 批次 台套 人年 千瓦 兆瓦",
    "公顷 公里 美元 元 家 个 项 件 名 人 位 户 亩 场 次 种 所 座 台 套 篇 部 条 只 头 吨 辆 批",
    "届 期 支 间 处 本 款 例 倍 份 册 % ‰",
)
UNIT_RE = "|".join(re.escape(u) for u in UNITS)
GROWTH_VERBS = "增长|提高|增加|提升|上升|下降|降低|减少|扩大|缩短"
ACTION_VERBS = _vocab(
    "新增备案 新认定 新增 新建 新设立 新培育 新引进 新开工 新授权 新上 新签 引进推广 申报认定",
    "登记备案 评价入库 认定 复审 备案 申报 培育 培养 培训 引进 完成 建成 建设 创建 打造 实施",
    "组织 评选 遴选 选认 选派 支持 扶持 资助 举办 召开 开发 推广 达成 承担 服务 转化 列入 布局",
    "建立 组建 设立 孵化 吸引 招引 签约 认证 登记 获批 争创 开展 带动 吸纳 帮扶 建有 攻克 研制",
    "制定 出台 命名 储备 入驻 落地 开工 投产 部署 启动 推荐 授权 申请 建 办好 评审 奖励 救助",
    "推行 示范 突破 发展 形成 创办 挂牌 引育 招收 招募 输送 开设 开通 培植 改造 上马 推动 引导",
    "鼓励 帮助 促成 助推 指导 安排 争取 征集 发放 兑现 受理 立项 验收 入库 建档",
    "选聘 聘用 聘请 招聘 选拔 集聚 发布 评估 核定 审定 共建 净增",
)
VERB_RE = "|".join(ACTION_VERBS)
VERB_SEQ = rf"(?:{VERB_RE})(?:(?:和|及|与|并|、)?(?:{VERB_RE}))*"
LEAD_RE = re.compile(
    r"^(?:力争|争取|确保|努力|计划|预计|全年|年内|当年|今年|明年|到\d{4}年(?:底|末)?|\d{4}年(?:底|末|前)?|其中|"
    r"并且?|同时|重点|进一步|继续|再|累计|共|总计|全省|全市|全区|全州|全县|全乡|全镇|全国|我区|我市|我省|我州|我县|"
    r"我乡|使|让|推动|促进|实现|每年|年均|要|将|都|还|在|有|的|指导|择优|着力|大力|积极|年|"
    r"\(\d{1,2}\)|[①-⑳]|[一二三四五六七八九十]+是)+"
)
AFTER_VERB_RE = re.compile(r"^(?:全年|年内|累计|共|总计|全省|全市|全区|全县|全州)+(?=..)")
TAIL_RE = re.compile(
    r"(?:力争|争取|确保|努力|预计|要|将|可|全年|年内)?"
    rf"(?P<base>较上年|比上年|同比|较\d{{4}}年|比\d{{4}}年)?(?P<rec>每年|年均|年平均)?"
    rf"(?P<verb>(?<=年均|每年)(?:{VERB_RE})|再?(?:{GROWTH_VERBS}))?(?P<to>到|至)?(?:累计|总计|共)?"
    r"(?P<cmp>超过|超|突破|逾|多于|高于|大于|不少于|不低于|至少|不超过|不高于|控制在|低于|少于|约|近|达到|达|"
    r"保持在|稳定在|维持在|>=|≥|>|<=|≤|<)?$"
)
CMP_PREFIX = {
    ">=": ">=",
    "≥": ">=",
    ">": ">",
    "<=": "<=",
    "≤": "<=",
    "<": "<",
    "超过": ">",
    "超": ">",
    "突破": ">",
    "逾": ">",
    "多于": ">",
    "高于": ">",
    "大于": ">",
    "不少于": ">=",
    "不低于": ">=",
    "至少": ">=",
    "不超过": "<=",
    "不高于": "<=",
    "控制在": "<=",
    "低于": "<",
    "少于": "<",
    "约": "~",
    "近": "~",
}
CMP_SUFFIX = {"以上": ">=", "以下": "<=", "以内": "<=", "左右": "~", "上下": "~", "多": ">", "余": ">"}
TRAIL_ADV = r"(?:再|共|约|累计|总计|达|超过|不少于|至少|新|择优)"
POLICY_BEFORE_RE = re.compile(
    r"(?:给予|予以|最高|补助|补贴|奖励|资助|奖补|贴息|一次性|按照?|每个|每家|每项|每人)[^,;，；]{0,6}$"
)
POLICY_AFTER_RE = re.compile(r"^(?:的)?(?:资助|补助|补贴|奖励|奖补|加计|扣除|抵扣|贴息|比例|配套|的比例)")
# 上年度 reports the past only where it opens a clause; 按上年度投入的30% or 较上年度增长 name a base.
PAST_RE = re.compile(r"去年|(?:^|(?<=[,;:。]))上年度|过去|已经|业已|年来|以来|(?<![为除])了(?![解如])")
AS_OF_RE = re.compile(r"截[至止]到?(?:(\d{4})年)?")  # 截至目前 reports; 截至2025年底 may be a deadline
# In the clause before a number, these make it a count that already exists.
PRESENT_RE = re.compile(r"已|现有|目前|当前|现存|现拥有")
FIRM_RE = re.compile(r"确保|务必|必须|保证")
ASPIRE_RE = re.compile(r"力争|争取|努力|争创|力求|尽力")
PER_YEAR_RE = re.compile(r"每年|年均|年平均|每一年|逐年")
LEVEL_METRIC_RE = re.compile(r"率|比重|比例|占比|每万人|每千人|每百人|人均|每万|密度|强度|指数")
NOUN_CONTINUATION_RE = re.compile(
    r"^(?:业|量|额|数|率|费|区|点|站|型|类|化|性|者|园|机构|中心|平台|体系|能力|水平|人员|面积|基地|项目|资金|经费|"
    r"成果|规模|总量|强度|比重|投入|收入|产值)"
)
POLICY_METRIC_RE = re.compile(
    r"(?:扣除|抵扣|补助|补贴|资助|奖励|贴息|减免|税|利息)(?:的)?(?:比例|标准|税率|费率|率)"
)
BOUNDARY = ",;:。!?、)和及与或"

NUM = rf"(?:\d+(?:\.\d+)?(?:万亿|[万亿])?|{CN_NUMERAL}+)"
QUANTITY_RE = re.compile(
    rf"(?P<pctw>百分之{NUM})"  # before fractions: 百分之十五 is not a fraction over 百
    rf"|(?P<frac>(?:\d+|{CN_NUMERAL}+)分之(?:\d+|{CN_NUMERAL}+))"
    r"|(?P<half>(?<![一二三四五六七八九十两])(?:一半|半数))"
    rf"|(?P<n1>{NUM})(?:(?P<unit1>{UNIT_RE})?(?P<sep>-|~|～|—|至|到)(?P<n2>{NUM}))?(?P<approx>多|余)?"
    rf"(?P<unit>{UNIT_RE})"
)


MAY_HOLD_QUANTITY_RE = re.compile(rf"[0-9０-９]|分之|百分之|{CN_NUMERAL}(?:{UNIT_RE})")

_Prev = tuple[str, str, str]  # shape, action and metric of the previous target of a sentence


@dataclass
class _Quantity:
    start: int
    end: int  # after the unit and any comparator suffix
    value: float
    value_max: float | None
    unit: str
    comparator: str
    chinese: bool


# ------------------------------------------------------------------------------------------- helpers
def normalise(text: str) -> str:
    """NFKC, no white space, no thousands separators: the form the rules (and the scorer) compare in."""
    s = "".join(unicodedata.normalize("NFKC", text).split())
    return re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", s)


PROTECTED = (
    r"“[^”]*”",
    r"\"[^\"]*\"",
    r"《[^》]*》",
    r"「[^」]*」",
    r"‘[^’]*’",
    r"\([^()]*\)",
    r"【[^】]*】",
)


PROTECTED_RE = re.compile("|".join(PROTECTED))


def _protected_spans(s: str) -> list[tuple[int, int]]:
    """Quoted names, book titles and parenthesised asides: numbers there are not targets."""
    return [m.span() for m in PROTECTED_RE.finditer(s)]


def _quantities(s: str) -> list[_Quantity]:
    protected = _protected_spans(s)
    out: list[_Quantity] = []
    for m in QUANTITY_RE.finditer(s):
        start, end = m.span()
        if any(a <= start < b for a, b in protected):
            continue
        q = _read_quantity(m)
        if q is None:
            continue
        suffix = re.match(r"以上|以下|以内|左右|上下", s[end:])
        if suffix:
            q.comparator = CMP_SUFFIX[suffix.group()]
            end += suffix.end()
        q.start, q.end = start, end
        if _is_identifier(s, q, m):
            continue
        out.append(q)
    return out


def _read_quantity(m: re.Match) -> _Quantity | None:
    if m.group("frac"):
        v = parse_fraction(m.group("frac"))
        return None if v is None else _Quantity(0, 0, round(v * 100, 2), None, "%", "=", False)
    if m.group("half"):  # 一半以上的企业, 半数以上: a share of one half
        return _Quantity(0, 0, 50.0, None, "%", "=", False)
    if m.group("pctw"):
        v = parse_percent_word(m.group("pctw"))
        return None if v is None else _Quantity(0, 0, v, None, "%", "=", True)
    n1, n2, unit = m.group("n1"), m.group("n2") or "", m.group("unit")
    if m.group("unit1") and m.group("unit1") != unit:
        return None  # 3家至5个 is not one range
    n1, mag1 = _split_magnitude(n1)
    n2, mag2 = _split_magnitude(n2)
    v = parse_number(n1)
    if v is None:
        return None
    vmax = parse_number(n2) if n2 else None
    if n2 and vmax is None:
        return None
    magnitude = mag2 or mag1  # 5至10亿元: the magnitude is written once, after the last number
    comparator = "range" if vmax is not None else (">" if m.group("approx") else "=")
    return _Quantity(0, 0, v, vmax, magnitude + unit, comparator, is_chinese_numeral(m.group("n1")))


def _split_magnitude(number: str) -> tuple[str, str]:
    """ "10万" → ("10", "万"), "4.2万亿" → ("4.2", "万亿"): the magnitude stays in the unit, as written."""
    mag = re.search(r"(?:万亿|[万亿])$", number)
    if mag and len(number) > len(mag.group()):
        head = number[: mag.start()]
        if re.fullmatch(r"[\d.,]+", head) or is_chinese_numeral(head):
            return head, mag.group()
    return number, ""


def _is_identifier(s: str, q: _Quantity, m: re.Match) -> bool:
    """Ordinals, codes, list counts, small counts in characters and policy parameters."""
    before, after = s[: q.start], s[q.end :]
    if q.chinese and q.unit not in ("%",) and q.value < 10 and not q.unit.startswith(("万", "亿")):
        return True
    if re.search(r"(?:第|前|后|这|那|每)$", before):  # ordinals, rankings, "per" figures
        return True
    if re.search(r"[A-Za-z+\-_/.#]$", before) or re.match(r"\+|\d|级|一批|一体|周年|年", after):
        return True
    if re.search(r"等$", before):  # 北京科技大学等11所 — the count of a list just given
        return True
    if re.match(r"月|小时|工作日|天|周|年", after):  # 3个月, 2个工作日: a duration
        return True
    if q.unit == "次" and re.search(r"每(?:季度|月|年|周|半年|学期)[^,;]*$", before):  # a frequency
        return True
    if not (q.unit.endswith("元") or q.unit in ("%", "‰")):
        return False  # subsidies and deduction rates are sums of money or rates
    return bool(POLICY_BEFORE_RE.search(before) or POLICY_AFTER_RE.match(after))


def _strip_lead(text: str) -> str:
    m = LEAD_RE.match(text)
    return text[m.end() :] if m else text


# A prepositional phrase naming a partner or a focus right before the verb: 与高校|共建, 依托龙头企业|组建.
PARTNER_RE = re.compile(rf"^(?:与|同|联合|依托|面向|围绕|向)[^,;:]{{1,15}}?(?=(?:{VERB_RE}))")


def _split_action(span: str) -> tuple[str, str]:
    """(action, rest) where the span opens with action verbs (after lead adverbs and a partner phrase)."""
    span = _strip_lead(span)
    span = PARTNER_RE.sub("", span)  # 与高校共建新型研发机构: the partner is not the indicator
    ends: list[int] = []  # where each verb of a run of verbs ends: 申报|认定|和复审
    joiner = ""
    while m := re.match(rf"{joiner}(?:{VERB_RE})", span[ends[-1] if ends else 0 :]):
        ends.append((ends[-1] if ends else 0) + m.end())
        joiner = "(?:和|及|与|并|、)?"
    if ends and ends[-1] == len(span):
        return span, ""  # 力争建成1家: verbs only, the indicator is elsewhere
    for end in reversed(ends):  # the longest run that leaves a whole indicator behind
        rest = span[end:]
        if len(rest) >= 2 and not NOUN_CONTINUATION_RE.match(rest):
            return span[:end], AFTER_VERB_RE.sub("", rest)
    return "", span  # 授权量, 服务业增加值, 新增孵化器: the last "verb" belongs to the indicator


def _kind(unit: str, metric: str, growth_verb: str) -> str:
    if unit in ("%", "个百分点", "百分点", "‰", "倍") and growth_verb:
        return "growth"
    if unit in ("%", "‰", "个百分点", "百分点") or LEVEL_METRIC_RE.search(metric):
        return "level"
    return "amount"


YEARS_OF_EFFORT_RE = re.compile(r"(?:通过|用)?(\d{1,2}|[一二三四五六七八九十])年(?:时间)?(?:的努力|内|左右)")


def _year(sentence_before: str, plan_year: int | None, default_year: int | None) -> int | None:
    years = [int(y) for y in re.findall(r"((?:19|20)\d{2})年", sentence_before)]
    future = [y for y in years if plan_year is None or y >= plan_year]
    if future:
        return future[-1]
    span = YEARS_OF_EFFORT_RE.search(sentence_before)
    if span and plan_year:
        n = parse_number(span.group(1)) or 1
        return plan_year + int(n) - 1
    return default_year


def _split_respectively(metric: str) -> list[str]:
    """专利申请量、授权量 → [专利申请量, 专利授权量] (the later items borrow the first one's head)."""
    parts = [p for p in re.split(r"[、和及与]", metric) if p]
    if len(parts) < 2:
        return [metric]
    first = parts[0]
    out = [first]
    for p in parts[1:]:
        if len(p) < len(first) and p[-1] == first[-1]:
            out.append(first[: len(first) - len(p)] + p)
        else:
            out.append(p)
    return out


YEAR_OPENING_RE = re.compile(r"^(?:截至|截止到?|到)?((?:19|20)\d{2})年")
# Words of intent only: 争取 and 计划 also report (争取上级资金1280万元, 科技计划项目).
OWN_TIME_RE = re.compile(r"力争|预计|确保|目标|今年|明年|下一步|(?:19|20)\d{2}年")


def opens_past_paragraph(sentence: str, plan_year: int | None) -> bool:
    """A paragraph opening "2013年，全县科技工作取得了新的成绩。" reports that earlier year.

    Its later sentences ("全年共申报项目46项") report it too unless they name a time or an intent of
    their own (see names_own_time): the year is said once, at the head of the paragraph.
    """
    s = normalise(sentence)
    m = YEAR_OPENING_RE.match(s)
    return bool(m and plan_year and int(m.group(1)) < plan_year and PAST_RE.search(s))


def names_own_time(sentence: str) -> bool:
    """A sentence with its own year or a word of intent (力争, 确保…): it does not inherit the past."""
    return bool(OWN_TIME_RE.search(normalise(sentence)))


def is_past(sentence: str, plan_year: int | None) -> bool:
    """A sentence that reports the past rather than commits to the future."""
    s = normalise(sentence)
    m = re.match(r"^(?:截至|截止到?|到)?((?:19|20)\d{2})年", s)
    if m and plan_year and int(m.group(1)) < plan_year:
        return True
    as_of = AS_OF_RE.search(s)
    if as_of and not (as_of.group(1) and plan_year and int(as_of.group(1)) >= plan_year):
        return True
    return bool(PAST_RE.search(s))


# ----------------------------------------------------------------------------------------- main rule
def extract_targets(
    sentence: str, *, plan_year: int | None = None, default_year: int | None = None
) -> list[Target]:
    """Targets stated in one sentence; `sentence` is kept verbatim as each target's quote."""
    if not MAY_HOLD_QUANTITY_RE.search(sentence):  # most sentences hold no number: leave them early
        return []
    s = normalise(sentence)
    if not s or is_past(sentence, plan_year):
        return []
    found: list[Target] = []
    prev_end = 0
    prev: _Prev | None = None  # (shape, action, metric) of the previous target, for lists
    quantities = _quantities(s)
    taken: set[int] = set()  # values already given to an indicator of a 分别 list
    for index, q in enumerate(quantities):
        if index in taken:
            continue
        clause_start = max(s.rfind(c, 0, q.start) for c in ",;:。!?") + 1
        before_clause = s[clause_start : q.start]
        if PRESENT_RE.search(before_clause):
            prev_end = q.end
            continue
        after = s[q.end :]
        after_de = after[1:] if after.startswith("的") else after
        span_start = max(clause_start, prev_end)
        gap = s[prev_end : q.start]
        continues_b = prev is not None and prev[0] == "B" and gap in ("", "、", "和", "及", "与", ",")
        follows = (
            prev if prev is not None and re.fullmatch(r"[,、;和及与]*", s[prev_end:span_start]) else None
        )
        if not after or after[0] in BOUNDARY:
            target = _shape_a(s, q, span_start, follows)
            shape = "A"
        elif _verb_before(s[span_start : q.start]) or continues_b:
            target = _shape_b(s, q, span_start, after_de, prev)
            shape = "B"
        elif q.unit.endswith("元") and after.startswith("的") and SIZE_BEFORE_RE.search(s[span_start : q.start]):
            target = _shape_size(s, q, span_start, after_de)
            shape = "B"
        elif q.comparator in (">=", "~", "<=") or (q.unit == "%" and after.startswith("的")):
            target = _shape_c(s, q, after_de, s[span_start : q.start])
            shape = "C"
        else:
            target = None
            shape = ""
        if target is None or (q.unit == "%" and POLICY_METRIC_RE.search(target[0].metric)):
            continue
        end = q.end
        if len(target) > 1:
            target, used = _pair_respective(s, target, quantities, index)
            taken.update(used)
            end = quantities[used[-1]].end if used else end
        for t in target:
            t.quote = sentence.strip()
            t.year = _year(s[: q.start], plan_year, default_year)
            t.firmness = (
                "firm"
                if FIRM_RE.search(s[: q.start])
                else ("aspirational" if ASPIRE_RE.search(s[: q.start]) else "plain")
            )
            if PER_YEAR_RE.search(before_clause):
                t.recurrence = "per-year"
            found.append(t)
        prev_end = end
        if shape in ("B", "C"):  # the indicator follows the number: the list goes on after it
            prev_end += len(after) - len(after_de) + len(_metric_after(after_de))
        prev = (shape, target[0].action, target[0].metric)
    return found


INDICATOR_KEY_RE = re.compile(r"指标(?:名称)?$|名称$")
TARGET_KEY_RE = re.compile(r"目标|预期|规划值|((?:19|20)\d{2})年?$")
UNIT_IN_NAME_RE = re.compile(r"[(（]([^()（）]{1,6})[)）]$")


def from_indicator_row(
    cells: dict[str, str], *, plan_year: int | None = None, default_year: int | None = None
) -> list[Target]:
    """A target from a row of an indicator table (指标 | 单位 | 2020年 | 2025年目标).

    The value comes from the column headed 目标/预期 or, failing that, the latest year column; base
    year columns are history. The unit is the 单位 column or the bracket after the indicator name.
    """
    name_key = next((k for k in cells if INDICATOR_KEY_RE.search(k)), None)
    value_keys = [k for k in cells if TARGET_KEY_RE.search(k) and k != name_key]
    if name_key is None or not value_keys:
        return []
    goal = [k for k in value_keys if re.search(r"目标|预期|规划值", k)]
    key = goal[-1] if goal else max(value_keys, key=lambda k: TARGET_KEY_RE.search(k).group(1) or "")
    name = normalise(cells[name_key])
    unit = normalise(next((v for k, v in cells.items() if re.fullmatch(r"(?:计量)?单位", k)), ""))
    in_name = UNIT_IN_NAME_RE.search(name)
    if in_name:
        unit, name = unit or in_name.group(1), name[: in_name.start()]
    m = re.fullmatch(
        r"(>=|≥|>|<=|≤|<|约)?(\d+(?:\.\d+)?)(?:[-~～至](\d+(?:\.\d+)?))?(以上|以下|左右)?(%?)",
        normalise(cells[key]),
    )
    if not m or not name:
        return []
    unit = unit or m.group(5)
    if not unit:
        return []
    signs = {">=": ">=", "≥": ">=", ">": ">", "<=": "<=", "≤": "<=", "<": "<", "约": "~"}
    comparator = "range" if m.group(3) else signs.get(m.group(1) or "", CMP_SUFFIX.get(m.group(4) or "", "="))
    year = re.search(r"((?:19|20)\d{2})", key)
    years = int(year.group(1)) if year and (plan_year is None or int(year.group(1)) >= plan_year) else None
    target = Target(
        metric=name,
        action="",
        kind=_kind(unit, name, ""),
        comparator=comparator,
        value=float(m.group(2)),
        value_max=float(m.group(3)) if m.group(3) else None,
        unit=unit,
        year=years or default_year,
        quote=" ".join(v for v in cells.values() if v),
        evidence=f"{cells[name_key]} {cells[key]}",
    )
    return [target]


def _pair_respective(
    s: str, targets: list[Target], quantities: list[_Quantity], index: int
) -> tuple[list[Target], list[int]]:
    """With as many values as indicators (A、B分别达到10家、20家), give each indicator its own value.

    Returns the targets and the indexes of the quantities used up; with one value for all
    (专利申请量、授权量分别增长10%) the targets are returned as they are.
    """
    following: list[int] = []
    end = quantities[index].end
    for j in range(index + 1, min(index + len(targets), len(quantities))):
        if not re.fullmatch(r"[、和及与,]", s[end : quantities[j].start]):
            break
        following.append(j)
        end = quantities[j].end
    if len(following) != len(targets) - 1:
        return targets, []
    own = [_respective(t, quantities[j]) for j, t in zip(following, targets[1:], strict=True)]
    return [targets[0], *own], following


def _respective(template: Target, q: _Quantity) -> Target:
    """`template` with the value, unit and comparator of `q`."""
    comparator = q.comparator if q.comparator != "=" else template.comparator
    return Target(
        metric=template.metric,
        action=template.action,
        kind=_kind(q.unit, template.metric, "" if template.kind != "growth" else "growth"),
        comparator=comparator,
        value=q.value,
        value_max=q.value_max,
        unit=q.unit,
        year=None,
        quote="",
        evidence=template.evidence,
    )


def _verb_before(text: str) -> bool:
    return bool(re.search(rf"(?:{VERB_RE}){TRAIL_ADV}*$", text))


def _new(q: _Quantity, metric: str, action: str, kind: str, comparator: str, evidence: str) -> Target:
    return Target(
        metric=metric,
        action=action,
        kind=kind,
        comparator=comparator,
        value=q.value,
        value_max=q.value_max,
        unit=q.unit,
        year=None,
        quote="",
        evidence=evidence,
    )


def _shape_a(s: str, q: _Quantity, span_start: int, prev: _Prev | None) -> list[Target] | None:
    """Indicator first; `prev` is the target just before when this one continues its list."""
    span = s[span_start : q.start]
    span = span.lstrip("、和及与,") if prev is not None else span.lstrip("、,")  # 与 opens a partner phrase
    tail = TAIL_RE.search(span)
    head = span[: tail.start()] if tail else span
    action, metric = _split_action(head)
    bare = metric == head  # nothing but the indicator before the number: 、省级企业院士工作站4家
    metric = _clean_metric(metric)
    if not metric and prev is not None:
        metric = prev[2]  # 技术交易额增长15%，达到120亿元: the indicator is the previous one
    if not metric and span_start and s[span_start - 1] == ":":
        metric = _clean_metric(_strip_lead(_previous_clause(s, span_start)))  # 研发投入强度：3%
    if not metric:
        metric = _doubled_indicator(s, span_start)  # 高新技术企业数量翻一番，达到1200家
    if not metric and action:
        metric = _object_of_previous_clause(s, span_start)  # 建设省实验室，力争建成1家
    if not metric:
        return None
    cmp_word = tail.group("cmp") if tail else None
    growth = (
        tail.group("verb")
        if tail and tail.group("verb") and re.fullmatch(rf"再?(?:{GROWTH_VERBS})", tail.group("verb"))
        else ""
    )
    if tail and tail.group("verb") and not growth:
        action = action or tail.group("verb")
    if growth and not (tail.group("to")):
        action = action or growth.lstrip("再")
    elif growth:
        action = action or growth.lstrip("再")
        growth = ""  # 提高到 85%: a level to reach, not an increase
    if cmp_word in ("达", "达到"):
        action = action or "达到"
    if not action and prev is not None and bare and not (cmp_word or growth):
        action = prev[1]  # 认定民营科技企业10家、高新技术企业5家
    comparator = q.comparator
    if comparator == "=" and cmp_word in CMP_PREFIX:
        comparator = CMP_PREFIX[cmp_word]
    elif comparator == ">=" and cmp_word in ("超过", "超", "突破"):
        comparator = ">"
    kind = _kind(q.unit, metric, growth)
    evidence = s[q.start - len(span) : q.end]
    # 分别 and 各 both give each listed indicator the value: A、B分别增长10%, A、B各50家.
    each = re.search(r"(?:分别|各)$", metric)
    metrics = _split_respectively(metric[: each.start()]) if each else [metric]
    return [_new(q, m, action, kind, comparator, evidence) for m in metrics]


def _clean_metric(metric: str) -> str:
    """Drop quote marks and dangling particles: “专精特新”企业 → 专精特新企业."""
    return re.sub(r"[“”‘’\"]", "", metric).strip("的,、")


def _previous_clause(s: str, clause_start: int) -> str:
    before = s[: clause_start - 1]
    return before[max(before.rfind(c) for c in ",;:。!?") + 1 :]


DOUBLING_RE = re.compile(
    r"^(?P<metric>.{2,30}?)(?:较|比)?(?:(?:19|20)\d{2}年|上年|基期)?(?:翻一番|翻两番|翻番|实现倍增|倍增)$"
)


def _doubled_indicator(s: str, clause_start: int) -> str:
    """The indicator of a previous clause that only says it doubles: "X较2024年翻一番，达到400家" → X."""
    if clause_start < 2 or s[clause_start - 1] != ",":
        return ""
    m = DOUBLING_RE.match(_strip_lead(_previous_clause(s, clause_start)))
    return _clean_metric(m.group("metric")) if m else ""


def _object_of_previous_clause(s: str, clause_start: int) -> str:
    """What the previous clause acts on: "加快建设省实验室" → 省实验室."""
    if clause_start < 2 or s[clause_start - 1] != ",":
        return ""
    prev_clause = _previous_clause(s, clause_start)
    verbs = list(re.finditer(VERB_RE, prev_clause))
    return _clean_metric(prev_clause[verbs[-1].end() :]) if verbs else ""


def _metric_after(text: str) -> str:
    m = re.match(r"[^,;:。!?]{1,40}", text)
    metric = m.group() if m else ""
    nxt = QUANTITY_RE.search(metric)
    if nxt:  # stop before the next quantity of a list (…30家社区科技创新屋和30家…)
        metric = re.sub(r"(?:和|及|与|、)$", "", metric[: nxt.start()])
    return metric


def _shape_b(s: str, q: _Quantity, span_start: int, after: str, prev: _Prev | None) -> list[Target] | None:
    metric = _clean_metric(_metric_after(after))
    if not metric:
        return None
    span = s[span_start : q.start]
    verb = re.search(rf"(?:{VERB_SEQ}){TRAIL_ADV}*$", span)
    action = re.sub(rf"{TRAIL_ADV}+$", "", verb.group()) if verb else (prev[1] if prev else "")
    comparator = q.comparator
    cmp_word = re.search(r"(超过|不少于|至少|约|达)$", span)
    if comparator == "=" and cmp_word and cmp_word.group(1) in CMP_PREFIX:
        comparator = CMP_PREFIX[cmp_word.group(1)]
    metric_end = len(s) - len(after) + len(metric)
    evidence = s[(q.start - len(verb.group())) if verb else q.start : metric_end]
    return [_new(q, metric, action, _kind(q.unit, metric, ""), comparator, evidence)]


SIZE_BEFORE_RE = re.compile(r"(?:总)?规模(?:达到?|为|超过?|不低于|不少于)?$")


def _shape_size(s: str, q: _Quantity, span_start: int, after: str) -> list[Target] | None:
    """A fund or pool described by its size: 设立规模10亿元的天使投资基金 → 天使投资基金规模 10 亿元."""
    metric = _clean_metric(_metric_after(after))
    if len(metric) < 2:
        return None
    span = s[span_start : q.start]
    size = SIZE_BEFORE_RE.search(span)
    verb = re.search(rf"(?:{VERB_SEQ})(?=(?:总)?规模)", span)
    metric_end = len(s) - len(after) + len(metric)
    evidence = s[(span_start + verb.start()) if verb else q.start - len(size.group()) : metric_end]
    comparator = q.comparator
    word = re.search(r"超过?|不低于|不少于$", size.group())
    if comparator == "=" and word:
        comparator = CMP_PREFIX[word.group()]
    return [_new(q, metric + "规模", verb.group() if verb else "", "amount", comparator, evidence)]


# A measure named right before the number ("主营业务收入5亿元以上的企业") sizes the noun that follows: the
# quantity picks out whom a task covers, it is not a count to reach.
SCOPE_MEASURE_RE = re.compile(r"(?:收入|营收|产值|销售额|营业额|资产|投资额|研发投入|研发经费|面积|人数|税收)$")


def _shape_c(s: str, q: _Quantity, after: str, before: str) -> list[Target] | None:
    if SCOPE_MEASURE_RE.search(before):
        return None
    metric = _clean_metric(_metric_after(after))
    if len(metric) < 2:
        return None
    verb = re.search(rf"{VERB_RE}|{GROWTH_VERBS}|成为|进入|达到", metric)
    action = verb.group() if verb else ""
    kind = "level" if q.unit == "%" else _kind(q.unit, metric, "")
    evidence = s[q.start : q.end + (len(s) - q.end - len(after)) + len(metric)]
    return [_new(q, metric, action, kind, q.comparator, evidence)]
