"""aiokafka clients built from Settings (security settings pass through), and topic creation."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import ssl
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError, TopicAlreadyExistsError

from streams.config import Settings
from streams.topics import topic_specs

log = logging.getLogger(__name__)


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    if "SSL" not in settings.security_protocol.upper():
        return None
    context = ssl.create_default_context(cafile=settings.ssl_cafile)
    if settings.ssl_certfile:
        context.load_cert_chain(settings.ssl_certfile, settings.ssl_keyfile)
    return context


def client_options(settings: Settings) -> dict[str, Any]:
    """Connection and security options shared by every aiokafka client."""
    options: dict[str, Any] = {
        "bootstrap_servers": settings.bootstrap_servers,
        "security_protocol": settings.security_protocol.upper(),
    }
    context = ssl_context(settings)
    if context is not None:
        options["ssl_context"] = context
    if settings.sasl_mechanism:
        options["sasl_mechanism"] = settings.sasl_mechanism
        options["sasl_plain_username"] = settings.sasl_username
        options["sasl_plain_password"] = settings.sasl_password
    return options


def producer(settings: Settings, **extra: Any) -> AIOKafkaProducer:
    return AIOKafkaProducer(
        **client_options(settings), acks="all", max_request_size=settings.max_message_bytes, **extra
    )


def consumer(settings: Settings, *topics: str, **extra: Any) -> AIOKafkaConsumer:
    return AIOKafkaConsumer(
        *topics, **client_options(settings), fetch_max_bytes=max(settings.max_message_bytes, 52428800),
        max_partition_fetch_bytes=settings.max_message_bytes,
        **{"fetch_max_wait_ms": settings.fetch_max_wait_ms, **extra},
    )


async def create_topics(settings: Settings, timeout: float = 30.0) -> list[str]:
    """Create newswatch's topics if missing; return the names created. Retries while the broker starts."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        admin = AIOKafkaAdminClient(**client_options(settings), request_timeout_ms=10_000)
        try:
            await admin.start()
            existing = set(await admin.list_topics())
            wanted = [
                NewTopic(spec.name, spec.partitions, settings.topic_replication, topic_configs=spec.config)
                for spec in topic_specs(settings)
                if spec.name not in existing
            ]
            if wanted:
                with contextlib.suppress(TopicAlreadyExistsError):  # another worker created them meanwhile
                    await admin.create_topics(wanted)
            return [t.name for t in wanted]
        except KafkaError as exc:
            if asyncio.get_running_loop().time() > deadline:
                raise
            log.warning("broker not ready for topic creation, retrying: %s", exc)
            await asyncio.sleep(1.0)
        finally:
            await admin.close()
