"""The decision between "a rule matched" and "an alert goes out": redelivery, near-duplicates, rate limits.

Order of the checks, per matched rule:
1. the rule already fired on this very article id (redelivery after a crash or rebalance) → skipped;
2. the rule already fired on a near-identical earlier article (syndicated copy) → skipped, or sent with
   ``duplicate_of`` when ``duplicate_mode == "mark"``;
3. the rule has a ``rate_limit`` and its window is full → held back for the window's digest.
Every matched rule is recorded as fired, whatever the outcome, so that a redelivery never re-counts it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from streams.watch.alerting import article_ref, build_alert, mark_duplicate
from streams.watch.dedupe import Duplicate
from streams.watch.matcher import Match
from streams.watch.ratelimit import RateLimiter

DUPLICATE_MODES = ("suppress", "mark")
REDELIVERY, DUPLICATE, RATE_LIMITED = "redelivery", "duplicate", "rate_limited"


@dataclass(slots=True)
class Outcome:
    """What to do with one article's matches."""

    alerts: list[tuple[Any, dict[str, Any]]] = field(default_factory=list)  # (rule, alert payload) to send
    fired: list[str] = field(default_factory=list)  # every rule id that matched, to record
    skipped: dict[str, str] = field(default_factory=dict)  # rule id → REDELIVERY | DUPLICATE | RATE_LIMITED


def decide(
    matches: Iterable[Match],
    article: Mapping[str, Any],
    now: float,
    created_at: str,
    already: frozenset[str] = frozenset(),
    duplicates: Iterable[Duplicate] = (),
    limiter: RateLimiter | None = None,
    duplicate_mode: str = "suppress",
) -> Outcome:
    """Apply the three checks to ``matches`` of ``article`` (``now`` in epoch seconds, for rate-limit windows)."""
    if duplicate_mode not in DUPLICATE_MODES:
        raise ValueError(f"duplicate_alerts must be one of {DUPLICATE_MODES}, not {duplicate_mode!r}")
    copied: dict[str, Duplicate] = {}
    for duplicate in duplicates:  # most similar first: keep the best original per rule
        for rule_id in duplicate.rules:
            copied.setdefault(rule_id, duplicate)
    outcome = Outcome()
    for match in matches:
        rule, rule_id = match.rule, match.rule_id
        outcome.fired.append(rule_id)
        if rule_id in already:
            outcome.skipped[rule_id] = REDELIVERY
            continue
        original = copied.get(rule_id)
        if original is not None and duplicate_mode == "suppress":
            outcome.skipped[rule_id] = DUPLICATE
            continue
        limited = rule.rate_limit is not None and limiter is not None and original is None
        if limited and not limiter.allow(rule_id, rule.rate_limit, now, article_ref(article), rule):
            outcome.skipped[rule_id] = RATE_LIMITED
            continue
        alert = build_alert(match, article, created_at)
        if original is not None:
            alert = mark_duplicate(alert, original.article_id, original.similarity)
        outcome.alerts.append((rule, alert))
    return outcome
