"""What the world gazetteer costs: the same code with the hand-written files alone (the
region file and the world's groups) vs the world data under them, measured in the same run
(issue 11's limits: pipeline load ≤ 2 s, peak RSS of ``kg extract`` ≤ 250 MB, extraction
tokens/s ≥ 0.9× the region-only figure).

    python -m bench.world_cost [--rounds 3] [--repeat 4]

Each measurement is a fresh process (so load time and peak RSS are a user's), the two
configurations alternate round by round so a busy machine slows both alike, and the
median of the rounds is reported. The corpus is the repository's texts (``seeds/`` and
``tests/data``) repeated ``--repeat`` times. Finally ``kg extract`` itself runs once on
that corpus with the packaged (world) data for its peak RSS.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CONFIGS = ("region", "world")


def _texts() -> list[Path]:
    files = sorted((REPO / "seeds").glob("*.txt"))
    files += sorted((REPO / "tests" / "data").glob("*/*.txt"))
    return [f for f in files if f.name.lower() != "readme.txt"]


def child(config: str, repeat: int) -> dict:
    """One measurement in this process: build the pipeline, extract the corpus."""
    t0 = time.perf_counter()
    from kg import gazetteer

    if config == "region":
        hand_written = gazetteer.packaged_paths()[1:]  # the groups and region files
        gazetteer.packaged_paths = lambda: hand_written  # the same code, no world layer
    from kg.extractor import Extractor
    from kg.model import Document
    from kg.nlp import load_pipeline

    t1 = time.perf_counter()
    nlp = load_pipeline()
    t2 = time.perf_counter()
    docs = [Document(id=f"{f.name}#{i}", text=f.read_text(encoding="utf-8"))
            for i in range(repeat) for f in _texts()]
    tokens = sum(len(nlp.make_doc(d.text)) for d in docs)
    ex = Extractor(nlp=nlp)
    t3 = time.perf_counter()
    triples = sum(1 for _ in ex.extract(docs))
    t4 = time.perf_counter()
    return {"config": config, "import_s": t1 - t0, "load_s": t2 - t1,
            "tokens": tokens, "triples": triples, "extract_s": t4 - t3,
            "tokens_per_s": tokens / (t4 - t3),
            "actors": len(nlp.get_pipe("kg_entities").gz),
            "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _run_child(config: str, repeat: int) -> dict:
    out = subprocess.run([sys.executable, "-m", "bench.world_cost", "--child", config,
                          "--repeat", str(repeat)], cwd=REPO, capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _kg_extract_rss(repeat: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for i in range(repeat):
            for f in _texts():
                (folder / f"{i}_{f.parent.name}_{f.name}").write_text(
                    f.read_text(encoding="utf-8"), encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        subprocess.run([sys.executable, "-m", "kg", "extract", str(folder), "-o",
                        str(Path(tmp) / "t.jsonl")], cwd=REPO, capture_output=True, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(before, after) / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.world_cost", description=__doc__)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=4, help="copies of the corpus")
    ap.add_argument("--child", choices=CONFIGS, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.repeat)))
        return 0
    runs: dict[str, list[dict]] = {c: [] for c in CONFIGS}
    for _ in range(args.rounds):
        for c in CONFIGS:
            runs[c].append(_run_child(c, args.repeat))
    med = {c: {k: statistics.median(r[k] for r in rs) for k in
               ("load_s", "tokens_per_s", "peak_rss_mib", "extract_s")}
           for c, rs in runs.items()}
    rss = _kg_extract_rss(args.repeat)
    first = runs["world"][0]
    print(f"corpus: {first['tokens']:,} tokens x {args.rounds} rounds; actors: "
          f"region {runs['region'][0]['actors']:,}, world+region {first['actors']:,}")
    print("| | region file only | world data + region | ratio | limit |")
    print("|---|---|---|---|---|")
    r, w = med["region"], med["world"]
    print(f"| pipeline load (s, median) | {r['load_s']:.2f} | {w['load_s']:.2f} | "
          f"{w['load_s'] / r['load_s']:.2f} | ≤ 2 s |")
    print(f"| extraction tokens/s (median) | {r['tokens_per_s']:,.0f} | {w['tokens_per_s']:,.0f} "
          f"| {w['tokens_per_s'] / r['tokens_per_s']:.2f} | ≥ 0.9 |")
    print(f"| peak RSS of the measuring process (MiB) | {r['peak_rss_mib']:.0f} | "
          f"{w['peak_rss_mib']:.0f} | {w['peak_rss_mib'] / r['peak_rss_mib']:.2f} | |")
    print(f"| peak RSS of `kg extract` (MiB) | | {rss:.0f} | | ≤ 250 MB |")
    print("rounds:", json.dumps({c: [round(x["load_s"], 2) for x in rs] for c, rs in runs.items()}),
          json.dumps({c: [round(x["tokens_per_s"]) for x in rs] for c, rs in runs.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
