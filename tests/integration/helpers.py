"""Small clients for integration tests: produce to and read from the real broker."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Iterator
from typing import Any

import orjson
from aiokafka import TopicPartition

from streams.config import Settings
from streams.kafka import consumer, producer
from streams.process import WorkerProcess


async def _produce(settings: Settings, topic: str, items: list[tuple[bytes | None, bytes | None]]) -> None:
    client = producer(settings)
    await client.start()
    try:
        for key, value in items:
            await client.send_and_wait(topic, key=key, value=value)
    finally:
        await client.stop()


def produce(settings: Settings, topic: str, items: list[tuple[bytes | None, bytes | None]]) -> None:
    asyncio.run(_produce(settings, topic, items))


class TopicReader:
    """Reads a topic from the beginning, accumulating messages across calls (no consumer group)."""

    def __init__(self, settings: Settings, topic: str) -> None:
        self.settings, self.topic = settings, topic
        self.messages: list[Any] = []
        self._positions: dict[int, int] = {}

    async def _poll(self, seconds: float) -> None:
        client = consumer(self.settings, group_id=None, enable_auto_commit=False)
        await client.start()
        try:
            partitions = client.partitions_for_topic(self.topic) or set()
            tps = [TopicPartition(self.topic, p) for p in sorted(partitions)]
            if not tps:
                return
            client.assign(tps)
            for tp in tps:
                client.seek(tp, self._positions.get(tp.partition, 0))
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                batches = await client.getmany(timeout_ms=200)
                for tp, records in batches.items():
                    self.messages.extend(records)
                    self._positions[tp.partition] = records[-1].offset + 1
                if not batches:
                    ends = await client.end_offsets(tps)
                    if all(self._positions.get(tp.partition, 0) >= ends[tp] for tp in tps):
                        break
        finally:
            await client.stop()

    def poll(self, seconds: float = 2.0) -> list[Any]:
        asyncio.run(self._poll(seconds))
        return self.messages

    def values(self) -> list[dict[str, Any]]:
        return [orjson.loads(m.value) for m in self.messages if m.value is not None]

    def wait(self, predicate: Any, timeout: float) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.poll(1.0)
            if predicate(self.values()):
                return self.values()
            time.sleep(0.3)
        got = len(self.messages)
        raise AssertionError(f"{self.topic}: condition not met within {timeout:.0f}s; got {got} messages")


def publish_rules(settings: Settings, rules: list[dict[str, Any]]) -> None:
    """Watch rules onto the compacted watchlists topic, keyed by rule id (as `newswatch watch add` does)."""
    produce(settings, settings.topic_watchlists, [(r["id"].encode(), orjson.dumps(r)) for r in rules])


@contextlib.contextmanager
def running_worker(settings: Settings, log_name: str) -> Iterator[WorkerProcess]:
    """A ready worker for a test module; stopped (SIGKILL by pid if needed) however the module ends."""
    from tests.conftest import ARTIFACTS

    process = WorkerProcess(settings, log_path=ARTIFACTS / log_name).start()
    try:
        process.wait_ready(timeout=180)
        yield process
    finally:
        assert process.stop(grace=10) < 15, "the worker did not stop within 15 s"
