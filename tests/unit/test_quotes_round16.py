"""Round 16: a source noun scraped as "porte parole", an apposition after "D'après X", long inverted subjects,
"Après" before a noun phrase, a report in the clause after "mais il", reports that run into a causal clause, a
fixed adverbial between auxiliary and verb, the agent of a passive before a colon, an honorific between a role and
its holder, "le nouveau Président", a relative clause after the verb's object; entities: a full name the model
took for an organisation, "pro-Ouattara"; cleaning: a PDF release hard-wrapped under its letterhead. Sentences are
verbatim from the published articles (source in each comment)."""

from __future__ import annotations

from streams.enrich.clean import clean_text

from .test_quotes_devb import enrich
from .test_quotes_round15 import said

# VOA Afrique, « Laurent Gbagbo a été arrêté », 11 April 2011 (dev set AG)
GBAGBO = ("Alain Toussaint, un conseiller de Laurent Gbagbo en France a déclaré au service français de la Voix de "
          "l’Amérique que les forces spéciales françaises ont arrêté le président sortant ivoirien lundi, dans sa "
          "résidence à Abidjan. L'ambassadeur de France, Jean-Marc Simon, a confirmé cette arrestation mais il a "
          "affirmé qu’elle avait été effectuée par les forces d’Alassane Ouattara. Aucun membre du personnel "
          "onusien n’a été impliqué dans l’assaut final, a affirmé un porte parole des Nations Unies.\n\n"
          "Depuis plusieurs mois, le président sortant, refusait de céder le pouvoir à Alassane Ouattara, reconnu "
          "vainqueur de l’élection de novembre dernier par la communauté internationale. Il était retranché dans "
          "la résidence présidentielle avec un groupe de soldats le soutenant. D’après un porte parole de "
          "l’ONUCI, la mission onusienne en Côte d’Ivoire, environ 300 gardes l’entouraient.\n\n"
          "Après son arrestation Laurent Gbagbo et sa femme Simone ont été conduits à l’Hôtel Golf, le quartier "
          "général de son rival, Alassane Ouattara, a expliqué un porte parole des forces pro-Ouattara au service "
          "français de la Voix de l’Amérique.")

# EESC, CESE info 11/2019, « Le Brexit n’est qu’une étape, pas une destination finale » (dev set AH)
BARNIER = ("Michel Barnier a exposé son point de vue sur l’état d’avancement des négociations sur le Brexit aux "
           "membres du CESE et a insisté sur le fait que la Commission européenne était déterminée à conclure un "
           "retrait ordonné, étant donné que «le risque que le Brexit se produise sans accord ratifié subsiste». "
           "Il a en outre insisté sur le fait que «le Brexit n’est qu’une étape, pas une destination finale» et "
           "que le défi le plus important est à présent de reconstruire un nouveau partenariat entre l’UE et le "
           "Royaume-Uni, qui repose sur deux piliers: les échanges économiques et la coopération dans le domaine "
           "de la sécurité et de la défense.\n\n"
           "Le président du CESE, Luca Jahier, a ouvert le débat en soulignant le rôle important que les "
           "représentants de la société civile pourraient jouer dans un scénario post-Brexit.")

# EESC news, plenary of September 2017 with Jean-Claude Juncker (dev set AH)
JUNCKER = ("Le président de la Commission européenne, M. Jean-Claude Juncker, a été chaleureusement accueilli à la "
           "session plénière du Comité économique et social européen (CESE) de septembre par M. Georges Dassis, "
           "président du CESE: «Le fait que vous preniez part à notre débat montre que la société civile et le "
           "dialogue social sont importants pour vous.»\n\n"
           "«L’Europe est de retour», a déclaré M. Juncker lors de la session plénière du CESE. Le président de "
           "la Commission a également fait part de ses préoccupations aux membres du CESE et a demandé au Comité "
           "de l’aider à y répondre: «Le socle des droits sociaux est une chose à laquelle je suis très attaché.»")

