"""Quotations with speakers (fr, en, de): direct quotes in any mark convention and indirect reported speech.

Pipeline per article, on the given doc only (no extra spaCy pass): find quoted spans (``quote_marks``), drop titles
and scare quotes (short non-clauses with no attribution next to them), attribute each quote from the words after it
(", a déclaré X", ", he said"), before it ("X a déclaré que", "X : «"), inside it ("– observe-t-il"), or from the
previous quote (split quotes, continuation paragraphs); then add unmarked reported speech ("selon X", "said that",
incises, German Konjunktiv: ``reported``). Pronoun speakers resolve to the latest person or speaker before them
(``speakers``).
"""

from __future__ import annotations

import logging
import re

from spacy.tokens import Doc, Token

from streams.models import Quote

from .attribution import (
    BULLETS,
    CLITIC,
    FAIRE_FORMS,
    HONORIFIC_PATTERN,
    HOST_LINKS,
    INSTITUTION_HEADS,
    OPENING_TITLE_MARKS,
    REFLEXIVES,
    RELATIVE_WHO,
    Context,
    Person,
    Speaker,
    pronoun_speaker,
)
from .candidates import (
    AGENT_WORDS,
    FIRST_PERSON_WORD,
    NOMINAL_DETERMINERS,
    Candidate,
    judging_adjectives,
    words_of,
)
from .quote_marks import DOUBLE, SINGLE, SPACES, MarkedSpan, find_quote_spans_nested
from .reported import (
    GERUND_MARKERS,
    according_length,
    indirect_quotes,
    pour_source,
    quoted_source,
    reflexive_before,
    unmarked_after_colon,
    voice_of,
)
from .speakers import STATEMENT_NOUNS, resolve_speakers

log = logging.getLogger(__name__)

SHORT_WORDS = 5  # a quoted non-clause of at most this many words needs an adjacent attribution to be a quote
NOMINAL_WORDS = 7  # a quoted noun phrase after a determiner up to this length is a name or scare quote


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
    cands += indirect_quotes(ctx, covered, marked)
    credited = _credited_paragraphs(ctx, marked)
    cands = [c for c in cands if not _inside_credited(c, credited)] + credited
    cands += unmarked_after_colon(ctx, marked, cands)
    cands.sort(key=lambda c: c.start)
    quotes = resolve_speakers(ctx, _mixed_reports(ctx, cands))
    quotes += _nested(ctx, nested, quotes)
    quotes += _rescued(ctx, [s for s in spans if s not in kept], quotes)
    quotes.sort(key=lambda q: q.start)
    return _without_repeats([q for q in quotes if not _inside_credited(q, credited)])


def _inside_credited(q: Candidate | Quote, credited: list[Candidate]) -> bool:
    """Words in marks inside a credited paragraph (an embedded post quoting a chant) are the paragraph's own."""
    return any(p.start <= q.start < p.end and (p.start, p.end) != (q.start, q.end) for p in credited)


