"""What the frames find in one Doc: relation candidates, and the half-found facts that
bridging completes later.

Why one explicit object: a frame often finds half a fact — a backer for a group it cannot
name ("factions supported by X"), an attacker without a named target, a target without an
attacker ("A drone struck X"), a claimant without an attack ("Y claimed the attack"). Those
halves are completed across sentences by :mod:`kg.rel.bridging`. Keeping every kind of
finding here, typed, makes that hand-over visible: frames write Findings, bridging reads
them and adds candidates, emission (:mod:`kg.components.relations`) reads the candidates.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .mentions import Mention


@dataclass
class Cand:
    """One relation candidate between two mentions (before qualifiers are attached)."""

    subj: Mention
    rel: str
    obj: Mention
    rule: str
    kind: str
    conf: float
    cue: tuple[int, int]


@dataclass
class Descriptor:
    """An unnamed group description with a known backer: "factions supported by X"."""

    backers: list[Mention]
    noun: int  # token index of the group noun
    rel: str = "BACKS"


@dataclass
class OpenAttack:
    """An ATTACKS cue whose attacker was found but whose target is not a named mention."""

    attackers: list[Mention]
    after: int  # first token after the cue
    cue: tuple[int, int]


@dataclass
class OpenTarget:
    """An attack whose target is named but whose attacker is not ("A drone struck X")."""

    cue: int  # token index of the cue
    targets: list[Mention]


@dataclass
class Claim:
    """A claim of an attack that names no target ("Y claimed the attack")."""

    at: int  # token index of the claim's cue
    claimants: list[Mention]


@dataclass
class Enumeration:
    """"X has two bases …": the bases named next are X's (bridging.enumerations)."""

    subjects: list[Mention]
    start: int  # the cue's tokens
    end: int


@dataclass
class Findings:
    """Everything the frames found in one Doc (see the module docstring)."""

    cands: list[Cand] = field(default_factory=list)
    descriptors: list[Descriptor] = field(default_factory=list)
    open_attacks: list[OpenAttack] = field(default_factory=list)
    open_targets: list[OpenTarget] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    condemnations: list[Claim] = field(default_factory=list)  # "X condemned the attack"
    enumerations: list[Enumeration] = field(default_factory=list)
    # token after a passive's last agent → its patient ("run by X and guarded by Y"): lets
    # the second passive of a chain reuse the first one's patient
    last_passive: dict[int, Mention] = field(default_factory=dict)

    def half_found(self) -> int:
        """How many half-found facts there are (for tests of frames that leave only those)."""
        return len(self.descriptors) + len(self.open_attacks) + len(self.open_targets) \
            + len(self.claims) + len(self.condemnations) + len(self.enumerations)
