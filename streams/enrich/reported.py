"""Unmarked reported speech (fr, en, de): "selon X" / "according to X" / "laut X", complement clauses after
reporting verbs ("a déclaré que", "said that", "sagte, … Konjunktiv"), incises, infinitive reports and German
reported mood; each report a candidate with its cue and its speaker as written (speakers.py resolves them)."""

from __future__ import annotations

import difflib
import re

from spacy.tokens import Token

from .attribution import (
    CLITIC,
    FAIRE_FORMS,
    FINITE_AUXILIARIES_DE,
    INSTITUTION_HEADS,
    LEADING_ADVERBIAL,
    PERSON_NOUNS,
    PLURAL_AUXILIARIES_DE,
    PREPOSITIONS_DE,
    REFLEXIVES,
    RELATIVE_NOUNS,
    ROLE_HEADS,
    STRESSED_PRONOUNS,
    SUBORDINATORS_DE,
    TRAILING_ADVERBS,
    Context,
    Speaker,
    fold,
    group_of,
    noun_phrase_end_de,
    plural_finite_de,
    pronoun_speaker,
)
from .candidates import (
    AGENT_WORDS,
    FIRST_PERSON,
    FIRST_PERSON_WORD,
    NOMINAL_DETERMINERS,
    SUBORDINATORS,
    Candidate,
    judging_adjectives,
    words_of,
)
from .quote_marks import DOUBLE, SINGLE, SPACES, find_quote_spans


def according_length(ctx: Context, toks: list[Token], k: int) -> int:
    """Length of an "according to" cue starting at toks[k], else 0."""
    if ctx.lang == "fr" and toks[k].lower_ == "pour" and _opinion_holder(ctx, toks, k):
        return 1
    if ctx.lang == "de" and toks[k].lower_ == "nach":
        j = k + 1
        if j + 1 < len(toks) and toks[j].text.isalpha() and toks[j].text.islower() and \
                toks[j + 1].lower_ in NACH_NOUNS:
            j += 1  # "nach einvernehmlicher Auffassung der verschiedenen Fachgruppen"
        if j + 1 < len(toks) and toks[j].lower_ in NACH_NOUNS and \
                toks[j + 1].lower_ in ("von", "der", "des", "eines", "einer", "dem", "den"):
            # "Nach Auskunft eines Polizeisprechers"; the article stays with an adjective ("der verschiedenen …")
            past_link = toks[j + 1].lower_ in ("von", "der", "des") and not (
                j + 2 < len(toks) and toks[j + 1].lower_ != "von" and toks[j + 2].text.islower())
            return j - k + (2 if past_link else 1)
    return ctx.according_cue(toks, k)


DEFINITE_FR = frozenset({"le", "la", "les", "l’", "l'"})
CLOSING_MARKS = "»”\"'’"


# "nach <Noun> von/der/des X": the nouns of a source in German agency style
NACH_NOUNS = frozenset({"angaben", "auskunft", "aussage", "aussagen", "darstellung", "einschätzung", "informationen",
                        "ansicht", "auffassung", "worten", "meinung", "schätzung", "schätzungen", "erkenntnissen"})


def _opinion_holder(ctx: Context, toks: list[Token], k: int) -> bool:
    """"Pour L'Opinion, il s'agit d'une « … »": a sentence-initial "Pour" + a name + a comma gives a view (not
    "Pour la première fois, …", not "pour X" inside a clause)."""
    a, _ = ctx.sentence_of(toks[k].idx)
    lead = ctx.text[a:toks[k].idx].strip().lstrip(CLOSING_MARKS + SPACES)  # (not the mark closing the sentence
    # before: "… dans de bonnes conditions. » Pour le président gabonais élu, …")
    if lead and not (lead.endswith(",") and len(lead.split()) <= 3) and lead.lower() not in ("mais", "et", "or"):
        return False  # (but "Cela dit, pour le vice-procureur, …")
    comma = next((j for j in range(k + 1, min(len(toks), k + 13)) if toks[j].text == ","), None)
    if comma is None and 1 < len(toks) - k <= 6:  # "Pour Corinne Lepage « … »": the name, then the quote
        last = toks[-1]
        after = ctx.text[last.idx + len(last.text):last.idx + len(last.text) + 3].lstrip(SPACES)
        return after[:1] in DOUBLE and ctx.person_in(toks[k + 1].idx, last.idx + len(last.text)) is not None
    if comma is None or comma == k + 1:
        return False
    span_a, span_b = toks[k + 1].idx, toks[comma - 1].idx + len(toks[comma - 1].text)
    person = ctx.person_in(span_a, span_b)
    if person is not None and (comma <= k + 7 or (person.end == span_b and toks[k + 1].lower_ in DEFINITE_FR)):
        return True  # "Pour le ministre de l'Économie et des Finances Michel Sapin, cependant, …": a long title
    apposed = ctx.person_starting(toks[comma + 1].idx) if comma + 1 < len(toks) else None
    if apposed is not None and ctx.text[apposed.end:apposed.end + 3].strip(SPACES)[:1] == ",":
        return True  # "Pour le président du Centre d'analyse du terrorisme , Jean-Charles Brisard , « … »"
    if comma > k + 7:
        return False
    if comma == k + 2 and toks[k + 1].lower_ in STRESSED_PRONOUNS:
        return True  # "Pour lui, le régime … est dans une fuite en avant", "Pour eux, …"
    words = [t for t in toks[k + 1:comma] if not t.is_punct]  # a newspaper the model calls MISC: "L'Opinion"
    if len(words) >= 2 and words[0].lower_ in DEFINITE_FR and (
            ctx.is_source_noun(words[1]) or words[1].lower_ in ROLE_HEADS | INSTITUTION_HEADS):
        return True  # "pour le vice-procureur, cette somme pourrait …", "Pour le président gabonais élu, …"
    return 0 < len(words) <= 4 and all(t.text[:1].isupper() and t.ent_type_ not in ("DATE", "TIME", "EVENT")
                                       for t in words)  # "Pour L'Orient-Le Jour, …"


# --- reports --------------------------------------------------------------------------------------------
def indirect_quotes(ctx: Context, covered: list[tuple[int, int]], marked: list[tuple[int, int]]) -> list[Candidate]:
    """Reported speech, sentence by sentence: a report after the sentence's quotes, then the sentence's own."""
    out: list[Candidate] = []
    for a, b in ctx.sentences:
        inside = [x for x, y in covered if x < b and a < y]
        tail_from = max((y for x, y in covered if x < b and a < y), default=b) + 1
        if inside and b - tail_from > 20:  # "In what an officer described as “…”, police reported recovering …"
            second = _second_complement(ctx, ctx.tokens(tail_from, b))
            if second is not None:  # "estime que « … » et que la force … devrait avoir « … »": the same report
                out.append(second)
                continue
            tail = _report_after_quotes(ctx, a, tail_from, b, marked)
            if tail is not None:
                out.extend(_with_coordinated_report(ctx, tail))  # ("Concernant « … », il a souligné que …, et a
                # rappelé à l'assemblée que …": two reports after the quoted term)
        out.extend(_sentence_reports(ctx, a, b, inside, marked))
    return [_with_closing_term(ctx, c, covered, marked) for c in out]


COLON_QUOTE_SENTENCES = 4  # sentences a quote that lost its marks runs on after the colon, at most
COLON_VERB_REACH = 4  # tokens between the verb of saying and the colon ("gab zu bedenken:")
_COLON_THEN_WORD = re.compile(r":[ \t]+(?=[^\W\d_])")
_COLON_THEN_PARAGRAPH = re.compile(r":[ \t\u00a0]*\n+[ \t\u00a0]*(?=[^\s«»“”„\"'‹›])")
_LANGUAGE_TAG = re.compile(r"\s*[(\[][a-z]{2}[)\]]\s*$")  # the language of the source, before a colon
# "@acarvin: …", "@sarrahsworld [6]: …" (a print view's link number): the account that posted the words
_POST_HANDLE = re.compile(r"^@(\w+)(?:\s*\[\d+\])?:\s*(?:\[\d+\]\s*)?")
_POST_PARAGRAPH = re.compile(r"^[ \t\u00a0]*@(\w{1,30})(?:\s*\[\d+\])?:[ \t\u00a0]+(?:\[\d+\][ \t\u00a0]*)?(?=\S)",
                             re.MULTILINE)
_POST_TAIL = re.compile(r"(?:\s+(?:#\w+|https?://\S+))+\s*$")  # "… aufhalten. #syria #homs": tags and links


def unmarked_after_colon(ctx: Context, marked: list[tuple[int, int]], cands: list[Candidate]) -> list[Candidate]:
    """'Pierre Jean Coulon … gab zu bedenken: All diese Veränderungen lassen sich nicht … bewerkstelligen. Wir
    brauchen den politischen Willen …': scraped text that lost the marks of a quote a verb of saying introduces
    with a colon. The sentence after the colon and the next ones of the paragraph that speak in the first person
    (no verb of saying of their own) are the speaker's words — only when they speak in the first person."""
    out: list[Candidate] = []
    for m in _COLON_THEN_WORD.finditer(ctx.text):
        colon = m.start()
        if any(x <= colon < y for x, y in marked) or any(c.start <= m.end() < c.end for c in cands):
            continue
        a, b = ctx.sentence_of(colon)
        introduced = _colon_introducer(ctx, [t for t in ctx.tokens(a, colon) if not t.is_space])
        if introduced is None:
            continue
        verb, spk = introduced
        end, par = b, ctx.paragraph_of(colon)
        for _ in range(COLON_QUOTE_SENTENCES - 1):
            na, nb = ctx.sentence_of(end + 1) if end + 1 < len(ctx.text) else (end, end)
            nxt = [t for t in ctx.tokens(na, nb) if not t.is_space]
            if nb <= end or ctx.paragraph_of(na) != par or not FIRST_PERSON_WORD.search(ctx.text[na:nb]) or \
                    any(ctx.speech_event(t) for t in nxt) or any(na <= x < nb for x, _ in marked):
                break
            end = nb
        if not FIRST_PERSON_WORD.search(ctx.text[m.end():end]):
            continue  # "un nouveau report a été annoncé : …", "craignaient : …": no voice of its own
        sp = _span_of([t for t in ctx.tokens(m.end(), end) if not t.is_space], ctx)
        if sp is not None and len(words_of(ctx.text[sp[0]:sp[1]])) >= 4:
            out.append(Candidate(sp[0], sp[1], "direct", ctx.cue_of(verb), spk))
    blocks = _block_after_colon(ctx, marked, cands)
    return out + blocks + _handle_posts(ctx, marked, cands + blocks)


def _colon_introducer(ctx: Context, before: list[Token]) -> tuple[Token, Speaker] | None:
    """The verb of saying among the last words before a colon (nothing but words after it) and its subject."""
    verb = next((t for t in reversed(before[-COLON_VERB_REACH:]) if ctx.speech_event(t)), None)
    if verb is None or any(t.is_punct for t in before if t.i > verb.i):
        return None
    spk = _subject(ctx, [t for t in before if t.i <= verb.i], verb)
    return (verb, spk) if spk is not None else None


def _source_before_colon(ctx: Context, before: list[Token]) -> tuple[Token, Speaker] | None:
    """"Selon le Los Angeles Times :" closing a paragraph: the source's words follow."""
    for k in range(max(0, len(before) - COLON_SOURCE_REACH), len(before)):
        n = ctx.according_cue(before, k)
        if n and (k == 0 or before[k - 1].is_punct):
            spk = ctx.speaker_after(before[k + n:])
            return (before[k], spk) if spk is not None else None
    return None


COLON_SOURCE_REACH = 8  # tokens of "selon X :" before the colon
# "… pose la même question dans ce tweet :", "… écrit sur son blog :": the medium a post comes from
_POST_MEDIUM = re.compile(r"\b(?:dans|sur|in|on|auf)\s+(?:ce|cet|cette|son|sa|un|une|this|his|her|a|einem|seinem|"
                          r"ihrem|diesem)\s+(?:tweet|billet|blog|message|post|statut|compte\s+twitter|tweeter|"
                          r"twitter|facebook|eintrag|beitrag)\s*$", re.IGNORECASE)


def _post_before_colon(ctx: Context, before: list[Token], a: int, colon: int) -> tuple[Token, Speaker] | None:
    """"En Egypte, Wael Nofal pose la même question dans ce tweet :": a clause naming the post it introduces, its
    subject (a person of the article) is the poster."""
    if not before or _POST_MEDIUM.search(ctx.text[a:colon]) is None:
        return None
    person = ctx.subject_before(colon, a)
    return (before[-1], ctx.speaker_of(person)) if person is not None else None


def _block_after_colon(ctx: Context, marked: list[tuple[int, int]], cands: list[Candidate]) -> list[Candidate]:
    """'Andy Carvin … twitterte:⏎⏎@acarvin: Ich muss mich für eine Weile ausklinken … #homs': a paragraph that ends
    with a verb of saying, its subject and a colon introduces the next paragraph, a block quote or a post that
    lost its marks (the account's handle, tags and links left out)."""
    out: list[Candidate] = []
    for m in _COLON_THEN_PARAGRAPH.finditer(ctx.text):
        colon = m.start()
        if any(x <= colon < y or x <= m.end() < y for x, y in marked) or \
                any(c.start <= m.end() < c.end for c in cands):
            continue
        a, _ = ctx.sentence_of(colon)
        tag = _LANGUAGE_TAG.search(ctx.text, a, colon)  # "sagt (fa):", "sagen [en]:" — however the tokenizer cut it
        before = [t for t in ctx.tokens(a, tag.start() if tag else colon) if not t.is_space]
        introduced = _colon_introducer(ctx, before)
        if introduced is None or ctx.according_cue(before, 0):  # "Laut Petition heißt es:": the source speaks
            introduced = _source_before_colon(ctx, before) or introduced or _post_before_colon(ctx, before, a, colon)
        if introduced is None:
            continue
        verb, spk = introduced
        start = m.end()
        end = ctx.text.find("\n", start)
        end = len(ctx.text) if end < 0 else end
        words = ctx.text[start:end]
        handle = _POST_HANDLE.match(words)
        start += handle.end() if handle else 0
        owner = _handle_owner(ctx, handle.group(1)) if handle else None
        spk = owner or spk  # "One of Bahrain's most active Twitter users Mohammed Ashour (@MohmdAshoor) tweeted …"
        tail = _POST_TAIL.search(ctx.text[start:end])
        end = start + tail.start() if tail else end
        body = ctx.text[start:end].rstrip(SPACES)
        if body.endswith("."):
            body = body[:-1]  # the block's closing full stop, left out as for a quote in marks
        if len(words_of(body)) >= 4 and not any(x <= start < y for x, y in marked):
            out.append(Candidate(start, start + len(body), "direct", ctx.cue_of(verb), spk))  # (words in marks
            # inside the block are its own: 'Auf meinem Blog steht ebenfalls “Befreit Hossein Derakhshan”')
    return out


def _handle_posts(ctx: Context, marked: list[tuple[int, int]], cands: list[Candidate]) -> list[Candidate]:
    """'@marcowenjones: None of Bahrain's English language newspapers have mentioned the death …': a paragraph that
    opens with an account's handle and a colon is that account's post, quoted without marks (the roundups of posts
    social-media reporting writes). Its speaker is whom the article names with that handle ("Marc Owen Jones
    (@marcowenjones)" or a name the handle spells), else the subject of the colon introduction before it, else the
    account itself."""
    out: list[Candidate] = []
    for m in _POST_PARAGRAPH.finditer(ctx.text):
        start = m.end()
        if any(c.start <= start < c.end for c in cands) or any(x <= start < y for x, y in marked):
            continue
        end = ctx.text.find("\n", start)
        end = len(ctx.text) if end < 0 else end
        tail = _POST_TAIL.search(ctx.text[start:end])
        body = ctx.text[start:start + tail.start() if tail else end].rstrip(SPACES)
        if body.endswith("."):
            body = body[:-1]
        if len(words_of(body)) < 4 or any(start <= x < start + len(body) for x, _ in marked):
            continue  # (a post that quotes someone in marks: those words are the quote)
        at = m.start(1) - 1
        spk = _handle_owner(ctx, m.group(1)) or _post_introducer(ctx, m.start(), m.group(1)) or \
            Speaker("name", "@" + m.group(1), at, m.end(1))
        out.append(Candidate(start, start + len(body), "direct", "post", spk))
    return out


