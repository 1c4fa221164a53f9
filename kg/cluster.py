"""Extraction on a Dask cluster: the same triples as a local run, in the same order.

Only :func:`extract_on_cluster` imports Dask (an optional extra, ``pip install kg[dask]``),
so ``kg extract`` without ``--scheduler`` never loads it.

Why it is built this way:

* **Partitions are runs of whole files** (up to :data:`PARTITION_BYTES` of input each), **or
  byte ranges of one big JSONL file** (one article per line): fsspec's ``read_block`` (what
  ``dask.bytes.read_bytes`` reads each block with) cuts it at line ends, so several workers
  share one file. A JSONL document's id is its record's ``id`` or ``FILE#LINE``, so a
  first, cheap pass on the workers counts the lines of each range and every range is
  told the number of its first line; ids, line numbers in warnings and the reading
  report are then those of a whole-file read (:class:`kg.read.JsonlTally`).
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
from .read import (
    EXTENSIONS,
    SNIFF_BYTES,
    JsonlTally,
    ReadReport,
    _is_project_file,
    count_lines,
    discover,
    document_base,
    iter_file,
    jsonl_block_documents,
    sniff_encoding,
    splittable_encoding,
)

PARTITION_BYTES = 256 * 1024  # input bytes per task: ~0.5 s of blank-pipeline work
PARTITION_ENV = "KG_DASK_PARTITION_BYTES"  # another size, e.g. for a slower trained model
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
    stamp: str = ""  # modification time or ETag: tells a rerun that the file changed

    @property
    def is_url(self) -> bool:
        return "://" in self.where

    @property
    def splittable(self) -> bool:
        """A JSONL file of one article per line, big enough to share between workers."""
        return self.where.lower().endswith(".jsonl")


@dataclass(frozen=True)
class Block:
    """The lines of ``source`` that start in bytes ``offset`` to ``offset + length``
    (``fsspec.utils.read_block`` with ``delimiter=b"\\n"``), the first being line
    ``first_line``; ``encoding`` is the whole file's. ``last`` is the file's last block."""

    source: Source
    offset: int
    length: int
    first_line: int
    encoding: str
    last: bool


Partition = list  # list[Source] (whole files) or [Block]

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
    and how often that process has loaded the pipeline (once, if the plugin works).
    ``files`` counts the files it finished (a block finishes its file if it is the last);
    a block's line-level problems come in ``tally``, reported once its file is done."""

    triples: list[Triple]
    report: ReadReport
    files: int
    pid: int
    loads: int
    tally: JsonlTally | None = None


def extract_partition(part: Partition, model: str | None) -> PartitionResult:
    """Run on a worker: read whole files or one block and extract their triples, in order."""
    extractor = load_extractor(model)
    report = ReadReport()
    triples: list[Triple] = []
    tally = None
    with _LOCK:  # one task at a time per process on the shared pipeline
        for piece in part:
            if isinstance(piece, Block):
                tally = JsonlTally()
                triples += _extract_block(extractor, piece, report, tally)
            elif piece.is_url:
                triples += _extract_url(extractor, piece, report)
            else:
                triples += _extract_path(extractor, Path(piece.where), piece, report)
    files = sum(1 for p in part if not isinstance(p, Block) or p.last)
    return PartitionResult(triples, report, files, os.getpid(),
                           LOADS.get(_model_key(model), 0), tally)


def read_range(where: str, offset: int, length: int, head: int = 0) -> tuple[bytes, bytes]:
    """The whole lines that start in this byte range of ``where`` (a path or fsspec URL),
    and the file's first ``head`` bytes (what its encoding is sniffed from)."""
    import fsspec
    from fsspec.utils import read_block

    with fsspec.open(where, "rb") as f:
        start = f.read(head) if head else b""
        return read_block(f, offset, length, delimiter=b"\n"), start


def _extract_block(extractor: Extractor, block: Block, report: ReadReport,
                   tally: JsonlTally) -> list[Triple]:
    src = block.source
    try:
        data, _ = read_range(src.where, block.offset, block.length)
    except Exception as e:  # noqa: BLE001 - an unreadable range is a skip, like a bad file
        report.skip(src.shown, f"cannot read bytes {block.offset}-"
                               f"{block.offset + block.length}: {type(e).__name__}: "
                               f"{str(e)[:120]}")
        return []
    documents = jsonl_block_documents(data, src.shown, block.encoding, report, tally,
                                      first_line=block.first_line,
                                      doc_id=src.doc_base or _name(src.where))
    return list(extractor.extract(_with_source(documents, src.folder_source)))


