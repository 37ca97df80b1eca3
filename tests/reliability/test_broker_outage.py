"""The broker is down when the worker starts, then goes away and comes back (Tansu memory store: everything is lost)."""

from __future__ import annotations

import time
from typing import Any

import orjson
import pytest

from streams.devbroker import EmbeddedBroker, free_port
from streams.process import WorkerProcess
from tests.conftest import make_settings
from tests.integration.helpers import TopicReader
from tests.reliability.conftest import Processes, articles, create_topics, log_lines, record, send

pytestmark = pytest.mark.reliability


@pytest.fixture(scope="module")
def state() -> dict[str, Any]:
    return {}


def test_worker_waits_for_a_broker_that_starts_later(processes: Processes, state: dict[str, Any]) -> None:
    port = free_port()
    settings = make_settings(EmbeddedBroker(port=port), app_id="rel-outage", enrich_processes=0,
                             undetermined_language="enrich")
    worker = processes.worker(settings, "worker")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not any("unreachable" in line.get("msg", "") for line in log_lines(worker)):
        time.sleep(0.5)
    retries = [line for line in log_lines(worker) if "unreachable" in line.get("msg", "")]
    assert retries and retries[0]["level"] == "warning" and f"127.0.0.1:{port}" in retries[0]["msg"]
    assert worker.alive(), "the worker must wait for the broker, not exit"

    broker = processes.broker(port=port)
    started = time.monotonic()
    worker.wait_ready(timeout=120)
    send(settings, settings.topic_raw, articles("late", 5))
    TopicReader(settings, settings.topic_enriched).wait(lambda vs: len(vs) >= 5, timeout=60)
    record("broker_down_at_start", retry_warnings=len(retries), ready_after_broker_start_s=round(
        time.monotonic() - started, 1))
    state.update(settings=settings, worker=worker, broker=broker)


def test_broker_restart_with_memory_store_is_recovered(processes: Processes, state: dict[str, Any]) -> None:
    """A memory broker restart loses topics, group offsets and rules. The running worker reconnects, but its
    in-memory offsets are ahead of the new, empty partitions, so the first new messages of a partition can be skipped
    (known limitation, docs/reliability.md). A worker started afresh on the restarted broker stalled in table
    recovery in our runs (open defect, docs/reliability.md), so this test checks the surviving worker only."""
    settings, worker, broker = state["settings"], state["worker"], state["broker"]
    assert isinstance(worker, WorkerProcess)
    broker.stop()
    time.sleep(3)
    assert worker.alive(), "a broker outage must not kill the worker"
    processes.broker(port=broker.port, name="broker-2")
    restarted = time.monotonic()
    create_topics(settings)
    rule = {"id": "interpol", "kind": "keyword", "terms": ["Interpol"]}
    send(settings, settings.topic_watchlists, [(b"interpol", orjson.dumps(rule))])
    send(settings, settings.topic_raw, articles("again", 20))
    wanted = {f"again-{n:05d}" for n in range(20)}
    reader = TopicReader(settings, settings.topic_enriched)
    deadline = time.monotonic() + 25
    while time.monotonic() < deadline and not wanted <= {v["id"] for v in reader.poll(1.0) and reader.values()}:
        time.sleep(1.0)
    before_restart = len(wanted & {v["id"] for v in reader.values()})
    assert worker.alive() and before_restart > 0, "the running worker reconnects to the restarted broker"

    took = worker.stop(grace=10)
    assert took < 10
    record("broker_restart", enriched_by_running_worker=before_restart, of=len(wanted), stop_seconds=round(took, 2),
           seconds_after_restart=round(time.monotonic() - restarted, 1))
