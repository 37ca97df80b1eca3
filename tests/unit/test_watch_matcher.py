"""The watchlist matcher on real articles: the French seed (entities from fr_core_news_md), English and German pages.

Entities come from the real French model with the real canonicaliser; quotes are a minimal stand-in located from the
gold annotation (the quote stage is tested elsewhere). Every alert built from a match is validated against the schema.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from streams.enrich.canonical import canonicalize_mentions, default_aliases, fold
from streams.schemas import errors as schema_errors
from streams.watch.alerting import build_alert
from streams.watch.matcher import Match, Matcher, _Folder
from streams.watch.rules import Rule, RuleError, load_rules, parse_rule
from tests.conftest import MINIMAL_RULES as MINIMAL
from tests.conftest import SAMPLES

REPO = Path(__file__).resolve().parents[2]
SPACY_LABELS = {"PER": "PER", "PERSON": "PER", "LOC": "LOC", "GPE": "LOC", "ORG": "ORG"}



# ------------------------------------------------------------------------------------------------- fixtures


@functools.cache
def _french_nlp() -> Any:
    import spacy

    return spacy.load("fr_core_news_md", disable=["lemmatizer"])


def _locate_quotes(text: str, quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stand-in for the quote stage: gold quotes found verbatim in ``text``, speaker = gold speaker."""
    located = []
    for quote in quotes:
        start = text.find(quote["text"])
        if start < 0:
            continue
        surname = (quote["speaker"] or "").split()[-1]
        speaker_start = text.rfind(surname, 0, start) if surname else -1
        if speaker_start < 0:
            speaker_start = text.find(surname, start) if surname else -1
        located.append(
            {
                "text": quote["text"],
                "speaker": quote["speaker"],
                "kind": quote["kind"],
                "start": start,
                "end": start + len(quote["text"]),
                "speaker_start": speaker_start if speaker_start >= 0 else None,
                "speaker_end": speaker_start + len(surname) if speaker_start >= 0 else None,
                "cue": None,
            }
        )
    return located


def _enriched(
    article_id: str, text: str, title: str | None, language: str, entities: list[Any], quotes: list[Any], **extra: Any
) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "id": article_id,
        "url": extra.get("url"),
        "source": extra.get("source"),
        "title": title,
        "published_at": extra.get("published_at"),
        "text": text,
        "language": {"code": language, "confidence": 0.99, "reliable": True, "title_code": language},
        "entities": entities,
        "quotes": quotes,
        "pipeline": {"version": "test-stand-in"},
        "enriched_at": None,
    }


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    raw = json.loads((SAMPLES / "raw" / "seed-fr-0001.json").read_text(encoding="utf-8"))
    gold = json.loads((SAMPLES / "gold" / "seed-fr-0001.gold.json").read_text(encoding="utf-8"))
    boilerplate = {line.strip() for line in gold["boilerplate_lines"]}
    paragraphs = [p for p in raw["text"].split("\n") if p.strip() and p.strip() not in boilerplate]
    text = "\n\n".join(paragraphs)
    doc = _french_nlp()(text)
    spans = [(e.text, SPACY_LABELS.get(e.label_, "MISC"), e.start_char, e.end_char) for e in doc.ents]
    canonicals = canonicalize_mentions([(t, label) for t, label, _, _ in spans], default_aliases())
    entities = [
        {"text": t, "label": label, "start": s, "end": e, "canonical": c}
        for (t, label, s, e), c in zip(spans, canonicals, strict=True)
    ]
    quotes = _locate_quotes(text, gold["quotes"])
    return _enriched(
        raw["id"], text, raw["title"], "fr", entities, quotes, source=raw["source"], url="https://example.org/seed"
    )


@functools.cache
def _page_text(name: str) -> str:
    import trafilatura

    path = SAMPLES / "pages" / name
    if not path.is_file():
        pytest.skip(f"shared sample page missing: {path}")
    return trafilatura.extract(path.read_text(encoding="utf-8", errors="replace")) or ""


def _page_article(name: str, language: str, quotes: list[dict[str, Any]] = ()) -> dict[str, Any]:
    text = _page_text(name)
    return _enriched(name, text, None, language, [], _locate_quotes(text, list(quotes)), source=name.split(".")[0])


