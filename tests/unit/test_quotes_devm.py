"""Constructions found on development set M (tests/data/devm, annotated blind, measured once, then opened for rule
work). Sentences are verbatim from the published articles (source in each comment).
"""

from __future__ import annotations

from .quote_cases import said
from .test_quotes_devb import enrich

# European Commission, 24 March 2023 (dev set M): a bulleted paragraph opening on a fronted adjunct, "sagte von der
# Leyen" after it — the name after the verb speaks, not the one in the adjunct
EUCO = ("Nach dem ersten Gipfeltag des Europäischen Rates hat die Präsidentin der Europäischen Kommission, Ursula von "
        "der Leyen, vier inhaltliche Punkte besonders herausgehoben.\n\n  • Mit Blick auf die Erderwärmung und die "
        "Diskussion der Staats- und Regierungschefs der EU mit UN-Generalsekretär António Guterres sagte von der "
        "Leyen: „Die gute Nachricht in dieser Geschichte ist die, dass die Europäische Union auf Kurs ist.“ Es sei "
        "aber noch viel zu tun.")


def test_a_bullet_before_a_fronted_adjunct(de_pipeline) -> None:
    quotes, _ = enrich(de_pipeline, "de", EUCO)
    assert said(quotes) == [("Die gute Nachricht i", "Ursula von der Leyen"),
                            ("Es sei aber noch vie", "Ursula von der Leyen")]


# Wikinews (fr), 12 June 2016 (dev set M): "D'après les informations des médias américains" (the media inform),
# "Selon le directeur …, interrogé par Sky News, …" (past the apposed participle), "recommandait de …" and
# "appellent les habitants à …" (requests and appeals report)
ORLANDO = ("D'après les informations des médias américains, le suspect se dénommerait Omar Mateen, un Américain "
           "d'origine afghane , vivant à Port Sainte Lucie , en Floride et né en 1986.\n\nSelon le directeur de la "
           "discothèque, interrogé par Sky News, les tirs ont débuté vers 2 heures du matin.\n\nLe gouverneur de "
           "Floride a déclaré l'état d'urgence dans le comté d'Orange . Les autorités locales appellent les habitants "
           "à faire don de leur sang afin d'aider les secours.")


def test_information_of_media_apposed_participle_and_appeals(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", ORLANDO)
    assert said(quotes) == [("le suspect se dénomm", "médias américains"),
                            ("les tirs ont débuté ", "le directeur de la discothèque"),
                            ("faire don de leur sa", "Les autorités locales")]


# Wikinews (fr), 12 June 2016 (dev set M): "Selon le parquet, Jean-Pierre Deteix aurait …" (an institution has no
# apposed name: the name opens the reported clause), "a indiqué au Monde le premier substitut du procureur" (past the
# indirect object), "Selon d'autres sources cependant" (no sentence adverb in the source)
DETEIX = ("Selon le parquet, Jean-Pierre Deteix aurait abordé le jeune homme sur les baies de Nouméa avant de "
          "l'emmener en voiture en direction de Nouville, où il aurait tenté des attouchements. « Le jeune a dit que "
          "cela l'avait mis en colère et qu'il avait frappé M. Deteix à coups de pied » , a indiqué au Monde le "
          "premier substitut du procureur.\n\nSelon d'autres sources cependant, le motif du meurtre serait purement "
          "crapuleux.")


def test_institution_sources_indirect_objects_and_sentence_adverbs(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", DETEIX)
    assert said(quotes) == [("Jean-Pierre Deteix a", "le parquet"),
                            ("Le jeune a dit que c", "le premier substitut du procureur"),
                            ("le motif du meurtre ", "d'autres sources")]
