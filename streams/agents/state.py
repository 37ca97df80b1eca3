"""Watchlist state of a worker: rules from the optional file plus the global table built from the `watchlists` topic.

The matcher is immutable; a new one is built when the table's version moves and swapped in one assignment, so an
article is always matched against one consistent set of rules.
"""

from __future__ import annotations

import logging
from typing import Any

import faust

from streams.metrics import WATCH_RULES

log = logging.getLogger(__name__)


class WatchlistTable(faust.GlobalTable):
    """A GlobalTable that counts its changes, local writes and changelog updates from other workers alike."""

    version: int = 0

    def on_key_set(self, key: Any, value: Any) -> None:
        super().on_key_set(key, value)
        self.version += 1

    def on_key_del(self, key: Any) -> None:
        super().on_key_del(key)
        self.version += 1

    def apply_changelog_batch(self, batch: Any) -> None:
        super().apply_changelog_batch(batch)
        self.version += 1


class WatchState:
    """Builds and caches the Matcher for the current rules."""

    def __init__(self, table: WatchlistTable, file_rules: list[Any], aliases: Any) -> None:
        self.table = table
        self.file_rules = file_rules
        self.aliases = aliases
        self._version = -1
        self._matcher: Any = None

    def rules(self) -> list[Any]:
        from streams.watch.rules import RuleError, parse_rule

        merged = {rule.id: rule for rule in self.file_rules}
        for rule_id, data in list(self.table.items()):
            try:
                merged[str(rule_id)] = parse_rule(data)
            except RuleError as exc:  # validated on the way in; a bad one here came from an older version
                log.warning("skipping invalid rule from table", extra={"rule_id": rule_id, "error": str(exc)})
        return list(merged.values())

    def matcher(self) -> Any:
        version = self.table.version
        if version != self._version or self._matcher is None:
            from streams.watch.matcher import Matcher

            rules = self.rules()
            self._matcher = Matcher(rules, aliases=self.aliases)
            self._version = version
            WATCH_RULES.set(len(rules))
            log.info("watchlist matcher rebuilt", extra={"rules": len(rules), "table_version": version})
        return self._matcher


class FingerprintTable(faust.GlobalTable):
    """Fingerprints of recent alerted articles (every worker's), mirrored into a NearDuplicateIndex.

    Local writes and changelog updates from other workers (and the recovery at start) all go through the index,
    so near-duplicates are found across partitions and survive restarts.
    """

    index: Any = None

    def _feed(self, key: Any, value: Any) -> None:
        if self.index is None:
            return
        if value is None:
            self.index.remove(str(key))
        elif isinstance(value, dict) and isinstance(value.get("sig"), str):
            from streams.watch.dedupe import decode_signature

            self.index.add(str(key), decode_signature(value["sig"]), float(value.get("at") or 0.0),
                           value.get("rules") or ())

    def on_key_set(self, key: Any, value: Any) -> None:
        super().on_key_set(key, value)
        self._feed(key, value)

    def on_key_del(self, key: Any) -> None:
        super().on_key_del(key)
        self._feed(key, None)

    def apply_changelog_batch(self, batch: Any) -> None:
        events = list(batch)
        super().apply_changelog_batch(events)
        for event in events:
            self._feed(self._to_key(event.key), None if event.message.value is None else event.value)


def fingerprint_table(app: faust.App, name: str, partitions: int) -> FingerprintTable:
    """Declare a FingerprintTable the way ``app.GlobalTable`` does (the app's GlobalTable class is the rules')."""
    table = FingerprintTable(
        app, name=name, beacon=app.tables.beacon, partitions=partitions, standby_buffer_size=1, is_global=True,
        help="near-duplicate fingerprints of alerted articles",
    )
    return app.tables.add(table)


class AlertState:
    """What the alert agent remembers: rules fired per article (partitioned table), fingerprints (global table),
    rate-limit windows (memory) and the webhook dispatcher."""

    PRUNE_EVERY = 60.0  # seconds between two sweeps of expired keys of a partition
    PRUNE_BATCH = 500  # keys deleted per sweep, so that one event never pays for a huge backlog

    def __init__(self, settings: Any, fired: Any, fingerprints: FingerprintTable) -> None:
        from streams.watch.dedupe import NearDuplicateIndex
        from streams.watch.delivery import WebhookTarget
        from streams.watch.gate import DUPLICATE_MODES
        from streams.watch.ratelimit import RateLimiter

        if settings.duplicate_alerts not in DUPLICATE_MODES:
            raise ValueError(f"duplicate_alerts must be one of {DUPLICATE_MODES}")
        self.settings = settings
        self.fired = fired
        self.fingerprints = fingerprints
        self.index = NearDuplicateIndex(settings.dedupe_capacity, settings.dedupe_window, settings.dedupe_threshold)
        fingerprints.index = self.index
        for key, value in list(fingerprints.items()):
            fingerprints._feed(key, value)
        self.limiter = RateLimiter()
        self.default_webhook = WebhookTarget.parse(settings.webhook_url) if settings.webhook_url else None
        self._pruned: dict[int, float] = {}

    def already_fired(self, article_id: str, now: float) -> frozenset[str]:
        from streams.watch.dedupe import fired_rules

        return fired_rules(self.fired.get(article_id), now, self.settings.dedupe_window)

    def record(self, article_id: str, partition: int, rules: list[str], sig: list[int] | None, now: float,
               already: frozenset[str], copied_rules: frozenset[str]) -> None:
        """Remember the fired rules (and the fingerprint, when the article alerted). Call inside the stream."""
        merged = sorted(already.union(rules))
        if merged and set(merged) != already:
            self.fired[article_id] = {"rules": merged, "at": now, "p": partition}
        if sig is not None and rules:
            from streams.watch.dedupe import encode_signature

            self.fingerprints[article_id] = {
                "sig": encode_signature(sig), "at": now, "p": partition, "rules": sorted(copied_rules.union(rules)),
            }

    def prune(self, partition: int, now: float) -> int:
        """Delete expired keys of ``partition`` from both tables, at most once a minute per partition."""
        from streams.watch.dedupe import expired_keys

        if now - self._pruned.get(partition, 0.0) < self.PRUNE_EVERY:
            return 0
        self._pruned[partition] = now
        removed = 0
        for table in (self.fired, self.fingerprints):
            for key in expired_keys(list(table.items()), now, self.settings.dedupe_window, partition,
                                    self.PRUNE_BATCH):
                table.pop(key, None)
                removed += 1
        return removed
