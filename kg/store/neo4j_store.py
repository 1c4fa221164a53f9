"""The Neo4j backend: the same graph model as the embedded one, on a real server.

Loading is batched ``UNWIND $rows … MERGE`` inside managed write transactions
(``session.execute_write``), so a transient failure retries the whole batch and a batch is
either fully in or not at all. Every value travels as a parameter; the only text that is
spliced into Cypher are labels and relationship types, and those come from the ontology's
allow-list (:func:`kg.ontology.check_label` / :func:`kg.ontology.check_relation`).

Idempotency mirrors :func:`kg.store.graph_model.add_evidence`: evidence is appended to a
relationship only when its evidence key is new, so loading the same triples twice leaves
counts, mention numbers and evidence lists unchanged.
"""

from __future__ import annotations

import gc
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

import networkx as nx

from .. import ontology
from ..errors import KgError
from ..model import Triple
from .graph_model import (
    EVIDENCE_LISTS,
    OPTIONAL_LISTS,
    EvidenceRow,
    LoadResult,
    edge_key,
    evidence_rows,
)

# The driver logs every retry as a warning; with no logging configured Python would print
# those to stderr, burying kg's one-line errors. Applications that configure logging
# still see them (the logger propagates).
logging.getLogger("neo4j").addHandler(logging.NullHandler())

CONSTRAINT_NAME = "kg_entity_name_unique"
DEFAULT_RETRY_TIME = 10.0  # seconds of driver retries for a failing transaction
DEFAULT_CONNECT_TIMEOUT = 5.0
# Rows a load reads ahead (times the batch size) to regroup them by relationship
# (:func:`_regroup`): 100,000 rows at the default batch size, ~100 MB of evidence in memory.
WINDOW_BATCHES = 20
_BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


class Neo4jStoreError(KgError, RuntimeError):
    """Neo4j unreachable, credentials refused, database missing, or a lost connection.

    The message is one line and never contains the password.
    """


def _first_line(text: str) -> str:
    text = (text or "").strip()
    return text.splitlines()[0] if text else ""


