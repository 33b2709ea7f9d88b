"""Shared test configuration: hypothesis profiles and the span-exactness helper."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# "ci" keeps the whole suite within a few minutes on 2 cores; "dev" is the default for a
# developer; "thorough" is for a long local hunt (HYPOTHESIS_PROFILE=thorough).
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=200, deadline=None)
settings.register_profile("thorough", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
