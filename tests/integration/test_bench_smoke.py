"""Smoke run of `newswatch bench` (the benchmark must keep working; no timing is asserted — figures are only
reported, see README "Performance")."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import orjson

REQUIRED = ("baseline_aps", "baseline2_aps", "offline_aps", "e2e_aps", "e2e2_aps", "ratio", "ratio_2", "p99_alert_ms",
            "rss_mb", "match_ms_100k")


def test_bench_quick_prints_the_json_summary() -> None:
    process = subprocess.Popen([sys.executable, "-m", "streams", "bench", "--quick", "--articles", "8"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = process.communicate(timeout=420)
    finally:
        if process.poll() is None:  # bounded: SIGINT lets the bench stop its broker and workers (finally blocks)
            os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    assert process.returncode == 0, err.decode(errors="replace")[-2000:]
    summary = orjson.loads(out.decode().strip().splitlines()[-1])
    for key in REQUIRED:
        assert isinstance(summary[key], (int, float)) and summary[key] > 0, key
    assert summary["articles"] == 8 and summary["model"] == "fr_core_news_md"
    assert set(summary["cpu_ms_per_article"]) == {"1", "2"}
