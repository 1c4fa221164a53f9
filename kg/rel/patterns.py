"""Load the relation pattern files in ``kg/data/patterns`` and compile them into a Matcher.

Why a small DSL: the cue lexicons (verbs, nouns, participles) are the part people extend,
so a rule names a word list (``"@verbs"``) instead of repeating it. Verb lists hold lemmas
and are expanded to their inflections here, because the blank fallback pipeline's lookup
lemmatizer does not lemmatise capitalised tokens and sentence-initial verbs would be missed.

Pattern items (each becomes one spaCy token pattern):

* ``"@name"`` — ``LOWER`` in the word list ``name`` (``verbs`` are inflected);
* ``"a|b|c"`` — ``LOWER`` in the alternatives; a leading ``?`` makes the token optional;
* ``"*{m,n}"`` — m to n tokens that are not punctuation or line breaks;
* ``"-"`` and other punctuation — ``ORTH``;
* a JSON object — a raw spaCy token pattern (ORTH/LOWER/LEMMA/ENT_TYPE ...), used as is.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..errors import KgError
from ..tokens import token_data

PATTERN_DIR = Path(__file__).resolve().parent.parent / "data" / "patterns"

_IRREGULAR = {
    "fight": ["fought"], "lead": ["led"], "hold": ["held"], "strike": ["struck", "stricken"],
    "shoot": ["shot"], "send": ["sent"], "seek": ["sought"], "take": ["took", "taken"],
    "run": ["ran"], "build": ["built"], "keep": ["kept"], "meet": ["met"], "overrun": ["overran"],
    "hit": ["hit"], "set": ["set"], "find": ["found"], "give": ["gave", "given"],
    "rebuild": ["rebuilt"], "withdraw": ["withdrew", "withdrawn"], "draw": ["drew", "drawn"],
    "undertake": ["undertook", "undertaken"], "wage": [], "found": ["founded"],
}
_DOUBLE = {"ship", "man", "plan", "ban", "bar", "stop", "drop", "rob", "control", "patrol",
           "expel", "repel", "compel", "equip", "kidnap", "commit", "submit", "abet", "rebel",
           "shell", "pin", "trap", "grab", "scrap", "step"}


class PatternError(KgError, ValueError):
    """A pattern file is malformed; the message names the file and rule."""


def inflect(lemma: str) -> list[str]:
    """Regular English verb forms of ``lemma`` (plus known irregular ones)."""
    w = lemma.lower()
    forms = {w}
    if re.search(r"(s|x|z|ch|sh)$", w):
        forms.add(w + "es")
    elif re.search(r"[^aeiou]y$", w):
        forms.add(w[:-1] + "ies")
    else:
        forms.add(w + "s")
    if w.endswith("e"):
        forms.update({w + "d", w[:-1] + "ing"})
    elif re.search(r"[^aeiou]y$", w):
        forms.update({w[:-1] + "ied", w + "ing"})
    else:
        forms.update({w + "ed", w + "ing"})
        if w in _DOUBLE:
            forms.update({w + w[-1] + "ed", w + w[-1] + "ing"})
    forms.update(_IRREGULAR.get(w, []))
    return sorted(forms)


@dataclass
class Rule:
    """One token rule: a Matcher pattern plus how its arguments are found (``frame``)."""

    id: str
    relation: str
    frame: str
    pattern: list[dict[str, Any]]
    subject_types: tuple[str, ...]
    object_types: tuple[str, ...]
    options: dict[str, Any] = field(default_factory=dict)

    def opt(self, key: str, default: Any = None) -> Any:
        return self.options.get(key, default)


_RULE_KEYS = {"id", "frame", "pattern", "subject_types", "object_types", "relation"}
FRAMES = {"svo", "passive", "premod", "pro", "nominal", "nominal_by", "ditransitive",
          "inverse", "symmetric", "premod_noun", "adj_premod", "tail_allies",
          "appos_poss", "members_include", "relative_members", "role", "hosts", "claim"}


def _token(item: Any, words: dict[str, list[str]], where: str) -> dict[str, Any]:
    if isinstance(item, dict):
        return item
    if not isinstance(item, str) or not item:
        raise PatternError(f"{where}: pattern items are strings or objects, got {item!r}")
    m = re.fullmatch(r"\*\{(\d*),(\d*)\}", item)
    if m:
        lo, hi = m.group(1) or "0", m.group(2)
        return {"IS_PUNCT": False, "IS_SPACE": False, "OP": f"{{{lo},{hi}}}"}
    optional = item.startswith("?") and len(item) > 1
    body = item[1:] if optional else item
    if body.startswith("@"):
        name = body[1:]
        if name not in words:
            raise PatternError(f"{where}: unknown word list {body!r}")
        spec: dict[str, Any] = {"LOWER": {"IN": words[name]}}
    elif re.fullmatch(r"[\w.'’-]+(\|[\w.'’-]+)*", body) and any(c.isalnum() for c in body):
        alts = body.lower().split("|")
        spec = {"LOWER": alts[0]} if len(alts) == 1 else {"LOWER": {"IN": alts}}
    else:
        spec = {"ORTH": body}
    if optional:
        spec["OP"] = "?"
    return spec


def load_words(directory: Path = PATTERN_DIR) -> dict[str, dict[str, list[str]]]:
    """Each relation's word lists (``verbs`` inflected), keyed by relation name."""
    out: dict[str, dict[str, list[str]]] = {}
    for path in sorted(directory.glob("*.json")):
        if path.stem in ("lexicon", "dependency"):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        out[data.get("relation", path.stem)] = _expand_words(data.get("words", {}))
    return out


