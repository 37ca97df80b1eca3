"""Two workers in one group share the 4 partitions; kill -9 one and the other takes its partitions over within the
session timeout, losing nothing. Takeover = from the kill until every partition's new articles are being enriched."""

from __future__ import annotations

import re
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from streams.devbroker import free_port
from streams.process import WorkerProcess
from tests.integration.helpers import TopicReader
from tests.reliability.conftest import Processes, articles, create_topics, module_settings, record, send

pytestmark = pytest.mark.reliability

SESSION_TIMEOUT = 10.0


def articles_in(worker: WorkerProcess) -> float:
    with urllib.request.urlopen(worker.url("/metrics"), timeout=10) as response:
        text = response.read().decode()
    match = re.search(r"^newswatch_articles_in_total (\S+)$", text, re.MULTILINE)
    return float(match.group(1)) if match else 0.0


def test_survivor_takes_over_the_partitions_of_a_killed_worker(broker: Any, processes: Processes) -> None:
    settings = module_settings(broker, "rebalance", enrich_processes=0, undetermined_language="enrich",
                               session_timeout=SESSION_TIMEOUT)
    create_topics(settings)
    first = processes.worker(settings, "a")
    second = processes.worker(settings.replace(web_port=free_port()), "b")
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda w: w.wait_ready(timeout=180), [first, second]))

    enriched = TopicReader(settings, settings.topic_enriched)
    send(settings, settings.topic_raw, articles("warm", 80))
    enriched.wait(lambda vs: len({v["id"] for v in vs}) >= 80, timeout=120)
    # both members consume (Tansu finishes the first join only after half the session timeout; wait for it)
    deadline = time.monotonic() + 30
    while min(articles_in(first), articles_in(second)) == 0 and time.monotonic() < deadline:
        send(settings, settings.topic_raw, articles(f"warm-{int(time.monotonic())}", 8))
        time.sleep(1.0)
    shares = (articles_in(first), articles_in(second))
    assert min(shares) > 0, f"partitions are not shared: articles in per worker {shares}"

    first.kill()
    killed_at = time.monotonic()
    positions = send(settings, settings.topic_raw, articles("after", 200))
    partition_of = {f"after-{n:05d}": pos[0] for n, pos in enumerate(positions)}
    first_seen: dict[int, float] = {}
    seen: set[str] = set()
    deadline = killed_at + 120
    while len(seen) < 200 and time.monotonic() < deadline:
        enriched.poll(0.5)
        now = time.monotonic() - killed_at
        for value in enriched.values():
            article_id = value["id"]
            if article_id in partition_of and article_id not in seen:
                seen.add(article_id)
                first_seen.setdefault(partition_of[article_id], now)
    assert len(seen) == 200, f"lost {200 - len(seen)} articles after the kill"
    assert set(first_seen) == set(partition_of.values())
    takeover = max(first_seen.values())
    record("rebalance", takeover_seconds=round(takeover, 1), session_timeout=SESSION_TIMEOUT,
           articles_in_before_kill=list(shares),
           per_partition_first_seen={str(p): round(t, 1) for p, t in sorted(first_seen.items())})
    # detection needs the session timeout; the rejoin itself takes Tansu up to another half session
    assert takeover < 2 * SESSION_TIMEOUT + 10
    assert second.alive()


def test_a_worker_joining_mid_stream_loses_nothing(broker: Any, processes: Processes) -> None:
    """Scale-out under load: a second worker joins while articles are flowing; the group rebalances (partitions are
    revoked from the first worker mid-batch) and every article is still enriched. Duplicates are allowed (at least
    once; consumers dedupe by id) and counted."""
    settings = module_settings(broker, "scaleout", enrich_processes=0, undetermined_language="enrich",
                               session_timeout=SESSION_TIMEOUT)
    create_topics(settings)
    first = processes.worker(settings, "a")
    first.wait_ready(timeout=180)
    enriched = TopicReader(settings, settings.topic_enriched)
    total, chunk = 600, 30
    records = articles("flow", total)
    ids = {key.decode() for key, _ in records}
    position: dict[str, tuple[int, int]] = {}
    second = None
    started = time.monotonic()
    with ThreadPoolExecutor(1) as pool:
        for k in range(0, total, chunk):
            sent = records[k:k + chunk]
            for (key, _), pos in zip(sent, send(settings, settings.topic_raw, sent), strict=True):
                position[key.decode()] = pos  # (partition, offset): says where a lost article was
            if second is None and k >= total // 3:  # a third of the stream in: the second worker joins
                second = processes.worker(settings.replace(web_port=free_port()), "b")
                joining = pool.submit(second.wait_ready, timeout=180)
            time.sleep(0.5)
        joining.result()
    counts: dict[str, int] = {}
    deadline = time.monotonic() + 150
    while not ids <= set(counts) and time.monotonic() < deadline:
        enriched.poll(1.0)
        counts = {}
        for value in enriched.values():
            counts[value["id"]] = counts.get(value["id"], 0) + 1
    missing = ids - set(counts)
    if missing:
        # Read the whole output topic again with a fresh reader before calling them lost, and say which read found
        # what — an incremental reader that skipped records is a broker/reader problem, records absent from the topic
        # are lost articles (16–65 of 600 were, before streams/transport.py discarded records a seek overtook).
        again = TopicReader(settings, settings.topic_enriched)
        again.poll(30.0)
        found = {value["id"] for value in again.values()} & missing
        lost: dict[int, list[int]] = {}
        for partition, offset in sorted(position[article_id] for article_id in missing - found):
            lost.setdefault(partition, []).append(offset)
        where = {p: f"{o[0]}-{o[-1]} ({len(o)})" for p, o in lost.items()}
        assert found == missing, (f"lost {len(missing - found)} articles across the rebalance, raw offsets by "
                                  f"partition {where} ({len(found)} more were only seen on a second read)")
        record("scale_out_reread", missed_by_first_reader=len(found))
    assert second is not None and second.alive() and first.alive()
    shares = (articles_in(first), articles_in(second))
    duplicates = sum(n - 1 for article_id, n in counts.items() if article_id in ids)
    record("scale_out", articles=total, lost=0, duplicates=duplicates, articles_in_per_worker=list(shares),
           seconds=round(time.monotonic() - started, 1))
    assert min(shares) > 0, f"the joining worker got no partition: articles in per worker {shares}"
