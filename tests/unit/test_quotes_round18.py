"""Round 18: noun phrases stating what was said ("a fait part de sa tristesse de …", "a insisté sur la nécessité
de …"), requests and accusations with an infinitive ("appelle X, Y, à façonner", "invite … à utiliser",
"accusé … d'avoir augmenté"), a second report coordinated with its own pronoun ("… et il a indiqué qu’…"), a relative
clause about a source ("selon X, qui ajoute que …") and a relative clause the parser hung on the main verb ("par plus
de 60% des Français, déçus, qui estiment …"). Sentences are verbatim from the published articles (source in each
comment); where a pronoun needs its antecedent, the stored article is enriched whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from streams.config import Settings
from streams.enrich.nlp import _unaccented, cue_stems, cue_words
from streams.enrich.pipeline import Enricher
from streams.enrich.reported import ACCUSE

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def enricher() -> Enricher:
    """The enrichment as it runs (parser on the sentences with quote marks or cues only)."""
    return Enricher(Settings())


def quotes_of(enricher: Enricher, text: str, lang: str = "fr") -> list[tuple[str | None, str, str]]:
    out = enricher.enrich_message({"id": "t", "text": text, "language": lang})
    return [(q["speaker"], q["kind"], q["text"]) for q in out["quotes"]]


def stored(enricher: Enricher, dev_set: str, article: str) -> list[tuple[str | None, str, str]]:
    raw = json.loads((DATA / dev_set / "raw" / f"{article}.json").read_text("utf-8"))
    out = enricher.enrich_message(raw)
    return [(q["speaker"], q["kind"], q["text"]) for q in out["quotes"]]


def starting(quotes: list[tuple[str | None, str, str]], words: str) -> list[tuple[str | None, str]]:
    return [(s, k) for s, k, t in quotes if t.startswith(words)]


# Wikinews (fr), US Navy drone seized by China, December 2016 (dev set D)
CHINA = ("Les États-Unis ont accusé la Chine de militariser la mer de Chine méridionale. De son côté, la Chine a "
         "accusé les États-Unis d'avoir augmenté le nombre de navires de patrouille et d’exercices en Asie.")

# European Committee of the Regions, Ursula von der Leyen elected, July 2019 (dev set AJ)
LAMBERTZ = ("Le président Lambertz appelle la présidente élue de la Commission, Ursula von der Leyen, à façonner "
            "l’avenir de l’Europe en coopération avec ses villes et ses régions.")

# Wikinews (fr), SNCF strike and car-sharing, 2016 (dev set S)
PEPY = ("M. Pepy invite donc les usagers touchés par la grève à utiliser le site internet autostop-citoyen.fr .")

# Wikinews (fr), Antwerp car attack, March 2017 (dev set V)
ANTWERP = ("L'homme était ivre au moment de son acte. Après avoir été interpellé, il a été placé en cellule de "
           "dégrisement et semblait ne toujours pas avoir été entendu ce matin du fait de son état, selon la source "
           "française proche de l’enquête, qui ajoute que le suspect avait déjà passé la nuit de mercredi à jeudi en "
           "cellule de dégrisement après un différend familial avec sa compagne ou ex-compagne résidant à Anvers.")

# Wikinews (fr), Hamon wins the socialist primary, January 2017 (dev set Y)
PRIMARY = ("L'organisation de la primaire est aussi pointée du doigt par plus de 60% des Français, déçus, qui estiment "
           "qu'elle n'a pas respecté les règles de la transparence et que le scrutin a été mal organisé.")


def test_an_accusation_with_a_perfect_infinitive(enricher) -> None:
    # "d'avoir augmenté": the clause is headed by the participle, not by its auxiliary
    quotes = quotes_of(enricher, CHINA)
    assert [k for _, k, t in quotes if t.startswith("avoir augmenté le nombre de navires")] == ["indirect"]


def test_an_appeal_whose_object_carries_an_apposition(enricher) -> None:
    # "la présidente élue de la Commission, Ursula von der Leyen, à façonner": a participle and commas on the way
    assert starting(quotes_of(enricher, LAMBERTZ), "façonner l’avenir") == [("Lambertz", "indirect")]


def test_an_invitation_to_act_is_reported(enricher) -> None:
    assert starting(quotes_of(enricher, PEPY), "utiliser le site internet") == [("Pepy", "indirect")]


def test_an_invitation_in_a_letter_names_its_writer(enricher) -> None:
    # VOA Afrique, Africa celebrates Obama's election, November 2008 (dev set AF): "il l’a invité à inclure …"
    quotes = stored(enricher, "devaf", "voa-fr-afrique-liesse-election-obama")
    assert starting(quotes, "inclure la lutte contre la pauvreté") == [("Nelson Mandela", "indirect")]


def test_a_second_report_with_its_own_pronoun(enricher) -> None:
    # EIB, Werner Hoyer meets Kaïs Saïed, June 2021 (dev set AJ): "M. Hoyer a rappelé que la BEI … est présente en
    # Tunisie depuis plus de 40 ans et il a indiqué qu’elle continuera à soutenir la Tunisie …"
    quotes = stored(enricher, "devaj", "eib-fr-hoyer-saied-tunisie")
    first = [t for s, _, t in quotes if t.startswith("la BEI, banque de l’Union européenne")]
    assert first and all("il a indiqué" not in t for t in first)
    assert starting(quotes, "elle continuera à soutenir la Tunisie") == [("Werner Hoyer", "indirect")]


def test_a_relative_clause_about_the_source_adds_a_report(enricher) -> None:
    quotes = quotes_of(enricher, ANTWERP)
    source = "la source française proche de l’enquête"
    assert [(s, k) for s, k, t in quotes if t.endswith("du fait de son état")] == [(source, "indirect")]
    assert starting(quotes, "le suspect avait déjà passé la nuit") == [(source, "indirect")]


def test_a_relative_clause_hung_on_the_main_verb_names_the_phrase_before_its_comma(enricher) -> None:
    quotes = quotes_of(enricher, PRIMARY)
    assert starting(quotes, "elle n'a pas respecté les règles") == [("plus de 60% des Français", "indirect")]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_accusation_or_request_verb_sends_its_sentence_to_the_parser(lang: str) -> None:
    # the rule needs the parse; a form the cue scope does not know would leave its sentence untagged
    cues, stems = cue_words(lang), cue_stems(lang)
    assert sorted(w for w in ACCUSE[lang] if w not in cues and not stems.match(_unaccented(w))) == []


# EESC, farewell to the British members, January 2020 (dev set AD)
JENKINS = ("Invité à la cérémonie, Tom Jenkins, président du CESE de 1996 à 1998, a fait part de sa tristesse de "
           "perdre très bientôt sa citoyenneté européenne.")

# Wikinews (fr), Nathalie Kosciusko-Morizet enters the primary, 2016 (dev set L)
NKM = ("Nathalie Kosciusko-Morizet officialise aujourd'hui sa candidature pour la primaire de la droite et du centre. "
       "Elle annoncera sa candidature ce soir, dans le journal de 20h de TF1, puis elle se réunira ensuite avec ses "
       "supporters dans un café parisien pour y présenter son programme.")


def test_a_noun_phrase_stating_what_was_said(enricher) -> None:
    # "a fait part de sa tristesse de …": the object is the content of the statement
    assert starting(quotes_of(enricher, JENKINS), "sa tristesse de perdre") == [("Tom Jenkins", "indirect")]
    # "M. Hoyer a réitéré la prédisposition de la BEI …", "… a également insisté sur la nécessité d’accélérer …"
    quotes = stored(enricher, "devaj", "eib-fr-hoyer-saied-tunisie")
    assert starting(quotes, "la prédisposition de la BEI") == [("Werner Hoyer", "indirect")]
    assert starting(quotes, "la nécessité d’accélérer") == [("Werner Hoyer", "indirect")]


def test_an_announced_event_is_no_report(enricher) -> None:
    # "annoncera sa candidature ce soir, dans le journal de 20h": what she will do, not what she says
    assert quotes_of(enricher, NKM) == []


# Wikinews (fr), Ban Ki-moon and Burundi, 13 October 2016 (dev set AP): "a" for "à", and a name the model ran into
# the acronym before it ("l'ONU Ban Ki-Moon")
BURUNDI = ("13 octobre 2016 . – Le secrétaire général de l'ONU Ban Ki-Moon appelle le Burundi a renouer avec les "
           "Nations-Unies .\n\nLe secrétaire général appelle le gouvernement du Burundi à continuer son dialogue avec "
           "le Haut-Commissariat des Nations unies aux droits de l'homme alors même que le gouvernement a annoncé de "
           "son côté cesser toute collaboration avec le bureau de l'ONU à Bujumbura .")


def test_an_appeal_with_a_mistyped_preposition_and_a_role_named_by_its_holder(enricher) -> None:
    out = enricher.enrich_message({"id": "t", "text": BURUNDI, "language": "fr"})
    entities = {(e["text"], e["label"]) for e in out["entities"]}
    assert ("Ban Ki-Moon", "PER") in entities and ("ONU", "ORG") in entities
    quotes = [(q["speaker"], q["kind"], q["text"]) for q in out["quotes"]]
    assert starting(quotes, "renouer avec les Nations-Unies") == [("Ban Ki-moon", "indirect")]
    assert starting(quotes, "continuer son dialogue") == [("Ban Ki-moon", "indirect")]
    # "… alors même que le gouvernement a annoncé de son côté cesser …": a contrast without a comma ends the appeal
    # and starts the government's report, past its discourse adverbial
    assert [t for _, _, t in quotes if t.startswith("continuer")] == [
        "continuer son dialogue avec le Haut-Commissariat des Nations unies aux droits de l'homme"]
    assert starting(quotes, "cesser toute collaboration") == [("le gouvernement", "indirect")]


# Wikinews (fr), Paris refuse collectors' strike, June 2016 (dev set W); US-led strikes in Mosul, March 2017 (dev set Z)
SYCTOM = ("Le Syctom, quant à lui, n’a confirmé que le blocage de l’usine d’Ivry-sur-Seine, qui dure depuis le 30 mai, "
          "reconnaissant cependant que le mouvement avait tendance à s’étendre.")
MOSUL = "Les États-Unis ne confirment pour leur part que la mort que de 220 civils."


def test_ne_que_is_only_and_a_participle_after_a_comma_shares_the_main_subject(enricher) -> None:
    quotes = quotes_of(enricher, SYCTOM)
    assert [(s, t) for s, _, t in quotes] == [("Le Syctom", "le mouvement avait tendance à s’étendre")]
    assert quotes_of(enricher, MOSUL) == []
    # but a participle the parser made the sentence's root keeps the subject it took (dev set AR, the 500-euro note)
    quotes = stored(enricher, "devar", "wikinews-fr-billet-500-euros-bce")
    speakers = [s for s, _, t in quotes if t.startswith("elle ne soit que le début")]
    assert len(speakers) == 1 and (speakers[0] or "").startswith("L' Autriche")  # (its coordination is cut short)


# Wikinews (fr), the end of the 500-euro note, May 2016 (dev set AR)
NOTE_500 = ("Le ministre des Finances françaises, Michel Sapin , affirmait récemment que ce « billet de 500 euros est "
            "plus utilisé pour dissimuler que pour acheter » . De son côté, le responsable des institutions "
            "financières d' Europol , Igor Angelini, s'interrogeait « pourquoi y a-t-il tant de billets de 500 euros "
            "en circulation, alors que plus de la moitié des citoyens de l’UE n’en a jamais vu ? Il y a forcément une "
            "anomalie » .")

# Wikinews (fr), Michael Flynn resigns, February 2017 (dev set AT)
FLYNN = ("Joseph Kellogg , ancien général, assure l'intérim et, selon Reuters , David Petraeus , ancien directeur de "
         "la CIA , sera probablement son successeur.")

# Wikinews (fr), Fidel Castro's death, November 2016 (dev set AR)
CASTRO = ("Fidel Castro est mort à l'âge de 90 ans, vendredi soir, à La Havane . Son frère Raúl Castro , qui lui a "
          "succédé au pouvoir, a annoncé son décès en lisant une déclaration à la télévision nationale. Il a terminé "
          "sa déclaration par la célèbre maxime du père de la révolution cubaine : « Jusqu'à la victoire, toujours ! »")


def test_a_described_speaker_named_in_the_apposition_after_it(enricher) -> None:
    quotes = quotes_of(enricher, NOTE_500)
    assert [s for s, _, t in quotes if "plus utilisé pour dissimuler" in t] == ["Michel Sapin"]
    assert [s for s, _, t in quotes if t.startswith("pourquoi y a-t-il")] == ["Igor Angelini"]
    # an outlet is no description: the name after "selon Reuters ," is what Reuters reports about
    assert [s for s, _, t in quotes_of(enricher, FLYNN) if "son successeur" in t] == ["Reuters"]


def test_a_subject_with_its_relative_clause_is_no_quote_before_an_incise(enricher) -> None:
    # "Son frère Raúl Castro , qui lui a succédé au pouvoir, a annoncé son décès": the main verb, not an inversion
    quotes = quotes_of(enricher, CASTRO)
    assert all(not t.startswith("Son frère") for _, _, t in quotes)
    assert starting(quotes, "Jusqu'à la victoire") == [("Raúl Castro", "direct")]


# Wikinews (fr), identity checks and the Constitutional Council, January 2017 (dev set AT): "rappelle" tagged a
# past participle
COUNCIL = ("Le Conseil constitutionnel rappelle que la recherche des auteurs d’infractions est un « objectif de valeur "
           "constitutionnel » et que les procédures de contrôle d’identité peuvent être légitimes.")

# Wikinews (fr), Yahya Jammeh and the Gambian treasury, January 2017 (dev set AT)
GAMBIA = ("Plus tard dans la journée, un porte-parole d'A. Barrow, Halifa Sannah, a déclaré lors d'une conférence de "
          "presse que les caisses de la banque centrale gambienne étaient « intactes » .")

# Wikinews (fr), Hamon and Mélenchon, February 2017 (dev set AT)
HAMON = ("Dès le 1 er février, le candidat de la France insoumise avait posé sur sa chaine YouTube des conditions "
         "avant la formation d'une éventuelle alliance.\n\nLe 17 février, Benoît Hamon est entré en contact avec "
         "Jean-Luc Mélenchon. Mais dès le 18 février, soit à peine une journée plus tard, le candidat socialiste "
         "indique que les négociations ont échoué.")


def test_a_present_tense_form_tagged_as_a_participle_still_reports(enricher) -> None:
    assert [k for _, k, t in quotes_of(enricher, COUNCIL) if t.startswith("la recherche des auteurs")] == ["indirect"]


def test_a_spokesperson_named_after_the_person_they_speak_for(enricher) -> None:
    # "un porte-parole d'A. Barrow, Halifa Sannah, a déclaré": the spokesperson speaks, not Barrow
    assert [s for s, _, t in quotes_of(enricher, GAMBIA) if t.startswith("les caisses")] == ["Halifa Sannah"]


def test_a_candidate_is_no_body_named_before(enricher) -> None:
    # "le candidat socialiste" is not the "candidat de la France insoumise" of the paragraph before (nor the party)
    speakers = [s for s, _, t in quotes_of(enricher, HAMON) if t.startswith("les négociations")]
    assert speakers and speakers[0] not in ("candidat de la France insoumise", "Parti socialiste")


# Wikinews (fr), unemployment up in August 2016 (dev set AS); cheques valid for six months, June 2016 (dev set AS)
KHOMRI = ("Ce dernier chiffre a permis à la ministre du travail Myriam El Khomri de déclarer que « l’inversion de la "
          "courbe est là ».")
CHEQUES = ("Jean-Luc Laurent ( PS ), a lui cherché en vain à rétablir la validité de douze mois, s’opposant à « une "
           "disparition progressive du chèque » et mettant en avant l’utilisation « massive » de ce moyen de paiement, "
           "qui est « l’apanage de personnes qui n’ont pas accès aux moyens de paiement numériques ou nourrissent une "
           "suspicion à leur égard » .")


def test_the_person_a_verb_lets_speak_says_it(enricher) -> None:
    # "a permis à X de déclarer que": X speaks, not the subject of "permettre"
    assert [s for s, _, t in quotes_of(enricher, KHOMRI) if t.startswith("l’inversion")] == ["Myriam El Khomri"]


def test_a_name_the_parser_cut_off_as_a_verbless_sentence_is_the_subject(enricher) -> None:
    assert [s for s, _, t in quotes_of(enricher, CHEQUES) if t.startswith("l’apanage")] == ["Jean-Luc Laurent"]


# Wikinews (fr): Kolkata flyover collapse, March 2016 (dev set AQ); Swaziland renamed, 2018 (dev set AO); HI-SEAS, 2016
# (dev set AS)
SOURCES = ["Selon un ouvrier du chantier, des boulons se sont mis à sortir des poutres en cours d'installation peu "
           "avant l'incident.",
           "Selon le journal officiel, le gentilé est désormais « Liswati » au singulier et « Emaswati » au pluriel.",
           "La monotonie de l’habitation est, selon les volontaires, ce qui est le plus difficile dans cette aventure."]


@pytest.mark.parametrize(("text", "source"), list(zip(SOURCES, ["un ouvrier du chantier", "le journal officiel",
                                                                "les volontaires"], strict=True)))
def test_people_and_newspapers_are_sources_after_selon(enricher, text: str, source: str) -> None:
    assert [(s, k) for s, k, _ in quotes_of(enricher, text)] == [(source, "indirect")]


def test_a_second_subject_after_et_and_a_far_que_the_parser_hung_as_a_relative(enricher) -> None:
    # Wikinews (fr), Flynn resigns (dev set AT): "… de la Russie et les démocrates avaient demandé lundi, au Congrès,
    # que …" — the second report is the Democrats'
    quotes = stored(enricher, "devat", "wikinews-fr-flynn-demission")
    assert starting(quotes, "Flynn soit renvoyé") == [("les démocrates", "indirect")]
    assert all("les démocrates avaient demandé" not in t for _, _, t in quotes)
    # Wikinews (fr), Bayrou joins Macron (dev set AU): "a annoncé plus tard dans la journée qu'il acceptait …"
    quotes = stored(enricher, "devau", "wikinews-fr-bayrou-rejoint-macron")
    assert starting(quotes, "il acceptait ces conditions") == [("Emmanuel Macron", "indirect")]


# Wikinews (fr): Manuel Valls slapped, January 2017 (dev set AU); the Antwerp car attack, March 2017 (dev set V)
CHARGE = ("Il a été remis à la gendarmerie et placé en garde à vue pour « violences sur une personne chargée d’une "
          "mission de service public » .")
ANTWERP_CHARGE = ("L'homme a été inculpé pour « tentative d’assassinat à caractère terroriste, tentative de coups et "
                  "blessures à caractère terroriste et infraction à la législation sur les armes » , a annoncé "
                  "aujourd'hui le parquet fédéral de Belgique.")


def test_a_charge_in_marks_is_no_quotation_but_stays_in_the_report(enricher) -> None:
    assert quotes_of(enricher, CHARGE) == []
    # the report the charge closes keeps it ("… pour « … » , a annoncé X": a term before the incise)
    quotes = quotes_of(enricher, ANTWERP_CHARGE)
    assert [(s, k) for s, k, _ in quotes] == [("le parquet fédéral de Belgique", "indirect")]
    assert quotes[0][2].startswith("L'homme a été inculpé pour « tentative") and quotes[0][2].endswith("armes »")
