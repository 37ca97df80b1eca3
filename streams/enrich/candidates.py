"""A quote as the extraction passes find it, before its speaker is resolved, and the word patterns they share."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .attribution import Speaker
from .quote_marks import MarkedSpan

WORD = re.compile(r"\w+(?:[’'-]\w+)*")
# a first-person pronoun: words someone says of themselves
FIRST_PERSON_WORD = re.compile(r"(?<!\w)(?:[Jj]e(?!\w)|[Jj][’']|[Nn]ous(?!\w)|I(?!\w)|[Ww]e(?!\w)|[Ii]ch(?!\w)|"
                               r"[Ww]ir(?!\w))")


@dataclass(slots=True)
class Candidate:
    """Span of the quoted or reported words, its kind and cue, and the speaker as written (a name, a pronoun or a
    description) — or ``inherit`` when it goes on with the previous speaker."""

    start: int
    end: int
    kind: str
    cue: str | None
    speaker: Speaker | None
    inherit: bool = False
    span: MarkedSpan | None = None
    chain_prev: int | None = None  # index of the previous piece of a multi-paragraph quote
