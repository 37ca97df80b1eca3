"""Name folding, the alias table and within-article canonical names.

Pure code (no spaCy): the watchlist matcher and the entity stage share one notion of "the same name", so
"Pékin", "PEKIN" and "Peking" compare equal wherever names are compared.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import ahocorasick
import yaml

LABELS = frozenset({"PER", "ORG", "LOC", "MISC"})
SHIPPED_ALIASES = Path(__file__).with_name("data") / "aliases.yaml"

_APOSTROPHES = {c: "'" for c in "’‘ʼ`´′"}
_DASHES = {c: "-" for c in "‐‑‒–—―−"}
_CHAR_MAP = {**_APOSTROPHES, **_DASHES}

# Lowercase articles that precede place and organisation names in running text ("la Chine", "the United States").
_ARTICLES = frozenset({"le", "la", "les", "l'", "du", "des", "the", "der", "die", "das", "den", "dem"})
# Honorifics that are not part of a person's name ("M. Macron", "Mr Biden", "Herr Scholz").
_HONORIFICS = frozenset(
    {"m.", "mme", "mme.", "mlle", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "herr", "frau",
     # military ranks before a surname ("le lieutenant-Colonel Rancher" is Didier Rancher)
     "colonel", "lieutenant-colonel", "général", "general", "gen.", "col.", "capitaine", "captain", "capt.",
     "commandant", "lieutenant", "lt.", "sergent", "sergeant", "sgt.", "amiral", "admiral", "oberst", "major"}
)


class AliasError(ValueError):
    """A malformed alias file."""


# --------------------------------------------------------------------------------------------------- folding


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    mapped = _CHAR_MAP.get(char)
    if mapped is not None:
        return mapped
    if unicodedata.category(char) == "Cf":  # soft hyphen, zero-width joiners: invisible, never part of a name
        return ""
    out = unicodedata.normalize("NFKD", char).casefold()
    # casefold can reintroduce combining marks (İ → i̇), so decompose again before stripping them
    out = unicodedata.normalize("NFKD", out)
    return "".join(_CHAR_MAP.get(c, c) for c in out if not unicodedata.combining(c))


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` and map each folded character to the index of the original character it came from.

    The folded text may be shorter ("é" from "e"+combining accent, collapsed whitespace) or longer ("ß" → "ss",
    "ﬁ" → "fi") than the original; use :func:`original_span` to turn a folded span back into an original one.
    Leading and trailing whitespace is dropped, inner whitespace runs become one space.
    """
    chars: list[str] = []
    offsets: list[int] = []
    pending_space = -1
    for index, char in enumerate(text):
        for piece in " " if char.isspace() else _fold_char(char):
            if piece.isspace():  # NFKD turns some compatibility characters ("¯", "¨") into spaces
                if pending_space < 0:
                    pending_space = index
                continue
            if pending_space >= 0:
                if chars:
                    chars.append(" ")
                    offsets.append(pending_space)
                pending_space = -1
            chars.append(piece)
            offsets.append(index)
    return "".join(chars), offsets


def fold(text: str) -> str:
    """Accent-, case-, apostrophe- and dash-insensitive form of a name, for comparison only (never for offsets)."""
    return fold_with_offsets(text)[0]


