"""The worker's Kafka consumer takes its fetch wait from the settings (faust alone hard-codes 1500 ms)."""

from __future__ import annotations

import asyncio

from streams.app import create_app
from streams.config import Settings


def test_the_worker_consumer_waits_at_most_fetch_max_wait_ms() -> None:
    async def build() -> tuple[int, str]:
        app = create_app(Settings(broker="kafka://127.0.0.1:9", fetch_max_wait_ms=123, web_enabled=False))
        client = app.consumer._thread._create_worker_consumer(app.transport)
        return client._fetch_max_wait_ms, type(app.transport).__module__

    wait, module = asyncio.run(build())
    assert wait == 123
    assert module == "streams.transport"
