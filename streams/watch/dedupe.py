"""Alert de-duplication: "already fired" records and near-duplicate detection of article text.

Near-duplicates (a syndicated copy with another headline, byline or footer) are found with MinHash over word
shingles of the folded text, computed by one-permutation hashing (one 64-bit hash per shingle split into ``k``
bins, empty bins filled by rotation): the same estimator as classic MinHash at 1/k of its cost, in pure Python,
with no dependency. Candidates come from LSH banding (``bands`` × ``rows`` = ``k``) and are verified on the whole
signature. Signatures are plain lists of ints, so they travel through a faust table as JSON and are stable across
processes (blake2b, never Python's salted ``hash``).
"""

from __future__ import annotations

import base64
import hashlib
import re
import unicodedata
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

SIGNATURE_BINS = 64  # k: signature length (estimate error ~ 1/sqrt(k) ≈ 0.12 at J = 0.5, far less near 1)
BANDS = 16  # LSH bands of 4 rows: a pair with J = 0.8 is a candidate with probability 1 - (1 - 0.8^4)^16 > 0.999
SHINGLE_WORDS = 5  # words per shingle: long enough that two different stories share few of them
MIN_SHINGLES = 20  # texts shorter than this are not fingerprinted (too little text to call two stories the same)
DEFAULT_THRESHOLD = 0.7  # estimated Jaccard similarity from which an article is a copy of another
_BIN_BITS = 6  # log2(SIGNATURE_BINS)
_VALUE_MASK = (1 << (64 - _BIN_BITS)) - 1
_EMPTY = -1
_ROTATION = 1 << 58  # added per bin of distance when an empty bin borrows a neighbour's value (densification)
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Case- and accent-folded words (runs of letters and digits), so that typography differences do not count."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _WORD.findall(stripped)


def shingles(tokens: list[str], size: int = SHINGLE_WORDS) -> set[str]:
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def signature(text: str, min_shingles: int = MIN_SHINGLES) -> list[int] | None:
    """The MinHash signature (``SIGNATURE_BINS`` ints) of ``text``, or None when the text is too short to judge."""
    grams = shingles(words(text))
    if len(grams) < min_shingles:
        return None
    bins = [_EMPTY] * SIGNATURE_BINS
    for gram in grams:
        h = int.from_bytes(hashlib.blake2b(gram.encode(), digest_size=8).digest(), "big")
        index, value = h >> (64 - _BIN_BITS), h & _VALUE_MASK
        if bins[index] == _EMPTY or value < bins[index]:
            bins[index] = value
    return _densify(bins)


def _densify(bins: list[int]) -> list[int]:
    """Fill each empty bin from the next non-empty one (circularly), offset by the distance (Shrivastava & Li)."""
    if all(value != _EMPTY for value in bins):
        return bins
    k = len(bins)
    out = list(bins)
    for index, value in enumerate(bins):
        if value != _EMPTY:
            continue
        for distance in range(1, k):
            borrowed = bins[(index + distance) % k]
            if borrowed != _EMPTY:
                out[index] = borrowed + distance * _ROTATION
                break
    return out


def similarity(a: list[int] | array, b: list[int] | array) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets: the fraction of equal bins."""
    if len(a) != len(b) or not a:
        return 0.0
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


def band_keys(sig: list[int] | array, bands: int = BANDS) -> list[int]:
    """LSH band keys: two signatures sharing any one key are candidates. The band number is part of the key.

    Keys are Python hashes of the band (one machine int each, for memory): they never leave the process, and a
    rare collision only adds a candidate, which the full-signature check then rejects.
    """
    rows = len(sig) // bands
    return [hash((band, *sig[band * rows : (band + 1) * rows])) for band in range(bands)]


def encode_signature(sig: list[int]) -> str:
    """A compact text form for table values (~700 characters instead of a JSON list of 64 big ints)."""
    return base64.b64encode(b"".join(value.to_bytes(8, "big") for value in sig)).decode("ascii")


def decode_signature(text: str) -> list[int]:
    raw = base64.b64decode(text)
    return [int.from_bytes(raw[i : i + 8], "big") for i in range(0, len(raw), 8)]


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An earlier article whose text is nearly the same, and the rules that already fired on it."""

    article_id: str
    similarity: float
    rules: frozenset[str]