def _mixed_reports(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """A report whose clause the speaker's own words complete is one mixed quote: 'Kiir said he expects the warring
    sides “to reach a peaceful solution …”' — the marked words (lower-case, attributed by nothing outside the report)
    join the indirect quote before them."""
    out: list[Candidate] = []
    for c in cands:
        last = out[-1] if out else None
        own = c.cue is None and c.speaker is None  # or found inside the report: "he expects … “…”"
        inner = c.speaker is not None and last is not None and last.start <= c.speaker.start < last.end and \
            len(words_of(ctx.text[c.start:c.end])) > SHORT_WORDS  # not a term the report names ("as a “witch hunt”")
        same = c.speaker is not None and last is not None and last.speaker is not None and \
            c.speaker.start < last.speaker.end and last.speaker.start < c.speaker.end and \
            "," not in ctx.text[last.start:last.end]  # (one subject, found whole or in part by the two rules)
        # 'X says the rejection … is "offensive and unacceptable …"' (not '…, describing it as "positive"'); the
        # report may end on an elided "d'" and the marked words open with a figure ("a besoin de « 400 avions … »")
        if last is not None and last.kind == "indirect" and c.kind == "direct" and (own or inner or same) and \
                c.span is not None and c.span.close_at is not None and \
                not ctx.text[last.end:c.span.open_at].strip(SPACES + "'’") and \
                (ctx.text[c.start:c.start + 1].islower() or ctx.text[c.start:c.start + 1].isdigit()):
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
        key = tuple(w.lower() for w in words_of(q.text))
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
        words = words_of(content)
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
            if judging_adjectives(toks):
                return q.speaker, q.speaker_start, q.speaker_end  # type: ignore[return-value]
        if q.speaker_end is not None and q.speaker_end <= span.open_at and \
                ctx.sentence_of(q.start) == ctx.sentence_of(span.open_at):
            between = ctx.tokens(q.speaker_end, span.open_at)
            if 0 < len(between) <= 3 and ctx.is_reporting(between[0]):
                return q.speaker, q.speaker_start, q.speaker_end  # type: ignore[return-value]
    return None




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
            if not lead.endswith((":", ",")) or len(words_of(ctx.text[span.start:span.end])) < 3:
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


def _is_quotation(ctx: Context, span: MarkedSpan, spans: list[MarkedSpan], i: int) -> bool:
    """Quotations are clauses, or short fragments with an attribution right next to them; the rest are titles."""
    content = ctx.text[span.start:span.end]
    words = words_of(content)
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
    if ((_title_cue(ctx, span) or _named_by_copula(ctx, span)) and not lowercase_clause) or \
            _listed_after_title(ctx, spans, i):
        return False  # titles start with a capital; "le journal « n’a jamais publié … »" is what the paper said
    if _legal_qualification(ctx, span, content):
        return False  # "placé en garde à vue pour « violences sur une personne chargée … »": a charge, no speech
    if span.continued or span.continues:
        return True
    if HEADLINE.match(content) and content.rstrip()[-1:] not in ".!?…" and _right(ctx, span, len(ctx.text)) is None \
            and _left(ctx, span, prev) is None:
        return False  # a linked article's headline: "« Attentats de Bruxelles : le second kamikaze a été identifié »"
    sentence_like = content[:1].isupper() and content.rstrip()[-1:] in ".!?…" and len(words) >= 2
    clause = sentence_like or (len(words) > 2 and any(ctx.is_finite_verb(t) for t in ctx.tokens(span.start, span.end)))
    nominal = len(words) <= NOMINAL_WORDS and not sentence_like and not lowercase_clause and \
        _after_determiner(ctx, span)  # (not "a annoncé que le « la solution alternative, maintenant, c'est …»")
    fragment = not sentence_like and len(words) <= SHORT_WORDS + 1 and content[:1].islower() \
        and not _in_reported_speech(ctx, span) and not (lowercase_clause and content.rstrip()[-1:] in ".!?…")
    # (a clause closed by its own full stop is a sentence quoted: "« la grève est très suivie. »")
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


NAMING_NOUNS = frozenset({"thème", "slogan", "devise", "motto", "theme", "tagline", "thema", "leitspruch", "titre",
                          "title", "titel"})
COPULAS = frozenset({"était", "est", "sera", "fut", "is", "was", "be", "lautet", "lautete", "war", "ist"})


def _named_by_copula(ctx: Context, span: MarkedSpan) -> bool:
    """"Le thème de cette année était « Nous sommes une famille »", "the slogan was “…”": the words in marks are
    what a theme, slogan or title is called, not anybody's speech."""
    sent_a, _ = ctx.sentence_of(span.open_at)
    before = [t for t in ctx.tokens(sent_a, span.open_at) if not t.is_space]
    if len(before) < 2 or before[-1].lower_ not in COPULAS:
        return False
    return any(t.lower_ in NAMING_NOUNS for t in before[:6])


# proceedings whose charge or sentence French news quotes in marks ("mis en examen pour « assassinat »")
LEGAL_CUES_FR = re.compile(r"\b(?:garde à vue|mise? en examen|inculpée?s?|poursuivie?s?|condamnée?s?|enquête|"
                           r"information judiciaire|écrouée?s?|déférée?s?)\b", re.IGNORECASE)
LEGAL_LINKS_FR = frozenset({"pour", "à", "de", "d'", "d’"})
LEGAL_REACH = 90  # characters before the mark in which the proceeding is named


def _legal_qualification(ctx: Context, span: MarkedSpan, content: str) -> bool:
    """A French charge or sentence in marks after the proceeding ("ouverte … par le parquet de Paris pour
    « association de malfaiteurs … »", "condamné à « trois mois d’emprisonnement … »"): the law's words, no speech."""
    if ctx.lang != "fr" or not content[:1].islower() or \
            any(ctx.is_finite_verb(t) for t in ctx.tokens(span.start, span.end)):
        return False
    sent_a, _ = ctx.sentence_of(span.open_at)
    before = [t for t in ctx.tokens(max(sent_a, span.open_at - LEGAL_REACH), span.open_at) if not t.is_space]
    return bool(before) and before[-1].lower_ in LEGAL_LINKS_FR and \
        LEGAL_CUES_FR.search(ctx.text, max(sent_a, span.open_at - LEGAL_REACH), span.open_at) is not None


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
            or _mixed_right(ctx, span, nxt, prev) or _evaluated(ctx, span) or _colon_paragraph(ctx, span, prev)
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
    """A block quote credited on the next line: '“…”\n\n—Médecins Sans Frontières' (a pull quote's source), or
    a quote standing as its own paragraph signed by a name line ('"…"\n\nFederica Mogherini, Hohe Vertreterin …')."""
    if span.close_at is None:
        return None
    m = _CREDIT_LINE.match(ctx.text, span.close_at + 1)
    if m is None:
        return _signature_credit(ctx, span)
    if len(m.group(1).split()) > 8 or m.group(1).rstrip()[-1:] in ".!?:;":
        return None
    toks = ctx.tokens(m.start(1), m.end(1))
    spk = ctx.speaker_after(toks) if toks else None
    return (spk, "—") if spk is not None else None


_SIGNATURE_LINE = re.compile(r"[ \t]*\n\s*([^\n]{2,120})(?:\n|$)")
SIGNATURE_WORDS = 14


def _signature_credit(ctx: Context, span: MarkedSpan) -> tuple[Speaker | None, str] | None:
    """A paragraph that is one quote, then a line that opens with a person's name and is no sentence."""
    line_start = ctx.text.rfind("\n", 0, span.open_at) + 1
    if ctx.text[line_start:span.open_at].strip(SPACES):
        return None  # the quote does not open its paragraph
    m = _SIGNATURE_LINE.match(ctx.text, span.close_at + 1) if span.close_at is not None else None
    if m is None or len(m.group(1).split()) > SIGNATURE_WORDS or m.group(1).rstrip()[-1:] in ".!?:;\"»“”":
        return None
    p = ctx.person_starting(m.start(1))
    if p is None or p.canonical in ctx.org_names or ctx.text[p.end:p.end + 1] not in (",", "", "\n"):
        return None
    return ctx.speaker_of(p), "—"


# the credit line an embedded post leaves in scraped text: its author, the account, the date
EMBEDDED_POST_CREDIT = re.compile(r"([^()\n]{2,60}?)\s*\(@\w{1,30}\)\s+\S.{0,30}$")
CREDIT_AT_LINE = re.compile(r"(?m)^[ \t]*[—–―][ \t]*([^\n]{2,80})$")
CREDITED_PARAGRAPHS = 3  # a quote box holds at most this many paragraphs


def _credited_paragraphs(ctx: Context, marked: list[tuple[int, int]]) -> list[Candidate]:
    """A quote box without marks: first-person paragraphs, then a credit line ("J’ai parfaitement conscience que …
    \n\n— Jean-Marc Morandini"). Each paragraph is a direct quote of the credited person; a credit after the
    article's own prose (a box whose quote the scrape lost) credits nothing."""
    out: list[Candidate] = []
    for m in CREDIT_AT_LINE.finditer(ctx.text):
        post = EMBEDDED_POST_CREDIT.match(m.group(1))  # "— Ari Telch (@aritelch) November 5, 2014"
        credit = post.group(1) if post else m.group(1).split(",")[0].strip(SPACES)
        if not credit or len(credit.split()) > 5 or any(c.isdigit() for c in credit):
            continue
        spk = ctx.speaker_after(ctx.tokens(m.start(1), m.start(1) + len(credit)))
        if spk is None or spk.kind != "name":
            continue
        pieces: list[tuple[int, int]] = []
        end = m.start()
        while len(pieces) < (1 if post else CREDITED_PARAGRAPHS):
            block = ctx.text[:end].rstrip()
            paragraph_break = block.rfind("\n\n") + 2 if "\n\n" in block else 0
            start = block.rfind("\n") + 1 if post else paragraph_break  # (a post: the line right before its credit)
            para = ctx.text[start:len(block)]
            if not para.strip() or "\n" in para.strip() or (not post and (not FIRST_PERSON_WORD.search(para) or any(
                    x < len(block) and start < y for x, y in marked))):
                break  # (an embedded post is one paragraph, in any person, its marks its own)
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
        ends = gap.strip(SPACES) == "." or ctx.text[kept[j].start:kept[j].end].rstrip()[-1:] in (".", "!", "?")
        if ends and _introduced(ctx, kept[i]):
            return None  # "La NASA annonce vouloir « … » . « … » , a insisté X": the first has its own speaker
            # ('Er fügte hinzu: "… Partnerschaft." "Ich brauche …", erklärte Kommissar Avramopoulos')
            # (so has "selon Greenpeace, « … » et « … » . « … », fustige l'association")
        j += 1
        nxt = kept[j + 1].open_at if j + 1 < len(kept) else len(ctx.text)
        attr = _right(ctx, kept[j], nxt)
        if attr is not None:
            return attr
    return None


def _introduced(ctx: Context, span: MarkedSpan) -> bool:
    """A reporting verb or a source ("selon Greenpeace, « … »") stands before the quote in its own sentence."""
    s_start, _ = ctx.sentence_of(span.open_at)
    toks = ctx.tokens(s_start, span.open_at)
    return any(ctx.is_reporting(t) or according_length(ctx, toks, k) for k, t in enumerate(toks))


def _opens_sentence(ctx: Context, span: MarkedSpan, floor: int) -> bool:
    """Little or nothing of its own before the quote: it can continue the previous speaker's words."""
    s_start, _ = ctx.sentence_of(span.open_at)
    before = ctx.tokens(max(s_start, floor), span.open_at)
    return len([t for t in before if not t.is_punct]) <= 5


def _agent_before_colon(ctx: Context, toks: list[Token]) -> Person | None:
    """"X a été accueilli … par M. Georges Dassis, président du CESE: « … »": the passive's agent, named last
    before the colon (with its apposition), says the words — not the sentence's subject."""
    colon = toks[-1].idx
    for p in reversed([p for p in ctx.people if toks[0].idx < p.start and p.end <= colon]):
        if not _AGENT_BEFORE.search(ctx.text[toks[0].idx:p.start]):
            continue
        between = [t for t in toks if p.end <= t.idx < colon]
        return None if any(ctx.is_finite_verb(t) for t in between) else p
    return None


_AGENT_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(AGENT_WORDS)) + r")\s+(?:" + HONORIFIC_PATTERN +
                           r"\.?\s+)?$")


