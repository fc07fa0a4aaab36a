"""Target extraction from single sentences: shapes, comparators, kinds and the exclusions."""

from __future__ import annotations

import pytest

from kechuang.plans.parser import parse_text
from kechuang.plans.parser.targets import extract_targets, is_past


def one(sentence: str, **kw):
    found = extract_targets(sentence, plan_year=kw.pop("plan_year", 2024), default_year=kw.pop("year", 2024))
    assert len(found) == 1, [(t.metric, t.value, t.unit) for t in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "metric", "comparator", "value", "unit", "kind"),
    [
        ("全年新增孵化器8家。", "孵化器", "=", 8, "家", "amount"),
        ("技术合同成交额突破50亿元。", "技术合同成交额", ">", 50, "亿元", "amount"),
        ("专利申请量超5000件。", "专利申请量", ">", 5000, "件", "amount"),
        ("高新技术产业产值增长20%以上。", "高新技术产业产值", ">=", 20, "%", "growth"),
        ("规上工业企业研发机构覆盖率达到45%。", "规上工业企业研发机构覆盖率", "=", 45, "%", "level"),
        (
            "大中型工业企业研发机构建有率提高到85%以上。",
            "大中型工业企业研发机构建有率",
            ">=",
            85,
            "%",
            "level",
        ),
        ("新建省级重点实验室15家左右。", "省级重点实验室", "~", 15, "家", "amount"),
        ("认定科技特派员不少于500人。", "科技特派员", ">=", 500, "人", "amount"),
        ("每万人口发明专利拥有量达到25件。", "每万人口发明专利拥有量", "=", 25, "件", "level"),
        ("高新技术产业增加值占比提高2个百分点。", "高新技术产业增加值占比", "=", 2, "个百分点", "growth"),
        ("完成科技培训10万人次。", "科技培训", "=", 10, "万人次", "amount"),
        ("研发投入强度控制在3%以内。", "研发投入强度", "<=", 3, "%", "level"),
        ("举办各类科技活动50场次。", "各类科技活动", "=", 50, "场次", "amount"),
        ("科技企业融资1,200亿元。", "科技企业融资", "=", 1200, "亿元", "amount"),
        ("R&D经费投入强度力争达到2.6%。", "R&D经费投入强度", "=", 2.6, "%", "level"),
        ("技术合同成交额确保突破80亿元。", "技术合同成交额", ">", 80, "亿元", "amount"),
        ("研发投入强度≥2.5%。", "研发投入强度", ">=", 2.5, "%", "level"),
        ("研发投入强度保持在2.5%以上。", "研发投入强度", ">=", 2.5, "%", "level"),
    ],
)
def test_indicator_before_number(sentence, metric, comparator, value, unit, kind):
    t = one(sentence)
    assert (t.metric, t.comparator, t.value, t.unit, t.kind) == (metric, comparator, value, unit, kind)
    assert t.quote == sentence


@pytest.mark.parametrize(
    ("sentence", "metric", "action", "comparator", "value", "value_max"),
    [
        ("新建1-2个国家重点实验室。", "国家重点实验室", "新建", "range", 1, 2),
        ("在全市遴选100家先期后备企业，推广第三方服务。", "先期后备企业", "遴选", "=", 100, None),
        ("引进3至4家大学研究院。", "大学研究院", "引进", "range", 3, 4),
        ("新认定120家左右省级专利示范企业。", "省级专利示范企业", "新认定", "~", 120, None),
        ("力争新增上市企业3-5家。", "上市企业", "新增", "range", 3, 5),
    ],
)
def test_number_before_indicator(sentence, metric, action, comparator, value, value_max):
    t = one(sentence)
    assert (t.metric, t.action, t.comparator, t.value, t.value_max) == (
        metric,
        action,
        comparator,
        value,
        value_max,
    )


def test_quantity_as_subject_and_fractions():
    t = one("力争三分之一以上的设区市达到国家创新型城市标准。")
    assert (t.value, t.unit, t.comparator, t.kind) == (33.33, "%", ">=", "level")
    assert t.metric.startswith("设区市")
    t = one("争取2家以上通过国家级孵化器认定。")
    assert (t.value, t.unit, t.comparator) == (2, "家", ">=")


