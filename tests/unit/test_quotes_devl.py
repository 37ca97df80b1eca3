"""Constructions found on development set L (tests/data/devl, annotated blind, measured once, then opened for rule
work). Sentences are verbatim from the published articles (source in each comment).
"""

from __future__ import annotations

from .quote_cases import said
from .test_quotes_devb import enrich

# Wikinews (fr), 17 December 2016 (dev set L): "l'ancien Premier Manuel Valls" (the title is no part of the name),
# "Il dit pourtant assumer …" (present tense after a subject pronoun), "Selon les estimations …, Valls serait …"
# (figures speak for their makers; the name after the comma is the reported clause's subject)
VALLS = ("Alors que la liste définitive des candidats autorisés à concourir à la primaire présidentielle socialiste "
         "sera connue ce samedi 17 décembre 2016, l'ancien Premier Manuel Valls tente de convaincre les électeurs "
         "potentiels. Il a ainsi commencé sa campagne en appelant au rassemblement de toute la gauche après avoir "
         "théorisé les « deux gauches irréconciliables ». Il dit pourtant assumer pleinement son bilan à la tête de la "
         "France avec François Hollande . Selon les estimations des instituts de sondages, Valls serait en position de "
         "force au premier tour des élections primaires, mais peine à rassembler lors du second tour.")


def test_title_before_a_name_present_tense_dit_and_figures_as_source(fr_pipeline) -> None:
    quotes, entities = enrich(fr_pipeline, "fr", VALLS)
    assert {e.canonical for e in entities if e.label == "PER"} == {"Manuel Valls", "François Hollande"}
    assert said(quotes) == [("assumer pleinement s", "Manuel Valls"),
                            ("Valls serait en posi", "les estimations des instituts de sondages")]


# Wikinews (fr), 8 March 2016 (dev set L): the agent of a passive accusation accuses; "Elle juge que" (tagged a
# noun) reports, with the closing term in marks
NKM = ("Nathalie Kosciusko-Morizet avait été sortie de la direction du parti d'opposition en décembre dernier, accusée "
       "par Nicolas Sarkozy de prendre trop souvent des positions divergentes. Elle juge que les autres candidats à la "
       "primaire sont des « hypocrites » .")


def test_passive_accuser_and_a_closing_term(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", NKM)
    assert said(quotes, 60) == [
        ("prendre trop souvent des positions divergentes", "Nicolas Sarkozy"),
        ("les autres candidats à la primaire sont des « hypocrites »", "Nathalie Kosciusko-Morizet")]


# VOA News, February 2016 (dev set L): a month is no modal ("in May, says"); a name, then an apposition holding a
# quoted title, then the verb; "he argues" after a quote never refers to a name inside that quote
SATTER = ('David Satter, author of a book to be published in May titled "The Less You Know, the Better You Sleep: '
          "Russia's Road to Terror and Dictatorship Under Yeltsin and Putin,\" says he has no doubt the allegations "
          'against the Russian president are true.\n\n"Putin became president because it was necessary to protect '
          'Yeltsin and the Yeltsin family from criminal prosecution," he argues.')


def test_apposed_title_month_and_pronoun_outside_the_quote(en_pipeline) -> None:
    quotes, _ = enrich(en_pipeline, "en", SATTER)
    assert said(quotes) == [("he has no doubt the ", "David Satter"), ("Putin became preside", "David Satter")]


# VOA Khmer (English), 20 June 2007 (dev set L): the writer completes the quote, then "Name, role, said."
ANG_KY = ("Rainfall has been short.\n\n\"The town has no capacity\" to help drought-stricken farmers, Ang Ky, chief of "
          "Stoung town, said.")


def test_a_completed_quote_then_name_and_verb(en_pipeline) -> None:
    quotes, _ = enrich(en_pipeline, "en", ANG_KY)
    assert said(quotes) == [("The town has no capa", "Ang Ky")]
