"""`newswatch bench`: throughput and latency of the pipeline against bare spaCy, in one process tree.

Measured on the same texts, in this order:
1. baseline: bare ``nlp.pipe`` of the French model (same components as the pipeline) → ``baseline_aps``;
   and ``nlp.pipe(n_process=2)`` → ``baseline2_aps``;
2. offline ``Enricher.enrich_batch`` (what ``newswatch enrich`` runs) → ``offline_aps``;
3. end to end through the embedded broker: produce to the raw topic, consume enriched articles and alerts, with one
   worker (1 enrichment process) → ``e2e_aps``, then 2 enrichment processes → ``e2e2_aps``; raw→enriched and raw→alert
   latency percentiles at a fixed offered load (50 % of the measured maximum);
4. watchlist matching cost per article at 100 and 100 000 rules → ``match_ms_100k``.
The last line printed is a JSON summary. Nothing here asserts timings: figures are for comparison between runs.
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import orjson

from streams.config import Settings, load_settings
from streams.devbroker import EmbeddedBroker, free_port

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = Path(os.environ.get("NEWSWATCH_SAMPLES", ROOT.parent / "shared" / "samples"))
WORDS_PER_ARTICLE = 500
BENCH_RULES = [
    {"id": "bench-china", "kind": "actor", "name": "China"},
    {"id": "bench-russia", "kind": "actor", "name": "Russia"},
    {"id": "bench-france", "kind": "actor", "name": "France"},
    {"id": "bench-sanctions", "kind": "keyword", "terms": ["sanction"], "inflections": True},
    {"id": "bench-any-word", "kind": "keyword", "terms": ["le", "la", "les", "des"]},
]


@dataclass
class Corpus:
    raw: list[dict[str, Any]]  # raw messages (ids unique)
    texts: list[str]  # the cleaned texts the pipeline hands to spaCy, same order
    sources: list[str]
    distinct: int  # the first `distinct` messages hold every distinct text (the rest repeat them)


def _french_texts() -> tuple[list[str], list[str]]:
    """Cleaned bodies of the real French articles we have: the seed and the French pages of the shared samples."""
    from streams.enrich.clean import clean_text, extract_html

    seed = orjson.loads((ROOT / "examples" / "articles" / "seed-fr-0001.json").read_bytes())
    bodies, sources = [clean_text(seed["text"], seed["title"])], ["seed-fr-0001"]
    pages = SAMPLES / "pages"
    for name in ("franceculture.fr.idees.html", "laviedesidees.fr.evaluation.html", "soundofscience.fr.1927.html"):
        if (pages / name).is_file():
            bodies.append(extract_html((pages / name).read_text(encoding="utf-8", errors="replace")).text)
            sources.append(name)
    return bodies, sources


def _chunks(text: str, words: int) -> list[str]:
    """Split a body into pieces of about `words` words on paragraph boundaries (so each is a plausible article)."""
    pieces, current, count = [], [], 0
    for paragraph in text.split("\n\n"):
        current.append(paragraph)
        count += len(paragraph.split())
        if count >= words:
            pieces.append("\n\n".join(current))
            current, count = [], 0
    if count >= words // 3:
        pieces.append("\n\n".join(current))
    return pieces


def build_corpus(n: int) -> Corpus:
    """`n` raw French articles of ~500 words, cut from real articles, repeated with unique ids as needed."""
    from streams.enrich.clean import clean_text

    bodies, sources = _french_texts()
    pieces = [(piece, source) for body, source in zip(bodies, sources, strict=True) for piece in _chunks(body, 500)]
    raw, texts, origin = [], [], []
    for index in range(n):
        piece, source = pieces[index % len(pieces)]
        title = f"Article {index} ({source})"
        raw.append({"id": f"bench-{index:06d}", "title": title, "text": piece, "source": source})
        texts.append(clean_text(piece, title))
        origin.append(source)
    return Corpus(raw, texts, origin, min(n, len(pieces)))


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def _peak_rss_mb_self() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _group_members(pgid: int) -> list[Path]:
    """/proc entries of the live processes of a process group (the worker and its enrichment processes)."""
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getpgid(int(entry.name)) == pgid:
                    members.append(entry)
            except (OSError, ProcessLookupError):
                continue
    return members


def _group_peak_rss_mb(pgid: int) -> dict[int, float]:
    """Peak RSS (VmHWM) of every live process of a process group, by pid."""
    peaks: dict[int, float] = {}
    for entry in _group_members(pgid):
        try:
            for line in (entry / "status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peaks[int(entry.name)] = int(line.split()[1]) / 1024
        except OSError:
            continue
    return peaks


def _group_cpu_seconds(pgid: int) -> dict[int, float]:
    """CPU seconds (user + system) used so far by every live process of a process group, by pid."""
    tick = os.sysconf("SC_CLK_TCK")
    used: dict[int, float] = {}
    for entry in _group_members(pgid):
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            used[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick  # utime, stime
        except (OSError, IndexError, ValueError):
            continue
    return used


def _cpu_snapshot(worker_pid: int, broker_pid: int) -> dict[str, Any]:
    times = os.times()
    return {"group": _group_cpu_seconds(worker_pid), "broker": _group_cpu_seconds(broker_pid),
            "client": times.user + times.system}


def _cpu_ms_per_article(before: dict[str, Any], after: dict[str, Any], worker_pid: int, n: int) -> dict[str, float]:
    """CPU milliseconds per article: the worker's event-loop process ("main"), each enrichment process (busiest
    first; the idle multiprocessing resource tracker is left out), the broker and this process (producer/consumer)."""
    spent = {pid: cpu - before["group"].get(pid, 0.0) for pid, cpu in after["group"].items()}
    children = sorted((cpu for pid, cpu in spent.items() if pid != worker_pid), reverse=True)
    out = {"main": spent.get(worker_pid, 0.0)}
    out.update({f"enrich{i + 1}": cpu for i, cpu in enumerate(children) if cpu > 0.05})
    out["broker"] = sum(after["broker"].values()) - sum(before["broker"].values())
    out["client"] = after["client"] - before["client"]
    return {k: round(v * 1000 / n, 2) for k, v in out.items()}


# -- 1 and 2: in-process measurements ---------------------------------------------------------------------------
def measure_baseline(model: str, texts: list[str], batch_size: int, say: Callable[[str], None],
                     offline: Callable[[], float] | None = None, rounds: int = 1) -> dict[str, float]:
    """Bare nlp.pipe, one and two processes. With `offline`, the one-process baseline and the offline pipeline run
    alternately `rounds` times and each keeps its best: on a noisy machine a single run of either can be 10 % off."""
    from streams.enrich.nlp import UNUSED_COMPONENTS, load_model

    load_s, nlp = _timed(lambda: load_model(model))
    list(nlp.pipe(texts[:2]))  # warm-up
    runs, offline_runs = [], []
    for _ in range(max(1, rounds)):
        one_s, _ = _timed(lambda: list(nlp.pipe(texts, batch_size=batch_size)))
        runs.append(len(texts) / one_s)
        if offline is not None:
            offline_runs.append(offline())
    tried = f" (best of {', '.join(f'{r:.1f}' for r in runs)})" if len(runs) > 1 else ""
    say(f"baseline  nlp.pipe({model}, components={nlp.pipe_names}) {max(runs):7.1f} articles/s{tried}")
    runs2 = [len(texts) / _timed(lambda: list(nlp.pipe(texts, batch_size=batch_size, n_process=2)))[0]
             for _ in range(max(1, rounds))]  # best of `rounds`, as the end-to-end figures are
    tried = f", best of {', '.join(f'{r:.1f}' for r in runs2)}" if len(runs2) > 1 else ""
    say(f"baseline2 nlp.pipe(n_process=2)                          {max(runs2):7.1f} articles/s "
        f"(includes forking the 2 processes{tried})")
    out = {"baseline_aps": max(runs), "baseline2_aps": max(runs2), "model_load_s": load_s,
           "excluded_components": list(UNUSED_COMPONENTS)}
    if offline_runs:
        out["offline_aps"] = max(offline_runs)
        tried = f" (best of {', '.join(f'{r:.1f}' for r in offline_runs)})" if len(offline_runs) > 1 else ""
        say(f"offline   Enricher.enrich_batch{'':>26}{max(offline_runs):7.1f} articles/s{tried}")
    return out


def measure_offline(settings: Settings, corpus: Corpus, say: Callable[[str], None],
                    label: str = "offline   Enricher.enrich_batch") -> tuple[float, dict[str, Any]]:
    from streams.enrich.pipeline import Enricher, Incoming

    enricher = Enricher(settings)
    enricher.warm_up()
    messages = [Incoming(orjson.dumps(raw)) for raw in corpus.raw]
    enricher.enrich_batch(messages[:2])

    def run_all() -> list[Any]:
        out = []
        for start in range(0, len(messages), settings.batch_size):
            out.extend(enricher.enrich_batch(messages[start:start + settings.batch_size]))
        return out

    seconds, outcomes = _timed(run_all)
    failed = sum(1 for o in outcomes if o.enriched is None)
    say(f"{label:<59}{len(messages) / seconds:7.1f} articles/s"
        + (f" ({failed} dead letters!)" if failed else ""))
    seed = orjson.loads((ROOT / "examples" / "articles" / "seed-fr-0001.json").read_bytes())
    return len(messages) / seconds, enricher.enrich_message(seed)


# -- 3: end to end through the broker -----------------------------------------------------------------------------
class Flow:
    """Produces raw articles and records when each article's enriched message and first alert arrive."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.sent: dict[str, float] = {}
        self.enriched: dict[str, float] = {}
        self.alerted: dict[str, float] = {}
        self.dead: dict[str, float] = {}

    async def consume(self, stop: asyncio.Event) -> None:
        from streams.kafka import consumer

        s = self.settings
        client = consumer(s, s.topic_enriched, s.topic_alerts, s.topic_dlq, group_id=None,
                          auto_offset_reset="latest")
        await client.start()
        try:
            await client.seek_to_end()
            while not stop.is_set():
                batches = await client.getmany(timeout_ms=100)
                now = time.perf_counter()
                for tp, messages in batches.items():
                    for message in messages:
                        if tp.topic == s.topic_alerts:
                            article_id = orjson.loads(message.value)["article"]["id"]
                            self.alerted.setdefault(article_id, now)
                        elif tp.topic == s.topic_enriched:
                            self.enriched.setdefault(message.key.decode(), now)
                        else:
                            self.dead.setdefault((message.key or b"").decode(), now)
        finally:
            await client.stop()

    async def produce(self, messages: list[dict[str, Any]], rate: float | None) -> None:
        from streams.kafka import producer

        client = producer(self.settings, linger_ms=0 if rate else 5)
        await client.start()
        try:
            started = time.perf_counter()
            for index, message in enumerate(messages):
                if rate:
                    delay = started + index / rate - time.perf_counter()
                    if delay > 0:
                        await asyncio.sleep(delay)
                key = message["id"]
                future = await client.send(self.settings.topic_raw, key=key.encode(), value=orjson.dumps(message))
                self.sent[key] = time.perf_counter()
                if rate:
                    await future
            await client.flush()
        finally:
            await client.stop()

    async def run(self, messages: list[dict[str, Any]], rate: float | None, timeout: float) -> float:
        """Send `messages` (as fast as possible, or at `rate`/s) and wait until all are enriched; return the span."""
        stop = asyncio.Event()
        reader = asyncio.create_task(self.consume(stop))
        await asyncio.sleep(1.0)  # let the consumer reach the end of the topics
        ids = [m["id"] for m in messages]
        first = time.perf_counter()
        await self.produce(messages, rate)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not all(i in self.enriched or i in self.dead for i in ids):
            await asyncio.sleep(0.1)
        last = max((self.enriched.get(i, 0.0) for i in ids), default=first)
        await asyncio.sleep(1.0)  # alerts trail the enriched messages slightly
        stop.set()
        await reader
        missing = [i for i in ids if i not in self.enriched and i not in self.dead]
        if missing:
            raise RuntimeError(f"{len(missing)} of {len(ids)} articles not enriched within {timeout:.0f}s")
        return last - first

    def latencies(self, ids: list[str]) -> tuple[list[float], list[float]]:
        enriched = [(self.enriched[i] - self.sent[i]) * 1000 for i in ids if i in self.enriched and i in self.sent]
        alerted = [(self.alerted[i] - self.sent[i]) * 1000 for i in ids if i in self.alerted and i in self.sent]
        return enriched, alerted


