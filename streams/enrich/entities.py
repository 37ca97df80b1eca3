"""Named entities of a parsed article, with canonical names.

The statistical model (French, English) proposes spans; the alias table fixes their labels, splits compounds
("Moscou-Pékin") and adds names the model missed. A language without a model (German: ``spacy.blank("de")``)
gets the alias table plus a deliberately narrow person-name heuristic.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from streams.enrich.canonical import (
    AliasHit,
    AliasTable,
    canonicalize_mentions,
    default_aliases,
    fold,
    is_acronym,
)
from streams.enrich.given_names import given_names
from streams.models import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

LABEL_MAP: dict[str, str] = {
    # spaCy French (WikiNER scheme)
    "PER": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "MISC": "MISC",
    # spaCy English (OntoNotes scheme)
    "PERSON": "PER",
    "GPE": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "PRODUCT": "MISC",
    "LANGUAGE": "MISC",
}
"""Model label → our label. Labels absent here (DATE, TIME, MONEY, PERCENT, QUANTITY, ORDINAL, CARDINAL) are dropped."""

# A place-labelled name headed by one of these words is an organisation ("West Midlands Police" tagged GPE):
# English heads come last, French ones first ("Ministère des Armées").
ORG_HEADS_LAST = frozenset({"police", "union", "council", "ministry", "university", "court", "party", "association",
                            "agency", "company", "bank", "commission", "committee", "department", "institute",
                            "foundation", "army", "government", "constabulary", "corporation", "polizei"})
ORG_HEADS_FIRST = frozenset({"ministere", "universite", "parti", "commission", "comite", "conseil", "agence",
                             "banque", "institut", "fondation", "association", "syndicat", "cour", "tribunal"})

DROPPED_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"})

_DETERMINERS = frozenset({"le", "la", "les", "l'", "un", "une", "des", "du", "the", "a", "an", "der", "die", "das",
                          "den", "dem", "ein", "eine", "einen", "einem", "einer"})
_COMPOUND_SEPARATORS = frozenset(" -/")

# ---- German person heuristic (no model): precise triggers only, because German capitalises every noun.

_DE_ROLE_WORDS = frozenset({
    "kanzler", "kanzlerin", "bundeskanzler", "bundeskanzlerin", "minister", "ministerin", "präsident",
    "präsidentin", "bundespräsident", "bundespräsidentin", "ministerpräsident", "ministerpräsidentin",
    "premierminister", "premierministerin", "regierungschef", "regierungschefin", "staatschef", "staatschefin",
    "parteichef", "parteichefin", "vorsitzende", "vorsitzender", "chef", "chefin", "sprecher", "sprecherin",
    "abgeordnete", "abgeordneter", "reporter", "reporterin", "journalist", "journalistin", "korrespondent",
    "korrespondentin", "autor", "autorin", "bürgermeister", "bürgermeisterin", "oberbürgermeister",
    "oberbürgermeisterin", "senator", "senatorin", "gouverneur", "gouverneurin", "botschafter", "botschafterin",
    "kommissar", "kommissarin", "generalsekretär", "generalsekretärin", "professor", "professorin", "prof.",
    "dr.", "herr", "frau", "papst", "könig", "königin", "prinz", "prinzessin", "aktivist", "aktivistin",
    "trainer", "trainerin", "direktor", "direktorin", "leiter", "leiterin", "experte", "expertin", "forscher",
    "forscherin", "ökonom", "ökonomin", "schauspieler", "schauspielerin", "sänger", "sängerin", "unternehmer",
    "unternehmerin", "richter", "richterin", "anwalt", "anwältin", "general", "generalin", "oppositionsführer",
    "oppositionsführerin", "kandidat", "kandidatin", "sagte", "sagt", "erklärte", "betonte", "meinte", "schrieb",
    "kritisierte", "forderte",
})
_DE_ROLE_SUFFIXES = ("-chef", "-chefin", "minister", "ministerin", "präsident", "präsidentin", "kanzler",
                     "kanzlerin", "-vorsitzende", "-vorsitzender", "sprecher", "sprecherin", "-politiker",
                     "-politikerin", "reporter", "reporterin", "gründer", "gründerin", "leiter", "leiterin",
                     "direktor", "direktorin", "forscher", "forscherin", "kommissar", "kommissarin", "sekretär",
                     "sekretärin", "botschafter", "botschafterin", "beauftragte", "beauftragter", "vorsitzende",
                     "vorsitzender", "bürgermeister", "bürgermeisterin", "chef", "chefin", "berichterstatter",
                     "berichterstatterin")
_DE_NOUN_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "tät", "nis", "tum", "ismus", "chen", "lein", "ment",
                     "ei", "ik", "ur")
# particles that are not German words ("von", "zu", "der" start common phrases: "Nacht von Mittwoch")
_FOREIGN_PARTICLES = frozenset({"de", "van", "di", "da", "du", "le", "la", "al", "el", "bin", "dos", "del"})
_NAME_PARTICLES = frozenset({"von", "van", "de", "der", "den", "di", "da", "du", "le", "la", "zu", "al", "el", "bin"})
_NAME_LINKS_CAPITALISED = frozenset({"el", "al", "bin", "ben", "ibn", "abu", "abou"})  # written "El", "Bin" too
# Given names that are not also ordinary words or places (no "August", "Paris", "Florence", "Rose").
FIRST_NAMES = frozenset({
    "Alexander", "Alexandra", "Alexei", "Alice", "Andrea", "Andreas", "Andrew", "Angela", "Anna", "Annalena", "Anne",
    "Anton", "Antonio", "Barack", "Bernd", "Boris", "Carlos", "Catherine", "Charles", "Christian", "Christina",
    "Christine", "Christoph", "Claudia", "Daniel", "David", "Dmitri", "Dmitry", "Donald", "Elena", "Elisabeth",
    "Elizabeth", "Emmanuel", "Emma", "Eric", "Erik", "Felix", "Florian", "Frank", "Franz", "Friedrich", "Georg",
    "George", "Gerhard", "Greta", "Hans", "Heinrich", "Helmut", "Hubert", "Ivan", "Jacques", "James", "Jan", "Jana",
    "Jean", "Jens", "Joachim", "Johann", "Johannes", "John", "Jonas", "Joseph", "Julia", "Julian", "Jürgen", "Karin",
    "Karl", "Katarina", "Katharina", "Kevin", "Klaus", "Lars", "Laura", "Lena", "Leon", "Lukas", "Manfred", "Manuel",
    "Marc", "Marco", "Maria", "Marie", "Mario", "Markus", "Martin", "Martina", "Matthias", "Max", "Maximilian",
    "Michael", "Michel", "Mohammed", "Monika", "Nicolas", "Nikolai", "Olaf", "Oliver", "Pascal", "Patrick", "Paul",
    "Peter", "Petra", "Philipp", "Pierre", "Ralf", "Ralph", "Richard", "Robert", "Roland", "Rudolf", "Sabine",
    "Sahra", "Sandra", "Sarah", "Sebastian", "Sergei", "Sergey", "Sigmar", "Simon", "Sophie", "Stefan", "Stefanie",
    "Steffen", "Stephan", "Susanne", "Sven", "Thomas", "Thorsten", "Tobias", "Torsten", "Ursula", "Uwe", "Viktor",
    "Vladimir", "Volker", "Walter", "Werner", "Wladimir", "Wolfgang", "Xavier", "Yulia",
    # international given names frequent in news (checked: none is a common German, French or English word)
    "Abdel", "Abdul", "Ahmed", "Alain", "Ali", "Amy", "Ari", "Benjamin", "Bernard", "Bill", "Brigitte", "Bruno",
    "Carla", "Colin", "Dominique", "Edward", "Emily", "Emmanuelle", "Evangelos", "Fidel", "Francesca", "François",
    "Françoise", "Gianni", "Giorgos", "Giuseppe", "Hassan", "Helen", "Helena", "Hillary", "Hugo", "Igor", "Isabelle",
    "Jacob", "Jane", "Javier", "Jeff", "Jennifer", "Jessica", "Jim", "Joe", "Jorge", "José", "Juan", "Kamala", "Kim",
    "Laurent", "Luis", "Mahmoud", "Mary", "Matteo", "Mehmet", "Mike", "Mikhail", "Mohamed",
    "Muhammad", "Nicola", "Nicolai", "Olga", "Pedro", "Petr", "Rishi", "Sergio", "Silvio", "Steve",
    "Theresa", "Thierry", "Tony", "Valérie", "Vít", "Volodymyr", "Yasser", "Youssef",
})



def is_given_name(word: str) -> bool:
    """A given name: the curated list above, or Faker's per-locale lists (``given_names``)."""
    return word in FIRST_NAMES or word in given_names()


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    label: str