def _content(toks: list[Token], ctx: Context) -> list[Token]:
    return [t for t in toks if not t.is_punct and t.lower_ not in ctx.lex.auxiliaries and t.lower_ != "-t"]








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
    n_acc = according_length(ctx, toks, 0)
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
        emotive = ctx.lang == "fr" and ctx.has_pos and n <= 3 and t.pos_ == "VERB" and reflexive_before(toks, n)
        if ctx.is_reporting(t) or emotive:
            if n == 1 and toks[0].lower_ in RELATIVE_SUBJECTS:
                return None  # 'affirme que les "Français sont pris en otage par une minorité", qui souhaite …':
                # the relative clause is about the quote's last words, it does not say who speaks
            if toks[0].text[:1].isupper() and ctx.is_pronoun(toks[0]) and _reports_own_clause(ctx, t):
                return None  # '“…,” He said the militias … are supporting …': a new report, not this quote's
            if n > 0 and _reports_own_clause(ctx, t) and _reported_on_left(ctx, span):
                return None  # "Alors qu'un porte-parole … affirme qu'ils sont « … », un ministre a assuré que …"
            following = ctx.text[t.idx + len(t.text):t.idx + len(t.text) + 4].lstrip(SPACES + ":")[:1]
            if following and following in OPENING_TITLE_MARKS + "“":
                return None  # "« … » , demander « … »": the verb introduces the next quote
            if n == 0 and _gerund(t) and t.i + 1 < len(ctx.token_list) and \
                    ctx.token_list[t.i + 1].lower_ in ctx.lex.complementizers:
                return None  # "annoncé avoir « … » , ajoutant que « … »": the gerund introduces the next report
            pre = [x for x in toks[:n] if x.lower_ not in FAIRE_FORMS]  # "« … » a fait remarquer Mme Rice"
            if emotive:
                pre = [x for x in pre if x.lower_ not in REFLEXIVES]
            spk = ctx.speaker_before(pre, t) if _content(pre, ctx) or any(ctx.is_pronoun(x) for x in pre) else None
            if spk is None:
                spk = ctx.speaker_after(toks[n + 1:]) or pour_source(ctx, toks[n + 1:n + 9]) or \
                    _name_closing_clause(ctx, toks[n + 1:])  # "« … » déclare sur TF1 Nicolas Sarkozy."
            return spk, ctx.cue_of(t)
        if n == 0 and (first == "," or last == ",") and len(toks) > 1 and ctx._person_at(toks[1].idx) and (
                t.pos_ == "VERB" if ctx.has_pos else t.text.isalpha() and t.text.islower()):
            # "„Vielen Dank und Servus“, schloss Juncker seine Rede": any verb right after the quote, then a name
            return ctx.speaker_after(toks[1:]), ctx.cue_of(t)
        if n >= 1 and ctx.has_pos and t.pos_ in ("VERB", "AUX") and not ctx.is_reporting(t) and t.lower_ not in \
                ctx.lex.auxiliaries and t.lower_ not in CONTROL_FORMS and t.lower_ not in FAIRE_FORMS:
            break  # (not "« … » a fait remarquer Mme Rice")
    return None


