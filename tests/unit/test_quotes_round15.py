"""Round 15: German plural groups and their "Sie", Konjunktiv after long subjects, "zum Ausdruck bringen", long
titles closing with the name, quotes whose marks the scrape lost, signed pull quotes; French "de l'avis de", friends
and camps of a person, asides before "que", fronted adjuncts, military ranks, gerunds that speak for the main
clause. Sentences are verbatim from the published articles (source in each comment)."""

from __future__ import annotations

from .test_quotes_devb import enrich


def said(quotes: list, words: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.kind) for q in quotes if words in q.text]


# Council of the EU, Foreign Affairs Council of 19 June 2017 (dev set AB): a plural "Sie", an appeal with its
# object, a signed pull quote
GOLF = ("Die EU-Außenministerinnen und ‑minister berieten über die derzeitige Krise in der "
        "Golfregion.\n\nSie appellierten an die Beteiligten, für eine Deeskalation der Krise durch Dialog "
        "und Verhandlungen zu sorgen. Sie bekundeten ihre uneingeschränkte Unterstützung für die "
        "Vermittlungsbemühungen Kuwaits.\n\n\"Die Außenminister haben ein starkes Zeichen der Einheit und "
        "Entschlossenheit der Europäischen Union zur Unterstützung der Vermittlungsbemühungen Kuwaits "
        "gesetzt. Unsere Hilfe wird jetzt gebraucht, und wir sind bereit, zu helfen.\"\n\nFederica "
        "Mogherini, Hohe Vertreterin für Außen- und Sicherheitspolitik")

# same page: the plural group a later "Sie" stands for, named after a fronted adjunct
TERROR = ("Vor dem Hintergrund der jüngsten Anschläge innerhalb und außerhalb der EU berieten die "
          "Außenministerinnen und ‑minister über die externen Aspekte der Terrorismusbekämpfung. Sie "
          "betonten, dass die Terrorismusbekämpfung die höchste Sicherheitspriorität für die EU ist.")

# Commission Representation in Germany, Libya conference, January 2020 (dev set AB)
LIBYEN = ("Die EU-Außenminister hatten bei ihrem Sondertreffen am vergangenen Freitag bekräftigt, dass die EU "
          "konzertierte Maßnahmen ergreifen muss, um zu verhindern, dass die derzeitige Krise außer Kontrolle "
          "gerät.")

# EESC, Western Balkans conference in Sofia, 2018 (dev set AC): "zum Ausdruck bringen", a long subject in Konjunktiv
SOFIA1 = ("Die Teilnehmer der hochrangigen Konferenz brachten ihre Überzeugung zum Ausdruck, dass die "
          "Erweiterung der EU und insbesondere die Verbreitung ihrer demokratischen Werte und Rechtsnormen im "
          "Westbalkan sowohl dem Interesse der Westbalkanländer als auch dem der EU dient. Die Förderung der "
          "Werte der EU in der Region sorge für Sicherheit und Stabilität und stärke neben der sozialen und "
          "wirtschaftlichen Entwicklung auch die Demokratie und Rechtsstaatlichkeit in diesen Ländern, was "
          "wiederum Stabilität und Sicherheit für die EU bedeute.")

# same page: a closing mark after a space, a long title ending with the name
SOFIA2 = ("„Die Sozialpartner spielen für die sozioökonomische Entwicklung und den Zusammenhalt im Westbalkan "
          "eine wichtige Rolle \", so die für die Justizreform zuständige stellvertretende "
          "Ministerpräsidentin und Ministerin für auswärtige Angelegenheiten Bulgariens Ekaterina Zaharieva. "
          "Sie brachte die Hoffnung zum Ausdruck, dass zwei Westbalkanländer bis 2025 EU-Mitgliedstaaten sein "
          "werden.")

# Committee of the Regions release, 5 July 2023 (dev set AC): a Konjunktiv I in -te after a long subject
KOHAESION = ("Nach dem Austausch sagte Präsident Cordeiro: „Das Treffen mit Kommissionspräsidentin von der Leyen "
             "war eine Gelegenheit, die obersten Prioritäten der Europäischen Kommission und des Ausschusses der "
             "Regionen zu erörtern und zu besprechen, wie wir gemeinsam die Verbindung zwischen EU-Politik und "
             "Realität stärken können.“ Die Herausforderungen bei der Umsetzung der EU-Politik, aber auch die "
             "Innovationen vor Ort, verdienen große Aufmerksamkeit. Der Präsident äußerte sich über die "
             "zunehmenden Unterschiede zwischen den europäischen Regionen.\nDer aktuelle "
             "Halbzeitüberprüfungsvorschlag für den langfristigen EU-Haushalt enthalte viele positive Aspekte, "
             "etwa die Ukraine-Fazilität, werfe aber auch die Frage auf, welche Konsequenzen es für Städte und "
             "Regionen haben würde, wenn die Kohäsionsfonds neu gemischt und neu zentralisiert würden.")