def entities_from_doc(doc: Doc, aliases: AliasTable | None = None, text: str | None = None) -> list[Entity]:
    """Entities of ``doc`` with character offsets into ``doc.text``, sorted by position.

    `text`, when given, must be ``doc.text``: a caller that holds it saves spaCy rebuilding it from every token.
    """
    table = aliases if aliases is not None else default_aliases()
    text = doc.text if text is None else text
    hits = table.find(text)
    statistical = _has_statistical_model(doc)
    if statistical:
        proposed = [m for m in (_clean_model_span(ent, text) for ent in doc.ents) if m is not None]
        proposed = _apostrophe_names(text, _signature_lines(text, _with_long_forms(text, proposed)))
    else:
        proposed = _rule_persons(doc, table) + _rule_acronyms(doc, table, text) + _rule_places(doc)
    mentions = _merge(text, proposed, hits)
    mentions = _merge(text, mentions + _repeated_names(text, mentions), [])
    mentions = _persons_by_surname(text, mentions)
    mentions = _merge(text, mentions + _surname_mentions(doc, mentions, table), [])
    mentions = sorted(mentions + _acronym_mentions(text, mentions, table), key=lambda m: m.start)

    pairs = [(text[m.start:m.end], m.label) for m in mentions]
    canonicals = _defined_acronyms(text, mentions, canonicalize_mentions(pairs, table), table)
    persons = {canonical for (_, label), canonical in zip(pairs, canonicals, strict=True) if label == "PER"}
    entities: list[Entity] = []
    for mention, (surface, label), canonical in zip(mentions, pairs, canonicals, strict=True):
        # the alias table knows better than the model ("Kremlin" is no person); a bare surname of a person
        # named in full in the article is that person whatever the model said
        fixed = table.label(canonical) or ("PER" if canonical in persons else label)
        if fixed == "PER" and _prefixed_compound(text, mention.start):
            fixed = "MISC"  # "les forces pro-Ouattara": a camp named after the person, not the person
        entities.append(Entity(surface, fixed, mention.start, mention.end, canonical))  # type: ignore[arg-type]
    return entities


