"""French quotation extraction: the seed acceptance test and French conventions on real published pages.

Page texts come from ``/work/shared/samples/pages/`` through ``trafilatura.extract``; the source page of each
sentence is named in the test. Sentences marked "constructed" are minimal unit examples, not quotations of anyone.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest
import spacy

from streams.enrich.quotes import extract_quotes
from streams.models import Quote


def samples_dir() -> Path:
    for base in (Path(__file__).resolve().parents[3] / "shared" / "samples", Path("/work/shared/samples")):
        if base.is_dir():
            return base
    pytest.skip("shared samples not available")


@lru_cache(maxsize=16)
def page_text(name: str) -> str:
    import trafilatura

    html = (samples_dir() / "pages" / f"{name}.html").read_text(encoding="utf-8", errors="replace")
    return trafilatura.extract(html) or ""


def words(s: str) -> set[str]:
    return set(re.findall(r"\w+", s.lower()))


def matches(pred: str, gold: str) -> bool:
    """The README's rule: word sets overlap by at least 60 % of the smaller one."""
    a, b = words(pred), words(gold)
    return bool(a and b) and len(a & b) >= 0.6 * min(len(a), len(b))


def find(quotes: list[Quote], gold: str) -> Quote | None:
    """The best-matching quote (by the README's rule), or None."""
    def score(q: Quote) -> float:
        a, b = words(q.text), words(gold)
        return len(a & b) / max(1, min(len(a), len(b))) if a and b else 0.0

    hits = [q for q in quotes if matches(q.text, gold)]
    return max(hits, key=score) if hits else None


@pytest.fixture(scope="module")
def fr():
    return spacy.load("fr_core_news_md")


@pytest.fixture(scope="module")
def seed():
    base = samples_dir()
    raw = json.loads((base / "raw" / "seed-fr-0001.json").read_text(encoding="utf-8"))
    gold = json.loads((base / "gold" / "seed-fr-0001.gold.json").read_text(encoding="utf-8"))
    drop = set(gold["boilerplate_lines"])
    text = "\n".join(line for line in raw["text"].split("\n") if line.strip() not in drop)
    return raw, gold, re.sub(r"\n{3,}", "\n\n", text).strip()


def check_offsets(doc, quotes: list[Quote]) -> None:
    for q in quotes:
        assert doc.text[q.start:q.end] == q.text
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(doc.text)


def test_seed_all_body_quotes_with_speakers(fr, seed):
    _, gold, text = seed
    doc = fr(text)
    quotes = extract_quotes(doc, "fr")
    check_offsets(doc, quotes)
    body_gold = [g for g in gold["quotes"] if g["text"] in text]
    assert len(body_gold) == 7  # the "selon" headline is dropped with the boilerplate title lines
    for g in body_gold:
        q = find(quotes, g["text"])
        assert q is not None, g["text"]
        assert q.speaker == g["speaker"], (g["text"], q.speaker)
        assert q.kind == g["kind"], g["text"]
    assert len(quotes) == 7  # no false positive
    for nq in gold["not_quotes"]:
        assert all(not matches(q.text, nq) for q in quotes)


def test_seed_with_headline_selon(fr, seed):
    raw, gold, text = seed
    doc = fr(raw["title"] + "\n\n" + text)
    quotes = extract_quotes(doc, "fr")
    check_offsets(doc, quotes)
    for g in gold["quotes"]:
        q = find(quotes, g["text"])
        assert q is not None and q.speaker == g["speaker"] and q.kind == g["kind"], g["text"]
    head = find(quotes, "La Russie a demandé à la Chine du matériel militaire")
    assert head.cue == "selon" and head.text == "La Russie a demandé à la Chine du matériel militaire"


def test_seed_details(fr, seed):
    _, _, text = seed
    doc = fr(text)
    quotes = extract_quotes(doc, "fr")
    sullivan = find(quotes, "nous communiquons directement")
    # mixed “…» marks; the subject mention is "Sullivan", the canonical name the fullest form in the article
    assert sullivan.text.endswith("de n’importe quel pays du monde.")
    assert text[sullivan.speaker_start:sullivan.speaker_end] == "Sullivan" and sullivan.cue == "déclarer"
    # inversion with apposition: "a déclaré le ministre russe des Finances, Anton Siluanov"
    siluanov = find(quotes, "Nous avons une partie de nos réserves")
    assert text[siluanov.speaker_start:siluanov.speaker_end] == "Anton Siluanov"
    # pronoun incise "a-t-il noté" → Kofman, indirect, the whole reported clause
    noted = find(quotes, "la majorité des semi-conducteurs")
    assert noted.kind == "indirect" and noted.cue == "noter" and "proviennent de Taïwan" in noted.text
    assert text[noted.speaker_start:noted.speaker_end] == "il"


