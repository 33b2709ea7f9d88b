"""Fixture files made by the tests themselves: a .docx with python-docx and a small PDF.

The PDF is written by hand (no PDF library writes CJK text without a font file): a
Type0 font with Identity-H encoding whose ToUnicode map sends each 2-byte code to the
same Unicode code point, so a text extractor gets back exactly the characters drawn.
"""

from __future__ import annotations

from pathlib import Path


def make_docx(path: Path, blocks: list[str | list[list[str]]], title: str = "") -> Path:
    """A .docx of paragraphs (str) and tables (list of rows), in that order."""
    import docx

    document = docx.Document()
    document.core_properties.title = title
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        else:
            table = document.add_table(rows=len(block), cols=len(block[0]))
            for r, row in enumerate(block):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
    document.save(str(path))
    return path


def _pdf_stream(data: str) -> str:
    return f"<< /Length {len(data.encode('latin-1'))} >>\nstream\n{data}\nendstream"


def make_pdf(path: Path, lines: list[str]) -> Path:
    """A one-page PDF whose text layer is ``lines`` (BMP characters only)."""
    chars = sorted({ch for line in lines for ch in line})
    shows = " ".join("<" + "".join(f"{ord(ch):04X}" for ch in line) + "> Tj T*" for line in lines)
    content = f"BT /F1 12 Tf 14 TL 72 720 Td {shows} ET"
    bfchar = "\n".join(f"<{ord(ch):04X}> <{ord(ch):04X}>" for ch in chars)
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{len(chars)} beginbfchar\n{bfchar}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        _pdf_stream(content),
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
        "/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        _pdf_stream(cmap),
    ]
    out = "%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out.encode("latin-1")))
        out += f"{number} 0 obj\n{body}\nendobj\n"
    xref = len(out.encode("latin-1"))
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n"
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    path.write_bytes(out.encode("latin-1"))
    return path
