"""Readers: encodings, Word tables, web pages, PDFs, and the errors for input we cannot read."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from kechuang.plans.parser import (
    DamagedFileError,
    EmptyFileError,
    EncodingError,
    NoTextLayerError,
    UnsupportedFormatError,
    parse_document,
    parse_text,
)
from kechuang.plans.parser.readers import detect_format, is_furniture, read_blocks

from .pdfgen import make_pdf

PLAN = """2024年某区科技工作要点
一、培育创新主体
1.壮大高新技术企业。全年新增高新技术企业50家以上，专利授权量超过3000件。
2.加强平台建设。新建省级重点实验室3家。
"""


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_text_encodings_are_detected(encoding):
    text = PLAN + "3.推进𠀀字区块建设。\n" if encoding in ("gb18030", "utf-8", "utf-16") else PLAN
    read = read_blocks(text.encode(encoding), "plan.txt")
    assert read.format == "txt"
    assert read.blocks[0].text == "2024年某区科技工作要点"
    assert any("新建省级重点实验室3家" in b.text for b in read.blocks)


def test_gb18030_text_parses_to_targets():
    doc = parse_document(PLAN.encode("gb18030"), "plan.txt")
    plan = doc.plans[0]
    assert (plan.title, plan.year) == ("2024年某区科技工作要点", 2024)
    assert [(t.metric, t.comparator, t.value) for t in plan.all_targets()] == [
        ("高新技术企业", ">=", 50),
        ("专利授权量", ">", 3000),
        ("省级重点实验室", "=", 3),
    ]


def _docx_with_table() -> bytes:
    document = docx.Document()
    document.add_paragraph("某市科技局2024年工作要点及责任分解")
    document.add_paragraph("一、强化企业创新主体地位")
    table = document.add_table(rows=1, cols=6)
    for cell, name in zip(
        table.rows[0].cells, ["序号", "工作任务", "牵头单位", "配合单位", "责任人", "完成时限"], strict=True
    ):
        cell.text = name
    rows = [
        [
            "1",
            "培育高新技术企业。全年新认定高新技术企业200家以上。",
            "高新处",
            "各区、县科技局；财政局",
            "张三",
            "2024年12月",
        ],
        ["2", "建设创新平台。新建省级重点实验室5家。", "基础处", "有关处室", "李四、王五", "2024年10月"],
    ]
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    document.add_paragraph("二、优化创新生态")
    document.add_paragraph("1.深化科技金融。新增科技贷款50亿元。")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_paragraphs_and_responsibility_table():
    doc = parse_document(_docx_with_table(), "要点.docx")
    assert doc.format == "docx"
    plan = doc.plans[0]
    first = plan.outline[0]
    assert first.heading == "强化企业创新主体地位"
    tasks = first.children
    assert [t.number for t in tasks] == ["1", "2"]
    assert tasks[0].heading == "培育高新技术企业"
    assert tasks[0].responsibility.lead == ["高新处"]
    assert tasks[0].responsibility.support == ["各区、县科技局", "财政局"]
    assert tasks[0].responsibility.persons == ["张三"]
    assert tasks[0].responsibility.deadline == "2024年12月"
    assert tasks[1].responsibility.persons == ["李四", "王五"]
    assert [(t.metric, t.value) for t in tasks[0].targets] == [("高新技术企业", 200)]
    assert plan.outline[1].children[0].targets[0].unit == "亿元"


def test_docx_headings_and_items_numbered_by_word():
    document = docx.Document()
    document.add_paragraph("某区2024年科技工作要点", style="Title")
    document.add_heading("强化企业创新主体", level=1)
    document.add_paragraph("培育高新技术企业。全年新增高新技术企业30家。", style="List Number")
    document.add_paragraph("推动研发机构建设。新建企业研发机构20家。", style="List Number")
    document.add_heading("优化创新生态", level=1)
    document.add_paragraph("深化科技金融。新增科技贷款10亿元。", style="List Number")
    buf = io.BytesIO()
    document.save(buf)
    plan = parse_document(buf.getvalue(), "numbered.docx").plans[0]
    assert plan.title == "某区2024年科技工作要点"
    assert [n.heading for n in plan.outline] == ["强化企业创新主体", "优化创新生态"]
    assert [c.heading for c in plan.outline[0].children] == ["培育高新技术企业", "推动研发机构建设"]
    assert [t.value for t in plan.all_targets()] == [30, 20, 10]


def test_indicator_table_in_a_five_year_plan():
    document = docx.Document()
    document.add_paragraph("某区科技创新“十四五”规划")
    document.add_paragraph("一、主要指标")
    rows = [
        ["序号", "指标名称", "单位", "2020年", "2025年目标", "属性"],
        ["1", "全社会研发投入强度", "%", "3.2", "≥3.5", "预期性"],
        ["2", "高新技术企业数（家）", "", "820", "1500", "预期性"],
        ["3", "技术合同成交额", "亿元", "85", "150以上", "预期性"],
    ]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for cell, value in zip(table.rows[r].cells, values, strict=True):
            cell.text = value
    buf = io.BytesIO()
    document.save(buf)
    plan = parse_document(buf.getvalue(), "规划.docx").plans[0]
    assert plan.period == (2021, 2025)
    found = [(t.metric, t.comparator, t.value, t.unit, t.kind, t.year) for t in plan.all_targets()]
    assert found == [
        ("全社会研发投入强度", ">=", 3.5, "%", "level", 2025),
        ("高新技术企业数", "=", 1500, "家", "amount", 2025),
        ("技术合同成交额", ">=", 150, "亿元", "amount", 2025),
    ]
    assert [n.heading for n in plan.outline[0].children] == [
        "全社会研发投入强度",
        "高新技术企业数（家）",
        "技术合同成交额",
    ]


HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>2024年某区科技工作要点 - 某区政府网</title>
<script>var x = "新增孵化器99家";</script></head><body>
<div class="header"><a href="/">首页</a> | <a>政务公开</a> | <a>新闻中心</a> | <a>办事服务</a></div>
<div class="breadcrumb">您的位置：首页 &gt; 政务公开</div>
<div id="main"><h1>2024年某区科技工作要点</h1>
<div class="info">发布时间：2024-02-01 浏览次数：321 【字体：大 中 小】</div>
<div class="TRS_Editor">
<p>　　2024年，全区科技工作以高质量发展为主线，力争全社会研发投入增长10%以上。</p>
<p>一、培育创新主体</p>
<p>1.壮大高新技术企业。全年新增高新技术企业50家以上。</p>
<p>2.加强平台建设。新建省级重点实验室3家。</p>
</div>
<div class="share">分享到：微信 微博</div>
<div class="print"><a>打印本页</a> <a>关闭窗口</a></div>
</div>
<div id="comment"><p>网友评论</p><textarea></textarea><p>新增评论100条以上的热帖</p></div>
<div class="footer">版权所有：某区人民政府 ICP备12345678号 地址：某路1号</div>
</body></html>"""


