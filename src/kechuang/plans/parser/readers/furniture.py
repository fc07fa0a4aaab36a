"""Page furniture: lines that belong to the web page, the PDF page or the notice, not to the plan.

Rules are general shapes (navigation bars, share/print/close buttons, source and metadata lines, page
numbers, copyright footers) rather than strings of particular sites. They only ever drop short lines, so
a body paragraph that happens to mention 评论 or 来源 is never lost.
"""

from __future__ import annotations

import re

from .base import Block

SHORT = 80  # longer lines are always content

_PATTERNS = [
    # navigation bars and breadcrumbs: "首页 | 新闻 | …", "您的位置：首页 > 动态"
    r"^(?:[^|｜]{1,12}[|｜]){2,}",
    r"(?:您的位置|当前位置|所在位置|现在的位置)\s*[:：]",
    r"^首页\s*[>»›]",
    # buttons and widgets
    r"^(?:【?\s*(?:打印本页|打印|关闭窗口|关闭|返回顶部|返回|收藏|分享到?|字体|字号|大|中|小)\s*】?\s*){1,6}$",
    r"[【\[]\s*字[体号](?:调整)?\s*[:：]",
    r"字[体号]\s*[:：]\s*(?:大\s*中\s*小)?\s*$",
    r"(?:浏览|点击|阅读|访问)(?:次数|量)\s*[:：]?\s*\d*",
    r"^(?:上一篇|下一篇|相关(?:链接|文章|阅读|新闻)|网站地图|联系我们|网站声明)",
    # provenance and metadata lines
    r"^(?:文章)?(?:来源|出处|转自|稿源|作者|编辑|责任编辑|发布者|供稿|信息来源)\s*[:：]",
    r"(?:发布|发文|成文|印发)(?:时间|日期)\s*[:：]",
    r"索\s*引\s*号|主题分类|公开(?:类型|属性|方式|期限|范围)\s*[:：]|文\s*号\s*[:：]|发布机构\s*[:：]",
    r"^名\s+称\s*[:：]",
    r"版权所有|copyright|©|ICP\s*备|[京沪浙苏湘闽]ICP|公网安备|邮\s*编\s*[:：]|免责声明|技术支持\s*[:：]",
    # bare dates and times ("2012-01-25", "2021-11-3 22:4"), page numbers ("- 3 -", "第 3 页", "3/12")
    r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{1,2}(?::\d{1,2})?)?$",
    r"^[-—－–]*\s*\d{1,4}\s*[-—－–]*$",
    r"^第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$",
    r"^\d{1,4}\s*/\s*\d{1,4}$",
    # stray single Latin letters or symbols (close buttons rendered as text)
    r"^[A-Za-z×✕✖·•|>]{1,2}$",
]
FURNITURE_RE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)
# Widget words anywhere in a line; only trusted on short lines that are not sentences.
WIDGET_RE = re.compile(
    r"分享到|扫一扫|二维码|小程序|公众号|微信扫|手机打开|在手机上|评论|留言板|我要(?:发布|留言)|点击发布|已赞|点赞"
)


def is_furniture(line: str) -> bool:
    """True when a line is page furniture rather than plan text."""
    s = line.strip()
    if not s:
        return True
    if len(s) > SHORT:
        return False
    if FURNITURE_RE.search(s):
        return True
    return len(s) <= 40 and "。" not in s and bool(WIDGET_RE.search(s))


def drop_furniture(blocks: list[Block]) -> list[Block]:
    """Blocks without furniture lines, and without the short debris that trails a web article."""
    kept = [b for b in blocks if b.kind == "row" or not is_furniture(b.text)]
    # Trailing debris: short lines after the last sentence-like paragraph ("条评论", "x", site names).
    end = len(kept)
    while end > 0 and kept[end - 1].kind == "paragraph" and _is_debris(kept[end - 1].text):
        end -= 1
    return kept[:end]


# "参与处室：厅机关各处室" closing the last item is a short line too, but a labelled value is content.
LABELLED_RE = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[:：]\s*\S")


def _is_debris(text: str) -> bool:
    s = text.strip()
    ends_sentence = re.search(r"[。；;！!？?]$", s)
    return (
        len(s) <= 12
        and not ends_sentence
        and not re.match(r"^[一二三四五六七八九十\d]", s)
        and not LABELLED_RE.match(s)
    )
