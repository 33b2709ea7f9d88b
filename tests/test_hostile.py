"""Issue 24: hostile files, endless inputs, interrupted runs.

Each attack runs where a hang or a blow-up cannot take the test run down with it: in a
child process killed after a generous bound in seconds (a hostile input took tens of
seconds to minutes, or never ended; the fixed code needs well under a second), or with
memory counted in bytes. No bound here measures speed.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from edumetrics import DocumentError, read_document

BOUND = 30.0  # seconds for a child that should take well under one


def run_python(code: str, timeout: float = BOUND) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter; a hang fails the test instead of blocking it."""
    try:
        return subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code)],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running after {timeout} s")


# --- HTML nested without end ----------------------------------------------------------
NESTED = {
    # 1.1 MB; the parser took 30 s, the unclosed one 76 s
    "nested-div": "'<div>' * 100_000 + '学校3所' + '</div>' * 100_000",
    "unclosed-div-span-b": "'<div><span><b>' * 100_000 + '学校3所'",
    # not deep, but wide at depth: 5,000 levels holding 200,000 paragraphs
    "wide-at-depth": "'<div>' * 5_000 + '<p>学校3所</p>' * 200_000",
}


@pytest.mark.parametrize("expr", list(NESTED.values()), ids=list(NESTED))
def test_deeply_nested_html_is_one_failed_file(tmp_path: Path, expr: str) -> None:
    page = tmp_path / "deep.html"
    done = run_python(f"""
        from pathlib import Path
        from edumetrics import DocumentError, read_document
        Path({str(page)!r}).write_text({expr}, encoding="utf-8")
        try:
            read_document({str(page)!r})
        except DocumentError as exc:
            print(exc.reason)
    """)
    assert (done.returncode, "nested" in done.stdout) == (0, True), done.stderr[-500:]


def test_a_page_nested_a_few_hundred_deep_still_reads(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<div>" * 300 + "新建学校3所" + "</div>" * 300, encoding="utf-8")
    assert read_document(page).text == "新建学校3所"


def test_tags_in_scripts_and_comments_do_not_count_as_nesting(tmp_path: Path) -> None:
    page = tmp_path / "script.html"
    noise = "<div>" * 2_000
    page.write_text(
        f"<script>var s = '{noise}';</script><!-- {noise} --><p>新建学校3所</p>",
        encoding="utf-8",
    )
    assert read_document(page).text == "新建学校3所"


def test_deep_nesting_error_is_a_document_error(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<div>" * 5_000, encoding="utf-8")
    with pytest.raises(DocumentError, match="nested more than 1,000 elements deep"):
        read_document(page)
