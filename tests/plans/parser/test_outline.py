"""Outline: heading styles and depths, unnumbered items, titles, years and several plans per file."""

from __future__ import annotations

import pytest

from kechuang.plans.parser import NoOutlineError, parse_text
from kechuang.plans.parser.outline import is_title, match_heading, split_heading


@pytest.mark.parametrize(
    ("line", "number", "kind"),
    [
        ("第一篇 总体要求", "第一篇", "part"),
        ("第三章　创新平台", "第三章", "chapter"),
        ("第二节 重点实验室", "第二节", "section"),
        ("一、培育创新主体", "一、", "item"),
        ("（一）强化企业主体", "（一）", "item"),
        ("(二)、继续完善服务体系", "(二)、", "item"),
        ("1、部署实施产业技术攻关。", "1、", "item"),
        ("2.加强创新平台建设", "2.", "item"),
        ("4 .科技干部队伍建设", "4.", "item"),
        ("3．推进成果转化", "3．", "item"),
        ("（1）开展技术攻关", "（1）", "item"),
        ("①加快建设", "①", "item"),
        ("第一部分 总体要求", "第一部分", "part"),
        ("第五条 牵头单位每季度报送进展", "第五条", "item"),
        ("2.3 建设重点实验室", "2.3", "item"),
    ],
)
def test_heading_styles(line, number, kind):
    head = match_heading(line)
    assert head is not None
    assert (head.number, head.kind) == (number, kind)


@pytest.mark.parametrize(
    "line", ["2019年，全区研发投入456.5亿元。", "2.35%的目标", "10个国家重大科技基础设施项目", "一是加强领导"]
)
def test_not_headings(line):
    assert match_heading(line) is None


def test_heading_is_the_first_sentence_or_label():
    assert split_heading("加快培育创新型企业。把创新型企业培育纳入考核。") == (
        "加快培育创新型企业",
        "把创新型企业培育纳入考核。",
    )
    assert split_heading("主要目标:引进推广新技术80项") == ("主要目标", "引进推广新技术80项")
    assert split_heading("加快国家战略科技力量的布局和配套") == ("加快国家战略科技力量的布局和配套", "")


def test_titles():
    assert is_title("上海市2012年科技工作要点")
    assert is_title("《浦东新区建设国际科技创新中心核心区“十四五”规划》")
    assert is_title("第三篇:2010年科技工作要点(参考)")
    assert not is_title("关于印发《2014年科技工作要点》的通知")
    assert not is_title("（一）加快实施重大科技专项计划")
    assert not is_title("围绕重点产业，研究制定科技创新行动计划")
    assert not is_title("实施人才引进培养计划")  # a heading on its own line
    assert is_title("科技创新三年行动计划（2023—2025年）")


DOC = """2024年某市科技工作要点
某市科学技术局
2024年全市科技工作要以高质量发展为主线，力争全社会研发投入增长12%。
一、强化企业创新主体
（一）培育高新技术企业
1.实施梯次培育。建立培育库，新增入库企业300家。
2.落实惠企政策。对首次认定的企业给予最高20万元奖励。
（二）建设创新平台
打造实验室体系。新建省级重点实验室5家。
完善中试平台。建设中试基地3个。
二、优化创新生态
深化科技金融服务，新增科技贷款50亿元。
"""


def test_tree_depth_follows_the_order_styles_appear_in():
    plan = parse_text(DOC).plans[0]
    assert (plan.title, plan.issuer, plan.year) == ("2024年某市科技工作要点", "某市科学技术局", 2024)
    assert [t.value for t in plan.targets] == [12]
    one, two = plan.outline
    assert (one.number, one.level, one.kind) == ("一、", 1, "section")
    sub1, sub2 = one.children
    assert (sub1.number, sub1.level) == ("（一）", 2)
    assert [(c.number, c.heading, c.level, c.kind) for c in sub1.children] == [
        ("1.", "实施梯次培育", 3, "item"),
        ("2.", "落实惠企政策", 3, "item"),
    ]
    assert sub1.children[0].targets[0].value == 300
    assert sub1.children[1].targets == []  # a subsidy ceiling is a policy parameter
    assert [(c.number, c.heading) for c in sub2.children] == [("", "打造实验室体系"), ("", "完善中试平台")]
    assert [t.value for c in sub2.children for t in c.targets] == [5, 3]
    assert two.body.startswith("深化科技金融服务") and two.targets[0].value == 50


