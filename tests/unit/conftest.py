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