RELATIVE_SUBJECTS = RELATIVE_WHO | {"which"}


def _inverted_speaker_relative(ctx: Context, toks: list[Token], verbs: list[Token]) -> tuple[Speaker, str] | None:
    """"« … » , a précisé le Conseil d’État, qui « annule donc le refus du ministre … »": the relative pronoun
    before the quote stands for the inverted subject of the reporting verb just before — who goes on speaking."""
    if len(toks) < 4 or not verbs or toks[-1].lower_ not in RELATIVE_SUBJECTS or toks[-2].text != ",":
        return None
    v = verbs[-1]
    between = [t for t in toks[:-2] if t.i > v.i]
    if not between or len(between) > 8 or any(t.is_punct for t in between):
        return None
    spk = ctx.speaker_after(between)
    if spk is None or spk.kind == "pronoun" or spk.end < between[-1].idx:
        return None
    return spk, ctx.cue_of(v)


def _source_right_before_mark(ctx: Context, rest: list[Token]) -> bool:
    """The words between a mid-clause "selon" and the opening mark are a short noun phrase alone: the source."""
    return ctx.has_pos and 0 < len(rest) <= 6 and rest[0].pos_ in ("DET", "PROPN", "NOUN") and \
        not any((t.is_punct and t.text not in ("'", "’")) or t.pos_ in ("VERB", "AUX", "SCONJ") or
                (t.pos_ == "ADP" and t.lower_ not in SOURCE_LINKS) for t in rest[1:])  # (not "selon lui, en …")