def _relabel(raw: list[dict[str, Any]], prefix: str) -> list[dict[str, Any]]:
    return [{**m, "id": f"{prefix}-{m['id']}"} for m in raw]


def measure_end_to_end(base: Settings, corpus: Corpus, processes: list[int], latency_seconds: float,
                       say: Callable[[str], None], workdir: Path, repeats: int = 1) -> dict[str, Any]:
    from streams.kafka import create_topics
    from streams.process import WorkerProcess

    results: dict[str, Any] = {"e2e": {}}
    workdir.mkdir(parents=True, exist_ok=True)
    with EmbeddedBroker(log_path=str(workdir / "bench-broker.log")) as broker:
        for count in processes:
            settings = base.replace(broker=broker.url, app_id=f"newswatch-bench-{count}", web_port=free_port(),
                                    enrich_processes=count, session_timeout=10.0, batch_window=0.1,
                                    log_level="WARNING", duplicate_alerts="mark")  # the corpus repeats texts
            asyncio.run(create_topics(settings))
            asyncio.run(_publish_rules(settings))
            worker = WorkerProcess(settings, log_path=workdir / f"bench-worker-{count}.log").start()
            try:
                worker.wait_ready(timeout=180)
                flow = Flow(settings)
                # The baseline and offline runs are measured warm (best of alternating runs in one process); a fresh
                # enrichment process is ~10 % slower on texts it has not seen yet (spaCy's vocabulary and the
                # allocator grow), so the worker gets one pass over the distinct texts before it is timed.
                asyncio.run(flow.run(_relabel(corpus.raw[:corpus.distinct], f"warm{count}"), None, 300))
                broker_pid = broker.process.pid if broker.process else 0
                runs = []  # best of `repeats` runs, as the baseline and offline figures are
                for attempt in range(repeats):
                    cpu_before = _cpu_snapshot(worker.pid or 0, broker_pid)
                    span = asyncio.run(flow.run(_relabel(corpus.raw, f"max{count}-{attempt}"), None, 600))
                    cpu = _cpu_ms_per_article(cpu_before, _cpu_snapshot(worker.pid or 0, broker_pid),
                                              worker.pid or 0, len(corpus.raw))
                    runs.append((len(corpus.raw) / span, cpu))
                aps, cpu = max(runs, key=lambda run: run[0])
                entry: dict[str, Any] = {"aps": aps, "cpu_ms_per_article": cpu}
                tries = f" (best of {', '.join(f'{a:.1f}' for a, _ in runs)})" if repeats > 1 else ""
                say(f"e2e       broker → worker ({count} enrichment process{'es' if count > 1 else ''})"
                    f"{'':>10}{aps:7.1f} articles/s{tries}; CPU ms/article "
                    f"{', '.join(f'{name} {ms:.1f}' for name, ms in cpu.items())}")
                if count == processes[0] and latency_seconds > 0:
                    rate = max(0.5, aps / 2)
                    n = max(10, int(rate * latency_seconds))
                    batch = _relabel((corpus.raw * (n // len(corpus.raw) + 1))[:n], f"lat{count}")
                    batch = [{**m, "id": f"{m['id']}-{i}"} for i, m in enumerate(batch)]
                    asyncio.run(flow.run(batch, rate, 300))
                    enriched, alerted = flow.latencies([m["id"] for m in batch])
                    entry["latency"] = {
                        "offered_aps": rate, "messages": n,
                        **{f"p{q}_enriched_ms": _percentile(enriched, q) for q in (50, 95, 99)},
                        **{f"p{q}_alert_ms": _percentile(alerted, q) for q in (50, 95, 99)},
                        "alerts_seen": len(alerted),
                    }
                    lat = entry["latency"]
                    say(f"latency   at {rate:.1f} articles/s offered ({n} articles): raw→enriched p50/p95/p99 "
                        f"{lat['p50_enriched_ms']:.0f}/{lat['p95_enriched_ms']:.0f}/{lat['p99_enriched_ms']:.0f} ms, "
                        f"raw→alert {lat['p50_alert_ms']:.0f}/{lat['p95_alert_ms']:.0f}/{lat['p99_alert_ms']:.0f} ms")
                peaks = _group_peak_rss_mb(worker.pid or 0)
                entry["rss_mb"] = {str(pid): round(mb, 1) for pid, mb in sorted(peaks.items())}
                say(f"rss       worker process tree peak RSS (MB): "
                    f"{', '.join(f'{mb:.0f}' for mb in sorted(peaks.values(), reverse=True))}")
                results["e2e"][str(count)] = entry
            finally:
                worker.stop(grace=10)
    return results


async def _publish_rules(settings: Settings) -> None:
    from streams.kafka import producer

    client = producer(settings)
    await client.start()
    try:
        for rule in BENCH_RULES:
            await client.send_and_wait(settings.topic_watchlists, key=rule["id"].encode(), value=orjson.dumps(rule))
    finally:
        await client.stop()


# -- the whole run -----------------------------------------------------------------------------------------------
def run(quick: bool = False, articles: int | None = None, say: Callable[[str], None] = print,
        settings: Settings | None = None) -> dict[str, Any]:
    from streams.benchmarks import matching

    settings = settings or load_settings()
    n = articles or (48 if quick else 320)
    say(f"machine   {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {n} French articles of ~{WORDS_PER_ARTICLE} words, batch {settings.batch_size}")
    corpus = build_corpus(n)
    say(f"corpus    cut from: {', '.join(sorted(set(corpus.sources)))}")
    model = settings.models["fr"]
    summary: dict[str, Any] = {"articles": n, "quick": quick, "model": model, "cores": os.cpu_count()}
    seed_enriched: dict[str, Any] = {}

    def offline() -> float:
        aps, enriched = measure_offline(settings, corpus, lambda _: None)
        seed_enriched.update(enriched)
        return aps

    summary.update(measure_baseline(model, corpus.texts, settings.batch_size, say, offline, 1 if quick else 2))
    other = "all" if settings.parse_scope == "cues" else "cues"  # the parser everywhere vs only where quotes need it
    summary[f"offline_{other}_aps"], _ = measure_offline(replace(settings, parse_scope=other), corpus, say,
                                                         label=f"offline   parse_scope={other}")
    summary["bench_process_peak_rss_mb"] = round(_peak_rss_mb_self(), 1)
    e2e = measure_end_to_end(settings, corpus, [1, 2], 8.0 if quick else 30.0, say, ROOT / ".newswatch",
                             1 if quick else 2)
    one, two = e2e["e2e"]["1"], e2e["e2e"]["2"]
    latency = one.get("latency", {})
    worker_rss = max([*one["rss_mb"].values(), *two["rss_mb"].values()], default=0.0)
    match = matching.run([100, 100_000], article=seed_enriched)
    say(f"matching  {match['match_ms_100']:.3f} ms/article at 100 rules, {match['match_ms_100k']:.3f} ms at 100 000 "
        f"(build {match['build_s_100k']:.1f} s)")
    summary.update({
        "e2e_aps": one["aps"], "e2e2_aps": two["aps"],
        "ratio": one["aps"] / summary["baseline_aps"], "ratio_2": two["aps"] / summary["baseline2_aps"],
        "offline_ratio": summary["offline_aps"] / summary["baseline_aps"],
        f"offline_{other}_ratio": summary[f"offline_{other}_aps"] / summary["baseline_aps"],
        "parse_scope": settings.parse_scope,
        "scaling_1_to_2": two["aps"] / one["aps"],
        "p50_enriched_ms": latency.get("p50_enriched_ms"), "p99_enriched_ms": latency.get("p99_enriched_ms"),
        "p50_alert_ms": latency.get("p50_alert_ms"), "p95_alert_ms": latency.get("p95_alert_ms"),
        "p99_alert_ms": latency.get("p99_alert_ms"), "offered_aps": latency.get("offered_aps"),
        "rss_mb": worker_rss, "rss_by_process_mb": {"1": one["rss_mb"], "2": two["rss_mb"]},
        "cpu_ms_per_article": {"1": one["cpu_ms_per_article"], "2": two["cpu_ms_per_article"]},
        "match_ms_100": match["match_ms_100"], "match_ms_100k": match["match_ms_100k"],
    })
    say(f"ratios    e2e ÷ baseline {summary['ratio']:.2f}, e2e(2) ÷ baseline(2) {summary['ratio_2']:.2f}, "
        f"offline ÷ baseline {summary['offline_ratio']:.2f}, scaling 1→2 processes {summary['scaling_1_to_2']:.2f}×")
    return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in summary.items()}


def main() -> None:
    summary = run(quick=bool(os.environ.get("NEWSWATCH_BENCH_QUICK")))
    print(json.dumps(summary, sort_keys=True))


if __name__ == "__main__":
    main()