def test_seed_people_argument_overrides_canonical_names(fr, seed):
    _, _, text = seed
    doc = fr(text)
    people = [("M. Kofman", m.start(), m.end()) for m in re.finditer(r"(Michael )?Kofman", text)]
    quotes = extract_quotes(doc, "fr", people=people)
    assert find(quotes, "pourparlers exploratoires").speaker == "M. Kofman"
    assert find(quotes, "définitivement engagée derrière").speaker == "M. Kofman"


def test_franceculture_incise_inside_the_marks_and_selon_lui(fr):
    # franceculture.fr.idees: « Il faudrait rendre grâce … – observe-t-il dans un autre livre … »
    text = page_text("franceculture.fr.idees")
    doc = fr(text)
    quotes = extract_quotes(doc, "fr")
    check_offsets(doc, quotes)
    q = find(quotes, "Il faudrait rendre grâce à la science d’avoir dispensé avec autant de générosité")
    assert q.kind == "direct" and q.speaker == "Éric Chauvier" and q.cue == "observer"
    # "illustrerait selon lui l’expression d’un « état de malaise »": pronoun source resolved
    q = find(quotes, "La hausse vertigineuse des abonnés à Facebook ou Twitter depuis lors illustrerait")
    assert q.kind == "indirect" and q.cue == "selon" and q.speaker == "Éric Chauvier"
    # incise "…, disait Esope."
    q = find(quotes, "La langue est la meilleure et la pire des choses")
    assert q.kind == "indirect" and q.speaker == "Esope"


def test_franceculture_scare_quotes_and_nested_marks(fr):
    text = page_text("franceculture.fr.idees")
    quotes = extract_quotes(fr(text), "fr")
    for scare in ("éléments de langage", "clés en main", "crise", "profils", "guillemetgate", "selon l’Élysée",
                  "Les mots sans les choses"):
        assert all(q.text != scare for q in quotes), scare
    # "le philosophe dénonce le recours immodéré aux « commissions spéciales »": the object of a verb of judging is
    # the philosopher's term (gold), and the epithet names the philosopher the review is about
    q = find(quotes, "commissions spéciales")
    assert q is not None and q.speaker == "Paul Valadier"
    # the review paragraph names "l’ouvrage d’Éric Chauvier": its fragments are the author's words (gold), but
    # "celui de « crise »" mentions a word
    for fragment in ("intimidant", "mots pétrifiés", "rhétorique de l’urgence"):
        q = find(quotes, fragment)
        assert q is not None and q.text == fragment and q.speaker == "Éric Chauvier", fragment
    # a nested quote belongs to the subject of its clause inside the outer quote
    assert any(q.text == "calme et déterminé" and q.speaker == "Emmanuel Macron" for q in quotes)
    assert any(q.text == "disposé à améliorer" and q.speaker == "Emmanuel Macron" for q in quotes)
    # the incise "– observe-t-il dans un autre livre … : Les mots sans les choses." is cut out of the quote
    q = find(quotes, "Riche de tant de citoyens éclairés")
    assert q.text.startswith("Riche de tant") and "observe" not in q.text
    # "la source « de la calomnie et du mensonge »" continues the saying attributed in the sentence before
    q = find(quotes, "de la calomnie et du mensonge")
    assert q is not None and q.speaker == "Esope"
    # « … ouvrez les guillemets, « disposé à améliorer » le projet … »: one quote, the outer one
    q = find(quotes, "qu’Emmanuel Macron est, ouvrez les guillemets, disposé à améliorer le projet")
    assert q is not None and "« disposé à améliorer »" in q.text
    # « selon l’Élysée » is a quoted phrase, not a source
    assert all(q.cue != "selon" or "Élysée" not in (q.speaker or "") for q in quotes)


