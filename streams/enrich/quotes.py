"""Quotations with speakers (fr, en, de): direct quotes in any mark convention and indirect reported speech.

Pipeline per article, on the given doc only (no extra spaCy pass): find quoted spans (``quote_marks``), drop titles
and scare quotes (short non-clauses with no attribution next to them), attribute each quote from the words after it
(", a déclaré X", ", he said"), before it ("X a déclaré que", "X : «"), inside it ("– observe-t-il"), or from the
previous quote (split quotes, continuation paragraphs); then add unmarked reported speech ("selon X", "said that",
incises, German Konjunktiv). Pronoun speakers resolve to the latest person or speaker before them.
"""

from __future__ import annotations

import logging
import re

from spacy.tokens import Doc, Token

from streams.models import Quote

from .attribution import (
    BULLETS,
    CLITIC,
    HOST_LINKS,
    OPENING_TITLE_MARKS,
    PREPOSITIONS_DE,
    REFLEXIVES,
    SUBORDINATORS_DE,
    Context,
    Speaker,
    pronoun_speaker,
)
from .candidates import FIRST_PERSON_WORD, WORD, Candidate
from .quote_marks import DOUBLE, SINGLE, SPACES, MarkedSpan, find_quote_spans_nested
from .speakers import STATEMENT_NOUNS, resolve_speakers

log = logging.getLogger(__name__)

SHORT_WORDS = 5  # a quoted non-clause of at most this many words needs an adjacent attribution to be a quote
NOMINAL_WORDS = 7  # a quoted noun phrase after a determiner up to this length is a name or scare quote
NOMINAL_DETERMINERS = {
    "fr": frozenset({"le", "la", "les", "l’", "l'", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette", "ces",
                     "son", "sa", "ses", "leur", "leurs", "notre", "nos"}),
    "en": frozenset({"the", "a", "an", "this", "these", "its", "their", "his", "her", "our"}),
    "de": frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
                     "dieser", "diese", "dieses", "seine", "seinen", "ihre", "ihren"}),
}
FIRST_PERSON = {"i", "je", "j’", "j'", "ich", "we", "nous", "wir", "on"}


def extract_quotes(doc: Doc, lang: str, people: list[tuple[str, int, int]] | None = None,
                   orgs: list[tuple[str, int, int]] | None = None, text: str | None = None) -> list[Quote]:
    """Direct and indirect quotations of ``doc.text`` with canonical speakers; never raises.

    ``people`` and ``orgs`` are (canonical, start, end) mentions from the entity stage: a speaker that overlaps one
    takes its canonical name; pronouns resolve to people only.
    """
    try:
        return _extract(doc, lang, people, orgs, text)
    except Exception:  # a quote bug must not kill the article: log it and degrade to no quotes
        log.exception("quote extraction failed")
        return []


def _extract(doc: Doc, lang: str, people: list[tuple[str, int, int]] | None,
             orgs: list[tuple[str, int, int]] | None = None, text: str | None = None) -> list[Quote]:
    text = text if text is not None else doc.text
    if not text or not text.strip():
        return []
    ctx = Context(doc, lang, people, orgs, text)
    spans, nested = find_quote_spans_nested(text)
    ctx.build_structure(spans)
    kept = [s for i, s in enumerate(spans) if _is_quotation(ctx, s, spans, i)]
    ctx.build_structure(kept)
    cands = _direct(ctx, kept)
    covered = [(s.open_at, s.close_at if s.close_at is not None else s.end) for s in kept]
    marked = [(s.open_at, s.close_at if s.close_at is not None else s.end) for s in spans]
    cands += _indirect(ctx, covered, marked)
    cands += _credited_paragraphs(ctx, marked)
    cands.sort(key=lambda c: c.start)
    quotes = resolve_speakers(ctx, _mixed_reports(ctx, cands))
    quotes += _nested(ctx, nested, quotes)
    quotes += _rescued(ctx, [s for s in spans if s not in kept], quotes)
    quotes.sort(key=lambda q: q.start)
    return _without_repeats(quotes)


