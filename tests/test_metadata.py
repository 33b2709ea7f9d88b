"""Document metadata (title, issuer, place, year, kind) and each figure's place.

The rules were written while looking at the development documents (tests/data/dev, see
its PROVENANCE.md) and the seed reports (tests/data/corpus): the rows on them are
regression guards. The synthetic rows put one layout each in a minimal text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from edumetrics import DocumentInfo, extract
from edumetrics._metadata import mention_place, places
from edumetrics._normalize import _fold

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Doc:
    file: str
    title: str | None
    issuer: str | None
    place: str | None
    masked: bool
    year: int | None
    kind: str | None


# Real layouts: portal tables, breadcrumbs, reposts whose furniture carries other dates.
REAL = [
    # a government portal's disclosure table: title and issuer are fields; the place is
    # the issuer's (the body says only 全县)
    Doc("dev/c1.txt", "2021年教育基本情况", "紫阳县政府办公室", "紫阳县", False, 2021, "bulletin"),
    # a county overview under 【教育基本情况】: the county is never named
    Doc("dev/c2.txt", "教育基本情况", None, None, False, 2022, "bulletin"),
    # breadcrumb and 发布时间: 2018-06-07 before the title: the year is the title's 2016
    Doc(
        "dev/c3.txt", "关于2016年全市教育经费执行情况统计公告", None, None, False, 2016, "bulletin"
    ),
    # a budget without a title line: the office whose budget it is
    Doc("dev/c4.txt", None, "市教育局", None, False, 2022, "budget"),
    # a repost in traditional characters on an equipment site (URL with 2022, posted
    # 2019年11月19日): title, issuer and place as written, the year the title's 2018
    Doc(
        "dev/c5.txt",
        "山東省發布2018年教育經費執行情況統計公告",
        "省教育廳、省統計局、省財政廳",
        "山東省",
        False,
        2018,
        None,
    ),
    # a plan whose title names no place (市2024年…)
    Doc("dev/c6.txt", "市2024年教育工作要点", None, None, False, 2024, "plan"),
    # no title; the county speaks of itself (我县) and its opening names 修水县
    Doc("dev/c7.txt", None, None, "修水县", False, None, "bulletin"),
    # a news headline recognised by the 來源: line after it; 深圳 has no suffix
    Doc(
        "dev/c8.txt",
        "2022年深圳計劃新增義務教育學校110所 新增學位14萬座",
        None,
        None,
        False,
        2022,
        None,
    ),
    # a newspaper report: 全市 and 市一中 name no place of the document
    Doc("dev/c9.txt", None, None, None, False, 2018, "news"),
    # the opening says who published: 西安市教育局发布…
    Doc("dev/c10.txt", None, "西安市教育局", "西安市", False, None, None),
    Doc("dev/c13.txt", "市区教育事业基本情况", None, None, False, None, "bulletin"),
    # a title glued to its text and to a masked date (…工作总结汇报201X/X/XXxx区教育局…)
    Doc(
        "dev/c14.txt", "区教育局2019年上半年工作总结汇报", "区教育局", "xx区", True, 2019, "summary"
    ),
    # masked year (20XX) and a masked county (《**县民办幼儿园管理暂行办法》, 我县)
    Doc("dev/c15.txt", "教育局教育工作总结", "教育局", "**县", True, None, "summary"),
    # title glued to its first section (…工作总结一、过去五年工作回顾…)
    Doc(
        "dev/c16.txt", "县教育局过去五年及2016年工作总结", "县教育局", None, False, 2016, "summary"
    ),
    # a document-sharing page: the title carries a file extension
    Doc(
        "corpus/000_6fa467c6089bbc98.txt",
        "2023年县教育局上半年工作情况总结",
        "县教育局",
        "博兴县",
        False,
        2023,
        "summary",
    ),
    Doc(
        "corpus/004_d0941690a123458f.txt",
        "区教育局2023年工作总结和工作规划范文",
        "区教育局",
        "xx区",
        True,
        2023,
        "summary",
    ),
]


@pytest.mark.parametrize("case", REAL, ids=[c.file for c in REAL])
def test_metadata_of_real_documents(case: Doc) -> None:
    info = DocumentInfo.read((DATA / case.file).read_text(encoding="utf-8"))
    assert (info.title, info.issuer, info.place, info.place_masked, info.year) == (
        case.title,
        case.issuer,
        case.place,
        case.masked,
        case.year,
    )


@pytest.mark.parametrize("case", REAL, ids=[c.file for c in REAL])
def test_kind_is_the_extractors(case: Doc) -> None:
    from edumetrics import read_document

    text = (DATA / case.file).read_text(encoding="utf-8")
    assert DocumentInfo.read(text).kind == read_document(DATA / case.file).kind


SYNTHETIC = [
    # a title with place and year
    (
        "山西省2022年教育事业发展统计公报\n全省共有学校2万所。",
        "山西省2022年教育事业发展统计公报",
        None,
        "山西省",
        False,
        2022,
    ),
    # a title with neither: the place is None, never guessed
    ("教育工作总结\n今年全县新建学校3所。", "教育工作总结", None, None, False, None),
    # a masked county in the title
    (
        "XX县教育局2021年工作总结\n我县新建学校3所。",
        "XX县教育局2021年工作总结",
        "XX县教育局",
        "XX县",
        True,
        2021,
    ),
    # furniture dates before the title do not make the year
    (
        "发布日期:2024年05月06日\n浏览次数:1023\n2023年教育统计公报\n全市共有学校12所。",
        "2023年教育统计公报",
        None,
        None,
        False,
        2023,
    ),
    # a generic noun ending like a place is no place (贫困山区, 示范县)
    ("贫困山区教育工作总结\n省级示范县3个。", "贫困山区教育工作总结", None, None, False, None),
    # an autonomous region, and an office in the title
    (
        "广西壮族自治区教育厅关于2020年教育经费执行情况的公告\n…",
        "广西壮族自治区教育厅关于2020年教育经费执行情况的公告",
        "广西壮族自治区教育厅",
        "广西壮族自治区",
        False,
        2020,
    ),
]


@pytest.mark.parametrize(
    ("text", "title", "issuer", "place", "masked", "year"), SYNTHETIC, ids=[s[1] for s in SYNTHETIC]
)
def test_metadata_of_synthetic_layouts(
    text: str, title: str, issuer: str | None, place: str | None, masked: bool, year: int | None
) -> None:
    info = DocumentInfo.read(text)
    assert (info.title, info.issuer, info.place, info.place_masked, info.year) == (
        title,
        issuer,
        place,
        masked,
        year,
    )


def test_read_rejects_bytes() -> None:
    with pytest.raises(TypeError, match="takes a str, not bytes"):
        DocumentInfo.read("紫阳县".encode())  # type: ignore[arg-type]


def test_places_are_as_written_and_folded_only_for_matching() -> None:
    raw = "山東省、西藏自治區和宣城市"
    assert [raw[s:e] for s, e in places(_fold(raw))] == ["山東省", "西藏自治區", "宣城市"]


# (text, the figure, its place as written, masked, source); None: its document's place
FIGURES = [
    ("全区小学入学率100%,其中农村为99.5%。", "99.5%", "农村", False, "sentence"),
    ("城区小学专任教师1200人。", "1200人", "城区", False, "sentence"),
    ("增长最快的是西藏自治区(39.67%)。", "39.67%", "西藏自治区", False, "sentence"),
    ("增长最快的是犍为县(30.70%),最慢的是峨眉山市(2.1%)。", "2.1%", "峨眉山市", False, "sentence"),
    ("其中市区考点8个(分别为市一中、市二中),考室374个。", "8个", "市区", False, "sentence"),
    ("xx中学再次取得优异成绩,xx中学本一上线591人。", "591人", "xx中学", True, "sentence"),
    ("紫阳县第二小学新建教室12间。", "12间", "紫阳县第二小学", False, "sentence"),
    ("考生最多的是衡铁一中(1200人)。", "1200人", "衡铁一中", False, "sentence"),
    ("广东广州:2023年共有58238人报名参加普通高考。", "58238人", "广东广州", False, "line"),
    ("四川:2023年高考报名人数达80万人。", "80万人", "四川", False, "line"),
    ("全县共有学校24所。", "24所", None, False, None),
    ("省级示范县3个。", "3个", None, False, None),
    ("贫困山区学校5所。", "5所", None, False, None),
    ("紧紧围绕县委部署,新建学校3所。", "3所", None, False, None),
    ("今年西安市共有103031名九年级学生参加中考。", "103031名", "西安市", False, "sentence"),
    # a place that opens the sentence is its subject: every clause of it is about it
    ("xx中学再次取得优异成绩,参考考生2235人。", "2235人", "xx中学", True, "sentence"),
    ("2019年,紫阳县新建学校3所,全县教师1200人。", "1200人", "紫阳县", False, "sentence"),
    # ... but one named inside an earlier clause does not reach past its end
    ("全县新建学校3所,其中城区2所,教师1200人。", "1200人", None, False, None),
    # a place is looked for at most 120 characters before the figure
    ("全县的城区" + "、" * 120 + "学校3所。", "3所", None, False, None),
    ("全县的城区" + "、" * 100 + "学校3所。", "3所", "城区", False, "sentence"),
    # 县市区 and 各县区 name all the parts, not one
    ("分县市区招生计划1300人。", "1300人", None, False, None),
    ("各县区考点24个。", "24个", None, False, None),
]


@pytest.mark.parametrize(
    ("text", "figure", "place", "masked", "source"), FIGURES, ids=[f[0] for f in FIGURES]
)
def test_place_of_a_figure(
    text: str, figure: str, place: str | None, masked: bool, source: str | None
) -> None:
    mention = next(m for m in extract(text) if m.text == figure)
    found = mention_place(text, _fold(text), mention)
    assert found == (None if place is None else (place, masked, source))


ADVERSARIAL = [
    "紫" * 100_000 + "县",
    "x" * 100_000 + "县教育局",
    "县教育局、" * 20_000 + "发布",
    "工作总结" * 25_000,
    ("广东" + "广" * 50 + ":") * 2_000,
    "\n" * 50_000 + "2023年教育统计公报",
]


@pytest.mark.parametrize("text", ADVERSARIAL, ids=lambda t: f"{t[:6]}…{len(t)}")
def test_long_inputs_do_not_hang(text: str) -> None:
    import time

    started = time.perf_counter()
    DocumentInfo.read(text)
    sample = text[:20_000] + "共有学校3所。"
    for mention in extract(sample):
        mention_place(sample, _fold(sample), mention)
    assert time.perf_counter() - started < 10  # a bound against a hang, not a speed test


EXAMPLES = Path(__file__).parent.parent / "examples"


def test_metadata_of_an_html_page_is_read_from_its_visible_text() -> None:
    pytest.importorskip("selectolax")
    from edumetrics import read_document

    info = DocumentInfo.read(read_document(EXAMPLES / "city_bulletin.html").text)
    assert (info.title, info.place, info.year, info.kind) == (
        "临江市2023年教育事业发展统计公报",
        "临江市",
        2023,
        "bulletin",
    )


def test_metadata_of_a_gbk_plan_without_a_place() -> None:
    from edumetrics import read_document

    info = DocumentInfo.read(read_document(EXAMPLES / "school_plan_gbk.txt").text)
    # a township school's plan: 城东镇 is a town, not an administrative division read here
    assert (info.title, info.place, info.year, info.kind) == (
        "城东镇中心学校2023年秋季学期工作计划",
        None,
        2023,
        "plan",
    )
