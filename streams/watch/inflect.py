"""Bounded, language-aware inflection tolerance for watch terms (no stemmer library, no regular expressions).

A term word is reduced once to a *stem* (strip one inflectional ending, keep at least ``MIN_STEM`` characters, undo a
doubled final consonant: "sanctionner" → "sanction"). A text word matches when it starts with the stem and the rest
(the *tail*) is a known ending of the article's language — optionally after a doubled stem consonant
("sanction" + "n" + "ées"). Tails are bounded to ``MAX_TAIL`` characters, so "port" never matches "portrait".
Everything here works on *folded* text (lower case, no accents), so endings are written without accents.
"""

from __future__ import annotations

MIN_STEM = 4
MAX_TAIL = 6


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ENDINGS: dict[str, frozenset[str]] = {
    "fr": _words(
        "s x e es ee ees er ers ere eres erent ez ent ant ante antes ants ons ait ais aient ai a as it is "
        "era eras eront erai erais erait eraient erez erons ement ements al aux ale ales eux euse euses "
        "ien iens ienne iennes if ifs ive ives"
    ),
    "en": _words("s es d ed ing ings er ers est ly y ies ied ier iest ion ions ment ments"),
    "de": _words("e en er es em ern n s st t te ten tes ter ung ungen"),
    "es": _words("s es a as o os ar er ir ado ada ados adas ido ida idos idas ando iendo an en"),
    "it": _words("a e i o are ere ire ato ata ati ate ito ita iti ite ando endo ano ono"),
}
_ALL_ENDINGS: frozenset[str] = frozenset().union(*_ENDINGS.values())
# Endings stripped from a term to find its stem: inflections only, longest first.
_STRIP: tuple[str, ...] = tuple(
    sorted(
        {"s", "x", "e", "es", "ee", "ees", "er", "ez", "ed", "ing", "ings", "en", "y", "ies", "ied"},
        key=len,
        reverse=True,
    )
)
# Short stems (below MIN_STEM) only accept plural endings: "war" → "wars", never "warm"; German "Zug" → "Züge".
_SHORT_ENDINGS: dict[str, frozenset[str]] = {
    "fr": frozenset({"s", "x", "e", "es"}),
    "en": frozenset({"s", "es"}),
    "de": frozenset({"e", "en", "er", "es", "s", "n"}),
    "es": frozenset({"s", "es"}),
    "it": frozenset({"i", "e"}),
}
_SHORT_DEFAULT = frozenset({"s", "es", "x"})
_VOWELS = frozenset("aeiouy")


def split(word: str) -> tuple[str, str]:
    """``(stem, own ending)`` of one folded term word: the term itself always matches (stem + own ending)."""
    for suffix in _STRIP:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            base = word[: -len(suffix)]
            if len(base) > MIN_STEM and base[-1] == base[-2] and base[-1] not in _VOWELS:
                base = base[:-1]  # sanctionn(er) → sanction; runn(ing) is too short to get here
            return base, word[len(base) :]
    return word, ""


def stem(word: str) -> str:
    """The stem of one folded term word; short words are their own stem."""
    return split(word)[0]


def endings(language: str | None) -> frozenset[str]:
    """Accepted tails for an article language; unknown languages accept the union of all tables."""
    return _ENDINGS.get(language or "", _ALL_ENDINGS)


def accepts(word_stem: str, tail: str, language: str | None, own: str = "") -> bool:
    """Whether ``word_stem + tail`` is an inflection of the term ``word_stem + own`` in ``language``."""
    if not tail or tail == own:
        return True
    if len(tail) > MAX_TAIL or not tail.isalpha():
        return False
    if len(word_stem) < MIN_STEM:
        return tail in _SHORT_ENDINGS.get(language or "", _SHORT_DEFAULT)
    allowed = endings(language)
    if tail in allowed:
        return True
    # Doubled final consonant: sanction + n + er / ées, plan + n + ing.
    return len(tail) > 1 and tail[0] == word_stem[-1] and tail[0] not in _VOWELS and tail[1:] in allowed