class Neo4jStore:
    """A connection to one database of a Neo4j server; use :meth:`connect`."""

    backend = "neo4j"

    def __init__(self, driver, uri: str, database: str):
        self.driver = driver
        self.uri = uri
        self.database = database

    # -- connecting ------------------------------------------------------------------
    @classmethod
    def connect(cls, uri: str = "bolt://localhost:7687", user: str = "neo4j",
                password: str | None = None, database: str = "neo4j",
                **opts: Any) -> Neo4jStore:
        """Open a driver and prove the server, the credentials and the database work.

        Without this check the driver would retry an unreachable server silently for
        about a minute; here each failure becomes one clear line at once.
        ``opts`` go to ``GraphDatabase.driver`` (e.g. ``max_transaction_retry_time``).
        """
        from neo4j import GraphDatabase
        from neo4j.exceptions import (
            AuthError,
            ConfigurationError,
            Neo4jError,
            ServiceUnavailable,
        )

        opts.setdefault("max_transaction_retry_time", DEFAULT_RETRY_TIME)
        opts.setdefault("connection_timeout", DEFAULT_CONNECT_TIMEOUT)
        opts.setdefault("connection_acquisition_timeout", 2 * DEFAULT_CONNECT_TIMEOUT)
        auth = (user, password) if password else None
        if "@" in uri.split("://", 1)[-1].split("/", 1)[0]:  # user:password@host: never echo it
            raise Neo4jStoreError("the Neo4j URI must not hold credentials; set NEO4J_USERNAME "
                                  "and NEO4J_PASSWORD instead")
        who = f"Neo4j at {uri}"
        if uri.split("://", 1)[0].lower() not in _BOLT_SCHEMES:  # http:// would need aiohttp
            raise Neo4jStoreError(f"invalid Neo4j URI {uri!r}: use bolt:// or neo4j:// "
                                  "(e.g. bolt://localhost:7687)")
        try:
            driver = GraphDatabase.driver(uri, auth=auth, **opts)
        except (ConfigurationError, ValueError) as e:
            raise Neo4jStoreError(f"invalid Neo4j URI {uri!r}: {_first_line(str(e))}") from None
        try:
            driver.verify_connectivity()
            with driver.session(database=database) as session:
                session.run("RETURN 1").consume()
        except AuthError:
            driver.close()
            hint = "set NEO4J_PASSWORD" if not password else "check NEO4J_USERNAME/NEO4J_PASSWORD"
            raise Neo4jStoreError(f"{who} refused the credentials of user {user!r} "
                                  f"({hint})") from None
        except ServiceUnavailable:
            driver.close()
            raise Neo4jStoreError(f"cannot reach {who}: is the server running? "
                                  "(start one with `kg neo4j start` or `docker compose up -d`; "
                                  "or set NEO4J_URI)") from None
        except Neo4jError as e:
            driver.close()
            if (e.code or "").endswith("DatabaseNotFound"):
                raise Neo4jStoreError(f"{who} has no database {database!r} "
                                      "(check NEO4J_DATABASE)") from None
            if (e.code or "").endswith("AuthenticationRateLimit"):
                raise Neo4jStoreError(f"{who} refused too many failed logins for {user!r}; "
                                      "wait a few seconds, then retry with the right "
                                      "NEO4J_PASSWORD") from None
            raise Neo4jStoreError(f"{who}: {e.code}: {_first_line(e.message or '')}") from None
        except (OSError, ValueError) as e:  # ValueError: an address that does not resolve
            driver.close()
            why = _first_line(getattr(e, "strerror", None) or str(e))
            raise Neo4jStoreError(f"cannot reach {who}: {why}") from None
        return cls(driver, uri, database)

    def save(self, path=None) -> None:
        """Nothing to do: every batch is committed as it is written (see :meth:`load`)."""
        return None

    def close(self) -> None:
        if self.driver is not None:
            self.driver.close()
            self.driver = None

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _session(self):
        if self.driver is None:
            raise Neo4jStoreError("this Neo4j store is closed")
        return self.driver.session(database=self.database)

    def _guard(self, fn, *args, **kwargs):
        """Run ``fn``; driver and server failures become one clear line.

        Client errors (bad Cypher, refused writes) pass through for :meth:`query` to word.
        """
        from neo4j.exceptions import (
            AuthError,
            ClientError,
            DriverError,
            Neo4jError,
            ServiceUnavailable,
            SessionExpired,
        )

        try:
            return fn(*args, **kwargs)
        except (ServiceUnavailable, SessionExpired):
            raise Neo4jStoreError(f"lost the connection to Neo4j at {self.uri}; batches "
                                  "already committed stay in the graph, and loading again "
                                  "is safe (idempotent)") from None
        except AuthError:
            raise Neo4jStoreError(f"Neo4j at {self.uri} refused the credentials") from None
        except ClientError:
            raise
        except Neo4jError as e:
            raise Neo4jStoreError(f"Neo4j at {self.uri} failed: {e.code}: "
                                  f"{_first_line(e.message or '')}") from None
        except DriverError as e:
            raise Neo4jStoreError(f"Neo4j driver error talking to {self.uri}: "
                                  f"{type(e).__name__}: {_first_line(str(e))}") from None

    # -- writing ---------------------------------------------------------------------
    def ensure_constraints(self) -> None:
        """``name`` is unique on the key label: MERGE relies on it, and it is the index."""
        label = ontology.check_label(ontology.key_label())
        cypher = (f"CREATE CONSTRAINT {CONSTRAINT_NAME} IF NOT EXISTS "
                  f"FOR (n:{label}) REQUIRE n.name IS UNIQUE")

        def work():
            with self._session() as session:
                session.run(cypher).consume()

        from neo4j.exceptions import ClientError

        try:
            self._guard(work)
        except ClientError as e:
            raise Neo4jStoreError(f"Neo4j refused the uniqueness constraint on "
                                  f"{label}.name: {e.code}: {_first_line(e.message or '')}"
                                  ) from None

    def load(self, triples: Iterable[Triple], *, include_negated: bool = False,
             batch_size: int = 5000, window: int = WINDOW_BATCHES) -> LoadResult:
        """Load triples in batches of about ``batch_size`` rows, one write transaction each.

        The rows are read ``window`` batches at a time and regrouped by relationship
        (:func:`_regroup`), so a relationship whose evidence is spread over the window is
        written once, in one batch, instead of being created by one batch and appended to
        by the next ones (each append rewrites every evidence list of the relationship).
        """
        from neo4j.exceptions import ClientError

        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if window < 1:
            raise ValueError("window must be at least 1")
        self.ensure_constraints()
        result = LoadResult()
        rows = evidence_rows(triples, include_negated=include_negated)
        with _young_gc_only() as collect:
            for batch in _regroup(_chunks(rows, batch_size * window), batch_size):
                try:
                    nodes, rels, added = self._guard(self._write_batch, batch)
                except ClientError as e:
                    raise Neo4jStoreError(f"Neo4j refused a batch: {e.code}: "
                                          f"{_first_line(e.message or '')}") from None
                result.rows += len(batch)
                result.nodes_created += nodes
                result.relationships_created += rels
                result.evidence_added += added
                del batch
                collect()
        return result

    def _write_batch(self, batch: list[EvidenceRow]) -> tuple[int, int, int]:
        node_groups = _node_groups(batch)
        edge_groups = _edge_groups(batch)

        def work(tx) -> tuple[int, int, int]:
            nodes = rels = added = 0
            for etype, names in node_groups.items():
                summary = tx.run(_node_statement(etype), rows=names, type=etype).consume()
                nodes += summary.counters.nodes_created
            for relation, edges in edge_groups.items():
                res = tx.run(_edge_statement(relation), rows=edges)
                record = res.single()
                summary = res.consume()
                rels += summary.counters.relationships_created
                added += record["added"] if record and record["added"] else 0
            return nodes, rels, added

        with self._session() as session:
            return session.execute_write(work)

    def set_properties(self, nodes: dict[str, dict], relationships: list[tuple],
                       batch_size: int = 5000) -> None:
        """Set derived properties (see :mod:`kg.derive`): ``{name: props}`` on nodes and
        ``(subject, object, key, props)`` on relationships, in write batches."""
        key = ontology.check_label(ontology.key_label())
        node_rows = [{"name": n, "props": p} for n, p in nodes.items()]
        by_type: dict[str, list[dict[str, Any]]] = {}
        for u, v, k, props in relationships:
            rel, _, neg = str(k).partition("|")
            by_type.setdefault(ontology.check_relation(rel), []).append(
                {"s": u, "o": v, "negated": bool(neg), "props": props})
        statements = [(f"UNWIND $rows AS row MATCH (n:{key} {{name: row.name}}) "
                       f"SET n += row.props", node_rows)]
        for rel, rows in by_type.items():
            statements.append((f"UNWIND $rows AS row "
                               f"MATCH (s:{key} {{name: row.s}})"
                               f"-[r:{rel} {{negated: row.negated}}]->"
                               f"(o:{key} {{name: row.o}}) SET r += row.props", rows))

        def work(tx, cypher, rows):
            tx.run(cypher, rows=rows).consume()

        def run():
            with self._session() as session:
                for cypher, rows in statements:
                    for i in range(0, len(rows), batch_size):
                        session.execute_write(work, cypher, rows[i:i + batch_size])

        self._guard(run)

    # -- reading ---------------------------------------------------------------------
    def query(self, cypher: str, params: dict | None = None, *,
              write: bool = False, timeout: float | None = None) -> list[dict[str, Any]]:
        """Run Cypher in a READ transaction (the server refuses writes) unless ``write``.

        Read mode also refuses administration commands and procedures that are not known
        to be read-only (:mod:`kg.read_only`). The query is held to its budget
        (:mod:`kg.query_budget`): ``timeout`` seconds as the transaction timeout (the
        server stops it), at most ``KG_QUERY_MAX_ROWS`` rows, parameter values capped.
        A read sees the optional evidence lists padded, as the embedded graph holds them
        (:func:`padded_reads`).
        """
        from ..query_budget import Budget, check_params

        params = dict(params or {})
        check_params(params)
        if not write:
            from ..read_only import check_read_only

            check_read_only(cypher)
            cypher = padded_reads(cypher)
        return self._run(cypher, params, write=write, budget=Budget.from_env(timeout))

    def _run(self, cypher: str, params: dict[str, Any], *, write: bool,
             budget, max_rows: int | None = -1) -> list[dict[str, Any]]:
        from neo4j import unit_of_work
        from neo4j.exceptions import ClientError, Neo4jError

        from ..query import QueryError

        limit = budget.max_rows if max_rows == -1 else max_rows

        @unit_of_work(timeout=budget.timeout)
        def work(tx):
            rows: list[dict[str, Any]] = []
            names = None
            for rec in tx.run(cypher, params):
                if limit is not None and len(rows) >= limit:
                    raise budget.too_many_rows(f"more than {limit:,}")
                if names is None:  # an unnamed padded column keeps the name it was given
                    columns = rec.keys()  # a Record iterates its values
                    names = [_unpadded_name(k) for k in columns]
                rows.append(dict(zip(names, map(plain, rec.values()), strict=True)))
            return rows

        def run():
            with self._session() as session:
                return (session.execute_write if write else session.execute_read)(work)

        try:
            return self._guard(run)
        except ClientError as e:
            code = e.code or ""
            if "AccessMode" in code or "ForbiddenDueToTransactionType" in code:
                raise QueryError("the statement writes, but it ran read-only on Neo4j; "
                                 "pass --write to allow changes") from None
            if "TransactionTimedOut" in code or "Terminated" in code:
                raise budget.timed_out() from None
            raise QueryError(f"Neo4j rejected the query: {code.split('.')[-1]}: "
                             f"{_first_line(e.message or '')}") from None
        except Neo4jError as e:
            if "TransactionTimedOut" in (e.code or ""):
                raise budget.timed_out() from None
            raise QueryError(f"Neo4j could not run the query: {e.code}: "
                             f"{_first_line(e.message or '')}") from None

    def _read(self, cypher: str, **params) -> list[dict[str, Any]]:
        """kg's own reads (stats, export): known statements, so no row cap or time limit."""
        from ..query_budget import Budget

        return self._run(cypher, params, write=False, budget=Budget(timeout=None),
                         max_rows=None)

    def stats(self) -> dict:
        """Same shape as :func:`kg.store.networkx_store.graph_stats`."""
        entities = {r["t"]: r["c"] for r in self._read(
            "MATCH (n) RETURN coalesce(n.type, '?') AS t, count(*) AS c")}
        relations = {r["t"]: r["c"] for r in self._read(
            "MATCH ()-[r]->() WHERE NOT coalesce(r.negated, false) "
            "RETURN coalesce(r.type, type(r)) AS t, count(*) AS c")}
        negated = self._read("MATCH ()-[r]->() WHERE coalesce(r.negated, false) "
                             "RETURN count(r) AS c")[0]["c"]
        nodes = self._read("MATCH (n) RETURN count(n) AS c")[0]["c"]
        rels = self._read("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"]
        docs = {r["d"].split("#", 1)[0] for r in self._read(
            "MATCH ()-[r]->() UNWIND coalesce(r.docs, []) AS d RETURN DISTINCT d AS d")}
        return {
            "entities": dict(sorted(entities.items())),
            "relations": dict(sorted(relations.items())),
            "negated_relations": negated,
            "nodes": nodes,
            "relationships": rels,
            "documents": len(docs),
        }

    def to_networkx(self) -> nx.MultiDiGraph:
        """The whole graph as the MultiDiGraph the embedded backend would hold."""
        g = nx.MultiDiGraph()
        for r in self._read("MATCH (n) RETURN n.name AS name, labels(n) AS labels, "
                            "properties(n) AS props ORDER BY elementId(n)"):
            props = dict(r["props"])
            name = props.get("name", r["name"])
            attrs = {"name": name, "type": props.pop("type", None)}
            props.pop("name", None)
            attrs.update(props)
            attrs["__labels__"] = set(r["labels"])
            g.add_node(name, **{k: v for k, v in attrs.items() if v is not None})
        for r in self._read("MATCH (s)-[r]->(o) RETURN s.name AS s, o.name AS o, "
                            "type(r) AS t, properties(r) AS props ORDER BY elementId(r)"):
            props = dict(r["props"])
            rtype = props.get("type", r["t"])
            negated = bool(props.get("negated", False))
            attrs: dict[str, Any] = {"type": rtype, "negated": negated,
                                     "mentions": props.pop("mentions", 0),
                                     "confidence": props.pop("confidence", 0.0)}
            held = len(props.get("evidence_keys") or ())
            for name in EVIDENCE_LISTS:  # a left-out optional list is all "" (padded back)
                values = list(props.pop(name, None) or ())
                attrs[name] = values + [""] * (held - len(values))
            for name in ("first_date", "last_date"):
                if props.get(name):
                    attrs[name] = props.pop(name)
            attrs.update({k: v for k, v in props.items() if k not in attrs})
            g.add_edge(r["s"], r["o"], key=edge_key(rtype, negated), __labels__={rtype}, **attrs)
        return g