def test_html_keeps_the_article_and_drops_the_page():
    read = read_blocks(HTML.encode("utf-8"), "page.html")
    texts = [b.text for b in read.blocks]
    assert read.format == "html"
    assert texts[0] == "2024年某区科技工作要点"
    joined = "\n".join(texts)
    for furniture in ("首页", "浏览次数", "分享到", "打印本页", "评论", "版权所有", "99家"):
        assert furniture not in joined
    doc = parse_document(HTML.encode("gbk", errors="ignore").replace(b"utf-8", b"gbk"), "page.htm")
    plan = doc.plans[0]
    assert [t.value for t in plan.all_targets()] == [10, 50, 3]


def test_pdf_with_text_layer_drops_page_numbers_and_running_headers():
    header = "某区科学技术局文件"
    pages = [
        [
            header,
            "2024年某区科技工作要点",
            "一、培育创新主体",
            "1.壮大高新技术企业。全年新增高新技术企业50家以上。",
            "- 1 -",
        ],
        [header, "2.加强平台建设。新建省级重点实验室3家。", "- 2 -"],
        [header, "3.深化开放合作。举办科技对接活动20场。", "- 3 -"],
    ]
    read = read_blocks(make_pdf(pages), "plan.pdf")
    texts = [b.text for b in read.blocks]
    assert read.format == "pdf"
    assert header not in texts and "- 2 -" not in texts
    doc = parse_document(make_pdf(pages), "plan.pdf")
    assert [t.value for t in doc.plans[0].all_targets()] == [50, 3, 20]


