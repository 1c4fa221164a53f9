"""The frame registry: every argument-linking frame is a function registered by name.

Why a registry: a rule file names its frame (``"frame": "svo"``) and may set options
(``"max_left": 6``). The registration is the one place that says which frames exist, which
options each accepts (a frozen dataclass, so a misspelt option is an error, not a silent
default), and what kind of evidence the frame gives: ``tight`` frames read arguments that
stand right next to the cue ("X-backed Y", "Y was backed by X") and get the ``token_tight``
confidence class; the others scan a clause (``token``). ``verb_cue`` frames have a verb as
their first cue token: a mention right after one of those words is a verb's object.

A new construction is one function decorated with :func:`frame` plus the rule lines that
use it (see CONTRIBUTING.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal


@dataclass(frozen=True)
class Options:
    """Options every frame accepts: how emission treats the found objects.

    ``object_type_relation`` re-labels the relation by the object's type ("has a base in
    <town>" is DEPLOYED_IN, not OPERATES, when the object is a place); with
    ``synthesize_facility`` ("base") a town object also yields the facility "<town> base".
    """

    object_type_relation: dict[str, str] = field(default_factory=dict)
    synthesize_facility: str | None = None
    # forces present at a facility named as a base or camp ("US troops are stationed at
    # Camp Humphreys") also hold it: the DEPLOYED_IN candidate brings an OPERATES one
    base_operator: bool = False
    # a capital written for its state is the city here, so no actor: "fought for Kyiv" is
    # a battle for the city, "fought for Assad" a side taken
    capital_is_place: bool = False


@dataclass(frozen=True)
class FrameSpec:
    """One registered frame: its function, its options class and its evidence kind."""

    name: str
    fn: Callable[..., None]
    options: type[Options]
    tight: bool
    verb_cue: bool
    doc: str

    @property
    def kind(self) -> str:
        """The confidence class of the frame's candidates (see kg.components.relations)."""
        return "token_tight" if self.tight else "token"


FRAMES: dict[str, FrameSpec] = {}
"""Frame name → registration, filled by the ``@frame`` decorators in ``kg.rel.frames_*``."""


