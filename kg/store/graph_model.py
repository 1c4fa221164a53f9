"""The one graph model both backends hold, and how triples fold into it.

Nodes: one per canonical entity, keyed by ``name`` (unique), with labels from the
ontology (``Entity`` plus e.g. ``Actor``/``State``) and a ``type`` property.

Relationships: one per (subject, relation type, object, negated). Symmetric relations
are stored once, from the alphabetically first name. Each carries

* ``mentions`` — number of distinct pieces of evidence (``evidence_keys``),
* ``confidence`` — the highest confidence seen,
* ``first_date`` / ``last_date`` — ISO dates, or absent when no evidence was dated,
* ``negated`` — false unless the text denied the relation,
* parallel lists, one item per evidence: ``evidence_keys``, ``docs``, ``sentences``,
  ``rules``, ``dates``, ``attributed_to`` and ``outlets`` (the publishing source) ("" where
  unknown; Neo4j lists hold no nulls). On Neo4j, ``dates``, ``attributed_to`` and
  ``outlets`` (:data:`OPTIONAL_LISTS`) are left out of a relationship while all their
  items are "": each list property costs the server about as much to write as the
  relationship itself (BENCHMARKS.md, "fifth look"). kg's Neo4j readers pad them back
  (:meth:`kg.store.neo4j_store.Neo4jStore.to_networkx`, and ``v.dates`` in a read query
  reads as the padded list), so both backends answer the same.

Folding is keyed by ``evidence_keys`` so that loading the same triples twice changes
nothing: both loaders must honour that.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .. import ontology
from ..model import Triple

EVIDENCE_LISTS = ("evidence_keys", "docs", "sentences", "rules", "dates", "attributed_to",
                  "outlets")
# the evidence lists Neo4j stores only when an item is not "" (see above)
OPTIONAL_LISTS = ("dates", "attributed_to", "outlets")


def orient(triple: Triple) -> tuple[str, str, str, str]:
    """(subject, subject_type, object, object_type) with symmetric relations ordered."""
    s, st, o, ot = triple.subject, triple.subject_type, triple.object, triple.object_type
    if triple.relation in ontology.symmetric_relations() and o < s:
        return o, ot, s, st
    return s, st, o, ot


def edge_key(relation: str, negated: bool) -> str:
    """MultiDiGraph key for an edge; Neo4j distinguishes the same by ``negated``."""
    return f"{relation}|negated" if negated else relation


@dataclass
class EvidenceRow:
    """One triple, flattened for loading: what ``UNWIND $rows`` receives on Neo4j."""

    subject: str
    subject_type: str
    object: str
    object_type: str
    relation: str
    negated: bool
    key: str
    doc: str
    sentence: str
    rule: str
    date: str
    attributed_to: str
    confidence: float
    outlet: str = ""

    @classmethod
    def from_triple(cls, t: Triple) -> EvidenceRow:
        s, st, o, ot = orient(t)
        return cls(
            subject=s, subject_type=st, object=o, object_type=ot,
            relation=ontology.check_relation(t.relation), negated=bool(t.negated),
            key=t.evidence_key, doc=t.doc_id, sentence=t.sentence, rule=t.rule,
            date=t.date or "", attributed_to=t.attributed_to or "",
            confidence=float(t.confidence), outlet=t.source or "",
        )


def evidence_rows(triples: Iterable[Triple],
                  include_negated: bool = False) -> Iterator[EvidenceRow]:
    """Rows for loading; negated triples are left out unless asked for."""
    for t in triples:
        if t.negated and not include_negated:
            continue
        if t.subject == t.object:
            continue  # a self-loop is always a resolution artefact, never news
        yield EvidenceRow.from_triple(t)


def new_edge_attrs(relation: str, negated: bool) -> dict:
    attrs: dict = {"type": relation, "negated": negated, "mentions": 0, "confidence": 0.0}
    for name in EVIDENCE_LISTS:
        attrs[name] = []
    return attrs


def add_evidence(attrs: dict, row: EvidenceRow) -> bool:
    """Fold one evidence row into an edge's attributes; False if it was already there."""
    if row.key in attrs["evidence_keys"]:
        return False
    attrs["evidence_keys"].append(row.key)
    attrs["docs"].append(row.doc)
    attrs["sentences"].append(row.sentence)
    attrs["rules"].append(row.rule)
    attrs["dates"].append(row.date)
    attrs["attributed_to"].append(row.attributed_to)
    attrs.setdefault("outlets", [""] * (len(attrs["evidence_keys"]) - 1)).append(row.outlet)
    attrs["mentions"] = len(attrs["evidence_keys"])
    attrs["confidence"] = max(attrs["confidence"], row.confidence)
    if row.date:
        if not attrs.get("first_date") or row.date < attrs["first_date"]:
            attrs["first_date"] = row.date
        if not attrs.get("last_date") or row.date > attrs["last_date"]:
            attrs["last_date"] = row.date
    return True


@dataclass
class LoadResult:
    """What a load changed; all zeros on a repeated load of the same triples."""

    nodes_created: int = 0
    relationships_created: int = 0
    evidence_added: int = 0
    rows: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        """Whether the graph is different after the load (derived properties then need a
        refresh; a load that changed nothing must leave the graph byte for byte as it was)."""
        return bool(self.nodes_created or self.relationships_created or self.evidence_added)