# EESC news, 5 March 2020 (dev set AC): "nach einvernehmlicher Auffassung der …"
DEAL = ("Die nachhaltige Zukunft der EU wird nach einvernehmlicher Auffassung der verschiedenen Fachgruppen "
        "des Europäischen Wirtschafts- und Sozialausschusses (EWSA) nicht ohne die Teilhabe der Bürgerinnen "
        "und Bürger und eine geeignete Finanzierung stattfinden.")

# same page: a quote whose marks the scrape lost, after "gab zu bedenken:"
COULON = ("Sitzungsleiter Pierre Jean Coulon, Vorsitzender der Fachgruppe Verkehr, Energie, Infrastrukturen, "
          "Informationsgesellschaft (TEN), die die Debatte veranstaltete, gab zu bedenken: All diese "
          "Veränderungen lassen sich nicht im Handumdrehen bewerkstelligen. Wir brauchen den politischen "
          "Willen, um den Wandel herbeizuführen, und wir müssen die sozialen Aspekte und die Finanzierung ins "
          "Visier nehmen. Am Beispiel des teilweise noch aufwändigen Ladens von Elektrofahrzeugen erläuterte "
          "er, dass vor uns noch viele Herausforderungen liegen und deshalb eine realistische und vernünftige "
          "Denkweise geboten ist.")

# VOA News (French), 27 October 2006 (dev set AB): "de l'avis de", "dit que", an aside before "qu'"
KABILA = ("De l'avis d'un partisan de Jean-Pierre Bemba interrogé par la VOA, le débat doit avoir lieu pour "
          "que les Congolais puissent « savoir qui est capable et qui ne l'est pas. » Le camp de M. Kabila "
          "dit qu'il voulait, pour des raisons de sécurité, un débat préenregistré, où les candidats "
          "répondraient aux questions à partir d'endroits séparés. M. Bemba a fait savoir, pour sa part, "
          "qu'il voulait un face-à-face qui permettrait de")

# same story: a gerund before the subject, a friend of the president
PROCHE = ("jauger « les capacités intellectuelles » de chacun. Abondant dans le même sens, un habitant de "
          "Kinshasa interrogé par la VOA a expliqué que les gens veulent connaître le programme des hommes "
          "qui veulent diriger le pays et quelles solutions ceux-ci trouveront aux problèmes du Congo.\n\nUn "
          "proche du président Kabila a affirmé que son camp redoute des coups « en dessous de la ceinture » "
          "au cours d'un face-à-face.")

# VOA Afrique, 22 March 2007 (dev set AB): a fronted adjunct, a long apposition, a military rank
RANCHER = ("L’ex-vice président congolais Jean-Pierre Bemba a demandé à ses gardes du corps de ne plus se "
           "battre contre les soldats gouvernementaux. Cette consigne a été donnée dans un appel au "
           "cessez-le-feu de M. Bemba diffusé en fin de journée, par une radio parrainée par l’ONU, indique le "
           "correspondent de la VOA à Kinshasa. Au moins deux personnes auraient été tuées dans les violents "
           "accrochages qui ont opposé jeudi, à Kinshasa, La garde de Jean-Pierre Bemba et les Forces armées "
           "congolaises (FARDC), faisant au moins deux morts.\n\nDans un entretien avec Ferdinand Ferella, le "
           "lieutenant-colonel Didier Rancher, porte-parole militaire de la Mission de l’Onu en RDC (MONUC), a "
           "expliqué qu’il s’agissait soit d’un incident isolé qui a dégénéré, soit d’une provocation, mais "
           "cela n’était pas organisé. Selon toujour le lieutenant-Colonel Rancher, M. Bemba n’a pas voulu se "
           "conformer à un décret fixant à une douzaine le nombre des policiers affectés à la garde des "
           "anciens vice-présidents. Depuis le 15 mars, la MONUC avait renforcé son dispositif par précaution "
           "dans le périmètre; ce qui lui a permis de disposer des effectifs nécessaires pour évacuer les "
           "civils, a indiqué le porte-parole militaire de la MONUC.")

# VOA Afrique, March 2011 (dev set AB): an office the entity model took for an organisation
BAN = ("Ban Ki Moon a qualifié le scrutin de « pacifique et ordonné ». Le Secrétaire General de Nations "
       "Unis estime même que ces élections sont un exemple positif, puisqu’elles ont été organisées sans "
       "incident majeur. Il demande donc aux autres candidats de respecter les résultats finaux.")

