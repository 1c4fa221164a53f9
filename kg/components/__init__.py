"""kg's spaCy components. Importing this package registers the factories, so
``nlp.add_pipe("kg_entities")`` (and ``"kg_coref"``, ``"kg_relations"``) work in any pipeline.

``kg_relations`` lives in :mod:`kg.components.relations`; it is optional here so the entity
side stays usable while it is missing or broken.
"""

from __future__ import annotations

from . import coref, entities, sentences  # noqa: F401  (register factories)

try:  # the relation side: optional at import time
    from . import relations  # noqa: F401
    HAS_RELATIONS = True
    RELATIONS_IMPORT_ERROR: str | None = None
except Exception as _e:  # pragma: no cover - a broken relation module must not take the
    HAS_RELATIONS = False  # entity side down with it; load_pipeline() warns with this text
    RELATIONS_IMPORT_ERROR = f"{type(_e).__name__}: {_e}"

__all__ = ["HAS_RELATIONS", "RELATIONS_IMPORT_ERROR", "coref", "entities", "sentences"]
