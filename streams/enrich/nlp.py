"""Load spaCy pipelines once per process: an installed model per language, or a blank tokenizer with rules."""

from __future__ import annotations

import functools
import logging
import time

import spacy
from spacy.language import Language as SpacyLanguage

log = logging.getLogger(__name__)

# Components no stage of newswatch reads; excluding them saves load time and memory.
UNUSED_COMPONENTS = ("senter",)
MODEL_LOAD_SECONDS: dict[str, float] = {}


@functools.cache
def load_model(name: str) -> SpacyLanguage:
    """Load an installed spaCy model package by name (never downloads)."""
    started = time.perf_counter()
    nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    MODEL_LOAD_SECONDS[name] = time.perf_counter() - started
    log.info("model loaded", extra={"model": name, "seconds": round(MODEL_LOAD_SECONDS[name], 2)})
    return nlp


@functools.cache
def blank_pipeline(lang: str, aliases_file: str | None = None) -> SpacyLanguage:
    """Tokenizer + sentencizer (+ alias-table entity ruler) for a language without a statistical model."""
    from streams.enrich.canonical import default_aliases
    from streams.enrich.entities import build_entity_ruler_patterns

    try:
        nlp = spacy.blank(lang)
    except (ImportError, KeyError):
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(build_entity_ruler_patterns(default_aliases(aliases_file)))
    return nlp


def pipeline_for(lang: str, models: dict[str, str], aliases_file: str | None = None) -> tuple[SpacyLanguage, str]:
    """The pipeline to use for `lang` and a name for it (the model package, or ``blank:<lang>``)."""
    name = models.get(lang)
    if name:
        return load_model(name), name
    nlp = blank_pipeline(lang, aliases_file)
    return nlp, f"blank:{nlp.lang}"
