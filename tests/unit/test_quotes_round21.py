"""Round 21: "ce dernier" / "cette dernière" as the subject of a report, a relative clause after a quote that is no
attribution, a participial apposition after "selon X", and a poll that is nobody named later. Sentences are verbatim
from the published articles (source in each comment).
"""

from __future__ import annotations

import pytest

from streams.config import Settings
from streams.enrich.pipeline import Enricher
from tests.unit.test_quotes_round18 import quotes_of, starting

# Wikinews (fr), yellow vests, 17 December 2018 (dev set AY): a union spoke in the paragraph before
MISS_FRANCE = ("Le SNJ (Syndicat National des Journalistes) exige « d’entendre de vive voix les explications » de la "
               "direction de l’information.\n\nVers 12h, sur Buzz TV, deux jours après que miss Tahiti, Vaimalama "
               "Chaves, a été élue Miss France 2019, cette dernière a affirmé qu'elle a eu l'occasion de lire les "
               "revendications des Gilets jaunes « et c'est vrai qu'il y en a plusieurs qui sont pertinentes. "
               "Cependant la manière dont ils sont en train de répondre n'est peut-être pas la meilleure. Il "
               "faudrait trouver une façon plus pacifique de faire passer le message ».")

# Wikinews (fr), yellow vests, 14 December 2018 (dev set AY)
HOSTAGE = ('Vers 10h30, Jacqueline Moreau, membre des "gilets jaunes libres", affirme que les "Français sont pris en '
           'otage par une minorité", qui souhaite continuer le mouvement avec des manifestations et des blocages.')

# Wikinews (fr), yellow vests, 19 December 2018 (dev set AY): two polls, a person named in the second one's report
POLLS = ("Vers 10h00, selon le sondage Opinion-way, réalisé du 6 au 12 décembre, 65% des dirigeants affirment leur "
         "soutien au mouvement des Gilets Jaunes et 72% d'entre eux sont mécontents de l'action du président de la "
         "République.\n\nVers 12h30, selon le sondage de l'Ifop, réalisé du 14 au 17 décembre, Priscilla Ludowski "
         "est la femme de l'année 2018 ex-aequo avec Angela Merkel.")


@pytest.fixture(scope="module")
def enricher() -> Enricher:
    return Enricher(Settings())


def test_cette_derniere_reports_and_is_the_woman_named_last(enricher) -> None:
    quotes = quotes_of(enricher, MISS_FRANCE)
    assert starting(quotes, "elle a eu l'occasion") == [("Vaimalama Chaves", "indirect")]
    assert all(speaker != "Syndicat National des Journalistes" for speaker, _, text in quotes if "pertinentes" in text)


def test_a_relative_clause_after_a_quote_is_no_attribution(enricher) -> None:
    quotes = quotes_of(enricher, HOSTAGE)
    assert starting(quotes, "Français sont pris en otage") == [("Jacqueline Moreau", "direct")]


def test_a_participle_apposed_to_the_source_is_no_part_of_the_report(enricher) -> None:
    quotes = quotes_of(enricher, POLLS)
    assert starting(quotes, "65% des dirigeants") == [("le sondage Opinion-way", "indirect")]
    assert not starting(quotes, "réalisé du")


# Wikinews (fr), migrants rescued in the Mediterranean, May 2016 (dev set AR)
MIGRANTS = ("27 mai 2016 . – Une quinzaine d'embarcations sont actuellement signalées en détresse alors qu'un gros "
            "chalutier surchargé avait fait une centaine de disparus et 550 rescapés mercredi.")

# Wikinews (fr), the binmen's strike against the labour law, June 2016 (dev set W)
BINMEN = ("À Paris, en revanche, la situation est devenue critique. Le ramassage des ordures n’est plus assuré que "
          "dans un arrondissement sur deux.")

# Wikinews (fr), yellow vests, 17, 13 and 20 December 2018 (dev set AY)
PRESENTER = ("Vers 17h50, François Gapihan, présentateur de BFM TV, a affirmé à un Gilet jaune avoir un salaire de « 3 "
             "600 à peu près » n'étant pas fixe tous les mois, mais variable à cause de commissions.")
SILENCE = ("Vers 18h30, à l'Assemblée nationale, Jean-Luc Mélenchon a observé une minute de silence, avec l'accord de "
           "Richard Ferrand, pour « les personnes mortes dans leur engagement citoyen de Gilets jaunes ».")
DENOUNCES = ("Benjamin Cauchy, Gilet jaune libre à Toulouse, dénonce une opération de communication de la part du "
             "Président.")


