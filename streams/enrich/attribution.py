"""Who said it: reporting-verb lexicons, sentence bounds, speaker noun phrases and name canonicalisation.

Lexical rules do the work so German (``spacy.blank`` + sentencizer) is served too; the parse, morphology and NER are
used only where a token carries them, because the pipeline may parse some sentences only.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Doc, Token

from .canonical import fold as fold_name
from .gender import noun_gender, person_gender
from .quote_marks import DOUBLE, SINGLE, SPACES, MarkedSpan, wrapped

LEXICON_PATH = Path(__file__).with_name("data") / "reporting_verbs.yaml"
PER_LABELS = {"PER", "PERSON"}
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "m", "mme", "mlle", "herr", "frau", "sir", "dame", "lord", "me"}
# the honorifics as written before a name ("M.", "Mme", "MM.", "Pr"), for patterns: longest first
HONORIFIC_PATTERN = "(?:" + "|".join(sorted({h.capitalize() for h in HONORIFICS} | {"MM", "Mmes", "Pr"},
                                            key=lambda h: (-len(h), h))) + ")"
ABBREVIATIONS = HONORIFICS | {"st", "jr", "sr", "re", "no", "nr", "vs", "etc", "ca", "bzw", "z", "b", "u", "a", "jan",
                              "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen",
                              "col", "gov", "sen", "rep", "mgr", "av", "bd", "inc", "ltd", "co", "corp", "p", "pp",
                              "mrd", "mio", "tsd", "vgl", "ggf", "inkl", "zzgl", "evtl", "usw", "lt", "capt", "sgt",
                              "adm", "env"}
MONTHS = {"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november",
          "dezember", "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre", "january", "february", "march", "may", "june", "july", "october", "december"}
CLITIC = re.compile(r"^-(t-)?(il|elle|ils|elles|on)$|^-t$", re.IGNORECASE)
_SENT_END = re.compile(r"[.!?…]+(?:[\"»”’'“«)\]]|[ \u00a0\u202f]»)*"  # (French ". »" closes with a space)
                       r"(?=[ \t\u00a0\u202f]+[\"“«»„‘(\[]?[ \u00a0\u202f]?[A-ZÀ-ÖØ-Þ0-9])")
AUX_FR = {"a", "ont", "avait", "avaient", "aurait", "auraient", "avoir", "-t", "est", "sont", "était", "ai", "as"}
PART_ADJ_FR = {"dit", "dite", "dits", "dites"}
SUBJECT_PRONOUNS_FR = frozenset({"il", "elle", "on", "ils", "elles"})
# reflexive forms that turn out or appear, not speak ("qui s'est révélé ne pas exister"; "s'est excusé" speaks)
REFLEXIVE_NOT_SPEECH = frozenset({"révéler", "montrer", "avérer", "trouver", "rappeler", "annoncer", "confirmer"})


@dataclass(slots=True)
class Lexicon:
    verbs: frozenset[str]
    forms: frozenset[str]
    auxiliaries: frozenset[str]
    according: tuple[tuple[str, ...], ...]
    postpositions: frozenset[str]
    complementizers: frozenset[str]
    pronouns: frozenset[str]
    conjunctions: frozenset[str]
    title_cues: frozenset[str]
    stop_words: frozenset[str]
    source_nouns: frozenset[str]
    konjunktiv: frozenset[str]
    particles: frozenset[str]
    non_speakers: frozenset[str]
    determiners: frozenset[str]
    modals: frozenset[str]
    works: frozenset[str]
    evaluative: frozenset[str]


def _low(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in (values or []))


@lru_cache(maxsize=8)
def lexicon(lang: str) -> Lexicon:
    """Lexicon for a language code; unknown languages fall back to English."""
    data = _load_all()
    raw = data.get(lang) or data["en"]
    return Lexicon(
        verbs=_low(raw.get("verbs")), forms=_low(raw.get("forms")), auxiliaries=_low(raw.get("auxiliaries")),
        according=tuple(tuple(str(c).lower().split()) for c in raw.get("according") or []),
        postpositions=_low(raw.get("postpositions")), complementizers=_low(raw.get("complementizers")),
        pronouns=_low(raw.get("pronouns")), conjunctions=_low(raw.get("conjunctions")),
        title_cues=_low(raw.get("title_cues")), stop_words=_low(raw.get("stop_words")),
        source_nouns=_low(raw.get("source_nouns")), konjunktiv=_low(raw.get("konjunktiv")),
        particles=_low(raw.get("particles")), non_speakers=_low(raw.get("non_speakers")),
        determiners=_low(raw.get("determiners")), modals=_low(raw.get("modals")),
        works=_low(raw.get("works")), evaluative=_low(raw.get("evaluative")),
    )


def raw_lexicon(lang: str) -> dict[str, Any]:
    """The language's entries of reporting_verbs.yaml as written (no English fallback)."""
    return _load_all().get(lang) or {}


@lru_cache(maxsize=1)
def all_reporting_forms() -> frozenset[str]:
    """Every inflected reporting-verb form of every language (lower case): "said", "a déclaré", "sagte"."""
    return frozenset(word.lower() for entries in _load_all().values()
                     for form in (entries.get("forms") or []) for word in str(form).split())