def test_several_plans_in_one_file_and_periods():
    text = """第一篇:2011年全州科技工作要点
2011年全州科技工作要点
一、主要目标
认定民营科技企业10家。
第二篇:2008年科技工作要点
2009年多拉特乡科技工作要点
一、重点工作
1、指导创建科技工作示范村2个。
《某区科技创新“十四五”规划》
一、“十三五”回顾
2019年全区研发投入456.5亿元，新增孵化器20家。
二、发展目标
到2025年，创新型孵化器超过200家。
"""
    plans = parse_text(text).plans
    assert [p.title for p in plans] == [
        "2011年全州科技工作要点",
        "2009年多拉特乡科技工作要点",
        "某区科技创新“十四五”规划",
    ]
    assert [p.year for p in plans] == [2011, 2009, 2025]
    assert plans[2].period == (2021, 2025)
    assert [t.value for t in plans[2].all_targets()] == [200]  # the review section is history


def test_decimal_numbering_nests_and_untitled_plans_take_the_year_from_the_text():
    text = """2024年，全区科技工作以创新驱动为主线。
1. 主要目标
1.1 企业培育
新增高新技术企业50家。
1.2 平台建设
新建重点实验室2家。
2. 保障措施
"""
    plan = parse_text(text).plans[0]
    assert (plan.title, plan.year) == ("", 2024)
    first = plan.outline[0]
    assert [c.number for c in first.children] == ["1.1", "1.2"]
    assert [t.value for c in first.children for t in c.targets] == [50, 2]
    assert {t.year for t in plan.all_targets()} == {2024}


SUMMARY_AND_PLAN = """某县科学技术局2022年工作总结及2023年工作计划
一、2022年工作开展情况
（一）创新主体不断壮大。全年新增国家高新技术企业15家，总数达到68家。
（二）研发投入持续增长。全县R&D经费支出5.6亿元，占GDP比重达到2.1%。
二、存在的问题
一是企业创新能力不强，规上工业企业中有研发活动的仅占35%。
三、2023年工作计划
2023年，力争全县R&D经费支出增长15%以上。
（一）培育壮大创新主体。全年新增国家高新技术企业20家以上，高新技术企业总数突破85家。
"""


def test_a_report_on_last_year_gives_targets_only_for_the_coming_one():
    plan = parse_text(SUMMARY_AND_PLAN).plans[0]
    assert plan.year == 2023
    assert [n.number for n in plan.outline] == ["一、", "二、", "三、"]
    found = [(t.metric, t.action, t.comparator, t.value) for t in plan.all_targets()]
    assert found == [
        ("R&D经费支出", "增长", ">=", 15),
        ("国家高新技术企业", "新增", ">=", 20),
        ("高新技术企业总数", "", ">", 85),
    ]


def test_plans_without_numbered_headings():
    items = parse_text(
        "2024年科技工作安排\n壮大创新主体。全年新增高企30家。\n建设创新平台。新建重点实验室2家。\n"
    ).plans[0]
    assert [(n.heading, n.targets[0].value) for n in items.outline] == [
        ("壮大创新主体", 30),
        ("建设创新平台", 2),
    ]
    notice = parse_text("2024年，全市力争新增高新技术企业100家，技术合同成交额突破50亿元。").plans[0]
    assert notice.outline == []
    assert [t.value for t in notice.targets] == [100, 50]


def test_bulleted_goals_in_a_five_year_plan():
    text = """某省“十四五”科技创新发展规划
第一章 发展基础
2020年全社会研发投入达到650亿元，高新技术企业达到1.2万家。
第二章 总体要求
第一节 发展目标
——创新投入持续加大。全社会研发投入年均增长12%以上。
——创新主体更加壮大。高新技术企业数量达到2万家。
"""
    plan = parse_text(text).plans[0]
    goals = plan.outline[1].children[0]
    assert (goals.kind, goals.number) == ("section", "第一节")
    assert [c.heading for c in goals.children] == ["创新投入持续加大", "创新主体更加壮大"]
    found = [(t.value, t.unit, t.recurrence, t.year) for t in plan.all_targets()]
    assert found == [(12, "%", "per-year", 2025), (2, "万家", "once", 2025)]


