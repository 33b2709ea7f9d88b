"""The wheel a regular install builds: its hot modules compiled with mypyc (hatch_build.py).

The rest of the suite runs on the sources (an editable install); these tests build the
wheel as ``pip install .`` would, and check that the compiled build is what it imports,
that it passes the extraction tests and that it gives exactly the records of the sources.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

import edumetrics

ROOT = Path(__file__).parent.parent
TESTS = Path(__file__).parent
CORPUS = sorted((TESTS / "data" / "corpus").glob("*.txt"))
# the modules a wheel compiles: listed once, in pyproject.toml (read by hatch_build.py)
_HOOK = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["hatch"]["build"][
    "targets"
]["wheel"]["hooks"]["custom"]
COMPILED = tuple(
    Path(p).relative_to("src").with_suffix("").as_posix().replace("/", ".")
    for p in _HOOK["compile"]
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (ROOT / "hatch_build.py").exists(), reason="needs the source tree (hatch_build.py)"
    ),
]


def _compiler() -> str | None:
    cc = (sysconfig.get_config_var("CC") or "cc").split()[0]
    return shutil.which(cc)


def _build_wheel(out: Path, **env: str) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
        check=True,
        env={**os.environ, **env},
        capture_output=True,
    )
    (wheel,) = out.glob("edumetrics-*.whl")
    return wheel


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The compiled wheel, unpacked: a directory to put first on PYTHONPATH."""
    if _compiler() is None:
        pytest.skip("no C compiler: a regular install builds the pure-Python wheel")
    tmp = tmp_path_factory.mktemp("compiled")
    wheel = _build_wheel(tmp / "dist", EDUMETRICS_PURE_PYTHON="")
    site = tmp / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)
    return site


def _run(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run(
        [sys.executable, *args], env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_the_wheel_imports_its_compiled_modules(compiled: Path) -> None:
    code = "import importlib as i, sys\nfor m in sys.argv[1:]: print(i.import_module(m).__file__)"
    out = _run(compiled, "-c", code, *COMPILED)
    assert out.returncode == 0, out.stderr
    files = out.stdout.split()
    assert len(files) == len(COMPILED)
    for f in files:
        assert Path(f).is_relative_to(compiled), f  # the wheel's copy, not the sources
        assert f.endswith((".so", ".pyd")), f


def test_the_compiled_build_says_so(compiled: Path) -> None:
    out = _run(compiled, "-m", "edumetrics", "--version")
    assert (out.returncode, out.stdout) == (0, f"edumetrics {edumetrics.__version__} (compiled)\n")


def test_compiled_build_passes_the_extraction_tests(compiled: Path) -> None:
    files = ["test_extract.py", "test_extract_context.py", "test_normalize.py",
             "test_scan.py", "test_robustness.py", "test_corpus_score.py",
             "test_stages.py", "test_numerals.py"]  # fmt: skip
    out = _run(compiled, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
               *(str(TESTS / f) for f in files))  # fmt: skip
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert " passed" in out.stdout


_DUMP = """
import json, sys
import edumetrics
for line in sys.stdin:
    text = json.loads(line)
    print(json.dumps([m.model_dump(mode="json") for m in edumetrics.extract(text)]))
"""


def test_compiled_build_gives_the_records_of_the_sources(compiled: Path) -> None:
    docs = [p.read_text("utf-8") for p in CORPUS]
    texts = [*docs, *(s for d in docs for s in d.split("。")),
             "專任教師1844.37萬人，比上年增長2.9個百分點。", "投资 4 551 万元", "入学率xx.xx%",
             "新建小学3所、初中2所,其中…", "增长-3.5%", "\x00\ufeff①②③", ""]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(compiled)}
    out = subprocess.run(
        [sys.executable, "-c", _DUMP], input="\n".join(json.dumps(t) for t in texts),
        env=env, cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    got = [json.loads(line) for line in out.stdout.splitlines()]
    expected = [[m.model_dump(mode="json") for m in edumetrics.extract(t)] for t in texts]
    assert len(got) == len(texts)
    for text, g, e in zip(texts, got, expected, strict=True):
        assert g == e, text[:60]
    assert sum(map(len, got)) > 300  # the corpus's figures, twice over, were compared


_RULES = """
import pickle, edumetrics
from edumetrics import _build
from edumetrics.extract import _extract_rows
rules = edumetrics.Rules().with_metric("tuition", ["学费"], units=["CNY"])
text = "全年减免学费120万元,新建小学3所。"
print([m.metric for m in edumetrics.extract(text, rules=rules)])
print([m.metric for m in edumetrics.extract(text)])
wire = pickle.loads(pickle.dumps(_build.to_wire(_extract_rows(text, rules))))
print(_build.from_wire(wire, text) == edumetrics.extract(text, rules))
"""


def test_compiled_build_reads_with_the_rule_set_passed(compiled: Path) -> None:
    out = _run(compiled, "-c", _RULES)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        "['tuition', 'school_count']",
        "['funding', 'school_count']",
        "True",
    ]


def test_pure_python_wheel_on_request(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path, EDUMETRICS_PURE_PYTHON="1")
    assert wheel.name.endswith("-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
    assert "edumetrics/_engine.py" in names
    assert not [n for n in names if n.endswith((".so", ".pyd"))]
