"""Run the CPU-bound enrichment off the event loop: in a process pool whose processes load the models once.

`processes=0` runs in a thread of the worker process instead (lower memory, for tests and tiny deployments).
A pool that breaks (a process killed by the OOM killer, a segfault in a native library) is rebuilt, and the batch is
retried article by article so that one poison message goes to the dead-letter topic instead of looping forever.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import signal
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from streams.config import Settings
from streams.enrich.pipeline import Enricher, Incoming, Outcome, reject

log = logging.getLogger(__name__)

_enricher: Enricher | None = None


def _init_process(settings: Settings) -> None:
    global _enricher
    _enricher = Enricher(settings)
    _enricher.warm_up()


def _init_child(settings: Settings) -> None:
    """Pool processes ignore SIGINT/SIGTERM: a signal sent to the whole process group (Ctrl-C, systemd, a container
    stop) must reach the worker, which finishes its batch and shuts the pool down, not kill the pool under it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _init_process(settings)


def _enrich(batch: list[Incoming]) -> list[Outcome]:
    assert _enricher is not None, "process initializer did not run"
    return _enricher.enrich_batch(batch)


def _model_load_seconds() -> dict[str, float]:
    from streams.enrich.nlp import MODEL_LOAD_SECONDS

    return dict(MODEL_LOAD_SECONDS)


class RunnerStopped(RuntimeError):
    """Raised for a batch submitted after shutdown began."""


class EnrichmentRunner:
    """Owns the executor; `await runner.run(batch)` returns one Outcome per message."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.processes = max(0, settings.enrich_processes)
        self._executor: Executor | None = None
        self._ready = asyncio.Event()
        self._starting: asyncio.Future[None] | None = None
        self._stopped = False
        self._isolating = asyncio.Lock()  # concurrent agent instances must not rebuild the pool under each other
        self.model_load_seconds: dict[str, float] = {}

    @property
    def stopped(self) -> bool:
        return self._stopped

    def terminate(self) -> None:
        """Kill the pool's processes now (they ignore SIGTERM; used by a worker that is exiting)."""
        executor, self._executor = self._executor, None
        if isinstance(executor, ProcessPoolExecutor):
            for process in list(getattr(executor, "_processes", {}).values()):  # CPython keeps no public handle
                process.kill()
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)

    @property
    def ready(self) -> bool:
        return self._ready.is_set()

    def _new_executor(self) -> Executor:
        if self.processes == 0:
            _init_process(self.settings)
            return ThreadPoolExecutor(max_workers=1, thread_name_prefix="enrich")
        return ProcessPoolExecutor(
            max_workers=self.processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_child,
            initargs=(self.settings,),
        )

    async def start(self) -> None:
        """Create the executor and load the models in every process, once (readiness waits for this)."""
        if self._starting is None:
            self._starting = asyncio.ensure_future(self._start())
        await asyncio.shield(self._starting)

    async def _start(self) -> None:
        loop = asyncio.get_running_loop()
        if self.processes == 0:
            self._executor = await loop.run_in_executor(None, self._new_executor)
        else:
            self._executor = self._new_executor()
        warmups = [loop.run_in_executor(self._executor, _model_load_seconds) for _ in range(max(1, self.processes))]
        for seconds in await asyncio.gather(*warmups):
            self.model_load_seconds.update(seconds)
        self._ready.set()
        log.info("enrichment ready", extra={"processes": self.processes, "models": self.model_load_seconds})

    async def run(self, batch: list[Incoming]) -> list[Outcome]:
        if self._stopped:
            raise RunnerStopped("the worker is shutting down; this batch will be re-read by the next owner")
        await self.start()
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._executor, _enrich, batch)
        except BrokenProcessPool:
            log.error("enrichment process died; rebuilding the pool and isolating the batch article by article")
            return await self._run_isolated(batch)

    async def _run_isolated(self, batch: list[Incoming]) -> list[Outcome]:
        async with self._isolating:
            return await self._isolate(batch)

    async def _isolate(self, batch: list[Incoming]) -> list[Outcome]:
        loop = asyncio.get_running_loop()
        outcomes: list[Outcome] = []
        for incoming in batch:
            self._rebuild()
            try:
                outcomes.extend(await loop.run_in_executor(self._executor, _enrich, [incoming]))
            except BrokenProcessPool:
                reason = "the enrichment process died while processing this article"
                outcomes.append(reject(incoming, "EnrichmentCrash", reason, None, self.settings))
        self._rebuild()
        return outcomes

    def _rebuild(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._new_executor()

    async def stop(self) -> None:
        """Refuse new batches; the one in flight finishes in the pool (running work is not cancelled)."""
        self._stopped = True
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
