"""End to end on the real broker: raw → enriched → alerts, dead letters, live watchlist changes, the HTTP API."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import orjson
import pytest

from streams import schemas
from streams.process import WorkerProcess
from tests.conftest import make_settings, run
from tests.integration.helpers import TopicReader, produce, publish_rules, running_worker

pytestmark = pytest.mark.integration

RULES = [
    {"id": "yang-jiechi", "kind": "actor", "name": "Yang Jiechi"},
    {"id": "sanctions", "kind": "keyword", "terms": ["sanction"], "inflections": True},
]
TOKEN = "test-token-not-a-secret"


@pytest.fixture(scope="module")
def settings(broker: Any) -> Any:
    from streams.kafka import create_topics

    # the test re-sends the seed under new ids: near-duplicate copies are marked, not suppressed, so rules still fire
    settings = make_settings(broker, app_id="newswatch-it", api_token=TOKEN, enrich_processes=1,
                             duplicate_alerts="mark")
    run(create_topics(settings))
    publish_rules(settings, RULES)
    return settings


@pytest.fixture(scope="module")
def worker(settings: Any) -> Iterator[WorkerProcess]:
    with running_worker(settings, "worker-pipeline.log") as process:
        yield process


def http(worker: WorkerProcess, method: str, path: str, body: Any = None, token: str | None = TOKEN) -> tuple[int, Any]:
    request = urllib.request.Request(worker.url(path), method=method,
                                     data=json.dumps(body).encode() if body is not None else None)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


def alerts_for(values: list[dict[str, Any]], article_id: str) -> dict[str, dict[str, Any]]:
    return {a["rule_id"]: a for a in values if a["article"]["id"] == article_id}


def test_seed_article_flows_to_enriched_and_alerts(settings: Any, worker: WorkerProcess, seed_raw: dict) -> None:
    produce(settings, settings.topic_raw, [(b"seed-fr-0001", orjson.dumps(seed_raw))])

    enriched = TopicReader(settings, settings.topic_enriched).wait(
        lambda vs: any(v["id"] == "seed-fr-0001" for v in vs), timeout=120)
    article = next(v for v in enriched if v["id"] == "seed-fr-0001")
    assert schemas.errors("enriched_article", article) == []
    assert article["language"]["code"] == "fr"
    assert "Related News" not in article["text"] and "Leave a Reply" not in article["text"]
    names = {e["canonical"] for e in article["entities"]}
    assert {"Yang Jiechi", "Jake Sullivan"} <= names
    speakers = {q["speaker"] for q in article["quotes"]}
    assert {"Jake Sullivan", "Anton Siluanov"} <= speakers

    alerts = TopicReader(settings, settings.topic_alerts).wait(
        lambda vs: {"yang-jiechi", "sanctions"} <= set(alerts_for(vs, "seed-fr-0001")), timeout=60)
    by_rule = alerts_for(alerts, "seed-fr-0001")
    for alert in by_rule.values():
        assert schemas.errors("alert", alert) == []
    yang = by_rule["yang-jiechi"]["mentions"][0]
    assert article["text"][yang["start"]:yang["end"]] == "Yang Jiechi"
    assert len(by_rule["sanctions"]["mentions"]) >= 3


def test_malformed_messages_go_to_dlq_and_worker_keeps_consuming(settings: Any, worker: WorkerProcess,
                                                                  seed_raw: dict) -> None:
    bad = [
        (b"bad-json", b'{"id": "bad-json", "text": '),
        (b"bad-utf8", b'{"id": "bad-utf8", "text": "\xff\xfe"}'),
        (b"no-body", b'{"id": "no-body", "title": "nothing else"}'),
        (b"wrong-type", b'{"id": "wrong-type", "text": 42}'),
        (b"not-object", b"[1, 2, 3]"),
    ]
    produce(settings, settings.topic_raw, bad)
    follow_up = {**seed_raw, "id": "after-bad-input"}
    produce(settings, settings.topic_raw, [(b"after-bad-input", orjson.dumps(follow_up))])

    letters = TopicReader(settings, settings.topic_dlq).wait(
        lambda vs: len([v for v in vs if v["agent"] == "enrich"]) >= len(bad), timeout=90)
    classes = {v["error_class"] for v in letters if v["agent"] == "enrich"}
    assert {"InvalidJSON", "InvalidUTF8", "MissingBody", "WrongType", "NotAnObject"} <= classes
    for letter in letters:
        assert schemas.errors("dead_letter", letter) == []
        assert letter["reason"]
    raw_letter = next(v for v in letters if v["error_class"] == "InvalidUTF8")
    assert raw_letter["payload_encoding"] == "base64"

    TopicReader(settings, settings.topic_enriched).wait(
        lambda vs: any(v["id"] == "after-bad-input" for v in vs), timeout=90)
    assert worker.alive()


def test_rule_added_on_topic_takes_effect_without_restart(settings: Any, worker: WorkerProcess,
                                                          seed_raw: dict) -> None:
    rule = {"id": "kofman", "kind": "actor", "name": "Michael Kofman"}
    produce(settings, settings.topic_watchlists, [(b"kofman", orjson.dumps(rule))])
    status, listed = 0, {}
    for _ in range(50):
        status, listed = http(worker, "GET", "/watchlists")
        if any(r["id"] == "kofman" for r in listed.get("rules", [])):
            break
        run(__import__("asyncio").sleep(0.2))
    assert status == 200 and any(r["id"] == "kofman" for r in listed["rules"])

    produce(settings, settings.topic_raw, [(b"seed-live-rule", orjson.dumps({**seed_raw, "id": "seed-live-rule"}))])
    alerts = TopicReader(settings, settings.topic_alerts).wait(
        lambda vs: "kofman" in alerts_for(vs, "seed-live-rule"), timeout=90)
    assert alerts_for(alerts, "seed-live-rule")["kofman"]["rule_kind"] == "actor"


def test_watchlist_http_api_put_and_delete(settings: Any, worker: WorkerProcess, seed_raw: dict) -> None:
    assert http(worker, "GET", "/watchlists", token=None)[0] == 401
    assert http(worker, "GET", "/watchlists", token="wrong")[0] == 401
    status, body = http(worker, "PUT", "/watchlists/taiwan", {"kind": "actor", "name": "Taiwan"})
    assert status == 202, body
    status, body = http(worker, "PUT", "/watchlists/broken", {"kind": "no-such-kind"})
    assert status == 400 and "invalid rule" in body["error"]

    produce(settings, settings.topic_raw, [(b"seed-api", orjson.dumps({**seed_raw, "id": "seed-api"}))])
    reader = TopicReader(settings, settings.topic_alerts)
    alerts = reader.wait(lambda vs: "taiwan" in alerts_for(vs, "seed-api"), timeout=90)
    mention = alerts_for(alerts, "seed-api")["taiwan"]["mentions"][0]
    assert mention["text"] == "Taïwan"

    status, _ = http(worker, "DELETE", "/watchlists/taiwan")
    assert status == 202
    for _ in range(50):
        if http(worker, "GET", "/watchlists/taiwan")[0] == 404:
            break
        run(__import__("asyncio").sleep(0.2))
    assert http(worker, "GET", "/watchlists/taiwan")[0] == 404
    produce(settings, settings.topic_raw, [(b"seed-api-2", orjson.dumps({**seed_raw, "id": "seed-api-2"}))])
    enriched = TopicReader(settings, settings.topic_enriched)
    enriched.wait(lambda vs: any(v["id"] == "seed-api-2" for v in vs), timeout=90)
    later = reader.wait(lambda vs: "sanctions" in alerts_for(vs, "seed-api-2"), timeout=60)
    assert "taiwan" not in alerts_for(later, "seed-api-2")


def test_health_ready_and_metrics(worker: WorkerProcess) -> None:
    assert http(worker, "GET", "/healthz", token=None) == (200, {"status": "ok"})
    status, ready = http(worker, "GET", "/readyz", token=None)
    assert status == 200 and ready["models_loaded"] and ready["partitions_assigned"]
    with urllib.request.urlopen(worker.url("/metrics"), timeout=10) as response:
        text = response.read().decode()
    assert "newswatch_articles_in_total" in text
    assert "newswatch_model_load_seconds" in text
    assert 'newswatch_consumer_lag{partition=' in text and 'topic="articles.raw"' in text
    assert 'newswatch_stage_seconds_count{stage="enrich"}' in text


def test_structured_logs_carry_article_id_and_stage(worker: WorkerProcess) -> None:
    assert worker.log_path is not None
    records = []
    for line in worker.log_path.read_text(errors="replace").splitlines():
        if line.startswith("{"):
            records.append(json.loads(line))
    assert records and all({"ts", "level", "logger", "msg"} <= set(r) for r in records)
    assert any(r.get("stage") == "alert" and r.get("article_id") == "seed-fr-0001" for r in records)
    assert any(r.get("stage") == "enrich" and r.get("error_class") == "InvalidJSON" for r in records)