def _mixed_reports(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """A report whose clause the speaker's own words complete is one mixed quote: 'Kiir said he expects the warring
    sides “to reach a peaceful solution …”' — the marked words (lower-case, attributed by nothing outside the report)
    join the indirect quote before them."""
    out: list[Candidate] = []
    for c in cands:
        last = out[-1] if out else None
        own = c.cue is None and c.speaker is None  # or found inside the report: "he expects … “…”"
        inner = c.speaker is not None and last is not None and last.start <= c.speaker.start < last.end and \
            len(_words(ctx.text[c.start:c.end])) > SHORT_WORDS  # not a term the report names ("as a “witch hunt”")
        same = c.speaker is not None and last is not None and last.speaker is not None and \
            c.speaker.start == last.speaker.start and "," not in ctx.text[last.start:last.end]
        # 'X says the rejection … is "offensive and unacceptable …"' (not '…, describing it as "positive"')
        if last is not None and last.kind == "indirect" and c.kind == "direct" and (own or inner or same) and \
                c.span is not None and c.span.close_at is not None and \
                not ctx.text[last.end:c.span.open_at].strip(SPACES) and ctx.text[c.start:c.start + 1].islower():
            last.end = c.span.close_at + 1
            continue
        out.append(c)
    return out


REPEAT_MIN_WORDS = 6  # shorter identical quotes can be separate uses of a slogan or a phrase


def _without_repeats(quotes: list[Quote]) -> list[Quote]:
    """The same words quoted twice in one article (a pull quote repeating the body's quotation) are one quote: the
    first, with the speaker of the first copy that has one; one span found twice is one quote."""
    seen: dict[tuple[str, ...], Quote] = {}
    out: list[Quote] = []
    spans: dict[tuple[int, int], Quote] = {}
    for q in quotes:
        same = spans.get((q.start, q.end))
        if same is not None:  # one sentence reported twice ("X hat einem Bericht zufolge … . Das bestätigte X"):
            if q.speaker is not None:  # the later, explicit source
                same.speaker, same.speaker_start, same.speaker_end, same.cue = \
                    q.speaker, q.speaker_start, q.speaker_end, q.cue
            continue
        spans[(q.start, q.end)] = q
        key = tuple(w.lower() for w in _words(q.text))
        if q.kind != "direct" or len(key) < REPEAT_MIN_WORDS:
            out.append(q)
            continue
        first = seen.get(key)
        if first is None:
            seen[key] = q
            out.append(q)
        elif first.speaker is None and q.speaker is not None:
            first.speaker, first.speaker_start, first.speaker_end, first.cue = \
                q.speaker, q.speaker_start, q.speaker_end, q.cue
    return out


FRAGMENT_WORDS = 8  # a rescued fragment is a few words of someone's text, never a sentence of its own
MENTION_PREPS = {"de", "d’", "d'", "of", "von", "du", "des"}


def _rescued(ctx: Context, rejected: list[MarkedSpan], quotes: list[Quote]) -> list[Quote]:
    """Short fragments the title/scare-quote filter dropped but whose speaker the discourse gives.

    Two cases, both strict: (1) the fragment continues a quote attributed in the previous sentence of its paragraph
    ("…, disait Ésope. C’est …, la source « de la calomnie et du mensonge »."), in a sentence with no name or cue of
    its own and not in a noun slot after a determiner; (2) a review paragraph that names a work of a person ("l’ouvrage
    d’Éric Chauvier", "le livre") quotes that work: its fragments are the author's, unless another person is named
    in between or the marks mention a word ("celui de « crise »").
    """
    out: list[Quote] = []
    attributed = sorted((q for q in quotes if q.speaker and q.cue), key=lambda q: q.start)
    for span in rejected:
        content = ctx.text[span.start:span.end]
        words = _words(content)
        if not words or len(words) > FRAGMENT_WORDS or span.close_at is None or not content[:1].islower():
            continue
        found = _host_speaker(ctx, span, attributed)
        if found is None and (_title_cue(ctx, span) or content.rstrip()[-1:] == "?"):
            continue
        before = [t for t in ctx.tokens(max(0, span.open_at - 40), span.open_at) if not t.is_punct][-1:]
        if before and (before[0].lower_ in MENTION_PREPS or (ctx.has_pos and before[0].pos_ == "ADP")):
            continue  # a word mentioned, not used: "le mot de « crise »"
        if found is None and not _after_determiner(ctx, span):
            found = _continued_speaker(ctx, span, attributed)
        found = found or _work_author(ctx, span)
        if found is None:
            continue
        name, s_start, s_end = found
        out.append(Quote(text=content, speaker=name, kind="direct", start=span.start, end=span.end,
                         speaker_start=s_start, speaker_end=s_end, cue=None))
    return out


def _host_speaker(ctx: Context, span: MarkedSpan, attributed: list[Quote]) -> tuple[str, int | None, int | None] | None:
    """The sentence's own attributed quote vouches for the fragment: quoted judging adjectives inside reported
    speech ("having to endure “abrasive and demeaning” managers" — a quoted term such as “atypical contracts” stays
    the reporter's), or marks right after the speaker and a reporting verb ("says a report highlighting the “…”")."""
    for q in attributed:
        if q.kind == "indirect" and q.start <= span.open_at and span.end <= q.end and ctx.has_pos:
            toks = [t for t in ctx.tokens(span.start, span.end) if not t.is_punct]
            if _judging_adjectives(toks):
                return q.speaker, q.speaker_start, q.speaker_end  # type: ignore[return-value]
        if q.speaker_end is not None and q.speaker_end <= span.open_at and \
                ctx.sentence_of(q.start) == ctx.sentence_of(span.open_at):
            between = ctx.tokens(q.speaker_end, span.open_at)
            if 0 < len(between) <= 3 and ctx.is_reporting(between[0]):
                return q.speaker, q.speaker_start, q.speaker_end  # type: ignore[return-value]
    return None


def _judging_adjectives(toks: list[Token]) -> bool:
    """Adjectives only ("intime et rieuse"), or an adjective coordinated with a word the tagger missed ("abrasive and
    demeaning" tagged ADJ CCONJ NOUN); a noun term ("atypical contracts") is not one."""
    if not toks or toks[0].pos_ != "ADJ":
        return False
    if all(t.pos_ in ("ADJ", "CCONJ", "ADV") for t in toks):
        return True
    return len(toks) == 3 and toks[1].pos_ == "CCONJ"


def _continued_speaker(ctx: Context, span: MarkedSpan, attributed: list[Quote]
                       ) -> tuple[str, int | None, int | None] | None:
    a, b = ctx.sentence_of(span.open_at)
    par = ctx.paragraph_of(span.open_at)
    prev = [q for q in attributed if q.start < a and ctx.paragraph_of(q.start) == par]
    if not prev:
        return None
    last = prev[-1]
    before = ctx.sentence_of(max(0, a - 1))
    if not before[0] <= last.end <= before[1]:
        return None  # the attributed quote is not in the sentence right before
    if ctx.person_in(a, b) is not None or any(ctx.is_reporting(t) for t in ctx.tokens(a, b)):
        return None
    return last.speaker, last.speaker_start, last.speaker_end  # type: ignore[return-value]


def _work_author(ctx: Context, span: MarkedSpan) -> tuple[str, int, int] | None:
    par = ctx.paragraph_of(span.open_at)
    floor = ctx.breaks[par - 1] if par >= 1 and ctx.breaks else 0
    toks = ctx.tokens(floor, span.open_at)
    author = None
    for k, t in enumerate(toks[:-2]):
        if t.lower_ in ctx.lex.works and toks[k + 1].lower_ in MENTION_PREPS | {"by"}:
            p = next((x for x in ctx.people if x.start == toks[k + 2].idx), None)
            if p is not None and p.canonical not in ctx.org_names:
                author = p
    if author is None:
        return None
    others = [p for p in ctx.people if author.end < p.start < span.open_at and p.canonical != author.canonical]
    if others:
        return None
    return author.canonical, author.start, author.end


def _nested(ctx: Context, nested: list[MarkedSpan], quotes: list[Quote]) -> list[Quote]:
    """A quote inside a quote belongs to the person the outer speaker reports on: the subject of its clause
    ("« Emmanuel Macron se dit “calme et déterminé” »"); with no person subject it is a scare quote of the outer
    speaker's and stays part of the outer quote only."""
    out: list[Quote] = []
    for span in nested:
        outer = next((q for q in quotes if q.kind == "direct" and q.start <= span.open_at and span.end <= q.end), None)
        if outer is None:
            continue
        floor = max(outer.start, ctx.sentence_of(span.open_at)[0])
        p = ctx.subject_before(span.open_at, floor)
        if p is None:
            # "« … Un adulte a dit : « il y a eu un coup de feu » »": a reporting verb inside the outer quote,
            # introducing a clause (not "because of ‘relentless’ climate change")
            lead = ctx.text[floor:span.open_at].rstrip(SPACES)
            if not lead.endswith((":", ",")) or len(_words(ctx.text[span.start:span.end])) < 3:
                continue
            attr = _left(ctx, span, floor)
            spk = attr[0] if attr is not None and attr[1] and attr[1] != ":" else None
            if spk is not None and spk.kind != "pronoun" and (spk.canonical or spk.text) != outer.speaker:
                out.append(Quote(text=ctx.text[span.start:span.end], speaker=spk.canonical or spk.text,
                                 kind="direct", start=span.start, end=span.end, speaker_start=spk.start,
                                 speaker_end=spk.end, cue=attr[1] if attr else None))
            continue
        if p.canonical == outer.speaker or p.canonical in ctx.org_names:
            continue
        if any(ch in ".!?;" for ch in ctx.text[p.end:span.open_at]):
            continue  # the subject belongs to an earlier sentence of the outer quote
        out.append(Quote(text=ctx.text[span.start:span.end], speaker=p.canonical, kind="direct", start=span.start,
                         end=span.end, speaker_start=p.start, speaker_end=p.end, cue=None))
    return out


# --- direct quotes ----------------------------------------------------------------------------------------------
def _words(s: str) -> list[str]:
    return WORD.findall(s)


def _is_quotation(ctx: Context, span: MarkedSpan, spans: list[MarkedSpan], i: int) -> bool:
    """Quotations are clauses, or short fragments with an attribution right next to them; the rest are titles."""
    content = ctx.text[span.start:span.end]
    words = _words(content)
    if not words:
        return False
    prev = (spans[i - 1].close_at or spans[i - 1].end) + 1 if i > 0 else 0
    described = _described_as(ctx, span, prev)  # "X bezeichnete es als „letzte Chance“": X's words
    if described is not None and described[0] is not None:
        return True  # before the title cues: "referred to his report as “junk”" names no report
    if span.close_at is not None and ctx.text[span.close_at + 1:span.close_at + 2] == "-" and \
            ctx.text[span.close_at + 2:span.close_at + 3].isalpha():
        return False  # a compound with a quoted name: "der „Bild“-Zeitung", "the “Star Wars”-themed"
    lowercase_clause = content[:1].islower() and len(words) >= 4 and \
        any(ctx.is_finite_verb(t) for t in ctx.tokens(span.start, span.end))
    if (_title_cue(ctx, span) and not lowercase_clause) or _listed_after_title(ctx, spans, i):
        return False  # titles start with a capital; "le journal « n’a jamais publié … »" is what the paper said
    if span.continued or span.continues:
        return True
    if HEADLINE.match(content) and content.rstrip()[-1:] not in ".!?…" and _right(ctx, span, len(ctx.text)) is None \
            and _left(ctx, span, prev) is None:
        return False  # a linked article's headline: "« Attentats de Bruxelles : le second kamikaze a été identifié »"
    sentence_like = content[:1].isupper() and content.rstrip()[-1:] in ".!?…" and len(words) >= 2
    clause = sentence_like or (len(words) > 2 and any(ctx.is_finite_verb(t) for t in ctx.tokens(span.start, span.end)))
    nominal = len(words) <= NOMINAL_WORDS and not sentence_like and _after_determiner(ctx, span)
    fragment = not sentence_like and len(words) <= SHORT_WORDS + 1 and content[:1].islower() \
        and not _in_reported_speech(ctx, span)
    if (len(words) > SHORT_WORDS or clause) and not nominal and not fragment:
        return True
    nxt = spans[i + 1].open_at if i + 1 < len(spans) else len(ctx.text)
    right = _right(ctx, span, nxt)
    if right is not None and right[0] is not None:
        return True
    if _answered_with(ctx, spans, i):
        return True
    left = _left(ctx, span, prev, adjacent=True)
    if nominal or fragment:  # "le célèbre « publish or perish »": a name for something unless a speaker is there
        return (left is not None and left[0] is not None) or _evaluated(ctx, span) is not None
    if left is None or left[0] is None or span.close_at is None:
        return _evaluated(ctx, span) is not None
    after = ctx.text[span.close_at + 1:span.close_at + 3].lstrip(SPACES)
    if after[:1] in ("", ".", ",", ";", "!", "?", "\n"):
        return True  # the fragment is the whole complement
    next_word = ctx.text[span.close_at + 1:span.close_at + 8].split()[:1]
    if next_word and next_word[0].lower() in CLAUSE_JOINERS:
        return True  # "a condamné « l'attentat … » et dénonce …": the whole object, then the next clause
    # "Le couple y déplore l’ « immobilisme » du premier magistrat": the word heads the reporting verb's object
    before = ctx.text[max(0, span.open_at - 6):span.open_at].strip(SPACES).split()
    return bool(before) and before[-1].lower() in NOMINAL_DETERMINERS.get(ctx.lang, ()) and left[1] != ":"


HEADLINE = re.compile(r"[A-ZÀ-Ý][\w'’ -]{0,40}\s:\s")  # "France : …", "Attentats de Bruxelles : …"


ANSWER_STEMS = ("antwort", "beantwort", "answer", "repl", "respond", "répond", "repond")
ANSWER_PREPOSITIONS = frozenset({"mit", "with", "par"})


def _answered_with(ctx: Context, spans: list[MarkedSpan], i: int) -> bool:
    """The words of an answer: "antwortete er … nur mit „Ja“ und „Nein“", "replied with a “no”" — the marks
    follow "mit/with/par" (or a list joiner after such a quote) in a sentence with a verb of answering before."""
    span = spans[i]
    before = ctx.tokens(max(0, span.open_at - 40), span.open_at)[-3:]
    words = [t.lower_ for t in before if not t.is_punct or t.text == ","]
    if not words:
        return False
    if words[-1] in LIST_JOINERS and i > 0 and (spans[i - 1].close_at or 0) >= span.open_at - 8:
        return _answered_with(ctx, spans, i - 1)
    if not any(w in ANSWER_PREPOSITIONS for w in words) or "," in words:  # "with a simple “No”"
        return False
    a, _ = ctx.sentence_of(span.open_at)
    return any(t.lower_.startswith(ANSWER_STEMS) for t in ctx.tokens(a, span.open_at))


def _in_reported_speech(ctx: Context, span: MarkedSpan) -> bool:
    """The sentence around the marks reports speech (a reporting verb, German Konjunktiv) outside them."""
    a, b = ctx.sentence_of(span.open_at)
    end = span.close_at if span.close_at is not None else span.end
    toks = [t for t in ctx.tokens(a, b) if not span.open_at <= t.idx <= end]
    return any(ctx.is_reporting(t) or t.lower_ in ctx.lex.konjunktiv for t in toks)


def _after_determiner(ctx: Context, span: MarkedSpan) -> bool:
    """The marks fill a noun slot: a determiner right before them, or a determiner and one adjective."""
    before = ctx.tokens(max(0, span.open_at - 40), span.open_at)[-2:]
    if not before or before[-1].is_punct:
        return False
    dets = NOMINAL_DETERMINERS.get(ctx.lang, frozenset())
    if before[-1].lower_ in dets:
        return True
    return len(before) == 2 and before[0].lower_ in dets and ctx.has_pos and before[-1].pos_ == "ADJ"


LIST_JOINERS = frozenset({",", "et", "ou", "and", "or", "und", "oder"})
CLAUSE_JOINERS = frozenset({"et", "mais", "and", "but", "und", "aber"})


def _listed_after_title(ctx: Context, spans: list[MarkedSpan], i: int) -> bool:
    """"pour « association de malfaiteurs … » et « financement du terrorisme »": a quoted item joined to a title
    or offence name is one too."""
    j = i
    while j > 0:
        prev, cur = spans[j - 1], spans[j]
        if prev.close_at is None:
            return False
        between = ctx.text[prev.close_at + 1:cur.open_at].split()
        if not between or len(between) > 1 or between[0] not in LIST_JOINERS:
            return False
        if _title_cue(ctx, prev):
            return True
        j -= 1
    return False


def _title_cue(ctx: Context, span: MarkedSpan) -> bool:
    sent_a, _ = ctx.sentence_of(span.open_at)
    before = ctx.tokens(max(sent_a, span.open_at - 40), span.open_at)[-3:]
    cues = ctx.lex.title_cues
    return any(t.lower_.rstrip(".") in cues or t.text in cues for t in before if not t.is_punct or t.text == "re.")


def _direct(ctx: Context, kept: list[MarkedSpan]) -> list[Candidate]:
    out: list[Candidate] = []
    for i, span in enumerate(kept):
        nxt = kept[i + 1].open_at if i + 1 < len(kept) else len(ctx.text)
        prev = (kept[i - 1].close_at or kept[i - 1].end) + 1 if i > 0 else 0
        attr = _described_as(ctx, span, prev) or _right(ctx, span, nxt) or _shared_right(ctx, kept, i) or \
            _left(ctx, span, prev) or _inner(ctx, span) or _clause_source(ctx, span, prev) or _dash_credit(ctx, span) \
            or _mixed_right(ctx, span, nxt, prev) or _evaluated(ctx, span)
        if attr is not None and attr[0] is None and attr[1] == ":":
            # "le Mouvement … a proposé … de signer une déclaration : « … »": no reporting verb before the colon,
            # the clause's subject (a person or an organisation) presents the words
            source = _clause_source(ctx, span, prev)
            attr = (source[0], attr[1]) if source is not None and source[0] is not None else attr
        cand = Candidate(span.start, span.end, "direct", None, None, span=span)
        if attr:
            cand.speaker, cand.cue = attr
        # no speaker before a colon ("Es gebe keinen Anlass, …: „…“"): the words go on with the current speaker
        cand.inherit = cand.speaker is None and (_opens_sentence(ctx, span, prev) or cand.cue == ":")
        if span.continued and out and out[-1].span is not None and out[-1].span.continues:
            cand.chain_prev = len(out) - 1
        cut = _incise_sentence(ctx, span) if attr is not None and attr[1] and not (
            _right(ctx, span, nxt) or _left(ctx, span, prev)) else None
        if cut is not None:  # '« a – observe-t-il dans un livre : Titre. b »': the incise is no part of the quote
            out.append(Candidate(span.start, cut[0], "direct", cand.cue, cand.speaker, span=span))
            cand.start = cut[1]
        out.append(cand)
    # English multi-paragraph quotes: an attribution found on a later piece also covers the earlier pieces
    for k in range(len(out) - 1, -1, -1):
        c = out[k]
        if c.chain_prev is not None and c.speaker is not None:
            p = out[c.chain_prev]
            if p.speaker is None:
                p.speaker, p.cue, p.inherit = c.speaker, c.cue, False
    return out


def _mixed_right(ctx: Context, span: MarkedSpan, limit: int, prev: int) -> tuple[Speaker | None, str] | None:
    """A quote opening a sentence that the writer's words complete before the attribution: '"Il n'y a aucune
    possibilité pour créer une fracture entre" le Sénégal et les pays de l'AES, a déclaré à Sputnik Yacine Fall.'"""
    if span.close_at is None or not _opens_sentence(ctx, span, prev):
        return None
    _, s_end = ctx.sentence_of(span.close_at + 1)
    toks = [t for t in ctx.tokens(span.close_at + 1, min(s_end, limit)) if not t.is_space]
    for k, t in enumerate(toks[:16]):
        if t.text != ",":
            continue
        j = k + 1
        while j < len(toks) and toks[j].lower_ in ctx.lex.auxiliaries:
            j += 1
        if j < len(toks) and ctx.speech_event(toks[j]):
            rest = [x for x in toks[j + 1:] if x.text not in (".", "!", "?")]
            spk = ctx.speaker_after(rest)
            end = rest[-1].idx + len(rest[-1].text) if rest else 0
            people = [p for p in ctx.people if rest and rest[0].idx <= p.start and p.end <= end]
            if spk is None and people:  # "a déclaré à Sputnik Afrique Yacine Fall": the person after the object
                spk = ctx.speaker_of(people[-1])
            return (spk, ctx.cue_of(toks[j])) if spk is not None else None
        final = [x for x in toks[j:] if x.text not in (".", "!", "?")]
        p = next((x for x in ctx.people if x.start == toks[j].idx), None) if j < len(toks) else None
        if p is not None and len(final) <= 12 and final and \
                ctx.speech_event(final[-1]) and not any(ctx.speech_event(x) for x in toks[:k]):
            # '"The town has no capacity" to help drought-stricken farmers, Ang Ky, chief of Stoung town, said.'
            return ctx.speaker_of(p), ctx.cue_of(final[-1])
        if any(ctx.speech_event(x) for x in toks[:k]):
            return None
    return None


_CREDIT_LINE = re.compile(r"[ \t]*\n\s*[—–―-][ \t]*([^\n]{2,80})(?:\n|$)")


def _dash_credit(ctx: Context, span: MarkedSpan) -> tuple[Speaker | None, str] | None:
    """A block quote credited on the next line: '“…”\n\n—Médecins Sans Frontières' (a pull quote's source)."""
    if span.close_at is None:
        return None
    m = _CREDIT_LINE.match(ctx.text, span.close_at + 1)
    if m is None or len(m.group(1).split()) > 8 or m.group(1).rstrip()[-1:] in ".!?:;":
        return None
    toks = ctx.tokens(m.start(1), m.end(1))
    spk = ctx.speaker_after(toks) if toks else None
    return (spk, "—") if spk is not None else None


CREDIT_AT_LINE = re.compile(r"(?m)^[ \t]*[—–―][ \t]*([^\n]{2,80})$")
CREDITED_PARAGRAPHS = 3  # a quote box holds at most this many paragraphs


def _credited_paragraphs(ctx: Context, marked: list[tuple[int, int]]) -> list[Candidate]:
    """A quote box without marks: first-person paragraphs, then a credit line ("J’ai parfaitement conscience que …
    \n\n— Jean-Marc Morandini"). Each paragraph is a direct quote of the credited person; a credit after the
    article's own prose (a box whose quote the scrape lost) credits nothing."""
    out: list[Candidate] = []
    for m in CREDIT_AT_LINE.finditer(ctx.text):
        credit = m.group(1).split(",")[0].strip(SPACES)
        if not credit or len(credit.split()) > 5 or any(c.isdigit() for c in credit):
            continue
        spk = ctx.speaker_after(ctx.tokens(m.start(1), m.start(1) + len(credit)))
        if spk is None or spk.kind != "name":
            continue
        pieces: list[tuple[int, int]] = []
        end = m.start()
        while len(pieces) < CREDITED_PARAGRAPHS:
            block = ctx.text[:end].rstrip()
            start = block.rfind("\n\n") + 2 if "\n\n" in block else 0
            para = ctx.text[start:len(block)]
            if not para.strip() or "\n" in para.strip() or not FIRST_PERSON_WORD.search(para) or \
                    any(x < len(block) and start < y for x, y in marked):
                break
            pieces.append((start, len(block)))
            end = start
        for a, b in reversed(pieces):
            out.append(Candidate(a, b, "direct", "—", spk))
    return out


def _shared_right(ctx: Context, kept: list[MarkedSpan], i: int) -> tuple[Speaker | None, str] | None:
    """A list of quotes attributed once after the last: '« a », « b » selon X' credits X with both; so do quotes
    that follow each other with nothing between ('« a. » « b », a répondu le ministre')."""
    j = i
    while j + 1 < len(kept) and kept[j].close_at is not None:
        gap = ctx.text[kept[j].close_at + 1:kept[j + 1].open_at]
        if "\n" in gap or gap.strip(SPACES) not in ("", ".", ",", "et", "and", "und", ", et", ", and", ", und"):
            return None
        j += 1
        nxt = kept[j + 1].open_at if j + 1 < len(kept) else len(ctx.text)
        attr = _right(ctx, kept[j], nxt)
        if attr is not None:
            return attr
    return None


def _opens_sentence(ctx: Context, span: MarkedSpan, floor: int) -> bool:
    """Little or nothing of its own before the quote: it can continue the previous speaker's words."""
    s_start, _ = ctx.sentence_of(span.open_at)
    before = ctx.tokens(max(s_start, floor), span.open_at)
    return len([t for t in before if not t.is_punct]) <= 5


def _content(toks: list[Token], ctx: Context) -> list[Token]:
    return [t for t in toks if not t.is_punct and t.lower_ not in ctx.lex.auxiliaries and t.lower_ != "-t"]


def _according(ctx: Context, toks: list[Token], k: int) -> int:
    """Length of an "according to" cue starting at toks[k], else 0."""
    if ctx.lang == "fr" and toks[k].lower_ == "pour" and _opinion_holder(ctx, toks, k):
        return 1
    if ctx.lang == "de" and toks[k].lower_ == "nach" and k + 2 < len(toks) and toks[k + 1].lower_ in NACH_NOUNS \
            and toks[k + 2].lower_ in ("von", "der", "des", "eines", "einer", "dem", "den"):
        return 3 if toks[k + 2].lower_ in ("von", "der", "des") else 2  # "Nach Auskunft eines Polizeisprechers"
    if toks[k].lower_ not in ctx.according_first:
        return 0
    for cue in ctx.lex.according:
        n = len(cue)
        if k + n <= len(toks) and tuple(t.lower_ for t in toks[k:k + n]) == cue:
            return n
    return 0


STRESSED_PRONOUNS = frozenset({"lui", "elle", "eux", "elles"})
# "nach <Noun> von/der/des X": the nouns of a source in German agency style
NACH_NOUNS = frozenset({"angaben", "auskunft", "aussage", "aussagen", "darstellung", "einschätzung", "informationen",
                        "ansicht", "auffassung", "worten", "meinung", "schätzung", "schätzungen", "erkenntnissen"})


def _opinion_holder(ctx: Context, toks: list[Token], k: int) -> bool:
    """"Pour L'Opinion, il s'agit d'une « … »": a sentence-initial "Pour" + a name + a comma gives a view (not
    "Pour la première fois, …", not "pour X" inside a clause)."""
    a, _ = ctx.sentence_of(toks[k].idx)
    lead = ctx.text[a:toks[k].idx].strip()
    if lead and not (lead.endswith(",") and len(lead.split()) <= 3) and lead.lower() not in ("mais", "et", "or"):
        return False  # (but "Cela dit, pour le vice-procureur, …")
    comma = next((j for j in range(k + 1, min(len(toks), k + 8)) if toks[j].text == ","), None)
    if comma is None or comma == k + 1:
        return False
    span_a, span_b = toks[k + 1].idx, toks[comma - 1].idx + len(toks[comma - 1].text)
    if ctx.person_in(span_a, span_b) is not None:
        return True
    if comma == k + 2 and toks[k + 1].lower_ in STRESSED_PRONOUNS:
        return True  # "Pour lui, le régime … est dans une fuite en avant", "Pour eux, …"
    words = [t for t in toks[k + 1:comma] if not t.is_punct]  # a newspaper the model calls MISC: "L'Opinion"
    if len(words) >= 2 and words[0].lower_ in ("le", "la", "les", "l’", "l'") and \
            words[1].lower_.split("-")[-1] in ctx.lex.source_nouns:
        return True  # "pour le vice-procureur, cette somme pourrait …"
    return 0 < len(words) <= 4 and all(t.text[:1].isupper() and t.ent_type_ not in ("DATE", "TIME", "EVENT")
                                       for t in words)  # "Pour L'Orient-Le Jour, …"


STATEMENT_RELATIVES = frozenset({"qui", "which", "that", "der", "die", "das"})


def _statement_issuer(ctx: Context, toks: list[Token]) -> Speaker | None:
    """A quote that is the content of a statement right before it ("publie un communiqué qui « … »", "issued a
    statement that “…”"): the subject of the verb that issues the statement speaks."""
    if len(toks) < 3 or not ctx.has_dep or toks[-1].lower_ not in STATEMENT_RELATIVES or \
            toks[-2].lower_ not in STATEMENT_NOUNS:
        return None
    host = toks[-2].head
    subject = next((c for c in host.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < host.i), None)
    if host.pos_ not in ("VERB", "AUX") or subject is None:
        return None
    region = [t for t in subject.subtree if not t.is_punct]
    p = ctx.person_in(region[0].idx, region[-1].idx + len(region[-1].text))
    return ctx.speaker_of(p) if p is not None else ctx.name_or_desc(region)


def _right(ctx: Context, span: MarkedSpan, limit: int) -> tuple[Speaker | None, str] | None:
    """Attribution after the closing mark: '”, a déclaré X', '," he said', '«, sagt X', '», selon X'."""
    if span.close_at is None:
        return None
    text = ctx.text
    q_end = span.close_at + 1
    _, s_end = ctx.sentence_of(q_end)
    gap_end = min(s_end, limit)
    last = text[span.start:span.end].rstrip()[-1:]
    gap = text[q_end:gap_end].lstrip(SPACES)
    first = gap[:1]
    dash = first in "–—" or (first == "-" and gap[1:2] in SPACES)
    toks = ctx.tokens(q_end, gap_end)
    while toks and toks[0].is_punct:
        if toks[0].text == ")":
            return None  # "(et « … » ), a révélé des traces": the quote sat in a parenthesis of another clause
        toks = toks[1:]
    if not toks:
        return None
    n_acc = _according(ctx, toks, 0)
    if (n_acc and toks[0].lower_ != "so") or (n_acc and (first == "," or last == ",")):  # „…,“ so Bulc.
        spk = ctx.speaker_after(toks[n_acc:])
        if spk is not None:
            return spk, " ".join(t.lower_ for t in toks[:n_acc])
    if toks[0].lower_ in CLAUSE_JOINERS and (first == "," or last == ","):
        return None  # "« … » , et demande l'ouverture d'une enquête": a coordinated verb, not an incise
    lead = toks[1] if len(toks) > 1 and toks[0].lower_ in ctx.lex.auxiliaries else toks[0]
    bare = ctx.is_reporting(lead) and lead.idx - q_end <= 6  # "« … » a déclaré Jeff Jarvis" with no comma
    if not (last in ",?!.…–—-:" or first in ",(" or dash or bare):
        return None
    if last in ".…" and first != "," and not (first[:1].islower()):
        return None
    for n, t in enumerate(toks[:10]):
        if t.text in (".", "!", "?", ";", ":") or t.text in ("“", "«", "„", '"'):
            break
        # "« … », s’est emporté le ministre": right after the quote, a reflexive verb of emotion reports it
        emotive = ctx.lang == "fr" and ctx.has_pos and n <= 3 and t.pos_ == "VERB" and _reflexive_before(toks, n)
        if ctx.is_reporting(t) or emotive:
            if toks[0].text[:1].isupper() and ctx.is_pronoun(toks[0]) and _reports_own_clause(ctx, t):
                return None  # '“…,” He said the militias … are supporting …': a new report, not this quote's
            following = ctx.text[t.idx + len(t.text):t.idx + len(t.text) + 4].lstrip(SPACES + ":")[:1]
            if following and following in OPENING_TITLE_MARKS + "“":
                return None  # "« … » , demander « … »": the verb introduces the next quote
            pre = toks[:n]
            if emotive:
                pre = [x for x in pre if x.lower_ not in REFLEXIVES]
            spk = ctx.speaker_before(pre, t) if _content(pre, ctx) or any(ctx.is_pronoun(x) for x in pre) else None
            if spk is None:
                spk = ctx.speaker_after(toks[n + 1:]) or _pour_source(ctx, toks[n + 1:n + 9])
            return spk, ctx.cue_of(t)
        if n == 0 and (first == "," or last == ",") and len(toks) > 1 and ctx._person_at(toks[1].idx) and (
                t.pos_ == "VERB" if ctx.has_pos else t.text.isalpha() and t.text.islower()):
            # "„Vielen Dank und Servus“, schloss Juncker seine Rede": any verb right after the quote, then a name
            return ctx.speaker_after(toks[1:]), ctx.cue_of(t)
        if n >= 1 and ctx.has_pos and t.pos_ in ("VERB", "AUX") and not ctx.is_reporting(t) and t.lower_ not in \
                ctx.lex.auxiliaries and t.lower_ not in CONTROL_FORMS:
            break
    return None


def _reports_own_clause(ctx: Context, verb: Token) -> bool:
    """The verb after a quote has a reported clause of its own after it (a complementizer or a clause with its
    own subject), so it starts another report."""
    if not ctx.has_dep or not verb.dep_:
        return False
    nxt = ctx.token_list[verb.i + 1] if verb.i + 1 < len(ctx.token_list) else None
    if nxt is not None and nxt.lower_ in ctx.lex.complementizers and nxt.pos_ == "SCONJ":
        return True
    return any(c.dep_ == "ccomp" and verb.i < c.left_edge.i <= verb.i + 2 and
               c.left_edge.lower_ not in ADVERBIAL_OPENERS and
               any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in verb.children)


ADVERBIAL_OPENERS = frozenset({"as", "while", "when", "because", "if", "before", "after", "since", "comme", "quand",
                               "lorsque", "pendant", "avant", "après"})


# verbs that pass the report on to the infinitive after them: "a tenu à préciser X", "a voulu rassurer X"
CONTROL_FORMS = frozenset({"tenu", "tient", "tenait", "tiennent", "voulu", "veut", "voulait", "veulent"})


def _left(ctx: Context, span: MarkedSpan, floor: int, adjacent: bool = False) -> tuple[Speaker | None, str] | None:
    """Attribution before the opening mark: 'X a déclaré que “', 'Relotius schreibt: »', 'Selon X, «'."""
    text = ctx.text
    s_start, _ = ctx.sentence_of(span.open_at)
    a = max(s_start, floor)
    toks = ctx.tokens(a, span.open_at)
    if not toks:
        return None
    colon = text[a:span.open_at].rstrip(SPACES + "\n").endswith(":")
    issuer = _statement_issuer(ctx, toks)
    if issuer is not None:
        return issuer, toks[-2].lower_  # "le gouvernement des États-Unis publie un communiqué qui « condamne … »"
    verbs = [t for t in toks if ctx.is_reporting(t)]
    for k in range(len(toks)):
        n_acc = _according(ctx, toks, k)
        if n_acc and verbs and verbs[-1].i > toks[k].i and _reports_after_source(ctx, toks, k + n_acc, verbs[-1]):
            break  # "Selon l'AFP …, François Hollande … a soutenu que «": the agency relays, Hollande speaks
        lead = k
        while lead > 0 and ctx.has_pos and toks[lead - 1].pos_ == "ADV":
            lead -= 1  # ", toujours selon la CFL, que « … »"
        if n_acc and (lead == 0 or toks[lead - 1].is_punct):
            rest = toks[k + n_acc:]
            if not adjacent or (rest and rest[-1].text in (",", ":")):
                spk = _quoted_source(ctx, toks[k + n_acc - 1]) or ctx.speaker_after(rest)  # "Selon « Quotidien »,"
                if spk is not None:
                    return spk, " ".join(t.lower_ for t in toks[k:k + n_acc])
    if verbs:
        v = verbs[-1]
        after = [t for t in toks if t.i > v.i and not CLITIC.match(t.text)]
        lead = [t for t in toks if not t.is_punct]
        split = a == floor and v in lead[:4]  # '« x », a déclaré Y, … « z »': the attribution between two quotes
        # "a confié en milieu d'après-midi, depuis la Corrèze où il se trouvait, que « … »": adjuncts, then "que"
        ends_que = bool(after) and after[-1].lower_ in ctx.lex.complementizers and len(after) <= 30
        ok = len(after) <= 12 or colon or split or ends_que
        if adjacent:
            # "déplore l’ « immobilisme »", "condamne fermement ce « crime barbare »": adverbs, then a determiner
            between = "".join(t.text_with_ws for t in after if not (ctx.has_pos and t.pos_ == "ADV"))
            between = between.strip(SPACES).lower()
            ok = colon or len(after) == 0 or (len(after) == 1 and (
                after[0].lower_ in ctx.lex.complementizers or after[0].text in (",", ":"))) \
                or between in NOMINAL_DETERMINERS.get(ctx.lang, ())
        if ok:
            before = [t for t in toks if t.i < v.i]
            spk = _voice_of(ctx, after) or _pour_source(ctx, after) or \
                (ctx.speaker_before(before, v) if before else None)
            if spk is None:
                clit = [t for t in toks if t.i > v.i and CLITIC.match(t.text) and t.lower_ != "-t"][:1]
                spk = ctx.speaker_after(clit or after)
            return spk, ctx.cue_of(v)
    if colon:
        if any(t.lower_ in SPEECH_NOUNS for t in toks[-4:]):
            return None  # "Danach die bekannten Worte: „…“": the words, not who said them — look further
        p = ctx.person_in(toks[0].idx, span.open_at)
        pron = [t for t in toks[1:] if ctx.is_pronoun(t) and t.text[:1].islower() and (p is None or t.idx < p.start)]
        if p and pron and ctx.lang == "de":  # "schickt sie Relotius eine Nachricht:" — she sends, he receives
            return pronoun_speaker(pron[0]), ":"
        if p:
            return ctx.speaker_of(p), ":"
        if ctx.is_pronoun(toks[0]) and a == s_start:  # "Er habe … auf Fehlstellen gestoßen: „…“"
            return pronoun_speaker(toks[0]), ":"
        answer = next((t for t in toks[:3] if t.lower_.startswith(ANSWER_STEMS)), None)
        if answer is not None:  # "Die Antwort lautet: „…“": who was asked answers
            return Speaker("pronoun", answer.text, answer.idx, answer.idx + len(answer.text)), ":"
        body = [t for t in toks if t.text != ":"]
        if text[text.rfind("\n", 0, span.open_at) + 1:span.open_at].lstrip(SPACES)[:1] in BULLETS:
            return None if adjacent else (None, ":")  # "- Verteidigung: „…“": a topic in a list, not a speaker
        if 0 < len(_content(body, ctx)) <= 4 and not any(ctx.is_finite_verb(t) for t in body):
            return ctx.name_or_desc(body), ":"
        lead = _role_phrase(ctx, body)
        if lead is not None:  # "Ein Interpol-Sprecher zu der Aktion: „…“"
            return lead, ":"
        return None if adjacent else (None, ":")
    return None


ROLE_HEADS = ("sprecher", "sprecherin", "spokesperson", "spokesman", "spokeswoman", "porte-parole", "official",
              "minister", "ministerin", "ministre", "chef", "chefin", "leiter", "leiterin", "president", "präsident",
              "präsidentin", "président", "présidente", "responsable", "officer", "director", "direktor")


def _reports_after_source(ctx: Context, toks: list[Token], k: int, verb: Token) -> bool:
    """After "Selon X," a reporting verb with a subject of its own between the source's comma and the verb."""
    comma = next((j for j in range(k, len(toks)) if toks[j].text == "," and toks[j].i < verb.i), None)
    if comma is None:
        return False
    subject = [t for t in toks[comma + 1:] if t.i < verb.i]
    return bool(subject) and ctx.speaker_before(subject, verb) is not None


def _role_phrase(ctx: Context, body: list[Token]) -> Speaker | None:
    """A sentence-initial indefinite role noun phrase before a colon: "Ein Interpol-Sprecher zu …:"."""
    if len(body) < 2 or body[0].lower_ not in ("ein", "eine", "a", "an", "un", "une"):
        return None
    head = body[1]
    if not head.lower_.endswith(ROLE_HEADS):
        return None
    return ctx._describe(body[:2])


def _inner(ctx: Context, span: MarkedSpan) -> tuple[Speaker | None, str] | None:
    """Incise inside the marks, French style: '« …, dit-il, … »', '« … – observe-t-il … »'."""
    toks = ctx.tokens(span.start, span.end)
    for n, t in enumerate(toks[1:-1], start=1):
        nxt = toks[n + 1]
        if ctx.is_reporting(t) and CLITIC.match(nxt.text) and toks[n - 1].text in (",", "–", "—", "-"):
            pron = nxt if nxt.lower_ != "-t" or n + 2 >= len(toks) else toks[n + 2]
            return pronoun_speaker(pron), ctx.cue_of(t)
    return None


SPEECH_NOUNS = {"worte", "wörter", "words", "mots", "paroles", "phrase", "satz", "formule"}
SUBORDINATORS = {"während", "als", "nachdem", "bevor", "weil", "wenn", "obwohl", "sobald", "while", "when", "after",
                 "before", "because", "although", "once", "quand", "lorsque", "lorsqu’", "lorsqu'", "après", "avant",
                 "parce", "bien", "tandis", "dès"}
AS_WORDS = {"as", "comme", "als"}
DESCRIBE = {"describe", "described", "describes", "describing", "call", "called", "calls", "qualifier", "qualifié",
            "qualifie", "décrire", "décrit", "bezeichnen", "bezeichnet", "bezeichnete", "bezeichneten", "nannte",
            "nennt", "refer", "referred", "refers", "referring", "dismiss", "dismissed", "dismisses", "dismissing",
            "characterized", "characterised", "branded", "labeled", "labelled", "termed", "dubbed",
            "regarded"}  # "X described it as “…”", "X referred to the report as “…”"
NAMING_VERBS = {"call", "called", "calls", "calling", "termed", "dubbed", "labeled", "labelled", "branded"}
AS_DETERMINERS = {"a", "an", "the", "un", "une", "le", "la", "les", "ein", "eine", "einen", "die", "der", "das"}
OBJECT_WORDS = 5  # "Mr. Jackson called the charges “…”": at most this many words between the verb and the marks


def _described_as(ctx: Context, span: MarkedSpan, floor: int) -> tuple[Speaker | None, str] | None:
    """"In what an officer described as “…”, police reported …", "referred to his report as “junk”", "called the
    charges “…”": a describing verb just before the marks names the speaker, whatever the main clause says."""
    toks = [t for t in ctx.tokens(max(floor, ctx.sentence_of(span.open_at)[0]), span.open_at) if not t.is_space]
    if len(toks) >= 3 and toks[-1].lower_ in AS_DETERMINERS and toks[-2].lower_ in AS_WORDS:
        toks = toks[:-1]  # "dismissing them as a “full-scale witch hunt”"
    if len(toks) < 3:
        return None
    spoke = _speaks_of(ctx, toks)
    if spoke is not None:
        return spoke
    if toks[-1].lower_ not in AS_WORDS:
        return _named_object(ctx, toks)
    verb = toks[-2]
    if ctx.lang == "de" and span.close_at is not None:
        # verb-final German: "hatte Papandreou die Beschlüsse als „letzte Chance“ für … bezeichnet"
        _, s_end = ctx.sentence_of(span.open_at)
        after = ctx.tokens(span.close_at + 1, s_end)
        stop = next((k for k, t in enumerate(after) if t.text in (",", ".", ";", "!", "?")), len(after))
        verb = next((t for t in after[:min(stop, 10)] if t.lower_ in DESCRIBE), verb)
    elif not _describes(ctx, verb):  # "referred to his report as", "dismissing them as": the verb, then its object
        verb = next((t for t in reversed(toks[-2 - OBJECT_WORDS:-2]) if _describes(ctx, t)), verb)
        if any(t.is_punct for t in toks if verb.i < t.i < toks[-1].i):
            return None
    if not _describes(ctx, verb):
        return None
    spk = _passive_agent(ctx, span, toks, verb) or ctx.speaker_before([t for t in toks if t.i < verb.i], verb)
    return (spk, ctx.cue_of(verb)) if spk is not None else None


PASSIVE_AUX = frozenset({"est", "sont", "été", "était", "étaient", "fut", "furent", "is", "are", "was", "were", "been",
                         "being", "wird", "wurde", "wurden", "werden", "worden"})
AGENT_WORDS = frozenset({"par", "by", "von"})


def _passive_agent(ctx: Context, span: MarkedSpan, toks: list[Token], verb: Token) -> Speaker | None:
    """"Les Troadec sont décrits comme « … » par une voisine", "was described as “…” by a witness": the agent of
    the passive describing verb speaks, not its subject."""
    k = toks.index(verb) if verb in toks else -1
    j = k - 1
    while j >= 0 and ctx.has_pos and toks[j].pos_ == "ADV":
        j -= 1
    if j < 0 or toks[j].lower_ not in PASSIVE_AUX or span.close_at is None:
        return None
    _, s_end = ctx.sentence_of(span.open_at)
    after = [t for t in ctx.tokens(span.close_at + 1, s_end) if not t.is_space]
    while after and after[0].is_punct and after[0].text not in (".", ";"):
        after = after[1:]
    if not after or after[0].lower_ not in AGENT_WORDS:
        return None
    return ctx.speaker_after(after[1:])


EVALUATIVE_GAP = 4  # at most this many words (determiner, preposition, adjective) between the verb and the marks
MARK_TOKENS = frozenset({"«", "»", "“", "”", "„", '"', "‘", "’", "'"})


def _evaluated(ctx: Context, span: MarkedSpan) -> tuple[Speaker | None, str] | None:
    """A short fragment in marks that a verb of judging or speaking takes as its object is its subject's word:
    "dénonce « une attaque inadmissible »", "qu'elle qualifie d'« héroïque »", "se dit « impatient de … »",
    "en se félicitant du « consensus politique »" (the subject of the clause the participle hangs on)."""
    if not ctx.has_dep or not ctx.lex.evaluative:
        return None
    a, _ = ctx.sentence_of(span.open_at)
    before = [t for t in ctx.tokens(a, span.open_at) if not t.is_space and t.text not in MARK_TOKENS]
    verb = None
    for t in reversed(before[-EVALUATIVE_GAP - 1:]):
        if t.is_punct:
            return None
        if t.pos_ == "VERB" and t.lemma_.lower() in ctx.lex.evaluative:
            verb = t
            break
        if t.pos_ in ("VERB", "AUX"):
            return None
    if verb is None or (verb.lemma_.lower() == "dire" and not any(c.lower_ in REFLEXIVES for c in verb.children)):
        return None  # "dire" only as "se dire" (a state the subject claims); plain "dit" is a reporting verb
    subjects = _clause_subjects(verb)
    if not subjects or "Rel" in subjects[0].morph.get("PronType"):
        return None
    subj = subjects[0]
    if subj.lower_ in ctx.lex.works or subj.lower_ in ctx.lex.title_cues:
        return None  # "le livre dénonce « … »": the work's author speaks (see _work_author)
    if ctx.is_pronoun(subj):
        return pronoun_speaker(subj), ctx.cue_of(verb)
    spk = ctx.name_or_desc([t for t in subj.subtree if t.i < verb.i])
    return (spk, ctx.cue_of(verb)) if spk is not None else None


def _clause_subjects(verb: Token, steps: int = 6) -> list[Token]:
    """The verb's subject, or that of the verb its participle, infinitive or coordinated clause hangs on ("a proposé
    de travailler … en se félicitant", "a félicité … et se dit")."""
    t = verb
    for _ in range(steps):
        found = [c for c in t.children if c.dep_ == "nsubj"]
        if found or t.dep_ not in HOST_LINKS or t.head.i == t.i:
            return found
        t = t.head
    return []


# "spricht von „…“", "parle d’une « … »", "spoke of “…”": the marked words are the speaker's own
SPEAK_OF = {
    "de": (frozenset({"spricht", "sprach", "sprachen", "sprechen", "gesprochen"}), frozenset({"von", "vom"})),
    "fr": (frozenset({"parle", "parlent", "parlé", "parlait", "parlaient", "parlant"}),
           frozenset({"de", "d’", "d'", "du", "des"})),
    "en": (frozenset({"spoke", "speaks", "spoken", "speaking", "talked", "talks"}), frozenset({"of", "about"})),
}
SPEAK_OF_GAP = 3  # at most this many words (determiner, adjectives) between "von/de/of" and the marks


def _speaks_of(ctx: Context, toks: list[Token]) -> tuple[Speaker | None, str] | None:
    verbs, links = SPEAK_OF.get(ctx.lang, (frozenset(), frozenset()))
    for k in range(len(toks) - 1, max(0, len(toks) - 2 - SPEAK_OF_GAP), -1):
        if toks[k].lower_ in links and toks[k - 1].lower_ in verbs and \
                not any(t.is_punct for t in toks[k + 1:]):
            verb = toks[k - 1]
            spk = ctx.speaker_before([t for t in toks if t.i < verb.i], verb)
            return (spk, verb.lower_) if spk is not None else None
    return None


def _describes(ctx: Context, verb: Token) -> bool:
    return ctx.is_reporting(verb) or verb.lower_ in DESCRIBE or (ctx.has_lemma and verb.lemma_.lower() in DESCRIBE)


def _named_object(ctx: Context, toks: list[Token]) -> tuple[Speaker | None, str] | None:
    """English "X called the charges “…”": a naming verb, its object, then the marks (not "a film called “…”",
    where nothing stands between the participle and the title)."""
    if ctx.lang != "en" or not ctx.has_pos:
        return None
    for k in range(len(toks) - 2, max(-1, len(toks) - 2 - OBJECT_WORDS), -1):
        verb = toks[k]
        if verb.lower_ in NAMING_VERBS and verb.pos_ == "VERB" and verb.tag_ in ("VBD", "VBZ", "VBP", "VBG"):
            between = toks[k + 1:]
            if any(t.is_punct or t.pos_ in ("VERB", "AUX", "ADP", "SCONJ") for t in between):
                return None
            spk = ctx.speaker_before(toks[:k], verb)
            return (spk, ctx.cue_of(verb)) if spk is not None else None
    return None


def _clause_source(ctx: Context, span: MarkedSpan, floor: int) -> tuple[Speaker | None, str | None] | None:
    """No cue at all: the agent or subject of the quote's own clause when it names an organisation or a person
    ("une liste construite par la section 37 du Comité national, dans le but d’être une « aide … »")."""
    if not ctx.has_dep:
        return None
    a, _ = ctx.sentence_of(span.open_at)
    toks = ctx.tokens(max(a, floor), span.open_at)
    ids = {t.i for t in toks}
    for t in toks:
        if t.dep_ not in ("obl:agent", "agent", "nsubj") or ctx.is_pronoun(t) or t.lower_ in ctx.lex.non_speakers:
            continue
        region = [x for x in t.subtree if x.i in ids]
        cut = next((k for k, x in enumerate(region) if x.i > t.i and x.text in ("(", ",", "–", "—")), None)
        region = region[:cut] if cut is not None else region
        while region and (region[0].pos_ in ("ADP", "CCONJ") or region[0].is_punct):
            region = region[1:]
        if not region:
            continue
        a2, b2 = region[0].idx, region[-1].idx + len(region[-1].text)
        p = next((x for x in ctx.people if a2 <= x.start and x.end <= b2), None)
        org = next((x for x in ctx.orgs if a2 <= x.start and x.end <= b2), None)
        if p is not None and p.canonical not in ctx.org_names:
            return ctx.speaker_of(p), None
        if org is not None:
            return ctx._describe(region), None
    return None


def _incise_sentence(ctx: Context, span: MarkedSpan) -> tuple[int, int] | None:
    """(end of the first piece, start of the second) when an incise inside the marks runs to its sentence's end;
    a short incise (", dit-il,") stays inside the quote, as annotators keep it."""
    toks = ctx.tokens(span.start, span.end)
    for n, t in enumerate(toks[1:-1], start=1):
        if not (ctx.is_reporting(t) and CLITIC.match(toks[n + 1].text) and toks[n - 1].text in (",", "–", "—", "-")):
            continue
        opener = toks[n - 1]
        for k in range(n + 2, len(toks) - 1):
            x = toks[k]
            if x.text in (",", "–", "—") and (x.text == opener.text or opener.text in "–—-"):
                return None  # closed by its pair: a short incise
            if x.text in (".", "!", "?", "…"):
                first = [w for w in toks[:n - 1] if not w.is_punct]
                rest = [w for w in toks[k + 1:] if not w.is_punct]
                if len(first) < 3 or len(rest) < 3:
                    return None
                return toks[n - 2].idx + len(toks[n - 2].text), toks[k + 1].idx
        return None
    return None


# --- indirect quotes --------------------------------------------------------------------------------------------
def _indirect(ctx: Context, covered: list[tuple[int, int]], marked: list[tuple[int, int]]) -> list[Candidate]:
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
                out.append(tail)
        out.extend(_sentence_reports(ctx, a, b, inside, marked))
    return [_with_closing_term(ctx, c, covered, marked) for c in out]


def _with_closing_term(ctx: Context, cand: Candidate, covered: list[tuple[int, int]],
                       marked: list[tuple[int, int]]) -> Candidate:
    """"Elle juge que les autres candidats … sont des « hypocrites » .": a term in marks (no quote of its own)
    that closes the reported clause belongs to it."""
    for x, y in marked:
        if (x, y) in covered or not 0 <= x - cand.end <= 3 or ctx.text[cand.end:x].strip(SPACES):
            continue
        inner = [t for t in ctx.tokens(x + 1, y) if not t.is_punct]
        if ctx.text[y + 1:y + 4].strip(SPACES)[:1] in (".", "!", "?", ";", "") and not (
                ctx.has_pos and _judging_adjectives(inner)):  # (quoted judging adjectives are quotes of their own)
            cand.end = y + 1
        break
    return cand


def _report_after_quotes(ctx: Context, a: int, tail_from: int, b: int,
                         marked: list[tuple[int, int]]) -> Candidate | None:
    """A report in the words after a sentence's last quote (which starts at ``a``), its own marks left out."""
    tail = [t for t in ctx.tokens(tail_from, b) if not any(x <= t.idx < y for x, y in marked
                                                          if x < b and tail_from < y)]
    if len(tail) < 4:
        return None
    for rule in (_ind_complement, _ind_ccomp, _ind_gerund, _ind_trailing_konjunktiv):
        cand = rule(ctx, tail)
        if cand is not None and (cand.speaker is not None or cand.inherit) and \
                len(_words(ctx.text[cand.start:cand.end])) >= 3:
            return cand
    return _participle_report(ctx, a, tail)


def _participle_report(ctx: Context, a: int, tail: list[Token]) -> Candidate | None:
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
            spk = ctx.speaker_before(ctx.tokens(a, tail[n - 1].idx if french else v.idx), v)
            body = [t for t in clause.subtree if t.i in ids] if clause is not None else tail[que + 1:]
            while body and body[0].lower_ in ctx.lex.complementizers:
                body = body[1:]  # "en expliquant que les employés …": the clause after "que"
            cand = _cand(ctx, body, spk, ctx.cue_of(v)) if spk is not None else None
            return cand if cand is not None and len(_words(ctx.text[cand.start:cand.end])) >= 3 else None
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
    first_clause = next((k for k, t in enumerate(toks) if t.text == ","), len(toks))
    colon_intro = (_ind_incise,) if toks[-1].text == ":" and first_clause >= 4 else ()  # not "Auf die Frage, …"
    # ("Die EU und Österreich befinden sich … in einer günstigen Konstellation, sagte Selmayr in Wien: „…“")
    rules = (_ind_complement, _ind_ccomp, _ind_according, *colon_intro) if inside else (  # introducing a quote, or:
        _ind_as_reported, _ind_according, _ind_nach_worten, _ind_complement, _ind_ccomp, _ind_gerund, _ind_konjunktiv,
        _ind_infinitive, _ind_infinitive_fr, _ind_infinitive_en, _ind_accusation, _ind_incise, _ind_anaphoric,
        _ind_dass_konjunktiv, _ind_colon_conditional)
    for rule in rules:
        cand = rule(ctx, toks)
        if cand is None:
            continue
        if cand.speaker is not None and cand.speaker.text.lower() not in FIRST_PERSON \
                and len(_words(ctx.text[cand.start:cand.end])) >= 3 and not (inside and _verbless(ctx, cand)) \
                and not (inside and _introduces_quote(ctx, cand)):
            out.extend(piece for part in _with_gerund_report(ctx, cand)
                       for piece in _with_coordinated_report(ctx, part))
            more = _gerund_continuation(ctx, toks, cand) if rule in (_ind_incise, _ind_ccomp) else \
                _ind_accusation(ctx, toks) if rule is not _ind_accusation and not inside else None
            if more is None and not inside:
                more = _second_subject_report(ctx, toks, cand)
            if more is None and not inside and rule is not _ind_infinitive_fr:
                more = _earlier_infinitive_report(ctx, toks, cand)
            if more is not None and (more.end <= cand.start or more.start >= cand.end):
                out.append(more)  # "X has accused Y of …, and has also sworn that …": both reports
        break
    else:
        if not inside or toks[-1].text == ":":  # "Es gebe keinen Anlass, …: „…“" introduces its quote reported
            cand = _ind_reported_mood(ctx, toks)
            if cand is not None and len(_words(ctx.text[cand.start:cand.end])) >= 3:
                out.append(cand)
    if not out and len(whole) > len(toks):
        # the marks cut out of the tokens hold the accusation: "Moscou a accusé les États-Unis de vouloir
        # « défendre l’État islamique »"
        cand = _ind_accusation(ctx, whole)
        if cand is not None and len(_words(ctx.text[cand.start:cand.end])) >= 3:
            out.append(cand)
    return out


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
    n = _according(ctx, lead, 0) if lead else 0
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
    if toks[n].lower_ in ctx.lex.complementizers:
        return n + 1
    return n if "Inf" in toks[n].morph.get("VerbForm") else None


def _split_report(ctx: Context, cand: Candidate, head: list[Token], tail: list[Token], verb: Token) -> list[Candidate]:
    """One reported span cut into two reports by the same speaker: `head` under the cue, `tail` under `verb`."""
    first, second = _span_of(head, ctx), _span_of(tail, ctx)
    if first is None or second is None:
        return [cand]
    return [Candidate(first[0], first[1], cand.kind, cand.cue, cand.speaker),
            Candidate(second[0], second[1], cand.kind, ctx.cue_of(verb), cand.speaker)]


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
    for k in range(2, len(toks) - 2):
        if toks[k].lower_ not in AND_WORDS:
            continue
        v = next((t for t in toks[k + 1:k + 3] if t.lower_ not in ctx.lex.auxiliaries), None)
        if v is None or not ctx.is_reporting(v) or v.dep_ not in ("conj", "ROOT"):
            continue  # (the parser often hangs it on the reported clause's verb: "qu’il visait X et dit …", or
            # starts a new root after a comma: "confirme que …-suicides , et précise qu'elles …")
        start = _report_start(ctx, toks, toks.index(v) + 1)
        if start is None:
            continue
        return _split_report(ctx, cand, toks[:k], toks[start:], v)
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
    spk = _subject(ctx, [t for t in toks[:colon] if t.i <= verb.i], verb)
    return _cand(ctx, after, spk, ctx.cue_of(verb)) if spk is not None else None


def _earlier_infinitive_report(ctx: Context, toks: list[Token], cand: Candidate) -> Candidate | None:
    """"Lelandais admet donc maintenant, d'une part, être responsable de la mort de Maëlys, mais il ajoute que …":
    an infinitive report in the clause before the one the sentence's rule took."""
    before = [t for t in toks if t.idx < cand.start]
    joint = max((k for k, t in enumerate(before[:-1]) if t.text == "," and before[k + 1].lower_ in AND_WORDS),
                default=None)
    if joint is None:
        return None
    return _ind_infinitive_fr(ctx, before[:joint])


def _second_subject_report(ctx: Context, toks: list[Token], cand: Candidate) -> Candidate | None:
    """"Republicans agree reforming … is important, but they say other issues deserve priority": after a report, a
    coordinated clause with its own subject and reporting verb is a second report."""
    rest = [t for t in toks if t.idx >= cand.end]
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
    words = _words(ctx.text[cand.start:cand.end])
    return bool(words) and words[-1].lower() in ctx.lex.complementizers


def _verbless(ctx: Context, cand: Candidate) -> bool:
    """'He said the Boko Haram “will not leave …”': what is left of the clause outside the marks is its subject."""
    return ctx.has_pos and not any(t.pos_ in ("VERB", "AUX") for t in ctx.tokens(cand.start, cand.end))


def _ind_reported_mood(ctx: Context, toks: list[Token]) -> Candidate | None:
    """A German sentence in Konjunktiv I with no cue of its own continues the reported statement before it."""
    if ctx.lang != "de" or not ctx.lex.konjunktiv:
        return None
    words = [t.lower_ for t in toks]
    if any(w in FIRST_PERSON or w in ("du", "ihr", "mir", "mich", "uns") for w in words):
        return None  # first-person narration ("ich habe"), not reported speech
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


def _after_report_de(ctx: Context, pos: int) -> bool:
    """The sentence before (in this paragraph or closing the one before) quotes someone: there the
    Konjunktiv II that stands in for a Konjunktiv I that looks indicative ("müssten" for "müssen") reports too
    ("„…“, so Hogan weiter. Zuerst müssten die Landwirte …"); elsewhere it is hypothetical."""
    a, _ = ctx.sentence_of(max(0, pos - 1))
    before = ctx.text[a:pos]
    if not before.strip():
        a, _ = ctx.sentence_of(max(0, a - 2))
        before = ctx.text[a:pos]
    quoted = re.findall(r"[„“”«»\"]([^„“”«»\"]{2,})[„“”«»\"]", before)
    return any(len(_words(q)) >= 4 for q in quoted)  # (not after "Nach Angaben der „Netzeitung“ …": a quote)


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
    # a subject noun phrase opening the sentence, then the verb: determiner, adjectives, one noun
    first, noun, middle = subject[0], subject[-1], subject[1:-1]
    return first.lower_ in ctx.lex.determiners and noun.text[:1].isupper() and noun.text.isalpha() and \
        all(x.text.islower() and x.text.isalpha() for x in middle) and len(middle) <= 2


FRONTED_ADVERBS_DE = frozenset({"ebenso", "zudem", "außerdem", "auch", "daher", "deshalb", "darum", "dennoch",
                                "trotzdem", "allerdings", "jedoch", "nun", "inzwischen", "derzeit", "heute", "bislang",
                                "bisher", "gleichzeitig", "zugleich", "vor allem", "nach wie vor", "insgesamt"})


def _fronted_adverbial_de(words: list[Token]) -> bool:
    """The words before a German verb are one adverb or a fixed adverbial ("Ebenso", "Nach wie vor")."""
    return 1 <= len(words) <= 3 and " ".join(t.lower_ for t in words) in FRONTED_ADVERBS_DE


def _span_of(toks: list[Token], ctx: Context) -> tuple[int, int] | None:
    toks = [t for t in toks if not t.is_space]
    while toks and toks[0].is_punct:
        toks = toks[1:]
    while toks and toks[0].lower_ in ctx.lex.conjunctions and len(toks) > 1:
        toks = toks[1:]
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
        if not verbs or len(clause) > 14 or len(_words(" ".join(t.text for t in body))) < 3:
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


def _ind_according(ctx: Context, toks: list[Token]) -> Candidate | None:
    for k in range(len(toks)):
        n = _according(ctx, toks, k)
        if not n:
            continue
        cue = " ".join(t.lower_ for t in toks[k:k + n])
        if cue == "so" and not (k > 0 and toks[k - 1].text == ","):
            continue  # German "so" is only a source cue in the trailing ", so X."
        rest = toks[k + n:]
        if k >= 3 and toks[k - 1].text == "," and toks[k - 2].lower_ in ctx.lex.complementizers and \
                ctx.speech_event(toks[k - 3]):
            continue  # "Amaq, annonce que, selon ses sources, la tuerie …": the report is Amaq's (its source aside)
        spk = _quoted_source(ctx, toks[k + n - 1]) or ctx.speaker_after(rest)
        if spk is None or not _is_source(ctx, spk, rest):
            continue
        spk = _joined_source(ctx, spk, rest)
        if k == 0 or toks[k - 1].text in (".", "!", "?"):
            # "Selon X, contenu." — "Selon le Premier ministre …, Jay Weatherill, contenu": after the name
            commas = [j for j, t in enumerate(rest) if t.text == "," and t.idx >= spk.end]
            if len(commas) >= 2 and ctx.has_pos and "Part" in rest[commas[0] + 1].morph.get("VerbForm"):
                commas = commas[1:]  # "Selon le directeur, interrogé par Sky News, les tirs …": past the apposition
            body = rest[commas[0] + 1:] if commas else []
            after = [t for t in rest if t.idx >= spk.end]
            if ctx.lang == "de" and after and after[0].text != ",":  # "Nach Angaben der Polizei wurden …": no comma
                body = after
        elif toks[k - 1].text == ",":  # "contenu, selon X."
            body = toks[:k - 1]
            tail = [t for t in _past_source_description(ctx, [t for t in rest if t.idx >= spk.end])
                    if not t.is_punct]
            commas = [j for j, t in enumerate(rest) if t.text == "," and t.idx >= spk.end]
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
            return _cand(ctx, body, spk, t.lower_)
    return None


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
    if after and after[0].text == ",":
        close = next((n for n in range(1, min(len(after), 14)) if after[n].text == ","), None)
        if close is not None and not any(ctx.has_pos and t.pos_ in ("VERB", "AUX") for t in after[1:close]):
            after = after[close + 1:]
    if after and after[0].lower_ in RELATIVE_PRONOUNS:
        return []
    return after


RELATIVE_PRONOUNS = frozenset({"who", "which", "qui", "lequel", "laquelle", "der", "die", "welcher", "welche"})


def _quoted_source(ctx: Context, cue_end: Token) -> Speaker | None:
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
                               any(t.lower_.split("-")[-1] in ctx.lex.source_nouns for t in rest[1:3]))
    nouns = [t for t in head if t.pos_ in ("NOUN", "PROPN")]
    if nouns and nouns[0].pos_ == "NOUN" and nouns[0].lower_.split("-")[-1] not in ctx.lex.source_nouns and any(
            t.pos_ == "ADP" for t in head if t.i > nouns[0].i):
        return False  # "selon la nomenclature du JEL": a name inside a phrase headed by a common noun
    if any(t.pos_ == "PROPN" for t in head):
        return True
    return any(t.lower_.split("-")[-1] in ctx.lex.source_nouns and t.pos_ in ("NOUN", "PROPN") for t in head)


