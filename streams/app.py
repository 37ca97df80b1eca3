"""The faust application: settings → app, topics, tables, agents and web views. Wiring only."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import faust

from streams.agents import alerts, enrich, watchlists
from streams.agents.runner import EnrichmentRunner
from streams.agents.state import AlertState, WatchlistTable, WatchState, fingerprint_table
from streams.brokerprobe import register as watch_broker
from streams.config import Settings
from streams.transport import App
from streams.web import views


@dataclass
class Topics:
    raw: Any
    enriched: Any
    alerts: Any
    dlq: Any
    watchlists: Any


def broker_credentials(settings: Settings) -> Any:
    """faust credentials from the security settings (SASL PLAIN/SCRAM, SSL with CA/cert/key)."""
    from streams.kafka import ssl_context

    protocol = settings.security_protocol.upper()
    context = ssl_context(settings)
    if settings.sasl_mechanism:
        return faust.SASLCredentials(
            username=settings.sasl_username or "",
            password=settings.sasl_password or "",
            mechanism=settings.sasl_mechanism,
            ssl_context=context,
        )
    if protocol == "SSL":
        return faust.SSLCredentials(context)
    return None


def create_app(settings: Settings) -> faust.App:
    """Build the worker's app: enrichment, alerting and watchlist agents plus health/metrics/API views."""
    app = App(
        settings.app_id,
        fetch_max_wait_ms=settings.fetch_max_wait_ms,
        broker=settings.broker_url,
        broker_credentials=broker_credentials(settings),
        broker_session_timeout=settings.session_timeout,
        broker_heartbeat_interval=max(1.0, settings.session_timeout / 10),
        broker_request_timeout=max(40.0, settings.session_timeout + 10),
        consumer_auto_offset_reset="earliest",
        processing_guarantee=settings.processing_guarantee,
        # On a rebalance faust waits until every buffered event is processed and acked before it gives partitions
        # away; a small buffer keeps that wait to a few batches. (SIGTERM does not go through faust's stop sequence:
        # see streams/worker.py.)
        stream_wait_empty=True,
        stream_buffer_maxsize=max(4 * settings.batch_size, 32),
        producer_max_request_size=settings.max_message_bytes,
        consumer_max_fetch_size=settings.max_message_bytes,
        topic_partitions=settings.topic_partitions,
        topic_replication_factor=settings.topic_replication,
        store="memory://",
        web_enabled=settings.web_enabled,
        web_port=settings.web_port,
        web_bind=settings.web_host,
        GlobalTable=WatchlistTable,
        autodiscover=False,
        key_serializer="json",
        value_serializer="json",
    )
    raw = {"key_serializer": "raw", "value_serializer": "raw"}
    topics = Topics(
        raw=app.topic(settings.topic_raw, **raw),
        enriched=app.topic(settings.topic_enriched, **raw),
        alerts=app.topic(settings.topic_alerts, **raw),
        dlq=app.topic(settings.topic_dlq, **raw),
        watchlists=app.topic(settings.topic_watchlists, **raw),
    )
    table = app.GlobalTable("watchlist_rules", partitions=settings.topic_partitions)
    runner = EnrichmentRunner(settings)
    state = WatchState(table, file_rules=load_file_rules(settings), aliases=None)
    # alert de-duplication: rules fired per article id (co-partitioned with articles.enriched), and fingerprints of
    # recent alerted articles seen by every worker (near-duplicates land on other partitions)
    fired = app.Table("alerts_fired", partitions=settings.topic_partitions)
    fingerprints = fingerprint_table(app, "alert_fingerprints", settings.topic_partitions)
    alert_state = AlertState(settings, fired, fingerprints)

    inflight: set[asyncio.Future[None]] = set()
    enrich.register(app, settings, topics, runner, inflight)
    alerts.register(app, settings, topics, state, alert_state)
    watchlists.register(app, settings, topics, table)
    views.register(app, settings, topics, runner, state)
    watch_broker(app, settings)  # exits with code 3 when the broker comes back without its log

    @app.task
    async def load_models() -> None:
        await runner.start()

    app.newswatch = {"settings": settings, "topics": topics, "runner": runner, "state": state,  # for the worker
                     "inflight": inflight,
                     "alert_state": alert_state}
    return app


def load_file_rules(settings: Settings) -> list[Any]:
    if not settings.watchlist_file:
        return []
    from streams.watch.rules import load_rules

    return load_rules(settings.watchlist_file)
