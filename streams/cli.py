"""The `newswatch` command line. Each command is a few lines calling the modules that do the work."""

from __future__ import annotations

import asyncio
import logging.config
import sys
import time
from pathlib import Path
from typing import Annotated

import orjson
import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from streams import __version__
from streams.config import ConfigError, Settings, load_settings

app = typer.Typer(
    help="newswatch: raw news articles in, enriched articles and watchlist alerts out, on Kafka.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
watch_app = typer.Typer(help="Manage watch rules (the compacted `watchlists` topic) and dry-run them offline.",
                        no_args_is_help=True)
app.add_typer(watch_app, name="watch")
console = Console()
err = Console(stderr=True)

ConfigOpt = Annotated[Path | None, typer.Option("--config", "-c", help="Settings file (YAML or TOML).",
                                                 envvar="NEWSWATCH_CONFIG")]
BrokerOpt = Annotated[str | None, typer.Option("--broker", "-b", help="Bootstrap server(s), e.g. kafka://host:9092.",
                                               envvar="NEWSWATCH_BROKER")]


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a one-line error and return the Exit to raise."""
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)  # (a message may hold "[extra]")
    return typer.Exit(code)


def settings_from(config: Path | None, **overrides: object) -> Settings:
    try:
        return load_settings(str(config) if config else None, **overrides)
    except ConfigError as exc:
        raise fail(str(exc), 2) from None


def version_callback(value: bool) -> None:
    if value:
        console.print(f"newswatch {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=version_callback, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Every setting can come from NEWSWATCH_* environment variables or a --config file; see `newswatch config`."""


@app.command()
def worker(
    config: ConfigOpt = None,
    broker: BrokerOpt = None,
    web_port: Annotated[int | None, typer.Option(help="Port of the health/metrics/API web server.")] = None,
    processes: Annotated[int | None, typer.Option(help="Enrichment processes (0 = a thread in this process).")] = None,
    watchlist: Annotated[Path | None, typer.Option(help="Static rules file, merged under the topic's rules.")] = None,
    loglevel: Annotated[str | None, typer.Option("--loglevel", "-l", help="debug, info, warning, error")] = None,
) -> None:
    """Run a worker: enrichment, alerting and watchlist agents, against any Kafka broker."""
    from streams.app import create_app
    from streams.kafka import create_topics
    from streams.logs import logging_config
    from streams.worker import Worker

    settings = settings_from(config, broker=broker, web_port=web_port, enrich_processes=processes,
                             watchlist_file=str(watchlist) if watchlist else None, log_level=loglevel)
    log_config = logging_config(settings.log_level, settings.log_format)
    logging.config.dictConfig(log_config)
    log = logging.getLogger("newswatch.worker")
    log.info("starting worker", extra={"settings": settings.redacted()})
    delay = 1.0
    while True:  # a worker started before its broker waits for it instead of exiting at once
        try:
            asyncio.run(create_topics(settings, timeout=10))
            break
        except Exception as exc:
            log.warning("broker %s unreachable (%s); retrying in %.0fs", settings.bootstrap_servers, exc, delay)
            time.sleep(delay)
            delay = min(delay * 2, 30.0)
    try:
        application = create_app(settings)
    except Exception as exc:
        raise fail(f"cannot build the worker: {exc}") from None
    Worker(application, loglevel=settings.log_level, logging_config=log_config).execute_from_commandline()


@app.command()
def dev(
    once: Annotated[bool, typer.Option("--once", help="Stop by itself once the samples are processed.")] = False,
    samples: Annotated[list[Path] | None, typer.Option("--samples", help="Article files or folders to send.")] = None,
    watchlist: Annotated[Path | None, typer.Option(help="Watch rules file (YAML/JSON).")] = None,
    timeout: Annotated[float, typer.Option(help="Give up after this many seconds.")] = 170.0,
    config: ConfigOpt = None,
) -> None:
    """Embedded broker + worker + sample articles + sample watchlist; prints alerts as they arrive."""
    from streams.devrun import DEFAULT_SAMPLES, DEFAULT_WATCHLIST, run_dev

    settings = settings_from(config)
    paths = samples or DEFAULT_SAMPLES
    for path in [*paths, watchlist or DEFAULT_WATCHLIST]:
        if not path.exists():
            raise fail(f"no such file or folder: {path}")
    code = run_dev(settings, paths, watchlist or DEFAULT_WATCHLIST, once, timeout if once else 10**9, console,
                   Path(".newswatch"))
    raise typer.Exit(code)


@app.command()
def broker(
    port: Annotated[int, typer.Option(help="Port to listen on (0 = a free one).")] = 0,
    create: Annotated[bool, typer.Option(help="Create newswatch's topics once it is up.")] = True,
) -> None:
    """Run only the embedded Kafka-protocol broker (Tansu, memory storage) and print its bootstrap address."""
    from streams.devbroker import EmbeddedBroker
    from streams.kafka import create_topics

    embedded = EmbeddedBroker(port=port)
    try:
        embedded.start()
    except Exception as exc:
        raise fail(f"cannot start the broker: {exc}") from None
    try:
        if create:
            asyncio.run(create_topics(load_settings(broker=embedded.url)))
        console.print(embedded.bootstrap, highlight=False)
        err.print(f"[green]broker[/] pid {embedded.process.pid if embedded.process else '?'}; "
                  f"export NEWSWATCH_BROKER={embedded.url} ; Ctrl-C to stop", highlight=False)
        while embedded.alive():
            time.sleep(0.5)
        raise fail("the broker exited")
    except KeyboardInterrupt:
        pass
    finally:
        embedded.stop()


@app.command()
def produce(
    files: Annotated[list[Path], typer.Argument(help="JSON, JSONL, .txt or .html files (or folders).")],
    config: ConfigOpt = None,
    broker: BrokerOpt = None,
    topic: Annotated[str | None, typer.Option(help="Topic (default: the raw topic).")] = None,
    validate: Annotated[bool, typer.Option(help="Refuse records that are not valid raw articles.")] = True,
) -> None:
    """Publish article files to the raw topic, with a progress bar."""
    from streams.enrich.intake import InvalidArticle, parse_article
    from streams.kafka import producer
    from streams.sources import expand, read_records

    settings = settings_from(config, broker=broker)
    target = topic or settings.topic_raw
    try:
        records = [record for path in expand(files) for record in read_records(path)]
    except OSError as exc:
        raise fail(f"cannot read {exc.filename}: {exc.strerror}") from None
    invalid = []
    if validate:
        for record in records:
            try:
                parse_article(record.payload, settings.max_article_bytes)
            except InvalidArticle as exc:
                invalid.append(f"{record.origin}: {exc.error_class}: {exc.reason}")
    if invalid:
        for line in invalid:
            err.print(f"[red]invalid[/] {line}", highlight=False)
        raise fail(f"{len(invalid)} invalid record(s); nothing published (use --no-validate to send them anyway)")

    async def send_all() -> None:
        client = producer(settings)
        await client.start()
        try:
            with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                          console=err) as progress:
                task = progress.add_task(f"→ {target}", total=len(records))
                for record in records:
                    await client.send_and_wait(target, key=record.key, value=record.payload)
                    progress.advance(task)
        finally:
            await client.stop()

    try:
        asyncio.run(send_all())
    except Exception as exc:
        raise fail(f"publishing to {settings.bootstrap_servers} failed: {exc}") from None
    err.print(f"[green]published[/] {len(records)} message(s) to {target}")