# prepositions that open a phrase, never a subject (not French "des"/"du", which are also articles)
PHRASE_PREPOSITIONS = frozenset({"dans", "en", "à", "sur", "par", "pour", "avec", "sans", "sous", "chez", "vers",
                                 "in", "on", "at", "with", "by", "from", "into", "during", "im", "bei", "mit"})


OBLIQUE_ARTICLES_DE = frozenset({"den", "dem", "einem", "einen"})


def _name_before_apposition(ctx: Context, before: list[Token]) -> Speaker | None:
    """'David Satter, author of a book to be published in May titled "…," says': the name opening the clause,
    then an apposition without a finite verb between commas, then the reporting verb."""
    words = [t for t in before if not t.is_space and t.text not in MARK_TOKENS]
    if len(words) < 4 or not (words[-1].text == "," or words[-1].lower_ in ctx.lex.title_cues) or not ctx.has_pos:
        return None  # (the quoted title after "titled" is cut out of the tokens, its comma with it)
    p = ctx.person_in(words[0].idx, words[0].idx + len(words[0].text))
    if p is None or p.start != words[0].idx:
        return None
    rest = [t for t in words if t.idx >= p.end]
    if not rest or rest[0].text != "," or any("Fin" in t.morph.get("VerbForm") for t in rest):
        return None
    return ctx.speaker_of(p)