def _expand_words(raw: dict[str, list[str]]) -> dict[str, list[str]]:
    words: dict[str, list[str]] = {}
    for name, items in raw.items():
        if name == "verbs":
            words[name] = sorted({f for w in items for f in inflect(w)})
        else:
            words[name] = sorted({w.lower() for w in items})
    return words


def load_rules(directory: Path = PATTERN_DIR) -> list[Rule]:
    """All token rules of every ``<RELATION>.json`` file in ``directory``."""
    from .. import ontology

    rules: list[Rule] = []
    seen: set[str] = set()
    for path in sorted(directory.glob("*.json")):
        if path.stem in ("lexicon", "dependency"):
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            raise PatternError(f"{path.name}: not JSON: {e}") from e
        relation = data.get("relation", path.stem)
        ontology.check_relation(relation)
        words = _expand_words(data.get("words", {}))
        for raw in data.get("token_rules", []):
            rid = raw.get("id")
            where = f"{path.name}:{rid}"
            if not rid or rid in seen:
                raise PatternError(f"{where}: every rule needs a unique id")
            seen.add(rid)
            frame = raw.get("frame")
            if frame not in FRAMES:
                raise PatternError(f"{where}: unknown frame {frame!r}")
            pattern = [_token(item, words, where) for item in raw.get("pattern", [])]
            if not pattern:
                raise PatternError(f"{where}: empty pattern")
            rules.append(Rule(
                id=rid, relation=raw.get("relation", relation), frame=frame, pattern=pattern,
                subject_types=tuple(raw.get("subject_types", data.get("subject_types", ()))),
                object_types=tuple(raw.get("object_types", data.get("object_types", ()))),
                options={k: v for k, v in raw.items() if k not in _RULE_KEYS}))
    return rules


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """Closed word classes (``lexicon.json``), lists turned into frozensets for lookups."""
    data = json.loads((PATTERN_DIR / "lexicon.json").read_text(encoding="utf-8"))
    out: dict[str, Any] = {}
    for k, v in data.items():
        if k.startswith("_"):
            continue
        if isinstance(v, list) and v and all(isinstance(x, str) for x in v):
            out[k] = frozenset(x.lower() for x in v)
        else:
            out[k] = v
    return out


def all_verb_forms(rules: list[Rule]) -> frozenset[str]:
    """Every single-token cue of an ``svo`` rule: a mention right after one is an object."""
    forms: set[str] = set()
    for r in rules:
        if r.frame in ("svo", "passive") and r.pattern:
            first = r.pattern[0].get("LOWER")
            if isinstance(first, dict):
                forms.update(first.get("IN", []))
            elif isinstance(first, str):
                forms.add(first)
    return frozenset(forms)


def build_matcher(vocab: Vocab, rules: list[Rule]) -> Matcher:
    matcher = Matcher(vocab)
    for r in rules:
        try:
            matcher.add(r.id, [r.pattern], greedy="LONGEST")
        except ValueError as e:  # spaCy's pattern validation message, with our rule id
            raise PatternError(f"rule {r.id}: {e}") from e
    return matcher


# ---- fast cue matching ---------------------------------------------------------------------------

_COMMON = frozenset({"in", "with", "and", "or", "the", "a", "an", "of", "to", "by", "on", "at",
                     "-", ",", "is", "are", "was", "were", "has", "have", "had", "for", "under"})


def _words_of(spec: dict[str, Any]) -> frozenset[str] | None:
    """The lower-case words a token spec accepts, if it is a plain word test."""
    if spec.get("OP") in ("?", "*") or str(spec.get("OP", "")).startswith("{0"):
        return None
    for key in ("LOWER", "ORTH"):
        v = spec.get(key)
        if isinstance(v, str):
            return frozenset({v.lower()})
        if isinstance(v, dict) and "IN" in v:
            return frozenset(x.lower() for x in v["IN"])
    return None