# EESC press release 107/2010 as a PDF extract (dev set AD): letterhead lines, then a hard-wrapped body
NILSSON = ("Rue Belliard 99 1040 Bruxelles BELGIQUE\nTél. +32 25469396 Fax +32 25469764\nFR\n"
           "COMMUNIQUÉ DE PRESSE n° 107/2010\nLe 22 octobre 2010\n"
           "Le nouveau Président du CESE dévoile son programme\n"
           "Croissance verte durable, solidarité avec le monde en développement,\n"
           "participation plus large de la société civile à l'échelon européen: telles sont les\n"
           "trois priorités qu'a pointées pour son mandat Staffan Nilsson, Président\n"
           "nouvellement élu de l'organe consultatif qu'est le Comité économique et social\n"
           "européen.\n"
           "\"La durabilité\": tel était le fil conducteur du discours d'investiture de M. Nilsson. Il n'est "
           "possible\n"
           "de parvenir à la croissance verte dont dépend l'avenir de l'UE, et de la préserver, que si elle est\n"
           "véritablement durable et si les citoyens européens adhèrent à cette idée, a déclaré le nouveau\n"
           "Président. Rappelant les chiffres de l'ONU, qui estiment la population souffrant de sous-\n"
           "alimentation dans le monde à plus d'un milliard de personnes, il a appelé de ses vœux un meilleur\n"
           "usage des instruments et mesures existants.")


def test_porte_parole_without_hyphen_apposed_source_and_a_long_inverted_subject(fr_pipeline) -> None:
    quotes, entities = enrich(fr_pipeline, "fr", GBAGBO)
    # the source's apposition is no part of what it said
    assert [q.text for q in quotes if "300 gardes" in q.text] == ["environ 300 gardes l’entouraient"]
    assert said(quotes, "300 gardes") == [("un porte parole de l’ONUCI", "indirect")]
    # "Après" before a noun phrase opens no time clause; the inverted subject runs on past the usual incise
    reported = [q for q in quotes if "Hôtel Golf" in q.text]
    assert [q.kind for q in reported] == ["indirect"] and reported[0].speaker != "Alassane Ouattara"
    # "pro-Ouattara" names a camp, not the person
    assert not [e for e in entities if e.text == "Ouattara" and e.label == "PER"]