SOURCE_LINKS = frozenset(MENTION_PREPS | {"der"})  # "selon le ministre de l'Intérieur", "laut dem Sprecher der …"


def _gerund(t: Token) -> bool:
    """"ajoutant", "adding": a present participle (English -ing form)."""
    return ("Part" in t.morph.get("VerbForm") and "Pres" in t.morph.get("Tense")) or t.tag_ == "VBG"


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
    relative = _inverted_speaker_relative(ctx, toks, verbs)
    if relative is not None:
        return relative
    for k in range(len(toks)):
        n_acc = according_length(ctx, toks, k)
        if n_acc and verbs and verbs[-1].i > toks[k].i and _reports_after_source(ctx, toks, k + n_acc, verbs[-1]):
            break  # "Selon l'AFP …, François Hollande … a soutenu que «": the agency relays, Hollande speaks
        lead = k
        while lead > 0 and ctx.has_pos and toks[lead - 1].pos_ == "ADV":
            lead -= 1  # ", toujours selon la CFL, que « … »"
        if n_acc and (lead == 0 or toks[lead - 1].is_punct):
            rest = toks[k + n_acc:]
            if not adjacent or (rest and rest[-1].text in (",", ":")):
                spk = quoted_source(ctx, toks[k + n_acc - 1]) or ctx.speaker_after(rest)  # "Selon « Quotidien »,"
                if spk is not None:
                    return spk, " ".join(t.lower_ for t in toks[k:k + n_acc])
        elif n_acc and not adjacent and _source_right_before_mark(ctx, toks[k + n_acc:]):
            spk = ctx.speaker_after(toks[k + n_acc:])  # "L'enterrement est selon l'Église « … »"
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
            spk = voice_of(ctx, after) or pour_source(ctx, after) or \
                (ctx.speaker_before(before, v) if before else None)
            if spk is None:
                clit = [t for t in toks if t.i > v.i and CLITIC.match(t.text) and t.lower_ != "-t"][:1]
                spk = ctx.speaker_after(clit or after)
            if spk is None and not [t for t in before if t.lower_ not in GERUND_MARKERS] and _gerund(v):
                spk = _main_clause_subject(ctx, span)  # "Précisant que « … », le ministre …, Hervé Morin a estimé"
            if spk is not None and spk.kind == "pronoun" and len(verbs) >= 2:
                spk = _reporter_of_pronoun(ctx, toks, verbs[-2], spk) or spk
            return spk, ctx.cue_of(v)
    if colon:
        if any(t.lower_ in SPEECH_NOUNS for t in toks[-4:]):
            return None  # "Danach die bekannten Worte: „…“": the words, not who said them — look further
        p = _agent_before_colon(ctx, toks) or ctx.person_in(toks[0].idx, span.open_at)
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


