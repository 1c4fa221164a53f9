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
    * armed groups named by what they are: "Syrian rebels", "the Syrian opposition",
      "Islamist insurgents", "Turkish-backed factions", the rebels of "rebel-held Idlib"
      (kb "Syrian rebels"), and bare "the rebels"/"the opposition" of such a group
      (:mod:`kg.components.entity_rules.armed_groups`);
    * a capitalised "National" makes a named armed group, not national forces ("Libyan
      National Army" is an ORGANIZATION, "Libyan forces" is Libya);
    * facilities named after a place or with a facility head ("Jeddah 1 rehabilitation
      centre", "the Mosul airport", "Tiyas Air Base") are FACILITY;
    * a state's ministry is one ORGANIZATION per state ("Niger's Defence Ministry" →
      "Nigerien Defence Ministry"); without a state in the phrase it is left out;
    * "<state>-led coalition/alliance/mission" is an ORGANIZATION named after the state.

``Span._.kg_source`` / ``Span._.kg_confidence``
    How an ent was found ("gazetteer", "demonym", "capital", "national_force", "title",
    "acronym", "org_head", "backed", "place", "world_place", "fuzzy", "alias", "ner",
    "armed_group") and a
    0–1 confidence.

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

``doc.spans["kg_members"]``
    The members of a group the text names after listing them ("Britain, France and
    Germany … The trio, known as the E3"): one span per member mention, ``label_``
    "PART_OF", ``kb_id_`` the group's canonical name
    (:mod:`kg.components.entity_rules.named_groups`).

``doc.spans["kg_coref"]``
    Filled by ``kg_coref`` (see :mod:`kg.components.coref`), same label/kb_id convention.

``doc.spans["kg_ner"]``
    With a trained pipeline, the model's original NER spans (all labels, e.g. DATE),
    because ``doc.ents`` is replaced by the ontology entities.

Everything runs on spaCy matchers plus short Python passes over candidate spans; the
gazetteer is never scanned per token and fuzzy matching only sees capitalised spans the
exact lookup missed.

The rule families live in :mod:`kg.components.entity_rules` (gazetteer matches, people,
organisations, places, resolution glue, title spans, writing the ents), mixed into
:class:`EntityRecognizer`; this module keeps the component, its order of passes and the
factory.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import resolve
from ..gazetteer import Gazetteer, build_matchers, load_gazetteer, norm_key
from .entity_rules.armed_groups import ArmedGroupRules
from .entity_rules.common import NOT_NAMES, PARTICLES, Cand, covered_by
from .entity_rules.gazetteer_match import GazetteerRules
from .entity_rules.named_groups import NamedGroupRules
from .entity_rules.organizations import OrganizationRules
from .entity_rules.persons import PersonRules
from .entity_rules.places import PlaceRules
from .entity_rules.resolution import ResolutionRules
from .entity_rules.titles import TitleRules, portfolio_roles
from .entity_rules.toks import Toks, _is_headline
from .entity_rules.writing import _write_ents

TYPES = ("STATE", "ORGANIZATION", "PERSON", "GROUP", "FACILITY", "LOCATION")


class EntityRecognizer(GazetteerRules, PersonRules, OrganizationRules, PlaceRules,
                       ResolutionRules, TitleRules, ArmedGroupRules, NamedGroupRules):
    """The ``kg_entities`` pipeline component (see the module docstring for the interface)."""

    #: no entity rule reads ``token.lemma_`` (see :func:`kg.nlp.unread_lemmatizers`)
    reads_lemmas = False

    def __init__(self, nlp: Language, name: str = "kg_entities", gazetteer: str | None = None,
                 fuzzy: bool = True, detect_unknown: bool = True,
                 extra_gazetteers: list[str] | tuple[str, ...] = ()):
        self.name = name
        # ``gazetteer`` replaces the packaged data; ``extra_gazetteers`` layer over it
        self.gz: Gazetteer = load_gazetteer(gazetteer, tuple(extra_gazetteers))
        #: the name resolution of this pipeline: kg_coref and kg_relations use it too
        self.resolver = resolve.Resolver(self.gz)
        self.fuzzy = fuzzy
        self.detect_unknown = detect_unknown
        self.stop_words = frozenset(nlp.Defaults.stop_words)
        self.matcher = build_matchers(nlp, self.gz)
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
        with resolve.using(self.resolver):
            return self._find(doc)

    def _find(self, doc: Doc) -> Doc:
        if doc.ents and not all(e.label_ in TYPES for e in doc.ents):
            doc.spans["kg_ner"] = list(doc.ents)  # a model's NER, not our own earlier run
        T = Toks(doc, self.stop_words)
        cands: list[Cand] = []
        self._gazetteer(doc, T, cands)
        headline = self._headline_tokens(doc, T)
        roles = portfolio_roles(T, [(sp.start, sp.end) for sp in filter_spans(
            [doc[s:e] for _, s, e in self.roles(doc)])], cands)
        self._known_persons_whole(T, cands, headline)
        if self.detect_unknown:
            self._titles_persons(T, cands, headline, roles)
            self._appositive_persons(T, cands, headline, roles)
            self._nicknamed_persons(T, cands, headline)
            self._kin_persons(T, cands, headline)
            self._government_of(T, cands, headline)
            self._org_heads(T, cands, headline)
            self._described_groups(T, cands, headline)
            self._facilities(T, cands, headline)
            self._positioned_regions(T, cands, headline)
            self._backed(T, cands, headline)
            self._armed_groups(T, cands, headline)
            self._acronyms(T, cands, headline)
            self._speakers(T, cands, headline)
        main = self._select(cands, set())
        taken = covered_by(main)
        fill: list[Cand] = []
        if "kg_ner" in doc.spans:
            self._from_ner(doc, T, fill, main, headline, roles)
        if self.detect_unknown:
            self._places(T, fill, taken, headline)
        if self.fuzzy:
            self._fuzzy_runs(T, fill, taken, headline)
        chosen = main + self._select(fill, taken)
        chosen = self._doc_aliases(T, chosen)
        chosen, members = self._named_groups(T, chosen)
        chosen.sort(key=lambda c: c.start)
        if not _write_ents(doc, T, chosen):
            spans = [Span(doc, c.start, c.end, label=c.label, kb_id=c.kb) for c in chosen]
            doc.set_ents(spans, default="outside")
            for c, sp in zip(chosen, spans, strict=True):
                sp._.kg_source = c.source
                sp._.kg_confidence = c.conf
        doc.spans["kg_titles"] = self._titles(doc, T, chosen, roles)
        doc.spans["kg_members"] = [Span(doc, s, e, label="PART_OF", kb_id=group)
                                   for s, e, group in members]
        return doc

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _select(cands: list[Cand], taken: set[int]) -> list[Cand]:
        """Longest first, then priority; a token belongs to one entity."""
        out = []
        used = set(taken)
        for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.prio, c.start)):
            s, e = c.start, c.end
            if e - s == 1:  # most candidates are one token: no range() for them
                if s in used:
                    continue
                out.append(c)
                used.add(s)
                continue
            if not used.isdisjoint(range(s, e)):
                continue
            out.append(c)
            used.update(range(s, e))
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

    # ------------------------------------------------------------------ unknown actors
    @staticmethod
    def _name_run(T: Toks, i: int, max_len: int = 4) -> int:
        """End of a run of capitalised name tokens starting at i (i if none)."""
        j, n = i, T.n
        while j < n and j - i < max_len + 2:
            if T.cap[j] and T.lower[j] not in NOT_NAMES:
                j += 1
                continue
            if j > i and _glued_hyphen_part(T, j):
                j += 2  # "Kim Jong-un", "Park Chung-hee": the lower-case part of the name
                continue
            if T.lower[j] in PARTICLES and j > i:
                k = j + 1
                while k < n and k - j < 3 and T.lower[k] in PARTICLES and T.text[k] != "-":
                    k += 1  # "van der Berg", "bin al-Hussein"
                if k < n and T.text[k] == "-":
                    k += 1  # "al" "-" "Baghdadi"
                if k < n and T.cap[k]:
                    j += 1
                    continue
            break
        while j > i and T.lower[j - 1] in {"-", "al", "el", "bin", "ibn", "de"}:
            j -= 1
        return j


