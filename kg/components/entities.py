"""``kg_entities``: find the actors in a Doc and give each its canonical name.

THE INTERFACE (the relation side and users rely on it; keep it stable)
--------------------------------------------------------------------
After ``nlp(text)`` with ``kg_entities`` in the pipeline:

``doc.ents``
    Spans with ``label_`` in {STATE, ORGANIZATION, PERSON, GROUP, FACILITY, LOCATION} and
    ``kb_id_`` = the canonical name (never empty). Spans are what the text says:

    * a name or alias: "IRGC", "Hezbollah brigades" (kb "Kataib Hezbollah"), "Irans";
    * a demonym used as an adjective is the STATE: "Iranian" in "Iranian influence" and in
      "Iranian-backed groups"; "X-backed" is tokenised X, "-", "backed" (also "U.S.-backed"
      with :func:`kg.nlp.load_pipeline`'s tokenizer), and X alone is the ent;
    * people named by nationality are one GROUP span: "young Syrian men", "Afghan
      fighters" (kb = the phrase);
    * national forces are one STATE span: "Syrian forces", "Iraqi security forces",
      "US troops", "Trump administration", "Assad regime" (kb Syria / Iraq / United States);
    * a capital acting as a government is the STATE ("Tehran seeks…"); as a place it is a
      LOCATION named after the city ("a prison in Damascus" → kb "Damascus");
    * actors not in the gazetteer: acronyms, capitalised names with an organisation head
      ("… Brigade", "… Front", "… Council"), the Y of "X-backed Y"/"pro-X Y", names after a
      title ("Colonel Smith") or before an apposed one ("Jane Doe, the group's leader"),
      capitalised places after in/near/at (lower confidence);
    * a capitalised "National" makes a named armed group, not national forces ("Libyan
      National Army" is an ORGANIZATION, "Libyan forces" is Libya);
    * facilities named after a place or with a facility head ("Jeddah 1 rehabilitation
      centre", "the Mosul airport", "Tiyas Air Base") are FACILITY;
    * a state's ministry is one ORGANIZATION per state ("Niger's Defence Ministry" →
      "Nigerien Defence Ministry"); without a state in the phrase it is left out;
    * "<state>-led coalition/alliance/mission" is an ORGANIZATION named after the state.

``Span._.kg_source`` / ``Span._.kg_confidence``
    How an ent was found ("gazetteer", "demonym", "capital", "national_force", "title",
    "acronym", "org_head", "backed", "place", "fuzzy", "alias", "ner") and a 0–1 confidence.

``doc.spans["kg_titles"]``
    One span per title construction ("US President Donald Trump", "Qassem Soleimani, the
    commander of the Quds Force", "Colonel Dillon"). ``span.label_`` is the role word
    (lower case, e.g. "president"), ``span.kb_id_`` the person's canonical name, and
    ``span._.kg_title`` a dict::

        {"person": "Donald Trump", "person_start": 2, "person_end": 4,   # token offsets
         "role": "president", "relation": "LEADS" | "PART_OF" | None,  # None: honorific
         "org": "United States" | None, "org_type": "STATE" | None,
         "org_start": 0 | None, "org_end": 1 | None,    # None when inferred
         "org_inferred": False,   # True: no organisation in the text, the gazetteer's
                                  # part_of of a known person ("Prime Minister X")
         "org_anaphor": None | [start, end],  # "Its chairman, X", "X, the group's
                                  # leader": the anaphor kg_coref resolves; kg_coref then
                                  # fills org/org_type/org_start/org_end
         "role_relation": "LEADS" | "PART_OF" | None}  # what the role word implies

``doc.spans["kg_coref"]``
    Filled by ``kg_coref`` (see :mod:`kg.components.coref`), same label/kb_id convention.

``doc.spans["kg_ner"]``
    With a trained pipeline, the model's original NER spans (all labels, e.g. DATE),
    because ``doc.ents`` is replaced by the ontology entities.

Everything runs on spaCy matchers plus short Python passes over candidate spans; the
gazetteer is never scanned per token and fuzzy matching only sees capitalised spans the
exact lookup missed.
"""

from __future__ import annotations

import os
from functools import lru_cache
from itertools import compress

import numpy
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import StringStore
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import resolve
from ..gazetteer import CAPITAL, DEMONYM, NAME, Gazetteer, build_matchers, load_gazetteer, norm_key
from ..tokens import token_data

TYPES = ("STATE", "ORGANIZATION", "PERSON", "GROUP", "FACILITY", "LOCATION")

for _name in ("kg_source", "kg_confidence", "kg_title", "kg_antecedent"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)

_V = resolve.vocab()
# capitalised heads that make a name an organisation ("… Division", "… Front")
ORG_HEADS = _V["org_heads"]
# lower-case heads allowed right after a capitalised name ("Euphrates Shield coalition")
LOWER_ORG_HEADS = _V["lower_org_heads"]
NAME_INNER = frozenset(["of", "for", "and", "the", "al", "el", "-", "bin", "ibn", "de", "&"])
PARTICLES = frozenset(["al", "el", "bin", "ibn", "-", "abu", "de"])
SECOND_IN_COMMAND = frozenset(["deputy", "vice", "assistant", "associate", "under"])
# words that are not names on their own but can be part of a unit's name
UNIT_NAME_WORDS = frozenset(["general", "state", "secretary", "minister", "staff"])
# capitalised words that are not names (months, pronouns, "First", "Read", …)
NOT_NAMES = _V["not_names"]
STOP_ACRONYMS = frozenset(w.upper() for w in _V["stop_acronyms"])
# lower-case role words that still introduce a name ("spokesman Dillon")
LOWER_CASE_ROLES_OK = _V["lower_case_roles_ok"]
SPEECH_VERBS = _V["speech_verbs"]
PLACE_TRIGGERS = _V["place_triggers"]
PLACE_OF_NOUNS = _V["place_of_nouns"]
# "young Syrian men", "Afghan fighters": people named by nationality are a GROUP
PEOPLE_NOUNS = _V["people_nouns"]
PEOPLE_ADJECTIVES = _V["people_adjectives"]
# "Jeddah 1 rehabilitation centre", "Tiyas Air Base", "the Kuweires airbase": facilities
# named after a place or with a capitalised facility head
FACILITY_HEADS = frozenset(h.split()[-1] for h in _V["facility_heads"])
FACILITY_MODIFIERS = _V["facility_modifiers"]
ANAPHOR_NOUNS = _V["anaphor_nouns"]
LED_HEADS = frozenset(["coalition", "alliance", "force", "mission", "task force"])
DASHES = ("-", "\u2013")
# the trigger words of the scans below, as sets for TokenData.where (one vectorised lookup
# per Doc instead of a Python loop over every token)
PLACE_TRIGGERS_OF = frozenset(PLACE_TRIGGERS) | {"of"}
BACKED_OR_PRO = frozenset(resolve.BACKED_WORDS) | {"pro"}
ANY_ORG_HEADS = frozenset(ORG_HEADS) | frozenset(LOWER_ORG_HEADS)
GOVERNMENT_WORDS = frozenset(["government", "administration", "regime", "cabinet"])
WHO_WORDS = frozenset(["who", "whose"])

CONF = {"gazetteer": 0.95, "national_force": 0.9, "demonym": 0.85, "capital": 0.85,
        "border": 0.8, "title": 0.8, "acronym_defined": 0.85, "acronym": 0.55,
        "org_head": 0.7, "backed": 0.7, "group": 0.7, "speaker": 0.65, "place": 0.5, "fuzzy": 0.75,
        "alias": 0.8, "ner": 0.6, "facility": 0.7}
