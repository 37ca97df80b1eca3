"""Enrichment agent: articles.raw → articles.enriched, or articles.dlq with the reason."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import faust

from streams.agents.runner import EnrichmentRunner
from streams.config import Settings
from streams.enrich.pipeline import Incoming
from streams.metrics import ARTICLES_ENRICHED, ARTICLES_IN, DEAD_LETTERS, END_TO_END_SECONDS, STAGE_SECONDS
from streams.topics import encode


def register(app: faust.App, settings: Settings, topics: Any, runner: EnrichmentRunner) -> Any:
    @app.agent(topics.raw, name="newswatch.enrich")
    async def enrich(stream: faust.StreamT) -> None:
        async for events in stream.take_events(settings.batch_size, within=settings.batch_window):
            ARTICLES_IN.inc(len(events))
            batch = [
                Incoming(e.message.value, e.message.topic, e.message.partition, e.message.offset) for e in events
            ]
            started = time.perf_counter()
            outcomes = await runner.run(batch)
            STAGE_SECONDS.labels("enrich").observe(time.perf_counter() - started)
            sends = []
            for outcome in outcomes:
                key = outcome.key.encode("utf-8", "surrogatepass")
                if outcome.enriched is not None:
                    sends.append(await topics.enriched.send(key=key, value=encode(outcome.enriched)))
                    ARTICLES_ENRICHED.labels(outcome.enriched["language"]["code"]).inc()
                else:
                    letter = outcome.dead_letter
                    sends.append(await topics.dlq.send(key=key, value=encode(letter)))
                    DEAD_LETTERS.labels("enrich", letter["error_class"]).inc()
            # Wait for the broker's acks before the stream acks (and later commits) the input offsets.
            await asyncio.gather(*sends)
            now = time.time()
            for event in events:
                END_TO_END_SECONDS.labels("enriched").observe(max(0.0, now - event.message.timestamp))

    return enrich
