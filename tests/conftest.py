"""Shared fixtures: paths to the samples, the real broker (Tansu) and a real worker, each bounded and killed by pid."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from streams.config import Settings, load_settings
from streams.devbroker import EmbeddedBroker, free_port

ROOT = Path(__file__).resolve().parent.parent


def find_samples() -> Path | None:
    """The read-only shared samples: NEWSWATCH_SAMPLES, else ../shared beside the clone (CI), else /work/shared."""
    for candidate in (os.environ.get("NEWSWATCH_SAMPLES"), ROOT.parent / "shared" / "samples",
                      Path("/work/shared/samples")):
        if candidate and Path(candidate, "raw", "seed-fr-0001.json").is_file():
            return Path(candidate)
    return None


def samples_or_skip() -> Path:
    """For test modules that read the samples at import time."""
    found = find_samples()
    if found is None:
        pytest.skip("shared/samples not found (set NEWSWATCH_SAMPLES)", allow_module_level=True)
    return found


SAMPLES = find_samples() or ROOT.parent / "shared" / "samples"
SEED_PATH = ROOT / "examples" / "articles" / "seed-fr-0001.json"
ARTIFACTS = ROOT / ".newswatch" / "test-logs"
# The minimal rule file of the watchlists issue: all four rules must fire on the seed.
MINIMAL_RULES = """
rules:
  - id: yang-jiechi
    kind: actor
    name: Yang Jiechi
  - id: putin
    kind: actor
    name: Vladimir Putin          # the shipped alias table lets "Poutine" match too
  - id: sanctions
    kind: keyword
    terms: [sanction]
    inflections: true             # sanctions, sanctionné…
  - id: sullivan-on-sanctions
    kind: quoted
    actor: Jake Sullivan
    about: [sanctions]
"""


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    if not SAMPLES.is_dir():
        pytest.fail(f"shared samples not found at {SAMPLES}; set NEWSWATCH_SAMPLES")
    return SAMPLES


@pytest.fixture(scope="session")
def seed_raw() -> dict[str, Any]:
    return orjson.loads(SEED_PATH.read_bytes())


@pytest.fixture(scope="session")
def seed_gold(samples_dir: Path) -> dict[str, Any]:
    return orjson.loads((samples_dir / "gold" / "seed-fr-0001.gold.json").read_bytes())


@pytest.fixture(scope="session")
def broker() -> Iterator[EmbeddedBroker]:
    """A real Kafka-protocol broker for the whole session, on a free port; stopped (SIGKILL if needed) at the end."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    embedded = EmbeddedBroker(log_path=str(ARTIFACTS / "broker.log")).start()
    try:
        yield embedded
    finally:
        embedded.stop()


def make_settings(broker: EmbeddedBroker, **changes: Any) -> Settings:
    """Settings for a test: short group session (Tansu finishes the first join after half of it), free web port."""
    base = load_settings(environ={}, broker=broker.url, session_timeout=10.0, web_port=free_port(),
                         batch_window=0.2, log_format="json")
    return base.replace(**changes)


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def wait_for(predicate: Any, timeout: float, interval: float = 0.2) -> Any:
    """Poll `predicate` until it returns a truthy value; fail the test after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout:.0f}s")
