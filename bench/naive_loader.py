"""The baseline loader: one Neo4j transaction per triple, the obvious way to write it.

It folds each triple into the graph model of :mod:`kg.store.graph_model` with the same
MERGE semantics as kg's batched loader — node per name with the ontology's labels, one
relationship per (subject, relation, object, negated), evidence appended once per
evidence key, highest confidence, first/last date — but sends one statement and commits
one transaction per row. The batched loader's speed-up is measured against this.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from kg import ontology
from kg.model import Triple
from kg.store.graph_model import EvidenceRow, LoadResult, evidence_rows

_NODE = "MERGE ({var}:Entity {{name: ${name}}}) ON CREATE SET {var}.type = ${etype}{labels}\n"


def _label_suffix(var: str, entity_type: str) -> str:
    extra = [lab for lab in ontology.labels_for(entity_type) if lab != "Entity"]
    return "".join(f", {var}:`{lab}`" for lab in extra)


@cache
def statement(subject_type: str, relation: str, object_type: str) -> str:
    """The one-row statement; labels and type are checked ontology names, never input text."""
    relation = ontology.check_relation(relation)
    return (
        _NODE.format(var="s", name="subject", etype="subject_type",
                     labels=_label_suffix("s", subject_type))
        + _NODE.format(var="o", name="object", etype="object_type",
                       labels=_label_suffix("o", object_type))
        + f"MERGE (s)-[r:`{relation}` {{negated: $negated}}]->(o)\n"
        "ON CREATE SET r.type = $relation, r.mentions = 0, r.confidence = 0.0,\n"
        "  r.evidence_keys = [], r.docs = [], r.sentences = [], r.rules = [],\n"
        "  r.dates = [], r.attributed_to = []\n"
        "WITH r WHERE NOT $key IN r.evidence_keys\n"
        "SET r.evidence_keys = r.evidence_keys + $key, r.docs = r.docs + $doc,\n"
        "  r.sentences = r.sentences + $sentence, r.rules = r.rules + $rule,\n"
        "  r.dates = r.dates + $date, r.attributed_to = r.attributed_to + $attributed_to,\n"
        "  r.confidence = CASE WHEN $confidence > r.confidence THEN $confidence\n"
        "                      ELSE r.confidence END,\n"
        "  r.first_date = CASE WHEN $date <> ''\n"
        "      AND (r.first_date IS NULL OR $date < r.first_date) THEN $date\n"
        "      ELSE r.first_date END,\n"
        "  r.last_date = CASE WHEN $date <> ''\n"
        "      AND (r.last_date IS NULL OR $date > r.last_date) THEN $date\n"
        "      ELSE r.last_date END\n"
        "SET r.mentions = size(r.evidence_keys)\n"
        "RETURN count(r) AS added"
    )


@dataclass
class NaiveLoader:
    """``NaiveLoader(driver, database).load(triples)`` — a transaction per triple."""

    driver: object
    database: str = "neo4j"

    def ensure_schema(self) -> None:
        with self.driver.session(database=self.database) as session:
            session.run("CREATE CONSTRAINT bench_entity_name IF NOT EXISTS "
                        "FOR (n:Entity) REQUIRE n.name IS UNIQUE").consume()

    def load(self, triples: Iterable[Triple], *, include_negated: bool = False) -> LoadResult:
        result = LoadResult()
        with self.driver.session(database=self.database) as session:
            for row in evidence_rows(triples, include_negated=include_negated):
                result.rows += 1
                added, counters = session.execute_write(_write_row, row)
                result.evidence_added += added
                result.nodes_created += counters.nodes_created
                result.relationships_created += counters.relationships_created
        return result


def _write_row(tx, row: EvidenceRow):
    params = {
        "subject": row.subject, "subject_type": row.subject_type,
        "object": row.object, "object_type": row.object_type,
        "relation": row.relation, "negated": row.negated, "key": row.key, "doc": row.doc,
        "sentence": row.sentence, "rule": row.rule, "date": row.date,
        "attributed_to": row.attributed_to, "confidence": row.confidence,
    }
    res = tx.run(statement(row.subject_type, row.relation, row.object_type), params)
    record = res.single()
    summary = res.consume()
    return (record["added"] if record else 0), summary.counters
