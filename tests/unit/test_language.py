"""detect_language with the real lid.176 model on the seed, the shared pages and real headlines."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from streams.enrich.clean import clean_text, extract_html
from streams.enrich.language import detect_language, supported_languages, with_hint
from streams.models import Language
from tests.conftest import samples_or_skip

REPO = Path(__file__).resolve().parents[2]


SAMPLES = samples_or_skip()
SEED = json.loads((SAMPLES / "raw" / "seed-fr-0001.json").read_text(encoding="utf-8"))
PAGE_LANGUAGES = {
    "dw.com.uncork.html": "en",
    "franceculture.fr.idees.html": "fr",
    "laviedesidees.fr.evaluation.html": "fr",
    "mercurynews.com.2023.01.16.letters-1119.html": "en",
    "soundofscience.fr.1927.html": "fr",
    "spiegel.de.albtraum.html": "de",
    "theguardian.com.academics.html": "en",
    "zeit.de.zugverkehr.html": "de",
}


@pytest.fixture(scope="module")
def page_texts() -> dict[str, str]:
    return {name: extract_html((SAMPLES / "pages" / name).read_text(encoding="utf-8")).text for name in PAGE_LANGUAGES}


def _paragraphs(page_texts: dict[str, str], name: str) -> list[str]:
    return [p for p in page_texts[name].split("\n\n") if len(p) > 150]


def test_seed_is_french() -> None:
    result = detect_language(SEED["text"], SEED["title"])
    assert isinstance(result, Language)
    assert (result.code, result.reliable, result.title_code) == ("fr", True, "fr")
    assert 0.8 < result.confidence <= 1.0


@pytest.mark.parametrize("name", sorted(PAGE_LANGUAGES))
def test_pages_after_extraction(page_texts: dict[str, str], name: str) -> None:
    result = detect_language(page_texts[name])
    assert result.code == PAGE_LANGUAGES[name]
    assert result.reliable
    assert 0.8 < result.confidence <= 1.0


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("La Russie a demandé à la Chine du matériel militaire, selon un responsable américain", "fr"),
        ("Une candidature collective à la présidence du HCERES", "fr"),
        ("Thousands of UK academics 'treated as second-class citizens'", "en"),
        ("Uncork the mystery of Germany's Frühburgunder", "en"),
        ("Zugverkehr: Im ICE von Frankfurt nach Barcelona", "de"),
        ("Ein Albtraum", "de"),
        # The seed's headline as Spanish, Italian, Russian, Chinese and Arabic desks would run it.
        ("Rusia pidió a China material militar, según un funcionario estadounidense", "es"),
        ("La Russia ha chiesto alla Cina materiale militare, secondo un funzionario americano", "it"),
        ("Россия запросила у Китая военную технику, заявил американский чиновник", "ru"),
        ("美国官员称俄罗斯向中国索要军事装备", "zh"),
        ("مسؤول أمريكي: روسيا طلبت من الصين معدات عسكرية", "ar"),
    ],
)
def test_short_titles(title: str, code: str) -> None:
    assert detect_language("", title).title_code == code


def test_ambiguous_short_title_says_und_instead_of_guessing() -> None:
    """fastText calls "Prendre la parole" Italian at 0.56: below the title threshold, so "und", not "it"."""
    assert detect_language(SEED["text"], "Prendre la parole").title_code == "und"
    assert detect_language(SEED["text"], "ok").title_code == "und"
    assert detect_language(SEED["text"]).title_code is None


@pytest.mark.parametrize("text", ["", "   \n\t ", "ok", "OK !", "12 345 678 — 2023-01-16", "x" * 19])
def test_too_little_text_is_undetermined(text: str) -> None:
    result = detect_language(text)
    assert (result.code, result.reliable, result.confidence) == ("und", False, 0.0)


def test_mixed_french_english_is_flagged(page_texts: dict[str, str]) -> None:
    french = [p for p in SEED["text"].split("\n\n") if len(p) > 150]
    english = _paragraphs(page_texts, "theguardian.com.academics.html")
    for text in (
        "\n\n".join(french[:5] + english[:6]),
        "\n\n".join(english[:6] + french[:5]),
        "\n\n".join(english[:2] + french[:2]),
    ):
        result = detect_language(text)
        assert (result.code, result.reliable) == ("und", False)
        assert 0.0 < result.confidence < 0.7
    # Two short paragraphs: fastText may still settle on one of them; it must never invent a third language.
    short_mix = detect_language(french[0] + "\n\n" + english[0])
    assert not short_mix.reliable or short_mix.code in {"fr", "en"}


def test_foreign_lead_does_not_decide_a_long_text(page_texts: dict[str, str]) -> None:
    """One English paragraph in front of a long German article: the middle and end slices outvote it."""
    english = _paragraphs(page_texts, "theguardian.com.academics.html")[0]
    result = detect_language(english + "\n\n" + page_texts["spiegel.de.albtraum.html"])
    assert result.code == "de"


def test_newlines_and_huge_input_are_handled_in_bounded_time(page_texts: dict[str, str]) -> None:
    german = page_texts["zeit.de.zugverkehr.html"]
    huge = (german + "\n\n") * (20_000_000 // len(german))
    started = time.perf_counter()
    result = detect_language(huge)
    assert time.perf_counter() - started < 2.0
    assert result.code == "de"
    assert detect_language(german.replace(" ", "\n")).code == "de"


def test_supported_languages() -> None:
    codes = supported_languages()
    assert len(codes) >= 20
    assert {"en", "fr", "de", "es", "it", "ru", "zh", "ar", "pt", "nl", "ja"} <= set(codes)
    assert "und" not in codes and "arz" not in codes  # Egyptian Arabic is reported as "ar"
    assert codes == sorted(set(codes))
    assert all(code.isalpha() and code.islower() and 2 <= len(code) <= 3 for code in codes)


def test_letter_count_matches_str_isalpha() -> None:
    from streams.enrich.language import _letters

    for text in ("", "abc 123", "Pékin, ½ ² ³ — 北京", "ß\u0301x"):
        assert _letters(text) == sum(1 for ch in text if ch.isalpha())


MIXED = REPO / "tests" / "data" / "mixed" / "raw"


@pytest.mark.parametrize(("article", "hint"), [("globalvoices-fr-arabie-saoudite-ministre-twitter", "fr"),
                                               ("globalvoices-de-guinea-bissau-petition", "de")])
def test_the_producers_hint_settles_a_text_detection_calls_mixed(article: str, hint: str) -> None:
    """A French post quoting Arabic tweets beside their translation, a German one quoting a Portuguese petition: the
    text alone is undetermined; the hint decides, marked as such and not reliable."""
    raw = json.loads((MIXED / f"{article}.json").read_text(encoding="utf-8"))
    detected = detect_language(clean_text(raw["text"], raw["title"]), raw["title"])
    assert detected.code == "und" and raw["language"] == hint
    hinted = with_hint(detected, raw["language"])
    assert (hinted.code, hinted.reliable, hinted.source) == (hint, False, "hint")
    assert hinted.confidence == detected.confidence and hinted.title_code == detected.title_code


def test_a_determined_detection_wins_over_the_hint_and_odd_hints_are_ignored() -> None:
    french = detect_language(SEED["text"])
    assert with_hint(french, "de") == french  # the text says French: a wrong hint changes nothing
    undetermined = Language(code="und", confidence=0.4, reliable=False)
    assert with_hint(undetermined, "fr-FR").code == "fr"  # a regional tag names its language
    assert with_hint(undetermined, "arz").code == "ar"  # the model's variety codes map as detection maps them
    for odd in (None, "", "French", "zz", "12", "fr FR"):
        assert with_hint(undetermined, odd) == undetermined
