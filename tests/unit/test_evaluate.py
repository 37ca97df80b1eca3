"""Gold set integrity and the scoring of streams.evaluate (GGT-style quote coverage, speakers, entities, titles)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import trafilatura
from rich.console import Console

from streams.evaluate import (
    aggregate,
    annotation_as_prediction,
    coverage,
    load_gold,
    load_raw,
    match_quotes,
    render_report,
    run_eval,
    score_article,
    speaker_matches,
    speaker_mention,
    tokens,
)

DATA = Path(__file__).resolve().parents[1] / "data"
GOLD_DIR = DATA / "gold"
RAW_DIR = DATA / "raw"


@pytest.fixture(scope="module")
def raw_dirs(samples_dir: Path) -> list[Path]:
    return [RAW_DIR, samples_dir / "raw", samples_dir / "pages"]


@pytest.fixture(scope="module")
def gold() -> dict[str, dict[str, Any]]:
    return load_gold(GOLD_DIR)


def as_enriched(annotation: dict[str, Any]) -> dict[str, Any]:
    """The gold itself in the shape of EnrichedArticle.to_dict(): a perfect system."""
    return {
        "id": annotation["id"],
        "text": "",
        "language": {"code": annotation["language"], "confidence": 1.0},
        "entities": [{**e, "start": 0, "end": 0} for e in annotation["entities"]],
        "quotes": [
            {"text": q["text"], "speaker": q["speaker"], "kind": q["kind"], "start": 0, "end": 0}
            for q in annotation["quotes"]
        ],
    }


# --- the gold set itself -----------------------------------------------------------------------------------------


def test_gold_set_composition(gold: dict[str, dict[str, Any]]) -> None:
    assert len(gold) >= 12
    per_language = Counter(g["language"] for g in gold.values())
    assert all(per_language[lang] >= 4 for lang in ("fr", "en", "de")), per_language
    assert sum(len(g["quotes"]) for g in gold.values()) >= 100


def test_every_gold_article_has_a_raw_message(gold: dict[str, dict[str, Any]], raw_dirs: list[Path]) -> None:
    raws = load_raw(raw_dirs)
    assert set(gold) <= set(raws)


def _body(raw: dict[str, Any]) -> list[str]:
    text = raw.get("text") or trafilatura.extract(raw["html"]) or ""
    return tokens(text)


def test_gold_quotes_entities_and_titles_occur_in_their_article(
    gold: dict[str, dict[str, Any]], raw_dirs: list[Path]
) -> None:
    """Annotations are of the real text: every quote's words appear in order there, every mention and title too."""
    _check_annotations_occur(gold, load_raw(raw_dirs))


# every further set: held-out, development and blind sets alike (each folder with its gold/ and raw/)
OTHER_SETS = sorted(p.name for p in DATA.iterdir() if (p / "gold").is_dir() and (p / "raw").is_dir())


@pytest.mark.parametrize("folder", OTHER_SETS)
def test_other_sets_annotate_their_real_text(folder: str) -> None:
    base = DATA / folder
    gold = load_gold(base / "gold")
    raws = load_raw([base / "raw"])
    assert gold and set(gold) <= set(raws)
    _check_annotations_occur(gold, raws)


def _check_annotations_occur(gold: dict[str, dict[str, Any]], raws: dict[str, dict[str, Any]]) -> None:
    for article_id, annotation in gold.items():
        body = _body(raws[article_id])
        joined = " " + " ".join(body) + " "
        for q in annotation["quotes"]:
            assert q["kind"] in {"direct", "indirect"} and q["speaker"], (article_id, q)
            words = tokens(q["text"])
            assert any(
                _in_order(words, body[i : i + 2 * len(words) + 12]) for i, w in enumerate(body) if w == words[0]
            ), (article_id, q["text"])
        for e in annotation["entities"]:
            assert e["label"] in {"PER", "ORG", "LOC", "MISC"} and e["canonical"], (article_id, e)
            assert f" {' '.join(tokens(e['text']))} " in joined, (article_id, e["text"])
        for n in annotation["not_quotes"]:
            assert f" {' '.join(tokens(n))} " in joined, (article_id, n)