def _handle_owner(ctx: Context, handle: str) -> Speaker | None:
    """The person or organisation the article names right before "(@handle)" — "Marc Owen Jones (@marcowenjones)"
    — else the person of the article whose name the handle spells ("@RamyRaoof", "@acarvin" for Andy Carvin)."""
    for m in re.finditer(r"\(\s*@" + re.escape(handle) + r"\s*\)", ctx.text, re.IGNORECASE):
        owner = next((p for p in ctx.people + ctx.orgs if p.end <= m.start() and
                      not ctx.text[p.end:m.start()].strip(SPACES)), None)
        if owner is not None:
            return ctx.speaker_of(owner)
    key = re.sub(r"[\W\d_]+", "", fold(handle))
    spelt = next((p for p in ctx.people if len(key) >= HANDLE_MIN_LETTERS and _spells(key, p.canonical)), None)
    return ctx.speaker_of(spelt) if spelt is not None else None


def _post_introducer(ctx: Context, start: int, handle: str) -> Speaker | None:
    """"In contrast, the Bahrain News Agency, which fabricated …, stated a different cause of death …:": the subject of
    the first verb of saying (that has one) in the sentence that introduces a post, or the run of posts of one
    account, with a colon."""
    end = start
    while True:
        before = ctx.text[:end].rstrip(SPACES + "\n")
        para = before.rfind("\n") + 1
        if not re.match(r"@" + re.escape(handle) + r"\b", before[para:]):
            break
        end = para  # an earlier post of the same account: its introduction introduces both
    if not before.endswith(":"):
        return None
    colon = len(before) - 1
    a, _ = ctx.sentence_of(colon)
    toks = [t for t in ctx.tokens(max(a, para), colon) if not t.is_space]
    return next((spk for t in toks if ctx.speech_event(t) and (spk := _subject(ctx, toks, t)) is not None), None)


HANDLE_MIN_LETTERS = 6  # shorter handles ("@ap", "@bbc_ar") spell too many names by chance
HANDLE_NAME_SIMILARITY = 0.9  # "@abdlazizkhoja" for Abdelaziz Khoja


def _spells(key: str, name: str) -> bool:
    """Whether a handle's letters are a full name run together, its initial and surname, or a slip away from it."""
    words = [re.sub(r"[\W\d_]+", "", w) for w in fold(name).split()]
    words = [w for w in words if w]
    if len(words) < 2:
        return False
    forms = {"".join(words), words[0][0] + "".join(words[1:]), "".join(words[1:]) + words[0]}
    return key in forms or any(difflib.SequenceMatcher(None, key, f).ratio() >= HANDLE_NAME_SIMILARITY for f in forms)


def _with_closing_term(ctx: Context, cand: Candidate, covered: list[tuple[int, int]],
                       marked: list[tuple[int, int]]) -> Candidate:
    """"Elle juge que les autres candidats … sont des « hypocrites » .": a term in marks (no quote of its own)
    that closes the reported clause belongs to it."""
    cand.end = _closing_term_end(ctx, cand, covered, marked)
    return cand


def _closing_term_end(ctx: Context, cand: Candidate, covered: list[tuple[int, int]],
                      marked: list[tuple[int, int]]) -> int:
    """The end of the report with its closing term in marks, if it has one."""
    for x, y in marked:
        if (x, y) in covered or not 0 <= x - cand.end <= 3 or ctx.text[cand.end:x].strip(SPACES):
            continue
        inner = [t for t in ctx.tokens(x + 1, y) if not t.is_punct]
        after = ctx.text[y + 1:y + 4].strip(SPACES)[:1]
        incise = after == "," and _incise_after(ctx, y + 1)  # "… pour « tentative d’assassinat … » , a annoncé X"
        if (after in (".", "!", "?", ";", "") or incise) and not (
                ctx.has_pos and judging_adjectives(inner)):  # (quoted judging adjectives are quotes of their own)
            return y + 1
        break
    return cand.end


def _incise_after(ctx: Context, pos: int) -> bool:
    """The comma after `pos` opens an incise: its first word (past auxiliaries) is a reporting verb."""
    comma = ctx.text.find(",", pos, pos + 4)
    toks = [t for t in ctx.tokens(comma + 1, comma + 40) if not t.is_space] if comma >= 0 else []
    while toks and toks[0].lower_ in ctx.lex.auxiliaries:
        toks = toks[1:]
    return bool(toks) and ctx.is_reporting(toks[0])


def _report_after_quotes(ctx: Context, a: int, tail_from: int, b: int,
                         marked: list[tuple[int, int]]) -> Candidate | None:
    """A report in the words after a sentence's last quote (which starts at ``a``), its own marks left out."""
    tail = [t for t in ctx.tokens(tail_from, b) if not any(x <= t.idx < y for x, y in marked
                                                          if x < b and tail_from < y)]
    if len(tail) < 4:
        return None
    # the quote closed its own sentence ("« la grève est très suivie. » Plusieurs comités …, a-t-il indiqué."):
    # the words after it are a sentence of their own, with its incise
    fresh = tail[0].text[:1].isupper() and ctx.text[a:tail_from].rstrip(SPACES + "\n" + DOUBLE).endswith(
        (".", "!", "?"))
    rules = (_ind_complement, _ind_ccomp, _ind_gerund, _ind_trailing_konjunktiv, *((_ind_incise,) if fresh else ()),
             _ind_accusation)  # ("…, a souligné le président Bush, en exhortant les parlementaires à faire …")
    for rule in rules:
        cand = rule(ctx, tail)
        if cand is not None and (cand.speaker is not None or cand.inherit) and \
                len(words_of(ctx.text[cand.start:cand.end])) >= 3:
            return cand
    return _participle_report(ctx, a, tail, marked)


def _participle_report(ctx: Context, a: int, tail: list[Token],
                       marked: list[tuple[int, int]]) -> Candidate | None:
    """"CPJ referred to the nation as “completely closed”, saying only state media are allowed", "s'est excusé
    « … » dans un communiqué en expliquant que …": a reporting participle or gerund after the quote reports for the
    subject of the sentence's verb."""
    if ctx.lang not in ("en", "fr") or not ctx.has_dep:
        return None
    ids = {t.i for t in tail}
    for n, v in enumerate(tail[1:], start=1):
        english = ctx.lang == "en" and v.tag_ == "VBG" and v.dep_ == "advcl" and tail[n - 1].text == ","
        french = ctx.lang == "fr" and tail[n - 1].lower_ == "en" and "Part" in v.morph.get("VerbForm") and \
            "Pres" in v.morph.get("Tense")  # "… dans un communiqué en expliquant toutefois que …"
        if (english or french) and ctx.is_reporting(v):
            clause = next((c for c in v.children if c.dep_ == "ccomp" and c.i > v.i), None)
            que = next((k for k in range(n + 1, min(len(tail), n + 4)) if tail[k].lower_ in ctx.lex.complementizers),
                       None)
            if clause is None and que is None:
                return None
            before = [t for t in ctx.tokens(a, tail[n - 1].idx if french else v.idx)
                      if not any(x <= t.idx <= y for x, y in marked)]  # not a subject inside the quote
            spk = ctx.speaker_before(before, v)
            body = [t for t in clause.subtree if t.i in ids] if clause is not None else tail[que + 1:]
            while body and body[0].lower_ in ctx.lex.complementizers:
                body = body[1:]  # "en expliquant que les employés …": the clause after "que"
            cand = _cand(ctx, body, spk, ctx.cue_of(v)) if spk is not None else None
            return cand if cand is not None and len(words_of(ctx.text[cand.start:cand.end])) >= 3 else None
    return None


def _sentence_reports(ctx: Context, a: int, b: int, inside: list[int],
                      marked: list[tuple[int, int]]) -> list[Candidate]:
    """The reports of one sentence, read with its quotes cut out; ``inside`` are the starts of its quotes."""
    out: list[Candidate] = []
    local = [(x, y) for x, y in marked if x < b and a < y]  # the marks of this sentence only
    whole = ctx.tokens(a, b)
    if inside:  # reported clause introducing a quote: "X précisent qu'il s'agit d'un progrès : « … »"
        verb = next((t.idx for t in ctx.tokens(a, b) if not any(x <= t.idx < y for x, y in local)
                     and ctx.speech_event(t)), None)
        later = [x for x in inside if verb is not None and x > verb]  # not a quote before the verb
        if verb is not None or not _according_clause_around(ctx, a, min(inside)):
            b = min(later or inside)  # (not "Selon l'armée, désormais, un « conseil de paix » serait au pouvoir")
    toks = [t for t in ctx.tokens(a, b) if not any(x <= t.idx < y for x, y in local)]
    if len(toks) < 4:
        return out
    kept = [(x, y) for x, y in local if x in inside]  # the sentence's quotations (the other marks are terms)
    first_clause = next((k for k, t in enumerate(toks) if t.text == ","), len(toks))
    colon_intro = (_ind_incise,) if toks[-1].text == ":" and first_clause >= 4 else ()  # not "Auf die Frage, …"
    # ("Die EU und Österreich befinden sich … in einer günstigen Konstellation, sagte Selmayr in Wien: „…“")
    rules = (_ind_complement, _ind_ccomp, _ind_according, *colon_intro) if inside else (  # introducing a quote, or:
        _ind_as_reported, _ind_according, _ind_nach_worten, _ind_complement, _ind_ccomp,
        _ind_gerund, _ind_konjunktiv, _ind_infinitive, _ind_infinitive_fr, _ind_infinitive_en, _ind_accusation,
        _ind_incise, _ind_anaphoric, _ind_dass_konjunktiv, _ind_colon_conditional, _ind_noun_object_fr)
    for rule in rules:
        cand = rule(ctx, toks)
        if cand is None:
            continue
        if inside and _introduces_quote(ctx, cand):
            cand = _before_causal_link(ctx, cand)  # "a insisté sur le fait que X, étant donné que « … »"
        if cand.speaker is not None and cand.speaker.text.lower() not in FIRST_PERSON \
                and len(words_of(ctx.text[cand.start:_closing_term_end(ctx, cand, kept, local)])) >= 3 \
                and not (inside and _verbless(ctx, cand)) \
                and not (inside and _introduces_quote(ctx, cand)):
            out.extend(last for part in _with_gerund_report(ctx, cand)
                       for piece in _with_coordinated_report(ctx, part)
                       for last in _with_contrasting_report(ctx, toks, piece))
            more = _gerund_continuation(ctx, toks, cand) if rule in (_ind_incise, _ind_ccomp) else \
                _ind_accusation(ctx, toks) if rule is not _ind_accusation and not inside else None
            if more is None and not inside and rule is _ind_according:
                more = _ind_complement(ctx, [t for t in toks if t.idx >= cand.end])  # "…, selon X, qui ajoute que …"
            if more is None and not inside:
                more = _second_subject_report(ctx, toks, cand)
            if more is None and not inside and rule is not _ind_infinitive_fr:
                more = _earlier_infinitive_report(ctx, toks, cand)
            if more is None and not inside:
                more = _leading_gerund_report(ctx, toks, cand)
            if more is not None and more.start < cand.start < more.end:
                more = _cut_before(ctx, more, cand.start)  # "Il a exhorté les manifestants à ne pas les oublier,
                # ajoutant que …": the request ends where the gerund's report begins
            if more is not None and (more.end <= cand.start or more.start >= cand.end):
                out.append(more)  # "X has accused Y of …, and has also sworn that …": both reports
        break
    else:
        if not inside or toks[-1].text == ":":  # "Es gebe keinen Anlass, …: „…“" introduces its quote reported
            cand = _ind_reported_mood(ctx, toks)
            if cand is not None and len(words_of(ctx.text[cand.start:cand.end])) >= 3:
                out.append(cand)
    if not out and len(whole) > len(toks):
        # the marks cut out of the tokens hold the accusation: "Moscou a accusé les États-Unis de vouloir
        # « défendre l’État islamique »"
        outside = [t for t in whole if not any(x <= t.idx < y for x, y in local)]
        cand = _ind_accusation(ctx, whole, verbs_among=outside)  # (its verb outside them: not "« tract appelant …»")
        if cand is not None and len(words_of(ctx.text[cand.start:cand.end])) >= 3:
            out.append(cand)
    return out


def _cut_before(ctx: Context, cand: Candidate, at: int) -> Candidate | None:
    """The report up to the last comma before ``at`` (None when no comma leaves three words of it)."""
    comma = ctx.text.rfind(",", cand.start, at)
    if comma < 0 or len(words_of(ctx.text[cand.start:comma])) < 3:
        return None
    return Candidate(cand.start, comma, cand.kind, cand.cue, cand.speaker)


GERUND_MARKERS = frozenset({"en", "tout"})
AND_WORDS = frozenset({"et", "and", "und", "mais", "but", "aber"})


def _second_complement(ctx: Context, tail: list[Token]) -> Candidate | None:
    """A second complement clause after a quoted first one ("X estime que « … » et que …", "said that “…” and that
    …"): the quote's speaker says it too (taken from the quote before it)."""
    words = [t for t in tail if not t.is_space and t.text not in (",",)]
    if len(words) < 5 or words[0].lower_ not in AND_WORDS or words[1].lower_ not in ctx.lex.complementizers:
        return None
    sp = _span_of(words[2:], ctx)
    return Candidate(sp[0], sp[1], "indirect", None, None, inherit=True) if sp is not None else None


def _according_clause_around(ctx: Context, a: int, quote_at: int) -> bool:
    """The sentence opens with "Selon X," and its own words go on before the first quote ("Selon l'armée,
    désormais, un « conseil de paix » serait au pouvoir"), unlike "Selon Jean Ping, « … »"."""
    lead = [t for t in ctx.tokens(a, quote_at) if not t.is_space]
    n = according_length(ctx, lead, 0) if lead else 0
    if not n:
        return False
    comma = next((j for j in range(n, len(lead)) if lead[j].text == ","), None)
    return comma is not None and len([t for t in lead[comma + 1:] if not t.is_punct]) >= 2


def _with_gerund_report(ctx: Context, cand: Candidate) -> list[Candidate]:
    """"…, considérant que X, tout en expliquant être Y" / "said X, adding that Y": a reporting gerund after the
    reported clause starts a second report by the same speaker."""
    if not ctx.has_pos:
        return [cand]
    toks = [t for t in ctx.tokens(cand.start, cand.end) if not t.is_space]
    for k in range(2, len(toks) - 3):
        comma = k - 1
        while comma > k - 3 and toks[comma].lower_ in GERUND_MARKERS:
            comma -= 1
        if toks[comma].text != ",":
            continue
        v = toks[k]
        gerund = v.tag_ == "VBG" if ctx.lang == "en" else "Pres" in v.morph.get("Tense") and \
            "Part" in v.morph.get("VerbForm")
        if not (gerund and ctx.is_reporting(v)):
            continue
        start = _report_start(ctx, toks, k + 1)
        if start is None:
            continue  # "en expliquant être …" or "… que …"; not "en disant cela"
        head = toks[:comma]
        incise = next((n for n in range(len(head) - 1, 1, -1) if ctx.speech_event(head[n]) and
                       _incise_verb(ctx, head, n)), None)
        if incise is not None:  # "X, a souligné M. Nguesso, ajoutant qu’…": the incise is no part of the first
            head = head[:max(n for n in range(incise) if head[n].text in (",", "–", "—"))]
        return _split_report(ctx, cand, head, toks[start:], v)
    return [cand]


def _report_start(ctx: Context, toks: list[Token], n: int) -> int | None:
    """Where the clause of a reporting verb standing right before toks[n] begins: after its complementizer, or at
    an infinitive right after it; None when neither follows."""
    if n >= len(toks):
        return None
    n = min(_past_aside(ctx, toks, n), len(toks) - 1)  # "a annoncé de son côté cesser …", "a ajouté pour sa part que"
    stop = _addressee_end(ctx, toks, n)  # "et a rappelé à l'assemblée plénière que …": whom it was said to first
    if stop is not None and toks[stop].lower_ in ctx.lex.complementizers:
        return stop + 1
    if toks[n].lower_ in ctx.lex.complementizers:
        return n + 1
    return n if "Inf" in toks[n].morph.get("VerbForm") else None


def _past_aside(ctx: Context, toks: list[Token], n: int) -> int:
    """The index after a discourse or time adverbial starting at toks[n] ("de son côté", "pour sa part", "cependant",
    "mardi"), or n when none starts there."""
    aside = LEADING_ADVERBIAL.match(ctx.text, toks[n].idx) if n < len(toks) else None
    while aside is not None and n < len(toks) and toks[n].idx < aside.end():
        n += 1
    return n


