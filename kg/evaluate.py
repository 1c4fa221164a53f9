"""Scoring extracted triples against a gold file, with the semantics of the ontology spec.

The rules (ONTOLOGY.md, "Gold-file format"), and why each exists:

* Only documents that appear in the gold file are scored — a gold file may annotate a
  sample of a corpus, and triples from unannotated documents say nothing either way.
* Documents are compared by file name: ``dir/a.txt#3`` (a sub-document such as one
  headline of a "Read more" list) counts as ``a.txt``.
* Names match after normalisation (:func:`normalize_name`) against the gold name or any
  of its aliases, so spelling variants of one actor are not punished.
* Symmetric relations (ALLIED_WITH, NEGOTIATES_WITH) match in either direction.
* Negated predictions are left out: they assert that a relation does *not* hold.
* Predictions are unique per document: saying the same thing twice is one prediction.
* A prediction that matches a required gold triple is a true positive; one that matches
  only optional gold triples (``"required": false``) counts neither way; anything else is
  a false positive. Recall counts the required gold triples some prediction matched.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import KgError

SYMMETRIC = frozenset({"ALLIED_WITH", "NEGOTIATES_WITH"})


class EvalError(KgError, ValueError):
    """A gold or prediction file that cannot be scored (bad JSON, missing fields)."""


# -- names -------------------------------------------------------------------------------

# Each step: (pattern, replacement). Order matters: the Arabic article is unified to "al-"
# before punctuation is stripped, and dropped only after hyphens became spaces.
_NAME_STEPS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[\u2018\u2019]"), "'"),                       # curly apostrophes
    (re.compile(r"^the\s+"), ""),                               # "the IRGC" = "IRGC"
    # the Arabic article in one pass: "al Qaim", "el-Qaim" and sun-letter forms (at-Tanf)
    (re.compile(r"\b(?:al|el)[\s-]+|\b(?:ad|as|ash|an|ar|at)-"), "al-"),
    (re.compile(r"['\u2019`]s\b"), ""),                         # possessive 's
    (re.compile(r"[^\w\s-]"), ""),                              # other punctuation
    (re.compile(r"[\s_-]+"), " "),                              # hyphens, runs of space
)
_ARTICLE = re.compile(r"\bal ")                                  # al-Tanf = Tanf
_SITE_SUFFIX = re.compile(r" (?:military |air )?(?:base|camp|border crossing|crossing)$")


def normalize_name(name: str) -> str:
    """The comparison form of an entity name: case, punctuation, a leading "the", the
    Arabic article in its spellings, a possessive 's and a trailing "base"/"camp"/
    "crossing" do not matter."""
    text = str(name).lower().strip()
    for pattern, replacement in _NAME_STEPS:
        text = pattern.sub(replacement, text)
    text = _ARTICLE.sub("", text.strip())
    return _SITE_SUFFIX.sub("", text)


def doc_key(doc: str) -> str:
    """``path/to/a.txt#2`` → ``a.txt``: the file a (sub-)document belongs to."""
    return str(doc).split("#", 1)[0].split("/")[-1]


# -- inputs ------------------------------------------------------------------------------

@dataclass
class GoldTriple:
    doc: str
    subject: str
    relation: str
    object: str
    subject_names: frozenset[str]
    object_names: frozenset[str]
    required: bool
    evidence: str = ""

    def matches(self, s: str, relation: str, o: str) -> bool:
        if relation != self.relation:
            return False
        if s in self.subject_names and o in self.object_names:
            return True
        return relation in SYMMETRIC and s in self.object_names and o in self.subject_names


@dataclass
class Prediction:
    """One unique (normalised) predicted triple of a document, with what it came from."""

    doc: str
    subject: str
    relation: str
    object: str
    shown_as: tuple[str, str, str]
    sentences: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str]:
        return self.subject, self.relation, self.object