def test_second_annotations_are_of_blind_articles_and_their_real_text() -> None:
    """The agreement set: a second, independent annotation of blind articles (docs/evaluation.md)."""
    second = load_gold(DATA / "agreement" / "gold")
    raws = load_raw(sorted(DATA.glob("blind*/raw")))
    assert len(second) == 31 and set(second) <= set(raws)
    _check_annotations_occur({k: {"entities": [], "not_quotes": [], **v} for k, v in second.items()}, raws)


def _in_order(words: list[str], window: list[str]) -> bool:
    """Every word of the quote occurs in the window, in order (an annotator may leave an inserted phrase out)."""
    rest = iter(window)
    return all(any(w == x for x in rest) for w in words)


# --- pure scoring pieces -----------------------------------------------------------------------------------------


def test_tokens_fold_accents_case_and_punctuation() -> None:
    assert tokens("« Pékin », TAÏWAN!") == ["pekin", "taiwan"]
    assert tokens(None) == []


def test_coverage_is_ordered_and_relative_to_gold() -> None:
    gold = tokens("a b c d e f g h i j")
    assert coverage(gold, gold) == 1.0
    assert coverage(gold, tokens("x a b c d e y")) == 0.5
    assert coverage(tokens("a b"), tokens("z a b c d e f g h")) == 1.0  # a longer prediction still covers the gold
    assert coverage(tokens("a b c d"), tokens("d c b a")) == 0.0  # order matters, unlike a bag of words
    assert coverage(tokens("a b c d e"), tokens("a b x y c d e")) == 1.0  # an inserted attribution keeps it whole
    assert coverage(tokens("the chairman of the party"), tokens("the head of the country")) == 0.4  # "of the" only
    assert coverage(tokens("odieux"), tokens("un acte odieux")) == 1.0  # a one-word quote counts single words
    assert coverage([], gold) == 0.0


def test_match_quotes_is_strictly_above_threshold_and_one_to_one() -> None:
    gold = [tokens("a b c d e f g h i j")]
    three_of_ten = [tokens("a b c")]
    assert match_quotes(gold, three_of_ten, 0.3) == {}  # GGT: score > threshold
    assert match_quotes(gold, [tokens("a b c d")], 0.3) == {0: 0}
    # the better of two predictions wins, and a prediction is used once only
    two_gold = [tokens("a b c d e"), tokens("a b c d e")]
    preds = [tokens("a b"), tokens("a b c d e")]
    assert match_quotes(two_gold, preds, 0.3) == {0: 1, 1: 0}  # the second gold takes the leftover (0.4 > 0.3)
    assert match_quotes(two_gold, preds, 0.8) == {0: 1}


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("Michael Kofman", "Kofman", True),
        ("Jo Grady", "JO GRADY", True),
        ("Éric Chauvier", "Eric Chauvier", True),
        ("a spokesperson for the Universities and Colleges Employers’ Association", "spokesperson", True),
        ("Jake Sullivan", "Anton Siluanov", False),
        ("Jake Sullivan", None, False),
        ("un responsable américain", "un", False),
        ("Maison Blanche", "White House", True),  # one speaker through the shipped alias table
        ("Poutine", "Vladimir Putin", True),
        ("Maison Blanche", "Kremlin", False),
        ("Moscou", "Russia", True),  # a capital speaking is its state, as the enrichment reports it
        ("Corée du Nord", "Pyongyang", True),
        ("Moscou", "Ukraine", False),
        ("RATP", "régie autonome des transports parisiens", True),  # an acronym and its spelled-out words
        ("le parquet national financier", "PNF", True),
        ("RATP", "régie des transports", False),
    ],
)
def test_speaker_matches(gold: str, predicted: str | None, expected: bool) -> None:
    assert speaker_matches(gold, predicted) is expected


# --- article and report scores ------------------------------------------------------------------------------------