def _glued_hyphen_part(T: Toks, j: int) -> bool:
    """Whether tokens j, j+1 are "-" and a short lower-case word written tight against the
    capitalised name before them ("Jong" "-" "un"): one name, as the text wrote it."""
    return (j + 1 < T.n and T.text[j] == "-" and T.cap[j - 1] and not T.ws[j - 1]
            and not T.ws[j] and T.text[j + 1].isalpha() and T.text[j + 1].islower()
            and len(T.text[j + 1]) <= 4 and T.lower[j + 1] not in T.stop
            and (j + 2 >= T.n or T.ws[j + 1] or not T.text[j + 2].isalnum()))


@Language.factory(
    "kg_entities",
    default_config={"gazetteer": None, "fuzzy": True, "detect_unknown": True,
                    "extra_gazetteers": []},
)
def make_kg_entities(nlp: Language, name: str, gazetteer: str | None, fuzzy: bool,
                     detect_unknown: bool, extra_gazetteers: list[str]) -> EntityRecognizer:
    """Factory so ``nlp.add_pipe("kg_entities")`` works in any English pipeline.

    ``gazetteer``: a JSONL file that replaces the packaged world and region data (None: the
    packaged data, with ``KG_GAZETTEER``'s files over it); ``extra_gazetteers``: files
    layered over that, the last one winning on conflicts."""
    return EntityRecognizer(nlp, name, gazetteer=gazetteer, fuzzy=fuzzy,
                            detect_unknown=detect_unknown, extra_gazetteers=extra_gazetteers)
