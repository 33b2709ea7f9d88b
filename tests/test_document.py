"""Reading the document, not the sentence: kind and year, sections, tables, carried bases.

Every row is written here, in other words than the development set's (``tests/data/dev``)
on which the rules were developed, and each rule has a negative: the same figure where the
rule must not apply. Rows use ``Case`` of ``test_extract.py`` (one mention of one text,
everything the SPEC scores).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from tests._documents import make_docx
from tests.test_extract import Case, _expected, _ids, _scored, _the

from _spans import span_errors
from edumetrics import extract, extract_document, read_document
from edumetrics._document import Layout
from edumetrics._normalize import normalize

# --- Kind and year of a document ----------------------------------------------------------

BUDGET = (
    "(一)收入预算情况\n"
    "区教育局2023年收入预算4521.6万元,其中:上年结转312.5万元,占6.91%;"
    "比上年的4100万元增加421.6万元。\n"
)
FINAL_ACCOUNT = BUDGET.replace("预算", "决算")
PLAN = "县2025年教育工作要点\n全县学前三年毛入园率达到92%,目前已有公办幼儿园48所,新建幼儿园5所。\n"
SUMMARY_WITH_PLAN = (
    "县教育局2024年工作总结及2025年工作计划\n全县学前三年毛入园率达到92%,新建幼儿园5所。\n"
)
FIVE_YEAR_PLAN = (
    "县教育事业发展规划(2021-2025年)\n"
    "2020年全县小学在校生12000人。全县小学在校生达到13500人,学前三年毛入园率95%。\n"
)

KIND_CASES = [
    # a budget's figures are goals, its comparison base is last year's actual figure
    Case(BUDGET, "4521.6万元", "45216000", "CNY", "funding", "target"),
    Case(BUDGET, "312.5万元", "3125000", "CNY", "funding", "target"),  # 上年结转: a budget line
    Case(BUDGET, "6.91%", "6.91", "percent", "share", "target"),
    Case(BUDGET, "4100万元", "41000000", "CNY", "funding", "actual"),
    Case(BUDGET, "421.6万元", "4216000", "CNY", "funding", "change"),
    # ... a final account's are what was spent
    Case(FINAL_ACCOUNT, "4521.6万元", "45216000", "CNY", "funding", "actual"),
    Case(FINAL_ACCOUNT, "312.5万元", "3125000", "CNY", "funding", "actual"),
    # a plan's figures are goals, unless marked as realised
    Case(PLAN, "92%", "92", "percent", "gross_enrollment_rate", "target", "preschool"),
    Case(PLAN, "48所", "48", "school", "school_count", "actual", "preschool"),
    Case(PLAN, "5所", "5", "school", "school_count", "target", "preschool"),
    # ... a summary that also announces a plan reports
    Case(SUMMARY_WITH_PLAN, "92%", "92", "percent", "gross_enrollment_rate", "actual",
         "preschool"),
    Case(SUMMARY_WITH_PLAN, "5所", "5", "school", "school_count", "actual", "preschool"),
    # a year before the plan's own is its baseline
    Case(FIVE_YEAR_PLAN, "12000人", "12000", "person", "student_count", "actual", "primary"),
    Case(FIVE_YEAR_PLAN, "13500人", "13500", "person", "student_count", "target", "primary"),
]


@pytest.mark.parametrize("case", KIND_CASES, ids=_ids(KIND_CASES))
def test_kind(case: Case) -> None:
    assert _scored(_the(case.text, case.surface)) == _expected(case)


@pytest.mark.parametrize(
    ("text", "kind", "year"),
    [
        (BUDGET, "budget", 2023),
        (FINAL_ACCOUNT, "bulletin", 2023),
        (PLAN, "plan", 2025),
        (SUMMARY_WITH_PLAN, "summary", 2024),
        (FIVE_YEAR_PLAN, "plan", 2021),
        ("关于2019年全省教育经费执行情况的统计公告\n发布时间:2020-11-02\n", "bulletin", 2019),
        ("本报讯 (记者 李明) 2024年中考将于6月举行。", "news", 2024),
        # a plan named only in the prose of a report is no plan
        ("今年是全面实施“十四五”规划的关键之年,全县小学入学率100%。", None, None),
        # a date is no year of the document's
        ("公开日期:2021年03月11日\n", None, None),
        # a text of figures alone has no year
        ("全市小学入学率由2015年的98.5%提高到2020年的99.9%。", None, None),
    ],
)
def test_kind_and_year_of_a_document(text: str, kind: str | None, year: int | None) -> None:
    layout = Layout(normalize(text).text, text)
    assert (layout.kind, layout.year) == (kind, year)


# --- Sections and titles ------------------------------------------------------------------

GOALS = (
    "一、工作回顾\n全区义务教育巩固率为98.5%。\n"
    "二、主要目标\n全区义务教育巩固率99%,高中阶段毛入学率95%。\n"
)
SENIOR = (
    "三、高中阶段教育\n今年全市共招生6500人,其中普通高中3900人。\n"
    "四、教育经费\n共投入资金3亿元。\n"
)
NEWS = (
    "本报讯 (记者 张三) 2024年高考将至,全市有41230名考生报名参加高考,较去年增加2150人。\n"
    "在4.12万名报名者中,文科类考生15200人,理科类考生21030人。\n"
)
NOT_NEWS = NEWS.replace("本报讯 (记者 张三) ", "")
PER_CAPITA = (
    "2.各级教育生均公用经费支出情况\n"
    "(1)全市普通小学为1520.35元,比上年的1400.12元增长8.59%。城区增长最快的是东城区(45.20%)。\n"
    "(2)全市共投入资金3000万元。\n"
)

SECTION_CASES = [
    # a goals heading makes its section's figures targets; the section before reports
    Case(GOALS, "98.5%", "98.5", "percent", "retention_rate", "actual", "compulsory"),
    Case(GOALS, "99%", "99", "percent", "retention_rate", "target", "compulsory"),
    Case(GOALS, "95%", "95", "percent", "gross_enrollment_rate", "target", "senior_secondary"),
    # a heading's level covers its section, not the next
    Case(SENIOR, "6500人", "6500", "person", "student_count", "actual", "senior_secondary"),
    Case(SENIOR, "3亿元", "300000000", "CNY", "funding", "actual", None),
    # a news report's topic is the level of figures that name none
    Case(NEWS, "15200人", "15200", "person", "student_count", "actual", "senior_secondary"),
    Case(NOT_NEWS, "15200人", "15200", "person", "student_count", "actual", None),
    # a heading naming a per-capita measure: its bare yuan figures are per capita
    Case(PER_CAPITA, "1520.35元", "1520.35", "CNY", "per_capita_funding", "actual", "primary"),
    Case(PER_CAPITA, "1400.12元", "1400.12", "CNY", "per_capita_funding", "actual", "primary"),
    Case(PER_CAPITA, "8.59%", "8.59", "percent", "growth_rate", "change", "primary"),
    Case(PER_CAPITA, "3000万元", "30000000", "CNY", "funding", "actual", None),
    # the place that grew fastest, and its growth
    Case(PER_CAPITA, "45.20%", "45.20", "percent", "growth_rate", "change", "primary"),
    Case("东城区占比最高,为45.20%。", "45.20%", "45.20", "percent", "share", "actual", None),
]


@pytest.mark.parametrize("case", SECTION_CASES, ids=_ids(SECTION_CASES))
def test_sections(case: Case) -> None:
    assert _scored(_the(case.text, case.surface)) == _expected(case)


def test_a_breakdown_needs_the_totals_multiplier() -> None:
    """小学6100 without 万 is no part of 12.5万平方米's breakdown (a bare number)."""
    text = "全县校舍建筑面积12.5万平方米(小学6100、初中4.2万)。"
    assert [m.text for m in extract(text)] == ["12.5万平方米"]


