"""Benchmark fixtures: ``report`` prints the figure of the benchmark that just ran, and the
figures of the whole run are repeated at its end (no -s needed). See benchfigures.py."""
from __future__ import annotations

import pytest
from benchfigures import FIGURES, figure


@pytest.fixture
def report(benchmark):
    """report(label, bar_ms, on="median"|"p95"): from pytest-benchmark's own samples, one per
    round (our rounds run one iteration each)."""
    def done(label: str, bar_ms: float | None = None, on: str = "median") -> None:
        stats = getattr(benchmark, "stats", None)
        if stats is None:  # --benchmark-disable: ran once, nothing to report
            return
        benchmark.extra_info.update(figure(label, stats.stats.data, bar_ms, on))
    return done


def pytest_terminal_summary(terminalreporter):
    if FIGURES:
        terminalreporter.section("Policy Editor figures (shared machine: compare ratios; re-run quiet for absolutes)")
        for text in FIGURES:
            terminalreporter.write_line(text)
