"""Match enriched articles against a watchlist with a cost per article that stays flat as rules grow.

How: every literal of every rule (actor names, aliases and alias-table variants, keyword terms, ``about`` terms, near
terms) is folded once and put in ONE Aho–Corasick automaton whose values point back to (term spec → rule nodes).
An article is folded once (accents, case, apostrophes, dashes, whitespace runs; with an offset map back to the
original text) and scanned once per field (text, title). Raw hits are checked for whole-word boundaries and, for
inflection-tolerant terms (whose key is a stem), for an accepted ending; entity mentions are looked up by folded
canonical name and quote speakers by folded name. Specs sharing a key are grouped so that shared work is done once
per raw hit (phrases are bucketed by their second word: a thousand phrases starting with "guerre" cost one lookup).
Only the rules that got something are evaluated — plus the rules
that can match an article that mentions nothing (a boolean rule made only of ``none``), which are rare and are
evaluated for every article.

A ``Matcher`` is immutable: build a new one per watchlist version and swap the reference atomically.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import ahocorasick
import orjson

from streams.watch import inflect
from streams.watch.rules import Rule, RuleError

Field = Literal["text", "title"]
Span = tuple[int, int, int]  # (field, start, end) in original offsets
Hit = tuple[int, int, int, int]  # (field, start, end, slot)
_TEXT, _TITLE = 0, 1
_FIELDS: tuple[Field, Field] = ("text", "title")
_SPACE_RUNS = re.compile(" {2,}")
_WORD = re.compile(r"\w+")
_ACRONYM_MAX_LETTERS = 6
_MAX_SEPARATOR = 3  # characters allowed between the words of an inflection-tolerant phrase
_BUCKET = 3  # phrase specs are bucketed by this many leading characters of their second word

# slots: which part of a rule a term feeds
_NAME, _SURNAME = 0, 1  # actor
_LEFT, _RIGHT = 2, 3  # near (distinct from _SURNAME: slots are checked in the scan loop)
_TERM = 0  # keyword, phrase, quoted ``about``


@dataclass(frozen=True, slots=True)
class Mention:
    """A matched span; ``start``/``end`` are offsets into the article's ``text`` or ``title`` (see ``field``)."""

    text: str
    start: int
    end: int
    field: Field


@dataclass(frozen=True, slots=True)
class Match:
    """A top-level rule that fired on an article, with its evidence."""

    rule: Rule
    mentions: tuple[Mention, ...]
    quotes: tuple[dict[str, Any], ...] = ()

    @property
    def rule_id(self) -> str:
        return self.rule.id or ""


@dataclass(frozen=True, slots=True)
class _Spec:
    """How to verify a raw automaton hit of ``key``.

    Exact terms: ``key`` is the whole folded term and only word boundaries are checked. Inflection-tolerant
    terms: ``key`` is the stem of the first word; the rest of that word must be an accepted ending, and the
    following words (``rest``) must follow within a short separator.
    """

    key: str
    inflected: bool
    own: str  # the term's own ending, stripped from the key (always accepted)
    rest: tuple[tuple[str, str, bool], ...]  # following words: (stem or word, own ending, inflected)
    acronym: bool  # written in capitals ("UN"): only matches text in capitals


@dataclass(slots=True)
class _Group:
    """Every spec sharing one automaton key, split so that a raw hit does the shared work once.

    ``plain``: exact terms (key = whole term). ``stems``: inflection-tolerant single words. ``phrases``:
    multi-word inflection-tolerant terms, bucketed by the first ``_BUCKET`` characters of their second word, so
    that thousands of phrases starting with "guerre" cost one dictionary lookup on the word that follows.
    """

    key: str
    plain: list[int]
    stems: list[int]
    phrases: dict[str, list[int]]