ADDRESSEE_LINKS = frozenset({"à", "au", "aux", "to"})
ADDRESSEE_WORDS = 5  # at most this many words name whom a report is addressed to


def _addressee_end(ctx: Context, toks: list[Token], n: int) -> int | None:
    """Where a short "à …" / "to …" phrase at toks[n] (whom the words were said to) ends: the first punctuation, verb
    or complementizer within ADDRESSEE_WORDS words after the link; None when there is no such phrase."""
    if n >= len(toks) or toks[n].lower_ not in ADDRESSEE_LINKS:
        return None
    return next((m for m in range(n + 1, min(len(toks), n + ADDRESSEE_WORDS + 1)) if toks[m].is_punct or
                 toks[m].pos_ in ("VERB", "AUX") or toks[m].lower_ in ctx.lex.complementizers), None)


def _split_report(ctx: Context, cand: Candidate, head: list[Token], tail: list[Token], verb: Token) -> list[Candidate]:
    """One reported span cut into two reports by the same speaker: `head` under the cue, `tail` under `verb`."""
    first, second = _span_of(head, ctx), _span_of(tail, ctx)
    if first is None or second is None:
        return [cand]
    return [Candidate(first[0], first[1], cand.kind, cand.cue, cand.speaker),
            Candidate(second[0], second[1], cand.kind, ctx.cue_of(verb), cand.speaker)]


SAME_SPEAKER_PRONOUNS = frozenset({"il", "elle", "he", "she", "er", "sie"})  # "… et il a indiqué qu’…"


def _with_coordinated_report(ctx: Context, cand: Candidate) -> list[Candidate]:
    """"Le Pentagone a précisé qu’il visait l’État islamique et dit regretter les pertes": a reporting verb
    coordinated with the cue verb (the parser's conj) ends the first report and starts the second; so does a second
    complementizer after a comma ("Il a ajouté que … il y a 10 ans, et que toute nouvelle information …")."""
    toks = [t for t in ctx.tokens(cand.start, cand.end) if not t.is_space]
    for k in range(3, len(toks) - 3):
        if toks[k - 1].text == "," and toks[k].lower_ in ("et", "and", "und") and \
                toks[k + 1].lower_ in ctx.lex.complementizers:
            first, second = _span_of(toks[:k - 1], ctx), _span_of(toks[k + 2:], ctx)
            if first is not None and second is not None:
                return [Candidate(first[0], first[1], cand.kind, cand.cue, cand.speaker),
                        Candidate(second[0], second[1], cand.kind, cand.cue, cand.speaker)]
    if not ctx.has_dep:
        return [cand]
    second = _new_subject_report(ctx, toks, cand)
    if second is not None:
        return second
    for k in range(2, len(toks) - 2):
        if toks[k].lower_ not in AND_WORDS:
            continue
        v = next((t for t in toks[k + 1:k + 4] if t.lower_ not in ctx.lex.auxiliaries and
                  t.lower_ not in SAME_SPEAKER_PRONOUNS), None)
        if v is None or not ctx.is_reporting(v) or v.dep_ not in ("conj", "ROOT"):
            continue  # (the parser often hangs it on the reported clause's verb: "qu’il visait X et dit …", or
            # starts a new root after a comma: "confirme que …-suicides , et précise qu'elles …")
        start = _report_start(ctx, toks, toks.index(v) + 1)
        if start is None:
            continue
        return _split_report(ctx, cand, toks[:k], toks[start:], v)
    return [cand]


NEW_SUBJECT_WORDS = 4  # "et les démocrates avaient demandé": at most this many words name the second subject
CLAUSE_REACH = 8  # "avaient demandé lundi, au Congrès, que …": at most this many tokens before the complementizer


def _new_subject_report(ctx: Context, toks: list[Token], cand: Candidate) -> list[Candidate] | None:
    """"… Flynn pourrait être sujet à du chantage et les démocrates avaient demandé lundi, au Congrès, que …": "et",
    a noun phrase of its own, a reporting verb and its clause end the first report and start the new subject's."""
    for k in range(3, len(toks) - 4):
        if toks[k].lower_ not in ("et", "and") or toks[k + 1].pos_ != "DET":
            continue
        m = k + 2
        while m < len(toks) and m - k <= NEW_SUBJECT_WORDS and toks[m].pos_ in ("NOUN", "PROPN", "ADJ"):
            m += 1
        if m == k + 2:
            continue
        v = m
        while v < len(toks) and toks[v].lower_ in ctx.lex.auxiliaries:
            v += 1
        if v >= len(toks) or not ctx.is_reporting(toks[v]) or "Inf" in toks[v].morph.get("VerbForm"):
            continue
        start = next((n + 1 for n in range(v + 1, min(len(toks) - 1, v + CLAUSE_REACH))
                      if toks[n].lower_ in ctx.lex.complementizers), None)
        if start is None or any(t.text in (".", ";", ":") for t in toks[v + 1:start]):
            continue
        speaker = ctx.name_or_desc(toks[k + 1:m])
        first, second = _span_of(toks[:k], ctx), _span_of(toks[start:], ctx)
        if speaker is None or first is None or second is None:
            continue
        return [Candidate(first[0], first[1], cand.kind, cand.cue, cand.speaker),
                Candidate(second[0], second[1], cand.kind, ctx.cue_of(toks[v]), speaker)]
    return None


CONTRAST_WORDS = frozenset({"but", "while", "whereas", "mais", "tandis", "alors", "aber", "während", "doch"})
CONTRAST_SUBORDINATORS = frozenset({"alors", "tandis", "while", "whereas"})
CONTRAST_SUBJECT = 10  # tokens the second subject may take ("the World Health Organization, WHO for short,")


def _with_contrasting_report(ctx: Context, sentence: list[Token], cand: Candidate) -> list[Candidate]:
    """"Dr. Nabarro says X is possible, but the World Health Organization believes Y": after a comma, a contrast
    word, a subject of its own and a reporting verb end the first report and start another speaker's."""
    if not ctx.has_pos or cand.kind != "indirect":
        return [cand]
    toks = [t for t in sentence if t.idx >= cand.start and not t.is_space]
    for k in range(3, len(toks) - 4):
        if toks[k].lower_ not in CONTRAST_WORDS or toks[k].idx > cand.end + 4:
            continue
        link = 2 if toks[k + 1].lower_ == "même" else 1  # "alors même que"
        at = k + link + 1 if toks[k + link].lower_ in ("que", "qu'", "qu’") else k + 1  # "tandis que", "alors que"
        if toks[k - 1].text != "," and (at == k + 1 or toks[k].lower_ not in CONTRAST_SUBORDINATORS):
            continue  # (without a comma only "alors (même) que", "tandis que", "while", "whereas")
        verb = next((j for j in range(at + 1, min(at + CONTRAST_SUBJECT, len(toks) - 2))
                     if toks[j].pos_ in ("VERB", "AUX") and toks[j].lower_ not in ctx.lex.auxiliaries), None)
        if verb is None or not (ctx.speech_event(toks[verb]) or (
                at > k + 1 and ctx.is_reporting(toks[verb]) and "Inf" not in toks[verb].morph.get("VerbForm"))):
            continue  # (the "que" of "alors que" embeds nothing)
        subject = toks[at:verb]
        while subject and subject[-1].lower_ in ctx.lex.auxiliaries:
            subject = subject[:-1]  # "le gouvernement a annoncé": not the auxiliary
        cut = next((n for n, t in enumerate(subject) if t.text == ","), len(subject))
        if not cut or any(t.pos_ == "PRON" for t in subject[:cut]):
            continue  # "but they also emphasize …": the same speakers (the second-subject rule's case)
        speaker = ctx.name_or_desc(subject[:cut])
        start = _report_start(ctx, toks, verb + 1)
        if start is None and ctx.lang == "en" and any(t.pos_ in ("VERB", "AUX") for t in toks[verb + 1:]):
            start = verb + 1  # "believes 7.4 million deaths is more realistic": a clause without "that"
        first = _span_of(toks[:k - 1] if toks[k - 1].text == "," else toks[:k], ctx)
        second = _span_of(toks[start:], ctx) if start is not None else None
        if speaker is None or speaker.kind == "pronoun" or first is None or second is None:
            continue
        return [Candidate(first[0], first[1], cand.kind, cand.cue, cand.speaker),
                Candidate(second[0], second[1], cand.kind, ctx.cue_of(toks[verb]), speaker)]
    return [cand]


def _ind_colon_conditional(ctx: Context, toks: list[Token]) -> Candidate | None:
    """"En septembre, Lelandais avait raconté une histoire différente : Maëlys et un autre garçon … seraient
    seulement montés dans sa voiture": a French reporting verb, a colon, then a clause in the conditional (the
    mood of reported claims) is what the subject said."""
    if ctx.lang != "fr" or not ctx.has_pos:
        return None
    colon = next((k for k, t in enumerate(toks) if t.text == ":"), None)
    if colon is None or colon < 2 or len(toks) - colon < 5:
        return None
    verb = next((t for t in reversed(toks[:colon]) if ctx.speech_event(t)), None)
    after = toks[colon + 1:]
    if verb is None or not any("Cnd" in t.morph.get("Mood") for t in after[:20]):
        return None
    if any(c.dep_ == "aux:pass" for c in verb.children) or ctx.token_list[verb.i - 1].lower_ == "été":
        return None  # "un nouveau report a été annoncé : …": what was announced is no speaker
    spk = _subject(ctx, [t for t in toks[:colon] if t.i <= verb.i], verb)
    return _cand(ctx, after, spk, ctx.cue_of(verb)) if spk is not None else None


RECALL_LEMMAS = frozenset({"rappeler", "recall", "erinnern"})


def _leading_gerund_report(ctx: Context, toks: list[Token], cand: Candidate) -> Candidate | None:
    """"Soulignant que Washington demeure le premier donateur pour le Darfour, la chef de la diplomatie américaine
    a dit que …": the clause of a sentence-initial reporting gerund is the main report's speaker's too."""
    if not ctx.has_pos or len(toks) < 4 or cand.speaker is None:
        return None
    lead = toks[0]
    if not (ctx.is_reporting(lead) and "Part" in lead.morph.get("VerbForm") and "Pres" in lead.morph.get("Tense")
            and toks[1].lower_ in ctx.lex.complementizers) or lead.lemma_.lower() in RECALL_LEMMAS:
        return None  # ("Rappelant que l'Union africaine a déployé …": background recalled, not a claim made)
    before = [t for t in toks[2:] if t.idx < cand.start]
    comma = max((k for k, t in enumerate(before) if t.text == ","), default=None)
    if comma is None or before[comma].idx >= cand.speaker.start:
        return None  # the report's speaker must come after the gerund clause
    sp = _span_of(before[:comma], ctx)
    return Candidate(sp[0], sp[1], "indirect", ctx.cue_of(lead), cand.speaker) if sp is not None else None


def _earlier_infinitive_report(ctx: Context, toks: list[Token], cand: Candidate) -> Candidate | None:
    """"Lelandais admet donc maintenant, d'une part, être responsable de la mort de Maëlys, mais il ajoute que …":
    an infinitive report in the clause before the one the sentence's rule took."""
    before = [t for t in toks if t.idx < cand.start]
    joint = max((k for k, t in enumerate(before[:-1]) if t.text == "," and (
        before[k + 1].lower_ in AND_WORDS or (ctx.is_reporting(before[k + 1]) and
                                              "Pres" in before[k + 1].morph.get("Tense") and
                                              "Part" in before[k + 1].morph.get("VerbForm")))), default=None)
    # (also "… disent avoir dissout le gouvernement, précisant que …": the gerund's report came first)
    if joint is None:
        return None
    return _ind_infinitive_fr(ctx, before[:joint])


FRONTED_SUBORDINATORS = frozenset({"si", "s'", "s’", "alors", "bien", "quand", "lorsque", "lorsqu'", "lorsqu’",
                                   "tandis", "if", "while", "although", "though", "when", "wenn", "während",
                                   "obwohl", "als"})


def _second_report_at(ctx: Context, body: list[Token]) -> int:
    """Where a reported clause ends because "et"/"and"/"mais" opens a clause with its own subject and verb of
    saying ("que le Congrès avait voté … et il a souligné que …"); else its whole length."""
    if not ctx.has_dep:
        if ctx.lang == "de":  # "…, dass …, und forderte die EU auf, … voranzugehen": the shared subject's next verb
            return next((n - 1 for n, t in enumerate(body[:-2]) if n > 0 and t.lower_ == "und" and
                         body[n - 1].text == "," and any(ctx.speech_event(w) for w in body[n + 1:n + 3])),
                        len(body))
        return len(body)
    for n, t in enumerate(body[:-2]):
        if t.lower_ not in AND_WORDS:
            continue
        ids = {x.i for x in body[n + 1:n + 5]}
        if any(ctx.speech_event(w) and any(c.i in ids and c.dep_.startswith("nsubj") for c in w.children)
               for w in body[n + 1:n + 5]):
            return n
    return len(body)


def _main_clause_comma(ctx: Context, body: list[Token]) -> int:
    """Where a report inside a fronted subordinate clause ends: at the comma before the main clause's own verb
    of saying and its subject ("Si Hervé Morin avait souhaité que la France garde sa neutralité, le ministre …
    Bernard Kouchner a indiqué qu'…"); else the whole body."""
    for n, t in enumerate(body):
        if t.text == "," and _main_clause_verb(ctx, body[n + 1:]) is not None:
            return n
    return len(body)


def _main_clause_verb(ctx: Context, clause: list[Token]) -> Token | None:
    """The verb of saying opening ``clause`` after its own subject ("le ministre … Bernard Kouchner a indiqué")."""
    for m, w in enumerate(clause[:MAIN_CLAUSE_REACH]):
        if w.is_punct and w.text != "-":
            return None
        if m > 0 and ctx.speech_event(w) and ctx.speaker_before(clause[:m], w) is not None:
            return w
    return None


MAIN_CLAUSE_REACH = 14  # tokens from the comma to the main clause's verb of saying


def _second_subject_report(ctx: Context, toks: list[Token], cand: Candidate) -> Candidate | None:
    """"Republicans agree reforming … is important, but they say other issues deserve priority": after a report, a
    coordinated clause with its own subject and reporting verb is a second report; so is the main clause after a
    report inside a fronted subordinate clause ("Si X avait souhaité que …, Y a indiqué que …")."""
    rest = [t for t in toks if t.idx >= cand.end]
    if ctx.lang == "de" and len(rest) > 4 and rest[0].text == "," and rest[1].lower_ == "und":
        return _ind_infinitive(ctx, rest[2:], cand.speaker)  # the coordinated verb shares the subject
    if toks and toks[0].lower_ in FRONTED_SUBORDINATORS and rest[:1] and rest[0].text == "," and \
            _main_clause_verb(ctx, rest[1:]) is not None:
        return _ind_complement(ctx, rest[1:]) or _ind_ccomp(ctx, rest[1:])
    k = next((n for n, t in enumerate(rest[:3]) if t.lower_ in AND_WORDS), None)
    if k is None or len(rest) - k < 6 or not ctx.has_dep:
        return None
    clause = rest[k + 1:]
    verb = next((t for t in clause[:4] if ctx.speech_event(t)), None)
    if verb is None or not any(c.dep_ in ("nsubj", "nsubj:pass") for c in verb.children):
        return None
    return _ind_complement(ctx, clause) or _ind_ccomp(ctx, clause)


def _introduces_quote(ctx: Context, cand: Candidate) -> bool:
    """"Les premiers éléments laissent apparaître, selon la CFL, que « … »": words ending on the complementizer
    before a quote only introduce it."""
    words = words_of(ctx.text[cand.start:cand.end])
    return bool(words) and words[-1].lower() in ctx.lex.complementizers


def _before_causal_link(ctx: Context, cand: Candidate) -> Candidate:
    """A report that runs into a causal clause quoting its reason ("… était déterminée à conclure un retrait
    ordonné, étant donné que « … »") ends before that clause's comma; other candidates stay as they are."""
    text = ctx.text[cand.start:cand.end]
    comma = text.rfind(",")
    if comma < 0 or tuple(w.lower() for w in words_of(text[comma:])) not in CAUSAL_LINKS or \
            len(words_of(text[:comma])) < 3:
        return cand
    return Candidate(cand.start, cand.start + len(text[:comma].rstrip()), cand.kind, cand.cue, cand.speaker)


