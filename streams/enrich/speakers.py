"""Speaker resolution, the last pass of quote extraction: pronouns to their antecedents (gender, subjects,
earlier speakers), descriptions to the people, offices and organisations they stand for, continuations to the
previous speaker, and canonical names ("Kofman" → "Michael Kofman")."""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from streams.models import Quote

from .attribution import (
    COORDINATING,
    DEMONSTRATIVES,
    HONORIFIC_PATTERN,
    OFFICE_NOUNS,
    PERSON_NOUNS,
    RELATIVE_LINKS,
    RELATIVE_NOUNS,
    ROLE_HEADS,
    Context,
    Person,
    Speaker,
    plural_finite_de,
)
from .candidates import FIRST_PERSON_WORD, WORD, Candidate
from .canonical import fold
from .entities import FOOTNOTE_CALL
from .quote_marks import SPACES

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(slots=True)
class _Said:
    """A resolved speaker in text order: pronouns and continuations look back at these."""

    pos: int
    name: str
    start: int | None
    end: int | None
    paragraph: int
    person: bool  # a person (named or described), not an organisation: "he"/"sie" can refer to it


PERSONAL = {"he", "she", "him", "her", "il", "elle", "lui", "er", "sie"}  # "they"/"ils" may be organisations
LATTER_GENDER = {"ce dernier": "M", "cette dernière": "F", "celui-ci": "M", "celle-ci": "F"}
PRONOUN_GENDER = {"he": "M", "him": "M", "she": "F", "her": "F", "il": "M", "elle": "F", "er": "M"}  # not "sie"


MEDIA_NOUNS = frozenset({"journal", "quotidien", "hebdomadaire", "magazine", "newspaper", "paper", "daily",
                         "zeitung", "blatt", "magazin", "sender", "chaîne", "broadcaster", "émission", "programme",
                         "show", "sendung"})
AGENCY_NOUNS = frozenset({"agence", "agency", "agentur", "nachrichtenagentur"})


def _body_named_in(ctx: Context, spk: Speaker) -> str | None:
    """"l'agence AP", "le quotidien Libération", "die Zeitung Die Welt": a determiner and the kind of body, then the
    organisation's name closing the description — the organisation speaks."""
    words = [w.lower() for w in WORD.findall(re.sub(r"[’']", " ", spk.text))]
    words = words[1:] if words and words[0] in DEFINITE else words
    if len(words) < 2 or words[0] not in MEDIA_NOUNS | AGENCY_NOUNS:
        return None
    noun = re.search(r"\b" + re.escape(words[0]) + r"\s+", ctx.text[spk.start:spk.end], re.IGNORECASE)
    if noun is None:
        return None
    org = next((o for o in ctx.orgs if o.start == spk.start + noun.end() and o.end <= spk.end and
                (o.end == spk.end or FOOTNOTE_CALL.fullmatch(ctx.text[o.end:spk.end]))), None)  # ("AP[3"; not
    # "l'agence de presse de l'État islamique": the agency is not the state it belongs to)
    return org.canonical if org is not None else None


# the kind of body an organisation is: "fustige encore l'association" after "selon Greenpeace"
BODY_NOUNS = frozenset({"association", "organisation", "organization", "ong", "ngo", "groupe", "group", "entreprise",
                        "company", "firm", "société", "compagnie", "syndicat", "fédération", "federation",
                        "collectif", "agence", "agency", "verband", "unternehmen", "konzern", "gewerkschaft", "firma"})


MEDIA_PARAGRAPHS = 4


def _body_antecedent(ctx: Context, spk: Speaker, history: list[_Said]) -> str | None:
    """"le journal", "the paper", "das Blatt", "l'émission", "l'association", "the group": the organisation that
    spoke last in the MEDIA_PARAGRAPHS paragraphs before."""
    words = spk.text.lower().replace("’", "'").replace("'", "' ").split()  # "l'hebdomadaire" → "l'", "hebdomadaire"
    if len(words) != 2 or words[0] not in DEFINITE or words[1] not in MEDIA_NOUNS | BODY_NOUNS:
        return None
    paragraph = ctx.paragraph_of(spk.start)
    people = {p.canonical for p in ctx.people}
    for said in reversed(history):
        if paragraph - said.paragraph > MEDIA_PARAGRAPHS:
            return None
        if said.name not in people and said.name[:1].isupper():  # a name, not a person's nor a description
            return said.name
    return None


