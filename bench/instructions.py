"""Instructions per extraction pass, counted by callgrind: a load-independent cost figure.

Why: on the shared 2-core machine wall-clock ratios of one tree swing by a quarter between
runs, which hides the few per cent that issue 10's cost criterion is about. Callgrind's
instruction count of one pass does not depend on the load, so two trees (a baseline commit
and a tip) can be compared at any time, one after the other.

What is counted: one ``Extractor.extract`` pass (blank pipeline, one worker) over a fixed
corpus, after a warm pass over the same documents; only the counted pass is inside
``functools.reduce``, and callgrind collects only inside that C function
(``--collect-atstart=no --toggle-collect=functools_reduce``). ``--bare`` counts the bare
pipeline (kg's ``nlp`` with only spaCy's sentencizer and lemmatizer, as in the benchmark)
the same way, i.e. the denominator of the benchmark's overhead ratio, and once more without
the lemmatizer (kg's extraction skips it: no rule reads lemmas).

The corpus is built once (``bench.corpus.build_corpus``, default scale 10, with the
gazetteer of the tree this module comes from) and reused for every measured tree, so all
trees read the same texts. Each measured tree's ``kg`` is imported from its own folder
(``--tree PATH``, put first on ``sys.path`` in the child process; the child prints
``kg.__file__``), while this module and the corpus come from the tree it is run from::

    python -m bench.instructions --tree /work/base-f84 --tree . --bare

Each count takes a few minutes (Python under valgrind is ~50× slower). Needs valgrind.
``--wall`` times the same passes instead (no valgrind; hold ``flock -x`` on a quiet machine),
for comparing the clock with the counts; it also times the bare pipeline without its
lemmatizer, which kg's extraction skips since no rule reads lemmas.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from . import DEFAULT_OUT, REPO_DIR

TOGGLE = "functools_reduce"
WALL_ROUNDS = 7


def ensure_corpus(corpus_dir: Path, scale: int, seed: int = 13) -> Path:
    """The corpus folder, built by :func:`bench.corpus.build_corpus` unless it is there."""
    manifest = corpus_dir.parent / f"{corpus_dir.name}.manifest.json"
    if not (corpus_dir.is_dir() and manifest.exists()):
        from .corpus import build_corpus

        build_corpus(scale, corpus_dir, seed=seed)
    return corpus_dir


def callgrind_total(out_file: Path) -> int:
    """The instructions (event ``Ir``) callgrind collected, from its output's summary."""
    total = None
    for line in out_file.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith(("summary:", "totals:")):
            total = int(line.split()[1])
    if total is None:
        raise RuntimeError(f"no summary line in {out_file}")
    return total


