"""Entity resolution: many ways of writing an actor → one canonical name.

Used by the spaCy components (``kg_entities``, ``kg_coref``) on spans and by the relation
side on free text. The public functions are :func:`canonical_name` and :func:`same_actor`;
the rest is shared vocabulary (force nouns, role words, place prepositions) so the
components and the free-text path agree.

What is resolved, in order:

1. the gazetteer, spelling-insensitively (:func:`kg.gazetteer.norm_key`: case, diacritics,
   apostrophes, the Arabic article al-/Al-/At-/As-, hyphens and spaces do not matter);
2. a lost or present possessive ("Iran's", "Irans");
3. national forces ("Syrian forces", "the Syrian army", "US troops", "Iraqi security forces")
   → the STATE; a *named* unit ("Quds Force", "Air Force Intelligence") is in the gazetteer
   and wins before this rule is tried, unless the text writes in lower case the force noun
   the name capitalises ("Lebanese forces" are Lebanon's, "Lebanese Forces" the party);
4. "<leader> administration/regime/government" → the state the leader belongs to;
5. titles ("US President Donald Trump" → Donald Trump);
6. "X-backed Y" / "pro-X Y" → Y;
7. fuzzy matching (rapidfuzz) for spelling variants the list does not have. The threshold
   (:data:`FUZZY_THRESHOLD` on ``fuzz.ratio`` over the normalised key, keys of at least
   :data:`FUZZY_MIN_LEN` characters, a clear margin over the best *other* actor) is tested in
   ``tests/test_resolve.py`` against pairs that must merge and pairs that must not
   (Hezbollah ≠ Kataib Hezbollah, Iran ≠ Iraq, Syria ≠ Serbia).

Capital-city metonymy needs context, so it is decided on tokens by
:func:`capital_is_place` ("a prison in Damascus" is a place, "Damascus announced" a state).

All of this is a :class:`Resolver` over one gazetteer. The ``kg_entities`` component owns
one (built from its configured gazetteer) and ``kg_coref`` and ``kg_relations`` use it; the
module functions (:func:`canonical_name`, :func:`same_actor`, …) ask the resolver in force,
which is the running component's (see :func:`using`) and otherwise the default gazetteer's.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

from rapidfuzz import fuzz, process

from .gazetteer import CAPITAL, DEMONYM, Actor, Gazetteer, Surface, load_gazetteer, norm_key
from .tokens import token_data

FUZZY_THRESHOLD = 89.0
FUZZY_MIN_LEN = 6
FUZZY_MARGIN = 3.0



def vocab() -> dict[str, frozenset[str]]:
    """The entity word lists (force nouns, role words, …): namespace ``entities`` of
    :mod:`kg.wordlists` (``kg/data/words/entities.json``)."""
    from .wordlists import words

    return words("entities")


_V = vocab()
# nouns that turn a state's name or demonym into its forces or government
FORCE_NOUNS = _V["force_nouns"]
# words allowed between the demonym and the force noun ("Iraqi security forces")
FORCE_MODIFIERS = _V["force_modifiers"]
# words that leave a capitalised unit name generic enough to still mean the state
# ("Iraqi Security Forces", "Lebanese Armed Forces", "Russian Defense Ministry")
GENERIC_UNIT_WORDS = FORCE_NOUNS | FORCE_MODIFIERS | _V["generic_unit_words"]
# capitalised, these make a name: "Libyan National Army" is an organisation, not Libya
NAME_MODIFIERS = _V["name_modifiers"]
# prepositions after which a capital city is a place, not a government
PLACE_PREPS = _V["place_prepositions"]
# "of" only counts after these heads ("the outskirts of Baghdad", "the city of Damascus")
PLACE_OF_HEADS = _V["place_of_heads"]
# verbs whose object is a place ("a road linking Damascus to Baghdad")
PLACE_VERBS = _V["place_verbs"]
# "airstrikes on Sanaa", "the march on Tripoli": "on" after these makes the capital a place
PLACE_ON_HEADS = _V["place_on_heads"]
# "the authorities in Kabul": after these "in" makes the capital the government
GOVERNMENT_IN_HEADS = _V["government_in_heads"]
BACKED_WORDS = _V["backed_words"]
# words before "to"/"from" that make the capital a destination or origin
ROUTE_WORDS = _V["route_words"]
# role words for titles → the relation a title implies (None: an honorific only)
ROLES: dict[str, str | None] = {
    **{w: None for w in _V["roles_honorific"]},
    **{w: "PART_OF" for w in _V["roles_part_of"]},
    **{w: "LEADS" for w in _V["roles_leads"]},
}
TITLE_FILLERS = _V["title_fillers"]
_TITLE_FILLERS = TITLE_FILLERS


_WS = re.compile(r"\s+")
_LEADING_DET = re.compile(r"^(?:the|a|an)\s+", re.I)
_POSS_END = re.compile(r"(?:['\u2019]s|s['\u2019])$")
_BACKED = re.compile(rf"^(?:pro-\S+|\S+-(?:{'|'.join(sorted(BACKED_WORDS))}))\s+(.+)$", re.I)


def _clean(text: str) -> str:
    t = _WS.sub(" ", text.replace("\u2019", "'").replace("\u2013", "-")).strip(" ,.;:\"()[]")
    return _LEADING_DET.sub("", t)


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s]+", text) if w]


def strip_title(text: str) -> tuple[str, str | None, str | None]:
    """Split a title construction: "US President Donald Trump" → ("Donald Trump",
    "president", "US"). Returns (rest, role or None, organisation text or None)."""
    words = _words(_clean(text))
    low = [w.lower() for w in words]
    for i in range(len(words) - 1, 0, -1):
        for n in (3, 2, 1):
            if i - n + 1 < 0:
                continue
            cand = " ".join(low[i - n + 1:i + 1])
            if cand in ROLES and i + 1 < len(words):
                before = [w for w in words[:i - n + 1] if w.lower() not in _TITLE_FILLERS]
                org = " ".join(before) or None
                return " ".join(words[i + 1:]), cand, org
    return " ".join(words), None, None


class Resolver:
    """Name resolution over one gazetteer (see the module docstring for what it resolves).

    Results of :meth:`canonical_name` are memoised per resolver: unknown names recur across
    a corpus, and each miss costs a fuzzy search of the whole gazetteer.
    """

    CACHE_SIZE = 50_000

    def __init__(self, gz: Gazetteer):
        self.gz = gz
        self._fuzzy_index: dict[str | None, tuple[list[str], list[Surface]]] = {}
        self._memo: dict[tuple[str, str | None], tuple[str, str] | None] = {}

    def __repr__(self) -> str:
        return f"Resolver({len(self.gz)} actors from {self.gz.path})"

    # ------------------------------------------------------------------ exact lookups
    def _as_result(self, s: Surface, type_hint: str | None) -> tuple[str, str]:
        actor = self.gz.actors[s.actor]
        if s.kind == CAPITAL and type_hint in {"LOCATION", "FACILITY"}:
            return actor.capital or actor.name, "LOCATION"
        return actor.name, actor.type

    def _exact(self, text: str, type_hint: str | None = None) -> tuple[str, str] | None:
        s = self.gz.lookup(text)
        if s is None:
            return None
        return self._as_result(s, type_hint)

    def kind_of(self, text: str) -> str | None:
        """NAME, DEMONYM or CAPITAL for a gazetteer surface, else None."""
        s = self.gz.lookup(text)
        return s.kind if s else None

    def is_demonym(self, text: str) -> bool:
        return self.kind_of(text) == DEMONYM

    def cue_place(self, text: str) -> Actor | None:
        """A small place the gazetteer knows only after a place cue ("in", "near")."""
        return self.gz.cue_place(_clean(text))

    # ------------------------------------------------------------------ constructions
    def national_force(self, text: str) -> tuple[str, str] | None:
        """"Syrian government forces" / "US troops" / "the Iranian regime" → the state."""
        words = _words(_clean(text))
        if len(words) < 2 or words[-1].lower() not in FORCE_NOUNS:
            return None
        i = len(words) - 1
        while i > 0 and words[i - 1].lower() in FORCE_MODIFIERS | FORCE_NOUNS:
            i -= 1
        if any(w[:1].isupper() and w.lower() in NAME_MODIFIERS for w in words[i:]):
            return None  # "Syrian National Army": a named armed group
        head = " ".join(words[:i])
        while head.lower().startswith(("allied ", "pro-government ")):
            head = head.split(" ", 1)[1]
        if not head:
            return None
        head = _POSS_END.sub("", head)
        s = self.gz.lookup(head)
        if s is None:
            return None
        actor = self.gz.actors[s.actor]
        if actor.type == "STATE":
            return actor.name, "STATE"
        if actor.type == "PERSON" and actor.part_of:
            # "Trump administration", "Assad regime", "Putin's government"
            boss = self.gz.actors.get(actor.part_of)
            if boss is not None and boss.type == "STATE":
                return boss.name, "STATE"
        return None

    # ------------------------------------------------------------------ fuzzy
    def _fuzzy_choices(self, type_hint: str | None) -> tuple[list[str], list[Surface]]:
        hit = self._fuzzy_index.get(type_hint)
        if hit is not None:
            return hit
        keys, surfaces = [], []
        for key, s in self.gz.by_key.items():
            if len(key) < FUZZY_MIN_LEN or s.kind == CAPITAL:
                continue
            actor = self.gz.actors[s.actor]
            if not actor.fuzzy or (type_hint is not None and actor.type != type_hint):
                continue
            keys.append(key)
            surfaces.append(s)
        self._fuzzy_index[type_hint] = (keys, surfaces)
        return keys, surfaces

    def fuzzy_lookup(self, text: str,
                     type_hint: str | None = None) -> tuple[Surface, float] | None:
        """The gazetteer surface whose key is closest to ``text``'s, if close enough and
        clearly closer than any other actor's."""
        key = norm_key(text)
        if len(key) < FUZZY_MIN_LEN:
            return None
        keys, surfaces = self._fuzzy_choices(type_hint)
        hits = process.extract(key, keys, scorer=fuzz.ratio, limit=8,
                               score_cutoff=FUZZY_THRESHOLD - FUZZY_MARGIN)
        if not hits:
            return None
        _, best_score, best_i = hits[0]
        if best_score < FUZZY_THRESHOLD:
            return None
        best = surfaces[best_i]
        # the first letter is rarely misspelt; a different one usually means a different name
        if keys[best_i][0] != key[0]:
            return None
        # numbers are not spelling: "Branch 215" is not "Branch 227", "M4" is not "M5"
        if re.findall(r"\d+", keys[best_i]) != re.findall(r"\d+", key):
            return None
        # a longer name that merely starts with a known one is another name ("Bogdanovich"
        # is not "Bogdanov", "Sultan Muradiye" not "Sultan Murad")
        short, long_ = sorted((keys[best_i], key), key=len)
        if long_.startswith(short) and len(long_) - len(short) >= 3:
            return None
        for _, score, i in hits[1:]:
            if surfaces[i].actor != best.actor and score >= best_score - FUZZY_MARGIN:
                return None  # ambiguous between two actors: do not guess
        return best, best_score

    def fuzzy_actor(self, text: str) -> tuple[str, str] | None:
        """(name, type) of the fuzzy match of ``text``; a demonym stands for its STATE
        (memoised like :meth:`canonical_name`)."""
        memo_key = (text, "fuzzy")
        if memo_key in self._memo:
            return self._memo[memo_key]
        hit = self.fuzzy_lookup(text)
        out = None
        if hit is not None:
            actor = self.gz.actors[hit[0].actor]
            out = (actor.name, "STATE") if hit[0].kind == DEMONYM else (actor.name, actor.type)
        self._remember(memo_key, out)
        return out

    def _remember(self, key: tuple[str, str | None], value: tuple[str, str] | None) -> None:
        if len(self._memo) >= self.CACHE_SIZE:
            self._memo.clear()
        self._memo[key] = value

    # ------------------------------------------------------------------ free text
    def canonical_name(self, text: str, type_hint: str | None = None) -> tuple[str, str] | None:
        """(canonical name, entity type) for free text, or None if it names no known actor.

        ``type_hint`` (an ontology type) restricts fuzzy matching and decides capitals: with
        ``"LOCATION"`` "Damascus" is the city, otherwise the Syrian state.
        """
        memo_key = (text, type_hint)
        try:
            return self._memo[memo_key]
        except KeyError:
            pass
        hit = self._canonical(text, type_hint)
        self._remember(memo_key, hit)
        return hit

    def state_forces_in_lower_case(self, text: str) -> tuple[str, str] | None:
        """The state when ``text`` writes in lower case the force noun a name has
        capitalised: "Lebanese forces" are Lebanon's, "the Lebanese Forces" the party."""
        s = self.gz.lookup(text)
        if s is None or self.gz.actors[s.actor].type == "STATE":
            return None
        said, named = text.rsplit(" ", 1)[-1], s.text.rsplit(" ", 1)[-1]
        if said.lower() not in FORCE_NOUNS or not said.islower() or named.islower():
            return None
        return self.national_force(text)

    def _canonical(self, text: str, type_hint: str | None) -> tuple[str, str] | None:
        if not text or not text.strip():
            return None
        t = _clean(text)
        if not t:
            return None
        hit = self._exact(t, type_hint)
        if hit:
            return self.state_forces_in_lower_case(t) or hit
        # possessive, with or without its apostrophe
        stripped = _POSS_END.sub("", t)
        if stripped != t and (hit := self._exact(stripped, type_hint)):
            return hit
        if t.endswith("s") and len(t) > 4 and (hit := self._exact(t[:-1], type_hint)) \
                and hit[1] in {"STATE", "PERSON", "ORGANIZATION", "GROUP"}:
            return hit
        if hit := self.national_force(t):
            return hit
        # titles: the person after the role words
        rest, role, _org = strip_title(t)
        if role and rest and rest != t and (hit := self.canonical_name(rest, "PERSON")):
            return hit
        # "X-backed Y", "pro-X Y": the name is Y
        m = _BACKED.match(t)
        if m and (hit := self.canonical_name(m.group(1), type_hint)):
            return hit
        f = self.fuzzy_lookup(t, type_hint)
        if f is not None:
            return self._as_result(f[0], type_hint)
        return None

    def same_actor(self, a: str, b: str) -> bool:
        """Whether two names denote the same actor (resolved, else compared
        spelling-insensitively)."""
        ca, cb = self.canonical_name(a), self.canonical_name(b)
        if ca is not None and cb is not None:
            return ca[0] == cb[0]
        if ca is not None or cb is not None:
            known, other = (ca, b) if ca is not None else (cb, a)
            return norm_key(known[0]) == norm_key(other)
        return norm_key(a) == norm_key(b) != ""