def count_range(where: str, offset: int, length: int) -> tuple[int, str | None]:
    """Run on a worker, before extraction: the lines ended in this range, and for the
    first range the file's encoding (None if it cannot be cut into ranges: UTF-16,
    binary, unreadable; it is then read whole, which reports why)."""
    try:
        data, head = read_range(where, offset, length, SNIFF_BYTES if offset == 0 else 0)
    except Exception:  # noqa: BLE001 - read whole later, which reports the error
        return 0, None
    encoding = None
    if offset == 0:  # sniffed as the whole-file read sniffs it, from the same bytes
        encoding, problem = sniff_encoding(head)
        if problem or not splittable_encoding(encoding):
            encoding = None
    return count_lines(data), encoding


def _name(where: str) -> str:
    return where.rstrip("/").rsplit("/", 1)[-1] or "document"


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

    name = _name(src.where)
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
                st = path.stat()
                size, stamp = st.st_size, str(st.st_mtime_ns)
            except OSError:
                size, stamp = 0, ""
            out.append(Source(str(path), str(path.resolve()), size,
                              folder_source(path, folders), document_base(path, folders),
                              stamp))
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
            stamp = next((str(info[k]) for k in ("ETag", "etag", "mtime", "LastModified",
                                                 "updated", "created") if info.get(k)), "")
            found.append(Source(full, full, int(info.get("size") or 0),
                                below[0] if len(below) > 1 else None,
                                "/".join(below) or None, stamp))  # ids as for a local folder
        del fsspec
        return found
    except ImportError:
        report.skip(url, "cannot read URLs without fsspec (pip install 'kg[dask]')")
    except Exception as e:  # noqa: BLE001 - a URL that does not list is a skip
        report.skip(url, f"cannot list: {type(e).__name__}: {str(e)[:120]}")
    return []


def partitions(sources: list[Source], max_bytes: int = PARTITION_BYTES,
               split: dict[str, list[Block]] | None = None) -> list[Partition]:
    """Consecutive files grouped up to ``max_bytes``; a bigger file makes its own, or one
    per block if ``split`` has blocks for it (see :func:`blocks_of`)."""
    parts: list[Partition] = []
    current: list[Source] = []
    size = 0
    for src in sources:
        blocks = (split or {}).get(src.where)
        if current and (blocks or size + src.size > max_bytes):
            parts.append(current)
            current, size = [], 0
        if blocks:
            parts += [[b] for b in blocks]
            continue
        current.append(src)
        size += src.size
    if current:
        parts.append(current)
    return parts


def partition_bytes(given: int | None = None) -> int:
    """Input bytes per partition: ``given``, else ``$KG_DASK_PARTITION_BYTES``, else
    :data:`PARTITION_BYTES`."""
    if given is not None:
        return given
    text = os.environ.get(PARTITION_ENV, "").strip()
    if not text:
        return PARTITION_BYTES
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise ClusterError(f"{PARTITION_ENV}={text!r}: give a number of bytes (e.g. 262144)")
    return value


def blocks_of(client, sources: list[Source], max_bytes: int) -> dict[str, list[Block]]:
    """Byte-range blocks of every JSONL file bigger than ``max_bytes``, with their first
    line numbers: the workers count the lines of every range but the last (all at once,
    a read with no parsing), the client adds them up."""
    big = [s for s in sources if s.splittable and s.size > max_bytes]
    counts = {s.where: [client.submit(count_range, s.where, off, max_bytes, pure=False,
                                      retries=1)
                        for off in range(0, s.size, max_bytes)][:-1] for s in big}
    out: dict[str, list[Block]] = {}
    for src in big:
        results = client.gather(counts.pop(src.where))
        encoding = results[0][1]
        if encoding is None:
            continue  # read whole: the reader says why (UTF-16, binary, unreadable)
        offsets = list(range(0, src.size, max_bytes))
        first = 1
        blocks = []
        for i, off in enumerate(offsets):
            blocks.append(Block(src, off, max_bytes, first, encoding, i == len(offsets) - 1))
            if i < len(results):
                first += results[i][0]
        out[src.where] = blocks
    return out


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
                       max_bytes: int | None = None) -> Iterator[Triple]:
    """Triples of every document under ``paths``, extracted by the cluster at ``scheduler``,
    in the order a local run yields them. ``on_start(n_files)`` runs once the inputs are
    listed and ``on_partition(result)`` as each :class:`PartitionResult` arrives."""
    for _index, result in cluster_partitions(paths, scheduler, model=model, report=report,
                                             on_partition=on_partition, on_start=on_start,
                                             client=client, max_bytes=max_bytes):
        yield from result.triples