def test_a_sentence_naming_another_level_keeps_its_own_reading() -> None:
    """一、学前教育: a figure whose sentence names another level is not the heading's."""
    text = "一、学前教育\n全县18个乡镇均建有中心小学。\n"
    assert _the(text, "18个").level is None


# --- Bases, parts and plans carried -------------------------------------------------------

CARRIED_CASES = [
    # a planned total's part marked as done is done (issue 8)
    Case("计划招聘教师100名,其中已到岗60名。", "60名", "60", "person", "teacher_count"),
    Case("计划招聘教师100名,其中特岗教师60名。", "60名", "60", "person", "teacher_count",
         "target"),
    # a sentence opening with 其中 breaks down the sentence before it
    Case("全县现有专任教师5120人。其中:小学2300人,初中1800人。", "2300人", "2300", "person",
         "teacher_count", level="primary"),
    # 计划 in a compound verb is a plan after any subject; 已按计划 was done
    Case("全市普通高中计划招生21000人。", "21000人", "21000", "person", "student_count",
         "target", "senior_secondary"),
    Case("全区已按计划建成学校12所。", "12所", "12", "school", "school_count"),
    # a forecast
    Case("今年全县将有3120名考生参加中考。", "3120名", "3120", "person", "student_count",
         "target", "junior_secondary"),
    # exam candidates are students
    Case("全省高考报名人数达52.3万人。", "52.3万人", "523000", "person", "student_count",
         level="senior_secondary"),
    # people counted as they sit an entrance exam are its candidates
    Case("今年全市共有41230人报名参加普通高考。", "41230人", "41230", "person", "student_count",
         level="senior_secondary"),
    Case("今年全市共有120人参加志愿服务。", "120人", "120", "person", "person_count"),
    # a headcount noun states the unit after a qualifier too
    Case("今年全省中考报考人数超30万,创历史新高。", "30万", "300000", "person", "student_count",
         level="junior_secondary", qualifier="at_least"),
    # per capita carried to the base of a comparison and to a part
    Case("全县初中生均教育事业费支出为9120.55元,比上年的8901.77元增长2.46%。"
         "其中,农村为8403.91元。", "8403.91元", "8403.91", "CNY", "per_capita_funding",
         level="junior_secondary"),
    Case("全县初中生均教育事业费支出为9120.55元,比上年的8901.77元增长2.46%。",
         "8901.77元", "8901.77", "CNY", "per_capita_funding", level="junior_secondary"),
    Case("全县生均公用经费达到800元,全年共投入资金3000万元。", "3000万元", "30000000", "CNY",
         "funding"),
    # an aside right after a figure is about it
    Case("全县有幼儿园56所(31所民办),小学40所。", "31所", "31", "school", "school_count",
         level="preschool"),
    # levels listed with their nouns (…学校、普通高等学校)
    Case("全省幼儿园、中等职业学校、普通高等学校生均经费增幅分别为5.1%、3.2%、2.8%。",
         "3.2%", "3.2", "percent", "growth_rate", "change", "vocational"),
    Case("全县九年一贯制学校6所。", "6所", "6", "school", "school_count", level="compulsory"),
    # a breakdown in parentheses writes the total's multiplier and leaves its unit out
    Case("全县校舍建筑面积12.5万平方米(小学6.1万、初中4.2万),生均9.8平方米。", "4.2万",
         "42000", "m2", "area", level="junior_secondary"),
    Case("全年教育投入3.6亿元(县级1.2亿、乡镇0.4亿)。", "1.2亿", "120000000", "CNY", "funding"),
    # buildings counted by 栋/幢 are facilities (the unit stays other: SPEC lists no 栋)
    Case("新建综合楼2栋。", "2栋", "2", "other", "facility_count"),
    Case("新建合作企业2家。", "2家", "2", "other", "other"),
    # the vocational track of the entrance exam
    Case("今年高考报名考生5.2万人,其中“三校生”0.8万人。", "0.8万人", "8000", "person",
         "student_count", level="vocational"),
    # preschool teaching points are counted as schools are
    Case("农村小学附设幼教点12个。", "12个", "12", "item", "school_count"),
    # a comparison's verb is no qualifier
    Case("报名人数为3025人,较去年的2875人多出150人。", "2875人", "2875", "person",
         "person_count"),
]


