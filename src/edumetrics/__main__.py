"""``python -m edumetrics``: the same as the ``edumetrics`` command."""

from __future__ import annotations

from edumetrics.cli import run

if __name__ == "__main__":
    run()
