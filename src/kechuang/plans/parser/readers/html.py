"""Web pages saved from government sites: keep the article, drop the page around it.

The article is found by text density (the element holding most paragraph text), after removing
elements that are navigation, headers, footers, share bars, comment boxes or scripts by tag or by
their id/class names.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from .base import Block
from .tables import rows_to_blocks
from .text import decode

DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "button",
    "select",
    "input",
    "textarea",
    "svg",
    "canvas",
    "object",
    "embed",
    "link",
    "meta",
)
DROP_ATTR_RE = re.compile(
    r"nav|menu|header|footer|foot|share|bdshare|jiathis|comment|pinglun|reply|breadcrumb|crumb|sidebar|"
    r"side-bar|toolbar|copyright|related|relate|pagination|pager|print|login|search|qrcode|erweima|"
    r"advert|banner|location|position|weizhi|topbar|top-bar|bottom|friendlink|links",
    re.IGNORECASE,
)
BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "section",
    "article",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "center",
    "ul",
    "ol",
}
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def read_html(data: bytes, filename: str = "") -> tuple[list[Block], str]:
    text, encoding = _decode_html(data, filename)
    soup = BeautifulSoup(text, "lxml")
    title = _title(soup)
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.name in ("html", "body"):
            continue
        marks = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
        if marks.strip() and DROP_ATTR_RE.search(marks) and not _looks_like_article(tag):
            tag.decompose()
    root = _main_content(soup)
    blocks = _blocks(root) if root is not None else []
    if title and not any(title in b.text for b in blocks[:5]):
        blocks.insert(0, Block(title, heading_level=1))
    return blocks, encoding


def _decode_html(data: bytes, filename: str) -> tuple[str, str]:
    head = data[:2048].decode("ascii", errors="ignore")
    m = re.search(r"charset\s*=\s*[\"']?([\w-]+)", head, re.IGNORECASE)
    if m:
        enc = m.group(1).lower()
        enc = "gb18030" if enc in ("gb2312", "gbk", "gb18030") else enc
        try:
            return data.decode(enc), enc
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, filename)


def _title(soup: BeautifulSoup) -> str:
    h1 = soup.find("h1")
    if h1 and h1.get_text(strip=True):
        return h1.get_text(" ", strip=True)
    if soup.title and soup.title.string:
        return re.split(r"\s*[-_|–—]\s*", soup.title.string.strip())[0]
    return ""


def _looks_like_article(tag: Tag) -> bool:
    """A container whose class merely mentions "print" or "bottom" but holds the article text."""
    return len(_CJK_RE.findall(tag.get_text())) > 400


def _main_content(soup: BeautifulSoup) -> Tag | None:
    """The element with the most text in direct paragraph-like children."""
    best, best_score = None, 0
    for tag in soup.find_all(["div", "article", "section", "td", "body", "main"]):
        score = 0
        for child in tag.children:
            if isinstance(child, NavigableString):
                score += len(_CJK_RE.findall(str(child)))
            elif isinstance(child, Tag) and child.name in (
                "p",
                "br",
                "span",
                "font",
                "strong",
                "table",
                "h2",
                "h3",
                "h4",
                "ul",
                "ol",
                "center",
            ):
                score += len(_CJK_RE.findall(child.get_text()))
        if score > best_score:
            best, best_score = tag, score
    return best


def _blocks(root: Tag) -> list[Block]:
    blocks: list[Block] = []
    buffer: list[str] = []

    def flush(level: int | None = None) -> None:
        text = "".join(buffer)
        buffer.clear()
        for line in text.split("\n"):
            line = line.replace("\xa0", " ").replace("\u3000", " ").strip()
            if line:
                blocks.append(Block(line, heading_level=level))

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                buffer.append(re.sub(r"[ \t\r\n]+", " ", str(child)))
            elif isinstance(child, Tag):
                if child.name == "table":
                    flush()
                    rows = [
                        [c.get_text("\n", strip=True) for c in tr.find_all(["td", "th"])]
                        for tr in child.find_all("tr")
                    ]
                    blocks.extend(rows_to_blocks(rows))
                    continue
                if child.name == "br":
                    buffer.append("\n")
                    continue
                is_block = child.name in BLOCK_TAGS
                if is_block:
                    flush()
                walk(child)
                if is_block:
                    level = int(child.name[1]) if re.fullmatch(r"h\d", child.name) else None
                    flush(level)

    walk(root)
    flush()
    return blocks
