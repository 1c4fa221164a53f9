"""Typed records that travel between the stages: documents in, triples out.

A :class:`Triple` is the unit of the triples file (one JSON object per line) and of
loading; its field names are a public contract (see docs/model.md, "Triples file").
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from . import ontology


@dataclass
class Document:
    """One article, or one dated headline split out of a "Read more" list (``id`` = ``file#n``)."""

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    source: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Entity:
    """A canonical actor or place: one per real-world referent."""

    name: str
    type: str

    def __post_init__(self) -> None:
        ontology.check_entity_type(self.type)

    @property
    def labels(self) -> tuple[str, ...]:
        return ontology.labels_for(self.type)


@dataclass
class Triple:
    """A typed relation between two canonical entities, with its evidence.

    ``start``/``end`` are character offsets of the evidence sentence in the document text.
    ``source`` is the outlet that published the document (JSONL ``source``, HTML metadata,
    a "Read more" outlet), when known; corroboration counts distinct sources.
    """

    subject: str
    subject_type: str
    relation: str
    object: str
    object_type: str
    doc_id: str
    sentence: str
    start: int
    end: int
    rule: str
    confidence: float
    negated: bool = False
    attributed_to: str | None = None
    date: str | None = None
    source: str | None = None

    def __post_init__(self) -> None:
        ontology.check_relation(self.relation)
        ontology.check_entity_type(self.subject_type)
        ontology.check_entity_type(self.object_type)

    @property
    def subject_entity(self) -> Entity:
        return Entity(self.subject, self.subject_type)

    @property
    def object_entity(self) -> Entity:
        return Entity(self.object, self.object_type)

    @property
    def evidence_key(self) -> str:
        """Identifies one piece of evidence; loading the same key twice adds nothing."""
        return f"{self.doc_id}:{self.start}:{self.end}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Triple:
        """Build a Triple from a dict, ignoring unknown keys (files may carry extras)."""
        if not isinstance(data, dict):
            raise TypeError(f"expected a JSON object, got {type(data).__name__}")
        names = {f.name for f in fields(cls)}
        missing = [n for n in ("subject", "relation", "object") if n not in data]
        if missing:
            raise ValueError(f"triple is missing {', '.join(missing)}")
        kwargs = {k: v for k, v in data.items() if k in names}
        kwargs.setdefault("subject_type", "ORGANIZATION")
        kwargs.setdefault("object_type", "ORGANIZATION")
        kwargs.setdefault("doc_id", "")
        kwargs.setdefault("sentence", "")
        kwargs.setdefault("start", 0)
        kwargs.setdefault("end", 0)
        kwargs.setdefault("rule", "external")
        kwargs.setdefault("confidence", 1.0)
        _check_field_types(kwargs)
        return cls(**kwargs)


_TEXT, _OPTIONAL_TEXT = (str,), (str, type(None))
_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "subject": _TEXT, "subject_type": _TEXT, "relation": _TEXT, "object": _TEXT,
    "object_type": _TEXT, "doc_id": _TEXT, "sentence": _TEXT, "rule": _TEXT,
    "start": (int,), "end": (int,), "confidence": (int, float), "negated": (bool,),
    "attributed_to": _OPTIONAL_TEXT, "date": _OPTIONAL_TEXT, "source": _OPTIONAL_TEXT,
}


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_field_types(values: dict[str, Any]) -> None:
    """Reject wrongly typed fields from files here, with the field's name, rather than
    as a traceback deep inside a loader."""
    for name, value in values.items():
        expected = _FIELD_TYPES.get(name)
        if expected is None:
            continue
        if not isinstance(value, expected) or (isinstance(value, bool) and bool not in expected):
            want = " or ".join("null" if t is type(None) else t.__name__ for t in expected)
            raise TypeError(f"field {name!r} must be {want}, not {type(value).__name__}")
    for name, value in values.items():
        bad = _SURROGATE.search(value) if isinstance(value, str) else None
        if bad:  # JSON can spell "\ud800"; no file, terminal or database can hold it
            raise ValueError(f"field {name!r} holds a lone surrogate (U+{ord(bad.group()):04X}), "
                             "which is not Unicode text")
    for name in ("subject", "object"):
        if not values[name].strip():
            raise ValueError(f"field {name!r} is empty")
    confidence = values.get("confidence", 1.0)
    if not 0.0 <= confidence <= 1.0:  # also rejects NaN
        raise ValueError(f"field 'confidence' must be between 0 and 1, not {confidence!r}")


TRIPLE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Triple))
