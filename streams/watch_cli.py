"""`newswatch watch …`: manage rules on the compacted `watchlists` topic and dry-run them offline."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
import yaml

from streams.cli import BrokerOpt, ConfigOpt, console, err, fail, settings_from, watch_app
from streams.config import Settings


async def read_rules_topic(settings: Settings) -> dict[str, dict[str, Any]]:
    """The current rules: the last value of each key of the compacted topic, tombstones removing keys."""
    from aiokafka import TopicPartition

    from streams.kafka import consumer

    client = consumer(settings, group_id=None, enable_auto_commit=False)
    await client.start()
    rules: dict[str, dict[str, Any]] = {}
    try:
        partitions = client.partitions_for_topic(settings.topic_watchlists) or set()
        if not partitions:
            await client._client.force_metadata_update()  # the topic may have just been created
            partitions = client.partitions_for_topic(settings.topic_watchlists) or set()
        tps = [TopicPartition(settings.topic_watchlists, p) for p in sorted(partitions)]
        if not tps:
            return rules
        client.assign(tps)
        await client.seek_to_beginning(*tps)
        ends = await client.end_offsets(tps)
        while [tp for tp in tps if await client.position(tp) < ends[tp]]:
            for messages in (await client.getmany(*tps, timeout_ms=1000)).values():
                for message in messages:
                    key = (message.key or b"").decode()
                    if message.value is None:
                        rules.pop(key, None)
                    else:
                        try:
                            rules[key] = orjson.loads(message.value)
                        except orjson.JSONDecodeError:
                            continue
    finally:
        await client.stop()
    return rules


async def publish(settings: Settings, items: list[tuple[str, bytes | None]]) -> None:
    from streams.kafka import producer

    client = producer(settings)
    await client.start()
    try:
        for key, value in items:
            await client.send_and_wait(settings.topic_watchlists, key=key.encode(), value=value)
    finally:
        await client.stop()


def _run(coro: Any, settings: Settings) -> Any:
    try:
        return asyncio.run(coro)
    except Exception as exc:
        raise fail(f"broker {settings.bootstrap_servers}: {exc}") from None


@watch_app.command("import")
def import_rules(
    file: Annotated[Path, typer.Argument(help="YAML or JSON rules file.")],
    config: ConfigOpt = None,
    broker: BrokerOpt = None,
) -> None:
    """Validate a rules file and publish every rule to the `watchlists` topic (effective without restart)."""
    from streams.watch.rules import RuleError, load_rules

    settings = settings_from(config, broker=broker)
    try:
        rules = load_rules(file)
    except (OSError, RuleError) as exc:
        raise fail(f"{file}: {exc}") from None
    _run(publish(settings, [(r.id, orjson.dumps(r.to_dict())) for r in rules]), settings)
    console.print(f"[green]imported[/] {len(rules)} rule(s): {', '.join(r.id for r in rules)}")


@watch_app.command("add")
def add_rule(
    rule_id: Annotated[str, typer.Argument(help="Rule id (the topic key).")],
    kind: Annotated[str, typer.Option(help="actor, keyword, quoted, …")] = "actor",
    name: Annotated[str | None, typer.Option(help="Actor name or human name of the rule.")] = None,
    alias: Annotated[list[str] | None, typer.Option(help="Extra alias (repeatable).")] = None,
    term: Annotated[list[str] | None, typer.Option(help="Keyword term (repeatable).")] = None,
    inflections: Annotated[bool, typer.Option(help="Match inflected forms of terms.")] = False,
    actor: Annotated[str | None, typer.Option(help="Speaker to watch (kind quoted).")] = None,
    about: Annotated[list[str] | None, typer.Option(help="Quote must mention this (kind quoted; repeatable).")] = None,
    config: ConfigOpt = None,
    broker: BrokerOpt = None,
) -> None:
    """Add or replace one rule."""
    from streams.watch.rules import RuleError, parse_rule

    data: dict[str, Any] = {"id": rule_id, "kind": kind}
    for key, value in {"name": name, "aliases": alias, "terms": term, "actor": actor, "about": about}.items():
        if value:
            data[key] = value
    if inflections:
        data["inflections"] = True
    try:
        rule = parse_rule(data)
    except RuleError as exc:
        raise fail(f"invalid rule: {exc}") from None
    settings = settings_from(config, broker=broker)
    _run(publish(settings, [(rule.id, orjson.dumps(rule.to_dict()))]), settings)
    console.print(f"[green]added[/] {rule.id}")


@watch_app.command("rm")
def remove_rule(rule_id: str, config: ConfigOpt = None, broker: BrokerOpt = None) -> None:
    """Delete a rule (a tombstone on the compacted topic): its alerts stop."""
    settings = settings_from(config, broker=broker)
    _run(publish(settings, [(rule_id, None)]), settings)
    console.print(f"[green]removed[/] {rule_id}")


@watch_app.command("list")
def list_rules(config: ConfigOpt = None, broker: BrokerOpt = None) -> None:
    """List the rules currently on the `watchlists` topic."""
    from rich.table import Table

    settings = settings_from(config, broker=broker)
    rules = _run(read_rules_topic(settings), settings)
    table = Table("id", "kind", "name / terms")
    for rule_id, rule in sorted(rules.items()):
        table.add_row(rule_id, str(rule.get("kind")), str(rule.get("name") or rule.get("actor") or rule.get("terms")))
    console.print(table)


@watch_app.command("show")
def show_rule(rule_id: str, config: ConfigOpt = None, broker: BrokerOpt = None) -> None:
    """Print one rule as JSON."""
    settings = settings_from(config, broker=broker)
    rules = _run(read_rules_topic(settings), settings)
    if rule_id not in rules:
        raise fail(f"no rule {rule_id!r} on {settings.topic_watchlists}")
    console.print_json(data=rules[rule_id])


@watch_app.command("export")
def export_rules(config: ConfigOpt = None, broker: BrokerOpt = None) -> None:
    """Print every rule as a YAML rules file (re-importable with `watch import`)."""
    settings = settings_from(config, broker=broker)
    rules = _run(read_rules_topic(settings), settings)
    sys.stdout.write(yaml.safe_dump({"rules": [rules[k] for k in sorted(rules)]}, allow_unicode=True, sort_keys=False))


@watch_app.command("test")
def test_rules(
    rules_file: Annotated[Path, typer.Argument(help="YAML or JSON rules file.")],
    articles: Annotated[list[Path], typer.Argument(help="Raw (or already enriched) article files.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON alert per line.")] = False,
    config: ConfigOpt = None,
) -> None:
    """Dry-run rules offline: enrich the articles and show what would alert and why."""
    from streams.enrich.intake import utc_now
    from streams.enrich.pipeline import Enricher, Incoming
    from streams.render import alert_line
    from streams.sources import expand, read_records
    from streams.watch.alerting import build_alert
    from streams.watch.matcher import Matcher
    from streams.watch.rules import RuleError, load_rules

    settings = settings_from(config)
    try:
        rules = load_rules(rules_file)
        records = [record for path in expand(articles) for record in read_records(path)]
    except (OSError, RuleError) as exc:
        raise fail(f"{exc}") from None
    enricher = Enricher(settings)
    matcher = Matcher(rules, aliases=enricher.aliases)
    failures = 0
    for record in records:
        data = orjson.loads(record.payload) if record.payload.strip().startswith(b"{") else None
        if isinstance(data, dict) and "entities" in data and "quotes" in data:
            enriched = data
        else:
            outcome = enricher.enrich_batch([Incoming(record.payload)])[0]
            if outcome.enriched is None:
                failures += 1
                letter = outcome.dead_letter or {}
                err.print(f"[bold red]error:[/] {record.origin}: {letter.get('error_class')}: {letter.get('reason')}")
                continue
            enriched = outcome.enriched
        for match in matcher.match(enriched):
            alert = build_alert(match, enriched, utc_now())
            if as_json:
                sys.stdout.write(orjson.dumps(alert).decode() + "\n")
            else:
                console.print(alert_line(alert), highlight=False)
    if failures:
        raise typer.Exit(1)