@dataclass(frozen=True)
class Plan:
    """The partitions of one run, in input order; ``describe()`` is what makes two runs'
    plans the same (a rerun into the same part folder keeps the parts already written)."""

    sources: list[Source]
    parts: list[Partition]

    def describe(self) -> list:
        def source(s: Source) -> list:  # what the triples depend on, not how it was named
            return [s.where, s.size, s.stamp, s.doc_base, s.folder_source]

        def piece(p):
            return [*source(p.source), p.offset, p.length] if isinstance(p, Block) else source(p)
        return [[piece(p) for p in part] for part in self.parts]


def cluster_partitions(paths: Iterable[str | os.PathLike], scheduler: str, *,
                       model: str | None = None, report: ReadReport | None = None,
                       on_partition=None, on_start=None, on_plan=None, client: Any = None,
                       max_bytes: int | None = None
                       ) -> Iterator[tuple[int, PartitionResult]]:
    """``(index, result)`` of every partition, in input order. ``on_plan(plan)`` runs once
    the partitions are known and returns the indices to leave out (parts a rerun already
    has), or None. ``max_bytes``: see :func:`partition_bytes`."""
    report = report if report is not None else ReadReport()
    max_bytes = partition_bytes(max_bytes)
    own = client is None
    client = connect(scheduler) if own else client
    try:
        sources = sources_of(paths, report)
        if not sources:
            return
        if on_start is not None:
            on_start(len(sources))
        client.register_plugin(_plugin_class()(model), name=plugin_name(model))
        threads = _threads(client, scheduler)
        plan = Plan(sources, partitions(sources, max_bytes,
                                        blocks_of(client, sources, max_bytes)))
        skip = (on_plan(plan) if on_plan is not None else None) or set()
        window = max(2, WINDOW_PER_WORKER * threads)
        todo = ((i, p) for i, p in enumerate(plan.parts) if i not in skip)
        pending: deque = deque()
        tallies: dict[str, JsonlTally] = {}

        def submit() -> None:
            item = next(todo, None)
            if item is not None:
                pending.append((item[0], item[1], client.submit(
                    extract_partition, item[1], model, pure=False, retries=1)))

        for _ in range(window):
            submit()
        while pending:
            index, part, future = pending.popleft()
            result = _result(future, scheduler)
            del future  # let the cluster forget the result once we have it
            submit()
            _merge(report, result.report)
            if result.tally is not None:
                _fold_block(report, part[0], result, tallies)
            if on_partition is not None:
                on_partition(result)
            yield index, result
    finally:
        if own:
            client.close()


def _threads(client, scheduler: str) -> int:
    threads = sum(client.nthreads().values())
    if threads == 0:
        try:
            client.wait_for_workers(1, timeout=30)
        except TimeoutError:
            raise ClusterError(f"the Dask scheduler at {scheduler} has no workers "
                               "(start some with `dask worker " f"{scheduler}`)") from None
        threads = sum(client.nthreads().values())
    return threads


def _fold_block(report: ReadReport, block: Block, result: PartitionResult,
                tallies: dict[str, JsonlTally]) -> None:
    """Once the last block of a file is in, report the file as a whole-file read would:
    read (or "no valid records"), its bad lines, its replaced bytes."""
    src = block.source
    tally = tallies.setdefault(src.where, JsonlTally())
    tally.add(result.tally)
    if not block.last:
        return
    del tallies[src.where]
    tally.report_to(report, src.shown, block.encoding)
    if tally.documents:
        report.files_read += 1
    else:
        report.skip(src.shown, "no valid records")