# VOA Afrique, 8 April 2008 (dev set AC): a quote closing its sentence, then an incise; an office with
# "et de"
BOUGOUMA = ("Etienne Convolbo de la Confédération générale des travailleurs du Burkina (CGTB), section ce "
            "Ouagadougou, « la grève est très suivie. » Plusieurs comités syndicaux ont signalé l’arrêt des "
            "activités dans leurs entreprises, a-t-il indiqué. L’université de Ouagadougou, diverses écoles "
            "primaires et maternelles et des stations d’essence sont restées fermées mardi.\nSelon le ministre "
            "burkinabé du Travail et de la sécurité sociale, Jérôme Bougouma, le gouvernement a réagi, fait des "
            "propositions et exprimé le vœu de poursuivre les discussions avec les syndicats. « L’Afrique doit "
            "redoubler d’effort et rechercher, dans la solidarité, dans la réflesion, des solutions à des "
            "problèmes qui sont (…) des problèmes structurels, que nous allons traîner pendant une vingtaine "
            "d’années », a souligné M. Bougouma.")

# Wikinews (fr), 2 February 2008 (dev set AC): a subordinate clause with its own report, a leading gerund
TCHAD = ("Les rebelles tchadiens ont pénétré ce samedi dans le sud de N'Djaména, la capitale du pays. Alors "
         "qu'un porte-parole des groupes rebelles, Abderamane Koullamalah, affirme qu'ils sont « en train de "
         "sécuriser la ville », un ministre a assuré que l'armée contrôlait toujours la capitale.\nParti du "
         "Soudan lundi dernier, les rebelles entendent renverser le président Idriss Déby Itno. Selon l'AFP, "
         "citant une source militaire française, ils seraient environ 2 000, armés de mitrailleuses, de "
         "lance-roquettes et de fusils d'assaut.\nPrécisant que « Les rebelles indiquent qu'ils n'est pas "
         "question de porter atteinte à la sécurité de nos concitoyens », le ministre français de la "
         "Défense, Hervé Morin a estimé que 200 personnes ressortissants français et étrangers souhaitaient "
         "être évacuées (vers Libreville au Gabon). Si Hervé Morin avait souhaité que la France (dont le "
         "Tchad est une ancienne colonie) garde sa neutralité, le ministre français des Affaires étrangères "
         "Bernard Kouchner a indiqué qu'il soutenait « la légalité » et non « une attaque brutale contre un "
         "président élu ».")

# EESC news, 9 February 2016 (dev set AC): "en faisant valoir que"
PAVLO = ("Ce mardi 9 février, le président du Comité économique et social européen, M. Georges Dassis, a été "
         "reçu par le président de la République grecque, M. Prokopis Pavlopoulos, qui a mis l'accent sur "
         "l'importance historique du Comité économique et social européen mais aussi sur le rôle spécifique "
         "qu'il joue, en faisant valoir qu'il avait été créé «pour rappeler le visage social de l'Union "
         "européenne et constitue un des piliers essentiels de toute la construction européenne».")


def test_a_plural_sie_is_the_group_before_and_an_appeal_takes_its_object(de_pipeline) -> None:
    quotes, _ = enrich(de_pipeline, "de", GOLF)
    assert said(quotes, "Deeskalation") == [("EU-Außenministerinnen und ‑minister", "indirect")]
    assert said(quotes, "Die Außenminister haben") == [("Federica Mogherini", "direct")]  # the name line signs it
    quotes, _ = enrich(de_pipeline, "de", TERROR)
    assert said(quotes, "Terrorismusbekämpfung die höchste") == [("Außenministerinnen und ‑minister", "indirect")]


def test_the_noun_phrase_before_the_auxiliary_is_the_plural_subject(de_pipeline) -> None:
    quotes, _ = enrich(de_pipeline, "de", LIBYEN)
    assert said(quotes, "konzertierte Maßnahmen") == [("Die EU-Außenminister", "indirect")]  # not "Freitag"


def test_zum_ausdruck_bringen_reports_and_long_subjects_take_konjunktiv(de_pipeline) -> None:
    quotes, _ = enrich(de_pipeline, "de", SOFIA1)
    assert said(quotes, "Verbreitung ihrer demokratischen Werte") == [
        ("Die Teilnehmer der hochrangigen Konferenz", "indirect")]
    assert said(quotes, "Die Förderung der Werte der EU in der Region sorge") == [
        ("Die Teilnehmer der hochrangigen Konferenz", "indirect")]
    quotes, _ = enrich(de_pipeline, "de", KOHAESION)
    assert said(quotes, "Halbzeitüberprüfungsvorschlag") == [("Cordeiro", "indirect")]  # "enthalte" is no past


def test_a_title_that_runs_to_the_full_stop_closes_with_its_holder(de_pipeline) -> None:
    quotes, _ = enrich(de_pipeline, "de", SOFIA2)
    assert said(quotes, "Die Sozialpartner spielen") == [("Ekaterina Zaharieva", "direct")]  # 'Rolle ", so die …'
    assert said(quotes, "zwei Westbalkanländer") == [("Ekaterina Zaharieva", "indirect")]


