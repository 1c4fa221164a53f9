"""Rule families of the ``kg_entities`` component (:mod:`kg.components.entities`), one
module per job: gazetteer matches, unknown people, organisations and places, resolution
glue (fuzzy, NER, aliases), title spans, and writing the entities to the Doc. The rule
modules are mixins of :class:`kg.components.entities.EntityRecognizer`.
"""
