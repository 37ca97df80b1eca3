"""Load spaCy pipelines once per process: an installed model per language, or a blank tokenizer with rules."""

from __future__ import annotations

import functools
import logging
import re
import time
import unicodedata

import spacy
from spacy.language import Language as SpacyLanguage
from spacy.tokens import Doc

log = logging.getLogger(__name__)

# Components no stage of newswatch reads; excluding them saves load time and memory.
UNUSED_COMPONENTS = ("senter",)
MODEL_LOAD_SECONDS: dict[str, float] = {}


@SpacyLanguage.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break starts a sentence: a headline or a list line without a full stop is not parsed into the next
    paragraph ("… Threatening Its Leader\n\nZimbabwe’s main opposition group … says": "group" is no object of the
    headline's verb). The parser keeps sentence starts set before it."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text_with_ws and not token.is_space:
            token.is_sent_start = True
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if nxt is not None and not nxt.is_space and not nxt.is_punct and "\n" not in token.text_with_ws:
                nxt.is_sent_start = False  # the line's first word is no sentence of its own ("Business | France a
                # quant à elle …" parsed as two sentences)
    return doc


@functools.cache
def load_model(name: str) -> SpacyLanguage:
    """Load an installed spaCy model package by name (never downloads)."""
    started = time.perf_counter()
    nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("line_breaks", before="parser")
    MODEL_LOAD_SECONDS[name] = time.perf_counter() - started
    log.info("model loaded", extra={"model": name, "seconds": round(MODEL_LOAD_SECONDS[name], 2)})
    return nlp


@functools.cache
def blank_pipeline(lang: str, aliases_file: str | None = None) -> SpacyLanguage:
    """Tokenizer + sentencizer (+ alias-table entity ruler) for a language without a statistical model."""
    from streams.enrich.canonical import default_aliases
    from streams.enrich.entities import build_entity_ruler_patterns

    try:
        nlp = spacy.blank(lang)
    except (ImportError, KeyError):
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(build_entity_ruler_patterns(default_aliases(aliases_file)))
    return nlp


def pipeline_for(lang: str, models: dict[str, str], aliases_file: str | None = None) -> tuple[SpacyLanguage, str]:
    """The pipeline to use for `lang` and a name for it (the model package, or ``blank:<lang>``)."""
    name = models.get(lang)
    if name:
        return load_model(name), name
    nlp = blank_pipeline(lang, aliases_file)
    return nlp, f"blank:{nlp.lang}"


# -- running the parser only where quote attribution needs it ------------------------------------------------------
QUOTE_MARKS = frozenset("“”«»„‟\"‹›‚‘")
_SENTENCE_GAP = re.compile(r"(?<=[.!?…])[ \t\u00a0]*\n*[ \t\u00a0]*(?=[«“\"A-ZÀ-Ý])|\n\n+")
_WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")


@functools.cache
def cue_words(lang: str) -> frozenset[str]:
    """Reporting-verb forms and "selon/according to/laut" cues of a language (lower case), from the quote lexicon."""
    from streams.enrich.attribution import raw_lexicon

    lexicon = raw_lexicon(lang)
    words: set[str] = set()
    for key in ("forms", "verbs", "according", "postpositions", "parse_cues"):
        for entry in lexicon.get(key) or []:
            words.update(str(entry).lower().split())
    if lang == "en":  # "denied", "testifies": regular inflections the stems miss (y → ied), for every lemma
        words.update(form for lemma in lexicon.get("verbs") or [] for form in _english_inflections(str(lemma)))
    return frozenset(words - COMMON_CUE_PARTS)


def _english_inflections(lemma: str) -> tuple[str, ...]:
    """-s, -ed and -ing forms of a regular English verb ("deny": denies, denied, denying)."""
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    if lemma.endswith("e"):
        return lemma + "s", lemma + "d", lemma[:-1] + "ing"
    suffix = "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s"
    return lemma + suffix, lemma + "ed", lemma + "ing"


# words of multi-word cues ("de l'avis de") too common to send a paragraph to the parser by themselves
COMMON_CUE_PARTS = frozenset({"de"})


@functools.cache
def cue_stems(lang: str) -> re.Pattern[str]:
    """Stems of the reporting-verb lemmas ("annonc" for annoncer): inflected forms the surface list lacks
    ("annoncent", "précisaient") must still send their paragraph to the parser. Over-matching only costs speed."""
    from streams.enrich.attribution import raw_lexicon

    lexicon = raw_lexicon(lang)
    stems = set()
    for lemma in lexicon.get("verbs") or []:
        word = _unaccented(str(lemma).lower().replace("’", "'").split("'")[-1])
        stem = re.sub(r"(?:er|ir|re|en|e)$", "", word)
        if len(stem) >= 4:
            stems.add(stem)
    if not stems:
        return re.compile(r"(?!)")
    return re.compile("^(?:" + "|".join(sorted(map(re.escape, stems), key=len, reverse=True)) + ")")


def needs_parse(paragraph: str, lang: str) -> bool:
    """A paragraph with a quote mark or a reporting cue gets the full pipeline; the others only NER."""
    if any(char in QUOTE_MARKS for char in paragraph):
        return True
    if lang == "fr" and _OPINION_OPENING_FR.search(paragraph):
        return True  # "Pour le président gabonais élu, des voies de recours existent …": a view (reported.py)
    cues = cue_words(lang)
    stems = cue_stems(lang)
    return any(w in cues or stems.match(_unaccented(w)) for w in (word.lower() for word in _WORD.findall(paragraph)))


# a sentence opening with "Pour <a few words>," (the words of someone's view follow)
_OPINION_OPENING_FR = re.compile(r"(?:^|[.!?]\s+)Pour\s+[^,.!?]{2,80},")


@functools.lru_cache(maxsize=65536)
def _unaccented(word: str) -> str:
    """`word` without diacritics: "considère" meets the stem of "considérer"."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def light_components(nlp: SpacyLanguage) -> list[str]:
    """NER and what it listens to: enough for entities on paragraphs without quotes."""
    names = [n for n in nlp.pipe_names if n in ("ner", "entity_ruler")]
    if "tok2vec" in nlp.pipe_names and "ner" in getattr(nlp.get_pipe("tok2vec"), "listening_components", []):
        names.insert(0, "tok2vec")
    return names


def analyse(nlp: SpacyLanguage, texts: list[str], lang: str, parse_scope: str = "all",
            batch_size: int = 16) -> list[Doc]:
    """``nlp.pipe`` over `texts`; with ``parse_scope="cues"`` the parser (and tagger, lemmatizer) run only on the
    paragraphs that hold quote marks or reporting cues, NER on everything, and each article is reassembled into one
    Doc whose text is exactly the input (offsets stay valid)."""
    if parse_scope == "all" or "parser" not in nlp.pipe_names:
        return list(nlp.pipe(texts, batch_size=batch_size))
    segments = [_segments(text, lang) for text in texts]
    full = [s for parts in segments for s, parse in parts if parse]
    light = [s for parts in segments for s, parse in parts if not parse]
    full_docs = iter(list(nlp.pipe(full, batch_size=batch_size)))
    with nlp.select_pipes(enable=light_components(nlp)):
        light_docs = iter(list(nlp.pipe(light, batch_size=batch_size)))
    docs = []
    for parts in segments:
        pieces = [next(full_docs) if parse else next(light_docs) for _, parse in parts]
        docs.append(pieces[0] if len(pieces) == 1 else Doc.from_docs(pieces, ensure_whitespace=False,
                                                                    exclude=["tensor"]))
    return docs


def _segments(text: str, lang: str) -> list[tuple[str, bool]]:
    """`text` cut into runs of whole sentences that need the parser or not (runs merged: fewer, longer docs).
    Sentences are cut by punctuation + capital; every sentence a quotation overlaps is parsed (a quote running
    over several sentences keeps them all), the others only where they hold a reporting cue."""
    from streams.enrich.attribution import ends_abbreviation
    from streams.enrich.quote_marks import find_quote_spans

    # the same abbreviations quote attribution's own sentence bounds skip ("Ms. Price", "M. Dupont", "3 mars")
    cuts = [m.end() for m in _SENTENCE_GAP.finditer(text)
            if not (m.start() > 0 and ends_abbreviation(text, m.start() - 1, max(0, m.start() - 12)))]
    bounds = [(a, b) for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True) if b > a] or [(0, len(text))]
    quoted = [(span.open_at, span.close_at if span.close_at is not None else span.end)
              for span in find_quote_spans(text)]
    flags: list[bool] = []
    q = 0
    for index, (a, b) in enumerate(bounds):
        while q < len(quoted) and quoted[q][1] < a:
            q += 1
        quoting = q < len(quoted) and quoted[q][0] < b
        piece = text[a:b]
        if quoting and flags and _has_pronoun(_outside(text, a, b, quoted[q:]), lang):
            # "He places it … and whispers, “…”": the antecedent's sentence needs its parse — the one before the
            # quote's first sentence when the quote ran over several ('"… India. And a role …," he said.')
            first = next(k for k in range(index, -1, -1) if k == 0 or bounds[k - 1][1] <= quoted[q][0])
            flags[(first or index) - 1] = True
        flags.append(quoting or needs_parse(piece, lang) or
                     _introduces(piece, quoted[q][0] if q < len(quoted) else None, b))
    out: list[tuple[str, bool]] = []
    for (a, b), parse in zip(bounds, flags, strict=True):
        if out and out[-1][1] == parse:
            out[-1] = (out[-1][0] + text[a:b], parse)
        else:
            out.append((text[a:b], parse))
    return out


def _outside(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> str:
    """The words of text[a:b] outside the quotations `spans` (sorted, the first ones overlapping or after it)."""
    kept, at = [], a
    for start, end in spans:
        if start >= b:
            break
        kept.append(text[at:max(at, start)])
        at = max(at, end)
    kept.append(text[at:b])
    return " ".join(kept)


def _has_pronoun(words: str, lang: str) -> bool:
    """A subject pronoun outside the quotation ("He … whispers, “…”", "« … », a-t-il dit") points back."""
    pronouns = pronoun_words(lang)
    return any(w.lower().split("-")[-1] in pronouns for w in _WORD.findall(words))


@functools.cache
def pronoun_words(lang: str) -> frozenset[str]:
    """Subject pronouns of a language (lower case, without the inversion hyphen), from the quote lexicon."""
    from streams.enrich.attribution import raw_lexicon

    return frozenset(str(p).lower().lstrip("-") for p in raw_lexicon(lang).get("pronouns") or [])


def _introduces(piece: str, next_quote: int | None, end: int) -> bool:
    """A sentence ending in a colon right before a quotation introduces it ("… au Burundi :" « … »)."""
    return next_quote is not None and next_quote - end < 8 and piece.rstrip().endswith(":")
