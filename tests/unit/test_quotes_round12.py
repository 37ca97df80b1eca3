"""Constructions found in round 12 on the earlier development sets (D, E, J), re-read after the set K and L rules.
Sentences are verbatim from the published articles (source in each comment).
"""

from __future__ import annotations

from .quote_cases import said
from .test_quotes_devb import enrich

# Wikinews (fr), October 2016 (dev set E): a quote box without marks — first-person paragraphs, then the credit
MORANDINI = ("Face à la fronde de la rédaction de la chaîne, Jean-Marc Morandini a également fait paraître une tribune "
             "dans le journal Le Monde le 13 octobre au soir.\n\n"
             "J’ai parfaitement conscience que ma profession, du fait de la publicité à laquelle elle m’expose, "
             "m’astreint à un certain nombre de devoirs et d’obligations.\n\n"
             "Je souhaite rappeler que la justice ne m’a pas interdit la poursuite de mon activité professionnelle.\n\n"
             "— Jean-Marc Morandini\n\n"
             "Dans un courrier, adressé le 14 octobre aux journalistes de la chaîne, Jean-Christophe Thiery, le "
             "président du directoire de Canal+ leur propose d'utiliser leur clause de conscience afin de quitter la "
             "chaîne avec indemnité.\n\n— Jean-Christophe Thiery, président du directoire de Canal+")


def test_first_person_paragraphs_before_a_credit_line_are_the_credited_persons(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", MORANDINI)
    direct = [(q.text[:20], q.speaker) for q in quotes if q.kind == "direct"]
    # the second credit follows the article's own prose (third person): it credits nothing
    assert direct == [("J’ai parfaitement co", "Jean-Marc Morandini"),
                      ("Je souhaite rappeler", "Jean-Marc Morandini")]


# Wikinews (fr), June 2016 (dev set D): a recommendation reports like a request ("a préconisé … d'annuler …")
LAMBERT = ("L'avocate générale de la Cour d'appel de Reims a préconisé ce jeudi d'annuler la tutelle de Vincent "
           "Lambert accordée à sa femme, Rachel, et de la remplacer par une « double tutelle » confiée à une personne "
           "physique et une personne morale.")


def test_a_recommendation_with_an_infinitive_reports(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", LAMBERT)
    assert said(quotes) == [("annuler la tutelle d", "L'avocate générale de la Cour d'appel de Reims")]


# Wikinews (fr), 8 December 2016 (dev set J): "pour" + a role after a short connective gives a view; a court's
# finding ("Le tribunal a établi … que") reports
CAHUZAC = ("Il a été reconnu coupable de fraude fiscale et blanchiment de fraude fiscale pour avoir détourné de "
           "l'administration fiscale française un patrimoine estimé à 3,5 millions d'euros. Cela dit, pour le "
           "vice-procureur, cette somme pourrait en réalité être beaucoup plus importante.\n\nJérôme Cahuzac a "
           "lui-même été chargé de la lutte contre cette même fraude quand il était ministre du budget. Le tribunal a "
           "établi à ce sujet que les détournements se sont poursuivis lorsqu'il était membre du gouvernement.")


def test_a_view_after_a_connective_and_a_courts_finding(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", CAHUZAC)
    assert said(quotes) == [("cette somme pourrait", "le vice-procureur"), ("les détournements se", "Le tribunal")]