class _Folder:
    """Folds text like ``streams.enrich.canonical.fold`` but with C-speed ``str.translate`` and exact offsets.

    The translation table is learned per character through ``fold`` (whitespace → one space); runs of spaces
    are then collapsed. Almost every character folds to exactly one character, so the offset map is the
    identity plus a shift per collapsed run; characters that fold to zero or several characters (combining
    marks, "ß", ligatures) switch to an explicit per-character map.
    """

    def __init__(self, fold: Callable[[str], str]) -> None:
        self._fold = fold
        self._table: dict[int, str] = {}
        self._known: set[str] = set()
        self._irregular: set[str] = set()

    def _learn(self, text: str) -> None:
        missing = set(text).difference(self._known)
        if not missing:
            return
        for char in missing:
            folded = " " if char.isspace() else self._fold(char).replace(" ", "")
            self._table[ord(char)] = folded
            if len(folded) != 1:
                self._irregular.add(char)
        self._known.update(missing)

    def fold(self, text: str) -> str:
        """Folded form of a term or name (whitespace collapsed and stripped), for keys and comparisons."""
        self._learn(text)
        return _SPACE_RUNS.sub(" ", text.translate(self._table)).strip()

    def fold_with_offsets(self, text: str) -> tuple[str, Callable[[int], int]]:
        """``(folded, to_original)``: ``to_original(i)`` is the original index of folded character ``i``."""
        self._learn(text)
        translated = text.translate(self._table)
        base: list[int] | None = None
        if self._irregular and not self._irregular.isdisjoint(text):
            base = []
            table = self._table
            for index, char in enumerate(text):
                base.extend([index] * len(table[ord(char)]))
        runs = [(m.start(), m.end()) for m in _SPACE_RUNS.finditer(translated)]
        if not runs:
            folded = translated
            if base is None:
                return folded, _identity
            return folded, _list_lookup(base, len(text))
        folded = _SPACE_RUNS.sub(" ", translated)
        # folded index -> translated index: each run became one space; later characters shift by what it removed
        marks: list[int] = []
        shifts: list[int] = []
        removed = 0
        for start, end in runs:
            marks.append(start - removed + 1)
            removed += end - start - 1
            shifts.append(removed)

        def to_translated(index: int) -> int:
            position = bisect.bisect_right(marks, index)
            return index + (shifts[position - 1] if position else 0)

        if base is None:
            return folded, to_translated
        lookup = _list_lookup(base, len(text))
        return folded, lambda index: lookup(to_translated(index))


def _identity(index: int) -> int:
    return index


def _list_lookup(base: list[int], length: int) -> Callable[[int], int]:
    return lambda index: base[index] if index < len(base) else length


class _Article:
    """Per-article scratch state of one ``match`` call."""

    __slots__ = ("hits", "language", "originals", "quote_nodes", "quotes", "source", "word_starts")

    def __init__(self, article: Mapping[str, Any]) -> None:
        language = article.get("language")
        code = language.get("code") if isinstance(language, Mapping) else language
        self.language: str | None = code.lower() if isinstance(code, str) else None
        source = article.get("source")
        self.source: str | None = source.casefold() if isinstance(source, str) else None
        self.originals: tuple[str, str] = (article.get("text") or "", article.get("title") or "")
        self.quotes: list[Mapping[str, Any]] = [q for q in article.get("quotes") or () if isinstance(q, Mapping)]
        self.hits: dict[int, list[Hit]] = {}  # node -> (field, start, end, slot)
        self.quote_nodes: dict[int, list[int]] = {}  # quoted node -> indexes into quotes
        self.word_starts: dict[int, list[int]] = {}

    def word_index(self, field: int, offset: int) -> int:
        starts = self.word_starts.get(field)
        if starts is None:
            starts = self.word_starts[field] = [m.start() for m in _WORD.finditer(self.originals[field])]
        return bisect.bisect_right(starts, offset) - 1


