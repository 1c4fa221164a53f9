"""Groups an article names after listing their members: "Britain, France and Germany …
The trio, known as the E3, …", "France, Germany and Britain (the E3)", "the E3 (France,
Germany and Britain)", "the Quad — the US, Japan, India and Australia —"; and a
coalition named after the state that leads it: "a coalition of regional countries led by
Saudi Arabia" (the Saudi-led coalition, Saudi Arabia a member).

The group is an ORGANIZATION (the gazetteer's actor when it knows the name, else the name
as written; its later mentions in the article are the same actor), and each listed
member is recorded in ``doc.spans["kg_members"]``: one span per member, over the member's
tokens, ``label_`` "PART_OF", ``kb_id_`` the group's canonical name. A group noun that
counts ("the trio", "the three countries") must match the list's length.

A mixin of :class:`kg.components.entities.EntityRecognizer`; the word lists are in
``kg/data/words/entities.json``.
"""

from __future__ import annotations

from ...wordlists import words
from .common import LED_HEADS, Cand, _canonical
from .toks import Toks

_W = words("entities")
GROUP_NOUNS = _W.table("group_nouns")  # noun → [how many members it says, "0": any]
MEMBER_TYPES = ("STATE", "ORGANIZATION")


class NamedGroupRules:
    """Mixin of the ``kg_entities`` component (see the module docstring)."""

    def _named_groups(self, T: Toks, chosen: list[Cand]) -> tuple[list[Cand],
                                                                 list[tuple[int, int, str]]]:
        """``chosen`` plus the named groups; and (start, end, group) per member."""
        chosen = sorted(chosen, key=lambda c: c.start)
        by_start = {c.start: c for c in chosen}
        members: list[tuple[int, int, str]] = []
        added: list[Cand] = []
        for i in T.data.where(frozenset({"known"})):
            a = i + 1 + (i + 1 < T.n and T.lower[i + 1] in {"collectively", "jointly"})
            if a + 1 >= T.n or T.lower[a] != "as":
                continue  # "known as", "known collectively as"
            j = a + 1 + (T.lower[a + 1] == "the")
            name = self._group_name(T, j, by_start)
            if name is None:
                continue
            kb, end = name
            k = i - 1
            if k >= 0 and T.lower[k] in {"collectively", "jointly"}:
                k -= 1
            if k < 0 or T.text[k] != ",":
                continue
            listed = _list_ending_at(T, chosen, k)
            noun = None
            if not listed:
                listed, noun = self._list_before_group_noun(T, chosen, k)
            if len(listed) < 2:
                continue
            added.extend(self._group_cands(T, j, end, kb, by_start))
            if noun is not None:  # "The trio, known as the E3": the trio is the E3 too
                added.append(Cand(noun, noun + 1, "ORGANIZATION", kb, "alias"))
            members.extend((m.start, m.end, kb) for m in listed)
        for i in T.data.where(frozenset({"("})):
            # "the E3 (France, Germany and Britain)" / "France, Germany and Britain (the E3)"
            close = next((k for k in range(i + 1, min(i + 14, T.n)) if T.text[k] == ")"), None)
            if close is None:
                continue
            inside = _list_ending_at(T, chosen, close)
            if len(inside) >= 2 and inside[0].start in (i + 1, i + 2):
                start = _start_of_name_before(i, by_start)
                named = self._group_name(T, start, by_start)
                if named is not None and named[1] == i:
                    added.extend(self._group_cands(T, start, i, named[0], by_start))
                    members.extend((m.start, m.end, named[0]) for m in inside)
                continue
            if T.lower[i + 1] != "the":
                continue  # "Russia and Ukraine (AFP)": a dateline, not a group
            j = i + 2
            named = self._group_name(T, j, by_start)
            listed = _list_ending_at(T, chosen, i)
            if named is not None and named[1] == close and len(listed) >= 2:
                added.extend(self._group_cands(T, j, close, named[0], by_start))
                members.extend((m.start, m.end, named[0]) for m in listed)
        self._led_by(T, chosen, by_start, added, members)
        if not added:
            return chosen, members
        taken = {k for c in chosen for k in range(c.start, c.end)}
        out = list(chosen)
        for c in added:
            if not any(k in taken for k in range(c.start, c.end)):
                out.append(c)
                taken.update(range(c.start, c.end))
        return out, members

    def _led_by(self, T: Toks, chosen: list[Cand], by_start: dict[int, Cand],
                added: list[Cand], members: list[tuple[int, int, str]]) -> None:
        """"a coalition of regional countries led by Saudi Arabia": the coalition is the
        "<Saudi>-led coalition" (the gazetteer's, if it knows it) and its leader is a
        member; later bare mentions of that coalition ("a coalition spokesman") are it."""
        taken = {k for c in chosen for k in range(c.start, c.end)}
        heads: dict[str, str] = {}
        for i in T.data.where(LED_HEADS):
            if i in taken or T.cap[i] or i + 2 >= T.n:
                continue
            k = i + 1
            # over its members' description: words, demonyms, places ("of Gulf states")
            while k < T.n and k - i <= 8 and T.lower[k] not in {"led", "headed"} and (
                    (k not in by_start and T.text[k].isalpha()) or (
                    k in by_start and (by_start[k].source == "demonym"
                                       or by_start[k].label in {"LOCATION", "GROUP"}))):
                k = by_start[k].end if k in by_start else k + 1
            if k + 1 >= T.n or T.lower[k] not in {"led", "headed"} or T.lower[k + 1] != "by":
                continue
            j = k + 2 + (k + 2 < T.n and T.lower[k + 2] == "the")
            leader = by_start.get(j)
            if leader is None or leader.label != "STATE":
                continue
            kb = self._led_name(leader.kb, T.lower[i])
            added.append(Cand(i, i + 1, "ORGANIZATION", kb, "org_head", prio=2))
            members.append((leader.start, leader.end, kb))
            heads.setdefault(T.lower[i], kb)
        if not heads:
            return
        first = min(c.start for c in added if c.kb in heads.values())
        for word, kb in heads.items():
            for k in T.data.where(frozenset({word})):
                if k > first and k not in taken and not T.cap[k] and not (
                        k + 1 < T.n and T.lower[k + 1] == "of"):
                    added.append(Cand(k, k + 1, "ORGANIZATION", kb, "alias"))

    def _led_name(self, state: str, head: str) -> str:
        """"Saudi-led coalition": the state's adjective, then its name; the gazetteer's
        spelling when it knows the coalition."""
        actor = self.gz.actors.get(state)
        names = [f"{d}-led {head}" for d in (actor.demonyms if actor else ())] + [
            f"{state}-led {head}"]
        for name in names:
            hit = self.gz.lookup(name)
            if hit is not None and self.gz.actors[hit.actor].type == "ORGANIZATION":
                return hit.actor
        return names[0]

    def _group_name(self, T: Toks, j: int, by_start: dict[int, Cand]) -> tuple[str, int] | None:
        """(canonical name, end) of a group's name at token j: a known organisation, or an
        acronym-like word ("E3", "P5", "G7", "Quad") written with a capital."""
        if j >= T.n:
            return None
        c = by_start.get(j)
        if c is not None:
            return (c.kb, c.end) if c.label == "ORGANIZATION" else None
        t = T.text[j]
        if not t[:1].isupper() or not t.replace("+", "").replace("-", "").isalnum() \
                or t.lower() in T.stop or len(t) > 12:
            return None
        end = j + 1
        while end + 1 < T.n and T.text[end] == "+" and T.text[end + 1].isdigit():
            end += 2  # "P5+1"
        text = T.span_text(j, end)
        hit = _canonical(text, "ORGANIZATION")
        return (hit[0] if hit and hit[1] == "ORGANIZATION" else text), end

    @staticmethod
    def _group_cands(T: Toks, j: int, end: int, kb: str,
                     by_start: dict[int, Cand]) -> list[Cand]:
        """The group's mention at j..end (unless an ent is there already) and its later
        mentions written the same way."""
        out = []
        if j not in by_start:
            out.append(Cand(j, end, "ORGANIZATION", kb, "acronym_defined", prio=2))
        if end - j == 1:
            for k in T.data.where_text(frozenset({T.text[j]})):
                if k > j and k not in by_start:
                    out.append(Cand(k, k + 1, "ORGANIZATION", kb, "alias"))
        return out

    def _list_before_group_noun(self, T: Toks, chosen: list[Cand],
                                k: int) -> tuple[list[Cand], int | None]:
        """"The trio, known as": the last list of states or organisations (this or the
        previous sentence) before a group noun that ends right before token k, and the
        group noun's token."""
        g = k - 1
        counts, noun = None, None
        while g >= 0 and k - g <= 4:
            if T.lower[g] in GROUP_NOUNS:
                counts = {int(x) for x in GROUP_NOUNS[T.lower[g]]}
                noun = noun if noun is not None else g
            if T.lower[g] in {"the", "these", "those"}:
                break
            g -= 1
        if counts is None or g < 0:
            return [], None
        sents = sorted(s for s in T.sent_starts if s < T.n)
        here = max((s for s in sents if s <= g), default=0)
        # the previous sentence with a word in it (a blank line is a "sentence" too)
        before = here
        for s0 in reversed([s for s in sents if s < here]):
            before = s0
            if any(T.text[t][:1].isalpha() for t in range(s0, here)):
                break
        for c in reversed([c for c in chosen if before <= c.start and c.end <= g]):
            listed = _list_ending_at(T, chosen, c.end)
            if len(listed) >= 2:
                return (listed, noun) if (0 in counts or len(listed) in counts) else ([], None)
        return [], None


def _start_of_name_before(i: int, by_start: dict[int, Cand]) -> int:
    """Where the group's name before a bracket starts ("the E3 (" → "E3")."""
    for c in by_start.values():
        if c.end == i:
            return c.start
    return i - 1


def _list_ending_at(T: Toks, chosen: list[Cand], k: int) -> list[Cand]:
    """The coordinated mentions ("A, B and C") of one type whose last one ends at token k
    (or at k-1 before a comma); [] when none ends there."""
    ends = {c.end: c for c in chosen if c.label in MEMBER_TYPES}
    last = ends.get(k)
    if last is None:
        return []
    out = [last]
    pos = last.start
    while True:
        g = pos - 1
        seps = []
        while g >= 0 and T.lower[g] in {",", "and", "the"}:
            seps.append(T.lower[g])
            g -= 1
        if not seps or len(seps) > 3 or seps == ["the"]:
            break
        prev = ends.get(g + 1)
        if prev is None or prev.label != last.label:
            break
        out.append(prev)
        pos = prev.start
    out.reverse()
    # a list ends with "and": "A, B and C"; "A, B, C" alone is no list
    if not any(T.lower[g] == "and" for g in range(out[0].end, out[-1].start)):
        return []
    return out