def _name_closing_clause(ctx: Context, toks: list[Token]) -> Speaker | None:
    """A person's name closing the clause a few words after an inverted verb, past its object ("déclare sur TF1
    Nicolas Sarkozy.")."""
    end = next((k for k, t in enumerate(toks) if t.text in (".", "!", "?", ";", ",", ":")), len(toks))
    if not 0 < end <= INVERTED_OBJECT_WORDS + 3:
        return None
    p = ctx._person_ending(toks[end - 1])
    return ctx.speaker_of(p) if p is not None and p.start >= toks[0].idx else None


INVERTED_OBJECT_WORDS = 4


def _reporter_of_pronoun(ctx: Context, toks: list[Token], outer: Token, spk: Speaker) -> Speaker | None:
    """"… Bernard Kouchner a indiqué qu'il soutenait « la légalité »": the pronoun subject right after the
    complementizer of a report is its reporter (a person named as the report's subject)."""
    k = next((n for n, t in enumerate(toks) if t.idx == spk.start), None)
    if k is None or k < 2 or toks[k - 1].lower_ not in ctx.lex.complementizers or toks[k - 2].i != outer.i:
        return None
    reporter = ctx.speaker_before([t for t in toks if t.i < outer.i], outer)
    return reporter if reporter is not None and reporter.kind == "name" else None


def _reported_on_left(ctx: Context, span: MarkedSpan) -> bool:
    """A verb of saying stands before the quote in its sentence."""
    a, _ = ctx.sentence_of(span.open_at)
    return any(ctx.speech_event(t) for t in ctx.tokens(a, span.open_at))


def _main_clause_subject(ctx: Context, span: MarkedSpan) -> Speaker | None:
    """The subject of the first verb of saying after the quote, in the same sentence: who a sentence-initial
    gerund ("Précisant que « … », …") speaks for."""
    if span.close_at is None:
        return None
    _, end = ctx.sentence_of(span.close_at)
    toks = [t for t in ctx.tokens(span.close_at + 1, end) if not t.is_space]
    verb = next((t for t in toks if ctx.speech_event(t)), None)
    before = [t for t in toks if verb is not None and t.i < verb.i]
    while before and before[0].is_punct:
        before = before[1:]
    return ctx.speaker_before(before, verb) if verb is not None and before else None


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
    agent = _passive_agent(ctx, span, toks, verb)
    if agent is None and verb is toks[-2] and _bare_participle(ctx, toks, verb):
        return None, ctx.cue_of(verb)  # "Laurent Ruiz, âgé de 59 ans et décrit comme « expérimenté »": by nobody named
    spk = agent or ctx.speaker_before([t for t in toks if t.i < verb.i], verb)
    return (spk, ctx.cue_of(verb)) if spk is not None else None


def _bare_participle(ctx: Context, toks: list[Token], verb: Token) -> bool:
    """A French or German past participle with no auxiliary of its own, right before "comme"/"als": a reduced
    passive ("âgé de 59 ans et décrit comme") whose subject is what is described, not who describes it."""
    if ctx.lang == "en" or not ctx.has_morph or "Part" not in verb.morph.get("VerbForm"):
        return False  # (English "what an officer described as" is tagged a participle as often as not)
    if any(c.dep_.startswith("aux") for c in verb.children):
        return False
    k = toks.index(verb) - 1
    while k >= 0 and ctx.has_pos and toks[k].pos_ == "ADV":
        k -= 1
    return k < 0 or not (toks[k].pos_ == "AUX" or toks[k].lower_ in PASSIVE_AUX)


