"""Per-rule rate limits: at most ``max`` alerts per ``per`` seconds; the rest is folded into one digest alert.

Windows are fixed and aligned on multiples of ``per`` since the epoch, so every worker cuts the same windows and a
digest names an exact interval. Within a window the first ``max`` alerts go out as usual; each further alert is
counted and its article remembered (up to ``MAX_DIGEST_ARTICLES``); once the window has ended a single digest
alert reports the count. The state is per worker process (see docs/watchlists.md for why).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

MAX_DIGEST_ARTICLES = 50  # articles listed in one digest; `suppressed` keeps the true count


@dataclass(frozen=True, slots=True)
class RateLimit:
    """``max`` alerts per ``per`` seconds for one rule."""

    max: int
    per: float

    def window(self, now: float) -> tuple[float, float]:
        start = math.floor(now / self.per) * self.per
        return start, start + self.per


@dataclass(slots=True)
class Digest:
    """Alerts of one rule held back in one window."""

    rule_id: str
    window_start: float
    window_end: float
    sent: int = 0
    suppressed: int = 0
    articles: list[dict[str, Any]] = field(default_factory=list)
    rule: Any = None  # the Rule, kept for building the digest alert


class RateLimiter:
    """Counts alerts per rule and window; ``allow`` says whether to send now, ``due`` returns finished digests."""

    def __init__(self) -> None:
        self._windows: dict[str, Digest] = {}
        self._ready: list[Digest] = []

    def allow(self, rule_id: str, limit: RateLimit, now: float, article: dict[str, Any], rule: Any = None) -> bool:
        """True to send the alert; False when over the limit (the article then goes into the window's digest)."""
        current = self._windows.get(rule_id)
        start, end = limit.window(now)
        if current is None or current.window_start != start or current.window_end != end:
            if current is not None and current.suppressed:
                self._ready.append(current)
            current = self._windows[rule_id] = Digest(rule_id, start, end, rule=rule)
        if current.sent < limit.max:
            current.sent += 1
            return True
        current.suppressed += 1
        if len(current.articles) < MAX_DIGEST_ARTICLES:
            current.articles.append(article)
        current.rule = rule if rule is not None else current.rule
        return False

    def due(self, now: float) -> list[Digest]:
        """Digests of windows that have ended (with at least one alert held back); each is returned once."""
        ready, self._ready = self._ready, []
        for rule_id, digest in list(self._windows.items()):
            if digest.window_end <= now:
                del self._windows[rule_id]
                if digest.suppressed:
                    ready.append(digest)
        return sorted(ready, key=lambda d: (d.window_start, d.rule_id))

    def forget(self, rule_ids: set[str]) -> None:
        """Drop the windows of rules that no longer exist (bounded state when rules are deleted)."""
        for rule_id in set(self._windows) - rule_ids:
            del self._windows[rule_id]