def test_the_clause_after_mais_il_reports_for_the_subject_before(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", GBAGBO)
    assert said(quotes, "effectuée par les forces") == [("Jean-Marc Simon", "indirect")]


def test_a_report_ends_before_its_causal_clause_and_a_fixed_adverbial_keeps_the_subject(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", BARNIER)
    assert [q.text for q in quotes if "retrait ordonné" in q.text] == [
        "la Commission européenne était déterminée à conclure un retrait ordonné"]
    assert said(quotes, "retrait ordonné") == [("Michel Barnier", "indirect")]
    assert said(quotes, "pas une destination finale") == [("Michel Barnier", "direct")]  # "Il a en outre insisté"


def test_a_relative_clause_after_the_verbs_object_is_no_report(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", BARNIER)
    assert said(quotes, "scénario post-Brexit") == []


def test_the_passive_agent_before_a_colon_and_a_role_with_an_honorific(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", JUNCKER)
    assert said(quotes, "Le fait que vous preniez part") == [("Georges Dassis", "direct")]
    # "Le président de la Commission européenne, M. Jean-Claude Juncker": the honorific keeps the role in reach
    assert said(quotes, "socle des droits sociaux") == [("Jean-Claude Juncker", "direct")]
    assert said(quotes, "l’aider à y répondre") == [("Jean-Claude Juncker", "indirect")]


def test_a_release_hard_wrapped_under_its_letterhead_is_unwrapped() -> None:
    cleaned = clean_text(NILSSON)
    assert "a déclaré le nouveau Président." in cleaned  # one sentence across the wrap
    assert "sous-alimentation" in cleaned  # a wrapped compound keeps its hyphen, without a space
    assert "Le 22 octobre 2010\n" in cleaned  # the short letterhead lines stay lines
    assert "Le nouveau Président du CESE dévoile son programme\n" in cleaned  # and the title stays apart


def test_the_new_president_is_the_person_introduced_as_president(fr_pipeline) -> None:
    quotes, entities = enrich(fr_pipeline, "fr", clean_text(NILSSON))
    assert ("Staffan Nilsson", "PER") in {(e.canonical, e.label) for e in entities}  # the model said ORG
    assert said(quotes, "croissance verte dont dépend") == [("Staffan Nilsson", "indirect")]


# VOA Afrique, State of the Union 2007 (dev set AE): an appeal in a gerund after the quote's incise
BUSH = ("« Je vous demande de soutenir nos troupes sur le terrain et celles qui sont en route. Aujourd’hui il est "
        "encore en notre pouvoir de forger l’issue de la bataille », a souligné le président Bush, en exhortant les "
        "parlementaires à faire preuve de détermination.")

# Wikinews (fr), Trump's first decrees, January 2017 (dev set U): a reflexive "s'engager à", a promise
TRUMP = ("Le président mexicain Enrique Peña Nieto a dénoncé mercredi la décision de son homologue et s’est engagé "
         "à défendre les migrants mexicains aux États-Unis.\n\nAfin de faire revenir des emplois aux États-Unis, "
         "Donald Trump a aussi promis de renégocier l' Aléna (liant le Mexique, les États-Unis et le Canada), "
         "accusé de précipiter la désindustrialisation.")

# Wikinews (fr), the CGT and the newspapers, May 2016 (dev set B): an appeal inside quote marks is part of what the
# newspaper wrote, no report of its own
CGT = ("Pour L'Opinion, il s'agit d'une « intrusion scandaleuse du syndicat dans les contenus des médias » que le "
       "journal estime comme « une atteinte à la démocratie et à la liberté de la presse » qualifiant la tribune de "
       "la CGT de « tract appelant le gouvernement à retirer la loi Travail ».")


def test_appeals_in_a_gerund_promises_and_reflexive_commitments_report(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", BUSH)
    assert said(quotes, "faire preuve de détermination") == [("Bush", "indirect")]  # (the title is no part of the name)
    quotes, _ = enrich(fr_pipeline, "fr", TRUMP)
    assert said(quotes, "défendre les migrants") == [("Enrique Peña Nieto", "indirect")]
    assert said(quotes, "renégocier l' Aléna") == [("Donald Trump", "indirect")]


def test_a_verb_of_appeal_inside_quote_marks_reports_nothing(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", CGT)
    assert said(quotes, "retirer la loi Travail") == [("L'Opinion", "direct")]  # the newspaper's quoted words only


# EESC press release 107/2010 (dev set AD): a second report after a quoted term, addressed to someone first
EUROPE2020 = ("\"La durabilité\": tel était le fil conducteur du discours d'investiture de M. Nilsson. Concernant "
              "\"Europe 2020\", il a souligné que la réussite de cette stratégie pend énormément de la participation "
              "de la société civile, et a rappelé à l'assemblée plénière que l'une des faiblesses de la stratégie de "
              "Lisbonne, ancêtre de la stratégie \"Europe 2020\", a été de ne pas réussir à rassembler autour d'elle "
              "l'ensemble des intervenants.")


def test_a_second_report_after_a_quoted_term_and_an_addressee(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", EUROPE2020)
    first = [q for q in quotes if q.text.startswith("la réussite")]
    assert [q.text for q in first] == ["la réussite de cette stratégie pend énormément de la participation de la "
                                       "société civile"]
    assert [(q.kind, q.cue) for q in quotes if q.text.startswith("l'une des faiblesses")] == [("indirect", "rappeler")]