# a name glued to the one before by an apostrophe ("Yar’Adua", "N’Djamena", "O’Neill"), not an elided article or
# pronoun before a name ("L’Union", "D’après", "Qu’Obama")
_APOSTROPHE_PREFIX = re.compile(r"(?<![\w’'])(?:[A-ZÀ-Ý][a-zà-ÿ]+|[NMO])['’]$")
_APOSTROPHE_SUFFIX = re.compile(r"['’][A-ZÀ-Ý][a-zà-ÿ]+\b")
_ELISIONS = frozenset({"qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "aujourd"})


def _apostrophe_names(text: str, proposed: list[_Mention]) -> list[_Mention]:
    """The tokenizer cuts "Yar’Adua" at the apostrophe like "l’Adua": a mention right after a capitalised piece
    and an apostrophe takes it back, and joins the mention that ends with that piece ("Umaru Musa Yar" + "Adua")."""
    out: list[_Mention] = []
    for m in sorted(proposed, key=lambda m: m.start):
        suffix = _APOSTROPHE_SUFFIX.match(text, m.end)
        if suffix is not None and text[m.start:m.end].split()[-1][:1].isupper():
            m = dataclasses.replace(m, end=suffix.end())  # "Umaru Musa Yar" + "’Adua" the model left out
        prefix = _APOSTROPHE_PREFIX.search(text, max(0, m.start - 24), m.start)
        if prefix is None or prefix.group(0)[:-1].lower() in _ELISIONS:
            out.append(m)
            continue
        start = prefix.start()
        if out and out[-1].end == prefix.end() - 1 and text[out[-1].start:out[-1].end].endswith(prefix.group(0)[:-1]):
            start = out.pop().start  # "Umaru Musa Yar" then "Adua": one name
        out.append(dataclasses.replace(m, start=start))
    return out


def _prefixed_compound(text: str, start: int) -> bool:
    """The name at `start` ends a compound after a lower-case prefix ("pro-Ouattara", "anti-Trump")."""
    return start >= 3 and text[start - 1] == "-" and bool(_LOWER_PREFIX.search(text[max(0, start - 8):start]))


_LOWER_PREFIX = re.compile(r"(?<![\w-])[a-zà-ÿ]{2,6}-$")


# --------------------------------------------------------------------------------------------------- model spans


def _defined_acronyms(text: str, mentions: list[_Mention], canonicals: list[str], table: AliasTable) -> list[str]:
    """"Médecins Sans Frontières (MSF)": the article defines MSF, so every "MSF" of it is that organisation (the
    alias table, which knows the frequent ones, still wins)."""
    defined: dict[str, str] = {}
    for first, second, canonical in zip(mentions, mentions[1:], canonicals, strict=False):
        acronym = text[second.start:second.end]
        if first.label == "ORG" and _ACRONYM.match(acronym) and table.canonical(acronym) is None and \
                text[first.end:second.start].strip() == "(" and text[second.end:second.end + 1] == ")" and \
                len(text[first.start:first.end].split()) >= 2:
            defined.setdefault(acronym, canonical)
    for acronym, canonical in _initials_acronyms(text, mentions, canonicals, table).items():
        defined.setdefault(acronym, canonical)
    for acronym, canonical in _spelled_out_acronyms(text, mentions, canonicals, table).items():
        defined.setdefault(acronym, canonical)
    if not defined:
        return canonicals
    return [defined.get(text[m.start:m.end], canonical) for m, canonical in zip(mentions, canonicals, strict=True)]


_LEADING_ARTICLES = frozenset({"the", "le", "la", "les", "der", "die", "das"})


def _initials_acronyms(text: str, mentions: list[_Mention], canonicals: list[str],
                       table: AliasTable) -> dict[str, str]:
    """"the Committee to Protect Journalists … CPJ said": an acronym spelling the capitals of exactly one
    organisation of the article stands for it ("National Election Committee" → NEC), wherever that is named."""
    spelled: dict[str, set[str]] = {}
    for m, canonical in zip(mentions, canonicals, strict=True):
        words = text[m.start:m.end].split()
        if words and words[0].lower() in _LEADING_ARTICLES:
            words = words[1:]  # "The National Election Committee" spells NEC
        if m.label == "ORG" and len(words) >= 2:
            initials = "".join(w[0] for w in words if w[:1].isupper())
            if len(initials) >= 2:
                spelled.setdefault(initials, set()).add(canonical)
    out: dict[str, str] = {}
    for m in mentions:
        acronym = text[m.start:m.end]
        names = spelled.get(acronym, set())
        if len(names) == 1 and _ACRONYM.match(acronym) and table.canonical(acronym) is None:
            out[acronym] = next(iter(names))
    return out


def _spelled_out_acronyms(text: str, mentions: list[_Mention], canonicals: list[str],
                          table: AliasTable) -> dict[str, str]:
    """"le PNF [parquet national financier]", "de la Confédération générale des travailleurs du Burkina (CGTB)":
    an acronym the article spells out beside it, in brackets, stands for the words whose initials it is (the
    model's canonical of those words when it saw them as one name)."""
    out: dict[str, str] = {}
    for acronym, (start, end) in spelled_acronyms(text, table).items():
        named = next((c for n, c in zip(mentions, canonicals, strict=True) if n.start <= start and end <= n.end),
                     None)
        out[acronym] = named or text[start:end]
    return out


def spelled_acronyms(text: str, table: AliasTable) -> dict[str, tuple[int, int]]:
    """Acronyms the article spells out in brackets ("PNF [parquet national financier]", "… du Burkina (CGTB)")
    and where their spelled-out words stand; acronyms of the alias table are left to it."""
    out: dict[str, tuple[int, int]] = {}
    for hit in _ACRONYM_IN_TEXT.finditer(text):
        acronym = hit.group()
        if acronym in out or table.canonical(acronym) is not None:
            continue
        expansion = _expansion_after(text, hit.end(), acronym) or _expansion_before(text, hit.start(), acronym)
        if expansion is not None:
            out[acronym] = expansion
    return out


def _acronym_mentions(text: str, mentions: list[_Mention], table: AliasTable) -> list[_Mention]:
    """Every use of an acronym the article spells out is a name, where the model saw none ("le PNF a indiqué")."""
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for acronym in spelled_acronyms(text, table):
        for hit in re.finditer(r"(?<![\w-])" + re.escape(acronym) + r"(?![\w-])", text):
            if not any(a < hit.end() and hit.start() < b for a, b in taken):
                added.append(_Mention(hit.start(), hit.end(), "ORG"))
    return added


_BRACKETED_AFTER = re.compile(r"\s*[(\[]\s*([^()\[\]\n]{3,90}?)\s*[)\]]")
# words an acronym usually skips ("Union pour la nation congolaise" is UNC)
_ACRONYM_SKIPS = frozenset({"de", "du", "des", "la", "le", "les", "l", "d", "et", "à", "pour", "en", "sur", "of",
                            "the", "and", "for", "on", "in", "der", "die", "das", "und", "für", "zur", "zum"})
_EXPANSION_WORD = re.compile(r"[^\W\d_][\w-]*")


def _spells(words: list[str], acronym: str) -> bool:
    """Whether the words' initials are the acronym, with or without the small words ("Familia do Norte": FDN)."""
    content = "".join(w[0] for w in words if w.lower() not in _ACRONYM_SKIPS)
    return len(words) >= 2 and acronym.upper() in (content.upper(), "".join(w[0] for w in words).upper())


def spelled_out(acronym: str, name: str) -> bool:
    """Whether ``name`` is ``acronym`` spelled out ("RATP", "régie autonome des transports parisiens")."""
    name = re.sub(r"^(?:the|le|la|les|l['’]|der|die|das)\s*", "", name.strip(), flags=re.IGNORECASE)
    return bool(_ACRONYM.match(acronym)) and _spells(_EXPANSION_WORD.findall(name), acronym)


def _expansion_after(text: str, end: int, acronym: str) -> tuple[int, int] | None:
    """"PNF [parquet national financier]": the bracketed words right after the acronym, when they spell it."""
    m = _BRACKETED_AFTER.match(text, end)
    if m is None or "," in m.group(1):  # "DTP (diphtérie, tétanos, polio)": a list, no name
        return None
    words = _EXPANSION_WORD.findall(m.group(1))
    return (m.start(1), m.end(1)) if _spells(words, acronym) else None


def _expansion_before(text: str, start: int, acronym: str) -> tuple[int, int] | None:
    """"la régie autonome des transports parisiens (RATP)": the shortest run of words right before the bracketed
    acronym that spells it, from its first word (an article or preposition before it is no part of the name)."""
    if not re.search(r"[(\[]\s*$", text[max(0, start - 3):start]):
        return None
    close = text.rfind("(", max(0, start - 3), start)
    close = close if close >= 0 else text.rfind("[", max(0, start - 3), start)
    words = list(_EXPANSION_WORD.finditer(text, max(0, close - 120), close))
    if not words or text[words[-1].end():close].strip():
        return None  # "… (CGTB)" must follow its last word directly
    for first in range(len(words) - 2, max(-1, len(words) - 12), -1):
        run = words[first:]
        if run[0].group().lower() in _ACRONYM_SKIPS or re.search(r"[,.;:!?\n]", text[run[0].start():close]):
            continue
        if _spells([w.group() for w in run], acronym):
            return run[0].start(), run[-1].end()
    return None


def _has_statistical_model(doc: Doc) -> bool:
    """Whether a trained pipeline parsed ``doc`` (a blank one has no tags, no parse, only alias-ruler entities)."""
    if doc.has_annotation("DEP") or doc.has_annotation("TAG") or doc.has_annotation("POS"):
        return True
    return any(not ent.ent_id_ for ent in doc.ents)



FOOTNOTE_CALL = re.compile(r"\[\d{1,3}(?:\]|$)")  # a wiki footnote call after a word: "AP[3]", "Unit[2]"


def _clean_model_span(ent: Span, text: str) -> _Mention | None:
    """Trim determiners, elided articles, quote marks and possessives; drop spans that are no name at all.

    `text` is ``doc.text``, passed in because spaCy rebuilds that string on every access (quadratic on long docs).
    """
    label = LABEL_MAP.get(ent.label_)
    if label is None:
        return None
    tokens = list(ent)
    while tokens and _is_leading_junk(tokens[0]):
        tokens.pop(0)
    while tokens and _is_trailing_junk(tokens[-1]):
        tokens.pop()
    if len(tokens) > 1 and fold(tokens[0].text) in _DETERMINERS and all(t.text[:1].islower() for t in tokens[1:]):
        tokens.pop(0)  # "Le roi" opening a sentence: a capital for the sentence, no name ("Le Pen" keeps it)
    if label == "ORG" and ent.doc.lang_ == "en":  # "Xinhua news service": the name ends at its last capital
        while len(tokens) > 1 and tokens[-1].text.isalpha() and tokens[-1].text.islower():
            tokens.pop()
    if label == "PER" and len(tokens) > 1 and tokens[-1].text.istitle() and tokens[-1].lower_ in HEADLINE_VERBS:
        tokens.pop()  # a headline in title case: "…, Karzai Says", "Mousavi Calls for More Protests"
    if not tokens:
        return None
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    surface = text[start:end]
    if "\n" in surface:  # a name never spans a line break ("Jon Rego\nClayton": a signature, then a town)
        surface = surface.split("\n", 1)[0].rstrip()
        end = start + len(surface)
    mark = next((k for k, c in enumerate(surface) if k > 0 and c in "«»“”„"), None)
    if mark is not None:  # nor an opening quote mark ("Pour Corinne Lepage « Sarkozy ne nous a rien appris »")
        surface = surface[:mark].rstrip()
        end = start + len(surface)
    footnote = FOOTNOTE_CALL.search(surface)
    if footnote is not None and footnote.start() > 0:  # nor a wiki footnote call ("Special Victims Unit[2].")
        surface = surface[:footnote.start()].rstrip()
        end = start + len(surface)
    # a token may carry glued punctuation the tokenizer did not split ("Union”")
    while surface and not surface[-1].isalnum() and surface[-1] not in ".)":
        surface = surface[:-1]
        end -= 1
    while surface and not surface[0].isalnum():
        surface = surface[1:]
        start += 1
    if len(surface) < 2 or not any(c.isupper() or c.isdigit() for c in surface):
        return None  # "l’état", "qu’", lowercase common nouns: not names
    if all(t.is_stop or t.is_punct for t in tokens) and not surface.isupper():
        return None
    if label == "PER" and any(c.isdigit() for c in surface):
        return None  # "Page A8"
    if label == "PER" and surface[:1].islower() and surface.split()[0] not in _NAME_PARTICLES and \
            not any(t.text[:1].isupper() for t in tokens[:2]):
        return None  # "président de la République": a title, no name (but "pape François", "de Gaulle")
    words = fold(surface).split()
    if label == "PER" and all(w in _TITLES_ALONE for w in words):
        return None  # "— Donald Trump , Président élu.", "Premier ministre": a capitalised title names nobody
    if label == "PER" and words[0] in _TITLES_ALONE and any(t.lower_ in _TITLE_LINKS for t in tokens[1:]):
        # "Président des États-Unis": an office with its complement names nobody ("… Donald Trump" keeps the name)
        tail = len(tokens) >= 3 and is_given_name(tokens[-2].text) and tokens[-1].is_title
        return _Mention(tokens[-2].idx, end, label) if tail else None
    lead = next((n for n, t in enumerate(tokens) if fold(t.text) not in _TITLES_ALONE), len(tokens))
    if label == "PER" and 0 < lead < len(tokens) and tokens[lead].text[:1].isupper():
        return _Mention(tokens[lead].idx, end, label)  # "l'ancien Premier Manuel Valls", "le président Bush": the
        # title is no name
    if label != "PER" and _titled_name_tail(tokens):
        return _Mention(tokens[-2].idx, end, "PER")  # "Director for Europe and Central Asia Denis Krivosheev"
    if _acronym_then_name(tokens, surface):
        return _Mention(start + surface.index(" ") + 1, end, "PER")  # "le secrétaire général de l'ONU Ban Ki-Moon"
    if label == "LOC" and len(words) >= 2 and (words[-1] in ORG_HEADS_LAST or words[0] in ORG_HEADS_FIRST):
        label = "ORG"
    if label == "ORG" and _after_person_role(tokens) and not (set(words) & ORG_HEADS_LAST) and \
            words[0] not in ORG_HEADS_FIRST:
        label = "PER"  # "UNHCR spokesperson Adrian Edwards", "porte-parole Romain Nadal": a role, then a name
    return _Mention(start, end, label)


# role nouns a person's name follows ("spokesperson Adrian Edwards"); an organisation never does
PERSON_ROLES = frozenset({"spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "president",
                          "senator", "ambassador", "envoy", "chairman", "chairwoman", "director", "commissioner",
                          "porte-parole", "ministre", "président", "présidente", "secrétaire", "ambassadeur",
                          "sprecher", "sprecherin", "ministerin"})


TITLE_WORDS = frozenset({"präsident", "präsidentin", "kanzler", "kanzlerin", "chancelier", "chancelière", "chancellor",
                         "premier", "prime", "ministre", "governor", "gouverneur", "maire", "mayor", "bürgermeister"})
_TITLES_ALONE = frozenset(fold(w) for w in PERSON_ROLES | TITLE_WORDS)
_TITLE_LINKS = frozenset({"de", "des", "du", "d'", "d’", "of", "der"})


def _titled_name_tail(tokens: list[Token]) -> bool:
    """A place or organisation span the model ran into a person's name after a role ("… Director for Europe and
    Central Asia Denis Krivosheev"): it ends with a given name and a capitalised word, a role noun shortly before."""
    if len(tokens) < 3 or not is_given_name(tokens[-2].text) or not tokens[-1].is_title or not tokens[-1].is_alpha:
        return False
    first = tokens[0]
    before = first.doc[max(0, first.i - 6):first.i + 1]  # (or the span opens with it: "ministre de la Culture et
    # des Sports Miri Regev")
    return any(t.lower_ in PERSON_ROLES for t in before)


def _acronym_then_name(tokens: list[Token], surface: str) -> bool:
    """A span the model ran from an organisation's acronym into the name after it, a role noun shortly before ("le
    secrétaire général de l'ONU Ban Ki-Moon"): the name is a person's."""
    words = surface.split(" ")
    if not 3 <= len(words) <= 4 or not (words[0].isupper() and words[0].isalpha() and len(words[0]) >= 2):
        return False
    if not all(w[:1].isupper() and not w.isupper() and w.replace("-", "").isalpha() for w in words[1:]):
        return False
    first = tokens[0]
    before = first.doc[max(0, first.i - 6):first.i]
    return any(t.lower_ in PERSON_ROLES for t in before)


def _after_person_role(tokens: list[Token]) -> bool:
    """A two- or three-word title-case span right after a person's role noun."""
    if not 2 <= len(tokens) <= 3 or not all(t.text[:1].isupper() and t.is_alpha for t in tokens):
        return False
    first = tokens[0]
    return first.i > 0 and first.doc[first.i - 1].lower_ in PERSON_ROLES


_FUNCTION_WORDS = frozenset({"and", "of", "for", "the", "on", "in", "de", "des", "du", "la", "le", "et", "pour", "und",
                             "für", "der", "die", "von"})
_LONG_FORM = re.compile(r"((?:[A-ZÀ-Ý][\w’'&-]*[ \u00a0]+(?:(?:and|of|for|the|on|in|de|des|du|la|le|et|pour|und|für|"
                        r"der|die|von)[ \u00a0]+)*)+)\(([A-Z][A-Za-z]{1,7})\)")


def _with_long_forms(text: str, proposed: list[_Mention]) -> list[_Mention]:
    """A capitalised name defined by the acronym after it ("Universities and Colleges Employers’ Association
    (UCEA)") is an organisation whatever the model saw; it replaces overlapping model spans."""
    out = list(proposed)
    for m in _LONG_FORM.finditer(text):
        words = m.group(1).split()
        acronym = [c for c in m.group(2) if c.isupper()]
        capitals = [w for w in words if w not in _FUNCTION_WORDS]
        if len(capitals) < len(acronym) or len(acronym) < 2:
            continue
        capitals = capitals[-len(acronym):]
        if [w[0] for w in capitals] != acronym:
            continue
        first = m.group(1).rfind(capitals[0], 0, len(m.group(1)) - sum(len(w) + 1 for w in capitals[1:]))
        start = m.start(1) + max(first, 0)
        end = m.start(1) + len(m.group(1).rstrip())
        end = start + len(text[start:end].rstrip("’' "))
        if text[end - 1:end] in ("’", "'") or end - start < 6:
            continue
        out = [p for p in out if p.end <= start or p.start >= end]
        out.append(_Mention(start, end, "ORG"))
    return sorted(out, key=lambda x: x.start)


def _signature_lines(text: str, proposed: list[_Mention]) -> list[_Mention]:
    """Letters pages sign "Ninfa Wood Walnut Creek": a line of capitalised words opened by a person is a
    two-word name followed by a town."""
    out: list[_Mention] = []
    for p in proposed:
        line_start = text.rfind("\n", 0, p.start) + 1
        line_end = text.find("\n", p.end)
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end]
        words = line.split()
        if p.label != "PER" or p.start != line_start or not 3 <= len(words) <= 5 or \
                not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
            out.append(p)
            continue
        name_end = line_start + line.index(words[1]) + len(words[1])
        out.append(_Mention(line_start, name_end, "PER"))
        town = name_end + len(text[name_end:line_end]) - len(text[name_end:line_end].lstrip())
        out.append(_Mention(town, line_start + len(line.rstrip()), "LOC"))
    return out


# verbs (and a few adjectives) a title-case English headline puts right after a name: the model takes them into
# the person's span
HEADLINE_VERBS = frozenset({"says", "said", "calls", "urges", "warns", "tells", "denies", "claims", "vows", "asks",
                            "accuses", "admits", "rejects", "confident", "hopeful", "defends", "insists", "pledges"})


def _is_leading_junk(token: Token) -> bool:
    lower = fold(token.text)
    if token.is_punct or token.is_space or lower.endswith("'"):
        return True  # “ « l’ d’ qu’
    return lower in _DETERMINERS and token.text[:1].islower()


def _is_trailing_junk(token: Token) -> bool:
    lower = fold(token.text)
    if token.is_space or lower in {"'s", "'", "s'"} or (lower.endswith("'") and len(lower) <= 3):
        return True
    return token.is_punct and token.text not in {")"}


# --------------------------------------------------------------------------------------------------- merging


def _merge(text: str, proposed: list[_Mention], hits: list[AliasHit]) -> list[_Mention]:
    """Model/rule spans plus alias hits, without overlaps.

    A span made only of known names and separators ("Moscou-Pékin") becomes those names; an alias hit that
    strictly contains a span ("Kim Jong" inside "Kim Jong Un") replaces it; otherwise the span wins.
    """
    result: list[_Mention] = []
    used: set[int] = set()
    for mention in sorted(proposed, key=lambda m: (m.start, -(m.end - m.start))):
        inside = [i for i, h in enumerate(hits) if mention.start <= h.start and h.end <= mention.end]
        if any(h.start <= mention.start and mention.end <= h.end and h.end - h.start > mention.end - mention.start
               for h in hits):
            continue  # the alias hit is added below
        if inside and _tiles(text, mention, [hits[i] for i in inside]):
            used.update(inside)
            result.extend(_Mention(hits[i].start, hits[i].end, hits[i].label) for i in inside)
            continue
        result.append(mention)
    for index, hit in enumerate(hits):
        if index in used:
            continue
        if any(hit.start < m.end and m.start < hit.end for m in result):
            continue
        result.append(_Mention(hit.start, hit.end, hit.label))
    result.sort(key=lambda m: (m.start, m.end))
    deduped: list[_Mention] = []
    for mention in result:
        if deduped and mention.start < deduped[-1].end:
            continue
        deduped.append(mention)
    return deduped


def _tiles(text: str, mention: _Mention, hits: list[AliasHit]) -> bool:
    """Whether ``hits`` cover ``mention`` except for separators ("Moscou-Pékin", "Berlin/Paris")."""
    covered = [False] * (mention.end - mention.start)
    for hit in hits:
        for position in range(hit.start, hit.end):
            covered[position - mention.start] = True
    return all(flag or text[mention.start + i] in _COMPOUND_SEPARATORS for i, flag in enumerate(covered))


# --------------------------------------------------------------------------------------------------- no model


def _rule_persons(doc: Doc, table: AliasTable) -> list[_Mention]:
    """Person names in a doc without NER, from three precise patterns.

    A role word or reporting verb before two name tokens ("FDP-Chef Christian Lindner", "sagte Olaf Scholz"),
    a known first name before a surname ("Greta Thunberg"), two name tokens before ", <role word>"
    ("Ullrich Fichtner, Reporter"), two name tokens around a lower-case particle ("Kris de Decker").
    """
    stop_words = _stop_words(doc.lang_)
    tokens = list(doc)
    mentions: list[_Mention] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        after_name = index > 0 and _is_name_token(tokens[index - 1], stop_words, table)
        start = index
        if _is_role_word(token):
            start = index + 1
            while start < len(tokens) and _is_role_word(tokens[start]):
                start += 1
        elif (after_name and not is_given_name(token.text)) or not _is_name_token(token, stop_words, table):
            # a known first name starts a name even after a capitalised word ("Wikinews-Mitbegründer Erik Möller")
            index += 1
            continue
        end, names = _name_run(tokens, start, stop_words, table)
        appositive = end + 1 < len(tokens) and tokens[end].text == "," and (_is_role_word(tokens[end + 1]) or (
            end + 2 < len(tokens) and tokens[end + 1].text.islower() and _is_role_word(tokens[end + 2])))
        # ("Serhij Tereschko, stellvertretender Leiter der Mission …"), or the name set off by commas after a role:
        # "Die Vizepräsidentin der Europäischen Kommission für Demokratie und Demografie, Dubravka Šuica, versicherte"
        appositive = appositive or (end < len(tokens) and tokens[end].text == "," and _after_role(tokens, start))
        particle = any(t.text in _FOREIGN_PARTICLES for t in tokens[start + 1:end - 1])
        if names >= 2 and (start > index or is_given_name(tokens[start].text) or appositive or particle):
            mentions.append(_Mention(tokens[start].idx, _token_end(tokens[end - 1]), "PER"))
            index = end
            continue
        if names == 1 and start > index and _lone_surname(tokens, start, table):  # "Ministerpräsident Seehofer (CSU)"
            mentions.append(_Mention(tokens[start].idx, _token_end(tokens[start]), "PER"))
            index = start + 1
            continue
        index += 1
    return mentions


# capitals that are abbreviations of common nouns or titles, not organisations
_NOT_ORG_ACRONYMS = frozenset({
    "OB", "TV", "PC", "CD", "DVD", "SMS", "PDF", "USB", "KI", "IT", "EDV", "CEO", "MP", "AG", "GMBH", "KG", "NR", "CA",
    "II", "III", "IV", "VI", "OK", "ID", "PS", "FAQ", "URL", "HTML", "UHR", "DPA", "AFP", "AP", "CET", "CEST", "UTC",
    "GMT", "MEZ", "MESZ", "JPG", "JPEG", "PNG", "GIF", "SVG", "MP3", "MP4", "ICE", "TGV", "AVE", "IC", "EC", "S", "U"})
_ACRONYM = re.compile(r"^[A-ZÀ-ÖØ-ÞČŠŽŘĚ][A-ZÀ-ÖØ-ÞČŠŽŘĚ0-9]{1,7}$")
_ACRONYM_IN_TEXT = re.compile(r"(?<![\w-])" + _ACRONYM.pattern[1:-1] + r"(?![\w-])")


def _rule_acronyms(doc: Doc, table: AliasTable, text: str) -> list[_Mention]:
    """Organisations in a doc without NER: words in capitals ("PASOK", "ČSSD", "TOP09", "SPIEGEL") that the alias
    table does not know as something else, outside all-capital lines (headlines, shouting)."""
    mentions = []
    for token in doc:
        word = token.text
        if not _ACRONYM.match(word) or word in _NOT_ORG_ACRONYMS or sum(c.isalpha() for c in word) < 2:
            continue
        label = table.label(table.canonical(word) or "")
        if label not in (None, "ORG"):
            continue
        line_start = text.rfind("\n", 0, token.idx) + 1
        line_end = text.find("\n", token.idx)
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        letters = [c for c in line if c.isalpha()]
        if letters and sum(c.isupper() for c in letters) > 0.5 * len(letters):
            continue
        if mentions and text[mentions[-1].end:token.idx] == " ":  # "SPIEGEL ONLINE": one name
            mentions[-1] = _Mention(mentions[-1].start, _token_end(token), "ORG")
        else:
            mentions.append(_Mention(token.idx, _token_end(token), "ORG"))
    return mentions


# words after which a capitalised place name is a place ("in Aurora", "bei Denver", "Denver (Colorado)")
_LOCATIVE = frozenset({"in", "aus", "nach", "bei", "von", "über", "nahe", "(", "im", "nördlich", "südlich",
                       "östlich", "westlich"})


def _rule_places(doc: Doc) -> list[_Mention]:
    """Cities, countries and US states of the GeoNames gazetteer in a locative slot (after "in", "bei", "aus", …,
    or right before a bracket): German capitalises every noun, so a name alone ("Essen", "Halle") proves nothing."""
    from streams.enrich.gazetteer import place_names

    names = place_names()
    tokens = list(doc)
    mentions = []
    for index, token in enumerate(tokens):
        if not token.text[:1].isupper():
            continue
        before = tokens[index - 1].text.lower() if index else ""
        for width in (2, 1):
            end = index + width
            if end > len(tokens):
                continue
            name = doc.text[token.idx:_token_end(tokens[end - 1])]
            after = tokens[end].text if end < len(tokens) else ""
            if name in names and (before in _LOCATIVE or after == "("):
                mentions.append(_Mention(token.idx, _token_end(tokens[end - 1]), "LOC"))
                break
    return mentions


def _after_role(tokens: list[Token], start: int) -> bool:
    """A comma before ``start`` closes a noun phrase headed by a role word (within the clause, a few words back)."""
    if start < 2 or tokens[start - 1].text != ",":
        return False
    for token in reversed(tokens[max(0, start - 12):start - 1]):
        if token.is_punct or token.is_space:
            return False
        if _is_role_word(token):
            return True
    return False


def _lone_surname(tokens: list[Token], position: int, table: AliasTable) -> bool:
    """A single name after a role word is a surname when punctuation or a lower-case word follows it, and it is not
    a known place in the genitive ("Präsident Frankreichs")."""
    word = tokens[position].text
    after = tokens[position + 1] if position + 1 < len(tokens) else None
    if after is not None and not (after.is_punct or after.text[:1].islower()):
        return False
    return not (word.endswith("s") and table.canonical(word[:-1]) is not None)


def _repeated_names(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Every other occurrence of a person's or an organisation's name of two words or more the model or the rules
    found once: the model misses names in headlines and first lines ("… concernant Bruno Le Roux", "Bruno Le Roux ,
    l'actuel ministre") or takes part of one ("Business France a quant à elle reconnu": only "France", a place)."""
    names = {(text[m.start:m.end], m.label) for m in mentions
             if m.label in ("PER", "ORG") and len(text[m.start:m.end].split()) >= 2}
    found: list[_Mention] = []
    for name, label in sorted(names, key=lambda n: (-len(n[0]), n[1])):
        for match in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            a, b = match.start(), match.end()
            overlapping = [m for m in (*mentions, *found) if a < m.end and m.start < b]
            if all(a <= m.start and m.end <= b and m.end - m.start < b - a for m in overlapping):
                found.append(_Mention(a, b, label))  # (a mention inside it gives way in the merge)
    return found


def _persons_by_surname(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """`mentions` with a given name and surname the model took for an organisation or a thing relabelled as a
    person when the article names that surname as a person elsewhere ("pour son mandat Staffan Nilsson, Président
    …" tagged ORG, "M. Nilsson" PER)."""
    surnames = {text[m.start:m.end].split()[-1] for m in mentions if m.label == "PER"}
    relabelled = []
    for m in mentions:
        words = text[m.start:m.end].split()
        if m.label != "PER" and ((2 <= len(words) <= 3 and is_given_name(words[0]) and words[-1] in surnames) or
                                 EAST_ASIAN_NAME.fullmatch(text[m.start:m.end])):
            m = _Mention(m.start, m.end, "PER")  # (also "Yoon Young-Kwan" tagged ORG)
        relabelled.append(m)
    return relabelled


def _surname_mentions(doc: Doc, mentions: list[_Mention], table: AliasTable) -> list[_Mention]:
    """Later bare-surname mentions ("sagte Lindner", genitive "Morenos") of persons already named in full."""
    text = doc.text
    surnames: set[str] = set()
    for mention in mentions:
        if mention.label == "PER":
            parts = text[mention.start:mention.end].split()
            if len(parts) >= 2 and table.canonical(parts[-1]) is None:
                surnames.add(parts[-1])
            if len(parts) == 2 and FAMILY_NAME_FIRST.match(parts[1]) and table.canonical(parts[0]) is None:
                surnames.add(parts[0])  # "Ma Ying-jeou" is President Ma, "Moon Jae-in" President Moon
    genitives = {name + "s" for name in surnames if not name.endswith(("s", "x", "z"))}
    stop_words = _stop_words(doc.lang_)
    found = []
    for token in doc:
        known = token.text in surnames or token.text in genitives
        if known and _possessive_opening(doc, token, stop_words):
            continue  # "Ma mère …" opens a sentence with a possessive, not with President Ma ("Ma est né …")
        if known and not any(m.start <= token.idx < m.end for m in mentions):
            found.append(_Mention(token.idx, _token_end(token), "PER"))
    return found


def _possessive_opening(doc: Doc, token: Token, stop_words: frozenset[str]) -> bool:
    """A function word opening a sentence before a word that is none ("Ma mère"; the tagger may not have run)."""
    if token.lower_ not in stop_words or token.i + 1 >= len(doc):
        return False
    prev, nxt = (doc[token.i - 1] if token.i else None), doc[token.i + 1]
    opens = prev is None or prev.is_space or prev.text in (".", "!", "?", "…", "«", "“", '"', ":")
    return opens and nxt.text[:1].islower() and nxt.lower_ not in stop_words


# a frequent Korean or Chinese family name, then a given name romanised with a hyphen: "Yoon Young-Kwan", "Ma
# Ying-jeou", "Moon Jae-in" — a person, whatever the model called it
EAST_ASIAN_NAME = re.compile(
    r"(?:Kim|Lee|Park|Choi|Jung|Chung|Kang|Cho|Yoon|Yun|Jang|Lim|Han|Oh|Seo|Shin|Kwon|Hwang|Ahn|Song|Yoo|Hong|Moon|"
    r"Roh|Ban|Ma|Wang|Li|Zhang|Liu|Chen|Yang|Huang|Zhao|Wu|Zhou|Xu|Sun|Zhu|Hu|Guo|Lin|Luo|Gao|Tsai|Tsaï|Xi|Ko|"
    r"Lai|Hou|Su|Lu|Wen|Jiang|Kuo|Chiang|Lien|Soong|Hsieh|Yeh|Tang|Deng|Mao)\s[A-Z][a-z]+-[A-Za-z][a-z]+")


# an East Asian given name romanised with a hyphen ("Ying-jeou", "Jae-in", "Jong-un"): the family name comes first
FAMILY_NAME_FIRST = re.compile(r"[A-Z][a-z]+-[a-z]+$")


def _name_run(tokens: list[Token], start: int, stop_words: frozenset[str], table: AliasTable) -> tuple[int, int]:
    """End (exclusive) and name-token count of the name at ``start``: two name tokens, particles allowed inside
    ("Kris de Decker"), a third only after a double first name ("Hans Peter Müller")."""
    names = 0
    end = start
    position = start
    while position < len(tokens):
        token = tokens[position]
        if names and token.lower_ in _NAME_LINKS_CAPITALISED and position + 1 < len(tokens) and \
                _is_name_token(tokens[position + 1], stop_words, table):
            position += 1  # "Iyad El Baghdadi", "Ali Ben Bongo": a capitalised link inside the name, not a name
            continue
        if _is_name_token(token, stop_words, table):
            limit = 3 if names == 2 and is_given_name(tokens[position - 1].text) else 2
            # a double surname set off by a comma after a known first name ("Javier Doz Orrit, Berichterstatter")
            double = names == 2 and is_given_name(tokens[start].text) and position + 2 < len(tokens) and \
                tokens[position + 1].text == "," and (_is_role_word(tokens[position + 2]) or (
                    start > 0 and tokens[start - 1].text == ","))  # (not "sagte Olaf Scholz Reportern, er …")
            if names >= limit and not (double and names == 2):
                break
            names += 1
            position += 1
            end = position
            continue
        if names == 1 and _initial(token) and is_given_name(tokens[position - 1].text):
            position += 1  # "John F. Kennedy": a middle initial after a known first name
            continue
        if names and token.text in _NAME_PARTICLES and (token.text not in ("der", "den") or
                                                         tokens[position - 1].text in ("von", "van")):
            position += 1  # "von der Leyen", "Kris de Decker" — but not "Lage der Union"
            continue
        break
    return end, names


def _initial(token: Token) -> bool:
    return len(token.text) == 2 and token.text[0].isupper() and token.text[1] == "."


def _is_name_token(token: Token, stop_words: frozenset[str], table: AliasTable) -> bool:
    word = token.text
    if len(word) < 2 or not word[0].isupper() or word.isupper():
        return False
    if not word.replace("-", "").isalpha():
        return False
    lower = word.lower()
    if lower in stop_words or _is_role_word(token):
        return False
    if lower.endswith(_DE_NOUN_SUFFIXES) and word not in FIRST_NAMES and not _NOT_GERMAN_LETTERS.search(word):
        return False  # "Musik", but "Erik" and "Clément" (no German noun has an "é")
    label = table.label(table.canonical(word) or "")
    return label in (None, "PER")


_NOT_GERMAN_LETTERS = re.compile(r"[àáâãåçèéêëìíîïñòóôõøùúûýÿčćšžřěłńśźżőű]", re.IGNORECASE)


def _is_role_word(token: Token) -> bool:
    lower = token.text.lower()
    return lower in _DE_ROLE_WORDS or (len(lower) > 6 and lower.endswith(_DE_ROLE_SUFFIXES))


def _token_end(token: Token) -> int:
    return token.idx + len(token.text)


@lru_cache(maxsize=8)
def _stop_words(lang: str) -> frozenset[str]:
    from spacy.util import get_lang_class  # lazy: keeps this module importable without loading spaCy

    try:
        return frozenset(get_lang_class(lang).Defaults.stop_words)
    except ImportError:
        return frozenset()


# --------------------------------------------------------------------------------------------------- entity ruler


def build_entity_ruler_patterns(aliases: AliasTable | None = None) -> list[dict[str, Any]]:
    """EntityRuler patterns (for ``phrase_matcher_attr="LOWER"``) for every alias, ``id`` = canonical.

    For pipelines that want alias entities inside spaCy; :func:`entities_from_doc` does not need it (it scans the
    text itself, accent-insensitively, which a ruler cannot do).
    """
    table = aliases if aliases is not None else default_aliases()
    patterns: list[dict[str, Any]] = []
    for entry in table.entries():
        for form in entry.forms:
            # acronyms must keep their case ("UN", not the French article "un"): a token pattern on ORTH
            pattern: Any = [{"ORTH": form}] if is_acronym(form) and " " not in form else form
            patterns.append({"label": entry.label, "pattern": pattern, "id": entry.canonical})
    return patterns
