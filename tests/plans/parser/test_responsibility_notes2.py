"""Responsibility notes in the dresses the second held-out set brought: qualified labels, posts
beside names, remarks after unit lists, notes on their own line, and tables with two header rows."""

from __future__ import annotations

import pytest

from kechuang.plans.parser import parse_text
from kechuang.plans.parser.readers.tables import rows_to_blocks
from kechuang.plans.parser.readers.text import lines_to_blocks
from kechuang.plans.parser.responsibility import extract_inline


def _resp(text: str) -> tuple[list[str], list[str], list[str]]:
    _, resp = extract_inline(text)
    assert resp is not None
    return resp.persons, resp.lead, resp.support


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推进。（主要责任人：王五；牵头部门：市科技局；配合部门：市财政局）", (["王五"], ["市科技局"], ["市财政局"])),
        (
            "推进。（责任领导：张三；责任处室：高新处；协办处室：计划处、财务处）",
            (["张三"], ["高新处"], ["计划处", "财务处"]),
        ),
        ("推进。\n责任科室：资源配置科　分管领导：吴六　协办科室：综合科", (["吴六"], ["资源配置科"], ["综合科"])),
        (
            "推进。\n【牵头单位】区科技局【协作单位】区投促局、园区管委会",
            ([], ["区科技局"], ["区投促局", "园区管委会"]),
        ),
        ("推进。\n落实单位：市科技局高新处、各区（县）科技局", ([], ["市科技局高新处", "各区(县)科技局"], [])),
        ("推进。（由区科技局牵头，区经信局、区国资办配合）", ([], ["区科技局"], ["区经信局", "区国资办"])),
    ],
)
def test_labels_read_whole(text, expected):
    assert _resp(text) == expected


@pytest.mark.parametrize(
    ("note", "persons"),
    [
        ("牵头领导：区政府副区长 孙七", ["孙七"]),
        ("主要责任人：区科技局局长钱八", ["钱八"]),
        ("责任领导：刘九（副县长）", ["刘九"]),
        ("责任领导：局党组成员", ["局党组成员"]),
        ("责任领导：分管副局长", ["分管副局长"]),  # only a post: the post is who answers
    ],
)
def test_posts_beside_names_are_dropped(note, persons):
    assert _resp("推进。\n" + note)[0] == persons


def test_remark_after_a_unit_list_is_not_a_name():
    assert _resp("推进。\n责任单位：区科技局、区发改局（按职责分工负责）")[1] == ["区科技局", "区发改局"]


def test_lead_person_label_does_not_turn_responsible_units_into_support():
    assert _resp("推进。\n牵头领导：赵一；责任单位：区科技局")[1:] == (["区科技局"], [])


def test_note_line_after_an_item_goes_to_it_when_a_sibling_has_its_own_note():
    plan = parse_text(
        "2023年科技工作要点\n一、强化企业主体\n"
        "1.壮大企业群体。新增企业10家。（责任处室：高新处）\n"
        "2.引导研发投入。提高覆盖率。\n责任单位：市科技局（牵头），市财政局\n"
    ).plans[0]
    section = plan.outline[0]
    assert section.responsibility is None
    second = section.children[1].responsibility
    assert (second.lead, second.support) == (["市科技局"], ["市财政局"])


def test_two_header_rows_under_a_merged_cell():
    rows = [
        ["序号", "重点任务", "目标要求", "责任分工", "责任分工", "完成时间"],
        ["序号", "重点任务", "目标要求", "牵头单位", "责任领导", "完成时间"],
        ["1", "培育企业", "新增企业6家", "县科技局", "刘一", "12月"],
    ]
    (block,) = rows_to_blocks(rows)
    assert block.cells["牵头单位"] == "县科技局"
    assert block.cells["责任领导"] == "刘一"


def test_text_table_keeps_blank_leading_cells_of_a_second_header_row():
    text = (
        "序号\t重点任务\t目标要求\t责任分工\t\t完成时间\n"
        "\t\t\t牵头单位\t责任领导\t\n"
        "1\t培育企业\t新增企业6家\t县科技局\t刘一\t12月\n"
    )
    (block,) = lines_to_blocks(text)
    assert block.kind == "row"
    assert (block.cells["牵头单位"], block.cells["责任领导"]) == ("县科技局", "刘一")


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        ("推进工作。市科技局牵头，市财政局、市教育局配合。", ["市科技局"], ["市财政局", "市教育局"]),
        ("推进工作。（市科技局、市发改委按职责分工负责）", ["市科技局", "市发改委"], []),
        ("推进工作。（市科技局负责）", ["市科技局"], []),
    ],
)
def test_notes_without_labels(text, lead, support):
    body, resp = extract_inline(text)
    assert body == "推进工作。"
    assert (resp.lead, resp.support) == (lead, support)


def test_a_task_sentence_about_leading_is_not_a_note():
    assert extract_inline("鼓励龙头企业联合高校牵头组建创新联合体。")[1] is None
