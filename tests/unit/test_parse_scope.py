"""parse_scope=cues: the parser runs only on sentences with quote marks or reporting cues; the result must be the
same article (text, offsets) with the same quotes and entities on the real seed article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from streams.config import Settings
from streams.enrich.nlp import _segments, needs_parse
from streams.enrich.pipeline import Enricher

SEED = Path(__file__).resolve().parents[2] / "examples" / "articles" / "seed-fr-0001.json"


@pytest.mark.parametrize(("paragraph", "lang", "expected"), [
    ("plus de 2500 chercheurs annoncent faire acte de candidature", "fr", True),  # inflected, not in `forms`
    ("Le ministre précisait hier sa position.", "fr", True),
    ("Le ciel est bleu et la mer calme.", "fr", False),
    ("Il a dit « oui ».", "fr", True),  # quote marks alone are enough
    ("Officials predicted heavy rain.", "en", True),
    ("The sky is blue.", "en", False),
])
def test_needs_parse(paragraph: str, lang: str, expected: bool) -> None:
    assert needs_parse(paragraph, lang) is expected


def test_segments_cover_the_text_and_split_on_sentences() -> None:
    text = "Le ciel est bleu. Il a dit « oui ».\n\nLa mer est calme. Le ministre précisait sa position."
    parts = _segments(text, "fr")
    assert "".join(piece for piece, _ in parts) == text
    assert [parse for _, parse in parts] == [False, True, False, True]
    assert parts[1][0].startswith("Il a dit")


def test_cues_scope_gives_the_same_enrichment_on_the_seed() -> None:
    raw = json.loads(SEED.read_text(encoding="utf-8"))
    full = Enricher(Settings(parse_scope="all")).enrich_message(dict(raw))
    cues = Enricher(Settings(parse_scope="cues")).enrich_message(dict(raw))
    assert cues["text"] == full["text"]
    assert [(q["text"], q["speaker"], q["start"], q["end"]) for q in cues["quotes"]] == \
        [(q["text"], q["speaker"], q["start"], q["end"]) for q in full["quotes"]]
    assert {(e["text"], e["label"], e["start"]) for e in cues["entities"]} == \
        {(e["text"], e["label"], e["start"]) for e in full["entities"]}
    for q in cues["quotes"]:
        assert cues["text"][q["start"]:q["end"]] == q["text"]
