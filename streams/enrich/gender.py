"""The grammatical or natural gender of a person of an article, so that "elle"/"she"/"il"/"he" find the right
antecedent: a title or gendered role right before one of the person's mentions ("Mme", "Mr.", "Frau", "la ministre
…, Najat Vallaud-Belkacem", "Bundeskanzlerin"), else the given name when Faker's locales agree on it, else — for an
unnamed description — the gender the tagger gives its head noun ("l'homme")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Token

from .given_names import name_genders

TITLE_WINDOW = 60  # characters before a mention where its title or role stands
GENDERED_TITLE = re.compile(
    r"(?P<f>\b(?:Mme|Madame|Mademoiselle|Mlle|Mrs|Ms|Frau)\b\.?|\b(?:la|La|une|Une)\s+(?:ministre|présidente|"
    r"secrétaire|députée|sénatrice|maire|procureure|directrice|chancelière|porte-parole|juge|avocate|dirigeante|"
    r"cheffe|première ministre)\b|\b(?:présidente|députée|sénatrice|directrice|chancelière|procureure|avocate|"
    r"chairwoman|spokeswoman|congresswoman|businesswoman)\b)"
    r"|(?P<fde>\b(?:[A-ZÄÖÜ][a-zäöüß]*?)?(?:[Kk]anzlerin|[Mm]inisterin|[Pp]räsidentin|[Ss]precherin|[Kk]ommissarin|"
    r"Abgeordnete|Vorsitzende|[Bb]ürgermeisterin|[Dd]irektorin|[Cc]hefin)\b)"
    r"|(?P<m>\b(?:M|Mr|Herr|Monsieur)\b\.?(?=\s)|\b(?:le|Le|un|Un)\s+(?:ministre|président|secrétaire|député|"
    r"sénateur|maire|procureur|directeur|chancelier|porte-parole|juge|avocat|dirigeant|chef|premier ministre)\b|"
    r"\b(?:chairman|spokesman|congressman|businessman)\b)"
    r"|(?P<mde>\b(?:[A-ZÄÖÜ][a-zäöüß]*?)?(?:[Kk]anzler|[Mm]inister|[Pp]räsident|[Ss]precher|[Kk]ommissar|"
    r"[Bb]ürgermeister|[Dd]irektor|[Cc]hef)(?:en|s)?\b)")  # (declined: "den Ministerpräsidenten", "des Kanzlers")
# a sentence ends at these, but not at the period of a title ("Mr. Smith", "M. Dupont")
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bM)(?<!\bDr)(?<!\bSt)\.(?=\s)|[!?\n;]")
_SPACES = " \t\u00a0\u202f"
_COORDINATION = re.compile(r"\s(?:et|and|und)\s(?=[A-ZÀ-Ý])")  # before a second person (not "et des Finances")


def person_gender(text: str, name: str, mentions: Sequence[tuple[int, int]], lang: str) -> str | None:
    """"F", "M" or None for the person ``name`` mentioned at ``mentions`` (character spans) in ``text``."""
    given = given_name_gender(name) if whole_name(text, mentions, lang) else None
    return titled_gender(text, mentions, lang) or given or surname_gender(name)


# Slavic and Central Asian surnames agree with the person: "Rosa Otunbayeva" / "Kurmanbek Bakiyev"
_FEMININE_SURNAME = re.compile(r"(?:ova|eva|yeva|ina|skaya|tskaya)$")
_MASCULINE_SURNAME = re.compile(r"(?:ov|ev|yev|sky|skiy|tsky)$")


def surname_gender(name: str) -> str | None:
    """The gender a Russian-style surname ending marks (of a name of at least two words)."""
    words = name.split()
    if len(words) < 2 or len(words[-1]) < 5:
        return None
    last = words[-1].lower()
    return "F" if _FEMININE_SURNAME.search(last) else "M" if _MASCULINE_SURNAME.search(last) else None


def titled_gender(text: str, mentions: Iterable[tuple[int, int]], lang: str = "de") -> str | None:
    """The gender of the title or role right before a mention, within its sentence (German role nouns only in
    German: English "foreign minister" and "President" say nothing)."""
    for start, end in mentions:
        window = _SENTENCE_END.split(text[max(0, start - TITLE_WINDOW):start])[-1]
        window = _COORDINATION.split(window)[-1]  # "le président Bush et Mme Johnson Sirleaf": Bush's title
        window += " " + text[start:end].split(" ", 1)[0]  # the mention's own honorific ("Mme Johnson Sirleaf")
        marks = [m for m in GENDERED_TITLE.finditer(window) if lang == "de" or m.lastgroup in ("f", "m")]
        if marks:
            return "F" if marks[-1].lastgroup in ("f", "fde") else "M"
    return None


def whole_name(text: str, mentions: Iterable[tuple[int, int]], lang: str) -> bool:
    """No mention follows another capitalised word of the same run: a model that tags "Liza Zainal" for "Munwar
    Liza Zainal" must not make the man a woman (German capitalises every noun: not checked there)."""
    if lang == "de":
        return True
    for start, _ in mentions:
        before = text[max(0, start - 30):start]
        words = before.split()
        if words and before[-1:] in _SPACES and words[-1][:1].isupper() and words[-1][-1:].isalpha():
            return False
    return True


def given_name_gender(name: str) -> str | None:
    """The gender Faker's locales agree on for the first of at least two words."""
    words = name.split()
    return name_genders().get(words[0]) if len(words) >= 2 else None


def noun_gender(tokens: Iterable[Token]) -> str | None:
    """The gender the tagger gives the first noun of a description ("l'homme" → M)."""
    heads = [t for t in tokens if t.pos_ == "NOUN" and t.morph.get("Gender")]
    return {"Fem": "F", "Masc": "M"}.get(heads[0].morph.get("Gender")[0]) if heads else None
