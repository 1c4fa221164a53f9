"""bench.pipelines' report lists the triples only one pipeline finds, except for the held-out
set: tests/data/heldout_c is never tuned on, so its differences are only counted."""

from __future__ import annotations

from bench.pipelines import HELD_OUT_SETS, report


def _set() -> dict:
    score = {"P": 1.0, "R": 0.5, "F1": 0.667, "tp": 1, "fp": 0, "found": 1,
             "required_gold": 2, "per_relation": {"BACKS": {"tp": 1, "fp": 0, "fn": 1}}}
    return {"score": score, "tokens": 100, "median_s": 0.1, "median_cpu_s": 0.1}


def test_held_out_triples_are_counted_not_listed():
    held = sorted(HELD_OUT_SETS)[0]
    pipelines = {name: {"load_s": 0.5, "peak_rss_mb": 100, "sets": {"dev": _set(), held: _set()}}
                 for name in ("blank:en", "trained")}
    row = {"verdict": "tp", "subject": "Alpha Front", "relation": "BACKS",
           "object": "Beta Brigade", "rule": "BACKS.verb"}
    results = {"started": "s", "finished": "f", "command": "c", "sets": ["dev", held],
               "pipelines": pipelines,
               "trained_only": {"dev": [dict(row, subject="Gamma Party")], held: [row, row]},
               "blank_only": {"dev": [], held: []}}
    md = report(results)
    assert "Gamma Party BACKS Beta Brigade" in md  # a tuning set's triple is listed
    assert "Alpha Front" not in md  # the held-out set's are not
    assert f"| {held} | trained | tp | (2, held out: not listed) | |" in md
