"""Budgets for one query: time, memory, rows and parameter size.

grand-cypher, the embedded engine, has no limits of its own: it builds every match of a
pattern before it returns, so ``MATCH (a) MATCH (b) MATCH (c) MATCH (d) RETURN count(a)``
on the 49-node seed graph took 70 s and 4 GB, and ``MATCH (a) MATCH (b)`` on 20,000
nodes grew past 13 GB. A thread cannot stop it, so each embedded query runs in a forked
child process (the graph is shared copy-on-write, nothing is copied) whose address space
is capped with ``RLIMIT_AS`` and which is killed at the deadline. The caller's process
never grows with the query, and a query over budget ends with one :class:`QueryBudgetError`.

Defaults, each overridable per call and by an environment variable:

=====================  =======================  ==============================
budget                 default                  environment variable
=====================  =======================  ==============================
time                   10 s                     ``KG_QUERY_TIMEOUT`` (``--timeout``)
memory (embedded)      1024 MB above the graph  ``KG_QUERY_MEMORY_MB``
rows                   100,000                  ``KG_QUERY_MAX_ROWS``
one parameter value    10,000 characters        (fixed)
=====================  =======================  ==============================

On Neo4j the time budget is the transaction timeout (the server stops the query) and the
row budget stops fetching; the server's own memory settings bound its memory.
Where ``fork`` does not exist (Windows) the embedded query runs in-process, unbounded.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from .errors import KgError

DEFAULT_TIMEOUT = 10.0
DEFAULT_MEMORY_MB = 1024
DEFAULT_MAX_ROWS = 100_000
MAX_PARAM_CHARS = 10_000
MAX_PARAM_ITEMS = 10_000

T = TypeVar("T")


class QueryBudgetError(KgError, ValueError):
    """A query that ran out of time, memory or rows, or a parameter value too big."""


def _env_number(name: str, default: float, kind: type = float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise QueryBudgetError(f"{name}={raw!r} is not a number") from None
    if value <= 0:
        raise QueryBudgetError(f"{name} must be greater than 0, not {raw}")
    return value


@dataclass(frozen=True)
class Budget:
    timeout: float | None = DEFAULT_TIMEOUT  # None: no limit (kg's own known statements)
    memory_mb: int = DEFAULT_MEMORY_MB
    max_rows: int = DEFAULT_MAX_ROWS

    @classmethod
    def from_env(cls, timeout: float | None = None) -> Budget:
        """The budget of ``KG_QUERY_*``; an explicit ``timeout`` wins over the variable."""
        return cls(
            timeout=timeout if timeout is not None else _env_number("KG_QUERY_TIMEOUT",
                                                                    DEFAULT_TIMEOUT),
            memory_mb=int(_env_number("KG_QUERY_MEMORY_MB", DEFAULT_MEMORY_MB, int)),
            max_rows=int(_env_number("KG_QUERY_MAX_ROWS", DEFAULT_MAX_ROWS, int)),
        )

    def timed_out(self) -> QueryBudgetError:
        return QueryBudgetError(
            f"query stopped after {self.timeout:g} s (its time budget; raise it with "
            "--timeout or KG_QUERY_TIMEOUT, or narrow the pattern: several MATCH clauses "
            "without a shared node multiply their matches)")

    def out_of_memory(self) -> QueryBudgetError:
        return QueryBudgetError(
            f"query stopped: it needed more than {self.memory_mb} MB (its memory budget; "
            "raise it with KG_QUERY_MEMORY_MB, or narrow the pattern or add LIMIT)")

    def too_many_rows(self, n: int | str) -> QueryBudgetError:
        return QueryBudgetError(
            f"query returned {n} rows, more than its budget of {self.max_rows:,} (add LIMIT, "
            "or raise KG_QUERY_MAX_ROWS)")


def check_params(params: dict[str, Any]) -> None:
    """Refuse parameter values no real question needs (a 1 MB name cost 38 s and 1.5 GB)."""
    for name, value in params.items():
        items = value if isinstance(value, (list, tuple)) else [value]
        if len(items) > MAX_PARAM_ITEMS:
            raise QueryBudgetError(f"parameter {name!r} has {len(items):,} items; at most "
                                   f"{MAX_PARAM_ITEMS:,} are accepted")
        for item in items:
            if isinstance(item, str) and len(item) > MAX_PARAM_CHARS:
                raise QueryBudgetError(
                    f"parameter {name!r} is {len(item):,} characters long; at most "
                    f"{MAX_PARAM_CHARS:,} are accepted (names and phrases are far shorter)")


def _address_space() -> int | None:
    """This process's virtual size in bytes (what RLIMIT_AS counts), if known."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def _limit_memory(megabytes: int) -> None:
    import resource

    base = _address_space()
    if base is None:
        return
    limit = base + megabytes * 1024 * 1024
    with contextlib.suppress(ValueError, OSError):
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def run_budgeted(work: Callable[[], list[T]], budget: Budget) -> list[T]:
    """``work()`` (which returns rows) in a child process held to ``budget``.

    A :class:`KgError` raised by ``work`` comes back as the same class and message;
    anything else the child raises comes back as a :class:`QueryBudgetError` naming it.
    """
    if not hasattr(os, "fork"):
        rows = work()
        if len(rows) > budget.max_rows:
            raise budget.too_many_rows(len(rows))
        return rows
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns, never runs the parent's cleanup
        try:
            os.close(read_fd)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
            _limit_memory(budget.memory_mb)
            try:
                rows = work()
                outcome = (("ok", rows) if len(rows) <= budget.max_rows
                           else ("rows", len(rows)))
            except MemoryError:
                outcome = ("memory", None)
            except KgError as e:
                outcome = ("kgerror", (type(e), str(e)))
            except RecursionError:
                outcome = ("error", "the query is nested too deeply")
            except Exception as e:  # noqa: BLE001 - reported to the parent as one line
                outcome = ("error", f"{type(e).__name__}: {str(e)[:200]}")
            try:
                data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
            except MemoryError:
                data = pickle.dumps(("memory", None))
            except Exception as e:  # noqa: BLE001 - an unpicklable exception class
                data = pickle.dumps(("error", f"{type(e).__name__}: {str(e)[:200]}"))
            view = memoryview(data)
            while view:
                view = view[os.write(write_fd, view):]
        except BaseException:  # noqa: BLE001 - the child must reach os._exit
            pass
        finally:
            os._exit(0)
    os.close(write_fd)
    try:
        deadline = None if budget.timeout is None else time.monotonic() + budget.timeout
        data = _read_until(read_fd, deadline)
    except TimeoutError:
        raise budget.timed_out() from None
    finally:
        os.close(read_fd)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
    return _outcome(data, budget)


def _read_until(fd: int, deadline: float | None) -> bytes:
    chunks: list[bytes] = []
    while True:
        remaining = None if deadline is None else deadline - time.monotonic()
        if remaining is not None and remaining <= 0:
            raise TimeoutError
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            continue
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _outcome(data: bytes, budget: Budget) -> list:
    if not data:  # the child died without a word: killed by the kernel, or a crash
        raise budget.out_of_memory()
    kind, value = pickle.loads(data)  # noqa: S301 - our own child wrote it
    if kind == "ok":
        return value
    if kind == "rows":
        raise budget.too_many_rows(f"{value:,}")
    if kind == "memory":
        raise budget.out_of_memory()
    if kind == "kgerror":
        cls, message = value
        raise cls(message)
    raise QueryBudgetError(f"the embedded engine failed on this query: {value}")