def test_pdf_task_table_continued_on_the_next_page():
    header = ["序号", "工作任务", "牵头单位", "完成时限"]
    pages = [
        [
            "2024年某区科技工作要点",
            "一、培育创新主体",
            [header, ["1", "培育高新技术企业。新增高企50家。", "高新科", "12月底"]],
            "二、优化创新生态",
        ],
        [[["2", "深化科技金融。新增科技贷款10亿元。", "财政局、金融办", "10月底"]]],
    ]
    plan = parse_document(make_pdf(pages), "table.pdf").plans[0]
    first, second = plan.outline
    assert [(c.number, c.heading, c.responsibility.lead) for c in first.children] == [
        ("1", "培育高新技术企业", ["高新科"])
    ]
    assert second.heading == "优化创新生态"
    task = second.children[0]
    assert (task.heading, task.responsibility.lead, task.responsibility.deadline) == (
        "深化科技金融",
        ["财政局", "金融办"],
        "10月底",
    )
    assert [t.value for t in plan.all_targets()] == [50, 10]


def test_pdf_without_text_layer():
    with pytest.raises(NoTextLayerError, match="no text layer; run OCR"):
        parse_document(make_pdf([[], []]), "scan.pdf")


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (b"", EmptyFileError, "empty"),
        (b"  \n\r\n ", EmptyFileError, "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", UnsupportedFormatError, "PNG image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, UnsupportedFormatError, "save it as .docx"),
        (bytes(range(256)) * 4, UnsupportedFormatError, "binary"),
        (b"\xff\xfa\xfb\xfc\xfd\x81\x30\x81" * 50, EncodingError, "encoding"),
        (b"%PDF-1.4 this is not really a PDF", DamagedFileError, "could not be read"),
    ],
)
def test_bad_input_gets_a_clear_error(data, error, words):
    with pytest.raises(error) as info:
        parse_document(data, "upload.bin")
    assert words in str(info.value)
    assert "upload.bin" in str(info.value)


def test_damaged_word_file():
    source = zipfile.ZipFile(io.BytesIO(_docx_with_table()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as broken:
        for name in source.namelist():
            broken.writestr(name, "<w:document" if name == "word/document.xml" else source.read(name))
    with pytest.raises(DamagedFileError, match="not a valid Word document"):
        parse_document(out.getvalue(), "broken.docx")


def test_format_detection_prefers_content_over_name():
    assert detect_format(b"%PDF-1.4\n...", "plan.txt") == "pdf"
    assert detect_format(b"<html><body><p>x</p></body></html>", "plan.txt") == "html"
    assert detect_format("一、总体要求".encode(), "plan") == "txt"


@pytest.mark.parametrize(
    "line",
    [
        "网站首页 | 最新报道 | 图片新闻 | 媒体聚焦",
        "打印 关闭窗口",
        "来源:江苏省科技厅",
        "转自:科技厅",
        "- 12 -",
        "第 3 页 共 9 页",
        "发布时间:2013-03-03浏览次数:640【字体调整:大 中 小】",
        "扫一扫在手机打开当前页",
        "版权所有:中华人民共和国科学技术部",
    ],
)
def test_furniture_lines(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    ["一、培育创新主体", "全年新增孵化器8家。", "来源于企业的技术需求得到有效对接，网友评论机制更加完善。"],
)
def test_content_lines_are_kept(line):
    assert not is_furniture(line)


def test_text_task_table_with_tabs_or_pipes_becomes_rows():
    tabbed = (
        "丰源县2025年重点工作任务分解表\n"
        "序号\t工作任务\t目标要求\t牵头单位\t配合单位\t完成时限\n"
        "1\t高新技术企业培育\t新增高新技术企业15家以上，高企总数达到85家\t县科技局\t县财政局、县税务局\t2025年12月\n"
    )
    piped = tabbed.replace("\t", " | ").replace("序号", "| 序号")
    for text in (tabbed, piped):
        plan = parse_text(text).plans[0]
        assert plan.title == "丰源县2025年重点工作任务分解表"
        row = plan.outline[0]
        assert row.heading == "高新技术企业培育"
        assert (row.responsibility.lead, row.responsibility.support) == (["县科技局"], ["县财政局", "县税务局"])
        assert [(t.value, t.comparator) for t in row.targets] == [(15, ">="), (85, "=")]


def test_tabs_without_a_task_header_stay_paragraphs():
    plan = parse_text("2025年科技工作要点\n一、总体目标\n全年\t新增孵化器8家。\n").plans[0]
    assert [t.value for t in plan.all_targets()] == [8]
    assert not plan.outline[0].columns
