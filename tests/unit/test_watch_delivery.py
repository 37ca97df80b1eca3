"""Webhook delivery against a real local HTTP server (aiohttp on a free port), topic names, targets."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from aiohttp import web

from streams.devbroker import free_port
from streams.watch.delivery import (
    WebhookDispatcher,
    WebhookTarget,
    backoff_delays,
    check_topic_name,
    post_with_retries,
)
from streams.watch.rules import RuleError, parse_rule

ALERT = {"id": "0" * 32, "rule_id": "r", "article": {"id": "a1"}}


class Server:
    """Answers `status` for the first `failures` calls, then 200; records when each call came."""

    def __init__(self, failures: int, status: int = 503) -> None:
        self.failures, self.status, self.port = failures, status, free_port()
        self.calls: list[tuple[float, Any, str | None]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    async def __aenter__(self) -> Server:
        async def handle(request: web.Request) -> web.Response:
            self.calls.append((time.monotonic(), await request.json(), request.headers.get("X-Token")))
            if len(self.calls) <= self.failures:
                return web.Response(status=self.status)
            return web.json_response({"ok": True})

        app = web.Application()
        app.router.add_post("/hook", handle)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", self.port).start()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.runner.cleanup()


async def post(server_failures: int, retries: int, status: int = 503) -> tuple[Any, Server]:
    import aiohttp

    async with Server(server_failures, status) as server, aiohttp.ClientSession() as session:
        target = WebhookTarget.parse({"url": server.url, "headers": {"X-Token": "t"}})
        result = await post_with_retries(session, target, b'{"a": 1}', retries=retries, timeout=2, backoff=0.1)
        return result, server


def test_retries_with_exponential_backoff_until_success() -> None:
    result, server = asyncio.run(post(server_failures=3, retries=4))
    assert result.ok and result.attempts == 4 and result.status == 200
    assert [body for _, body, _ in server.calls] == [{"a": 1}] * 4 and server.calls[0][2] == "t"
    gaps = [b[0] - a[0] for a, b in zip(server.calls, server.calls[1:], strict=False)]
    for gap, expected in zip(gaps, (0.1, 0.2, 0.4), strict=True):
        assert expected <= gap < expected * 1.1 + 0.25  # base × 2^i, up to 10 % jitter


def test_gives_up_after_the_bounded_retries() -> None:
    result, server = asyncio.run(post(server_failures=10, retries=2))
    assert not result.ok and result.attempts == 3 and len(server.calls) == 3 and result.error == "HTTP 503"


def test_permanent_client_errors_are_not_retried() -> None:
    result, server = asyncio.run(post(server_failures=10, retries=5, status=400))
    assert not result.ok and result.attempts == 1 and len(server.calls) == 1


def test_connection_refused_is_retried_then_reported() -> None:
    import aiohttp

    async def main() -> Any:
        async with aiohttp.ClientSession() as session:
            target = WebhookTarget.parse(f"http://127.0.0.1:{free_port()}/nobody")
            return await post_with_retries(session, target, b"{}", retries=2, timeout=1, backoff=0.05)

    result = asyncio.run(main())
    assert not result.ok and result.attempts == 3 and result.status is None and "Connect" in (result.error or "")


def test_dispatcher_delivers_off_the_caller_and_dead_letters_failures() -> None:
    failed: list[tuple[Any, Any]] = []

    async def on_failure(job: Any, result: Any) -> None:
        failed.append((job, result))

    async def main() -> tuple[int, int, Server, Server]:
        async with Server(failures=1) as flaky, Server(failures=99) as dead:
            dispatcher = WebhookDispatcher(on_failure, retries=2, timeout=2, backoff=0.05, queue_size=4)
            await dispatcher.start()
            started = time.monotonic()
            assert dispatcher.submit(WebhookTarget(flaky.url), ALERT)
            assert dispatcher.submit(WebhookTarget(dead.url), ALERT)
            assert time.monotonic() - started < 0.05  # submit never waits for the network
            assert await dispatcher.drain(timeout=10)
            await dispatcher.stop()
            return dispatcher.delivered, dispatcher.failed, flaky, dead

    delivered, failures, flaky, dead = asyncio.run(main())
    assert (delivered, failures) == (1, 1)
    assert len(flaky.calls) == 2 and len(dead.calls) == 3
    assert [(job.target.url, result.attempts) for job, result in failed] == [(dead.url, 3)]


def test_full_queue_refuses_instead_of_blocking() -> None:
    async def main() -> list[bool]:
        dispatcher = WebhookDispatcher(lambda job, result: asyncio.sleep(0), queue_size=2)  # not started
        return [dispatcher.submit(WebhookTarget("http://127.0.0.1:9/"), ALERT) for _ in range(3)]

    assert asyncio.run(main()) == [True, True, False]


def test_backoff_is_exponential_capped_and_bounded() -> None:
    delays = backoff_delays(8, base=1.0, cap=10.0, jitter=0.0)
    assert delays == [1, 2, 4, 8, 10, 10, 10, 10]
    assert backoff_delays(0, base=1.0) == []


@pytest.mark.parametrize("name", ["alerts.team-x", "a", "x" * 249, "team_1.alerts"])
def test_valid_topic_names(name: str) -> None:
    assert check_topic_name(name) == name
    assert parse_rule({"id": "r", "kind": "actor", "name": "X", "topic": name}).topic == name


@pytest.mark.parametrize("name", ["", ".", "..", "x" * 250, "team x", "alerts/team", "é"])
def test_invalid_topic_names(name: str) -> None:
    with pytest.raises(ValueError):
        check_topic_name(name)
    with pytest.raises(RuleError, match="topic"):
        parse_rule({"id": "r", "kind": "actor", "name": "X", "topic": name})


@pytest.mark.parametrize(
    "webhook",
    [
        {"url": "ftp://example.org/x"},
        {"url": "http://"},
        {"url": "https://h/x", "headers": {"Bad Header": "v"}},
        {"url": "https://h/x", "headers": {"X-Ok": "line\r\nInjected: 1"}},
        {"url": "https://h/x", "extra": 1},
        {"headers": {}},
    ],
)
def test_invalid_webhooks_are_refused(webhook: dict[str, Any]) -> None:
    with pytest.raises(RuleError, match="webhook"):
        parse_rule({"id": "r", "kind": "actor", "name": "X", "webhook": webhook})


def test_routing_fields_round_trip_and_are_top_level_only() -> None:
    data = {"id": "r", "kind": "keyword", "terms": ["x"], "topic": "alerts.team-x",
            "webhook": {"url": "https://hooks.example.org/a", "headers": {"Authorization": "Bearer t"}},
            "rate_limit": {"max": 5, "per": 3600}}
    rule = parse_rule(data)
    assert rule.to_dict() == data and rule.rate_limit.max == 5 and rule.webhook.headers == (("Authorization",
                                                                                             "Bearer t"),)
    nested = {"id": "b", "kind": "boolean", "all": [{"kind": "actor", "name": "X", "topic": "t"}]}
    with pytest.raises(RuleError):
        parse_rule(nested)
    for bad in ({"max": 0, "per": 60}, {"max": 1}, {"max": 1, "per": 0.5}):
        with pytest.raises(RuleError, match="rate_limit"):
            parse_rule({**data, "rate_limit": bad})
