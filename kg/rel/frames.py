"""Argument linking: given a cue matched by a token rule, find its subject and object mentions.

The blank fallback pipeline has no parser, so the frames approximate syntax with word
classes (``kg/data/words/frames.json``): a subject is the nearest actor mention to the left
of the cue inside the clause that is not the object of a preposition or of another cue
verb; an object is the first mention to the right before a clause boundary or a preposition
the rule does not allow. On top of that sit the constructions news uses: passives ("Y was
backed by X", "Y, backed by X,"), "X-backed Y", "pro-X Y", "X's support for Y",
nominalisations with a "by" agent ("the expulsion of Y by X"), relative clauses ("Y, which
X supports"), coordination on either side ("Russia, Turkey and Iran") and adjectival
demonyms ("Syrian forces" is Syria, "the Lebanese group Hezbollah" is Hezbollah).

Every frame only looks at a bounded window around its cue, so the cost per document is
linear in the number of cue matches.

The frames are plain functions registered by name (:mod:`.registry`) in
:mod:`.frames_verbal`, :mod:`.frames_nominal`, :mod:`.frames_membership` and
:mod:`.frames_coverage` (the construction families of issue 10); each receives
the read-only :class:`~kg.rel.view.DocView`, the :class:`~kg.rel.findings.Findings` it adds
to, the rule and the cue match. Their helpers: :mod:`.phrases` (mentions, governors, heads,
coordination), :mod:`.scan` (subject/object scans), :mod:`.clause_helpers` and :mod:`.emit`
(candidates). Importing this module registers every built-in frame.
"""

from __future__ import annotations

from . import (  # noqa: F401  (register)
    frames_coverage,
    frames_membership,
    frames_nominal,
    frames_verbal,
)
from .findings import Findings
from .rules import Rule
from .view import DocView


def run(v: DocView, found: Findings, rule: Rule, start: int, end: int) -> None:
    """Run ``rule``'s frame on its cue match ``start:end``."""
    rule.spec.fn(v, found, rule, start, end)