SMALL_GOLD: dict[str, Any] = {
    "id": "small",
    "language": "fr",
    "entities": [
        {"text": "Pékin", "label": "LOC", "canonical": "Beijing"},
        {"text": "Michael Kofman", "label": "PER", "canonical": "Michael Kofman"},
        {"text": "Kofman", "label": "PER", "canonical": "Michael Kofman"},
        {"text": "CNA", "label": "ORG", "canonical": "CNA"},
        {"text": "Kofman", "label": "PER", "canonical": "Michael Kofman"},  # duplicate mention text counts once
    ],
    "not_quotes": ["l’état de l’Union"],
    "quotes": [
        {"kind": "direct", "speaker": "Michael Kofman", "text": "un deux trois quatre cinq six sept huit neuf dix"},
        {"kind": "indirect", "speaker": "Anton Siluanov", "text": "la Chine achète du pétrole russe"},
        {"kind": "direct", "speaker": "Jake Sullivan", "text": "il y aura des conséquences"},
    ],
}
SMALL_PRED: dict[str, Any] = {
    "language": {"code": "en"},
    "entities": [
        {"text": "PEKIN", "label": "LOC", "canonical": "Beijing"},
        {"text": "Kofman", "label": "PER", "canonical": "Kofman"},
    ],
    "quotes": [
        {"kind": "direct", "speaker": "Kofman", "text": "« un deux trois quatre cinq »"},  # 0.5 coverage
        {"kind": "direct", "speaker": "Jake Sullivan", "text": "La Chine achète du pétrole russe."},  # exact
        {"kind": "direct", "speaker": None, "text": "l'état de l'Union"},  # a show title taken as a quote
    ],
}


def test_canonical_names_agree_through_the_alias_table() -> None:
    """Gold annotators sometimes write the article's own form of a place ("Allemagne", "OTAN"); the extractor
    canonicalises to the shipped table's name ("Germany", "NATO"): the same entity, as for speakers."""
    gold = {"id": "c", "language": "fr", "quotes": [], "entities": [
        {"text": "Allemagne", "label": "LOC", "canonical": "Allemagne"},
        {"text": "OTAN", "label": "ORG", "canonical": "OTAN"},
        {"text": "Russie", "label": "LOC", "canonical": "Russie"},
        {"text": "RATP", "label": "ORG", "canonical": "RATP"},
    ]}
    pred = {"language": {"code": "fr"}, "quotes": [], "entities": [
        {"text": "Allemagne", "label": "LOC", "canonical": "Germany"},
        {"text": "OTAN", "label": "ORG", "canonical": "NATO"},
        {"text": "Russie", "label": "LOC", "canonical": "Belarus"},  # a wrong canonical stays wrong
        {"text": "RATP", "label": "ORG", "canonical": "régie autonome des transports parisiens"},  # spelled out
    ]}
    assert score_article(gold, pred).tally.canonical_accuracy == pytest.approx(3 / 4)


def test_score_article_with_known_numbers() -> None:
    score = score_article(SMALL_GOLD, SMALL_PRED)
    q = score.tally.quotes
    assert (q.gold, q.predicted) == (3, 3)
    assert q.precision(0.3) == pytest.approx(2 / 3) and q.recall(0.3) == pytest.approx(2 / 3)
    assert q.f1(0.3) == pytest.approx(2 / 3)
    assert q.precision(0.8) == pytest.approx(1 / 3) and q.recall(0.8) == pytest.approx(1 / 3)
    assert q.exact_f1 == pytest.approx(1 / 3)
    assert q.speaker_accuracy == pytest.approx(1 / 3)  # Kofman by last name; Siluanov quote has the wrong speaker
    assert q.speaker_accuracy_matched == pytest.approx(1 / 2)
    assert score.tally.titles_as_quotes == 1
    assert score.tally.entities_gold == 4 and score.tally.entities_found == 2
    assert score.tally.entity_recall == pytest.approx(0.5)
    assert score.tally.canonical_accuracy == pytest.approx(0.5)  # "Kofman" predicted canonical is not the gold one
    assert score.tally.language_accuracy == 0.0
    assert score.missed_quotes == ["il y aura des conséquences"]
    assert score.spurious_quotes == ["l'état de l'Union"]
    assert sorted(score.missed_entities) == ["CNA", "Michael Kofman"]
    direct, indirect = score.tally.by_kind["direct"], score.tally.by_kind["indirect"]
    assert (direct.gold, direct.gold_matched_03, direct.predicted, direct.pred_matched_03) == (2, 1, 3, 2)
    assert (indirect.gold, indirect.gold_matched_03, indirect.predicted) == (1, 1, 0)
    assert indirect.precision(0.3) is None


def test_empty_prediction_scores_zero_recall_and_no_precision() -> None:
    q = score_article(SMALL_GOLD, None, error="boom").tally.quotes
    assert q.recall(0.3) == 0.0 and q.precision(0.3) is None and q.f1(0.3) is None


