"""The published baseline (textacy's direct_quotations) run on the same text, and the comparison with newswatch.

Texts are verbatim from published VOA stories (public domain; sources in each comment)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from streams.baselines import TextacyBaseline, compare, make_baseline
from streams.config import Settings
from streams.enrich.pipeline import Enricher

DATA = Path(__file__).resolve().parents[1] / "data"
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "samples"

# VOA, "Pompeo Visits South America With Focus on Venezuela", April 2019 (dev set BI)
POMPEO = ("“Maduro and his henchmen have destroyed this nation,” Pompeo said, speaking of Venezuela. Criticizing "
          "Maduro’s use of Russian and Cuban resources, the secretary added, “He’s handed over all his power to the "
          "Cubans and to the Russians.”")
# VOA, "More Questions Than Answers in Middle East Talks", May 2010 (dev set J): the quote goes on in the next
# paragraph, so this one has an odd number of marks
MIDEAST = ("\"I don't think that the Palestinians will see a full freeze of building in East Jerusalem,\" he said. "
           "\"This will not happen.")


@pytest.fixture(scope="module")
def baseline() -> TextacyBaseline:
    return make_baseline("textacy", Settings().models)


def test_direct_quotations_come_with_speaker_and_offsets_into_the_text(baseline) -> None:
    quotes = baseline.quotes(POMPEO, "en")
    first = next(q for q in quotes if q["text"].startswith("Maduro and his henchmen"))
    assert first["speaker"] == "Pompeo" and first["kind"] == "direct" and first["cue"] == "say"
    assert POMPEO[first["start"]:first["end"]] == first["text"]
    assert POMPEO[first["speaker_start"]:first["speaker_end"]] == "Pompeo"


def test_odd_quote_marks_fall_back_to_paragraphs_and_count_the_refused_ones(baseline) -> None:
    text = POMPEO + "\n" + MIDEAST
    before = baseline.refused_paragraphs
    quotes = baseline.quotes(text, "en")
    assert any(q["text"].startswith("Maduro and his henchmen") for q in quotes)
    assert all(text[q["start"]:q["end"]] == q["text"] for q in quotes)
    assert baseline.refused_paragraphs == before + 1  # the Mideast paragraph


def test_a_language_textacy_does_not_support_gets_no_quotes(baseline) -> None:
    assert "de" not in baseline.languages and {"en", "fr"} <= baseline.languages
    assert baseline.quotes("„Das ist ein guter Tag“, sagte Merkel am Montag in Berlin.", "de") == []


def test_an_unknown_baseline_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown baseline"):
        make_baseline("citron", Settings().models)


def test_same_articles_comparison_on_the_tuning_set(baseline) -> None:
    raw = [DATA / "raw", SHARED / "raw", SHARED / "pages"]
    comparison = compare([DATA / "gold"], [r for r in raw if r.exists()], Enricher(Settings()).enrich_message,
                         baseline)
    rows = {name: (ours.by_kind["direct"], theirs.by_kind["direct"]) for name, ours, theirs in comparison.rows}
    assert set(rows) == {"en+fr", "en", "fr"}  # German articles are left out: textacy has no German
    ours, theirs = rows["en+fr"]
    assert ours.gold == theirs.gold > 40
    assert theirs.predicted > 0 and theirs.f1(0.3) > 0.3  # the baseline runs for real
    assert ours.f1(0.3) > theirs.f1(0.3) and ours.speaker_accuracy > theirs.speaker_accuracy
    as_json = comparison.to_dict()
    assert as_json["baseline"].startswith("textacy ") and as_json["rows"][0]["languages"] == "en+fr"


def test_baseline_on_the_command_line() -> None:
    devj = DATA / "devj"
    out = subprocess.run([sys.executable, "-m", "streams", "eval", "--gold", str(devj / "gold"), "--raw",
                          str(devj / "raw"), "--baseline", "textacy", "--json"],
                         capture_output=True, text=True, timeout=300, check=True)
    report = json.loads(out.stdout)
    first = report["rows"][0]
    assert report["baseline"] == "textacy 0.13.0" and first["baseline"]["gold"] == first["newswatch"]["gold"] > 0
    bad = subprocess.run([sys.executable, "-m", "streams", "eval", "--gold", str(devj / "gold"), "--raw",
                          str(devj / "raw"), "--baseline", "citron"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "unknown baseline 'citron'" in bad.stderr and len(bad.stderr.splitlines()) == 1
    german = DATA / "devbf"  # German EU pages only: nothing to compare
    none = subprocess.run([sys.executable, "-m", "streams", "eval", "--gold", str(german / "gold"), "--raw",
                           str(german / "raw"), "--baseline", "textacy"], capture_output=True, text=True, timeout=300)
    assert none.returncode == 1 and "no gold article is in a language textacy supports" in none.stderr
