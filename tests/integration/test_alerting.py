"""Alerting on the real broker: no alert storms (redelivery, syndicated copies), routing, webhooks, the watch CLI.

The module uses its own topics with one partition each, so that "an article produced later has been processed"
proves the earlier ones were too: the tests wait for a sentinel article's alert before asserting an absence.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
import yaml

from streams import schemas
from streams.devbroker import free_port
from streams.process import WorkerProcess
from streams.watch.rules import load_rules
from tests.conftest import ARTIFACTS, ROOT, make_settings, run
from tests.integration.helpers import TopicReader, produce, publish_rules, running_worker

pytestmark = pytest.mark.integration

TEAM_TOPIC = "alerts.team-x"
WEBHOOK_FAILURES = 2  # the hook answers 503 this many times before accepting


class Hook:
    """A real local HTTP server (aiohttp, own thread and loop): 503 for the first N calls, then 200."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.port = free_port()
        self.calls: list[tuple[float, dict[str, Any], dict[str, str]]] = []
        self.accepted: list[dict[str, Any]] = []
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def _serve(self) -> None:
        from aiohttp import web

        async def handle(request: web.Request) -> web.Response:
            body = await request.json()
            self.calls.append((time.monotonic(), body, dict(request.headers)))
            if len(self.calls) <= self.failures:
                return web.Response(status=503)
            self.accepted.append(body)
            return web.json_response({"ok": True})

        async def main() -> None:
            app = web.Application()
            app.router.add_post("/hook", handle)
            self._runner = web.AppRunner(app)
            await self._runner.setup()
            await web.TCPSite(self._runner, "127.0.0.1", self.port).start()
            self._ready.set()

        asyncio.set_event_loop(self._loop)
        self._loop.run_until_complete(main())
        self._loop.run_forever()

    def start(self) -> Hook:
        self._thread.start()
        assert self._ready.wait(10)
        return self

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)


@pytest.fixture(scope="module")
def hook() -> Iterator[Hook]:
    server = Hook(WEBHOOK_FAILURES).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def settings(broker: Any, hook: Hook) -> Any:
    from streams.kafka import create_topics

    settings = make_settings(
        broker, app_id="newswatch-alerting", topic_partitions=1, enrich_processes=1,
        topic_raw="al.raw", topic_enriched="al.enriched", topic_alerts="al.alerts", topic_dlq="al.dlq",
        topic_watchlists="al.watchlists", webhook_backoff=0.3, webhook_retries=3,
    )
    run(create_topics(settings))
    rules = [
        {"id": "yang-jiechi", "kind": "actor", "name": "Yang Jiechi", "topic": TEAM_TOPIC,
         "webhook": {"url": hook.url, "headers": {"Authorization": "Bearer hook-token"}}},
        {"id": "sanctions", "kind": "keyword", "terms": ["sanction"], "inflections": True},
        {"id": "sentinel", "kind": "keyword", "terms": ["earthquake", "drugs"]},
    ]
    publish_rules(settings, rules)
    return settings


@pytest.fixture(scope="module")
def worker(settings: Any) -> Iterator[WorkerProcess]:
    with running_worker(settings, "worker-alerting.log") as process:
        yield process


def by_article(values: list[dict[str, Any]], article_id: str) -> list[dict[str, Any]]:
    return [a for a in values if a["article"]["id"] == article_id]


def sentinel(settings: Any, reader: TopicReader, name: str, source: str) -> list[dict[str, Any]]:
    """Produce an article that fires `sentinel` and wait for its alert: everything produced before is done.

    Each call needs another text: a second copy of the same text would be suppressed as a near-duplicate.
    """
    article = orjson.loads((ROOT / "tests/data/raw" / source).read_bytes())
    produce(settings, settings.topic_raw, [(name.encode(), orjson.dumps({**article, "id": name}))])
    return reader.wait(lambda vs: any(a["rule_id"] == "sentinel" for a in by_article(vs, name)), timeout=90)


def syndicated(seed: dict[str, Any]) -> dict[str, Any]:
    """The seed as another outlet would run it: new headline, a byline, a footer, one paragraph cut."""
    paragraphs = seed["text"].split("\n\n")
    body = [p for i, p in enumerate(paragraphs[2:]) if i != 5]
    text = "\n\n".join(["Moscou aurait sollicité Pékin pour du matériel militaire", "Par la rédaction, avec AFP",
                        *body, "© 2022 Agence. Tous droits de reproduction réservés."])
    return {**seed, "id": "syndicated-copy", "source": "another-outlet", "title": paragraphs[0][:40], "text": text}