def resolve_speakers(ctx: Context, cands: list[Candidate]) -> list[Quote]:
    """Pronouns and continuations, in text order, against the latest named person or speaker."""
    out: list[Quote] = []
    history: list[_Said] = []
    named: list[_Said] = []  # the entries whose speaker is a person's name
    descs: list[tuple[str, str]] = []  # (description as written, speaker it resolved to)
    pending: list[Candidate] = []  # reported-mood sentences before anyone spoke: the paragraph's next speaker says them
    groups: list[tuple[int, str]] = []  # (position, plural description) of the groups that spoke
    for c in _with_trailing_sources(ctx, cands):
        if pending and ctx.paragraph_of(pending[0].start) != ctx.paragraph_of(c.start):
            pending = []
        name: str | None = None
        s_start = s_end = None
        spk = c.speaker
        person = True
        guessed = False  # a speaker taken from the last paragraphs, with no cue next to the quote
        voiced = _first_person_after_document(ctx, c, history, ctx.paragraph_of(c.start)) if c.kind == "direct" \
            and c.cue is None else None
        if c.kind == "direct" and not (spk is not None and spk.kind == "name"):
            voiced = _self_named(ctx, c) or voiced  # "« Moi, Morgan Richard Tsvangirai, je jure … », a-t-il dit"
        if voiced is not None:
            name, s_start, s_end = voiced.canonical, voiced.start, voiced.end
        elif c.inherit and not (c.kind == "direct" and c.cue is None and _subject_pronoun(ctx, c) is not None):
            if history and ctx.paragraph_of(c.start) - history[-1].paragraph <= 1:
                last = history[-1]
                name, s_start, s_end, person = last.name, last.start, last.end, last.person
            elif c.kind == "indirect":
                pending.append(c)  # "Er sei etwas unglücklich … . Spielräume gebe es nicht, …, sagte er der …"
                continue
            else:
                name = _antecedent(ctx, c.start, history, False, recent_only=True)
                guessed = True
        elif spk is not None:
            s_start, s_end = spk.start, spk.end
            if spk.kind == "pronoun" and spk.text.lower() in DEMONSTRATIVES:
                latest = ctx.persons_before(spk.start, gender=LATTER_GENDER.get(spk.text.lower()))
                name = latest.canonical if latest is not None else None
            elif spk.kind == "pronoun" and spk.text.lower() == "it":
                name = _organisation_antecedent(ctx, spk.start, history)
            elif spk.kind == "group":
                name = spk.text  # "Die Ministerinnen und Minister": many people, not one of those named before
            elif spk.kind == "pronoun" and ctx.lang == "de" and spk.text.lower() == "sie" and \
                    _plural_pronoun_de(ctx, spk):
                name = _group_antecedent_de(ctx, spk.start, groups)  # "Sie appellierten": the group before
            elif spk.kind == "pronoun" and ctx.lang == "fr" and spk.text.lower().lstrip("-") in ("ils", "elles") and \
                    (plural := _plural_subject_fr(ctx, spk.start)) is not None:
                name = plural  # "Les leaders syndicaux exigeaient … . Ils insistent cependant que …"
            elif spk.kind == "pronoun":
                if spk.start >= c.end:  # '"Putin became president …," he argues': not a name inside the quote
                    ctx.reported.append((c.start, c.end))
                word = spk.text.lower().lstrip("-")
                if word == "t":  # "déclare-t-il": the euphonic "t", the pronoun is the clitic after it
                    clitic = re.match(r"-?(il|elle|ils|elles|on)\b", ctx.text[spk.end:spk.end + 7].lower())
                    word = clitic.group(1) if clitic else word
                personal = word in PERSONAL and not (ctx.lang == "de" and spk.text == "Sie")  # "Sie" is also "they"
                gender = PRONOUN_GENDER.get(word)
                if ctx.lang == "de" and spk.text == "sie" and _singular_pronoun_de(ctx, spk):
                    gender = "F"  # "Vor dem Gespräch betonte sie:" — she, not the man named last
                name = (_latter(ctx, spk.start, gender) or _conjunct_subject(ctx, spk, gender) or
                        _described_subject(ctx, spk.start, gender) if personal
                        else None) or _antecedent(ctx, spk.start, history, personal, gender=gender)
                if name is None and ctx.lang != "en" and personal:
                    name = _organisation_subject(ctx, spk.start)  # "Business France a reconnu … Elle précise …"
            elif spk.kind == "desc" and (named_body := _body_named_in(ctx, spk)) is not None:
                name = named_body  # "selon l'agence AP": the agency it names, Associated Press
            elif spk.kind == "desc" and (ANAPHORIC_DESC.search(spk.text) or _expert_epithet(spk.text)):
                # "the 48-year-old", "l'universitaire belge" after "Le politologue Filip Reyntjens": a person
                name = _antecedent(ctx, spk.start, named, True) or spk.text
            elif spk.kind == "desc" and _statement(spk.text) and history and \
                    ctx.paragraph_of(spk.start) - history[-1].paragraph <= 1:
                name = history[-1].name  # "The statement added that …": the issuer of the statement speaks
            elif spk.kind == "desc" and _statement(spk.text) and (issuer := _statement_issuer(ctx, spk.start)):
                name = issuer  # "… announced the death … in a joint statement. …, the statement said."
            elif spk.kind == "desc" and _couple(spk.text) and (pair := _latest_pair(ctx, spk.start, history)):
                name = pair  # "Le couple y déplore …" after "Thierry et Véronique Roy"
            elif spk.kind in ("desc", "name") and (apposed := _apposed_name(ctx, spk)) is not None:
                name = apposed  # "le responsable … d' Europol , Igor Angelini, s'interrogeait"
            elif spk.kind == "name" and (holder := _office_named_as_body(ctx, spk, history)):
                name = holder  # "Le Secrétaire General de Nations Unis estime" (tagged an organisation) after Ban
            elif spk.kind == "name":
                name = _genitive(ctx, spk, spk.canonical or ctx.canonical_name(spk.text))
            elif spk.kind == "desc" and spk.text.lower() == "others" and (
                    others := _elided_others(ctx, spk.start)):
                name = others  # "One academic told … Others reported …"
            elif spk.kind == "desc" and (paper := _body_antecedent(ctx, spk, history)):
                name = paper  # "le journal estime" after "Pour L'Opinion, …"
            elif spk.kind == "desc" and (owner := _channel_owner(ctx, spk.text)):
                name = owner  # "The assailant’s Facebook page said …": the assailant
            else:
                org = ctx.org_for(_tidy(spk.text) or "", spk.start)
                name = org or ctx.qualified_body(spk.text) or _same_as(spk.text, descs) or \
                    _described_before(spk.text, descs) or \
                    _entourage_of(ctx, spk.text, spk.start) or _role_holder(ctx, spk.text, spk.start) or \
                    _introduced_as(ctx, spk.text, spk.start) or \
                    _salient_office_holder(ctx, spk.text, spk.start, history) or \
                    ctx.document_author(spk.text) or _named_later(ctx, spk.text, spk.end) or \
                    _named_next(ctx, spk.text, spk.end) or spk.canonical or spk.text
                descs.append((spk.text, name))
            name = _tidy(name)
            person = name not in ctx.org_names and not (spk.kind == "desc" and _collective(name or "")) and \
                spk.kind != "group" and name not in {g for _, g in groups}
            if spk.kind == "group" and name:
                groups.append((spk.start, name))
        elif c.cue is not None and out and out[-1].cue == c.cue and out[-1].speaker and \
                ctx.sentence_of(out[-1].start) == ctx.sentence_of(c.start):
            # "X précisent qu’il s’agit d’un progrès : « … »": the same cue already found its speaker for the
            # reported clause before the quote
            last_q = out[-1]
            name, s_start, s_end = last_q.speaker, last_q.speaker_start, last_q.speaker_end
            person = name not in ctx.org_names
        elif c.kind == "direct" and c.cue is None:
            # no attribution at all: a person subject of the quote's own sentence ("L'imam de la ville, Mohammed
            # Karabila, est « effaré … »"); else the speaker of the paragraph's previous quote carries on; else the
            # latest speaker or subject person of the last paragraphs (a review quoting the book under review)
            par = ctx.paragraph_of(c.start)
            own = ctx.subject_before(c.start, ctx.sentence_of(c.start)[0])
            pronoun = _subject_pronoun(ctx, c) if own is None else None
            if own is not None and own.canonical not in ctx.org_names:
                name, s_start, s_end = own.canonical, own.start, own.end
            elif pronoun is not None:  # "Il avait également dénombré « 200 manifestants … »": he presents them
                gender = PRONOUN_GENDER.get(pronoun.lower_)
                name = _described_subject(ctx, pronoun.idx, gender) or \
                    _antecedent(ctx, pronoun.idx, history, True, gender=gender) or \
                    (_organisation_subject(ctx, pronoun.idx) if ctx.lang != "en" else None)  # "Business France a
                # quant à elle reconnu … . Elle précise néanmoins avoir réagi … : « … »"
                s_start, s_end = pronoun.idx, pronoun.idx + len(pronoun.text)
            elif history and history[-1].paragraph == par:
                last = history[-1]
                name, s_start, s_end, person = last.name, last.start, last.end, last.person
            else:
                name = _antecedent(ctx, c.start, history, False, recent_only=True)
                guessed = True
        if name and not guessed:  # a guess is no antecedent for the next quotes
            ctx.reported.append((c.start, c.end))
            entry = _Said(s_start if s_start is not None else c.start, name, s_start, s_end,
                          ctx.paragraph_of(c.start), person)
            history.append(entry)
            if pending and not c.inherit and c.cue is not None:
                out.extend(Quote(text=ctx.text[p.start:p.end], speaker=name, kind=p.kind, start=p.start, end=p.end,
                                 speaker_start=s_start, speaker_end=s_end, cue=None) for p in pending)
                pending = []
            if spk is not None and spk.kind in ("name", "pronoun") and person:
                named.append(entry)
        text = ctx.text[c.start:c.end]
        if (name is None or guessed) and c.cue is None and c.kind == "direct" and text.rstrip().endswith("?") and \
                _whole_sentence(ctx, c):
            continue  # an unattributed quoted question standing alone is a headline or a title, not speech
        out.append(Quote(text=text, speaker=name, kind=c.kind, start=c.start, end=c.end, speaker_start=s_start,
                         speaker_end=s_end, cue=c.cue))
    return out


SELF_NAMING = re.compile(r"\s*(?:Moi|I|Ich)\s*,\s*")


_APPOSED_NAME = re.compile(r"[ \t\u00a0\u202f]*,[ \t\u00a0\u202f]*")