@pytest.mark.parametrize("case", CARRIED_CASES, ids=_ids(CARRIED_CASES))
def test_carried(case: Case) -> None:
    assert _scored(_the(case.text, case.surface)) == _expected(case)


# --- Flattened tables ---------------------------------------------------------------------

SCHOOL_TABLE = """表3  各级学校基本情况

  学校数 在校生数 专任教师
 (所)  (人)   (人)
 1.小  学 45 23150 1320
 2.初  中 18   890
 3.幼 儿 园 60 9870 640
"""
# the unit of a column written over two header lines, a column with no unit of its own
STACKED_TABLE = """  学校数 毕业生数 教职工 #专任
(所) (人) 人  数 教师
      (人)
  1.普通高中 12 5210 2210 1800
  2.中等职业学校 6 3120 910 700
"""
BUDGET_TABLE = """区教育局2024年部门预算
单位:万元
  项目 2023年 2024年
  教育支出 1520.5 1688.2
  一般公共服务支出 32.1 30.5
"""


def _cells(text: str) -> list[tuple[object, ...]]:
    return [
        (m.text, m.value, m.unit.value, m.metric, m.level and m.level.value, m.role.value,
         m.period, m.period_source and m.period_source.value)
        for m in extract(text)
    ]  # fmt: skip