# -- statements ----------------------------------------------------------------------

# Every load statement starts with this option. Their plans do not depend on the size of the
# graph (unique-index seeks, then Expand(Into) between two bound nodes), yet as a load grows
# the graph Neo4j re-plans them whenever its statistics have moved (at most every 10 s per
# statement), and planning one of the evidence statements costs about 0.75 s on this
# 2-core machine, twelve relation types over. In one run of 1,000x the old loader took
# 20.2 s without the option and 12.3 s with it (BENCHMARKS.md, "Neo4j incremental").
_NO_REPLAN = "CYPHER replan=skip "


def _node_statement(entity_type: str) -> str:
    labels = [ontology.check_label(x) for x in ontology.labels_for(entity_type)]
    key, extra = labels[0], labels[1:]
    set_labels = f", n:{':'.join(extra)}" if extra else ""
    return (f"{_NO_REPLAN}UNWIND $rows AS name "
            f"MERGE (n:{key} {{name: name}}) "
            f"ON CREATE SET n.type = $type{set_labels}")


def _edge_statement(relation: str) -> str:
    """One MERGE per relationship of the batch; its evidence comes as the final property
    values of a new relationship (``row.props``, folded in Python by :func:`_edge_groups`).

    A new relationship gets them in one write. An existing one gets the items whose key it
    does not hold yet, appended to each list; its confidence and dates take the batch's
    (the items it already holds cannot change its maximum or its first and last date), so
    loading the same triples twice writes nothing. ``mentions = 0`` marks the relationship
    MERGE has just created (every stored relationship has at least one mention).

    An optional list (``dates``, ``attributed_to``, ``outlets``: :data:`OPTIONAL_LISTS`) is
    absent while all its items are "", in the batch's props as on the relationship: an
    append keeps it absent while the new items are all "" too, and otherwise pads the
    items the relationship already held with "" (``held`` of them) before the new ones. So
    the stored graph does not depend on how the evidence was split into batches or loads.
    """
    rel = ontology.check_relation(relation)
    key = ontology.check_label(ontology.key_label())
    appended = ",\n      ".join(f"r.{name} = r.{name} + [i IN new | p.{name}[i]]"
                                  for name in EVIDENCE_LISTS if name not in OPTIONAL_LISTS)
    optional = ",\n      ".join(
        f"r.{name} = CASE WHEN r.{name} IS NULL AND "
        f"none(i IN new WHERE coalesce(p.{name}[i], '') <> '') THEN null "
        f"ELSE coalesce(r.{name}, [x IN range(1, held) | '']) + "
        f"[i IN new | coalesce(p.{name}[i], '')] END"
        for name in OPTIONAL_LISTS)
    return f"""{_NO_REPLAN}
UNWIND $rows AS row
MATCH (s:{key} {{name: row.subject}})
MATCH (o:{key} {{name: row.object}})
MERGE (s)-[r:{rel} {{negated: row.negated}}]->(o)
  ON CREATE SET r.mentions = 0
WITH r, row.props AS p, r.mentions = 0 AS created
WITH r, p, created, CASE WHEN created THEN 0 ELSE size(r.evidence_keys) END AS held,
     CASE WHEN created THEN range(0, size(p.evidence_keys) - 1)
          ELSE [i IN range(0, size(p.evidence_keys) - 1)
                WHERE NOT p.evidence_keys[i] IN r.evidence_keys] END AS new
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | SET r += p)
FOREACH (_ IN CASE WHEN NOT created AND size(new) > 0 THEN [1] ELSE [] END |
  SET {appended},
      {optional},
      r.mentions = held + size(new),
      r.confidence = CASE WHEN p.confidence > r.confidence THEN p.confidence
                          ELSE r.confidence END,
      r.first_date = CASE WHEN p.first_date IS NULL THEN r.first_date
                          WHEN r.first_date IS NULL OR p.first_date < r.first_date
                          THEN p.first_date ELSE r.first_date END,
      r.last_date = CASE WHEN p.last_date IS NULL THEN r.last_date
                         WHEN r.last_date IS NULL OR p.last_date > r.last_date
                         THEN p.last_date ELSE r.last_date END)
RETURN sum(size(new)) AS added
"""


