"""Targets judged from a results dict, and the markdown tables pasted into BENCHMARKS.md."""

from __future__ import annotations

from collections.abc import Iterable

OVERHEAD_MAX = 2.0
LOAD_SPEEDUP_MIN = 10.0
LOAD_RATE_MIN = 20_000.0
LOAD_RATE_SCALE = 100
EXTRACT_RSS_GROWTH_MAX = 1.5
QUERY_SCALE = 10
EMBEDDED_P95_MAX_MS = 1000.0
NEO4J_P95_MAX_MS = 100.0


def _scales(section: dict) -> list[str]:
    return sorted(section, key=int)


def _target(name: str, scale, measured, limit, holds) -> dict:
    return {"target": name, "scale": scale, "measured": measured, "limit": limit,
            "holds": holds}


def evaluate_targets(results: dict) -> list[dict]:
    """Every issue-5 target that this run has a figure for, with holds True/False."""
    out: list[dict] = []
    for s in _scales(results.get("extract", {})):
        r = results["extract"][s]
        if isinstance(r, dict) and r.get("overhead_ratio") is not None:
            out.append(_target("extraction overhead kg/bare ≤ 2.0", int(s), r["overhead_ratio"],
                               OVERHEAD_MAX, r["overhead_ratio"] <= OVERHEAD_MAX))
    for s in _scales(results.get("load", {})):
        r = results["load"][s]
        if isinstance(r, dict) and r.get("speedup") is not None:
            out.append(_target("batched/naive Neo4j load speed-up ≥ 10×", int(s), r["speedup"],
                               LOAD_SPEEDUP_MIN, r["speedup"] >= LOAD_SPEEDUP_MIN))
    r = results.get("load", {}).get(str(LOAD_RATE_SCALE))
    if isinstance(r, dict) and "batched_all" in r:
        rate = r["batched_all"]["rels_per_s"]
        out.append(_target("batched Neo4j load ≥ 20,000 rels/s at 100×", LOAD_RATE_SCALE, rate,
                           LOAD_RATE_MIN, rate is not None and rate >= LOAD_RATE_MIN))
    mem = results.get("memory", {})
    base = _peak(mem.get("1"), "extract")
    for s in _scales(mem):
        if s == "1" or base is None:
            continue
        peak = _peak(mem[s], "extract")
        if peak is not None and int(s) == max(map(int, mem)):
            growth = round(peak / base, 3)
            out.append(_target(f"kg extract peak RSS {s}× / 1× ≤ 1.5", int(s), growth,
                               EXTRACT_RSS_GROWTH_MAX, growth <= EXTRACT_RSS_GROWTH_MAX))
    for backend, limit in (("networkx", EMBEDDED_P95_MAX_MS), ("neo4j", NEO4J_P95_MAX_MS)):
        per_scale = results.get("query", {}).get(backend, {})
        queries = per_scale.get(str(QUERY_SCALE))
        if not isinstance(queries, dict):
            continue
        for name, q in sorted(queries.items()):
            if not isinstance(q, dict):
                continue
            p95 = q.get("p95_ms")
            holds = p95 is not None and p95 <= limit and "error" not in q
            out.append(_target(f"{backend} query {name} p95 ≤ {limit:g} ms", QUERY_SCALE, p95,
                               limit, holds))
    return out


def _peak(entry, which: str):
    if not isinstance(entry, dict):
        return None
    item = entry.get(which)
    if isinstance(item, dict) and item.get("rc") == 0:
        return item.get("peak_rss_mb")
    return None


def _fmt(value, digits: int = 0) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _table(header: Iterable[str], rows: Iterable[Iterable]) -> list[str]:
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines + [""]


