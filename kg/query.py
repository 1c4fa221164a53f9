"""Saved queries in ``cypher/`` and running Cypher on either backend.

A saved query is a ``.cypher`` file whose header comments describe it::

    // title: Who backs an actor
    // description: Actors that back $name, strongest evidence first.
    // param name: the backed actor's canonical name (example: Kataib Hezbollah)

grand-cypher has no query parameters, so on the embedded backend ``$name`` is replaced
by a literal that is escaped for grand-cypher's string grammar; the value can never end
the string and become query text. On Neo4j the same text runs with real parameters.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx


class QueryError(ValueError):
    """A query that cannot run: unknown name, missing parameter, bad value, write refused."""


@dataclass
class Param:
    name: str
    description: str = ""
    example: str = ""


@dataclass
class SavedQuery:
    name: str
    title: str
    description: str
    params: list[Param] = field(default_factory=list)
    text: str = ""
    path: Path | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "parameters": [
                {"name": p.name, "description": p.description, "example": p.example}
                for p in self.params
            ],
        }


_HEADER = re.compile(r"^//\s*(title|description|param)\s*(\w*)\s*:\s*(.*)$")
_EXAMPLE = re.compile(r"\(example:\s*(.*?)\)\s*$")


def cypher_dir() -> Path:
    """Where saved queries live: ``$KG_CYPHER_DIR``, the repository's ``cypher/``, or the
    copy packed into an installed wheel."""
    env = os.environ.get("KG_CYPHER_DIR")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "cypher", here / "_cypher"):
        if candidate.is_dir():
            return candidate
    return here.parent / "cypher"


def parse_saved_query(path: Path) -> SavedQuery:
    title, description, params = path.stem, "", []
    body = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _HEADER.match(line.strip())
        if m:
            kind, pname, value = m.group(1), m.group(2), m.group(3).strip()
            if kind == "title":
                title = value
            elif kind == "description":
                description = (description + " " + value).strip()
            elif kind == "param" and pname:
                ex = _EXAMPLE.search(value)
                example = ex.group(1).strip() if ex else ""
                desc = value[: ex.start()].strip() if ex else value
                params.append(Param(pname, desc, example))
        elif not line.strip().startswith("//"):
            body.append(line)
    return SavedQuery(path.stem, title, description, params, "\n".join(body).strip(), path)


def list_saved_queries(directory: Path | None = None) -> list[SavedQuery]:
    directory = directory or cypher_dir()
    return [parse_saved_query(p) for p in sorted(directory.glob("*.cypher"))]


def get_saved_query(name: str, directory: Path | None = None) -> SavedQuery:
    queries = {q.name: q for q in list_saved_queries(directory)}
    if name not in queries:
        raise QueryError(f"no saved query named {name!r}; available: {', '.join(sorted(queries))}")
    return queries[name]


def bind_saved_params(query: SavedQuery, given: dict[str, Any]) -> dict[str, Any]:
    """Check ``given`` against the query's declared parameters."""
    declared = {p.name for p in query.params}
    unknown = sorted(set(given) - declared)
    if unknown:
        raise QueryError(f"query {query.name!r} has no parameter {', '.join(unknown)}; "
                         f"its parameters: {', '.join(sorted(declared)) or 'none'}")
    missing = [p for p in query.params if p.name not in given]
    if missing:
        hint = " ".join(f"-p {p.name}={p.example!r}" for p in missing)
        raise QueryError(f"query {query.name!r} needs {', '.join(p.name for p in missing)}; "
                         f"e.g. {hint}")
    return dict(given)


# -- the embedded backend ------------------------------------------------------------

_WRITE_WORDS = re.compile(r"\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|LOAD\s+CSV|CALL)\b",
                          re.IGNORECASE)


def literal(value: Any) -> str:
    """A grand-cypher literal for ``value``: the only way a value enters query text."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise QueryError(f"parameter value {value!r} has no Cypher literal")
        return repr(value)
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        escaped = escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
        return f'"{escaped}"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    raise QueryError(f"parameter values must be text, numbers, booleans or lists, "
                     f"not {type(value).__name__}")


def _code_spans(cypher: str):
    """Yield (is_code, text) chunks so substitutions never touch string literals."""
    i, n, start = 0, len(cypher), 0
    while i < n:
        c = cypher[i]
        if c in "\"'`":
            if start < i:
                yield True, cypher[start:i]
            j = i + 1
            while j < n and cypher[j] != c:
                j += 2 if cypher[j] == "\\" else 1
            yield False, cypher[i : j + 1]
            i = start = j + 1
        else:
            i += 1
    if start < n:
        yield True, cypher[start:]


_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def substitute_params(cypher: str, params: dict[str, Any]) -> str:
    out = []
    for is_code, chunk in _code_spans(cypher):
        if is_code:
            def repl(m: re.Match) -> str:
                if m.group(1) not in params:
                    raise QueryError(f"query uses ${m.group(1)} but no value was given "
                                     f"(pass -p {m.group(1)}=VALUE)")
                return literal(params[m.group(1)])

            chunk = _PARAM.sub(repl, chunk)
        out.append(chunk)
    return "".join(out)


def _is_write(cypher: str) -> bool:
    return any(is_code and _WRITE_WORDS.search(chunk) for is_code, chunk in _code_spans(cypher))


def _plain(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    return value


def run_on_networkx(g: nx.MultiDiGraph, cypher: str, params: dict[str, Any],
                    *, write: bool = False) -> list[dict[str, Any]]:
    """Run read-only Cypher with grand-cypher; return rows as dicts (column → value)."""
    from grandcypher import GrandCypher

    if _is_write(cypher):
        raise QueryError("the embedded (networkx) backend answers read-only Cypher; "
                         "writes go through `kg build` / `kg load`")
    text = substitute_params(cypher, params)
    try:
        result = GrandCypher(g).run(text)
    except QueryError:
        raise
    except Exception as e:  # grand-cypher raises lark and assorted errors
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise QueryError(f"grand-cypher could not run the query: {first}") from None
    columns = list(result)
    length = max((len(v) for v in result.values()), default=0)
    return [{c: _plain(result[c][i]) for c in columns} for i in range(length)]


def run_query(store, cypher: str, params: dict[str, Any] | None = None,
              *, write: bool = False) -> list[dict[str, Any]]:
    return store.query(cypher, params or {}, write=write)


def run_saved_query(store, name: str, params: dict[str, Any] | None = None,
                    directory: Path | None = None) -> list[dict[str, Any]]:
    q = get_saved_query(name, directory)
    return store.query(q.text, bind_saved_params(q, params or {}))
