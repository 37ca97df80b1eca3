"""Find quoted spans in scraped text, whatever the quote convention and however broken the marks are.

Scraped news mixes conventions (“ … », „ … “, » … «, ASCII quotes) and loses closing marks, so each mark is
classified from its glyph *and* its flanking characters (like Markdown's emphasis rules), then paired with a stack
that lets any double mark close any double mark. Apostrophes inside words never count. A paragraph that ends inside
a quote while the next paragraph re-opens one is the English multi-paragraph convention: both pieces are returned,
the second flagged ``continued``.
"""

from __future__ import annotations

from dataclasses import dataclass

DOUBLE = "“”„«»\"‟〝〞＂"
SINGLE = "‘’‚‹›'‛"
SPACES = " \t\u00a0\u202f\u2009\u2007\u200a\u2002\u2003"
OPEN_PUNCT = "([{—–-/" + DOUBLE + SINGLE
CLOSE_PUNCT = ".,;:!?)]}…—–-/" + DOUBLE + SINGLE
SENTENCE_PUNCT = ".,;:!?)]}"  # (not "…": a quote may open on an ellipsis)
TERMINAL = ".!?…:;"
MAX_SPAN = 4000  # a quote longer than this (chars) is a pairing accident, not a quotation


@dataclass(slots=True)
class MarkedSpan:
    """Quoted words between marks: ``start``/``end`` exclude the marks and surrounding spaces."""

    start: int
    end: int
    open_at: int
    close_at: int | None  # None: unterminated (closed by the paragraph end)
    continued: bool = False  # re-opened paragraph of a multi-paragraph quote
    continues: bool = False  # goes on in the next paragraph


def _is_space(ch: str) -> bool:
    return ch == "" or ch in SPACES or ch == "\n" or ch == "\r"


def _role(text: str, i: int) -> tuple[str, str] | None:
    """(family, role) of the mark at i: family 'd'/'s', role 'open'/'close'/'either'; None for a non-quote."""
    c = text[i]
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    # a mark before a comma or a full stop closes, even with a space before it ('eine wichtige Rolle ", so die …')
    before_punct = nxt != "" and nxt in SENTENCE_PUNCT
    left = not _is_space(nxt) and not before_punct and (_is_space(prev) or prev in OPEN_PUNCT)
    right = (not _is_space(prev) or before_punct) and (_is_space(nxt) or nxt in CLOSE_PUNCT)
    if c in "«‹":
        fam = "d" if c == "«" else "s"
        if _is_space(prev) or prev in OPEN_PUNCT:
            return fam, "open"
        if _is_space(nxt) or nxt in CLOSE_PUNCT:
            return fam, "close"  # German reversed »…«
        return fam, "open"
    if c in "»›":
        fam = "d" if c == "»" else "s"
        if (_is_space(prev) or prev in OPEN_PUNCT) and not _is_space(nxt) and nxt not in CLOSE_PUNCT:
            return fam, "open"  # German reversed »…«
        return fam, "close"
    if c in "„":
        return "d", "open"
    if c in "‚":
        return ("s", "open") if left else None
    if c in "“‟〝":
        if left:
            return "d", "open"
        if right:
            return "d", "close"
        return "d", "either"
    if c in "”〞":
        if right:
            return "d", "close"
        if left:
            return "d", "open"
        return "d", "either"
    if c in "\"＂":
        if left and not right:
            return "d", "open"
        if right and not left:
            return "d", "close"
        return "d", "either"
    if c in "‘‛":
        if left:
            return "s", "open"
        if right:
            return "s", "close"
        return None
    if c in "’'":
        if prev.isalnum() and nxt.isalnum():
            return None  # l’état, don't
        if c == "'" and left and not right:
            return "s", "open"
        if right:
            return "s", "close"
        return None
    return None


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a] in SPACES or text[a] in "\n\r"):
        a += 1
    while b > a and (text[b - 1] in SPACES or text[b - 1] in "\n\r"):
        b -= 1
    return a, b


def _next_line_starts_with_opener(text: str, nl: int) -> int | None:
    """Index of an opening double mark that starts the next non-blank line, else None."""
    j = nl
    n = len(text)
    while j < n and (text[j] in SPACES or text[j] in "\n\r"):
        j += 1
    if j < n and text[j] in DOUBLE:
        r = _role(text, j)
        if r and r[1] in ("open", "either"):
            return j
    return None


def _closer_before_opener(text: str, a: int) -> bool:
    """True when the line starting at a closes a double quote before opening one (a soft line wrap)."""
    i = a
    n = len(text)
    while i < n and text[i] != "\n":
        if text[i] in DOUBLE:
            r = _role(text, i)
            if r:
                return r[1] in ("close", "either")
        i += 1
    return False


