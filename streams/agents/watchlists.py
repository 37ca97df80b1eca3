"""Watchlist agent: the compacted `watchlists` topic (key = rule id) → the global rules table; tombstones delete."""

from __future__ import annotations

import logging
from typing import Any

import faust

from streams.agents.state import WatchlistTable
from streams.config import Settings
from streams.enrich.intake import dead_letter
from streams.metrics import DEAD_LETTERS
from streams.topics import decode, encode

log = logging.getLogger(__name__)
AGENT = "watchlists"


def register(app: faust.App, settings: Settings, topics: Any, table: WatchlistTable) -> Any:
    @app.agent(topics.watchlists, name="newswatch.watchlists")
    async def watchlists(stream: faust.StreamT) -> None:
        from streams.watch.rules import RuleError, parse_rule

        async for event in stream.events():
            message = event.message
            rule_id = (message.key or b"").decode("utf-8", "replace")
            if message.value is None:
                table.pop(rule_id, None)
                log.info("watch rule deleted", extra={"rule_id": rule_id})
                continue
            try:
                data = decode(message.value)
                rule = parse_rule(data)
                if rule_id and rule.id != rule_id:
                    raise RuleError(f"message key {rule_id!r} differs from the rule id {rule.id!r}")
                table[rule.id] = rule.to_dict()
                log.info("watch rule set", extra={"rule_id": rule.id})
            except (ValueError, RuleError) as exc:
                letter = dead_letter(
                    message.value, type(exc).__name__, str(exc), AGENT, settings.dlq_payload_max_bytes,
                    rule_id or None, message.topic, message.partition, message.offset,
                )
                await (await topics.dlq.send(key=letter.payload_sha256.encode(), value=encode(letter.to_dict())))
                DEAD_LETTERS.labels(AGENT, letter.error_class).inc()

    return watchlists
