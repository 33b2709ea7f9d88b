"""edumetrics.readers: every format, every encoding, and every way a file can fail.

All fixture files are generated here (GB18030 and UTF-16 text, a .docx made with
python-docx, an HTML page, a hand-written PDF); the bundled examples are read too.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import edumetrics
from _documents import make_docx, make_pdf
from _spans import span_errors
from edumetrics import Document, DocumentError, MissingExtraError, read_document
from edumetrics.readers import decode_text

EXAMPLES = Path(__file__).parent.parent / "examples"
SENTENCE = "全县小学入学率99.07%，投资2860万元，專任教師3162人。"


@dataclass(frozen=True)
class TextCase:
    name: str
    data: bytes
    encoding: str  # what read_document reports
    forced: str | None = None  # encoding= given by the caller


TEXT_CASES = [
    TextCase("utf8", SENTENCE.encode("utf-8"), "utf-8"),
    TextCase("utf8_bom", codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "utf-8-sig"),
    TextCase("utf16_le_bom", SENTENCE.encode("utf-16"), "utf-16"),
    TextCase("utf16_be_bom", codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), "utf-16"),
    TextCase("utf32_bom", SENTENCE.encode("utf-32"), "utf-32"),
    TextCase("gb18030", SENTENCE.encode("gb18030"), "gb18030"),
    TextCase("gbk", SENTENCE.replace("專任教師", "专任教师").encode("gbk"), "gb18030"),
    TextCase(
        "forced_big5", "全縣小學入學率99.07%，專任教師3162人。".encode("big5"), "big5", "big5"
    ),
    TextCase("forced_gb2312_alias", "入学率99%".encode("gb2312"), "gb18030", forced="GB2312"),
]


@pytest.mark.parametrize("case", TEXT_CASES, ids=[c.name for c in TEXT_CASES])
def test_text_files_decode(tmp_path: Path, case: TextCase) -> None:
    path = tmp_path / f"{case.name}.txt"
    path.write_bytes(case.data)
    doc = read_document(path, encoding=case.forced)
    expected = case.data.decode(case.forced or case.encoding)
    expected = expected.removeprefix("\ufeff")
    assert (doc.text, doc.encoding, doc.format) == (expected, case.encoding, "txt")
    assert (doc.name, doc.path) == (path.name, str(path))


TRADITIONAL = "全縣小學入學率99.07%，專任教師3162人，投資2860萬元新建學校。"


def test_big5_is_recognised_with_the_detect_extra(tmp_path: Path) -> None:
    pytest.importorskip("charset_normalizer")
    (tmp_path / "big5.txt").write_bytes(TRADITIONAL.encode("big5"))
    doc = read_document(tmp_path / "big5.txt")
    assert (doc.text, doc.encoding) == (TRADITIONAL, "big5")
    assert decode_text("學校46所".encode("big5")) == ("學校46所", "big5")
    assert decode_text("学校46所".encode("gbk")) == ("学校46所", "gb18030")


def test_without_the_detect_extra_nothing_but_utf8_and_gb18030_is_tried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "charset_normalizer", None)
    (tmp_path / "big5.txt").write_bytes(TRADITIONAL.encode("big5"))
    assert read_document(tmp_path / "big5.txt").encoding == "gb18030"


def test_text_keeps_line_endings_and_spans_index_the_document(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("第一行\r\n新建小学3所。\r\n".encode("gb18030"))
    doc = read_document(path)
    assert doc.text == "第一行\r\n新建小学3所。\r\n"
    found = edumetrics.extract(doc.text)
    assert [m.text for m in found] == ["3所"]
    assert span_errors(doc.text, found) == []


def test_unknown_suffix_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text("新建小学3所。", encoding="utf-8")
    assert read_document(path).format == "txt"


def test_decode_text_prefers_utf8_then_gb18030() -> None:
    assert decode_text("中文".encode()) == ("中文", "utf-8")
    assert decode_text("中文".encode("gbk")) == ("中文", "gb18030")


def test_docx_paragraphs_and_tables_in_document_order(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "report.docx",
        [
            "一、基本情况",
            [["指标", "小学", "初中"], ["入学率", "100%", "99.86%"]],
            "全年投资2860万元。",
        ],
        title="工作总结",
    )
    doc = read_document(path)
    assert doc.text == "一、基本情况\n指标\t小学\t初中\n入学率\t100%\t99.86%\n全年投资2860万元。"
    assert (doc.format, doc.encoding, doc.metadata["title"]) == ("docx", None, "工作总结")


def test_docx_merged_cell_is_written_once(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "合计"
    table.cell(0, 2).text = "46所"
    document.save(str(tmp_path / "merged.docx"))
    assert read_document(tmp_path / "merged.docx").text == "合计\t46所"


HTML_PAGE = """<!DOCTYPE html><html><head><meta charset="gb2312"><title>统计公报</title>
<style>p { color: red }</style><script>var rate = "88.8%";</script></head>
<body><div class="nav">首页 &gt; 公报</div>
<h1>教育统计公报</h1>
<p>全市共有<b>学校</b>
   46所，<span style="display: none">隐藏的99人</span>在校生1.2万人。</p>
