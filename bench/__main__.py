"""``python -m bench``: see ``python -m bench --help`` and BENCHMARKS.md."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import DEFAULT_OUT
from .runner import PARTS, Options, run


def _ints(text: str) -> list[int]:
    try:
        values = [int(v) for v in text.split(",") if v.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a comma-separated list of integers") from None
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError("give positive integers, e.g. 1,10,100")
    return values


def _parts(text: str) -> list[str]:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    unknown = [p for p in parts if p not in PARTS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown part {', '.join(unknown)}; "
                                         f"choose from {', '.join(PARTS)}")
    return parts


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m bench",
        description="kg benchmarks at 1×/10×/100× the sample corpus, each against its "
                    "baseline in the same run (see BENCHMARKS.md).")
    p.add_argument("--scales", type=_ints, default=[1, 10, 100], help="default: 1,10,100")
    p.add_argument("--repeat", type=int, default=3,
                   help="rounds for extraction and load timings (median reported); default 3")
    p.add_argument("--only", type=_parts, default=list(PARTS),
                   help=f"parts to run, comma-separated from {','.join(PARTS)}; default all")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT / "results.json",
                   help="results JSON (a .md table is written next to it); "
                        "default bench/out/results.json")
    p.add_argument("--quick", action="store_true",
                   help="cheap smoke run: 1× only, one round, extraction + queries, "
                        "no Neo4j unless --neo4j URI is given")
    p.add_argument("--seeds", type=Path, default=None,
                   help="folder of sample articles (default: the repository's seeds/)")
    p.add_argument("--seed", type=int, default=13, help="random seed for name variation")
    p.add_argument("--workers", type=_ints, default=[2],
                   help="worker counts compared with workers=1; default 2")
    p.add_argument("--query-runs", type=int, default=20, help="timed runs per query")
    p.add_argument("--query-budget", type=float, default=20.0,
                   help="seconds per query before it stops repeating; default 20")
    p.add_argument("--naive-rows", type=int, default=1000,
                   help="rows both loaders fold for the speed-up (0 = all); default 1000")
    p.add_argument("--batch-size", type=int, default=1000, help="batched loader rows per tx")
    p.add_argument("--neo4j", default="own",
                   help="'own' (start a private server on bolt 7707 / http 7494), 'off', "
                        "or the bolt URI of a running server to use — its database is "
                        "EMPTIED (refused if it holds nodes kg did not write)")
    p.add_argument("--neo4j-user", default="neo4j")
    p.add_argument("--neo4j-password", default=None)
    p.add_argument("--neo4j-database", default="neo4j")
    p.add_argument("--neo4j-home", type=Path, default=None,
                   help="home folder of the private server (default bench/out/neo4j)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    p.add_argument("--strict", action="store_true",
                   help="exit 1 when any part failed or was skipped")
    return p


def options_from(argv: list[str]) -> Options:
    a = parser().parse_args(argv)
    o = Options(scales=a.scales, repeat=max(1, a.repeat), only=a.only, out=a.out,
                seeds=a.seeds, seed=a.seed, workers=a.workers, query_runs=a.query_runs,
                query_budget_s=a.query_budget, naive_rows=a.naive_rows,
                batch_size=a.batch_size, neo4j=a.neo4j, neo4j_user=a.neo4j_user,
                neo4j_password=a.neo4j_password, neo4j_database=a.neo4j_database,
                neo4j_home=a.neo4j_home, quiet=a.quiet, strict=a.strict)
    if a.quick:
        o.scales, o.repeat, o.query_runs, o.query_budget_s = [1], 1, 5, 5.0
        if "--only" not in argv:
            o.only = ["extract", "query"]
        if "--neo4j" not in argv:
            o.neo4j = "off"
    return o


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    options = options_from(argv)
    results = run(options)
    print(options.out.with_suffix(".md").read_text(encoding="utf-8"))
    print(f"results: {options.out}", file=sys.stderr)
    if results["errors"]:
        print(f"{len(results['errors'])} part(s) failed or were skipped: see 'errors' in "
              f"{options.out}", file=sys.stderr)
        return 1 if options.strict else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
