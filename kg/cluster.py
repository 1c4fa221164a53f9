"""Extraction on a Dask cluster: the same triples as a local run, in the same order.

Only :func:`extract_on_cluster` imports Dask (an optional extra, ``pip install kg[dask]``),
so ``kg extract`` without ``--scheduler`` never loads it.

Why it is built this way:

* **Partitions are runs of whole files** (up to :data:`PARTITION_BYTES` of input each, a big
  file alone). A document's id comes from its file name (and line, for JSONL), so a worker
  that reads a whole file makes exactly the documents a local run makes.
* **Each worker loads the pipeline once**, in a worker plugin's ``setup`` (loading
  costs about a second; a task costs a fraction of that). Tasks of one worker process take
  turns on that pipeline through a lock because spaCy pipelines are not made for concurrent
  calls; give workers one thread and run several per machine (``--nworkers``).
* **Results come back in input order** from a window of futures a few partitions ahead of
  what has been yielded, so memory stays bounded on the client whatever the corpus size.
  Each partition's result is read exactly once, from its future: when a worker dies, Dask
  re-runs its lost tasks elsewhere and the client still receives one result per partition,
  so the output has no duplicates.
* Inputs may be local paths (which must be readable at the same path by the workers: a
  shared file system) or fsspec URLs (``s3://…``, ``gcs://…``, ``file://…``) that the
  workers read themselves.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import KgError
from .extractor import Extractor
from .model import Document, Triple
from .read import EXTENSIONS, ReadReport, _is_project_file, discover, document_base, iter_file

PARTITION_BYTES = 256 * 1024  # input bytes per task: ~0.5 s of blank-pipeline work
WINDOW_PER_WORKER = 3  # partitions in flight per worker thread
CONNECT_TIMEOUT = "10s"


class ClusterError(KgError, RuntimeError):
    """No Dask installed, the scheduler cannot be reached, or the cluster has no workers."""


@dataclass(frozen=True)
class Source:
    """One input file: ``shown`` as the user named it, ``where`` as the workers open it."""

    shown: str
    where: str
    size: int = 0
    folder_source: str | None = None  # see kg.pipeline.with_folder_sources
    doc_base: str | None = None  # document id base, see kg.read.document_base

    @property
    def is_url(self) -> bool:
        return "://" in self.where


# -- worker side ------------------------------------------------------------------------

_LOCK = threading.Lock()
_EXTRACTORS: dict[str, Extractor] = {}
LOADS: dict[str, int] = {}  # model → how often this process loaded it (a test reads it)


def _model_key(model: str | None) -> str:
    return model or ""


def plugin_name(model: str | None) -> str:
    return f"kg-extractor:{_model_key(model) or 'blank'}"


def load_extractor(model: str | None) -> Extractor:
    """The process's extractor for ``model``, loaded on first use only."""
    key = _model_key(model)
    with _LOCK:
        if key not in _EXTRACTORS:
            _EXTRACTORS[key] = Extractor(model=model)
            LOADS[key] = LOADS.get(key, 0) + 1
        return _EXTRACTORS[key]


def _plugin_class():
    from distributed.diagnostics.plugin import WorkerPlugin

    class KgExtractorPlugin(WorkerPlugin):
        """Loads kg's pipeline when a worker starts (or joins later), before any task."""

        def __init__(self, model: str | None):
            self.model = model
            self.name = plugin_name(model)

        def setup(self, worker) -> None:
            load_extractor(self.model)

    return KgExtractorPlugin


@dataclass
class PartitionResult:
    """What one task sends back: its triples and reading report, and which process ran it
    and how often that process has loaded the pipeline (once, if the plugin works)."""

    triples: list[Triple]
    report: ReadReport
    files: int
    pid: int
    loads: int


