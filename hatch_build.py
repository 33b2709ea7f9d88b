"""Wheel build hook: compile the extractor's hot modules with mypyc.

``pip install .`` (or building a wheel) compiles the modules listed under ``compile`` in
``[tool.hatch.build.targets.wheel.hooks.custom]`` of pyproject.toml into C extensions,
which Python imports in place of the ``.py`` files beside them (the extractor runs about
1.5 times as fast; see benchmarks/bench.py). The wheel is pure Python instead when

- the install is editable (``pip install -e .``): the sources in ``src/`` are what runs,
  so an edit takes effect without a rebuild and no stale extension can shadow it;
- ``EDUMETRICS_PURE_PYTHON=1`` is set;
- compiling fails (no C compiler, no Python headers): a warning says why.

Both builds give the same records; tests/test_compiled.py checks it.

mypyc is the compiler here because the hot path is already strictly typed Python
(``mypy --strict`` passes): it compiles it unchanged, where Cython would need a second
copy of the code in its own dialect.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PURE_ENV = "EDUMETRICS_PURE_PYTHON"


class MypycBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        if os.environ.get(PURE_ENV, "") not in ("", "0"):
            self.app.display_info(f"{PURE_ENV} is set: building a pure-Python wheel")
            return
        modules = list(self.config.get("compile", []))
        if not modules:
            return
        self._tmp = Path(tempfile.mkdtemp(prefix="edumetrics-mypyc-"))
        try:
            built = compile_modules(Path(self.root), modules, self._tmp)
        except Exception as exc:  # any failure of the toolchain leaves a working wheel
            self.app.display_warning(
                f"edumetrics: compiling {', '.join(modules)} with mypyc failed "
                f"({type(exc).__name__}: {exc}); building a pure-Python wheel instead"
            )
            return
        for path, target in built:
            build_data["force_include"][str(path)] = target
        build_data["pure_python"] = False
        build_data["infer_tag"] = True  # the wheel is for this interpreter and platform

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def compile_modules(root: Path, modules: list[str], work: Path) -> list[tuple[Path, str]]:
    """Compile ``modules`` (paths relative to ``root``) into ``work``; return each built
    extension with its path inside the wheel."""
    from mypyc.build import mypycify
    from setuptools import Distribution  # type: ignore[import-untyped]

    cwd = os.getcwd()
    os.chdir(root)  # mypy reads its configuration ([tool.mypy]) from the project
    try:
        # separate: each module gets its own support library inside the package, rather than
        # one shared library with a hashed name at the top level of site-packages
        extensions = mypycify(modules, opt_level="3", separate=True, target_dir=str(work / "c"))
        dist = Distribution({"name": "edumetrics", "ext_modules": extensions})
        build_ext = dist.get_command_obj("build_ext")
        build_ext.build_lib = str(work / "lib")
        build_ext.build_temp = str(work / "temp")
        build_ext.ensure_finalized()
        build_ext.run()
    finally:
        os.chdir(cwd)
    lib = work / "lib"
    built = [(p, p.relative_to(lib).as_posix()) for p in sorted(lib.rglob("*")) if p.is_file()]
    if not built:
        raise RuntimeError("mypyc produced no extension")
    print(f"edumetrics: compiled {', '.join(modules)} with mypyc", file=sys.stderr)
    return built