def _subject(ctx: Context, toks: list[Token], v: Token) -> Speaker | None:
    before = [t for t in toks if t.i < v.i]
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
        spk = _name_before_apposition(ctx, before)
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
    return spk


def _ind_complement(ctx: Context, toks: list[Token]) -> Candidate | None:
    reach = 16 if ctx.lang == "de" else 12  # "erklärte Präsident Jean-Claude Juncker in seiner Rede …, dass"
    for k, v in enumerate(toks):
        if not ctx.speech_event(v) or _gerund_of_clause_report(ctx, v, toks[:k]):
            continue
        for j in range(k + 1, min(k + reach, len(toks))):
            t = toks[j]
            far = j > k + 5  # "said in a report published Tuesday that …": past the verb's adjuncts, a true SCONJ only
            if far and t.lower_ in ctx.lex.complementizers and ctx.has_pos and t.pos_ != "SCONJ":
                continue
            if t.lower_ in ctx.lex.complementizers and (not ctx.has_pos or t.pos_ in ("SCONJ", "PRON", "") or
                                                         t.lower_ == "how"):
                if ctx.lang == "fr" and toks[j - 1].lower_ in ("ainsi", "plus", "moins", "autant", "tant") and \
                        not (j - 1 == k + 1 and toks[j - 1].lower_ == "ainsi"):
                    break  # "X ainsi que Y" is "as well as" — but "estime ainsi que" is "thus says that"
                if ctx.lang == "en" and t.lower_ == "that" and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and \
                        t.tag_ != "IN":
                    break  # "misrepresented VOA reporting in a way that served …": a relative pronoun (WDT, not
                    # the complementizer IN the parser sometimes hangs as an object: "told journalists … that")
                if _incise_verb(ctx, toks, k) and (any(ctx.is_reporting(w) for w in toks[k + 1:j]) or any(
                        ctx.speech_event(w) and _incise_verb(ctx, toks, n) for n, w in enumerate(toks[:k]))):
                    return None  # "…, a dit M. Bush en soulignant que …", "…, a souligné X, ajoutant qu’…": an
                    # incise, then a gerund's report — the incise rule takes both
                spk = _voice_of(ctx, toks[k + 1:j]) or _pour_source(ctx, toks[k + 1:j]) or \
                    _subject(ctx, toks[:k + 1], v)  # "…, qui indique par la voix d’Igor Morozov que"
                if spk is None and any(ctx.speech_event(w) for w in toks[j + 1:]):
                    break  # "Rappelant que …, le leader congolais a souligné que …": the next verb has a subject
                return _cand(ctx, toks[j + 1:], spk, ctx.cue_of(v))
            if t.text in (".", ";", ":", "?", "!") or (t.text == "," and ctx.lang != "de"):
                break
    return None


