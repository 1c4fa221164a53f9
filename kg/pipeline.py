"""The data flow end to end: read → extract → (resolve inside extract) → store.

These functions stream: documents are read one file at a time and triples are written
or loaded as they come, so memory does not grow with the corpus (the embedded graph
itself aside).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import KgError
from .model import Document, Triple
from .read import ReadReport, discover, document_base, iter_file


@dataclass
class ExtractReport:
    """What one run saw: files, documents, triples, and the files it skipped and why."""

    read: ReadReport = field(default_factory=ReadReport)
    triples: int = 0
    negated: int = 0
    below_confidence: int = 0

    def summary(self) -> str:
        r = self.read
        parts = [f"{r.files_read} file{'s' if r.files_read != 1 else ''} read",
                 f"{r.documents} document{'s' if r.documents != 1 else ''}",
                 f"{self.triples} triple{'s' if self.triples != 1 else ''}"]
        if self.negated:
            parts.append(f"{self.negated} negated")
        if self.below_confidence:
            parts.append(f"{self.below_confidence} below --min-confidence")
        if r.skipped or r.other_files:
            parts.append(r.skipped_line())
        return ", ".join(parts)


def iter_documents(paths: Iterable[str | os.PathLike], report: ReadReport,
                   on_file: Callable[[Path], None] | None = None) -> Iterator[Document]:
    """Documents of every readable file under ``paths``; unreadable files go to ``report``."""
    paths = list(paths)
    return documents_of(discover(paths, report), report, on_file, roots=paths)


def documents_of(files: Iterable[Path], report: ReadReport,
                 on_file: Callable[[Path], None] | None = None,
                 roots: Iterable[str | os.PathLike] = ()) -> Iterator[Document]:
    """Documents of already discovered ``files``; ``on_file`` runs after each file.

    ``roots`` are the paths the user gave: a file's documents are named by its path below
    the folder among them that holds it (:func:`kg.read.document_base`).
    """
    folders = source_folders(roots)
    for path in files:
        # streams: big files stay in bounded memory
        yield from iter_file(path, report, doc_id=document_base(path, folders))
        if on_file is not None:
            on_file(path)


def extract(paths: Iterable[str | os.PathLike], *, model: str | None = None, workers: int = 1,
            min_confidence: float = 0.0, report: ExtractReport | None = None,
            progress: bool = False, scheduler: str | None = None) -> Iterator[Triple]:
    """Triples from every document under ``paths``, as a stream.

    ``scheduler`` (``tcp://host:8786``) extracts on that Dask cluster instead of here
    (:mod:`kg.cluster`; same triples, same order); ``workers`` is then the cluster's business.
    """
    paths = list(paths)
    report = report if report is not None else ExtractReport()
    if scheduler:
        triples, bar = _cluster_triples(paths, scheduler, model, report, progress)
    else:
        from .extractor import Extractor

        extractor = Extractor(model=model)
        files = list(discover(paths, report.read))
        bar = _progress(len(files), enabled=progress and len(files) > 1)
        documents = with_folder_sources(
            documents_of(files, report.read, on_file=lambda _path: bar.advance(),
                         roots=paths), paths)
        triples = extractor.extract(documents, workers=workers)
    try:
        yield from _kept(triples, min_confidence, report)
    finally:
        bar.close()


def _kept(triples: Iterable[Triple], min_confidence: float,
          report: ExtractReport) -> Iterator[Triple]:
    for t in triples:
        if t.confidence < min_confidence:
            report.below_confidence += 1
            continue
        report.triples += 1
        report.negated += int(t.negated)
        yield t


def build_triples(paths: Iterable[str | os.PathLike], *, min_confidence: float = 0.0,
                  report: ExtractReport | None = None, **extract_opts) -> Iterator[Triple]:
    """Triples for ``kg build``: part folders (:mod:`kg.parts`) are read as they are, the
    other paths extracted (:func:`extract`), in the order given."""
    from itertools import groupby

    from .parts import is_part_folder

    report = report if report is not None else ExtractReport()
    for folders, group in groupby(list(paths), key=is_part_folder):
        if folders:
            for folder in group:
                yield from _kept(read_triples(folder), min_confidence, report)
        else:
            yield from extract(list(group), min_confidence=min_confidence, report=report,
                               **extract_opts)


@dataclass
class PartsRun:
    """What :func:`extract_to_parts` did: parts in the folder, and how many of them an
    earlier run of the same plan had already written (kept, not extracted again)."""

    folder: str
    parts: int = 0
    kept: int = 0


def extract_to_parts(paths: Iterable[str | os.PathLike], folder: str | os.PathLike, *,
                     scheduler: str, model: str | None = None, min_confidence: float = 0.0,
                     report: ExtractReport | None = None, progress: bool = False,
                     max_bytes: int | None = None) -> PartsRun:
    """Extract on the Dask cluster at ``scheduler`` into a part folder (:mod:`kg.parts`):
    one file per partition, the parts in input order holding what :func:`extract` yields."""
    from .cluster import cluster_partitions, partition_bytes
    from .parts import PartWriter

    report = report if report is not None else ExtractReport()
    writer = PartWriter(folder)
    run = PartsRun(str(folder))
    settings = {"model": model or "", "min_confidence": min_confidence,
                "max_bytes": partition_bytes(max_bytes)}
    bar = _LazyBar()

    def on_plan(plan) -> set[int]:
        kept = writer.begin(plan.describe(), settings)
        run.parts, run.kept = len(plan.parts), len(kept)
        return kept

    try:
        for index, result in cluster_partitions(
                paths, scheduler, model=model, report=report.read, on_plan=on_plan,
                on_partition=lambda result: bar.advance(result.files),
                on_start=bar.start if progress else None,
                max_bytes=max_bytes):
            writer.write(index, _kept(result.triples, min_confidence, report))
    finally:
        bar.close()
    if not writer.stamp:  # nothing to read: an empty, complete folder
        writer.begin([], settings)
    writer.finish()
    return run


def with_folder_sources(documents: Iterable[Document],
                        roots: Iterable[str | os.PathLike]) -> Iterator[Document]:
    """Give a document without a named outlet the folder it sits in below a given folder.

    ``kg build corpus/`` over ``corpus/reuters/a.txt`` and ``corpus/ap/b.txt`` makes
    "reuters" and "ap" the sources, so corroboration can count outlets for plain text
    files; files directly inside a given folder (or named one by one) keep no source.
    """
    folders = source_folders(roots)
    for doc in documents:
        if doc.source is None and doc.meta.get("path"):
            doc.source = folder_source(doc.meta["path"], folders)
        yield doc


def source_folders(roots: Iterable[str | os.PathLike]) -> list[Path]:
    return [Path(r) for r in roots if "://" not in os.fspath(r) and Path(r).is_dir()]


def folder_source(path: str | os.PathLike, folders: list[Path]) -> str | None:
    """The first folder of ``path`` below the first of ``folders`` that holds it."""
    for root in folders:
        try:
            parts = Path(path).relative_to(root).parts
        except ValueError:
            continue
        return parts[0] if len(parts) > 1 else None
    return None


def _cluster_triples(paths, scheduler: str, model: str | None, report: ExtractReport,
                     progress: bool):
    from .cluster import extract_on_cluster

    bar = _LazyBar()
    triples = extract_on_cluster(paths, scheduler, model=model, report=report.read,
                                 on_partition=lambda result: bar.advance(result.files),
                                 on_start=bar.start if progress else None)
    return triples, bar


def write_triples(triples: Iterable[Triple], path: str | os.PathLike, *,
                  inputs: Iterable[str | os.PathLike] = ()) -> int:
    """Write JSONL through :func:`kg.outputs.open_output`: a failed run keeps the old file,
    ``-`` and devices are written into, and an input of the run is never overwritten."""
    from .outputs import open_output

    n = 0
    with open_output(path, inputs=inputs) as f:
        for t in triples:
            f.write(t.to_json() + "\n")
            n += 1
    return n


class TriplesFileError(KgError, ValueError):
    """A triples file line that is not a valid triple."""


def read_triples(path: str | os.PathLike) -> Iterator[Triple]:
    """Triples of a triples file, or of a part folder (:mod:`kg.parts`) in input order."""
    path = Path(path)
    if path.is_dir():
        from .parts import iter_part_folder

        yield from iter_part_folder(path, read_triples)
        return
    with path.open(encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                yield Triple.from_dict(json.loads(line))
            except (ValueError, TypeError) as e:
                raise TriplesFileError(f"{path}:{n}: not a valid triple: {e}") from None
            except RecursionError:
                raise TriplesFileError(f"{path}:{n}: not a valid triple: JSON nested too "
                                       "deeply") from None


class _NoBar:
    def advance(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


class _RichBar:
    def __init__(self, total: int):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self._progress = Progress("[progress.description]{task.description}", BarColumn(),
                                  MofNCompleteColumn(), TimeRemainingColumn(),
                                  console=Console(stderr=True), transient=True)
        self._task = self._progress.add_task("extracting", total=total)
        self._progress.start()

    def advance(self, n: int = 1) -> None:
        self._progress.advance(self._task, n)

    def close(self) -> None:
        self._progress.stop()


def _progress(total: int, enabled: bool):
    return _RichBar(total) if enabled else _NoBar()


class _LazyBar:
    """A bar whose total (files) is known only once the cluster run has listed its inputs."""

    def __init__(self) -> None:
        self._bar: _RichBar | _NoBar = _NoBar()

    def start(self, total: int) -> None:
        self._bar = _progress(total, enabled=total > 1)

    def advance(self, n: int = 1) -> None:
        self._bar.advance(n)

    def close(self) -> None:
        self._bar.close()