PASSIVE_AUX = frozenset({"est", "sont", "été", "était", "étaient", "fut", "furent", "is", "are", "was", "were", "been",
                         "being", "wird", "wurde", "wurden", "werden", "worden"})


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


def _evaluated(ctx: Context, span: MarkedSpan) -> tuple[Speaker | None, str] | None:
    """A short fragment in marks that a verb of judging or speaking takes as its object is its subject's word:
    "dénonce « une attaque inadmissible »", "qu'elle qualifie d'« héroïque »", "se dit « impatient de … »",
    "en se félicitant du « consensus politique »" (the subject of the clause the participle hangs on)."""
    if not ctx.has_dep or not ctx.lex.evaluative:
        return None
    a, _ = ctx.sentence_of(span.open_at)
    before = [t for t in ctx.tokens(a, span.open_at) if not t.is_space and t.text not in DOUBLE + SINGLE]
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
    if any(c.dep_ in ("aux:pass", "auxpass") for c in verb.children):
        # "le risque était qualifié de « marqué » par Météo-France": the agent judges, not the subject
        agent = _passive_agent(ctx, span, before, verb)
        return (agent, ctx.cue_of(verb)) if agent is not None else None
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


def _colon_paragraph(ctx: Context, span: MarkedSpan, floor: int) -> tuple[Speaker | None, str] | None:
    """A quotation opening the paragraph after one that ends with a colon ("Karl-Heinz Lambertz, le président du
    Comité européen des régions, s’est exprimé en ces termes:⏎⏎« … »"): the subject of that sentence says it."""
    a, _ = ctx.sentence_of(span.open_at)
    if ctx.text[a:span.open_at].strip(SPACES + "\n") or a <= floor:
        return None
    before = ctx.text[floor:a].rstrip(SPACES + "\n")
    if not before.endswith(":") or "\n" not in ctx.text[len(before) + floor:span.open_at]:
        return None
    s_start, _ = ctx.sentence_of(floor + len(before) - 1)
    toks = ctx.tokens(max(s_start, floor), floor + len(before))
    verb = next((t for t in reversed(toks) if ctx.has_pos and t.pos_ == "VERB"), None)
    spk = ctx.speaker_before(toks, verb) if verb is not None else None
    if spk is not None and spk.kind in ("name", "pronoun"):
        return spk, ":"
    subject = ctx.subject_before(floor + len(before), max(s_start, floor))
    return (ctx.speaker_of(subject), ":") if subject is not None else None


def _clause_source(ctx: Context, span: MarkedSpan, floor: int) -> tuple[Speaker | None, str | None] | None:
    """No cue at all: the agent or subject of the quote's own clause when it names an organisation or a person
    ("une liste construite par la section 37 du Comité national, dans le but d’être une « aide … »")."""
    if not ctx.has_dep:
        return None
    a, _ = ctx.sentence_of(span.open_at)
    toks = ctx.tokens(max(a, floor), span.open_at)
    ids = {t.i for t in toks}
    inside = ctx.tokens(span.start, span.end)
    governing = {x.i for x in inside[0].ancestors} if inside else set()
    for t in toks:
        if t.dep_ not in ("obl:agent", "agent", "nsubj") or ctx.is_pronoun(t) or t.lower_ in ctx.lex.non_speakers:
            continue
        if governing and t.head.i not in governing:
            continue  # the subject of another clause ("date à laquelle le DTP avait été « suspendu » …, « … »")
        if t.dep_ == "nsubj" and any(c.dep_ == "case" for c in t.children):
            # no subject has a preposition: "à l'Assemblée nationale, Jean-Luc Mélenchon a observé une minute de
            # silence … pour « … »" — a fronted place, the name apposed to it is the subject
            named = next((p for c in t.children if c.dep_ == "appos" for p in ctx.people
                          if c.idx <= p.start < c.right_edge.idx + len(c.right_edge.text)), None)
            if named is not None and named.canonical not in ctx.org_names:
                return ctx.speaker_of(named), None
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
        if org is not None or (t.dep_ in ("obl:agent", "agent") and t.lower_ in INSTITUTION_HEADS):
            return ctx._describe(region), None  # "rejetée par le gouvernement, qui ne veut pas « … »"
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
