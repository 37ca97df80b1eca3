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