def _gerund_of_clause_report(ctx: Context, v: Token, before: list[Token]) -> bool:
    """"X have said the U.S. does not …, adding that …": the gerund's report follows the main verb's clause, which
    the clause rule takes first (the complementizer rule would only see the gerund's)."""
    head = v.head
    return ctx.lang == "en" and v.tag_ == "VBG" and v.dep_ == "advcl" and head in before and \
        ctx.speech_event(head) and any(c.dep_ == "ccomp" and head.i < c.i < v.i for c in head.children)


VOICE = re.compile(r"\bpar la voix d[eu’']|\bthrough (?:its|their|his|her) spokes(?:man|woman|person)\b", re.IGNORECASE)


def _voice_of(ctx: Context, after: list[Token]) -> Speaker | None:
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


def _pour_source(ctx: Context, between: list[Token]) -> Speaker | None:
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
    if not subjects or len(toks) < 3 or toks[0].lower_ not in subjects or not ctx.speech_event(toks[1]):
        return None
    spk = ctx.speaker_after(toks[2:])
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
    return _cand(ctx, prev, spk, ctx.cue_of(toks[1]))


WORTEN = {"worten", "angaben", "aussage", "aussagen", "darstellung", "einschätzung", "ansicht", "auffassung"}
POSSESSIVE_DE = {"seinen": "er", "seiner": "er", "ihren": "sie", "ihrer": "sie"}


