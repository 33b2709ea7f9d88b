"""The example notebooks run from top to bottom, in a kernel of this very interpreter,
from the repository root and from ``examples/``; they are stored executed.

The kernel spec is written to a temporary directory put first on ``JUPYTER_PATH``, so the
notebooks run with the same Python (and the same installed edumetrics) as the tests,
whatever kernels the machine has registered.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
NOTEBOOKS = sorted(p.name for p in EXAMPLES.glob("*.ipynb"))
KERNEL = "edumetrics-tests"

pytest.importorskip("nbclient", reason="needs the 'notebook' extra")


@pytest.fixture
def kernel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    spec = tmp_path / "kernels" / KERNEL
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": KERNEL, "language": "python"}),
        encoding="utf-8",
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")  # jupyter_core warns without it
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    return KERNEL


def outputs(cell: Any) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for output in cell.get("outputs", []):
        merged.update(output.get("data", {}))
        if output["output_type"] == "stream":
            merged.setdefault(output["name"], "")
            merged[output["name"]] += output["text"]
    return merged


# What each notebook must show: (a mime type, a piece of it) per check.
SHOWS: dict[str, list[tuple[str, str]]] = {
    "quickstart.ipynb": [("text/html", "<mark"), ("image/png", ""), ("text/html", "2860万元")],
    "many_reports.ipynb": [("image/png", ""), ("text/html", "dongshan"), ("text/html", "96.8")],
    # a place read from a line label, a masked place, a document's issuer
    "panel.ipynb": [
        ("image/png", ""),
        ("text/html", "广东湛江"),
        ("text/html", "xx区"),
        ("text/html", "紫阳县政府办公室"),
    ],
}


def shows(code: list[dict[str, Any]], mime: str, piece: str) -> bool:
    return any(mime in o and piece in o[mime] for o in code)


def test_every_notebook_is_checked() -> None:
    assert sorted(SHOWS) == NOTEBOOKS


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebooks_are_stored_executed(name: str) -> None:
    """Opened on a web page or in an editor, a notebook shows its results without a run."""
    import nbformat

    notebook = nbformat.read(EXAMPLES / name, as_version=4)
    cells = [c for c in notebook.cells if c.cell_type == "code"]
    assert [c.execution_count for c in cells] == list(range(1, len(cells) + 1))
    code = [outputs(c) for c in cells]
    assert all("stderr" not in o for o in code)
    for mime, piece in SHOWS[name]:
        assert shows(code, mime, piece), (mime, piece)


@pytest.mark.slow
@pytest.mark.parametrize("cwd", [ROOT, EXAMPLES], ids=["from-root", "from-examples"])
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs(kernel: str, name: str, cwd: Path) -> None:
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(EXAMPLES / name, as_version=4)
    for cell in notebook.cells:  # what the test sees comes from this run
        cell.pop("outputs", None)
    client = NotebookClient(
        notebook, timeout=120, kernel_name=kernel, resources={"metadata": {"path": str(cwd)}}
    )
    client.execute()  # raises CellExecutionError on any failing cell
    code = [outputs(c) for c in notebook.cells if c.cell_type == "code"]
    assert all("stderr" not in o for o in code), [o.get("stderr") for o in code]
    for mime, piece in SHOWS[name]:
        assert shows(code, mime, piece), (mime, piece)
