"""Small statistics: medians and percentiles of timings, and the machine they ran on."""

from __future__ import annotations

import contextlib
import math
import os
import platform
import statistics
import time
from collections.abc import Sequence
from pathlib import Path


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def percentile(values: Sequence[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0–100): an observed value, never an interpolation,
    so a p95 over 20 runs is the 19th slowest run rather than an invented figure."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def rounded(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


class Timer:
    """``with Timer() as t: ...`` then ``t.seconds`` (perf_counter, wall clock)."""

    def __enter__(self) -> Timer:
        self._start = time.perf_counter()
        self.seconds = 0.0
        return self

    def __exit__(self, *exc) -> None:
        self.seconds = time.perf_counter() - self._start


def machine() -> dict:
    """What the figures were taken on, including the load at the time."""
    info: dict = {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
    }
    with contextlib.suppress(OSError):
        info["loadavg_1_5_15"] = [round(x, 2) for x in os.getloadavg()]
    with contextlib.suppress(OSError, ValueError, IndexError):
        cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
        info["cpu"] = next(x.split(":", 1)[1].strip() for x in cpuinfo
                           if x.startswith("model name"))
    with contextlib.suppress(OSError, ValueError, IndexError, StopIteration):
        meminfo = Path("/proc/meminfo").read_text(encoding="utf-8").splitlines()
        kib = int(next(x for x in meminfo if x.startswith("MemTotal")).split()[1])
        info["memory_gb"] = round(kib / 1024 / 1024, 1)
    for module in ("spacy", "networkx", "grandcypher", "neo4j"):
        try:
            from importlib.metadata import version

            info[module] = version({"grandcypher": "grand-cypher"}.get(module, module))
        except Exception:  # noqa: BLE001 - a missing package is just not reported
            pass
    return info
