"""Shared test configuration: hypothesis profiles, and the order files run in."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

# "ci" keeps the whole suite within a few minutes on 2 cores; "dev" is the default for a
# developer; "thorough" is for a long local hunt (HYPOTHESIS_PROFILE=thorough).
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=200, deadline=None)
settings.register_profile("thorough", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


# The files whose tests wait longest run first: with the suite spread over the cores
# (pytest-xdist, one file per process at a time), their waits then overlap the other files
# rather than end the run alone. The compiled wheel takes minutes to build; Spark starts
# a JVM.
_FIRST = ("test_compiled.py", "test_spark.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: item.path.name not in _FIRST)  # stable: the rest keep order
