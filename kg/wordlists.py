"""One loader for every closed word list kg tests tokens against, by namespace.

Why: word lists are what contributors extend most ("add 'bankroll' to the backing
verbs"), so they live in data files, never in Python sets, and each has exactly one home:
``kg/data/words/<namespace>.json``. A name is asked for with its namespace
(``words("frames")["group_nouns"]``), so two files may use the same list name for
different lists without anyone confusing them, and an unknown namespace or list name is
an error that says where the lists live, not a silent empty set.

File format: an object whose keys are list names. A value is a list of words (a word
list, loaded as a frozenset), or an object of lists (a table, e.g. irregular verb forms);
a key starting with ``_`` is a comment. Anything else is rejected when the file is loaded.
Relation cue words are not here: each relation's rule file holds its own (see
:mod:`kg.rel.rules`).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from .errors import KgError

WORDS_DIR = Path(__file__).resolve().parent / "data" / "words"


class WordListError(KgError, KeyError):
    """An unknown namespace or word list, or a malformed word-list file."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class WordLists(dict):
    """The word lists of one namespace: list name → frozenset of words.

    A dict (lookups in the frames' hot loops stay C-speed) that answers an unknown name
    with :class:`WordListError` naming the namespace and file. Treat it as read-only: it
    is shared by every Doc.
    """

    def __init__(self, namespace: str, path: Path, lists: dict[str, frozenset[str]],
                 tables: dict[str, dict[str, tuple[str, ...]]]) -> None:
        super().__init__(lists)
        self.namespace, self.path = namespace, path
        self._tables = tables

    def __missing__(self, name: str) -> frozenset[str]:
        raise WordListError(f"no word list {name!r} in namespace {self.namespace!r} "
                            f"({self.path})")

    def table(self, name: str) -> dict[str, tuple[str, ...]]:
        """A table of lists (word → its forms)."""
        try:
            return self._tables[name]
        except KeyError:
            raise WordListError(f"no table {name!r} in namespace {self.namespace!r} "
                                f"({self.path})") from None


def namespaces() -> tuple[str, ...]:
    """Every namespace there is a file for."""
    return tuple(sorted(p.stem for p in WORDS_DIR.glob("*.json")))


@cache
def words(namespace: str) -> WordLists:
    """The word lists of ``namespace`` (``kg/data/words/<namespace>.json``), loaded once."""
    path = WORDS_DIR / f"{namespace}.json"
    if not path.is_file():
        raise WordListError(f"no word-list namespace {namespace!r} (known: "
                            f"{', '.join(namespaces())}; files in {WORDS_DIR})")
    return parse(namespace, path, json.loads(path.read_text(encoding="utf-8")))


def _is_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(w, str) and w for w in value)


def parse(namespace: str, path: Path, data: object) -> WordLists:
    """Check and load one namespace's data (see the module docstring for the format)."""
    if not isinstance(data, dict):
        raise WordListError(f"{path}: must be a JSON object of word lists")
    lists: dict[str, frozenset[str]] = {}
    tables: dict[str, dict[str, tuple[str, ...]]] = {}
    for name, value in data.items():
        if name.startswith("_"):
            if not isinstance(value, str):
                raise WordListError(f"{path}: key {name!r}: a comment must be a string")
            continue
        if _is_list(value):
            lists[name] = frozenset(value)
        elif isinstance(value, dict) and all(_is_list(v) for v in value.values()):
            tables[name] = {k: tuple(v) for k, v in value.items()}
        else:
            raise WordListError(f"{path}: key {name!r}: must be a list of words or an "
                                "object of lists of words")
    return WordLists(namespace, path, lists, tables)
