"""Alert routing and webhook delivery: topic names, webhook targets, bounded retries with exponential backoff.

Webhooks are delivered off the hot path: the alert agent only ``submit``s to a bounded queue; a few tasks POST
the alerts, retrying transient failures (connection errors, timeouts, 429 and 5xx) with exponential backoff,
and hand every alert they finally could not deliver to ``on_failure`` (the worker writes it to the DLQ).
No Kafka here: the dispatcher needs only aiohttp.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import orjson

log = logging.getLogger(__name__)

TOPIC_NAME = re.compile(r"^[A-Za-z0-9._-]{1,249}$")  # Kafka's own rule for topic names
HEADER_NAME = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$")  # RFC 9110 token
MAX_URL_CHARS = 2000
MAX_HEADERS = 20
MAX_HEADER_VALUE = 4096
BACKOFF_CAP = 60.0  # seconds: no single wait is longer
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


def check_topic_name(name: str) -> str:
    """A valid Kafka topic name, else ValueError (the schema checks the same pattern)."""
    if not TOPIC_NAME.match(name) or name in (".", ".."):
        raise ValueError(f"invalid topic name {name!r}: 1-249 of A-Z a-z 0-9 . _ - (not '.' or '..')")
    return name


@dataclass(frozen=True, slots=True)
class WebhookTarget:
    """Where to POST alerts: an http(s) URL and extra headers (e.g. an Authorization header)."""

    url: str
    headers: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, data: str | Mapping[str, Any]) -> WebhookTarget:
        """From ``"https://…"`` or ``{"url": …, "headers": {…}}``; ValueError when invalid."""
        if isinstance(data, str):
            data = {"url": data}
        url = data.get("url")
        if not isinstance(url, str) or len(url) > MAX_URL_CHARS:
            raise ValueError("webhook url must be a string of at most 2000 characters")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"webhook url must be http:// or https:// with a host, not {url[:100]!r}")
        headers = data.get("headers") or {}
        if not isinstance(headers, Mapping) or len(headers) > MAX_HEADERS:
            raise ValueError(f"webhook headers must be a mapping of at most {MAX_HEADERS} entries")
        for name, value in headers.items():
            if not isinstance(name, str) or not HEADER_NAME.match(name):
                raise ValueError(f"invalid webhook header name {name!r}")
            if not isinstance(value, str) or len(value) > MAX_HEADER_VALUE or any(c in value for c in "\r\n\0"):
                raise ValueError(f"invalid value for webhook header {name!r} (no line breaks, <= 4096 characters)")
        return cls(url, tuple(sorted(headers.items())))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"url": self.url}
        if self.headers:
            out["headers"] = dict(self.headers)
        return out


def backoff_delays(retries: int, base: float, cap: float = BACKOFF_CAP, jitter: float = 0.1) -> list[float]:
    """Waits before each retry: ``base * 2**i`` capped, plus up to ``jitter`` × that at random (no herd)."""
    return [min(cap, base * 2**i) * (1 + random.uniform(0, jitter)) for i in range(max(0, retries))]


@dataclass(slots=True)
class DeliveryResult:
    ok: bool
    attempts: int
    status: int | None = None
    error: str | None = None
    seconds: float = 0.0


async def post_with_retries(
    session: Any, target: WebhookTarget, body: bytes, retries: int, timeout: float, backoff: float,
    sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
) -> DeliveryResult:
    """POST ``body`` (JSON) until a 2xx, a permanent 4xx, or ``retries`` retries are spent."""
    import aiohttp

    headers = {"Content-Type": "application/json", "User-Agent": "newswatch-webhook", **dict(target.headers)}
    delays = backoff_delays(retries, backoff)
    started = time.monotonic()
    result = DeliveryResult(ok=False, attempts=0)
    for attempt in range(retries + 1):
        result.attempts = attempt + 1
        try:
            async with session.post(
                target.url, data=body, headers=headers, timeout=aiohttp.ClientTimeout(total=timeout),
                allow_redirects=False,
            ) as response:
                result.status, result.error = response.status, None
                await response.read()
                if 200 <= response.status < 300:
                    result.ok = True
                    break
                result.error = f"HTTP {response.status}"
                if response.status not in RETRY_STATUSES:
                    break  # permanent: retrying a 400/401/404 only repeats the failure
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            result.status, result.error = None, f"{type(exc).__name__}: {exc}"[:500]
        if attempt < retries:
            await sleep(delays[attempt])
    result.seconds = time.monotonic() - started
    return result


@dataclass(slots=True)
class WebhookJob:
    target: WebhookTarget
    alert: dict[str, Any]
    queued_at: float = field(default_factory=time.monotonic)


FailureHandler = Callable[[WebhookJob, DeliveryResult], Awaitable[None]]


class WebhookDispatcher:
    """A bounded queue of webhook jobs and ``concurrency`` tasks delivering them."""

    def __init__(
        self, on_failure: FailureHandler, retries: int = 4, timeout: float = 5.0, backoff: float = 0.5,
        queue_size: int = 1000, concurrency: int = 2,
    ) -> None:
        self.on_failure = on_failure
        self.retries, self.timeout, self.backoff, self.concurrency = retries, timeout, backoff, concurrency
        self.queue: asyncio.Queue[WebhookJob] = asyncio.Queue(maxsize=queue_size)
        self.delivered = 0
        self.failed = 0
        self._session: Any = None
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        import aiohttp

        if self._session is None:
            self._session = aiohttp.ClientSession()
            self._tasks = [asyncio.create_task(self._work()) for _ in range(self.concurrency)]

    def submit(self, target: WebhookTarget, alert: dict[str, Any]) -> bool:
        """Queue without waiting; False when the queue is full (the caller dead-letters the alert)."""
        try:
            self.queue.put_nowait(WebhookJob(target, alert))
        except asyncio.QueueFull:
            return False
        return True

    async def drain(self, timeout: float) -> bool:
        """Wait (bounded) until every queued job is done; True when the queue emptied in time."""
        try:
            await asyncio.wait_for(self.queue.join(), timeout)
        except TimeoutError:
            return False
        return True

    async def stop(self, timeout: float = 5.0) -> None:
        """Give queued jobs ``timeout`` seconds, then cancel the tasks and close the HTTP session."""
        if self._session is None:
            return
        await self.drain(timeout)
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await self._session.close()
        self._session, self._tasks = None, []

    async def _work(self) -> None:
        while True:
            job = await self.queue.get()
            try:
                body = orjson.dumps(job.alert)
                result = await post_with_retries(
                    self._session, job.target, body, self.retries, self.timeout, self.backoff
                )
                if result.ok:
                    self.delivered += 1
                else:
                    self.failed += 1
                    log.warning("webhook delivery failed", extra={"url": job.target.url, "error": result.error,
                                                                  "attempts": result.attempts})
                    await self.on_failure(job, result)
            except Exception as exc:  # a bug in a handler must not kill the delivery task
                log.exception("webhook task error", extra={"error": str(exc)})
            finally:
                self.queue.task_done()
