"""The worker's Kafka consumer takes its fetch wait from the settings (faust alone hard-codes 1500 ms), never
delivers records that a seek overtook, and never commits past a record still being processed."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from faust.transport.drivers import aiokafka as faust_aiokafka
from faust.types import TP

from streams.app import create_app
from streams.config import Settings


def test_the_worker_consumer_waits_at_most_fetch_max_wait_ms() -> None:
    async def build() -> tuple[int, str, Any]:
        app = create_app(Settings(broker="kafka://127.0.0.1:9", fetch_max_wait_ms=123, web_enabled=False))
        client = app.consumer._thread._create_worker_consumer(app.transport)
        return client._fetch_max_wait_ms, type(app.transport).__module__, type(app.consumer._thread)

    wait, module, thread = asyncio.run(build())
    assert wait == 123
    assert module == "streams.transport"
    # its seek after a rebalance also rewinds partitions nobody committed (tests/integration/test_transport_seek.py)
    assert thread.seek_to_committed is not faust_aiokafka.AIOKafkaConsumerThread.seek_to_committed


# --- records a seek overtook are never delivered (unit level: faust's fetch and seek replaced by scripted fakes) ---

class ScriptedFetch:
    """Stands in for faust's own fetch and seek: yields `records` once `fetched` is set, and counts the seeks."""

    def __init__(self, records: list[tuple[str, int]]) -> None:
        self.records = records
        self.fetched = asyncio.Event()
        self.seeks = 0
        self.seek_inside_fetch = False

    async def getmany(self, consumer: Any, timeout: float) -> AsyncIterator[tuple[str, int]]:
        await self.fetched.wait()
        if self.seek_inside_fetch:  # faust's fetch while the flow is stopped: it seeks itself and yields nothing
            await consumer.perform_seek()
            return
        for record in self.records:
            yield record

    async def perform_seek(self, consumer: Any) -> None:
        self.seeks += 1
        await asyncio.sleep(0)


def consumer_with(monkeypatch: pytest.MonkeyPatch, fetch: ScriptedFetch) -> Any:
    monkeypatch.setattr(faust_aiokafka.Consumer, "getmany", lambda self, timeout: fetch.getmany(self, timeout))
    monkeypatch.setattr(faust_aiokafka.Consumer, "perform_seek", lambda self: fetch.perform_seek(self))
    app = create_app(Settings(broker="kafka://127.0.0.1:9", web_enabled=False))
    return app.consumer


RECORDS = [("raw-2", 139), ("raw-2", 140), ("raw-2", 141)]


def test_records_fetched_before_a_seek_are_discarded_and_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rebalance race: the fetch returns after the seek to the committed offsets began (records from before it)."""
    fetch = ScriptedFetch(RECORDS)

    async def scenario() -> list[tuple[str, int]]:
        consumer = consumer_with(monkeypatch, fetch)
        delivered: list[tuple[str, int]] = []

        async def drain() -> None:
            async for record in consumer.getmany(timeout=1.0):
                delivered.append(record)

        draining = asyncio.ensure_future(drain())
        await asyncio.sleep(0)
        await consumer.perform_seek()  # recovery seeks while the fetch is in flight
        fetch.fetched.set()
        await draining
        return delivered

    assert asyncio.run(scenario()) == []
    assert fetch.seeks == 2  # recovery's seek, then ours so that the discarded records are fetched again


def test_a_seek_while_a_record_is_delivered_stops_the_batch_and_seeks_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """faust sets the read position after delivering a record: a seek in between must be redone after it."""
    fetch = ScriptedFetch(RECORDS)
    fetch.fetched.set()

    async def scenario() -> list[tuple[str, int]]:
        consumer = consumer_with(monkeypatch, fetch)
        delivered = []
        async for record in consumer.getmany(timeout=1.0):
            delivered.append(record)
            await consumer.perform_seek()
        return delivered

    assert asyncio.run(scenario()) == RECORDS[:1]
    assert fetch.seeks == 2


def test_without_a_seek_every_record_is_delivered_and_nothing_seeks(monkeypatch: pytest.MonkeyPatch) -> None:
    fetch = ScriptedFetch(RECORDS)
    fetch.fetched.set()

    async def scenario() -> list[tuple[str, int]]:
        consumer = consumer_with(monkeypatch, fetch)
        return [record async for record in consumer.getmany(timeout=1.0)]

    assert asyncio.run(scenario()) == RECORDS
    assert fetch.seeks == 0


def test_a_fetch_that_seeks_itself_is_not_sought_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    fetch = ScriptedFetch(RECORDS)
    fetch.fetched.set()
    fetch.seek_inside_fetch = True

    async def scenario() -> list[tuple[str, int]]:
        consumer = consumer_with(monkeypatch, fetch)
        return [record async for record in consumer.getmany(timeout=1.0)]

    assert asyncio.run(scenario()) == []
    assert fetch.seeks == 1


# --- no commit past a record still being processed ---

class Delivered:
    """A delivered record as faust's consumer tracks it (topic-partition, offset, acknowledged or not)."""

    def __init__(self, tp: TP, offset: int) -> None:
        self.tp, self.offset, self.acked = tp, offset, False


RAW = TP("articles.raw", 2)


def commit_offset(committed: int | None, acked: list[int], in_flight: list[int]) -> int | None:
    """The offset the worker's consumer would commit for RAW, given what is committed, acknowledged and in flight."""
    async def scenario() -> int | None:
        consumer = create_app(Settings(broker="kafka://127.0.0.1:9", web_enabled=False)).consumer
        records = [Delivered(RAW, offset) for offset in in_flight]
        for record in records:
            consumer._unacked_messages.add(record)
        if committed is not None:
            consumer._committed_offset[RAW] = committed
        consumer._acked[RAW] = list(acked)
        consumer._acked_index[RAW] = set(acked)
        return consumer._new_offset(RAW)

    return asyncio.run(scenario())


def test_no_commit_past_a_batch_still_enriched_before_the_first_commit() -> None:
    """Batch 0–15 still in the enrichment pool, batch 16–31 done: faust alone would commit 32."""
    assert commit_offset(None, list(range(16, 32)), list(range(0, 16))) is None


def test_no_commit_past_a_single_record_still_in_flight() -> None:
    """Committed 100, record 100 in flight, 101–110 acknowledged: faust alone lets the one missing offset through."""
    assert commit_offset(100, list(range(101, 111)), [100]) is None


def test_the_run_is_committed_once_nothing_below_it_is_in_flight() -> None:
    assert commit_offset(100, list(range(100, 111)), [112]) == 111
    # offset 100 the broker never delivered (a transaction marker right after a seek): still committed
    assert commit_offset(100, list(range(101, 111)), []) == 111
