"""Prometheus metrics of the worker process (served on /metrics by the worker's web server)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

REGISTRY = CollectorRegistry(auto_describe=True)

ARTICLES_IN = Counter("newswatch_articles_in_total", "Raw messages consumed", registry=REGISTRY)
ARTICLES_ENRICHED = Counter(
    "newswatch_articles_enriched_total", "Articles published to the enriched topic", ["language"], registry=REGISTRY
)
DEAD_LETTERS = Counter(
    "newswatch_dead_letters_total", "Messages sent to the dead-letter topic", ["agent", "error_class"],
    registry=REGISTRY,
)
ALERTS = Counter("newswatch_alerts_total", "Alerts published", ["rule_kind"], registry=REGISTRY)
WATCH_RULES = Gauge("newswatch_watch_rules", "Watch rules currently active in this worker", registry=REGISTRY)
MODEL_LOAD_SECONDS = Gauge(
    "newswatch_model_load_seconds", "Time to load each spaCy model", ["model"], registry=REGISTRY
)
CONSUMER_LAG = Gauge(
    "newswatch_consumer_lag", "Messages behind the high watermark, per assigned partition", ["topic", "partition"],
    registry=REGISTRY,
)
_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60)
STAGE_SECONDS = Histogram(
    "newswatch_stage_seconds", "Time spent per batch in each stage", ["stage"], buckets=_LATENCY_BUCKETS,
    registry=REGISTRY,
)
END_TO_END_SECONDS = Histogram(
    "newswatch_end_to_end_seconds", "From the raw message's broker timestamp to its output being sent", ["output"],
    buckets=_LATENCY_BUCKETS, registry=REGISTRY,
)
