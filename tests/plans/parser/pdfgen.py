"""A tiny PDF writer for tests: pages of Chinese text lines with a real text layer.

The font is a Type0/Identity-H font whose CIDs are the Unicode code points, with a ToUnicode map that
says so, so pdfminer extracts exactly the text written. No glyphs are embedded: the text layer is all
the parser reads.
"""

from __future__ import annotations


def _obj(num: int, body: bytes) -> bytes:
    return f"{num} 0 obj\n".encode() + body + b"\nendobj\n"


def _hex(text: str) -> str:
    return "".join(f"{ord(c):04X}" for c in text)


TO_UNICODE = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
1 beginbfrange
<0000> <FFFF> <0000>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end"""


def _table_ops(rows: list[list[str]], top: float) -> tuple[list[str], float]:
    """Drawing and text operators for a ruled table whose top edge is at `top`; returns the bottom."""
    widths = [max(len(r[c]) for r in rows) * 9 + 8 for c in range(len(rows[0]))]
    ops: list[str] = []
    y = top
    for row in rows:
        x = 40.0
        for width, text in zip(widths, row, strict=True):
            ops.append(f"0 0 0 RG 0.5 w {x} {y - 18} {width} 18 re S")
            ops.append(f"BT /F1 8 Tf {x + 4} {y - 13} Td <{_hex(text)}> Tj ET")
            x += width
        y -= 18
    return ops, y


def make_pdf(pages: list[list[str | list[list[str]]]]) -> bytes:
    """A PDF with one page per list; items are text lines or tables (lists of rows of cell texts).

    An empty list gives a page without any text.
    """
    objects: dict[int, bytes] = {}
    objects[3] = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
        b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>"
    )
    objects[4] = (
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 "
        b"/FontDescriptor 6 0 R >>"
    )
    objects[6] = (
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>"
    )
    objects[5] = b"<< /Length %d >>\nstream\n" % len(TO_UNICODE) + TO_UNICODE + b"\nendstream"
    kids = []
    next_num = 7
    for items in pages:
        page_num, content_num = next_num, next_num + 1
        next_num += 2
        ops = ["0 0 0 rg 50 50 10 10 re f"]  # a drawn square: pages are never fully empty
        y = 800.0
        for item in items:
            if isinstance(item, str):
                ops.append(f"BT /F1 10 Tf 40 {y} Td <{_hex(item)}> Tj ET")
                y -= 16
            else:
                table_ops, bottom = _table_ops(item, y + 8)
                ops += table_ops
                y = bottom - 16
        stream = "\n".join(ops).encode()
        objects[content_num] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        objects[page_num] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {content_num} 0 R "
            f"/Resources << /Font << /F1 3 0 R >> >> >>"
        ).encode()
        kids.append(f"{page_num} 0 R")
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += _obj(num, objects[num])
    xref_at = len(out)
    size = max(objects) + 1
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for num in range(1, size):
        out += f"{offsets[num]:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref_at}\n%%EOF\n".encode()
    return bytes(out)
