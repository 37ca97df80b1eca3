"""Reliability fixtures: per-module topics, workers and brokers that are always killed by pid, and a corpus of short
real paragraphs so that a thousand articles enrich in seconds.

Every process a test starts is registered here; after each module the fixture `no_leftovers` kills (by process group)
whatever is still alive and fails the module if anything was left behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from streams.config import Settings
from streams.devbroker import EmbeddedBroker
from streams.process import WorkerProcess
from tests.conftest import ARTIFACTS, ROOT, SEED_PATH, make_settings, run

RAW_DIR = ROOT / "tests" / "data" / "raw"
RULES = [
    {"id": "yang-jiechi", "kind": "actor", "name": "Yang Jiechi"},
    {"id": "sanctions", "kind": "keyword", "terms": ["sanction"], "inflections": True},
    {"id": "interpol", "kind": "keyword", "terms": ["Interpol"]},
]


def paragraphs(min_chars: int = 150) -> list[str]:
    """Paragraphs of the seed and of tests/data/raw long enough for a confident language (fr, en, de)."""
    found: list[str] = []
    for path in [SEED_PATH, *sorted(RAW_DIR.glob("*.json"))]:
        text = orjson.loads(path.read_bytes()).get("text") or ""
        found.extend(p.strip() for p in text.split("\n") if len(p.strip()) >= min_chars)
    return found


def articles(prefix: str, count: int) -> list[tuple[bytes, bytes]]:
    """`count` short real articles with ids `prefix-00000`…, as (key, value) Kafka records."""
    texts = paragraphs()
    records = []
    for n in range(count):
        article_id = f"{prefix}-{n:05d}"
        body = {"id": article_id, "title": f"Article {n}", "text": texts[n % len(texts)], "source": "reliability"}
        records.append((article_id.encode(), orjson.dumps(body)))
    return records


def module_settings(broker: EmbeddedBroker, name: str, **changes: Any) -> Settings:
    """Settings with topics and group of their own, so a module never sees another module's messages or offsets."""
    return make_settings(
        broker,
        app_id=f"rel-{name}",
        topic_raw=f"rel-{name}.raw",
        topic_enriched=f"rel-{name}.enriched",
        topic_alerts=f"rel-{name}.alerts",
        topic_dlq=f"rel-{name}.dlq",
        topic_watchlists=f"rel-{name}.watchlists",
        **changes,
    )


def publish_rules(settings: Settings, rules: list[dict[str, Any]] = RULES) -> None:
    from tests.integration.helpers import publish_rules as publish

    publish(settings, rules)


def create_topics(settings: Settings) -> None:
    from streams.kafka import create_topics as create

    run(create(settings))


def _group_members(pgid: int) -> list[int]:
    """Live (non-zombie) processes of a process group, read from /proc."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, IndexError, ValueError):
            stat = (entry / "stat").read_text()
            fields = stat[stat.rindex(")") + 2:].split()
            if int(fields[2]) == pgid and fields[0] != "Z":
                members.append(int(entry.name))
    return members


def group_gone(pgid: int | None, timeout: float = 5.0) -> bool:
    """True once no live process is left in the group (a killed pool process takes a moment to be reaped)."""
    deadline = time.monotonic() + timeout
    while pgid is not None and _group_members(pgid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


class Processes:
    """Registry of the workers and brokers a module starts; `cleanup()` kills the survivors by process group."""

    def __init__(self, module: str) -> None:
        self.module = module
        self.workers: list[WorkerProcess] = []
        self.brokers: list[EmbeddedBroker] = []
        self.groups: set[int] = set()
        self.logs: set[str] = set()

    def _log_name(self, name: str) -> str:
        """`rel-<module>-<name>.log`, numbered when a test of the same module already used the name (two tests
        that both start a worker "a" keep both logs for the post-mortem of a failure)."""
        stem, n = f"rel-{self.module}-{name}", 1
        while (f"{stem}-{n}" if n > 1 else stem) in self.logs:
            n += 1
        chosen = f"{stem}-{n}" if n > 1 else stem
        self.logs.add(chosen)
        return f"{chosen}.log"

    def worker(self, settings: Settings, name: str) -> WorkerProcess:
        process = WorkerProcess(settings, log_path=ARTIFACTS / self._log_name(name))
        log = process.log_path
        if log is not None and log.exists():
            log.unlink()
        process.start()
        self.workers.append(process)
        assert process.pid is not None
        self.groups.add(process.pid)
        return process

    def broker(self, port: int = 0, name: str = "broker") -> EmbeddedBroker:
        broker = EmbeddedBroker(port=port, log_path=str(ARTIFACTS / self._log_name(name))).start()
        self.brokers.append(broker)
        assert broker.process is not None
        self.groups.add(broker.process.pid)
        return broker

    def leftovers(self) -> dict[int, list[int]]:
        return {pgid: members for pgid in self.groups if (members := _group_members(pgid))}

    def cleanup(self) -> dict[int, list[int]]:
        """Stop everything (bounded), then report and SIGKILL any process still alive in a group we created."""
        for worker in self.workers:
            with contextlib.suppress(Exception):
                worker.stop(grace=10)
        for broker in self.brokers:
            with contextlib.suppress(Exception):
                broker.stop()
        deadline = time.monotonic() + 5
        left = self.leftovers()
        while left and time.monotonic() < deadline:
            time.sleep(0.2)
            left = self.leftovers()
        for pgid in left:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pgid, signal.SIGKILL)
        return left


@pytest.fixture(scope="module")
def processes(request: pytest.FixtureRequest) -> Iterator[Processes]:
    """Start workers/brokers through this; after the module nothing of theirs may still run."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    registry = Processes(request.module.__name__.rsplit(".", 1)[-1])
    try:
        yield registry
    finally:
        left = registry.cleanup()
    assert not left, f"processes left behind after {registry.module}: {left}"


def ids_of(values: list[dict[str, Any]]) -> list[str]:
    return [v["id"] for v in values]


def log_lines(worker: WorkerProcess) -> list[dict[str, Any]]:
    """The worker's JSON log lines (non-JSON lines, e.g. a traceback on stderr, come back as {"raw": line})."""
    assert worker.log_path is not None
    lines = []
    for line in worker.log_path.read_text(errors="replace").splitlines():
        try:
            lines.append(orjson.loads(line))
        except orjson.JSONDecodeError:
            lines.append({"raw": line})
    return lines


Record = tuple[bytes | None, bytes | None]


async def _send(settings: Settings, topic: str, items: list[Record]) -> list[tuple[int, int]]:
    from streams.kafka import producer

    client = producer(settings)
    await client.start()
    try:
        futures = [await client.send(topic, key=key, value=value) for key, value in items]
        return [(meta.partition, meta.offset) for meta in await asyncio.gather(*futures)]
    finally:
        await client.stop()


def send(settings: Settings, topic: str, items: list[Record]) -> list[tuple[int, int]]:
    """Produce and return the (partition, offset) of every record, in order: the per-message marker of the tests."""
    return run(_send(settings, topic, items))


FIGURES = ARTIFACTS / "reliability-figures.json"


def record(name: str, **figures: Any) -> None:
    """Keep a measured figure (takeover time, shutdown time, counts) for docs/reliability.md."""
    data = orjson.loads(FIGURES.read_bytes()) if FIGURES.exists() else {}
    data[name] = figures
    FIGURES.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