class Matcher:
    """An immutable, compiled watchlist. ``match(article)`` returns the top-level rules that fire, in rule order."""

    def __init__(
        self,
        rules: Iterable[Rule],
        aliases: Any = None,
        *,
        fold: Callable[[str], str] | None = None,
    ) -> None:
        """Compile ``rules`` (disabled ones are skipped).

        ``aliases``: an ``AliasTable`` (default: the shipped ``default_aliases()``); its variants of every actor
        name are added to the rule's own aliases. ``fold``: the name-folding function (default:
        ``streams.enrich.canonical.fold``) so that the matcher and the entity stage agree on "the same name".
        """
        if aliases is None or fold is None:
            from streams.enrich import canonical  # lazy: the matcher is pure code, the table is loaded once

            aliases = canonical.default_aliases() if aliases is None else aliases
            fold = canonical.fold if fold is None else fold
        self._aliases = aliases
        self._fold_fn = fold
        self._folder = _Folder(fold)
        self._index_aliases()
        all_rules = tuple(rules)
        self._all_rules = all_rules
        self._rules: tuple[Rule, ...] = tuple(rule for rule in all_rules if rule.enabled)
        self._fingerprint: str | None = None
        seen: set[str] = set()
        for rule in all_rules:
            if not rule.id:
                raise RuleError("missing (every top-level rule needs an id)", None, "id")
            if rule.id in seen:
                raise RuleError("duplicate rule id", rule.id, "id")
            seen.add(rule.id)

        self._nodes: list[Rule] = []
        self._top: list[int] = []  # node -> index of its top-level rule
        self._children: list[tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]] = []
        self._sources: list[frozenset[str]] = []
        self._specs: list[_Spec] = []
        self._spec_refs: list[list[tuple[int, int]]] = []  # spec -> [(node, slot)]
        self._spec_ids: dict[tuple[Any, ...], int] = {}
        self._keys: dict[str, list[int]] = {}  # automaton key -> specs
        self._canonicals: dict[str, list[int]] = {}  # folded actor name -> actor nodes (entity lookup)
        self._speakers: dict[str, list[int]] = {}  # folded actor name -> quoted nodes
        self._always: list[int] = []  # top-level rules that may match without any hit
        self._top_nodes: list[int] = []
        for top, rule in enumerate(self._rules):
            self._top_nodes.append(self._compile(rule, top))
            if _can_match_empty(rule):
                self._always.append(top)

        self._groups: list[_Group] = []
        self._automaton: Any = None
        if self._keys:
            automaton = ahocorasick.Automaton()
            for key, spec_ids in self._keys.items():
                automaton.add_word(key, len(self._groups))
                self._groups.append(self._group(key, spec_ids))
            automaton.make_automaton()
            self._automaton = automaton
        self._spec_refs_t = [tuple(refs) for refs in self._spec_refs]
        self._keys.clear()
        self._spec_ids.clear()

    def _group(self, key: str, spec_ids: list[int]) -> _Group:
        group = _Group(key, [], [], {})
        for spec_id in spec_ids:
            spec = self._specs[spec_id]
            if spec.rest:
                second = spec.rest[0][0]
                group.phrases.setdefault(second[:_BUCKET], []).append(spec_id)
            elif spec.inflected:
                group.stems.append(spec_id)
            else:
                group.plain.append(spec_id)
        return group

    # ------------------------------------------------------------------------------------------ public API

    @property
    def rules(self) -> tuple[Rule, ...]:
        """Every rule given, disabled ones included (what ``with_rule``/``without`` rebuild from)."""
        return self._all_rules

    @property
    def fingerprint(self) -> str:
        """sha256 of the rules as data: equal watchlists have equal fingerprints (to skip useless swaps)."""
        if self._fingerprint is None:
            payload = orjson.dumps([rule.to_dict() for rule in self._all_rules], option=orjson.OPT_SORT_KEYS)
            self._fingerprint = hashlib.sha256(payload).hexdigest()
        return self._fingerprint

    @property
    def stats(self) -> dict[str, int]:
        return {
            "rules": len(self._all_rules),
            "enabled": len(self._rules),
            "nodes": len(self._nodes),
            "terms": len(self._specs),
            "always_evaluated": len(self._always),
        }

    def with_rule(self, rule: Rule) -> Matcher:
        """A new matcher with ``rule`` added, or replacing the rule with the same id."""
        kept = [r for r in self._all_rules if r.id != rule.id]
        return Matcher([*kept, rule], self._aliases, fold=self._fold_fn)

    def without(self, rule_id: str) -> Matcher:
        return Matcher([r for r in self._all_rules if r.id != rule_id], self._aliases, fold=self._fold_fn)

    def match(self, article: Mapping[str, Any]) -> list[Match]:
        """The top-level rules that fire on an enriched article (``EnrichedArticle.to_dict()`` shape)."""
        state = _Article(article)
        candidates: set[int] = set(self._always)
        if self._automaton is not None:
            for field, original in enumerate(state.originals):
                if original:
                    self._scan(state, field, original, candidates)
        self._lookup_entities(state, article, candidates)
        self._lookup_speakers(state, candidates)
        matches: list[Match] = []
        for top in sorted(candidates):
            result = self._evaluate(self._top_nodes[top], state, False)
            if result is None:
                continue
            spans, quote_ids = result
            text, title = state.originals
            mentions = tuple(Mention((text if f == _TEXT else title)[s:e], s, e, _FIELDS[f]) for f, s, e in spans)
            quotes = tuple(_quote_view(state.quotes[i]) for i in sorted(quote_ids))
            matches.append(Match(self._rules[top], mentions, quotes))
        return matches

    # ------------------------------------------------------------------------------------------ compilation

    def _compile(self, rule: Rule, top: int) -> int:
        node = len(self._nodes)
        self._nodes.append(rule)
        self._top.append(top)
        self._children.append(((), (), ()))
        self._sources.append(frozenset(source.casefold() for source in rule.sources))
        kind = rule.kind
        if kind == "actor":
            names, person = self._actor_names(rule.name or "", rule.aliases, rule.label)
            for name in names:
                folded = self._add_term(name, False, node, _NAME)
                if folded:
                    self._canonicals.setdefault(folded, []).append(node)
            if person:
                for name in names:
                    words = name.split()
                    if len(words) >= 2 and len(words[-1]) >= 3:
                        self._add_term(words[-1], False, node, _SURNAME)
        elif kind == "quoted":
            for name in self._actor_names(rule.actor or "", rule.aliases, None)[0]:
                folded = self._folder.fold(name)
                if folded:
                    self._speakers.setdefault(folded, []).append(node)
            for term in rule.about:
                self._add_term(term, rule.inflect_terms, node, _TERM)
        elif kind in ("keyword", "phrase"):
            for term in rule.terms:
                self._add_term(term, rule.inflect_terms, node, _TERM)
        elif kind == "near":
            self._add_term(rule.terms[0], rule.inflect_terms, node, _LEFT)
            self._add_term(rule.terms[1], rule.inflect_terms, node, _RIGHT)
        elif kind == "boolean":
            groups = tuple(
                tuple(self._compile(child, top) for child in children)
                for children in (rule.all_of, rule.any_of, rule.none_of)
            )
            self._children[node] = groups  # type: ignore[assignment]
        return node

    def _index_aliases(self) -> None:
        """Fold every form of the alias table once with the fast folder (the table's own lookups fold slowly)."""
        self._known: dict[str, str] = {}  # folded form -> canonical
        self._acronyms: set[str] = set()  # folded forms written in capitals: need capitals in the looked-up name
        self._forms: dict[str, tuple[str | None, tuple[str, ...]]] = {}  # canonical -> (label, forms)
        entries = getattr(self._aliases, "entries", None)
        if not callable(entries):
            return
        for entry in entries():
            forms = (entry.canonical, *entry.aliases)
            self._forms[entry.canonical] = (entry.label, forms)
            for form in forms:
                key = self._folder.fold(form)
                if key:
                    self._known[key] = entry.canonical
                    if _is_acronym(form):
                        self._acronyms.add(key)
                    else:
                        self._acronyms.discard(key)

    def _canonical_of(self, name: str) -> str | None:
        key = self._folder.fold(name)
        canonical = self._known.get(key)
        if canonical is not None and key in self._acronyms and not _all_caps(name):
            return None  # "us" is not the US
        return canonical

    def _actor_names(self, name: str, aliases: Iterable[str], label: str | None) -> tuple[list[str], bool]:
        """The actor's names (own + alias-table variants, any language) and whether it is a person."""
        names = dict.fromkeys([name, *aliases])
        table = self._aliases
        if table is not None:
            for known in list(names):
                if self._forms:
                    canonical = self._canonical_of(known)
                    if canonical is not None:
                        table_label, forms = self._forms[canonical]
                        names.update(dict.fromkeys(forms))
                        label = label or table_label
                else:  # an alias table with only the documented interface
                    names.update(dict.fromkeys(sorted(table.variants(known))))
                    canonical = table.canonical(known)
                    if label is None and canonical is not None and hasattr(table, "label"):
                        label = table.label(canonical)
        return [n for n in names if n], label == "PER"

    def _add_term(self, term: str, inflected: bool, node: int, slot: int) -> str:
        """Register one literal; returns its folded form ("" when nothing is left to match)."""
        folded = self._folder.fold(term)
        if not folded:
            return ""
        acronym = _is_acronym(term)
        signature: tuple[Any, ...] = (folded, False, "", (), acronym)
        if inflected and not acronym:
            words = [_word_pattern(word) for word in folded.split(" ")]
            key, own, first_inflected = words[0]
            if first_inflected or len(words) > 1:
                signature = (key, first_inflected, own, tuple(words[1:]), False)
        spec_id = self._spec_ids.get(signature)
        if spec_id is None:
            spec_id = self._spec_ids[signature] = len(self._specs)
            self._specs.append(_Spec(*signature))
            self._spec_refs.append([])
            self._keys.setdefault(signature[0], []).append(spec_id)
        refs = self._spec_refs[spec_id]
        if (node, slot) not in refs[-4:]:
            refs.append((node, slot))
        return folded

    # ------------------------------------------------------------------------------------------ scanning

    def _scan(self, state: _Article, field: int, original: str, candidates: set[int]) -> None:
        folded, to_original = self._folder.fold_with_offsets(original)
        specs = self._specs
        groups = self._groups
        language = state.language
        length = len(folded)
        for last, group_id in self._automaton.iter(folded):
            group = groups[group_id]
            start = last - len(group.key) + 1
            if start > 0 and folded[start - 1].isalnum():
                continue
            end = last + 1
            if group.plain and (end == length or not folded[end].isalnum()):
                for spec_id in group.plain:
                    self._hit(state, field, original, to_original, length, spec_id, start, end, candidates)
            if not group.stems and not group.phrases:
                continue
            word_end = end
            while word_end < length and folded[word_end].isalnum():
                word_end += 1
            tail = folded[end:word_end]
            tolerated = inflect.accepts(group.key, tail, language)
            for spec_id in group.stems:
                if tolerated or tail == specs[spec_id].own:
                    self._hit(state, field, original, to_original, length, spec_id, start, word_end, candidates)
            if not group.phrases:
                continue
            gap = word_end
            while gap < length and gap - word_end <= _MAX_SEPARATOR and not folded[gap].isalnum():
                gap += 1
            if gap == word_end or gap - word_end > _MAX_SEPARATOR:
                continue
            for size in range(1, _BUCKET + 1):
                for spec_id in group.phrases.get(folded[gap : gap + size], ()):
                    spec = specs[spec_id]
                    first_word_ok = (tolerated or tail == spec.own) if spec.inflected else not tail
                    if not first_word_ok:
                        continue
                    stop = _verify_rest(spec.rest, folded, gap, length, language)
                    if stop >= 0:
                        self._hit(state, field, original, to_original, length, spec_id, start, stop, candidates)

    def _hit(
        self,
        state: _Article,
        field: int,
        original: str,
        to_original: Callable[[int], int],
        length: int,
        spec_id: int,
        start: int,
        end: int,
        candidates: set[int],
    ) -> None:
        """Record a verified folded span ``[start, end)`` for every rule node that uses the spec."""
        o_start = to_original(start)
        o_end = max(to_original(end - 1) + 1, to_original(end) if end < length else len(original))
        o_end = _trim_end(original, o_start, o_end)
        if self._specs[spec_id].acronym and not _all_caps(original[o_start:o_end]):
            return
        hits = state.hits
        top_of = self._top
        for node, slot in self._spec_refs_t[spec_id]:
            if slot == _SURNAME and not original[o_start].isupper():
                continue  # "a price on" is not Ms. Price
            hits.setdefault(node, []).append((field, o_start, o_end, slot))
            candidates.add(top_of[node])

    def _lookup_entities(self, state: _Article, article: Mapping[str, Any], candidates: set[int]) -> None:
        if not self._canonicals:
            return
        text_length = len(state.originals[_TEXT])
        for entity in article.get("entities") or ():
            if not isinstance(entity, Mapping):
                continue
            canonical = entity.get("canonical")
            start, end = entity.get("start"), entity.get("end")
            if not isinstance(canonical, str) or not isinstance(start, int) or not isinstance(end, int):
                continue
            nodes = self._canonicals.get(self._folder.fold(canonical))
            if not nodes or not 0 <= start < end <= text_length:
                continue
            for node in nodes:
                state.hits.setdefault(node, []).append((_TEXT, start, end, _NAME))
                candidates.add(self._top[node])

    def _lookup_speakers(self, state: _Article, candidates: set[int]) -> None:
        if not self._speakers:
            return
        table = self._aliases
        for index, quote in enumerate(state.quotes):
            speaker = quote.get("speaker")
            if not isinstance(speaker, str) or not speaker:
                continue
            keys = {self._folder.fold(speaker)}
            canonical = self._canonical_of(speaker) if self._forms else table.canonical(speaker) if table else None
            if canonical:
                keys.add(self._folder.fold(canonical))
            for key in keys:
                for node in self._speakers.get(key, ()):
                    found = state.quote_nodes.setdefault(node, [])
                    if index not in found:
                        found.append(index)
                    candidates.add(self._top[node])

    # ------------------------------------------------------------------------------------------ evaluation

    def _evaluate(self, node: int, state: _Article, title_only: bool) -> tuple[list[Span], set[int]] | None:
        """``(spans, quote indexes)`` when ``node`` matches, else None. Spans are (field, start, end)."""
        rule = self._nodes[node]
        if rule.languages and state.language not in rule.languages:
            return None
        if rule.sources and state.source not in self._sources[node]:
            return None
        title_only = title_only or rule.title_only
        quote_ids: set[int] = set()
        kind = rule.kind
        hits = state.hits.get(node, ())
        if kind in ("keyword", "phrase"):
            spans = [(f, s, e) for f, s, e, _ in hits]
        elif kind == "actor":
            spans = [(f, s, e) for f, s, e, slot in hits if slot == _NAME and (f == _TITLE or not title_only)]
            if spans:
                spans += [(f, s, e) for f, s, e, slot in hits if slot == _SURNAME]
        elif kind == "near":
            spans = self._near(rule, hits, state)
        elif kind == "quoted":
            spans, quote_ids = self._quoted(rule, node, hits, state)
            if len(quote_ids) < rule.min_count:
                return None
            return _dedupe(spans), quote_ids
        else:
            return self._boolean(rule, node, state, title_only)
        if title_only:
            spans = [span for span in spans if span[0] == _TITLE]
        spans = _dedupe(spans)
        if len(spans) < rule.min_count:
            return None
        return spans, quote_ids

    def _boolean(self, rule: Rule, node: int, state: _Article, title_only: bool) -> tuple[list[Any], set[int]] | None:
        all_nodes, any_nodes, none_nodes = self._children[node]
        spans: list[Span] = []
        quote_ids: set[int] = set()
        for child in all_nodes:
            result = self._evaluate(child, state, title_only)
            if result is None:
                return None
            spans += result[0]
            quote_ids |= result[1]
        if any_nodes:
            matched = False
            for child in any_nodes:
                result = self._evaluate(child, state, title_only)
                if result is not None:
                    matched = True
                    spans += result[0]
                    quote_ids |= result[1]
            if not matched:
                return None
        for child in none_nodes:
            if self._evaluate(child, state, title_only) is not None:
                return None
        spans = _dedupe(spans)
        if max(len(spans), len(quote_ids)) < rule.min_count:
            return None
        return spans, quote_ids

    def _near(self, rule: Rule, hits: Iterable[Hit], state: _Article) -> list[Span]:
        within = rule.within_words
        spans: list[Span] = []
        for field in (_TEXT, _TITLE):
            left = [(s, e) for f, s, e, slot in hits if f == field and slot == _LEFT]
            right = [(s, e) for f, s, e, slot in hits if f == field and slot == _RIGHT]
            if not left or not right:
                continue
            placed = sorted(
                (state.word_index(field, s), state.word_index(field, max(s, e - 1)), s, e) for s, e in right
            )
            firsts = [p[0] for p in placed]
            used: set[tuple[int, int]] = set()
            for s, e in left:
                first = state.word_index(field, s)
                last = state.word_index(field, max(s, e - 1))
                # right candidates whose first word is within range of this left span
                lo = bisect.bisect_left(firsts, first - within - 64)
                hi = bisect.bisect_right(firsts, last + within)
                for r_first, r_last, rs, re_ in placed[lo:hi]:
                    if (rs, re_) == (s, e):
                        continue
                    gap = max(0, r_first - last, first - r_last)
                    if gap <= within:
                        used.add((s, e))
                        used.add((rs, re_))
            spans += [(field, s, e) for s, e in used]
        return spans

    def _quoted(self, rule: Rule, node: int, hits: Iterable[Hit], state: _Article) -> tuple[list[Span], set[int]]:
        spans: list[Span] = []
        quote_ids: set[int] = set()
        text_hits = [(s, e) for f, s, e, _ in hits if f == _TEXT]
        for index in state.quote_nodes.get(node, ()):
            quote = state.quotes[index]
            q_start, q_end = quote.get("start"), quote.get("end")
            if rule.about:
                if not isinstance(q_start, int) or not isinstance(q_end, int):
                    continue
                inside = [(_TEXT, s, e) for s, e in text_hits if q_start <= s and e <= q_end]
                if not inside:
                    continue
                spans += inside
            s_start, s_end = quote.get("speaker_start"), quote.get("speaker_end")
            if isinstance(s_start, int) and isinstance(s_end, int) and 0 <= s_start < s_end:
                spans.append((_TEXT, s_start, s_end))
            quote_ids.add(index)
        return spans, quote_ids


