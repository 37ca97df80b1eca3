"""The worker's broker-loss check, wired to Kafka: every `broker_check_interval` seconds, snapshot the worker's
positions and the log ends its fetches saw, ask the broker for its metadata with a client of its own, and exit with
`EXIT_BROKER_LOST` once `streams.brokerwatch` confirms the log is gone. The decision itself lives in brokerwatch."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import faust
from aiokafka.admin import AIOKafkaAdminClient

from streams.brokerwatch import EXIT_BROKER_LOST, BrokerView, LossDetector, Partition, positions
from streams.config import Settings
from streams.kafka import client_options

log = logging.getLogger(__name__)
UNKNOWN_TOPIC = 3  # Kafka error code UNKNOWN_TOPIC_OR_PARTITION


class BrokerProbe:
    """A long-lived admin client of its own; any failure or timeout yields None (unreachable) and a new client."""

    def __init__(self, settings: Settings, timeout: float) -> None:
        self.settings, self.timeout = settings, timeout
        self._admin: AIOKafkaAdminClient | None = None

    async def view(self, end_offsets: dict[Partition, int]) -> BrokerView | None:
        """Cluster id and topics from a fresh metadata request; `end_offsets` as the worker's own fetches saw them."""
        try:
            return await asyncio.wait_for(self._view(end_offsets), self.timeout)
        except Exception as exc:  # unreachable, timed out, mid-restart: not evidence of a loss
            log.debug("broker check failed: %s", exc)
            await self.close()
            return None

    async def _view(self, end_offsets: dict[Partition, int]) -> BrokerView:
        if self._admin is None:
            admin = AIOKafkaAdminClient(**client_options(self.settings), request_timeout_ms=int(self.timeout * 1000))
            await admin.start()
            self._admin = admin
        cluster = await self._admin.describe_cluster()
        described = await self._admin.describe_topics()
        topics = frozenset(t["topic"] for t in described if t.get("error_code", 0) != UNKNOWN_TOPIC)
        return BrokerView(cluster.get("cluster_id"), topics, end_offsets)

    async def close(self) -> None:
        admin, self._admin = self._admin, None
        if admin is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(admin.close(), 5)


def worker_positions(consumer: Any) -> dict[Partition, int]:
    """The faust consumer's positions in its assigned partitions (read and committed offsets it keeps in memory)."""
    assigned = [(tp.topic, tp.partition) for tp in consumer.assignment()]
    read = {(tp.topic, tp.partition): offset for tp, offset in list(consumer._read_offset.items())}
    committed = {(tp.topic, tp.partition): offset for tp, offset in list(consumer._committed_offset.items())}
    return positions(read, committed, assigned)


def fetched_log_ends(consumer: Any) -> dict[Partition, int]:
    """Log-end offsets (high watermarks) from the worker's last fetch of each partition.

    Not ListOffsets: Tansu answers it with the base offset of the last batch + 1, which is below the true end
    whenever the last batch holds several records; the high watermark of a fetch response is right on both brokers.
    Read *after* the positions: on a healthy broker a later high watermark can only be larger.
    """
    ends: dict[Partition, int] = {}
    for tp in consumer.assignment():
        with contextlib.suppress(Exception):  # not fetched yet, or revoked meanwhile
            end = consumer.highwater(tp)
            if end is not None and end >= 0:
                ends[(tp.topic, tp.partition)] = end
    return ends


def register(app: faust.App, settings: Settings) -> None:
    """Add the periodic check to the app (nothing when `broker_check_interval` is 0)."""
    interval = settings.broker_check_interval
    if interval <= 0:
        return
    detector = LossDetector(confirmations=2)
    probe = BrokerProbe(settings, timeout=max(5.0, interval))
    watched = {settings.topic_raw, settings.topic_enriched, settings.topic_alerts, settings.topic_dlq,
               settings.topic_watchlists}

    @app.task
    async def watch_broker() -> None:
        while True:
            await asyncio.sleep(interval)
            try:
                where = worker_positions(app.consumer)
                ends = fetched_log_ends(app.consumer)
            except Exception:  # consumer not started yet
                continue
            view = await probe.view(ends)
            loss = detector.observe(view, where, watched | {tp[0] for tp in where})
            if loss is not None:
                from streams.worker import abandon

                log.error("broker lost its log: %s; exiting with code %d so that a supervisor starts a fresh worker",
                          loss.describe(), EXIT_BROKER_LOST, extra={**loss.fields(), "exit_code": EXIT_BROKER_LOST})
                abandon(app, EXIT_BROKER_LOST)