def original_span(text: str, offsets: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """The ``[start, end)`` span of folded text as a span of the original ``text``.

    The end is extended over characters that folded to nothing (combining accents, soft hyphens) so that a
    decomposed "é" is never cut in half.
    """
    if not 0 <= start < end <= len(offsets):
        raise ValueError(f"invalid folded span {start}:{end} for {len(offsets)} folded characters")
    orig_start = offsets[start]
    orig_end = offsets[end - 1] + 1
    while orig_end < len(text) and not text[orig_end].isspace() and not _fold_char(text[orig_end]):
        orig_end += 1
    return orig_start, orig_end


def normalize_space(text: str) -> str:
    return " ".join(text.split())


def is_acronym(alias: str) -> bool:
    """An all-capitals alias ("UN", "EU", "USA"): it only matches text written in capitals ("un" is an article)."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


def case_compatible(alias: str, surface: str) -> bool:
    """Whether ``surface`` is written like a name that ``alias`` can denote.

    Folded lookup ignores case, but "us", "chine" or "turkey" in lowercase are words, not names; "XI" in
    capitals is a numeral, not Xi Jinping.
    """
    if is_acronym(alias):
        letters = [c for c in surface if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)
    first = next((c for c in surface if c.isalpha()), "")
    alias_first = next((c for c in alias if c.isalpha()), "")
    if alias_first.islower():
        return True  # "von der Leyen", "dpa": the alias itself starts lowercase
    if not first.isupper():
        return False
    letters = [c for c in surface if c.isalpha()]
    return not (len(letters) < 4 and all(c.isupper() for c in letters))


# --------------------------------------------------------------------------------------------------- alias table


@dataclass(frozen=True, slots=True)
class AliasEntry:
    canonical: str
    label: str
    aliases: tuple[str, ...]
    speaks_for: str | None = None  # the actor a place stands for as a speaker (a capital for its state)

    @property
    def forms(self) -> tuple[str, ...]:
        """Every surface form, the canonical name first."""
        return (self.canonical, *self.aliases)


@dataclass(frozen=True, slots=True)
class AliasHit:
    """An alias found in a text: ``start``/``end`` are offsets into the original text."""

    start: int
    end: int
    text: str
    canonical: str
    label: str


class AliasTable:
    """Known names and their surface forms; lookups are folded (accent-, case-, apostrophe-insensitive)."""

    def __init__(self, entries: Iterable[AliasEntry]) -> None:
        self._entries: dict[str, AliasEntry] = {}
        self._index: dict[str, tuple[str, str]] = {}  # folded form -> (canonical, form as written)
        self._capitals: set[str] = set()  # folded forms also written as an acronym ("ONU" beside "Onu")
        for entry in entries:
            self._add(entry)
        self._automaton: Any = None

    def _add(self, entry: AliasEntry) -> None:
        """Later entries win: a user file extends (same canonical) or overrides (same alias) the shipped table."""
        previous = self._entries.get(entry.canonical)
        if previous is not None:
            merged = dict.fromkeys((*previous.aliases, *entry.aliases))
            entry = AliasEntry(entry.canonical, entry.label, tuple(merged), entry.speaks_for or previous.speaks_for)
        self._entries[entry.canonical] = entry
        for form in (*entry.forms, *(_german_genitives(entry) if entry.label == "LOC" else ())):
            key = fold(form)
            if not key:
                continue
            if is_acronym(form):
                self._capitals.add(key)
            current = self._index.get(key)
            if current is not None and current[0] == entry.canonical and not is_acronym(current[1]):
                continue  # "Nato" and "NATO": keep the spelling that also matches non-capital text
            self._index[key] = (entry.canonical, form)

    # ---- construction

    @classmethod
    def from_data(cls, data: Any, source: str = "<data>") -> AliasTable:
        return cls(_parse_entries(data, source))

    @classmethod
    def from_files(cls, *paths: str | Path) -> AliasTable:
        entries: list[AliasEntry] = []
        for path in paths:
            file = Path(path)
            if not file.is_file():
                raise AliasError(f"alias file not found: {file}")
            try:
                data = yaml.safe_load(file.read_text(encoding="utf-8"))
            except yaml.YAMLError as exc:
                raise AliasError(f"cannot parse {file}: {exc}") from exc
            entries.extend(_parse_entries(data, str(file)))
        return cls(entries)

    # ---- lookups

    def canonical(self, name: str) -> str | None:
        """The canonical name ``name`` denotes, or None; acronyms only match when written in capitals."""
        key = fold(name)
        hit = self._index.get(key)
        if hit is None:
            return None
        canonical, form = hit
        if is_acronym(form) and not case_compatible(form, normalize_space(name)):
            return None
        return canonical

    def speaker_for(self, name: str | None) -> str | None:
        """The actor a place named as a speaker stands for ("Pyongyang" → North Korea), else None."""
        canonical = self.canonical(name) if name else None
        entry = self._entries.get(canonical) if canonical else None
        return entry.speaks_for if entry is not None else None

    def label(self, canonical: str) -> str | None:
        entry = self._entries.get(canonical)
        return entry.label if entry else None

    def variants(self, canonical_or_alias: str) -> set[str]:
        """All surface forms (canonical included) of the name; empty when unknown."""
        canonical = self._entries.get(canonical_or_alias) and canonical_or_alias
        canonical = canonical or self.canonical(canonical_or_alias)
        if canonical is None:
            return set()
        return set(self._entries[canonical].forms)

    def entries(self) -> list[AliasEntry]:
        return list(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.canonical(name) is not None

    # ---- scanning

    def find(self, text: str) -> list[AliasHit]:
        """Whole-word, fold-insensitive occurrences of known names in ``text``, longest first, never overlapping.

        Word boundaries are non-alphanumeric characters, so "l’Europe", "Putin's" and "EU-Staaten" match.
        """
        folded, offsets = fold_with_offsets(text)
        if not folded:
            return []
        automaton = self._get_automaton()
        candidates: list[tuple[int, int, str, str, str]] = []
        for end_index, (key, canonical, form) in automaton.iter(folded):
            start = end_index - len(key) + 1
            end = end_index + 1
            if start > 0 and folded[start - 1].isalnum():
                continue
            if end < len(folded) and folded[end].isalnum():
                continue
            candidates.append((start, end, canonical, form, key))
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        taken: list[tuple[int, int]] = []
        hits: list[AliasHit] = []
        for start, end, canonical, form, key in candidates:
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            orig_start, orig_end = original_span(text, offsets, start, end)
            surface = text[orig_start:orig_end]
            if not case_compatible(form, surface) and not (key in self._capitals and case_compatible(key.upper(),
                                                                                                   surface)):
                continue  # ("l'ONU": the acronym form of "Onu")
            taken.append((start, end))
            hits.append(AliasHit(orig_start, orig_end, surface, canonical, self._entries[canonical].label))
        hits.sort(key=lambda h: h.start)
        return hits

    def _get_automaton(self) -> Any:
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for key, (canonical, form) in self._index.items():
                automaton.add_word(key, (key, canonical, form))
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton


# place names whose ending is German ("Bulgarien", "Deutschland", "Frankreich", "Afghanistan", "Dänemark"): their
# genitive adds an -s ("Bulgariens", "Frankreichs") — the English possessive keeps its apostrophe ("Pakistan's")
_GERMAN_GENITIVE_ENDINGS = ("ien", "land", "reich", "stan", "mark")


def _german_genitives(entry: AliasEntry) -> tuple[str, ...]:
    """The German genitive of the place's one-word forms with a German ending, when the table does not list it."""
    return tuple(form + "s" for form in entry.forms if " " not in form and form.endswith(_GERMAN_GENITIVE_ENDINGS)
                 and form + "s" not in entry.forms)


def _parse_entries(data: Any, source: str) -> list[AliasEntry]:
    if data is None:
        return []
    if not isinstance(data, list):
        raise AliasError(f"{source}: expected a list of {{canonical, label, aliases}} entries")
    entries: list[AliasEntry] = []
    for position, item in enumerate(data):
        where = f"{source}[{position}]"
        if not isinstance(item, dict):
            raise AliasError(f"{where}: expected a mapping")
        canonical = item.get("canonical")
        label = item.get("label")
        aliases = item.get("aliases") or []
        if not isinstance(canonical, str) or not canonical.strip():
            raise AliasError(f"{where}: 'canonical' must be a non-empty string")
        if label not in LABELS:
            raise AliasError(f"{where}: 'label' must be one of {sorted(LABELS)}, got {label!r}")
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise AliasError(f"{where}: 'aliases' must be a list of non-empty strings")
        unknown = set(item) - {"canonical", "label", "aliases", "speaks_for"}
        if unknown:
            raise AliasError(f"{where}: unknown keys {sorted(unknown)}")
        speaks_for = item.get("speaks_for")
        if speaks_for is not None and (not isinstance(speaks_for, str) or not speaks_for.strip() or label != "LOC"):
            raise AliasError(f"{where}: 'speaks_for' must be a non-empty string, on a LOC entry")
        clean = tuple(dict.fromkeys(normalize_space(a) for a in aliases))
        entries.append(AliasEntry(normalize_space(canonical), label, clean,
                                  normalize_space(speaks_for) if speaks_for else None))
    return entries


@lru_cache(maxsize=8)
def default_aliases(extra_file: str | None = None) -> AliasTable:
    """The shipped table, extended by ``extra_file`` (``Settings.aliases_file``) when given; cached per path."""
    paths: list[str | Path] = [SHIPPED_ALIASES]
    if extra_file:
        paths.append(extra_file)
    return AliasTable.from_files(*paths)


# --------------------------------------------------------------------------------------------------- mentions


def _tokens(name: str) -> list[str]:
    return [t for t in fold(name).replace("-", " ").split() if t]


def strip_article(name: str) -> str:
    """``name`` without a leading lowercase article ("la Chine" → "Chine", "l’Europe" → "Europe").

    Capitalised articles are kept: they belong to names such as "Le Monde" or "The Guardian".
    """
    text = normalize_space(name)
    for apostrophe in "'’ʼ":
        head, sep, tail = text.partition(apostrophe)
        if sep and head in {"l", "d"} and tail:
            return tail.lstrip()
    first, _, rest = text.partition(" ")
    if rest and first in _ARTICLES:
        return rest
    return text


def strip_honorific(name: str) -> str:
    """A person's name without a leading honorific ("M. Macron" → "Macron")."""
    text = normalize_space(name)
    first, _, rest = text.partition(" ")
    if rest and first.casefold() in _HONORIFICS:
        return rest
    return text


def _resolve_alias(text: str, label: str, aliases: AliasTable) -> str | None:
    hit = aliases.canonical(text)
    if hit is not None:
        return hit
    if label == "PER":
        bare = strip_honorific(text)
        return aliases.canonical(bare) if bare != text else None
    # "la Chine" inside a sentence, "La Chine" at its start (capitalised only by position)
    for candidate in (strip_article(text), strip_article(text[:1].lower() + text[1:])):
        if candidate.casefold() != text.casefold():
            hit = aliases.canonical(candidate)
            if hit is not None:
                return hit
    return None


def _respelled_names(names: list[str], tokens: dict[str, list[str]], counts: Counter[str]) -> dict[str, str]:
    """Two full names of one article that differ by a slip in the surname — two letters swapped, one wrong, missing
    or extra ("Wael Ghonim" … "Wael Ghomin", "Goodluck Johnatan" … "Goodluck Jonathan") — are one person, spelt as
    the article spells it most (the first spelling on a tie). ``names`` in order of first mention."""
    out: dict[str, str] = {}
    for n, later in enumerate(names):
        mine = tokens[later]
        for earlier in names[:n]:
            theirs = tokens[earlier]
            if earlier in out or len(mine) < 2 or len(mine) != len(theirs) or mine[:-1] != theirs[:-1]:
                continue
            a, b = mine[-1], theirs[-1]
            if min(len(a), len(b)) >= 5 and a != b and (sorted(a) == sorted(b) or _one_edit(a, b)):
                slip, kept = (earlier, later) if counts[later] > counts[earlier] else (later, earlier)
                out[slip] = kept
                break
    return out


def _one_edit(a: str, b: str) -> bool:
    """Whether one letter changed, added or dropped turns ``a`` into ``b``."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))


def canonicalize_mentions(mentions: list[tuple[str, str]], aliases: AliasTable) -> list[str]:
    """Canonical name of each ``(text, label)`` mention of one article.

    Order: the alias table; for persons, a shorter mention whose tokens all occur in a fuller person mention of
    the same article takes that mention's canonical ("Sullivan" → "Jake Sullivan") unless the alias table already
    names one of those fuller persons ("Biden" with "Joe Biden" and "Hunter Biden" → Joe Biden); otherwise the
    mention itself, whitespace-normalised, without honorifics for persons and without a leading lowercase article
    for places and organisations.
    """
    clean = [(normalize_space(text), label) for text, label in mentions]
    alias_hits = [_resolve_alias(text, label, aliases) for text, label in clean]

    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for position, ((text, label), alias) in enumerate(zip(clean, alias_hits, strict=True)):
        if label == "PER" and (alias is None or aliases.label(alias) == "PER"):
            name = strip_honorific(text)
            counts[name] += 1
            first_seen.setdefault(name, position)
    person_tokens = {name: _tokens(name) for name in counts}
    known = {tuple(tokens) for tokens in person_tokens.values()}
    person_tokens = {  # "Juan Morenos" (German genitive) is no second person beside "Juan Moreno"
        name: tokens for name, tokens in person_tokens.items()
        if not (len(tokens) >= 2 and tokens[-1].endswith("s") and (*tokens[:-1], tokens[-1][:-1]) in known)}

    respelled = _respelled_names(sorted(person_tokens, key=lambda n: first_seen[n]), person_tokens, counts)
    for slip in respelled:
        person_tokens.pop(slip, None)
    surnames = {tokens[-1]: name for name, tokens in person_tokens.items() if len(tokens) >= 2}
    folded_texts = {fold(text) for text, _ in clean}

    result: list[str] = []
    for (text, label), alias in zip(clean, alias_hits, strict=True):
        if label != "PER":
            result.append(alias or _other_canonical(text, label, surnames, folded_texts, aliases))
            continue
        name = strip_honorific(text)
        name = respelled.get(name, name)
        tokens = _tokens(name)
        fuller = _fuller_names(tokens, person_tokens)
        if not fuller and alias is None and len(tokens) == 1 and tokens[0].endswith("s"):
            fuller = _fuller_names([tokens[0][:-1]], person_tokens)  # German genitive: "Morenos" → Juan Moreno
        if not fuller and alias is None and len(tokens) >= 2 and tokens[-1].endswith("s"):
            base = [*tokens[:-1], tokens[-1][:-1]]  # "Juan Morenos Recherche" → Juan Moreno
            fuller = [other for other, other_tokens in person_tokens.items() if other_tokens == base]
        if not fuller:
            result.append(alias or name)
            continue
        canonicals = {other: aliases.canonical(other) or other for other in fuller}
        if alias is not None and (alias in canonicals.values() or aliases.label(alias) == "PER"):
            result.append(alias)
            continue
        # a name that ends with the mention (its surname) first: "Mousavi" is "Mir Hossein Mousavi", not the
        # headline's "Mousavi Calls"; then the name used most, then the first used
        best = max(fuller, key=lambda other: (person_tokens[other][-1] == tokens[-1], counts[other],
                                              -first_seen[other]))
        result.append(canonicals[best])
    return _without_misspellings(result, [label for _, label in clean], [text for text, _ in clean])


MISSPELLING_MIN_CHARS = 10  # only long names: short ones differ by a letter and are other people ("Li Na", "Li Ma")


def _without_misspellings(result: list[str], labels: list[str], texts: list[str]) -> list[str]:
    """A person named twice in one article with a typo in the surname ("Herman Van Rompuy", later "Herman Van
    Rumpoy") is one person: same first names, surnames that are anagrams or nearly equal; the spelling the other
    mentions use more often wins."""
    names = sorted({r for r, label in zip(result, labels, strict=True) if label == "PER"})
    surname_uses = Counter(t for text, label in zip(texts, labels, strict=True) if label == "PER"
                           for t in _tokens(text)[-1:])
    rename: dict[str, str] = {}
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            ta, tb = _tokens(a), _tokens(b)
            if len(ta) != len(tb) or len(ta) < 2 or ta[:-1] != tb[:-1] or min(len(a), len(b)) < MISSPELLING_MIN_CHARS:
                continue
            sa, sb = ta[-1], tb[-1]
            if sorted(sa) != sorted(sb) and difflib.SequenceMatcher(None, sa, sb).ratio() < 0.85:
                continue
            keep, drop = (a, b) if surname_uses[sa] >= surname_uses[sb] else (b, a)
            rename[drop] = keep
    return [rename.get(r, r) if label == "PER" else r for r, label in zip(result, labels, strict=True)]


def _other_canonical(
    text: str, label: str, surnames: dict[str, str], folded_texts: set[str], aliases: AliasTable
) -> str:
    """Canonical of a place, organisation or misc mention that the alias table does not know."""
    tokens = _tokens(text)
    if len(tokens) == 1 and tokens[0] in surnames:
        # a person's bare surname the model labelled as a place ("Misch" after "David Misch")
        person = surnames[tokens[0]]
        return aliases.canonical(person) or person
    if label not in {"ORG", "LOC"}:
        return text
    stripped = strip_article(text)
    if stripped == text:
        # "The Office for Students" at a sentence start, when the article also says "the Office for Students"
        lowered = strip_article(text[:1].lower() + text[1:])
        if lowered.casefold() != text.casefold() and fold(lowered) in folded_texts:
            return lowered
    return stripped


def _fuller_names(tokens: list[str], person_tokens: dict[str, list[str]]) -> list[str]:
    """The maximal person names of the article that contain ``tokens`` (a name inside a longer one is dropped)."""
    fuller = [
        other for other, other_tokens in person_tokens.items()
        if len(other_tokens) > len(tokens) and _is_part_of(tokens, other_tokens)
    ]
    return [
        other for other in fuller
        if not any(
            len(person_tokens[longer]) > len(person_tokens[other])
            and _is_part_of(person_tokens[other], person_tokens[longer])
            for longer in fuller
        )
    ]


def _is_part_of(short: list[str], full: list[str]) -> bool:
    """Whether ``short`` is a suffix of ``full`` or all its tokens occur in ``full`` (same order)."""
    if not short:
        return False
    if full[-len(short):] == short:
        return True
    position = 0
    for token in short:
        try:
            position = full.index(token, position) + 1
        except ValueError:
            return False
    return True
