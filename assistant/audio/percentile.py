"""Percentiles of the few hundred recent values the echo stages learn from, by hand.

numpy's own (`np.percentile`, `np.median`) load `numpy.ma` on first call, 3.7 MB resident; the
standard library's `statistics` loads fractions and decimal, 0.9 MB (bench/import_cost.py).
What they compute here is a sort and a weighted mean of two neighbours (2 us for 100 values,
where `statistics.quantiles` took 12).
"""

from __future__ import annotations

from collections.abc import Iterable


def percentiles(values: Iterable[float], *wanted: float) -> list[float]:
    """numpy's default ("linear") percentiles (0-100) of `values`, which must not be empty."""
    ordered = sorted(values)
    last = len(ordered) - 1
    found = []
    for percent in wanted:
        at = percent / 100 * last
        low = int(at)
        high = min(low + 1, last)
        found.append(ordered[low] + (ordered[high] - ordered[low]) * (at - low))
    return found