def _ind_nach_worten(ctx: Context, toks: list[Token]) -> Candidate | None:
    """German "nach Papandreous Worten", "nach seinen Worten", "nach eigenen Angaben": the clause holding the cue
    reports what that person said."""
    if ctx.lang != "de":
        return None
    for k in range(len(toks) - 3):
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
        body = [t for t in toks[start:end] if not (toks[k].idx <= t.idx <= toks[k + 2].idx)]
        if not any(t.lower_ in ctx.lex.konjunktiv for t in body):
            continue  # "nach eigenen Angaben" before a plain statement of fact is not reported speech
        return _cand(ctx, body, spk, "nach " + toks[k + 2].lower_)
    return None


# hopes and fears report a clause ("espère que …", "hofft, dass …") but not an infinitive ("il souhaite
# reprendre la procédure", "hofft, … zu gewinnen"): that is what they want, not what they say
WISHES = frozenset({"souhaiter", "souhaite", "souhaitent", "souhaitait", "espérer", "espère", "espèrent", "espérait",
                    "redouter", "redoute", "redoutent", "craindre", "craint", "craignent", "hofft", "hoffte", "hoffen",
                    "erwartet", "erwartete", "befürchtet", "befürchtete", "fürchtet", "fürchtete"})


def _ind_infinitive(ctx: Context, toks: list[Token]) -> Candidate | None:
    """German infinitive reports: "Relotius gesteht, … erfunden zu haben", "hatte angekündigt, … zu verhandeln"."""
    if ctx.lang != "de":
        return None
    for k, v in enumerate(toks[:-3]):
        # the comma is optional in older spelling: "Ude hatte angekündigt es wieder … zu versuchen"; a separable
        # verb's particle may stand before it: "kündigte an, die Steuern … zu senken"
        # "warf der Regierung vor, …": the particle after the verb's object
        m = next((m for m in range(k + 1, min(k + 8, len(toks) - 1)) if (toks[m].lower_ in SEPARABLE_PARTICLES or
                                                                        toks[m].lower_ in PRONOMINAL_ADVERBS)
                  and toks[m + 1].text == "," and not any(t.is_punct for t in toks[k + 1:m])), None)
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
                spk = _subject(ctx, toks[:k + 1], v)
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
        if v.lower_ in SE_DIRE and _reflexive_before(toks, k) and j < len(toks) and toks[j].pos_ in ("ADJ", "VERB"):
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
        if v.pos_ != "VERB" or "Inf" in v.morph.get("VerbForm") or v.tag_ in ("VB", "VBG") or \
                (lemma not in PLEDGE_EN and lemma not in REQUEST_EN):
            continue
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


