"""What a released package carries: one version everywhere, a license that matches the
metadata, classifiers and project URLs that name no host, a changelog for users."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import metadata, requires
from pathlib import Path

import pytest
from packaging.requirements import Requirement

import edumetrics

ROOT = Path(__file__).parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
CHANGELOG = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_one_version_everywhere() -> None:
    assert edumetrics.__version__ == "0.2.0"
    assert metadata("edumetrics")["Version"] == edumetrics.__version__
    assert PYPROJECT["project"]["dynamic"] == ["version"]  # read from __init__.py


def test_the_license_file_matches_the_metadata() -> None:
    assert PYPROJECT["project"]["license"] == "MIT"
    assert PYPROJECT["project"]["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n")
    assert "Permission is hereby granted, free of charge" in text
    assert metadata("edumetrics")["License-Expression"] == "MIT"


def test_classifiers_say_what_the_package_is() -> None:
    classifiers = PYPROJECT["project"]["classifiers"]
    for expected in ("Development Status :: ", "Intended Audience :: ", "Operating System :: "):
        assert any(c.startswith(expected) for c in classifiers), expected
    assert "Typing :: Typed" in classifiers


def test_project_urls_point_into_the_repository() -> None:
    urls = PYPROJECT["project"]["urls"]
    assert set(urls) >= {"Documentation", "Changelog"}
    for target in urls.values():
        assert "://" not in target  # no host is named
        assert (ROOT / target).is_file(), target


def test_changelog_is_for_users() -> None:
    headings = re.findall(r"^## (.+)$", CHANGELOG, re.M)
    assert headings[0] == "[Unreleased]"
    version = re.escape(edumetrics.__version__)
    assert re.fullmatch(rf"\[{version}\] - \d{{4}}-\d\d-\d\d", headings[1])
    groups = set(re.findall(r"^### (.+)$", CHANGELOG, re.M))
    assert groups <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}
    assert re.findall(r"\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,40}\b", CHANGELOG) == []


@pytest.mark.parametrize("extra", ["spark", "all"])
def test_the_spark_extra_keeps_a_pandas_pyspark_supports(extra: str) -> None:
    """pyspark warns on every Arrow call with pandas 3 (and pytest makes warnings errors)."""
    pandas = [
        Requirement(r)
        for r in requires("edumetrics") or []
        if Requirement(r).name == "pandas"
        and Requirement(r).marker is not None
        and Requirement(r).marker.evaluate({"extra": extra})  # type: ignore[union-attr]
    ]
    assert pandas
    assert any(not r.specifier.contains("3.0.0") for r in pandas)
