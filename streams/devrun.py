"""`newswatch dev`: embedded broker + worker + sample articles + sample watchlist, alerts printed as they arrive."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from rich.console import Console

from streams.brokerwatch import EXIT_BROKER_LOST
from streams.config import Settings
from streams.devbroker import EmbeddedBroker, free_port
from streams.kafka import consumer, create_topics, producer
from streams.process import WorkerProcess
from streams.render import print_message
from streams.sources import expand, read_records
from streams.topics import decode, encode

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SAMPLES = [PROJECT_ROOT / "examples" / "articles", PROJECT_ROOT / "tests" / "data" / "raw"]
DEFAULT_WATCHLIST = PROJECT_ROOT / "examples" / "watchlist.yaml"


async def publish_rules(settings: Settings, watchlist: Path) -> int:
    from streams.watch.rules import load_rules

    rules = load_rules(watchlist)
    client = producer(settings)
    await client.start()
    try:
        for rule in rules:
            await client.send_and_wait(settings.topic_watchlists, key=rule.id.encode(), value=encode(rule.to_dict()))
    finally:
        await client.stop()
    return len(rules)


async def publish_files(settings: Settings, paths: list[Path]) -> int:
    client = producer(settings)
    await client.start()
    count = 0
    try:
        for path in expand(paths):
            for record in read_records(path):
                await client.send_and_wait(settings.topic_raw, key=record.key, value=record.payload)
                count += 1
    finally:
        await client.stop()
    return count


class Supervisor:
    """Keeps `newswatch dev` going when its memory broker dies: an empty broker comes back on the same port, the
    worker notices the lost log and exits with EXIT_BROKER_LOST, and a fresh worker replaces it (topics and the
    sample rules re-created first)."""

    def __init__(self, broker: EmbeddedBroker, settings: Settings, watchlist: Path, console: Console,
                 log_path: Path) -> None:
        self.broker, self.settings, self.watchlist, self.console = broker, settings, watchlist, console
        self.log_path = log_path
        self.worker: WorkerProcess | None = None
        self.restarts = 0

    def start_worker(self) -> WorkerProcess:
        self.worker = WorkerProcess(self.settings, log_path=self.log_path).start()
        return self.worker

    async def tick(self) -> bool:
        """Restart what died; True when the broker's log was lost (readers must start over from the beginning)."""
        lost = False
        if not self.broker.alive():
            self.console.print("[yellow]broker[/] died; starting an empty one on the same port "
                               "(memory store: topics, offsets and rules are gone)")
            self.broker.start()
            lost = True
        worker = self.worker
        if worker is not None and worker.process is not None and worker.process.poll() == EXIT_BROKER_LOST:
            self.console.print("[yellow]worker[/] exited: the broker lost its log; re-creating topics and rules, "
                               "starting a fresh worker")
            await create_topics(self.settings)
            await publish_rules(self.settings, self.watchlist)
            self.start_worker()
            self.restarts += 1
            lost = True
        return lost


async def follow(settings: Settings, console: Console, expected: int, once: bool, deadline: float,
                 tick: Callable[[], Awaitable[bool]] | None = None) -> tuple[int, int]:
    """Print enriched/dlq/alert messages; with `once`, return when every sample is accounted for and alerts settle.
    `tick` runs between polls; when it reports a lost broker log, reading starts over from the beginning."""
    kinds = {settings.topic_enriched: "enriched", settings.topic_dlq: "dlq", settings.topic_alerts: "alerts"}
    client = consumer(settings, *kinds, auto_offset_reset="earliest", group_id=None)
    await client.start()
    done = alerts = 0
    last_activity = time.monotonic()
    try:
        while time.monotonic() < deadline:
            if tick is not None and await tick():
                await client.seek_to_beginning()  # positions of the lost log are past the end of the new one
            batches = await client.getmany(timeout_ms=500)
            for partition, messages in batches.items():
                kind = kinds[partition.topic]
                for message in messages:
                    last_activity = time.monotonic()
                    print_message(console, kind, decode(message.value))
                    if kind == "alerts":
                        alerts += 1
                    elif decode(message.value).get("agent", "enrich") == "enrich":
                        done += 1
            if once and done >= expected and time.monotonic() - last_activity > 3.0:
                return done, alerts
    finally:
        await client.stop()
    return done, alerts


def run_dev(settings: Settings, samples: list[Path], watchlist: Path, once: bool, timeout: float,
            console: Console, workdir: Path) -> int:
    """Run everything; return the process exit code."""
    workdir.mkdir(parents=True, exist_ok=True)
    broker = EmbeddedBroker(log_path=str(workdir / "broker.log"))
    supervisor: Supervisor | None = None
    try:
        with console.status("starting the embedded Kafka-protocol broker (Tansu)…"):
            broker.start()
        console.print(f"[green]broker[/] listening on [bold]{broker.bootstrap}[/]")
        settings = settings.replace(broker=broker.url, web_port=free_port(), session_timeout=10.0)
        asyncio.run(create_topics(settings))
        supervisor = Supervisor(broker, settings, watchlist, console, workdir / "worker.log")
        worker = supervisor.start_worker()
        console.print(f"[green]worker[/] pid {worker.pid}, logs in {workdir / 'worker.log'}, "
                      f"web on http://127.0.0.1:{settings.web_port}")
        with console.status("loading models and joining the consumer group…"):
            worker.wait_ready(timeout=min(timeout, 150))
        rules = asyncio.run(publish_rules(settings, watchlist))
        console.print(f"[green]watchlist[/] {rules} rule(s) from {watchlist}")
        produced = asyncio.run(publish_files(settings, samples))
        console.print(f"[green]produced[/] {produced} sample article(s) to {settings.topic_raw}")
        deadline = time.monotonic() + timeout
        done, alerts = asyncio.run(follow(settings, console, produced, once, deadline, supervisor.tick))
        if once and done < produced:
            console.print(f"[red]error:[/] only {done} of {produced} articles processed within {timeout:.0f}s")
            return 1
        console.print(f"[bold]{done} article(s) processed, {alerts} alert(s)[/]")
        return 0
    except KeyboardInterrupt:
        console.print("[yellow]interrupted[/]")
        return 0
    finally:
        with console.status("stopping worker and broker…"):
            if supervisor is not None and supervisor.worker is not None:
                supervisor.worker.stop()
            broker.stop()
