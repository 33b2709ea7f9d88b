"""The documentation: the site builds strictly, every page is in it, the README is a front
page whose commands are CI's and whose links lead somewhere.

The Python examples of README.md and docs/*.md are doctested by pytest itself
(``--doctest-glob`` in pyproject.toml).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
README = (ROOT / "README.md").read_text(encoding="utf-8")


def nav_pages() -> list[str]:
    """The pages mkdocs.yml lists (``- Title: page.md``)."""
    return re.findall(r"^\s+- [^:]+: (\S+\.md)$", (ROOT / "mkdocs.yml").read_text("utf-8"), re.M)


def test_every_page_is_in_the_navigation() -> None:
    assert sorted(nav_pages()) == sorted(p.name for p in DOCS.glob("*.md"))


def test_readme_runs_exactly_what_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = ci.split("# --- the README's test command, verbatim ---\n")[1].strip()
    assert "```bash\n# install everything and run the whole test suite" in README
    assert command in README.splitlines()


def test_readme_links_lead_to_files() -> None:
    links = re.findall(r"\]\(([^)#]+)\)", README)
    assert "docs/index.md" in links
    assert [link for link in links if not (ROOT / link).exists()] == []


def test_readme_links_every_page() -> None:
    assert {f"docs/{page}" for page in nav_pages()} - {"docs/changelog.md"} <= set(
        re.findall(r"\]\(([^)#]+)\)", README)
    )


@pytest.mark.slow
def test_the_site_builds_strictly(tmp_path: Path) -> None:
    pytest.importorskip("mkdocstrings", reason="needs the 'docs' extra")
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "", "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    assert 'id="edumetrics.' in api
    for name in ("extract_many", "PathAsTextError", "MainGuardError", "to_pandas", "extract_df"):
        assert name in api, name
    assert '<span class="gp">&gt;&gt;&gt;' in api  # doctest examples shown as console code
    assert ":class:" not in api  # reST cross-references shown as code
    for page in nav_pages():
        built = site / ("index.html" if page == "index.md" else f"{page[:-3]}/index.html")
        assert built.is_file(), page
    assert "Keep a Changelog" in (site / "changelog" / "index.html").read_text("utf-8")