def read_jsonl(path: str | Path) -> Iterable[tuple[int, dict[str, Any]]]:
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8", errors="replace")
    except OSError as e:
        raise EvalError(f"cannot read {path}: {e.strerror or e}") from None
    with handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as e:
                raise EvalError(f"{path}:{n}: not JSON ({e.msg})") from None
            if not isinstance(data, dict):
                raise EvalError(f"{path}:{n}: expected a JSON object")
            yield n, data


def gold_from_records(records: Iterable[dict[str, Any]], origin: str = "gold") -> list[GoldTriple]:
    out = []
    for i, g in enumerate(records, 1):
        missing = [k for k in ("doc", "subject", "relation", "object") if k not in g]
        if missing:
            raise EvalError(f"{origin} line {i}: missing {', '.join(missing)}")
        out.append(GoldTriple(
            doc=doc_key(g["doc"]), subject=str(g["subject"]),
            relation=str(g["relation"]).upper(), object=str(g["object"]),
            subject_names=frozenset(normalize_name(x) for x in
                                    [g["subject"], *g.get("subject_aliases", [])]),
            object_names=frozenset(normalize_name(x) for x in
                                   [g["object"], *g.get("object_aliases", [])]),
            required=bool(g.get("required", True)), evidence=str(g.get("evidence", "")),
        ))
    return out


def load_gold(path: str | Path) -> list[GoldTriple]:
    rows = []
    for n, g in read_jsonl(path):
        missing = [k for k in ("doc", "subject", "relation", "object") if k not in g]
        if missing:
            raise EvalError(f"{path}:{n}: gold line is missing {', '.join(missing)}")
        rows.append(g)
    return gold_from_records(rows, str(path))


def load_predictions(path: str | Path) -> list[dict[str, Any]]:
    rows = []
    for n, p in read_jsonl(path):
        missing = [k for k in ("subject", "relation", "object") if k not in p]
        if missing:
            raise EvalError(f"{path}:{n}: triple is missing {', '.join(missing)}")
        rows.append(p)
    return rows


def unique_predictions(records: Iterable[dict[str, Any]],
                       docs: set[str]) -> dict[str, dict[tuple[str, str, str], Prediction]]:
    """Per gold document, the unique normalised non-negated predicted triples."""
    out: dict[str, dict[tuple[str, str, str], Prediction]] = defaultdict(dict)
    for p in records:
        if p.get("negated"):
            continue
        d = doc_key(str(p.get("doc_id", p.get("doc", ""))))
        if d not in docs:
            continue
        key = (normalize_name(str(p["subject"])), str(p["relation"]).upper(),
               normalize_name(str(p["object"])))
        pred = out[d].get(key)
        if pred is None:
            pred = out[d][key] = Prediction(d, *key, shown_as=(
                str(p["subject"]), str(p["relation"]).upper(), str(p["object"])))
        sentence = str(p.get("sentence") or "").strip()
        if sentence and sentence not in pred.sentences:
            pred.sentences.append(sentence)
    return out


# -- scoring -----------------------------------------------------------------------------