def _reflexive_before(toks: list[Token], k: int) -> bool:
    """"s’est dit", "se sont dits", "se disent": a reflexive pronoun before the verb and its auxiliary."""
    back = [t.lower_ for t in toks[max(0, k - 3):k]]
    while back and back[-1] in ("est", "sont", "était", "étaient", "a", "ont", "avait"):
        back.pop()
    return bool(back) and back[-1] in REFLEXIVES


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
                           "appelle", "appellent", "appelé", "appelait", "appelaient", "exhortait"})}
ACCUSED_FIRST = frozenset({"accuse", "accused", "accuses", "accusing", "accusé", "accusée", "accusés", "accusent",
                           "accusait", "accusaient"})  # these name the accused before "of/de"
ACCUSE_LINK = {"en": frozenset({"of"}), "fr": frozenset({"de", "d’", "d'", "à"})}
ACCUSED_WORDS = 20  # at most this many tokens name the accused between the verb and "of"/"de"


def _ind_accusation(ctx: Context, toks: list[Token]) -> Candidate | None:
    """"X has accused hardliners … of attempting to provoke …", "Les démocrates ont accusé le président de politiser
    …": what the accuser says the accused did — the gerund or infinitive clause."""
    verbs, links = ACCUSE.get(ctx.lang), ACCUSE_LINK.get(ctx.lang)
    if verbs is None or links is None or not ctx.has_pos:
        return None
    for k, v in enumerate(toks):
        if v.lower_ not in verbs or v.pos_ != "VERB" or "Inf" in v.morph.get("VerbForm"):
            continue  # a finite or perfect "accused", not "to accuse" nor "the accused"
        for j in range(k + 1, min(len(toks) - 1, k + ACCUSED_WORDS + 2)):
            nxt = toks[j + 1]
            act = nxt.tag_ == "VBG" if ctx.lang == "en" else "Inf" in nxt.morph.get("VerbForm")
            if toks[j].lower_ in links and act and (j > k + 1 or v.lower_ not in ACCUSED_FIRST):
                ids = {t.i for t in toks}
                body = [t for t in nxt.subtree if t.i in ids and t.i >= nxt.i] if ctx.has_dep else toks[j + 1:]
                agent = toks[k + 1:j]  # "accusée par Nicolas Sarkozy de prendre …": the passive's agent accuses
                spk = ctx.speaker_after(agent[1:]) if agent and agent[0].lower_ in AGENT_WORDS else None
                return _cand(ctx, body, spk or _subject(ctx, toks[:k + 1], v), ctx.cue_of(v))
            if toks[j].text in (".", ";", ":") or (ctx.has_pos and toks[j].pos_ == "VERB"):
                break
    return None


