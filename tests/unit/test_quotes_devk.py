"""Constructions found on development set K (tests/data/devk, annotated blind, measured once, then opened for rule
work). Sentences are verbatim from the published articles (source in each comment); constructed ones say so.
"""

from __future__ import annotations

from .quote_cases import said
from .test_quotes_devb import enrich

# Wikinews (fr), 9 November 2016 (dev set K): a quote box's credit line "— Donald Trump , Président élu." — the
# capitalised title alone is no person, so "il" goes back to Donald Trump
TRUMP = ("Le candidat républicain Donald Trump sera le quarante-cinquième président des États-Unis d'Amérique .\n\n"
         "— Donald Trump , Président élu.\n\nDevant ses supporters à New York , il a annoncé avoir parlé au "
         "téléphone à Hillary Clinton , qui l'a félicité pour la victoire. Il a assuré qu'il allait se mettre au "
         "travail immédiatement, et que les Américains seraient fiers de lui.")


def test_a_title_alone_is_no_person_and_a_second_que_after_a_comma_is_a_second_report(fr_pipeline) -> None:
    quotes, entities = enrich(fr_pipeline, "fr", TRUMP)
    assert "Président" not in {e.text for e in entities if e.label == "PER"}
    assert said(quotes) == [("avoir parlé au télép", "Donald Trump"), ("il allait se mettre ", "Donald Trump"),
                            ("les Américains serai", "Donald Trump")]


# Wikinews (fr), 22 March 2016 (dev set K): a linked article's headline in marks; "confirme que …, et précise
# qu'…" (the parser starts a new root at "précise"); a name opening its sentence that the parser left loose
BRUXELLES = ("Page actualisée : 23 mars 2016 — « Attentats de Bruxelles : le second kamikaze a été identifié »"
             "\n\nLe parquet fédéral confirme que les explosions sont des attentats-suicides , et précise qu'elles ont "
             "fait au moins 34 morts et 187 blessés.\n\nZach Manoun, arrivé d'un vol en provenance de Genève , a été "
             "témoin des événements survenus à l'aéroport. En entrevue avec BFM TV , il a déclaré : « Il y avait du "
             "sang partout, des gens blessés, des sacs partout. »")


def test_headline_coordinated_report_and_loose_subject(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", BRUXELLES)
    assert said(quotes) == [("les explosions sont ", "Le parquet fédéral"),
                            ("elles ont fait au mo", "Le parquet fédéral"), ("Il y avait du sang p", "Zach Manoun")]


# Wikinews (fr), 18 December 2016 (dev set K): two sources joined at the end of the sentence speak together
ALEP = ("Quelques 50 000 à 100 000 personnes attendent toujours de pouvoir quitter Alep et l'évacuation devrait "
        "reprendre dimanche selon le Comité international de la Croix-Rouge et un responsable rebelle.")


def test_two_joined_sources_speak_together(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", ALEP)
    assert [q.speaker for q in quotes] == ["Comité international de la Croix-Rouge et un responsable rebelle"]


# European Commission, July 2013 (dev set K): Konjunktiv I of regular verbs after a fronted adverb, "habe" after the
# subject's infinitive clause, "warnte er davor, … zu" with an object before the verb
OETTINGER = ('"Aber Europa hat sich zum ökonomischen Sorgenkind der Welt entwickelt", sagte Oettinger. Ebenso zeige '
             "der Beitritt Kroatiens die Aktualität Europas als Friedensidee. Nach wie vor bilde die Europäische Union "
             "den größten Binnenmarkt der Welt. Das im Jahr 2000 in Lissabon verabschiedete Ziel, die EU zum "
             "wettbewerbsfähigsten Wirtschaftsraum der Welt zu machen, habe die EU weit verfehlt. Auch den Deutschen "
             "warnte er davor, nur auf andere Länder zu zeigen.")


def test_german_reported_mood_after_fronted_adverbs_and_an_object_first(de_pipeline) -> None:
    quotes, _ = enrich(de_pipeline, "de", OETTINGER)
    starts = ["Aber Europa hat sich", "Ebenso zeige der Bei", "Nach wie vor bilde d", "Das im Jahr 2000 in ",
              "nur auf andere Lände"]
    assert said(quotes) == [(start, "Günther Oettinger") for start in starts]  # the alias table's full name


# VOA News, 18 July 2006 (dev set K): the speaker's own words complete the reported clause — one mixed quote
KIIR = ("Speaking to reporters in Nairobi earlier today, Kiir said he expects the warring sides “to reach a peaceful "
        "solution by the end of their negotiating period.”")


def test_marked_words_completing_a_report_are_one_mixed_quote(en_pipeline) -> None:
    quotes, _ = enrich(en_pipeline, "en", KIIR)
    assert said(quotes, 40) == [("he expects the warring sides “to reach a", "Salva Kiir")]
    assert quotes[0].text.endswith("negotiating period.”") and quotes[0].kind == "indirect"