class _Rows(list):
    """A statement's rows, as a list whose ``repr`` is its length.

    The driver formats every RUN message for its debug log before the logger looks at
    the level (neo4j 6.4, ``Bolt5x5.run``: ``" ".join(map(repr, fields))``), so each
    batch's parameters, megabytes of evidence text, were turned into a string and thrown
    away: 0.98 s of the 7.9 s of client CPU of a 1,000x load (under cProfile). The driver
    packs a list subclass as a list.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


@contextmanager
def _young_gc_only() -> Iterator[Callable[[], None]]:
    """The cyclic garbage collector held off for a load; yields a ``collect()`` that
    sweeps the young generations only (call it between batches).

    Folding makes thousands of small dicts and lists; each few hundred of them start a
    collection, and every so often a full one that walks every tracked object of the
    process, and a caller holding its triples in memory (``list(read_triples(...))``) has
    millions: at 1,000x the fold took 1.45 s with the collector on and 0.33 s with it off,
    and switching it back on after each batch still cost 0.45 s of full collections.
    Neither the fold nor the rows make cycles; the driver's may, and ``collect()`` frees
    them while they are young, so memory stays bounded over a long load. The switch is
    process-wide, as :func:`gc.disable` is: other threads' young cycles are swept between
    batches too. The collector's state is restored afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()

    def collect() -> None:
        if was_enabled:
            gc.collect(1)

    try:
        yield collect
    finally:
        if was_enabled:
            gc.enable()


