"""One writer at a time per embedded graph file.

``kg load`` and ``kg build`` read the graph, fold triples into it and write it back; two
runs doing that at once would each write their own merge and the last one would win,
silently dropping the other's triples. A lock beside the graph (``graph.json.lock``),
held from the read to the end of the write, makes such runs take turns.

The lock is an OS lock (``flock`` through the maintained ``filelock`` package), so the
kernel drops it when its holder dies: a run killed with SIGKILL leaves no stale lock
behind, only an empty lock file that the next run locks again. Readers (queries,
exports) take no lock: the graph is replaced by an atomic rename, so they always see
a whole file, the one before or the one after a write.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import KgError

LOCK_SUFFIX = ".lock"


class GraphLockTimeout(KgError, RuntimeError):
    """Another run held the graph for longer than the caller was willing to wait."""


def lock_path(graph: str | os.PathLike) -> Path:
    """The lock file of ``graph``: beside the real file, so a symlink and its target
    share one lock."""
    real = Path(os.path.realpath(graph))
    return real.with_name(real.name + LOCK_SUFFIX)


def lock_timeout_from_env() -> float | None:
    """``KG_LOCK_TIMEOUT`` seconds, or None (wait as long as the other run takes)."""
    raw = os.environ.get("KG_LOCK_TIMEOUT", "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise GraphLockTimeout(f"KG_LOCK_TIMEOUT={raw!r} is not a number of seconds") from None
    return max(0.0, value)


class GraphLock:
    """The writer's lock of one graph file; ``acquire`` says when it has to wait."""

    def __init__(self, graph: str | os.PathLike, *, timeout: float | None = None,
                 on_wait: Callable[[str], None] | None = None):
        self.graph = Path(graph)
        self.path = lock_path(graph)
        self.timeout = timeout
        self.on_wait = on_wait
        self._lock: FileLock | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.path), thread_local=False)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            if self.on_wait is not None:
                limit = "" if self.timeout is None else f" (at most {self.timeout:g} s)"
                self.on_wait(f"waiting for {self.graph}: another kg run is writing it{limit}")
            try:
                lock.acquire(timeout=-1 if self.timeout is None else self.timeout)
            except Timeout:
                raise GraphLockTimeout(
                    f"{self.graph} is still being written by another kg run after "
                    f"{self.timeout:g} s (KG_LOCK_TIMEOUT); nothing was changed") from None
        self._lock = lock

    @property
    def held(self) -> bool:
        return self._lock is not None

    def release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> GraphLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
