"""The broker is down when the worker starts: the worker waits with a clear log line, then processes.

A broker that restarts empty under a running worker: tests/reliability/test_broker_restart.py."""

from __future__ import annotations

import time

import pytest

from streams.devbroker import EmbeddedBroker, free_port
from tests.conftest import make_settings
from tests.integration.helpers import TopicReader
from tests.reliability.conftest import Processes, articles, log_lines, record, send

pytestmark = pytest.mark.reliability


def test_worker_waits_for_a_broker_that_starts_later(processes: Processes) -> None:
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

    processes.broker(port=port)
    started = time.monotonic()
    worker.wait_ready(timeout=120)
    send(settings, settings.topic_raw, articles("late", 5))
    TopicReader(settings, settings.topic_enriched).wait(lambda vs: len(vs) >= 5, timeout=60)
    record("broker_down_at_start", retry_warnings=len(retries), ready_after_broker_start_s=round(
        time.monotonic() - started, 1))
