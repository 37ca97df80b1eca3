"""Round 13: definite descriptions of a role standing for a person named elsewhere ("the Russian leader", "the UN
official", "le PDG de la SNCF"), and organisations that only qualify a role noun ("Defense officials").
Sentences are verbatim from the published articles (source in each comment).
"""

from __future__ import annotations

from .quote_cases import said
from .test_quotes_devb import enrich

# VOA News, March 2005 (dev set O): Putin is never introduced with a role; the interim Kyrgyz leader is a leader
# too, but of another country
KYRGYZ = ("Kyrgyzstan's interim leader, Kurmanbek Bakiyev, says he spoke to the Russian leader on the phone, and "
          "was offered help.\n"
          "Mr. Putin also said that the change of power in the central Asian nation was a result of weak leadership "
          "and multiple social and economic problems in the country.\n"
          "The Russian leader said he was sorry that, once again, in the territory of the former Soviet Union, "
          "political questions are solved, \"in an unlawful way,\" and are accompanied by what he called pogroms and "
          "human casualties.\n"
          "The Russian president also said that ousted Kyrgyz President Askar Akayev was welcome to come to Russia.")


def test_the_russian_leader_is_the_person_who_spoke_last_not_another_countrys_leader(en_pipeline) -> None:
    quotes, _ = enrich(en_pipeline, "en", KYRGYZ)
    def speaker_of(words: str) -> list[str | None]:
        return [q.speaker for q in quotes if words in q.text]

    assert speaker_of("he spoke to the Russian leader") == ["Kurmanbek Bakiyev"]
    assert speaker_of("in the territory of the former Soviet Union") == ["Vladimir Putin"]
    assert speaker_of("was welcome to come to Russia") == ["Vladimir Putin"]


# VOA News, November 2005 (dev set S): "the UN official" is the UN coordinator named before
NABARRO = ("All countries need to coordinate their response to such an outbreak, says Dr. David Nabarro, UN "
           "Coordinator for avian and human influenza.\n\n"
           "Although the impact of a human pandemic can be, in Dr. Nabarro's words, \"pretty terrifying,\" the UN "
           "official also believes there is hope, through cooperation.")


def test_the_un_official_is_the_person_introduced_as_un_coordinator(en_pipeline) -> None:
    quotes, _ = enrich(en_pipeline, "en", NABARRO)
    assert {q.speaker for q in quotes} == {"David Nabarro"}
    assert any(q.text.startswith("there is hope") for q in quotes)


# Wikinews (fr), 30 March 2018 (dev set S): "le PDG de la SNCF" after "Guillaume Pepy, président de la SNCF"
PEPY = ("Guillaume Pepy, président de la SNCF, a annoncé sur France Inter aujourd'hui que « la grève va beaucoup "
        "perturber la vie des Français, je le regrette. Il y aura très peu de trains qui partent après 19 h UTC+2 "
        "lundi. Il faut que chacun prenne ses précautions » .\n\n"
        "En revanche, le PDG de la SNCF a annoncé que le « la solution alternative, maintenant, c'est le "
        "co-voiturage » , avant de préciser que « la très bonne nouvelle, c'est que les sites de co-voiturage seront "
        "gratuits pendant la grève, et la deuxième bonne nouvelle, c'est qu'on va réhabiliter l'auto-stop sous une "
        "forme un peu plus moderne » .")


def test_a_role_of_the_same_organisation_is_the_person_introduced_with_it(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", PEPY)
    assert said(quotes) == [("la grève va beaucoup", "Guillaume Pepy"), ("la solution alternat", "Guillaume Pepy"),
                            ("la très bonne nouvel", "Guillaume Pepy")]


# VOA News, February 2009 (dev set H): the organisation only qualifies the speakers
SEA_TIGERS = ("Defense officials say based on statements given by captured relatives of high-ranking LTTE officials "
              "they are confident that the group's founder and leader, Velupillai Prabhakaran, is now trapped and has "
              "not escaped the combat zone.")


def test_an_organisation_before_a_role_noun_qualifies_the_speakers(en_pipeline) -> None:
    quotes, _ = enrich(en_pipeline, "en", SEA_TIGERS)
    assert [q.speaker for q in quotes][:1] == ["Defense officials"]


# VOA News, November 2005 (dev set S): a contrasting clause with its own subject and reporting verb
FATALITIES = ("Dr. Nabarro says between five and as many as 150-million human fatalities is possible, but the World "
              "Health Organization, WHO for short, believes 7.4 million deaths is more realistic.")


def test_but_another_subject_and_a_reporting_verb_start_another_speakers_report(en_pipeline) -> None:
    quotes, _ = enrich(en_pipeline, "en", FATALITIES)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("between five and as many as 150-million human fatalities is possible", "Nabarro"),
        ("7.4 million deaths is more realistic", "World Health Organization")]


# VOA News, January 2005 (dev set I): the same shape with the same speakers ("they") and a noun object is no report
PRIORITIES = ("Democrats agree the war on terrorism is important, but they also\n"
              "emphasize education, employment, and support for U.S. troops.")


def test_but_the_same_speakers_with_a_noun_object_report_nothing_more(en_pipeline) -> None:
    quotes, _ = enrich(en_pipeline, "en", PRIORITIES)
    assert [q.text for q in quotes] == ["the war on terrorism is important"]


# VOA News, October 2005 (dev set S): "disputed claims that …" — the claims say it, not the subject
CLAIMS = ("In a radio call-in show with VOA's Russian Service, Mr. Milinkevich disputed claims that Mr. Lukashenko "
          "enjoys considerable support among the population in Belarus.")


def test_a_clause_after_others_claims_is_not_the_subjects_report(en_pipeline) -> None:
    quotes, _ = enrich(en_pipeline, "en", CLAIMS)
    assert quotes == []
