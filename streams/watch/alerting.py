"""Alert payloads: one alert per (rule, article), with the evidence a reader needs to judge it at a glance.

The alert id is deterministic so that re-processing an article (replays, at-least-once delivery) produces the
same id and downstream consumers can de-duplicate by key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from streams.watch.matcher import Match

ALERT_SCHEMA_VERSION = 1
ALERT_ID_CHARS = 32  # 128 bits of sha256: collisions are out of reach for any realistic volume
SNIPPET_CONTEXT = 80  # characters of context on each side of a mention, cut on word boundaries
MAX_MENTIONS = 50  # mentions carried by one alert; mention_count keeps the true total
MAX_QUOTES = 20
MAX_QUOTE_CHARS = 2000
ELLIPSIS = "…"


def alert_id(rule_id: str, article_id: str) -> str:
    """``sha256(rule_id + "\\x1f" + article_id)`` as hex, first 32 characters.

    The unit separator (never allowed in a rule id) keeps ("a:b", "c") and ("a", "b:c") apart.
    """
    digest = hashlib.sha256(f"{rule_id}\x1f{article_id}".encode()).hexdigest()
    return digest[:ALERT_ID_CHARS]


def build_alert(match: Match, article: Mapping[str, Any], now: datetime | str | None = None) -> dict[str, Any]:
    """The alert for ``match`` on the enriched ``article``, valid against ``schemas/alert.schema.json``."""
    rule = match.rule
    article_id = str(article.get("id") or "")
    text = article.get("text") or ""
    title = article.get("title") or ""
    language = article.get("language")
    code = language.get("code") if isinstance(language, Mapping) else language
    mentions = [
        {
            "text": mention.text,
            "start": mention.start,
            "end": mention.end,
            "field": mention.field,
            "snippet": snippet(text if mention.field == "text" else title, mention.start, mention.end),
        }
        for mention in match.mentions[:MAX_MENTIONS]
    ]
    quotes = [
        {
            "text": _cap(str(quote.get("text") or "")),
            "speaker": quote.get("speaker"),
            "kind": quote.get("kind") if quote.get("kind") in ("direct", "indirect") else "direct",
            "start": quote.get("start") if isinstance(quote.get("start"), int) else 0,
            "end": quote.get("end") if isinstance(quote.get("end"), int) else 0,
        }
        for quote in match.quotes[:MAX_QUOTES]
    ]
    alert: dict[str, Any] = {
        "schema_version": ALERT_SCHEMA_VERSION,
        "id": alert_id(rule.id or "", article_id),
        "rule_id": rule.id or "",
        "rule_name": rule.display_name,
        "rule_kind": rule.kind,
        "article": {
            "id": article_id,
            "url": article.get("url"),
            "title": article.get("title"),
            "language": code if isinstance(code, str) else None,
            "source": article.get("source"),
            "published_at": article.get("published_at"),
        },
        "mentions": mentions,
        "mention_count": len(match.mentions),
        "quotes": quotes,
        "created_at": _timestamp(now),
    }
    if rule.severity is not None:
        alert["severity"] = rule.severity
    if rule.tags:
        alert["tags"] = list(rule.tags)
    return alert


def snippet(text: str, start: int, end: int, context: int = SNIPPET_CONTEXT) -> str:
    """``text[start:end]`` with about ``context`` characters each side, cut between words, marked with "…".

    Whitespace runs (line and paragraph breaks) become single spaces so that a snippet reads as one line.
    """
    left = max(0, start - context)
    if left > 0 and not text[left - 1].isspace():
        cut = _next_space(text, left, start)
        left = cut + 1 if cut >= 0 else start
    right = min(len(text), end + context)
    if right < len(text) and not text[right].isspace():
        cut = _previous_space(text, end, right)
        right = cut if cut >= 0 else end
    body = " ".join(text[left:right].split())
    prefix = ELLIPSIS if left > 0 else ""
    suffix = ELLIPSIS if right < len(text) else ""
    return f"{prefix}{body}{suffix}"


def _next_space(text: str, begin: int, limit: int) -> int:
    for index in range(begin, limit):
        if text[index].isspace():
            return index
    return -1


def _previous_space(text: str, limit: int, begin: int) -> int:
    for index in range(begin, limit - 1, -1):
        if text[index].isspace():
            return index
    return -1


def _cap(value: str) -> str:
    return value if len(value) <= MAX_QUOTE_CHARS else value[: MAX_QUOTE_CHARS - 1] + ELLIPSIS


def _timestamp(now: datetime | str | None) -> str:
    """RFC 3339 in UTC with milliseconds and "Z"; a naive datetime is taken as UTC."""
    if isinstance(now, str):
        now = datetime.fromisoformat(now.replace("Z", "+00:00"))
    moment = now or datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def mark_duplicate(alert: dict[str, Any], original_id: str, score: float) -> dict[str, Any]:
    """The alert flagged as a near-duplicate of ``original_id`` (mode ``duplicate_alerts=mark``)."""
    return {**alert, "duplicate_of": {"article_id": original_id, "similarity": round(score, 3)}}


def article_ref(article: Mapping[str, Any]) -> dict[str, Any]:
    """The few fields of an article a digest lists."""
    return {key: article.get(key) for key in ("id", "title", "url", "source", "published_at")}


def build_digest_alert(digest: Any, now: datetime | str | None = None) -> dict[str, Any]:
    """One alert for the alerts of a rate-limited rule held back in a window (``streams.watch.ratelimit.Digest``).

    Its id derives from the rule and the window start, so a digest re-sent after a restart keeps its id.
    """
    rule = digest.rule
    first = digest.articles[0] if digest.articles else {"id": "digest"}
    start = _timestamp(datetime.fromtimestamp(digest.window_start, UTC))
    limit = getattr(rule, "rate_limit", None)
    body: dict[str, Any] = {
        "window_start": start,
        "window_end": _timestamp(datetime.fromtimestamp(digest.window_end, UTC)),
        "suppressed": digest.suppressed,
        "articles": list(digest.articles),
    }
    if limit is not None:
        body["max"], body["per"] = limit.max, limit.per
    alert: dict[str, Any] = {
        "schema_version": ALERT_SCHEMA_VERSION,
        "id": alert_id(digest.rule_id, f"digest\x1e{start}"),
        "rule_id": digest.rule_id,
        "rule_name": rule.display_name if rule is not None else digest.rule_id,
        "rule_kind": rule.kind if rule is not None else "keyword",
        "article": {
            "id": str(first.get("id") or "digest"),
            "url": first.get("url"),
            "title": first.get("title"),
            "language": None,
            "source": first.get("source"),
            "published_at": first.get("published_at"),
        },
        "mentions": [],
        "mention_count": 0,
        "quotes": [],
        "created_at": _timestamp(now),
        "digest": body,
    }
    if rule is not None and rule.severity is not None:
        alert["severity"] = rule.severity
    if rule is not None and rule.tags:
        alert["tags"] = list(rule.tags)
    return alert
