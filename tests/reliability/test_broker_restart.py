"""A broker that goes away and comes back empty (Tansu memory store) is detected; the worker exits with code 3, and a
fresh worker on the restarted broker processes new articles. An outage alone (broker down) never makes it exit."""

from __future__ import annotations

import contextlib
import os
import signal
import time

import pytest

from streams.brokerwatch import EXIT_BROKER_LOST
from streams.devbroker import free_port
from tests.integration.helpers import TopicReader
from tests.reliability.conftest import (
    Processes,
    articles,
    create_topics,
    ids_of,
    log_lines,
    module_settings,
    record,
    send,
)

pytestmark = pytest.mark.reliability
BEFORE, AFTER = 12, 12
OUTAGE_SECONDS = 6.0  # three checks (broker_check_interval 2 s) with the broker unreachable


def detections(lines: list[dict]) -> list[dict]:
    return [line for line in lines if line.get("logger") == "streams.brokerprobe" and line.get("level") == "error"]


def test_broker_restart_is_detected_and_a_fresh_worker_recovers(processes: Processes) -> None:
    port = free_port()
    broker = processes.broker(port=port)
    settings = module_settings(broker, "restart", enrich_processes=0, undetermined_language="enrich",
                               broker_check_interval=2.0)
    create_topics(settings)
    old = processes.worker(settings, "old")
    old.wait_ready(timeout=120)
    send(settings, settings.topic_raw, articles("before", BEFORE))
    TopicReader(settings, settings.topic_enriched).wait(lambda vs: len(vs) >= BEFORE, timeout=60)
    time.sleep(5)  # a few checks against a healthy broker, with positions > 0 on every raw partition
    assert old.alive() and not detections(log_lines(old)), "no false alarm on a healthy broker"

    assert broker.process is not None
    with contextlib.suppress(ProcessLookupError):  # crash the broker: SIGKILL by pid
        os.killpg(broker.process.pid, signal.SIGKILL)
    broker.process.wait(10)
    time.sleep(OUTAGE_SECONDS)
    assert old.alive(), "an unreachable broker is not a lost one: the worker keeps waiting"
    assert not detections(log_lines(old))

    processes.broker(port=port, name="broker-2")  # same address, empty memory store
    restarted = time.monotonic()
    assert old.process is not None
    try:
        code = old.process.wait(30)
    except Exception as exc:
        raise AssertionError("the worker did not exit within 30 s of the broker's return") from exc
    detected_after = time.monotonic() - restarted
    assert code == EXIT_BROKER_LOST
    found = detections(log_lines(old))
    assert len(found) == 1, found
    line = found[0]
    assert line["exit_code"] == EXIT_BROKER_LOST and line["reason"] in {"topic_missing", "log_truncated"}
    assert line["topic"] and "broker lost its log" in line["msg"]

    fresh = processes.worker(settings, "fresh")  # `newswatch worker` re-creates the topics on start
    started = time.monotonic()
    fresh.wait_ready(timeout=90)
    ready_after = time.monotonic() - started
    send(settings, settings.topic_raw, articles("after", AFTER))
    wanted = {f"after-{n:05d}" for n in range(AFTER)}
    values = TopicReader(settings, settings.topic_enriched).wait(lambda vs: wanted <= set(ids_of(vs)), timeout=60)
    assert set(ids_of(values)) == wanted, "the restarted broker holds only what was produced after the restart"
    assert fresh.alive() and not detections(log_lines(fresh))
    record("broker_restart_detected", detected_after_broker_start_s=round(detected_after, 1), reason=line["reason"],
           fresh_worker_ready_s=round(ready_after, 1), enriched_after_restart=len(wanted),
           done_after_restart_s=round(time.monotonic() - restarted, 1))
