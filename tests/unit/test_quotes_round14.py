"""Round 14: inverted subjects past an indirect object ("a confié, à Reuters, le directeur …"), passive judges,
sources closing a sentence, bodies named by their kind ("l'association"), long titles before a name, organisations
that "il"/"elle" stand for, and gerunds that add to a report. Sentences are verbatim from the published articles
(source in each comment).
"""

from __future__ import annotations

from .quote_cases import said
from .test_quotes_devb import enrich


def speakers_of(quotes: list, words: str) -> list[str | None]:
    return [q.speaker for q in quotes if words in q.text]


# Wikinews (fr), 12 June 2016, dustmen's strike (dev set W): the indirect object set off by commas
SYCTOM = ("Le Syctom, quant à lui, n’a confirmé que le blocage de l’usine d’Ivry-sur-Seine. « La CGT-Energie a "
          "déposé un préavis de grève pour jeudi, pour le personnel des sites d’Issy-les-Moulineaux et Saint-Ouen » , "
          "a confié, à Reuters, le directeur de cabinet du président du Syctom, Patrice Furé. « Ça va devenir "
          "compliqué » , selon lui.")
# Wikinews (fr), 10 February 2017, Flamanville (dev set X): "à France Info" between the verb and its subject
WITKOWSKI = ("Selon ce qu'a confié à France Info Jacques Witkowski , préfet de la Manche, « [on] a eu un début "
             "d'incendie sur un réseau de gaines électriques, dans ce qu'on appelle la salle des machines » . Il "
             "ajoute qu' « [un] ventilateur a connu un dysfonctionnement matériel » .")