def _soft_break(text: str, nl: int) -> bool:
    """A single newline inside a sentence (wrapped HTML source), not a paragraph break."""
    if nl + 1 < len(text) and text[nl + 1] == "\n":
        return False
    j = nl - 1
    while j >= 0 and text[j] in SPACES:
        j -= 1
    prev = text[j] if j >= 0 else ""
    k = nl + 1
    while k < len(text) and text[k] in SPACES:
        k += 1
    nxt = text[k] if k < len(text) else ""
    return bool(prev) and prev not in TERMINAL + DOUBLE + SINGLE and (nxt.islower() or nxt.isdigit())


WRAP_WIDTH = 60  # a line this long ending inside a sentence was wrapped by its source ("… through loudspeakers⏎‘…")


def wrapped(text: str, nl: int) -> bool:
    """Inside an open quote, a single newline after a long line that stops mid-sentence: hard-wrapped plain text
    (mail, wire and archive copies), whatever the next line starts with."""
    if nl + 1 < len(text) and text[nl + 1] == "\n":
        return False
    start = text.rfind("\n", 0, nl) + 1
    line = text[start:nl].rstrip()
    return len(line) >= WRAP_WIDTH and line[-1] not in TERMINAL + DOUBLE + SINGLE + ":"


def _swallows(p: MarkedSpan, pairs: list[MarkedSpan]) -> bool:
    """An unterminated span that contains well-closed quotes is a lost mark, not a paragraph-long quote."""
    if p.close_at is not None or p.continues:
        return False
    return any(q is not p and q.close_at is not None and p.open_at < q.open_at < p.end for q in pairs)


def find_quote_spans(text: str) -> list[MarkedSpan]:
    """Outermost quoted spans in text order; never raises on odd or mixed marks."""
    return find_quote_spans_nested(text)[0]


def find_quote_spans_nested(text: str) -> tuple[list[MarkedSpan], list[MarkedSpan]]:
    """(outermost spans, closed spans nested inside one of them), both in text order: a quote inside a quote
    ("la communication laissait filtrer : « Macron se dit “calme” »") may have a speaker of its own."""
    pairs: list[MarkedSpan] = []
    stack: list[tuple[int, str]] = []  # (index, family)
    continued_open: set[int] = set()
    n = len(text)

    def close(open_i: int, close_i: int | None, end: int, continues: bool = False) -> None:
        a, b = _strip(text, open_i + 1, end)
        if b > a and any(ch.isalpha() for ch in text[a:b]) and b - a <= MAX_SPAN:
            pairs.append(MarkedSpan(a, b, open_i, close_i, open_i in continued_open, continues))

    for i in range(n):
        c = text[i]
        if c == "\n":
            stack = [(j, f) for j, f in stack if f == "d"]  # single quotes never cross lines
            if not stack:
                continue
            reopen = _next_line_starts_with_opener(text, i + 1)
            if reopen is not None:
                bottom = stack[0][0]
                close(bottom, None, i, continues=True)
                continued_open.add(reopen)
                stack = []
            elif _soft_break(text, i) or _closer_before_opener(text, i + 1) or wrapped(text, i):
                continue
            else:
                close(stack[0][0], None, i)
                stack = []
            continue
        if c not in DOUBLE and c not in SINGLE:
            continue
        r = _role(text, i)
        if r is None:
            continue
        fam, role = r
        if role == "either":
            role = "close" if any(f == fam for _, f in stack) else "open"
        if role == "open":
            stack.append((i, fam))
            continue
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][1] == fam:
                close(stack[k][0], i, i)
                del stack[k:]
                break
    if stack:
        close(stack[0][0], None, n)
    pairs = _repair_doubled_openers(text, pairs)
    pairs = [p for p in pairs if not _swallows(p, pairs)]
    pairs.sort(key=lambda s: (s.open_at, -(s.end - s.start)))
    out: list[MarkedSpan] = []
    nested: list[MarkedSpan] = []
    for p in pairs:
        if out and p.open_at < (out[-1].close_at if out[-1].close_at is not None else out[-1].end):
            if p.close_at is not None:
                nested.append(p)
            continue  # nested inside the previous outermost span
        out.append(p)
    return out, nested


def _repair_doubled_openers(text: str, pairs: list[MarkedSpan]) -> list[MarkedSpan]:
    """'des « a […] des « b », du temps' — an opener repeated inside a quote the paragraph never closes: the first
    closing mark closes the outer quote (the inner opener is the stray), instead of losing the whole quote."""
    out = list(pairs)
    for p in pairs:
        if p.close_at is not None or p.continues:
            continue
        inner = sorted((q for q in out if q is not p and q.close_at is not None and p.open_at < q.open_at < p.end),
                       key=lambda q: q.open_at)
        if not inner:
            continue
        first = inner[0]
        if any(r is not first and r.open_at < first.close_at for r in inner):
            continue  # the first inner pair holds more quotes: not a single stray opener
        end = first.close_at
        while end > p.start and (text[end - 1] in SPACES or text[end - 1] in "\n\r"):
            end -= 1
        merged = MarkedSpan(p.start, end, p.open_at, first.close_at, p.continued, False)
        out = [merged if q is p else q for q in out if q is not first]
    return out
