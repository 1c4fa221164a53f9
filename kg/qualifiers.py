"""Qualifiers attached to every triple: negation, attribution and date.

* **negated** — the clause denies the relation: a negator ("not", "n't", "never", "no
  longer", "without", "has yet to", "refused to") between the subject and the cue, or a
  denial verb ("denied", "deny", "rejected") earlier in the sentence ("Tehran denied
  arming the group"). Negated triples are kept with ``negated=True``; the graph leaves
  them out by default.
* **attributed_to** — who says so: "X said/says/claims/accused …", "… , says X",
  "according to X". The speaker is the canonical name when it is an entity mention, else
  its written name (title-case words), else ``None``.
* **date** — the first explicit date (:mod:`kg.dates`) in the evidence sentence, else in
  its paragraph, else the document's date; ISO 8601 of the precision the text gives.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from functools import cache, lru_cache

from spacy.tokens import Doc

from .dates import find_dates, parse_date
from .tokens import token_data
from .wordlists import words

_W = words("frames")  # the word lists named below live in kg/data/words/frames.json


@cache
def _negation_phrases() -> list[list[str]]:
    """The multi-word negators ("no longer", "has yet to") as word lists."""
    return [p.split() for p in sorted(_W["negation_phrases"])]


@cache
def _negation_starts() -> frozenset[str] | None:
    """The first words of the negation phrases (None if a phrase is empty)."""
    phrases = _negation_phrases()
    return frozenset(p[0] for p in phrases) if all(phrases) else None


@cache
def _contrasts() -> frozenset[str]:
    return frozenset(_W["negation_contrasts"])


def _last_before(positions: list[int], lo: int, hi: int) -> int | None:
    """The last of the sorted ``positions`` in lo..hi-1, or None."""
    k = bisect_left(positions, hi) - 1
    return positions[k] if k >= 0 and positions[k] >= lo else None


# negators that are particles; the others are verbs ("suspended", "withdrew") that negate
# only the cue they govern ("suspended its support for X")
_PARTICLE_NEGATORS = frozenset({"not", "n't", "never", "without", "neither", "nor", "no"})


def _cancels_an_ending(low: list[str], j: int) -> bool:
    """Whether the negator that ends before ``j`` only negates an ending verb: "will not
    lift sanctions", "refused to end its blockade": the sanctions and the blockade stay."""
    n = 0
    while j < len(low) and n < 2 and low[j] in {"to", "yet", "be", "immediately", "soon"}:
        j, n = j + 1, n + 1
    return j < len(low) and low[j] in _W["ending_verbs"]


def is_negated(doc: Doc, sent_start: int, left: int, cue_start: int, cue_end: int) -> bool:
    """Whether a negator scopes over the cue.

    ``left`` is the first token of the relation's left argument (or the cue itself); the
    negator must sit between it and the end of the cue, or a denial verb anywhere before
    the cue in the sentence.
    """
    lex = _W
    data = token_data(doc)
    lower = data.lower  # token.lower_ of every token, read once per Doc
    # a contrast starts a new scope: "X withdrew its troops but still backs Y" is not negated
    # (the contrast and denial words of the Doc are found once, not per candidate)
    contrast = _last_before(data.where_memo(_contrasts()), sent_start, cue_start)
    if contrast is not None:
        sent_start = contrast + 1
    lo = max(sent_start, min(left, cue_start) - 1)
    low = lower[lo:cue_end]
    phrases = _negation_phrases()
    starts = _negation_starts()
    closing = [k for k, w in enumerate(low) if w in {'"', "\u201d", "''"}]
    for k, w in enumerate(low):
        if w in lex["negation"]:
            if lo + k >= cue_start and w not in _PARTICLE_NEGATORS:
                continue  # "suspended all trade with X": the cue's own verb is the act
            if w in {"not", "n't", "never"} and _cancels_an_ending(low, k + 1):
                continue  # "will not lift sanctions on X": the sanctions stay
            if w not in _PARTICLE_NEGATORS and (
                    cue_start - (lo + k) > 3
                    or any(x in {"and", ",", "but"} for x in low[k + 1:cue_start - lo])):
                continue  # "withdrew its envoy and imposed sanctions": another verb's object
            if any(low[c] in {"and", "but"} and low[c + 1] in lex["clause_aux"]
                   for c in range(k + 1, cue_start - lo - 1)):
                continue  # "does not recognise X and is backed by Y": a second predicate
            if any(k < c < cue_start - lo for c in closing):
                continue  # 'said the attacks "will not go unpunished" and warned X': the
                # negator belongs to the quotation, not to the cue after it
            if w == "not" and k > 0 and low[k - 1] == ",":
                continue  # "X, not the PMF, was behind it": a contrast, not a denial
            if w == "no" and not (k + 1 < len(low) and low[k + 1] == "longer") \
                    and lo + k < cue_start - 1:
                if any(low[k:k + len(p)] == p for p in phrases):
                    return True  # "had no intention of invading X": a negation phrase
                continue  # "no" negates only "no longer" or the cue it stands in or before
            return True
        if starts is not None and w not in starts:
            continue  # no negation phrase starts with this word
        if lo + k >= cue_start:
            continue  # "refused to extradite X" as the cue itself: the refusal is the act
        for phrase in phrases:
            if low[k:k + len(phrase)] == phrase:
                if _cancels_an_ending(low, k + len(phrase)):
                    break  # "refused to lift the blockade": the blockade stays
                return True
    denial = _last_before(data.where_memo(lex["denial_verbs"]), sent_start, cue_start)
    if denial is None:
        return False
    if left > denial and 0 < cue_start - left <= 3 and lower[cue_start].endswith("ing") \
            and "," not in lower[left:cue_start] and lower[cue_start - 1] not in lex["aux"]:
        return False  # "denied arming Fano militiamen fighting troops in X": the participle
        # describes the group named after the denial; it is not what is denied
    between = lower[denial:cue_start]
    if any(between[i] == "," and between[i + 1] in {"and", "but"}
           for i in range(len(between) - 1)):
        return False  # "X denied any role, and Y ordered an inquiry": a new clause
    # "X denied arming Y, the group fighting Z": a relation whose arguments all follow the
    # denial and sit behind a comma is an apposition, outside what is denied
    return not (left > denial and "," in lower[denial:cue_start])