NER_MAP = {"ORG": "ORGANIZATION", "PERSON": "PERSON", "GPE": "LOCATION", "NORP": "GROUP",
           "FAC": "FACILITY", "LOC": "LOCATION"}


class Cand:
    """A candidate entity before overlaps are settled."""

    __slots__ = ("start", "end", "label", "kb", "source", "conf", "prio", "kind")

    def __init__(self, start, end, label, kb, source, prio=1, kind=NAME):
        self.start, self.end, self.label, self.kb = start, end, label, kb
        self.source, self.conf, self.prio, self.kind = source, CONF[source], prio, kind

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Cand({self.start},{self.end},{self.label},{self.kb!r},{self.source})"


class Toks:
    """Token strings and flags of one Doc, read once: the heuristics below look at tokens
    many times, and creating spaCy ``Token`` objects is what would cost."""

    __slots__ = ("text", "ws", "lower", "cap", "n", "newline_after", "stop", "sent_starts",
                 "data", "_cap_pos")

    def __init__(self, doc: Doc, stop_words: frozenset[str]):
        # strings come from the shared per-Doc token data (one C-level read, one string
        # per distinct word); the flags below are computed once per distinct word too
        data = self.data = token_data(doc)
        n = data.n
        self.text = data.text
        self.ws = data.ws
        self.lower = data.lower  # spaCy's LOWER is str.lower() of the text
        self.cap = data.text_flags(_is_cap)
        self._cap_pos = list(compress(range(n), self.cap))
        self.n = n
        # trailing whitespace is at most one space: only a token's text holds a line break
        breaks = data.where_text_has("\n")
        self.newline_after = [False] * n
        for i in breaks:
            self.newline_after[i] = True
        self.stop = stop_words
        starts = {0}
        if data.sentenced:
            starts.update(data.sent_starts)
        starts.update(i + 1 for i in breaks)  # after a line break
        # the first word after an opening quote or bracket also starts a sentence
        starts.update(i + 1 for i in list(starts) if i < self.n and self.text[i] in
                      ('"', "\u201c", "\u2018", "'", "(", "-"))
        self.sent_starts = starts

    def span_text(self, s: int, e: int) -> str:
        if e <= s:
            return ""
        return "".join(self.text[i] + self.ws[i] for i in range(s, e - 1)) + self.text[e - 1]

    def cap_positions(self) -> list[int]:
        """Indices of the capitalised tokens (``cap``), in order."""
        return self._cap_pos

    def is_title(self, i: int) -> bool:
        t = self.text[i]
        return t[:1].isupper() and (len(t) == 1 or not t[1:].isupper()) and t[:1].isalpha()

    def is_upper(self, i: int) -> bool:
        t = self.text[i]
        return t.isupper() and any(c.isalpha() for c in t)

    def is_alpha(self, i: int) -> bool:
        return self.text[i].isalpha()

    def is_stop(self, i: int) -> bool:
        return self.lower[i] in self.stop


def _acronym_shaped(t: str) -> bool:
    return 2 <= len(t) <= 6 and t.isalpha() and t.isupper()


def _is_cap(t: str) -> bool:
    """A capitalised word: an upper-case first character and at least one letter."""
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


def _is_headline(T: Toks, s: int, e: int) -> bool:
    """Headline case ("Undeclared Battle Between US, Iran") makes every word look like a
    name; the capitalisation heuristics are switched off for such lines. A line is in
    headline case when its content words (after the first) are capitalised and it is not
    an ordinary sentence ending in a full stop with a lower-case content word."""
    text, alpha = T.text, T.data.alpha  # alpha: spaCy's IS_ALPHA, i.e. str.isalpha()
    words = [i for i in range(s + 1, e) if alpha[i] and len(text[i]) > 3]
    if len(words) < 3:
        return False
    lower = sum(1 for i in words if not T.cap[i])
    last = e - 1
    while last > s and T.text[last].isspace():
        last -= 1
    ends_like_sentence = T.text[last] in (".", "!", "\u201d", '"')
    if lower == 0:
        # "Assad met Colonel Ahmed Zaki in Benghazi.": a short sentence full of names
        # still has lower-case verbs and prepositions and ends in a full stop
        return not (ends_like_sentence and any(
            T.text[i].islower() and T.text[i].isalpha()
            and T.lower[i] not in ("a", "an", "the", "and", "of") for i in range(s + 1, e)))
    return not ends_like_sentence and lower / len(words) <= 0.25


@lru_cache(maxsize=20000)
def _canonical_cached(text: str, type_hint: str | None,
                      gazetteer_env: str | None) -> tuple[str, str] | None:
    return resolve.canonical_name(text, type_hint)


def _canonical(text: str, type_hint: str | None = None) -> tuple[str, str] | None:
    """:func:`kg.resolve.canonical_name`, memoised (per default gazetteer): unknown names
    recur across a corpus, and each miss costs a fuzzy search of the whole gazetteer."""
    return _canonical_cached(text, type_hint, os.environ.get("KG_GAZETTEER"))


@lru_cache(maxsize=20000)
def _fuzzy_cached(text: str) -> tuple[str, str] | None:
    hit = resolve.fuzzy_lookup(text)
    if hit is None:
        return None
    s = hit[0]
    actor = resolve.gazetteer().actors[s.actor]
    if s.kind == DEMONYM:
        return actor.name, "STATE"
    return actor.name, actor.type


