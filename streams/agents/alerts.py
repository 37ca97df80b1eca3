"""Alerting agent: articles.enriched → alerts, matching every article against the current watchlists."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import faust

from streams.agents.state import WatchState
from streams.config import Settings
from streams.enrich.intake import dead_letter, utc_now
from streams.metrics import ALERTS, DEAD_LETTERS, END_TO_END_SECONDS, STAGE_SECONDS
from streams.topics import decode, encode

log = logging.getLogger(__name__)
AGENT = "alerts"


def register(app: faust.App, settings: Settings, topics: Any, state: WatchState) -> Any:
    @app.agent(topics.enriched, name="newswatch.alerts")
    async def alerts(stream: faust.StreamT) -> None:
        from streams.watch.alerting import build_alert

        async for event in stream.events():
            message = event.message
            try:
                article = decode(message.value)
                if not isinstance(article, dict) or not isinstance(article.get("text"), str):
                    raise ValueError("enriched article must be an object with a `text` string")
                started = time.perf_counter()
                matches = state.matcher().match(article)
                STAGE_SECONDS.labels("match").observe(time.perf_counter() - started)
                now = utc_now()
                payloads = [build_alert(match, article, now) for match in matches]
            except Exception as exc:
                log.warning("enriched message rejected by the alert agent", extra={"error": str(exc)})
                letter = dead_letter(
                    message.value, type(exc).__name__, str(exc) or repr(exc), AGENT,
                    settings.dlq_payload_max_bytes, None, message.topic, message.partition, message.offset,
                )
                await (await topics.dlq.send(key=letter.payload_sha256.encode(), value=encode(letter.to_dict())))
                DEAD_LETTERS.labels(AGENT, letter.error_class).inc()
                continue
            sends = [await topics.alerts.send(key=a["id"].encode(), value=encode(a)) for a in payloads]
            await asyncio.gather(*sends)
            for payload in payloads:
                ALERTS.labels(payload.get("rule_kind", "unknown")).inc()
                END_TO_END_SECONDS.labels("alert").observe(max(0.0, time.time() - message.timestamp))

    return alerts