def _apposed_name(ctx: Context, spk: Speaker) -> str | None:
    """A person's name set off by commas right after a described speaker ("Le ministre des Finances françaises,
    Michel Sapin , affirmait …"): the description introduces that person."""
    end = spk.end
    comma = ctx.text.find(",", end, end + 40)
    between = ctx.tokens(end, comma) if comma > end else []
    if between and len(between) <= 2 and ctx.has_pos and all(t.pos_ == "ADJ" for t in between):
        end = between[-1].idx + len(between[-1].text)  # "Le ministre des Finances françaises, Michel Sapin ,"
    m = _APPOSED_NAME.match(ctx.text, end)
    role = any(w in ROLE_HEADS or w in PERSON_NOUNS for w in WORD.findall(spk.text.lower()))
    if m is None or not role or any(p.start <= spk.start < p.end for p in ctx.people):
        return None  # (a person's own name or an outlet is no description: "selon Reuters , David Petraeus , …")
    p = next((p for p in ctx.people if p.start == m.end()), None)
    if p is None or p.canonical in ctx.org_names or not _APPOSED_NAME.match(ctx.text, p.end):
        return None
    return p.canonical


def _self_named(ctx: Context, c: Candidate) -> Person | None:
    """A quotation that opens with its speaker naming themselves: an oath ("Moi, Goodluck Ebele Jonathan, je jure
    …", "I, Barack Hussein Obama, do solemnly swear …", "Ich, …, schwöre …")."""
    opening = SELF_NAMING.match(ctx.text, c.start, c.end)
    if opening is None:
        return None
    p = next((p for p in ctx.people if p.start == opening.end()), None)
    return p if p is not None and ctx.text[p.end:p.end + 3].lstrip()[:1] == "," else None


def _plural_pronoun_de(ctx: Context, spk: Speaker) -> bool:
    """German "sie" with a plural verb next to it ("Sie appellierten", "betonten sie"): they, not she."""
    toks = ctx.tokens(spk.start, spk.end)
    if not toks:
        return False
    i = toks[0].i
    near = [ctx.token_list[j] for j in (i + 1, i - 1) if 0 <= j < len(ctx.token_list)]
    return any(t.text.isalpha() and plural_finite_de(t) for t in near[:1]) or \
        (len(near) > 1 and near[1].text.isalpha() and plural_finite_de(near[1]) and ctx.is_reporting(near[1]))


def _conjunct_subject(ctx: Context, spk: Speaker, gender: str | None) -> str | None:
    """"Pompeo called the election that Maduro claims to have won a “sham,” and he noted that …": the pronoun
    subject of a verb coordinated with the one before is that verb's subject (not a name inside its clause)."""
    toks = ctx.tokens(spk.start, spk.end)
    if not ctx.has_dep or len(toks) != 1 or not toks[0].dep_.startswith("nsubj"):
        return None
    verb = toks[0].head
    if verb.dep_ != "conj" or verb.head.i >= verb.i:
        return None
    first = [c for c in verb.head.children if c.dep_.startswith("nsubj") and c.i < verb.head.i]
    if len(first) != 1:
        return None
    p = ctx.person_in(first[0].left_edge.idx, first[0].right_edge.idx + len(first[0].right_edge.text))
    return p.canonical if p is not None and p.canonical not in ctx.org_names and \
        not ctx.conflicts(p.canonical, gender) else None


def _singular_pronoun_de(ctx: Context, spk: Speaker) -> bool:
    """German "sie" right after or before a verb of saying in the singular ("betonte sie", "sie sagte"): she."""
    toks = ctx.tokens(spk.start, spk.end)
    if not toks:
        return False
    i = toks[0].i
    near = [ctx.token_list[j] for j in (i - 1, i + 1) if 0 <= j < len(ctx.token_list)]
    return any(t.text.isalpha() and t.text.islower() and ctx.is_reporting(t) and not plural_finite_de(t)
               for t in near)


GROUP_LINKS_DE = frozenset({"und", "der", "des", "von", "aus"})


PLURAL_DETERMINERS_FR = frozenset({"les", "des", "ces", "leurs", "nos", "vos", "plusieurs", "certains", "certaines"})


def _plural_subject_fr(ctx: Context, pos: int) -> str | None:
    """French "ils"/"elles": the plural noun phrase subject of its own or the previous sentence of the paragraph
    ("Les leaders syndicaux exigeaient …"), when no person is a subject between it and the pronoun ("X et Y ont
    … . Ils …" are the pair)."""
    if not ctx.has_dep:
        return None
    a, _ = ctx.sentence_of(pos)
    start = ctx.sentence_of(a - 1)[0] if a > 0 and ctx.paragraph_of(a - 1) == ctx.paragraph_of(pos) else a
    for t in reversed(ctx.tokens(start, pos)):
        if t.dep_ not in ("nsubj", "nsubj:pass") or t.pos_ != "NOUN" or "Plur" not in t.morph.get("Number"):
            continue
        det = next((c for c in t.children if c.dep_ == "det" and c.lower_ in PLURAL_DETERMINERS_FR), None)
        if det is None or any(t.idx < p.start < pos and ctx.is_subject(p) for p in ctx.people):
            return None
        end = t
        for c in t.children:  # "Les leaders syndicaux": the adjectives right after the noun
            if c.dep_ == "amod" and c.i == end.i + 1:
                end = c
        return ctx.text[det.idx:end.idx + len(end.text)]
    return None


def _group_antecedent_de(ctx: Context, pos: int, groups: list[tuple[int, str]]) -> str | None:
    """The group a German plural "sie" stands for: the latest group that spoke in this paragraph or the one before,
    else the plural noun phrase opening one of the three sentences before ("Die EU-Außenministerinnen und ‑minister
    berieten …")."""
    par = ctx.paragraph_of(pos)
    for at, name in reversed(groups):
        if at < pos and par - ctx.paragraph_of(at) <= 1:
            return name
    a = ctx.sentence_of(pos)[0]
    for _ in range(3):
        if a <= 0:
            break
        a, b = ctx.sentence_of(a - 1)
        if par - ctx.paragraph_of(a) > 1:
            break
        toks = [t for t in ctx.tokens(a, b) if not t.is_space]
        for j, t in enumerate(toks[:-1]):
            inverted = j > 0 and toks[j - 1].text.isalpha() and plural_finite_de(toks[j - 1])
            if t.lower_ != "die" or not (j == 0 or inverted):
                continue  # "Die X berieten …", "… berieten die X über …"
            k = next((k for k in range(j + 2, min(len(toks), j + 8)) if toks[k].text.islower() and
                      toks[k].lower_ not in GROUP_LINKS_DE and toks[k].text[:1] not in "-‑–"), len(toks))
            last = toks[k - 1]
            if (last.text[:1].isupper() or last.text[:1] in "-‑") and last.text[-1:].isalpha() and \
                    (inverted or (k < len(toks) and plural_finite_de(toks[k]))):
                return ctx.text[toks[j + 1].idx:last.idx + len(last.text)]
    return None


