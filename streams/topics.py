"""Topic names and declarations (raw bytes in and out: JSON is encoded/decoded by us with orjson)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

from streams.config import Settings


def encode(message: Any) -> bytes:
    """orjson on the hot path; keys sorted for reproducible bytes."""
    return orjson.dumps(message, option=orjson.OPT_SORT_KEYS)


def decode(payload: bytes | str) -> Any:
    return orjson.loads(payload)


@dataclass(frozen=True, slots=True)
class TopicSpec:
    name: str
    partitions: int
    config: dict[str, str]


def topic_specs(settings: Settings) -> list[TopicSpec]:
    """The five topics newswatch uses, with the configs they need (`watchlists` is compacted)."""
    n = settings.topic_partitions
    size = str(settings.max_message_bytes)
    return [
        TopicSpec(settings.topic_raw, n, {"max.message.bytes": size}),
        TopicSpec(settings.topic_enriched, n, {"max.message.bytes": size}),
        TopicSpec(settings.topic_alerts, n, {}),
        TopicSpec(settings.topic_dlq, n, {"max.message.bytes": size}),
        TopicSpec(settings.topic_watchlists, n, {"cleanup.policy": "compact"}),
    ]