# ------------------------------------------------------------------ the resolver in force

_CURRENT: ContextVar[Resolver | None] = ContextVar("kg_resolver", default=None)


@cache
def _default_for(paths_env: str | None) -> Resolver:
    return Resolver(load_gazetteer())


def default_resolver() -> Resolver:
    """The resolver of the default gazetteer (packaged data plus ``KG_GAZETTEER``)."""
    return _default_for(os.environ.get("KG_GAZETTEER"))


def current() -> Resolver:
    """The resolver in force: the running pipeline component's, else the default one."""
    return _CURRENT.get() or default_resolver()


@contextmanager
def using(resolver: Resolver | None) -> Iterator[Resolver]:
    """Make ``resolver`` the one the module functions use inside the ``with`` block (the
    components wrap their work in this, so free-text resolution follows their gazetteer)."""
    if resolver is None:
        yield current()
        return
    token = _CURRENT.set(resolver)
    try:
        yield resolver
    finally:
        _CURRENT.reset(token)


def resolver_of(nlp) -> Resolver:
    """The resolver a pipeline's ``kg_entities`` owns (the default one without it, or
    when it is disabled). Asked once per Doc by two components: ``get_pipe`` and the
    disabled set instead of ``pipe_names``, which builds a list (about 4 us a call)."""
    try:
        pipe = nlp.get_pipe("kg_entities")
    except (KeyError, AttributeError):  # no kg_entities, or not a spaCy pipeline
        return default_resolver()
    if "kg_entities" in nlp._disabled:
        return default_resolver()
    return pipe.resolver