def _chunks(rows: Iterator[EvidenceRow], size: int) -> Iterator[list[EvidenceRow]]:
    while True:
        batch = list(islice(rows, size))
        if not batch:
            return
        yield batch


def _regroup(windows: Iterable[list[EvidenceRow]], size: int) -> Iterator[list[EvidenceRow]]:
    """Each window's rows as batches of whole relationships, about ``size`` rows each (a
    relationship with more rows than that is a batch of its own).

    A relationship's rows keep their order, and relationships come in the order of their
    first row, so the evidence lists are the embedded graph's. Entity types too: all rows
    of a relationship name the same two entities, so no batch before the one holding an
    entity's first row names it, and in that batch its first row comes first.
    """
    for window in windows:
        groups: dict[tuple[str, str, str, bool], list[EvidenceRow]] = {}
        for row in window:
            k = (row.subject, row.relation, row.object, row.negated)
            group = groups.get(k)
            if group is None:
                groups[k] = [row]
            else:
                group.append(row)
        del window
        batch: list[EvidenceRow] = []
        for group in groups.values():
            if batch and len(batch) + len(group) > size:
                yield batch
                batch = []
            batch.extend(group)
        if batch:
            yield batch


def _node_groups(batch: list[EvidenceRow]) -> dict[str, _Rows]:
    """Entity names per type, first type seen wins (as in the embedded backend)."""
    seen: dict[str, str] = {}
    for row in batch:
        if row.subject not in seen:
            seen[row.subject] = row.subject_type
        if row.object not in seen:
            seen[row.object] = row.object_type
    groups: dict[str, _Rows] = {}
    for name, etype in seen.items():
        names = groups.get(etype)
        if names is None:
            names = groups[ontology.check_entity_type(etype)] = _Rows()
        names.append(name)
    return groups