def _by_id(matches: list[Match]) -> dict[str, Match]:
    return {m.rule_id: m for m in matches}


def _rules(*rules: dict[str, Any]) -> list[Rule]:
    return [parse_rule(r) for r in rules]


def _check_offsets(article: dict[str, Any], matches: list[Match]) -> None:
    for match in matches:
        for mention in match.mentions:
            source = article["text"] if mention.field == "text" else article["title"]
            assert source[mention.start : mention.end] == mention.text, (match.rule_id, mention)
        alert = build_alert(match, article, "2024-03-14T10:00:00Z")
        assert schema_errors("alert", alert) == [], (match.rule_id, schema_errors("alert", alert))


def _match(article: dict[str, Any], rules: list[Rule]) -> dict[str, Match]:
    matches = Matcher(rules).match(article)
    _check_offsets(article, matches)
    return _by_id(matches)


# ------------------------------------------------------------------------------------------------- the seed


def test_minimal_watchlist_fires_on_seed(seed: dict[str, Any]) -> None:
    found = _match(seed, load_rules(MINIMAL))
    assert set(found) == {"yang-jiechi", "putin", "sanctions", "sullivan-on-sanctions"}
    assert [m.text for m in found["yang-jiechi"].mentions] == ["Yang Jiechi"]
    assert "Poutine" in {m.text for m in found["putin"].mentions}
    assert len(found["sanctions"].mentions) >= 3
    assert {m.text for m in found["sanctions"].mentions} == {"sanctions"}
    quoted = found["sullivan-on-sanctions"]
    assert len(quoted.quotes) == 1 and quoted.quotes[0]["speaker"] == "Jake Sullivan"
    assert "sanctions" in quoted.quotes[0]["text"]
    about = [m for m in quoted.mentions if m.text == "sanctions"]
    assert about and all(quoted.quotes[0]["start"] <= m.start < quoted.quotes[0]["end"] for m in about)


def test_accent_insensitive_whole_words(seed: dict[str, Any]) -> None:
    found = _match(
        seed,
        _rules(
            {"id": "taiwan", "kind": "actor", "name": "Taiwan"},
            {"id": "pekin", "kind": "keyword", "terms": ["Pekin"]},
            {"id": "kin", "kind": "keyword", "terms": ["kin"]},
            {"id": "etats-unis", "kind": "keyword", "terms": ["ETATS-UNIS"]},
            {"id": "apostrophe", "kind": "phrase", "terms": ["l'etat de l'union"]},
        ),
    )
    assert [m.text for m in found["taiwan"].mentions] == ["Taïwan"]
    assert [m.text for m in found["pekin"].mentions] == ["Pékin", "Pékin"], "Pékin and Moscou-Pékin"
    assert "kin" not in found, "'kin' inside 'Pékin' is not a whole word"
    assert [m.text for m in found["etats-unis"].mentions] == ["États-Unis"]
    assert [m.text for m in found["apostrophe"].mentions] == ["l’état de l’Union"], "curly apostrophes fold to '"


def test_actor_uses_entity_canonicals_and_alias_table(seed: dict[str, Any]) -> None:
    found = _match(
        seed,
        _rules(
            {"id": "sullivan", "kind": "actor", "name": "Jake Sullivan"},
            {"id": "beijing", "kind": "actor", "name": "Beijing"},
            {"id": "kofman", "kind": "actor", "name": "Michael Kofman", "min_mentions": 2},
        ),
    )
    assert [m.text for m in found["sullivan"].mentions] == ["Jake Sullivan", "Sullivan"]
    assert {m.text for m in found["beijing"].mentions} >= {"Pékin"}
    assert [m.text for m in found["kofman"].mentions] == ["Michael Kofman", "Kofman"]