def test_lists_share_the_action_and_split_respectively():
    found = extract_targets(
        "认定民营科技企业10家、高新技术企业5家，高新技术产业产值增长10%。", plan_year=2011
    )
    assert [(t.metric, t.action, t.value) for t in found] == [
        ("民营科技企业", "认定", 10),
        ("高新技术企业", "认定", 5),
        ("高新技术产业产值", "增长", 10),
    ]
    both = extract_targets("全省专利申请量、授权量分别增长10%。", plan_year=2012)
    assert [t.metric for t in both] == ["专利申请量", "专利授权量"]
    assert {t.kind for t in both} == {"growth"}
    each = extract_targets("省级重点实验室、工程技术研究中心、企业研究院分别达到10家、20家和30家以上。")
    assert [(t.metric, t.comparator, t.value) for t in each] == [
        ("省级重点实验室", "=", 10),
        ("工程技术研究中心", "=", 20),
        ("企业研究院", ">=", 30),
    ]
    assert {t.quote for t in each} == {
        "省级重点实验室、工程技术研究中心、企业研究院分别达到10家、20家和30家以上。"
    }
    pair = extract_targets("试点建设30家社区科技创新屋和30家科技成果应用示范社区。")
    assert [t.metric for t in pair] == ["社区科技创新屋", "科技成果应用示范社区"]


def test_indicator_or_object_carried_over_from_the_clause_before():
    found = extract_targets("全市技术合同登记额达到30亿元，同比增长20%。")
    assert [(t.metric, t.kind, t.unit) for t in found] == [
        ("技术合同登记额", "amount", "亿元"),
        ("技术合同登记额", "growth", "%"),
    ]
    found = extract_targets("加快建设省实验室，力争建成1家、培育2家。")
    assert [(t.action, t.metric, t.value) for t in found] == [
        ("建成", "省实验室", 1),
        ("培育", "省实验室", 2),
    ]
    assert one("组织申报国家科技奖励3项。").metric == "国家科技奖励"  # 奖励 of a count is no subsidy
    assert one("新培育“专精特新”企业20家。").metric == "专精特新企业"


def test_labelled_indicators_and_inline_enumerations():
    t = one("（1）全社会研发投入强度：达到3%。")
    assert (t.metric, t.value, t.unit, t.kind) == ("全社会研发投入强度", 3, "%", "level")
    assert one("高新技术企业数量：2000家以上。").comparator == ">="
    assert one("一是新增孵化器8家。").metric == "孵化器"


def test_durations_and_frequencies_are_not_targets():
    assert extract_targets("组织3个月集中培训。") == []
    assert extract_targets("每季度报送进展1次。") == []


def test_firmness_recurrence_and_year():
    assert one("确保企业科技税收减免额超过200亿元。").firmness == "firm"
    assert one("力争全年新增孵化器8家。").firmness == "aspirational"
    assert one("新增孵化器8家。").firmness == "plain"
    t = one("到2025年，全社会研发经费投入年均增长超过10%。", plan_year=2021, year=2025)
    assert (t.recurrence, t.comparator, t.kind, t.year) == ("per-year", ">", "growth", 2025)
    assert one("每年培训农民1万人次。").recurrence == "per-year"
    assert one("力争通过5年的努力，新建创新型城市10个。", plan_year=2012, year=2012).year == 2016


@pytest.mark.parametrize(
    "sentence",
    [
        "建强“6+1”科技创新平台。",  # a name in quotes
        "大力实施“十大科技成果转化工程”。",
        "科学确定第三次厅州会商的主要议题。",  # ordinal
        "中芯国际14nm实现大规模量产，C919准备运营。",  # codes
        "深化杭州、宁波、嘉兴三个国家创新型城市试点工作。",  # small count in characters
        "抓好与北京科技大学等11所合作高校的合作。",  # the count of a list just named
        "以146家龙头骨干企业为重点，引导企业加大研发投入。",  # a scope, not a commitment
        "积极推动已引进共建的882家创新载体发挥作用。",  # exists already
        "对首次认定的高新技术企业给予最高20万元奖励。",  # policy parameter
        "对研发费用按150%加计扣除。",
        "并予以3-4年时间的稳定支持。",  # a duration
        "去年完成技术合同登记额80亿元。",  # the past
        "一年来，全市共认定高新技术企业320家。",
        "推进与市科委达成的10个方面合作共识。",
        "以优异成绩庆祝建党100周年。",
    ],
)
def test_not_targets(sentence):
    assert extract_targets(sentence, plan_year=2021, default_year=2021) == []