def _edge_groups(batch: list[EvidenceRow]) -> dict[str, _Rows]:
    """One row per relationship with its evidence folded, duplicates of a key dropped: the
    properties a relationship made from this evidence alone has (see
    :func:`kg.store.graph_model.add_evidence`; ``first_date``/``last_date`` None when no
    item is dated, and Neo4j then writes no property).

    Folding in Python first means one MERGE per relationship per batch, so the result
    never depends on how Cypher orders row-by-row writes inside one statement; and the
    evidence travels once, as lists.
    """
    edges: dict[tuple[str, str, str, bool], dict[str, Any]] = {}
    seen: set[tuple[tuple[str, str, str, bool], str]] = set()
    for row in batch:
        k = (row.subject, row.relation, row.object, row.negated)
        if (k, row.key) in seen:
            continue
        seen.add((k, row.key))
        date = row.date
        edge = edges.get(k)
        if edge is None:
            edges[k] = {"subject": row.subject, "object": row.object,
                        "relation": row.relation, "negated": row.negated,
                        "props": {"type": row.relation, "confidence": row.confidence,
                                  "first_date": date or None, "last_date": date or None,
                                  "evidence_keys": [row.key], "docs": [row.doc],
                                  "sentences": [row.sentence], "rules": [row.rule],
                                  "dates": [date], "attributed_to": [row.attributed_to],
                                  "outlets": [row.outlet]}}
            continue
        p = edge["props"]
        p["evidence_keys"].append(row.key)
        p["docs"].append(row.doc)
        p["sentences"].append(row.sentence)
        p["rules"].append(row.rule)
        p["dates"].append(date)
        p["attributed_to"].append(row.attributed_to)
        p["outlets"].append(row.outlet)
        if row.confidence > p["confidence"]:
            p["confidence"] = row.confidence
        if date:
            if p["first_date"] is None or date < p["first_date"]:
                p["first_date"] = date
            if p["last_date"] is None or date > p["last_date"]:
                p["last_date"] = date
    groups: dict[str, _Rows] = {}
    for edge in edges.values():
        p = edge["props"]
        p["mentions"] = len(p["evidence_keys"])
        for name in OPTIONAL_LISTS:
            if not any(p[name]):
                del p[name]  # all "": Neo4j stores no such list (see _edge_statement)
        rows = groups.get(edge["relation"])
        if rows is None:
            rows = groups[edge["relation"]] = _Rows()
        rows.append(edge)
    return groups


