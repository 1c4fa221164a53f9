"""kg benchmarks: extraction, Neo4j loading, saved queries and memory at 1×, 10×, 100×.

Every figure is measured next to its baseline in the same run (bare spaCy for extraction,
a one-transaction-per-triple loader for Neo4j, 1× for memory), because the machine is
shared and absolute numbers drift while ratios taken minutes apart mostly do not.
Run ``python -m bench --help``; results go to ``bench/out/`` (gitignored).
"""

from __future__ import annotations

from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
DEFAULT_OUT = BENCH_DIR / "out"
