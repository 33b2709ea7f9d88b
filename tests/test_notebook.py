"""The notebooks of examples/ (quickstart.ipynb, panel.ipynb) run from top to bottom, in a
kernel of this very interpreter.

The kernel spec is written to a temporary directory put first on ``JUPYTER_PATH``, so the
notebook runs with the same Python (and the same installed edumetrics) as the tests,
whatever kernels the machine has registered.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).parent.parent / "examples"
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


@pytest.mark.slow
def test_quickstart_notebook_runs(kernel: str) -> None:
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(EXAMPLES / "quickstart.ipynb", as_version=4)
    client = NotebookClient(
        notebook, timeout=120, kernel_name=kernel, resources={"metadata": {"path": str(EXAMPLES)}}
    )
    client.execute()  # raises CellExecutionError on any failing cell
    code = [outputs(c) for c in notebook.cells if c.cell_type == "code"]
    assert all("stderr" not in o for o in code), [o.get("stderr") for o in code]
    assert any("<mark" in o.get("text/html", "") for o in code), "no highlighted view"
    assert any("image/png" in o for o in code), "no figure"
    assert any("2860万元" in o.get("text/html", "") for o in code), "no DataFrame"


@pytest.mark.slow
def test_panel_notebook_runs(kernel: str) -> None:
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(EXAMPLES / "panel.ipynb", as_version=4)
    client = NotebookClient(
        notebook, timeout=120, kernel_name=kernel, resources={"metadata": {"path": str(EXAMPLES)}}
    )
    client.execute()
    code = [outputs(c) for c in notebook.cells if c.cell_type == "code"]
    assert all("stderr" not in o for o in code), [o.get("stderr") for o in code]
    assert any("image/png" in o for o in code), "no figure"
    html = "".join(o.get("text/html", "") for o in code)
    assert "广东湛江" in html, "no place read from a line label"
    assert "xx区" in html, "no masked place"
    assert "紫阳县政府办公室" in html, "no document metadata"