CAUSAL_LINKS = frozenset({("étant", "donné", "que"), ("étant", "donné", "qu"), ("parce", "que"), ("parce", "qu"),
                          ("puisque",), ("puisqu",), ("vu", "que"), ("d'autant", "que"), ("d’autant", "que"),
                          ("because",), ("since",), ("weil",)})


def _verbless(ctx: Context, cand: Candidate) -> bool:
    """'He said the Boko Haram “will not leave …”': what is left of the clause outside the marks is its subject."""
    return _verbless_tokens(ctx, ctx.tokens(cand.start, cand.end))


def _verbless_tokens(ctx: Context, toks: list[Token]) -> bool:
    """No verb among the tokens (by the tagger; False without one)."""
    return ctx.has_pos and not any(t.pos_ in ("VERB", "AUX") for t in toks)


def _ind_reported_mood(ctx: Context, toks: list[Token]) -> Candidate | None:
    """A German sentence in Konjunktiv I with no cue of its own continues the reported statement before it."""
    if ctx.lang != "de" or not ctx.lex.konjunktiv:
        return None
    words = [t.lower_ for t in toks]
    if any(w in FIRST_PERSON_DE for w in words):
        return None  # first-person narration ("ich habe"), not reported speech (French "je" is no German word:
        # "mehr denn je")
    if any(ctx.is_reporting(t) for t in toks):
        return None  # the cue rules have seen this sentence's verb and judged it (modal, hypothetical)
    colon = next((k for k, t in enumerate(toks) if t.text == ":"), None)
    if colon is not None and colon == len(toks) - 1:  # "Es gebe keinen Anlass, …: „…“": the words before the quote
        toks, colon = toks[:colon], None
    if not toks:
        return None
    offset = colon + 1 if colon is not None else 0
    reach = 8
    if toks[offset].lower_ in SUBORDINATORS_DE or (len(toks) > offset + 1 and toks[offset + 1].lower_ in
                                                   SUBORDINATORS_DE):
        # "Auch wenn die Debatte … verharre, habe eine große Mehrheit …": the main verb follows the clause
        reach = next((k + 1 - offset for k, t in enumerate(toks) if k > offset and t.text == ","), 0) + 8
    elif toks[offset].lower_ in PREPOSITIONS_DE:
        reach = 14  # "In der deutschen Wirtschaft, Politik, Verwaltung, Medien und Zivilgesellschaft gebe es …"
    elif (np_end := noun_phrase_end_de(toks[offset:], ctx.lex.determiners)) is not None:
        reach = max(reach, np_end + 1)  # "Die Förderung der Werte der EU in der Region sorge …"
    after_report = _after_report_de(ctx, toks[0].idx)
    head = next((k for k, t in enumerate(toks[offset:offset + reach])
                 if (t.lower_ in ctx.lex.konjunktiv and (t.lower_ not in KONJUNKTIV_II or after_report)) or
                 _regular_konjunktiv(ctx, toks, offset + k)), None)
    if head is None:  # "Das … Ziel, die EU zum … zu machen, habe die EU weit verfehlt": after the subject's
        head = next((k - offset for k in range(offset + 3, len(toks))  # infinitive clause
                     if toks[k - 1].text == "," and toks[k - 3].lower_ == "zu" and
                     toks[k].lower_ in KONJUNKTIV_I and toks[offset].lower_ in ctx.lex.determiners), None)
    if head is None or toks[-1].text == "?":
        return None
    if any(t.lower_ == "man" for t in toks[max(0, offset + head - 3):offset + head + 3]):
        return None  # a generic "man könnte sagen" (but "Europa sei führend und das müsse man nutzen" reports)
    body = toks[offset:]
    sp = _span_of(body, ctx)
    if sp is None:
        return None
    if colon is not None:  # "… kommt eine Mail von Relotius: Die meisten Gruppen seien …" — the mail's author
        p = ctx.person_in(toks[0].idx, toks[colon].idx)
        if p is not None:
            return Candidate(sp[0], sp[1], "indirect", ":", ctx.speaker_of(p))
    return Candidate(sp[0], sp[1], "indirect", None, None, inherit=True)


FIRST_PERSON_DE = frozenset({"ich", "wir", "du", "ihr", "mir", "mich", "uns"})


def _after_report_de(ctx: Context, pos: int) -> bool:
    """The sentence before (in this paragraph or closing the one before) quotes someone: there the
    Konjunktiv II that stands in for a Konjunktiv I that looks indicative ("müssten" for "müssen") reports too
    ("„…“, so Hogan weiter. Zuerst müssten die Landwirte …"); elsewhere it is hypothetical."""
    a, _ = ctx.sentence_of(max(0, pos - 1))
    before = ctx.text[a:pos]
    if not before.strip():
        a, _ = ctx.sentence_of(max(0, a - 2))
        before = ctx.text[a:pos]
    return any(s.close_at is not None and len(words_of(before[s.start:s.end])) >= 4
               for s in find_quote_spans(before))  # (not after "Nach Angaben der „Netzeitung“ …": a quote)


NOT_VERBS_DE = frozenset({"heute", "gerne", "alle", "beide", "keine", "eine", "seine", "ihre", "diese", "jene",
                          "welche", "solche", "viele", "wenige", "einige", "andere", "meine", "unsere", "deine",
                          "eure", "ganze", "halbe", "gestern", "morgen", "ebenso", "ohne", "gegen", "statt", "ende"})


def _regular_konjunktiv(ctx: Context, toks: list[Token], k: int) -> bool:
    """A regular Konjunktiv I of the third person ("Die soziale Dimension spiele …", "Er führe …"): a lower-case word
    in -e right after a subject pronoun or a subject noun phrase that opens the sentence (the indicative ends in -t,
    and an adjective stands before its noun)."""
    if k < 1 or k >= len(toks):
        return False
    t, subject = toks[k], [x for x in toks[:k] if not x.is_space]
    if not (t.text.isalpha() and t.text.islower() and t.text.endswith("e") and len(t.text) >= 4) or \
            t.lower_.endswith("te") or t.lower_ in NOT_VERBS_DE or t.lower_ in GERMAN_ADVERBS or \
            t.lower_ in ctx.lex.determiners or t.lower_ in KONJUNKTIV_II:
        return False  # "-te" is mostly the past ("musste", "öffnete"); "würde" is hypothetical
    nxt = toks[k + 1].lower_ if k + 1 < len(toks) else ""
    if _fronted_adverbial_de(subject) and (nxt in ctx.lex.determiners or nxt in THIRD_PERSON_DE):
        return True  # verb second after a fronted adverb: "Ebenso zeige der Beitritt …", "Nach wie vor bilde die EU"
    if len(subject) == 1:
        return subject[0].lower_ in ("er", "sie", "es")  # "Er führe …"
    # a subject noun phrase opening the sentence, then the verb: determiner, adjectives, one noun, and its
    # genitive or prepositional attributes ("Die Förderung der Werte der EU in der Region sorge …")
    return noun_phrase_end_de(subject, ctx.lex.determiners) == len(subject)


FRONTED_ADVERBS_DE = frozenset({"ebenso", "zudem", "außerdem", "auch", "daher", "deshalb", "darum", "dennoch",
                                "trotzdem", "allerdings", "jedoch", "nun", "inzwischen", "derzeit", "heute", "bislang",
                                "bisher", "gleichzeitig", "zugleich", "vor allem", "nach wie vor", "insgesamt"})


def _fronted_adverbial_de(words: list[Token]) -> bool:
    """The words before a German verb are one adverb or a fixed adverbial ("Ebenso", "Nach wie vor")."""
    return 1 <= len(words) <= 3 and " ".join(t.lower_ for t in words) in FRONTED_ADVERBS_DE


def _span_of(toks: list[Token], ctx: Context) -> tuple[int, int] | None:
    toks = [t for t in toks if not t.is_space]
    while toks and (toks[0].is_punct or (toks[0].lower_ in ctx.lex.conjunctions and len(toks) > 1)):
        toks = toks[1:]  # "cependant, Emmanuel Macron …": past the conjunction and its comma
    while toks and toks[-1].is_punct and toks[-1].text not in (")", "]"):
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _cand(ctx: Context, body: list[Token], spk: Speaker | None, cue: str) -> Candidate | None:
    sp = _span_of(body, ctx)
    if sp is None or spk is None:
        return None
    return Candidate(sp[0], sp[1], "indirect", cue, spk)


REPORTED_AS = {"de": "wie", "fr": "comme", "en": "as"}  # "Wie X mitteilte, …"


def _ind_as_reported(ctx: Context, toks: list[Token]) -> Candidate | None:
    """"Wie ein Sprecher der Staatsanwaltschaft dem BRF erklärte, war …", "Comme l'a indiqué X, …", "As the company
    said, …" and the trailing ", wie der Sprecher …, Lothar Hofner, bestätigte.": the clause is the source's."""
    word = REPORTED_AS.get(ctx.lang)
    if word is None or len(toks) < 6:
        return None
    commas = [k for k, t in enumerate(toks) if t.text == ","]
    if toks[0].lower_ == word and commas:  # leading: "Wie X erklärte, <clause>"
        parts = [(toks[1:commas[0]], toks[commas[0] + 1:])]
        # "Comme l'a indiqué le ministre, Bernard Cazeneuve, …": an apposed name runs to the next comma
    else:
        parts = [(toks[k + 2:], toks[:k]) for k in commas if k + 2 < len(toks) and toks[k + 1].lower_ == word]
        # "Mr. Tsvangirai said the MDC would stay put …, as … Jonathan Moyo … has recently urged": a main clause that
        # reports with its own verb is its subject's, the trailing "as" clause only a comparison
        parts = [(clause, body) for clause, body in parts if not any(ctx.speech_event(t) for t in body)]
    for clause, body in parts:
        end = next((j for j, t in enumerate(clause) if t.text in (".", "!", "?", ";")), len(clause))
        clause = clause[:end]
        verbs = [j for j, t in enumerate(clause) if ctx.speech_event(t)]
        if not verbs or len(clause) > 14 or len(words_of(" ".join(t.text for t in body))) < 3:
            continue
        v = verbs[-1]
        first = clause[0]
        if first.text.islower() and first.lower_ not in ctx.lex.determiners and not ctx.is_pronoun(first) and \
                not CLITIC.match(first.text) and first.lower_ not in ("l’", "l'", "le", "la", "les", "the"):
            continue  # "…, wie beiläufig … betrachtet worden sei, erklärte Laschet": "wie" asks; "comme prévu"
        spk = ctx.speaker_after(clause[:v]) if v > 0 else None  # "Wie ein Sprecher …", "As he told reporters"
        if spk is None or (ctx.lang == "fr" and v + 1 < len(clause)):
            spk = ctx.speaker_after([t for t in clause[v + 1:] if t.text != ","]) or spk
        if spk is None and v > 0:
            spk = ctx.speaker_before(clause[:v], clause[v])
        cand = _cand(ctx, body, spk, ctx.cue_of(clause[v]))
        if cand is not None:
            return cand
    return None


def _commas_past_apposition(ctx: Context, rest: list[Token], spk: Speaker) -> list[int]:
    """The commas after a source ("selon X, …"), the first one past an apposition to it: "Selon le directeur,
    interrogé par Sky News, les tirs …", "D'après un porte-parole de l'ONUCI, la mission onusienne …, environ …"."""
    commas = [j for j, t in enumerate(rest) if t.text == "," and t.idx >= spk.end]
    if len(commas) >= 2 and ctx.has_pos and ("Part" in rest[commas[0] + 1].morph.get("VerbForm") or
                                             _apposed_noun_phrase(ctx, rest, commas[0], commas[1])):
        return commas[1:]
    return commas


def _ind_according(ctx: Context, toks: list[Token]) -> Candidate | None:
    for k in range(len(toks)):
        n = according_length(ctx, toks, k)
        if not n:
            continue
        cue = " ".join(t.lower_ for t in toks[k:k + n])
        if cue == "so" and not (k > 0 and toks[k - 1].text == ","):
            continue  # German "so" is only a source cue in the trailing ", so X."
        rest = toks[k + n:]
        if k >= 3 and toks[k - 1].text == "," and toks[k - 2].lower_ in ctx.lex.complementizers and \
                ctx.speech_event(toks[k - 3]):
            continue  # "Amaq, annonce que, selon ses sources, la tuerie …": the report is Amaq's (its source aside)
        spk = quoted_source(ctx, toks[k + n - 1]) or ctx.speaker_after(rest)
        if spk is None or not _is_source(ctx, spk, rest):
            continue
        spk = _joined_source(ctx, spk, rest)
        if k == 0 or toks[k - 1].text in (".", "!", "?") or (ctx.has_pos and all(t.pos_ == "ADV" for t in toks[:k])):
            # "Selon X, contenu." — "Selon le Premier ministre …, Jay Weatherill, contenu": after the name
            # (also after an adverb: "Toujours selon le même chauffeur, …")
            commas = _commas_past_apposition(ctx, rest, spk)
            body = rest[commas[0] + 1:] if commas else []
            after = [t for t in rest if t.idx >= spk.end]
            if ctx.lang == "de" and after and after[0].text != ",":  # "Nach Angaben der Polizei wurden …": no comma
                body = after
        elif toks[k - 1].text == ",":  # "contenu, selon X."
            body = toks[:k - 1]
            tail = [t for t in _past_source_description(ctx, [t for t in rest if t.idx >= spk.end])
                    if not t.is_punct]
            commas = _commas_past_apposition(ctx, rest, spk)  # ("Vers 10h00, selon le sondage Opinion-way,
            # réalisé du 6 au 12 décembre, 65% des dirigeants …")
            if len(tail) > 3 and cue != "so":
                # "Dans le détail, selon X, contenu": after a short fronted adverbial, the words after the source
                body = rest[commas[0] + 1:] if k - 1 <= 4 and commas else toks
            after_source = [t for t in rest if t.idx >= spk.end]
            if cue == "so" and after_source[:1] and after_source[0].text == "," and \
                    len([t for t in after_source[1:] if not t.is_punct]) > 3:
                body = toks  # "Der Impfstoff sei, so von der Leyen, der wichtigste …": the words on both sides
        else:
            body = toks
            verbs = [v for v in toks[:k] if ctx.speech_event(v)]
            commas = [j for j, t in enumerate(rest) if t.text == "," and t.idx >= spk.end]
            if verbs and commas:  # "Relotius erwidert laut Geicke, der Mann …": Relotius speaks, Geicke reports it
                said_by = _subject(ctx, toks[:k], verbs[-1])
                if said_by is not None:
                    return _cand(ctx, rest[commas[0] + 1:], said_by, ctx.cue_of(verbs[-1]))
        return _cand(ctx, body, spk, cue)
    for k, t in enumerate(toks):  # "Dem Bericht zufolge …"
        if t.lower_ in ctx.lex.postpositions and k > 0:
            j = k - 1
            while j > 0 and not toks[j - 1].is_punct and k - j < 5:
                j -= 1
            a = j
            while a < k - 1 and toks[a].text[:1].islower() and toks[a].lower_ not in ctx.lex.determiners:
                a += 1  # "Schröter hat einem Medienbericht zufolge …": the source starts at its determiner
            spk = ctx._describe(toks[a:k])
            rest = [x for x in toks[k + 1:] if not x.is_punct]
            body = toks[k + 1:] if j == 0 else toks[:j] if not rest else toks  # the source phrase is no part of it
            inner = _ind_complement(ctx, body) if j == 0 else None
            if inner is not None and inner.speaker is not None:
                return inner  # "Einigen Anhängern zufolge, die …, sagte der Rechtsanwalt …, Isahan Ashurov, dass …":
                # the source tells who said it
            return _cand(ctx, body, spk, t.lower_)
    return None


def _apposed_noun_phrase(ctx: Context, rest: list[Token], first: int, second: int) -> bool:
    """Between the commas after a source, a noun phrase without a verb that describes it, and after them a clause
    with its own subject and finite verb (not "Selon lui, la réforme, adoptée hier, est …")."""
    inside = rest[first + 1:second]
    if not 3 <= len(inside) <= 10 or inside[0].pos_ != "DET" or any(t.pos_ in ("VERB", "AUX") for t in inside):
        return False
    if inside[1].lower_ in TIME_NOUNS_FR:
        return False  # "Toujours selon le même chauffeur, un soir, vers la Place d’Italie, …": when, not who
    after = rest[second + 1:]
    verb = next((n for n, t in enumerate(after) if ctx.is_finite_verb(t)), None)
    return verb is not None and any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in after[:verb])