OPENERS = frozenset({"que", "qu’", "qu'", "dont", "qui", "lorsque", "quand", "that", "who", "which", "while", "whom",
                     "whose", "when"})


def _open_subordinate(ctx: Context, before: list[Token]) -> bool:
    """The words before a comma end inside a subordinate or relative clause still waiting for its verb ("…, tandis
    que la maire de Boston, Michelle Wu"): the verb after the comma is that clause's, not an incise."""
    if not ctx.has_pos:
        return False
    opener = max((n for n, t in enumerate(before) if t.lower_ in OPENERS), default=None)
    return opener is not None and not any(t.pos_ in ("VERB", "AUX") for t in before[opener + 1:])


def _past_apposed_name(ctx: Context, toks: list[Token], comma: int) -> int:
    """Index of the comma that closes a name apposed at toks[comma] (", Lorenz Caffier (CDU),"), else `comma`."""
    run = ctx._leading_name(toks[comma + 1:])
    end = comma + 1 + len(run)
    if not run or (ctx.person_in(run[0].idx, run[-1].idx + len(run[-1].text)) is None and ctx.lang != "de"):
        return comma
    if end < len(toks) and toks[end].text == "(":  # a party or an age in brackets
        close = next((j for j in range(end, min(end + 6, len(toks))) if toks[j].text == ")"), None)
        end = close + 1 if close is not None else end
    return end if end < len(toks) and toks[end].text == "," else comma


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
        if not so_incise and any(not (x.lower_ in ctx.lex.auxiliaries or CLITIC.match(x.text) or ctx.is_pronoun(x)
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
        gerund = e < len(toks) and _reporting_gerund(ctx, toks, e)
        if e < len(toks) and toks[e].text not in (",", ".", "!", "?", ";", "–", "—") and not gerund:
            continue
        if _open_subordinate(ctx, toks[:j]):
            continue  # "…, tandis que la maire de Boston, Michelle Wu, a annoncé l’urgence": that clause's own verb
        if so_incise:
            spk = ctx.speaker_after(toks[k + 1:e])
        elif pre and any(not (x.lower_ in ctx.lex.auxiliaries or CLITIC.match(x.text)) for x in pre):
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
        if body and body[0].lower_ in SUBORDINATORS:
            return None  # "Während Seehofer wartete, antwortete er …": a time clause, not what was said
        return _cand(ctx, body, spk, ctx.cue_of(v))
    return None
