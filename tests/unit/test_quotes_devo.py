"""Constructions found on development set O (tests/data/devo, annotated blind, measured once, then opened for rule
work). Sentences are verbatim from the published articles (source in each comment).
"""

from __future__ import annotations

from .quote_cases import said
from .test_quotes_devb import enrich

# Wikinews (fr), 15 February 2018 (dev set O): a colon then a conditional clause reports; an infinitive report in the
# clause before "mais il ajoute que"; "s'est révélé" is no report; "La mère de Maëlys" speaks, not Maëlys
LELANDAIS = ("Après avoir nié d'abord les faits pendant plusieurs mois, Nordahl Lelandais, un ancien militaire de 34 "
             "ans, a hier avoué avoir tué la fille Maëlys de Araujo en fin août 2017. En septembre, Lelandais avait "
             "raconté une histoire différente : Maëlys et un autre garçon (qui s'est révélé ne pas exister) seraient "
             "seulement montés dans sa voiture, où la recherche avait en effet trouvé des traces ADN de la fille. "
             "Lelandais admet donc maintenant, d'une part, être responsable de la mort de Maëlys, mais il ajoute que "
             "ce n'était pas intentionnel.\n\nLa mère de Maëlys a écrit sur Facebook ce message destiné à Lelandais : "
             "\"Maëlys va te hanter nuits et jours dans ta prison jusqu'à ce que tu crèves et que tu ailles en "
             "enfer\".")


def test_colon_conditional_earlier_infinitive_and_relatives(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", LELANDAIS)
    assert said(quotes) == [("avoir tué la fille M", "Nordahl Lelandais"),
                            ("Maëlys et un autre g", "Nordahl Lelandais"),
                            ("être responsable de ", "Nordahl Lelandais"),
                            ("ce n'était pas inten", "Nordahl Lelandais"),
                            ("Maëlys va te hanter ", "La mère de Maëlys")]


# European Commission texts (dev set O): a Konjunktiv II right after a quote reports ("müssten" for "müssen");
# ", so von der Leyen," inside the sentence: the words on both sides
HOGAN = ("„Die Grüne Woche ist eine ausgezeichnete Gelegenheit, um dieses gegenseitige Verständnis zu stärken“, so "
         "Hogan weiter.\n\nZuerst müssten die Landwirte die Verantwortung für den Wandel übernehmen.")
PFIZER = ("Ursula von der Leyen besuchte das Werk in Puurs. Der BioNTech/Pfizer-Impfstoff sei, so von der Leyen, der "
          "wichtigste Impfstoff, der in der EU verwendet werde.")


def test_konjunktiv_ii_after_a_quote_and_a_mid_sentence_source(de_pipeline) -> None:
    quotes, _ = enrich(de_pipeline, "de", HOGAN)
    assert said(quotes) == [("Die Grüne Woche ist ", "Hogan"), ("Zuerst müssten die L", "Hogan")]
    quotes, _ = enrich(de_pipeline, "de", PFIZER)
    assert said(quotes, 60) == [("Der BioNTech/Pfizer-Impfstoff sei, so von der Leyen, der wic",
                                 "Ursula von der Leyen")]