def test_past_sentences():
    assert is_past("2019年，浦东新区全社会研发投入456.5亿元。", 2021)
    assert is_past("截至2020年底，累计认定高企3784家。", 2021)
    assert not is_past("到2025年，高新技术企业超过2000家。", 2021)
    assert not is_past("专利申请量较上年增长10%以上。", 2011)
    assert not is_past("截至2025年底，全市高新技术企业达到3000家。", 2024)
    assert is_past("截至目前，全市已建成孵化器45家。", 2024)


def test_plain_value_folds_the_magnitude_for_tracking():
    t = one("完成科技培训10万人次。")
    assert t.plain() == {"value": 100000, "value_max": None, "unit": "人次"}
    assert one("新增研发投入1-2亿元。").plain() == {"value": 100000000, "value_max": 200000000, "unit": "元"}
    assert one("比重提高2个百分点。").plain()["unit"] == "个百分点"


# ------------------------------------------------------------- rules found on the held-out documents
def test_trillions_keep_their_magnitude_in_the_unit():
    t = one("全省高新区营业收入达到4.2万亿元。")
    assert (t.value, t.unit) == (4.2, "万亿元")
    assert t.plain() == {"value": 4.2e12, "value_max": None, "unit": "元"}


def test_a_range_may_repeat_its_unit():
    t = one("新增上市科技企业3家至5家。")
    assert (t.comparator, t.value, t.value_max, t.unit) == ("range", 3, 5, "家")


def test_half_is_a_share():
    t = one("营业收入超亿元的科技型企业一半以上建有研发机构。")
    assert (t.comparator, t.value, t.unit, t.kind) == (">=", 50, "%", "level")


def test_doubling_clause_names_the_indicator_of_the_figure_after_it():
    t = one("高新技术企业数量较2024年翻一番，达到400家。")
    assert (t.metric, t.value, t.unit) == ("高新技术企业数量", 400, "家")


def test_a_fund_described_by_its_size():
    t = one("设立规模两千万元的科技成果转化引导基金。")
    assert (t.metric, t.action, t.value, t.unit) == ("科技成果转化引导基金规模", "设立", 2000, "万元")


def test_joint_building_and_net_additions_are_actions():
    assert one("与高校共建新型研发机构3家。").action == "共建"
    assert one("净增高新技术企业300家以上。").metric == "高新技术企业"


def test_last_year_as_a_policy_base_is_not_the_past():
    found = extract_targets(
        "支持建设50个左右联合研发平台，按上年度研发投入的30%给予补助。", plan_year=2026, default_year=2026
    )
    assert [(t.value, t.unit, t.comparator) for t in found] == [(50, "个", "~")]
    assert is_past("上年度全市登记技术合同986项。", 2026)


def test_percent_in_words_after_a_growth_verb():
    t = one("研发投入年均增长百分之十五。")
    assert (t.metric, t.value, t.unit, t.kind, t.recurrence) == ("研发投入", 15, "%", "growth", "per-year")


def test_each_gives_every_listed_indicator_the_value():
    targets = extract_targets("新认定省级企业技术中心、工程技术研究中心各50家。", plan_year=2021)
    assert [(t.metric, t.value, t.unit) for t in targets] == [
        ("省级企业技术中心", 50, "家"),
        ("工程技术研究中心", 50, "家"),
    ]


def test_a_measure_that_sizes_the_covered_firms_is_not_a_target():
    sentence = "规模以上工业企业研发机构设置率达到60%，年主营业务收入5亿元以上的工业企业实现研发机构全覆盖。"
    assert [(t.value, t.unit) for t in extract_targets(sentence, plan_year=2021)] == [(60, "%")]


def test_copies_counted_in_fen_are_targets():
    (target,) = extract_targets("发放技术资料3万份。", plan_year=2014)
    assert (target.metric, target.value, target.unit) == ("技术资料", 3, "万份")


def test_a_paragraph_opened_by_an_earlier_year_reports_it_throughout():
    plan = parse_text(
        "石桥县2014年科技工作要点\n"
        "2013年，全县科技工作取得了新的成绩。全年共申报科技项目46项，争取上级资金1280万元；新认定高新技术企业3家。"
        "力争今年新增高新技术企业5家。\n"
        "一、主要任务\n1.培育企业。新增科技型企业10家。\n"
    ).plans[0]
    assert [(t.value, t.unit) for t in plan.targets] == [(5, "家")]