def _with_trailing_sources(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """"Après que cet adolescent « … » , il a pu être établi que « … » , selon le sous-préfet, Nicolas
    Martrenchard.", "« … » , bien que … cela ne « … » , estime Neil Hyatt": a source or an inverted speaker closing
    the sentence covers its earlier quotes that have no cue of their own."""
    out = list(cands)
    for i, c in enumerate(out):
        if c.kind != "direct" or c.cue is not None or c.speaker is not None or \
                ctx.text[c.start:c.end].rstrip().endswith("?"):
            continue  # (a quoted question standing alone is a title)
        sentence = ctx.sentence_of(c.start)
        for later in out[i + 1:]:
            if ctx.sentence_of(later.start) != sentence or re.search(r"[;:]", ctx.text[c.end:later.start]):
                break  # "« … » ; c'est « … » qui …, précise la préfecture": another clause
            spk = later.speaker
            if later.cue is not None and spk is not None and spk.start >= later.end:
                out[i] = dataclasses.replace(c, speaker=spk, cue=later.cue, inherit=False)
                break
    return out


LATTER = re.compile(r"\b(?:[Cc]e dernier|[Cc]ette dernière|[Tt]he latter|[Ll]etzterer|[Ll]etztere)\b")


def _latter(ctx: Context, pos: int, gender: str | None) -> str | None:
    """"…, prêté par une connaissance, Mohammed. Ce dernier n'était pas au courant : « … » , déclare-t-il": "ce
    dernier" (this sentence or the one before, same paragraph) is the person named last before it."""
    a, _ = ctx.sentence_of(pos)
    start = ctx.sentence_of(a - 1)[0] if a > 0 and ctx.paragraph_of(a - 1) == ctx.paragraph_of(pos) else a
    found = list(LATTER.finditer(ctx.text, start, pos))
    if not found:
        return None
    at = found[-1].start()
    person = next((p for p in reversed(ctx.people) if p.end <= at), None)  # the very last one, however short
    if person is None or at - person.end > ROLE_WINDOW * 3 or ctx.conflicts(person.canonical, gender):
        return None
    return person.canonical


def _subject_pronoun(ctx: Context, c: Candidate) -> Token | None:
    """A personal pronoun subject of the sentence a quote without attribution stands in ("Il avait dénombré « … »")."""
    if not ctx.has_dep or c.span is None:
        return None
    a, _ = ctx.sentence_of(c.start)
    return next((t for t in ctx.tokens(a, c.span.open_at) if t.dep_.startswith("nsubj") and t.lower_ in PERSONAL
                 and t.head.dep_ == "ROOT" and not (ctx.lang == "de" and t.text == "Sie")), None)


THE = frozenset({"the", "le", "la", "l’", "l'"})


def _described_subject(ctx: Context, pos: int, gender: str | None = None) -> str | None:
    """"The waiter returns with a carafe. He places it on the table and whispers, “…”": a personal pronoun takes an
    unnamed person described as the subject of its own or the previous sentence of the paragraph, when no named
    person comes between; a described role takes its holder ("The Ukrainian Foreign Minister also expressed
    gratitude … . He added …" is Arseniy Yatseniuk, introduced as "Ukrainian Foreign Minister")."""
    if not ctx.has_dep:
        return None
    a, _ = ctx.sentence_of(pos)
    start = ctx.sentence_of(a - 1)[0] if a > 0 and ctx.paragraph_of(a - 1) == ctx.paragraph_of(pos) else a
    found: tuple[Token, str] | None = None  # the latest described subject and what it names
    toks = ctx.tokens(start, pos)
    for n, t in enumerate(toks):
        parsed = t.dep_ in ("nsubj", "nsubj:pass") and t.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ in THE for c in t.children)
        # a sentence the parse scope left unparsed: "Le chauffeur a pris sa retraite. Il déclare …"
        opening = not t.dep_ and n > 0 and toks[n - 1].lower_ in THE and \
            not ctx.text[ctx.sentence_of(toks[n - 1].idx)[0]:toks[n - 1].idx].strip()
        person_noun = (parsed or opening) and (t.lemma_.lower() in PERSON_NOUNS or t.lower_ in PERSON_NOUNS)
        role = t.dep_ in ("nsubj", "nsubj:pass") and t.lower_ in ROLE_HEADS and ctx.doc[t.left_edge.i].lower_ in THE
        if not (person_noun or role) or ctx.conflicts(t.text, gender, t.idx, t.idx + len(t.text)):
            continue  # (only a described subject is checked for gender: "elle" is not "l'homme")
        if person_noun:
            det = ctx.doc[t.i - 1] if not t.dep_ else ctx.doc[min(c.i for c in t.children if c.dep_ == "det")]
            found = (t, ctx.text[det.idx:t.idx + len(t.text)])
            if t.lower_ in RELATIVE_NOUNS and t.dep_:  # "Le fils du défunt président gabonais" after "Ali Bongo
                # Ondimba, le fils du défunt leader Omar Bongo Ondimba": the person introduced so
                phrase = [x for x in t.subtree if x.i >= det.i and not x.is_space]
                cut = next((k for k, x in enumerate(phrase) if x.text == "," or x.dep_ == "acl:relcl"), len(phrase))
                end = phrase[cut - 1] if cut else t
                holder = _role_holder(ctx, ctx.text[det.idx:end.idx + len(end.text)], t.idx)
                found = (t, holder) if holder is not None else found
        else:
            desc = ctx.text[ctx.doc[t.left_edge.i].idx:t.idx + len(t.text)]
            holder = _introduced_as(ctx, desc, t.idx) or _role_holder(ctx, desc, t.idx)
            if holder is not None:
                found = (t, holder)
    if found is None or any(found[0].idx < p.start < pos for p in ctx.people):
        return None
    return found[1]


ONE_NOUN = re.compile(r"\b[Oo]ne\s+([a-z]+)\b")


def _elided_others(ctx: Context, pos: int) -> str | None:
    """"One academic told … Others reported …": "others" are other members of the group the "one" came from."""
    par = ctx.paragraph_of(pos)
    floor = ctx.breaks[par - 2] if par >= 2 and ctx.breaks else 0
    found = list(ONE_NOUN.finditer(ctx.text, floor, pos))
    if not found:
        return None
    noun = found[-1].group(1)
    toks = ctx.tokens(found[-1].start(1), found[-1].end(1))
    if not toks or (ctx.has_pos and toks[0].pos_ not in ("NOUN", "ADJ")) or noun in ("of", "day", "time", "way"):
        return None
    return f"other {noun}s"


SAME = re.compile(r"\b(?:mêmes?|same|gleiche[nmr]?|selbe[nmr]?)\s+(\w+)", re.IGNORECASE)


def _same_as(desc: str, descs: list[tuple[str, str]]) -> str | None:
    """"les mêmes attendus", "the same official": the speaker of the latest description with that noun."""
    m = SAME.search(desc)
    if not m:
        return None
    noun = m.group(1).lower()
    for text, name in reversed(descs):
        if re.search(r"\b" + re.escape(noun) + r"\b", text.lower()):
            return name
    return None


def _description_words(desc: str) -> list[str]:
    """The lower-case words of a description, apostrophes as word breaks ("l'avocat" → "l", "avocat")."""
    return [w.lower() for w in WORD.findall(re.sub(r"[’']", " ", desc))]


def _one_person(words: list[str]) -> bool:
    """A definite or possessive description ("the minister", "South Korea’s foreign minister"): one known person."""
    return words[0] in _DESCRIPTION_DETERMINERS or "s" in words[1:4]


def _described_before(desc: str, descs: list[tuple[str, str]]) -> str | None:
    """"South Korea’s foreign minister says …" closing an article whose lead named the minister: the same definite
    description as before is the person it was resolved to then."""
    words = _description_words(desc)
    if len(words) < 2 or not _one_person(words):
        return None  # ("a spokesman" twice may be two people)
    return next((name for text, name in reversed(descs) if text.lower() == desc.lower() and name != text), None)


EXPERT_NOUNS = frozenset({
    "universitaire", "politologue", "chercheur", "chercheuse", "expert", "experte", "spécialiste", "historien",
    "historienne", "sociologue", "économiste", "professeur", "professeure", "academic", "professor", "researcher",
    "scholar", "historian", "economist", "analyst", "politologe", "politologin",
    "wissenschaftler", "wissenschaftlerin", "forscher", "forscherin", "historiker", "historikerin", "ökonom",
    "ökonomin", "expertin", "philosophe", "philosopher", "philosoph", "philosophin", "sociologist", "soziologe",
    "soziologin", "anthropologue", "anthropologist", "linguiste", "linguist", "juriste", "jurist", "juristin"})
LEADER_NOUNS = frozenset({"leader", "dirigeant", "dirigeante", "anführer", "anführerin"})
COUPLE_NOUNS = frozenset({"couple", "époux", "pair", "paar", "ehepaar"})
# "The statement added that …" after "In a press statement, the MDC said …": who issued it speaks
STATEMENT_NOUNS = frozenset({"statement", "communiqué", "communique", "release", "déclaration", "erklärung",
                             "mitteilung", "pressemitteilung"})
