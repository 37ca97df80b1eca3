"""Constructions found on development set H (tests/data/devh, annotated blind, measured once, then opened for rule
work). Sentences are verbatim from the published articles (source in each comment); constructed ones say so.
"""

from __future__ import annotations

from .quote_cases import said
from .test_quotes_devb import enrich

# VOA News, 10 July 2006 (dev set H): "he" after a report is its speaker, not a person named inside the report; a
# capitalised "He said …" with a clause of its own after a quote starts a new report
MOGADISHU = ("Mohamed Dore is a news editor of the Mogadishu based VOA affiliate RadioAfrik.\n\nDore says Hassan Awale "
             "Abdi Qeybdid remained in Mogadishu for talks with the Islamic courts after the defeat of the other "
             "warlords who fled the city. He said that talks arranged by clan leaders failed, resulting in hostility."
             "\n\nDore says, “Abdi Qeybdid had a militia force in the capital but he also has found support from his "
             "clan militias,” He said the militias of the second Prime Minister and those of the Minister of "
             "Interior are supporting Qeybdid’s militia because they are of the same clan.")


def test_a_pronoun_after_a_report_is_its_speaker(en_pipeline) -> None:
    quotes, _ = enrich(en_pipeline, "en", MOGADISHU)
    assert [q.speaker for q in quotes] == ["Mohamed Dore"] * 4
    assert [q.kind for q in quotes] == ["indirect", "indirect", "direct", "indirect"]


# Wikinews (fr), 12 April 2017 (dev set H): a statement's issuer speaks its quoted content; "et demande …" after a
# quote is a coordinated verb, not an incise; infinitives under a participle under a noun take the subject of the
# finite verb ("Amnesty International publie un rapport … invitant la population à appeler « … »"); a verb followed
# by the next quote introduces it
TCHETCHENIE = ("Le 7 avril, le gouvernement des États-Unis publie un communiqué qui « condamne catégoriquement la "
               "persécution d'individus selon leur orientation sexuelle » , et demande l'ouverture d'une enquête par "
               "les autorités fédérales russes.\n\nLe 4 avril, Amnesty International publie un rapport rappelant "
               "l'homophobie présente dans la région et invitant la population à appeler « les autorités à mener sans "
               "délai des enquêtes approfondies et efficaces » , demander « de prendre toutes les mesures nécessaires "
               "pour garantir la sécurité de quiconque » et rappeler « aux autorités russes et tchétchènes qu'elles "
               "ont l'obligation d'interdire la discrimination » .")


def test_statements_issuers_and_chains_of_infinitives(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", TCHETCHENIE)
    assert [q.speaker for q in quotes] == ["le gouvernement des États-Unis"] + ["Amnesty International"] * 3


# Wikinews (fr), 11 April 2017 (dev set H): "elle" is not "l'homme" (its head noun is masculine); the name, not the
# role apposed to it, apologises; a gerund after the quote reports for the same subject
UNITED = ("L'homme exprimait sa colère au personnel.\n\nUne des passagères ayant filmé la scène, Audra D. Bridges, "
          "raconte que l'homme a fait savoir qu'il était médecin. Elle décrit les autres voyageurs comme « tremblants "
          "» . Oscar Munoz , le PDG de la compagnie, s'est excusé « pour avoir dû replacer ces clients ailleurs » "
          "dans un communiqué en expliquant toutefois que les employés fonctionnaient dans l'urgence.")


def test_gender_of_descriptions_apposed_names_and_gerunds(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", UNITED)
    assert said(quotes) == [("l'homme a fait savoi", "Audra D. Bridges"), ("tremblants", "Audra D. Bridges"),
                            ("pour avoir dû replac", "Oscar Munoz"), ("les employés fonctio", "Oscar Munoz")]


# Wikinews (fr), 12 April 2017 (dev set H): a participle's speaker is the name its subject's description introduces
def test_the_name_after_a_description_speaks(fr_pipeline) -> None:
    text = ("Le journal russe Novaïa Gazeta a publié un rapport au début du mois affirmant que la Tchétchénie "
            "s'emploie à traquer des personnes homosexuelles.")
    quotes, _ = enrich(fr_pipeline, "fr", text)
    assert said(quotes) == [("la Tchétchénie s'emp", "Novaïa Gazeta")]
