"""Article body from scraped text or a whole HTML page.

Kept paragraphs are returned verbatim (downstream entity and quote offsets point into this text): we only drop whole
lines and normalise what lies between paragraphs. Three signals decide what goes: explicit patterns
(``data/boilerplate.yaml``: related links, comment forms, cookie and newsletter prompts, share rows), copies of the
title at the top, and jusText's stop-word/length classification for the block of short lines that trails a body.
Nothing here raises on odd input: the worst case is an empty string.
"""

from __future__ import annotations

import html as html_lib
import itertools
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .quote_marks import find_quote_spans

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"

# Characters we remove: C0/C1 controls except \t and \n (\r, \v, \f and Unicode line separators become \n first).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Invisible format characters that split words for every matcher downstream (soft hyphen, zero-width space, word
# joiner, BOM). Zero-width (non-)joiners stay: some scripts need them.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# A blank line: newline, optional horizontal whitespace, newline (repeated).
_BLANK_LINES = re.compile(r"\n[^\S\n]*(?:\n[^\S\n]*)+")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_MATCH_STRIP = " \t:.…>»›«|-–—*·•"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_SENTENCE_END = (".", "!", "?", "…", "»", "”", '"', "“", ")", ":")

# jusText is only asked about the end of the text (where trailing junk lives): bounded work on huge inputs.
TAIL_WINDOW = 20
TAIL_MAX_CHARS = 200  # a trailing unit longer than this is never dropped on jusText's word alone
LINK_LIST_MAX_CHARS = 150  # short lines right after a "Read more"-style header are link titles
MAX_LEADING_COPIES = 4  # title/duplicate lines looked at at the top; a text of one repeated line keeps the rest
COMMENTS_AFTER_FRACTION = 0.5  # where a comment header may end the article (earlier ones are only dropped)
STOPLIST_SAMPLE_CHARS = 5000
MIN_STOPWORD_RATIO = 0.10  # below this no stop list fits the text (unsupported language): skip jusText
_STOPLIST_CANDIDATES = (
    "English", "French", "German", "Spanish", "Italian", "Portuguese", "Dutch", "Polish", "Czech", "Slovak",
    "Swedish", "Danish", "Norwegian_Bokmal", "Finnish", "Hungarian", "Romanian", "Croatian", "Serbian", "Slovenian",
    "Bulgarian", "Russian", "Ukrainian", "Greek", "Turkish", "Catalan", "Indonesian", "Arabic", "Persian", "Hebrew",
)  # fmt: skip


# --------------------------------------------------------------------------------------------------- patterns


def _match_form(line: str) -> str:
    """The form patterns are compared on: case, accents, apostrophe style and edge punctuation do not matter."""
    folded = line.casefold().translate(_APOSTROPHES)
    if not folded.isascii():
        folded = _COMBINING.sub("", unicodedata.normalize("NFKD", folded))
    return " ".join(folded.split()).strip(_MATCH_STRIP)


@dataclass(frozen=True, slots=True)
class _Rules:
    exact: frozenset[str]
    related_headers: frozenset[str]
    comment_headers: frozenset[str]
    comment_header_regex: re.Pattern[str] | None
    prefixes: re.Pattern[str] | None
    prefix_max_chars: int
    contains: tuple[re.Pattern[str], ...]
    contains_max_chars: int
    share_words: frozenset[str]
    share_fillers: frozenset[str]
    share_max_chars: int

    @property
    def max_chars(self) -> int:
        return max(self.prefix_max_chars, self.contains_max_chars, self.share_max_chars, 200)


def _forms(values: Iterable[Any]) -> list[str]:
    return [form for form in (_match_form(str(v)) for v in values or ()) if form]


