"""Numerals, sentence splitting and responsibility notes."""

from __future__ import annotations

import pytest

from kechuang.plans.parser.clauses import split_sentences
from kechuang.plans.parser.numbers import magnitude, parse_fraction, parse_number, parse_percent_word
from kechuang.plans.parser.responsibility import extract_inline, from_columns, split_names


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("120", 120),
        ("2.35", 2.35),
        ("1,200", 1200),
        ("十五", 15),
        ("两万", 20000),
        ("1.5万", 15000),
        ("三", 3),
        ("一百二十", 120),
        ("abc", None),
        ("", None),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_fractions_percent_words_and_magnitudes():
    assert parse_fraction("三分之一") == pytest.approx(1 / 3)
    assert parse_fraction("3分之2") == pytest.approx(2 / 3)
    assert parse_fraction("三分") is None
    assert parse_percent_word("百分之二十") == 20
    assert magnitude("万人次") == (1e4, "人次")
    assert magnitude("个百分点") == (1.0, "个百分点")
    assert magnitude("家") == (1.0, "家")


def test_sentences_keep_their_text():
    text = "加快培育创新型企业。全年新增孵化器8家；专利申请量超5000件！\n新增科普村15家"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "加快培育创新型企业。",
        "全年新增孵化器8家；",
        "专利申请量超5000件！",
        "新增科普村15家",
    ]
    assert all(text[s.start : s.start + len(s.text)] == s.text for s in sentences)


def test_inline_note_with_names_that_contain_the_list_mark():
    body = "继续深入开展科技强县创建工作。(责任人:寿剑刚,牵头单位:法规处,配合单位:各有关处室,各市、县科技局)"
    cleaned, resp = extract_inline(body)
    assert cleaned == "继续深入开展科技强县创建工作。"
    assert resp.persons == ["寿剑刚"]
    assert resp.lead == ["法规处"]
    assert resp.support == ["各有关处室", "各市、县科技局"]


@pytest.mark.parametrize(
    "note",
    [
        "（责任人：王宏理、曹新安；牵头单位：成果处、人事处；配合单位：各有关处室）",
        "【责任人】王宏理、曹新安 【牵头单位】成果处、人事处 【配合单位】各有关处室",
        "\n责任人：王宏理、曹新安\n牵头单位：成果处、人事处\n配合单位：各有关处室",
    ],
)
def test_note_variants(note):
    _, resp = extract_inline("改革科研与人才评价体系。" + note)
    assert resp is not None
    assert resp.persons == ["王宏理", "曹新安"]
    assert resp.lead == ["成果处", "人事处"]
    assert resp.support == ["各有关处室"]


def test_names_inside_brackets_are_not_split_and_columns_are_read():
    assert split_names("县(市、区)科技局、财政局") == ["县(市、区)科技局", "财政局"]
    assert split_names("有关处室，有关市、县科技局") == ["有关处室", "有关市、县科技局"]
    resp = from_columns(
        {
            "序号": "1",
            "工作任务": "x",
            "牵头单位": "高新处",
            "配合单位": "财政局\n税务局",
            "责任人": "张三",
            "完成时限": "2024年12月",
        }
    )
    assert (resp.persons, resp.lead, resp.support, resp.deadline) == (
        ["张三"],
        ["高新处"],
        ["财政局", "税务局"],
        "2024年12月",
    )
    assert extract_inline("没有责任说明的正文。") == ("没有责任说明的正文。", None)


def test_lead_marked_inside_a_unit_list_and_notes_in_a_heading():
    _, resp = extract_inline("加强知识产权保护。责任单位：市科技局（牵头）、市市场监管局、各区县政府")
    assert (resp.lead, resp.support) == (["市科技局"], ["市市场监管局", "各区县政府"])
    text, resp = extract_inline(
        "加强知识产权保护（牵头单位：市科技局；配合单位：市财政局；完成时限：2024年6月底）"
    )
    assert text == "加强知识产权保护"
    assert (resp.lead, resp.support, resp.deadline) == (["市科技局"], ["市财政局"], "2024年6月底")


def test_notes_that_name_units_with_verbs_or_pair_lead_and_responsible_units():
    text, resp = extract_inline("推进科技金融结合。（市科技局牵头，市财政局、市金融办配合）")
    assert text == "推进科技金融结合。"
    assert (resp.lead, resp.support) == (["市科技局"], ["市财政局", "市金融办"])
    _, resp = extract_inline("推进科技金融结合。（牵头单位：市科技局；责任单位：各区县政府）")
    assert (resp.lead, resp.support) == (["市科技局"], ["各区县政府"])
    assert extract_inline("坚持政府引导（政府牵头）和市场主导相结合，形成合力。")[1] is None


def test_short_lead_and_participant_labels():
    _, resp = extract_inline("推动科技型中小企业扩容。（牵头：区科技局；参与：区工信局、区市场监管局）")
    assert (resp.lead, resp.support) == (["区科技局"], ["区工信局", "区市场监管局"])
    assert extract_inline("鼓励企业参与标准制定，提升竞争力。")[1] is None  # 参与 without a colon is a verb