EPITHET = re.compile(r"^(?:the|le|la|l[’']|der|die)\s*(\w+)(?:\s+\w+)?$", re.IGNORECASE)


def _expert_epithet(desc: str) -> bool:
    """"l'universitaire belge", "the academic", "der Politologe": an epithet for the expert the article quotes,
    never a new unnamed source (those come with an indefinite article: "un chercheur")."""
    m = EPITHET.match(desc.strip())
    return m is not None and (m.group(1).lower() in EXPERT_NOUNS or m.group(1).lower() in LEADER_NOUNS)


COLLECTIVE_NOUNS = frozenset({
    "coalition", "opposition", "government", "gouvernement", "party", "parti", "committee", "comité", "police",
    "army", "armée", "ministry", "ministère", "council", "conseil", "court", "tribunal", "commission", "union",
    "group", "groupe", "agency", "agence", "company", "entreprise", "regierung", "partei", "polizei", "kommission",
    "administration", "alliance", "movement", "mouvement", "parquet", "association", "organisation", "organization"})


def _collective(desc: str) -> bool:
    """"The opposition coalition", "le gouvernement": a body, never what "she" or "il" refers to."""
    return any(w in COLLECTIVE_NOUNS for w in desc.lower().split()[:3])


def _first_person_after_document(ctx: Context, c: Candidate, history: list[_Said], par: int) -> Person | None:
    """'Selon une étude …, François Hammer … et son équipe sont parvenus à cette conclusion … « … nous avions tenté
    … »': a first-person quote after a report whose source is a document is the words of the person subject of the
    sentence before, not of the study."""
    if not history or history[-1].paragraph != par or not FIRST_PERSON_WORD.search(ctx.text[c.start:c.end]):
        return None
    words = history[-1].name.lower().split()
    if not any(w in ctx.lex.works or w in DOCUMENT_NOUNS for w in words[:3]):
        return None
    a, _ = ctx.sentence_of(max(0, ctx.sentence_of(c.start)[0] - 1))
    return ctx.subject_before(c.start, a)


DOCUMENT_NOUNS = frozenset({"étude", "rapport", "study", "report", "studie", "bericht", "enquête", "survey",
                            "sondage", "poll", "umfrage", "document", "communiqué", "statement"})


def _statement(desc: str) -> bool:
    m = EPITHET.match(desc.strip())
    return m is not None and m.group(1).lower() in STATEMENT_NOUNS


def _statement_issuer(ctx: Context, pos: int) -> str | None:
    """The subject of the clause that mentioned a statement in this paragraph or the one before ("The Uzbekistan
    government and parliament announced … in a joint statement")."""
    if not ctx.has_dep:
        return None
    par = ctx.paragraph_of(pos)
    floor = ctx.breaks[par - 2] if par >= 2 and ctx.breaks else 0
    for t in reversed(ctx.tokens(floor, ctx.sentence_of(pos)[0])):
        if t.lower_ not in STATEMENT_NOUNS:
            continue
        verb = t.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subject is None or subject.pos_ == "PRON":
            return None
        spk = ctx.name_or_desc([x for x in subject.subtree if x.i < verb.i])
        return spk.canonical if spk is not None else None
    return None


def _couple(desc: str) -> bool:
    m = EPITHET.match(desc.strip())
    return m is not None and m.group(1).lower() in COUPLE_NOUNS


def _latest_pair(ctx: Context, pos: int, history: list[_Said]) -> str | None:
    """The latest two people named together ("Thierry et Véronique Roy"), as a speaker or in the text."""
    said = next((h for h in reversed(history) if COORDINATING & set(h.name.lower().split()[1:-1])), None)
    before = [p for p in ctx.people if p.end <= pos]
    for first, second in reversed(list(itertools.pairwise(before))):
        if said is not None and first.start < said.pos:
            break
        pair = ctx.coordinated_people(first.start, second.end)
        if pair is not None:
            return pair.canonical
    return said.name if said is not None else None


# (and a newsroom's own staff: "notre envoyé spécial à Monrovia", "our correspondent")
DEFINITE = {"the", "der", "die", "das", "dem", "den", "des", "le", "la", "les", "l", "l’", "l'", "notre", "our"}
# A definite description of an office (accents folded) and the titles its holder is introduced with.
HEAD_OFFICES = {
    "chef de l etat": ("président", "présidente", "chef de l'état", "chef de l’état", "chef de l'etat",
                       "chef de l’etat"),
    # seats that stand for their holder: "Le chef de la Maison Blanche a rappelé …", "le locataire de l'Élysée"
    "chef de la maison blanche": ("président",),
    "chef de l executif": ("président", "présidente", "premier ministre", "première ministre"),
    "chef de la diplomatie": ("secrétaire d'état", "secrétaire d’état", "secrétaire d'etat", "secrétaire d’etat",
                              "ministre des affaires étrangères", "chef de la diplomatie"),
    "ministre des affaires etrangeres": ("ministre des affaires étrangères", "chef de la diplomatie"),
    "locataire de la maison blanche": ("président",),
    "locataire de l elysee": ("président", "présidente"),
    "maitre du kremlin": ("président",),
    "chef du gouvernement": ("premier ministre", "première ministre", "chef du gouvernement"),
    "monarque": ("roi", "reine", "monarque", "souverain", "souveraine"),  # "le monarque" after "le Roi du Swaziland"
    "head of state": ("president", "head of state"),
    "head of government": ("prime minister", "premier", "chancellor", "head of government"),
    "staatschef": ("präsident", "präsidentin", "staatschef", "staatschefin", "staatsoberhaupt"),
    "staatschefin": ("präsidentin", "staatschefin", "staatsoberhaupt"),
    "regierungschef": ("kanzler", "ministerpräsident", "premierminister", "regierungschef"),
    "regierungschefin": ("kanzlerin", "ministerpräsidentin", "premierministerin", "regierungschefin"),
}
SHORT_ROLES = frozenset({"roi", "pdg", "ceo", "duc"})  # roles shorter than the four letters a role noun has else
ROLE_WINDOW = 40  # characters before a name where its role noun stands ("Foreign Minister Sergei Lavrov")
APPOSITION_WINDOW = 120  # characters of an apposition after a name, up to its closing comma ("Didier Rancher,
# porte-parole militaire de la Mission de l’Onu en RDC (MONUC),")


