"""parse_scope=cues (the default): the parser runs only on sentences with quote marks or reporting cues and the ones
attribution reads around them; the result must be the same article (text, offsets) with the same quotes, speakers and
entities as parsing everything, on the seed and on every development article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from streams.config import Settings
from streams.enrich.nlp import _segments, needs_parse
from streams.enrich.pipeline import Enricher

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "articles" / "seed-fr-0001.json"


@pytest.mark.parametrize(("paragraph", "lang", "expected"), [
    ("plus de 2500 chercheurs annoncent faire acte de candidature", "fr", True),  # inflected, not in `forms`
    ("Le ministre précisait hier sa position.", "fr", True),
    ("Le ciel est bleu et la mer calme.", "fr", False),
    ("Il a dit « oui ».", "fr", True),  # quote marks alone are enough
    ("Officials predicted heavy rain.", "en", True),
    # Wikinews (en), Fiji coup, December 2006 (dev set O): "deny" inflects to "denied", which no stem matches
    ("Acting Police Commissioner Moses Driver denied that any take over had occurred.", "en", True),
    ("He testifies today.", "en", True),
    ("Le ministre a nié que la police ait tiré.", "fr", True),  # "nier": a stem too short to match
    ("Ils jugent la mesure insuffisante.", "fr", True),
    ("The sky is blue.", "en", False),
])
def test_needs_parse(paragraph: str, lang: str, expected: bool) -> None:
    assert needs_parse(paragraph, lang) is expected


def _parsed(text: str, lang: str) -> list[str]:
    parts = _segments(text, lang)
    assert "".join(piece for piece, _ in parts) == text  # the pieces always rebuild the text exactly
    return [piece.strip() for piece, parse in parts if parse]


def test_segments_cover_the_text_and_split_on_sentences() -> None:
    text = "Le ciel est bleu. Marie a dit « oui ».\n\nLa mer est calme. Le ministre précisait sa position."
    parts = _segments(text, "fr")
    assert [parse for _, parse in parts] == [False, True, False, True]
    assert parts[1][0].startswith("Marie a dit")
    assert _parsed(text, "fr") == ["Marie a dit « oui ».", "Le ministre précisait sa position."]


def test_every_sentence_of_a_quote_running_over_several_is_parsed() -> None:
    # VOA ebola article: the middle sentence of the quote has no mark and no cue of its own
    text = ('Le ciel est bleu.\n\n"People want to bury their dead. These are the major critical things. '
            'And so we are informing them," said Tolbert.\n\nThe sea is calm.')
    assert _parsed(text, "en") == ['"People want to bury their dead. These are the major critical things. '
                                   'And so we are informing them," said Tolbert.']


def test_a_sentence_introducing_a_quote_with_a_colon_is_parsed() -> None:
    # Wikinews (fr), Burundi: the speaker is in the sentence before the colon
    text = ("Le ciel est bleu. Or l'universitaire belge pense que la question est politique au Burundi :\n\n"
            "« Manifestement, la ligne de partage au Burundi n’est pas ethnique. »")
    assert _parsed(text, "fr")[0].startswith("Or l'universitaire belge")


def test_the_sentence_before_a_pronoun_attributed_quote_is_parsed() -> None:
    # DW, Frühburgunder: "He … whispers" — the antecedent is the subject of the sentence before
    text = ("The sky is blue. The waiter returns with a carafe. He places it on the table and whispers, "
            '"So you\'ve discovered our little secret?"')
    assert _parsed(text, "en") == ["The waiter returns with a carafe. He places it on the table and whispers, "
                                   '"So you\'ve discovered our little secret?"']


def test_the_sentence_before_a_quote_of_several_sentences_is_parsed_for_its_pronoun() -> None:
    # VOA, 21 January 2004 (dev set I): the pronoun stands in the quote's second sentence
    text = ("Congressman Hyde gave VOA this brief summary of what lawmakers raised with Mr. Sinha. \"We are discussing "
            'the things that are subject to consensus. And a role for India in Iraq," he said.')
    assert _parsed(text, "en") == [text]
    quotes = Enricher(Settings(parse_scope="cues")).enrich_message({"id": "t", "text": text, "language": "en"})
    assert [q["speaker"] for q in quotes["quotes"]] == ["Hyde"]  # not Sinha, the object of "with"


def test_abbreviations_and_accented_inflections() -> None:
    # "Ms." does not end a sentence; "considère" is an inflection of the reporting verb "considérer"
    assert _parsed("The sky is blue. Soon after Ms. Price was elected, she said she would act.", "en") == \
        ["Soon after Ms. Price was elected, she said she would act."]
    assert needs_parse("Le politologue considère que le risque est limité.", "fr")


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


DEV_RAW = [ROOT / "tests" / "data" / d for d in ("raw", "heldout/raw", "devb/raw", "devc/raw")] + \
    [ROOT.parent / "shared" / "samples" / d for d in ("raw", "pages")]


def test_cues_scope_changes_no_quote_on_the_development_articles() -> None:
    """The default's licence: on every development article (tuning, sets A, B and C; 39 real articles in three
    languages) both scopes find the same quotes at the same places, with the same extent and speaker but for about
    1 %, and nearly the same entities (docs/evaluation.md compares the scores of every set)."""
    from streams.enrich.pipeline import Incoming
    from streams.evaluate import load_raw

    missing = [str(p) for p in DEV_RAW if not p.is_dir()]
    if missing:
        pytest.skip(f"raw article folders not available: {missing}")
    raw = load_raw(DEV_RAW)
    assert len(raw) >= 37
    messages = [Incoming(message) for message in raw.values()]
    out = {scope: Enricher(Settings(parse_scope=scope)).enrich_batch(messages) for scope in ("all", "cues")}
    quotes = speakers = extents = entities = shared = 0
    for full, cues in zip(out["all"], out["cues"], strict=True):
        assert full.enriched is not None and cues.enriched is not None, full.key
        assert [q["start"] for q in cues.enriched["quotes"]] == [q["start"] for q in full.enriched["quotes"]], full.key
        extents += sum(a["end"] == b["end"] for a, b in zip(full.enriched["quotes"], cues.enriched["quotes"],
                                                          strict=True))
        quotes += len(full.enriched["quotes"])
        pairs = zip(full.enriched["quotes"], cues.enriched["quotes"], strict=True)
        speakers += sum(a["speaker"] == b["speaker"] for a, b in pairs)
        a = {(e["text"], e["label"], e["start"]) for e in full.enriched["entities"]}
        b = {(e["text"], e["label"], e["start"]) for e in cues.enriched["entities"]}
        entities, shared = entities + len(a | b), shared + len(a & b)
    assert quotes >= 240
    # measured: 254 quotes, no speaker differs, one extent does (a link text "More" glued to a reported clause,
    # voa-en-boko-haram-threat, parsed as its own sentence only with the next paragraph); allowed: 1 % each
    assert quotes - speakers <= quotes // 100
    assert quotes - extents <= quotes // 100
    assert shared / entities >= 0.95  # NER sees slightly different context at the edges of the parsed runs