def test_surname_counts_only_after_the_full_name() -> None:
    rule = _rules({"id": "kofman", "kind": "actor", "name": "Michael Kofman", "label": "PER"})
    text = "Michael Kofman, analyste, parle. Plus tard, Kofman a ajouté que kofman n'est pas un nom commun."
    found = _match(_enriched("a1", text, None, "fr", [], []), rule)
    assert [m.text for m in found["kofman"].mentions] == ["Michael Kofman", "Kofman"], "lowercase kofman is no name"
    alone = _enriched("a2", "Selon Kofman, la guerre continue.", None, "fr", [], [])
    assert Matcher(rule).match(alone) == []
    no_label = _rules({"id": "kofman", "kind": "actor", "name": "Michael Kofman"})
    assert [m.text for m in _match(_enriched("a1", text, None, "fr", [], []), no_label)["kofman"].mentions] == [
        "Michael Kofman"
    ], "without a PER label (rule or alias table) a bare surname is not trusted"


def test_acronym_aliases_need_capitals() -> None:
    rules = _rules(
        {"id": "un", "kind": "actor", "name": "United Nations"},
        {"id": "us", "kind": "keyword", "terms": ["US"]},
    )
    text = "Un diplomate a parlé à un membre de l'ONU. Let us see what the US and the UN decide."
    found = _match(_enriched("a", text, None, "en", [], []), rules)
    assert [m.text for m in found["un"].mentions] == ["ONU", "UN"]
    assert [m.text for m in found["us"].mentions] == ["US"]


def test_keyword_inflections(seed: dict[str, Any]) -> None:
    rules = _rules(
        {"id": "tolerant", "kind": "keyword", "terms": ["sanction"], "inflections": True},
        {"id": "exact", "kind": "keyword", "terms": ["sanction"]},
        {"id": "plural-term", "kind": "keyword", "terms": ["sanctions"], "inflections": True},
        {"id": "phrase", "kind": "phrase", "terms": ["sanction économique"], "inflections": True},
        {"id": "exact-phrase", "kind": "phrase", "terms": ["sanctions économiques"]},
    )
    found = _match(seed, rules)
    assert "exact" not in found, "without inflections 'sanction' does not match 'sanctions'"
    assert len(found["plural-term"].mentions) == len(found["tolerant"].mentions) >= 3
    assert [m.text for m in found["phrase"].mentions] == ["sanctions économiques"] * 2
    assert [m.start for m in found["exact-phrase"].mentions] == [m.start for m in found["phrase"].mentions]

    text = (
        "Le pays a été sanctionné. Il faut sanctionner les fraudeurs ; les entreprises sanctionnées protestent. "
        "Le sanctuaire est fermé. Die Sanktion und die Sanktionen."
    )
    shared = _match(
        seed,
        _rules(
            {"id": "trade-war", "kind": "phrase", "terms": ["guerre commerciale"], "inflections": True},
            {"id": "this-war", "kind": "phrase", "terms": ["guerre russo-ukrainienne"], "inflections": True},
            {"id": "any-war", "kind": "keyword", "terms": ["guerre"], "inflections": True},
        ),
    )
    assert "trade-war" not in shared, "phrases sharing a first word are told apart by the next word"
    assert [m.text for m in shared["this-war"].mentions] == ["guerre russo-ukrainienne"]
    assert len(shared["any-war"].mentions) == 2

    found = _match(_enriched("f", text, None, "fr", [], []), rules[:1])
    assert [m.text for m in found["tolerant"].mentions] == ["sanctionné", "sanctionner", "sanctionnées"]
    german = _rules({"id": "de", "kind": "keyword", "terms": ["Sanktion"], "inflections": True})
    assert [m.text for m in _match(_enriched("g", text, None, "de", [], []), german)["de"].mentions] == [
        "Sanktion",
        "Sanktionen",
    ]


def test_near(seed: dict[str, Any]) -> None:
    found = _match(
        seed,
        _rules(
            {"id": "close", "kind": "near", "terms": ["Sullivan", "Yang Jiechi"], "within": 3},
            {"id": "too-far", "kind": "near", "terms": ["Sullivan", "Rome"], "within": 3},
            {"id": "far-enough", "kind": "near", "terms": ["Sullivan", "Rome"], "within": 15},
            {
                "id": "inflected",
                "kind": "near",
                "terms": ["restriction", "exportation"],
                "within": 4,
                "inflections": True,
            },
        ),
    )
    assert [m.text for m in found["close"].mentions] == ["Sullivan", "Yang Jiechi"]
    assert "too-far" not in found
    assert [m.text for m in found["far-enough"].mentions] == ["Sullivan", "Rome", "Sullivan"], "10 words after Rome"
    assert [m.text for m in found["inflected"].mentions] == ["restrictions", "exportation"]