@dataclass(slots=True)
class _Entry:
    sig: array  # unsigned 64-bit: a third of the memory of a list of Python ints
    at: float
    rules: frozenset[str]


class NearDuplicateIndex:
    """Recent fingerprints, bounded in number (oldest inserted evicted first) and in age (``ttl`` seconds).

    Pure and in memory; the worker feeds it from a changelog-backed table so that it survives restarts and
    holds every worker's articles.
    """

    def __init__(
        self, capacity: int = 20_000, ttl: float = 172_800.0, threshold: float = DEFAULT_THRESHOLD,
        bands: int = BANDS,
    ) -> None:
        if capacity < 1 or ttl <= 0 or not 0 < threshold <= 1:
            raise ValueError("capacity >= 1, ttl > 0 and 0 < threshold <= 1 required")
        self.capacity, self.ttl, self.threshold, self.bands = capacity, ttl, threshold, bands
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self._buckets: dict[int, str | set[str]] = {}  # a plain id until a second one shares the key

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._entries

    def add(self, article_id: str, sig: list[int], at: float, rules: Iterable[str] = ()) -> None:
        """Insert or replace; evicts the oldest entries beyond ``capacity`` and those older than ``ttl``."""
        self.remove(article_id)
        self._entries[article_id] = _Entry(array("Q", sig), at, frozenset(rules))
        for key in band_keys(sig, self.bands):
            held = self._buckets.get(key)
            if held is None:
                self._buckets[key] = article_id
            elif isinstance(held, str):
                if held != article_id:
                    self._buckets[key] = {held, article_id}
            else:
                held.add(article_id)
        while len(self._entries) > self.capacity:
            self.remove(next(iter(self._entries)))
        self.expire(at)

    def remove(self, article_id: str) -> None:
        entry = self._entries.pop(article_id, None)
        if entry is None:
            return
        for key in band_keys(entry.sig, self.bands):
            held = self._buckets.get(key)
            if held == article_id:
                del self._buckets[key]
            elif isinstance(held, set):
                held.discard(article_id)
                if len(held) == 1:
                    self._buckets[key] = next(iter(held))

    def expire(self, now: float) -> int:
        """Drop entries older than ``ttl`` (insertion order ≈ time order, so this stops at the first young one)."""
        dropped = 0
        while self._entries:
            oldest_id, oldest = next(iter(self._entries.items()))
            if oldest.at >= now - self.ttl:
                break
            self.remove(oldest_id)
            dropped += 1
        return dropped

    def query(self, sig: list[int], now: float, exclude: str | None = None) -> list[Duplicate]:
        """Earlier articles at least ``threshold`` similar (most similar first), excluding ``exclude`` itself."""
        candidates: set[str] = set()
        for key in band_keys(sig, self.bands):
            held = self._buckets.get(key)
            if isinstance(held, str):
                candidates.add(held)
            elif held:
                candidates.update(held)
        candidates.discard(exclude or "")
        found = []
        for article_id in candidates:
            entry = self._entries[article_id]
            if entry.at < now - self.ttl:
                continue
            score = similarity(sig, entry.sig)
            if score >= self.threshold:
                found.append(Duplicate(article_id, score, entry.rules))
        return sorted(found, key=lambda d: (-d.similarity, d.article_id))


def fired_rules(entry: Any, now: float, ttl: float) -> frozenset[str]:
    """Rule ids recorded as fired for an article (a table value ``{"rules", "at"}``), empty when absent or stale."""
    if not isinstance(entry, Mapping) or not isinstance(entry.get("rules"), list):
        return frozenset()
    at = entry.get("at")
    if isinstance(at, int | float) and at < now - ttl:
        return frozenset()
    return frozenset(str(rule) for rule in entry["rules"])


def expired_keys(items: Iterable[tuple[Any, Any]], now: float, ttl: float, partition: int, limit: int) -> list[Any]:
    """Keys of table values ``{"at", "p"}`` older than ``ttl`` that belong to ``partition`` (at most ``limit``).

    Only keys of the partition being processed can be deleted: faust writes a delete to the changelog partition
    of the current event, so deleting another partition's key would leave its record alive in the changelog.
    """
    out = []
    for key, value in items:
        if len(out) >= limit:
            break
        if not isinstance(value, Mapping) or value.get("p") != partition:
            continue
        at = value.get("at")
        if isinstance(at, int | float) and at < now - ttl:
            out.append(key)
    return out
