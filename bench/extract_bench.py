"""Extraction throughput: kg's blank pipeline against the bare spaCy pipeline under it.

The baseline is kg's own ``nlp`` object with only spaCy's built-in sentence splitter and
lemmatizer enabled (``nlp.select_pipes``), so the tokenizer, its special cases and the
lookup tables are literally the same objects; what the ratio measures is the cost of
everything kg adds (entity rules, resolution, relation rules, triple building). The
runs are interleaved (baseline, kg, kg, baseline, …) so that load from other processes on
the shared machine hits both sides alike.

The baseline keeps the lemmatizer (the workload of every earlier measurement), although
kg's extraction skips it since no rule reads lemmas (:func:`kg.nlp.unread_lemmatizers`);
``overhead_ratio_no_lemmatizer`` is the ratio against the baseline without it, so both
are on record.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from pathlib import Path

from .stats import Timer, median, ratio, rounded

# spaCy's own components that kg's blank pipeline is built on; anything else is kg's.
BASE_FACTORIES = ("sentencizer", "senter", "lemmatizer")


def read_documents(corpus_dir: Path) -> list:
    """The corpus as kg reads it (the benchmark holds it in memory; kg itself streams)."""
    from kg.pipeline import iter_documents
    from kg.read import ReadReport

    return list(iter_documents([corpus_dir], ReadReport()))


def load_kg_nlp():
    from kg.nlp import load_pipeline

    return load_pipeline()


def base_pipe_names(nlp) -> list[str]:
    names = []
    for name in nlp.pipe_names:
        factory = nlp.get_pipe_meta(name).factory
        if factory in BASE_FACTORIES:
            names.append(name)
    return names


def bare_pipeline(kg_nlp=None):
    """(nlp, enabled pipe names, how it was made) for the baseline."""
    import spacy

    if kg_nlp is not None:
        base = base_pipe_names(kg_nlp)
        if base:
            return kg_nlp, base, "kg nlp with only " + ", ".join(base) + " enabled"
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp, list(nlp.pipe_names), "spacy.blank('en') + sentencizer + lookup lemmatizer"


def without_lemmatizer(nlp, enable: list[str]) -> list[str]:
    """``enable`` minus the lemmatizer pipes: the bare pipeline of what kg's extraction runs."""
    return [n for n in enable if nlp.get_pipe_meta(n).factory != "lemmatizer"]


def run_spacy(nlp, texts: list[str], enable: list[str] | None = None) -> tuple[float, int, int]:
    """Seconds, sentences and tokens for ``nlp.pipe`` over ``texts``."""
    sentences = tokens = 0
    gc.collect()
    ctx = nlp.select_pipes(enable=enable) if enable is not None else _Null()
    with ctx, Timer() as t:
        for doc in nlp.pipe(texts):
            tokens += len(doc)
            sentences += sum(1 for _ in doc.sents) if doc.has_annotation("SENT_START") else 1
    return t.seconds, sentences, tokens


def component_seconds(nlp, texts: list[str]) -> dict[str, float]:
    """Seconds spent in the tokenizer and in each pipe over ``texts`` (one pass): where
    kg's overhead goes."""
    gc.collect()
    out: dict[str, float] = {}
    with Timer() as t:
        docs = [nlp.make_doc(text) for text in texts]
    out["tokenizer"] = round(t.seconds, 4)
    for name, proc in nlp.pipeline:
        with Timer() as t:
            docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        out[name] = round(t.seconds, 4)
    return out


def run_pool(documents: list, workers: int) -> tuple[float, int]:
    """Seconds and triples for the what-if pool of :mod:`bench.pool_extract`."""
    from .pool_extract import extract_pool

    gc.collect()
    n = 0
    with Timer() as t:
        for _ in extract_pool(documents, workers):
            n += 1
    return t.seconds, n


def same_triples(extractor, documents: list, workers: int) -> bool:
    """The pool yields exactly the triples of ``workers=1``, in the same order."""
    from .pool_extract import extract_pool

    one = [t.to_dict() for t in extractor.extract(iter(documents), workers=1)]
    return one == list(extract_pool(documents, workers))


def run_extractor(extractor, documents: list, workers: int = 1) -> tuple[float, int]:
    """Seconds and triples for the full kg extraction over ``documents``."""
    gc.collect()
    n = 0
    with Timer() as t:
        for _ in extractor.extract(iter(documents), workers=workers):
            n += 1
    return t.seconds, n


class _Null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None


