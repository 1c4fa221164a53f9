"""The entity mentions a dependency-rule argument stands for.

A DependencyMatcher match names one token per argument; most of the time that token is
not a name. On kg's gold sets, 72 % of the matches had an argument that was no mention:
a relative pronoun ("Russia, which supplied the army"), a pronoun, or a noun whose
actor sits in an "of" phrase ("struck positions of the SDF", "members of the IRGC"). The
token frames resolve the same things through the clause; this does it through the parse,
in this order:

1. a place noun with an "of" phrase is the place named there ("the border town of X");
2. a mention at the token, the name a description is in apposition to ("X, a rebel
   group that Y trains"), the person named right after a role noun ("his Turkish
   counterpart Recep Tayyip Erdogan" is Erdogan, not Turkey), or a name among its
   modifiers ("Hezbollah fighters", "Israeli jets"; not a demonym before a non-state
   head: "a Syrian rebel group" is not Syria; "his nomination" is not the man "his"
   refers to). Pronouns and descriptions that
   ``kg_coref`` resolved are mentions too (:mod:`kg.rel.mentions`), so coreference
   reaches dependency arguments exactly as it reaches token arguments;
3. a relative pronoun ("which", "who", "that") stands for the noun its clause modifies
   (that noun only, not the nouns coordinated with it);
4. a member or part noun ("members", "fighters", "commanders"; and for the target of an
   attack "positions", "bases", "convoys") stands for the actor of its "of" phrase;

and every result is expanded over conjuncts ("Russia, Turkey and Iran"). The target of
an attack that is a state named as a region ("pound north Syria") is not the state.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..wordlists import words
from .mentions import Mention
from .view import DocView

MODIFIER_DEPS = ("compound", "amod", "poss", "nmod")
RELATIVE_TAGS = frozenset(["WDT", "WP", "WP$"])
ARTICLES = words("frames")["articles"]
MAX_DEPTH = 3


class _Args:
    """The word classes one argument role uses, read once per match."""

    __slots__ = ("v", "of_nouns", "place_nouns", "regions", "non_state_heads", "stance_nouns")

    def __init__(self, v: DocView, relation: str, role: str):
        lex = v.lex
        self.v = v
        self.of_nouns = frozenset(lex["members_of_nouns"])
        if relation == "ATTACKS" and role == "obj":
            self.of_nouns |= frozenset(lex["target_of_nouns"])
        self.place_nouns = frozenset(lex["place_nouns"])
        self.non_state_heads = frozenset(lex["non_state_heads"])
        self.stance_nouns = lex["stance_nouns"]
        self.regions = frozenset(lex["direction_adjectives"]) - ARTICLES \
            if relation == "ATTACKS" and role == "obj" else frozenset()

    def direct(self, tok: Token) -> Mention | None:
        v = self.v
        m = v.mention_at(tok.i)
        if m is not None:
            return m
        if tok.dep_ == "appos" and tok.head is not tok:
            # "Maghawir al-Thawra, a rebel group that …": the description right after the
            # name and its comma (a parser's long-range apposition is not trusted)
            m = v.mention_at(tok.head.i)
            if m is not None and m.end < len(v.low) and v.text[m.end] == "," \
                    and tok.left_edge.i == m.end + 1:
                return m
        m = v.mention_at(tok.i + 1)
        if m is not None and m.type == "PERSON" and m.start == tok.i + 1 \
                and tok.pos_ == "NOUN" and m.source != "coref":
            # "his Rwandan counterpart Paul Kagame": the role noun stands for the person
            # named right after it, not for the state its adjective names
            return m
        if tok.lower_ in self.stance_nouns:
            # "fought on Iran's side", "on Iran's behalf": the owner of the side is who
            # the subject stands with, not the verb's object
            return None
        for child in tok.children:
            if child.dep_ in MODIFIER_DEPS:
                m = v.mention_at(child.i)
                # "Hezbollah fighters", "Israeli jets": the actor; "his nomination" is not
                # the man, and "a Syrian rebel group" or "Iranian proxies" are not the state
                if m is not None and m.source != "coref" and not (
                        m.adjectival_form and tok.lower_ in self.non_state_heads):
                    return m
        return None

    def resolve(self, tok: Token, depth: int) -> list[Mention]:
        if depth > MAX_DEPTH:
            return []
        if tok.lower_ in self.place_nouns and self.v.mention_at(tok.i) is None:
            place = _of_object(tok)
            if place is not None and self.direct(place) is not None:
                return self.resolve(place, depth + 1)
        m = self.direct(tok)
        if m is not None:
            if m.type == "STATE" and m.start > 0 and \
                    self.v.low[m.start - 1] in self.regions:
                return []
            return [m]
        if tok.tag_ in RELATIVE_TAGS and tok.lower_ in self.v.lex["relative_pronouns"]:
            clause = tok.head
            if clause.dep_ == "relcl" and clause.head is not clause:
                return self.resolve(clause.head, depth + 1)
            return []
        if tok.lower_ in self.of_nouns:
            target = _of_object(tok)
            if target is not None:
                return self.expand(target, depth + 1)
        return []

    def expand(self, tok: Token, depth: int = 0) -> list[Mention]:
        out: list[Mention] = []
        for t in (tok, *tok.conjuncts):
            for m in self.resolve(t, depth):
                if m not in out:
                    out.append(m)
        return out


def _of_object(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def arguments(v: DocView, tok: Token, relation: str, role: str) -> list[Mention]:
    """The mentions that argument token ``tok`` (``role`` "subj" or "obj" of a
    ``relation`` rule) stands for, conjuncts included; see the module docstring."""
    return _Args(v, relation, role).expand(tok)


def unnamed(v: DocView, tok: Token) -> Token | None:
    """The common noun that argument token ``tok`` stands for when it names no actor
    ("drones", "militias"; a relative pronoun's antecedent: "militias that Iran trains"),
    or None when it is a mention, a name, a pronoun or anything else that refers to
    someone kg may simply not have resolved."""
    if tok.tag_ in RELATIVE_TAGS and tok.lower_ in v.lex["relative_pronouns"]:
        clause = tok.head
        if clause.dep_ != "relcl" or clause.head is clause:
            return None
        tok = clause.head
    if tok.pos_ != "NOUN" or v.mention_at(tok.i) is not None \
            or tok.lower_ in v.lex["stance_nouns"]:
        return None  # "on Iran's behalf" is no target
    return tok