def _role_holder(ctx: Context, desc: str, pos: int) -> str | None:
    """"The minister" after "Foreign Minister Sergei Lavrov": a definite role noun names the latest person
    introduced with that role (an apposition before the name or ", the minister," after it); "the man" stays."""
    words = _description_words(desc)
    cut = next((n for n, w in enumerate(words) if n > 1 and w in ROLE_ADJUNCT_STARTS), len(words))
    words = _without_prenominal(words[:cut], ctx.lang)  # "le chef de l'État en déplacement à Égletons": the
    # office, not where its holder is
    if ctx.lang == "fr" and len(words) >= 5 and words[2] not in FRENCH_OF and words[3] in FRENCH_OF:
        words = [*words[:2], *words[3:]]  # "le ministre rwandais des Affaires étrangères": the office without
        # its country (checked below against the holder's introduction)
    head = fold(" ".join(words[1:]))
    office = next((k for k in HEAD_OFFICES if head == k or head.startswith(k + " ")), None) \
        if words and words[0] in DEFINITE else None
    if office is not None and len(head.split()) - len(office.split()) <= 1:
        roles = HEAD_OFFICES[office]  # "le chef de l’Etat français" after "Le président français, François Hollande"
    elif len(words) >= 4 and words[0] in DEFINITE and words[1] in RELATIVE_NOUNS and words[2] in RELATIVE_LINKS:
        roles = (words[1],)  # "les parents de Quentin Roy" after "Thierry et Véronique Roy, parents d’un jihadiste"
    elif ctx.lang == "fr" and 4 <= len(words) <= 7 and words[0] in DEFINITE and words[2] in FRENCH_OF:
        roles = (" ".join(words[1:]),)  # "le ministre de l'Intérieur": the office with its complement
    elif 2 <= len(words) <= 4 and words[0] in DEFINITE:
        roles = (words[1],) if ctx.lang == "fr" else (words[-1],)  # "le président américain", "the U.S. president"
    else:
        return None
    head_word = roles[0].split()[0]
    if (head_word in PERSON_NOUNS and head_word not in RELATIVE_NOUNS) or (
            len(head_word) < 4 and head_word not in SHORT_ROLES):
        return None
    if head_word not in RELATIVE_NOUNS and (words[0] == "les" or (
            ctx.lang == "en" and head_word.endswith("s") and not head_word.endswith("ss"))):
        return None  # "les enquêteurs", "the investigators": many, not the one person introduced near the word
    # German compounds: "Bundeskanzlerin" holds "kanzlerin" (but a "Vizepräsident" is no "Präsident"), and the
    # role may be inflected ("den Präsidenten der Italienischen Republik Giorgio Napolitano")
    left = r"(?<!vize)" if ctx.lang == "de" else r"\b"
    inflection = "(?:en|n|s)?" if ctx.lang == "de" else ""
    if not any(w in FIRST_RANK for w in words):  # "le ministre" is not "le Premier ministre"
        left = r"(?<!premier )(?<!première )(?<!prime )" + left
    alternatives = (r"\W+".join(re.escape(w) for w in r.split()) for r in roles)
    # a relation before a name relates it to the name ("le fils du défunt leader Omar Bongo": Omar is the father)
    related = r"(?!\s+" + _RELATIVE_LINK + r"\b)" if head_word in RELATIVE_NOUNS else ""
    pattern = re.compile(left + "(?:" + "|".join(alternatives) + ")" + inflection + r"\b", re.IGNORECASE)
    pattern_before = re.compile(pattern.pattern + related, re.IGNORECASE)
    if head_word in RELATIVE_NOUNS:  # and heads its apposition ("Thomas de la Morlais, l'avocat de la mère de
        # l'adolescente" is no mother)
        pattern = re.compile(r"^\s*(?:(?:le|la|les|l['’]|un|une|the|a|an|der|die|das)\s*)?" + pattern.pattern,
                             re.IGNORECASE)
    gender = GENDERED_ARTICLES.get(words[0]) if ctx.lang != "en" else None  # "le chef de l'exécutif" is no woman
    for p in sorted((p for p in ctx.people if p.end <= pos and not ctx.conflicts(p.canonical, gender)),
                    key=lambda p: p.start, reverse=True):
        floor = max((o.end for o in ctx.people if o.end <= p.start and o.canonical != p.canonical), default=0)
        before = ctx.text[max(0, floor, p.start - ROLE_WINDOW - HONORIFIC_ROOM):p.start]  # (the role of a person
        # named before is not this one's: "die Botschaft von EWSA-Präsidentin Christa Schweng an Maroš Šefčovič")
        after = ctx.text[p.end:p.end + ROLE_WINDOW]
        before = _clause_before(before, ROLE_WINDOW) + " " + ctx.text[p.start:p.end].split()[0]  # (a title the
        # model took into the name: "The king said …" after "King Gyanendra")
        after = after.lstrip(SPACES)  # "Bruno Le Roux , l'actuel ministre de l'Intérieur" (a space before the comma)
        apposed = after.startswith(",") and not _verb_after_comma(ctx, p)  # (", a indiqué notre envoyé …" is
        # the next clause, no apposition)
        # the apposition ends with its sentence ("Pierre Mamboundou, 25%. Le fils du défunt président …")
        apposition = re.split(r"[.!?\n]", after.split(",")[1])[0] if apposed else ""
        predicate = PREDICATIVE_ROLE.match(after)  # "ont élu Vasco Alves Cordeiro comme nouveau président"
        if (pattern_before.search(before) or (apposed and pattern.search(apposition)) or
                (predicate is not None and pattern.match(after, predicate.end()))) and \
                not _other_country(ctx, words, roles, p):
            pair = ctx.coordinated_people(max(0, p.start - 40), p.end) if head_word in RELATIVE_NOUNS else None
            return (pair.canonical or pair.text) if pair is not None else p.canonical  # "Thierry et Véronique
            # Roy, parents …" (a single role is one person: "le président Bush et Mme Johnson Sirleaf")
    return None


# the link after a relation noun ("le fils du …", "the son of …"), longest first
_RELATIVE_LINK = "(?:" + "|".join(sorted(map(re.escape, RELATIVE_LINKS), key=len, reverse=True)) + ")"
PREDICATIVE_ROLE = re.compile(r"\s*(?:(?:a été|est|was|has been|wurde)\s+)?(?:élue?|nommée?|désignée?|comme|en tant "
                             r"que|elected|named|appointed|as|als|zum|zur)\s+(?:(?:le|la|l['’]|nouveau|nouvelle|nouvel|"
                             r"new|the|neuer|neue|neuen)\s*)*", re.IGNORECASE)


def _clause_before(text: str, window: int) -> str:
    """The last `window` characters of `text` once an honorific before the name is set aside ("Le président de la
    Commission européenne, M. " keeps its role), from their last sentence break."""
    return re.split(r"[.!?\n]", _HONORIFIC_END.sub("", text)[-window:])[-1]


HONORIFIC_ROOM = 6  # characters an honorific between a role and its holder's name takes ("M. ", "Mme ")
_HONORIFIC_END = re.compile(r"\b" + HONORIFIC_PATTERN + r"\.\s*$")


def _without_prenominal(words: list[str], lang: str) -> list[str]:
    """"le nouveau président" is "le président": a French adjective before the role noun that keeps who holds it
    (not "l'ancien président", another person)."""
    if lang == "fr" and len(words) >= 3 and words[1] in SAME_HOLDER_ADJECTIVES_FR:
        return [words[0], *words[2:]]
    return words


SAME_HOLDER_ADJECTIVES_FR = frozenset({"nouveau", "nouvel", "nouvelle", "actuel", "actuelle", "jeune"})


def _verb_after_comma(ctx: Context, p: Person) -> bool:
    """The comma after the mention opens a verb ("Sirleaf, a indiqué …"), not an apposition."""
    comma = ctx.text.find(",", p.end)
    first = ctx.tokens(comma + 1, comma + 30)[:1] if comma >= 0 else []
    return bool(first) and ctx.has_pos and first[0].pos_ in ("VERB", "AUX")


def _introduction(ctx: Context, p: Person) -> tuple[int, int]:
    """Where a mention's role stands: ROLE_WINDOW characters before it, and the apposition after it ("Kurmanbek
    Bakiyev, the opposition leader,")."""
    end = p.end
    after = ctx.text[p.end:p.end + APPOSITION_WINDOW + 1]
    if after.lstrip(SPACES).startswith(","):
        rest = after.lstrip(SPACES)[1:]
        at = p.end + len(after) - len(rest)
        first = ctx.tokens(at, at + len(rest))[:1]
        if not (first and ctx.has_pos and first[0].pos_ in ("VERB", "AUX")):  # "Bakiyev, says he …": no apposition
            stop = re.search(r"[,.;!?\n]", rest)  # the apposition runs to its closing comma, else ROLE_WINDOW
            end = at + (stop.start() if stop else min(len(rest), ROLE_WINDOW))
    return max(0, p.start - ROLE_WINDOW), end