def test_redelivered_and_syndicated_articles_alert_once(settings: Any, worker: WorkerProcess, seed_raw: dict) -> None:
    seed = orjson.dumps(seed_raw)
    produce(settings, settings.topic_raw, [(b"seed-fr-0001", seed), (b"seed-fr-0001", seed)])
    produce(settings, settings.topic_raw, [(b"syndicated-copy", orjson.dumps(syndicated(seed_raw)))])
    reader = TopicReader(settings, settings.topic_alerts)
    values = sentinel(settings, reader, "sentinel-1", "wikinews-en-yushu-earthquake.json")

    enriched = TopicReader(settings, settings.topic_enriched).wait(
        lambda vs: len([v for v in vs if v["id"] == "seed-fr-0001"]) == 2
        and any(v["id"] == "syndicated-copy" for v in vs), timeout=30)
    assert {e["canonical"] for v in enriched if v["id"] == "syndicated-copy" for e in v["entities"]} >= {"Yang Jiechi"}

    seed_alerts = by_article(values, "seed-fr-0001")
    assert sorted(a["rule_id"] for a in seed_alerts) == ["sanctions", "yang-jiechi"]  # once each, not twice
    for alert in seed_alerts:
        assert schemas.errors("alert", alert) == []
    assert by_article(values, "syndicated-copy") == []  # suppressed: a near-duplicate of the seed


def test_alert_routed_to_rule_topic_and_webhook_with_retries(settings: Any, worker: WorkerProcess,
                                                             hook: Hook) -> None:
    routed = TopicReader(settings, TEAM_TOPIC).wait(
        lambda vs: any(a["article"]["id"] == "seed-fr-0001" for a in vs), timeout=60)
    assert {a["rule_id"] for a in routed} == {"yang-jiechi"}  # only the rule that asked for the topic

    deadline = time.monotonic() + 30
    while not hook.accepted and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [a["rule_id"] for a in hook.accepted] == ["yang-jiechi"]
    assert hook.accepted[0]["article"]["id"] == "seed-fr-0001"
    assert len(hook.calls) == WEBHOOK_FAILURES + 1
    assert hook.calls[0][2]["Authorization"] == "Bearer hook-token"
    gaps = [later[0] - earlier[0] for earlier, later in zip(hook.calls, hook.calls[1:], strict=False)]
    assert gaps[0] >= 0.3 and gaps[1] >= 0.6  # exponential backoff: 0.3 s, then 0.6 s


def test_fired_rules_survive_a_worker_restart(settings: Any, worker: WorkerProcess, seed_raw: dict) -> None:
    worker.stop(grace=10)
    again = WorkerProcess(settings, log_path=ARTIFACTS / "worker-alerting-2.log").start()
    try:
        again.wait_ready(timeout=180)
        produce(settings, settings.topic_raw, [(b"seed-fr-0001", orjson.dumps(seed_raw))])
        reader = TopicReader(settings, settings.topic_alerts)
        values = sentinel(settings, reader, "sentinel-2", "wikinews-en-west-midlands-drugs.json")
        assert sorted(a["rule_id"] for a in by_article(values, "seed-fr-0001")) == ["sanctions", "yang-jiechi"]
    finally:
        assert again.stop(grace=10) < 15


def cli(settings: Any, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEWSWATCH_BROKER": settings.broker, "NEWSWATCH_TOPIC_WATCHLISTS": "cli.watchlists"}
    env.pop("NEWSWATCH_CONFIG", None)
    return subprocess.run([sys.executable, "-m", "streams", "watch", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_watch_cli_import_list_show_rm_export(settings: Any, tmp_path: Path) -> None:
    done = cli(settings, "import", "examples/watchlist.yaml")
    assert done.returncode == 0, done.stderr
    expected = {rule.id for rule in load_rules(ROOT / "examples/watchlist.yaml")}
    assert f"imported {len(expected)} rule(s)" in done.stdout

    listed = cli(settings, "list")
    assert listed.returncode == 0 and all(rule_id in listed.stdout for rule_id in expected)
    shown = cli(settings, "show", "putin")
    assert shown.returncode == 0 and orjson.loads(shown.stdout)["name"] == "Vladimir Putin"
    assert cli(settings, "show", "no-such-rule").returncode != 0

    assert cli(settings, "rm", "wire-only").returncode == 0
    exported = cli(settings, "export")
    assert exported.returncode == 0, exported.stderr
    (tmp_path / "exported.yaml").write_text(exported.stdout)
    assert {rule.id for rule in load_rules(tmp_path / "exported.yaml")} == expected - {"wire-only"}
    assert yaml.safe_load(exported.stdout)["rules"][0]["id"] == "beijing-in-headlines"  # sorted by id


def test_watch_test_prints_one_alert_per_line(settings: Any) -> None:
    done = cli(settings, "test", "examples/watchlist.yaml", "examples/articles/seed-fr-0001.json", "--json")
    assert done.returncode == 0, done.stderr
    alerts = [orjson.loads(line) for line in done.stdout.splitlines() if line.strip()]
    assert all(schemas.errors("alert", a) == [] for a in alerts)
    assert {"yang-jiechi", "putin", "sanctions", "sullivan-on-sanctions"} <= {a["rule_id"] for a in alerts}
