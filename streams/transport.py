"""faust's Kafka transport with a configurable fetch wait and no stale records after a seek.

faust hard-codes ``fetch_max_wait_ms=1500`` for its worker consumer. Apache Kafka answers a fetch as soon as data
arrives, so there the value only bounds idle polling; Tansu (the dev/test broker) holds a fetch for most of that
time even when data arrives, which adds up to a second and a half per hop (measured: ~400 ms median per hop at 1500,
~15 ms at 100). ``Settings.fetch_max_wait_ms`` sets it for every consumer newswatch creates.

After a rebalance faust resumes fetching *before* it seeks the kept partitions back to their committed offsets
(``Recovery.on_recovery_completed``). Records fetched before that seek but delivered after it jump the consumer's read
position ahead: faust books the skipped range as a gap (counted as acknowledged, so committed) and drops the same
records when the fetcher re-reads them from the committed offset — articles lost without an error (seen in
``tests/reliability/test_rebalance.py``: 65 of 600). ``_Consumer`` numbers its seeks and discards a fetch that a seek
overtook, then seeks again so that the discarded records are read again (at least once: some may come twice).

aiokafka's ``seek_to_committed`` moves only partitions with a commit above 0. A partition taken over from a worker
killed before its first commit kept its fetch position, so records discarded from it were never read again (all 56
new articles of one partition in a CI run of ``test_rebalance.py``). ``seek_to_committed_or_start`` also sends those
partitions to their start, as the worker's ``earliest`` reset policy has it (not the tables' changelogs: faust
positions those itself).

faust commits the first run of consecutive acknowledged offsets of a partition. With several agent instances (one
per enrichment process, plus one) batches finish out of order, and that run can start above a record still being
processed — before the partition's first commit faust does not look below the run at all, afterwards it lets one
missing offset through. A kill -9 right after such a commit would lose that record. ``_Consumer`` holds the commit
while a delivered record below the run is unacknowledged.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Mapping
from typing import Any

import faust
from aiokafka import AIOKafkaConsumer, TopicPartition
from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types import TP, Message

log = logging.getLogger(__name__)


async def seek_to_committed_or_start(consumer: AIOKafkaConsumer, keep: frozenset[str] = frozenset()
                                     ) -> dict[TopicPartition, int | None]:
    """Seek every assigned partition to its committed offset, and one with no commit (or a commit at 0) to its start:
    aiokafka leaves those where the fetcher is. Partitions of the `keep` topics (the tables' changelogs, which the
    group never commits and faust positions itself) are left as aiokafka leaves them. Returns the committed offsets,
    as aiokafka's ``seek_to_committed``."""
    committed = await consumer.seek_to_committed()
    uncommitted = [tp for tp, offset in committed.items() if (offset is None or offset <= 0) and tp.topic not in keep]
    if uncommitted:
        await consumer.seek_to_beginning(*uncommitted)
    return committed


class _ConsumerThread(faust_aiokafka.AIOKafkaConsumerThread):
    def _create_worker_consumer(self, transport: Any) -> Any:
        consumer = super()._create_worker_consumer(transport)
        # read by AIOKafkaConsumer.start() when it builds its fetcher; faust passes no way to set it
        consumer._fetch_max_wait_ms = self.app.conf.fetch_max_wait_ms  # type: ignore[attr-defined]
        return consumer

    async def seek_to_committed(self) -> Mapping[TP, int]:
        changelogs = frozenset(self.app.tables.changelog_topics)  # (standby replicas read them on, from where they are)
        return await self.call_thread(seek_to_committed_or_start, self._ensure_consumer(), changelogs)


class _Consumer(faust_aiokafka.Consumer):
    _seeks = 0  # bumped before and after every seek to the committed offsets
    _seek_lock: asyncio.Lock | None = None

    def _new_consumer_thread(self) -> faust_aiokafka.AIOKafkaConsumerThread:
        return _ConsumerThread(self, loop=self.loop, beacon=self.beacon)

    async def perform_seek(self) -> None:
        """Seek to the committed offsets, one seek at a time, numbered so that `getmany` can tell what it overtook."""
        if self._seek_lock is None:
            self._seek_lock = asyncio.Lock()
        async with self._seek_lock:
            self._seeks += 1
            try:
                await super().perform_seek()
            finally:
                self._seeks += 1

    def _new_offset(self, tp: TP) -> int | None:
        """faust's offset to commit for `tp`, or None while a delivered record below it is still being processed."""
        acked = self._acked[tp]
        if acked:
            lowest = min(acked)
            gaps = self._gap[tp]  # offsets the broker skipped (compaction, transaction markers): count as acked
            if gaps:
                lowest = min(lowest, min(interval.begin for interval in gaps))
            if any(m.tp == tp and not m.acked and m.offset < lowest for m in list(self._unacked_messages)):
                return None
        return super()._new_offset(tp)

    async def getmany(self, timeout: float) -> AsyncIterator[tuple[TP, Message]]:
        """faust's fetch, minus the records a seek overtook (then seek again so that they are read again)."""
        seeks = self._seeks
        overtaken = False
        async with contextlib.aclosing(super().getmany(timeout)) as records:
            async for tp, message in records:
                if self._seeks != seeks:  # fetched before a seek: delivering it would jump the read position
                    overtaken = True
                    break
                yield tp, message
                if self._seeks != seeks:  # a seek ran while it was delivered: faust then set a stale read position
                    overtaken = True
                    break
        if overtaken:
            log.info("records fetched before a seek were discarded; seeking to the committed offsets again")
            try:
                await self.perform_seek()
            except Exception as exc:  # the partition may be gone again (another rebalance): that one seeks for us
                log.warning("seek after discarding overtaken records failed: %r", exc)


class _Transport(faust_aiokafka.Transport):
    Consumer = _Consumer


class App(faust.App):
    """faust.App whose Kafka consumer waits at most ``fetch_max_wait_ms`` per fetch (and is `_Consumer`)."""

    def __init__(self, *args: Any, fetch_max_wait_ms: int = 500, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.conf.fetch_max_wait_ms = fetch_max_wait_ms  # type: ignore[attr-defined]

    def _new_transport(self) -> Any:
        urls = self.conf.broker_consumer
        if urls and urls[0].scheme in ("kafka", "aiokafka"):
            return _Transport(urls, self)
        return super()._new_transport()
