"""Crashes and shutdowns in the middle of a stream: kill -9 loses nothing (at least once), SIGTERM exits in < 10 s and
hands in-flight work back, alert ids stay deterministic across re-processing, and no secret reaches the logs."""

from __future__ import annotations

import os
import signal
import time
from collections import Counter, defaultdict
from typing import Any

import pytest

from tests.integration.helpers import TopicReader
from tests.reliability.conftest import (
    Processes,
    articles,
    create_topics,
    group_gone,
    module_settings,
    publish_rules,
    record,
    send,
)

pytestmark = pytest.mark.reliability

SECRET = "sasl-pw-Zq81xv-must-not-leak"
TOKEN = "api-token-Hc42pp-must-not-leak"
COUNT = 1000


@pytest.fixture(scope="module")
def settings(broker: Any) -> Any:
    settings = module_settings(broker, "crash", enrich_processes=1, undetermined_language="enrich",
                               sasl_password=SECRET, api_token=TOKEN)
    create_topics(settings)
    publish_rules(settings)
    return settings


@pytest.fixture(scope="module")
def enriched(settings: Any) -> TopicReader:
    return TopicReader(settings, settings.topic_enriched)


def wait_ids(reader: TopicReader, prefix: str, count: int, timeout: float) -> Counter[str]:
    """Poll until `count` distinct ids with `prefix` are on the topic; return the multiset of those ids."""
    deadline = time.monotonic() + timeout
    while True:
        reader.poll(1.0)
        seen = Counter(v["id"] for v in reader.values() if v["id"].startswith(prefix))
        if len(seen) >= count or time.monotonic() > deadline:
            return seen
        time.sleep(0.2)


def test_kill_9_mid_stream_loses_no_article(settings: Any, enriched: TopicReader, processes: Processes) -> None:
    send(settings, settings.topic_raw, articles("crash", COUNT))
    first = processes.worker(settings, "a")
    first.wait_ready(timeout=180)
    done_before = len(wait_ids(enriched, "crash-", 250, timeout=120))
    assert 0 < done_before < COUNT, "the stream must still be running when the worker is killed"
    first.kill()
    assert group_gone(first.pid), "kill -9 must take the enrichment pool down too"

    second = processes.worker(settings, "b")
    started = time.monotonic()
    second.wait_ready(timeout=180)
    seen = wait_ids(enriched, "crash-", COUNT, timeout=240)
    assert set(seen) == {f"crash-{n:05d}" for n in range(COUNT)}, f"lost {COUNT - len(seen)} articles"
    duplicates = sum(seen.values()) - COUNT
    record("kill9", articles=COUNT, enriched_before_kill=done_before, duplicates=duplicates,
           restart_to_done_seconds=round(time.monotonic() - started, 1))

    # duplicates are allowed (at least once) but the alerts they produce carry the same deterministic ids
    alerts = TopicReader(settings, settings.topic_alerts).poll(3.0)
    ids: dict[tuple[str, str], set[str]] = defaultdict(set)
    from streams.topics import decode

    for message in alerts:
        alert = decode(message.value)
        ids[(alert["rule_id"], alert["article"]["id"])].add(alert["id"])
    assert ids, "the sample rules must fire on the corpus"
    assert all(len(v) == 1 for v in ids.values()), {k: v for k, v in ids.items() if len(v) > 1}
    assert second.alive()


def test_sigterm_mid_stream_exits_fast_and_hands_work_back(settings: Any, enriched: TopicReader,
                                                           processes: Processes) -> None:
    worker = next(w for w in processes.workers if w.alive())
    send(settings, settings.topic_raw, articles("term", 600))
    wait_ids(enriched, "term-", 100, timeout=120)
    took = worker.stop(grace=20)
    assert worker.process is not None and worker.process.returncode != -signal.SIGKILL, "stopped only by SIGKILL"
    assert took < 10, f"SIGTERM shutdown took {took:.1f}s"
    assert group_gone(worker.pid)

    successor = processes.worker(settings, "c")
    successor.wait_ready(timeout=180)
    seen = wait_ids(enriched, "term-", 600, timeout=180)
    assert len(seen) == 600, f"lost {600 - len(seen)} articles over a graceful restart"
    record("sigterm", seconds=round(took, 2), articles=600, duplicates=sum(seen.values()) - 600)


def test_group_sigterm_does_not_mistake_shutdown_for_a_crash(settings: Any, enriched: TopicReader,
                                                             processes: Processes) -> None:
    """SIGTERM to the whole process group (systemd's default, Ctrl-C in a terminal) reaches the pool processes too."""
    worker = next(w for w in processes.workers if w.alive())
    send(settings, settings.topic_raw, articles("group", 400))
    wait_ids(enriched, "group-", 50, timeout=120)
    assert worker.process is not None
    started = time.monotonic()
    os.killpg(worker.pid, signal.SIGTERM)
    try:
        worker.process.wait(20)
    finally:
        worker.kill()
    took = time.monotonic() - started
    assert worker.process.returncode != -signal.SIGKILL
    assert took < 10, f"group SIGTERM shutdown took {took:.1f}s"
    letters = TopicReader(settings, settings.topic_dlq).poll(2.0)
    assert not [m for m in letters if b"EnrichmentCrash" in (m.value or b"")], "shutdown taken for a crash"
    record("group_sigterm", seconds=round(took, 2))


def test_no_secret_in_worker_logs(processes: Processes) -> None:
    assert len(processes.workers) >= 3
    for worker in processes.workers:
        assert worker.log_path is not None
        text = worker.log_path.read_text(errors="replace")
        assert "starting worker" in text
        assert SECRET not in text and TOKEN not in text, f"secret printed in {worker.log_path}"
