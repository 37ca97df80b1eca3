"""A quote as the extraction passes find it, before its speaker is resolved, and the word patterns and small word
lists the passes (quotes.py, reported.py) share."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from .attribution import Speaker
from .quote_marks import MarkedSpan

WORD = re.compile(r"\w+(?:[’'-]\w+)*")
# a first-person pronoun: words someone says of themselves
FIRST_PERSON_WORD = re.compile(r"(?<!\w)(?:[Jj]e(?!\w)|[Jj][’']|[Nn]ous(?!\w)|I(?!\w)|[Ww]e(?!\w)|[Ii]ch(?!\w)|"
                               r"[Ww]ir(?!\w))")
# determiners that make a quoted phrase a noun slot ("le célèbre « … »", "a « grande victoire »")
NOMINAL_DETERMINERS = {
    "fr": frozenset({"le", "la", "les", "l’", "l'", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette", "ces",
                     "son", "sa", "ses", "leur", "leurs", "notre", "nos"}),
    "en": frozenset({"the", "a", "an", "this", "these", "its", "their", "his", "her", "our"}),
    "de": frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
                     "dieser", "diese", "dieses", "seine", "seinen", "ihre", "ihren", "zum", "zur", "vom", "im",
                     "beim"}),  # (a preposition with its article: "Erklärungen zum „transatlantischen Datentransfer“")
}
# first-person subjects: narration or the speaker's own words, never a reported speaker
FIRST_PERSON = {"i", "je", "j’", "j'", "ich", "we", "nous", "wir", "on"}
# conjunctions that open a time or cause clause, not reported words
SUBORDINATORS = {"während", "als", "nachdem", "bevor", "weil", "wenn", "obwohl", "sobald", "while", "when", "after",
                 "before", "because", "although", "once", "quand", "lorsque", "lorsqu’", "lorsqu'", "après", "avant",
                 "parce", "bien", "tandis", "dès"}
AGENT_WORDS = frozenset({"par", "by", "von"})  # a passive's agent: "décrits comme « … » par une voisine"


@dataclass(slots=True)
class Candidate:
    """Span of the quoted or reported words, its kind and cue, and the speaker as written (a name, a pronoun or a
    description) — or ``inherit`` when it goes on with the previous speaker."""

    start: int
    end: int
    kind: str
    cue: str | None
    speaker: Speaker | None
    inherit: bool = False
    span: MarkedSpan | None = None
    chain_prev: int | None = None  # index of the previous piece of a multi-paragraph quote


def words_of(s: str) -> list[str]:
    """The words of ``s`` (apostrophes and hyphens inside a word kept)."""
    return WORD.findall(s)


def judging_adjectives(toks: list[Token]) -> bool:
    """Adjectives only ("intime et rieuse"), or an adjective coordinated with a word the tagger missed ("abrasive and
    demeaning" tagged ADJ CCONJ NOUN); a noun term ("atypical contracts") is not one."""
    if not toks or toks[0].pos_ != "ADJ":
        return False
    if all(t.pos_ in ("ADJ", "CCONJ", "ADV") for t in toks):
        return True
    return len(toks) == 3 and toks[1].pos_ == "CCONJ"