<noscript>请启用脚本</noscript><div hidden>草稿xx%</div><!-- 注释100% -->
<table><tr><td>小学</td><td>98%</td></tr></table>
<p>第一行<br>第二行　全角空格</p>
</body></html>"""

HTML_TEXT = "\n".join(
    [
        "首页 > 公报",
        "教育统计公报",
        "全市共有学校 46所，在校生1.2万人。",
        "小学\t98%",
        "第一行",
        "第二行　全角空格",
    ]
)


def test_html_visible_text_only(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(HTML_PAGE.encode("gb18030"))
    doc = read_document(path)
    assert doc.text == HTML_TEXT
    assert (doc.format, doc.encoding, doc.metadata) == ("html", "gb18030", {"title": "统计公报"})


def test_html_charset_in_http_equiv(tmp_path: Path) -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=GBK">'
    (tmp_path / "old.htm").write_bytes(f"{meta}<p>專任教師3162人</p>".encode("gbk"))
    doc = read_document(tmp_path / "old.htm")
    assert (doc.text, doc.encoding) == ("專任教師3162人", "gb18030")


def test_html_with_a_wrong_charset_declaration_falls_back_to_detection(tmp_path: Path) -> None:
    path = tmp_path / "lying.htm"
    path.write_bytes('<meta charset="ascii"><p>入学率99%</p>'.encode())
    assert read_document(path).text == "入学率99%"


def test_pdf_text_layer(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "bulletin.pdf", ["全县小学入学率99.07%。", "投资2860万元。"])
    doc = read_document(path)
    assert doc.text == "全县小学入学率99.07%。\n投资2860万元。"
    assert (doc.format, doc.metadata["pages"]) == ("pdf", "1")


@pytest.mark.parametrize(
    "name", sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html"})
)
def test_bundled_examples_read_and_spans_are_exact(name: str) -> None:
    doc = read_document(EXAMPLES / name)
    mentions = edumetrics.extract(doc.text)
    assert mentions
    assert span_errors(doc.text, mentions) == []


def test_gbk_example_is_detected() -> None:
    assert read_document(EXAMPLES / "school_plan_gbk.txt").encoding == "gb18030"


def test_document_from_text() -> None:
    assert Document.from_text("新建小学3所。") == Document(text="新建小学3所。", name="<text>")
    with pytest.raises(TypeError, match="bytes"):
        Document.from_text(b"abc")  # type: ignore[arg-type]


def test_document_repr_is_short() -> None:
    assert len(repr(Document.from_text("字" * 10_000))) < 200


# --- failures: each one a DocumentError naming the file and the reason ---------------------


def _truncated_docx(tmp_path: Path) -> Path:
    whole = make_docx(tmp_path / "whole.docx", ["全年投资2860万元。"]).read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(whole[: len(whole) // 2])
    return path


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(tmp_path: Path) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return make


FAILURES = [
    ("missing", lambda tmp: tmp / "nope.txt", "no such file"),
    ("missing_docx", lambda tmp: tmp / "nope.docx", "no such file"),
    ("directory", lambda tmp: tmp, "is a directory"),
    ("binary", _write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary file"),
    ("control_characters", _write("junk.txt", bytes(range(1, 9)) * 20), "binary file"),
    ("undecodable", _write("bad.txt", "入学率".encode("gb18030") + b"\x80\xff"), "undecodable"),
    ("empty", _write("empty.txt", b""), "empty file"),
    ("whitespace_only", _write("blank.txt", " \n\u3000\n".encode()), "no text"),
    ("empty_html", _write("blank.html", b"<html><script>x</script></html>"), "no text"),
    ("truncated_docx", _truncated_docx, "corrupt or truncated"),
    ("not_a_docx", _write("fake.docx", "入学率99%".encode()), "corrupt or truncated"),
    ("truncated_pdf", _write("cut.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type"), "not a readable PDF"),
    ("pdf_without_text", _write("scan.pdf", b""), "not a readable PDF"),
]


@pytest.mark.parametrize(("case", "make", "reason"), FAILURES, ids=[f[0] for f in FAILURES])
def test_failures_raise_document_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str, make, reason: str
) -> None:
    monkeypatch.setitem(sys.modules, "charset_normalizer", None)  # no guessing: deterministic
    path = make(tmp_path)
    with pytest.raises(DocumentError, match=reason) as info:
        read_document(path)
    assert info.value.path == str(path)
    assert str(info.value).startswith(f"{path}: ")


def test_unknown_forced_encoding(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"abc")
    with pytest.raises(DocumentError, match="unknown encoding 'klingon'"):
        read_document(tmp_path / "a.txt", encoding="klingon")


def test_forced_encoding_that_does_not_fit(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("中文".encode())
    with pytest.raises(DocumentError, match="undecodable bytes as ascii"):
        read_document(tmp_path / "a.txt", encoding="ascii")


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("入学率99%", encoding="utf-8")

    def refuse(name: object, *args: object) -> int:
        raise PermissionError(13, "Permission denied", str(name))

    monkeypatch.setattr(os, "open", refuse)  # the reader opens the file with os.open
    with pytest.raises(DocumentError, match="permission denied"):
        read_document(path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_permission_denied_for_real(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("入学率99%", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(DocumentError, match="permission denied"):
        read_document(path)


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "scan.pdf", [""])
    with pytest.raises(DocumentError, match="no text layer"):
        read_document(path)


MISSING_EXTRAS = [("docx", "report.docx"), ("selectolax", "page.html"), ("pypdf", "doc.pdf")]


@pytest.mark.parametrize(("module", "name"), MISSING_EXTRAS, ids=[m for m, _ in MISSING_EXTRAS])
def test_missing_extra_names_the_install_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str, name: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)
    monkeypatch.setitem(sys.modules, f"{module}.lexbor", None)
    (tmp_path / name).write_bytes(b"x")
    with pytest.raises(MissingExtraError, match=r"pip install 'edumetrics\["):
        read_document(tmp_path / name)
