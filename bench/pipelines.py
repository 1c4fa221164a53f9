"""Blank vs trained pipeline on every gold set, in one run: P/R/F1 overall and per
relation, speed and peak memory of each.

    python -m bench.pipelines [--trained NAME] [--repeat 3] [--out bench/out/pipelines.json]

Each pipeline runs in a child process of its own under :mod:`bench.rss`, so its peak RSS
is its own (interpreter + spaCy + the model + kg's components) and neither warms the
other's caches. In the child, each gold set's documents are read once, then extracted
``--repeat`` times (the first round's triples are scored; the median round is the speed).
Tokens are counted with the pipeline's tokenizer, so "tokens/s" means the same text for
both. The report lists the triples only the trained pipeline finds (with their rule and
whether the gold has them), which is what the README's "when to use it" rests on.

The gold sets are the ones kg is scored on: the shared seed gold and ``dev_real`` (read from
``../shared`` at run time, never copied) and the four sets in ``tests/data``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from . import DEFAULT_OUT, REPO_DIR

SHARED = REPO_DIR.parent / "shared"
# name → (gold file, documents); the order of the report
_DATA = REPO_DIR / "tests" / "data"
GOLD_SETS: dict[str, tuple[Path, Path]] = {
    "seeds": (SHARED / "eval" / "seeds.gold.jsonl", SHARED / "seeds"),
    "dev_real": (SHARED / "eval" / "dev_real" / "gold.jsonl",
                 SHARED / "eval" / "dev_real" / "docs"),
    **{name: (_DATA / name / "gold.jsonl", _DATA / name)
       for name in ("dev", "dev2", "dev3", "dev4", "heldout_c", "heldout_d")},
}


# -- child: one pipeline, every set -----------------------------------------------------

def run_child(model: str, repeat: int, sets: list[str], out: Path) -> None:
    from kg.evaluate import load_gold, score
    from kg.extractor import Extractor
    from kg.pipeline import iter_documents
    from kg.read import ReadReport

    t0 = time.perf_counter()
    extractor = Extractor(model=model)
    load_s = time.perf_counter() - t0
    nlp = extractor.nlp
    result = {"model": model, "pipe_names": nlp.pipe_names, "load_s": round(load_s, 3),
              "sets": {}}
    for name in sets:
        gold_path, docs_path = GOLD_SETS[name]
        docs = list(iter_documents([docs_path], ReadReport()))
        tokens = sum(len(nlp.tokenizer(d.text)) for d in docs)
        rounds, cpu, triples = [], [], []
        for r in range(max(1, repeat)):
            t, c = time.perf_counter(), time.process_time()
            got = [t_.to_dict() for t_ in extractor.extract(docs)]
            rounds.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
            if r == 0:
                triples = got
        res = score(load_gold(gold_path), triples)
        med = statistics.median(rounds)
        result["sets"][name] = {
            "documents": len(docs), "tokens": tokens, "rounds_s": [round(x, 3) for x in rounds],
            "median_s": round(med, 3), "tokens_per_s": round(tokens / med) if med else None,
            "cpu_rounds_s": [round(x, 3) for x in cpu], "median_cpu_s": round(
                statistics.median(cpu), 3),
            "score": res.to_dict(), "triples": [
                {k: t_[k] for k in ("doc_id", "subject", "relation", "object", "rule",
                                    "negated")} for t_ in triples],
        }
    out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")


# -- parent: both pipelines, then the report --------------------------------------------

def _child(model: str, repeat: int, sets: list[str], workdir: Path) -> dict:
    label = model.replace(":", "_").replace("/", "_")
    data_file = workdir / f"{label}.json"
    rss_file = workdir / f"{label}.rss.json"
    cmd = [sys.executable, "-m", "bench.pipelines", "--child", model, "--repeat", str(repeat),
           "--sets", ",".join(sets), "--out", str(data_file)]
    subprocess.run([sys.executable, "-m", "bench.rss", str(rss_file), "--", *cmd],
                   check=True, cwd=REPO_DIR)
    data = json.loads(data_file.read_text(encoding="utf-8"))
    rss = json.loads(rss_file.read_text(encoding="utf-8"))
    data["peak_rss_mb"] = round(rss["maxrss_kb"] / 1024, 1)
    data["wall_s"] = rss["seconds"]
    return data


# the report counts their triples, never lists them
HELD_OUT_SETS = frozenset({"heldout_c", "heldout_d"})


def only_in(this: dict, other: dict, set_name: str) -> list[dict]:
    """Triples (unique, not negated) that pipeline ``this`` finds and ``other`` does not,
    each marked tp / fp / optional against the gold."""
    from kg.evaluate import doc_key, load_gold, normalize_name

    def keys(triples):
        out = {}
        for t in triples:
            if t["negated"]:
                continue
            k = (doc_key(t["doc_id"]), normalize_name(t["subject"]), t["relation"],
                 normalize_name(t["object"]))
            out.setdefault(k, t)
        return out

    gold = load_gold(GOLD_SETS[set_name][0])
    docs = {g.doc for g in gold}
    b = keys(other["sets"][set_name]["triples"])
    t = keys(this["sets"][set_name]["triples"])
    rows = []
    for k, tri in t.items():
        if k in b or k[0] not in docs:
            continue
        hits = [g for g in gold if g.doc == k[0] and g.matches(k[1], k[2], k[3])]
        verdict = "tp" if any(g.required for g in hits) else "optional" if hits else "fp"
        rows.append({"doc": k[0], "subject": tri["subject"], "relation": tri["relation"],
                     "object": tri["object"], "rule": tri["rule"], "verdict": verdict})
    return sorted(rows, key=lambda r: (r["verdict"], r["doc"], r["relation"]))


def report(results: dict) -> str:
    """The markdown tables BENCHMARKS.md quotes."""
    names = list(results["pipelines"])
    lines = [f"Run {results['started']} → {results['finished']}; "
             f"`{results['command']}`", ""]
    lines += ["**Quality** (micro over unique triples per document; shared scorer semantics)",
              "", "| set | pipeline | P | R | F1 | tp | fp | found / required |",
              "|---|---|---|---|---|---|---|---|"]
    for s in results["sets"]:
        for n in names:
            sc = results["pipelines"][n]["sets"][s]["score"]
            lines.append(f"| {s} | {n} | {sc['P']:.3f} | {sc['R']:.3f} | {sc['F1']:.3f} | "
                         f"{sc['tp']} | {sc['fp']} | {sc['found']} / {sc['required_gold']} |")
    lines += ["", "**Per relation** (P / R / F1, all sets pooled: tp, fp, fn summed)", "",
              "| relation | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    rels = sorted({r for n in names for s in results["sets"]
                   for r in results["pipelines"][n]["sets"][s]["score"]["per_relation"]})
    for rel in rels:
        cells = []
        for n in names:
            tp = fp = fn = 0
            for s in results["sets"]:
                pr = results["pipelines"][n]["sets"][s]["score"]["per_relation"].get(rel)
                if pr:
                    tp, fp, fn = tp + pr["tp"], fp + pr["fp"], fn + pr["fn"]
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            cells.append(f"{p:.2f} / {r:.2f} / {f:.2f} ({tp}, {fp}, {fn})")
        lines.append(f"| {rel} | " + " | ".join(cells) + " |")
    lines += ["", "**Speed and memory** (median of rounds, summed over the sets; one process "
                  "per pipeline; CPU time is the figure to trust on a shared machine)", "",
              "| pipeline | load s | tokens | extract wall s | extract CPU s | tokens/CPU s | "
              "peak RSS MiB |", "|---|---|---|---|---|---|---|"]

    def total(p: dict, key: str) -> float:
        return sum(p["sets"][s][key] for s in results["sets"])

    for n in names:
        p = results["pipelines"][n]
        tok, cpu = total(p, "tokens"), total(p, "median_cpu_s")
        lines.append(f"| {n} | {p['load_s']:.2f} | {tok:,} | {total(p, 'median_s'):.2f} | "
                     f"{cpu:.2f} | {round(tok / cpu):,} | {p['peak_rss_mb']} |")
    if len(names) == 2:
        a, b = (results["pipelines"][n] for n in names)
        lines += ["", f"{names[1]} / {names[0]}: extraction CPU time "
                      f"{total(b, 'median_cpu_s') / total(a, 'median_cpu_s'):.2f}× (wall "
                      f"{total(b, 'median_s') / total(a, 'median_s'):.2f}×), peak RSS "
                      f"{b['peak_rss_mb'] / a['peak_rss_mb']:.2f}×."]
        lines += ["", "**Triples only one pipeline finds** (tp = required gold, fp = not in "
                      "the gold, optional = optional gold)", "",
                  "| set | found only by | verdict | triple | rule |", "|---|---|---|---|---|"]
        for key, who in (("trained_only", names[1]), ("blank_only", names[0])):
            for s, rows in results[key].items():
                if s in HELD_OUT_SETS:  # never read one by one: only how many of each verdict
                    for verdict in sorted({r["verdict"] for r in rows}):
                        n = sum(r["verdict"] == verdict for r in rows)
                        lines.append(f"| {s} | {who} | {verdict} | ({n}, held out: not "
                                     "listed) | |")
                    continue
                for r in rows:
                    lines.append(f"| {s} | {who} | {r['verdict']} | {r['subject']} "
                                 f"{r['relation']} {r['object']} | `{r['rule']}` |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.pipelines", description=__doc__.split(
        "\n\n")[0])
    p.add_argument("--trained", default=None,
                   help="trained pipeline to compare (default: kg.nlp.has_trained_pipeline())")
    p.add_argument("--repeat", type=int, default=3, help="extraction rounds per set; default 3")
    p.add_argument("--sets", default=",".join(GOLD_SETS),
                   help=f"comma-separated, from {','.join(GOLD_SETS)}; default all")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT / "pipelines.json")
    p.add_argument("--child", default=None, help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    sets = [s for s in a.sets.split(",") if s]
    unknown = [s for s in sets if s not in GOLD_SETS]
    if unknown:
        p.error(f"unknown set {', '.join(unknown)}")
    if a.child:
        run_child(a.child, a.repeat, sets, a.out)
        return 0
    from kg.nlp import has_trained_pipeline

    trained = a.trained or has_trained_pipeline()
    if trained is None:
        print("no trained English pipeline with a parser is installed "
              "(pip install --require-hashes --no-deps -r requirements/trained.txt)",
              file=sys.stderr)
        return 1
    workdir = a.out.parent / "pipelines"
    workdir.mkdir(parents=True, exist_ok=True)
    started = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    pipelines = {}
    for model in ("blank:en", trained):
        print(f"running {model} …", file=sys.stderr, flush=True)
        pipelines[model] = _child(model, a.repeat, sets, workdir)
    results = {"started": started,
               "finished": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
               "command": "python -m bench.pipelines " + " ".join(argv or sys.argv[1:]),
               "sets": sets, "pipelines": pipelines,
               "trained_only": {s: only_in(pipelines[trained], pipelines["blank:en"], s)
                                for s in sets},
               "blank_only": {s: only_in(pipelines["blank:en"], pipelines[trained], s)
                              for s in sets}}
    a.out.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    md = report(results)
    a.out.with_suffix(".md").write_text(md, encoding="utf-8")
    print(md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