# verbs that put the speaker after them: "…, says Colonel X"
INVERTED = _W["inverted_speech_verbs"]

NameAt = Callable[[int], "str | None"]


def names_by_token(doc: Doc) -> NameAt:
    """Token index → canonical name of the entity (or resolved pronoun) covering it."""
    table: dict[int, str] = {}
    for sp in list(doc.spans.get("kg_coref", [])) + list(doc.ents):
        for i in range(sp.start, sp.end):
            table[i] = sp.kb_id_ or sp.text
    return table.get


def _mention_name(doc: Doc, start: int, end: int, name_at: NameAt) -> str | None:
    for i in range(start, end):
        name = name_at(i)
        if name:
            return name
    return None


def _name_left(doc: Doc, i: int, lo: int, name_at: NameAt) -> str | None:
    """Speaker ending just before token ``i``: an entity, else title-case words."""
    k = i - 1
    if k >= lo and doc[k].lower_ == ",":
        return None
    for j in range(k, max(lo, k - 4) - 1, -1):
        name = _mention_name(doc, j, j + 1, name_at)
        if name:
            return name
        if not doc[j].is_alpha:
            break
    words = []
    while k >= lo and doc[k].is_title and doc[k].is_alpha:
        words.insert(0, doc[k].text)
        k -= 1
    if words and not (k < lo and len(words) == 1 and words[0].lower() in {"it", "he", "she"}):
        return " ".join(words)
    return None


def _name_right(doc: Doc, i: int, hi: int, name_at: NameAt) -> str | None:
    k = i
    while k < hi and (doc[k].lower_ in {"the", "a", "an"} or doc[k].is_lower and k - i < 4
                      and doc[k].is_alpha and _mention_name(doc, k, k + 1, name_at) is None):
        k += 1
    name = None
    for j in range(k, min(hi, k + 6)):
        name = _mention_name(doc, j, j + 1, name_at)
        if name:
            return name
        if not (doc[j].is_title or doc[j].text.endswith(".")):
            break
    words = []
    while k < hi and (doc[k].is_title or doc[k].is_upper) and doc[k].is_alpha:
        words.append(doc[k].text)
        k += 1
    return " ".join(words) or None


def attribution(doc: Doc, sent_start: int, sent_end: int,
                name_at: NameAt | None = None) -> str | None:
    """The source a sentence reports, or ``None``. ``name_at`` maps a token index to the
    canonical name of its entity (default: built from ``doc.ents`` and ``kg_coref``)."""
    lex = _W
    name_at = name_at or names_by_token(doc)
    verbs = lex["speech_verbs"]
    data = token_data(doc)  # token strings and flags, read once per Doc
    lower = data.lower
    for i in range(sent_start, sent_end):
        w = lower[i]
        if w == "according" and i + 1 < sent_end and lower[i + 1] == "to":
            who = _name_right(doc, i + 2, sent_end, name_at)
            if who:
                return who
        if w in verbs and data.lowercase[i]:  # "States" in "United States" is not a verb
            who = _name_left(doc, i, sent_start, name_at)
            if who:
                return who
            if i > sent_start and w in INVERTED and data.text[i - 1] in {
                    ",", "\u201d", '"', "\u2019"}:
                who = _name_right(doc, i + 1, sent_end, name_at)
                if who:
                    return who
    return None


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Character span of the paragraph (text between line breaks) holding [start, end)."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, (len(text) if hi < 0 else hi)


def date_for(text: str, start: int, end: int, default: str | None = None) -> str | None:
    """Date anchoring the sentence text[start:end]: sentence, then paragraph, then default."""
    found = find_dates(text[start:end])
    if found:
        return found[0][2]
    lo, hi = paragraph_bounds(text, start, end)
    if (lo, hi) != (start, end):
        found = _first_date(text[lo:hi])
        if found:
            return found
    return _parsed(default) if default else None


# a paragraph is asked for again by each of its sentences without a date, and the
# document's date by every such sentence: both are pure functions of their text
@lru_cache(maxsize=256)
def _first_date(text: str) -> str | None:
    found = find_dates(text)
    return found[0][2] if found else None


@lru_cache(maxsize=256)
def _parsed(default: str) -> str | None:
    return parse_date(default)