class EntityRecognizer:
    """The ``kg_entities`` pipeline component (see the module docstring for the interface)."""

    def __init__(self, nlp: Language, name: str = "kg_entities", gazetteer: str | None = None,
                 fuzzy: bool = True, detect_unknown: bool = True):
        self.name = name
        self.gz: Gazetteer = load_gazetteer(gazetteer)
        self.fuzzy = fuzzy
        self.detect_unknown = detect_unknown
        self.stop_words = frozenset(nlp.Defaults.stop_words)
        self.lower, self.orth = build_matchers(nlp, self.gz)
        self._match_keys: dict[int, tuple[str, str, bool]] = {}  # see _match_key
        # (first word, head) of the gazetteer's facilities, so "the Bushehr plant" is the
        # known "Bushehr nuclear plant" rather than a new node
        self.facility_index: dict[tuple[str, str], set[str]] = {}
        for actor in self.gz:
            if actor.type != "FACILITY":
                continue
            for text in (actor.name, *actor.aliases):
                words = text.split()
                if len(words) >= 2:
                    key = (norm_key(words[0]), words[-1].lower())
                    self.facility_index.setdefault(key, set()).add(actor.name)
        self.roles = PhraseMatcher(nlp.vocab, attr="LOWER")
        for role in resolve.ROLES:
            docs = []
            for v in {role, role.title()}:
                docs.append(nlp.make_doc(v + " Smith")[:-1].as_doc())
                docs.append(nlp.make_doc(v))
            self.roles.add(role, docs)

    # ------------------------------------------------------------------ main entry
    def __call__(self, doc: Doc) -> Doc:
        if doc.ents and not all(e.label_ in TYPES for e in doc.ents):
            doc.spans["kg_ner"] = list(doc.ents)  # a model's NER, not our own earlier run
        T = Toks(doc, self.stop_words)
        cands: list[Cand] = []
        self._gazetteer(doc, T, cands)
        headline = self._headline_tokens(doc, T)
        roles = [(sp.start, sp.end) for sp in
                 filter_spans([doc[s:e] for _, s, e in self.roles(doc)])]
        if self.detect_unknown:
            self._titles_persons(T, cands, headline, roles)
            self._appositive_persons(T, cands, headline, roles)
            self._government_of(T, cands, headline)
            self._org_heads(T, cands, headline)
            self._facilities(T, cands, headline)
            self._backed(T, cands, headline)
            self._acronyms(T, cands, headline)
            self._speakers(T, cands, headline)
        main = self._select(cands, set())
        taken: set[int] = set()
        for c in main:
            taken.update(range(c.start, c.end))
        fill: list[Cand] = []
        if "kg_ner" in doc.spans:
            self._from_ner(doc, T, fill)
        if self.detect_unknown:
            self._places(T, fill, taken, headline)
        if self.fuzzy:
            self._fuzzy_runs(T, fill, taken, headline)
        chosen = main + self._select(fill, taken)
        chosen = self._doc_aliases(T, chosen)
        chosen.sort(key=lambda c: c.start)
        if not _write_ents(doc, T, chosen):
            spans = [Span(doc, c.start, c.end, label=c.label, kb_id=c.kb) for c in chosen]
            doc.set_ents(spans, default="outside")
            for c, sp in zip(chosen, spans, strict=True):
                sp._.kg_source = c.source
                sp._.kg_confidence = c.conf
        doc.spans["kg_titles"] = self._titles(doc, T, chosen, roles)
        return doc

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _select(cands: list[Cand], taken: set[int]) -> list[Cand]:
        """Longest first, then priority; a token belongs to one entity."""
        out = []
        used = set(taken)
        for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.prio, c.start)):
            if any(i in used for i in range(c.start, c.end)):
                continue
            out.append(c)
            used.update(range(c.start, c.end))
        return out

    @staticmethod
    def _headline_tokens(doc: Doc, T: Toks) -> set[int]:
        """Tokens of lines (or sentences) written in headline case."""
        out: set[int] = set()
        bounds = T.sent_starts
        start = 0
        # only sentence starts, line breaks and the end can close a line
        events = sorted(bounds.union(T.data.where_text_has("\n"), (T.n,)))
        for i in events:
            if i > T.n:
                continue
            if i == T.n or (i > start and i in bounds) or T.newline_after[i]:
                end = i + 1 if i < T.n and T.newline_after[i] else i
                if end > start and _is_headline(T, start, end):
                    out.update(range(start, end))
                if end > start:
                    start = end
        return out

    @staticmethod
    def _force_end(T: Toks, j: int) -> int | None:
        """If tokens from j continue with force words ("security forces"), their end."""
        k, n = j, T.n
        while k < n and T.lower[k] in resolve.FORCE_MODIFIERS and k - j < 3:
            if T.cap[k] and T.lower[k] in resolve.NAME_MODIFIERS:
                return None  # "Libyan National Army" names a group, it is not Libya
            k += 1
        if k < n and T.lower[k] in resolve.FORCE_NOUNS:
            if not T.cap[k] or k > j:
                return k + 1
            if T.lower[k] in ("forces", "troops", "army", "military", "government", "regime"):
                return k + 1
        if k > j and T.lower[k - 1] in resolve.FORCE_NOUNS and not T.cap[k - 1]:
            return k  # "the Iraqi government agreed": "government" is noun and modifier
        return None

    # ------------------------------------------------------------------ gazetteer
    def _match_key(self, vocab: StringStore, match_id: int) -> tuple[str, str, bool]:
        """(kind, actor name, exact case required) of a gazetteer match id ("KIND|name",
        KIND ending "+lc" when only the exact case counts), parsed once per id."""
        info = self._match_keys.get(match_id)
        if info is None:
            kind, actor_name = vocab[match_id].split("|", 1)
            exact = kind.endswith("+lc")
            info = self._match_keys[match_id] = (kind[:-3] if exact else kind, actor_name, exact)
        return info

    def _gazetteer(self, doc: Doc, T: Toks, cands: list[Cand]) -> None:
        vocab = doc.vocab.strings
        hits = [(m, s, e, False) for m, s, e in self.lower(doc)]
        hits += [(m, s, e, True) for m, s, e in self.orth(doc)]
        for match_id, s, e, exact_case in hits:
            kind, actor_name, exact_only = self._match_key(vocab, match_id)
            exact_case = exact_case or exact_only
            # lower-case text ("turkey", "us") is not a name, except "al-Tanf"-style
            if not exact_case and not T.cap[s] and not (
                    T.lower[s] in ("al", "el", "at", "as", "ad") and e - s > 1
                    and any(T.cap[k] for k in range(s, e))):
                continue
            actor = self.gz.actors[actor_name]
            if kind == CAPITAL:
                if resolve.capital_is_place(doc, s, e):
                    cands.append(Cand(s, e, "LOCATION", actor.capital or actor.name, "capital",
                                      prio=3, kind=kind))
                else:
                    cands.append(Cand(s, e, "STATE", actor.name, "capital", prio=3, kind=kind))
                continue
            if kind == DEMONYM or actor.type == "STATE":
                fe = self._force_end(T, e)
                if fe is not None and s >= 2 and T.text[s - 1] == "-" and \
                        T.lower[s - 2] in ("pro", "anti", "non"):
                    fe = None  # "pro-Washington forces" are not Washington's
                if fe is not None and T.text[fe - 1] == "Ministry":
                    fe = None  # "the Malian Defence Ministry": a ministry (see _ministry)
                if fe is not None:
                    # prio 2: a named unit of the same length wins ("Syrian National Army")
                    cands.append(Cand(s, fe, "STATE", actor.name, "national_force", prio=2,
                                      kind=kind))
                    continue
                if kind == DEMONYM and e < T.n and T.lower[e] in PEOPLE_NOUNS and not (
                        s >= 2 and T.text[s - 1] == "-"):
                    g = s
                    while g > 0 and T.lower[g - 1] in PEOPLE_ADJECTIVES:
                        g -= 1
                    cands.append(Cand(g, e + 1, "GROUP", T.span_text(g, e + 1), "group",
                                      prio=3, kind=kind))
                    continue
                source = "demonym" if kind == DEMONYM else "gazetteer"
                cands.append(Cand(s, e, "STATE", actor.name, source, prio=3, kind=kind))
                continue
            if actor.type == "PERSON" and actor.part_of:
                boss = self.gz.actors.get(actor.part_of)
                j = e
                if j < T.n and T.lower[j] in ("'s", "\u2019s"):
                    j += 1
                if (boss is not None and boss.type == "STATE" and j < T.n
                        and T.lower[j] in ("administration", "regime", "government",
                                           "forces", "army", "troops")):
                    cands.append(Cand(s, j + 1, "STATE", boss.name, "national_force", prio=3))
                    continue
            cands.append(Cand(s, e, actor.type, actor.name, "gazetteer", prio=3, kind=kind))
        self._borders(T, cands)
        self._led_groups(T, cands)

    def _led_groups(self, T: Toks, cands: list[Cand]) -> None:
        """"the Emirati-led coalition", "a French-led mission": a coalition named after
        the state that leads it (one node per leading state; the gazetteer's own entries
        such as the US-led and Saudi-led coalitions match first, being longer)."""
        n = T.n
        for c in [c for c in cands if c.label == "STATE" and c.source != "national_force"]:
            j = c.end
            if j + 2 < n and T.text[j] in DASHES and T.lower[j + 1] == "led" \
                    and T.lower[j + 2] in LED_HEADS:
                kb = f"{c.kb}-led {T.lower[j + 2]}"
                hit = self.gz.lookup(kb) or self.gz.lookup(T.span_text(c.start, j + 3))
                if hit is not None:
                    kb = hit.actor
                cands.append(Cand(c.start, j + 3, "ORGANIZATION", kb, "org_head", prio=2))

    def _borders(self, T: Toks, cands: list[Cand]) -> None:
        """"the Iraqi-Syrian border", "Iran-Iraq border", "the Jordanian border": a
        LOCATION named from the states' demonyms, states sorted, so every spelling of the
        same border is one node."""
        states = {c.start: c for c in cands
                  if c.label == "STATE" and c.source != "national_force"}
        n = T.n
        for c in list(states.values()):
            parts = [c]
            j = c.end
            if j + 1 < n and T.text[j] in ("-", "\u2013", "/") and j + 1 in states:
                parts.append(states[j + 1])
                j = states[j + 1].end
            if j < n and T.lower[j] in ("border", "borders", "frontier") and not (
                    j + 1 < n and T.lower[j + 1] in ("crossing", "crossings", "guards")):
                adj = []
                for name in sorted({p.kb for p in parts}):
                    actor = self.gz.actors.get(name)
                    adj.append(actor.demonyms[0] if actor and actor.demonyms else name)
                kb = "-".join(adj) + " border"
                cands.append(Cand(c.start, j + 1, "LOCATION", kb, "border", prio=3))

    # ------------------------------------------------------------------ unknown actors
    @staticmethod
    def _name_run(T: Toks, i: int, max_len: int = 4) -> int:
        """End of a run of capitalised name tokens starting at i (i if none)."""
        j, n = i, T.n
        while j < n and j - i < max_len + 2:
            if T.cap[j] and T.lower[j] not in NOT_NAMES:
                j += 1
                continue
            if T.lower[j] in PARTICLES and j > i:
                k = j + 1
                if k < n and T.text[k] == "-":
                    k += 1  # "al" "-" "Baghdadi"
                if k < n and T.cap[k]:
                    j += 1
                    continue
            break
        while j > i and T.lower[j - 1] in ("-", "al", "el", "bin", "ibn", "de"):
            j -= 1
        return j

    def _titles_persons(self, T: Toks, cands: list[Cand], headline: set[int],
                        roles: list[tuple[int, int]]) -> None:
        """Names right after a title ("Colonel Jane Doe", "spokesman Doe")."""
        covered: set[int] = set()
        by_start: dict[int, Cand] = {}
        for c in cands:
            covered.update(range(c.start, c.end))
            if c.start not in by_start or c.end > by_start[c.start].end:
                by_start[c.start] = c  # the longest candidate at each start
        role_at = dict(roles)
        for s, e in roles:
            if s in headline or not (T.cap[s] or e - s > 1
                                     or T.lower[s] in LOWER_CASE_ROLES_OK):
                continue
            j = e
            while j < T.n:
                if T.text[j] in ("(", ")", ",") or j in role_at:
                    j = role_at.get(j, j + 1)
                    continue
                k = j + 2 if j + 1 < T.n and T.lower[j + 1] == "the" else j + 1
                c = by_start.get(k)
                if T.lower[j] in ("for", "of", "at") and c is not None and c.end < T.n \
                        and T.text[c.end] == "," and c.label in ("STATE", "ORGANIZATION"):
                    j = c.end  # "spokesman for the X, Jane Doe"
                    continue
                break
            if j >= T.n or j in covered:
                continue
            end = self._name_run(T, j)
            if end == j or T.lower[end - 1] in ORG_HEADS:
                continue  # "General Assembly"
            inside = [k for k in range(j, end) if k in covered]
            if inside and not self._other_bearer(T, j, end, inside, by_start):
                end = inside[0]
                if end == j:
                    continue
            text = T.span_text(j, end)
            hit = self.gz.lookup(text)
            if hit is not None and self.gz.actors[hit.actor].type != "PERSON":
                continue
            kb = hit.actor if hit is not None else None
            if kb is None:
                r = _canonical(text, "PERSON")
                kb = r[0] if r and r[1] == "PERSON" else text
            cands.append(Cand(j, end, "PERSON", kb, "title", prio=2))

    def _other_bearer(self, T: Toks, j: int, end: int, inside: list[int],
                      by_start: dict[int, Cand]) -> bool:
        """Is "Masrour Barzani" a different person from the known surname "Barzani" (Masoud
        Barzani)? Yes when a first name stands before the surname the gazetteer matched and
        that first name is not the known person's."""
        c = by_start.get(inside[0])
        if c is None or c.label != "PERSON" or inside[0] == j or c.end != end:
            return False
        first = T.lower[j]
        known = c.kb.lower().split()
        return len(known) >= 2 and first not in known and c.end - c.start == 1

    def _appositive_persons(self, T: Toks, cands: list[Cand], headline: set[int],
                            roles: list[tuple[int, int]]) -> None:
        """A full name before ", the <role>" / ", its <role>" / ", the group's <role>" /
        ", Russia's <role>" is a person ("Omar Zaidan, the group's leader, …"); two to four
        title-case words only, to keep precision."""
        covered: set[int] = set()
        by_end: dict[int, Cand] = {}
        for c in cands:
            covered.update(range(c.start, c.end))
            by_end[c.end] = c
        # "Jane Doe, who commanded …": organisations and places take "which"
        anchors = [(rs, True) for rs, _re in roles] + [
            (i, False) for i in T.data.where(WHO_WORDS) if i > 2 and T.text[i - 1] == ","]
        for rs, is_role in anchors:
            if rs in headline:
                continue
            if not is_role:
                self._person_before(T, rs - 1, covered, cands)
                continue
            k = rs
            while k > 0 and T.lower[k - 1] in resolve.TITLE_FILLERS and rs - k < 3:
                k -= 1
            if k > 0 and T.lower[k - 1] in ("the", "a", "an", "its", "their"):
                k -= 1
            elif k > 1 and T.lower[k - 1] in ("'s", "\u2019s"):
                if T.lower[k - 2] in ANAPHOR_NOUNS and k > 2 and T.lower[k - 3] == "the":
                    k -= 3
                elif (c := by_end.get(k - 1)) is not None:
                    k = c.start - (1 if c.start > 0 and T.lower[c.start - 1] == "the" else 0)
                else:
                    continue
            if k < 3 or T.text[k - 1] != ",":
                continue
            self._person_before(T, k - 1, covered, cands)

    def _person_before(self, T: Toks, e: int, covered: set[int], cands: list[Cand]) -> None:
        """A name of two to four title-case words ending right before token ``e`` (a
        comma) becomes a PERSON candidate."""
        s = e
        while s > 0 and e - s < 4 and (T.is_title(s - 1) or (
                T.lower[s - 1] in PARTICLES and s - 1 > 0)) and (s - 1) not in covered:
            s -= 1
        while s < e and T.lower[s] in PARTICLES:
            s += 1
        words = [i for i in range(s, e) if T.cap[i]]
        if not 2 <= len(words) <= 4 or any(i in covered for i in range(s, e)):
            return
        if any(T.is_stop(i) or T.lower[i] in NOT_NAMES or T.lower[i] in ORG_HEADS
               or T.lower[i] in resolve.ROLES for i in range(s, e)):
            return
        text = T.span_text(s, e)
        hit = _canonical(text, "PERSON")
        kb = hit[0] if hit and hit[1] == "PERSON" else text
        cands.append(Cand(s, e, "PERSON", kb, "title", prio=2))
        covered.update(range(s, e))

    def _government_of(self, T: Toks, cands: list[Cand], headline: set[int]) -> None:
        """"the government of Jane Doe", "the administration of …": a person's name."""
        covered: set[int] = set()
        for c in cands:
            covered.update(range(c.start, c.end))
        for i in T.data.where(GOVERNMENT_WORDS):
            if i >= T.n - 2 or T.lower[i + 1] != "of" or i in headline:
                continue
            j = i + 2
            end = self._name_run(T, j)
            if not 2 <= end - j <= 4 or any(k in covered for k in range(j, end)):
                continue
            if any(not T.is_title(k) and T.lower[k] not in PARTICLES for k in range(j, end)) \
                    or T.lower[end - 1] in ORG_HEADS:
                continue
            text = T.span_text(j, end)
            if self.gz.lookup(text) is not None:
                continue
            cands.append(Cand(j, end, "PERSON", text, "title", prio=2))

    def _org_heads(self, T: Toks, cands: list[Cand], headline: set[int]) -> None:
        """Capitalised names ending in an organisation head ("Hamza Division", "Popular
        Front", "Caesar Files for Justice organization") or starting with one followed by
        of/for ("Army of Islam")."""
        gaz_ends = {c.end for c in cands}
        org_suffix = {(c.end, c.start) for c in cands if c.label == "ORGANIZATION"}
        covered: set[int] = set()
        for c in cands:
            covered.update(range(c.start, c.end))
        n = T.n
        found: list[tuple[int, int]] = []
        for h in T.data.where(ANY_ORG_HEADS):
            low = T.lower[h]
            if low in ORG_HEADS and T.cap[h]:
                lower_head = False
            elif low in LOWER_ORG_HEADS and T.text[h].islower():
                lower_head = True
            else:
                continue
            s = h
            while s > 0 and h - s < 10 and (T.cap[s - 1] or (T.lower[s - 1] in NAME_INNER
                                                             and T.lower[s - 1] != "the")):
                s -= 1
            while s < h and not T.cap[s]:
                s += 1
            e = h + 1
            if not lower_head and e + 1 < n and T.lower[e] in ("of", "for"):
                k = e + 1
                if k < n and T.lower[k] == "the":
                    k += 1
                if k < n and T.cap[k]:
                    k2 = k
                    while k2 < n and (T.cap[k2] or (T.lower[k2] in ("and", "of", "-")
                                                    and k2 + 1 < n and T.cap[k2 + 1])):
                        k2 += 1
                    e = k2
            found.append((s, e))
        states = {c.start: c for c in cands if c.label == "STATE"}
        for s, e in found:
            while s < e and (T.is_stop(s) or T.lower[s] in NOT_NAMES
                             or T.lower[s] in resolve.ROLES):
                s += 1
            while e > s and T.lower[e - 1] in NAME_INNER:
                e -= 1
            if "ministry" in T.lower[s:e] and s not in headline:
                c = self._ministry(T, s, e, states)
                if c is not None:
                    cands.append(c)
                continue
            if e - s < 2 or s in headline:
                continue
            if s >= 2 and T.text[s - 1] == "-" and T.lower[s - 2] in ("pro", "anti"):
                continue  # "pro-Washington forces" are not Washington's
            if T.text[e - 1].islower() and any(k in covered for k in range(s, e)):
                continue  # "President Assad's forces", "Iraqi security forces": no new name
            if any(T.lower[k] in NOT_NAMES and T.lower[k] not in NAME_INNER
                   and T.lower[k] not in ORG_HEADS and T.lower[k] not in UNIT_NAME_WORDS
                   for k in range(s, e)):
                continue
            if T.text[e - 1].islower() and not any(
                    T.cap[k] and k not in T.sent_starts for k in range(s, e)):
                continue  # "Armed factions": only the sentence's first word is capitalised
            if any(T.lower[k] == "and" and ((k + 1 < e and T.lower[k + 1] == "the")
                                             or k in gaz_ends) for k in range(s, e)):
                continue  # "Iran and the Revolutionary Guard": two names, not one
            text = T.span_text(s, e)
            if self.gz.lookup(text) is not None:
                continue  # the gazetteer already has it exactly
            if any(end == e and start > s for end, start in org_suffix):
                continue  # "Afghan Fatemiyoun Brigade" is the known Fatemiyoun Brigade
            # "Iraqi Security Forces": a state word plus generic words is the state
            core = [k for k in range(s, e) if T.lower[k] not in resolve.GENERIC_UNIT_WORDS
                    and T.lower[k] not in ORG_HEADS and T.text[k] != "-"]
            if core and not any(T.cap[k] and T.lower[k] in resolve.NAME_MODIFIERS
                                for k in range(s, e)):
                st = self.gz.lookup(" ".join(T.text[k] for k in core))
                if st is not None and self.gz.actors[st.actor].type == "STATE" and \
                        core == list(range(core[0], core[-1] + 1)):
                    cands.append(Cand(s, e, "STATE", st.actor, "national_force", prio=2))
                    continue
            hit = _canonical(text)
            if hit is not None:
                cands.append(Cand(s, e, hit[1], hit[0], "org_head", prio=2))
            else:
                cands.append(Cand(s, e, "ORGANIZATION", text, "org_head", prio=2))

    def _ministry(self, T: Toks, s: int, e: int, states: dict[int, Cand]) -> Cand | None:
        """A state's ministry is one organisation per state: "Niger's Defence Ministry",
        "the Defence Ministry of Niger", "the Nigerien Ministry of Defence" are all
        "Nigerien Defence Ministry" (or the gazetteer's name for it). Without a state in
        the phrase ("the Foreign Ministry said") the ministry is left out rather than made
        one node for every country's ministry."""
        state = None
        words = []
        before = next((c for c in states.values() if c.end == s), None)
        if before is not None:
            s = before.start  # "the Turkish Defence Ministry" ("Turkish" is a language too)
        k = s
        while k < e:
            c = states.get(k)
            if c is not None and c.end <= e:
                state = c
                k = c.end
                continue
            if T.lower[k] not in ("ministry", "of", "the", "'s", "\u2019s", "and", "for"):
                words.append(T.lower[k])
            k += 1
        if state is None and s >= 2 and T.lower[s - 1] in ("'s", "\u2019s"):
            c = next((c for c in states.values() if c.end == s - 1), None)
            state = c
        if state is None or not words or any(not T.cap[i] for i in range(s, e)
                                              if T.lower[i] in words):
            return None
        actor = self.gz.actors.get(state.kb)
        adj = actor.demonyms[0] if actor is not None and actor.demonyms else state.kb
        word = " ".join("Defence" if w == "defense" else w.title() for w in words)
        kb = f"{adj} {word} Ministry"
        hit = self.gz.lookup(kb)
        if hit is not None and self.gz.actors[hit.actor].type == "ORGANIZATION":
            kb = hit.actor
        return Cand(s, e, "ORGANIZATION", kb, "org_head", prio=2)

    def _facilities(self, T: Toks, cands: list[Cand], headline: set[int]) -> None:
        """A man-made site named after its place or with a capitalised head: "Jeddah 1
        rehabilitation centre", "the Mosul airport", "Tiyas Air Base", "the Kuweires
        airbase" are FACILITY names, not the city (or an unknown capitalised word)."""
        n = T.n
        places = {c.end: c for c in cands if c.label == "LOCATION"
                  or (c.kind == CAPITAL and c.end - c.start <= 3)}
        covered: set[int] = set()
        for c in cands:
            covered.update(range(c.start, c.end))
        for h in T.data.where(FACILITY_HEADS):
            if h < 1 or h in headline:
                continue
            if h + 1 < n and T.text[h + 1] in DASHES:
                continue  # "camp-style"
            k = h
            while k > 0 and h - k < 3 and k not in places and (
                    T.text[k - 1].isdigit() or T.lower[k - 1] in FACILITY_MODIFIERS
                    or (T.cap[k - 1] and (k - 1) not in covered
                        and T.lower[k - 1] not in NOT_NAMES)):
                k -= 1
            place = places.get(k)
            if place is not None and (place.kind == CAPITAL or place.label == "LOCATION"):
                s = place.start  # "Jeddah 1 rehabilitation centre", "Mosul airport"
            else:
                # an unknown name: its words must be capitalised ("Tiyas Air Base") or
                # follow "the" ("the Kuweires airbase"), and not just start the sentence
                s = k
                while s < h and not T.cap[s]:
                    s += 1
                name = [i for i in range(s, h) if T.cap[i] and T.lower[i] not in
                        FACILITY_MODIFIERS and not T.is_stop(i)]
                if not name or any(i in covered for i in range(s, h)):
                    continue
                if not T.cap[h] and not (s > 0 and T.lower[s - 1] == "the"):
                    continue
                if s in T.sent_starts and len(name) == 1 and not T.cap[h]:
                    continue
            if any(i in covered and not (place and place.start <= i < place.end)
                   for i in range(s, h + 1)):
                continue
            text = T.span_text(s, h + 1)
            hit = self.gz.lookup(text)
            if hit is not None:
                continue  # the gazetteer has it
            first = T.span_text(s, place.end) if place is not None and place.start == s \
                else T.text[s]
            known = self.facility_index.get((norm_key(first), T.lower[h]), set())
            kb = next(iter(known)) if len(known) == 1 else text
            cands.append(Cand(s, h + 1, "FACILITY", kb, "facility", prio=2))

    def _backed(self, T: Toks, cands: list[Cand], headline: set[int]) -> None:
        """The Y of "X-backed Y" and "pro-X Y" when Y is a capitalised name."""
        n = T.n
        for i in T.data.where(BACKED_OR_PRO):
            low = T.lower[i]
            if low in resolve.BACKED_WORDS and i >= 2 and T.text[i - 1] == "-":
                j = i + 1
            elif low == "pro" and i + 2 < n and T.text[i + 1] == "-":
                j = i + 2
                while j < n and T.cap[j] and j - i < 6:
                    j += 1  # the backer's name
            else:
                continue
            if j >= n or j in headline or not T.cap[j]:
                continue
            end = self._name_run(T, j)
            if end < n and T.lower[end] in LOWER_ORG_HEADS:
                end += 1
            if end == j or T.lower[j] in NOT_NAMES:
                continue
            text = T.span_text(j, end)
            if self.gz.lookup(text) is not None:
                continue
            hit = _canonical(text)
            if hit is not None:
                cands.append(Cand(j, end, hit[1], hit[0], "backed", prio=2))
            else:
                cands.append(Cand(j, end, "ORGANIZATION", text, "backed", prio=2))

    def _acronyms(self, T: Toks, cands: list[Cand], headline: set[int]) -> None:
        """Unknown acronyms; "Full Name (ACR)" makes ACR an alias of the name."""
        n = T.n
        known = {c.start for c in cands}
        ends = {c.end: c for c in cands}
        for i in T.data.text_positions(_acronym_shaped):
            txt = T.text[i]
            if not (2 <= len(txt) <= 6 and txt.isalpha() and txt.isupper()):
                continue
            if txt in STOP_ACRONYMS or i in known:
                continue
            prev_up = i > 0 and T.text[i - 1].isalpha() and T.text[i - 1].isupper()
            next_up = i + 1 < n and T.text[i + 1].isalpha() and T.text[i + 1].isupper()
            if prev_up and next_up:
                continue  # shouting, not an acronym
            if i >= 2 and T.text[i - 1] == "(" and i + 1 < n and T.text[i + 1] == ")":
                before = ends.get(i - 1)
                if before is not None:
                    cands.append(Cand(i, i + 1, before.label, before.kb, "acronym_defined",
                                      prio=2))
                    continue
                s = i - 1
                while s > 0 and (T.cap[s - 1] or T.lower[s - 1] in NAME_INNER) and i - s < 10:
                    s -= 1
                while s < i - 1 and (not T.cap[s] or T.lower[s] in ("the", "a", "an")):
                    s += 1
                words = [k for k in range(s, i - 1) if T.cap[k] and T.lower[k] not in NAME_INNER]
                initials = "".join(T.text[k][0] for k in words).upper()
                if len(initials) >= 2 and (initials == txt or _subseq(txt, initials)):
                    name = T.span_text(s, i - 1)
                    cands.append(Cand(s, i - 1, "ORGANIZATION", name, "acronym_defined", prio=2))
                    cands.append(Cand(i, i + 1, "ORGANIZATION", name, "acronym_defined", prio=2))
                    continue
            if i in headline:
                continue
            cands.append(Cand(i, i + 1, "ORGANIZATION", txt, "acronym", prio=1))

    def _speakers(self, T: Toks, cands: list[Cand], headline: set[int]) -> None:
        """A full name next to a speech verb ("said Jane Doe", "Jane Doe told") is a
        person; two or three capitalised words only, to keep precision."""
        covered: set[int] = set()
        for c in cands:
            covered.update(range(c.start, c.end))
        n = T.n
        for i in T.data.where(SPEECH_VERBS):
            if i in headline:
                continue
            spans = []
            end = self._name_run(T, i + 1, max_len=5)
            if end > i + 1:
                spans.append((i + 1, end))
            s = i
            while s > 0 and T.cap[s - 1] and i - s < 3:
                s -= 1
            if s < i:
                spans.append((s, i))
            for s, e in spans:
                words = sum(1 for k in range(s, e) if T.cap[k])
                if not 2 <= words <= 3 or any(k in covered for k in range(s, e)):
                    continue
                if any(T.is_stop(k) or T.lower[k] in NOT_NAMES or T.lower[k] in ORG_HEADS
                       or T.lower[k] in resolve.ROLES
                       or not (T.is_title(k) or T.lower[k] in PARTICLES) for k in range(s, e)):
                    continue
                if e < n and T.text[e] in DASHES:
                    continue
                cands.append(Cand(s, e, "PERSON", T.span_text(s, e), "speaker", prio=1))

    def _places(self, T: Toks, fill: list[Cand], taken: set[int], headline: set[int]) -> None:
        """Capitalised names after in/near/at (or "the city of"): places, low confidence."""
        n = T.n
        for i in T.data.where(PLACE_TRIGGERS_OF):
            low = T.lower[i]
            if low in PLACE_TRIGGERS or low == "of" and i > 0 and T.lower[i - 1] in PLACE_OF_NOUNS:
                j = i + 1
            else:
                continue
            if j >= n or j in taken or j in headline or not T.cap[j]:
                continue
            end = self._name_run(T, j, max_len=3)
            if end == j or any(k in taken for k in range(j, end)):
                continue
            if end < n and (T.lower[end] in ORG_HEADS or T.lower[end] in LOWER_ORG_HEADS):
                continue
            if any(T.is_upper(k) and len(T.text[k]) > 1 for k in range(j, end)):
                continue
            text = T.span_text(j, end)
            hit = _canonical(text, "LOCATION")
            if hit is not None:
                fill.append(Cand(j, end, hit[1], hit[0], "fuzzy"))
                continue
            fill.append(Cand(j, end, "LOCATION", text, "place"))

    def _fuzzy_runs(self, T: Toks, fill: list[Cand], taken: set[int],
                    headline: set[int]) -> None:
        """Capitalised runs no rule claimed, looked up with fuzzy matching (cached)."""
        i, n = 0, T.n
        claimed = set(taken)
        for c in fill:
            claimed.update(range(c.start, c.end))
        caps = T.cap_positions()
        k = 0
        while i < n:
            # the tokens before the next capitalised one would only be stepped over
            while k < len(caps) and caps[k] < i:
                k += 1
            if k == len(caps):
                break
            i = caps[k]
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

    def _from_ner(self, doc: Doc, T: Toks, fill: list[Cand]) -> None:
        """A trained pipeline's NER, mapped to the ontology (the gazetteer already won)."""
        for ent in doc.spans["kg_ner"]:
            label = NER_MAP.get(ent.label_)
            if label is None:
                continue
            s, e = ent.start, ent.end
            while s < e and T.lower[s] in ("the", "a", "an"):
                s += 1
            if s >= e:
                continue
            text = T.span_text(s, e)
            hit = _canonical(text, label if label != "GROUP" else None)
            if hit is not None:
                fill.append(Cand(s, e, hit[1], hit[0], "ner"))
            elif label == "GROUP" and resolve.is_demonym(text):
                continue
            else:
                fill.append(Cand(s, e, label, text, "ner"))

    # ------------------------------------------------------------------ document aliases
    @staticmethod
    def _doc_aliases(T: Toks, chosen: list[Cand]) -> list[Cand]:
        """Later short mentions of a person named in full earlier ("Col. Ryan Dillon" …
        "Dillon") take the full name."""
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
                last = c.kb.split()[-1]
                surname[last] = c.kb if surname.get(last, c.kb) == c.kb else ""
        if not surname:
            return chosen
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
        return chosen + extra

    # ------------------------------------------------------------------ titles
    def _titles(self, doc: Doc, T: Toks, chosen: list[Cand],
                roles: list[tuple[int, int]]) -> list[Span]:
        by_start = {c.start: c for c in chosen}
        by_end = {c.end: c for c in chosen}
        role_at = dict(roles)
        out: list[Span] = []
        seen: set[tuple[int, int]] = set()
        n = T.n
        for rs, re_ in roles:
            role_key = _role_key(T, rs, re_)
            if role_key is None:
                continue
            relation = resolve.ROLES.get(role_key)
            if relation == "LEADS" and rs > 0 and T.lower[rs - 1] in SECOND_IN_COMMAND:
                relation = "PART_OF"  # "the deputy chairman of X" does not lead X
            if relation == "LEADS" and (_indefinite_before(T, rs) or (
                    re_ < n and T.lower[re_] == "in")):
                relation = "PART_OF"  # "a (senior) commander of/in X": one of its officers
            if relation == "LEADS" and re_ < n and resolve.ROLES.get(T.lower[re_]) == "PART_OF":
                relation = "PART_OF"  # "the group's chief negotiator": a member's role
            # the person: right after the role (skipping brackets, commas, more roles,
            # "envoy to Syria, Ambassador X")
            j = re_
            right_org = None
            while j < n:
                if T.text[j] in ("(", ")", ","):
                    j += 1
                elif right_org is None and T.lower[j] in ("for", "of", "at") and \
                        (c := by_start.get(j + 2 if j + 1 < n and T.lower[j + 1] == "the"
                                           else j + 1)) is not None and \
                        c.label in ("STATE", "ORGANIZATION") and c.end < n and \
                        T.text[c.end] == ",":
                    right_org = c  # "spokeswoman for the X Command, Maj. Gen. Y"
                    j = c.end
                elif j in role_at:
                    if (c := by_start.get(j)) is not None and c.label == "PERSON":
                        break  # "Supreme Leader Ayatollah Ali Khamenei": the name has it
                    j = role_at[j]
                elif T.lower[j] in ("to", "in") and j + 1 in by_start \
                        and by_start[j + 1].label in ("STATE", "LOCATION") \
                        and by_start[j + 1].end < n and T.text[by_start[j + 1].end] == ",":
                    j = by_start[j + 1].end
                else:
                    break
            person = by_start.get(j)
            inside = next((c for c in chosen if c.start == rs and c.end > re_
                           and c.label == "PERSON"), None)
            if inside is not None and (person is None or person.label != "PERSON"):
                person = inside  # the gazetteer name carries the title: "King Salman"
            inferred = False
            anaphor = self._anaphor_left(T, rs)
            if person is not None and person.label == "PERSON":
                org = self._org_left(T, rs, by_end) or right_org
                span_start = min(org.start, rs) if org is not None else rs
                span_end = person.end
                if org is None and relation is not None:
                    # "Prime Minister al-Sudani": the gazetteer knows whose minister he is
                    org = self._org_of_person(person)
                    inferred = org is not None
            else:
                # "X, the commander of Y" / "X, spokesman for Y"
                person = self._person_left(T, rs, by_end)
                org = None
                if person is not None:
                    org = self._org_right(T, re_, by_start)
                    if org is None and anaphor is None:
                        anaphor = self._anaphor_right(T, re_)  # "X, head of the group"
                else:
                    # "X, Russia's foreign minister" / "X, the Hezbollah leader"
                    org = self._org_left(T, rs, by_end)
                    if org is not None:
                        person = self._person_left(T, org.start, by_end)
                    elif anaphor is not None:
                        # "X, the group's leader," / "X, its commander,"
                        person = self._person_left(T, anaphor[0], by_end)
                if person is None or (org is None and anaphor is None):
                    continue
                span_start, span_end = person.start, max(org.end if org else re_, re_)
            if (span_start, span_end) in seen:
                continue
            seen.add((span_start, span_end))
            sp = Span(doc, span_start, span_end, label=role_key, kb_id=person.kb)
            sp._.kg_title = {
                "person": person.kb, "person_start": person.start, "person_end": person.end,
                "role": role_key,
                "relation": (relation or "PART_OF") if org is not None else relation,
                "org": org.kb if org is not None else None,
                "org_type": org.label if org is not None else None,
                "org_start": org.start if org is not None and not inferred else None,
                "org_end": org.end if org is not None and not inferred else None,
                "org_inferred": inferred,
                # "Its chairman, X", "the group's leader X": the organisation is an
                # anaphor that ``kg_coref`` resolves (token offsets, or None)
                "org_anaphor": list(anaphor) if anaphor is not None and (
                    org is None or inferred) else None,
                "role_relation": relation,
            }
            out.append(sp)
        return out

    @staticmethod
    def _anaphor_right(T: Toks, j: int) -> tuple[int, int] | None:
        """"of the (paramilitary) group" right after a role: the description's tokens."""
        if j + 2 < T.n and T.lower[j] in ("of", "for") and T.lower[j + 1] == "the":
            for k in range(j + 2, min(j + 5, T.n)):
                if T.lower[k] in ANAPHOR_NOUNS:
                    return j + 1, k + 1
                if not T.text[k].isalpha() or not T.text[k].islower():
                    break
        return None

    @staticmethod
    def _anaphor_left(T: Toks, rs: int) -> tuple[int, int] | None:
        """"its"/"their" or "the group's" right before a role (over fillers such as
        "top", "military"): the tokens of the anaphor, else None."""
        k = rs
        while k > 0 and T.lower[k - 1] in resolve.TITLE_FILLERS and rs - k < 3:
            k -= 1
        if k > 0 and T.lower[k - 1] in ("its", "their"):
            return k - 1, k
        if k >= 3 and T.lower[k - 1] in ("'s", "\u2019s") and \
                T.lower[k - 2] in ANAPHOR_NOUNS:
            d = k - 3
            if T.lower[d] not in ("the", "this") and d > 0 and T.lower[d - 1] in ("the", "this"):
                d -= 1  # "the armed group's"
            if T.lower[d] in ("the", "this"):
                return d, k - 1
        return None

    @staticmethod
    def _org_left(T: Toks, i: int, by_end: dict[int, Cand]) -> Cand | None:
        k = i
        steps = 0
        while k > 0 and steps < 5 and (T.lower[k - 1] in resolve.TITLE_FILLERS
                                       or T.lower[k - 1] in ("(", "'s", "\u2019s", "and")
                                       or (T.lower[k - 1] in resolve.GENERIC_UNIT_WORDS
                                           and not T.cap[k - 1])):
            k -= 1
            steps += 1
        c = by_end.get(k)
        if c is not None and c.label in ("STATE", "ORGANIZATION"):
            return c
        return None

    def _org_of_person(self, person: Cand) -> Cand | None:
        actor = self.gz.actors.get(person.kb)
        boss = self.gz.actors.get(actor.part_of) if actor and actor.part_of else None
        if boss is None or boss.type not in ("STATE", "ORGANIZATION"):
            return None
        return Cand(person.start, person.end, boss.type, boss.name, "gazetteer")

    @staticmethod
    def _person_left(T: Toks, i: int, by_end: dict[int, Cand]) -> Cand | None:
        k = i
        while k > 0 and (T.lower[k - 1] in resolve.TITLE_FILLERS
                         or T.lower[k - 1] in ("the", "a", "its", "and")):
            k -= 1
        if k > 0 and T.text[k - 1] == ",":
            c = by_end.get(k - 1)
            if c is not None and c.label == "PERSON":
                return c
        return None

    def _org_right(self, T: Toks, j: int, by_start: dict[int, Cand]) -> Cand | None:
        if j < T.n and T.lower[j] in ("of", "for", "at", "in", "to"):
            j += 1
            if j < T.n and T.lower[j] == "the":
                j += 1
            c = by_start.get(j)
            if c is not None and c.label in ("STATE", "ORGANIZATION"):
                return c
            if c is not None and c.label == "PERSON":
                # "adviser to Assad": the adviser belongs to the leader's state
                boss = self.gz.actors.get(c.kb)
                state = self.gz.actors.get(boss.part_of) if boss and boss.part_of else None
                if state is not None and state.type == "STATE":
                    return Cand(c.start, c.end, "STATE", state.name, "gazetteer")
        return None


