"""Peak RSS of ``kg extract`` and ``kg build`` as separate processes, one per scale.

Extraction must stream, so its peak should not follow the corpus: the figure to watch is
the 100× peak over the 1× peak (target ≤ 1.5). A one-sentence run gives the fixed cost
(interpreter, spaCy, kg's pipeline) so growth above that floor is visible too. ``kg
build`` on the embedded backend necessarily holds the graph, so its growth is reported,
not judged.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

KG = [sys.executable, "-c", "from kg.cli import main; main()"]
FLOOR_TEXT = "The benchmark's floor run reads this single short sentence.\n"


def measure(cmd: list[str], workdir: Path, label: str, cwd: Path | None = None) -> dict:
    """Run ``cmd`` under :mod:`bench.rss` (in ``cwd``, default the repository); peak RSS
    in MiB, wall seconds, exit code."""
    workdir.mkdir(parents=True, exist_ok=True)
    stats_file = workdir / f"{label}.rss.json"
    log_file = workdir / f"{label}.log"
    with log_file.open("w", encoding="utf-8") as log:
        subprocess.run([sys.executable, "-m", "bench.rss", str(stats_file), "--", *cmd],
                       stdout=log, stderr=subprocess.STDOUT, check=False,
                       cwd=cwd or Path(__file__).resolve().parents[1],
                       env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    data = json.loads(stats_file.read_text(encoding="utf-8"))
    result = {"peak_rss_mb": round(data["maxrss_kb"] / 1024, 1), "seconds": data["seconds"],
              "cpu_seconds": data.get("cpu_seconds"), "rc": data["rc"]}
    if data["rc"] != 0:
        tail = log_file.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-3:]
        result["error"] = " | ".join(tail)
    return result


def extract_cmd(corpus: Path, triples_out: Path, workers: int = 1) -> list[str]:
    return [*KG, "extract", str(corpus), "-o", str(triples_out), "--no-progress",
            "--workers", str(workers)]


def build_cmd(corpus: Path, graph_out: Path) -> list[str]:
    return [*KG, "build", str(corpus), "--graph", str(graph_out), "--fresh"]


def floor(workdir: Path) -> dict:
    """Peak RSS of extracting one sentence: what every run pays before any corpus."""
    tiny = workdir / "floor" / "floor.txt"
    tiny.parent.mkdir(parents=True, exist_ok=True)
    tiny.write_text(FLOOR_TEXT, encoding="utf-8")
    return measure(extract_cmd(tiny.parent, workdir / "floor.triples.jsonl"), workdir,
                   "floor_extract")


def bench_memory(corpus: Path, scale: int, workdir: Path, triples_out: Path) -> dict:
    """``kg extract`` (writing ``triples_out``, reused by the load bench) and ``kg build``."""
    ext = measure(extract_cmd(corpus, triples_out), workdir, f"extract_x{scale}")
    build = measure(build_cmd(corpus, workdir / f"graph_x{scale}.json"), workdir,
                    f"build_x{scale}")
    return {"extract": ext, "build": build}
