"""Start a `newswatch worker` as a child process and stop it within a bounded time (dev, tests, benchmarks)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from streams.config import Settings, settings_env


@dataclass
class WorkerProcess:
    """A worker child process in its own process group, killed by pid when it does not stop in time."""

    settings: Settings
    log_path: Path | None = None
    process: subprocess.Popen | None = field(default=None, init=False, repr=False)

    def start(self) -> WorkerProcess:
        env = {**os.environ, **settings_env(self.settings), "PYTHONUNBUFFERED": "1"}
        env.pop("NEWSWATCH_CONFIG", None)
        out = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streams", "worker"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        return self

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.settings.web_port}{path}"

    def wait_ready(self, timeout: float = 120.0) -> None:
        """Poll /readyz until the worker has loaded its models and got partitions; raise if it dies or times out."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                raise RuntimeError(f"worker exited with code {self.process.returncode if self.process else None}")
            with contextlib.suppress(OSError), urllib.request.urlopen(self.url("/readyz"), timeout=2) as response:
                if response.status == 200:
                    return
            time.sleep(0.5)
        raise TimeoutError(f"worker not ready after {timeout:.0f}s")

    def kill(self) -> None:
        """SIGKILL the whole process group (simulates a crash)."""
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self, grace: float = 10.0) -> float:
        """SIGTERM, then SIGKILL after `grace` seconds; return how long the stop took."""
        started = time.monotonic()
        proc = self.process
        if proc is None or proc.poll() is not None:
            return 0.0
        # SIGTERM the worker only: signalled as a group, the enrichment pool's processes would die first and the
        # worker would take that for a crash (rebuild the pool, re-run the batch) instead of shutting down.
        with contextlib.suppress(ProcessLookupError):
            os.kill(proc.pid, signal.SIGTERM)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            self.kill()
        # the enrichment pool's processes live in the same group: make sure none is left
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        return time.monotonic() - started
