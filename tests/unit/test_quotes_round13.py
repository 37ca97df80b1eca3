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


# Wikinews (fr), 4 July 2018 (dev set T): a name the tagger took for a verb ends the description that introduces it;
# a theme in marks after a copula is no quote; "a tweeté" reports
PRIDE = ("Pour la première fois, des membres des Forces de Défense irlandaises ont assisté au rassemblement annuel "
         "dans leurs uniformes militaires, a rapporté le quotidien britannique The Independent . Les Forces de Défense "
         "étaient dirigées par le vice-amiral Mark Mellett . Le thème de cette année était « Nous sommes une "
         "famille ». Les bâtiments ont été décorés aux couleurs de l'arc-en-ciel à la veille du 25 e anniversaire de "
         "la Dublin Pride.\n\n"
         "Selon les rapports, l'ex-présidente Mary McAleese et la ministre de l'enfance Katherine Zappone avaient "
         "assisté à la Pride. « Joyeuse Pride tout le monde ! Passez une belle journée à célébrer l'égalité, "
         "l'inclusivité et l'amour » , a tweeté le ministre de la Santé Simon Harris .")


def test_a_newspaper_introduced_by_its_description_and_a_tweet(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", PRIDE)
    speakers = {q.text[:20]: q.speaker for q in quotes}
    assert speakers["Pour la première foi"] == "The Independent"
    assert speakers["Joyeuse Pride tout l"] == "Simon Harris"
    assert not any(q.text.startswith("Nous sommes une famille") for q in quotes)


# Wikinews (fr), 1 December 2018 (dev set T): an elliptical "dont trois …" leaves the incise to the whole sentence;
# fragments in marks after "Il avait dénombré" are his (the subject pronoun), not the previous speaker's
GILETS = ("C'est le troisième week-end de mobilisation pour les « gilets jaunes » en France. Aux abords des "
          "Champs-Élysées à Paris , au moins dix personnes ont été blessées dont trois parmi les forces de l'ordre, a "
          "indiqué la préfecture de police de Paris avant 13 heures.\n\n"
          "Une source policière a indiqué à franceinfo en début de matinée qu'au moins 81 personnes ont été "
          "interpellées aux abords des Champs-Élysées. Le nombre des agressions était en particulier élevé autour de "
          "l' Arc de Triomphe . La police a utilisé des gaz lacrymogènes et un canon d'arrosage pour chasser les "
          "manifestants. Un restaurant a été incendié. Plus tôt dans la journée, le ministre de l'intérieur "
          "français, Christophe Castaner avait indiqué sur Twitter l'arrestation de 39 personnes. Il avait également "
          "dénombré « 200 manifestants pacifiques sur les Champs-Élysées » et « 1500 perturbateurs à l’extérieur du "
          "périmètre venus pour en découdre » .")


def test_an_elliptical_relative_and_a_pronoun_subject_before_fragments(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", GILETS)
    assert said(quotes) == [("Aux abords des Champ", "la préfecture de police de Paris"),
                            ("au moins 81 personne", "Une source policière"),
                            ("200 manifestants pac", "Christophe Castaner"),
                            ("1500 perturbateurs à", "Christophe Castaner")]


# Wikinews (fr), 8 March 2018 (dev set T): the spokesperson of a company, not the company its acronym expands;
# any verb inverted after a quote is its incise ("analyse un expert"), not "auprès du Parisien"
CLOCKS = ("Si une légère oscillation de la fréquence est plutôt anodine, un porte-parole de l'entreprise RTE (Réseau "
          "de Transport d'Électricité), chargée du transport du courant sur le territoire français, a expliqué à la "
          "revue Sciences et Avenir que « cela fait plusieurs semaines que la fréquence demeure sous les 50 hertz, "
          "d'où ce décalage des horloges » .\n\n"
          "Cependant, la Serbie, pourtant responsable de l'équilibre de la production dans la région des Balkans, "
          "« refuse de produire plus pour des raisons d'opposition politique et historique entre les deux pays » , "
          "analyse un expert auprès du Parisien .")


def test_a_spokesperson_of_a_company_and_an_inverted_incise(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", CLOCKS)
    assert said(quotes) == [("cela fait plusieurs ", "un porte-parole de l'entreprise RTE"),
                            ("refuse de produire p", "un expert")]


# Wikinews (fr), 5 April 2018 (dev set T): a quote introduced in its own sentence keeps its speaker (the next
# quote's incise is another person's); what "a été annoncé" is no speaker
WEBB = ("Alors que le lancement du télescope spatial James Webb (JWST), financé par la NASA, avait déjà été retardé en "
        "2019 en raison d'anomalies, un nouveau report a été annoncé : le JWST devrait décoller en mai 2020. La NASA "
        "annonce vouloir « tester l'observatoire entièrement assemblé et vérifier que les composants fonctionnent "
        "comme il faut ensemble » . « Le JWST est une entreprise audacieuse et nous devons nous concentrer sur le "
        "succès global de la mission, avec la Nasa et l'Agence spatiale canadienne, en réalisant l'intégration "
        "finale avec le temps additionnel nécessaire » , a insisté Günther Haringer, directeur de la Science de l' "
        "ASE .")


def test_a_quote_with_its_own_verb_is_not_the_next_quotes_speakers(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", WEBB)
    assert said(quotes) == [("tester l'observatoir", "NASA"), ("Le JWST est une entr", "Günther Haringer")]


# VOA News, 2 September 2016 (dev set T): "the statement" after the clause that issued it; a long title before a
# name the model ran into a place
KARIMOV = ("The Uzbekistan government and parliament announced the death of President Islam Karimov in a joint "
           "statement Friday, September 2.\n\n"
           "Karimov, 78, will be buried on September 3 in his hometown of Samarkand, the statement said.\n\n"
           "\"Islam Karimov's death marks the end of an era in Uzbekistan, but almost certainly not of the pattern of "
           "grave human rights abuses. His successor is likely to come from Karimov's closest circle, where "
           "dissenting minds have never been tolerated,\" said Deputy Director for Europe and Central Asia Denis "
           "Krivosheev.")


def test_the_statement_is_its_issuers_and_a_long_title_before_a_name(en_pipeline) -> None:
    quotes, entities = enrich(en_pipeline, "en", KARIMOV)
    assert [q.speaker for q in quotes] == ["The Uzbekistan government and parliament", "Denis Krivosheev"]
    assert ("Denis Krivosheev", "PER") in {(e.text, e.label) for e in entities}


# European Commission Representation in Germany, November 2014 (dev set K): "300 Mrd. Euro" ends no sentence
INVESTMENT = ("Die Europäische Kommission werde den Staats- und Regierungschefs früher als angekündigt bereits beim "
              "EU-Dezembergipfel konkrete Vorschläge für das geplante Investitionspaket im Wert von 300 Mrd. Euro "
              "vorlegen, sagte Juncker.")


def test_an_abbreviated_unit_does_not_cut_the_reported_sentence(de_pipeline) -> None:
    quotes, _ = enrich(de_pipeline, "de", INVESTMENT)
    assert [(q.text[:30], q.speaker) for q in quotes] == [("Die Europäische Kommission wer", "Jean-Claude Juncker")]


# VOA News, May 2016 (dev set U): the parser made the apposition a conjunct without "and"
NLC = ("Last week, the government raised the price of fuel by 67 percent. The country's largest labor federation, the "
       "Nigerian Labor Congress (NLC), says it should have been consulted and will not accept the government's "
       "decree.")


def test_an_apposition_the_parser_took_for_a_conjunct_names_the_speaker(en_pipeline) -> None:
    quotes, _ = enrich(en_pipeline, "en", NLC)
    assert [q.speaker for q in quotes] == ["Nigerian Labor Congress"]


# Wikinews (fr), 31 January 2017 (dev set U): "fait remarquer X" is an incise; the writer's "Toutefois," is no part
SAHARA = ("Concernant le Sahara occidental, le royaume n’a pas changé de politique et refuse de reconnaître la RASD. "
          "Toutefois, les textes de l’UA impliquent le respect par chaque membres de la souveraineté des autres États, "
          "fait remarquer Mohamed Salem Ould Salek , le ministre des affaires étrangères de la RASD.")


def test_fait_remarquer_is_an_incise(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", SAHARA)
    assert said(quotes, 30) == [("les textes de l’UA impliquent ", "Mohamed Salem Ould Salek")]


# Wikinews (fr), 27 January 2017 (dev set U): a report its closing term in marks completes is long enough
VOTE = ("Le député Andreï Issaïev s'est réjoui de l'issue de ce vote, affirmant que c'était « un vote historique » .")


def test_a_short_report_completed_by_a_term_in_marks(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", VOTE)
    assert [(q.text, q.speaker) for q in quotes] == [("c'était « un vote historique »", "Andreï Issaïev")]


# Wikinews (fr), 21 January 2017 (dev set U): the participle phrase after a description is no part of the speaker
CIA = ("Le mois dernier, les États-Unis ont expulsé 35 diplomates russes accusés d'espionnage et ont sanctionné les "
       "services de renseignements russes. C'était en réponse à un rapport de la CIA publié deux semaines plus tôt "
       "qui a conclu que le gouvernement russe a piraté des serveurs appartenant aux Démocrates .")


def test_a_participle_phrase_after_a_description_is_cut(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", CIA)
    assert said(quotes, 30) == [("le gouvernement russe a piraté", "un rapport de la CIA")]


# Wikinews (fr), 22 April 2017 (dev set V): an office with its complement is no person
TAX = ("Le Président des États-Unis Donald Trump a annoncé pouvoir présenter sa réforme fiscale dès mercredi 26 avril. "
       "« Nous ferons une annonce importante mercredi concernant la réforme fiscale. Le processus est engagé depuis "
       "longtemps mais la réforme commencera mercredi  » , a-t-il affirmé lors d'une visite au département du Trésor.")


def test_an_office_with_its_complement_is_no_person(fr_pipeline) -> None:
    quotes, entities = enrich(fr_pipeline, "fr", TAX)
    assert {q.speaker for q in quotes} == {"Donald Trump"}
    assert not any(e.label == "PER" and e.text.startswith("Président") for e in entities)


# Wikinews (fr), 16 February 2017 (dev set V): "selon ce qu'a confié X"; "Ce dernier … déclare-t-il, ajoutant qu'";
# "Pour <a role>, <Name>, « … »"; a gerund after an incise is the incise speaker's
HERAULT = ("« Il nous avait raconté qu'il s'était fait arrêter à l'aéroport [d' Orly ], qu'il était fiché S » , selon "
           "ce qu'a confié Rodrigue, ami de Thomas Sauret avant qu'il ne se radicalise, à l'AFP. « J'ai cru que "
           "c'était une passade, que l'arrestation ça l'avait calmé. Mais après, il a commencé à être dans son coin, "
           "à ne plus voir personne » .\nLe jeune homme a rencontré l'adolescente sur les réseaux sociaux et ils "
           "souhaitaient depuis se marier religieusement avant de commettre l'attentat. Le jeune homme logeait depuis "
           "quelques jours dans l'appartement de Clapiers, prêté par une connaissance, Mohammed. Ce dernier n'était "
           "pas au courant du projet : « [je] l'avais laissé ici deux ou trois jours, il devait partir mercredi ou "
           "jeudi. Jamais je n'aurais pensé qu'il allait fomenter un attentat chez moi » , déclare-t-il, ajoutant qu' "
           "« [il] parlait religion mais c'était un peu évasif. » .\n\nPour le président du Centre d'analyse du "
           "terrorisme , Jean-Charles Brisard , « on est face à des individus déterminés, radicalisés et surtout avec "
           "un projet d'attentat très avancé » , très organisés. « Il y a d'abord l'allégeance à l'État Islamique. On "
           "a aussi des substances explosives en cours de fabrication, notamment du TATP. Ils avaient également un "
           "schéma préparatoire déjà élaboré. L'un d'entre eux devait mourir en martyr sur notre territoire tandis "
           "que sa compagne devait rejoindre l'État Islamique » , détaille-t-il.\n« L'enquête commence et elle "
           "déterminera si ces individus ont été téléguidés d'une façon ou d'une autre depuis le théâtre d'opérations "
           "syro-irakien. Plus de la moitié des 17 attentats déjoués en 2016 étaient des projets coordonnées par des "
           "djihadistes français depuis l'Irak et la Syrie » , continue-t-il, ajoutant qu' « [il] faut donc "
           "déterminer le lien opérationnel entre les quatre personnes interpellées et l'État Islamique » .")


def test_selon_ce_qu_a_confie_ce_dernier_pour_a_role_and_a_gerund_after_an_incise(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", HERAULT)
    assert said(quotes) == [("Il nous avait racont", "Rodrigue"), ("J'ai cru que c'était", "Rodrigue"),
                            ("[je] l'avais laissé ", "Mohammed"), ("[il] parlait religio", "Mohammed"),
                            ("on est face à des in", "Jean-Charles Brisard"),
                            ("Il y a d'abord l'all", "Jean-Charles Brisard"),
                            ("L'enquête commence e", "Jean-Charles Brisard"),
                            ("[il] faut donc déter", "Jean-Charles Brisard")]