JOINED_SOURCE_WORDS = 6  # "selon X et un responsable rebelle": at most this many words in the second source


def _joined_source(ctx: Context, spk: Speaker, rest: list[Token]) -> Speaker:
    """"selon le Comité international de la Croix-Rouge et un responsable rebelle.": two sources joined at the end
    of the sentence speak together; the speaker is the phrase as written."""
    after = [t for t in rest if t.idx >= spk.end and not t.is_space]
    if len(after) < 3 or after[0].lower_ not in AND_WORDS:
        return spk
    stop = next((j for j, t in enumerate(after) if t.is_punct), len(after))
    second = after[1:stop]
    if not second or stop == len(after) or after[stop].text not in (".", ";") or len(second) > JOINED_SOURCE_WORDS:
        return spk
    if not (second[0].lower_ in NOMINAL_DETERMINERS.get(ctx.lang, ()) or second[0].text[:1].isupper()) or \
            any(ctx.is_finite_verb(t) for t in second):
        return spk
    end = second[-1].idx + len(second[-1].text)
    phrase = ctx.text[spk.start:end]
    return Speaker("name", phrase, spk.start, end, phrase)


def _past_source_description(ctx: Context, after: list[Token]) -> list[Token]:
    """What follows a source beyond its own description: nothing for ", a spokesperson for the World Food Program,
    who says" (an apposition, then a relative clause about the source)."""
    if len(after) > 1 and after[0].text == "," and after[1].lower_ in RELATIVE_PRONOUNS:
        return []  # "…, selon une source proche de l’enquête, qui ajoute que …": a relative clause about the source
    if after and after[0].text == ",":
        close = next((n for n in range(1, min(len(after), 14)) if after[n].text == ","), None)
        if close is not None and not any(ctx.has_pos and t.pos_ in ("VERB", "AUX") for t in after[1:close]):
            after = after[close + 1:]
    if after and after[0].lower_ in RELATIVE_PRONOUNS:
        return []
    return after


RELATIVE_PRONOUNS = frozenset({"who", "which", "qui", "lequel", "laquelle", "der", "die", "welcher", "welche"})


def quoted_source(ctx: Context, cue_end: Token) -> Speaker | None:
    """"Nach Angaben der „Netzeitung“ waren …": a source named in quote marks right after the cue (a newspaper's
    title); the marked words are left out of the tokens the rules see, so they are read from the text."""
    return ctx.marked_name_after(cue_end.idx + len(cue_end.text))


def _is_source(ctx: Context, spk: Speaker, rest: list[Token]) -> bool:
    """'selon les domaines' is not a source: require a name, a pronoun or a source-like noun phrase."""
    if spk.kind in ("name", "pronoun"):
        return True
    head = [t for t in rest if spk.start <= t.idx < spk.end]
    if not ctx.has_pos or not any(t.pos_ for t in head):  # no tagger, or a sentence left unparsed (cues scope)
        return bool(rest) and (rest[0].text[:1].isupper() or rest[0].lower_ in ctx.lex.particles or
                               any(t.text[:1].isupper() for t in rest[:3]) or
                               any(ctx.is_source_noun(t) for t in rest[1:3]))
    nouns = [t for t in head if t.pos_ in ("NOUN", "PROPN")]
    if nouns and nouns[0].pos_ == "NOUN" and _person_noun(nouns[0]):
        return True  # "Selon un ouvrier du chantier", "selon les volontaires": people
    if nouns and nouns[0].pos_ == "NOUN" and not ctx.is_source_noun(nouns[0]) and \
            nouns[0].lower_ not in RELATIVE_NOUNS and any(t.pos_ == "ADP" for t in head if t.i > nouns[0].i):
        return False  # "selon la nomenclature du JEL": a name inside a phrase headed by a common noun (not "de
        # l'avis d'un partisan de Jean-Pierre Bemba")
    if any(t.pos_ == "PROPN" for t in head):
        return True
    return any(ctx.is_source_noun(t) and t.pos_ in ("NOUN", "PROPN", "VERB")
               for t in head)  # ("notre correspondant": a source noun tagged as a participle)


def _person_noun(t: Token) -> bool:
    """A noun for a person or people ("ouvrier", "témoins", "volontaires"), singular or plural."""
    word = t.lower_
    return word in PERSON_NOUNS or word in ROLE_HEADS or (word[-1:] in ("s", "x") and (
        word[:-1] in PERSON_NOUNS or word[:-1] in ROLE_HEADS))


# prepositions that open a phrase, never a subject (not French "des"/"du", which are also articles)
PHRASE_PREPOSITIONS = frozenset({"dans", "en", "à", "sur", "par", "pour", "avec", "sans", "sous", "chez", "vers",
                                 "in", "on", "at", "with", "by", "from", "into", "during", "im", "bei", "mit"})


OBLIQUE_ARTICLES_DE = frozenset({"den", "dem", "einem", "einen"})


def _name_before_apposition(ctx: Context, before: list[Token]) -> Speaker | None:
    """'David Satter, author of a book to be published in May titled "…," says': the name opening the clause,
    then an apposition without a finite verb between commas, then the reporting verb."""
    words = [t for t in before if not t.is_space and t.text not in DOUBLE + SINGLE]
    if len(words) < 4 or not (words[-1].text == "," or words[-1].lower_ in ctx.lex.title_cues) or not ctx.has_pos:
        return None  # (the quoted title after "titled" is cut out of the tokens, its comma with it)
    p = ctx.person_in(words[0].idx, words[0].idx + len(words[0].text))
    if p is None or p.start != words[0].idx:
        return None
    rest = [t for t in words if t.idx >= p.end]
    if not rest or rest[0].text != "," or any("Fin" in t.morph.get("VerbForm") for t in rest):
        return None
    return ctx.speaker_of(p)


def _subject_before_comma(ctx: Context, before: list[Token]) -> Speaker | None:
    """A subject set off from its verb by a stray comma ("… et la ministre de la Culture et des Sports Miri Regev,
    a demandé que"): the noun phrase before the comma, from the clause's start or its "et", when it ends with a
    name."""
    if ctx.lang != "fr" or not ctx.has_pos:
        return None
    words = [t for t in before if not t.is_space]
    while words and words[-1].lower_ in ctx.lex.auxiliaries:
        words = words[:-1]
    if len(words) < 3 or words[-1].text != ",":
        return None
    start = max((n + 1 for n, t in enumerate(words[:-1]) if t.is_punct or (
        t.lower_ in ("et", "mais") and n + 1 < len(words) and words[n + 1].pos_ == "DET")), default=0)
    phrase = words[start:-1]
    if not phrase or phrase[0].pos_ not in ("DET", "PROPN") or any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return None
    spk = ctx.name_or_desc(phrase)
    return spk if spk is not None and spk.kind == "name" else None


def _subject(ctx: Context, toks: list[Token], v: Token) -> Speaker | None:
    before = [t for t in toks if t.i < v.i]
    if _impersonal_passive_fr(ctx, before, v):
        return None  # "Il a été conseillé de limiter les déplacements": nobody is named as saying it
    spk = ctx.speaker_before(before, v) if before else None
    if spk is not None and spk.kind == "desc" and spk.text.split()[0].lower() in PHRASE_PREPOSITIONS:
        spk = None  # "dans un communiqué en" is a phrase before a gerund, never a subject
    if spk is not None and spk.kind != "pronoun" and ctx.lang == "de" and \
            set(spk.text.lower().split()[:2]) & OBLIQUE_ARTICLES_DE and v.i + 1 < len(ctx.token_list):
        nxt = ctx.token_list[v.i + 1]  # "Auch den Deutschen warnte er davor": an object first, the subject after
        spk = pronoun_speaker(nxt) if ctx.is_pronoun(nxt) else spk
    if spk is None:  # "« Quotidien » a affirmé que": a title in marks (left out of the tokens) is the subject
        lead = v
        while lead.i > 0 and (ctx.token_list[lead.i - 1].lower_ in ctx.lex.auxiliaries or
                              ctx.token_list[lead.i - 1].is_space):
            lead = ctx.token_list[lead.i - 1]
        spk = ctx.marked_name_before(lead.idx)
    if spk is None:
        spk = _name_before_apposition(ctx, before) or _subject_before_comma(ctx, before)
    if spk is None:
        after = [t for t in toks if t.i > v.i]
        clit = [t for t in after[:2] if CLITIC.match(t.text) and t.lower_ != "-t"]
        spk = ctx.speaker_after(clit or after) if clit else None
    if spk is None and ctx.lang == "de" and len(before) > 2 and any(t.text == "," for t in before[-2:]):
        # "Er versucht, alle Zweifel zu entkräften, schreibt etwa, …": the coordinated verb shares the subject
        # that opens the sentence
        first = before[0]
        if ctx.is_pronoun(first):
            spk = pronoun_speaker(first)
        else:
            p = ctx.person_in(first.idx, first.idx + len(first.text))
            spk = ctx.speaker_of(p) if p is not None else None
    if ctx.lang == "de" and spk is not None and spk.kind == "desc" and _plural_verb_de(before, v):
        spk = group_of(spk)  # "Die Ministerinnen und Minister betonten": many people, not the minister named before
    return spk


IMPERSONAL_PASSIVE_FR = frozenset({("a", "été"), ("avait", "été"), ("aurait", "été"), ("est",), ("était",),
                                   ("sera",), ("serait",)})


def _impersonal_passive_fr(ctx: Context, before: list[Token], v: Token) -> bool:
    """French impersonal passive: expletive "il", a form of "être", the participle ("Il a été conseillé de …",
    "il est précisé que …")."""
    if ctx.lang != "fr" or "Part" not in v.morph.get("VerbForm"):
        return False
    words = [t.lower_ for t in before[-4:]]
    return any(len(words) > len(aux) and words[-len(aux) - 1] == "il" and tuple(words[-len(aux):]) == aux
               for aux in IMPERSONAL_PASSIVE_FR)


def _plural_verb_de(before: list[Token], v: Token) -> bool:
    """The finite verb of the reporting clause is plural: the auxiliary of a participle, else the verb itself."""
    start = max((k + 1 for k, t in enumerate(before) if t.is_punct), default=0)
    aux = next((t for t in reversed(before[start:]) if t.lower_ in FINITE_AUXILIARIES_DE | PLURAL_AUXILIARIES_DE),
               None)
    return plural_finite_de(aux if aux is not None else v)


def _ind_complement(ctx: Context, toks: list[Token]) -> Candidate | None:
    reach = 16 if ctx.lang == "de" else 12  # "erklärte Präsident Jean-Claude Juncker in seiner Rede …, dass"
    for k, v in enumerate(toks):
        if not ctx.speech_event(v) or _gerund_of_clause_report(ctx, v, toks[:k]):
            continue
        # words in brackets do not count ("betonte der EWSA in der Debatte mit Günther Oettinger (dem für Haushalt
        # und Personal zuständigen Mitglied der Europäischen Kommission) auf seiner Plenartagung, dass")
        bracketed = _bracketed_tokens(toks[k + 1:k + 1 + 3 * reach])
        for j in range(k + 1, min(k + reach + bracketed, len(toks))):
            t = toks[j]
            far = j > k + 5  # "said in a report published Tuesday that …": past the verb's adjuncts, a true SCONJ only
            if far and t.lower_ in ctx.lex.complementizers and ctx.has_pos and t.pos_ != "SCONJ" and \
                    not (ctx.lang == "fr" and t.dep_ == "mark"):
                continue  # (a French "qu'" the tagger calls a pronoun but the parser a marker: "a annoncé plus tard
                # dans la journée qu'il acceptait ces conditions")
            if t.lower_ in ctx.lex.complementizers and (not ctx.has_pos or t.pos_ in ("SCONJ", "PRON", "") or
                                                         t.lower_ == "how"):
                if ctx.lang == "fr" and toks[j - 1].lower_ in ("ainsi", "plus", "moins", "autant", "tant") and \
                        not (j - 1 == k + 1 and toks[j - 1].lower_ == "ainsi"):
                    break  # "X ainsi que Y" is "as well as" — but "estime ainsi que" is "thus says that"
                if ctx.lang == "fr" and toks[j - 1].lower_ in CONJUNCTION_LOCUTIONS_FR:
                    break  # "sont signalées en détresse alors qu'un gros chalutier …": "whereas", no report
                if ctx.lang == "en" and t.lower_ == "that" and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and \
                        t.tag_ != "IN":
                    break  # "misrepresented VOA reporting in a way that served …": a relative pronoun (WDT, not
                    # the complementizer IN the parser sometimes hangs as an object: "told journalists … that")
                if _others_content(toks, k, j):
                    break  # "disputed claims that …": the clause is what the claims say, not the subject
                if ctx.lang == "fr" and _relative_after_object(ctx, toks[k + 1:j]):
                    break  # "en soulignant le rôle important que les représentants … pourraient jouer": a relative
                if _coordinated_subject_clause(toks, k, j):
                    break  # "a confirmé cette arrestation mais il a affirmé qu'…": the second verb's clause
                if ctx.lang == "fr" and _restrictive_que(toks, k, j):
                    break  # "n’a confirmé que le blocage de l’usine": "only", no clause
                if _incise_verb(ctx, toks, k) and (any(ctx.is_reporting(w) for w in toks[k + 1:j]) or any(
                        ctx.speech_event(w) and _incise_verb(ctx, toks, n) for n, w in enumerate(toks[:k]))):
                    return None  # "…, a dit M. Bush en soulignant que …", "…, a souligné X, ajoutant qu’…": an
                    # incise, then a gerund's report — the incise rule takes both
                spk = voice_of(ctx, toks[k + 1:j]) or pour_source(ctx, toks[k + 1:j]) or \
                    _subject(ctx, toks[:k + 1], v)  # "…, qui indique par la voix d’Igor Morozov que"
                if spk is None and any(ctx.speech_event(w) for w in toks[j + 1:]):
                    break  # "Rappelant que …, le leader congolais a souligné que …": the next verb has a subject
                if spk is None and any(ctx.speech_event(w) for w in toks[k + 1:j]):
                    break  # "…, die aus dem Gerichtssaal berichtet hatten, sagte der Rechtsanwalt …, dass …": the
                    # clause is the later verb's, whose subject is named
                body = toks[j + 1:]
                if toks[0].lower_ in FRONTED_SUBORDINATORS:
                    body = body[:_main_clause_comma(ctx, body)]  # "Si X avait souhaité que …, Y a indiqué que …"
                body = body[:_second_report_at(ctx, body)]  # "… a rappelé que … et il a souligné que …"
                if _verbless_tokens(ctx, body):
                    break  # "n’est plus assuré que dans un arrondissement sur deux": no clause, "only"
                return _cand(ctx, body, spk, ctx.cue_of(v))
            if t.text in (".", ";", ":", "?", "!") or (t.text == "," and ctx.lang != "de" and not (
                    _parenthetical(ctx, toks, j) or (j + 1 < len(toks) and
                                                      toks[j + 1].lower_ in ctx.lex.complementizers))):
                break
    return None


# words that make "que" part of a conjunction ("alors que", "parce que", "dès que"), not a reported clause's opener
CONJUNCTION_LOCUTIONS_FR = frozenset({"alors", "tandis", "parce", "dès", "pendant", "avant", "après", "afin", "lors",
                                      "sitôt", "bien"})
NEGATION_WORDS_FR = frozenset({"pas", "plus", "jamais", "rien", "guère", "point", "personne", "aucun", "aucune"})


def _restrictive_que(toks: list[Token], k: int, j: int) -> bool:
    """French "ne … que" ("n’a confirmé que le blocage"): a negative particle before the verb and no negation word
    before "que" make it "only"."""
    before = [t.lower_ for t in toks[max(0, k - 3):k]]
    return any(w in ("ne", "n’", "n'") for w in before) and \
        not any(t.lower_ in NEGATION_WORDS_FR for t in toks[max(0, k - 3):j])