def test_aggregate_micro_averages_over_articles() -> None:
    perfect = score_article({**SMALL_GOLD, "id": "p"}, as_enriched({**SMALL_GOLD, "id": "p"}))
    partial = score_article(SMALL_GOLD, SMALL_PRED)
    report = aggregate([perfect, partial])
    q = report.total.quotes
    assert (q.gold, q.predicted, q.gold_matched_03) == (6, 6, 5)
    assert q.f1(0.3) == pytest.approx(5 / 6)
    assert report.total.language_accuracy == 0.5
    assert set(report.by_language) == {"fr"} and report.by_language["fr"].articles == 2


# --- the runner on the real gold set -----------------------------------------------------------------------------


def test_run_eval_with_the_gold_itself_scores_one_everywhere(
    gold: dict[str, dict[str, Any]], raw_dirs: list[Path]
) -> None:
    report = run_eval(GOLD_DIR, raw_dirs, lambda raw: as_enriched(gold[raw["id"]]))
    assert report.missing_raw == [] and len(report.articles) == len(gold)
    t = report.total
    for value in (
        t.quotes.f1(0.3),
        t.quotes.f1(0.8),
        t.quotes.exact_f1,
        t.quotes.speaker_accuracy,
        t.entity_recall,
        t.canonical_accuracy,
        t.language_accuracy,
    ):
        assert value == 1.0
    assert t.titles_as_quotes == 0
    assert all(k.recall(0.3) == 1.0 for k in t.by_kind.values())
    assert set(report.by_language) == {"fr", "en", "de"}


def test_an_annotation_scored_against_itself_agrees_everywhere() -> None:
    only, predict = annotation_as_prediction(DATA / "devb" / "gold")
    report = run_eval([DATA / "devb" / "gold", DATA / "devc" / "gold"], [DATA / "devb" / "raw"], predict, only=only)
    assert len(report.articles) == len(only) == 10  # devc's articles are not in the second annotation: not scored
    assert report.total.quotes.f1(0.3) == report.total.quotes.speaker_accuracy == 1.0


def test_eval_against_a_second_annotation_on_the_command_line() -> None:
    blind12, blind13 = DATA / "blind12", DATA / "blind13"
    out = subprocess.run(
        [sys.executable, "-m", "streams", "eval", "--gold", str(blind12 / "gold"), "--gold", str(blind13 / "gold"),
         "--raw", str(blind12 / "raw"), "--raw", str(blind13 / "raw"),
         "--against", str(DATA / "agreement" / "gold"), "--json"],
        capture_output=True, text=True, timeout=120, check=True)
    report = json.loads(out.stdout)
    covered = set(load_gold(DATA / "agreement" / "gold")) & (set(load_gold(blind12 / "gold")) |
                                                            set(load_gold(blind13 / "gold")))
    assert {a["id"] for a in report["articles"]} == covered and len(covered) >= 4
    assert 0.5 < report["total"]["quotes"]["f1@0.3"] <= 1.0


def test_run_eval_degraded_system_has_the_expected_figures(
    gold: dict[str, dict[str, Any]], raw_dirs: list[Path]
) -> None:
    """Keep only direct quotes, blank every speaker, add every not_quote as a quote, and fail on one article."""

    def degraded(raw: dict[str, Any]) -> dict[str, Any]:
        if raw["id"] == "zeit.de.zugverkehr":
            raise RuntimeError("model crashed")
        annotation = gold[raw["id"]]
        out = as_enriched(annotation)
        out["quotes"] = [{**q, "speaker": None} for q in out["quotes"] if q["kind"] == "direct"]
        out["quotes"] += [{"text": n, "speaker": None, "kind": "direct"} for n in annotation["not_quotes"]]
        return out

    report = run_eval(GOLD_DIR, raw_dirs, degraded)
    scored = [g for i, g in gold.items() if i != "zeit.de.zugverkehr"]
    n_direct = sum(q["kind"] == "direct" for g in scored for q in g["quotes"])
    n_gold = sum(len(g["quotes"]) for g in gold.values())
    n_titles = sum(len(g["not_quotes"]) for g in scored)
    # GGT coverage lets a short span match a longer gold quote: the title »Jaegers Grenze« covers 2/5 (> 0.3) of
    # the indirect quote "Jaegers Grenze weitgehend erfunden zu haben", so exactly one indirect quote is "found".
    matched = n_direct + 1
    q = report.total.quotes
    assert q.gold == n_gold
    assert q.recall(0.3) == pytest.approx(matched / n_gold)
    assert q.precision(0.3) == pytest.approx(matched / (n_direct + n_titles))
    assert q.recall(0.8) == pytest.approx(n_direct / n_gold)
    assert q.speaker_accuracy == 0.0
    assert report.total.titles_as_quotes == n_titles
    assert report.total.by_kind["indirect"].recall(0.8) == 0.0
    zeit = next(a for a in report.articles if a.id == "zeit.de.zugverkehr")
    assert zeit.error == "RuntimeError: model crashed" and zeit.tally.language_correct == 0
    assert report.total.language_accuracy == pytest.approx((len(gold) - 1) / len(gold))


