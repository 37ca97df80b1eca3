"""Constructions found on development set I (tests/data/devi, annotated blind, measured once, then opened for rule
work). Sentences are verbatim from the published articles (source in each comment); constructed ones say so.
"""

from __future__ import annotations

from .quote_cases import said
from .test_quotes_devb import enrich


# Wikinews (fr), 7 May 2017 (dev set I): the name apposed by commas to the subject's description speaks
def test_a_name_apposed_to_the_subject_description(fr_pipeline) -> None:
    text = ("Le président de la Commission européenne, Jean-Claude Juncker, a déclaré être « heureux que les "
            "Français aient choisi un avenir européen » .")
    quotes, _ = enrich(fr_pipeline, "fr", text)
    assert said(quotes) == [("heureux que les Fran", "Jean-Claude Juncker")]


# European Commission Representation in Austria, APA-OTS, 7 November 2019 (dev set I): an incise in a sentence
# that goes on to introduce a quote with a colon
SELMAYR = ("Die EU und Österreich befinden sich derzeit in einer günstigen Konstellation, sagte Martin Selmayr, "
           "Vertreter der Europäischen Kommission in Österreich, heute bei einem Pressegespräch in Wien: „Wir sind "
           "in einer Übergangsphase in Wien.“")


def test_an_incise_before_a_colon_quote(de_pipeline) -> None:
    quotes, _ = enrich(de_pipeline, "de", SELMAYR)
    assert said(quotes) == [("Die EU und Österreic", "Martin Selmayr"), ("Wir sind in einer Üb", "Martin Selmayr")]


# VOA News, 24 January 2005 (dev set I): after a report, "but they say …" is a second report of the same subject
def test_a_second_report_with_its_own_subject(en_pipeline) -> None:
    text = ("Republicans agree reforming the health care system is important, but they say other issues deserve "
            "priority, including making permanent President Bush's tax cuts.")
    quotes, _ = enrich(en_pipeline, "en", text)
    assert [q.text[:22] for q in quotes] == ["reforming the health c", "other issues deserve p"]
    assert {q.speaker for q in quotes} == {"Republicans"}


# europainfo.at, January 2019 (dev set I; the first sentence constructed to name him in full): any verb right after
# the quote and its comma, then a name, attributes it
def test_a_verb_right_after_a_quote_then_a_name(de_pipeline) -> None:
    text = ('Kommissionspräsident Jean-Claude Juncker sprach in Straßburg. "Vielen Dank und Servus", schloss '
            "Juncker seine Rede.")
    quotes, _ = enrich(de_pipeline, "de", text)
    assert said(quotes) == [("Vielen Dank und Serv", "Jean-Claude Juncker")]