def _other_country(ctx: Context, words: list[str], roles: tuple[str, ...], p: Person) -> bool:
    """"The Russian leader" is not "Kyrgyzstan's interim leader, Kurmanbek Bakiyev": the description names a
    country (or its people) and the person's introduction names another place."""
    role_words = {w for r in roles for w in r.split()}
    places = ctx.places()
    qualifiers = [q for w in words[1:] if len(w) >= 4 and w not in role_words and
                  any((q := fold(w)[:4]) in place for _, place in places)]  # "russian", "russe": a place's stem
    if not qualifiers:
        return False
    a, b = _introduction(ctx, p)
    near = [place for at, place in places if a <= at < b and ctx.sentence_of(at) == ctx.sentence_of(p.start)]
    return bool(near) and not any(q in place for place in near for q in qualifiers)


GENDERED_ARTICLES = {"la": "F", "le": "M", "der": "M"}


def _office_named_as_body(ctx: Context, spk: Speaker, history: list[_Said]) -> str | None:
    """An office the entity model took for an organisation ("Secrétaire General de Nations Unis"): the person
    who holds it, as for the description "le secrétaire général …"."""
    name = spk.canonical or spk.text
    if ctx.lang != "fr" or name not in ctx.org_names:
        return None
    words = [w.lower() for w in WORD.findall(re.sub(r"[’']", " ", "le " + spk.text))]
    if _office_of(words, ctx.lang) is None:
        return None
    return _salient_office_holder(ctx, "le " + spk.text, spk.start, history)


def _office_of(words: list[str], lang: str) -> str | None:
    """The office noun of a short definite description: "the Russian leader", "le président russe", "der
    russische Außenminister" (German compounds end with it), "le secrétaire général des Nations unies"."""
    if lang == "fr" and len(words) >= 3 and fold(" ".join(words[1:3])) in TWO_WORD_OFFICES_FR:
        return fold(" ".join(words[1:3]))  # (its complement aside: "de Nations Unis")
    if not 2 <= len(words) <= 4 or words[0] not in DEFINITE:
        return None
    noun = words[1] if lang == "fr" else words[-1]
    if lang == "de":
        return next((o for o in OFFICE_NOUNS if noun.endswith(o)), None)
    return noun if noun in OFFICE_NOUNS else None


TWO_WORD_OFFICES_FR = frozenset({"secretaire general", "secretaire generale", "premier ministre", "premiere ministre"})


_RELATION = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, RELATIVE_NOUNS), key=len, reverse=True)) +
                       r")\s+" + _RELATIVE_LINK, re.IGNORECASE)


def _salient_office_holder(ctx: Context, desc: str, pos: int, history: list[_Said]) -> str | None:
    """"Mr. Putin also said … . The Russian leader said …": a definite office description nobody in the article
    was introduced with stands for the person who spoke or was the subject last (this paragraph or the one
    before), unless that person came with another office or country, or is named in the description's sentence."""
    words = _without_prenominal(_description_words(desc), ctx.lang)
    office = _office_of(words, ctx.lang)
    if office is None:
        return None
    par = ctx.paragraph_of(pos)
    floor = ctx.breaks[par - 2] if par >= 2 and ctx.breaks else 0
    sentence = ctx.sentence_of(pos)
    near = {p.canonical for p in ctx.people if sentence[0] <= p.start < sentence[1]}
    gender = GENDERED_ARTICLES.get(words[0]) if ctx.lang != "en" else None
    latest = ctx.persons_before(pos, window=pos - floor)
    said = next((h for h in reversed(history) if h.person and h.start is not None and h.pos >= floor), None)
    if latest is None or latest.canonical in near or ctx.conflicts(latest.canonical, gender) or not (
            (said is not None and said.name == latest.canonical) or _parsed_subject(ctx, latest)):
        return None
    for p in ctx.people:
        if p.canonical != latest.canonical:
            continue
        a, b = _introduction(ctx, p)
        window = fold(ctx.text[a:p.start] + " " + _RELATION.split(ctx.text[p.end:b])[0])  # (the office in
        # "Ali Ben Bongo Ondimba, le fils du défunt leader Omar Bongo" is the father's)
        offices = {o for o in OFFICE_NOUNS if re.search(r"\b" + re.escape(fold(o)) + r"\b", window)}
        if offices - {fold(office)} or (offices and _other_country(ctx, words, (office,), p)):
            return None  # "Foreign Minister Sergei Lavrov" is not "the president"
    return latest.canonical




def _introduced_as(ctx: Context, desc: str, pos: int) -> str | None:
    """"the UN official" after "Dr. David Nabarro, UN Coordinator for avian influenza", "le PDG de la SNCF" after
    "Guillaume Pepy, président de la SNCF": a definite description of a role names the latest person introduced
    with a role and the same proper word (an organisation, a country)."""
    raw = WORD.findall(desc)
    words = [w.lower() for w in raw]
    if not 2 <= len(words) <= 6 or words[0] not in DEFINITE or not any(w in ROLE_HEADS for w in words):
        return None
    keys = [w for w in raw[1:] if w[:1].isupper() and w.lower() not in ROLE_HEADS]
    if not keys:
        return None
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in keys) + r")(?![\w-])")
    for p in sorted((p for p in ctx.people if p.end <= pos and p.canonical not in ctx.org_names),
                    key=lambda p: p.start, reverse=True):
        a, b = _introduction(ctx, p)
        before = _clause_before(ctx.text[a:p.start], p.start - a)
        window = before + " " + ctx.text[p.end:b]
        if pattern.search(window) and any(w.lower() in ROLE_HEADS for w in WORD.findall(window)):
            return p.canonical
    return None


NAMED_LATER_REACH = 600  # characters after a description where the article names its holder
# a definite or possessive description: one known person (an indefinite "un ministre" is often another one than
# "le ministre français de la Défense, Hervé Morin" named after it)
_DESCRIPTION_DETERMINERS = frozenset({"the", "le", "la", "l", "son", "sa", "der", "die", "sein", "seine", "ihr",
                                      "ihre", "his", "her", "its", "their"})


def _named_later(ctx: Context, desc: str, pos: int) -> str | None:
    """"selon son avocat. L'avocat, José Eduardo Cardozo, …": a definite description of one person nobody was
    introduced with before is the person the article names next with the same role noun and an apposition."""
    words = _description_words(desc)
    if not 2 <= len(words) <= 5 or words[0] not in _DESCRIPTION_DETERMINERS:
        return None
    head = words[-1] if ctx.lang == "en" else words[1]
    if len(head) < 4 or head in PERSON_NOUNS or (ctx.lang == "en" and head.endswith("s") and
                                                 not head.endswith("ss")):
        return None  # "a man", "some officials": nobody in particular
    role = re.compile(r"\b(?:the|le|la|l['’]|der|die)\s*(?:[\w.-]+\s+){0,3}?" + re.escape(head) +
                      r"\b(?:[^.,!?\n]|\.(?=\S)){0,60},\s*$", re.IGNORECASE)  # ("of U.S. sanctions, "; one apposition:
    # not "le sondage de l'Ifop, réalisé du 14 au 17 décembre, Priscilla Ludowski est …")
    for p in ctx.people:
        if pos < p.start <= pos + NAMED_LATER_REACH and p.canonical not in ctx.org_names and \
                role.search(ctx.text[max(pos, p.start - 90):p.start]):
            return p.canonical
    return None


