"""Enrichment agent: articles.raw → articles.enriched, or articles.dlq with the reason."""

from __future__ import annotations

import time
from typing import Any

import faust

from streams.agents.runner import EnrichmentRunner
from streams.config import Settings
from streams.enrich.pipeline import Incoming
from streams.metrics import ARTICLES_ENRICHED, ARTICLES_IN, DEAD_LETTERS, END_TO_END_SECONDS, STAGE_SECONDS
from streams.topics import encode


def register(app: faust.App, settings: Settings, topics: Any, runner: EnrichmentRunner) -> Any:
    # One agent instance per enrichment process keeps every process busy: while one instance waits for its batch,
    # another is collecting or sending. faust commits an offset only once every earlier event is acked.
    @app.agent(topics.raw, name="newswatch.enrich", concurrency=max(1, settings.enrich_processes))
    async def enrich(stream: faust.StreamT) -> None:
        async for events in stream.take_events(settings.batch_size, within=settings.batch_window):
            ARTICLES_IN.inc(len(events))
            batch = [
                Incoming(e.message.value, e.message.topic, e.message.partition, e.message.offset) for e in events
            ]
            started = time.perf_counter()
            outcomes = await runner.run(batch)
            STAGE_SECONDS.labels("enrich").observe(time.perf_counter() - started)
            # No need to wait for the broker's acks here: faust flushes the producer before it commits the input
            # offsets, so an output is acknowledged before its input can be skipped after a crash (at least once).
            for outcome in outcomes:
                key = outcome.key.encode("utf-8", "surrogatepass")
                if outcome.enriched is not None:
                    await topics.enriched.send(key=key, value=encode(outcome.enriched))
                    ARTICLES_ENRICHED.labels(outcome.enriched["language"]["code"]).inc()
                else:
                    letter = outcome.dead_letter
                    await topics.dlq.send(key=key, value=encode(letter))
                    DEAD_LETTERS.labels("enrich", letter["error_class"]).inc()
            now = time.time()
            for event in events:
                END_TO_END_SECONDS.labels("enriched").observe(max(0.0, now - event.message.timestamp))

    return enrich
