"""Writing output files without destroying anything on the way.

Every file kg writes (graph, triples, exports) goes through :func:`open_output`:

* a regular file is written to a temp file in the same folder and renamed over the
  target, so a crash, a full disk or a kill leaves the previous file whole;
* ``-`` is standard output, and a device, FIFO or socket (``/dev/stdout``, ``/dev/null``,
  a named pipe) is written *into*: renaming over it would replace the device with a
  plain file;
* a symlink is followed and its target replaced, so the link keeps pointing at the
  updated file; a file with several hard links is rewritten in place (after the whole
  text was written to a temp file, so a failure still leaves it as it was), because a
  rename would cut it off from its other names;
* a path that is an input of the same run (the article being read, the graph being
  exported) is refused with one line.

Temp files are named ``.NAME.kg-tmp-PID-RANDOM.tmp`` beside the target. The ``kg``
command removes its own on SIGTERM (see :mod:`kg.cli.app`); those of a run that was
killed outright (SIGKILL, power loss) are removed by the next write into that folder,
once the process in their name is gone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from .errors import KgError

TEMP_MARK = ".kg-tmp-"
_TEMP_NAME = re.compile(re.escape(TEMP_MARK) + r"(\d+)-[^/]*\.tmp$")


class OutputError(KgError, ValueError):
    """An output path that must not be written (an input of the run, a folder)."""


def is_stdout(path: str | os.PathLike) -> bool:
    return str(path) == "-"


def real_path(path: str | os.PathLike) -> Path:
    """The file a write to ``path`` must change: symlinks followed to their target."""
    return Path(os.path.realpath(path))


def refuse_inputs(output: str | os.PathLike, inputs: Iterable[str | os.PathLike],
                  what: str = "an input of this run") -> None:
    """OutputError if ``output`` is the same file as one of ``inputs`` (any link to it)."""
    if is_stdout(output):
        return
    try:
        out = os.stat(output)
    except OSError:
        return  # a new file cannot be an input
    if not stat.S_ISREG(out.st_mode):
        return  # writing into /dev/stdout or a pipe never destroys the file read
    for given in inputs:
        try:
            st = os.stat(given)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (out.st_dev, out.st_ino):
            raise OutputError(f"refusing to write {output}: it is {what} ({given}); "
                              "choose another output file")


def temp_prefix(target: Path) -> str:
    return f".{target.name}{TEMP_MARK}{os.getpid()}-"


def clean_stale_temps(folder: Path) -> list[Path]:
    """Remove temp files of kg runs that are gone (killed before they could clean up)."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = _TEMP_NAME.search(entry.name)
        if not m or not entry.name.startswith("."):
            continue
        pid = int(m.group(1))
        if pid == os.getpid() or _alive(pid):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def _mode_for(existing: os.stat_result | None) -> int:
    """The mode the replaced file had, or what a plain ``open`` would create."""
    if existing is not None:
        return stat.S_IMODE(existing.st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def open_output(path: str | os.PathLike, *, inputs: Iterable[str | os.PathLike] = (),
                encoding: str = "utf-8", binary: bool = False) -> Iterator[IO]:
    """A text file (``binary``: a bytes file) to write ``path`` through, with the
    guarantees of the module docstring.

    The target changes only when the ``with`` block ends without an exception.
    """
    mode, enc = ("wb", None) if binary else ("w", encoding)
    if is_stdout(path):
        out = sys.stdout.buffer if binary else sys.stdout
        sys.stdout.flush()
        yield out
        out.flush()
        return
    refuse_inputs(path, inputs)
    try:
        existing = os.stat(path)
    except FileNotFoundError:
        existing = None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise OutputError(f"cannot write {path}: it is a folder")
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        # A device or a pipe (/dev/stdout → /proc/self/fd/1 → "pipe:[…]" has no real
        # path to resolve): write into it through the name given.
        with open(path, mode, encoding=enc) as f:
            yield f
        return
    target = real_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale_temps(target.parent)
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(target), suffix=".tmp", dir=target.parent)
    try:
        os.chmod(tmp, _mode_for(existing))  # mkstemp makes 0600; keep the file shareable
        with os.fdopen(fd, mode, encoding=enc) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        if existing is not None and existing.st_nlink > 1:
            _copy_into(tmp, target)  # keep the other hard links pointing at the new text
            os.unlink(tmp)
        else:
            os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _copy_into(source: str, target: Path) -> None:
    with open(source, "rb") as src, open(target, "r+b") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
        dst.truncate()
        dst.flush()
        os.fsync(dst.fileno())


def write_text(path: str | os.PathLike, text: str, *,
               inputs: Iterable[str | os.PathLike] = ()) -> None:
    """Write ``text`` to ``path`` through :func:`open_output`."""
    with open_output(path, inputs=inputs) as f:
        f.write(text)


def is_broken_pipe(e: BaseException) -> bool:
    return isinstance(e, BrokenPipeError) or (isinstance(e, OSError)
                                               and e.errno == errno.EPIPE)