def _relative_after_object(ctx: Context, between: list[Token]) -> bool:
    """The verb's direct object right before "que" ("le rôle important que …"): the "que" opens a relative clause
    about it — unless the noun takes a clause of its own ("le fait que", "l'idée que") or tells the time ("ce matin
    que")."""
    if not ctx.has_pos or not 2 <= len(between) <= 3 or between[0].pos_ != "DET" or between[1].pos_ != "NOUN":
        return False
    return all(t.pos_ == "ADJ" for t in between[2:]) and between[1].lower_ not in CLAUSE_NOUNS_FR | TIME_NOUNS_FR


CLAUSE_NOUNS_FR = frozenset({"fait", "idée", "nécessité", "conviction", "certitude", "espoir", "crainte", "sentiment",
                             "hypothèse", "possibilité", "risque", "impression", "assurance", "information", "nouvelle",
                             "garantie", "preuve", "souhait", "volonté", "exigence", "condition", "thèse", "rumeur"})
TIME_NOUNS_FR = frozenset({"matin", "soir", "midi", "après-midi", "nuit", "jour", "journée", "semaine", "mois", "année",
                           "an", "week-end", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
                           "veille", "lendemain", "fois"})


def _coordinated_subject_clause(toks: list[Token], k: int, j: int) -> bool:
    """Between the verb at k and the complementizer at j, a conjunction opens a clause with its own subject
    pronoun: the complement belongs to that clause's verb."""
    return any(toks[n].lower_ in AND_WORDS and toks[n + 1].pos_ == "PRON" and toks[n + 1].dep_.startswith("nsubj")
               for n in range(k + 1, j - 1))


def _bracketed_tokens(toks: list[Token]) -> int:
    """How many of the tokens stand inside round brackets (the brackets included)."""
    n, depth = 0, 0
    for t in toks:
        if t.text == "(":
            depth += 1
        if depth:
            n += 1
        if t.text == ")" and depth:
            depth -= 1
    return n


PARENTHETICAL_WORDS = 5


def _parenthetical(ctx: Context, toks: list[Token], j: int) -> bool:
    """"M. Bemba a fait savoir, pour sa part, qu'il voulait …": a short aside between commas, then the
    complementizer."""
    for m in range(j + 2, min(j + 2 + PARENTHETICAL_WORDS, len(toks) - 1)):
        if toks[m].is_punct:
            return toks[m].text == "," and toks[m + 1].lower_ in ctx.lex.complementizers
    return False


CONTENT_NOUNS = frozenset({
    "claim", "claims", "report", "reports", "allegation", "allegations", "accusation", "accusations", "suggestion",
    "suggestions", "rumor", "rumors", "rumour", "rumours", "speculation", "assertion", "assertions", "charge",
    "charges", "notion", "idea", "allégation", "allégations", "rumeur", "rumeurs", "affirmation", "affirmations",
    "idée", "behauptung", "behauptungen", "vorwurf", "vorwürfe", "gerücht", "gerüchte"})
POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "son", "sa", "ses", "leur", "leurs", "sein",
                         "seine", "seinen", "ihre", "ihren", "ihr"})


def _others_content(toks: list[Token], k: int, j: int) -> bool:
    """"Milinkevich disputed claims that Lukashenko enjoys support": a noun of others' statements (not "his claim")
    between the verb and the complementizer owns the clause."""
    noun = toks[j - 1] if j - 1 > k else None
    if noun is None or noun.lower_ not in CONTENT_NOUNS:
        return False
    return not any(t.lower_ in POSSESSIVES for t in toks[k + 1:j - 1])


def _gerund_of_clause_report(ctx: Context, v: Token, before: list[Token]) -> bool:
    """"X have said the U.S. does not …, adding that …": the gerund's report follows the main verb's clause, which
    the clause rule takes first (the complementizer rule would only see the gerund's)."""
    head = v.head
    return ctx.lang == "en" and v.tag_ == "VBG" and v.dep_ == "advcl" and head in before and \
        ctx.speech_event(head) and any(c.dep_ == "ccomp" and head.i < c.i < v.i for c in head.children)


VOICE = re.compile(r"\bpar la voix d[eu’']|\bthrough (?:its|their|his|her) spokes(?:man|woman|person)\b", re.IGNORECASE)


def voice_of(ctx: Context, after: list[Token]) -> Speaker | None:
    """"le Rwanda a répondu par la voix du lieutenant-colonel René Ngendahimana, porte-parole … : « … »": the
    named spokesperson speaks the words."""
    if not after:
        return None
    a, b = after[0].idx, after[-1].idx + len(after[-1].text)
    m = VOICE.search(ctx.text, a, b)
    p = ctx.person_in(m.end(), b) if m else None
    if p is None or p.canonical in ctx.org_names:
        return None
    return ctx.speaker_of(p)


def pour_source(ctx: Context, between: list[Token]) -> Speaker | None:
    """French "… confirme pour Mathilde Wattecamps que …": the person after "pour" holds the view."""
    if ctx.lang != "fr":
        return None
    for n, t in enumerate(between[:-1]):
        if t.lower_ == "pour":
            p = ctx.person_in(between[n + 1].idx, between[-1].idx + len(between[-1].text))
            if p is not None and p.canonical not in ctx.org_names:
                return ctx.speaker_of(p)
    return None


def _ind_ccomp(ctx: Context, toks: list[Token]) -> Candidate | None:
    if ctx.lang != "en":
        return None  # French "que" clauses are caught lexically; the French parser over-uses ccomp
    ids = {t.i for t in toks}
    for v in toks:
        if not v.dep_ or not ctx.speech_event(v) or _gapped_relative(v):
            continue
        for c in v.children:
            if c.dep_ == "ccomp" and c.i > v.i and c.left_edge.i > v.i and c.left_edge.i in ids and (
                    c.left_edge.i - v.i <= 3 or _adjuncts_only(v, c.left_edge.i)):
                body = [t for t in c.subtree if t.i in ids]
                spk = _subject(ctx, [t for t in toks if t.i <= v.i], v)
                return _cand(ctx, body, spk, ctx.cue_of(v))
            comma = c.right_edge.i if c.right_edge.text == "," else c.right_edge.i + 1
            if c.dep_ == "ccomp" and comma < v.i and c.left_edge.i in ids and \
                    ctx.token_list[comma].text == "," and v.i - comma <= 9:
                # "Twenty two civilians … died, Médecins Sans Frontières (MSF) reported, on Saturday …": the
                # clause before a comma and its reporter (longer subjects than an incise allows)
                body = [t for t in c.subtree if t.i in ids and t.i < comma]
                spk = _subject(ctx, [t for t in toks if comma < t.i <= v.i], v)
                if spk is None:
                    continue  # 'X, author of a book titled "…," says he …': a title's clause, the report after
                return _cand(ctx, body, spk, ctx.cue_of(v))
    return None


def _gapped_relative(v: Token) -> bool:
    """"some of the advantages he thinks will go to the government": the verb sits in a relative clause whose
    reported clause lacks its subject (the noun it describes), so nothing is reported."""
    if v.dep_ not in ("relcl", "acl:relcl"):
        return False
    return any(c.dep_ == "ccomp" and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
               for c in v.children)


def _adjuncts_only(v: Token, stop: int) -> bool:
    """Between the verb and its clause only the verb's own adjuncts: "said in the statement the group was …"."""
    allowed = {t.i for c in v.children if c.dep_ in ("prep", "npadvmod", "advmod") and c.i > v.i for t in c.subtree}
    return stop - v.i <= 10 and all(i in allowed for i in range(v.i + 1, stop))


def _ind_konjunktiv(ctx: Context, toks: list[Token]) -> Candidate | None:
    if not ctx.lex.konjunktiv:
        return None
    for k, v in enumerate(toks[:-2]):
        if not ctx.speech_event(v):
            continue
        comma = k + 1  # "schreibt etwa, er habe …", "Manche sagen nun, die Affäre habe …"
        while comma < min(k + 3, len(toks)) and (toks[comma].lower_ in GERMAN_ADVERBS or (
                toks[comma].lower_ == "es" and v.lower_ in ("heißt", "hieß"))):  # "Darin heißt es, …"
            comma += 1
        if comma < len(toks) and toks[comma].text != ",":
            # "erklärte am Mittwoch in Berlin, die Regierung werde …": the verb's adjuncts before the comma
            end = next((j for j in range(comma, min(k + 10, len(toks)))
                        if toks[j].is_punct and toks[j].text not in DOUBLE + SINGLE + "-"), None)
            if end is not None and toks[end].text == "," and not any(
                    t.lower_ in ctx.lex.konjunktiv or t.lower_ in ctx.lex.complementizers for t in toks[comma:end]):
                comma = end
        if comma < len(toks) and toks[comma].text == ",":
            window = toks[comma + 1:comma + 8]
            if any(t.lower_ in ctx.lex.konjunktiv for t in window) or _pronoun_konjunktiv(window):
                if v.lower_ in ("heißt", "hieß"):  # "es heißt": a document speaks, never a person subject
                    spk = _document_source(ctx, toks[:k])
                else:
                    spk = _subject(ctx, toks[:k + 1], v)
                return _cand(ctx, toks[comma + 1:], spk, ctx.cue_of(v))
    return None


THIRD_PERSON_DE = frozenset({"man", "er", "sie", "es"})
# words in -e that follow a pronoun without being its verb ("er gerne", "es schon")
NOT_VERBS_IN_E = frozenset({"gerne", "heute", "alle", "keine", "diese", "ohne", "schon"})


def _pronoun_konjunktiv(window: list[Token]) -> bool:
    """"sagte, man prüfe …": a third-person pronoun, then a finite verb in -e — Konjunktiv I of any verb
    (the indicative would end in -t), where the closed list of forms does not reach."""
    return len(window) >= 3 and window[0].lower_ in THIRD_PERSON_DE and window[1].text.islower() and \
        window[1].text.isalpha() and window[1].text.endswith("e") and len(window[1].text) > 3 and \
        window[1].lower_ not in GERMAN_ADVERBS and window[1].lower_ not in NOT_VERBS_IN_E


# unambiguous Konjunktiv I forms (no Konjunktiv II, no form that doubles as a common indicative)
KONJUNKTIV_I = frozenset({"sei", "seien", "habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe", "gebe",
                          "wisse", "gehe", "komme", "stehe", "liege", "gelte", "bleibe", "brauche"})


def _ind_dass_konjunktiv(ctx: Context, toks: list[Token]) -> Candidate | None:
    """German: a "dass" clause in Konjunktiv I reports its main clause's named subject, whatever the verb ("Fidel
    Castro definierte einst den Unterschied … so, dass er nicht die Fragen von Thomas beantworten müsse")."""
    if ctx.lang != "de":
        return None
    for k, t in enumerate(toks):
        if t.lower_ != "dass" or k < 3 or toks[k - 1].text != ",":
            continue
        end = next((j for j in range(k + 1, len(toks)) if toks[j].text in (".", "!", "?", ";")), len(toks))
        body = toks[k + 1:end]
        if not any(x.lower_ in KONJUNKTIV_I for x in body):
            continue
        colon = max((j + 1 for j in range(k - 1) if toks[j].text == ":"), default=0)  # "Der Grund: Die Polizei …"
        head = [x for x in toks[colon:k - 1] if not x.is_punct][:6]  # the subject comes first or after the verb
        if not head:
            return None
        if ctx.is_pronoun(head[0]):
            return _cand(ctx, body, pronoun_speaker(head[0]), "dass")
        p = ctx.person_in(head[0].idx, head[-1].idx + len(head[-1].text))
        if p is not None and ctx.is_subject(p):
            return _cand(ctx, body, ctx.speaker_of(p), "dass")
        if len(head) > 2 and head[0].lower_ in ("der", "die", "das") and head[1].text[:1].isupper() and \
                not ctx.has_pos:
            return _cand(ctx, body, ctx.name_or_desc(head[:2]), "dass")  # "Die Polizei geht davon aus, dass … sei"
        return None
    return None


DOCUMENT_NOUNS_DE = ("mail", "brief", "erklärung", "mitteilung", "bericht", "schreiben", "stellungnahme", "studie",
                     "nachricht", "botschaft", "statement", "papier", "dokument", "urteil", "begründung", "gutachten")
AUTHOR_PREPS_DE = {"von", "vom", "des", "der", "eines", "einer"}


def _document_source(ctx: Context, before: list[Token]) -> Speaker | None:
    """"In einer Erklärung der Polizei hieß es, …", "Darin heißt es, …" (the mail of a contact person in the
    sentence before): the document's author, else the document."""
    doc_toks = before
    if before and before[0].lower_ in ("darin", "dort", "hierin", "daraus"):  # the document of the sentence before
        a, _ = ctx.sentence_of(before[0].idx)
        doc_toks = ctx.tokens(ctx.sentence_of(a - 1)[0], a) if a > 0 else []
    for n in range(len(doc_toks) - 1, -1, -1):
        t = doc_toks[n]
        if not t.lower_.endswith(DOCUMENT_NOUNS_DE):
            continue
        rest = doc_toks[n + 1:]
        if rest and rest[0].lower_ in AUTHOR_PREPS_DE:
            author = rest[1:] if rest[0].lower_ in ("von", "vom") else rest
            region = ctx._np_region(author)
            if region:
                return ctx.name_or_desc(region)
        start = n - 1 if n > 0 and doc_toks[n - 1].lower_ in ctx.lex.determiners else n
        return ctx._describe(doc_toks[start:n + 1])
    return None


# Konjunktiv II doubles as the conditional ("Nun könnte es Neuwahlen geben"): alone it marks no reported speech
# (the modal ones; "hätten"/"wären" stand in for Konjunktiv I forms that look like the indicative)
KONJUNKTIV_II = {"würde", "würden", "könnte", "könnten", "müsste", "müssten", "sollte", "sollten", "dürften"}
GERMAN_ADVERBS = {"etwa", "nun", "auch", "noch", "dann", "zudem", "außerdem", "jedoch", "aber", "später", "damals",
                  "weiter", "ebenfalls", "bereits", "schon", "jetzt", "allerdings", "dazu", "nämlich"}
ANAPHORIC_SUBJECTS = {"de": {"dies", "das", "dieses"}}


RELATIVE_DE = {"der", "die", "das", "den", "dem", "deren", "dessen", "welche", "welcher", "welches", "dass"}


def _ind_trailing_konjunktiv(ctx: Context, tail: list[Token]) -> Candidate | None:
    """After a quote, a German clause in Konjunktiv I goes on with the quoted speaker's words: "… als „letzte
    Chance“ bezeichnet, die das Land sich nicht entgehen lassen dürfe." """
    if ctx.lang != "de":
        return None
    for k, t in enumerate(tail[:-3]):
        if t.text == "," and tail[k + 1].lower_ in RELATIVE_DE:
            body = tail[k + 1:]
            if any(x.lower_ in ctx.lex.konjunktiv and x.lower_ not in KONJUNKTIV_II for x in body):
                sp = _span_of(body, ctx)
                return Candidate(sp[0], sp[1], "indirect", None, None, inherit=True) if sp else None
            return None
    return None


def _ind_anaphoric(ctx: Context, toks: list[Token]) -> Candidate | None:
    """"Die drei Parteien haben … aufgehoben. Dies sagte Premierminister Petr Nečas": the sentence before is what
    the speaker said."""
    subjects = ANAPHORIC_SUBJECTS.get(ctx.lang)
    if not subjects or len(toks) < 3 or toks[0].lower_ not in subjects:
        return None
    words = [t for t in toks if not t.is_punct]
    if len(words) > 4 and words[1].lower_ in PASSIVE_DE and words[2].lower_ in AGENT_WORDS and \
            ctx.is_reporting(words[-1]):
        verb, spk = words[-1], ctx.speaker_after(words[3:-1])  # "Dies wurde von EIB-Präsident Philippe Maystadt
        # anlässlich der Unterzeichnung … bekräftigt."
    elif ctx.speech_event(toks[1]):
        verb, spk = toks[1], ctx.speaker_after(toks[2:])
    else:
        return None
    if spk is None:
        return None
    a, _ = ctx.sentence_of(toks[0].idx)
    if a == 0:
        return None
    pa, _ = ctx.sentence_of(a - 1)
    if ctx.paragraph_of(pa) != ctx.paragraph_of(a):
        return None
    prev = [t for t in ctx.tokens(pa, a) if not t.is_space]
    dash = next((j for j, t in enumerate(prev[:10]) if t.text in ("–", "—")), None)
    if dash is not None and any(t.like_num for t in prev[:dash]):
        prev = prev[dash + 1:]  # the dateline "Prag (Tschechien), 27.04.2012 –" is no part of what was said
    if len(prev) < 4 or any(t.text in ("?", "«", "»", "„", "“", "”", '"') for t in prev):
        return None  # a question, or a sentence holding a marked quote of its own
    return _cand(ctx, prev, spk, ctx.cue_of(verb))