def wall(tree: Path, corpus_dir: Path) -> dict:
    """The child's ``wall`` mode (no valgrind): median seconds of kg's pass and of the bare
    pass over the same corpus, and their ratio (hold ``flock -x`` on a quiet machine)."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "child.json"
        subprocess.run([sys.executable, "-m", "bench.instructions", "--child", str(tree),
                        "--mode", "wall", "--corpus", str(corpus_dir), "--report", str(report)],
                       cwd=REPO_DIR, env=dict(os.environ, PYTHONHASHSEED="0"), check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        return json.loads(report.read_text(encoding="utf-8"))


def count(tree: Path, corpus_dir: Path, *, mode: str = "pass",
          keep: Path | None = None) -> dict:
    """Run the child for ``tree`` under callgrind; its figures plus ``instructions`` (and,
    in mode ``components``, ``stages``: instructions per pipeline stage)."""
    with tempfile.TemporaryDirectory() as tmp:
        suffix = "" if mode == "pass" else f".{mode}"
        out_file = (keep or Path(tmp)) / f"callgrind.{tree.name}{suffix}.out"
        out_file.parent.mkdir(parents=True, exist_ok=True)
        for old in out_file.parent.glob(out_file.name + "*"):
            old.unlink()
        report = Path(tmp) / "child.json"
        cmd = ["valgrind", "--tool=callgrind", "--collect-atstart=no",
               f"--toggle-collect={TOGGLE}", f"--callgrind-out-file={out_file}"]
        if mode == "components":
            cmd.append(f"--dump-after={TOGGLE}")  # one output file per stage
        cmd += [sys.executable, "-m", "bench.instructions", "--child", str(tree),
                "--mode", mode, "--corpus", str(corpus_dir), "--report", str(report)]
        # this module from REPO_DIR (cwd comes first on sys.path for -m); the child puts the
        # measured tree ahead of it before it imports kg
        env = dict(os.environ, PYTHONHASHSEED="0")
        subprocess.run(cmd, cwd=REPO_DIR, env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        result = json.loads(report.read_text(encoding="utf-8"))
        if mode == "components":
            # parts are numbered in the order of the dumps; the stages are the last ones
            # (the few reduce calls of imports and the warm pass come first, ~1,700
            # instructions each)
            parts = sorted(out_file.parent.glob(out_file.name + ".*"),
                           key=lambda f: int(f.name.rsplit(".", 1)[1]))
            counts = [callgrind_total(f) for f in parts][-len(result["stages"]):]
            result["stages"] = dict(zip(result["stages"], counts, strict=True))
            result["instructions"] = sum(counts)
        else:
            result["instructions"] = callgrind_total(out_file)
    return result


def child(tree: Path, corpus_dir: Path, report: Path, mode: str) -> None:
    """In the process under valgrind: import ``tree``'s kg, warm up, count one pass.

    Mode ``pass``: one ``Extractor.extract`` pass; ``bare``: the bare pipeline's pass;
    ``components``: the tokenizer, each pipe and the triple building each run over all
    documents in its own ``reduce`` (one callgrind dump each), where the cost goes."""
    import functools
    import gc

    sys.path.insert(0, str(tree.resolve()))
    for name in [m for m in sys.modules if m == "kg" or m.startswith("kg.")]:
        del sys.modules[name]
    import kg
    from kg.extractor import Extractor

    from .extract_bench import bare_pipeline, read_documents

    documents = read_documents(corpus_dir)
    texts = [d.text for d in documents]
    extractor = Extractor(model=None)
    nlp = extractor.nlp
    # the warm pass must not run inside reduce: callgrind toggles collection on every
    # entry to and exit from the toggle function, so only counted work may call it
    warm = sum(1 for _ in extractor.extract(iter(documents)))
    out = {"tree": str(tree), "kg_file": kg.__file__, "documents": len(documents),
           "tokens": sum(len(nlp.make_doc(t)) for t in texts), "mode": mode,
           "warm_pass": warm}
    gc.collect()
    if mode in ("bare", "bare_no_lemmatizer"):
        from .extract_bench import without_lemmatizer

        bare, enable, _ = bare_pipeline(nlp)
        if mode == "bare_no_lemmatizer":
            enable = without_lemmatizer(bare, enable)
        out["pipes"] = list(enable)
        with bare.select_pipes(enable=enable):
            sum(1 for _ in bare.pipe(texts))  # warm
            gc.collect()
            functools.reduce(lambda n, _d: n + 1, bare.pipe(texts), 0)
    elif mode == "components":
        stages = ["tokenizer"]
        docs = functools.reduce(lambda acc, t: acc.append(nlp.make_doc(t)) or acc, texts, [])
        for name, proc in nlp.pipeline:
            stages.append(name)
            functools.reduce(lambda _acc, d, proc=proc: proc(d), docs, None)
        stages.append("triples")
        out["triples"] = functools.reduce(
            lambda n, d: n + sum(1 for _ in extractor.triples(d[0], d[1].id, d[1].date,
                                                              d[1].source)),
            zip(docs, documents, strict=True), 0)
        out["stages"] = stages
    elif mode == "wall":  # not under valgrind: seconds of kg's and the bare pass, alternated
        import time

        from .extract_bench import without_lemmatizer

        bare, enable, _ = bare_pipeline(nlp)
        nolem = without_lemmatizer(bare, enable)
        kg_s, bare_s, nolem_s = [], [], []
        for _ in range(WALL_ROUNDS):
            gc.collect()
            t = time.perf_counter()
            out["triples"] = sum(1 for _ in extractor.extract(iter(documents)))
            kg_s.append(time.perf_counter() - t)
            for pipes, seconds in ((enable, bare_s), (nolem, nolem_s)):
                gc.collect()
                with bare.select_pipes(enable=pipes):
                    t = time.perf_counter()
                    sum(1 for _ in bare.pipe(texts))
                    seconds.append(time.perf_counter() - t)

        def med(xs: list[float]) -> float:
            return sorted(xs)[len(xs) // 2]

        # seconds to 6 places: a 1x bare pass takes a few ms, and the ratio is of these
        out.update(kg_s=round(med(kg_s), 6), bare_s=round(med(bare_s), 6),
                   ratio=round(med(kg_s) / med(bare_s), 3),
                   bare_no_lemmatizer_s=round(med(nolem_s), 6),
                   ratio_no_lemmatizer=round(med(kg_s) / med(nolem_s), 3),
                   skipped=list(getattr(extractor, "skipped_pipes", [])),
                   load=os.getloadavg()[0])
    else:
        out["triples"] = functools.reduce(lambda n, _t: n + 1,
                                          extractor.extract(iter(documents)), 0)
    report.write_text(json.dumps(out), encoding="utf-8")


def commit_of(tree: Path) -> str:
    try:
        return subprocess.run(["git", "-C", str(tree), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.instructions", description=__doc__
                                .split("\n\n")[0])
    p.add_argument("--tree", type=Path, action="append", default=[],
                   help="a checkout whose kg is measured (repeatable; default: this one)")
    p.add_argument("--bare", action="store_true",
                   help="also count the bare pipeline (with the first tree's nlp), with and "
                        "without its lemmatizer")
    p.add_argument("--components", action="store_true",
                   help="count each pipeline stage separately instead of the pass")
    p.add_argument("--wall", action="store_true",
                   help="no valgrind: time the pass and the bare pass on the same corpus "
                        f"({WALL_ROUNDS} rounds, medians) for each tree, in the order given")
    p.add_argument("--scale", type=int, default=10, help="corpus scale (default 10)")
    p.add_argument("--corpus", type=Path, default=None,
                   help="corpus folder (built if missing; default "
                        "bench/out/instructions/corpus<scale>)")
    p.add_argument("--keep", type=Path, default=None,
                   help="folder to keep the callgrind output files in (for callgrind_annotate)")
    p.add_argument("--out", type=Path, default=None, help="also write the results as JSON")
    p.add_argument("--child", type=Path, default=None, help=argparse.SUPPRESS)
    p.add_argument("--report", type=Path, default=None, help=argparse.SUPPRESS)
    p.add_argument("--mode", default="pass", help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    corpus = a.corpus or DEFAULT_OUT / "instructions" / f"corpus{a.scale}"
    if a.child is not None:
        child(a.child, corpus, a.report, a.mode)
        return 0
    ensure_corpus(corpus, a.scale)
    trees = a.tree or [REPO_DIR]
    rows = []
    if a.wall:
        for tree in trees:
            r = wall(tree.resolve(), corpus)
            rows.append(r)
            print(f"{commit_of(tree):>9}  kg {r['kg_s']:.4f} s  bare {r['bare_s']:.4f} s  "
                  f"ratio {r['ratio']:.3f}  (bare without lemmatizer "
                  f"{r['bare_no_lemmatizer_s']:.4f} s, ratio {r['ratio_no_lemmatizer']:.3f})  "
                  f"{r['triples']} triples  load {r['load']:.2f}  skips {r['skipped']}  "
                  f"(kg from {r['kg_file']})", flush=True)
        trees = []
    main_mode = "components" if a.components else "pass"
    jobs = [(t, main_mode) for t in trees]
    if a.bare and trees:
        jobs += [(trees[0], "bare"), (trees[0], "bare_no_lemmatizer")]
    for tree, mode in jobs:
        r = count(tree.resolve(), corpus, mode=mode, keep=a.keep)
        r["commit"] = commit_of(tree)
        rows.append(r)
        what = ("bare pipeline" if mode == "bare" else
                "bare pipeline without its lemmatizer" if mode == "bare_no_lemmatizer" else
                f"{r['triples']} triples")
        print(f"{r['commit']:>9}  {r['instructions'] / 1e9:.3f} G instructions  "
              f"{r['documents']} docs, {r['tokens']} tokens, {what}  (kg from {r['kg_file']})",
              flush=True)
        for stage, n in r.get("stages", {}).items():
            print(f"{'':>11}{n / 1e6:9.1f} M  {stage}", flush=True)
    if a.out:
        a.out.parent.mkdir(parents=True, exist_ok=True)
        a.out.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