@pytest.mark.parametrize(
    ("heading", "looks_back"),
    [
        ("一、2023年工作回顾", True),
        ("（二）浦东新区“十三五”科技创新重点成就", True),
        ("一、主要工作成效", True),
        ("二、存在的问题", True),
        ("（三）提升科技服务成效", False),
        ("（四）及时总结推广经验", False),
        ("三、2024年工作目标", False),
    ],
)
def test_sections_that_look_back(heading, looks_back):
    text = f"2024年科技工作要点\n{heading}\n全年新增孵化器8家。\n"
    assert (parse_text(text).plans[0].all_targets() == []) is looks_back


def test_text_without_outline_is_refused():
    with pytest.raises(NoOutlineError, match="No plan outline"):
        parse_text("这是一段没有任何编号标题的普通文字。")


def test_item_number_glued_to_a_year():
    head = match_heading("5.2024年全市新建省级重点实验室4家。今年新建5家。")
    assert head is not None and head.number == "5." and head.text.startswith("2024年")


def test_an_item_opening_with_last_years_figures_still_plans_ahead():
    doc = parse_text(
        "南屿市2025年科技工作要点\n一、平台建设\n"
        "5.2024年全市新建省级重点实验室4家，较上年增长33%。今年力争新建省级重点实验室5家左右。\n"
    )
    assert [(t.value, t.comparator) for t in doc.plans[0].all_targets()] == [(5, "~")]


def test_note_lines_close_the_item_or_the_group_of_items_they_follow():
    doc = parse_text(
        "金湾区科技创新三年行动方案（2025—2027年）\n二、重点任务\n（一）企业创新行动\n"
        "（1）推动研发活动全覆盖。\n（2）遴选科技型企业给予支持。\n"
        "牵头单位：区科技局\n责任单位：区财政局、各镇街\n"
        "（二）平台建设行动\n（1）建设高水平实验室。\n责任单位：区科技局（牵头），区教育局\n"
        "（2）发展新型研发机构。\n责任领导：陈立新；牵头单位：区委组织部\n"
    )
    group_one, group_two = doc.plans[0].outline[0].children
    assert [c.heading for c in group_one.children] == ["推动研发活动全覆盖", "遴选科技型企业给予支持"]
    assert (group_one.responsibility.lead, group_one.responsibility.support) == (["区科技局"], ["区财政局", "各镇街"])
    first, second = group_two.children
    assert (first.responsibility.lead, first.responsibility.support) == (["区科技局"], ["区教育局"])
    assert (second.responsibility.persons, second.responsibility.lead) == (["陈立新"], ["区委组织部"])
    assert group_two.responsibility is None


def test_task_table_titles():
    assert is_title("丰源县科技局2025年重点工作任务分解表")
    assert is_title("2025年科技创新重点工作清单")


def test_indicator_value_lines_are_figures_and_bracketed_note_lines_close_the_group():
    doc = parse_text(
        "白河市2026年工作要点\n一、主要目标\n研发经费投入强度：2.45%以上。高新技术企业总数：650家。\n"
        "二、重点工作\n（一）集聚科技人才\n①选派科技特派员350名。\n②引进博士研究生120名。\n"
        "（责任人：刘海波；牵头单位：市科技局人才科）\n"
    )
    goals, work = doc.plans[0].outline
    assert not goals.children
    assert [(t.metric, t.value, t.comparator) for t in goals.targets] == [
        ("研发经费投入强度", 2.45, ">="),
        ("高新技术企业总数", 650, "="),
    ]
    group = work.children[0]
    assert [c.heading for c in group.children] == ["选派科技特派员350名", "引进博士研究生120名"]
    assert (group.responsibility.persons, group.responsibility.lead) == (["刘海波"], ["市科技局人才科"])