WORTEN = {"worten", "angaben", "aussage", "aussagen", "darstellung", "einschätzung", "ansicht", "auffassung",
          "überzeugung", "meinung", "sicht"}
POSSESSIVE_DE = {"seinen": "er", "seiner": "er", "ihren": "sie", "ihrer": "sie"}


def _ind_nach_worten(ctx: Context, toks: list[Token]) -> Candidate | None:
    """German "nach Papandreous Worten", "nach seinen Worten", "nach eigenen Angaben", "Nach seiner Überzeugung",
    "seiner Ansicht nach": the clause holding the cue reports what that person said."""
    if ctx.lang != "de":
        return None
    for k in range(len(toks) - 3):
        if toks[k].lower_ in POSSESSIVE_DE and toks[k + 1].lower_ in WORTEN and toks[k + 2].lower_ == "nach":
            toks = [*toks[:k], toks[k + 2], toks[k], toks[k + 1], *toks[k + 3:]]  # "seiner Ansicht nach": the cue
            # read in the order of "nach seiner Ansicht" (the span is taken from the first to the last token)
        if toks[k].lower_ != "nach" or toks[k + 2].lower_ not in WORTEN:
            continue
        who = toks[k + 1]
        if who.lower_ in POSSESSIVE_DE:
            spk: Speaker | None = Speaker("pronoun", POSSESSIVE_DE[who.lower_], who.idx, who.idx + len(who.text), None)
        elif who.lower_ in ("eigenen", "eigener"):  # the clause's subject: its first pronoun or person
            pron = next((t for t in toks[:k] if ctx.is_pronoun(t)), None)
            p = ctx.person_in(toks[0].idx, toks[k].idx) if pron is None else None
            spk = pronoun_speaker(pron) if pron is not None else (
                ctx.speaker_of(p) if p is not None else None)
        elif who.text[:1].isupper() and who.text.endswith("s") and len(who.text) > 3:
            p = ctx.person_in(who.idx, who.idx + len(who.text))
            if p is None:
                continue
            name = ctx.canonical_name(who.text[:-1])
            spk = Speaker("name", who.text[:-1], who.idx, who.idx + len(who.text) - 1, name)
        else:
            continue
        if spk is None:
            continue
        start = max((j + 1 for j in range(k) if toks[j].text in (",", ";", ":")), default=0)
        end = next((j for j in range(k + 3, len(toks)) if toks[j].text in (";", ":")), len(toks))
        cue_at = {toks[k].i, toks[k + 1].i, toks[k + 2].i}
        body = sorted((t for t in toks[start:end] if t.i not in cue_at), key=lambda t: t.i)
        if who.lower_ in ("eigenen", "eigener") and not any(t.lower_ in ctx.lex.konjunktiv for t in body):
            continue  # "nach eigenen Angaben" before a plain statement of fact is not reported speech
        if k <= 2 and start == 0:
            body = [t for t in body if t.i > max(cue_at)]  # "Doch seiner Ansicht nach trägt …": after the view
        return _cand(ctx, body, spk, "nach " + toks[k + 2].lower_)
    return None


# hopes and fears report a clause ("espère que …", "hofft, dass …") but not an infinitive ("il souhaite
# reprendre la procédure", "hofft, … zu gewinnen"): that is what they want, not what they say
WISHES = frozenset({"souhaiter", "souhaite", "souhaitent", "souhaitait", "espérer", "espère", "espèrent", "espérait",
                    "redouter", "redoute", "redoutent", "craindre", "craint", "craignent", "hofft", "hoffte", "hoffen",
                    "erwartet", "erwartete", "befürchtet", "befürchtete", "fürchtet", "fürchtete"})


def _ind_infinitive(ctx: Context, toks: list[Token], shared: Speaker | None = None) -> Candidate | None:
    """German infinitive reports: "Relotius gesteht, … erfunden zu haben", "hatte angekündigt, … zu verhandeln";
    ``shared`` speaks for a coordinated verb without a subject of its own ("…, und forderte die EU auf, …")."""
    if ctx.lang != "de":
        return None
    for k, v in enumerate(toks[:-3]):
        # the comma is optional in older spelling: "Ude hatte angekündigt es wieder … zu versuchen"; a separable
        # verb's particle may stand before it: "kündigte an, die Steuern … zu senken"
        # "warf der Regierung vor, …": the particle after the verb's object
        m = next((m for m in range(k + 1, min(k + 8, len(toks) - 1)) if (toks[m].lower_ in SEPARABLE_PARTICLES or
                                                                        toks[m].lower_ in PRONOMINAL_ADVERBS)
                  and toks[m + 1].text == "," and not any(t.is_punct for t in toks[k + 1:m])), None)
        if m is None and ctx.is_reporting(v):  # "appellierten an die Beteiligten, … zu sorgen": its object first
            m = next((m - 1 for m in range(k + 2, min(k + 8, len(toks) - 1)) if toks[m].text == "," and
                      not any(t.is_punct for t in toks[k + 1:m])), None)
        particle = m is not None
        if not (ctx.speech_event(v) and (toks[k + 1].text == "," or particle or _clause_final(toks, k))) or \
                v.lower_ in WISHES:
            continue
        if any(t.lower_ in PASSIVE_DE for t in toks[max(0, k - 4):k]):
            continue  # "Den Personen wird vorgeworfen, … zu haben": an agentless passive names no speaker
        skip = m - k + 1 if m is not None else 1 if toks[k + 1].text == "," else 0
        for j in range(k + 2 + skip, min(len(toks), k + 30)):
            t = toks[j]
            if t.text in (".", ";", ":", "!", "?") or (t.text == "," and toks[j - 1].lower_ != "zu"):
                if toks[j - 2].lower_ == "zu" or "zu" in toks[j - 1].lower_[2:-3]:
                    break
                if t.text != ",":
                    return None
            infix = "zu" in t.lower_[2:-3] and t.lower_.endswith("n")  # "einzutreten", "anzukündigen"
            if (toks[j - 1].lower_ == "zu" or infix) and t.text[:1].islower() and t.text.isalpha() and (
                    j + 1 == len(toks) or toks[j + 1].is_punct):
                spk = _subject(ctx, toks[:k + 1], v) or shared
                return _cand(ctx, toks[k + 1 + skip:j + 1], spk, ctx.cue_of(v))
        return None
    return None


PASSIVE_DE = frozenset({"wird", "werden", "wurde", "wurden", "worden"})
# "warnte er davor, … zu zeigen": the adverb that announces the infinitive clause
PRONOMINAL_ADVERBS = frozenset({"davor", "darauf", "dazu", "daran", "dafür", "dagegen", "darum"})
SEPARABLE_PARTICLES = frozenset({"an", "mit", "ein", "zu", "hinzu", "bekannt", "fest", "vor", "hin", "klar", "auf"})


def _clause_final(toks: list[Token], k: int) -> bool:
    """A participle closing its clause after an auxiliary: "hatte angekündigt" / "hat erklärt"."""
    return k > 0 and toks[k].lower_.startswith(("ge", "an", "mit", "er", "be", "ver", "zu")) and \
        any(t.lower_ in ("hat", "hatte", "haben", "hatten") for t in toks[max(0, k - 4):k])


def _ind_gerund(ctx: Context, toks: list[Token]) -> Candidate | None:
    """English report + gerund: "West Midlands Police reported recovering six boxes …", "he denied taking …"."""
    if ctx.lang != "en" or not ctx.has_dep:
        return None
    ids = {t.i for t in toks}
    for v in toks:
        if not ctx.speech_event(v):
            continue
        for c in v.children:
            if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG" and 0 < c.i - v.i <= 2 and c.left_edge.i > v.i:
                body = [t for t in c.subtree if t.i in ids]
                spk = _subject(ctx, [t for t in toks if t.i <= v.i], v)
                return _cand(ctx, body, spk, ctx.cue_of(v))
        return None
    return None


def _ind_infinitive_fr(ctx: Context, toks: list[Token]) -> Candidate | None:
    """French claim + infinitive: "plus de 2500 chercheurs annoncent faire acte de candidature …", "il affirme
    avoir vu …" — the infinitive clause right after the reporting verb is what they say."""
    if ctx.lang != "fr" or not ctx.has_pos:
        return None
    for k, v in enumerate(toks[:-3]):
        if not ctx.speech_event(v) or v.lower_ in WISHES or v.lemma_ in WISHES:
            continue
        j = k + 1
        while j < len(toks) and toks[j].pos_ == "ADV" and j - k <= 2:
            j += 1
        j = _past_aside(ctx, toks, j)  # "a annoncé de son côté cesser …"
        j = _past_addressee_fr(ctx, toks, j)  # "a déclaré à l'AFP avoir vu …"
        if v.lower_ in SE_DIRE and reflexive_before(toks, k) and j < len(toks) and toks[j].pos_ in ("ADJ", "VERB"):
            spk = _subject(ctx, toks[:k + 1], v)  # "il s’est dit désireux de …", "se disent prêts à …"
            return _cand(ctx, toks[j:], spk, ctx.cue_of(v)) if spk is not None else None
        if v.pos_ != "VERB" and not (v.pos_ == "AUX" and "Part" in v.morph.get("VerbForm")):
            continue  # the tagger calls "affirmant" (in "en affirmant avoir été trompés") an auxiliary
        if j < len(toks) and toks[j].text == ",":  # "annonce, via un communiqué publié sur …, avoir pris …"
            close = next((n for n in range(j + 1, min(len(toks), j + 16)) if toks[n].text == ","), None)
            j = close + 1 if close is not None else j
        while j < len(toks) - 1 and toks[j].lower_ in OBJECT_CLITICS and toks[j].pos_ in ("PRON", "DET"):
            j += 1  # "indiquant les avoir arrêtées"
        if j < len(toks) and "Inf" in toks[j].morph.get("VerbForm") and toks[j].pos_ in ("VERB", "AUX"):
            spk = _subject(ctx, toks[:k + 1], v)
            if spk is None or (spk.kind == "pronoun" and spk.text.lower() in FIRST_PERSON):
                return None
            return _cand(ctx, toks[j:], spk, ctx.cue_of(v))
        # "ont reconnu leur responsabilité …, indiquant les avoir arrêtées": a later verb may report
    return None


def _past_addressee_fr(ctx: Context, toks: list[Token], j: int) -> int:
    """Past whom the words are said to, when an infinitive follows: "a déclaré à l'AFP avoir vu …", "a affirmé à un
    Gilet jaune avoir un salaire de …" (a short "à" phrase of determiners, nouns and adjectives)."""
    stop = _addressee_end(ctx, toks, j)
    if stop is None or stop == j + 1 or not ("Inf" in toks[stop].morph.get("VerbForm") and
                                             toks[stop].pos_ in ("VERB", "AUX")) or \
            any(t.pos_ not in ("DET", "NOUN", "PROPN", "ADJ") for t in toks[j + 1:stop]):
        return j
    return stop


# English commitments and requests with an infinitive: "pledged to help families …", "vowed not to recognize …",
# "urged his allies to stay united …", "told demonstrators to go home"
PLEDGE_EN = frozenset({"pledge", "vow", "promise", "threaten", "swear"})
REQUEST_EN = frozenset({"urge", "tell", "call", "appeal", "encourage", "press", "warn", "order"})  # (not "ask": a
# request to a court or a person is annotated as a report by some and not others — "asked the chief justice to …")
REQUEST_OBJECT_WORDS = 8  # at most this many words name whom the request is made to


def _ind_infinitive_en(ctx: Context, toks: list[Token]) -> Candidate | None:
    """The infinitive clause after a verb of pledging (right after it) or of requesting (after its object) is what
    the subject says; the quote starts at "to" ("not to")."""
    if ctx.lang != "en" or not ctx.has_pos:
        return None
    for k, v in enumerate(toks[:-2]):
        lemma = v.lemma_.lower()
        progressive = v.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in v.children)
        if v.pos_ != "VERB" or "Inf" in v.morph.get("VerbForm") or v.tag_ == "VB" or \
                (v.tag_ == "VBG" and not progressive) or (lemma not in PLEDGE_EN and lemma not in REQUEST_EN):
            continue  # ("is urging Congress to vote …" reports; a bare gerund does not here)
        reach = 2 if lemma in PLEDGE_EN else REQUEST_OBJECT_WORDS + 2
        for j in range(k + 1, min(len(toks) - 1, k + 1 + reach)):
            t = toks[j]
            if (t.is_punct and t.text not in ("-", "’s", "'s")) or (j > k + 1 and t.pos_ == "VERB" and t.tag_ != "VB"):
                break  # (not "his centre-right allies")
            start = j - 1 if j > k + 1 and toks[j - 1].lower_ == "not" else j
            if t.lower_ == "to" and toks[j + 1].tag_ == "VB" and (lemma in PLEDGE_EN or j > k + 1):
                if lemma == "call" and toks[k + 1].lower_ not in ("on", "upon"):
                    break
                spk = _subject(ctx, toks[:k + 1], v)
                return _cand(ctx, toks[start:], spk, ctx.cue_of(v)) if spk is not None else None
    return None


OBJECT_CLITICS = frozenset({"le", "la", "les", "l’", "l'", "lui", "leur", "y", "en", "se", "s’", "s'", "me", "m’",
                            "m'", "nous", "vous"})
SE_DIRE = frozenset({"dit", "dite", "dits", "dites", "disait", "disaient", "disent"})


def reflexive_before(toks: list[Token], k: int) -> bool:
    """"s’est dit", "se sont dits", "se disent": a reflexive pronoun before the verb and its auxiliary."""
    back = [t.lower_ for t in toks[max(0, k - 3):k]]
    while back and back[-1] in ("est", "sont", "était", "étaient", "a", "ont", "avait"):
        back.pop()
    return bool(back) and back[-1] in REFLEXIVES


# "s'est engagé à défendre les migrants": only reflexive ("a engagé des discussions afin de …" commits to nothing)
ENGAGE_FR = frozenset({"engage", "engagé", "engagée", "engagés", "engagées", "engagent", "engageait", "engageant"})
ACCUSE = {"en": frozenset({"accuse", "accused", "accuses", "accusing"}),
          "fr": frozenset({"accuse", "accusé", "accusée", "accusés", "accusent", "accusait", "accusaient",
                           # advice and requests report the same way: "recommandent à leurs citoyens de rester chez eux"
                           "recommande", "recommandé", "recommandent", "conseille", "conseillé", "conseillent",
                           "demande", "demandé", "demandent", "exhorte", "exhorté", "exhortent",
                           # so do recommendations and threats: "a préconisé d'annuler …", "menace d'utiliser …"
                           # (not "proposer de", an offer as often as a statement: "lui a proposé de travailler …")
                           "préconise", "préconisé", "préconisent", "menace", "menacé", "menacent", "suggère",
                           "suggéré", "suggèrent", "recommandait", "recommandaient", "demandait", "demandaient",
                           # and appeals: "Les autorités locales appellent les habitants à faire don de leur sang"
                           "appelle", "appellent", "appelé", "appelait", "appelaient", "exhortait",
                           # promises: "a promis de renégocier l'Aléna"; and their gerunds: "en exhortant les
                           # parlementaires à faire preuve de détermination"
                           "promet", "promettent", "promis", "promettait", "promettaient", "promettant", "exhortant",
                           "jure", "juré", "jurent", "jurait",  # and oaths: "a juré de rendre justice aux martyrs"
                           "appelant", "demandant", "menaçant", "recommandant", *ENGAGE_FR,
                           # invitations and orders: "invite donc les usagers … à utiliser …", "l’a invité à inclure …"
                           "invite", "invité", "invitent", "invitait", "invitaient", "ordonne", "ordonné",
                           "ordonnent", "ordonnait"})}
ACCUSED_FIRST = frozenset({"accuse", "accused", "accuses", "accusing", "accusé", "accusée", "accusés", "accusent",
                           "accusait", "accusaient"})  # these name the accused before "of/de"