def test_a_table_gives_one_figure_per_cell() -> None:
    assert _cells(SCHOOL_TABLE) == [
        ("45", Decimal(45), "school", "school_count", "primary", "actual", None, None),
        ("23150", Decimal(23150), "person", "student_count", "primary", "actual", None, None),
        ("1320", Decimal(1320), "person", "teacher_count", "primary", "actual", None, None),
        # a blank cell (three spaces) between 18 and 890: 890 is the third column's
        ("18", Decimal(18), "school", "school_count", "junior_secondary", "actual", None, None),
        ("890", Decimal(890), "person", "teacher_count", "junior_secondary", "actual", None,
         None),
        ("60", Decimal(60), "school", "school_count", "preschool", "actual", None, None),
        ("9870", Decimal(9870), "person", "student_count", "preschool", "actual", None, None),
        ("640", Decimal(640), "person", "teacher_count", "preschool", "actual", None, None),
    ]  # fmt: skip


def test_a_header_over_several_lines() -> None:
    assert [row[:5] for row in _cells(STACKED_TABLE)] == [
        ("12", Decimal(12), "school", "school_count", "senior_secondary"),
        ("5210", Decimal(5210), "person", "student_count", "senior_secondary"),
        ("2210", Decimal(2210), "person", "staff_count", "senior_secondary"),
        ("1800", Decimal(1800), "person", "teacher_count", "senior_secondary"),
        ("6", Decimal(6), "school", "school_count", "vocational"),
        ("3120", Decimal(3120), "person", "student_count", "vocational"),
        ("910", Decimal(910), "person", "staff_count", "vocational"),
        ("700", Decimal(700), "person", "teacher_count", "vocational"),
    ]


def test_a_budget_table_with_year_columns() -> None:
    """单位:万元 gives every cell its unit; a year column its period; in a budget the
    year before the document's is actual, its own year's figures are goals."""
    assert _cells(BUDGET_TABLE) == [
        ("1520.5", Decimal(15205000), "CNY", "funding", None, "actual", 2023, "stated"),
        ("1688.2", Decimal(16882000), "CNY", "funding", None, "target", 2024, "stated"),
        ("32.1", Decimal(321000), "CNY", "funding", None, "actual", 2023, "stated"),
        ("30.5", Decimal(305000), "CNY", "funding", None, "target", 2024, "stated"),
    ]


