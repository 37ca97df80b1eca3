"""After a rebalance the worker seeks back to the committed offsets, so that records a seek overtook are read again.
aiokafka moves only partitions with a commit above 0; `seek_to_committed_or_start` also rewinds the others (real
broker: a partition taken over from a worker killed before its first commit lost its fetched records otherwise)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from aiokafka import TopicPartition

from streams.kafka import consumer, producer
from streams.transport import seek_to_committed_or_start
from tests.conftest import make_settings, run

pytestmark = pytest.mark.integration


async def _positions(settings: Any) -> dict[str, int]:
    topic = f"seek-{uuid.uuid4().hex[:8]}"
    tp = TopicPartition(topic, 0)
    sender = producer(settings)
    await sender.start()
    try:
        for n in range(10):
            await sender.send_and_wait(topic, f"record-{n}".encode(), partition=0)
    finally:
        await sender.stop()
    reader = consumer(settings, group_id=f"group-{topic}", enable_auto_commit=False, auto_offset_reset="earliest")
    await reader.start()
    try:
        reader.assign([tp])
        fetched = 0
        for _ in range(20):
            fetched += sum(len(v) for v in (await reader.getmany(timeout_ms=1000)).values())
            if fetched >= 10:
                break
        out = {"fetched": fetched}
        await reader.seek_to_committed()  # aiokafka alone: no commit, so the position stays after what was fetched
        out["aiokafka"] = await reader.position(tp)
        await seek_to_committed_or_start(reader)
        out["uncommitted"] = await reader.position(tp)
        reader.seek(tp, 10)  # (synchronous in aiokafka)
        await seek_to_committed_or_start(reader, keep=frozenset({topic}))
        out["kept"] = await reader.position(tp)  # a changelog's position is faust's business
        await reader.commit({tp: 4})
        reader.seek(tp, 10)
        await seek_to_committed_or_start(reader)
        out["committed"] = await reader.position(tp)
        return out
    finally:
        await reader.stop()


def test_a_partition_without_commit_is_read_again_from_its_start(broker: Any) -> None:
    positions = run(_positions(make_settings(broker)))
    assert positions["fetched"] == 10
    assert positions["aiokafka"] == 10  # what lost the records: aiokafka's seek leaves such a partition alone
    assert positions["uncommitted"] == 0
    assert positions["kept"] == 10
    assert positions["committed"] == 4
