"""Round 20: speakers that came out as fragments ("son origine de", "L' Autriche et", "un acte terroriste selon la
police", "le DTP"), a mid-clause "selon X « … »" and a subject set off from its verb by a stray comma. Sentences are
verbatim from the published articles (source in each comment).
"""

from __future__ import annotations

import pytest

from streams.config import Settings
from streams.enrich.pipeline import Enricher
from tests.unit.test_quotes_round18 import quotes_of, starting, stored


@pytest.fixture(scope="module")
def enricher() -> Enricher:
    return Enricher(Settings())


# Wikinews (fr), the Vatican's instruction on cremation, October 2016 (dev set AP)
CREMATION = ("L'enterrement est selon l'Église « d'abord et avant tout la forme la plus appropriée pour exprimer la "
             "foi et l'espérance dans la résurrection corporelle » , tirant son origine de « l'ancienne tradition "
             "chrétienne » .")

# Wikinews (fr), the ECB stops the 500-euro note, May 2016 (dev set AR)
BANKNOTE = ("L' Autriche et, surtout, l' Allemagne , qui était à l'origine de la création de cette coupure, ont d'ores "
            "et déjà émis des avis négatifs sur cette suppression, craignant qu'elle ne soit que le début de la "
            "disparition de la monnaie physique.")

# Wikinews (fr), car driven into a crowd in Melbourne, January 2017 (dev set Y)
MELBOURNE = ("Malgré les apparences et des attentats au mode opératoire similaire ( véhicule-bélier ) survenus ces "
             "derniers mois ( à Nice le 14 juillet , à Berlin le 19 décembre ou encore à Jérusalem le 8 janvier ), il "
             "ne s'agirait cette fois pas d'un acte terroriste selon la police, qui précise que « l'individu était "
             "connu pour des violences domestiques et était recherché pour une agression à l'arme blanche [survenue] "
             "plus tôt dans la journée » .")

# Wikinews (fr), the Conseil d'État on compulsory vaccines, February 2017 (dev set Y)
VACCINES = ("En effet, depuis 2008, date à laquelle le DTP avait été « suspendu » pour cause de « complications "
            "allergiques » , sa production n'ayant jamais repris depuis, « aucun vaccin ne correspondant aux seules "
            "obligations n’est commercialisé en France » , obligeant à utiliser des vaccins combinés dits hexavalents.")

# Wikinews (fr), UNESCO resolution on Jerusalem, October 2016 (dev set AO)
UNESCO = ("Le Premier ministre israélien Benjamin Netanyahu a qualifié mardi cette décision d'« absurde » et la "
          "ministre de la Culture et des Sports Miri Regev, a demandé que les bureaux de l'UNESCO de Jérusalem soient "
          "fermés.")


def test_a_mid_clause_selon_names_the_quote_right_after_its_source(enricher) -> None:
    quotes = quotes_of(enricher, CREMATION)
    assert starting(quotes, "d'abord et avant tout") == [("l'Église", "direct")]


def test_a_present_participle_after_a_quote_is_no_incise_with_an_inverted_subject(enricher) -> None:
    quotes = quotes_of(enricher, CREMATION)
    assert all(speaker != "son origine de" for speaker, _, _ in quotes)


def test_a_coordinated_subject_keeps_its_second_conjunct_past_an_aside(enricher) -> None:
    quotes = quotes_of(enricher, BANKNOTE)
    assert starting(quotes, "elle ne soit que le début") == [("L' Autriche et l' Allemagne", "indirect")]


def test_a_relative_clause_after_a_trailing_selon_goes_on_with_its_source(enricher) -> None:
    quotes = quotes_of(enricher, MELBOURNE)
    assert starting(quotes, "l'individu était connu") == [("la police", "direct")]


def test_the_subject_of_another_clause_does_not_present_a_quote(enricher) -> None:
    quotes = quotes_of(enricher, VACCINES)
    assert [s for s, _ in starting(quotes, "aucun vaccin ne correspondant")] == [None]


def test_a_subject_set_off_from_its_verb_by_a_comma_is_still_its_subject(enricher) -> None:
    quotes = quotes_of(enricher, UNESCO)
    found = starting(quotes, "les bureaux de l'UNESCO")
    assert len(found) == 1 and found[0][1] == "indirect" and (found[0][0] or "").endswith("Miri Regev")


def test_the_king_and_the_monarch_are_the_king_introduced_by_name(enricher) -> None:
    # Wikinews (fr), Swaziland renamed eSwatini, April 2018 (dev set AO): "le Roi du Swaziland , Mswati III", then
    # "le monarque avait déclaré que …", "Le roi avait ainsi utilisé …", "le dirigeant avait souligné … : « … »"
    quotes = stored(enricher, "devao", "wikinews-fr-swaziland-eswatini")
    assert starting(quotes, "le nom de la nation") == [("Mswati III", "indirect")]
    assert starting(quotes, "Lorsque nous allons à l'étranger") == [("Mswati III", "direct")]


# VOA (en), Christopher Hill on six-party talks, 2006 (dev set Y); Wikinews (fr), North Korean submarine missile,
# January 2016 (dev set AQ): a capital speaking is its state
WASHINGTON = ("However, it has refused to return to talks, because of U.S. sanctions imposed on some of its overseas "
              "businesses.\n\nWashington contends the businesses are used to launder money and are tied to other "
              "criminal activities.")
PYONGYANG = ("Ces essais nucléaires sont pratiqués illégalement depuis mai 2015, date à laquelle Pyongyang a annoncé "
             "pour la première fois qu’il avait procédé à l’essai réussi d’un missile tiré depuis un sous-marin.")