def markdown(results: dict) -> str:
    """The results as markdown tables (medians and ratios), in BENCHMARKS.md's order."""
    lines: list[str] = []
    m = results.get("machine", {})
    lines.append(f"Run {results.get('started', '?')} → {results.get('finished', '?')} on "
                 f"{m.get('cpus', '?')} CPUs ({m.get('cpu', '?')}), {m.get('memory_gb', '?')} GB; "
                 f"load average at start {m.get('loadavg_1_5_15', '?')}; "
                 f"options `{results.get('command', '')}`.")
    lines.append("")
    corpus = results.get("corpus", {})
    if corpus:
        lines.append("**Corpus**")
        lines.append("")
        lines += _table(["scale", "files", "documents", "words", "triples extracted", "source"], [
            [f"{s}×", _fmt(c.get("files")), _fmt(c.get("documents")), _fmt(c.get("words")),
             _fmt(results.get("triples", {}).get(s)), c.get("source", "")]
            for s, c in ((s, corpus[s]) for s in _scales(corpus))])
    ext = {s: r for s, r in results.get("extract", {}).items() if isinstance(r, dict)
           and "bare" in r}
    if ext:
        lines.append("**Extraction** (median of rounds; ratio = kg time / bare time)")
        lines.append("")
        lines += _table(["scale", "rounds", "bare sent/s", "bare tok/s", "kg sent/s", "kg tok/s",
                         "overhead kg/bare", "kg / bare without lemmatizer",
                         "kg nlp only / bare", "workers=2 speed-up",
                         "what-if pool of 2 speed-up"], [
            [f"{s}×", r["rounds"], _fmt(r["bare"]["sentences_per_s"]),
             _fmt(r["bare"]["tokens_per_s"]), _fmt(r["kg"]["sentences_per_s"]),
             _fmt(r["kg"]["tokens_per_s"]), _fmt(r["overhead_ratio"], 2),
             _fmt(r.get("overhead_ratio_no_lemmatizer"), 2),
             _fmt(r["nlp_overhead_ratio"], 2), _fmt(r.get("workers2_speedup"), 2),
             _fmt(r.get("pool2_speedup"), 2)
             + ("" if r.get("pool2_same_triples", True) else " (different triples!)")]
            for s, r in ((s, ext[s]) for s in _scales(ext))])
    comp = {s: r["component_seconds"] for s, r in ext.items() if r.get("component_seconds")}
    if comp:
        names = list(next(iter(comp.values())))
        lines.append("**Where extraction time goes** (one pass of kg's pipeline, seconds per "
                     "component; `kg_*` are kg's, the rest are spaCy's)")
        lines.append("")
        lines += _table(["scale", *names], [
            [f"{s}×", *(_fmt(comp[s].get(n), 3) for n in names)] for s in _scales(comp)])
    load = {s: r for s, r in results.get("load", {}).items() if isinstance(r, dict)
            and "naive" in r}
    if load:
        lines.append("**Neo4j load** (relationships/s = evidence rows folded per second; "
                     "speed-up on the same rows)")
        lines.append("")
        lines += _table(["scale", "rows (subset)", "naive rels/s", "batched rels/s (subset)",
                         "speed-up", "same graph", "rows (all)", "batched rels/s (all)",
                         "plain-MERGE rels/s (all)", "batched / plain"], [
            [f"{s}×", _fmt(r["naive"]["rows"]), _fmt(r["naive"]["rels_per_s"]),
             _fmt(r["batched_subset"]["rels_per_s"]), _fmt(r["speedup"], 1),
             _fmt(r["same_graph"]), _fmt(r["batched_all"]["rows"]),
             _fmt(r["batched_all"]["rels_per_s"]),
             _fmt(r.get("engine_all", {}).get("rels_per_s")),
             _fmt(r.get("batched_vs_engine"), 2)]
            for s, r in ((s, load[s]) for s in _scales(load))])
    lines += _query_table(results.get("query", {}))
    mem = results.get("memory", {})
    mem_rows = []
    fl = results.get("memory_floor")
    if isinstance(fl, dict):
        mem_rows.append(["floor (1 sentence)", _fmt(fl.get("peak_rss_mb"), 1), "–", "–",
                         _fmt(fl.get("seconds"), 1), "–"])
    base = _peak(mem.get("1"), "extract")
    for s in _scales(mem):
        r = mem[s]
        if not isinstance(r, dict):
            continue
        pe, pb = _peak(r, "extract"), _peak(r, "build")
        growth = round(pe / base, 2) if pe and base else None
        mem_rows.append([f"{s}×", _fmt(pe, 1), _fmt(growth, 2),
                         _fmt(pb, 1), _fmt(r.get("extract", {}).get("seconds"), 1),
                         _fmt(r.get("build", {}).get("seconds"), 1)])
    if mem_rows:
        lines.append("**Memory** (peak RSS of one process, MiB)")
        lines.append("")
        lines += _table(["scale", "kg extract", "extract / 1×", "kg build (embedded)",
                         "extract s", "build s"], mem_rows)
    targets = results.get("targets", [])
    if targets:
        lines.append("**Targets**")
        lines.append("")
        lines += _table(["target", "scale", "measured", "limit", "holds"], [
            [t["target"], f"{t['scale']}×", _fmt(t["measured"], 2), _fmt(t["limit"], 1),
             "✅" if t["holds"] else "❌"] for t in targets])
    errors = results.get("errors", [])
    if errors:
        lines.append("**Errors and skipped parts**")
        lines.append("")
        lines += [f"- {e.get('section')} {e.get('scale', '')}: {e.get('error')}" for e in errors]
        lines.append("")
    return "\n".join(lines)


def _query_table(query: dict) -> list[str]:
    names: set[str] = set()
    scales: set[str] = set()
    for per_scale in query.values():
        for s, qs in per_scale.items():
            if isinstance(qs, dict):
                scales.add(s)
                names.update(qs)
    if not names:
        return []
    ordered = sorted(scales, key=int)
    header = ["query"]
    for s in ordered:
        header += [f"embedded {s}× p50/p95 ms", f"Neo4j {s}× p50/p95 ms"]
    rows = []
    for name in sorted(names):
        row = [f"`{name}`"]
        for s in ordered:
            for backend in ("networkx", "neo4j"):
                q = query.get(backend, {}).get(s, {}).get(name)
                if not isinstance(q, dict):
                    row.append("–")
                elif "error" in q and q.get("p95_ms") is None:
                    row.append("error")
                else:
                    row.append(f"{_fmt(q.get('p50_ms'), 1)} / {_fmt(q.get('p95_ms'), 1)}")
        rows.append(row)
    out = ["**Saved queries** (example parameters from each query's header; "
           "p50 / p95 over the timed runs)", "", *_table(header, rows)]
    both = [(s, n) for s in ordered for n in sorted(names)
            if isinstance(query.get("networkx", {}).get(s, {}).get(n), dict)
            and isinstance(query.get("neo4j", {}).get(s, {}).get(n), dict)]
    if both:
        differ = [f"`{n}` at {s}× ({query['networkx'][s][n].get('rows')} embedded vs "
                  f"{query['neo4j'][s][n].get('rows')} Neo4j rows)" for s, n in both
                  if query["networkx"][s][n].get("rows") != query["neo4j"][s][n].get("rows")]
        out += [("Row counts differ between the backends: " + "; ".join(differ) + ".")
                if differ else
                f"Both backends returned the same number of rows for all {len(both)} "
                "query × scale pairs.", ""]
    return out