@pytest.mark.parametrize("text", [MIGRANTS, BINMEN, DENOUNCES])
def test_no_report_where_que_is_a_conjunction_or_only_or_the_subject_precedes_a_comma(enricher, text: str) -> None:
    # "alors qu'" (whereas), "ne … plus que dans" (only), and a subject with its apposition is no incise's content
    assert quotes_of(enricher, text) == []


def test_an_infinitive_report_past_whom_it_was_said_to(enricher) -> None:
    assert starting(quotes_of(enricher, PRESENTER), "avoir un salaire") == [("François Gapihan", "indirect")]


def test_a_fronted_place_parsed_as_subject_leaves_the_speaker_to_the_name_apposed_to_it(enricher) -> None:
    assert starting(quotes_of(enricher, SILENCE), "les personnes mortes") == [("Jean-Luc Mélenchon", "direct")]


# Global Voices auf Deutsch, bloggers sentenced in Azerbaijan, November 2009 (dev set AW; CC BY 3.0)
SUPPORTERS = ("Einigen Anhängern zufolge, die aus dem Gerichtssaal über Twitter berichtet hatten, sagte der "
              "Rechtsanwalt für Hajisade, Isahan Ashurov, dass es sich bei diesem Fall um Macht handele.")


def test_a_named_speaker_after_a_zufolge_source_says_the_clause(enricher) -> None:
    quotes = quotes_of(enricher, SUPPORTERS, "de")
    assert [(t, k) for s, k, t in quotes] == [("es sich bei diesem Fall um Macht handele", "indirect")]
    assert all(s != "Einigen Anhängern" for s, _, _ in quotes)


# Wikinews (fr), Dominique Strauss-Kahn arrested in New York, May 2011 (dev set BA; stored copy of the page)
FOOTNOTES = ("C'est le journal The New York Post qui a révélé vers minuit (GMT) cette information, depuis relayée par "
             "le New York Times et confirmée par le New York City Police Department[1]. L'enquête est menée par "
             "l'unité spéciale Special Victims Unit[2]. Selon l'agence AP[3], l'intéressé a quitté précipitamment sa "
             "chambre d'hôtel, y laissant ses effets personnels et son téléphone portable, pour se ruer vers "
             "l'aéroport où il a été arrêté.")


def test_a_wiki_footnote_call_is_no_part_of_a_name_and_an_agency_named_speaks(enricher) -> None:
    quotes = quotes_of(enricher, FOOTNOTES)
    assert starting(quotes, "l'intéressé a quitté") == [("Associated Press", "indirect")]
    out = enricher.enrich_message({"id": "t", "text": FOOTNOTES, "language": "fr"})
    assert all("[" not in e["text"] for e in out["entities"])


# Global Voices en Français, Sidi Bouzid on Twitter, December 2010 (dev set AZ; CC BY 3.0): paragraphs as stored
LA_TIMES = ("Tout a commencé quand un jeune chômeur a voulu s'immoler par le feu pour protester contre le chômage dans "
            "la ville de Sidi Bouzid. Selon le Los Angeles Times :\nLe suicide a provoqué de violents affrontement "
            "entre la police et les jeunes manifestants, qui ont entrainé la mort d'un jeune de 18 ans, quand la "
            "police a tiré sur les manifestants en colère dans une ville voisine, deux jours plus tard.")
NOFAL = ("En Egypte, Wael Nofal pose la même question dans ce tweet:\n@stephenfry, est-ce que vous suivez ce qui se "
         "passe à #SidiBouZid #Tunisie? C'est étrange comme les médias occidentaux se détournent de l'autre côté, "
         "contrairement à l’#Iran l'an dernier.")


@pytest.mark.parametrize(("text", "opening", "speaker"), [
    (LA_TIMES, "Le suicide a provoqué", "Los Angeles Times"),  # "Selon X :" closing the paragraph before
    (NOFAL, "@stephenfry, est-ce que", "Wael Nofal"),  # "… dans ce tweet :": the post (addressed to a handle)
])
def test_a_paragraph_introduced_by_a_source_or_a_post_before_a_colon(enricher, text: str, opening: str,
                                                                     speaker: str) -> None:
    assert starting(quotes_of(enricher, text), opening) == [(speaker, "direct")]