def extract_partition(sources: list[Source], model: str | None) -> PartitionResult:
    """Run on a worker: read ``sources`` whole and extract their triples, in order."""
    extractor = load_extractor(model)
    report = ReadReport()
    triples: list[Triple] = []
    with _LOCK:  # one task at a time per process on the shared pipeline
        for src in sources:
            if src.is_url:
                triples += _extract_url(extractor, src, report)
            else:
                triples += _extract_path(extractor, Path(src.where), src, report)
    return PartitionResult(triples, report, len(sources), os.getpid(),
                           LOADS.get(_model_key(model), 0))


def _extract_path(extractor: Extractor, path: Path, src: Source,
                  report: ReadReport) -> list[Triple]:
    part = ReadReport()
    documents = iter_file(path, part, doc_id=src.doc_base)
    triples = list(extractor.extract(_with_source(documents, src.folder_source)))
    _merge(report, part, rename=(str(path), src.shown))
    return triples


def _with_source(documents: Iterable[Document], source: str | None) -> Iterator[Document]:
    for doc in documents:
        if doc.source is None:
            doc.source = source
        yield doc


def _extract_url(extractor: Extractor, src: Source, report: ReadReport) -> list[Triple]:
    """Copy the remote file next to nothing else under its own name, then read it as a
    local file would be read (the name makes the document ids)."""
    import fsspec

    name = src.where.rstrip("/").rsplit("/", 1)[-1] or "document"
    with tempfile.TemporaryDirectory(prefix="kg-dask-") as tmp:
        local = Path(tmp) / name
        try:
            with fsspec.open(src.where, "rb") as remote, open(local, "wb") as out:
                shutil.copyfileobj(remote, out, 1 << 20)
        except Exception as e:  # noqa: BLE001 - one unreadable URL is a skip, like a bad file
            report.skip(src.shown, f"cannot read: {type(e).__name__}: {str(e)[:120]}")
            return []
        return _extract_path(extractor, local, src, report)


def _merge(into: ReadReport, part: ReadReport, rename: tuple[str, str] | None = None) -> None:
    into.files_read += part.files_read
    into.documents += part.documents
    for target, items in ((into.skipped, part.skipped), (into.warnings, part.warnings)):
        for item in items:
            if rename and item.path.startswith(rename[0]):
                item.path = rename[1] + item.path[len(rename[0]):]
            target.append(item)


# -- client side ------------------------------------------------------------------------

def sources_of(paths: Iterable[str | os.PathLike], report: ReadReport) -> list[Source]:
    """Input files in the order a local run reads them; URLs are listed with fsspec."""
    from .pipeline import folder_source, source_folders

    paths = [os.fspath(p) for p in paths]
    folders = source_folders(paths)
    out: list[Source] = []
    local: list[str] = []

    def flush() -> None:  # consecutive local paths are discovered together, as locally
        for path in discover(local, report):
            try:
                size = path.stat().st_size
            except OSError:
                size = 0
            out.append(Source(str(path), str(path.resolve()), size,
                              folder_source(path, folders), document_base(path, folders)))
        local.clear()

    for text in paths:
        if "://" in text:
            flush()
            out += _url_sources(text, report)
        else:
            local.append(text)
    flush()
    return out


def _url_sources(url: str, report: ReadReport) -> list[Source]:
    try:
        import fsspec
        from fsspec.core import url_to_fs

        fs, root = url_to_fs(url)
        folder = None
        if any(c in root for c in "*?["):
            names = sorted(fs.glob(root))
        elif fs.isdir(root):
            folder = root.rstrip("/") + "/"
            names = sorted(p for p in fs.find(root) if p.lower().endswith(EXTENSIONS)
                           and not any(part.startswith(".")
                                       for part in p[len(folder):].split("/"))
                           and not _is_project_file(p.rsplit("/", 1)[-1]))
        else:
            names = [root]
        found = []
        for name in names:
            info = fs.info(name)
            if info.get("type") == "directory":
                continue
            full = fs.unstrip_protocol(name)
            below = name[len(folder):].split("/") if folder else []
            found.append(Source(full, full, int(info.get("size") or 0),
                                below[0] if len(below) > 1 else None,
                                "/".join(below) or None))  # ids as for a local folder
        del fsspec
        return found
    except ImportError:
        report.skip(url, "cannot read URLs without fsspec (pip install 'kg[dask]')")
    except Exception as e:  # noqa: BLE001 - a URL that does not list is a skip
        report.skip(url, f"cannot list: {type(e).__name__}: {str(e)[:120]}")
    return []


