"""A folder of part files: the triples of a cluster run, one file per Dask partition.

``kg extract BIG.jsonl -o out/ --scheduler ...`` writes ``out/part-00000.jsonl``,
``out/part-00001.jsonl``… and ``out/_kg_parts.json``; ``kg load out/`` and ``kg build out/``
read the parts back in input order, so the folder stands for the one triples file a local
run writes (the same lines, in the same order, cut into pieces).

Why it is built this way:

* **Names sort in input order**: the partition number, zero-padded to one width per run.
* **Each part is written whole or not at all** (a temp file renamed over it, see
  :func:`kg.outputs.open_output`), so a part that exists is complete.
* **Reruns are safe**: the manifest holds a fingerprint of the run's plan (every input's
  name, size and modification stamp, how the inputs were cut, the model and the confidence
  floor). A rerun with the same plan keeps the parts already written and extracts only the
  missing ones (after a killed client, say); a different plan is refused rather than mixed
  with old parts. The manifest says ``complete`` only once every part is written, and
  readers refuse an incomplete folder.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import KgError
from .model import Triple
from .outputs import open_output, write_text

MANIFEST = "_kg_parts.json"
FORMAT = "kg-parts/1"


class PartFolderError(KgError, ValueError):
    """A part folder that is incomplete, of another run, or not a part folder at all."""


def is_part_folder(path: str | os.PathLike) -> bool:
    return os.path.isfile(Path(path) / MANIFEST)  # False, not an error, for a closed folder


def wants_part_folder(output: str) -> bool:
    """``-o out/`` (a trailing slash) or ``-o out`` naming an existing folder."""
    return output != "-" and (output.endswith(("/", os.sep)) or os.path.isdir(output))


def part_name(index: int, total: int) -> str:
    return f"part-{index:0{max(5, len(str(max(total - 1, 0))))}d}.jsonl"


def fingerprint(plan: list, settings: dict) -> str:
    text = json.dumps({"plan": plan, "settings": settings}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class PartWriter:
    """Writes one run's parts into ``folder`` (see the module docstring)."""

    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)
        self.total = 0
        self.stamp = ""

    def begin(self, plan: list, settings: dict) -> set[int]:
        """Claim the folder for a run of ``plan``; returns the parts an earlier run of the
        same plan left there (to be kept, not extracted again)."""
        self.total, self.stamp = len(plan), fingerprint(plan, settings)
        old = self._manifest()
        if old is None:
            self._refuse_foreign_files()
        elif old.get("plan") != self.stamp:
            raise PartFolderError(
                f"{self.folder} holds the parts of another run (other inputs, model or "
                "--min-confidence); remove it or write to another folder")
        kept = {i for i in range(self.total) if (self.folder / part_name(i, self.total)).is_file()}
        self._write_manifest(complete=False)
        return kept

    def write(self, index: int, triples: Iterable[Triple]) -> int:
        n = 0
        with open_output(self.folder / part_name(index, self.total)) as f:
            for t in triples:
                f.write(t.to_json() + "\n")
                n += 1
        return n

    def finish(self) -> None:
        missing = [i for i in range(self.total)
                   if not (self.folder / part_name(i, self.total)).is_file()]
        if missing:
            raise PartFolderError(f"{len(missing)} parts of {self.folder} were not written")
        self._write_manifest(complete=True)

    def _manifest(self) -> dict | None:
        path = self.folder / MANIFEST
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise PartFolderError(f"{path} is not a kg part manifest: {e}") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise PartFolderError(f"{path} is not a {FORMAT} manifest")
        return data

    def _refuse_foreign_files(self) -> None:
        if not self.folder.exists():
            self.folder.mkdir(parents=True)
            return
        if not self.folder.is_dir():
            raise PartFolderError(f"cannot write parts into {self.folder}: it is a file")
        other = sorted(e.name for e in os.scandir(self.folder) if not e.name.startswith("."))
        if other:
            raise PartFolderError(f"{self.folder} is not empty and not a kg part folder "
                                  f"({other[0]}…); write the parts to a new folder")

    def _write_manifest(self, *, complete: bool) -> None:
        write_text(self.folder / MANIFEST, json.dumps(
            {"format": FORMAT, "parts": self.total, "plan": self.stamp,
             "complete": complete}, indent=1) + "\n")


def part_files(folder: str | os.PathLike) -> list[Path]:
    """The part files of a complete part folder, in input order; one clear error if the
    folder is not one or a run has not finished writing it."""
    folder = Path(folder)
    if not is_part_folder(folder):
        raise PartFolderError(f"{folder} is a folder, not a triples file: give a triples "
                              f"file, or a part folder of `kg extract -o DIR/` (it has "
                              f"{MANIFEST})")
    data = PartWriter(folder)._manifest() or {}
    total = int(data.get("parts", 0))
    files = [folder / part_name(i, total) for i in range(total)]
    missing = [p.name for p in files if not p.is_file()]
    if not data.get("complete") or missing:
        what = f"{len(missing)} of {total} parts missing" if missing else "not finished"
        raise PartFolderError(f"{folder} is incomplete ({what}): run the same `kg extract "
                              "-o DIR/` again to finish it")
    return files


def iter_part_folder(folder: str | os.PathLike, read) -> Iterator[Triple]:
    """Triples of every part in order, each file read by ``read`` (a triples-file reader)."""
    for path in part_files(folder):
        yield from read(path)
