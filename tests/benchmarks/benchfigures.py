"""Labelled figures for the benchmarks: median and p95 with the DESIGN.md bar beside them,
printed at once and collected for the summary at the end of the run (see conftest.py).

No assertion compares a time with a bar: this machine may be shared and noisy. Where a
comparison is wanted, the baseline is measured in the same run (see the startup benchmark)."""
from __future__ import annotations

import statistics

FIGURES: list[str] = []


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def line(text: str) -> None:
    FIGURES.append(text)
    print("\n" + text)


def figure(label: str, values_s, bar_ms: float | None = None, on: str = "median") -> dict:
    """One labelled line with median and p95 of ``values_s`` (seconds); the bar is checked
    against the median or the p95, as DESIGN.md states it. Returns the figures in ms."""
    result = {"median_ms": statistics.median(values_s) * 1000, "p95_ms": p95(values_s) * 1000, "n": len(values_s)}
    bar = ""
    if bar_ms is not None:
        verdict = "within" if result[f"{on}_ms"] <= bar_ms else "OVER"
        bar = f"  [bar: {on} ≤ {bar_ms:g} ms — {verdict}]"
    line(f"{label}: median {result['median_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms, n={result['n']}{bar}")
    return result
