"""Accept or reject raw messages: decoding, validation, stable ids, and dead letters with a reason."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime
from typing import Any

import orjson

from streams import schemas
from streams.models import Article, DeadLetter


class InvalidArticle(ValueError):
    """A raw message that cannot become an Article; ``error_class`` names the kind of defect."""

    def __init__(self, error_class: str, reason: str, article_id: str | None = None) -> None:
        super().__init__(reason)
        self.error_class = error_class
        self.reason = reason
        self.article_id = article_id


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def stable_id(url: str | None, body: str | None) -> str:
    """An id for an article sent without one: from its url when it has one, else from its content."""
    if url:
        return "url-" + hashlib.sha256(url.strip().encode("utf-8", "surrogatepass")).hexdigest()[:24]
    digest = hashlib.sha256((body or "").encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return "sha-" + digest


def _scrub(value: Any) -> Any:
    """Replace lone surrogates (valid JSON escapes, invalid Unicode) so the text can be re-encoded."""
    if isinstance(value, str):
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace") if _has_surrogate(value) else value
    return value


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def decode_message(payload: bytes | str | dict[str, Any], max_bytes: int) -> dict[str, Any]:
    """Bytes → JSON object, or InvalidArticle with the precise reason."""
    if isinstance(payload, dict):
        return payload
    if payload is None:
        raise InvalidArticle("EmptyMessage", "message has no value (null payload)")
    size = len(payload)
    if size > max_bytes:
        raise InvalidArticle("TooLarge", f"message is {size} bytes, larger than max_article_bytes={max_bytes}")
    if isinstance(payload, bytes):
        try:
            text = payload.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InvalidArticle("InvalidUTF8", f"payload is not valid UTF-8: {exc}") from None
    else:
        text = payload
    if not text.strip():
        raise InvalidArticle("EmptyMessage", "message is empty")
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        # orjson refuses lone-surrogate escapes ("\ud800"), which are valid JSON: let the stdlib parser judge.
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            raise InvalidArticle("InvalidJSON", f"payload is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise InvalidArticle("NotAnObject", f"payload is JSON {type(data).__name__}, expected an object")
    return data


def parse_article(payload: bytes | str | dict[str, Any], max_bytes: int = 5_000_000) -> Article:
    """Validate a raw message against ``schemas/raw_article.schema.json`` and build an Article."""
    data = decode_message(payload, max_bytes)
    given_id = data.get("id") if isinstance(data.get("id"), str) else None
    has_text = isinstance(data.get("text"), str)
    has_html = isinstance(data.get("html"), str)
    if data.get("text") is None and data.get("html") is None:
        raise InvalidArticle("MissingBody", "article has neither `text` nor `html`", given_id)
    problems = [p for p in schemas.errors("raw_article", data) if not p.startswith("<root>")]
    if problems:
        raise InvalidArticle("WrongType", "; ".join(problems[:5]), given_id)
    body = (data.get("text") if has_text else "") or (data.get("html") if has_html else "") or ""
    if not body.strip():
        raise InvalidArticle("EmptyBody", "article `text`/`html` is empty or whitespace only", given_id)
    fields = {k: _scrub(data.get(k)) for k in ("url", "source", "title", "text", "html", "published_at")}
    article_id = _scrub(given_id) or stable_id(fields["url"], fields["text"] or fields["html"])
    return Article(id=article_id, language_hint=_scrub(data.get("language")), **fields)


def dead_letter(
    payload: bytes | str | dict[str, Any] | None,
    error_class: str,
    reason: str,
    agent: str,
    max_payload_bytes: int = 64_000,
    article_id: str | None = None,
    topic: str | None = None,
    partition: int | None = None,
    offset: int | None = None,
) -> DeadLetter:
    """A dead letter keeping the original payload: UTF-8 text when it decodes, base64 otherwise; capped in size."""
    if payload is None:
        raw = b""
    elif isinstance(payload, dict):
        raw = orjson.dumps(payload, default=str)
    elif isinstance(payload, str):
        raw = payload.encode("utf-8", "surrogatepass")
    else:
        raw = bytes(payload)
    truncated = len(raw) > max_payload_bytes
    kept = raw[:max_payload_bytes]
    try:
        text, encoding = kept.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if truncated and exc.start >= len(kept) - 3:  # cut inside a multi-byte character
            text, encoding = kept[: exc.start].decode("utf-8", "replace"), "utf-8"
        else:
            text, encoding = base64.b64encode(kept).decode("ascii"), "base64"
    if encoding == "utf-8" and _has_surrogate(text):
        text, encoding = base64.b64encode(kept).decode("ascii"), "base64"
    return DeadLetter(
        agent=agent,
        error_class=error_class,
        reason=reason[:2000],
        payload=text,
        payload_encoding=encoding,
        payload_size=len(raw),
        payload_sha256=hashlib.sha256(raw).hexdigest(),
        truncated=truncated,
        failed_at=utc_now(),
        article_id=article_id,
        topic=topic,
        partition=partition,
        offset=offset,
    )
