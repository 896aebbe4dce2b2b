"""The timing shared by the single-purpose benchmark scripts."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(action: Callable[[], object], runs: int) -> float:
    """The median wall-clock seconds of ``runs`` calls of ``action`` (each script prints
    it beside a floor timed the same way in the same run)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def median_cpu_seconds(action: Callable[[], object], runs: int) -> float:
    """The median CPU seconds of ``runs`` calls of ``action`` (this process's own time:
    what other work on a shared machine takes is not counted)."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return statistics.median(times)