# ---------------------------------------------------------------------------------------------- helpers


def _verify_rest(
    rest: tuple[tuple[str, str, bool], ...], folded: str, gap: int, length: int, language: str | None
) -> int:
    """End (exclusive, folded) of a phrase whose second word starts at ``gap``, or -1 when a word does not follow."""
    position = gap
    for index, (word, own, inflected) in enumerate(rest):
        if index:
            gap = position
            while gap < length and gap - position <= _MAX_SEPARATOR and not folded[gap].isalnum():
                gap += 1
            if gap == position or gap - position > _MAX_SEPARATOR:
                return -1
        if not folded.startswith(word, gap):
            return -1
        position = gap + len(word)
        word_end = position
        while word_end < length and folded[word_end].isalnum():
            word_end += 1
        tail = folded[position:word_end]
        if tail and not (inflected and inflect.accepts(word, tail, language, own)):
            return -1
        position = word_end
    return position


def _word_pattern(word: str) -> tuple[str, str, bool]:
    """``(prefix to find, own ending, inflected)`` for one folded term word; only its last alphanumeric run inflects
    ("semi-conducteur" → "semi-conducteur" + s, "l'exportation" → "l'exportation" + s)."""
    run = len(word)
    while run > 0 and word[run - 1].isalnum():
        run -= 1
    if run == len(word):
        return word, "", False
    base, own = inflect.split(word[run:])
    return word[:run] + base, own, True


