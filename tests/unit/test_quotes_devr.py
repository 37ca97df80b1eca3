"""Constructions found on development set R (tests/data/devr, annotated blind, measured once, then opened for rule
work). Sentences are verbatim from the published articles (source in each comment).
"""

from __future__ import annotations

from .quote_cases import said
from .test_quotes_devb import enrich

# Wikinews (fr), 19 February 2018 (dev set R): a first-person quote after a report sourced to a study is the words of
# the person the sentence before names, not of the study
ANDROMEDE = ("Selon une étude publiée par la Monthly Notices of the Royal Astronomical Society , François Hammer, "
             "astrophysicien de l'Observatoire de Paris, et son équipe franco-chinoise sont parvenus à cette "
             "conclusion en traitant environ un téraoctet (1 000 000 000 000 octets) de données, soit l'équivalent de "
             "quelques millions de photographies de qualité correcte. « Il y a 5 ou 6 ans, une telle découverte "
             "aurait été impossible. En 2010, nous avions tenté de publier une étude sur le sujet, mais avec 100 fois "
             "moins d'éléments ! »")


def test_a_first_person_quote_after_a_study_is_its_authors(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", ANDROMEDE)
    assert said(quotes)[-1] == ("Il y a 5 ou 6 ans, u", "François Hammer")