def test_boolean_nested_and_none_only(seed: dict[str, Any]) -> None:
    rules = _rules(
        {
            "id": "kremlin-china",
            "kind": "boolean",
            "all": [
                {"kind": "actor", "name": "Kremlin"},
                {
                    "kind": "boolean",
                    "any": [{"kind": "keyword", "terms": ["yuan"]}, {"kind": "keyword", "terms": ["dollar"]}],
                },
            ],
            "none": [{"kind": "keyword", "terms": ["Trump"]}],
        },
        {
            "id": "vetoed",
            "kind": "boolean",
            "all": [{"kind": "actor", "name": "Kremlin"}],
            "none": [{"kind": "keyword", "terms": ["yuan"]}],
        },
        {
            "id": "needs-both",
            "kind": "boolean",
            "all": [{"kind": "keyword", "terms": ["yuan"]}, {"kind": "keyword", "terms": ["bitcoin"]}],
        },
        {"id": "no-trump", "kind": "boolean", "none": [{"kind": "keyword", "terms": ["Trump"]}]},
        {"id": "no-kremlin", "kind": "boolean", "none": [{"kind": "actor", "name": "Kremlin"}]},
    )
    matcher = Matcher(rules)
    assert matcher.stats["always_evaluated"] == 2, "none-only rules are evaluated for every article"
    found = _by_id(matcher.match(seed))
    _check_offsets(seed, list(found.values()))
    assert set(found) == {"kremlin-china", "no-trump"}
    assert {m.text for m in found["kremlin-china"].mentions} == {"Kremlin", "yuan"}
    assert found["no-trump"].mentions == ()


def test_filters(seed: dict[str, Any]) -> None:
    found = _match(
        seed,
        _rules(
            {"id": "fr-only", "kind": "keyword", "terms": ["Kremlin"], "languages": ["fr", "de"]},
            {"id": "en-only", "kind": "keyword", "terms": ["Kremlin"], "languages": ["en"]},
            {"id": "source-ok", "kind": "keyword", "terms": ["Kremlin"], "sources": ["Unknown-French-News-Site"]},
            {"id": "source-other", "kind": "keyword", "terms": ["Kremlin"], "sources": ["reuters.com"]},
            {"id": "title-china", "kind": "actor", "name": "China", "title_only": True},
            {"id": "title-kremlin", "kind": "keyword", "terms": ["Kremlin"], "title_only": True},
            {"id": "russia-5", "kind": "actor", "name": "Russia", "min_mentions": 5},
            {"id": "sanctions-4", "kind": "keyword", "terms": ["sanction"], "inflections": True, "min_mentions": 4},
            {
                "id": "bool-title",
                "kind": "boolean",
                "title_only": True,
                "any": [{"kind": "keyword", "terms": ["Russie"]}],
            },
        ),
    )
    assert set(found) == {"fr-only", "source-ok", "title-china", "russia-5", "bool-title"}
    assert [(m.text, m.field) for m in found["title-china"].mentions] == [("Chine", "title")]
    assert all(m.field == "title" for m in found["bool-title"].mentions)
    assert len(found["russia-5"].mentions) >= 5


def test_quoted_rules(seed: dict[str, Any]) -> None:
    found = _match(
        seed,
        _rules(
            {"id": "kofman-any", "kind": "quoted", "actor": "Michael Kofman"},
            {"id": "kofman-3", "kind": "quoted", "actor": "Michael Kofman", "min_mentions": 3},
            {"id": "kofman-10", "kind": "quoted", "actor": "Michael Kofman", "min_mentions": 10},
            {"id": "siluanov-china", "kind": "quoted", "actor": "Silouanov", "about": ["Chine"]},
            {"id": "sullivan-china", "kind": "quoted", "actor": "Jake Sullivan", "about": ["Chine"]},
            {
                "id": "sullivan-exact",
                "kind": "quoted",
                "actor": "Jake Sullivan",
                "about": ["sanction"],
                "inflections": False,
            },
            {"id": "official", "kind": "quoted", "actor": "un responsable américain"},
        ),
    )
    assert len(found["kofman-any"].quotes) == 4 and "kofman-3" in found and "kofman-10" not in found
    assert [q["speaker"] for q in found["siluanov-china"].quotes] == ["Anton Siluanov"], "alias table: Silouanov"
    assert "sullivan-china" not in found, "Sullivan's quote says Pékin, not Chine"
    assert "sullivan-exact" not in found
    assert "official" not in found, "the headline quote is boilerplate in the cleaned text"


