"""Constructions found on development set N (tests/data/devn, annotated blind, measured once, then opened for rule
work). Sentences are verbatim from the published articles (source in each comment).
"""

from __future__ import annotations

from .quote_cases import said
from .test_quotes_devb import enrich

# VOA News, 26 April 2005 (dev set N): commitments and requests with an infinitive report from "to"
BERLUSCONI = ("Mr. Berlusconi pledged to help families whose purchasing power has suffered since the introduction of "
              "the euro.\n\nMr. Berlusconi also urged his centre-right allies to stay united ahead of next year's "
              "general elections.")


def test_pledges_and_requests_with_an_infinitive(en_pipeline) -> None:
    quotes, _ = enrich(en_pipeline, "en", BERLUSCONI)
    assert said(quotes) == [("to help families who", "Berlusconi"), ("to stay united ahead", "Berlusconi")]


# VOA News, 29 August 2006 (dev set N): the speaker's words complete the clause of the same report — one mixed quote;
# "vowed not to …" starts at "not"
OBRADOR = ("Leftist challenger Andrés Manuel López Obrador says the judges' unanimous rejection of his complaints is "
           "\"offensive and unacceptable for millions of Mexicans.\" He vowed not to recognize a government led by "
           "Calderón and the ruling National Action Party.")


def test_a_report_completed_in_marks_and_a_negated_pledge(en_pipeline) -> None:
    quotes, _ = enrich(en_pipeline, "en", OBRADOR)
    assert said(quotes, 40) == [("the judges' unanimous rejection of his c", "Andrés Manuel López Obrador"),
                                ("not to recognize a government led by Cal", "Andrés Manuel López Obrador")]
    assert quotes[0].text.endswith('Mexicans."')