def test_an_adjective_inside_nach_auffassung_and_a_quote_without_marks(de_pipeline) -> None:
    quotes, _ = enrich(de_pipeline, "de", DEAL)
    assert [q.cue for q in quotes] == ["nach einvernehmlicher auffassung"]
    assert quotes[0].speaker.endswith("Wirtschafts- und Sozialausschusses")  # one truncated compound
    quotes, _ = enrich(de_pipeline, "de", COULON)
    assert said(quotes, "All diese Veränderungen") == [("Pierre Jean Coulon", "direct")]
    assert "Wir brauchen den politischen Willen" in next(q for q in quotes if q.kind == "direct").text


def test_de_l_avis_de_dit_que_and_an_aside_before_que(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", KABILA)
    assert said(quotes, "le débat doit avoir lieu") == [("un partisan de Jean-Pierre Bemba", "indirect")]
    assert said(quotes, "pour des raisons de sécurité") == [("Le camp de M. Kabila", "indirect")]
    assert said(quotes, "un face-à-face qui permettrait") == [("Jean-Pierre Bemba", "indirect")]


def test_a_friend_of_a_person_is_not_the_person_and_a_gerund_is_no_subject(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", PROCHE)
    assert said(quotes, "les gens veulent") == [("un habitant de Kinshasa", "indirect")]  # not "interrogé par …"
    assert said(quotes, "son camp redoute") == [("Un proche du président Kabila", "indirect")]


def test_fronted_adjuncts_long_appositions_and_ranks(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", RANCHER)
    assert said(quotes, "ne plus se battre") == [("Jean-Pierre Bemba", "indirect")]  # "demandé à … de ne plus"
    assert said(quotes, "incident isolé") == [("Didier Rancher", "indirect")]  # not Ferdinand Ferella
    assert said(quotes, "Depuis le 15 mars") == [("Didier Rancher", "indirect")]  # "le porte-parole … de la MONUC"


def test_an_office_tagged_as_an_organisation_is_its_holder(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", BAN)
    assert said(quotes, "exemple positif") == [("Ban Ki-moon", "indirect")]


def test_an_incise_after_a_quote_that_closed_its_sentence(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", BOUGOUMA)
    assert said(quotes, "Plusieurs comités syndicaux") == [("Etienne Convolbo", "indirect")]
    assert said(quotes, "le gouvernement a réagi") == [("Jérôme Bougouma", "indirect")]


def test_reports_inside_subordinate_clauses_and_leading_gerunds(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", TCHAD)
    assert said(quotes, "en train de sécuriser") == [("Abderamane Koullamalah", "direct")]
    assert said(quotes, "Les rebelles indiquent") == [("Hervé Morin", "direct")]  # "Précisant que « … », … Morin"
    assert said(quotes, "la légalité") == [("Bernard Kouchner", "direct")]  # "il" is the minister who reports
    assert not [q for q in quotes if "le ministre français" in q.text]  # the "Si" clause ends at its comma


def test_en_faisant_valoir(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", PAVLO)
    assert said(quotes, "visage social") == [("Prokopis Pavlopoulos", "direct")]


# EESC press release 32/2015 (dev set AD): a quote introduced by "Er fügte hinzu:" keeps its speaker
MALOSSE = ("\"Was derzeit auf dem Spiel steht, ist die Solidarität: mit Migranten, zwischen Mitgliedstaaten, "
           "aber auch mit Drittstaaten. Wir sollten nicht vergessen, dass einige Länder im Mittelmeerraum mehr "
           "Flüchtlinge aufgenommen haben als dies EU-Mitgliedstaaten jemals getan haben\", erklärte "
           "EWSA-Präsident Henri Malosse auf der heutigen Plenartagung in seiner Begrüßungsansprache für "
           "Dimitris Avramopoulos, den für Migration, Inneres und Bürgerschaft zuständigen EU-Kommissar. Er "
           "fügte hinzu: \"Angesichts der alltäglichen menschlichen Tragödien können wir uns keine Fehltritte "
           "erlauben. Die Europäische Kommission kann darauf zählen, dass der EWSA ihre Maßnahmen mithilfe der "
           "Zivilgesellschaft vor Ort unterstützen wird. Konkret wird der EWSA mit "
           "Nichtregierungsorganisationen zusammenarbeiten, um Aufnahmezentren im gesamten Mittelmeerraum "
           "einzurichten. Der Europäische Wirtschafts- und Sozialausschuss und die Europäische Kommission "
           "verbindet hier eine enge Partnerschaft.\" \"Ich brauche die Unterstützung des EWSA, der stets ein "
           "Vorreiter für Solidarität in unserem gemeinsamen Haus Europa gewesen ist\", erklärte Kommissar "
           "Avramopoulos.")

# EIB news, 12 April 2017 (dev set AD): "seiner Ansicht nach", "sagte er und forderte"
HOYER = ("„Der Brexit verdeutlicht das Ausmaß der EU-Verdrossenheit“, so Präsident Hoyer. „So mancher "
         "Europäer dürfte die Union und die Werte, für die sie steht, als selbstverständlich betrachtet "
         "haben.“ Doch seiner Ansicht nach trägt der Multilateralismus nach wie vor maßgeblich zu einer "
         "funktionierenden Weltwirtschaft bei. „Wir brauchen in der Zukunft vor allem starke multilaterale "
         "Institutionen“, sagte er und forderte mehr Chancengleichheit und soziale Mobilität, um „den "
         "weltweiten Gegenbewegungen zu multilateral handelnden und offenen Volkswirtschaften den Wind aus "
         "den Segeln zu nehmen“.")

# EIB press release 2009-020 (dev set AD): "Dies wurde von … bekräftigt", "Nach seiner Überzeugung"
MAYSTADT = ("Die Europäische Investitionsbank wird die Investitionsprogramme europäischer Städte und Regionen "
            "zur Erhöhung der Energieeffizienz und zur Entwicklung einer nachhaltigen Energieversorgung "
            "unterstützen und finanzieren. Dies wurde von EIB-Präsident Philippe Maystadt anlässlich der "
            "Unterzeichnung der EU-Initiative „Konvent der Bürgermeister\" in Brüssel bekräftigt. Nach seiner "
            "Überzeugung besteht in städtischen Gebieten ein enormes Potenzial für Energieeinsparungen, wodurch "
            "sie erheblich zur Bekämpfung des Klimawandels beitragen könnten.")

# EIB press release 2009-014 (dev set AD): a "Vizepräsident" is no "Präsident", "den Präsidenten"
NAPOLITANO = ("EIB-Präsident Philippe Maystadt und der für Finanzierungen in Italien, Malta und den westlichen "
              "Balkanländern zuständige EIB-Vizepräsident Dario Scannapieco begrüßten am Mittwoch, den 4. "
              "Februar, am Hauptsitz der EIB in Luxemburg den Präsidenten der Italienischen Republik Giorgio "
              "Napolitano. Dies war der erste Besuch eines italienischen Staatschefs bei der EIB seit ihrer "
              "Gründung im Jahr 1958.\n\nGiorgio Napolitano traf zunächst mit dem operativen Management der Bank "
              "zusammen und widmete sich dann - gemeinsam mit seiner Ehegattin Clio - den italienischen "
              "Mitarbeitern der EIB.\n\n“Seit ihrer Gründung fördert die EIB Vorhaben in Italien, heute eines der "
              "größten Empfängerländer von EIB-Mitteln,\" erklärte Scannapieco in seiner Begrüßungsansprache. Er "
              "hob außerdem die Bedeutung des Beitrags der italienischen Mitarbeiter hervor, die „mit dem aus "
              "einer starken nationalen Identität rührenden Engagement tätig sind und leidenschaftlich zur "
              "Realisierung des Projekts eines erweiterten und vereinigten Europas beitragen.\" \n\nIn seiner "
              "Ansprache bemerkte der italienische Präsident, dass er mit seinem Besuch „eine historische "
              "europäische Institution würdigen möchte“.")

# VOA Afrique, 19 February 2010 (dev set AD): a correspondent as source, a report before a gerund's
NIGER = ("Le calme règne au Niger au lendemain du coup d’Etat qui a renversé le président Mamadou Tandja. "
         "Selon le correspondant de la VOA, les bureaux gouvernementaux et les banques ont rouvert "
         "normalement vendredi. Les marchés grouillent de monde et les transports en commun opèrent comme à "
         "l’accoutumée.\n\nLe chef d’escadron Salou Djibo a pris la tête du Conseil suprême pour la "
         "restauration de la démocratie mis en place après le coup de force de jeudi. Dans une déclaration "
         "écrite, les responsables du putsch disent avoir dissout le gouvernement, précisant que les "
         "secrétaires généraux des ministères expédient les affaires courantes.")

# same story: a time adverbial between the verb and a long title closing with the name
DIOP = ("La Communauté économique des Etats de l’Afrique de l’Ouest (CEDEAO) a condamné le putstch. "
        "L'organisation « regrette évidemment l’interruption du dialogue et condamne cette tentative de "
        "changement du pouvoir par des moyens anticonstitutionnels, par la violence », a déclaré, jeudi, sa "
        "commissaire au Développement humain et au genre et porte-parole, Adrienne Diop.")

# VOA Afrique, December 2011 (dev set AD): "notre correspondant", "se disant convaincus que"
CENI = ("Selon notre correspondant sur place, la CENI a crédité M. Kabila de plus de 1,5 millions de voix, "
        "contre 996 000 voix pour Tshisekedi.\n\nL'opposant historique Etienne Tshisekedi (Bukavu, novembre "
        "2011)\n\nLe président sortant Joseph Kabila fait face à 10 challengers dont trois ont réclamé "
        "l’annulation du scrutin. Cependant, M. Tshisekedi et Vital Kamerhe de l’UNC (Union pour la nation "
        "congolaise), deux des principaux leaders de l’opposition, ont décidé d’accepter la poursuite du "
        "processus, tout en se disant convaincus que le président Kabila ne sera pas réélu.")

# Wikinews (fr), 15 February 2012 (dev set AD): "Pour X « … »", an object between the verb and the name
LEPAGE = ("Eva Joly explique qu'« il faut que nous chassions Nicolas Sarkozy de l'Élysée », qu'il est « dans "
          "le déni du bilan de son mandat », pour Mme Joly, « une France forte est une France juste ». Pour "
          "Corinne Lepage « Sarkozy ne nous a rien appris et nous n'avons rien oublié ».\n  • 20 h 32. - Le "
          "discours de François Hollande se termine sur La Marseillaise.\n  • 20 h 07. - « Oui, je suis "
          "candidat à l'élection présidentielle » déclare sur TF1 Nicolas Sarkozy.")

# VOA Afrique, 24 January 2007 (dev set AE): an office seat, a second report, an inverted incise
UNION = ("Le président George Bush a défendu sa décision d’envoyer 21 500 soldats supplémentaires en Irak. "
         "Il a demandé le soutien de tous les parlementaires à sa nouvelle stratégie. « Notre pays poursuit "
         "une nouvelle stratégie en Irak et je vous demande de lui donner une chance de réussir. Et je vous "
         "demande de soutenir nos troupes sur le terrain et celles qui sont en route. Aujourd’hui il est "
         "encore en notre pouvoir de forger l’issue de la bataille », a souligné le président Bush, en "
         "exhortant les parlementaires à faire preuve de détermination.\n\nLe chef de la Maison Blanche a "
         "rappelé que le Congrès avait voté majoritairement en faveur de l’intervention en Irak et il a "
         "souligné que les Etats-Unis ne pouvaient pas se permettre un échec dans cette guerre. Les "
         "conséquences seraient douloureuses, a-t-il dit, ajoutant que si les forces américaines se retirent "
         "avant que Bagdad soit sécurisé, le gouvernement irakien serait renversé par des extrémistes de "
         "tous bord.")

# VOA Afrique, 21 February 2008 (dev set AE): a newsroom's envoy, a man's office
LIBERIA = ("Le président George Bush termine aujourd’hui, au Liberia, sa tournée dans cinq pays africains. Il "
           "s’entretiendra avec son homologue libérienne Ellen Johnson Sirleaf et prononcera ce qui est "
           "considéré par les responsables américains comme le plus important discours de son périple "
           "africain, rapporte l’envoyé spécial de la VOA, Nicolas Colombant.\n\nLe Liberia est, pour l’heure, "
           "le seul pays africain à avoir officiellement offert d’accueillir le quartier général d’Africom, le "
           "nouveau commandement militaire régional des Etats-Unis pour l’Afrique. Ce dossier fera "
           "certainement partie de ceux qui seront discutés jeudi par le président Bush et Mme Johnson "
           "Sirleaf, a indiqué notre envoyé spécial à Monrovia.\n\nLors de la précédente étape, au Ghana, le "
           "président américain a évoqué la lutte contre le SIDA mais aussi l’Africom, le nouveau commandement "
           "militaire américain pour l’Afrique. M. Bush s’est entretenu avec son homologue ghanéen John Kufuor "
           "à Osu Castle, le siège du gouvernement à Accra.\n\nDans leur conférence de presse conjointe, M. "
           "Bush a mentionné les progrès accomplis par le Ghana dans la lutte contre le sida. Il a réitéré son "
           "appel au congrès américain pour que ce dernier porte à un total de 30 milliards de dollars sur 5 "
           "ans le montant du PEPFAR, le programme d’urgence anti-sida financé par les Etats-Unis. « L’une de "
           "mes motivations pour soumettre au Congrès une importante requête en faveur d’un grand programme de "
           "lutte contre le VIH-SIDA est ma conviction qu’il est inacceptable d’assister sans rien faire à "
           "l’éradication des populations », a déclaré le chef de l’exécutif américain.")

# VOA Afrique, 10 May 2006 (dev set AE): a leading gerund, "la chef de la diplomatie", "a fait remarquer"
RICE = ("La secrétaire d’Etat Condoleezza Rice a exhorté, mardi, le Conseil de sécurité de l’ONU à saisir "
        "l’opportunité offerte par l’accord de paix d’Abuja pour agir et mettre un terme à la crise "
        "humanitaire au Darfour. S’adressant à une session ministérielle spéciale du Conseil, Mme Rice a "
        "déclaré que la présence de deux millions et demi de déplacés du Darfour dans des camps au Sudan et "
        "au Tchad constitue un grave défi humanitaire.\nLes attaques des milices pro-gouvernementales "
        "soudanaises ont fait de dizaines de milliers de morts; ce qui a amené les Etats-Unis à qualifier "
        "de génocide cette campagne de violence gratuite, a-t-elle rappelé. Soulignant que Washington "
        "demeure le premier donateur pour le Darfour, la chef de la diplomatie américaine a dit que la "
        "situation dans cette région constitue un test pour toute la communauté internationale.\n« Le "
        "triste sort des habitants du Darfour doit émouvoir la conscience de tout être humain, mais la "
        "conscience à elle seule ne peut pas nourrir des gens affamés, sauver des vies innocentes ou "
        "ramener la paix dans des régions en proie à la violence, » a fait remarquer Mme Rice.")


def test_a_colon_introduction_keeps_its_quote_and_possessive_views(de_pipeline) -> None:
    quotes, _ = enrich(de_pipeline, "de", MALOSSE)
    assert said(quotes, "Angesichts der alltäglichen") == [("Henri Malosse", "direct")]  # not the next speaker's
    quotes, _ = enrich(de_pipeline, "de", HOYER)
    assert said(quotes, "trägt der Multilateralismus") == [("Hoyer", "indirect")]  # "seiner Ansicht nach"
    assert said(quotes, "den weltweiten Gegenbewegungen") == [("Hoyer", "direct")]  # "sagte er und forderte"


def test_a_passive_with_dies_and_nach_seiner_ueberzeugung(de_pipeline) -> None:
    quotes, _ = enrich(de_pipeline, "de", MAYSTADT)
    assert said(quotes, "Die Europäische Investitionsbank wird") == [("Philippe Maystadt", "indirect")]
    assert said(quotes, "enormes Potenzial") == [("Philippe Maystadt", "indirect")]


def test_a_vice_president_is_no_president(de_pipeline) -> None:
    quotes, _ = enrich(de_pipeline, "de", NAPOLITANO)
    assert said(quotes, "historische europäische Institution") == [("Giorgio Napolitano", "indirect")]


def test_correspondents_infinitives_before_gerunds_and_closing_names(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", NIGER)
    assert said(quotes, "les bureaux gouvernementaux") == [("le correspondant de la VOA", "indirect")]
    assert said(quotes, "avoir dissout le gouvernement") == [("les responsables du putsch", "indirect")]
    quotes, _ = enrich(fr_pipeline, "fr", DIOP)
    assert said(quotes, "regrette évidemment") == [("Adrienne Diop", "direct")]
    quotes, _ = enrich(fr_pipeline, "fr", CENI)
    assert said(quotes, "la CENI a crédité") == [("notre correspondant", "indirect")]
    assert [q.cue for q in quotes if "ne sera pas réélu" in q.text] == ["dire"]  # "se disant convaincus que"


def test_pour_before_a_quote_and_a_name_past_the_object(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", LEPAGE)
    assert said(quotes, "rien appris") == [("Corinne Lepage", "direct")]  # not "Corinne Lepage « Sarkozy"
    assert said(quotes, "je suis candidat") == [("Nicolas Sarkozy", "direct")]


def test_offices_second_reports_and_inverted_incises(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", UNION)
    assert said(quotes, "le Congrès avait voté") == [("George Bush", "indirect")]  # "Le chef de la Maison Blanche"
    assert said(quotes, "les Etats-Unis ne pouvaient pas") == [("George Bush", "indirect")]
    assert said(quotes, "Les conséquences seraient douloureuses") == [("George Bush", "indirect")]
    assert said(quotes, "si les forces américaines se retirent") == [("George Bush", "indirect")]
    quotes, _ = enrich(fr_pipeline, "fr", LIBERIA)
    assert said(quotes, "Il s’entretiendra") == [("Nicolas Colombant", "indirect")]
    assert said(quotes, "Ce dossier fera") == [("Nicolas Colombant", "indirect")]  # "notre envoyé spécial"
    assert said(quotes, "L’une de mes motivations") == [("George Bush", "direct")]  # not Ellen Johnson Sirleaf


def test_a_leading_gerund_speaks_for_the_main_clause(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", RICE)
    assert said(quotes, "Washington demeure") == [("Rice", "indirect")]
    assert said(quotes, "un test pour toute") == [("Rice", "indirect")]  # "la chef de la diplomatie américaine"
    assert said(quotes, "Le triste sort") == [("Rice", "direct")]  # "a fait remarquer Mme Rice"


# EESC press release on the 2021-27 budget, 2018 (dev set AF): brackets in the adjuncts, a modal before the
# incise, "mehr denn je"
OETTINGER = ("In diesem bedeutsamen Moment betonte der EWSA in der Debatte mit Günther Oettinger (dem für "
             "Haushalt und Personal zuständigen Mitglied der Europäischen Kommission) auf seiner Plenartagung, "
             "dass der künftige Haushalt auf diese Herausforderungen zugeschnitten sein muss, und plädierte für "
             "eine ehrgeizige Zusage seitens der Mitgliedstaaten von mindestens 1,3 % des "
             "Bruttonationaleinkommens (BNE) für den nächsten Finanzrahmen. Von einer Einigung über eine solide "
             "Mittelausstattung für 2021-2027 vor der Europawahl im Mai 2019 würde ein wichtiges politisches "
             "Signal ausgehen. Sie würde zudem gewährleisten, dass wichtige Ausgabenprogramme unverzüglich "
             "anlaufen können.\nZu Beginn der Debatte ging EWSA-Präsident Luca Jahier auf die schwierigen "
             "Umstände ein, unter denen die Europäische Kommission den Haushaltsplan aufstellen musste. Seiner "
             "Ansicht nach, greife der Haushaltsplan allerdings nicht weit genug. Wir brauchen einen robusten "
             "Haushalt, wenn wir vor den Wahlen 2019 eine Botschaft der Hoffnung, der Zuversicht und des "
             "Optimismus für Europa und die Zukunft der Europäerinnen und Europäer aussenden wollen,\nsagte er. "
             "Ein ehrgeiziger Haushalt wäre nun mehr denn je nötig.")

# EESC info, February 2024 (dev set AF): a coordinated "und forderte … auf, … zu"
BLUE = ("Der Sonderberichterstatter der Vereinten Nationen, Pedro Arrojo Agudo, betonte, dass "
        "Wasserknappheit und Klimawandel keine Grenzen kennen, und forderte die EU auf, bei der Suche nach "
        "einer globalen Lösung der Wasserkrise voranzugehen.")

# VOA Afrique, 4 December 2009 (dev set AF): a regnal number closes its sentence ("Mohammed V. Pour …")
MAROC = ("Un journaliste contacté à Rabat par la VOA a indiqué que le leader guinéen sera soigné à l’hôpital "
         "militaire Mohammed V. Pour sa part, le ministère marocain des Affaires étrangères a annoncé, dans "
         "un communiqué, que les soins seront accordés à Moussa Dadis Camara sur des bases « strictement "
         "humanitaires. »")

# VOA Afrique, 24 November 2006 (dev set AF): "recommandé que", a leading gerund's object, a minister's country
RWANDA = ("Le juge Bruguière a également recommandé que le président Kagamé lui-même soit poursuivi en "
          "rapport avec cette affaire, par le Tribunal pénal international pour le Rwanda à "
          "Arusha.\n\nExpliquant à Timothée Donangmaye la décision de son pays de rompre avec la France, le "
          "chef de la diplomatie rwandaise, Charles Murigandé, a dit qu’il ne sert à rien de maintenir des "
          "relations avec « un pays dont le gouvernement poursuit une politique de renversement, sinon de "
          "destruction de notre gouvernement. » Selon le ministre rwandais des Affaires étrangères, « le juge "
          "Bruguière a amené une enquête politique, avec l’objectif qui lui avait été assigné par le "
          "gouvernement d’arriver à détruire le gouvernement rwandais, à nuire à sa réputation. »")


def test_brackets_modals_and_mehr_denn_je(de_pipeline) -> None:
    quotes, _ = enrich(de_pipeline, "de", OETTINGER)
    assert [q.cue for q in quotes if "zugeschnitten" in q.text] == ["betonte"]  # past the bracketed apposition
    assert said(quotes, "Wir brauchen einen robusten Haushalt") == [("Luca Jahier", "indirect")]  # no marks
    assert said(quotes, "Ein ehrgeiziger Haushalt") == [("Luca Jahier", "indirect")]  # "je" is no "I" here


def test_a_coordinated_appeal_shares_the_subject(de_pipeline) -> None:
    quotes, _ = enrich(de_pipeline, "de", BLUE)
    assert said(quotes, "keine Grenzen kennen") == [("Pedro Arrojo Agudo", "indirect")]
    assert said(quotes, "globalen Lösung der Wasserkrise") == [("Pedro Arrojo Agudo", "indirect")]


def test_a_regnal_number_ends_the_sentence(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", MAROC)
    assert said(quotes, "les soins seront accordés") == [("le ministère marocain des Affaires étrangères", "indirect")]


def test_recommends_a_gerund_object_and_a_ministers_country(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", RWANDA)
    assert [q.cue for q in quotes if "Kagamé lui-même" in q.text] == ["recommander"]
    assert said(quotes, "il ne sert à rien") == [("Charles Murigandé", "indirect")]  # not "la décision …"
    assert said(quotes, "une enquête politique") == [("Charles Murigandé", "direct")]  # "le ministre rwandais …"