def _prefix_pattern(prefixes: list[str]) -> re.Pattern[str] | None:
    """One regex for all prefixes, matching on a word boundary ("read more" must not match "read moreover")."""
    if not prefixes:
        return None
    alternatives = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})(?:(?<=\W)|(?!\w))")


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    """Union of every ``data/boilerplate*.yaml`` (so a site-specific list can sit beside the generic one)."""
    merged: dict[str, Any] = {}
    for path in sorted(DATA_DIR.glob("boilerplate*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for key, value in data.items():
            if isinstance(value, list):
                merged.setdefault(key, []).extend(value)
            else:
                merged[key] = value
    contains = [str(p) for p in merged.get("contains", [])]
    return _Rules(
        exact=frozenset(_forms(merged.get("exact", []))),
        related_headers=frozenset(_forms(merged.get("related_headers", []))),
        comment_headers=frozenset(_forms(merged.get("comment_headers", []))),
        comment_header_regex=re.compile(merged["comment_header_regex"]) if merged.get("comment_header_regex") else None,
        prefixes=_prefix_pattern(_forms(merged.get("prefix", []))),
        prefix_max_chars=int(merged.get("prefix_max_chars", 300)),
        contains=tuple(re.compile(p) for p in contains),  # one by one: faster than one big alternation in `re`
        contains_max_chars=int(merged.get("contains_max_chars", 400)),
        share_words=frozenset(_forms(merged.get("share_words", []))),
        share_fillers=frozenset(_forms(merged.get("share_fillers", []))),
        share_max_chars=int(merged.get("share_words_max_chars", 120)),
    )


def _is_share_row(form: str, rules: _Rules) -> bool:
    words = [w for w in re.split(r"[\s|·•/,]+", form) if w and w not in {"-", "–", "—"}]
    return (
        bool(words)
        and all(w in rules.share_words or w in rules.share_fillers for w in words)
        and any(w in rules.share_words for w in words)
    )


def _is_comment_header(form: str, rules: _Rules) -> bool:
    if form in rules.comment_headers:
        return True
    return rules.comment_header_regex is not None and bool(rules.comment_header_regex.match(form))


def _is_boilerplate(form: str, length: int, rules: _Rules) -> bool:
    if not form:
        return True  # punctuation-only lines ("*", "•", "—")
    if form in rules.exact or form in rules.related_headers or _is_comment_header(form, rules):
        return True
    if length <= rules.prefix_max_chars and rules.prefixes is not None and rules.prefixes.match(form):
        return True
    if length <= rules.contains_max_chars and any(p.search(form) for p in rules.contains):
        return True
    return length <= rules.share_max_chars and _is_share_row(form, rules)


# ----------------------------------------------------------------------------------------------------- units


@dataclass(slots=True)
class _Unit:
    """A paragraph candidate: one line, or a hard-wrapped run of lines (kept with its line breaks)."""

    text: str
    block: int
    form: str = ""  # match form; empty when the unit is too long to be boilerplate
    keep: bool = True


def _continues(previous: str, line: str) -> bool:
    """Hard-wrapped text: a line that starts in lower case, or follows a comma or hyphen, belongs to the previous."""
    first = line.lstrip()[:1]
    last = previous.rstrip()[-1:]
    return bool(first) and (first.islower() or last in {",", "-", "‐", "¬"})


def _inside_quote(lines: list[str]) -> bool:
    """The lines so far leave a double quote open and the last stops mid-sentence: a wrapped quotation ("… yelling
    at us through loudspeakers⏎‘Assembling is not allowed,’ and …") goes on on the next line."""
    text = " ".join(line.strip() for line in lines)
    if not text or text[-1] in _SENTENCE_END or not any(c in text for c in '"“«„»'):
        return False
    return any(span.close_at is None for span in find_quote_spans(text))


WRAP_MIN_WIDTH = 50  # a wire text wrapped at this width or more (ots, agency feeds: 65-80 characters)
WRAP_MIN_LINES = 4
WRAP_SHARE = 0.7  # this share of a block's lines fill at least WRAP_FILL of the widest line
WRAP_FILL = 0.75


def _wrap_width(blocks: list[str]) -> int | None:
    """The width a text was hard-wrapped at, or None: most lines that do not end their block are nearly as long as
    the widest, which is long (one long wrapped paragraph, or many short ones)."""
    inner = [len(line.rstrip()) for block in blocks
             for line in [x for x in block.split("\n") if x.strip()][:-1]]
    if len(inner) < WRAP_MIN_LINES - 1:
        return None
    width = max(inner)
    full = sum(n >= WRAP_FILL * width for n in inner)
    return width if width >= WRAP_MIN_WIDTH and full >= WRAP_SHARE * len(inner) else None


def _wrapped_continues(previous: str, width: int) -> bool:
    """In a hard-wrapped block every line goes on, except one that ends a sentence well short of the width."""
    line = previous.rstrip()
    return not (line.endswith(_SENTENCE_END) and len(line) < WRAP_FILL * width)


LOCAL_WRAP_WINDOW = 3  # lines either side that show a hard wrap around a line
LOCAL_WRAP_MAX_WIDTH = 130  # wider lines are paragraphs on one line, not a wrap


def _locally_wrapped(lines: list[str], index: int) -> bool:
    """A line cut mid-sentence inside a hard-wrapped stretch goes on on the next line, even when short header lines
    keep the text as a whole from showing one wrap width (a PDF release under its letterhead): it ends in a word, it
    is nearly as long as the widest of its neighbours (a text width of 50-130 characters), and at least two of its
    neighbours start in lower case (their own hard wraps: capitals alone do not show it, German nouns have them)."""
    line = lines[index].rstrip()
    if not line[-1:].isalnum():
        return False
    window = lines[max(0, index - LOCAL_WRAP_WINDOW):index + LOCAL_WRAP_WINDOW + 2]
    width = max(len(x.rstrip()) for x in window)
    if not WRAP_MIN_WIDTH <= width <= LOCAL_WRAP_MAX_WIDTH or len(line) < WRAP_FILL * width:
        return False
    return sum(x.lstrip()[:1].islower() for x in window) >= 2


def _units(text: str) -> tuple[list[_Unit], bool]:
    """Units in reading order, and whether the text marks paragraphs with blank lines.

    A hard-wrapped block (a wire text broken at a fixed width, capitals or not at the line starts) is unwrapped: its
    line breaks inside a paragraph become spaces, so that sentences and quotes do not stop at them.
    """
    blocks = _BLANK_LINES.split(text)
    has_blank_lines = len(blocks) > 1
    units: list[_Unit] = []
    width = _wrap_width(blocks)
    for index, block in enumerate(blocks):
        lines = [line for line in block.split("\n") if line.strip()]
        current: list[str] = []
        unwrap = width is not None
        for at, line in enumerate(lines):
            wrapped = bool(current) and (_wrapped_continues(current[-1], width) if width is not None
                                         else _locally_wrapped(lines, at - 1))
            if current and (wrapped or _continues(current[-1], line) or _inside_quote(current)):
                current.append(line)
                unwrap = unwrap or wrapped
                continue
            if current:
                units.append(_Unit(_unit_text(current, unwrap), index))
            current, unwrap = [line], width is not None
        if current:
            units.append(_Unit(_unit_text(current, unwrap), index))
    return units, has_blank_lines


def _unit_text(lines: list[str], unwrap: bool) -> str:
    """The unit's lines, joined by spaces when they are a hard wrap ("sous-⏎alimentation" without one, but
    "Wirtschafts-⏎und Sozialausschuss" with it), else kept with their line breaks."""
    if not unwrap:
        return "\n".join(lines).strip()
    text = ""
    for line in (line.strip() for line in lines):
        glued = _WRAPPED_HYPHEN.search(text) and not _CONJUNCTION.match(line)
        text = text + line if glued or not text else f"{text} {line}"
    return text


_WRAPPED_HYPHEN = re.compile(r"\w-$")
_CONJUNCTION = re.compile(r"(?:und|oder|bzw|sowie|et|ou|and|or)\b", re.IGNORECASE)


# -------------------------------------------------------------------------------------------------- jusText


@lru_cache(maxsize=1)
def _stoplists() -> dict[str, frozenset[str]]:
    import justext

    available = set(justext.get_stoplists())
    return {name: frozenset(justext.get_stoplist(name)) for name in _STOPLIST_CANDIDATES if name in available}


@dataclass(frozen=True, slots=True)
class _StoplistIndex:
    names: tuple[str, ...]
    by_word: dict[str, tuple[int, ...]]  # word → positions in `names` of the stop lists holding it


@lru_cache(maxsize=1)
def _stoplist_index() -> _StoplistIndex:
    """Word → stop lists: one look-up per distinct word instead of one per word and list (29 lists)."""
    names = tuple(_stoplists())
    by_word: dict[str, list[int]] = {}
    for position, name in enumerate(names):
        for word in _stoplists()[name]:
            by_word.setdefault(word, []).append(position)
    return _StoplistIndex(names, {word: tuple(positions) for word, positions in by_word.items()})


def _best_stoplist(units: list[_Unit]) -> frozenset[str] | None:
    """Stop list of the text's language, chosen by stop-word hit rate (cheap, and keeps this module standalone)."""
    sample, size = [], 0
    for unit in units:
        sample.append(unit.text)
        size += len(unit.text)
        if size >= STOPLIST_SAMPLE_CHARS:
            break
    words = [w.casefold() for w in _WORD.findall(" ".join(sample)[:STOPLIST_SAMPLE_CHARS])]
    if not words:
        return None
    lists = _stoplist_index()
    hits = [0] * len(lists.names)
    for word, count in Counter(words).items():
        for position in lists.by_word.get(word, ()):
            hits[position] += count
    best_name, best_hits = None, 0
    for name, count in zip(lists.names, hits, strict=True):  # first of equals wins, as in the stop lists' order
        if count > best_hits:
            best_name, best_hits = name, count
    if best_name is None or best_hits / len(words) < MIN_STOPWORD_RATIO:
        return None
    return _stoplists()[best_name]


def _justext_classes(texts: list[str], stoplist: frozenset[str]) -> list[tuple[str, str]] | None:
    """(context-free class, final class) per text, or None when jusText did not return one paragraph per text."""
    import justext

    page = "<html><body>" + "".join(f"<p>{html_lib.escape(t)}</p>" for t in texts) + "</body></html>"
    try:
        paragraphs = justext.justext(page, stoplist)
    except Exception:  # jusText on odd input: fall back to patterns only
        log.debug("justext failed", exc_info=True)
        return None
    if len(paragraphs) != len(texts):
        return None
    return [(p.cf_class, p.class_type) for p in paragraphs]


# quoted words (closed, or left open to the end of a cut text: 'sagte: "Ich gratuliere Deutschland …')
_QUOTATION = re.compile(r"[\"“«„»‘‚]\s*\w[^\"“”«»„]*?(?:\s\w+){3}[^\"“”«»„]*(?:[\"”»“«‘’]|$)")


@lru_cache(maxsize=1)
def _reporting_forms() -> frozenset[str]:
    from streams.enrich.attribution import all_reporting_forms

    return all_reporting_forms()


def _quotation(text: str) -> bool:
    """A short closing paragraph that quotes someone ('"This is …," Lavrov said.') is body, however short: jusText
    judges by length and stop words and would take it for a credit line. A quoted title in a source list
    ('« Titre ». RFI, 30 avril 2017.') has no reporting verb outside its marks and stays junk."""
    whole = _WHOLE_QUOTATION.fullmatch(text)
    if whole is not None and len(_WORD.findall(whole.group(1))) >= REPORTED_MIN_WORDS:
        return True  # a paragraph that is all one quoted statement ("« Permettez-moi de féliciter … . »")
    if _POST.match(text) and len(_WORD.findall(text)) >= REPORTED_MIN_WORDS:
        return True  # a post credited by its handle ("@marcowenjones: None of Bahrain's … newspapers …")
    found = _QUOTATION.search(text)
    if found is None:
        return False
    outside = text[:found.start()] + " " + text[found.end():]
    return any(word.lower() in _reporting_forms() for word in _WORD.findall(outside))


REPORTED_MIN_WORDS = 6
_POST = re.compile(r"@\w{2,}:\s+\w")
# a paragraph that is only a quoted sentence, closed by its own full stop inside the marks
_WHOLE_QUOTATION = re.compile(r"\s*[«“„\"]\s*(.+?[.!?…])\s*[»”“\"]\s*", re.DOTALL)


# words that open what a verb of saying reports ("a indiqué que", "ont indiqué être", "said that", "sagte, dass")
_CLAUSE_OPENERS = frozenset({"que", "that", "dass", "être", "avoir"})


def _reported_sentence(text: str) -> bool:
    """A short closing sentence that reports someone ("Some of those measures have people upset, says reporter
    Carassava.") is body too: a full sentence with a reporting verb after a comma."""
    stripped = text.rstrip()
    if not stripped or stripped[-1] not in ".!?:" or len(_WORD.findall(stripped)) < REPORTED_MIN_WORDS:
        return False
    forms = _reporting_forms()
    words = [w.lower() for w in _WORD.findall(stripped)]
    if stripped.endswith(":"):  # "Ali Salman … mourned the death of Al-Qattan saying:": it introduces a quote
        return any(w in forms for w in words)
    if any(w in forms and (nxt in _CLAUSE_OPENERS or nxt.startswith(("qu'", "qu’")))
           for w, nxt in itertools.pairwise(words)):
        return True  # "Ce mardi, 141 stations-service ont indiqué être en rupture …": a verb of saying and its clause
    for part in stripped.split(",")[1:]:  # the verb of an incise opens the part after a comma (after an auxiliary)
        words = [w.lower() for w in _WORD.findall(part)[:2]]
        if words and (words[0] in forms or (len(words) == 2 and words[0] in ("a", "has", "hat") and words[1] in forms)):
            return True
    return False


def _trim_tail(kept: list[_Unit]) -> None:
    """Drop the trailing block of short units jusText calls boilerplate (signatures, credits, link lists)."""
    window = kept[-TAIL_WINDOW:]
    if len(window) < 2 or len(window[-1].text) > TAIL_MAX_CHARS:
        return  # a long last unit is never dropped, and the loop below stops at the first unit it keeps
    stoplist = _best_stoplist(kept)
    if stoplist is None:
        return
    classes = _justext_classes([u.text for u in window], stoplist)
    if classes is None or not any(final == "good" for _, final in classes):
        return  # nothing looks like body here: do not eat a text made only of short lines
    for unit, (cf_class, final) in zip(reversed(window), reversed(classes), strict=True):
        if final != "bad" or cf_class == "good" or len(unit.text) > TAIL_MAX_CHARS or _quotation(unit.text) or \
                _reported_sentence(unit.text):
            break
        unit.keep = False
    if all(not u.keep for u in kept):  # never leave nothing behind because of the tail rule
        for unit in window:
            unit.keep = True


# ------------------------------------------------------------------------------------------------ clean_text


# Wikimedia's pull-quote template draws its marks as images whose names scraped text keeps ("Cquote1.svg … Cquote2.svg")
_QUOTE_IMAGES = re.compile(r"\bCquote([12])\.svg\b")


def _normalise_chars(text: str) -> str:
    if _SURROGATE.search(text):
        # Pairs written as two code points become one character; lone halves become U+FFFD.
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if "Cquote" in text:
        text = _QUOTE_IMAGES.sub(lambda m: "“" if m.group(1) == "1" else "”", text)
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", _CONTROL.sub("", text))
    text = unicodedata.normalize("NFC", text)
    return _GLUED_SENTENCE.sub(r"\g<0> ", text)


# a sentence scraped without the space after its full stop ("…, a-t-il déclare.L’avenir de l’Afrique …"): two
# lower-case letters before the stop and a capitalised word after it (not "U.S.", "St.Louis", "www.Site.com",
# "john.Doe@example.org")
_GLUED_SENTENCE = re.compile(r"(?<=[a-zà-öø-ÿ]{2})[.!?](?=[A-ZÀ-ÖØ-Ý][a-zà-öø-ÿ’']+\b)(?![\w’']*[.@/][a-z])")


def _drop_title_copies(units: list[_Unit], title: str | None) -> None:
    """Leading copies of the title; a leading line repeated right below is a title too (scrapers double it)."""
    title_form = _match_form(title) if title else ""
    for index, unit in enumerate(units[:MAX_LEADING_COPIES]):
        form = _match_form(unit.text)
        nxt = units[index + 1] if index + 1 < len(units) else None
        if nxt is not None and nxt.text == unit.text:
            title_form = form
        if not title_form or form != title_form:
            break
        unit.keep = False


def _drop_comment_section(units: list[_Unit], rules: _Rules) -> None:
    """A comment-section header in the second half of the text ends the article (a body never continues after it)."""
    total = sum(len(u.text) for u in units)
    seen = 0
    for index, unit in enumerate(units):
        if seen >= total * COMMENTS_AFTER_FRACTION and unit.form and _is_comment_header(unit.form, rules):
            for later in units[index:]:
                later.keep = False
            return
        seen += len(unit.text)


def _drop_link_lists(units: list[_Unit], rules: _Rules) -> None:
    """After a "Read more"-style header, the short unpunctuated lines that follow are link titles."""
    in_list = False
    for unit in units:
        if unit.form and unit.form in rules.related_headers:
            in_list = True
            continue
        if in_list:
            text = unit.text
            if len(text) <= LINK_LIST_MAX_CHARS and not text.rstrip().endswith(_SENTENCE_END):
                unit.keep = False
                continue
            in_list = False


def clean_text(text: str, title: str | None = None) -> str:
    """Article body of scraped flat text; paragraphs joined with a blank line, "" when nothing is left."""
    try:
        return _clean_text(text, title)
    except Exception:  # never let one odd article stop the stream; the caller sees an empty body
        log.exception("clean_text failed; returning empty body")
        return ""


def _clean_text(text: str, title: str | None) -> str:
    if not isinstance(text, str) or not text.strip():
        return ""
    text = _normalise_chars(text)
    title = _normalise_chars(title) if isinstance(title, str) else None
    units, has_blank_lines = _units(text)
    if not units:
        return ""
    rules = _rules()
    for unit in units:
        if len(unit.text) <= rules.max_chars:
            unit.form = _match_form(unit.text)
            if _is_boilerplate(unit.form, len(unit.text), rules):
                unit.keep = False
    _drop_comment_section(units, rules)
    _drop_title_copies([u for u in units if u.keep], title)
    _drop_link_lists(units, rules)
    kept = [u for u in units if u.keep]
    if kept:
        _trim_tail(kept)
    return _join([u for u in kept if u.keep], has_blank_lines)


def _join(units: list[_Unit], has_blank_lines: bool) -> str:
    """Units of one blank-line block stay one paragraph (joined by their line break); paragraphs by a blank line."""
    if not has_blank_lines:
        return "\n\n".join(u.text for u in units)
    paragraphs: list[str] = []
    previous_block = -1
    for unit in units:
        if unit.block == previous_block:
            paragraphs[-1] += "\n" + unit.text
        else:
            paragraphs.append(unit.text)
        previous_block = unit.block
    return "\n\n".join(paragraphs)


# ---------------------------------------------------------------------------------------------- extract_html


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """Main content of a web page. ``published_at`` is an ISO date; ``language`` comes from the page's markup."""

    text: str
    title: str | None = None
    published_at: str | None = None
    language: str | None = None


MAX_HTML_CHARS = 5_000_000
_EMPTY_PAGE = ExtractedPage(text="")
_HEAD_CHARS = 200_000  # lang attributes and meta tags live in the head: never scan a 20 MB body for them
_HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
_META_TAG = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
_LANG_CODE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$")
_LANG_META = {("http-equiv", "content-language"), ("name", "language"), ("name", "dc.language"),
              ("property", "og:locale"), ("name", "content-language")}  # fmt: skip
_BLOCK_TAGS = {"p", "head", "item", "quote", "code", "cell", "row", "list", "table", "div", "note"}
_MARKUP_WS = re.compile(r"[ \t\r\n]+")  # not \s: keep no-break spaces, they are typography
_LB = "\x00"  # marks a <lb/> (line break) while flattening; never survives


def _attrs(tag: str) -> dict[str, str]:
    return {name.casefold(): value.strip("\"'") for name, value in _ATTR.findall(tag)}


def _lang_code(value: str | None) -> str | None:
    match = _LANG_CODE.match(value or "")
    return match.group(1).casefold() if match else None


def page_language(html: str) -> str | None:
    """Primary language subtag declared by the page (<html lang>, then content-language / og:locale meta)."""
    head = html[:_HEAD_CHARS]
    for tag in _HTML_TAG.findall(head):
        attrs = _attrs(tag)
        code = _lang_code(attrs.get("lang") or attrs.get("xml:lang"))
        if code:
            return code
    for tag in _META_TAG.findall(head):
        attrs = _attrs(tag)
        if any(attrs.get(key, "").casefold() == value for key, value in _LANG_META):
            code = _lang_code(attrs.get("content"))
            if code:
                return code
    return None


def _flatten(element: Any) -> str:
    parts = [element.text or ""]
    for child in element:
        parts.append(_LB if child.tag == "lb" else _flatten(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _element_paragraphs(element: Any) -> Iterable[str]:
    """Paragraph strings of trafilatura's body: one per block element; markup whitespace folded, <br><br> splits."""
    children = [c for c in element if isinstance(c.tag, str)]
    if element.tag in {"list", "quote", "table", "row", "div", "body"} and any(c.tag in _BLOCK_TAGS for c in children):
        for child in children:
            yield from _element_paragraphs(child)
        return
    if element.tag == "lb":
        return
    flat = _flatten(element)
    for chunk in re.split(f"{_LB}\\s*{_LB}", flat):
        paragraph = _MARKUP_WS.sub(" ", chunk.replace(_LB, " ")).strip()
        if paragraph:
            yield paragraph


_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|•)\s+")
_DATE_ONLY = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")


def _site_names(sitename: str | None, hostname: str | None) -> set[str]:
    names: set[str] = set()
    for name in (sitename, hostname):
        if not name:
            continue
        name = name.casefold().removeprefix("www.")
        names.update({name, name.rsplit(".", 1)[0]})
    return {n for n in names if n}


def _clean_title(title: str | None, sitename: str | None, hostname: str | None) -> str | None:
    """Drop trailing "| Site | 10.06.2013" segments; other pipes stay ("Letters: A | B | C" is one title)."""
    if not title:
        return None
    title = _normalise_chars(title).strip()
    names = _site_names(sitename, hostname)
    separators = list(_TITLE_SEPARATOR.finditer(title))
    while separators:
        last = separators.pop()
        segment = title[last.end() :].strip()
        if not (_DATE_ONLY.match(segment) or segment.casefold() in names):
            break
        title = title[: last.start()].rstrip()
    return title or None


def extract_html(html: str, url: str | None = None, max_html_chars: int = MAX_HTML_CHARS) -> ExtractedPage:
    """Title, date, declared language and cleaned body of a page; an empty page (text "") when there is no body.

    Pages longer than ``max_html_chars`` are cut before parsing (lxml repairs the cut): extraction cost grows with
    the page, and an article body sits well inside the first few megabytes of any real page.
    """
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    if not isinstance(html, str) or not html.strip():
        return _EMPTY_PAGE
    if len(html) > max_html_chars:
        html = html[:max_html_chars]
    try:
        language = page_language(html)
    except Exception:
        log.debug("language sniffing failed", exc_info=True)
        language = None
    try:
        import trafilatura

        document = trafilatura.bare_extraction(
            html,
            url=url,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            with_metadata=True,
        )
    except Exception:  # malformed markup trafilatura cannot parse: no body, not an error for the stream
        log.debug("trafilatura failed", exc_info=True)
        document = None
    if document is None:
        return ExtractedPage(text="", language=language)
    title = _clean_title(document.title, document.sitename, document.hostname)
    body = document.body
    paragraphs = list(_element_paragraphs(body)) if body is not None else []
    if not paragraphs and document.text:
        paragraphs = [line for line in document.text.split("\n") if line.strip()]
    text = clean_text("\n\n".join(paragraphs), title)
    language = language or _lang_code(document.language)
    return ExtractedPage(text=text, title=title or None, published_at=document.date or None, language=language)