def test_matcher_is_immutable_and_rebuilds(seed: dict[str, Any]) -> None:
    rules = load_rules(MINIMAL)
    matcher = Matcher(rules)
    extra = parse_rule({"id": "kremlin", "kind": "actor", "name": "Kremlin"})
    bigger = matcher.with_rule(extra)
    assert "kremlin" in _by_id(bigger.match(seed)) and "kremlin" not in _by_id(matcher.match(seed))
    assert set(_by_id(bigger.without("kremlin").match(seed))) == set(_by_id(matcher.match(seed)))
    assert bigger.without("kremlin").fingerprint == matcher.fingerprint != bigger.fingerprint
    disabled = parse_rule({"id": "kremlin", "kind": "actor", "name": "Kremlin", "enabled": False})
    assert "kremlin" not in _by_id(matcher.with_rule(disabled).match(seed))
    with pytest.raises(RuleError, match="duplicate"):
        Matcher([extra, extra])
    assert Matcher([]).match(seed) == []


class _MinimalAliases:
    """An alias table with only the documented interface (``variants``, ``canonical``)."""

    table: ClassVar[dict[str, set[str]]] = {"Vladimir Putin": {"Vladimir Putin", "Poutine", "Putin"}}

    def variants(self, name: str) -> set[str]:
        canonical = self.canonical(name)
        return set(self.table[canonical]) if canonical else set()

    def canonical(self, name: str) -> str | None:
        return next((c for c, forms in self.table.items() if fold(name) in {fold(f) for f in forms}), None)


def test_alias_table_with_only_the_documented_interface(seed: dict[str, Any]) -> None:
    rules = _rules(
        {"id": "putin", "kind": "actor", "name": "Putin"},
        {"id": "taiwan", "kind": "actor", "name": "Taiwan"},
    )
    found = _by_id(Matcher(rules, aliases=_MinimalAliases()).match(seed))
    assert "Poutine" in {m.text for m in found["putin"].mentions}
    assert [m.text for m in found["taiwan"].mentions] == ["Taïwan"], "folding does not need the alias table"


def test_many_unrelated_rules_do_not_change_results(seed: dict[str, Any]) -> None:
    rules = load_rules(MINIMAL)
    noise = [
        Rule(id=f"noise-{i}", kind="keyword" if i % 2 else "actor", name=f"Person{i} Name{i}", terms=(f"zzterm{i}",))
        if i % 2
        else Rule(id=f"noise-{i}", kind="actor", name=f"Person{i} Name{i}")
        for i in range(3000)
    ]
    small = Matcher(rules).match(seed)
    large = Matcher([*noise, *rules]).match(seed)
    assert [(m.rule_id, m.mentions) for m in large] == [(m.rule_id, m.mentions) for m in small]


# ------------------------------------------------------------------------------------------------- English, German


def test_english_pages() -> None:
    guardian = _page_article(
        "theguardian.com.academics.html",
        "en",
        [
            {
                "text": "Reliance on precarious, low-paid staff has become a business model and therefore universities "
                "across the UK are in the midst of industrial action over this issue,",
                "speaker": "Chi Onwurah",
                "kind": "direct",
            }
        ],
    )
    found = _match(
        guardian,
        _rules(
            {"id": "contracts", "kind": "keyword", "terms": ["contract"], "inflections": True, "min_mentions": 5},
            {"id": "grady", "kind": "actor", "name": "Jo Grady", "label": "PER"},
            {"id": "onwurah", "kind": "quoted", "actor": "Chi Onwurah", "about": ["precarious"]},
            {"id": "uk", "kind": "actor", "name": "United Kingdom"},
            {"id": "casual", "kind": "keyword", "terms": ["casualise"], "inflections": True},
        ),
    )
    assert {m.text.lower() for m in found["contracts"].mentions} == {"contract", "contracts", "contracted"}
    assert [m.text for m in found["grady"].mentions] == ["Jo Grady", "Grady"]
    assert len(found["onwurah"].quotes) == 1
    assert "UK" in {m.text for m in found["uk"].mentions}
    assert {m.text for m in found["casual"].mentions} >= {"casualised"}

    mercury = _page_article("mercurynews.com.2023.01.16.letters-1119.html", "en")
    found = _match(
        mercury,
        _rules(
            {"id": "price", "kind": "actor", "name": "Pamela Price", "label": "PER"},
            {"id": "parole", "kind": "keyword", "terms": ["parole"], "inflections": True},
            {"id": "recount", "kind": "near", "terms": ["recount", "cost"], "within": 3},
        ),
    )
    assert [m.text for m in found["price"].mentions] == ["Pamela Price", "Price"], "not 'a price on'"
    assert [m.text for m in found["parole"].mentions] == ["paroled", "parole"]
    assert {m.text for m in found["recount"].mentions} >= {"Recount", "cost"}