def frame(name: str, options: type[Options] = Options, *, tight: bool = False,
          verb_cue: bool = False) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register the decorated function as frame ``name`` (see the module docstring)."""

    def register(fn: Callable[..., None]) -> Callable[..., None]:
        if name in FRAMES and FRAMES[name].fn is not fn:
            raise ValueError(f"frame {name!r} is registered twice")
        FRAMES[name] = FrameSpec(name, fn, options, tight, verb_cue,
                                 (fn.__doc__ or "").strip().split("\n")[0])
        return fn

    return register


def frames() -> dict[str, FrameSpec]:
    """Every registered frame (importing the frame modules registers them)."""
    from . import frames as _frames  # noqa: F401

    return FRAMES


# ---- the option classes of the built-in frames ------------------------------------------------

Agent = Literal["any", "left", "possessor", "named_possessor", "premod", "premod_or_left"]


@dataclass(frozen=True)
class SvoOptions(Options):
    """Options of the active-clause frame ``svo``."""

    max_left: int = 14  # tokens scanned left of the cue for the subject
    max_right: int = 3  # content words allowed between the cue and the object
    object_prep: tuple[str, ...] = ()  # prepositions that may open the object ("fought against")
    prep_after_gap: bool = False  # the preposition may come after a gap ("deployed near the X in")
    passive_ok: bool = False  # the cue may follow "is/was" ("is deployed in")
    context_after: tuple[str, ...] = ()  # one of these words must follow within 8 tokens
    not_followed_by: tuple[str, ...] = ()  # the object must not be followed by these
    topic_free: bool = False  # no topic phrase follows ("engaged Kabul on trade" is talk)
    inner_target: bool = False  # the target follows the first target preposition in the match
    enumerates: bool = False  # "X has two bases …": the later named bases are X's
    share_object: bool = False  # the object is a state named as a share: "much of Yemen"
    member_body: bool = False  # the object is an alliance, bloc or union (phrases.member_body)
    whole_object: bool = False  # the object is the named actor itself, not a part of it
    # ("controls eastern Libya", "controls Yemen's capital" name no whole state)


@dataclass(frozen=True)
class ApposOptions(Options):
    """Options of ``appos_poss``: which side of "X, Y's N" is the subject."""

    owner_is_subject: bool = False  # "Hmeimim, Russia's main base": Russia operates it


@dataclass(frozen=True)
class PassiveOptions(Options):
    """Options of ``passive``: ``share_patient`` takes only a patient named as a share of
    it ("much of Yemen is held by X", "large parts of Somalia are controlled by Y"; see
    :func:`kg.rel.phrases.named_as_share`); ``member_body`` takes only an alliance, bloc
    or union as the patient ("the alliance was formed by A and B")."""

    share_patient: bool = False
    member_body: bool = False  # the patient is an alliance, bloc or union ("was formed by")


@dataclass(frozen=True)
class PlaceOptions(Options):
    """Options of ``appos_place``: ``object_in_cue`` takes the place named inside the cue
    (the last one: "Sanaa, the Yemeni capital": the demonym's state), not the one after it;
    ``subject_after`` takes the name right after the cue as the subject ("NATO member
    Turkey"), not the one before it."""

    object_in_cue: bool = False
    subject_after: bool = False  # "NATO member Turkey": the subject follows the cue


@dataclass(frozen=True)
class LeftOptions(Options):
    """Options of frames that only look left for an argument."""

    max_left: int = 14


@dataclass(frozen=True)
class SeenAsOptions(LeftOptions):
    """Options of ``seen_as``: ``bare_complement`` reads the enemy word after the object's
    noun phrase without "as" ("called the Israeli presence a violation of …")."""

    bare_complement: bool = False


@dataclass(frozen=True)
class OwnedNounOptions(Options):
    """Options of ``owned_noun_object``: the word list (in kg/data/words/frames.json) of the
    nouns through which a demonym or possessor names the actor ("Iranian companies")."""

    max_left: int = 14
    nouns: str = "sanctioned_nouns"
    any_owner: bool = False  # the possessor may be any actor of the rule's object types


@dataclass(frozen=True)
class InverseOptions(Options):
    max_left: int = 10
    context_after: tuple[str, ...] = ()  # one of these words must follow within 8 tokens
    share_patient: bool = False  # only a state named as a share: "much of Yemen fell to X"
    named_list: bool = False  # the agents are named actors ("includes Iranian missiles": none)
    # and the patient heads its phrase ("Hezbollah's arsenal includes": no patient)


@dataclass(frozen=True)
class UnderControlOptions(LeftOptions):
    """Options of ``under_named_control``: ``share_patient`` takes only a state named as a
    share of it ("much of Yemen is under Houthi control")."""

    share_patient: bool = False


@dataclass(frozen=True)
class PremodNounOptions(Options):
    """Options of ``premod_noun``."""

    modifier_gap: int = 0  # lowercase words between the actor and the noun ("UN refugee agency")
    named_only: bool = False  # the subject must be named in apposition ("X, the UN agency");
    # a possessor before the name is its parent, not its part ("the EU's Aspides mission")


@dataclass(frozen=True)
class AdjPremodOptions(Options):
    max_left: int = 12


@dataclass(frozen=True)
class RoleOptions(Options):
    max_left: int = 8


@dataclass(frozen=True)
class IncludeOptions(Options):
    """Options of ``members_include``: ``owner_is_subject`` makes the possessor the subject
    ("Iran's proxies include A": Iran backs A) instead of the object ("the PMF's factions
    include A": A is part of the PMF)."""

    owner_is_subject: bool = False


@dataclass(frozen=True)
class HostsOptions(Options):
    max_left: int = 10


@dataclass(frozen=True)
class SymmetricOptions(Options):
    """Options of ``symmetric``: ``both_ways`` emits (B, rel, A) too ("exchanged fire
    with"), ``mediator`` also pairs the one who brokered the talks with each party."""

    both_ways: bool = False
    mediator: bool = False
    # "A and B fought a war against C": a preposition after the cue that names a third
    # party, so A and B are no pair of the relation
    not_before: tuple[str, ...] = ()
    # "Erdogan clashed with Macron": a clash between two persons is a quarrel, this
    # relation instead of the rule's
    dispute_relation: str | None = None
    # "Kim signed a defence treaty with Putin": a treaty binds the states the signatories
    # serve (a known person's gazetteer state), not the persons
    parties_as_states: bool = False


@dataclass(frozen=True)
class NominalOptions(Options):
    """Options of ``nominal``: where the agent of a nominalised cue is looked for
    (``agent``), how far (``max_left``), and the object's gap (``max_right``)."""

    agent: Agent = "any"
    max_left: int = 8
    max_right: int = 3
    members_after: bool = False  # "factions of the PMF, including A and B" → A, B
    holder_inverts: bool = False  # "X enjoys the support of Y": Y is the agent, X the object
    body_premod_labels: bool = False  # "a NATO ally of Y": the alliance is no agent
    in_names_place: bool = False  # "X is the main US partner in Syria": when the noun
    # describes a named actor, a state named after "in" is where it is, not the other side


@dataclass(frozen=True)
class DelegationOptions(Options):
    """Options of ``led_delegation``: where the owner of the delegation is named —
    before the cue ("the Iranian delegation, led by X": ``premod``) or as the mention
    right before it ("Hamas, represented by X": ``before``)."""

    owner: Literal["premod", "before"] = "premod"


def option_error(cls: type[Options], key: str, value: Any) -> str | None:
    """Why ``value`` cannot be option ``key`` of ``cls`` (None when it can)."""
    import typing

    hints = typing.get_type_hints(cls)
    if key not in hints:
        known = ", ".join(sorted(hints)) or "none"
        return f"unknown option (this frame accepts: {known})"
    hint = hints[key]
    origin = typing.get_origin(hint)
    if hint is bool:
        ok = isinstance(value, bool)
    elif hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    elif origin is tuple:
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    elif origin is dict:
        ok = isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
    elif origin is Literal:
        ok = value in typing.get_args(hint)
        if not ok:
            return f"must be one of {', '.join(map(repr, typing.get_args(hint)))}, not {value!r}"
    else:  # str | None
        ok = isinstance(value, str)
    return None if ok else f"wrong type {type(value).__name__} for {hint}"


def make_options(cls: type[Options], raw: dict[str, Any]) -> Options:
    """The options object of one rule (lists become tuples so the object stays frozen)."""
    return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in raw.items()})