# Global Voices en Français, march for Ayotzinapa, November 2014 (dev set AZ; CC BY 3.0): an embedded tweet as scraped
EMBEDDED = ("Les utilisateurs des réseaux sociaux ont partagé des messages de soutien à la marche et des photos prises "
            "sur place :\nAl grito de “Estado farsante que matas Estudiantes’ #AccionGlobalporAyotzinapa#43×43"
            "pic.twitter.com/CseN04mfcB\n— Ari Telch (@aritelch) November 5, 2014\nAu cri de “Etat malhonnête qui "
            "tue des étudiants”")


def test_an_embedded_post_is_its_credit_lines_author_with_the_marks_inside_it(enricher) -> None:
    quotes = quotes_of(enricher, EMBEDDED)
    assert starting(quotes, "Al grito de") == [("Ari Telch", "direct")]
    assert not starting(quotes, "Estado farsante")  # the chant it quotes is the post's own words
    assert all(speaker != "Al grito de" for speaker, _, _ in quotes)


# Global Voices en Français, Wael Ghonim on Tahrir Square, February 2011 (dev set AZ; CC BY 3.0)
OATH = ("Wael Ghomin a juré de rendre justice aux martyrs, ces 300 personnes environs qui furent tuées lors des "
        "manifestations. Il a exhorté les manifestants à ne pas les oublier, ajoutant que laisser leur sang couler en "
        "vain serait une trahison.")


def test_an_oath_and_a_request_before_a_gerund_report_are_reports_too(enricher) -> None:
    quotes = quotes_of(enricher, OATH)
    assert starting(quotes, "rendre justice aux martyrs") == [("Wael Ghomin", "indirect")]
    assert [t for _, _, t in quotes if t.startswith("ne pas les oublier")] == ["ne pas les oublier"]
    assert starting(quotes, "laisser leur sang") == [("Wael Ghomin", "indirect")]


# Global Voices en Français, Raza Rumi attacked in Lahore, March 2014 (dev set BB; CC BY 3.0): "tweeté" tagged a name
TWEETED = ("Le célèbre chroniqueur, présentateur de télévision et blogueur pakistanais (également auteur de Global "
           "Voices ) Raza Rumi a été attaqué par des hommes armés non identifiés près du marché de Raja sur la route "
           "de Ferozpur à Lahore, au Pakistan.Le 28 mars à 20h55, il a tweeté :\n\nOn m'a tiré dessus près du marché "
           "Raja. Mon chauffeur est blessé. Je redoutais ce jour")


def test_a_verb_of_saying_tagged_as_a_lower_case_name_still_introduces_a_post(enricher) -> None:
    assert starting(quotes_of(enricher, TWEETED), "On m'a tiré dessus") == [("Raza Rumi", "direct")]


# Global Voices auf Deutsch (dev set BC; CC BY 3.0): the Maldives, February 2012; a petition in Guinea-Bissau, June
# 2016 (its stored copy is half Portuguese, withdrawn from the set as mixed language); Ecuador's mining law, 2009
DEPOSED = ("Einige Stunden zuvor  hatte der abgesetzte Präsident auf einer Konferenz der Maldivian Democratic Party "
           "(MDP) verkündet, dass er zu seinem Rücktritt am Dienstag gezwungen worden war.")
PETITION = ("Eine Gruppe von Einwohnern rief eine Online-Petition ins Leben, um dem Präsidenten der Republik "
            "Guinea-Bissau, José Mário Vaz, die Macht zu entziehen. Laut Petition heißt es:\n\nOs últimos atos do Sr. "
            "José Mário Vaz têm sido extremamente lesivos para o povo guineense e para o país em geral.")
CONAIE = ("Die Mobilisierung wird von der landesweit größten Ureinwohnerorganisation, der National Confederation of "
          "Indigenous Nations (CONAIE) angeführt, die bemängelt, dass das neue Gesetz nicht ausreichend debattiert "
          "wurde, dass es Schäden für die Umwelt nach sich ziehen wird und dass es gegen die Souveränität der "
          "Ureinwohnergemeinden gerichtet ist.")


@pytest.mark.parametrize(("text", "opening", "speaker", "kind"), [
    (DEPOSED, "er zu seinem Rücktritt", "der abgesetzte Präsident", "indirect"),  # subject after the auxiliary
    (PETITION, "Os últimos atos", "Petition", "direct"),  # "Laut X heißt es:": the source, not "Laut Petition"
    (CONAIE, "das neue Gesetz", "CONAIE", "indirect"),  # a relative pronoun for the name before its comma
])
def test_german_subjects_after_an_auxiliary_a_source_and_a_relative_pronoun(enricher, text: str, opening: str,
                                                                            speaker: str, kind: str) -> None:
    assert starting(quotes_of(enricher, text, "de"), opening) == [(speaker, kind)]