_OPTIONAL_READ = re.compile(r"(?<![\w.$`])([A-Za-z_][A-Za-z0-9_]*)\s*\.\s*("
                            + "|".join(OPTIONAL_LISTS) + r")(?![\w`])")


def padded_reads(cypher: str) -> str:
    """Read Cypher with each ``v.dates``, ``v.attributed_to`` and ``v.outlets`` (outside
    strings and comments) read as the padded list, ``coalesce(v.dates, [… "" per evidence
    key])``: Neo4j leaves those lists out while all their items are "" (see
    :func:`_edge_statement`), the embedded graph holds them, and a saved query such as
    ``evidence_between`` must return the same rows on both. On anything but a
    relationship with ``evidence_keys`` the value stays what it was (null when absent).
    """
    from ..query import segments

    def pad(m: re.Match) -> str:
        v, name = m.group(1), m.group(2)
        return (f"coalesce({v}.{name}, "
                f"[_kg_pad IN {v}.evidence_keys | ''])")

    return "".join(_OPTIONAL_READ.sub(pad, text) if kind == "code" else text
                   for kind, text in segments(cypher))


_PAD_NAME = re.compile(r"coalesce\((\w+)\.(\w+), \[_kg_pad IN \1\.evidence_keys \| ''\]\)")


def _unpadded_name(column: str) -> str:
    """The column name Neo4j gives an unaliased ``RETURN r.dates`` that
    :func:`padded_reads` rewrote, back to ``r.dates`` (as without the rewrite)."""
    return _PAD_NAME.sub(r"\1.\2", column) if "_kg_pad" in column else column


def _padded(props: dict[str, Any]) -> dict[str, Any]:
    """A relationship's properties with its left-out optional lists put back as ""s."""
    keys = props.get("evidence_keys")
    if isinstance(keys, list):
        for name in OPTIONAL_LISTS:
            if props.get(name) is None:
                props[name] = [""] * len(keys)
    return props


def plain(value: Any) -> Any:
    """Driver values → plain Python (nodes and relationships become property dicts; a
    relationship's left-out optional lists are padded back, see :func:`padded_reads`)."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Relationship):
        return _padded({k: plain(v) for k, v in value.items()})
    if isinstance(value, Node):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, Path):
        return [plain(n) for n in value.nodes]
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value
