"""Responsibility notes in the dresses the third held-out set brought: short 主办/协办 labels, a
supervising unit beside the responsible ones, posts written after names, bracketed parts of unit
names inside notes, and units that act 会同 (together with) others."""

from __future__ import annotations

import pytest

from kechuang.plans.parser import parse_text
from kechuang.plans.parser.responsibility import extract_inline


def _resp(text: str) -> tuple[list[str], list[str], list[str]]:
    _, resp = extract_inline(text)
    assert resp is not None
    return resp.persons, resp.lead, resp.support


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推进。\n主办：科学技术处　协办：各学院、重点实验室", ([], ["科学技术处"], ["各学院", "重点实验室"])),
        ("推进。（主办：科学技术处、财务处；协办：各学院）", ([], ["科学技术处", "财务处"], ["各学院"])),
        # the supervising unit answers for nothing
        ("推进。\n责任部门：科技创新局\n督办单位：管委会办公室", ([], ["科技创新局"], [])),
        ("推进。\n责任领导：周立新副主任　责任部门：科技创新局", (["周立新"], ["科技创新局"], [])),
        ("推进。（责任处室：机关党委（人事处））", ([], ["机关党委(人事处)"], [])),
        ("推进。\n责任部门：党群工作部（人才办）", ([], ["党群工作部(人才办)"], [])),
        (
            "推进。（规划建设局牵头，党群工作部（人才办）、财政局配合）",
            ([], ["规划建设局"], ["党群工作部(人才办)", "财政局"]),
        ),
        (
            "推进。（市科技局（市知识产权局）、区市场监管局按职责分工负责）",
            ([], ["市科技局(市知识产权局)", "区市场监管局"], []),
        ),
        ("推进。（科技创新局会同招商服务局负责）", ([], ["科技创新局"], ["招商服务局"])),
        ("推进。\n责任单位：市科技局会同市财政局", ([], ["市科技局"], ["市财政局"])),
    ],
)
def test_note_dresses(text, expected):
    assert _resp(text) == expected


@pytest.mark.parametrize("note", ["区政府副区长", "分管副局长"])
def test_a_post_after_a_unit_or_qualifier_is_not_cut(note):
    assert _resp(f"推进。\n责任领导：{note}")[0] == [note]


def test_supervisor_line_stays_with_its_item():
    text = "2024年工作要点\n一、任务\n1.培育企业。新增10家。\n责任部门：科技局\n督办单位：办公室\n2.建设平台。新建2家。"
    items = parse_text(text).plans[0].outline[0].children
    assert [i.heading for i in items] == ["培育企业", "建设平台"]
    assert items[0].responsibility.lead == ["科技局"]


def test_note_closing_a_heading_is_not_cut_at_its_semicolon():
    text = (
        "2022年工作要点\n一、加强基础研究（分管领导：孙国华；责任处室：基础处；参与处室：专项处）\n"
        "（一）加大投入。资助项目100项。"
    )
    section = parse_text(text).plans[0].outline[0]
    assert section.heading == "加强基础研究"
    resp = section.responsibility
    assert (resp.persons, resp.lead, resp.support) == (["孙国华"], ["基础处"], ["专项处"])


def test_short_note_line_at_the_end_of_a_file_is_kept():
    text = "2022年工作要点\n一、任务\n1.加强党建。\n责任处室：机关党委\n参与处室：各处室"
    item = parse_text(text).plans[0].outline[0].children[0]
    assert item.responsibility.support == ["各处室"]


def test_closing_paragraph_gives_items_to_units_by_number():
    text = (
        "2019年工作要点\n一、主要任务\n1.培育企业。新增10家。\n2.建设众创空间。新建2家。\n"
        "3.开展科普。举办12场。\n4.加强党建。（责任股室：办公室）\n"
        "以上第1、2项由高新股负责，办公室配合；第3—4项由农村股负责。"
    )
    items = parse_text(text).plans[0].outline[0].children
    got = [(i.responsibility.lead, i.responsibility.support) for i in items]
    # an item's own note wins over the closing paragraph
    assert got == [(["高新股"], ["办公室"]), (["高新股"], ["办公室"]), (["农村股"], []), (["办公室"], [])]
    assert "以上" not in items[-1].body


def test_closing_paragraph_for_all_items():
    text = "2019年工作要点\n一、主要任务\n1.培育企业。新增10家。\n2.建设平台。\n以上各项工作由区科技局牵头，各街道配合"
    items = parse_text(text).plans[0].outline[0].children
    assert [(i.responsibility.lead, i.responsibility.support) for i in items] == [(["区科技局"], ["各街道"])] * 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推进。（责任单位：市科技局；配合单位：市财政局、市税务局等）", ([], ["市科技局"], ["市财政局", "市税务局"])),
        ("推进。（责任单位：市科技局等有关部门）", ([], ["市科技局"], [])),
        ("推进。（责任单位：市发改委、市科技局，市财政局配合）", ([], ["市发改委", "市科技局"], ["市财政局"])),
        ("推进。（市科技局牵头负责，市教育局、市卫健委协同推进）", ([], ["市科技局"], ["市教育局", "市卫健委"])),
    ],
)
def test_tails_of_unit_lists(text, expected):
    """A trailing 等 names no one; a part of a lead list that says it helps is a supporting unit."""
    assert _resp(text) == expected


def test_an_unlabelled_time_limit_among_the_names_is_the_deadline() -> None:
    from kechuang.plans.parser.responsibility import parse_note

    resp = parse_note("牵头单位：高新技术处，责任人：张三，2027年12月底前完成")
    assert resp.persons == ["张三"]
    assert resp.lead == ["高新技术处"]
    assert resp.deadline == "2027年12月底前完成"
    assert parse_note("责任人：李四、王五，年底前完成").persons == ["李四", "王五"]