def test_report_renders_and_serialises(gold: dict[str, dict[str, Any]], raw_dirs: list[Path]) -> None:
    report = run_eval(GOLD_DIR, raw_dirs, lambda raw: as_enriched(gold[raw["id"]]))
    console = Console(record=True, width=220)
    render_report(report, console)
    text = console.export_text()
    assert "seed-fr-0001" in text and "By quote kind" in text and "total" in text
    data = json.loads(json.dumps(report.to_dict()))
    assert data["total"]["quotes"]["f1@0.3"] == 1.0
    assert {a["id"] for a in data["articles"]} == set(gold)


def test_load_raw_reads_json_jsonl_and_html_first_folder_wins(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "one.json").write_text(json.dumps({"id": "x1", "text": "first"}), encoding="utf-8")
    (second / "dup.json").write_text(json.dumps({"id": "x1", "text": "second"}), encoding="utf-8")
    (second / "many.jsonl").write_text('{"id": "x2", "text": "b"}\n\n{"id": "x3", "text": "c"}\n', encoding="utf-8")
    (second / "page.html").write_text("<html><body><p>Bonjour</p></body></html>", encoding="utf-8")
    (second / "notes.txt").write_text("ignored", encoding="utf-8")
    raws = load_raw([first, second])
    assert set(raws) == {"x1", "x2", "x3", "page"}
    assert raws["x1"]["text"] == "first"
    assert raws["page"]["html"].startswith("<html>") and raws["page"]["url"] is None


def test_run_eval_reports_gold_without_raw(tmp_path: Path) -> None:
    (tmp_path / "lonely.gold.json").write_text(json.dumps({**SMALL_GOLD, "id": "lonely"}), encoding="utf-8")
    report = run_eval(tmp_path, [tmp_path], lambda raw: {})
    assert report.missing_raw == ["lonely"] and report.articles == []


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [("said Vladimir Putin.", (5, 19), "name"), ("a-t-il ajouté", (1, 6), "pronoun"), ("he said", (0, 2), "pronoun"),
     ("a déclaré le ministre", (10, 21), "description"), ("said a U.S. official", (5, 20), "description"),
     ("said the Kremlin", (5, 16), "description"), ("whatever", None, "none")])
def test_speaker_mention(text: str, span: tuple[int, int] | None, expected: str) -> None:
    quote = {"speaker": "X", "speaker_start": span[0], "speaker_end": span[1]} if span else {"speaker": None}
    assert speaker_mention(text, quote) == expected


def test_found_quotes_are_tallied_by_speaker_mention() -> None:
    text = "« Il pleut » , a-t-il dit. Selon le ministre, il neige."
    gold = {"id": "a", "language": "fr", "quotes": [
        {"kind": "direct", "speaker": "Jean Dupont", "text": "Il pleut"},
        {"kind": "indirect", "speaker": "le ministre", "text": "il neige"}]}
    enriched = {"text": text, "quotes": [
        {"kind": "direct", "speaker": "Paul Martin", "text": "Il pleut", "speaker_start": 17, "speaker_end": 21},
        {"kind": "indirect", "speaker": "le ministre", "text": "il neige", "speaker_start": 33, "speaker_end": 44}]}
    tally = score_article(gold, enriched).tally
    assert {k: (m.found, m.correct) for k, m in tally.by_mention.items()} == {
        "direct/pronoun": (1, 0), "indirect/description": (1, 1)}
    assert (tally + tally).by_mention["indirect/description"].found == 2
