"""to_panel and ``edumetrics panel``: many reports to one table of place × period × metric.

The dev documents (tests/data/dev, see its PROVENANCE.md) are the real layouts: a portal
table (c1), a bulletin ranking counties (c3), a repost whose furniture carries other
dates (c5), a page of figures by city (c12), masked names (c14, c15).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import edumetrics
from edumetrics import extract_many, to_panel
from edumetrics.cli import main
from edumetrics.errors import DocumentError, MissingExtraError
from edumetrics.panel import KEY, PANEL_COLUMNS, panel_rows

pd = pytest.importorskip("pandas")

DEV = Path(__file__).parent / "data" / "dev"
DEV_FILES = sorted(DEV.glob("c*.txt"))


@pytest.fixture(scope="module")
def panel() -> object:
    return to_panel(extract_many(DEV_FILES))


def rows_of(panel: object, doc: str) -> object:
    return panel[panel["doc"] == doc]  # type: ignore[index]


def test_columns_in_order(panel: object) -> None:
    assert list(panel.columns) == [name for name, _ in PANEL_COLUMNS]  # type: ignore[attr-defined]
    assert len(DEV_FILES) == 16
    docs = set(panel["doc"])  # type: ignore[index]
    assert docs <= {p.name for p in DEV_FILES}
    assert len(docs) >= 15  # (a flattened table may give no figures yet)


def test_every_row_points_at_its_figure(panel: object) -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in DEV_FILES}
    for row in panel.itertuples():  # type: ignore[attr-defined]
        raw = texts[row.doc]
        assert raw[row.start : row.end] == row.text
        assert row.text in row.sentence
        assert Path(row.path).name == row.doc


def test_a_portal_table_gives_every_figure_its_county(panel: object) -> None:
    c1 = rows_of(panel, "c1.txt")
    assert set(c1["place"]) == {"紫阳县"}  # type: ignore[index]
    assert set(c1["place_source"]) == {"document"}  # type: ignore[index]
    assert set(c1["period"]) == {2021}  # type: ignore[index]
    assert set(c1["title"]) == {"2021年教育基本情况"}  # type: ignore[index]


def test_a_ranking_names_the_county_of_its_figure(panel: object) -> None:
    c3 = rows_of(panel, "c3.txt")
    named = c3[c3["place_source"] == "sentence"]  # type: ignore[index]
    found = dict(zip(named["text"], named["place"], strict=True))
    assert found["30.70%"] == "犍为县"
    assert found["73.10%"] == "马边彝族自治县"
    # the city's own figures name no place: the bulletin does not say which city it is
    assert c3[c3["text"] == "509594万元"]["place"].isna().all()  # type: ignore[index]


def test_furniture_dates_of_a_repost_do_not_make_its_period(panel: object) -> None:
    # c5: a URL with 2022 and a posting date of 2019年11月19日 around a 2018 bulletin
    c5 = rows_of(panel, "c5.txt")
    assert set(c5["period"]) == {2018}  # type: ignore[index]
    assert set(c5["place"]) == {"山東省"}  # type: ignore[index]
    assert "document" in set(c5["period_source"])  # type: ignore[index]


def test_figures_by_city_take_their_line_label(panel: object) -> None:
    c12 = rows_of(panel, "c12.txt")
    by_text = c12.set_index("text")  # type: ignore[attr-defined]
    assert by_text.loc["58238人", "place"] == "广东广州"
    assert by_text.loc["58238人", "place_source"] == "line"
    assert by_text.loc["39.93万人", "place"] == "云南"


def test_masked_places_stay_as_written(panel: object) -> None:
    c14 = rows_of(panel, "c14.txt")
    # the district, and its school where a sentence opens with it (xx中学再次取得…)
    assert set(c14["place"]) == {"xx区", "xx中学"}  # type: ignore[index]
    assert c14["place_masked"].all()  # type: ignore[index]
    # c15's year is masked (20XX): a figure without a stated year has no period
    c15 = rows_of(panel, "c15.txt")
    assert c15["period"].isna().any()  # type: ignore[index]
    assert c15[c15["period"].isna()]["period_source"].isna().all()  # type: ignore[index]


TWO_VALUES = (
    "2021年教育统计公报\n全县小学入学率100%。另据统计,全县小学入学率99.5%。全县小学入学率99.5%。"
)


def test_two_values_under_one_key_are_both_kept_and_flagged() -> None:
    frame = to_panel(extract_many([TWO_VALUES]))
    assert list(frame["value_exact"]) == ["100", "99.5"]
    assert list(frame["conflict"]) == [True, True]
    assert list(frame["occurrences"]) == [1, 2]  # the same value said twice is one row
    assert frame[list(KEY)].drop_duplicates().shape[0] == 1


def test_one_value_per_key_is_no_conflict() -> None:
    frame = to_panel(extract_many(["2021年全县小学入学率100%,初中入学率99%。"]))
    assert not frame["conflict"].any()
    assert list(frame["level"]) == ["primary", "junior_secondary"]


def test_masked_values_conflict_with_nothing() -> None:
    frame = to_panel(extract_many(["全县小学入学率xx.x%。全县小学入学率99%。"]))
    assert list(frame["masked"]) == [True, False]
    assert not frame["conflict"].any()


def test_actual_only_drops_targets_and_changes(panel: object) -> None:
    actual = to_panel(extract_many(DEV_FILES), actual_only=True)
    assert set(actual["role"]) == {"actual"}
    assert len(actual) == (panel["role"] == "actual").sum()  # type: ignore[index]
    assert {"target", "change"} <= set(panel["role"])  # type: ignore[index]


def test_wide_has_a_column_per_metric_and_level_and_empties_conflicts() -> None:
    texts = [TWO_VALUES, "紫阳县2022年教育基本情况\n全县小学入学率100%,初中入学率99%。"]
    wide = to_panel(extract_many(texts), wide=True)
    assert list(wide.columns[:5]) == ["doc", "path", "place", "period", "role"]
    assert "enrollment_rate:primary" in wide.columns
    first, second = wide.to_dict("records")
    assert pd.isna(first["enrollment_rate:primary"])
    assert first["conflicts"] == "enrollment_rate:primary"
    assert second["place"] == "紫阳县"
    assert second["period"] == 2022
    assert second["enrollment_rate:primary"] == 100.0
    assert second["enrollment_rate:junior_secondary"] == 99.0
    assert second["conflicts"] == ""


def test_unreadable_documents_give_no_rows(tmp_path: Path) -> None:
    results = list(extract_many([tmp_path / "missing.txt", "新建小学3所。"]))
    assert isinstance(results[0].error, DocumentError)
    assert [r["doc"] for r in panel_rows(results)] == ["<text 1>"]


def test_one_extraction_is_a_panel_too() -> None:
    result = edumetrics.extract_document("2020年全县新建小学3所。")
    assert list(to_panel(result)["period"]) == [2020]


def test_without_pandas_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r"edumetrics\[pandas\]"):
        to_panel([])


# --- the command ----------------------------------------------------------------------


def test_panel_command_writes_parquet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pyarrow")
    out = tmp_path / "panel.parquet"
    assert main(["panel", str(DEV), "-r", "-o", str(out)]) == 0
    frame = pd.read_parquet(out)
    assert list(frame.columns) == [name for name, _ in PANEL_COLUMNS]
    assert set(frame["doc"]) == set(to_panel(extract_many(DEV_FILES))["doc"])
    assert capsys.readouterr().err == ""


def test_panel_command_writes_csv_and_reports_a_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "panel.csv"
    missing = tmp_path / "missing.txt"
    code = main(["panel", str(DEV / "c1.txt"), str(missing), "-o", str(out), "--actual-only"])
    assert code == 1
    assert f"{missing}: no such file" in capsys.readouterr().err
    frame = pd.read_csv(out)
    assert set(frame["place"]) == {"紫阳县"}
    assert set(frame["role"]) == {"actual"}


def test_panel_command_wide_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["panel", str(DEV / "c12.txt"), "--wide", "--actual-only"]) == 0
    header, *lines = capsys.readouterr().out.splitlines()
    assert header.startswith("doc,path,place,period,role,")
    assert header.endswith(",conflicts")
    assert any(",广东广州,2023,actual," in line for line in lines)


def test_panel_command_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["panel", str(DEV / "c1.txt"), "--format", "parquet"])
    assert exit_info.value.code == 2
    assert "needs --output FILE" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["panel", str(DEV / "c1.txt"), "-o", "panel.jsonl"])
    assert "csv or parquet, not jsonl" in capsys.readouterr().err


def test_a_page_long_sentence_of_figures_does_not_hang() -> None:
    import time

    text = "紫阳县2021年教育基本情况\n" + "城区学校3所、农村学校5所、" * 300 + "。"
    results = list(extract_many([text]))
    started = time.perf_counter()
    frame = to_panel(results)
    assert time.perf_counter() - started < 10  # a bound against a hang, not a speed test
    assert list(zip(frame["place"], frame["value"], frame["occurrences"], strict=True)) == [
        ("城区", 3.0, 300),
        ("农村", 5.0, 300),
    ]