def partitions(sources: list[Source], max_bytes: int = PARTITION_BYTES) -> list[list[Source]]:
    """Consecutive files grouped up to ``max_bytes``; a bigger file makes its own."""
    parts: list[list[Source]] = []
    current: list[Source] = []
    size = 0
    for src in sources:
        if current and size + src.size > max_bytes:
            parts.append(current)
            current, size = [], 0
        current.append(src)
        size += src.size
    if current:
        parts.append(current)
    return parts


def connect(scheduler: str):
    """A Dask client of ``scheduler`` (``tcp://host:8786``), or one clear error."""
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError("--scheduler needs Dask: pip install 'kg[dask]' "
                           "(dask and distributed)") from None
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as e:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: "
                           f"{str(e).splitlines()[0] if str(e) else type(e).__name__} "
                           "(start one with `dask scheduler`)") from None
    except ValueError as e:
        raise ClusterError(f"invalid Dask scheduler address {scheduler!r}: {e}") from None


def _result(future, scheduler: str) -> PartitionResult:
    from distributed.scheduler import KilledWorker

    try:
        return future.result()
    except KilledWorker:
        raise ClusterError("workers died again and again while extracting one partition "
                           f"(see the worker logs of {scheduler}); out of memory?") from None
    except RuntimeError as e:
        if "deserializ" in str(e):
            raise ClusterError(f"the cluster at {scheduler} cannot run kg's tasks: install "
                               "the same kg (pip install 'kg[dask]') where the scheduler and "
                               "every worker run") from None
        raise


def extract_on_cluster(paths: Iterable[str | os.PathLike], scheduler: str, *,
                       model: str | None = None, report: ReadReport | None = None,
                       on_partition=None, on_start=None, client: Any = None,
                       max_bytes: int = PARTITION_BYTES) -> Iterator[Triple]:
    """Triples of every document under ``paths``, extracted by the cluster at ``scheduler``,
    in the order a local run yields them. ``on_start(n_files)`` runs once the inputs are
    listed and ``on_partition(result)`` as each :class:`PartitionResult` arrives."""
    report = report if report is not None else ReadReport()
    own = client is None
    client = connect(scheduler) if own else client
    try:
        sources = sources_of(paths, report)
        parts = partitions(sources, max_bytes)
        if not parts:
            return
        if on_start is not None:
            on_start(len(sources))
        client.register_plugin(_plugin_class()(model), name=plugin_name(model))
        threads = sum(client.nthreads().values())
        if threads == 0:
            try:
                client.wait_for_workers(1, timeout=30)
            except TimeoutError:
                raise ClusterError(f"the Dask scheduler at {scheduler} has no workers "
                                   "(start some with `dask worker " f"{scheduler}`)") from None
            threads = sum(client.nthreads().values())
        window = max(2, WINDOW_PER_WORKER * threads)
        todo = iter(parts)
        pending: deque = deque()

        def submit() -> None:
            part = next(todo, None)
            if part is not None:
                pending.append(client.submit(extract_partition, part, model, pure=False,
                                             retries=1))

        for _ in range(window):
            submit()
        while pending:
            future = pending.popleft()
            result = _result(future, scheduler)
            del future  # let the cluster forget the result once we have it
            submit()
            _merge(report, result.report)
            if on_partition is not None:
                on_partition(result)
            yield from result.triples
    finally:
        if own:
            client.close()
