"""Short fragments in marks that a verb of judging takes as its object are the subject's words (round 12, found on
development sets B, G and I). Sentences are verbatim from the published articles (source in each comment)."""

from __future__ import annotations

from .quote_cases import said
from .test_quotes_devb import enrich

# Wikinews (fr), Australie, December 2015 (dev set B): a participle clause hanging on the subject's verb
SHORTEN = ("Le chef de l'opposition travailliste, Bill Shorten, lui a proposé de travailler ensemble sur la question "
           "en se félicitant du « consensus politique ».")

# Wikinews (fr), Burundi, November 2016 (dev set B): the object of a verb of judging
NYAMITWE = ("L'Union européenne au travers de sa délégation a condamné « l'attentat commis contre Willy Nyamitwe » et "
            "dénonce « une attaque inadmissible », alors même que l'institution s'oppose de plus en plus ouvertement "
            "au régime.")

# Wikinews (fr), Grasse, March 2017 (dev set G): "qualifier de" with a pronoun subject
GRASSE = ("La ministre de l'Éducation nationale, Najat Vallaud-Belkacem, s'est rendue sur place. Elle a ainsi affirmé "
          "que « le proviseur s'est précipité » vers l'adolescent après qu'il a sorti son arme « pour tenter de le "
          "raisonner » . Une action qu'elle qualifie d' « héroïque » .")

# Wikinews (fr), Macron élu, May 2017 (dev set I): two fragments, one after a coordinated "se dit"
TRUMP = ("Le président américain, Donald Trump, a félicité E. Macron pour sa « grande victoire » et se dit « impatient "
         "de travailler avec lui » .")


def test_a_participle_clause_takes_the_subject_of_its_host(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", SHORTEN)
    assert said(quotes) == [("consensus politique", "Bill Shorten")]


def test_the_object_of_a_verb_of_judging_is_the_subjects_word(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", NYAMITWE)
    assert said(quotes) == [("l'attentat commis co", "European Union"), ("une attaque inadmiss", "European Union")]


def test_qualifier_de_with_a_pronoun_subject(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", GRASSE)
    assert ("héroïque", "Najat Vallaud-Belkacem") in said(quotes)


def test_coordinated_se_dire_and_feliciter_pour(fr_pipeline) -> None:
    quotes, _ = enrich(fr_pipeline, "fr", TRUMP)
    assert said(quotes) == [("grande victoire", "Donald Trump"), ("impatient de travail", "Donald Trump")]


def test_a_term_the_reporter_mentions_is_no_quote(fr_pipeline) -> None:
    # constructed: a judging verb whose object is a mentioned word, not the subject's own
    quotes, _ = enrich(fr_pipeline, "fr", "Le ministre a évoqué le film « Parasite » lors de sa visite à Séoul.")
    assert said(quotes) == []
