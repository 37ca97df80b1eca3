"""Alerting agent: articles.enriched → alerts (+ per-rule topics, webhooks), without alert storms.

Per article: match, then ``streams.watch.gate.decide`` drops rules already fired on this article id (the
partitioned ``fired`` table) or on a near-identical earlier article (the global fingerprint table), and holds back
rate-limited ones for a digest. Alerts are sent and acknowledged *before* the tables are updated: a crash in between
re-sends the same alerts (same deterministic ids) rather than losing them.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import faust

from streams.agents.state import AlertState, WatchState
from streams.config import Settings
from streams.enrich.intake import dead_letter, utc_now
from streams.metrics import ALERTS, DEAD_LETTERS, END_TO_END_SECONDS, STAGE_SECONDS
from streams.topics import decode, encode

log = logging.getLogger(__name__)
AGENT = "alerts"
DIGEST_EVERY = 5.0  # seconds between two checks for ended rate-limit windows


def register(app: faust.App, settings: Settings, topics: Any, state: WatchState, alert_state: AlertState) -> Any:
    from streams.watch.delivery import DeliveryResult, WebhookDispatcher, WebhookJob

    extra_topics: dict[str, Any] = {}

    async def on_webhook_failure(job: Any, result: Any) -> None:
        reason = f"{job.target.url}: {result.error} after {result.attempts} attempt(s)"
        letter = dead_letter(job.alert, "WebhookFailed", reason, "webhook", settings.dlq_payload_max_bytes,
                             (job.alert.get("article") or {}).get("id"))
        await (await topics.dlq.send(key=letter.payload_sha256.encode(), value=encode(letter.to_dict())))
        DEAD_LETTERS.labels("webhook", letter.error_class).inc()

    dispatcher = WebhookDispatcher(
        on_webhook_failure, retries=settings.webhook_retries, timeout=settings.webhook_timeout,
        backoff=settings.webhook_backoff, queue_size=settings.webhook_queue_size,
    )

    async def topic_for(name: str) -> Any:
        topic = extra_topics.get(name)
        if topic is None:
            topic = app.topic(name, key_serializer="raw", value_serializer="raw",
                              partitions=settings.topic_partitions)
            await topic.maybe_declare()
            extra_topics[name] = topic
        return topic

    async def publish(batch: list[tuple[Any, dict[str, Any]]]) -> None:
        """Send to the alerts topic and each rule's own topic; wait for the acks; then queue the webhooks."""
        sends = []
        for rule, alert in batch:
            key, value = alert["id"].encode(), encode(alert)
            sends.append(await topics.alerts.send(key=key, value=value))
            if rule is not None and rule.topic:
                sends.append(await (await topic_for(rule.topic)).send(key=key, value=value))
        await asyncio.gather(*sends)
        for rule, alert in batch:
            ALERTS.labels(alert.get("rule_kind", "unknown")).inc()
            log.info("alert published", extra={"article_id": alert["article"]["id"], "stage": "alert",
                                               "rule_id": alert["rule_id"], "alert_id": alert["id"]})
            target = (rule.webhook if rule is not None else None) or alert_state.default_webhook
            if target is not None and not dispatcher.submit(target, alert):
                await on_webhook_failure(WebhookJob(target, alert), DeliveryResult(False, 0, error="queue full"))

    @app.agent(topics.enriched, name="newswatch.alerts")
    async def alerts(stream: faust.StreamT) -> None:
        from streams.watch.dedupe import signature
        from streams.watch.gate import decide

        async for event in stream.events():
            message = event.message
            try:
                article = decode(message.value)
                if not isinstance(article, dict) or not isinstance(article.get("text"), str):
                    raise ValueError("enriched article must be an object with a `text` string")
                started = time.perf_counter()
                matches = state.matcher().match(article)
                now = time.time()
                article_id = str(article.get("id") or "")
                sig = signature(article["text"]) if matches else None
                already = alert_state.already_fired(article_id, now) if matches else frozenset()
                copies = alert_state.index.query(sig, now, exclude=article_id) if sig is not None else []
                outcome = decide(matches, article, now, utc_now(), already, copies, alert_state.limiter,
                                 settings.duplicate_alerts)
                STAGE_SECONDS.labels("match").observe(time.perf_counter() - started)
            except Exception as exc:
                log.warning("enriched message rejected by the alert agent", extra={"error": str(exc)})
                letter = dead_letter(
                    message.value, type(exc).__name__, str(exc) or repr(exc), AGENT,
                    settings.dlq_payload_max_bytes, None, message.topic, message.partition, message.offset,
                )
                await (await topics.dlq.send(key=letter.payload_sha256.encode(), value=encode(letter.to_dict())))
                DEAD_LETTERS.labels(AGENT, letter.error_class).inc()
                continue
            if outcome.skipped:
                log.info("alerts held back", extra={"article_id": article_id, "skipped": outcome.skipped,
                                                     "duplicate_of": [c.article_id for c in copies[:3]]})
            await publish(outcome.alerts)
            for _ in outcome.alerts:
                END_TO_END_SECONDS.labels("alert").observe(max(0.0, time.time() - message.timestamp))
            if outcome.fired:
                copied = frozenset().union(*(c.rules for c in copies)) if copies else frozenset()
                alert_state.record(article_id, message.partition, outcome.fired, sig, now, already, copied)
            alert_state.prune(message.partition, now)

    @app.timer(interval=DIGEST_EVERY)
    async def send_digests() -> None:
        from streams.watch.alerting import build_digest_alert

        due = alert_state.limiter.due(time.time())
        if due:
            await publish([(digest.rule, build_digest_alert(digest, utc_now())) for digest in due])
        alert_state.limiter.forget({rule.id for rule in state.matcher().rules if rule.id})

    @app.task
    async def start_webhooks() -> None:
        await dispatcher.start()

    @app.on_before_shutdown.connect
    async def stop_webhooks(sender: Any, **kwargs: Any) -> None:
        await dispatcher.stop(timeout=3.0)

    alerts.webhooks = dispatcher  # type: ignore[attr-defined]  # for tests
    return alerts

