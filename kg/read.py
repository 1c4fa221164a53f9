"""Reading articles from files and folders into :class:`~kg.model.Document` objects.

Interface relied on by :mod:`kg.pipeline`: ``discover(paths, report)`` yields files to
read; ``read_file(path, report)`` returns that file's documents, or ``[]`` after noting
in ``report`` why it was skipped. Neither raises on bad input.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .model import Document

EXTENSIONS = (".txt", ".md", ".html", ".htm", ".jsonl")


@dataclass
class Skipped:
    path: str
    reason: str


@dataclass
class ReadReport:
    files_read: int = 0
    documents: int = 0
    skipped: list[Skipped] = field(default_factory=list)

    def skip(self, path: os.PathLike | str, reason: str) -> None:
        self.skipped.append(Skipped(str(path), reason))


def discover(paths: Iterable[str | os.PathLike], report: ReadReport) -> Iterator[Path]:
    for p in map(Path, paths):
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in EXTENSIONS:
                    yield child
        elif p.is_file():
            yield p
        else:
            report.skip(p, "not found")


def read_file(path: Path, report: ReadReport) -> list[Document]:
    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError as e:
        report.skip(path, e.strerror or str(e))
        return []
    report.files_read += 1
    if path.suffix.lower() == ".jsonl":
        docs = []
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                obj = json.loads(line)
                docs.append(Document(str(obj.get("id", f"{path.name}#{n}")), obj["text"],
                                     date=obj.get("date")))
    else:
        docs = [Document(path.name, text)]
    report.documents += len(docs)
    return docs