@app.command()
def tail(
    topic: Annotated[str, typer.Argument(help="Topic name, or one of: raw, enriched, alerts, dlq, watchlists.")],
    config: ConfigOpt = None,
    broker: BrokerOpt = None,
    from_beginning: Annotated[bool, typer.Option(help="Start at the oldest message.")] = True,
    max_messages: Annotated[int | None, typer.Option("--max", help="Stop after N messages.")] = None,
    timeout: Annotated[float | None, typer.Option(help="Stop after N seconds without messages.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """Print a topic's messages readably (alerts, enriched articles, dead letters) or as JSON lines."""
    from streams.kafka import consumer
    from streams.render import print_message

    settings = settings_from(config, broker=broker)
    names = {"raw": settings.topic_raw, "enriched": settings.topic_enriched, "alerts": settings.topic_alerts,
             "dlq": settings.topic_dlq, "watchlists": settings.topic_watchlists}
    name = names.get(topic, topic)
    kind = {v: k for k, v in names.items()}.get(name, "")

    async def follow() -> int:
        client = consumer(settings, name, group_id=None,
                          auto_offset_reset="earliest" if from_beginning else "latest")
        await client.start()
        seen, quiet_since = 0, time.monotonic()
        try:
            while max_messages is None or seen < max_messages:
                batches = await client.getmany(timeout_ms=500, max_records=100)
                if not batches and timeout is not None and time.monotonic() - quiet_since > timeout:
                    break
                for messages in batches.values():
                    for message in messages:
                        quiet_since = time.monotonic()
                        seen += 1
                        value = message.value
                        if as_json or value is None:
                            sys.stdout.write((value or b"null").decode("utf-8", "replace") + "\n")
                        else:
                            try:
                                print_message(console, kind, orjson.loads(value))
                            except orjson.JSONDecodeError:
                                console.print(repr(value[:200]))
                        if max_messages is not None and seen >= max_messages:
                            break
        finally:
            await client.stop()
        return seen

    try:
        asyncio.run(follow())
    except KeyboardInterrupt:
        pass
    except Exception as exc:
        raise fail(f"reading {name} from {settings.bootstrap_servers} failed: {exc}") from None


@app.command()
def enrich(
    files: Annotated[list[Path], typer.Argument(help="Raw article JSON/JSONL (or .txt/.html) files; '-' for stdin.")],
    config: ConfigOpt = None,
    pretty: Annotated[bool, typer.Option(help="Indent the JSON output.")] = False,
) -> None:
    """Enrich articles offline (no Kafka): one enriched JSON object per line on stdout, same code path as the agent.

    Articles that would go to the dead-letter topic are reported on stderr and make the exit code 1.
    """
    from streams.enrich.pipeline import Enricher, Incoming
    from streams.sources import Record, expand, read_records

    settings = settings_from(config)
    try:
        if [str(f) for f in files] == ["-"]:
            records = [Record(f"stdin:{n}", line, None) for n, line in enumerate(sys.stdin.buffer, 1) if line.strip()]
        else:
            records = [record for path in expand(files) for record in read_records(path)]
    except OSError as exc:
        raise fail(f"cannot read {exc.filename}: {exc.strerror}") from None
    enricher = Enricher(settings)
    option = orjson.OPT_INDENT_2 if pretty else 0
    failures = 0
    for start in range(0, len(records), settings.batch_size):
        chunk = records[start:start + settings.batch_size]
        for record, outcome in zip(chunk, enricher.enrich_batch([Incoming(r.payload) for r in chunk]), strict=True):
            if outcome.enriched is not None:
                sys.stdout.buffer.write(orjson.dumps(outcome.enriched, option=option) + b"\n")
            else:
                failures += 1
                letter = outcome.dead_letter or {}
                err.print(f"[bold red]error:[/] {record.origin}: {letter.get('error_class')}: {letter.get('reason')}",
                          highlight=False)
    sys.stdout.flush()
    if failures:
        raise typer.Exit(1)


@app.command("eval")
def evaluate(
    gold: Annotated[list[Path] | None, typer.Option(
        help="Folder(s) of *.gold.json annotations (repeat the option for several).")] = None,
    raw: Annotated[list[Path] | None, typer.Option(help="Folder(s) of raw articles (*.json, *.jsonl, *.html).")] = None,
    against: Annotated[Path | None, typer.Option(
        help="A second annotation (*.gold.json) of some of the gold articles: score it instead of the enrichment "
             "(annotator agreement, same matching).")] = None,
    baseline: Annotated[str | None, typer.Option(
        help="Also run a published quote extractor on the same cleaned texts and compare direct quotes: "
             "'textacy' (needs `pip install 'newswatch\\[baseline]'`).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    config: ConfigOpt = None,
) -> None:
    """Score quotes, speakers, entities and language against gold annotations."""
    from streams.evaluate import annotation_as_prediction, render_report, run_eval

    gold_dirs = gold or [Path("tests/data/gold")]
    raw_dirs = raw or [Path("../shared/samples/raw"), Path("../shared/samples/pages"), Path("tests/data/raw")]
    missing = [str(p) for p in [*gold_dirs, *raw_dirs, *([against] if against else [])] if not p.exists()]
    if missing:
        raise fail(f"no such folder: {', '.join(missing)}")
    if baseline is not None:
        _compare_with_baseline(baseline, gold_dirs, raw_dirs, against, as_json, config)
        return
    if against is not None:
        only, predict = annotation_as_prediction(against)
        report = run_eval(gold_dirs, raw_dirs, predict, only=only)
        if not report.articles:
            raise fail(f"no article of {against} is in the gold folders")
    else:
        from streams.enrich.pipeline import Enricher

        enricher = Enricher(settings_from(config, undetermined_language="enrich"))
        report = run_eval(gold_dirs, raw_dirs, enricher.enrich_message)
    if as_json:
        sys.stdout.write(orjson.dumps(report.to_dict(), option=orjson.OPT_INDENT_2).decode() + "\n")
    else:
        render_report(report, console)


def _compare_with_baseline(name: str, gold_dirs: list[Path], raw_dirs: list[Path], against: Path | None,
                           as_json: bool, config: Path | None) -> None:
    from streams.baselines import compare, make_baseline, render_comparison
    from streams.enrich.pipeline import Enricher

    if against is not None:
        raise fail("--baseline and --against do not go together: the comparison scores the enrichment")
    settings = settings_from(config, undetermined_language="enrich")
    try:
        extractor = make_baseline(name, settings.models)
    except ValueError as exc:
        raise fail(str(exc), 2) from None
    except ImportError:
        raise fail(f"the {name} baseline is not installed: pip install 'newswatch[baseline]'") from None
    comparison = compare(gold_dirs, raw_dirs, Enricher(settings).enrich_message, extractor)
    if not comparison.rows:
        raise fail(f"no gold article is in a language {name} supports ({', '.join(sorted(extractor.languages))})")
    if as_json:
        sys.stdout.write(orjson.dumps(comparison.to_dict(), option=orjson.OPT_INDENT_2).decode() + "\n")
    else:
        render_comparison(comparison, console)


@app.command()
def bench(
    quick: Annotated[bool, typer.Option("--quick", help="Small run (under 3 minutes on 2 cores).")] = False,
    articles: Annotated[int | None, typer.Option(help="Number of articles (default 48 quick, 320 full).")] = None,
    config: ConfigOpt = None,
) -> None:
    """Benchmark: bare spaCy vs offline enrichment vs end to end through the embedded broker (last line: JSON)."""
    from streams.benchmarks.throughput import run

    settings = settings_from(config)
    try:
        summary = run(quick=quick, articles=articles, say=lambda line: console.print(line, highlight=False),
                      settings=settings)
    except Exception as exc:
        raise fail(f"benchmark failed: {type(exc).__name__}: {exc}") from None
    sys.stdout.write(orjson.dumps(summary, option=orjson.OPT_SORT_KEYS).decode() + "\n")


@app.command("config")
def show_config(config: ConfigOpt = None) -> None:
    """Show the effective settings (secrets masked) and the environment variable of each."""
    from rich.table import Table

    settings = settings_from(config)
    table = Table("setting", "value", "environment variable")
    for name, value in settings.redacted().items():
        table.add_row(name, str(value), f"NEWSWATCH_{name.upper()}")
    console.print(table)


@app.command()
def topics(config: ConfigOpt = None, broker: BrokerOpt = None) -> None:
    """Create newswatch's topics (partitions and configs from settings) if they do not exist."""
    from streams.kafka import create_topics

    settings = settings_from(config, broker=broker)
    try:
        created = asyncio.run(create_topics(settings))
    except Exception as exc:
        raise fail(f"cannot create topics on {settings.bootstrap_servers}: {exc}") from None
    console.print(f"created: {', '.join(created) or 'none (all exist)'}")


def main() -> None:
    from streams import watch_cli  # noqa: F401  (registers `newswatch watch …` commands)

    app()


if __name__ == "__main__":
    main()
