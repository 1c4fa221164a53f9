"""Resolution glue run after the rules: fuzzy lookup of capitalised runs no rule
claimed, a trained pipeline's NER mapped to the ontology, and document aliases (a later
"Dillon" is the "Ryan Dillon" named before; a defined acronym takes its full name).

A mixin of :class:`kg.components.entities.EntityRecognizer`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ... import resolve
from . import ner_check
from .common import (
    CONF,
    NER_MAP,
    NOT_NAMES,
    PARTICLES,
    Cand,
    _canonical,
    _fuzzy_cached,
)
from .toks import Toks


class ResolutionRules:
    """Mixin of the ``kg_entities`` component (see the module docstring)."""

    def _fuzzy_runs(self, T: Toks, fill: list[Cand], taken: set[int],
                    headline: set[int]) -> None:
        """Capitalised runs no rule claimed, looked up with fuzzy matching (cached)."""
        i, n = 0, T.n
        claimed = set(taken)
        for c in fill:
            claimed.update(range(c.start, c.end))
        # only capitalised tokens can start a run: the others would only be stepped over
        for pos in T.cap_positions():
            if pos < i:
                continue  # inside the last run looked at
            i = pos
            if i >= n:
                break
            if i in claimed or not T.cap[i] or T.lower[i] in NOT_NAMES or T.is_stop(i):
                i += 1
                continue
            end = self._name_run(T, i)
            if end == i:
                i += 1
                continue
            if any(k in claimed for k in range(i, end)):
                i = end
                continue
            text = T.span_text(i, end)
            if sum(c.isalpha() for c in text) >= resolve.FUZZY_MIN_LEN:
                hit = _fuzzy_cached(text)
                if hit is not None:
                    fill.append(Cand(i, end, hit[1], hit[0], "fuzzy"))
            i = end

    def _from_ner(self, doc: Doc, T: Toks, fill: list[Cand], main: list[Cand] = (),
                  headline: set[int] = frozenset(),
                  roles: list[tuple[int, int]] = ()) -> None:
        """A trained pipeline's NER, mapped to the ontology (the gazetteer already won).
        What the gazetteer does not confirm must pass :mod:`.ner_check` first."""
        found = []
        for ent in doc.spans["kg_ner"]:
            label = NER_MAP.get(ent.label_)
            if label is None:
                continue
            s, e = ent.start, ent.end
            while s < e and T.lower[s] in {"the", "a", "an"}:
                s += 1
            if s < e:
                found.append((s, e, label))
        ctx = None
        for s, e, label in found:
            text = T.span_text(s, e)
            hit = _canonical(text, label if label != "GROUP" else None)
            if hit is not None:
                fill.append(Cand(s, e, hit[1], hit[0], "ner"))
                continue
            if label == "GROUP" and resolve.is_demonym(text):
                continue
            if ctx is None:
                ctx = ner_check.NerContext(
                    doc, T, [(*ner_check.trim(T, a, b), lab) for a, b, lab in found],
                    [(c.start, c.end, c.kb) for c in main if c.label == "PERSON"],
                    headline, list(roles))
            s, e = ner_check.trim(T, s, e)
            if ner_check.reject_reason(ctx, s, e, label) is None:
                fill.append(Cand(s, e, ner_check.relabel(T, s, e, label), T.span_text(s, e),
                                 "ner", prio=ner_check.PRIO))

    # ------------------------------------------------------------------ document aliases
    @staticmethod
    def _doc_aliases(T: Toks, chosen: list[Cand]) -> list[Cand]:
        """Later short mentions of a person named in full earlier ("Col. Ryan Dillon" …
        "Dillon") take the full name; so does an organisation's first name word used
        alone ("Kataeb Hezbollah" … "Kataeb")."""
        chosen = _org_short_names(T, chosen)
        acronym: dict[str, Cand] = {}
        for c in chosen:
            if c.source == "acronym_defined" and c.end - c.start == 1:
                acronym[T.text[c.start]] = c
        for c in chosen:
            if c.source == "acronym" and c.kb in acronym:
                d = acronym[c.kb]
                c.kb, c.label, c.source, c.conf = d.kb, d.label, "alias", CONF["alias"]
        surname: dict[str, str] = {}
        for c in chosen:
            if c.label == "PERSON" and " " in c.kb:
                words = c.kb.split()
                lasts = [words[-1]]
                # "Luiz Inácio Lula da Silva" … "Lula": the name before the particles
                p = next((k for k in range(2, len(words) - 1) if words[k] in PARTICLES), None)
                if p is not None:
                    lasts.append(words[p - 1])
                for last in lasts:
                    surname[last] = c.kb if surname.get(last, c.kb) == c.kb else ""
        if not surname:
            return _person_first_names(T, chosen)
        taken: set[int] = set()
        for c in chosen:
            if c.label == "PERSON" and c.end - c.start == 1 and c.kb == T.text[c.start] \
                    and surname.get(c.kb):
                c.kb = surname[T.text[c.start]]
                c.source, c.conf = "alias", CONF["alias"]
            taken.update(range(c.start, c.end))
        extra = []
        for i in T.cap_positions():
            if i in taken or not T.cap[i]:
                continue
            full = surname.get(T.text[i])
            if full:
                extra.append(Cand(i, i + 1, "PERSON", full, "alias"))
        return _person_first_names(T, chosen + extra)


def _person_first_names(T: Toks, chosen: list[Cand]) -> list[Cand]:
    """"Abiy Ahmed … Abiy told lawmakers", "Kim Jong Un … Kim signed": a person news names
    by the first word of the full name (given-name or family-name-first usage). The word
    alone is that person when exactly one person named in full before it starts with it,
    and it is no English word, no name the gazetteer knows and no part of a longer name
    (a small place of that name after "in" / "near" is the place rules' and taken)."""
    firsts: dict[str, list[tuple[int, str]]] = {}
    for c in chosen:
        if c.label == "PERSON" and " " in c.kb:
            w = c.kb.split()[0]
            if len(w) >= 3 and w.isalpha() and not w.isupper() \
                    and T.text[c.start] == w:
                firsts.setdefault(w, []).append((c.end, c.kb))
    if not firsts:
        return chosen
    taken = {k for c in chosen for k in range(c.start, c.end)}
    extra = []
    for i in T.data.where_text(frozenset(firsts)):
        if i in taken or (i + 1 < T.n and T.cap[i + 1]) or (i > 0 and T.cap[i - 1]):
            continue  # "Kim Yo Jong", "Hassan Ali": another name's word
        w = T.text[i]
        known = {kb for end, kb in firsts[w] if end <= i}
        if len(known) != 1 or w.lower() in NOT_NAMES or w.lower() in ner_check.common_words() \
                or _canonical(w) is not None:
            continue
        extra.append(Cand(i, i + 1, "PERSON", known.pop(), "alias"))
    return chosen + extra


def _org_short_names(T: Toks, chosen: list[Cand]) -> list[Cand]:
    """"Kataeb Hezbollah … Kataeb has long targeted": after an organisation's full name,
    its first word alone is that organisation, when the word is no English word, no name
    the gazetteer knows (a small place included: "the Sinaloa Cartel … in Sinaloa"), the
    first word of no other organisation of the article, and not followed by another
    capitalised word."""
    first: dict[str, tuple[str, int]] = {}
    for c in chosen:
        if c.label != "ORGANIZATION" or c.end - c.start < 2:
            continue
        w = T.text[c.start]
        if len(w) < 4 or not w.isalpha() or not w[0].isupper() or w.isupper():
            continue
        low = w.lower()
        if low in NOT_NAMES or low in ner_check.common_words() or _canonical(w) is not None \
                or resolve.current().cue_place(w) is not None:
            continue
        kb, at = first.get(w, (c.kb, c.end))
        first[w] = (kb, min(at, c.end)) if kb == c.kb else ("", at)
    if not first:
        return chosen
    taken = {k for c in chosen for k in range(c.start, c.end)}
    extra = []
    for k in T.data.where_text(frozenset(first)):
        kb, at = first[T.text[k]]
        if kb and k >= at and k not in taken and not (k + 1 < T.n and T.cap[k + 1]):
            extra.append(Cand(k, k + 1, "ORGANIZATION", kb, "alias"))
    return chosen + extra