def _named_next(ctx: Context, desc: str, pos: int) -> str | None:
    """"South Korea’s foreign minister says … . Yoon Young-Kwan says …", "Afghanistan’s interior minister said … .
    Abdul Satar Mirzakwal said …": a lead that gives one person's role and no name is followed, in its paragraph, by
    a sentence that opens with the name of someone the article has not named before, speaking — the holder."""
    words = _description_words(desc)
    if not 2 <= len(words) <= 8 or not _one_person(words) or \
            not any(w.split("-")[-1] in ROLE_HEADS for w in words) or any(w in PERSON_NOUNS for w in words):
        return None  # ("South Korea s foreign minister": a possessive; "a man", "officials": nobody in particular)
    _, end = ctx.sentence_of(pos)
    start, stop = ctx.sentence_of(end + 1) if end + 1 < len(ctx.text) else (end, end)
    if stop <= end or "\n" in ctx.text[end:start]:
        return None  # the next sentence of the same paragraph
    first = next((t for t in ctx.tokens(start, stop) if not t.is_space), None)
    p = ctx.person_starting(first.idx) if first is not None else None
    if p is None or p.canonical in ctx.org_names or len(p.canonical.split()) < 2 or \
            any(o.canonical == p.canonical and o.start < start for o in ctx.people):
        return None
    after = [t for t in ctx.tokens(p.end, stop) if not t.is_space][:3]
    return p.canonical if any(ctx.speech_event(t) for t in after) else None


def _parsed_subject(ctx: Context, p: Person) -> bool:
    """The mention is a clause subject by the parse (without a parse, by the German fallback of is_subject)."""
    toks = ctx.tokens(p.start, p.end)
    if ctx.has_dep and not any(t.dep_ for t in toks):
        return False  # a sentence left unparsed: no guess
    return ctx.is_subject(p)


FIRST_RANK = frozenset({"premier", "première", "prime"})
FRENCH_OF = frozenset({"de", "du", "des", "d"})
ROLE_ADJUNCT_STARTS = frozenset({"en", "à", "au", "aux", "dans", "pour", "sur", "lors", "chez", "in", "at", "on",
                                 "during", "im", "bei", "auf"})
ENTOURAGE = re.compile(r"^(?:le|la|l[’']|les|the)\s*(cabinet|entourage|avocats?|avocate|porte-parole|conseillers?|"
                       r"conseillère|office|lawyers?|spokes(?:man|woman|person))\s+(?:du|de la|de l[’']|des|of the|"
                       r"for the)\s*(.+)$", re.IGNORECASE)


def _entourage_of(ctx: Context, desc: str, pos: int) -> str | None:
    """"le cabinet du ministre" after "Bruno Le Roux, l'actuel ministre de l'Intérieur": the minister's office,
    named by its holder ("cabinet de Bruno Le Roux")."""
    m = ENTOURAGE.match(desc.strip())
    if m is None:
        return None
    holder = _role_holder(ctx, ("the " if ctx.lang == "en" else "le ") + m.group(2), pos)
    if holder is None:
        return None
    return f"{m.group(1)} {'of' if ctx.lang == 'en' else 'de'} {holder}"


def _whole_sentence(ctx: Context, c: Candidate) -> bool:
    """The quote opens its sentence (after a full stop or a paragraph break)."""
    if c.span is None:
        return False
    before = ctx.text[:c.span.open_at].rstrip(SPACES)
    return not before or before[-1] in ".!?…\n"


ANAPHORIC_DESC = re.compile(r"^(?:the|der|die|le|la)\s+\d+[- ](?:year-old|jährige|jährigen)\b", re.IGNORECASE)


def _tidy(name: str | None) -> str | None:
    """A speaker as a name: no paragraph break before it, no trailing acronym in brackets ("… Association (UCEA)")."""
    if not name:
        return name
    name = name.split("\n")[-1].strip()
    name = re.sub(r"\s*\([^()]{1,60}\)$", "", name).strip()
    footnote = FOOTNOTE_CALL.search(name)
    name = name[:footnote.start()].strip() if footnote and footnote.end() == len(name) else name  # "l'agence AP[3]"
    return name or None


def _genitive(ctx: Context, spk: Speaker, name: str) -> str:
    """German possessive names: "Rudolf Augsteins Motto" is Augstein's motto."""
    if ctx.lang != "de" or not name.endswith("s") or len(name) < 4:
        return name
    nxt = ctx.text[spk.end:spk.end + 3]
    if len(nxt) >= 2 and nxt[0] == " " and nxt[1].isupper():
        base = name[:-1]
        return ctx.canonical_name(base) if base.split()[-1:] and len(base.split()[-1]) >= 3 else name
    return name


CHANNEL = re.compile(
    r"^(?P<owner>.+?)['’]s?\s+(?:official\s+)?(?:(?:Facebook|Twitter|Instagram|Telegram|YouTube|TikTok)\s+"
    r"(?:page|account|feed|post|channel)|website|blog)$"
    r"|^(?:la|le|sa|son)\s+(?:page|compte|fil|chaîne|site)\s+(?:(?:Facebook|Twitter|Instagram|Telegram|YouTube|"
    r"TikTok|officiel|internet)\s+)?(?:de\s+(?:la\s+|l['’]\s*)?|du\s+|des\s+|d['’]\s*)(?P<owner_fr>.+)$",
    re.IGNORECASE)


def _channel_owner(ctx: Context, desc: str) -> str | None:
    """"The assailant’s Facebook page", "le compte Twitter du ministère", "sa page Facebook" (not resolved here):
    a channel speaks for its owner — the person's canonical name when the owner is a person named in the article."""
    m = CHANNEL.match(desc.strip())
    owner = (m.group("owner") or m.group("owner_fr")) if m else None
    if not owner or owner.lower() in ("his", "her", "its", "their"):
        return None
    person = next((p for p in ctx.people if fold(ctx.text[p.start:p.end]) == fold(owner)), None)
    return person.canonical if person is not None else owner


def _organisation_subject(ctx: Context, pos: int) -> str | None:
    """French and German "il"/"elle"/"er"/"sie" with no person of its gender before it: the organisation that is
    the latest clause subject of its paragraph ("Business France a quant à elle reconnu … . Elle précise …")."""
    floor = ctx.breaks[ctx.paragraph_of(pos) - 1] if ctx.paragraph_of(pos) >= 1 and ctx.breaks else 0
    subjects = [o for o in ctx.orgs if floor <= o.start and o.end <= pos and o.canonical in ctx.org_names and
                ctx.is_subject(o)]
    return subjects[-1].canonical if subjects else None


def _organisation_antecedent(ctx: Context, pos: int, history: list[_Said]) -> str | None:
    """"CPJ referred to … It also said …": "it" speaks for the organisation that spoke last, in this paragraph or
    the one before."""
    par = ctx.paragraph_of(pos)
    latest = next((h for h in reversed(history) if h.pos < pos), None)
    if latest is None or latest.person or par - latest.paragraph > 1:
        return None
    return latest.name


def _antecedent(ctx: Context, pos: int, history: list[_Said], personal: bool, recent_only: bool = False,
                gender: str | None = None) -> str | None:
    """The latest speaker or person subject of the last paragraphs; else the latest person mention or speaker.

    Subjects first ("Alexander Stodden has taken over … he agrees" — not the grape named in between); a personal
    pronoun ("he", "elle", "er") never refers to an organisation, nor to a person of the other ``gender``.
    """
    said = [h for h in history if h.pos < pos and (h.person or not personal) and
            not ctx.conflicts(h.name, gender, h.start, h.end)]
    par = ctx.paragraph_of(pos)
    floor = ctx.breaks[par - 3] if par >= 3 and ctx.breaks else 0
    subj = ctx.subject_before(pos, floor, gender, past_reports=True)
    recent = [h for h in said if h.pos >= floor]
    if subj is not None or recent:
        best_pos, best = (subj.start, subj.canonical) if subj is not None else (-1, None)
        for h in recent:
            if h.pos > best_pos:
                best_pos, best = h.pos, h.name
        return best
    if recent_only:
        return None
    best_pos, best = -1, None
    p = ctx.persons_before(pos, gender=gender)
    if p is not None:
        best_pos, best = p.start, p.canonical
    for h in said:
        if best_pos < h.pos < pos:
            best_pos, best = h.pos, h.name
    return best