def _span_ext_key(name: str, start_char: int, end_char: int) -> tuple:
    return ("._.", name, start_char, end_char)


def _ext_keys_work() -> bool:
    """Whether spaCy keeps a Span's extension values under :func:`_span_ext_key` in
    ``doc.user_data`` (checked once on a tiny Doc, so a spaCy version that stores them
    differently falls back to setting them span by span)."""
    from spacy.vocab import Vocab

    doc = Doc(Vocab(), words=["a", "b"])
    Span(doc, 1, 2)._.kg_source = "probe"
    return doc.user_data.get(_span_ext_key("kg_source", 2, 3)) == "probe"


_FAST_EXT = _ext_keys_work()


def _write_ents(doc: Doc, T: Toks, chosen: list[Cand]) -> bool:
    """``doc.set_ents(spans, default="outside")`` plus each span's ``kg_source`` and
    ``kg_confidence``, written as token arrays and ``user_data`` entries: creating a Span
    per entity (and an ``Underscore`` per value) cost more than finding the entities.
    ``chosen`` is sorted by start. Returns False (nothing written) when the fast path does
    not apply; the caller then takes the Span route, which also raises spaCy's errors."""
    if not _FAST_EXT or not chosen:
        return False
    prev = 0
    for c in chosen:
        if c.start < prev or c.end <= c.start or not c.label or not isinstance(c.kb, str):
            return False  # overlapping, empty or unlabelled: let set_ents decide
        prev = c.end
    n = len(doc)
    # columns ENT_IOB, ENT_TYPE, ENT_KB_ID, filled in place (converting Python lists of
    # every token to an array cost more than the entities' own writes)
    arr = numpy.zeros((n, 3), dtype="uint64")
    arr[:, 0] = 2  # outside
    arr[:, 2] = doc.to_array(ENT_KB_ID)  # set_ents keeps the others' kb ids
    add = doc.vocab.strings.add
    ids: dict[str, int] = {}
    data = T.data
    user_data = doc.user_data
    for c in chosen:
        s, e = c.start, c.end
        label = ids.get(c.label)
        if label is None:
            label = ids[c.label] = add(c.label)
        kb = ids.get(c.kb)
        if kb is None:
            kb = ids[c.kb] = add(c.kb)
        arr[s, 0] = 3
        if e - s > 1:
            arr[s + 1:e, 0] = 1
        arr[s:e, 1] = label
        arr[s:e, 2] = kb
        start_char = data.idx[s]
        end_char = data.idx[e - 1] + len(data.text[e - 1])
        user_data[_span_ext_key("kg_source", start_char, end_char)] = c.source
        user_data[_span_ext_key("kg_confidence", start_char, end_char)] = c.conf
    doc.from_array([ENT_IOB, ENT_TYPE, ENT_KB_ID], arr)
    return True


def _indefinite_before(T: Toks, rs: int) -> bool:
    """"a senior commander", "an aide": an indefinite article before the role (over
    fillers such as "senior", "top")."""
    k = rs
    while k > 0 and T.lower[k - 1] in resolve.TITLE_FILLERS and rs - k < 3:
        k -= 1
    return k > 0 and T.lower[k - 1] in ("a", "an", "one")


def _subseq(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _role_key(T: Toks, s: int, e: int) -> str | None:
    text = " ".join(T.lower[s:e]).replace(" .", ".").replace(" - ", "-")
    for cand in (text, text.rstrip("."), text.rstrip(".") + "."):
        if cand in resolve.ROLES:
            return cand
    return None


@Language.factory(
    "kg_entities",
    default_config={"gazetteer": None, "fuzzy": True, "detect_unknown": True},
)
def make_kg_entities(nlp: Language, name: str, gazetteer: str | None, fuzzy: bool,
                     detect_unknown: bool) -> EntityRecognizer:
    """Factory so ``nlp.add_pipe("kg_entities")`` works in any English pipeline."""
    return EntityRecognizer(nlp, name, gazetteer=gazetteer, fuzzy=fuzzy,
                            detect_unknown=detect_unknown)
