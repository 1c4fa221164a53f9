"""Extraction quality on the evaluation sets: the README's figures and their floors.

Every set is extracted with the blank pipeline (:class:`kg.extractor.Extractor`, no trained
model) and scored by the shared reference scorer (``../shared/eval/score.py``), as the
README says. ``tests/test_quality.py`` fails when a set falls below its floor in
:data:`FLOORS`; this module prints the README tables::

    python -m tests.quality            # overall and per-relation tables (Markdown)

``tests/data/heldout_c`` is held out: its figures are reported, never tuned on.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED", REPO.parent / "shared"))
SCORER = SHARED / "eval" / "score.py"


@dataclass(frozen=True)
class EvalSet:
    name: str
    docs: Path
    gold: Path
    role: str


SETS = [
    EvalSet("dev_real", SHARED / "eval" / "dev_real" / "docs",
            SHARED / "eval" / "dev_real" / "gold.jsonl",
            "24 real news openings, many theatres (tuned on)"),
    EvalSet("seeds", SHARED / "seeds", SHARED / "eval" / "seeds.gold.jsonl",
            "reference gold, shaped the rules"),
    EvalSet("dev", REPO / "tests" / "data" / "dev", REPO / "tests" / "data" / "dev" / "gold.jsonl",
            "development set 1 (tuned on)"),
    EvalSet("dev2", REPO / "tests" / "data" / "dev2",
            REPO / "tests" / "data" / "dev2" / "gold.jsonl", "development set 2 (tuned on)"),
    EvalSet("dev3", REPO / "tests" / "data" / "dev3",
            REPO / "tests" / "data" / "dev3" / "gold.jsonl",
            "development set 3: 30 wire-style texts, worldwide (tuned on)"),
    EvalSet("dev4", REPO / "tests" / "data" / "dev4",
            REPO / "tests" / "data" / "dev4" / "gold.jsonl",
            "development set 4: 24 texts written blind in session 8 (tuned on since)"),
    EvalSet("heldout_c", REPO / "tests" / "data" / "heldout_c",
            REPO / "tests" / "data" / "heldout_c" / "gold.jsonl",
            "**held out, never tuned on**"),
    EvalSet("heldout_d", REPO / "tests" / "data" / "heldout_d",
            REPO / "tests" / "data" / "heldout_d" / "gold.jsonl",
            "**held out, never tuned on** (written in session 8, never read by a developer)"),
]

# The floors tests/test_quality.py holds each set to: the figures reached when they were
# last set, rounded down, so that any loss fails. Issue 10's thresholds are TARGETS below;
# every set of TARGETS has its floor at or above its target.
FLOORS = {
    # R 0.766 at the end of session 6, 0.800 in session 7
    # P 0.977 R 0.824 at 7be3a43 (end of session 10)
    "dev_real": (0.97, 0.82),
    "seeds": (0.98, 0.86),
    "dev": (0.99, 0.91),
    "dev2": (0.99, 0.93),
    # added in session 2 at P 0.70 R 0.39 (an annotator's strict gold); R 0.40 with the
    # world's groups (kg/data/gazetteer_groups.jsonl)
    # P 0.775 in session 3 (presence: casualties and owned facilities are no deployment)
    # P 0.809 R 0.545 in session 5 (construction families of the issue-10 note)
    # P 0.835 R 0.564 in session 6 (plain news phrasings: tests/test_constructions_s6*.py)
    # P 0.920 R 0.704 in session 7 (tests/test_constructions_s7*.py)
    # P 0.945 R 0.774 at 7be3a43 (end of session 10)
    "dev3": (0.94, 0.77),
    # written blind in session 8: P 0.831 R 0.407 before any rule saw it (README there)
    # P 0.970 R 0.676 at 7be3a43 after sessions 9-10 tuned on it
    "dev4": (0.97, 0.67),
    # R 0.588 in session 6, 0.595 (78 of 131) in session 7
    # P 0.922 R 0.634 (83 of 131) at 7be3a43
    "heldout_c": (0.92, 0.63),
    # P 0.761 R 0.304 at e721392 (the start of session 8), before any rule could see it
    # P 0.773 R 0.314 at 7be3a43
    "heldout_d": (0.77, 0.31),
}
TARGETS = {"dev_real": (0.85, 0.70), "seeds": (0.85, 0.70), "heldout_c": (0.85, 0.60)}


def available(s: EvalSet) -> bool:
    return s.docs.is_dir() and s.gold.is_file() and SCORER.is_file()


def measure(s: EvalSet, extractor=None) -> dict:
    """The shared scorer's summary and per-relation counts for one set."""
    from kg.extractor import Extractor
    from kg.read import ReadReport, discover, read_file

    extractor = extractor or Extractor()
    report = ReadReport()
    docs = [d for p in discover([s.docs], report) for d in read_file(p, report)
            if not p.name.startswith(("gold", "README"))]
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        pred.write_text("".join(t.to_json() + "\n" for t in extractor.extract(docs)),
                        encoding="utf-8")
        out = subprocess.run([sys.executable, str(SCORER), str(s.gold), str(pred)],
                             capture_output=True, text=True, check=True).stdout
        summary = subprocess.run([sys.executable, str(SCORER), str(s.gold), str(pred),
                                  "--json"], capture_output=True, text=True,
                                 check=True).stdout
    per: dict[str, tuple[int, int, int]] = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[0].isupper() and all(p.isdigit() for p in parts[1:]):
            per[parts[0]] = (int(parts[1]), int(parts[2]), int(parts[3]))
    result = json.loads(summary.strip().splitlines()[-1])
    result["per_relation"] = per
    return result


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "–"


def tables(results: dict[str, dict]) -> str:
    lines = ["| set | role | P | R | F1 | tp | fp | required | floor P / R (test) |",
             "|---|---|---|---|---|---|---|---|---|"]
    for s in SETS:
        r = results.get(s.name)
        if r is None:
            continue
        fp, fr = FLOORS[s.name]
        lines.append(f"| `{s.name}` | {s.role} | {r['P']:.3f} | {r['R']:.3f} | {r['F1']:.3f} "
                     f"| {r['tp']} | {r['fp']} | {r['required_gold']} | {fp:.2f} / {fr:.2f} |")
    names = [s.name for s in SETS if s.name in results]
    rels = sorted({rel for r in results.values() for rel in r["per_relation"]})
    lines += ["", "Per relation, P / R (tp, fp, fn):", "",
              "| relation | " + " | ".join(f"`{n}`" for n in names) + " |",
              "|---|" + "---|" * len(names)]
    for rel in rels:
        cells = []
        for n in names:
            tp, fp, fn = results[n]["per_relation"].get(rel, (0, 0, 0))
            cells.append(f"{_ratio(tp, tp + fp)} / {_ratio(tp, tp + fn)} ({tp}, {fp}, {fn})"
                         if tp + fp + fn else "")
        lines.append(f"| {rel} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.split("\n")[0]).parse_args(argv)
    from kg.extractor import Extractor

    ex = Extractor()
    results = {s.name: measure(s, ex) for s in SETS if available(s)}
    print(tables(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
