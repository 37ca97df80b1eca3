"""Constructions found on development sets P and Q (tests/data/devp, devq: annotated blind, measured once, then
opened for rule work). Sentences are verbatim from the published articles (source in each comment).
"""

from __future__ import annotations

from .quote_cases import said
from .test_quotes_devb import enrich

# VOA News, April 2010 (dev set P): "she said" is Rosa Otunbayeva — not the man named in between (English "minister"
# has no gender, her surname has), nor "The opposition coalition" (a body is no "she")
KYRGYZ = ("The opposition coalition announced a new interim government for Kyrgyzstan and said it would rule until "
          "elections are held in six months.\n\nFormer foreign minister Rosa Otunbayeva says Prime Minister Daniyar "
          "Usenov has resigned, parliament has been dissolved, and she will lead the new government.\n\nSpeaking from "
          "a parliament building, Otunbayeva demanded the resignation of President Kurmanbek Bakiyev, who has fled "
          "the capital.\n\n\"Certainly we want to locate him and we want to negotiate with him, negotiate just "
          "regarding the resignation not about other things,\" she said.")


def test_she_is_the_woman_who_spoke_last(en_pipeline) -> None:
    quotes, _ = enrich(en_pipeline, "en", KYRGYZ)
    assert said(quotes)[-1] == ("Certainly we want to", "Rosa Otunbayeva")


# VOA News, 16 May 2009 (dev set Q): "continuing to pose" goes on doing, it is no report of its own
SEA_TIGERS = ("The military says despite inevitable defeat, the rebels are continuing to pose a lethal threat to the "
              "troops.")


def test_continuing_to_is_no_reporting_verb(en_pipeline) -> None:
    quotes, _ = enrich(en_pipeline, "en", SEA_TIGERS)
    assert said(quotes) == [("the rebels are conti", "The military")]