@lru_cache(maxsize=1)
def _load_all() -> dict[str, Any]:
    with LEXICON_PATH.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def fold(s: str) -> str:
    """Accent- and case-insensitive key."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


@dataclass(slots=True)
class Speaker:
    kind: str  # "name" | "pronoun" | "desc" | "group" (a plural description: many people, no one person)
    text: str
    start: int
    end: int
    canonical: str | None = None


@dataclass(slots=True)
class Person:
    canonical: str
    start: int
    end: int


MEAN_FORMS_FR = frozenset({"veut", "veulent", "voulait", "voulaient", "voudrait", "voudraient", "voulant"})
INDIRECT_OBJECT_END = frozenset({"le", "la", "les", "l’", "l'", "un", "une"})  # the subject's determiner
# French stressed pronouns: "Eux d'ajouter", "a, lui, affirmé", "Pour lui, …"
STRESSED_PRONOUNS = frozenset({"eux", "lui", "elle", "elles"})
COORDINATING = frozenset({"et", "and", "und", "&"})
# "Dieser hatte über sie gesagt": a demonstrative points to the person last mentioned, not to the last speaker
DEMONSTRATIVES = frozenset({"dieser", "diese", "jener", "jene", "letzterer", "letztere", "celui-ci", "celle-ci",
                            "ce dernier", "cette dernière"})
LATTER_FR = {"dernier": "ce", "dernière": "cette"}  # "Cette dernière a affirmé qu'…": the person named last
NOMINATIVE_ARTICLES_DE = frozenset({"der", "die", "das", "ein", "eine"})
CLOSING_NAME_REACH = 20  # tokens of a German title that closes with its holder's name
BRINGEN_FORMS_DE = frozenset({"bringt", "bringen", "brachte", "brachten", "gebracht"})
FINITE_AUXILIARIES_DE = frozenset({"hat", "haben", "hatte", "hatten", "ist", "sind", "war", "waren"})
PLURAL_AUXILIARIES_DE = frozenset({"haben", "hatten", "sind", "waren", "werden", "wurden"})


NP_ATTRIBUTES_DE = 3


def noun_phrase_end_de(words: list[Token], determiners: frozenset[str]) -> int | None:
    """Where a German noun phrase opening ``words`` ends: a determiner, up to two adjectives, a noun, then up to
    NP_ATTRIBUTES_DE genitive ("der Werte") or prepositional ("für den langfristigen EU-Haushalt") attributes."""
    def nominal(i: int) -> int | None:  # [determiner] adjectives noun → index after the noun
        if i < len(words) and words[i].lower_ in determiners:
            i += 1
        adjectives = 0
        while i < len(words) and words[i].text.islower() and words[i].text.isalpha() and adjectives < 2 and \
                words[i].lower_ not in PREPOSITIONS_DE:
            i, adjectives = i + 1, adjectives + 1
        ok = i < len(words) and words[i].text[:1].isupper() and words[i].text.replace("-", "").isalpha()
        return i + 1 if ok else None

    if not words or words[0].lower_ not in determiners:
        return None
    end = nominal(0)
    for _ in range(NP_ATTRIBUTES_DE):
        if end is None or end >= len(words) or not (words[end].lower_ in GENITIVE_ARTICLES_DE or
                                                    words[end].lower_ in PREPOSITIONS_DE):
            break
        start = end if words[end].lower_ in GENITIVE_ARTICLES_DE else end + 1
        nxt = nominal(start)
        if nxt is None:
            break
        end = nxt
    return end


GENITIVE_ARTICLES_DE = frozenset({"der", "des", "eines", "einer"})


def plural_finite_de(t: Token) -> bool:
    """A German finite verb of the plural: "haben", "betonten" (the singular past ends in -te), "fordern"."""
    low = t.lower_
    return t.text.islower() and (low in PLURAL_AUXILIARIES_DE or low.endswith("ten") or (
        low.endswith(("en", "ern", "eln")) and not low.startswith("ge")))


def group_of(spk: Speaker | None) -> Speaker | None:
    """A description as a plural group ("Die Ministerinnen und Minister betonten"); names and pronouns stay."""
    return Speaker("group", spk.text, spk.start, spk.end) if spk is not None and spk.kind == "desc" else spk


def pronoun_speaker(t: Token) -> Speaker:
    """A pronoun mention, its offsets without the hyphen of French inversion ("a-t-il" → "il")."""
    cut = len(t.text) - len(t.text.lstrip("-"))
    return Speaker("pronoun", t.text[cut:], t.idx + cut, t.idx + len(t.text))


def _clean_name(s: str) -> str:
    s = re.sub(r"[’']s$", "", s.strip())
    words = s.split()
    while len(words) > 1 and words[0].rstrip(".").lower() in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def people_from(doc: Doc, people: list[tuple[str, int, int]] | None) -> list[Person]:
    """PER mentions with canonical names; without ``people``, each NER mention takes the fullest same-surname form."""
    if people is not None:
        out = []
        for item in people:
            try:
                name, s, e = item
                out.append(Person(str(name), int(s), int(e)))
            except (TypeError, ValueError):
                continue
        return sorted(out, key=lambda p: p.start)
    ents = [e for e in doc.ents if e.label_ in PER_LABELS]
    full: dict[str, list[tuple[int, str]]] = {}  # surname → [(position, full name)]
    for e in ents:
        name = _clean_name(e.text)
        words = name.split()
        if len(words) >= 2 and any(c.isalpha() for c in name):
            full.setdefault(fold(words[-1]), []).append((e.start_char, name))
    out = []
    for e in ents:
        name = _clean_name(e.text)
        if not name or not any(c.isalpha() for c in name):
            continue
        out.append(Person(_fullest(name, e.start_char, full), e.start_char, e.end_char))
    return out


def _marked_name(text: str, p: Person) -> bool:
    """"entre l’arrêt « Charles Cros » et …": a name standing alone in quote marks names a thing (a stop, a ship,
    a title), not a person who could speak or be "il"."""
    before = text[max(0, p.start - 3):p.start].rstrip(SPACES)
    after = text[p.end:p.end + 3].lstrip(SPACES)
    return bool(before) and bool(after) and before[-1] in "«“„‹" and after[0] in "»”“›"


def _fullest(name: str, pos: int, full: dict[str, list[tuple[int, str]]]) -> str:
    """A surname alone takes the full name last seen before it ("Stodden" after "Alexander Stodden")."""
    words = name.split()
    cands = full.get(fold(words[-1]), [])
    if len(words) >= 2 or not cands:
        return name
    before = [c for c in cands if c[0] < pos]
    if before:
        return max(before)[1]
    return max(cands, key=lambda c: len(c[1]))[1]


class Context:
    """Per-document lookups shared by the quote rules (built once per article)."""

    def __init__(self, doc: Doc, lang: str, people: list[tuple[str, int, int]] | None,
                 orgs: list[tuple[str, int, int]] | None = None, text: str | None = None) -> None:
        self.doc = doc
        self.text = text if text is not None else doc.text  # spaCy rebuilds doc.text from every token on each call
        self.token_list = list(doc)  # Token objects made once: the rules look tokens up thousands of times
        self.lang = (lang or "en").lower()[:2]
        self.lex = lexicon(self.lang)
        self.starts = [t.idx for t in self.token_list]
        self.has_pos = doc.has_annotation("POS")
        self.has_lemma = doc.has_annotation("LEMMA")
        self.has_morph = doc.has_annotation("MORPH")
        self.people = [p for p in people_from(doc, people) if not _marked_name(self.text, p)]
        self.person_starts = [p.start for p in self.people]
        # speakers may be organisations ("the University and College Union said"); pronouns resolve to people only
        self.orgs = people_from(doc, orgs or [])
        self.org_starts = [p.start for p in self.orgs]
        self.org_names = {p.canonical for p in self.orgs} - {p.canonical for p in self.people}
        self.has_dep = doc.has_annotation("DEP")
        self.surnames: dict[str, str] = {}
        for p in self.people:
            words = p.canonical.split()
            if words:
                key = fold(words[-1])
                if len(p.canonical) > len(self.surnames.get(key, "")):
                    self.surnames[key] = p.canonical
        self.breaks: list[int] = []
        self.sentences: list[tuple[int, int]] = []
        self._qualified: dict[str, str] | None = None
        self._places: list[tuple[int, str]] | None = None
        self._genders: dict[str, str | None] = {}
        # reported clauses already attributed: "Dore says Qeybdid remained … . He said": he is Dore, not Qeybdid
        self.reported: list[tuple[int, int]] = []
        self._reporting: dict[int, bool] = {}
        self.according_first = frozenset(cue[0] for cue in self.lex.according)

    # --- tokens -------------------------------------------------------------------------------------------------
    def tokens(self, a: int, b: int) -> list[Token]:
        """Tokens lying within [a, b)."""
        i = bisect.bisect_left(self.starts, a)
        out = []
        while i < len(self.starts) and self.starts[i] < b:
            t = self.token_list[i]
            if t.idx + len(t.text) <= b and not t.is_space:
                out.append(t)
            i += 1
        return out

    def is_reporting(self, t: Token) -> bool:
        """A reporting verb form (cached per token: the quote rules ask about the same tokens many times)."""
        known = self._reporting.get(t.i)
        if known is None:
            known = self._reporting[t.i] = self._is_reporting(t)
        return known

    def _is_reporting(self, t: Token) -> bool:
        low = t.lower_
        if self.lang == "fr" and low in ("savoir", "valoir", "remarquer", "observer") and t.i > 0 and \
                self.token_list[t.i - 1].lower_ in FAIRE_FORMS:
            return True  # "a fait savoir qu'il …", "fait valoir que …", "…, fait remarquer X"
        lem = t.lemma_.lower() if self.has_lemma and t.lemma_ else ""
        if self._inverted_after_quote(t):
            return True
        if self.lang == "de" and low in BRINGEN_FORMS_DE:
            return self._expressed(t)  # "brachten ihre Überzeugung zum Ausdruck, dass …"
        if low not in self.lex.forms and lem not in self.lex.verbs:
            return False
        if self.lang == "fr" and t.i > 0 and (self.token_list[t.i - 1].lower_ in ("se", "s’", "s'") or (
                t.i > 1 and self.token_list[t.i - 1].lower_ in ("est", "sont", "était", "étaient") and
                self.token_list[t.i - 2].lower_ in ("se", "s’", "s'") and lem in REFLEXIVE_NOT_SPEECH)) and \
                not (lem == "dire" and any(x.lower_ in self.lex.complementizers
                                           for x in self.token_list[t.i + 1:t.i + 4])):
            return False  # "se révèle", "se dit", "qui s'est révélé ne pas exister" (but "se disant convaincus que")
        if self.lang == "fr" and self.text[max(0, t.idx - 3):t.idx].endswith(("à-", "à ")) and \
                not self._intended(t):
            return False  # "c’est-à-dire", "à dire vrai" (but "a tenu à préciser que")
        if self.lang == "fr" and low == "dire" and t.i > 0 and self.token_list[t.i - 1].lower_ in MEAN_FORMS_FR:
            return False  # "ce qui veut dire que …": to mean, not to say
        mistagged = lem.endswith("er") and not low.endswith(("é", "ée", "és", "ées"))  # "rappelle" is no participle
        if self.lang == "fr" and (low in PART_ADJ_FR or ("Part" in t.morph.get("VerbForm") and
                                                         "Pres" not in t.morph.get("Tense") and not mistagged)):
            # a past participle without its auxiliary is an adjective; "considérant que", "en expliquant" report
            near = [x.lower_ for x in self.token_list[max(0, t.i - 4): t.i + 2]]
            nxt = self.token_list[t.i + 1] if t.i + 1 < len(self.token_list) else None
            coordinated = t.i > 0 and self.token_list[t.i - 1].lower_ in ("et", "puis", "mais") and nxt is not None \
                and (nxt.lower_ in self.lex.complementizers or "Inf" in nxt.morph.get("VerbForm"))
            subject = t.i > 0 and self.token_list[t.i - 1].lower_ in SUBJECT_PRONOUNS_FR  # "Il dit pourtant …"
            # "Le camp de M. Kabila dit qu'il voulait …": a present "dit" the tagger took for the participle
            clause = low == "dit" and nxt is not None and nxt.lower_ in self.lex.complementizers
            if not coordinated and not subject and not clause and not any(x in AUX_FR or CLITIC.match(x)
                                                                          for x in near):
                return False  # adjectival participle: "des réponses dites « … »" (not "… et dit regretter …")
        pos = t.pos_ if self.has_pos else ""
        if not pos or pos in ("VERB", "AUX"):
            return True
        if self.lang == "fr" and low in self.lex.forms and t.i > 0 and \
                self.token_list[t.i - 1].lower_ in SUBJECT_PRONOUNS_FR:
            return True  # "Elle juge que …" (tagged a noun)
        if self.lang == "fr" and pos == "PROPN" and t.text.islower() and t.i > 0 and (
                self.token_list[t.i - 1].lower_ in AUX_FR or self.token_list[t.i - 1].pos_ in ("PROPN", "PRON")):
            return True  # a lower-case "proper noun" is a verb the tagger missed: "il a tweeté :", "Noura écrivit:"
        if low in self.lex.forms and pos in ("ADJ", "NOUN") and 0 < t.i < len(self.doc) - 1:
            prev, nxt = self.doc[t.i - 1], self.doc[t.i + 1]
            if prev.pos_ in ("NOUN", "PROPN") and nxt.text[:1] in DOUBLE + ":":
                return True  # "le conseiller du président lâche « … »": a noun then the form then the quote
            after = self.doc[t.i + 2] if t.i + 2 < len(self.doc) else None
            if nxt.text == "," and after is not None and after.text[:1] in DOUBLE:
                return True  # "… and whispers, “…”" tagged as a plural noun
        return low in self.lex.forms and pos not in ("NOUN", "PROPN", "ADJ", "DET", "ADP", "CCONJ", "PRON", "NUM")

    def _expressed(self, t: Token) -> bool:
        """German "zum Ausdruck bringen": the verb, then "zum Ausdruck" before the clause's first punctuation."""
        words: list[str] = []
        for x in self.token_list[t.i + 1:t.i + 12]:
            if x.is_punct:
                break
            words.append(x.lower_)
        return any(a == "zum" and b == "ausdruck" for a, b in itertools.pairwise(words))

    def _inverted_after_quote(self, t: Token) -> bool:
        """French "« … » , analyse un expert", "« … », ironise Marine Le Pen": any verb right after a closing quote
        and a comma, its subject inverted after it, is the quote's incise."""
        if self.lang != "fr" or not self.has_pos or t.i < 2 or t.i + 1 >= len(self.doc) or \
                t.pos_ not in ("VERB", "NOUN", "ADJ") or not t.text.islower():
            return False
        if t.pos_ == "VERB" and ("Inf" in t.morph.get("VerbForm") or (
                "Pres" in t.morph.get("Tense") and "Part" in t.morph.get("VerbForm"))):
            return False  # "« … » , tirant son origine de « … »": a participle, no incise and no inverted subject
        before, nxt = self.doc[t.i - 2], self.doc[t.i + 1]
        return self.doc[t.i - 1].text == "," and before.text in ("»", "”", '"') and (
            nxt.pos_ in ("DET", "PROPN") or (nxt.text.startswith("-") and CLITIC.match(nxt.text) is not None))

    def is_source_noun(self, t: Token) -> bool:
        """A noun that names a source ("responsable", "ex-ministre", "porte-parole" — also scraped as "porte
        parole")."""
        word = t.lower_
        if word in self.lex.source_nouns or word.split("-")[-1] in self.lex.source_nouns:
            return True
        return word == "porte" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "parole"

    def speech_event(self, t: Token) -> bool:
        """A reporting verb that reports (not "to say", "can predict", "könnte sagen")."""
        if not self.is_reporting(t):
            return False
        caused = self.lang == "fr" and t.i > 0 and self.token_list[t.i - 1].lower_ in FAIRE_FORMS
        if "Inf" in t.morph.get("VerbForm") and not (self._narrative_infinitive(t) or self._intended(t) or caused or
                                                     self._auxiliary_do_would(t)):
            return False  # (but "fait remarquer X", "a fait savoir que")
        prev = [x.lower_ for x in self.token_list[max(0, t.i - 4): t.i]]
        nxt = self.token_list[t.i + 1] if t.i + 1 < len(self.token_list) else None
        if self.lang == "en" and t.lemma_.lower() == "continue" and nxt is not None and (
                nxt.lower_ == "to" or nxt.tag_ == "VBG"):
            return False  # "the rebels are continuing to pose …": goes on doing, not speaking
        if self.lang == "en" and prev and (prev[-1] == "to" or any(
                x.lower_ in ("can", "could", "might", "may", "must", "should") and x.text[:1].islower()
                for x in self.token_list[max(0, t.i - 2): t.i])):
            return False  # (not the month: "a book to be published in May, says")
        clause_prev = prev[max((k + 1 for k, x in enumerate(prev) if x in (",", ";", ":")), default=0):]
        if self.lex.modals and any(x in self.lex.modals for x in clause_prev):
            return False  # "könnte sagen" (not "… aussenden wollen,⏎sagte er": the modal ends the clause before)
        # embedded or hypothetical: "pourrait indiquer que les chefs estiment que …" — but a verb right after a
        # comma opens an incise ("…, dass die Konsolidierung Vorrang habe, sagte er"): what precedes is its content
        b = t.i - 1
        while b > 0 and (self.token_list[b].lower_ in self.lex.auxiliaries or CLITIC.match(self.token_list[b].text)):
            b -= 1  # ", a révélé le journal": the auxiliary between the comma and the verb
        if b >= 0 and self.token_list[b].text == "," and self._trailing_incise(t):
            return True
        if self.lang == "fr" and b >= 0 and self.token_list[b].text == "," and any(
                CLITIC.match(x.text) and x.lower_ != "-t" for x in self.token_list[b + 1:t.i + 2]):
            return True  # an inverted clitic: "Les conséquences seraient douloureuses, a-t-il dit, ajoutant …"
        if self.has_dep and b >= 1 and self.token_list[b].lower_ in SUBJECT_PRONOUNS_FR | {"he", "she", "they"} and \
                self.token_list[b - 1].lower_ in ("et", "mais", "and", "but") and \
                any(c.i == b and c.dep_.startswith("nsubj") for c in t.children):
            return True  # "… a rappelé que … et il a souligné que …": a second clause with its own subject
        if self.lang == "de" and t.i >= 2 and self.token_list[t.i - 1].lower_ == "und" and \
                self.token_list[t.i - 2].text == ",":
            return True  # "…, betonte, dass …, und forderte die EU auf": "und" then the finite verb is a main clause
        if self.has_dep and self._main_after_gerund(t):
            return True  # "Soulignant que …, la chef de la diplomatie américaine a dit que …"
        # with a parse, only a complementizer or a conditional on the verb's own chain of heads embeds it, not
        # one in an adjunct or a relative clause before it ("Concernant les craintes que …, M. Kerry a dit que")
        chain = _assertion_chain(t) if self.has_dep and t.dep_ else None
        j = t.i - 1
        while j >= max(0, t.i - 25) and self.token_list[j].text not in (".", "!", "?") and \
                "\n" not in self.token_list[j].text:
            x = self.token_list[j]
            if (x.lower_ in self.lex.complementizers or "Cnd" in x.morph.get("Mood")) and (
                    chain is None or x.i in chain or x.head.i in chain):
                return False
            j -= 1
        return True

    @staticmethod
    def _leading_gerund(t: Token) -> Token | None:
        """The present participle that opens the sentence of ``t`` ("Soulignant que …", "Expliquant à X …")."""
        first = next((x for x in t.sent if not x.is_space and not x.is_punct), None)
        return first if first is not None and "Part" in first.morph.get("VerbForm") and \
            "Pres" in first.morph.get("Tense") else None

    def _in_leading_gerund(self, t: Token) -> bool:
        """The token lies in the clause of a sentence-initial gerund ("Expliquant à X la décision de son pays …,"),
        whose noun phrases are its objects, not the main verb's subject."""
        first = self._leading_gerund(t)
        return first is not None and first.i < t.i and \
            not any(x.text == "," for x in self.token_list[first.i:t.i + 1])

    def _main_after_gerund(self, t: Token) -> bool:
        """The verb has its own subject after the comma that closes a sentence-initial gerund clause: it is the
        main clause, whatever the parser hung it on."""
        subjects = [c for c in t.children if c.dep_.startswith("nsubj") and c.i < t.i]
        first = self._leading_gerund(t) if subjects else None
        return first is not None and first.i < subjects[0].i and \
            any(x.text == "," for x in self.token_list[first.i:subjects[0].left_edge.i])

    def _auxiliary_do_would(self, t: Token) -> bool:
        """English "would only say that …", "did not say whether …": the bare infinitive of a finite verb phrase."""
        if self.lang != "en":
            return False
        j = t.i - 1
        while j >= 0 and self.token_list[j].pos_ in ("ADV", "PART") and t.i - j <= 3:
            j -= 1  # "would only", "did not"
        return j >= 0 and self.token_list[j].lower_ in ("would", "did", "does", "do")

    def _trailing_incise(self, t: Token) -> bool:
        """The verb's clause runs to the end of its sentence with no further comma: ", sagte er der „Bild“."."""
        for x in self.token_list[t.i + 1:t.i + 14]:
            if x.text in (".", "!", "?") or "\n" in x.text:
                return True
            if x.text in (",", ";", ":"):
                return False
        return False

    def _intended(self, t: Token) -> bool:
        """French infinitives that report all the same: "a tenu à préciser que", "a fait savoir que", "a voulu
        rappeler que" — the subject of the intent verb says it."""
        if self.lang != "fr" or t.i < 2:
            return False
        prev, before = self.token_list[t.i - 1].lower_, self.token_list[t.i - 2].lower_
        return (prev == "à" and before in TENIR_FORMS) or prev in FAIRE_FORMS | INTENT_FORMS

    def _narrative_infinitive(self, t: Token) -> bool:
        """French "Eux d'ajouter que …", "Et lui de répondre : …": the infinitive tells what they said."""
        if self.lang != "fr" or t.i < 2:
            return False
        de, who = self.token_list[t.i - 1], self.token_list[t.i - 2]
        return de.lower_ in ("de", "d'", "d’") and who.lower_ in STRESSED_PRONOUNS

    def cue_of(self, t: Token) -> str:
        return t.lemma_.lower() if self.has_lemma and t.lemma_ else t.lower_

    def is_pronoun(self, t: Token) -> bool:
        return t.lower_ in self.lex.pronouns or bool(CLITIC.match(t.text))

    def is_finite_verb(self, t: Token) -> bool:
        if not self.has_pos:
            return False
        if "Fin" in t.morph.get("VerbForm"):
            return True
        return t.pos_ == "VERB" and not self.has_morph

    # --- people ---------------------------------------------------------------------------------------------------
    def coordinated_people(self, a: int, b: int) -> Speaker | None:
        """"Thierry et Véronique Roy rapportent", "Merkel and Macron said": two people joined by a conjunction
        speak together; the speaker is the phrase as written."""
        inside = [p for p in self.people if a <= p.start and p.end <= b]
        if len(inside) != 2 or inside[0].canonical == inside[1].canonical:
            return None
        first, second = inside
        if self.text[first.end:second.start].strip().lower() not in COORDINATING:
            return None
        phrase = self.text[first.start:second.end]
        return Speaker("name", phrase, first.start, second.end, phrase)

    def speaker_of(self, p: Person) -> Speaker:
        """A person (or organisation) mention as a named speaker, as written and with its canonical name."""
        return Speaker("name", self.text[p.start:p.end], p.start, p.end, p.canonical)

    def person_in(self, a: int, b: int, qualifier: bool = False) -> Person | None:
        """First person mention within [a, b]; else an organisation that heads the phrase ("the BBC", not
        "a spokesperson for the BBC", nor — unless ``qualifier`` — "the UN official")."""
        found = _first_in(self.people, self.person_starts, a, b)
        if found is not None:
            return found
        org = _first_in(self.orgs, self.org_starts, a, b)
        if org is None or self.text[org.end:org.end + 1] == "-":
            return None  # "EU-Kommissar Thierry Breton": the organisation only modifies the role
        lead = [t for t in self.tokens(a, org.start) if not t.is_punct]
        if all(t.lower_ in ARTICLES or t.lower_ == "l" for t in lead) and (  # ("l' IGF", scraped)
                qualifier or not self.qualifies_role(org, b)):
            return org
        return None

    def qualifies_role(self, p: Person, b: int) -> bool:
        """"the UN official", "a Kremlin spokesman": an organisation followed, up to ``b``, only by lower-case nouns
        only qualifies the person the phrase describes."""
        trail = [t for t in self.tokens(p.end, b + 1) if not t.is_punct]
        return bool(trail) and all(t.text.islower() and (not self.has_pos or t.pos_ == "NOUN") for t in trail)

    def persons_before(self, pos: int, window: int = 1500, gender: str | None = None) -> Person | None:
        """Latest person mention before pos, preferring full names nearby (one-word PER hits are often NER noise)."""
        i = bisect.bisect_left(self.person_starts, pos) - 1
        latest = None
        while i >= 0:
            p = self.people[i]
            if p.end <= pos and not self.conflicts(p.canonical, gender):
                if latest is None:
                    latest = p
                if len(p.canonical.split()) >= 2 or p.start < pos - window:
                    return p if p.start >= pos - window else latest
            i -= 1
        return latest

    def places(self) -> list[tuple[int, str]]:
        """(start, folded text) of the model's place and nationality mentions ("Kyrgyzstan", "russe"), found once."""
        if self._places is None:
            self._places = [(e.start_char, fold_name(e.text).lower()) for e in self.doc.ents
                            if e.label_ in PLACE_LABELS]
        return self._places

    def gender_of(self, name: str) -> str | None:
        """"F", "M" or None for a person of the article (``streams.enrich.gender``)."""
        if name not in self._genders:
            mentions = [(p.start, p.end) for p in self.people if p.canonical == name]
            self._genders[name] = person_gender(self.text, name, mentions, self.lang)
        return self._genders[name]

    def conflicts(self, name: str | None, gender: str | None, start: int | None = None,
                  end: int | None = None) -> bool:
        """The person named cannot be what a pronoun of ``gender`` refers to ("elle" is not Christian Estrosi, nor
        "l'homme": a description's head noun has a grammatical gender where the tagger gives one)."""
        if not name or gender is None:
            return False
        known = self.gender_of(name)
        if known is None and start is not None and end is not None and self.has_morph:
            known = noun_gender(self.tokens(start, end))
        return known is not None and known != gender

    def is_subject(self, p: Person) -> bool:
        """The mention is the subject of its clause: pronouns prefer subjects as antecedents. Without a parse
        (German), a name after a preposition or a dative article ("meldet sich Moreno bei Geyer") is none."""
        toks = self.tokens(p.start, p.end)
        if self.has_dep and any(t.dep_ for t in toks):  # parse_scope=cues leaves some sentences unparsed
            return any(t.dep_.startswith("nsubj") or t.dep_ == "sb" or (t.dep_ == "appos" and _in_subject(t))
                       for t in toks) or (toks[0].dep_ == "dep" and toks[0].is_sent_start is True) or (
                toks[0].dep_ == "ROOT" and toks[0].is_sent_start is True and
                not any(t.pos_ in ("VERB", "AUX") for t in toks[0].sent))
            # "Zach Manoun, arrivé d'un vol …, a été témoin": a name opening its sentence the parser left loose;
            # "Jean-Luc Laurent ( PS ), a lui cherché …": a name the parser cut off as a verbless sentence
        near = self.tokens(max(0, p.start - 40), p.start)
        if self.lang == "fr" and _after_preposition_fr(near[-2:]):
            return False  # "La contribution du président Yar’Adua …" (unparsed): a complement, no subject
        before = [t for t in near if t.idx >= p.start - 30][-1:]
        if not before or before[0].lower_ in OBLIQUE_DE:
            return not before
        if self.lang == "de":  # "trifft den Bremer Bürgermeister Andreas Bovenschulte": past the role, an object
            titled = self.tokens(max(0, p.start - 60), p.start)
            k = len(titled) - 1
            while k > 0 and len(titled) - k <= 3 and titled[k].text[:1].isupper() and titled[k].text.isalpha():
                k -= 1
            if k < len(titled) - 1 and titled[k].lower_ in OBJECT_ARTICLES_DE:
                return False  # (but "vom Münchner Oberbürgermeister X angestochen": the agent speaks)
            if titled and titled[-1].text == "," and _apposed_to_object_de(titled[:-1]):
                return False  # "… und dem Präsidenten der Bremischen Bürgerschaft, Frank Imhoff, …"
        if before[0].text not in DOUBLE + SINGLE:
            return True
        # nor is a name opening a title in quote marks ("»Jaegers Grenze«"; but the mark may close the paragraph
        # before: "… de notre pays. »⏎⏎Ali Ben Bongo Ondimba a minimisé …")
        mark = before[0].idx
        return "\n" in self.text[mark:p.start] or _char_before(self.text, mark) in (".", "!", "?")

    def subject_before(self, pos: int, floor: int, gender: str | None = None,
                       past_reports: bool = False) -> Person | None:
        """Latest person mention in [floor, pos) that is a clause subject (of ``gender`` when it is known; with
        ``past_reports``, not inside a reported clause already attributed)."""
        i = bisect.bisect_left(self.person_starts, pos) - 1
        while i >= 0 and self.people[i].start >= floor:
            p = self.people[i]
            if p.end <= pos and self.is_subject(p) and not self.conflicts(p.canonical, gender) and not (
                    past_reports and any(a <= p.start < b for a, b in self.reported)):
                nxt = self.people[i + 1] if i + 1 < len(self.people) else None
                pair = self.coordinated_people(p.start, nxt.end) if nxt is not None and nxt.end <= pos else None
                return Person(pair.canonical or pair.text, pair.start, pair.end) if pair is not None else p
            i -= 1
        return None

    def org_for(self, desc: str, pos: int) -> str | None:
        """The organisation a definite description stands for ("the force" → West Midlands Police, "die
        Rechnungsprüfer" → Europäischer Rechnungshof): its head noun, a synonym, or a long shared compound stem
        appears in the name of an organisation of the article, the latest before ``pos`` preferred."""
        words = [fold(w) for w in re.findall(r"\w+", desc)]
        if not words or not self.orgs or len(words) > 8:
            return None
        if words[0] not in ORG_DETERMINERS:  # "Police in the West Midlands": most of its words name one org
            content = {w for w in words if len(w) >= 4}
            named = [o for o in self.orgs if words[0] in _words_of(o.canonical)
                     and len(content & _words_of(o.canonical)) >= 2]
            return named[0].canonical if named else None
        if len(words) > 4 or any(w in ORG_STOP for w in words[1:]):
            return None  # "the Berlin wine merchant", "la porte-parole du ministère": a person's description
        if self.lang == "fr" and len(words) >= 3 and (words[1] in ROLE_HEADS or words[1] in CANDIDATE_NOUNS_FR):
            return None  # "le candidat socialiste": a person; the adjective after the noun names the party
        head = words[-1]
        if len(head) < 4:
            return None
        keys = {head, *ORG_SYNONYMS.get(head, ())}

        def fits(o: Person) -> bool:
            for w in _words_of(o.canonical) | _words_of(self.text[o.start:o.end]):
                if w in keys or (len(head) >= 8 and _stem_match(head, w)):
                    return True
            return False

        before = [o for o in self.orgs if o.end <= pos and fits(o)]
        if before:
            return before[-1].canonical
        after = [o for o in self.orgs if fits(o)]
        return after[0].canonical if after else None

    def qualified_body(self, desc: str) -> str | None:
        """The full name of a body named earlier as part of an organisation: "la section 37" after "la section 37
        du Comité national" stands for "section 37 du Comité national"."""
        if self._qualified is None:
            self._qualified = {}
            for o in self.orgs:
                base = max(0, o.start - 60)
                m = QUALIFIED.search(self.text[base:o.start])
                if m:
                    self._qualified.setdefault(fold(m.group(1)), self.text[base + m.start(1):o.end])
        folded = fold(desc)
        for key, full in self._qualified.items():
            if fold(full) in folded:
                return None  # already the full name
            if key.split()[0] not in ROLE_HEADS and key.split()[0] not in CANDIDATE_NOUNS_FR and \
                    re.search(r"(?:^|\b(?:le|la|les|l|the|der|die|das)\s+)" + re.escape(key) + r"\s*$", folded):
                return full  # (not "le candidat socialiste" after "le candidat de la France insoumise": a person)
        return None

    def document_author(self, desc: str) -> str | None:
        """"a report" when the article says "The report by the University and College Union": the author named
        with the document (by/de/par/von + a name) stands for it."""
        words = re.findall(r"\w+", desc)
        if not 1 <= len(words) <= 2 or fold(words[-1]) not in DOCUMENTS:
            return None
        for m in re.finditer(r"\b" + re.escape(words[-1]) + r"\s+(?:by|de|du|par|von|des)\s+(?:the\s+|la\s+|le\s+|l’)?",
                             self.text, re.IGNORECASE):
            p = next((x for x in [*self.people, *self.orgs] if x.start == m.end()), None)
            if p is not None:
                return p.canonical
        return None

    def canonical_name(self, name: str) -> str:
        name = _clean_name(name)
        words = name.split()
        if not words:
            return name
        full = self.surnames.get(fold(words[-1]))
        if full and len(full) >= len(name):
            return full
        return name

    # --- text structure -------------------------------------------------------------------------------------------
    def build_structure(self, spans: list[MarkedSpan]) -> None:
        """Hard paragraph breaks and sentence bounds that never cut through a quoted span."""
        text = self.text
        inside = [(s.open_at, s.close_at if s.close_at is not None else s.end) for s in spans]
        self.breaks = [m.start() for m in re.finditer(r"\n\s*", text) if not _soft(text, m.start()) and not (
            _in_spans(m.start(), inside) and wrapped(text, m.start()))]  # a hard-wrapped line inside a quote
        bounds: list[tuple[int, int]] = []
        par_start = 0
        for br in [*self.breaks, len(text)]:
            cut = par_start
            for m in _SENT_END.finditer(text, par_start, br):
                end = m.end()
                if _in_spans(m.end() - 1, inside) or ends_abbreviation(text, m.start(), par_start):
                    continue
                bounds.append((cut, end))
                cut = end
            bounds.append((cut, br))
            par_start = br + 1
        self.sentences = [(a, b) for a, b in bounds if text[a:b].strip()]
        self._sent_starts = [a for a, _ in self.sentences]

    def paragraph_of(self, pos: int) -> int:
        return bisect.bisect_left(self.breaks, pos)

    def sentence_of(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._sent_starts, pos) - 1
        if i < 0:
            return (0, len(self.text))
        return self.sentences[i]

    # --- speaker noun phrases ------------------------------------------------------------------------------------
    def _name_closing_subject(self, rest: list[Token]) -> Speaker | None:
        """The words after a description's first comma are only a name (and its article): the description's
        apposition, parsed as a modifier ("L'un des partis …, l'Action Congress, estime")."""
        words = [t for t in rest if not t.is_punct]
        if not words:
            return None
        end = words[-1].idx + len(words[-1].text)
        named = self.person_in(words[0].idx, end)
        lead = [t for t in words if named is not None and t.idx < named.start]
        if named is None or named.end != end or any(t.lower_ not in ARTICLES for t in lead):
            return None
        return self.speaker_of(named)

    def speaker_before(self, toks: list[Token], verb: Token) -> Speaker | None:
        """Subject of a reporting verb, looked for among the tokens before it (its clause)."""
        toks = [t for t in toks if t.i < verb.i]
        after_comma = self.lang == "de" and bool(toks) and toks[-1].text == "," and verb.i + 1 < len(self.doc) and \
            (self._person_at(self.doc[verb.i + 1].idx) or self.doc[verb.i + 1].lower_ in NOMINATIVE_ARTICLES_DE)
        shared = self._shared_subject_de(toks) if self.lang == "de" and not self.has_pos else None
        if shared is not None:
            return shared
        # "…, sagte Martin Selmayr, …", "…, die … berichtet hatten, sagte der Rechtsanwalt …": the subject after
        if self.lang == "de" and not self.has_pos and (_fronted_adjunct_de(toks) or _fronted_clause_de(toks) or
                                                       after_comma):
            # verb second after a fronted adjunct: "Am Montag sagte der Sprecher", "Dazu erklärte er", "Auf die
            # Frage, was er Ursula von der Leyen mitgebe, sagte Juncker"
            after = [t for t in self.doc[verb.i + 1:verb.sent.end if verb.doc.has_annotation("SENT_START")
                                         else len(self.doc)]][:16]
            inverted = self.speaker_after(after)
            if inverted is not None:
                return inverted
        if self.lang == "de" and len(toks) >= 2 and toks[-1].lower_ == "und" and self.is_pronoun(toks[-2]):
            return pronoun_speaker(toks[-2])  # "„…“, sagte er und forderte …": the subject of the verb before "und"
        if not self.has_pos:  # before the pronoun next to the verb: "Dieser hatte über sie gesagt" — sie is no subject
            v2 = self._verb_second_subject(toks)
            if v2 is not None:
                return v2
        # clitic/pronoun right before the verb, skipping auxiliaries and adverbs ("a-t-il noté", "she also said")
        j = len(toks) - 1
        if self.lang == "fr" and self._narrative_infinitive(verb):
            j -= 1  # "Eux d'ajouter": the pronoun before "d'"
        while j >= 0 and (toks[j].lower_ in self.lex.auxiliaries or toks[j].lower_ in REFLEXIVES or (
                self.has_pos and toks[j].pos_ in ("ADV", "PART") and not self.is_pronoun(toks[j])) or (
                toks[j].pos_ == "ADP" and toks[j].dep_ in ("advmod", "fixed"))):
            j -= 1  # "il s’est dit": past the reflexive too ("Il a en outre insisté": and a fixed adverbial)
        if j >= 0 and self.is_pronoun(toks[j]) and not self._emphatic(toks, j):
            return pronoun_speaker(toks[j])
        if self.lang == "fr" and j >= 1 and LATTER_FR.get(toks[j].lower_) == toks[j - 1].lower_ and \
                (j == 1 or toks[j - 2].is_punct):
            return Speaker("pronoun", self.text[toks[j - 1].idx:toks[j].idx + len(toks[j].text)], toks[j - 1].idx,
                           toks[j].idx + len(toks[j].text))
        clause_subject = self._name_opening_clause(toks, j) or self._noun_phrase_opening_clause(toks, j, verb)
        if clause_subject is not None:
            return clause_subject
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "sb") and
                not self._in_leading_gerund(c) and not self._across_comma_of_participle(c, verb)] if verb.dep_ else []
        if not subj and self.lang == "fr" and verb.dep_ == "xcomp" and verb.head.i < verb.i:
            # "a permis à la ministre du travail Myriam El Khomri de déclarer que": the person the main verb lets
            # (or asks) speak, its "à" object before the infinitive
            subj = [c for c in verb.head.children if c.dep_ in ("obl:arg", "iobj") and c.i < verb.i and
                    any(x.dep_ == "case" and x.lower_ == "à" for x in c.children)]
        if not subj and verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i < verb.i and \
                verb.head.pos_ in ("VERB", "AUX"):
            # participle or coordinated verb without a subject of its own: the subject of the verb it hangs on —
            # or of the reporting verb above it when the parser hung it inside the reported clause ("X said the
            # group was going to target VOA, charging VOA “…”": X charges, not the group)
            host = verb.head
            if verb.dep_ == "advcl" and host.dep_ == "ccomp" and self.is_reporting(host.head):
                host = host.head
            subj = [c for c in host.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
            for _ in range(3):  # "X estime avoir bien fait de refuser … et ajoute que": up the infinitive chain
                if subj or host.dep_ not in ("xcomp", "conj") or host.head.i >= host.i:
                    break
                host = host.head
                subj = [c for c in host.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
        if not subj and verb.dep_ in ("acl", "acl:relcl") and verb.head.dep_ in ("dobj", "obj") and \
                verb.head.head.pos_ == "VERB" and verb.head.head.i < verb.i:
            # "The US military released a statement saying …": who issued the statement says it
            subj = [c for c in verb.head.head.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
        nonfinite = bool({"Inf", "Part", "Ger"} & set(verb.morph.get("VerbForm"))) and self.lang == "fr"
        if not subj and nonfinite and verb.i > 0 and self.doc[verb.i - 1].lower_ == "en" and \
                verb.sent.root.i < verb.i and verb.dep_ == "advcl" and verb.head.dep_ in ("conj", "acl:relcl"):
            # a French gerund shares the main clause's subject, also when the parser hung it inside a relative
            # clause ("X a commencé son allocution devant les membres qui … en soulignant que …")
            subj = [c for c in verb.sent.root.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if not subj and nonfinite and "Pres" in verb.morph.get("Tense"):
            # "EDF précise qu'« … » et qu'il « a été maîtrisé » , ajoutant qu'…": the gerund hung inside the
            # reported clause adds to the report — the subject of the reporting verb above it
            subj = self._reporter_above(verb)
        if not subj and nonfinite:
            # "Amnesty publie un rapport … invitant la population à appeler « … »": up the chain of infinitives,
            # participles and the nouns they describe to the finite verb with a subject
            subj = _host_subjects(verb)
        if not subj and verb.dep_ == "conj" and verb.head.pos_ not in ("VERB", "AUX"):
            # mis-attached coordination ("He places it on the table and whispers": whispers ← table): the subject
            # of the verb governing the phrase it hangs on
            host = verb.head
            while host.dep_ != "ROOT" and host.pos_ not in ("VERB", "AUX"):
                host = host.head
            if host.pos_ in ("VERB", "AUX") and host.i < verb.i:
                subj = [c for c in host.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
        for s in subj:
            if s.i < verb.i and (not toks or s.i >= toks[0].i or (nonfinite and not any(
                    self.is_reporting(t) for t in toks if t.i < verb.i))):
                # (but "« … » , continue-t-il, ajoutant qu' « … »": the incise between has the speaker)
                phrase = [t for t in s.subtree if t.i < verb.i and not t.is_space]
                if _relative_of(phrase):  # "La mère de Maëlys a écrit": the mother, not Maëlys
                    return self._describe(phrase)
                pair = self.coordinated_people(s.left_edge.idx, s.right_edge.idx + len(s.right_edge.text))
                if pair is not None:
                    return pair
                # the subject's words before the verb, and a name closing them after the comma ("L'un des partis
                # d'opposition …, l'Action Congress, estime que")
                sub = [t for t in s.subtree if t.i < verb.i]
                cut = next((k for k, t in enumerate(sub) if t.text == "," and t.i > s.i), None)
                apposed_name = self._name_closing_subject(sub[cut + 1:]) if cut else None
                p = self.person_in(s.left_edge.idx, s.right_edge.idx + len(s.right_edge.text))
                if p and s.pos_ == "NOUN" and p.start > s.idx and s.lower_ in ROLE_HEADS and \
                        apposed_name is not None and apposed_name.start > p.start:
                    return apposed_name  # "un porte-parole d'Adama Barrow, Halifa Sannah, a déclaré": the name
                    # apposed to the role speaks, not the person the role is of
                if p:
                    return self.speaker_of(p)
                if self.is_pronoun(s) or (self.lang == "en" and s.lower_ == "it" and s.dep_ == "nsubj"):
                    return pronoun_speaker(s)  # "It also said …": an organisation (the quotes resolve which)
                if s.lower_ in RELATIVE_WHO and verb.dep_ in ("relcl", "acl:relcl") and \
                        (named := self._person_before_apposition(s)) is not None:
                    return named  # "Mike Huggins, a spokesperson for the World Food Program, who says"
                if s.lower_ in self.lex.non_speakers and verb.dep_ in ("relcl", "acl:relcl") and verb.head.i < s.i \
                        and (verb.head.dep_ == "ROOT" or verb.head.pos_ in ("VERB", "AUX")) and \
                        (antecedent := self._phrase_before_comma(s)) is not None:
                    return antecedent  # "…, selon une source proche de l’enquête, qui ajoute que": the relative
                    # clause hung on the main clause
                if s.lower_ in self.lex.non_speakers and verb.dep_ in ("relcl", "acl:relcl") and verb.head.i < s.i:
                    head = verb.head  # "a wine merchant in Berlin who informed me"
                    region = [t for t in self.doc[head.left_edge.i: s.i] if not t.is_space]
                    mark = max((n for n, t in enumerate(region) if t.text in DOUBLE + SINGLE), default=-1)
                    region = region[mark + 1:]  # "« … » par une voisine, qui a ajouté": not the quoted words
                    while region and region[0].dep_ == "case":
                        region = region[1:]  # "… négociée avec le chef …, qui déclare": not "avec"
                    cue = self._according_cue_end(region)
                    if cue is not None and cue < len(region):
                        region = region[cue:]  # "… pas d'un acte terroriste selon la police, qui précise": the
                        # source the relative clause goes on with, not the phrase it came after
                    return self.name_or_desc(region)
                if s.lower_ in RELATIVE_WHO:  # cleft: "It was a wine merchant in Berlin who first informed me"
                    cleft = self._cleft_antecedent(s)
                    if cleft is not None:
                        return cleft
                for a in s.children:  # "Zimbabwe’s main opposition group, the Movement for Democratic Change,"
                    named = self.person_in(a.left_edge.idx, a.right_edge.idx + len(a.right_edge.text)) \
                        if _apposed(s, a) and a.i < verb.i else None
                    if named is not None and named.canonical in self.org_names and s.lower_ in self.lex.source_nouns:
                        continue  # "un porte-parole de l'entreprise RTE (Réseau de Transport d'Électricité)"
                    if named is not None:
                        return self.speaker_of(named)
                named_before = self._name_apposed_before(s.left_edge.idx)
                if named_before is not None:
                    return named_before  # "Oscar Munoz , le PDG de la compagnie, s'est excusé": the name, not the role
                if apposed_name is not None:
                    return apposed_name  # "L'un des partis d'opposition …, l'Action Congress, estime que"
                sub = _with_conjunct(s, sub, cut) if cut else sub
                lead = max((k for k, t in enumerate(sub) if t.text == "," and t.i < s.i), default=None)
                if lead is not None and lead + 1 < len(sub) and sub[lead + 1].pos_ in ("DET", "PROPN"):
                    sub = sub[lead + 1:]  # "Abondant dans le même sens, un habitant de Kinshasa": not the gerund
                named_after = self._name_right_after(sub[-1]) if sub else None
                if named_after is not None:
                    return named_after  # "Le journal russe Novaïa Gazeta": the name the description introduces
                return self._describe(sub)  # no relative clause: "…, who was a witness,"
        if not toks:
            return None
        last_comma = max((k for k, t in enumerate(toks[: j + 1]) if t.text == ","), default=None)
        tail = toks[last_comma + 1: j + 1] if last_comma is not None else []
        named_end = bool(tail) and self._person_ending(tail[-1]) is not None
        if named_end and self.has_pos and len(tail) <= 12 and not any(t.pos_ in ("VERB", "AUX") for t in tail):
            # "…, le ministre français des Affaires étrangères Bernard Kouchner a indiqué": the long title of
            # the clause's subject closes with the name
            return self.speaker_of(self._person_ending(tail[-1]))
        if self.has_pos and 0 < len(tail) <= 6 and any(t.pos_ in ("NOUN", "PROPN") for t in tail) and not any(
                t.pos_ in ("VERB", "AUX", "ADP") and t.lower_ not in ("de", "d’", "d'", "of") for t in tail[:1]):
            # "En réaction à la candidature d’Emmanuel Macron, …, plus de 2500 chercheurs annoncent": the noun
            # phrase of the verb's own clause, not a name in an adjunct before the comma
            p = self.person_in(tail[0].idx, tail[-1].idx + len(tail[-1].text))
            if p:
                return self.speaker_of(p)
            if not any(t.pos_ in ("VERB", "AUX") for t in tail):
                return self.name_or_desc(tail)
        appositive = self._apposition_before(toks[: j + 1])
        if appositive is not None:
            return appositive
        first_comma = next((k for k, t in enumerate(toks) if t.text == ","), None)
        if self.has_pos and toks[0].pos_ == "ADP" and first_comma is not None and first_comma + 1 < len(toks):
            # "Dans un entretien avec Ferdinand Ferella, le lieutenant-colonel Didier Rancher, … a expliqué": the
            # fronted adjunct's name is not the subject
            rest = toks[first_comma + 1:]
            p = self.person_in(rest[0].idx, rest[-1].idx + len(rest[-1].text))
            if p is not None and p.canonical not in self.org_names:
                return self.speaker_of(p)
        p = self.person_in(toks[0].idx, toks[-1].idx + len(toks[-1].text))
        if p:
            return self.speaker_of(p)
        seg = toks[: j + 1]
        if not self.has_pos and self.lang == "de":  # "Die Teilnehmer der hochrangigen Konferenz brachten …"
            opening = seg[max((k + 1 for k, t in enumerate(seg) if t.is_punct), default=0):]
            if len(opening) >= 3 and noun_phrase_end_de(opening, self.lex.determiners) == len(opening):
                return self.name_or_desc(opening)
        if not self.has_pos:  # no tagger: the capitalised run right before the verb ("von denen Relotius behauptet")
            while len(seg) > 1 and seg[-1].text.islower() and seg[-1].lower_ in SENTENCE_ADVERBS_DE:
                seg = seg[:-1]  # "wo der Sprecher des Innenministeriums nochmal bestätigte"
            k = len(seg)
            while k > 0 and len(seg) - k < 6 and seg[k - 1].lower_ not in self.lex.non_speakers and (
                    _cap(seg[k - 1]) or seg[k - 1].lower_ in self.lex.particles or (
                    seg[k - 1].lower_ in GENITIVE_LINKS_DE and k > 1 and _cap(seg[k - 2]))):
                k -= 1  # "Ein Sprecher des Ministeriums sagte": the genitive belongs to the head noun
            if k < len(seg) and k > 0 and seg[k - 1].lower_ in self.lex.determiners:
                k -= 1
            clause_opener = k > 0 and seg[k - 1].lower_ in self.lex.non_speakers and k < len(seg) and \
                seg[k].lower_ not in self.lex.determiners  # "Während Iyad El Baghdadi zugibt" (not "während der …")
            if k > 0 and seg[k - 1].lower_ in PREPOSITIONS_DE and not clause_opener:
                return None  # "… vor der Bundespressekonferenz erklärt": a prepositional phrase, not the subject
            seg = seg[k:]
            if not seg:
                return None
        # the noun phrase right before the verb: after the last comma / dash of the clause
        for k in range(len(seg) - 1, -1, -1):
            if seg[k].text in (",", "–", "—", ";", ":"):
                seg = seg[k + 1:]
                break
        while seg and (seg[0].lower_ in self.lex.conjunctions or seg[0].is_punct):
            seg = seg[1:]
        if not seg or len(seg) > 12:
            return None
        if self.has_pos and any(t.pos_ in ("VERB", "AUX") and not _modifier_participle(t) for t in seg):
            return None  # a clause, not a noun phrase ("la liste proposée par …" is still a noun phrase)
        return self.name_or_desc(seg)

    def _reporter_above(self, verb: Token, steps: int = 6) -> list[Token]:
        """The subject of the nearest reporting verb among the ancestors of ``verb`` that governs a reported
        clause (ccomp) on the way up."""
        t, through_report = verb, False
        for _ in range(steps):
            if t.head.i == t.i:
                break
            through_report = through_report or t.dep_ == "ccomp"
            t = t.head
            if through_report and t.i < verb.i and self.is_reporting(t):
                return [c for c in t.children if c.dep_ in ("nsubj", "nsubj:pass")]
        a, _ = self.sentence_of(verb.idx)  # the parser split the sentence at the quote: the reporting verb before
        for t in reversed(self.tokens(a, verb.idx)):
            before = self.text[a:t.idx]
            if before.count("«") > before.count("»"):
                continue  # a verb inside the quoted words
            subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubj:pass")]
            gerund = "Part" in t.morph.get("VerbForm") and "Pres" in t.morph.get("Tense")
            if subjects and not gerund and self.is_reporting(t):
                return subjects  # "a annoncé avoir « … », ajoutant que …" (not another gerund)
        return []

    def _organisation_phrase(self, phrase: list[Token]) -> bool:
        """"l' IGF", "the BBC": an organisation's name (after its article) — the name after a comma that follows it
        is the reported clause's subject ("Selon l' IGF , Business France … « pourraient être incriminés »"), not
        an apposition naming the source."""
        words = [t for t in phrase if t.lower_ not in ARTICLES and t.lower_ != "l" and not t.is_punct]  # "l' IGF"
        if not words or words[0].lower_ in self.lex.source_nouns:
            return False  # "le ministre de l’Intérieur, Lambert Noël Matha": a role the tagger took for a body
        a, b = words[0].idx, words[-1].idx + len(words[-1].text)
        return any(o.start <= a and b <= o.end for o in self.orgs if o.canonical in self.org_names)

    def _emphatic(self, toks: list[Token], j: int) -> bool:
        """"le PNF a lui indiqué", "Yannick Jadot a, lui, affirmé": a stressed pronoun after the auxiliary or set
        off by commas repeats the subject named before it, it is not the subject."""
        if self.lang != "fr" or toks[j].lower_ not in STRESSED_PRONOUNS or j < 2:
            return False
        before, after = toks[j - 1], toks[j + 1] if j + 1 < len(toks) else None
        if before.text == ",":
            return after is not None and after.text == ","  # ", lui," (not "…, elle a déclaré")
        return before.lower_ in self.lex.auxiliaries and not self.is_pronoun(toks[j - 2])

    def _apposition_before(self, toks: list[Token]) -> Speaker | None:
        """"Der frühere Pressesprecher … unter George W. Bush, Ari Fleischer, meinte": the name set off by commas
        right before the verb is its subject, not a name inside the role phrase before it."""
        if len(toks) < 4 or toks[-1].text != ",":
            return None
        k = len(toks) - 2
        while k >= 0 and toks[k].text not in (",", "–", "—", ";", ":", "(", ")") and len(toks) - k < 7:
            k -= 1
        if k < 0 or toks[k].text != ",":
            return None
        a, b = toks[k + 1].idx, toks[-2].idx + len(toks[-2].text)
        p = self.person_in(a, b)
        if p is None or p.canonical in self.org_names or (p.end - p.start) < 0.7 * (b - a):
            return None
        return self.speaker_of(p)

    def _shared_subject_de(self, toks: list[Token]) -> Speaker | None:
        """"Die EWSA-Präsidentin sicherte der Kommission … zu und bekräftigte …:": a verb right after "und" has no
        subject of its own; it shares the one that opens the sentence (a name or a nominative noun phrase)."""
        if len(toks) < 4 or toks[-1].lower_ != "und" or toks[-2].text in (",", ";"):
            return None
        start = max((k + 1 for k, t in enumerate(toks) if t.text in (";", ":", "–", "—")), default=0)
        clause = toks[start:-1]
        if not clause:
            return None
        p = self.person_starting(clause[0].idx)
        if p is not None:
            return self.speaker_of(p)
        end = noun_phrase_end_de(clause, NOMINATIVE_ARTICLES_DE)
        if end is None or end >= len(clause) or not clause[end].text.islower():
            return None  # the noun phrase must be followed by the first verb ("… sicherte …")
        return self.name_or_desc(clause[:end])

    def _verb_second_subject(self, toks: list[Token]) -> Speaker | None:
        """German without a tagger: "Sie hatte vergangene Woche gesagt": a pronoun opening the clause before the
        finite auxiliary is the subject ("Woche" is not)."""
        start = max((k + 1 for k, t in enumerate(toks) if t.text in (",", ";", ":", "–", "—")), default=0)
        clause = toks[start:]
        if len(clause) >= 2 and (self.is_pronoun(clause[0]) or clause[0].lower_ in DEMONSTRATIVES) and \
                clause[1].lower_ in self.lex.auxiliaries | self.lex.modals:
            return pronoun_speaker(clause[0])
        if len(clause) >= 2 and clause[0].lower_ in self.lex.auxiliaries | self.lex.modals and \
                self.is_pronoun(clause[1]):
            return pronoun_speaker(clause[1])  # inverted after a fronted object: "(das) hatte er schon mitgeteilt"
        if len(clause) >= 2 and clause[0].lower_ in SUBORDINATORS_DE and self.is_pronoun(clause[1]):
            return pronoun_speaker(clause[1])  # "wenn er vor der Bundespressekonferenz erklärt"
        if clause and start > 0 and clause[0].lower_ in RELATIVE_PRONOUNS_DE and len(clause) <= 2:
            # "…, der National Confederation of Indigenous Nations (CONAIE) angeführt, die bemängelt, dass": the
            # relative pronoun stands for the name right before its comma
            comma = toks[start - 1].idx
            named = next((o for o in sorted([*self.people, *self.orgs], key=lambda o: -o.end) if o.end <= comma and
                          re.fullmatch(r"[\s()]*(?:[a-zäöüß]{2,20})?[\s()]*", self.text[o.end:comma])), None)
            # (the main clause's closing verb may stand between: "… (CONAIE) angeführt, die")
            if named is not None:
                return Speaker("name", self.text[named.start:named.end], named.start, named.end, named.canonical)
        aux = next((k for k, t in enumerate(clause[:6]) if t.lower_ in FINITE_AUXILIARIES_DE), None)
        if aux is not None and aux >= 2 and clause[0].lower_ in NOMINATIVE_ARTICLES_DE and _cap(clause[aux - 1]) and \
                all(_cap(t) or (t.text.isalpha() and t.text.islower() and t.lower_ not in PREPOSITIONS_DE)
                    for t in clause[1:aux]):
            # "Die EU-Außenminister hatten bei ihrem Sondertreffen am vergangenen Freitag bekräftigt": the noun
            # phrase before the finite auxiliary is the subject ("Freitag" is not); "hatten": many of them
            subject = self.name_or_desc(clause[:aux])
            return group_of(subject) if clause[aux].lower_ in PLURAL_AUXILIARIES_DE else subject
        if aux is not None and aux >= 1 and aux + 2 < len(clause) and clause[0].lower_ not in NOMINATIVE_ARTICLES_DE \
                and clause[aux + 1].lower_ in NOMINATIVE_ARTICLES_DE - {"das"}:
            # "Einige Stunden zuvor hatte der abgesetzte Präsident auf einer Konferenz … verkündet": after a fronted
            # adjunct the subject follows the finite auxiliary, up to its first preposition
            end = next((k for k in range(aux + 2, len(clause)) if clause[k].lower_ in PREPOSITIONS_DE or
                        clause[k].is_punct), len(clause))
            if end - aux - 1 >= 2:
                subject = self.name_or_desc(clause[aux + 1:end])
                return group_of(subject) if clause[aux].lower_ in PLURAL_AUXILIARIES_DE else subject
        return None

    def according_cue(self, toks: list[Token], k: int) -> int:
        """Length of the lexicon's "selon"-type cue ("selon", "d'après", "according to") at toks[k], else 0."""
        if toks[k].lower_ not in self.according_first:
            return 0
        for cue in self.lex.according:
            n = len(cue)
            if k + n <= len(toks) and tuple(t.lower_ for t in toks[k:k + n]) == cue:
                return n
        return 0

    def _according_cue_end(self, region: list[Token]) -> int | None:
        """Index in ``region`` right after its last "selon"-type cue."""
        return max((k + n for k in range(len(region)) if (n := self.according_cue(region, k))), default=None)

    def _phrase_before_comma(self, who: Token) -> Speaker | None:
        """The noun phrase that ends at the comma before a relative pronoun, past a short apposed adjective or
        participle ("par plus de 60 % des Français, déçus, qui estiment"): its head, climbed through the nouns and
        adjectives it hangs on up to the first punctuation between."""
        j = who.i - 1
        if j < 1 or self.doc[j].text != ",":
            return None
        t = self.doc[j - 1]
        if t.pos_ in ("ADJ", "VERB") and j >= 3 and self.doc[j - 2].text == ",":
            t = self.doc[j - 3]  # past ", déçus,"
        while t.head.i < t.i and t.head.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and \
                not any(x.is_punct for x in self.doc[t.head.i + 1:t.i]):
            t = t.head
        if t.pos_ not in ("NOUN", "PROPN"):
            return None
        phrase = [x for x in t.subtree if x.i < j and not x.is_space]
        while phrase and (phrase[0].dep_ == "case" or phrase[0].is_punct):
            phrase = phrase[1:]
        return self.name_or_desc(phrase) if phrase else None

    def _across_comma_of_participle(self, subject: Token, verb: Token) -> bool:
        """A French present participle after a comma ("…, reconnaissant cependant que …") has no subject of its own
        before that comma, whatever the parse says: it shares the main clause's."""
        if self.lang != "fr" or "Part" not in verb.morph.get("VerbForm") or "Pres" not in verb.morph.get("Tense") or \
                verb.dep_ == "ROOT":
            return False  # (a participle the parser made the root took the sentence's subject with it)
        return subject.i < verb.i and any(t.text == "," for t in self.doc[subject.right_edge.i:verb.i])

    def _cleft_antecedent(self, who: Token) -> Speaker | None:
        """The noun phrase right before a relative "who"/"qui" whose verb the parser did not attach to it."""
        region: list[Token] = []
        j = who.i - 1
        while j >= 0 and len(region) < 8:
            t = self.doc[j]
            if t.is_punct or t.is_space or (self.has_pos and t.pos_ in ("VERB", "AUX", "PRON", "SCONJ")):
                break
            region.insert(0, t)
            j -= 1
        if not region or not any(t.pos_ in ("NOUN", "PROPN") for t in region):
            return None
        return self.name_or_desc(region)

    def speaker_after(self, toks: list[Token]) -> Speaker | None:
        """Subject of an inverted reporting verb / the source after "selon": the noun phrase that starts at toks."""
        if not toks:
            return None
        if self.lang == "de" and not self.has_pos:
            toks = _past_adjuncts_de(toks)  # "sagte am Montag ein Sprecher der Bahn"
        if len(toks) > 2 and toks[0].text == "," and LEADING_ADVERBIAL.match(self.text, toks[1].idx):
            toks = toks[1:]  # "a déclaré, jeudi, sa commissaire …": the adverbial set off by commas
        toks = self._past_leading_adverbials(toks)
        k = 0
        while k < len(toks) and CLITIC.match(toks[k].text) and toks[k].lower_ == "-t":
            k += 1
        if self.lang == "fr" and k + 3 < len(toks) and toks[k].lower_ == "ce" and \
                toks[k + 1].lower_ in ("qu'", "qu’", "que"):
            verb = next((j for j in range(k + 2, min(k + 5, len(toks))) if self.is_reporting(toks[j])), None)
            if verb is not None:  # "selon ce qu'a confié Rodrigue, ami de …": the inverted subject of the verb
                return self.speaker_after(toks[verb + 1:])
        if k < len(toks) and self.is_pronoun(toks[k]):
            t = toks[k]
            return pronoun_speaker(t)
        if self.lang == "fr":
            k = self._past_indirect_object_fr(toks, k)
        if k < len(toks) and not self._person_at(toks[k].idx):  # "verwies von der Leyen": "von" opens a name
            head = toks[k]
            if head.lower_ in self.lex.stop_words or head.lower_ in self.lex.complementizers or (
                    self.has_pos and head.pos_ in ("ADP", "SCONJ", "ADV", "VERB", "AUX", "CCONJ", "PUNCT")):
                return None
            if head.lower_ in self.lex.non_speakers and not self._in_person(head):
                return None
            if not self.has_pos and not (_cap(head) or head.lower_ in self.lex.determiners or (
                    head.lower_ in self.lex.particles and k + 1 < len(toks) and _cap(toks[k + 1]))):
                return None
        relayed = self._information_source(toks[k:])
        if relayed is not None:
            return relayed
        titled = self._name_after_title(toks[k:]) or self._name_after_role(toks[k:])
        if titled is not None:
            return titled
        region = self._np_region(toks[k:])
        if not region:
            return None
        if self.lang == "de" and not self.has_pos and region[0].lower_ in self.lex.determiners:
            named = self._closing_name_de(toks[k:]) or self._attributed_name_de(toks[k:])
            if named is not None:
                return named
        if self.lang == "fr" and self.has_pos and (named := self._closing_apposed_name(toks[k:])) is not None:
            return named  # "a déclaré, jeudi, sa commissaire au Développement humain et au genre et porte-parole,
            # Adrienne Diop."
        if _relative_of(region):  # "les parents de Quentin Roy" speak, not Quentin Roy
            return self._describe(region)
        p = self.person_in(region[0].idx, region[-1].idx + len(region[-1].text), qualifier=True)
        if p and p.canonical in self.org_names and region[-1].idx >= p.end:
            # "said Palestinian Liberation Organization envoy to Washington, Maen Rashid Areikat": an organisation
            # that only qualifies a role noun; the person is the name apposed after the description
            apposed = self._apposed_after(toks[k:], region)
            if apposed is not None:
                return apposed
        if p and _document_head(region, self.lang) and any(t.text == "," and t.idx < p.start for t in region):
            # "selon les estimations des instituts de sondages, Valls serait …": no apposed name
            return self._describe([t for t in region if t.idx < p.start and t.text != ","])
        if p and self.qualifies_role(p, region[-1].idx + len(region[-1].text)):
            return self._describe(region)
        if p:
            return self.speaker_of(p)
        titled = self.marked_name_after(region[-1].idx + len(region[-1].text))
        if titled is not None and len(region) <= 6:
            return titled  # "a révélé l'émission de TMC « Quotidien »": the show, by its title
        # a description followed by an apposed name: "le ministre russe des Finances, Anton Siluanov"
        return self.name_or_desc(self._first_phrase(region))

    def _past_indirect_object_fr(self, toks: list[Token], k: int) -> int:
        """"a indiqué au Monde le premier substitut", "a confié, à Reuters, le directeur", "a confié à France Info
        Jacques Witkowski": the index of the inverted subject past the indirect object (k when there is none)."""
        start = k
        incise = k < len(toks) and toks[k].text == ","
        k += incise
        if k >= len(toks) or toks[k].lower_ not in ("au", "aux", "à"):
            return start
        for j in range(k + 1, min(k + 6, len(toks))):
            t = toks[j]
            if t.text == "," and incise:
                return j + 1 if j + 1 < len(toks) else start
            if t.is_punct:
                return start
            if j > k + 1 and (t.lower_ in INDIRECT_OBJECT_END or self._person_at(t.idx)):
                return j
        return start

    def _name_after_title(self, toks: list[Token]) -> Speaker | None:
        """"said Deputy Director for Europe and Central Asia Denis Krivosheev": a capitalised title, however long
        (its own "and", "for", "of"), then the person's name."""
        for n, t in enumerate(toks[:TITLE_TOKENS]):
            p = self.person_starting(t.idx)
            if p is not None:
                return self.speaker_of(p) if n >= 2 else None
            if not (t.text[:1].isupper() or t.lower_ in TITLE_LINKS) or t.is_punct:
                return None
        return None

    def _name_after_role(self, toks: list[Token]) -> Speaker | None:
        """"le ministre de l'Économie et des Finances Michel Sapin": a determiner, a role noun and its complements
        (their own "et"), then the person's name with no comma — not "le porte-parole du président Emmanuel
        Macron", where the name goes with a second role."""
        if len(toks) < 3 or toks[0].lower_ not in ARTICLES or toks[1].lower_ not in self.lex.source_nouns:
            return None
        for n, t in enumerate(toks[2:TITLE_TOKENS], start=2):
            p = self.person_starting(t.idx)
            if p is not None:
                return self.speaker_of(p)
            if (t.is_punct and t.text not in ("'", "’", "-")) or (self.has_pos and t.pos_ in ("VERB", "AUX")) or (
                    t.lower_ in self.lex.source_nouns and toks[n - 1].pos_ in ("ADP", "DET")):
                return None
        return None

    def marked_name_after(self, pos: int) -> Speaker | None:
        """A short capitalised name in quote marks starting at ``pos`` (after spaces): a newspaper's or a show's
        title standing for it ("l'émission de TMC « Quotidien »", "Nach Angaben der „Netzeitung“")."""
        lead = self.text[pos:pos + 3]
        stripped = lead.lstrip(SPACES)
        if not stripped or stripped[0] not in OPENING_TITLE_MARKS:
            return None
        open_at = pos + len(lead) - len(stripped)
        close = re.search(r"[“”«»\"‘’‹›]", self.text[open_at + 1:open_at + 60])
        if close is None:
            return None
        a, b = open_at + 1, open_at + 1 + close.start()
        name = self.text[a:b].strip(SPACES)
        if not 1 <= len(name.split()) <= 5 or not name[:1].isupper():
            return None
        a += self.text[a:b].index(name[0])
        return Speaker("name", name, a, a + len(name), name)

    def marked_name_before(self, pos: int) -> Speaker | None:
        """The same, ending right before ``pos``: "« Quotidien » a affirmé que …"."""
        head = self.text[max(0, pos - 64):pos].rstrip(SPACES)
        if not head or head[-1] not in "”»\"“":
            return None
        opening = max(head[:-1].rfind(m) for m in OPENING_TITLE_MARKS)
        if opening < 0:
            return None
        return self.marked_name_after(max(0, pos - 64) + opening)

    def _past_leading_adverbials(self, toks: list[Token]) -> list[Token]:
        """"a révélé lundi l'émission", "témoigne pour sa part un lycéen", "said on Tuesday the ministry": the
        subject after the time or discourse adverbial that follows an inverted verb."""
        k = 0
        while k < len(toks) - 1:
            m = LEADING_ADVERBIAL.match(self.text, toks[k].idx)
            if m is None or m.end() <= toks[k].idx:
                break
            end = m.end()
            while k < len(toks) and toks[k].idx < end:
                k += 1
        return toks[k:] if 0 < k < len(toks) else toks

    def _name_opening_clause(self, toks: list[Token], j: int) -> Speaker | None:
        """"… a écourté une visite dans la Somme et François Hollande a confié": a person's name right before the verb
        that opens its clause (after "et", "and", a comma or the sentence start) is its subject, whatever the parse
        hung it on."""
        if self.lang not in ("fr", "en") or j < 0 or not self.has_pos:
            return None
        i = bisect.bisect_right(self.person_starts, toks[j].idx) - 1
        if i < 0 or not (self.people[i].start <= toks[j].idx < self.people[i].end):
            return None
        p = self.people[i]
        if self.text[p.end:toks[j].idx + len(toks[j].text)].strip():
            return None  # the name must end right before the verb's auxiliaries
        k = j
        while k >= 0 and toks[k].idx >= p.start:
            k -= 1
        if k >= 0 and toks[k].lower_ not in CLAUSE_OPENERS and toks[k].text != ",":
            return None
        return self.speaker_of(p)

    def _noun_phrase_opening_clause(self, toks: list[Token], j: int, verb: Token) -> Speaker | None:
        """"… ont pris leurs distances et les démocrates avaient demandé que …": a short definite noun phrase right
        before the verb's auxiliaries, after "et"/"mais", is the second clause's subject when the parser gave the
        verb none of its own."""
        if self.lang not in ("fr", "en") or j < 2 or not self.has_pos or \
                any(c.dep_.startswith("nsubj") for c in verb.children):
            return None
        k = j
        while k >= 0 and j - k < 4 and toks[k].pos_ in ("NOUN", "ADJ", "PROPN"):
            k -= 1
        if k == j or k < 1 or toks[k].pos_ != "DET" or toks[k - 1].lower_ not in CLAUSE_OPENERS or \
                toks[j].pos_ != "NOUN":
            return None
        return self.name_or_desc(toks[k:j + 1])

    def _apposed_after(self, toks: list[Token], region: list[Token]) -> Speaker | None:
        """A person's name set off by a comma within a few words after a description."""
        rest = [t for t in toks if t.idx >= region[-1].idx + len(region[-1].text)]
        for n, t in enumerate(rest[:6]):
            p = self.person_starting(rest[n + 1].idx) if t.text == "," and n + 1 < len(rest) else None
            if p is not None:
                return self.speaker_of(p)
            if t.text in (".", ";", ":", "!", "?"):
                break
        return None

    def _name_right_after(self, last: Token) -> Speaker | None:
        """A person's or organisation's name right after a description's last word, or apposed to it by commas."""
        end = last.idx + len(last.text)
        p = self.person_in(end, end + 60)
        if p is None or self.text[end:p.start].strip(SPACES) not in ("", ","):
            return None
        if self.text[end:p.start].strip(SPACES) == "," and self.text[p.end:p.end + 3].strip(SPACES)[:1] != ",":
            return None  # "Le président de la Commission, Jean-Claude Juncker, a déclaré": only a name set off
        return self.speaker_of(p)

    def _name_apposed_before(self, pos: int) -> Speaker | None:
        """A person's name that a description at ``pos`` is apposed to: "Oscar Munoz, le PDG …"."""
        i = bisect.bisect_left(self.person_starts, pos) - 1
        if i < 0:
            return None
        p = self.people[i]
        if self.text[p.end:pos].strip(SPACES) != "," or p.canonical in self.org_names:
            return None
        return self.speaker_of(p)

    def _person_before_apposition(self, who: Token) -> Speaker | None:
        """The person a personal relative pronoun refers to across an apposition: "X, a spokesperson for Y, who"."""
        sent_start = who.sent.start_char if self.doc.has_annotation("SENT_START") else 0
        i = bisect.bisect_left(self.person_starts, who.idx) - 1
        if i < 0 or self.people[i].start < sent_start:
            return None
        p = self.people[i]
        between = [t for t in self.tokens(p.end, who.idx) if not t.is_space]
        if not between or between[0].text != "," or between[-1].text != "," or \
                any(t.pos_ in ("VERB", "AUX") for t in between):
            return None
        return self.speaker_of(p)

    def _information_source(self, toks: list[Token]) -> Speaker | None:
        """"selon les renseignements confiés par une source au Parisien", "selon les informations que le procureur
        a confiées à l'AFP": who gave the information is the source, not the information."""
        if len(toks) < 4 or not any(t.lower_ in INFORMATION_NOUNS for t in toks[:3]):
            return None
        for n, t in enumerate(toks[2:10], start=2):
            if t.text in (",", ".", ";", ":") or t.text in DOUBLE:
                return None
            if t.lower_ in ("par", "by") or (t.lower_ in self.lex.complementizers and n <= 3):
                return self.speaker_after(toks[n + 1:])
            if n == 2 and toks[1].lower_ in INFORMATION_NOUNS and t.lower_ in ("des", "du", "de", "d’", "d'", "of"):
                spk = self.speaker_after(toks[n + 1:])  # "d'après les informations des médias américains"
                if spk is not None:
                    return spk
        return None

    def _closing_name_de(self, toks: list[Token]) -> Speaker | None:
        """"so die für die Justizreform zuständige stellvertretende Ministerpräsidentin und Ministerin für auswärtige
        Angelegenheiten Bulgariens Ekaterina Zaharieva.": a long title that runs to the end of the sentence closes
        with the name of who holds it."""
        end = next((n for n, t in enumerate(toks) if t.text in (".", "!", "?", ";", ":", ",") or t.is_space),
                   len(toks))
        if end < 3 or end > CLOSING_NAME_REACH:
            return None
        p = self._person_ending(toks[end - 1])
        if p is None or p.start < toks[0].idx:
            return None
        before = [t for t in toks[:end] if t.idx < p.start]
        if not before or before[-1].lower_ in GENITIVE_LINKS_DE or before[-1].lower_ in ("von", "vom"):
            return None  # "die Mutter von Anna Schmidt": a relative, not the name's holder
        return self.speaker_of(p)

    def _closing_apposed_name(self, toks: list[Token]) -> Speaker | None:
        """A French inverted subject that runs to the end of the sentence as a title, a comma and the name of its
        holder: the name, however long the title (no verb in it)."""
        end = next((n for n, t in enumerate(toks) if t.text in (".", "!", "?", ";", ":")), len(toks))
        if end < 4 or end > CLOSING_NAME_REACH or toks[0].pos_ not in ("DET", "PRON") or \
                any(t.pos_ in ("VERB", "AUX") and not self._in_person(t) and t.lower_ not in self.lex.source_nouns
                    for t in toks[:end]):  # ("l'envoyé spécial": a source noun tagged as a participle)
            return None
        last = toks[end - 1]
        p = self._person_ending(last)
        if p is None or p.start <= toks[0].idx:
            return None
        before = [t for t in toks[:end] if t.idx < p.start]
        return self.speaker_of(p) if before and before[-1].text == "," else None

    def _attributed_name_de(self, toks: list[Token]) -> Speaker | None:
        """"der aus München stammende Wojahn": the head after an extended attribute (a phrase closed by a participle
        or adjective) is the speaker, the name in the attribute ("aus München") is not."""
        for n, t in enumerate(toks[2:10], start=2):
            if t.is_punct:
                return None
            prev = toks[n - 1]
            if _cap(t) and prev.text.islower() and prev.lower_ not in PREPOSITIONS_DE and \
                    prev.lower_ not in self.lex.determiners and prev.lower_ not in self.lex.particles and \
                    prev.lower_.endswith(("e", "en", "em", "er", "es")) and \
                    any(w.lower_ in PREPOSITIONS_DE for w in toks[1:n - 1]):
                p = self.person_starting(t.idx)
                return self.speaker_of(p) if p is not None else self._describe(toks[:n + 1])
        return None

    def _first_phrase(self, region: list[Token]) -> list[Token]:
        for k, t in enumerate(region):
            if t.text == ",":
                rest = region[k + 1:]
                name = self._leading_name(rest)
                if name and len(name) == len(rest):
                    return rest
                return region[:k]
        return region

    def _np_region(self, toks: list[Token]) -> list[Token]:
        lex = self.lex
        out: list[Token] = []
        german = self.lang == "de"
        for n, t in enumerate(toks):
            if t.text in (".", "!", "?", ";", ":", "…", "(", ")", "»", "«", "“", "”", "„", '"') or t.is_space:
                break
            if t.text in ("–", "—"):
                break
            if t.text == ",":
                nxt = toks[n + 1] if n + 1 < len(toks) else None
                if nxt is not None and out and self._starts_name(nxt) and not any(",".__eq__(o.text) for o in out) \
                        and not (german and not self.has_pos and not self._apposed_name_de(toks[n + 1:])) and \
                        not self._organisation_phrase(out):
                    out.append(t)
                    continue
                break
            if out and out[-1].text.endswith("-") and t.lower_ in ("und", "oder", "and", "et"):
                out.append(t)  # "des Europäischen Wirtschafts- und Sozialausschusses": one truncated compound
                continue
            if out and t.lower_ in ("et", "and") and n + 1 < len(toks) and \
                    toks[n + 1].lower_ in ("de", "du", "des", "d'", "d’", "of") and \
                    any(o.lower_ in ("de", "du", "des", "d'", "d’", "of") for o in out):
                out.append(t)  # "le ministre burkinabé du Travail et de la sécurité sociale": one office
                continue
            if out and (t.lower_ in lex.stop_words and t.text[:1].islower()):
                break
            if out and t.lower_ in TIME_ADJUNCTS and out[-1].lower_ not in ("de", "of", "d’", "d'"):
                break  # "a annoncé la police vers midi", "said police on Tuesday"
            if out and self.has_pos and t.pos_ in ("VERB", "AUX", "SCONJ") and not self._in_person(t) and \
                    not self._inside_mention(t) and not (t.lower_ in lex.source_nouns and n == 1):
                break  # (but "le quotidien britannique The Independent": a name the tagger took for a verb, and
                # "notre correspondant sur place": a source noun it took for a participle)
            if german and out and not self.has_pos:
                seen_cap = any(_cap(o) for o in out)
                particle = t.lower_ in lex.particles and (_cap(out[-1]) or out[-1].lower_ in lex.particles) and \
                    n + 1 < len(toks) and (_cap(toks[n + 1]) or toks[n + 1].lower_ in lex.particles)
                genitive = t.lower_ in GENITIVE_LINKS_DE and _cap(out[-1]) and n + 1 < len(toks) and \
                    _cap(toks[n + 1]) and not toks[n + 1].lower_.endswith(MEDIA_RECIPIENTS_DE)
                # "Wie die Polizei der Zeitung sagt": a newspaper after the subject is who was told, not its genitive
                if not _cap(t) and (seen_cap or out[0].lower_ not in lex.determiners) and not (
                        (particle and out[0].lower_ not in lex.determiners) or genitive):
                    break  # "dem Europäischen Rechnungshof den Bau": stop at the first lower-case word after nouns
                    # (but "Ursula von der Leyen", "der Vizepräsident der Kommission, Valdis Dombrovskis")
            out.append(t)
            if len(out) >= 14:
                break
        while out and (out[-1].text in (",", "-") or (out[-1].lower_ in lex.particles and len(out) > 1)):
            out.pop()
        return out

    def _apposed_name_de(self, toks: list[Token]) -> bool:
        """"der Sprecher, Hans Meier, sagte" but not "der Sprecher, Europa müsse …": after a comma, a German run of
        capitalised words is an apposition when a person's name or a punctuation mark ends it."""
        run = self._leading_name(toks)
        if run and self.person_in(run[0].idx, run[-1].idx + len(run[-1].text)) is not None:
            return True
        return bool(run) and (len(run) == len(toks) or toks[len(run)].is_punct)

    def _person_ending(self, t: Token) -> Person | None:
        """The person mention that ends with token ``t``."""
        i = bisect.bisect_right(self.person_starts, t.idx) - 1
        p = self.people[i] if i >= 0 else None
        return p if p is not None and p.end == t.idx + len(t.text) and p.canonical not in self.org_names else None

    def _person_at(self, pos: int) -> bool:
        """Whether a person mention starts at character ``pos``."""
        return self.person_starting(pos) is not None

    def person_starting(self, pos: int) -> Person | None:
        i = bisect.bisect_left(self.person_starts, pos)
        return self.people[i] if i < len(self.people) and self.people[i].start == pos else None

    def _inside_mention(self, t: Token) -> bool:
        """The token lies inside a person or organisation mention that starts before it."""
        for items, starts in ((self.people, self.person_starts), (self.orgs, self.org_starts)):
            i = bisect.bisect_right(starts, t.idx) - 1
            if i >= 0 and items[i].start < t.idx < items[i].end:
                return True
        return False

    def _in_person(self, t: Token) -> bool:
        return self.person_in(t.idx, t.idx + len(t.text)) is not None

    def _starts_name(self, t: Token) -> bool:
        if self._in_person(t):
            return True
        if self.has_pos:
            return t.pos_ == "PROPN"
        return t.text[:1].isupper()

    def _leading_name(self, toks: list[Token]) -> list[Token]:
        out: list[Token] = []
        for n, t in enumerate(toks):
            cap = t.text[:1].isupper() and (not self.has_pos or t.pos_ in ("PROPN", "X"))
            particle = t.lower_ in self.lex.particles and n + 1 < len(toks) and toks[n + 1].text[:1].isupper()
            if cap or ((out or n == 0) and particle):
                out.append(t)
            else:
                break
        return out

    def name_or_desc(self, seg: list[Token]) -> Speaker | None:
        seg = [t for t in seg if not (t.is_punct and t.text not in ("-", "’", "'", "(", ")"))] or seg
        if not seg:
            return None
        if _relative_of(seg):  # "La mère de Maëlys a écrit …": the mother, not Maëlys
            return self._describe(seg)
        a, b = seg[0].idx, seg[-1].idx + len(seg[-1].text)
        p = self.person_in(a, b)
        if p:
            return self.speaker_of(p)
        closing = _first_in(self.orgs, self.org_starts, seg[1].idx, b) if len(seg) >= 3 else None
        if closing is not None and closing.end == b and seg[0].lower_ in ARTICLES and not any(
                t.is_punct or (self.has_pos and t.pos_ == "ADP") or t.lower_ in MEMBER_NOUNS or
                (self.lang == "de" and t.lower_ in GENITIVE_LINKS_DE) for t in self.tokens(a, closing.start)):
            return self.speaker_of(closing)  # "le quotidien britannique The Independent": the name it introduces
            # (not "la direction d'I-Télé": the management speaks, not the channel)
        trailing = self._trailing_name(seg)
        if trailing:  # "le chef de l'organisation Ayman al-Zawahiri": the role, then the name it introduces
            ta, tb = trailing[0].idx, trailing[-1].idx + len(trailing[-1].text)
            return Speaker("name", self.text[ta:tb], ta, tb, self.canonical_name(self.text[ta:tb]))
        name = self._leading_name(seg)
        first = seg[0]
        looks_name = name and len(name) == len(seg) and first.lower_ not in self.lex.source_nouns and not (
            not self.has_pos and first.lower_ in self.lex.determiners)  # German nouns are capitalised: "Der Staatschef"
        if looks_name and (self.has_pos or not first.text[:1].islower()):
            text = self.text[a:b]
            return Speaker("name", text, a, b, self.canonical_name(text))
        return self._describe(seg)

    def _trailing_name(self, seg: list[Token]) -> list[Token]:
        """Two or more proper nouns closing a description that opens with a determiner and a common noun."""
        if not self.has_pos or len(seg) < 4 or seg[0].pos_ != "DET" or seg[1].pos_ != "NOUN":
            return []
        k = len(seg)
        while k > 2 and (seg[k - 1].pos_ == "PROPN" or (seg[k - 1].text == "-" and seg[k - 2].pos_ == "PROPN")):
            k -= 1
        run = seg[k:]
        return run if sum(t.pos_ == "PROPN" for t in run) >= 2 and run[0].pos_ == "PROPN" else []

    def _describe(self, seg: list[Token]) -> Speaker | None:
        seg = [t for t in seg if not t.is_space]
        while seg and ((seg[-1].is_punct and seg[-1].text != ")") or (
                len(seg) > 2 and self.has_pos and "Part" in seg[-1].morph.get("VerbForm") and
                seg[-1].pos_ in ("VERB", "ADJ")) or (len(seg) > 2 and self.has_pos and seg[-1].pos_ == "ADV" and
                                                      seg[-1].lower_ in TRAILING_ADVERBS) or (
                len(seg) > 1 and seg[-1].lower_ in INTENSIFIERS) or (
                len(seg) > 1 and seg[-1].text[-1:] in ("'", "’"))):  # "des témoins s'[exprimant …]": no elision
            seg = seg[:-1]  # "le patron de l'usine recruteuse contacté": not the participle after the noun, nor
            # a sentence adverb ("selon d'autres sources cependant")
        while seg and seg[0].is_punct:
            seg = seg[1:]
        cut = _participle_modifier(seg) if self.has_pos else None
        if cut is not None:  # "un rapport de la CIA publié deux semaines plus tôt": the report, not when it came out
            seg = seg[:cut]
        if not seg or len(seg) > 14:
            return None
        if seg[0].lower_ in self.lex.non_speakers and not (seg[0].lower_ in COUNTED and len(seg) > 1):
            return None  # "it", "which" — but "one academic", "einer der beiden Männer" are people
        if len(seg) == 1 and self.has_pos and seg[0].pos_ in ("DET", "PRON", "ADV", "ADP", "SCONJ", "CCONJ", "VERB"):
            return None
        a, b = seg[0].idx, seg[-1].idx + len(seg[-1].text)
        words = self.text[a:b]
        kept = {t.i for t in seg}
        if any(not (t.is_space or t.is_punct) and t.i not in kept for t in self.doc[seg[0].i:seg[-1].i + 1]):
            words = seg[0].text  # the words as written, an aside left out ("L'Autriche et, surtout, l'Allemagne")
            for x, y in itertools.pairwise(seg):
                words += (x.whitespace_ if y.i == x.i + 1 else " ") + y.text
        return Speaker("desc", self.text[a:b], a, b, words)


RELATIVE_WHO = {"who", "qui"}
COUNTED = {"one", "einer", "eine", "some"}  # a quantifier before a noun names people ("some analysts say")
DOCUMENTS = {"report", "study", "survey", "rapport", "etude", "enquete", "bericht", "studie", "umfrage"}
ARTICLES = {"the", "le", "la", "les", "l’", "l'", "der", "die", "das", "dem", "den", "des"}
# "<section 37> <du >Comité national": a noun (and a number) naming a part of the organisation that follows
QUALIFIED = re.compile(r"\b(?:la|le|les|l’|l'|the)\s+([^\W\d_][\w-]*(?:\s+\d+)?)\s+"
                       r"(du |de la |de l’|de l'|des |of the )$")
ORG_DETERMINERS = {"the", "le", "la", "les", "l", "der", "die", "das", "dem", "den", "des"}
OBJECT_ARTICLES_DE = frozenset({"dem", "den", "einem", "einen"})


def _apposed_to_object_de(words: list[Token]) -> bool:
    """The noun phrase closing ``words`` opens with a dative or accusative article: "dem Präsidenten der Bremischen
    Bürgerschaft" (capitalised words, genitive articles and adjectives in between, nothing else)."""
    for t in reversed(words[-8:]):
        if t.lower_ in OBJECT_ARTICLES_DE:
            return True
        if not t.text.isalpha() or not (t.text[:1].isupper() or t.lower_ in ("der", "des") or
                                        t.lower_.endswith(("en", "er", "es", "e"))) or t.lower_ in OBLIQUE_DE:
            return False
    return False


# head nouns of a definite description → words of the organisation names they can stand for
OBLIQUE_DE = {"bei", "an", "mit", "von", "vom", "zu", "zum", "zur", "für", "gegen", "über", "auf", "nach", "aus", "um",
              "vor", "ohne", "durch", "dem", "den", "des", "beim", "am", "gegenüber", "als", "wie"}
ORG_STOP = {"of", "for", "in", "at", "from", "de", "du", "des", "d", "pour", "von", "vom", "fur", "aus", "who", "qui",
            "spokesperson", "spokesman", "spokeswoman", "official", "head", "chief", "sprecher", "sprecherin",
            "porte", "parole", "responsable",
            # offices held by a person: "the president" is Daniel arap Moi, not "… Presidential Elections"
            "president", "presidente", "prasident", "prasidentin", "minister", "ministre", "ministerin", "chancellor",
            "kanzler", "kanzlerin", "governor", "mayor", "maire", "burgermeister", "ambassador", "ambassadeur",
            "botschafter", "premier", "prime", "secretary", "senator", "senateur", "depute", "deputy"}
ORG_SYNONYMS: dict[str, tuple[str, ...]] = {
    "force": ("police", "constabulary"), "police": ("police", "constabulary", "polizei"),
    "polizei": ("polizei", "police"), "ministry": ("ministry", "department"), "ministere": ("ministere",),
    "union": ("union",), "company": ("inc", "ltd", "corp", "company", "group"), "agency": ("agency", "agence"),
    "court": ("court", "tribunal"), "gericht": ("gericht", "gerichtshof"),
}


GENITIVE_LINKS_DE = frozenset({"des", "der", "vom"})
REFLEXIVES = frozenset({"se", "s’", "s'"})
MEDIA_RECIPIENTS_DE = ("zeitung", "agentur", "sender", "blatt", "magazin", "dpa", "fernsehen", "rundfunk", "radio")
FAIRE_FORMS = frozenset({"fait", "faire", "fera", "font", "faisait", "fit", "ferait", "faisant"})
TENIR_FORMS = frozenset({"tenu", "tient", "tiennent", "tenait", "tenaient", "tint"})
INTENT_FORMS = frozenset({"voulu", "veut", "veulent", "voulait", "souhaité", "souhaite", "souhaitait"})
# offices and roles whose holder a description names ("the Russian leader", "le porte-parole")
OFFICE_NOUNS = frozenset({
    "leader", "president", "minister", "senator", "governor", "mayor", "chancellor", "premier", "chairman",
    "chairwoman", "dirigeant", "dirigeante", "président", "présidente", "ministre", "sénateur", "sénatrice",
    "gouverneur", "maire", "chancelier", "chancelière", "député", "députée", "präsident", "präsidentin",
    "ministerin", "kanzler", "kanzlerin", "bürgermeister", "bürgermeisterin", "senatorin"})

# nouns for an unnamed person ("the waiter", "un ouvrier")
PERSON_NOUNS = frozenset({
    "waiter", "waitress", "man", "woman", "boy", "girl", "officer", "policeman", "policewoman", "doctor", "nurse",
    "teacher", "driver", "farmer", "worker", "soldier", "owner", "manager", "winemaker", "witness", "resident",
    "neighbour", "neighbor", "mother", "father", "son", "daughter", "wife", "husband", "student", "guide", "host",
    "bartender", "customer", "passenger", "pilot", "victim", "survivor", "protester", "shopkeeper", "vendor",
    "serveur", "serveuse", "homme", "femme", "policier", "policière", "médecin", "infirmière", "chauffeur",
    "agriculteur", "ouvrier", "soldat", "propriétaire", "témoin", "habitant", "habitante", "voisin", "voisine",
    "mère", "père", "fils", "fille", "étudiant", "étudiante", "passager", "victime", "commerçant", "volontaire"})


CANDIDATE_NOUNS_FR = frozenset({"candidat", "candidate", "leader", "militant", "militante", "élu", "élue"})
ROLE_HEADS = OFFICE_NOUNS | frozenset({
    "official", "spokesman", "spokeswoman", "spokesperson", "chief", "head", "director", "ceo", "coordinator",
    "envoy", "ambassador", "commander", "general", "secretary", "pdg", "patron", "patronne",
    "directeur", "directrice", "responsable", "porte-parole", "coordinateur", "coordinatrice", "envoyé",
    "ambassadeur", "ambassadrice", "commandant", "général", "secrétaire", "chef", "cheffe", "sprecher",
    "sprecherin", "leiter", "leiterin", "vorsitzende", "vorsitzender", "botschafter", "botschafterin",
    "koordinator", "koordinatorin", "direktor", "direktorin", "chefin"})

# relatives and counsel: "<det> <noun> de/of <Name>" speaks for, but is not, the person named
RELATIVE_NOUNS = frozenset({
    "parents", "père", "mère", "fils", "fille", "frère", "sœur", "soeur", "épouse", "mari", "veuve", "famille",
    "proches", "avocat", "avocats", "avocate", "mother", "father", "son", "daughter", "brother", "sister", "wife",
    "husband", "widow", "family", "relatives", "lawyer", "lawyers", "attorney", "mutter", "vater", "eltern", "sohn",
    "tochter", "bruder", "schwester", "witwe", "familie", "anwalt", "anwältin", "anwälte",
    # friends, supporters and a camp: "un proche du président Kabila", "le camp de M. Kabila"
    "proche", "partisan", "partisans", "partisane", "camp", "entourage", "ami", "amie", "amis", "friend", "friends",
    "supporter", "supporters", "anhänger", "freund", "freundin", "umfeld", "lager",
})
RELATIVE_LINKS = frozenset({"de", "d’", "d'", "du", "des", "of", "von", "vom"})


# figures, documents and institutions speak for themselves, never for a name after a comma ("selon le parquet,
# Jean-Pierre Deteix aurait …": the name is the reported clause's subject, not an apposition)
INSTITUTION_HEADS = frozenset({
    "parquet", "police", "gouvernement", "ministère", "armée", "tribunal", "justice", "préfecture", "mairie",
    "gendarmerie", "government", "ministry", "army", "court", "polizei", "regierung", "staatsanwaltschaft"})
DOCUMENT_HEADS = INSTITUTION_HEADS | frozenset({
    "estimation", "estimations", "estimate", "estimates", "sondage", "sondages", "poll", "polls", "chiffre", "chiffres",
    "figures", "données", "data", "projection", "projections", "calculs", "schätzung", "schätzungen", "umfrage",
    "umfragen", "zahlen", "angaben"})


def _document_head(region: list[Token], lang: str) -> bool:
    """The phrase before the comma is headed by a figures or institution noun ("les estimations des instituts", "le
    parquet", "the latest polls"; not "the police chief"): the first noun in French and German, the last one before
    "of" in English."""
    phrase = []
    for t in region:
        if t.text == "," or (lang == "en" and t.lower_ == "of"):
            break
        phrase.append(t)
    nouns = [t for t in phrase if t.pos_ in ("NOUN", "PROPN")] or [t for t in phrase if t.is_alpha]
    if not nouns:
        return False
    head = nouns[-1] if lang == "en" else nouns[0]
    return head.lower_ in DOCUMENT_HEADS


def _with_conjunct(head: Token, sub: list[Token], cut: int) -> list[Token]:
    """The subject's words before the comma at ``cut`` — and, when they end with "et"/"and" and an aside comes
    between ("L'Autriche et, surtout, l'Allemagne, qui …"), the conjunct after the aside up to its own comma."""
    if not sub[:cut] or sub[cut - 1].pos_ != "CCONJ":
        return sub[:cut]
    conj = next((c for c in head.children if c.dep_ == "conj" and c.i > sub[cut].i), None)
    if conj is None:
        return sub[:cut]
    tail = [t for t in sub if t.i > sub[cut].i]
    while tail and tail[0] is not conj and (tail[0].is_punct or tail[0].pos_ == "ADV"):
        tail = tail[1:]  # the aside itself: ", surtout,"
    stop = next((k for k, t in enumerate(tail) if t.text == "," and t.i > conj.i), len(tail))
    return [*sub[:cut], *tail[:stop]]


def _relative_of(region: list[Token]) -> bool:
    """The phrase is "(the) <relative or counsel> of <someone>"."""
    words = [t.lower_ for t in region if not t.is_space]
    k = 1 if len(words) > 2 and (words[0] in ARTICLES or words[0] in INDEFINITE_ARTICLES) else 0
    return len(words) > k + 2 and words[k] in RELATIVE_NOUNS and words[k + 1] in RELATIVE_LINKS


MEMBER_NOUNS = frozenset({"mitglieder", "teilnehmer", "teilnehmerinnen", "vertreter", "vertreterinnen",
                          "abgeordneten", "members", "participants", "representatives", "delegates", "membres",
                          "représentants", "délégués", "élus"})
INDEFINITE_ARTICLES = frozenset({"a", "an", "un", "une", "ein", "eine", "einer"})


def _modifier_participle(t: Token) -> bool:
    """A past participle modifying a noun ("la liste proposée par la section 37"), not a verb of the clause."""
    return "Part" in t.morph.get("VerbForm") and t.dep_ in ("acl", "amod") and t.head.i < t.i


def _words_of(name: str) -> set[str]:
    return {fold(x) for x in re.findall(r"\w+", name)}


def _stem_match(a: str, b: str) -> bool:
    """German compounds of one stem: "rechnungsprufer" and "rechnungshof" share "rechnungs"."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 7


def _participle_modifier(seg: list[Token]) -> int | None:
    """Where a participle phrase after the head noun phrase of a description starts ("un Kanak âgé de 20 ans et
    déjà connu …", "officials speaking on condition of anonymity")."""
    for n in range(2, len(seg)):
        t, prev = seg[n], seg[n - 1]
        participle = "Part" in t.morph.get("VerbForm") or t.tag_ in ("VBN", "VBG")
        if participle and t.pos_ in ("VERB", "ADJ") and prev.pos_ in ("NOUN", "PROPN") and n + 1 < len(seg) and \
                (seg[n + 1].lower_ not in ("par", "by", "von") or t.lower_ in INTERVIEWED):
            return n  # (an agent names the source: "publiée par X" — but "interrogé par la VOA" is the medium)
    return None


INTERVIEWED = frozenset({"interrogé", "interrogée", "interrogés", "interrogées", "contacté", "contactée",
                         "contactés", "joint", "jointe", "joints", "cité", "citée", "cités", "questionné",
                         "questionnée", "interviewé", "interviewée", "sollicité", "sollicitée", "interviewed",
                         "quoted", "contacted", "reached", "befragt", "zitiert", "kontaktiert"})


def _apposed(head: Token, child: Token) -> bool:
    """An apposition, or what the parser took for a conjunct with no "and" ("The country's largest labor federation,
    the Nigerian Labor Congress (NLC), says")."""
    if child.dep_ == "appos":
        return True
    return child.dep_ == "conj" and child.i > 0 and head.doc[child.left_edge.i - 1].text == "," and \
        not any(c.dep_ == "cc" for c in (*child.children, *head.children))


def _first_in(items: list[Person], starts: list[int], a: int, b: int) -> Person | None:
    i = bisect.bisect_left(starts, a)
    while i < len(items) and items[i].start < b:
        if items[i].end <= b + 1:
            return items[i]
        i += 1
    return None


CLAUSE_OPENERS = frozenset({"et", "mais", "and", "but"})
TITLE_TOKENS = 10  # how far a long capitalised title may run before the name
TITLE_LINKS = frozenset({"for", "and", "of", "de", "du", "des", "et", "für", "und"})
OPENING_TITLE_MARKS = "„“«‚‹\"»"
# time and discourse adverbials between an inverted verb and its subject
LEADING_ADVERBIAL = re.compile(
    r"(?:(?:ce |cette )?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?: (?:soir|matin|midi|après-midi))?|"
    r"hier(?: soir| matin)?|aujourd[’']hui|pour (?:sa|leur) part|de (?:son|leur) côté|quant à (?:lui|elle|eux|elles)|"
    r"à (?:son|leur) tour|(?:lui|elle) aussi|également|encore|ensuite|enfin|cependant|toutefois|pourtant|"
    r"(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|today|for (?:his|her|their) "
    r"part|in turn|however|gestern|heute|am (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag))"
    r"(?=[\s,])[\s,]*", re.IGNORECASE)
# what a source gives, not a source: "selon les informations que le procureur a confiées à l'AFP"
INFORMATION_NOUNS = frozenset({"informations", "information", "renseignements", "révélations", "propos",
                               "déclarations", "chiffres", "données", "figures", "angaben",
                               "informationen"})
# words that open a time adjunct after an inverted subject ("a annoncé la police vers midi")
TIME_ADJUNCTS = frozenset({
    "vers", "lors", "pendant", "depuis", "hier", "ce", "cette", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
    "samedi", "dimanche", "on", "yesterday", "today", "tonight", "earlier", "later", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "gestern", "heute", "montag", "dienstag", "mittwoch",
    "donnerstag", "freitag", "samstag", "sonntag"})
# German words that open a clause without being its subject (then the subject follows the finite verb)
PREPOSITIONS_DE = frozenset({"am", "im", "in", "an", "auf", "bei", "beim", "gegenüber", "nach", "vor", "während",
                             "seit", "mit", "zu", "zum", "zur", "über", "vom", "unter", "aus", "für", "angesichts",
                             "trotz", "wegen", "bis", "ab", "hinter", "neben", "nahe"})
SUBORDINATORS_DE = frozenset({"wenn", "als", "weil", "da", "nachdem", "dass", "daß", "ob", "wie", "wo", "während",
                              "sobald", "obwohl", "bevor", "seit", "seitdem", "damit"})
SENTENCE_ADVERBS_DE = frozenset({
    "dazu", "dabei", "damals", "danach", "daraufhin", "darin", "darauf", "dagegen", "hingegen", "zudem", "außerdem",
    "gleichzeitig", "zugleich", "zuvor", "später", "anschließend", "inzwischen", "mittlerweile", "jetzt", "nun",
    "heute", "gestern", "vorgestern", "morgen", "ebenso", "ebenfalls", "weiter", "ferner", "allerdings", "jedoch",
    "auch", "bereits", "schon", "zuletzt", "zunächst", "erst", "schließlich", "trotzdem", "dennoch", "deshalb",
    "daher", "so", "indes", "immerhin", "erneut", "wiederholt", "kürzlich", "unterdessen", "derweil", "montag",
    "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "vergangene", "vergangenen", "letzte",
    "letzten", "am", "noch", "etwa", "offenbar", "ausdrücklich", "öffentlich", "nochmal", "nochmals"})
NOMINATIVE_STARTS_DE = frozenset({"der", "die", "das", "ein", "eine", "er", "sie", "es", "wir", "ich", "man"})


RELATIVE_PRONOUNS_DE = frozenset({"der", "die", "das", "welcher", "welche", "welches"})


def _fronted_adjunct_de(clause: list[Token]) -> bool:
    """The words before a German finite verb are an adjunct, not its subject: "Am Montag", "Nach dem Treffen",
    "Dazu", "Gleichzeitig" (the last clause of the words before the verb)."""
    cut = max((k + 1 for k, t in enumerate(clause) if t.text in (",", ";", ":", "–", "—")), default=0)
    clause = [t for t in clause[cut:] if not t.is_space and t.text not in BULLETS]  # "• Mit Blick auf …
    if not clause:
        return False
    first = clause[0].lower_
    return first in PREPOSITIONS_DE or all(t.lower_ in SENTENCE_ADVERBS_DE for t in clause)


# "la préfecture même": an intensifier after a source is no part of its name
INTENSIFIERS = frozenset({"même", "elle-même", "lui-même", "itself", "himself", "herself", "selbst"})
# sentence adverbs that can follow a source phrase ("selon d'autres sources cependant")
TRAILING_ADVERBS = frozenset({"cependant", "toutefois", "pourtant", "néanmoins", "également", "aussi", "however",
                              "also", "though", "meanwhile", "jedoch", "allerdings", "aber", "auch"})
# list markers opening a line ("• Mit Blick auf …", "- Verteidigung: „…“")
BULLETS = frozenset({"-", "–", "—", "•", "*", "·", "▪", "►", "‣", "◦"})
HOST_LINKS = frozenset({"xcomp", "conj", "advcl", "acl", "obl", "obl:arg", "obl:mod", "obj", "dobj", "nmod"})


def _host_subjects(verb: Token, steps: int = 6) -> list[Token]:
    """The subject of the finite verb a non-finite verb depends on, through infinitives, participles and the
    nouns they describe ("publie un rapport … invitant la population à appeler")."""
    t = verb
    for _ in range(steps):
        if t.dep_ not in HOST_LINKS or t.head.i == t.i:
            return []
        t = t.head
        if t.pos_ in ("VERB", "AUX") and not ({"Inf", "Part", "Ger"} & set(t.morph.get("VerbForm"))):
            return [c for c in t.children if c.dep_ in ("nsubj", "nsubj:pass")]
    return []


def _fronted_clause_de(before: list[Token]) -> bool:
    """The German finite verb follows the comma that closes a fronted phrase or subordinate clause ("Als er gefragt
    wurde, …, sagte …"): its subject comes after it."""
    words = [t for t in before if not t.is_space]
    return len(words) > 2 and words[-1].text == "," and (words[0].lower_ in PREPOSITIONS_DE or
                                                          words[0].lower_ in SUBORDINATORS_DE)


def _past_adjuncts_de(toks: list[Token]) -> list[Token]:
    """Skip the adverbs and prepositional phrases between a German verb and its subject ("am Montag", "auf
    Anfrage", "gegenüber der Zeitung"): the tokens from the first nominative determiner, pronoun or name."""
    if not toks or not (toks[0].lower_ in SENTENCE_ADVERBS_DE or toks[0].lower_ in PREPOSITIONS_DE):
        return toks
    in_phrase = False
    for k, t in enumerate(toks[:10]):
        low = t.lower_
        if t.is_punct:
            return toks
        if low in PREPOSITIONS_DE:
            in_phrase = True
        elif low in SENTENCE_ADVERBS_DE:
            in_phrase = False
        elif low in NOMINATIVE_STARTS_DE and (not in_phrase or toks[k - 1].text[:1].isupper()):
            return toks[k:]  # "am Montag ein Sprecher": a determiner after the phrase's noun opens the subject
        elif in_phrase and t.text[:1].isupper() and k + 1 < len(toks) and toks[k + 1].text[:1].isupper() and \
                toks[k - 1].lower_ not in PREPOSITIONS_DE:
            return toks[k + 1:]  # "am Montag Innenminister X"
    return toks


def _in_subject(t: Token) -> bool:
    """An apposition inside the subject phrase: "L'imam de la ville, Mohammed Karabila, est …" (hung on "ville")."""
    node = t.head
    for _ in range(3):
        if node.dep_.startswith("nsubj"):
            return True
        if node.dep_ not in ("nmod", "appos", "flat:name") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _assertion_chain(t: Token) -> set[int]:
    """The token and its heads up to the root — stopping at a relative clause, which asserts on its own ("il
    semble que la rupture ait été négociée avec X, qui déclare que …": déclare is not embedded under "que")."""
    chain = {t.i}
    node = t
    while node.dep_ not in ("acl:relcl", "relcl") and node.head.i != node.i:
        node = node.head
        chain.add(node.i)
    return chain


def _cap(t: Token) -> bool:
    """Starts with a capital letter, digits and hyphens aside ("48-Jährige")."""
    for ch in t.text:
        if ch.isalpha():
            return ch.isupper()
    return False


def _soft(text: str, nl: int) -> bool:
    from .quote_marks import _soft_break

    return _soft_break(text, nl)


def _in_spans(pos: int, inside: list[tuple[int, int]]) -> bool:
    return any(a < pos < b for a, b in inside)


# capitalised function words that open a sentence, never a name after an initial
SENTENCE_OPENERS = frozenset({"Pour", "Le", "La", "Les", "Il", "Elle", "Ils", "Elles", "Selon", "Mais", "En", "Au",
                              "Dans", "Cette", "Ce", "The", "He", "She", "They", "It", "In", "But", "According",
                              "Der", "Die", "Das", "Er", "Sie", "Es", "Laut", "Nach", "Aber"})


PREPOSITIONS_FR = frozenset({"du", "de", "des", "d’", "d'", "à", "au", "aux", "par", "pour", "avec", "sur", "contre",
                             "chez", "entre", "sans", "envers", "vers"})


def _char_before(text: str, at: int) -> str:
    """The last character before `at` that is no white space ("" at the start), without copying the text."""
    k = at - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return text[k] if k >= 0 else ""


def _after_preposition_fr(before: list[Token]) -> bool:
    """The last words before a French name are a preposition, or a preposition and a lower-case role noun ("du
    président")."""
    if before and before[-1].lower_ in PREPOSITIONS_FR:
        return True
    return len(before) == 2 and before[0].lower_ in PREPOSITIONS_FR and before[1].text.isalpha() and \
        before[1].text.islower()


def ends_abbreviation(text: str, dot: int, floor: int) -> bool:
    """The full stop at ``dot`` ends an abbreviation, an initial or a day number before a month name."""
    if text[dot] != ".":
        return False
    j = dot
    while j > floor and (text[j - 1].isalnum()):
        j -= 1
    word = text[j:dot]
    if not word:
        return False
    if word.lower() in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():  # an initial ("John F. Kennedy") — not a regnal number closing the
        nxt = re.match(r"\s+(\w+)", text[dot + 1: dot + 20])  # sentence ("Mohammed V. Pour sa part, …")
        return not (word.isupper() and j > 1 and text[j - 2:j - 1].isalpha() and nxt is not None and
                    nxt.group(1) in SENTENCE_OPENERS)
    if word.isdigit() and len(word) <= 2:
        m = re.match(r"\s+(\w+)", text[dot + 1: dot + 20])
        return bool(m and m.group(1).lower() in MONTHS)
    return False


def strip_marks(s: str) -> str:
    return s.strip(SPACES + DOUBLE + SINGLE + "\n")