def test_laviedesidees_so_called_and_selon_not_a_source(fr):
    # laviedesidees.fr.evaluation: "des réponses dites « non-cumulatives »", "selon les domaines"
    text = page_text("laviedesidees.fr.evaluation")
    doc = fr(text)
    orgs = [(e.text, e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG"]
    quotes = extract_quotes(doc, "fr", orgs=orgs)
    check_offsets(doc, quotes)
    assert all(q.text not in ("non-cumulatives", "placent", "top", "boards", "publiants") for q in quotes)
    assert all("selon les domaines" not in q.text or q.cue != "selon" for q in quotes)
    assert all(not (q.cue == "selon" and q.speaker == "les domaines") for q in quotes)
    # « la section [37] a estimé ne pas disposer … » introduced by "précisent aussi que"
    q = find(quotes, "la section [37] a estimé ne pas disposer des compétences nécessaires")
    # "les mêmes attendus" are those "de la liste proposée par la section 37", i.e. of "la section 37 du Comité
    # national" (was expected to stay the bare description before round 3)
    assert q.kind == "direct" and q.cue == "préciser" and q.speaker == "section 37 du Comité national"
    q = find(quotes, "aide à la décision et non pas un moyen de classement aveugle")
    assert q.speaker == "la section 37 du Comité national"


def test_soundofscience_unbalanced_guillemets(fr):
    # soundofscience.fr.1927: "des « financements récurrents […] en rupture avec […] des « appels à projets
    # court-termistes », du temps et une suppression de « la séparation … »." (one « never closed)
    text = page_text("soundofscience.fr.1927")
    doc = fr(text)
    quotes = extract_quotes(doc, "fr")
    check_offsets(doc, quotes)
    q = find(quotes, "la séparation entre des managers de la recherche exerçant le pouvoir")
    assert q is not None and q.text.startswith("la séparation")
    # the first closing mark closes the first opener (the second « is the stray), as the gold reads it; before
    # round 3 the whole first quote was dropped
    assert any(q.text == "financements récurrents […] en rupture avec […] des « appels à projets court-termistes"
               for q in quotes)
    assert all(q.text != "appels à projets court-termistes" for q in quotes)


def test_colon_introduction_and_inversion_constructed(fr):
    # constructed unit example (no real speaker): colon introduction after a name, and "a-t-elle déclaré"
    text = ("Marie Curie a reçu le prix. Marie Curie : « Nous continuerons nos recherches sur le radium. »\n"
            "« Les résultats sont encourageants », a-t-elle ajouté.")
    quotes = extract_quotes(fr(text), "fr")
    assert [(q.text, q.speaker) for q in quotes] == [
        ("Nous continuerons nos recherches sur le radium.", "Marie Curie"),
        ("Les résultats sont encourageants", "Marie Curie")]


@pytest.mark.parametrize("text", ["", "   ", "«", "» « » «", "“" * 50, "l’état d’urgence", "a\n\n\n“b\n“c\n“"])
def test_never_raises(fr, text):
    doc = fr(text)
    quotes = extract_quotes(doc, "fr")
    check_offsets(doc, quotes)


def test_unknown_language_and_parse_free_doc():
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    doc = nlp("« Nous ne permettrons pas que cela aille de l’avant », a déclaré Jake Sullivan.")
    quotes = extract_quotes(doc, "fr")
    assert [(q.text, q.speaker, q.cue) for q in quotes] == [
        ("Nous ne permettrons pas que cela aille de l’avant", "Jake Sullivan", "déclaré")]
    assert extract_quotes(doc, "xx") is not None


def test_quotes_listed_before_one_selon_and_pour_x_que(fr):
    text = ("Laura Frémy analyse la voix de Fip : « une voix en mini-jupe », « intime et rieuse. Un mélange de charme "
            "» selon Kriss Graffiti. L’émergence des podcasts confirme aujourd’hui pour Mathilde Wattecamps que le "
            "média audio permet un traitement différent des sujets : « le long terme ne peut être géré que par le "
            "langage ».")
    doc = fr(text)
    people = [(n, text.index(n), text.index(n) + len(n)) for n in ("Laura Frémy", "Kriss Graffiti",
                                                                    "Mathilde Wattecamps")]
    quotes = extract_quotes(doc, "fr", people)
    assert find(quotes, "une voix en mini-jupe").speaker == "Kriss Graffiti"
    q = find(quotes, "le média audio permet un traitement différent des sujets")
    assert q.kind == "indirect" and q.speaker == "Mathilde Wattecamps"
    assert find(quotes, "le long terme ne peut être géré que par le langage").speaker == "Mathilde Wattecamps"