def _prf(tp: int, fp: int, found: int, required: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = found / required if required else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class RelationScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    required: int = 0

    @property
    def found(self) -> int:
        return self.required - self.fn

    def prf(self) -> tuple[float, float, float]:
        return _prf(self.tp, self.fp, self.found, self.required)


@dataclass
class EvalResult:
    tp: int = 0
    fp: int = 0
    required: int = 0
    found: int = 0
    docs: int = 0
    ignored_optional: int = 0
    per_relation: dict[str, RelationScore] = field(default_factory=dict)
    misses: list[GoldTriple] = field(default_factory=list)
    false_positives: list[Prediction] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return _prf(self.tp, self.fp, self.found, self.required)[0]

    @property
    def recall(self) -> float:
        return _prf(self.tp, self.fp, self.found, self.required)[1]

    @property
    def f1(self) -> float:
        return _prf(self.tp, self.fp, self.found, self.required)[2]

    def summary(self) -> dict[str, Any]:
        """The same keys and rounding as the reference scorer's ``--json`` line."""
        return {"P": round(self.precision, 3), "R": round(self.recall, 3),
                "F1": round(self.f1, 3), "tp": self.tp, "fp": self.fp,
                "required_gold": self.required, "found": self.found, "docs": self.docs}

    def to_dict(self, show: int = 0) -> dict[str, Any]:
        out = self.summary()
        out["per_relation"] = {}
        for rel, s in sorted(self.per_relation.items()):
            p, r, f = s.prf()
            out["per_relation"][rel] = {"P": round(p, 3), "R": round(r, 3), "F1": round(f, 3),
                                        "tp": s.tp, "fp": s.fp, "fn": s.fn,
                                        "required_gold": s.required}
        if show:
            out["misses"] = [{"doc": g.doc, "subject": g.subject, "relation": g.relation,
                              "object": g.object, "evidence": g.evidence}
                             for g in self.misses[:show]]
            out["false_positives"] = [{"doc": p.doc, "subject": p.shown_as[0],
                                       "relation": p.relation, "object": p.shown_as[2],
                                       "sentences": p.sentences}
                                      for p in self.false_positives[:show]]
        return out


def score(gold: list[GoldTriple], predictions: Iterable[dict[str, Any]]) -> EvalResult:
    """Micro precision/recall over unique triples per gold document."""
    by_doc: dict[str, list[GoldTriple]] = defaultdict(list)
    for g in gold:
        by_doc[g.doc].append(g)
    preds = unique_predictions(predictions, set(by_doc))
    result = EvalResult(docs=len(by_doc))

    def rel(name: str) -> RelationScore:
        return result.per_relation.setdefault(name, RelationScore())

    for d, golds in by_doc.items():
        found: set[int] = set()
        for pred in preds.get(d, {}).values():
            hits = [i for i, g in enumerate(golds) if g.matches(*pred.key)]
            required_hits = [i for i in hits if golds[i].required]
            if required_hits:
                result.tp += 1
                rel(pred.relation).tp += 1
                found.update(required_hits)
            elif hits:
                result.ignored_optional += 1
            else:
                result.fp += 1
                rel(pred.relation).fp += 1
                result.false_positives.append(pred)
        for i, g in enumerate(golds):
            if not g.required:
                continue
            result.required += 1
            rel(g.relation).required += 1
            if i in found:
                result.found += 1
            else:
                rel(g.relation).fn += 1
                result.misses.append(g)
    return result


def evaluate_files(gold_path: str | Path, pred_path: str | Path) -> EvalResult:
    return score(load_gold(gold_path), load_predictions(pred_path))


# -- report ------------------------------------------------------------------------------

def format_report(result: EvalResult, show: int = 0) -> str:
    """Human-readable report; the last line is the summary, as the reference scorer's."""
    lines = []
    if show:
        lines.append(f"-- misses: required gold not predicted ({len(result.misses)})")
        for g in result.misses[:show]:
            lines.append(f"  {g.doc}: {g.subject} {g.relation} {g.object}")
            if g.evidence:
                lines.append(f"      | {g.evidence}")
        lines.append(f"-- false positives ({len(result.false_positives)})")
        for p in result.false_positives[:show]:
            lines.append(f"  {p.doc}: {p.shown_as[0]} {p.relation} {p.shown_as[2]}")
            for sentence in p.sentences[:2]:
                lines.append(f"      | {sentence}")
    lines.append("-- per relation")
    lines.append(f"  {'relation':16s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>5s} {'fp':>5s} "
                 f"{'fn':>5s}")
    for name, s in sorted(result.per_relation.items()):
        p, r, f = s.prf()
        lines.append(f"  {name:16s} {p:6.3f} {r:6.3f} {f:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}")
    lines.append(" ".join(f"{k}={v}" for k, v in result.summary().items()))
    return "\n".join(lines)
