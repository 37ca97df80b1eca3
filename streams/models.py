"""Typed records that flow one way: raw message → Article → EnrichedArticle → Alert (or DeadLetter).

Each record has ``to_dict`` for the topic edge; JSON encoding (orjson) happens in ``streams.codec``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = 1

QuoteKind = Literal["direct", "indirect"]
EntityLabel = Literal["PER", "ORG", "LOC", "MISC"]


@dataclass(slots=True)
class Article:
    """A raw article as accepted from the raw topic (validated, id assigned)."""

    id: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    text: str | None = None
    html: str | None = None
    published_at: str | None = None
    language_hint: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"schema_version": SCHEMA_VERSION, **asdict(self)}


@dataclass(slots=True)
class Entity:
    """A named-entity mention; ``start``/``end`` are character offsets into the enriched ``text``."""

    text: str
    label: EntityLabel
    start: int
    end: int
    canonical: str


@dataclass(slots=True)
class Quote:
    """A quotation. ``start``/``end`` cover the quoted words (without marks) in the enriched ``text``.

    ``speaker`` is the canonical speaker name (or the description of an unnamed source, or None when unknown);
    ``speaker_start``/``speaker_end`` locate the speaker mention the attribution used, when there is one.
    """

    text: str
    speaker: str | None
    kind: QuoteKind
    start: int
    end: int
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None


@dataclass(slots=True)
class Language:
    code: str  # ISO 639-1, or "und" when undetermined
    confidence: float
    reliable: bool = True
    title_code: str | None = None
    source: str = "detected"  # "hint": detection was unsure and the producer's "language" field decided


@dataclass(slots=True)
class EnrichedArticle:
    id: str
    text: str
    language: Language
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published_at: str | None = None
    pipeline: dict[str, Any] = field(default_factory=dict)
    enriched_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"schema_version": SCHEMA_VERSION, **asdict(self)}


@dataclass(slots=True)
class DeadLetter:
    """A message that could not be processed, with the reason and the original payload (size-capped)."""

    agent: str
    error_class: str
    reason: str
    payload: str
    payload_encoding: Literal["utf-8", "base64"]
    payload_size: int
    payload_sha256: str
    truncated: bool
    failed_at: str
    article_id: str | None = None
    topic: str | None = None
    partition: int | None = None
    offset: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"schema_version": SCHEMA_VERSION, **asdict(self)}
