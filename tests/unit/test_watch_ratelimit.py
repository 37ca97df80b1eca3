"""Per-rule rate limits, digests, and the alert gate (redelivery, near-duplicates, rate limits) on the seed."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from streams import schemas
from streams.watch.alerting import build_digest_alert
from streams.watch.dedupe import Duplicate
from streams.watch.gate import DUPLICATE, RATE_LIMITED, REDELIVERY, decide
from streams.watch.matcher import Match, Matcher
from streams.watch.ratelimit import MAX_DIGEST_ARTICLES, RateLimit, RateLimiter
from streams.watch.rules import parse_rule
from tests.conftest import ROOT

LIMIT = RateLimit(max=2, per=60)
NOW = "2026-11-26T15:40:00.000Z"


def ref(number: int) -> dict[str, Any]:
    return {"id": f"a{number}", "title": None, "url": None, "source": None, "published_at": None}


def test_first_max_alerts_pass_then_the_rest_is_counted_for_the_digest() -> None:
    limiter = RateLimiter()
    allowed = [limiter.allow("r", LIMIT, 120.0 + i, ref(i)) for i in range(5)]
    assert allowed == [True, True, False, False, False]
    assert limiter.due(179.0) == []  # window [120, 180) still open
    (digest,) = limiter.due(180.0)
    assert (digest.rule_id, digest.window_start, digest.window_end) == ("r", 120.0, 180.0)
    assert digest.sent == 2 and digest.suppressed == 3 and [a["id"] for a in digest.articles] == ["a2", "a3", "a4"]
    assert limiter.due(500.0) == []  # returned once
    assert limiter.allow("r", LIMIT, 181.0, ref(9))  # a new window starts afresh


def test_a_window_without_held_back_alerts_gives_no_digest_and_digests_are_bounded() -> None:
    limiter = RateLimiter()
    assert limiter.allow("quiet", LIMIT, 0.0, ref(0))
    for i in range(MAX_DIGEST_ARTICLES + 30):
        limiter.allow("busy", RateLimit(1, 60), 1.0, ref(i))
    # the next alert of a rule in a later window also closes the previous window
    limiter.allow("busy", RateLimit(1, 60), 61.0, ref(999))
    (digest,) = limiter.due(61.5)
    assert digest.rule_id == "busy" and digest.suppressed == MAX_DIGEST_ARTICLES + 29
    assert len(digest.articles) == MAX_DIGEST_ARTICLES
    limiter.forget({"busy"})
    assert limiter.due(10_000.0) == []  # "quiet" forgotten, "busy"'s second window had nothing held back


def test_digest_alert_is_valid_and_its_id_is_stable() -> None:
    rule = parse_rule({"id": "busy", "kind": "keyword", "terms": ["x"], "rate_limit": {"max": 1, "per": 60},
                       "severity": "high"})
    limiter = RateLimiter()
    for i in range(3):
        limiter.allow("busy", rule.rate_limit, 60.0 + i, ref(i), rule)
    (digest,) = limiter.due(200.0)
    alert = build_digest_alert(digest, NOW)
    assert schemas.errors("alert", alert) == []
    assert alert["digest"]["suppressed"] == 2 and alert["digest"]["window_start"] == "1970-01-01T00:01:00.000Z"
    assert alert["article"]["id"] == "a1" and alert["severity"] == "high" and alert["mentions"] == []
    assert build_digest_alert(digest, "2030-01-01T00:00:00Z")["id"] == alert["id"]


@pytest.fixture(scope="module")
def seed_matches() -> tuple[dict[str, Any], list[Match]]:
    from streams.config import Settings
    from streams.enrich.pipeline import Enricher, Incoming

    raw = (ROOT / "examples/articles/seed-fr-0001.json").read_bytes()
    article = Enricher(Settings()).enrich_batch([Incoming(raw)])[0].enriched
    rules = [
        parse_rule({"id": "yang-jiechi", "kind": "actor", "name": "Yang Jiechi"}),
        parse_rule({"id": "sanctions", "kind": "keyword", "terms": ["sanction"], "inflections": True,
                    "rate_limit": {"max": 1, "per": 3600}}),
    ]
    return article, Matcher(rules).match(article)


def test_gate_drops_redelivered_and_copied_rules_and_limits_rates(seed_matches: Any) -> None:
    article, matches = seed_matches
    assert [m.rule_id for m in matches] == ["yang-jiechi", "sanctions"]
    limiter = RateLimiter()
    first = decide(matches, article, 10.0, NOW, limiter=limiter)
    assert [a["rule_id"] for _, a in first.alerts] == ["yang-jiechi", "sanctions"] and first.skipped == {}
    assert all(schemas.errors("alert", a) == [] for _, a in first.alerts)

    again = decide(matches, article, 11.0, NOW, already=frozenset({"yang-jiechi", "sanctions"}), limiter=limiter)
    assert again.alerts == [] and again.skipped == {"yang-jiechi": REDELIVERY, "sanctions": REDELIVERY}
    assert again.fired == ["yang-jiechi", "sanctions"]

    copy = [Duplicate("seed-fr-0001", 0.93, frozenset({"yang-jiechi"}))]
    copied = decide(matches, {**article, "id": "copy"}, 12.0, NOW, duplicates=copy, limiter=limiter)
    assert copied.skipped == {"yang-jiechi": DUPLICATE, "sanctions": RATE_LIMITED}  # 2nd sanctions alert this hour
    marked = decide(matches, {**article, "id": "copy"}, 13.0, NOW, duplicates=copy, duplicate_mode="mark")
    flagged = {a["rule_id"]: a for _, a in marked.alerts}
    assert flagged["yang-jiechi"]["duplicate_of"] == {"article_id": "seed-fr-0001", "similarity": 0.93}
    assert "duplicate_of" not in flagged["sanctions"] and schemas.errors("alert", flagged["yang-jiechi"]) == []
    with pytest.raises(ValueError):
        decide(matches, article, 1.0, NOW, duplicate_mode="drop")
    assert orjson.dumps(first.alerts[0][1])  # payloads are JSON-serialisable as they are
