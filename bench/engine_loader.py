"""The engine's ceiling: the least Cypher that builds the same nodes and relationships.

``UNWIND $rows … MERGE`` of the two nodes and the relationship, one statement per relation
type per batch, in the same batches as kg's loader — but without labels beyond the key
label, without evidence lists, mentions, confidence or dates. Comparing kg's batched loader
with this says how much of the load time is kg's model and how much is Neo4j itself on
this machine: kg cannot be faster than this, so if this misses a rate, so must kg.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice

from kg import ontology
from kg.model import Triple
from kg.store.graph_model import LoadResult, evidence_rows


def _statement(relation: str) -> str:
    rel = ontology.check_relation(relation)
    return ("UNWIND $rows AS row "
            "MERGE (s:Entity {name: row.s}) MERGE (o:Entity {name: row.o}) "
            f"MERGE (s)-[:`{rel}` {{negated: row.n}}]->(o)")


@dataclass
class EngineLoader:
    driver: object
    database: str = "neo4j"

    def load(self, triples: Iterable[Triple], *, batch_size: int = 1000,
             include_negated: bool = False) -> LoadResult:
        result = LoadResult()
        rows = evidence_rows(triples, include_negated=include_negated)
        with self.driver.session(database=self.database) as session:
            while True:
                batch = list(islice(rows, batch_size))
                if not batch:
                    break
                groups: dict[str, list[dict]] = {}
                for r in batch:
                    groups.setdefault(r.relation, []).append(
                        {"s": r.subject, "o": r.object, "n": r.negated})

                def work(tx, groups=groups):
                    nodes = rels = 0
                    for relation, items in groups.items():
                        counters = tx.run(_statement(relation), rows=items).consume().counters
                        nodes += counters.nodes_created
                        rels += counters.relationships_created
                    return nodes, rels

                nodes, rels = session.execute_write(work)
                result.rows += len(batch)
                result.nodes_created += nodes
                result.relationships_created += rels
        return result
