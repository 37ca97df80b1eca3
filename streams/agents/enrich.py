"""Enrichment agent: articles.raw → articles.enriched, or articles.dlq with the reason."""

from __future__ import annotations

import asyncio
import logging
import os
import time
from typing import Any

import faust

from streams.agents.runner import EnrichmentRunner
from streams.config import Settings
from streams.enrich.pipeline import Incoming, Outcome, reject
from streams.metrics import ARTICLES_ENRICHED, ARTICLES_IN, DEAD_LETTERS, END_TO_END_SECONDS, STAGE_SECONDS
from streams.topics import encode
from streams.worker import DRAIN_SECONDS

log = logging.getLogger(__name__)
# Bytes a Kafka record adds around key and value (headers, varints, batch header); kept generous.
RECORD_OVERHEAD = 512


def oversize(incoming: Incoming, outcome: Outcome, size: int, settings: Settings) -> Outcome:
    """A dead letter for an enriched article the producer would refuse (it would crash the agent and lose the batch)."""
    reason = (f"enriched article is {size} bytes, more than max_message_bytes={settings.max_message_bytes}; "
              "raise max_message_bytes (and the broker's message.max.bytes) or lower max_text_chars")
    return reject(incoming, "TooLarge", reason, outcome.key, settings)


def register(app: faust.App, settings: Settings, topics: Any, runner: EnrichmentRunner,
             inflight: set[asyncio.Future[None]]) -> Any:
    """`inflight` collects the batches being processed, so a stopping worker can let them finish first."""

    # One agent instance per enrichment process keeps every process busy: while one instance waits for its batch,
    # another is collecting or sending. faust commits an offset only once every earlier event is acked.
    # One more instance than processes: a batch is always queued behind the one being enriched, so the pool never
    # idles while an instance collects its next batch or sends its outputs.
    @app.agent(topics.raw, name="newswatch.enrich", concurrency=max(1, settings.enrich_processes) + 1)
    async def enrich(stream: faust.StreamT) -> None:
        async for events in stream.noack().take_events(settings.batch_size, within=settings.batch_window):
            if runner.stopped:  # the worker is leaving (streams.worker): never start a batch it could not finish
                await asyncio.Event().wait()
            task = asyncio.ensure_future(handle(events))
            inflight.add(task)
            task.add_done_callback(inflight.discard)
            try:
                await asyncio.shield(task)
            except Exception:
                # take_events would ack (and later commit) the batch although nothing was published for it.
                log.exception("enrichment batch failed; exiting without committing its offsets")
                os._exit(70)
            except asyncio.CancelledError:
                # Stopping: take_events acks this batch as soon as we leave the loop, so its outputs must be sent
                # first; if that cannot happen in time, exit without committing (the batch is re-read: at least once).
                try:
                    await asyncio.wait_for(task, DRAIN_SECONDS)
                except BaseException:
                    log.error("in-flight batch not finished at shutdown; exiting without committing its offsets")
                    os._exit(70)
                raise

    async def handle(events: list[Any]) -> None:
        ARTICLES_IN.inc(len(events))
        batch = [Incoming(e.message.value, e.message.topic, e.message.partition, e.message.offset) for e in events]
        started = time.perf_counter()
        outcomes = await runner.run(batch)
        STAGE_SECONDS.labels("enrich").observe(time.perf_counter() - started)
        # No need to wait for the broker's acks here: faust flushes the producer before it commits the input
        # offsets, so an output is acknowledged before its input can be skipped after a crash (at least once).
        for incoming, outcome in zip(batch, outcomes, strict=True):
            key = outcome.key.encode("utf-8", "surrogatepass")
            value = encode(outcome.enriched) if outcome.enriched is not None else None
            if value is not None and len(key) + len(value) + RECORD_OVERHEAD > settings.max_message_bytes:
                outcome = oversize(incoming, outcome, len(value), settings)
            if outcome.enriched is not None:
                await topics.enriched.send(key=key, value=value)
                ARTICLES_ENRICHED.labels(outcome.enriched["language"]["code"]).inc()
                log.debug("article enriched", extra={"article_id": outcome.key, "stage": "enrich"})
            else:
                letter = outcome.dead_letter
                await topics.dlq.send(key=key, value=encode(letter))
                DEAD_LETTERS.labels("enrich", letter["error_class"]).inc()
                log.warning("article sent to the dead-letter topic", extra={
                    "article_id": letter.get("article_id"), "stage": "enrich", "error_class": letter["error_class"],
                    "reason": letter["reason"][:300], "partition": incoming.partition, "offset": incoming.offset})
        now = time.time()
        for event in events:
            END_TO_END_SECONDS.labels("enriched").observe(max(0.0, now - event.message.timestamp))

    return enrich