def test_the_inverted_subject_comes_after_the_indirect_object(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", SYCTOM)
    assert speakers_of(quotes, "La CGT-Energie") == ["Patrice Furé"]
    assert speakers_of(quotes, "Ça va devenir") == ["Patrice Furé"]
    quotes, _ = enrich(fr_pipeline, "fr", WITKOWSKI)
    assert speakers_of(quotes, "début d'incendie") == ["Jacques Witkowski"]
    assert speakers_of(quotes, "ventilateur") == ["Jacques Witkowski"]  # "Il ajoute": the préfet


# Wikinews (fr), 15 February 2017, Tignes avalanche (dev set X)
METEO = ("Ce jour-là, le risque était qualifié de « marqué » par Météo-France (3 sur 5), ce qui veut dire que des "
         "avalanches sont « possibles parfois même par faible surcharge et dans de nombreuses pentes » . Ce risque "
         "était « à caractère piégeux et marqué sur certaines orientations et altitudes ».")
RUIZ = ("Il s'agit de trois clients, un homme de 48 ans, Pierre Nicalek, pharmacien à Pertuis , et du moniteur, "
        "Laurent Ruiz, âgé de 59 ans et décrit comme « expérimenté » .")


def test_a_passive_judge_is_the_agent_and_vouloir_dire_is_no_speech(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", METEO)
    assert [q.speaker for q in quotes] == ["Météo-France"] * 3  # not "le risque"; "veut dire" means, says nothing


def test_a_reduced_passive_has_no_speaker_before_it(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", RUIZ)
    assert all(q.speaker is None or "âgé" not in q.speaker for q in quotes)


# Wikinews (fr), 15 February 2017, Tignes avalanche (dev set X): "selon X" closes the sentence of both quotes
MARTRENCHARD = ("Un adolescent était également recherché et a été retrouvé sain et sauf. Il faisait partie du groupe "
                "et l'attendait en bas de la piste, d'après le maire de Tignes, Jean-Christophe Vitale . Après que "
                "cet adolescent « [...] a confirmé la certitude que la catastrophe n'a fait que quatre victimes » , il "
                "a pu être établi que « [le] bilan définitif est de quatre victimes » , selon le sous-préfet d' "
                "Albertville , Nicolas Martrenchard .")
# Wikinews (fr), 10 February 2017, Flamanville (dev set X): the inverted speaker closes the sentence;
# "l'association" is Greenpeace, the body that spoke before
FLAMANVILLE = ("Ainsi, selon Greenpeace , « avec les deux récents incendies qui ont eu lieu à la centrale de "
               "Cattenom, en Moselle , il s’agit du troisième incendie sur une installation nucléaire en dix jours » "
               "et « [l]' ASN a elle-même déclaré que l'état de la sûreté nucléaire est préoccupant » . « Tout cela "
               "s'inscrit dans un contexte de dégradation grave des réacteurs français, dont plus de la moitié sont "
               "touchés par une centaine d’anomalies graves » , fustige encore l'association.\n\nYannick Jadot , "
               "candidat EELV à la présidentielle , a, lui, affirmé à BFMTV que « chaque nouvel incident est une "
               "démonstration supplémentaire qu'il faut sortir de nucléaire » et développer les énergies "
               "renouvelables.\n\n« Tout incident de cette nature dans une centrale nucléaire est très sérieux » , "
               "bien que, dans le cas présent, cela ne « devrait pas se traduire par une fuite radioactive » , estime "
               "pour sa part Neil Hyatt , professeur de gestion des déchets nucléaires à l'université britannique de "
               "Sheffield .")


def test_a_source_closing_the_sentence_covers_its_earlier_quotes(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", MARTRENCHARD)
    assert speakers_of(quotes, "a confirmé la certitude") == ["Nicolas Martrenchard"]
    quotes, _ = enrich(fr_pipeline, "fr", FLAMANVILLE)
    assert speakers_of(quotes, "Tout incident de cette nature") == ["Neil Hyatt"]


def test_the_association_is_the_body_that_spoke_before(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", FLAMANVILLE)
    assert speakers_of(quotes, "troisième incendie") == ["Greenpeace"]
    assert speakers_of(quotes, "ASN a elle-même") == ["Greenpeace"]
    assert speakers_of(quotes, "Tout cela s'inscrit") == ["Greenpeace"]
    assert speakers_of(quotes, "chaque nouvel incident") == ["Yannick Jadot"]  # "a, lui, affirmé": lui is Jadot


# Wikinews (fr), 12 March 2017, Business France (dev set X)
SAPIN = ("Pour le ministre de l'Économie et des Finances Michel Sapin , cependant, Emmanuel Macron, son cabinet et le "
         "ministère de l'Économie « sont totalement hors de cause » . « C'est un dysfonctionnement de Business "
         "France. Il lui appartenait de dire qu'elle ne pouvait pas organiser l'événement selon les règles, ce qui "
         "n'a pas été fait » , ajoute-t-il.\n\n"
         "Business France a quant à elle reconnu une possible irrégularité dans le choix du prestataire. Elle précise "
         "néanmoins avoir réagi dès qu'elle a eu connaissance de cette situation : « il est apparu ultérieurement que "
         "le choix d'un prestataire avait été fait selon une procédure pouvant potentiellement être affectée "
         "d'irrégularité » , affirme-t-elle ainsi.\n\n"
         "Mercredi après-midi, le PNF a lui indiqué à l' AFP , par l'intermédiaire d'un porte-parole, que « le "
         "parquet national financier a pris connaissance de l'article du Canard enchaîné » .")
IGF = ("Cette soirée avait coûté cher. Selon l' IGF , Business France, ou certains de ses salariés, « pourraient être "
       "incriminés pour « favoritisme » » et Havas France ou ses dirigeants « au titre de la complicité ou du "
       "recel » .")


def test_a_long_title_before_the_name_and_an_organisation_for_elle(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", SAPIN)
    assert speakers_of(quotes, "sont totalement hors de cause") == ["Michel Sapin"]
    assert speakers_of(quotes, "C'est un dysfonctionnement") == ["Michel Sapin"]
    assert speakers_of(quotes, "il est apparu ultérieurement") == ["Business France"]  # no woman named: the body
    assert speakers_of(quotes, "a pris connaissance") == ["le PNF"]  # "a lui indiqué": not "lui"


def test_a_name_after_an_organisation_source_is_the_reported_subject(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", IGF)
    assert {q.speaker for q in quotes} == {"Inspection générale des finances"}  # not "Business"


# Wikinews (fr), 10 February 2017, Flamanville (dev set X): the gerund hung inside the reported clause
EDF = ("EDF précise cependant qu' « [un] départ de feu entraînant une détonation s'est produit dans la salle des "
       "machines de la salle » et qu'il « [...] a été immédiatement maîtrisé par les équipes de la centrale » « en "
       "zone non nucléaire » , ajoutant qu'il n'y a « aucune victime » et « [...] pas de conséquence pour la sûreté "
       "[des installations] et l'environnement » .")
# Wikinews (fr), 6 April 2017, French Guiana (dev set W)
GUYANE = ("Le 28 mars, le département avait connu « la plus grosse manifestation de son histoire » , selon la "
          "préfecture même.\n\n"
          "Cette demande, jugée excessive, a été rejetée par le gouvernement, qui ne veut pas « céder à la facilité et "
          "de promettre des mesures et des aides financières d’un montant irréaliste » .")


def test_a_gerund_adds_to_the_report_of_the_verb_above(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", EDF)
    assert speakers_of(quotes, "pas de conséquence") == ["EDF"]


def test_intensifier_dropped_and_an_institution_agent_speaks(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", GUYANE)
    assert said(quotes) == [("la plus grosse manif", "la préfecture"), ("céder à la facilité ", "le gouvernement")]


# Wikinews (fr), 8 February 2017, compulsory vaccines (dev set Y): gerunds that introduce the next report, and
# "…, a précisé le Conseil d’État, qui « … »"
TOURAINE = ("Cette situation a contribué à susciter la défiance parmi la population.\n\n"
            "La ministre de la santé Marisol Touraine a par conséquent annoncé avoir « saisi immédiatement les "
            "services du ministère et l’Agence nationale de sécurité du médicament pour que l’État puisse mettre en "
            "œuvre cette décision dans le délai imparti » , ajoutant que « ce travail s’inscrira dans la réflexion "
            "engagée sur la politique vaccinale » , précisant néanmoins qu' « un kit disponible gratuitement pour "
            "assurer la vaccination avec les seules valences obligatoires » existe déjà.")
CONSEIL = ("« La loi, qui n’impose que trois obligations de vaccination, implique nécessairement qu’il soit possible "
           "de s’y conformer » et le ministre de la santé doit « faire usage des pouvoirs dont il dispose pour rendre "
           "disponibles de tels vaccins » , a précisé le Conseil d’État, qui « [...] annule donc le refus du "
           "ministre » .")


def test_gerunds_report_for_the_subject_of_the_verb_they_follow(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", TOURAINE)
    assert [q.speaker for q in quotes] == ["Marisol Touraine"] * 3


def test_a_relative_after_the_inverted_speaker_goes_on_with_its_words(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", CONSEIL)
    assert speakers_of(quotes, "annule donc") == ["Conseil d’État"]


# Wikinews (fr), 28 January 2017, crime on public transport (dev set Y): a bus stop's name in marks is nobody; an
# unparsed sentence's described subject is "il"; "Toujours selon le même chauffeur, …"
CHAUFFEUR = ("Des individus ont obligé un bus de la ligne 170 à s'arrêter entre l’arrêt « Charles Cros » et l’arrêt "
             "« Rue du Progrès » et ont détruit le bus par cocktail Molotov.\n\n"
             "En août 2016, un voyageur aurait mimé un geste pour le tuer. Le chauffeur a pris sa retraite. Il déclare "
             "qu'avant, tout le monde validait son titre de transport. Toujours selon le même chauffeur, un soir, vers "
             "la Place d’Italie, une dizaine de jeunes serait montée dans le bus.")


def test_a_described_subject_is_il_and_a_source_after_an_adverb(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", CHAUFFEUR)
    assert speakers_of(quotes, "tout le monde validait") == ["Le chauffeur"]
    assert said(quotes)[-1] == ("un soir, vers la Pla", "le même chauffeur")  # not "Toujours selon …"


# Wikinews (fr), 20 January 2017, Melbourne (dev set Y); "les enquêteurs" are many (dev set V, Hérault)
TEMOINS = ("Selon des témoins s'exprimant sur les réseaux sociaux, il y aurait eu des coups de feu.")
ENQUETEURS = ("Malik Hammami, cousin de Thomas Sauret, a été arrêté par les enquêteurs.\n\n"
              "Thomas Sauret aurait voulu mourir en kamikaze en France, probablement à Paris, selon les enquêteurs.")


def test_no_dangling_elision_and_plural_roles_are_no_one_person(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", TEMOINS)
    assert [q.speaker for q in quotes] == ["des témoins"]
    quotes, _ = enrich(fr_pipeline, "fr", ENQUETEURS)
    assert speakers_of(quotes, "mourir en kamikaze") == ["les enquêteurs"]


# VOA, 1 May 2007 (dev set Y): "He" after a described role is its holder; VOA, 22 June 2009: the headline's
# "Mousavi Calls" is no fuller name of "Mousavi"
YATSENIUK = ("Washington, D.C., May 1, 2007 - Ukrainian Foreign Minister Arseniy Yatseniuk told VOA during a live "
             "television interview that discussions during his trip to Washington are focusing on expanding "
             "U.S.-Ukrainian cooperation.\n\n"
             "\"Chas-Time is very popular in Ukraine,\" said VOA Director Dan Austin.\n\n"
             "The Ukrainian Foreign Minister also expressed gratitude for U.S. support for the development of "
             "democracy in Ukraine. He added that he anticipates continued U.S. assistance in several areas.")


def test_he_after_a_described_role_is_its_holder(en_pipeline) -> None:
    quotes, _ = enrich(en_pipeline, "en", YATSENIUK)
    assert speakers_of(quotes, "continued U.S. assistance") == ["Arseniy Yatseniuk"]


# VOA News, July 2017 (dev set AA): a channel speaks for its owner
AQSA = ("An Arab citizen of Israel stabbed a guard on Friday. The assailant’s Facebook page said it was revenge for "
        "Israeli actions at the Mosque of Al-Aqsa.")
# European Parliament press release, 25 May 2016 (dev set AA): agenda topics in marks are no quotes
PLENUM = ("Änderungen der Tagesordnung Mittwoch - Eine Erklärung der EU-Kommission zum Thema \"Chemikalien mit "
          "endokriner Wirkung: Stand der Dinge nach dem Gerichtsurteil vom 16. Dezember 2015\" wird als vierter Punkt "
          "der Tagesordnung hinzugefügt, nach den Erklärungen von Rat und Kommission zum „transatlantischen "
          "Datentransfer“. Die Sitzung wird deshalb bis 24:00 Uhr verlängert.")


def test_a_facebook_page_speaks_for_its_owner(en_pipeline) -> None:
    quotes, _ = enrich(en_pipeline, "en", AQSA)
    assert [q.speaker for q in quotes] == ["The assailant"]


def test_agenda_topics_in_marks_are_no_quotes() -> None:
    from streams.enrich.nlp import blank_pipeline

    quotes, _ = enrich(blank_pipeline("de"), "de", PLENUM)
    assert quotes == []