def bench_extraction(corpus_dir: Path, *, repeat: int = 3, workers: Iterable[int] = (2,),
                     max_run_seconds: float = 240.0,
                     log: Callable[[str], None] = print) -> dict:
    """Throughput of bare spaCy, kg's nlp, and full kg extraction over one corpus."""
    from kg.extractor import Extractor

    documents = read_documents(corpus_dir)
    texts = [d.text for d in documents]
    kg_nlp = load_kg_nlp()
    bare_nlp, bare_enable, bare_how = bare_pipeline(load_kg_nlp())
    bare_nolem = without_lemmatizer(bare_nlp, bare_enable)
    extractor = Extractor(model=None)
    # warm up lazy loading (lookup tables, gazetteer patterns) outside the timings
    if documents:
        run_spacy(bare_nlp, texts[:1], bare_enable)
        run_spacy(kg_nlp, texts[:1])
        run_extractor(extractor, documents[:1])

    times: dict[str, list[float]] = {"bare": [], "kg_nlp": [], "kg": [], "bare_no_lemmatizer": []}
    for w in workers:
        times[f"kg_workers{w}"] = []
        times[f"pool_workers{w}"] = []
    sentences = tokens = triples = 0
    for r in range(max(1, repeat)):
        order = (["bare", "kg", "kg_nlp", "bare_no_lemmatizer"] if r % 2 == 0
                 else ["kg", "bare", "bare_no_lemmatizer", "kg_nlp"])
        for what in order:
            if what == "bare":
                sec, sentences, tokens = run_spacy(bare_nlp, texts, bare_enable)
            elif what == "bare_no_lemmatizer":
                sec, _, _ = run_spacy(bare_nlp, texts, bare_nolem)
            elif what == "kg_nlp":
                sec, _, _ = run_spacy(kg_nlp, texts)
            else:
                sec, triples = run_extractor(extractor, documents)
            times[what].append(sec)
        for w in workers:
            sec, _ = run_extractor(extractor, documents, workers=w)
            times[f"kg_workers{w}"].append(sec)
            sec, _ = run_pool(documents, w)
            times[f"pool_workers{w}"].append(sec)
        log(f"  extract round {r + 1}: " + ", ".join(f"{k} {v[-1]:.2f}s" for k, v in times.items()))
        if max(v[-1] for v in times.values()) > max_run_seconds and r + 1 < repeat:
            log(f"  (a run took over {max_run_seconds:.0f}s: stopping after {r + 1} rounds)")
            break

    def rates(key: str) -> dict:
        med = median(times[key])
        return {
            "seconds": [rounded(s, 4) for s in times[key]],
            "median_s": rounded(med, 4),
            "sentences_per_s": rounded(ratio(sentences, med), 1),
            "tokens_per_s": rounded(ratio(tokens, med), 1),
        }

    components = component_seconds(kg_nlp, texts)
    result = {
        "documents": len(documents),
        "sentences": sentences,
        "tokens": tokens,
        "triples": triples,
        "rounds": len(times["bare"]),
        "kg_pipes": list(kg_nlp.pipe_names),
        "bare_pipes": bare_enable,
        "baseline": bare_how,
        "bare": rates("bare"),
        "kg_nlp": rates("kg_nlp"),
        "kg": rates("kg"),
        "skipped_pipes": list(extractor.skipped_pipes),
        "bare_no_lemmatizer_pipes": bare_nolem,
        "bare_no_lemmatizer": rates("bare_no_lemmatizer"),
        # ratios of medians: the target is kg ≤ 2× bare
        "overhead_ratio": rounded(ratio(median(times["kg"]), median(times["bare"])), 3),
        "nlp_overhead_ratio": rounded(ratio(median(times["kg_nlp"]), median(times["bare"])), 3),
        # kg's extraction skips the lemmatizer the baseline runs: the ratio without it
        "overhead_ratio_no_lemmatizer": rounded(
            ratio(median(times["kg"]), median(times["bare_no_lemmatizer"])), 3),
        "component_seconds": components,
    }
    for w in workers:
        key = f"kg_workers{w}"
        result[key] = rates(key)
        result[f"workers{w}_speedup"] = rounded(ratio(median(times["kg"]), median(times[key])), 3)
        pool = f"pool_workers{w}"
        result[pool] = rates(pool)
        result[f"pool{w}_speedup"] = rounded(ratio(median(times["kg"]), median(times[pool])), 3)
        result[f"pool{w}_same_triples"] = same_triples(extractor, documents, w)
    return result