def test_a_capital_that_speaks_is_its_state(enricher) -> None:
    assert starting(quotes_of(enricher, WASHINGTON, "en"), "the businesses are used") == [("United States", "indirect")]
    assert starting(quotes_of(enricher, PYONGYANG), "il avait procédé") == [("North Korea", "indirect")]


# Wikinews (fr), Iran buys Airbus aircraft, January 2016 (dev set AQ); Wikinews (fr), Sarkozy's candidacy, live
# report, February 2012 (dev set AD): marked words that complete a report, opening with a figure or after an elided
# "d'", make one mixed quote with it (no clause fragment ending in "de", "dont" or "d")
AIRBUS = ("Le ministre iranien des Transports rappelle que l'Iran a besoin de « 400 avions long courrier et de 100 "
          "avions court courrier » . Il précise également que l'Iran possède actuellement 256 avions dont « 150 "
          "sont opérationnels actuellement et avec une moyenne d'âge d'environ 20 ans » .")
PECRESSE = ("Pour Valérie Pécresse, il s'agit d'« une candidature de devoir et d'espoir pour apporter des solutions "
            "aux Français dans la crise ».")


def test_marked_words_completing_a_report_join_it(enricher) -> None:
    quotes = quotes_of(enricher, AIRBUS)
    assert [(k, t[:40]) for _, k, t in quotes] == [("indirect", "l'Iran a besoin de « 400 avions long cou"),
                                                  ("indirect", "l'Iran possède actuellement 256 avions d")]
    assert quotes[0][2].endswith("court courrier »") and quotes[1][2].endswith("20 ans »")
    quotes = quotes_of(enricher, PECRESSE)
    assert [(s, t[:30]) for s, _, t in quotes] == [("Valérie Pécresse", "il s'agit d'« une candidature ")]


def test_a_paragraph_ending_with_a_verb_of_saying_and_a_colon_introduces_a_block_quote(enricher) -> None:
    # Global Voices auf Deutsch, journalists killed in Homs, February 2012 (dev set AW): tweets shown as block
    # quotes after "X twitterte:", "Er fügt hinzu:", "Während Y zugibt:" — without the handle, the tags and the stop
    quotes = stored(enricher, "devaw", "globalvoices-de-syrien-journalisten-homs")
    blocks = [(s, k, t) for s, k, t in quotes if t.startswith(("Ich muss", "Reporter und"))]
    assert [(s, k) for s, k, _ in blocks] == [("Andy Carvin", "direct"), ("Andy Carvin", "direct"),
                                              ("Iyad El Baghdadi", "direct")]
    assert blocks[0][2] == ("Ich muss mich für eine Weile ausklinken, bevor ich etwas sage, was ich bereue. Ich kann "
                            "das gerade nicht mehr ertragen")
    assert blocks[2][2] == "Ich muss eine Pause machen und weinen. Bis später"


def test_a_pronominal_adverb_is_no_speaker(enricher) -> None:
    # Global Voices auf Deutsch, Hossein Derakhshan's detention, November 2009 (dev set AW)
    quotes = stored(enricher, "devaw", "globalvoices-de-iran-derakhshan-haft")
    assert all(s != "Damit" for s, _, _ in quotes)


def test_would_and_did_before_a_reporting_verb_make_it_finite(enricher) -> None:
    # VOA (en), New Delhi embassy closure, 2006 (dev set AA): "would only say that" reports
    text = ('U.S. officials would only say that a "security concern" prompted the partial closure of the U.S. embassy, '
            'affecting the immigration office, the consular section and the library.')
    assert starting(quotes_of(enricher, text, "en"), 'a "security concern" prompted') == [
        ("U.S. officials", "indirect")]
    assert quotes_of(enricher, "Officials can say little about the closure.", "en") == []  # (constructed)


def test_some_before_a_noun_names_the_speakers(enricher) -> None:
    # VOA (en), EU summit, June 2012 (dev set J): "some reports predict …" — "some" alone is no speaker
    text = ("Boosting growth is the new byword in Europe, as some reports predict the eurozone economy will contract "
            "again this year.")
    assert starting(quotes_of(enricher, text, "en"), "the eurozone economy") == [("some reports", "indirect")]


def test_a_definite_description_is_the_person_named_next_with_its_role(enricher) -> None:
    # Wikinews (fr), Dilma Rousseff appeals, September 2016 (dev set AS): "selon son avocat. L'avocat, José Eduardo
    # Cardozo, …" — but "un ministre" is not the "ministre français de la Défense, Hervé Morin" named after it
    text = ("L'ex-présidente du Brésil destituée, Dilma Rousseff fait appel pour demander l'annulation de sa "
            "destitution auprès de la Cour suprême selon son avocat. L'avocat, José Eduardo Cardozo , ex-ministre de "
            "la Justice de Dilma Rousseff l'a défendu lors de son procès.")
    assert [s for s, _, _ in quotes_of(enricher, text)] == ["José Eduardo Cardozo"]
    # Wikinews (fr), rebels enter N'Djamena, February 2008 (dev set AC)
    chad = ("Alors qu'un porte-parole des groupes rebelles, Abderamane Koullamalah, affirme qu'ils sont « en train de "
            "sécuriser la ville », un ministre a assuré que l'armée contrôlait toujours la capitale.\n\nPrécisant que "
            "« Les rebelles indiquent qu'ils n'est pas question de porter atteinte à la sécurité de nos concitoyens », "
            "le ministre français de la Défense, Hervé Morin a estimé que 200 personnes souhaitaient être évacuées.")
    assert starting(quotes_of(enricher, chad), "l'armée contrôlait") == [("un ministre", "indirect")]
