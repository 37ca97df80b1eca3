"""Subscribe to newswatch's output topics (`articles.enriched`, `alerts`) from another service, with aiokafka.

newswatch delivers at least once: after a worker crash or a rebalance a message can arrive twice. Every message
carries a stable `id` (the article id on `articles.enriched`; on `alerts` a hash of rule id + article id, so the same
rule firing on the same article always has the same id), so a consumer makes its side effects idempotent by skipping
ids it has already handled. This example keeps the recent ids in memory; a real service would rather upsert by id
into its own store.

Run it against the docker-compose stack (the broker is published on localhost:9094):

    python docs/consumer_example.py --bootstrap localhost:9094 --group my-service

Offsets are committed only after a message is handled (at-least-once on this side too). Use your own consumer group:
never `newswatch`, which is the workers' group.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import signal
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from aiokafka import AIOKafkaConsumer

log = logging.getLogger("consumer_example")

# Major versions of the message schemas this consumer understands. newswatch only makes backward-compatible
# changes within a major version (new optional fields), so unknown fields are ignored, never rejected.
SUPPORTED_SCHEMA_VERSIONS = {1}


class RecentIds:
    """The last `capacity` message ids handled, per topic: enough to absorb redeliveries after a rebalance."""

    def __init__(self, capacity: int = 100_000) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._ids: OrderedDict[tuple[str, str], None] = OrderedDict()

    def seen(self, topic: str, message_id: str) -> bool:
        """True if this id was already handled on this topic; otherwise remember it and return False."""
        key = (topic, message_id)
        if key in self._ids:
            self._ids.move_to_end(key)
            return True
        self._ids[key] = None
        if len(self._ids) > self.capacity:
            self._ids.popitem(last=False)
        return False

    def __len__(self) -> int:
        return len(self._ids)


def parse(value: bytes) -> dict[str, Any] | None:
    """Decode one message; None (skip it, do not crash) if it is not a newswatch message we understand."""
    try:
        message = json.loads(value)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(message, dict) or not isinstance(message.get("id"), str):
        return None
    if message.get("schema_version", 1) not in SUPPORTED_SCHEMA_VERSIONS:
        return None
    return message


def handle(topic: str, message: dict[str, Any]) -> None:
    """Your side effect goes here (index the article, page someone for the alert...)."""
    if topic.endswith("alerts"):
        article = message.get("article") or {}
        log.info("alert %s: rule %s on article %s (%s)", message["id"], message.get("rule_id"), article.get("id"),
                 article.get("title"))
    else:
        names = sorted({entity.get("canonical", "") for entity in message.get("entities", [])})
        log.info("article %s (%s): %s", message["id"], message.get("language", {}).get("code"), ", ".join(names[:8]))


def process(topic: str, value: bytes, recent: RecentIds, on_message: Callable[[str, dict[str, Any]], None]) -> bool:
    """Handle one record unless it is a duplicate or unreadable; True if it was handled."""
    message = parse(value)
    if message is None:
        log.warning("skipping an unreadable message on %s", topic)
        return False
    if recent.seen(topic, message["id"]):
        return False
    on_message(topic, message)
    return True


async def consume(bootstrap: str, group: str, topics: list[str]) -> None:
    consumer = AIOKafkaConsumer(
        *topics,
        bootstrap_servers=bootstrap,
        group_id=group,
        enable_auto_commit=False,  # commit after handling, not before
        auto_offset_reset="earliest",
        # For SASL/SSL clusters add security_protocol, sasl_mechanism, sasl_plain_username/password, ssl_context.
    )
    recent = RecentIds()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await consumer.start()
    try:
        while not stop.is_set():
            batches = await consumer.getmany(timeout_ms=1000, max_records=500)
            for partition, records in batches.items():
                for record in records:
                    if record.value is not None:
                        process(partition.topic, record.value, recent, handle)
            if batches:
                await consumer.commit()
    finally:
        await consumer.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap", default="localhost:9094", help="host:port[,host:port...]")
    parser.add_argument("--group", default="newswatch-consumer-example", help="your own consumer group id")
    parser.add_argument("--topic", action="append", dest="topics", help="repeatable (default: enriched + alerts)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    asyncio.run(consume(args.bootstrap, args.group, args.topics or ["articles.enriched", "alerts"]))


if __name__ == "__main__":
    main()
