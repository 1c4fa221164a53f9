"""The ontology as code: entity types, relation types and the graph labels they map to.

Everything that puts a label or relationship type into Cypher text goes through
:func:`check_relation` or :func:`check_label`, because Cypher cannot take those as
parameters: the allow-list below is the only thing standing between a string and the
query text.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from .errors import KgError

_IDENT = re.compile(r"^[A-Z][A-Za-z_]*$")


class OntologyError(KgError, ValueError):
    """A label, entity type or relation type that the ontology does not define."""


@cache
def _spec() -> dict:
    text = resources.files("kg").joinpath("data/ontology.json").read_text(encoding="utf-8")
    return json.loads(text)


def entity_types() -> tuple[str, ...]:
    """The entity types of ``kg/data/ontology.json``, e.g. ``STATE``."""
    return tuple(_spec()["entity_types"])


def relations() -> tuple[str, ...]:
    """The relation types of ``kg/data/ontology.json``, e.g. ``BACKS``."""
    return tuple(_spec()["relations"])


@cache
def symmetric_relations() -> frozenset[str]:
    """Relations without direction (``ALLIED_WITH``, ``NEGOTIATES_WITH``).

    Cached like the spec it reads: every triple that is loaded asks (``orient`` in
    :mod:`kg.store.graph_model`), and building the set anew each time took 0.77 s of the
    7.9 s of client CPU of a 1,000x Neo4j load (under cProfile).
    """
    return frozenset(r for r, v in _spec()["relations"].items() if v["symmetric"])


def relation_description(relation: str) -> str:
    return _spec()["relations"][check_relation(relation)]["description"]


def key_label() -> str:
    """The label every entity node carries; its ``name`` is unique across the graph."""
    return _spec()["key_label"]


def labels_for(entity_type: str) -> tuple[str, ...]:
    """Node labels for an entity type, key label first: ``STATE`` → Entity, Actor, State."""
    try:
        extra = _spec()["entity_types"][entity_type]
    except KeyError:
        raise OntologyError(
            f"unknown entity type {entity_type!r}; expected one of {', '.join(entity_types())}"
        ) from None
    return (key_label(), *extra)


@cache
def all_labels() -> frozenset[str]:
    out = {key_label()}
    for extra in _spec()["entity_types"].values():
        out.update(extra)
    return frozenset(out)


def check_relation(relation: str) -> str:
    """Return ``relation`` if it is an ontology relation type, else raise OntologyError."""
    if relation not in _spec()["relations"] or not _IDENT.match(relation):
        raise OntologyError(
            f"unknown relation type {relation!r}; expected one of {', '.join(relations())}"
        )
    return relation


def check_label(label: str) -> str:
    """Return ``label`` if it is a node label of the ontology, else raise OntologyError."""
    if label not in all_labels() or not _IDENT.match(label):
        raise OntologyError(
            f"unknown node label {label!r}; expected one of {', '.join(sorted(all_labels()))}"
        )
    return label


def check_entity_type(entity_type: str) -> str:
    labels_for(entity_type)
    return entity_type