def test_german_page() -> None:
    lindner_quote = (
        "Was\nwürde dem Klima mehr helfen und was würde Europa mehr zusammenbringen, als eine\n"
        "neue Hochgeschwindigkeitstrasse von Warschau über Berlin und Paris bis nach\nMadrid?"
    )
    zeit = _page_article(
        "zeit.de.zugverkehr.html",
        "de",
        [{"text": lindner_quote, "speaker": "Christian Lindner", "kind": "direct"}],
    )
    assert zeit["quotes"], "the stand-in quote must be found in the extracted text"
    found = _match(
        zeit,
        _rules(
            {"id": "zug", "kind": "keyword", "terms": ["Zug"], "inflections": True},
            {"id": "verbindung", "kind": "keyword", "terms": ["Verbindung"], "inflections": True},
            {"id": "thunberg", "kind": "actor", "name": "Greta Thunberg"},
            {"id": "lindner-europe", "kind": "quoted", "actor": "Christian Lindner", "about": ["Europa"]},
            {"id": "eu", "kind": "actor", "name": "European Union", "min_mentions": 3},
            {"id": "route", "kind": "near", "terms": ["Madrid", "Stockholm"], "within": 3},
            {"id": "de-filter", "kind": "keyword", "terms": ["Madrid"], "languages": ["fr"]},
        ),
    )
    assert {m.text for m in found["zug"].mentions} >= {"Zügen", "Züge"}
    assert "Zugverbindung" not in {m.text for m in found["zug"].mentions}, "compounds are other words"
    assert {m.text for m in found["verbindung"].mentions} == {"Verbindungen"}
    assert [m.text for m in found["thunberg"].mentions] == ["Greta Thunberg"]
    assert len(found["lindner-europe"].quotes) == 1
    assert {m.text for m in found["eu"].mentions} >= {"Europäische Union", "EU"}
    assert [m.text for m in found["route"].mentions] == ["Madrid", "Stockholm"]
    assert "de-filter" not in found


# ------------------------------------------------------------------------------------------------- folding


_TEXT_CHARS = st.sampled_from([*"aeiouxyzAEZ éèÉÎïçÇœßﬁ’'-–\n\t  .,«»", "e\u0301", "\u00ad", "İ"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_TEXT_CHARS, max_size=40).map("".join))
def test_folder_agrees_with_canonical_fold(text: str) -> None:
    assert _Folder(fold).fold(text) == fold(text)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(_TEXT_CHARS, max_size=15).map("".join),
    st.sampled_from(["Pékin", "PEKIN", "Pe\u0301kin", "pékin"]),
    st.lists(_TEXT_CHARS, max_size=15).map("".join),
)
def test_mentions_map_back_to_original_offsets(before: str, word: str, after: str) -> None:
    text = f"{before} {word} {after}"
    article = _enriched("h", text, None, "fr", [], [])
    matches = Matcher(_rules({"id": "p", "kind": "keyword", "terms": ["Pekin"]})).match(article)
    planted = len(before) + 1
    assert matches, text
    spans = [(m.start, m.end) for m in matches[0].mentions]
    assert (planted, planted + len(word)) in spans
    for start, end in spans:
        assert fold(text[start:end]) == "pekin"