def _trim_end(original: str, start: int, end: int) -> int:
    while end > start + 1 and original[end - 1].isspace():
        end -= 1
    return end


def _is_acronym(term: str) -> bool:
    if len(term) > 2 * _ACRONYM_MAX_LETTERS or not term.isupper():
        return False
    letters = [c for c in term if c.isalpha()]
    return 2 <= len(letters) <= _ACRONYM_MAX_LETTERS and all(c.isupper() for c in letters) and " " not in term.strip()


def _all_caps(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _dedupe(spans: list[Span]) -> list[Span]:
    """Sorted spans without duplicates or spans contained in another span of the same field."""
    if len(spans) < 2:
        return list(spans)
    out: list[Span] = []
    reach = {_TEXT: -1, _TITLE: -1}
    for field, start, end in sorted(set(spans), key=lambda s: (s[0], s[1], -s[2])):
        if end <= reach[field]:
            continue
        reach[field] = end
        out.append((field, start, end))
    return out


def _quote_view(quote: Mapping[str, Any]) -> dict[str, Any]:
    return {key: quote.get(key) for key in ("text", "speaker", "kind", "start", "end")}


def _can_match_empty(rule: Rule) -> bool:
    """Whether ``rule`` can fire on an article where none of its terms occur (must then always be evaluated)."""
    if rule.kind != "boolean" or rule.min_count > 0:
        return False
    if not all(_can_match_empty(child) for child in rule.all_of):
        return False
    return not rule.any_of or any(_can_match_empty(child) for child in rule.any_of)