def test_a_table_without_units_gives_nothing() -> None:
    """A bare number is no mention unless something states its unit (SPEC)."""
    text = SCHOOL_TABLE.replace(" (所)  (人)   (人)\n", "")
    assert extract(text) == []


def test_table_spans_are_exact() -> None:
    for text in (SCHOOL_TABLE, STACKED_TABLE, BUDGET_TABLE):
        assert span_errors(text, extract(text)) == []


# --- Periods ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "period", "source"),
    [
        ("2023年全市教育统计公报\n全市共有小学120所,在校生8.5万人。\n", "120所", 2023,
         "document"),
        ("市教育局2023年工作总结\n一、2022年工作回顾\n全市共有小学120所。\n", "120所", 2022,
         "section"),
        ("市教育局2023年工作总结\n2021年全市共有小学120所。\n", "120所", 2021, "stated"),
        ("全市共有小学120所。", "120所", None, None),
    ],
)
def test_period_and_where_it_was_read(
    text: str, surface: str, period: int | None, source: str | None
) -> None:
    m = _the(text, surface)
    assert (m.period, m.period_source and m.period_source.value) == (period, source)


# --- Real tables: .docx and HTML grids ----------------------------------------------------

GRID = "二、义务教育\n指标\t小学\t初中\n招生数\t6.12万人\t5.87万人\n专任教师\t1.86万人\t1.32万人\n"


def test_a_grid_header_gives_each_column_its_level() -> None:
    """指标 | 小学 | 初中: the section says compulsory, the columns say more."""
    assert [(m.text, m.metric, m.level and m.level.value) for m in extract(GRID)] == [
        ("6.12万人", "student_count", "primary"),
        ("5.87万人", "student_count", "junior_secondary"),
        ("1.86万人", "teacher_count", "primary"),
        ("1.32万人", "teacher_count", "junior_secondary"),
    ]


def test_a_grid_header_naming_no_level_changes_nothing() -> None:
    text = GRID.replace("小学\t初中", "2022年\t2023年")
    assert {m.level and m.level.value for m in extract(text)} == {"compulsory"}


def test_a_docx_table_keeps_its_grid(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    grid = [["指标", "小学", "初中"], ["招生数", "6.12万人", "5.87万人"]]
    path = make_docx(tmp_path / "bulletin.docx", ["2023年全市教育事业统计公报", grid])
    doc = read_document(path)
    assert (doc.kind, doc.year) == ("bulletin", 2023)
    assert [table.cells(doc.text) for table in doc.tables] == [
        [["指标", "小学", "初中"], ["招生数", "6.12万人", "5.87万人"]]
    ]
    found = extract_document(doc).mentions
    assert [(m.text, m.level and m.level.value, m.period) for m in found] == [
        ("6.12万人", "primary", 2023),
        ("5.87万人", "junior_secondary", 2023),
    ]


def test_an_html_table_keeps_its_grid(tmp_path: Path) -> None:
    pytest.importorskip("selectolax")
    path = tmp_path / "bulletin.html"
    path.write_text(
        "<html><head><title>公报</title></head><body><h1>2023年教育统计公报</h1>"
        "<table><tr><th>指标</th><th>小学</th><th>初中</th></tr>"
        "<tr><td>专任教师</td><td>1.86万人</td><td>1.32万人</td></tr></table></body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert [table.cells(doc.text) for table in doc.tables] == [
        [["指标", "小学", "初中"], ["专任教师", "1.86万人", "1.32万人"]]
    ]
    found = extract_document(doc).mentions
    assert [(m.text, m.level and m.level.value) for m in found] == [
        ("1.86万人", "primary"),
        ("1.32万人", "junior_secondary"),
    ]