def gazetteer() -> Gazetteer:
    """The gazetteer of the resolver in force."""
    return current().gz


def canonical_name(text: str, type_hint: str | None = None) -> tuple[str, str] | None:
    """(canonical name, entity type) for free text, or None (see
    :meth:`Resolver.canonical_name`)."""
    return current().canonical_name(text, type_hint)


def same_actor(a: str, b: str) -> bool:
    """Whether two names denote the same actor (see :meth:`Resolver.same_actor`)."""
    return current().same_actor(a, b)


def national_force(text: str) -> tuple[str, str] | None:
    return current().national_force(text)


def fuzzy_lookup(text: str, type_hint: str | None = None) -> tuple[Surface, float] | None:
    return current().fuzzy_lookup(text, type_hint)


def kind_of(text: str) -> str | None:
    return current().kind_of(text)


def is_demonym(text: str) -> bool:
    return current().is_demonym(text)


# ----------------------------------------------------------------- token-level context

def capital_is_place(doc, start: int, end: int) -> bool:
    """Whether the capital at ``doc[start:end]`` is the city rather than the government.

    A place after a locative preposition ("in Baghdad", "a prison in Damascus", "from
    Damascus to Baghdad"), in "<city of/outskirts of> X", in a place compound
    ("Damascus-based", "Damascus-Baghdad road") or in a list that continues one of those.
    """
    # read from the shared token lists, not Token objects (this runs for every capital)
    data = token_data(doc)
    text, lower, n = data.text, data.lower, data.n
    nxt = end if end < n else None
    span_text = data.span_text(start, end)
    if span_text.isupper() and len(span_text) > 3 and (start == 0 or "\n" in text[start - 1]
                                                      or "\n" in data.ws[start - 1]):
        return True  # a dateline: "DAMASCUS — ..."
    if nxt is not None and text[nxt] in {"-", "\u2013"} and end + 1 < n:
        after = end + 1
        if lower[after] in {"based", "born", "bound"} or text[after].istitle():
            return True
    if nxt is not None and lower[nxt] in {"city", "province", "governorate", "airport",
                                          "countryside", "suburbs", "residents"}:
        return True
    if start > 0 and lower[start - 1] in {"capital", "capitals"} or (
            start > 1 and text[start - 1] == "," and lower[start - 2] == "capital"):
        return True  # "the capital Sanaa", "the Yemeni capital, Sanaa,"
    list_after = nxt is not None and lower[nxt] in {",", "and", "or"}
    i = start - 1
    crossed_comma = False
    # walk back over a list "in Baghdad, Damascus and Beirut"
    while i >= 0 and start - i <= 6:
        low = lower[i]
        if low == "of":
            return i > 0 and lower[i - 1] in PLACE_OF_HEADS
        if low in {"to", "from"}:
            # "loyal to Tehran", "pressure from Washington": the government; "from
            # Damascus to Baghdad", "flew to Moscow": the city
            if not _route_context(lower, i):
                return False
            return not crossed_comma or list_after
        if low == "on" and i > 0 and lower[i - 1] in PLACE_ON_HEADS:
            return not crossed_comma or list_after
        if low == "in" and i == start - 1 and i > 0 and lower[i - 1] in GOVERNMENT_IN_HEADS:
            return False  # "the government in Damascus", "the authorities in Kabul"
        if low == "between" and not _route_context(lower, i):
            return False  # "mediated between Tehran and Washington": the governments
        if low in PLACE_PREPS or low in PLACE_VERBS:
            if (crossed_comma or i < start - 1) and _acts(text, lower, nxt):
                return False  # "the army besieged Khartoum, and Khartoum announced …"
            return not crossed_comma or list_after
        if text[i] in {"-", "\u2013"} and i > 0 and text[i - 1].istitle():
            return True  # "Baghdad-Damascus highway"
        if low in {"and", "or"}:
            list_after = True
        elif low == ",":
            crossed_comma = True
        elif not text[i].istitle():
            return False
        i -= 1
    return False


# verbs after which a capital is the government acting ("Sanaa accused …")
ACTING_VERBS = vocab()["acting_verbs"]


def _acts(text: list[str], lower: list[str], k: int | None) -> bool:
    """Whether token ``k`` (the word after a city) makes the city an agent."""
    return k is not None and lower[k] in ACTING_VERBS and text[k].islower()


def _route_context(lower: list[str], i: int) -> bool:
    """Whether "to"/"from" at token i is part of a route or a movement."""
    low = lower[i]
    window = lower[max(0, i - 8):i]
    after = lower[i + 1:i + 6]
    if low == "to" and "from" in window:
        return True
    if low == "from" and "to" in after:
        return True
    return any(w in ROUTE_WORDS or w in PLACE_OF_HEADS for w in window[-3:])