# (French "a" before an infinitive is "à" mistyped: "appelle le Burundi a renouer avec …")
ACCUSE_LINK = {"en": frozenset({"of"}), "fr": frozenset({"de", "d’", "d'", "à", "a"})}
ACCUSED_WORDS = 20  # at most this many tokens name the accused between the verb and "of"/"de"
BEFORE_INFINITIVE_FR = frozenset({"ne", "n’", "n'", "pas", "plus", "jamais", "se", "s’", "s'", "le", "la", "les",
                                  "l’", "l'", "lui", "leur", "y", "en"})


def _ind_accusation(ctx: Context, toks: list[Token], verbs_among: list[Token] | None = None) -> Candidate | None:
    """"X has accused hardliners … of attempting to provoke …", "Les démocrates ont accusé le président de politiser
    …": what the accuser says the accused did — the gerund or infinitive clause (the verb one of `verbs_among`)."""
    verbs, links = ACCUSE.get(ctx.lang), ACCUSE_LINK.get(ctx.lang)
    if verbs is None or links is None or not ctx.has_pos:
        return None
    allowed = {t.i for t in verbs_among} if verbs_among is not None else None
    for k, v in enumerate(toks):
        if v.lower_ not in verbs or v.pos_ != "VERB" or "Inf" in v.morph.get("VerbForm") or (
                allowed is not None and v.i not in allowed):
            continue  # a finite or perfect "accused", not "to accuse" nor "the accused"
        if v.lower_ in ENGAGE_FR and not reflexive_before(toks, k):
            continue
        for j in range(k + 1, min(len(toks) - 1, k + ACCUSED_WORDS + 2)):
            nxt = toks[j + 1]
            m = j + 1
            while ctx.lang == "fr" and m < len(toks) - 1 and m - j <= 3 and toks[m].lower_ in BEFORE_INFINITIVE_FR:
                m += 1  # "de ne plus se battre": negation and clitics before the infinitive
            act = nxt.tag_ == "VBG" if ctx.lang == "en" else "Inf" in toks[m].morph.get("VerbForm")
            if toks[j].lower_ in links and act and (j > k + 1 or v.lower_ not in ACCUSED_FIRST):
                ids = {t.i for t in toks}
                head = nxt if ctx.lang == "en" else toks[m]
                if ctx.has_dep and head.dep_.startswith("aux") and head.head.i > head.i:
                    head = head.head  # "d’avoir augmenté …": the participle heads the clause, not its auxiliary
                body = [t for t in head.subtree if t.i in ids and t.i >= nxt.i] if ctx.has_dep else toks[j + 1:]
                agent = toks[k + 1:j]  # "accusée par Nicolas Sarkozy de prendre …": the passive's agent accuses
                spk = ctx.speaker_after(agent[1:]) if agent and agent[0].lower_ in AGENT_WORDS else None
                return _cand(ctx, body, spk or _subject(ctx, toks[:k + 1], v), ctx.cue_of(v))
            if toks[j].text in (".", ";", ":") or (ctx.has_pos and toks[j].pos_ == "VERB" and
                                                   "Part" not in toks[j].morph.get("VerbForm")):
                break  # (not "appelle la présidente élue de la Commission, …, à façonner …")
    return None


# French verbs whose noun-phrase object is itself what was said ("a réitéré la prédisposition de la BEI pour …", "a
# insisté sur la nécessité d’accélérer …", "a fait part de sa tristesse de perdre …"): lemma -> the preposition before
# the object ("" for a direct object). A short object names a topic, not a content.
NOUN_REPORTS_FR = {"réitérer": "", "insister": "sur"}  # (not "annoncer", "réclamer", "dénoncer": their objects
# are as often topics or events — "a annoncé sa candidature ce soir", "dénonce le virage libéral du pouvoir")
NOUN_REPORT_PHRASES_FR = {("fait", "part", "de"), ("faire", "part", "de"), ("fera", "part", "de")}
NOUN_REPORT_WORDS = 4  # at least this many words in the object
NOUN_REPORT_END = frozenset({".", ";", ":", "!", "?"})


def _ind_noun_object_fr(ctx: Context, toks: list[Token]) -> Candidate | None:
    """French report whose object is a noun phrase stating the content: the object (after its preposition) up to the
    end of the clause, said by the verb's subject."""
    if ctx.lang != "fr" or not ctx.has_pos or not ctx.has_dep:
        return None
    for k, v in enumerate(toks[:-NOUN_REPORT_WORDS]):
        if v.pos_ != "VERB" or "Inf" in v.morph.get("VerbForm") or "Ger" in v.morph.get("VerbForm"):
            continue
        phrase = tuple(t.lower_ for t in toks[k:k + 3]) in NOUN_REPORT_PHRASES_FR
        prep = "" if phrase else NOUN_REPORTS_FR.get(v.lemma_.lower())  # (the phrase holds its "de")
        if prep is None:
            continue
        j = k + (3 if phrase else 1)
        while j < len(toks) and (toks[j].pos_ == "ADV" or (toks[j].dep_ == "obl:mod" and toks[j].head.i == v.i)):
            j += 1  # "a réitéré hier la …", "a également insisté sur …"
        if prep and (j >= len(toks) or toks[j].lower_ != prep):
            continue
        j += 1 if prep else 0
        if j >= len(toks) or toks[j].pos_ not in ("DET", "NOUN", "NUM", "ADJ", "ADV", "PROPN") or \
                toks[j].lower_ in ctx.lex.complementizers:
            continue
        end = next((n for n in range(j, len(toks)) if toks[n].text in NOUN_REPORT_END), len(toks))
        body = toks[j:end]
        if len([t for t in body if not t.is_punct]) < NOUN_REPORT_WORDS or any(ctx.speech_event(t) for t in body):
            continue
        spk = _subject(ctx, toks[:k + 1], v)
        if spk is None:
            continue
        return _cand(ctx, body, spk, ctx.cue_of(v))
    return None


OPENERS = frozenset({"que", "qu’", "qu'", "dont", "qui", "lorsque", "quand", "that", "who", "which", "while", "whom",
                     "whose", "when"})


def _subject_with_relative(ctx: Context, before: list[Token]) -> bool:
    """The words before a comma are a noun phrase and a relative clause about it, set off by commas ("Son frère Raúl
    Castro, qui lui a succédé au pouvoir"): no quote, the subject of the verb after the comma."""
    if not ctx.has_pos:
        return False
    comma = max((n for n, t in enumerate(before) if t.text == ","), default=None)
    if comma is None or comma + 1 >= len(before) or before[comma + 1].lower_ not in ("qui", "dont", "who", "which"):
        return False
    head = before[:comma]
    return bool(head) and not any(ctx.is_finite_verb(t) for t in head)


def _open_subordinate(ctx: Context, before: list[Token]) -> bool:
    """The words before a comma end inside a subordinate or relative clause still waiting for its verb ("…, tandis
    que la maire de Boston, Michelle Wu"): the verb after the comma is that clause's, not an incise."""
    if not ctx.has_pos:
        return False
    opener = max((n for n, t in enumerate(before) if t.lower_ in OPENERS), default=None)
    if opener is not None and before[opener].lower_ == "dont" and opener + 1 < len(before) and (
            before[opener + 1].like_num or before[opener + 1].lower_ in COUNTING_WORDS_FR):
        return False  # "au moins dix personnes ont été blessées dont trois parmi les forces de l'ordre": "including"
    return opener is not None and not any(t.pos_ in ("VERB", "AUX") for t in before[opener + 1:])


COUNTING_WORDS_FR = frozenset({"plusieurs", "certains", "certaines", "beaucoup", "quelques", "une", "un", "deux"})


def _past_apposed_name(ctx: Context, toks: list[Token], comma: int) -> int:
    """Index of the comma that closes a name apposed at toks[comma] (", Lorenz Caffier (CDU),"), else `comma`."""
    run = ctx._leading_name(toks[comma + 1:])
    p = ctx.person_starting(toks[comma + 1].idx) if comma + 1 < len(toks) else None
    if p is not None and p.canonical not in ctx.org_names:  # the whole mention ("Nicolas Colombant", a part of
        run = [t for t in toks[comma + 1:] if t.idx < p.end]  # it tagged as an adjective)
    end = comma + 1 + len(run)
    if not run or (ctx.person_in(run[0].idx, run[-1].idx + len(run[-1].text)) is None and ctx.lang != "de"):
        return comma
    if end < len(toks) and toks[end].text == "(":  # a party or an age in brackets
        close = next((j for j in range(end, min(end + 6, len(toks))) if toks[j].text == ")"), None)
        end = close + 1 if close is not None else end
    closes = end < len(toks) and (toks[end].text == "," or (toks[end].text in (".", "!", "?") and end + 1 >= len(toks)))
    return end if closes else comma  # (or the full stop: "…, rapporte l'envoyé spécial de la VOA, Nicolas Colombant.")


def _incise_verb(ctx: Context, toks: list[Token], k: int) -> bool:
    """toks[k] follows a comma with only auxiliaries or clitics between: ", a dit", ", a-t-il ajouté"."""
    j = k - 1
    while j >= 0 and (toks[j].lower_ in ctx.lex.auxiliaries or CLITIC.match(toks[j].text)):
        j -= 1
    return j >= 1 and toks[j].text in (",", "–", "—")


def _reporting_gerund(ctx: Context, toks: list[Token], e: int) -> bool:
    """French "en soulignant", "tout en ajoutant" at toks[e]: a gerund that reports."""
    if ctx.lang != "fr" or toks[e].lower_ not in GERUND_MARKERS:
        return False
    v = next((t for t in toks[e + 1:e + 3] if t.lower_ not in GERUND_MARKERS), None)
    return v is not None and ctx.is_reporting(v) and "Part" in v.morph.get("VerbForm")


def _gerund_continuation(ctx: Context, toks: list[Token], cand: Candidate) -> Candidate | None:
    """"…, a dit M. Bush en soulignant que …", "said X, adding that …": after an incise or a reported clause, a
    reporting gerund's clause is a second report."""
    rest = [t for t in toks if t.idx >= cand.end]
    for e in range(len(rest) - 3):
        if _reporting_gerund(ctx, rest, e) or (ctx.lang == "en" and rest[e].text == "," and  # "…, adding that"
                                               rest[e + 1].tag_ == "VBG" and ctx.is_reporting(rest[e + 1])):
            v = next(t for t in rest[e + 1:e + 3] if t.lower_ not in GERUND_MARKERS)
            k = rest.index(v)
            start = k + 2 if k + 1 < len(rest) and rest[k + 1].lower_ in ctx.lex.complementizers else k + 1
            return _cand(ctx, rest[start:], cand.speaker, ctx.cue_of(v))
    return None


def _auxiliary(ctx: Context, t: Token) -> bool:
    """An auxiliary of the incise's verb, or French "faire" before its infinitive ("…, fait remarquer X")."""
    return t.lower_ in ctx.lex.auxiliaries or (ctx.lang == "fr" and t.lower_ in FAIRE_FORMS)


def _prepositional_opening(ctx: Context, body: list[Token]) -> bool:
    """"Après son arrestation Laurent Gbagbo … ont été conduits …": a word that also opens time clauses ("après
    que", "après avoir") used as a preposition before a noun phrase — the sentence is no time clause."""
    if len(body) < 2 or body[0].lower_ not in PREPOSITIONAL_SUBORDINATORS or not ctx.has_pos:
        return False
    return body[0].pos_ == "ADP" and body[1].pos_ in ("DET", "NOUN", "PROPN", "NUM")


PREPOSITIONAL_SUBORDINATORS = frozenset({"après", "avant", "dès", "after", "before"})
LONG_INCISE_TOKENS = 24  # ", a expliqué un porte-parole des forces pro-Ouattara au service français de la VOA."


def _long_inverted_subject_end(ctx: Context, toks: list[Token], start: int, stop: int) -> int:
    """Where an inverted subject (a source noun or a person) and its adjuncts end (the next punctuation), when the
    words run past the usual incise length without a finite verb or a conjunction ("…, a expliqué un porte-parole
    des forces pro-Ouattara au service français de la Voix de l'Amérique."); else `stop` (no incise)."""
    head = next((t for t in toks[start:start + 3] if t.pos_ != "DET"), None)
    if head is None or not (ctx.is_source_noun(head) or ctx.person_starting(head.idx) is not None):
        return stop  # "…, annonce le 28 juillet la rupture de ses liens": an object, not a source
    for e in range(start, min(len(toks), start + LONG_INCISE_TOKENS)):
        t = toks[e]
        if t.text in (",", ".", "!", "?", ";", "–", "—"):
            return e
        if ctx.is_finite_verb(t) or t.lower_ in ctx.lex.complementizers or t.pos_ in ("SCONJ", "CCONJ", "PRON"):
            return stop
    return stop


def _ind_incise(ctx: Context, toks: list[Token]) -> Candidate | None:
    """', a-t-il noté,' / ', sagt de Decker.' / ', he said.' / ', glauben Kritiker,' inside unmarked speech."""
    for k, v in enumerate(toks):
        if k < 3 or not ctx.speech_event(v):
            continue
        j = k - 1
        pre: list[Token] = []
        while j >= 0 and toks[j].text not in (",", "–", "—") and len(pre) < 4:
            pre.insert(0, toks[j])
            j -= 1
        if j < 2 or toks[j].text not in (",", "–", "—"):
            continue
        so_incise = ctx.lang == "de" and [x.lower_ for x in pre] == ["so"]  # "Der Täter, so sagte Fania, habe …"
        if ctx.lang == "de" and len(pre) > 1 and pre[0].lower_ in ("das", "dies"):
            pre = pre[1:]  # "…, das hatte er schon mitgeteilt, könne er …": the object pronoun stands for the words
        if not so_incise and any(not (_auxiliary(ctx, x) or CLITIC.match(x.text) or ctx.is_pronoun(x)
                                      or x.text[:1].isupper() or x.lower_ in ctx.lex.particles or
                                      (ctx.lang == "de" and x.lower_ in GERMAN_ADVERBS)) for x in pre):
            continue
        e, limit = k + 1, k + 12
        while e < len(toks) and toks[e].text not in (",", ".", "!", "?", ";", "–", "—") and e <= limit and \
                not _reporting_gerund(ctx, toks, e):
            e += 1
            if e < len(toks) and toks[e].text == "," and (closing := _past_apposed_name(ctx, toks, e)) > e:
                limit += closing + 1 - e  # ", sagte der Vorsitzende …, Lorenz Caffier (CDU), am Mittwoch in Rostock."
                e = closing + 1
        if e > limit and ctx.lang == "fr":
            e = _long_inverted_subject_end(ctx, toks, k + 1, e)
        gerund = e < len(toks) and _reporting_gerund(ctx, toks, e)
        if e < len(toks) and toks[e].text not in (",", ".", "!", "?", ";", "–", "—") and not gerund:
            continue
        if _open_subordinate(ctx, toks[:j]):
            continue  # "…, tandis que la maire de Boston, Michelle Wu, a annoncé l’urgence": that clause's own verb
        if _subject_with_relative(ctx, toks[:j]):
            continue  # "Son frère Raúl Castro, qui lui a succédé au pouvoir, a annoncé son décès": the main verb
        if so_incise:
            spk = ctx.speaker_after(toks[k + 1:e])
        elif pre and any(not (_auxiliary(ctx, x) or CLITIC.match(x.text)) for x in pre):
            if e - k - 1 > 4:
                continue  # ", Éric Chauvier souligne la concomitance …" is a main clause, not an incise
            spk = ctx.speaker_before(pre, v)
        elif any(CLITIC.match(x.text) for x in pre) and e - k - 1 > 4:
            continue
        else:
            clit = [x for x in pre if CLITIC.match(x.text) and x.lower_ != "-t"]
            spk = ctx.speaker_after(clit or toks[k + 1:e])
        trailing = e >= len(toks) - 1 or toks[e].text in (".", "!", "?") or gerund
        body = toks[:j] if trailing else toks
        if trailing and _verbless_tokens(ctx, body):
            continue  # "Benjamin Cauchy, Gilet jaune libre à Toulouse, dénonce une opération …": the subject and
            # its apposition, no words reported before an incise
        if body and body[0].lower_ in SUBORDINATORS and not _prepositional_opening(ctx, body):
            return None  # "Während Seehofer wartete, antwortete er …": a time clause, not what was said
        if len(body) > 3 and body[0].lower_ in TRAILING_ADVERBS and body[1].text == ",":
            body = body[2:]  # "Toutefois, les textes … impliquent …, fait remarquer X": the writer's link
        return _cand(ctx, body, spk, ctx.cue_of(v))
    return None
