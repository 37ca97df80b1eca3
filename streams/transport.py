"""faust's Kafka transport with a configurable fetch wait.

faust hard-codes ``fetch_max_wait_ms=1500`` for its worker consumer. Apache Kafka answers a fetch as soon as data
arrives, so there the value only bounds idle polling; Tansu (the dev/test broker) holds a fetch for most of that
time even when data arrives, which adds up to a second and a half per hop (measured: ~400 ms median per hop at 1500,
~15 ms at 100). ``Settings.fetch_max_wait_ms`` sets it for every consumer newswatch creates.
"""

from __future__ import annotations

from typing import Any

import faust
from faust.transport.drivers import aiokafka as faust_aiokafka


class _ConsumerThread(faust_aiokafka.AIOKafkaConsumerThread):
    def _create_worker_consumer(self, transport: Any) -> Any:
        consumer = super()._create_worker_consumer(transport)
        # read by AIOKafkaConsumer.start() when it builds its fetcher; faust passes no way to set it
        consumer._fetch_max_wait_ms = self.app.conf.fetch_max_wait_ms  # type: ignore[attr-defined]
        return consumer


class _Consumer(faust_aiokafka.Consumer):
    def _new_consumer_thread(self) -> faust_aiokafka.AIOKafkaConsumerThread:
        return _ConsumerThread(self, loop=self.loop, beacon=self.beacon)


class _Transport(faust_aiokafka.Transport):
    Consumer = _Consumer


class App(faust.App):
    """faust.App whose Kafka consumer waits at most ``fetch_max_wait_ms`` per fetch."""

    def __init__(self, *args: Any, fetch_max_wait_ms: int = 500, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.conf.fetch_max_wait_ms = fetch_max_wait_ms  # type: ignore[attr-defined]

    def _new_transport(self) -> Any:
        urls = self.conf.broker_consumer
        if urls and urls[0].scheme in ("kafka", "aiokafka"):
            return _Transport(urls, self)
        return super()._new_transport()