def _plain_lower(spec: dict[str, Any]) -> bool:
    """A token spec that is nothing but a test of lower-case words (``{"LOWER": "x"}`` or
    ``{"LOWER": {"IN": [...]}}``, the words already lower case)."""
    if set(spec) != {"LOWER"}:
        return False
    v = spec["LOWER"]
    if isinstance(v, str):
        return v == v.lower()
    return isinstance(v, dict) and set(v) == {"IN"} and all(
        isinstance(w, str) and w == w.lower() for w in v["IN"])


def _required_words(pattern: list[dict[str, Any]]) -> list[frozenset[str]]:
    """For each token of ``pattern`` that must occur (no OP, or "+") and is a plain word
    test, the lower-case words it accepts: a match needs one of each in its window."""
    out = []
    for spec in pattern:
        if spec.get("OP", "+") != "+":
            continue
        words = _words_of(spec)
        if words is not None:
            out.append(words)
    return out


def _extent(spec: dict[str, Any]) -> int:
    op = str(spec.get("OP", ""))
    m = re.fullmatch(r"\{(\d*),(\d*)\}", op)
    if m:
        return int(m.group(2) or 8)
    return 1


class CueMatcher:
    """The token rules' Matcher, run only where a rule can match.

    spaCy's Matcher tests every pattern at every token; with ~60 rules whose tokens are
    set-membership tests that is most of the component's time. Each rule has an *anchor*
    (its most specific required token); a dict lookup per token finds anchor hits and only
    the rules anchored there are run, each on a window just wide enough for the pattern.
    Results are identical to one Matcher over the whole Doc (same greedy LONGEST matches).
    A rule's Matcher is not even run when one of its required plain-word tokens is missing
    from the window (``needs``): a set test is far cheaper than a Matcher call.
    """

    def __init__(self, vocab: Vocab, rules: list[Rule]) -> None:
        self.anchor: dict[str, list[tuple[str, Matcher, int, int]]] = {}
        self.unanchored: list[Rule] = []
        self.needs: dict[str, list[frozenset[str]]] = {}
        # one-token rules that only test LOWER: an anchor hit is the match itself
        self.single = {r.id for r in rules if len(r.pattern) == 1 and _plain_lower(r.pattern[0])}
        for r in rules:
            best = None
            for k, spec in enumerate(r.pattern):
                words = _words_of(spec)
                if words is None:
                    continue
                score = (len(words & _COMMON), len(words))
                if best is None or score < best[0]:
                    best = (score, k, words)
            m = Matcher(vocab)
            try:
                m.add(r.id, [r.pattern], greedy="LONGEST")
            except ValueError as e:
                raise PatternError(f"rule {r.id}: {e}") from e
            if best is None:
                self.unanchored.append(r)
                continue
            _, k, words = best
            self.needs[r.id] = _required_words(r.pattern[:k] + r.pattern[k + 1:])
            before = sum(_extent(s) for s in r.pattern[:k])
            after = sum(_extent(s) for s in r.pattern[k + 1:])
            for w in words:
                self.anchor.setdefault(w, []).append((r.id, m, before, after))
        self.full = build_matcher(vocab, self.unanchored) if self.unanchored else None
        self.anchor_words = frozenset(self.anchor)

    def __call__(self, doc: Doc, lower: list[str] | None = None) -> list[tuple[str, int, int]]:
        data = token_data(doc)
        if lower is None or lower is data.lower:
            low = data.lower
            positions = data.where(self.anchor_words)  # the anchor hits, found vectorised
        else:
            low = lower
            positions = range(len(low))
        found: set[tuple[str, int, int]] = set()
        n = len(doc)
        anchor, needs, single = self.anchor, self.needs, self.single
        for i in positions:
            hits = anchor.get(low[i])
            if not hits:
                continue
            for rid, matcher, before, after in hits:
                lo, hi = max(0, i - before), min(n, i + after + 1)
                need = needs.get(rid)
                if need:
                    # a required word is missing: the Matcher cannot match (a plain loop,
                    # not any(<generator>): this runs thousands of times per corpus)
                    window = low[lo:hi]
                    missing = False
                    for words in need:
                        if words.isdisjoint(window):
                            missing = True
                            break
                    if missing:
                        continue
                if rid in single:
                    found.add((rid, i, i + 1))
                    continue
                for _, s, e in matcher(doc[lo:hi]):
                    if lo + s <= i < lo + e:
                        found.add((rid, lo + s, lo + e))
        if self.full is not None:
            strings = doc.vocab.strings
            found.update((strings[m], s, e) for m, s, e in self.full(doc))
        return sorted(found, key=lambda x: (x[1], x[2], x[0]))
