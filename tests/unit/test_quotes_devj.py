"""Constructions found on development set J (tests/data/devj, annotated blind, measured once, then opened for rule
work). Sentences are verbatim from the published articles (source in each comment); constructed ones say so.
"""

from __future__ import annotations

from .quote_cases import said
from .test_quotes_devb import enrich

# Europe Direct Aachen, November 2014 (dev set J): regular Konjunktiv I forms ("spiele", "führe") after a subject
# opening the sentence carry the report on
JUNCKER = ('"Dies wird eine politische Kommission sein", erklärte Präsident Jean-Claude Juncker nach der Sitzung. '
           "Die soziale Dimension spiele eine ebenso wichtige Rolle wie die wirtschaftliche. Er führe nicht einen "
           "Haufen Bürokraten, sondern eine Kollegium von 28 Politikern.")


def test_regular_konjunktiv_forms_continue_the_report(de_pipeline) -> None:
    quotes, _ = enrich(de_pipeline, "de", JUNCKER)
    assert said(quotes) == [("Dies wird eine polit", "Jean-Claude Juncker"),
                            ("Die soziale Dimensio", "Jean-Claude Juncker"),
                            ("Er führe nicht einen", "Jean-Claude Juncker")]


# VOA News, May 2010 (dev set J): an organisation that only qualifies a role noun; the apposed name speaks
AREIKAT = ('Maen Rashid Areikat\n\n"We are not saying that we will not speak directly to the Israelis," said '
           "Palestinian Liberation Organization envoy to Washington, Maen Rashid Areikat.")


def test_the_name_apposed_to_an_organisation_role_speaks(en_pipeline) -> None:
    quotes, _ = enrich(en_pipeline, "en", AREIKAT)
    assert said(quotes) == [("We are not saying th", "Maen Rashid Areikat")]


# Wikinews (fr), 5 October 2017 (dev set J): an office with where its holder is; a participle after the noun of a
# described speaker is no part of it
GMS = ("Le président français Emmanuel Macron s'en est pris aux ouvriers de GM&S. Le chef de l’État en déplacement à "
       "Égletons a dit au président de la région Nouvelle-Aquitaine Alain Rousset « Il y en a certains, au lieu de "
       "foutre le bordel, ils feraient mieux d'aller regarder s'ils ne peuvent pas avoir des postes » . Toutefois, le "
       "patron de l'usine recruteuse contacté a précisé que les ouvriers licenciés ne pouvaient sans doute pas être "
       "embauchés.")


def test_offices_with_adjuncts_and_participles_after_descriptions(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", GMS)
    assert said(quotes) == [("Il y en a certains, ", "Emmanuel Macron"),
                            ("les ouvriers licenci", "le patron de l'usine recruteuse")]
